from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import count, day, frame, month, quote, role, source
from claimdiff.align import ClaimContext, align_claims
from claimdiff.classify import ClassifyContext, classify, name_variant_findings, quote_similarity
from claimdiff.models import (
    Candidate,
    Claim,
    CountClaim,
    Entity,
    Event,
    EventClaim,
    Finding,
    QuoteClaim,
    Report,
    RoleClaim,
)

MOU = ("memorandum of understanding", "agreement", "document")
AGREEMENT = ("agreement", "document")
DOCUMENT = ("document",)


def _event(event_id: str, place: str | None, date: object = None) -> Event:
    return Event(
        id=event_id,
        type="visit",
        label=event_id,
        place=place,
        date=date,
        participants=("E1",),  # type: ignore[arg-type]
    )


def _classify(
    claims: list[Claim], events: list[Event], published: dict[str, dt.date] | None = None
) -> Finding:
    published = published or {}
    sources = {c.source: source(c.source, published=published.get(c.source)) for c in claims}
    context = ClassifyContext(
        claims={c.id: c for c in claims},
        events={e.id: e for e in events},
        entities={},
        sources=sources,
        dependent={},
    )
    findings = classify([Candidate(key="k", claims=tuple(c.id for c in claims))], context)
    assert len(findings) == 1
    return findings[0]


def test_counts_of_different_visits_are_different_context() -> None:
    finding = _classify(
        [
            count("a", 17, "memorandum of understanding", noun_class=MOU, event="V1"),
            count("b", 18, "document", noun_class=DOCUMENT, event="V2"),
        ],
        [_event("V1", "Santiago", month(2021, 3)), _event("V2", "Lima", day("2023-06-12"))],
    )
    assert finding.kind == "different_context"
    assert any(r.startswith("different-place: Santiago vs Lima") for r in finding.reasons)
    assert any(r.startswith("different-date") for r in finding.reasons)


def test_capital_and_its_country_are_not_different_places() -> None:
    finding = _classify(
        [
            count("a", 6, "agreement", noun_class=AGREEMENT, event="V1"),
            count("b", 9, "agreement", noun_class=AGREEMENT, event="V2"),
        ],
        [_event("V1", "Chile", month(2021, 3)), _event("V2", "Santiago", day("2023-06-12"))],
    )
    assert finding.kind == "different_context"
    assert not any(r.startswith("different-place") for r in finding.reasons)


def test_different_figures_for_one_event_are_a_conflict() -> None:
    finding = _classify(
        [
            count("a", 9, "agreement", noun_class=AGREEMENT, event="V1"),
            count("b", 11, "agreement", noun_class=AGREEMENT, event="V1"),
        ],
        [_event("V1", "Santiago", day("2023-06-12"))],
    )
    assert finding.kind == "conflict"
    assert "count-mismatch" in finding.reasons


def test_one_event_figures_that_one_source_states_both_are_no_conflict() -> None:
    left = count("a", 9, "agreement", noun_class=AGREEMENT, event="V1")
    right = count("b", 11, "agreement", noun_class=AGREEMENT, event="V1")
    also = count("a", 11, "agreement", 40, noun_class=AGREEMENT, event="V1")
    context = ClassifyContext(
        claims={c.id: c for c in (left, right, also)},
        events={"V1": _event("V1", "Santiago")},
        entities={},
        sources={"a": source("a"), "b": source("b")},
        dependent={},
    )
    assert classify([Candidate(key="k", claims=(left.id, right.id))], context) == []


def test_same_figure_for_one_event_is_an_agreement() -> None:
    finding = _classify(
        [
            count("a", 9, "agreement", noun_class=AGREEMENT, event="V1"),
            count("b", 9, "agreement", noun_class=AGREEMENT, event="V1"),
        ],
        [_event("V1", "Santiago")],
    )
    assert finding.kind == "agreement"


def test_specific_noun_within_a_larger_general_count_is_vague_vs_specific() -> None:
    finding = _classify(
        [
            count("a", 17, "memorandum of understanding", noun_class=MOU, event="V1"),
            count("b", 18, "document", noun_class=DOCUMENT, event="V1"),
        ],
        [_event("V1", "Santiago")],
    )
    assert finding.kind == "vague_vs_specific"
    assert "noun-subsumes" in finding.reasons


def test_vague_count_overlapping_an_exact_one_is_vague_vs_specific() -> None:
    finding = _classify(
        [
            count("a", 3, "agreement", high=9, noun_class=AGREEMENT, event="V1", approximate=True),
            count("b", 4, "agreement", noun_class=AGREEMENT, event="V1"),
        ],
        [_event("V1", "Santiago")],
    )
    assert finding.kind == "vague_vs_specific"


def test_rising_figure_in_a_later_report_is_an_update_not_a_conflict() -> None:
    finding = _classify(
        [
            count("day1", 12, "person", noun_class=("person",), event="V1", predicate="killed"),
            count("day3", 31, "person", noun_class=("person",), event="V1", predicate="killed"),
        ],
        [_event("V1", "Porto Alegre")],
        published={"day1": dt.date(2024, 2, 1), "day3": dt.date(2024, 2, 3)},
    )
    assert finding.kind == "different_context"
    assert "later-update" in finding.reasons


def _named(claim: CountClaim, thing: str) -> CountClaim:
    return claim.model_copy(update={"object": thing})


def test_counts_without_event_context_say_context_unknown() -> None:
    finding = _classify(
        [
            _named(count("a", 9, "agreement", noun_class=AGREEMENT), "trade agreement"),
            _named(count("b", 11, "agreement", noun_class=AGREEMENT), "trade agreement"),
        ],
        [],
    )
    assert "context-unknown" in finding.reasons
    assert finding.confidence < 0.5


def _classified(claims: list[Claim], events: Sequence[Event] = ()) -> list[Finding]:
    context = ClassifyContext(
        claims={c.id: c for c in claims},
        events={e.id: e for e in events},
        entities={},
        sources={c.source: source(c.source) for c in claims},
        dependent={},
    )
    return classify([Candidate(key="k", claims=tuple(c.id for c in claims))], context)


def test_vague_amount_against_an_exact_count_is_never_a_conflict() -> None:
    (finding,) = _classified(
        [
            count("a", 3, "agreement", high=9, hedge="several", noun_class=AGREEMENT),
            count("b", 2, "agreement", noun_class=AGREEMENT),
        ]
    )
    assert finding.kind == "vague_vs_specific"
    assert "vague-amount" in finding.reasons
    assert "context-unknown" in finding.reasons


def test_counts_of_different_nouns_without_context_are_no_finding() -> None:
    claims: list[Claim] = [
        count("a", 659, "member of parliament", noun_class=("member of parliament", "person")),
        count("b", 6_000_000, "person", noun_class=("person",)),
    ]
    assert _classified(claims) == []


def test_verbless_counts_without_context_are_no_conflict() -> None:
    claims: list[Claim] = [
        count("a", 14, "customer", predicate="count"),
        count("b", 45, "customer", predicate="count"),
    ]
    assert _classified(claims) == []


def test_paraphrased_quote_of_one_speaker_is_an_agreement() -> None:
    finding = _classify(
        [
            quote(
                "a",
                "The potential for trade between the two nations is far greater than today's level",
                "E1",
            ),
            quote(
                "b",
                "the potential for trade between the two nations is much greater than "
                "the current level",
                "E1",
                10,
            ),
        ],
        [],
    )
    assert finding.kind == "agreement"
    assert "paraphrase" in finding.reasons


TRANSLATED = (
    "He said good negotiations were held on trade, economic and industrial ties, and hoped "
    "the signed agreements would boost cooperation",
    "Good discussions took place in various fields including commercial, economic and "
    "industrial relations, and it is hoped the documents signed will expand cooperation",
)


def test_translated_quote_at_an_occasion_both_sources_report_is_an_agreement() -> None:
    claims: list[Claim] = [
        quote("a", TRANSLATED[0], "E1", event="V1"),
        quote("b", TRANSLATED[1], "E1", 10, event="V1"),
    ]
    assert quote_similarity(*TRANSLATED) < 72  # too few shared words for the plain rung
    visit = _event("V1", "Lima").model_copy(update={"sources": ("a", "b")})
    (finding,) = _classified(claims, [visit])
    assert finding.kind == "agreement"
    assert "paraphrase" in finding.reasons
    assert any(r.startswith("same-occasion") for r in finding.reasons)
    assert 0.5 < finding.confidence < 0.9


def test_translated_quote_without_a_shared_occasion_is_not_an_agreement() -> None:
    claims: list[Claim] = [
        quote("a", TRANSLATED[0], "E1", event="V1"),
        quote("b", TRANSLATED[1], "E1", 10, event="V2"),
    ]
    visits = [
        _event("V1", "Lima").model_copy(update={"sources": ("a",)}),
        _event("V2", "Quito").model_copy(update={"sources": ("b",)}),
    ]
    assert _classified(claims, visits) == []


def test_a_remark_tied_to_no_event_meets_at_the_one_event_its_speaker_attends() -> None:
    claims: list[Claim] = [
        quote("a", TRANSLATED[0], "E1"),
        quote("b", TRANSLATED[1], "E1", 10),
    ]
    visit = _event("V1", "Lima").model_copy(update={"sources": ("a", "b")})
    (finding,) = _classified(claims, [visit])
    assert finding.kind == "agreement"
    assert any(r.startswith("same-occasion") for r in finding.reasons)


def test_a_remark_tied_to_no_event_stays_apart_when_its_speaker_attends_two() -> None:
    claims: list[Claim] = [
        quote("a", TRANSLATED[0], "E1"),
        quote("b", TRANSLATED[1], "E1", 10),
    ]
    visits = [
        _event(v, place).model_copy(update={"sources": ("a", "b")})
        for v, place in (("V1", "Lima"), ("V2", "Quito"))
    ]
    assert _classified(claims, visits) == []


def _document_quote(source_id: str, text: str, start: int = 0) -> QuoteClaim:
    return quote(source_id, text, None, start).model_copy(
        update={"attributed_to": "joint statement"}
    )


WORDINGS = (
    "the two sides would complete a study of the coastal railway before the end of 2026",
    "the parties agreed to complete the study of the coastal railway project by the end of "
    "next year",
)


def test_two_wordings_of_one_document_agree_on_the_one_event_both_report() -> None:
    claims: list[Claim] = [_document_quote("a", WORDINGS[0]), _document_quote("b", WORDINGS[1], 9)]
    visit = _event("V1", "Lima").model_copy(update={"sources": ("a", "b")})
    (finding,) = _classified(claims, [visit])
    assert finding.kind == "agreement"
    assert finding.summary.startswith("the joint statement")


def test_two_wordings_of_a_document_without_a_common_event_are_not_compared() -> None:
    claims: list[Claim] = [_document_quote("a", WORDINGS[0]), _document_quote("b", WORDINGS[1], 9)]
    assert _classified(claims) == []


def test_a_documents_words_quoted_alike_agree_without_a_common_event() -> None:
    said = "the region will build a future of lasting peace and shared prosperity for all"
    claims: list[Claim] = [
        _document_quote("a", said).model_copy(update={"attributed_to": "final communique"}),
        _document_quote("b", said, 9).model_copy(update={"attributed_to": "communique"}),
    ]
    (finding,) = _classified(claims)
    assert finding.kind == "agreement"


def test_two_documents_of_other_kinds_are_not_compared() -> None:
    said = "the region will build a future of lasting peace and shared prosperity for all"
    claims: list[Claim] = [
        _document_quote("a", said),
        _document_quote("b", said, 9).model_copy(update={"attributed_to": "communique"}),
    ]
    assert _classified(claims) == []


def test_an_unattributed_fragment_within_a_speakers_quote_agrees() -> None:
    claims: list[Claim] = [
        quote("a", "We will reach every family before the snow comes,", "E1"),
        quote("b", "before the snow comes", None, 40),
    ]
    (finding,) = _classified(claims)
    assert finding.kind == "agreement"
    assert finding.reasons == ("quoted-fragment",)


def test_an_unattributed_fragment_in_other_words_is_not_compared() -> None:
    claims: list[Claim] = [
        quote("a", "We will reach every family before the heavy snow comes,", "E1"),
        quote("b", "before the snow comes", None, 40),
    ]
    assert _classified(claims) == []


def test_negated_quote_is_not_a_paraphrase() -> None:
    claims: list[Claim] = [
        quote("a", "We will sign the trade agreement with our neighbours this year", "E1"),
        quote("b", "We will not sign the trade agreement with our neighbours this year", "E1", 10),
    ]
    assert _classified(claims) == []


def test_quotes_that_each_give_their_own_figure_are_not_one_statement() -> None:
    claims: list[Claim] = [
        quote("a", "factory orders rose 0.8% on the month and 4.2% on the year", "E1"),
        quote("b", "Factory orders fell by 2% on the month in May, after a 0.8% rise", "E1", 9),
    ]
    assert _classified(claims) == []


def test_two_remarks_sharing_mostly_a_long_name_are_not_one_statement() -> None:
    claims: list[Claim] = [
        quote(
            "a",
            "it was not within the remit of the Northern Rail Safety Review Board to weigh an "
            "election in its fare decisions",
            "E1",
        ),
        quote(
            "b",
            "If the Northern Rail Safety Review Board were to judge a rise justified, I do not "
            "believe that it will be a big election issue",
            "E1",
            90,
        ),
    ]
    assert quote_similarity(*(c.value for c in claims if isinstance(c, QuoteClaim))) >= 72
    assert _classified(claims) == []


def test_a_rounded_figure_in_one_rendering_still_agrees() -> None:
    finding = _classify(
        [
            quote("a", "exports to the region reached 730.4 million dollars last year", "E1"),
            quote("b", "exports to the region reached $730 million last year", "E1", 10),
        ],
        [],
    )
    assert finding.kind == "agreement"


def test_signed_agreements_reported_later_are_not_an_update() -> None:
    finding = _classify(
        [
            count("day1", 9, "agreement", noun_class=AGREEMENT, event="V1"),
            count("day2", 11, "agreement", noun_class=AGREEMENT, event="V1"),
        ],
        [_event("V1", "Santiago")],
        published={"day1": dt.date(2024, 2, 1), "day2": dt.date(2024, 2, 2)},
    )
    assert finding.kind == "conflict"


@pytest.mark.parametrize("kind_order", [0, 1])
def test_decision_key_ignores_claim_order(kind_order: int) -> None:
    claims: list[Claim] = [
        count("a", 9, "agreement", noun_class=AGREEMENT, event="V1"),
        count("b", 11, "agreement", noun_class=AGREEMENT, event="V1"),
    ]
    if kind_order:
        claims.reverse()
    finding = _classify(claims, [_event("V1", "Santiago")])
    assert (
        finding.decision_key
        == _classify(list(reversed(claims)), [_event("V1", "Santiago")]).decision_key
    )


sentences = st.text(alphabet=st.sampled_from("abc def ghi not will trade the "), max_size=80)


@given(sentences, sentences)
def test_quote_similarity_is_symmetric(left: str, right: str) -> None:
    assert quote_similarity(left, right) == quote_similarity(right, left)


def _office_context(roles: list[RoleClaim], markers: dict[str, str]) -> ClassifyContext:
    return ClassifyContext(
        claims={r.id: r for r in roles},
        events={},
        entities={},
        sources={r.source: source(r.source) for r in roles},
        dependent={},
        claim_contexts={r.id: ClaimContext(time_marker=markers.get(r.id)) for r in roles},
    )


def _office_candidates(roles: list[RoleClaim], markers: dict[str, str]) -> list[Candidate]:
    contexts = {r.id: ClaimContext(time_marker=markers.get(r.id)) for r in roles}
    return [c for c in align_claims(roles, [], contexts) if c.key.startswith("office|")]


def test_two_holders_of_one_office_with_a_change_of_holder_are_different_context() -> None:
    roles: list[RoleClaim] = [
        role("a", "E1", "President of Chile"),
        role("b", "E2", "President of Chile", 20),
    ]
    markers = {roles[1].id: "newly elected"}
    (candidate,) = _office_candidates(roles, markers)
    (finding,) = classify([candidate], _office_context(roles, markers))
    assert finding.kind == "different_context"
    assert "different-holder" in finding.reasons
    assert any(r.startswith("different-time: 'newly elected'") for r in finding.reasons)


def test_two_holders_of_one_office_with_no_sign_of_time_are_no_finding() -> None:
    roles: list[RoleClaim] = [
        role("a", "E1", "President of Chile"),
        role("b", "E2", "President of Chile", 20),
    ]
    (candidate,) = _office_candidates(roles, {})
    assert classify([candidate], _office_context(roles, {})) == []


def test_offices_of_different_countries_or_shared_offices_are_not_compared() -> None:
    roles: list[RoleClaim] = [
        role("a", "E1", "President of Chile"),
        role("b", "E2", "President of Peru", 20),
        role("c", "E3", "Senator of Chile", 40),
        role("d", "E4", "Senator of Chile", 60),
    ]
    assert _office_candidates(roles, {r.id: "former" for r in roles}) == []


def _pair_context(
    frames: list[EventClaim], events: list[Event], aliases: dict[str, str]
) -> ClassifyContext:
    return ClassifyContext(
        claims={f.id: f for f in frames},
        events={e.id: e for e in events},
        entities={},
        sources={f.source: source(f.source) for f in frames},
        dependent={},
        aliases=aliases,
    )


def _inauguration(event_id: str, participants: tuple[str, ...], date: object = None) -> Event:
    return Event(
        id=event_id,
        type="inauguration",
        label=event_id,
        place="Chile",
        date=date,  # type: ignore[arg-type]
        participants=participants,
    )


def test_one_event_dated_by_one_source_only_is_vague_vs_specific() -> None:
    frames = [
        frame("a", "inauguration", place="Chile").model_copy(update={"event": "V1"}),
        frame("b", "inauguration", 30, place="Chile").model_copy(update={"event": "V2"}),
    ]
    events = [_inauguration("V1", ("E1",), day("2023-06-12")), _inauguration("V2", ("E9",))]
    candidate = Candidate(key="event-pair|k", claims=tuple(f.id for f in frames))
    (finding,) = classify([candidate], _pair_context(frames, events, {"E9": "E1"}))
    assert finding.kind == "vague_vs_specific"
    assert "date-unstated" in finding.reasons
    assert classify([candidate], _pair_context(frames, events, {})) == []


def _classify_all(claims: list[Claim], pair: tuple[Claim, Claim]) -> list[Finding]:
    context = ClassifyContext(
        claims={c.id: c for c in claims},
        events={},
        entities={},
        sources={c.source: source(c.source) for c in claims},
        dependent={},
    )
    return classify([Candidate(key="k", claims=(pair[0].id, pair[1].id))], context)


def test_differing_counts_without_an_event_are_a_possible_conflict() -> None:
    left = _named(count("a", 3, "ship"), "patrol ship")
    right = _named(count("b", 5, "ship"), "patrol ship")
    (finding,) = _classify_all([left, right], (left, right))
    assert finding.kind == "conflict"


def test_bare_nouns_counted_without_an_event_are_no_conflict() -> None:
    # "23,000 people killed" and "250 people killed" in two stories: nothing says one toll.
    left, right = count("a", 23000, "person"), count("b", 250, "person")
    assert _classify_all([left, right], (left, right)) == []


def test_differently_named_things_counted_without_an_event_are_no_conflict() -> None:
    left = _named(count("a", 3, "game"), "qualifying game")
    right = _named(count("b", 2, "game"), "six nations game")
    assert _classify_all([left, right], (left, right)) == []


def test_a_figure_the_other_source_also_states_is_no_conflict() -> None:
    # Both sources report three ships and five ships: pairing a's three with b's five
    # compares two things, not one thing told two ways.
    left, right = count("a", 3, "ship"), count("b", 5, "ship")
    also = count("a", 5, "ship", start=40)
    assert _classify_all([left, right, also], (left, right)) == []


@pytest.mark.parametrize(
    ("kind", "names", "reported"),
    [
        ("other", ("Harbour Film Award", "Harbour Film Awards"), False),
        ("organization", ("Vantor Pictures", "Ventor Pictures"), True),
        ("person", ("Kirsty William", "Kirsty Williams"), True),
    ],
)
def test_a_plural_is_no_spelling_variant_of_a_thing_but_may_be_of_a_person(
    kind: str, names: tuple[str, str], reported: bool
) -> None:
    entity = Entity(id="E1", kind=kind, name=names[0], variants=names)  # type: ignore[arg-type]
    context = ClassifyContext(claims={}, events={}, entities={}, sources={}, dependent={})
    assert bool(name_variant_findings([entity], context)) is reported


def _toll_context(claims: list[CountClaim], moments: dict[str, str]) -> ClassifyContext:
    return ClassifyContext(
        claims={c.id: c for c in claims},
        events={},
        entities={},
        sources={c.source: source(c.source) for c in claims},
        dependent={},
        claim_contexts={c.id: ClaimContext(moment=moments.get(c.id)) for c in claims},
    )


@pytest.mark.parametrize(
    ("moments", "kind"),
    [
        ({"a": "wednesday", "b": "wednesday"}, "conflict"),
        ({"a": "tuesday", "b": "wednesday"}, "different_context"),
        ({}, None),
    ],
)
def test_two_plain_tolls_conflict_only_when_told_of_the_same_day(
    moments: dict[str, str], kind: str | None
) -> None:
    left = count("a", 31, "person", predicate="killed")
    right = count("b", 38, "person", predicate="died")
    by_source = {"a": left.id, "b": right.id}
    context = _toll_context([left, right], {by_source[k]: v for k, v in moments.items()})
    candidate = Candidate(key="count-toll|deaths|place|Pakistan", claims=(left.id, right.id))
    found = classify([candidate], context)
    assert [f.kind for f in found] == ([kind] if kind else [])


@pytest.mark.parametrize(("exact", "kind"), [(33, "vague_vs_specific"), (80, None)])
def test_a_lower_bound_stands_for_a_figure_near_it(exact: int, kind: str | None) -> None:
    # "more than 30" may round 33; of 80 it tells an earlier, smaller toll.
    left = count("a", 30, "person", high=300, predicate="killed", hedge="more than")
    right = count("b", exact, "person", predicate="killed")
    context = _toll_context([left, right], {})
    candidate = Candidate(key="count-toll|deaths|place|Chile", claims=(left.id, right.id))
    assert [f.kind for f in classify([candidate], context)] == ([kind] if kind else [])


@pytest.mark.parametrize(("days", "kind"), [(2, "different_context"), (300, None)])
def test_a_later_report_revises_a_toll_only_within_weeks(days: int, kind: str | None) -> None:
    left = count("a", 4, "person", predicate="killed")
    right = count("b", 9, "person", predicate="died")
    context = _toll_context([left, right], {})
    published = {"a": dt.date(2021, 3, 1), "b": dt.date(2021, 3, 1) + dt.timedelta(days=days)}
    context = ClassifyContext(
        claims=context.claims,
        events={},
        entities={},
        sources={s: source(s, published=published[s]) for s in published},
        dependent={},
        claim_contexts=context.claim_contexts,
    )
    candidate = Candidate(key="count-toll|deaths|place|Chile", claims=(left.id, right.id))
    assert [f.kind for f in classify([candidate], context)] == ([kind] if kind else [])


@pytest.mark.parametrize(
    ("years", "kind"), [(frozenset(), "different_context"), ({2009}, "vague_vs_specific")]
)
def test_a_toll_told_as_years_ago_is_another_moment_than_todays(
    years: frozenset[int], kind: str | None
) -> None:
    # "A flood 15 years ago killed dozens" is no rounding of this flood's 40 dead (another
    # disaster, another context); it may be of the 57 dead "in 2009".
    past = count("a", 24, "person", high=99, predicate="killed", hedge="dozens of")
    other = count("b", 40 if not years else 57, "person", predicate="killed")
    context = ClassifyContext(
        claims={c.id: c for c in (past, other)},
        events={},
        entities={},
        sources={"a": source("a"), "b": source("b", published=dt.date(2024, 5, 2))},
        dependent={},
        claim_contexts={
            past.id: ClaimContext(earlier=True),
            other.id: ClaimContext(years=frozenset(years)),
        },
    )
    candidate = Candidate(key="count-toll|deaths|place|Chile", claims=(past.id, other.id))
    assert [f.kind for f in classify([candidate], context)] == ([kind] if kind else [])


def _analysed(texts: dict[str, str]) -> Report:
    """The report on a corpus of small invented texts, by source id."""
    from claimdiff.extract import extract_source
    from claimdiff.models import Source
    from claimdiff.pipeline import analyse

    sources = [Source(id=k, path=f"{k}.txt", text=v) for k, v in texts.items()]
    return analyse(sources, [extract_source(s) for s in sources])[0]


def test_a_visit_and_the_return_visit_of_the_same_two_presidents_are_told_apart() -> None:
    texts = {
        "a": "Chile, Peru sign deals\n\nLIMA, May 3 (Andes Wire) - Chilean President Tomas "
        "Kervan and Peruvian President Ana Ruiz held talks on Tuesday, on the first day of a "
        "two-day official visit by Kervan, and agreed to open a new border crossing.",
        "b": "Peru's president in Santiago\n\nPeruvian President Ana Ruiz has held talks in "
        "Santiago with her Chilean counterpart, Tomas Kervan, on the first day of a two-day "
        "state visit to Chile, officials said.",
    }
    report = _analysed(texts)
    visits = [f for f in report.findings if "two different visits" in f.summary]
    assert [f.kind for f in visits] == ["different_context"]
    assert any("different-place" in r for r in visits[0].reasons)


def test_a_count_of_one_day_against_the_total_of_the_occasion_is_different_context() -> None:
    texts = {
        "a": "Chilean President Tomas Kervan and Peruvian President Ana Ruiz held talks in Lima "
        "and oversaw the signing of nine agreements on Tuesday.",
        "b": "Peruvian President Ana Ruiz recalled the visit of Tomas Kervan to Lima, during "
        "which 12 agreements were signed by the two presidents.",
    }
    report = _analysed(texts)
    counts = [f for f in report.findings if any(":count:" in c for c in f.claims)]
    assert [(f.kind, "day-of-occasion" in f.reasons) for f in counts] == [
        ("different_context", True)
    ]


@pytest.mark.parametrize(("undated", "kind"), [("June 10", "vague_vs_specific"), ("June 12", None)])
def test_a_day_without_its_year_against_the_full_date_of_one_event(
    undated: str, kind: str | None
) -> None:
    texts = {
        "a": f"Chile, Peru talks\n\nLIMA, {undated} (Andes Wire) - Chilean President Tomas "
        "Kervan and Peruvian President Ana Ruiz held talks at the palace and agreed to "
        "open a border crossing.",
        "b": "Chile, Peru talks\n\nLima, 10 June 2025 (Andes). Chilean President Tomas Kervan "
        "held talks with Peruvian President Ana Ruiz at the palace in Lima.",
    }
    report = _analysed(texts)
    dated = [f for f in report.findings if any(":date:" in c for c in f.claims)]
    assert [f.kind for f in dated] == ([kind] if kind else [])


def _roles_findings(roles: list[Claim]) -> list[Finding]:
    context = ClassifyContext(
        claims={c.id: c for c in roles},
        events={},
        entities={},
        sources={c.source: source(c.source) for c in roles},
        dependent={},
    )
    return classify([Candidate(key="k", claims=tuple(c.id for c in roles))], context)


def test_one_role_written_alike_in_two_sources_agrees() -> None:
    roles: list[Claim] = [
        role("a", "E1", "Foreign Minister of Peru").model_copy(
            update={"object": "Peruvian Foreign Minister"}
        ),
        role("b", "E1", "Foreign Minister of Peru", 20).model_copy(
            update={"object": "Foreign Minister of Peru"}
        ),
    ]
    (finding,) = _roles_findings(roles)
    assert finding.kind == "agreement"


def test_one_role_in_other_words_is_left_to_the_title_variant() -> None:
    roles: list[Claim] = [
        role("a", "E1", "Foreign Minister of Peru").model_copy(
            update={"object": "Peruvian Foreign Minister"}
        ),
        role("b", "E1", "Foreign Minister of Peru", 20).model_copy(
            update={"object": "Minister of Foreign Affairs of Peru"}
        ),
    ]
    assert _roles_findings(roles) == []


def _finding_kinds(report: Report, measure: str) -> list[str]:
    return sorted(f.kind for f in report.findings if f"({measure})" in f.summary)


def test_police_and_organisers_crowd_estimates_of_one_march_conflict() -> None:
    report = _analysed(
        {
            "a": "Police said about 2,000 protesters marched in Lisbon on Saturday "
            "against the new bypass.\n",
            "b": "Organisers said 8,000 people marched in Lisbon on Saturday against "
            "the new bypass.\n",
        }
    )
    assert _finding_kinds(report, "crowd") == ["conflict"]


def test_the_same_arrest_count_in_words_and_digits_agrees() -> None:
    report = _analysed(
        {
            "a": "Nine people were arrested in Lisbon on Saturday after the march, police said.\n",
            "b": "Police in Lisbon said 9 people were arrested on Saturday.\n",
        }
    )
    assert _finding_kinds(report, "arrests") == ["agreement"]


def test_crowds_of_two_days_are_different_context() -> None:
    report = _analysed(
        {
            "a": "Police said about 2,000 protesters marched in Lisbon on Saturday.\n",
            "b": "A smaller march in Lisbon on Sunday drew 400 people, police said.\n",
        }
    )
    assert _finding_kinds(report, "crowd") == ["different_context"]


def test_two_counts_of_one_days_signing_in_one_city_conflict() -> None:
    report = _analysed(
        {
            "a": "Leaders of Chile and Peru signed 8 agreements on Thursday at the close of "
            "a summit in Lisbon.\n",
            "b": "Leaders wrapped up a summit in Lisbon on Thursday with 12 agreements.\n",
        }
    )
    assert _finding_kinds(report, "documents") == ["conflict"]


def test_signings_of_another_year_in_one_city_are_different_context() -> None:
    report = _analysed(
        {
            "a": "Leaders signed 8 agreements at a summit in Lisbon on 4 May 2023.\n",
            "b": "The previous summit, held in Lisbon in June 2019, ended with five agreements "
            "being signed.\n",
        }
    )
    assert _finding_kinds(report, "documents") == ["different_context"]


@pytest.mark.parametrize(("hedge", "kind"), [("several", None), ("more than", "vague_vs_specific")])
def test_several_agreements_in_one_city_are_no_figure_to_weigh(
    hedge: str, kind: str | None
) -> None:
    vague = count("a", 7, "agreement", high=9, hedge=hedge)
    plain = count("b", 8, "agreement")
    context = ClassifyContext(
        claims={c.id: c for c in (vague, plain)},
        events={},
        entities={},
        sources={"a": source("a"), "b": source("b")},
        dependent={},
        claim_contexts={},
    )
    candidate = Candidate(key="count~signed|documents|place|Lisbon", claims=(vague.id, plain.id))
    assert [f.kind for f in classify([candidate], context)] == ([kind] if kind else [])


def test_a_past_holder_agreement_says_was() -> None:
    roles: list[Claim] = [
        role("a", "E1", "then Home Secretary"),
        role("b", "E1", "then Home Secretary", 20),
    ]
    (finding,) = _roles_findings(roles)
    assert finding.summary.endswith("was then Home Secretary")
