"""Build-time training of the name recogniser: GMB NER extract + NewsMTSC -> framing/data/recogniser.json.

1. A lower-case frequency table from NewsMTSC ``train.jsonl`` (MIT) and the GMB training sentences: for every word, the
   share of its mid-sentence occurrences written in lower case.
2. Candidates from ``framing.stages.recogniser.iter_candidates`` (the one feature
   extractor) over detokenised GMB sentences of the training split, labelled by the gold
   entity that covers most of them; a share is re-cased as Title Case and ALL CAPS
   headlines; the gazetteer feature is given on half of the sentences.
3. Multinomial logistic regression (scikit-learn), weights centred per feature, pruned,
   rounded and written as JSON; then development (or, with ``--tune``, validation)
   metrics computed with the pure-Python scorer.

    .venv/bin/python tools/train_recogniser.py            # ship: train on splits 1-9, report on split 0
    .venv/bin/python tools/train_recogniser.py --tune     # choose constants: train on 2-9, report on 1
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from gmb_dev_jsonl import DEFAULT_ZIP, DEV, VALIDATION, GoldSentence, read_gmb  # noqa: E402

from framing.evaluate.ner import NerExample, score_mentions  # noqa: E402
from framing.stages.recogniser import CLASSES, find_names, iter_candidates, parse_model  # noqa: E402
from framing.stages.recogniser_features import FUNCTION_WORDS, Candidate  # noqa: E402

DEFAULT_NEWSMTSC = ROOT.parent / "shared" / "eval" / "newsmtsc" / "train.jsonl"
DEFAULT_GAZETTEER = ROOT / "lexicons" / "actors.tsv"
DEFAULT_OUT = ROOT / "framing" / "data" / "recogniser.json"
SEED = 13
# Inverse regularisation strength of the logistic regression (hand-set; --tune on split 1 checks it).
C = 0.5
# A feature must occur in at least this many training candidates to get a weight.
MIN_FEATURE_COUNT = 2
# Centred weights below this magnitude for every class are dropped (keeps the JSON a few MB).
PRUNE = 0.02
# Decimal places kept in the JSON.
DECIMALS = 3
# Words seen fewer times than this in NewsMTSC and the GMB training sentences get no lower-case ratio ("unseen").
MIN_WORD_COUNT = 2
# Per mille of training sentences re-cased as a Title Case / ALL CAPS headline.
TITLE_CASE_PER_MILLE, ALL_CAPS_PER_MILLE = 80, 40
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_OPENERS = frozenset(".!?:;\"“‘(—–")


def newsmtsc_sentences(path: Path) -> Iterable[str]:
    """The sentences of a NewsMTSC JSONL file (its normalised text)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["sentence_normalized"]


def lowercase_table(texts: Iterable[str]) -> dict[str, int]:
    """Percent of each word's non-initial occurrences written in lower case, over sentences of news."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        previous_end = 0
        first = True
        for match in _WORD.finditer(text):
            gap = text[previous_end:match.start()].strip()
            initial = first or (gap and gap[-1] in _OPENERS)
            first = False
            previous_end = match.end()
            word = match.group()
            if word[0].islower():
                lower[word.lower()] += 1
            elif not initial and not (word.isupper() and len(word) > 1):
                capital[word.lower()] += 1
    table: dict[str, int] = {}
    for word in sorted(set(lower) | set(capital)):
        total = lower[word] + capital[word]
        if total >= MIN_WORD_COUNT:
            table[word] = round(100 * lower[word] / total)
    return table


def read_gazetteer(path: Path) -> dict[str, str]:
    """Surface form -> kind, from the actor gazetteer TSV (names and aliases; '@' stripped)."""
    kinds: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or cells[:2] == ["actor", "kind"]:
            continue
        forms = [cells[0], *(cells[2].split("|") if len(cells) > 2 else [])]
        for form in forms:
            form = form.strip().lstrip("@").strip()
            if form:
                kinds.setdefault(form, cells[1].strip())
    return kinds


def _title_case(text: str) -> str:
    """Capitalise every word but short function words (same length as ``text``)."""
    return _WORD.sub(lambda m: m.group() if m.group().lower() in FUNCTION_WORDS and m.start() > 0
                     else m.group()[0].upper() + m.group()[1:], text)


def label_of(candidate: Candidate, sentence: GoldSentence) -> str:
    """The type of the gold entity covering most of the candidate, if it covers half; else NONE."""
    best, best_overlap = "NONE", 0
    for entity in sentence.entities:
        overlap = min(entity.end, candidate.end) - max(entity.start, candidate.start)
        if overlap > best_overlap:
            best, best_overlap = entity.type, overlap
    return best if 2 * best_overlap >= candidate.end - candidate.start else "NONE"


def _variants(sentence: GoldSentence) -> Iterable[tuple[str, str | None]]:
    yield sentence.text, None
    bucket = zlib.crc32(f"case{sentence.number}".encode()) % 1000
    if bucket < TITLE_CASE_PER_MILLE:
        yield _title_case(sentence.text), "title"
    elif bucket < TITLE_CASE_PER_MILLE + ALL_CAPS_PER_MILLE:
        upper = sentence.text.upper()
        if len(upper) == len(sentence.text):
            yield upper, "caps"


def examples_of(sentences: Sequence[GoldSentence], ratio: dict[str, float],
                gazetteer: dict[str, str]) -> tuple[list[tuple[str, ...]], list[str]]:
    """Features and labels of every candidate (and "X of Y" part) in the training sentences."""
    features: list[tuple[str, ...]] = []
    labels: list[str] = []
    for sentence in sentences:
        known: Callable[[str], str | None] | None = gazetteer.get if sentence.number % 2 == 0 else None
        for text, mode in _variants(sentence):
            for candidate in iter_candidates(text, known_kind=known, lowercase_ratio=ratio, mode=mode):  # type: ignore[arg-type]
                for item in (candidate, *candidate.parts):
                    features.append(item.features)
                    labels.append(label_of(item, sentence))
    return features, labels


def train(features: list[tuple[str, ...]], labels: list[str], c: float) -> tuple[dict[str, list[float]], list[float]]:
    """Fit the classifier; return centred, pruned, rounded weights per feature and the biases."""
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for row in features for f in set(row))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT))}
    indptr, indices = [0], []
    for row in features:
        columns = sorted({vocabulary[f] for f in row if f in vocabulary})
        indices.extend(columns)
        indptr.append(len(indices))
    matrix = csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(features), len(vocabulary)))
    model = LogisticRegression(C=c, max_iter=400, random_state=SEED)
    model.fit(matrix, labels)
    order = [list(model.classes_).index(name) for name in CLASSES]
    coef = model.coef_[order]
    bias = model.intercept_[order]
    weights: dict[str, list[float]] = {}
    for feature, column in vocabulary.items():
        row = coef[:, column]
        centred = row - row.mean()
        if abs(centred).max() >= PRUNE:
            weights[feature] = [round(float(w), DECIMALS) for w in centred]
    return weights, [round(float(b - bias.mean()), DECIMALS) for b in bias]


def evaluate(sentences: Sequence[GoldSentence], table: dict[str, object]) -> dict[str, object]:
    """Score the exported (pure-Python) model on gold sentences, as the evaluation harness does."""
    model = parse_model(table)
    examples = [NerExample(s.text, tuple((e.start, e.end, e.type) for e in s.entities
                                         if e.type in ("PER", "ORG", "LOC"))) for s in sentences]
    began = time.perf_counter()
    mentions = [[(n.start, n.end, n.kind) for n in find_names(x.text, model=model) if n.kind != "NAT"]
                for x in examples]
    return score_mentions(examples, mentions, "PER", time.perf_counter() - began)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument("--newsmtsc", type=Path, default=DEFAULT_NEWSMTSC)
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tune", action="store_true", help="train on splits 2-9 and report on validation split 1")
    parser.add_argument("--C", type=float, default=C, dest="c")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    gazetteer = read_gazetteer(args.gazetteer)
    sentences = list(read_gmb(args.zip))
    held_out = VALIDATION if args.tune else DEV
    training = [s for s in sentences if s.split != DEV and s.split != held_out]
    # the lower-case table counts NewsMTSC and the training sentences of GMB (never the held-out ones)
    percent = lowercase_table(chain(newsmtsc_sentences(args.newsmtsc), (s.text for s in training)))
    ratio = {word: value / 100 for word, value in percent.items()}
    report_on = [s for s in sentences if s.split == held_out]
    features, labels = examples_of(training, ratio, gazetteer)
    print(f"{len(training)} training sentences, {len(features)} candidates: {sorted(Counter(labels).items())}",
          file=sys.stderr)
    weights, bias = train(features, labels, args.c)
    table: dict[str, object] = {
        "format": 1,
        "classes": list(CLASSES),
        "bias": bias,
        "weights": dict(sorted(weights.items())),
        "lowercase_percent": percent,
        "training": {"data": "GMB NER extract (ODbL 1.0)", "splits": "crc32(str(n // 25)) % 10 not in {0}"
                     + (" and not 1 (--tune)" if args.tune else ""), "C": args.c, "seed": SEED,
                     "candidates": len(features)},
        "lowercase_source": "NewsMTSC train.jsonl (MIT, Copyright 2020 Felix Hamborg) and the training sentences of the GMB NER extract (ODbL 1.0)",
    }
    payload = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
    out = args.out if not args.tune else Path("/tmp/recogniser_tune.json")
    out.write_text(payload, encoding="utf-8")
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    print(f"wrote {out} ({len(payload) / 1e6:.2f} MB, {len(weights)} features, sha256 {digest})", file=sys.stderr)
    scores = evaluate(report_on, table)
    name = "validation (split 1)" if args.tune else "development (split 0)"
    print(f"{name}: {json.dumps(scores)}")
    print(f"total {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
