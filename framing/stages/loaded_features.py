"""Loaded-phrase scorer's features: a word and its neighbours -> the names of their properties.

The one feature extractor, shared by the scorer (``framing.stages.loaded_model``) and the
trainer (``tools/train_loaded_model.py``), so the shipped weights always read the features they
were fitted on. A feature names a property, never the word's identity: VADER valence of the word,
of a related form and of its neighbours, intensifier and booster cues, suffix and shape, how common
the word is in news, semantic field, a person or group beside it, the lexicon category of a related form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from framing.stages.loaded_vocabulary import (
    FUNCTION_WORDS,
    GROUP_NOUNS,
    INTENSIFIERS,
    LITERAL_WORDS,
    SEMANTIC_CLASSES,
)
from framing.text.valence import vader_tables

# The shipped weights name the feature version they were fitted on; loading checks it.
FEATURE_VERSION = 5

# A word of letters, inner apostrophes and hyphens; never the tail of a token that opens with
# digits ("1920s-style", "3rd", "5G"): a phrase must not start inside a token. A dash ("men--torched")
# or an underscore ("_torched_", Markdown emphasis) before a word is no part of a token.
WORD = re.compile(r"(?<![^\W_])(?<![^\W_]-)[^\W\d_]+(?:['’-][^\W\d_]+)*")

# Each semantic-class word -> the indices (in SEMANTIC_CLASSES order) of the classes that hold it,
# and each class's feature name: one dict lookup per word instead of a scan over every class.
def _class_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, tuple[int, ...]] = {}
    for position, members in enumerate(SEMANTIC_CLASSES.values()):
        for member in members:
            index[member] = (*index.get(member, ()), position)
    return index


_CLASSES_OF = _class_index()
_CLASS_FEATURES = tuple("sem_" + name for name in SEMANTIC_CLASSES)
# English derivational and inflectional suffixes, longest first (a suffix is a word class cue,
# never the word itself).
_SUFFIXES = (
    "ingly", "fully", "ously", "ically", "ities", "ments", "ists", "isms", "ions", "ness", "ment", "less",
    "ical", "able", "ible", "ized", "ised", "ize", "ise", "ity", "ism", "ist", "ous", "ive", "ful", "ish",
    "ing", "ers", "ary", "ic", "ed", "er", "ly", "al", "es", "s",
)
# Each suffix's place in _SUFFIXES, and the suffix lengths in increasing order.
_SUFFIX_RANK = {suffix: rank for rank, suffix in reversed(list(enumerate(_SUFFIXES)))}
_SUFFIX_SIZES = tuple(sorted({len(suffix) for suffix in _SUFFIXES}))
# The length feature of a word by its length in characters (twelve and more alike).
_LENGTH_FEATURES = tuple(f"len{size // 3}" for size in range(13))
# Count bins of a word in the NewsMTSC training text (powers of about five; rarer is "f0").
FREQUENCY_BINS = ((1000, "f5"), (200, "f4"), (50, "f3"), (10, "f2"), (3, "f1"))


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (MIT licence), read once (see ``framing.text.valence``)."""
    return vader_tables()[0]


@cache
def vader_boosters() -> frozenset[str]:
    """VADER's intensity boosters and dampeners."""
    return frozenset(vader_tables()[1])


def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) for every word of letters, inner apostrophes and hyphens."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()


def _first_suffix(word: str, keep: int) -> str | None:
    """The first of ``_SUFFIXES`` that ``word`` ends with, leaving at least ``keep`` characters.

    Looks up the word's last one to six characters (``_SUFFIX_RANK``) instead of testing
    every suffix in turn; the lowest rank wins, as the first match in the tuple would.
    """
    best = len(_SUFFIXES)
    limit = len(word) - keep
    for size in _SUFFIX_SIZES:
        if size > limit:
            break
        rank = _SUFFIX_RANK.get(word[-size:])
        if rank is not None and rank < best:
            best = rank
    return _SUFFIXES[best] if best < len(_SUFFIXES) else None


def stem(word: str) -> str:
    """Strip one common suffix (a crude stemmer, enough to relate word families)."""
    suffix = _first_suffix(word, 4)
    return word if suffix is None else word[: -len(suffix)]


def is_candidate(word: str) -> bool:
    """Whether a word can carry a loading on its own: a content word of three letters or more."""
    lower = word.lower()
    return len(lower) >= 3 and lower not in FUNCTION_WORDS


def is_scored(word: str) -> bool:
    """Whether the scorer scores a word: a candidate that is not an outbreak word (``LITERAL_WORDS``)."""
    return is_candidate(word) and word.lower() not in LITERAL_WORDS


def _suffix(word: str) -> str | None:
    return _first_suffix(word, 3)


def _valence_bin(valence: float) -> str:
    size = abs(valence)
    strength = "3" if size >= 2.5 else "2" if size >= 1.5 else "1"
    return ("n" if valence < 0 else "p") + strength


def word_features(word: str, frequencies: dict[str, str],
                  related: dict[str, tuple[tuple[str, str], ...]]) -> list[str]:
    """Name the properties of a candidate word itself (never its identity)."""
    lower = word.lower()
    vader = vader_lexicon()
    features = [_LENGTH_FEATURES[min(len(lower), 12)], frequencies.get(lower, "f0")]
    valence = vader.get(lower)
    if valence is not None:
        features.append("v" + _valence_bin(valence))
    root = stem(lower)
    if valence is None:
        family = vader.get(root) or vader.get(root + "e")
        if family is not None:
            features.append("fv" + _valence_bin(family))
    if lower in vader_boosters() or lower in INTENSIFIERS:
        features.append("boost")
    suffix = _suffix(lower)
    if suffix:
        features.append("suf_" + suffix)
    if word[0].isupper():
        features.append("allcaps" if word.isupper() and len(word) > 1 else "cap")
    if "-" in lower:
        features.append("hyph")
    if lower.endswith(("'s", "’s")):
        features.append("poss")
    found = _CLASSES_OF.get(lower, ()) + _CLASSES_OF.get(root, ())
    if found:
        features.extend(_CLASS_FEATURES[index] for index in sorted(set(found)))  # in SEMANTIC_CLASSES order
    forms = related.get(root)
    if forms:
        categories = {category for other, category in forms if not _inflects(other, lower)}
        features.extend(sorted("rel_" + category for category in categories))
    return features


def _inflects(term: str, word: str) -> bool:
    """Whether ``word`` is ``term`` or a regular inflection of it (so not a *related* form)."""
    if word == term or not word.startswith(term[:-1]):
        return word == term
    tail = word[len(term):] if word.startswith(term) else None
    if tail in ("s", "es", "d", "ed", "ing"):
        return True
    return word in (term[:-1] + "ies", term[:-1] + "ing", term[:-1] + "ied")


def neighbour_features(word: str | None, side: str) -> list[str]:
    """Name what a neighbour tells about the word beside it; ``side`` is "p" (before) or "n" (after).

    ``word`` None stands for punctuation or the edge of the text.
    """
    if word is None:
        return [side + "_edge"]
    lower = word.lower()
    features = []
    if lower in FUNCTION_WORDS:
        features.append(f"{side}_w={lower}")
    valence = vader_lexicon().get(lower)
    if valence is not None:
        features.append(f"{side}_v" + _valence_bin(valence))
    if lower in vader_boosters() or lower in INTENSIFIERS:
        features.append(side + "_boost")
    if lower in GROUP_NOUNS:
        features.append(side + "_group")
    elif word[0].isupper():
        features.append(side + "_cap")
    if lower in _CLASSES_OF:
        features.append(f"{side}_sem")
    return features


def token_features(text: str, tokens: Sequence[tuple[int, int, str]], index: int,
                   frequencies: dict[str, str], related: dict[str, tuple[tuple[str, str], ...]]) -> list[str]:
    """All features of one token in context (what the scorer sums; used by the trainer)."""
    start, end, word = tokens[index]
    previous = tokens[index - 1][2] if index > 0 and _joined(text, tokens[index - 1][1], start) else None
    following = (tokens[index + 1][2] if index + 1 < len(tokens) and _joined(text, end, tokens[index + 1][0])
                 else None)
    return [*word_features(word, frequencies, related), *neighbour_features(previous, "p"),
            *neighbour_features(following, "n")]


def _joined(text: str, left: int, right: int) -> bool:
    """Whether only spaces (or nothing) separate two tokens."""
    return right - left <= 2 and text[left:right].strip() == ""
