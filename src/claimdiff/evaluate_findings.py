"""Score the report's verdicts against hand-made expected findings (gold/alignment/*.json).

An expected finding names its claims (or, for variants, its mentions) by their text in the
source. A report finding *touches* it when, for every named claim, it cites a claim whose
span overlaps that text (for variants: its entity has a mention overlapping each named
mention). The expected item is then:

- ``correct`` when every touching finding has an acceptable kind and together they cite
  every named claim (three signings may come as pairwise findings);
- ``wrong`` when a touching finding has a kind listed in ``must_not_be``;
- ``missed`` otherwise (nothing touches it, or only findings of other kinds do).

Precision is correct / (correct + wrong): how often a verdict on a known item is right.
Recall is correct / items that name a kind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimdiff.evaluate import GoldFinding, locate
from claimdiff.models import Report, ReportFinding


@dataclass(frozen=True)
class FindingOutcome:
    id: str
    status: str  # "correct" | "wrong" | "missed" | "clean" (a negative item with no violation)
    expected: str
    found: tuple[str, ...]


@dataclass(frozen=True)
class FindingScores:
    outcomes: tuple[FindingOutcome, ...]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def precision(self) -> float:
        judged = self.count("correct") + self.count("wrong")
        return self.count("correct") / judged if judged else 0.0

    @property
    def recall(self) -> float:
        positives = sum(1 for o in self.outcomes if o.expected != "-")
        return self.count("correct") / positives if positives else 0.0


def _span(texts: Mapping[str, str], source: str, text: str, occurrence: int) -> tuple[int, int]:
    return locate(texts.get(source, ""), text, occurrence) or (-1, -1)


def _covered(
    gold: GoldFinding, finding: ReportFinding, report: Report, texts: Mapping[str, str]
) -> set[int]:
    """Which of the gold item's claims the finding cites."""
    claims = {c.id: c for c in report.claims}
    covered: set[int] = set()
    for index, ref in enumerate(gold.claims):
        start, end = _span(texts, ref.source, ref.text, ref.occurrence)
        if any(
            (c := claims.get(cid)) is not None
            and c.source == ref.source
            and c.start < end
            and start < c.end
            for cid in finding.claims
        ):
            covered.add(index)
    return covered


def _touches(
    gold: GoldFinding, finding: ReportFinding, report: Report, texts: Mapping[str, str]
) -> bool:
    if gold.claims:
        # Three signings may be reported as three pairwise findings: two claims suffice.
        return len(_covered(gold, finding, report, texts)) >= min(2, len(gold.claims))
    if gold.mentions and finding.kind in {"name_variant", "title_variant"}:
        if gold.kind in {"name_variant", "title_variant"} and finding.kind != gold.kind:
            return False  # a person's titles say nothing of how his name is spelled
        entities = [e for e in report.entities if e.id in finding.entities]
        for ref in gold.mentions:
            start, end = _span(texts, ref.source, ref.text, ref.occurrence)
            if not any(
                m.source == ref.source and m.start < end and start < m.end
                for e in entities
                for m in e.mentions
            ):
                return False
        return True
    return False


def _complete(
    gold: GoldFinding,
    touching: Sequence[ReportFinding],
    report: Report,
    texts: Mapping[str, str],
) -> bool:
    if not gold.claims:
        return bool(touching)
    covered: set[int] = set()
    for finding in touching:
        covered |= _covered(gold, finding, report, texts)
    return len(covered) == len(gold.claims)


def score_findings(
    expected: Sequence[GoldFinding], report: Report, texts: Mapping[str, str]
) -> FindingScores:
    outcomes: list[FindingOutcome] = []
    for gold in expected:
        touching = [f for f in report.findings if _touches(gold, f, report, texts)]
        kinds = tuple(sorted({f.kind for f in touching}))
        acceptable = set(gold.acceptable_kinds or ((gold.kind,) if gold.kind else ()))
        if any(k in gold.must_not_be for k in kinds):
            status = "wrong"
        elif gold.kind is None:
            status = "clean"
        elif kinds and set(kinds) <= acceptable and _complete(gold, touching, report, texts):
            status = "correct"
        else:
            status = "missed"
        outcomes.append(FindingOutcome(gold.id, status, gold.kind or "-", kinds))
    return FindingScores(tuple(outcomes))


def render_finding_scores(scores: FindingScores) -> str:
    lines = [
        "",
        "findings, against the expected list",
        f"{'item':44} {'expected':18} {'found':34} status",
    ]
    for outcome in scores.outcomes:
        found = ", ".join(outcome.found) or "-"
        lines.append(f"{outcome.id[:44]:44} {outcome.expected:18} {found[:34]:34} {outcome.status}")
    lines.append(
        f"correct {scores.count('correct')}, wrong {scores.count('wrong')}, "
        f"missed {scores.count('missed')}; precision {scores.precision:.3f}, "
        f"recall {scores.recall:.3f}"
    )
    return "\n".join(lines) + "\n"
