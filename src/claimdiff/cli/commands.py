"""``run``, ``extract``, ``report`` and ``schema``: thin wrappers over the library."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from claimdiff.cli import EXIT_FINDINGS
from claimdiff.corpus import DEFAULT_MAX_BYTES, CorpusWarning, load_corpus
from claimdiff.execute import cpu_count, default_cache_dir, make_extractor
from claimdiff.models import Decision, Report, Source, SourceExtraction
from claimdiff.pipeline import FINDING_ORDER, Extractor, PipelineResult, analyse, run
from claimdiff.report import render_json, render_markdown
from claimdiff.report.json import render_schema
from claimdiff.review import DecisionStore
from claimdiff.store import atomic_write_text, read_extraction, write_extraction

F = TypeVar("F", bound=Callable[..., Any])

DECISIONS_FILE = "decisions.jsonl"


def corpus_argument(function: F) -> F:
    return click.argument(
        "corpus",
        default="seeds",
        type=click.Path(path_type=Path),
    )(function)


def claims_dir_option(function: F) -> F:
    return click.option(
        "--claims-dir",
        default="claims",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Where claims/<source-id>.jsonl and decisions.jsonl live.",
    )(function)


def output_options(function: F) -> F:
    """Options shared by every command that writes a report."""

    @click.option(
        "--reports-dir",
        default="reports",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Where report.md and report.json are written.",
    )
    @click.option(
        "--fail-on",
        "fail_on",
        multiple=True,
        type=click.Choice(FINDING_ORDER),
        help="Exit 1 when a finding of this kind (not rejected) is reported. Repeatable.",
    )
    @click.option(
        "--min-confidence",
        default=0.5,
        show_default=True,
        type=click.FloatRange(0, 1),
        help="Findings below this confidence do not trigger --fail-on.",
    )
    @click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def extraction_options(function: F) -> F:
    """Options of the commands that extract: parallelism, cache and the size limit."""

    @click.option(
        "--jobs",
        "-j",
        default=1,
        show_default=True,
        type=click.IntRange(min=0),
        help="Extract in this many processes; 0 means one per CPU. Output does not depend on it.",
    )
    @click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Claims cached per source content and claimdiff version "
        "[default: CLAIMS_DIR/.claimdiff-cache].",
    )
    @click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
    @max_bytes_option
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def max_bytes_option(function: F) -> F:
    """The size above which a corpus file is skipped, for every command that reads a corpus."""
    return click.option(
        "--max-bytes",
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        type=click.IntRange(min=1),
        help="Skip (with a warning) files larger than this.",
    )(function)


class StderrProgress:
    """A counter on stderr, drawn only on a terminal and only once a run has taken ``delay``."""

    def __init__(self, label: str, total: int, *, quiet: bool, delay: float = 2.0) -> None:
        self.enabled = not quiet and total > 0 and sys.stderr.isatty()
        self.label = label
        self.total = total
        self.done = 0
        self.delay = delay
        self.started = time.monotonic()
        self.drawn = False

    def __call__(self, advance: int) -> None:
        self.done += advance
        if self.enabled and (self.drawn or time.monotonic() - self.started >= self.delay):
            self.drawn = True
            click.echo(f"\r{self.label} {self.done}/{self.total}", err=True, nl=False)

    def close(self) -> None:
        if self.drawn:
            click.echo("\r\033[K", err=True, nl=False)


def cli_extractor(
    claims_dir: Path, jobs: int, cache_dir: Path | None, no_cache: bool, quiet: bool
) -> Extractor:
    """``execute.make_extractor`` from the options, with a progress counter on stderr."""
    cache = None if no_cache else (cache_dir or default_cache_dir(claims_dir))

    def extract(sources: Sequence[Source]) -> list[SourceExtraction]:
        progress = StderrProgress("extracting", len(sources), quiet=quiet)
        try:
            return make_extractor(jobs or cpu_count(), cache, progress)(sources)
        finally:
            progress.close()

    return extract


def load_decisions(claims_dir: Path) -> list[Decision]:
    path = claims_dir / DECISIONS_FILE
    return DecisionStore(path).load() if path.is_file() else []


def show_warnings(warnings: Sequence[CorpusWarning], quiet: bool) -> None:
    if not quiet:
        for warning in warnings:
            click.echo(str(warning), err=True)


def write_reports(report: Report, texts: dict[str, str], reports_dir: Path) -> None:
    # JSON first: a program polling for report.md then finds both up to date.
    atomic_write_text(reports_dir / "report.json", render_json(report))
    atomic_write_text(reports_dir / "report.md", render_markdown(report, texts))


def summary_line(report: Report) -> str:
    counts = report.summary.findings
    parts = [
        f"{counts.get('conflict', 0)} conflicts",
        f"{counts.get('different_context', 0)} different-context",
        f"{counts.get('name_variant', 0) + counts.get('title_variant', 0)} variants",
        f"{counts.get('vague_vs_specific', 0)} vague-vs-specific",
        f"{counts.get('agreement', 0)} agreements",
        f"{report.summary.unreviewed} need review",
    ]
    if report.summary.stale_decisions:
        parts.append(f"{report.summary.stale_decisions} stale decisions")
    return ", ".join(parts)


def exit_for(report: Report, fail_on: Sequence[str], min_confidence: float) -> None:
    hits = [
        f
        for f in report.findings
        if f.kind in fail_on and f.status != "rejected" and f.confidence >= min_confidence
    ]
    if hits:
        click.get_current_context().exit(EXIT_FINDINGS)


@click.command("run")
@corpus_argument
@claims_dir_option
@output_options
@extraction_options
def run_command(
    corpus: Path,
    claims_dir: Path,
    reports_dir: Path,
    fail_on: tuple[str, ...],
    min_confidence: float,
    quiet: bool,
    jobs: int,
    cache_dir: Path | None,
    no_cache: bool,
    max_bytes: int,
) -> None:
    """Extract, align and classify the claims of CORPUS (a folder or one file; default
    seeds/), write claims/<source-id>.jsonl and reports/report.md + report.json.

    Decisions in CLAIMS_DIR/decisions.jsonl are applied; the file is never rewritten.

    Example:

        claimdiff run seeds/ --fail-on conflict --jobs 0
    """
    decisions = load_decisions(claims_dir)
    extract = cli_extractor(claims_dir, jobs, cache_dir, no_cache, quiet)
    result: PipelineResult = run(corpus, decisions=decisions, extract=extract, max_bytes=max_bytes)
    show_warnings(result.warnings, quiet)
    for extraction in result.extractions:
        write_extraction(claims_dir, extraction)
    write_reports(result.report, result.texts, reports_dir)
    if not quiet:
        click.echo(summary_line(result.report), err=True)
        click.echo(f"wrote {reports_dir / 'report.md'} and {reports_dir / 'report.json'}", err=True)
    exit_for(result.report, fail_on, min_confidence)


@click.command("extract")
@corpus_argument
@claims_dir_option
@click.option("--quiet", "-q", is_flag=True, help="No progress, warnings or summary on stderr.")
@extraction_options
def extract_command(
    corpus: Path,
    claims_dir: Path,
    quiet: bool,
    jobs: int,
    cache_dir: Path | None,
    no_cache: bool,
    max_bytes: int,
) -> None:
    """Extract the claims of every source in CORPUS into CLAIMS_DIR/<source-id>.jsonl.

    Example:

        claimdiff extract seeds/ --claims-dir claims --jobs 2
    """
    loaded = load_corpus(corpus, max_bytes=max_bytes)
    show_warnings(loaded.warnings, quiet)
    extractions = cli_extractor(claims_dir, jobs, cache_dir, no_cache, quiet)(loaded.sources)
    for extraction in extractions:
        write_extraction(claims_dir, extraction)
    if not quiet:
        total = sum(len(e.claims) for e in extractions)
        click.echo(f"{total} claims from {len(extractions)} sources in {claims_dir}", err=True)


@click.command("report")
@corpus_argument
@claims_dir_option
@output_options
@max_bytes_option
def report_command(
    corpus: Path,
    claims_dir: Path,
    reports_dir: Path,
    fail_on: tuple[str, ...],
    min_confidence: float,
    quiet: bool,
    max_bytes: int,
) -> None:
    """Build the reports from claims already extracted into CLAIMS_DIR (see ``extract``),
    with the reviewer's decisions applied. CORPUS supplies the texts that are quoted.

    Example:

        claimdiff extract seeds/ && claimdiff report seeds/
    """
    loaded = load_corpus(corpus, max_bytes=max_bytes)
    show_warnings(loaded.warnings, quiet)
    extractions: list[SourceExtraction] = [
        read_extraction(claims_dir, source.id) for source in loaded.sources
    ]
    report, _ = analyse(loaded.sources, extractions, decisions=load_decisions(claims_dir))
    write_reports(report, {s.id: s.text for s in loaded.sources}, reports_dir)
    if not quiet:
        click.echo(summary_line(report), err=True)
    exit_for(report, fail_on, min_confidence)


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of report.json (generated from the pydantic models).

    Example:

        claimdiff schema > report.schema.json
    """
    click.echo(render_schema(), nl=False)
