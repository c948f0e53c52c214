"""Statement terms: what two renderings of one remark have in common."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff.statements import quoted_words, statement_terms, term_overlap, words_within


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


def test_a_fragment_stands_within_a_quote_only_word_for_word() -> None:
    words = quoted_words("before the snow comes")
    assert words_within(words, "We must reach them before the snow comes, he said")
    assert not words_within(words, "We must reach them before the heavy snow comes")


def test_a_communique_is_one_document_whatever_it_is_called() -> None:
    from claimdiff.statements import document_key

    assert document_key("final communiqué") == document_key("joint communique") == "communique"
    assert document_key("joint statement") != document_key("statement")
