"""``eval``: score the extractors (and the entity resolver) against hand-made gold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

import click

from claimdiff.cli import EXIT_FINDINGS, InputError
from claimdiff.corpus import load_corpus
from claimdiff.errors import ClaimdiffError
from claimdiff.evaluate import (
    ClaimScores,
    EntityScores,
    GoldAlignment,
    KindScore,
    load_alignment,
    load_gold,
    render_entity_errors,
    render_scores,
    score_claims,
    score_entities,
)
from claimdiff.evaluate_findings import FindingScores, render_finding_scores, score_findings
from claimdiff.extract import extract_source
from claimdiff.models import Source, SourceExtraction

DEFAULT_SEEDS = Path("seeds")


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Folder (or file) holding the gold sources' texts. Repeatable. "
    "Default: GOLD/corpus and ./seeds, where they exist.",
)
@click.option(
    "--min-precision",
    type=click.FloatRange(0, 1),
    default=None,
    help="Exit 1 when the overall claim precision is below this.",
)
@click.option(
    "--min-recall",
    type=click.FloatRange(0, 1),
    default=None,
    help="Exit 1 when the overall claim recall is below this.",
)
@click.option(
    "--span-only",
    is_flag=True,
    help="Apply --min-precision/--min-recall to the span-only scores instead of the strict ones.",
)
@click.option(
    "--show-errors",
    is_flag=True,
    help="Also list missed gold claims, spurious predictions, value mismatches, and the "
    "entity errors (gold mentions not found, gold entities split).",
)
def eval_command(
    gold: Path,
    corpora: Sequence[Path],
    min_precision: float | None,
    min_recall: float | None,
    span_only: bool,
    show_errors: bool,
) -> None:
    """Score extraction against the gold claims in GOLD (GOLD/claims/<source-id>.jsonl).

    Only sources that have a gold file are extracted. Entity clusters are scored
    too when GOLD/alignment/*.json exists. Tables go to stdout, the summary to stderr.

    Example:

        claimdiff eval tests/gold --corpus tests/gold/corpus --corpus seeds --min-recall 0.5
    """
    try:
        gold_claims = load_gold(gold)
        sources = _load_sources(_corpora(gold, corpora), set(gold_claims))
        texts = {source.id: source.text for source in sources}
        extractions = [extract_source(source) for source in sources]
        scores = score_claims(gold_claims, extractions, texts)
        published = {source.id: source.published for source in sources}
        entities = _score_entities(gold, extractions, texts, published)
        findings = _score_findings(gold, sources, extractions, texts)
    except ClaimdiffError as exc:
        raise InputError(str(exc)) from exc
    click.echo(render_scores(scores, entities), nl=False)
    if findings is not None:
        click.echo(render_finding_scores(findings), nl=False)
    if show_errors:
        click.echo(_render_errors(scores), nl=False)
        if entities is not None:
            click.echo(render_entity_errors(entities), nl=False)
    total = scores.span_total if span_only else scores.strict_total
    click.echo(
        f"{'span-only' if span_only else 'strict'}: precision {total.precision:.3f}, "
        f"recall {total.recall:.3f} over {total.gold} gold claims in {len(gold_claims)} sources",
        err=True,
    )
    if _below(total, min_precision, min_recall):
        raise click.exceptions.Exit(EXIT_FINDINGS)


def _corpora(gold: Path, given: Sequence[Path]) -> list[Path]:
    if given:
        return list(given)
    found = [path for path in (gold / "corpus", DEFAULT_SEEDS) if path.is_dir()]
    if not found:
        raise ClaimdiffError("no corpus given and neither GOLD/corpus nor ./seeds exists")
    return found


def _load_sources(corpora: Sequence[Path], wanted: set[str]) -> list[Source]:
    sources: dict[str, Source] = {}
    for path in corpora:
        corpus = load_corpus(path)
        for warning in corpus.warnings:
            click.echo(str(warning), err=True)
        for source in corpus.sources:
            if source.id not in wanted:
                continue
            if source.id in sources:
                click.echo(
                    f"warning: {source.path}: skipped: source id '{source.id}' already read "
                    f"from {sources[source.id].path}",
                    err=True,
                )
                continue
            sources[source.id] = source
    return [sources[key] for key in sorted(sources)]


def _score_entities(
    gold: Path,
    extractions: Sequence[SourceExtraction],
    texts: dict[str, str],
    published: Mapping[str, dt.date | None],
) -> EntityScores | None:
    folder = gold / "alignment"
    alignments: list[GoldAlignment] = (
        [load_alignment(path) for path in sorted(folder.glob("*.json"))] if folder.is_dir() else []
    )
    clusters = [entity for alignment in alignments for entity in alignment.entities]
    if not any(mention.source in texts for entity in clusters for mention in entity.mentions):
        return None
    from claimdiff.resolve import resolve  # the resolver is only needed for entity gold

    resolution = resolve(extractions, published=published)
    pairs = [pair for alignment in alignments for pair in alignment.must_not_merge]
    return score_entities(clusters, resolution.entities, texts, must_not_merge=pairs)


def _score_findings(
    gold: Path,
    sources: Sequence[Source],
    extractions: Sequence[SourceExtraction],
    texts: dict[str, str],
) -> FindingScores | None:
    folder = gold / "alignment"
    expected = (
        [f for path in sorted(folder.glob("*.json")) for f in load_alignment(path).findings]
        if folder.is_dir()
        else []
    )
    involved = {source for finding in expected for source in finding.sources}
    if not expected or not involved <= set(texts):
        return None
    from claimdiff.pipeline import analyse  # the full pipeline is only needed for finding gold

    chosen = [i for i, source in enumerate(sources) if source.id in involved]
    report, _ = analyse([sources[i] for i in chosen], [extractions[i] for i in chosen])
    return score_findings(expected, report, texts)


def _below(total: KindScore, min_precision: float | None, min_recall: float | None) -> bool:
    if min_precision is not None and total.precision < min_precision:
        return True
    return min_recall is not None and total.recall < min_recall


def _render_errors(scores: ClaimScores) -> str:
    lines = ["", "missed (gold claims not matched strictly)"]
    lines += [f"  {source}: {item.kind}: {item.text}" for source, item in scores.missed]
    lines += ["", "spurious (predictions not matched strictly)"]
    lines += [f"  {claim.source}: {claim.kind}: {claim.text}" for claim in scores.spurious]
    lines += ["", "value mismatches (span matched, value did not)"]
    lines += [
        f"  {error.source}: {error.kind}: gold {error.gold_text!r} vs {error.predicted_text!r} "
        f"({error.predicted_value})"
        for error in scores.value_errors
    ]
    return "\n".join(lines) + "\n"
