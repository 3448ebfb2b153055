"""Source stage: a path or bytes -> decoded, newline-normalised text and its format."""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError
from framing.model import DocumentFormat

# Magic numbers of common binary formats a user might point us at by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (DOC/XLS)"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SUFFIX_FORMATS: dict[str, DocumentFormat] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
# Share of control characters above which decoded bytes are not text (tabs/newlines excluded).
MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
# Markdown shows in a line (a heading, a fence, a setext rule, a bold line) or in a link anywhere
# ("[text](url)"; an image's "!" adds nothing to whether one is there). Two searches: the link's
# opens with "[", which the engine looks for at once instead of trying the whole pattern everywhere.
_MARKDOWN_LINE = re.compile(r"^(?:#{1,6}\s+\S|```|={3,}\s*$|\*\*[^*\n]+\*\*\s*$)", re.M)
_MARKDOWN_LINK = re.compile(r"\[[^\]\n]+\]\((?:https?://|/|\.)[^)\s]*\)")
# Share of non-ASCII letters above which cp1252 is probably the wrong guess (Cyrillic,
# Greek or Central European text read as Western European).
MAX_CP1252_ACCENTED_SHARE = 0.2
# At most this share of a text's words hold letters of another script when stray bytes in
# Latin-script text were misread by the encoding detector (_looks_misdecoded).
MAX_STRAY_SHARE = 0.3
_NON_SPACE_RUN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Source:
    """Decoded text ready for parsing, with the format it was recognised as."""

    text: str
    format: DocumentFormat
    name: str | None
    encoding: str


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF; everything else is kept as is."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_format(text: str) -> DocumentFormat:
    """Guess whether raw text is HTML, Markdown or plain text from its content."""
    if _HTML_START.match(text[:2000]):
        return "html"
    head = text[:200_000]
    if _MARKDOWN_LINE.search(head) or _MARKDOWN_LINK.search(head):
        return "markdown"
    return "text"


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text: BOMs first, then UTF-8, then detection.

    Returns the text (newlines not yet normalised) and the encoding used.

    Raises:
        InputError: when the bytes are a known binary format or cannot be decoded as text.
    """
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{name}: this is {what}, not text; give framing a text, Markdown or HTML file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {error.start + len(bom)}); re-save the file as UTF-8"
                ) from None
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data, name)
    if _looks_binary(text):
        raise InputError(f"{name}: contains binary data, not text; give framing a text, Markdown or HTML file")
    return text, encoding


def _detect(data: bytes, name: str) -> tuple[str, str]:
    utf16 = _try_utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    western = _try_cp1252(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes  # imported lazily: only non-UTF-8 input needs it

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            f"{name}: cannot be decoded as text in any known encoding; re-save it as UTF-8"
        )
    text = str(best)
    if _looks_misdecoded(text):
        raise InputError(f"{name}: Latin-script text with a few stray bytes that read as no language "
                         f"(as {best.encoding} they give {_stray_letters(text)!r}); re-save it as UTF-8")
    return text, best.encoding


def _stray_letters(text: str) -> str:
    return "".join(ch for ch in text if _is_foreign_letter(ch))[:12]


def _looks_misdecoded(text: str) -> bool:
    """Whether a guessed code page turned a few stray bytes of Latin-script text into other scripts.

    Text in a code page of its own (Russian in cp1251, Greek in cp1253), or English quoting a
    name or a phrase in another script ("Алексей Навальный", "الشعب يريد"), has words of that
    script that look like words. Stray bytes read as letters give words that do not: a single
    letter ("Г("), a capital after a small letter ("яюЂЃ"), or a letter glued to ASCII ones.
    """
    words = _NON_SPACE_RUN.findall(text)
    foreign = [word for word in words if any(_is_foreign_letter(ch) for ch in word)]
    if not foreign or len(foreign) > MAX_STRAY_SHARE * len(words):
        return False
    return all(_is_implausible_word(word) for word in foreign)


def _is_foreign_letter(ch: str) -> bool:
    """A letter outside ASCII and outside the Latin script (accented Latin letters are ordinary text)."""
    return ch.isalpha() and not ch.isascii() and not unicodedata.name(ch, "LATIN").startswith("LATIN")


def _is_implausible_word(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    foreign = [ch for ch in letters if _is_foreign_letter(ch)]
    if len(foreign) < len(letters):
        return True  # foreign letters glued to Latin ones: "caf\u0451"
    if len(foreign) == 1:
        return True  # one letter alone, as a stray byte gives
    return any(first.islower() and second.isupper() for first, second in zip(foreign, foreign[1:]))


def _try_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM has a NUL in every other byte: recognise that pattern."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    for encoding, nul_share, other_share in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nul_share > 0.7 and other_share < 0.1:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _try_cp1252(data: bytes) -> str | None:
    """Western European text: cp1252 decodes it and few of its letters are accented.

    Statistical detectors often take short Western texts for Central European code pages
    ("São" read as "SŃo"); the accent share tells the two apart.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    accented = sum(not ch.isascii() for ch in letters)
    return text if accented / len(letters) <= MAX_CP1252_ACCENTED_SHARE else None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample)


def read_source(path: str | os.PathLike[str]) -> Source:
    """Read a file and decode it; the format comes from the suffix, else from the content.

    Raises:
        InputError: for a path that is not a string or path, a missing file, a directory,
            an unreadable file, binary content or undecodable bytes.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(
            f"report() takes a path (str or os.PathLike), got {type(path).__name__}; "
            "use framing.analyze(text) for text"
        )
    file = Path(path)
    written = str(path)
    # Text passed by mistake: several lines, very long, or words with spaces and no file suffix
    # ("Mayor Marsh blocked the scheme." ends in "." but "my notes.txt" has a suffix).
    looks_like_text = ("\n" in written or len(written) > 255
                       or (" " in written.strip() and not Path(written).suffix[1:].isalnum()))
    try:
        exists = file.exists()
    except (OSError, ValueError):  # a name the file system cannot even look up (NUL byte, too long)
        exists = False
    if not exists:
        hint = " (to analyse text, call framing.analyze(text))" if looks_like_text else ""
        shown = _short(str(path)) if looks_like_text else str(path)
        raise InputError(f"{shown}: no such file{hint}")
    if file.is_dir():
        raise InputError(f"{file}: is a directory, not a file; pass one article file (or `framing corpus` / framing.corpus for many)")
    if not file.is_file():
        raise InputError(f"{file}: is not a regular file (a pipe, socket or device); save the article to a file first")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{file}: cannot be read ({error.strerror or error})") from None
    text, encoding = decode_bytes(data, name=str(file))
    text = normalise_newlines(text)
    text_format = _SUFFIX_FORMATS.get(file.suffix.lower()) or sniff_format(text)
    return Source(text=text, format=text_format, name=str(file), encoding=encoding)


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[:limit] + "…"
