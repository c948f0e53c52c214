from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def seed_result():  # type: ignore[no-untyped-def]
    """The pipeline run once on seeds/ with paths as a user in the repo root would see them."""
    import os

    from claimdiff.pipeline import run

    previous = os.getcwd()
    os.chdir(REPO)
    try:
        return run("seeds")
    finally:
        os.chdir(previous)
