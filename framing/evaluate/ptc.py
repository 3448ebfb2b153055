"""Loaded-language evaluation on PTC (SemEval-2020 Task 11): predicted spans against gold technique spans.

Gold spans are those of technique ``Loaded_Language`` or ``Name_Calling,Labeling``. Span level:
a predicted span is right when it overlaps a gold span, and a gold span is found when any
prediction overlaps it. Character level: precision and recall over the characters covered.
Five systems are compared in one run: the shipped lexicon without the marker categories,
VADER words, the learned model, lexicon plus model merged, and the full report's loaded terms
(scare quotes included). BABE word-level scores of the
lexicon and lexicon plus model use the same token rule as ``babe.py``.

    python -m framing.evaluate.ptc ../shared/eval/ptc_dev [--babe ../shared/eval/babe/babe_sg2_dev.csv]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.stages.lexicon import CompiledLexicons, compile_lexicons
from framing.stages.lexicon_files import load_lexicon
from framing.stages.loaded_features import WORD, vader_lexicon
from framing.stages.loaded_model import DEFAULT_THRESHOLD, find_loaded_phrases, model_sha256
from framing.stages.loaded_terms import find_document_terms

from .metrics import PrecisionRecall

GOLD_TECHNIQUES = frozenset({"Loaded_Language", "Name_Calling,Labeling"})
# Marker and rule-based categories that are not loaded terms (moved to their own layer).
EXCLUDED_CATEGORIES = frozenset({"hedge", "booster", "attribution_verb", "scare_quote"})

Span = tuple[int, int]
System = Callable[[str], list[Span]]


@dataclass(frozen=True, slots=True)
class SpanScore:
    """Span-level and character-level scores of one system over a corpus."""

    system: str
    span: PrecisionRecall  # tp = predictions overlapping gold, fn = gold spans missed
    found: int  # gold spans overlapped by some prediction
    n_gold: int
    char: PrecisionRecall

    @property
    def span_recall(self) -> float:
        """Share of gold spans found (span recall counts gold spans, not predictions)."""
        return self.found / self.n_gold if self.n_gold else 0.0

    @property
    def span_f1(self) -> float:
        """Harmonic mean of span precision and span recall."""
        p, r = self.span.precision, self.span_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def span_counts(gold: Sequence[Span], predicted: Sequence[Span]) -> tuple[int, int, int, int]:
    """Return (correct predictions, predictions, gold spans found, gold spans) for one text."""
    correct = sum(any(s < ge and gs < e for gs, ge in gold) for s, e in predicted)
    found = sum(any(s < ge and gs < e for s, e in predicted) for gs, ge in gold)
    return correct, len(predicted), found, len(gold)


def char_counts(gold: Sequence[Span], predicted: Sequence[Span]) -> PrecisionRecall:
    """Character-level true/false positives and false negatives for one text."""
    gold_chars = _covered(gold)
    predicted_chars = _covered(predicted)
    tp = len(gold_chars & predicted_chars)
    return PrecisionRecall(tp, len(predicted_chars) - tp, len(gold_chars) - tp)


def _covered(spans: Iterable[Span]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def score_system(name: str, documents: Sequence[tuple[str, list[Span]]], system: System) -> SpanScore:
    """Sum span and character counts of one system over (text, gold spans) documents."""
    correct = n_predicted = found = n_gold = 0
    tp = fp = fn = 0
    for text, gold in documents:
        predicted = system(text)
        c, p, f, g = span_counts(gold, predicted)
        correct, n_predicted, found, n_gold = correct + c, n_predicted + p, found + f, n_gold + g
        chars = char_counts(gold, predicted)
        tp, fp, fn = tp + chars.tp, fp + chars.fp, fn + chars.fn
    return SpanScore(name, PrecisionRecall(correct, n_predicted - correct, n_gold - found), found, n_gold,
                     PrecisionRecall(tp, fp, fn))


def load_ptc(directory: Path) -> list[tuple[str, list[Span]]]:
    """Articles (text read as UTF-8 with any BOM kept, as the offsets count it) and their gold spans.

    Raises:
        InputError: when ``articles/`` or ``spans.jsonl`` is missing or a line is malformed.
    """
    articles = directory / "articles"
    spans_file = directory / "spans.jsonl"
    if not articles.is_dir() or not spans_file.is_file():
        raise InputError(f"{directory}: expected articles/<id>.txt and spans.jsonl (PTC layout)")
    gold: dict[str, set[Span]] = {}
    for number, line in enumerate(spans_file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["technique"] in GOLD_TECHNIQUES:
                gold.setdefault(str(row["article"]), set()).add((int(row["start"]), int(row["end"])))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{spans_file}:{number}: not a PTC span line ({error})") from None
    documents = []
    for path in sorted(articles.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        documents.append((text, sorted(gold.get(path.stem, ()))))
    return documents


@cache
def shipped_lexicon() -> CompiledLexicons:
    """The shipped lexicon as the report compiles it (markers included, so they block the scorer)."""
    return compile_lexicons((load_lexicon(),))


def lexicon_spans(text: str) -> list[Span]:
    """Spans of the report's lexicon hits (``find_document_terms`` without the scorer), markers left out."""
    return [(h.start, h.end) for h in find_document_terms(text, shipped_lexicon(), [(0, len(text))], model_terms=False)
            if h.category not in EXCLUDED_CATEGORIES]


def vader_spans(text: str) -> list[Span]:
    """Spans of words with a non-zero VADER valence."""
    lexicon = vader_lexicon()
    return [m.span() for m in WORD.finditer(text) if lexicon.get(m.group().lower(), 0.0) != 0.0]


def model_spans(text: str, *, threshold: float = DEFAULT_THRESHOLD) -> list[Span]:
    """Spans of the learned model alone (its cued phrases: what the report keeps of it away from a lexicon hit)."""
    return [(h.start, h.end) for h in find_loaded_phrases(text, threshold=threshold) if h.cued]


def merged_spans(text: str, *, threshold: float = DEFAULT_THRESHOLD) -> list[Span]:
    """The report's loaded terms from lexicon and scorer (``find_document_terms``), markers left out."""
    return [(h.start, h.end) for h in find_document_terms(text, shipped_lexicon(), [(0, len(text))], threshold=threshold)
            if h.category not in EXCLUDED_CATEGORIES]


def report_spans(text: str, *, model_terms: bool = True) -> list[Span]:
    """Spans of the full report's loaded terms (title, paragraphs, headings), scare quotes included."""
    import framing

    report = framing.analyze(text, format="text", model_terms=model_terms)
    hits = [h for front in report.front for h in front.loaded_terms]
    hits += [h for paragraph in report.paragraphs for h in paragraph.loaded_terms]
    hits += [h for section in report.sections for h in section.heading_terms]
    return sorted((h.start, h.end) for h in hits)


def evaluate_ptc(directory: Path, *, threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """Score the systems on a PTC folder; returns rows of span and character P/R/F1.

    The last row is the full report's loaded terms (its own default threshold, scare quotes
    included), which is what a user of ``framing.report`` gets.
    """
    documents = load_ptc(Path(directory))
    systems: list[tuple[str, System]] = [
        ("lexicon (no markers)", lexicon_spans),
        ("VADER words (valence != 0)", vader_spans),
        (f"model (p >= {threshold:g})", lambda t: model_spans(t, threshold=threshold)),
        ("lexicon + model merged", lambda t: merged_spans(t, threshold=threshold)),
        ("full report (+ scare quotes)", report_spans),
    ]
    rows = [_row(score_system(name, documents, system)) for name, system in systems]
    return {"dataset": "ptc", "directory": str(directory), "n_articles": len(documents),
            "n_gold": sum(len(g) for _, g in documents), "model_sha256": model_sha256(), "rows": rows}


def _row(score: SpanScore) -> dict[str, Any]:
    return {
        "system": score.system, "spans": score.span.tp + score.span.fp,
        "span_p": round(score.span.precision, 4), "span_r": round(score.span_recall, 4),
        "span_f1": round(score.span_f1, 4), "char_p": round(score.char.precision, 4),
        "char_r": round(score.char.recall, 4), "char_f1": round(score.char.f1, 4),
    }


def evaluate_babe_words(path: Path, *, threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """BABE word-level P/R/F1 of the lexicon alone and of lexicon plus model (rule of ``babe.token_counts``)."""
    from .babe import token_counts
    from .datasets import load_babe

    examples = load_babe(path)
    rows = []
    for name, system in (("lexicon (no markers)", lexicon_spans),
                         (f"model (p >= {threshold:g})", lambda t: model_spans(t, threshold=threshold)),
                         ("lexicon + model merged", lambda t: merged_spans(t, threshold=threshold))):
        counts = token_counts(examples, system)
        rows.append({"system": name, "word_p": round(counts.precision, 4), "word_r": round(counts.recall, 4),
                     "word_f1": round(counts.f1, 4)})
    return {"dataset": "babe", "file": str(path), "n_sentences": len(examples), "rows": rows}


def render(result: dict[str, Any]) -> str:
    """A result as a Markdown table."""
    rows = result["rows"]
    columns = list(rows[0]) if rows else []
    cells = [[f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(columns)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(v.ljust(w) for v, w in zip(line, widths)) + " |" for line in cells]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the PTC table (and the BABE word table with ``--babe``)."""
    parser = argparse.ArgumentParser(prog="python -m framing.evaluate.ptc", description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path, help="PTC folder with articles/ and spans.jsonl")
    parser.add_argument("--babe", type=Path, help="BABE CSV for the word-level table")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args(argv)
    try:
        result = evaluate_ptc(args.directory, threshold=args.threshold)
        sys.stdout.write(f"PTC {args.directory}: {result['n_articles']} articles, {result['n_gold']} gold spans\n\n")
        sys.stdout.write(render(result))
        if args.babe:
            babe = evaluate_babe_words(args.babe, threshold=args.threshold)
            sys.stdout.write(f"\nBABE {args.babe}: {babe['n_sentences']} sentences, word level\n\n")
            sys.stdout.write(render(babe))
    except InputError as error:
        sys.stderr.write(f"framing.evaluate.ptc: error: {error}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
