"""How extraction runs: in parallel processes, and from a per-source cache.

``make_extractor(jobs, cache_dir, progress)`` returns a drop-in for
``pipeline.extract_all``. ``extract_source`` is a pure function of one source,
so the result does not depend on ``jobs``: chunks go to worker processes and
come back in source order, and the output is byte-for-byte the same.

The cache holds one file per source, named by a hash of everything extraction
depends on: the source's content and metadata (not its path, so moving a
corpus keeps the cache), ``claimdiff.__version__``, and the code of the
extractor modules and of every claimdiff module they import, so that a code
change invalidates the cache. A cache entry that cannot be read or parsed is
ignored and recomputed, never an error. Writes are atomic.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import lru_cache, partial
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from claimdiff import __version__
from claimdiff.background import Pending, in_child
from claimdiff.extract import extract_source
from claimdiff.models import Source, SourceExtraction
from claimdiff.pipeline import Extractor
from claimdiff.store import atomic_write_text, write_extraction

Progress = Callable[[int], None]
"""Called with the number of sources just finished (cached ones included)."""

CACHE_DIR_NAME = ".claimdiff-cache"
CACHE_SUFFIX = ".json"
MAX_CHUNK = 32
# Below this many sources to extract, starting worker processes costs more than it saves.
MIN_PARALLEL_SOURCES = 8

_PACKAGE_ROOT = Path(__file__).resolve().parent
_EXTRACTION_ADAPTER: TypeAdapter[SourceExtraction] = TypeAdapter(SourceExtraction)


def default_cache_dir(claims_dir: Path) -> Path:
    return claims_dir / CACHE_DIR_NAME


def make_extractor(
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> Extractor:
    """An ``Extractor`` that runs ``jobs`` processes and reads/writes ``cache_dir`` (if given).

    Example::

        >>> extract = make_extractor(jobs=2, cache_dir=Path("claims/.claimdiff-cache"))
        >>> result = run("seeds", extract=extract)
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")

    def extract(sources: Sequence[Source]) -> list[SourceExtraction]:
        return extract_with(sources, jobs=jobs, cache_dir=cache_dir, progress=progress)

    return extract


def extract_with(
    sources: Sequence[Source],
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
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
    for index, extraction in _extract_indices(sources, missing, jobs, progress):
        results[index] = extraction
        if cache_dir is not None:
            write_cached(cache_dir, keys[index], extraction)
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
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        futures = {
            pool.submit(_extract_chunk, [sources[i] for i in chunk]): chunk for chunk in chunks
        }
        for future in as_completed(futures):
            chunk = futures[future]
            for index, extraction in zip(chunk, future.result(), strict=True):
                yield index, extraction
            if progress is not None:
                progress(len(chunk))


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

    Example::

        >>> writer = ClaimsWriter(Path("claims"))
        >>> writer.start(extractions)
        >>> ...  # resolve, align, classify
        >>> writer.finish()
    """

    def __init__(self, claims_dir: Path) -> None:
        self.claims_dir = claims_dir
        self._pending: Pending[None] | None = None

    def start(self, extractions: Sequence[SourceExtraction]) -> None:
        self.finish()
        write = partial(write_extractions, self.claims_dir, extractions)
        if len(extractions) >= MIN_PARALLEL_SOURCES:
            self._pending = in_child(write)
        else:
            write()  # a fork would cost more than it saves

    def finish(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()


def write_extractions(claims_dir: Path, extractions: Sequence[SourceExtraction]) -> None:
    for extraction in extractions:
        write_extraction(claims_dir, extraction)


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
    """The cached extraction, or None when absent, unreadable, corrupt or for another source."""
    try:
        data = cache_path(cache_dir, key).read_bytes()
        extraction = _EXTRACTION_ADAPTER.validate_json(data)
    except (OSError, ValueError, ValidationError):
        return None
    return extraction if extraction.source == source_id else None


def write_cached(cache_dir: Path, key: str, extraction: SourceExtraction) -> None:
    """Best effort: a cache that cannot be written only costs time on the next run."""
    with contextlib.suppress(OSError, UnicodeError):
        atomic_write_text(
            cache_path(cache_dir, key), extraction.model_dump_json() + "\n", durable=False
        )


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


def _imported_modules(path: Path) -> list[Path]:
    """Files of the ``claimdiff.*`` modules that ``path`` imports, wherever the import is."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
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
    "ClaimsWriter",
    "Progress",
    "cache_key",
    "code_fingerprint",
    "cpu_count",
    "default_cache_dir",
    "extract_with",
    "make_extractor",
    "write_extractions",
]
