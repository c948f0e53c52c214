"""Speed and scale of the whole pipeline on a real corpus (by default the BBC set, 2,225 articles).

Prints wall time, words per second, peak RSS and the time of each stage; a dateparser
baseline on the same texts; the time of a re-run after one file changed (the cache);
and the time ratio of the corpus doubled (every article twice, under new ids), which
shows whether alignment grows faster than linearly.

Targets (2 cores): whole BBC <= 10 s wall, peak RSS <= 1 GB, doubled/single <= 2.2,
re-run after one change <= 5% of the full run.

Usage:

    /work/venv/bin/python benchmarks/bench.py                  # ../shared/corpora/bbc
    /work/venv/bin/python benchmarks/bench.py CORPUS --jobs 2 --skip-doubled
    /work/venv/bin/python benchmarks/bench.py --profile prof.txt   # pyinstrument, one run
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import corpus_parser, existing_corpus

from claimdiff.cli.commands import write_reports
from claimdiff.execute import CACHE_SUFFIX, ClaimsWriter, cpu_count, make_extractor
from claimdiff.extract import extract_source
from claimdiff.models import Source, SourceExtraction
from claimdiff.pipeline import PipelineResult, collector_paused, run


def main(argv: Sequence[str] | None = None) -> int:
    parser = corpus_parser(__doc__)
    parser.add_argument("--jobs", type=int, default=cpu_count(), help="default: one per CPU")
    parser.add_argument("--baseline-every", type=int, default=20, help="dateparser sample step")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--skip-doubled", action="store_true")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile of the run")
    args = parser.parse_args(argv)
    corpus = existing_corpus(args.corpus)
    if corpus is None:
        return 2

    with tempfile.TemporaryDirectory(prefix="claimdiff-bench-") as tmp:
        work = Path(tmp)
        copy = work / "corpus"
        shutil.copytree(corpus, copy)
        print(f"corpus: {corpus} ({cpu_count()} CPUs available, --jobs {args.jobs})")
        # Load the extractors' lazy data once, so that no timed run pays for it (workers
        # are forked from this process and inherit it).
        extract_source(Source(id="warm-up", path="-", text="Mr Smith said 3 people met on 4 May."))

        full, full_wall = timed_run(copy, work / "full", args.jobs, profile=args.profile)
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        words = sum(len(s.text.split()) for s in full.sources)
        print_run("full run (cold cache)", full, full_wall)
        print(f"  words: {words:,}; {words / full_wall:,.0f} words/s")
        print(
            f"  peak RSS: {peak_self:,.0f} MB main process, {peak_children:,.0f} MB largest worker"
            f"  [target <= 1024 MB]"
        )
        print(f"  wall {full_wall:.1f} s  [target <= 10 s]")

        if not args.skip_incremental:
            changed = incremental(copy, work / "full", args.jobs)
            if changed is not None:
                result, wall, extracted = changed
                print_run("re-run after one file changed (warm cache)", result, wall)
                print(
                    f"  re-extracted {extracted} source(s); {wall / full_wall:.1%} of the full run"
                    f"  [target <= 5%]"
                )

        if not args.skip_doubled:
            doubled = work / "doubled"
            for half in ("a", "b"):
                shutil.copytree(copy, doubled / half)
            result, wall = timed_run(doubled, work / "doubled-out", args.jobs)
            print_run("corpus doubled (cold cache)", result, wall)
            print(f"  doubled / single: {wall / full_wall:.2f}  [target <= 2.2]")

        if not args.skip_baseline:
            base = dateparser_baseline([s.text for s in full.sources], args.baseline_every)
            print(
                f"baseline: dateparser search_dates(text, languages=['en']) over each article: "
                f"{base:.1f} s (extrapolated from every {args.baseline_every}th article)"
            )
            print(f"  claimdiff full run / baseline: {full_wall / base:.2f}")
    return 0


def timed_run(
    corpus: Path, out: Path, jobs: int, *, profile: Path | None = None
) -> tuple[PipelineResult, float]:
    """The whole of ``claimdiff run``: pipeline, claims files and reports."""
    # As in the CLI: a child process writes the claims files and the new cache entries
    # while this one analyses.
    writer = ClaimsWriter(out / "claims")
    make = make_extractor(jobs, out / "claims" / ".claimdiff-cache", cache_sink=writer.defer_cache)

    def extract(sources: Sequence[Source]) -> list[SourceExtraction]:
        extractions = make(sources)
        writer.start(extractions)
        return extractions

    profiler = _start_profiler() if profile else None
    started = time.perf_counter()
    with collector_paused():  # as the CLI's commands run
        result = run(corpus, extract=extract)
        write_started = time.perf_counter()
        writer.finish()
        write_reports(result.report, result.texts, out / "reports")
        result.timings["write"] = time.perf_counter() - write_started
        wall = time.perf_counter() - started
    if profiler is not None and profile is not None:
        profiler.stop()
        profile.write_text(profiler.output_text(unicode=False, color=False))
        print(f"profile written to {profile}")
    return result, wall


def incremental(corpus: Path, out: Path, jobs: int) -> tuple[PipelineResult, float, int] | None:
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    if not files:
        return None
    target = files[len(files) // 2]
    target.write_text(
        target.read_text(encoding="latin-1") + "\nOfficials said 12 people were hurt.\n",
        encoding="latin-1",
    )
    cache = out / "claims" / ".claimdiff-cache"
    before = sum(1 for _ in cache.rglob(f"*{CACHE_SUFFIX}"))
    result, wall = timed_run(corpus, out, jobs)
    after = sum(1 for _ in cache.rglob(f"*{CACHE_SUFFIX}"))
    return result, wall, after - before


def print_run(label: str, result: PipelineResult, wall: float) -> None:
    claims = sum(len(e.claims) for e in result.extractions)
    stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in result.timings.items())
    print(f"{label}: {wall:.2f} s wall; {len(result.sources)} sources, {claims:,} claims")
    print(f"  stages (s): {stages}")


def dateparser_baseline(texts: Sequence[str], every: int) -> float:
    """Seconds for search_dates over every text, extrapolated from a deterministic sample."""
    from dateparser.search import search_dates

    sample = list(texts[::every])
    search_dates("warm up on 4 March 2025", languages=["en"])  # loads the language data
    started = time.perf_counter()
    for text in sample:
        search_dates(text, languages=["en"])
    return (time.perf_counter() - started) * len(texts) / max(1, len(sample))


def _start_profiler() -> Any:
    from pyinstrument import Profiler  # install it: pip install pyinstrument

    profiler = Profiler()
    profiler.start()
    return profiler


if __name__ == "__main__":
    sys.exit(main())
