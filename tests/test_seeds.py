"""Regression tests on the known items of shared/KNOWN-CONFLICTS.md, and report contracts."""

from __future__ import annotations

import json
from itertools import combinations

import jsonschema
import pytest

from claimdiff.models import CountClaim, QuoteClaim
from claimdiff.pipeline import PipelineResult
from claimdiff.report import render_json
from claimdiff.report.json import report_schema

TEHRAN_VISIT = "000_f7b465248ead1bd7"
LEADER_OFFICE = "001_5d440da413d81593"
DUSHANBE_VISIT = "002_b69b75d9d4f5afd1"


def _count(result: PipelineResult, source: str, value: int) -> CountClaim:
    for extraction in result.extractions:
        for claim in extraction.claims:
            if (
                isinstance(claim, CountClaim)
                and claim.source == source
                and claim.value.low == value == claim.value.high
                and "document" in claim.noun_class
            ):
                return claim
    raise AssertionError(f"no count of {value} documents in {source}")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param((TEHRAN_VISIT, 17), (DUSHANBE_VISIT, 18), id="seed-17-vs-18-different-visits"),
        pytest.param((TEHRAN_VISIT, 8), (TEHRAN_VISIT, 17), id="seed-8-vs-17-different-visits"),
        pytest.param((TEHRAN_VISIT, 8), (DUSHANBE_VISIT, 18), id="seed-8-vs-18-different-visits"),
    ],
)
def test_agreement_counts_of_different_visits_are_different_context(
    seed_result: PipelineResult, left: tuple[str, int], right: tuple[str, int]
) -> None:
    a, b = _count(seed_result, *left), _count(seed_result, *right)
    findings = [f for f in seed_result.report.findings if a.id in f.claims and b.id in f.claims]
    assert [f.kind for f in findings] == ["different_context"]
    assert any(r.startswith(("different-place", "different-date")) for r in findings[0].reasons)


def test_one_man_two_spellings_is_a_name_variant(seed_result: PipelineResult) -> None:
    report = seed_result.report
    entity = next(e for e in report.entities if "Emomali Rohman" in e.variants)
    assert "Emomali Rahmon" in entity.variants
    sources = {m.source for m in entity.mentions}
    assert {TEHRAN_VISIT, LEADER_OFFICE, DUSHANBE_VISIT} <= sources
    variants = [f for f in report.findings if f.kind == "name_variant" and entity.id in f.entities]
    assert len(variants) == 1
    assert "Emomali Rohman" in variants[0].summary


def test_one_statement_in_two_translations_is_an_agreement(seed_result: PipelineResult) -> None:
    quotes = {
        c.id: c
        for e in seed_result.extractions
        for c in e.claims
        if isinstance(c, QuoteClaim) and "potential for expanding cooperation" in c.value
    }
    agreements = [
        f
        for f in seed_result.report.findings
        if f.kind == "agreement" and len(set(f.claims) & set(quotes)) == 2
    ]
    assert len(agreements) == 1
    assert set(agreements[0].sources) == {TEHRAN_VISIT, LEADER_OFFICE}


def test_seeds_hold_no_confident_conflict(seed_result: PipelineResult) -> None:
    confident = [
        f.summary
        for f in seed_result.report.findings
        if f.kind == "conflict" and f.confidence >= 0.5
    ]
    assert confident == []


def test_report_json_validates_against_the_published_schema(seed_result: PipelineResult) -> None:
    document = json.loads(render_json(seed_result.report))
    jsonschema.Draft202012Validator(report_schema()).validate(document)


def test_report_json_keeps_the_spec_fields(seed_result: PipelineResult) -> None:
    document = json.loads(render_json(seed_result.report))
    assert {
        "schema_version",
        "generated_by",
        "sources",
        "entities",
        "events",
        "claims",
        "findings",
    } <= set(document)
    assert {"id", "path", "title", "outlet", "published", "published_from"} <= set(
        document["sources"][0]
    )
    assert {"id", "kind", "name", "variants", "roles", "mentions"} <= set(document["entities"][0])
    assert {"id", "type", "participants", "place", "date", "sources"} <= set(document["events"][0])
    claim_fields = {
        "id",
        "source",
        "kind",
        "subject",
        "predicate",
        "object",
        "value",
        "event",
        "start",
        "end",
        "text",
    }
    assert claim_fields <= set(document["claims"][0])
    finding_fields = {
        "id",
        "kind",
        "summary",
        "claims",
        "entities",
        "sources",
        "confidence",
        "status",
        "note",
    }
    assert finding_fields <= set(document["findings"][0])


def test_every_span_quotes_its_evidence_exactly(seed_result: PipelineResult) -> None:
    texts = seed_result.texts
    for claim in seed_result.report.claims:
        assert texts[claim.source][claim.start : claim.end] == claim.text, claim.id
    for entity in seed_result.report.entities:
        for mention in entity.mentions:
            assert texts[mention.source][mention.start : mention.end] == mention.text


def test_findings_cite_claims_that_exist(seed_result: PipelineResult) -> None:
    claim_ids = {c.id for c in seed_result.report.claims}
    for finding in seed_result.report.findings:
        assert set(finding.claims) <= claim_ids


def test_no_pair_of_findings_shares_a_decision_key(seed_result: PipelineResult) -> None:
    keys = [f.decision_key for f in seed_result.report.findings]
    for a, b in combinations(keys, 2):
        assert a != b
