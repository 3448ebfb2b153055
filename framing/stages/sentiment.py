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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

from framing.model import Polarity, Quote, Sentence, SentimentLabel, TargetSentiment, TermHit, TextSpan
from framing.stages.lexicon import CompiledLexicons, annotate_hits, compile_lexicons, match_terms, resolve_lexicons
from framing.stages.quotes import find_quotes
from framing.stages.sentences import split_sentences
from framing.text.spans import SpanIndex

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.stages.target_model import TargetModel

Voice = Literal["author", "any"]
Method = Literal["auto", "rules"]
# A target's words are looked for within its sentence, but never further than this many
# characters away (a 5 MB paragraph without a full stop is one "sentence").
MAX_SCOPE_CHARS = 600
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
# Texts longer than this are scored by VADER in pieces (its cost is quadratic in length).
MAX_VADER_CHARS = 1_500
# A VADER valence at least this strong makes a word charged enough to give an actor a role.
CHARGED_VALENCE = 0.5
_NEGATORS = frozenset("not no never n't nor neither without hardly barely cannot".split())
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


@dataclass(frozen=True, slots=True)
class ContextToken:
    """One word near targets, with everything sentiment, roles and the model read from it.

    ``value`` is the model's valence (a loaded term's on its first word, else VADER's,
    flipped by a negator right before); ``rule_valence`` is the rules' (booster and
    three-word negation window applied; 0 inside a loaded term after its first word).
    """

    start: int
    end: int
    word: str
    feature_word: str
    stem: str
    value: float
    rule_valence: float
    rule_end: int
    charged_end: int | None
    quote: Quote | None
    is_negator: bool
    names: tuple[str, ...] = ()  # the model's feature names for this word (see target_model)


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
    _polarities: dict[tuple[int, int], Polarity] = field(init=False, repr=False, compare=False)
    _tokens: dict[tuple[int, int], tuple[tuple[ContextToken, ...], list[int]]] = field(
        init=False, repr=False, compare=False)
    _roles: dict[tuple[int, int], Any] = field(init=False, repr=False, compare=False)
    _breaks: dict[tuple[int, int], list[tuple[int, int]]] = field(init=False, repr=False, compare=False)
    _weights: dict[tuple[int, int, int], list[Any]] = field(init=False, repr=False, compare=False)
    speaker_index: SpanIndex[Quote] = field(init=False, repr=False)

    def tokens(self, low: int, high: int) -> tuple[tuple[ContextToken, ...], list[int]]:
        """The words of ``text[low:high]`` and their start offsets, built once per scope."""
        key = (low, high)
        found = self._tokens.get(key)
        if found is None:
            table = _token_table(self, low, high)
            found = self._tokens[key] = (table, [token.start for token in table])
        return found

    def clause(self, start: int, end: int) -> tuple[int, int, int, int]:
        """The target's scope (see ``scope``) and the clause in it: low, high, clause start, clause end."""
        low, high = self.scope(start, end)
        breaks = self._breaks.get((low, high))
        if breaks is None:
            breaks = self._breaks[(low, high)] = _clause_breaks(self.text, low, high)
        return (low, high, *_clause_in(breaks, low, high, start, end))

    def model_weights(self, low: int, high: int, model: Any) -> list[Any]:
        """Slots for a model's per-word weight sums in one scope (filled once per word, on first use)."""
        key = (low, high, id(model))
        found = self._weights.get(key)
        if found is None:
            found = self._weights[key] = [None] * len(self.tokens(low, high)[0])  # filled on first use
        return found

    def role_of(self, start: int, end: int) -> Any:
        """The actor role of a target (see framing.stages.roles), found once per target."""
        key = (start, end)
        if key not in self._roles:
            from framing.stages.roles import find_role

            self._roles[key] = find_role(self, start, end)
        return self._roles[key]

    def scope(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around a target; in a run-on "sentence" a window of it.

        A window spans the block of MAX_SCOPE_CHARS that holds the target and one block on
        each side, cut at spaces; targets in the same block share it (and its token table),
        so text without full stops costs linear time.
        """
        sentence = self.sentence_index.at(start)
        low, high = (sentence.start, sentence.end) if sentence else (0, len(self.text))
        if high - low <= 3 * MAX_SCOPE_CHARS:
            return low, high
        block = (start - low) // MAX_SCOPE_CHARS
        window_low = max(low, low + (block - 1) * MAX_SCOPE_CHARS)
        window_high = min(high, low + (block + 2) * MAX_SCOPE_CHARS)
        if window_low > low:
            window_low = self.text.find(" ", window_low, start) + 1 or window_low
        if window_high < high:
            cut = self.text.rfind(" ", max(end, window_high - MAX_SCOPE_CHARS), window_high)
            window_high = cut if cut > end else max(window_high, end)
        return window_low, window_high

    def polarity_of(self, start: int, end: int) -> Polarity:
        """VADER polarity of ``text[start:end]``, computed once per span (a sentence or a paragraph)."""
        key = (start, end)
        found = self._polarities.get(key)
        if found is None:
            found = self._polarities[key] = paragraph_polarity(self.text[start:end])
        return found

    def compound_of(self, start: int, end: int) -> float:
        """VADER compound of ``text[start:end]`` (see ``polarity_of``)."""
        return self.polarity_of(start, end).compound

    def __post_init__(self) -> None:
        object.__setattr__(self, "_polarities", {})
        object.__setattr__(self, "_tokens", {})
        object.__setattr__(self, "_roles", {})
        object.__setattr__(self, "_breaks", {})
        object.__setattr__(self, "_weights", {})
        object.__setattr__(self, "speaker_index", SpanIndex(
            [Quote(q.speaker.start, q.speaker.end, q.speaker.text, q.kind, None) for q in self.quotes if q.speaker]))
        object.__setattr__(self, "sentence_index", SpanIndex(self.sentences))
        object.__setattr__(self, "quote_index", SpanIndex([q for q in self.quotes if q.kind != "scare"]))
        object.__setattr__(self, "hit_index", SpanIndex(self.hits))


def _token_table(context: SentimentContext, low: int, high: int) -> tuple[ContextToken, ...]:
    from framing.stages.target_model import word_feature_names

    lexicon, boosters, negators = _vader_tables()
    text = context.text
    found = list(_TOKEN.finditer(text, low, high))
    words = [m.group().lower().replace("’", "'") for m in found]
    negating = [w in negators or w.endswith("n't") for w in words]
    hits = context.hit_index.within(low - MAX_SCOPE_CHARS, high)
    has_quotes = bool(context.quote_index.within(0, high))
    table = []
    pointer = 0
    for index, match in enumerate(found):
        start, end, word = match.start(), match.end(), words[index]
        while pointer < len(hits) and hits[pointer].end <= start:
            pointer += 1
        hit = hits[pointer] if pointer < len(hits) and hits[pointer].start <= start else None
        charged_hit = hit is not None and bool(hit.valence)
        first_of_hit = hit is not None and charged_hit and hit.start == start
        vader_value = lexicon.get(word, 0.0)
        if hit is not None and first_of_hit:
            value = rule_valence = hit.valence
        else:
            value = 0.0 if charged_hit else vader_value
            rule_valence = 0.0 if hit is not None else vader_value
        if index and negating[index - 1]:
            value *= NEGATION_SCALAR
        if rule_valence:
            if index and words[index - 1] in boosters:
                rule_valence += math.copysign(1.0, rule_valence) * boosters[words[index - 1]]  # VADER's ±0.293
            if any(negating[max(0, index - NEGATION_WINDOW):index]):
                rule_valence *= NEGATION_SCALAR
        feature_word = "<name>" if index > 0 and text[start].isupper() and not value else word
        stem = _stem(feature_word)
        if charged_hit and hit is not None:
            charged_end: int | None = hit.end
        else:
            charged_end = end if abs(vader_value) >= CHARGED_VALENCE else None
        table.append(ContextToken(
            start=start, end=end, word=word, feature_word=feature_word, stem=stem, value=value,
            rule_valence=rule_valence, rule_end=hit.end if hit is not None and first_of_hit else end,
            charged_end=charged_end, quote=context.quote_index.at(start) if has_quotes else None,
            is_negator=negating[index],
            names=word_feature_names(feature_word, stem, words[index + 1] if index + 1 < len(words) else ""),
        ))
    return tuple(table)


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    """A crude suffix stripper, so that "accused", "accuses" and "accusing" share a feature."""
    for suffix in ("ingly", "edly", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


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
        from framing.stages.target_model import load_model

        model = load_model()
        if model is not None:
            return _model_sentiment(context, start, end, voice, speaker, model)
    return _rule_sentiment(context, start, end, voice, speaker, target_quote)


def _model_sentiment(context: SentimentContext, start: int, end: int, voice: Voice, speaker: str | None,
                     model: TargetModel) -> TargetSentiment:
    from framing.stages.target_model import predict_target

    prediction, evidence_spans = predict_target(model, context, start, end, voice=voice)
    score = prediction.probabilities.get("positive", 0.0) - prediction.probabilities.get("negative", 0.0)
    word_spans = evidence_spans[:EVIDENCE_FEATURES]
    evidence = None
    if word_spans:
        first, last = min(s for s, _ in word_spans), max(e for _, e in word_spans)
        evidence = TextSpan(first, last, context.text[first:last])
    return TargetSentiment(
        round(max(-1.0, min(1.0, score)), 4), prediction.label,  # type: ignore[arg-type]
        evidence, speaker, method="model", features=tuple(name for name, _ in prediction.top_features),
        probabilities=(round(prediction.probabilities.get("negative", 0.0), 4),
                       round(prediction.probabilities.get("neutral", 0.0), 4),
                       round(prediction.probabilities.get("positive", 0.0), 4)),
    )


def _rule_sentiment(context: SentimentContext, start: int, end: int, voice: Voice, speaker: str | None,
                    target_quote: Quote | None) -> TargetSentiment:
    """Distance-weighted valences of the clause's words (no trained model)."""
    text = context.text
    low, high, clause_start, clause_end = context.clause(start, end)
    scored = _score_words(context, low, high, clause_start, clause_end, start, end, voice=voice,
                          target_quote=target_quote)
    total = sum(item.valence * item.weight for item in scored)
    score = total / math.sqrt(total * total + NORMALISATION_ALPHA) if total else 0.0
    evidence = None
    if scored:
        first = min(item.start for item in scored)
        last = max(item.end for item in scored)
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
    return _clause_in(_clause_breaks(text, low, high), low, high, start, end)


def _clause_breaks(text: str, low: int, high: int) -> list[tuple[int, int]]:
    return [(found.start(), found.end()) for found in _CLAUSE_BREAK.finditer(text, low, high)]


def _clause_in(breaks: list[tuple[int, int]], low: int, high: int, start: int, end: int) -> tuple[int, int]:
    clause_start, clause_end = low, high
    for break_start, break_end in breaks:
        if break_end <= start:
            clause_start = break_end
        elif break_start >= end:
            clause_end = break_start
            break
    return clause_start, clause_end


def _score_words(context: SentimentContext, low: int, high: int, clause_start: int, clause_end: int, start: int,
                 end: int, *, voice: Voice, target_quote: Quote | None) -> list[_Scored]:
    """The clause's charged words, each with its rule valence and distance weight."""
    tokens, starts = context.tokens(low, high)
    first, last = bisect_left(starts, clause_start), bisect_left(starts, clause_end)
    target_position = _first_ending_after(tokens, starts, start)
    scored: list[_Scored] = []
    for position in range(first, last):
        token = tokens[position]
        if start <= token.start < end or not token.rule_valence:
            continue
        if voice == "author" and token.quote is not None and token.quote is not target_quote:
            continue
        distance = abs(position - target_position)
        scored.append(_Scored(token.start, token.rule_end, token.rule_valence,
                              1.0 / (1.0 + distance / HALF_WEIGHT_DISTANCE)))
    return scored


def _first_ending_after(tokens: Sequence[ContextToken], starts: list[int], offset: int) -> int:
    """Index of the first token that ends after ``offset`` (the target's first word)."""
    index = max(0, bisect_left(starts, offset) - 1)
    while index < len(tokens) and tokens[index].end <= offset:
        index += 1
    return index


def sentiment_toward(text: str, start: int, end: int, *, voice: Voice = "author", method: Method = "auto",
                     context: SentimentContext | None = None) -> TargetSentiment:
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
