"""Target-sentiment evaluation on NewsMTSC: framing against majority and VADER baselines."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from framing.context import TextContext
from framing.evaluate.datasets import TargetExample
from framing.evaluate.metrics import accuracy, macro_f1, majority_label
from framing.stages.sentiment import build_context, score_target
from framing.text.valence import paragraph_polarity

LABELS = ("negative", "neutral", "positive")
# VADER's own convention: compound >= 0.05 positive, <= -0.05 negative.
VADER_THRESHOLD = 0.05
VADER_WINDOW_TOKENS = 8
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class MethodScore:
    """One method's macro-F1 and accuracy on a dataset."""

    method: str
    macro_f1: float
    accuracy: float
    n: int


def vader_label(compound: float) -> str:
    if compound >= VADER_THRESHOLD:
        return "positive"
    if compound <= -VADER_THRESHOLD:
        return "negative"
    return "neutral"


def window_text(sentence: str, start: int, end: int, tokens: int = VADER_WINDOW_TOKENS) -> str:
    """The target and up to ``tokens`` whitespace tokens on each side."""
    left = _TOKEN.findall(sentence[:start])[-tokens:]
    right = _TOKEN.findall(sentence[end:])[:tokens]
    return " ".join([*left, sentence[start:end], *right])


def evaluate_targets(examples: Sequence[TargetExample]) -> list[MethodScore]:
    """Score every method on the examples (framing with ``voice="any"``, as annotators did)."""
    gold = [e.label for e in examples]
    contexts: dict[str, TextContext] = {}

    def context_of(example: TargetExample) -> TextContext:
        found = contexts.get(example.sentence)
        if found is None:
            found = contexts[example.sentence] = build_context(example.sentence)
        return found

    majority = majority_label(gold)
    methods: dict[str, Callable[[TargetExample], str]] = {
        "majority class": lambda e: majority,
        "VADER, whole sentence": lambda e: vader_label(paragraph_polarity(e.sentence).compound),
        f"VADER, ±{VADER_WINDOW_TOKENS}-token window": lambda e: vader_label(
            paragraph_polarity(window_text(e.sentence, e.start, e.end)).compound),
        "framing, clause rules": lambda e: score_target(context_of(e), e.start, e.end, voice="any", method="rules").label,
        "framing (trained model)": lambda e: score_target(context_of(e), e.start, e.end, voice="any").label,
    }
    scores = []
    for name, method in methods.items():
        predicted = [method(e) for e in examples]
        scores.append(MethodScore(name, macro_f1(gold, predicted, LABELS), accuracy(gold, predicted), len(gold)))
    return scores
