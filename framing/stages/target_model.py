"""A small linear model of sentiment toward a target, and the features it reads.

The features are the words around the target (which side, how near, whether in its
clause), VADER and lexicon valences of the clause, loaded-term categories, negation and
attribution. The weights were fitted with scikit-learn's logistic regression on the
NewsMTSC training split (Hamborg & Donnay 2021, MIT licence) by ``tools/train_target_sentiment.py``
and ship as plain JSON: prediction is a dot product, so neither scikit-learn nor NumPy is
imported at run time, and the words that weighed most are the explanation.
"""

from __future__ import annotations

import heapq
import json
import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import itemgetter
from typing import Literal

from framing.context import ContextToken, TextContext, first_token_ending_after
from framing.model import Quote
from framing.stages.rule_sentiment import rule_score
from framing.text.resources import data_sha256, read_model_text

FEATURE_VERSION = 7
MODEL_FILE = "target_sentiment.json"
# Distinct words whose weight sums are memoised before the memo starts afresh.
MAX_WORD_CACHE = 200_000
# Speakers are short: one that overlaps a target starts at most this far before it.
MAX_SPEAKER_CHARS = 200
# Words within this many tokens of the target are features of their own.
WINDOW = 20
# Clause words further than this many tokens from the target are not features (a clause
# without punctuation can run for thousands of words).
CLAUSE_REACH = 40
# Distance (in tokens) at which a window word counts half.
DECAY = 4.0
_PRONOUNS = frozenset("he she they him her them his hers their theirs it its i we us you".split())


@dataclass(frozen=True)
class TargetModel:
    """Multinomial logistic regression weights: feature -> one weight per label.

    ``word_cache`` memoises the summed weights of a word's feature names by (feature word,
    stem, next word) (common words recur in every text); it is bounded by MAX_WORD_CACHE.
    """

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    feature_version: int
    info: dict[str, object]
    word_cache: dict[tuple[str, str, str], _TokenWeights] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Prediction:
    """Label probabilities and the features that pushed hardest toward the predicted label."""

    probabilities: dict[str, float]
    label: str
    top_features: tuple[tuple[str, float], ...]


def model_sha256() -> str:
    """The sha256 of the shipped weights file ("" when it is missing)."""
    return data_sha256(MODEL_FILE)


@cache
def load_model() -> TargetModel | None:
    """The shipped model, or None when it is missing or was built for other features."""
    try:
        data = json.loads(read_model_text(MODEL_FILE))
    except (FileNotFoundError, ValueError):
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
    known = []
    weights_of = model.weights.get
    for name, value in features.items():
        weights = weights_of(name)
        if weights is not None:
            known.append((name, value, weights))
            for index, weight in enumerate(weights):
                scores[index] += weight * value
    peak = max(scores)
    exponentials = [math.exp(score - peak) for score in scores]
    total = sum(exponentials)
    probabilities = {label: e / total for label, e in zip(model.labels, exponentials)}
    best = max(range(len(scores)), key=scores.__getitem__)
    share = 1.0 / (len(scores) - 1)
    # how much each feature favours the chosen label over the mean of the others
    contributions = [
        (name, value * (weights[best] - (sum(weights) - weights[best]) * share)) for name, value, weights in known
    ]
    strongest = heapq.nlargest(top, contributions, key=lambda item: item[1])
    return Prediction(probabilities, model.labels[best], tuple(c for c in strongest if c[1] > 0))


# Positions in ``word_feature_names``: one name per side (L, R) for each kind of word feature.
_WORD, _STEM, _NEAR, _BIGRAM, _CLAUSE = 0, 2, 4, 6, 8


@lru_cache(maxsize=65_536)
def word_feature_names(word: str, stem: str, following: str) -> tuple[str, ...]:
    """A word's feature names, made once per word: side word, stem, near word, bigram, clause."""
    return (f"L:{word}", f"R:{word}", f"Ls:{stem}" if stem != word else "", f"Rs:{stem}" if stem != word else "",
            f"L2:{word}", f"R2:{word}", f"L:{word}_{following}", f"R:{word}_{following}", f"C:{word}")


@dataclass(frozen=True, slots=True)
class _TokenWeights:
    """A word's summed model weights per side, so scoring needs no feature names at run time."""

    names: tuple[str, ...]             # the word's feature names (``word_feature_names``)
    left: tuple[float, ...]            # side word + stem + bigram
    left_alone: tuple[float, ...]      # side word + stem (the word right before the target: no bigram)
    right: tuple[float, ...]
    right_alone: tuple[float, ...]     # the scope's last word has no bigram either
    near_left: tuple[float, ...]
    near_right: tuple[float, ...]
    clause: tuple[float, ...]


_ZERO = (0.0, 0.0, 0.0)
# 1 / (1 + distance / DECAY) for the window's distances, worked out once.
_DECAY_WEIGHTS = tuple(1.0 / (1.0 + distance / DECAY) for distance in range(WINDOW + 1))


def _sum(model: TargetModel, *names: str) -> tuple[float, ...]:
    """The summed weights of some feature names (three labels: negative, neutral, positive)."""
    a = b = c = 0.0
    get = model.weights.get
    for name in names:
        weights = get(name)
        if weights is not None:
            a, b, c = a + weights[0], b + weights[1], c + weights[2]
    return (a, b, c)


def _token_names(tokens: Sequence[ContextToken], index: int) -> tuple[str, ...]:
    """The feature names of ``tokens[index]`` (its word, stem and the word after it)."""
    token = tokens[index]
    return word_feature_names(token.feature_word, token.stem, tokens[index + 1].word if index + 1 < len(tokens) else "")


def _token_weights(model: TargetModel, tokens: Sequence[ContextToken], index: int) -> _TokenWeights:
    """The summed weights of ``tokens[index]``'s feature names (memoised by its word, stem and next word)."""
    token = tokens[index]
    key = (token.feature_word, token.stem, tokens[index + 1].word if index + 1 < len(tokens) else "")
    found = model.word_cache.get(key)
    if found is not None:
        return found
    if len(model.word_cache) > MAX_WORD_CACHE:
        model.word_cache.clear()
    n = word_feature_names(*key)
    found = model.word_cache[key] = _TokenWeights(
        names=n,
        left=_sum(model, n[_WORD], n[_STEM], n[_BIGRAM]), left_alone=_sum(model, n[_WORD], n[_STEM]),
        right=_sum(model, n[_WORD + 1], n[_STEM + 1], n[_BIGRAM + 1]), right_alone=_sum(model, n[_WORD + 1], n[_STEM + 1]),
        near_left=_sum(model, n[_NEAR]), near_right=_sum(model, n[_NEAR + 1]), clause=_sum(model, n[_CLAUSE]),
    )
    return found


def predict_target(model: TargetModel, context: TextContext, start: int, end: int, *,
                   voice: Literal["author", "any"] = "any", top: int = 5) -> tuple[Prediction, list[tuple[int, int]]]:
    """The model's prediction for one target, scored straight from per-word weight sums.

    Gives the same scores as ``predict(model, target_features(...)[0])`` (up to float
    rounding) without building feature names; the explanation ranks words as wholes
    (a word's side, stem, bigram and clause features together). Also returns the spans of
    the words behind the top features.
    """
    features, spans, named = _collect(context, start, end, voice, model)
    weights_of = model.weights.get
    for name, value in features.items():
        weights = weights_of(name)
        if weights is not None:
            named.append((name, (weights[0] * value, weights[1] * value, weights[2] * value)))
    s0, s1, s2 = model.intercepts
    for _, (a, b, c) in named:
        s0 += a
        s1 += b
        s2 += c
    scores = (s0, s1, s2)
    peak = max(scores)
    exponentials = [math.exp(score - peak) for score in scores]
    total = sum(exponentials)
    probabilities = {label: e / total for label, e in zip(model.labels, exponentials)}
    best = max(range(3), key=scores.__getitem__)
    # how much each feature favours the chosen label over the mean of the other two; the
    # strongest positive ones, ties in feature order (a stable sort, as heapq.nlargest ranks)
    margins = [(name, margin) for name, vector in named
               if (margin := 1.5 * vector[best] - 0.5 * (vector[0] + vector[1] + vector[2])) > 0]
    strongest = tuple(sorted(margins, key=itemgetter(1), reverse=True)[:top])
    evidence = [spans[name] for name, _ in strongest if name in spans]
    return Prediction(probabilities, model.labels[best], strongest), evidence


def _collect(context: TextContext, start: int, end: int, voice: Literal["author", "any"],
             model: TargetModel) -> tuple[dict[str, float], dict[str, tuple[int, int]], list[tuple[str, tuple[float, ...]]]]:
    """Dense features by name, and each window word's summed weight vector (see ``target_features``).

    The hot loop of the library (every actor mention runs it over up to a hundred words),
    so the three labels are unrolled by hand.
    """
    low, high, clause_start, clause_end = context.clause(start, end)
    target_quote = context.quote_index.at(start)
    tokens, starts = context.tokens(low, high)
    table = context.token_slots(low, high, model)
    features: dict[str, float] = {"bias": 1.0}
    spans: dict[str, tuple[int, int]] = {}
    words: list[tuple[str, tuple[float, ...]]] = []
    n_tokens = len(tokens)
    target_index = first_token_ending_after(tokens, starts, start)
    after_index = bisect_left(starts, end)
    clause_first = max(bisect_left(starts, clause_start), target_index - CLAUSE_REACH)
    clause_last = min(bisect_left(starts, clause_end), after_index + CLAUSE_REACH)
    first = max(0, min(target_index - WINDOW, clause_first))
    last = min(n_tokens, max(after_index + WINDOW, clause_last))
    author = voice == "author"
    v_left = v_right = v_clause_pos = v_clause_neg = v_near = 0.0
    for index in range(first, last):
        token_start, token_end, _, _, _, value, _, _, _, quote, is_negator = tokens[index]
        if start <= token_start < end:
            continue
        if author and quote is not None and quote is not target_quote:
            continue
        left = index < target_index
        distance = target_index - index if left else index - after_index + 1
        weights = table[index]
        if weights is None:
            weights = table[index] = _token_weights(model, tokens, index)
        a = b = c = 0.0
        # (a word without valence adds nothing to the valence sums, so they skip it)
        if distance <= WINDOW:
            weight = _DECAY_WEIGHTS[distance] if distance > 0 else 1.0 / (1.0 + distance / DECAY)
            if left:
                side = weights.left if index + 1 < target_index else weights.left_alone
                near = weights.near_left if distance <= 2 else _ZERO
            else:
                side = weights.right if index + 1 < n_tokens else weights.right_alone
                near = weights.near_right if distance <= 2 else _ZERO
            a = weight * side[0] + near[0]
            b = weight * side[1] + near[1]
            c = weight * side[2] + near[2]
            if value:
                if left:
                    v_left += value * weight
                else:
                    v_right += value * weight
                name = _VALENCE_NAMES[left, value > 0, distance <= 3]
                features[name] = features.get(name, 0.0) + abs(value) / 4.0
                if name not in spans:
                    spans[name] = (token_start, token_end)
        if clause_first <= index < clause_last:
            clause = weights.clause
            a += clause[0]
            b += clause[1]
            c += clause[2]
            if value:
                if value > 0:
                    v_clause_pos += value
                else:
                    v_clause_neg += value
                v_near += value / (1.0 + distance / 4.0)
        if distance <= 3 and is_negator:
            features["negation_near"] = 1.0
        if a or b or c:
            name = weights.names[_WORD if left else _WORD + 1]
            words.append((name, (a, b, c)))
            if name not in spans:
                spans[name] = (token_start, token_end)
    valence = {"v_left": v_left, "v_right": v_right, "v_clause_pos": v_clause_pos, "v_clause_neg": v_clause_neg,
               "v_near": v_near}
    _dense_features(context, start, end, voice, features, spans, valence, low, high, clause_start, clause_end,
                    target_quote, target_index)
    return features, spans, words


# Names of the valence features by (left of the target, positive, within three words).
_VALENCE_NAMES = {
    (left, positive, near): f"{'L' if left else 'R'}:{'pos' if positive else 'neg'}@{'near' if near else 'far'}"
    for left in (True, False) for positive in (True, False) for near in (True, False)
}


def target_features(context: TextContext, start: int, end: int, *,
                    voice: Literal["author", "any"] = "any") -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
    """Features of one target, and for each word feature the span of the word behind it."""
    low, high, clause_start, clause_end = context.clause(start, end)
    target_quote = context.quote_index.at(start)
    tokens, starts = context.tokens(low, high)
    features: dict[str, float] = {"bias": 1.0}
    spans: dict[str, tuple[int, int]] = {}
    target_index = first_token_ending_after(tokens, starts, start)
    after_index = bisect_left(starts, end)
    clause_first = max(bisect_left(starts, clause_start), target_index - CLAUSE_REACH)
    clause_last = min(bisect_left(starts, clause_end), after_index + CLAUSE_REACH)
    first = max(0, min(target_index - WINDOW, clause_first))
    last = min(len(tokens), max(after_index + WINDOW, clause_last))
    valence = {"v_left": 0.0, "v_right": 0.0, "v_clause_pos": 0.0, "v_clause_neg": 0.0, "v_near": 0.0}
    for index in range(first, last):
        token = tokens[index]
        if start <= token.start < end:
            continue
        if voice == "author" and token.quote is not None and token.quote is not target_quote:
            continue
        left = index < target_index
        distance = target_index - index if left else index - after_index + 1
        side = 0 if left else 1
        names, value, span = _token_names(tokens, index), token.value, (token.start, token.end)
        if distance <= WINDOW:
            weight = 1.0 / (1.0 + distance / DECAY)
            _add(features, spans, names[_WORD + side], weight, span)
            if names[_STEM + side]:
                _add(features, spans, names[_STEM + side], weight, span)
            if distance <= 2:
                _add(features, spans, names[_NEAR + side], 1.0, span)
            if index + 1 < len(tokens) and (not left or index + 1 < target_index):
                _add(features, spans, names[_BIGRAM + side], weight, (token.start, tokens[index + 1].end))
            valence["v_left" if left else "v_right"] += value * weight
            if value:
                bucket = "near" if distance <= 3 else "far"
                polarity = "pos" if value > 0 else "neg"
                _add(features, spans, f"{'LR'[side]}:{polarity}@{bucket}", abs(value) / 4.0, span)
        if clause_first <= index < clause_last:
            _add(features, spans, names[_CLAUSE], 1.0, span)
            valence["v_clause_pos" if value > 0 else "v_clause_neg"] += value
            valence["v_near"] += value / (1.0 + distance / 4.0)
        if distance <= 3 and token.is_negator:
            features["negation_near"] = 1.0
    _dense_features(context, start, end, voice, features, spans, valence, low, high, clause_start, clause_end,
                    target_quote, target_index)
    return features, spans


def _dense_features(context: TextContext, start: int, end: int, voice: Literal["author", "any"],
                    features: dict[str, float], spans: dict[str, tuple[int, int]], valence: dict[str, float],
                    low: int, high: int, clause_start: int, clause_end: int, target_quote: Quote | None,
                    target_index: int) -> None:
    """The features that are not words: valence sums, lexicon categories, attribution, role."""
    for name, total in valence.items():
        features[name] = total / 4.0
    for hit in context.hit_index.within(clause_start, clause_end):
        if voice == "author" and hit.in_quote and (target_quote is None or not target_quote.start <= hit.start < target_quote.end):
            continue
        _add(features, spans, f"cat:{hit.category}", 1.0, (hit.start, hit.end))
        features["lex_valence"] = features.get("lex_valence", 0.0) + hit.valence / 4.0
    features["sentence_compound"] = context.compound_of(low, high)
    features["rule_score"] = rule_score(context, start, end, voice, target_quote)
    features.update(_attribution(context, start, end, target_quote))
    role = context.roles.get((start, end))
    if role is not None:
        features[f"role_{role.role}"] = 1.0
        features[f"role_{role.role}_valence"] = valence["v_near"] / 4.0
    if target_index == 0:
        features["target_first"] = 1.0
    if context.text[start:end].lower() in _PRONOUNS:
        features["target_pronoun"] = 1.0


def _add(features: dict[str, float], spans: dict[str, tuple[int, int]], name: str, value: float,
         span: tuple[int, int]) -> None:
    features[name] = features.get(name, 0.0) + value
    spans.setdefault(name, span)


def _attribution(context: TextContext, start: int, end: int, target_quote: Quote | None) -> dict[str, float]:
    features: dict[str, float] = {}
    if target_quote is not None:
        features[f"in_{target_quote.kind}_quote"] = 1.0
    for speaker in context.speaker_index.within(start - MAX_SPEAKER_CHARS, end):
        if speaker.start < end and start < speaker.end:
            features[f"is_speaker_{speaker.kind}"] = 1.0
    return features
