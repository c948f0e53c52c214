"""Placeholder until the real extractor lands."""

from __future__ import annotations

from collections.abc import Sequence

from claimdiff.extract import ExtractionContext
from claimdiff.models import Record


def extract_entities(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    return []
