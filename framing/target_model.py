"""A small linear model of sentiment toward a target, and the features it reads.

The features are the words around the target (which side, how near, whether in its
clause), VADER and lexicon valences of the clause, loaded-term categories, negation and
attribution. The weights were fitted with scikit-learn's logistic regression on the
NewsMTSC training split (Hamborg & Donnay 2021, MIT licence) by ``tools/train_target_sentiment.py``
and ship as plain JSON: prediction is a dot product, so neither scikit-learn nor NumPy is
imported at run time, and the words that weighed most are the explanation.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from .model import Quote

if TYPE_CHECKING:
    from .sentiment import SentimentContext

FEATURE_VERSION = 6
MODEL_FILE = "target_sentiment.json"
# Words within this many tokens of the target are features of their own.
WINDOW = 20
# Distance (in tokens) at which a window word counts half.
DECAY = 4.0
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PRONOUNS = frozenset("he she they him her them his hers their theirs it its i we us you".split())
_NEGATORS = frozenset("not no never n't nor neither without hardly barely cannot".split())


@dataclass(frozen=True)
class TargetModel:
    """Multinomial logistic regression weights: feature -> one weight per label."""

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    feature_version: int
    info: dict[str, object]


@dataclass(frozen=True, slots=True)
class Prediction:
    """Label probabilities and the features that pushed hardest toward the predicted label."""

    probabilities: dict[str, float]
    label: str
    top_features: tuple[tuple[str, float], ...]


@cache
def load_model() -> TargetModel | None:
    """The shipped model, or None when it is missing or was built for other features."""
    try:
        data = json.loads(resources.files("framing").joinpath("models", MODEL_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, ValueError):
        return None
    if data.get("feature_version") != FEATURE_VERSION:
        return None
    return TargetModel(
        labels=tuple(data["labels"]), intercepts=tuple(data["intercepts"]),
        weights={name: tuple(values) for name, values in data["weights"].items()},
        feature_version=data["feature_version"], info=data.get("info", {}),
    )


def predict(model: TargetModel, features: dict[str, float], *, top: int = 5) -> Prediction:
    """Softmax over the linear scores; ``top_features`` names the largest contributions."""
    scores = list(model.intercepts)
    for name, value in features.items():
        weights = model.weights.get(name)
        if weights is not None:
            for index, weight in enumerate(weights):
                scores[index] += weight * value
    peak = max(scores)
    exponentials = [math.exp(score - peak) for score in scores]
    total = sum(exponentials)
    probabilities = {label: e / total for label, e in zip(model.labels, exponentials)}
    best = max(range(len(scores)), key=scores.__getitem__)
    contributions = []
    for name, value in features.items():
        weights = model.weights.get(name)
        if weights is not None:
            # how much the feature favours the chosen label over the mean of the others
            others = [w for i, w in enumerate(weights) if i != best]
            contributions.append((name, value * (weights[best] - sum(others) / len(others))))
    contributions.sort(key=lambda item: -item[1])
    return Prediction(probabilities, model.labels[best], tuple(c for c in contributions[:top] if c[1] > 0))


def target_features(context: SentimentContext, start: int, end: int, *,
                    voice: Literal["author", "any"] = "any") -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
    """Features of one target, and for each word feature the span of the word behind it."""
    from .sentiment import _clause, _vader_tables

    text = context.text
    sentence = context.sentence_index.at(start)
    low, high = (sentence.start, sentence.end) if sentence else (0, len(text))
    clause_start, clause_end = _clause(text, low, high, start, end)
    target_quote = context.quote_index.at(start)
    lexicon, boosters, negators = _vader_tables()
    features: dict[str, float] = {"bias": 1.0}
    spans: dict[str, tuple[int, int]] = {}
    tokens = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text, low, high)]
    target_index = next((i for i, (s, e, _) in enumerate(tokens) if e > start), len(tokens))
    after_index = next((i for i, (s, _, _) in enumerate(tokens) if s >= end), len(tokens))
    valence = {"v_left": 0.0, "v_right": 0.0, "v_clause_pos": 0.0, "v_clause_neg": 0.0, "v_near": 0.0}
    for index, (token_start, token_end, word) in enumerate(tokens):
        if start <= token_start < end:
            continue
        quote = context.quote_index.at(token_start)
        if voice == "author" and quote is not None and quote is not target_quote:
            continue
        left = index < target_index
        distance = target_index - index if left else index - after_index + 1
        in_clause = clause_start <= token_start < clause_end
        side = "L" if left else "R"
        hit = context.hit_index.at(token_start)
        # a loaded term's valence stands in for VADER's (VADER does not know "protection racket")
        value = hit.valence if hit is not None and hit.valence and hit.start == token_start else (
            0.0 if hit is not None and hit.valence else lexicon.get(word, 0.0))
        previous = tokens[index - 1][2] if index else ""
        if previous in negators or previous.endswith("n't"):
            value *= -0.74
        if index > 0 and text[token_start].isupper() and not value:
            word = "<name>"  # names say who, not how: one feature for all of them
        if distance <= WINDOW:
            weight = 1.0 / (1.0 + distance / DECAY)
            _add(features, spans, f"{side}:{word}", weight, (token_start, token_end))
            stem = _stem(word)
            if stem != word:
                _add(features, spans, f"{side}s:{stem}", weight, (token_start, token_end))
            if distance <= 2:
                _add(features, spans, f"{side}2:{word}", 1.0, (token_start, token_end))
            if index + 1 < len(tokens) and (side == "L" and index + 1 < target_index or side == "R"):
                bigram = f"{side}:{word}_{tokens[index + 1][2]}"
                _add(features, spans, bigram, weight, (token_start, tokens[index + 1][1]))
            valence["v_left" if left else "v_right"] += value * weight
            if value:
                bucket = "near" if distance <= 3 else "far"
                polarity = "pos" if value > 0 else "neg"
                _add(features, spans, f"{side}:{polarity}@{bucket}", abs(value) / 4.0, (token_start, token_end))
        if in_clause:
            _add(features, spans, f"C:{word}", 1.0, (token_start, token_end))
            valence["v_clause_pos" if value > 0 else "v_clause_neg"] += value
            valence["v_near"] += value / (1.0 + distance / 4.0)
        if distance <= 3 and (word in _NEGATORS or word.endswith("n't")):
            features["negation_near"] = 1.0
    for name, total in valence.items():
        features[name] = total / 4.0
    for hit in context.hit_index.within(clause_start, clause_end):
        if voice == "author" and hit.in_quote and (target_quote is None or not target_quote.start <= hit.start < target_quote.end):
            continue
        _add(features, spans, f"cat:{hit.category}", 1.0, (hit.start, hit.end))
        features["lex_valence"] = features.get("lex_valence", 0.0) + hit.valence / 4.0
    features["sentence_compound"] = context.compound_of(low, high)
    from .sentiment import _rule_sentiment

    features["rule_score"] = _rule_sentiment(context, start, end, voice, None, target_quote).score
    features.update(_attribution(context, start, end, target_quote))
    from .roles import find_role

    role = find_role(context, start, end)
    if role is not None:
        features[f"role_{role.role}"] = 1.0
        features[f"role_{role.role}_valence"] = valence["v_near"] / 4.0
    if target_index == 0 or (tokens and tokens[0][0] >= start):
        features["target_first"] = 1.0
    if text[start:end].lower() in _PRONOUNS:
        features["target_pronoun"] = 1.0
    return features, spans


def _stem(word: str) -> str:
    """A crude suffix stripper, so that "accused", "accuses" and "accusing" share a feature."""
    for suffix in ("ingly", "edly", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _add(features: dict[str, float], spans: dict[str, tuple[int, int]], name: str, value: float,
         span: tuple[int, int]) -> None:
    features[name] = features.get(name, 0.0) + value
    spans.setdefault(name, span)


def _attribution(context: SentimentContext, start: int, end: int, target_quote: Quote | None) -> dict[str, float]:
    features: dict[str, float] = {}
    if target_quote is not None:
        features[f"in_{target_quote.kind}_quote"] = 1.0
    for quote in context.quotes:
        if quote.speaker is not None and quote.speaker.start < end and start < quote.speaker.end:
            features[f"is_speaker_{quote.kind}"] = 1.0
    return features
