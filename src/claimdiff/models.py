"""Pydantic models: the only contracts between pipeline stages.

Every model is frozen and forbids unknown fields, so a stage can neither
mutate another stage's output nor smuggle undocumented data through it.
Offsets are Python ``str`` indices into the source text exactly as decoded,
end exclusive, so ``source.text[start:end] == text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Granularity = Literal["day", "month", "year"]
EntityKind = Literal["person", "organization", "place", "other"]
EventType = Literal["visit", "meeting", "signing", "call", "inauguration", "summit", "other"]
FindingKind = Literal[
    "conflict",
    "agreement",
    "different_context",
    "name_variant",
    "title_variant",
    "vague_vs_specific",
]
FindingStatus = Literal["unreviewed", "accepted", "rejected"]
PublishedFrom = Literal["manifest", "text", "none"]

GRANULARITY_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2}


# --------------------------------------------------------------------------- corpus


class Source(Model):
    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom = "none"
    encoding: str = "utf-8"
    decode_note: str | None = None


class Sentence(Model):
    start: int
    end: int
    paragraph: int


# --------------------------------------------------------------------------- values


class DateValue(Model):
    """A calendar interval at a granularity: "May 2022" is 2022-05-01..2022-05-31."""

    start: dt.date
    end: dt.date
    granularity: Granularity
    relative: bool = False

    def iso(self) -> str:
        start, end = self.start, self.end
        if start == end:
            return start.isoformat()
        next_day = end + dt.timedelta(days=1)
        if self.granularity == "year" and (start.month, start.day, end.month, end.day) == (
            1,
            1,
            12,
            31,
        ):
            return str(start.year) if start.year == end.year else f"{start.year}/{end.year}"
        if self.granularity == "month" and start.day == 1 and next_day.day == 1:
            first, last = start.strftime("%Y-%m"), end.strftime("%Y-%m")
            return first if first == last else f"{first}/{last}"
        return f"{start.isoformat()}/{end.isoformat()}"


class CountValue(Model):
    """A number as an interval, so "more than 100" and "about 100" compare honestly."""

    low: float
    high: float
    approximate: bool = False
    hedge: str | None = None
    unit: str | None = None

    def display(self) -> str:
        def fmt(x: float) -> str:
            return str(int(x)) if float(x).is_integer() else f"{x:g}"

        core = fmt(self.low) if self.low == self.high else f"{fmt(self.low)}-{fmt(self.high)}"
        if self.unit:
            core = f"{core} {self.unit}"
        return f"{self.hedge} {core}" if self.hedge else core


# --------------------------------------------------------------------------- extraction records


class RecordBase(Model):
    id: str
    source: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int


class Mention(RecordBase):
    """A name of a person, organisation or place as written in one source."""

    kind: Literal["mention"] = "mention"
    entity_kind: EntityKind
    name: str
    titles: tuple[str, ...] = ()
    role: str | None = None
    country: str | None = None
    via: Literal["name", "role", "acronym", "demonym", "metonymy", "pronoun"] = "name"


class ClaimBase(RecordBase):
    subject: str | None = None
    predicate: str
    object: str | None = None
    event: str | None = None
    attributed_to: str | None = None


class CountClaim(ClaimBase):
    kind: Literal["count"] = "count"
    value: CountValue
    noun: str
    noun_class: tuple[str, ...] = ()


class QuantityClaim(ClaimBase):
    kind: Literal["quantity"] = "quantity"
    value: CountValue


class DateClaim(ClaimBase):
    """A date as written. ``value`` is None for a relative date ("on Monday") in a text
    with no publication date: the claim is real, its anchor unknown, and never guessed."""

    kind: Literal["date"] = "date"
    value: DateValue | None


class QuoteClaim(ClaimBase):
    kind: Literal["quote"] = "quote"
    value: str
    direct: bool = True


class RoleClaim(ClaimBase):
    kind: Literal["role"] = "role"
    value: str
    at: DateValue | None = None


class EventClaim(ClaimBase):
    """An event frame as one source narrates it; resolve.py clusters frames into events."""

    kind: Literal["event"] = "event"
    value: EventType
    participants: tuple[str, ...] = ()
    place: str | None = None
    origin: str | None = None
    date: DateValue | None = None
    ordinal: int | None = None


Claim = Annotated[
    CountClaim | QuantityClaim | DateClaim | QuoteClaim | RoleClaim | EventClaim,
    Field(discriminator="kind"),
]
Record = Annotated[
    Mention | CountClaim | QuantityClaim | DateClaim | QuoteClaim | RoleClaim | EventClaim,
    Field(discriminator="kind"),
]


class SourceExtraction(Model):
    source: str
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()


# --------------------------------------------------------------------------- resolution


class MentionRef(Model):
    source: str
    start: int
    end: int
    text: str


class Entity(Model):
    id: str
    kind: EntityKind
    name: str
    variants: tuple[str, ...]
    roles: tuple[str, ...] = ()
    mentions: tuple[MentionRef, ...] = ()
    mention_ids: tuple[str, ...] = ()
    merge_reasons: tuple[str, ...] = ()


class Event(Model):
    id: str
    type: EventType
    label: str
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: DateValue | None = None
    sources: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()


class Resolution(Model):
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    entity_of_mention: dict[str, str]
    event_of_frame: dict[str, str]


# --------------------------------------------------------------------------- alignment and findings


class Candidate(Model):
    """Claims that state the same kind of fact about the same subject."""

    key: str
    claims: tuple[str, ...]
    entities: tuple[str, ...] = ()


class Finding(Model):
    id: str
    kind: FindingKind
    summary: str
    reasons: tuple[str, ...]
    claims: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    independent_sources: int = 0
    confidence: float
    decision_key: str
    status: FindingStatus = "unreviewed"
    reviewer: str | None = None
    reviewed_at: str | None = None
    note: str | None = None
    # The strings hashed into ``decision_key`` ("source|kind|value|claim text", "name|Variant");
    # kept so that a stale decision can say what changed and rejections can cannot-link names.
    evidence: tuple[str, ...] = ()


# --------------------------------------------------------------------------- review


# "unset" cancels earlier lines for a key (undo is a new line: the log is append-only).
DecisionVerdict = Literal["accept", "reject", "note", "unset"]


class Decision(Model):
    key: str
    verdict: DecisionVerdict
    finding_kind: FindingKind
    reviewer: str
    at: str
    note: str | None = None
    evidence: tuple[str, ...] = ()
    summary: str | None = None


class StaleDecision(Model):
    key: str
    verdict: DecisionVerdict
    finding_kind: FindingKind
    reviewer: str
    summary: str | None
    why: str


# --------------------------------------------------------------------------- report


class ReportSource(Model):
    id: str
    path: str
    title: str | None
    outlet: str | None
    url: str | None = None
    published: dt.date | None
    published_from: PublishedFrom
    encoding: str = "utf-8"
    decode_note: str | None = None


class ReportDate(Model):
    start: dt.date
    end: dt.date
    granularity: Granularity


class ReportEntity(Model):
    id: str
    kind: EntityKind
    name: str
    variants: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[MentionRef, ...]


class ReportEvent(Model):
    id: str
    type: EventType
    label: str
    participants: tuple[str, ...]
    place: str | None
    date: ReportDate | None
    sources: tuple[str, ...]


class ReportClaim(Model):
    id: str
    source: str
    kind: Literal["count", "date", "quote", "role", "event", "quantity", "other"]
    subject: str | None
    predicate: str
    object: str | None
    value: float | int | str | None
    value_detail: dict[str, Any] | None = None
    event: str | None
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    attributed_to: str | None = None


class ReportFinding(Model):
    id: str
    kind: FindingKind
    summary: str
    reasons: tuple[str, ...]
    claims: tuple[str, ...]
    entities: tuple[str, ...]
    sources: tuple[str, ...]
    independent_sources: int
    confidence: float
    status: FindingStatus
    reviewer: str | None = None
    note: str | None = None
    decision_key: str
    evidence: tuple[str, ...] = ()


class ReportSummary(Model):
    findings: dict[str, int]
    reviewed: int
    unreviewed: int
    stale_decisions: int
    sources: int
    claims: int


class Report(Model):
    schema_version: Literal[1] = 1
    generated_by: str
    summary: ReportSummary
    sources: tuple[ReportSource, ...]
    entities: tuple[ReportEntity, ...]
    events: tuple[ReportEvent, ...]
    claims: tuple[ReportClaim, ...]
    findings: tuple[ReportFinding, ...]
    stale_decisions: tuple[StaleDecision, ...] = ()
    dependent_sources: tuple[tuple[str, str], ...] = ()
