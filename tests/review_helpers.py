"""Hand-built reports for review/expect/CLI tests: no pipeline needed."""

from __future__ import annotations

import datetime as dt

from claimdiff.models import (
    FindingKind,
    MentionRef,
    Report,
    ReportClaim,
    ReportEntity,
    ReportFinding,
    ReportSource,
    ReportSummary,
    Source,
)
from claimdiff.pipeline import PipelineResult
from claimdiff.review import decision_key

TEXT_A = "Officials met in the capital. The two sides signed 17 memorandums on Monday."
TEXT_B = "During his visit the leaders signed 18 cooperation documents. Mr Emomali Rohman spoke."


def claim(cid: str, source: str, text: str, needle: str, value: int | str | None) -> ReportClaim:
    start = text.index(needle)
    sentence_start = text.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = text.index(".", start) + 1
    return ReportClaim(
        id=cid,
        source=source,
        kind="count",
        subject=None,
        predicate="signed",
        object=None,
        value=value,
        event=None,
        start=start,
        end=start + len(needle),
        text=needle,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
    )


CLAIMS = (
    claim("alpha:count:1", "alpha-0101", TEXT_A, "17 memorandums", 17),
    claim("beta:count:1", "beta-0202", TEXT_B, "18 cooperation documents", 18),
)
EVIDENCE_COUNTS = (
    "alpha-0101|count|17|17 memorandums",
    "beta-0202|count|18|18 cooperation documents",
)
EVIDENCE_NAMES = ("name|Emomali Rahmon", "name|Emomali Rohman")


def report_finding(
    fid: str,
    kind: FindingKind,
    evidence: tuple[str, ...],
    *,
    claims: tuple[str, ...] = (),
    entities: tuple[str, ...] = (),
    confidence: float = 0.8,
) -> ReportFinding:
    return ReportFinding(
        id=fid,
        kind=kind,
        summary=f"{kind}: {fid}",
        reasons=("count-mismatch",),
        claims=claims,
        entities=entities,
        sources=("alpha-0101", "beta-0202"),
        independent_sources=2,
        confidence=confidence,
        status="unreviewed",
        decision_key=decision_key(evidence),
        evidence=evidence,
    )


def make_report(findings: tuple[ReportFinding, ...] | None = None) -> Report:
    if findings is None:
        findings = (
            report_finding(
                "f-counts", "conflict", EVIDENCE_COUNTS, claims=tuple(c.id for c in CLAIMS)
            ),
            report_finding(
                "f-names", "name_variant", EVIDENCE_NAMES, entities=("e-rahmon",), confidence=0.6
            ),
        )
    start = TEXT_B.index("Emomali Rohman")
    return Report(
        generated_by="test",
        summary=ReportSummary(
            findings={},
            reviewed=0,
            unreviewed=len(findings),
            stale_decisions=0,
            sources=2,
            claims=2,
        ),
        sources=(
            ReportSource(
                id="alpha-0101",
                path="alpha-0101.txt",
                title="Alpha Daily",
                outlet=None,
                published=dt.date(2022, 5, 30),
                published_from="text",
            ),
            ReportSource(
                id="beta-0202",
                path="beta-0202.txt",
                title="Beta Post",
                outlet=None,
                published=None,
                published_from="none",
            ),
        ),
        entities=(
            ReportEntity(
                id="e-rahmon",
                kind="person",
                name="Emomali Rahmon",
                variants=("Emomali Rahmon", "Emomali Rohman"),
                roles=(),
                mentions=(
                    MentionRef(
                        source="beta-0202", start=start, end=start + 14, text="Emomali Rohman"
                    ),
                ),
            ),
        ),
        events=(),
        claims=CLAIMS,
        findings=findings,
    )


def make_result(report: Report | None = None) -> PipelineResult:
    sources = (
        Source(id="alpha-0101", path="alpha-0101.txt", text=TEXT_A, title="Alpha Daily"),
        Source(id="beta-0202", path="beta-0202.txt", text=TEXT_B, title="Beta Post"),
    )
    return PipelineResult(
        sources=sources, extractions=(), report=report or make_report(), warnings=()
    )
