"""Lexicon stage: load and validate term lists, compile one automaton, find loaded terms.

Shipped lexicons live in ``lexicons/`` (see its README for the format); user lexicons may
be TSV/CSV (with or without a header), JSON, LIWC ``.dic`` or a plain word list.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from framing.errors import InputError, LexiconError
from framing.ingest.source import decode_bytes, normalise_newlines
from framing.model import Quote, Sentence, TermHit
from framing.text.matching import (
    PHRASAL_PARTICLES,
    FoldedSpan,
    Forms,
    Phrase,
    PhraseIndex,
    PhraseMatch,
    SubstringSet,
    fold_words,
    verb_forms,
)
from framing.text.resources import read_data_bytes
from framing.text.spans import SpanIndex

DEFAULT_LEXICON = "loaded_language"
COLUMNS = ("term", "category", "weight", "flags", "valence", "note")
# Stance markers: hedges, boosters and attribution verbs are matched with the lexicon but
# reported as their own layer (`markers`), never as loaded terms or in loadedness:
# annotators of loaded language almost never mark them (precision 0.04-0.10 on PTC).
MARKER_CATEGORIES = frozenset({"hedge", "booster", "attribution_verb"})
# Words put in quotation marks to distance the author (found by rule in the pipeline, no terms). A
# negation before one is its distancing cue ('were not "evacuated"'), so it is never marked negated.
SCARE_QUOTE_CATEGORY = "scare_quote"
_COLUMN_ALIASES = {"case": "flags", "word": "term", "phrase": "term", "cat": "category", "score": "weight"}
MAX_WEIGHT = 10.0
MAX_VALENCE = 4.0
_FLAG_LETTERS = frozenset("sixv")
# A separable idiom is written with a gap: "hold … hostage" finds "held the country hostage".
# The gap takes up to GAP_WORDS words of one clause ("..." is read as "…"); no punctuation or
# clause word ("and", "that", "who") may stand in it, so the idiom never spans two clauses.
# Three words hold the objects such idioms take ("the whole road", "Kyiv's energy grid").
# Before a lone particle ("sold … out") it takes two: "out" and "up" end many other phrases
# ("the man who sold Vegas shooter ammo speaks out").
GAP = "…"
GAP_WORDS = 3
GAP_WORDS_BEFORE_PARTICLE = 2
GAP_STOPS = frozenset(
    "and or but nor that which who whom whose when while because if then than so as yet "
    "is are was were be been being".split()
)


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


class IdiomFilter:
    """Which idiom heads of a folded span can begin an idiom, told from the span's words.

    Most heads are common words ("in … crosshairs", "have … over a barrel"): of the hundreds
    of heads a text holds, a handful has its tail after it. A tail pattern matches only where
    the span holds the idiom's longest tail word (its key, folded and padded: " crosshairs "),
    so a head whose key the span lacks is left out, and a span in which no key stands with
    the first word of a head of its idioms is not searched for heads at all.

    ``idioms`` are those of the head index searched; without them (None) every head is kept.
    """

    def __init__(self, idioms: Iterable[LexiconEntry] | None = None) -> None:
        self._keys: dict[str, str] = {}  # idiom term -> key
        head_words: dict[str, set[str]] = {}  # key -> first words of its idioms' heads
        self._keeps_all = idioms is None  # (and when an idiom has no key)
        for entry in idioms or ():
            key = _tail_key(entry.term)
            if key is None:
                self._keeps_all = True
                continue
            self._keys[entry.term] = key
            firsts = head_words.setdefault(key, set())
            firsts.update(words[0] for phrase in _head_phrases(entry) if (words := fold_words(phrase.text)))
        self._head_words = {key: frozenset(words) for key, words in head_words.items()}
        self._tail_words = SubstringSet(self._head_words)

    def heads(self, index: PhraseIndex[tuple[LexiconEntry, str]],
              span: FoldedSpan) -> list[PhraseMatch[tuple[LexiconEntry, str]]]:
        """The matches of the head ``index`` in ``span`` whose idiom's key the span holds."""
        if not len(index):
            return []
        if self._keeps_all or _CASE_TRAPS.search(span.folded):
            return index.find_folded(span)
        present = self._tail_words.found_in(span.folded)
        if all(self._head_words[key].isdisjoint(span.words) for key in present):
            return []  # most spans
        return [found for found in index.find_folded(span) if self._keys[found.payload[0].term] in present]


def _tail_key(term: str) -> str | None:
    """An idiom's longest tail word as a folded span holds it (" hostage "); None if it is not ASCII.

    The tail pattern sets the word off as a whole word, and matched case-insensitively an
    ASCII word is written in its letters' lower or upper case (or with one of ``_CASE_TRAPS``):
    where the pattern matches, the folded span holds the key.
    """
    word = max(term.partition(GAP)[2].split(), key=len, default="")
    folded = fold_words(word)
    return f" {' '.join(folded)} " if folded and word.isascii() else None


# The letters Python's ``re`` matches case-insensitively to an ASCII letter though their lower
# case is not that letter (dotted and dotless i, long s); "K", the Kelvin sign, lowers to "k".
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")


@dataclass(frozen=True, eq=False)
class CompiledLexicons:
    """Lexicons compiled into one phrase index, with their category table."""

    lexicons: tuple[Lexicon, ...]
    index: PhraseIndex[tuple[LexiconEntry, str]] = field(repr=False)
    categories: dict[str, CategoryInfo] = field(repr=False)
    # Idioms with a gap: their heads in an index of their own (a head never hides, shortens or
    # un-inflects a term of the main index), per term the pattern of its gap and tail, and the
    # filter that leaves out the heads whose tail word a span lacks.
    idiom_heads: PhraseIndex[tuple[LexiconEntry, str]] = field(repr=False, default_factory=lambda: PhraseIndex([]))
    idiom_tails: dict[str, re.Pattern[str]] = field(repr=False, default_factory=dict)
    idiom_filter: IdiomFilter = field(repr=False, default_factory=IdiomFilter)

    @property
    def hashes(self) -> dict[str, str]:
        """Lexicon name -> sha256 of its content, to make a result reproducible."""
        return {lexicon.name: lexicon.sha256 for lexicon in self.lexicons}


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
        key = (_term_key(entry), entry.category)
        if key in seen:
            raise LexiconError(
                f"{where}:{entry.line}: term {entry.term!r} is already in category {entry.category!r} "
                f"(line {seen[key]}); remove one of the two lines"
            )
        seen[key] = entry.line


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


@lru_cache(maxsize=32)
def compile_lexicons(lexicons: tuple[Lexicon, ...]) -> CompiledLexicons:
    """Compile lexicons into one automaton (cached per process and lexicon set).

    A term in a later lexicon replaces the same term of an earlier one, so a user
    lexicon can re-weight or re-categorise a shipped term.
    """
    latest: dict[str, tuple[LexiconEntry, str]] = {}
    multi: list[tuple[LexiconEntry, str]] = []
    for lexicon in lexicons:
        folded_here: set[str] = set()
        for entry in lexicon.entries:
            key = _term_key(entry)
            if key in folded_here:
                multi.append((entry, lexicon.name))  # same term, another category of this lexicon
                continue
            folded_here.add(key)
            latest[key] = (entry, lexicon.name)
    kept = [*latest.values(), *multi]
    plain = [(Phrase(entry.term, entry.case_sensitive, entry.forms, entry.prefix), (entry, name))
             for entry, name in kept if GAP not in entry.term]
    heads = [(phrase, (entry, name)) for entry, name in kept if GAP in entry.term for phrase in _head_phrases(entry)]
    tails = {entry.term: _idiom_tail(entry) for entry, _ in kept if GAP in entry.term}
    return CompiledLexicons(lexicons, PhraseIndex(plain), load_categories(), PhraseIndex(heads), tails,
                            IdiomFilter([entry for entry, _ in kept if GAP in entry.term]))


def _term_key(entry: LexiconEntry) -> str:
    """The form two entries share when they are the same term: folded words, gap and prefix mark kept."""
    key = f" {GAP} ".join(" ".join(fold_words(part)) for part in entry.term.split(GAP))
    return key + ("*" if entry.prefix else "")


def _head_phrases(entry: LexiconEntry) -> list[Phrase]:
    """An idiom's head in each of its forms: with ``v``, its first word (the verb) inflects.

    The forms are written out, so that the head of "holding … to ransom" does not hide the
    "holding" of "hold … hostage" (a written phrase wins over a generated form).
    """
    words = entry.term.partition(GAP)[0].split()
    verbs = {words[0], *verb_forms(words[0])} if entry.forms == "verb" else {words[0]}
    return [Phrase(" ".join([verb, *words[1:]]), entry.case_sensitive, "exact") for verb in sorted(verbs)]


# The gap's words: letters first, then letters, digits, apostrophes, hyphens ("Kyiv's", "so-called").
_GAP_WORD = r"[^\W\d_][\w'’-]*"
_GAP_STOPS = "|".join(sorted(GAP_STOPS))


def _idiom_tail(entry: LexiconEntry) -> re.Pattern[str]:
    """What must follow an idiom's head: up to GAP_WORDS words of one clause, then its tail words."""
    tail_words = entry.term.partition(GAP)[2].split()
    tail = r"\s+".join(re.escape(word) for word in tail_words)
    most = GAP_WORDS_BEFORE_PARTICLE if len(tail_words) == 1 and tail_words[0].lower() in PHRASAL_PARTICLES else GAP_WORDS
    return re.compile(
        rf"(?:\s+(?!(?i:{_GAP_STOPS})\b){_GAP_WORD}){{0,{most}}}?\s+{tail}(?![\w'’-])",
        0 if entry.case_sensitive else re.IGNORECASE,
    )


# --- matching -------------------------------------------------------------------------

# Words that negate a term within the few words before it ("not a protection racket").
NEGATORS = frozenset(
    """
    not no never neither nor without hardly scarcely barely nothing none nobody cannot
    isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't
    hasn't haven't hadn't ain't
    """.split()
)
# How many words before a term a negator may stand (VADER looks three words back).
NEGATION_WINDOW = 3
# Three words fit in this many characters; looking further back only costs time.
NEGATION_REACH_CHARS = 80


def match_terms(text: str, compiled: CompiledLexicons, start: int = 0, end: int | None = None, *,
                folded: FoldedSpan | None = None) -> tuple[TermHit, ...]:
    """Find every whole-word occurrence of any lexicon term in ``text[start:end]``.

    ``folded`` is that span already folded for matching (``FoldedSpan(text, start, end)``),
    when other indexes search it too.
    """
    span = folded or FoldedSpan(text, start, end)
    matches = compiled.index.find_folded(span)
    heads = compiled.idiom_filter.heads(compiled.idiom_heads, span)
    if not matches and not heads:
        return ()  # most spans the pipeline asks about
    hits = [_hit(text, found.start, found.end, *found.payload, compiled.categories) for found in matches]
    idioms = []
    for found in heads:
        entry, lexicon_name = found.payload
        tail = compiled.idiom_tails[entry.term].match(text, found.end, span.start + len(span.chunk))
        if tail is not None:  # a head alone ("held") is no idiom
            idioms.append(_hit(text, found.start, tail.end(), entry, lexicon_name, compiled.categories))
    if idioms:
        hits = _with_idioms(hits, idioms)
    return merge_compounds(text, hits)


def _hit(text: str, start: int, end: int, entry: LexiconEntry, lexicon_name: str,
         categories: Mapping[str, CategoryInfo]) -> TermHit:
    info = categories.get(entry.category)
    valence = entry.valence if entry.valence is not None else info.valence if info else 0.0
    return TermHit(start=start, end=end, text=text[start:end], term=entry.term, category=entry.category,
                   weight=entry.weight, valence=valence, lexicon=lexicon_name)


def _with_idioms(hits: list[TermHit], idioms: list[TermHit]) -> list[TermHit]:
    """Idioms found across a gap, in place of the hits they overlap ("hold" … "ransom").

    Of overlapping idioms the first (then the longest) is kept. An idiom that covers just what a
    phrase of its own lexicon covers gives way to it: "pulls the strings", written out, is the more
    specific entry than "pull … strings" (a user's idiom still wins over a shipped phrase).
    """
    written_out = {(hit.start, hit.end, hit.lexicon) for hit in hits}
    kept: list[TermHit] = []
    for idiom in sorted(idioms, key=lambda hit: (hit.start, -hit.end)):
        if (idiom.start, idiom.end, idiom.lexicon) in written_out:
            continue
        if not kept or idiom.start >= kept[-1].end:
            kept.append(idiom)
    taken = SpanIndex(kept)
    return [hit for hit in hits if not taken.overlaps(hit.start, hit.end)] + kept


# A compound of two loaded words of one category ("Banderite regime") is one term,
# a little heavier than its heaviest part, and never heavier than the scale's top.
COMPOUND_BONUS = 0.5
MAX_SHIPPED_WEIGHT = 3.0


def merge_compounds(text: str, hits: Sequence[TermHit]) -> tuple[TermHit, ...]:
    """Join hits of the same category that follow each other with only a space between."""
    if len(hits) < 2:
        return tuple(hits)  # most spans with a hit
    merged: list[TermHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        previous = merged[-1] if merged else None
        if (previous is not None and previous.category == hit.category and previous.lexicon == hit.lexicon
                and joins_compound(text, previous.end, hit.start)
                and GAP not in previous.term and GAP not in hit.term):  # an idiom stays one idiom
            merged[-1] = TermHit(
                start=previous.start, end=hit.end, text=text[previous.start:hit.end],
                term=f"{previous.term} {hit.term}", category=hit.category,
                weight=compound_weight(previous.weight, hit.weight),
                valence=max(previous.valence, hit.valence, key=abs), lexicon=hit.lexicon,
            )
            continue
        merged.append(hit)
    return tuple(merged)


def joins_compound(text: str, first_end: int, second_start: int) -> bool:
    """Whether two terms of one category, the first ending where the second starts but for
    just a space, are written as one compound ("corrupt elite")."""
    return first_end < second_start and text[first_end:second_start] in (" ", "\u00a0")


def compound_weight(first: float, second: float) -> float:
    """The weight of two terms joined as a compound: a little more than the heavier's."""
    return min(MAX_SHIPPED_WEIGHT, max(first, second) + COMPOUND_BONUS)


def annotate_hits(text: str, hits: Iterable[TermHit], sentences: Sequence[Sentence],
                  quotes: Sequence[Quote], speakers: Mapping[int, str] | None = None) -> tuple[TermHit, ...]:
    """Mark each hit as negated, quoted (with its speaker) or inside a question.

    ``speakers`` maps a quote's start offset to its resolved speaker name; without it the
    speaker is the name as written.
    """
    sentence_index = SpanIndex(sentences)
    quote_index = SpanIndex(quotes)
    annotated = []
    questions: dict[int, bool] = {}  # sentence start -> whether it asks (sentences can be megabytes long)
    for hit in hits:
        sentence = sentence_index.at(hit.start)
        quote = quote_index.at(hit.start)
        speaker = None
        if quote is not None:
            speaker = (speakers or {}).get(quote.start) or (quote.speaker.text if quote.speaker else None)
        negated = hit.category != SCARE_QUOTE_CATEGORY and _is_negated(text, hit, sentence)
        question = sentence is not None and _asks(sentence, questions)
        if quote is None and not negated and not question and _is_unannotated(hit):
            annotated.append(hit)  # most hits: nothing to mark, and records are immutable, so it is kept
            continue
        annotated.append(TermHit(  # every field named: no dataclasses.replace per hit
            hit.start, hit.end, hit.text, term=hit.term, category=hit.category, weight=hit.weight, valence=hit.valence,
            lexicon=hit.lexicon, negated=negated, in_quote=quote is not None, speaker=speaker,
            question=question, source=hit.source, confidence=hit.confidence,
        ))
    return tuple(annotated)


def _is_unannotated(hit: TermHit) -> bool:
    """Whether a hit still has the annotation fields' defaults (as every finder makes it)."""
    return hit.negated is False and hit.in_quote is False and hit.speaker is None and hit.question is False


def _asks(sentence: Sentence, known: dict[int, bool]) -> bool:
    found = known.get(sentence.start)
    if found is None:
        found = known[sentence.start] = sentence.text.rstrip(" \"'”’)").endswith("?")
    return found


def _is_negated(text: str, hit: TermHit, sentence: Sentence | None) -> bool:
    left = max(sentence.start if sentence else 0, hit.start - NEGATION_REACH_CHARS)
    before = fold_words(text[left:hit.start].replace("n't", " not").replace("n’t", " not"))
    return not NEGATORS.isdisjoint(before[-NEGATION_WINDOW:])


SENSE_RULES_FILE = "senses.tsv"
_WORD_BEFORE = re.compile(r"([\w'’-]+)[^\w\n]{0,3}$")
_WORD_AFTER = re.compile(r"^[^\w\n]{0,3}([\w'’-]+)")


@dataclass(frozen=True, slots=True)
class SenseRule:
    """Where a loaded term is plain: a word right before or after it ("tax regime", "corrupt file"),
    or, for an idiom, a word in its gap ("held two engineers hostage": real captives)."""

    term: str
    side: str  # "before" | "after" | "gap"
    words: frozenset[str]


def parse_sense_rules(source: str, *, path: str = "lexicons/senses.tsv") -> dict[str, tuple[SenseRule, ...]]:
    """Sense rules by term from TSV text (term, side, words, note; '#' comments, a header row).

    Raises:
        LexiconError: naming the line, for a wrong column count or an unknown side.
    """
    rules: dict[str, list[SenseRule]] = {}
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if cells[:3] == ["term", "side", "words"]:
            continue
        if len(cells) < 3 or not cells[0] or not cells[2]:
            raise LexiconError(f"{path}:{number}: expected term<TAB>side<TAB>words[<TAB>note], got {line!r}")
        if cells[1] not in ("before", "after", "gap"):
            raise LexiconError(f"{path}:{number}: side must be 'before', 'after' or 'gap', got {cells[1]!r}")
        if cells[1] == "gap" and GAP not in cells[0]:
            raise LexiconError(f"{path}:{number}: a 'gap' rule needs an idiom with a gap ('hold … hostage'), got {cells[0]!r}")
        words = frozenset(word.strip().lower() for word in cells[2].split("|") if word.strip())
        rules.setdefault(cells[0].lower(), []).append(SenseRule(cells[0].lower(), cells[1], words))
    return {term: tuple(found) for term, found in rules.items()}


@cache
def load_sense_rules() -> dict[str, tuple[SenseRule, ...]]:
    """The shipped sense rules (``lexicons/senses.tsv``), parsed once per process."""
    return parse_sense_rules(read_data_bytes(SENSE_RULES_FILE).decode("utf-8"))


def split_plain_senses(text: str, hits: Sequence[TermHit], rules: Mapping[str, tuple[SenseRule, ...]]
                       ) -> tuple[tuple[TermHit, ...], tuple[tuple[int, int], ...]]:
    """The hits a sense rule leaves loaded, and the spans it made plain (term plus the deciding word).

    The plain spans ("bubonic plague", "heart attack") are where no other loaded-term finder
    may fire either.
    """
    kept = []
    plain_spans = []
    for hit in hits:
        plain = _plain_span(text, hit.start, hit.end, rules.get(hit.term, ()))
        if plain is None:
            kept.append(hit)
        else:
            plain_spans.append(plain)
    return tuple(kept), tuple(plain_spans)


_RULE_WORD = re.compile(r"[\w'’-]+")


def plain_sense_spans(text: str, start: int, end: int,
                      rules: Mapping[str, tuple[SenseRule, ...]]) -> tuple[tuple[int, int], ...]:
    """Spans in ``text[start:end]`` where a sense rule's term stands in its plain sense, with the deciding word.

    Unlike ``split_plain_senses`` this reads the words themselves, so it also covers rule
    terms no lexicon lists ("heart attack", "computer virus"); a plural ("cancers") counts.
    """
    spans: list[tuple[int, int]] = []
    for match in _RULE_WORD.finditer(text, max(0, start), end):
        word = match.group().lower()
        found = rules.get(word) or (rules.get(word[:-1]) if word.endswith("s") else None)
        if not found:
            continue
        plain = _plain_span(text, *match.span(), found)
        if plain is not None:
            spans.append(plain)
    return tuple(spans)


# How far from a term its sense rule's deciding word may stand (it is the next or previous word).
SENSE_REACH_CHARS = 40


def _plain_span(text: str, start: int, end: int, rules: Sequence[SenseRule]) -> tuple[int, int] | None:
    """The term at ``text[start:end]`` with the word that makes it plain, if one of ``rules`` applies."""
    for rule in rules:
        if rule.side == "before":
            near = _WORD_BEFORE.search(text, max(0, start - SENSE_REACH_CHARS), start)
            if near and near.group(1).lower() in rule.words:
                return near.start(1), end
        elif rule.side == "after":
            near = _WORD_AFTER.search(text[end:end + SENSE_REACH_CHARS])
            if near and near.group(1).lower() in rule.words:
                return start, end + near.end(1)
        elif rule.side == "gap" and not rule.words.isdisjoint(_gap_words(rule.term, text[start:end])):
            return start, end
    return None


def _gap_words(term: str, written: str) -> list[str]:
    """The words an idiom's gap holds in ``written`` (its head and tail words left out), lower case."""
    head, _, tail = term.partition(GAP)
    words = [word.lower().removesuffix("'s").removesuffix("’s") for word in _RULE_WORD.findall(written)]
    return words[len(head.split()):len(words) - len(tail.split())]
