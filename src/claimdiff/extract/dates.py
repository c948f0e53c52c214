"""Dates: "4 March 2019", "May 17", "March 2019", "in 2010", "2023-2030", "on Monday".

Candidate spans come from compiled regexes that demand a capitalised month
with a day or year next to it, or a preposition before a bare month ("in May",
"last March"), so "may" the verb, "thousands march", "We", "Do" and "Sun" are
never dates. Every format here is resolved by hand, exactly and fast;
``parse_date_text`` falls back to dateparser (English only, cached) for
strings none of the patterns take.

Relative expressions ("on Monday", "last week", "yesterday", "17 May") resolve
against the publication date and are marked ``relative=True``. Without a
publication date they are skipped: the extractor never guesses an anchor.
A weekday is the latest such day on or before publication (news convention);
a day and month without a year is the occurrence nearest to publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from claimdiff.dates_compare import MONTHS
from claimdiff.extract import ExtractionContext
from claimdiff.extract.numbers import trie_pattern
from claimdiff.models import DateClaim, DateValue, Granularity, Record

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["extract_dates", "parse_date_text"]

WEEKDAYS: dict[str, int] = {name.lower(): n for n, name in enumerate(calendar.day_name)}
SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "several": 0, "few": 0,
}  # fmt: skip

_MONTH_FULL = "|".join(calendar.month_name[1:])
_MONTH = rf"(?P<month>{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_PREFIX = rf"(?:(?:{_WEEKDAY}),?\s+)?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_NUMBER_WORD = "|".join(SMALL_NUMBERS)
# A capitalised name before "May"/"June" makes it a person ("Theresa May").
_NAME_BEFORE = re.compile(r"\b(Mrs?|Ms|Dr|Miss|[A-Z][a-z]+)\.?\s+$")
_FUNCTION_WORDS = frozenset(
    [
        "in",
        "on",
        "at",
        "by",
        "of",
        "from",
        "since",
        "until",
        "till",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "the",
        "and",
        "but",
        "or",
        "for",
        "to",
        "through",
        "throughout",
        "end",
        "start",
        "beginning",
        "around",
        "about",
        "circa",
        "between",
        "spring",
        "summer",
        "autumn",
        "winter",
    ]
)

_ISO = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\d-])")
_ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})")
# A first day before a dash makes a range of days: "12-13 March 2024", "March 12-13, 2024".
_FIRST_DAY = r"(?:(?P<first_day>[12]\d|3[01]|0?[1-9])\s*[-–]\s*)?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b{_WEEKDAY_PREFIX}{_FIRST_DAY}{_DAY}(?:\s+of)?(?:\s+|\s*[/.-]\s*){_MONTH}"
    rf"(?:,?\s+|\s*[/.-]\s*){_YEAR}\b"
)
_MONTH_DAY_YEAR = re.compile(rf"\b{_WEEKDAY_PREFIX}{_MONTH}\s+{_FIRST_DAY}{_DAY},?\s+{_YEAR}\b")
_DAY_MONTH = re.compile(
    rf"\b{_WEEKDAY_PREFIX}{_FIRST_DAY}{_DAY}(?:\s+of)?\s+{_MONTH}(?![\w])"  # "9-10 July"
)
_MONTH_DAY = re.compile(rf"\b{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY}(?![\w]|[.,:]\d|\s*%)")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}(?![\w]|[.,]\d)")
_BARE_MONTH = re.compile(
    r"\b(?:(?P<modifier>(?i:last|next|this))\s+|(?i:in|since|by|until|till|from|during|through"
    r"|throughout|before|after|of|early|late|mid|end\s+of|beginning\s+of|start\s+of)\s+"
    rf"(?:early\s+|late\s+|mid-)?|mid-|(?P<determiner>(?i:his|her|their|its|our|the|a)\s+))"
    rf"(?P<month>{_MONTH_FULL})(?:\s+(?P<year_step>last|this|next)\s+year\b)?(?![\w]|\s+\d)"
    # After a determiner the month names what follows: "her March tour", "the May elections".
    r"(?(determiner)(?=\s+(?:(?P<may_noun>elections?|polls?|vote|deadline|summit|meeting"
    r"|visit|trip|budget|figures|talks)\b|(?!of\b)[a-z])))",
)
_YEAR_RANGE = re.compile(
    r"\b(?P<between>between\s+)?(?P<from>from\s+)?(?P<year>1[89]\d\d|20\d\d)"
    r"\s*(?P<join>[-–—/]|\s+to\s+|\s+until\s+|\s+till\s+|\s+through\s+|\s+and\s+)\s*"
    # A two-digit end year only after a dash or slash ("2004-17"): "2004 to 17 May" is no range.
    r"(?P<end>1[89]\d\d|20\d\d|(?:(?<=[-–—/])|(?<=[-–—/]\s))\d\d)(?![\w]|[.,]\d|\s*%)"
)
_BARE_YEAR = re.compile(
    r"(?:(?<![\w$£€¥.,/:#-])|(?<=mid-)|(?<=early-)|(?<=late-))"
    r"(?P<year>1[89]\d\d|20\d\d)(?![\w%-]|[.,]\d)"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:per\s?cent|percent|%|[a-z]+s\b(?<!'s)|people|men|women|children|police|staff"
    r"|km|kg|miles|metres|tonnes|barrels)(?![\w])"
)
_PERIOD_NOUN_AFTER = re.compile(
    r"\s+(?:sales|profits|earnings|revenues|results|figures|accounts|losses|elections|budgets"
    r"|forecasts|targets|prices|levels|rates|games|championships)(?![\w])"
)
_YEAR_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|from|of|the|during|before|after|early|late|mid|year|around"
    r"|circa|end|spring|summer|autumn|winter|fall)\s+$|[(,]\s*$",
    re.IGNORECASE,
)
_WEEKDAY_NAME = re.compile(
    rf"\b(?:(?P<modifier>last|next|this|Last|Next|This)\s+)?(?P<weekday>{_WEEKDAY})(?![\w])"
    rf"(?!,?\s+(?:\d|{_MONTH_FULL}|the\s+\d))"
)
_RELATIVE = re.compile(
    r"\b(?i:(?P<dayword>yesterday|today|tonight|tomorrow|the\s+day\s+before\s+yesterday)"
    r"|(?P<dayphrase>this\s+(?:morning|afternoon|evening)|last\s+night|overnight"
    r"|(?:earlier|later)\s+(?:in\s+the\s+(?:day|week|month|year)|today))"
    r"|(?P<within>(?:earlier|later)\s+this)\s+(?P<within_unit>week|month|year)"
    r"|the\s+(?P<edge>end|start|beginning)\s+of\s+the\s+(?P<edge_unit>week|month|year)"
    r"|(?P<step>last|this|next|the\s+past|the\s+last|the\s+previous|the\s+coming|past)"
    r"\s+(?P<step_unit>week|month|year|weekend)"
    rf"|(?P<count>\d{{1,2}}|{_NUMBER_WORD})\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago)"
    # "last year's budget" is last year; "the past year’s" too.
    r"(?!\w)(?!['’](?!s\b))"
    # "In four days, X will ...", "in two weeks' time": a day ahead, not a length of time.
    rf"|(?:^|(?<=[.!?\n]\s)|(?<=^\s))In\s+(?P<in_count>\d{{1,2}}|{_NUMBER_WORD})\s+"
    r"(?P<in_unit>days|weeks|months|years)(?=,)"
    rf"|\b(?i:in)\s+(?P<time_count>\d{{1,2}}|{_NUMBER_WORD})\s+"
    r"(?P<time_unit>days|weeks|months|years)['’]\s+time\b",
    re.MULTILINE,
)
_PERIOD = re.compile(
    r"\b(?:(?i:the)\s+)?(?P<ordinal>(?i:first|second|third|fourth|final|last))(?:\s+|-)"
    r"(?P<part>(?i:quarter|half))(?:\s+(?i:of|in)\s+(?:(?P<year>1[89]\d\d|20\d\d)"
    r"|(?P<this>(?i:this|the)\s+year)))?(?![\w-])"
    r"|\b(?:(?i:the)\s+)?(?i:first)\s+(?P<months>(?i:three|six|nine))\s+(?i:months)\s+(?i:of)\s+"
    r"(?P<months_year>1[89]\d\d|20\d\d)(?![\w-])"
    r"|\bQ(?P<q>[1-4])(?:\s+(?P<q_year>1[89]\d\d|20\d\d))?(?![\w-])"
)
_EARLIER = re.compile(
    r"\b(?i:(?P<count>a|one|two|three|four|five|\d)\s+years?\s+(?:earlier|before)"
    r"|the\s+(?:previous|preceding|prior)\s+year)(?![\w'’])"
)
# "if the election were held tomorrow", "if forced to decide tomorrow": no day at all.
_HYPOTHETICAL = re.compile(r"\b(?:if|were|would)\b", re.IGNORECASE)
# "talks with the premier, Jan Novak May 2." ends there: a date, not "Theresa May 12 times".
_ENDS_CLAUSE = re.compile(r"\s*(?:[.,;:)]|$)")
# "a third quarter of the pie": a fraction, not a period of the year.
_FRACTION = re.compile(r"\b(?:a|one)\s+$", re.IGNORECASE)
_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:the|this|last|next)\s+(?:financial\s+|fiscal\s+)?year)")
# "to 5.4% from 10.2% in 2003", "26% more than in December 2003": a comparison's base.
_COMPARISON_BASE = re.compile(
    r"(?:\b(?:from|against|compared\s+(?:with|to))\b(?:(?!\bto\b)[^;]){0,40}\bin"
    r"|\bthan\s+in)\s+$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s[.!?;]")  # searched in reversed text
_STATED_YEAR = re.compile(r"(?<![\w$£€¥.,/:#-])(?:1[89]\d\d|20\d\d)(?![\w%-]|[.,]\d)")
QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
MONTH_COUNTS = {"three": 3, "six": 6, "nine": 9}


# --------------------------------------------------------------------------- calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int, month: int, day: int) -> DateValue | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateValue(start=date, end=date, granularity="day")


def _month(year: int, month: int, *, relative: bool = False) -> DateValue | None:
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    return DateValue(
        start=dt.date(year, month, 1),
        end=_month_end(year, month),
        granularity="month",
        relative=relative,
    )


def _years(first: int, last: int, *, relative: bool = False) -> DateValue | None:
    if not 1 <= first <= last <= 9999:
        return None
    return DateValue(
        start=dt.date(first, 1, 1), end=dt.date(last, 12, 31), granularity="year", relative=relative
    )


def _days(start: dt.date, end: dt.date) -> DateValue:
    return DateValue(start=start, end=end, granularity="day", relative=True)


def _shift_months(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def _nearest_year(base: dt.date, month: int, day: int = 1) -> int:
    """The year that puts month/day nearest to ``base`` (within six months either side)."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append((abs((dt.date(year, month, min(day, 28)) - base).days), year))
        except ValueError:  # pragma: no cover - guarded by min(day, 28)
            continue
    return min(candidates)[1]


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# --------------------------------------------------------------------------- resolvers


@dataclass(frozen=True)
class Anchor:
    """What a date that does not state its own year is read against.

    ``day`` is the publication date (deixis: "Monday", "last year"). ``year`` is the
    year an undated text narrates most, and ``month_years`` the year the text itself
    gives a month elsewhere ("March 2019" ... "her March tour"): both anchor
    calendar dates without a year ("31 December", "the fourth quarter"). In the first
    pass (``settled`` False) those are not known yet, so such dates wait as ``PENDING``.
    """

    day: dt.date | None = None
    year: int | None = None
    month_years: Mapping[int, int] = field(default_factory=dict)
    settled: bool = True

    @classmethod
    def of(cls, base: dt.date | None) -> Anchor:
        return cls(day=base, year=base.year if base else None)


# A date the text states, whose value needs an anchor the text does not (yet) give.
PENDING = DateValue(start=dt.date.max, end=dt.date.max, granularity="day")
Resolver = Callable[[re.Match[str], str, Anchor], "DateValue | None"]


def _resolve_iso(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    return _day(int(match["year"]), int(match["mon"]), int(match["day"]))


def _resolve_full(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    if _is_name(match, text):
        return None
    return _day_range(int(match["year"]), _month_number(match["month"]), match)


def _day_range(year: int, month: int, match: re.Match[str]) -> DateValue | None:
    """The day of ``match``, or the days from its first day ("12-13 March") to it."""
    day = int(match["day"])
    first_day = int(match.groupdict().get("first_day") or day)
    first, last = _day(year, month, first_day), _day(year, month, day)
    if first is None or last is None or first_day > day:
        return None
    return DateValue(start=first.start, end=last.end, granularity="day")


def _calendar_year(anchor: Anchor, month: int, day: int = 1) -> int | None:
    """The year of a calendar date written without one ("31 December", "in April").

    The text's own "March 2019" settles "March"; else the occurrence nearest
    publication; else, in an undated text, the year it narrates most."""
    if month in anchor.month_years:
        return anchor.month_years[month]
    if anchor.day is not None:
        return _nearest_year(anchor.day, month, day)
    return anchor.year


def _resolve_day_month(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    if _is_name(match, text) and not _ENDS_CLAUSE.match(text, match.end()):
        return None  # "Theresa May 12 times", but "with Jan Novak May 2."
    month, day = _month_number(match["month"]), int(match["day"])
    if _day(2000, month, day) is None:  # a leap year: is "30 February" a day at all?
        return None
    if int(match.groupdict().get("first_day") or day) > day:
        return None
    if not anchor.settled:
        return PENDING
    year = _calendar_year(anchor, month, day)
    if year is None:
        return PENDING
    days = _day_range(year, month, match)
    return days.model_copy(update={"relative": True}) if days else None


def _resolve_month_year(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    if _is_name(match, text):
        return None
    return _month(int(match["year"]), _month_number(match["month"]))


def _resolve_bare_month(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    name = match["month"]
    if not name[0].isupper() or name.isupper():
        return None
    month = _month_number(name)
    if match["determiner"] and name == "May" and not match["may_noun"]:
        return None  # "the May government": a person's name
    modifier = (match["modifier"] or "").lower()
    base = anchor.day
    if (modifier or match["year_step"]) and base is None:
        return PENDING
    if match["year_step"] and base:  # "in June last year"
        offset = {"last": -1, "this": 0, "next": 1}[match["year_step"]]
        return _month(base.year + offset, month, relative=True)
    if modifier == "last" and base:
        year: int | None = base.year if month < base.month else base.year - 1
    elif modifier == "next" and base:
        year = base.year if month > base.month else base.year + 1
    elif modifier == "this" and base:
        year = base.year
    elif not anchor.settled:
        return PENDING
    else:
        year = _calendar_year(anchor, month)
    return _month(year, month, relative=True) if year is not None else PENDING


def _resolve_year_range(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    join = match["join"].strip()
    if join == "and" and not match["between"]:
        return None
    first, end = int(match["year"]), match["end"]
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if last <= first or last - first > 200 or (join == "/" and last != first + 1):
        return None
    return _years(first, last)


def _resolve_bare_year(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    start, end = match.span()
    after = _NOT_A_YEAR_AFTER.match(text, end)
    if after and _PERIOD_NOUN_AFTER.match(text, end):
        after = None  # "2004 sales", "the 2005 elections": what a year yields or holds
    if after and not _YEAR_CONTEXT_BEFORE.search(text, max(0, start - 20), start):
        return None  # "2000 people", "1900 km": a count or measure, not a year
    if re.match(r"\s?(?:[ap]\.?m\b|hrs\b|GMT\b|BST\b)", text[end : end + 5]):
        return None  # "1930 GMT", "2000hrs"
    name = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if name is not None and name.group(1).lower() not in _FUNCTION_WORDS:
        return None  # "Windows 2000", "Euro 2004": a name
    year = int(match["year"])
    return _years(year, year)


def _resolve_weekday(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    base = anchor.day
    if base is None:
        return PENDING
    target = WEEKDAYS[match["weekday"].lower()]
    back = (base.weekday() - target) % 7
    modifier = (match["modifier"] or "").lower()
    if modifier == "next":
        date = base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
    elif modifier == "last":
        date = base - dt.timedelta(days=back or 7)
    else:
        date = base - dt.timedelta(days=back)
    return DateValue(start=date, end=date, granularity="day", relative=True)


def _resolve_relative(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    if match["dayword"] and _HYPOTHETICAL.search(
        text, max(match.start() - 60, _clause_start(text, match.start())), match.start()
    ):
        return None  # "if the election were held tomorrow": no day at all
    if match["count"] and _ago_number(match["count"]) <= 0:
        return None
    ahead = match["in_count"] or match["time_count"]
    if ahead and _ago_number(ahead) <= 0:
        return None
    step = " ".join((match["step"] or "").lower().split())
    if step == "the previous" and match["step_unit"].lower() == "year":
        return None  # "the previous year" counts back from the text's year: _EARLIER
    base = anchor.day
    if base is None:
        return PENDING
    if word := match["dayword"]:
        word = " ".join(word.lower().split())
        offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
        date = base + dt.timedelta(days=offset)
        return _days(date, date)
    if phrase := match["dayphrase"]:
        phrase = " ".join(phrase.lower().split())
        if phrase in ("last night", "overnight"):
            return _days(base - dt.timedelta(days=1), base)
        if phrase.endswith(("week", "month", "year")):
            return _within(phrase.split()[0], phrase.split()[-1], base)
        return _days(base, base)
    if match["within"]:
        return _within(match["within"].lower().split()[0], match["within_unit"].lower(), base)
    if match["edge"]:
        return _edge(match["edge"].lower(), match["edge_unit"].lower(), base)
    if match["step"]:
        return _step(step, match["step_unit"].lower(), base)
    if ahead:
        unit = (match["in_unit"] or match["time_unit"]).lower().rstrip("s")
        return _ahead(_ago_number(ahead), unit, base)
    return _ago(match["count"].lower(), match["ago_unit"].lower().rstrip("s"), base)


def _clause_start(text: str, position: int) -> int:
    """Where the sentence or clause holding ``position`` starts ("5.4%" does not end one)."""
    found = _CLAUSE_END.search(text[max(0, position - 200) : position][::-1])
    return position - found.start() if found else max(0, position - 200)


def _ago_number(count: str) -> int:
    count = count.lower()
    return int(count) if count.isdigit() else SMALL_NUMBERS.get(count, 0)


def _within(direction: str, unit: str, base: dt.date) -> DateValue:
    first, last = _unit_bounds(unit, base)
    return _days(first, base) if direction == "earlier" else _days(base, last)


def _unit_bounds(unit: str, base: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar week (Monday to Sunday), month or year holding ``base``."""
    if unit == "week":
        return (
            base - dt.timedelta(days=base.weekday()),
            base + dt.timedelta(days=6 - base.weekday()),
        )
    if unit == "month":
        return base.replace(day=1), _month_end(base.year, base.month)
    return dt.date(base.year, 1, 1), dt.date(base.year, 12, 31)


def _edge(edge: str, unit: str, base: dt.date) -> DateValue:
    """ "the end of the month": its last day; "the start of the year": its first."""
    first, last = _unit_bounds(unit, base)
    day = last if edge == "end" else first
    return _days(day, day)


def _ahead(number: int, unit: str, base: dt.date) -> DateValue | None:
    """ "In four days, X will ...": the day that many units after publication."""
    if unit == "day":
        date = base + dt.timedelta(days=number)
        return _days(date, date)
    if unit == "week":
        date = base + dt.timedelta(weeks=number)
        return _days(date - dt.timedelta(days=3), date + dt.timedelta(days=3))
    year, month = _shift_months(base, number if unit == "month" else 12 * number)
    if unit == "month":
        return _month(year, month, relative=True)
    return _years(year, year, relative=True)


def _step(step: str, unit: str, base: dt.date) -> DateValue | None:
    if step in ("the past", "the last", "past"):
        # A period that ends now: "over the past year".
        if unit == "week" or unit == "weekend":
            return _days(base - dt.timedelta(days=7), base)
        if unit == "month":
            year, month = _shift_months(base, -1)
            return _days(
                dt.date(year, month, min(base.day, calendar.monthrange(year, month)[1])), base
            )
        try:
            return _days(base.replace(year=base.year - 1), base)
        except ValueError:  # 29 February
            return _days(base.replace(year=base.year - 1, day=28), base)
    offset = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the coming": 1}[step]
    if unit in ("week", "weekend"):
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
        if unit == "weekend":
            return _days(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        return _days(monday, monday + dt.timedelta(days=6))
    if unit == "month":
        year, month = _shift_months(base, offset)
        return _month(year, month, relative=True)
    return _years(base.year + offset, base.year + offset, relative=True)


def _ago(count: str, unit: str, base: dt.date) -> DateValue | None:
    number = _ago_number(count)
    if number <= 0:
        return None
    if unit == "day":
        date = base - dt.timedelta(days=number)
        return _days(date, date)
    if unit == "week":
        date = base - dt.timedelta(weeks=number)
        return _days(date - dt.timedelta(days=3), date + dt.timedelta(days=3))
    if unit == "month":
        year, month = _shift_months(base, -number)
        return _month(year, month, relative=True)
    return _years(base.year - number, base.year - number, relative=True)


def _months(year: int, first: int, last: int, *, relative: bool = False) -> DateValue | None:
    if not 1 <= year <= 9999:
        return None
    return DateValue(
        start=dt.date(year, first, 1),
        end=_month_end(year, last),
        granularity="month",
        relative=relative,
    )


def _resolve_period(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    """ "the fourth quarter of 2004", "Q1 2005", "the first half of 2005", "the first six months
    of 2005". Without a year, a quarter is the occurrence nearest publication (or in the year an
    undated text narrates); a half needs a year ("the first half" of a match is no date), and
    "a third quarter of the pie" is a fraction."""
    if match["months"]:
        return _months(int(match["months_year"]), 1, MONTH_COUNTS[match["months"].lower()])
    if match["q"]:
        quarter, year_text, part = int(match["q"]), match["q_year"], "quarter"
    else:
        ordinal, part = match["ordinal"].lower(), match["part"].lower()
        quarter, year_text = QUARTER_ORDINALS[ordinal], match["year"]
        if part == "half":
            if ordinal not in ("first", "second") or not (year_text or match["this"]):
                return None
            quarter = 1 if ordinal == "first" else 3
    size = 6 if part == "half" else 3
    first = (quarter - 1) * 3 + 1
    if year_text:
        return _months(int(year_text), first, first + size - 1)
    if _FRACTION.search(text, max(0, match.start() - 4), match.start()) or _FRACTION_OF.match(
        text, match.end()
    ):
        return None
    base = anchor.day
    if match["this"] or part == "half":
        if base is None:
            return PENDING  # "the second quarter of the year": the year of publication
        return _months(base.year, first, first + size - 1, relative=True)
    if not anchor.settled:
        return PENDING
    if base is None:
        if anchor.year is None:
            return PENDING
        return _months(anchor.year, first, first + 2, relative=True)

    def distance(year: int) -> int:
        start, end = dt.date(year, first, 1), _month_end(year, first + 2)
        return 0 if start <= base <= end else min(abs((start - base).days), abs((end - base).days))

    year = min((base.year - 1, base.year, base.year + 1), key=distance)
    return _months(year, first, first + 2, relative=True)


def _resolve_earlier(match: re.Match[str], text: str, anchor: Anchor) -> DateValue | None:
    """ "a year earlier", "the previous year": before the year the text last stated.

    A year stated as the base of a comparison ("to 5.4% from 10.2% in 2003") is already
    the earlier year, so a parallel "from £610m a year earlier" means that same year."""
    number = _ago_number(match["count"] or "a")
    if number <= 0:
        return None
    window_start = max(0, match.start() - 800, text.rfind("\n\n", 0, match.start()))
    stated = list(_STATED_YEAR.finditer(text, window_start, match.start()))
    if stated:
        last = stated[-1]
        year = int(last.group())
        if _COMPARISON_BASE.search(text, _clause_start(text, last.start()), last.start()):
            return _years(year, year, relative=True)
        return _years(year - number, year - number, relative=True)
    if not anchor.settled:
        return PENDING
    year_now = anchor.day.year if anchor.day else anchor.year
    if year_now is None:
        return PENDING
    return _years(year_now - number, year_now - number, relative=True)


def _is_name(match: re.Match[str], text: str) -> bool:
    """ "Theresa May 2017", "June Brown 12": a name, not a month (May, June, April, August)."""
    month = match["month"]
    if month not in ("May", "June", "April", "August"):
        return False
    start = match.start("month")
    if start != match.start():
        return False
    name = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return name is not None and name.group(1).lower() not in _FUNCTION_WORDS


# Most specific first: on overlap the earlier start wins, then the longer span, then this order.
_PATTERNS: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (_ISO, _resolve_iso),
    (_DAY_MONTH_YEAR, _resolve_full),
    (_MONTH_DAY_YEAR, _resolve_full),
    (_YEAR_RANGE, _resolve_year_range),
    (_MONTH_YEAR, _resolve_month_year),
    (_DAY_MONTH, _resolve_day_month),
    (_MONTH_DAY, _resolve_day_month),
    (_BARE_MONTH, _resolve_bare_month),
    (_WEEKDAY_NAME, _resolve_weekday),
    (_RELATIVE, _resolve_relative),
    (_BARE_YEAR, _resolve_bare_year),
    (_PERIOD, _resolve_period),
    (_EARLIER, _resolve_earlier),
)
# Scanning the whole text with eleven patterns is slow, so a cheap literal regex finds
# triggers and only the patterns that can contain a trigger run, in a window around it.
_RELATIVE_WORDS = [
    "yesterday", "today", "tonight", "tomorrow", "overnight", "week", "month", "year",
    "night", "morning", "afternoon", "evening", "day", "ago", "quarter",
]  # fmt: skip
# Each trigger word with its kind. No two kinds share their first two letters, so at any
# offset at most one kind can match and one prefix tree finds them all.
_TRIGGER_WORDS: dict[str, str] = (
    {name[:3]: "month" for name in calendar.month_name[1:]}
    | {name: "weekday" for name in calendar.day_name}
    | {word: "relative" for word in _RELATIVE_WORDS + [w.capitalize() for w in _RELATIVE_WORDS[:5]]}
)
# Two patterns, not one alternation: a pattern that opens on a literal lets the regex
# engine skip ahead to the next possible first character, an alternation of groups not.
_TRIGGER_DIGITS = re.compile(r"[0-9]+")
_TRIGGER_WORD = re.compile(trie_pattern(list(_TRIGGER_WORDS)))


class _Trigger(NamedTuple):
    start: int
    end: int
    kind: str  # "digit", "month", "weekday" or "relative"
    text: str


def _triggers(text: str) -> list[_Trigger]:
    """Digit runs and trigger words in text order (a digit run never touches a word)."""
    found = [_Trigger(*m.span(), "digit", m.group()) for m in _TRIGGER_DIGITS.finditer(text)]
    found += (
        _Trigger(*m.span(), _TRIGGER_WORDS[m.group()], m.group())
        for m in _TRIGGER_WORD.finditer(text)
    )
    found.sort()
    return found


_AGO_AFTER = re.compile(r"\s+(?:days?|weeks?|months?|years?)\s+ago\b")
# A trigger kind selects the window around it and the patterns that can hold it; a date
# with a month name is always found from its month, so digits only look for years.
_WINDOWS: dict[str, tuple[int, int]] = {
    "year": (30, 30), "month": (30, 30), "weekday": (6, 20), "relative": (28, 16),
    "period": (20, 30),
}  # fmt: skip
_RANKS: dict[str, tuple[int, ...]] = {
    "year": (0, 3, 10, 11), "month": (1, 2, 4, 5, 6, 7), "weekday": (8,), "relative": (9, 12),
    "period": (11,),
}  # fmt: skip


def _trigger_kind(trigger: _Trigger, text: str) -> str | None:
    kind = trigger.kind
    if kind == "relative" and trigger.text == "quarter":
        return "period"  # a quarter with a year is found from the year
    if kind != "digit":
        return kind
    digits = trigger.text
    if len(digits) == 4:
        return "year"
    if len(digits) <= 2 and _AGO_AFTER.match(text, trigger.end):
        return "relative"
    return None


class _Found(NamedTuple):
    start: int
    end: int
    value: DateValue  # PENDING when the anchor it needs is not known
    match: re.Match[str]
    resolve: Resolver


def _candidates(text: str, anchor: Anchor) -> list[_Found]:
    found: dict[tuple[int, int], tuple[int, int, int, DateValue, re.Match[str] | None]] = {}
    size = len(text)
    for trigger in _triggers(text):
        kind = _trigger_kind(trigger, text)
        if kind is None:
            continue
        (before, after), ranks = _WINDOWS[kind], _RANKS[kind]
        window_start, window_end = (
            max(0, trigger.start - before),
            min(size, trigger.end + after),
        )
        for rank in ranks:
            pattern, resolve = _PATTERNS[rank]
            for windowed in pattern.finditer(text, window_start, window_end):
                if (windowed.start(), rank) in found:
                    continue
                # The window cuts the text; match again on the whole text to be exact.
                match = pattern.match(text, windowed.start())
                value = resolve(match, text, anchor) if match else None
                if match is None or value is None:
                    found[(windowed.start(), rank)] = (-1, 0, rank, _NO_DATE, None)
                    continue
                start, end = _claim_span(match)
                found[(windowed.start(), rank)] = (start, -(end - start), rank, value, match)
    ordered = sorted((item for item in found.values() if item[0] >= 0), key=lambda item: item[:3])
    chosen: list[_Found] = []
    last_end = -1
    for start, negative_length, rank, value, match in ordered:
        if start >= last_end and match is not None:
            end = start - negative_length
            last_end = end
            current = _Found(start, end, value, match, _PATTERNS[rank][1])
            if chosen and _restates(text, chosen[-1], current):
                # "This evening (Monday)": one date, restated in brackets
                chosen[-1] = chosen[-1]._replace(end=end + 1)
                continue
            chosen.append(current)
    return chosen


def _restates(text: str, previous: _Found, current: _Found) -> bool:
    between = text[previous.end : current.start]
    return (
        previous.value is not PENDING
        and previous.value.start == current.value.start
        and previous.value.end == current.value.end
        and between.strip() == "("
        and text.startswith(")", current.end)
    )


_NO_DATE = DateValue(start=dt.date.min, end=dt.date.min, granularity="day")


def _claim_span(match: re.Match[str]) -> tuple[int, int]:
    """The date itself: "in May" claims "May", but "last May" keeps its modifier."""
    if match.re is _BARE_MONTH and match["modifier"] is None:
        return match.start("month"), match.end()
    if match.re is _YEAR_RANGE and match["between"]:
        return match.start("year"), match.end()
    return match.span()


# --------------------------------------------------------------------------- public


# A year after these bounds a span or a deadline ("since 1993", "until 2030"): it says
# nothing about which year the text narrates.
_BOUND_BEFORE = re.compile(
    r"\b(?:since|until|till|by|before|after|from|to|between|through|and|ahead\s+of"
    r"|by\s+the\s+end\s+of)\s+$",
    re.IGNORECASE,
)
# "the 2007 World Cup", "the 2014 Security Agreement": a year in a name.
_NAME_AFTER = re.compile(r"\s+[A-Z]")
_STATED_FORMS = frozenset({_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR})


def extract_dates(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    """Every date a reader finds, with its value when the text or its date anchors it.

    A date without a year ("31 December", "the fourth quarter") waits for a first pass to
    show which year the text gives its month, or narrates most; one whose anchor is
    still unknown is a claim with ``value=None``, never a guess.
    """
    base = context.source.published
    text = context.text
    first_pass = _candidates(text, Anchor(day=base, settled=False))
    anchor = _settled_anchor(text, base, first_pass)
    records: list[Record] = []
    for item in first_pass:
        value: DateValue | None = item.value
        if value is PENDING:
            value = item.resolve(item.match, text, anchor)
            if value is None:
                continue
        resolved = None if value is PENDING else value
        if resolved and item.match.re is _YEAR_RANGE and item.match["from"]:
            # "from 2023 to 2030" states a first and a last year, each a date of its own.
            for group, year in (("year", resolved.start.year), ("end", resolved.end.year)):
                start, end = item.match.span(group)
                records.append(_date_claim(context, start, end, _years(year, year)))
            continue
        records.append(_date_claim(context, item.start, item.end, resolved))
    return records


def _settled_anchor(text: str, base: dt.date | None, found: Sequence[_Found]) -> Anchor:
    """The anchor for dates without a year, from the dates the text states in full."""
    month_years: dict[int, set[int]] = {}
    years: Counter[int] = Counter()
    for item in found:
        value = item.value
        if value is PENDING or value.relative or value.start.year != value.end.year:
            continue
        compared = _COMPARISON_BASE.search(text, _clause_start(text, item.start), item.start)
        if item.match.re in _STATED_FORMS and value.granularity != "year" and not compared:
            month_years.setdefault(value.start.month, set()).add(value.start.year)
        if (
            not _BOUND_BEFORE.search(text, max(0, item.start - 20), item.start)
            and not (value.granularity == "year" and _NAME_AFTER.match(text, item.end))
            and not compared
        ):
            years[value.start.year] += 1
    return Anchor(
        day=base,
        year=base.year if base else _narrated_year(years),
        month_years={month: min(held) for month, held in month_years.items() if len(held) == 1},
    )


def _narrated_year(years: Counter[int]) -> int | None:
    """The year an undated text states most, if at least twice and more than any other:
    a results story's "2004" ("revenues slipped during 2004", "the 2004 dividend"), not the
    background years of a history ("the 2014 agreement", "signed in 2010")."""
    ranked = years.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _date_claim(
    context: ExtractionContext, start: int, end: int, value: DateValue | None
) -> DateClaim:
    return DateClaim.model_validate(
        {**context.span_fields("date", start, end), "predicate": "date", "value": value}
    )


_INTERVAL = re.compile(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})")
_PARSE_HINT = re.compile(
    rf"\b(?:{_MONTH_FULL}|{_WEEKDAY}|yesterday|today|tomorrow|ago)\b", re.IGNORECASE
)


def parse_date_text(text: str, base: dt.date | None) -> DateValue | None:
    """A date phrase as a ``DateValue``; ``None`` when it is not one date.

    ``parse_date_text(value.iso(), None)`` gives back ``value`` for absolute values.
    """
    text = " ".join(text.split())
    if not text or len(text) > 100:
        return None
    if interval := _INTERVAL.fullmatch(text):
        try:
            dt.date.fromisoformat(interval[1]), dt.date.fromisoformat(interval[2])
        except ValueError:
            return None
        first, last = dt.date.fromisoformat(interval[1]), dt.date.fromisoformat(interval[2])
        return DateValue(start=first, end=last, granularity="day") if first <= last else None
    if re.fullmatch(r"1[0-9]\d\d|20\d\d", text):
        return _years(int(text), int(text))
    if iso_month := _ISO_MONTH.fullmatch(text):
        return _month(int(iso_month["year"]), int(iso_month["mon"]))
    for item in _candidates(text, Anchor.of(base)):
        if item.start == 0 and item.end == len(text):
            return None if item.value is PENDING else item.value
    if not _PARSE_HINT.search(text):
        return None
    return _dateparser_value(text, base)


@lru_cache(maxsize=4096)
def _dateparser_value(text: str, base: dt.date | None) -> DateValue | None:
    """dateparser for the rare form no pattern takes; English only, anchored, cached."""
    parser = _date_data_parser(base)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    date = data.date_obj.date()
    period = data.period or "day"
    granularity: Granularity = "day"
    if period == "month":
        return _month(date.year, date.month)
    if period == "year":
        return _years(date.year, date.year)
    if period == "week":
        start = date - dt.timedelta(days=date.weekday())
        return DateValue(start=start, end=start + dt.timedelta(days=6), granularity=granularity)
    return DateValue(start=date, end=date, granularity=granularity, relative=base is not None)


@lru_cache(maxsize=64)
def _date_data_parser(base: dt.date | None) -> DateDataParser:
    from dateparser.date import DateDataParser  # slow to import: only when needed

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    else:
        settings["REQUIRE_PARTS"] = ["year"]
    return DateDataParser(languages=["en"], settings=settings)
