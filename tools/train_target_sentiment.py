"""Fit the target-sentiment model on NewsMTSC train and write framing/data/target_sentiment.json.

    python tools/train_target_sentiment.py ../shared/eval/newsmtsc/train.jsonl

Model choice (regularisation C and minimum feature count) is made by 5-fold cross-validation
on the training split only, grouped by sentence; dev splits are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

# The framing package beside this script, never an installed copy: the weights must be trained
# with the features of the code they ship with.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.evaluate.datasets import load_newsmtsc
from framing.stages.sentiment import build_context
from framing.stages.target_model import FEATURE_VERSION, MODEL_FILE, target_features

LABELS = ("negative", "neutral", "positive")
OUT = Path(__file__).resolve().parent.parent / "framing" / "data" / MODEL_FILE
# Weights smaller than this are dropped from the shipped file (they change no prediction).
PRUNE_BELOW = 1e-3
# Cross-validation scores this close to the best count as ties; the simpler model wins.
TOLERANCE = 0.003


def featurise(path: str) -> tuple[list[dict[str, float]], list[str], list[int]]:
    examples = load_newsmtsc(path)
    contexts: dict[str, object] = {}
    rows, labels, groups = [], [], []
    sentence_ids: dict[str, int] = {}
    for example in examples:
        context = contexts.get(example.sentence)
        if context is None:
            context = contexts[example.sentence] = build_context(example.sentence)
        features, _ = target_features(context, example.start, example.end, voice="any")  # type: ignore[arg-type]
        rows.append(features)
        labels.append(example.label)
        groups.append(sentence_ids.setdefault(example.sentence, len(sentence_ids)))
    return rows, labels, groups


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("train", help="NewsMTSC train.jsonl")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    started = time.time()
    rows, labels, groups = featurise(args.train)
    print(f"{len(rows)} targets featurised in {time.time() - started:.0f}s", file=sys.stderr)

    def filtered(min_count: int, fit_rows: list[dict[str, float]]) -> set[str]:
        counts = Counter(name for row in fit_rows for name in row)
        return {name for name, count in counts.items() if count >= min_count}

    results: list[tuple[float, int, float]] = []
    for min_count in (1, 2, 3):
        for c in (0.05, 0.1, 0.2, 0.5):
            scores = []
            for train_index, test_index in GroupKFold(n_splits=5).split(rows, labels, groups):
                fit_rows = [rows[i] for i in train_index]
                keep = filtered(min_count, fit_rows)
                vectorizer = DictVectorizer()
                x_train = vectorizer.fit_transform([{k: v for k, v in r.items() if k in keep} for r in fit_rows])
                x_test = vectorizer.transform([rows[i] for i in test_index])
                model = LogisticRegression(C=c, max_iter=3000)
                model.fit(x_train, [labels[i] for i in train_index])
                scores.append(f1_score([labels[i] for i in test_index], model.predict(x_test), average="macro"))
            mean = sum(scores) / len(scores)
            print(f"min_count={min_count} C={c}: CV macro-F1 {mean:.4f}", file=sys.stderr)
            results.append((mean, min_count, c))
    top = max(score for score, _, _ in results)
    # Simplest model within TOLERANCE of the best: most pruned features, then the stronger penalty.
    cv_f1, min_count, c = max((r for r in results if r[0] >= top - TOLERANCE), key=lambda r: (r[1], -r[2]))
    keep = filtered(min_count, rows)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{k: v for k, v in r.items() if k in keep} for r in rows])
    model = LogisticRegression(C=c, max_iter=3000).fit(x, labels)
    order = [list(model.classes_).index(label) for label in LABELS]
    weights = {}
    for column, name in enumerate(vectorizer.get_feature_names_out()):
        values = [round(float(model.coef_[row, column]), 4) for row in order]
        if max(abs(v) for v in values) >= PRUNE_BELOW:
            weights[name] = values
    data = {
        "feature_version": FEATURE_VERSION,
        "labels": list(LABELS),
        "intercepts": [round(float(model.intercept_[row]), 4) for row in order],
        "weights": dict(sorted(weights.items())),
        "info": {
            "trained_on": "NewsMTSC train split (Hamborg & Donnay 2021, EACL; MIT licence), "
                          f"{len(rows)} targets",
            "model": "multinomial logistic regression (scikit-learn), L2",
            "C": c, "min_feature_count": min_count, "cv_macro_f1": round(cv_f1, 4),
            "selection": "5-fold GroupKFold by sentence on train only",
        },
    }
    Path(args.out).write_text(json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} features, C={c}, min_count={min_count}, CV macro-F1 {cv_f1:.4f}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
