"""Small factories for hand-built records, so stage tests read as sentences."""

from __future__ import annotations

import datetime as dt

from claimdiff.models import (
    CountClaim,
    CountValue,
    DateValue,
    EventClaim,
    EventType,
    Mention,
    QuoteClaim,
    RoleClaim,
    Source,
)


def source(source_id: str, text: str = "", published: dt.date | None = None) -> Source:
    return Source(
        id=source_id,
        path=f"{source_id}.txt",
        text=text or "x",
        published=published,
        published_from="manifest" if published else "none",
    )


def mention(
    source_id: str,
    name: str,
    start: int = 0,
    *,
    kind: str = "person",
    role: str | None = None,
    via: str = "name",
    country: str | None = None,
) -> Mention:
    return Mention(
        id=f"{source_id}:mention:{start}-{start + len(name)}",
        source=source_id,
        start=start,
        end=start + len(name),
        text=name,
        sentence_start=0,
        sentence_end=start + len(name),
        entity_kind=kind,  # type: ignore[arg-type]
        name=name,
        role=role,
        country=country,
        via=via,  # type: ignore[arg-type]
    )


def day(text: str) -> DateValue:
    value = dt.date.fromisoformat(text)
    return DateValue(start=value, end=value, granularity="day")


def month(year: int, number: int) -> DateValue:
    import calendar

    last = calendar.monthrange(year, number)[1]
    return DateValue(
        start=dt.date(year, number, 1), end=dt.date(year, number, last), granularity="month"
    )


def count(
    source_id: str,
    low: float,
    noun: str,
    start: int = 0,
    *,
    high: float | None = None,
    noun_class: tuple[str, ...] = (),
    event: str | None = None,
    approximate: bool = False,
    predicate: str = "signed",
    hedge: str | None = None,
) -> CountClaim:
    text = f"{low:g} {noun}s"
    return CountClaim(
        id=f"{source_id}:count:{start}-{start + len(text)}",
        source=source_id,
        start=start,
        end=start + len(text),
        text=text,
        sentence_start=0,
        sentence_end=start + len(text),
        predicate=predicate,
        object=noun,
        value=CountValue(
            low=low,
            high=high if high is not None else low,
            approximate=approximate or hedge is not None,
            hedge=hedge,
        ),
        noun=noun,
        noun_class=noun_class or (noun,),
        event=event,
    )


def frame(
    source_id: str,
    event_type: EventType,
    start: int = 0,
    *,
    place: str | None = None,
    date: DateValue | None = None,
    participants: tuple[str, ...] = (),
    visitor: str | None = None,
) -> EventClaim:
    return EventClaim(
        id=f"{source_id}:event:{start}-{start + 5}",
        source=source_id,
        start=start,
        end=start + 5,
        text="event",
        sentence_start=0,
        sentence_end=start + 5,
        subject=visitor,
        predicate=event_type,
        value=event_type,
        place=place,
        date=date,
        participants=participants,
    )


def quote(
    source_id: str, text: str, speaker: str | None, start: int = 0, *, event: str | None = None
) -> QuoteClaim:
    return QuoteClaim(
        id=f"{source_id}:quote:{start}-{start + len(text)}",
        source=source_id,
        start=start,
        end=start + len(text),
        text=text,
        sentence_start=0,
        sentence_end=start + len(text),
        subject=speaker,
        predicate="said",
        value=text,
        event=event,
    )


def role(source_id: str, holder: str, title: str, start: int = 0) -> RoleClaim:
    return RoleClaim(
        id=f"{source_id}:role:{start}-{start + len(title)}",
        source=source_id,
        start=start,
        end=start + len(title),
        text=title,
        sentence_start=0,
        sentence_end=start + len(title),
        subject=holder,
        predicate="holds_title",
        value=title,
    )
