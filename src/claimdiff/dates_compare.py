"""Comparing dates at the coarser of their granularities."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from claimdiff.models import GRANULARITY_RANK, DateValue


def widen(value: DateValue, granularity: str) -> tuple[dt.date, dt.date]:
    """The interval of ``value`` seen at a coarser granularity ("2022-05-30" as May 2022)."""
    start, end = value.start, value.end
    if granularity == "month":
        last = calendar.monthrange(end.year, end.month)[1]
        return start.replace(day=1), end.replace(day=last)
    if granularity == "year":
        return dt.date(start.year, 1, 1), dt.date(end.year, 12, 31)
    return start, end


def coarser(left: DateValue, right: DateValue) -> str:
    return max(left.granularity, right.granularity, key=lambda g: GRANULARITY_RANK[g])


def dates_overlap(left: DateValue, right: DateValue) -> bool:
    granularity = coarser(left, right)
    left_start, left_end = widen(left, granularity)
    right_start, right_end = widen(right, granularity)
    return left_start <= right_end and right_start <= left_end


def dates_equal(left: DateValue, right: DateValue) -> bool:
    return (left.start, left.end, left.granularity) == (right.start, right.end, right.granularity)


def narrower(left: DateValue, right: DateValue) -> DateValue:
    """The more precise of two overlapping dates (the first on a tie)."""
    left_rank, right_rank = GRANULARITY_RANK[left.granularity], GRANULARITY_RANK[right.granularity]
    if right_rank < left_rank:
        return right
    if right_rank == left_rank and (right.end - right.start) < (left.end - left.start):
        return right
    return left


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_named(text: str) -> int | None:
    """The weekday a phrase names ("on Monday" -> 0), or None for none or several."""
    words = text.lower().replace(",", " ").split()
    named = [number for number, day in enumerate(WEEKDAYS) if day in words]
    return named[0] if len(named) == 1 else None


# Month names and their abbreviations, lower-case, with their numbers ("sept" -> 9).
MONTHS: dict[str, int] = (
    {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
    | {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
_MONTH_DAY = re.compile(
    r"^(?:on\s+)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?"
    r"|(?P<month2>[A-Za-z]+)\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)$"
)


def month_day_named(text: str) -> tuple[int, int] | None:
    """The (month, day) a date without a year names ("June 10", "10 June"), or None."""
    match = _MONTH_DAY.match(" ".join(text.split()))
    if match is None:
        return None
    month = MONTHS.get((match["month"] or match["month2"]).lower())
    day = int(match["day"] or match["day2"])
    return (month, day) if month and 1 <= day <= 31 else None


def holds_month_day(value: DateValue, month_day: tuple[int, int]) -> bool | None:
    """Whether a day (or a run of days) includes the month and day; None when the value
    is coarser than a day."""
    if value.granularity != "day" or (value.end - value.start).days > 31:
        return None
    day = value.start
    while day <= value.end:
        if (day.month, day.day) == month_day:
            return True
        day += dt.timedelta(days=1)
    return False


_MONTH_ONLY = re.compile(
    r"^(?:(?:in|last|this|next|early|late|mid-?)\s+)?(?P<month>[A-Za-z]+)"
    r"(?:\s+(?:last|this|next)\s+year)?$"
)


def month_named(text: str) -> int | None:
    """The month a date without a year or day names ("March last year", "last March")."""
    match = _MONTH_ONLY.match(" ".join(text.split()))
    if match is None or not match["month"][0].isupper():
        return None
    return MONTHS.get(match["month"].lower())


def holds_day_named(value: DateValue, text: str) -> bool | None:
    """Whether a date another source gives can be the day or month that ``text`` names
    without a year ("on Tuesday", "June 10", "March last year"); None when ``value`` is
    too coarse to tell or ``text`` names none."""
    weekday, month_day, month = weekday_named(text), month_day_named(text), month_named(text)
    if month is not None:
        if value.granularity not in ("day", "month"):
            return None
        return value.start.month == month == value.end.month
    if value.granularity != "day" or (value.end - value.start).days > 31:
        return None
    if month_day is not None:
        return holds_month_day(value, month_day)
    if weekday is not None:
        days = (value.end - value.start).days + 1
        return any(
            (value.start + dt.timedelta(days=n)).weekday() == weekday for n in range(min(days, 7))
        )
    return None
