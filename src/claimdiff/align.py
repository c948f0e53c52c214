"""Alignment: which claims state the same kind of fact about the same subject.

Claims meet only inside blocks (a normalised predicate with the kind of its
object, and an anchor: an event, an entity, or a participant of the event),
so the work grows with block sizes, not with the square of the corpus.
"""

from __future__ import annotations

import calendar
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations, product

from claimdiff.dates_compare import WEEKDAYS, month_day_named, month_named, weekday_named
from claimdiff.extract.datelines import find_dateline
from claimdiff.gazetteer import country_for, is_country_name
from claimdiff.models import (
    Candidate,
    Claim,
    CountClaim,
    DateClaim,
    DateValue,
    Entity,
    Event,
    EventClaim,
    QuantityClaim,
    QuoteClaim,
    Resolution,
    RoleClaim,
    Source,
    SourceExtraction,
)
from claimdiff.names import name_tokens
from claimdiff.places import place_key
from claimdiff.statements import (
    content_words,
    document_key,
    quoted_words,
    statement_terms,
    words_within,
)
from claimdiff.titles import country_word, single_holder_office

# A participant shared by more count claims than this is too common to block on
# (think of a country in a corpus about that country); the event still is.
MAX_PARTICIPANT_BLOCK = 60
TOLL_BLOCK = "count-toll"
# Sorts after "count|": a pair the event blocks already hold is classified by its events.
SIGNED_BLOCK = "count~signed"
SIGNED_FAMILY = "document"
MEASURE_BLOCK = "quantity-measure"
TARGET = "target"
SHINGLE_WORDS = 8
SHINGLE_SAMPLE = 4
DEPENDENT_SHARED_SHINGLES = 2
DEPENDENT_SHARE = 0.3

_WORD = re.compile(r"[a-z0-9]+")


def resolve_claims(claims: Iterable[Claim], resolution: Resolution) -> list[Claim]:
    """Claims with mention ids replaced by entity ids and frame ids by event ids."""
    entity = resolution.entity_of_mention
    event = resolution.event_of_frame
    resolved: list[Claim] = []
    for claim in claims:
        update: dict[str, object] = {}
        if claim.subject is not None:
            update["subject"] = entity.get(claim.subject)
        if claim.event is not None:
            update["event"] = event.get(claim.event)
        if isinstance(claim, EventClaim):
            update["participants"] = tuple(
                dict.fromkeys(entity[p] for p in claim.participants if p in entity)
            )
        resolved.append(claim.model_copy(update=update) if update else claim)
    return resolved


def count_family(claim: CountClaim) -> str:
    """The most general class of the counted noun: what a count can be compared with."""
    return claim.noun_class[-1] if claim.noun_class else claim.noun


@dataclass(frozen=True)
class ClaimContext:
    """What surrounds a claim in its sentence: the entities named and the nearby words."""

    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    ordinal: int | None = None  # of an event frame: "her fourth trip" -> 4
    countries: frozenset[str] = frozenset()  # named or implied by a demonym ("Chilean")
    time_marker: str | None = None  # of a role: "newly elected", "former", "outgoing"
    toll: str | None = None  # of a casualty count: "deaths", "injuries", ... (``toll_measure``)
    years: frozenset[int] = frozenset()  # years its sentence names ("the 2004 floods")
    moment: str | None = None  # the day its sentence names: "wednesday", "14 october"
    earlier: bool = False  # of a toll told as long past: "a flood 12 years ago killed 40"
    # The places (entity ids) and countries (names) its source names most.
    story_places: frozenset[str] = frozenset()
    # Of an amount: what it measures, by the words near it ("trade", "target", "fund").
    measures: frozenset[str] = frozenset()
    # Of a crowd or an arrest count: who gives the figure ("police", "organisers").
    told_by: str | None = None
    # Of a count of documents signed at an occasion: the towns and cities (entity ids) its
    # sentence and its story name, where such counts from other sources meet it.
    signed_places: frozenset[str] = frozenset()


# Words before or in a title that place its holder in time.
_TIME_MARKER = re.compile(
    r"\b(?:newly[- ]elected|newly[- ]appointed|president[- ]elect|prime minister[- ]elect|"
    r"new|former|ex|late|outgoing|incoming|interim|acting|previous|elect|designate)(?=[\s-])"
    r"|\bthen(?=-)",
    re.IGNORECASE,
)
TIME_MARKER_CHARS = 30
COUNTRY_BEFORE_CHARS = 50


def time_marker(text: str, claim: Claim) -> str | None:
    """A word that places a title's holder in time, just before or inside the claim."""
    before = text[max(claim.sentence_start, claim.start - TIME_MARKER_CHARS) : claim.start]
    found = [m.group(0) for m in _TIME_MARKER.finditer(before + " " + claim.text + " ")]
    return found[-1].lower() if found else None


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


def sentence_countries(text: str) -> frozenset[str]:
    """Countries a sentence names, by name or demonym ("the French and German authorities")."""
    found: set[str] = set()
    for match in _CAPITALISED.finditer(text):
        phrase = match.group(0)
        country = country_for(phrase) or country_for(phrase.split()[0])
        if country is not None:
            found.add(country)
    return frozenset(found)


_ORDINALS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(),  # noqa: SIM905
        start=1,
    )
}
_EVENT_NOUNS = {
    "visit": "visit",
    "visits": "visit",
    "trip": "visit",
    "trips": "visit",
    "tour": "visit",
    "journey": "visit",
    "meeting": "meeting",
    "talks": "meeting",
    "summit": "summit",
    "call": "call",
}
# "the third official visit", "her fifth trip abroad", "the 3rd state visit".
_ORDINAL_EVENT = re.compile(
    r"\b(?P<ordinal>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?:(?:official|foreign|overseas|state|international|working|bilateral|presidential|"
    r"such|ever|abroad)\s+){0,2}(?P<noun>" + "|".join(_EVENT_NOUNS) + r")\b",
    re.IGNORECASE,
)


def _ordinal_value(word: str) -> int:
    word = word.lower()
    return _ORDINALS[word] if word in _ORDINALS else int(word[:-2])


def frame_ordinals(frames: Sequence[EventClaim], text: str) -> dict[str, int]:
    """Per frame id, the ordinal its sentence gives an event of its type, to the frame of
    that type nearest the ordinal ("X's visit marks her fourth trip" -> the visit: 4)."""
    by_sentence: dict[int, list[EventClaim]] = defaultdict(list)
    for frame in frames:
        by_sentence[frame.sentence_start].append(frame)
    ordinals: dict[str, int] = {}
    for sentence_start, members in by_sentence.items():
        sentence = text[sentence_start : members[0].sentence_end]
        for match in _ORDINAL_EVENT.finditer(sentence):
            kind = _EVENT_NOUNS[match["noun"].lower()]
            at = sentence_start + match.start()
            fitting = [f for f in members if f.value == kind]
            if fitting:
                nearest = min(fitting, key=lambda f: (abs(f.start - at), f.id))
                ordinals.setdefault(nearest.id, _ordinal_value(match["ordinal"]))
    return ordinals


_NONE: frozenset[str] = frozenset()


# What a casualty count counts, by the word nearest to it in its sentence: "killing 12
# people", "9 deaths", "the toll rose to 56", "64 have now died", "injuring about 70".
_TOLL_WORDS: dict[str, str] = {
    word: measure
    for measure, words in (
        (
            "deaths",
            "kill kills killed killing die dies died dying dead death deaths toll fatalities "
            "fatality perished lives",
        ),
        ("injuries", "injure injures injured injuring injury injuries wounded wounding hurt"),
        ("missing", "missing unaccounted"),
        ("displaced", "displaced homeless evacuated"),
        # Tallies of a protest: how many were held, how many turned out.
        ("arrests", "arrest arrests arrested arresting detain detained detaining detentions"),
        (
            "crowd",
            "crowd crowds turnout march marches marched marching rally rallies rallied "
            "protest protests protested demonstration demonstrations demonstrated",
        ),
    )
    for word in words.split()
}
_TOLL_WORD = re.compile(r"\b(" + "|".join(_TOLL_WORDS) + r")\b", re.IGNORECASE)
# Nouns a casualty count may count ("people", "deaths"); tents and houses are no toll.
# Totals only: "two children" among the dead is a part of the toll, not another toll.
# ("bodies" is left out: public and Olympic bodies are counted more often than the dead.)
_TOLL_NOUNS = frozenset({"person", "death", "casualty", "fatality", "injury", "victim"})
# Those who turn out: a crowd when no nearer word tells what befell them ("12 protesters
# were arrested" is an arrest count, "4,500 protesters marched" a crowd).
_CROWD_NOUNS = frozenset({"protester", "demonstrator", "marcher"})
# Tallies that are told of a moment of an occasion ("the summit"), not only of a disaster.
OCCASION_TALLIES = frozenset({"arrests", "crowd"})
# "more than three times the police estimate": a ratio, not a tally.
_TIMES_AFTER = re.compile(r"\s+times\b", re.IGNORECASE)
_MOMENT = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|[0-3]?\d\s+(?:{'|'.join(calendar.month_name[1:])}))\b",
    re.IGNORECASE,
)
TOLL_REACH = 60
STORY_PLACES = 3
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")
_ANY_DIGIT = re.compile(r"\d")


LEADING_PLACE_WORDS = 3


def leading_place(name: str, place_named: Mapping[str, str]) -> str | None:
    """The place a local body is named after ("Leeds City Council", "Cusco Regional
    Police"), when the run knows that place by name, else None."""
    words = name.split()
    for size in range(min(LEADING_PLACE_WORDS, len(words) - 1), 0, -1):
        place = place_named.get(" ".join(words[:size]))
        if place is not None:
            return place
    return None


def toll_measure(text: str, claim: CountClaim) -> str | None:
    """ "deaths", "injuries", "missing" or "displaced" for a casualty count, "arrests" or
    "crowd" for a protest's tallies, else None."""
    if claim.noun not in _TOLL_NOUNS | _CROWD_NOUNS or _TIMES_AFTER.match(text, claim.end):
        return None
    if claim.noun == "death":
        return "deaths"  # "9 deaths", "the death toll rose to 56": whatever words follow
    low = max(claim.sentence_start, claim.start - TOLL_REACH)
    high = min(claim.sentence_end, claim.end + TOLL_REACH)
    nearest: tuple[int, str] | None = None
    for match in _TOLL_WORD.finditer(text, low, high):
        if claim.start <= match.start() < claim.end:
            distance = 0  # "12 deaths"
        elif match.end() <= claim.start:
            distance = claim.start - match.end()
        else:
            distance = match.start() - claim.end
        if nearest is None or distance < nearest[0]:
            nearest = (distance, _TOLL_WORDS[match.group(1).lower()])
    if nearest is None:
        return "crowd" if claim.noun in _CROWD_NOUNS else None
    return nearest[1]


# Who puts a figure on a crowd or on arrests, nearest before it in its sentence:
# "police estimated that about 4,500 ...", "organisers put the crowd at 15,000".
_TELLERS = re.compile(
    r"\b(police|organi[sz]ers|officials|authorities|activists|witnesses|"
    r"the\s+(?:ministry|government|interior\s+ministry))\b",
    re.IGNORECASE,
)
TELLER_REACH = 60


def tally_teller(text: str, claim: CountClaim) -> str | None:
    """ "police", "organisers", ... : who gives a crowd or an arrest figure, else None."""
    low = max(claim.sentence_start, claim.start - TELLER_REACH)
    tellers = [m.group(1) for m in _TELLERS.finditer(text, low, claim.start)]
    if not tellers:
        # "Nine people were arrested, the city's police said."
        tellers = [
            m.group(1)
            for m in _TELLERS.finditer(text, claim.end, claim.sentence_end)
            if _SAID_AFTER.match(text, m.end())
        ][:1]
    return " ".join(tellers[-1].lower().split()) if tellers else None


_SAID_AFTER = re.compile(r"[\w\s]{0,20}?\b(?:said|says|estimated)\b", re.IGNORECASE)


def toll_moment(text: str, sentence: tuple[int, int]) -> str | None:
    """The day a toll is told of: the last day its sentence names ("rose to 44 on
    Wednesday", "said on Wednesday evening"), but not the day of the disaster itself
    ("Tuesday's earthquake", "the storm that hit on 3 May")."""
    days = [
        " ".join(match.group(0).lower().split())
        for match in _MOMENT.finditer(text, *sentence)
        if not _POSSESSIVE_AFTER.match(text, match.end())
        and not _STRUCK_BEFORE.search(
            text, max(sentence[0], match.start() - STRUCK_REACH), match.start()
        )
    ]
    return days[-1] if days else None


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_YEARS_AGO = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"several|many|some)\s+years\s+(?:ago|earlier|before)\b",
    re.IGNORECASE,
)
# "the storm that struck X on 3 May killed 18": the day of the disaster, not of the toll.
_STRUCK_BEFORE = re.compile(
    r"\b(?:struck|hit|jolted|rocked|shook|erupted|occurred|began|started)\b[^.;:!?,]*$",
    re.IGNORECASE,
)
STRUCK_REACH = 60


# What an amount measures, by the words near it in its sentence. A figure a sentence sets
# as a goal ("raise trade to $3bn", "a target of", "wants it to reach") is a target,
# whatever it is a target for: a target and a level are two facts.
_MEASURE_WORDS = re.compile(
    r"(?<![\w-])(?:(?P<trade>(?:[Bb]ilateral\s+|[Aa]nnual\s+|[Tt]otal\s+)?trade"
    r"(?!\s+(?:unions?|deals?|talks|secretary|ministers?|ministry|war|wars|body|bodies|"
    r"deficits?|surplus(?:es)?|gaps?|balances?|imbalances?|"
    r"agreements?|pacts?|group|association|show|fair|mark|secrets?|policy|barriers?|rules?))"
    r"|Trade(?=\s+(?:between|with|turnover|volume|rose|fell|reached|grew|was|has|had)))"
    r"|(?P<target>targets?|goals?|task)"
    r"|(?P<fund>fund))(?![\w-])"
)
_GOAL_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:rais(?:e|ing)|lift(?:ing)?|boost(?:ing)?|increas(?:e|ing)|bring(?:ing)?|"
    r"tak(?:e|ing)|doubl(?:e|ing))\b[^.;:!?,\d]{0,30}?\bto"
    # "wanted it to reach $5m" is a goal; "set to rise 4%, to reach $5m" a forecast.
    r"|(?:wants?|wanted|aims?|aimed|hopes?|hoped|plans?|planned)\b[^.;:!?,\d]{0,20}?\bto\s+reach)"
    r"\s+$",
    re.IGNORECASE,
)
MEASURE_REACH = 100
MEASURE_AFTER = 25
YEAR_AFTER_CHARS = 12
YEAR_BEFORE_CHARS = 30


def amount_measures(text: str, claim: QuantityClaim) -> frozenset[str]:
    """ "trade", "target" or "fund": what an amount measures, by its sentence's words."""
    # The measured noun comes before the figure ("trade reached $5m", "a target of $4bn")
    # or just after it ("a $70m fund"); further on, the sentence tells of other things.
    low = max(claim.sentence_start, claim.start - MEASURE_REACH)
    high = min(claim.sentence_end, claim.end + MEASURE_AFTER)
    found = {m.lastgroup or "" for m in _MEASURE_WORDS.finditer(text, low, high)}
    if _GOAL_BEFORE.search(text, max(claim.sentence_start, claim.start - 80), claim.start):
        found.add(TARGET)
    # A target is no level of what it targets: "raise trade to $3bn" is no trade figure.
    return frozenset({TARGET} if TARGET in found else found)


def figure_year(text: str, claim: Claim) -> int | None:
    """The year a figure is of: the year just after it ("$5m in 2019", "by 2035"), else
    just before it ("in 2018, a rise of 9%"), else the one year its sentence names."""
    after = _YEAR_WORD.search(
        text, claim.end, min(claim.sentence_end, claim.end + YEAR_AFTER_CHARS)
    )
    if after:
        return int(after.group(0))
    low = max(claim.sentence_start, claim.start - YEAR_BEFORE_CHARS)
    before = list(_YEAR_WORD.finditer(text, low, claim.start))
    if before:
        return int(before[-1].group(0))
    years = list(_YEAR_WORD.finditer(text, claim.sentence_start, claim.sentence_end))
    if len({m.group(0) for m in years}) != 1:
        return None
    # Not across another figure: "from $4bn ... to $6bn by 2035" dates only the second.
    year = years[0]
    if year.end() <= claim.start:
        between = text[year.end() : claim.start]
    else:
        between = text[claim.end : year.start()]
    return None if _ANY_DIGIT.search(between) else int(year.group(0))


def dateline_countries(text: str) -> frozenset[str]:
    """The country of a text's dateline, where the story was filed: one of its places
    however seldom the text names it again."""
    dateline = find_dateline(text)
    if dateline is None:
        return _NONE
    found = {country_for(dateline.city), country_for(dateline.country or "")}
    return frozenset(c for c in found if c is not None)


def dateline_city(text: str, place_named: Mapping[str, str]) -> frozenset[str]:
    """The place of a text's dateline city ("NAIROBI, Kenya -"), when the run knows it
    as a place: where the story was filed, one of its places however seldom named."""
    dateline = find_dateline(text)
    place = place_named.get(dateline.city) if dateline else None
    return _NONE if place is None else frozenset({place})


def claim_contexts(
    extractions: Iterable[SourceExtraction],
    resolution: Resolution,
    texts: Mapping[str, str],
) -> dict[str, ClaimContext]:
    """Per claim id: entities of its sentence and content words around it (for quantities)."""
    contexts: dict[str, ClaimContext] = {}
    entity_of = resolution.entity_of_mention
    place_named = {
        variant: entity.id
        for entity in resolution.entities
        if entity.kind == "place"
        for variant in (entity.name, *entity.variants)
    }
    countries_ids = {
        entity.id
        for entity in resolution.entities
        if entity.kind == "place" and is_country_name(entity.name)
    }
    for extraction in extractions:
        places: dict[int, set[str]] = defaultdict(set)
        actors: dict[int, set[str]] = defaultdict(set)
        for mention in extraction.mentions:
            entity = entity_of.get(mention.id)
            if entity is None:
                continue
            target = places if mention.entity_kind == "place" else actors
            target[mention.sentence_start].add(entity)
        text = texts.get(extraction.source, "")
        # Several figures often share a sentence: its sets are made once.
        sentence_places = {start: frozenset(found) for start, found in places.items()}
        place_mentions = Counter(
            entity_of[m.id]
            for m in extraction.mentions
            if m.entity_kind == "place" and m.id in entity_of
        )
        # A country is also known by its name, as the countries of local places are.
        country_names = {
            entity_of[m.id]: country
            for m in extraction.mentions
            if m.entity_kind == "place" and m.id in entity_of and (country := country_for(m.name))
        }
        place_mentions.update(
            place
            for m in extraction.mentions
            if m.entity_kind == "organization" and (place := leading_place(m.name, place_named))
        )
        # Local places are often named once each ("Eldoret", "Kericho county"); the
        # country they lie in ties the story's sources together.
        place_mentions.update(
            m.country for m in extraction.mentions if m.entity_kind == "place" and m.country
        )
        most_named = [
            entity
            for entity, _ in sorted(place_mentions.items(), key=lambda p: (-p[1], p[0]))[
                :STORY_PLACES
            ]
        ]
        story_places = (
            frozenset(most_named)
            | {country_names[e] for e in most_named if e in country_names}
            | dateline_countries(text)
            | dateline_city(text, place_named)
        )
        sentence_actors = {start: frozenset(found) for start, found in actors.items()}
        countries_of: dict[tuple[int, int], frozenset[str]] = {}
        frames = [c for c in extraction.claims if isinstance(c, EventClaim)]
        for frame_id, ordinal in frame_ordinals(frames, text).items():
            contexts[frame_id] = ClaimContext(ordinal=ordinal)
        for claim in extraction.claims:
            if isinstance(claim, QuoteClaim) and claim.direct and not claim.attributed_to:
                # An unattributed fragment may be a named speaker's words (see _align_quotes).
                contexts[claim.id] = ClaimContext(
                    actors=sentence_actors.get(claim.sentence_start, _NONE)
                )
            if isinstance(claim, RoleClaim) and single_holder_office(claim.value):
                # The country just before the title ("Chile's newly elected President X"),
                # else those of the whole sentence.
                near = text[
                    max(claim.sentence_start, claim.start - COUNTRY_BEFORE_CHARS) : claim.start
                ]
                role_countries = sentence_countries(near) or sentence_countries(
                    text[claim.sentence_start : claim.sentence_end]
                )
                contexts[claim.id] = ClaimContext(
                    countries=role_countries, time_marker=time_marker(text, claim)
                )
        for claim in extraction.claims:
            if not isinstance(claim, CountClaim | QuantityClaim):
                continue
            words: tuple[str, ...] = ()
            if isinstance(claim, QuantityClaim):
                before = text[max(claim.sentence_start, claim.start - 60) : claim.start]
                after = text[claim.end : min(claim.sentence_end, claim.end + 60)]
                words = tuple(content_words(before)[-5:] + content_words(after)[:5])
            countries: frozenset[str] = frozenset()
            toll: str | None = None
            years: frozenset[int] = frozenset()
            moment: str | None = None
            earlier = False
            told_by: str | None = None
            signed_places: frozenset[str] = _NONE
            measures: frozenset[str] = _NONE
            if isinstance(claim, QuantityClaim):
                measures = amount_measures(text, claim)
                year = figure_year(text, claim) if measures else None
                years = frozenset() if year is None else frozenset({year})
            if isinstance(claim, CountClaim):
                span = (claim.sentence_start, claim.sentence_end)
                if span not in countries_of:
                    countries_of[span] = sentence_countries(text[span[0] : span[1]])
                countries = countries_of[span]
                toll = toll_measure(text, claim)
                if claim.event is not None and toll not in OCCASION_TALLIES:
                    toll = None  # a count of an event is compared with its event's
                if toll is not None:
                    years = frozenset(int(y.group(0)) for y in _YEAR_WORD.finditer(text, *span))
                    moment = toll_moment(text, span)
                    earlier = bool(_YEARS_AGO.search(text, *span))
                if toll in OCCASION_TALLIES:
                    told_by = tally_teller(text, claim)
                if toll is None and claim.event and count_family(claim) == SIGNED_FAMILY:
                    # "7 agreements were signed on Friday" in Daegu: one day's signing
                    # in one city, told by several sources whose events stayed apart.
                    signed_places = frozenset(
                        p
                        for p in sentence_places.get(claim.sentence_start, _NONE) | story_places
                        if p not in countries_ids and not is_country_name(p)
                    )
                    years = frozenset(int(y.group(0)) for y in _YEAR_WORD.finditer(text, *span))
                    moment = toll_moment(text, span)
                    earlier = bool(_YEARS_AGO.search(text, *span))
            contexts[claim.id] = ClaimContext(
                places=sentence_places.get(claim.sentence_start, _NONE),
                actors=sentence_actors.get(claim.sentence_start, _NONE),
                words=words,
                countries=countries,
                toll=toll,
                years=years,
                moment=moment,
                earlier=earlier,
                story_places=story_places if toll is not None or measures else _NONE,
                measures=measures,
                told_by=told_by,
                signed_places=signed_places,
            )
    return contexts


def align_claims(
    claims: Sequence[Claim],
    events: Sequence[Event],
    contexts: Mapping[str, ClaimContext] | None = None,
    entities: Sequence[Entity] = (),
) -> list[Candidate]:
    contexts = contexts or {}
    names = {e.id: set(name_tokens(e.name)) for e in entities if e.kind == "person"}
    candidates: list[Candidate] = []
    counts = [c for c in claims if isinstance(c, CountClaim)]
    candidates.extend(_align_counts(counts, events, contexts))
    candidates.extend(_align_vague_counts(counts, contexts))
    quantities = [c for c in claims if isinstance(c, QuantityClaim)]
    candidates.extend(_align_quantities(quantities, contexts))
    candidates.extend(_align_quotes([c for c in claims if isinstance(c, QuoteClaim)], contexts))
    roles = [c for c in claims if isinstance(c, RoleClaim)]
    candidates.extend(_align_roles(roles))
    candidates.extend(_align_office_holders(roles, contexts, names))
    candidates.extend(_align_event_dates(claims))
    frames = [c for c in claims if isinstance(c, EventClaim)]
    candidates.extend(_align_event_pairs(frames, events, contexts))
    return sorted(candidates, key=lambda c: (c.key, c.claims))


def _align_counts(
    counts: Sequence[CountClaim],
    events: Sequence[Event],
    contexts: Mapping[str, ClaimContext],
) -> list[Candidate]:
    participants = {e.id: e.participants for e in events}
    blocks: dict[str, list[CountClaim]] = defaultdict(list)
    for claim in counts:
        family = count_family(claim)
        context = contexts.get(claim.id, ClaimContext())
        if not claim.event:
            # No event: "floods in X killed 9 people" still meets "... killed 56" about X.
            for place in context.places:
                blocks[f"count|{family}|{claim.predicate.lower()}|place|{place}"].append(claim)
        if context.toll is not None:
            # A toll meets the tolls of the same kind told about the places its story
            # names most, whatever words tell them ("12 dead", "killing 12"); a crowd or
            # an arrest count of an occasion too ("4,500 marched as the summit opened").
            for place in context.places | context.story_places:
                blocks[f"{TOLL_BLOCK}|{context.toll}|place|{place}"].append(claim)
        for place in context.signed_places:
            blocks[f"{SIGNED_BLOCK}|documents|place|{place}"].append(claim)
        if claim.event:
            blocks[f"count|{family}|event|{claim.event}"].append(claim)
            for person in participants.get(claim.event, ()):
                blocks[f"count|{family}|participant|{person}"].append(claim)
        if claim.subject:
            blocks[f"count|{family}|subject|{claim.subject}"].append(claim)
    pairs: dict[tuple[str, str], str] = {}
    for key, members in sorted(blocks.items()):
        if ("|participant|" in key or "|place|" in key) and len(members) > MAX_PARTICIPANT_BLOCK:
            continue
        # Claims of one source and one event never pair: only pairs across such groups are
        # visited, so a long text with one event does not make the work quadratic.
        groups: dict[tuple[str, str | None], list[CountClaim]] = defaultdict(list)
        for claim in members:
            groups[(claim.source, claim.event)].append(claim)
        for group_a, group_b in combinations(groups.values(), 2):
            for one, other in product(group_a, group_b):
                left, right = (one, other) if one.id < other.id else (other, one)
                if left.source == right.source and (
                    left.value == right.value or key.startswith((TOLL_BLOCK, SIGNED_BLOCK))
                ):
                    continue
                pairs.setdefault((left.id, right.id), key)
    return [Candidate(key=key, claims=pair, entities=()) for pair, key in sorted(pairs.items())]


# Hedges that stand for no figure at all ("a number of deals", "thousands of jobs").
VAGUE_HEDGES = frozenset(
    {
        "several",
        "a number of",
        "a few",
        "a couple of",
        "a handful of",
        "dozens of",
        "scores of",
        "hundreds of",
        "thousands of",
        "millions of",
        "tens of thousands of",
        "hundreds of thousands of",
        "hundreds",
        "thousands",
        "millions",
        "many",
        "numerous",
    }
)
# The predicate of a count with no verb of its own ("14m customers").
GENERIC_COUNT_PREDICATE = "count"


def is_vague_amount(claim: CountClaim) -> bool:
    return (claim.value.hedge or "").lower() in VAGUE_HEDGES


def _align_vague_counts(
    counts: Sequence[CountClaim], contexts: Mapping[str, ClaimContext]
) -> list[Candidate]:
    """A vague amount ("a number of deals") meets the exact counts of the same noun, with
    the same verb, about a place its sentence names, in other sources, whatever their
    events: the vague one may be all a reader has to compare the figure with."""
    blocks: dict[str, tuple[list[CountClaim], list[CountClaim]]] = defaultdict(lambda: ([], []))
    for claim in counts:
        vague = is_vague_amount(claim)
        context = contexts.get(claim.id, ClaimContext())
        for place in context.places | context.countries:
            key = f"count-vague|{claim.noun}|{claim.predicate.lower()}|{place}"
            blocks[key][0 if vague else 1].append(claim)
    pairs: dict[tuple[str, str], str] = {}
    for key, (vague_ones, exact_ones) in sorted(blocks.items()):
        if not vague_ones or len(exact_ones) > MAX_PARTICIPANT_BLOCK:
            continue
        for hedged in vague_ones:
            for exact in exact_ones:
                if hedged.source != exact.source:
                    pair = tuple(sorted((hedged.id, exact.id)))
                    pairs.setdefault((pair[0], pair[1]), key)
    return [Candidate(key=key, claims=pair) for pair, key in sorted(pairs.items())]


MAX_MAGNITUDE_RATIO = 1.6
# Goals are doubled and tripled as ties grow: two targets of one story may be that far apart.
TARGET_RATIO = 3.0
# An office named with more holders than this is a generic title, not one office.
MAX_OFFICE_HOLDERS = 12


def _align_quantities(
    quantities: Sequence[QuantityClaim], contexts: Mapping[str, ClaimContext]
) -> list[Candidate]:
    """Amounts with the same unit, near the same actor, of a similar size, across sources."""
    blocks: dict[str, list[QuantityClaim]] = defaultdict(list)
    for claim in quantities:
        unit = claim.value.unit
        if not unit or claim.predicate in {"duration", "ordinal"} or claim.value.low <= 0:
            continue
        context = contexts.get(claim.id, ClaimContext())
        for actor in context.actors | context.places:
            blocks[f"quantity|{unit}|{actor}"].append(claim)
        # "Bilateral trade reached $75m" names no one: it meets the same measure in
        # the sources about the same two countries (one country is too broad a story: a
        # national outlet's every story is about its own).
        countries = sorted(p for p in context.story_places if is_country_name(p))
        for measure in context.measures:
            for pair in combinations(countries, 2):
                blocks[f"{MEASURE_BLOCK}|{unit}|{measure}|{'+'.join(pair)}"].append(claim)
    pairs: dict[tuple[str, str], str] = {}
    for key, members in sorted(blocks.items()):
        if len(members) > MAX_PARTICIPANT_BLOCK:
            continue
        nearest = _nearest_exact(members) if key.startswith(MEASURE_BLOCK) else {}
        for left, right in combinations(sorted(members, key=lambda c: c.id), 2):
            if left.source == right.source:
                continue
            low, high = sorted((left.value.low, right.value.low))
            if high / low > (TARGET_RATIO if f"|{TARGET}|" in key else MAX_MAGNITUDE_RATIO):
                continue
            if any(
                one.id in nearest and other.value.low not in nearest[one.id]
                for one, other in ((left, right), (right, left))
                if not other.value.approximate
            ):
                continue
            pairs.setdefault((left.id, right.id), key)
    return [Candidate(key=key, claims=pair) for pair, key in sorted(pairs.items())]


# The number a hedge is written around: "more than $60m" -> 60m, "up to 50" -> 50.
_HEDGED_AT_HIGH = frozenset(
    {
        "up to",
        "fewer than",
        "less than",
        "under",
        "below",
        "no more than",
        "at most",
        "nearly",
        "almost",
        "just under",
    }
)


def _nearest_exact(members: Sequence[QuantityClaim]) -> dict[str, set[float]]:
    """Per hedged amount, the exact values (of other sources) nearest the number it is
    written around: "more than $60m" stands for $63m, not for the $81m of another
    year, when a story gives both."""
    exact = {c.value.low for c in members if not c.value.approximate}
    nearest: dict[str, set[float]] = {}
    for claim in members:
        value = claim.value
        if not value.approximate or not exact:
            continue
        anchor = value.high if (value.hedge or "") in _HEDGED_AT_HIGH else value.low
        if value.hedge not in _HEDGED_AT_HIGH and value.hedge not in _HEDGED_AT_LOW:
            anchor = (value.low + value.high) / 2
        inside = [v for v in exact if value.low <= v <= value.high and v > 0 and anchor > 0]
        if not inside:
            continue
        best = min(abs(math.log(v / anchor)) for v in inside)
        nearest[claim.id] = {v for v in inside if math.isclose(abs(math.log(v / anchor)), best)}
    return nearest


_HEDGED_AT_LOW = frozenset(
    {"more than", "over", "at least", "well over", "just over", "upwards of", "in excess of"}
)


def _distinct_statements(quotes: Sequence[QuoteClaim]) -> list[QuoteClaim]:
    """One claim per statement: a direct quote and its reported frame overlap in the text.

    A reported clause around a fragment too short to compare on its own ('the sides would
    finish the study "by the end of 2026" and set up a fund') is a statement of its own.
    """
    by_source: dict[str, list[QuoteClaim]] = defaultdict(list)
    for quote in quotes:
        by_source[quote.source].append(quote)
    kept: list[QuoteClaim] = []
    for members in by_source.values():
        preferred = sorted(members, key=lambda q: (not q.direct, -(q.end - q.start), q.id))
        taken: list[QuoteClaim] = []  # a source has few quotes
        for quote in preferred:
            inside = [k for k in taken if k.start < quote.end and quote.start < k.end]
            if not inside or (
                not quote.direct
                and all(k.direct and len(content_words(k.value)) < MIN_SHARED_WORDS for k in inside)
            ):
                taken.append(quote)
                kept.append(quote)
    return kept


# A word said in more quotes of one speaker than this is no evidence of the same statement.
MAX_WORD_POSTINGS = 200
MIN_SHARED_WORDS = 4
DOCUMENT_SPEAKER = "document:"


def _align_quotes(
    quotes: Sequence[QuoteClaim], contexts: Mapping[str, ClaimContext] | None = None
) -> list[Candidate]:
    """Quotes of one speaker in different sources that share several terms
    (content words, stemmed, near-synonyms folded: see statements.py)."""
    by_speaker: dict[str, list[QuoteClaim]] = defaultdict(list)
    unattributed: list[QuoteClaim] = []
    for quote in _distinct_statements(quotes):
        if quote.subject:
            by_speaker[quote.subject].append(quote)
        elif quote.attributed_to:
            # A document speaks ("a joint statement said"): its renderings meet by its name.
            by_speaker[f"{DOCUMENT_SPEAKER}{document_key(quote.attributed_to)}"].append(quote)
        elif quote.direct:
            unattributed.append(quote)
    candidates = _fragments_of_speakers(unattributed, by_speaker, contexts or {})
    for speaker, members in sorted(by_speaker.items()):
        members.sort(key=lambda c: c.id)
        words = [statement_terms(q.value) for q in members]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, bag in enumerate(words):
            for word in bag:
                postings[word].append(index)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for holders in postings.values():
            if len(holders) > MAX_WORD_POSTINGS:
                continue
            for left, right in combinations(holders, 2):
                shared[(left, right)] += 1
        for (left, right), count in sorted(shared.items()):
            a, b = members[left], members[right]
            if a.source != b.source and count >= MIN_SHARED_WORDS:
                entities = () if speaker.startswith(DOCUMENT_SPEAKER) else (speaker,)
                candidates.append(
                    Candidate(key=f"quote|{speaker}", claims=(a.id, b.id), entities=entities)
                )
    return candidates


def _fragments_of_speakers(
    fragments: Sequence[QuoteClaim],
    by_speaker: Mapping[str, Sequence[QuoteClaim]],
    contexts: Mapping[str, ClaimContext],
) -> list[Candidate]:
    """An unattributed quoted fragment whose sentence names a person ("X made reaching the
    villages "before the weather turns" the first priority") and whose words stand, word for
    word, in a quote of that person in another source."""
    candidates: list[Candidate] = []
    for fragment in sorted(fragments, key=lambda q: q.id):
        context = contexts.get(fragment.id)
        words = quoted_words(fragment.value)
        if context is None or len(words) < MIN_SHARED_WORDS:
            continue
        for speaker in sorted(context.actors):
            for quote in by_speaker.get(speaker, ()):
                if quote.source != fragment.source and words_within(words, quote.value):
                    candidates.append(
                        Candidate(
                            key=f"quote|{speaker}",
                            claims=tuple(sorted((fragment.id, quote.id))),
                            entities=(speaker,),
                        )
                    )
    return candidates


def _align_roles(roles: Sequence[RoleClaim]) -> list[Candidate]:
    by_subject: dict[str, list[RoleClaim]] = defaultdict(list)
    for role in roles:
        if role.subject:
            by_subject[role.subject].append(role)
    candidates: list[Candidate] = []
    for subject, members in sorted(by_subject.items()):
        if len({m.source for m in members}) < 2:
            continue
        candidates.append(
            Candidate(
                key=f"role|{subject}",
                claims=tuple(sorted(m.id for m in members)),
                entities=(subject,),
            )
        )
    return candidates


def _align_office_holders(
    roles: Sequence[RoleClaim],
    contexts: Mapping[str, ClaimContext],
    names: Mapping[str, set[str]] | None = None,
) -> list[Candidate]:
    """Two people named, in two sources, as holder of one office that one person holds at
    a time ("President of X"). The country of a bare "President" is the one the holder's
    other titles name, else the one country its sentence names. ``names`` holds each
    holder's name words: holders who share one ("Putin", "Vladimir Putin") may be one
    person the resolver kept apart, and are not compared."""
    names = names or {}
    offices: dict[str, tuple[str, str | None]] = {}
    holder_countries: dict[str, set[str]] = defaultdict(set)
    for role in roles:
        office = single_holder_office(role.value)
        if office is not None and role.subject:
            offices[role.id] = office
            if office[1]:
                holder_countries[role.subject].add(office[1])
    blocks: dict[str, dict[str, list[RoleClaim]]] = defaultdict(lambda: defaultdict(list))
    for role in sorted(roles, key=lambda r: r.id):
        if role.id not in offices or not role.subject:
            continue
        words, country = offices[role.id]
        if country is None:
            # The sentence's one country only for a holder it places in time ("Peru's
            # new President X"): "President X met Y in Peru" says nothing of X.
            context = contexts.get(role.id, ClaimContext())
            named = {country_word(c) for c in context.countries} if context.time_marker else set()
            options = holder_countries.get(role.subject, set()) or named
            country = next(iter(options)) if len(options) == 1 else None
        if country is not None:
            blocks[f"office|{words}|{country}"][role.subject].append(role)
    candidates: list[Candidate] = []
    for key, by_holder in sorted(blocks.items()):
        if len(by_holder) < 2 or len(by_holder) > MAX_OFFICE_HOLDERS:
            continue
        # One claim per holder: one that places its holder in time, else one whose own
        # words name the country.
        cited = {
            holder: min(
                claims,
                key=lambda r: (
                    contexts.get(r.id, ClaimContext()).time_marker is None,
                    offices[r.id][1] is None,
                    r.id,
                ),
            )
            for holder, claims in by_holder.items()
        }
        for left, right in combinations(sorted(cited), 2):
            a, b = cited[left], cited[right]
            if a.source != b.source and not names.get(left, set()) & names.get(right, set()):
                candidates.append(Candidate(key=key, claims=tuple(sorted((a.id, b.id)))))
    return candidates


def _align_event_dates(claims: Sequence[Claim]) -> list[Candidate]:
    """The date each source gives one event: the date claim its frame took its date from.

    That is a date claim of the event with the frame's date, else one with that date in the
    frame's own sentence (attached to a neighbouring frame: "visited X in September 2021 for
    the summit"). A relative date ("yesterday") brings along the explicit date of the same
    day that its text states, since that is what anchors it.
    """
    frames = [c for c in claims if isinstance(c, EventClaim)]
    dates = sorted((c for c in claims if isinstance(c, DateClaim)), key=lambda d: d.id)
    frame_dates: dict[tuple[str, str], set[DateValue]] = defaultdict(set)
    dates_by_sentence: dict[tuple[str, int], list[DateClaim]] = defaultdict(list)
    explicit: dict[tuple[str, DateValue], DateClaim] = {}
    for date in dates:
        dates_by_sentence[(date.source, date.sentence_start)].append(date)
        if date.value is not None and not date.value.relative:
            explicit.setdefault((date.source, _plain(date.value)), date)
    for frame in frames:
        if frame.event and frame.date is not None:
            frame_dates[(frame.event, frame.source)].add(frame.date)
    by_event: dict[str, dict[str, DateClaim]] = defaultdict(dict)
    for date in dates:
        if date.event and date.value in frame_dates.get((date.event, date.source), ()):
            by_event[date.event].setdefault(date.source, date)
    for frame in sorted(frames, key=lambda f: f.id):
        if frame.event and frame.date is not None:
            for date in dates_by_sentence.get((frame.source, frame.sentence_start), ()):
                if date.value == frame.date:
                    by_event[frame.event].setdefault(frame.source, date)
                    break
    undated = sorted(
        (d for d in dates if d.event and d.value is None and _names_a_day(d.text)),
        key=lambda d: (d.source, d.start),
    )
    for date in undated:
        # An undated text's "on Monday" stands for its source when it gives no other date.
        by_event[date.event or ""].setdefault(date.source, date)
    event_frames: dict[str, list[EventClaim]] = defaultdict(list)
    for frame in frames:
        if frame.event:
            event_frames[frame.event].append(frame)
    dating: dict[str, set[str]] = defaultdict(set)
    for date in dates:
        if date.event and date.value is not None and not date.value.relative:
            dating[date.event].add(date.source)
    candidates: list[Candidate] = []
    for event, per_source in sorted(by_event.items()):
        if len(per_source) == 1:
            candidates.extend(
                _undated_in_another_source(per_source, event_frames[event], dating[event], event)
            )
        if len(per_source) < 2:
            continue
        cited = {c.id for c in per_source.values()}
        for date in per_source.values():
            if date.value is not None and date.value.relative:
                anchor = explicit.get((date.source, _plain(date.value)))
                if anchor is not None:
                    cited.add(anchor.id)
        candidates.append(Candidate(key=f"event-date|{event}", claims=tuple(sorted(cited))))
    return candidates


def _undated_in_another_source(
    per_source: Mapping[str, DateClaim],
    frames: Sequence[EventClaim],
    dating: set[str],
    event: str,
) -> list[Candidate]:
    """One source dates an event (of ``frames``) that another source names with no date
    (no dated frame, not among the ``dating`` sources that attach an explicit date to it;
    a relative "today" its frame did not take is often no date of it): the date claim and
    the dated source's frame against that source's first frame of the event, whose
    sentence says what it gives instead ("the recent opening of ...")."""
    ((dated_source, date),) = per_source.items()
    if date.value is None:
        return []
    dated_frame = next(
        (f for f in sorted(frames, key=lambda f: f.id) if f.source == dated_source), None
    )
    cited = (date.id,) if dated_frame is None else (date.id, dated_frame.id)
    first_undated: dict[str, EventClaim] = {}
    dated = {f.source for f in frames if f.date is not None} | dating | {dated_source}
    for frame in sorted(frames, key=lambda f: (f.source, f.start, f.id)):
        if frame.source not in dated:
            first_undated.setdefault(frame.source, frame)
    return [
        Candidate(key=f"event-undated|{event}", claims=tuple(sorted((*cited, frame.id))))
        for _, frame in sorted(first_undated.items())
    ]


def _names_a_day(text: str) -> bool:
    """ "on Monday", "June 10", "March last year": a day or month an undated text names,
    to hold against the full date another source gives."""
    return any(named(text) is not None for named in (weekday_named, month_day_named, month_named))


def _plain(value: DateValue) -> DateValue:
    return value.model_copy(update={"relative": False}) if value.relative else value


_PAIRED_EVENT_TYPES = frozenset({"visit", "summit", "inauguration"})
# Visits are also paired by two of their people, when they have few.
MAX_VISIT_PARTIES = 4


def _align_event_pairs(
    frames: Sequence[EventClaim],
    events: Sequence[Event],
    contexts: Mapping[str, ClaimContext],
) -> list[Candidate]:
    """Events of one type at related places that the resolver kept apart: a reader may
    conflate them, so the report says what tells them apart. Each event is cited, per
    source, by its first frame with a place, and by the frame that gives its ordinal."""
    cited: dict[str, dict[str, list[EventClaim]]] = defaultdict(dict)
    for frame in sorted(frames, key=lambda f: (not f.place, f.start, f.id)):
        if frame.event and frame.value in _PAIRED_EVENT_TYPES:
            cited[frame.event].setdefault(frame.source, [frame])
    for frame in sorted(frames, key=lambda f: (f.start, f.id)):
        chosen = cited.get(frame.event or "", {}).get(frame.source)
        has_ordinal = contexts.get(frame.id, ClaimContext()).ordinal is not None
        if chosen is not None and has_ordinal and len(chosen) == 1 and chosen[0].id != frame.id:
            chosen.append(frame)
    blocks: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.place and any(f[0].place for f in cited.get(event.id, {}).values()):
            blocks[f"{event.type}|{place_key(event.place)}"].append(event)
            # A visit and the return visit: the same two people, in the other country.
            if event.type == "visit" and len(event.participants) <= MAX_VISIT_PARTIES:
                for pair in combinations(sorted(event.participants), 2):
                    blocks[f"visit|{'|'.join(pair)}"].append(event)
    candidates: list[Candidate] = []
    paired: set[tuple[str, str]] = set()
    for key, members in sorted(blocks.items()):
        if len(members) > MAX_PARTICIPANT_BLOCK:
            continue
        for left, right in combinations(members, 2):
            if set(left.sources) == set(right.sources) and len(left.sources) == 1:
                continue  # two events of one source: its own narrative, not a cross-check
            if (left.id, right.id) in paired:
                continue
            paired.add((left.id, right.id))
            claims = [
                frame.id
                for event in (left, right)
                for _, chosen in sorted(cited[event.id].items())[:3]
                for frame in chosen
            ]
            candidates.append(Candidate(key=f"event-pair|{key}", claims=tuple(sorted(claims))))
    return candidates


# --------------------------------------------------------------------------- independence


def _shingles(text: str) -> set[int]:
    """Hashes of 8-word windows, one in SHINGLE_SAMPLE kept (the same ones in every text,
    since the choice depends on the hash), so copied passages still share a fixed share."""
    words = _WORD.findall(text.lower())
    # The words are ASCII, so a window is a slice of the joined bytes: no join per window.
    joined = " ".join(words).encode()
    ends = list(accumulate(len(word) + 1 for word in words))  # past each word's space
    starts = [0, *ends]
    # crc32, not hash(): str hashes change from process to process, and so would the sample.
    crc32 = zlib.crc32
    hashes = (
        crc32(joined[start : end - 1])
        for start, end in zip(starts, ends[SHINGLE_WORDS - 1 :], strict=False)
    )
    return {h for h in hashes if h % SHINGLE_SAMPLE == 0}


def dependent_sources(sources: Sequence[Source]) -> list[tuple[str, str]]:
    """Pairs of sources that share long verbatim passages (syndicated or copied text)."""
    owners: dict[int, list[str]] = defaultdict(list)
    sizes: dict[str, int] = {}
    for source in sources:
        shingles = _shingles(source.text)
        sizes[source.id] = len(shingles)
        for shingle in shingles:
            owners[shingle].append(source.id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in owners.values():
        if 1 < len(ids) <= 20:
            for left, right in combinations(sorted(set(ids)), 2):
                shared[(left, right)] += 1
    # A shared sentence or two is quotation or boilerplate; a third of the shorter text is copy.
    return sorted(
        pair
        for pair, count in shared.items()
        if count
        >= max(DEPENDENT_SHARED_SHINGLES, DEPENDENT_SHARE * min(sizes[pair[0]], sizes[pair[1]]))
    )


def independent_count(sources: Iterable[str], dependent: Mapping[str, set[str]]) -> int:
    """How many groups of mutually independent sources the given sources form."""
    remaining = sorted(set(sources))
    groups = 0
    seen: set[str] = set()
    for source in remaining:
        if source in seen:
            continue
        groups += 1
        stack = [source]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(s for s in dependent.get(current, ()) if s in remaining)
    return groups
