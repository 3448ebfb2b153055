"""Loaded-language evaluation on BABE: our spans against the words experts marked as biased.

Token level: every word token (letters, apostrophes, hyphens) of every sentence is
gold-positive when its lower-case form is among the sentence's marked words, and
predicted-positive when it lies inside one of the method's spans; counts are summed over
all sentences. Sentence level: a sentence is "biased" when the method finds at least one
author-voice loaded term (no threshold is fitted to BABE).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from framing.aggregate import counts_toward_loadedness
from framing.evaluate.datasets import BiasExample
from framing.evaluate.metrics import PrecisionRecall, accuracy, macro_f1
from framing.stages.sentiment import build_context
from framing.text.valence import paragraph_polarity, vader_tables

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# VADER words at least this strong count as "biased" for the VADER word baseline.
VADER_STRONG = 2.0
# The VADER sentence baseline calls a sentence biased above this |compound|.
VADER_COMPOUND = 0.5


@dataclass(frozen=True, slots=True)
class BiasScore:
    """Token-level precision/recall/F1 and sentence-level macro-F1 of one method."""

    method: str
    token: PrecisionRecall | None
    sentence_macro_f1: float | None
    sentence_accuracy: float | None
    n_sentences: int


Spans = list[tuple[int, int]]


def token_counts(examples: Sequence[BiasExample], spans_of: Callable[[str], Spans]) -> PrecisionRecall:
    """Sum token-level true/false positives and false negatives over all sentences."""
    tp = fp = fn = 0
    for example in examples:
        marked = {word.lower() for word in example.biased_words}
        spans = spans_of(example.text)
        for token in WORD.finditer(example.text):
            gold = token.group().lower() in marked
            predicted = any(start <= token.start() and token.end() <= end for start, end in spans)
            tp += gold and predicted
            fp += predicted and not gold
            fn += gold and not predicted
    return PrecisionRecall(tp, fp, fn)


def sentence_scores(examples: Sequence[BiasExample], is_biased: Callable[[str], bool]) -> tuple[float, float]:
    gold = ["biased" if e.biased else "neutral" for e in examples]
    predicted = ["biased" if is_biased(e.text) else "neutral" for e in examples]
    return macro_f1(gold, predicted, ("biased", "neutral")), accuracy(gold, predicted)


def _framing_hits(text: str) -> list[tuple[int, int, bool]]:
    return [(h.start, h.end, counts_toward_loadedness(h)) for h in build_context(text).hits]


def _word_spans(text: str, keep: Callable[[str], bool]) -> Spans:
    return [(m.start(), m.end()) for m in WORD.finditer(text) if keep(m.group().lower())]


@cache
def _recasens(path: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip())


def evaluate_bias(examples: Sequence[BiasExample], *, recasens_path: str | None = None) -> list[BiasScore]:
    """framing against the baselines (Recasens list, VADER words/sentence, always biased)."""
    n = len(examples)
    scores: list[BiasScore] = []
    hits = {e.text: _framing_hits(e.text) for e in examples}
    token = token_counts(examples, lambda t: [(s, e) for s, e, _ in hits[t]])
    sentence = sentence_scores(examples, lambda t: any(author for _, _, author in hits[t]))
    scores.append(BiasScore("framing (loaded-language lexicon)", token, *sentence, n))
    if recasens_path is not None:
        words = _recasens(recasens_path)
        token = token_counts(examples, lambda t: _word_spans(t, words.__contains__))
        sentence = sentence_scores(examples, lambda t: bool(_word_spans(t, words.__contains__)))
        scores.append(BiasScore("Recasens et al. 2013 bias lexicon", token, *sentence, n))
    lexicon = vader_tables()[0]
    strong = lambda word: abs(lexicon.get(word, 0.0)) >= VADER_STRONG  # noqa: E731
    token = token_counts(examples, lambda t: _word_spans(t, strong))
    scores.append(BiasScore(f"VADER words, abs(valence) >= {VADER_STRONG:g}", token, None, None, n))
    sentence = sentence_scores(examples, lambda t: abs(paragraph_polarity(t).compound) > VADER_COMPOUND)
    scores.append(BiasScore(f"VADER, abs(compound) > {VADER_COMPOUND:g}", None, *sentence, n))
    sentence = sentence_scores(examples, lambda t: True)
    scores.append(BiasScore("always biased", None, *sentence, n))
    return scores



