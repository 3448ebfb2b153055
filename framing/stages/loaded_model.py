"""Learned loaded-phrase scorer: text -> charged words and short phrases that no term list holds.

Each content word is scored by a logistic regression over properties, never over the word's
identity: VADER valence of the word, of a related form and of its neighbours, intensifier and
booster cues, suffix and shape, how common the word is in news, metaphor and dehumanisation
vocabulary (animals, vermin, disease, fire, war, crime, theatre), whether a person or group
stands beside it, and the lexicon category of a related form. The weights were fitted at build
time by ``tools/train_loaded_model.py`` and ship as plain JSON (``framing/data/loaded_terms.json``);
scoring is dict lookups and additions, memoised per word, so it runs in linear time without
scikit-learn or NumPy. Seeds above the threshold grow into a phrase over adjacent charged
words, an ``of`` between two of them ("firestorm of outrage") and a verb particle ("signed away").
The features are named by ``framing.stages.loaded_features`` (shared with the trainer) from the
word classes of ``framing.stages.loaded_vocabulary``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import add, itemgetter
from typing import Any, Final

from framing.stages.loaded_features import (
    FEATURE_VERSION,
    WORD,
    is_candidate,
    is_scored,
    neighbour_features,
    token_features,
    tokenize,
    word_features,
)
from framing.stages.loaded_vocabulary import LITERAL_WORDS
from framing.text.resources import read_model_text

MODEL_FILE = "loaded_terms.json"
# Probability at which a word seeds a hit: the out-of-fold F1-optimal threshold on the training
# tokens (chosen on training data only; see the model card).
DEFAULT_THRESHOLD = 0.2
# A neighbour joins a seed's phrase at this lower probability (hysteresis; a round number,
# not tuned on any evaluation set).
EXTEND_THRESHOLD = 0.1
# The category head must be at least this sure, else the hit is "loaded_other".
CATEGORY_MIN = 0.35
OTHER_CATEGORY = "loaded_other"
# Memoised words before the memo starts afresh (bounds memory on huge corpora).
MAX_WORD_CACHE = 200_000

# WORD as one group, so that splitting on it keeps the words between the gaps.
_WORD_GROUP = re.compile(f"({WORD.pattern})")

# Particles that complete a phrasal verb ("signed away", "sold out", "caved in").
PARTICLES = frozenset("away off out up down over in back around".split())
# Irregular past forms that take a particle ("sold out", "gave away", "threw out").
IRREGULAR_PAST = frozenset("sold gave given threw thrown sent let put shut ran broke".split())
# Endings of adjectives (and attributive participles: "rigged election"); the noun after such a
# charged word is part of the phrase that carries the loading ("imperial fantasies").
ADJECTIVE_SUFFIXES = ("ous", "ive", "ful", "less", "ic", "ical", "al", "able", "ible", "ish", "ary", "ed",
                      "ian", "ent", "ant", "ist", "y")


@dataclass(frozen=True, slots=True)
class ModelTermHit:
    """One loaded word or phrase found by the learned scorer."""

    start: int
    end: int
    text: str  # as written: "firestorm of outrage"
    term: str  # lower-case text
    category: str  # most similar lexicon category, or "loaded_other"
    confidence: float  # probability of the strongest word in the phrase
    cued: bool = True  # a word above the threshold carries its own cue of charge (EVIDENCE_FEATURES)


# Memoised per-word scores, as a plain tuple read by the indices below: a plain tuple of
# numbers, strings and flags is dropped from the garbage collector's tracking, so a memo of
# many thousand words adds nothing to each full collection.
_WordInfo = tuple[float, float, float, str, bool, bool, bool, bool, bool, bool, bool, bool, bool]
_OWN: Final = 0  # own logit (0.0 for a word not scored)
_AS_PREV: Final = 1  # added to the logit of the next word
_AS_NEXT: Final = 2  # added to the logit of the previous word
_CATEGORY: Final = 3
_IS_PARTICLE: Final = 4
_IS_OF: Final = 5
_IS_VERB_FORM: Final = 6  # ends like a past or -ing form, so a particle after it completes a phrasal verb
_IS_ATTRIBUTIVE: Final = 7  # looks like an adjective, so the noun after it belongs to the phrase
_IS_NOUNISH: Final = 8  # a content word that can head a noun phrase
_IS_POSSESSIVE: Final = 9  # "minister's": joins a phrase only when charged itself
_HAS_EVIDENCE: Final = 10  # the word itself carries a cue of charge (see EVIDENCE_FEATURES)
_IS_LITERAL: Final = 11  # one of LITERAL_WORDS: its neighbours' cues are read literally ("the quake flattened")
_IS_SCORED: Final = 12  # a candidate (``is_scored``): only such a word has a logit of its own
_IS_SCORED_OF = itemgetter(_IS_SCORED)
# Features of a word that say something about its charge: a VADER valence of the word or its
# family, a booster, a semantic field, a related lexicon form. A word with none of them (only its
# length, frequency, suffix, case or neighbours) is charged by context alone; a phrase none of
# whose seeds has a cue is not ``cued``, and the report keeps it only beside a lexicon hit.
# Such scorer hits were right 11 % of the time on PTC dev (110 hits) and 33 % on our dev texts
# (15), against 26-32 % for the other scorer hits.
EVIDENCE_FEATURES: Final = ("vn", "vp", "fvn", "fvp", "boost", "sem_", "rel_")


@dataclass(frozen=True, eq=False)
class LoadedModel:
    """Binary weights, per-category head, and the tables the features read."""

    intercept: float
    weights: dict[str, float]
    categories: tuple[str, ...]
    category_intercepts: tuple[float, ...]
    category_weights: dict[str, tuple[float, ...]]
    frequencies: dict[str, str]
    related: dict[str, tuple[tuple[str, str], ...]]
    sha256: str
    memo: dict[str, _WordInfo]


# --- loading --------------------------------------------------------------------------


@cache
def load_model() -> LoadedModel:
    """The shipped model (read lazily, once).

    Raises:
        FileNotFoundError: when ``framing/data/loaded_terms.json`` is missing.
        ValueError: when it was built for another feature version.
    """
    raw = read_model_text(MODEL_FILE)
    data: dict[str, Any] = json.loads(raw)
    if data.get("feature_version") != FEATURE_VERSION:
        raise ValueError(f"{MODEL_FILE}: feature_version {data.get('feature_version')!r}, expected "
                         f"{FEATURE_VERSION}; rerun tools/train_loaded_model.py")
    head = data["category_head"]
    if any(len(row) != len(head["categories"]) for row in head["weights"].values()):
        raise ValueError(f"{MODEL_FILE}: a category weight row does not hold one weight per category")
    return LoadedModel(
        intercept=float(data["intercept"]), weights={k: float(v) for k, v in data["weights"].items()},
        categories=tuple(head["categories"]), category_intercepts=tuple(head["intercepts"]),
        category_weights={k: tuple(v) for k, v in head["weights"].items()},
        frequencies=dict(data["frequencies"]),
        related={k: tuple((w, c) for w, c in v) for k, v in data["related"].items()},
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(), memo={},
    )


def model_sha256() -> str:
    """SHA-256 of the shipped weights file, to make results reproducible."""
    return load_model().sha256


# --- scoring --------------------------------------------------------------------------


def _info(model: LoadedModel, word: str) -> _WordInfo:
    """Score one word: its own logit, its pull on neighbours and its flags."""
    weights = model.weights
    lower = word.lower()
    own = 0.0
    category = OTHER_CATEGORY
    evidence = False
    scored = is_scored(word)
    if scored:
        features = word_features(word, model.frequencies, model.related)
        own = sum(map(weights.get, features, repeat(0.0)))
        category = _category(model, features)
        evidence = any(name.startswith(EVIDENCE_FEATURES) for name in features)
    return (
        own,
        sum(map(weights.get, neighbour_features(word, "p"), repeat(0.0))),
        sum(map(weights.get, neighbour_features(word, "n"), repeat(0.0))),
        category, lower in PARTICLES, lower == "of",
        lower.endswith(("ed", "ing")) or lower in IRREGULAR_PAST,
        scored and looks_attributive(lower),
        scored and looks_nounish(lower),
        lower.endswith(("'s", "’s")),
        evidence, lower in LITERAL_WORDS, scored,
    )


def looks_attributive(lower: str) -> bool:
    """Whether a lowercase word ends like an adjective or an attributive participle."""
    return lower.endswith(ADJECTIVE_SUFFIXES) and not lower.endswith("ment")


def looks_nounish(lower: str) -> bool:
    """Whether a lowercase content word may head a noun phrase (not an -ly adverb or -ed form)."""
    return not lower.endswith(("ly", "ed"))


_NEXT_WORD = re.compile(r"[ \u00a0]([^\W\d_]+(?:['’-][^\W\d_]+)*)")


def noun_after(text: str, start: int, end: int, stop: int) -> int | None:
    """Where the phrase of an attributive charged word ``text[start:end]`` ends when a noun follows it.

    The scorer's own extent rule ("imperial fantasies", "corrupt officials"), for phrases found
    elsewhere: the last word must look like an adjective and the next word, one space away and
    before ``stop``, like a content word that can head a noun phrase. None when no noun joins.
    """
    words = text[start:end].split()
    if not words or not looks_attributive(words[-1].lower()) or words[-1].lower().endswith("ly"):
        return None  # an adverb ("merely") modifies what follows, it does not name it
    if words[-1].lower() in PARTICLES:
        return None  # "looking away" ends in a particle, not an adjective in -y
    found = _NEXT_WORD.match(text, end, stop)
    if found is None:
        return None
    word = found.group(1)
    if not is_candidate(word) or not looks_nounish(word.lower()):
        return None
    if word[0].isupper():
        return None  # a name is not part of the label ("so-called Black Sea Grain Initiative")
    return found.end(1)


def _category(model: LoadedModel, features: list[str]) -> str:
    scores = list(model.category_intercepts)
    rows = model.category_weights
    for name in features:
        row = rows.get(name)
        if row is not None:  # a row holds one weight per category (checked on loading)
            scores = list(map(add, scores, row))
    top = max(scores)
    total = sum(math.exp(s - top) for s in scores)
    best = scores.index(top)
    return model.categories[best] if 1.0 / total >= CATEGORY_MIN else OTHER_CATEGORY


@lru_cache(maxsize=64)
def _cutoffs(threshold: float, intercept: float) -> tuple[float, float]:
    """The summed feature weights at which a word seeds a phrase and at which it joins one (worked out once per threshold)."""
    return _logit(threshold) - intercept, min(_logit(EXTEND_THRESHOLD), _logit(threshold)) - intercept


def _logit(probability: float) -> float:
    probability = min(max(probability, 1e-9), 1 - 1e-9)
    return math.log(probability / (1 - probability))


def find_loaded_phrases(text: str, *, threshold: float = DEFAULT_THRESHOLD,
                        exclude: Sequence[tuple[int, int]] = ()) -> tuple[ModelTermHit, ...]:
    """Find loaded words and short phrases; words overlapping an ``exclude`` span are skipped.

    A hit's confidence is the probability of its strongest word; phrases never cross
    punctuation, so closing punctuation stays outside.
    """
    if not text:
        return ()
    model = load_model()
    memo = model.memo
    if len(memo) > MAX_WORD_CACHE:
        memo.clear()
    # The text as gap, word, gap, ..., word, gap: words, offsets and what stands between
    # two words come from one C-level split, with no match object per word.
    pieces = _WORD_GROUP.split(text)
    words = pieces[1::2]
    try:
        infos = list(map(memo.__getitem__, words))
    except KeyError:  # words not seen before: score them once, then look all up again
        fresh = {word: _info(model, word) for word in set(words).difference(memo)}
        memo.update(fresh)
        # (read from this call's own scores first: another thread may clear the memo meanwhile)
        infos = [fresh.get(word) or memo.get(word) or _info(model, word) for word in words]
    bounds = list(accumulate(map(len, pieces)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    # joined[i]: only spaces (two at most, or nothing) between word i - 1 and word i; the
    # gaps before the first word and after the last are never joins
    joined = [gap == " " or (len(gap) <= 2 and not gap.strip()) for gap in pieces[0::2]]
    count = len(infos)
    joined[0] = joined[count] = False
    seed_at, extend_at = _cutoffs(threshold, model.intercept)
    free = _free(starts, ends, exclude)
    logits: list[float | None] = [None] * count
    charged = []  # the words with a logit, in text order
    previous_edge, next_edge = model.weights.get("p_edge", 0.0), model.weights.get("n_edge", 0.0)
    for i in compress(range(count), map(_IS_SCORED_OF, infos)):  # content words only
        if not free[i]:
            continue
        info = infos[i]
        own = info[_OWN]
        own += infos[i - 1][_AS_PREV] if joined[i] else previous_edge
        own += infos[i + 1][_AS_NEXT] if joined[i + 1] else next_edge
        if own >= (seed_at if info[_IS_POSSESSIVE] else extend_at):
            logits[i] = own
            charged.append(i)
    if not charged:
        return ()  # most short spans
    return tuple(_phrases(text, starts, ends, joined, infos, logits, charged, seed_at, model.intercept, free))


def _free(starts: list[int], ends: list[int], exclude: Sequence[tuple[int, int]]) -> list[bool]:
    """Which words (``starts``/``ends``, in text order) overlap no span of ``exclude``, and one False after them.

    Each span marks the run of words ending after its start and starting before its end,
    found by bisection, so the cost grows with the spans, not with every word of the text.
    The False after the last word stands for the end of the text, over which no phrase grows.
    """
    free = [True] * len(starts)
    for start, end in exclude:
        first, last = bisect_right(ends, start), bisect_left(starts, end)
        if first < last:
            free[first:last] = [False] * (last - first)
    free.append(False)
    return free


def _phrases(text: str, starts: list[int], ends: list[int], joined: list[bool], infos: list[_WordInfo],
             logits: list[float | None], charged: list[int], seed_at: float, intercept: float,
             free: list[bool]) -> Iterator[ModelTermHit]:
    """Grow each charged word into its phrase; a phrase never takes in an excluded word (not ``free``).

    ``joined[i]`` says whether word ``i`` stands right after word ``i - 1`` (spaces only between);
    ``charged`` lists the words with a logit, in text order.
    """
    count = len(logits)
    done = 0  # the first word no phrase so far has taken in
    for i in charged:
        if i < done:
            continue
        first = last = i
        while True:  # grow right over adjacent charged words, "of" + charged word, or a particle
            nxt = last + 1
            if nxt >= count or not free[nxt] or not joined[nxt]:
                break
            if logits[nxt] is not None:
                last = nxt
            elif infos[nxt][_IS_OF] and free[nxt + 1] and logits[nxt + 1] is not None and joined[nxt + 1]:
                last = nxt + 1
            elif infos[nxt][_IS_PARTICLE] and infos[last][_IS_VERB_FORM]:
                last = nxt
                break
            elif infos[last][_IS_ATTRIBUTIVE] and infos[nxt][_IS_NOUNISH] and logits[last] is not None:
                last = nxt
                break
            else:
                break
        scores = [s for s in logits[first:last + 1] if s is not None]
        best = max(scores)
        if best >= seed_at:
            strongest = first + [s if s is not None else -math.inf for s in logits[first:last + 1]].index(best)
            start, end = starts[first], ends[last]
            phrase = text[start:end]
            cued = any(infos[k][_HAS_EVIDENCE] and not _beside_literal(infos, joined, k) for k in range(first, last + 1))
            yield ModelTermHit(start, end, phrase, phrase.lower(), infos[strongest][_CATEGORY],
                               round(1.0 / (1.0 + math.exp(-(best + intercept))), 4), cued)
        done = last + 1


def _beside_literal(infos: list[_WordInfo], joined: list[bool], k: int) -> bool:
    """Whether word ``k`` stands right next to a literal news word ("earthquake flattened", "bomb
    destroyed"): its cue then reads literally too, so it cues no phrase."""
    return (joined[k] and infos[k - 1][_IS_LITERAL]) or (joined[k + 1] and infos[k + 1][_IS_LITERAL])


def word_probabilities(text: str) -> tuple[tuple[str, float | None], ...]:
    """Each word with its loaded probability in context (None for a closed-class word), to explain a hit."""
    model = load_model()
    tokens = list(tokenize(text))
    out: list[tuple[str, float | None]] = []
    for i, (_, _, word) in enumerate(tokens):
        if not is_scored(word):
            out.append((word, None))
            continue
        logit = model.intercept + sum(model.weights.get(name, 0.0) for name in
                                      token_features(text, tokens, i, model.frequencies, model.related))
        out.append((word, round(1.0 / (1.0 + math.exp(-logit)), 4)))
    return tuple(out)
