"""Parallel and cached extraction: the same bytes out whatever --jobs, cache or file order."""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimdiff.execute as execute
from claimdiff.cli import cli
from claimdiff.corpus import load_corpus
from claimdiff.execute import (
    cache_key,
    cache_path,
    extract_with,
    extractor_code_files,
    make_extractor,
)
from claimdiff.models import Source, SourceExtraction
from claimdiff.pipeline import extract_all

REPO = Path(__file__).resolve().parent.parent
CORPORA = [REPO / "seeds", REPO / "tests" / "gold" / "corpus"]


@pytest.fixture(scope="module")
def corpus_files() -> dict[str, bytes]:
    """About twenty real articles: enough for --jobs 2 to use worker processes."""
    files: dict[str, bytes] = {}
    for folder in CORPORA:
        for path in sorted(folder.glob("*.txt")):
            files[path.name] = path.read_bytes()
    assert len(files) > execute.MIN_PARALLEL_SOURCES
    return files


def write_corpus(folder: Path, files: dict[str, bytes], order: list[str]) -> Path:
    folder.mkdir(parents=True)
    for name in order:
        (folder / name).write_bytes(files[name])
    return folder


def run_cli(workdir: Path, corpus: Path, *args: str) -> dict[str, bytes]:
    result = CliRunner().invoke(
        cli,
        [
            "run",
            str(corpus),
            "--claims-dir",
            str(workdir / "claims"),
            "--reports-dir",
            str(workdir / "reports"),
            "--quiet",
            *args,
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    outputs = {f"reports/{p.name}": p.read_bytes() for p in sorted((workdir / "reports").iterdir())}
    outputs.update(
        {f"claims/{p.name}": p.read_bytes() for p in sorted((workdir / "claims").glob("*.jsonl"))}
    )
    return outputs


def run_in(
    monkeypatch: pytest.MonkeyPatch,
    workdir: Path,
    files: dict[str, bytes],
    order: list[str],
    *args: str,
) -> dict[str, bytes]:
    """Write the corpus to WORKDIR/corpus in ``order`` and run there, so reported paths agree."""
    write_corpus(workdir / "corpus", files, order)
    monkeypatch.chdir(workdir)
    return run_cli(Path("."), Path("corpus"), *args)


def test_jobs_and_cache_give_byte_identical_output(
    tmp_path: Path, corpus_files: dict[str, bytes]
) -> None:
    corpus = write_corpus(tmp_path / "corpus", corpus_files, sorted(corpus_files))
    serial = run_cli(tmp_path / "serial", corpus, "--jobs", "1", "--no-cache")
    parallel = run_cli(tmp_path / "parallel", corpus, "--jobs", "2")
    cached = run_cli(tmp_path / "parallel", corpus, "--jobs", "2")  # every source from the cache
    assert serial.keys() == parallel.keys()
    assert serial == parallel == cached
    assert any(k.startswith("claims/") for k in serial)


def test_warm_rerun_after_one_change_equals_a_cold_run(
    tmp_path: Path, corpus_files: dict[str, bytes]
) -> None:
    corpus = write_corpus(tmp_path / "corpus", corpus_files, sorted(corpus_files))
    warm = tmp_path / "warm"
    before = run_cli(warm, corpus, "--jobs", "2")
    changed = sorted(corpus_files)[len(corpus_files) // 2]
    (corpus / changed).write_bytes(
        corpus_files[changed] + b"\nOfficials said 12 people were hurt in the capital.\n"
    )
    after_warm = run_cli(warm, corpus, "--jobs", "2")
    cold = run_cli(tmp_path / "cold", corpus, "--no-cache")
    assert after_warm == cold
    assert after_warm["reports/report.md"] != before["reports/report.md"]


def test_rerun_leaves_unchanged_claims_files_alone(
    tmp_path: Path, corpus_files: dict[str, bytes]
) -> None:
    corpus = write_corpus(tmp_path / "corpus", corpus_files, sorted(corpus_files))
    run_cli(tmp_path / "run", corpus)
    claims = sorted((tmp_path / "run" / "claims").glob("*.jsonl"))
    changed = sorted(corpus_files)[0]
    for path in claims:
        os.utime(path, ns=(1, 1))
    (corpus / changed).write_bytes(corpus_files[changed] + b"\nTwo people were hurt.\n")
    run_cli(tmp_path / "run", corpus)
    rewritten = [p.name for p in claims if p.stat().st_mtime_ns != 1]
    assert rewritten == [Path(changed).stem + ".jsonl"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_file_creation_order_does_not_change_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_files: dict[str, bytes], seed: int
) -> None:
    shuffled = list(corpus_files)
    random.Random(seed).shuffle(shuffled)
    first = run_in(monkeypatch, tmp_path / "a", corpus_files, sorted(corpus_files), "--no-cache")
    second = run_in(monkeypatch, tmp_path / "b", corpus_files, shuffled, "--jobs", "2")
    assert first == second


def test_report_holds_no_wall_clock_time(tmp_path: Path, corpus_files: dict[str, bytes]) -> None:
    import datetime as dt

    corpus = write_corpus(tmp_path / "corpus", corpus_files, sorted(corpus_files))
    outputs = run_cli(tmp_path / "run", corpus, "--no-cache")
    today = dt.date.today().isoformat().encode()
    assert today not in outputs["reports/report.md"]
    assert today not in outputs["reports/report.json"]


# --------------------------------------------------------------------------- the cache


@pytest.fixture
def sources() -> list[Source]:
    corpus = load_corpus(REPO / "seeds")
    return list(corpus.sources)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the sources actually extracted (in this process)."""
    calls: list[str] = []
    real = execute.extract_source

    def counting(source: Source) -> SourceExtraction:
        calls.append(source.id)
        return real(source)

    monkeypatch.setattr(execute, "extract_source", counting)
    return calls


def test_rerun_extracts_only_the_changed_source(
    tmp_path: Path, sources: list[Source], counted: list[str]
) -> None:
    cache = tmp_path / "cache"
    first = extract_with(sources, cache_dir=cache)
    assert counted == [s.id for s in sources]
    counted.clear()
    changed = sources[1].model_copy(update={"text": sources[1].text + "\nA new line.\n"})
    second = extract_with([sources[0], changed, *sources[2:]], cache_dir=cache)
    assert counted == [changed.id]
    assert second[0] == first[0] and second[2:] == first[2:]
    assert second == extract_all([sources[0], changed, *sources[2:]])


@pytest.mark.parametrize("fork", [True, False], ids=["child-process", "in-process"])
def test_cache_entries_handed_to_the_claims_writer_are_written_by_it(
    tmp_path: Path,
    sources: list[Source],
    counted: list[str],
    fork: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(execute, "MIN_PARALLEL_SOURCES", 1)
    if not fork:
        monkeypatch.setattr(sys, "platform", "other")
    cache = tmp_path / "cache"
    writer = execute.ClaimsWriter(tmp_path / "claims")
    first = extract_with(sources, cache_dir=cache, cache_sink=writer.defer_cache)
    assert not cache.exists()  # nothing written while extraction has the CPUs
    writer.start(first)
    writer.finish()
    counted.clear()
    assert extract_with(sources, cache_dir=cache) == first
    assert counted == []


def test_moving_the_corpus_keeps_the_cache(sources: list[Source]) -> None:
    moved = sources[0].model_copy(update={"path": "/elsewhere/" + sources[0].path})
    assert cache_key(moved) == cache_key(sources[0])
    import datetime as dt

    dated = sources[0].model_copy(
        update={"published": dt.date(2001, 2, 3), "published_from": "manifest"}
    )
    assert cache_key(dated) != cache_key(sources[0])


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:-40]), id="truncated"),
        pytest.param(
            lambda p: p.write_text("".join(p.read_text().splitlines(keepends=True)[:-1])),
            id="last-record-lost",
        ),
        pytest.param(lambda p: p.write_bytes(b"\xff\xfe garbage"), id="garbage"),
        pytest.param(lambda p: p.write_text('{"source": "another", "claims": []}'), id="other"),
        pytest.param(lambda p: (p.unlink(), p.mkdir()), id="a-folder"),
    ],
)
def test_corrupt_cache_entry_is_recomputed(
    tmp_path: Path,
    sources: list[Source],
    counted: list[str],
    damage: Callable[[Path], object],
) -> None:
    cache = tmp_path / "cache"
    expected = extract_with(sources, cache_dir=cache)
    damage(cache_path(cache, cache_key(sources[0])))
    counted.clear()
    assert extract_with(sources, cache_dir=cache) == expected
    assert counted == [sources[0].id]


def test_cache_entries_are_a_header_and_the_claims_file_and_no_temp_files_remain(
    tmp_path: Path, sources: list[Source]
) -> None:
    from claimdiff.store import extraction_jsonl

    cache = tmp_path / "cache"
    extractions = extract_with(sources, cache_dir=cache, jobs=2)
    files = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(files) == len(sources)
    assert all(p.suffix == ".jsonl" and not p.name.startswith(".") for p in files)
    for source, extraction in zip(sources, extractions, strict=True):
        header, _, body = cache_path(cache, cache_key(source)).read_text().partition("\n")
        assert json.loads(header) == {"source": source.id, "records": body.count("\n")}
        assert body == extraction_jsonl(extraction)


def test_cache_entry_of_a_source_without_records_is_read_back(
    tmp_path: Path, counted: list[str]
) -> None:
    empty = [Source(id="quiet", path="quiet.txt", text="Nothing to see here.")]
    first = extract_with(empty, cache_dir=tmp_path)
    assert first[0].claims == () and first[0].mentions == ()
    counted.clear()
    assert extract_with(empty, cache_dir=tmp_path) == first
    assert counted == []


def test_code_change_invalidates_the_cache(
    monkeypatch: pytest.MonkeyPatch, sources: list[Source]
) -> None:
    before = cache_key(sources[0])
    execute.code_fingerprint.cache_clear()
    monkeypatch.setattr(execute, "__version__", "999.0")
    try:
        assert cache_key(sources[0]) != before
    finally:
        execute.code_fingerprint.cache_clear()


def test_fingerprint_covers_the_extractors_and_what_they_import() -> None:
    names = {
        p.relative_to(Path(execute.__file__).parent).as_posix() for p in extractor_code_files()
    }
    assert {"extract/__init__.py", "extract/numbers.py", "segment.py", "models.py"} <= names
    assert "pipeline.py" not in names and "cli/commands.py" not in names


def test_progress_counts_every_source(tmp_path: Path, sources: list[Source]) -> None:
    seen: list[int] = []
    make_extractor(1, tmp_path / "cache", seen.append)(sources)
    assert sum(seen) == len(sources)
    seen.clear()
    make_extractor(2, tmp_path / "cache", seen.append)(sources)  # all cached now
    assert sum(seen) == len(sources)


def test_parallel_results_are_in_source_order(sources: list[Source]) -> None:
    many = [s.model_copy(update={"id": f"{s.id}-{n}"}) for n in range(4) for s in sources]
    assert extract_with(many, jobs=2) == extract_all(many)


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError):
        make_extractor(0)


def test_progress_is_silent_off_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "seeds", corpus)
    result = CliRunner().invoke(
        cli,
        [
            "run",
            str(corpus),
            "--claims-dir",
            str(tmp_path / "c"),
            "--reports-dir",
            str(tmp_path / "r"),
        ],
    )
    assert result.exit_code == 0
    assert "\r" not in result.output


def test_progress_counter_draws_on_a_terminal_after_the_delay(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimdiff.cli.commands import StderrProgress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    slow = StderrProgress("extracting", 3, quiet=False, delay=0.0)
    slow(1)
    slow(2)
    slow.close()
    quick = StderrProgress("extracting", 3, quiet=False, delay=60.0)
    quick(3)
    quick.close()
    quiet = StderrProgress("extracting", 3, quiet=True, delay=0.0)
    quiet(3)
    err = capsys.readouterr().err
    assert "\r\033[Kextracting 1/3" in err and "\r\033[Kextracting 3/3" in err
    assert err.count("extracting") == 2  # only the slow, unquiet one drew


@pytest.mark.parametrize("fork", [True, False], ids=["child-process", "in-process"])
def test_claims_writer_writes_every_claims_file(
    tmp_path: Path, sources: list[Source], fork: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimdiff.store import read_extraction

    monkeypatch.setattr(execute, "MIN_PARALLEL_SOURCES", 1)
    if not fork:
        monkeypatch.setattr(sys, "platform", "other")
    extractions = extract_all(sources)
    writer = execute.ClaimsWriter(tmp_path / "claims")
    writer.start(extractions)
    writer.finish()
    assert [read_extraction(tmp_path / "claims", s.id) for s in sources] == extractions


def test_claims_writer_writes_them_itself_when_the_child_fails(
    tmp_path: Path, sources: list[Source], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimdiff.store import read_extraction

    parent = os.getpid()
    real = execute.write_extractions

    def failing_in_a_child(
        claims_dir: Path, extractions: list[SourceExtraction], *cache: object
    ) -> None:
        if os.getpid() != parent:
            os._exit(1)
        real(claims_dir, extractions, *cache)

    monkeypatch.setattr(execute, "write_extractions", failing_in_a_child)
    monkeypatch.setattr(execute, "MIN_PARALLEL_SOURCES", 1)
    extractions = extract_all(sources)
    writer = execute.ClaimsWriter(tmp_path / "claims")
    writer.start(extractions)
    assert not (tmp_path / "claims").exists() or not any((tmp_path / "claims").iterdir())
    writer.finish()
    assert [read_extraction(tmp_path / "claims", s.id) for s in sources] == extractions


def test_stage_line_draws_on_a_terminal_after_the_delay(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimdiff.cli.commands import StderrStage

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    slow = StderrStage(quiet=False, delay=0.0)
    slow("aligning claims")
    slow.close()
    StderrStage(quiet=False, delay=60.0)("classifying")
    StderrStage(quiet=True, delay=0.0)("classifying")
    err = capsys.readouterr().err
    assert "aligning claims..." in err and err.endswith("\r\033[K")
    assert "classifying" not in err


def test_run_names_each_analysis_stage_in_order() -> None:
    from claimdiff.pipeline import run

    stages: list[str] = []
    run(REPO / "seeds", on_stage=stages.append)
    assert stages == [
        "resolving entities and events",
        "aligning claims",
        "classifying",
        "building the report",
    ]


def test_claims_file_text_is_what_the_record_union_would_write(sources: list[Source]) -> None:
    from claimdiff.store import RECORD_ADAPTER, dump_jsonl, extraction_jsonl

    for extraction in extract_all(sources):
        records = [*extraction.mentions, *extraction.claims]
        assert extraction_jsonl(extraction) == dump_jsonl(records, RECORD_ADAPTER)


def test_an_abandoned_claims_writer_redoes_nothing_here(
    tmp_path: Path, sources: list[Source], monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    done_here: list[int] = []

    def interrupted_in_the_child(*args: object) -> None:
        if os.getpid() != parent:
            raise KeyboardInterrupt  # the child got the Ctrl-C too
        done_here.append(1)

    monkeypatch.setattr(execute, "write_extractions", interrupted_in_the_child)
    monkeypatch.setattr(execute, "MIN_PARALLEL_SOURCES", 1)
    writer = execute.ClaimsWriter(tmp_path / "claims")
    writer.start(extract_all(sources))
    writer.abandon()
    writer.finish()
    assert done_here == []
