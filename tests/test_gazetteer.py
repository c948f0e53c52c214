"""The gazetteer: general world knowledge behind entity extraction."""

from __future__ import annotations

import pytest

from claimdiff import gazetteer as gz


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Iran", "Iran"),
        ("Iranian", "Iran"),
        ("Tehran", "Iran"),
        ("Tajik", "Tajikistan"),
        ("Dushanbe", "Tajikistan"),
        ("British", "United Kingdom"),
        ("UK", "United Kingdom"),
        ("US", "United States"),
        ("American", "United States"),
        ("Islamic Republic of Iran", "Iran"),
        ("the Netherlands", "Netherlands"),
        ("Kiev", "Ukraine"),
    ],
)
def test_country_for_reads_names_demonyms_and_capitals(word: str, country: str) -> None:
    assert gz.country_for(word) == country


@pytest.mark.parametrize("word", ["Monday", "President", "Finn", "said", ""])
def test_country_for_returns_none_for_other_words(word: str) -> None:
    assert gz.country_for(word) is None


def test_gazetteer_covers_about_two_hundred_countries() -> None:
    assert len(gz.COUNTRIES) >= 195
    assert all(c.name in gz.COUNTRY_NAMES for c in gz.COUNTRIES)


@pytest.mark.parametrize(
    ("acronym", "expansion"),
    [
        ("UN", "United Nations"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("Nato", "North Atlantic Treaty Organization"),
        ("OPEC", "Organization of the Petroleum Exporting Countries"),
        ("WHO", "World Health Organization"),
    ],
)
def test_expand_acronym_knows_international_bodies(acronym: str, expansion: str) -> None:
    assert gz.expand_acronym(acronym) == expansion


def test_expand_acronym_returns_none_for_unknown() -> None:
    assert gz.expand_acronym("XYZQ") is None


@pytest.mark.parametrize(
    "word", ["President", "minister", "Ayatollah", "Seyyed", "Mr", "Dr.", "General", "Emir"]
)
def test_is_title_word_accepts_titles_and_honorifics(word: str) -> None:
    assert gz.is_title_word(word)


@pytest.mark.parametrize("word", ["Tehran", "said", "Smith"])
def test_is_title_word_rejects_other_words(word: str) -> None:
    assert not gz.is_title_word(word)


@pytest.mark.parametrize(
    ("phrase", "canonical", "office"),
    [
        ("Defence Minister", "Minister of Defense", True),
        ("minister of defense", "Minister of Defense", True),
        ("Minister of Foreign Affairs", "Foreign Minister", True),
        ("Premier", "Premier", True),
        ("Major General", "Major General", False),
        ("Ayatollah", "Ayatollah", False),
    ],
)
def test_title_for_normalises_synonyms(phrase: str, canonical: str, office: bool) -> None:
    title = gz.title_for(phrase)
    assert title is not None
    assert (title.canonical, title.office) == (canonical, office)


def test_gender_of_titles_reads_honorifics() -> None:
    assert gz.gender_of_titles(("Mrs",)) == "f"
    assert gz.gender_of_titles(("President", "Mr")) == "m"
    assert gz.gender_of_titles(("President",)) is None
