"""Folder (+ optional ``sources.toml``) -> ``Source`` models.

Bad files are skipped with one warning each (the run goes on); a malformed
manifest is an input error naming file and line, because the user wrote it.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

from claimdiff.dates_compare import MONTHS
from claimdiff.errors import CorpusError, ManifestError
from claimdiff.models import PublishedFrom, Source

TEXT_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "sources.toml"
# Datasets ship these beside their articles; a folder walk must not read them as sources.
FOLDER_DOCUMENTATION = frozenset({"readme", "license", "licence", "changelog", "copying"})
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MANIFEST_FIELDS = {"title", "outlet", "url", "published"}


@dataclass(frozen=True)
class CorpusWarning:
    path: str
    message: str

    def __str__(self) -> str:
        return f"warning: {self.path}: {self.message}"


@dataclass(frozen=True)
class Corpus:
    sources: tuple[Source, ...]
    warnings: tuple[CorpusWarning, ...]


@dataclass(frozen=True)
class ManifestEntry:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


def load_corpus(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every ``.txt``/``.md`` file of a folder (recursively), or one file."""
    if not path.exists():
        raise CorpusError("no such file or folder", path=str(path))
    warnings: list[CorpusWarning] = []
    if path.is_file():
        files = [path]
        manifest: dict[str, ManifestEntry] = {}
    else:
        files = _list_text_files(path, warnings)
        manifest = load_manifest(path / MANIFEST_NAME)
    sources: list[Source] = []
    seen: dict[str, Path] = {}
    for file in files:
        stem = source_id_for(file, path if path.is_dir() else file.parent)
        if stem in seen:
            warnings.append(
                CorpusWarning(
                    str(file), f"skipped: source id '{stem}' already used by {seen[stem]}"
                )
            )
            continue
        source = _read_source(file, stem, manifest.get(stem), warnings, max_bytes)
        if source is not None:
            seen[stem] = file
            sources.append(source)
    unknown = sorted(set(manifest) - set(seen))
    for stem in unknown:
        warnings.append(CorpusWarning(str(path / MANIFEST_NAME), f"entry '{stem}' matches no file"))
    sources.sort(key=lambda s: s.id)
    return Corpus(tuple(sources), tuple(warnings))


def source_id_for(file: Path, root: Path) -> str:
    """The file stem; in a subfolder, the relative path joined by '-' ("business-001")."""
    try:
        parts = file.relative_to(root).with_suffix("").parts
    except ValueError:
        parts = (file.stem,)
    return "-".join(parts)


def _list_text_files(folder: Path, warnings: list[CorpusWarning]) -> list[Path]:
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def walk(directory: Path) -> None:
        try:
            stat = directory.stat()
        except OSError as exc:
            warnings.append(CorpusWarning(str(directory), f"skipped: {exc.strerror}"))
            return
        marker = (stat.st_dev, stat.st_ino)
        if marker in visited:
            warnings.append(CorpusWarning(str(directory), "skipped: symlink loop"))
            return
        visited.add(marker)
        try:
            entries = sorted(directory.iterdir())
        except OSError as exc:
            warnings.append(CorpusWarning(str(directory), f"skipped: {exc.strerror}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                warnings.append(CorpusWarning(str(entry), f"skipped: {exc.strerror}"))
                continue
            if is_dir:
                if entry.suffix.lower() in TEXT_SUFFIXES:
                    warnings.append(CorpusWarning(str(entry), "skipped: a folder, not a file"))
                walk(entry)
            elif entry.suffix.lower() in TEXT_SUFFIXES:
                if entry.stem.lower() in FOLDER_DOCUMENTATION:
                    warnings.append(
                        CorpusWarning(
                            str(entry), "skipped: the folder's documentation, not an article"
                        )
                    )
                    continue
                found.append(entry)

    walk(folder)
    return found


def _read_source(
    file: Path,
    source_id: str,
    entry: ManifestEntry | None,
    warnings: list[CorpusWarning],
    max_bytes: int,
) -> Source | None:
    if not _is_valid_name(source_id):
        warnings.append(CorpusWarning(_printable(file), "skipped: file name is not valid UTF-8"))
        return None
    try:
        status = file.stat()
        if not stat.S_ISREG(status.st_mode):
            # A FIFO or a device named *.txt would block or never end.
            warnings.append(CorpusWarning(str(file), "skipped: not a regular file"))
            return None
        if status.st_size > max_bytes:
            warnings.append(
                CorpusWarning(
                    str(file), f"skipped: {status.st_size} bytes is over the limit of {max_bytes}"
                )
            )
            return None
        with file.open("rb") as handle:
            raw = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        warnings.append(CorpusWarning(str(file), f"skipped: {exc.strerror or exc}"))
        return None
    if len(raw) > max_bytes:
        warnings.append(CorpusWarning(str(file), f"skipped: over the limit of {max_bytes} bytes"))
        return None
    if not raw.strip():
        warnings.append(CorpusWarning(str(file), "skipped: empty file"))
        return None
    if b"\x00" in raw[:8192] and not raw.startswith(_UTF16_BOMS):
        warnings.append(CorpusWarning(str(file), "skipped: binary file"))
        return None
    text, encoding, note = decode_bytes(raw)
    if not text.strip():
        warnings.append(CorpusWarning(str(file), "skipped: empty file"))
        return None
    if note:
        warnings.append(CorpusWarning(str(file), note))
    entry = entry or ManifestEntry()
    published: dt.date | None = entry.published
    published_from: PublishedFrom = "manifest" if published else "none"
    if published is None:
        published = infer_published(text)
        published_from = "text" if published else "none"
    return Source(
        id=source_id,
        path=str(file),
        text=text,
        title=entry.title or infer_title(text),
        outlet=entry.outlet,
        url=entry.url,
        published=published,
        published_from=published_from,
        encoding=encoding,
        decode_note=note,
    )


def decode_bytes(raw: bytes) -> tuple[str, str, str | None]:
    """Decode as UTF-8 (dropping a BOM); otherwise detect the charset, and say so."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith(_UTF16_BOMS):
        try:
            return _normalise_newlines(raw.decode("utf-16")), "utf-16", "decoded as UTF-16 (BOM)"
        except UnicodeDecodeError:
            pass
    try:
        return _normalise_newlines(raw.decode("utf-8")), "utf-8", None
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    high_bytes = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    if high_bytes <= max(8, len(raw) // 50):
        # A mostly-ASCII file with a few stray high bytes is almost always Windows-1252
        # (a "£" or a curly quote); statistical detectors guess wildly on so little evidence.
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return (
                _normalise_newlines(text),
                "cp1252",
                f"not valid UTF-8 (byte {bad_at}); decoded as cp1252",
            )
    from charset_normalizer import from_bytes  # imported lazily: only broken files need it

    best = from_bytes(raw).best()
    if best is not None and best.encoding not in {"utf_8", "utf-8"}:
        text = str(best)
        note = f"not valid UTF-8 (byte {bad_at}); decoded as {best.encoding}"
        return _normalise_newlines(text), best.encoding, note
    text = raw.decode("utf-8", errors="replace")
    return (
        _normalise_newlines(text),
        "utf-8",
        f"not valid UTF-8 (byte {bad_at}); undecodable bytes replaced with U+FFFD",
    )


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _is_valid_name(name: str) -> bool:
    # Undecodable bytes in a file name come back as lone surrogates, which no output can hold.
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(path: Path) -> str:
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _normalise_newlines(text: str) -> str:
    # Offsets are defined on the decoded text; folding CRLF here keeps them equal on all OSes.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def infer_title(text: str) -> str | None:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            if len(stripped) <= 120:
                return stripped
            # A first line that is a whole paragraph has no title: use its opening words.
            cut = stripped[:120].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return None


_MONTHS = MONTHS
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Each pattern opens with a lookahead on its first character: the regex engine then skips
# every other position at once instead of trying the pattern there (three times faster).
# The parts of a date stay on one line: "Tuesday, 1 March\n\n1945 GMT" is a day and a time.
_GAP = r"[^\S\n]*"
_DAY_MONTH_YEAR = re.compile(
    rf"(?=\d)\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?{_GAP}/?{_GAP}(?P<m>{_MONTH_RE})\.?{_GAP}/?{_GAP},?{_GAP}(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?=[adfjmnos])\b(?P<m>{_MONTH_RE})\.?[^\S\n]+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?[^\S\n]+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"(?=[12])\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")


_YEAR = re.compile(r"(?:19|20)\d\d\b")


# A written date ends in its year, and its day and month come at most this many
# characters before it (with a normal amount of space between the parts); an ISO date
# starts with its year, and its "-MM-DD" and the character after it come next.
DATE_REACH = 64
ISO_TAIL = len("-MM-DD") + 1


def infer_published(text: str) -> dt.date | None:
    """The publication date a text states, or its best guess, or None.

    A full date that starts in the text's header (the short lines before the first
    paragraph, and a dateline opening that paragraph) or right after a cue such as
    "Published:" is the date of publication. Failing that, the latest full date anywhere:
    a text is rarely written before the last day it reports on, and the text itself gives
    no better guess. (Taking the latest date everywhere, header or not, let a date
    announced for later override a dateline.) The report records either as
    ``published_from: text``.
    """
    dates = full_dates(text)
    if not dates:
        return None
    header_end = header_length(text)
    cued = {cue.end() for cue in _PUBLICATION_CUE.finditer(text)}
    stated = [date for start, date in dates if start < header_end or start in cued]
    return max(stated or [date for _, date in dates])


# Headline, byline and date lines are short; the first long line is the body's opening
# paragraph, whose first characters may hold a dateline ("KABUL, 3 May 2021 (AFP) -").
BODY_LINE = 200
DATELINE_REACH = 100
HEADER_REACH = 600
_PUBLICATION_CUE = re.compile(
    r"\b(?i:published|updated|posted|last\s+updated|first\s+published)(?:\s+on)?\s*:?\s*"
)


def header_length(text: str) -> int:
    """How many characters of ``text`` its header takes (see ``infer_published``)."""
    position = 0
    while position < min(len(text), HEADER_REACH):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - position > BODY_LINE:
            return min(position + DATELINE_REACH, HEADER_REACH)
        position = line_end + 1
    return min(position, HEADER_REACH, len(text))


def full_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every full calendar date written in ``text``, with the offset where it starts."""
    found: list[tuple[int, dt.date]] = []
    # Years are rare and cheap to find; the date patterns are tried only just before
    # each, not over the whole text (that took most of the time of reading a corpus).
    for year in _YEAR.finditer(text):
        start, end = max(0, year.start() - DATE_REACH), year.end() + ISO_TAIL
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO):
            for match in pattern.finditer(text, start, end):
                if match.start("y") != year.start():
                    continue  # another year's date: found in that year's turn
                month_text = match.group("m")
                month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
                try:
                    day = dt.date(int(match.group("y")), month, int(match.group("d")))
                except ValueError:
                    continue
                found.append((match.start(), day))
    return sorted(found)


def load_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Parse ``sources.toml``: a table per source id (``[bbc-001] published = 2005-02-01``)."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise ManifestError(
            f"malformed TOML: {exc.msg if hasattr(exc, 'msg') else exc}", path=str(path), line=line
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"cannot read: {exc}", path=str(path)) from exc
    table = data.get("sources", data)
    entries: dict[str, ManifestEntry] = {}
    for stem, fields in table.items():
        if not isinstance(fields, dict):
            raise ManifestError(f"'{stem}' must be a table of fields", path=str(path))
        unknown = set(fields) - MANIFEST_FIELDS
        if unknown:
            raise ManifestError(
                f"'{stem}' has unknown field(s) {sorted(unknown)}; "
                f"allowed: {sorted(MANIFEST_FIELDS)}",
                path=str(path),
            )
        published = fields.get("published")
        if isinstance(published, str):
            try:
                published = dt.date.fromisoformat(published)
            except ValueError as exc:
                raise ManifestError(
                    f"'{stem}': published must be an ISO date", path=str(path)
                ) from exc
        elif isinstance(published, dt.datetime):
            published = published.date()
        elif published is not None and not isinstance(published, dt.date):
            raise ManifestError(f"'{stem}': published must be a date", path=str(path))
        entries[stem] = ManifestEntry(
            title=_optional_str(fields.get("title"), stem, "title", path),
            outlet=_optional_str(fields.get("outlet"), stem, "outlet", path),
            url=_optional_str(fields.get("url"), stem, "url", path),
            published=published,
        )
    return entries


def _optional_str(value: object, stem: str, field: str, path: Path) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ManifestError(f"'{stem}': {field} must be a string", path=str(path))


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None
