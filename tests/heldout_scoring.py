"""Scoring a held-out corpus (``tests/heldout_*``): claims, entities and findings against its
gold, from one run of the pipeline. Shared by the held-out test modules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimdiff.corpus import load_corpus
from claimdiff.evaluate import (
    ClaimScores,
    EntityScores,
    check_gold,
    load_alignment,
    load_gold,
    score_claims,
    score_entities,
)
from claimdiff.evaluate_findings import FindingOutcome, FindingScores, score_findings
from claimdiff.extract import extract_source
from claimdiff.models import SourceExtraction
from claimdiff.pipeline import analyse
from claimdiff.resolve import resolve


@dataclass(frozen=True)
class HeldoutScores:
    claims: ClaimScores
    entities: EntityScores
    findings: FindingScores
    outcomes: dict[str, FindingOutcome]
    extractions: dict[str, SourceExtraction]
    texts: dict[str, str]


def score_heldout(folder: Path) -> HeldoutScores:
    gold = load_gold(folder)
    sources = sorted(load_corpus(folder / "corpus").sources, key=lambda s: s.id)
    assert {s.id for s in sources} == set(gold)
    texts = {s.id: s.text for s in sources}
    assert check_gold(gold, texts) == []
    extractions = [extract_source(s) for s in sources]
    alignment = load_alignment(folder / "alignment" / "gold.json")
    resolution = resolve(extractions, published={s.id: s.published for s in sources})
    entities = score_entities(
        alignment.entities, resolution.entities, texts, must_not_merge=alignment.must_not_merge
    )
    report, _ = analyse(sources, extractions)
    findings = score_findings(alignment.findings, report, texts)
    return HeldoutScores(
        claims=score_claims(gold, extractions, texts),
        entities=entities,
        findings=findings,
        outcomes={o.id: o for o in findings.outcomes},
        extractions={e.source: e for e in extractions},
        texts=texts,
    )


def merged(scores: HeldoutScores, a: str, b: str) -> bool:
    """Whether the tool merged the gold entities named ``a`` and ``b``."""
    return any({w.gold_a, w.gold_b} == {a, b} for w in scores.entities.wrong_merges)


def claim_at(scores: HeldoutScores, source: str, needle: str, kind: type) -> object:
    """The first claim of ``kind`` overlapping the first occurrence of ``needle``."""
    start = scores.texts[source].index(needle)
    end = start + len(needle)
    for claim in scores.extractions[source].claims:
        if isinstance(claim, kind) and claim.start < end and start < claim.end:
            return claim
    raise AssertionError(f"no {kind.__name__} at {needle!r} in {source}")
