"""Name recogniser stage: raw text -> NameSpan records (people, organisations, places, nationalities).

Candidates are maximal runs of capitalised tokens (joined across inner connectors such as
"of", "de", "bin", "&", and across "and" inside a body's name: "Rail and Transport Workers
Union"), with a sentence-initial everyday word and any leading title
("President", "Commerce Minister", "Mr.") split off. Each candidate is scored by a
linear model trained at build time (``tools/train_recogniser.py``) and shipped as plain
JSON (``framing/data/recogniser.json``): scoring is dict lookups, a sum and a softmax.
Candidate generation and scoring are here; each candidate's features are built in
``framing.stages.recogniser_features``. The written form overrules the weights: a
company's legal form ends an organisation ("Vantix Ltd"), a personal name after a person's
title is a person, and, where the weights are unsure, a run ending in an institution's word is
a body and one opening with a given name a person (``_written_form_kind``).
On Title Case or ALL CAPS lines, where capitalisation says little, a word only counts
as capitalised when it is rarely written in lower case (the shipped lower-case table).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import accumulate
from typing import Any, Literal

from framing.stages.recogniser_features import (
    BARE,
    CONNECTORS,
    FUNCTION_WORDS,
    HONORIFICS,
    ORG_SUFFIXES,
    TITLE_HEADS,
    TITLE_WORDS,
    TRADE_WORDS,
    WORD_CACHE,
    WORD_FACTS,
    WORD_SCORE_CACHE,
    Candidate,
    Line,
    LineMode,
    RatioFacts,
    build_candidate,
    ratio_facts,
)
from framing.text.memo import BoundedMemo
from framing.text.resources import read_data_bytes, read_model_text
from framing.text.wordlists import MONTHS, WEEKDAYS

NameKind = Literal["PER", "ORG", "LOC", "NAT"]
# Most of a run's own feature names whose weight sum a model remembers (a run of
# MAX_REMEMBERED_RUN = eight tokens gives about twenty).
MAX_REMEMBERED_FEATURES = 24
CLASSES: tuple[str, ...] = ("NONE", "PER", "ORG", "LOC", "NAT")
WEIGHTS_FILE = "recogniser.json"

# At most this many connector tokens join two capitalised words ("van der", "of the").
MAX_CONNECTORS = 2
# A headline line has at least this many words (shorter lines are read as plain text).
MIN_HEADLINE_WORDS = 3
# Share of the words of a line, of two letters or more, that must be ALL CAPS for caps mode.
CAPS_LINE_SHARE = 0.7
# A reported span needs at least this probability for its kind; tuned on the validation
# split (GMB blocks with crc32 % 10 == 1), never on the development split.
MIN_CONFIDENCE = 0.35

# A token with the white space before it (``findall`` then gives every token's extent without
# a match object per token). Most tokens are plain words: a run of word characters followed by
# no ".", "'", "’" or hyphen, which only the word branch could take, so the first branch takes
# them before the others are tried. Each other branch opens with a cheap test of the next
# characters; the word branches take whole runs of word characters without backtracking.
_TOKEN = re.compile(
    r"""
    \s*(?:
    \w++(?![.'’\-‐])                                    # a plain word (most tokens)
    |(?=\w\.)(?:(?:[^\W\d_]\.){2,}                        # U.S.  U.N.  J.K.
              |[^\W\d_]\.(?=[ \t]+[^\W\d_]))             # an initial: George W. Bush
    |(?=[A-Z][a-z]{1,5}\.)
     (?:Mr|Mrs|Ms|Mssrs|Messrs|Dr|St|Jr|Sr|Inc|Ltd|Co|Corp|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt
       |Maj|Adm|Prof|Rev|Mt|Ft|Cpl|Pvt|Supt|Insp|Amb|Pres)\.(?!\w)  # abbreviations keep their period
    |\w++(?:(?:['’](?![sS]\b)|[-‐])(?=\w)\w++)*+          # words: O'Brien, Jean-Pierre (not Kane's)
    |\S                                                  # any other character
    )""",
    re.VERBOSE,
)

# Words that join the words of a role ("Secretary of State", "Minister for Health").
_ROLE_JOINS = frozenset(("of", "for", "the"))
# Connectors that may not open a join ("the" only follows another connector: "of the").
_NOT_FIRST_CONNECTORS = frozenset(("the",))
# Bodies named by their word, "on" and their subject ("Commission on Elections", "Office on Drugs and Crime").
ON_HEADS = frozenset("commission committee council conference convention office panel forum institute centre center".split())
# Lower-case particles glued to a capitalised name by a hyphen or apostrophe ("al-Assad").
_PARTICLE_WORD = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|d|l|de|di|da|du|o)[-'’‐][^\W\d_]")
# Day names that follow a name inside a capitalised run but are not part of it.
_TRAILING_TIME = WEEKDAYS
# A day or month after one of these words is a date that opens a capitalised run, not a name's first
# word: "On Thursday Porthlow City Council voted", "in March Acme Corp said" (not "the Sunday Times").
# Not the months that are given names too ("by April Dawson", "Since January Jones", "from June Sarpong"),
# nor after "by", "from" or "after", which open a byline or a credit ("by August Strindberg").
_LEADING_TIME = WEEKDAYS | (MONTHS - {"january", "april", "may", "june", "july", "august"})
_BEFORE_A_DATE = frozenset("on in last next this until since".split())
# Words that end the name of an institution, the only names "and" may join ("Rail and Transport
# Workers Union"): a run of everyday words, "and", then a run ending in one of these.
BODY_HEADS = frozenset(
    """
    union unions association authority council federation institute committee commission agency party
    front movement league society foundation bank company corporation ministry department board service
    services organisation organization office bureau alliance coalition confederation congress assembly administration
    parliament tribunal academy fund trust directorate secretariat executive forum network
    """.split()
)
# Words that head a body's name: its last word ("Rail and Transport Workers Union"), or the one
# before "of" ("Maharashtra Association of Resident Doctors", "Church of Sweden"). "And" joins a
# run of everyday words to one ending at BODY_HEADS ("Church and State" is two things), or a body
# named by one of these first to a few everyday words ("Department of Health and Social Care").
NAME_HEADS = BODY_HEADS | frozenset(
    "church university college school hospital museum club army navy forces court institution police "
    "rovers wanderers athletic hotspur united albion".split()
)
# The last word of a utility's name ("Thames Water", "Calderbrook Water"): a body where the weights read
# a person, as a run ending in NAME_HEADS, but no head a possessive or "of" joins to ("Tamil Nadu's
# Water Resources Minister").
_UTILITY_ENDS = frozenset({"Water"})
# Days, months and feasts: they open the names of occasions, not of bodies ("Sunday School").
_OCCASIONS = WEEKDAYS | MONTHS | frozenset(
    "christmas easter halloween thanksgiving ramadan eid diwali hanukkah passover".split())
# People named by the body they work at: a name right after "<these> at" is that body, whoever the
# weights read ("analysts at Morgan Stanley", "an economist at Capital Economics").
_STAFF_NOUNS = (
    "analyst economist strategist researcher scientist engineer doctor surgeon nurse expert official executive "
    "staff worker employee student professor academic lawyer trader banker manager").split()
_STAFF_AT = re.compile(rf"(?<![\w-])(?:{'|'.join(_STAFF_NOUNS)})s? at $", re.IGNORECASE)
_STAFF_AT_REACH = max(map(len, _STAFF_NOUNS)) + 5  # characters before a name that can hold "<staff>s at "
# Common nouns for a body that news writes right before its name, as it writes a role before a
# person's ("cocoa regulator Cocobod", "the lender HSBC", "chipmaker Nvidia"). Not "producer",
# "exporter" or "giant", which also stand before states ("cocoa producer Ghana").
_BODY_DESCRIPTORS = frozenset(
    """
    regulator watchdog agency firm company lender bank insurer carrier airline retailer supermarket
    broadcaster newspaper tabloid daily chipmaker carmaker automaker drugmaker miner conglomerate startup
    start-up operator utility publisher platform charity broker brokerage consultancy outlet club body
    society network campaign coalition association alliance movement collective nonprofit non-profit ngo
    think-tank thinktank
    """.split()
)
_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z-]+) $")
# What follows a body named after its common noun: punctuation, a possessive or a verb of report.
# Any other word may make the name the subject of a clause about the noun ("the club Ronaldo left",
# "the newspaper Murdoch owns"), where the name is a person's.
_AFTER_DESCRIBED_BODY = re.compile(
    r"(?:\s*(?:[,.;:)]|$)|['’]s\b|\s+(?:said|says|told|announced|reported|reports|confirmed|declined|denied|added|"
    r"warned|has|had|have|is|was|will|would|could|can|may|plans|planned|expects|expected|posted|agreed)\b)")
# What only a company's or an institution's name owns: its board, shareholders, chief executive,
# branches ("Skyvale's board"). Not shares, customers, accounts or fees, which people own too, nor
# revenue or profits, which a province has ("Ontario's revenue fell").
_BODYS_OWN = re.compile(
    r"['’]s\s+(?:board|shareholders|share\s+price|chief\s+executive|executives|headquarters|subsidiary|"
    r"parent\s+company|branches|stores|franchise|annual\s+report|auditors|vice-chancellor)\b")
# An officer's title between a body's name and the officer's ("Tesla CEO Elon Musk", "Google spokesman John Doe").
_OFFICER_TITLE = re.compile(
    r"\s+(?i:chief\s+executive|chief\s+financial\s+officer|chairman|chairwoman|chair|ceo|cfo|coo|founder|co-founder|"
    r"spokesman|spokeswoman|spokesperson|managing\s+director|executive\s+director|director)\s+[A-Z]")


def _works_for_or_at(text: str, candidate: Candidate, name: str, reading: tuple[str, float],
                     everyday: Mapping[str, bool], known_kind: Callable[[str], str | None] | None) -> bool:
    """Whether a candidate is a body by the words around it, whatever the weights read (``reading``).

    After "<staff> at" a person or a body the weights read is where they work ("analysts at Morgan
    Stanley"; not "analysts at Sarah Hughes's firm"). After a body's common noun in lower case
    ("cocoa regulator Cocobod said"), before an officer's title and a name ("Tesla CEO Elon Musk") or
    owning what only a body owns ("Skyvale's board") an unsure person, an unsure place, an unsure body
    or no name at all is that body: a person the weights are sure of stays one ("Obama spokesman
    Josh Earnest"). A day is never a body ("the Mainichi newspaper Monday"), nor a name the gazetteer
    knows as something else.
    """
    kind, confidence = reading
    start, end = candidate.start, candidate.end
    if kind == "NAT" or (kind == "NONE" and everyday[name.lower()]) or name.lower() in _OCCASIONS:
        return False
    if text.endswith(" at ", 0, start) and _STAFF_AT.search(text, max(0, start - _STAFF_AT_REACH), start):
        placed = (kind in ("PER", "ORG") or (kind == "LOC" and confidence < GIVEN_NAME_DOUBT)) \
            and not text.startswith(("'s", "’s"), end)
    elif kind in ("PER", "LOC") and confidence >= GIVEN_NAME_DOUBT:
        placed = False  # a person or a place the weights are sure of stays one
    else:
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        placed = (before is not None and before.group(1) in _BODY_DESCRIPTORS
                  and _AFTER_DESCRIBED_BODY.match(text, end) is not None) or _OFFICER_TITLE.match(text, end) is not None \
            or _BODYS_OWN.match(text, end - 2 if name.endswith(("'s", "’s")) else end) is not None
    return placed and (known_kind is None or known_kind(name) is None)  # (the gazetteer asked last: it is slower)


# Verbs of what only people do: a state's capital "told" reporters and a company "posted" a loss, a club
# "met" its rival and a regulator "admitted" a mistake, but none "resigned", "smiled", "testified" or
# "died". An unknown one-word name the weights read, unsurely, as a place or a body (or as no name) is a person
# before one ("Lindqvist resigned on Monday"; GMB's news seldom names a person by surname alone at a
# sentence's start).
_PERSONAL_ACT = re.compile(
    r"\s+(?:(?:has|had|then|also|later|quickly|quietly|reportedly)\s+)?(?:resigned|resigns|smiled|smiles|laughed|"
    r"laughs|frowned|shrugged|nodded|wept|weeps|cried|testified|apologi[sz]ed|married|divorced|died|dies|"
    r"was\s+born|is\s+married|was\s+married|confessed|pleaded\s+guilty|joked|grinned|sighed|shouted|whispered)\b")

# A count before the name makes it a body's members ("two Marines died"), not a person.
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|several|many|some|both|all))\s+$",
                             re.IGNORECASE)


def _acts_as_a_person(text: str, candidate: Candidate, name: str, known_kind: Callable[[str], str | None] | None) -> bool:
    """Whether a one-word name the gazetteer does not know is followed by a personal act (``_PERSONAL_ACT``)."""
    return (" " not in name and _PERSONAL_ACT.match(text, candidate.end) is not None
            and not _COUNTED_BEFORE.search(text, max(0, candidate.start - 12), candidate.start)
            and (known_kind is None or known_kind(name) is None))



# The weights' confidence in a person under which a run ending in a body's word ("Millbrook Rovers") is
# a body unless a given name opens it (``_written_form_kind``). A round number.
BODY_HEAD_DOUBT = 0.8
# The weights' confidence in another kind of name under which a run opening with a given name is a person.
GIVEN_NAME_DOUBT = 0.6
# Words on the census lists of given names that open other names far more often: days and months
# ("Sunday Times", "June Election"), creeds ("Christian Democrats", "Sunni Arabs"), articles and
# particles of place names ("Les Cayes", "Santa Cruz", "Van Province").
_NOT_GIVEN_NAMES = _OCCASIONS | frozenset("christian sunni les le del santa van von".split())
# An apostrophe that joins a plural owner to a body's word ("Farmers' Party"): a name, wherever it stands.
_POSSESSIVE_JOIN = re.compile(r"^\S+s['’] ")
# Words that end a place's name, never a person's ("Victoria Road", "Harlan Ridge").
_PLACE_WORDS = frozenset(
    """
    street road avenue boulevard lane square way drive place park station ridge valley hill hills river
    lake mountain mountains falls bay island islands point creek heights springs county city town
    village beach forest harbour harbor port bridge center centre cup trophy plan doctrine inn hotel airport
    international memorial garden gardens stadium arena hall tower towers
    """.split()
)
# The runs on either side of such an "and" are at most this many words long (a body's name is short).
MAX_BODY_WORDS = 6
# Most words after "and" that go on with a body named by its head first ("… and Social Care").
MAX_AFTER_HEAD = 3
# Legal forms that end a company's name and no one else's ("Vantix Ltd", "Halvard Holdings",
# "Kessler GmbH"), matched as written: a name ending in one is an organisation whatever the
# weights say.
COMPANY_SUFFIXES = frozenset(
    """
    Inc Inc. Ltd Ltd. LLC LLP plc PLC Plc GmbH AG SA S.A. NV N.V. BV B.V. Corp Corp. Co Co. Group Holdings
    Limited Pty SpA S.p.A. AB ASA Oyj
    """.split()
)


@dataclass(frozen=True, slots=True)
class NameSpan:
    """One recognised name: where it is, its kind, and the title written before it.

    ``confidence`` is the model's probability of ``kind``; where the written form decided the
    kind against the weights (``_written_form_kind``), it is the weights' doubt about their own
    reading (1 - its probability), which may be low. ``title`` is the half-open span of a title
    or role just before the name ("Senator"), or None.
    """

    start: int
    end: int
    text: str
    kind: NameKind
    confidence: float
    title: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Model:
    """Trained weights: per feature one weight per class, the biases and the lower-case table.

    ``word_scores`` remembers the bias plus the weights of a run's word features (see
    ``_classify``), bounded by WORD_SCORE_CACHE.
    """

    weights: Mapping[str, Sequence[float]]
    bias: tuple[float, ...]
    lowercase_ratio: Mapping[str, float]
    word_scores: dict[tuple[str, ...], tuple[float, ...]] = field(default_factory=dict, compare=False, repr=False)


def find_names(
    text: str,
    sentences: Sequence[tuple[int, int]] | None = None,
    *,
    known_kind: Callable[[str], str | None] | None = None,
    model: Model | None = None,
) -> tuple[NameSpan, ...]:
    """Find the names of people, organisations, places and nationalities in ``text``.

    ``sentences`` are half-open sentence spans (found from punctuation when None);
    ``known_kind`` maps a span's text to its gazetteer kind ("person", "state" ...) or None;
    ``model`` replaces the shipped weights (training uses it). Spans are in text order and
    never overlap.
    """
    if not text:
        return ()
    if model is None:
        model = load_model()
    facts = ratio_facts(model.lowercase_ratio)
    bucket, everyday = facts.bucket, facts.everyday
    known_regions = regions()
    found: list[NameSpan] = []
    bodies: set[str] = set()  # names the words around one of their mentions make a body
    unsure: list[tuple[Candidate, str, float]] = []  # candidates the weights read as no name or too unsurely to keep
    for candidate in iter_candidates(text, sentences, known_kind=known_kind, lowercase_ratio=model.lowercase_ratio):
        kind, confidence = _classify(model, candidate.features, candidate.word_features)
        name = text[candidate.start:candidate.end]
        bare = _without_possessive(name)
        is_region = bare in known_regions
        if not is_region and _works_for_or_at(text, candidate, name, (kind, confidence), everyday, known_kind):
            # "analysts at Morgan Stanley", "cocoa regulator Cocobod", "Tesla CEO Elon Musk": a body
            found.append(NameSpan(candidate.start, candidate.end, name, "ORG",
                                  confidence if kind == "ORG" else 1.0 - confidence, candidate.title))
            bodies.add(bare)
            continue
        if (kind == "NONE" or confidence < MIN_CONFIDENCE) and candidate.title is None and not everyday[name.lower()]:
            unsure.append((candidate, name, confidence))
        if (kind in ("LOC", "ORG") and confidence < GIVEN_NAME_DOUBT or kind == "NONE" and not everyday[name.lower()]) \
                and not is_region and _acts_as_a_person(text, candidate, name, known_kind):
            # "Lindqvist resigned", "Okonjo testified": an unsure one-word place or body, or a word the
            # weights read as no name and no everyday word, that does what only people do
            found.append(NameSpan(candidate.start, candidate.end, name, "PER", 1.0 - confidence, candidate.title))
            continue
        if kind != "LOC" and is_region:
            # "Karnataka", "Tamil Nadu": a region of a state, whatever the weights read
            found.append(NameSpan(candidate.start, candidate.end, name, "LOC", max(confidence, REGION_CONFIDENCE),
                                  candidate.title))
            continue
        # (both written-form rules need the weights unsure: most candidates skip the call)
        if kind == "NONE" or confidence < GIVEN_NAME_DOUBT or kind == "PER" and (
                confidence < BODY_HEAD_DOUBT or name.rsplit(" ", 1)[-1] in _UTILITY_ENDS):  # "Thornvale Water": no surname
            written = _written_form_kind(name, candidate.initial, kind, confidence, everyday, known_kind)
            if written is not None:
                # the weights' doubt about their own reading is the confidence of the written form's
                found.append(NameSpan(candidate.start, candidate.end, name, written,
                                      confidence if kind == written else 1.0 - confidence, candidate.title))
                continue
        if candidate.parts and _prefer_parts(model, text, candidate, kind, confidence):
            for part in candidate.parts:
                part_kind, part_confidence = _classify(model, part.features, part.word_features)
                if part_kind != "NONE" and part_confidence >= MIN_CONFIDENCE:
                    part_name = text[part.start:part.end]
                    part_kind = _written_kind(part_name, part_kind, part.title, bucket)
                    found.append(NameSpan(part.start, part.end, part_name, part_kind, part_confidence, part.title))
            continue
        if kind != "NONE" and confidence >= MIN_CONFIDENCE:
            kind = _written_kind(name, kind, candidate.title, bucket)
            found.append(NameSpan(candidate.start, candidate.end, name, kind, confidence, candidate.title))
    bodies |= _companies_short_forms(found, everyday, known_regions, known_kind)
    if bodies:
        found = _bodies_throughout(found, unsure, bodies)
    places = {match.group(1) for name in found if name.kind == "ORG" and (match := _LOCAL_COUNCIL.match(name.text))}
    if places:  # (a person's surname stays the person's: "Mary Kingston")
        places -= {name.text.rsplit(" ", 1)[-1] for name in found if name.kind == "PER" and " " in name.text}
        found = _places_throughout(found, unsure, places)
    return tuple(found)


# Words that end a company's name and no place's or institution's: its first word alone is the company's
# short form ("Fairway Foods" … "Fairway will hold its annual meeting"; "Meridian Rail" … "Meridian wants").
_COMPANY_ENDS = TRADE_WORDS | frozenset(
    """energy airlines airways motors industries technologies systems labs laboratories pharmaceuticals pharma
    therapeutics solutions ventures enterprises insurance telecom mining resources petroleum foods brands holdings
    rail railways homes properties estates developments hotels studios software robotics biotech retail stores
    supermarkets""".split())


def _companies_short_forms(found: Sequence[NameSpan], everyday: Mapping[str, bool], regions: frozenset[str],
                           known_kind: Callable[[str], str | None] | None) -> set[str]:
    """The first words of two-word company names ("Fairway Foods"): no everyday word, region or known name."""
    short = set()
    for name in found:
        words = name.text.split()
        if name.kind == "ORG" and len(words) == 2 and words[1].lower() in _COMPANY_ENDS:
            first = words[0]
            if first[:1].isupper() and not everyday[first.lower()] and first not in regions \
                    and (known_kind is None or known_kind(first) is None):
                short.add(first)
    return short


# A local authority named by its place ("Ashcombe Town Council", "Porthlow City Council"): that place's name.
_LOCAL_COUNCIL = re.compile(r"^([A-Z][\w'’-]+) (?:Town|City|County|District|Borough|Parish|Metropolitan Borough) Council$")


def _places_throughout(found: list[NameSpan], unsure: Sequence[tuple[Candidate, str, float]], places: set[str]
                       ) -> list[NameSpan]:
    """Every bare mention of a place a local council is named after, as that place.

    "Ashcombe Town Council" names the town Ashcombe, which the text then names bare ("Ashcombe is
    right to …", "Ashcombe has decided …"), where the weights often read a person. A mention under a
    title ("Mr Ashcombe") or one the weights are sure is a person (SURE_PERSON) stays one; one the
    weights read as no name joins.
    """
    return _named_throughout(found, unsure, places, "LOC",
                             lambda name: name.kind in ("PER", "ORG") and name.confidence < SURE_PERSON)


def _bodies_throughout(found: list[NameSpan], unsure: Sequence[tuple[Candidate, str, float]], bodies: set[str]
                       ) -> list[NameSpan]:
    """Every mention of a name that one mention's surroundings made a body, as that body.

    A one-word company or college is named bare through a text ("Starting pay at Skyvale …
    Skyvale has slammed the door"), and the weights read most of its mentions as a person's;
    one mention after "staff at", before "'s board" or after "the lender" decides them all (an
    unsure place too: "pay at Skyvale"). A mention under a title ("Mr Skyvale") stays a person;
    one the weights read as no name joins.
    """
    return _named_throughout(found, unsure, bodies, "ORG", lambda name: (
        name.kind == "PER" and name.confidence < SURE_PERSON or name.kind == "LOC" and name.confidence < GIVEN_NAME_DOUBT))


def _named_throughout(found: list[NameSpan], unsure: Sequence[tuple[Candidate, str, float]], names: set[str],
                      kind: NameKind, changes: Callable[[NameSpan], bool]) -> list[NameSpan]:
    """The bare mentions of ``names`` as ``kind``: each found one that ``changes`` accepts and no title
    stands before, and each unsure candidate (at the weights' doubt about their own reading)."""
    changed = [replace(name, kind=kind) if name.title is None and _without_possessive(name.text) in names
               and changes(name) else name for name in found]
    taken = {(name.start, name.end) for name in found}
    changed += [NameSpan(candidate.start, candidate.end, name, kind, 1.0 - confidence, None)
                for candidate, name, confidence in unsure
                if _without_possessive(name) in names and (candidate.start, candidate.end) not in taken]
    return sorted(changed, key=lambda name: name.start)


# The weights' confidence in a person above which another mention's surroundings do not make the name a body.
SURE_PERSON = 0.9


def _written_form_kind(name: str, initial: bool, kind: str, confidence: float, everyday: Mapping[str, bool],
                       known_kind: Callable[[str], str | None] | None) -> NameKind | None:
    """The kind a run's written form gives it where the weights read no name or are unsure; else None.

    A run ending in an institution's word is a body ("the opposition Civic Alliance",
    "SafeStreets Alliance"; GMB's news, which the weights learnt from, names few unknown bodies),
    unless an everyday word opens the sentence with it ("Trade Union leaders met"). A run of two
    or three words opening with a given name (``lexicons/given_names.tsv``) that is no everyday
    word is a person ("parents like Donna Keating", "a former estate agent, Nigel Brand") when
    the weights read no name, or another kind less surely than GIVEN_NAME_DOUBT.
    """
    if " " not in name:
        return None
    if _POSSESSIVE_JOIN.match(name) and is_body_name(name):
        return "ORG"  # "Farmers' Party": a plural owner and a body's word, whatever the weights read
    first_word = name.split(" ", 1)[0].lower()
    if (kind == "NONE" or confidence < MIN_CONFIDENCE or (kind == "PER" and first_word not in given_names())) \
            and (is_body_name(name) or name.rsplit(" ", 1)[-1] in _UTILITY_ENDS) \
            and not (initial and everyday[first_word]) and first_word not in _OCCASIONS:
        # (not "Sunday School" or "the office Christmas Party"; a person the weights doubt is a
        # body by its head unless a given name opens it: "Millbrook Rovers", not "Charlotte Church")
        return "ORG"
    if (kind == "NONE" or (kind != "PER" and confidence < GIVEN_NAME_DOUBT)) and _opens_with_given_name(name, everyday):
        # (a given name the gazetteer knows as a state or a group opens that one's name: "China Relations")
        first = name.split(" ", 1)[0]
        if known_kind is None or known_kind(first) not in ("state", "group"):
            return "PER"
    return None


def _opens_with_given_name(name: str, everyday: Mapping[str, bool]) -> bool:
    """Whether a name of two or three capitalised words opens with a given name (not in capitals) and
    ends in no body's, company's or place's word ("Donna Keating", not "Jordan Valley Authority",
    "Victoria Road" or "RIA Novosti")."""
    words = name.split()
    if len(words) > 3 or not all(word[0].isupper() for word in words) or words[0].isupper():  # "RIA Novosti"
        return False
    first, last = words[0].lower(), _without_possessive(words[-1].lower())
    return (first in given_names() and not everyday[first] and first not in _NOT_GIVEN_NAMES and last not in NAME_HEADS
            and last not in _PLACE_WORDS and words[-1] not in COMPANY_SUFFIXES)


# The confidence given to a region's name read as a place by ``lexicons/regions.tsv`` (the weights may have read less).
REGION_CONFIDENCE = 0.9


@cache
def regions() -> frozenset[str]:
    """The names of ``lexicons/regions.tsv``: first-level regions of states ("Karnataka", "Ontario", "Bavaria")."""
    rows = read_data_bytes("regions.tsv").decode("utf-8").splitlines()
    return frozenset(row.split("\t", 1)[0] for row in rows if row and not row.startswith("#") and not row.startswith("name\t"))


@cache
def given_names() -> frozenset[str]:
    """The given names of ``lexicons/given_names.tsv`` (US Census 1990 lists, public domain) and
    ``lexicons/given_names_world.tsv`` (names of other regions, written for framing), lower case."""
    return frozenset(_female_shares())


# The given-name files, the census lists first (``_given_name_table``).
GIVEN_NAME_FILES = ("given_names.tsv", "given_names_world.tsv")
# A given name is a man's or a woman's when at least this share of its bearers are on that census list.
GENDERED_SHARE = 0.9


def given_name_gender(word: str) -> Literal["female", "male"] | None:
    """Whether a given name ("Doreen", "Tom") is borne almost only by women or by men, from the census lists;
    None for a name borne by both ("Jordan") or not on them."""
    share = _female_shares().get(word.lower())
    if share is None:
        return None
    return "female" if share >= GENDERED_SHARE else "male" if share <= 1.0 - GENDERED_SHARE else None


@cache
def _female_shares() -> dict[str, float]:
    """Each given name of ``lexicons/given_names.tsv`` -> the share of its bearers on the female list."""
    return {name: female for name, (_, female) in _given_name_table().items()}


@cache
def _given_name_table() -> dict[str, tuple[float, float]]:
    """Each given name of the two given-name files -> (percent of people, share of its bearers who are women).

    The census lists come first; the world list adds names they lack, with percent 0 (no census share).
    """
    table: dict[str, tuple[float, float]] = {}
    for file in GIVEN_NAME_FILES:
        for row in read_data_bytes(file).decode("utf-8").splitlines():
            if row and not row.startswith("#") and not row.startswith("name\t"):
                name, percent, female = row.split("\t")
                table.setdefault(name, (float(percent), float(female)))
    return table


def is_body_name(name: str) -> bool:
    """Whether a name of two words or more is a body's: its head is an institution's word (NAME_HEADS).

    The head is the word before the first "of" ("Association of Resident Doctors", "Church of
    Sweden"), a body's word before "on" ("UN Office on Drugs and Crime") or else the last word
    ("Rail and Transport Workers Union").
    """
    words = name.split()
    if len(words) < 2:
        return False
    if "on" in words[1:] and words[words.index("on", 1) - 1].lower() in ON_HEADS:
        return True
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return _without_possessive(head.lower()) in NAME_HEADS


def _without_possessive(word: str) -> str:
    """A word without its possessive ending ("union's" -> "union"), either apostrophe."""
    return word.removesuffix("'s").removesuffix("’s")


def _written_kind(name: str, kind: NameKind, title: tuple[int, int] | None, bucket: Mapping[str, str]) -> NameKind:
    """The kind a name's written form decides where the weights guess otherwise.

    A name ending in a company's legal form is an organisation ("Vantix Ltd"). A name after a
    person's title is a person ("Competition Commissioner Margrethe Lindqvist", "Emperor
    Akihito") when every word of it is one rarely written in lower case, as a personal name's
    are, and it does not end in an organisation's word.
    """
    if " " not in name and title is None:  # most names: one word after no title, nothing to decide
        return kind
    if kind != "NAT" and " " in name and name.rsplit(" ", 1)[1] in COMPANY_SUFFIXES:
        return "ORG"
    if kind == "ORG" and title is not None and _is_personal_name(name, bucket):
        return "PER"
    return kind


def _is_personal_name(name: str, bucket: Mapping[str, str]) -> bool:
    """Whether each word of a name is rarely or never written in lower case (bucket "u" or "0") and the
    last is no organisation's word."""
    words = name.lower().split()
    return words[-1] not in ORG_SUFFIXES and all(bucket[word.rstrip(".")] in _NAME_BUCKETS for word in words)


_NAME_BUCKETS = frozenset(("u", "0"))
_NEVER_LOWER = "0"  # the lower-case table's bucket of words seen only capitalised (names)


def _prefer_parts(model: Model, text: str, candidate: Candidate, kind: str, confidence: float) -> bool:
    """Whether "X of Y" is two names ("Kwame Mensah of Ghana"), not one ("Bank of England").

    It is two when a title stands before it ("Justice Inyang Ekwo of the Federal High Court": a
    title names a person) and its first part ends in no body's or place's word ("King Abdullah
    University of Science and Technology" is one), when the whole reads as a person, as no name, or
    less surely than its first part.
    """
    first = candidate.parts[0]
    if candidate.title is not None and not _ends_a_body_or_place(text[first.start:first.end].rsplit(None, 1)[-1].lower()):
        return True
    if kind in ("PER", "NONE") or confidence < MIN_CONFIDENCE:
        return True
    part_kind, part_confidence = _classify(model, first.features, first.word_features)
    return part_kind == "PER" and part_confidence > confidence


def _ends_a_body_or_place(last: str) -> bool:
    """Whether a name's last word (lower case) ends a body's or a place's name ("Abdullah University", "Grand Mosque")."""
    return last in NAME_HEADS or last in _PLACE_WORDS or last in _WORSHIP_PLACES


def _classify(model: Model, features: tuple[str, ...], word_features: int = 0) -> tuple[Any, float]:
    """Return the most probable class and its softmax probability.

    The sum over the first ``word_features`` features (those of the run's own words) is
    remembered per model: a name recurs through a text, and its words weigh the same wherever
    it stands. It is the same additions in the same order, so no score changes by a bit.
    """
    weights = model.weights
    if word_features:
        head = features[:word_features]
        start = model.word_scores.get(head)
        if start is None:
            start = _add_weights(weights, model.bias, head)
            if word_features <= MAX_REMEMBERED_FEATURES:
                if len(model.word_scores) >= WORD_SCORE_CACHE:
                    model.word_scores.clear()
                model.word_scores[head] = start
        features = features[word_features:]
    else:
        start = model.bias
    s0, s1, s2, s3, s4 = scores = _add_weights(weights, start, features)
    top = max(scores)
    exp = math.exp
    return CLASSES[scores.index(top)], 1.0 / (exp(s0 - top) + exp(s1 - top) + exp(s2 - top) + exp(s3 - top) + exp(s4 - top))


def _add_weights(weights: Mapping[str, Sequence[float]], start: Sequence[float],
                 features: Sequence[str]) -> tuple[float, float, float, float, float]:
    """``start`` plus the weights of the known features, added one feature after another."""
    s0, s1, s2, s3, s4 = start
    for w0, w1, w2, w3, w4 in filter(None, map(weights.get, features)):  # known features only
        s0 += w0
        s1 += w1
        s2 += w2
        s3 += w3
        s4 += w4
    return s0, s1, s2, s3, s4


@cache
def load_model() -> Model:
    """Load the shipped weights once per process (the installed package, else the source tree)."""
    return parse_model(json.loads(read_model_text(WEIGHTS_FILE)))


def parse_model(data: Mapping[str, Any]) -> Model:
    """Build a Model from the JSON table written by ``tools/train_recogniser.py``."""
    if tuple(data["classes"]) != CLASSES:
        raise ValueError(f"{WEIGHTS_FILE}: classes {data['classes']!r}; expected {list(CLASSES)!r}")
    # Interned, like the feature names of recogniser_features: a lookup of one finds its key by identity.
    weights = {sys.intern(feature): tuple(row) for feature, row in data["weights"].items()}
    ratios = {word: percent / 100 for word, percent in data["lowercase_percent"].items()}
    return Model(weights, tuple(data["bias"]), ratios)


# --- candidates, their features from recogniser_features (shared with the training script) ---


def iter_candidates(
    text: str,
    sentences: Sequence[tuple[int, int]] | None = None,
    *,
    known_kind: Callable[[str], str | None] | None = None,
    lowercase_ratio: Mapping[str, float],
    mode: LineMode | None = None,
) -> Iterator[Candidate]:
    """Yield every candidate name span of ``text`` with its features, line by line.

    ``mode`` forces how capitalisation is read (the training script uses it for
    synthetic headlines); None decides per line.
    """
    starts = sorted(start for start, _ in sentences) if sentences is not None else None
    facts = ratio_facts(lowercase_ratio)
    findall = _TOKEN.findall
    position = 0
    length = len(text)
    cursor = [0]
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        if line_end > position:
            spaced = findall(text, position, line_end)
            if spaced:
                # The tokens, and where each ends: a token's start is its end less its length.
                line = Line(list(map(str.lstrip, spaced)), list(accumulate(map(len, spaced), initial=position))[1:])
                yield from _line_candidates(text, line, starts, cursor, known_kind, facts, mode)
        position = line_end + 1


def _line_mode(tokens: Sequence[str], facts: RatioFacts) -> LineMode:
    """Read a line as plain text, Title Case or ALL CAPS (any lower-case content word: plain text)."""
    if len(tokens) < MIN_HEADLINE_WORDS:
        return "normal"
    for word in tokens:
        if word[0].islower() and word not in FUNCTION_WORDS and word != "s":  # "s" of "Kane's"
            return "normal"
    words = [w for w in tokens if w[0].isalpha() and w not in ("s", "S")]
    long_words = [w for w in words if len(w) > 1]
    if len(long_words) >= MIN_HEADLINE_WORDS and sum(w.isupper() for w in long_words) >= CAPS_LINE_SHARE * len(long_words):
        return "caps"
    everyday = facts.everyday
    if len(words) >= MIN_HEADLINE_WORDS and any(
            w.lower() not in FUNCTION_WORDS and everyday[w.lower()] for w in words):
        return "title"
    return "normal"


def _is_initial(line: Line, index: int, sentence_starts: Sequence[int] | None, cursor: list[int]) -> bool:
    """Whether token ``index`` opens a sentence, a quotation or a line."""
    if index == 0:
        return True
    previous = line.words[index - 1]
    if previous in ".!?:;\"“‘'([—–-…" and not previous.isalnum():
        return True
    if sentence_starts is not None:
        start = line.ends[index] - len(line.words[index])
        pointer = cursor[0]
        while pointer < len(sentence_starts) and sentence_starts[pointer] <= start:
            pointer += 1
        cursor[0] = pointer
        if pointer and line.ends[index - 1] <= sentence_starts[pointer - 1]:
            return True
    return False


def _is_capitalised(word: str, mode: LineMode, facts: RatioFacts) -> bool:
    """Whether a token can be part of a name on a line read in ``mode``."""
    first = word[0]
    if not first.isupper():
        return first.isalpha() and _PARTICLE_WORD.match(word) is not None
    if mode == "normal":
        return True
    lower = word.lower()
    return lower not in FUNCTION_WORDS and not facts.everyday[lower]


def _line_candidates(
    text: str,
    line: Line,
    sentence_starts: Sequence[int] | None,
    cursor: list[int],
    known_kind: Callable[[str], str | None] | None,
    facts: RatioFacts,
    forced: LineMode | None,
) -> list[Candidate]:
    """The candidates of one line of tokens (``cursor`` walks ``sentence_starts``)."""
    tokens = line.words
    mode = forced or _line_mode(tokens, facts)
    n = len(tokens)
    if mode == "normal":  # the fast path: each distinct word tested once
        flags = list(map(_NAME_WORD_FLAGS.__getitem__, tokens))
    else:
        flags = [_is_capitalised(w, mode, facts) for w in tokens]
    flags.append(False)  # sentinel
    found: list[Candidate] = []
    i = 0
    while True:
        try:
            i = flags.index(True, i)
        except ValueError:
            break
        j = i + 1  # the run is tokens[i:j]
        while True:
            j = flags.index(False, j)  # at most the sentinel, n
            if j >= n:
                break
            k = j
            while k < n and k - j < MAX_CONNECTORS and tokens[k].lower() in CONNECTORS \
                    and not (k == j and tokens[k].lower() in _NOT_FIRST_CONNECTORS):
                k += 1
            if k > j and flags[k] and tokens[k][0].isupper():
                j = k + 1
                continue
            if tokens[j] == "on" and tokens[j - 1].lower() in ON_HEADS and flags[j + 1] and tokens[j + 1][0].isupper() \
                    and tokens[j + 1].lower() not in _OCCASIONS:  # (not "the Commission on Monday")
                j += 2  # "Commission on Human Rights", "Council on Foreign Relations": one body
                continue
            if tokens[j] == "and" and _joins_one_body(tokens, flags, i, j, facts, known_kind):
                j += 2  # "Rail and Transport Workers Union": one organisation
                continue
            joined = _possessive_body(line, flags, i, j, known_kind)
            if joined:
                j += joined  # "National Dockworkers' Union", "St Anne's Hospital"
                continue
            break
        if j - i > 1 or tokens[i].lower() not in FUNCTION_WORDS:  # "The", "He" alone make no candidate
            initial = _is_initial(line, i, sentence_starts, cursor)
            _run_candidates(found, text, line, i, j, initial, mode, known_kind, facts)
        i = j
    return found


def _joins_one_body(tokens: Sequence[str], flags: Sequence[bool], i: int, j: int, facts: RatioFacts,
                    known_kind: Callable[[str], str | None] | None = None) -> bool:
    """Whether "and" at ``j`` joins two halves of one body's name: "Rail and Transport Workers
    Union", "National Disaster Risk Reduction and Management Authority".

    The run before it (``tokens[i:j]``, at most MAX_BODY_WORDS words) is of everyday words, as a
    body's subject is ("Rail", "Risk Reduction", "US Food": a first word may be a name), not names
    ("Britain and France", "Ford and General Motors Company"), and the run after it ends in an
    institution's word (BODY_HEADS) within MAX_BODY_WORDS words. Or the run before names the
    body by its head first ("Department of Health", ``_opens_with_a_head``) and the run after it
    opens with an everyday word and ends within MAX_AFTER_HEAD words ("… and Social Care"), but
    is no body of its own ("Ministry of Defence and Home Office", "… and Red Cross officials":
    it ends in an institution's word, or the gazetteer knows it). The run after "and" opens with
    no name ("… and Rescue Service", not "Tesla Energy and Ford Motor Company": a word never
    written in lower case, or one the gazetteer knows).
    """
    if j - i > MAX_BODY_WORDS or not (flags[j + 1] and tokens[j + 1][0].isupper()):
        return False
    if tokens[j - 1].lower() in ORG_SUFFIXES or tokens[j - 1] in COMPANY_SUFFIXES:
        return False  # "Norvik Industries and Halden Steel Corporation": the first is whole already
    everyday = facts.everyday
    if _opens_with_a_head(tokens, i, j, facts):  # "Department of Health and Social Care"
        end = j + 1  # (its first word is an everyday one: "and Care Excellence", not "and Tesla")
        while end < len(tokens) and flags[end] and end - j <= MAX_AFTER_HEAD:
            end += 1
        after = tokens[j + 1:end]
        return (everyday[tokens[j + 1].lower()] and not flags[end] and after[-1].lower() not in NAME_HEADS
                and (known_kind is None or known_kind(" ".join(after)) is None))
    # (a first word may be a name when everyday words follow it: "US Food and Drug Administration")
    content = [word.lower() for word in tokens[i:j] if word.lower() not in FUNCTION_WORDS]
    if not content or not all(everyday[word] for word in content[1:]) or (len(content) == 1 and not everyday[content[0]]):
        return False
    following = tokens[j + 1]
    if facts.bucket[following.lower()] == _NEVER_LOWER or (known_kind is not None and known_kind(following) is not None):
        return False  # "Tesla Energy and Ford Motor Company": a name after "and" opens a second body
    end = j + 1
    while end < len(tokens) and end - j <= MAX_BODY_WORDS and (
            flags[end] or (tokens[end].lower() in CONNECTORS and flags[end + 1])):
        if tokens[end].lower() in BODY_HEADS and not flags[end + 1]:
            return True
        end += 1
    return False


def _opens_with_a_head(tokens: Sequence[str], i: int, j: int, facts: RatioFacts) -> bool:
    """Whether the run ``tokens[i:j]`` names a body by its institution's word first, then "of" or "for"
    and words that are no names ("Department of Health", "National Institute for Health", "Department
    of Forestry": none is a word seen only capitalised), so that "and" with a few more everyday
    words goes on with its subject ("… and Social Care", "… and Fire Protection")."""
    for k in range(i, j - 2):
        head = tokens[k].lower()
        if (head in NAME_HEADS and tokens[k + 1] in ("of", "for")) or (head in ON_HEADS and tokens[k + 1] == "on"):
            rest = [word.lower() for word in tokens[k + 2:j] if word.lower() not in FUNCTION_WORDS]
            return bool(rest) and all(facts.bucket[word] != _NEVER_LOWER for word in rest)
    return False


def _possessive_body(line: Line, flags: Sequence[bool], i: int, j: int,
                     known_kind: Callable[[str], str | None] | None) -> int:
    """How many tokens from ``j`` an apostrophe joins into one body's name with the run ``i:j`` and
    the words after (0: none): a plural's ("Dockworkers' Union", "Teachers' Federation": 2) or a
    singular's ("St Anne's Hospital", "King's College London": 3), written on the word before, the
    institution's word capitalised. A possessive of a name the gazetteer knows stays a possessive
    ("Russia's Parliament", "South Africa's Parliament", "Wales' Assembly"), as does one of a person
    ("Mayor Lorna Pike's Office"); an apostrophe that closes a quotation joins nothing."""
    tokens, ends = line.words, line.ends
    if tokens[j] not in ("'", "’") or ends[j - 1] != ends[j] - 1:
        return 0
    plural = tokens[j - 1][-1] in "sS"
    head = j + 1 if plural else j + 2
    if not plural and (j + 1 >= len(tokens) or tokens[j + 1] != "s" or ends[j + 1] != ends[j] + 1):
        return 0
    if head >= len(tokens) or not flags[head] or not tokens[head][0].isupper():
        return 0
    if tokens[head].lower() not in (BODY_HEADS if plural else NAME_HEADS):
        return 0
    owner = tokens[i:j]
    if known_kind is not None and any(known_kind(" ".join(owner[k:])) not in (None, "group") for k in range(len(owner))):
        return 0  # (a group's plural names the members a body is of: "Farmers' Party")
    if not plural and (any(_word(word)[BARE] in TITLE_WORDS for word in owner[:-1])
                       or len(owner) > 1 and owner[0].lower() in given_names()):
        return 0  # a titled person's ("Mayor Lorna Pike's Office"; but "King's Fund" is one name); a plural
        # owns as a body's members do ("Kenya United Workers'")
    if any(tokens[k] in ("'", "‘") and (k == 0 or ends[k - 1] < ends[k] - 1) for k in range(max(0, i - 2), j)):
        return 0  # "sang 'Save Our Buses' Council …": the apostrophe closes a quotation
    return head - j + 1


def _is_name_word_in_prose(word: str) -> bool:
    """``_is_capitalised`` on a plain-text line: capitalised, or a particle glued to a name ("al-Assad")."""
    return word[0].isupper() or (("-" in word or "'" in word or "’" in word) and _PARTICLE_WORD.match(word) is not None)


# Houses of worship, which end a place's name as _PLACE_WORDS do ("Sheikh Zayed Grand Mosque of Abu Dhabi").
_WORSHIP_PLACES = frozenset("mosque mosques cathedral temple shrine basilica synagogue abbey chapel".split())
# A given name at least this common (percent of people in the census lists) opens a sentence as a
# name although it is an everyday word ("Faith" 0.028, "Mark" 0.938; not "Rich" 0.007, "Young" 0.01).
COMMON_GIVEN_NAME = 0.02
# Words that end the name of an occasion, not of a person ("Guy Fawkes Night").
_OCCASION_ENDS = frozenset("night day eve week festival".split())
# Acronyms of everyday English that name a thing, a measure or a job, never a body: alone they are no
# one's name ("the AI boom", "an ID card", "HIV rates", "a CEO"). From general usage, not one text.
COMMON_ACRONYMS = frozenset(
    """AI ID IDs GDP CEO CEOs CFO COO CTO DNA RNA HIV AIDS COVID GPS EV EVs PDF TV LGBT LGBTQ LGBTQ+ IQ VAT GST
    ATM ATMs SUV SUVs USB URL VPN MRI ICU IVF PPE UFO UFOs DIY FAQ LNG LPG CO2 VR IPO IPOs ETF ETFs ESG KPI
    API APIs SMS PIN QR GMO GMOs HGV HGVs PhD MBA BBQ PTSD ADHD OCD IVs ICBM ICBMs MP3 DVD DVDs CD CDs
    NIMBY NIMBYs YIMBY YIMBYs WMD WMDs""".split())
# (not CPI, GNP, PC or CGI: a party of India, one of Korea, Ontario's Conservatives and a company bear them)
# Words that open a title without being a name of their own ("Union Agriculture Minister", India's federal ministers).
_TITLE_OPENERS = frozenset({"union"})
# Word -> ``_is_name_word_in_prose(word)``, each distinct word tested once.
_NAME_WORD_FLAGS: BoundedMemo[str, bool] = BoundedMemo(_is_name_word_in_prose, WORD_CACHE)
# Token -> its facts (the memo the features read too): ``_word(token)[BARE]`` is its bare lower case.
_word = WORD_FACTS.__getitem__


def _only_function_words(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether tokens[start:end] are all function words: the run was one word after any "The" ("The AI
    boom"), not a longer name cut short ("Stability AI", its everyday first word cut)."""
    return all(tokens[k].lower() in FUNCTION_WORDS for k in range(start, end))


def _run_candidates(
    found: list[Candidate], text: str, line: Line, i: int, j: int, initial: bool, mode: LineMode,
    known_kind: Callable[[str], str | None] | None, facts: RatioFacts,
) -> None:
    """Split a capitalised run into title and name, then add the name candidate(s) to ``found``."""
    tokens = line.words
    first = tokens[i].lower()
    run_start = i  # (before any word is cut from the run below)
    acronym = mode == "normal" and len(first) > 1 and tokens[i].isupper()
    if initial and not acronym and first.rstrip(".") not in TITLE_WORDS \
            and (first in FUNCTION_WORDS or (facts.everyday[first] and not (i + 2 < j and tokens[i + 1] in ("and", "'", "’"))
                                             and not _given_then_surname(tokens, i, j, facts, known_kind))):
        i += 1
        while i < j and tokens[i].lower() in CONNECTORS:
            i += 1
        initial = False
        if i >= j:
            return
    if j - i > 1 and i > 0 and tokens[i].lower() in _LEADING_TIME and tokens[i - 1].lower() in _BEFORE_A_DATE:
        i += 1  # "On Thursday Porthlow City Council voted": the day is no part of the name
        initial = False
    if j - i == 1:  # most runs are one word: no day, title or "of" to look for
        if _word(tokens[i])[BARE] not in TITLE_WORDS and tokens[i].lower() not in FUNCTION_WORDS \
                and not (tokens[i] in COMMON_ACRONYMS and _only_function_words(tokens, run_start, i)):
            found.append(build_candidate(text, line, i, j, initial, mode, None, known_kind, facts))
        return
    title: tuple[int, int] | None = None
    while j - i > 1 and tokens[j - 1].lower() in _TRAILING_TIME:  # "Mostafa Najjar Friday"
        j -= 1
    org_like = tokens[j - 1].lower() in ORG_SUFFIXES and not any(tokens[k] == "of" for k in range(i, j))
    # A title needs a word after it ("General Motors" keeps "General").
    head = None if org_like or j - i < 2 else _title_end(tokens, i, j, facts)
    if head is not None:
        begin = head[0]
        # "U.S. President Barack Obama": "U.S." is a candidate of its own; the "Union" of India's
        # "Union Home Minister" is part of the title
        if begin > i and not (begin - i == 1 and tokens[i].lower() in _TITLE_OPENERS):
            found.append(build_candidate(text, line, i, begin, initial, mode, None, known_kind, facts))
        title = (line.ends[begin] - len(tokens[begin]), line.ends[head[1] - 1])
        i, initial = head[1], False
    for k in range(i, j):
        if _word(tokens[k])[BARE] not in TITLE_WORDS and (k == i or tokens[k] not in _ROLE_JOINS):
            break
    else:
        return  # "Prime Minister" or "Secretary of State" alone is a role, not a name
    candidate = build_candidate(text, line, i, j, initial, mode, title, known_kind, facts)
    cut = None
    for k in range(i + 1, j - 1):
        if tokens[k] in ("of", "for"):
            cut = k
            break
    rest = j
    if cut is not None:
        rest = cut + 1
        while rest < j and tokens[rest].lower() in CONNECTORS:
            rest += 1
    if cut is not None and rest < j:
        parts = (build_candidate(text, line, i, cut, initial, mode, title, known_kind, facts),
                 build_candidate(text, line, rest, j, False, mode, None, known_kind, facts))
        candidate = candidate._replace(parts=parts)
    found.append(candidate)


def _given_then_surname(tokens: Sequence[str], i: int, j: int, facts: RatioFacts,
                        known_kind: Callable[[str], str | None] | None) -> bool:
    """Whether a run opening a sentence with an everyday word is a given name and a surname ("Faith
    Njoroge", "Mark Carney"; not "Ferry services", "Will Ukraine", "Rich Qataris", "Rose Hill",
    "Olive Garden", "Guy Fawkes Night"): a common given name (COMMON_GIVEN_NAME of the census
    lists), then a word that is no everyday word, no place the gazetteer knows, and no word that
    ends a place's, body's or occasion's name."""
    if j - i not in (2, 3):
        return False
    first, second, last = tokens[i].lower(), tokens[i + 1], tokens[j - 1].lower()
    percent, _ = _given_name_table().get(first, (0.0, 0.0))
    return (percent >= COMMON_GIVEN_NAME and first not in _NOT_GIVEN_NAMES
            and second[:1].isupper() and not facts.everyday[second.lower()]
            and last not in NAME_HEADS and last not in _PLACE_WORDS and last not in _OCCASION_ENDS
            and (known_kind is None or known_kind(second) is None))


def _title_end(tokens: Sequence[str], i: int, j: int, facts: RatioFacts) -> tuple[int, int] | None:
    """Find a title inside the run tokens[i:j]: (first title token, first name token), or None.

    The title is a stretch of title words ending in a title head ("Foreign Minister"),
    optionally "of <title word>" ("Secretary of State"), followed by at least one name
    word that is not an everyday word ("General Motors" keeps its "General").
    """
    everyday = facts.everyday
    best: tuple[int, int] | None = None
    k = i
    while k < j - 1:
        lower = _word(tokens[k])[BARE]
        if lower in TITLE_HEADS:
            end = k + 1
            if end + 1 < j - 1 and tokens[end] == "of":  # "Secretary of State", "Director of Operations"
                stop = end + 1
                while stop < j - 1 and (tokens[stop].lower() in TITLE_WORDS or everyday[tokens[stop].lower()]):
                    stop += 1
                if stop > end + 1:
                    end = stop
            follower = tokens[end]
            abbreviated = tokens[k].endswith(".") or lower in HONORIFICS
            if end < j and (abbreviated or not everyday[follower.lower()]) \
                    and follower.lower() not in CONNECTORS and follower not in ("'", "’"):  # "King's College"
                begin = k
                while begin > i and _word(tokens[begin - 1])[BARE] in TITLE_WORDS:
                    begin -= 1
                best = (begin, end)
            k = end
            continue
        k += 1
    return best
