"""A merge that rests on sound or spelling alone needs evidence beyond the name."""

from __future__ import annotations

import pytest

from builders import mention
from claimdiff.corroborate import rests_on_weak_rung
from claimdiff.models import Mention
from claimdiff.resolve import resolve_entities


def _people(mentions: list[Mention]) -> int:
    entities, _ = resolve_entities(mentions)
    return sum(1 for e in entities if e.kind == "person")


def _background(count: int) -> list[Mention]:
    """Unrelated sources that all name one city, so that the city is common context."""
    return [
        m
        for i in range(count)
        for m in (
            mention(f"bg{i}", "Lisbon", 0, kind="place"),
            mention(f"bg{i}", f"Person{i} Filler{i}", 20),
        )
    ]


def _unrelated(left: str, right: str) -> list[Mention]:
    """One name in source a and the other in source b, each beside its own context."""
    return [
        mention("a", left, 0),
        mention("a", "Port Vela", 30, kind="place"),
        mention("b", right, 0),
        mention("b", "Carrow Mining", 30, kind="organization"),
    ]


def test_similar_names_in_unrelated_sources_stay_apart() -> None:
    assert _people([*_unrelated("Jon Smit", "Jon Smith"), *_background(20)]) == 2 + 20


def test_two_spellings_in_one_source_are_one_person() -> None:
    assert _people([mention("a", "Jon Smit", 0), mention("a", "Jon Smith", 50)]) == 1


@pytest.mark.parametrize(
    ("left_role", "right_role", "people"),
    [
        pytest.param("Health Secretary", "health secretary", 1, id="specific-office"),
        pytest.param("Minister of Immigration", "former immigration minister", 1, id="former"),
        pytest.param("Captain", "captain", 2, id="bare-title-is-no-evidence"),
        pytest.param(
            "Prime Minister", "Prime Minister of Norway", 1, id="one-side-leaves-the-country-out"
        ),
        pytest.param(
            "Prime Minister of Sweden", "Prime Minister of Norway", 2, id="two-countries-differ"
        ),
    ],
)
def test_a_shared_specific_office_corroborates_a_spelling(
    left_role: str, right_role: str, people: int
) -> None:
    mentions = [
        mention("a", "Ann Reade", 0, role=left_role),
        mention("b", "Ann Reid", 0, role=right_role),
    ]
    assert _people(mentions) == people


def test_rare_shared_context_corroborates_a_spelling() -> None:
    shared = [
        m
        for source in ("a", "b")
        for m in (
            mention(source, "Tomas Brevik", 30),
            mention(source, "Carrow Mining", 60, kind="organization"),
        )
    ]
    mentions = [mention("a", "Ann Reade", 0), mention("b", "Ann Reid", 0), *shared]
    entities, of_mention = resolve_entities([*mentions, *_background(20)])
    assert of_mention["a:mention:0-9"] == of_mention["b:mention:0-8"]
    merged = next(e for e in entities if "Ann Reid" in e.variants)
    assert "shared-context" in merged.merge_reasons


def test_letter_for_letter_variants_need_no_corroboration() -> None:
    assert _people([mention("a", "Rustam Karimov", 0), mention("b", "Karimov Rustam", 0)]) == 1
    assert not rests_on_weak_rung(("token-order",))
    assert rests_on_weak_rung(("transliteration-skeleton",))


def test_context_named_everywhere_does_not_add_up() -> None:
    """Many common co-mentions are no more evidence than one."""
    common = ["Lisbon", "Porto", "Braga", "Faro", "Evora", "Sintra"]
    mentions = [
        mention(source, name, 30 + 10 * i, kind="place")
        for source in ("a", "b")
        for i, name in enumerate(common)
    ]
    background = [
        mention(f"bg{j}", name, 10 * i, kind="place")
        for j in range(20)
        for i, name in enumerate(common)
        if j % 4 == 0  # each in 5 of 20 unrelated sources
    ]
    people = [mention("a", "Ann Reade", 0), mention("b", "Ann Reid", 0)]
    _, of_mention = resolve_entities([*people, *mentions, *background])
    assert of_mention["a:mention:0-9"] != of_mention["b:mention:0-8"]


def test_a_surname_alone_elsewhere_joins_a_name_it_only_sounds_like_with_corroboration() -> None:
    alone = _unrelated("Ann Hoskins", "Haskins")
    _, of_mention = resolve_entities([*alone, *_background(20)])
    assert of_mention["b:mention:0-7"] != of_mention["a:mention:0-11"]
    shared = [mention(s, "Tomas Brevik", 60) for s in "ab"] + [
        mention(s, "Carrow Mining", 90, kind="organization") for s in "ab"
    ]
    _, of_mention = resolve_entities([*alone, *shared, *_background(20)])
    assert of_mention["b:mention:0-7"] == of_mention["a:mention:0-11"]


def test_a_surname_alone_elsewhere_joins_the_name_it_spells() -> None:
    mentions = [mention("a", "Ann Hoskins", 0), mention("b", "Hoskins", 0)]
    _, of_mention = resolve_entities([*mentions, *_background(20)])
    assert of_mention["b:mention:0-7"] == of_mention["a:mention:0-11"]
