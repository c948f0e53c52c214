"""What places a figure at a moment, read from its sentence: two figures of one thing
taken at different moments (another day, the close against midday, a rise against a fall)
are no conflict.

    >>> figure_moments_differ(
    ...     "Shares were up 5% by noon on Monday.", (14, 16),
    ...     "Shares closed up 4% on Monday.", (17, 19),
    ... )
    'closing-vs-intraday'
"""

from __future__ import annotations

import re

from claimdiff.dates_compare import WEEKDAYS

_WORD = re.compile(r"[A-Za-z]+")

_RISE = frozenset(
    [
        "up",
        "rose",
        "rise",
        "rises",
        "risen",
        "rising",
        "gained",
        "gain",
        "gains",
        "grew",
        "grow",
        "growth",
        "higher",
        "increase",
        "increased",
        "increases",
        "jumped",
        "climbed",
        "climb",
        "surged",
        "advanced",
    ]
)
_FALL = frozenset(
    [
        "down",
        "fell",
        "fall",
        "falls",
        "fallen",
        "falling",
        "lost",
        "lose",
        "losses",
        "lower",
        "decline",
        "declined",
        "declines",
        "dropped",
        "drop",
        "drops",
        "slipped",
        "slid",
        "decrease",
        "decreased",
        "shrank",
        "shrink",
        "contraction",
    ]
)
# How many words before a figure may carry its move ("closed down 51 cents at $44.38").
DIRECTION_WINDOW = 4

_CLOSING = re.compile(r"\b(?:closed|close|closing|finished|ended)\b", re.IGNORECASE)
_INTRADAY = re.compile(
    r"\b(?:noon|midday|morning|afternoon|early trading|earlier in the day|at one point|"
    r"opened|opening|intraday)\b",
    re.IGNORECASE,
)
# A figure quoted on a market moves from day to day: a level "at" or "to" which it trades.
_MARKET = re.compile(
    r"\b(?:shares?|barrel|crude|index|stocks?|trading|traded|against the (?:dollar|euro|"
    r"yen|pound)|exchange rate|box office)\b",
    re.IGNORECASE,
)

DIFFERENT_WEEKDAY = "different-weekday"
OPPOSITE_MOVES = "opposite-moves"
CLOSING_VS_INTRADAY = "closing-vs-intraday"
MARKET_UNDATED = "market-level-undated"


def _weekdays(sentence: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(sentence)) if w in WEEKDAYS)


def direction(sentence: str, span: tuple[int, int]) -> str | None:
    """'rise' or 'fall': the move a figure measures, from the word just after it ("a 0.3%
    decline") or else the nearest such word in the few before it ("lost 1.3%")."""
    after = _WORD.findall(sentence[span[1] :])[:1]
    before = _WORD.findall(sentence[: span[0]])[-DIRECTION_WINDOW:]
    for word in [*after, *reversed(before)]:
        lower = word.lower()
        if lower in _RISE:
            return "rise"
        if lower in _FALL:
            return "fall"
    return None


def figure_moments_differ(
    left: str,
    left_span: tuple[int, int],
    right: str,
    right_span: tuple[int, int],
    *,
    levels_need_a_day: bool = True,
) -> str | None:
    """A reason code when the two sentences place their figures at different moments or
    measure different moves; None when nothing tells the moments apart. Spans are the
    figures' offsets within their sentences. With ``levels_need_a_day``, a market level
    without a day both sentences name is a moment apart too (for differing figures; two
    nearly equal levels are more likely one moment)."""
    left_days, right_days = _weekdays(left), _weekdays(right)
    if left_days and right_days and not left_days & right_days:
        return DIFFERENT_WEEKDAY
    moves = {direction(left, left_span), direction(right, right_span)}
    if moves == {"rise", "fall"}:
        return OPPOSITE_MOVES
    closing = bool(_CLOSING.search(left)), bool(_CLOSING.search(right))
    intraday = bool(_INTRADAY.search(left)), bool(_INTRADAY.search(right))
    if closing[0] != closing[1] and (intraday[0] or intraday[1]):
        return CLOSING_VS_INTRADAY
    market = _MARKET.search(left) or _MARKET.search(right)
    if levels_need_a_day and market and not left_days & right_days:
        return MARKET_UNDATED  # a market level, and no shared day to compare it on
    return None
