"""Run one dataset's evaluation and render its table (text or JSON)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from framing._version import __version__
from framing.errors import InputError

T = TypeVar("T")

DATASETS = ("newsmtsc", "babe", "gvfc")


def run(dataset: str, path: str | Path, *, recasens: str | Path | None = None) -> dict[str, Any]:
    """Evaluate framing on one labelled file; returns rows of metrics per method.

    Raises:
        InputError: for an unknown dataset or a missing or malformed file.
    """
    runners: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "newsmtsc": lambda: _newsmtsc(path),
        "babe": lambda: _babe(path, recasens),
        "gvfc": lambda: _gvfc(path),
    }
    if dataset not in runners:
        raise InputError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    return {
        "dataset": dataset, "file": str(path), "framing_version": __version__,
        "measured": datetime.date.today().isoformat(), "rows": runners[dataset](),
    }


def _newsmtsc(path: str | Path) -> list[dict[str, Any]]:
    from framing.evaluate.datasets import load_newsmtsc
    from framing.evaluate.newsmtsc import evaluate_targets

    return [{"method": s.method, "macro_f1": round(s.macro_f1, 4), "accuracy": round(s.accuracy, 4), "n": s.n}
            for s in evaluate_targets(load_newsmtsc(path))]


def _babe(path: str | Path, recasens: str | Path | None) -> list[dict[str, Any]]:
    from framing.evaluate.babe import evaluate_bias
    from framing.evaluate.datasets import load_babe

    if recasens is None:
        sibling = Path(path).resolve().parent.parent / "recasens_bias_lexicon" / "bias-lexicon.txt"
        recasens = sibling if sibling.is_file() else None
    rows = []
    for score in evaluate_bias(load_babe(path), recasens_path=str(recasens) if recasens else None):
        row: dict[str, Any] = {"method": score.method, "n": score.n_sentences}
        if score.token is not None:
            row.update({"token_precision": round(score.token.precision, 4), "token_recall": round(score.token.recall, 4),
                        "token_f1": round(score.token.f1, 4)})
        if score.sentence_macro_f1 is not None:
            row.update({"sentence_macro_f1": round(score.sentence_macro_f1, 4),
                        "sentence_accuracy": round(score.sentence_accuracy or 0.0, 4)})
        rows.append(row)
    return rows


def _gvfc(path: str | Path) -> list[dict[str, Any]]:
    from framing.evaluate.datasets import load_gvfc
    from framing.evaluate.frames import evaluate_frames

    return evaluate_frames(load_gvfc(path))


def render_table(result: dict[str, Any]) -> str:
    """The result as an aligned plain-text table (also valid Markdown)."""
    rows = result["rows"]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [max(len(column), *(len(line[i]) for line in cells)) for i, column in enumerate(columns)]
    header = "| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(v.ljust(w) for v, w in zip(line, widths)) + " |" for line in cells]
    title = f"{result['dataset']} — {result['file']} (framing {result['framing_version']}, {result['measured']})"
    return "\n".join([title, "", header, rule, *body]) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def one_file_main(name: str, argv: list[str] | None, table: Callable[[Path], str]) -> int:
    """The command line of a harness that scores one labelled file: ``table(path)`` is printed.

    Returns 2 (with a usage line) unless exactly one argument is given, 1 on a bad file.
    """
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write(f"usage: python -m framing.evaluate {name} FILE.jsonl\n")
        return 2
    try:
        sys.stdout.write(table(Path(args[0])))
    except InputError as error:
        sys.stderr.write(f"framing.evaluate.{name}: error: {error}\n")
        return 1
    return 0


def read_jsonl(path: Path, parse: Callable[[Any], T], expected: str) -> list[T]:
    """``parse(record)`` for each non-blank line of a JSONL file.

    Raises:
        InputError: for a missing file, or a line that is not JSON or that ``parse`` rejects
            (ValueError, KeyError, TypeError), with the file, the line and ``expected``.
    """
    import json

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    parsed = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            parsed.append(parse(json.loads(line)))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: expected {expected} ({error})") from None
    return parsed
