"""The shipped target-sentiment model: the fast scoring path equals the feature-dict path."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from framing.stages.sentiment import build_context
from framing.stages.target_model import TargetModel, load_model, predict, predict_target, target_features

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def model() -> TargetModel:
    found = load_model()
    assert found is not None, "the shipped model must load"
    return found


def test_shipped_model_has_three_labels_and_many_weights(model: TargetModel) -> None:
    assert model.labels == ("negative", "neutral", "positive")
    assert len(model.weights) > 1000


@pytest.mark.parametrize("seed", ["summit_opinion.txt", "summit_counter_opinion.txt", "housing_report.md"])
@pytest.mark.parametrize("voice", ["author", "any"])
def test_fast_path_matches_feature_dict_path(model: TargetModel, seed: str, voice: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    context = build_context(text)
    targets = [match.span() for match in re.finditer(r"\b[A-Z][a-z]{3,}\b", text)][:120]
    assert len(targets) > 30
    for start, end in targets:
        fast, evidence = predict_target(model, context, start, end, voice=voice)  # type: ignore[arg-type]
        slow = predict(model, target_features(context, start, end, voice=voice)[0])  # type: ignore[arg-type]
        assert fast.label == slow.label, text[start:end]
        for label in model.labels:
            assert math.isclose(fast.probabilities[label], slow.probabilities[label], abs_tol=1e-9)
        assert all(text[a:b] for a, b in evidence)


def test_bigrams_hold_every_cut_at_an_underscore() -> None:
    weights = {"L:new_york": (1.0, 0.0, 0.0), "R:a_b_c": (0.0, 1.0, 0.0), "L:alone": (0.0, 0.0, 1.0),
               "C:x_y": (1.0, 1.0, 1.0), "L:pos@near": (1.0, 0.0, 0.0)}
    model = TargetModel(labels=("negative", "neutral", "positive"), intercepts=(0.0, 0.0, 0.0), weights=weights,
                        feature_version=0, info={})
    assert model.bigrams == {"new": frozenset({"york"}), "a": frozenset({"b_c"}), "a_b": frozenset({"c"})}


def test_word_without_bigram_scores_as_with_one(model: TargetModel) -> None:
    # a word that starts no bigram shares its (word, stem) record; the scores match the feature-dict path
    text = "Zorblax quietly praised Ankara while critics zorblaxed the plan."
    context = build_context(text)
    start = text.index("Ankara")
    fast, _ = predict_target(model, context, start, start + 6, voice="any")
    slow = predict(model, target_features(context, start, start + 6, voice="any")[0])
    assert "zorblax" not in model.bigrams
    assert fast.label == slow.label
    for label in model.labels:
        assert math.isclose(fast.probabilities[label], slow.probabilities[label], rel_tol=1e-9)
