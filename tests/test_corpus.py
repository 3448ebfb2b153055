"""Corpus: many files in input order, errors as entries, tables of rows, both engines."""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import framing
from framing.corpus_runner import CorpusItem, CorpusTable, expand_paths, run_corpus, write_table
from framing.render.dataframe import rows

from .conftest import SEEDS

# The real socket class and connector, captured when this module is imported (collection
# runs before the session-wide ``no_network`` fixture replaces them with blockers).
_REAL_SOCKET = socket.socket
_REAL_CREATE_CONNECTION = socket.create_connection
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
SAMPLES = sorted(path for path in SEEDS.iterdir() if path.suffix in (".txt", ".md") and path.name != "README.md")


def _batch(tmp_path: Path) -> list[str]:
    """Our sample articles with a PNG named like an article and a missing file in between."""
    broken = tmp_path / "broken.txt"
    broken.write_bytes(PNG)
    return [str(SAMPLES[0]), str(broken), str(SAMPLES[1]), str(tmp_path / "missing.txt"), *map(str, SAMPLES[2:])]


def _as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _expected_json(path: str) -> str:
    return _as_json(framing.report(path).to_dict())


def _check_items(items: list[CorpusItem], paths: list[str]) -> None:
    assert [item.path for item in items] == paths
    for item in items:
        if Path(item.path).name == "broken.txt":
            assert not item.is_ok and item.report is None and item.data is None
            assert item.error is not None and "PNG" in item.error and "\n" not in item.error
        elif Path(item.path).name == "missing.txt":
            assert not item.is_ok and item.error is not None and "no such file" in item.error
        else:
            assert item.is_ok and item.error is None
            assert _as_json(item.to_dict()) == _expected_json(item.path)


@contextmanager
def _loopback_sockets() -> Iterator[None]:
    """Lift the test-suite socket blocker for the Dask scheduler and its workers on 127.0.0.1.

    The local cluster listens on and connects to the loopback interface only; framing
    itself still never opens a socket. The blocker is put back afterwards.
    """
    if _REAL_SOCKET.__module__ != "socket" or _REAL_CREATE_CONNECTION.__module__ != "socket":
        pytest.skip("the real socket functions were not captured before the network blocker")
    blocked = socket.socket, socket.create_connection
    socket.socket, socket.create_connection = _REAL_SOCKET, _REAL_CREATE_CONNECTION  # type: ignore[misc]
    try:
        yield
    finally:
        socket.socket, socket.create_connection = blocked  # type: ignore[misc]


@pytest.mark.parametrize("workers", [1, 2])
def test_run_corpus_streams_reports_in_input_order(tmp_path: Path, workers: int) -> None:
    paths = _batch(tmp_path)
    stream = run_corpus(paths, workers=workers)
    assert isinstance(stream, Iterator)
    items = list(stream)
    assert all(item.report is None or isinstance(item.report, framing.Report) for item in items)
    _check_items(items, paths)


def test_run_corpus_dict_output_holds_plain_data(tmp_path: Path) -> None:
    paths = _batch(tmp_path)
    items = list(run_corpus(paths, workers=2, output="dict"))
    assert all(item.report is None for item in items)
    _check_items(items, paths)


@pytest.mark.parametrize("level", ["paragraph", "section", "actor", "span", "document"])
def test_run_corpus_table_has_every_row(tmp_path: Path, level: str) -> None:
    paths = _batch(tmp_path)
    table = run_corpus(paths, workers=2, as_dataframe=True, level=level)  # type: ignore[call-overload]
    assert isinstance(table, CorpusTable)
    good = [str(path) for path in SAMPLES]
    expected = [row for path in good for row in rows(framing.report(path).to_dict(), level=level)]  # type: ignore[arg-type]
    assert len(table.frame) == len(expected) > 0
    assert table.frame.columns[0] == "path"
    assert list(table.frame["path"].unique()) == good
    assert (table.n_files, table.n_ok) == (len(paths), len(good))
    assert [path for path, _ in table.errors] == [paths[1], paths[3]]


def test_run_corpus_table_in_process_matches(tmp_path: Path) -> None:
    paths = _batch(tmp_path)
    one = run_corpus(paths, workers=1, as_dataframe=True, level="span")
    two = run_corpus(paths, workers=2, as_dataframe=True, level="span")
    assert one.frame.equals(two.frame) and one.errors == two.errors


def test_run_corpus_passes_user_lexicons(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("term\tcategory\tweight\nshipping\tmy_category\t2\n", encoding="utf-8")
    paths = [str(path) for path in SAMPLES]
    items = list(run_corpus(paths, workers=2, lexicons=[lexicon]))
    for item in items:
        assert _as_json(item.to_dict()) == _as_json(framing.report(item.path, lexicons=[lexicon]).to_dict())
    assert any(t["category"] == "my_category" for item in items for t in item.to_dict()["loaded_terms"])


def test_run_corpus_passes_the_scorer_switch_and_user_gazetteers(tmp_path: Path) -> None:
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text("actor\tkind\taliases\tplaces\tcountry\tnote\nTom Kane\tperson\tKane\t\t\t\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Kane spoke. The senator's reckless scheme is a protection racket dressed up as reform, and his "
                       "donors pocketed the difference.", encoding="utf-8")  # ("pocketed": the scorer's)
    options: dict[str, Any] = {"model_terms": False, "actors": [str(gazetteer)]}
    [item] = run_corpus([str(article)], workers=1, **options)
    assert _as_json(item.to_dict()) == _as_json(framing.report(article, **options).to_dict())
    assert ("Kane", "Tom Kane") in [(m.mention.text, m.mention.actor) for m in item.report.paragraphs[0].actors]
    assert [h.text for p in framing.report(article).paragraphs for h in p.loaded_terms if h.source == "model"]
    assert not [h.text for p in item.report.paragraphs for h in p.loaded_terms if h.source == "model"]


def test_run_corpus_rejects_a_missing_gazetteer_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(framing.LexiconError, match="absent.tsv"):
        run_corpus([str(SAMPLES[0])], actors=[tmp_path / "absent.tsv"])


def test_run_corpus_rejects_a_bad_lexicon_before_any_work(tmp_path: Path) -> None:
    lexicon = tmp_path / "bad.tsv"
    lexicon.write_text("term\tcategory\tweight\nshipping\tmy_category\tlots\n", encoding="utf-8")
    with pytest.raises(framing.LexiconError, match="bad.tsv"):
        run_corpus([str(SAMPLES[0])], lexicons=[lexicon])


@pytest.mark.parametrize(("options", "message"), [
    ({"engine": "spark"}, "engine"),
    ({"workers": 0}, "workers"),
    ({"as_dataframe": True, "level": "word"}, "level"),
    ({"output": "xml"}, "output"),
])
def test_run_corpus_rejects_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(framing.InputError, match=message):
        run_corpus(str(SEEDS), **options)


def test_expand_paths_folder_glob_and_list(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.md").write_text("A", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    nested = tmp_path / "deeper" / "still"
    nested.mkdir(parents=True)
    (nested / "c.HTML").write_text("<p>C</p>", encoding="utf-8")
    (nested / "d.htm").write_text("<p>D</p>", encoding="utf-8")
    hidden = tmp_path / ".venv"
    hidden.mkdir()
    (hidden / "LICENSE.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".notes.txt").write_text("not an article", encoding="utf-8")
    (tmp_path / "README.md").write_text("about this folder", encoding="utf-8")
    (nested / "license.txt").write_text("not an article", encoding="utf-8")
    assert expand_paths(str(tmp_path / "README.md")) == (str(tmp_path / "README.md"),)  # named: kept
    folder = [str(tmp_path / "a.md"), str(tmp_path / "b.txt"), str(nested / "c.HTML"), str(nested / "d.htm")]
    assert expand_paths(tmp_path) == tuple(sorted(folder))
    assert expand_paths(str(tmp_path / "*.txt")) == (str(tmp_path / "b.txt"),)
    assert expand_paths(str(tmp_path / "**" / "*.htm")) == (str(nested / "d.htm"),)
    # items keep their order, each expanded and sorted; a file named twice is kept once
    twice = expand_paths([str(tmp_path / "b.txt"), str(tmp_path), str(tmp_path / "missing.txt")])
    assert twice == (str(tmp_path / "b.txt"), *[p for p in sorted(folder) if not p.endswith("b.txt")],
                     str(tmp_path / "missing.txt"))
    assert expand_paths(str(tmp_path / "*.docx")) == (str(tmp_path / "*.docx"),)


def test_run_corpus_reports_a_glob_that_matches_nothing(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.txt")
    [item] = run_corpus(pattern, workers=1)
    assert item.error is not None and "no files match" in item.error


def test_framing_corpus_is_callable_more_than_once() -> None:
    first = list(framing.corpus(str(SAMPLES[0]), workers=1))
    second = list(framing.corpus(str(SAMPLES[0]), workers=1))
    assert first[0].is_ok and second[0].is_ok


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_write_table_round_trips(tmp_path: Path, suffix: str) -> None:
    pandas = pytest.importorskip("pandas")
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    table = run_corpus([str(path) for path in SAMPLES], workers=1, as_dataframe=True, level="section")
    target = tmp_path / f"table{suffix}"
    write_table(table.frame, target)
    back = pandas.read_csv(target) if suffix == ".csv" else pandas.read_parquet(target)
    assert back.shape == table.frame.shape and list(back.columns) == list(table.frame.columns)


@pytest.mark.parametrize("level", ["actor", "span"])
def test_corpus_csv_indexes_are_integers(tmp_path: Path, level: str) -> None:
    pytest.importorskip("pandas")
    import csv

    table = run_corpus([str(path) for path in SAMPLES[:2]], workers=1, as_dataframe=True, level=level)  # type: ignore[call-overload]
    target = tmp_path / "table.csv"
    write_table(table.frame, target)
    with target.open(encoding="utf-8") as file:
        written = list(csv.DictReader(file))
    sections = {row["section"] for row in written}
    assert "" in sections and "1" in sections  # document rows have none; no "1.0"
    assert all(value == "" or value.isdigit() for value in sections)


def test_write_table_rejects_unknown_suffix(tmp_path: Path) -> None:
    table = run_corpus(str(SAMPLES[0]), workers=1, as_dataframe=True)
    with pytest.raises(framing.InputError, match=r"\.xlsx"):
        write_table(table.frame, tmp_path / "table.xlsx")


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the patch reaches workers by fork only")
def test_run_corpus_survives_a_worker_that_dies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.corpus_runner as corpus_module

    analyse = corpus_module._analyse_file

    def die_on_poison(path: str, task: Any) -> Any:
        if Path(path).name == "poison.txt":
            os._exit(3)  # what the out-of-memory killer does to a worker
        return analyse(path, task)

    monkeypatch.setattr(corpus_module, "_analyse_file", die_on_poison)
    poison = tmp_path / "poison.txt"
    poison.write_text("Moscow agreed.", encoding="utf-8")
    paths = [str(SAMPLES[0]), str(poison), *map(str, SAMPLES[1:])]
    items = list(run_corpus(paths, workers=2, batch_size=1))
    assert [item.path for item in items] == paths
    assert [item.is_ok for item in items] == [path != str(poison) for path in paths]
    assert items[1].error is not None and "died" in items[1].error


def test_cli_corpus_writes_the_table_of_the_files_it_could_read_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from framing.cli import main

    out = tmp_path / "rows.csv"
    paths = _batch(tmp_path)
    assert main(["corpus", *paths, "--out", str(out), "--workers", "2", "--level", "document"]) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + len(SAMPLES)
    assert "2 failed" in capsys.readouterr().err


def test_cli_corpus_of_readable_files_exits_0(tmp_path: Path) -> None:
    from framing.cli import main

    out = tmp_path / "rows.csv"
    assert main(["corpus", *[str(path) for path in SAMPLES], "--out", str(out), "--level", "document"]) == 0


@pytest.mark.slow
def test_dask_engine_matches_direct_reports(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    paths = _batch(tmp_path)
    with _loopback_sockets():
        items = list(run_corpus(paths, workers=2, engine="dask"))  # a local cluster of its own
        from dask.distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",  # type: ignore[no-untyped-call]
                          dashboard_address=None) as cluster:
            table = run_corpus(paths, engine="dask", scheduler=cluster.scheduler_address, as_dataframe=True,
                               level="paragraph")
    assert all(item.report is None for item in items)  # Dask ships plain data by default
    _check_items(items, paths)
    expected = sum(len(rows(framing.report(str(path)).to_dict(), level="paragraph")) for path in SAMPLES)
    assert len(table.frame) == expected and table.n_ok == len(SAMPLES) and len(table.errors) == 2


def test_run_corpus_keeps_a_small_corpus_in_this_process_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    class NoPool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("a worker process was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoPool)
    paths = [str(path) for path in SAMPLES]
    assert [item.path for item in run_corpus(paths)] == paths  # under IN_PROCESS_BYTES: no pool
    with pytest.raises(AssertionError, match="worker process"):
        list(run_corpus(paths, workers=2))  # asked for workers: a pool
