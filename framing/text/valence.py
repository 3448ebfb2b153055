"""VADER valences and polarity: the one place vaderSentiment is imported (lazily).

VADER (Hutto & Gilbert 2014, MIT licence) gives each word a valence in [-4, 4] and a text
its compound polarity; ``vader_tables`` exposes the word table, boosters and negators that
the shared TextContext reads once per token.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

from framing.model import Polarity

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# VADER's published constants (Hutto & Gilbert 2014): the negation scalar, and the
# normalisation alpha that maps a sum of valences into [-1, 1].
NEGATION_SCALAR = -0.74
NORMALISATION_ALPHA = 15.0
# Texts longer than this are scored by VADER in pieces (its cost is quadratic in length).
MAX_VADER_CHARS = 1_500


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


def paragraph_polarity(text: str) -> Polarity:
    """Plain VADER polarity of a stretch of text (the whole paragraph, no targeting).

    VADER's cost grows with the square of a text's length, so a text longer than
    MAX_VADER_CHARS is scored in pieces cut at sentence ends: the pieces' raw valence
    sums (recovered from their compound scores) are added and normalised again, and the
    proportions are averaged by length. Ordinary paragraphs get VADER's exact output.
    """
    if len(text) <= MAX_VADER_CHARS:
        scores = vader().polarity_scores(text)
        return Polarity(scores["compound"], scores["pos"], scores["neu"], scores["neg"])
    total = pos = neu = neg = 0.0
    for piece in _pieces(text, MAX_VADER_CHARS):
        scores = vader().polarity_scores(piece)
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
