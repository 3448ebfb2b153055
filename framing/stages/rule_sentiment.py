"""Rule sentiment: distance-weighted valences of the words in a target's clause (no trained model).

The fallback when no model ships, a feature of the trained model, and ``method="rules"``.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from typing import Literal

from framing.context import ContextToken, TextContext, first_token_ending_after
from framing.model import Quote, SentimentLabel, TargetSentiment, TextSpan
from framing.text.valence import NORMALISATION_ALPHA

Voice = Literal["author", "any"]
# Words this many tokens from the target weigh half as much as the nearest ones.
HALF_WEIGHT_DISTANCE = 4.0
# |score| below this is neutral; chosen by cross-validation on NewsMTSC train (see evaluate).
NEUTRAL_BAND = 0.1


def rule_sentiment(context: TextContext, start: int, end: int, voice: Voice, speaker: str | None,
                    target_quote: Quote | None) -> TargetSentiment:
    """Distance-weighted valences of the clause's words (no trained model)."""
    text = context.text
    scored = _score_words(context, start, end, voice, target_quote)
    score = _normalised(scored)
    evidence = None
    if scored:
        first = min(word_start for word_start, _, _, _ in scored)
        last = max(word_end for _, word_end, _, _ in scored)
        evidence = TextSpan(first, last, text[first:last])
    return TargetSentiment(round(score, 4), label_for(score), evidence, speaker)


def rule_score(context: TextContext, start: int, end: int, voice: Voice, target_quote: Quote | None,
               target_position: int | None = None) -> float:
    """``rule_sentiment(...).score`` alone (a feature of the trained model), without its evidence record.

    ``target_position`` is the index of the target's first word in its scope's tokens when
    the caller knows it.
    """
    scored = _score_words(context, start, end, voice, target_quote, target_position)
    return round(_normalised(scored), 4) if scored else 0.0  # (most clauses: no word with a rule valence)


def _normalised(scored: list[tuple[int, int, float, float]]) -> float:
    """VADER's normalisation of the distance-weighted valence sum into [-1, 1]."""
    total = sum(valence * weight for _, _, valence, weight in scored)
    return total / math.sqrt(total * total + NORMALISATION_ALPHA) if total else 0.0


def label_for(score: float, band: float = NEUTRAL_BAND) -> SentimentLabel:
    """negative / neutral / positive for a score, with a neutral band around zero."""
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "neutral"


def _score_words(context: TextContext, start: int, end: int, voice: Voice, target_quote: Quote | None,
                 target_position: int | None = None) -> list[tuple[int, int, float, float]]:
    """The clause's charged words: (start, end, rule valence, distance weight) each.

    ``target_position``: the index of the target's first word in its scope, when known.
    """
    low, high, clause_start, clause_end = context.clause(start, end)
    valenced = context.scope_table(low, high, None, _valenced)
    if not valenced:
        return []  # (most scopes: no word with a rule valence)
    tokens, starts = context.tokens(low, high)
    first, last = bisect_left(starts, clause_start), bisect_left(starts, clause_end)
    if target_position is None:
        target_position = first_token_ending_after(tokens, starts, start)
    author = voice == "author"
    scored: list[tuple[int, int, float, float]] = []
    for position in valenced[bisect_left(valenced, first):bisect_left(valenced, last)]:
        token = tokens[position]
        if start <= token.start < end:
            continue
        if author and token.quote is not None and token.quote is not target_quote:
            continue
        distance = abs(position - target_position)
        scored.append((token.start, token.rule_end, token.rule_valence, 1.0 / (1.0 + distance / HALF_WEIGHT_DISTANCE)))
    return scored


def _valenced(_: None, tokens: tuple[ContextToken, ...]) -> list[int]:
    """The positions of a scope's words with a rule valence (few): made once per scope."""
    return [position for position, token in enumerate(tokens) if token.rule_valence]
