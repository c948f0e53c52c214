"""What a count of people tallies: the dead, the arrested, a crowd (align.toll_measure),
and the places a story is told of (dateline city, places that name local bodies)."""

import pytest

from claimdiff.align import dateline_city, leading_place, tally_teller, toll_measure
from claimdiff.models import CountClaim, CountValue


def _count_in(sentence: str, figure: str, noun: str) -> tuple[str, CountClaim]:
    start = sentence.index(figure)
    claim = CountClaim(
        id=f"a:count:{start}",
        source="a",
        start=start,
        end=start + len(figure),
        text=figure,
        sentence_start=0,
        sentence_end=len(sentence),
        predicate="count",
        object=noun,
        value=CountValue(low=12, high=12),
        noun=noun,
    )
    return sentence, claim


@pytest.mark.parametrize(
    ("sentence", "figure", "noun", "measure"),
    [
        (
            "Police said 12 protesters were arrested near the port.",
            "12 protesters",
            "protester",
            "arrests",
        ),
        (
            "About 4,000 demonstrators gathered outside parliament.",
            "4,000 demonstrators",
            "demonstrator",
            "crowd",
        ),
        ("Organisers said 12 people joined the march.", "12 people", "person", "crowd"),
        ("Troops killed 12 protesters at the border.", "12 protesters", "protester", "deaths"),
        (
            "Turnout was more than three times the police estimate of the crowd.",
            "more than three",
            "person",
            None,
        ),
        ("The committee has 12 people on it.", "12 people", "person", None),
    ],
)
def test_a_count_of_people_tallies_what_its_nearest_word_tells(
    sentence: str, figure: str, noun: str, measure: str | None
) -> None:
    assert toll_measure(*_count_in(sentence, figure, noun)) == measure


def test_a_local_body_is_told_of_the_place_it_is_named_after() -> None:
    places = {"Leeds": "E1", "New Orleans": "E2"}
    assert leading_place("Leeds City Council", places) == "E1"
    assert leading_place("New Orleans Police Department", places) == "E2"
    assert leading_place("Leedsford Trust", places) is None
    assert leading_place("Leeds", places) is None  # the place itself, not a body


def test_a_dateline_city_known_as_a_place_is_a_place_of_the_story() -> None:
    text = "PORTO, Portugal (Wire) - Dock workers walked out on Friday after pay talks failed.\n"
    assert dateline_city(text, {"Porto": "E7"}) == frozenset({"E7"})
    assert dateline_city(text, {"Lisbon": "E8"}) == frozenset()


@pytest.mark.parametrize(
    ("sentence", "figure", "teller"),
    [
        ("Police estimated that 2,000 people joined the march.", "2,000 people", "police"),
        ("Police said 900 marched; organisers put the crowd at 5,000.", "5,000", "organisers"),
        ("Nine people were arrested, the city's police said.", "Nine people", "police"),
        ("About 2,000 people joined the march.", "2,000 people", None),
    ],
)
def test_a_crowd_figure_is_told_by_the_nearest_teller(
    sentence: str, figure: str, teller: str | None
) -> None:
    assert tally_teller(*_count_in(sentence, figure, "person")) == teller
