"""Loaded language in our own labelled texts: the report's loaded terms against a careful reader's marks.

``python -m framing.evaluate loaded FILE`` reads JSONL ``{"text": ..., "spans": [{"start", "end"}]}``
(``tools/build_labelled.py`` writes ``labelled/loaded_<split>.jsonl``) and prints span- and
character-level precision, recall and F1 (the PTC harness's metrics) for the full report
with and without the learned phrase scorer. Every loaded term counts, quoted ones too: the
readers marked loaded words inside quotations as well.
"""

from __future__ import annotations

from pathlib import Path

from framing.evaluate.harness import one_file_main, read_jsonl
from framing.evaluate.ptc import SpanScore, report_spans, score_system

Span = tuple[int, int]


def load_marked(path: Path) -> list[tuple[str, list[Span]]]:
    """(text, marked spans) per line of a JSONL file.

    Raises:
        InputError: for a missing file or a malformed line.
    """
    return read_jsonl(path, lambda record: (record["text"], [(int(s["start"]), int(s["end"])) for s in record["spans"]]),
                      "{text, spans: [{start, end}]}")


def evaluate_loaded(path: Path) -> list[SpanScore]:
    """Scores of the report with and without the learned scorer on one labelled file."""
    documents = load_marked(path)
    return [score_system("report (lexicon + model)", documents, report_spans),
            score_system("report (lexicon only)", documents, lambda text: report_spans(text, model_terms=False))]


def render(path: Path, scores: list[SpanScore]) -> str:
    """A Markdown table of the scores on one file."""
    lines = [f"loaded language — {path} ({scores[0].n_gold} marked spans)", "",
             "| system | span P | span R | span F1 | char P | char R | char F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {score.system} | {score.span.precision:.3f} | {score.span_recall:.3f} | {score.span_f1:.3f} "
              f"| {score.char.precision:.3f} | {score.char.recall:.3f} | {score.char.f1:.3f} |" for score in scores]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the table; 1 on a bad file."""
    return one_file_main("loaded", argv, lambda path: render(path, evaluate_loaded(path)))


if __name__ == "__main__":
    raise SystemExit(main())
