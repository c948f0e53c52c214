"""Who holds which office in a corpus, and which holder a role mention names.

"the Kenyan president" or "North Korea's Supreme Leader" written without a name is resolved
against the people the corpus names with that office (``offices.py`` decides when two
wordings are one office). A holder can change, as a president after an election, so
candidates are weighed by how fully they hold the office, by the mention's own story and
by date, and a mention that could name more than one person stays on its own.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence

from claimdiff.models import Mention
from claimdiff.offices import Office, office_key, office_relation_of, parse_office

ROLE_COREFERENCE = "role-coreference"
ROLE_COREFERENCE_IN_SOURCE = "role-coreference-in-source"
ROLE_COREFERENCE_BY_DATE = "role-coreference-by-date"

Dates = tuple[dt.date, ...]


class OfficeHolders:
    """Who holds which office in the corpus, and when the corpus names them.

    A role mention ("the Kenyan president", "North Korea's Supreme Leader") joins a holder when
    exactly one person can hold that office. Candidates are the people named with the same
    office or a fuller form of it, and, as possible holders only, people named with the
    title but without the mention's country, in a sentence that names that country ("X's
    Leader and newly elected President Y"; a "President Y" of a company is no candidate).
    A possible holder never wins on his own, but he makes the office ambiguous: then the
    mention joins the one full holder only when its own story names him and no possible
    holder, or else by date, the holder named most recently before the mention's source
    date when no other candidate is named between that holder's first date and the
    mention's. Otherwise the mention stays on its own.
    """

    def __init__(
        self,
        roles: Mapping[str, Collection[str]],
        named: Mapping[str, Sequence[Mention]],
        mentions: Sequence[Mention],
        published: Mapping[str, dt.date | None],
    ) -> None:
        """``roles`` and ``named``: each person's role phrases and name mentions, by entity;
        ``mentions``: every mention of the corpus (its places tell which countries each
        sentence names); ``published``: each source's date."""
        self.published = published
        # Countries named in each sentence: a title without a country ("President X") may
        # be that country's office when the sentence names it ("Y's Leader and President X").
        countries_in: dict[tuple[str, int], set[str]] = defaultdict(set)
        for mention in mentions:
            if mention.entity_kind == "place" and mention.country:
                countries_in[(mention.source, mention.sentence_start)].add(mention.country)
        # title -> (entity, office, countries named in its sentences, dates it is named)
        self.by_title: dict[str, list[tuple[str, Office, frozenset[str], Dates]]]
        self.by_title = defaultdict(list)
        self.named_in: dict[str, set[str]] = defaultdict(set)  # source -> entities named there
        self.candidates: dict[Office, tuple[dict[str, Dates], dict[str, Dates]]] = {}
        for root in sorted(roles):
            if not roles[root]:
                continue
            sources = {m.source for m in named.get(root, ())}
            for source in sources:
                self.named_in[source].add(root)
            countries = frozenset(
                country
                for m in named.get(root, ())
                for country in countries_in.get((m.source, m.sentence_start), ())
            )
            dates = tuple(sorted({d for s in sources if (d := published.get(s)) is not None}))
            for office in _most_specific(parse_office(role) for role in roles[root]):
                self.by_title[office.title].append((root, office, countries, dates))

    def holder(self, role: str, source: str) -> tuple[str | None, str]:
        wanted = parse_office(role)
        known = self.candidates.get(wanted)
        if known is None:
            known = self.candidates[wanted] = self._candidates(wanted)
        strong, weak = known
        if len(strong) == 1 and not weak:
            return next(iter(strong)), ROLE_COREFERENCE
        if len(strong) == 1:
            # The one holder the mention's own story names, when it names no other.
            root = next(iter(strong))
            named = self.named_in.get(source, set())
            if root in named and not named & weak.keys():
                return root, ROLE_COREFERENCE_IN_SOURCE
        date = self.published.get(source)
        candidates = {**weak, **strong}
        if len(candidates) < 2 or date is None:
            return None, ""
        chosen = _latest_before(candidates, date)
        return (chosen, ROLE_COREFERENCE_BY_DATE) if chosen else (None, "")

    def _candidates(self, wanted: Office) -> tuple[dict[str, Dates], dict[str, Dates]]:
        """Strong: named with this office, or a fuller form of it. Weak: named with the title
        but without the country the mention gives, in a sentence that names that country;
        such a holder may be the office's holder, so he blocks, but never wins on his own."""
        strong: dict[str, Dates] = {}
        weak: dict[str, Dates] = {}
        for root, office, countries, dates in self.by_title.get(wanted.title, ()):
            if office_relation_of(office, wanted) == "different":
                continue
            if (not wanted.country or office.country) and (
                not wanted.complement or office.complement
            ):
                strong[root] = dates
            elif (
                wanted.country
                and not office.country
                and office.complement in ("", wanted.complement)
                and wanted.country in countries
            ):
                weak[root] = dates
        return strong, {root: dates for root, dates in weak.items() if root not in strong}


def _most_specific(offices: Iterable[Office]) -> list[Office]:
    """Drop an office another of the same person's offices says more precisely: with
    "President of X" known, his "President" is that office, not a candidate elsewhere."""
    unique = sorted(set(offices), key=lambda o: o.key)
    return [
        office
        for office in unique
        if not any(
            other != office
            and office_relation_of(other, office) == "compatible"
            and _specificity(other) > _specificity(office)
            for other in unique
        )
    ]


def _specificity(office: Office) -> int:
    return bool(office.country) + bool(office.complement)


def _latest_before(candidates: Mapping[str, tuple[dt.date, ...]], date: dt.date) -> str | None:
    """The holder first named most recently on or before ``date``, when no other candidate
    is named between that first date and ``date`` (so the office has not changed hands)."""
    if any(not dates for dates in candidates.values()):
        return None  # an undated holder could be anyone's successor
    started = [(dates[0], root) for root, dates in candidates.items() if dates[0] <= date]
    if not started:
        return None
    first, chosen = max(started)
    for root, dates in candidates.items():
        if root != chosen and any(first <= d <= date for d in dates):
            return None
    return chosen


def share_office(left: Collection[str], right: Collection[str]) -> bool:
    """Whether two people are named with one office, however each source words it
    ("Foreign Minister of X" and "X's foreign minister")."""
    return bool({office_key(role) for role in left} & {office_key(role) for role in right})
