"""Figures of one thing taken at different moments or measuring different moves."""

from __future__ import annotations

import pytest

from claimdiff.moments import (
    CLOSING_VS_INTRADAY,
    DIFFERENT_WEEKDAY,
    MARKET_UNDATED,
    OPPOSITE_MOVES,
    direction,
    figure_moments_differ,
)


def _span(sentence: str, figure: str) -> tuple[int, int]:
    start = sentence.index(figure)
    return start, start + len(figure)


def _differ(left: str, left_figure: str, right: str, right_figure: str) -> str | None:
    return figure_moments_differ(left, _span(left, left_figure), right, _span(right, right_figure))


@pytest.mark.parametrize(
    ("left", "left_figure", "right", "right_figure", "reason"),
    [
        pytest.param(
            "Valdoria's points tally rose to 12 after Saturday's win.",
            "12",
            "Valdoria slipped to 15 behind the leaders on Wednesday.",
            "15",
            DIFFERENT_WEEKDAY,
            id="two-weekdays",
        ),
        pytest.param(
            "The Kestrel index lost 1.3% in the session.",
            "1.3%",
            "The Kestrel index rose 0.9% in the session.",
            "0.9%",
            OPPOSITE_MOVES,
            id="lost-vs-rose",
        ),
        pytest.param(
            "An estimate was cut to a 0.3% decline in Ostravia.",
            "0.3%",
            "That follows the 0.2% growth seen in Ostravia.",
            "0.2%",
            OPPOSITE_MOVES,
            id="decline-vs-growth-after-the-figure",
        ),
        pytest.param(
            "Shares in Brightwater were up 5% by noon on Monday.",
            "5%",
            "Shares in Brightwater closed up 4.75% on Monday.",
            "4.75%",
            CLOSING_VS_INTRADAY,
            id="noon-vs-close",
        ),
        pytest.param(
            "Brightwater's shares were suspended at 4.25 dollars.",
            "4.25",
            "Brightwater's shares stood at 4.76 dollars after the bid.",
            "4.76",
            MARKET_UNDATED,
            id="market-level-without-a-day",
        ),
    ],
)
def test_figures_of_two_moments_differ(
    left: str, left_figure: str, right: str, right_figure: str, reason: str
) -> None:
    assert _differ(left, left_figure, right, right_figure) == reason


def test_one_fact_told_twice_has_no_differing_moment() -> None:
    assert (
        _differ(
            "The Ostravian economy grew at a rate of 3.9% in the quarter.",
            "3.9%",
            "The Ostravian economy grew at a rate of 3.7% in the quarter.",
            "3.7%",
        )
        is None
    )


def test_same_weekday_market_level_is_comparable() -> None:
    assert (
        _differ(
            "Shares in Brightwater closed at 4.25 dollars on Friday.",
            "4.25",
            "Shares in Brightwater closed at 4.45 dollars on Friday.",
            "4.45",
        )
        is None
    )


def test_direction_prefers_the_word_after_the_figure() -> None:
    sentence = "An estimate of growth was cut to a 0.3% decline."
    assert direction(sentence, _span(sentence, "0.3%")) == "fall"
