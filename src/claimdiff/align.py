"""Alignment: which claims state the same kind of fact about the same subject.

Claims meet only inside blocks (a normalised predicate with the kind of its
object, and an anchor: an event, an entity, or a participant of the event),
so the work grows with block sizes, not with the square of the corpus.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, combinations, product

from claimdiff.dates_compare import weekday_named
from claimdiff.models import (
    Candidate,
    Claim,
    CountClaim,
    DateClaim,
    DateValue,
    Event,
    EventClaim,
    QuantityClaim,
    QuoteClaim,
    Resolution,
    RoleClaim,
    Source,
    SourceExtraction,
)
from claimdiff.names import fold
from claimdiff.places import place_key

# A participant shared by more count claims than this is too common to block on
# (think of a country in a corpus about that country); the event still is.
MAX_PARTICIPANT_BLOCK = 60
SHINGLE_WORDS = 8
SHINGLE_SAMPLE = 4
DEPENDENT_SHARED_SHINGLES = 2
DEPENDENT_SHARE = 0.3

_WORD = re.compile(r"[a-z0-9]+")


def resolve_claims(claims: Iterable[Claim], resolution: Resolution) -> list[Claim]:
    """Claims with mention ids replaced by entity ids and frame ids by event ids."""
    entity = resolution.entity_of_mention
    event = resolution.event_of_frame
    resolved: list[Claim] = []
    for claim in claims:
        update: dict[str, object] = {}
        if claim.subject is not None:
            update["subject"] = entity.get(claim.subject)
        if claim.event is not None:
            update["event"] = event.get(claim.event)
        if isinstance(claim, EventClaim):
            update["participants"] = tuple(
                dict.fromkeys(entity[p] for p in claim.participants if p in entity)
            )
        resolved.append(claim.model_copy(update=update))
    return resolved


def count_family(claim: CountClaim) -> str:
    """The most general class of the counted noun: what a count can be compared with."""
    return claim.noun_class[-1] if claim.noun_class else claim.noun


@dataclass(frozen=True)
class ClaimContext:
    """What surrounds a claim in its sentence: the entities named and the nearby words."""

    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()


def claim_contexts(
    extractions: Iterable[SourceExtraction],
    resolution: Resolution,
    texts: Mapping[str, str],
) -> dict[str, ClaimContext]:
    """Per claim id: entities of its sentence and content words around it (for quantities)."""
    contexts: dict[str, ClaimContext] = {}
    for extraction in extractions:
        places: dict[int, set[str]] = defaultdict(set)
        actors: dict[int, set[str]] = defaultdict(set)
        for mention in extraction.mentions:
            entity = resolution.entity_of_mention.get(mention.id)
            if entity is None:
                continue
            target = places if mention.entity_kind == "place" else actors
            target[mention.sentence_start].add(entity)
        text = texts.get(extraction.source, "")
        for claim in extraction.claims:
            if not isinstance(claim, CountClaim | QuantityClaim):
                continue
            words: tuple[str, ...] = ()
            if isinstance(claim, QuantityClaim):
                before = text[max(claim.sentence_start, claim.start - 60) : claim.start]
                after = text[claim.end : min(claim.sentence_end, claim.end + 60)]
                words = tuple(content_words(before)[-5:] + content_words(after)[:5])
            contexts[claim.id] = ClaimContext(
                places=frozenset(places.get(claim.sentence_start, ())),
                actors=frozenset(actors.get(claim.sentence_start, ())),
                words=words,
            )
    return contexts


def align_claims(
    claims: Sequence[Claim],
    events: Sequence[Event],
    contexts: Mapping[str, ClaimContext] | None = None,
) -> list[Candidate]:
    contexts = contexts or {}
    candidates: list[Candidate] = []
    counts = [c for c in claims if isinstance(c, CountClaim)]
    candidates.extend(_align_counts(counts, events, contexts))
    quantities = [c for c in claims if isinstance(c, QuantityClaim)]
    candidates.extend(_align_quantities(quantities, contexts))
    candidates.extend(_align_quotes([c for c in claims if isinstance(c, QuoteClaim)]))
    candidates.extend(_align_roles([c for c in claims if isinstance(c, RoleClaim)]))
    candidates.extend(_align_event_dates(claims))
    candidates.extend(_align_event_pairs([c for c in claims if isinstance(c, EventClaim)], events))
    return sorted(candidates, key=lambda c: (c.key, c.claims))


def _align_counts(
    counts: Sequence[CountClaim],
    events: Sequence[Event],
    contexts: Mapping[str, ClaimContext],
) -> list[Candidate]:
    participants = {e.id: e.participants for e in events}
    blocks: dict[str, list[CountClaim]] = defaultdict(list)
    for claim in counts:
        family = count_family(claim)
        if not claim.event:
            # No event: "floods in X killed 12 people" still meets "... killed 31" about X.
            for place in contexts.get(claim.id, ClaimContext()).places:
                blocks[f"count|{family}|{claim.predicate.lower()}|place|{place}"].append(claim)
        if claim.event:
            blocks[f"count|{family}|event|{claim.event}"].append(claim)
            for person in participants.get(claim.event, ()):
                blocks[f"count|{family}|participant|{person}"].append(claim)
        if claim.subject:
            blocks[f"count|{family}|subject|{claim.subject}"].append(claim)
    pairs: dict[tuple[str, str], str] = {}
    for key, members in sorted(blocks.items()):
        if ("|participant|" in key or "|place|" in key) and len(members) > MAX_PARTICIPANT_BLOCK:
            continue
        # Claims of one source and one event never pair: only pairs across such groups are
        # visited, so a long text with one event does not make the work quadratic.
        groups: dict[tuple[str, str | None], list[CountClaim]] = defaultdict(list)
        for claim in members:
            groups[(claim.source, claim.event)].append(claim)
        for group_a, group_b in combinations(groups.values(), 2):
            for one, other in product(group_a, group_b):
                left, right = (one, other) if one.id < other.id else (other, one)
                if left.value == right.value and left.source == right.source:
                    continue
                pairs.setdefault((left.id, right.id), key)
    return [Candidate(key=key, claims=pair, entities=()) for pair, key in sorted(pairs.items())]


MAX_MAGNITUDE_RATIO = 1.6


def _align_quantities(
    quantities: Sequence[QuantityClaim], contexts: Mapping[str, ClaimContext]
) -> list[Candidate]:
    """Amounts with the same unit, near the same actor, of a similar size, across sources."""
    blocks: dict[str, list[QuantityClaim]] = defaultdict(list)
    for claim in quantities:
        unit = claim.value.unit
        if not unit or claim.predicate in {"duration", "ordinal"} or claim.value.low <= 0:
            continue
        context = contexts.get(claim.id, ClaimContext())
        for actor in context.actors | context.places:
            blocks[f"quantity|{unit}|{actor}"].append(claim)
    pairs: dict[tuple[str, str], str] = {}
    for key, members in sorted(blocks.items()):
        if len(members) > MAX_PARTICIPANT_BLOCK:
            continue
        for left, right in combinations(sorted(members, key=lambda c: c.id), 2):
            if left.source == right.source:
                continue
            low, high = sorted((left.value.low, right.value.low))
            if high / low > MAX_MAGNITUDE_RATIO:
                continue
            pairs.setdefault((left.id, right.id), key)
    return [Candidate(key=key, claims=pair) for pair, key in sorted(pairs.items())]


_STOPWORDS = frozenset(
    """
    a an the of to in on at for and or but is are was were be been being has have
    had it its this that these those with by from as which who whom whose will would
    can could should must may might there their they them he she his her we our you
    your i me my not no than then so such into about over under between also very
    more most much many
    """.split()  # noqa: SIM905 - a word list reads best as prose
)


@lru_cache(maxsize=65536)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(fold(text)) if w not in _STOPWORDS or w in {"not", "no"})


def content_words(text: str) -> list[str]:
    """Words that carry meaning, folded; negations are kept, since they change it."""
    return list(_content_words(text))


def _distinct_statements(quotes: Sequence[QuoteClaim]) -> list[QuoteClaim]:
    """One claim per statement: a direct quote and its reported frame overlap in the text."""
    by_source: dict[str, list[QuoteClaim]] = defaultdict(list)
    for quote in quotes:
        by_source[quote.source].append(quote)
    kept: list[QuoteClaim] = []
    for members in by_source.values():
        preferred = sorted(members, key=lambda q: (not q.direct, -(q.end - q.start), q.id))
        taken: list[tuple[int, int]] = []  # sorted, disjoint spans already kept
        for quote in preferred:
            index = bisect_left(taken, (quote.start, quote.start))
            neighbours = taken[max(0, index - 1) : index + 1]
            if not any(start < quote.end and quote.start < end for start, end in neighbours):
                insort(taken, (quote.start, quote.end))
                kept.append(quote)
    return kept


# A word said in more quotes of one speaker than this is no evidence of the same statement.
MAX_WORD_POSTINGS = 200
MIN_SHARED_WORDS = 4


def _align_quotes(quotes: Sequence[QuoteClaim]) -> list[Candidate]:
    """Quotes of one speaker in different sources that share several content words."""
    by_speaker: dict[str, list[QuoteClaim]] = defaultdict(list)
    for quote in _distinct_statements(quotes):
        if quote.subject:
            by_speaker[quote.subject].append(quote)
    candidates: list[Candidate] = []
    for speaker, members in sorted(by_speaker.items()):
        members.sort(key=lambda c: c.id)
        words = [frozenset(content_words(q.value)) for q in members]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, bag in enumerate(words):
            for word in bag:
                postings[word].append(index)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for holders in postings.values():
            if len(holders) > MAX_WORD_POSTINGS:
                continue
            for left, right in combinations(holders, 2):
                shared[(left, right)] += 1
        for (left, right), count in sorted(shared.items()):
            a, b = members[left], members[right]
            if a.source != b.source and count >= MIN_SHARED_WORDS:
                candidates.append(
                    Candidate(key=f"quote|{speaker}", claims=(a.id, b.id), entities=(speaker,))
                )
    return candidates


def _align_roles(roles: Sequence[RoleClaim]) -> list[Candidate]:
    by_subject: dict[str, list[RoleClaim]] = defaultdict(list)
    for role in roles:
        if role.subject:
            by_subject[role.subject].append(role)
    candidates: list[Candidate] = []
    for subject, members in sorted(by_subject.items()):
        if len({m.source for m in members}) < 2:
            continue
        candidates.append(
            Candidate(
                key=f"role|{subject}",
                claims=tuple(sorted(m.id for m in members)),
                entities=(subject,),
            )
        )
    return candidates


def _align_event_dates(claims: Sequence[Claim]) -> list[Candidate]:
    """The date each source gives one event: the date claim its frame took its date from."""
    frames = [c for c in claims if isinstance(c, EventClaim)]
    dates = [c for c in claims if isinstance(c, DateClaim)]
    frame_dates: dict[tuple[str, str], set[DateValue]] = defaultdict(set)
    for frame in frames:
        if frame.event and frame.date is not None:
            frame_dates[(frame.event, frame.source)].add(frame.date)
    by_event: dict[str, dict[str, DateClaim]] = defaultdict(dict)
    for date in sorted(dates, key=lambda d: d.id):
        if date.event and date.value in frame_dates.get((date.event, date.source), ()):
            by_event[date.event].setdefault(date.source, date)
    undated = sorted(
        (d for d in dates if d.event and d.value is None and weekday_named(d.text) is not None),
        key=lambda d: (d.source, d.start),
    )
    for date in undated:
        # An undated text's "on Monday" stands for its source when it gives no other date.
        by_event[date.event or ""].setdefault(date.source, date)
    candidates: list[Candidate] = []
    for event, per_source in sorted(by_event.items()):
        if len(per_source) >= 2:
            candidates.append(
                Candidate(
                    key=f"event-date|{event}",
                    claims=tuple(sorted(c.id for c in per_source.values())),
                )
            )
    return candidates


_PAIRED_EVENT_TYPES = frozenset({"visit", "summit", "inauguration"})


def _align_event_pairs(frames: Sequence[EventClaim], events: Sequence[Event]) -> list[Candidate]:
    """Events of one type at related places that the resolver kept apart: a reader may
    conflate them, so the report says what tells them apart."""
    representative: dict[str, EventClaim] = {}
    for frame in sorted(frames, key=lambda f: f.id):
        if frame.event and frame.value in _PAIRED_EVENT_TYPES and frame.place:
            representative.setdefault(frame.event, frame)
    blocks: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.id in representative and event.place:
            blocks[f"{event.type}|{place_key(event.place)}"].append(event)
    candidates: list[Candidate] = []
    for key, members in sorted(blocks.items()):
        if len(members) > MAX_PARTICIPANT_BLOCK:
            continue
        for left, right in combinations(members, 2):
            if set(left.sources) == set(right.sources) and len(left.sources) == 1:
                continue  # two events of one source: its own narrative, not a cross-check
            pair = tuple(sorted((representative[left.id].id, representative[right.id].id)))
            candidates.append(Candidate(key=f"event-pair|{key}", claims=pair))
    return candidates


# --------------------------------------------------------------------------- independence


def _shingles(text: str) -> set[int]:
    """Hashes of 8-word windows, one in SHINGLE_SAMPLE kept (the same ones in every text,
    since the choice depends on the hash), so copied passages still share a fixed share."""
    words = _WORD.findall(text.lower())
    # The words are ASCII, so a window is a slice of the joined bytes: no join per window.
    joined = " ".join(words).encode()
    ends = list(accumulate(len(word) + 1 for word in words))  # past each word's space
    starts = [0, *ends]
    # crc32, not hash(): str hashes change from process to process, and so would the sample.
    crc32 = zlib.crc32
    hashes = (
        crc32(joined[start : end - 1])
        for start, end in zip(starts, ends[SHINGLE_WORDS - 1 :], strict=False)
    )
    return {h for h in hashes if h % SHINGLE_SAMPLE == 0}


def dependent_sources(sources: Sequence[Source]) -> list[tuple[str, str]]:
    """Pairs of sources that share long verbatim passages (syndicated or copied text)."""
    owners: dict[int, list[str]] = defaultdict(list)
    sizes: dict[str, int] = {}
    for source in sources:
        shingles = _shingles(source.text)
        sizes[source.id] = len(shingles)
        for shingle in shingles:
            owners[shingle].append(source.id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in owners.values():
        if 1 < len(ids) <= 20:
            for left, right in combinations(sorted(set(ids)), 2):
                shared[(left, right)] += 1
    # A shared sentence or two is quotation or boilerplate; a third of the shorter text is copy.
    return sorted(
        pair
        for pair, count in shared.items()
        if count
        >= max(DEPENDENT_SHARED_SHINGLES, DEPENDENT_SHARE * min(sizes[pair[0]], sizes[pair[1]]))
    )


def independent_count(sources: Iterable[str], dependent: Mapping[str, set[str]]) -> int:
    """How many groups of mutually independent sources the given sources form."""
    remaining = sorted(set(sources))
    groups = 0
    seen: set[str] = set()
    for source in remaining:
        if source in seen:
            continue
        groups += 1
        stack = [source]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(s for s in dependent.get(current, ()) if s in remaining)
    return groups
