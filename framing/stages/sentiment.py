"""Sentiment stage: sentiment toward each actor mention (the tone of the words governing it).

NewsMTSC's notion of target sentiment: the shipped linear model (``target_model``) scores
the words of the mention's clause from the shared TextContext, with the clause rules
(``rule_sentiment``) as fallback and feature. Words inside a quotation belong to its
speaker: with ``voice="author"`` they are left out unless the target itself is quoted, in
which case the result carries the speaker.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Literal

from framing.context import TextContext
from framing.model import TargetSentiment, TextSpan
from framing.stages.lexicon import CompiledLexicons, annotate_hits, compile_lexicons, match_terms
from framing.stages.lexicon_files import resolve_lexicons
from framing.stages.quotes import find_quotes
from framing.stages.roles import find_role
from framing.stages.rule_sentiment import Voice, label_for, rule_sentiment
from framing.stages.sentences import split_sentences
from framing.stages.target_model import TargetModel, load_model, predict_target

__all__ = ["Method", "Voice", "build_context", "label_for", "score_target", "sentiment_toward"]

Method = Literal["auto", "rules"]
# How many of the model's strongest word features make up the evidence span.
EVIDENCE_FEATURES = 3


def build_context(text: str, *, compiled: CompiledLexicons | None = None) -> TextContext:
    """Run the earlier stages on a bare text (one paragraph or sentence) for ``sentiment_toward``."""
    compiled = compiled or compile_lexicons(resolve_lexicons())
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences)
    hits = annotate_hits(text, match_terms(text, compiled), sentences, quotes)
    return TextContext(text, sentences, quotes, hits)


def score_target(context: TextContext, start: int, end: int, *, voice: Voice = "author",
                 method: Method = "auto") -> TargetSentiment:
    """Sentiment toward ``context.text[start:end]``.

    ``method="auto"`` uses the shipped trained model and falls back to the clause rules
    when it is missing; ``"rules"`` forces the rules.
    """
    target_quote = context.quote_index.at(start)
    speaker = None
    if target_quote is not None:
        speaker = context.speakers.get(target_quote.start) or (target_quote.speaker.text if target_quote.speaker else None)
    if (start, end) not in context.roles:
        context.roles[(start, end)] = find_role(context, start, end)
    if method != "rules":
        model = load_model()
        if model is not None:
            return _model_sentiment(context, start, end, voice, speaker, model)
    return rule_sentiment(context, start, end, voice, speaker, target_quote)


def _model_sentiment(context: TextContext, start: int, end: int, voice: Voice, speaker: str | None,
                     model: TargetModel) -> TargetSentiment:
    prediction, evidence_spans = predict_target(model, context, start, end, voice=voice)
    probabilities = prediction.probabilities
    negative, neutral = probabilities.get("negative", 0.0), probabilities.get("neutral", 0.0)
    positive = probabilities.get("positive", 0.0)
    score = positive - negative
    word_spans = evidence_spans[:EVIDENCE_FEATURES]
    evidence = None
    if word_spans:
        first, last = min(word_spans)[0], max(map(itemgetter(1), word_spans))  # (the least start leads the least pair)
        evidence = TextSpan(first, last, context.text[first:last])
    return TargetSentiment(
        round(max(-1.0, min(1.0, score)), 4), prediction.label,  # type: ignore[arg-type]
        evidence, speaker, method="model", features=tuple([name for name, _ in prediction.top_features]),
        probabilities=(round(negative, 4), round(neutral, 4), round(positive, 4)),
    )


def sentiment_toward(text: str, start: int, end: int, *, voice: Voice = "author", method: Method = "auto",
                     context: TextContext | None = None) -> TargetSentiment:
    """Sentiment toward the span ``text[start:end]``: score in [-1, 1], label, evidence, speaker.

    ``voice="author"`` leaves out words quoted from someone else (the report's actor
    sentiment is exactly this); ``voice="any"`` counts every word, as annotators of
    target-sentiment corpora do. Pass ``context`` to reuse earlier stages' output.

    Raises:
        InputError: when ``start``..``end`` is not a non-empty span inside ``text``.
    """
    from framing.errors import InputError

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
