"""The whole pipeline as one library call: ``check(corpus) -> Report``.

``run`` returns the intermediate products too (sources with their text,
extractions, resolution), which the review loop and the evaluator need.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimdiff.corpus import CorpusWarning, load_corpus
from claimdiff.extract import extract_source
from claimdiff.models import Decision, Report, Source, SourceExtraction


@dataclass(frozen=True)
class PipelineResult:
    sources: tuple[Source, ...]
    extractions: tuple[SourceExtraction, ...]
    report: Report
    warnings: tuple[CorpusWarning, ...]


def run(
    corpus: Path | str = "seeds",
    *,
    decisions: Sequence[Decision] = (),
    jobs: int = 1,
) -> PipelineResult:
    raise NotImplementedError  # filled in by the integration work


def check(corpus: Path | str = "seeds", *, decisions: Sequence[Decision] = ()) -> Report:
    """Run every stage on a folder (or file) of articles and return the report."""
    return run(corpus, decisions=decisions).report


__all__ = ["PipelineResult", "check", "run", "extract_source", "load_corpus"]
