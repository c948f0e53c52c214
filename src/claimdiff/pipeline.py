"""The whole pipeline as one library call: ``check(corpus) -> Report``.

``run`` returns the intermediate products too (sources with their text,
extractions), which the CLI, the review loop and the evaluator need.
Nothing here reads the clock or writes files: that is the CLI's job.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from time import perf_counter
from typing import Any

from claimdiff import __version__
from claimdiff.align import align_claims, claim_contexts, dependent_sources, resolve_claims
from claimdiff.background import in_child
from claimdiff.classify import (
    ClassifyContext,
    classify,
    group_corroborations,
    name_variant_findings,
)
from claimdiff.copies import copied_claims, fold_copies, one_claim_copied
from claimdiff.corpus import DEFAULT_MAX_BYTES, CorpusWarning, load_corpus
from claimdiff.extract import extract_source
from claimdiff.models import (
    Claim,
    CountClaim,
    DateClaim,
    Decision,
    EventClaim,
    Finding,
    QuantityClaim,
    QuoteClaim,
    Report,
    ReportClaim,
    ReportDate,
    ReportEntity,
    ReportEvent,
    ReportFinding,
    ReportSource,
    ReportSummary,
    RoleClaim,
    Source,
    SourceExtraction,
)
from claimdiff.resolve import resolve
from claimdiff.review import apply_decisions, cannot_link_names
from claimdiff.title_variants import collect_titles, title_variant_findings

FINDING_ORDER = (
    "conflict",
    "different_context",
    "name_variant",
    "title_variant",
    "vague_vs_specific",
    "agreement",
)

Extractor = Callable[[Sequence[Source]], list[SourceExtraction]]
# Below this many sources, forking a child to find copied texts costs more than it saves.
BACKGROUND_COPIES_SOURCES = 200
StageHook = Callable[[str], None]
"""Called with a stage's name as it starts (for a progress display)."""


@dataclass(frozen=True)
class PipelineResult:
    sources: tuple[Source, ...]
    extractions: tuple[SourceExtraction, ...]
    report: Report
    warnings: tuple[CorpusWarning, ...]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def texts(self) -> dict[str, str]:
        return {s.id: s.text for s in self.sources}


def extract_all(sources: Sequence[Source]) -> list[SourceExtraction]:
    return [extract_source(source) for source in sources]


def run(
    corpus: Path | str = "seeds",
    *,
    decisions: Sequence[Decision] = (),
    extract: Extractor = extract_all,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_stage: StageHook | None = None,
) -> PipelineResult:
    """Load a corpus and run every stage; ``extract`` may be swapped (parallel, cached).

    Files over ``max_bytes`` are skipped with a warning.
    """
    timings: dict[str, float] = {}
    with collector_paused():
        started = perf_counter()
        loaded = load_corpus(Path(corpus), max_bytes=max_bytes)
        timings["corpus"] = perf_counter() - started
        started = perf_counter()
        extractions = tuple(extract(loaded.sources))
        timings["extract"] = perf_counter() - started
        copies: Callable[[], list[tuple[str, str]]] = partial(dependent_sources, loaded.sources)
        if len(loaded.sources) >= BACKGROUND_COPIES_SOURCES:
            # Which sources copy each other depends on the texts alone: a child process
            # works it out on another CPU while this one resolves.
            copies = in_child(copies).result
        report, stage_timings = analyse(
            loaded.sources,
            extractions,
            decisions=decisions,
            dependent_pairs=copies,
            on_stage=on_stage,
        )
    timings.update(stage_timings)
    return PipelineResult(loaded.sources, extractions, report, loaded.warnings, timings)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: the stages build hundreds of thousands of
    acyclic objects (models, tuples), and the collector's full passes over them cost more
    than a third of the analysis. Reference counting still frees them; the collector runs
    once at the end for the rare cycle. Nested uses are fine."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check(corpus: Path | str = "seeds", *, decisions: Sequence[Decision] = ()) -> Report:
    """Run every stage on a folder (or file) of articles and return the report.

    Example::

        >>> from claimdiff import check
        >>> report = check("seeds")
        >>> [f.summary for f in report.findings if f.kind == "conflict"]
    """
    return run(corpus, decisions=decisions).report


def analyse(
    sources: Sequence[Source],
    extractions: Sequence[SourceExtraction],
    *,
    decisions: Sequence[Decision] = (),
    dependent_pairs: Callable[[], Sequence[tuple[str, str]]] | None = None,
    on_stage: StageHook | None = None,
) -> tuple[Report, dict[str, float]]:
    """Everything after extraction: resolve, align, classify, apply decisions, build the report.

    ``dependent_pairs``, if given, returns ``align.dependent_sources(sources)`` (it may be
    under way elsewhere meanwhile); it is called when alignment needs it.
    """
    with collector_paused():
        return _analyse(sources, extractions, decisions, dependent_pairs, on_stage or _no_hook)


def _no_hook(stage: str) -> None:
    pass


def _analyse(
    sources: Sequence[Source],
    extractions: Sequence[SourceExtraction],
    decisions: Sequence[Decision],
    dependent_pairs: Callable[[], Sequence[tuple[str, str]]] | None,
    on_stage: StageHook,
) -> tuple[Report, dict[str, float]]:
    timings: dict[str, float] = {}
    on_stage("resolving entities and events")
    started = perf_counter()
    resolution = resolve(
        extractions,
        cannot_link=cannot_link_names(decisions),
        published={source.id: source.published for source in sources},
    )
    claims = resolve_claims((c for e in extractions for c in e.claims), resolution)
    timings["resolve"] = perf_counter() - started

    on_stage("aligning claims")
    started = perf_counter()
    copies = dependent_pairs() if dependent_pairs else dependent_sources(sources)
    dependent: dict[str, set[str]] = defaultdict(set)
    for left, right in copies:
        dependent[left].add(right)
        dependent[right].add(left)
    contexts = claim_contexts(extractions, resolution, {s.id: s.text for s in sources})
    claims_by_id = {c.id: c for c in claims}
    copied = copied_claims(claims_by_id, dependent)
    candidates = [
        candidate
        for candidate in align_claims(claims, resolution.events, contexts, resolution.entities)
        if not one_claim_copied(candidate.claims, copied)
    ]
    timings["align"] = perf_counter() - started

    on_stage("classifying")
    started = perf_counter()
    mentions = {m.id: m for e in extractions for m in e.mentions}
    titles = collect_titles(resolution.entities, mentions, claims)
    context = ClassifyContext(
        claims=claims_by_id,
        events={e.id: e for e in resolution.events},
        entities={e.id: e for e in resolution.entities},
        sources={s.id: s for s in sources},
        dependent=dependent,
        claim_contexts=contexts,
        aliases=titles.holders,
    )
    findings = [
        finding
        for finding in group_corroborations(classify(candidates, context), context)
        # Sources that copy one another corroborate nothing: their agreement is no
        # finding (the copies are listed in dependent_sources). Their disagreements are:
        # a copy that changed a figure is worth a look.
        if finding.kind != "agreement" or finding.independent_sources > 1
    ]
    findings.extend(name_variant_findings(resolution.entities, context))
    findings.extend(
        title_variant_findings(resolution.entities, mentions, claims, dependent, titles)
    )
    findings = _deduplicate(findings)
    findings, stale = apply_decisions(findings, decisions)
    findings = fold_copies(findings, claims_by_id, dependent, copied)
    findings.sort(key=_finding_order)
    timings["classify"] = perf_counter() - started

    on_stage("building the report")
    started = perf_counter()
    report = Report(
        generated_by=f"claimdiff {__version__}",
        summary=_summary(findings, len(stale), len(sources), len(claims)),
        sources=tuple(_report_source(s) for s in sources),
        # Field by field, not via model_dump: tens of thousands of mentions would be
        # serialised and validated again for nothing.
        entities=tuple(
            ReportEntity(
                id=e.id,
                kind=e.kind,
                name=e.name,
                variants=e.variants,
                roles=e.roles,
                mentions=e.mentions,
            )
            for e in resolution.entities
        ),
        events=tuple(
            ReportEvent(
                id=e.id,
                type=e.type,
                label=e.label,
                participants=e.participants,
                place=e.place,
                date=ReportDate(start=e.date.start, end=e.date.end, granularity=e.date.granularity)
                if e.date
                else None,
                sources=e.sources,
            )
            for e in resolution.events
        ),
        claims=tuple(
            _report_claim(c) for c in sorted(claims, key=lambda c: (c.source, c.start, c.id))
        ),
        findings=tuple(_report_finding(f) for f in findings),
        stale_decisions=tuple(stale),
        dependent_sources=tuple(copies),
    )
    timings["report"] = perf_counter() - started
    return report, timings


def _deduplicate(findings: Sequence[Finding]) -> list[Finding]:
    unique: dict[str, Finding] = {}
    for finding in findings:
        unique.setdefault(finding.decision_key, finding)
    return list(unique.values())


def _finding_order(finding: Finding) -> tuple[int, float, str]:
    return (FINDING_ORDER.index(finding.kind), -finding.confidence, finding.id)


def _summary(findings: Sequence[Finding], stale: int, sources: int, claims: int) -> ReportSummary:
    counts: Counter[str] = Counter(f.kind for f in findings if f.status != "rejected")
    reviewed = sum(1 for f in findings if f.status != "unreviewed")
    return ReportSummary(
        findings={kind: counts.get(kind, 0) for kind in FINDING_ORDER},
        reviewed=reviewed,
        unreviewed=len(findings) - reviewed,
        stale_decisions=stale,
        sources=sources,
        claims=claims,
    )


def _report_source(source: Source) -> ReportSource:
    # The fields were validated when the source was made: no need to validate them again.
    return ReportSource.model_construct(**{f: getattr(source, f) for f in _REPORT_SOURCE_FIELDS})


_REPORT_SOURCE_FIELDS = tuple(ReportSource.model_fields)
_REPORT_FINDING_FIELDS = tuple(ReportFinding.model_fields)


def _report_claim(claim: Claim) -> ReportClaim:
    value: float | int | str | None
    detail: dict[str, Any] | None = None
    if isinstance(claim, CountClaim | QuantityClaim):
        low, high = claim.value.low, claim.value.high
        value = int(low) if low == high and float(low).is_integer() else claim.value.display()
        detail = claim.value.model_dump(mode="json")
        if isinstance(claim, CountClaim):
            detail["noun"] = claim.noun
            detail["noun_class"] = list(claim.noun_class)
    elif isinstance(claim, DateClaim):
        value = claim.value.iso() if claim.value else None
        detail = claim.value.model_dump(mode="json") if claim.value else {"unresolved": True}
    elif isinstance(claim, EventClaim):
        value = claim.value
        detail = {
            "participants": list(claim.participants),
            "place": claim.place,
            "date": claim.date.model_dump(mode="json") if claim.date else None,
        }
    elif isinstance(claim, QuoteClaim | RoleClaim):
        value = claim.value
    else:  # pragma: no cover - the union is exhaustive
        value = None
    return ReportClaim(
        id=claim.id,
        source=claim.source,
        kind=claim.kind,
        subject=claim.subject,
        predicate=claim.predicate,
        object=claim.object,
        value=value,
        value_detail=detail,
        event=claim.event,
        start=claim.start,
        end=claim.end,
        text=claim.text,
        sentence_start=claim.sentence_start,
        sentence_end=claim.sentence_end,
        attributed_to=claim.attributed_to,
    )


def _report_finding(finding: Finding) -> ReportFinding:
    return ReportFinding.model_construct(**{f: getattr(finding, f) for f in _REPORT_FINDING_FIELDS})


__all__ = [
    "PipelineResult",
    "StageHook",
    "analyse",
    "check",
    "collector_paused",
    "extract_all",
    "run",
]
