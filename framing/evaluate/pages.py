"""Web-page extraction: trafilatura alone vs the old extractor vs ``extract_page``.

A suite is a directory of ``*.html`` pages and an ``expectations.json``
``{file: {"must_appear": [...], "must_not_appear": [...]}}``. For each system the harness
measures the share of must-appear strings found in the *body* (for the framing extractors:
the extracted text minus its noise spans), the share of must-not-appear strings kept out of
the body, crashes and milliseconds per page.

``python -m framing.evaluate.pages DIRECTORY [--json OUT] [--verbose]`` prints the table.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

SYSTEMS = ("trafilatura", "old", "framing")
_SPACE = re.compile(r"\s+")


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def _trafilatura_alone(source: str) -> str:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(trafilatura.extract(source) or "")


def _old(source: str) -> str:
    from framing.ingest.html import extract_html
    from framing.ingest.web import body_text

    extracted = extract_html(source)
    return body_text(extracted.text, extracted.noise)


def _framing(source: str) -> str:
    from framing.ingest.web import body_text, extract_page

    extracted = extract_page(source)
    return body_text(extracted.text, extracted.noise)


_EXTRACTORS: dict[str, Callable[[str], str]] = {"trafilatura": _trafilatura_alone, "old": _old, "framing": _framing}


def evaluate_pages(directory: Path) -> dict[str, Any]:
    """Run the three extractors over a page suite.

    Args:
        directory: A folder with ``*.html`` pages and ``expectations.json``.

    Returns:
        ``{"pages": n, "systems": {name: {"must_appear", "must_not_appear", "crashes",
        "ms_per_page", "missed", "leaked"}}}``; the shares are in [0, 1]; ``missed`` and
        ``leaked`` list ``[file, string]`` pairs.
    """
    directory = Path(directory)
    expectations: dict[str, dict[str, list[str]]] = json.loads(
        (directory / "expectations.json").read_text(encoding="utf-8"))
    pages = {name: (directory / name).read_text(encoding="utf-8") for name in sorted(expectations)}
    _trafilatura_alone("<html><body><p>warm up</p></body></html>")  # imports are not timed
    _framing("<html><body><p>warm up</p></body></html>")
    systems: dict[str, Any] = {}
    for system in SYSTEMS:
        extractor = _EXTRACTORS[system]
        found = appear_total = kept_out = not_total = crashes = 0
        missed: list[list[str]] = []
        leaked: list[list[str]] = []
        elapsed = 0.0
        for name, source in pages.items():
            began = time.perf_counter()
            try:
                body = _normalise(extractor(source))
            except Exception:  # a crash is counted, never raised
                crashes += 1
                body = ""
            elapsed += time.perf_counter() - began
            for wanted in expectations[name].get("must_appear", []):
                appear_total += 1
                if _normalise(wanted) in body:
                    found += 1
                else:
                    missed.append([name, wanted])
            for unwanted in expectations[name].get("must_not_appear", []):
                not_total += 1
                if _normalise(unwanted) in body:
                    leaked.append([name, unwanted])
                else:
                    kept_out += 1
        systems[system] = {
            "must_appear": found / appear_total if appear_total else 1.0,
            "must_not_appear": kept_out / not_total if not_total else 1.0,
            "crashes": crashes,
            "ms_per_page": 1000 * elapsed / max(len(pages), 1),
            "missed": missed,
            "leaked": leaked,
        }
    return {"pages": len(pages), "systems": systems}


def render_table(result: dict[str, Any], *, verbose: bool = False) -> str:
    """The result of ``evaluate_pages`` as a plain-text table."""
    lines = [f"{result['pages']} pages",
             f"{'system':<12} {'must-appear':>11} {'kept-out':>9} {'crashes':>8} {'ms/page':>8}"]
    for name, row in result["systems"].items():
        lines.append(f"{name:<12} {row['must_appear']:>11.3f} {row['must_not_appear']:>9.3f} "
                     f"{row['crashes']:>8d} {row['ms_per_page']:>8.1f}")
    if verbose:
        for name, row in result["systems"].items():
            lines.extend(f"  {name} missed: {file}: {text}" for file, text in row["missed"])
            lines.extend(f"  {name} leaked: {file}: {text}" for file, text in row["leaked"])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m framing.evaluate.pages DIRECTORY``: print the comparison table."""
    parser = argparse.ArgumentParser(prog="python -m framing.evaluate.pages", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path, help="pages and expectations.json (e.g. tests/data/pages)")
    parser.add_argument("--json", metavar="OUT", help="also write the numbers as JSON")
    parser.add_argument("--verbose", action="store_true", help="list the strings each system missed or leaked")
    args = parser.parse_args(argv)
    if not (args.directory / "expectations.json").is_file():
        print(f"framing.evaluate.pages: error: no expectations.json in {args.directory}", file=sys.stderr)
        return 1
    result = evaluate_pages(args.directory)
    sys.stdout.write(render_table(result, verbose=args.verbose))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
