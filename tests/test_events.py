from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import frame
from claimdiff.extract import events, extract_source
from claimdiff.extract.datelines import dateline_place
from claimdiff.models import CountClaim, EventClaim, Source


def _extract(text: str, published: dt.date | None = dt.date(2023, 6, 14)) -> list[EventClaim]:
    source = Source(
        id="t",
        path="t.txt",
        text=text,
        published=published,
        published_from="manifest" if published else "none",
    )
    return [c for c in extract_source(source).claims if isinstance(c, EventClaim)]


def test_visit_frame_has_its_place_and_date() -> None:
    (frame,) = _extract("Estonian President Tomas Kervan visited Chile on 12 June 2023.")
    assert (frame.value, frame.place, frame.date and frame.date.iso()) == (
        "visit",
        "Chile",
        "2023-06-12",
    )


def test_signing_during_a_narrated_visit_inherits_its_place_and_date() -> None:
    text = (
        "Estonian President Tomas Kervan arrived in Santiago on 12 June 2023. "
        "During the visit, Estonia and Chile signed nine agreements."
    )
    signing = next(f for f in _extract(text) if f.value == "signing")
    assert signing.place == "Santiago"
    assert signing.date is not None and signing.date.iso() == "2023-06-12"


def test_count_is_attached_to_the_signing_of_its_sentence() -> None:
    text = (
        "Estonian President Tomas Kervan arrived in Santiago. The two sides signed nine agreements."
    )
    source = Source(id="t", path="t.txt", text=text)
    claims = extract_source(source).claims
    count = next(c for c in claims if isinstance(c, CountClaim))
    signing = next(c for c in claims if isinstance(c, EventClaim) and c.value == "signing")
    assert count.event == signing.id


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Officials urged both sides to implement previously signed agreements.", id="adjective"
        ),
        pytest.param(
            "The agreements signed last year have not been implemented.", id="reduced-relative"
        ),
        pytest.param("The demands were met by the government.", id="passive-met"),
        pytest.param("He invited the minister for further visits to Lima.", id="generic-plural"),
        pytest.param(
            "He invited the minister for further high-level visits to Lima.",
            id="generic-plural-with-modifier",
        ),
        pytest.param(
            "Good agreements were signed in line with the plan until 2030.",
            id="passive-without-a-count",
        ),
        pytest.param("The meeting, which lasted an hour, ended without a deal.", id="the-meeting"),
        pytest.param("The minister came to Lima for bilateral talks.", id="purpose-of-a-trip"),
    ],
)
def test_references_to_past_events_are_not_new_frames(sentence: str) -> None:
    assert _extract(sentence) == []


def test_passive_signing_with_a_count_is_an_event() -> None:
    frames = _extract("Eleven agreements were signed in Lima on Monday.")
    assert [f.value for f in frames] == ["signing"]


def test_background_signing_with_its_own_date_keeps_its_own_context() -> None:
    text = (
        "Chilean President Lucia Andrade visited Peru on Monday. "
        "The extradition treaty was signed in 2010, officials said, with 12 clauses."
    )
    signing = next(f for f in _extract(text) if f.value == "signing")
    assert signing.place is None
    assert signing.date is not None and signing.date.iso() == "2010"


def test_visit_of_named_person_takes_that_person_as_visitor() -> None:
    text = "The minister recalled the first foreign visit of Mr Tomas Kervan to Chile."
    (visit,) = [f for f in _extract(text) if f.value == "visit"]
    assert visit.subject is not None and visit.subject.endswith(
        f"{text.index('Tomas')}-{text.index('Tomas') + len('Tomas Kervan')}"
    )


def test_deadline_year_is_not_the_event_date() -> None:
    (frame,) = _extract("The two leaders signed a plan for cooperation until 2030.")
    assert frame.date is None


def test_call_takes_no_venue_from_its_topic() -> None:
    text = (
        "Chilean President Lucia Andrade spoke by phone with Estonian President Tomas Kervan "
        "about the situation in Peru."
    )
    (call,) = [f for f in _extract(text) if f.value == "call"]
    assert call.place is None


def _triggers(text: str) -> list[tuple[str, str]]:
    return [(f.value, f.text) for f in _extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a definite object: the documents of the signing told before
            "Chile and Peru signed nine agreements on Monday. "
            "Ministers of trade and energy inked the deals with their counterparts.",
            [("signing", "signed")],
        ),
        (  # a bare definite description of the meeting told before
            "Five unions met the deputy prime minister in Leeds. "
            "A spokesman said after Saturday's meeting that talks went well.",
            [("meeting", "met")],
        ),
        (  # a relative clause picks out the unions by the meeting told before
            "Five unions met the deputy prime minister in Leeds. "
            "The five unions which met Mr Novak want the rules withdrawn.",
            [("meeting", "met")],
        ),
        (  # the visitor's own visit again, to the country of the capital visited
            "President Jan Novak is visiting Lima, the capital of Peru. "
            "Novak's visit to Peru marks his second trip as president.",
            [("visit", "visiting")],
        ),
    ],
)
def test_a_restatement_of_an_event_told_before_is_not_a_new_frame(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _triggers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an indefinite description introduces a new meeting
        "Five unions met the deputy prime minister in Leeds. "
        "Mr Novak held a private meeting with senior union figures last week.",
        # a contrasting word sets the occasion apart
        "Mr Novak arrived in Lima on Sunday. He said his earlier trip to Chile mattered.",
        # a description with its own place is told anew
        "Mr Novak met Ms Vega in Lima. Both agreed to cooperate during the high-level talks "
        "in Lima.",
    ],
)
def test_a_new_or_contrasted_occasion_stays_a_frame(text: str) -> None:
    assert len(_extract(text)) == 2


def test_a_passive_signing_without_count_agent_date_or_place_is_a_restatement() -> None:
    text = "Good agreements were signed in line with the plan between the two states, he said."
    assert _extract(text) == []
    assert [f.value for f in _extract("The treaty was signed by all 25 members.")] == ["signing"]


def test_met_in_the_sense_of_paid_for_is_no_meeting() -> None:
    assert _extract("Extra spending will be partly met by higher fuel duties.") == []


def test_an_inauguration_names_what_is_inaugurated_not_who_attends() -> None:
    text = "The new drone factory was inaugurated in Kenya with the presence of General Jan Novak."
    (frame,) = _extract(text)
    assert frame.object == "drone factory"
    assert frame.place == "Kenya"


def test_someone_who_refers_to_an_event_did_not_take_part_in_it() -> None:
    text = "President Jan Novak referred to the recent visit of General Ana Vega to Kenya."
    (frame,) = _extract(text)
    names = [p for p in frame.participants]
    assert len(names) == 1 and names[0].endswith(
        f"{text.index('Ana Vega')}-{text.index('Ana Vega') + len('Ana Vega')}"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Two actors have signed up for the new sitcom.",
        "He has since signed over his shareholding to a partner.",
        "They thought about giving the game as concluded.",
    ],
)
def test_phrasal_sign_and_concluded_without_a_document_are_no_signing(text: str) -> None:
    assert _extract(text) == []


def test_concluded_with_a_document_is_a_signing() -> None:
    assert [f.value for f in _extract("Chile and Peru concluded two trade agreements.")] == [
        "signing"
    ]


def test_a_bare_noun_in_a_sentence_opening_on_the_occasion_is_that_occasion() -> None:
    text = (
        "President Jan Novak held a meeting with Ana Vega in Lima. "
        "In this meeting, Vega expressed satisfaction with her stay and meeting with Novak, "
        "and referred to her talks with the prime minister."
    )
    assert [f.text for f in _extract(text) if f.value == "meeting"] == ["meeting", "talks with"]


_TRIGGER_TEXT = st.lists(
    st.sampled_from(
        [
            "TELEPHONE talks", "spoke by phone", "Video Conference", "SUMMIT", "signs",
            "Inked", "concluded two deals", "inauguration", "Sworn In", "swearing-in",
            "VISITED", "trip", "toured", "Arrives in", "travelled to", "his stay", "met",
            "MEETS", "held long talks", "talks with", "Received By", "hosted", "the", "Mr",
            "ſummit", "vıdeo call", "İnked", "Lima", ",", ".", " ", "é",
        ]
    ),
    max_size=12,
).map(" ".join)  # fmt: skip


@given(_TRIGGER_TEXT, st.data())
def test_the_word_index_never_rules_out_a_trigger_that_matches(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    words = events._TriggerWords(text)
    for low, high in ((0, len(text)), (start, end)):
        possible = {event_type for event_type, _ in words.possible(low, high)}
        for event_type, pattern in events._TRIGGERS:
            if next(pattern.finditer(text, low, high), None) is not None:
                assert event_type in possible, (event_type, text[low:high])


def test_a_sentence_without_trigger_words_has_no_possible_trigger() -> None:
    text = "They met on Friday. Shares rose 3% in early trading."
    assert events._TriggerWords(text).possible(20, len(text)) == []


def test_narrated_frames_of_a_type_follow_the_frames_as_they_grow() -> None:
    frames = [frame("s", "visit", start=0), frame("s", "signing", start=10)]
    narrated = events._Narrated(frames, {})
    assert narrated.of_type("visit") == [frames[0]]
    frames.extend([frame("s", "signing", start=20), frame("s", "visit", start=30)])
    assert narrated.of_type("signing") == [frames[1], frames[2]]
    assert narrated.of_type("visit") == [frames[0], frames[3]]
    assert narrated.of_type("call") == []


@pytest.mark.parametrize(
    ("text", "visitor"),
    [
        ("Tomas Kervan's first official visit to Chile began on Monday.", "Tomas Kervan"),
        ("Tomas Kervan's visit to Chile began on Monday.", "Tomas Kervan"),
        (
            "A spokeswoman for the Tomas Kervan's Market in Valparaiso said 20,000 shoppers "
            "were expected to have visited by the close.",
            None,
        ),
    ],
)
def test_a_possessive_names_the_visitor_only_of_the_visit_it_governs(
    text: str, visitor: str | None
) -> None:
    source = Source(id="t", path="t.txt", text=text)
    extraction = extract_source(source)
    names = {m.id: m.text for m in extraction.mentions}
    (frame,) = [c for c in extraction.claims if isinstance(c, EventClaim)]
    assert names.get(frame.subject or "") == visitor


def test_the_possessor_of_a_phrase_holding_the_trip_is_its_visitor() -> None:
    text = (
        "Tomas Kervan's decision to announce the date while on a trip to Chile was sensible, "
        "Mr Rudd told the paper."
    )
    source = Source(id="t", path="t.txt", text=text)
    extraction = extract_source(source)
    names = {m.id: m.text for m in extraction.mentions}
    (frame,) = [c for c in extraction.claims if isinstance(c, EventClaim)]
    assert names.get(frame.subject or "") == "Tomas Kervan"


@pytest.mark.parametrize(
    ("opening", "city"),
    [
        ("KABUL, 3 May 2021 (Agency) - ", "Kabul"),
        ("NEW DELHI: ", "New Delhi"),
        ("SANTIAGO, Chile, May 3 (Andes Wire) - ", "Santiago"),
        ("Lima, 3 May 2021 (Andes). ", "Lima"),
        ("Lima - ", None),
        ("UKIP, which campaigned on a slogan, ", None),
    ],
)
def test_a_dateline_names_the_city_a_story_is_filed_from(opening: str, city: str | None) -> None:
    body = "The two presidents signed nine agreements at the palace and praised the ties."
    assert dateline_place(f"Headline here\n\n{opening}{body}") == city


def test_an_event_with_no_place_of_its_own_takes_place_in_the_dateline_city() -> None:
    text = (
        "Chile, Peru sign nine deals\n\nLIMA, May 3 (Andes Wire) - Chilean President Tomas "
        "Kervan and Peruvian President Ana Ruiz oversaw the signing of nine agreements on "
        "Tuesday, on the first day of a two-day official visit.\n\nKervan visited Estonia in "
        "2019, when he signed a trade pact."
    )
    frames = _extract(text, published=None)
    assert {f.text: f.place for f in frames} == {
        "sign": "Lima",
        "signing": "Lima",
        "visit": "Lima",
        "visited": "Estonia",
        "signed": "Estonia",
    }


def test_a_weekday_dates_the_verb_of_its_own_clause() -> None:
    text = "Tomas Kervan arrived in Lima late on Sunday and held talks with Ana Ruiz."
    source = Source(id="t", path="t.txt", text=text)
    claims = extract_source(source).claims
    arrival = next(c for c in claims if isinstance(c, EventClaim) and c.value == "visit")
    sunday = next(c for c in claims if c.kind == "date")
    assert sunday.event == arrival.id


def test_documents_counted_with_no_actor_belong_to_the_one_signing_of_their_paragraph() -> None:
    text = (
        "After the talks, the two presidents signed a joint declaration. In addition, a "
        "package of 12 documents was approved, including a visa accord.\n\n"
        "Officials said 30 more documents were being drafted."
    )
    source = Source(id="t", path="t.txt", text=text)
    claims = extract_source(source).claims
    signing = next(c for c in claims if isinstance(c, EventClaim) and c.value == "signing")
    counts = {c.text: c.event for c in claims if isinstance(c, CountClaim)}
    assert counts["12 documents"] == signing.id
    assert counts["30 more documents"] is None


def test_a_signing_told_with_no_actor_is_the_work_of_the_parties_of_the_occasion() -> None:
    text = (
        "Chilean President Tomas Kervan and Peruvian President Ana Ruiz held talks on "
        "Wednesday, the second day of the state visit. Nine agreements had been signed in "
        "Cusco on Tuesday. A border treaty was signed in 1998."
    )
    frames = _extract(text, published=None)
    meeting = next(f for f in frames if f.value == "meeting")
    recent, old = [f for f in frames if f.value == "signing"]
    assert recent.participants == meeting.participants and len(meeting.participants) == 2
    assert old.participants == ()


def test_the_dateline_date_dates_the_first_event_of_its_paragraph() -> None:
    text = (
        "Chile and Peru hold talks\n\nLima, 3 May 2021 (Andes). The official visit of the "
        "President of Chile Tomas Kervan to Peru continues.\n\nKervan later toured a port."
    )
    source = Source(id="t", path="t.txt", text=text)
    claims = extract_source(source).claims
    frames = [c for c in claims if isinstance(c, EventClaim)]
    visit = next(f for f in frames if f.text == "visit")
    dateline_date = next(c for c in claims if c.kind == "date" and c.text == "3 May 2021")
    assert visit.date is not None and visit.date.iso() == "2021-05-03"
    assert dateline_date.event == visit.id
    assert next(f for f in frames if f.text == "toured").date is None


def test_an_event_told_with_a_place_name_not_read_does_not_take_the_dateline_city() -> None:
    text = (
        "Relief chief tours quake zone\n\nLIMA, May 3 (Andes Wire) - The relief chief, "
        "Tomas Kervan, visited the quake-hit areas of Pallasca on Wednesday and met "
        "officials, the agency said in a statement."
    )
    visit = next(f for f in _extract(text, published=None) if f.value == "visit")
    assert visit.place is None  # not Lima


def test_an_event_told_at_a_place_name_not_read_does_not_inherit_the_occasions_place() -> None:
    text = (
        "Estonian President Tomas Kervan arrived in Santiago on Monday. "
        "He will visit the city of Valdivara on Wednesday."
    )
    arrival, trip = _extract(text, published=None)
    assert (arrival.place, trip.place) == ("Santiago", None)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Chile and Peru: nine deals signed, more to come\n\nThe talks went on.", "signed"),
        ("The accords were signed at a ceremony in the palace.", "signed"),
        ("The memoranda were signed on the second day of the visit.", "signed"),
        ("In addition, a package of 12 documents was adopted, officials said.", "adopted"),
        ("Kervan will inaugurate a trade house in Lima.", "inaugurate"),
    ],
)
def test_a_signing_or_inauguration_told_without_its_usual_words_is_an_event(
    text: str, trigger: str
) -> None:
    assert trigger in [f.text for f in _extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The resolution was adopted by 120 votes to 12.",
        "Chile and Peru: the nine deals signed last year",
        "Nine deals signed last year are still not in force.",
    ],
)
def test_an_adopted_resolution_or_deals_signed_before_are_no_signing(text: str) -> None:
    assert [f.value for f in _extract(text)] == []


def test_a_signing_whose_actor_was_not_read_borrows_no_parties() -> None:
    text = (
        "Chilean President Tomas Kervan and Peruvian President Ana Ruiz held talks on "
        "Wednesday. Meanwhile the Vandorian side has signed a separate pact."
    )
    signing = next(f for f in _extract(text, published=None) if f.value == "signing")
    assert signing.participants == ()


@pytest.mark.parametrize(
    ("text", "visits"),
    [
        ("The talks were attended by the visiting leader and his aides.", 0),
        ("The prime minister is visiting Lima this week.", 1),
    ],
)
def test_visiting_before_a_noun_is_an_adjective_not_a_visit(text: str, visits: int) -> None:
    assert [f.value for f in _extract(text)].count("visit") == visits


def _participant_names(text: str) -> list[list[str]]:
    source = Source(id="t", path="t.txt", text=text, published=None, published_from="none")
    extraction = extract_source(source)
    names = {m.id: m.name for m in extraction.mentions}
    return [
        [names[p] for p in c.participants]
        for c in extraction.claims
        if isinstance(c, EventClaim) and c.value == "signing"
    ]


def test_the_agency_a_dateline_credits_takes_no_part_in_the_event() -> None:
    text = (
        "LIMA, Peru, 3 May 2024 (Andean Press Service) - President Ana Vega signed "
        "four agreements with visiting Chancellor Jan Novak on Friday.\n"
    )
    (people,) = _participant_names(text)
    assert "Andean Press Service" not in people and "Ana Vega" in people


def test_a_venue_takes_no_part_in_the_event() -> None:
    text = (
        "President Ana Vega and Chancellor Jan Novak signed four agreements at the "
        "Costamar Convention Centre on Friday.\n"
    )
    (people,) = _participant_names(text)
    assert people and not any("Costamar" in p for p in people)
