"""Run a framing report on a bundled sample (or any file) and print its summary.

    python examples/report_example.py                 # seeds/summit_opinion.txt
    python examples/report_example.py article.md      # any text, Markdown or HTML file
    python examples/report_example.py --html out.html # where to write the HTML report
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

import framing

DEFAULT_SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "summit_opinion.txt"


def _shown(path: Path) -> str:
    """The path relative to the current folder when it lies below it (as the report prints it)."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", nargs="?", default=_shown(DEFAULT_SAMPLE), help="article file (default: a bundled sample)")
    parser.add_argument("--html", default="report.html", help="where to write the HTML report (default: ./report.html)")
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `... | head` ends quietly
    try:
        report = framing.report(args.path)
    except framing.FramingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(report.to_markdown())
    html_path = Path(args.html).resolve()
    report.to_html(html_path)
    print(f"HTML report written to {html_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
