"""Reframing stage: the label an author puts in place of another, found by the shape of the sentence.

Opinion writers of every side rename what they describe with a set figure: a denial, then the
new name ("This is not competition. It is a state-run demolition of other industries";
"They are not invaders. They are families"), or a call to name it ("call it what it is: a
spoilt minority"). The new name is the author's label whatever its words are, so no word list
finds it; the figure does. A hit covers the noun phrase of the new name, up to a punctuation
mark, a clause word or an -ing form, and is reported as a loaded term of category
``reframing`` (source ``rules``).

Wire copy seldom has the figure, and "It was not immediately clear. It is the third attack"
is not one: the denied thing must look like a name (a determiner or a bare noun after "not").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from framing.model import Sentence, TermHit

REFRAMING_CATEGORY = "reframing"
REFRAMING_WEIGHT = 1.0
# The longest new name taken, in words ("a state-run demolition of other nations' industries").
MAX_NAME_WORDS = 10

_WORD = r"[^\W\d_][\w'’-]*"
# A denial: "is not", "are not", "was not", "were not" and their contractions. "not" is found
# first (a plain scan), then the verb before it: cheaper than one pattern tried at every word.
# Patterns here start with a literal ("n", "all"), which the regex engine scans for fast; the
# letters before it are checked after.
_NOT = re.compile(r"n(?:ot|['’]t)\s+")
_BE_THEN_SPACE = re.compile(r"(?:^|\W)(?:is|are|was|were)\s+$")  # "was not"
_BE = re.compile(r"(?:^|\W)(?:is|are|was|were)$")  # "wasn't": the verb runs into the n
_SOFTENERS = frozenset("just merely simply only really about".split())
_DETERMINERS = frozenset("a an the some any our their his her its your my this that these those".split())
# Words after "not" that start no name: "is not clear", "was not immediately known", "are not to".
_NOT_A_NAME = frozenset(
    """clear known sure true enough possible likely available able ready new over yet so
    to in on at for from with by as of that than the only also always even ever necessarily
    going expected allowed required permitted alone there here what how why when where who
    afraid aware alive enough far much many more less too very well also indeed still now
    time being done one""".split())
_RENAMING = re.compile(
    r"^[\"“‘']?(?:it|this|that|they|these|those|he|she)(?:\s+(?:is|are|was|were)|['’](?:s|re))\s+(?!not\b)",
    re.IGNORECASE)
_CALL_IT = re.compile(
    r"(?<=[Cc])all(?:s|ed|ing)?\s+(?:it|them|this|that|him|her)\s+(?:for\s+)?what\s+(?:it|they|he|she|this|that)\s+"
    r"(?:really\s+)?(?:is|are|was|were)\s*(?:[:,]|\s[—–-])\s*")
_NAME_WORD = re.compile(r"\s*(" + _WORD + r")")
# Words that end a name: a clause begins ("who", "which", "and then").
_CLAUSE_WORDS = frozenset("who whom whose which that where when while because if and or but as than so yet".split())


def find_reframings(text: str, sentences: Sequence[Sentence]) -> list[TermHit]:
    """Every new name an author gives after a denial or a call to name a thing, in text order."""
    calls = [match.end() for match in _CALL_IT.finditer(text) if match.start() < 2 or not text[match.start() - 2].isalpha()]
    denials = [match.end() for match in _NOT.finditer(text) if _is_denial(text, match) and _names_a_thing(text, match.end())]
    if not calls and not denials:
        return []  # most texts: two scans in C, nothing more
    clauses = sorted(_clauses(sentences))
    starts = [start for start, _ in clauses]

    def clause_of(offset: int) -> int | None:
        index = bisect_right(starts, offset) - 1
        return index if index >= 0 and offset <= clauses[index][1] else None

    hits: list[TermHit] = []
    for offset in calls:
        index = clause_of(offset)
        if index is not None:
            hits.extend(_name_at(text, offset, clauses[index][1]))
    denied = {index for index in map(clause_of, denials) if index is not None}
    for index in sorted(denied):
        if index + 1 < len(clauses):
            start, end = clauses[index + 1]
            renamed = _RENAMING.match(text[start:end])
            if renamed is not None:
                hits.extend(_name_at(text, start + renamed.end(), end))
    return sorted(hits, key=lambda hit: hit.start)


def _clauses(sentences: Sequence[Sentence]) -> Iterable[tuple[int, int]]:
    """Sentences, cut at semicolons ("It is not a war; it is a siege")."""
    for sentence in sentences:
        start = sentence.start
        for part in sentence.text.split(";"):
            stripped = len(part) - len(part.lstrip())
            if part.strip():
                yield start + stripped, start + len(part.rstrip())
            start += len(part) + 1


def _is_denial(text: str, negation: re.Match[str]) -> bool:
    """Whether "not" (or "n't") follows a form of "be": "was not", "isn't"."""
    start = negation.start()
    verb = _BE_THEN_SPACE if negation.group().startswith("not") else _BE
    return verb.search(text[max(0, start - 7):start].lower()) is not None


def _names_a_thing(text: str, offset: int) -> bool:
    """Whether the words after a denial name a thing ("is not competition", "are not invaders")."""
    words = [match.group(1).lower() for match in _words(text, offset, len(text), 3)]
    while words and words[0] in _SOFTENERS:
        words.pop(0)
    return bool(words) and (words[0] in _DETERMINERS or _looks_like_a_noun(words[0]))


def _looks_like_a_noun(word: str) -> bool:
    return word not in _NOT_A_NAME and not word.endswith(("ly", "ed", "ing"))


def _words(text: str, start: int, end: int, most: int) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    position = start
    while len(found) < most:
        match = _NAME_WORD.match(text, position, end)
        if match is None:
            break
        found.append(match)
        position = match.end()
    return found


def _name_at(text: str, start: int, end: int) -> list[TermHit]:
    """The noun phrase that starts at ``start``: words up to punctuation, a clause word or an -ing form."""
    words = _words(text, start, end, MAX_NAME_WORDS)
    taken: list[re.Match[str]] = []
    for match in words:
        word = match.group(1).lower()
        if word in _CLAUSE_WORDS or (taken and word.endswith("ing") and len(word) > 5):
            break
        taken.append(match)
    while taken and taken[0].group(1).lower() in _SOFTENERS:
        taken.pop(0)  # "It is about war": the name is "war"
    if not taken or (len(taken) == 1 and taken[0].group(1).lower() in _DETERMINERS):
        return []
    head = taken[0].group(1).lower()
    if head not in _DETERMINERS and not _looks_like_a_noun(head):
        return []  # "It was backed up by", "It is indeed shocking": no new name
    first, last = taken[0].start(1), taken[-1].end(1)
    phrase = text[first:last]
    return [TermHit(first, last, phrase, term=" ".join(phrase.lower().split()), category=REFRAMING_CATEGORY,
                    weight=REFRAMING_WEIGHT, valence=0.0, lexicon="rules", source="rules")]
