"""A figure in brackets converts the one before it: only the original is compared."""

from __future__ import annotations

from pathlib import Path

from claimdiff.pipeline import run

SENTENCE = (
    "The film Northern Lights by studio Kestrel Pictures took {figures} outside the US on "
    "its opening weekend, the studio said.\n"
)


def test_a_bracketed_conversion_is_not_compared_again(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Film takings\n\n" + SENTENCE.format(figures="$300m (£160m)"), encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Box office\n\n" + SENTENCE.format(figures="$259m (£137m)"), encoding="utf-8"
    )
    report = run(tmp_path).report
    claims = {c.id: c.text for c in report.claims}
    compared = [sorted(claims[c] for c in f.claims) for f in report.findings]
    assert ["$259m", "$300m"] in compared
    assert all("£160m" not in pair for pair in compared)
