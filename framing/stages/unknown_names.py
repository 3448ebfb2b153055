"""Actor stage, unknown names: analysed spans -> runs of capitalised words that name someone by their context.

A run names a person when a role word stands before it, a speech verb after it, an
apposition follows it or a quotation's speaker holds it; an apposition may make it an
organisation or a news medium instead ("PriceFinder, a comparison site").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from framing.model import ActorKind, TextSpan
from framing.stages.speakers import SPEAKER_NOUNS, SPEECH_VERBS
from framing.text.memo import BoundedMemo
from framing.text.wordlists import MONTHS, WEEKDAYS, is_everyday_word

# Distinct capitalised tokens whose reading as a name word is remembered.
NAME_WORD_CACHE = 65536
# The patterns the person rule runs per candidate, compiled once.
_WORDS_BEFORE_NAME = re.compile(r"[\w.'’-]+")
_FOLLOWING_VERB = re.compile(r"['’]?s?\s+(?:\w+ly\s+)?([a-z]+)")  # "Trenin said", "Trenin's quietly told"

# Role words that introduce a person's name ("analyst Dmitri Trenin", "Dr. Ilves").
ROLE_WORDS = frozenset(
    """
    analyst analysts expert professor minister spokesman spokeswoman spokesperson envoy
    ambassador official diplomat commentator columnist journalist reporter author writer
    economist historian researcher scholar lawyer attorney general commander senator
    president leader chairman chairwoman chair director chief ceo founder activist resident
    member candidate adviser advisor aide secretary governor mayor judge colonel captain
    premier negotiator lieutenant major sergeant admiral councillor councilor councilman
    councilwoman chancellor mp lawmaker legislator deputy pastor bishop rabbi imam doctor
    dr dr. mr mr. mrs mrs. ms ms. prof prof. sen sen. rep rep. gov gov. gen gen. col col.
    capt capt. lt lt. sir dame lord lady king queen prince princess sheikh emir executive
    editor producer manager owner farmer teacher student worker officer trader broker
    strategist consultant scientist physician nurse councilmember councillor alderman
    superintendent commissioner inspector sheriff trustee shri smt shrimati herr frau mme
    """.split()
)
# Number words the recogniser sometimes takes for a one-word name ("Sixty households").
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred hundreds thousand thousands million millions dozens".split()
)
_NOT_NAME_WORDS = frozenset(
    """
    The A An In On At For From With By Of And But Or Yet So If As When While Since After
    Before During Under Over Between Against Into This That These Those It Its He She They
    We I You His Her Their Our My Your There Here What Who Why How Which Mr Mrs Ms Dr Shri Smt Shrimati Herr Frau Mme
    Western Eastern Northern Southern European American Russian Ukrainian Chinese British French German Israeli
    Palestinian Iranian Turkish Indian Japanese Korean Hungarian Polish Meanwhile However
    According Still Yes No Not Although Though Despite Also Even Only Just Then Now Today
    """.split()
) | frozenset(word.capitalize() for word in WEEKDAYS | MONTHS)
_FOLLOWING_ROLE = re.compile(r",\s+(?:a|an|the|who|whose|its|his|her|their)\b")
# An apposition after a name, up to its head noun: ", a British comparison site,", ", the
# world's largest retailer.", ", a subsidiary of ...", ", a spokesman for ...".
_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[^,;:.()\n\s]+\s+){0,5}?([a-z][a-z-]*|NGO|NGOs)"
    r"(?=\s*[,;:.)]|\s*$|\s+(?:that|which|who|whose|based|owned|run|founded|backed|known|listed|with|of|for|in|at|from|"
    r"on|since|to)\b)"
)
# Head nouns of such an apposition that make the name an organisation or a news medium;
# ROLE_WORDS make it a person.
_ORGANISATION_APPOSITION_HEADS = frozenset(
    """
    company firm group charity bank startup start-up website site platform maker retailer manufacturer
    supplier provider operator chain brand business conglomerate corporation subsidiary agency organisation
    organization nonprofit non-profit ngo foundation think-tank tank union association federation coalition
    alliance network app carrier airline insurer lender utility multinational exchange fund institute
    party movement club university school hospital body watchdog regulator consultancy miner automaker
    carmaker drugmaker chipmaker producer exporter importer distributor developer publisher marketplace
    service lab laboratory cooperative co-operative collective campaign initiative society trust
    monitor lobby caucus
    """.split()
)
_MEDIA_APPOSITION_HEADS = frozenset(
    "newspaper paper broadcaster outlet magazine tabloid channel daily weekly station newswire wire".split()
)


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’-]*\.?")
# A _NAME_TOKEN that does not open with a letter a-z ([^\W\d_a-z]: a word character, no digit,
# "_" or a-z); a token opens at the first letter of a run of [\w'’-] characters
# (``_opens_run``). The first character is tried against a plain range first (A-Z or beyond
# ASCII), which lets the regex engine skip ahead to the next candidate at C speed.
_CAPITAL_WORD = r"[A-Z\x80-\U0010FFFF](?<=[^\W\d_a-z])[\w'’-]*\.?"
# Two or more such tokens one space apart: only there can capitalised words run together.
_CAPITAL_SEQUENCE = re.compile(rf"{_CAPITAL_WORD}(?: {_CAPITAL_WORD})+")


class Taken:
    """Disjoint character ranges already claimed by mentions, with a fast overlap test."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(ranges)
        self._starts: list[int] = [start for start, _ in ordered]
        self._ends: list[int] = [end for _, end in ordered]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` overlaps a claimed range."""
        position = bisect_right(self._starts, start) - 1
        if position >= 0 and self._ends[position] > start:
            return True
        following = position + 1
        return following < len(self._starts) and self._starts[following] < end

    def add(self, start: int, end: int) -> None:
        """Claim ``start``..``end`` for a mention."""
        position = bisect_right(self._starts, start)
        self._starts.insert(position, start)
        self._ends.insert(position, end)


class _Candidate(NamedTuple):
    """A run of capitalised words that may name a person (a named tuple: many, short-lived)."""

    start: int
    end: int
    words: tuple[str, ...]


def _name_word_parts(word: str) -> tuple[str, bool, bool]:
    """A capitalised token as a run reads it: its core, whether it was possessive, whether the core is a name word.

    The core drops a possessive "'s" and a sentence's full stop (not an initial's: "J.").
    """
    possessive = word.endswith(("'s", "’s"))
    core = word[:-2] if possessive else word
    if len(core) > 2:
        core = core.rstrip(".")
    return core, possessive, _is_name_word(core)


# Capitalised token -> ``_name_word_parts(token)``: names recur through a text and across texts.
_NAME_WORD_PARTS: BoundedMemo[str, tuple[str, bool, bool]] = BoundedMemo(_name_word_parts, NAME_WORD_CACHE)


def _is_name_word(word: str) -> bool:
    """A capitalised word that may be part of a name ("Trenin", "J.", not "The" or "NATO")."""
    core = word.rstrip(".")
    if not core[:1].isupper() or core in _NOT_NAME_WORDS:
        return False
    return len(core) == 1 or not core.isupper()


def name_candidates(text: str, start: int, end: int, taken: Taken) -> Iterable[_Candidate]:
    """Runs of two to four capitalised words, separated by single spaces, not yet taken.

    A sentence's first word is dropped when it is an everyday word ("Later Trenin said").
    """
    for candidate in _capitalised_runs(text, start, end, taken):
        words = list(candidate.words)
        position = candidate.start
        if is_everyday_word(words[0]) and at_sentence_start(text, start, position):
            position = text.index(words[1], position + len(words[0]))
            words.pop(0)
        if len(words) >= 2:
            yield _Candidate(position, candidate.end, tuple(words))


def at_sentence_start(text: str, span_start: int, position: int) -> bool:
    """Whether ``position`` opens a sentence: only an opening quote or bracket stands between it and the span's
    start or a sentence's end."""
    before = text[span_start:position].rstrip(" \"“‘'(")
    return not before or before.endswith((".", "!", "?", ":", "\n"))


def _capitalised_runs(text: str, start: int, end: int, taken: Taken) -> Iterable[_Candidate]:
    """Runs of capitalised ``_NAME_TOKEN`` tokens one space apart, as candidates (see ``_flush``).

    Only tokens in ``_CAPITAL_SEQUENCE`` are visited: a word opening with a-z between two
    capitalised ones leaves more than one space between them, which ends the run anyway, and
    a capitalised token with no other one a space away makes no run. The span is searched as
    a slice, so a token may open at ``start`` whatever precedes it.
    """
    chunk = text[start:end]
    search = _CAPITAL_SEQUENCE.search
    at = 0
    while (sequence := search(chunk, at)) is not None:
        if not _opens_run(chunk, sequence.start()):  # inside a word ("iPhone Pro"): look on from its next character
            at = sequence.start() + 1
            continue
        at = sequence.end()
        run: list[tuple[int, int, str]] = []
        position = start + sequence.start()
        for word in sequence.group().split(" "):
            token_start = position
            position += len(word) + 1
            if not word[0].isupper():  # not a name word ("über"): it ends the run
                if len(run) > 1:
                    yield from _flush(run, taken)
                run = []
                continue
            core, possessive, is_name = _NAME_WORD_PARTS[word]
            if is_name:
                if not run or run[-1][1] == token_start - 1:  # the run goes on (one space after the last core)
                    run.append((token_start, token_start + len(core), core))
                else:
                    if len(run) > 1:
                        yield from _flush(run, taken)
                    run = [(token_start, token_start + len(core), core)]
            elif run:
                if len(run) > 1:
                    yield from _flush(run, taken)
                run = []
            if possessive and run:
                if len(run) > 1:
                    yield from _flush(run, taken)
                run = []
        if len(run) > 1:
            yield from _flush(run, taken)


def _opens_run(chunk: str, at: int) -> bool:
    """Whether ``chunk[at]`` is the first letter of its run of word characters, "'", "’" and "-" (digits,
    "_", "'", "’" and "-" may stand before it in the run: "'Smith", "-Jones")."""
    while at:
        before = chunk[at - 1]
        if not (before.isdecimal() or before in "_'’-"):
            return not before.isalnum()
        at -= 1
    return True


def _flush(run: list[tuple[int, int, str]], taken: Taken) -> Iterable[_Candidate]:
    """The run as a candidate, if it has two to four words, not all of the last two everyday, and is not taken."""
    if 2 <= len(run) <= 4:
        start, end = run[0][0], run[-1][1]
        if not taken.overlaps(start, end) and not all(is_everyday_word(word) for _, _, word in run[-2:]):
            yield _Candidate(start, end, tuple(word for _, _, word in run))


class Covering:
    """Answers "does any of these spans contain start..end?" in O(log n).

    Spans sorted by start, with the running maximum of their ends: some span starting at or
    before ``start`` reaches ``end`` exactly when that maximum does.
    """

    def __init__(self, spans: Iterable[TextSpan]) -> None:
        ordered = sorted((span.start, span.end) for span in spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, start: int, end: int) -> bool:
        """Whether one of the spans contains ``start``..``end``."""
        count = bisect_right(self._starts, start)
        return count > 0 and self._reach[count - 1] >= end


def ends_in_capital(phrase: str) -> bool:
    """Whether the last word of a speaker phrase is capitalised, so the phrase may end in a name.

    "union leader Frank Dolan" may name a person; "Hong Kong police" names none, so its
    capitalised words are not typed as a person for speaking.
    """
    words = phrase.split()
    return bool(words) and words[-1][:1].isupper()


def is_person_context(text: str, candidate: _Candidate, span_start: int, speakers: Covering,
                       apposition: ActorKind | None) -> bool:
    """Whether a capitalised candidate names a person by its context; ``apposition`` is the kind an
    apposition right after it gives (``apposition_kind``), which the caller has read already."""
    before = _WORDS_BEFORE_NAME.findall(text[max(span_start, candidate.start - 30):candidate.start])
    if before and (before[-1].lower() in ROLE_WORDS or before[-1].lower() in SPEAKER_NOUNS):
        return True
    after = text[candidate.end:candidate.end + 40]
    if _FOLLOWING_ROLE.match(after):
        return apposition in (None, "person")
    following = _FOLLOWING_VERB.match(after)
    if following and following.group(1) in SPEECH_VERBS:
        return True
    return speakers.covers(candidate.start, candidate.end)


def apposition_kind(text: str, end: int) -> ActorKind | None:
    """The kind an apposition right after a name gives it: ", a British comparison site," an
    organisation, ", a tabloid," a news medium, ", a Danish economist," a person (else None)."""
    if text[end:end + 1] != ",":  # most names are followed by no comma: no regex to run
        return None
    apposition = _APPOSITION.match(text, end, min(len(text), end + 90))
    if apposition is None:
        return None
    head = apposition.group(1).lower()
    if head in _ORGANISATION_APPOSITION_HEADS:
        return "organisation"
    if head in _MEDIA_APPOSITION_HEADS:
        return "media"
    return "person" if head in ROLE_WORDS else None


# What a company has, after its name and "'s" ("Cobaltra's chief executive", "Zippr's shareholders").
_COMPANY_POSSESSION = re.compile(
    r"['’]s\s+(?:chief\s+executive|chief\s+financial\s+officer|chief\s+operating\s+officer|ceo|cfo|"
    r"shareholders|share\s+price|subsidiary|subsidiaries|headquarters|executives|boardroom|franchise)\b",
    # (not what people or places have too: "Okoro's shares", "Ontario's revenue", "Europe's factories")
    re.IGNORECASE)


def owner_kind(text: str, end: int) -> ActorKind | None:
    """"organisation" for a name whose possessive owns what a company has ("Cobaltra's chief executive",
    "Zippr's shareholders"), else None."""
    if text[end:end + 1] not in ("'", "’"):  # most names are no possessive: no regex to run
        return None
    return "organisation" if _COMPANY_POSSESSION.match(text, end) else None


def is_not_a_name(name: str) -> bool:
    """A recogniser span that is one capitalised adjective or a number word ("Western", "Sixty").

    Everyday words are kept: many surnames are one ("Bush", "Brown", "Rice").
    """
    if " " in name or (name.isupper() and len(name) > 1):
        return False  # several words, or an acronym ("SWIFT", "NATO")
    return name in _NOT_NAME_WORDS or name.lower() in _NUMBER_WORDS
