"""``python -m framing.evaluate DATASET FILE [--json OUT]``: print the evaluation table.

DATASET is newsmtsc, babe or gvfc (tables from ``harness``), or ner, ptc, portrayal, pages,
loaded or attribution, whose harnesses take their own options (``python -m framing.evaluate ner --help``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from framing.errors import FramingError
from framing.evaluate.harness import DATASETS, render_table, run

# Harnesses with their own command line: dataset -> module.
DELEGATED = {"ner": "framing.evaluate.ner", "ptc": "framing.evaluate.ptc", "portrayal": "framing.evaluate.portrayal",
             "pages": "framing.evaluate.pages", "loaded": "framing.evaluate.loaded",
             "attribution": "framing.evaluate.attribution"}


def main(argv: list[str] | None = None) -> int:
    """Run one harness; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else argv
    if arguments and arguments[0] in DELEGATED:
        import importlib

        harness = importlib.import_module(DELEGATED[arguments[0]])
        return int(harness.main(list(arguments[1:])))
    parser = argparse.ArgumentParser(prog="python -m framing.evaluate", description=__doc__)
    parser.add_argument("dataset", choices=(*DATASETS, *DELEGATED))
    parser.add_argument("file", help="the labelled file (e.g. ../shared/eval/newsmtsc/dev_mt.jsonl)")
    parser.add_argument("--json", metavar="OUT", help="also write the numbers as JSON")
    parser.add_argument("--recasens", metavar="FILE", help="Recasens et al. bias lexicon (babe baseline)")
    args = parser.parse_args(arguments)
    try:
        result = run(args.dataset, args.file, recasens=args.recasens)
    except FramingError as error:
        print(f"framing.evaluate: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 1
    sys.stdout.write(render_table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
