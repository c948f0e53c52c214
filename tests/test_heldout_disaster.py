"""Held-out corpus (tests/heldout_disaster): an invented earthquake, six outlets, three days.

Floors sit a little below what the code measured when the corpus was written, so a
regression fails; each planted finding has its own test. Planted items the code gets wrong
are strict xfails: a fix flips them and the marker must go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from heldout_scoring import HeldoutScores as Measured
from heldout_scoring import score_heldout

HELDOUT = Path(__file__).parent / "heldout_disaster"


@pytest.fixture(scope="module")
def measured() -> Measured:
    return score_heldout(HELDOUT)


def _status(measured: Measured, item: str) -> str:
    (outcome,) = [o for o in measured.findings.outcomes if o.id == item]
    return outcome.status


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# --------------------------------------------------------------------------- floors


def test_claim_scores_stay_above_the_held_out_floor(measured: Measured) -> None:
    strict, span = measured.claims.strict_total, measured.claims.span_total
    assert strict.precision >= 0.85 and strict.recall >= 0.67  # measured 0.889 / 0.707
    assert span.precision >= 0.90 and span.recall >= 0.70  # measured 0.932 / 0.741


def test_dates_and_counts_stay_above_their_floors(measured: Measured) -> None:
    strict = measured.claims.strict
    assert strict["date"].recall >= 0.90  # measured 0.933
    assert strict["count"].precision >= 0.95 and strict["count"].recall >= 0.70  # 1.0 / 0.732


def test_entity_clusters_stay_above_the_floor(measured: Measured) -> None:
    assert measured.entities.precision >= 0.97  # measured 1.000
    assert measured.entities.recall >= 0.44  # measured 0.467


def test_no_planted_finding_gets_a_forbidden_kind(measured: Measured) -> None:
    assert measured.findings.count("wrong") == 0
    assert measured.findings.count("correct") >= 2


def test_people_sharing_a_surname_or_a_province_stay_apart(measured: Measured) -> None:
    assert measured.entities.wrong_merges == ()


# --------------------------------------------------------------------------- got right


def test_dollar_pledge_in_digits_and_in_words_agrees(measured: Measured) -> None:
    assert _status(measured, "us-aid-5m-words-vs-digits") == "correct"


def test_mehmood_and_mahmood_are_one_name(measured: Measured) -> None:
    assert _status(measured, "mehmood-mahmood") == "correct"


def test_a_pound_pledge_converted_to_dollars_is_no_conflict_with_another_donor(
    measured: Measured,
) -> None:
    assert _status(measured, "uk-aid-in-dollars-not-us-aid") == "clean"


def test_two_afridis_on_medicines_are_not_one_statement(measured: Measured) -> None:
    assert _status(measured, "medicines-two-afridis") == "clean"


# --------------------------------------------------------------------------- missed today


def test_two_agencies_tolls_for_one_day_conflict(measured: Measured) -> None:
    assert _status(measured, "toll-31-vs-38-wednesday") == "correct"


def test_two_agencies_injured_counts_for_one_day_conflict(measured: Measured) -> None:
    assert _status(measured, "injured-118-vs-126-wednesday") == "correct"


def test_a_rising_toll_from_12_to_31_is_different_context(measured: Measured) -> None:
    assert _status(measured, "toll-update-12-to-31") == "correct"


def test_a_rising_toll_from_31_to_47_is_different_context(measured: Measured) -> None:
    assert _status(measured, "toll-update-31-to-47") == "correct"


def test_more_than_20_dead_against_23_is_vague_vs_specific(measured: Measured) -> None:
    assert _status(measured, "toll-more-than-20-vs-23") == "correct"


def test_the_same_final_toll_in_two_outlets_agrees(measured: Measured) -> None:
    assert _status(measured, "toll-47-agreement") == "correct"


def test_203_injured_against_more_than_200_is_vague_vs_specific(measured: Measured) -> None:
    assert _status(measured, "injured-203-vs-more-than-200") == "correct"


@_xfail("'dozens of villages ... damaged' and '87 villages were affected' differ in verb")
def test_dozens_of_villages_against_87_is_vague_vs_specific(measured: Measured) -> None:
    assert _status(measured, "villages-dozens-vs-87") == "correct"


@_xfail("'destroyed' houses and a verbless '1,264 houses' never meet")
def test_more_than_1200_houses_against_1264_is_vague_vs_specific(measured: Measured) -> None:
    assert _status(measured, "houses-1200-vs-1264") == "correct"


def test_an_earlier_quakes_toll_is_different_context(measured: Measured) -> None:
    assert _status(measured, "earlier-quake-64-vs-current-47") == "correct"


def test_dozens_dead_in_the_earlier_quake_against_64_is_vague_vs_specific(
    measured: Measured,
) -> None:
    assert _status(measured, "earlier-quake-dozens-vs-64") == "correct"


@_xfail("'killed 64 people' in two outlets never meet: no place named in either sentence")
def test_the_earlier_quakes_toll_in_two_outlets_agrees(measured: Measured) -> None:
    assert _status(measured, "earlier-quake-64-agreement") == "correct"


@_xfail("'two million pounds' (hd04) is left out of the £2 million / £2m agreement")
def test_pound_pledge_in_digits_and_in_words_agrees(measured: Measured) -> None:
    assert _status(measured, "uk-aid-2m-words-vs-digits") == "correct"


@_xfail("US $3 million after the 2013 quake is not set against the $5m pledge")
def test_aid_for_an_earlier_quake_is_different_context(measured: Measured) -> None:
    assert _status(measured, "us-aid-2013-vs-2025") == "correct"


@_xfail("'Rs1 million' is not extracted and 'one million rupees' is read as INR")
def test_compensation_in_rupees_in_words_and_digits_agrees(measured: Measured) -> None:
    assert _status(measured, "compensation-rupees-words-vs-digits") == "correct"


def test_one_remark_in_four_renderings_agrees(measured: Measured) -> None:
    assert _status(measured, "mehmood-priority-remark") == "correct"


def test_one_office_written_five_ways_is_a_title_variant(measured: Measured) -> None:
    assert _status(measured, "ndma-chairman-titles") == "correct"


def test_a_rank_spelled_out_and_abbreviated_is_a_title_variant(measured: Measured) -> None:
    assert _status(measured, "mehmood-rank-written-two-ways") == "correct"


def test_the_relief_ministers_three_titles_are_a_title_variant(measured: Measured) -> None:
    assert _status(measured, "relief-minister-titles") == "correct"


@_xfail("'visited the quake-hit areas of Shangla' gets no visitor and no place")
def test_one_visit_reported_by_two_outlets_agrees(measured: Measured) -> None:
    assert _status(measured, "mehmood-wednesday-visit") == "correct"


@_xfail("the two visits are never compared, so no different_context is reported")
def test_two_officials_visits_are_different_context(measured: Measured) -> None:
    assert _status(measured, "two-visits-mehmood-afridi") == "correct"


@_xfail("dates of the quake itself are not aligned: no disaster event to anchor them")
def test_tuesday_against_14_october_is_vague_vs_specific(measured: Measured) -> None:
    assert _status(measured, "quake-date-tuesday-vs-14-october") == "correct"


@_xfail("dates of the earlier quake are not aligned: no disaster event to anchor them")
def test_2013_against_8_october_2013_is_vague_vs_specific(measured: Measured) -> None:
    assert _status(measured, "earlier-quake-date") == "correct"
