"""Document stage: text (plain, Markdown or HTML) -> Document with sections, paragraphs, noise.

How plain text is read (the same rules serve Markdown files without ``#`` headings):

* Blocks are separated by blank lines; a bullet line (``•``, ``-``, ``*``, ``1.``) starts its
  own paragraph of kind ``bullet``; ``>`` lines form a paragraph of kind ``quote``.
* Noise is recognised by form: picture credits ("Photo: …", "… - Bild: …", "(Name/Reuters)"),
  captions that name their medium after a separator ("… - screenshot …"), page furniture
  ("Share this article", "3 min read"), short lines in another script (mastheads in
  screenshots), date/time lines outside the header, tag blocks ("Tags:", "ARTICLE TAGS:")
  and a short line wedged between two noise blocks (text inside a pasted screenshot).
* The header: within the first blocks, a date line and a byline ("By Jane Doe", or a bare
  name next to the date) mark where the header ends; before them come the title and the
  standfirst (the sub-title line). Without such lines, a short first line is the title.
* A heading is a single short line (at most 14 words) that starts with a capital or digit,
  does not end in ``.``, ``,``, ``;`` or ``:`` (before any closing quotation mark), is not noise, a date, a byline or a bullet, and
  is followed by body text. Examples: "Collapse of the Deal" (news analysis), "Key
  Takeaways" before a bullet list (explainer), "What the council decided" (local news),
  "Is a truce still possible?" (opinion column) are headings; "He portrayed the minister
  as:" (ends in a colon), "October 27, 2025, 12:21 PM" (a timestamp) and "By Jane Doe" (a
  byline) are not.
* A paragraph split by a blank line in mid-sentence (the first part does not end a
  sentence, the second starts in lower case) is joined back into one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.ingest.blocks import Unit, split_units, trim
from framing.ingest.dates import match_date_line
from framing.ingest.language import guess_language
from framing.ingest.noise import classify_noise_line, credit_split, dominant_script, split_tags, tags_label
from framing.model import Document, DocumentFormat, Noise, NoiseKind, Paragraph, ParagraphKind, Section, TextSpan

# A heading is short: longer single lines are one-sentence paragraphs.
MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
# The header (title, standfirst, byline, date) lies within the first blocks of a page.
HEADER_SEARCH_UNITS = 8
MAX_FRONT_UNITS_BEFORE_META = 3
MAX_TITLE_WORDS = 30
# A first line ending in a full stop is a headline only when it is this short (see _is_headline_sentence).
MAX_HEADLINE_SENTENCE_WORDS = 14
MIN_LEDE_WORDS = 12
_SENTENCE_MARK_INSIDE = re.compile(r"[.!?;:]\s")
MAX_STANDFIRST_WORDS = 80
MAX_BYLINE_CHARS = 100
MAX_BIO_WORDS = 50
_SENTENCE_END = ('.', '!', '?', '…', '"', '”', "'", '’', ')', ']', ':', ';')
_NAME_PARTICLES = frozenset(
    "van von de der den da di du dos das del della la le bin ibn al el ten ter zu y".split()
)
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:opinion|analysis|commentary|comment|editorial|column|essay|perspective)\s*[|:]?\s+)?"
    r"(?:by|written by|words by|reporting by|author|authors|von|par|por)\s*[:]?\s+", re.I
)
_BYLINE_DATE_SPLIT = re.compile(r"\s+[|·•–—-]\s+|\s*,\s+(?=(?:updated|published|posted)\b)", re.I)
_BOLD_LINE = re.compile(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__")
_FRONT_MATTER_KEY = re.compile(r"^(title|author|authors|byline|date|published|tags|keywords)\s*:\s*(.*?)\s*$", re.I)


@dataclass(slots=True)
class _Block:
    """A unit with the role the parser gave it."""

    unit: Unit
    role: str  # body | bullet | quote | heading | title | standfirst | byline | date | noise
    noise_kind: NoiseKind | None = None


def parse_document(text: str, *, format: DocumentFormat = "text", source: str | None = None) -> Document:
    """Parse article text into a Document.

    ``text`` must already be decoded with newlines normalised (see ``framing.ingest.source``);
    for ``format="html"`` the HTML is first reduced to its article text, and all offsets
    then refer to that text.
    """
    if format == "html":
        from framing.ingest.web import extract_page  # only HTML input needs it (trafilatura loads lazily)

        extracted = extract_page(text)
        return _parse(extracted.text, "html", source, markdown=True, meta=extracted.meta,
                      forced_noise=extracted.noise, meta_tags=extracted.tags)
    return _parse(text, format, source, markdown=format == "markdown", meta={}, forced_noise=(), meta_tags=())


def _parse(text: str, text_format: DocumentFormat, source: str | None, *, markdown: bool, meta: dict[str, str],
           forced_noise: Sequence[tuple[int, int, NoiseKind]], meta_tags: tuple[str, ...]) -> Document:
    script = dominant_script(text)
    units = [piece for unit in split_units(text, markdown=markdown) for piece in _split_line_block(text, unit, script)]
    front_matter: dict[str, TextSpan] = {}
    blocks = [_first_pass(text, unit, script, front_matter) for unit in units]
    for block in blocks:
        for start, end, kind in forced_noise:
            if start <= block.unit.start and block.unit.end <= end:
                block.role, block.noise_kind = "noise", kind
    blocks = [piece for block in blocks for piece in _split_credit(text, block)]
    tags = _mark_tags(text, blocks)
    header = _mark_header(text, blocks, markdown=markdown)
    _mark_dates_as_timestamps(text, blocks)
    if "byline" in header:
        _mark_author_bio(text, blocks, header["byline"].text)
    has_atx = any(b.role == "heading" for b in blocks)
    _mark_headings(text, blocks, use_plain_rule=not has_atx)
    _mark_sandwiched_noise(text, blocks)
    sections, noise = _assemble(text, blocks)
    title = header.get("title") or front_matter.get("title")
    byline = header.get("byline") or front_matter.get("author")
    date = header.get("date") or front_matter.get("date")
    if not tags and "tags" in front_matter:
        tags = split_tags(front_matter["tags"].text.strip("[]"))
    date_iso = None
    if date is not None:
        found = match_date_line(date.text)
        date_iso = found.iso if found else None
    return Document(
        text=text,
        format=text_format,
        source=source,
        title=title or _meta_span(text, meta.get("title")),
        standfirst=header.get("standfirst"),
        byline=byline or _meta_span(text, meta.get("byline")),
        date=date or _meta_span(text, meta.get("date")),
        date_iso=date_iso or meta.get("date_iso"),
        tags=tags or meta_tags,
        sections=sections,
        noise=noise,
        language=meta.get("language") or guess_language(" ".join(p.text for s in sections for p in s.paragraphs)),
    )


def _meta_span(text: str, value: str | None) -> TextSpan | None:
    """Point HTML metadata (title, byline) at its first occurrence in the extracted text."""
    if not value:
        return None
    at = text.find(value)
    return TextSpan(at, at + len(value), value) if at >= 0 else None


def _span(text: str, start: int, end: int) -> TextSpan:
    """A span with Markdown emphasis markers around the whole of it left out."""
    while end - start > 2 and text[start] in "*_" and text[end - 1] == text[start]:
        start, end = start + 1, end - 1
    return TextSpan(start, end, text[start:end])


def _unit_text(text: str, unit: Unit) -> str:
    return text[unit.start:unit.end]


# --- first pass: shape and noise ------------------------------------------------------


def _is_line_like(line: str, script: str) -> bool:
    """A line that stands on its own even without blank lines around it (date, byline, UI)."""
    found = match_date_line(line)
    return (
        (found is not None and found.has_date)
        or bool(_BYLINE_PREFIX.match(line) and _byline_parts(line))
        or tags_label(line) is not None
        or classify_noise_line(line, script, strong_only=True) is not None
    )


def _split_line_block(text: str, unit: Unit, script: str) -> list[Unit]:
    """Split a block of header-like lines (title, byline, date, "Share") into one unit per line.

    A hard-wrapped paragraph stays whole: only a block with a line that is a date, a
    byline, a tag label or page furniture on its own is split.
    """
    if unit.shape != "lines" or unit.n_lines < 2 or (unit.start == 0 and text.startswith("---")):
        return [unit]
    lines = text[unit.start:unit.end].split("\n")
    if not any(_is_line_like(line.strip(), script) for line in lines):
        return [unit]
    pieces, offset = [], unit.start
    for number, line in enumerate(lines):
        start, end = trim(text, offset, offset + len(line))
        if end > start:
            pieces.append(Unit("lines", start, end, start, 1, blank_before=unit.blank_before if number == 0 else 0))
        offset += len(line) + 1
    return pieces



def _first_pass(text: str, unit: Unit, script: str, front_matter: dict[str, TextSpan]) -> _Block:
    if unit.shape == "fence":
        return _Block(unit, "noise", "other")
    if unit.shape in ("atx_heading", "setext_heading"):
        return _Block(unit, "heading")
    if unit.shape == "bullet":
        return _Block(unit, "bullet")
    if unit.shape == "quote":
        return _Block(unit, "quote")
    content = _unit_text(text, unit)
    if unit.start == 0 and content.startswith("---") and _read_front_matter(text, unit, front_matter):
        return _Block(unit, "noise", "other")
    if content.startswith("<!--") and content.endswith("-->"):
        return _Block(unit, "noise", "other")
    if unit.n_lines == 1:
        kind = classify_noise_line(content, script)
        if kind is not None:
            return _Block(unit, "noise", kind)
    bold = _BOLD_LINE.fullmatch(content)
    if bold and unit.n_lines == 1 and len(content.split()) <= MAX_HEADING_WORDS:
        unit.start += 2
        unit.end -= 2
        unit.extra["bold"] = True
    return _Block(unit, "body")


def _read_front_matter(text: str, unit: Unit, front_matter: dict[str, TextSpan]) -> bool:
    """Read a YAML front-matter block (``---`` … ``---``) at the top of a Markdown file."""
    lines = _unit_text(text, unit).split("\n")
    if len(lines) < 3 or lines[0].strip() != "---" or lines[-1].strip() not in ("---", "..."):
        return False
    offset = unit.start + len(lines[0]) + 1
    for line in lines[1:-1]:
        found = _FRONT_MATTER_KEY.match(line)
        if found and found.group(2):
            key = {"authors": "author", "byline": "author", "published": "date", "keywords": "tags"}.get(
                found.group(1).lower(), found.group(1).lower()
            )
            value_start = offset + found.start(2)
            value = found.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value_start, value = value_start + 1, value[1:-1]
            front_matter.setdefault(key, TextSpan(value_start, value_start + len(value), value))
        offset += len(line) + 1
    return True


def _split_credit(text: str, block: _Block) -> list[_Block]:
    """Split "caption - Photo: name" into a caption block and a credit block."""
    unit = block.unit
    if block.role not in ("body", "noise") or block.noise_kind == "credit" or unit.n_lines > 2:
        return [block]
    content = _unit_text(text, unit)
    at = credit_split(content)
    if at is None:
        return [block]
    caption_end = unit.start + len(content[:at].rstrip(" -–—|·•/(."))
    if content[:at].rstrip().endswith("."):
        caption_end = unit.start + len(content[:at].rstrip())
    credit_start = unit.start + at
    credit_end = unit.end
    caption = Unit("lines", unit.start, caption_end, unit.start, 1, blank_before=unit.blank_before)
    credit = Unit("lines", credit_start, credit_end, credit_start, 1)
    return [_Block(caption, "noise", "caption"), _Block(credit, "noise", "credit")]


# --- tags, header and dates -----------------------------------------------------------


def _mark_tags(text: str, blocks: list[_Block]) -> tuple[str, ...]:
    """Find the tag block ("Tags: a, b" or a label line followed by the tag line)."""
    for index, block in enumerate(blocks):
        if block.role not in ("body", "noise") or block.unit.n_lines > 3:
            continue
        content = _unit_text(text, block.unit)
        label_end = tags_label(content)
        if label_end is None or len(content.split()) > 80:
            continue
        block.role, block.noise_kind = "noise", "tags"
        rest = content[label_end:]
        if rest.strip():
            return split_tags(rest)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and following.role in ("body", "noise") and len(_unit_text(text, following.unit).split()) <= 80:
            following.role, following.noise_kind = "noise", "tags"
            return split_tags(_unit_text(text, following.unit))
        return ()
    return ()


def _looks_like_name(words: list[str]) -> bool:
    """Two to five capitalised name tokens (particles and initials allowed)."""
    if not 2 <= len(words) <= 5:
        return False
    capitalised = 0
    for word in words:
        core = word.strip(",")
        if core.lower() in _NAME_PARTICLES:
            continue
        if not core or not core[0].isupper() or any(ch.isdigit() for ch in core):
            return False
        if not all(ch.isalpha() or ch in ".'’-" for ch in core):
            return False
        capitalised += 1
    return capitalised >= 2


def _byline_parts(content: str) -> tuple[int, int | None] | None:
    """If the line is a byline, the end of the name part and the start of a trailing date."""
    if len(content) > MAX_BYLINE_CHARS or "\n" in content.strip():
        return None
    date_start: int | None = None
    name_end = len(content)
    for separator in _BYLINE_DATE_SPLIT.finditer(content):
        tail = content[separator.end():]
        if match_date_line(tail):
            name_end, date_start = separator.start(), separator.end()
            break
    name = content[:name_end]
    prefixed = _BYLINE_PREFIX.match(name)
    listed = name[prefixed.end():] if prefixed else name
    people = [n for n in re.split(r"\s*[,|/]\s*|\s+and\s+|\s+&\s+", listed) if n]
    if not people:
        return None
    if prefixed:
        first = people[0].split()
        if _looks_like_name(first) or (len(first) == 1 and first[0][:1].isupper()):
            return name_end, date_start
        return None
    if all(_looks_like_name(p.split()) or p.isupper() for p in people) and _looks_like_name(people[0].split()):
        return name_end, date_start
    return None


def _mark_header(text: str, blocks: list[_Block], *, markdown: bool) -> dict[str, TextSpan]:
    """Find title, standfirst, byline and date at the top of the page."""
    content_indexes = [i for i, b in enumerate(blocks) if b.role != "noise"][:HEADER_SEARCH_UNITS]
    header: dict[str, TextSpan] = {}
    meta_positions: list[int] = []
    for position, index in enumerate(content_indexes):
        block = blocks[index]
        if block.role not in ("body", "heading") or block.unit.n_lines > 2:
            continue
        content = _unit_text(text, block.unit)
        if match_date_line(content) and match_date_line(content).has_date and "date" not in header:  # type: ignore[union-attr]
            block.role = "date"
            header["date"] = _span(text, block.unit.start, block.unit.end)
            meta_positions.append(position)
            continue
        # a Markdown byline may be set in italics or bold ("*By Jane Doe · 3 March 2026*"): read inside the marks
        lead = len(content) - len(content.lstrip("*_")) if markdown else 0
        marks = lead if lead and len(content) > 2 * lead and content.endswith(content[:lead]) else 0
        inner = content[marks:len(content) - marks]
        parts = _byline_parts(inner) if "byline" not in header else None
        if parts is None:
            continue
        name_end, date_start = parts
        prefixed = bool(_BYLINE_PREFIX.match(inner))
        if not prefixed and date_start is None and not _next_to_date(text, blocks, content_indexes, position):
            continue
        block.role = "byline"
        start = block.unit.start + marks
        header["byline"] = _span(text, start, start + len(inner[:name_end].rstrip()))
        if date_start is not None and "date" not in header:
            header["date"] = _span(text, start + date_start, start + len(inner))
        meta_positions.append(position)
    if meta_positions and max(meta_positions) < HEADER_SEARCH_UNITS:
        before = [content_indexes[p] for p in range(max(meta_positions)) if p not in meta_positions]
        front = [i for i in before if blocks[i].role in ("body", "heading")]
        if len(front) <= MAX_FRONT_UNITS_BEFORE_META and all(
            len(_unit_text(text, blocks[i].unit).split()) <= MAX_STANDFIRST_WORDS for i in front
        ):
            if front or not _assign_front_after_meta(text, blocks, content_indexes[max(meta_positions) + 1:], header):
                _assign_front(text, blocks, front, header)
            return header
    _assign_title_only(text, blocks, content_indexes, header, markdown=markdown)
    return header


# A section label above a web page's headline ("Football", "World news", "Opinion"): at most this many words.
MAX_KICKER_WORDS = 3


def _assign_front_after_meta(text: str, blocks: list[_Block], after: list[int], header: dict[str, TextSpan]) -> bool:
    """Byline and date first, then the headline (a web page as read): a level-1 heading there is the
    title, a short label above it the page's section (noise), and a short paragraph after it the
    standfirst. False when no level-1 heading follows."""
    if not after:
        return False
    first = 0
    if (blocks[after[0]].role == "body" and len(after) > 1 and blocks[after[1]].role == "heading"
            and blocks[after[1]].unit.level == 1
            and len(_unit_text(text, blocks[after[0]].unit).split()) <= MAX_KICKER_WORDS):
        blocks[after[0]].role = "noise"  # the kicker
        first = 1
    title = blocks[after[first]]
    if title.role != "heading" or title.unit.level != 1:
        return False
    title.role = "title"
    header["title"] = _span(text, title.unit.start, title.unit.end)
    if first + 1 < len(after):
        following = blocks[after[first + 1]]
        content = _unit_text(text, following.unit)
        if (following.role == "body" and following.unit.n_lines == 1 and first + 2 < len(after)
                and not content.rstrip("\"”’'").endswith(".") and len(content.split()) <= MAX_STANDFIRST_WORDS):
            # (a paragraph ending in a full stop is the story's first, its lede)
            following.role = "standfirst"
            header["standfirst"] = _span(text, following.unit.start, following.unit.end)
    return True


def _next_to_date(text: str, blocks: list[_Block], content_indexes: list[int], position: int) -> bool:
    for neighbour in (position - 1, position + 1):
        if 0 <= neighbour < len(content_indexes):
            found = match_date_line(_unit_text(text, blocks[content_indexes[neighbour]].unit))
            if found and found.has_date:
                return True
    return False


def _assign_front(text: str, blocks: list[_Block], front: list[int], header: dict[str, TextSpan]) -> None:
    for role, index in zip(("title", "standfirst"), front):
        block = blocks[index]
        words = len(_unit_text(text, block.unit).split())
        if role == "title" and (words > MAX_TITLE_WORDS or block.unit.shape == "bullet"):
            return
        block.role = role
        header[role] = _span(text, block.unit.start, block.unit.end)


def _assign_title_only(text: str, blocks: list[_Block], content_indexes: list[int],
                       header: dict[str, TextSpan], *, markdown: bool) -> None:
    """Without byline or date, the first line is the title when it looks like one."""
    if not content_indexes:
        return
    block = blocks[content_indexes[0]]
    content = _unit_text(text, block.unit)
    if block.role == "heading" and block.unit.level == 1:
        block.role = "title"
    elif (block.role == "body" and block.unit.n_lines == 1 and len(content.split()) <= MAX_TITLE_WORDS
          and (not content.endswith((".", ",", ";", ":")) or _is_headline_sentence(text, content, blocks, content_indexes))
          and _starts_capital(content)
          and len(content_indexes) > 1 and not _starts_lower(text, blocks[content_indexes[1]])):
        block.role = "title"
    else:
        return
    header["title"] = _span(text, block.unit.start, block.unit.end)


def _is_headline_sentence(text: str, content: str, blocks: list[_Block], content_indexes: list[int]) -> bool:
    """Whether a first line that ends in a full stop is still a headline ("Mayor jailed for taking bribes."):
    one short sentence (at most MAX_HEADLINE_SENTENCE_WORDS words, no other sentence mark inside) before a
    paragraph at least twice as long and MIN_LEDE_WORDS long, as a report's lede is."""
    words = len(content.split())
    if (not content.endswith(".") or content.endswith("..") or words > MAX_HEADLINE_SENTENCE_WORDS
            or _SENTENCE_MARK_INSIDE.search(content[:-1])):
        return False
    following = len(_unit_text(text, blocks[content_indexes[1]].unit).split()) if len(content_indexes) > 1 else 0
    return following >= max(2 * words, MIN_LEDE_WORDS)


def _mark_author_bio(text: str, blocks: list[_Block], byline: str) -> None:
    """A short closing paragraph that starts with the author's name is a bio, not body."""
    name = _BYLINE_PREFIX.sub("", byline).split(",")[0].strip()
    if len(name.split()) < 2:
        return
    content_blocks = [b for b in blocks if b.role in ("body", "quote")]
    for block in content_blocks[-3:]:
        content = _unit_text(text, block.unit).strip("*_ ")
        if content.startswith(name) and len(content.split()) <= MAX_BIO_WORDS:
            block.role, block.noise_kind = "noise", "other"


def _mark_dates_as_timestamps(text: str, blocks: list[_Block]) -> None:
    """A date or time line outside the header is a timestamp (e.g. in a screenshot)."""
    for block in blocks:
        if block.role == "body" and block.unit.n_lines <= 2 and match_date_line(_unit_text(text, block.unit)):
            block.role, block.noise_kind = "noise", "timestamp"


# --- headings -------------------------------------------------------------------------


def _starts_capital(content: str) -> bool:
    for char in content:
        if char.isalpha():
            return char.isupper() or not char.islower()
        if char.isdigit():
            return True
        if char not in "\"'“‘«¿¡([*_":
            return False
    return False


def _starts_lower(text: str, block: _Block) -> bool:
    content = _unit_text(text, block.unit).lstrip("\"'“‘([*_ ")
    return bool(content) and content[0].islower()


# A turn of an interview transcript ("Q: Are you hopeful?"): a line, never a heading ("NHS: What the
# budget means" may be one).
_TRANSCRIPT_TURN = re.compile(r"(?:Q|A)\s*:\s")


def _is_heading_line(content: str) -> bool:
    words = content.split()
    if not 1 <= len(words) <= MAX_HEADING_WORDS or len(content) > MAX_HEADING_CHARS:
        return False
    if _TRANSCRIPT_TURN.match(content):
        return False
    # (a closing quotation mark or bracket after the stop still ends a sentence: 'Reyes called it "a sham."')
    if content.rstrip("\"'”’»)]*_").endswith((".", ",", ";", ":", "…")) or not _starts_capital(content):
        return False
    if content.endswith(("?", "!")) and len(words) > 12:
        return False
    letters = sum(ch.isalpha() for ch in content)
    return letters >= 0.5 * len(content.replace(" ", ""))


def _mark_headings(text: str, blocks: list[_Block], *, use_plain_rule: bool) -> None:
    """Apply the plain-text heading rule (also to bold-only lines in Markdown)."""
    for index, block in enumerate(blocks):
        if block.role != "body" or block.unit.n_lines != 1:
            continue
        if not use_plain_rule and not block.unit.extra.get("bold"):
            continue
        content = _unit_text(text, block.unit)
        if not _is_heading_line(content):
            continue
        following = _next_content(blocks, index)
        if following is None or following.role not in ("body", "bullet", "quote", "heading"):
            continue
        if following.role == "body" and _starts_lower(text, following):
            continue  # the line is the first half of a paragraph split by a blank line
        block.role = "heading"


def _next_content(blocks: list[_Block], index: int) -> _Block | None:
    for block in blocks[index + 1:]:
        if block.role != "noise":
            return block
    return None


def _mark_sandwiched_noise(text: str, blocks: list[_Block]) -> None:
    """A short line with noise right above and below it is part of a pasted figure."""
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        if block.role not in ("heading", "body") or block.unit.shape != "lines" or block.unit.n_lines != 1:
            continue
        if len(_unit_text(text, block.unit).split()) > MAX_HEADING_WORDS:
            continue
        if blocks[index - 1].role == "noise" and blocks[index + 1].role == "noise":
            block.role, block.noise_kind = "noise", "ui"


# --- assembly -------------------------------------------------------------------------


def _ends_sentence(content: str) -> bool:
    return content.rstrip("*_ ").endswith(_SENTENCE_END)


def _noise_span(text: str, start: int, end: int) -> TextSpan:
    """A noise block without the emphasis markers a caption split may leave at one end."""
    if text[start] in "*_" and text[start] not in text[start + 1:end]:
        start += 1
    if end - start > 1 and text[end - 1] in "*_" and text[end - 1] not in text[start:end - 1]:
        end -= 1
    return _span(text, start, end)


def _assemble(text: str, blocks: list[_Block]) -> tuple[tuple[Section, ...], tuple[Noise, ...]]:
    noise = tuple(
        Noise(span.start, span.end, span.text, b.noise_kind or "other")
        for b in blocks if b.role == "noise" and b.unit.end > b.unit.start
        for span in (_noise_span(text, b.unit.start, b.unit.end),)
    )
    sections: list[tuple[TextSpan | None, list[tuple[int, int, ParagraphKind]]]] = []
    current: list[tuple[int, int, ParagraphKind]] = []
    heading: TextSpan | None = None
    previous: _Block | None = None
    for block in blocks:
        role = block.role
        if role == "heading":
            if heading is not None or current:
                sections.append((heading, current))
            heading, current, previous = _span(text, block.unit.start, block.unit.end), [], None
            continue
        if role not in ("body", "bullet", "quote"):
            previous = None  # never re-join across noise: the paragraph would swallow it
            continue
        start, end = block.unit.start, block.unit.end
        if end <= start:
            continue
        if (role == "body" and previous is not None and previous.role == "body" and current
                and not _ends_sentence(text[current[-1][0]:current[-1][1]]) and _starts_lower(text, block)):
            current[-1] = (current[-1][0], end, "text")  # re-join a paragraph split mid-sentence
        else:
            kind: ParagraphKind = "bullet" if role == "bullet" else "quote" if role == "quote" else "text"
            current.append((start, end, kind))
        previous = block if role == "body" else None
    if heading is not None or current:
        sections.append((heading, current))
    built: list[Section] = []
    counter = 0
    for index, (section_heading, spans) in enumerate(sections):
        paragraphs = []
        for start, end, kind in spans:
            paragraphs.append(Paragraph(counter, start, end, text[start:end], kind))
            counter += 1
        first = section_heading.start if section_heading else spans[0][0]
        last = spans[-1][1] if spans else (section_heading.end if section_heading else first)
        built.append(Section(index, section_heading, first, last, tuple(paragraphs)))
    return tuple(built), noise
