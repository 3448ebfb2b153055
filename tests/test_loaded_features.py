"""Tests for the loaded-phrase scorer's feature extractor: words, stems."""

from __future__ import annotations

import pytest

from framing.stages.loaded_features import stem, tokenize


@pytest.mark.parametrize(("text", "words"), [
    ("a 1920s-style racket", ["a", "racket"]),  # no word starts inside a token
    ("5G masts and 3rd-rate excuses", ["masts", "and", "excuses"]),
    ("Masked men--torched the camp", ["Masked", "men", "torched", "the", "camp"]),  # a dash is no joiner
    ("Masked men _torched_ it", ["Masked", "men", "torched", "it"]),  # Markdown emphasis
    ("‘quoted’ and 'quoted' at five o'clock", ["quoted", "and", "quoted", "at", "five", "o'clock"]),
    ("an anti-war rock'n'roll crowd", ["an", "anti-war", "rock'n'roll", "crowd"]),
])
def test_tokenize_words_and_offsets(text: str, words: list[str]) -> None:
    tokens = list(tokenize(text))
    assert [word for _, _, word in tokens] == words
    assert all(text[start:end] == word for start, end, word in tokens)


def _first_listed_suffix(word: str, keep: int) -> str | None:
    """The suffix rule as written in the model card: the first listed suffix leaving ``keep`` letters."""
    listed = ("ingly fully ously ically ities ments ists isms ions ness ment less ical able ible ized ised ize ise "
              "ity ism ist ous ive ful ish ing ers ary ic ed er ly al es s").split()
    return next((suffix for suffix in listed if word.endswith(suffix) and len(word) - len(suffix) >= keep), None)


@pytest.mark.parametrize("word", [
    "alarmingly", "ically", "politically", "basically", "critics", "activists", "nationalisms", "nations",
    "ions", "lions", "ness", "madness", "ments", "payments", "classless", "ize", "size", "weaponized",
    "cries", "wars", "ss", "s", "", "is", "boss", "ruthlessness", "heroically", "rigged", "ruling", "fury",
])
def test_stem_takes_the_first_listed_suffix(word: str) -> None:
    suffix = _first_listed_suffix(word, 4)
    assert stem(word) == (word if suffix is None else word[: -len(suffix)])
