"""Sentiment stage: sentiment toward each target span, and plain VADER polarity per paragraph.

Toward a target, only the words of its clause count (the sentence cut at ``;``, ``:``,
dashes, brackets and contrast words such as "but" or "while"), each weighted by its
distance from the target. A word's valence is VADER's, or our lexicon's for loaded
terms VADER does not know ("protection racket"); a negator in the three words before
flips and damps it, a booster before strengthens it (VADER's constants). Words inside a
quotation belong to its speaker: with ``voice="author"`` they are left out unless the
target itself is quoted, in which case the result carries the speaker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

from .lexicon import CompiledLexicons, annotate_hits, compile_lexicons, match_terms, resolve_lexicons
from .model import Polarity, Quote, Sentence, SentimentLabel, TargetSentiment, TermHit, TextSpan
from .quotes import find_quotes
from .sentences import split_sentences
from .spans import SpanIndex

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from .target_model import TargetModel

Voice = Literal["author", "any"]
Method = Literal["auto", "rules"]
# How many of the model's strongest word features make up the evidence span.
EVIDENCE_FEATURES = 3
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|:|\s[–—]\s|\s?--\s?|[()]|,\s*(?:but|while|whereas|although|though|yet|however|"
    r"instead|unlike|rather)\b|\s(?:but|whereas|although|yet|while)\s)\s*",
    re.I,
)
# VADER's published constants (Hutto & Gilbert 2014): the negation scalar, and the
# normalisation alpha that maps a sum of valences into [-1, 1].
NEGATION_SCALAR = -0.74
NORMALISATION_ALPHA = 15.0
NEGATION_WINDOW = 3
# Words this many tokens from the target weigh half as much as the nearest ones.
HALF_WEIGHT_DISTANCE = 4.0
# |score| below this is neutral; chosen by cross-validation on NewsMTSC train (see evaluate).
NEUTRAL_BAND = 0.1


@cache
def vader() -> SentimentIntensityAnalyzer:
    """The VADER analyser, built once per process."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _vader_tables() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    from vaderSentiment import vaderSentiment as module

    return vader().lexicon, dict(module.BOOSTER_DICT), frozenset(module.NEGATE)


def paragraph_polarity(text: str) -> Polarity:
    """Plain VADER polarity of a stretch of text (the whole paragraph, no targeting)."""
    scores = vader().polarity_scores(text)
    return Polarity(scores["compound"], scores["pos"], scores["neu"], scores["neg"])


@dataclass(frozen=True)
class SentimentContext:
    """What sentiment toward a target needs from earlier stages, for one text.

    ``speakers`` maps a quote's start offset to its resolved speaker name.
    """

    text: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    hits: tuple[TermHit, ...]
    speakers: dict[int, str] = field(default_factory=dict)
    sentence_index: SpanIndex[Sentence] = field(init=False, repr=False)
    quote_index: SpanIndex[Quote] = field(init=False, repr=False)
    hit_index: SpanIndex[TermHit] = field(init=False, repr=False)
    _compounds: dict[tuple[int, int], float] = field(init=False, repr=False, compare=False)

    def compound_of(self, start: int, end: int) -> float:
        """VADER compound of ``text[start:end]``, computed once per span (a sentence)."""
        key = (start, end)
        if key not in self._compounds:
            self._compounds[key] = paragraph_polarity(self.text[start:end]).compound
        return self._compounds[key]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compounds", {})
        object.__setattr__(self, "sentence_index", SpanIndex(self.sentences))
        object.__setattr__(self, "quote_index", SpanIndex([q for q in self.quotes if q.kind != "scare"]))
        object.__setattr__(self, "hit_index", SpanIndex(self.hits))


def build_context(text: str, *, compiled: CompiledLexicons | None = None) -> SentimentContext:
    """Run the earlier stages on a bare text (one paragraph or sentence) for ``sentiment_toward``."""
    compiled = compiled or compile_lexicons(resolve_lexicons())
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences)
    hits = annotate_hits(text, match_terms(text, compiled), sentences, quotes)
    return SentimentContext(text, sentences, quotes, hits)


@dataclass(frozen=True, slots=True)
class _Scored:
    start: int
    end: int
    valence: float
    weight: float


def score_target(context: SentimentContext, start: int, end: int, *, voice: Voice = "author",
                 method: Method = "auto") -> TargetSentiment:
    """Sentiment toward ``context.text[start:end]``.

    ``method="auto"`` uses the shipped trained model and falls back to the clause rules
    when it is missing; ``"rules"`` forces the rules.
    """
    target_quote = context.quote_index.at(start)
    speaker = None
    if target_quote is not None:
        speaker = context.speakers.get(target_quote.start) or (target_quote.speaker.text if target_quote.speaker else None)
    if method != "rules":
        from .target_model import load_model

        model = load_model()
        if model is not None:
            return _model_sentiment(context, start, end, voice, speaker, model)
    return _rule_sentiment(context, start, end, voice, speaker, target_quote)


def _model_sentiment(context: SentimentContext, start: int, end: int, voice: Voice, speaker: str | None,
                     model: TargetModel) -> TargetSentiment:
    from .target_model import predict, target_features

    features, spans = target_features(context, start, end, voice=voice)
    prediction = predict(model, features)
    score = prediction.probabilities.get("positive", 0.0) - prediction.probabilities.get("negative", 0.0)
    word_spans = [spans[name] for name, _ in prediction.top_features if name in spans][:EVIDENCE_FEATURES]
    evidence = None
    if word_spans:
        first, last = min(s for s, _ in word_spans), max(e for _, e in word_spans)
        evidence = TextSpan(first, last, context.text[first:last])
    return TargetSentiment(
        round(max(-1.0, min(1.0, score)), 4), prediction.label,  # type: ignore[arg-type]
        evidence, speaker, method="model", features=tuple(name for name, _ in prediction.top_features),
    )


def _rule_sentiment(context: SentimentContext, start: int, end: int, voice: Voice, speaker: str | None,
                    target_quote: Quote | None) -> TargetSentiment:
    """Distance-weighted valences of the clause's words (no trained model)."""
    text = context.text
    sentence = context.sentence_index.at(start)
    low, high = (sentence.start, sentence.end) if sentence else (0, len(text))
    clause_start, clause_end = _clause(text, low, high, start, end)
    scored = _score_words(context, clause_start, clause_end, start, end, voice=voice, target_quote=target_quote)
    total = sum(item.valence * item.weight for item in scored)
    score = total / math.sqrt(total * total + NORMALISATION_ALPHA) if total else 0.0
    contributing = [item for item in scored if item.valence]
    evidence = None
    if contributing:
        first = min(item.start for item in contributing)
        last = max(item.end for item in contributing)
        evidence = TextSpan(first, last, text[first:last])
    return TargetSentiment(round(score, 4), label_for(score), evidence, speaker)


def label_for(score: float, band: float = NEUTRAL_BAND) -> SentimentLabel:
    """negative / neutral / positive for a score, with a neutral band around zero."""
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "neutral"


def _clause(text: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence ``low``..``high`` that holds the target."""
    clause_start, clause_end = low, high
    for found in _CLAUSE_BREAK.finditer(text, low, high):
        if found.end() <= start:
            clause_start = found.end()
        elif found.start() >= end:
            clause_end = found.start()
            break
    return clause_start, clause_end


def _score_words(context: SentimentContext, low: int, high: int, start: int, end: int, *, voice: Voice,
                 target_quote: Quote | None) -> list[_Scored]:
    lexicon, boosters, negators = _vader_tables()
    text = context.text
    tokens = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text, low, high)]
    target_position = next((i for i, (s, e, _) in enumerate(tokens) if e > start), len(tokens))
    scored: list[_Scored] = []
    used_hits: set[int] = set()
    for position, (token_start, token_end, word) in enumerate(tokens):
        if start <= token_start < end:
            continue
        quote = context.quote_index.at(token_start)
        if voice == "author" and quote is not None and quote is not target_quote:
            continue
        hit = context.hit_index.at(token_start)
        if hit is not None:
            if hit.start in used_hits or not hit.valence:
                continue
            used_hits.add(hit.start)
            valence, token_end = hit.valence, hit.end
        else:
            valence = lexicon.get(word, 0.0)
            if not valence:
                continue
        before = [w for _, _, w in tokens[max(0, position - NEGATION_WINDOW):position]]
        if before and before[-1] in boosters:
            valence += math.copysign(1.0, valence) * boosters[before[-1]]  # VADER's ±0.293
        if any(w in negators or w.endswith("n't") for w in before):
            valence *= NEGATION_SCALAR
        distance = abs(position - target_position)
        scored.append(_Scored(token_start, token_end, valence, 1.0 / (1.0 + distance / HALF_WEIGHT_DISTANCE)))
    return scored


def sentiment_toward(text: str, start: int, end: int, *, voice: Voice = "author", method: Method = "auto",
                     context: SentimentContext | None = None) -> TargetSentiment:
    """Sentiment toward the span ``text[start:end]``: score in [-1, 1], label, evidence, speaker.

    ``voice="author"`` leaves out words quoted from someone else (the report's actor
    sentiment is exactly this); ``voice="any"`` counts every word, as annotators of
    target-sentiment corpora do. Pass ``context`` to reuse earlier stages' output.

    Raises:
        InputError: when ``start``..``end`` is not a non-empty span inside ``text``.
    """
    from .errors import InputError

    if not isinstance(text, str):
        raise InputError(f"sentiment_toward() takes text as str, got {type(text).__name__}")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InputError(f"target span {start}..{end} is not a non-empty span of a text of length {len(text)}")
    if voice not in ("author", "any"):
        raise InputError(f"voice must be 'author' or 'any', got {voice!r}")
    if method not in ("auto", "rules"):
        raise InputError(f"method must be 'auto' or 'rules', got {method!r}")
    if context is None or context.text is not text:
        context = build_context(text)
    return score_target(context, start, end, voice=voice, method=method)
