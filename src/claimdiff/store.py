"""JSONL and text persistence: atomic writes, and errors that name file and line."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from claimdiff.errors import StoreError
from claimdiff.models import Claim, Mention, Record, SourceExtraction

T = TypeVar("T")

# mkstemp creates files readable by the owner only; outputs get the usual umask-based mode.
_UMASK = os.umask(0o022)
os.umask(_UMASK)

RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    The rename makes the write atomic against a kill or a crash of this process;
    ``durable`` also flushes to disk (against power loss), which costs a sync per file and
    is skipped for outputs that are regenerated from the corpus (claims, cache).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_name = ""
    try:
        # Inside the ``try``: a Ctrl-C just after the temporary file is made removes it.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        if tmp_name:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
        raise


def dump_jsonl(items: Iterable[T], adapter: TypeAdapter[T]) -> str:
    return "".join(adapter.dump_json(item).decode("utf-8") + "\n" for item in items)


def write_jsonl(
    path: Path, items: Iterable[T], adapter: TypeAdapter[T], *, durable: bool = True
) -> None:
    atomic_write_text(path, dump_jsonl(items, adapter), durable=durable)


def iter_jsonl(path: Path, adapter: TypeAdapter[T]) -> Iterator[tuple[int, T]]:
    """Yield ``(line_number, item)``; a bad line raises StoreError naming ``path:line``."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, adapter.validate_json(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ()))
                detail = f"{where}: {first['msg']}" if where else first["msg"]
                raise StoreError(f"invalid record: {detail}", path=str(path), line=number) from exc


def read_jsonl(path: Path, adapter: TypeAdapter[T]) -> list[T]:
    return [item for _, item in iter_jsonl(path, adapter)]


# --------------------------------------------------------------------------- claims per source


def claims_path(claims_dir: Path, source_id: str) -> Path:
    return claims_dir / f"{source_id}.jsonl"


def extraction_jsonl(extraction: SourceExtraction) -> str:
    """The text of a claims file: the source's mentions, then its claims, one per line."""
    # Each record by its own model: through RECORD_ADAPTER, the union would first have to
    # find the type of each, which doubles the time; the bytes are the same.
    return "".join(
        record.model_dump_json() + "\n" for record in (*extraction.mentions, *extraction.claims)
    )


def write_extraction(
    claims_dir: Path, extraction: SourceExtraction, text: str | None = None
) -> Path:
    """``claims/<source-id>.jsonl`` (``text``, if given, is ``extraction_jsonl(extraction)``).

    A file that already holds exactly this text is left alone: a re-run after one changed
    source rewrites one file, not thousands.
    """
    path = claims_path(claims_dir, extraction.source)
    if text is None:
        text = extraction_jsonl(extraction)
    if not _holds_text(path, text):
        atomic_write_text(path, text, durable=False)
    return path


def _holds_text(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except (OSError, UnicodeError):
        return False


def read_extraction(claims_dir: Path, source_id: str) -> SourceExtraction:
    path = claims_path(claims_dir, source_id)
    if not path.is_file():
        raise StoreError("no claims for this source; run 'claimdiff extract' first", path=str(path))
    records: list[Record] = []
    for number, record in iter_jsonl(path, RECORD_ADAPTER):
        if record.source != source_id:
            raise StoreError(
                f"record belongs to source '{record.source}', not '{source_id}'",
                path=str(path),
                line=number,
            )
        records.append(record)
    return extraction_of(source_id, records)


def extraction_of(source_id: str, records: Iterable[Record]) -> SourceExtraction:
    """The records of one source, read back, as the extraction they were written from."""
    mentions: list[Mention] = []
    claims: list[Claim] = []
    for record in records:
        if isinstance(record, Mention):
            mentions.append(record)
        else:
            claims.append(record)
    return SourceExtraction(source=source_id, mentions=tuple(mentions), claims=tuple(claims))
