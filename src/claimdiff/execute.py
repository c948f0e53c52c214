"""How extraction runs: in parallel processes, and from a per-source cache.

``make_extractor(jobs, cache_dir, progress)`` returns a drop-in for
``pipeline.extract_all``. ``extract_source`` is a pure function of one source,
so the result does not depend on ``jobs``: chunks go to worker processes and
come back in source order, and the output is byte-for-byte the same.

The cache holds one file per source, named by a hash of everything extraction
depends on: the source's content and metadata (not its path, so moving a
corpus keeps the cache), ``claimdiff.__version__``, and the code of the
extractor modules and of every claimdiff module they import, so that a code
change invalidates the cache. An entry is a header line (the source id and the
number of records) and then the very text of the source's claims file, so one
serialisation serves both. An entry that cannot be read or parsed, or holds fewer
records than its header says, is ignored and recomputed, never an error. Writes are
atomic.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import lru_cache, partial
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from claimdiff import __version__
from claimdiff.background import Pending, in_child, interrupts_held, release_interrupts
from claimdiff.extract import extract_source
from claimdiff.models import Record, Source, SourceExtraction
from claimdiff.pipeline import Extractor
from claimdiff.store import atomic_write_text, extraction_jsonl, extraction_of, write_extraction

Progress = Callable[[int], None]
"""Called with the number of sources just finished (cached ones included)."""
CacheEntries = list[tuple[str, SourceExtraction]]
"""Fresh extractions with their cache keys, still to be written to the cache."""
CacheSink = Callable[[Path, CacheEntries], None]
"""Takes the fresh cache entries of a run: writes them, or has them written later."""

CACHE_DIR_NAME = ".claimdiff-cache"
CACHE_SUFFIX = ".jsonl"
MAX_CHUNK = 32
# Below this many sources to extract, starting worker processes costs more than it saves.
MIN_PARALLEL_SOURCES = 8
WRITER_NICENESS = 10

_PACKAGE_ROOT = Path(__file__).resolve().parent
_RECORDS_ADAPTER: TypeAdapter[list[Record]] = TypeAdapter(list[Record])


def default_cache_dir(claims_dir: Path) -> Path:
    return claims_dir / CACHE_DIR_NAME


def make_extractor(
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    cache_sink: CacheSink | None = None,
) -> Extractor:
    """An ``Extractor`` that runs ``jobs`` processes and reads/writes ``cache_dir`` (if given).

    New cache entries are written at the end of extraction, unless ``cache_sink`` takes
    them (``ClaimsWriter.defer_cache`` writes them from its child, off the busy CPUs).

    Example::

        >>> extract = make_extractor(jobs=2, cache_dir=Path("claims/.claimdiff-cache"))
        >>> result = run("seeds", extract=extract)
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")

    def extract(sources: Sequence[Source]) -> list[SourceExtraction]:
        return extract_with(
            sources, jobs=jobs, cache_dir=cache_dir, progress=progress, cache_sink=cache_sink
        )

    return extract


def extract_with(
    sources: Sequence[Source],
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    cache_sink: CacheSink | None = None,
) -> list[SourceExtraction]:
    results: list[SourceExtraction | None] = [None] * len(sources)
    keys: list[str] = []
    missing: list[int] = []
    for index, source in enumerate(sources):
        key = cache_key(source)
        keys.append(key)
        cached = read_cached(cache_dir, key, source.id) if cache_dir is not None else None
        if cached is None:
            missing.append(index)
        else:
            results[index] = cached
    if progress is not None and len(missing) < len(sources):
        progress(len(sources) - len(missing))
    fresh: CacheEntries = []
    for index, extraction in _extract_indices(sources, missing, jobs, progress):
        results[index] = extraction
        fresh.append((keys[index], extraction))
    if cache_dir is not None and fresh:
        (cache_sink or write_cache_entries)(cache_dir, fresh)
    return [r for r in results if r is not None]


def _extract_indices(
    sources: Sequence[Source], indices: Sequence[int], jobs: int, progress: Progress | None
) -> Iterator[tuple[int, SourceExtraction]]:
    """``(index, extraction)`` for each index, in completion order; the caller places them."""
    if jobs == 1 or len(indices) < MIN_PARALLEL_SOURCES:
        for index in indices:
            yield index, extract_source(sources[index])
            if progress is not None:
                progress(1)
        return
    chunks = list(_chunks(indices, jobs))
    # Workers leave Ctrl-C to this process, which drops the chunks not started.
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(chunks)), initializer=partial(release_interrupts, ignore=True)
    )
    try:
        with interrupts_held():  # the workers are forked on the first submit
            futures = {
                pool.submit(_extract_chunk, [sources[i] for i in chunk]): chunk for chunk in chunks
            }
        for future in as_completed(futures):
            chunk = futures[future]
            for index, extraction in zip(chunk, future.result(), strict=True):
                yield index, extraction
            if progress is not None:
                progress(len(chunk))
    except BaseException:
        # Ctrl-C or an error: the chunks not started are dropped. (Leaving the pool's
        # ``with`` block would wait for all of them, and a worker outlives a Ctrl-C.)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _chunks(indices: Sequence[int], jobs: int) -> Iterator[list[int]]:
    # About eight chunks per worker keeps them all busy to the end; small chunks also
    # keep the progress bar moving and the memory of one pickled batch low.
    size = max(1, min(MAX_CHUNK, len(indices) // (jobs * 8)))
    for start in range(0, len(indices), size):
        yield list(indices[start : start + size])


def _extract_chunk(sources: list[Source]) -> list[SourceExtraction]:
    return [extract_source(source) for source in sources]


class ClaimsWriter:
    """Writes ``claims_dir/<source-id>.jsonl`` for a run's extractions in a child process
    (``background.in_child``) while this one goes on with the analysis, which has no use
    for a second CPU. ``finish`` waits for it; should the child fail, ``finish`` writes the
    files itself. Each file is written atomically, so an interrupted run leaves every
    claims file whole.

    Cache entries handed to ``defer_cache`` (a ``CacheSink``) are written by the same
    child, after the claims files: while extraction keeps every CPU busy, writing them
    there would only slow it down.

    Example::

        >>> writer = ClaimsWriter(Path("claims"))
        >>> extractions = make_extractor(2, cache_dir, cache_sink=writer.defer_cache)(sources)
        >>> writer.start(extractions)
        >>> ...  # resolve, align, classify
        >>> writer.finish()
    """

    def __init__(self, claims_dir: Path) -> None:
        self.claims_dir = claims_dir
        self._pending: Pending[None] | None = None
        self._cache: list[tuple[Path, CacheEntries]] = []

    def defer_cache(self, cache_dir: Path, entries: CacheEntries) -> None:
        self._cache.append((cache_dir, entries))

    def start(self, extractions: Sequence[SourceExtraction]) -> None:
        self.finish()
        cache, self._cache = self._cache, []
        write = partial(write_extractions, self.claims_dir, extractions, cache)
        if len(extractions) >= MIN_PARALLEL_SOURCES:
            # Needed only when the reports are written: the analysis, and the copy check
            # it waits for, go first.
            self._pending = in_child(write, niceness=WRITER_NICENESS)
        else:
            write()  # a fork would cost more than it saves

    def finish(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def abandon(self) -> None:
        """On an interruption or an error: let the child end, and write nothing here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.abandon()


def write_extractions(
    claims_dir: Path,
    extractions: Sequence[SourceExtraction],
    cache: Sequence[tuple[Path, CacheEntries]] = (),
) -> None:
    """Claims files, then any cache entries; a source's text is serialised once for both."""
    texts: dict[str, str] = {}
    for extraction in extractions:
        text = texts[extraction.source] = extraction_jsonl(extraction)
        write_extraction(claims_dir, extraction, text)
    for cache_dir, entries in cache:
        write_cache_entries(cache_dir, entries, texts)


# --------------------------------------------------------------------------- cache


def cache_key(source: Source) -> str:
    """A hash of what extraction reads (the source without its path) and of the code."""
    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(b"\0")
    digest.update(source.model_dump_json(exclude={"path"}).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}{CACHE_SUFFIX}"


def read_cached(cache_dir: Path, key: str, source_id: str) -> SourceExtraction | None:
    """The cached extraction, or None when absent, unreadable, corrupt, truncated or for
    another source."""
    try:
        text = cache_path(cache_dir, key).read_text(encoding="utf-8")
        header_line, _, body = text.partition("\n")
        header = json.loads(header_line)
        # Split on "\n" alone: JSON escapes it in strings, but not U+2028 and its kin.
        lines = body.split("\n")
        if lines.pop() != "":
            return None  # cut short: the last record has no line end
        if header != {"source": source_id, "records": len(lines)}:
            return None
        records = _RECORDS_ADAPTER.validate_json("[" + ",".join(lines) + "]")
    except (OSError, ValueError, ValidationError):
        return None
    if any(record.source != source_id for record in records):
        return None
    return extraction_of(source_id, records)


def write_cache_entries(
    cache_dir: Path, entries: CacheEntries, texts: Mapping[str, str] | None = None
) -> None:
    """Best effort: a cache that cannot be written only costs time on the next run.

    ``texts`` may hold sources' ``extraction_jsonl`` already made for their claims files.
    """
    for key, extraction in entries:
        text = (texts or {}).get(extraction.source) or extraction_jsonl(extraction)
        header = json.dumps({"source": extraction.source, "records": text.count("\n")})
        with contextlib.suppress(OSError, UnicodeError):
            atomic_write_text(cache_path(cache_dir, key), header + "\n" + text, durable=False)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """``__version__`` and a hash of the extractor code and the claimdiff modules it imports."""
    digest = hashlib.sha256(__version__.encode())
    for path in extractor_code_files():
        digest.update(b"\0" + path.relative_to(_PACKAGE_ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def extractor_code_files() -> list[Path]:
    """``extract/*.py``, the claimdiff modules they import (transitively), and ``data/``."""
    pending = sorted((_PACKAGE_ROOT / "extract").glob("*.py"))
    seen: set[Path] = set()
    while pending:
        path = pending.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        pending.extend(_imported_modules(path))
    data = _PACKAGE_ROOT / "data"
    if data.is_dir():
        seen.update(p for p in data.rglob("*") if p.is_file())
    return sorted(seen)


# ``from claimdiff.x import a, b`` (possibly parenthesised over lines) and ``import
# claimdiff.x``. A textual scan, ten times faster than parsing: a match inside a string
# only adds a file to the hash, which at worst invalidates the cache once too often.
_FROM_IMPORT = re.compile(r"^\s*from\s+(claimdiff[\w.]*)\s+import\s+(\([^)]*\)|[^\n]*)", re.M)
_PLAIN_IMPORT = re.compile(r"^\s*import\s+(claimdiff[\w.]*)", re.M)


def _imported_modules(path: Path) -> list[Path]:
    """Files of the ``claimdiff.*`` modules that ``path`` imports, wherever the import is."""
    source = path.read_text(encoding="utf-8")
    names: set[str] = {match[1] for match in _PLAIN_IMPORT.finditer(source)}
    for match in _FROM_IMPORT.finditer(source):
        module, imported = match[1], re.sub(r"#[^\n]*", "", match[2])
        names.add(module)
        names.update(f"{module}.{name}" for name in re.findall(r"\w+", imported))
    files: list[Path] = []
    for name in names:
        parts = name.split(".")
        if parts[0] != "claimdiff":
            continue
        if len(parts) == 1:
            continue  # the package's __init__ imports the whole pipeline; __version__ is hashed
        base = _PACKAGE_ROOT.joinpath(*parts[1:])
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                files.append(candidate)
    return files


def cpu_count() -> int:
    """CPUs this process may use (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


__all__ = [
    "CACHE_DIR_NAME",
    "CACHE_SUFFIX",
    "ClaimsWriter",
    "Progress",
    "cache_key",
    "code_fingerprint",
    "cpu_count",
    "default_cache_dir",
    "extract_with",
    "make_extractor",
    "write_cache_entries",
    "write_extractions",
]
