"""Source stage: paths, decoding, binary detection and newline normalisation."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import framing
from framing import InputError
from framing.ingest.source import decode_bytes, normalise_newlines, read_source, sniff_format

TEXT = "Kyiv’s café: “naïve” claims — 5 €.\nSecond line."


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
])
def test_decode_unicode_encodings(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == (TEXT, encoding)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_decode_legacy_single_byte_text(codec: str) -> None:
    text = "The minister's naïve café remarks were reported in Zürich and São Paulo. " * 20
    decoded, _ = decode_bytes(text.encode(codec))
    assert decoded == text


def test_stray_bytes_in_english_text_are_an_error_not_mojibake() -> None:
    with pytest.raises(InputError, match="stray bytes .* re-save it as UTF-8"):
        decode_bytes(b"The mayor \xff\xfe\x80\x81 is a \xc3\x28 crook and everyone knows it.\n")


@pytest.mark.parametrize(("text", "codec"), [
    ("Мэр города заявил во вторник, что бюджет будет пересмотрен. Совет проголосовал за план. " * 3, "cp1251"),
    ("Opposition leader Алексей Навальный and Владимир Путин were named in the report on Monday.", "cp1251"),
    ("The minister Κυριάκος Μητσοτάκης met Αλέξης Τσίπρας in the parliament on Monday.", "cp1253"),
    ("Protesters in Cairo shouted الشعب يريد إسقاط النظام as police moved in.", "cp1256"),
    ("Toyota said on Monday, and added: 非常に良い結果です for all of us.", "shift_jis"),
])
def test_text_with_words_of_another_script_still_decodes(text: str, codec: str) -> None:
    """A code page of its own script, or English quoting names and phrases in one, is no stray byte."""
    assert decode_bytes(text.encode(codec))[0] == text


@pytest.mark.parametrize(("data", "what"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04" + b"\x00" * 40, "ZIP"),
    (bytes(range(32)) * 50, "binary"),
])
def test_binary_input_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        decode_bytes(data, name="upload")


@pytest.mark.parametrize(("raw", "expected"), [
    ("a\r\nb\rc\nd", "a\nb\nc\nd"),
    ("no line ends", "no line ends"),
    ("\r\r\n", "\n\n"),
])
def test_normalise_newlines(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("# Title\n\nBody", "markdown"),
    ("Plain title\n\nPlain body.", "text"),
    ("See [the plan](https://example.org) for details.", "markdown"),
])
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


def test_read_source_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "absent.txt")


def test_read_source_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)


def test_read_source_text_that_is_not_a_path() -> None:
    with pytest.raises(InputError, match="framing.analyze"):
        read_source("Moscow agreed.\nWashington balked.")


def test_read_source_rejects_non_paths() -> None:
    with pytest.raises(InputError, match="takes a path"):
        read_source(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "expected"), [("a.md", "markdown"), ("a.html", "html"), ("a.txt", "text")])
def test_read_source_format_from_suffix(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text("Just words here.\r\nAnd more.", encoding="utf-8")
    source = read_source(path)
    assert source.format == expected
    assert source.text == "Just words here.\nAnd more."


@pytest.mark.parametrize(("argument", "hinted"), [
    ("Mayor Marsh blocked the scheme.", True),
    ("Mayor Marsh blocked the scheme", True),
    ("missing-article.txt", False),
    ("my notes.txt", False),
])
def test_missing_path_that_looks_like_text_points_at_analyze(argument: str, hinted: bool) -> None:
    with pytest.raises(framing.InputError) as raised:
        framing.report(argument)
    assert ("framing.analyze" in str(raised.value)) == hinted
