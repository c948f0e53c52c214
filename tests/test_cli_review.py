"""``claimdiff review`` and ``claimdiff verify`` through CliRunner, over a hand-built report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimdiff import pipeline
from claimdiff.cli import review as cli_review
from claimdiff.cli.review import resolve_reviewer, review_group, verify_command
from claimdiff.models import Decision, Finding, ReportFinding
from claimdiff.review import apply_decisions
from review_helpers import make_report, make_result


def fake_run(corpus: Path | str, *, decisions: Sequence[Decision] = (), **_: object) -> object:
    """The pipeline's contract: the report has every decision applied."""
    base = make_report()
    findings = [Finding.model_validate(f.model_dump(exclude={"status"})) for f in base.findings]
    applied, stale = apply_decisions(findings, decisions)
    report_findings = tuple(
        ReportFinding.model_validate(f.model_dump(exclude={"reviewed_at"})) for f in applied
    )
    report = base.model_copy(update={"findings": report_findings, "stale_decisions": tuple(stale)})
    return make_result(report)


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(pipeline, "run", fake_run)
    return tmp_path


def decisions_file() -> Path:
    return Path("claims/decisions.jsonl")


def logged() -> list[dict[str, object]]:
    lines = decisions_file().read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def invoke(args: list[str], input: str | None = None) -> click.testing.Result:
    command = verify_command if args[:1] == ["verify"] else review_group
    return CliRunner().invoke(command, args[1:] if args[:1] == ["verify"] else args, input=input)


# --------------------------------------------------------------------------- interactive


def test_scripted_keys_drive_the_loop_conflicts_first() -> None:
    result = invoke(["--reviewer", "ana"], input="a\nn\nsame man, two spellings\nr\nq\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("[conflict] f-counts") < out.index("[name_variant] f-names")
    assert "signed [[17 memorandums]] on Monday." in out
    assert "alpha-0101  Alpha Daily  (2022-05-30)" in out
    assert "beta-0202  Beta Post  (undated)" in out
    assert "Mr [[Emomali Rohman]] spoke." in out
    assert "reasons: count-mismatch" in out
    assert "1/2, 1 conflict left" in out and "2/2, 0 conflicts left" in out
    lines = logged()
    assert [(d["verdict"], d["finding_kind"]) for d in lines] == [
        ("accept", "conflict"),
        ("note", "name_variant"),
        ("reject", "name_variant"),
    ]
    assert lines[2]["note"] == "same man, two spellings"
    assert all(d["reviewer"] == "ana" and str(d["at"]).endswith("Z") for d in lines)
    assert "3 decisions recorded" in result.stderr
    again = invoke(["--reviewer", "ana"], input="a\n")
    assert "nothing to review" in again.stderr
    assert len(logged()) == 3


def test_undo_is_a_new_line_and_the_finding_comes_back() -> None:
    result = invoke(["--reviewer", "ana"], input="a\nu\nq\n")
    assert result.exit_code == 0, result.output
    assert [d["verdict"] for d in logged()] == ["accept", "unset"]
    assert result.stdout.count("[conflict] f-counts") == 2
    listing = invoke(["list", "--status", "unreviewed"])
    assert listing.stdout.count("\tunreviewed\t") == 2


def test_end_of_input_keeps_decisions() -> None:
    result = invoke(["--reviewer", "ana"], input="r\n")
    assert result.exit_code == 0
    assert [d["verdict"] for d in logged()] == ["reject"]


def test_ctrl_c_keeps_every_decision_made(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = iter(["a"])

    def read_line(_: object) -> str:
        try:
            return next(keys)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(cli_review, "_read_line", read_line)
    result = invoke(["--reviewer", "ana"])
    assert "stopped" in result.stderr
    assert [d["verdict"] for d in logged()] == ["accept"]


def test_kind_and_source_filters() -> None:
    result = invoke(["--reviewer", "ana", "--kind", "name_variant"], input="q\n")
    assert "f-names" in result.stdout and "f-counts" not in result.stdout
    result = invoke(["--reviewer", "ana", "--source", "nobody"], input="q\n")
    assert "nothing to review" in result.stderr


# --------------------------------------------------------------------------- scripted


def test_accept_reject_by_id_or_key_prefix_then_list_and_show() -> None:
    report = make_report()
    names_key = report.findings[1].decision_key
    assert invoke(["accept", "f-counts", "--reviewer", "bo", "--note", "checked"]).exit_code == 0
    assert invoke(["reject", names_key[:6], "--reviewer", "bo"]).exit_code == 0
    assert [(d["verdict"], d.get("note")) for d in logged()] == [
        ("accept", "checked"),
        ("reject", None),
    ]
    listing = invoke(["list"])
    rows = [line.split("\t") for line in listing.stdout.splitlines()]
    assert [row[:3] for row in rows] == [
        ["f-counts", "conflict", "accepted"],
        ["f-names", "name_variant", "rejected"],
    ]
    assert rows[0][4] == "bo"
    assert "2 findings, 0 stale decisions" in listing.stderr
    shown = invoke(["show", "f-counts"])
    assert "status accepted" in shown.stdout and "note: checked" in shown.stdout
    assert invoke(["list", "--status", "unreviewed"]).stdout == ""


def test_accept_keeps_an_earlier_note_unless_given_a_new_one() -> None:
    invoke(["--reviewer", "ana"], input="n\nfirst look\nq\n")
    invoke(["accept", "f-counts", "--reviewer", "ana"])
    assert logged()[-1]["note"] == "first look"


@pytest.mark.parametrize("ident", ["nope", ""])
def test_unknown_or_ambiguous_id_is_an_input_error(ident: str) -> None:
    result = invoke(["accept", ident, "--reviewer", "ana"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert not decisions_file().exists()


def test_corrupt_decision_line_is_reported_by_line_and_nothing_rewritten() -> None:
    invoke(["accept", "f-counts", "--reviewer", "ana"])
    with decisions_file().open("a", encoding="utf-8") as handle:
        handle.write("{oops\n")
    before = decisions_file().read_bytes()
    result = invoke(["list"])
    assert result.exit_code == 2
    assert "error: claims/decisions.jsonl:2: invalid decision" in result.stderr
    assert decisions_file().read_bytes() == before


def test_export_prints_toml_and_appends_to_expect_file() -> None:
    invoke(["accept", "f-counts", "--reviewer", "ana"])
    invoke(["reject", "f-names", "--reviewer", "ana"])
    printed = invoke(["export"])
    assert printed.exit_code == 0
    assert "[[expect]]" in printed.stdout and "[[forbid]]" in printed.stdout
    target = Path("claims/expected.toml")
    appended = invoke(["export", "--expect", str(target)])
    assert "2 entries added" in appended.stderr
    assert "0 entries added" in invoke(["export", "--expect", str(target)]).stderr
    verified = invoke(["verify", "seeds", "--expect", str(target)])
    # the rejected name_variant is still produced by the fake (unreviewed run): forbidden present
    assert verified.exit_code == 1
    assert "forbidden name_variant is present" in verified.stdout
    assert verified.stderr.strip() == "2 expectations checked: 1 forbidden present"
    with_decisions = invoke(["verify", "--expect", str(target), "--with-decisions"])
    assert with_decisions.exit_code == 0, with_decisions.output


def test_verify_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(
        '[[expect]]\nkind = "conflict"\nsides = [{ source = "alpha", pattern = "17" }]\n',
        encoding="utf-8",
    )
    assert invoke(["verify", "--expect", str(good)]).exit_code == 0
    missing = tmp_path / "missing.toml"
    missing.write_text(
        '[[expect]]\nkind = "agreement"\nsides = [{ pattern = "17" }]\n', encoding="utf-8"
    )
    result = invoke(["verify", "--expect", str(missing)])
    assert result.exit_code == 1
    assert "expected agreement has changed kind" in result.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text('[[expect]]\nkind = "nope"\nsides = [{ pattern = "x" }]\n', encoding="utf-8")
    result = invoke(["verify", "--expect", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {broken}:1: [[expect]]: kind must be one of")


# --------------------------------------------------------------------------- who, help


def test_reviewer_falls_back_to_git_then_login(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_reviewer("  ana ") == "ana"

    def no_git(*_: object, **__: object) -> object:
        raise OSError("no git")

    monkeypatch.setattr("subprocess.run", no_git)
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    assert resolve_reviewer(None) == "login-name"


@pytest.mark.parametrize("name", ["list", "show", "accept", "reject", "export"])
def test_every_command_has_help_ending_in_an_example(name: str) -> None:
    for command in (review_group, review_group.commands[name], verify_command):
        assert command.help and "Example:" in command.help
        assert command.help.rstrip().splitlines()[-1].strip().startswith("claimdiff ")
