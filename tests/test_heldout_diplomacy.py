"""The held-out corpus (tests/heldout_diplomacy): floors a little below today's scores, and one
test per planted item. Items the tool gets wrong today are strict xfails, so a fix flips them."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff.models import CountClaim, DateClaim, QuantityClaim, QuoteClaim
from heldout_scoring import HeldoutScores as Heldout
from heldout_scoring import claim_at, merged, score_heldout

HELDOUT = Path(__file__).resolve().parent / "heldout_diplomacy"


@pytest.fixture(scope="module")
def heldout() -> Heldout:
    return score_heldout(HELDOUT)


# Floors: measured 2026-11-24 (strict P 0.959 R 0.797; span-only P 0.993 R 0.825;
# entities P 0.933 R 0.621; findings 4 correct, 1 wrong), minus a small margin.


def test_heldout_strict_claim_scores_stay_above_their_floor(heldout: Heldout) -> None:
    total = heldout.claims.strict_total
    assert total.precision >= 0.93
    assert total.recall >= 0.77


def test_heldout_span_only_claim_scores_stay_above_their_floor(heldout: Heldout) -> None:
    total = heldout.claims.span_total
    assert total.precision >= 0.97
    assert total.recall >= 0.80


@pytest.mark.parametrize(
    ("kind", "floor"),
    [
        ("count", 0.95),
        ("quantity", 0.93),
        ("date", 0.85),
        ("role", 0.68),
        ("quote", 0.50),  # 0.519 since eval checks given names of speakers
        ("event", 0.65),
    ],
)
def test_heldout_strict_recall_per_kind_stays_above_its_floor(
    heldout: Heldout, kind: str, floor: float
) -> None:
    assert heldout.claims.strict[kind].recall >= floor


def test_heldout_entity_pairs_stay_above_their_floor(heldout: Heldout) -> None:
    assert heldout.entities.precision >= 0.90
    assert heldout.entities.recall >= 0.58


def test_heldout_findings_stay_above_their_floor(heldout: Heldout) -> None:
    statuses = [o.status for o in heldout.outcomes.values()]
    assert statuses.count("correct") >= 4
    assert statuses.count("wrong") <= 1


# Planted findings (alignment/gold.json): correct or clean today.
HELD = [
    pytest.param("two-visits-events", id="two-visits-by-different-hosts-are-different-context"),
    pytest.param("khodjayev-spellings", id="khodjayev-khodjaev-khojayev-are-one-name"),
    pytest.param("durrani-spellings", id="mohammad-muhammad-mohammed-are-one-name"),
    pytest.param("ulugbek-spellings", id="ulugbek-ulughbek-are-one-name"),
    pytest.param("hamdani-spellings", id="shuaib-shoaib-are-one-name"),
    pytest.param("growth-percent-vs-times", id="percent-and-times-growth-is-no-conflict"),
    pytest.param("gateway-remarks-two-speakers", id="similar-words-of-two-speakers-no-agreement"),
    pytest.param("two-tursunovs-roles", id="two-ministers-sharing-a-surname-no-title-clash"),
    pytest.param("documents-visit2-14-vs-17", id="same-signing-14-vs-17-is-a-conflict"),
    pytest.param("documents-two-visits-11-vs-14", id="counts-of-two-visits-are-different-context"),
    pytest.param("documents-dozen-vs-14", id="more-than-a-dozen-vs-14-is-vague"),
    pytest.param("arrival-monday-talks-tuesday", id="arrival-on-monday-is-no-weekday-conflict"),
    pytest.param("documents-updated-9-to-11", id="running-total-rose-to-11-is-no-conflict"),
    pytest.param("islamabad-talks-date", id="june-10-vs-10-june-2025-is-vague"),
    pytest.param("durrani-visit-last-year", id="march-last-year-vs-march-2024-is-vague"),
    pytest.param(
        "tursunov-fm-titles",
        id="foreign-minister-vs-minister-of-foreign-affairs-is-a-title-variant",
    ),
]


def _xfail(finding: str, behaviour: str, reason: str) -> object:
    return pytest.param(finding, id=behaviour, marks=pytest.mark.xfail(strict=True, reason=reason))


MISSED = [
    _xfail(
        "documents-visit2-wire-uza-14",
        "same-signing-14-and-14-agree",
        "'14 documents' and '14 agreements and memorandums' meet in one event, but a noun "
        "that subsumes the other makes it vague_vs_specific, not agreement",
    ),
    _xfail(
        "documents-day-one-nine",
        "nine-and-nine-of-day-one-agree",
        "nine and nine agree, but a vague_vs_specific group ('11 documents' of the whole "
        "visit vs the nine of its first day) cites the same claims",
    ),
    _xfail(
        "documents-visit1-eleven",
        "eleven-and-eleven-documents-agree",
        "the state agency's 11 sits in the Samarkand day of the visit (its dateline), the "
        "brief's in Tashkent: two cities the gazetteer cannot put in one country",
    ),
    pytest.param("trade-2023-rough-vs-exact", id="more-than-400m-vs-412m-is-vague"),
    pytest.param("trade-2023-vs-2024", id="trade-of-two-years-is-different-context"),
    pytest.param("trade-2024-agree", id="trade-530m-in-three-sources-agrees"),
    pytest.param("growth-2023-vs-2024", id="growth-of-two-years-is-different-context"),
    pytest.param("growth-2024-rounded", id="rounded-growth-agrees"),
    pytest.param("trade-target-1bn-vs-2bn", id="targets-of-two-visits-are-different-context"),
    pytest.param("trade-target-2bn-agree", id="same-2bn-target-agrees"),
    pytest.param("investment-fund-agree", id="same-500m-fund-agrees"),
    _xfail(
        "khodjayev-road-to-sea-remark",
        "one-remark-in-two-translations-agrees",
        "the two translations share too few content words (synonyms added only for this remark "
        "were taken out again: they would flatter the held-out score)",
    ),
    pytest.param("joint-statement-railway", id="joint-statement-in-two-wordings-agrees"),
    _xfail(
        "samarkand-date",
        "march-13-vs-12-13-march-2024-is-vague",
        "the Samarkand day and the Tashkent day are two events: the gazetteer does not know "
        "that Samarkand lies in Uzbekistan, so two cities of one visit differ",
    ),
]


@pytest.mark.parametrize("finding", HELD + MISSED)
def test_planted_finding_is_classified_as_expected(heldout: Heldout, finding: str) -> None:
    assert heldout.outcomes[finding].status in {"correct", "clean"}


def test_two_ministers_sharing_a_surname_stay_apart(heldout: Heldout) -> None:
    assert not merged(heldout, "Jamshid Tursunov", "Ulugbek Tursunov")


def test_two_presidents_stay_apart(heldout: Heldout) -> None:
    assert not merged(heldout, "Bakhtiyor Khodjayev", "Mohammad Tariq Durrani")


def test_foreign_ministers_of_two_countries_stay_apart(heldout: Heldout) -> None:
    assert not merged(heldout, "Ulugbek Tursunov", "Shoaib Hamdani")


def test_a_count_in_a_headline_is_read(heldout: Heldout) -> None:
    claim = claim_at(heldout, "hd3_daily_islamabad", "17 accords", CountClaim)
    assert isinstance(claim, CountClaim) and claim.value.low == 17 == claim.value.high


def test_a_day_range_keeps_its_year(heldout: Heldout) -> None:
    claim = claim_at(heldout, "hd6_brief_uzpak", "12-13 March 2024", DateClaim)
    assert isinstance(claim, DateClaim) and claim.value is not None
    assert claim.value.iso().startswith("2024")


def test_us_dollars_after_a_number_is_a_currency(heldout: Heldout) -> None:
    claim = claim_at(heldout, "hd2_uza_islamabad", "530.4 million US dollars", QuantityClaim)
    assert isinstance(claim, QuantityClaim) and claim.value.unit == "USD"


def test_a_quote_is_attributed_to_the_name_in_apposition(heldout: Heldout) -> None:
    claim = claim_at(heldout, "hd4_broadcast_tashkent", "historic", QuoteClaim)
    assert isinstance(claim, QuoteClaim) and claim.attributed_to == "Ulugbek Tursunov"
