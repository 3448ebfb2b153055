"""Word lists shared by several stages, read once per process from installed packages."""

from __future__ import annotations

import importlib.util
from functools import cache, lru_cache
from pathlib import Path


@cache
def common_words() -> frozenset[str]:
    """Everyday English words: the Dale–Chall familiar-word list shipped in textstat's data.

    Read as a file found beside the package, which is not imported: importing textstat
    (``importlib.resources.files`` does) would pull in NLTK, SciPy and pandas for nothing.
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("textstat is not installed", name="textstat")
    package = Path(next(iter(spec.submodule_search_locations)))
    data = (package / "resources" / "en" / "easy_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in data.splitlines() if line.strip())


# The calendar's words in lower case: several stages tell a time from a name or a place by them.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
SEASONS = frozenset("spring summer autumn winter".split())


# Each opening quotation mark and its closing mark; the straight single quote (British news's
# mark, also an apostrophe) is each stage's own call, so it is apart.
QUOTE_PAIRS = {"“": "”", "\"": "\"", "«": "»", "„": "“", "‘": "’", "»": "«", "「": "」"}
STRAIGHT_SINGLE = "'"
QUOTE_OPENERS = frozenset(QUOTE_PAIRS) | {STRAIGHT_SINGLE}
QUOTE_CLOSERS = frozenset(QUOTE_PAIRS.values()) | {STRAIGHT_SINGLE}

# Plural nouns without a final "s" ("police", "people"), and the endings of singular words in "s"
# ("witness", "bonus", "analysis", "politics").
PLURAL_WORDS = frozenset("people police men women children staff personnel militia cattle".split())
NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics")


def looks_plural(word: str) -> bool:
    """Whether a lowercase noun looks plural ("forces", "police", "privacy purists"), for a verb's
    agreement or a crowd's head; "witness", "bonus", "analysis" and "politics" do not."""
    return word in PLURAL_WORDS or (word.endswith("s") and not word.endswith(NOT_PLURAL_ENDINGS))


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
