"""One office, however a source words its title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff.offices import Office, office_key, office_relation, parse_office


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param("Kenyan President", "President of Kenya", id="demonym-vs-country"),
        pytest.param("President of the Republic of Kenya", "Kenya's President", id="long-name"),
        pytest.param(
            "Chief of Staff of the Armed Forces of Chile",
            "Chief of Staff of the Chilean Armed Forces",
            id="armed-forces-word-order",
        ),
        pytest.param(
            "Chilean Armed Forces Chief of Staff",
            "Chilean Chief General of Armed Forces",
            id="military-chief-synonyms",
        ),
        pytest.param("Chief of General Staff of Chile", "Chile's armed forces chief", id="cgs"),
        pytest.param("Supreme Leader of North Korea", "North Korean Leader", id="supreme"),
        pytest.param("Tajik Defence Minister", "Minister of Defense of Tajikistan", id="portfolio"),
        pytest.param("Minister of Foreign Affairs of Peru", "Peruvian Foreign Minister", id="fm"),
        pytest.param("Ugandan ambassador to Kenya", "Ambassador of Uganda to Kenya", id="envoy"),
        pytest.param("UN Secretary-General", "Secretary General of the United Nations", id="un"),
        pytest.param("Norwegian premier", "Prime Minister of Norway", id="premier"),
    ],
)
def test_wordings_of_one_office_have_one_key(left: str, right: str) -> None:
    assert office_key(left) == office_key(right)
    assert office_relation(left, right) == "same"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param("President of Kenya", "President of Uganda", id="other-country"),
        pytest.param("President of Kenya", "Vice President of Kenya", id="other-title"),
        pytest.param("Chief of Staff of the Armed Forces", "White House Chief of Staff", id="body"),
        pytest.param("Ugandan ambassador to Kenya", "Ugandan ambassador to Chile", id="posting"),
        pytest.param("President of Kenya", "President-elect of Kenya", id="elect"),
        pytest.param("Mayor of Nairobi", "President of Kenya", id="mayor"),
        pytest.param("former President of Kenya", "President of Kenya", id="former"),
        pytest.param("Kenyan ex-President", "the Kenyan President", id="ex"),
    ],
)
def test_different_offices_stay_different(left: str, right: str) -> None:
    assert office_relation(left, right) == "different"


def test_a_title_without_country_is_compatible_with_the_full_office() -> None:
    assert office_relation("the President", "President of Kenya") == "compatible"
    assert office_relation("Chief of Staff", "Chief of Staff of the Chilean Armed Forces") == (
        "compatible"
    )


def test_a_capital_in_a_title_is_not_the_country() -> None:
    assert parse_office("Mayor of Nairobi") == Office("mayor", "nairobi", None)


_TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Chief of Staff"]
_COUNTRIES = ["Kenya", "Chile", "Uganda", "North Korea", "Peru"]
_DEMONYMS = ["Kenyan", "Chilean", "Ugandan", "North Korean", "Peruvian"]


@st.composite
def _role_phrases(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(_TITLES))
    complement = draw(st.sampled_from(["", " of the Armed Forces", " of the Senate"]))
    where = draw(st.integers(0, len(_COUNTRIES)))
    form = draw(st.sampled_from(["prefix", "suffix", "possessive"]))
    phrase = draw(st.sampled_from(["", "former "])) + title + complement
    if where == len(_COUNTRIES):
        return phrase
    if form == "prefix":
        return f"{_DEMONYMS[where]} {phrase}"
    if form == "possessive":
        return f"{_COUNTRIES[where]}'s {phrase}"
    return f"the {phrase} of {_COUNTRIES[where]}"


@given(_role_phrases())
def test_office_normalisation_is_idempotent(role: str) -> None:
    office = parse_office(role)
    assert parse_office(office.label()) == office


@given(_role_phrases(), _role_phrases())
def test_office_relation_is_symmetric(left: str, right: str) -> None:
    assert office_relation(left, right) == office_relation(right, left)


def test_a_state_epithet_in_a_title_names_its_country() -> None:
    assert office_key("Custodian of the Two Holy Mosques") == office_key("Saudi Custodian")
