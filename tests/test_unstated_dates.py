"""An event one source dates and another only calls recent (invented Lima articles)."""

from __future__ import annotations

from pathlib import Path

from claimdiff.models import Report
from claimdiff.pipeline import run

DATED = """Chilean Minister Visits Peru

Lima, 20 June 2023

The Chilean Energy Minister Laura Vidal visited Peru on Monday. The Chilean solar panel \
factory was inaugurated in Peru on June 12, 2023, with the presence of the Chilean Energy \
Minister.
"""

UNDATED = """Peru and Chile Talk Energy

Lima, 28 June 2023

The Peruvian President praised the {when}visit of the Chilean Energy Minister to Peru and \
the inauguration of a solar panel factory, saying: "Energy is the future of our region."
"""


def _report(folder: Path, when: str) -> Report:
    (folder / "dated.txt").write_text(DATED, encoding="utf-8")
    (folder / "undated.txt").write_text(UNDATED.format(when=when), encoding="utf-8")
    return run(folder).report


def _unstated(report: Report) -> list[str]:
    return [
        f.summary
        for f in report.findings
        if "date-unstated" in f.reasons and "inauguration" in f.summary
    ]


def test_recent_event_dated_by_another_source_is_vague_vs_specific(tmp_path: Path) -> None:
    report = _report(tmp_path, "recent ")
    (summary,) = _unstated(report)
    assert "'recent' vs June 12, 2023" in summary
    finding = next(f for f in report.findings if f.summary == summary)
    assert finding.kind == "vague_vs_specific"
    assert set(finding.sources) == {"dated", "undated"}


def test_source_silent_on_the_date_gives_no_finding(tmp_path: Path) -> None:
    assert _unstated(_report(tmp_path, "")) == []
