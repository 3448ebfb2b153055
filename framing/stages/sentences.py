"""Sentence stage: a span of the document -> Sentence spans, with NLTK's Punkt algorithm.

Punkt runs untrained (no downloaded model) with the abbreviations of news English added,
so "U.S.", "Mr." or "Gen." do not end a sentence.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
from collections.abc import Iterable
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from framing.model import Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Abbreviations (lower case, final period dropped) that rarely end a sentence in news text.
NEWS_ABBREVIATIONS = frozenset(
    """
    u.s u.s.a u.k u.n e.u d.c u.a.e n.y l.a mr mrs ms dr prof gen lt col maj capt sgt cpl
    adm cmdr sen rep reps gov pres amb sec supt insp det rev hon jr sr st ste mt ft inc corp
    co ltd llc plc bros assn dept univ est approx vs v etc e.g i.e cf al jan feb mar apr jun
    jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun no nos vol pp fig ed
    eds a.m p.m ph.d m.d b.a m.a op cit ibid ave blvd rd hwy
    """.split()
)


# Contexts (the word before a candidate break, the break, what follows) that Punkt, with our
# parameters (abbreviations only: no collocations, sentence starters or orthographic
# statistics), surely reads as a sentence break followed by more text:
# * "?" or "!" before a space and a token, or before closing punctuation: always a token of
#   its own, always a break;
# * a word of two or more letters, not an abbreviation, then "." and a space and a token that
#   does not start with "." (". . ." would be an ellipsis), or closing punctuation: the word
#   and its period form one token, which is neither an initial ("J."), a number nor an
#   abbreviation, so it stays a break.
# Everything else (abbreviations, initials, numbers, ellipses) is left to Punkt itself.
_CLOSING = "[)\";}\\]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!]"
_SURE_MARK = re.compile(r"[?!](?:[ \t\n]+[^\s]|" + _CLOSING + ")")
_SURE_PERIOD = re.compile(r"(?:\A|[ \t\n])([^\W\d_]{2,})\.(?:[ \t\n]+[^\s.]|" + _CLOSING + ")")


def _surely_breaks(context: str) -> bool:
    """True when Punkt's ``text_contains_sentbreak`` is sure to say True for ``context``."""
    if _SURE_MARK.search(context):
        return True
    return any(found.group(1).lower() not in NEWS_ABBREVIATIONS for found in _SURE_PERIOD.finditer(context))


# A context of one word, its period, white space and one plain word ("Mr. Kane", "2015.\nThe",
# "U.S. officials,"), in ASCII letters and digits: Punkt reads the word and its period as one
# token and finds no other period, "?" or "!" after it, so only that token can break.
_WORD_THEN_WORD = re.compile(r"([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)\.[ \t\n]+([A-Za-z0-9])[A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*[.,;:]?")
# Punkt's number type: a token it reads as "##number##".
_PUNKT_NUMBER = re.compile(r"-?[.,]?\d[\d,.-]*\.?")


def _word_then_word_breaks(context: str) -> bool | None:
    """Punkt's ``text_contains_sentbreak`` for a "W. N" context (see ``_WORD_THEN_WORD``), None for any other.

    With our parameters (abbreviations only: no collocations, sentence starters or
    orthographic statistics) Punkt's rules for the token "W." come down to: an abbreviation
    never breaks; an initial ("J.") or a number ("2015.") breaks unless the next word opens
    in lower case, and an initial not before a capital either; any other word breaks.
    """
    found = _WORD_THEN_WORD.fullmatch(context)
    if found is None:
        return None
    word, following = found.group(1).lower(), found.group(2)
    if word in NEWS_ABBREVIATIONS:
        return False
    initial = len(word) == 1 and not word.isdigit()
    if initial or _PUNKT_NUMBER.fullmatch(word + "."):
        return not (following.islower() or (initial and following.isupper()))
    return True


def _punkt_module() -> ModuleType:
    """NLTK's Punkt module, without running the ``nltk`` package's ``__init__`` when nltk is not yet imported.

    ``import nltk`` imports nearly all of NLTK, scikit-learn, SciPy and pandas with it: seconds,
    most of a fresh process's first report, while Punkt needs a few small modules. The two
    packages on the way are put in place unrun, Punkt is imported, and every ``nltk`` module
    this loaded is taken out of ``sys.modules`` again, so that a later ``import nltk`` (the
    user's) runs NLTK's own ``__init__`` in full. Falls back to the plain import if that fails, and
    takes the plain import when nltk is already (partly) imported or other threads run: another
    thread importing nltk in the moment the unrun packages stand in ``sys.modules`` would get them.
    """
    if "nltk" in sys.modules or threading.active_count() > 1:
        return importlib.import_module("nltk.tokenize.punkt")
    loaded = set(sys.modules)
    try:
        for package in ("nltk", "nltk.tokenize"):
            spec = importlib.util.find_spec(package)
            if spec is None:
                raise ImportError(package)
            sys.modules[package] = importlib.util.module_from_spec(spec)  # (a package not run)
        return importlib.import_module("nltk.tokenize.punkt")
    except Exception:  # (any failure of the short way: the plain import below says what is wrong)
        pass
    finally:
        for name in set(sys.modules) - loaded:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]
    return importlib.import_module("nltk.tokenize.punkt")


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    punkt = _punkt_module()

    class NewsPunkt(punkt.PunktSentenceTokenizer):  # type: ignore[misc,name-defined]  # nltk has no type hints
        """Punkt that settles the common, sure sentence breaks, and "W. N" contexts, without tokenizing them."""

        def text_contains_sentbreak(self, text: str) -> bool:
            if _surely_breaks(text):
                return True
            decided = _word_then_word_breaks(text)
            return decided if decided is not None else bool(super().text_contains_sentbreak(text))

    parameters = punkt.PunktParameters()
    parameters.abbrev_types = set(NEWS_ABBREVIATIONS)
    return NewsPunkt(parameters)


# The characters after which Punkt may end a sentence (its ``sent_end_chars``).
_SENTENCE_ENDS = re.compile(r"[.?!]")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Sentence, ...]:
    """Split ``text[start:end]`` into sentences whose offsets index ``text``.

    A span with no ".", "?" or "!" before its last character cannot hold a break (Punkt
    breaks only after one of them, with more text following), so it is one sentence up
    to its trailing spaces, exactly as Punkt would return it, without running Punkt.
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    if not chunk.strip():
        return ()
    length = len(chunk.rstrip())
    if _SENTENCE_ENDS.search(chunk, 0, length - 1) is None:  # headings, titles, one-sentence paragraphs
        return (Sentence(start, start + length, chunk[:length]),)
    spans = join_attributions(chunk, _tokenizer().span_tokenize(chunk))
    return tuple(Sentence(start + left, start + right, chunk[left:right]) for left, right in spans)


def join_attributions(chunk: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``chunk``, each one that goes on the one before joined to it:
    '"What will we eat?" she said.' is one sentence, its speaker in it."""
    joined: list[tuple[int, int]] = []
    for left, right in spans:
        if joined and _attribution_follows(chunk, joined[-1][1], left):
            joined[-1] = (joined[-1][0], right)
        else:
            joined.append((left, right))
    return joined


# A question or exclamation mark, then any closing quotation marks: where Punkt ends a sentence
# even when the words after it go on in lower case ('"Why now?" he asked.').
_ASKED_OR_EXCLAIMED = re.compile(r"[?!][\"”’'»]*$")


def _attribution_follows(chunk: str, previous_end: int, left: int) -> bool:
    """Whether the sentence at ``left`` goes on the one ending at ``previous_end``: it opens in lower
    case after a question or exclamation mark on the same line ('"Why now?" he asked.')."""
    return (chunk[left:left + 1].islower() and not chunk[left + 1:left + 2].isupper()  # not "iPhone"
            and "\n" not in chunk[previous_end:left]
            and _ASKED_OR_EXCLAIMED.search(chunk, max(0, previous_end - 4), previous_end) is not None)
