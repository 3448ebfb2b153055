"""Evaluation harness: metrics against hand computation, dataset readers, the CLI table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing import InputError
from framing.evaluate import render_table, run
from framing.evaluate.attribution import evaluate_attribution, load_attribution
from framing.evaluate.attribution import render as render_attribution
from framing.evaluate.babe import token_counts
from framing.evaluate.datasets import BiasExample, load_babe, load_gvfc, load_newsmtsc
from framing.evaluate.metrics import PrecisionRecall, accuracy, macro_f1, majority_label, per_class
from framing.evaluate.ner import is_named
from framing.evaluate.newsmtsc import vader_label, window_text

LABELS = ("negative", "neutral", "positive")


def test_per_class_counts_by_hand() -> None:
    gold = ["negative", "negative", "neutral", "positive", "positive", "positive"]
    pred = ["negative", "neutral", "neutral", "positive", "negative", "neutral"]
    # negative: tp 1 (0), fp 1 (4), fn 1 (1)
    assert per_class(gold, pred, "negative") == PrecisionRecall(1, 1, 1)
    # neutral: tp 1 (2), fp 2 (1, 5), fn 0
    assert per_class(gold, pred, "neutral") == PrecisionRecall(1, 2, 0)
    # positive: tp 1 (3), fp 0, fn 2 (4, 5)
    assert per_class(gold, pred, "positive") == PrecisionRecall(1, 0, 2)
    f1_negative, f1_neutral, f1_positive = 0.5, 2 * (1 / 3) / (1 / 3 + 1), 2 * (1 / 3) / (1 + 1 / 3)
    assert macro_f1(gold, pred, LABELS) == pytest.approx((f1_negative + f1_neutral + f1_positive) / 3)
    assert accuracy(gold, pred) == pytest.approx(3 / 6)


def test_undefined_ratios_are_zero() -> None:
    assert PrecisionRecall(0, 0, 0).f1 == 0.0
    assert PrecisionRecall(0, 3, 0).precision == 0.0 and PrecisionRecall(0, 0, 3).recall == 0.0


def test_majority_label_breaks_ties_alphabetically() -> None:
    assert majority_label(["positive", "neutral", "positive", "neutral"]) == "neutral"


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        accuracy(["a"], [])


def test_token_counts_by_hand() -> None:
    examples = [
        BiasExample("The radical plan is a total disaster.", True, ("radical", "disaster")),
        BiasExample("The plan passed on Monday.", False, ()),
    ]
    spans = {
        examples[0].text: [(4, 11), (22, 27)],   # "radical" (right), "total" (wrong)
        examples[1].text: [(9, 15)],             # "passed" (wrong)
    }
    counts = token_counts(examples, spans.__getitem__)
    assert counts == PrecisionRecall(tp=1, fp=2, fn=1)


@pytest.mark.parametrize(("compound", "label"), [(0.05, "positive"), (0.049, "neutral"), (-0.05, "negative")])
def test_vader_label(compound: float, label: str) -> None:
    assert vader_label(compound) == label


def test_window_text() -> None:
    sentence = "one two three TARGET four five six"
    start = sentence.index("TARGET")
    assert window_text(sentence, start, start + 6, tokens=2) == "two three TARGET four five"


@pytest.fixture
def newsmtsc_file(tmp_path: Path) -> Path:
    rows = [
        {"primary_gid": "a", "sentence_normalized": "Critics called Smith a corrupt liar.",
         "targets": [{"from": 15, "to": 20, "mention": "Smith", "polarity": 2.0}]},
        {"primary_gid": "b", "sentence_normalized": "Okoro spoke on Tuesday.",
         "targets": [{"from": 0, "to": 5, "mention": "Okoro", "polarity": 4.0}]},
        {"primary_gid": "c", "sentence_normalized": "Fans praised the brave and wonderful Lee.",
         "targets": [{"from": 37, "to": 40, "mention": "Lee", "polarity": 6.0}]},
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_load_newsmtsc(newsmtsc_file: Path) -> None:
    examples = load_newsmtsc(newsmtsc_file)
    assert [(e.sentence[e.start:e.end], e.label) for e in examples] == [
        ("Smith", "negative"), ("Okoro", "neutral"), ("Lee", "positive")]


def test_run_newsmtsc_rows(newsmtsc_file: Path) -> None:
    result = run("newsmtsc", newsmtsc_file)
    rows = {row["method"]: row for row in result["rows"]}
    # majority of a three-way tie is "negative" (alphabetical): F1 = (0.5 + 0 + 0) / 3
    assert rows["majority class"]["macro_f1"] == pytest.approx(round(0.5 / 3, 4))
    assert rows["framing (trained model)"]["accuracy"] == 1.0
    assert "framing (trained model)" in render_table(result)


def test_bad_newsmtsc_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"sentence_normalized": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        load_newsmtsc(path)


def test_load_babe_and_gvfc(tmp_path: Path) -> None:
    babe = tmp_path / "babe.csv"
    # only the columns the loaders read, in an order of our own (the readers go by column name)
    babe.write_text(
        "biased_words;label_bias;text\n"
        "['radical'];Biased;A radical plan.\n"
        "[];Non-biased;A plan.\n"
        "[];No agreement;Unclear.\n",
        encoding="utf-8",
    )
    assert [(e.biased, e.biased_words) for e in load_babe(babe)] == [(True, ("radical",)), (False, ())]
    gvfc = tmp_path / "gvfc.csv"
    gvfc.write_text("Q3_Theme2,news_title,Q3_Theme1,Q1_Relevant\n3,A,2,1\n99,B,99,2\n", encoding="utf-8")
    assert [(e.relevant, e.frames) for e in load_gvfc(gvfc)] == [(True, ("gun_control", "politics")), (False, ())]


def test_unknown_dataset_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown dataset"):
        run("imdb", tmp_path / "x")
    with pytest.raises(InputError, match="no such dataset file"):
        run("newsmtsc", tmp_path / "absent.jsonl")


@pytest.mark.slow
def test_cli_prints_the_table(newsmtsc_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    done = subprocess.run([sys.executable, "-m", "framing.evaluate", "newsmtsc", str(newsmtsc_file), "--json", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "VADER, whole sentence" in done.stdout and "majority class" in done.stdout
    assert json.loads(out.read_text())["dataset"] == "newsmtsc"


@pytest.fixture
def attribution_file(tmp_path: Path) -> Path:
    lines = [
        {"id": "x1", "text": 'Palestinian officials said the raid was "a massacre". The so-called "buffer zone" keeps growing.',
         "targets": [{"phrase": "a massacre", "speaker": "Palestinian officials"},
                     {"phrase": "buffer zone", "speaker": None}]},
        {"id": "x2", "text": 'Trump supporters called the trial "a witch hunt". The jury was sworn in on Monday.',
         "targets": [{"phrase": "a witch hunt", "speaker": "Trump supporters"},
                     {"phrase": "sworn in", "speaker": None}]},
    ]
    path = tmp_path / "attribution.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_attribution_scores_voices_and_speakers(attribution_file: Path) -> None:
    baseline, report = evaluate_attribution(attribution_file)
    assert (baseline.n_targets, baseline.n_spoken) == (4, 2)
    assert baseline.speaker_found == 0  # quotation marks name no speaker
    assert baseline.author_words_as_speaker == 1  # the author's scare quote
    assert (report.voice_correct, report.speaker_found) == (4, 2)
    assert "| framing (quotes stage) | 4 | 1.000 |" in render_attribution([baseline, report])


@pytest.mark.parametrize("target", [{"phrase": "not there", "speaker": None}, {"phrase": "said", "speaker": "Nobody"}])
def test_attribution_labels_must_be_in_their_text(tmp_path: Path, target: dict[str, str | None]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "Officials said so.", "targets": [target]}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        load_attribution(path)


@pytest.mark.parametrize(
    ("mention", "named"),
    [
        ({"kind": "person", "actor": "Rosa Mejía", "source": "model"}, True),
        ({"kind": "group", "actor": "Hamas", "source": "gazetteer"}, True),  # a group the actor gazetteer names
        ({"kind": "group", "actor": "Palestinians", "source": "gazetteer"}, False),  # a people, from groups.tsv
        ({"kind": "group", "actor": "police", "source": "gazetteer"}, False),
        ({"kind": "organisation", "actor": "National Dockworkers' Union", "source": "reference"}, False),
    ],
)
def test_ner_harness_counts_named_groups_but_not_peoples_group_nouns_or_references(
        mention: dict[str, str], named: bool) -> None:
    assert is_named(mention) is named


def test_ner_harness_scores_names_alone_apart_from_definite_descriptions(tmp_path: Path) -> None:
    from framing.evaluate.ner import read_ner_jsonl, score_mentions

    text = "Acme Corp cut jobs. The company said so."
    entities = [{"start": 0, "end": 9, "type": "ORG", "nominal": False},
                {"start": 24, "end": 31, "type": "ORG", "nominal": True}]
    path = tmp_path / "ner.jsonl"
    path.write_text(json.dumps({"text": text, "entities": entities}) + "\n", encoding="utf-8")
    examples = read_ner_jsonl(path)
    assert examples[0].nominal == (False, True)
    scores = score_mentions(examples, [[(0, 9, "organisation")]], "person", 1.0)
    assert scores["recall"]["ORG"] == 0.5  # the description counts against the report, which gives it as a reference
    assert scores["recall_names"]["ORG"] == 1.0
