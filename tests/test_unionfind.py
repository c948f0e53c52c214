from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff.unionfind import UnionFind

pairs = st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh")), max_size=20)


def _groups(unions: list[tuple[str, str]]) -> dict[str, list[str]]:
    found = UnionFind()
    for left, right in unions:
        found.union(left, right)
    return found.groups()


@given(pairs)
def test_groups_do_not_depend_on_the_order_of_unions(unions: list[tuple[str, str]]) -> None:
    assert _groups(unions) == _groups(list(reversed(unions)))


def test_the_smallest_key_names_the_group() -> None:
    assert _groups([("c", "b"), ("b", "a")]) == {"a": ["a", "b", "c"]}
