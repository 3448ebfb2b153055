"""TextContext: the per-text state every analysis stage shares, computed once.

Tokens (offsets, lower form, valence, negator flag, quotation), sentence scopes, clause
bounds, indexes over sentences, quotations, speakers and loaded-term hits, and VADER
polarity per span. The pipeline builds one per text after quotes and loaded terms;
roles, sentiment, portrayal and the trained model read it.

Toward a target, only the words of its clause count (the sentence cut at ``;``, ``:``,
dashes, brackets and contrast words such as "but" or "while"). A word's valence is
VADER's, or our lexicon's for loaded terms VADER does not know ("protection racket"); a
negator in the three words before flips and damps it, a booster before strengthens it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, TypeVar, cast

from framing.model import ActorRole, Polarity, Quote, Sentence, TermHit
from framing.text.spans import SpanIndex
from framing.text.valence import NEGATION_SCALAR, paragraph_polarity, vader_tables

# A target's words are looked for within its sentence, but never further than this many
# characters away (a 5 MB paragraph without a full stop is one "sentence").
MAX_SCOPE_CHARS = 600
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# The same words as a capturing split: text between words and words alternate, so a word's
# offsets follow from the lengths before it without a match object per word.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# (Every break starts with a space or one of ;:(),- : the lookahead rules out other positions
# at once instead of trying each alternative there; the matches are the same.)
_CLAUSE_BREAK = re.compile(
    r"(?=[\s;:(),-])\s*(?:;|:|\s[–—]\s|\s?--\s?|[()]|,\s*(?:but|while|whereas|although|though|yet|however|"
    r"instead|unlike|rather)\b|\s(?:but|whereas|although|yet|while)\s)\s*",
    re.I,
)
# VADER's negation reaches three words back (Hutto & Gilbert 2014).
NEGATION_WINDOW = 3
# A VADER valence at least this strong makes a word charged enough to give an actor a role.
CHARGED_VALENCE = 0.5
_O = TypeVar("_O")
_T = TypeVar("_T")


class ContextToken(NamedTuple):
    """One word near targets, with everything sentiment, roles and the model read from it.

    ``value`` is the model's valence (a loaded term's on its first word, else VADER's,
    flipped by a negator right before); ``rule_valence`` is the rules' (booster and
    three-word negation window applied; 0 inside a loaded term after its first word).
    A NamedTuple rather than a frozen dataclass: one is built per word of every scope,
    and a frozen dataclass takes several times longer to construct.
    """

    start: int
    end: int
    word: str
    feature_word: str
    stem: str
    value: float
    rule_valence: float
    rule_end: int
    charged_end: int | None
    quote: Quote | None
    is_negator: bool


class TextContext:
    """The per-text state every stage shares, built once: sentences, quotations, loaded-term
    hits and their indexes, tokens with valence and negator flags per scope, clause bounds,
    polarity and role caches (like spaCy's Doc: a plain object with public methods).

    ``speakers`` maps a quote's start offset to its resolved speaker name; ``roles`` holds
    the roles stage's answer per target span (filled by ``framing.stages.roles``).
    """

    def __init__(self, text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...],
                 hits: tuple[TermHit, ...], speakers: dict[int, str] | None = None) -> None:
        self.text = text
        self.sentences = sentences
        self.quotes = quotes
        self.hits = hits
        self.speakers: dict[int, str] = dict(speakers or {})
        self.sentence_index = SpanIndex(sentences)
        self.quote_index = SpanIndex([q for q in quotes if q.kind != "scare"])
        attributed = sorted((q.start, q.end) for q in quotes if q.kind != "scare")
        self._quote_starts = [start for start, _ in attributed]
        self._quote_reach = list(accumulate((end for _, end in attributed), max))
        self.hit_index = SpanIndex(hits)
        self.speaker_index = SpanIndex(
            [Quote(q.speaker.start, q.speaker.end, q.speaker.text, q.kind, None) for q in quotes if q.speaker])
        self.roles: dict[tuple[int, int], ActorRole | None] = {}
        self._polarities: dict[tuple[int, int], Polarity] = {}
        self._tokens: dict[tuple[int, int], tuple[tuple[ContextToken, ...], list[int]]] = {}
        self._breaks: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._clauses: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        self._tables: dict[tuple[int, int, int, object], object] = {}

    def tokens(self, low: int, high: int) -> tuple[tuple[ContextToken, ...], list[int]]:
        """The words of ``text[low:high]`` and their start offsets, built once per scope."""
        key = (low, high)
        found = self._tokens.get(key)
        if found is None:
            found = self._tokens[key] = _token_table(self, low, high)
        return found

    def clause(self, start: int, end: int) -> tuple[int, int, int, int]:
        """The target's scope (see ``scope``) and the clause in it: low, high, clause start, clause end.

        Worked out once per target (roles, the model and the rules all ask).
        """
        found = self._clauses.get((start, end))
        if found is None:
            low, high = self.scope(start, end)
            breaks = self._breaks.get((low, high))
            if breaks is None:
                breaks = self._breaks[(low, high)] = _clause_breaks(self.text, low, high)
            found = self._clauses[(start, end)] = (low, high, *_clause_in(breaks, low, high, start, end))
        return found

    def scope_table(self, low: int, high: int, owner: _O,
                    build: Callable[[_O, tuple[ContextToken, ...]], _T]) -> _T:
        """``build(owner, tokens)`` over a scope's words, made once per scope, owner and builder
        (a model's per-word weights: every mention in the scope reads them)."""
        key = (low, high, id(owner), build)
        found = self._tables.get(key)
        if found is None:
            found = self._tables[key] = build(owner, self.tokens(low, high)[0])
        return cast(_T, found)

    def scope(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around a target; in a run-on "sentence" a window of it.

        A window spans the block of MAX_SCOPE_CHARS that holds the target and one block on
        each side, cut at spaces; targets in the same block share it (and its token table),
        so text without full stops costs linear time.
        """
        sentence = self.sentence_index.at(start)
        low, high = (sentence.start, sentence.end) if sentence else (0, len(self.text))
        if high - low <= 3 * MAX_SCOPE_CHARS:
            return low, high
        block = (start - low) // MAX_SCOPE_CHARS
        window_low = max(low, low + (block - 1) * MAX_SCOPE_CHARS)
        window_high = min(high, low + (block + 2) * MAX_SCOPE_CHARS)
        if window_low > low:
            window_low = self.text.find(" ", window_low, start) + 1 or window_low
        if window_high < high:
            cut = self.text.rfind(" ", max(end, window_high - MAX_SCOPE_CHARS), window_high)
            window_high = cut if cut > end else max(window_high, end)
        return window_low, window_high

    def valence_between(self, start: int, end: int) -> float:
        """The summed valence of the words in ``text[start:end]`` (negation applied, loaded terms' own valence)."""
        low, high = self.scope(start, end)
        tokens, starts = self.tokens(low, high)
        return sum(token.value for token in tokens[bisect_left(starts, start):bisect_left(starts, end)])

    def polarity_of(self, start: int, end: int) -> Polarity:
        """VADER polarity of ``text[start:end]``, computed once per span (a sentence or a paragraph)."""
        key = (start, end)
        found = self._polarities.get(key)
        if found is None:
            found = self._polarities[key] = paragraph_polarity(self.text[start:end])
        return found

    def has_quote_within(self, low: int, high: int) -> bool:
        """Whether any attributed quotation overlaps ``text[low:high]``."""
        count = bisect_left(self._quote_starts, high)
        return count > 0 and self._quote_reach[count - 1] > low


def _token_table(context: TextContext, low: int, high: int) -> tuple[tuple[ContextToken, ...], list[int]]:
    """The words of ``text[low:high]`` with their valences (see ``ContextToken``) and their
    start offsets, in one pass.

    The previous word (booster, negator) and the latest negator's position are carried
    along rather than looked up in lists made beforehand.
    """
    boosters = vader_tables()[1]
    text = context.text
    hits = context.hit_index.within(low - MAX_SCOPE_CHARS, high)
    n_hits = len(hits)
    past_text = len(text) + 1
    # the start of the first hit not yet passed: a word starting before it is in no hit
    next_hit = hits[0].start if hits else past_text
    quote_index = context.quote_index
    quote = None
    # ``quote_index.at`` answers alike between two quotation bounds: asked again past the next one
    next_bound = -1 if context.has_quote_within(low, high) else past_text
    make = tuple.__new__  # a NamedTuple's own constructor is a Python function: several times slower
    table: list[ContextToken] = []
    append = table.append
    starts: list[int] = []
    add_start = starts.append
    pointer = 0
    previous = ""  # the word before (for boosters)
    previous_negates = False
    last_negator = -NEGATION_WINDOW - 1  # the position of the latest negator
    name_stem = _stem("<name>")
    parts = iter(_TOKEN_SPLIT.split(text[low:high]))  # (the pattern looks neither behind nor ahead)
    end = low
    for index, (gap, spelling) in enumerate(zip(parts, parts)):  # (the text after the last word is left over)
        start = end + len(gap)
        end = start + len(spelling)
        word, is_negator, vader_value, stem, capital, charged = _word_info(spelling)
        if start >= next_hit:
            while pointer < n_hits and hits[pointer].end <= start:
                pointer += 1
            hit = hits[pointer] if pointer < n_hits and hits[pointer].start <= start else None
            next_hit = hits[pointer].start if pointer < n_hits else past_text
        else:
            hit = None
        if hit is None:
            value = rule_valence = vader_value
            rule_end = end
            charged_end = end if charged else None
        else:
            charged_hit = bool(hit.valence)
            if charged_hit and hit.start == start:
                value = rule_valence = hit.valence
                rule_end = hit.end
            else:
                value = 0.0 if charged_hit else vader_value
                rule_valence = 0.0
                rule_end = end
            charged_end = hit.end if charged_hit else (end if charged else None)
        if previous_negates:
            value *= NEGATION_SCALAR
        if rule_valence:
            if previous in boosters:
                rule_valence += math.copysign(1.0, rule_valence) * boosters[previous]  # VADER's ±0.293
            if index - last_negator <= NEGATION_WINDOW:
                rule_valence *= NEGATION_SCALAR
        feature_word = word
        if index > 0 and not value and capital:
            feature_word = "<name>"
            stem = name_stem
        if start >= next_bound:
            quote = quote_index.at(start)
            bounds = quote_index.bounds()
            after = bisect_right(bounds, start)
            next_bound = bounds[after] if after < len(bounds) else past_text
        append(make(ContextToken, (start, end, word, feature_word, stem, value, rule_valence, rule_end,
                                   charged_end, quote, is_negator)))
        add_start(start)
        previous = word
        previous_negates = is_negator
        if is_negator:
            last_negator = index
    return tuple(table), starts


@lru_cache(maxsize=65_536)
def _word_info(spelling: str) -> tuple[str, bool, float, str, bool, bool]:
    """A word's lower form, whether it negates, its VADER valence, its stem, whether it is
    capitalised and whether its valence is charged: worked out once per spelling (common
    words recur in every scope)."""
    lexicon, _, negators = vader_tables()
    word = spelling.lower().replace("’", "'")
    value = lexicon.get(word, 0.0)
    return (word, word in negators or word.endswith("n't"), value, _stem(word), spelling[0].isupper(),
            abs(value) >= CHARGED_VALENCE)


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    """A crude suffix stripper, so that "accused", "accuses" and "accusing" share a feature."""
    for suffix in ("ingly", "edly", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _clause_breaks(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """The clause breaks of ``text[low:high]`` as (start, end) offsets in ``text``."""
    return [found.span() for found in _CLAUSE_BREAK.finditer(text, low, high)]


def _clause_in(breaks: list[tuple[int, int]], low: int, high: int, start: int, end: int) -> tuple[int, int]:
    clause_start, clause_end = low, high
    for break_start, break_end in breaks:
        if break_end <= start:
            clause_start = break_end
        elif break_start >= end:
            clause_end = break_start
            break
    return clause_start, clause_end


def first_token_ending_after(tokens: Sequence[ContextToken], starts: list[int], offset: int) -> int:
    """Index of the first token that ends after ``offset`` (the target's first word)."""
    index = max(0, bisect_left(starts, offset) - 1)
    while index < len(tokens) and tokens[index].end <= offset:
        index += 1
    return index
