"""Score extractions and entity clusters against hand-made gold.

Gold lives in ``tests/gold``: ``claims/<source-id>.jsonl`` holds one object per
claim a careful reader would extract (see ``GoldClaim``), ``alignment/*.json``
holds entity clusters (see ``GoldAlignment``). Everything here is a pure
function; reading the corpus and running the extractors is the CLI's job.

Claim matching rule
-------------------
1. Locate each gold claim in its source: ``str.find`` of ``text``, skipping
   ``occurrence`` earlier hits (0-based). That gives the gold span.
2. A predicted claim *matches* a gold claim when the kinds are equal, the spans
   overlap by at least one character, and the value agrees:

   - count, quantity: each bound the gold gives (``low``/``high``; ``null``
     means "not stated" and is not compared) equals the predicted bound within
     1%. An ``approximate`` gold point N ("about 4,300") also accepts a
     predicted interval that contains N and lies within 0.75 N .. 1.25 N.
     For quantities the unit must agree too, when both sides have one
     (aliases: "£" = GBP, "%" = percent, "kronor" = SEK ...).
   - date: ``start`` and ``end`` equal the predicted interval when the gold
     gives them (a relative date the reader cannot resolve has ``start: null``).
   - role: the role strings, lowercased, have a token-sort ratio >= 85.
   - quote: when the gold names a speaker, the predicted speaker
     (``attributed_to``, else ``subject``; a mention id is read as that
     mention's name) shares the surname (and, when both give names before it,
     one of those shares its first letter), or the names have a token-sort
     ratio >= 85.
   - event: the event types are equal.
3. Matching is one-to-one and greedy: candidate pairs are taken by decreasing
   overlap (then by closeness of start offsets), each gold and each predicted
   claim at most once.
4. ``span_only`` repeats this with kind + overlap only, so that value errors
   (matched by span, not by value) can be told apart from detection errors.

Precision is tp / predicted and recall tp / gold; with nothing predicted,
precision is 0 unless the gold is empty too (then 1). Sources without a gold
file are not scored (their predictions are not counted as false positives).

Entity scoring is pairwise: gold mentions are located like gold claims and
paired one-to-one with the predicted mention of the same source that overlaps
them most (it must cover at least half of the gold mention and, unless it is
"other", be of the same entity kind). Precision and recall are then counted
over pairs of gold mentions that the prediction, or the gold, puts in one entity.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from rapidfuzz import fuzz, utils

from claimdiff.errors import ClaimdiffError, ExpectationError, InputErrors, StoreError
from claimdiff.models import (
    Claim,
    CountClaim,
    DateClaim,
    Entity,
    EntityKind,
    EventClaim,
    EventType,
    Granularity,
    QuantityClaim,
    QuoteClaim,
    RoleClaim,
    SourceExtraction,
)

ClaimKind = Literal["count", "quantity", "date", "role", "quote", "event"]
CLAIM_KINDS: tuple[ClaimKind, ...] = ("count", "quantity", "date", "role", "quote", "event")
VALUE_TOLERANCE = 0.01
APPROXIMATE_SLACK = 0.25
FUZZY_THRESHOLD = 85


# --------------------------------------------------------------------------- gold models


class GoldModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldBase(GoldModel):
    text: str = Field(min_length=1)
    occurrence: int = Field(default=0, ge=0)
    note: str | None = None


class GoldCount(GoldBase):
    kind: Literal["count"] = "count"
    low: float | None
    high: float | None
    noun: str
    approximate: bool = False


class GoldQuantity(GoldBase):
    kind: Literal["quantity"] = "quantity"
    low: float | None
    high: float | None
    unit: str
    approximate: bool = False


class GoldDate(GoldBase):
    kind: Literal["date"] = "date"
    start: dt.date | None
    end: dt.date | None
    granularity: Granularity | None = None


class GoldRole(GoldBase):
    kind: Literal["role"] = "role"
    subject: str
    value: str


class GoldQuote(GoldBase):
    kind: Literal["quote"] = "quote"
    speaker: str | None
    direct: bool = True


class GoldEvent(GoldBase):
    kind: Literal["event"] = "event"
    type: EventType
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None


GoldClaim = Annotated[
    GoldCount | GoldQuantity | GoldDate | GoldRole | GoldQuote | GoldEvent,
    Field(discriminator="kind"),
]
GOLD_CLAIM_ADAPTER: TypeAdapter[GoldClaim] = TypeAdapter(GoldClaim)


class GoldMention(GoldModel):
    source: str
    text: str = Field(min_length=1)
    occurrence: int = Field(default=0, ge=0)


class GoldEntity(GoldModel):
    name: str
    kind: EntityKind
    mentions: tuple[GoldMention, ...]


class GoldClaimRef(GoldModel):
    source: str
    kind: ClaimKind
    text: str
    occurrence: int = 0


class GoldPair(GoldModel):
    a: str
    b: str
    why: str


class GoldFinding(GoldModel):
    id: str
    kind: str | None
    acceptable_kinds: tuple[str, ...] = ()
    must_not_be: tuple[str, ...] = ()
    sources: tuple[str, ...]
    claims: tuple[GoldClaimRef, ...] = ()
    mentions: tuple[GoldMention, ...] = ()
    why: str


class GoldAlignment(GoldModel):
    about: str | None = None
    entities: tuple[GoldEntity, ...]
    must_not_merge: tuple[GoldPair, ...] = ()
    findings: tuple[GoldFinding, ...] = ()


# --------------------------------------------------------------------------- loading

T = TypeVar("T")


def _validation_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"{where}: {first['msg']}" if where else first["msg"]


def load_gold(gold_dir: Path) -> dict[str, list[GoldClaim]]:
    """Read ``claims/*.jsonl`` (or ``gold_dir/*.jsonl``); each file stem is a source id.

    Every bad line is collected first; then one ``InputErrors`` names each as ``path:line``.
    """
    claims_dir = gold_dir / "claims" if (gold_dir / "claims").is_dir() else gold_dir
    if not claims_dir.is_dir():
        raise StoreError("no such gold folder", path=str(gold_dir))
    gold: dict[str, list[GoldClaim]] = {}
    errors: list[ClaimdiffError] = []
    for path in sorted(claims_dir.glob("*.jsonl")):
        items: list[GoldClaim] = []
        seen: dict[tuple[str, str, int], int] = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = GOLD_CLAIM_ADAPTER.validate_json(line)
            except ValidationError as exc:
                errors.append(
                    StoreError(
                        f"invalid gold claim: {_validation_message(exc)}",
                        path=str(path),
                        line=number,
                    )
                )
                continue
            key = (item.kind, item.text, item.occurrence)
            if key in seen:
                errors.append(
                    StoreError(
                        f"duplicate gold claim {item.kind} {item.text!r} "
                        f"(first on line {seen[key]})",
                        path=str(path),
                        line=number,
                    )
                )
                continue
            seen[key] = number
            items.append(item)
        gold[path.stem] = items
    if errors:
        raise InputErrors(errors)
    return gold


def load_alignment(path: Path) -> GoldAlignment:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    try:
        return GoldAlignment.model_validate_json(raw)
    except ValidationError as exc:
        raise StoreError(
            f"invalid gold alignment: {_validation_message(exc)}", path=str(path)
        ) from exc


def locate(text: str, needle: str, occurrence: int = 0) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th (0-based) hit of ``needle`` in ``text``, or None."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start == -1:
            return None
    return start, start + len(needle)


def check_gold(
    gold: Mapping[str, Sequence[GoldClaim]], texts: Mapping[str, str]
) -> list[ClaimdiffError]:
    """Every gold claim whose source is missing or whose text cannot be located."""
    errors: list[ClaimdiffError] = []
    for source, items in sorted(gold.items()):
        text = texts.get(source)
        if text is None:
            errors.append(ExpectationError("no text for this gold source", path=source))
            continue
        for item in items:
            if locate(text, item.text, item.occurrence) is None:
                errors.append(
                    ExpectationError(
                        f"{item.kind} text {item.text!r} (occurrence {item.occurrence}) not found",
                        path=source,
                    )
                )
    return errors


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class KindScore:
    kind: str
    gold: int
    predicted: int
    tp: int

    @property
    def fp(self) -> int:
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        return self.gold - self.tp

    @property
    def precision(self) -> float:
        if self.predicted:
            return self.tp / self.predicted
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _total(scores: Iterable[KindScore]) -> KindScore:
    items = list(scores)
    return KindScore(
        "all",
        sum(s.gold for s in items),
        sum(s.predicted for s in items),
        sum(s.tp for s in items),
    )


@dataclass(frozen=True)
class ValueMismatch:
    """A gold claim found by span but not by value: what the gold says and what was predicted."""

    source: str
    kind: str
    gold_text: str
    predicted_text: str
    predicted_id: str
    predicted_value: str = ""


@dataclass(frozen=True)
class ClaimScores:
    strict: dict[str, KindScore]
    span_only: dict[str, KindScore]
    missed: tuple[tuple[str, GoldClaim], ...] = ()
    spurious: tuple[Claim, ...] = ()
    value_errors: tuple[ValueMismatch, ...] = ()
    unscored_sources: tuple[str, ...] = ()

    @property
    def strict_total(self) -> KindScore:
        return _total(self.strict.values())

    @property
    def span_total(self) -> KindScore:
        return _total(self.span_only.values())


# --------------------------------------------------------------------------- value agreement

_UNIT_ALIASES = {
    "£": "gbp", "pound": "gbp", "pounds": "gbp", "sterling": "gbp",
    "$": "usd", "us$": "usd", "dollar": "usd", "dollars": "usd",
    "€": "eur", "euro": "eur", "euros": "eur",
    "%": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
    "kronor": "sek", "krona": "sek", "rand": "zar", "yen": "jpy",
    "x": "times", "fold": "times", "time": "times",
}  # fmt: skip


def normalise_unit(unit: str) -> str:
    lowered = " ".join(unit.lower().split())
    lowered = _UNIT_ALIASES.get(lowered, lowered)
    if lowered.endswith("s") and len(lowered) > 3 and lowered not in {"times"}:
        lowered = lowered[:-1]  # "years" -> "year", "seats" -> "seat"
    return lowered


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def interval_agrees(
    gold_low: float | None,
    gold_high: float | None,
    low: float,
    high: float,
    *,
    approximate: bool = False,
) -> bool:
    if approximate and gold_low is not None and gold_low == gold_high:
        point = gold_low
        inside = low <= point * (1 + VALUE_TOLERANCE) and high >= point * (1 - VALUE_TOLERANCE)
        near = low >= point * (1 - APPROXIMATE_SLACK) and high <= point * (1 + APPROXIMATE_SLACK)
        if inside and near:
            return True
    if gold_low is not None and not _close(gold_low, low):
        return False
    return gold_high is None or _close(gold_high, high)


def _tokens(name: str) -> list[str]:
    return utils.default_process(name).split()


def speaker_agrees(gold: str, predicted: str) -> bool:
    """Surname (last token) of either in the other, unless both give other names that
    cannot be the same ("Ann Berg" is not "Jon Berg"); or token-sort
    ratio >= 85."""
    gold_tokens, predicted_tokens = _tokens(gold), _tokens(predicted)
    if not gold_tokens or not predicted_tokens:
        return False
    if gold_tokens[-1] in predicted_tokens or predicted_tokens[-1] in gold_tokens:
        return _given_names_compatible(gold_tokens, predicted_tokens)
    score = fuzz.token_sort_ratio(gold, predicted, processor=utils.default_process)
    return score >= FUZZY_THRESHOLD


_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president"}
    | {"minister", "general", "gen"}
)


def _given_names_compatible(left: list[str], right: list[str]) -> bool:
    """Whether the names before the surnames may be one person's: one side gives none,
    or some pair shares its first letter ("Mohammad"/"Muhammad", "M"/"Mohammad")."""
    left_given = [t for t in left[:-1] if t not in _HONORIFICS]
    right_given = [t for t in right[:-1] if t not in _HONORIFICS]
    if not left_given or not right_given:
        return True
    return any(a[0] == b[0] for a in left_given for b in right_given)


def role_agrees(gold: str, predicted: str) -> bool:
    score = fuzz.token_sort_ratio(gold.lower(), predicted.lower(), processor=utils.default_process)
    return score >= FUZZY_THRESHOLD


def value_agrees(gold: GoldClaim, claim: Claim, names: Mapping[str, str]) -> bool:
    """Whether ``claim`` states the value ``gold`` states (kinds already equal)."""
    if isinstance(gold, GoldCount) and isinstance(claim, CountClaim):
        value = claim.value
        return interval_agrees(
            gold.low, gold.high, value.low, value.high, approximate=gold.approximate
        )
    if isinstance(gold, GoldQuantity) and isinstance(claim, QuantityClaim):
        value = claim.value
        if value.unit and normalise_unit(value.unit) != normalise_unit(gold.unit):
            return False
        return interval_agrees(
            gold.low, gold.high, value.low, value.high, approximate=gold.approximate
        )
    if isinstance(gold, GoldDate) and isinstance(claim, DateClaim):
        if claim.value is None:  # unresolved: right only where the gold is unresolved too
            return gold.start is None and gold.end is None
        if gold.start is not None and gold.start != claim.value.start:
            return False
        return gold.end is None or gold.end == claim.value.end
    if isinstance(gold, GoldRole) and isinstance(claim, RoleClaim):
        return role_agrees(gold.value, claim.value)
    if isinstance(gold, GoldQuote) and isinstance(claim, QuoteClaim):
        if gold.speaker is None:
            return True
        speaker = claim.attributed_to or claim.subject
        if speaker is None:
            return False
        return speaker_agrees(gold.speaker, names.get(speaker, speaker))
    if isinstance(gold, GoldEvent) and isinstance(claim, EventClaim):
        return gold.type == claim.value
    return False


def describe_value(claim: Claim, names: Mapping[str, str]) -> str:
    """The compared value of a predicted claim, for error listings."""
    if isinstance(claim, CountClaim | QuantityClaim):
        return claim.value.display()
    if isinstance(claim, DateClaim):
        return claim.value.iso() if claim.value else "unresolved"
    if isinstance(claim, QuoteClaim):
        speaker = claim.attributed_to or claim.subject
        return f"speaker {names.get(speaker, speaker) if speaker else None}"
    return str(claim.value)


# --------------------------------------------------------------------------- matching


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def greedy_match(
    gold_spans: Sequence[tuple[int, int]],
    predicted_spans: Sequence[tuple[int, int]],
    compatible: Callable[[int, int], bool],
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, largest overlap first."""
    candidates: list[tuple[int, int, int, int]] = []
    for g, gold_span in enumerate(gold_spans):
        for p, predicted_span in enumerate(predicted_spans):
            overlap = _overlap(gold_span, predicted_span)
            if overlap > 0 and compatible(g, p):
                candidates.append((-overlap, abs(gold_span[0] - predicted_span[0]), g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p))
    return pairs


@dataclass
class _Tally:
    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def scores(self) -> dict[str, KindScore]:
        return {k: KindScore(k, self.gold[k], self.predicted[k], self.tp[k]) for k in CLAIM_KINDS}


def _value_checker(
    gold: Sequence[GoldClaim], predicted: Sequence[Claim], names: Mapping[str, str]
) -> Callable[[int, int], bool]:
    def agrees(g: int, p: int) -> bool:
        return value_agrees(gold[g], predicted[p], names)

    return agrees


def score_claims(
    gold: Mapping[str, Sequence[GoldClaim]],
    extractions: Sequence[SourceExtraction],
    texts: Mapping[str, str],
) -> ClaimScores:
    """Per-kind strict and span-only scores; raises InputErrors if a gold text cannot be located."""
    errors = check_gold(gold, texts)
    if errors:
        raise InputErrors(errors)
    by_source = {extraction.source: extraction for extraction in extractions}
    strict, loose = _Tally(), _Tally()
    missed: list[tuple[str, GoldClaim]] = []
    spurious: list[Claim] = []
    value_errors: list[ValueMismatch] = []
    for source, gold_items in sorted(gold.items()):
        extraction = by_source.get(source, SourceExtraction(source=source))
        names = {mention.id: mention.name for mention in extraction.mentions}
        text = texts[source]
        for kind in CLAIM_KINDS:
            gold_kind = [g for g in gold_items if g.kind == kind]
            predicted = [c for c in extraction.claims if c.kind == kind]
            gold_spans = [locate(text, g.text, g.occurrence) or (0, 0) for g in gold_kind]
            predicted_spans = [(c.start, c.end) for c in predicted]
            agreement = _value_checker(gold_kind, predicted, names)
            matched = greedy_match(gold_spans, predicted_spans, agreement)
            by_span = greedy_match(gold_spans, predicted_spans, lambda g, p: True)
            for tally, pairs in ((strict, matched), (loose, by_span)):
                tally.gold[kind] += len(gold_kind)
                tally.predicted[kind] += len(predicted)
                tally.tp[kind] += len(pairs)
            matched_gold = {g for g, _ in matched}
            matched_predicted = {p for _, p in matched}
            missed.extend(
                (source, gold_kind[g]) for g in range(len(gold_kind)) if g not in matched_gold
            )
            spurious.extend(
                predicted[p] for p in range(len(predicted)) if p not in matched_predicted
            )
            # A value error: a gold claim and a prediction, both left over by the strict
            # matching, that overlap each other.
            left_gold = [g for g in range(len(gold_kind)) if g not in matched_gold]
            left_predicted = [p for p in range(len(predicted)) if p not in matched_predicted]
            for g, p in greedy_match(
                [gold_spans[g] for g in left_gold],
                [predicted_spans[p] for p in left_predicted],
                lambda g, p: True,
            ):
                claim = predicted[left_predicted[p]]
                value_errors.append(
                    ValueMismatch(
                        source,
                        kind,
                        gold_kind[left_gold[g]].text,
                        claim.text,
                        claim.id,
                        describe_value(claim, names),
                    )
                )
    unscored = tuple(sorted(set(by_source) - set(gold)))
    return ClaimScores(
        strict=strict.scores(),
        span_only=loose.scores(),
        missed=tuple(missed),
        spurious=tuple(spurious),
        value_errors=tuple(value_errors),
        unscored_sources=unscored,
    )


# --------------------------------------------------------------------------- entities


_Ref = tuple[tuple[int, int], str, str]  # span, predicted entity id, entity kind


@dataclass(frozen=True)
class WrongMerge:
    """One predicted entity holding mentions of two different gold entities."""

    predicted_entity: str
    gold_a: str
    gold_b: str
    example_a: str
    example_b: str
    forbidden: bool = False


@dataclass(frozen=True, order=True)
class UnmatchedMention:
    """A gold mention that no predicted mention covers."""

    gold_entity: str
    source: str
    text: str
    start: int


@dataclass(frozen=True)
class SplitCluster:
    """A gold entity whose mentions the prediction spreads over several entities.

    ``parts`` holds, per predicted entity (largest first), the gold mentions it took as
    "source: text" strings.
    """

    gold_entity: str
    missed_pairs: int
    parts: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class EntityScores:
    gold_pairs: int
    predicted_pairs: int
    tp: int
    gold_mentions: int
    matched_mentions: int
    wrong_merges: tuple[WrongMerge, ...] = ()
    unmatched: tuple[UnmatchedMention, ...] = ()
    splits: tuple[SplitCluster, ...] = ()

    @property
    def precision(self) -> float:
        if self.predicted_pairs:
            return self.tp / self.predicted_pairs
        return 1.0 if self.gold_pairs == 0 else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold_pairs if self.gold_pairs else 1.0


def score_entities(
    gold_clusters: Sequence[GoldEntity],
    entities: Sequence[Entity],
    texts: Mapping[str, str],
    *,
    must_not_merge: Sequence[GoldPair] = (),
) -> EntityScores:
    """Pairwise precision/recall of the predicted entities over the gold mentions.

    Only gold mentions whose source is in ``texts`` are scored. A gold mention
    that no predicted mention overlaps is a singleton on the predicted side.
    """
    located: list[tuple[str, tuple[int, int], str, str]] = []  # source, span, gold entity, text
    errors: list[ClaimdiffError] = []
    for cluster in gold_clusters:
        for mention in cluster.mentions:
            if mention.source not in texts:
                continue
            span = locate(texts[mention.source], mention.text, mention.occurrence)
            if span is None:
                errors.append(
                    ExpectationError(
                        f"mention {mention.text!r} (occurrence {mention.occurrence}) of "
                        f"{cluster.name} not found",
                        path=mention.source,
                    )
                )
                continue
            located.append((mention.source, span, cluster.name, mention.text))
    if errors:
        raise InputErrors(errors)
    kinds = {cluster.name: cluster.kind for cluster in gold_clusters}
    predicted_refs: dict[str, list[_Ref]] = defaultdict(list)
    for entity in entities:
        for ref in entity.mentions:
            predicted_refs[ref.source].append(((ref.start, ref.end), entity.id, entity.kind))
    assigned: dict[int, str] = {}
    for source in sorted({item[0] for item in located}):
        indices = [i for i, item in enumerate(located) if item[0] == source]
        refs = predicted_refs.get(source, [])

        def same_mention(
            g: int, p: int, indices: list[int] = indices, refs: list[_Ref] = refs
        ) -> bool:
            _, gold_span, gold_name, _ = located[indices[g]]
            span, _, kind = refs[p]
            if kind != "other" and kind != kinds[gold_name]:
                return False
            return 2 * _overlap(gold_span, span) >= gold_span[1] - gold_span[0]

        pairs = greedy_match([located[i][1] for i in indices], [r[0] for r in refs], same_mention)
        for g, p in pairs:
            assigned[indices[g]] = refs[p][1]
    gold_pairs = predicted_pairs = tp = 0
    forbidden = {frozenset((pair.a, pair.b)) for pair in must_not_merge}
    merges: dict[tuple[str, str, str], WrongMerge] = {}
    for i, j in combinations(range(len(located)), 2):
        same_gold = located[i][2] == located[j][2]
        same_predicted = i in assigned and j in assigned and assigned[i] == assigned[j]
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        tp += same_gold and same_predicted
        if same_predicted and not same_gold:
            a, b = sorted((located[i], located[j]), key=lambda item: item[2])
            key = (assigned[i], a[2], b[2])
            if key not in merges:
                merges[key] = WrongMerge(
                    assigned[i],
                    a[2],
                    b[2],
                    f"{a[0]}: {a[3]}",
                    f"{b[0]}: {b[3]}",
                    forbidden=frozenset((a[2], b[2])) in forbidden,
                )
    return EntityScores(
        gold_pairs=gold_pairs,
        predicted_pairs=predicted_pairs,
        tp=tp,
        gold_mentions=len(located),
        matched_mentions=len(assigned),
        wrong_merges=tuple(
            sorted(merges.values(), key=lambda m: (not m.forbidden, m.gold_a, m.gold_b))
        ),
        unmatched=tuple(
            sorted(
                UnmatchedMention(item[2], item[0], item[3], item[1][0])
                for i, item in enumerate(located)
                if i not in assigned
            )
        ),
        splits=_split_clusters(located, assigned),
    )


def _split_clusters(
    located: Sequence[tuple[str, tuple[int, int], str, str]], assigned: Mapping[int, str]
) -> tuple[SplitCluster, ...]:
    """Gold entities whose matched mentions fall into more than one predicted entity."""
    parts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, (_, _, gold_name, _) in enumerate(located):
        if i in assigned:
            parts[gold_name][assigned[i]].append(i)
    splits: list[SplitCluster] = []
    for gold_name in sorted(parts):
        by_entity = parts[gold_name]
        if len(by_entity) < 2:
            continue
        sizes = [len(members) for members in by_entity.values()]
        missed = (sum(sizes) ** 2 - sum(size * size for size in sizes)) // 2
        ordered = sorted(by_entity.items(), key=lambda item: (-len(item[1]), item[0]))
        splits.append(
            SplitCluster(
                gold_name,
                missed,
                tuple(
                    (
                        entity_id,
                        tuple(f"{located[i][0]}: {located[i][3]}" for i in sorted(members)),
                    )
                    for entity_id, members in ordered
                ),
            )
        )
    return tuple(splits)


def render_entity_errors(scores: EntityScores) -> str:
    """Gold mentions nobody found, then gold entities the prediction split, by gold entity."""
    lines = ["", "entity mentions missed (no predicted mention covers them)"]
    lines += [f"  {m.gold_entity}: {m.source}: {m.text}" for m in scores.unmatched]
    lines += ["", "entities split (gold entity: predicted entity [gold mentions])"]
    for split in scores.splits:
        lines.append(f"  {split.gold_entity} ({split.missed_pairs} pairs missed)")
        for entity_id, mentions in split.parts:
            lines.append(f"    {entity_id}: " + "; ".join(mentions))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- rendering


def _table(title: str, rows: Sequence[KindScore]) -> list[str]:
    header = f"{'kind':<10}{'gold':>6}{'predicted':>11}{'tp':>6}{'precision':>11}{'recall':>8}"
    lines = [title, header]
    for row in rows:
        lines.append(
            f"{row.kind:<10}{row.gold:>6}{row.predicted:>11}{row.tp:>6}"
            f"{row.precision:>11.3f}{row.recall:>8.3f}"
        )
    return lines


def render_scores(scores: ClaimScores, entities: EntityScores | None = None) -> str:
    """Plain-text tables: strict, then span-only, then (if given) entity pairs."""
    lines = _table(
        "claims, strict (kind + span overlap + value)",
        [*scores.strict.values(), scores.strict_total],
    )
    lines.append("")
    lines += _table(
        "claims, span-only (kind + span overlap)",
        [*scores.span_only.values(), scores.span_total],
    )
    if entities is not None:
        lines += [
            "",
            "entities, pairwise over gold mentions",
            f"gold pairs {entities.gold_pairs}, predicted pairs {entities.predicted_pairs}, "
            f"tp {entities.tp}, precision {entities.precision:.3f}, recall {entities.recall:.3f}",
            f"gold mentions matched {entities.matched_mentions}/{entities.gold_mentions}",
        ]
        for merge in entities.wrong_merges:
            flag = "  (must not merge)" if merge.forbidden else ""
            lines.append(
                f"wrong merge {merge.predicted_entity}: {merge.gold_a} [{merge.example_a}] + "
                f"{merge.gold_b} [{merge.example_b}]{flag}"
            )
    return "\n".join(lines) + "\n"
