"""Direct quotes and reported speech, attributed to a speaker.

Direct quotes come from pairing quote marks within a paragraph (a quote left
open at the end of a paragraph runs to its end; a new opening mark closes an
unclosed one, as in news copy that continues a quote). Reported speech is a
clause after a speech verb ("X stressed that ...", "X emphasised: ...") or
around "according to X". The span of a QuoteClaim is the quoted text itself,
without quote marks, so ``value == text``.

Speakers are the person/organisation mentions that ``entities`` found. "he"
and "she" resolve to the last speaker (of a matching gender when titles tell),
else to the last person mentioned.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimdiff.extract import ExtractionContext
from claimdiff.extract.datelines import find_dateline
from claimdiff.extract.lookup import Greatest
from claimdiff.gazetteer import (
    alternation,
    gender_of_titles,
    is_country_name,
    is_title_word,
    words,
)
from claimdiff.models import Mention, QuoteClaim, Record
from claimdiff.offices import office_relation

_VERB_WORDS = words(
    """said says say told tells added adds stressed stresses noted notes emphasised emphasized
    emphasises emphasizes underlined underscored stated states declared insisted warned
    explained argued claimed remarked continued asked replied responded announced wrote
    tweeted commented observed highlighted urged recalled concluded admitted acknowledged
    maintained suggested saying adding noting stressing emphasising emphasizing underlining
    warning insisting explaining arguing predicted predicts complained complains contend
    contends contended"""
) | {"pointed out", "went on"}
_VERBS = alternation(_VERB_WORDS)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_VERB_AT_END = re.compile(rf"\b(?:{_VERBS})\b(?:(?:\s+\S+){{0,4}}?\s*[:,])?\s*$")
# "warned last week that", "said on Monday that": a short time phrase may sit before "that".
_TIME_PHRASE = (
    r"(?:\s+(?:on|last|this|earlier|later|yesterday|today|tonight|in|at|during|privately|"
    r"publicly|repeatedly|again|also|previously|recently)(?:\s+[\w’']+){0,2}?)?"
)
_REPORTED = re.compile(rf"\b(?:{_VERBS})\b(?:{_TIME_PHRASE}\s+that\b|\s*:)?\s*")
# Participles that take a clause without "that" ("..., saying the talks went well"); others
# ("emphasising the importance of ...") usually take a noun phrase.
_PARTICIPLES = frozenset({"saying", "adding"})
# "according to Delta News, ..." cites where the story came from; it is not a statement.
_NEWS_OUTLET = re.compile(
    r"\b(?:News|Agency|Times|Post|Press|TV|Television|Radio|Journal|Herald|Gazette|Telegraph|"
    r"Tribune|Daily|Wire|Reuters|Broadcasting|Corporation)$"
)
# Verbs that attribute a quoted fragment later in the same sentence ("he called it a
# "disaster"", "she described the plan as "reckless"").
_FRAGMENT_VERB = re.compile(
    r"\b(?:"
    + alternation(_VERB_WORDS | words("called calls described describes accused branded"))
    + r")\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_PRONOUN_BEFORE = re.compile(
    r"\b(he|she|He|She|It|it)(?:\s+(?:also|later|then|again|further|earlier|has|had|[a-z]+ly))?"
    r"\s*$"
)
# A definite description as the subject of a speech verb: "the group said", "the news and
# data seller said", "our correspondent added". Group 1 is the head noun.
_DEFINITE_BEFORE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Oo]ur|[Ii]ts)\s+(?:[a-z][\w-]*\s+){0,4}?([a-z]+)"
    r"(?:\s+(?:also|has|have|had|later|then|again|further))*\s+$"
)
# Nouns that name an organisation in a definite description ("the company", "the union").
_ORGANISATION_NOUNS = words(
    """company firm group bank business carrier airline maker manufacturer producer retailer
    seller supplier operator giant union body agency organisation organization charity
    government ministry department party exchange bourse network broadcaster insurer lender
    chain conglomerate regulator watchdog institute council commission committee club
    association federation board authority newspaper paper publisher studio team"""
)
# Unnamed plural speakers: "Analysts said that ...", "Critics of the plan say ...".
_GENERIC_BEFORE = re.compile(
    r"(?:^|[.;:,]\s+(?:but\s+|and\s+|while\s+)?|(?<![\w,])(?:[Bb]ut|[Aa]nd|[Ww]hile)\s+)"
    r"(?:[A-Z]?[a-z]+\s+)?(?:[Aa]nalysts|[Cc]ritics|[Aa]dvocates|[Ee]xperts|[Oo]bservers|"
    r"[Oo]fficials|[Ee]conomists|[Ss]ources|[Ss]upporters|[Oo]pponents|[Cc]ampaigners|"
    r"[Ii]nsiders|[Dd]iplomats|[Rr]esidents|[Ww]itnesses|[Ii]nvestors|[Tt]raders|[Rr]esearchers|"
    r"[Ss]cientists|[Dd]octors|[Pp]olice|[Vv]illagers|[Ll]ocals|[Ss]urvivors|[Pp]rotesters|"
    r"[Pp]assengers|[Ss]tudents|[Ww]orkers|[Ff]armers|[Pp]arents|[Rr]escuers|[Aa]uthorities)"
    r"(?:\s+(?:of|at|for|in|from)\s+[\w\s’'-]{1,40}?)?(?:\s+(?:have|had|also|have\s+long))*\s+$"
)
# Apposition that puts a mention inside a description of an earlier person:
# "Ola Brenn, an analyst at Kestrel Bank, said" -- Brenn speaks, not the bank.
_APPOSITION_INSIDE = re.compile(
    r",\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,5}?(?:of|at|for|from|with|in)"
    r"\s+(?:the\s+)?$"
)
# An unnamed speaker set off by a comma: "..., a local official said", "..., one aide told".
_INDEFINITE_BEFORE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?\u201d\"]\s)|,\s+|\b(?:[Aa]nd|[Bb]ut)\s+)"
    r"(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*(?:\s+(?:also|later|has|had))?\s+$"
)
# An unnamed speaker after the verb: '"...," said a schoolteacher', '..., one resident said'.
_INDEFINITE_AFTER = re.compile(r"\s+(?:an?|one)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\b")
# The parties to talks as one speaker: "both sides said", "the two governments have said".
_BOTH_SIDES_BEFORE = re.compile(
    r"\b(?:[Bb]oth|[Tt]he\s+two)\s+(?:sides|parties|countries|governments|leaders|"
    r"presidents|ministers|delegations|companies|firms|teams)(?:\s+(?:have|had|also))*\s+$"
)
# Speech with no speaker at all: "It was noted that ...", "It has been stressed that ...".
_IMPERSONAL_BEFORE = re.compile(r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?$")
_TIME_START = re.compile(
    r"(?:earlier|later|yesterday|today|tonight|last|recently|previously|afterwards|"
    r"separately)\b"
)
_NOTING_VERBS = frozenset({"noted", "notes"})
_IMPERSONAL_VERB = re.compile(
    r"(?:said|stated|noted|stressed|emphasi[sz]ed|underlined|underscored|highlighted|"
    r"pointed out|added)\b"
)
_BARE_CLAUSE_VERBS = frozenset({"said", "says", "say", "added", "adds"})
_ADVERB_GAP = re.compile(
    r"\s+(?:(?:also|later|then|again|further|earlier|has|have|had|would|will|[a-z]+ly)\s+){0,2}"
)
_LEAD_GAP = re.compile(r"\s*(?:(?:the|The|by|a|an)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}$")
_QUOTE_MARKS = re.compile('[\u201c\u201d"\u2018\u2019]')
_PREPOSITION = re.compile(
    r"(?:in|on|at|during|after|before|to|by|with|from|for|of|while|when|as|about)\b", re.I
)
_SENTENCE_END = ".!?"
_MIN_WORDS = 4
_FRAMING_WORDS = 8
_ADJUNCT_START = re.compile(
    r"(?:in|on|at|by|before|after|within|over|during|until|for|from)\s", re.IGNORECASE
)
_SECOND_CLAUSE = re.compile(r"[\u201d\"\u2019']?,?\s+and\s+(?:(?:said|added)\s+)?that\s+")


@dataclass(slots=True)
class _Speech:
    start: int
    end: int
    direct: bool
    speaker: Mention | None
    pronoun: str | None
    attached: bool  # a speech verb is attached to the quote
    document: str | None = None  # "a joint statement said ...": the document, not a person


class _Speakers(list[Mention]):
    """Person and organisation mentions in text order, plus what anaphora resolve to."""

    def __init__(self, found: Sequence[Record]) -> None:
        mentions = sorted(
            (r for r in found if isinstance(r, Mention)), key=lambda m: (m.start, m.end)
        )
        super().__init__(
            m for m in mentions if m.entity_kind in ("person", "organization") or _titled_name(m)
        )
        counts: dict[str, int] = {}
        for mention in mentions:
            counts[mention.name] = counts.get(mention.name, 0) + 1
        # "the company said" refers back to an organisation; a name of unknown kind that the
        # document repeats ("Vexa" five times) is one too, more likely than a passing word.
        self.organisations = [
            m
            for m in mentions
            if m.via != "role"
            and (
                m.entity_kind == "organization"
                or (m.entity_kind == "other" and counts[m.name] > 1 and m.via == "name")
            )
        ]
        self.starts = [m.start for m in self]
        # "The United States said it would ...": a country speaks for its government.
        self.countries = {
            m.end: m for m in mentions if m.entity_kind == "place" and is_country_name(m.name)
        }
        self._last: dict[tuple[str, str], Greatest] = {}
        # Names taken for places (not countries), by where they start: '"...," said X' makes
        # X a speaker whatever kind of name X was taken for ("Park", "Hall" are surnames too).
        self._names = {
            m.start: m
            for m in mentions
            if m.via == "name" and m.entity_kind == "place" and not is_country_name(m.name)
        }

    def place_name_at(self, text: str, position: int) -> Mention | None:
        """The name taken for a place that starts at ``position``, past white space."""
        while position < len(text) and text[position] in " \t":
            position += 1
        return self._names.get(position)

    def _last_before(
        self,
        position: int,
        key: tuple[str, str],
        among: list[Mention],
        wanted: Callable[[Mention], bool],
    ) -> Mention | None:
        """The last of ``among`` (in its order) that is ``wanted`` and ends by ``position``."""
        index = self._last.get(key)
        if index is None:
            index = Greatest((m.end, i) for i, m in enumerate(among) if wanted(m))
            self._last[key] = index
        found = index.at_most(position)
        return None if found is None else among[found]

    def organisation_before(self, position: int, head: str | None = None) -> Mention | None:
        """The last organisation named before ``position``; one whose name has ``head`` first."""
        organisations = self.organisations
        if head is not None:
            named = self._last_before(
                position, ("head", head), organisations, lambda m: head in m.name.lower().split()
            )
            if named is not None:
                return named
        for kind in ("organization", "other"):
            found = self._last_before(position, ("kind", kind), organisations, _of_kind(kind))
            if found is not None:
                return found
        return None

    def titled_before(self, position: int, noun: str) -> Mention | None:
        """The last person before ``position`` whose title or role has ``noun`` in it."""
        return self._last_before(
            position,
            ("title", noun),
            self,
            lambda m: (
                m.entity_kind == "person"
                and noun in " ".join((*m.titles, m.role or "")).lower().split()
            ),
        )


def _titled_name(mention: Mention) -> bool:
    """A name of no known kind that opens with a title ("Chairman ABC Lt Gen Ivo Rask")."""
    words = mention.name.split()
    return (
        mention.entity_kind == "other"
        and mention.via == "name"
        and len(words) >= 3
        and is_title_word(words[0])
    )


def _of_kind(kind: str) -> Callable[[Mention], bool]:
    return lambda mention: mention.entity_kind == kind


def extract_quotes(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    text = context.text
    speakers = _Speakers(found)
    directs = [_attribute(context, s, e, speakers) for s, e in _direct_quotes(text)]
    quoted = [
        (s.start, s.end)
        for s in directs
        if s.attached or len(text[s.start : s.end].split()) >= _MIN_WORDS
    ]
    reported = _reported(context, speakers, quoted)
    wrappers: set[int] = set()
    extra: list[_Speech] = []
    for direct in directs:
        for index, clause in enumerate(reported):
            if not (clause.start <= direct.start and direct.end <= clause.end + 1):
                continue
            if direct.speaker is None and direct.pronoun is None:
                direct.speaker, direct.pronoun = clause.speaker, clause.pronoun
                direct.document = clause.document
                direct.attached = True
            # 'X said the plan was "a false economy"': the quote is the claim; a clause that
            # only frames it (the quote opens within its first words) is not a second one.
            framing = len(text[clause.start : direct.start].split())
            # 'X said he wanted it to reach $1bn "in the next three years"': a quote that
            # opens with a preposition only adds to a clause that is complete without it.
            adjunct = framing >= _MIN_WORDS and _ADJUNCT_START.match(text, direct.start)
            if framing <= _FRAMING_WORDS and not adjunct:
                wrappers.add(index)
                # '... that teams were "working hard" and that the army had joined': the
                # second reported clause is a claim of its own.
                second = _SECOND_CLAUSE.match(text, direct.end, clause.end)
                if second is not None and len(text[second.end() : clause.end].split()) >= 3:
                    extra.append(
                        _Speech(
                            second.end(),
                            clause.end,
                            False,
                            clause.speaker,
                            clause.pronoun,
                            True,
                            clause.document,
                        )
                    )
    reported = [clause for index, clause in enumerate(reported) if index not in wrappers]
    reported.extend(extra)
    events = sorted(directs + reported, key=lambda s: s.start)
    records: list[Record] = []
    last: Mention | None = None
    last_end = -1
    genders: dict[str, str] = {}
    for mention in speakers:
        gender = gender_of_titles(mention.titles)
        if gender:
            genders.setdefault(mention.name, gender)
    persons = [
        m
        for m in speakers
        if (m.entity_kind == "person" or _titled_name(m))
        and not any(s <= m.start < e for s, e in quoted)
    ]
    for event in events:
        speaker = event.speaker
        if speaker is None and event.pronoun in ("he", "she"):
            speaker = _resolve_pronoun(event, last, last_end, persons, genders)
        # An unattributed quote right after someone spoke continues them.
        if (
            speaker is None
            and event.pronoun is None
            and event.direct
            and last is not None
            and _sentences_between(context, last_end, event.start) <= 1
        ):
            speaker = last
        if speaker is not None:
            speaker = _holder_named_before(speakers, speaker)
        value = text[event.start : event.end]
        if event.direct and len(value.split()) < _MIN_WORDS and not event.attached:
            continue
        if speaker is not None:
            # The attribution may follow the quote: the speaker's turn ends with the sentence.
            turn_end = context.sentence_bounds(event.end - 1, event.end)[1]
            if speaker.entity_kind == "person" or _titled_name(speaker):
                last = speaker
            last_end = turn_end
        records.append(
            QuoteClaim(
                **context.span_fields("quote", event.start, event.end),
                subject=speaker.id if speaker else None,
                predicate="said",
                attributed_to=speaker.name if speaker else event.document,
                value=value,
                direct=event.direct,
            )
        )
    return records


def _holder_named_before(speakers: _Speakers, mention: Mention) -> Mention:
    """ "the Prime Minister noted": a bare title the document left unresolved speaks for the
    one person it has named with that office so far; with two such people, for neither."""
    if mention.via != "role" or mention.role is None or mention.name != mention.role:
        return mention
    holders = [
        m
        for m in speakers[: bisect_left(speakers.starts, mention.start)]
        if m.via == "name"
        and m.entity_kind == "person"
        and m.role
        and office_relation(m.role, mention.role) != "different"
    ]
    return holders[-1] if len({m.name for m in holders}) == 1 else mention


# --------------------------------------------------------------------------- direct quotes


def _direct_quotes(text: str) -> list[tuple[int, int]]:
    """Inner spans of quotes, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        _quotes_in_line(text, position, position + len(line), spans)
        position += len(line) + 1
    return spans


def _quotes_in_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    open_at: int | None = None
    open_char = ""
    for match in _QUOTE_MARKS.finditer(text, start, end):
        mark, p = match.group(), match.start()
        before = text[p - 1] if p > start else " "
        after = text[p + 1] if p + 1 < end else " "
        if mark in "\u2018\u2019":
            if open_char == '"':
                continue  # single quotes inside a double quote
            if mark == "\u2018" and open_at is None and (before.isspace() or before in "(\u201c"):
                open_at, open_char = p + 1, "'"
            elif mark == "\u2019" and open_char == "'" and not after.isalnum():
                _add(text, open_at, p, spans, minimum=6)
                open_at, open_char = None, ""
            continue
        if mark == "\u201c":
            opening = True
        elif mark == "\u201d":
            opening = False
        elif before.isspace() or before in "([{\u2014\u2013-:;/" or p == start:
            opening = True
        elif after.isspace() or after in ".,;:!?)]}\u2014\u2013-" or p + 1 >= end:
            opening = False
        else:
            opening = open_at is None
        if opening:
            if open_at is not None and open_char == '"':
                _add(text, open_at, p, spans)  # a new quote closes an unclosed one
            open_at, open_char = p + 1, '"'
        elif open_at is not None and open_char == '"':
            _add(text, open_at, p, spans)
            open_at, open_char = None, ""
    if open_at is not None and open_char == '"':
        _add(text, open_at, end, spans)


def _add(
    text: str, start: int | None, end: int, spans: list[tuple[int, int]], minimum: int = 1
) -> None:
    if start is None:
        return
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and len(text[start:end].split()) >= minimum:
        spans.append((start, end))


def _attribute(context: ExtractionContext, start: int, end: int, speakers: _Speakers) -> _Speech:
    text = context.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    close = end + 1 if end < len(text) and text[end] in '\u201d"\u2019' else end
    # After the quote: '..." he said', '..." said X', '..." X added', '..." according to X'.
    window = text[close : min(line_end, close + 120)]
    mark = _QUOTE_MARKS.search(window)
    if mark:
        window = window[: mark.start()]
    head = window.lstrip(" ,.!?;")
    offset = close + (len(window) - len(head))
    inner_last = text[end - 1] if end > start else ""
    continues = inner_last in ",\u2014\u2013-:" or head[:1].islower()
    according = _ACCORDING.match(head) if continues else None
    if according:
        speaker = _mention_after(text, offset + according.end(), speakers, 60)
        if speaker is not None:
            return _Speech(start, end, True, speaker, None, True)
    verb = _VERB.search(head) if continues else None
    if verb and verb.start() <= 60 and not any(c in head[: verb.start()] for c in "\u201c\u201d"):
        prefix = head[: verb.start()]
        # '"...," said X': a name right after a verb that follows the quote is the speaker,
        # even one taken for a place.
        named = speakers.place_name_at(text, offset + verb.end()) if not prefix.strip() else None
        # ... but not a place that qualifies who follows: 'said London race director X'.
        if named is not None and _NAME_ENDS.match(text, named.end):
            return _Speech(start, end, True, named, None, True)
        if "." not in prefix.rstrip(". ") or prefix.count(".") <= 2:
            speech = _speaker_at_verb(
                text, offset + verb.start(), offset + verb.end(), close, speakers
            )
            if speech is None and _INDEFINITE_AFTER.match(text, offset + verb.end()):
                speech = None, "they"  # '"...," said a teacher in the village.'
            if speech is not None:
                speaker, pronoun = speech
                return _Speech(start, end, True, speaker, pronoun, True)
    # Before the quote: 'X said: "...', 'He added, "...', 'According to X: "...'.
    opening = start - 1 if start > 0 and text[start - 1] in '\u201c"\u2018' else start
    sentence_start, _ = context.sentence_bounds(max(line_start, opening - 1), opening)
    before = text[max(line_start, sentence_start, opening - 200) : opening]
    base = opening - len(before)
    lead = _VERB_AT_END.search(before)
    if lead:
        verb = _VERB.search(before, lead.start())
        assert verb is not None
        speech = _speaker_at_verb(text, base + verb.start(), base + verb.end(), opening, speakers)
        if speech is None:
            subject_start = max(line_start, sentence_start)
            speech = _sentence_subject(text, subject_start, base + verb.start(), speakers)
        if speech is not None:
            return _Speech(start, end, True, speech[0], speech[1], True)
    according = _ACCORDING.search(before)
    if according and before.rstrip().endswith((":", ",")):
        speaker = _mention_after(text, base + according.end(), speakers, 60)
        if speaker is not None:
            return _Speech(start, end, True, speaker, None, True)
    document = _DOCUMENT_PARTICIPLE.search(before)
    if document is not None:
        return _Speech(start, end, True, None, "they", True, _document_label(document))
    # A fragment later in the sentence: 'He called for measures to "support us all"',
    # 'Lund warned the "costs could outweigh the gains"'.
    fragments = list(_FRAGMENT_VERB.finditer(before))
    fragment = fragments[-1] if fragments else None
    if fragment is not None and not _QUOTE_MARKS.search(before, fragment.end()):
        speech = _speaker_at_verb(
            text, base + fragment.start(), base + fragment.end(), opening, speakers
        )
        if speech is not None and (speech[0] is None or speech[0].start < base + fragment.start()):
            return _Speech(start, end, True, speech[0], speech[1], True)
    return _Speech(start, end, True, None, None, False)


_NAME_ENDS = re.compile(r"\s*(?:[,.;:!?\u201d\"]|$)")


def _speaker_at_verb(
    text: str, verb_start: int, verb_end: int, limit: int, speakers: _Speakers
) -> tuple[Mention | None, str | None] | None:
    """The speaker of a speech verb: a mention or pronoun before it, or a mention after it.

    A pronoun comes back as ``(None, "he")``; unnamed plural speakers ("analysts said") as
    ``(None, "they")``, which nothing resolves.
    """
    if _IMPERSONAL_BEFORE.search(text, max(0, verb_start - 30), verb_start):
        # "It was announced that ..." reports a decision; "It was noted that ..." a statement.
        return (None, "they") if _IMPERSONAL_VERB.match(text, verb_start) else None
    pronoun = _PRONOUN_BEFORE.search(text, max(0, verb_start - 20), verb_start)
    if pronoun:
        word = pronoun.group(1).lower()
        if word != "it":
            return None, word
        organisation = speakers.organisation_before(pronoun.start())
        return (organisation, None) if organisation is not None else None
    before = _mention_before(text, verb_start, speakers, max(0, verb_start - 160))
    if before is not None:
        return before, None
    country = _country_subject(text, verb_start, speakers)
    if country is not None:
        return country, None
    definite = _DEFINITE_BEFORE.search(text, max(0, verb_start - 80), verb_start)
    if definite:
        head = definite.group(1)
        if head in _ORGANISATION_NOUNS:
            organisation = speakers.organisation_before(definite.start(), head)
            if organisation is not None:
                return organisation, None
        else:
            person = speakers.titled_before(definite.start(), head)
            if person is not None:
                return person, None
    if _GENERIC_BEFORE.search(text, max(0, verb_start - 80), verb_start):
        return None, "they"
    if _INDEFINITE_BEFORE.search(text, max(0, verb_start - 80), verb_start):
        return None, "they"
    if _BOTH_SIDES_BEFORE.search(text, max(0, verb_start - 40), verb_start):
        return None, "they"
    after = _mention_after(text, verb_end, speakers, 50)
    if after is not None:
        return after, None
    del limit
    return None


_SENTENCE_OPENING = re.compile(r"(?:^|(?<=[.!?\n])\s*|(?<=[.!?][\"\u201d’])\s*)(?:[Tt]he\s+)?$")


def _country_subject(text: str, verb_start: int, speakers: _Speakers) -> Mention | None:
    """A country that opens the sentence right before the speech verb ("Britain said ...")."""
    for end in range(verb_start, max(0, verb_start - 40) - 1, -1):
        country = speakers.countries.get(end)
        if country is None or not _ADVERB_GAP.fullmatch(text, end, verb_start):
            continue
        if _SENTENCE_OPENING.search(text, max(0, country.start - 6), country.start):
            return country
    return None


def _mention_before(text: str, position: int, speakers: _Speakers, floor: int) -> Mention | None:
    """The mention that is the subject of a verb at ``position`` ("X said", "X, the ..., said")."""
    best = -1
    # Mentions that start after ``position`` end after it too: start at the last one that may not.
    for index in range(bisect_right(speakers.starts, position) - 1, -1, -1):
        mention = speakers[index]
        if mention.end > position:
            continue
        if mention.start < floor:
            break
        gap = text[mention.end : position]
        if gap.startswith(")"):  # "the Port Authority (PA) said": the acronym in brackets
            gap = gap[1:]
        if _ADVERB_GAP.fullmatch(gap) or gap == "":
            return _outer_subject(text, speakers, index)
        stripped = _TRAILING_AUXILIARY.sub("", gap).strip()
        if stripped.startswith(",") and stripped.endswith(",") and len(stripped.split()) <= 14:
            best = index  # apposition: keep looking for an earlier, outer subject
            continue
        if best >= 0 or any(c in gap for c in '.!?\u201c\u201d"'):
            break
    return _named_role(text, speakers, _outer_subject(text, speakers, best)) if best >= 0 else None


def _named_role(text: str, speakers: _Speakers, mention: Mention) -> Mention:
    """ "Norway's trade minister, Ida Berg, said": the person named after the role speaks."""
    if mention.via != "role":
        return mention
    index = bisect_left(speakers.starts, mention.end)
    if index < len(speakers):
        person = speakers[index]
        if (
            person.entity_kind == "person"
            and person.via == "name"
            and re.fullmatch(r",\s+", text[mention.end : person.start])
            and text.startswith(",", person.end)
        ):
            return person
    return mention


_TRAILING_AUXILIARY = re.compile(r"(?:\s+(?:has|have|had|also|would|will))+\s*$")


def _outer_subject(text: str, speakers: _Speakers, index: int) -> Mention:
    """A mention inside an apposition ("X, an analyst at Y Bank") yields the person it describes."""
    mention = speakers[index]
    for earlier in range(index - 1, max(-1, index - 4), -1):
        person = speakers[earlier]
        if person.entity_kind != "person" or mention.start - person.end > 80:
            continue
        if _APPOSITION_INSIDE.fullmatch(text, person.end, mention.start):
            return person
        break
    return mention


def _mention_after(text: str, position: int, speakers: _Speakers, reach: int) -> Mention | None:
    for index in range(bisect_left(speakers.starts, position), len(speakers)):
        mention = speakers[index]
        if mention.start < position:
            continue
        if mention.start > position + reach:
            break
        gap = text[position : mention.start]
        if _LEAD_GAP.fullmatch(gap):
            return _described_person(text, speakers, mention)
        if mention.titles and _TITLED_GAP.fullmatch(gap):
            return mention  # "said farm affairs correspondent Jo Hale"
        break
    return None


_DESCRIPTOR = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,4}")
_TITLED_GAP = re.compile(r"\s*(?:[a-z][\w-]*\s+){1,5}")


def _described_person(text: str, speakers: _Speakers, mention: Mention) -> Mention:
    """ "ABC farm affairs correspondent Jo Hale": the person, not the affiliation."""
    if mention.entity_kind == "person":
        return mention
    for person in speakers:
        if person.start <= mention.end:
            continue
        if person.entity_kind == "person" and _DESCRIPTOR.fullmatch(
            text, mention.end, person.start
        ):
            return person
        break
    return mention


def _resolve_pronoun(
    event: _Speech,
    last: Mention | None,
    last_end: int,
    persons: list[Mention],
    genders: dict[str, str],
) -> Mention | None:
    """The last speaker, unless a person was named since (of the pronoun's gender)."""
    wanted = "f" if event.pronoun == "she" else "m"
    for mention in reversed(persons):
        if mention.end > event.start:
            continue
        if mention.start < last_end:
            break
        subject = mention.start - mention.sentence_start <= 40
        if subject and genders.get(mention.name, wanted) == wanted:
            return mention
    if last is not None and genders.get(last.name, wanted) == wanted:
        return last
    for mention in reversed(persons):
        if mention.end <= event.start and genders.get(mention.name, wanted) == wanted:
            return mention
    return last


def _sentences_between(context: ExtractionContext, a: int, b: int) -> int:
    if a < 0:
        return 99
    return sum(1 for s in context.sentences if a <= s.start < b - 1)


# --------------------------------------------------------------------------- reported speech


def _reported(
    context: ExtractionContext, speakers: _Speakers, quoted: list[tuple[int, int]]
) -> list[_Speech]:
    text = context.text
    found: list[_Speech] = []

    def inside_quote(a: int, b: int) -> bool:
        return any(s - 1 <= a <= e + 1 for s, e in quoted)

    # One scan of the whole text for speech verbs; most sentences have none.
    verbs = [m.start() for m in _VERB.finditer(text)]
    for sentence in context.sentences:
        s_start, s_end = sentence.start, sentence.end
        body_end = s_end
        while body_end > s_start and text[body_end - 1] in _SENTENCE_END + ' "”’':
            body_end -= 1
        if body_end - s_start < 10:
            continue
        at = bisect_left(verbs, s_start)
        has_verb = at < len(verbs) and verbs[at] < body_end
        speech = (_verb_clause(text, s_start, body_end, speakers) if has_verb else None) or (
            _according(text, s_start, body_end, speakers)
            if text.find("ccording to", s_start, body_end) >= 0
            else None
        )
        if speech is None or inside_quote(speech.start, speech.end):
            continue
        if len(text[speech.start : speech.end].split()) < _MIN_WORDS:
            continue
        found.append(speech)
    return found


def _verb_clause(text: str, start: int, end: int, speakers: _Speakers) -> _Speech | None:
    for verb in _REPORTED.finditer(text, start, end):
        verb_start = verb.start()
        word_end = _VERB.match(text, verb_start)
        assert word_end is not None
        word = word_end.group()
        after_comma = text.endswith(", ", start, verb_start)
        that_follows = re.match(r"\s*(?:that\b|:)", text[word_end.end() : word_end.end() + 6])
        described_after = False
        document = None
        if word.endswith("ing") and after_comma:
            # "X met Y, saying ...": the participle's subject is the sentence's subject.
            if word not in _PARTICIPLES and not that_follows:
                continue
            speech = _sentence_subject(text, start, verb_start, speakers)
        else:
            document = _DOCUMENT_BEFORE.search(text, max(start, verb_start - 80), verb_start)
            speech = (
                (None, "they")
                if document
                else _speaker_at_verb(text, verb_start, word_end.end(), end, speakers)
            )
            if speech in (None, (None, "they")):
                # "In a statement, the company said": the company speaks; only speakers left
                # unnamed ("the leaders") leave the words to the document.
                document = document or _DOCUMENT_OPENING.match(text, start, verb_start)
                speech = (None, "they") if document else speech
            if speech is None and after_comma:
                # "..., said our correspondent." -- a definite description after the verb.
                speech = _definite_after(text, word_end.end(), speakers)
                described_after = speech is not None
            if speech is None and that_follows:
                # "X praised ... and stressed that ...".
                speech = _sentence_subject(text, start, verb_start, speakers)
        if speech is None:
            continue
        speaker, pronoun = speech
        label = _document_label(document) if document else None
        if speaker is not None and speaker.start > verb_start and not after_comma:
            continue  # "said X" without quotes is rarely a clause
        clause = verb.end()
        # "..., officials said on Thursday, as rescuers ...": nothing is reported after the verb.
        source_last = (
            _SOURCE_LAST.match(text, word_end.end(), end) is not None
            or (word in _TOLD and _TOLD_SOURCE_LAST.match(text, word_end.end(), end) is not None)
        ) and not _QUOTE_FOLLOWS.match(text, word_end.end(), end)
        if (
            clause >= end
            or source_last
            or described_after
            or (speaker is not None and speaker.start > verb_start)
        ):
            # "Good agreements were signed ..., he noted." -- the clause comes first.
            comma = text.rfind(",", start, verb_start)
            subject_words = len(text[comma + 1 : verb_start].split())
            # "X, president of Y, said, ...": with the subject before the comma, the words
            # before it are no clause.
            subject_first = (
                subject_words == 0
                and not described_after
                and speaker is not None
                and speaker.end <= comma
            )
            if comma > start and subject_words <= 8 and not subject_first:
                dateline = find_dateline(text)
                opening = dateline.end if dateline and start <= dateline.start < comma else start
                return _Speech(opening, comma, False, speaker, pronoun, True, label)
            continue
        marker = text[word_end.end() : clause]
        if word in _TOLD and "that" not in marker and ":" not in marker:
            # "X told reporters (that) the railway could ...": the listener comes first.
            listener = _TOLD_THAT.match(text, word_end.end(), end)
            if listener is None:
                listener = _TOLD_NAMED.match(text, word_end.end(), end)
                if (
                    listener is None
                    or _NO_CLAUSE_START.match(text, listener.end(), end)
                    or _QUOTE_FOLLOWS.match(text, listener.end(), end)
                ):
                    continue
            return _Speech(listener.end(), end, False, speaker, pronoun, True, label)
        if "that" not in marker and ":" not in marker:
            if word in _NOTING_VERBS and speaker is not None and text.startswith("the ", clause):
                # "X noted the steady growth of trade between the two countries": what a
                # named speaker notes is his statement.
                return _Speech(clause, end, False, speaker, pronoun, True, label)
            if word not in _BARE_CLAUSE_VERBS and word not in _PARTICIPLES:
                continue
            if text[clause] in '\u201c"' or _TIME_START.match(text, clause):
                continue  # 'said: "...', 'said earlier on the radio'
            if _PREPOSITION.match(text, clause):
                that = text.find(" that ", clause, end)
                if that < 0:
                    continue
                clause = that + 6
        return _Speech(clause, end, False, speaker, pronoun, True, label)
    return None


# What may follow a speech verb that ends the attribution: a time, a place or a means
# ("said on Thursday", "said in a statement", "said by phone"), then a comma or the end.
_AFTER_VERB_PHRASE = (
    r"(?:\s+(?:on|in|at|by|late|early|last|this|yesterday|today|tonight|earlier|later|"
    r"afterwards|after|during|via|through)\b(?:\s+[\w’'-]+){0,3}?)?"
)
_SOURCE_LAST = re.compile(rf"{_AFTER_VERB_PHRASE}\s*(?:,|$)")
_TOLD = frozenset({"told", "tells"})
# The listener of "told": "reporters", "the BBC", "a news conference", "Meridian News".
_NAMED_LISTENER = (
    r"\s+(?:reporters|journalists|correspondents|lawmakers|legislators|parliament|MPs|"
    r"him|her|them|us|me|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
)
_LISTENER = rf"(?:{_NAMED_LISTENER}|\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)"
_TOLD_SOURCE_LAST = re.compile(rf"{_LISTENER}{_AFTER_VERB_PHRASE}\s*(?:,|$)")
# "told a business forum in Lyon that ...", else "told reporters the plan ..." (no "that").
_TOLD_THAT = re.compile(rf"{_LISTENER}{_TIME_PHRASE}\s+that\s+")
# A possessive listener names a programme next ("told BBC Radio Four's the World at One").
_TOLD_NAMED = re.compile(rf"{_NAMED_LISTENER}(?<![’']s)\s+(?=[a-z])")
_QUOTE_FOLLOWS = re.compile(r"[^\u201c\"]{0,40}?[,:]\s*[\u201c\"]")
# Words that cannot open a reported clause after "told X": an infinitive, a question word,
# a preposition, a quote mark or punctuation ("told him to leave", "told reporters in X").
_NO_CLAUSE_START = re.compile(
    r"(?:to|about|of|in|on|at|by|for|with|from|during|after|before|where|when|why|how|"
    r"what|which|who|whom|whether|if|and|but|or|so|as|the\s+(?:news|story))\b|[\W]"
)


_DEFINITE_AFTER = re.compile(r"\s+(?:our|the)\s+(?:[a-z][\w-]*\s+){0,3}?([a-z]+)\s*[.,;]")


def _definite_after(
    text: str, position: int, speakers: _Speakers
) -> tuple[Mention | None, str | None] | None:
    match = _DEFINITE_AFTER.match(text, position)
    if match is None:
        return None
    head = match.group(1)
    if head in _ORGANISATION_NOUNS:
        found = speakers.organisation_before(position, head)
    else:
        found = speakers.titled_before(position, head)
    return (found, None) if found is not None else None


_SUBJECT_PRONOUN = re.compile(r"(?:[A-Z][a-z]+,\s+)?(He|She)\b")


def _sentence_subject(
    text: str, start: int, verb_start: int, speakers: _Speakers
) -> tuple[Mention | None, str | None] | None:
    """The subject that opens the sentence, for "X praised ... and stressed: ..."."""
    pronoun = _SUBJECT_PRONOUN.match(text, start, verb_start)
    if pronoun:
        return None, pronoun.group(1).lower()
    for mention in speakers:
        if mention.start < start:
            continue
        if mention.start > start + 120 or mention.end >= verb_start:
            return None
        lead = text[start : mention.start]
        # "In this meeting, which the President attended, X said": a mention inside an
        # opening clause (an odd number of commas before it, or after "which") is not it.
        if lead.count(",") % 2 == 0 and not _RELATIVE.search(lead.rsplit(",", 1)[-1]):
            after_clause = _AFTER_OPENING_CLAUSE.search(lead) is not None
            return (mention, None) if mention.start <= start + 40 or after_clause else None
    return None


_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|where|when)\b")
_AFTER_OPENING_CLAUSE = re.compile(r",\s+(?:(?:the\s+)?[A-Z][\w.’'-]*\s+){0,3}$")


# A document as the source of a statement: "a joint statement issued after the talks said",
# "according to the final communique". Group 1 names it.
_DOCUMENT = (
    r"(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[\w-]+\s+){0,2}?"
    r"(?i:statement|communiqu[eé]|declaration|resolution|press\s+release))"
)
_DOCUMENT_BEFORE = re.compile(
    rf"(?<![\w-]){_DOCUMENT}(?:\s+(?:issued|released|published|adopted|signed|read\s+out)\b"
    r"(?:\s+[\w’'-]+){0,5}?)?(?:\s+(?:also|has|had))?\s+$"
)
_DOCUMENT_AFTER = re.compile(_DOCUMENT)
# "In their final communique, the leaders said ...": what the sentence reports is the text the
# parties issued together ("In a statement, the club said" stays the club's, unresolved).
_JOINT_DOCUMENT = (
    r"(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[\w-]+\s+){0,2}?(?i:communiqu[eé]|declaration))"
)
_DOCUMENT_OPENING = re.compile(
    rf"\s*(?:[Ii]n|[Uu]nder)\s+{_JOINT_DOCUMENT}\s*,\s+(?:[\w’'-]+\s+){{1,5}}?(?:also\s+)?$"
)
# 'issued a communique pledging to "..."', 'a statement saying "..."': the document speaks.
_DOCUMENT_PARTICIPLE = re.compile(
    rf"(?<![\w-]){_DOCUMENT}\s+(?:saying|stating|pledging|vowing|promising|declaring|urging"
    r"|calling\s+for|committing\s+(?:it|them)sel(?:f|ves)\s+to)(?:\s+(?:to|that))?\s*$"
)


def _document_label(match: re.Match[str]) -> str:
    """ "Joint Statement", "joint  statement" -> "joint statement"."""
    return " ".join(match.group(1).lower().split())


# "according to official figures", "according to preliminary estimates": no one named.
_UNNAMED_FIGURES = re.compile(
    r"(?:[a-z][\w-]*\s+){0,3}(?:figures|data|estimates|statistics|sources|reports|officials|"
    r"counts|tallies)\b"
)


def _according(text: str, start: int, end: int, speakers: _Speakers) -> _Speech | None:
    match = _ACCORDING.search(text, start, end)
    if match is None:
        return None
    unnamed = _UNNAMED_FIGURES.match(text, match.end(), end)
    if unnamed is not None and match.start() > start:
        comma = text.rfind(",", start, match.start())
        if comma > start and text[comma : match.start()].strip() == ",":
            return _Speech(start, comma, False, None, "they", True)
        return None
    document = _DOCUMENT_AFTER.match(text, match.end(), end)
    if document is not None:
        if match.start() != start or not text.startswith(",", document.end()):
            return None
        opening = document.end() + 1 + (text[document.end() + 1 : document.end() + 2] == " ")
        return _Speech(opening, end, False, None, "they", True, _document_label(document))
    speaker = _mention_after(text, match.end(), speakers, 40)
    pronoun = None
    if speaker is None or _NEWS_OUTLET.search(speaker.name):
        return None
    if match.start() == start:
        comma = text.find(",", speaker.end, end)
        if comma < 0:
            return None
        return _Speech(
            comma + 1 + (text[comma + 1 : comma + 2] == " "), end, False, speaker, pronoun, True
        )
    comma = text.rfind(",", start, match.start())
    if comma < 0 or text[comma : match.start()].strip() != ",":
        return None
    return _Speech(start, comma, False, speaker, pronoun, True)
