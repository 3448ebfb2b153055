"""Whole-word phrase matching with one Aho-Corasick automaton (pyahocorasick).

Text is folded to lower-case words joined by single spaces (punctuation, Markdown
escapes, curly quotes and line breaks all become one space), so "Photo\\-op", "photo op"
and "PHOTO-OP" all read ``photo op``. Keys are padded with spaces, so every match is a
whole word sequence; a folded position maps back to the original through word starts.
Inflected forms are generated when the automaton is built, never with a regex.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Generic, Literal, NamedTuple, TypeVar

import ahocorasick

Forms = Literal["exact", "noun", "verb"]
Payload = TypeVar("Payload")

WORD = re.compile(r"[^\W_]+")
# Particles after which a phrasal verb inflects its first word ("lash out" -> "lashed out").
PHRASAL_PARTICLES = frozenset("out up down off on in over away back about around through".split())
_VOWELS = frozenset("aeiou")
_ARTICLES = frozenset(("the", "a", "an"))
# (phrase, text as written) pairs whose case check is remembered: a name recurs through a text.
CASE_CACHE = 16384


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase to find: its words, case rule, which inflections, and prefix (``abus*``) use."""

    text: str
    case_sensitive: bool = False
    forms: Forms = "noun"
    prefix: bool = False


class PhraseMatch(NamedTuple, Generic[Payload]):
    """Where a phrase was found (offsets into the searched text) and what it stands for.

    A named tuple: a span's matches are many and short-lived, and a tuple is made fastest.
    """

    start: int
    end: int
    payload: Payload
    is_generated_form: bool


def fold_words(text: str) -> list[str]:
    """The words of ``text`` in lower case, as the matcher sees them."""
    return _words(_lower(text))


def _words(lowered: str) -> list[str]:
    """``WORD.findall(lowered)``; an ASCII text is split at its other characters instead, which is faster.

    Typeset punctuation (curly quotes, dashes) is made spaces first: most texts then are ASCII.
    """
    if not lowered.isascii():
        for mark in _TYPESET_MARKS:
            if mark in lowered:
                lowered = lowered.replace(mark, " ")
        if not lowered.isascii():
            return WORD.findall(lowered)
    return lowered.translate(_ASCII_GAPS).split()


# Each ASCII character that is no word character (``[\W_]``) to a space.
_ASCII_GAPS = str.maketrans(dict.fromkeys((chr(code) for code in range(128) if not chr(code).isalnum()), " "))
# Non-word characters of typeset text: quotes, dashes, ellipsis, no-break space.
_TYPESET_MARKS = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u00a0"


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def noun_forms(word: str) -> set[str]:
    """Plural forms of a noun (regime -> regimes, racket -> rackets, party -> parties)."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word + "es"}
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return {word[:-1] + "ies"}
    forms = {word + "s"}
    if word.endswith("man") and len(word) > 4:  # henchman -> henchmen
        forms.add(word[:-3] + "men")
    return forms


def verb_forms(word: str) -> set[str]:
    """Third person, past and -ing forms of a verb (demonize -> demonized, rig -> rigged)."""
    forms = noun_forms(word)
    if word.endswith("ie"):
        forms |= {word + "d", word[:-2] + "ying"}
    elif word.endswith("ee"):
        forms |= {word + "d", word + "ing"}
    elif word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        if (len(word) >= 3 and word[-1] not in _VOWELS and word[-1] not in "wxy"
                and word[-2] in _VOWELS and word[-3] not in _VOWELS):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def phrase_variants(phrase: Phrase) -> dict[str, bool]:
    """Folded key -> whether it is a generated (inflected) form rather than the phrase itself."""
    words = fold_words(phrase.text)
    if not words:
        return {}
    variants = {" ".join(words): False}
    if phrase.prefix or phrase.forms == "exact":
        return variants
    inflect_first = phrase.forms == "verb" and len(words) > 1 and words[-1] in PHRASAL_PARTICLES
    position = 0 if inflect_first else len(words) - 1
    make = verb_forms if phrase.forms == "verb" else noun_forms
    for form in make(words[position]):
        variant = " ".join(words[:position] + [form] + words[position + 1:])
        variants.setdefault(variant, True)
    return variants


class PhraseIndex(Generic[Payload]):
    """One automaton over many phrases; ``find`` returns whole-word, leftmost-longest matches.

    Phrases that share a key keep all their payloads (a LIWC word in two categories); a
    phrase written out wins over another phrase's generated form of the same key.
    """

    def __init__(self, phrases: list[tuple[Phrase, Payload]]) -> None:
        keys: dict[str, list[tuple[Phrase, Payload, bool]]] = {}
        for phrase, payload in phrases:
            for variant, generated in phrase_variants(phrase).items():
                keys.setdefault(variant, []).append((phrase, payload, generated))
        self._automaton = ahocorasick.Automaton()
        for key, found in keys.items():
            if any(not generated for _, _, generated in found):
                found = [item for item in found if not item[2]]
            exact = [item for item in found if not item[0].prefix]
            prefix = [item for item in found if item[0].prefix]
            if exact:
                self._automaton.add_word(" " + key + " ", _key(key, exact, is_prefix=False))
            if prefix:
                self._automaton.add_word(" " + key, _key(key, prefix, is_prefix=True))
        self._size = len(keys)
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch[Payload]]:
        """Matches in ``text[start:end]`` with offsets into ``text``.

        Of overlapping matches the leftmost wins, and of those starting together the longest.
        """
        if not self._size:
            return []
        return self.find_folded(FoldedSpan(text, start, end))

    def find_folded(self, span: FoldedSpan) -> list[PhraseMatch[Payload]]:
        """``find`` over a span folded once for several indexes (the pipeline searches each span three times)."""
        if not self._size or not span.words:
            return []
        folded = span.folded
        candidates: list[tuple[int, int, _Key[Payload]]] = []
        for key_end, key in self._automaton.iter(folded):
            if key.is_prefix:  # the key " abus" ends inside a word: the match runs to the word's end
                candidates.append((key_end - key.offset, folded.index(" ", key_end + 1), key))
            else:
                candidates.append((key_end - key.offset, key_end, key))
        if not candidates:
            return []
        if len(candidates) > 1:
            candidates.sort(key=_leftmost_longest)
        word_starts, folded_starts = span.word_starts()
        words, chunk, start = span.words, span.chunk, span.start
        matches: list[PhraseMatch[Payload]] = []
        taken_until = -1
        for inner_start, inner_end, key in candidates:  # the matches kept come in order of start
            if inner_start < taken_until:
                continue
            first = bisect_right(folded_starts, inner_start) - 1
            last = first + key.extra_words
            original_start = word_starts[first]
            original_end = word_starts[last] + len(words[last])
            if key.checks is None:  # one word, no case rule, no final period: every item is kept
                taken_until = inner_end
                matches.extend([PhraseMatch(start + original_start, start + original_end, payload, generated)
                                for payload, generated in key.found])
                continue
            written = chunk[original_start:original_end]
            # a phrase does not run across a sentence end ("the regime. Change …") unless it has one itself
            crossed = _SENTENCE_BREAK.search(written) if key.extra_words else None
            kept = [
                PhraseMatch(start + original_start,
                            start + original_end + (has_period and chunk[original_end:original_end + 1] == "."),
                            payload, generated)
                for phrase, case_sensitive, has_period, payload, generated in key.checks
                if (not case_sensitive or phrase == written or _same_case(phrase, written))
                and (crossed is None or crossed.group()[0] in phrase)
            ]
            if kept:
                taken_until = inner_end
                if len(kept) > 1:
                    kept.sort(key=_END)  # a phrase written with its final period ends after the others
                matches.extend(kept)
        return matches


class _Key(NamedTuple, Generic[Payload]):
    """What the automaton holds for a key: where a match of it starts, and what it stands for.

    ``checks`` is None when a match needs no check (one word, no case rule, no final period);
    otherwise per item its phrase, whether it has a case rule or ends with a period, its
    payload and whether it is a generated form. ``found`` is (payload, generated) per item.
    """

    offset: int  # a match starts at the key's last position in the folded text less this
    extra_words: int  # words after the first
    is_prefix: bool
    checks: tuple[tuple[str, bool, bool, Payload, bool], ...] | None
    found: tuple[tuple[Payload, bool], ...]


def _key(key: str, items: list[tuple[Phrase, Payload, bool]], *, is_prefix: bool) -> _Key[Payload]:
    """The automaton's value for a folded ``key`` (padded with spaces: both, or before it only if ``is_prefix``)."""
    extra_words = key.count(" ")
    checks = tuple((phrase.text, phrase.case_sensitive, phrase.text.endswith("."), payload, generated)
                   for phrase, payload, generated in items)
    simple = not extra_words and not any(case_sensitive or has_period for _, case_sensitive, has_period, _, _ in checks)
    # the automaton reports where a key ends: at the space after it, or for a prefix at its last letter
    offset = len(key) - 1 if is_prefix else len(key)
    return _Key(offset, extra_words, is_prefix, None if simple else checks,
                tuple((payload, generated) for _, payload, generated in items))


def _leftmost_longest(candidate: tuple[int, int, object]) -> tuple[int, int]:
    """Sort key of candidate matches: leftmost first, and of those starting together the longest."""
    return candidate[0], candidate[0] - candidate[1]

_END = attrgetter("end")


class SubstringSet:
    """A fixed set of strings; ``found_in`` says which occur anywhere in a text (inside words too), in one pass."""

    def __init__(self, needles: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for needle in needles:
            self._automaton.add_word(needle, needle)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def found_in(self, text: str) -> set[str]:
        """The strings of the set that occur in ``text`` (``{s for s in needles if s in text}``)."""
        if self._empty:
            return set()
        return {needle for _, needle in self._automaton.iter(text)}


class FoldedSpan:
    """``text[start:end]`` as the matcher reads it: its lower-case words, joined by single spaces.

    Folded once per span and shared by every PhraseIndex that searches it (loaded terms,
    frame cues and the gazetteer all search each analysed span).
    """

    __slots__ = ("start", "chunk", "lowered", "words", "folded", "_starts")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.start = start
        self.chunk = text[start:end]
        self.lowered = _lower(self.chunk)
        self.words = _words(self.lowered)
        self.folded = " " + " ".join(self.words) + " "
        self._starts: tuple[list[int], list[int]] | None = None

    def word_starts(self) -> tuple[list[int], list[int]]:
        """Where each word starts in ``chunk`` and in ``folded`` (worked out on first use).

        Each word is found with ``str.find`` from the end of the one before: a word starts
        with a word character and the gap between two words holds none, so the first hit
        is the word itself (cheaper than a second regex pass with a match object per word).
        """
        if self._starts is None:
            find = self.lowered.find
            starts: list[int] = []
            folded_starts: list[int] = []
            position, folded_position = 0, 1
            for word in self.words:
                position = find(word, position)
                starts.append(position)
                folded_starts.append(folded_position)
                position += len(word)
                folded_position += len(word) + 1
            self._starts = (starts, folded_starts)
        return self._starts


_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n\s*\n")


@lru_cache(maxsize=CASE_CACHE)
def _same_case(phrase: str, written: str) -> bool:
    """A case-sensitive phrase matches only text whose letters have the phrase's case.

    A phrase that starts with an article may have it capitalised at the start of a
    sentence ("the Kremlin" matches "The Kremlin").
    """
    wanted = WORD.findall(phrase)
    found = WORD.findall(written)
    if len(wanted) != len(found) or not wanted:
        return False
    if wanted[0] in _ARTICLES and found[0][:1].isupper():
        found[0] = found[0][:1].lower() + found[0][1:]
    return all(f.startswith(w) for w, f in zip(wanted, found))
