"""Command line, run as a user would: a subprocess, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS

pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.mark.parametrize(("fmt", "check"), [
    ("json", lambda out: json.loads(out)["title"].startswith("Black Sea")),
    ("markdown", lambda out: out.startswith("# Framing report")),
    ("html", lambda out: out.lstrip().lower().startswith("<!doctype html")),
    ("csv", lambda out: out.splitlines()[0].startswith("source,title,section")),
])
def test_report_formats(fmt: str, check) -> None:  # type: ignore[no-untyped-def]
    done = run("report", str(SEEDS / "summit_wire.txt"), "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert check(done.stdout)


def test_several_reports_to_stdout_are_one_json_value_and_one_csv_table() -> None:
    files = [str(SEEDS / "summit_wire.txt"), str(SEEDS / "summit_opinion.txt")]
    done = run("report", *files, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert [report["title"][:9] for report in json.loads(done.stdout)] == ["Black Sea", "The Istan"]
    done = run("report", *files, "--format", "csv")
    assert done.returncode == 0, done.stderr
    import csv
    import io

    table = list(csv.reader(io.StringIO(done.stdout)))
    assert sum(row[:1] == ["source"] for row in table) == 1
    assert {row[0] for row in table[1:]} == set(files)


@pytest.mark.parametrize("level", ["actor", "span"])
def test_report_csv_indexes_are_integers(level: str) -> None:
    import csv
    import io

    done = run("report", str(SEEDS / "summit_opinion.txt"), "--format", "csv", "--level", level)
    assert done.returncode == 0, done.stderr
    written = list(csv.DictReader(io.StringIO(done.stdout)))
    for column in ("section", "paragraph", "start", "end"):
        values = {row[column] for row in written if column in row}
        assert all(value == "" or value.isdigit() for value in values), (column, values)


def test_report_to_files(tmp_path: Path) -> None:
    done = run("report", str(SEEDS / "summit_wire.txt"), str(SEEDS / "housing_report.md"), "--format", "json",
               "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["housing_report.json", "summit_wire.json"]


def test_inputs_named_alike_get_their_own_files(tmp_path: Path) -> None:
    for folder, seed in (("a", "summit_wire.txt"), ("b", "summit_opinion.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text((SEEDS / seed).read_text(encoding="utf-8"), encoding="utf-8")
    done = run("report", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "-f", "json",
               "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    titles = {p.name: json.loads(p.read_text(encoding="utf-8"))["title"] for p in (tmp_path / "out").iterdir()}
    assert sorted(titles) == ["x-2.json", "x.json"] and titles["x.json"] != titles["x-2.json"]


@pytest.mark.parametrize(("fmt", "name"), [("csv", "both.csv"), ("json", "both.json")])
def test_several_reports_into_one_named_file(tmp_path: Path, fmt: str, name: str) -> None:
    done = run("report", str(SEEDS / "summit_wire.txt"), str(SEEDS / "housing_report.md"), "-f", fmt,
               "--out", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    written = (tmp_path / name).read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(written)) == 2
    else:
        assert written.count("source,title") == 1 and "summit_wire" in written and "housing_report" in written


def test_several_markdown_reports_into_one_file_is_exit_1(tmp_path: Path) -> None:
    done = run("report", str(SEEDS / "summit_wire.txt"), str(SEEDS / "housing_report.md"), "--out", str(tmp_path / "x.md"))
    assert done.returncode == 1 and "need a folder" in done.stderr and not (tmp_path / "x.md").exists()


def test_missing_file_is_exit_1_with_one_line(tmp_path: Path) -> None:
    done = run("report", str(tmp_path / "absent.txt"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no such file" in done.stderr and "Traceback" not in done.stderr


def test_out_into_a_missing_folder_is_exit_1_naming_it(tmp_path: Path) -> None:
    done = run("report", str(SEEDS / "summit_wire.txt"), "--out", str(tmp_path / "missing" / "x.md"))
    assert done.returncode == 1
    assert done.stderr.strip() == f"framing: error: --out {tmp_path / 'missing' / 'x.md'}: the folder {tmp_path / 'missing'} does not exist"


def test_binary_file_is_exit_1(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    done = run("report", str(png))
    assert done.returncode == 1 and "PNG" in done.stderr and "Traceback" not in done.stderr


def test_malformed_lexicon_is_exit_1_with_file_and_line(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("term\tcategory\tweight\nregime\tx\tlots\n", encoding="utf-8")
    done = run("report", str(SEEDS / "summit_wire.txt"), "--lexicon", str(lexicon))
    assert done.returncode == 1 and "mine.tsv:2" in done.stderr
    check = run("lexicon", "check", str(lexicon))
    assert check.returncode == 1 and "mine.tsv:2" in check.stderr


def test_lexicon_check_ok(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("warmonger\tpejorative\t2\nhawk\tpejorative\n", encoding="utf-8")
    done = run("lexicon", "check", str(lexicon))
    assert done.returncode == 0 and "2 entries" in done.stdout


def test_compare() -> None:
    done = run("compare", str(SEEDS / "summit_opinion.txt"), str(SEEDS / "summit_counter_opinion.txt"))
    assert done.returncode == 0, done.stderr
    assert "## Actors" in done.stdout


def test_compare_and_corpus_take_the_reports_analysis_options(tmp_path: Path) -> None:
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text("actor\tkind\taliases\tplaces\tcountry\tnote\nTom Kane\tperson\tKane\t\t\t\n", encoding="utf-8")
    options = ["--no-model-terms", "--actors", str(gazetteer)]
    done = run("compare", str(SEEDS / "summit_opinion.txt"), str(SEEDS / "summit_counter_opinion.txt"), *options)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "table.csv"
    done = run("corpus", str(SEEDS / "summit_wire.txt"), "--out", str(out), "--workers", "1", *options)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0


@pytest.mark.parametrize("args", [[], ["report"], ["bogus"], ["report", "x.txt", "--format", "pdf"],
                                  ["report", "x.txt", "y.txt", "--format", "html"],  # several HTML reports need --out
                                  ["corpus", "x.txt", "--out", "table.json"]])  # a table is .csv or .parquet
def test_usage_errors_are_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_console_script_entry_point() -> None:
    from importlib.metadata import entry_points

    assert any(ep.name == "framing" and ep.value == "framing.cli:main" for ep in entry_points(group="console_scripts"))


@pytest.mark.parametrize(("level", "first_column", "min_rows"), [
    ("document", "source", 1), ("section", "source", 5), ("actor", "source", 5), ("span", "source", 20),
])
def test_report_csv_levels(level: str, first_column: str, min_rows: int) -> None:
    import csv
    import io

    result = run("report", str(SEEDS / "summit_wire.txt"), "--format", "csv", "--level", level)
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) >= min_rows and first_column in table[0]
    assert all(row[first_column].endswith("summit_wire.txt") for row in table)


@pytest.mark.parametrize(("options", "message"), [
    (["--format", "json", "--level", "actor"], "--level is for --format csv; a json report holds every level"),
    (["--format", "html", "--out", "x.json"], "--out x.json names a json file but --format is html"),
])
def test_contradictory_options_are_usage_errors(options: list[str], message: str) -> None:
    done = run("report", str(SEEDS / "summit_wire.txt"), *options)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().endswith(f"error: {message}")


@pytest.mark.parametrize(("name", "check"), [
    ("w.json", lambda out: json.loads(out)["title"].startswith("Black Sea")),
    ("w.html", lambda out: out.lstrip().lower().startswith("<!doctype html")),
    ("w.csv", lambda out: out.startswith("source,title,section")),
    ("w.md", lambda out: out.startswith("# Framing report")),
])
def test_the_suffix_of_out_sets_the_format(tmp_path: Path, name: str, check) -> None:  # type: ignore[no-untyped-def]
    done = run("report", str(SEEDS / "summit_wire.txt"), "--out", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert check((tmp_path / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "check"), [
    ("w.JSON", lambda out: out.lstrip().startswith("{")),
    ("w.htm", lambda out: out.lstrip().lower().startswith("<!doctype html")),
])
def test_out_suffixes_in_any_case_and_spelling_set_the_format(tmp_path: Path, name: str, check) -> None:  # type: ignore[no-untyped-def]
    done = run("report", str(SEEDS / "summit_wire.txt"), "--out", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert check((tmp_path / name).read_text(encoding="utf-8"))


def test_an_existing_folder_named_like_a_file_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "z.json").mkdir()
    done = run("report", str(SEEDS / "summit_wire.txt"), "--format", "csv", "--out", str(tmp_path / "z.json"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "z.json" / "summit_wire.csv").is_file()


def test_out_with_a_trailing_slash_is_a_folder(tmp_path: Path) -> None:
    done = run("report", str(SEEDS / "summit_wire.txt"), "--format", "json", "--out", f"{tmp_path / 'new'}/")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "new" / "summit_wire.json").is_file()


def test_an_empty_file_writes_a_csv_header(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    done = run("report", str(empty), "--format", "csv", "--level", "span")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["source,title,layer,section,paragraph,start,end,text,label,term,weight,valence,"
                                        "negated,in_quote,speaker,kind,sentiment,sentiment_label,role,portrayal,archetype,"
                                        "rule,confidence,"
                                        "cue_source"]


@pytest.mark.parametrize("content", [
    "term;category;weight\nwarmonger;pejorative;2\nhawk;pejorative;1\n",
    "warmonger\tpejorative\t2\nhawk\tpejorative\n",
])
def test_lexicon_check_sniffs_csv_separators(tmp_path: Path, content: str) -> None:
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text(content, encoding="utf-8")
    done = run("lexicon", "check", str(lexicon))
    assert done.returncode == 0, done.stderr
    assert "2 entries in 1 categories: pejorative (2)" in done.stdout


def test_lexicon_check_names_a_row_with_another_separator(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("warmonger,pejorative,2\nhawk;pejorative;1\n", encoding="utf-8")
    done = run("lexicon", "check", str(lexicon))
    assert done.returncode == 1 and "mine.csv:2: this row is separated by semicolons" in done.stderr
