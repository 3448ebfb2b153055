"""Loaded-terms stage: one span of text -> lexicon hits and learned-scorer hits, merged into one list.

The lexicon matches first; sense rules drop the hits they call plain ("tax regime"); a
loaded adjective takes in the noun after it ("corrupt officials"); the learned scorer then
looks only where no lexicon term and no plain sense is. A scorer hit
that overlaps or touches a loaded lexicon hit (only spaces or an "of" between) becomes part of that hit,
which keeps the lexicon entry's term and category ("firestorm" + "of outrage"). Over a whole
document, a scorer hit made only of words the document uses again is its subject matter
("drone attacks" in a report on drone attacks), not a loading, and is dropped; a mild lexicon
term the document keeps using is reported at its first use only.

Last, each loaded hit takes in the words that carry its loading with it (``widen``): an
intensifying adverb on either side ("utterly disgraceful"), a people or group noun after it
("corrupt officials"), the noun after a lexicon participle ("horrifying scene"), and an adjective coordinated with it ("dangerous and reckless").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate

from framing.model import Quote, TermHit
from framing.stages.lexicon import MARKER_CATEGORIES, CompiledLexicons, match_terms
from framing.stages.lexicon_files import DEFAULT_LEXICON, CategoryInfo
from framing.stages.loaded_features import WORD, is_candidate
from framing.stages.loaded_model import (
    DEFAULT_THRESHOLD,
    find_loaded_phrases,
    looks_attributive,
    looks_nounish,
    noun_after,
)
from framing.stages.loaded_vocabulary import GROUP_NOUNS, INTENSIFIERS
from framing.stages.senses import SENSE_REACH_CHARS, load_sense_rules, plain_sense_spans, split_plain_senses
from framing.text.matching import FoldedSpan
from framing.text.spans import SpanIndex
from framing.text.valence import vader_tables

# A model-found term weighs its confidence times this (a lexicon entry's default weight is 1.0).
MODEL_TERM_WEIGHT = 1.0
# Valence of a model-found term whose category is "loaded_other" (the mean of the negative categories).
MODEL_TERM_VALENCE = -1.5
# Hits whose extent is the entry itself: stance markers, and charged verbs of speech, whose
# object ("slammed hospital leaders") is what was spoken about, not part of the loading.
KEEP_EXTENT = MARKER_CATEGORIES | {"charged_speech"}
# What may stand between two hits that make one phrase: spaces only, never a line break.
_JOINING = frozenset(" \u00a0")


# Categories the scorer does not report on its own: a label's loading is the word's identity
# (the lexicon lists labels), which the scorer never sees; an -ist shape is as often a profession
# or a verb ("virologist", "assist"), a crime word as often literal ("terrorists", "gang"), and a
# word of degree loads only the word it modifies ("completely", which ``widen`` joins to a hit),
# and a word of praise is mostly plain description ("a healthy profit", "a glamour club", "comedy").
# Each had a precision below the scorer's mean on PTC dev, BABE dev and our own dev alike (see
# framing/data/loaded_terms.md; glorifying since 2026-11-30: 1 of 8 on our dev, 4 of 22 on PTC dev
# against the scorer's 0.59 and 0.25). Next to a lexicon term such a word still joins it.
UNGUESSED_CATEGORIES = frozenset({"ideological_label", "pejorative_label", "hyperbole", "glorifying"})
# What may end a sentence before a capitalised word that therefore need not be a name.
_SENTENCE_END = frozenset('.!?:;"“‘\'(\n')


# A scorer hit whose every content word occurs at least this often in the document is the
# document's subject vocabulary (the scorer never sees a word's identity, so it cannot know a
# topic noun from a charged one). Two: a word the author uses again. Chosen on PTC dev (30 %
# of PTC; see framing/data/loaded_terms.md) against 3, the only other value tried.
SUBJECT_WORD_COUNT = 2
# The same holds for a mild lexicon entry (weight 1.0 or less: "clearly loaded, but also found in
# careful reporting", lexicons/README.md) that the document uses this often: "regime" in a report on
# a government, "illegal immigrants" in a piece on immigration. Its first use is kept, the repeats
# are not reported. Three: used again and again, not once more; chosen on PTC dev against 2 (equal).
MILD_WEIGHT = 1.0
MILD_REPEAT_COUNT = 3
# A text of at least PLAIN_TEXT_MIN_WORDS words with fewer than PLAIN_TEXT_DENSITY lexicon terms per
# 100 words (a plain report) keeps only the scorer's phrases of PLAIN_TEXT_CONFIDENCE or more. On our
# dev texts the scorer's phrases were 8 % right where the lexicon found under 0.25 terms per 100 words,
# 30 % under 0.5 and about 70 % above; on 38 neutral wires written for this check none was right.
# Chosen among 0.1, 0.25 and 0.5 terms and confidences 0.35, 0.5 and 1 on our dev texts and PTC dev
# (30 % of PTC; see framing/data/loaded_terms.md).
PLAIN_TEXT_MIN_WORDS = 100
PLAIN_TEXT_DENSITY = 0.25
PLAIN_TEXT_CONFIDENCE = 0.5

# Adverbs of degree the intensifier lists name that are not words of degree in front of a hit
# ("more", "most", "so", "such", "pure" also start plain phrases: "more people", "so far").
_NOT_DEGREE = frozenset("more most so such pure sheer naked full-blown really total utter major "
                        "considerable enormous extreme exceptional incredible tremendous".split())
_WORD_PATTERN = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_NEXT = re.compile(r"[ \u00a0](" + _WORD_PATTERN + ")")
_PREVIOUS = re.compile(r"(?<![^\W_])(" + _WORD_PATTERN + r")[ \u00a0]\Z")
_COORDINATED_NEXT = re.compile(r"[ \u00a0](?:and|or)[ \u00a0](" + _WORD_PATTERN + ")")
_COORDINATED_PREVIOUS = re.compile(r"(?<![^\W_])(" + _WORD_PATTERN + r")[ \u00a0](?:and|or)[ \u00a0]\Z")
# How far back a word before a hit is looked for (the longest word plus its joining words).
_REACH_BACK = 40


# The word right after a hit, with one space between (a name's words stand so).
_WORD_AFTER = re.compile(r" ([\w'’-]+)")
MAX_NAME_WORD_CHARS = 30
# A line whose words of four letters or more are this often capitalised is in Title Case.
TITLE_CASE_SHARE = 0.8


def find_document_terms(text: str, compiled: CompiledLexicons, spans: Sequence[tuple[int, int]], *,
                        model_terms: bool = True, threshold: float = DEFAULT_THRESHOLD,
                        folded: Mapping[tuple[int, int], FoldedSpan] | None = None,
                        quotes: Sequence[Quote] = ()) -> tuple[TermHit, ...]:
    """Find the loaded terms of every analysed span of one document (``find_terms``), sorted.

    ``folded`` maps a span to its text already folded for matching, when other stages search it too.
    ``quotes`` are the attributed quotations: a repeated mild term keeps its first use in the
    author's voice and its first use in quoted words.

    Scorer hits whose content words all recur in ``text`` are dropped (``SUBJECT_WORD_COUNT``), and
    so are the repeats of a mild lexicon term the document keeps using (``MILD_REPEAT_COUNT``); the
    hits left take in their degree adverbs, group nouns and coordinated adjectives (``widen``).
    """
    found = [(start, end, span_hits) for start, end in spans  # the spans with hits (most have none)
             if (span_hits := find_terms(text, compiled, start, end, model_terms=model_terms, threshold=threshold,
                                         folded=folded.get((start, end)) if folded else None))]
    hits = _first_of_repeated_mild_terms([h for _, _, span_hits in found for h in span_hits], SpanIndex(quotes))
    phrases = {h.start: _content_words(h.text) for h in hits if h.source == "model"}
    wanted = {word for words in phrases.values() for word in words}
    if wanted:
        subject = _subject_words(text, spans, wanted, folded or {})
        hits = [h for h in hits if h.source != "model" or not all(word in subject for word in phrases[h.start])]
    if model_terms and any(h.source == "model" for h in hits):
        hits = _without_doubtful_scores_in_plain_text(text, spans, hits, folded or {})
    kept = {id(h) for h in hits}
    widened = [h for start, end, span_hits in found
               for h in widen(text, [h for h in span_hits if id(h) in kept], start, end)]
    return tuple(sorted(widened, key=lambda h: (h.start, h.end)))


def _without_doubtful_scores_in_plain_text(text: str, spans: Sequence[tuple[int, int]], hits: list[TermHit],
                                           folded: Mapping[tuple[int, int], FoldedSpan]) -> list[TermHit]:
    """Drop the scorer's phrases below PLAIN_TEXT_CONFIDENCE in a plain text: one of at least
    PLAIN_TEXT_MIN_WORDS words with fewer than PLAIN_TEXT_DENSITY listed loaded terms per 100 words.

    Such a text is a plain report (a wire on a storm, a trial, a drug trial), whose words the
    scorer, which never sees a word's identity, reads as charged by their shape alone
    ("tumours", "volcanoes", "fatality rate"); an author who uses no listed loaded language
    seldom uses unlisted loaded language either.
    """
    n_words = sum(len(folded[key].words) if key in folded else len(text[key[0]:key[1]].split()) for key in spans)
    if n_words < PLAIN_TEXT_MIN_WORDS:
        return hits  # too short to tell a report from a comment
    listed = sum(1 for h in hits if h.source != "model" and h.category not in MARKER_CATEGORIES)
    if 100 * listed >= PLAIN_TEXT_DENSITY * n_words:
        return hits
    return [h for h in hits if h.source != "model" or (h.confidence or 0.0) >= PLAIN_TEXT_CONFIDENCE]


def _first_of_repeated_mild_terms(hits: list[TermHit], quotes: SpanIndex[Quote]) -> list[TermHit]:
    """Keep only the first use, per voice, of a mild lexicon term the document uses ``MILD_REPEAT_COUNT`` times or more.

    The voices are the author's and that of quoted words (``quotes``), so a speaker's use of
    the term does not hide the author's.
    """
    counts = Counter(h.term for h in hits if _is_mild(h))
    repeated = {term for term, count in counts.items() if count >= MILD_REPEAT_COUNT}
    if not repeated:
        return hits
    seen: set[tuple[str, bool]] = set()
    kept = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if _is_mild(hit) and hit.term in repeated:
            use = (hit.term, quotes.at(hit.start) is not None)
            if use in seen:
                continue
            seen.add(use)
        kept.append(hit)
    return kept


def _is_mild(hit: TermHit) -> bool:
    """A mild entry of the shipped lexicon (a user lexicon's weights follow its own scale)."""
    return (hit.source == "lexicon" and hit.lexicon == DEFAULT_LEXICON and hit.weight <= MILD_WEIGHT
            and hit.category not in MARKER_CATEGORIES)


def _content_words(phrase: str) -> list[str]:
    return [match.group().lower() for match in WORD.finditer(phrase) if is_candidate(match.group())]


def _subject_words(text: str, spans: Sequence[tuple[int, int]], words: set[str],
                   folded: Mapping[tuple[int, int], FoldedSpan]) -> set[str]:
    """Those of ``words`` (lower case) that stand as a whole word ``SUBJECT_WORD_COUNT`` times or more in the spans.

    A word is looked for in the spans' lower case (joined by line breaks; a span's ``folded``
    one when given), which holds a word's lower case where the word stands, unless the span
    has a letter that lowers differently in context: such a span's words are lowered and
    counted one by one.
    """
    parts = []
    counted: Counter[str] = Counter()  # the words of spans with such a letter
    for start, end in spans:
        span = folded.get((start, end))
        chunk = span.chunk if span is not None else text[start:end]
        if _LOWERS_IN_CONTEXT.search(chunk):
            counted.update(map(str.lower, _WHOLE_WORD.findall(chunk)))
        else:
            parts.append(span.lowered if span is not None else chunk.lower())
    lowered = "\n".join(parts)
    subject = set()
    for word in words:
        found = counted[word]
        # (only a word all of word characters can stand whole there; most words are fewer than needed)
        if found < SUBJECT_WORD_COUNT and _WHOLE_WORD.fullmatch(word) and lowered.count(word) + found >= SUBJECT_WORD_COUNT:
            found += _whole_word_count(lowered, word, SUBJECT_WORD_COUNT - found)
        if found >= SUBJECT_WORD_COUNT:
            subject.add(word)
    return subject


def _whole_word_count(text: str, word: str, most: int) -> int:
    """How often ``word`` stands in ``text`` as a whole word (``_WHOLE_WORD``), counted up to ``most``."""
    count = 0
    at = text.find(word)
    while at >= 0 and count < most:
        if not (at and _WORD_CHARACTER.match(text, at - 1)) and not _WORD_CHARACTER.match(text, at + len(word)):
            count += 1
        at = text.find(word, at + 1)
    return count


# A whole word as the subject-matter count sees it: letters, digits, "_", apostrophes and hyphens.
# (A character's lower case is a word character exactly when the character is one.)
_WHOLE_WORD = re.compile(r"[\w'’-]+")
_WORD_CHARACTER = re.compile(r"[\w'’-]")
# The two letters whose lower case depends on where they stand: "İ" lowers to two characters
# (``FoldedSpan`` keeps it as it is), a capital sigma to a final sigma at a word's end.
_LOWERS_IN_CONTEXT = re.compile("[\u0130\u03a3]")


def find_terms(text: str, compiled: CompiledLexicons, start: int = 0, end: int | None = None, *,
               model_terms: bool = True, threshold: float = DEFAULT_THRESHOLD,
               folded: FoldedSpan | None = None) -> tuple[TermHit, ...]:
    """Find the lexicon terms (markers included) and the scorer's loaded phrases in ``text[start:end]``.

    Hits are sorted by position and not yet annotated (negation, quotation, question).
    """
    end = len(text) if end is None else end
    found = match_terms(text, compiled, start, end, folded=folded)
    rules = load_sense_rules()
    kept: tuple[TermHit, ...] = ()
    plain: tuple[tuple[int, int], ...] = ()
    if found:  # (most spans hold no lexicon term)
        kept, plain = split_plain_senses(text, found, rules)  # "tax regime", "a plague of locusts"
        kept = _with_nouns(text, kept, found, end)  # "corrupt officials", as the scorer's phrases
        if any(text[h.start].isupper() for h in kept):  # "the Steadfast Defender drills": a name's word
            opening = [h for h in kept if _opens_a_longer_name(text, h, start, end)]
            if opening and not _is_title_case(text, start, end):  # (one pass over the span, if any)
                kept = tuple(h for h in kept if h not in opening)
    if not model_terms:
        return kept
    taken = sorted([(h.start - start, h.end - start) for h in (*found, *kept)]
                   + [(s - start, e - start) for s, e in plain]) if found else []
    model = []
    uncued: set[tuple[int, int]] = set()
    chunk = folded.chunk if folded is not None else text[start:end]
    for hit in find_loaded_phrases(chunk, threshold=threshold, exclude=taken):
        trimmed = _without_names(text, hit.start + start, hit.end + start, start)
        if trimmed is None:
            continue
        hit_start, hit_end = trimmed
        if (hit_start, hit_end) != (hit.start + start, hit.end + start):
            hit = replace(hit, start=hit_start - start, end=hit_end - start, text=text[hit_start:hit_end],
                          term=text[hit_start:hit_end].lower())
        plain_here = plain_sense_spans(text, max(start, hit_start - SENSE_REACH_CHARS), min(end, hit_end + SENSE_REACH_CHARS), rules)
        if any(s < hit_end and hit_start < e for s, e in plain_here):
            continue  # "heart attack", "computer virus": the rule's neighbour word is not loaded either
        model.append(_model_hit(text, start, hit.start, hit.end, hit.term, hit.category, hit.confidence,
                                compiled.categories))
        if not hit.cued:
            uncued.add((hit.start + start, hit.end + start))
    if not model and len(kept) < 2:
        return kept  # most spans: nothing to merge or sort
    merged = merge_adjacent(text, kept, model)
    # a phrase charged by context alone stands only where it joined a lexicon hit ("textbook cover-up")
    return tuple(h for h in merged if h.source != "model"
                 or (h.category not in UNGUESSED_CATEGORIES and (h.start, h.end) not in uncued))


def _opens_a_longer_name(text: str, hit: TermHit, start: int, end: int) -> bool:
    """Whether a hit's words are capitalised (not in capitals) inside a sentence and a capitalised word
    follows: the opening words of a longer name ("the Steadfast Defender drills", "Nazi Germany"), not
    the author's loaded word. A label set before a name ("the Obama Regime") stays; so do the hits of
    a Title Case line, where every word is capitalised (the caller asks ``_is_title_case``)."""
    if text[hit.start:hit.end].isupper() or not _is_name(text, hit.start, hit.start + 1, start):
        return False
    after = _WORD_AFTER.match(text, hit.end, min(end, hit.end + MAX_NAME_WORD_CHARS))
    return after is not None and after.group(1)[0].isupper()


def _is_title_case(text: str, start: int, end: int) -> bool:
    """Whether the words of four letters or more in ``text[start:end]`` are mostly capitalised (a headline)."""
    words: list[str] = [word for word in WORD.findall(text, start, end) if len(word) > 3]
    return sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


def _without_names(text: str, first: int, last: int, stop_left: int) -> tuple[int, int] | None:
    """A scorer phrase ``text[first:last]`` without the capitalised words at its edges (names), or None if all are.

    A capitalised word that opens a sentence or line is an ordinary word and stays.
    """
    words = [match.span() for match in WORD.finditer(text, first, last)]
    while words and (_is_name(text, *words[0], stop_left) or text[slice(*words[0])].lower() == "of"):
        words.pop(0)
    while words and (_is_name(text, *words[-1], stop_left) or text[slice(*words[-1])].lower() == "of"):
        words.pop()
    return (words[0][0], words[-1][1]) if words else None


def _is_name(text: str, first: int, last: int, stop_left: int) -> bool:
    if not text[first].isupper():
        return False
    before = first - 1  # the last character before the word that is not a space (none: the span's first word)
    while before >= stop_left and text[before] in " \u00a0":
        before -= 1
    return before >= stop_left and text[before] not in _SENTENCE_END


def _with_nouns(text: str, hits: Sequence[TermHit], found: Sequence[TermHit], stop: int) -> tuple[TermHit, ...]:
    """Extend each loaded adjective hit over the noun right after it, unless another hit starts there."""
    starts = {h.start for h in found}
    out = []
    for hit in hits:
        noun_end = None if hit.category in KEEP_EXTENT else noun_after(text, hit.start, hit.end, stop)
        if noun_end is not None and hit.end + 1 not in starts:
            hit = replace(hit, end=noun_end, text=text[hit.start:noun_end])
        out.append(hit)
    return tuple(out)


def _model_hit(text: str, offset: int, start: int, end: int, term: str, category: str, confidence: float,
               categories: Mapping[str, CategoryInfo]) -> TermHit:
    info = categories.get(category)
    return TermHit(
        start + offset, end + offset, text[start + offset:end + offset], term=term, category=category,
        weight=round(confidence * MODEL_TERM_WEIGHT, 3), valence=info.valence if info else MODEL_TERM_VALENCE,
        lexicon="model", source="model", confidence=round(confidence, 4),
    )


def merge_adjacent(text: str, lexicon_hits: Sequence[TermHit], model_hits: Sequence[TermHit]) -> tuple[TermHit, ...]:
    """Fold each scorer hit into the loaded lexicon hit it overlaps or touches.

    A run of touching hits, each next to a scorer hit, becomes one hit with the term,
    category, weight and valence of its heaviest lexicon hit (the first on a tie); two lexicon
    hits side by side stay two. Markers never absorb a scorer hit.
    """
    hits = sorted([*lexicon_hits, *model_hits], key=lambda h: (h.start, h.end))
    out: list[TermHit] = []
    run: list[TermHit] = []

    def flush() -> None:
        if not run:
            return
        anchors = [h for h in run if h.source != "model"]
        if len(run) == 1 or not anchors:
            out.extend(run)
        else:
            anchor = max(anchors, key=lambda h: h.weight)  # max keeps the first of equal weights
            first, last = run[0].start, max(h.end for h in run)
            out.append(TermHit(first, last, text[first:last], term=anchor.term, category=anchor.category,
                               weight=anchor.weight, valence=anchor.valence, lexicon=anchor.lexicon,
                               source=anchor.source))
        run.clear()

    for hit in hits:
        if hit.category in MARKER_CATEGORIES:
            out.append(hit)
            continue
        if (run and _touches(text, max(h.end for h in run), hit.start)
                and "model" in (hit.source, run[-1].source)):  # two lexicon hits stay two
            run.append(hit)
            continue
        flush()
        run.append(hit)
    flush()
    return tuple(sorted(out, key=lambda h: (h.start, h.end)))


def _touches(text: str, left_end: int, right_start: int) -> bool:
    """Whether a hit starting at ``right_start`` overlaps or follows the one ending at ``left_end``.

    Spaces may stand between, or an "of" ("firestorm of outrage", as the scorer joins its own phrases).
    """
    if right_start <= left_end:
        return True
    gap = text[left_end:right_start]
    if all(ch in _JOINING for ch in gap):
        return True
    inner = gap.strip(" \u00a0")
    return inner.lower() == "of" and gap[0] in _JOINING and gap[-1] in _JOINING and len(gap) - len(inner) <= 4


@cache
def degree_adverbs() -> frozenset[str]:
    """Words of degree that raise the next word's charge: VADER's incrementing boosters and our intensifiers."""
    boosters = vader_tables()[1]
    raising = {word for word, value in boosters.items() if value > 0 and " " not in word}
    return frozenset((raising | INTENSIFIERS) - _NOT_DEGREE)


def widen(text: str, hits: Sequence[TermHit], start: int, end: int) -> tuple[TermHit, ...]:
    """Stretch each loaded hit over the words that carry its loading with it, within ``text[start:end]``.

    An intensifying adverb before the hit or ending it takes in its neighbour ("utterly
    disgraceful", "incredibly" + "obtuse"); a people or group noun after the hit joins it ("corrupt
    government"), a lexicon hit ending in an -ing participle the noun after it ("horrifying scene"); a
    single adjective hit takes in an adjective coordinated with it ("dangerous and
    reckless"). Only lowercase words outside every other hit are taken; markers stay as they are.
    """
    if not hits:
        return ()  # most spans
    taken = sorted((h.start, h.end) for h in hits)
    starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))  # the furthest end among the hits so far
    out = []
    for hit in hits:
        if hit.category in KEEP_EXTENT:
            out.append(hit)
            continue
        first, last = _widened(text, hit.start, hit.end, start, end, lexical=hit.source == "lexicon")
        if (first, last) != (hit.start, hit.end) and not _overlaps_another(taken, starts, reach, first, last, hit):
            hit = replace(hit, start=first, end=last, text=text[first:last])
        out.append(hit)
    return tuple(out)


def _overlaps_another(taken: Sequence[tuple[int, int]], starts: Sequence[int], reach: Sequence[int],
                      first: int, last: int, hit: TermHit) -> bool:
    """Whether a span of ``taken`` (sorted; ``reach`` its running maximum end) other than ``hit``'s overlaps first..last.

    Walks back from the last span starting before ``last`` only while an earlier span can
    still reach ``first``, so each test looks at the few spans near the hit (linear overall).
    """
    own = (hit.start, hit.end)
    for index in range(bisect_left(starts, last) - 1, -1, -1):
        if reach[index] <= first:
            return False
        span_start, span_end = taken[index]
        if span_end > first and (span_start, span_end) != own:
            return True
    return False


def _widened(text: str, first: int, last: int, stop_left: int, stop_right: int, *,
             lexical: bool) -> tuple[int, int]:
    """The extent of a hit ``text[first:last]`` with its degree adverbs, group noun and coordinated adjective.

    A ``lexical`` hit (a lexicon entry, known to be loaded) that ends in an -ing participle takes in
    the noun after it, as an adjective hit does ("horrifying scene"); the scorer's phrases keep its own rule.
    """
    degree = degree_adverbs()
    words = text[first:last].split()
    if not words:
        return first, last
    before = _PREVIOUS.search(text, max(stop_left, first - _REACH_BACK), first)
    if before is not None and before.group(1).lower() in degree:
        first = before.start(1)
    after = _NEXT.match(text, last, stop_right)
    if after is not None and after.group(1).islower() and is_candidate(after.group(1)):
        noun = after.group(1).lower()
        if (words[-1].lower() in degree or noun in GROUP_NOUNS
                or (lexical and words[-1].lower().endswith("ing") and looks_nounish(noun) and not noun.endswith("ing"))):
            last = after.end(1)
    if len(words) == 1 and looks_attributive(words[0].lower()):
        joined = _COORDINATED_NEXT.match(text, last, stop_right)
        if joined is not None and _is_adjective(joined.group(1)):
            last = joined.end(1)
        joined = _COORDINATED_PREVIOUS.search(text, max(stop_left, first - _REACH_BACK), first)
        if joined is not None and _is_adjective(joined.group(1)):
            first = joined.start(1)
    return first, last


def _is_adjective(word: str) -> bool:
    return word.islower() and is_candidate(word) and looks_attributive(word)
