"""Split text into line-based blocks and units (paragraph, bullet item, heading line).

The document stage classifies these units; this module only finds their offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

UnitShape = Literal["lines", "bullet", "quote", "atx_heading", "setext_heading", "fence"]

BULLET = re.compile(r"^[ \t]*(?:[•●◦▪▫‣⁃∙·*+\-–]|\d{1,2}[.)]|\(\d{1,2}\))[ \t]+(?=\S)")
ATX_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_ATX_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)")
_BLANK_CHARS = " \t\u00a0\u200b\u200c\u200d\u2060\ufeff\u3000"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: ``start``..``end`` excludes the newline."""

    start: int
    end: int


@dataclass(slots=True)
class Unit:
    """A candidate paragraph: its content span (marker stripped) and how it looked.

    ``start``/``end`` bound the content (no bullet marker, no ``#``, trimmed);
    ``outer_start`` includes the marker. ``level`` is the heading level for headings.
    """

    shape: UnitShape
    start: int
    end: int
    outer_start: int
    n_lines: int
    level: int = 0
    blank_before: int = 0
    extra: dict[str, object] = field(default_factory=dict)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with absolute offsets (newline excluded)."""
    lines, start = [], 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            lines.append(Line(start, len(text)))
            return lines
        lines.append(Line(start, end))
        start = end + 1


def is_blank(text: str, line: Line) -> bool:
    """True for an empty or whitespace-only line (zero-width characters count as space)."""
    return all(ch.isspace() or ch in _BLANK_CHARS for ch in text[line.start:line.end])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start``..``end`` to exclude surrounding whitespace."""
    while start < end and (text[start].isspace() or text[start] in _BLANK_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _BLANK_CHARS):
        end -= 1
    return start, end


def split_units(text: str, *, markdown: bool) -> list[Unit]:
    """Group lines into units: blank-line separated blocks, split at bullets and headings.

    Markdown ATX (``# x``) and setext headings and fenced code are recognised only when
    ``markdown`` is true; bullets (``•``, ``-``, ``*``, ``1.``) and ``>`` quotes always.
    """
    lines = split_lines(text)
    units: list[Unit] = []
    blank_run = 0
    block: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if markdown and FENCE.match(text[line.start:line.end]) and not block:
            index = _take_fence(text, lines, index, units, blank_run)
            blank_run = 0
            continue
        if is_blank(text, line):
            if block:
                units.extend(_block_units(text, block, blank_run, markdown=markdown))
                block, blank_run = [], 0
            blank_run += 1
        else:
            block.append(line)
        index += 1
    if block:
        units.extend(_block_units(text, block, blank_run, markdown=markdown))
    return units


def _take_fence(text: str, lines: list[Line], index: int, units: list[Unit], blank_run: int) -> int:
    opener = text[lines[index].start:lines[index].end].strip()[:3]
    end_index = index + 1
    while end_index < len(lines):
        if text[lines[end_index].start:lines[end_index].end].strip().startswith(opener):
            break
        end_index += 1
    last = lines[min(end_index, len(lines) - 1)]
    start, end = trim(text, lines[index].start, last.end)
    units.append(Unit("fence", start, end, start, end_index - index + 1, blank_before=blank_run))
    return end_index + 1


def _block_units(text: str, block: list[Line], blank_run: int, *, markdown: bool) -> list[Unit]:
    """Split one blank-line separated block into units."""
    units: list[Unit] = []
    pending: list[Line] = []  # plain lines collected into one paragraph unit
    current_item: list[Line] = []  # lines of the bullet item being read
    quote: list[Line] = []

    def flush_pending() -> None:
        if pending:
            start, end = trim(text, pending[0].start, pending[-1].end)
            units.append(Unit("lines", start, end, start, len(pending)))
            pending.clear()

    def flush_item() -> None:
        if current_item:
            first = current_item[0]
            marker = BULLET.match(text[first.start:first.end])
            assert marker is not None
            start, end = trim(text, first.start + marker.end(), current_item[-1].end)
            outer = trim(text, first.start, first.end)[0]
            units.append(Unit("bullet", start, end, outer, len(current_item),
                              extra={"marker": marker.group().strip()}))
            current_item.clear()

    def flush_quote() -> None:
        if quote:
            first = quote[0]
            marker = BLOCKQUOTE.match(text[first.start:first.end])
            assert marker is not None
            start, end = trim(text, first.start + marker.end(), quote[-1].end)
            units.append(Unit("quote", start, end, trim(text, first.start, first.end)[0], len(quote)))
            quote.clear()

    def flush_all() -> None:
        flush_pending()
        flush_item()
        flush_quote()

    for position, line in enumerate(block):
        raw = text[line.start:line.end]
        if markdown and ATX_HEADING.match(raw):
            flush_all()
            units.append(_atx_unit(text, line))
            continue
        if markdown and pending and position > 0 and SETEXT_UNDERLINE.match(raw) and len(pending) == 1:
            start, end = trim(text, pending[0].start, pending[0].end)
            pending.clear()
            units.append(Unit("setext_heading", start, end, start, 2,
                              level=1 if raw.strip().startswith("=") else 2,
                              extra={"underline": (line.start, line.end)}))
            continue
        if BLOCKQUOTE.match(raw):
            flush_pending()
            flush_item()
            quote.append(line)
            continue
        if BULLET.match(raw) and not _is_rule(raw):
            flush_all()
            current_item.append(line)
            continue
        if current_item:
            current_item.append(line)  # a wrapped continuation of the bullet item
            continue
        if quote:
            quote.append(line)  # lazy continuation of a block quote
            continue
        pending.append(line)
    flush_all()
    if units:
        units[0].blank_before = blank_run
    return units


def _atx_unit(text: str, line: Line) -> Unit:
    raw = text[line.start:line.end]
    marker = ATX_HEADING.match(raw)
    assert marker is not None
    content_end = line.start + len(_ATX_CLOSING.sub("", raw))
    start, end = trim(text, line.start + marker.end(), content_end)
    outer = trim(text, line.start, line.end)[0]
    return Unit("atx_heading", start, end, outer, 1, level=len(marker.group(1)))


def _is_rule(raw: str) -> bool:
    """A thematic break such as ``* * *`` or ``- - -`` is not a bullet."""
    stripped = raw.replace(" ", "").replace("\t", "")
    return len(stripped) >= 3 and len(set(stripped)) == 1 and stripped[0] in "*-_•"
