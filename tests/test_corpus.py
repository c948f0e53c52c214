"""corpus.py on bad input: every bad file is skipped with one warning naming it; the run goes on."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import corpus
from claimdiff.corpus import decode_bytes, infer_published, load_corpus, source_id_for
from claimdiff.errors import CorpusError

GOOD = "Officials met in the capital on 4 March 2025. They signed 17 agreements.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def warnings_for(folder: Path, **kwargs: int) -> tuple[list[str], list[str]]:
    corpus = load_corpus(folder, **kwargs)
    return [s.id for s in corpus.sources], [str(w) for w in corpus.warnings]


def test_good_file(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GOOD)
    corpus = load_corpus(tmp_path)
    assert [s.id for s in corpus.sources] == ["a"]
    assert corpus.sources[0].text == GOOD
    assert corpus.warnings == ()


def test_cp1252_pound_is_decoded_with_a_note(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "It cost \u00a35m in 2004.\n".encode("cp1252"))
    corpus = load_corpus(tmp_path)
    (source,) = corpus.sources
    assert source.text == "It cost £5m in 2004.\n"
    assert source.encoding == "cp1252"
    assert len(corpus.warnings) == 1 and "cp1252" in str(corpus.warnings[0])
    assert "a.txt" in str(corpus.warnings[0])


def test_utf8_bom_is_dropped_silently(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"\xef\xbb\xbf" + GOOD.encode())
    corpus = load_corpus(tmp_path)
    assert corpus.sources[0].text == GOOD
    assert corpus.warnings == ()


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GOOD.encode("utf-16"))
    corpus = load_corpus(tmp_path)
    assert corpus.sources[0].text == GOOD
    assert corpus.sources[0].encoding == "utf-16"


def test_crlf_and_cr_become_newlines(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"First line.\r\nSecond line.\rThird.\r\n")
    (source,) = load_corpus(tmp_path).sources
    assert source.text == "First line.\nSecond line.\nThird.\n"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.txt", b" \n\t\r\n", "empty file", id="whitespace-only"),
        pytest.param("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", id="binary"),
        pytest.param("huge.txt", b"word " * 300, "over the limit", id="over-max-bytes"),
        pytest.param("README.TXT", GOOD.encode(), "documentation", id="dataset-readme"),
    ],
)
def test_bad_files_are_skipped_with_one_warning(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, name, data)
    ids, warnings = warnings_for(tmp_path, max_bytes=1000)
    assert ids == ["good"]
    assert len(warnings) == 1
    assert name in warnings[0] and message in warnings[0]
    assert warnings[0].startswith("warning: ")


def test_folder_named_like_a_text_file(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    (tmp_path / "x.txt").mkdir()
    ids, warnings = warnings_for(tmp_path)
    assert ids == ["good"]
    assert len(warnings) == 1 and "x.txt" in warnings[0] and "folder" in warnings[0]


def test_symlink_loops(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    started = time.perf_counter()
    ids, warnings = warnings_for(tmp_path)
    assert time.perf_counter() - started < 5
    assert ids == ["good"]
    assert len(warnings) == 3
    assert any("self.txt" in w for w in warnings)
    assert any("dangling.txt" in w for w in warnings)
    assert any("up" in w and "loop" in w for w in warnings)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    locked = write(tmp_path, "locked.txt", GOOD)
    locked.chmod(0)
    try:
        ids, warnings = warnings_for(tmp_path)
    finally:
        locked.chmod(0o644)
    assert ids == ["good"]
    assert len(warnings) == 1 and "locked.txt" in warnings[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_unreadable_folder(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    locked = tmp_path / "locked"
    write(locked, "a.txt", GOOD)
    locked.chmod(0)
    try:
        ids, warnings = warnings_for(tmp_path)
    finally:
        locked.chmod(0o755)
    assert ids == ["good"]
    assert len(warnings) == 1 and "locked" in warnings[0]


def test_fifo_named_txt_is_skipped_not_read(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    ids, warnings = warnings_for(tmp_path)
    assert ids == ["good"]
    assert len(warnings) == 1 and "pipe.txt" in warnings[0] and "regular" in warnings[0]


def test_undecodable_file_name_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    try:
        (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(GOOD)
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    ids, warnings = warnings_for(tmp_path)
    assert ids == ["good"]
    assert len(warnings) == 1 and "not valid UTF-8" in warnings[0]
    warnings[0].encode("utf-8")  # printable


def test_one_ten_megabyte_line_loads_quickly(tmp_path: Path) -> None:
    line = ("The minister said the deal was worth £5m. " * 240_000)[:10_000_000]
    write(tmp_path, "big.txt", line)
    started = time.perf_counter()
    (source,) = load_corpus(tmp_path).sources
    assert time.perf_counter() - started < 10
    assert len(source.text) == 10_000_000
    assert source.title is not None and len(source.title) <= 121


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "a.md", GOOD)
    ids, warnings = warnings_for(tmp_path)
    assert ids == ["a"]
    assert len(warnings) == 1 and "already used" in warnings[0]


def test_missing_corpus_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError):
        load_corpus(tmp_path / "nope")


def test_source_ids_from_subfolders(tmp_path: Path) -> None:
    assert source_id_for(tmp_path / "business" / "001.txt", tmp_path) == "business-001"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        pytest.param(b"plain ascii", "utf-8", id="ascii"),
        pytest.param("Zürich café".encode(), "utf-8", id="utf-8"),
        pytest.param("\u201cquoted\u201d \u00a3".encode("cp1252"), "cp1252", id="cp1252"),
    ],
)
def test_decode_bytes(raw: bytes, encoding: str) -> None:
    _, found, _ = decode_bytes(raw)
    assert found == encoding


def _every_full_date(text: str) -> dt.date | None:
    """The plain reading of ``infer_published``: every pattern over the whole text."""
    found: list[dt.date] = []
    for pattern in (corpus._DAY_MONTH_YEAR, corpus._MONTH_DAY_YEAR, corpus._ISO):
        for match in pattern.finditer(text):
            month_text = match.group("m")
            month = int(month_text) if month_text.isdigit() else corpus._MONTHS[month_text.lower()]
            with contextlib.suppress(ValueError):
                found.append(dt.date(int(match.group("y")), month, int(match.group("d"))))
    return max(found) if found else None


_DATE_PIECES = st.sampled_from(
    [
        "4",
        "31",
        "2nd",
        "May",
        "june",
        "Sept.",
        "Dec",
        "2005",
        "1999",
        "2024-02-29",
        "2023-13-01",
        "20051",
        "12",
        "on",
        "x",
        "Tuesday",
    ]
)
_GLUE = st.sampled_from([" ", ", ", "/", " / ", "\n", "", "  ", ".", "-"])


@given(st.lists(st.tuples(_DATE_PIECES, _GLUE), max_size=14))
def test_full_dates_found_near_years_are_the_ones_a_full_scan_finds(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(piece + glue for piece, glue in parts)
    found = corpus.full_dates(text)
    assert (max(day for _, day in found) if found else None) == _every_full_date(text)


_BODY = "The talks went on for hours and ended without a deal, officials said. " * 4


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Ministers meet\n3 March 2021\n\n" + _BODY, dt.date(2021, 3, 3)),
        ("ALMATY, March 3, 2021 (Agency) - " + _BODY, dt.date(2021, 3, 3)),
        ("Ministers meet\n\n" + _BODY + "Published: 2021-03-04 10:00", dt.date(2021, 3, 4)),
        (
            "Ministers meet\n4 May 2021\n\n" + _BODY + "Polls are due on 6 June 2021.",
            dt.date(2021, 5, 4),
        ),
        ("Ministers meet\n\n" + _BODY + "A plant opened on 17 May 2019.", dt.date(2019, 5, 17)),
        ("In 2005 and 2006, on no given day.", None),
        ("Rovers v United\n\nTuesday, 1 March\n\n1945 GMT\n\n" + _BODY, None),
        (
            "Rites held\n\n" + "A star died on 4 February 2005, friends said. " * 4,
            dt.date(2005, 2, 4),
        ),
    ],
)
def test_publication_date_is_the_header_or_cued_date_else_the_latest_in_the_body(
    text: str, published: dt.date | None
) -> None:
    assert infer_published(text) == published
