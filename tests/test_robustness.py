"""Bad input and hostile text: clear errors, warnings and skips, bounded time, intact outputs.

Golden files: ``tests/cases/injection/`` holds a corpus and its expected ``report.md``.
Regenerate on purpose only: ``CLAIMDIFF_UPDATE_GOLDEN=1 pytest tests/test_robustness.py``.
Slow whole-pipeline checks on a 10 MB line run with ``CLAIMDIFF_SLOW_TESTS=1``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff.cli import cli
from claimdiff.extract import extract_source
from claimdiff.models import Source

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases"
UPDATE_GOLDEN = os.environ.get("CLAIMDIFF_UPDATE_GOLDEN") == "1"
SLOW = os.environ.get("CLAIMDIFF_SLOW_TESTS") == "1"


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def _call(function: Callable[..., object], args: tuple[object, ...]) -> None:
    function(*args)


def finishes_within(seconds: float, function: Callable[..., object], *args: object) -> bool:
    """Run ``function(*args)`` in a forked process; False if it is still running after ``seconds``.

    A process can be killed, a thread cannot: a runaway regex would otherwise hang the suite.
    """
    context = multiprocessing.get_context("fork")
    process = context.Process(target=_call, args=(function, args))
    process.start()
    process.join(seconds)
    if process.is_alive():
        process.kill()
        process.join()
        return False
    assert process.exitcode == 0, f"crashed with exit code {process.exitcode}"
    return True


# --------------------------------------------------------------------------- user files


def test_malformed_sources_toml_names_file_and_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Officials met on Monday.\n")
    (corpus / "sources.toml").write_text('[a]\ntitle = "ok"\npublished = 2025-13-45\n')
    result = invoke(
        "run",
        str(corpus),
        "--claims-dir",
        str(tmp_path / "c"),
        "--reports-dir",
        str(tmp_path / "r"),
    )
    assert result.exit_code == 2, result.output
    assert re.search(r"^error: .*sources\.toml:3: ", result.output, re.MULTILINE), result.output
    assert not (tmp_path / "r").exists()


def test_manifest_with_bad_field_is_an_input_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Officials met on Monday.\n")
    (corpus / "sources.toml").write_text("[a]\nauthor = 'x'\n")
    result = invoke(
        "run",
        str(corpus),
        "--claims-dir",
        str(tmp_path / "c"),
        "--reports-dir",
        str(tmp_path / "r"),
    )
    assert result.exit_code == 2
    assert "sources.toml" in result.output and "author" in result.output


def test_bad_files_warn_and_the_run_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Officials signed 17 agreements on 4 March 2025.\n")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "bin.txt").write_bytes(b"\x00\x01\x02")
    (corpus / "big.txt").write_text("word " * 1000)
    (corpus / "dir.txt").mkdir()
    result = invoke(
        "run",
        str(corpus),
        "--claims-dir",
        str(tmp_path / "c"),
        "--reports-dir",
        str(tmp_path / "r"),
        "--max-bytes",
        "2000",
    )
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 4
    for name in ("empty.txt", "bin.txt", "big.txt", "dir.txt"):
        assert sum(name in w for w in warnings) == 1
    assert (tmp_path / "r" / "report.md").is_file()
    assert (tmp_path / "c" / "good.jsonl").is_file()


@pytest.mark.parametrize("command", ["extract", "report"])
def test_max_bytes_on_extract_and_report(tmp_path: Path, command: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "big.txt").write_text("word " * 1000)
    result = invoke(
        command,
        str(corpus),
        "--claims-dir",
        str(tmp_path / "c"),
        "--max-bytes",
        "100",
        *(["--reports-dir", str(tmp_path / "r")] if command == "report" else []),
    )
    assert result.exit_code == 0, result.output
    assert "big.txt" in result.output and "over the limit" in result.output


# --------------------------------------------------------------------------- interruption


def _big_corpus(folder: Path, copies: int) -> None:
    folder.mkdir()
    seeds = sorted((REPO / "seeds").glob("*.txt")) + sorted(
        (REPO / "tests" / "gold" / "corpus").glob("*.txt")
    )
    for copy in range(copies):
        for path in seeds:
            (folder / f"{copy:03d}-{path.name}").write_bytes(path.read_bytes())


@pytest.mark.parametrize("when", ["during-extraction", "while-writing"])
def test_sigkill_leaves_previous_reports_intact(tmp_path: Path, when: str) -> None:
    corpus = tmp_path / "corpus"
    _big_corpus(corpus, copies=8)
    reports, claims = tmp_path / "reports", tmp_path / "claims"
    reports.mkdir()
    old_md = "# claimdiff report\n\nthe previous run\n"
    old_json = '{"previous": true}\n'
    (reports / "report.md").write_text(old_md)
    (reports / "report.json").write_text(old_json)
    command = [
        sys.executable,
        "-m",
        "claimdiff.cli",
        "run",
        str(corpus),
        "--claims-dir",
        str(claims),
        "--reports-dir",
        str(reports),
        "--no-cache",
        "--quiet",
    ]
    process = subprocess.Popen(
        [sys.executable, "-c", "from claimdiff.cli import main; main()", *command[3:]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        if when == "during-extraction":
            time.sleep(1.0)
        else:
            while not any(claims.glob("*")) and time.monotonic() < deadline:
                time.sleep(0.002)
        assert process.poll() is None, "the run ended before it could be interrupted"
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    # Each report is the previous one, or (if the kill came after its rename) a complete new one.

    md = (reports / "report.md").read_text()
    assert md == old_md or md.startswith("# claimdiff report\n\n") and md.endswith("\n")
    document = json.loads((reports / "report.json").read_text())
    assert document == {"previous": True} or "findings" in document
    visible = sorted(p.name for p in reports.iterdir() if not p.name.startswith("."))
    assert visible == ["report.json", "report.md"]
    for path in claims.glob("*.jsonl"):
        for line in path.read_text().splitlines():
            json.loads(line)  # no half-written claims file


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
@pytest.mark.parametrize("when", ["during-extraction", "while-writing-claims"])
def test_ctrl_c_exits_130_and_leaves_previous_outputs_intact(tmp_path: Path, when: str) -> None:
    corpus = tmp_path / "corpus"
    _big_corpus(corpus, copies=12)
    reports, claims = tmp_path / "reports", tmp_path / "claims"
    reports.mkdir()
    (reports / "report.md").write_text("the previous run\n")
    command = [sys.executable, "-c", "from claimdiff.cli import main; main()", "run", str(corpus)]
    command += ["--claims-dir", str(claims), "--reports-dir", str(reports), "-j", "2"]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl-C reaches the whole group: workers and children too
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    started = {  # worker processes extract; then a child writes the claims files
        "during-extraction": lambda: bool(_children(process.pid)),
        "while-writing-claims": lambda: any(claims.glob("*.jsonl")),
    }[when]
    while not started() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    if process.poll() is not None:
        pytest.skip("the run ended before it could be interrupted")
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the run ended before the interrupt arrived (a busy machine)")
    assert process.returncode == 130, err
    assert "interrupted; outputs already written are intact" in err
    assert (reports / "report.md").read_text() == "the previous run\n"
    # A Ctrl-C inside the making of a temporary file can leave it (hidden, never read);
    # every file a reader can see is whole.
    assert sorted(p.name for p in reports.iterdir() if not p.name.startswith(".")) == ["report.md"]
    for path in claims.glob("*.jsonl"):
        for line in path.read_text().splitlines():
            json.loads(line)


# --------------------------------------------------------------------------- injection


INJECTION = CASES / "injection"


def _render_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(case)  # so that reported paths are relative and the file is portable
    result = invoke(
        "run",
        "corpus",
        "--claims-dir",
        str(tmp_path / "claims"),
        "--reports-dir",
        str(tmp_path / "reports"),
        "--no-cache",
        "--quiet",
    )
    assert result.exit_code in (0, 1), result.output
    return (tmp_path / "reports" / "report.md").read_text(encoding="utf-8")


def test_injection_golden_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rendered = _render_case(INJECTION, tmp_path, monkeypatch)
    expected_path = INJECTION / "report.md"
    if UPDATE_GOLDEN or not expected_path.exists():
        expected_path.write_text(rendered, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail("wrote a new golden report.md; check it and commit it")
    assert rendered == expected_path.read_text(encoding="utf-8")


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_injection_cannot_inject_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _render_case(INJECTION, tmp_path, monkeypatch)
    assert "<script" not in report and "<img" not in report and "<b>" not in report
    assert not re.search(r"(?<!\\)\]\(", report)  # no link: every "]" is escaped
    for line in report.splitlines():
        # Source text never starts a line: no stray headings, quotes or rules.
        assert not line.startswith(("# Not", "> not", "|---|---|\n"))
        assert "\n" not in line


def test_injection_keeps_table_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _render_case(INJECTION, tmp_path, monkeypatch)
    columns = 0
    for line in report.splitlines():
        if not line.startswith("|"):
            columns = 0
            continue
        if columns == 0:
            columns = _unescaped_pipes(line)
        assert _unescaped_pipes(line) == columns, line


# --------------------------------------------------------------------------- fuzzing


FUZZ_PIECES = list("abcXYZ .,;:!?…\"'“”‘’()[]{}<>|*`_#-–—%£$€0123456789\n ") + [
    "Mr. ", "Dr. ", "U.S. ", "said ", "million ", "May ", "2004 ", " per cent", "£5m ",
    "John Smith ", "é", "Ж", "中",
]  # fmt: skip
FUZZ_TEXT = st.lists(st.sampled_from(FUZZ_PIECES), max_size=200).map("".join) | st.text(
    max_size=300
)


@given(text=FUZZ_TEXT, published=st.none() | st.dates())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extract_source_never_crashes_and_spans_index_the_text(text: str, published: Any) -> None:
    source = Source(id="fuzz", path="fuzz.txt", text=text, published=published)
    started = time.perf_counter()
    extraction = extract_source(source)
    assert time.perf_counter() - started < 5
    for record in (*extraction.mentions, *extraction.claims):
        assert 0 <= record.start <= record.end <= len(text)
        assert record.text == text[record.start : record.end]
        assert record.source == "fuzz"
        assert record.sentence_start <= record.start and record.end <= record.sentence_end
    ids = [r.id for r in (*extraction.mentions, *extraction.claims)]
    assert len(ids) == len(set(ids))


def _extract_text(text: str) -> None:
    extract_source(Source(id="x", path="x.txt", text=text))


PATHOLOGICAL = [
    pytest.param("a" + "." * 100_000 + "b", id="run-of-dots"),
    pytest.param("a" + "?!" * 50_000 + "b", id="run-of-mixed-punctuation"),
    pytest.param('"' * 50_000, id="run-of-quotes"),
    pytest.param('"a ' * 8_000, id="unclosed-quotes"),
    pytest.param("1," * 50_000, id="digits-and-commas"),
    pytest.param("1." * 50_000, id="digits-and-dots"),
    pytest.param("Mr " * 20_000, id="titles"),
    pytest.param("Ab " * 20_000, id="capitalised-words"),
    pytest.param("May 1 " * 5_000, id="dates"),
    pytest.param("5% " * 8_000, id="percentages"),
    pytest.param("x" + " " * 100_000 + "y", id="run-of-spaces"),
    pytest.param("(" * 50_000, id="open-brackets"),
    pytest.param("million " * 2_000, id="number-words"),
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_pathological_input_finishes_in_bounded_time(text: str) -> None:
    assert finishes_within(5.0, _extract_text, text)


def _long_line_corpus(corpus: Path, size: int) -> None:
    """One line of ``size`` characters, dense with claims of one event, and a second source."""
    corpus.mkdir()
    sentence = "The minister said on 4 March 2025 that John Smith signed 17 deals worth £5m. "
    (corpus / "big.txt").write_text((sentence * (size // len(sentence) + 1))[:size])
    (corpus / "small.txt").write_text("John Smith signed 18 deals on 4 March 2025.\n")


def _run_quietly(corpus: Path, out: Path) -> None:
    result = invoke("run", str(corpus), "--claims-dir", str(out / "c"), "--reports-dir", str(out))
    assert result.exit_code in (0, 1), result.output
    assert (out / "report.md").is_file()


def test_half_megabyte_line_goes_through_the_whole_pipeline_in_bounded_time(
    tmp_path: Path,
) -> None:
    # About four seconds of linear work here (25,000 claims); a scan per sentence or per
    # claim, quadratic in the text, took minutes on this file and hours on 10 MB.
    _long_line_corpus(tmp_path / "corpus", 500_000)
    assert finishes_within(60, _run_quietly, tmp_path / "corpus", tmp_path / "out")


@pytest.mark.skipif(not SLOW, reason="set CLAIMDIFF_SLOW_TESTS=1: a few minutes")
def test_ten_megabyte_line_through_the_whole_pipeline(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _long_line_corpus(corpus, 10_000_000)

    def run_cli() -> None:
        result = invoke(
            "run",
            str(corpus),
            "--claims-dir",
            str(tmp_path / "c"),
            "--reports-dir",
            str(tmp_path / "r"),
        )
        assert result.exit_code in (0, 1)

    assert finishes_within(300, run_cli)
