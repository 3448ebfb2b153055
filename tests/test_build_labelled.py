"""tools/build_labelled.py: markup -> clean text with exact offsets, validation with file:line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import load_tool

bl = load_tool("build_labelled")

HEADER = "id: x01\ntopic: t\nslant: neutral wire\nsplit: dev\ngenre: wire\n\n"


def test_offsets_round_trip() -> None:
    body = "Minister [[Wang Lihua|PER|ant|deceiver]] met [[farmers|GRP|inn]] in [[Oslo|LOC|-]].\n" \
           "\"[[Wang|PER|ant@q]] lied,\" said [[Ana Ruiz|PER|pro]]."
    item = bl.parse_labelled(HEADER + body)
    assert item.text == 'Minister Wang Lihua met farmers in Oslo.\n"Wang lied," said Ana Ruiz.'
    assert [item.text[m.start:m.end] for m in item.mentions] == ["Wang Lihua", "farmers", "Oslo", "Wang", "Ana Ruiz"]
    assert [(m.role, m.voice) for m in item.mentions] == [("ant", "author"), ("inn", "author"), ("-", "author"),
                                                          ("ant", "quote"), ("pro", "author")]
    records = bl.to_records(item)
    assert [item.text[e["start"]:e["end"]] for e in records["ner"]["entities"]] == ["Wang Lihua", "Oslo", "Wang", "Ana Ruiz"]
    mentions = records["portrayal"]["mentions"]
    assert [m["role"] for m in mentions] == ["antagonist", "innocent", "antagonist", "protagonist"]
    assert mentions[0]["archetype"] == "deceiver" and mentions[1]["archetype"] is None
    assert mentions[2]["voice"] == "quote"
    assert [item.text[u["start"]:u["end"]] for u in records["portrayal"]["unlabelled"]] == ["Oslo"]


def test_entity_nested_in_loaded_span() -> None:
    item = bl.parse_labelled(HEADER + "They called it {{the [[Kremlin|ORG|ant]]'s puppet regime}} today.")
    (span,) = item.loaded
    (mention,) = item.mentions
    assert item.text[span.start:span.end] == "the Kremlin's puppet regime"
    assert item.text[mention.start:mention.end] == "Kremlin"
    assert span.start < mention.start < mention.end < span.end
    assert bl.to_records(item)["loaded"]["spans"] == [{"start": span.start, "end": span.end, "in_quote": False}]


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("Fine line.\nA [[broken|PER]] mention.", 8, "3 or 4"),
        ("One.\nTwo.\n{{unclosed span here.", 9, "never closed"),
        ("One.\n{{runs over\nthe line}}", 8, "same line"),
        ("One.\n[[Ana|PER|hero]] acts.", 8, "unknown ROLE"),
        ("One.\n[[Ana|NORP|pro]] acts.", 8, "unknown TYPE"),
        ("{{a {{nested}} span}}", 7, "cannot nest"),
        ("[[a {{loaded}} name|PER|pro]]", 7, "cannot contain"),
        ("x\ny\n[[Ana|PER|inn|tyrant]]", 9, "archetype"),
        ("stray ]] here", 7, "without an opening"),
        ("{{ padded}}", 7, "whitespace"),
    ],
)
def test_malformed_markup_names_the_line(body: str, line: int, fragment: str) -> None:
    with pytest.raises(bl.MarkupError, match=rf"^t\.txt:{line}: .*{fragment}"):
        bl.parse_labelled(HEADER + body, source="t.txt")


def test_bad_header_names_the_line() -> None:
    with pytest.raises(bl.MarkupError, match=r"^t\.txt:4: split 'train'"):
        bl.parse_labelled(HEADER.replace("split: dev", "split: train") + "Body.", source="t.txt")
    with pytest.raises(bl.MarkupError, match=r"^t\.txt:2: unknown header key"):
        bl.parse_labelled("id: x01\ncolour: red\n\nBody.", source="t.txt")


def test_build_writes_deterministic_jsonl(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "b.txt").write_text(HEADER.replace("x01", "b").replace("dev", "test") + "[[Kyiv|LOC|inn]] {{burns}}.\n",
                                 encoding="utf-8")
    (texts / "a.txt").write_text(HEADER.replace("x01", "a") + "[[Acme|ORG|ant]] said so.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert bl.main(["--texts", str(texts), "--out", str(out)]) == 0
    first = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert bl.main(["--texts", str(texts), "--out", str(out)]) == 0
    assert {p.name: p.read_bytes() for p in sorted(out.iterdir())} == first
    assert sorted(first) == [f"{k}_{s}.jsonl" for k in ("loaded", "ner", "portrayal")
                             for s in ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7")]
    assert first["ner_test2.jsonl"] == b""  # a split with no texts still gets its (empty) files
    (row,) = [json.loads(line) for line in first["loaded_test.jsonl"].decode().splitlines()]
    assert row["text"][row["spans"][0]["start"]:row["spans"][0]["end"]] == "burns"


def test_check_mode_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_text(HEADER.replace("x01", "bad") + "ok\n[[Ana|PER|pro]] and ]] stray\n", encoding="utf-8")
    assert bl.main(["--texts", str(tmp_path), "--check"]) == 1
    assert f"{tmp_path / 'bad.txt'}:8: ']]' without" in capsys.readouterr().err


def test_quoted_voice_needs_quotation_marks() -> None:
    item = bl.parse_labelled(HEADER + 'He said \u201c[[Acme|ORG|ant@q]] {{lies}}\u201d and {{shrugged}}.')
    assert [s["in_quote"] for s in bl.to_records(item)["loaded"]["spans"]] == [True, False]
    with pytest.raises(bl.MarkupError, match=r"^t\.txt:8: .*@q"):
        bl.parse_labelled(HEADER + 'One.\nHe said [[Acme|ORG|ant@q]] lies.', source="t.txt")
    noted = bl.parse_labelled(HEADER + 'A "[[Acme|ORG|ant]] plan".', source="t.txt")
    assert bl.voice_notes(noted) == ["t.txt:7: note: 'Acme' is inside quotation marks but has no @q"]


@pytest.mark.parametrize("split", ["test2", "test3", "test4", "test5", "test6", "test7"])
def test_held_out_splits_are_accepted(split: str) -> None:
    assert bl.SPLITS == ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7")
    item = bl.parse_labelled(HEADER.replace("split: dev", f"split: {split}") + "[[Oslo|LOC|-]] votes.", source="t.txt")
    assert item.split == split
