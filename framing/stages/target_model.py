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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain
from operator import itemgetter
from typing import Literal, get_args

from framing.context import ContextToken, TextContext, first_token_ending_after
from framing.model import Quote, Role
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
_LONGEST_PRONOUN = max(map(len, _PRONOUNS))


@dataclass(frozen=True)
class TargetModel:
    """Multinomial logistic regression weights: feature -> one weight per label.

    ``word_cache`` memoises the summed weights of a word's feature names by (feature word,
    stem, next word) (common words recur in every text), ``unigram_cache`` the part without
    the next word by (feature word, stem); each is bounded by MAX_WORD_CACHE.
    ``bigrams`` maps every word that starts some bigram feature to the words that may follow
    it in one: any other word's weights do not depend on the next word, so they are memoised
    by (word, stem) alone, and a next word outside the set needs no bigram look-up.
    """

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    feature_version: int
    info: dict[str, object]
    word_cache: dict[tuple[str, str, str], _TokenWeights] = field(default_factory=dict, compare=False, repr=False)
    unigram_cache: dict[tuple[str, str], _TokenWeights] = field(default_factory=dict, compare=False, repr=False)
    bigrams: dict[str, frozenset[str]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bigrams", _bigrams(self.weights))


def _bigrams(weights: dict[str, tuple[float, ...]]) -> dict[str, frozenset[str]]:
    """Each word that may start a bigram feature ``L:{word}_{next}`` or ``R:{word}_{next}``, and its next words.

    Every cut at an underscore counts, so a pair is found even if a word held one itself.
    """
    pairs: dict[str, set[str]] = {}
    for name in weights:
        if name.startswith(("L:", "R:")):
            at = name.find("_", 2)
            while at >= 0:
                pairs.setdefault(name[2:at], set()).add(name[at + 1:])
                at = name.find("_", at + 1)
    return {word: frozenset(following) for word, following in pairs.items()}


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


# A word's summed model weights per side, so scoring needs no feature names at run time:
# (left name, left, left alone, near left, right name, right, right alone, near right, clause).
# The names are the word's side features (``word_feature_names``); "left" sums side word + stem
# + bigram, "left alone" side word + stem (for the word right before the target, which has no
# bigram), and the same for the right (the scoring reads only "right": a scope's last word, which
# has no next word, gets the record without bigrams, whose "right" is its "right alone"). A plain
# tuple, not a NamedTuple or a dataclass: the scoring loops unpack it in one step (a tuple
# subclass unpacks several times slower, and a dataclass is read field by field).
_TokenWeights = tuple[str, tuple[float, ...], tuple[float, ...], tuple[float, ...],
                      str, tuple[float, ...], tuple[float, ...], tuple[float, ...], tuple[float, ...]]


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


def _token_weights(model: TargetModel, feature_word: str, stem: str, following: str) -> _TokenWeights:
    """The summed weights of a word's feature names (memoised by its word, stem and next word).

    The parts that do not depend on the next word are worked out once per (word, stem)
    (``_word_weights``); only the two bigram names are looked up per next word. The sums
    are the same additions in the same order as summing all the names at once.
    """
    followers = model.bigrams.get(feature_word)
    if followers is None:  # no bigram starts with this word
        return _word_weights(model, feature_word, stem)
    key = (feature_word, stem, following)
    found = model.word_cache.get(key)
    if found is not None:
        return found
    if len(model.word_cache) > MAX_WORD_CACHE:
        model.word_cache.clear()
    unigram = _word_weights(model, feature_word, stem)
    if following not in followers:  # the sums without bigrams: share the word's record
        found = model.word_cache[key] = unigram
        return found
    get = model.weights.get
    left_bigram, right_bigram = get(f"L:{feature_word}_{following}"), get(f"R:{feature_word}_{following}")
    left_name, _, left_alone, near_left, right_name, _, right_alone, near_right, clause = unigram
    found = model.word_cache[key] = (
        left_name,
        left_alone if left_bigram is None else (
            left_alone[0] + left_bigram[0], left_alone[1] + left_bigram[1], left_alone[2] + left_bigram[2]),
        left_alone, near_left,
        right_name,
        right_alone if right_bigram is None else (
            right_alone[0] + right_bigram[0], right_alone[1] + right_bigram[1], right_alone[2] + right_bigram[2]),
        right_alone, near_right, clause,
    )
    return found


def _word_weights(model: TargetModel, feature_word: str, stem: str) -> _TokenWeights:
    """A word's weight sums without its bigram (``left`` and ``right`` are ``left_alone`` and ``right_alone``)."""
    key = (feature_word, stem)
    found = model.unigram_cache.get(key)
    if found is not None:
        return found
    if len(model.unigram_cache) > MAX_WORD_CACHE:
        model.unigram_cache.clear()
    n = word_feature_names(feature_word, stem, "")
    left_alone, right_alone = _sum(model, n[_WORD], n[_STEM]), _sum(model, n[_WORD + 1], n[_STEM + 1])
    found = model.unigram_cache[key] = (
        n[_WORD], left_alone, left_alone, _sum(model, n[_NEAR]),
        n[_WORD + 1], right_alone, right_alone, _sum(model, n[_NEAR + 1]), _sum(model, n[_CLAUSE]),
    )
    return found


# What scoring reads of one word: its span (start, end), valence, quotation, negator flag, summed weights.
_Entry = tuple[tuple[int, int], float, "Quote | None", bool, _TokenWeights]
# A scored word or dense feature: name, its contribution to each label, and for a word its span.
_Row = tuple[str, float, float, float, "tuple[int, int] | None"]


def _scope_entries(model: TargetModel, tokens: tuple[ContextToken, ...]) -> list[_Entry]:
    """Every word of a scope with its summed weights, made once per scope and model.

    Nearly every word of a scope lies in some mention's window, so all are made at once.
    A word that starts no bigram is looked up by (word, stem) alone. The span is one tuple
    per word that every mention's rows and evidence share.
    """
    cache, unigrams, heads = model.word_cache, model.unigram_cache, model.bigrams
    last = len(tokens) - 1
    entries: list[_Entry] = []
    append = entries.append
    for index, (start, end, _, word, stem, value, _, _, _, quote, is_negator) in enumerate(tokens):
        # (weights are never falsy: a _TokenWeights is a non-empty tuple)
        if word in heads and index < last:  # the next word may make a bigram with this one
            following = tokens[index + 1].word
            weights = cache.get((word, stem, following)) or _token_weights(model, word, stem, following)
        else:  # (the scope's last word has no next word: its ``right`` is its ``right_alone``)
            weights = unigrams.get((word, stem)) or _word_weights(model, word, stem)
        append(((start, end), value, quote, is_negator, weights))
    return entries


def predict_target(model: TargetModel, context: TextContext, start: int, end: int, *,
                   voice: Literal["author", "any"] = "any", top: int = 5) -> tuple[Prediction, list[tuple[int, int]]]:
    """The model's prediction for one target, scored straight from per-word weight sums.

    Gives the same scores as ``predict(model, target_features(...)[0])`` (up to float
    rounding) without building feature names; the explanation ranks words as wholes
    (a word's side, stem, bigram and clause features together). Also returns the spans of
    the words behind the top features.
    """
    rows, features, spans, (s0, s1, s2) = _collect(context, start, end, voice, model)
    # the dense features after the words, summed in that order (as the feature-dict path adds them)
    weights_of = model.weights.get
    append = rows.append
    for name, value in features.items():
        # (a feature of value 0 adds zeros to the scores and has no margin: it is left out)
        if value and (weights := weights_of(name)) is not None:
            a, b, c = weights[0] * value, weights[1] * value, weights[2] * value
            append((name, a, b, c, None))
            s0 += a
            s1 += b
            s2 += c
    peak = max(s0, s1, s2)
    e0, e1, e2 = math.exp(s0 - peak), math.exp(s1 - peak), math.exp(s2 - peak)
    total = e0 + e1 + e2
    negative, neutral, positive = model.labels
    probabilities = {negative: e0 / total, neutral: e1 / total, positive: e2 / total}
    best = 0 if s0 >= s1 and s0 >= s2 else 1 if s1 >= s2 else 2  # the first of equal maxima, as max() picks
    # how much each feature favours the chosen label over the mean of the other two; the
    # strongest positive ones, ties in feature order (a stable sort, as heapq.nlargest ranks)
    if best == 0:
        margins = [(name, m) for name, a, b, c, _ in rows if (m := 1.5 * a - 0.5 * (a + b + c)) > 0.0]
    elif best == 1:
        margins = [(name, m) for name, a, b, c, _ in rows if (m := 1.5 * b - 0.5 * (a + b + c)) > 0.0]
    else:
        margins = [(name, m) for name, a, b, c, _ in rows if (m := 1.5 * c - 0.5 * (a + b + c)) > 0.0]
    margins.sort(key=itemgetter(1), reverse=True)
    strongest = tuple(margins[:top])
    # (a word's span is its first row's; a dense feature may have none)
    evidence = [span for name, _ in strongest if (span := spans.get(name)) is not None]
    return Prediction(probabilities, model.labels[best], strongest), evidence


def _collect(context: TextContext, start: int, end: int, voice: Literal["author", "any"], model: TargetModel
             ) -> tuple[list[_Row], dict[str, float], dict[str, tuple[int, int]], tuple[float, float, float]]:
    """Each window word's weight row, the dense features by name (see ``target_features``), the
    spans of the words' features (a word's first row's), the valence and the category features,
    and the label scores so far (intercepts plus words).

    The hot loop of the library (every actor mention runs it over up to a hundred words),
    so the three labels are unrolled by hand and the words left and right of the target
    have loops of their own.
    """
    low, high, clause_start, clause_end = context.clause(start, end)
    target_quote = context.quote_index.at(start)
    tokens, starts = context.tokens(low, high)
    entries = context.scope_table(low, high, model, _scope_entries)
    features: dict[str, float] = {"bias": 1.0}
    spans: dict[str, tuple[int, int]] = {}
    rows: list[_Row] = []
    append = rows.append
    n_tokens = len(tokens)
    target_index = first_token_ending_after(tokens, starts, start)
    after_index = bisect_left(starts, end)
    clause_first = max(bisect_left(starts, clause_start), target_index - CLAUSE_REACH)
    clause_last = min(bisect_left(starts, clause_end), after_index + CLAUSE_REACH)
    first = max(0, min(target_index - WINDOW, clause_first))
    last = min(n_tokens, max(after_index + WINDOW, clause_last))
    author = voice == "author"
    s0, s1, s2 = model.intercepts
    v_left = v_right = v_clause_pos = v_clause_neg = v_near = 0.0
    # (a word without valence adds nothing to the valence sums, so they skip it)
    for index in range(first, target_index):  # left of the target: distance >= 1
        span, value, quote, is_negator, (name, left, left_alone, near, _, _, _, _, clause) = entries[index]
        if author and quote is not None and quote is not target_quote:
            continue
        distance = target_index - index
        if distance <= WINDOW:
            weight = _DECAY_WEIGHTS[distance]
            side = left if distance > 1 else left_alone
            if distance <= 2:
                a = weight * side[0] + near[0]
                b = weight * side[1] + near[1]
                c = weight * side[2] + near[2]
            else:
                a = weight * side[0]
                b = weight * side[1]
                c = weight * side[2]
            if value:
                v_left += value * weight
                valence_name = _VALENCE_NAMES[True, value > 0.0, distance <= 3]
                features[valence_name] = features.get(valence_name, 0.0) + abs(value) / 4.0
                if valence_name not in spans:
                    spans[valence_name] = span
        else:
            a = b = c = 0.0
        if clause_first <= index < clause_last:
            a += clause[0]
            b += clause[1]
            c += clause[2]
            if value:
                if value > 0.0:
                    v_clause_pos += value
                else:
                    v_clause_neg += value
                v_near += value / (1.0 + distance / 4.0)
        if is_negator and distance <= 3:
            features["negation_near"] = 1.0
        if a or b or c:
            append((name, a, b, c, span))
            if name not in spans:
                spans[name] = span
            s0 += a
            s1 += b
            s2 += c
    # the words right of the target, by position: the target's own words (target_index up to
    # after_index) are no features, except a word that starts before the target does
    right_of_target: Iterable[int] = range(after_index, last)
    if target_index < after_index and starts[target_index] < start:
        right_of_target = chain((target_index,), right_of_target)
    for index in right_of_target:
        span, value, quote, is_negator, (_, _, _, _, name, right, _, near, clause) = entries[index]
        if author and quote is not None and quote is not target_quote:
            continue
        distance = index - after_index + 1
        if distance <= WINDOW:
            weight = _DECAY_WEIGHTS[distance] if distance > 0 else 1.0 / (1.0 + distance / DECAY)
            if distance <= 2:
                a = weight * right[0] + near[0]
                b = weight * right[1] + near[1]
                c = weight * right[2] + near[2]
            else:
                a = weight * right[0]
                b = weight * right[1]
                c = weight * right[2]
            if value:
                v_right += value * weight
                valence_name = _VALENCE_NAMES[False, value > 0.0, distance <= 3]
                features[valence_name] = features.get(valence_name, 0.0) + abs(value) / 4.0
                if valence_name not in spans:
                    spans[valence_name] = span
        else:
            a = b = c = 0.0
        if clause_first <= index < clause_last:
            a += clause[0]
            b += clause[1]
            c += clause[2]
            if value:
                if value > 0.0:
                    v_clause_pos += value
                else:
                    v_clause_neg += value
                v_near += value / (1.0 + distance / 4.0)
        if is_negator and distance <= 3:
            features["negation_near"] = 1.0
        if a or b or c:
            append((name, a, b, c, span))
            if name not in spans:
                spans[name] = span
            s0 += a
            s1 += b
            s2 += c
    _dense_features(context, start, end, voice, features, spans, (v_left, v_right, v_clause_pos, v_clause_neg, v_near),
                    low, high, clause_start, clause_end, target_quote, target_index)
    return rows, features, spans, (s0, s1, s2)


# The role features' names by role: the role, and the near valence of a target in that role.
_ROLE_NAMES = {role: (f"role_{role}", f"role_{role}_valence") for role in get_args(Role)}
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
    _dense_features(context, start, end, voice, features, spans, (
        valence["v_left"], valence["v_right"], valence["v_clause_pos"], valence["v_clause_neg"], valence["v_near"]),
        low, high, clause_start, clause_end, target_quote, target_index)
    return features, spans


def _dense_features(context: TextContext, start: int, end: int, voice: Literal["author", "any"],
                    features: dict[str, float], spans: dict[str, tuple[int, int]],
                    valence: tuple[float, float, float, float, float], low: int, high: int, clause_start: int,
                    clause_end: int, target_quote: Quote | None, target_index: int) -> None:
    """The features that are not words: valence sums (left, right, clause positive and negative,
    near), lexicon categories, attribution, role."""
    v_left, v_right, v_clause_pos, v_clause_neg, v_near = valence
    features["v_left"] = v_left / 4.0
    features["v_right"] = v_right / 4.0
    features["v_clause_pos"] = v_clause_pos / 4.0
    features["v_clause_neg"] = v_clause_neg / 4.0
    features["v_near"] = v_near / 4.0
    author = voice == "author"
    for hit in context.hit_index.within(clause_start, clause_end):
        if author and hit.in_quote and (target_quote is None or not target_quote.start <= hit.start < target_quote.end):
            continue
        _add(features, spans, f"cat:{hit.category}", 1.0, (hit.start, hit.end))
        features["lex_valence"] = features.get("lex_valence", 0.0) + hit.valence / 4.0
    features["sentence_compound"] = context.polarity_of(low, high).compound
    features["rule_score"] = rule_score(context, start, end, voice, target_quote, target_index)
    if target_quote is not None:
        features[f"in_{target_quote.kind}_quote"] = 1.0
    for speaker in context.speaker_index.within(start - MAX_SPEAKER_CHARS, end):
        if speaker.start < end and start < speaker.end:
            features[f"is_speaker_{speaker.kind}"] = 1.0
    role = context.roles.get((start, end))
    if role is not None:
        role_name, valence_name = _ROLE_NAMES[role.role]
        features[role_name] = 1.0
        features[valence_name] = v_near / 4.0
    if target_index == 0:
        features["target_first"] = 1.0
    if end - start <= _LONGEST_PRONOUN and context.text[start:end].lower() in _PRONOUNS:
        features["target_pronoun"] = 1.0


def _add(features: dict[str, float], spans: dict[str, tuple[int, int]], name: str, value: float,
         span: tuple[int, int]) -> None:
    features[name] = features.get(name, 0.0) + value
    spans.setdefault(name, span)

