"""Build the labelled evaluation sets: marked-up texts in labelled/texts/ -> JSONL with exact offsets.

    python tools/build_labelled.py            # validate, then write labelled/{ner,portrayal,loaded}_<split>.jsonl
    python tools/build_labelled.py --check    # validate only, write nothing
    python tools/build_labelled.py --stats    # also print counts per text and per split

The markup is specified in labelled/GUIDELINES.md. In short, a file is a header block
(``key: value`` lines: id, topic, slant, split, genre), one blank line, then the body, where
``[[surface|TYPE|ROLE]]`` or ``[[surface|TYPE|ROLE|archetype]]`` marks an actor mention
(ROLE may end in ``@q`` for a mention inside a direct quotation) and ``{{...}}`` marks loaded
language; an entity may sit inside a loaded span, nothing else nests or overlaps.

Offsets are Python ``str`` indices into the clean body (the markup removed, every other character
kept), half-open, so ``text[start:end]`` is the surface. Errors name the file and line.
Output is deterministic: texts sorted by id, spans by offset, keys in a fixed order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "labelled" / "texts"
OUT = ROOT / "labelled"

HEADER_KEYS = ("id", "topic", "slant", "split", "genre")
# Written blind to framing and read only to report: no trainer may fit them (tools/train_portrayal_prior.py).
HELD_OUT_SPLITS = ("test2", "test3", "test4", "test5", "test6", "test7")
SPLITS = ("dev", "test", *HELD_OUT_SPLITS)
# test3: written 2026-11-29 (fourth session) by a labeller blind to framing's code and lexicons; read only to report
GENRES = frozenset({"opinion", "wire", "report", "blog"})
TYPES = frozenset({"PER", "ORG", "LOC", "GRP"})
NER_TYPES = frozenset({"PER", "ORG", "LOC"})
ROLES = {"pro": "protagonist", "ant": "antagonist", "inn": "innocent", "-": None}
QUOTE_SUFFIX = "@q"
# Archetypes of the SemEval-2025 Task 10 entity-framing taxonomy (Mahmoud et al. 2025), by main role.
ARCHETYPES: dict[str, frozenset[str]] = {
    "pro": frozenset({"guardian", "martyr", "peacemaker", "rebel", "underdog", "virtuous"}),
    "ant": frozenset({
        "instigator", "conspirator", "tyrant", "foreign adversary", "traitor", "spy", "saboteur",
        "corrupt", "incompetent", "terrorist", "deceiver", "bigot",
    }),
    "inn": frozenset({"forgotten", "exploited", "victim", "scapegoat"}),
}


class MarkupError(ValueError):
    """A labelled text breaks the markup rules; the message starts with ``file:line:``."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention in the clean body."""

    start: int
    end: int
    text: str
    type: str
    role: str  # pro | ant | inn | -
    voice: str  # author | quote
    archetype: str | None
    line: int


@dataclass(frozen=True, slots=True)
class LoadedSpan:
    """One loaded-language span in the clean body."""

    start: int
    end: int
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class LabelledText:
    """One parsed labelled text: header fields, clean body and its spans."""

    id: str
    topic: str
    slant: str
    split: str
    genre: str
    text: str
    mentions: tuple[Mention, ...]
    loaded: tuple[LoadedSpan, ...]
    source: str


def _fail(source: str, line: int, message: str) -> MarkupError:
    return MarkupError(f"{source}:{line}: {message}")


def _parse_header(lines: Sequence[str], source: str) -> tuple[dict[str, str], int]:
    """Read ``key: value`` lines up to the first blank line; return the fields and the body's first line index."""
    fields: dict[str, str] = {}
    for index, line in enumerate(lines):
        number = index + 1
        if not line.strip():
            missing = [key for key in HEADER_KEYS if key not in fields]
            if missing:
                raise _fail(source, number, f"header lacks {', '.join(missing)} (expected keys: {', '.join(HEADER_KEYS)})")
            return fields, index + 1
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not value:
            raise _fail(source, number, f"expected a header line 'key: value', got {line!r}")
        if key not in HEADER_KEYS:
            raise _fail(source, number, f"unknown header key {key!r} (expected one of {', '.join(HEADER_KEYS)})")
        if key in fields:
            raise _fail(source, number, f"header key {key!r} given twice")
        fields[key] = value
    raise _fail(source, len(lines), "no blank line after the header (the body must follow one blank line)")


def _parse_mention(inner: str, start: int, source: str, line: int) -> Mention:
    fields = inner.split("|")
    if len(fields) not in (3, 4):
        raise _fail(source, line, f"entity [[{inner}]] needs 3 or 4 '|'-separated fields (surface|TYPE|ROLE[|archetype]), got {len(fields)}")
    surface, kind, role_field = fields[0], fields[1].strip(), fields[2].strip()
    archetype = fields[3].strip() if len(fields) == 4 else None
    if not surface.strip():
        raise _fail(source, line, f"entity [[{inner}]] has an empty surface")
    if surface != surface.strip():
        raise _fail(source, line, f"entity surface {surface!r} starts or ends with whitespace; move it outside the brackets")
    if kind not in TYPES:
        raise _fail(source, line, f"entity {surface!r}: unknown TYPE {kind!r} (expected one of {', '.join(sorted(TYPES))})")
    voice = "author"
    role = role_field
    if role.endswith(QUOTE_SUFFIX):
        role, voice = role[: -len(QUOTE_SUFFIX)], "quote"
    if role not in ROLES:
        raise _fail(source, line, f"entity {surface!r}: unknown ROLE {role_field!r} (expected pro, ant, inn or -, optionally with @q)")
    if archetype is not None:
        if role == "-":
            raise _fail(source, line, f"entity {surface!r}: archetype {archetype!r} given for an uncast mention (ROLE -)")
        if archetype not in ARCHETYPES[role]:
            raise _fail(source, line, f"entity {surface!r}: archetype {archetype!r} is not one of the {ROLES[role]} archetypes "
                                      f"({', '.join(sorted(ARCHETYPES[role]))})")
    return Mention(start, start + len(surface), surface, kind, role, voice, archetype, line)


def parse_body(body: str, *, source: str = "<string>", first_line: int = 1) -> tuple[str, tuple[Mention, ...], tuple[LoadedSpan, ...]]:
    """Strip the markup from ``body``; return the clean text, its mentions and its loaded spans.

    ``first_line`` is the file line on which ``body`` starts, so errors name the file's line.

    Raises:
        MarkupError: unbalanced, nested or overlapping markup, an unknown TYPE/ROLE/archetype,
            or a span with surrounding whitespace.
    """
    clean: list[str] = []
    position = 0  # length of the clean text so far
    line = first_line
    mentions: list[Mention] = []
    loaded: list[LoadedSpan] = []
    open_loaded: tuple[int, int] | None = None  # (clean start, line) of an unclosed {{
    i, n = 0, len(body)
    while i < n:
        if body.startswith("[[", i):
            close = body.find("]]", i + 2)
            if close < 0:
                raise _fail(source, line, "'[[' is never closed by ']]'")
            inner = body[i + 2 : close]
            if "\n" in inner:
                raise _fail(source, line, "'[[' is not closed by ']]' on the same line")
            for token in ("[[", "{{", "}}"):
                if token in inner:
                    raise _fail(source, line, f"{token!r} inside an entity [[...]]: entities cannot contain other markup")
            mention = _parse_mention(inner, position, source, line)
            mentions.append(mention)
            clean.append(mention.text)
            position = mention.end
            i = close + 2
        elif body.startswith("{{", i):
            if open_loaded is not None:
                raise _fail(source, line, "'{{' inside a loaded span {{...}}: loaded spans cannot nest")
            open_loaded = (position, line)
            i += 2
        elif body.startswith("}}", i):
            if open_loaded is None:
                raise _fail(source, line, "'}}' without an opening '{{'")
            start, _ = open_loaded
            surface = "".join(clean)[start:position]
            if not surface.strip():
                raise _fail(source, line, "empty loaded span {{}}")
            if surface != surface.strip():
                raise _fail(source, line, f"loaded span {surface!r} starts or ends with whitespace; move it outside the braces")
            loaded.append(LoadedSpan(start, position, surface, line))
            open_loaded = None
            i += 2
        elif body.startswith("]]", i):
            raise _fail(source, line, "']]' without an opening '[['")
        else:
            char = body[i]
            if char == "\n":
                if open_loaded is not None:
                    raise _fail(source, open_loaded[1], "'{{' is not closed by '}}' on the same line")
                line += 1
            clean.append(char)
            position += 1
            i += 1
    if open_loaded is not None:
        raise _fail(source, open_loaded[1], "'{{' is never closed by '}}'")
    text = "".join(clean)
    _check_spans(text, mentions, loaded, source)
    return text, tuple(mentions), tuple(loaded)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans between quotation marks, per line: a straight ``"`` toggles, curly U+201C opens, U+201D closes.

    A quotation still open at the end of a line (a quote running on into the next paragraph)
    ends there. The marks themselves are inside the region.
    """
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for index, char in enumerate(text):
        if char == "\n":
            if opened is not None:
                regions.append((opened, index))
                opened = None
        elif char == "\u201c" or (char == '"' and opened is None):
            if opened is None:
                opened = index
        elif char in ('"', "\u201d") and opened is not None:
            regions.append((opened, index + 1))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _in_regions(start: int, end: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(low <= start and end <= high for low, high in regions)


def voice_notes(item: LabelledText) -> list[str]:
    """Author-voice mentions that sit between quotation marks (fine for scare quotes; check the rest)."""
    regions = quote_regions(item.text)
    return [f"{item.source}:{m.line}: note: {m.text!r} is inside quotation marks but has no @q"
            for m in item.mentions if m.voice == "author" and _in_regions(m.start, m.end, regions)]


def _check_spans(text: str, mentions: Sequence[Mention], loaded: Sequence[LoadedSpan], source: str) -> None:
    """Re-check every invariant the JSONL promises (the parser builds them, this proves them)."""
    regions = quote_regions(text)
    for mention in mentions:
        if mention.voice == "quote" and not _in_regions(mention.start, mention.end, regions):
            raise _fail(source, mention.line, f"entity {mention.text!r} is marked @q but is not between quotation marks")
    every: list[Mention | LoadedSpan] = [*mentions, *loaded]
    for span in every:
        if text[span.start : span.end] != span.text:
            raise _fail(source, span.line, f"offset mismatch for {span.text!r}: clean text has {text[span.start:span.end]!r}")
    kinds: tuple[Sequence[Mention | LoadedSpan], ...] = (mentions, loaded)
    for spans in kinds:
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        for before, after in zip(ordered, ordered[1:]):
            if after.start < before.end:
                raise _fail(source, after.line, f"{after.text!r} overlaps {before.text!r}")
    for mention in mentions:
        for span in loaded:
            inside = span.start <= mention.start and mention.end <= span.end
            disjoint = mention.end <= span.start or span.end <= mention.start
            if not (inside or disjoint):
                raise _fail(source, mention.line, f"entity {mention.text!r} straddles the edge of loaded span {span.text!r}")


def parse_labelled(raw: str, *, source: str = "<string>", expected_id: str | None = None) -> LabelledText:
    """Parse one labelled file's content (header, blank line, marked-up body).

    Leading and trailing blank lines of the body are dropped; every other character is kept.

    Raises:
        MarkupError: a malformed header or body; the message names ``source`` and the line.
    """
    raw = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    fields, body_index = _parse_header(lines, source)
    while body_index < len(lines) and not lines[body_index].strip():
        body_index += 1
    body = "\n".join(lines[body_index:]).rstrip()
    if not body:
        raise _fail(source, body_index + 1, "empty body")
    if expected_id is not None and fields["id"] != expected_id:
        raise _fail(source, 1, f"id {fields['id']!r} does not match the file name {expected_id!r}")
    if fields["split"] not in SPLITS:
        raise _fail(source, 1 + list(fields).index("split"), f"split {fields['split']!r} is not one of {', '.join(SPLITS)}")
    if fields["genre"] not in GENRES:
        raise _fail(source, 1 + list(fields).index("genre"), f"genre {fields['genre']!r} is not one of {', '.join(sorted(GENRES))}")
    text, mentions, loaded = parse_body(body, source=source, first_line=body_index + 1)
    return LabelledText(fields["id"], fields["topic"], fields["slant"], fields["split"], fields["genre"],
                        text, mentions, loaded, source)


def read_texts(directory: Path) -> tuple[list[LabelledText], list[str]]:
    """Parse every ``*.txt`` under ``directory``; return the texts (sorted by id) and the error messages."""
    texts: list[LabelledText] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.txt")):
        try:
            item = parse_labelled(path.read_text(encoding="utf-8"), source=str(path), expected_id=path.stem)
        except (MarkupError, UnicodeDecodeError) as error:
            errors.append(str(error) if isinstance(error, MarkupError) else f"{path}:1: not UTF-8 ({error})")
            continue
        if item.id in seen:
            errors.append(f"{path}:1: id {item.id!r} already used by {seen[item.id]}")
            continue
        seen[item.id] = str(path)
        texts.append(item)
    texts.sort(key=lambda t: t.id)
    return texts, errors


def _is_nominal(surface: str) -> bool:
    """A common-noun mention ("the senator", "the minister") has no capital letter."""
    return not any(char.isupper() for char in surface)


def to_records(item: LabelledText) -> dict[str, dict[str, Any]]:
    """The three JSONL records (ner, portrayal, loaded) for one text."""
    mentions = sorted(item.mentions, key=lambda m: (m.start, m.end))
    ner = {
        "id": item.id,
        "text": item.text,
        "entities": [{"start": m.start, "end": m.end, "type": m.type, "nominal": _is_nominal(m.text)}
                     for m in mentions if m.type in NER_TYPES],
    }
    portrayal = {
        "id": item.id,
        "text": item.text,
        "slant": item.slant,
        "genre": item.genre,
        "mentions": [{"start": m.start, "end": m.end, "role": ROLES[m.role], "type": m.type, "voice": m.voice,
                      "archetype": m.archetype} for m in mentions if m.role != "-"],
        "unlabelled": [{"start": m.start, "end": m.end, "type": m.type, "voice": m.voice}
                       for m in mentions if m.role == "-"],
    }
    regions = quote_regions(item.text)
    loaded = {
        "id": item.id,
        "text": item.text,
        "spans": [{"start": s.start, "end": s.end, "in_quote": _in_regions(s.start, s.end, regions)}
                  for s in sorted(item.loaded, key=lambda s: (s.start, s.end))],
    }
    return {"ner": ner, "portrayal": portrayal, "loaded": loaded}


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write one JSON object per line (UTF-8, ``\\n`` line ends)."""
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def build(texts: Sequence[LabelledText], out: Path) -> list[Path]:
    """Write ``{ner,portrayal,loaded}_<split>.jsonl`` for every split into ``out``; return the paths."""
    written: list[Path] = []
    for split in SPLITS:
        records = [to_records(item) for item in texts if item.split == split]
        for kind in ("ner", "portrayal", "loaded"):
            path = out / f"{kind}_{split}.jsonl"
            write_jsonl(path, (record[kind] for record in records))
            written.append(path)
    return written


def stats(texts: Sequence[LabelledText]) -> str:
    """A plain-text table: per text and per split, words, mentions by type and role, loaded spans."""
    header = f"{'id':<34} {'split':<5} {'words':>5} {'PER':>4} {'ORG':>4} {'LOC':>4} {'GRP':>4} " \
             f"{'pro':>4} {'ant':>4} {'inn':>4} {'-':>4} {'@q':>4} {'load':>5}"
    rows = [header]
    totals: dict[str, Counter[str]] = {split: Counter() for split in SPLITS}
    for item in texts:
        counts: Counter[str] = Counter()
        counts["texts"] = 1
        counts["words"] = len(item.text.split())
        counts.update(m.type for m in item.mentions)
        counts.update(m.role for m in item.mentions)
        counts["@q"] = sum(m.voice == "quote" for m in item.mentions)
        counts["load"] = len(item.loaded)
        totals[item.split].update(counts)
        rows.append(_row(item.id, item.split, counts))
    for split in SPLITS:
        rows.append(_row(f"TOTAL ({totals[split]['texts']} texts)", split, totals[split]))
    return "\n".join(rows)


def _row(name: str, split: str, c: Counter[str]) -> str:
    return (f"{name:<34} {split:<5} {c['words']:>5} {c['PER']:>4} {c['ORG']:>4} {c['LOC']:>4} {c['GRP']:>4} "
            f"{c['pro']:>4} {c['ant']:>4} {c['inn']:>4} {c['-']:>4} {c['@q']:>4} {c['load']:>5}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--texts", type=Path, default=TEXTS, help="directory of marked-up *.txt files")
    parser.add_argument("--out", type=Path, default=OUT, help="directory for the JSONL files")
    parser.add_argument("--check", action="store_true", help="validate only; write nothing")
    parser.add_argument("--stats", action="store_true", help="print counts per text and per split")
    args = parser.parse_args(argv)
    texts, errors = read_texts(args.texts)
    for message in errors:
        print(message, file=sys.stderr)
    if errors:
        print(f"{len(errors)} file(s) with errors; nothing written", file=sys.stderr)
        return 1
    if not texts:
        print(f"no *.txt files under {args.texts}", file=sys.stderr)
        return 1
    for item in texts:
        for note in voice_notes(item):
            print(note, file=sys.stderr)
    if args.stats:
        print(stats(texts))
    if args.check:
        print(f"ok: {len(texts)} texts valid")
        return 0
    for path in build(texts, args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
