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


def _precision_findings(tmp_path: Path, left: str, right: str) -> list[str]:
    (tmp_path / "a.txt").write_text("Markets\n\n" + left + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trading\n\n" + right + "\n", encoding="utf-8")
    report = run(tmp_path).report
    return [f.summary for f in report.findings if f.kind == "vague_vs_specific"]


def test_one_move_at_two_precisions_is_vague_vs_specific(tmp_path: Path) -> None:
    assert _precision_findings(
        tmp_path,
        "The Kestrel index of Ostravia rose 1.3% in the session, traders in Ostravia said.",
        "The Kestrel index of Ostravia rose 1.25% in the session, traders in Ostravia said.",
    )


def test_two_figures_at_one_precision_that_differ_are_not_vague_vs_specific(
    tmp_path: Path,
) -> None:
    # 1.6% stands for 1.55-1.65 and 1.7% for 1.65-1.75: they touch, they do not overlap.
    left = "The economy of Ostravia grew 1.6% last year after shrinking in the year before."
    right = "The economy of Ostravia grew 1.7% last year after shrinking in the year before."
    assert not _precision_findings(tmp_path, left, right)
    kinds = {f.kind for f in run(tmp_path).report.findings}
    assert kinds == {"conflict"}


def test_one_number_for_a_rise_and_for_a_fall_is_no_agreement(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Markets\n\nThe economy of Ostravia saw 0.1% growth between July and September.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Trading\n\nThe economy of Ostravia saw a 0.1% contraction between July and September.\n",
        encoding="utf-8",
    )
    assert not [f for f in run(tmp_path).report.findings if f.kind == "agreement"]
    (tmp_path / "b.txt").write_text(
        "Trading\n\nThe economy of Ostravia saw 0.1% growth between July and September.\n",
        encoding="utf-8",
    )
    assert [f for f in run(tmp_path).report.findings if f.kind == "agreement"]


def test_a_fall_and_a_rise_are_not_one_figure(tmp_path: Path) -> None:
    assert not _precision_findings(
        tmp_path,
        "The Kestrel index of Ostravia lost 1.3% in the session, traders in Ostravia said.",
        "The Kestrel index of Ostravia rose 1.25% in the session, traders in Ostravia said.",
    )


def test_conversions_listed_after_a_semicolon_are_not_compared(tmp_path: Path) -> None:
    sentence = (
        "Brightwater agreed a $2bn ({euros} euros; {pounds}) settlement with the carmaker "
        "Kestrel over its stake in Ostravia."
    )
    assert not _precision_findings(
        tmp_path,
        sentence.format(euros="1.53bn", pounds="£1.05bn"),
        sentence.format(euros="1.55bn", pounds="£1.1bn"),
    )
