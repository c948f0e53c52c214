from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff.report.markdown import md_cell, md_text


def test_pipe_and_newline_cannot_break_a_table_cell() -> None:
    assert md_cell("a | b\nc") == "a \\| b c"


def test_html_is_escaped() -> None:
    assert md_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_link_syntax_is_neutralised() -> None:
    assert md_text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"


def test_empty_cell_shows_a_dash() -> None:
    assert md_cell("  ") == "–"


@given(st.text(max_size=200))
def test_escaped_text_is_one_line_without_raw_markup(text: str) -> None:
    escaped = md_cell(text)
    assert "\n" not in escaped
    assert "<" not in escaped
    unescaped_pipes = escaped.replace("\\|", "")
    assert "|" not in unescaped_pipes
