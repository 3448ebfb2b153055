"""Name recogniser features: a run of tokens on a line -> a Candidate with its feature names.

The one feature extractor, shared by run time and training (through
``framing.stages.recogniser.iter_candidates``): the vocabulary a name's words are read
against, what a lower-case table says of a word (its frequency bucket, whether it is an
everyday word), each distinct token's feature names made once, and a candidate's features
in the order the shipped weights read them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Final, Literal, NamedTuple

from framing.text.memo import BoundedMemo

LineMode = Literal["normal", "title", "caps"]
# Distinct tokens whose one-value facts (bucket, everyday, name word) are remembered.
WORD_CACHE = 65536
# Distinct tokens whose feature names are remembered (about 1.4 kB each, so at most ~11 MB; a
# news article has a few hundred names and neighbours of names).
FEATURE_CACHE = 8192
# Runs whose own features (here) and word-feature scores (a model's) are remembered (a few
# hundred bytes each; a news article has a few hundred distinct capitalised runs).
WORD_SCORE_CACHE = 8192
# Longest run (in tokens) whose features and scores are remembered: names are short, and a
# long run of capitals (a shouted headline, a title-case table) would make a key as long as itself.
MAX_REMEMBERED_RUN = 8
# Lower-case tables whose lookups are remembered (the shipped one, and a few in training).
RATIO_TABLES = 4

# A word written in lower case more often than this (NewsMTSC counts) is an everyday word:
# dropped at the start of a sentence and not a name word on a headline line. 0.5 = "more
# often lower case than capitalised mid-sentence"; chosen by hand, not tuned on GMB dev.
EVERYDAY_LC_RATIO = 0.5

# Lower-case words that join two capitalised words inside one name ("Bank of England").
CONNECTORS = frozenset(
    "of de da do dos das del della di du des la le van von der den ter bin ibn al el y for the &".split()
)
# Endings stripped to find an unseen word's stem in the lower-case table ("warns" -> "warn").
_INFLECTIONS = ("s", "es", "ed", "d", "ing")
# Closed-class words: never names on their own, dropped at a sentence start, and the only
# words Title Case leaves in lower case.
FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor of in on at to for by with from as vs via per up off into over than
    onto upon about after before under since until while during without within between among
    against through across toward towards despite amid amidst
    i he she it we they you me him her us them his its our their your my this that these those
    there here what which who whom whose when where why how if then so yet also not no yes
    all any each every some such both either neither many much more most few other another
    is are was were be been being has have had do does did will would can could may might must shall should
    however meanwhile still even just only now later earlier today yesterday tomorrow
    """.split()
)
# Words that make a title or role before a name; ``TITLE_HEADS`` end one ("Commerce Minister").
TITLE_HEADS = frozenset(
    """
    mr mrs ms mssrs messrs dr president vice-president senator sen minister secretary chancellor premier
    governor gov mayor king queen prince princess pope emperor sultan emir sheikh sheik ayatollah
    cardinal archbishop bishop rev reverend imam rabbi general gen colonel col lieutenant lt captain capt
    sergeant sgt major maj admiral adm commander cpl corporal private pvt marshal brigadier
    representative rep congressman congresswoman ambassador amb envoy judge justice chairman chairwoman
    chair spokesman spokeswoman director professor prof sir dame lord lady baron baroness
    commissioner superintendent supt inspector insp detective officer chief coach pres
    commodore constable sheriff magistrate councillor councilor councilman councilwoman councilmember alderman
    alderwoman assemblyman assemblywoman executive ceo founder co-founder spokesperson
    shri smt shrimati herr frau mme señor señora datuk
    """.split()
)
# Titles of address that stand before a name even when the name is an everyday word ("Mr Brown",
# "Herr Weber").
HONORIFICS = frozenset("mr mrs ms dr herr frau mme señor señora datuk".split())
# (Shri and Smt stand before a name only when the name is no everyday word: "Jai Shri Ram" is a chant.)
TITLE_WORDS = TITLE_HEADS | frozenset(
    """
    prime deputy vice acting former foreign defense defence interior finance commerce trade
    health education justice energy economy agriculture labor labour information oil home
    state army police military opposition party grand crown first lance staff supreme
    executive managing assistant associate junior senior attorney district federal
    competition environment transport culture climate immigration industry housing
    development science technology digital employment migration tourism sport sports
    communications infrastructure budget shadow
    """.split()
)
# Words of a trade that end a company's name ("Corvane Biologics", "Nordhaven Maritime"); ``references``
# lets "the company" point back at such a name.
TRADE_WORDS = frozenset(
    """
    biologics biosciences genomics diagnostics logistics maritime shipping chemicals metals minerals steel
    textiles automotive aerospace electronics healthcare securities investments financial bancorp realty
    construction engineering renewables networks entertainment pictures publishing apparel
    ports shipyards electric
    """.split()
)
# Words that end an organisation's name ("Halvard Energy", "Kane Holdings").
ORG_SUFFIXES = TRADE_WORDS | frozenset(
    """
    inc inc. ltd ltd. llc plc corp corp. co co. company corporation holdings group bank party
    ministry university college institute association council committee commission agency
    organization organisation foundation federation union front movement army force forces
    energy airlines airways motors industries technologies systems partners capital fund trust labs lab
    laboratories pharmaceuticals pharma solutions ventures enterprises insurance telecom mining resources
    petroleum foods brands international limited
    homes properties estates developments railways utilities economics consulting consultants analytics
    associates advisers advisors hotels farms studios
    rovers united wanderers athletic albion ai tech robotics software semiconductors biotech therapeutics
    network news times post press television radio club league church court parliament assembly
    department office service services authority board bureau alliance coalition society school
    """.split()
)


class Candidate(NamedTuple):
    """A span the model scores: its offsets, features and, for "X of Y", the two parts.

    A named tuple: a text has one per capitalised run, short-lived, and a tuple is made fastest.
    """

    start: int
    end: int
    features: tuple[str, ...]
    title: tuple[int, int] | None
    parts: tuple[Candidate, ...]
    word_features: int = 0  # how many leading features come from the run's own words alone
    initial: bool = False  # the run opens a sentence, a quotation or a line


class Line(NamedTuple):
    """The tokens of one line: their texts and end offsets (a token starts at its end less its length)."""

    words: list[str]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class RatioFacts:
    """What candidates read from one lower-case table, memoised: a word's bucket and whether it is everyday.

    The table is held here, so it must not change while in use (the shipped model's never does).
    """

    ratio: Mapping[str, float]
    bucket: Mapping[str, str]  # bare lower-case word -> _bucket
    everyday: Mapping[str, bool]  # lower-case word -> _is_everyday
    runs: Mapping[tuple[str, ...], _RunFeatures]  # a run's tokens -> _run_features


# Tables whose facts are remembered, by id (each entry keeps its table alive, so ids stay unique).
_FACTS: dict[int, RatioFacts] = {}


def ratio_facts(ratio: Mapping[str, float]) -> RatioFacts:
    """The memoised facts of ``ratio`` (the shipped table, or one the training script passes)."""
    facts = _FACTS.get(id(ratio))
    if facts is None or facts.ratio is not ratio:
        if len(_FACTS) >= RATIO_TABLES:
            _FACTS.clear()
        bucket: BoundedMemo[str, str] = BoundedMemo(partial(_bucket, ratio), WORD_CACHE)
        everyday: BoundedMemo[str, bool] = BoundedMemo(partial(_is_everyday, ratio), WORD_CACHE)
        runs: BoundedMemo[tuple[str, ...], _RunFeatures] = BoundedMemo(
            partial(_run_features, bucket), WORD_SCORE_CACHE, remember=_is_short_run)
        facts = _FACTS[id(ratio)] = RatioFacts(ratio, bucket, everyday, runs)
    return facts


def _is_everyday(ratio: Mapping[str, float], lower: str) -> bool:
    """Whether a lower-cased word is mostly written in lower case (or an inflection of such a word)."""
    value = ratio.get(lower)
    if value is None:
        for suffix in _INFLECTIONS:
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                value = ratio.get(lower[: -len(suffix)])
                if value is not None:
                    break
    return value is not None and value > EVERYDAY_LC_RATIO


def _shape(word: str) -> str:
    """Condensed word shape: "Xx", "X", "XX", "X.", "X.X.", "Xx-Xx", "x-Xx", "d"."""
    out: list[str] = []
    for char in word:
        if char.isupper():
            code = "X"
        elif char.islower():
            code = "x"
        elif char.isdigit():
            code = "d"
        else:
            code = char
        if not out or out[-1] != code:
            out.append(code)
    return "".join(out)


def _bucket(ratio: Mapping[str, float], word: str) -> str:
    """Lower-case frequency bucket of a word: "u" when unseen, else 0..4 (0 = never lower case)."""
    value = ratio.get(word)
    return "u" if value is None else str(min(4, int(value * 5)))


# One token's lower-case form, flags and feature names, built once per distinct token (``_word``):
# names recur through an article and news vocabulary across articles, so a candidate picks its
# features from here instead of formatting them again. A plain tuple read by the indices below
# (the garbage collector stops tracking plain tuples of strings and flags, so the memo adds
# nothing to its full collections).
_Word = tuple[str, bool, bool, bool, str, str, str, str, tuple[str, str, str], tuple[str, str, str, str], str, str,
              str, str]
BARE: Final = 0  # lower case without trailing periods ("gen." -> "gen"): title words and buckets
_CONNECTOR: Final = 1  # lower case in CONNECTORS
_ORG_SUFFIX: Final = 2  # lower case in ORG_SUFFIXES
_CAPS: Final = 3  # ALL CAPS, two characters or more
_NAME: Final = 4  # "w=" as a word of a candidate
_FIRST_NAME: Final = 5  # "f=" as a candidate's first word
_PREFIX: Final = 6  # "p3=" as a candidate's first word
_LAST_NAME: Final = 7  # "l=" as its last word
_SUFFIXES: Final = 8  # "x2=", "x3=", "x4=" as its last word
_CONTEXT: Final = 9  # "L2=", "L1=", "R1=", "R2=" as a neighbour
_SHAPE: Final = 10
_SHAPES: Final = 11  # "s=" of a one-word candidate
_FIRST_SHAPE: Final = 12  # "s0=" as the first word
_LAST_SHAPE: Final = 13  # "sL=" as the last word


def _word_facts(word: str) -> _Word:
    """The facts and feature names of one token (read through the memo ``_word``).

    The names are interned, as the model's are (``recogniser.parse_model``): a weight is then found by
    identity, without reading the characters of the name and of the key.
    """
    lower = word.lower()
    neighbour = lower if word[0].isalpha() else word
    shape = _shape(word)
    intern = sys.intern
    return (
        lower.rstrip("."), lower in CONNECTORS, lower in ORG_SUFFIXES, word.isupper() and len(word) > 1,
        intern(f"w={lower}"), intern(f"f={lower}"), intern(f"p3={lower[:3]}"), intern(f"l={lower}"),
        (intern(f"x2={lower[-2:]}"), intern(f"x3={lower[-3:]}"), intern(f"x4={lower[-4:]}")),
        (intern(f"L2={neighbour}"), intern(f"L1={neighbour}"), intern(f"R1={neighbour}"), intern(f"R2={neighbour}")),
        shape, intern(f"s={shape}"), intern(f"s0={shape}"), intern(f"sL={shape}"),
    )


# Token -> ``_word_facts(token)``, asked several times per candidate: a plain dict, so a hit is
# one lookup, without the recency order an LRU memo updates on every hit.
WORD_FACTS: BoundedMemo[str, _Word] = BoundedMemo(_word_facts, FEATURE_CACHE)
_word = WORD_FACTS.__getitem__


_ACRONYM = "A"  # the bucket of a word in capitals
_BUCKETS = ("u", "0", "1", "2", "3", "4", _ACRONYM)  # every value of _bucket, and _ACRONYM
# The feature names a candidate takes from its length, buckets, mode and initial flag, made
# (and interned) once.
_LENGTH = {n: sys.intern(f"n={n}") for n in range(1, 5)}
_BUCKET_FIRST = {b: sys.intern(f"b0={b}") for b in _BUCKETS}
_BUCKET_LAST = {b: sys.intern(f"bL={b}") for b in _BUCKETS}
_BUCKET_MAX = {b: sys.intern(f"bM={b}") for b in _BUCKETS}
_MODE = {m: sys.intern(f"m={m}") for m in ("normal", "title", "caps")}
_INITIAL_BUCKET = {i: {b: sys.intern(f"i={i}|b0={b}") for b in _BUCKETS} for i in (False, True)}
_INITIAL_LENGTH = {i: {n: sys.intern(f"i={i}|n={n}") for n in range(1, 5)} for i in (False, True)}
_OUTSIDE = (sys.intern("L1=<s>"), sys.intern("L2=<s>"), sys.intern("R1=</s>"), sys.intern("R2=</s>"))  # no neighbour
_AFTER_TITLE_WORD = {word: sys.intern(f"t~={word}") for word in TITLE_WORDS}  # a title word right before the name


@lru_cache(maxsize=64)
def _known_kind_feature(kind: str) -> str:
    """The feature of a gazetteer kind ("g=person"), made and interned once per kind (a closed set)."""
    return sys.intern(f"g={kind}")


class _RunFeatures(NamedTuple):
    """The features a run of tokens gives itself, wherever it stands (see ``_run_features``)."""

    words: tuple[str, ...]  # its words' names, length, affixes and buckets: a candidate's first features
    b0: str  # its first word's bucket
    n: int  # its length, at most 4
    shapes: tuple[str, ...]  # its shape features (on a plain-text line), "allcaps" included
    marks: tuple[str, ...]  # "orgsuffix" and "connector", where they apply


def _run_features(bucket: Mapping[str, str], tokens: tuple[str, ...]) -> _RunFeatures:
    """The features of a run that depend on its own tokens only (``build_candidate`` adds the others)."""
    run = list(map(_word, tokens))
    first, last = run[0], run[-1]
    n = min(len(run), 4)
    # (an acronym has a bucket of its own: "SWIFT" and "AIM" are no everyday words written large)
    if n == 1:  # most candidates are one word: no lists to build
        b0 = b_last = b_max = _ACRONYM if first[_CAPS] else bucket[first[BARE]]
        names: tuple[str, ...] = (first[_NAME],)
    else:
        buckets = [_ACRONYM if w[_CAPS] else bucket[w[BARE]] for w in run]
        b0, b_last, b_max = buckets[0], buckets[-1], max(buckets)
        names = tuple([w[_NAME] for w in run])
    words = (
        *names, first[_FIRST_NAME], last[_LAST_NAME], _LENGTH[n], first[_PREFIX], *last[_SUFFIXES],
        _BUCKET_FIRST[b0], _BUCKET_LAST[b_last], _BUCKET_MAX[b_max],
    )
    shape = first[_SHAPES] if n == 1 else sys.intern(f"s={' '.join([w[_SHAPE] for w in run[:4]])}")
    shapes = (shape, first[_FIRST_SHAPE], last[_LAST_SHAPE]) + (("allcaps",) if all(w[_CAPS] for w in run) else ())
    marks = (("orgsuffix",) if last[_ORG_SUFFIX] else ()) + (("connector",) if any(w[_CONNECTOR] for w in run) else ())
    return _RunFeatures(words, b0, n, shapes, marks)


def _is_short_run(tokens: tuple[str, ...]) -> bool:
    """Whether a run's features are remembered: names are short (see MAX_REMEMBERED_RUN)."""
    return len(tokens) <= MAX_REMEMBERED_RUN


def build_candidate(
    text: str, line: Line, i: int, j: int, initial: bool, mode: LineMode,
    title: tuple[int, int] | None, known_kind: Callable[[str], str | None] | None, facts: RatioFacts,
) -> Candidate:
    """Build one candidate over tokens[i:j] with its feature strings (names and order fixed by the model)."""
    tokens = line.words
    own = facts.runs[tuple(tokens[i:j])]
    start, end = line.ends[i] - len(tokens[i]), line.ends[j - 1]
    count = len(tokens)
    features = [
        *own.words,
        _word(tokens[i - 1])[_CONTEXT][1] if i >= 1 else _OUTSIDE[0],
        _word(tokens[i - 2])[_CONTEXT][0] if i >= 2 else _OUTSIDE[1],
        _word(tokens[j])[_CONTEXT][2] if j < count else _OUTSIDE[2],
        _word(tokens[j + 1])[_CONTEXT][3] if j + 1 < count else _OUTSIDE[3],
        _MODE[mode], _INITIAL_BUCKET[initial][own.b0], _INITIAL_LENGTH[initial][own.n],
    ]
    if mode == "normal":
        features += own.shapes
    if title is not None:
        title_words = [w.lower().rstrip(".") for w in text[title[0]:title[1]].split()]
        head = next((w for w in reversed(title_words) if w in TITLE_HEADS), title_words[-1])
        features += ["title", f"t={head}"]
    elif 0 < i and (previous := _word(tokens[i - 1])[BARE]) in TITLE_WORDS:
        features.append(_AFTER_TITLE_WORD[previous])
    features += own.marks
    if known_kind is not None:
        kind = known_kind(text[start:end])
        if kind is not None:
            features.append(_known_kind_feature(kind))
    return Candidate(start, end, tuple(features), title, (), len(own.words), initial)
