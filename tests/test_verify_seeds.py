"""The seed corpus against claims/expected.toml: one test per known (non-)conflict.

These need the real pipeline; a failure names the expectation and shows what was found.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdiff import pipeline
from claimdiff.cli.review import verify_command
from claimdiff.expect import Expectation, load_expectations, verify
from claimdiff.models import Report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = ROOT / "claims" / "expected.toml"


@cache
def seed_report() -> Report:
    return pipeline.run(SEEDS).report


def cases() -> list[object]:
    return [
        pytest.param(e, id=e.name or f"{e.mode}-{e.kind}-line-{e.line}")
        for e in load_expectations(EXPECTED)
    ]


@pytest.mark.parametrize("expectation", cases())
def test_seed_expectation(expectation: Expectation) -> None:
    result = verify(seed_report(), [expectation])
    assert result.ok, result.diff()


def test_verify_command_on_seeds() -> None:
    result = CliRunner().invoke(verify_command, [str(SEEDS), "--expect", str(EXPECTED)])
    assert result.exit_code == 0, result.output
