"""Classification metrics, written out so that tests can check them against hand computation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PrecisionRecall:
    """Precision, recall and F1 from counts (0.0 where a ratio is undefined)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def per_class(gold: Sequence[str], predicted: Sequence[str], label: str) -> PrecisionRecall:
    """Counts for one class treated as positive."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    tp = sum(g == label and p == label for g, p in zip(gold, predicted))
    fp = sum(g != label and p == label for g, p in zip(gold, predicted))
    fn = sum(g == label and p != label for g, p in zip(gold, predicted))
    return PrecisionRecall(tp, fp, fn)


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean of the per-class F1 over ``labels``."""
    return sum(per_class(gold, predicted, label).f1 for label in labels) / len(labels)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of predictions equal to the gold label."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    return sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0


def majority_label(gold: Sequence[str]) -> str:
    """The most frequent label (ties broken alphabetically, so the result is stable)."""
    counts: dict[str, int] = {}
    for label in gold:
        counts[label] = counts.get(label, 0) + 1
    return min(counts, key=lambda label: (-counts[label], label))
