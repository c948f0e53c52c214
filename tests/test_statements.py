"""Statement terms: what two renderings of one remark have in common."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff.statements import statement_terms, term_overlap


def test_near_synonyms_and_inflections_fold_to_one_term() -> None:
    assert statement_terms("good negotiations on ties") == statement_terms(
        "good discussions on relations"
    )
    assert statement_terms("far from the desirable point") == statement_terms(
        "far from the desired point"
    )


def test_negation_is_a_term() -> None:
    assert "not" in statement_terms("we will not sign")


def test_unrelated_statements_share_little() -> None:
    shared, overlap = term_overlap(
        "Inflation will stay low this year", "The striker scored twice in the final"
    )
    assert shared == 0 and overlap == 0.0


@given(st.text(max_size=60), st.text(max_size=60))
def test_overlap_is_symmetric(left: str, right: str) -> None:
    assert term_overlap(left, right) == term_overlap(right, left)
