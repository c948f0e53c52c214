"""Dates: absolute formats, relative expressions against the publication date, non-dates."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.extract import ExtractionContext, dates
from claimdiff.extract.dates import extract_dates, parse_date_text
from claimdiff.extract.numbers import trie_pattern
from claimdiff.models import DateClaim, DateValue, Source

PUBLISHED = dt.date(2022, 5, 31)  # a Tuesday


def extract(text: str, published: dt.date | None = PUBLISHED) -> list[DateClaim]:
    source = Source(
        id="t",
        path="t.txt",
        text=text,
        published=published,
        published_from="manifest" if published else "none",
    )
    return [
        r
        for r in extract_dates(ExtractionContext.for_source(source), ())
        if isinstance(r, DateClaim)
    ]


D = dt.date


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "granularity"),
    [
        ("It was 30 May 2022.", "30 May 2022", D(2022, 5, 30), D(2022, 5, 30), "day"),
        ("It was 30 /May/ 2022.", "30 /May/ 2022", D(2022, 5, 30), D(2022, 5, 30), "day"),
        ("It was May 17, 2022.", "May 17, 2022", D(2022, 5, 17), D(2022, 5, 17), "day"),
        ("It was the 17th May.", "17th May", D(2022, 5, 17), D(2022, 5, 17), "day"),
        ("It was May 17.", "May 17", D(2022, 5, 17), D(2022, 5, 17), "day"),
        ("He went in September 2021.", "September 2021", D(2021, 9, 1), D(2021, 9, 30), "month"),
        ("It began in 2010.", "2010", D(2010, 1, 1), D(2010, 12, 31), "year"),
        ("A plan for 2023-2030.", "2023-2030", D(2023, 1, 1), D(2030, 12, 31), "year"),
        ("ISO 2022-05-30 dates.", "2022-05-30", D(2022, 5, 30), D(2022, 5, 30), "day"),
        ("Talks on Monday.", "Monday", D(2022, 5, 30), D(2022, 5, 30), "day"),
        ("He came on Tuesday.", "Tuesday", D(2022, 5, 31), D(2022, 5, 31), "day"),
        ("It rained last week.", "last week", D(2022, 5, 23), D(2022, 5, 29), "day"),
        ("It rose last year.", "last year", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("Due later this year.", "later this year", D(2022, 5, 31), D(2022, 12, 31), "day"),
        ("Earlier in the day, they met.", "Earlier in the day", PUBLISHED, PUBLISHED, "day"),
        ("Over the past year.", "the past year", D(2021, 5, 31), PUBLISHED, "day"),
        ("He left yesterday.", "yesterday", D(2022, 5, 30), D(2022, 5, 30), "day"),
        ("Due this month.", "this month", D(2022, 5, 1), D(2022, 5, 31), "month"),
        ("Due next month.", "next month", D(2022, 6, 1), D(2022, 6, 30), "month"),
        ("Prices rose in March.", "March", D(2022, 3, 1), D(2022, 3, 31), "month"),
        ("Since last May.", "last May", D(2021, 5, 1), D(2021, 5, 31), "month"),
        ("It was three years ago.", "three years ago", D(2019, 1, 1), D(2019, 12, 31), "year"),
        (
            "Profit in the fourth quarter of 2004.",
            "the fourth quarter of 2004",
            D(2004, 10, 1),
            D(2004, 12, 31),
            "month",
        ),
        ("Sales in Q1 2005 rose.", "Q1 2005", D(2005, 1, 1), D(2005, 3, 31), "month"),
        (
            "Due in the first three months of 2005.",
            "the first three months of 2005",
            D(2005, 1, 1),
            D(2005, 3, 31),
            "month",
        ),
        (
            "Growth in the first half of 2005.",
            "the first half of 2005",
            D(2005, 1, 1),
            D(2005, 6, 30),
            "month",
        ),
        (
            "Growth in the third quarter.",
            "the third quarter",
            D(2022, 7, 1),
            D(2022, 9, 30),
            "month",
        ),
        ("It drove 2004 sales.", "2004", D(2004, 1, 1), D(2004, 12, 31), "year"),
    ],  # fmt: skip
)
def test_date_span_and_value(
    text: str, span: str, start: dt.date, end: dt.date, granularity: str
) -> None:
    [claim] = extract(text)
    assert (claim.text, claim.value.start, claim.value.end) == (span, start, end)
    assert claim.value.granularity == granularity
    assert claim.predicate == "date"


@pytest.mark.parametrize(
    "text",
    [
        "Prices may rise.",
        "We may march.",
        "Thousands march in the capital.",
        "March on, they said.",
        "May said so.",
        "Do it. Sat on the Sun.",
        "It was the 30th anniversary.",
        "Theresa May 2017 was a hard year for her.",
        "He sold 2000 copies at 1930 GMT.",
        "He runs Windows 2000.",
        "Mondays are quiet.",
    ],
)
def test_not_dates(text: str) -> None:
    assert extract(text) == []


def test_weekday_resolves_to_latest_on_or_before_publication() -> None:
    [claim] = extract("He arrived on Sunday.")
    assert claim.value.start == D(2022, 5, 29) and claim.value.relative


def test_relative_expressions_without_publication_date_stay_unresolved() -> None:
    claims = extract("He arrived on Sunday, last week, yesterday, on 17 May.", published=None)
    assert claims
    assert all(claim.value is None for claim in claims)


def test_a_period_needing_a_year_is_an_unresolved_date_in_an_undated_text() -> None:
    [claim] = extract("Profit in the fourth quarter rose.", published=None)
    assert (claim.text, claim.value) == ("the fourth quarter", None)


def test_absolute_dates_need_no_publication_date() -> None:
    [claim] = extract("It was 30 May 2022.", published=None)
    assert claim.value.start == D(2022, 5, 30) and not claim.value.relative


def test_day_and_month_take_the_year_nearest_publication() -> None:
    [claim] = extract("It happened on 20 December.", published=D(2022, 1, 10))
    assert claim.value.start == D(2021, 12, 20)


def test_weekday_before_full_date_is_one_claim() -> None:
    [claim] = extract("It was Monday, 30 May 2022.")
    assert claim.text == "Monday, 30 May 2022"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 May 2022", DateValue(start=D(2022, 5, 30), end=D(2022, 5, 30), granularity="day")),
        ("2022-05", DateValue(start=D(2022, 5, 1), end=D(2022, 5, 31), granularity="month")),
        ("2022", DateValue(start=D(2022, 1, 1), end=D(2022, 12, 31), granularity="year")),
        ("We", None),
        ("", None),
        ("Q1 2022", DateValue(start=D(2022, 1, 1), end=D(2022, 3, 31), granularity="month")),
        ("Q5 2022", None),
    ],
)
def test_parse_date_text(text: str, expected: DateValue | None) -> None:
    assert parse_date_text(text, None) == expected


_DAYS = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    kind = draw(st.sampled_from(["day", "month", "year", "interval"]))
    day = draw(_DAYS)
    if kind == "day":
        return DateValue(start=day, end=day, granularity="day")
    if kind == "month":
        return parse_date_text(f"{day.year}-{day.month:02d}", None) or DateValue(
            start=day, end=day, granularity="day"
        )
    if kind == "year":
        return DateValue(start=D(day.year, 1, 1), end=D(day.year, 12, 31), granularity="year")
    other = draw(_DAYS)
    first, last = sorted((day, other))
    return DateValue(start=first, end=last, granularity="day")


@given(date_values())
def test_iso_normalisation_is_idempotent(value: DateValue) -> None:
    assert parse_date_text(value.iso(), None) == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), _DAYS))
def test_parsers_never_crash_and_finish_fast(text: str, base: dt.date | None) -> None:
    started = time.perf_counter()
    parse_date_text(text, base)
    extract(text, published=base)
    assert time.perf_counter() - started < 1.0


_NEWSY = st.lists(
    st.sampled_from(
        (  # noqa: SIM905 - a word list reads better as prose
            "on in last next this May March June 17 2022 2023-2030 from to Monday "
            "Sunday , . yesterday the past year week earlier later in the day 30th "
            "of We may march 17th September ago three In four days fourth quarter coming "
            "end month his 31 December 2004 2003 if tomorrow a year earlier from"
        ).split()
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_NEWSY, st.text(max_size=200)), st.one_of(st.none(), _DAYS))
def test_every_span_indexes_its_text(text: str, base: dt.date | None) -> None:
    for record in extract(text, published=base):
        assert text[record.start : record.end] == record.text
        # no placeholder for a pending anchor ever leaves the extractor
        assert record.value is None or record.value.end < dt.date.max


def test_year_earlier_counts_back_from_the_year_last_stated() -> None:
    claims = extract("Profit rose in 2004. It was £5m a year earlier.", published=None)
    assert [(c.text, c.value.iso()) for c in claims] == [
        ("2004", "2004"),
        ("a year earlier", "2003"),
    ]


def test_quarter_without_year_is_nearest_publication() -> None:
    [claim] = extract("Profit in the fourth quarter rose.", published=D(2005, 2, 3))
    assert (claim.value.start, claim.value.end) == (D(2004, 10, 1), D(2004, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "He scored in the first half of the match.",
        "A third quarter of the pie.",
        "He ate a third quarter of the cake.",
    ],
)
def test_halves_and_fractions_without_a_year_are_no_dates(text: str) -> None:
    assert extract(text, published=None) == []


def test_date_restated_in_brackets_is_one_claim() -> None:
    [claim] = extract("This evening (Monday) they met.", published=D(2022, 5, 30))
    assert claim.text == "This evening (Monday)"
    assert len(extract("Monday (Tuesday) was odd.")) == 2  # different days stay apart


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Members will strike on 5 November.", "5 November"),
        ("Numbers rose in April.", "April"),
        ("Strikes are earmarked for 23 March.", "23 March"),
        ("The government unveiled it earlier in the week.", "earlier in the week"),
        ("560 will be lost by the end of the month.", "the end of the month"),
        ("In last year's budget we lost.", "last year"),
        ("Savings over the coming year.", "the coming year"),
        ("In four days, Unison will start balloting.", "In four days"),
        ("It ends in two weeks' time.", "in two weeks' time"),
    ],
)
def test_partial_and_relative_dates_of_an_undated_text_are_reported_unresolved(
    text: str, span: str
) -> None:
    [claim] = extract(text, published=None)
    assert (claim.text, claim.value) == (span, None)


def test_in_four_days_counts_ahead_from_publication() -> None:
    [claim] = extract("In four days, Unison will start balloting.")
    assert claim.value.start == PUBLISHED + dt.timedelta(days=4)


@pytest.mark.parametrize(
    "text",
    [
        "He finished the course in four days, a record.",
        "The four days were long.",
        "Lasted four days.",
    ],
)
def test_a_length_of_days_is_no_date(text: str) -> None:
    assert extract(text) == []


def test_the_end_of_the_month_is_its_last_day() -> None:
    [claim] = extract("Jobs will go by the end of the month.")
    assert claim.value.start == claim.value.end == D(2022, 5, 31)


def test_a_hypothetical_tomorrow_is_no_date() -> None:
    assert extract("25% did not know how they would vote if forced to decide tomorrow.") == []
    assert [c.text for c in extract("The vote is tomorrow.")] == ["tomorrow"]


def test_from_year_to_year_is_a_first_and_a_last_year() -> None:
    claims = extract("A roadmap from 2023 to 2030 was signed.", published=None)
    assert [(c.text, c.value.iso()) for c in claims] == [("2023", "2023"), ("2030", "2030")]


def test_a_month_takes_the_year_the_text_gives_it_elsewhere() -> None:
    claims = extract(
        "Novak said his September trip mattered. He had visited in September 2021.",
        published=None,
    )
    assert [(c.text, c.value.iso()) for c in claims] == [
        ("September", "2021-09"),
        ("September 2021", "2021-09"),
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The May elections were close.", "May"),
        ("Her September trip was short.", "September"),
        ("A March deadline looms.", "March"),
    ],
)
def test_a_month_after_a_determiner_names_an_occasion(text: str, span: str) -> None:
    [claim] = extract(text)
    assert claim.text == span


@pytest.mark.parametrize("text", ["The May government fell.", "The March of Dimes gave."])
def test_a_month_word_in_a_name_is_no_date(text: str) -> None:
    assert extract(text) == []


def test_yearless_dates_of_an_undated_text_take_the_year_it_narrates() -> None:
    text = (
        "Revenues slipped during 2004. Profit in 2004 beat forecasts, against a loss in 2003."
        " Profit in the three months to 31 December rose. The fourth quarter was strong."
    )
    values = {c.text: c.value.iso() for c in extract(text, published=None) if c.value}
    assert values["31 December"] == "2004-12-31"
    assert values["The fourth quarter"] == "2004-10/2004-12"


@pytest.mark.parametrize(
    "text",
    [
        "The 2014 agreement and a treaty signed in 2010. A call on May 2.",  # each year once
        "Sales in 2003 and in 2004. Profit to 31 December rose.",  # a tie
        "The biggest strike since 1993 and since 1993 again. On 5 November.",  # bounds
    ],
)
def test_no_narrated_year_leaves_yearless_dates_unresolved(text: str) -> None:
    claims = extract(text, published=None)
    assert [c.value for c in claims if not c.text[0].isdigit() or " " in c.text] == [None]


def test_a_year_earlier_than_a_comparison_base_is_that_base_year() -> None:
    claims = extract(
        "Revenues fell to 5.4% from 10.2% in 2003 and debt to £160m from £610m a year earlier.",
        published=None,
    )
    assert [(c.text, c.value.iso()) for c in claims] == [
        ("2003", "2003"),
        ("a year earlier", "2003"),
    ]


def test_a_month_and_day_after_a_name_can_still_be_a_date() -> None:
    [claim] = extract("He spoke with the premier, Jan Novak May 2.", published=None)
    assert (claim.text, claim.value) == ("May 2", None)


def test_a_day_range_in_one_month_is_one_interval() -> None:
    [claim] = extract("The festival runs from 9-10 July.")
    assert (claim.text, claim.value.start, claim.value.end) == (
        "9-10 July",
        D(2022, 7, 9),
        D(2022, 7, 10),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He sold more than 2.4 million cars in 2004, 4% up on the previous year.", "2003"),
        ("Applications rose between January 2005 and the previous year.", "2004"),
    ],
)
def test_the_previous_year_counts_back_from_the_year_stated(text: str, expected: str) -> None:
    claims = extract(text, published=None)
    assert claims[-1].text == "the previous year"
    assert claims[-1].value.iso() == expected


def test_a_month_stated_as_a_comparison_base_does_not_name_the_narrated_month() -> None:
    text = (
        "Texts rose in 2004. In December alone 2.4 billion were sent, 26% more than in"
        " December 2003. The record before was in October 2004."
    )
    claims = {c.text: c.value for c in extract(text, published=None)}
    assert claims["December"] is not None and claims["December"].iso() == "2004-12"


def test_years_in_names_and_bounds_do_not_set_the_narrated_year() -> None:
    text = "Ahead of 2007 and the 2007 World Cup, France play on Saturday 12 March."
    claims = extract(text, published=None)
    assert [c.value for c in claims if "March" in c.text] == [None]


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("In June last year, he spoke.", "June last year", "2021-06"),
        ("In September Spears married.", "September", "2022-09"),
        ("Last May he left.", "Last May", "2021-05"),
    ],
)
def test_a_month_opening_a_sentence_or_with_its_year_named_relatively(
    text: str, span: str, iso: str
) -> None:
    [claim] = extract(text)
    assert (claim.text, claim.value.iso()) == (span, iso)


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_an_undated_text_never_invents_a_year(text: str) -> None:
    stated = [int(year) for year in re.findall(r"\d{4}", text)]
    for claim in extract(text, published=None):
        if claim.value is None:
            continue
        assert stated, claim
        assert min(stated) - 10 <= claim.value.start.year <= claim.value.end.year
        assert claim.value.end.year <= max(stated) + 10


def test_a_two_digit_end_year_needs_a_dash() -> None:
    assert [c.text for c in extract("Sales grew from 2004 to 17 May.", published=None)] == [
        "2004",
        "17 May",
    ]
    (claim,) = extract("The 2004-17 plan.", published=None)
    assert claim.value is not None and claim.value.iso() == "2004/2017"


def test_no_two_kinds_of_trigger_word_share_their_first_two_letters() -> None:
    kinds_by_prefix: dict[str, set[str]] = {}
    for word, kind in dates._TRIGGER_WORDS.items():
        kinds_by_prefix.setdefault(word[:2], set()).add(kind)
    assert all(len(kinds) == 1 for kinds in kinds_by_prefix.values())


def _one_alternation() -> re.Pattern[str]:
    """The triggers as one alternation of named groups: slower, and the reference."""
    groups = [
        f"(?P<{kind}>{trie_pattern([w for w, k in dates._TRIGGER_WORDS.items() if k == kind])})"
        for kind in ("month", "weekday", "relative")
    ]
    return re.compile("|".join(["(?P<digit>[0-9]+)", *groups]))


_TRIGGER_TEXT = st.lists(
    st.sampled_from(
        ["12", "2019", "3", "Mar", "May", "Monday", "Mayday", "today", "Today", "yesterday",
         "birthday", "weeks", "ago", "quarter", "Sunday", "Sep", "Sept", "Overnight", "x", " ",
         ",", "-", "a"]
    ),
    max_size=15,
).map("".join)  # fmt: skip


@given(_TRIGGER_TEXT)
def test_triggers_are_those_of_one_alternation(text: str) -> None:
    expected = [
        (m.start(), m.end(), m.lastgroup, m.group()) for m in _one_alternation().finditer(text)
    ]
    assert [tuple(trigger) for trigger in dates._triggers(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["The fair ran on 3-5 April 2019 in Lyon.", "The fair ran on April 3-5, 2019 in Lyon."],
)
def test_a_day_range_keeps_the_year_written_after_it(text: str) -> None:
    [claim] = extract(text)
    assert (claim.value.start, claim.value.end, claim.value.relative) == (
        D(2019, 4, 3),
        D(2019, 4, 5),
        False,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("June 10", (6, 10)), ("10 June", (6, 10)), ("on Sept. 3", (9, 3)), ("June", None)],
)
def test_a_date_without_a_year_names_its_month_and_day(
    text: str, expected: tuple[int, int] | None
) -> None:
    from claimdiff.dates_compare import month_day_named

    assert month_day_named(text) == expected


def test_a_run_of_days_holds_each_of_its_days_and_no_other() -> None:
    from claimdiff.dates_compare import holds_month_day

    run = DateValue(start=D(2024, 3, 12), end=D(2024, 3, 13), granularity="day")
    assert (holds_month_day(run, (3, 13)), holds_month_day(run, (3, 14))) == (True, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March last year", True),
        ("last April", False),
        ("on Tuesday", True),
        ("on Friday", False),
        ("5 March", True),
        ("14 March", False),
    ],
)
def test_a_day_or_month_without_its_year_can_be_held_against_a_full_date(
    text: str, expected: bool
) -> None:
    from claimdiff.dates_compare import holds_day_named

    two_days = DateValue(start=D(2024, 3, 4), end=D(2024, 3, 5), granularity="day")  # Mon-Tue
    assert holds_day_named(two_days, text) is expected


def test_a_year_is_too_coarse_to_hold_a_month_or_a_day() -> None:
    from claimdiff.dates_compare import holds_day_named

    year = DateValue(start=D(2024, 1, 1), end=D(2024, 12, 31), granularity="year")
    assert (holds_day_named(year, "March last year"), holds_day_named(year, "June 10")) == (
        None,
        None,
    )
