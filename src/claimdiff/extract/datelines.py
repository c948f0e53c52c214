"""Datelines: "KABUL, May 3 (Agency) -", "KABUL: ...", "Lima, 3 May 2021 (Agency)."

A dateline opens the body's first paragraph and names the city a story is filed from
(and often the day). Events the story narrates take place there unless a sentence names
another place; its date dates the news of the opening paragraph.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Dateline", "dateline_place", "find_dateline"]

# A city in capitals before a colon or dash, or a city with a date or an agency after it;
# a country may follow the city ("TARMA, Peru, Oct 15 (Agency) -").
_MONTH_NAMES = "|".join(
    [*calendar.month_name[1:], *(m for m in calendar.month_abbr[1:] if m != "May")]
)
_DATELINE_DATE = (
    rf"(?:\d{{1,2}}\s+(?:{_MONTH_NAMES})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
)
_AGENCY = r"\s*\([^()\n]{1,40}\)"
_COUNTRY = r"(?:,\s*(?P<{group}>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?"
_DATELINE = re.compile(
    rf"(?P<capitals>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){{0,2}})"
    rf"{_COUNTRY.format(group='country')}(?:,\s*{_DATELINE_DATE})?(?:{_AGENCY})?\s*(?::|[-–—]\s)"
    rf"|(?P<title>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})"
    rf"{_COUNTRY.format(group='title_country')}"
    rf"(?:,\s*{_DATELINE_DATE}(?:{_AGENCY})?|{_AGENCY})\s*[-–—.:]\s"
)
# A dateline opens a paragraph near the top (after the headline and byline lines), and
# the paragraph goes on after it.
_HEADER_REACH = 600
_AFTER_DATELINE = 40


class Dateline(NamedTuple):
    city: str
    start: int  # where the dateline (and its paragraph) starts
    end: int  # where the dateline ends and the story begins
    country: str | None = None  # as written after the city ("ELDORET, Kenya, ...")


# Extraction asks once per frame and per reported clause, alignment twice per source: the
# answer for the texts in hand is kept (a str caches its hash, so a look-up is cheap).
@lru_cache(maxsize=16)
def find_dateline(text: str) -> Dateline | None:
    """A story's dateline, with the city it names ("KABUL: ..." -> "Kabul"), or None."""
    for line in re.finditer(r"^.+$", text[:_HEADER_REACH], re.MULTILINE):
        match = _DATELINE.match(text, line.start(), line.end())
        if match is None or line.end() - match.end() < _AFTER_DATELINE:
            continue
        city = match["capitals"] or match["title"]
        if len(city) < 4:
            return None
        if city.isupper():
            city = " ".join(w.capitalize() for w in city.split())
        country = match["country"] or match["title_country"]
        return Dateline(city, match.start(), match.end(), country)
    return None


def dateline_place(text: str) -> str | None:
    """The city a story's dateline names, or None."""
    dateline = find_dateline(text)
    return dateline.city if dateline else None
