"""The held-out corpus (tests/heldout_diplomacy): floors a little below today's scores, and one
test per planted item. Items the tool gets wrong today are strict xfails, so a fix flips them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from claimdiff.corpus import load_corpus
from claimdiff.evaluate import (
    ClaimScores,
    EntityScores,
    load_alignment,
    load_gold,
    score_claims,
    score_entities,
)
from claimdiff.evaluate_findings import FindingOutcome, score_findings
from claimdiff.extract import extract_source
from claimdiff.models import CountClaim, DateClaim, QuantityClaim, QuoteClaim, SourceExtraction
from claimdiff.pipeline import analyse
from claimdiff.resolve import resolve

HELDOUT = Path(__file__).resolve().parent / "heldout_diplomacy"


@dataclass(frozen=True)
class Heldout:
    claims: ClaimScores
    entities: EntityScores
    findings: dict[str, FindingOutcome]
    extractions: dict[str, SourceExtraction]
    texts: dict[str, str]


@pytest.fixture(scope="module")
def heldout() -> Heldout:
    gold = load_gold(HELDOUT)
    sources = sorted(load_corpus(HELDOUT / "corpus").sources, key=lambda s: s.id)
    assert {s.id for s in sources} == set(gold)
    texts = {s.id: s.text for s in sources}
    extractions = [extract_source(s) for s in sources]
    alignment = load_alignment(HELDOUT / "alignment" / "gold.json")
    resolution = resolve(extractions, published={s.id: s.published for s in sources})
    entities = score_entities(
        alignment.entities, resolution.entities, texts, must_not_merge=alignment.must_not_merge
    )
    report, _ = analyse(sources, extractions)
    outcomes = score_findings(alignment.findings, report, texts).outcomes
    return Heldout(
        claims=score_claims(gold, extractions, texts),
        entities=entities,
        findings={o.id: o for o in outcomes},
        extractions={e.source: e for e in extractions},
        texts=texts,
    )


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
        ("quote", 0.55),
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
    statuses = [o.status for o in heldout.findings.values()]
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
    pytest.param(
        "tursunov-fm-titles",
        id="foreign-minister-vs-minister-of-foreign-affairs-is-a-title-variant",
    ),
]


def _xfail(finding: str, behaviour: str, reason: str) -> object:
    return pytest.param(finding, id=behaviour, marks=pytest.mark.xfail(strict=True, reason=reason))


MISSED = [
    _xfail(
        "documents-visit2-14-vs-17",
        "same-signing-14-vs-17-is-a-conflict",
        "the wire's 14 is tied to a visit clustered with the 2024 Tashkent visit; the daily's "
        "17 to an isolated signing: the two counts are never compared",
    ),
    _xfail(
        "documents-visit2-wire-uza-14",
        "same-signing-14-and-14-agree",
        "UzA's passive 'a package of 14 documents was adopted' gets no event",
    ),
    _xfail(
        "documents-two-visits-11-vs-14",
        "counts-of-two-visits-are-different-context",
        "the wire's 14 is placed in Tashkent 2025-03, the same place as the 11",
    ),
    _xfail(
        "documents-updated-9-to-11",
        "running-total-rose-to-11-is-no-conflict",
        "no finding pairs 'nine agreements' with 'bringing the number ... to 11'",
    ),
    _xfail(
        "documents-day-one-nine",
        "nine-and-nine-of-day-one-agree",
        "the broadcaster's 'nine agreements' has no event",
    ),
    _xfail(
        "documents-visit1-eleven",
        "eleven-and-eleven-documents-agree",
        "'to 11' takes the noun 'memoranda of understanding' and a 2025 date: "
        "vague_vs_specific/different_context instead of agreement",
    ),
    _xfail(
        "documents-dozen-vs-14",
        "more-than-a-dozen-vs-14-is-vague",
        "the wire's 14 sits in the wrong event (Tashkent), so different_context",
    ),
    _xfail(
        "trade-2023-rough-vs-exact",
        "more-than-400m-vs-412m-is-vague",
        "amounts are only aligned by an actor or place in the same sentence",
    ),
    _xfail(
        "trade-2023-vs-2024",
        "trade-of-two-years-is-different-context",
        "amounts are only aligned by an actor or place in the same sentence",
    ),
    _xfail(
        "trade-2024-agree",
        "trade-530m-in-three-sources-agrees",
        "'530.4 million US dollars' loses its unit; no actor in the sentences",
    ),
    _xfail(
        "growth-2023-vs-2024",
        "growth-of-two-years-is-different-context",
        "percentages are only aligned by an actor or place in the same sentence",
    ),
    _xfail(
        "growth-2024-rounded",
        "rounded-growth-agrees",
        "percentages are only aligned by an actor or place in the same sentence",
    ),
    _xfail(
        "trade-target-1bn-vs-2bn",
        "targets-of-two-visits-are-different-context",
        "no finding pairs the 2024 and 2025 trade targets",
    ),
    _xfail(
        "trade-target-2bn-agree",
        "same-2bn-target-agrees",
        "no actor or place in the wire's target sentence",
    ),
    _xfail(
        "investment-fund-agree", "same-500m-fund-agrees", "no actor or place in either sentence"
    ),
    _xfail(
        "khodjayev-road-to-sea-remark",
        "one-remark-in-two-translations-agrees",
        "the two translations share too few content words",
    ),
    _xfail(
        "joint-statement-railway",
        "joint-statement-in-two-wordings-agrees",
        "statements attributed to a document ('a joint statement said') have no speaker "
        "and are never aligned",
    ),
    _xfail(
        "islamabad-talks-date",
        "june-10-vs-10-june-2025-is-vague",
        "no date finding for the Islamabad talks",
    ),
    _xfail(
        "samarkand-date",
        "march-13-vs-12-13-march-2024-is-vague",
        "'12-13 March 2024' is read as 12-13 March 2025",
    ),
    _xfail(
        "arrival-monday-talks-tuesday",
        "arrival-on-monday-is-no-weekday-conflict",
        "'arrived ... late on Monday' is taken as the date of the talks: weekday-mismatch",
    ),
    _xfail(
        "durrani-visit-last-year",
        "march-last-year-vs-march-2024-is-vague",
        "the finding exists but cites the event 'visited', not the date claim",
    ),
]


@pytest.mark.parametrize("finding", HELD + MISSED)
def test_planted_finding_is_classified_as_expected(heldout: Heldout, finding: str) -> None:
    assert heldout.findings[finding].status in {"correct", "clean"}


def _merged(heldout: Heldout, a: str, b: str) -> bool:
    return any({w.gold_a, w.gold_b} == {a, b} for w in heldout.entities.wrong_merges)


def test_two_ministers_sharing_a_surname_stay_apart(heldout: Heldout) -> None:
    assert not _merged(heldout, "Jamshid Tursunov", "Ulugbek Tursunov")


def test_two_presidents_stay_apart(heldout: Heldout) -> None:
    assert not _merged(heldout, "Bakhtiyor Khodjayev", "Mohammad Tariq Durrani")


def test_foreign_ministers_of_two_countries_stay_apart(heldout: Heldout) -> None:
    assert not _merged(heldout, "Ulugbek Tursunov", "Shoaib Hamdani")


def _claim_at(heldout: Heldout, source: str, needle: str, kind: type) -> object:
    start = heldout.texts[source].index(needle)
    end = start + len(needle)
    for claim in heldout.extractions[source].claims:
        if isinstance(claim, kind) and claim.start < end and start < claim.end:
            return claim
    raise AssertionError(f"no {kind.__name__} at {needle!r} in {source}")


def test_a_count_in_a_headline_is_read(heldout: Heldout) -> None:
    claim = _claim_at(heldout, "hd3_daily_islamabad", "17 accords", CountClaim)
    assert isinstance(claim, CountClaim) and claim.value.low == 17 == claim.value.high


@pytest.mark.xfail(strict=True, reason="a day range keeps its days but drops the year after it")
def test_a_day_range_keeps_its_year(heldout: Heldout) -> None:
    claim = _claim_at(heldout, "hd6_brief_uzpak", "12-13 March 2024", DateClaim)
    assert isinstance(claim, DateClaim) and claim.value is not None
    assert claim.value.iso().startswith("2024")


@pytest.mark.xfail(strict=True, reason="'US dollars' after the number is not read as USD")
def test_us_dollars_after_a_number_is_a_currency(heldout: Heldout) -> None:
    claim = _claim_at(heldout, "hd2_uza_islamabad", "530.4 million US dollars", QuantityClaim)
    assert isinstance(claim, QuantityClaim) and claim.value.unit == "USD"


def test_a_quote_is_attributed_to_the_name_in_apposition(heldout: Heldout) -> None:
    claim = _claim_at(heldout, "hd4_broadcast_tashkent", "historic", QuoteClaim)
    assert isinstance(claim, QuoteClaim) and claim.attributed_to == "Ulugbek Tursunov"
