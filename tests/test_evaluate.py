"""The scorer itself, on hand-built gold and predictions; and the integrity of tests/gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdiff.cli import eval as eval_cli
from claimdiff.corpus import load_corpus
from claimdiff.errors import InputErrors
from claimdiff.evaluate import (
    GOLD_CLAIM_ADAPTER,
    GoldClaim,
    GoldEntity,
    GoldMention,
    GoldPair,
    check_gold,
    load_alignment,
    load_gold,
    locate,
    render_entity_errors,
    render_scores,
    score_claims,
    score_entities,
    speaker_agrees,
)
from claimdiff.models import (
    Claim,
    CountClaim,
    CountValue,
    DateClaim,
    DateValue,
    Entity,
    EventClaim,
    Mention,
    MentionRef,
    QuantityClaim,
    QuoteClaim,
    RoleClaim,
    Source,
    SourceExtraction,
)

GOLD_DIR = Path(__file__).parent / "gold"
SEEDS_DIR = Path(__file__).parent.parent / "seeds"

TEXT = (
    "On Monday, Tehran and Dushanbe signed 17 memorandums of understanding. "
    "Tajik President Emomali Rahmon said: “We are brothers.” Revenue rose 76% to £600m. "
    "They met again on Monday."
)


def gold(**fields: object) -> GoldClaim:
    return GOLD_CLAIM_ADAPTER.validate_python(fields)


def span(needle: str, occurrence: int = 0) -> dict[str, object]:
    found = locate(TEXT, needle, occurrence)
    assert found is not None, needle
    start, end = found
    return {
        "id": f"s:{needle}:{start}",
        "source": "s",
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "sentence_start": start,
        "sentence_end": end,
    }


def count(needle: str, low: float, high: float | None = None, occurrence: int = 0) -> CountClaim:
    return CountClaim(
        **span(needle, occurrence),
        predicate="count",
        noun="memorandum of understanding",
        value=CountValue(low=low, high=low if high is None else high),
    )


def date(needle: str, day: dt.date, occurrence: int = 0) -> DateClaim:
    return DateClaim(
        **span(needle, occurrence),
        predicate="date",
        value=DateValue(start=day, end=day, granularity="day"),
    )


def extraction(*claims: Claim, mentions: tuple[Mention, ...] = ()) -> list[SourceExtraction]:
    return [SourceExtraction(source="s", claims=claims, mentions=mentions)]


ALL_GOLD = [
    gold(
        kind="count",
        text="17 memorandums of understanding",
        low=17,
        high=17,
        noun="memorandum of understanding",
    ),
    gold(kind="quantity", text="76%", low=76, high=76, unit="percent"),
    gold(kind="quantity", text="£600m", low=600e6, high=600e6, unit="GBP"),
    gold(kind="date", text="Monday", occurrence=1, start="2022-05-30", end="2022-05-30"),
    gold(
        kind="role",
        text="Tajik President Emomali Rahmon",
        subject="Emomali Rahmon",
        value="President of Tajikistan",
    ),
    gold(kind="quote", text="We are brothers.", speaker="Emomali Rahmon", direct=True),
    gold(kind="event", text="signed", type="signing", participants=["Iran", "Tajikistan"]),
]


def all_predictions() -> list[SourceExtraction]:
    base = dict(predicate="x")
    return extraction(
        count("17 memorandums of understanding", 17),
        QuantityClaim(**span("76%"), **base, value=CountValue(low=76, high=76, unit="%")),
        QuantityClaim(**span("£600m"), **base, value=CountValue(low=6e8, high=6e8, unit="GBP")),
        date("Monday", dt.date(2022, 5, 30), occurrence=1),
        RoleClaim(**span("President Emomali Rahmon"), **base, value="Tajikistan president"),
        QuoteClaim(
            **span("“We are brothers.”"), **base, value="We are brothers.", attributed_to="Rahmon"
        ),
        EventClaim(**span("signed 17"), **base, value="signing"),
    )


# --------------------------------------------------------------------------- claims


def test_perfect_match_scores_one() -> None:
    scores = score_claims({"s": ALL_GOLD}, all_predictions(), {"s": TEXT})
    for kind, score in scores.strict.items():
        assert (score.precision, score.recall) == (1.0, 1.0), kind
    assert scores.strict_total.tp == len(ALL_GOLD)
    assert not scores.missed and not scores.spurious and not scores.value_errors


def test_value_mismatch_is_fp_and_fn_but_span_only_tp() -> None:
    gold_items = [ALL_GOLD[0]]
    scores = score_claims({"s": gold_items}, extraction(count("17 memorandums", 18)), {"s": TEXT})
    strict, loose = scores.strict["count"], scores.span_only["count"]
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)
    assert (loose.tp, loose.fp, loose.fn) == (1, 0, 0)
    assert [e.gold_text for e in scores.value_errors] == ["17 memorandums of understanding"]
    assert scores.value_errors[0].predicted_value == "18"


def test_value_within_one_percent_matches() -> None:
    scores = score_claims(
        {"s": [ALL_GOLD[2]]},
        extraction(
            QuantityClaim(**span("£600m"), predicate="x", value=CountValue(low=6.05e8, high=6.05e8))
        ),
        {"s": TEXT},
    )
    assert scores.strict["quantity"].tp == 1


def test_unit_mismatch_is_a_value_error() -> None:
    scores = score_claims(
        {"s": [ALL_GOLD[2]]},
        extraction(
            QuantityClaim(
                **span("£600m"), predicate="x", value=CountValue(low=6e8, high=6e8, unit="USD")
            )
        ),
        {"s": TEXT},
    )
    assert scores.strict["quantity"].tp == 0
    assert scores.span_only["quantity"].tp == 1


def test_occurrence_selects_the_right_hit() -> None:
    gold_items = [ALL_GOLD[3]]  # the second "Monday"
    first = score_claims(
        {"s": gold_items}, extraction(date("Monday", dt.date(2022, 5, 30))), {"s": TEXT}
    )
    second = score_claims(
        {"s": gold_items},
        extraction(date("Monday", dt.date(2022, 5, 30), occurrence=1)),
        {"s": TEXT},
    )
    assert first.span_only["date"].tp == 0
    assert second.strict["date"].tp == 1


def test_open_bounds_and_approximate_points() -> None:
    open_high = gold(kind="count", text="17 memorandums", low=17, high=None, noun="mou")
    approximate = gold(
        kind="count", text="17 memorandums", occurrence=0, low=17, high=17, noun="x",
        approximate=True,
    )  # fmt: skip
    wide = extraction(count("17 memorandums", 17, 170))
    assert score_claims({"s": [open_high]}, wide, {"s": TEXT}).strict["count"].tp == 1
    near = extraction(count("17 memorandums", 15.3, 18.7))
    assert score_claims({"s": [approximate]}, near, {"s": TEXT}).strict["count"].tp == 1
    assert score_claims({"s": [approximate]}, wide, {"s": TEXT}).strict["count"].tp == 0


def test_unresolved_date_matches_on_span_alone() -> None:
    relative = gold(kind="date", text="Monday", start=None, end=None, granularity="day")
    scores = score_claims(
        {"s": [relative]}, extraction(date("Monday", dt.date(2000, 1, 3))), {"s": TEXT}
    )
    assert scores.strict["date"].tp == 1


def test_quote_speaker_by_surname_or_mention_id() -> None:
    quote_gold = [ALL_GOLD[5]]
    rahmon = Mention(
        **span("Emomali Rahmon"),
        entity_kind="person",
        name="Emomali Rahmon",
    )
    by_id = QuoteClaim(
        **span("We are brothers"),
        predicate="said",
        value="We are brothers.",
        attributed_to=rahmon.id,
    )
    wrong = by_id.model_copy(update={"attributed_to": "Tehran"})
    nobody = by_id.model_copy(update={"attributed_to": None})
    for prediction, expected in ((by_id, 1), (wrong, 0), (nobody, 0)):
        scores = score_claims(
            {"s": quote_gold}, extraction(prediction, mentions=(rahmon,)), {"s": TEXT}
        )
        assert scores.strict["quote"].tp == expected


def test_matching_is_one_to_one() -> None:
    scores = score_claims(
        {"s": [ALL_GOLD[0]]},
        extraction(count("17 memorandums of understanding", 17), count("17", 17)),
        {"s": TEXT},
    )
    assert (scores.strict["count"].tp, scores.strict["count"].fp) == (1, 1)


def test_source_without_extraction_is_all_missed_and_extra_sources_are_unscored() -> None:
    other = SourceExtraction(source="elsewhere")
    scores = score_claims({"s": ALL_GOLD}, [other], {"s": TEXT})
    assert scores.strict_total.fn == len(ALL_GOLD)
    assert scores.strict_total.precision == 0.0
    assert scores.unscored_sources == ("elsewhere",)


def test_unlocatable_gold_text_is_an_input_error() -> None:
    missing = gold(kind="quantity", text="£601m", low=1, high=1, unit="GBP")
    with pytest.raises(InputErrors, match="not found"):
        score_claims({"s": [missing]}, [], {"s": TEXT})


def test_render_scores_has_a_row_per_kind() -> None:
    rendered = render_scores(score_claims({"s": ALL_GOLD}, all_predictions(), {"s": TEXT}))
    assert "kind" in rendered and "precision" in rendered and "recall" in rendered
    for kind in ("count", "quantity", "date", "role", "quote", "event", "all"):
        assert f"\n{kind} " in rendered


# --------------------------------------------------------------------------- loading


def test_load_gold_collects_every_bad_line(tmp_path: Path) -> None:
    good = json.dumps({"kind": "quantity", "text": "76%", "low": 76, "high": 76, "unit": "%"})
    (tmp_path / "a.jsonl").write_text(
        good + "\n" + '{"kind": "count", "text": "x"}\n' + good + "\n", encoding="utf-8"
    )
    (tmp_path / "b.jsonl").write_text("not json\n", encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_gold(tmp_path)
    messages = [str(e) for e in caught.value.errors]
    assert any(m.startswith(f"{tmp_path / 'a.jsonl'}:2:") for m in messages)
    assert any(m.startswith(f"{tmp_path / 'a.jsonl'}:3:") and "duplicate" in m for m in messages)
    assert any(m.startswith(f"{tmp_path / 'b.jsonl'}:1:") for m in messages)


# --------------------------------------------------------------------------- entities


def ref(needle: str, occurrence: int = 0) -> MentionRef:
    found = locate(TEXT, needle, occurrence)
    assert found is not None
    return MentionRef(source="s", start=found[0], end=found[1], text=needle)


def test_entity_pairwise_scores_and_wrong_merges() -> None:
    clusters = [
        GoldEntity(
            name="Emomali Rahmon",
            kind="person",
            mentions=(
                GoldMention(source="s", text="Emomali Rahmon"),
                GoldMention(source="s", text="Tajik President"),
                GoldMention(source="s", text="They"),
            ),
        ),
        GoldEntity(
            name="Dushanbe",
            kind="place",
            mentions=(GoldMention(source="s", text="Dushanbe"),),
        ),
    ]
    perfect = [
        Entity(id="E1", kind="person", name="Rahmon", variants=(),
               mentions=(ref("Emomali Rahmon"), ref("Tajik President"), ref("They"))),
        Entity(id="E2", kind="place", name="Dushanbe", variants=(), mentions=(ref("Dushanbe"),)),
    ]  # fmt: skip
    scores = score_entities(clusters, perfect, {"s": TEXT})
    assert (scores.precision, scores.recall, scores.gold_pairs) == (1.0, 1.0, 3)

    merged = [
        Entity(id="E1", kind="person", name="Rahmon", variants=(),
               mentions=(ref("Emomali Rahmon"), ref("They"))),
        Entity(id="E3", kind="other", name="?", variants=(),
               mentions=(ref("Tajik President"), ref("Dushanbe"))),
    ]  # fmt: skip
    forbidden = [GoldPair(a="Dushanbe", b="Emomali Rahmon", why="a city is not a man")]
    scores = score_entities(clusters, merged, {"s": TEXT}, must_not_merge=forbidden)
    assert (scores.tp, scores.predicted_pairs, scores.gold_pairs) == (1, 2, 3)
    assert scores.precision == 0.5 and scores.recall == pytest.approx(1 / 3)
    assert [(m.gold_a, m.gold_b, m.forbidden) for m in scores.wrong_merges] == [
        ("Dushanbe", "Emomali Rahmon", True)
    ]


def test_entity_errors_list_unfound_mentions_and_split_clusters() -> None:
    clusters = [
        GoldEntity(name="Emomali Rahmon", kind="person", mentions=(
            GoldMention(source="s", text="Emomali Rahmon"),
            GoldMention(source="s", text="Tajik President"),
            GoldMention(source="s", text="They"),
        )),
    ]  # fmt: skip
    split = [
        Entity(id="E1", kind="person", name="Rahmon", variants=(),
               mentions=(ref("Emomali Rahmon"),)),
        Entity(id="E2", kind="person", name="?", variants=(), mentions=(ref("Tajik President"),)),
    ]  # fmt: skip
    scores = score_entities(clusters, split, {"s": TEXT})
    assert [(m.gold_entity, m.text) for m in scores.unmatched] == [("Emomali Rahmon", "They")]
    assert [(s.gold_entity, s.missed_pairs) for s in scores.splits] == [("Emomali Rahmon", 1)]
    assert [entity for entity, _ in scores.splits[0].parts] == ["E1", "E2"]
    rendered = render_entity_errors(scores)
    assert "Emomali Rahmon: s: They" in rendered
    assert "E2: s: Tajik President" in rendered


def test_entity_errors_are_empty_when_the_clustering_is_perfect() -> None:
    clusters = [GoldEntity(name="Dushanbe", kind="place", mentions=(
        GoldMention(source="s", text="Dushanbe"),
        GoldMention(source="s", text="Tehran"),
    ))]  # fmt: skip
    one = [Entity(id="E1", kind="place", name="x", variants=(),
                  mentions=(ref("Dushanbe"), ref("Tehran")))]  # fmt: skip
    scores = score_entities(clusters, one, {"s": TEXT})
    assert scores.unmatched == () and scores.splits == ()


def test_entity_mention_must_cover_half_of_the_gold_mention() -> None:
    clusters = [
        GoldEntity(name="Rahmon", kind="person", mentions=(
            GoldMention(source="s", text="Tajik President Emomali Rahmon"),
            GoldMention(source="s", text="They"),
        )),
    ]  # fmt: skip
    partial = [
        Entity(id="E1", kind="person", name="x", variants=(), mentions=(ref("Tajik"), ref("They")))
    ]
    assert score_entities(clusters, partial, {"s": TEXT}).matched_mentions == 1


# --------------------------------------------------------------------------- tests/gold itself


def _gold_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for folder in (GOLD_DIR / "corpus", SEEDS_DIR):
        texts.update({s.id: s.text for s in load_corpus(folder).sources})
    return texts


def test_every_gold_claim_locates_in_its_source() -> None:
    gold_claims = load_gold(GOLD_DIR)
    assert len(gold_claims) == 15
    assert check_gold(gold_claims, _gold_texts()) == []


def test_gold_alignment_mentions_locate_and_clusters_are_disjoint() -> None:
    alignment = load_alignment(GOLD_DIR / "alignment" / "seeds.json")
    texts = _gold_texts()
    scores = score_entities(alignment.entities, [], texts)
    assert scores.gold_mentions == sum(len(e.mentions) for e in alignment.entities)
    seen: set[tuple[str, str, int]] = set()
    for entity in alignment.entities:
        for mention in entity.mentions:
            key = (mention.source, mention.text, mention.occurrence)
            assert key not in seen, key
            seen.add(key)
    names = {entity.name for entity in alignment.entities}
    for pair in alignment.must_not_merge:
        assert {pair.a, pair.b} <= names
    gold_claims = load_gold(GOLD_DIR)
    for finding in alignment.findings:
        for claim_ref in finding.claims:
            assert any(
                g.kind == claim_ref.kind
                and g.text == claim_ref.text
                and g.occurrence == claim_ref.occurrence
                for g in gold_claims[claim_ref.source]
            ), (finding.id, claim_ref)


# --------------------------------------------------------------------------- CLI


def test_eval_command_prints_tables_and_applies_thresholds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "s.txt").write_text(TEXT, encoding="utf-8")
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "s.jsonl").write_text(
        "".join(GOLD_CLAIM_ADAPTER.dump_json(g).decode() + "\n" for g in ALL_GOLD[:2]),
        encoding="utf-8",
    )
    predictions = all_predictions()[0]

    def fake_extract(source: Source) -> SourceExtraction:
        return predictions.model_copy(update={"claims": predictions.claims[:1]})

    monkeypatch.setattr(eval_cli, "extract_source", fake_extract)
    runner = CliRunner()
    ok = runner.invoke(eval_cli.eval_command, [str(tmp_path), "--min-precision", "1"])
    assert ok.exit_code == 0, ok.output
    assert "count" in ok.stdout and "precision" in ok.stdout
    low = runner.invoke(eval_cli.eval_command, [str(tmp_path), "--min-recall", "0.9"])
    assert low.exit_code == 1
    assert "recall 0.500" in low.stderr
    (claims / "s.jsonl").write_text('{"kind": "date"}\n', encoding="utf-8")
    bad = runner.invoke(eval_cli.eval_command, [str(tmp_path)])
    assert bad.exit_code == 2
    assert "s.jsonl:1:" in bad.stderr


def test_eval_command_has_help_with_example() -> None:
    assert eval_cli.eval_command.help is not None
    assert "Example:" in eval_cli.eval_command.help


@pytest.mark.parametrize(
    ("gold", "predicted", "agrees"),
    [
        ("Ann Varlov", "Jon Varlov", False),
        ("Mohammad Tariq Durov", "Muhammad Tariq Durov", True),
        ("Mr Durov", "Tariq Durov", True),
        ("Varlov", "Ulugbek Varlov", True),
    ],
)
def test_a_shared_surname_is_one_speaker_unless_the_given_names_differ(
    gold: str, predicted: str, agrees: bool
) -> None:
    assert speaker_agrees(gold, predicted) is agrees
