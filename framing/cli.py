"""Command line: ``framing report|compare|lexicon check|corpus`` (also ``python -m framing``).

Exit codes: 0 ok, 1 input or lexicon error (one line on stderr, no traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.errors import FramingError, InputError
from framing.render.dataframe import LEVELS, Level

FORMATS = ("json", "markdown", "md", "html", "csv")  # "md" is an alias of markdown
_SUFFIXES = {"json": ".json", "markdown": ".md", "html": ".html", "csv": ".csv"}
# The suffixes --out may end in, and the format each implies: each format's own, and two spellings more.
_FORMAT_OF_SUFFIX = {suffix: name for name, suffix in _SUFFIXES.items()} | {".markdown": "markdown", ".htm": "html"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Rhetoric and framing analysis of articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser("report", help="analyse article files (text, Markdown, HTML)")
    report.set_defaults(report_parser=report)  # usage errors of the options print this command's usage
    report.add_argument("files", nargs="+", metavar="FILE")
    report.add_argument("--format", "-f", choices=FORMATS, default=None,
                        help="output format (default: from the --out suffix .json/.md/.html/.csv, else markdown)")
    report.add_argument("--out", "-o", metavar="PATH",
                        help="write here instead of stdout: a file, or a folder when several files are given "
                             "(several JSON or CSV reports go into one FILE.json or FILE.csv)")
    report.add_argument("--lexicon", "-l", action="append", default=[], metavar="FILE",
                        help="add a user lexicon (TSV/CSV, JSON, LIWC .dic); repeatable")
    report.add_argument("--level", choices=LEVELS, default=None,
                        help="rows of --format csv (default: paragraph); other formats hold every level")
    _add_analysis_options(report)

    compare = commands.add_parser("compare", help="how two articles portray the same actors, side by side")
    compare.add_argument("first", metavar="A")
    compare.add_argument("second", metavar="B")
    compare.add_argument("--lexicon", "-l", action="append", default=[], metavar="FILE")
    compare.add_argument("--format", "-f", choices=("markdown", "json"), default="markdown")
    _add_analysis_options(compare)

    lexicon = commands.add_parser("lexicon", help="work with lexicon files")
    lexicon_commands = lexicon.add_subparsers(dest="lexicon_command", required=True, metavar="ACTION")
    check = lexicon_commands.add_parser("check", help="validate a user lexicon file")
    check.add_argument("file", metavar="FILE")

    corpus = commands.add_parser("corpus", help="analyse many files into one table")
    corpus.set_defaults(corpus_parser=corpus)  # usage errors of its options print this command's usage
    corpus.add_argument("paths", nargs="+", metavar="GLOB", help="files, folders or glob patterns")
    corpus.add_argument("--out", "-o", required=True, metavar="PATH", help="results.parquet or results.csv")
    corpus.add_argument("--level", choices=LEVELS, default="paragraph")
    corpus.add_argument("--workers", "-j", type=int, default=None, help="worker processes (default: all cores)")
    corpus.add_argument("--engine", choices=("processes", "dask"), default="processes")
    corpus.add_argument("--scheduler", metavar="ADDRESS", help="dask scheduler address (default: a local cluster)")
    corpus.add_argument("--lexicon", "-l", action="append", default=[], metavar="FILE")
    _add_analysis_options(corpus)
    return parser


def _add_analysis_options(command: argparse.ArgumentParser) -> None:
    """The options every analysing command shares with ``framing.report``: user gazetteers, the scorer switch."""
    command.add_argument("--actors", "-a", action="append", default=[], metavar="FILE",
                         help="add a user gazetteer (TSV/CSV/JSON, the columns of lexicons/actors.tsv); repeatable")
    command.add_argument("--no-model-terms", dest="model_terms", action="store_false",
                         help="loaded terms from the lexicons only (switch off the learned phrase scorer)")


def _version() -> str:
    from framing._version import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "report":
        _settle_report_options(args.report_parser, args)
    elif getattr(args, "format", None) == "md":
        args.format = "markdown"  # the files are .md, so the format may be called that too
    try:
        if args.command == "report":
            return _report(args)
        if args.command == "compare":
            return _compare(args)
        if args.command == "lexicon":
            return _lexicon_check(args)
        return _corpus(args)
    except FramingError as error:
        print(f"framing: error: {_one_line(str(error))}", file=sys.stderr)
        return 1
    except ImportError as error:
        print(f"framing: error: {_one_line(str(error))}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader stopped early ("| head"): not an error of ours
        sys.stdout = open(os.devnull, "w")  # Python flushes stdout again at exit: let that go nowhere
        return 0
    except OSError as error:
        print(f"framing: error: {_one_line(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _settle_report_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Format from --format, else from the suffix of --out; --level only with CSV (usage errors exit 2).

    An --out that is a folder (a trailing slash, or an existing directory) implies no format.
    """
    implied = None if not args.out or _names_a_folder(args.out) else _FORMAT_OF_SUFFIX.get(Path(args.out).suffix.lower())
    chosen = "markdown" if args.format == "md" else args.format
    if chosen and implied and chosen != implied:
        parser.error(f"--out {args.out} names a {implied} file but --format is {chosen}")
    args.format = chosen or implied or "markdown"
    if args.level is not None and args.format != "csv":
        parser.error(f"--level is for --format csv; a {args.format} report holds every level")
    args.level = args.level or "paragraph"
    if args.format == "html" and len(args.files) > 1 and not args.out:
        parser.error("several HTML reports need --out FOLDER")  # (before any file is read)


def _names_a_folder(out: str) -> bool:
    """Whether --out names a folder: a trailing slash ("reports/") or an existing directory."""
    return out.endswith(("/", os.sep)) or Path(out).is_dir()


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _render(report: Any, output_format: str, level: Level = "paragraph") -> str:
    if output_format == "json":
        return str(report.to_json()) + "\n"
    if output_format == "markdown":
        return str(report.to_markdown())
    if output_format == "html":
        return str(report.to_html())
    return _csv([report.to_dict()], level)


def _csv(reports: Sequence[dict[str, Any]], level: Level) -> str:
    """CSV rows of one level for one report or several (one header), written with the standard library."""
    import csv
    import io

    from framing.render.dataframe import COLUMNS, rows

    table = [row for report in reports for row in rows(report, level=level)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[level], lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return out.getvalue()


def _report(args: argparse.Namespace) -> int:
    import framing

    reports = [(Path(file), framing.report(file, lexicons=args.lexicon, model_terms=args.model_terms, actors=args.actors))
               for file in args.files]
    for path, report in reports:
        language = report.document.language
        if language not in (None, "en", "unknown"):
            print(f"framing: warning: {path} looks like '{language}', not English; the lexicons and models are English",
                  file=sys.stderr)
    several = len(reports) > 1
    if args.out is None:
        if several and args.format in ("json", "csv"):
            sys.stdout.write(_combined([report for _, report in reports], args.format, args.level))
        else:
            for _, report in reports:
                sys.stdout.write(_render(report, args.format, args.level))
        return 0
    out = Path(args.out)
    folder = _names_a_folder(args.out)  # "--out reports/": a folder, even for one report
    names_a_file = not folder and _FORMAT_OF_SUFFIX.get(out.suffix.lower()) == args.format
    if names_a_file and several and args.format not in ("json", "csv"):
        raise framing.InputError(f"--out {out}: several {args.format} reports need a folder, not a file")
    if names_a_file or (not several and not folder):  # one file: one report, or several as one value
        if not out.parent.is_dir():
            raise framing.InputError(f"--out {out}: the folder {out.parent} does not exist")
        text = (_combined([report for _, report in reports], args.format, args.level) if several
                else _render(reports[0][1], args.format, args.level))
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
        return 0
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for path, report in reports:
        name, number = path.stem, 1
        while name in taken:  # two inputs named alike (a/x.txt, b/x.txt): x, x-2
            number += 1
            name = f"{path.stem}-{number}"
        taken.add(name)
        target = out / (name + _SUFFIXES[args.format])
        target.write_text(_render(report, args.format, args.level), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return 0


def _combined(reports: list[Any], output_format: str, level: Level) -> str:
    """Several reports as one JSON array, or as one CSV table whose rows name their source file."""
    if output_format == "json":
        return "[\n" + ",\n".join(str(report.to_json()) for report in reports) + "\n]\n"
    return _csv([report.to_dict() for report in reports], level)


def _compare(args: argparse.Namespace) -> int:
    import framing
    from framing.render.compare import compare_reports

    first = framing.report(args.first, lexicons=args.lexicon, model_terms=args.model_terms, actors=args.actors)
    second = framing.report(args.second, lexicons=args.lexicon, model_terms=args.model_terms, actors=args.actors)
    sys.stdout.write(compare_reports(first.to_dict(), second.to_dict(), output_format=args.format))
    return 0


def _lexicon_check(args: argparse.Namespace) -> int:
    from framing.stages.lexicon_files import read_lexicon

    lexicon = read_lexicon(args.file)
    categories = ", ".join(f"{c} ({sum(e.category == c for e in lexicon.entries)})" for c in lexicon.categories)
    print(f"{args.file}: ok, {len(lexicon.entries)} entries in {len(lexicon.categories)} categories: {categories}")
    return 0


def _corpus(args: argparse.Namespace) -> int:
    from framing.corpus_runner import check_table_path, run_corpus, write_table

    try:
        check_table_path(args.out)  # a wrong suffix is a usage error, before any file is analysed
    except InputError as error:
        args.corpus_parser.error(str(error))
    results = run_corpus(args.paths, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                         level=args.level, lexicons=args.lexicon, as_dataframe=True, model_terms=args.model_terms,
                         actors=args.actors)
    write_table(results.frame, args.out)
    print(f"wrote {args.out}: {len(results.frame)} rows from {results.n_ok} of {results.n_files} files"
          + (f"; {len(results.errors)} failed" if results.errors else ""), file=sys.stderr)
    for path, message in results.errors:
        detail = message if message.startswith(path) else f"{path}: {message}"
        print(f"framing: skipped {_one_line(detail)}", file=sys.stderr)
    return 1 if results.errors or not results.n_ok else 0  # a table short of some files is no success


if __name__ == "__main__":
    raise SystemExit(main())
