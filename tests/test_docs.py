"""Every command has help text with an example, and the README names it."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimdiff.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(cli.commands.items()):
        found.append((name, command))
        if isinstance(command, click.Group):
            found.extend((f"{name} {sub}", c) for sub, c in sorted(command.commands.items()))
    return found


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
def test_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert "Example" in (command.help or ""), f"{name} has no Example: block"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_readme_documents_every_command(name: str) -> None:
    assert f"claimdiff {name}" in README


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(cli, ["run", "--fail-on", "nonsense"])
    assert result.exit_code == 2


def test_missing_corpus_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: ")
    assert "nowhere" in result.output


def test_schema_is_printed_as_json() -> None:
    import json

    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "claimdiff report"


def test_fail_on_conflict_exits_1_when_a_conflict_is_found(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "cases" / "stress" / "corpus"
    args = [
        "run",
        str(corpus),
        "--claims-dir",
        str(tmp_path / "c"),
        "--reports-dir",
        str(tmp_path / "r"),
    ]
    assert CliRunner().invoke(cli, [*args, "--fail-on", "conflict", "-q"]).exit_code == 1
    assert CliRunner().invoke(cli, [*args, "-q"]).exit_code == 0
