"""CPU seconds of claim extraction over a whole corpus, in one process.

Wall time on a shared machine swings with the load of other processes; the CPU time
of one process does not (much). This loads the corpus, warms the extractors up on
one source (their lazy data: gazetteers, dateparser), then runs ``extract_source``
over every source and prints the ``time.process_time()`` seconds of that loop.

Usage:

    .venv/bin/python benchmarks/extract_cpu.py                    # ../shared/corpora/bbc
    .venv/bin/python benchmarks/extract_cpu.py CORPUS --top 10    # and the 10 slowest sources
    .venv/bin/python benchmarks/extract_cpu.py --profile prof.txt # a pyinstrument profile
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from common import corpus_parser, existing_corpus

from claimdiff.corpus import load_corpus
from claimdiff.extract import extract_source


def main(argv: Sequence[str] | None = None) -> int:
    parser = corpus_parser(__doc__)
    parser.add_argument("--profile", type=Path, help="write a pyinstrument text profile here")
    parser.add_argument("--top", type=int, default=0, help="print the N slowest sources")
    args = parser.parse_args(argv)
    corpus = existing_corpus(args.corpus)
    if corpus is None:
        return 2
    sources = load_corpus(corpus).sources
    if not sources:
        print(f"error: {corpus}: no sources", file=sys.stderr)
        return 2
    extract_source(sources[0])  # warm-up: lazy data and first-call costs are not timed

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    timings: list[tuple[float, str]] = []
    total_start = time.process_time()
    for source in sources:
        start = time.process_time()
        extract_source(source)
        timings.append((time.process_time() - start, source.id))
    total = time.process_time() - total_start
    if profiler is not None:
        profiler.stop()
        args.profile.write_text(profiler.output_text(unicode=True, show_all=False))

    print(f"{len(sources)} sources: {total:.2f} CPU s of extraction")
    for seconds, source_id in sorted(timings, reverse=True)[: args.top]:
        print(f"  {seconds * 1000:8.1f} ms  {source_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
