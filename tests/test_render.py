"""Renderers other than HTML: JSON contract and schema, Markdown, DataFrame, compare; golden files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import framing
from framing.render.compare import compare_reports, comparison
from framing.render.dataframe import COLUMNS, LEVELS, rows

from .conftest import GOLDEN, ROOT

GOLDEN_MARKDOWN = ["summit_opinion.txt", "summit_wire.txt", "summit_counter_opinion.txt", "housing_report.md"]
GOLDEN_JSON = ["summit_wire.txt", "housing_report.md"]


def _golden(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing: run pytest --update-golden once and review the new file")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed: if intended, run pytest --update-golden"


def _portable(report: framing.Report) -> framing.Report:
    """The same report with a source path that does not depend on where the checkout lives."""
    return framing.analyze(report.text, source=Path(report.document.source or "").name, format=report.document.format)


@pytest.mark.parametrize("name", GOLDEN_MARKDOWN)
def test_markdown_golden(sample_reports: dict[str, framing.Report], name: str, update_golden: bool) -> None:
    _golden(f"{name}.md", _portable(sample_reports[name]).to_markdown(), update_golden)


@pytest.mark.parametrize("name", GOLDEN_JSON)
def test_json_golden(sample_reports: dict[str, framing.Report], name: str, update_golden: bool) -> None:
    data = _portable(sample_reports[name]).to_dict()
    data["version"] = "<version>"  # a release bump alone must not break the golden file
    _golden(f"{name}.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n", update_golden)


def test_json_matches_the_documented_schema(seed_report: framing.Report, sample_reports: dict[str, framing.Report]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for report in (seed_report, *sample_reports.values()):
        jsonschema.validate(json.loads(report.to_json()), schema)


def test_markdown_escapes_html(tmp_path: Path) -> None:
    markdown = framing.analyze("Title\n\nBy Jane Doe\n\nMay 5, 2025\n\nThe <script>alert(1)</script> regime spoke.").to_markdown()
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


@pytest.mark.parametrize(("text", "counts"), [
    ("One short paragraph here.", "4 words in 1 section and 1 paragraph;"),
    ("One.\n\nTwo more words.", "4 words in 1 section and 2 paragraphs;"),
])
def test_markdown_summary_counts_agree_in_number(text: str, counts: str) -> None:
    assert counts in framing.analyze(text, format="text").to_markdown()


def test_markdown_has_a_part_per_section(sample_reports: dict[str, framing.Report]) -> None:
    report = sample_reports["summit_opinion.txt"]
    markdown = report.to_markdown()
    for section in report.sections:
        heading = section.section.heading.text if section.section.heading else "(lead)"
        assert f"## {section.section.index}. {heading}" in markdown
    assert "### Actors and their portrayal" in markdown and "### Loaded terms" in markdown


@pytest.mark.parametrize("level", LEVELS)
def test_dataframe_levels(sample_reports: dict[str, framing.Report], level: str) -> None:
    pytest.importorskip("pandas")
    report = sample_reports["summit_opinion.txt"]
    frame = report.to_dataframe(level)  # type: ignore[arg-type]
    data = report.to_dict()
    expected = {
        "paragraph": len(report.paragraphs),
        "section": len(report.sections),
        "actor": len(data["actors"]) + sum(len(s["actors"]) for s in data["sections"]),
        "document": 1,
    }.get(level)
    if expected is not None:
        assert len(frame) == expected
    assert len(frame) == len(rows(data, level=level))  # type: ignore[arg-type]
    if level == "span":
        assert {"loaded_term", "actor", "noise", "technique", "frame_cue"} <= set(frame["layer"])
        assert all(data["text"][s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))
        containers = [*data["front"], *(p for s in data["sections"] for p in s["paragraphs"]),
                      *({"actors": s.get("heading_actors", [])} for s in data["sections"])]
        actors = frame[frame["layer"] == "actor"]  # each mention's casting, as the report gives it
        cast = sorted(m["portrayal"] for c in containers for m in c["actors"] if m["portrayal"])
        assert cast and sorted(map(str, actors["portrayal"].dropna())) == cast
        markers = frame[frame["layer"] == "marker"]
        assert len(markers) == sum(len(c.get("markers", [])) for c in containers)


def test_dataframe_without_pandas_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, sample_reports) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pandas(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(framing.MissingDependencyError, match="pip install 'framing\\[pandas\\]'"):
        sample_reports["summit_wire.txt"].to_dataframe()


def test_compare_shared_actors_first(sample_reports: dict[str, framing.Report]) -> None:
    first = sample_reports["summit_opinion.txt"].to_dict()
    second = sample_reports["summit_counter_opinion.txt"].to_dict()
    table = comparison(first, second)
    shared = [row for row in table["actors"] if row["a"] and row["b"]]
    assert shared and table["actors"][: len(shared)] == shared
    markdown = compare_reports(first, second)
    assert "| actor | kind | A: portrayal, stance; sentiment | B: portrayal, stance; sentiment | stance B − A |" in markdown
    russia = next(row for row in table["actors"] if row["actor"] == "Russia")
    assert russia["difference"] == pytest.approx(russia["b"]["stance"] - russia["a"]["stance"], abs=1e-3)
    assert json.loads(compare_reports(first, second, output_format="json"))["a"]["title"] == first["title"]


def test_repr_html_for_jupyter(sample_reports: dict[str, framing.Report]) -> None:
    fragment = sample_reports["summit_wire.txt"]._repr_html_()
    assert fragment.lstrip().startswith("<div") and "<html" not in fragment


@pytest.mark.parametrize("level", ["paragraph", "section", "actor", "span", "document"])
def test_rows_never_overwrite_the_document_columns(level: str) -> None:
    data = framing.report(ROOT / "seeds" / "summit_opinion.txt").to_dict()
    table = rows(data, level=level)
    assert table
    assert all(row["source"] == data["source"] and row["title"] == data["title"] for row in table)


@pytest.mark.parametrize("level", LEVELS)
def test_rows_have_exactly_the_columns_of_their_level(sample_reports: dict[str, framing.Report], level: str) -> None:
    """No row adds a column the table does not name (it would be lost in a CSV) or leaves one out."""
    for report in sample_reports.values():
        table = rows(report.to_dict(), level=level)  # type: ignore[arg-type]
        assert table and all(tuple(row) == COLUMNS[level] for row in table)  # type: ignore[index]


@pytest.mark.parametrize("level", LEVELS)
def test_an_empty_report_has_the_columns_of_its_level(level: str) -> None:
    pytest.importorskip("pandas")
    frame = framing.analyze("").to_dataframe(level)  # type: ignore[arg-type]
    assert list(frame.columns) == list(COLUMNS[level]) and len(frame) == (level == "document")  # type: ignore[index]


def test_actor_rows_carry_portrayal_and_stance() -> None:
    data = framing.report(ROOT / "seeds" / "summit_opinion.txt").to_dict()
    first = rows(data, level="actor")[0]
    assert (first["actor"], first["portrayal"], first["stance"]) == (
        data["actors"][0]["actor"], data["actors"][0]["portrayal"], data["actors"][0]["stance"])
    assert first["portrayal"] == "antagonist"


def test_markdown_counts_negated_hits_apart() -> None:
    markdown = framing.analyze("Budget plans\n\nThe plan is reckless. Aides said it was not reckless.").to_markdown()
    assert "| reckless | derogatory_descriptor | 2 (1 negated) |" in markdown
    assert "reckless (derogatory_descriptor ×2, 1 negated)" in markdown


@pytest.mark.parametrize("level", ["actor", "span"])
def test_dataframe_index_columns_are_integers(sample_reports: dict[str, framing.Report], level: str) -> None:
    pytest.importorskip("pandas")
    frame = sample_reports["summit_opinion.txt"].to_dataframe(level)  # type: ignore[arg-type]
    assert frame["section"].isna().any()  # a document-level row or page furniture: no section
    for column in ("section", "paragraph", "start", "end"):
        if column in frame.columns:
            assert str(frame[column].dtype) == "Int64", column
    written = list(csv.DictReader(io.StringIO(frame.to_csv(index=False))))
    assert {row["section"] for row in written} <= {"", *map(str, range(100))}  # "1", never "1.0"


def test_markdown_ranks_only_sections_that_hold_loaded_terms() -> None:
    plain = framing.analyze("# Results\n\nRovers won 2-1 on Saturday.\n\n## Next\n\nThey play again on Friday.\n")
    assert "Most loaded sections" not in plain.to_markdown()
    charged = framing.analyze("# Results\n\nRovers won 2-1 on Saturday.\n\n## The board\n\nThe board is a cosy cartel of cronies.\n")
    assert "**Most loaded sections:** The board (" in charged.to_markdown()


@pytest.mark.parametrize("level", LEVELS)
def test_dataframe_columns_keep_one_dtype_whatever_the_rows_hold(sample_reports: dict[str, framing.Report],
                                                                 level: str) -> None:
    """A count, measure or flag column is not ``object`` in one report and ``float64`` in another."""
    from framing.render.dataframe import COUNT_COLUMNS, FLAG_COLUMNS, FLOAT_COLUMNS, INDEX_COLUMNS

    typed = [c for c in COLUMNS[level] if c in (*COUNT_COLUMNS, *FLAG_COLUMNS, *FLOAT_COLUMNS, *INDEX_COLUMNS)]
    assert typed
    empty = framing.analyze("").to_dataframe(level=level)
    for report in sample_reports.values():
        frame = report.to_dataframe(level=level)
        assert [str(frame[c].dtype) for c in typed] == [str(empty[c].dtype) for c in typed]
        assert all(str(frame[c].dtype) in ("Int64", "Float64", "boolean") for c in typed)
