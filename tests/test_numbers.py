"""Counts and quantities: values, hedges, nouns, and what is not a number."""

from __future__ import annotations

import datetime as dt
import time

import inflect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.extract import ExtractionContext
from claimdiff.extract.numbers import extract_numbers, normalise_noun, noun_class, parse_count_text
from claimdiff.models import CountClaim, QuantityClaim, Record, Source


def extract(text: str) -> list[Record]:
    source = Source(
        id="t", path="t.txt", text=text, published=dt.date(2022, 5, 31), published_from="manifest"
    )
    return extract_numbers(ExtractionContext.for_source(source), ())


def counts(text: str) -> list[CountClaim]:
    return [r for r in extract(text) if isinstance(r, CountClaim)]


def quantities(text: str) -> list[QuantityClaim]:
    return [r for r in extract(text) if isinstance(r, QuantityClaim)]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "noun"),
    [
        (
            "They signed 17 memorandums of understanding.",
            "17 memorandums of understanding",
            17,
            17,
            "memorandum of understanding",
        ),
        (
            "Besides signing eight MOUs, they left.",
            "eight MOUs",
            8,
            8,
            "memorandum of understanding",
        ),
        ("It signed 18 cooperation documents.", "18 cooperation documents", 18, 18, "document"),
        ("and two security agreements.", "two security agreements", 2, 2, "agreement"),
        ("A dozen ministers attended.", "A dozen ministers", 12, 12, "minister"),
        ("Twenty-one workers were hurt.", "Twenty-one workers", 21, 21, "worker"),
        ("It sold 3 million phones.", "3 million phones", 3_000_000, 3_000_000, "phone"),
        ("About 15.8m viewers watched.", "About 15.8m viewers", 14_220_000, 17_380_000, "viewer"),
        ("Some 100 people were killed.", "Some 100 people", 90, 110, "person"),
        ("More than 100 people died.", "More than 100 people", 100, 1000, "person"),
        ("Nearly 100 people died.", "Nearly 100 people", 90, 100, "person"),
        ("Up to 100 people died.", "Up to 100 people", 10, 100, "person"),
        ("Between 18 and 25 workers were hired.", "Between 18 and 25 workers", 18, 25, "worker"),
        ("Several soldiers died.", "Several soldiers", 3, 9, "soldier"),
        ("Dozens of civilians fled.", "Dozens of civilians", 24, 99, "civilian"),
        ("A few officials spoke.", "A few officials", 2, 5, "official"),
    ],  # fmt: skip
)
def test_count_span_value_and_noun(text: str, span: str, low: int, high: int, noun: str) -> None:
    [claim] = counts(text)
    assert (claim.text, claim.value.low, claim.value.high, claim.noun) == (span, low, high, noun)


def test_hedged_count_becomes_interval_and_keeps_hedge() -> None:
    [claim] = counts("Some 100 people were killed.")
    assert claim.value.approximate and claim.value.hedge == "some"


def test_exact_count_is_not_approximate() -> None:
    [claim] = counts("They signed 17 agreements.")
    assert not claim.value.approximate and claim.value.hedge is None


def test_predicate_is_the_governing_verb() -> None:
    assert counts("Tehran and Dushanbe signed 17 agreements.")[0].predicate == "signed"
    assert counts("17 people were killed.")[0].predicate == "killed"
    assert counts("There are 17 agreements.")[0].predicate == "count"


def test_object_keeps_compound_and_noun_is_the_head() -> None:
    [claim] = counts("They signed 18 cooperation documents.")
    assert (claim.object, claim.noun) == ("cooperation document", "document")
    assert claim.subject is None


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "predicate"),
    [
        ("Profits jumped 76% to $1.13bn.", "76%", 76, "%", "jumped"),
        ("Profit was $1.13bn.", "$1.13bn", 1_130_000_000, "USD", "amount"),
        ("It cost £600m.", "£600m", 600_000_000, "GBP", "amount"),
        ("Sales were up 12 per cent.", "12 per cent", 12, "%", "percentage"),
        ("Trade saw a four-fold growth.", "four-fold", 4, "x", "multiple"),
        ("Sales doubled.", "doubled", 2, "x", "doubled"),
        ("He came for a two-day stay.", "two-day", 2, "day", "duration"),
        ("It was accepted after 15 years.", "15 years", 15, "year", "duration"),
        ("A 15-year-old boy.", "15-year-old", 15, "year", "age"),
        ("The road is 40km long.", "40km", 40, "kilometre", "measure"),
        ("Growth will stay between 3% and 6%.", "between 3% and 6%", 3, "%", "percentage"),
        ("The dividend is 70 euro cents.", "70 euro cents", 0.7, "EUR", "amount"),
        ("A stamp costs 45p now.", "45p", 0.45, "GBP", "amount"),
        ("A 418bn-rand budget.", "418bn-rand", 418e9, "ZAR", "amount"),
        ("Shares fell to 20.7 kronor.", "20.7 kronor", 20.7, "SEK", "amount"),
        ("Voters back it by three to one.", "three to one", 3, "ratio", "ratio"),
        ("They will strike for one day.", "one day", 1, "day", "duration"),
        ("It raises the retirement age from 60 to 67.", "60", 60, "year", "age"),
        ("It raises the retirement age from 60 to 67.", "67", 67, "year", "age"),
        ("Tax mattered to a third of voters.", "a third", 33.33, "%", "fraction"),
    ],
)
def test_quantities(text: str, span: str, value: float, unit: str | None, predicate: str) -> None:
    [claim] = [q for q in quantities(text) if q.text == span]
    assert (claim.value.low, claim.value.unit, claim.predicate) == (value, unit, predicate)


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2022.",
        "It was signed on May 17, 2022.",
        "It was signed on 17 May.",
        "They met at 10:30 and again at 3pm.",
        "Call 0207 946 0958 now.",
        "The Ababil-2 drone and an F-16 jet.",
        "He runs Windows 2000.",
        "One of the men said no one knew.",
        "It was a one-off payment.",
        "5G networks and 3D films.",
        "1. First point\n2. Second point",
        "Thousands march in the capital.",
        "The score was 3-1.",
    ],
)
def test_not_counts(text: str) -> None:
    assert counts(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("US crude closed up $2.80 to $51.15 a barrel.", [(2.8, 2.8), (51.15, 51.15)]),
        ("The index fell $1.33 to $46.90 on Friday.", [(1.33, 1.33), (46.9, 46.9)]),
        ("Costs will rise by 5 to 10 per cent.", [(5, 10)]),
        ("Tickets cost $20 to $40.", [(20, 40)]),
    ],
)
def test_a_move_and_the_level_it_reached_are_two_figures_not_a_range(
    text: str, figures: list[tuple[float, float]]
) -> None:
    assert [(q.value.low, q.value.high) for q in quantities(text)] == figures


def test_year_range_is_not_a_count() -> None:
    assert extract("The plan runs 2023-2030 and from 2023 to 2030.") == []


def test_duration_is_a_quantity_not_a_count() -> None:
    [claim] = extract("Rahmon arrived for a two-day stay.")
    assert isinstance(claim, QuantityClaim) and claim.predicate == "duration"


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("MoU", ("memorandum of understanding", "agreement", "document")),
        ("memoranda of understanding", ("memorandum of understanding", "agreement", "document")),
        ("treaties", ("treaty", "agreement", "document")),
        ("deal", ("agreement", "document")),
        ("joint statement", ("statement", "document")),
        ("ministers", ("minister", "official", "person")),
        ("people", ("person",)),
        ("workers", ("worker", "person")),
    ],
)
def test_noun_class_runs_from_specific_to_general(noun: str, expected: tuple[str, ...]) -> None:
    assert noun_class(noun) == expected


@pytest.mark.parametrize(
    ("text", "low", "high", "hedge"),
    [
        ("eight", 8, 8, None),
        ("seventeen", 17, 17, None),
        ("twenty-one", 21, 21, None),
        ("a dozen", 12, 12, None),
        ("1,234", 1234, 1234, None),
        ("about 100", 90, 110, "about"),
        ("at least 5", 5, 50, "at least"),
        ("several", 3, 9, "several"),
    ],
)
def test_parse_count_text(text: str, low: float, high: float, hedge: str | None) -> None:
    value = parse_count_text(text)
    assert value is not None
    assert (value.low, value.high, value.hedge) == (low, high, hedge)


@pytest.mark.parametrize("text", ["", "one of the", "no one", "hello world", "We"])
def test_parse_count_text_none(text: str) -> None:
    assert parse_count_text(text) is None


_INFLECT = inflect.engine()


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**6 - 1))
def test_number_words_round_trip(n: int) -> None:
    value = parse_count_text(str(_INFLECT.number_to_words(n)))
    assert value is not None and value.low == value.high == n


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parsers_never_crash_and_finish_fast(text: str) -> None:
    started = time.perf_counter()
    parse_count_text(text)
    extract(text)
    assert time.perf_counter() - started < 1.0


_NEWSY = st.lists(
    st.sampled_from(
        (  # noqa: SIM905 - a word list reads better as prose
            "about some more than 17 eight 1,200 $3bn 76% people MoUs signed were "
            "killed a dozen ministers in May 2022 . , twenty-one several dozens of "
            "the two-day 15 years 30th anniversary four-fold F-16 one of no one"
        ).split()
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_NEWSY, st.text(max_size=200)))
def test_every_span_indexes_its_text(text: str) -> None:
    for record in extract(text):
        assert text[record.start : record.end] == record.text


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz '", max_size=30))
def test_noun_normalisation_is_idempotent(noun: str) -> None:
    once = normalise_noun(noun)
    assert normalise_noun(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some 12,500 posts had gone while 7,800 were being moved.",
            [("Some 12,500 posts", "post"), ("7,800", "post")],
        ),
        ("They will merge 35 agencies into nine.", [("35 agencies", "agency"), ("nine", "agency")]),
        (
            "It ordered 30 of the aircraft and may buy 20 more.",
            [("30 of the aircraft", "aircraft"), ("20", "aircraft")],
        ),
        ("It will sell 10 of its new XR900 to a carrier.", [("10 of its new XR900", "xr900")]),
        (
            "The number of nurses rose to more than 52,000 in May.",
            [("more than 52,000", "nurse")],
        ),
        (
            "Unison's 600,000 members and the GMB's 40,000 will vote.",
            [("600,000 members", "member"), ("40,000", "member")],
        ),
        (
            "Most of the 28 states agreed, several of which will vote.",
            [("28 states", "country"), ("several", "country")],
        ),
        ("He joined six other trade unions.", [("six other trade unions", "union")]),
        ("It cut 300 Ministry of Defence posts.", [("300 Ministry of Defence posts", "post")]),
        (
            "It hurt thousands of hard working civil and public servants.",
            [("thousands of hard working civil and public servants", "servant")],
        ),
    ],  # fmt: skip
)
def test_counts_with_elided_or_long_nouns(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.text, c.noun_class[0]) for c in counts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The five unions met again.",  # a definite reference, not a count
        "Many observers agree.",  # no number a reader could check
        "It marked the 30th anniversary.",  # ordinals are positions
        "It was his second trip.",
        "17% of 18 to 24 year olds voted.",  # group labels
        "Some 14% of people aged between 18 and 34 voted.",
        "It saved money in the 12 months to 31 December.",  # only delimits a period
        "It was a third attempt.",
    ],
)
def test_not_claims(text: str) -> None:
    assert counts("He scored 3 in the final.") == []  # no counted noun before a bare number
    claims = [c.text for c in extract(text)]
    assert not [c for c in claims if c not in ("17%", "Some 14%")]


def test_one_of_a_set_is_not_a_count() -> None:
    from claimdiff.extract import ExtractionContext
    from claimdiff.extract.numbers import extract_numbers
    from claimdiff.models import Source

    text = "It is one of Chile's biggest companies, and it sold 30 of the aircraft."
    context = ExtractionContext.for_source(Source(id="t", path="t.txt", text=text))
    assert [r.text for r in extract_numbers(context, [])] == ["30 of the aircraft"]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Shares rose 65 cents to $12.40.", "65 cents", 0.65, "USD"),
        ("Petrol at €1.20 a litre rose 3 cents.", "3 cents", 0.03, "EUR"),
        ("Tickets cost 50 US cents each.", "50 US cents", 0.5, "USD"),
        ("A song costs 99 cents.", "99 cents", 0.99, "USD"),
    ],
)
def test_cents_are_an_amount_of_the_currency_named_before(
    text: str, span: str, value: float, unit: str
) -> None:
    found = {q.text: q.value for q in quantities(text)}
    assert found[span].low == pytest.approx(value)
    assert found[span].unit == unit
    assert not counts(text)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 1.1 and 1.5 million people fled.", 1_100_000, 1_500_000),
        ("Between 500,000 and 1 million people fled.", 500_000, 1_000_000),
    ],
)
def test_a_scale_after_a_range_counts_for_both_bounds(text: str, low: float, high: float) -> None:
    (found,) = counts(text)
    assert (found.value.low, found.value.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Multan officials in Pakistan released Rs750 million for relief.", "PKR"),
        ("KATHMANDU, May 3 (Agency) - The city paid one million rupees.", "NPR"),
        ("Colombo, the capital of Sri Lanka, set aside Rs. 20 million.", "LKR"),
        ("The firm set aside Rs 20 million for bonuses.", "rupee"),
    ],
)
def test_a_rupee_is_the_currency_of_the_country_the_text_names_most(text: str, unit: str) -> None:
    (amount,) = quantities(text)
    assert amount.value.unit == unit


def test_us_dollars_written_after_the_number_are_a_currency() -> None:
    (amount,) = quantities("Trade amounted to 210.5 million US dollars.")
    assert (amount.value.low, amount.value.unit) == (210_500_000, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 6.4 earthquake hit the coast.",
        "A 5.8-magnitude quake shook the town.",
        "The quake measured 6.2, the survey said.",
        "It registered 7.1 on the Richter scale.",
    ],
)
def test_an_earthquake_magnitude_is_no_amount(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "figure", "low"),
    [
        ("The death toll from the floods rose to 56 on Friday.", "56", 56),
        ("Flood toll climbs to 64 in the valley", "64", 64),
        ("The agency had put the toll at 17 on Monday night.", "17", 17),
        ("Figures rose from 9 dead on Monday to 40 two days later.", "9", 9),
        ("Storm kills at least 9 in the south", "at least 9", 9),
        ("Floods: more than 30 killed as rivers burst", "more than 30", 30),
        ("The number of people killed in the storm has reached 85.", "85", 85),
    ],
)
def test_a_bare_number_the_toll_words_govern_counts_the_dead(
    text: str, figure: str, low: int
) -> None:
    found = [c for c in counts(text) if c.text.lower() == figure]
    assert found and found[0].value.low == low
    assert found[0].noun in {"death", "person"}


def test_a_number_after_a_toll_road_is_no_toll() -> None:
    found = counts("The toll road to the port carried 4,000 lorries.")
    assert all(c.noun != "death" for c in found)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("A smaller rally in Leeds drew several hundred people.", 300),
        ("A few thousand fans waited outside.", 2000),
        ("Several dozen nurses joined the picket.", 36),
    ],
)
def test_a_vague_word_before_a_scale_counts_that_scale(text: str, low: float) -> None:
    (claim,) = counts(text)
    assert claim.value.low == low and claim.value.high > low and claim.value.approximate


@pytest.mark.parametrize(
    "text",
    [
        "Riot in Lyon: 14 arrested after match",
        "Bus crash near Porto leaves 9 injured.",
        "Detentions at the border crossing rose to 31 on Friday.",
    ],
)
def test_a_bare_number_beside_what_befell_people_counts_people(text: str) -> None:
    (claim,) = counts(text)
    assert claim.noun == "person"


def test_a_bare_number_before_a_participle_and_its_noun_is_not_a_count_of_people() -> None:
    assert all(c.noun != "person" for c in counts("The club has 3 injured players."))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Seoul set aside 4.5 trillion won for chip plants.", "KRW"),
        ("Hanoi approved 20 trillion dong in spending.", "VND"),
        ("The bank lent 300 million rupiah.", "IDR"),
        ("Warsaw pledged 2 billion zlotys.", "PLN"),
    ],
)
def test_currencies_named_after_the_amount(text: str, unit: str) -> None:
    (claim,) = quantities(text)
    assert claim.value.unit == unit


def test_won_without_a_scale_word_is_the_verb() -> None:
    assert all(q.value.unit != "KRW" for q in quantities("Of the 40 seats, the party 12 won."))


@pytest.mark.parametrize(
    "text",
    [
        "The union said turnout was more than three times the official figure.",
        "Sales were four times higher than last year.",
        "The new chip is almost four times as fast as the old one.",
    ],
)
def test_n_times_a_figure_is_a_multiple_not_a_count(text: str) -> None:
    assert not counts(text)
    assert any(q.value.unit == "x" for q in quantities(text))


@pytest.mark.parametrize(
    "text",
    ["He was arrested three times in May.", "She won the cup four times as a player."],
)
def test_how_often_is_no_multiple(text: str) -> None:
    assert all(q.value.unit != "x" for q in quantities(text))


def test_n_of_them_counts_the_noun_of_the_sentence_before() -> None:
    text = "The council approved 14 permits in May. Nine of them were for wind farms."
    nine = [c for c in counts(text) if c.value.low == 9]
    assert nine and nine[0].noun == "permit"


def test_n_of_them_with_no_count_before_is_no_count() -> None:
    assert not counts("The rules are strict. Nine of them date from 1990.")


def test_the_number_arrested_rose_to_counts_people() -> None:
    (claim,) = counts("Police said the number arrested had risen to 41 by Sunday.")
    assert claim.noun == "person" and claim.value.low == 41


@pytest.mark.parametrize(
    "text",
    [
        "The rule saved 40 lives last year. Only one in 50 of those driving will notice.",
        "The rule saved 40 lives last year. Only one in 50 of them was a child.",
    ],
)
def test_one_in_n_is_no_count_of_the_noun_before(text: str) -> None:
    assert all(c.value.low != 50 for c in counts(text))
