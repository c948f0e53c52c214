"""Comparing the wordings of one office: "Leader of X" and "Supreme Leader of X".

A title is reduced to a set of words: folded, without articles and prepositions,
countries and demonyms written as the country ("Chilean" and "of Chile" alike),
portfolio spellings merged ("defence", "defense"). Two wordings name one office when
their sets are equal, or differ only by words that decorate a title without changing
the office it names ("Supreme", "Grand"; "of Staff" or "General" in a chief's title). Words
that change the office ("Deputy", "Vice", "Former", "Prime") are never among those, so
"Deputy Foreign Minister" is never a variant of "Foreign Minister".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from claimdiff.gazetteer import (
    COUNTRY_NAMES,
    MAX_PLACE_WORDS,
    TITLE_WORDS,
    UNIQUE_OFFICES,
    country_for,
)
from claimdiff.names import fold
from claimdiff.offices import office_key

SAME_TITLE = "same-title"
TITLE_DECORATION = "title-decoration"
SAME_OFFICE = "same-office"

_SMALL = frozenset({"of", "the", "and", "for", "to", "in", "s", "a", "an"})
# Spellings of one word; "ex-" is how headlines and captions write "former".
# Abbreviated ranks: "Lt Gen" is "Lieutenant General".
_RANK_ABBREVIATIONS = {
    "lt": "lieutenant",
    "gen": "general",
    "maj": "major",
    "brig": "brigadier",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "cdr": "commander",
}
_SPELLINGS = {
    "defence": "defense",
    "labor": "labour",
    "organisation": "organization",
    "ex": "former",
    "then": "former",
    **_RANK_ABBREVIATIONS,
}
_ABBREVIATIONS = frozenset(_RANK_ABBREVIATIONS)
RANK_WORDS = frozenset(
    """general lieutenant major brigadier colonel captain sergeant admiral commander marshal
    corporal commodore""".split()  # noqa: SIM905
)
# Words that decorate a title without naming another office.
DECORATIONS = frozenset({"supreme", "grand"})
# Words that decorate a chief's title only: "Chief of Staff", "Chief of General Staff" and
# "Chief of the Army" name one office (a "Secretary General" is not a "Secretary").
CHIEF_DECORATIONS = frozenset({"staff", "general"})
# The words that make a phrase a title at all; two wordings must share one of them.
HEAD_WORDS = frozenset(
    """president minister premier chancellor leader chief head commander secretary governor
    director chairman chairwoman chair speaker ambassador envoy mayor king queen emir sultan
    prince executive spokesman spokeswoman spokesperson adviser advisor justice judge
    prosecutor commissioner representative senator councillor councilor mufti pope
    patriarch""".split()  # noqa: SIM905
)


# "Chile's President" is the "President of Chile": the possessive goes before folding.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


@dataclass(frozen=True)
class TitleMatch:
    relation: Literal["same", "variant", "different"]
    reason: str = ""


def _country_words(words: list[str]) -> list[str]:
    """``words`` with every country name or demonym replaced by the folded country name."""
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(MAX_PLACE_WORDS, len(words) - index), 0, -1):
            phrase = " ".join(
                w if w in _SMALL else w.capitalize() for w in words[index : index + size]
            )
            # "US", "UK": a folded acronym is looked up as written.
            country = country_for(phrase) or (
                country_for(phrase.upper()) if size == 1 and len(phrase) <= 3 else None
            )
            if country is not None and words[index] not in _SMALL:
                out.append(fold(country).replace(" ", "_"))
                index += size
                break
        else:
            out.append(words[index])
            index += 1
    return out


@lru_cache(maxsize=16384)
def title_key(title: str) -> frozenset[str]:
    """The words of a title that decide which office it names."""
    words = _country_words(fold(_POSSESSIVE.sub("", title)).split())
    return frozenset(_SPELLINGS.get(w, w) for w in words if w not in _SMALL)


def is_title(title: str) -> bool:
    """Whether a phrase contains a word that names an office ("Chief", "Minister")."""
    return bool(title_key(title) & HEAD_WORDS)


@lru_cache(maxsize=65536)
def compare_titles(left: str, right: str) -> TitleMatch:
    """Whether two wordings name one office; symmetric."""
    a, b = title_key(left), title_key(right)
    if not (a & b & HEAD_WORDS):
        return TitleMatch("different")
    if a == b:
        return TitleMatch("same", SAME_TITLE)
    decorations = DECORATIONS | CHIEF_DECORATIONS if "chief" in a & b else DECORATIONS
    if (a ^ b) <= decorations:
        return TitleMatch("variant", TITLE_DECORATION)
    # The resolver joins role mentions by office; a title variant must agree with it.
    if office_key(left) == office_key(right):
        return TitleMatch("variant", SAME_OFFICE)
    return TitleMatch("different")


_COUNTRY_WORDS = frozenset(fold(c).replace(" ", "_") for c in COUNTRY_NAMES.values())
_TITLE_WORDS = frozenset(fold(w) for w in TITLE_WORDS)


def country_word(country: str) -> str:
    """A country as it appears in a title key ("United Kingdom" -> "united_kingdom")."""
    return fold(country).replace(" ", "_")


def _office_words(title: str) -> frozenset[str]:
    return title_key(title) - _COUNTRY_WORDS


_UNIQUE_OFFICE_KEYS = frozenset(_office_words(office) for office in UNIQUE_OFFICES)


def single_holder_office(title: str) -> tuple[str, str | None] | None:
    """For an office one person holds at a time ("President of Chile"): the office's words
    and its country, if the title names one; None for any other title."""
    words = _office_words(title)
    if words not in _UNIQUE_OFFICE_KEYS:
        return None
    countries = sorted(title_key(title) & _COUNTRY_WORDS)
    return " ".join(sorted(words)), countries[0] if len(countries) == 1 else None


def written_title(written: str | None, value: str) -> str:
    """A role as the source wrote it ("Minister of External Relations of the Republic of X"),
    not as normalised ("Foreign Minister of X"), when the written words are a title: two
    wordings of one office differ in words, and the normalised value hides that."""
    shown = " ".join((written or "").split())
    if not shown or ". " in shown or any(c.isdigit() for c in shown):
        return value  # a phrase run together across a sentence is no wording of a title
    return shown if is_title(shown) else value


SAME_POST = "same-post"
# Words that make another office of the same head: "Deputy Minister", "Minister of State".
OFFICE_CHANGERS = frozenset(
    """deputy vice former prime acting interim shadow assistant junior under associate
    general chief state first second senior permanent principal co elect designate branch
    new outgoing incoming current incumbent""".split()  # noqa: SIM905
)
# Words that name a jurisdiction without naming it: "the regional water minister".
JURISDICTIONS = frozenset(
    """provincial regional state federal municipal county district city local""".split()  # noqa: SIM905
)


def same_post(left: str, right: str) -> TitleMatch:
    """Two wordings of one person's post, looser than ``compare_titles``: one says more
    ("regional minister", "regional water minister"), or a jurisdiction word stands
    for the place's name ("regional water minister", "Northland Water Minister").
    Nothing in the difference may change the office (``OFFICE_CHANGERS``, another head)."""
    a, b = title_key(left) - _COUNTRY_WORDS, title_key(right) - _COUNTRY_WORDS
    spelled = _spelled_out(left, a, right), _spelled_out(right, b, left)
    if spelled != (a, b) and spelled[0] == spelled[1]:
        return TitleMatch("variant", SAME_POST)  # "Chairman ABC", "Alpha Beta Commission chairman"
    a, b = spelled
    if _informal_head(a, b) or _informal_head(b, a):
        return TitleMatch("variant", SAME_POST)
    shared = a & b
    differ = a ^ b
    if not (shared & HEAD_WORDS) or not differ or differ & (HEAD_WORDS | OFFICE_CHANGERS):
        return TitleMatch("different")
    if not shared - HEAD_WORDS - OFFICE_CHANGERS:
        return TitleMatch("different")  # "Minister" and "Minister of Trade": too little said
    if a <= b or b <= a:
        longer = right if len(b) > len(a) else left
        if _listed(longer, differ, shared):
            return TitleMatch("variant", SAME_POST)
        return TitleMatch("different")
    named = {left: a - b, right: b - a}
    for text, own in named.items():
        other = right if text == left else left
        if own <= JURISDICTIONS and _proper_words(other, named[other]):
            return TitleMatch("variant", SAME_POST)
    return TitleMatch("different")


# "the agency's chief", "head of the agency": informal words for whoever leads it.
INFORMAL_HEADS = frozenset({"chief", "head", "boss"})
# The head words of a body's top post ("chief executive", "chairman", "director general"):
# a "Chief Secretary" is no "chief" of anything.
TOP_POSTS = frozenset({"chairman", "chairwoman", "chair", "director", "executive", "president"})
# Words that say what kind of body, not which one: they do not tell two bodies apart.
_GENERIC_BODY = frozenset(
    """national country countrys agency authority organization department ministry council
    commission office government federal provincial regional party group company board
    committee bureau service""".split()  # noqa: SIM905
)


_TWO_OFFICES = re.compile(r"\s+and\s+")


def one_of_two_offices(left: str, right: str) -> bool:
    """One wording names two offices, the other one of them, its country aside: "Deputy
    Premier and Finance Minister" and "Finance Minister of Norway". Both parts must be
    titles ("Minister of Trade and Industry" is one office)."""
    for compound, other in ((left, right), (right, left)):
        parts = _TWO_OFFICES.split(compound)
        if len(parts) != 2 or not all(is_title(part) for part in parts):
            continue
        if len(_TWO_OFFICES.split(other)) > 1:
            continue
        wanted = title_key(other) - _COUNTRY_WORDS
        for part in parts:
            if title_key(part) - _COUNTRY_WORDS == wanted:
                return True
            if compare_titles(part, other).relation != "different":
                return True
    return False


def _informal_head(informal: frozenset[str], formal: frozenset[str]) -> bool:
    """ "the FDRA chief" and "Chairman of the same body": one leads what the other chairs
    or directs, when the two name one body by a word that is not generic."""
    heads = informal & HEAD_WORDS
    formal_heads = formal & HEAD_WORDS - INFORMAL_HEADS
    if not heads <= INFORMAL_HEADS or not formal_heads or not formal_heads <= TOP_POSTS:
        return False
    if ((formal ^ informal) - HEAD_WORDS) & OFFICE_CHANGERS:
        return False
    body = (informal - HEAD_WORDS) - _GENERIC_BODY
    return bool(body & (formal - HEAD_WORDS))


def _spelled_out(title: str, key: frozenset[str], other: str) -> frozenset[str]:
    """``key`` with an acronym of ``title`` replaced by the words ``other`` spells it out
    with ("Chairman ABC" beside "chairman of the Alpha Beta Commission")."""
    capitals = [w for w in other.split() if w[:1].isupper()]
    for word in title.split():
        if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
            continue
        for start in range(len(capitals) - len(word) + 1):
            run = capitals[start : start + len(word)]
            if "".join(w[0] for w in run) == word:
                return (key - {fold(word)}) | {fold(w) for w in run}
    return key


def _listed(title: str, extra: frozenset[str], shared: frozenset[str]) -> bool:
    """Whether each extra word is one of portfolios listed with "and" beside a shared one
    ("Trade and Industry Secretary" says more than "Trade Secretary", "branch chairman" names
    another post than "chairman")."""
    words = [_SPELLINGS.get(w, w) for w in fold(title).split()]
    known = extra | shared
    listed: set[str] = set()
    for index in range(1, len(words) - 1):
        if words[index] in ("and", "&"):
            left, right = words[index - 1], words[index + 1]
            if left in known and right in known and (left in shared or right in shared):
                listed |= {left, right}
    return extra <= listed


def _proper_words(title: str, words: frozenset[str]) -> bool:
    """Whether every word of ``words`` is written with a capital in ``title`` and is no
    title word: a place's name ("Northland" in "Northland Water Minister")."""
    written = {fold(w): w for w in title.split()}
    return bool(words) and all(
        w in written and written[w][:1].isupper() and w not in _TITLE_WORDS for w in words
    )


def abbreviations(title: str) -> frozenset[str]:
    """The abbreviated words of a title ("Lt Gen"): one title written two ways differs in
    them though its key does not."""
    return frozenset(w for w in fold(title).split() if w in _ABBREVIATIONS)


def is_rank(title: str) -> bool:
    """Whether a phrase is a military rank only ("Lt Gen", "Major General")."""
    key = title_key(title)
    return bool(key) and key <= RANK_WORDS
