"""Expected findings: loading with file:line errors, verify's diff, export of decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdiff.errors import ExpectationError, InputErrors
from claimdiff.expect import (
    append_expectations,
    export_expectations,
    load_expectations,
    parse_expectations,
    toml_string,
    verify,
)
from claimdiff.models import Decision, FindingKind
from review_helpers import CLAIMS, EVIDENCE_COUNTS, EVIDENCE_NAMES, make_report, report_finding

EXPECTED = r"""
# the two counts are different signings
[[expect]]
name = "counts"
kind = "conflict"
sides = [
  { source = "alpha", pattern = '\b17\b' },
  { source = "beta", pattern = 'cooperation\s+documents' },
]

[[expect]]
kind = "name_variant"
sides = [{ pattern = "Rohman" }, { pattern = "Rahmon" }]

[[forbid]]
kind = "agreement"
sides = [{ source = "alpha", pattern = "17" }]
"""


def test_verify_passes_when_every_expectation_is_met() -> None:
    result = verify(make_report(), parse_expectations(EXPECTED))
    assert result.ok and result.return_code == 0
    assert result.summary() == "3 expectations checked, all met"


def test_verify_reports_changed_kind_missing_and_forbidden_with_a_diff(tmp_path: Path) -> None:
    text = EXPECTED.replace('kind = "conflict"', 'kind = "different_context"').replace(
        '[[forbid]]\nkind = "agreement"', '[[forbid]]\nkind = "conflict"'
    )
    text += '\n[[expect]]\nkind = "agreement"\nsides = [{ pattern = "nowhere" }]\n'
    path = tmp_path / "expected.toml"
    path.write_text(text, encoding="utf-8")
    result = verify(make_report(), load_expectations(path))
    assert result.return_code == 1
    diff = result.diff()
    assert f"{path}:3: expected different_context has changed kind" in diff
    assert '  - different_context "counts"  alpha:/\\b17\\b/' in diff
    assert "  + conflict  f-counts: conflict: f-counts (0.80)" in diff
    forbid_line = text.splitlines().index("[[forbid]]") + 1
    assert f"{path}:{forbid_line}: forbidden conflict is present" in diff
    assert "expected agreement is missing" in diff
    assert "  + (no finding matches these sides)" in diff
    assert result.summary() == (
        "4 expectations checked: 1 missing, 1 changed kind, 1 forbidden present"
    )


def test_a_rejected_finding_counts_as_absent() -> None:
    rejected = report_finding(
        "f-counts", "conflict", EVIDENCE_COUNTS, claims=tuple(c.id for c in CLAIMS)
    ).model_copy(update={"status": "rejected"})
    report = make_report((rejected,))
    forbid = parse_expectations(
        '[[forbid]]\nkind = "conflict"\nsides = [{ source = "alpha", pattern = "17" }]\n'
    )
    assert verify(report, forbid).ok


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param('[[expect]]\nkind = "conflict"\nsides = [', 3, "invalid TOML", id="syntax"),
        pytest.param(
            '\n[[expect]]\nkind = "clash"\nsides = [{ pattern = "x" }]\n',
            2,
            "kind must be one of",
            id="bad-kind",
        ),
        pytest.param(
            '[[forbid]]\nkind = "conflict"\nsides = [{ pattern = "(" }]\n',
            1,
            "side 1: bad pattern",
            id="bad-regex",
        ),
        pytest.param('[[expect]]\nkind = "conflict"\nsides = []\n', 1, "non-empty", id="no-sides"),
        pytest.param(
            '[[expect]]\nkind = "conflict"\nwhy = 1\nsides = [{ pattern = "x" }]\n',
            1,
            "unknown field(s) why",
            id="unknown-field",
        ),
    ],
)
def test_load_errors_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "expected.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((ExpectationError, InputErrors)) as raised:
        load_expectations(path)
    assert f"{path}:{line}: " in str(raised.value)
    assert message in str(raised.value)


def test_all_entry_errors_are_collected() -> None:
    text = (
        '[[expect]]\nkind = "x"\nsides = [{ pattern = "a" }]\n'
        '[[expect]]\nkind = "y"\nsides = [{ pattern = "a" }]\n'
    )
    with pytest.raises(InputErrors) as raised:
        parse_expectations(text, path="e.toml")
    assert [e.line for e in raised.value.errors] == [1, 4]


def decision(kind: FindingKind, evidence: tuple[str, ...], verdict: str) -> Decision:
    from claimdiff.review import decision_key

    return Decision.model_validate(
        {
            "key": decision_key(evidence),
            "verdict": verdict,
            "finding_kind": kind,
            "reviewer": "ana o'hara",
            "at": "2025-01-01T00:00:00Z",
            "evidence": evidence,
            "summary": "a summary",
        }
    )


def test_export_turns_judgements_into_expectations_that_verify_passes() -> None:
    report = make_report()
    decisions = [
        decision("conflict", EVIDENCE_COUNTS, "accept"),
        decision("name_variant", EVIDENCE_NAMES, "accept"),
    ]
    text = export_expectations(decisions, report)
    expectations = parse_expectations(text)
    assert [(e.mode, e.kind) for e in expectations] == [
        ("expect", "conflict"),
        ("expect", "name_variant"),
    ] or [(e.mode, e.kind) for e in expectations] == [
        ("expect", "name_variant"),
        ("expect", "conflict"),
    ]
    assert 'reviewer = "ana o\'hara"' in text
    assert verify(report, expectations).ok


@pytest.mark.parametrize(
    ("kind", "mode", "expected_kind"),
    [
        pytest.param("conflict", "forbid", "conflict", id="rejected-conflict-forbidden"),
        pytest.param(
            "different_context", "expect", "conflict", id="rejected-context-means-conflict"
        ),
        pytest.param("agreement", "forbid", "agreement", id="rejected-agreement-forbidden"),
    ],
)
def test_export_of_rejections(kind: FindingKind, mode: str, expected_kind: str) -> None:
    f = report_finding("f", kind, EVIDENCE_COUNTS, claims=tuple(c.id for c in CLAIMS))
    report = make_report((f,))
    [entry] = parse_expectations(
        export_expectations([decision(kind, EVIDENCE_COUNTS, "reject")], report)
    )
    assert (entry.mode, entry.kind) == (mode, expected_kind)
    assert [s.source for s in entry.sides] == ["alpha-0101", "beta-0202"]


def test_export_of_a_gone_finding_uses_recorded_evidence() -> None:
    report = make_report(())
    [entry] = parse_expectations(
        export_expectations([decision("conflict", EVIDENCE_COUNTS, "accept")], report)
    )
    assert entry.sides[1].pattern.search("18 cooperation\n documents")


def test_append_is_idempotent_and_keeps_existing_text(tmp_path: Path) -> None:
    path = tmp_path / "expected.toml"
    path.write_text(EXPECTED, encoding="utf-8")
    decisions = [decision("conflict", EVIDENCE_COUNTS, "accept")]
    assert append_expectations(path, decisions, make_report()) == 1
    assert append_expectations(path, decisions, make_report()) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith(EXPECTED.rstrip("\n"))
    assert len(load_expectations(path)) == 4


def test_append_refuses_to_touch_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "expected.toml"
    path.write_text("[[expect]\n", encoding="utf-8")
    with pytest.raises(ExpectationError):
        append_expectations(path, [decision("conflict", EVIDENCE_COUNTS, "accept")], make_report())
    assert path.read_text(encoding="utf-8") == "[[expect]\n"


@pytest.mark.parametrize("value", ["plain", "it's", 'a "quote"', "line\nbreak", r"\b17\b", "\x7f"])
def test_toml_string_round_trips(value: str) -> None:
    import tomllib

    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value
