"""Evidence beyond spelling that two similar names are one person.

The weak rungs of the name ladder (transliteration skeleton, Double Metaphone, spelling
similarity) also match different people with English names: "Jon Smit" and "John Smith",
"Ann Reade" and "Ann Reid". A merge that rests only on such a rung needs one of:

- ``same-document``: one source writes both spellings;
- ``shared-office``: both are named with one specific office (a title with a country or a
  complement, or a title of several words: "shadow home secretary", not a bare "captain");
- ``shared-context``: the entities co-mentioned with both are rarer together than one
  document of the corpus. Each shared entity weighs ``ln(N / df)`` (N sources, df the
  sources naming it), so a team-mate weighs much; one named in more than ``sqrt(N)``
  sources (a capital, a month, a big party) is background and weighs nothing. The sum
  must pass ``ln(N * a * b)``, where a and b are the sources of each spelling: the chance
  that unrelated sources share that much is below one in the pairs of sources compared.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from claimdiff.models import Mention
from claimdiff.names import EXACT, ROMANISATION, name_tokens
from claimdiff.offices import parse_office

SAME_DOCUMENT = "same-document"
SHARED_OFFICE = "shared-office"
SHARED_CONTEXT = "shared-context"

# Rungs that say the written tokens are the same, only ordered or joined differently, or
# one Korean or Chinese name written in two romanisation systems.
_STRONG_REASONS = frozenset({EXACT, "token-order", "token-joining", ROMANISATION})


def rests_on_weak_rung(reasons: Iterable[str]) -> bool:
    """Whether a name match needs corroboration: some token matched only by sound or
    spelling, not letter for letter."""
    return not set(reasons) <= _STRONG_REASONS


@dataclass
class Spelling:
    """What is known of one group of names: its tokens, sources and role phrases."""

    tokens: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)

    def absorb(self, other: Spelling) -> None:
        self.tokens |= other.tokens
        self.sources |= other.sources
        self.roles |= other.roles


class CorpusContext:
    """Which entities each source names, and in how many sources each is named."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.keys_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for mention in mentions:
            tokens = name_tokens(mention.name)
            if tokens:
                self.keys_of[mention.source].add(tokens)
        self.sources = max(len(self.keys_of), 1)
        self.frequency: Counter[tuple[str, ...]] = Counter(
            key for keys in self.keys_of.values() for key in keys
        )

    def corroboration(self, left: Spelling, right: Spelling) -> str | None:
        """The reason code of the evidence that two spellings are one person, if any."""
        if left.sources & right.sources:
            return SAME_DOCUMENT
        if _share_office(_specific_offices(left.roles), _specific_offices(right.roles)):
            return SHARED_OFFICE
        shared = self.shared_context(left, right)
        if shared:
            return f"{SHARED_CONTEXT}: {', '.join(' '.join(k) for k in shared[:3])}"
        return None

    def shared_context(self, left: Spelling, right: Spelling) -> list[tuple[str, ...]]:
        """The co-mentioned entities, rarest first, when together they pass the bar."""
        own = left.tokens | right.tokens
        left_keys = self._context(left.sources, own)
        right_keys = self._context(right.sources, own)
        background = math.sqrt(self.sources)
        shared = sorted(
            (k for k in left_keys & right_keys if self.frequency[k] <= background),
            key=lambda k: (self.frequency[k], k),
        )
        weight = sum(math.log(self.sources / self.frequency[k]) for k in shared)
        bar = math.log(self.sources * len(left.sources) * len(right.sources))
        return shared if shared and weight >= bar else []

    def _context(self, sources: Collection[str], own: set[str]) -> set[tuple[str, ...]]:
        return {
            key
            for source in sources
            for key in self.keys_of.get(source, ())
            if not own.intersection(key)
        }


def _specific_offices(roles: Iterable[str]) -> set[tuple[str, str, str]]:
    """Office keys that few people hold: with a country, a complement, or several words.
    A former holder held the office: "former immigration minister" is that office."""
    offices = (parse_office(role) for role in roles)
    return {
        (office.title.removeprefix("former "), office.complement, office.country or "")
        for office in offices
        if office.country or office.complement or " " in office.title.removeprefix("former ")
    }


def _share_office(left: set[tuple[str, str, str]], right: set[tuple[str, str, str]]) -> bool:
    """One office on both sides; a side that does not say the country ("Prime Minister X")
    names the office that the other side gives a country ("Prime Minister of Y")."""
    if left & right:
        return True
    return any(a[:2] == b[:2] and not (a[2] and b[2]) for a in left for b in right)
