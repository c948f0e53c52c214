"""Paragraphs and sentences with exact character offsets into the decoded text.

A small rule-based splitter rather than pysbd (unmaintained) or spaCy (heavy):
news prose is regular enough, and this keeps offsets exact and runs in linear
time. Its behaviour is pinned by golden tests, and it stays behind this module
so that it can be swapped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from claimdiff.models import Sentence

# Words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev st mt jr sr
    no nos vs etc inc ltd corp co jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.g i.e a.m p.m approx est dept fig hon messrs mme mlle ft""".split()  # noqa: SIM905
)

_PARAGRAPH_BREAK = re.compile(r"\n")
# Linear time: a match never starts inside a run of punctuation, and the possessive
# quantifiers never give back what they took (a long "....x" was quadratic before).
# The pattern opens on its first mark, not on the look-behind that checks the character
# before it, so the regex engine skips ahead to the next mark instead of trying every offset.
_SENTENCE_END = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"'”’)\]]*+(?=\s|$)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9\u00C0-\u024F]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed, as (start, end). News files put one paragraph per line."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; a sentence never crosses a paragraph."""
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            end = match.end()
            if not _is_boundary(text, match.start(), end, p_end):
                continue
            sentences.append(Sentence(start=start, end=end, paragraph=paragraph_index))
            start = _skip_space(text, end, p_end)
        if start < p_end:
            sentences.append(Sentence(start=start, end=p_end, paragraph=paragraph_index))
    return sentences


def _skip_space(text: str, position: int, limit: int) -> int:
    while position < limit and text[position].isspace():
        position += 1
    return position


def _is_boundary(text: str, punct_start: int, punct_end: int, limit: int) -> bool:
    if punct_end >= limit:
        return True
    if not _NEXT_START.match(text, punct_end, limit):
        return False
    if text[punct_start] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, punct_start - 20), punct_start)
    if word is None:
        return True
    token = word.group(1).lower().rstrip(".")
    if token in ABBREVIATIONS:
        return False
    # A single capital ("J. Smith") is an initial, not a sentence end.
    return not (len(token) == 1 and text[punct_start - 1].isupper())


class SentenceIndex:
    """Finds the sentence that contains an offset, in O(log n)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self._starts = [s.start for s in self.sentences]

    def containing(self, offset: int) -> Sentence | None:
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        # ``sentence.start <= offset`` by the bisection; an empty sentence holds its start.
        return sentence if offset < sentence.end or offset == sentence.start else None
