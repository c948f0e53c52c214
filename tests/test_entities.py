"""Entity mentions and role claims, on invented sentences."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.extract import ExtractionContext
from claimdiff.extract.entities import extract_entities
from claimdiff.models import Mention, RoleClaim, Source

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def context(text: str) -> ExtractionContext:
    return ExtractionContext.for_source(
        Source(
            id="t", path="t.txt", text=text, published=date(2024, 1, 1), published_from="manifest"
        )
    )


def mentions(text: str) -> list[Mention]:
    return [r for r in extract_entities(context(text), ()) if isinstance(r, Mention)]


def roles(text: str) -> list[RoleClaim]:
    return [r for r in extract_entities(context(text), ()) if isinstance(r, RoleClaim)]


def by_text(text: str) -> dict[str, Mention]:
    return {m.text: m for m in mentions(text)}


def test_pre_nominal_title_gives_role_with_country() -> None:
    found = by_text("Kenyan President Arthur Mwangi arrived in Nairobi on Monday.")
    person = found["Arthur Mwangi"]
    assert person.entity_kind == "person"
    assert person.titles == ("President",)
    assert person.role == "President of Kenya"
    assert person.country == "Kenya"
    assert found["Nairobi"].entity_kind == "place"


def test_role_claim_records_role_at_publication_date() -> None:
    (claim,) = roles("Kenyan President Arthur Mwangi arrived in Nairobi on Monday.")
    assert claim.predicate == "holds_title"
    assert claim.value == "President of Kenya"
    assert claim.object == "Kenyan President"
    assert claim.at is not None and claim.at.start == date(2024, 1, 1)
    assert claim.subject is not None and claim.subject.endswith(":mention:17-30")


def test_span_is_bare_name_and_titles_are_separate() -> None:
    text = "Talks were led by Grand Ayatollah Seyyed Hassan Mousavi in Qom."
    person = by_text(text)["Hassan Mousavi"]
    assert person.titles == ("Grand Ayatollah", "Seyyed")
    assert text[person.start : person.end] == "Hassan Mousavi"


def test_apposition_after_name_gives_role_with_destination() -> None:
    text = "Omar Haddad, the Jordanian ambassador to Egypt, said the talks went well."
    (claim,) = roles(text)
    assert claim.value == "Ambassador of Jordan to Egypt"
    found = by_text(text)
    assert found["Omar Haddad"].role == "Ambassador of Jordan to Egypt"
    role_mention = found["Jordanian ambassador to Egypt"]
    assert role_mention.via == "role"
    assert role_mention.name == "Omar Haddad"


def test_apposition_after_role_names_the_holder() -> None:
    text = "The call was made by the President of the Republic of Ghana, Kwame Asante, on Friday."
    (claim,) = roles(text)
    assert claim.value == "President of Ghana"
    assert by_text(text)["Kwame Asante"].role == "President of Ghana"


def test_a_title_after_as_is_no_apposition_of_the_next_name() -> None:
    text = "He begins his second term as Ghanaian President, Kwame Asante has said."
    assert roles(text) == []
    assert by_text(text)["Kwame Asante"].role is None
    assert [c.value for c in roles("He met the Ghanaian President, Kwame Asante, on Friday.")] == [
        "President of Ghana"
    ]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("South African President Kwame Asante spoke.", "President of South Africa"),
        (
            "The South Korean Foreign Minister Kwame Asante spoke.",
            "Foreign Minister of South Korea",
        ),
    ],
)
def test_a_demonym_of_two_words_gives_the_country(text: str, role: str) -> None:
    assert by_text(text)["Kwame Asante"].role == role


def test_a_demonym_of_two_words_names_no_one() -> None:
    found = by_text("Sri Lankan cricket captain Kwame Asante met South Korean officials.")
    assert "Sri Lankan" not in found and "South Korean" not in found
    assert "Kwame Asante" in found


def test_rank_and_ministry_chain() -> None:
    text = "He met Polish Minister of Defence General Jan Kowalczyk in Warsaw."
    person = by_text(text)["Jan Kowalczyk"]
    assert person.titles == ("Minister of Defence", "General")
    assert person.role == "Minister of Defense of Poland"


def test_role_mention_resolves_to_named_holder() -> None:
    text = (
        "Chilean Foreign Minister Rosa Vidal visited Lima. "
        "The Chilean foreign minister later met business leaders."
    )
    role = next(m for m in mentions(text) if m.via == "role")
    assert role.text == "Chilean foreign minister"
    assert role.role == "Foreign Minister of Chile"
    assert role.name == "Rosa Vidal"
    assert role.entity_kind == "person"


def test_unresolved_role_mention_is_named_by_the_role() -> None:
    role = next(m for m in mentions("The Supreme Leader said nothing."))
    assert role.via == "role"
    assert role.name == "Supreme Leader"


def test_surname_links_to_full_name_in_document() -> None:
    found = by_text("Maria Lopez won the vote. Later, Lopez thanked her staff.")
    assert found["Lopez"].name == "Maria Lopez"
    assert found["Lopez"].entity_kind == "person"


def test_parenthetical_acronym_defines_later_bare_acronym() -> None:
    text = "The Andean Trade Council (ATC) met. Officials of the ATC disagreed."
    found = mentions(text)
    organisation = next(m for m in found if m.text == "Andean Trade Council")
    assert organisation.entity_kind == "organization"
    acronym = next(m for m in found if m.text == "ATC" and m.start > 40)
    assert acronym.via == "acronym"
    assert acronym.name == "Andean Trade Council"


def test_gazetteer_acronym_expands() -> None:
    acronym = by_text("Both countries joined the UN in 1992.")["UN"]
    assert acronym.name == "United Nations"
    assert acronym.entity_kind == "organization"


def test_capitals_as_actors_are_metonymy() -> None:
    found = by_text("Earlier, Ankara and Baku signed nine agreements.")
    assert found["Ankara"].via == "metonymy"
    assert found["Ankara"].country == "Turkey"
    assert found["Baku"].country == "Azerbaijan"


def test_coordinated_countries_are_separate_places() -> None:
    found = by_text("Trade between Peru and Bolivia grew.")
    assert set(found) == {"Peru", "Bolivia"}


def test_organisation_keywords_and_place_phrases() -> None:
    found = by_text("He spoke at the Palace of Justice before the Chamber of Commerce.")
    assert found["Palace of Justice"].entity_kind == "place"
    assert found["Chamber of Commerce"].entity_kind == "organization"


def test_sentence_initial_function_words_are_not_names() -> None:
    found = by_text(
        "However, the plan failed. During talks, Anna Berg spoke. According to Berg, it ended."
    )
    assert "However" not in found
    assert "During" not in found
    assert "According" not in found
    assert found["Anna Berg"].entity_kind == "person"


def test_months_and_weekdays_are_not_names() -> None:
    found = by_text("The vote was held on Monday, 4 March, and again in May 2023.")
    assert not found


def test_title_case_headline_keeps_only_known_entities() -> None:
    found = by_text("Big Hopes For Better Trade With Chile\n\nThe talks went on.")
    assert set(found) == {"Chile"}


def test_spans_index_the_text_on_seed_articles() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        ctx = context(path.read_text(encoding="utf-8"))
        for record in extract_entities(ctx, ()):
            assert ctx.text[record.start : record.end] == record.text


_ALPHABET = st.sampled_from(
    list("abcdeABCDE ,.;:'’\"“”()-\n") + ["the ", "of ", "President ", "Mr ", "Iran", " said"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_every_span_indexes_its_text_on_random_input(text: str) -> None:
    ctx = context(text)
    started = time.perf_counter()
    records = extract_entities(ctx, ())
    assert time.perf_counter() - started < 1.0
    for record in records:
        assert ctx.text[record.start : record.end] == record.text


def test_lower_case_title_before_name_gives_role() -> None:
    (claim,) = roles("The budget was presented by finance minister Olu Adeyemi on Tuesday.")
    assert claim.value == "Minister of Finance"
    assert claim.text == "finance minister Olu Adeyemi"
    person = by_text("Profits rose, said chief executive Mara Lindqvist.")["Mara Lindqvist"]
    assert person.entity_kind == "person" and person.titles == ("chief executive",)


def test_lower_case_title_without_name_is_not_a_role() -> None:
    assert roles("The finance minister will speak and the analyst agreed.") == []


def test_surname_that_is_a_place_word_after_a_title() -> None:
    found = by_text("Prices will fall, said farming correspondent Lena Bay.")
    assert found["Lena Bay"].entity_kind == "person"


def test_military_rank_is_a_role_too() -> None:
    text = "Defence Minister Lieutenant General Aram Petrosyan visited the base."
    values = {claim.value: claim.text for claim in roles(text)}
    assert values["Lieutenant General"] == "Lieutenant General Aram Petrosyan"
    assert "Minister of Defense" in values


def test_rank_before_common_words_is_not_a_person() -> None:
    text = "Members of the Dock and General Porters' Union voted; porters agreed."
    assert [c for c in roles(text) if c.value == "General"] == []


def test_bare_president_takes_the_office_named_only_by_title() -> None:
    text = (
        "Chilean President Rosa Ibarra arrived in Lima. In the meeting, which the President "
        "also attended, Ms Ibarra praised her talks with the President of Peru."
    )
    bare = [m for m in mentions(text) if m.text == "President"]
    assert bare and bare[0].name == "President of Peru"
    assert bare[0].country == "Peru"


def test_bare_president_stays_unresolved_between_two_named_presidents() -> None:
    text = (
        "Chilean President Rosa Ibarra met Peruvian President Hugo Salas in Lima. "
        "The President later left for the airport."
    )
    bare = [m for m in mentions(text) if m.text == "President"]
    assert bare and bare[0].name not in ("Rosa Ibarra", "Hugo Salas")


def test_bare_president_with_one_country_resolves() -> None:
    text = "Chilean President Rosa Ibarra arrived. The President later met students."
    bare = [m for m in mentions(text) if m.text == "President"]
    assert bare and bare[0].name == "Rosa Ibarra"


def test_company_apposition_makes_every_mention_an_organisation() -> None:
    text = (
        "Halden Vexa, the Norwegian shipping group, has raised its dividend. "
        "Halden Vexa said profits rose."
    )
    kinds = {m.entity_kind for m in mentions(text) if m.text == "Halden Vexa"}
    assert kinds == {"organization"}


def test_acronym_after_article_or_before_speech_verb_is_an_organisation() -> None:
    found = by_text("The GMWU said cuts would hurt members, according to a GMWU report.")
    assert found["GMWU"].entity_kind == "organization"
    assert by_text("He bought a new GPS yesterday.").get("GPS") is None


def test_capital_after_a_place_preposition_is_not_metonymy() -> None:
    found = by_text("Opening an embassy in Lisbon was a good idea, and Lisbon signed the deal.")
    lisbons = [m for m in mentions("Opening an embassy in Lisbon was a good idea.")]
    assert lisbons[0].name == "Lisbon" and lisbons[0].via == "name"
    assert found  # the acting capital still resolves elsewhere


def test_sentence_initial_modal_does_not_start_a_name() -> None:
    assert "Could Acme" not in by_text("Could Acme survive the new tax? Nobody knows.")
    assert "Will Hanley" in by_text("Will Hanley said the tax was unfair.")


def test_layout_junk_is_not_a_name() -> None:
    found = by_text("Delta PressCommentary: the talks went well, said Aziz Karimov.")
    assert not any("Commentary" in t for t in found)
    assert "Top Cmdr" not in by_text("Border security is a priority: Top Cmdr")


def test_headline_with_lower_case_words_keeps_its_role_phrases() -> None:
    text = (
        "The Leader in a meeting with the President of Peru\n\n"
        "On Monday, Kim Sun-ok, the Supreme Leader of North Korea, met the Peruvian President "
        "Ana Quispe in Pyongyang.\n"
    )
    found = by_text(text)
    assert found["President of Peru"].via == "role"
    assert found["President of Peru"].name == "Ana Quispe"


def test_headline_in_title_case_gives_no_role_mentions() -> None:
    text = (
        "Leader Meets President Of Peru\n\n"
        "On Monday, Kim Sun-ok, the Supreme Leader of North Korea, met the Peruvian President "
        "Ana Quispe in Pyongyang.\n"
    )
    assert not [m for m in mentions(text) if m.start < 30 and m.via == "role"]


def test_bare_title_joins_the_one_holder_of_a_fuller_form_of_it() -> None:
    text = (
        "Kim Sun-ok, the Supreme Leader of North Korea, met the Peruvian President Ana Quispe "
        "in Pyongyang. The Leader praised the visit."
    )
    leader = next(m for m in mentions(text) if m.text == "Leader")
    assert leader.name == "Kim Sun-ok"


def test_bare_title_stays_unresolved_when_two_fuller_forms_have_holders() -> None:
    text = (
        "Kim Sun-ok, the Supreme Leader of North Korea, met Ana Quispe, the Leader of the "
        "Opposition, in Lima. The Leader praised the visit."
    )
    leader = next(m for m in mentions(text) if m.text == "Leader" and m.start > 90)
    assert leader.name == "Leader"


def test_acronym_in_parentheses_is_a_mention_of_the_organisation() -> None:
    text = "Both are members of the Andean Trade Organisation (ATO) and meet often."
    found = by_text(text)
    assert found["ATO"].entity_kind == "organization"
    assert found["ATO"].name == "Andean Trade Organisation"
    assert found["ATO"].via == "acronym"


@pytest.mark.parametrize(
    ("text", "body", "name"),
    [
        pytest.param(
            "He attended the Andean Trade Organisation Summit in Lima.",
            "Andean Trade Organisation",
            "Andean Trade Organisation",
            id="named-body",
        ),
        pytest.param(
            "The Andean Trade Organisation (ATO) met in Quito. The ATO Summit follows in Lima.",
            "ATO",
            "Andean Trade Organisation",
            id="acronym",
        ),
    ],
)
def test_event_noun_after_a_body_is_not_part_of_its_name(text: str, body: str, name: str) -> None:
    found = [m for m in mentions(text) if m.text == body]
    assert found and all(m.name == name for m in found)
    assert not [m for m in mentions(text) if m.text.endswith("Summit")]


def test_former_holder_has_another_office_and_takes_no_role_mention() -> None:
    text = (
        "Former Chilean President Lucia Andrade criticised the plan. "
        "The Chilean president said nothing."
    )
    found = mentions(text)
    andrade = next(m for m in found if m.text == "Lucia Andrade")
    assert andrade.role == "former President of Chile"
    president = next(m for m in found if m.text == "Chilean president")
    assert president.name == "President of Chile"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Papua New Guinea Foreign Minister Jane Dolan spoke.",
            "Foreign Minister of Papua New Guinea",
        ),
        (
            "Acme Bank And Trust Chief Executive Jane Dolan spoke.",
            "Chief Executive of Acme Bank And Trust",
        ),
    ],
)
def test_a_title_after_a_long_affiliation_still_opens_a_role(text: str, role: str) -> None:
    assert by_text(text)["Jane Dolan"].role == role


def test_a_title_in_title_case_is_one_name_and_no_person() -> None:
    found = by_text("Nobody would remake Chronicles And The Wheel. It was good.")
    assert found["Chronicles And The Wheel"].entity_kind == "other"


def test_a_name_never_ends_on_a_connector() -> None:
    names = [m.text for m in mentions("She met Harlow And The crowd cheered.")]
    assert not [n for n in names if n.split()[-1].lower() in ("and", "of", "for")]


def test_lower_case_and_still_splits_two_names() -> None:
    assert {"Uganda", "Kenya"} <= set(by_text("Talks between Uganda and Kenya ended."))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("He won the Harbour Film Award last year.", "Harbour Film Award", "other"),
        ("Shares in Quillon Multimedia fell.", "Quillon Multimedia", "organization"),
        ("She won the Varna Open in May.", "Varna Open", "other"),
    ],
)
def test_the_last_word_of_a_name_gives_a_thing_or_a_company(
    text: str, name: str, kind: str
) -> None:
    assert by_text(text)[name].entity_kind == kind


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_country_name_may_open_with_a_possessive(apostrophe: str) -> None:
    found = mentions(f"Aid came from the People{apostrophe}s Republic of China on Monday.")
    assert [(m.entity_kind, m.country) for m in found] == [("place", "China")]


def test_surname_shared_by_two_people_goes_to_the_nearest_one_named_before() -> None:
    text = (
        "Finance Minister Omar Velez met reporters. Later, trade envoy Lucia Velez spoke. "
        "Velez said exports would rise."
    )
    found = mentions(text)
    bare = next(m for m in found if m.text == "Velez" and m.start > text.index("Later"))
    assert bare.name == "Lucia Velez"


def test_surname_shared_by_two_people_before_either_is_named_stays_unresolved() -> None:
    text = "Velez wins. Omar Velez met reporters. Lucia Velez spoke."
    bare = next(m for m in mentions(text) if m.text == "Velez")
    assert bare.name == "Velez"


def test_bare_president_goes_to_the_one_president_never_given_a_country() -> None:
    text = (
        "President Ana Ruiz met President of Chile Tomas Berg. President Berg spoke first. "
        "Aides accompanied the President on the trip."
    )
    role = next(m for m in mentions(text) if m.via == "role" and m.start > text.index("Aides"))
    assert role.name == "Ana Ruiz"


def test_bare_president_with_two_unqualified_presidents_stays_unresolved() -> None:
    text = "President Ana Ruiz met President Tomas Berg. Aides accompanied the President."
    role = next(m for m in mentions(text) if m.via == "role" and m.start > text.index("Aides"))
    assert role.name == "President"


def test_office_with_listed_portfolios_is_one_title_before_the_name() -> None:
    found = by_text("Kenya's Minister of Mining, Energy and Water Joseph Otieno spoke.")
    person = found["Joseph Otieno"]
    assert person.role == "Minister of Mining, Energy and Water of Kenya"


def test_two_offices_joined_by_and_belong_to_the_name_after_them() -> None:
    text = "Deputy Prime Minister and Interior Minister Lina Sato arrived."
    person = by_text(text)["Lina Sato"]
    assert person.role == "Minister of Interior"
    found = {claim.value: claim.subject for claim in roles(text)}
    assert found == {"Deputy Prime Minister": person.id, "Minister of Interior": person.id}


def test_two_offices_after_a_possessive_are_two_people() -> None:
    found = by_text("Chile's Chief Justice and President Tomas Berg met.")
    assert "Tomas Berg" in found
    assert found["Tomas Berg"].role != "Chief Justice of Chile"


def test_possessive_office_in_apposition_gives_the_name_its_role() -> None:
    person = by_text("Peru's trade minister, Rosa Quispe, said talks went well.")["Rosa Quispe"]
    assert person.role == "Minister of Trade of Peru"


def test_organisation_acronym_after_an_office_is_its_complement() -> None:
    text = "Later, Director FIAB Maj Gen Omar Farooq said the search went on."
    person = by_text(text)["Omar Farooq"]
    assert person.role == "Director of FIAB"
    assert {claim.value for claim in roles(text)} == {"Director of FIAB", "Maj Gen"}


def test_chief_after_an_organisation_is_an_office() -> None:
    person = by_text("Later, the IMF chief Omar Farooq said so.")["Omar Farooq"]
    assert person.role is not None and person.role.startswith("Chief of")


def test_chief_alone_before_a_name_is_no_office() -> None:
    assert roles("Chief Omar Farooq said so.") == []


def test_plain_words_before_a_minister_tell_the_portfolio() -> None:
    text = "Later, the regional water minister, Ines Kallas, said dams held."
    person = by_text(text)["Ines Kallas"]
    assert person.role == "Regional Minister of Water"


def test_plain_portfolio_after_a_lower_case_minister_belongs_to_the_title() -> None:
    text = "Ines Kallas, the regional minister for water and sanitation, said dams held."
    (claim,) = roles(text)
    assert claim.object == "regional minister for water and sanitation"
    assert claim.text.endswith("sanitation")


def test_name_after_a_lower_case_role_and_comma_opens_a_new_clause() -> None:
    text = "He did not trust the prime minister, Mr Brown replied."
    assert roles(text) == []


def test_place_the_document_names_on_its_own_is_the_complement_of_a_title_before_a_name() -> None:
    text = (
        "Heavy rain hit the districts of Upper Vardo. "
        "Chief Minister Upper Vardo Imre Balas Kozak announced three days of mourning."
    )
    person = by_text(text)["Imre Balas Kozak"]
    assert person.role == "Chief Minister of Upper Vardo"


def test_first_name_used_alone_is_no_complement_of_the_title() -> None:
    text = "President Imre Balas Kozak met Imre. Chief Minister Imre Balas Kozak spoke."
    assert [m.text for m in mentions(text) if m.role == "Chief Minister"] == ["Imre Balas Kozak"]


def test_a_countrys_leader_is_the_one_head_of_state_named_for_it() -> None:
    text = "Kenyan President Arthur Mwangi arrived. The Kenyan leader will visit Mombasa."
    role = next(m for m in mentions(text) if m.via == "role")
    assert role.name == "Arthur Mwangi"


def test_a_countrys_leader_with_two_heads_named_stays_unresolved() -> None:
    text = (
        "Kenyan President Arthur Mwangi met Kenyan Prime Minister Jo Otieno. "
        "The Kenyan leader will visit Mombasa."
    )
    role = next(m for m in mentions(text) if m.via == "role")
    assert role.name == "Leader of Kenya"


def test_a_counterpart_holds_the_office_of_the_person_before_him_in_his_own_country() -> None:
    text = "Chilean President Ana Ruiz met her Peruvian counterpart Tomas Berg in Lima."
    person = by_text(text)["Tomas Berg"]
    assert person.role == "President of Peru"
    assert "President of Peru" in {claim.value for claim in roles(text)}


def test_a_counterpart_of_someone_without_a_title_gets_no_role() -> None:
    person = by_text("Ana Ruiz met her Peruvian counterpart Tomas Berg.")["Tomas Berg"]
    assert person.role is None


def test_the_head_of_an_organisation_in_plain_words_before_a_name_is_a_role() -> None:
    text = "The head of the country's flood agency, Omar Farooq, said rivers rose."
    person = by_text(text)["Omar Farooq"]
    assert person.role == "Head of the country's flood agency"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Staff of the Ruvu Geological Survey said so.", "Ruvu Geological Survey", "organization"),
        ("Traffic on the Ruvu Highway stopped for hours.", "Ruvu Highway", "place"),
        ("The Ruvu Ledger reported it first.", "Ruvu Ledger", "organization"),
    ],
)
def test_names_ending_in_a_body_road_or_paper_word_are_no_person(
    text: str, name: str, kind: str
) -> None:
    assert by_text(text)[name].entity_kind == kind


def test_a_country_after_the_name_is_the_office_country() -> None:
    [claim] = roles("Prime Minister Ana Berg of Norway did not speak at the summit.")
    assert claim.value == "Prime Minister of Norway"
    assert claim.text == "Prime Minister Ana Berg of Norway"
    assert by_text("Prime Minister Ana Berg of Norway did not speak.")["Ana Berg"].country == (
        "Norway"
    )


def test_a_country_after_a_comma_is_not_the_office_country() -> None:
    [claim] = roles("He met Prime Minister Ana Berg, of Norway's ruling party, on Monday.")
    assert claim.value == "Prime Minister"


@pytest.mark.parametrize(
    "text",
    [
        "The talks were chaired by the then Prime Minister Ana Berg.",
        "The port opened under then President Ana Berg in 2019.",
    ],
)
def test_then_before_a_title_is_a_past_holder(text: str) -> None:
    [claim] = roles(text)
    assert claim.value.startswith("then ")


@pytest.mark.parametrize(
    "text",
    ["By then President Ana Berg had left.", "He and then President Ana Berg met."],
)
def test_then_as_an_adverb_leaves_the_role_alone(text: str) -> None:
    [claim] = roles(text)
    assert claim.value == "President"
