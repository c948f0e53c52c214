"""The review loop's core: a state machine that consumes keys and returns decisions.

No I/O and no clock: the caller (``cli/review.py``) reads keys, appends the returned lines to
the ``DecisionStore`` at once (so Ctrl-C loses nothing) and prints the messages.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from claimdiff.models import Decision
from claimdiff.review import (
    AnyFinding,
    ReviewState,
    Verdict,
    latest_states,
    make_decision,
    restore_lines,
)

KIND_ORDER: Mapping[str, int] = {
    "conflict": 0,
    "different_context": 1,
    "name_variant": 2,
    "title_variant": 2,
    "vague_vs_specific": 3,
    "agreement": 3,
}
HELP = "a accept  r reject  s skip  n note  u undo  ? help  q quit"

Action = Literal["decided", "noted", "skipped", "undone", "help", "quit", "need-note", "unknown"]


def review_order(findings: Iterable[AnyFinding]) -> list[AnyFinding]:
    """Conflicts first, then different_context, variants, then vague_vs_specific and agreements."""
    return sorted(findings, key=lambda f: (KIND_ORDER.get(f.kind, 9), -f.confidence, f.id))


@dataclass(frozen=True)
class Outcome:
    action: Action
    decisions: tuple[Decision, ...] = ()
    message: str = ""


@dataclass
class ReviewSession:
    """One key per action; returns the lines to append. No I/O: the caller appends and prints.

    ``now`` returns an ISO UTC timestamp; the CLI passes the clock, tests pass a constant.
    """

    findings: Sequence[AnyFinding]
    reviewer: str
    now: Callable[[], str]
    states: dict[str, ReviewState] = field(default_factory=dict)
    queue: list[AnyFinding] = field(init=False)
    position: int = field(init=False, default=0)
    stopped: bool = field(init=False, default=False)
    made: int = field(init=False, default=0)
    _decided: set[int] = field(init=False, default_factory=set)
    _history: list[tuple[int, ReviewState | None]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.states = dict(self.states)
        self.queue = review_order(self.findings)

    @property
    def current(self) -> AnyFinding | None:
        if self.stopped or self.position >= len(self.queue):
            return None
        return self.queue[self.position]

    @property
    def finished(self) -> bool:
        return self.current is None

    def progress(self) -> str:
        left = sum(
            1
            for i, f in enumerate(self.queue)
            if i >= self.position and i not in self._decided and f.kind == "conflict"
        )
        shown = min(self.position + 1, len(self.queue))
        noun = "conflict" if left == 1 else "conflicts"
        return f"{shown}/{len(self.queue)}, {left} {noun} left"

    def press(self, key: str) -> Outcome:
        key = key.strip().lower()[:1]
        finding = self.current
        if key == "q":
            self.stopped = True
            return Outcome("quit", message=f"{self.made} decisions recorded")
        if key == "?" or key == "h":
            return Outcome("help", message=HELP)
        if key == "u":
            return self._undo()
        if finding is None:
            return Outcome("quit", message="nothing left to review")
        if key in ("a", "r"):
            verdict: Verdict = "accept" if key == "a" else "reject"
            prior = self.states.get(finding.decision_key)
            note = prior.note if prior else None
            decision = make_decision(
                finding, verdict, reviewer=self.reviewer, at=self.now(), note=note
            )
            self._record(finding, [decision])
            self._decided.add(self.position)
            self.position += 1
            return Outcome("decided", (decision,), f"{verdict}ed {finding.id}")
        if key == "s":
            self.position += 1
            return Outcome("skipped", message=f"skipped {finding.id}")
        if key == "n":
            return Outcome("need-note", message="note: ")
        return Outcome("unknown", message=f"unknown key {key!r}; press ? for help")

    def note(self, text: str) -> Outcome:
        """The text after ``n``; an empty note is ignored. Stays on the same finding."""
        finding = self.current
        text = text.strip()
        if finding is None or not text:
            return Outcome("noted", message="no note added")
        decision = make_decision(finding, "note", reviewer=self.reviewer, at=self.now(), note=text)
        self._record(finding, [decision])
        return Outcome("noted", (decision,), f"noted {finding.id}")

    def _record(self, finding: AnyFinding, decisions: list[Decision]) -> None:
        self._history.append((self.position, self.states.get(finding.decision_key)))
        self.states = latest_states_from(self.states, decisions)
        self.made += 1

    def _undo(self) -> Outcome:
        if not self._history:
            return Outcome("unknown", message="nothing to undo")
        position, prior = self._history.pop()
        finding = self.queue[position]
        lines = restore_lines(
            finding.decision_key, finding.kind, prior, reviewer=self.reviewer, at=self.now()
        )
        self.states = latest_states_from(self.states, lines)
        self._decided.discard(position)
        self.position = position
        self.stopped = False
        self.made -= 1
        return Outcome("undone", tuple(lines), f"undid the last decision on {finding.id}")


def latest_states_from(
    states: Mapping[str, ReviewState], decisions: Sequence[Decision]
) -> dict[str, ReviewState]:
    """``states`` with further lines folded in (same rules as ``latest_states``)."""
    seeds = [
        restore_lines(k, s.finding_kind, s, reviewer=s.reviewer, at=s.at) for k, s in states.items()
    ]
    return latest_states([*itertools.chain.from_iterable(seeds), *decisions])
