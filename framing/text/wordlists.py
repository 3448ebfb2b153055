"""Word lists shared by several stages, read once per process from installed packages."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources


@cache
def common_words() -> frozenset[str]:
    """Everyday English words: the Dale–Chall familiar-word list shipped in textstat's data.

    Read as a resource file: importing textstat itself would pull in NLTK for nothing.
    """
    data = resources.files("textstat").joinpath("resources", "en", "easy_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in data.splitlines() if line.strip())


# Distinct words whose answer is remembered (several stages ask it of the same names and words).
EVERYDAY_CACHE = 65536


@lru_cache(maxsize=EVERYDAY_CACHE)
def is_everyday_word(word: str) -> bool:
    """An everyday word or a regular inflection of one ("later", "plans", "hardly"); remembered per word."""
    lowered = word.lower().strip(".'’")
    words = common_words()
    if lowered in words:
        return True
    for suffix, replacements in (("s", ("",)), ("es", ("",)), ("ly", ("", "le")), ("er", ("", "e")),
                                 ("ed", ("", "e")), ("ing", ("", "e")), ("est", ("", "e"))):
        if lowered.endswith(suffix) and any(lowered[: -len(suffix)] + r in words for r in replacements):
            return True
    return False
