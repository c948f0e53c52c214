"""Title wordings: which differences name one office and which name another."""

from __future__ import annotations

import pytest

from builders import mention, role
from claimdiff.models import Claim, Entity, Mention, MentionRef
from claimdiff.title_variants import collect_titles, title_variant_findings
from claimdiff.titles import compare_titles, one_of_two_offices, same_post, title_key


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Leader of the Revolution", "Supreme Leader of the Revolution"),
        ("Chief of Staff of the Chilean Army", "Chilean Chief General of Army"),
        ("Grand Mufti of Egypt", "Mufti of Egypt"),
    ],
)
def test_decorated_wordings_of_one_office_are_variants(left: str, right: str) -> None:
    assert compare_titles(left, right).relation == "variant"
    assert compare_titles(right, left).relation == "variant"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Estonian Defence Minister", "Minister of Defense of Estonia"),
        (
            "Chief of Staff of the Armed Forces of Chile",
            "Chief of Staff of the Chilean Armed Forces",
        ),
        ("ex-Foreign Secretary", "former Foreign Secretary"),
        ("Chile's President", "President of Chile"),
        ("US Trade Representative", "Trade Representative of the United States"),
    ],
)
def test_reordered_or_demonym_wordings_are_the_same_title(left: str, right: str) -> None:
    assert compare_titles(left, right).relation == "same"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Foreign Minister", "Deputy Foreign Minister"),
        ("President", "Vice President"),
        ("Secretary of the Council", "Secretary General of the Council"),
        ("Minister of Foreign Affairs", "Minister of Internal Affairs"),
        ("President of Chile", "President of Peru"),
        ("Major General", "Chief of Staff"),
    ],
)
def test_words_that_change_the_office_keep_titles_apart(left: str, right: str) -> None:
    assert compare_titles(left, right).relation == "different"


def _entity(entity_id: str, name: str, kind: str, *mentions: tuple[str, str, int]) -> Entity:
    return Entity(
        id=entity_id,
        kind=kind,  # type: ignore[arg-type]
        name=name,
        variants=(name,),
        mentions=tuple(
            MentionRef(source=s, start=p, end=p + len(t), text=t) for s, t, p in mentions
        ),
        mention_ids=tuple(f"{s}:mention:{p}-{p + len(t)}" for s, t, p in mentions),
    )


def test_one_person_with_two_wordings_of_an_office_in_two_sources_is_a_title_variant() -> None:
    person = _entity("E1", "Ana Ruiz", "person", ("a", "Ana Ruiz", 40), ("b", "Ana Ruiz", 40))
    roles = [
        role("a", "E1", "Leader of the Revolution"),
        role("b", "E1", "Supreme Leader of the Revolution"),
    ]
    (finding,) = title_variant_findings([person], {}, roles, {})
    assert finding.kind == "title_variant"
    assert finding.sources == ("a", "b")
    assert set(finding.claims) == {r.id for r in roles}


def test_different_offices_of_one_person_are_no_title_variant() -> None:
    person = _entity("E1", "Ana Ruiz", "person", ("a", "Ana Ruiz", 40))
    roles = [role("a", "E1", "Foreign Minister"), role("b", "E1", "Deputy Foreign Minister")]
    assert title_variant_findings([person], {}, roles, {}) == []


def _army_chief_and_title_only_office() -> tuple[list[Entity], dict[str, Mention], list[Claim]]:
    """A person with a role claim, and an organisation named by another wording of it."""
    person = _entity("E1", "Ivo Tamm", "person", ("a", "Ivo Tamm", 0))
    office = _entity(
        "E2",
        "Chilean Chief General of Army",
        "organization",
        ("b", "Chilean Chief General of Army", 5),
    )
    mentions = {
        m.id: m for m in [mention("b", "Chilean Chief General of Army", 5, kind="organization")]
    }
    return [person, office], mentions, [role("a", "E1", "Chief of Staff of the Army of Chile", 10)]


def test_title_only_entity_joins_the_one_holder_of_that_office() -> None:
    entities, mentions, roles = _army_chief_and_title_only_office()
    (finding,) = title_variant_findings(entities, mentions, roles, {})
    assert finding.entities == ("E1", "E2")
    assert "title-of-unnamed-holder" in finding.reasons


def test_findings_from_titles_collected_once_are_the_same() -> None:
    entities, mentions, roles = _army_chief_and_title_only_office()
    titles = collect_titles(entities, mentions, roles)
    assert titles.holders == {"E2": "E1"}
    (finding,) = title_variant_findings(entities, mentions, roles, {}, titles)
    assert [finding] == title_variant_findings(entities, mentions, roles, {})


def test_title_only_entity_with_two_possible_holders_joins_none() -> None:
    first = _entity("E1", "Ivo Tamm", "person", ("a", "Ivo Tamm", 0))
    second = _entity("E3", "Mart Kask", "person", ("c", "Mart Kask", 0))
    office = _entity(
        "E2",
        "Chilean Chief General of Army",
        "organization",
        ("b", "Chilean Chief General of Army", 5),
    )
    mentions = {
        m.id: m for m in [mention("b", "Chilean Chief General of Army", 5, kind="organization")]
    }
    roles = [
        role("a", "E1", "Chief of Staff of the Army of Chile", 10),
        role("c", "E3", "Chief of Staff of the Army of Chile", 10),
    ]
    assert title_variant_findings([first, second, office], mentions, roles, {}) == []


def test_wordings_the_resolver_reads_as_one_office_are_variants() -> None:
    # Word order and a synonym the decoration rule alone does not cover.
    left, right = "Chilean Armed Forces Chief of Staff", "Chief of General Staff of Chile"
    assert compare_titles(left, right).relation == "variant"
    assert compare_titles(left, right).reason == "same-office"


def _written_role(source: str, holder: str, written: str, value: str) -> Claim:
    return role(source, holder, value).model_copy(update={"object": written})


def test_one_office_written_in_other_words_is_a_title_variant_though_normalised_alike() -> None:
    person = _entity("E1", "Ana Ruiz", "person", ("a", "Ana Ruiz", 40), ("b", "Ana Ruiz", 40))
    roles = [
        _written_role("a", "E1", "Peruvian Foreign Minister", "Foreign Minister of Peru"),
        _written_role("b", "E1", "Minister of Foreign Affairs of Peru", "Foreign Minister of Peru"),
    ]
    (finding,) = title_variant_findings([person], {}, roles, {})
    assert finding.kind == "title_variant"
    assert "Minister of Foreign Affairs of Peru" in finding.summary


def test_one_office_written_alike_but_for_case_is_no_title_variant() -> None:
    person = _entity("E1", "Ana Ruiz", "person", ("a", "Ana Ruiz", 40), ("b", "Ana Ruiz", 40))
    roles = [
        _written_role("a", "E1", "Peruvian foreign minister", "Foreign Minister of Peru"),
        _written_role("b", "E1", "Peru's Foreign Minister", "Foreign Minister of Peru"),
    ]
    assert title_variant_findings([person], {}, roles, {}) == []


def test_an_abbreviated_rank_is_the_rank_spelled_out() -> None:
    assert title_key("Lt Gen") == title_key("Lieutenant General")
    assert title_key("Maj. Gen.") == title_key("Major General")
    assert title_key("Maj Gen") != title_key("Lieutenant General")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Trade Secretary", "Trade and Industry Secretary"),
        ("regional minister for water and sanitation", "regional water minister"),
        ("regional water minister", "Northland Water Minister"),
    ],
)
def test_one_persons_post_said_with_more_words_is_the_same_post(left: str, right: str) -> None:
    assert same_post(left, right).relation == "variant"
    assert same_post(right, left).relation == "variant"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("party chairman", "party branch chairman"),
        ("Foreign Secretary", "Tuesday Foreign Secretary"),
        ("Minister", "Minister of Trade"),
        ("Chancellor", "UK Chancellor"),
        ("Home Affairs spokesman", "Foreign Affairs spokesman"),
    ],
)
def test_words_that_name_another_post_or_only_a_place_are_no_same_post(
    left: str, right: str
) -> None:
    assert same_post(left, right).relation == "different"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Acme chief", "Acme chief executive"),
        ("ABC chief", "chairman of the Alpha Beta Commission"),
        ("head of the country's flood agency", "chairman of the National Flood Authority"),
        ("Chairman ABC", "chairman of the Alpha Beta Commission"),
    ],
)
def test_an_informal_chief_or_an_acronym_of_one_body_is_the_same_post(
    left: str, right: str
) -> None:
    assert same_post(left, right).relation == "variant"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Labour's election chief", "Labour's Chief Secretary"),
        ("Acme head", "Acme chief"),
        ("head of the national agency", "chairman of the national authority"),
    ],
)
def test_a_chief_of_another_post_or_body_is_no_same_post(left: str, right: str) -> None:
    assert same_post(left, right).relation == "different"


def test_a_rank_written_in_full_and_abbreviated_is_a_title_variant() -> None:
    person = _entity("E1", "Ana Ruiz", "person", ("a", "Ana Ruiz", 40), ("b", "Ana Ruiz", 40))
    roles = [role("a", "E1", "Lieutenant General"), role("b", "E1", "Lt Gen")]
    (finding,) = title_variant_findings([person], {}, roles, {})
    assert "Lt Gen" in finding.summary and "Lieutenant General" in finding.summary


@pytest.mark.parametrize(
    ("compound", "single"),
    [
        ("State Councillor and Defence Minister", "Defence Minister of Norway"),
        ("Deputy Premier and Finance Minister", "Finance Minister"),
    ],
)
def test_a_wording_of_two_offices_names_each_of_them(compound: str, single: str) -> None:
    assert one_of_two_offices(compound, single)
    assert one_of_two_offices(single, compound)


@pytest.mark.parametrize(
    ("compound", "single"),
    [
        ("Minister of Trade and Industry", "Minister of Trade"),
        ("State Councillor and Defence Minister", "Finance Minister"),
    ],
)
def test_one_office_with_and_or_another_office_is_no_part(compound: str, single: str) -> None:
    assert not one_of_two_offices(compound, single)
