from __future__ import annotations

import datetime as dt

import pytest

from builders import day, frame, mention, month
from claimdiff.models import Entity, EventType, Mention
from claimdiff.resolve import resolve_entities, resolve_events


def _entity_names(entities: list[Entity]) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(e.variants)) for e in entities)


def test_spelling_variants_across_sources_are_one_entity() -> None:
    mentions = [
        mention("a", "Ebrahim Qasemi", 0, role="Foreign Minister of Chile"),
        mention("b", "Ibrahim Ghasemi", 0, role="Chilean foreign minister"),
        mention("b", "Qasemi", 40),
    ]
    entities, of_mention = resolve_entities(mentions)
    assert len({of_mention[m.id] for m in mentions}) == 1
    assert "transliteration-skeleton" in entities[0].merge_reasons


def test_people_sharing_a_surname_stay_apart() -> None:
    entities, _ = resolve_entities(
        [mention("a", "Maria Kervan", 0), mention("b", "Tomas Kervan", 0)]
    )
    assert len(entities) == 2


def test_ambiguous_surname_resolves_within_its_own_document() -> None:
    mentions = [
        mention("a", "Ali Rezaei Fard", 0),
        mention("a", "Rezaei", 50),
        mention("b", "Hassan Rezaei", 0),
        mention("b", "Rezaei", 50),
    ]
    _, of_mention = resolve_entities(mentions)
    assert of_mention["a:mention:50-56"] == of_mention["a:mention:0-15"]
    assert of_mention["b:mention:50-56"] == of_mention["b:mention:0-13"]
    assert of_mention["a:mention:0-15"] != of_mention["b:mention:0-13"]


def test_ambiguous_surname_in_a_third_document_is_left_alone() -> None:
    mentions = [
        mention("a", "Ali Rezaei", 0),
        mention("b", "Hassan Rezaei", 0),
        mention("c", "Rezaei", 0),
    ]
    entities, of_mention = resolve_entities(mentions)
    assert len(entities) == 3
    assert of_mention["c:mention:0-6"] not in {
        of_mention["a:mention:0-10"],
        of_mention["b:mention:0-13"],
    }


def test_extra_token_needs_a_shared_role_across_sources() -> None:
    apart, _ = resolve_entities([mention("a", "Ali Rezaei", 0), mention("b", "Ali Rezaei Fard", 0)])
    joined, _ = resolve_entities(
        [
            mention("a", "Ali Rezaei", 0, role="Foreign Minister of Iran"),
            mention("b", "Ali Rezaei Fard", 0, role="Foreign Minister of Iran"),
        ]
    )
    assert len(apart) == 2
    assert len(joined) == 1


def test_reviewer_cannot_link_keeps_variants_apart() -> None:
    mentions = [mention("a", "Ebrahim Qasemi", 0), mention("a", "Ibrahim Ghasemi", 40)]
    assert len(resolve_entities(mentions)[0]) == 1
    entities, _ = resolve_entities(
        mentions, cannot_link=[frozenset({"Ebrahim Qasemi", "Ibrahim Ghasemi"})]
    )
    assert len(entities) == 2


def test_role_mention_joins_the_unique_holder() -> None:
    mentions = [
        mention("a", "Lucia Andrade", 0, role="President of Chile"),
        mention("b", "President of Chile", 0, role="President of Chile", via="role"),
    ]
    entities, of_mention = resolve_entities(mentions)
    assert len(entities) == 1
    assert "role-coreference" in entities[0].merge_reasons


def test_entity_ids_do_not_depend_on_input_order() -> None:
    mentions = [
        mention("a", "Ebrahim Qasemi"),
        mention("b", "Lucia Andrade"),
        mention("c", "Maria Kervan"),
    ]
    forward, _ = resolve_entities(mentions)
    backward, _ = resolve_entities(list(reversed(mentions)))
    assert [(e.id, e.name) for e in forward] == [(e.id, e.name) for e in backward]


def _entities_for(*names: str) -> tuple[dict[str, str], list[Entity]]:
    mentions = [mention("s", n, i * 100) for i, n in enumerate(names)]
    entities, of_mention = resolve_entities(mentions)
    return of_mention, entities


def test_same_visit_in_two_sources_is_one_event() -> None:
    of_mention, entities = _entities_for("Tomas Kervan")
    person = "s:mention:0-12"
    frames = [
        frame(
            "a",
            "visit",
            place="Santiago",
            date=day("2023-06-12"),
            participants=(person,),
            visitor=person,
        ),
        frame(
            "b", "visit", place="Chile", date=month(2023, 6), participants=(person,), visitor=person
        ),
    ]
    events, _ = resolve_events(frames, of_mention, entities)
    assert len(events) == 1
    assert events[0].place == "Santiago"
    assert events[0].date == day("2023-06-12")


def test_visits_on_different_dates_are_different_events() -> None:
    of_mention, entities = _entities_for("Tomas Kervan")
    person = "s:mention:0-12"
    frames = [
        frame(
            "a",
            "visit",
            place="Santiago",
            date=month(2021, 3),
            participants=(person,),
            visitor=person,
        ),
        frame(
            "b",
            "visit",
            place="Santiago",
            date=day("2023-06-12"),
            participants=(person,),
            visitor=person,
        ),
    ]
    events, _ = resolve_events(frames, of_mention, entities)
    assert len(events) == 2


def test_visits_by_different_visitors_are_different_events() -> None:
    of_mention, entities = _entities_for("Tomas Kervan", "Lucia Andrade")
    first, second = "s:mention:0-12", "s:mention:100-113"
    frames = [
        frame("a", "visit", place="Santiago", participants=(first, second), visitor=first),
        frame("b", "visit", place="Santiago", participants=(first, second), visitor=second),
    ]
    events, _ = resolve_events(frames, of_mention, entities)
    assert len(events) == 2


def test_role_saying_less_joins_the_unique_holder_of_the_fuller_office() -> None:
    mentions = [
        mention("a", "Lucia Andrade", 0, role="Chief Justice of the Supreme Court of Chile"),
        mention("b", "Chief Justice of Chile", 0, role="Chief Justice of Chile", via="role"),
    ]
    entities, _ = resolve_entities(mentions)
    assert len(entities) == 1


def test_holder_without_the_country_never_takes_a_role_mention_alone() -> None:
    mentions = [
        mention("a", "Lucia Andrade", 0, role="Founder"),
        mention("a", "Chile", 30, kind="place", country="Chile"),
        mention("b", "Founder of Chile", 0, role="Founder of Chile", via="role"),
    ]
    entities, _ = resolve_entities(mentions)
    assert len(entities) == 3


def test_title_held_by_two_people_does_not_resolve_a_role_mention() -> None:
    mentions = [
        mention("a", "Lucia Andrade", 0, role="President of Chile"),
        mention("b", "Tomas Kervan", 0, role="President of Estonia"),
        mention("c", "President of Peru", 0, role="President of Peru", via="role"),
    ]
    entities, _ = resolve_entities(mentions)
    assert len(entities) == 3


def test_british_and_american_spellings_of_an_organisation_are_one() -> None:
    mentions = [
        mention("a", "Andean Trade Organisation", 0, kind="organization"),
        mention("b", "Andean Trade Organization", 0, kind="organization"),
    ]
    entities, _ = resolve_entities(mentions)
    assert len(entities) == 1


@pytest.mark.parametrize(
    ("role", "entities"),
    [
        pytest.param("Chief General of Armed Forces of Chile", 1, id="other-wording-joins"),
        pytest.param("Chief of Staff of the Armed Forces of Peru", 2, id="other-country-apart"),
    ],
)
def test_role_mention_joins_the_holder_of_the_same_office(role: str, entities: int) -> None:
    mentions = [
        mention("a", "Rodrigo Pavez", 0, role="Chief of Staff of the Armed Forces of Chile"),
        mention("b", role, 0, via="role", role=role),
    ]
    resolved, _ = resolve_entities(mentions)
    assert len(resolved) == entities
    assert entities == 2 or "role-coreference" in resolved[0].merge_reasons


def _two_presidents(*more: Mention) -> list[Mention]:
    """Lucia Andrade named as President of Chile in a; Tomas Kervan named as just
    "President" in b, a story that names Chile: he may be her successor."""
    return [
        mention("a", "Lucia Andrade", 0, role="President of Chile"),
        mention("b", "Tomas Kervan", 0, role="President"),
        mention("b", "Chile", 40, kind="place", country="Chile"),
        *more,
    ]


def _holder_of(
    mentions: list[Mention], role_mention: Mention, published: dict[str, dt.date | None]
) -> str | None:
    entities, of_mention = resolve_entities(mentions, published=published)
    joined = of_mention[role_mention.id]
    names = {e.id: e.name for e in entities}
    return names[joined] if names[joined] in ("Lucia Andrade", "Tomas Kervan") else None


def test_role_mention_is_not_given_to_one_of_two_possible_holders_without_dates() -> None:
    role = mention("c", "President of Chile", 0, role="President of Chile", via="role")
    assert _holder_of(_two_presidents(role), role, {}) is None


def test_role_mention_goes_to_the_holder_of_its_time() -> None:
    role = mention("c", "President of Chile", 0, role="President of Chile", via="role")
    published = {"a": dt.date(2021, 3, 1), "b": dt.date(2024, 7, 1)}
    later = {**published, "c": dt.date(2024, 9, 1)}
    earlier = {**published, "c": dt.date(2022, 5, 1)}
    before_both = {**published, "c": dt.date(2019, 1, 1)}
    assert _holder_of(_two_presidents(role), role, later) == "Tomas Kervan"
    assert _holder_of(_two_presidents(role), role, earlier) == "Lucia Andrade"
    assert _holder_of(_two_presidents(role), role, before_both) is None


def test_role_mention_goes_to_the_candidate_its_own_source_names() -> None:
    role = mention("c", "President of Chile", 0, role="President of Chile", via="role")
    named = mention("c", "Andrade", 60)
    entities, of_mention = resolve_entities(_two_presidents(role, named))
    assert of_mention[role.id] == of_mention["a:mention:0-13"]
    joined = next(e for e in entities if e.id == of_mention[role.id])
    assert "role-coreference-in-source" in joined.merge_reasons


def test_a_titled_person_in_a_story_without_the_country_is_no_candidate() -> None:
    role = mention("c", "President of Chile", 0, role="President of Chile", via="role")
    mentions = [
        mention("a", "Lucia Andrade", 0, role="President of Chile"),
        mention("b", "Tomas Kervan", 0, role="President"),  # president of a company, say
        role,
    ]
    entities, of_mention = resolve_entities(mentions)
    assert of_mention[role.id] == of_mention["a:mention:0-13"]


def test_extra_token_joins_with_the_same_office_worded_differently() -> None:
    mentions = [
        mention("a", "Ali Rezaei", 0, role="Foreign Minister of Iran"),
        mention("b", "Ali Rezaei Fard", 0, role="Iranian Minister of Foreign Affairs"),
    ]
    entities, _ = resolve_entities(mentions)
    assert len(entities) == 1
    assert "extra-token" in entities[0].merge_reasons


def test_extra_token_stays_apart_with_offices_of_different_countries() -> None:
    mentions = [
        mention("a", "Ali Rezaei", 0, role="Foreign Minister of Iran"),
        mention("b", "Ali Rezaei Fard", 0, role="Foreign Minister of Iraq"),
    ]
    entities, _ = resolve_entities(mentions)
    assert len(entities) == 2


def test_former_holder_is_no_candidate_for_the_office() -> None:
    mentions = [
        mention("a", "Lucia Andrade", 0, role="former President of Chile"),
        mention("b", "President of Chile", 0, role="President of Chile", via="role"),
    ]
    entities, _ = resolve_entities(mentions)
    assert len(entities) == 2


def test_an_inauguration_label_names_what_was_inaugurated_and_who_attended() -> None:
    person = "a:mention:0-8"
    entities = [Entity(id="E1", kind="person", name="Ana Vega", variants=("Ana Vega",))]
    inauguration = frame(
        "a", "inauguration", place="Kenya", date=day("2023-06-12"), participants=(person,)
    ).model_copy(update={"object": "drone factory"})
    events, _ = resolve_events([inauguration], {person: "E1"}, entities)
    assert events[0].label == (
        "inauguration of drone factory in Kenya, 2023-06-12, attended by Ana Vega"
    )


def _acronym(source: str, acronym: str, expansion: str, start: int) -> Mention:
    written = mention(source, acronym, start, kind="organization", via="acronym")
    return written.model_copy(update={"name": expansion})


def test_bare_acronym_joins_the_organisation_another_source_spelled_out() -> None:
    expansion = "Federal Inland Audit Bureau"
    mentions = [
        mention("a", expansion, 0, kind="organization"),
        _acronym("a", "FIAB", expansion, 40),
        mention("b", "FIAB", 10, kind="organization"),
    ]
    _, of_mention = resolve_entities(mentions)
    assert len({of_mention[m.id] for m in mentions}) == 1


def test_bare_acronym_spelled_out_two_ways_joins_neither() -> None:
    mentions = [
        mention("a", "Central Bureau of Inquiry", 0, kind="organization"),
        _acronym("a", "CBI", "Central Bureau of Inquiry", 40),
        mention("b", "Confederation of Business Industry", 0, kind="organization"),
        _acronym("b", "CBI", "Confederation of Business Industry", 50),
        mention("c", "CBI", 10, kind="organization"),
    ]
    _, of_mention = resolve_entities(mentions)
    bare = of_mention[mentions[-1].id]
    assert bare not in {of_mention[m.id] for m in mentions[:-1]}


@pytest.mark.parametrize(
    ("kinds", "weekday", "expected"),
    [
        (("meeting", "signing"), 2, 2),  # met on Tuesday, signed on Wednesday: two occasions
        (("meeting", "signing"), 1, 1),  # both of the Tuesday
        (("meeting", "meeting"), 2, 1),  # one meeting told of two days: their disagreement
    ],
)
def test_occasions_told_of_other_weekdays_are_other_events(
    kinds: tuple[EventType, EventType], weekday: int, expected: int
) -> None:
    of_mention, entities = _entities_for("Tomas Kervan", "Lucia Andrade")
    people = ("s:mention:0-12", "s:mention:100-113")
    tuesday = day("2024-03-12")
    frames = [
        frame("a", kinds[0], place="Santiago", date=tuesday, participants=people),
        frame("b", kinds[1], place="Santiago", participants=people),
    ]
    weekdays = {frames[1].id: weekday}
    events, _ = resolve_events(frames, of_mention, entities, weekdays)
    assert len(events) == expected
