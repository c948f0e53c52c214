"""Offices: one key per office, however a source words its title.

"Chief of Staff of the Armed Forces of X", "Chief of Staff of the <X-demonym> Armed
Forces" and "<X-demonym> Armed Forces Chief of Staff" name one office, and so do
"President of the Republic of X" and "<X-demonym> President". An office is parsed
into its title ("chief of staff"), a complement that is not a country ("armed
forces", "house of lords", "to <country>" for envoys) and a country:

- the text is folded to lower-case ASCII words, possessives and articles dropped;
- countries are recognised by name, alternative name or demonym, wherever they stand;
- the title is the longest known title at the start (or, failing that, at the end:
  "armed forces chief of staff"), in its canonical form ("defence minister" ->
  "minister of defense", "premier" -> "prime minister");
- a few generic offices have several names in English news writing ("supreme
  leader" and "leader"; "chief of general staff" and "chief of staff of the armed
  forces"); these are rewritten to one form.

Only general knowledge of offices lives here, never wording taken from one corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from claimdiff import gazetteer as gz
from claimdiff.names import fold

_ARTICLES = frozenset({"the", "a", "an"})
_FORMER = frozenset({"former", "ex", "then"})
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")

# Names of a state used in its officials' titles instead of the country's name.
_STATE_EPITHETS: dict[str, str] = {
    "islamic revolution": "Iran",  # "Leader of the Islamic Revolution"
    "two holy mosques": "Saudi Arabia",  # "Custodian of the Two Holy Mosques"
}

# One form for generic offices that English news writing names in several ways.
_MILITARY_CHIEF = "chief of staff of armed forces"
_SYNONYMS: dict[str, str] = {
    "supreme leader": "leader",
    "chief general": _MILITARY_CHIEF,
    "chief general of armed forces": _MILITARY_CHIEF,
    "chief of general staff": _MILITARY_CHIEF,
    "chief of general staff of armed forces": _MILITARY_CHIEF,
    "chief of defense staff": _MILITARY_CHIEF,
    "chief of defence staff": _MILITARY_CHIEF,
    "chief of armed forces": _MILITARY_CHIEF,
    "head of armed forces": _MILITARY_CHIEF,
    "armed forces chief": _MILITARY_CHIEF,
    "president of republic": "president",
    "premier": "prime minister",
}
_SYNONYM_WORDS = {tuple(key.split()): tuple(value.split()) for key, value in _SYNONYMS.items()}
_MAX_SYNONYM_WORDS = max(len(key) for key in _SYNONYM_WORDS)


def _plain(phrase: str) -> tuple[str, ...]:
    return tuple(word for word in fold(phrase).split() if word not in _ARTICLES)


def _country_table() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    # Capitals are left out: the Mayor of a capital is not an office of its country.
    for names in (gz.COUNTRY_NAMES, gz.DEMONYMS):
        for name, country in names.items():
            words = _plain(name)
            if words:
                table.setdefault(words, country)
    for epithet, country in _STATE_EPITHETS.items():
        table.setdefault(_plain(epithet), country)
    return table


_COUNTRIES = _country_table()
_MAX_COUNTRY_WORDS = max(len(key) for key in _COUNTRIES)
_TITLES: dict[tuple[str, ...], tuple[str, ...]] = {}
for _phrase, _title in gz.TITLES.items():
    if _title.office and _plain(_phrase):
        _TITLES.setdefault(_plain(_phrase), _plain(_title.canonical))
_MAX_TITLE_WORDS = max(len(key) for key in _TITLES)


@dataclass(frozen=True)
class Office:
    """An office as a title, a complement that is not a country, and a country."""

    title: str
    complement: str = ""
    country: str | None = None

    @property
    def key(self) -> str:
        return f"{self.title}|{self.complement}|{self.country or ''}"

    def label(self) -> str:
        """One wording of the office: "chief of staff of armed forces of Chile"."""
        served = self.complement.startswith("to ")
        words = [self.title]
        if self.complement and not served:
            words.append(f"of {self.complement}")
        if self.country:
            words.append(f"of {self.country}")
        if served:
            words.append(self.complement)
        return " ".join(words)


OfficeRelation = Literal["same", "compatible", "different"]


@lru_cache(maxsize=65536)
def parse_office(role: str) -> Office:
    """The office a role phrase names: "the Chilean Armed Forces' Chief of Staff" ->
    Office("chief of staff", "armed forces", "Chile")."""
    words = _plain(_POSSESSIVE.sub("", role))
    former = any(word in _FORMER for word in words)
    words, destination = _take_destination(tuple(w for w in words if w not in _FORMER))
    country, words = _take_country(words)
    title, complement = _split_title(_trim(words))
    if former:  # "former President of X" is not the office of the President of X
        title = f"former {title}"
    expansion = gz.expand_acronym(complement.upper()) if " " not in complement else None
    if expansion:  # "UN Secretary-General" and "Secretary-General of the United Nations"
        complement = " ".join(_plain(expansion))
    if destination:
        complement = f"{complement} to {fold(destination)}".strip()
    return Office(title, complement, country)


def office_key(role: str) -> str:
    """A string equal for every wording of one office (see ``parse_office``)."""
    return parse_office(role).key


def office_relation(left: str, right: str) -> OfficeRelation:
    """ "same" office, "compatible" (one says less: "the President" and "President of X"),
    or "different" (another title, country or complement)."""
    return office_relation_of(parse_office(left), parse_office(right))


def office_relation_of(a: Office, b: Office) -> OfficeRelation:
    """``office_relation`` over parsed offices."""
    if a == b:
        return "same"
    if a.title != b.title:
        return "different"
    if a.country and b.country and a.country != b.country:
        return "different"
    if a.complement and b.complement and a.complement != b.complement:
        return "different"
    return "compatible"


def _take_destination(words: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """ "ambassador of X to Y": Y is where the envoy serves, not the office's country."""
    for i in range(len(words) - 1, 0, -1):
        if words[i] == "to":
            country = _COUNTRIES.get(words[i + 1 :])
            if country is not None:
                return words[:i], country
    return words, None


def _take_country(words: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """The first country named anywhere in the phrase, and the words without it."""
    for start in range(len(words)):
        for end in range(min(len(words), start + _MAX_COUNTRY_WORDS), start, -1):
            country = _COUNTRIES.get(words[start:end])
            if country is not None:
                return country, words[:start] + words[end:]
    return None, words


def _trim(words: tuple[str, ...]) -> tuple[str, ...]:
    """Drop connectives left dangling by the country ("president of" -> "president")."""
    kept = [w for i, w in enumerate(words) if not (w in ("of", "for") and words[i - 1 : i] == (w,))]
    while kept and kept[-1] in ("of", "for", "and"):
        kept.pop()
    while kept and kept[0] in ("of", "for", "and"):
        kept.pop(0)
    return tuple(kept)


def _rewrite(words: tuple[str, ...]) -> tuple[str, ...]:
    """The longest synonym at the start of the phrase, replaced by its one form."""
    for size in range(min(len(words), _MAX_SYNONYM_WORDS), 0, -1):
        replacement = _SYNONYM_WORDS.get(words[:size])
        if replacement is not None:
            return replacement + words[size:]
    return words


def _split_title(words: tuple[str, ...]) -> tuple[str, str]:
    """(title, complement): the longest known title at the start of the phrase (else at its
    end: "armed forces chief of staff"), in canonical form, joined to the rest by "of"."""
    whole = words
    for size in range(min(len(words), _MAX_TITLE_WORDS), 0, -1):
        canonical = _TITLES.get(words[:size])
        if canonical is not None:
            rest = words[size:]
            if rest and rest[0] in ("of", "for"):
                rest = rest[1:]
            whole = canonical + (("of", *rest) if rest else ())
            break
    else:
        for size in range(min(len(words) - 1, _MAX_TITLE_WORDS), 0, -1):
            canonical = _TITLES.get(words[-size:])
            if canonical is not None:
                whole = canonical + ("of", *words[:-size])
                break
    whole = _rewrite(whole)
    # Split at the first "of" after a known title: "minister of defense" and "defence
    # minister" both become ("minister", "defense"), whatever the wording.
    for i, word in enumerate(whole):
        if word in ("of", "for") and whole[:i] in _KNOWN_TITLES and whole[:i] != ("chief",):
            # "Chief of Staff" is a title of its own, not the "chief" of a staff.
            return " ".join(whole[:i]), " ".join(whole[i + 1 :])
    return " ".join(whole), ""


_KNOWN_TITLES = frozenset(_TITLES) | frozenset(_TITLES.values())
