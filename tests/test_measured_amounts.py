"""Amounts that name no actor ("bilateral trade reached $5m") compared across the
sources of one story, and tolls written as a verb and a bare number."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import source
from claimdiff.align import amount_measures, dateline_countries, figure_year
from claimdiff.extract import ExtractionContext
from claimdiff.extract.numbers import extract_numbers
from claimdiff.models import QuantityClaim, Report, ReportFinding
from claimdiff.pipeline import run


def _corpus(tmp_path: Path, texts: dict[str, str]) -> Report:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return run(tmp_path).report


def _findings(report: Report, *texts: str) -> list[ReportFinding]:
    """Findings that cite exactly claims with these texts."""
    claims = {c.id: c for c in report.claims}
    wanted = set(texts)
    return [f for f in report.findings if {claims[c].text for c in f.claims} == wanted]


CHILE_PERU = "Chile and Peru signed accords as the Chilean and Peruvian presidents met."


def test_trade_figures_of_two_years_are_different_context(tmp_path: Path) -> None:
    report = _corpus(
        tmp_path,
        {
            "a": f"{CHILE_PERU} Bilateral trade reached $310 million in 2022, officials said.",
            "b": f"{CHILE_PERU} Bilateral trade rose to $350 million in 2023, officials said.",
        },
    )
    (finding,) = _findings(report, "$310 million", "$350 million")
    assert finding.kind == "different_context"
    assert "different-time" in finding.reasons


def test_a_rounded_trade_figure_of_one_story_agrees(tmp_path: Path) -> None:
    report = _corpus(
        tmp_path,
        {
            "a": f"{CHILE_PERU} Bilateral trade reached $350 million in 2023.",
            "b": f"{CHILE_PERU} The trade turnover in 2023 amounted to 350.2 million US dollars.",
        },
    )
    (finding,) = _findings(report, "$350 million", "350.2 million US dollars")
    assert finding.kind == "agreement"


def test_a_hedged_figure_meets_the_nearest_exact_one(tmp_path: Path) -> None:
    report = _corpus(
        tmp_path,
        {
            "a": f"{CHILE_PERU} Trade between them was worth more than $300m last year.",
            "b": f"{CHILE_PERU} Bilateral trade reached $310 million in 2022.",
            "c": f"{CHILE_PERU} Bilateral trade reached $420 million in 2023.",
        },
    )
    (near,) = _findings(report, "more than $300m", "$310 million")
    assert near.kind == "vague_vs_specific"
    assert not _findings(report, "more than $300m", "$420 million")


def test_trade_of_a_one_country_story_meets_nothing(tmp_path: Path) -> None:
    # Every story of a national outlet is about its own country: one shared country is
    # no evidence that two trade figures measure the same thing.
    report = _corpus(
        tmp_path,
        {
            "a": "Chile said on Monday that its trade reached $310 million in 2022.",
            "b": "Chile said on Friday that its trade reached $350 million in 2023.",
        },
    )
    assert not _findings(report, "$310 million", "$350 million")


def test_a_target_is_not_compared_with_a_level(tmp_path: Path) -> None:
    report = _corpus(
        tmp_path,
        {
            "a": f"{CHILE_PERU} The presidents agreed to raise trade to $1 billion.",
            "b": f"{CHILE_PERU} Bilateral trade reached $1.1 billion last year.",
        },
    )
    assert not _findings(report, "$1 billion", "$1.1 billion")


def _quantity(text: str, figure: str) -> QuantityClaim:
    records = extract_numbers(ExtractionContext.for_source(source("t", text)), ())
    return next(r for r in records if isinstance(r, QuantityClaim) and r.text == figure)


@pytest.mark.parametrize(
    ("text", "figure", "measures"),
    [
        ("Bilateral trade reached $5 million in 2020.", "$5 million", {"trade"}),
        ("They set a target of $2 billion.", "$2 billion", {"target"}),
        ("They agreed to lift trade to $2 billion.", "$2 billion", {"target"}),
        ("They set up a joint fund of $40 million.", "$40 million", {"fund"}),
        ("He said he wanted trade to reach $3 billion.", "$3 billion", {"target"}),
        ("Bilateral trade is set to rise 4%, to reach $3 billion.", "$3 billion", {"trade"}),
        ("The trade deficit grew to $9 billion.", "$9 billion", set()),
        ("The trade union paid $2 million.", "$2 million", set()),
    ],
)
def test_an_amount_measures_what_the_words_before_it_name(
    text: str, figure: str, measures: set[str]
) -> None:
    assert amount_measures(text, _quantity(text, figure)) == measures


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        ("Trade rose from $4m in 2019 to $6m in 2020.", "$4m", 2019),
        ("Trade rose from $4m in 2019 to $6m in 2020.", "$6m", 2020),
        ("Trade reached $6m in 2020, up 12 percent.", "12 percent", 2020),
        ("The goal went from $1bn, set in Lima, to $2bn by 2030.", "$1bn", None),
    ],
)
def test_a_figure_takes_the_year_next_to_it(text: str, figure: str, year: int | None) -> None:
    assert figure_year(text, _quantity(text, figure)) == year


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("LIMA, May 3 (Agency) - The talks began late on a cold and rainy morning.", {"Peru"}),
        (
            "Headline\n\nOSORNO, Chile, May 3 (Agency) - Rain fell all day over the south"
            " of the country.",
            {"Chile"},
        ),
        ("Quiet day in Lima.", set()),
    ],
)
def test_a_dateline_names_the_country_of_the_story(text: str, countries: set[str]) -> None:
    assert dateline_countries(text) == countries


def test_targets_of_different_deadlines_are_different_context(tmp_path: Path) -> None:
    report = _corpus(
        tmp_path,
        {
            "a": f"{CHILE_PERU} The presidents set a target of $2 billion in five years.",
            "b": f"{CHILE_PERU} The presidents agreed to raise trade to $5 billion by 2035.",
            "c": "Peru and Chile agreed to aim for $2 billion in trade, a target set in Lima.",
        },
    )
    reset = _findings(report, "$2 billion", "$5 billion")
    assert reset and {f.kind for f in reset} == {"different_context"}
    assert [f.kind for f in _findings(report, "$2 billion")] == ["agreement"]
