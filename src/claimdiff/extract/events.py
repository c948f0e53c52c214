"""Event frames: visit, meeting, signing, call, inauguration and summit.

A frame is found from a trigger phrase in a sentence; its participants, place
and date come from the mentions and dates of the same sentence. News prose
narrates one occasion over several sentences ("During his visit, ...", "Earlier
in the day, ... signed 17 ..."), so a frame that lacks a place or a date
inherits them from the occasion being narrated: the latest visit, meeting or
summit frame before it in the same document. Counts and dates are then
attached to the frame of their sentence, or to the narrated occasion when the
sentence points back to it ("during this visit").
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence

from claimdiff.extract import ExtractionContext
from claimdiff.extract.datelines import find_dateline
from claimdiff.extract.lookup import Containing, Greatest, Within
from claimdiff.models import (
    CountClaim,
    DateClaim,
    DateValue,
    EventClaim,
    EventType,
    Mention,
    QuantityClaim,
    QuoteClaim,
    Record,
    Sentence,
)
from claimdiff.places import place_relation

_TRIGGERS: tuple[tuple[EventType, re.Pattern[str]], ...] = (
    (
        "call",
        re.compile(
            r"\b(?:(?:tele)?phone (?:call|conversation|talks?)|spoke by (?:tele)?phone|"
            r"video (?:call|conference))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "summit",
        re.compile(r"\bsummit\b", re.IGNORECASE),
    ),
    (
        "signing",
        re.compile(
            # "signed up for a sitcom", "signed over his shares": phrasal verbs, no signing;
            # "concluded" signs only a document ("concluded two agreements", not "talks").
            # "a sign of", but "the signing of 14 agreements" (what is signed follows).
            r"\b(?:sign(?:ed|s|ing)?|inked|ink(?:s|ing)?)\b"
            r"(?!\s+(?:of(?!\s+(?:[\w-]+\s+){0,3}?(?:agreements?|documents?|deals?|accords?"
            r"|contracts?|treat(?:y|ies)|memorand\w+|mous?|protocols?|pacts?)\b)"
            r"|language|post|up|over|off|away|on\s+(?:loan|for|as|with)))"
            r"|\bconcluded(?=\s+(?:[\w-]+\s+){0,3}?(?:agreements?|deals?|accords?|treat(?:y|ies)"
            r"|contracts?|memorand\w+|mous?|pacts?)\b)"
            # "a package of 14 documents was adopted" (only counted documents: see below)
            r"|(?<=was |ere )adopted\b",
            re.IGNORECASE,
        ),
    ),
    (
        "inauguration",
        re.compile(r"\b(?:inaugurat(?:e|ed|es|ing|ion)|sworn in|swearing-in)\b", re.IGNORECASE),
    ),
    (
        "visit",
        re.compile(
            r"\b(?:visit(?:ed|ing|s)?|trip|tour(?:ed)?|arriv(?:ed|es|ing) in|"
            r"travel(?:l)?(?:ed|ing|s)? to|(?:a |his |her |their )stay)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "meeting",
        re.compile(
            r"\b(?:met|meets|meeting|(?:held|holds|holding|hold)(?: [\w-]+){0,2} talks|"
            r"(?:bilateral|high-level|high-profile|official) talks|talks (?:with|between)|"
            r"received by|hosted)\b",
            re.IGNORECASE,
        ),
    ),
)

# Every match of a trigger holds one of its words (in lower case). Most sentences hold
# none, and finding the words once in the whole text rules them out far faster than the
# patterns scan them.
_TRIGGER_WORDS: dict[EventType, tuple[str, ...]] = {
    "call": ("phone", "video"),
    "summit": ("summit",),
    "signing": ("sign", "ink", "concluded", "adopted"),
    "inauguration": ("inaugurat", "sworn in", "swearing-in"),
    "visit": ("visit", "trip", "tour", "arriv", "travel", "stay"),
    "meeting": ("met", "meet", "talks", "received by", "hosted"),
}
# Letters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower`` does not
# turn into it (dotless i, long s) or turns into two characters (dotted capital I).
_CASE_FOLD_TRAPS = ("\u0131", "\u017f", "\u0130")


class _TriggerWords:
    """Where the trigger words occur in a text, to tell which triggers a sentence may hold."""

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        # Unless lowering keeps every offset and every match, no sentence is ruled out.
        self.exact = len(lowered) == len(text) and not any(c in text for c in _CASE_FOLD_TRAPS)
        found: list[tuple[int, int, EventType]] = []
        for event_type, words in _TRIGGER_WORDS.items():
            for word in words if self.exact else ():
                at = lowered.find(word)
                while at >= 0:
                    found.append((at, at + len(word), event_type))
                    at = lowered.find(word, at + 1)
        found.sort()
        self.found = found
        self.starts = [start for start, _, _ in found]

    def possible(self, start: int, end: int) -> list[tuple[EventType, re.Pattern[str]]]:
        """The triggers with a word of theirs inside ``[start, end)``, in trigger order."""
        if not self.exact:
            return list(_TRIGGERS)
        types: set[EventType] = set()
        for index in range(bisect_left(self.starts, start), len(self.found)):
            word_start, word_end, event_type = self.found[index]
            if word_start >= end:
                break
            if word_end <= end:
                types.add(event_type)
        return [(event_type, pattern) for event_type, pattern in _TRIGGERS if event_type in types]


# Words that point back to the occasion being narrated.
_BACK_REFERENCE = re.compile(
    r"\b(?:(?:this|that|the|his|her|their|the current|the same) "
    r"(?:visit|trip|tour|meeting|talks|summit)|"
    r"(?:earlier|later) (?:in|that|on) the day|the same day|at the (?:meeting|talks|ceremony)|"
    r"during (?:the|this|that|his|her|their) (?:visit|trip|stay|meeting|talks))\b",
    re.IGNORECASE,
)
# Only a demonstrative points back; "the summit of X" is often a first mention.
_SKIP_AS_BACK_REFERENCE = re.compile(
    r"\b(?:(?:this|that|these|those|the current|the same) "
    r"(?:visit|trip|tour|meeting|talks|summit)s?|"
    r"during (?:the|this|that|his|her|their) (?:visit|trip|stay|meeting|talks))\b",
    re.IGNORECASE,
)
# "the signed documents", "previously signed deals", "agreements concluded so far",
# "targets were met", "further visits": a trigger word that narrates no new event.
_NOT_AN_EVENT_BEFORE = re.compile(
    r"\b(?:existing|all|further|more|future|regular|frequent|reciprocal|mutual|several|"
    r"many|such|previous|for(?: a| an)?)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "The meeting, which ..." opening a sentence refers to an event just narrated.
_OPENS_WITH_THE = re.compile(r"\s*[\"“]?The\s+$")
# Before a participle ("signed", "met", "concluded") these make it an adjective, a reduced
# relative clause or a passive: a reference to a signing, not the narration of one.
_NOT_AN_EVENT_BEFORE_PARTICIPLE = re.compile(
    r"(?:\b(?:the|previously|already|recently|newly|jointly|earlier|were|was|been|being|be|are|is)"
    r"(?:\s+\w+ly)?"  # "will be partly met by higher taxes"
    r"|(?:agreements?|documents?|deals?|accords?|contracts?|treaties|treaty|memorand\w+|"
    r"mous?|pacts?|protocols?|targets?|demands?|needs?))\s+$",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"(?:ed|met)$", re.IGNORECASE)
_PASSIVE_SIGNING = re.compile(r"\b(?:were|was|been|being|be|are|is)\s+$", re.IGNORECASE)
# A count, not a year: "11 agreements were signed", not "signed ... until 2030".
_DIGIT_OR_NUMBER_WORD = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozen|\w+teen|twenty|thirty|forty|fifty)\b(?![\d,])",
    re.IGNORECASE,
)
_DOCUMENT_NOUN = (
    r"(?:agreements?|documents?|deals?|accords?|contracts?|treaties|treaty|memorand\w+|mous?|"
    r"protocols?|pacts?|statements?)\b"
)
# The count must be of the documents: "11 agreements were signed", not "the two states".
_DOCUMENT_COUNT = re.compile(
    _DIGIT_OR_NUMBER_WORD.pattern + r"\s+(?:[\w-]+\s+){0,2}?" + _DOCUMENT_NOUN, re.IGNORECASE
)
# A passive signing told with its own agent, time or place: "was signed by all 25 members",
# "was signed in 2010", "in Rome", "on Monday"; not "were signed in line with the plan".
_AGENT_AFTER = re.compile(
    r"\s+(?:by\b|(?:in|on|at)\s+(?:the\s+)?[A-Z0-9]"
    # "were signed on the second day", "were signed at a ceremony"
    r"|on\s+the\s+(?:first|second|third|final|last|opening|closing)\b"
    r"|at\s+(?:a|the)\s+(?:[\w-]+\s+)?ceremony\b)"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|our)\s+$", re.IGNORECASE)
# A headline drops the auxiliary: "11 documents signed", "Nine deals signed in Lima".
# "the nine deals signed last year" points at them.
_HEADLINE_PASSIVE = re.compile(
    r"(?<!\bthe )(?<!\bthese )(?<!\bthose )" + _DOCUMENT_COUNT.pattern + r"\s+$", re.IGNORECASE
)
_NOUN_SENSITIVE = frozenset({"signing", "meeting", "visit"})
_PRESENT_TENSE = re.compile(
    r"\b(?:is|are) (?:visiting|meeting|holding talks|in)\b|\b(?:visits|arrives|meets)\b",
    re.IGNORECASE,
)
_PLACE_PREPOSITION = re.compile(
    r"\b(?:to|in|at|into|arrived in|visiting|visited|from)\s*$", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"(?:'s|’s|’)\s*$")
# "X's visit", "X's decision to ... while on a trip": the possessor of a phrase that holds
# the trigger noun, unless a verb of speech or a colon between starts another clause.
_POSSESSOR = re.compile(r"(?:'s|’s|’)\s")
_OTHER_CLAUSE = re.compile(r"\b(?:said|says|told|tells|added|adds|according)\b|[;:]")
_OCCASIONS: frozenset[str] = frozenset({"visit", "meeting", "summit"})
# How far (in sentences) narration of one occasion usually runs before a new topic.
NARRATIVE_SENTENCES = 3
_NOUN_TRIGGER = re.compile(r"(?:visits?|trips?|tours?|(?:a |his |her |their )stay)", re.IGNORECASE)
_DURING_BEFORE = re.compile(r"\b(?:during|on)\s+(?:a|an|his|her|their|an official)?\s*$", re.I)
_VISIT_BY = re.compile(r"\s+(?:of|by)\s+(?:(?:the|Mr|Mrs|Ms|Dr)\.?\s+)?$")
_WINDOW = 60


def extract_events(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    mentions = [r for r in found if isinstance(r, Mention)]
    # A relative date with no anchor cannot date an event.
    dates = [r for r in found if isinstance(r, DateClaim) and r.value is not None]
    published = context.source.published
    frames: list[EventClaim] = []
    # The frames of earlier sentences: ``frames`` grows only after each sentence.
    narrated = _Narrated(frames, {m.id: m for m in mentions})
    mentions_within, dates_within = Within(mentions), Within(dates)
    trigger_words = _TriggerWords(context.text)
    for sentence in context.sentences:
        triggers = trigger_words.possible(sentence.start, sentence.end)
        if not triggers:
            continue
        in_sentence = mentions_within(sentence.start, sentence.end)
        sentence_dates = dates_within(sentence.start, sentence.end)
        in_this_sentence: list[EventClaim] = []
        for event_type, pattern in triggers:
            match = _first_trigger(context, event_type, pattern, sentence, in_sentence, narrated)
            if match is None:
                continue
            in_this_sentence.append(
                _frame(context, event_type, match, in_sentence, sentence_dates, published)
            )
        frames.extend(_dates_to_nearest_trigger(context.text, in_this_sentence, sentence_dates))
    frames.sort(key=lambda f: (f.start, f.end))
    starts = [sentence.start for sentence in context.sentences]
    # "will visit the city of X", with X a name not read as a place: somewhere told, not
    # the place of the occasion narrated before nor the dateline's city.
    elsewhere = frozenset(
        f.id for f in frames if f.place is None and _unread_place_after(context.text, f, mentions)
    )
    actorless = frozenset(
        f.id
        for f in frames
        if f.value == "signing" and not f.participants and _told_without_actor(context.text, f)
    )
    narrated_frames = _inherit_narrative_context(
        frames, lambda offset: bisect_right(starts, offset), elsewhere, actorless
    )
    return list(_placed_at_dateline(context, narrated_frames, dates, elsewhere))


def _undated_or_relative(frame: EventClaim) -> bool:
    """Whether the frame has no date of its own but the story's ("signed in 2010" is
    background: another time, maybe another place and other parties)."""
    return frame.date is None or frame.date.relative


def _placed_at_dateline(
    context: ExtractionContext,
    frames: Sequence[EventClaim],
    dates: Sequence[DateClaim],
    elsewhere: frozenset[str],
) -> list[EventClaim]:
    """A frame with no place of its own takes place in the dateline's city, unless it is a
    call (no venue), dated in full on its own ("met in 2019": background, anywhere), or
    told with a name after it that may be a place not read ("visited the quake-hit areas
    of Kishtwar": the dateline names where the story is filed, not where that was).
    A frame of the dateline's own paragraph with no date takes the dateline's date: the
    opening paragraph tells the news of the day the story is filed."""
    dateline = find_dateline(context.text)
    if dateline is None:
        return list(frames)
    dated = next((d.value for d in dates if dateline.start <= d.start < dateline.end), None)
    lede = _paragraph_of(context, dateline.end)
    placed: list[EventClaim] = []
    for frame in frames:
        update: dict[str, object] = {}
        if (
            frame.place is None
            and frame.value != "call"
            and _undated_or_relative(frame)
            and frame.id not in elsewhere
        ):
            update = {"place": dateline.city, "object": frame.object or dateline.city}
        if frame.date is None and dated is not None and _paragraph_of(context, frame.start) == lede:
            update["date"] = dated
        placed.append(frame.model_copy(update=update) if update else frame)
    return placed


# "visited the quake-hit areas of Kishtwar", "arrived in Tarsus": a locative preposition
# (or a visit's verb, or "the areas of") before a capitalised word.
_PLACE_AFTER = re.compile(
    r"\b(?:in|to|at|near|visited|visiting|toured|touring"
    r"|(?:areas?|regions?|districts?|city|province|towns?|villages?|parts?)\s+of)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}?(?P<name>[A-Z][a-z]+)"
)
_ACTORS = frozenset({"person", "organization"})
_CALENDAR_WORDS = frozenset([*calendar.month_name[1:], *calendar.day_name])


def _unread_place_after(text: str, frame: EventClaim, mentions: Sequence[Mention]) -> bool:
    """Whether the trigger is followed, in its sentence, by a name that may be a place
    the extraction did not read as one (no person or organisation covers it)."""
    for found in _PLACE_AFTER.finditer(text, frame.start, frame.sentence_end):
        if found.start() > frame.end + _WINDOW:
            break
        if found["name"] in _CALENDAR_WORDS:
            continue
        at = found.start("name")
        if not any(m.start <= at < m.end and m.entity_kind in _ACTORS for m in mentions):
            return True
    return False


def _paragraph_of(context: ExtractionContext, offset: int) -> int | None:
    sentence = context.index.containing(offset)
    return None if sentence is None else sentence.paragraph


def _dates_to_nearest_trigger(
    text: str, frames: list[EventClaim], dates: Sequence[DateClaim]
) -> list[EventClaim]:
    """With several events in a sentence, a date belongs to the trigger nearest to it:
    in "his visit ... following the summit in 2021", 2021 dates the summit, not the visit."""
    if len(frames) < 2:
        return frames
    usable = [d for d in dates if not _NOT_EVENT_DATE.search(text, max(0, d.start - 12), d.start)]
    owner = {d.id: _frame_of_date(text, d, frames).id for d in usable}
    result: list[EventClaim] = []
    for frame in frames:
        own = [d for d in usable if owner[d.id] == frame.id]
        if frame.date is not None and not frame.date.relative:
            nearest = min(own, key=lambda d: abs(d.start - frame.start)).value if own else None
            frame = frame.model_copy(update={"date": nearest})
        result.append(frame)
    return result


# Where one clause of a sentence ends and the next begins: "X arrived late on Monday and
# held talks", "signed on Tuesday; talks followed".
_CLAUSE_BREAK = re.compile(r";|\s(?:and|but|while|whereas)\s")


def _frame_of_date(text: str, date: Record, frames: Sequence[EventClaim]) -> EventClaim:
    """The frame a date of its sentence belongs to: the nearest trigger of the date's own
    clause ("arrived late on Monday and held talks": Monday dates the arrival), else the
    nearest trigger."""

    def distance(frame: EventClaim) -> tuple[int, int]:
        return abs(frame.start - date.start), frame.start

    own_clause = [
        f
        for f in frames
        if not _CLAUSE_BREAK.search(text, min(f.end, date.end), max(f.start, date.start))
    ]
    return min(own_clause or frames, key=distance)


def _first_trigger(
    context: ExtractionContext,
    event_type: str,
    pattern: re.Pattern[str],
    sentence: Sentence,
    mentions: Sequence[Mention],
    narrated: _Narrated | None = None,
) -> re.Match[str] | None:
    """The first trigger in the sentence that narrates an event of its own."""
    text = context.text
    for match in pattern.finditer(text, sentence.start, sentence.end):
        # A named summit ("the X Summit") is an event even inside an organisation's name.
        if event_type != "summit" and _inside_quote_or_name(match.start(), mentions):
            continue
        if match.group(0).lower() == "visiting" and _DETERMINER_BEFORE.search(
            text, sentence.start, match.start()
        ):
            continue  # "the visiting leader", "a visiting delegation": an adjective
        if match.group(0) == "adopted" and not _DOCUMENT_COUNT.search(
            text, sentence.start, match.start()
        ):
            continue  # "the resolution was adopted": a vote, not a signing
        if _is_back_reference(text, match, sentence.start):
            continue  # "during the visit" points at an occasion already narrated
        if narrated and _restates(text, event_type, match, sentence, mentions, narrated):
            continue  # "inked the deals", "Saturday's meeting": the same occasion again
        before = text[max(sentence.start, match.start() - 24) : match.start()]
        if not _PARTICIPLE.search(match.group(0)) and _OPENS_WITH_THE.fullmatch(
            text, sentence.start, match.start()
        ):
            continue
        participle = bool(_PARTICIPLE.search(match.group(0)))
        not_an_event = _NOT_AN_EVENT_BEFORE.search(before) or (
            participle and _NOT_AN_EVENT_BEFORE_PARTICIPLE.search(before)
        )
        if event_type in _NOUN_SENSITIVE and not_an_event:
            passive_with_count = event_type == "signing" and (
                (
                    _PASSIVE_SIGNING.search(before)
                    and (
                        _DOCUMENT_COUNT.search(text, sentence.start, sentence.end)
                        or _AGENT_AFTER.match(text, match.end())
                    )
                )
                or (_is_headline(text, sentence) and _HEADLINE_PASSIVE.search(before))
            )
            if not passive_with_count:
                continue
        return match
    return None


def _is_headline(text: str, sentence: Sentence) -> bool:
    """The first line of a text, when it ends with no full stop."""
    return sentence.paragraph == 0 and not text[sentence.start : sentence.end].rstrip().endswith(
        "."
    )


class _Narrated:
    """The frames of the sentences before, and the document's mentions by id."""

    def __init__(self, frames: Sequence[EventClaim], mentions: Mapping[str, Mention]) -> None:
        self.frames = frames  # grows at the end only, after each sentence
        self.mentions = mentions
        self._by_type: dict[str, list[EventClaim]] = {}
        self._indexed = 0

    def of_type(self, event_type: str) -> list[EventClaim]:
        """The frames of one type told so far, in order. Frames are indexed as they come,
        so a text of many events is not scanned again for each trigger."""
        for frame in self.frames[self._indexed :]:
            self._by_type.setdefault(frame.value, []).append(frame)
        self._indexed = len(self.frames)
        return self._by_type.get(event_type, [])


# "the five unions which met X": a relative clause picks out a group by an event told before.
_RELATIVE_PRONOUN_BEFORE = re.compile(r"\b(?:which|who|that)\s+(?:had\s+|have\s+)?$", re.I)
# "inked the deals", "signed these agreements": the documents of a signing told before.
_DEFINITE_DOCUMENTS_AFTER = re.compile(
    r"\s+(?:the|these|those|both)\s+(?:[\w-]+\s+)?" + _DOCUMENT_NOUN, re.IGNORECASE
)
# "Saturday's meeting", "the meeting", "this visit", "their talks": a definite description...
_DEFINITE_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|his|her|their|its)|['’]s?)\s+(?:(?P<adjective>[\w-]+)\s+)?$",
    re.IGNORECASE,
)
# ... unless a word sets the occasion apart from the one told before ("his earlier trip").
_CONTRASTING = frozenset(
    [
        "first", "second", "third", "fourth", "fifth", "last", "next", "previous", "earlier",
        "later", "recent", "latest", "upcoming", "forthcoming", "planned", "future", "new",
        "another", "other", "former", "separate", "official", "state",
    ]
)  # fmt: skip
# ... or the description names its own parties, place or purpose ("the talks in Lima").
_COMPLEMENT_AFTER = re.compile(r"\s+(?:with|between|of|by|to|in|at|on|over)\b", re.IGNORECASE)
# "X's visit marks his second trip": what the visit told before is, not another trip.
_PREDICATIVE_BEFORE = re.compile(
    r"\b(?:is|was|marks|marked|represents|represented|becomes|became)\s+"
    r"(?:his|her|their|its|the|a|an)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_BARE_BEFORE = re.compile(r"\b(?:and|or|of|with)\s+$", re.IGNORECASE)
_NOUN_TRIGGERS = frozenset({"meeting", "talks", "visit", "trip", "tour", "signing"})


def _restates(
    text: str,
    event_type: str,
    match: re.Match[str],
    sentence: Sentence,
    mentions: Sequence[Mention],
    narrated: _Narrated,
) -> bool:
    """Whether the trigger tells again an event of its type told in an earlier sentence.

    Within one document, news prose names an occasion once and then refers back to it:
    by a relative clause ("the unions which met X"), a definite object ("inked the
    deals"), a bare definite description ("Saturday's meeting"), or the visitor's own
    name and a compatible place ("X's visit to Peru" after "X is visiting Lima")."""
    earlier = narrated.of_type(event_type)
    if not earlier:
        return False
    word = match.group(0).lower()
    before = text[max(sentence.start, match.start() - 30) : match.start()]
    if _PARTICIPLE.search(word) or word.startswith(("sign", "ink", "visit")):
        if _RELATIVE_PRONOUN_BEFORE.search(before):
            return True
        if event_type == "signing" and _DEFINITE_DOCUMENTS_AFTER.match(text, match.end()):
            return True
    if word not in _NOUN_TRIGGERS:
        return False
    if _PREDICATIVE_BEFORE.search(before):
        return True
    definite = _DEFINITE_BEFORE.search(before)
    if definite is None and _BARE_BEFORE.search(before):
        # "In this meeting, ... X expressed satisfaction with ... meeting with Y": a bare
        # noun in a sentence that opened on the occasion is that occasion again.
        opening = _SKIP_AS_BACK_REFERENCE.search(text, sentence.start, sentence.start + 30)
        return bool(opening and word in opening.group(0).lower())
    if definite is None or (definite["adjective"] or "").lower() in _CONTRASTING:
        return False
    if not _COMPLEMENT_AFTER.match(text, match.end()):
        return True
    return event_type == "visit" and _same_visitor_again(text, match, mentions, narrated, earlier)


def _same_visitor_again(
    text: str,
    match: re.Match[str],
    mentions: Sequence[Mention],
    narrated: _Narrated,
    earlier: Sequence[EventClaim],
) -> bool:
    """ "X's visit to Peru" after "X is visiting Lima": the visit told before."""
    people = [m for m in mentions if m.entity_kind == "person" and m.end <= match.start()]
    owner = next(
        (p for p in reversed(people) if _POSSESSIVE.match(text[p.end : match.start()])), None
    )
    if owner is None:
        return False
    places = [m for m in mentions if m.entity_kind == "place" and m.start >= match.end()]
    place = places[0].name if places and places[0].start - match.end() <= 6 else None
    surname = owner.name.split()[-1].lower()
    for frame in earlier:
        visitor = narrated.mentions.get(frame.subject or "")
        if visitor is None or visitor.name.split()[-1].lower() != surname:
            continue
        if place is None or frame.place is None:
            return True
        if place_relation(place, frame.place) != "different":
            return True
    return False


def _is_back_reference(text: str, match: re.Match[str], floor: int) -> bool:
    window_start = max(floor, match.start() - 20)
    return any(
        ref.start() <= match.start() < ref.end()
        for ref in _SKIP_AS_BACK_REFERENCE.finditer(text, window_start, match.end() + 4)
    )


def _inside_quote_or_name(offset: int, mentions: Sequence[Mention]) -> bool:
    return any(m.start <= offset < m.end for m in mentions)


_VENUE = (
    r"(?:(?:convention|exhibition|conference|congress|trade)\s+(?:centre|center|hall)"
    r"|stadium|arena)"
)
# "the Apex convention centre", "the Apex Convention Centre": a venue, not a party.
_VENUE_AFTER = re.compile(r"\s+" + _VENUE + r"\b", re.IGNORECASE)
_VENUE_NAME = re.compile(r"\b" + _VENUE + r"$", re.IGNORECASE)


def _frame(
    context: ExtractionContext,
    event_type: EventType,
    match: re.Match[str],
    mentions: Sequence[Mention],
    dates: Sequence[DateClaim],
    published: object,
) -> EventClaim:
    text = context.text
    people = [m for m in mentions if m.entity_kind in {"person", "organization"}]
    places = [m for m in mentions if m.entity_kind == "place"]
    # A call has two ends and no venue; a place named in it is a topic.
    place = None if event_type == "call" else _place_near(text, match, places)
    visitor = _visitor(text, match, people) if event_type == "visit" else None
    participants: list[str] = []
    if visitor is not None:
        participants.append(visitor.id)
    # "According to X, ...": X reports the event. The agency a dateline credits ("LIMA,
    # 3 May (Andes Wire) -") files the story; a venue ("the Apex convention centre") hosts it.
    dateline = find_dateline(text)
    people = [
        p
        for p in people
        if not _ACCORDING_TO.search(text, max(0, p.start - 14), p.start)
        and not (dateline and dateline.start <= p.start < dateline.end)
        and not _VENUE_AFTER.match(text, p.end)
        and not _VENUE_NAME.search(p.name)
    ]
    if _NOUN_EVENT.fullmatch(match.group(0)):
        # "X referred to the recent visit of Y": X speaks about the event, Y took part.
        people = [p for p in people if not _speaks_about(text, p, match)]
    participants.extend(m.id for m in people if m.id not in participants)
    # Capitals and countries used as actors ("Lima and Santiago signed") are parties too.
    participants.extend(
        m.id for m in places if m.via in {"metonymy", "demonym"} and m.id not in participants
    )
    date = _nearest_date(text, match.start(), dates)
    if date is None and _PRESENT_TENSE.search(text, max(0, match.start() - 12), match.end() + 4):
        date = _publication_day(context)
    thing = _inaugurated(text, match, mentions) if event_type == "inauguration" else None
    return EventClaim(
        **context.span_fields("event", match.start(), match.end()),
        subject=visitor.id if visitor else None,
        predicate=event_type,
        # What is inaugurated, not who attends: "the inauguration of a factory", "the line
        # was inaugurated ... with the presence of X" (X is present, not inaugurated).
        object=thing or (place.name if place else None),
        value=event_type,
        participants=tuple(participants),
        place=place.name if place else None,
        date=date,
    )


_THING = r"(?P<thing>[\w-]+(?:\s+[\w-]+){0,4}?)"
_INAUGURATED_AFTER = re.compile(
    rf"\s+(?:of\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?(?:new\s+)?{_THING}"
    r"(?=\s+(?:in|at|on|by|and|with|near|for|which|that|built)\b|\s*[,.;:(]|\s*$)"
)
_INAUGURATED_BEFORE = re.compile(
    rf"(?:\b(?i:the|a|an|its|their|his|her)\s+|^)(?:new\s+)?{_THING}\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be)\s+$"
)


def _inaugurated(text: str, match: re.Match[str], mentions: Sequence[Mention]) -> str | None:
    """The thing (or person) inaugurated: the object of "inauguration of"/"inaugurated",
    or the subject of "was inaugurated"."""
    word = match.group(0).lower()
    if word.startswith("inaugurat") and not word.endswith(("ion", "ing", "es")):
        sentence_start = max(0, match.start() - 80)
        before = _INAUGURATED_BEFORE.search(text, sentence_start, match.start())
        if before:
            return before["thing"]
    if word in {"inauguration", "inaugurate", "inaugurated", "inaugurates", "inaugurating"}:
        after = _INAUGURATED_AFTER.match(text, match.end())
        if after and after["thing"].lower() not in {"ceremony", "event", "the", "a"}:
            return after["thing"]
    return None


_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_NOUN_EVENT = re.compile(
    r"(?:visits?|trips?|tours?|inauguration|meeting|talks|summit)", re.IGNORECASE
)
_SPEECH_VERB = re.compile(
    # Verbs whose object is the event; not "said in a meeting", where the speaker took part.
    r"\b(?:referred\s+to|mentioned|recalled|praised|welcomed|hailed|described|"
    r"spoke\s+(?:of|about))\b",
    re.IGNORECASE,
)


def _speaks_about(text: str, person: Mention, match: re.Match[str]) -> bool:
    """Whether ``person`` is the subject of a verb of speech whose object holds the trigger."""
    if person.end > match.start() or match.start() - person.end > 120:
        return False
    return bool(_SPEECH_VERB.search(text, person.end, match.start()))


def _place_near(text: str, match: re.Match[str], places: Sequence[Mention]) -> Mention | None:
    """A place right after the trigger, else one introduced by a locative preposition."""
    after = [p for p in places if match.end() <= p.start <= match.end() + _WINDOW]
    for place in sorted(after, key=lambda p: p.start):
        between = text[match.end() : place.start]
        near = not between.strip() or _PLACE_PREPOSITION.search(between)
        if near and (place.via not in {"metonymy", "demonym"} or len(between.strip()) <= 4):
            return place
    located = [
        p
        for p in places
        if p.via not in {"demonym"}
        and _PLACE_PREPOSITION.search(text[max(0, p.start - 14) : p.start])
    ]
    if located:
        return min(located, key=lambda p: abs(p.start - match.start()))
    return None


def _visitor(text: str, match: re.Match[str], people: Sequence[Mention]) -> Mention | None:
    persons = [p for p in people if p.entity_kind == "person"]
    for person in persons:
        # "the first foreign visit of Mr X to ...", "a trip by X"
        if match.end() <= person.start <= match.end() + 40 and _VISIT_BY.search(
            text[match.end() : person.start]
        ):
            return person
    before = [p for p in persons if p.end <= match.start()]
    for person in reversed(before):
        between = text[person.end : match.start()]
        if _POSSESSIVE.match(between) or (
            _NOUN_TRIGGER.fullmatch(match.group(0))
            and _POSSESSOR.match(between)
            and not _OTHER_CLAUSE.search(between)
        ):
            return person
    after = [p for p in persons if p.start >= match.end()]
    if _NOUN_TRIGGER.fullmatch(match.group(0)):
        # "During a visit to X, Y met ...": the visitor is the subject after the clause;
        # "Z referred to the recent visit of ...": Z is not the visitor.
        fronted = _DURING_BEFORE.search(text, max(0, match.start() - 16), match.start())
        return after[0] if fronted and after else None
    if before:
        nearest = before[-1]
        if match.start() - nearest.end <= 40:
            return nearest
    return after[0] if after else None


# "until 2030", "since 2015", "by June": a deadline or a span, not when the event happened.
_NOT_EVENT_DATE = re.compile(
    r"\b(?:until|till|through|by|since|before|after|from|to)\s+(?:the\s+)?$", re.I
)


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside a quotation opened after ``start``."""
    span = text[start:position]
    return span.count("“") > span.count("”") or span.count('"') % 2 == 1


def _nearest_date(text: str, offset: int, dates: Sequence[DateClaim]) -> DateValue | None:
    usable = [
        d
        for d in dates
        if not _NOT_EVENT_DATE.search(text, max(0, d.start - 12), d.start)
        # "today" in someone's words dates the words, not the event narrated around them
        and _quoted(text, min(offset, d.start), d.start)
        == _quoted(text, min(offset, d.start), offset)
    ]
    if not usable:
        return None
    return min(usable, key=lambda d: abs(d.start - offset)).value


def _publication_day(context: ExtractionContext) -> DateValue | None:
    published = context.source.published
    if published is None:
        return None
    return DateValue(start=published, end=published, granularity="day", relative=True)


def _inherits_from(frame: EventClaim, occasion: EventClaim, sentence_gap: int) -> bool:
    """Whether ``frame`` is narrated as part of ``occasion``.

    Only a nearby frame without its own date, and without a place of its own that
    differs from the occasion's, belongs to it: "signed in 2010" is background, and a
    visit to somewhere else is another occasion.
    """
    if frame.date is not None:
        return False
    if (
        frame.place is not None
        and occasion.place is not None
        and place_relation(frame.place, occasion.place) == "different"
    ):
        return False
    return sentence_gap <= NARRATIVE_SENTENCES


def _told_without_actor(text: str, frame: EventClaim) -> bool:
    """A signing told in the passive or as a noun ("were signed", "the signing of",
    "was adopted", a headline's "nine deals signed"), which names no signer by design;
    "Ruritania has signed" with no party read is not one."""
    if frame.text.lower() in ("signing", "adopted"):
        return True
    before = text[max(frame.sentence_start, frame.start - 40) : frame.start]
    return bool(_PASSIVE_SIGNING.search(before) or _HEADLINE_PASSIVE.search(before))


def _inherit_narrative_context(
    frames: Sequence[EventClaim],
    sentence_number: Callable[[int], int],
    elsewhere: frozenset[str] = frozenset(),
    actorless: frozenset[str] = frozenset(),
) -> list[EventClaim]:
    """Fill a frame's missing place/date from the occasion narrated just before it;
    not a frame told ``elsewhere`` (at a place named but not read). An ``actorless``
    signing takes the parties of the occasion being told."""
    result: list[EventClaim] = []
    occasion: EventClaim | None = None
    told: EventClaim | None = None  # the latest occasion told, with a place or not
    for frame in frames:
        gap = sentence_number(frame.start) - sentence_number(occasion.start) if occasion else 0
        if (
            occasion is not None
            and frame.id not in elsewhere
            and _inherits_from(frame, occasion, gap)
        ):
            update: dict[str, object] = {}
            if frame.place is None and occasion.place is not None:
                update["place"] = occasion.place
                update["object"] = occasion.place
            if frame.date is None and occasion.date is not None:
                update["date"] = occasion.date
            if update:
                # What happens during an occasion involves the occasion's people too.
                update["participants"] = tuple(
                    dict.fromkeys((*frame.participants, *occasion.participants))
                )
            if update:
                frame = frame.model_copy(update=update)
        if (
            told is not None
            and frame.id in actorless
            and _undated_or_relative(frame)
            and sentence_number(frame.start) - sentence_number(told.start) <= NARRATIVE_SENTENCES
        ):
            # "Nine agreements had been signed in X on Tuesday": a signing told with no
            # actor (and no date of its own) was the work of the parties whose occasion
            # is being narrated.
            frame = frame.model_copy(update={"participants": told.participants})
        if frame.value in _OCCASIONS:
            told = frame
            if frame.place is not None:
                occasion = frame
        result.append(frame)
    return result


def link_to_events(context: ExtractionContext, records: list[Record]) -> list[Record]:
    """Attach counts, dates and quotes to the frame of their sentence or narrated occasion."""
    frames = sorted((r for r in records if isinstance(r, EventClaim)), key=lambda f: f.start)
    if not frames:
        return records
    linked: list[Record] = []
    frames_of = _FrameIndex(frames)
    for record in records:
        if isinstance(record, EventClaim):
            linked.append(record.model_copy(update={"event": record.id}))
            continue
        if not isinstance(record, CountClaim | QuantityClaim | DateClaim | QuoteClaim):
            linked.append(record)
            continue
        frame = _frame_for(context, record, frames_of)
        linked.append(record.model_copy(update={"event": frame.id}) if frame else record)
    return linked


class _FrameIndex:
    """Frames (sorted by start) by the sentence holding an offset, and occasions by start."""

    def __init__(self, frames: Sequence[EventClaim]) -> None:
        self.frames = frames
        self.in_sentence = Containing(frames, lambda f: (f.sentence_start, f.sentence_end))
        self.occasions = Greatest(
            (f.start, i) for i, f in enumerate(frames) if f.value in _OCCASIONS
        )
        self._points_back: dict[tuple[int, int], bool] = {}

    def points_back(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` points back to an occasion; asked once per sentence."""
        known = self._points_back.get((start, end))
        if known is None:
            known = self._points_back[start, end] = bool(_BACK_REFERENCE.search(text[start:end]))
        return known

    def occasion_before(self, offset: int) -> EventClaim | None:
        index = self.occasions.below(offset)
        return None if index is None else self.frames[index]


def _frame_for(
    context: ExtractionContext,
    record: CountClaim | QuantityClaim | DateClaim | QuoteClaim,
    frames: _FrameIndex,
) -> EventClaim | None:
    same_sentence = frames.in_sentence(record.start)
    if same_sentence:
        if isinstance(record, CountClaim):
            signing = [f for f in same_sentence if f.value == "signing"]
            if signing:
                return signing[0]
        if isinstance(record, DateClaim):
            return _frame_of_date(context.text, record, same_sentence)
        return min(same_sentence, key=lambda f: abs(f.start - record.start))
    if frames.points_back(context.text, record.sentence_start, record.sentence_end):
        return frames.occasion_before(record.start)
    if isinstance(record, CountClaim) and _DOCUMENT_COUNT.match(record.text):
        return _only_signing_of_paragraph(context, record, frames.frames)
    if isinstance(record, DateClaim):
        return _first_frame_after_dateline(context, record, frames.frames)
    return None


def _first_frame_after_dateline(
    context: ExtractionContext, record: DateClaim, frames: Sequence[EventClaim]
) -> EventClaim | None:
    """The date of a dateline dates the first event its paragraph tells."""
    dateline = find_dateline(context.text)
    if dateline is None or not dateline.start <= record.start < dateline.end:
        return None
    lede = _paragraph_of(context, dateline.end)
    return next(
        (f for f in frames if f.start >= dateline.end and _paragraph_of(context, f.start) == lede),
        None,
    )


def _only_signing_of_paragraph(
    context: ExtractionContext, record: CountClaim, frames: Sequence[EventClaim]
) -> EventClaim | None:
    """ "The heads of state signed a joint statement. In addition, a package of 14 documents
    was adopted": documents counted with no actor belong to the one signing (or else the
    one visit) their paragraph tells, if it tells exactly one."""
    sentence = context.index.containing(record.start)
    if sentence is None:
        return None
    in_paragraph = [
        f
        for f in frames
        if (found := context.index.containing(f.start)) is not None
        and found.paragraph == sentence.paragraph
    ]
    for event_type in ("signing", "visit"):
        candidates = [f for f in in_paragraph if f.value == event_type]
        if candidates:
            return candidates[0] if len(candidates) == 1 else None
    return None
