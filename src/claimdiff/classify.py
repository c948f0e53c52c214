"""Candidate -> Finding through an ordered ladder; every rung has a reason code.

The reason codes are stable kebab-case constants (as frictionless names its
errors), so reviewers, the report and the expected-findings file can rely on them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimdiff.align import (
    GENERIC_COUNT_PREDICATE,
    MEASURE_BLOCK,
    OCCASION_TALLIES,
    SIGNED_BLOCK,
    TARGET,
    TOLL_BLOCK,
    ClaimContext,
    count_family,
    independent_count,
    is_vague_amount,
)
from claimdiff.dates_compare import (
    WEEKDAYS,
    dates_equal,
    dates_overlap,
    holds_day_named,
    weekday_named,
)
from claimdiff.gazetteer import is_country_name
from claimdiff.models import (
    Candidate,
    Claim,
    CountClaim,
    CountValue,
    DateClaim,
    DateValue,
    Entity,
    Event,
    EventClaim,
    Finding,
    FindingKind,
    QuantityClaim,
    QuoteClaim,
    RoleClaim,
    Source,
)
from claimdiff.moments import figure_moments_differ
from claimdiff.names import compare_names, fold, name_tokens
from claimdiff.places import place_relation
from claimdiff.review import decision_key
from claimdiff.statements import (
    content_words,
    document_key,
    overlap_beyond_names,
    quoted_words,
    term_overlap,
    words_within,
)
from claimdiff.titles import abbreviations, title_key, written_title
from claimdiff.unionfind import UnionFind

# Reason codes.
SAME_VALUE = "same-value"
COUNT_MISMATCH = "count-mismatch"
COUNT_RANGE_OVERLAP = "count-range-overlap"
NOUN_SUBSUMES = "noun-subsumes"
DIFFERENT_EVENT = "different-event"
DIFFERENT_PLACE = "different-place"
DIFFERENT_DATE = "different-date"
DIFFERENT_PARTICIPANTS = "different-participants"
SAME_EVENT = "same-event"
CONTEXT_UNKNOWN = "context-unknown"
LATER_UPDATE = "later-update"
SAME_STATEMENT = "same-statement"
QUOTED_FRAGMENT = "quoted-fragment"
PARAPHRASE = "paraphrase"
NEGATION_DIFFERS = "negation-differs"
SAME_ROLE = "same-role"
ROLE_WORDING = "role-wording"
DATE_PRECISION = "date-precision-compatible"
SAME_DATE = "same-date"
ROUNDING_COMPATIBLE = "rounding-compatible"
VALUE_MISMATCH = "value-mismatch"
SIMILAR_CONTEXT = "similar-context"
NAME_SPELLING = "name-spelling"
SAME_OCCASION = "same-occasion"
VAGUE_AMOUNT = "vague-amount"
DIFFERENT_HOLDER = "different-holder"
DATE_UNSTATED = "date-unstated"
DIFFERENT_TIME = "different-time"
DIFFERENT_ORDINAL = "different-ordinal"
ORDINALS_CONSISTENT = "ordinals-consistent-with-dates"

PARAPHRASE_THRESHOLD = 72.0
PARAPHRASE_MIN_SHARED = 4
PARAPHRASE_MIN_OVERLAP = 0.5
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|without|n't|hasn't|won't|cannot)\b", re.I)


@dataclass(frozen=True)
class ClassifyContext:
    claims: Mapping[str, Claim]
    events: Mapping[str, Event]
    entities: Mapping[str, Entity]
    sources: Mapping[str, Source]
    dependent: Mapping[str, set[str]]
    claim_contexts: Mapping[str, ClaimContext] = field(default_factory=dict)
    # A title-only entity ("the Chief of Staff") -> the one person holding that office.
    aliases: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def occasions_of(self) -> Mapping[str, tuple[Event, ...]]:
        """Per participant: the events it takes part in, in id order."""
        found: dict[str, list[Event]] = defaultdict(list)
        for event_id in sorted(self.events):
            event = self.events[event_id]
            for participant in event.participants:
                found[participant].append(event)
        return {participant: tuple(events) for participant, events in found.items()}

    @cached_property
    def figures_by_source(self) -> Mapping[str, frozenset[tuple[str, str, float, float]]]:
        """Every figure each source states, as ``figure_key`` gives it."""
        figures: dict[str, set[tuple[str, str, float, float]]] = defaultdict(set)
        for claim in self.claims.values():
            key = figure_key(claim)
            if key is not None:
                figures[claim.source].add(key)
        return {source: frozenset(keys) for source, keys in figures.items()}


def figure_key(claim: Claim) -> tuple[str, str, float, float] | None:
    """What makes two figures the same figure: the kind, the unit or counted noun, the value."""
    if isinstance(claim, QuantityClaim):
        return ("quantity", claim.value.unit or "", claim.value.low, claim.value.high)
    if isinstance(claim, CountClaim):
        return ("count", claim.noun, claim.value.low, claim.value.high)
    return None


def _states_the_other_figure(left: Claim, right: Claim, context: ClassifyContext) -> bool:
    """Whether one source also states the other's figure. Without a shared event, two
    figures that one source reports side by side measure two things, not one thing twice,
    so pairing them across sources is no evidence of a conflict."""
    figures = context.figures_by_source
    left_key, right_key = figure_key(left), figure_key(right)
    return right_key in figures.get(left.source, ()) or left_key in figures.get(right.source, ())


def evidence_item(claim: Claim) -> str:
    """What a decision is keyed on: source, kind, normalised value and the claim's words."""
    return f"{claim.source}|{claim.kind}|{_value_key(claim)}|{' '.join(claim.text.split())}"


def _value_key(claim: Claim) -> str:
    if isinstance(claim, CountClaim):
        return f"{claim.value.low:g}-{claim.value.high:g} {claim.noun}"
    if isinstance(claim, EventClaim):
        return f"{claim.value} {claim.place or ''} {claim.date.iso() if claim.date else ''}"
    if isinstance(claim, DateClaim):
        return claim.value.iso() if claim.value else f"unresolved {claim.text.lower()}"
    return " ".join(str(claim.value).split())[:200]


def classify(candidates: Sequence[Candidate], context: ClassifyContext) -> list[Finding]:
    findings: list[Finding] = []
    for candidate in candidates:
        claims = [context.claims[c] for c in candidate.claims if c in context.claims]
        if len(claims) < 2:
            continue
        first = claims[0]
        finding: Finding | None = None
        if candidate.key.startswith("event-undated|"):
            event = candidate.key.removeprefix("event-undated|")
            finding = _classify_unstated_date(claims, context, event)
        elif isinstance(first, CountClaim):
            finding = _classify_counts(claims, context, candidate.key)  # type: ignore[arg-type]
        elif isinstance(first, QuantityClaim):
            finding = _classify_quantities(claims, context, candidate.key)  # type: ignore[arg-type]
        elif isinstance(first, QuoteClaim):
            finding = _classify_quotes(claims, context)  # type: ignore[arg-type]
        elif isinstance(first, RoleClaim) and candidate.key.startswith("office|"):
            finding = _classify_office_holders(claims, context)  # type: ignore[arg-type]
        elif isinstance(first, RoleClaim):
            findings.extend(_classify_roles(claims, context))  # type: ignore[arg-type]
        elif isinstance(first, DateClaim):
            event = candidate.key.removeprefix("event-date|")
            finding = _classify_event_dates(claims, context, event)  # type: ignore[arg-type]
        elif isinstance(first, EventClaim):
            finding = _classify_event_pair(claims, context)  # type: ignore[arg-type]
        if finding is not None:
            findings.append(finding)
    return findings


def group_corroborations(findings: Sequence[Finding], context: ClassifyContext) -> list[Finding]:
    """Equal figures for one fact, across many sources, become one agreement, not n² pairs."""
    same_figure = UnionFind()
    find = same_figure.find

    grouped: list[Finding] = []
    members: list[Finding] = []
    vague: list[Finding] = []
    for finding in findings:
        numeric = all(
            isinstance(context.claims.get(c), CountClaim | QuantityClaim) for c in finding.claims
        )
        if finding.kind == "agreement" and numeric and SAME_VALUE in finding.reasons:
            members.append(finding)
            first = finding.claims[0]
            for other in finding.claims[1:]:
                same_figure.union(first, other)
        elif finding.kind == "vague_vs_specific" and numeric:
            vague.append(finding)
        else:
            grouped.append(finding)
    components: dict[str, list[Finding]] = {}
    for finding in members:
        components.setdefault(find(finding.claims[0]), []).append(finding)
    for parts in components.values():
        if len(parts) == 1:
            grouped.append(parts[0])
            continue
        claim_ids = sorted({c for f in parts for c in f.claims})
        claims = [context.claims[c] for c in claim_ids]
        reasons = [r for f in parts for r in f.reasons if not r.startswith(SIMILAR_CONTEXT)]
        sources = sorted({c.source for c in claims})
        written = sorted({_as_written(c) for c in claims})
        grouped.append(
            _make(
                "agreement",
                f"{' / '.join(written)}: same figure in {len(sources)} sources",
                reasons,
                claims,
                context,
                max(f.confidence for f in parts),
            )
        )
    # One "same figure at different precision" per pair of groups, not per pair of sources.
    between: dict[tuple[str, ...], list[Finding]] = {}
    for finding in vague:
        key = tuple(sorted({find(c) for c in finding.claims}))
        between.setdefault(key, []).append(finding)
    for parts in between.values():
        if len(parts) == 1:
            grouped.append(parts[0])
            continue
        claims = [context.claims[c] for c in sorted({c for f in parts for c in f.claims})]
        written = sorted({_as_written(c) for c in claims})
        sources = sorted({c.source for c in claims})
        reasons = [r for f in parts for r in f.reasons if not r.startswith(SIMILAR_CONTEXT)]
        grouped.append(
            _make(
                "vague_vs_specific",
                f"{' vs '.join(written)}: the same figure at different precision "
                f"in {len(sources)} sources",
                reasons,
                claims,
                context,
                max(f.confidence for f in parts),
            )
        )
    return grouped


def _make(
    kind: FindingKind,
    summary: str,
    reasons: Sequence[str],
    claims: Sequence[Claim],
    context: ClassifyContext,
    confidence: float,
    entities: Sequence[str] = (),
    extra_evidence: Sequence[str] = (),
) -> Finding:
    sources = sorted({c.source for c in claims})
    evidence = tuple(sorted({evidence_item(c) for c in claims} | set(extra_evidence)))
    key = decision_key(evidence)
    return Finding(
        id=f"F-{key[:10]}",
        kind=kind,
        summary=summary,
        reasons=tuple(dict.fromkeys(reasons)),
        claims=tuple(sorted(c.id for c in claims)),
        entities=tuple(entities),
        sources=tuple(sources),
        independent_sources=independent_count(sources, context.dependent),
        confidence=round(confidence, 2),
        decision_key=key,
        evidence=evidence,
    )


# --------------------------------------------------------------------------- counts


def _count_label(claim: CountClaim, context: ClassifyContext) -> str:
    where = _event_context(claim.event, context)
    return _as_written(claim) + (f" ({where})" if where else "")


def _event_context(event_id: str | None, context: ClassifyContext) -> str:
    event = context.events.get(event_id) if event_id else None
    if event is None:
        return ""
    parts = [p for p in (event.place, event.date.iso() if event.date else None) if p]
    return ", ".join(parts) if parts else event.label


def _intervals_overlap(left: CountValue, right: CountValue) -> bool:
    return left.low <= right.high and right.low <= left.high


def _noun_relation(left: CountClaim, right: CountClaim) -> str:
    if left.noun == right.noun:
        return "same"
    if right.noun in left.noun_class:
        return "left-more-specific"
    if left.noun in right.noun_class:
        return "right-more-specific"
    return "related"


def _context_differences(
    left: CountClaim, right: CountClaim, context: ClassifyContext
) -> list[str]:
    a = context.events.get(left.event) if left.event else None
    b = context.events.get(right.event) if right.event else None
    if a is None or b is None or a.id == b.id:
        return []
    reasons: list[str] = []
    if a.place and b.place and place_relation(a.place, b.place) == "different":
        reasons.append(f"{DIFFERENT_PLACE}: {a.place} vs {b.place}")
    if a.date and b.date and not dates_overlap(a.date, b.date):
        reasons.append(f"{DIFFERENT_DATE}: {a.date.iso()} vs {b.date.iso()}")
    if a.participants and b.participants and set(a.participants) != set(b.participants):
        names_a = ", ".join(_entity_name(p, context) for p in a.participants[:3])
        names_b = ", ".join(_entity_name(p, context) for p in b.participants[:3])
        if not set(a.participants) & set(b.participants):
            reasons.append(f"{DIFFERENT_PARTICIPANTS}: {names_a} vs {names_b}")
    return reasons


def _entity_name(entity_id: str, context: ClassifyContext) -> str:
    entity = context.entities.get(entity_id)
    return entity.name if entity else entity_id


def _classify_counts(
    claims: Sequence[CountClaim], context: ClassifyContext, block: str = ""
) -> Finding | None:
    left, right = claims[0], claims[1]
    if block.startswith((TOLL_BLOCK, SIGNED_BLOCK)):
        return _classify_tolls(left, right, context, block)
    if count_family(left) != count_family(right):
        return None
    label = f"{_count_label(left, context)} vs {_count_label(right, context)}"
    same_event = left.event is not None and left.event == right.event
    differences = _context_differences(left, right, context)
    noun = _noun_relation(left, right)
    equal_values = left.value.low == right.value.low and left.value.high == right.value.high
    if differences:
        confidence = min(0.95, 0.55 + 0.15 * len(differences))
        return _make(
            "different_context",
            f"{label}: different events",
            [DIFFERENT_EVENT, *differences],
            claims,
            context,
            confidence,
        )
    if not same_event and "|place|" in block:
        place = _entity_name(block.rsplit("|", 1)[1], context)
        anchor = f"same-place: {place}"
        if equal_values and noun == "same":
            return _make(
                "agreement", f"{label}: same figure", [SAME_VALUE, anchor], claims, context, 0.6
            )
        update = _update_reason(left, right, context)
        if update:
            return _make(
                "different_context",
                f"{label}: {update}",
                [LATER_UPDATE, anchor],
                claims,
                context,
                0.6,
            )
    if not same_event:
        if left.event and right.event:
            # Two events we could not tell apart nor join: say so instead of guessing.
            reasons = [
                CONTEXT_UNKNOWN,
                f"events: {_event_label(left, context)} / {_event_label(right, context)}",
            ]
        else:
            reasons = [CONTEXT_UNKNOWN]
        if equal_values and noun == "same":
            return _make(
                "agreement",
                f"{label}: same figure, context unknown",
                [SAME_VALUE, *reasons],
                claims,
                context,
                0.45,
            )
        if noun != "same" or left.predicate != right.predicate:
            return None  # different things counted near one place or person: not one fact
        if left.predicate == GENERIC_COUNT_PREDICATE:
            return None  # nothing says both figures count the same thing happening
        if is_vague_amount(left) != is_vague_amount(right):
            vague = left if is_vague_amount(left) else right
            return _make(
                "vague_vs_specific",
                f"{label}: '{vague.value.hedge}' is no figure to contradict; context unknown",
                [VAGUE_AMOUNT, *reasons],
                claims,
                context,
                0.4,
            )
        if _states_the_other_figure(left, right, context):
            return None
        if not (left.event and right.event) and not _count_one_named_thing(left, right):
            return None  # a bare "people" or "copies" counted in two stories: nothing shared
        return _make(
            "conflict",
            f"{label}: possible conflict, context unknown",
            [COUNT_MISMATCH, *reasons],
            claims,
            context,
            0.3,
        )
    if equal_values and noun == "same":
        return _make(
            "agreement", f"{label}: same figure", [SAME_VALUE, SAME_EVENT], claims, context, 0.9
        )
    if noun != "same" and noun != "related":
        specific, general = (left, right) if noun == "left-more-specific" else (right, left)
        if general.value.high >= specific.value.low:
            return _make(
                "vague_vs_specific",
                f"{label}: {specific.noun} are a kind of {general.noun}; the counts can both hold",
                [NOUN_SUBSUMES, SAME_EVENT],
                claims,
                context,
                0.7,
            )
    if (left.value.approximate or right.value.approximate) and _intervals_overlap(
        left.value, right.value
    ):
        return _make(
            "vague_vs_specific",
            f"{label}: compatible at different precision",
            [COUNT_RANGE_OVERLAP, SAME_EVENT],
            claims,
            context,
            0.75,
        )
    update = _update_reason(left, right, context)
    if update:
        return _make(
            "different_context",
            f"{label}: {update}",
            [LATER_UPDATE, SAME_EVENT],
            claims,
            context,
            0.6,
        )
    if _states_the_other_figure(left, right, context):
        # One source gives both figures of the event ("nine deals ... 11 in all"): two
        # things it counts, not one thing counted two ways. So does a copy of it.
        return None
    if _one_day_against_whole_occasion(left, right, context):
        return _make(
            "different_context",
            f"{label}: one day of the occasion vs all of it",
            [DAY_OF_OCCASION, SAME_EVENT],
            claims,
            context,
            0.6,
        )
    return _make(
        "conflict",
        f"{label}: same event, different figures",
        [COUNT_MISMATCH, SAME_EVENT],
        claims,
        context,
        0.75,
    )


# A figure that replaces an earlier one: "the toll rose to 56", "has climbed to 64".
_REVISED_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|reaches|revised|"
    r"now\s+stands\s+at|stood\s+at)\s+(?:to\s+)?(?:at\s+least\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)
REVISION_REACH = 40


def _classify_tolls(
    left: CountClaim, right: CountClaim, context: ClassifyContext, block: str
) -> Finding | None:
    """Two tolls of one kind ("deaths") told about one place by two sources. The same
    figure agrees; a figure of another year or another day is another moment. Tolls grow
    as reports come in, so two plain figures conflict only when both are told of the same
    day (named in their sentences); at moments unknown, only a hedged figure or a revised
    one ("rose to 56") is worth a finding."""
    _, measure, _, place_id = block.split("|", 3)
    claims = (left, right)
    anchor = f"same-place: {_entity_name(place_id, context)}"
    label = f"{_told(left, context)} vs {_told(right, context)} ({measure})"
    signed = block.startswith(SIGNED_BLOCK)
    noun = "figure" if measure in OCCASION_TALLIES or signed else "toll"  # a crowd is no toll
    if signed and (
        _published_apart(left, right, context) or is_vague_amount(left) or is_vague_amount(right)
    ):
        # Two signings in one city weeks apart, or "several agreements": nothing says
        # they are one signing, nor is "several" a figure to weigh.
        return None
    if _earlier_and_current(left, right, context):
        # "a quake 12 years ago killed dozens": another disaster's toll
        return _make(
            "different_context",
            f"{label}: one told of years before",
            [DIFFERENT_TIME, anchor],
            claims,
            context,
            0.5,
        )
    if years := _different_years(left, right, context):
        return _make(
            "different_context",
            f"{label}: {noun}s of different years ({years})",
            [DIFFERENT_TIME, anchor],
            claims,
            context,
            0.6,
        )
    if left.value.low == right.value.low and left.value.high == right.value.high:
        return _make(
            "agreement", f"{label}: same {noun}", [SAME_VALUE, anchor], claims, context, 0.6
        )
    moments = _toll_moments(left, right, context)
    hedged_within = _one_hedged_within(left, right) and not _places_differ(
        left, right, context, towns_only=signed
    )
    if hedged_within and moments != "different":
        # "more than 150" and "158": one toll at two precisions, whenever each was told.
        return _make(
            "vague_vs_specific",
            f"{label}: compatible at different precision",
            [COUNT_RANGE_OVERLAP, anchor],
            claims,
            context,
            0.5,
        )
    if update := _update_reason(left, right, context):
        return _make(
            "different_context", f"{label}: {update}", [LATER_UPDATE, anchor], claims, context, 0.6
        )
    if moments == "different":
        return _make(
            "different_context",
            f"{label}: {noun}s of different days",
            [DIFFERENT_TIME, anchor],
            claims,
            context,
            0.55,
        )
    if _places_differ(left, right, context, towns_only=signed):
        return None  # each sentence names its own place: the tolls of two places
    if moments == "same" and not _states_the_other_figure(left, right, context):
        return _make(
            "conflict",
            f"{label}: different {noun}s for the same day",
            [COUNT_MISMATCH, anchor],
            claims,
            context,
            0.6,
        )
    if moments is None and (revised := _revised(left, right, context)):
        return _make(
            "different_context", f"{label}: {revised}", [LATER_UPDATE, anchor], claims, context, 0.5
        )
    return None


# Sources more days apart than this tell of other weeks, whatever weekday they name.
SAME_WEEK_DAYS = 6


def _published_apart(left: CountClaim, right: CountClaim, context: ClassifyContext) -> bool:
    a, b = context.sources[left.source].published, context.sources[right.source].published
    return a is not None and b is not None and abs((a - b).days) > SAME_WEEK_DAYS


def _told(claim: CountClaim, context: ClassifyContext) -> str:
    """A count's label, with who gives it ("about 4,500 people, per police")."""
    teller = context.claim_contexts.get(claim.id, ClaimContext()).told_by
    label = _count_label(claim, context)
    return f"{label}, per {teller}" if teller else label


# "more than 30" stands for a figure near 30: one told of 80 is another, later toll.
LOWER_BOUND_HEDGES = frozenset(
    {"more than", "over", "at least", "well over", "just over", "upwards of", "in excess of"}
)
LOWER_BOUND_REACH = 1.2


def _earlier_and_current(left: CountClaim, right: CountClaim, context: ClassifyContext) -> bool:
    """One toll told as long past with no year ("12 years ago"), the other of the
    present: of no year before its own source's year, or of none at all."""
    told = {c.id: context.claim_contexts.get(c.id, ClaimContext()) for c in (left, right)}
    if told[left.id].earlier == told[right.id].earlier:
        return False
    early, late = (left, right) if told[left.id].earlier else (right, left)
    if told[early.id].years:
        return False
    years = told[late.id].years
    published = context.sources[late.source].published
    return not years or (published is not None and min(years) >= published.year)


def _one_hedged_within(left: CountClaim, right: CountClaim) -> bool:
    """One figure hedged or vague ("more than 20", "dozens"), the other plain, and inside
    its interval: two hedged figures compare nothing."""
    hedged = [bool(c.value.hedge or c.value.approximate) for c in (left, right)]
    if hedged[0] == hedged[1]:
        return False
    vague, plain = (left, right) if hedged[0] else (right, left)
    if (vague.value.hedge or "").lower() in LOWER_BOUND_HEDGES and (
        plain.value.low > LOWER_BOUND_REACH * vague.value.low
    ):
        return False  # "at least 9" is no rounding of 41: the toll has grown since
    return vague.value.low <= plain.value.low <= vague.value.high


def _places_differ(
    left: CountClaim, right: CountClaim, context: ClassifyContext, *, towns_only: bool = False
) -> bool:
    """Each sentence names its own places. ``towns_only``: countries left out (a signing
    "by China and Japan" in one, "in Daegu" in the other, names no two places)."""
    places = [context.claim_contexts.get(c.id, ClaimContext()).places for c in (left, right)]
    if towns_only:
        places = [
            frozenset(p for p in found if not is_country_name(_entity_name(p, context)))
            for found in places
        ]
    return bool(places[0] and places[1] and not places[0] & places[1])


def _toll_moments(left: CountClaim, right: CountClaim, context: ClassifyContext) -> str | None:
    """ "same" or "different" when both tolls' sentences name a day, else None."""
    named = [context.claim_contexts.get(c.id, ClaimContext()).moment for c in (left, right)]
    if named[0] is None or named[1] is None:
        return None
    if (named[0] in WEEKDAYS) != (named[1] in WEEKDAYS):
        return None  # "Wednesday" and "15 October" may be one day: no calendar here
    return "same" if named[0] == named[1] else "different"


def _different_years(left: CountClaim, right: CountClaim, context: ClassifyContext) -> str:
    """ "2004 vs 2019" when the two tolls' sentences name different years, or one names a
    year before the other source's own."""
    years = []
    for claim in (left, right):
        named = context.claim_contexts.get(claim.id, ClaimContext()).years
        published = context.sources[claim.source].published
        years.append((named, published.year if published else None))
    (left_named, left_own), (right_named, right_own) = years
    if left_named and right_named:
        return "" if left_named & right_named else f"{min(left_named)} vs {min(right_named)}"
    for named, other_own in ((left_named, right_own), (right_named, left_own)):
        if named and other_own is not None and max(named) < other_own:
            return f"{max(named)} vs {other_own}"
    return ""


def _revised(left: CountClaim, right: CountClaim, context: ClassifyContext) -> str | None:
    for claim in (left, right):
        text = context.sources[claim.source].text
        if _REVISED_BEFORE.search(
            text, max(claim.sentence_start, claim.start - REVISION_REACH), claim.start
        ):
            return f"'{_as_written(claim)}' revises an earlier figure"
    return None


def _count_one_named_thing(left: CountClaim, right: CountClaim) -> bool:
    """Both count the same thing named by more than its bare noun ("DS consoles", not
    "people"): without an event, the only sign that two stories count one thing."""
    return left.object == right.object and left.object not in {left.noun, None}


def _event_label(claim: CountClaim, context: ClassifyContext) -> str:
    event = context.events.get(claim.event) if claim.event else None
    return event.label if event else "none"


# Tallies of an ongoing story that grow as reports come in (tolls, arrests, cases).
_CUMULATIVE = re.compile(
    r"\b(?:kill|die|dead|death|injur|wound|hurt|arrest|detain|miss|displac|evacuat|infect|"
    r"case|rescu|toll|casualt|victim|rose|risen|climb|reach)",
    re.IGNORECASE,
)


def _is_cumulative(claim: CountClaim) -> bool:
    return bool(_CUMULATIVE.search(f"{claim.predicate} {claim.object or ''} {claim.noun}"))


DAY_OF_OCCASION = "day-of-occasion"
# "signed nine agreements on Tuesday", "on the first day of the visit": one day's count.
_ONE_DAY = re.compile(
    rf"\b(?:on\s+(?:{'|'.join(WEEKDAYS)})"
    r"|on\s+the\s+(?:first|second|third|final|last|opening|closing)\s+day)\b",
    re.IGNORECASE,
)
# "during which 11 were signed", "during the visit", "11 in all", "bringing the number
# ... to 11": the occasion's total.
_WHOLE_OCCASION = re.compile(
    r"\bduring\s+(?:which|(?:the|this|that|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|trip|tour|stay|summit))\b|\bin\s+(?:all|total)\b"
    r"|\bbringing\s+(?:the|its|their)\s+(?:number|total|tally)\b",
    re.IGNORECASE,
)


def _one_day_against_whole_occasion(
    left: CountClaim, right: CountClaim, context: ClassifyContext
) -> bool:
    """One count told for one day of an occasion ("nine agreements on Tuesday"), the other
    for the whole of it ("during which 11 agreements were signed"): a part and its total."""
    kinds = []
    for claim in (left, right):
        sentence, _ = _in_sentence(claim, context)
        kinds.append((bool(_ONE_DAY.search(sentence)), bool(_WHOLE_OCCASION.search(sentence))))
    return {kinds[0], kinds[1]} == {(True, False), (False, True)}


# A toll is revised over days and weeks; reports further apart tell of other events.
UPDATE_DAYS = 60


def _update_reason(left: CountClaim, right: CountClaim, context: ClassifyContext) -> str | None:
    if not (_is_cumulative(left) and _is_cumulative(right)):
        return None
    a, b = context.sources[left.source], context.sources[right.source]
    if a.published and b.published and a.published != b.published:
        if abs((a.published - b.published).days) > UPDATE_DAYS:
            return None  # a toll told a year on is another disaster's, not an update
        earlier, later = (a, b) if a.published < b.published else (b, a)
        return (
            f"later report revises the figure ({earlier.id} {earlier.published} -> "
            f"{later.id} {later.published})"
        )
    return None


# --------------------------------------------------------------------------- quantities

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
# Words around two amounts must be this alike before a difference counts as a conflict.
QUANTITY_CONFLICT_SIMILARITY = 70.0
QUANTITY_SAME_FACT_SIMILARITY = 40.0
# Two figures at different precision are called one figure only in a closely matching
# sentence: percentages and sums near one actor or place are common across stories.
QUANTITY_VAGUE_SIMILARITY = 60.0


def _as_written(claim: Claim) -> str:
    return " ".join(claim.text.split())


def written_interval(claim: QuantityClaim) -> tuple[float, float]:
    """The interval a rounded figure stands for: "$28bn" is 27.5bn to 28.5bn."""
    low, high = claim.value.low, claim.value.high
    match = _NUMBER.search(claim.text)
    if match is None or low != high:
        return low, high
    number = float(match.group(0).replace(",", ""))
    if number == 0:
        return low, high
    half_step = 0.5 * 10.0 ** -len(match.group(1) or "") * (low / number)
    return low - half_step, high + half_step


def _intervals_overlap_inside(left: tuple[float, float], right: tuple[float, float]) -> bool:
    """Whether two intervals share more than an end: "1.6%" (1.55-1.65) and "1.7%"
    (1.65-1.75) do not, though their computed ends may differ in the last float digit."""
    (left_low, left_high), (right_low, right_high) = left, right
    if math.isclose(left_high, right_low) or math.isclose(right_high, left_low):
        return False
    return left_low < right_high and right_low < left_high


def _context_similarity(left: Claim, right: Claim, context: ClassifyContext) -> float:
    a = context.claim_contexts.get(left.id, ClaimContext()).words
    b = context.claim_contexts.get(right.id, ClaimContext()).words
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b))))


def _in_sentence(claim: Claim, context: ClassifyContext) -> tuple[str, tuple[int, int]]:
    """A claim's sentence and the claim's span within it."""
    start = claim.sentence_start
    sentence = context.sources[claim.source].text[start : claim.sentence_end]
    return sentence, (claim.start - start, claim.end - start)


def _not_one_figure(
    left: QuantityClaim,
    right: QuantityClaim,
    context: ClassifyContext,
    *,
    levels_need_a_day: bool = True,
) -> bool:
    """Two differing figures that are not two wordings of one: each source states both,
    one converts another figure ("$300m (£160m)", the original is compared instead), or
    their sentences set them at two moments or on two moves."""
    if _states_the_other_figure(left, right, context):
        return True
    if _is_conversion(left, context) or _is_conversion(right, context):
        return True
    moment = figure_moments_differ(
        *_in_sentence(left, context),
        *_in_sentence(right, context),
        levels_need_a_day=levels_need_a_day,
    )
    return moment is not None


def _is_conversion(claim: Claim, context: ClassifyContext) -> bool:
    """A figure in brackets just after another amount: "$300m (£160m)", "$2bn (1.5bn
    euros; £1bn)"."""
    before = context.sources[claim.source].text[max(0, claim.start - 40) : claim.start]
    bracket = before.rfind("(")
    return (
        bracket >= 0
        and ")" not in before[bracket:]
        and any(ch.isdigit() for ch in before[max(0, bracket - 12) : bracket])
    )


def _classify_quantities(
    claims: Sequence[QuantityClaim], context: ClassifyContext, key: str = ""
) -> Finding | None:
    left, right = claims[0], claims[1]
    if left.value.unit != right.value.unit:
        return None
    similarity = _context_similarity(left, right, context)
    label = f"{_as_written(left)} vs {_as_written(right)}"
    words = " ".join(context.claim_contexts.get(left.id, ClaimContext()).words[:6])
    shown = f"{label} ({words})" if words else label
    similar = f"{SIMILAR_CONTEXT}: {similarity:.0f}"
    if key.startswith(MEASURE_BLOCK):
        measure = key.split("|")[2]
        return _classify_measured(left, right, context, shown, similarity, measure)
    if left.value.low == right.value.low and left.value.high == right.value.high:
        if similarity < QUANTITY_SAME_FACT_SIMILARITY:
            return None
        if figure_moments_differ(
            *_in_sentence(left, context), *_in_sentence(right, context), levels_need_a_day=False
        ):
            return None  # "0.1% growth" and "a 0.1% contraction": one number, two facts
        return _make(
            "agreement",
            f"{shown}: same figure",
            [SAME_VALUE, similar],
            claims,
            context,
            0.5 + similarity / 250,
        )
    if _intervals_overlap_inside(written_interval(left), written_interval(right)):
        if similarity < QUANTITY_VAGUE_SIMILARITY or _not_one_figure(
            left, right, context, levels_need_a_day=False
        ):
            return None
        reason = (
            COUNT_RANGE_OVERLAP
            if (left.value.approximate or right.value.approximate)
            else ROUNDING_COMPATIBLE
        )
        return _make(
            "vague_vs_specific",
            f"{shown}: the same figure at different precision",
            [reason, similar],
            claims,
            context,
            0.4 + similarity / 250,
        )
    if similarity < QUANTITY_CONFLICT_SIMILARITY or _not_one_figure(left, right, context):
        return None
    return _make(
        "conflict",
        f"{shown}: different figures in a similar context",
        [VALUE_MISMATCH, similar, CONTEXT_UNKNOWN],
        claims,
        context,
        0.2 + similarity / 250,
    )


# Two amounts of one measure in sources about the same places: the block is most of the
# evidence, so the words around them need to agree less than for amounts near one actor.
MEASURE_SIMILARITY = 25.0


def _classify_measured(
    left: QuantityClaim,
    right: QuantityClaim,
    context: ClassifyContext,
    shown: str,
    similarity: float,
    measure: str = "",
) -> Finding | None:
    """Amounts of one measure ("trade", "target", "fund") in one story: figures of
    different years are different context ("$63m in 2018", "$81m in 2019"); the same
    figure, or one rounded, agrees; a hedged one is vague; differing figures conflict only
    when told of the same year in very similar words."""
    claims = [left, right]
    years = [context.claim_contexts.get(c.id, ClaimContext()).years for c in claims]
    similar = f"{SIMILAR_CONTEXT}: {similarity:.0f}"
    same_value = left.value.low == right.value.low and left.value.high == right.value.high
    if measure == TARGET and left.value.unit in {"%", "percentage point"}:
        return None  # a share set as a goal is a goal for anything: aid, deficits, votes
    deadlines_differ = bool(years[0] or years[1]) and years[0] != years[1]
    if not same_value and measure == TARGET and deadlines_differ:
        # "$3bn by 2035" and "$2bn in five years": a goal is reset, often by the same
        # parties; without one deadline both give, two goals, set at two moments.
        return _make(
            "different_context",
            f"{shown}: targets of different deadlines",
            [DIFFERENT_TIME, similar],
            claims,
            context,
            0.5,
        )
    if years[0] and years[1] and years[0] != years[1]:
        if same_value:
            return None
        told = " and ".join(str(min(y)) for y in years)
        return _make(
            "different_context",
            f"{shown}: figures of different years ({told})",
            [DIFFERENT_TIME, similar],
            claims,
            context,
            0.5,
        )
    if similarity < MEASURE_SIMILARITY:
        return None
    if not same_value and _states_the_other_figure(left, right, context):
        return None  # one source gives both: two figures side by side, not one twice
    hedged = left.value.approximate or right.value.approximate
    overlap = _intervals_overlap_inside(written_interval(left), written_interval(right))
    if same_value or (overlap and not hedged):
        reasons = [SAME_VALUE if same_value else ROUNDING_COMPATIBLE, similar]
        return _make("agreement", f"{shown}: same figure", reasons, claims, context, 0.6)
    if overlap:
        return _make(
            "vague_vs_specific",
            f"{shown}: the same figure at different precision",
            [COUNT_RANGE_OVERLAP, similar],
            claims,
            context,
            0.5,
        )
    same_year = bool(years[0]) and years[0] == years[1]
    if not same_year or similarity < QUANTITY_CONFLICT_SIMILARITY:
        return None
    if _not_one_figure(left, right, context):
        return None
    return _make(
        "conflict",
        f"{shown}: different figures of the same year",
        [VALUE_MISMATCH, similar],
        claims,
        context,
        0.2 + similarity / 250,
    )


# --------------------------------------------------------------------------- quotes


def quote_similarity(left: str, right: str) -> float:
    """Token-set similarity over content words; symmetric by construction."""
    a, b = " ".join(content_words(left)), " ".join(content_words(right))
    if not a or not b:
        return 0.0
    return min(
        fuzz.token_set_ratio(a, b, processor=default_process),
        fuzz.token_set_ratio(b, a, processor=default_process),
    )


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figures_apart(left: str, right: str) -> bool:
    """Each statement gives a figure the other does not: they report different things.

    One rendering may leave a figure out (or round it away); two renderings of one remark
    do not each bring a figure of their own.
    """
    a, b = _figures(left), _figures(right)
    return any(not _figure_in(x, b) for x in a) and any(not _figure_in(y, a) for y in b)


def _figures(text: str) -> list[float]:
    return [float(f.replace(",", "")) for f in _FIGURE.findall(text) if f[-1].isdigit()]


def _figure_in(figure: float, figures: Sequence[float]) -> bool:
    """``figure`` is among ``figures``, or rounded one of them ("271.6" and "272")."""
    return any(abs(figure - other) <= 0.02 * max(abs(figure), abs(other)) for other in figures)


def _classify_quotes(claims: Sequence[QuoteClaim], context: ClassifyContext) -> Finding | None:
    left, right = claims[0], claims[1]
    fragment = _quoted_fragment(left, right, claims, context)
    if fragment is not None:
        return fragment
    shorter = min(len(content_words(left.value)), len(content_words(right.value)))
    if shorter < 4:
        return None
    if bool(_NEGATION.search(left.value)) != bool(_NEGATION.search(right.value)):
        return None  # token sets cannot see negation; "will" vs "will not" is not a paraphrase
    if _figures_apart(left.value, right.value):
        return None  # "rose 0.6% ... 6.1% on the year" and "dropped by 1% ...": two statements
    speaker = (
        _entity_name(left.subject, context)
        if left.subject
        else f"the {left.attributed_to}"
        if left.attributed_to
        else "unknown speaker"
    )
    entities = (left.subject,) if left.subject else ()
    if not left.subject:
        # A document's wording ("a joint statement said") is only compared on one occasion.
        return _document_agreement(left, right, speaker, claims, context)
    if fold(left.value) == fold(right.value):
        return _make(
            "agreement",
            f"{speaker}: same statement, word for word",
            [SAME_STATEMENT],
            claims,
            context,
            0.95,
            entities=entities,
        )
    score = quote_similarity(left.value, right.value)
    if (
        score >= PARAPHRASE_THRESHOLD
        and overlap_beyond_names(left.value, right.value) >= PARAPHRASE_MIN_OVERLAP
    ):
        return _make(
            "agreement",
            f"{speaker}: same statement in other words (similarity {score:.0f})",
            [PARAPHRASE, f"similarity: {score:.0f}"],
            claims,
            context,
            0.5 + 0.45 * (score / 100.0),
            entities=entities,
        )
    # A translation or a looser paraphrase shares fewer words: it needs the same occasion.
    shared, overlap = term_overlap(left.value, right.value)
    occasion = _shared_occasion(left, right, context)
    if occasion is None or shared < PARAPHRASE_MIN_SHARED or overlap < PARAPHRASE_MIN_OVERLAP:
        return None
    return _make(
        "agreement",
        f"{speaker}: same statement in other words at {occasion.label} "
        f"({shared} shared terms, {overlap:.0%} of the shorter)",
        [PARAPHRASE, f"shared-terms: {shared}", f"{SAME_OCCASION}: {occasion.label}"],
        claims,
        context,
        0.4 + 0.4 * overlap,
        entities=entities,
    )


def _quoted_fragment(
    left: QuoteClaim, right: QuoteClaim, claims: Sequence[QuoteClaim], context: ClassifyContext
) -> Finding | None:
    """An unattributed quoted fragment that stands word for word in a speaker's quote."""
    if bool(left.subject) == bool(right.subject):
        return None
    fragment, whole = (right, left) if left.subject else (left, right)
    words = quoted_words(fragment.value)
    if not fragment.direct or fragment.attributed_to or len(words) < PARAPHRASE_MIN_SHARED:
        return None
    if not words_within(words, whole.value):
        return None
    assert whole.subject is not None
    return _make(
        "agreement",
        f"{_entity_name(whole.subject, context)}: the same words quoted in part",
        [QUOTED_FRAGMENT],
        claims,
        context,
        0.7,
        entities=(whole.subject,),
    )


def _document_agreement(
    left: QuoteClaim,
    right: QuoteClaim,
    document: str,
    claims: Sequence[QuoteClaim],
    context: ClassifyContext,
) -> Finding | None:
    """Two renderings of one document: its words quoted alike (one quote standing word for
    word within the other), or, when both sources report exactly one common event, in
    other words."""
    if not _one_document(left, right):
        return None
    shorter, longer = sorted((left, right), key=lambda q: (len(q.value), q.id))
    words = quoted_words(shorter.value)
    if len(words) >= PARAPHRASE_MIN_SHARED and words_within(words, longer.value):
        return _make(
            "agreement",
            f"{document}: the same words quoted",
            [QUOTED_FRAGMENT],
            claims,
            context,
            0.7,
        )
    both = {left.source, right.source}
    common = [e for _, e in sorted(context.events.items()) if both <= set(e.sources)]
    shared, overlap = term_overlap(left.value, right.value)
    if len(common) != 1 or shared < PARAPHRASE_MIN_SHARED or overlap < PARAPHRASE_MIN_OVERLAP:
        return None
    occasion = common[0]
    return _make(
        "agreement",
        f"{document}: same statement in other words at {occasion.label} "
        f"({shared} shared terms, {overlap:.0%} of the shorter)",
        [PARAPHRASE, f"shared-terms: {shared}", f"{SAME_OCCASION}: {occasion.label}"],
        claims,
        context,
        0.4 + 0.4 * overlap,
    )


def _one_document(left: QuoteClaim, right: QuoteClaim) -> bool:
    """Two quotes without a speaker are renderings of one document only if both name it."""
    return bool(
        left.attributed_to
        and right.attributed_to
        and document_key(left.attributed_to) == document_key(right.attributed_to)
    )


def _shared_occasion(left: Claim, right: Claim, context: ClassifyContext) -> Event | None:
    """An event of either claim that both claims' sources report.

    A remark tied to no event ("X told a news conference") belongs to the one event that
    both sources report with the speaker taking part, if there is exactly one.
    """
    for event_id in (left.event, right.event):
        event = context.events.get(event_id) if event_id else None
        if event is not None and {left.source, right.source} <= set(event.sources):
            return event
    if left.event or right.event or not left.subject or left.subject != right.subject:
        return None
    both = {left.source, right.source}
    taking_part = [
        event for event in context.occasions_of.get(left.subject, ()) if both <= set(event.sources)
    ]
    return taking_part[0] if len(taking_part) == 1 else None


# --------------------------------------------------------------------------- roles


def _classify_roles(claims: Sequence[RoleClaim], context: ClassifyContext) -> list[Finding]:
    subject = claims[0].subject or ""
    name = _entity_name(subject, context)
    # One office in other words ("Foreign Minister", "Minister of Foreign Affairs") is a
    # title_variant finding (title_variants.py), not an agreement.
    by_role: dict[tuple[str, frozenset[str], frozenset[str]], list[RoleClaim]] = {}
    for claim in claims:
        written = written_title(claim.object, claim.value)
        wording = title_key(written), abbreviations(written)
        office = " ".join(sorted(title_key(claim.value))) or fold(claim.value)
        by_role.setdefault((office, *wording), []).append(claim)
    findings: list[Finding] = []
    for role_claims in by_role.values():
        if len({c.source for c in role_claims}) >= 2:
            findings.append(
                _make(
                    "agreement",
                    _holds(name, role_claims[0].value),
                    [SAME_ROLE],
                    role_claims,
                    context,
                    0.85,
                    entities=(subject,),
                )
            )
    return findings


def _holds(name: str, role: str) -> str:
    """ "X is Foreign Minister"; "X was then Home Secretary" for a past holder."""
    if role.lower().startswith("then "):
        return f"{name} was {role}"
    return f"{name} is {role}"


def _classify_office_holders(
    claims: Sequence[RoleClaim], context: ClassifyContext
) -> Finding | None:
    """Two holders of an office one person holds at a time: different times, when a word
    ("newly elected", "former") or the publication dates say so; else no finding."""
    left, right = claims[0], claims[1]
    reasons: list[str] = []
    for claim in (left, right):
        marker = context.claim_contexts.get(claim.id, ClaimContext()).time_marker
        if marker:
            reasons.append(f"{DIFFERENT_TIME}: '{marker}' ({claim.source})")
    a, b = context.sources.get(left.source), context.sources.get(right.source)
    if a and b and a.published and b.published and a.published != b.published:
        reasons.append(f"{DIFFERENT_DATE}: published {a.published} vs {b.published}")
    if not reasons:
        return None  # no sign of a change of holder: say nothing rather than guess
    office = left.value if len(left.value) >= len(right.value) else right.value
    holders = [_entity_name(c.subject or "", context) for c in (left, right)]
    return _make(
        "different_context",
        f"{holders[0]} and {holders[1]} are both named {office}: two holders at different times",
        [DIFFERENT_HOLDER, *reasons],
        claims,
        context,
        min(0.8, 0.5 + 0.1 * len(reasons)),
        entities=tuple(c.subject for c in (left, right) if c.subject),
    )


# --------------------------------------------------------------------------- event dates


WEEKDAY_CONSISTENT = "weekday-consistent"
WEEKDAY_MISMATCH = "weekday-mismatch"


def _classify_event_dates(
    claims: Sequence[DateClaim], context: ClassifyContext, event_id: str = ""
) -> Finding | None:
    if len({c.source for c in claims}) < 2:
        return None
    event = context.events.get(event_id or claims[0].event or "")
    label = event.label if event else "event"
    resolved = [c for c in claims if c.value is not None]
    unresolved = [c for c in claims if c.value is None]
    values = [c.value for c in resolved if c.value is not None]
    shown = " vs ".join(
        sorted({f"{_as_written(c)} ({c.value.iso() if c.value else 'undated'})" for c in claims})
    )
    if unresolved:
        if any(weekday_named(c.text) is None for c in unresolved):
            return _classify_month_days(claims, unresolved, values, label, shown, context)
        # "on Monday" in an undated text, against a date another source gives the event.
        weekdays = {weekday_named(c.text) for c in unresolved}
        if not values or len(weekdays) != 1:
            return None
        (weekday,) = weekdays
        days = {v.start.weekday() for v in values if v.granularity == "day" and v.start == v.end}
        if not days:
            return None
        if days == {weekday}:
            return _make(
                "vague_vs_specific", f"{label}: {shown}", [WEEKDAY_CONSISTENT], claims, context, 0.7
            )
        return _make(
            "conflict", f"{label}: {shown}", [WEEKDAY_MISMATCH, SAME_EVENT], claims, context, 0.5
        )
    if all(dates_equal(values[0], v) for v in values[1:]):
        return _make(
            "agreement", f"{label}: same date {values[0].iso()}", [SAME_DATE], claims, context, 0.85
        )
    if all(dates_overlap(values[0], v) for v in values[1:]):
        return _make(
            "vague_vs_specific", f"{label}: {shown}", [DATE_PRECISION], claims, context, 0.75
        )
    return _make(
        "conflict",
        f"{label}: different dates {shown}",
        [DIFFERENT_DATE, SAME_EVENT],
        claims,
        context,
        0.6,
    )


YEAR_UNSTATED = "year-unstated"


def _classify_month_days(
    claims: Sequence[DateClaim],
    unresolved: Sequence[DateClaim],
    values: Sequence[DateValue],
    label: str,
    shown: str,
    context: ClassifyContext,
) -> Finding | None:
    """ "June 10" or "March last year" in a text that gives no year, against "10 June 2025"
    or "March 2024" elsewhere: the same day or month at a coarser precision. A day that
    does not match says nothing for sure (the undated text may tell another day of the
    event), so only a match is reported."""
    verdicts = [holds_day_named(v, c.text) for c in unresolved for v in values]
    if False in verdicts or True not in verdicts:
        return None
    return _make("vague_vs_specific", f"{label}: {shown}", [YEAR_UNSTATED], claims, context, 0.7)


# Words by which a report places an event in time without dating it.
_VAGUE_TIME = re.compile(
    r"\b(?:recent(?:ly)?|earlier|lately|previous(?:ly)?|last (?:week|month|year)|"
    r"days? ago|weeks? ago|months? ago)\b",
    re.IGNORECASE,
)


def _classify_unstated_date(
    claims: Sequence[Claim], context: ClassifyContext, event_id: str
) -> Finding | None:
    """One event, dated by one source; another names it with no date, only placing it
    vaguely in time ("the recent opening of ..."): vague vs specific. A source silent on
    the date is no finding."""
    event = context.events.get(event_id)
    dates = [c for c in claims if isinstance(c, DateClaim) and c.value is not None]
    if event is None or len(dates) != 1:
        return None
    (date,) = dates
    frames = [c for c in claims if isinstance(c, EventClaim) and c.source != date.source]
    if len(frames) != 1:
        return None
    (frame,) = frames
    text = context.sources[frame.source].text[frame.sentence_start : frame.sentence_end]
    vague = _VAGUE_TIME.search(text)
    if vague is None or date.value is None:
        return None
    return _make(
        "vague_vs_specific",
        f"{event.label}: {vague.group(0)!r} vs {_as_written(date)} ({date.value.iso()})",
        [DATE_UNSTATED, f"vague-time: {vague.group(0).lower()}"],
        claims,
        context,
        0.6,
    )


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth")


def _ordinal_word(number: int) -> str:
    return _ORDINAL_WORDS[number - 1] if number <= len(_ORDINAL_WORDS) else f"{number}th"


def _classify_event_pair(claims: Sequence[EventClaim], context: ClassifyContext) -> Finding | None:
    by_event: dict[str, list[EventClaim]] = {}
    for claim in claims:
        by_event.setdefault(claim.event or "", []).append(claim)
    if len(by_event) != 2:
        return None
    (a_id, a_frames), (b_id, b_frames) = sorted(by_event.items())
    a, b = context.events.get(a_id), context.events.get(b_id)
    if a is None or b is None:
        return None
    left = next((f for f in a_frames if f.subject), a_frames[0])
    right = next((f for f in b_frames if f.subject), b_frames[0])
    if _negated(left, context) or _negated(right, context):
        return None  # "will not travel to X": no event to tell apart from another
    reasons: list[str] = []
    if left.subject and right.subject and left.subject != right.subject:
        reasons.append(
            f"different-visitor: {_entity_name(left.subject, context)} vs "
            f"{_entity_name(right.subject, context)}"
        )
    if a.date and b.date and not dates_overlap(a.date, b.date):
        reasons.append(f"{DIFFERENT_DATE}: {a.date.iso()} vs {b.date.iso()}")
    if a.place and b.place and place_relation(a.place, b.place) == "different":
        reasons.append(f"{DIFFERENT_PLACE}: {a.place} vs {b.place}")
    ordinals = [_event_ordinal(frames, context) for frames in (a_frames, b_frames)]
    first, second = ordinals
    if first is not None and second is not None and first != second:
        reasons.append(f"{DIFFERENT_ORDINAL}: {_ordinal_word(first)} vs {_ordinal_word(second)}")
        dated_apart = a.date and b.date and not dates_overlap(a.date, b.date)
        if dated_apart and a.date and b.date and (first < second) == (a.date.start < b.date.start):
            reasons.append(ORDINALS_CONSISTENT)
    if not reasons:
        return _dated_and_undated(a, b, claims, context)
    differences = [r for r in reasons if r != ORDINALS_CONSISTENT]
    return _make(
        "different_context",
        f"{a.label} / {b.label}: two different {a.type}s",
        [DIFFERENT_EVENT, *reasons],
        claims,
        context,
        min(0.9, 0.5 + 0.15 * len(differences)),
    )


_DENIED_BEFORE = re.compile(
    r"\b(?:not|never|cannot|no longer)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$", re.IGNORECASE
)


def _negated(frame: EventClaim, context: ClassifyContext) -> bool:
    """A frame its sentence denies: "will not travel to", "did not visit", "never met"."""
    text = context.sources[frame.source].text
    before = text[max(frame.sentence_start, frame.start - 30) : frame.start]
    return _DENIED_BEFORE.search(before) is not None


def _dated_and_undated(
    a: Event, b: Event, claims: Sequence[EventClaim], context: ClassifyContext
) -> Finding | None:
    """Two events nothing tells apart, one dated and one not, where everyone taking part in
    one takes part in the other (a title-only participant counting as the holder of its
    office): probably one event that only one source dates. Anything less is kept apart
    for want of evidence: no finding."""
    if (a.date is None) == (b.date is None):
        return None

    def people(event: Event) -> set[str]:
        return {context.aliases.get(p, p) for p in event.participants}

    shared = sorted(people(a) & people(b))
    if not shared or not (people(a) <= people(b) or people(b) <= people(a)):
        return None  # one event's people must all take part in the other
    dated, undated = (a, b) if a.date else (b, a)
    when = dated.date.iso() if dated.date else ""
    names = ", ".join(_entity_name(p, context) for p in shared[:3])
    return _make(
        "vague_vs_specific",
        f"{dated.label} / {undated.label}: probably one {a.type}, dated {when} by one "
        "source and not by the other",
        [DATE_UNSTATED, f"shared-participants: {names}"],
        claims,
        context,
        0.5,
    )


def _event_ordinal(frames: Sequence[EventClaim], context: ClassifyContext) -> int | None:
    """The one ordinal the sources give an event ("the first visit"), if they agree."""
    found = {
        o
        for f in frames
        if (o := context.claim_contexts.get(f.id, ClaimContext()).ordinal) is not None
    }
    return next(iter(found)) if len(found) == 1 else None


# --------------------------------------------------------------------------- names


def name_variant_findings(entities: Sequence[Entity], context: ClassifyContext) -> list[Finding]:
    """One finding per entity whose full name is spelled in more than one way."""
    findings: list[Finding] = []
    for entity in entities:
        full = sorted({v for v in entity.variants if len(name_tokens(v)) >= 2})
        spelled: set[str] = set()
        reasons: set[str] = set()
        for a, b in combinations(full, 2):
            if entity.kind != "person" and _differ_in_number_only(a, b):
                continue  # "Award" and "Awards": grammar, not spelling
            match = compare_names(a, b)
            if match.relation == "variant":
                spelled.update((a, b))
                reasons.update(match.reasons)
        if len(spelled) < 2:
            continue
        names = sorted(spelled)
        sources = sorted(
            {m.source for m in entity.mentions if any(_mentions_name(m.text, n) for n in names)}
        )
        evidence = tuple(f"name|{n}" for n in names)
        key = decision_key(evidence)
        confidence = 0.85 if reasons <= {"transliteration-skeleton", "token-joining"} else 0.7
        shown = ", ".join(f"'{n}'" for n in names)
        findings.append(
            Finding(
                id=f"F-{key[:10]}",
                kind="name_variant",
                summary=f"{shown} are one {entity.kind} ({entity.name}): "
                + _variant_locations(entity, names),
                reasons=(NAME_SPELLING, *sorted(reasons)),
                entities=(entity.id,),
                sources=tuple(sources),
                independent_sources=independent_count(sources, context.dependent),
                confidence=confidence,
                decision_key=key,
                evidence=evidence,
            )
        )
    return findings


def _differ_in_number_only(left: str, right: str) -> bool:
    left_tokens, right_tokens = name_tokens(left), name_tokens(right)
    if len(left_tokens) != len(right_tokens):
        return False
    differing = [(a, b) for a, b in zip(left_tokens, right_tokens, strict=True) if a != b]
    if len(differing) != 1:
        return False
    short, long = sorted(differing[0], key=len)
    return long in (short + "s", short + "es")


def _mentions_name(text: str, name: str) -> bool:
    folded, target = fold(text), fold(name)
    return folded == target or folded.endswith(" " + target)


def _variant_locations(entity: Entity, names: Sequence[str]) -> str:
    parts = []
    for name in names:
        spots = [
            f"{m.source}:{m.start}-{m.end}" for m in entity.mentions if _mentions_name(m.text, name)
        ]
        parts.append(f"'{name}' at {', '.join(spots[:4]) or 'n/a'}")
    return "; ".join(parts)
