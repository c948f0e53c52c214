"""The held-out corpus (tests/heldout_summit): floors a little below today's scores, and one
test per planted item. Items the tool gets wrong today are strict xfails, so a fix flips them."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff.models import CountClaim, QuantityClaim, QuoteClaim
from heldout_scoring import HeldoutScores as Heldout
from heldout_scoring import claim_at, merged, score_heldout

HELDOUT = Path(__file__).resolve().parent / "heldout_summit"


@pytest.fixture(scope="module")
def heldout() -> Heldout:
    return score_heldout(HELDOUT)


# Floors: measured 2026-11-24 (strict P 0.791 R 0.774; span-only P 0.896 R 0.876;
# entities P 1.000 R 0.593; findings 5 correct, 0 wrong, 26 missed), minus a small margin.


def test_heldout_strict_claim_scores_stay_above_their_floor(heldout: Heldout) -> None:
    total = heldout.claims.strict_total
    assert total.precision >= 0.76
    assert total.recall >= 0.74


def test_heldout_span_only_claim_scores_stay_above_their_floor(heldout: Heldout) -> None:
    total = heldout.claims.span_total
    assert total.precision >= 0.87
    assert total.recall >= 0.85


@pytest.mark.parametrize(
    ("kind", "floor"),
    [
        ("count", 0.62),
        ("quantity", 0.80),
        ("date", 0.95),
        ("role", 0.62),
        ("quote", 0.74),
        ("event", 0.74),
    ],
)
def test_heldout_strict_recall_per_kind_stays_above_its_floor(
    heldout: Heldout, kind: str, floor: float
) -> None:
    assert heldout.claims.strict[kind].recall >= floor


def test_heldout_entity_pairs_stay_above_their_floor(heldout: Heldout) -> None:
    assert heldout.entities.precision >= 0.95
    assert heldout.entities.recall >= 0.56


def test_heldout_findings_stay_above_their_floor(heldout: Heldout) -> None:
    statuses = [o.status for o in heldout.outcomes.values()]
    assert statuses.count("correct") >= 5
    assert statuses.count("wrong") <= 0


def _xfail(finding: str, behaviour: str, reason: str) -> object:
    return pytest.param(finding, id=behaviour, marks=pytest.mark.xfail(strict=True, reason=reason))


HELD = [
    pytest.param("previous-fund-400m-agree", id="400-million-and-400m-agree"),
    pytest.param("zhou-supply-chains", id="quoted-and-translated-remark-agrees"),
    pytest.param("lee-new-chapter", id="same-quoted-words-agree"),
    pytest.param(
        "park-foreign-minister-titles",
        id="foreign-minister-vs-minister-of-foreign-affairs-is-a-title-variant",
    ),
    pytest.param("mongolian-pm-then-and-now", id="former-and-current-prime-minister-differ"),
    pytest.param("crowd-police-vs-organisers", id="police-3000-vs-organisers-10000-is-a-conflict"),
    pytest.param("arrests-12-agree", id="12-and-twelve-arrested-agree"),
    pytest.param("previous-protest-500", id="protests-of-two-summits-differ"),
    pytest.param("second-march-several-hundred", id="second-march-is-different-context"),
    pytest.param("crowd-police-agree", id="police-estimates-agree"),
    pytest.param("crowd-organisers-agree", id="organiser-figures-agree"),
    pytest.param("agreements-11-vs-14", id="same-day-signing-11-vs-14-is-a-conflict"),
    pytest.param("agreements-more-than-10-vs-11", id="more-than-10-vs-11-is-vague"),
    _xfail(
        "communique-wordings",
        "communique-in-three-wordings-agrees",
        "two wordings agree word for word; the third, a paraphrase, needs one event both "
        "sources report, and the summit's frames are split over several events",
    ),
]

_NO_COUNT_PAIRS = (
    "no count finding pairs figures across these sources: counts are compared only "
    "inside an event the sources share, and the summit/signing/march events are not merged"
)

MISSED = [
    _xfail("arrests-12-then-27", "arrests-rose-to-27-is-no-conflict", _NO_COUNT_PAIRS),
    _xfail(
        "arrests-27-agree",
        "27-and-rose-to-27-agree",
        "'rose to 27' is read as a unitless quantity, not a count of people",
    ),
    _xfail(
        "agreements-11-agree",
        "11-agreements-in-three-sources-agree",
        "only s2 and s6 are paired ('context unknown'); the wire's 11 agreements is left out",
    ),
    _xfail(
        "previous-summit-nine-agreements",
        "nine-agreements-of-2023-vs-11-is-different-context",
        _NO_COUNT_PAIRS,
    ),
    _xfail("mongolia-party-to-6", "6-of-the-11-is-different-context", _NO_COUNT_PAIRS),
    _xfail(
        "fund-usd-vs-krw",
        "dollars-and-won-of-one-fund-are-no-conflict",
        "'1.7 trillion won' gets no currency (unit None): won is not known",
    ),
    _xfail("fund-usd-agree", "1-2-billion-and-1-2bn-agree", "the two $1.2bn are not paired"),
    _xfail(
        "fund-china-share",
        "one-country-share-vs-combined-pledge-is-different-context",
        "2 billion yuan and $1.2 billion are not paired",
    ),
    _xfail(
        "previous-fund-400m",
        "pledges-of-two-summits-are-different-context",
        "$400 million (2023) and $1.2bn (2025) are not paired",
    ),
    pytest.param("lee-rhee-yi", id="lee-rhee-yi-are-one-korean-name"),
    pytest.param("zhou-chou", id="pinyin-and-wade-giles-are-one-name"),
    pytest.param("ota-ohta-oota", id="ota-ohta-oota-are-one-japanese-name"),
    _xfail(
        "gantulga-variants",
        "mongolian-patronymic-forms-are-one-name",
        "Tsedendambyn Gantulga, Gantulga Tsedendambaa and Ts.Gantulga stay separate",
    ),
    pytest.param("naran-initial", id="initial-dot-surname-is-the-full-name"),
    pytest.param("xu-titles", id="state-councilor-and-foreign-minister-is-a-title-variant"),
    _xfail(
        "closing-day-date",
        "wednesday-vs-october-15-is-vague",
        "'October 15' (no year) and the dated 'Wednesday' are not compared",
    ),
    _xfail(
        "two-summits-events",
        "summits-of-two-years-are-different-context",
        "no finding pairs the 2023 and the 2025 summit events",
    ),
]


@pytest.mark.parametrize("finding", HELD + MISSED)
def test_planted_finding_is_classified_as_expected(heldout: Heldout, finding: str) -> None:
    assert heldout.outcomes[finding].status in {"correct", "clean"}


def test_prime_minister_and_police_chief_sharing_a_surname_stay_apart(heldout: Heldout) -> None:
    assert not merged(heldout, "Lee Dong-hwan", "Lee Jae-sung")


def test_minister_and_spokeswoman_sharing_a_surname_stay_apart(heldout: Heldout) -> None:
    assert not merged(heldout, "Park Sung-min", "Park Ji-yeon")


def test_current_and_former_prime_minister_stay_apart(heldout: Heldout) -> None:
    assert not merged(heldout, "Gantulga Tsedendamba", "Oyunbileg Naran")


def test_a_count_in_words_is_read(heldout: Heldout) -> None:
    claim = claim_at(heldout, "s3_daily", "Twelve people", CountClaim)
    assert isinstance(claim, CountClaim) and claim.value.low == 12 == claim.value.high


def test_a_reported_statement_is_attributed_to_the_agency(heldout: Heldout) -> None:
    claim = claim_at(heldout, "s3_daily", "Twelve people were arrested", QuoteClaim)
    assert isinstance(claim, QuoteClaim)
    assert claim.attributed_to == "Busan Metropolitan Police Agency"


def test_several_hundred_is_hundreds(heldout: Heldout) -> None:
    claim = claim_at(heldout, "s5_broadcast", "several hundred people", CountClaim)
    assert isinstance(claim, CountClaim) and claim.value.low is not None
    assert claim.value.low >= 200


def test_a_number_before_arrested_is_a_count(heldout: Heldout) -> None:
    claim_at(heldout, "s3_daily", "12 arrested", CountClaim)


def test_trillion_won_is_korean_won(heldout: Heldout) -> None:
    claim = claim_at(heldout, "s3_daily", "1.7 trillion won", QuantityClaim)
    assert isinstance(claim, QuantityClaim) and claim.value.unit == "KRW"


def test_a_quote_goes_to_the_name_after_said(heldout: Heldout) -> None:
    claim = claim_at(heldout, "s5_broadcast", "greenwash coal", QuoteClaim)
    assert isinstance(claim, QuoteClaim) and claim.attributed_to == "Park Ji-yeon"


def test_a_bare_title_speaker_is_the_named_holder(heldout: Heldout) -> None:
    claim = claim_at(heldout, "s6_montsame", "reliable partner", QuoteClaim)
    assert isinstance(claim, QuoteClaim) and claim.attributed_to is not None
    assert "Gantulga" in claim.attributed_to


@pytest.mark.xfail(strict=True, reason="an ISO date in the body becomes the publication date")
def test_a_date_in_the_body_is_not_the_publication_date(heldout: Heldout) -> None:
    from claimdiff.corpus import load_corpus

    published = {s.id: s.published for s in load_corpus(HELDOUT / "corpus").sources}
    assert published["s4_thinktank"] is None
