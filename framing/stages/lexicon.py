"""Lexicon stage, matching: Lexicons -> one phrase index, and a text -> its loaded-term hits, annotated in context.

The lexicons themselves are read and validated in ``framing.stages.lexicon_files``; the sense
rules that make a hit plain are in ``framing.stages.senses``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from framing.model import Quote, Sentence, TermHit
from framing.stages.lexicon_files import GAP, CategoryInfo, Lexicon, LexiconEntry, load_categories, term_key
from framing.text.matching import (
    PHRASAL_PARTICLES,
    FoldedSpan,
    Phrase,
    PhraseIndex,
    PhraseMatch,
    SubstringSet,
    fold_words,
    verb_forms,
)
from framing.text.memo import BoundedMemo
from framing.text.spans import SpanIndex

# Stance markers: hedges, boosters and attribution verbs are matched with the lexicon but
# reported as their own layer (`markers`), never as loaded terms or in loadedness:
# annotators of loaded language almost never mark them (precision 0.04-0.10 on PTC).
MARKER_CATEGORIES = frozenset({"hedge", "booster", "attribution_verb"})
# Words put in quotation marks to distance the author (found by rule in the pipeline, no terms). A
# negation before one is its distancing cue ('were not "evacuated"'), so it is never marked negated.
SCARE_QUOTE_CATEGORY = "scare_quote"
# A separable idiom's gap (GAP, "hold … hostage") takes up to GAP_WORDS words of one clause; no
# punctuation or clause word ("and", "that", "who") may stand in it, so the idiom never spans two clauses.
# Three words hold the objects such idioms take ("the whole road", "Kyiv's energy grid").
# Before a lone particle ("sold … out") it takes two: "out" and "up" end many other phrases
# ("the man who sold Vegas shooter ammo speaks out").
GAP_WORDS = 3
GAP_WORDS_BEFORE_PARTICLE = 2
GAP_STOPS = frozenset(
    "and or but nor that which who whom whose when while because if then than so as yet "
    "is are was were be been being".split()
)


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
    idiom_tails: Mapping[str, re.Pattern[str]] = field(repr=False, default_factory=dict)
    idiom_filter: IdiomFilter = field(repr=False, default_factory=IdiomFilter)

    @property
    def hashes(self) -> dict[str, str]:
        """Lexicon name -> sha256 of its content, to make a result reproducible."""
        return {lexicon.name: lexicon.sha256 for lexicon in self.lexicons}


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
            key = term_key(entry)
            if key in folded_here:
                multi.append((entry, lexicon.name))  # same term, another category of this lexicon
                continue
            folded_here.add(key)
            latest[key] = (entry, lexicon.name)
    kept = [*latest.values(), *multi]
    plain = [(Phrase(entry.term, entry.case_sensitive, entry.forms, entry.prefix), (entry, name))
             for entry, name in kept if GAP not in entry.term]
    heads = [(phrase, (entry, name)) for entry, name in kept if GAP in entry.term for phrase in _head_phrases(entry)]
    # (a tail's pattern is compiled when its head first matches: compiling all of them
    # would be most of a fresh process's first report)
    idioms = {entry.term: entry for entry, _ in kept if GAP in entry.term}
    tails: BoundedMemo[str, re.Pattern[str]] = BoundedMemo(lambda term: _idiom_tail(idioms[term]), limit=len(idioms) + 1)
    return CompiledLexicons(lexicons, PhraseIndex(plain), load_categories(), PhraseIndex(heads), tails,
                            IdiomFilter([entry for entry, _ in kept if GAP in entry.term]))


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
_COORDINATORS = frozenset({"or", "nor"})


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
    before = _negation_words(text[left:hit.start])
    window = before[-NEGATION_WINDOW:]
    if NEGATORS.isdisjoint(window):
        return not _COORDINATORS.isdisjoint(window) and _negated_before_or(text[left:hit.start])
    # a negator that opens an idiom of degree asserts the term ("nothing more than a blank cheque")
    start = len(before) - len(window)
    return any(word in NEGATORS and not asserting_idiom_length(before, start + at) for at, word in enumerate(window))


def _negation_words(chunk: str) -> list[str]:
    """The folded words of ``chunk`` with "n't" written out as "not"."""
    return fold_words(chunk.replace("n't", " not").replace("n’t", " not"))


def _negated_before_or(before: str) -> bool:
    """Whether a term after "or"/"nor" shares the negation of the item before it: "not a liar or a coward"
    (a negator, at most COORDINATED_ITEM_WORDS words, the coordinator, at most an article) within one
    stretch of punctuation ("does not pass, there will be misery or chaos" negates nothing)."""
    words = _negation_words(_LAST_PUNCTUATION.split(before)[-1])
    for at in range(len(words) - 1, max(-1, len(words) - 3), -1):
        if words[at] in _COORDINATORS:
            first = max(0, at - 1 - COORDINATED_ITEM_WORDS)
            return any(word in NEGATORS for word in words[first:at - 1])
    return False


_LAST_PUNCTUATION = re.compile(r"[,;:.!?()—–]")
# How many words the item before "or" may have, after the negator ("not a crook or", "never lied or").
COORDINATED_ITEM_WORDS = 2


# Idioms that open with a negator but assert what follows ("nothing more than a smear", "not just a
# scandal but a crime", "none other than", "no doubt"): their negator negates nothing.
ASSERTING_IDIOMS = frozenset(tuple(idiom.split()) for idiom in (
    "nothing more than", "nothing less than", "nothing short of", "nothing but", "no more than", "no less than",
    "none other than", "not only", "not just", "not merely", "not simply", "no doubt", "no wonder",
    "without doubt", "without question", "not least"))
LONGEST_ASSERTING_IDIOM = max(map(len, ASSERTING_IDIOMS))


def asserting_idiom_length(words: Sequence[str], at: int) -> int:
    """The length of the idiom of ASSERTING_IDIOMS that opens at ``words[at]`` (a negator), or 0."""
    return next((size for size in range(2, LONGEST_ASSERTING_IDIOM + 1)
                 if tuple(words[at:at + size]) in ASSERTING_IDIOMS), 0)
