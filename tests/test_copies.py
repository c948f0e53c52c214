"""copies.fold_copies: a finding told again by copies of its sources is one finding."""

from __future__ import annotations

from builders import count
from claimdiff.copies import copied_claims, fold_copies, one_claim_copied
from claimdiff.models import Claim, Finding


def _conflict(key: str, *claims: Claim, status: str = "unreviewed") -> Finding:
    return Finding(
        id=f"F-{key}",
        kind="conflict",
        summary="9 vs 11",
        reasons=("count-mismatch",),
        claims=tuple(c.id for c in claims),
        sources=tuple(sorted({c.source for c in claims})),
        independent_sources=2,
        confidence=0.75,
        decision_key=key,
        status=status,  # type: ignore[arg-type]
    )


ORIGINAL, COPY, OTHER = count("wire", 9, "deal"), count("copy", 9, "deal"), count("b", 11, "deal")
CLAIMS = {c.id: c for c in (ORIGINAL, COPY, OTHER)}
COPIES = {"wire": {"copy"}, "copy": {"wire"}}


def test_findings_over_copied_claims_become_one_citing_every_copy() -> None:
    (folded,) = fold_copies(
        [_conflict("k2", ORIGINAL, OTHER), _conflict("k1", COPY, OTHER)], CLAIMS, COPIES
    )
    assert folded.sources == ("b", "copy", "wire")
    assert folded.independent_sources == 2
    assert folded.decision_key == "k1"  # the smallest key, whatever the order
    assert set(folded.claims) == set(CLAIMS)


def test_a_reviewed_finding_keeps_its_key_when_a_copy_is_added() -> None:
    reviewed = _conflict("k2", ORIGINAL, OTHER, status="accepted")
    (folded,) = fold_copies([_conflict("k1", COPY, OTHER), reviewed], CLAIMS, COPIES)
    assert (folded.decision_key, folded.status) == ("k2", "accepted")


def test_without_dependent_sources_or_with_other_words_nothing_is_folded() -> None:
    findings = [_conflict("k2", ORIGINAL, OTHER), _conflict("k1", COPY, OTHER)]
    assert fold_copies(findings, CLAIMS, {}) == findings
    reworded = count("copy", 9, "agreement")
    claims = {**CLAIMS, reworded.id: reworded}
    findings = [_conflict("k2", ORIGINAL, OTHER), _conflict("k1", reworded, OTHER)]
    assert fold_copies(findings, claims, COPIES) == findings


def test_a_claim_and_its_copies_are_one_claim_even_through_the_original() -> None:
    second = count("copy2", 9, "deal")
    claims = {**CLAIMS, second.id: second}
    # Both copies copy the wire story; they need not share enough text with each other.
    dependent = {"wire": {"copy", "copy2"}, "copy": {"wire"}, "copy2": {"wire"}}
    copies = copied_claims(claims, dependent)
    assert one_claim_copied((COPY.id, second.id), copies)
    assert one_claim_copied((ORIGINAL.id, COPY.id), copies)
    assert not one_claim_copied((ORIGINAL.id, OTHER.id), copies)
