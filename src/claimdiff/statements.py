"""What a statement is about, for comparing paraphrases and translations of it.

Two renderings of one remark rarely share their words: "fruitful talks" and "fruitful
discussions", "links" and "relations", "a desirable outcome" and "the desired outcome".
``statement_terms`` reduces a statement to its content words, each stemmed and mapped to
one word for a small set of near-synonyms that news English uses for the same thing.
The overlap of two such sets says how likely they are one statement; whether they are
is decided with the speaker and the occasion (see classify.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimdiff.names import fold

_WORD = re.compile(r"[a-z0-9]+")

_STOPWORDS = frozenset(
    """
    a an the of to in on at for and or but is are was were be been being has have
    had it its this that these those with by from as which who whom whose will would
    can could should must may might there their they them he she his her we our you
    your i me my not no than then so such into about over under between also very
    more most much many
    """.split()  # noqa: SIM905 - a word list reads best as prose
)


@lru_cache(maxsize=65536)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(fold(text)) if w not in _STOPWORDS or w in {"not", "no"})


def content_words(text: str) -> list[str]:
    """Words that carry meaning, folded; negations are kept, since they change it."""
    return list(_content_words(text))


# Near-synonyms in reported diplomatic, political and business speech, each class
# written as the word it is folded to, then the words folded to it.
_SYNONYM_CLASSES = """
visit: trip tour journey
talk: negotiation discussion
relation: tie ties relationship relations
country: nation
strengthen: expand boost enhance uplift deepen upgrade elevate promote bolster
increase: improve grow rise
show: signify indicate demonstrate reflect
agreement: deal accord pact document memorandum treaty
field: sector area sphere domain
trade: commerce commercial
concern: worry
cooperation: collaboration
important: significant crucial vital essential
"""

_SYNONYMS: dict[str, str] = {
    word: head
    for line in _SYNONYM_CLASSES.strip().splitlines()
    for head, words in [line.split(":")]
    for word in (head, *words.split())
}

# Longest first, so "-ations" goes before "-s"; a stem keeps at least three letters.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "able", "ible", "s")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if word.endswith("s") and word[:-1] in _SYNONYMS:
        return _SYNONYMS[word[:-1]]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            for candidate in (base, base + "e", base + "y"):
                if candidate in _SYNONYMS:
                    return _SYNONYMS[candidate]
            return base.rstrip("e") or base
    return word.rstrip("e") if len(word) > 3 else word


@lru_cache(maxsize=16384)
def statement_terms(text: str) -> frozenset[str]:
    """The stemmed, synonym-folded content words of a statement (negations kept)."""
    return frozenset(_stem(word) for word in content_words(text))


def term_overlap(left: str, right: str) -> tuple[int, float]:
    """Shared terms, and their share of the smaller statement's terms; symmetric."""
    a, b = statement_terms(left), statement_terms(right)
    if not a or not b:
        return 0, 0.0
    shared = len(a & b)
    return shared, shared / min(len(a), len(b))


def quoted_words(text: str) -> tuple[str, ...]:
    """Every word of a quote, folded, in order (stopwords kept: the wording is the point)."""
    return tuple(_WORD.findall(fold(text)))


def words_within(words: tuple[str, ...], text: str) -> bool:
    """``words`` stand in ``text`` one after another, as they were quoted."""
    inside = quoted_words(text)
    width = len(words)
    return any(inside[i : i + width] == words for i in range(len(inside) - width + 1))


# A capitalised word after a word, not after a sentence's end: part of a name.
_NAME_WORD = re.compile(r"(?<=[a-z’',]\s)[A-Z][\w’'-]*")


def overlap_beyond_names(left: str, right: str) -> float:
    """The share of the smaller statement's terms, names left out, that the other shares.

    Two remarks about "the Bank of England's Monetary Policy Committee" share its five
    words whatever they say about it.
    """
    names = {
        _stem(word)
        for text in (left, right)
        for found in _NAME_WORD.findall(text)
        for word in _WORD.findall(fold(found))
    }
    a, b = statement_terms(left) - names, statement_terms(right) - names
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# Documents a meeting issues once, whatever the report calls them: "the final communique",
# "the joint communique" and "a communique" of one summit are one text. A "statement" may
# come from anyone, so its label is kept as written.
_ONE_PER_OCCASION = frozenset({"communique", "declaration"})


def document_key(label: str) -> str:
    """One key for the names of one document: "final communiqué" -> "communique"."""
    words = fold(label).split()
    return words[-1] if words and words[-1] in _ONE_PER_OCCASION else label
