"""Lexicon stage, word senses: ``lexicons/senses.tsv`` and hits -> the hits left loaded and the spans made plain.

A sense rule names a word right before or after a term, or in an idiom's gap, that shows the
term in its plain sense ("tax regime", "held two engineers hostage").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from framing.errors import LexiconError
from framing.model import TermHit
from framing.stages.lexicon_files import GAP
from framing.text.resources import read_data_bytes

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


# Plain modifiers a rule's deciding word after the term may stand behind ("elite young players",
# "radical new reforms").
NEUTRAL_MODIFIERS = frozenset(
    "young old new top senior junior local national international regional female male women's men's "
    "youth professional amateur".split())
# How far from a term its sense rule's deciding word may stand (it is the next or previous word, or the one
# after a neutral modifier).
SENSE_REACH_CHARS = 40


def _plain_span(text: str, start: int, end: int, rules: Sequence[SenseRule]) -> tuple[int, int] | None:
    """The term at ``text[start:end]`` with the word that makes it plain, if one of ``rules`` applies."""
    for rule in rules:
        if rule.side == "before":
            near = _WORD_BEFORE.search(text, max(0, start - SENSE_REACH_CHARS), start)
            if near and near.group(1).lower() in rule.words:
                return near.start(1), end
        elif rule.side == "after":
            after = end
            near = _WORD_AFTER.search(text[after:after + SENSE_REACH_CHARS])
            if near and near.group(1).lower() in NEUTRAL_MODIFIERS:  # "elite young players": the word after
                after += near.end(1)
                near = _WORD_AFTER.search(text[after:after + SENSE_REACH_CHARS])
            if near and near.group(1).lower() in rule.words:
                return start, after + near.end(1)
        elif rule.side == "gap" and not rule.words.isdisjoint(_gap_words(rule.term, text[start:end])):
            return start, end
    return None


def _gap_words(term: str, written: str) -> list[str]:
    """The words an idiom's gap holds in ``written`` (its head and tail words left out), lower case."""
    head, _, tail = term.partition(GAP)
    words = [word.lower().removesuffix("'s").removesuffix("’s") for word in _RULE_WORD.findall(written)]
    return words[len(head.split()):len(words) - len(tail.split())]
