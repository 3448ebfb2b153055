"""Name-recognition evaluation: JSONL sentences with gold PER/ORG/LOC spans -> recall, precision, speed.

A gold entity counts as found when a reported mention overlaps it; a reported mention
counts as correct when it overlaps any gold entity. Two methods are measured: the public
pipeline (``framing.analyze``, mentions that name their actor: ``is_named``) and the recogniser
alone (``find_names``, spans of kind PER/ORG/LOC; NAT spans are not names).
Run as ``python -m framing.evaluate.ner FILE [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.stages.gazetteer import parse_gazetteer
from framing.text.resources import read_data_bytes

GOLD_TYPES = ("PER", "ORG", "LOC")
# Pipeline actor kinds that name a specific actor (a "group" such as "police" is not a name; a group
# the gazetteer names, such as Hamas or the Labour Party, counts too: see `is_named`).
NAMED_KINDS = frozenset(("person", "organisation", "media", "government", "state"))
# Sentences per text handed to framing.analyze: joined as paragraphs to amortise per-call cost.
ANALYZE_BATCH = 40

Mention = tuple[int, int, str]  # start, end, kind ("PER" or "person" ...)


@dataclass(frozen=True, slots=True)
class NerExample:
    """One labelled text and its gold entities (start, end, type)."""

    text: str
    entities: tuple[tuple[int, int, str], ...]
    # per entity: a definite description ("the council"), which the labelled texts mark and the report
    # gives as a reference, never as a name (``is_named``); empty when the file does not say
    nominal: tuple[bool, ...] = ()


def read_ner_jsonl(path: Path) -> tuple[NerExample, ...]:
    """Read ``{"text", "entities": [{"start", "end", "type"}]}`` lines.

    Raises:
        InputError: naming the line, when a line is not such an object or a span is out of range.
    """
    examples: list[NerExample] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                text = data["text"]
                entities = tuple((int(e["start"]), int(e["end"]), str(e["type"])) for e in data["entities"])
                nominal = tuple(bool(e.get("nominal", False)) for e in data["entities"])
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(f"{path}:{number}: expected {{'text', 'entities': [{{start, end, type}}]}}; "
                                 f"got {line[:60]!r} ({error})") from error
            if any(not 0 <= s < e <= len(text) for s, e, _ in entities):
                raise InputError(f"{path}:{number}: an entity span lies outside the text ({len(text)} characters)")
            examples.append(NerExample(text, entities, nominal))
    return tuple(examples)


def score_mentions(examples: Sequence[NerExample], mentions: Sequence[Sequence[Mention]],
                   person_kind: str, seconds: float) -> dict[str, Any]:
    """Recall per gold type (of all gold mentions, and of the names alone: no definite descriptions),
    precision over mentions, typed person precision and words/s."""
    found = dict.fromkeys(GOLD_TYPES, 0)
    total = dict.fromkeys(GOLD_TYPES, 0)
    names_found = dict.fromkeys(GOLD_TYPES, 0)
    names_total = dict.fromkeys(GOLD_TYPES, 0)
    correct = reported = person_correct = person_reported = 0
    for example, predicted in zip(examples, mentions, strict=True):
        nominal = example.nominal or (False,) * len(example.entities)
        for (start, end, kind), is_nominal in zip(example.entities, nominal, strict=True):
            if kind in total:
                hit = any(s < end and start < e for s, e, _ in predicted)
                total[kind] += 1
                found[kind] += hit
                if not is_nominal:
                    names_total[kind] += 1
                    names_found[kind] += hit
        for start, end, kind in predicted:
            hits = [t for s, e, t in example.entities if s < end and start < e]
            reported += 1
            correct += bool(hits)
            if kind == person_kind:
                person_reported += 1
                person_correct += "PER" in hits
    words = sum(len(example.text.split()) for example in examples)
    return {
        "n_texts": len(examples),
        "n_words": words,
        "recall": {kind: _ratio(found[kind], total[kind]) for kind in GOLD_TYPES},
        "recall_names": {kind: _ratio(names_found[kind], names_total[kind]) for kind in GOLD_TYPES},
        "n_gold": total,
        "precision": _ratio(correct, reported),
        "n_mentions": reported,
        "person_precision": _ratio(person_correct, person_reported),
        "n_person_mentions": person_reported,
        "words_per_second": round(words / seconds) if seconds > 0 else None,
    }


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def recogniser_mentions(examples: Sequence[NerExample]) -> tuple[list[list[Mention]], float]:
    """Run ``find_names`` on every text; return its PER/ORG/LOC spans and the seconds spent."""
    from framing.stages.recogniser import find_names, load_model

    load_model()  # loading the weights is not part of the measured time
    began = time.perf_counter()
    out: list[list[Mention]] = [[(n.start, n.end, str(n.kind)) for n in find_names(x.text) if n.kind in GOLD_TYPES]
                                for x in examples]
    return out, time.perf_counter() - began


def pipeline_mentions(examples: Sequence[NerExample]) -> tuple[list[list[Mention]], float]:
    """Run ``framing.analyze`` over batches of texts joined as paragraphs; map mentions back."""
    import framing

    framing.analyze("Warm-up text about Joe Biden.")
    out: list[list[Mention]] = [[] for _ in examples]
    began = time.perf_counter()
    for first in range(0, len(examples), ANALYZE_BATCH):
        batch = examples[first:first + ANALYZE_BATCH]
        text = "\n\n".join(x.text for x in batch)
        report = framing.analyze(text).to_dict()
        if report["text"] != text:  # the pipeline normalised the text: fall back to one call per text
            for offset, example in enumerate(batch):
                single = framing.analyze(example.text).to_dict()
                same = single["text"] == example.text
                out[first + offset] = [m for m in _named_mentions(single) if same]
            continue
        starts = []
        position = 0
        for example in batch:
            starts.append(position)
            position += len(example.text) + 2
        for start, end, kind in _named_mentions(report):
            index = max(i for i, s in enumerate(starts) if s <= start)
            out[first + index].append((start - starts[index], end - starts[index], kind))
    return out, time.perf_counter() - began


def is_named(mention: dict[str, Any]) -> bool:
    """Whether a serialised mention names its actor: a person, body, government or state, or a
    group the actor gazetteer names (a party, movement or armed group: "Hamas", "Labour Party";
    not "police" or "Palestinians", which ``groups.tsv`` lists), and is no reference ("the company")."""
    kind = mention["kind"]
    return (kind in NAMED_KINDS or (kind == "group" and mention["actor"] in named_groups())) \
        and mention.get("source") != "reference"


@cache
def named_groups() -> frozenset[str]:
    """The canonical names of the group rows of the shipped actor gazetteer (``lexicons/actors.tsv``)."""
    gazetteer = parse_gazetteer(read_data_bytes("actors.tsv").decode("utf-8"))
    return frozenset(actor.name for actor in gazetteer.actors if actor.kind == "group")


def _named_mentions(report: dict[str, Any]) -> Iterator[Mention]:
    """Every mention of a named actor in a serialised report (``is_named``), once per span."""
    seen: set[tuple[int, int]] = set()
    groups: Iterable[list[dict[str, Any]]] = (
        *(part["actors"] for part in report.get("front", [])),
        *(section.get("heading_actors", []) for section in report["sections"]),
        *(paragraph["actors"] for section in report["sections"] for paragraph in section["paragraphs"]),
    )
    for mentions in groups:
        for mention in mentions:
            key = (mention["start"], mention["end"])
            if is_named(mention) and key not in seen:
                seen.add(key)
                yield mention["start"], mention["end"], mention["kind"]


def evaluate_ner(path: Path, *, limit: int | None = None,
                 methods: Sequence[str] = ("analyze", "find_names")) -> dict[str, Any]:
    """Score the pipeline and the recogniser alone on a JSONL file of gold entities.

    Raises:
        InputError: when the file is malformed (see ``read_ner_jsonl``).
    """
    examples = read_ner_jsonl(Path(path))[:limit]
    runners: dict[str, Callable[[Sequence[NerExample]], tuple[list[list[Mention]], float]]] = {
        "analyze": pipeline_mentions, "find_names": recogniser_mentions,
    }
    person = {"analyze": "person", "find_names": "PER"}
    result: dict[str, Any] = {}
    for method in methods:
        mentions, seconds = runners[method](examples)
        result[method] = score_mentions(examples, mentions, person[method], seconds)
    return result


def render_table(result: dict[str, Any]) -> str:
    """The numbers as a fixed-width text table, one row per method."""
    header = (f"{'method':<11} {'texts':>6} {'R PER':>6} {'R ORG':>6} {'R LOC':>6} {'P':>6} {'P per':>6} {'words/s':>9}"
              f" {'R ORG names':>11}")
    lines = [header, "-" * len(header)]
    for method, scores in result.items():
        recall = scores["recall"]
        cells = [_cell(recall[k]) for k in GOLD_TYPES] + [_cell(scores["precision"]), _cell(scores["person_precision"])]
        lines.append(f"{method:<11} {scores['n_texts']:>6} " + " ".join(f"{c:>6}" for c in cells)
                     + f" {scores['words_per_second'] or '-':>9} {_cell(scores['recall_names']['ORG']):>11}")
    return "\n".join(lines) + "\n"


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation table for a JSONL file (``--json OUT`` also writes the numbers)."""
    parser = argparse.ArgumentParser(prog="python -m framing.evaluate.ner", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="JSONL: {text, entities: [{start, end, type}]} (e.g. /tmp/gmb_dev.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N texts")
    parser.add_argument("--method", choices=("analyze", "find_names"), action="append",
                        help="measure only this method (repeatable; default both)")
    parser.add_argument("--json", metavar="OUT", type=Path, help="also write the numbers as JSON")
    args = parser.parse_args(argv)
    try:
        result = evaluate_ner(args.file, limit=args.limit, methods=args.method or ("analyze", "find_names"))
    except InputError as error:
        print(f"framing.evaluate.ner: error: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(render_table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
