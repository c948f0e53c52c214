"""Direct quotes and reported speech with speaker attribution, on invented sentences."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.extract import ExtractionContext
from claimdiff.extract.entities import extract_entities
from claimdiff.extract.quotes import extract_quotes
from claimdiff.models import QuoteClaim, Source


def quotes(text: str) -> list[QuoteClaim]:
    ctx = ExtractionContext.for_source(
        Source(
            id="t", path="t.txt", text=text, published=date(2024, 1, 1), published_from="manifest"
        )
    )
    found = tuple(extract_entities(ctx, ()))
    records = extract_quotes(ctx, found)
    for record in records:
        assert ctx.text[record.start : record.end] == record.text
    return [r for r in records if isinstance(r, QuoteClaim)]


def test_curly_quote_with_trailing_attribution() -> None:
    (quote,) = quotes("“We will build the bridge within two years,” Mayor Lena Fischer said.")
    assert quote.value == "We will build the bridge within two years,"
    assert quote.text == quote.value
    assert quote.direct
    assert quote.attributed_to == "Lena Fischer"
    assert quote.subject is not None and quote.subject.startswith("t:mention:")
    assert quote.predicate == "said"


def test_straight_quote_after_colon() -> None:
    (quote,) = quotes('Paul Okafor said: "The harvest was the worst in a decade."')
    assert quote.value == "The harvest was the worst in a decade."
    assert quote.attributed_to == "Paul Okafor"


def test_said_before_name() -> None:
    (quote,) = quotes('"Prices will fall next year," said Ingrid Larsen, an economist.')
    assert quote.attributed_to == "Ingrid Larsen"


def test_pronoun_speaker_is_the_last_named_speaker() -> None:
    text = (
        'Ms Clara Dunn said: "The plan is ready for a vote." '
        'Later she added: "We expect it to pass easily next week."'
    )
    first, second = quotes(text)
    assert second.attributed_to == "Clara Dunn"


def test_pronoun_prefers_gender_from_honorific() -> None:
    text = (
        "Mr Tom Reyes spoke first. Mrs Ana Ruiz replied that the budget was too small. "
        '"We simply cannot afford this plan now," she said.'
    )
    direct = [q for q in quotes(text) if q.direct]
    assert direct[-1].attributed_to == "Ana Ruiz"


def test_role_speaker_resolves_to_holder() -> None:
    text = (
        "Peruvian President Luis Gamarra arrived on Sunday. "
        '"This visit opens a new chapter for our two nations," the Peruvian president said.'
    )
    direct = [q for q in quotes(text) if q.direct]
    assert direct[0].attributed_to == "Luis Gamarra"


def test_quote_running_over_several_sentences() -> None:
    text = '"We will not stop. We will keep going until the end," Sara Holm said.'
    (quote,) = quotes(text)
    assert quote.value == "We will not stop. We will keep going until the end,"


def test_unclosed_quote_is_closed_by_the_next_opening() -> None:
    text = (
        'Mr Ole Berg said: "It was a hard year for us all. "Next year will be better for everyone."'
    )
    values = [q.value for q in quotes(text) if q.direct]
    assert values == ["It was a hard year for us all.", "Next year will be better for everyone."]


def test_scare_quotes_are_skipped() -> None:
    text = 'The minister criticised the "so-called experts" during the debate.'
    assert [q for q in quotes(text) if q.direct] == []


def test_reported_speech_with_that() -> None:
    (quote,) = quotes("Karin Vogel stressed that the reform would take at least five years.")
    assert not quote.direct
    assert quote.value == "the reform would take at least five years"
    assert quote.attributed_to == "Karin Vogel"


def test_reported_speech_after_colon() -> None:
    (quote,) = quotes("Karin Vogel emphasised: The reform will take at least five years.")
    assert quote.value == "The reform will take at least five years"
    assert not quote.direct


def test_according_to_attribution() -> None:
    (quote,) = quotes("Exports rose sharply in the spring, according to Karin Vogel.")
    assert quote.value == "Exports rose sharply in the spring"
    assert quote.attributed_to == "Karin Vogel"


def test_unknown_speaker_is_none() -> None:
    (quote,) = quotes('"Nobody knows what will happen to the old harbour next year."')
    assert quote.attributed_to is None
    assert quote.subject is None


_ALPHABET = st.sampled_from(
    list("abcAB ,.:\"“”‘’'\n") + ["said ", "he said", "Mr Lee ", "according to ", "that "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_every_quote_span_indexes_its_text_on_random_input(text: str) -> None:
    started = time.perf_counter()
    quotes(text)
    assert time.perf_counter() - started < 1.0


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.value, q.attributed_to) for q in quotes(text)]


def test_apposition_speaker_is_the_person_not_the_employer() -> None:
    text = '"Prices will rise," Ola Brenn, an analyst at Kestrel Bank told reporters.'
    assert speakers(text) == [("Prices will rise,", "Ola Brenn")]
    text = (
        "Dan Ruiz, the leader of the Harbour Workers Union said: "
        '"We will strike next month if nothing changes."'
    )
    assert speakers(text)[0][1] == "Dan Ruiz"


def test_definite_organisation_speaker_refers_back() -> None:
    text = (
        "Shares in Vexa Holdings fell. Revenues at Vexa Holdings slipped 5% last year, "
        "the company said. It added it was planning further cuts in the spring."
    )
    found = speakers(text)
    assert ("Revenues at Vexa Holdings slipped 5% last year", "Vexa Holdings") in found
    assert ("it was planning further cuts in the spring", "Vexa Holdings") in found


def test_definite_person_speaker_after_the_verb() -> None:
    text = (
        "Talks will resume in the spring, said farm affairs correspondent Jo Hale. "
        "A deal would take months to agree, said our correspondent."
    )
    assert speakers(text) == [
        ("Talks will resume in the spring", "Jo Hale"),
        ("A deal would take months to agree", "Jo Hale"),
    ]


def test_unnamed_plural_speakers_give_reported_speech_without_speaker() -> None:
    assert speakers("Critics say the plan is far too costly for the town.") == [
        ("the plan is far too costly for the town", None)
    ]
    assert speakers("Analysts said that the move is aimed at winning over investors.") == [
        ("the move is aimed at winning over investors", None)
    ]


def test_participle_takes_the_sentence_subject() -> None:
    text = "Mira Olsen praised the deal, saying both firms would gain from it."
    assert speakers(text) == [("both firms would gain from it", "Mira Olsen")]
    noun_phrase = "Mira Olsen visited the plant, stressing the importance of exports."
    assert speakers(noun_phrase) == []


def test_time_phrase_before_that() -> None:
    text = "Union leader Sam Obi warned last week that more strikes would follow."
    assert speakers(text) == [("more strikes would follow", "Sam Obi")]


def test_quoted_fragment_takes_the_speaker_of_the_sentence() -> None:
    text = 'Ms Ada Kerr said little. She called for action to "protect the young".'
    assert ("protect the young", "Ada Kerr") in speakers(text)


def test_clause_framing_a_quote_is_not_a_second_claim() -> None:
    text = 'Ian Moss said the budget was "a false economy for everyone".'
    assert speakers(text) == [("a false economy for everyone", "Ian Moss")]


def test_news_agency_citation_is_not_speech() -> None:
    text = "According to Delta News, the minister met the envoy in the capital on Monday."
    assert quotes(text) == []


def test_subject_inside_opening_relative_clause_is_skipped() -> None:
    text = (
        "In this meeting, which Mr Tor Lund also attended, Ms Eva Strand spoke and said: "
        "Good progress was made on every point."
    )
    assert speakers(text)[-1][1] == "Eva Strand"


def test_source_named_at_the_end_of_a_lead_reports_what_comes_before() -> None:
    text = (
        "LYON, May 3 (Nordwire) - A fire destroyed a warehouse near the port on Monday, "
        "killing two workers, officials said, as firefighters fought to contain it."
    )
    (quote,) = quotes(text)
    assert quote.value == (
        "A fire destroyed a warehouse near the port on Monday, killing two workers"
    )
    assert quote.attributed_to is None


def test_source_with_a_time_after_the_verb_reports_what_comes_before() -> None:
    text = (
        "The number of people evacuated from the valley rose to 300, "
        "the Alpine Rescue Service said on Friday."
    )
    (quote,) = quotes(text)
    assert quote.value == "The number of people evacuated from the valley rose to 300"


def test_an_unnamed_official_is_a_speaker_without_a_name() -> None:
    text = "In Varna, divers recovered a second boat from the harbour, a local official said."
    (quote,) = quotes(text)
    assert quote.value == "In Varna, divers recovered a second boat from the harbour"
    assert quote.attributed_to is None


def test_told_a_listener_without_that_reports_the_clause() -> None:
    text = "Finance Minister Odile Marchand told reporters the new tax could raise 2 billion euros."
    (quote,) = quotes(text)
    assert quote.value == "the new tax could raise 2 billion euros"
    assert quote.attributed_to == "Odile Marchand"


def test_told_a_listener_then_a_place_is_no_clause() -> None:
    text = "Mayor Ines Lobo told reporters in Braga, where she arrived on Monday, about the floods."
    assert quotes(text) == []


def test_told_a_gathering_that_reports_the_clause_after_that() -> None:
    text = (
        "Trade Minister Pavel Novak told a business forum in Brno that contracts worth "
        "$2 billion had been signed."
    )
    (quote,) = quotes(text)
    assert quote.value.startswith("contracts worth $2 billion")


def test_it_was_noted_that_is_a_statement_without_a_speaker() -> None:
    (quote,) = quotes("It was noted that exports to the region doubled over five years.")
    assert quote.value == "exports to the region doubled over five years"
    assert quote.attributed_to is None


def test_it_was_announced_that_is_no_statement() -> None:
    assert quotes("Last month it was announced that 12 rural schools would close in June.") == []


def test_the_person_named_after_a_role_speaks() -> None:
    (quote,) = quotes('Norway\'s trade minister, Ida Berg, called the talks "a turning point".')
    assert quote.attributed_to == "Ida Berg"


def test_a_second_reported_clause_after_a_direct_quote_is_kept() -> None:
    text = (
        'Fire chief Marta Olsen told Radio Nord that crews were "doing all they can" '
        "and that two bridges had been closed."
    )
    found = quotes(text)
    assert [q.value for q in found] == ["doing all they can", "two bridges had been closed"]
    assert {q.attributed_to for q in found} == {"Marta Olsen"}


def test_an_acronym_in_brackets_before_the_verb_is_the_speaker() -> None:
    text = (
        "At least 14 homes were flooded overnight, the Regional Water Agency (RWA) said on Tuesday."
    )
    (quote,) = quotes(text)
    assert quote.value == "At least 14 homes were flooded overnight"
    assert quote.attributed_to == "Regional Water Agency"


def test_a_statement_issued_by_the_sides_is_the_speaker() -> None:
    text = (
        "A joint communique issued after the talks said the two governments would open "
        "a consulate in Porto."
    )
    (quote,) = quotes(text)
    assert quote.value == "the two governments would open a consulate in Porto"
    assert quote.attributed_to == "joint communique"
    assert quote.subject is None


def test_according_to_a_document_reports_the_clause_after_it() -> None:
    text = "According to the Final Declaration, the leaders agreed to meet again in Quito."
    (quote,) = quotes(text)
    assert quote.value == "the leaders agreed to meet again in Quito"
    assert quote.attributed_to == "final declaration"


def test_a_country_opening_the_sentence_speaks_for_its_government() -> None:
    (quote,) = quotes("Japan said it would send 200 rescuers and two field hospitals.")
    assert quote.value == "it would send 200 rescuers and two field hospitals"
    assert quote.attributed_to == "Japan"


def test_a_country_inside_the_sentence_is_no_speaker() -> None:
    text = "Aid workers in Japan said the roads to the coast were still closed."
    (quote,) = quotes(text)
    assert quote.attributed_to is None


def test_according_to_official_figures_reports_what_comes_before() -> None:
    text = "The floods destroyed 300 homes and damaged two bridges, according to official figures."
    (quote,) = quotes(text)
    assert quote.value == "The floods destroyed 300 homes and damaged two bridges"
    assert quote.attributed_to is None


def test_what_a_named_speaker_noted_is_a_statement() -> None:
    text = (
        "Welcoming the guests, Anna Kowalska noted the steady growth of trade between "
        "the two ports."
    )
    (quote,) = quotes(text)
    assert quote.value == "the steady growth of trade between the two ports"
    assert quote.attributed_to == "Anna Kowalska"


def test_a_quote_opening_with_a_preposition_leaves_its_clause_a_statement() -> None:
    text = 'Mr Tomas Berg said he wanted exports to double "within the next five years".'
    values = [q.value for q in quotes(text)]
    assert "within the next five years" in values
    assert any(v.startswith("he wanted exports to double") for v in values)


def test_a_name_and_its_role_before_said_and_a_quote_are_no_reported_clause() -> None:
    text = 'Lena Vik, president of Norbank, said, "This loan is what the region needed."'
    found = quotes(text)
    assert [(q.value, q.direct) for q in found] == [("This loan is what the region needed.", True)]


def test_told_a_named_programme_then_a_quote_is_no_reported_clause() -> None:
    text = 'Ivo Marin told Radio 7 News: "We expect the port to reopen next week."'
    found = quotes(text)
    assert [q.direct for q in found] == [True]


def test_told_a_programme_by_its_possessive_name_is_no_reported_clause() -> None:
    text = "Minister Ada Lind told Radio Nord's the Morning Hour her concern was the budget."
    assert all(not q.value.startswith("the Morning Hour") for q in quotes(text))


def test_said_then_a_time_is_no_reported_clause() -> None:
    text = (
        '"We have more than a million people out of work," an official said earlier on the radio.'
    )
    assert [q.direct for q in quotes(text)] == [True]


def test_both_sides_as_one_speaker_report_the_clause() -> None:
    text = "The two sides said they would reopen the border crossing at Kapitan Andreevo."
    (quote,) = quotes(text)
    assert quote.value.startswith("they would reopen the border crossing")
    assert quote.attributed_to is None


def test_a_name_of_no_known_kind_opening_with_a_title_can_speak() -> None:
    text = (
        "Chairman NPA Lt Gen Olav Brenna, who visited the port on Wednesday, said: the first "
        "priority is to reopen the harbour. He said the work would go on until the last "
        "ship was freed."
    )
    found = quotes(text)
    assert [q.value for q in found] == [
        "the first priority is to reopen the harbour",
        "the work would go on until the last ship was freed",
    ]
    assert all(q.attributed_to and q.attributed_to.endswith("Olav Brenna") for q in found)


def test_a_quote_said_by_an_unnamed_speaker_does_not_continue_the_last_one() -> None:
    text = (
        'Dr Ruth Amsel said the ward was full. "We need more beds," she said. '
        '"We lost everything in one night," said a farmer from the valley.'
    )
    last = quotes(text)[-1]
    assert last.value.startswith("We lost everything")
    assert last.attributed_to is None


def test_a_name_right_after_said_speaks_even_one_taken_for_a_place() -> None:
    text = (
        "Unions said turnout was high.\n\n"
        '"We walked out because the pay offer is an insult," said Hall Marit-sen, '
        "a spokeswoman for the nurses."
    )
    spoken = [q for q in quotes(text) if q.direct]
    assert spoken and spoken[0].attributed_to == "Hall Marit-sen"


def test_a_bare_title_speaks_for_the_one_holder_named_before() -> None:
    text = (
        "Prime Minister of Estonia Kaja Rebane attended the forum in Tartu.\n\n"
        "In her remarks, the Prime Minister noted: Estonia is ready to invest in the grid "
        "and supports the new fund."
    )
    (quote,) = [q for q in quotes(text) if "ready to invest" in q.value]
    assert quote.attributed_to == "Kaja Rebane"


def test_a_bare_title_with_two_holders_named_before_stays_a_title() -> None:
    text = (
        "Prime Minister of Estonia Kaja Rebane met Prime Minister of Latvia Ivars Kalnins.\n\n"
        "In her remarks, the Prime Minister noted: the two countries will share the grid "
        "and the new fund."
    )
    (quote,) = [q for q in quotes(text) if "share the grid" in q.value]
    assert quote.attributed_to not in ("Kaja Rebane", "Ivars Kalnins")


def test_in_a_communique_the_leaders_said_quotes_the_communique() -> None:
    text = (
        "In their final communique, the ministers said they would "
        '"keep the river basin open to shipping and trade for all members".'
    )
    (quote,) = [q for q in quotes(text) if q.direct]
    assert quote.attributed_to == "final communique"


def test_a_declaration_pledging_to_a_quote_is_the_declarations() -> None:
    text = (
        "Mayor Ana Ruiz spoke first.\n\n"
        "The mayors issued a declaration pledging to "
        '"plant a million trees in the region before the end of the decade".'
    )
    (quote,) = [q for q in quotes(text) if "million trees" in q.value]
    assert quote.attributed_to == "declaration"


def test_a_place_that_qualifies_the_speaker_after_said_is_not_the_speaker() -> None:
    text = '"We are watching the weather," said Oslo race director Tom Garde.'
    (quote,) = quotes(text)
    assert quote.attributed_to != "Oslo"


def test_in_a_statement_a_named_company_said_quotes_the_company() -> None:
    text = "In a statement, Norvik Shipping said it would cut 200 jobs at its yard in Bergen."
    (quote,) = quotes(text)
    assert quote.attributed_to == "Norvik Shipping"


def test_in_a_statement_an_unnamed_speaker_said_is_not_the_statements() -> None:
    text = "In a statement, the club said it would allow the buyer to inspect its accounts."
    assert all(q.attributed_to != "statement" for q in quotes(text))
