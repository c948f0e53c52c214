"""Verdicts on the invented stress corpus (tests/cases/stress/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff.models import Report, ReportFinding
from claimdiff.pipeline import PipelineResult, run

CORPUS = Path(__file__).parent / "cases" / "stress" / "corpus"


@pytest.fixture(scope="module")
def stress() -> PipelineResult:
    return run(CORPUS)


def _count_findings(report: Report, *values: int) -> list[ReportFinding]:
    """Findings over counts of exactly these values (copies of a claim repeat a value)."""
    claims = {c.id: c for c in report.claims}
    return [
        f
        for f in report.findings
        if f.claims
        and all(claims[c].kind == "count" and isinstance(claims[c].value, int) for c in f.claims)
        and {int(claims[c].value) for c in f.claims} == set(values)  # type: ignore[arg-type]
    ]


def test_two_visits_of_the_same_people_are_different_context(stress: PipelineResult) -> None:
    findings = _count_findings(stress.report, 6, 9)
    assert findings
    assert {f.kind for f in findings} == {"different_context"}
    assert all(any(r.startswith("different-date") for r in f.reasons) for f in findings)


def test_different_figures_for_one_visit_are_a_conflict(stress: PipelineResult) -> None:
    findings = _count_findings(stress.report, 9, 11)
    assert findings
    assert {f.kind for f in findings} == {"conflict"}


def test_rising_toll_in_a_later_report_is_an_update(stress: PipelineResult) -> None:
    (finding,) = _count_findings(stress.report, 12, 31)
    assert finding.kind == "different_context"
    assert "later-update" in finding.reasons


def test_syndicated_copy_is_dependent_and_not_corroboration(stress: PipelineResult) -> None:
    assert ("visit-2023", "visit-2023-copy") in stress.report.dependent_sources
    pair = {"visit-2023", "visit-2023-copy"}
    agreements = [f for f in stress.report.findings if f.kind == "agreement"]
    assert not [f for f in agreements if set(f.sources) <= pair]
    assert {c.source for c in stress.report.claims if c.kind == "count"} >= pair


def test_a_conflict_told_again_by_a_copy_is_one_finding_citing_the_copy(
    stress: PipelineResult,
) -> None:
    (finding,) = _count_findings(stress.report, 9, 11)
    assert set(finding.sources) == {"visit-2023", "visit-2023-copy", "visit-2023-other"}
    assert finding.independent_sources == 2


def test_wire_follow_ups_sharing_a_sentence_stay_independent(stress: PipelineResult) -> None:
    assert ("flood-day1", "flood-day3") not in stress.report.dependent_sources


def test_people_sharing_a_surname_are_two_entities(stress: PipelineResult) -> None:
    people = [e for e in stress.report.entities if e.kind == "person" and "Kervan" in e.name]
    assert sorted(e.name for e in people) == ["Maria Kervan", "Tomas Kervan"]


def test_five_spellings_of_one_name_are_one_entity(stress: PipelineResult) -> None:
    spellings = {
        "Abdulkhamid Nurmatov",
        "Abdulhamid Nurmatov",
        "Abdoulkhamid Nourmatov",
        "Abdulkhamid Nurmatow",
        "Abdul-Hamid Nurmatov",
    }
    holders = [e for e in stress.report.entities if spellings & set(e.variants)]
    assert len(holders) == 1
    assert spellings <= set(holders[0].variants)
    variants = [f for f in stress.report.findings if f.kind == "name_variant"]
    assert any(holders[0].id in f.entities for f in variants)


def test_paraphrased_statement_agrees_across_independent_sources(stress: PipelineResult) -> None:
    agreements = [
        f
        for f in stress.report.findings
        if f.kind == "agreement" and "paraphrase" in f.reasons and "visit-2023-other" in f.sources
    ]
    assert agreements
    assert all(f.independent_sources == 2 for f in agreements)


def _montevideo(report: Report, kind: str) -> list[ReportFinding]:
    return [
        f
        for f in report.findings
        if f.kind == kind and all(s.startswith("montevideo") for s in f.sources)
    ]


def test_one_office_worded_two_ways_is_a_title_variant(stress: PipelineResult) -> None:
    (finding,) = _montevideo(stress.report, "title_variant")
    assert "Chief General" in finding.summary and "Chief of Staff" in finding.summary
    assert finding.sources == ("montevideo-a", "montevideo-b")


def test_two_holders_of_one_office_at_different_times_are_different_context(
    stress: PipelineResult,
) -> None:
    holders = [
        f
        for f in _montevideo(stress.report, "different_context")
        if "different-holder" in f.reasons
    ]
    (finding,) = holders
    assert any(r.startswith("different-time: 'newly elected'") for r in finding.reasons)
    assert not _montevideo(stress.report, "conflict")


def test_weekday_and_full_date_of_one_meeting_are_vague_vs_specific(stress: PipelineResult) -> None:
    findings = _montevideo(stress.report, "vague_vs_specific")
    assert any("weekday-consistent" in f.reasons for f in findings)


def test_month_and_year_of_one_summit_are_vague_vs_specific(stress: PipelineResult) -> None:
    findings = _montevideo(stress.report, "vague_vs_specific")
    assert any(
        "date-precision-compatible" in f.reasons and "June 2023" in f.summary for f in findings
    )


def test_first_and_second_visits_are_two_events(stress: PipelineResult) -> None:
    visits = [
        f
        for f in _montevideo(stress.report, "different_context")
        if any(r.startswith("different-ordinal") for r in f.reasons)
    ]
    (finding,) = visits
    assert "ordinals-consistent-with-dates" in finding.reasons


def test_translated_statement_at_one_meeting_is_an_agreement(stress: PipelineResult) -> None:
    agreements = [
        f
        for f in _montevideo(stress.report, "agreement")
        if any(r.startswith("same-occasion") for r in f.reasons)
    ]
    assert agreements and all(f.confidence < 0.9 for f in agreements)


def test_similar_words_of_two_speakers_are_not_one_statement(stress: PipelineResult) -> None:
    claims = {c.id: c for c in stress.report.claims}
    for finding in _montevideo(stress.report, "agreement"):
        texts = " ".join(claims[c].text for c in finding.claims)
        assert "illegal fishing" not in texts
