"""Dates: "30 May 2022", "May 17", "September 2021", "in 2010", "2023-2030", "on Monday".

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
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from claimdiff.extract import ExtractionContext
from claimdiff.extract.lookup import Greatest, overlaps
from claimdiff.extract.numbers import trie_pattern
from claimdiff.models import DateClaim, DateValue, Granularity, Record

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["extract_dates", "parse_date_text"]

MONTHS: dict[str, int] = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
     "sept": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
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
_DAY_MONTH_YEAR = re.compile(
    rf"\b{_WEEKDAY_PREFIX}{_DAY}(?:\s+of)?(?:\s+|\s*[/.-]\s*){_MONTH}(?:,?\s+|\s*[/.-]\s*){_YEAR}\b"
)
_MONTH_DAY_YEAR = re.compile(rf"\b{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
_DAY_MONTH = re.compile(rf"\b{_WEEKDAY_PREFIX}{_DAY}(?:\s+of)?\s+{_MONTH}(?![\w])")
_MONTH_DAY = re.compile(rf"\b{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY}(?![\w]|[.,:]\d|\s*%)")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}(?![\w]|[.,]\d)")
_BARE_MONTH = re.compile(
    r"\b(?:(?P<modifier>last|next|this)\s+|(?:in|since|by|until|till|from|during|through"
    r"|throughout|before|after|of|early|late|mid|end\s+of|beginning\s+of|start\s+of)\s+"
    rf"(?:early\s+|late\s+|mid-)?|mid-)(?P<month>{_MONTH_FULL})(?![\w]|\s+\d)",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(
    r"\b(?P<between>between\s+)?(?:from\s+)?(?P<year>1[89]\d\d|20\d\d)"
    r"\s*(?P<join>[-–—/]|\s+to\s+|\s+until\s+|\s+till\s+|\s+through\s+|\s+and\s+)\s*"
    r"(?P<end>1[89]\d\d|20\d\d|\d\d)(?![\w]|[.,]\d|\s*%)"
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
    r"|(?:earlier|later)\s+(?:in\s+the\s+day|today))"
    r"|(?P<within>(?:earlier|later)\s+this)\s+(?P<within_unit>week|month|year)"
    r"|(?P<step>last|this|next|the\s+past|the\s+last|the\s+previous|the\s+coming|past)"
    r"\s+(?P<step_unit>week|month|year|weekend)"
    rf"|(?P<count>\d{{1,2}}|{_NUMBER_WORD})\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago)"
    r"(?![\w'’])"
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

Resolver = Callable[[re.Match[str], str, "dt.date | None"], "DateValue | None"]


def _resolve_iso(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    return _day(int(match["year"]), int(match["mon"]), int(match["day"]))


def _resolve_full(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    if _is_name(match, text):
        return None
    return _day(int(match["year"]), _month_number(match["month"]), int(match["day"]))


def _resolve_day_month(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    if base is None or _is_name(match, text):
        return None
    month, day = _month_number(match["month"]), int(match["day"])
    value = _day(_nearest_year(base, month, day), month, day)
    return value.model_copy(update={"relative": True}) if value else None


def _resolve_month_year(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    if _is_name(match, text):
        return None
    return _month(int(match["year"]), _month_number(match["month"]))


def _resolve_bare_month(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    name = match["month"]
    if base is None or not name[0].isupper() or name.isupper():
        return None
    month = _month_number(name)
    modifier = (match["modifier"] or "").lower()
    if modifier == "last":
        year = base.year if month < base.month else base.year - 1
    elif modifier == "next":
        year = base.year if month > base.month else base.year + 1
    elif modifier == "this":
        year = base.year
    else:
        year = _nearest_year(base, month)
    return _month(year, month, relative=True)


def _resolve_year_range(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    join = match["join"].strip()
    if join == "and" and not match["between"]:
        return None
    first, end = int(match["year"]), match["end"]
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if last <= first or last - first > 200 or (join == "/" and last != first + 1):
        return None
    return _years(first, last)


def _resolve_bare_year(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
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


def _resolve_weekday(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    if base is None:
        return None
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


def _resolve_relative(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    if base is None:
        return None
    if word := match["dayword"]:
        word = " ".join(word.lower().split())
        offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
        date = base + dt.timedelta(days=offset)
        return _days(date, date)
    if phrase := match["dayphrase"]:
        phrase = " ".join(phrase.lower().split())
        if phrase in ("last night", "overnight"):
            return _days(base - dt.timedelta(days=1), base)
        return _days(base, base)
    if match["within"]:
        return _within(match["within"].lower().split()[0], match["within_unit"].lower(), base)
    if match["step"]:
        return _step(" ".join(match["step"].lower().split()), match["step_unit"].lower(), base)
    return _ago(match["count"].lower(), match["ago_unit"].lower().rstrip("s"), base)


def _within(direction: str, unit: str, base: dt.date) -> DateValue:
    if unit == "week":
        first, last = (
            base - dt.timedelta(days=base.weekday()),
            base + dt.timedelta(days=6 - base.weekday()),
        )
    elif unit == "month":
        first, last = base.replace(day=1), _month_end(base.year, base.month)
    else:
        first, last = dt.date(base.year, 1, 1), dt.date(base.year, 12, 31)
    return _days(first, base) if direction == "earlier" else _days(base, last)


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
    number = int(count) if count.isdigit() else SMALL_NUMBERS.get(count, 0)
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


def _resolve_period(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    """ "the fourth quarter of 2004", "Q1 2005", "the first half of 2005", "the first six months
    of 2005". Without a year, a quarter is the occurrence nearest publication; a half needs a
    year ("the first half" of a match is no date)."""
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
    if base is None:
        return None
    if match["this"] or part == "half":
        return _months(base.year, first, first + size - 1, relative=True)

    def distance(year: int) -> int:
        start, end = dt.date(year, first, 1), _month_end(year, first + 2)
        return 0 if start <= base <= end else min(abs((start - base).days), abs((end - base).days))

    year = min((base.year - 1, base.year, base.year + 1), key=distance)
    return _months(year, first, first + 2, relative=True)


def _resolve_earlier(match: re.Match[str], text: str, base: dt.date | None) -> DateValue | None:
    """ "a year earlier", "the previous year": before the year the text last stated."""
    count = (match["count"] or "a").lower()
    number = int(count) if count.isdigit() else SMALL_NUMBERS.get(count, 0)
    if number <= 0:
        return None
    window_start = max(0, match.start() - 800, text.rfind("\n\n", 0, match.start()))
    stated = [
        int(year.group()) for year in _STATED_YEAR.finditer(text, window_start, match.start())
    ]
    if stated:
        return _years(stated[-1] - number, stated[-1] - number, relative=True)
    if base is None:
        return None
    return _years(base.year - number, base.year - number, relative=True)


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
_TRIGGER = re.compile(
    r"(?P<digit>[0-9]+)|(?P<month>"
    + trie_pattern([name[:3] for name in calendar.month_name[1:]])
    + ")|(?P<weekday>"
    + trie_pattern(list(calendar.day_name))
    + ")|(?P<relative>"
    + trie_pattern(_RELATIVE_WORDS + [word.capitalize() for word in _RELATIVE_WORDS[:5]])
    + ")"
)
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


def _trigger_kind(trigger: re.Match[str], text: str) -> str | None:
    kind = trigger.lastgroup or ""
    if kind == "relative" and trigger.group() == "quarter":
        return "period"  # a quarter with a year is found from the year
    if kind != "digit":
        return kind
    digits = trigger.group()
    if len(digits) == 4:
        return "year"
    if len(digits) <= 2 and _AGO_AFTER.match(text, trigger.end()):
        return "relative"
    return None


def _candidates(text: str, base: dt.date | None) -> list[tuple[int, int, DateValue]]:
    found: dict[tuple[int, int], tuple[int, int, int, DateValue]] = {}
    size = len(text)
    for trigger in _TRIGGER.finditer(text):
        kind = _trigger_kind(trigger, text)
        if kind is None:
            continue
        (before, after), ranks = _WINDOWS[kind], _RANKS[kind]
        window_start, window_end = (
            max(0, trigger.start() - before),
            min(size, trigger.end() + after),
        )
        for rank in ranks:
            pattern, resolve = _PATTERNS[rank]
            for windowed in pattern.finditer(text, window_start, window_end):
                if (windowed.start(), rank) in found:
                    continue
                # The window cuts the text; match again on the whole text to be exact.
                match = pattern.match(text, windowed.start())
                value = resolve(match, text, base) if match else None
                if match is None or value is None:
                    found[(windowed.start(), rank)] = (-1, 0, rank, _NO_DATE)
                    continue
                start, end = _claim_span(match)
                found[(windowed.start(), rank)] = (start, -(end - start), rank, value)
    ordered = sorted(item for item in found.values() if item[0] >= 0)
    chosen: list[tuple[int, int, DateValue]] = []
    last_end = -1
    for start, negative_length, _, value in ordered:
        if start >= last_end:
            end = start - negative_length
            last_end = end
            if chosen and _restates(text, chosen[-1], (start, end, value)):
                # "This evening (Monday)": one date, restated in brackets
                chosen[-1] = (chosen[-1][0], end + 1, chosen[-1][2])
                continue
            chosen.append((start, end, value))
    return chosen


def _restates(
    text: str, previous: tuple[int, int, DateValue], current: tuple[int, int, DateValue]
) -> bool:
    between = text[previous[1] : current[0]]
    return (
        previous[2].start == current[2].start
        and previous[2].end == current[2].end
        and between.strip() == "("
        and text.startswith(")", current[1])
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


# Any fixed day works: it only reveals which spans are relative dates, never their value.
_PROBE_ANCHOR = dt.date(2001, 6, 15)
# Only deixis needs the publication date; "the fourth quarter" needs a year, which is
# another matter, and is left out rather than recorded as a date.
_DEICTIC = re.compile(
    rf"\b(?:{_WEEKDAY}|yesterday|today|tonight|tomorrow|last|next|this|ago|past|"
    r"(?:earlier|later) (?:in|that|on) the day)\b",
    re.IGNORECASE,
)


def extract_dates(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    base = context.source.published
    records: list[Record] = []
    found_spans: list[tuple[int, int]] = []
    for start, end, value in _candidates(context.text, base):
        found_spans.append((start, end))
        records.append(_date_claim(context, start, end, value))
    if base is None:
        # Relative dates of an undated text: claims with an unknown anchor.
        spans = Greatest(found_spans)
        for start, end, _ in _candidates(context.text, _PROBE_ANCHOR):
            if not overlaps(spans, start, end) and _DEICTIC.search(context.text, start, end):
                records.append(_date_claim(context, start, end, None))
    records.sort(key=lambda r: (r.start, r.end))
    return records


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
    for start, end, value in _candidates(text, base):
        if start == 0 and end == len(text):
            return value
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
