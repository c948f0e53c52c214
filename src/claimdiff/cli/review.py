"""``claimdiff review`` and ``claimdiff verify``: click wrappers over review, expect and pipeline.

Only this module reads the clock, git config, the terminal and the decisions file path;
the library gets the reviewer and the time passed in.
"""

from __future__ import annotations

import datetime as dt
import getpass
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar, get_args

import click

from claimdiff import pipeline
from claimdiff.cli import InputError
from claimdiff.errors import ClaimdiffError, ReviewError
from claimdiff.expect import append_expectations, export_expectations, load_expectations, verify
from claimdiff.models import Decision, FindingKind, FindingStatus, Report, ReportFinding
from claimdiff.review import (
    DECISIONS_FILE,
    DecisionStore,
    ReviewState,
    latest_states,
    make_decision,
)
from claimdiff.review_session import HELP, ReviewSession

F = TypeVar("F", bound=Callable[..., Any])
KINDS = get_args(FindingKind)
EXPECTED_FILE = "expected.toml"
META_KEY = "claimdiff.review"


@contextmanager
def library_errors() -> Iterator[None]:
    try:
        yield
    except ClaimdiffError as exc:
        raise InputError(str(exc)) from exc


# --------------------------------------------------------------------------- who and when


def resolve_reviewer(explicit: str | None) -> str:
    """``--reviewer``, else ``git config user.name``, else the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    try:
        done = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        )
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- shared options


@dataclass(frozen=True)
class Context:
    corpus: Path
    claims_dir: Path
    reviewer: str | None

    @property
    def store(self) -> DecisionStore:
        return DecisionStore(self.claims_dir / DECISIONS_FILE)


def review_options(command: F) -> F:
    """``[CORPUS]``, ``--claims-dir`` and ``--reviewer``, on the group and each subcommand."""
    command = click.option(
        "--reviewer", default=None, help="Who decides (default: git user.name, else login)."
    )(command)
    command = click.option(
        "--claims-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of decisions.jsonl and expected.toml (default: claims).",
    )(command)
    return command


def corpus_argument(command: F) -> F:
    return click.argument("corpus", required=False, type=click.Path(exists=True, path_type=Path))(
        command
    )


def _context(corpus: Path | None, claims_dir: Path | None, reviewer: str | None) -> Context:
    parent = click.get_current_context().meta.get(META_KEY)
    return Context(
        corpus=corpus or (parent.corpus if parent else Path("seeds")),
        claims_dir=claims_dir or (parent.claims_dir if parent else Path("claims")),
        reviewer=reviewer or (parent.reviewer if parent else None),
    )


def _load_decisions(store: DecisionStore) -> list[Decision]:
    with library_errors():
        return store.load()


def _run(corpus: Path, decisions: Sequence[Decision]) -> pipeline.PipelineResult:
    with library_errors():
        result = pipeline.run(corpus, decisions=decisions)
    for warning in result.warnings:
        click.echo(str(warning), err=True)
    return result


def _status(finding: ReportFinding, states: Mapping[str, ReviewState]) -> FindingStatus:
    """The report's status; the log's verdict if the report has not applied it yet."""
    state = states.get(finding.decision_key)
    if finding.status != "unreviewed" or state is None or state.verdict is None:
        return finding.status
    if state.finding_kind != finding.kind:
        return finding.status
    return "accepted" if state.verdict == "accept" else "rejected"


def _select(
    findings: Sequence[ReportFinding], kinds: Sequence[str], sources: Sequence[str]
) -> list[ReportFinding]:
    return [
        f
        for f in findings
        if (not kinds or f.kind in kinds)
        and (not sources or any(s.startswith(p) for s in f.sources for p in sources))
    ]


def find_finding(findings: Sequence[ReportFinding], ident: str) -> ReportFinding:
    """A finding by its id, or by a unique prefix of its decision key."""
    for finding in findings:
        if finding.id == ident:
            return finding
    matches = {f.decision_key: f for f in findings if f.decision_key.startswith(ident)}
    if len(matches) == 1:
        return next(iter(matches.values()))
    if not matches:
        raise ReviewError(f"no finding with id or decision key prefix {ident!r}")
    shown = ", ".join(sorted(matches)[:5])
    raise ReviewError(f"{ident!r} matches {len(matches)} decision keys ({shown}); type more")


# --------------------------------------------------------------------------- display


def render_finding(
    finding: ReportFinding,
    result: pipeline.PipelineResult,
    *,
    highlight: Callable[[str], str],
    status: FindingStatus | None = None,
) -> str:
    """Summary, reasons, confidence, then each source's sentence with the claim highlighted."""
    report = result.report
    texts = {s.id: s.text for s in result.sources}
    meta = {s.id: s for s in report.sources}
    claims = {c.id: c for c in report.claims}
    entities = {e.id: e for e in report.entities}
    lines = [
        f"[{finding.kind}] {finding.id}  confidence {finding.confidence:.2f}  "
        f"status {status or finding.status}  key {finding.decision_key}",
        f"  {finding.summary}",
    ]
    if finding.reasons:
        lines.append("  reasons: " + ", ".join(finding.reasons))
    if finding.reviewer or finding.note:
        lines.append(f"  reviewer: {finding.reviewer or '-'}  note: {finding.note or '-'}")
    quotes: list[tuple[str, int, int, int, int]] = []
    for claim_id in finding.claims:
        c = claims.get(claim_id)
        if c is not None:
            quotes.append((c.source, c.start, c.end, c.sentence_start, c.sentence_end))
    shown: dict[str, int] = {}
    for entity_id in finding.entities:
        entity = entities.get(entity_id)
        if entity is None:
            continue
        # Each spelling where it occurs, at most twice; role mentions ("the president") add noise.
        for m in entity.mentions:
            if m.text in entity.variants and m.source in texts and shown.get(m.text, 0) < 2:
                shown[m.text] = shown.get(m.text, 0) + 1
                quotes.append((m.source, m.start, m.end, *_sentence_around(texts[m.source], m)))
    for source, start, end, s_start, s_end in quotes:
        source_meta = meta.get(source)
        title = source_meta.title if source_meta and source_meta.title else "(no title)"
        published = source_meta.published if source_meta else None
        lines.append(f"  -- {source}  {title}  ({published or 'undated'})")
        text = texts.get(source)
        if text is None:
            continue
        s_start, s_end = min(s_start, start), max(s_end, end)
        sentence = text[s_start:start] + highlight(text[start:end]) + text[end:s_end]
        lines.append("     " + " ".join(sentence.split()))
    return "\n".join(lines)


def _sentence_around(text: str, span: Any) -> tuple[int, int]:
    start = max(text.rfind(c, 0, span.start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, span.end) for c in ".!?\n") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return max(start, span.start - 300), min(end, span.end + 300)


def _highlighter(color: bool) -> Callable[[str], str]:
    if color:
        return lambda s: click.style(s, bold=True, underline=True, fg="yellow")
    return lambda s: f"[[{s}]]"


# --------------------------------------------------------------------------- commands


@click.group("review", invoke_without_command=True)
@click.option("--corpus", type=click.Path(exists=True, path_type=Path), default=Path("seeds"))
@review_options
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this kind.")
@click.option("--source", "sources", multiple=True, help="Only findings citing this source id.")
@click.pass_context
def review_group(
    ctx: click.Context,
    corpus: Path,
    claims_dir: Path | None,
    reviewer: str | None,
    kinds: tuple[str, ...],
    sources: tuple[str, ...],
) -> None:
    """Review findings one key at a time: accept, reject, skip, note, undo.

    Walks unreviewed findings, conflicts first. Each decision is appended to
    CLAIMS_DIR/decisions.jsonl at once, so quitting or Ctrl-C keeps it.
    Keys: a accept, r reject, s skip, n note, u undo, ? help, q quit.

    Example:

    \b
        claimdiff review --kind conflict
        claimdiff review --corpus seeds --source 000 --reviewer ana
    """
    context = Context(corpus, claims_dir or Path("claims"), reviewer)
    ctx.meta[META_KEY] = context
    if ctx.invoked_subcommand is not None:
        return
    _interactive(context, kinds, sources)


def _interactive(context: Context, kinds: Sequence[str], sources: Sequence[str]) -> None:
    store = context.store
    decisions = _load_decisions(store)
    result = _run(context.corpus, decisions)
    states = latest_states(decisions)
    pending = [
        f
        for f in _select(result.report.findings, kinds, sources)
        if _status(f, states) == "unreviewed"
    ]
    session = ReviewSession(
        pending, reviewer=resolve_reviewer(context.reviewer), now=utc_now, states=states
    )
    if session.finished:
        click.echo("nothing to review", err=True)
        return
    stdin = sys.stdin
    tty = stdin.isatty()
    highlight = _highlighter(sys.stdout.isatty())
    click.echo(HELP, err=True)
    try:
        while (current := session.current) is not None:
            assert isinstance(current, ReportFinding)
            click.echo()
            click.echo(render_finding(current, result, highlight=highlight))
            click.echo(session.progress() + "  [a/r/s/n/u/?/q] ", nl=False)
            key = click.getchar() if tty else _read_line(stdin)
            click.echo(key if tty else "")
            outcome = session.press(key)
            if outcome.action == "need-note":
                text = click.prompt("note", default="", show_default=False) if tty else ""
                outcome = session.note(text if tty else _read_line(stdin))
            with library_errors():
                store.append(outcome.decisions)
            if outcome.message:
                click.echo(outcome.message, err=True)
    except (KeyboardInterrupt, EOFError):
        click.echo("\nstopped", err=True)
    click.echo(f"{session.made} decisions recorded in {store.path}", err=True)


def _read_line(stream: IO[str]) -> str:
    line = stream.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


@review_group.command("list")
@corpus_argument
@review_options
@click.option(
    "--status",
    type=click.Choice(["all", "unreviewed", "accepted", "rejected", "stale"]),
    default="all",
    show_default=True,
)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this kind.")
@click.option("--source", "sources", multiple=True, help="Only findings citing this source id.")
def list_command(
    corpus: Path | None,
    claims_dir: Path | None,
    reviewer: str | None,
    status: str,
    kinds: tuple[str, ...],
    sources: tuple[str, ...],
) -> None:
    """List findings as tab-separated id, kind, status, key, reviewer, summary.

    --status stale lists decisions whose evidence changed, with the reason.

    Example:

    \b
        claimdiff review list --status unreviewed --kind conflict
    """
    context = _context(corpus, claims_dir, reviewer)
    decisions = _load_decisions(context.store)
    result = _run(context.corpus, decisions)
    if status == "stale":
        for stale in result.report.stale_decisions:
            click.echo(
                f"{stale.key}\t{stale.finding_kind}\t{stale.verdict}\t{stale.reviewer}\t{stale.why}"
            )
        return
    states = latest_states(decisions)
    shown = 0
    for f in _select(result.report.findings, kinds, sources):
        current = _status(f, states)
        if status != "all" and current != status:
            continue
        shown += 1
        summary = " ".join(f.summary.split())
        click.echo(f"{f.id}\t{f.kind}\t{current}\t{f.decision_key}\t{f.reviewer or '-'}\t{summary}")
    stale_count = len(result.report.stale_decisions)
    click.echo(f"{shown} findings, {stale_count} stale decisions", err=True)


@review_group.command("show")
@click.argument("ident", metavar="ID")
@corpus_argument
@review_options
def show_command(
    ident: str, corpus: Path | None, claims_dir: Path | None, reviewer: str | None
) -> None:
    """Show one finding with every source's sentence; ID is a finding id or key prefix.

    Example:

    \b
        claimdiff review show 3fa2c1
    """
    context = _context(corpus, claims_dir, reviewer)
    decisions = _load_decisions(context.store)
    result = _run(context.corpus, decisions)
    with library_errors():
        finding = find_finding(result.report.findings, ident)
    status = _status(finding, latest_states(decisions))
    color = sys.stdout.isatty()
    click.echo(render_finding(finding, result, highlight=_highlighter(color), status=status))


def _decide(verdict: str) -> Callable[..., None]:
    def command(
        ident: str,
        corpus: Path | None,
        claims_dir: Path | None,
        reviewer: str | None,
        note: str | None,
    ) -> None:
        context = _context(corpus, claims_dir, reviewer)
        decisions = _load_decisions(context.store)
        result = _run(context.corpus, decisions)
        with library_errors():
            finding = find_finding(result.report.findings, ident)
        prior = latest_states(decisions).get(finding.decision_key)
        decision = make_decision(
            finding,
            "accept" if verdict == "accept" else "reject",
            reviewer=resolve_reviewer(context.reviewer),
            at=utc_now(),
            note=note if note is not None else (prior.note if prior else None),
        )
        with library_errors():
            context.store.append([decision])
        click.echo(
            f"{verdict}ed {finding.id} ({finding.kind}, key {finding.decision_key})", err=True
        )

    return command


def _register_decision_command(verdict: str, doc: str) -> None:
    command = _decide(verdict)
    command.__doc__ = doc
    command = click.option("--note", default=None, help="Why; kept with the decision.")(command)
    command = review_options(command)
    command = corpus_argument(command)
    command = click.argument("ident", metavar="ID")(command)
    review_group.command(verdict)(command)


_register_decision_command(
    "accept",
    """Accept a finding: its reading is right; ID is a finding id or key prefix.

    Example:

    \b
        claimdiff review accept 3fa2c1 --note "checked both originals"
    """,
)
_register_decision_command(
    "reject",
    """Reject a finding: a rejected conflict stops counting, a rejected name variant is split.

    Example:

    \b
        claimdiff review reject 3fa2c1 --note "different visits"
    """,
)


@review_group.command("export")
@corpus_argument
@review_options
@click.option(
    "--expect",
    "expect_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Append the entries to this file (atomically) instead of printing them.",
)
def export_command(
    corpus: Path | None, claims_dir: Path | None, reviewer: str | None, expect_file: Path | None
) -> None:
    """Turn accepted and rejected decisions into expected-findings entries (TOML).

    Entries already in --expect FILE (same decision key) are not added twice.

    Example:

    \b
        claimdiff review export --expect claims/expected.toml
        claimdiff review export > more-expectations.toml
    """
    context = _context(corpus, claims_dir, reviewer)
    decisions = _load_decisions(context.store)
    report = _run(context.corpus, decisions).report
    if expect_file is None:
        with library_errors():
            click.echo(export_expectations(decisions, report), nl=False)
        return
    with library_errors():
        added = append_expectations(expect_file, decisions, report)
    click.echo(f"{added} entries added to {expect_file}", err=True)


@click.command("verify")
@corpus_argument
@click.option(
    "--expect",
    "expect_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Expected findings (default: CLAIMS_DIR/expected.toml).",
)
@click.option(
    "--claims-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("claims"),
    show_default=True,
)
@click.option(
    "--with-decisions/--without-decisions",
    default=False,
    help="Apply CLAIMS_DIR/decisions.jsonl first (default: test the tool's own output).",
)
def verify_command(
    corpus: Path | None, expect_file: Path | None, claims_dir: Path, with_decisions: bool
) -> None:
    """Run the pipeline and check the expected findings; exit 1 with a diff if any fail.

    An expected finding that is missing or changed kind, or a forbidden one that is
    present, is listed as "- expected" and "+ found" lines.

    Example:

    \b
        claimdiff verify seeds --expect claims/expected.toml
    """
    path = expect_file or claims_dir / EXPECTED_FILE
    with library_errors():
        expectations = load_expectations(path)
    decisions = (
        _load_decisions(DecisionStore(claims_dir / DECISIONS_FILE)) if with_decisions else []
    )
    report: Report = _run(corpus or Path("seeds"), decisions).report
    outcome = verify(report, expectations)
    if not outcome.ok:
        click.echo(outcome.diff())
    click.echo(outcome.summary(), err=True)
    click.get_current_context().exit(outcome.return_code)
