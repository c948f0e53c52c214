"""``run``, ``extract``, ``report`` and ``schema``: thin wrappers over the library."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import click

from claimdiff.background import in_child
from claimdiff.cli import EXIT_FINDINGS
from claimdiff.corpus import DEFAULT_MAX_BYTES, CorpusWarning, load_corpus
from claimdiff.execute import (
    ClaimsWriter,
    cpu_count,
    default_cache_dir,
    make_extractor,
    write_extractions,
)
from claimdiff.models import Decision, Report, Source, SourceExtraction
from claimdiff.pipeline import (
    FINDING_ORDER,
    Extractor,
    PipelineResult,
    analyse,
    collector_paused,
    run,
)
from claimdiff.report import render_json, render_markdown
from claimdiff.report.json import render_schema
from claimdiff.review import DecisionStore
from claimdiff.store import atomic_write_text, read_extraction

F = TypeVar("F", bound=Callable[..., Any])

DECISIONS_FILE = "decisions.jsonl"
BACKGROUND_RENDER_CLAIMS = 2000


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


class StderrLine:
    """One line of stderr, redrawn in place: drawn only on a terminal, only once a run has
    taken ``delay``, never with ``quiet``, and cleared by ``close``."""

    def __init__(self, *, quiet: bool, delay: float = 2.0) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.delay = delay
        self.started = time.monotonic()
        self.drawn = False

    def draw(self, text: str) -> None:
        if self.enabled and (self.drawn or time.monotonic() - self.started >= self.delay):
            self.drawn = True
            click.echo(f"\r\033[K{text}", err=True, nl=False)

    def close(self) -> None:
        if self.drawn:
            click.echo("\r\033[K", err=True, nl=False)


class StderrProgress(StderrLine):
    """A counter on stderr: "extracting 120/2225"."""

    def __init__(self, label: str, total: int, *, quiet: bool, delay: float = 2.0) -> None:
        super().__init__(quiet=quiet or total <= 0, delay=delay)
        self.label = label
        self.total = total
        self.done = 0

    def __call__(self, advance: int) -> None:
        self.done += advance
        self.draw(f"{self.label} {self.done}/{self.total}")


class StderrStage(StderrLine):
    """The name of the analysis stage under way: "classifying..."."""

    def __call__(self, stage: str) -> None:
        self.draw(f"{stage}...")


def cli_extractor(
    claims_dir: Path,
    jobs: int,
    cache_dir: Path | None,
    no_cache: bool,
    quiet: bool,
    writer: ClaimsWriter | None = None,
) -> Extractor:
    """``execute.make_extractor`` from the options, with a progress counter on stderr;
    ``writer`` (if given) starts writing the claims files as soon as extraction is done."""
    cache = None if no_cache else (cache_dir or default_cache_dir(claims_dir))

    def extract(sources: Sequence[Source]) -> list[SourceExtraction]:
        progress = StderrProgress("extracting", len(sources), quiet=quiet)
        try:
            sink = writer.defer_cache if writer is not None else None
            extractions = make_extractor(jobs or cpu_count(), cache, progress, sink)(sources)
        finally:
            progress.close()
        if writer is not None:
            writer.start(extractions)
        return extractions

    return extract


def load_decisions(claims_dir: Path) -> list[Decision]:
    path = claims_dir / DECISIONS_FILE
    return DecisionStore(path).load() if path.is_file() else []


def show_warnings(warnings: Sequence[CorpusWarning], quiet: bool) -> None:
    if not quiet:
        for warning in warnings:
            click.echo(str(warning), err=True)


def write_reports(report: Report, texts: dict[str, str], reports_dir: Path) -> None:
    render = partial(render_markdown, report, texts)
    # A big report's Markdown is rendered by a child process while this one renders the
    # JSON (a fork costs more than it saves on a small one).
    markdown = in_child(render) if len(report.claims) >= BACKGROUND_RENDER_CLAIMS else None
    # JSON first: a program polling for report.md then finds both up to date.
    atomic_write_text(reports_dir / "report.json", render_json(report))
    atomic_write_text(reports_dir / "report.md", markdown.result() if markdown else render())


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


def cycle_collection_off(command: Callable[..., None]) -> Callable[..., None]:
    """The whole command without the cyclic garbage collector (see ``collector_paused``).

    Turned back on after the pipeline, its first pass would scan every object the run
    made (a third of a second on 2,000 articles) just before the process ends anyway.
    """

    @functools.wraps(command)
    def without_collection(*args: Any, **kwargs: Any) -> None:
        with collector_paused():
            command(*args, **kwargs)

    return without_collection


@click.command("run")
@corpus_argument
@claims_dir_option
@output_options
@extraction_options
@cycle_collection_off
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
    # The claims files are written by a child process while this one analyses.
    writer = ClaimsWriter(claims_dir)
    extract = cli_extractor(claims_dir, jobs, cache_dir, no_cache, quiet, writer)
    stages = StderrStage(quiet=quiet)
    try:
        result: PipelineResult = run(
            corpus, decisions=decisions, extract=extract, max_bytes=max_bytes, on_stage=stages
        )
        stages("writing reports")
        writer.finish()  # claims before reports, as ever
        write_reports(result.report, result.texts, reports_dir)
    except BaseException:
        writer.abandon()  # each claims file is whole or untouched; nothing is redone
        raise
    finally:
        stages.close()
    show_warnings(result.warnings, quiet)
    if not quiet:
        click.echo(summary_line(result.report), err=True)
        click.echo(f"wrote {reports_dir / 'report.md'} and {reports_dir / 'report.json'}", err=True)
    exit_for(result.report, fail_on, min_confidence)


@click.command("extract")
@corpus_argument
@claims_dir_option
@click.option("--quiet", "-q", is_flag=True, help="No progress, warnings or summary on stderr.")
@extraction_options
@cycle_collection_off
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
    write_extractions(claims_dir, extractions)
    if not quiet:
        total = sum(len(e.claims) for e in extractions)
        click.echo(f"{total} claims from {len(extractions)} sources in {claims_dir}", err=True)


@click.command("report")
@corpus_argument
@claims_dir_option
@output_options
@max_bytes_option
@cycle_collection_off
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
    stages = StderrStage(quiet=quiet)
    try:
        report, _ = analyse(
            loaded.sources, extractions, decisions=load_decisions(claims_dir), on_stage=stages
        )
        stages("writing reports")
        write_reports(report, {s.id: s.text for s in loaded.sources}, reports_dir)
    finally:
        stages.close()
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
