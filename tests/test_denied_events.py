"""A journey a sentence denies ("will not travel to") is no event to tell apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff.pipeline import run

VISIT = (
    "Visit\n\nBefore visiting Valdoria, Mr Marsh made a surprise visit to Ostravia, where he "
    "met leaders during his first trip to the city.\n"
)
TRAVEL = (
    "Football\n\nOstravian striker Tomas Brel {verb} to Valdoria for the match against "
    "Kestrel on Wednesday.\n"
)


@pytest.mark.parametrize(
    ("verb", "pairs"),
    [
        pytest.param("will travel", 1, id="a-journey-is-another-visit"),
        pytest.param("will not travel", 0, id="a-denied-journey-is-none"),
        pytest.param("won't travel", 0, id="a-contracted-denial-is-none"),
    ],
)
def test_denied_journeys_give_no_event_pair(tmp_path: Path, verb: str, pairs: int) -> None:
    (tmp_path / "a.txt").write_text(VISIT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TRAVEL.format(verb=verb), encoding="utf-8")
    report = run(tmp_path).report
    found = [f for f in report.findings if "different-event" in f.reasons]
    assert len(found) == pairs
