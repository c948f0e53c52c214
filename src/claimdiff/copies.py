"""Findings told again by copies: one finding that cites every copy.

A syndicated story repeats its claims word for word in every outlet that runs it. A
conflict between the wire story and another outlet is then found once per copy, and so
is every other finding about those claims: with five copies of each side, twenty-five
findings of one disagreement. Here, claims of dependent sources with the same kind, value
and words are one claim copied, and findings of one kind over the same copied claims
become one finding that cites all the copies' claims and sources. Its independent count
does not change: copies count once.

The folded finding keeps the id, evidence and decision key of one member (a reviewed one
if there is one, else the one with the smallest key), so that a decision made on it
still applies when another copy of the story is added.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from claimdiff.align import independent_count
from claimdiff.classify import evidence_item
from claimdiff.models import Claim, Finding
from claimdiff.unionfind import UnionFind


def fold_copies(
    findings: Sequence[Finding],
    claims: Mapping[str, Claim],
    dependent: Mapping[str, set[str]],
    copies: UnionFind | None = None,
) -> list[Finding]:
    """``findings`` with those about the same copied claims merged, in their first order.

    ``copies``: ``copied_claims(claims, dependent)``, if the caller has it already.
    """
    if not dependent:
        return list(findings)
    copies = copies or copied_claims(claims, dependent)
    groups: dict[tuple[str, frozenset[str]], list[Finding]] = {}
    for finding in findings:
        key: tuple[str, frozenset[str]]
        if finding.claims:
            key = (finding.kind, frozenset(copies.find(c) for c in finding.claims))
        else:  # about entities (a name variant): nothing copied to fold
            key = ("", frozenset([finding.decision_key]))
        groups.setdefault(key, []).append(finding)
    return [
        members[0] if len(members) == 1 else _merge(members, claims, dependent)
        for members in groups.values()
    ]


def one_claim_copied(claim_ids: Sequence[str], copies: UnionFind) -> bool:
    """Whether these claims are all one claim and its copies: comparing them can only find
    that copies agree, which corroborates nothing."""
    return len({copies.find(c) for c in claim_ids}) == 1


def copied_claims(claims: Mapping[str, Claim], dependent: Mapping[str, set[str]]) -> UnionFind:
    """Claims joined when their sources are dependent and they say the same words."""
    by_words: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims.values():
        if claim.source in dependent:
            by_words[evidence_item(claim)[len(claim.source) + 1 :]].append(claim)
    copies = UnionFind()
    for same in by_words.values():
        for index, claim in enumerate(same):
            for other in same[index + 1 :]:
                if other.source in dependent[claim.source]:
                    copies.union(claim.id, other.id)
    return copies


def _merge(
    members: Sequence[Finding], claims: Mapping[str, Claim], dependent: Mapping[str, set[str]]
) -> Finding:
    reviewed = [f for f in members if f.status != "unreviewed"]
    kept = reviewed[0] if reviewed else min(members, key=lambda f: f.decision_key)
    claim_ids = sorted({c for f in members for c in f.claims})
    sources = sorted({claims[c].source for c in claim_ids})
    return kept.model_copy(
        update={
            "claims": tuple(claim_ids),
            "sources": tuple(sources),
            "independent_sources": independent_count(sources, dependent),
            "confidence": max(f.confidence for f in members),
        }
    )


__all__ = ["copied_claims", "fold_copies", "one_claim_copied"]
