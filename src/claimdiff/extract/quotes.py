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
from collections.abc import Sequence
from dataclasses import dataclass

from claimdiff.extract import ExtractionContext
from claimdiff.gazetteer import gender_of_titles
from claimdiff.models import Mention, QuoteClaim, Record

_VERBS = (
    "said|says|say|told|tells|added|adds|stressed|stresses|noted|notes|emphasised|emphasized|"
    "emphasises|emphasizes|underlined|underscored|stated|states|declared|insisted|warned|"
    "explained|argued|claimed|remarked|continued|asked|replied|responded|announced|wrote|"
    "tweeted|commented|observed|highlighted|urged|recalled|concluded|admitted|acknowledged|"
    "maintained|suggested|pointed out|went on|saying|adding|noting|stressing|emphasising|"
    "emphasizing|underlining|warning|insisting|explaining|arguing"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_VERB_AT_END = re.compile(rf"\b(?:{_VERBS})\b(?:(?:\s+\S+){{0,4}}?\s*[:,])?\s*$")
_REPORTED = re.compile(rf"\b(?:{_VERBS})\b(?:\s+that\b|\s*:)?\s*")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_PRONOUN_BEFORE = re.compile(
    r"\b(he|she|He|She)(?:\s+(?:also|later|then|again|further|earlier|[a-z]+ly))?\s*$"
)
_BARE_CLAUSE_VERBS = frozenset({"said", "says", "say", "added", "adds"})
_ADVERB_GAP = re.compile(r"\s+(?:(?:also|later|then|again|further|earlier|[a-z]+ly)\s+)?")
_LEAD_GAP = re.compile(r"\s*(?:(?:the|The|by)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}$")
_QUOTE_MARKS = re.compile('[\u201c\u201d"\u2018\u2019]')
_PREPOSITION = re.compile(
    r"(?:in|on|at|during|after|before|to|by|with|from|for|of|while|when|as|about)\b", re.I
)
_SENTENCE_END = ".!?"
_MIN_WORDS = 4


@dataclass(slots=True)
class _Speech:
    start: int
    end: int
    direct: bool
    speaker: Mention | None
    pronoun: str | None
    attached: bool  # a speech verb is attached to the quote


def extract_quotes(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    text = context.text
    speakers = sorted(
        (
            r
            for r in found
            if isinstance(r, Mention) and r.entity_kind in ("person", "organization")
        ),
        key=lambda m: (m.start, m.end),
    )
    directs = [_attribute(context, s, e, speakers) for s, e in _direct_quotes(text)]
    quoted = [
        (s.start, s.end)
        for s in directs
        if s.attached or len(text[s.start : s.end].split()) >= _MIN_WORDS
    ]
    reported = _reported(context, speakers, quoted)
    for direct in directs:
        if direct.speaker is None and direct.pronoun is None:
            for clause in reported:
                if clause.start <= direct.start and direct.end <= clause.end + 1:
                    direct.speaker, direct.pronoun = clause.speaker, clause.pronoun
                    direct.attached = True
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
        if m.entity_kind == "person" and not any(s <= m.start < e for s, e in quoted)
    ]
    for event in events:
        speaker = event.speaker
        if speaker is None and event.pronoun is not None:
            speaker = _resolve_pronoun(event, last, last_end, persons, genders)
        # An unattributed quote right after someone spoke continues them.
        if (
            speaker is None
            and event.direct
            and last is not None
            and _sentences_between(context, last_end, event.start) <= 1
        ):
            speaker = last
        value = text[event.start : event.end]
        if event.direct and len(value.split()) < _MIN_WORDS and not event.attached:
            continue
        if speaker is not None:
            # The attribution may follow the quote: the speaker's turn ends with the sentence.
            turn_end = context.sentence_bounds(event.end - 1, event.end)[1]
            if speaker.entity_kind == "person":
                last = speaker
            last_end = turn_end
        records.append(
            QuoteClaim(
                **context.span_fields("quote", event.start, event.end),
                subject=speaker.id if speaker else None,
                predicate="said",
                attributed_to=speaker.name if speaker else None,
                value=value,
                direct=event.direct,
            )
        )
    return records


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


def _attribute(
    context: ExtractionContext, start: int, end: int, speakers: list[Mention]
) -> _Speech:
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
        if "." not in prefix.rstrip(". ") or prefix.count(".") <= 2:
            speech = _speaker_at_verb(
                text, offset + verb.start(), offset + verb.end(), close, speakers
            )
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
            speech = _sentence_subject(text, base, base + verb.start(), speakers)
        if speech is not None:
            return _Speech(start, end, True, speech[0], speech[1], True)
    according = _ACCORDING.search(before)
    if according and before.rstrip().endswith((":", ",")):
        speaker = _mention_after(text, base + according.end(), speakers, 60)
        if speaker is not None:
            return _Speech(start, end, True, speaker, None, True)
    return _Speech(start, end, True, None, None, False)


def _speaker_at_verb(
    text: str, verb_start: int, verb_end: int, limit: int, speakers: list[Mention]
) -> tuple[Mention | None, str | None] | None:
    """The speaker of a speech verb: a mention or pronoun before it, or a mention after it."""
    pronoun = _PRONOUN_BEFORE.search(text, max(0, verb_start - 20), verb_start)
    if pronoun:
        return None, pronoun.group(1).lower()
    before = _mention_before(text, verb_start, speakers, max(0, verb_start - 160))
    if before is not None:
        return before, None
    after = _mention_after(text, verb_end, speakers, 50)
    if after is not None:
        return after, None
    del limit
    return None


def _mention_before(
    text: str, position: int, speakers: list[Mention], floor: int
) -> Mention | None:
    """The mention that is the subject of a verb at ``position`` ("X said", "X, the ..., said")."""
    best: Mention | None = None
    for mention in reversed(speakers):
        if mention.end > position:
            continue
        if mention.start < floor:
            break
        gap = text[mention.end : position]
        if _ADVERB_GAP.fullmatch(gap) or gap == "":
            return mention
        stripped = gap.strip()
        if stripped.startswith(",") and stripped.endswith(",") and len(stripped.split()) <= 14:
            best = mention  # apposition: keep looking for an earlier, outer subject
            continue
        if best is not None:
            return best
        if any(c in gap for c in '.!?\u201c\u201d"'):
            break
    return best


def _mention_after(text: str, position: int, speakers: list[Mention], reach: int) -> Mention | None:
    for mention in speakers:
        if mention.start < position:
            continue
        if mention.start > position + reach:
            break
        if _LEAD_GAP.fullmatch(text[position : mention.start]):
            return mention
        break
    return None


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
    context: ExtractionContext, speakers: list[Mention], quoted: list[tuple[int, int]]
) -> list[_Speech]:
    text = context.text
    found: list[_Speech] = []

    def inside_quote(a: int, b: int) -> bool:
        return any(s - 1 <= a <= e + 1 for s, e in quoted)

    for sentence in context.sentences:
        s_start, s_end = sentence.start, sentence.end
        body_end = s_end
        while body_end > s_start and text[body_end - 1] in _SENTENCE_END + ' "”’':
            body_end -= 1
        if body_end - s_start < 10:
            continue
        speech = _verb_clause(text, s_start, body_end, speakers) or _according(
            text, s_start, body_end, speakers
        )
        if speech is None or inside_quote(speech.start, speech.end):
            continue
        if len(text[speech.start : speech.end].split()) < _MIN_WORDS:
            continue
        found.append(speech)
    return found


def _verb_clause(text: str, start: int, end: int, speakers: list[Mention]) -> _Speech | None:
    for verb in _REPORTED.finditer(text, start, end):
        verb_start = verb.start()
        word_end = _VERB.match(text, verb_start)
        assert word_end is not None
        speech = _speaker_at_verb(text, verb_start, word_end.end(), end, speakers)
        if speech is None and re.match(
            r"\s*(?:that\b|:)", text[word_end.end() : word_end.end() + 6]
        ):
            speech = _sentence_subject(text, start, verb_start, speakers)
        if speech is None:
            continue
        speaker, pronoun = speech
        if speaker is not None and speaker.start > verb_start:
            continue  # "said X" without quotes is rarely a clause
        clause = verb.end()
        if clause >= end:
            # "Good agreements were signed ..., he noted." -- the clause comes first.
            comma = text.rfind(",", start, verb_start)
            if comma > start and len(text[comma + 1 : verb_start].split()) <= 8:
                return _Speech(start, comma, False, speaker, pronoun, True)
            continue
        marker = text[word_end.end() : clause]
        if "that" not in marker and ":" not in marker:
            if word_end.group() not in _BARE_CLAUSE_VERBS:
                continue
            if text[clause] in '\u201c"':
                continue
            if _PREPOSITION.match(text, clause):
                that = text.find(" that ", clause, end)
                if that < 0:
                    continue
                clause = that + 6
        return _Speech(clause, end, False, speaker, pronoun, True)
    return None


_SUBJECT_PRONOUN = re.compile(r"(?:[A-Z][a-z]+,\s+)?(He|She)\b")


def _sentence_subject(
    text: str, start: int, verb_start: int, speakers: list[Mention]
) -> tuple[Mention | None, str | None] | None:
    """The subject that opens the sentence, for "X praised ... and stressed: ..."."""
    pronoun = _SUBJECT_PRONOUN.match(text, start, verb_start)
    if pronoun:
        return None, pronoun.group(1).lower()
    for mention in speakers:
        if mention.start >= start:
            if mention.start <= start + 40 and mention.end < verb_start:
                return mention, None
            return None
    return None


def _according(text: str, start: int, end: int, speakers: list[Mention]) -> _Speech | None:
    match = _ACCORDING.search(text, start, end)
    if match is None:
        return None
    speaker = _mention_after(text, match.end(), speakers, 40)
    pronoun = None
    if speaker is None:
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
