"""Lexicon stage, files: lexicon text or a file (TSV/CSV, JSON, LIWC ``.dic``, word list) -> a validated Lexicon.

Shipped lexicons live in ``lexicons/`` (see its README for the format); user lexicons may
be TSV/CSV (with or without a header), JSON, LIWC ``.dic`` or a plain word list. Every error
names the file and line.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from framing.errors import InputError, LexiconError
from framing.ingest.source import decode_bytes, normalise_newlines
from framing.text.matching import Forms, fold_words
from framing.text.resources import read_data_bytes

DEFAULT_LEXICON = "loaded_language"
COLUMNS = ("term", "category", "weight", "flags", "valence", "note")
_COLUMN_ALIASES = {"case": "flags", "word": "term", "phrase": "term", "cat": "category", "score": "weight"}
MAX_WEIGHT = 10.0
MAX_VALENCE = 4.0
_FLAG_LETTERS = frozenset("sixv")
# A separable idiom is written with a gap: "hold … hostage" finds "held the country hostage"
# ("..." is read as "…"); what the gap may hold is matched in ``framing.stages.lexicon``.
GAP = "…"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One term of a lexicon, as written in its file (``line`` for error messages)."""

    term: str
    category: str
    weight: float = 1.0
    valence: float | None = None
    case_sensitive: bool = False
    forms: Forms = "noun"
    prefix: bool = False
    note: str = ""
    line: int = 0


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A named term list; two lexicons are equal when their name and content hash are."""

    name: str
    entries: tuple[LexiconEntry, ...]
    sha256: str
    path: str | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and (self.name, self.sha256) == (other.name, other.sha256)

    def __hash__(self) -> int:
        return hash((self.name, self.sha256))

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories used, in order of first appearance."""
        return tuple(dict.fromkeys(entry.category for entry in self.entries))


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    """What a category means: default valence, persuasion technique and policy frame."""

    category: str
    valence: float
    technique: str
    frame: str | None
    description: str


# --- parsing --------------------------------------------------------------------------


def parse_lexicon(name: str, source: str, *, path: str | None = None, format: str = "tsv") -> Lexicon:
    """Build a Lexicon from the text of a lexicon file.

    ``format`` is one of ``tsv``, ``csv``, ``json``, ``dic`` (LIWC) and ``txt`` (one term
    per line, category = ``name``). A ``csv`` file may be separated by commas, semicolons
    or tabs (sniffed from its rows); in both delimited formats a first row of column names
    (``term``, ``category``, ...) is a header.

    Raises:
        LexiconError: naming file and line, when a row is malformed, a term is defined
            twice in one category, or the file has no entries.
    """
    where = path or name
    parsers = {"tsv": _parse_delimited, "csv": _parse_delimited, "json": _parse_json, "dic": _parse_dic, "txt": _parse_wordlist}
    if format not in parsers:
        raise LexiconError(f"{where}: unknown lexicon format {format!r}; use one of {', '.join(parsers)}")
    text = normalise_newlines(source.lstrip("\ufeff"))
    if format in ("tsv", "csv"):
        entries = _parse_delimited(text, where, name, delimiter="\t" if format == "tsv" else None)
    else:
        entries = parsers[format](text, where, name)  # type: ignore[operator]
    if not entries:
        raise LexiconError(f"{where}: no entries found; a lexicon needs at least one term")
    _reject_duplicates(entries, where)
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return Lexicon(name=name, entries=tuple(entries), sha256=digest, path=path)


def _reject_duplicates(entries: list[LexiconEntry], where: str) -> None:
    seen: dict[tuple[str, str], int] = {}
    for entry in entries:
        key = (term_key(entry), entry.category)
        if key in seen:
            raise LexiconError(
                f"{where}:{entry.line}: term {entry.term!r} is already in category {entry.category!r} "
                f"(line {seen[key]}); remove one of the two lines"
            )
        seen[key] = entry.line


def term_key(entry: LexiconEntry) -> str:
    """The form two entries share when they are the same term: folded words, gap and prefix mark kept."""
    key = f" {GAP} ".join(" ".join(fold_words(part)) for part in entry.term.split(GAP))
    return key + ("*" if entry.prefix else "")


_DELIMITER_NAMES = {"\t": "tab", ";": "semicolon", ",": "comma"}


def _rows(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, _cells(line, delimiter)


def _cells(line: str, delimiter: str) -> list[str]:
    if delimiter == "\t":
        return [cell.strip() for cell in line.split("\t")]
    return [cell.strip() for cell in next(csv.reader(io.StringIO(line), delimiter=delimiter))]


def _sniff_delimiter(text: str) -> str:
    """The delimiter of a ``.csv`` lexicon: whichever of comma, semicolon and tab splits most rows.

    Quoted cells are respected, so a comma inside ``"bully, the"`` does not count; on a tie
    of rows the one making more cells wins, then comma, then semicolon (a one-column file).
    """
    lines = [line for _, line in zip(range(200), _content_lines(text))]
    score: dict[str, tuple[int, int]] = {}
    for delimiter in (",", ";", "\t"):
        widths = [len(_cells(line, delimiter)) for line in lines]
        score[delimiter] = (sum(width > 1 for width in widths), sum(widths))
    return max(score, key=lambda delimiter: score[delimiter])  # max keeps the first of equals


def _content_lines(text: str) -> Iterable[str]:
    return (line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#"))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _parse_delimited(text: str, where: str, name: str, *, delimiter: str | None) -> list[LexiconEntry]:
    """Rows of term, category, weight, ...; ``delimiter=None`` sniffs comma, semicolon or tab."""
    sniffed = delimiter is None
    delimiter = _sniff_delimiter(text) if delimiter is None else delimiter
    rows = list(_rows(text, delimiter))
    if not rows:
        return []
    columns: tuple[str, ...] = COLUMNS
    first_line, first = rows[0]
    named = [_COLUMN_ALIASES.get(cell.lower(), cell.lower()) for cell in first]
    # A first row is a header when it names known columns, or when its weight column holds
    # a word where the next row holds a number ("entry,class,score" over "regime,x,2").
    looks_named = "term" in named or all(column in COLUMNS for column in named if column)
    looks_unnumbered = (len(rows) > 1 and len(first) > 2 and len(rows[1][1]) > 2 and bool(first[2])
                        and not _is_number(first[2]) and _is_number(rows[1][1][2]))
    if first and (looks_named or looks_unnumbered):
        columns = tuple(named)
        unknown = [c for c in columns if c not in COLUMNS]
        if unknown and not looks_named:
            raise LexiconError(
                f"{where}:{first_line}: the third column holds {first[2]!r} where line {rows[1][0]} holds a "
                f"number, so this row looks like a header, but {', '.join(unknown)} are not column names; "
                f"name the columns {', '.join(COLUMNS)} or put a weight (a number) in the third column"
            )
        if unknown:
            raise LexiconError(
                f"{where}:{first_line}: unknown column(s) {', '.join(unknown)} in the header; "
                f"expected some of {', '.join(COLUMNS)}"
            )
        rows = rows[1:]
    separator = _DELIMITER_NAMES[delimiter]
    lines = text.split("\n")
    widths = {len(cells) for _, cells in rows}
    entries = []
    for number, cells in rows:
        if len(cells) > len(columns):
            if any(cells[len(columns):]):
                raise LexiconError(
                    f"{where}:{number}: {len(cells)} columns, expected at most {len(columns)} "
                    f"({', '.join(columns)}) separated by {separator}s; check for a stray {separator}"
                )
        if sniffed and len(cells) == 1 and max(widths) > 1 and '"' not in lines[number - 1]:
            _reject_other_separator(cells[0], where, number, delimiter, columns)
        record = dict(zip(columns, cells))
        entries.append(_entry(record, where, number, default_category=name))
    return entries


def _reject_other_separator(cell: str, where: str, line: int, delimiter: str, columns: Sequence[str]) -> None:
    """A one-cell row in a file of several columns must not hide another separator."""
    for other, other_name in _DELIMITER_NAMES.items():
        if other != delimiter and len(_cells(cell, other)) > 1:
            shown = "<TAB>" if delimiter == "\t" else delimiter
            raise LexiconError(
                f"{where}:{line}: this row is separated by {other_name}s but the file by "
                f"{_DELIMITER_NAMES[delimiter]}s; expected {shown.join(columns[:3])} (one separator throughout)"
            )


def _entry(record: dict[str, str], where: str, line: int, *, default_category: str) -> LexiconEntry:
    term = record.get("term", "").strip()
    if not term:
        raise LexiconError(f"{where}:{line}: empty term; every row needs a term in the first column")
    if "\t" in term:
        raise LexiconError(
            f"{where}:{line}: term {term!r} contains a tab; columns are term, category, weight, "
            "separated by one delimiter throughout (tab, comma or semicolon)"
        )
    prefix = term.endswith("*")
    # "..." or "…" between words is a gap; at either end it is punctuation ("wait...")
    core = " ".join(term.rstrip("*").replace("...", GAP).replace(GAP, f" {GAP} ").split()).strip(f" {GAP}")
    if "*" in core or not fold_words(core):
        raise LexiconError(
            f"{where}:{line}: term {term!r} has no letters or digits to match "
            "(or a '*' that is not at the end); terms are literal words, not patterns"
        )
    if GAP in core and (prefix or core.count(GAP) > 1 or not all(fold_words(part) for part in core.split(GAP))):
        raise LexiconError(
            f"{where}:{line}: term {term!r}: an idiom has one gap '…' (or '...') between words "
            "(\"hold … hostage\"), and a prefix term ('abus*') has none"
        )
    category = (record.get("category") or "").strip() or default_category
    weight = _number(record.get("weight"), where, line, "weight", default=1.0, low=0.0, high=MAX_WEIGHT, open_low=True)
    valence_text = (record.get("valence") or "").strip()
    valence = None if not valence_text else _number(valence_text, where, line, "valence", default=0.0, low=-MAX_VALENCE, high=MAX_VALENCE)
    flags = (record.get("flags") or "").strip().lower().replace(",", "").replace(" ", "")
    if flags in ("-", "none"):
        flags = ""
    if flags in ("cs", "case", "sensitive"):
        flags = "s"
    if not set(flags) <= _FLAG_LETTERS:
        raise LexiconError(
            f"{where}:{line}: flags {flags!r} not understood; use letters s (case-sensitive), "
            "i (case-insensitive), x (exact, no inflection), v (verb forms)"
        )
    forms: Forms = "exact" if "x" in flags else "verb" if "v" in flags else "noun"
    return LexiconEntry(
        term=core, category=category, weight=weight, valence=valence, case_sensitive="s" in flags,
        forms=forms, prefix=prefix, note=(record.get("note") or "").strip(), line=line,
    )


def _number(text: str | None, where: str, line: int, what: str, *, default: float, low: float,
            high: float, open_low: bool = False) -> float:
    if text is None or not str(text).strip():
        return default
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise LexiconError(f"{where}:{line}: {what} {text!r} is not a number") from None
    too_low = value <= low if open_low else value < low
    if not math.isfinite(value) or too_low or value > high:
        bound = f"greater than {low:g}" if open_low else f"at least {low:g}"
        raise LexiconError(f"{where}:{line}: {what} {value:g} out of range; expected {bound} and at most {high:g}")
    return value


def _parse_wordlist(text: str, where: str, name: str) -> list[LexiconEntry]:
    return [_entry({"term": cells[0]}, where, number, default_category=name) for number, cells in _rows(text, "\t")]


def _parse_json(text: str, where: str, name: str) -> list[LexiconEntry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconError(f"{where}:{error.lineno}: invalid JSON ({error.msg})") from None
    records: list[dict[str, str]] = []
    if isinstance(data, list):
        for position, item in enumerate(data, start=1):
            if isinstance(item, str):
                records.append({"term": item})
            elif isinstance(item, dict):
                records.append({k: "" if v is None else str(v) for k, v in item.items()})
            else:
                raise LexiconError(f"{where}: entry {position} is {type(item).__name__}; expected a string or an object with 'term'")
    elif isinstance(data, dict):
        for category, terms in data.items():
            if isinstance(terms, list) and all(isinstance(t, str) for t in terms):
                records.extend({"term": t, "category": category} for t in terms)
            elif isinstance(terms, dict):
                records.append({"term": category, **{k: "" if v is None else str(v) for k, v in terms.items()}})
            else:
                raise LexiconError(
                    f"{where}: key {category!r} must map to a list of terms or to an object "
                    "with category/weight"
                )
    else:
        raise LexiconError(f"{where}: top level must be a list or an object, got {type(data).__name__}")
    entries = []
    for position, record in enumerate(records, start=1):
        unknown = set(record) - set(COLUMNS)
        if unknown:
            raise LexiconError(f"{where}: entry {position} has unknown key(s) {', '.join(sorted(unknown))}")
        entries.append(_entry(record, f"{where} entry", position, default_category=name))
    return entries


def _parse_dic(text: str, where: str, name: str) -> list[LexiconEntry]:
    """LIWC-style: a ``%``-fenced block of ``number<TAB>category``, then ``word<TAB>numbers``."""
    lines = text.split("\n")
    fences = [i for i, line in enumerate(lines) if line.strip() == "%"]
    if len(fences) < 2:
        raise LexiconError(f"{where}:1: a LIWC .dic file starts with a category block between two '%' lines")
    categories: dict[str, str] = {}
    for i in range(fences[0] + 1, fences[1]):
        cells = lines[i].split()
        if not cells:
            continue
        if len(cells) < 2:
            raise LexiconError(f"{where}:{i + 1}: expected 'number<TAB>category', got {lines[i]!r}")
        categories[cells[0]] = cells[1]
    entries = []
    for i in range(fences[1] + 1, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        parts = line.rstrip().split("\t") if "\t" in line else line.split()
        term, numbers = parts[0].strip(), [n for p in parts[1:] for n in p.split()]
        if not numbers:
            raise LexiconError(f"{where}:{i + 1}: word {term!r} has no category numbers")
        for number in numbers:
            if number not in categories:
                raise LexiconError(f"{where}:{i + 1}: category number {number} is not declared in the '%' block")
            entries.append(_entry({"term": term, "category": categories[number]}, where, i + 1, default_category=name))
    return entries


# --- loading --------------------------------------------------------------------------

_SUFFIX_FORMATS = {".tsv": "tsv", ".tab": "tsv", ".csv": "csv", ".json": "json", ".dic": "dic", ".txt": "txt"}


def read_lexicon(path: str | os.PathLike[str]) -> Lexicon:
    """Read a user lexicon file; its format comes from the suffix.

    Its name is the file name with suffix (``housing.csv``), so ``housing.csv`` and
    ``housing.dic`` stay two lexicons; terms without a category take the stem (``housing``).

    Raises:
        InputError: when the file is missing or unreadable.
        LexiconError: when its content is malformed (with file and line).
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{file}: no such lexicon file" + (" (it is a directory)" if file.is_dir() else ""))
    text_format = _SUFFIX_FORMATS.get(file.suffix.lower())
    if text_format is None:
        raise LexiconError(f"{file}: unknown lexicon suffix {file.suffix!r}; use one of {', '.join(_SUFFIX_FORMATS)}")
    try:
        text, _ = decode_bytes(file.read_bytes(), name=str(file))
    except InputError as error:
        raise LexiconError(str(error)) from None
    return replace(parse_lexicon(file.stem, text, path=str(file), format=text_format), name=file.name)


@cache
def load_lexicon(name: str = DEFAULT_LEXICON) -> Lexicon:
    """Load a lexicon that ships with framing (``loaded_language``, ``frames/policy_frames``)."""
    try:
        data = read_data_bytes(f"{name}.tsv")
    except FileNotFoundError:
        raise LexiconError(f"no shipped lexicon named {name!r}") from None
    return parse_lexicon(name.rsplit("/", 1)[-1], data.decode("utf-8"), path=f"lexicons/{name}.tsv")


@cache
def load_categories() -> dict[str, CategoryInfo]:
    """The shipped category table (``lexicons/categories.tsv``)."""
    where = "lexicons/categories.tsv"
    table: dict[str, CategoryInfo] = {}
    rows = list(_rows(read_data_bytes("categories.tsv").decode("utf-8"), "\t"))
    for number, cells in rows[1:]:
        if len(cells) != 5:
            raise LexiconError(f"{where}:{number}: expected 5 columns (category, valence, technique, frame, description)")
        category, valence, technique, frame, description = cells
        table[category] = CategoryInfo(
            category, _number(valence, where, number, "valence", default=0.0, low=-MAX_VALENCE, high=MAX_VALENCE),
            technique, None if frame in ("", "-") else frame, description,
        )
    return table


# Names other lexicon-like inputs already use in ``Report.lexicons`` (the gazetteer and the
# frame lexicon), so a user lexicon never takes them.
RESERVED_NAMES = frozenset({"actors", "policy_frames"})


def resolve_lexicons(extra: Sequence[str | os.PathLike[str] | Lexicon] = (), *, default: bool = True) -> tuple[Lexicon, ...]:
    """The shipped lexicon (unless ``default`` is False) followed by the user's, each under a unique name.

    The same lexicon given twice is kept once. A name already taken becomes longer by the
    folders of the lexicon's path (``b/housing.csv``), else gets a number (``housing.csv#2``),
    so the names depend only on the order of ``extra``.
    """
    lexicons = [load_lexicon()] if default else []
    for item in extra:
        lexicon = item if isinstance(item, Lexicon) else read_lexicon(item)
        if lexicon in lexicons:
            continue
        taken = RESERVED_NAMES | {known.name for known in lexicons}
        if lexicon.name in taken:
            lexicon = replace(lexicon, name=_unique_name(lexicon, taken))
        lexicons.append(lexicon)
    return tuple(lexicons)


def _unique_name(lexicon: Lexicon, taken: frozenset[str]) -> str:
    folder = Path(lexicon.path).parent if lexicon.path else Path()
    parts = [part for part in folder.parts if part != folder.anchor]
    for depth in range(1, len(parts) + 1):
        candidate = "/".join((*parts[-depth:], lexicon.name))
        if candidate not in taken:
            return candidate
    number = 2
    while f"{lexicon.name}#{number}" in taken:
        number += 1
    return f"{lexicon.name}#{number}"
