from __future__ import annotations

import datetime as dt

import pytest

from claimdiff.extract import extract_source
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
