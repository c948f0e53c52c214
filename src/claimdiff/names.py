"""Name normalisation and transliteration-aware similarity.

Similarity is an ordered ladder (as in splink's NameComparison): the first rung
that holds decides, and each rung has a reason code that the report shows.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from doublemetaphone import doublemetaphone
from rapidfuzz.distance import JaroWinkler

EXACT = "exact"
TRANSLITERATION = "transliteration-skeleton"
PHONETIC = "phonetic"
SPELLING = "spelling-similar"
# One Korean or Chinese name in two romanisation systems ("Lee"/"Rhee", "Jiang"/"Chiang").
ROMANISATION = "romanisation"

_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")

# Latin spellings of the same sound in names from Persian, Arabic, Russian and Turkic
# languages; applied left to right before vowels are dropped.
_TRANSLITERATION_FOLDS: tuple[tuple[str, str], ...] = (
    ("kh", "h"),
    ("gh", "g"),
    ("q", "k"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("dh", "d"),
    ("th", "t"),
    ("zh", "j"),
    ("dj", "j"),
    ("ch", "c"),
    ("sh", "s"),
    ("ts", "c"),
    ("x", "ks"),
)
# Russian-style surname endings that vary in transliteration or by gender, and the
# genitive ending of a Mongolian patronymic ("-yn", "-iin": the father's name "of X").
_SLAVIC_SUFFIX = re.compile(r"(?:ova|eva|ov|ev|off|eff|ina|in|aya|ii|iy|yi|yn|y)$")

# The standard romanisations of common Korean surnames (Revised, McCune-Reischauer,
# North Korean and customary spellings): one class, one surname.
_KOREAN_SURNAMES = (
    "lee rhee yi ri i",
    "park pak bak",
    "choi choe chwe",
    "kim gim",
    "jung jeong chung chong",
    "kang gang",
    "cho jo",
    "yoon yun",
    "shin sin",
    "lim im rim",
    "han hahn",
    "ryu yoo yu",
    "jang chang",
    "oh o",
    "seo suh so",
    "kwon gwon",
    "hwang whang",
    "song",
    "jeon jun chun chon",
    "moon mun",
    "baek paek paik",
    "noh roh no",
    "ahn an",
)
_KOREAN_SURNAME = {spelling: row.split()[0] for row in _KOREAN_SURNAMES for spelling in row.split()}

# One Chinese syllable as pinyin or Wade-Giles writes it (apostrophes folded away).
_CHINESE_SYLLABLE = (
    r"(?:zh|ch|sh|hs|ts|tz|[bpmfdtnlgkhjqxrzcswy])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ung|ian|ien|iao|uai|uan|uen|ai|ei|ao|ou|an|en|in|un"
    r"|ia|ie|iu|uo|ua|ui|ue|ih|a|e|i|o|u)"
)
_CHINESE_NAME_TOKEN = re.compile(f"(?:{_CHINESE_SYLLABLE}){{1,2}}")
# Wade-Giles to one key shared with pinyin: its unaspirated ch/k/p/t/ts are pinyin's
# zh or j/g/b/d/z, its hs is x, its -ien is -ian and its -o after a consonant is -uo.
_CHINESE_FOLDS: tuple[tuple[str, str], ...] = (
    ("zh", "j"),
    ("ch", "j"),
    ("q", "j"),
    ("hs", "x"),
    ("tz", "z"),
    ("ts", "z"),
    ("k", "g"),
    ("p", "b"),
    ("t", "d"),
    ("ien", "ian"),
    ("uo", "o"),
    ("ung", "ong"),
)

# Words that tell two names apart however alike they sound: "Bournemouth East" and
# "Bournemouth West" are two places, "Hill Senior" and "Hill Junior" two people.
_CONTRASTS = frozenset(
    [
        "east",
        "west",
        "north",
        "south",
        "eastern",
        "western",
        "northern",
        "southern",
        "upper",
        "lower",
        "new",
        "old",
        "junior",
        "senior",
        "great",
        "little",
        "greater",
        "inner",
        "outer",
    ]
)

PARTICLES = frozenset(
    {"al", "el", "ad", "ud", "bin", "ibn", "bint", "van", "von", "de", "der", "da", "la"}
)


# British and American spellings of one organisation's name: "-isation" and "-ization".
_ISE = re.compile(r"(?<=[a-z]{3})is(ation|ations)\b")


# For lowercase ASCII: apostrophes go ("O'Neill" is "oneill"), and any character but a
# letter, a digit or a space becomes a space.
_WORD_CHARACTERS = {
    code: None if chr(code) in "'`" else " "
    for code in range(128)
    if chr(code) not in string.ascii_lowercase + string.digits + " "
}


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Unicode to lowercase ASCII words: 'Ćorić-Zādeh' -> 'coric zadeh'."""
    # ASCII is its own NFKC form and its own transliteration.
    ascii_text = (text if text.isascii() else anyascii(unicodedata.normalize("NFKC", text))).lower()
    folded = " ".join(ascii_text.translate(_WORD_CHARACTERS).split())
    return _ISE.sub(r"iz\1", folded) if "isation" in folded else folded


@lru_cache(maxsize=262144)
def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(token for token in fold(name).split() if token not in PARTICLES)


@lru_cache(maxsize=65536)
def fold_letters(token: str) -> str:
    """One spelling per sound: 'Wolkhow' -> 'volhov'."""
    folded = token
    for written, sound in _TRANSLITERATION_FOLDS:
        folded = folded.replace(written, sound)
    return _DOUBLED.sub(r"\1", folded)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton: the part of a name that survives transliteration."""
    folded = fold_letters(token)
    stem = _SLAVIC_SUFFIX.sub("", folded) if len(folded) > 5 else folded
    consonants = _VOWELS.sub("", stem)
    return consonants or folded


@lru_cache(maxsize=65536)
def chinese_key(token: str) -> str | None:
    """The sound of a one- or two-syllable Chinese name token, alike in pinyin and
    Wade-Giles ("chingkuo" and "jingguo"); None for a token that is no Chinese syllables."""
    if _CHINESE_NAME_TOKEN.fullmatch(token) is None:
        return None
    key = token
    for written, sound in _CHINESE_FOLDS:
        key = key.replace(written, sound)
    return key


@lru_cache(maxsize=65536)
def phonetic_keys(token: str) -> frozenset[str]:
    primary, secondary = doublemetaphone(token)
    return frozenset(key for key in (primary, secondary) if key)


def _same_onset(left: str, right: str) -> bool:
    """Names that start with different consonants are different names."""
    return left == right or (left in "aeiouy" and right in "aeiouy")


@dataclass(frozen=True)
class TokenMatch:
    equal: bool
    reason: str | None


# The ladder's outcomes: shared, since most pairs of tokens are no match.
_TOKEN_EXACT = TokenMatch(True, EXACT)
_TOKEN_TRANSLITERATION = TokenMatch(True, TRANSLITERATION)
_TOKEN_ROMANISATION = TokenMatch(True, ROMANISATION)
_TOKEN_PHONETIC = TokenMatch(True, PHONETIC)
_TOKEN_SPELLING = TokenMatch(True, SPELLING)
_TOKEN_DIFFERENT = TokenMatch(False, None)


@lru_cache(maxsize=262144)
def compare_tokens(left: str, right: str) -> TokenMatch:
    """The ladder for one name token: exact, skeleton, phonetic, then spelling."""
    if left == right:
        return _TOKEN_EXACT
    korean = _KOREAN_SURNAME.get(left)
    if korean is not None and korean == _KOREAN_SURNAME.get(right):
        return _TOKEN_ROMANISATION
    chinese = chinese_key(left)
    if chinese is not None and chinese == chinese_key(right):
        return _TOKEN_ROMANISATION
    if min(len(left), len(right)) <= 2 or (left in _CONTRASTS and right in _CONTRASTS):
        return _TOKEN_DIFFERENT
    left_skeleton, right_skeleton = skeleton(left), skeleton(right)
    if (
        left_skeleton == right_skeleton
        and len(left_skeleton) >= 3
        and _same_onset(fold_letters(left)[0], fold_letters(right)[0])
    ):
        return _TOKEN_TRANSLITERATION
    # Below 0.8, neither the phonetic nor the spelling rung holds. Below the cutoff
    # rapidfuzz gives 0 at once; the cutoff is lower than 0.8 because rapidfuzz's own
    # comparison with it can round a similarity of 0.8 down.
    similarity = JaroWinkler.similarity(left, right, score_cutoff=0.79)
    if similarity < 0.8:
        return _TOKEN_DIFFERENT
    if phonetic_keys(left) & phonetic_keys(right):
        return _TOKEN_PHONETIC
    if similarity >= 0.93 and len(left) >= 5:
        return _TOKEN_SPELLING
    return _TOKEN_DIFFERENT


@dataclass(frozen=True)
class NameMatch:
    """How two full names relate: same name, a variant spelling, a short form, or none."""

    relation: str  # "same" | "variant" | "short-form" | "extra-token" | "different"
    reasons: tuple[str, ...]


_NAMES_DIFFERENT = NameMatch("different", ())


@lru_cache(maxsize=262144)
def compare_names(left: str, right: str) -> NameMatch:
    match = _compare_names(left, right)
    left_tokens, right_tokens = name_tokens(left), name_tokens(right)
    if ROMANISATION in match.reasons and not (
        (_chinese(left_tokens) and _chinese(right_tokens))
        or _korean_surname_only(left_tokens, right_tokens)
    ):
        # "Tan Smith" is no romanisation of "Dan Smith": only a name made wholly of
        # Korean or Chinese syllables is one name in two systems; else a weak rung.
        reasons = {TRANSLITERATION if r == ROMANISATION else r for r in match.reasons}
        return NameMatch(match.relation, tuple(sorted(reasons)))
    return match


def _korean_surname_only(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """ "Rhee Min-ho" and "Lee Min-ho": the given names alike letter for letter."""
    if len(left) != len(right):
        return False
    differ = [i for i, (a, b) in enumerate(zip(left, right, strict=True)) if a != b]
    # One token differs, in a surname's place: first (Korean order) or last.
    return (
        len(differ) == 1
        and differ[0] in (0, len(left) - 1)
        and _KOREAN_SURNAME.get(left[differ[0]], "") == _KOREAN_SURNAME.get(right[differ[0]])
    )


def _chinese(tokens: tuple[str, ...]) -> bool:
    return all(chinese_key(token) is not None for token in tokens)


def _compare_names(left: str, right: str) -> NameMatch:
    left_tokens, right_tokens = name_tokens(left), name_tokens(right)
    if not left_tokens or not right_tokens:
        return _NAMES_DIFFERENT
    if left_tokens == right_tokens:
        return NameMatch("same", (EXACT,))
    initial = _initial_form(left, left_tokens, right_tokens) or _initial_form(
        right, right_tokens, left_tokens
    )
    if initial is not None:
        return initial
    if len(left_tokens) == len(right_tokens):
        reasons = _aligned_reasons(left_tokens, right_tokens)
        if reasons is None and len(left_tokens) == 2:
            # "Karimov Rustam" vs "Rustam Karimov": token order varies across languages.
            reasons = _aligned_reasons(left_tokens, tuple(reversed(right_tokens)))
            if reasons is not None:
                reasons = (*reasons, "token-order")
        if reasons is not None:
            return NameMatch("variant", reasons)
        return _NAMES_DIFFERENT
    shorter, longer = sorted((left_tokens, right_tokens), key=len)
    if len(longer) == len(shorter) + 1 and len(shorter) >= 2:
        # "Abdul-Hamid" vs "Abdulhamid": one name written as one word or two.
        for i in range(len(longer) - 1):
            joined = (*longer[:i], longer[i] + longer[i + 1], *longer[i + 2 :])
            reasons = _aligned_reasons(shorter, joined)
            if reasons is not None and set(reasons) <= {EXACT, TRANSLITERATION, ROMANISATION}:
                return NameMatch("variant", tuple(sorted({*reasons, "token-joining"} - {EXACT})))
    if len(shorter) == 1:
        if any(compare_tokens(shorter[0], token).equal for token in longer[1:]):
            return NameMatch("short-form", ("surname-only",))
        return _NAMES_DIFFERENT
    # "X Y" vs "X Y Z": the shorter is a prefix or suffix of the longer.
    for offset in (0, len(longer) - len(shorter)):
        window = longer[offset : offset + len(shorter)]
        reasons = _aligned_reasons(shorter, window)
        if reasons is not None:
            return NameMatch("extra-token", (*reasons, "extra-token"))
    return _NAMES_DIFFERENT


# A name written with an initial before it: "J. Smith", "Ch.Altan", "Ch. Altan".
_INITIAL_NAME = re.compile(r"[A-Z][a-z]?\.\s?[A-Z]")


def _initial_form(
    written: str, tokens: tuple[str, ...], other: tuple[str, ...]
) -> NameMatch | None:
    """ "J. Smith" for "John Smith"; or, where the patronymic comes first and is shortened
    to its initial (Mongolian usage), "B.Altan" for "Altan Batbayar"."""
    if len(tokens) != 2 or len(other) != 2 or not _INITIAL_NAME.match(written):
        return None
    letters, name = tokens
    for given, rest, order in ((other[0], other[1], ()), (other[1], other[0], ("token-order",))):
        if not given.startswith(letters) or len(given) <= len(letters):
            continue
        match = compare_tokens(name, rest)
        if match.equal:
            reasons = {"initial", *order}
            if match.reason is not None and match.reason != EXACT:
                reasons.add(match.reason)
            return NameMatch("variant", tuple(sorted(reasons)))
    return None


def _aligned_reasons(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...] | None:
    reasons: list[str] = []
    for a, b in zip(left, right, strict=True):
        match = compare_tokens(a, b)
        if not match.equal:
            return None
        if match.reason and match.reason != EXACT:
            reasons.append(match.reason)
    return tuple(sorted(set(reasons))) or (EXACT,)


def blocking_keys(name: str) -> set[str]:
    """Keys under which a full name may meet its variants.

    The surname's skeleton and phonetic keys (same order, spelling variants, a name written
    as one word or two), the first two tokens (an extra trailing token), and the unordered
    pair of first and last (token order). Not every token: a block of every "John" would
    make comparison quadratic in the corpus.
    """
    tokens = [t for t in name_tokens(name) if len(t) > 2] or list(name_tokens(name))
    if not tokens:
        return set()
    last = tokens[-1]
    keys = {"s:" + skeleton(last)} | {"p:" + key for key in phonetic_keys(last)}
    all_tokens = name_tokens(name)
    chinese = [chinese_key(all_tokens[0]), chinese_key("".join(all_tokens[1:]))]
    if len(all_tokens) >= 2 and None not in chinese:
        # "Mao Zedong" and "Mao Tse-tung": one key for pinyin and Wade-Giles.
        keys.add(f"z:{chinese[0]}|{chinese[1]}")
    if len(tokens) >= 2:
        keys.add(f"f:{skeleton(tokens[0])}|{skeleton(tokens[1])}")
        keys.add("o:" + "|".join(sorted((skeleton(tokens[0]), skeleton(last)))))
    return keys
