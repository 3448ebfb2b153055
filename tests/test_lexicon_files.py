"""Lexicon files: the shipped lexicons, user formats (TSV/CSV, JSON, LIWC .dic, word lists), validation, names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing import LexiconError
from framing.stages.lexicon import compile_lexicons, match_terms
from framing.stages.lexicon_files import load_categories, load_lexicon, parse_lexicon, read_lexicon, resolve_lexicons
from framing.text.wordlists import common_words


def test_shipped_lexicon_size_and_categories() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.entries) >= 800
    categories = load_categories()
    assert len(set(lexicon.categories)) >= 10
    assert set(lexicon.categories) <= set(categories)
    assert "scare_quote" in categories


def test_shipped_terms_are_in_one_category_each() -> None:
    seen: dict[str, str] = {}
    for entry in load_lexicon().entries:
        assert seen.setdefault(entry.term.lower(), entry.category) == entry.category, entry.term


def test_shipped_lexicon_avoids_everyday_words() -> None:
    """A loaded-language lexicon must not fire on the commonest English words."""
    everyday = common_words()
    offenders = [e.term for e in load_lexicon().entries if " " not in e.term and e.term in everyday and e.weight >= 1.5]
    assert len(offenders) <= 25, offenders


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("mine.tsv", "term\tcategory\tweight\nwarmonger\tpejorative\t2.5\n", [("warmonger", "pejorative", 2.5)]),
    ("mine.tsv", "# no header\nwarmonger\tpejorative\n\nhawk\tpejorative\t0.5\t\t\tnote\n",
     [("warmonger", "pejorative", 1.0), ("hawk", "pejorative", 0.5)]),
    ("mine.csv", "term,category,weight\n\"bully, the\",coercion,1.5\n", [("bully, the", "coercion", 1.5)]),
    ("mine.json", json.dumps([{"term": "cabal", "category": "conspiracy", "weight": 2}, "junta"]),
     [("cabal", "conspiracy", 2.0), ("junta", "mine", 1.0)]),
    ("mine.json", json.dumps({"conspiracy": ["cabal", "psyop"]}), [("cabal", "conspiracy", 1.0), ("psyop", "conspiracy", 1.0)]),
    ("mine.txt", "cabal\npsyop\n", [("cabal", "mine", 1.0), ("psyop", "mine", 1.0)]),
    ("mine.dic", "%\n1\tposemo\n2\tnegemo\n%\nabus*\t2\nhero\t1\nfine\t1 2\n",
     [("abus", "negemo", 1.0), ("hero", "posemo", 1.0), ("fine", "posemo", 1.0), ("fine", "negemo", 1.0)]),
])
def test_read_user_lexicons(tmp_path: Path, name: str, content: str, expected: list[tuple[str, str, float]]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    lexicon = read_lexicon(path)
    assert [(e.term, e.category, e.weight) for e in lexicon.entries] == expected


@pytest.mark.parametrize("content", [
    "term;category;weight\nwarmonger;pejorative;2.5\nhawk;pejorative;1\n",
    "term\tcategory\tweight\nwarmonger\tpejorative\t2.5\nhawk\tpejorative\t1\n",
    "warmonger;pejorative;2.5\nhawk;pejorative\n",
    "warmonger\tpejorative\t2.5\nhawk\tpejorative\n",
    "# comment, with; separators\nwarmonger,pejorative,2.5\nhawk,pejorative,,,,\"a note; with a semicolon\"\n",
])
def test_csv_lexicon_delimiter_and_header_are_sniffed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(content, encoding="utf-8")
    lexicon = read_lexicon(path)
    assert [(e.term, e.category, e.weight) for e in lexicon.entries] == [
        ("warmonger", "pejorative", 2.5), ("hawk", "pejorative", 1.0)]


@pytest.mark.parametrize(("content", "message"), [
    ("regime,x,2\nhawk;y;1\n", r"mine.csv:2: this row is separated by semicolons but the file by commas; expected term,category,weight"),
    ("entry;class;value\nregime;x;2\n", r"mine.csv:1: .*looks like a header, but entry, class, value are not column names"),
    ("regime;x;1;s;0;note;extra\n", r"mine.csv:1: 7 columns, expected at most 6 .* separated by semicolons"),
])
def test_csv_lexicon_columns_that_do_not_fit_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        read_lexicon(path)


def test_user_lexicons_with_one_stem_keep_apart(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    dic, csv_file, other = tmp_path / "housing.dic", tmp_path / "housing.csv", tmp_path / "b" / "housing.csv"
    dic.write_text("%\n1\tnegemo\n%\nslum\t1\n", encoding="utf-8")
    csv_file.write_text("shack,housing_jargon\n", encoding="utf-8")
    other.write_text("hovel,housing_jargon\n", encoding="utf-8")
    lexicons = resolve_lexicons([dic, csv_file, other, csv_file])
    hashes = compile_lexicons(lexicons).hashes
    assert list(hashes) == ["loaded_language", "housing.dic", "housing.csv", "b/housing.csv"]
    assert len(set(hashes.values())) == 4
    assert resolve_lexicons([dic, csv_file, other]) == lexicons  # deterministic
    hits = match_terms("a slum, a shack and a hovel", compile_lexicons(lexicons))
    assert [(h.term, h.lexicon) for h in hits] == [
        ("slum", "housing.dic"), ("shack", "housing.csv"), ("hovel", "b/housing.csv")]


def test_lexicon_objects_with_one_name_are_numbered() -> None:
    first, second = parse_lexicon("mine", "regime\tx\n"), parse_lexicon("mine", "junta\tx\n")
    actors = parse_lexicon("actors", "cabal\tx\n")
    assert [lexicon.name for lexicon in resolve_lexicons([first, second, actors], default=False)] == [
        "mine", "mine#2", "actors#2"]


def test_word_list_category_is_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "housing.txt"
    path.write_text("shack\n", encoding="utf-8")
    lexicon = read_lexicon(path)
    assert (lexicon.name, lexicon.entries[0].category) == ("housing.txt", "housing")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.tsv", "term\tcategory\tweight\nregime\tx\theavy\n", r"bad.tsv:2: weight 'heavy' is not a number"),
    ("bad.tsv", "term\tcategory\tweight\nregime\tx\t-1\n", r"bad.tsv:2: weight -1 out of range"),
    ("bad.tsv", "term\tcategory\tweight\nregime\tx\tnan\n", r"bad.tsv:2: weight nan out of range"),
    ("bad.tsv", "regime\tx\t1\ts\t0\tnote\textra\n", r"bad.tsv:1: 7 columns"),
    ("bad.tsv", "term\tcolour\nregime\tred\n", r"bad.tsv:1: unknown column"),
    ("bad.tsv", "regime\tx\nregime\tx\n", r"bad.tsv:2: term 'regime' is already in category 'x' \(line 1\)"),
    ("bad.tsv", "+++\tx\n", r"bad.tsv:1: term '\+\+\+' has no letters"),
    ("bad.tsv", "\tx\n", r"bad.tsv:1: empty term"),
    ("bad.tsv", "# only comments\n\n", r"bad.tsv: no entries"),
    ("bad.tsv", "regime\tx\t1\tq\n", r"bad.tsv:1: flags 'q'"),
    ("bad.tsv", "hold … hostage … again\tx\n", r"bad.tsv:1: term .* one gap '…'"),
    ("bad.tsv", "hold … host*\tx\n", r"bad.tsv:1: term .* one gap '…'"),
    ("bad.tsv", "…\tx\n", r"bad.tsv:1: term '…' has no letters"),
    ("bad.json", "[{\"term\": 1,}", r"bad.json:1: invalid JSON"),
    ("bad.dic", "%\n1\tneg\n%\nword\t7\n", r"bad.dic:4: category number 7"),
    ("bad.dic", "no header at all\n", r"bad.dic:1: a LIWC .dic file"),
    ("bad.yaml", "a: b\n", r"unknown lexicon suffix"),
])
def test_malformed_lexicons_name_file_and_line(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        read_lexicon(path)


def test_undecodable_lexicon_is_a_lexicon_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(LexiconError, match="PNG"):
        read_lexicon(path)


def test_an_ellipsis_at_either_end_is_punctuation() -> None:
    lexicon = parse_lexicon("user", "wait...\tx\n... and so on\tx\n")
    assert [entry.term for entry in lexicon.entries] == ["wait", "and so on"]


def test_lexicon_hash_tracks_content() -> None:
    first = parse_lexicon("a", "regime\tx\n")
    second = parse_lexicon("a", "regime\tx\t2\n")
    assert first.sha256 != second.sha256 and first != second
    assert parse_lexicon("a", "regime\tx\n") == first
