"""Position lookups that stay logarithmic on a huge text.

Extractors ask "which mentions lie in this sentence", "is this offset inside a date",
"the last person before here". A scan of every record per question is quadratic in
the size of the text, which a file of one 10 MB line turns into hours. These indexes
answer the same questions, with the same answers in the same order, after one sort.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)
T = TypeVar("T")


class Greatest:
    """Among ``(key, value)`` pairs, the greatest value of those whose key is at most (or
    below) a bound. With ``(end, list index)`` pairs: the last item ending by a position;
    with ``(start, end)`` spans: whether any span covers an offset."""

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(pairs)
        self._keys = [key for key, _ in ordered]
        self._greatest: list[int] = []
        for _, value in ordered:
            self._greatest.append(max(value, self._greatest[-1]) if self._greatest else value)

    def at_most(self, bound: int) -> int | None:
        count = bisect_right(self._keys, bound)
        return self._greatest[count - 1] if count else None

    def below(self, bound: int) -> int | None:
        count = bisect_left(self._keys, bound)
        return self._greatest[count - 1] if count else None


def covers(spans: Greatest, offset: int) -> bool:
    """Whether a ``(start, end)`` span of ``spans`` has ``start <= offset < end``."""
    end = spans.at_most(offset)
    return end is not None and end > offset


def overlaps(spans: Greatest, start: int, end: int) -> bool:
    """Whether a ``(s, e)`` span of ``spans`` has ``s < end and start < e``."""
    reach = spans.below(end)
    return reach is not None and reach > start


class Within(Generic[S]):
    """The items lying inside ``[start, end]``, in their original order."""

    def __init__(self, items: Sequence[S]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]

    def __call__(self, start: int, end: int) -> list[S]:
        low = bisect_left(self._starts, start)
        high = bisect_right(self._starts, end)
        inside = sorted(i for i in self._order[low:high] if self._items[i].end <= end)
        return [self._items[i] for i in inside]


class Containing(Generic[T]):
    """The items whose interval ``[low, high)`` contains an offset, in their original order.

    Intervals that never overlap (sentences) are found by one bisection; overlapping
    ones, which a widened sentence can make, fall back to a scan.
    """

    def __init__(self, items: Sequence[T], interval: Callable[[T], tuple[int, int]]) -> None:
        self._items = items
        self._interval = interval
        groups: dict[int, list[int]] = {}
        for index, item in enumerate(items):
            groups.setdefault(interval(item)[0], []).append(index)
        self._lows = sorted(groups)
        self._groups = [groups[low] for low in self._lows]
        highs = [max(interval(items[i])[1] for i in group) for group in self._groups]
        self._disjoint = all(high <= low for high, low in zip(highs, self._lows[1:], strict=False))

    def __call__(self, offset: int) -> list[T]:
        if not self._disjoint:
            return [item for item in self._items if _holds(self._interval(item), offset)]
        count = bisect_right(self._lows, offset)
        if not count:
            return []
        group = (self._items[i] for i in self._groups[count - 1])
        return [item for item in group if _holds(self._interval(item), offset)]


def _holds(interval: tuple[int, int], offset: int) -> bool:
    return interval[0] <= offset < interval[1]


__all__ = ["Containing", "Greatest", "Within", "covers", "overlaps"]
