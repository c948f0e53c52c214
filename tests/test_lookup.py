"""The position indexes give the answers of the linear scans they replace."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from claimdiff.extract.lookup import Containing, Greatest, Within, covers, overlaps

positions = st.integers(min_value=0, max_value=60)
spans = st.lists(
    st.tuples(positions, st.integers(min_value=0, max_value=20)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


@dataclass(frozen=True)
class Item:
    start: int
    end: int


@given(spans, positions)
def test_covers_is_any_span_holding_the_offset(pairs: list[tuple[int, int]], offset: int) -> None:
    assert covers(Greatest(pairs), offset) == any(s <= offset < e for s, e in pairs)


@given(spans, positions, positions)
def test_overlaps_is_any_span_crossing_the_range(
    pairs: list[tuple[int, int]], start: int, end: int
) -> None:
    assert overlaps(Greatest(pairs), start, end) == any(s < end and start < e for s, e in pairs)


@given(spans, positions)
def test_greatest_at_most_is_the_last_item_ending_by_the_position(
    pairs: list[tuple[int, int]], position: int
) -> None:
    ends = [e for _, e in pairs]
    index = Greatest((end, i) for i, end in enumerate(ends)).at_most(position)
    expected = max((i for i, end in enumerate(ends) if end <= position), default=None)
    assert index == expected


@given(spans, positions, positions)
def test_within_keeps_the_original_order(
    pairs: list[tuple[int, int]], start: int, end: int
) -> None:
    items = [Item(s, e) for s, e in pairs]
    expected = [i for i in items if start <= i.start and i.end <= end]
    assert Within(items)(start, end) == expected


@given(spans, positions)
def test_containing_finds_every_interval_holding_the_offset(
    pairs: list[tuple[int, int]], offset: int
) -> None:
    items = [Item(s, e) for s, e in pairs]
    expected = [i for i in items if i.start <= offset < i.end]
    assert Containing(items, lambda i: (i.start, i.end))(offset) == expected


def test_containing_disjoint_sentences_answer_from_one_group() -> None:
    items = [Item(0, 10), Item(0, 10), Item(10, 20), Item(25, 30)]
    find = Containing(items, lambda i: (i.start, i.end))
    assert find(5) == items[:2]
    assert find(10) == [items[2]]
    assert find(22) == []
    assert find(29) == [items[3]]
