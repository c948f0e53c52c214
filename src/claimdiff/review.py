"""Review decisions: stable keys, an append-only JSONL log, and what a decision means next run.

The log (``claims/decisions.jsonl``) holds one ``Decision`` per line, in the order they were
made. The *file order* decides which line is the latest for a key, not the ``at`` timestamps
(two reviewers' clocks may disagree). Lines are never rewritten: an undo is a new line.

Folding the lines of one key, oldest first:

- ``accept`` / ``reject`` set the whole state: verdict, reviewer, time and note;
- ``note`` replaces only the note and keeps the verdict;
- ``unset`` forgets everything before it, so the finding is unreviewed again.

Decisions are keyed by ``decision_key``: a hash of the sorted evidence strings, never of
scores or offsets, so re-scoring or an added article keeps them (as in Prodigy's hashes).
"""

from __future__ import annotations

import fcntl
import hashlib
import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import TypeAdapter, ValidationError

from claimdiff.errors import InputErrors, StoreError
from claimdiff.models import Decision, Finding, FindingKind, ReportFinding, StaleDecision

DECISION_ADAPTER: TypeAdapter[Decision] = TypeAdapter(Decision)
DECISIONS_FILE = "decisions.jsonl"
NAME_EVIDENCE_PREFIX = "name|"

# Reason codes added to a finding by a reviewer's decision.
REVIEWER_SAME_EVENT = "reviewer-same-event"
REVIEWER_NOT_SAME_FACT = "reviewer-not-same-fact"
REVIEWER_CANNOT_LINK = "reviewer-cannot-link"

Verdict = Literal["accept", "reject"]
AnyFinding = Finding | ReportFinding


# --------------------------------------------------------------------------- keys


def decision_key(evidence: Iterable[str]) -> str:
    """First 16 hex digits of the sha256 of the sorted unique evidence strings."""
    joined = "\n".join(sorted(set(evidence)))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def evidence_names(evidence: Iterable[str]) -> tuple[str, ...]:
    """The variants named by ``name|<variant>`` evidence items, sorted."""
    return tuple(
        sorted({e[len(NAME_EVIDENCE_PREFIX) :] for e in evidence if e.startswith("name|")})
    )


# --------------------------------------------------------------------------- store


class DecisionStore:
    """``decisions.jsonl``: read with line-numbered errors, appended to atomically."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def read(self) -> tuple[list[Decision], list[StoreError]]:
        """Every valid decision in file order, and one error per bad line (the rest kept)."""
        if not self.path.exists():
            return [], []
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            return [], [StoreError(f"cannot read: {exc.strerror}", path=str(self.path))]
        decisions: list[Decision] = []
        errors: list[StoreError] = []
        for number, line in enumerate(raw.split(b"\n"), start=1):
            if not line.strip():
                continue
            try:
                decisions.append(DECISION_ADAPTER.validate_json(line))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ()))
                detail = f"{where}: {first['msg']}" if where else first["msg"]
                errors.append(
                    StoreError(f"invalid decision: {detail}", path=str(self.path), line=number)
                )
        return decisions, errors

    def load(self) -> list[Decision]:
        """Every decision; any bad line raises ``InputErrors`` naming each ``path:line``."""
        decisions, errors = self.read()
        if errors:
            raise InputErrors(errors)
        return decisions

    def append(self, decisions: Sequence[Decision]) -> None:
        """Append lines with one ``write`` on an ``O_APPEND`` descriptor, under ``flock``.

        Two processes appending at once each land whole lines; a file whose last line lacks
        its newline (an editor's doing) gets one first, so no two records share a line.
        """
        if not decisions:
            return
        data = "".join(decision_line(d) for d in decisions).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    data = b"\n" + data
                written = os.write(fd, data)
                while written < len(data):  # regular files do not short-write; be safe anyway
                    written += os.write(fd, data[written:])
                os.fsync(fd)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def decision_line(decision: Decision) -> str:
    """One JSON object per line, fields in model order, UTF-8 unescaped: diffs stay readable."""
    return decision.model_dump_json(exclude_none=True) + "\n"


# --------------------------------------------------------------------------- folding


@dataclass(frozen=True)
class ReviewState:
    """Where one key stands after folding its lines; ``verdict`` None means only a note."""

    key: str
    verdict: Verdict | None
    finding_kind: FindingKind
    reviewer: str
    at: str
    note: str | None = None
    evidence: tuple[str, ...] = ()
    summary: str | None = None


def latest_states(decisions: Iterable[Decision]) -> dict[str, ReviewState]:
    """Fold the log in file order: the latest line per key wins, ``unset`` cancels."""
    states: dict[str, ReviewState] = {}
    for d in decisions:
        before = states.get(d.key)
        if d.verdict == "unset":
            states.pop(d.key, None)
        elif d.verdict == "note":
            if before is None:
                states[d.key] = ReviewState(
                    d.key, None, d.finding_kind, d.reviewer, d.at, d.note, d.evidence, d.summary
                )
            else:
                states[d.key] = ReviewState(
                    before.key,
                    before.verdict,
                    before.finding_kind,
                    before.reviewer,
                    before.at,
                    d.note,
                    before.evidence or d.evidence,
                    before.summary or d.summary,
                )
        else:
            evidence = d.evidence or (before.evidence if before else ())
            states[d.key] = ReviewState(
                d.key, d.verdict, d.finding_kind, d.reviewer, d.at, d.note, evidence, d.summary
            )
    return states


def make_decision(
    finding: AnyFinding,
    verdict: Literal["accept", "reject", "note", "unset"],
    *,
    reviewer: str,
    at: str,
    note: str | None = None,
) -> Decision:
    return Decision(
        key=finding.decision_key,
        verdict=verdict,
        finding_kind=finding.kind,
        reviewer=reviewer,
        at=at,
        note=note,
        evidence=finding.evidence,
        summary=finding.summary,
    )


def restore_lines(
    key: str, kind: FindingKind, prior: ReviewState | None, *, reviewer: str, at: str
) -> list[Decision]:
    """Lines that bring ``key`` back to ``prior`` (undo); an earlier verdict is re-stated as is."""
    unset = Decision(key=key, verdict="unset", finding_kind=kind, reviewer=reviewer, at=at)
    if prior is None:
        return [unset]
    common = {
        "key": key,
        "finding_kind": prior.finding_kind,
        "reviewer": prior.reviewer,
        "at": prior.at,
        "note": prior.note,
        "evidence": prior.evidence,
        "summary": prior.summary,
    }
    if prior.verdict is None:
        return [unset, Decision(verdict="note", **common)]
    return [Decision(verdict=prior.verdict, **common)]


# ------------------------------------------------------------------ meaning on the next run


def apply_decisions(
    findings: Sequence[Finding], decisions: Iterable[Decision]
) -> tuple[list[Finding], list[StaleDecision]]:
    """Findings with each latest decision applied, and the decisions whose evidence is gone.

    - accept: the finding is confirmed (``status="accepted"``), kind unchanged;
    - reject a ``conflict``: not the same fact; ``status="rejected"``, so it stops counting;
    - reject a ``different_context``: the same event after all; it becomes an accepted
      ``conflict`` (and a later verdict on that conflict is honoured on the same key);
    - reject a ``name_variant``: the names are kept apart next run (see ``cannot_link_names``),
      so its finding disappearing is expected, not stale;
    - reject anything else: ``status="rejected"``.

    A decision whose kind no longer matches the finding's is reported stale and not applied.
    """
    states = latest_states(decisions)
    applied: list[Finding] = []
    stale: list[StaleDecision] = []
    seen: set[str] = set()
    for finding in findings:
        state = states.get(finding.decision_key)
        if state is None:
            applied.append(finding)
            continue
        seen.add(finding.decision_key)
        updated, why = _apply_one(finding, state)
        applied.append(updated)
        if why is not None:
            stale.append(_stale(state, why))
    for key, state in states.items():
        if key in seen:
            continue
        why = _why_missing(state, findings)
        if why is not None:
            stale.append(_stale(state, why))
    return applied, stale


def _apply_one(finding: Finding, state: ReviewState) -> tuple[Finding, str | None]:
    reviewed = {"reviewer": state.reviewer, "reviewed_at": state.at, "note": state.note}
    if state.verdict is None:
        return finding.model_copy(update={"note": state.note}), None
    compatible = state.finding_kind == finding.kind or (
        finding.kind == "different_context" and state.finding_kind == "conflict"
    )
    if not compatible:
        why = (
            f"kind changed: decided on a {state.finding_kind}, "
            f"the same evidence is now classified {finding.kind} ({finding.id})"
        )
        return finding, why
    update: dict[str, object] = dict(reviewed)
    reason: str | None = None
    if finding.kind == "different_context":
        # Rejecting "different context" means "same event"; the conflict it then shows can be
        # decided again under the same key.
        same_event = (state.finding_kind == "different_context") == (state.verdict == "reject")
        update["status"] = "accepted"
        if same_event:
            update["kind"] = "conflict"
            reason = REVIEWER_SAME_EVENT
    else:
        update["status"] = "accepted" if state.verdict == "accept" else "rejected"
        if state.verdict == "reject" and finding.kind == "conflict":
            reason = REVIEWER_NOT_SAME_FACT
        elif state.verdict == "reject" and finding.kind == "name_variant":
            reason = REVIEWER_CANNOT_LINK
    if reason is not None and reason not in finding.reasons:
        update["reasons"] = (*finding.reasons, reason)
    return finding.model_copy(update=update), None


def _why_missing(state: ReviewState, findings: Sequence[Finding]) -> str | None:
    if state.verdict == "reject" and state.finding_kind == "name_variant":
        pairs = _name_pairs(state.evidence)
        for finding in findings:
            if finding.kind != "name_variant":
                continue
            names = set(evidence_names(finding.evidence))
            for pair in sorted(pairs, key=sorted):
                if pair <= names:
                    a, b = sorted(pair)
                    return (
                        f"names {a!r} and {b!r} were split by the reviewer, "
                        f"but {finding.id} merges them again"
                    )
        return None  # honoured: the resolver kept the names apart
    if not state.evidence:
        return "finding no longer produced (the decision recorded no evidence to compare)"
    wanted = set(state.evidence)
    best: tuple[float, bool, str] | None = None
    best_finding: Finding | None = None
    for finding in findings:
        shared = wanted & set(finding.evidence)
        if not shared:
            continue
        score = len(shared) / len(wanted | set(finding.evidence))
        rank = (score, finding.kind == state.finding_kind, finding.id)
        if best is None or rank[:2] > best[:2] or (rank[:2] == best[:2] and rank[2] < best[2]):
            best, best_finding = rank, finding
    if best_finding is None:
        return "finding no longer produced; no current finding shares its evidence: " + _items(
            sorted(wanted)
        )
    current = set(best_finding.evidence)
    gone = sorted(wanted - current)
    new = sorted(current - wanted)
    parts = [
        f"evidence changed; closest current finding {best_finding.id} ({best_finding.kind}) "
        f"shares {len(wanted & current)} of {len(wanted)} items"
    ]
    if gone:
        parts.append("gone: " + _items(gone))
    if new:
        parts.append("new: " + _items(new))
    return "; ".join(parts)


def _items(items: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(repr(i) for i in items[:limit])
    return shown + (f" (+{len(items) - limit} more)" if len(items) > limit else "")


def _stale(state: ReviewState, why: str) -> StaleDecision:
    return StaleDecision(
        key=state.key,
        verdict=state.verdict or "note",
        finding_kind=state.finding_kind,
        reviewer=state.reviewer,
        summary=state.summary,
        why=why,
    )


def _name_pairs(evidence: Iterable[str]) -> set[frozenset[str]]:
    names = evidence_names(evidence)
    return {frozenset(pair) for pair in itertools.combinations(names, 2)}


def cannot_link_names(decisions: Iterable[Decision]) -> frozenset[frozenset[str]]:
    """Pairs of names the resolver must keep apart: from the latest rejected name_variants."""
    pairs: set[frozenset[str]] = set()
    for state in latest_states(decisions).values():
        if state.verdict == "reject" and state.finding_kind == "name_variant":
            pairs |= _name_pairs(state.evidence)
    return frozenset(pairs)
