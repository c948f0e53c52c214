"""Claim extraction: a pure function of one source's text and metadata.

Each claim kind has its own module. An extractor takes the ``ExtractionContext``
and the records found so far (extractors run in registry order, so quotes can
see people and events can see dates and counts) and returns new records.
Linkers run last and may rewrite records, e.g. to attach counts to events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimdiff.models import Mention, Record, Sentence, Source, SourceExtraction
from claimdiff.segment import SentenceIndex, split_sentences


@dataclass(frozen=True)
class ExtractionContext:
    source: Source
    sentences: tuple[Sentence, ...]
    index: SentenceIndex = field(repr=False)

    @classmethod
    def for_source(cls, source: Source) -> ExtractionContext:
        sentences = tuple(split_sentences(source.text))
        return cls(source=source, sentences=sentences, index=SentenceIndex(sentences))

    @property
    def text(self) -> str:
        return self.source.text

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding ``start``; a span that runs past it widens the bounds."""
        sentence = self.index.containing(start)
        if sentence is None:
            return start, end
        # The sentence holds ``start``, so it starts at or before it.
        return sentence.start, sentence.end if sentence.end > end else end

    def span_fields(self, kind: str, start: int, end: int) -> dict[str, object]:
        """Fields every record shares: a content-based id, the span, its text and sentence."""
        sentence_start, sentence_end = self.sentence_bounds(start, end)
        return {
            "id": f"{self.source.id}:{kind}:{start}-{end}",
            "source": self.source.id,
            "start": start,
            "end": end,
            "text": self.source.text[start:end],
            "sentence_start": sentence_start,
            "sentence_end": sentence_end,
        }


Extractor = Callable[[ExtractionContext, Sequence[Record]], list[Record]]
Linker = Callable[[ExtractionContext, list[Record]], list[Record]]


def _registry() -> tuple[list[Extractor], list[Linker]]:
    # Imported here so that each extractor module may import ExtractionContext from this package.
    from claimdiff.extract import dates, entities, events, numbers, quotes

    extractors: list[Extractor] = [
        dates.extract_dates,
        numbers.extract_numbers,
        entities.extract_entities,
        quotes.extract_quotes,
        events.extract_events,
    ]
    linkers: list[Linker] = [events.link_to_events]
    return extractors, linkers


def extract_source(source: Source) -> SourceExtraction:
    """All mentions and claims of one source, sorted by offset, ids unique."""
    context = ExtractionContext.for_source(source)
    extractors, linkers = _registry()
    records: list[Record] = []
    for extractor in extractors:
        records.extend(extractor(context, tuple(records)))
    for linker in linkers:
        records = linker(context, records)
    unique: dict[str, Record] = {}
    for record in records:
        unique.setdefault(record.id, record)
    ordered = sorted(unique.values(), key=lambda r: (r.start, r.end, r.kind, r.id))
    mentions = tuple(r for r in ordered if isinstance(r, Mention))
    claims = tuple(r for r in ordered if not isinstance(r, Mention))
    return SourceExtraction(source=source.id, mentions=mentions, claims=claims)
