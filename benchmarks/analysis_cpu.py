"""CPU time of the analysis (everything after extraction) on a real corpus.

Extraction runs once (or is read from a claims cache), then
``pipeline.analyse(sources, extractions)`` runs ``--repeat`` times. Each run is timed with
``time.process_time()`` (CPU of this process, so a busy shared machine does not skew it),
in total and per stage (the stage hook marks where each stage starts), with claimdiff's
``lru_cache``s emptied first so that each run is as cold as a CLI run. The median is
printed. ``--doubled`` also runs the corpus doubled (every article twice, under new ids)
and prints the ratio of the medians: linear work gives about 2.

Usage:

    .venv/bin/python benchmarks/analysis_cpu.py [CORPUS] [--cache-dir DIR] [--jobs 2]
        [--repeat 3] [--doubled] [--profile prof.txt]

With ``--cache-dir`` (for example ``CLAIMS_DIR/.claimdiff-cache`` of an earlier
``claimdiff run ... --claims-dir CLAIMS_DIR``), extraction reads the cache and only
missing sources are extracted (and added to it).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from common import corpus_parser, existing_corpus

from claimdiff.align import dependent_sources
from claimdiff.corpus import load_corpus
from claimdiff.execute import cpu_count, make_extractor
from claimdiff.models import Source, SourceExtraction
from claimdiff.pipeline import analyse


def main(argv: Sequence[str] | None = None) -> int:
    parser = corpus_parser(__doc__)
    parser.add_argument("--cache-dir", type=Path, help="claims cache to read (and fill)")
    parser.add_argument("--jobs", type=int, default=cpu_count(), help="extraction processes")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (default 3)")
    parser.add_argument("--doubled", action="store_true", help="also run the corpus doubled")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile of one run")
    args = parser.parse_args(argv)
    corpus = existing_corpus(args.corpus)
    if corpus is None:
        return 2
    extract = make_extractor(args.jobs, args.cache_dir)

    sources = load_corpus(corpus).sources
    single = measure("single", sources, extract(sources), args.repeat, args.profile)
    if args.doubled:
        with tempfile.TemporaryDirectory(prefix="claimdiff-analysis-") as tmp:
            for half in ("a", "b"):
                shutil.copytree(corpus, Path(tmp) / half)
            doubled_sources = load_corpus(Path(tmp)).sources
            doubled = measure(
                "doubled", doubled_sources, extract(doubled_sources), args.repeat, None
            )
        print(f"doubled / single: {doubled / single:.2f}  [linear: about 2, limit 2.1]")
    return 0


def measure(
    label: str,
    sources: Sequence[Source],
    extractions: Sequence[SourceExtraction],
    repeat: int,
    profile: Path | None,
) -> float:
    """Run the analysis ``repeat`` times; print and return the median CPU seconds."""
    claims = sum(len(e.claims) for e in extractions)
    # As in ``pipeline.run``, which finds copied sources in a child process meanwhile.
    copies = dependent_sources(sources)
    print(f"{label}: {len(sources):,} sources, {claims:,} claims")
    totals: list[float] = []
    stages: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeat):
        clear_caches()
        marks: list[tuple[str, float]] = []
        started = time.process_time()
        analyse(
            sources,
            extractions,
            dependent_pairs=lambda: copies,
            on_stage=partial(mark, marks),
        )
        ended = time.process_time()
        totals.append(ended - started)
        for (stage, start), (_, end) in zip(marks, [*marks[1:], ("end", ended)], strict=True):
            stages[stage].append(end - start)
    for stage, times in stages.items():
        print(f"  {stage:<32} {statistics.median(times):6.2f} s CPU")
    median = statistics.median(totals)
    runs = ", ".join(f"{t:.2f}" for t in totals)
    print(f"  {'analysis':<32} {median:6.2f} s CPU (median of {runs})")
    if profile is not None:
        from pyinstrument import Profiler

        clear_caches()
        profiler = Profiler()
        profiler.start()
        analyse(sources, extractions, dependent_pairs=lambda: copies)
        profiler.stop()
        profile.write_text(profiler.output_text(show_all=False))
        print(f"  profile: {profile}")
    return median


def mark(marks: list[tuple[str, float]], stage: str) -> None:
    marks.append((stage, time.process_time()))


def clear_caches() -> None:
    """Empty claimdiff's ``lru_cache``s, so that every run starts cold, as a CLI run does."""
    for name, module in list(sys.modules.items()):
        if name.startswith("claimdiff"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


if __name__ == "__main__":
    raise SystemExit(main())
