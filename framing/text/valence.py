"""VADER valences and polarity: the one place vaderSentiment is imported (lazily).

VADER (Hutto & Gilbert 2014, MIT licence) gives each word a valence in [-4, 4] and a text
its compound polarity; ``vader_tables`` exposes the word table, boosters and negators that
the shared TextContext reads once per token.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from framing.model import Polarity
from framing.text.memo import BoundedMemo

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# VADER's published constants (Hutto & Gilbert 2014): the negation scalar, and the
# normalisation alpha that maps a sum of valences into [-1, 1].
NEGATION_SCALAR = -0.74
NORMALISATION_ALPHA = 15.0
# Texts longer than this are scored by VADER in pieces (its cost is quadratic in length).
MAX_VADER_CHARS = 1_500
# How far VADER's rules for one word look: three words back (boosters, negation, "least",
# idioms) and two ahead (idioms, "no" before a lexicon word).
_RULE_REACH_BEFORE = 3
_RULE_REACH_AFTER = 2
# Distinct tokens whose punctuation-stripped form is memoised (a few MB at most).
MAX_TOKEN_MEMO = 16_384
# Distinct neighbourhoods whose VADER valence is memoised before the memo starts afresh
# (up to six words each: some 7 MB at most).
MAX_VALENCE_MEMO = 16_384
# A lexicon word's VADER valence by its neighbourhood's words, its place in them and the
# text's all-caps differential (everything VADER's rules for the word read).
_VALENCE_MEMO: dict[tuple[str | int | bool, ...], float] = {}


@cache
def vader() -> SentimentIntensityAnalyzer:
    """The VADER analyser, built once per process."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def vader_tables() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """VADER's word valences, booster increments and negators (built once per process)."""
    from vaderSentiment import vaderSentiment as module

    return vader().lexicon, dict(module.BOOSTER_DICT), frozenset(module.NEGATE)


@cache
def _scored_words() -> frozenset[str]:
    """The lower-case words VADER's rules score: its lexicon's, less the boosters (scored 0)."""
    lexicon, boosters, _ = vader_tables()
    return frozenset(lexicon).difference(boosters)


@cache
def _strip_punctuation() -> Callable[[str], str]:
    """SentiText's punctuation stripping of one whitespace-separated token, memoised per token.

    A plain dict (BoundedMemo): every token of every scored text asks, and an LRU memo would
    also reorder its recency list on each hit.
    """
    from vaderSentiment.vaderSentiment import SentiText

    memo: BoundedMemo[str, str] = BoundedMemo(SentiText._strip_punc_if_word, MAX_TOKEN_MEMO)
    return memo.__getitem__


@cache
def _emoji_characters() -> tuple[frozenset[str], bool]:
    """The single characters VADER rewrites as emoji descriptions before scoring, and whether
    any is ASCII (none is: an ASCII text then needs no look at its characters)."""
    characters = frozenset(key for key in vader().emojis if len(key) == 1)
    return characters, any(character.isascii() for character in characters)


class _Neighbourhood:
    """The words around one word of a SentiText, standing in for the whole SentiText.

    VADER's rules for a word read at most three words before it and two after, but
    lower-case the whole text on every call (quadratic in its length); handed the
    neighbourhood with the word's index in it, they read the same words and answer the same.
    """

    __slots__ = ("words_and_emoticons", "is_cap_diff")

    def __init__(self, words: list[str], is_cap_diff: bool) -> None:
        self.words_and_emoticons = words
        self.is_cap_diff = is_cap_diff


def vader_scores(text: str) -> dict[str, float]:
    """Exactly ``SentimentIntensityAnalyzer.polarity_scores(text)``, in time linear in its length.

    VADER first copies the text character by character to spell out emojis, then asks its
    rules about every word. Text without an emoji character skips the copy; a word that is
    neither in VADER's lexicon nor a booster gets VADER's answer for such a word (0) without
    the rules being asked; a lexicon word's rules see its neighbourhood (``_Neighbourhood``),
    and their answer is memoised by that neighbourhood (a sentence scope repeats its
    paragraph's words). SentiText's words come from its own punctuation stripping, memoised per
    token; its all-caps differential is worked out only when some rule would read it, and
    ``_but_check`` only runs when a word is "but". A text without a word the rules score gets
    VADER's neutral answer at once (every sentiment 0). Every scoring step is VADER's own
    method. Texts with an emoji go to ``polarity_scores``.
    """
    analyser = vader()
    emojis, ascii_emojis = _emoji_characters()
    if (ascii_emojis or not text.isascii()) and not emojis.isdisjoint(text):
        return analyser.polarity_scores(text)  # type: ignore[no-any-return]
    text = text.strip()
    words = list(map(_strip_punctuation(), text.split()))  # SentiText's words
    lower = list(map(str.lower, words))
    found = _scored_words().intersection(lower)
    if not found:  # every word's sentiment is 0 (also after ``_but_check``): VADER's neutral answer
        return {"neg": 0.0, "neu": 1.0 if words else 0.0, "pos": 0.0, "compound": 0.0}
    sentiments: list[float] = [0] * len(words)  # VADER's answer (int 0) for a word its rules skip
    from vaderSentiment.vaderSentiment import allcap_differential

    is_cap_diff: bool | None = None  # SentiText's, worked out when a word's rules read it
    last = len(words) - 1
    memo = _VALENCE_MEMO
    for index, folded in enumerate(lower):
        if folded not in found or (folded == "kind" and index < last and lower[index + 1] == "of"):
            continue
        low = max(0, index - _RULE_REACH_BEFORE)
        nearby = words[low:index + _RULE_REACH_AFTER + 1]
        # the rules test the word and the three before it for all caps, and only then
        # read the text's all-caps differential
        if any(map(str.isupper, nearby[:index - low + 1])):
            if is_cap_diff is None:
                is_cap_diff = bool(allcap_differential(words))
            cap_diff = is_cap_diff
        else:
            cap_diff = False
        key: tuple[str | int | bool, ...] = (*nearby, index - low, cap_diff)
        valence = memo.get(key)
        if valence is None:
            if len(memo) >= MAX_VALENCE_MEMO:
                memo.clear()
            valence = memo[key] = analyser.sentiment_valence(
                0, _Neighbourhood(nearby, cap_diff), words[index], index - low, [])[0]
        sentiments[index] = valence
    if "but" in lower:
        sentiments = analyser._but_check(words, sentiments)
    return analyser.score_valence(sentiments, text)  # type: ignore[no-any-return]


def paragraph_polarity(text: str) -> Polarity:
    """Plain VADER polarity of a stretch of text (the whole paragraph, no targeting).

    VADER's cost grows with the square of a text's length, so a text longer than
    MAX_VADER_CHARS is scored in pieces cut at sentence ends: the pieces' raw valence
    sums (recovered from their compound scores) are added and normalised again, and the
    proportions are averaged by length. Ordinary paragraphs get VADER's exact output.
    """
    if len(text) <= MAX_VADER_CHARS:
        scores = vader_scores(text)
        return Polarity(scores["compound"], scores["pos"], scores["neu"], scores["neg"])
    total = pos = neu = neg = 0.0
    for piece in _pieces(text, MAX_VADER_CHARS):
        scores = vader_scores(piece)
        compound = max(-0.9999, min(0.9999, scores["compound"]))
        total += compound * math.sqrt(NORMALISATION_ALPHA / (1.0 - compound * compound))
        share = len(piece) / len(text)
        pos, neu, neg = pos + scores["pos"] * share, neu + scores["neu"] * share, neg + scores["neg"] * share
    compound = total / math.sqrt(total * total + NORMALISATION_ALPHA)
    return Polarity(round(compound, 4), round(pos, 3), round(neu, 3), round(neg, 3))


def _pieces(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most about ``size`` characters, at sentence ends where possible."""
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind(". ", start, end), text.rfind("? ", start, end), text.rfind("! ", start, end))
            end = cut + 1 if cut > start else (text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end)
        pieces.append(text[start:end])
        start = end
    return [piece for piece in pieces if piece.strip()]
