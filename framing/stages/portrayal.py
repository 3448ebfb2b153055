"""Portrayal stage: actor mentions -> protagonist, antagonist or innocent, with the cue that cast each.

The author casts an actor by what the sentence has it do or suffer (the agent of a harm
verb is an antagonist, its patient an innocent, the agent of a help or resistance verb a
protagonist), by the labels attached to it ("this terrorist state", "X, a tireless
advocate", "X is a liar"), by evaluative frames ("is right to", "to her credit", "must
answer for") and by loaded terms next to it. Roles are the three main roles of Mahmoud
et al. (2025); the fine role of the strongest cue is reported as ``archetype``.

There is no parser: each sentence that holds a mention is tokenised once with one regex,
the lexicons (``lexicons/portrayal/*.tsv``) are matched by a dictionary keyed on a
phrase's first token, and subject, object and passive voice are read from word order
within the clause. A mention inside a quotation is cast by the quotation's cues alone and
reported with ``voice="quote"`` and the speaker.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import accumulate, compress
from pathlib import Path
from typing import Literal, NamedTuple

from framing.errors import LexiconError
from framing.model import Casting

Role = Literal["protagonist", "antagonist", "innocent"]
Voice = Literal["author", "quote"]
ROLES: tuple[Role, ...] = ("protagonist", "antagonist", "innocent")
ARCHETYPES: dict[Role, frozenset[str]] = {
    "protagonist": frozenset("guardian martyr peacemaker rebel underdog virtuous".split()),
    "antagonist": frozenset(
        "instigator conspirator tyrant traitor spy saboteur corrupt incompetent terrorist deceiver bigot".split()
    ) | {"foreign adversary"},
    "innocent": frozenset("forgotten exploited victim scapegoat".split()),
}
_ALL_ARCHETYPES = frozenset().union(*ARCHETYPES.values())

# ---- tuned constants -------------------------------------------------------------------------
# Softmax slope over the summed cue weights of the three roles. On labelled/portrayal_dev.jsonl
# (69 castings, 88% right) a slope of 3.0 makes the mean confidence equal that precision; the
# rules were developed on the same file, so its precision is optimistic and 2.5 is used
# (one cue of weight 1.0 then gives its role 0.86).
SCORE_SLOPE = 2.5
# A role is cast only when its summed weight reaches this; a lone weak cue (a loaded word
# of weight 0.3 next to a name) is not enough.
MIN_EVIDENCE = 0.5
# How many tokens back from a verb its subject may stand, and forward its object.
SUBJECT_REACH = 12
OBJECT_REACH = 6
# How many tokens back from a verb a subject such as "nothing" or "nobody" is looked for.
NEGATIVE_SUBJECT_REACH = 6
# How many tokens (a list, adjectives) may stand between a reporting verb and the deed it reports.
REPORTED_REACH = 5
# Tokens a "*" in a lexicon phrase may stand for ("pull * from").
WILDCARD_MAX = 6
# How many tokens before a mention its premodifiers, and after it an appositive or predicate, reach.
PREMODIFIER_REACH = 3
ATTRIBUTE_REACH = 5
# Weight factors: a hedged or modal cue ("could shell", "allegedly", "accused of") and a question.
HEDGE_FACTOR = 0.6
QUESTION_FACTOR = 0.5
# A prior casting (its confidence is at most 1/2) counts this much of its confidence toward the
# stance: an actor cast only by guesses stays within ±0.25, "calm" in the sense.
PRIOR_STANCE_WEIGHT = 0.5
# The patient of a harm verb reached through a quantity ("hundreds of civilians") keeps it all;
# the cause named after "after/because" a suffering counts this much (antagonist).
CAUSE_WEIGHT = 0.6
# A loaded term's |valence| (VADER scale, -4..4) is divided by this and capped at 1, then
# multiplied by LOADED_WEIGHT: a strongly loaded adjective alone (|v| >= 2) casts.
LOADED_SCALE = 2.0
LOADED_WEIGHT = 0.6
# A negated help verb with "failed to / refused to / neglected to" casts its agent antagonist
# (incompetent) at this share of the verb's weight.
FAILED_HELP_FACTOR = 0.6
# A denied harm ("did not shell", "never lied") defends its subject at this share of the weight
# (the labelling guidelines: the role comes from what the sentence asserts about X).
NEGATED_HARM_FACTOR = 0.5
# Beyond this many characters a sentence is cut into windows (keeps a 5 MB "sentence" linear).
MAX_SENTENCE_CHARS = 2_000
# The probability of a casting inherited from the actor's other mentions (no cue of its own).
INHERITED_CONFIDENCE = 0.45

# (The lookahead skips a space or "_", where no token starts, at once instead of trying each
# alternative there; a plain ASCII word, the commonest token, is matched by its own first
# alternative, a character range tested without Unicode look-ups; the tokens are the same.)
_TOKEN = re.compile(
    r"(?=[^\s_])(?:[A-Za-z]++(?![-'’\w])(?<!['’]s)|[^\W_]+(?:[-'’][^\W_]+)*(?<!['’]s)|['’]s\b|[^\w\s])")
# The same tokens by one split: the parts alternate gap, token, gap, ..., gap, so a window is
# tokenised without a match object per token, and the offsets are the running sum of the lengths.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_BE = frozenset("is are was were be been being am 's ’s get gets got gotten getting".split())
_PRONOUNS = frozenset("his her their its our my your".split())
_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your some many several dozens hundreds "
    "thousands millions scores most all both each every any no".split()
)
_QUANTIFIERS = frozenset(
    "thousands hundreds dozens millions billions scores tens many some most all several number numbers "
    "group groups crowd crowds families none few half majority rest members".split()
)
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had having do does did will would shall should can could "
    "may might must 's ’s get gets got also then again still already just now repeatedly reportedly allegedly "
    "systematically deliberately routinely apparently effectively later once even further continued "
    "continue continues to who which that".split()
)
_MODALS = frozenset("could might may would allegedly reportedly apparently suspected accused if whether".split())
_NEGATORS = frozenset("not never no nor neither without cannot hardly barely denied denies deny denying".split())
# Pronouns that, as a verb's subject, say nothing was done ("Nothing in it threatened Russia").
_NEGATIVE_PRONOUNS = frozenset(("nothing", "nobody", "none", "noone"))
_DO_FORMS = frozenset(("do", "does", "did", "done", "doing"))
_FAILED = frozenset("failed fails fail failing refused refuses refuse neglected neglects declined declines".split())
_SUBORDINATORS = frozenset(
    "after before because since while whereas although though if unless until when whenever once as".split()
)
_SPEECH = frozenset(
    "said says say told tells added stated declared announced claimed claims argued argues insisted insists "
    "warned warns noted wrote writes alleged alleges reported reports according".split()
)
_PREPOSITIONS = frozenset(
    "of from in at with for near across on inside outside among under over into within around behind "
    "beside between including like against to toward towards".split()
)
_CLAUSE_BREAK = frozenset(";:—–()[]\"“”")
_COPULAS = frozenset(
    "is are was were be been being 's ’s remains remained remain became become becomes seems seemed "
    "appears appeared proved proves".split()
)
_ATTRIBUTE_SKIP = frozenset(
    "a an the this that one truly simply really very deeply so such most more long-time longtime also now "
    "nothing but just quite increasingly".split()
)
# Words that may stand inside an evaluative phrase without breaking it ("to her enormous credit").
_FILLERS = frozenset(
    "enormous great huge immense considerable lasting eternal everlasting real own very much greatly "
    "rightly fully entirely clearly surely absolutely quite exactly completely".split()
)
# A cue word with the word after it that makes another verb: "residents are fed up" is no feeding.
_NOT_CUES = frozenset({("fed", "up"), ("feeding", "up")})
# Word sets the clause readers skip, built once (not per cue).
_BARE_DETERMINERS = _DETERMINERS - _QUANTIFIERS  # before a mention in a prepositional modifier
_VERB_AUXILIARIES = _AUXILIARIES - {"who", "which", "that"}  # before a verb of a relative clause
# Words before a verb form that make it a noun ("the shelling", "Russia's attacks", "their pockets").
_NOMINAL_MARKERS = _PRONOUNS | {"the", "a", "an", "'s", "’s", "this", "that"}
_PASSIVE_AUXILIARIES = _AUXILIARIES - _BE - {"who", "which", "that", "to"}  # between a verb and its "be"
_NOTHING: frozenset[str] = frozenset()
# A "He"/"She" opening a sentence (the tuple finds it without a regex unless spaces lead).
_SENTENCE_PRONOUN = re.compile(r"\s*(He|She)[ '’]")
_SENTENCE_PRONOUNS = ("He ", "She ", "He'", "She'", "He’", "She’")
_NOUN_OPENERS = frozenset(("the", "a", "an", "this", "these", "those"))  # articles and demonstratives
# Words that are no part of a bare noun phrase (the passive subject reader stops at them).
_FUNCTION_WORDS = (_PREPOSITIONS | _SUBORDINATORS | _AUXILIARIES | _PRONOUNS | _SPEECH
                   | frozenset("i we you they he she it them us him me and or but nor not no whose".split()))
# Words after which an -ing form premodifies the noun that follows ("the smuggling gangs", "their fleeing children").
_MODIFIER_OPENERS = (_PRONOUNS | _QUANTIFIERS | {"the", "a", "an", "these", "those", "'s", "’s"}) - {"all", "none"}
# Verbs that report, investigate or judge a deed: their subject did not do it ("Amnesty
# documented killings", "the UN has condemned torture and rape").
_REPORTING = frozenset(
    "document documents documented documenting report reports reported reporting record records recorded recording "
    "investigate investigates investigated investigating expose exposes exposed exposing condemn condemns condemned "
    "condemning denounce denounces denounced denouncing reveal reveals revealed revealing uncover uncovers uncovered "
    "uncovering decry decries decried decrying deplore deplores deplored deploring detail details detailed detailing "
    "chronicle chronicles chronicled chronicling catalogue catalogues catalogued cataloguing verify verifies verified "
    "verifying confirm confirms confirmed confirming witness witnesses witnessed witnessing probe probes probed "
    "probing examine examines examined examining describe describes described describing cite cites cited citing "
    "criticise criticises criticised criticising criticize criticizes criticized criticizing highlight highlights "
    "highlighted highlighting list lists listed listing note notes noted noting".split())
# Words that name the doer of the deed after "of", "with" or "for": "accused (X) of", "charged with",
# "responsible for", "praised for".
_CHARGED = frozenset(
    "accused accuse accuses accusing suspected suspect suspects guilty convicted charged charges charging blamed "
    "blame blames blaming culpable responsible jailed sentenced indicted arrested prosecuted credited praised".split())
# Words that make the next base form a verb ("will shell", "did not bomb") and the adverbs skipped before it.
_VERBAL_AUXILIARIES = frozenset("will would shall should can could may might must do does did 'll ’ll".split())
_VERB_ADVERBS = frozenset(
    "not never also then again still already just now often routinely repeatedly regularly systematically "
    "deliberately allegedly reportedly even".split())
_SUBJECT_PRONOUNS = frozenset("i we you they he she it".split())
# Verbs followed by a bare infinitive ("helped broker a deal", "let them shell the town").
_BARE_INFINITIVE_VERBS = frozenset("help helps helped helping let lets letting make makes made making".split())
# Plural heads without a final "s" ("the police raid homes").
_PLURAL_HEADS = frozenset("people police men women children staff personnel militia cattle".split())
# Words that cannot open a verb's object: conjunctions, forms of "be" and "have", relatives, "by",
# adverbs of time ("switched to gas last winter").
_NOT_OBJECTS = frozenset(
    "and or but nor than as is are was were be been being am has have had 's ’s who which that by "
    "after before during until since because while when where last next every today yesterday tomorrow "
    "tonight instead too again now then".split())
_PLACEHOLDERS = {
    "<pro>": _PRONOUNS | frozenset({"the"}),
    "<be>": frozenset("is are was were be been being 's ’s".split()),
}

_VERB_KINDS = ("harm", "help", "resist", "suffer")
_FILES = {
    "harm": "harm_verbs.tsv",
    "help": "help_verbs.tsv",
    "resist": "resist_verbs.tsv",
    "suffer": "suffer_predicates.tsv",
    "descriptor": "descriptors.tsv",
    "frame": "evaluative_frames.tsv",
}
_VERB_HEADER = ("lemma", "weight", "archetype", "patient", "flags", "forms", "nouns", "note")
_HEADERS = {
    "harm": _VERB_HEADER,
    "help": _VERB_HEADER,
    "resist": _VERB_HEADER,
    "suffer": ("phrase", "weight", "archetype", "flags", "forms", "note"),
    "descriptor": ("term", "pos", "role", "archetype", "weight", "flags", "note"),
    "frame": ("phrase", "role", "archetype", "weight", "applies", "note"),
}
# The role a verb's agent takes, per lexicon.
_AGENT_ROLE: dict[str, Role] = {"harm": "antagonist", "help": "protagonist", "resist": "protagonist"}
Form = Literal["base", "ed", "ing", "noun", "adj", "phrase"]


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # harm | help | resist | suffer | descriptor | frame
    term: str
    pattern: tuple[str, ...]
    form: Form
    weight: float
    role: Role | None = None  # descriptors and frames; verbs take _AGENT_ROLE
    archetype: str | None = None
    patient: tuple[Role | None, str | None] | None = None  # None: harm -> innocent victim; (None, None): none
    applies: Literal["before", "after"] = "before"
    needs_harm: bool = False
    case_sensitive: bool = False
    noun_first: bool = False  # flag n: a base form that is usually a noun ("gas", "shell"); see _is_verbal
    also_noun: bool = False  # the same word is listed under `nouns` (read as a nominal where it is no verb)


@dataclass(frozen=True, slots=True)
class _Group:
    """The cues that start with one token, split by their second token so a lookup tries few.

    Entries are in rank order (longest pattern first, then file order); ``by_second`` lists,
    for each second token, the cues that need it merged with those that can stand anywhere.
    """

    anywhere: tuple[_Entry, ...]  # one-token patterns; a placeholder, "*", filler or case-sensitive second part
    by_second: dict[str, tuple[_Entry, ...]]
    # The lower-case tokens some cue needs next, and the fillers that may stand before them;
    # None: any token will do.
    seconds: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class PortrayalLexicon:
    """Every portrayal cue, grouped by the (lower-case) first token of its pattern (then by its second)."""

    groups: dict[str, _Group]
    n_entries: int
    # One-word innocent labels that need no harm nearby ("victims", "survivors", "casualties"):
    # the head an -ing form before it suffers ("bombing victims"), where other heads do ("smuggling gangs").
    victim_heads: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class MentionCues:
    """What the cues said about one mention, cast or not: the summed weight per role
    (also below MIN_EVIDENCE) and how many cues of each kind its sentence holds."""

    weights: tuple[float, float, float]  # protagonist, antagonist, innocent
    sentence_cues: tuple[int, int, int]  # harm, help or resistance, suffering hits in the sentence


_NO_CUES = MentionCues((0.0, 0.0, 0.0), (0, 0, 0))


@dataclass(slots=True)
class _Tally:
    weights: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    best: dict[str, tuple[float, int, int, str, str | None]] = field(default_factory=dict)

    def add(self, role: Role, weight: float, span: tuple[int, int], cue: str, archetype: str | None) -> None:
        self.weights[role] += weight
        if weight > self.best.get(role, (0.0,))[0]:
            self.best[role] = (weight, span[0], span[1], cue, archetype)

    def merge(self, other: _Tally) -> None:
        """Add the cues ``other`` tallied (a pronoun's, onto its antecedent mention)."""
        for role, weight in other.weights.items():
            self.weights[role] += weight
        for role, best in other.best.items():
            if best[0] > self.best.get(role, (0.0,))[0]:
                self.best[role] = best


# ---- lexicon loading ---------------------------------------------------------------------------


def _inflect(verb: str, double: bool) -> tuple[tuple[str, Form], ...]:
    """The regular forms of a verb: -s, -ed and -ing (with e-drop, y -> i and doubling)."""
    consonant_y = verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou"
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = verb + "es"
    elif consonant_y:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past = verb + "d"
    elif consonant_y:
        past = verb[:-1] + "ied"
    elif double:
        past = verb + verb[-1] + "ed"
    else:
        past = verb + "ed"
    if verb.endswith("ie"):
        gerund = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        gerund = verb[:-1] + "ing"
    elif double:
        gerund = verb + verb[-1] + "ing"
    else:
        gerund = verb + "ing"
    return ((verb, "base"), (third, "base"), (past, "ed"), (gerund, "ing"))


def _plurals(noun: str) -> tuple[str, ...]:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return (noun, noun + "es")
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return (noun, noun[:-1] + "ies")
    return (noun, noun + "s")


def _split_list(cell: str) -> list[str]:
    return [item.strip().lower() for item in cell.split(",") if item.strip()]


def _tokens_of(phrase: str) -> tuple[str, ...]:
    return tuple(_tokenise_phrase(phrase))


def _tokenise_phrase(phrase: str) -> list[str]:
    out: list[str] = []
    for part in phrase.split():
        if part in _PLACEHOLDERS or part == "*":
            out.append(part)
        else:
            out.extend(m.group() for m in _TOKEN.finditer(part))
    return out


def _with_first(phrase_tokens: tuple[str, ...], first: str) -> tuple[str, ...]:
    return (*_tokenise_phrase(first), *phrase_tokens[1:])  # "stood" + ("stand", "up", "to")


def parse_portrayal_rows(kind: str, source: str, name: str) -> list[_Entry]:
    """Parse one portrayal lexicon file (TSV with a header row; '#' starts a comment).

    Raises:
        LexiconError: naming ``name:line`` when a row is malformed or the file has no entries.
    """
    header = _HEADERS[kind]
    entries: list[_Entry] = []
    seen_header = False
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if tuple(c.strip() for c in cells) != header:
                raise LexiconError(
                    f"{name}:{number}: expected the header {' | '.join(header)!r}, got {' | '.join(cells)!r}; "
                    "add the header row (tab-separated) before the entries"
                )
            seen_header = True
            continue
        if len(cells) < len(header) - 1 or len(cells) > len(header):
            raise LexiconError(
                f"{name}:{number}: expected {len(header)} tab-separated fields ({', '.join(header)}), "
                f"got {len(cells)}; check for spaces where a tab belongs"
            )
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, (c.strip() for c in cells)))
        try:
            entries.extend(_entries_of(kind, row))
        except ValueError as error:
            raise LexiconError(f"{name}:{number}: {error}") from None
    if not entries:
        raise LexiconError(f"{name}: no entries (a header row and at least one entry are required)")
    return entries


def _weight(cell: str) -> float:
    try:
        weight = float(cell)
    except ValueError:
        raise ValueError(f"weight must be a number in (0, 3], got {cell!r}") from None
    if not 0.0 < weight <= 3.0:
        raise ValueError(f"weight must be in (0, 3], got {weight}")
    return weight


def _archetype(cell: str, role: Role | None) -> str | None:
    if not cell:
        return None
    allowed = ARCHETYPES[role] if role else _ALL_ARCHETYPES
    if cell not in allowed:
        raise ValueError(f"archetype {cell!r} is not one of {', '.join(sorted(allowed))}")
    return cell


def _role(cell: str) -> Role:
    for role in ROLES:
        if cell == role:
            return role
    raise ValueError(f"role must be one of {', '.join(ROLES)}, got {cell!r}")


def _flags(cell: str, allowed: str) -> str:
    bad = set(cell) - set(allowed)
    if bad:
        raise ValueError(f"unknown flag(s) {''.join(sorted(bad))!r}; allowed: {allowed}")
    return cell


def _entries_of(kind: str, row: dict[str, str]) -> Iterable[_Entry]:
    if kind == "descriptor":
        yield from _descriptor_entries(row)
    elif kind == "frame":
        yield from _frame_entries(row)
    else:
        yield from _verb_entries(kind, row)


def _verb_entries(kind: str, row: dict[str, str]) -> Iterable[_Entry]:
    lemma = (row.get("lemma") or row.get("phrase") or "").lower()
    if not lemma:
        raise ValueError("the first field (the verb or phrase) is empty")
    weight = _weight(row["weight"])
    agent_role = _AGENT_ROLE.get(kind, "innocent")
    archetype = _archetype(row["archetype"], agent_role)
    patient: tuple[Role | None, str | None] | None = None
    if row.get("patient") == "-":
        patient = (None, None)  # the verb casts no patient ("lie", "spin")
    elif row.get("patient"):
        role_cell, _, arch_cell = row["patient"].partition(":")
        patient_role = _role(role_cell)
        patient = (patient_role, _archetype(arch_cell, patient_role))
    flags = _flags(row["flags"], "xdon")
    pattern = _tokens_of(lemma)
    if not pattern or pattern[0] in _PLACEHOLDERS or pattern[0] == "*":
        raise ValueError(f"{lemma!r} must start with a word")
    forms: dict[tuple[str, ...], Form] = {}
    if "o" not in flags:
        forms[pattern] = "base"
    inflections = _inflect(pattern[0], "d" in flags)
    if "x" not in flags:
        for form, form_kind in inflections:
            forms.setdefault(_with_first(pattern, form), form_kind)
    regular = dict(inflections)
    for form in _split_list(row["forms"]):
        written = _tokens_of(form)
        tokens = written if len(written) > 1 else _with_first(pattern, form)
        first = written[0]
        # An irregular past ("held * hostage") is a participle; "holding * hostage" and
        # "holds * hostage" are not, or "The company is holding the city hostage" reads as a passive.
        forms.setdefault(tokens, regular.get(first) or _form_of(first))
    if not forms and not row.get("nouns"):
        raise ValueError(f"{lemma!r} has flag 'o' but no forms or nouns")
    nouns = [_tokens_of(plural) for noun in _split_list(row.get("nouns", "")) for plural in _plurals(noun)]
    noun_first = "n" in flags
    for tokens, form_kind in forms.items():
        if not tokens:
            raise ValueError(f"an empty form for {lemma!r}")
        first_noun = noun_first and form_kind == "base"
        yield _Entry(kind, lemma, tokens, form_kind, weight, archetype=archetype, patient=patient,
                     noun_first=first_noun, also_noun=first_noun and tokens in nouns)
    for tokens in nouns:
        yield _Entry(kind, lemma, tokens, "noun", weight, archetype=archetype, patient=patient)


def _form_of(word: str) -> Form:
    """The form of a listed irregular verb form: "-ing", a third person in "-s" (base), else a past."""
    if word.endswith("ing"):
        return "ing"
    return "base" if word.endswith("s") and not word.endswith("ss") else "ed"


def _descriptor_entries(row: dict[str, str]) -> Iterable[_Entry]:
    term = row["term"]
    if not term:
        raise ValueError("the term is empty")
    if row["pos"] not in ("adj", "noun"):
        raise ValueError(f"pos must be 'adj' or 'noun', got {row['pos']!r}")
    role = _role(row["role"])
    archetype = _archetype(row["archetype"], role)
    weight = _weight(row["weight"])
    flags = _flags(row["flags"], "scx")
    case_sensitive = "s" in flags
    words = term if case_sensitive else term.lower()
    variants = (words,) if row["pos"] == "adj" or "x" in flags else _plurals(words)
    for variant in variants:
        pattern = _tokens_of(variant)
        yield _Entry("descriptor", term, pattern, "adj" if row["pos"] == "adj" else "noun", weight, role=role,
                     archetype=archetype, needs_harm="c" in flags, case_sensitive=case_sensitive)


def _frame_entries(row: dict[str, str]) -> Iterable[_Entry]:
    phrase = row["phrase"].lower()
    pattern = _tokens_of(phrase)
    if not pattern or pattern[0] == "*":
        raise ValueError("the phrase is empty or starts with '*'")
    role = _role(row["role"])
    applies = row["applies"]
    if applies not in ("before", "after"):
        raise ValueError(f"applies must be 'before' or 'after', got {applies!r}")
    yield _Entry("frame", phrase, pattern, "phrase", _weight(row["weight"]), role=role,
                 archetype=_archetype(row["archetype"], role), applies="before" if applies == "before" else "after")


def _default_dir() -> Traversable:
    try:
        root = resources.files("framing.lexicons").joinpath("portrayal")
        if root.joinpath(_FILES["harm"]).is_file():
            return root
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent.parent / "lexicons" / "portrayal"


@cache
def load_portrayal_lexicon(directory: str | None = None) -> PortrayalLexicon:
    """Load and index the six portrayal lexicons (the shipped ones when ``directory`` is None).

    Raises:
        LexiconError: naming file and line when a row is malformed or a file is missing.
    """
    root: Traversable = Path(directory) if directory else _default_dir()
    index: dict[str, list[_Entry]] = {}
    n_entries = 0
    for kind, filename in _FILES.items():
        node = root.joinpath(filename)
        name = str(node) if isinstance(node, Path) else f"lexicons/portrayal/{filename}"
        try:
            source = node.read_text(encoding="utf-8")
        except (FileNotFoundError, OSError) as error:
            raise LexiconError(f"{name}: cannot read the portrayal lexicon ({error})") from None
        for entry in parse_portrayal_rows(kind, source, name):
            n_entries += 1
            first = entry.pattern[0]
            for key in _PLACEHOLDERS.get(first, (first,)):
                index.setdefault(key.lower(), []).append(entry)
    ordered = {key: tuple(sorted(group, key=lambda e: -len(e.pattern))) for key, group in index.items()}
    victim_heads = frozenset(key for key, entries in ordered.items() for e in entries
                             if e.kind == "descriptor" and e.role == "innocent" and len(e.pattern) == 1
                             and not e.needs_harm and not e.case_sensitive)
    return PortrayalLexicon({key: _group(entries) for key, entries in ordered.items()}, n_entries, victim_heads)


def _group(entries: Sequence[_Entry]) -> _Group:
    anywhere: list[tuple[int, _Entry]] = []  # (rank, entry): the ranks are unique, so entries are never compared
    by_second: dict[str, list[tuple[int, _Entry]]] = {}
    seconds: set[str] | None = set(_FILLERS)
    for rank, entry in enumerate(entries):
        second = entry.pattern[1] if len(entry.pattern) > 1 else None
        if second is None or second in _PLACEHOLDERS or second in _FILLERS or second == "*" or entry.case_sensitive:
            anywhere.append((rank, entry))
        else:
            by_second.setdefault(second, []).append((rank, entry))
        if second is None or second == "*":
            seconds = None
        elif seconds is not None:
            seconds.update(_PLACEHOLDERS.get(second, (second.lower(),)))
    merged = {key: tuple(entry for _, entry in sorted([*anywhere, *found])) for key, found in by_second.items()}
    return _Group(tuple(entry for _, entry in anywhere), merged, None if seconds is None else frozenset(seconds))


# ---- matching -------------------------------------------------------------------------------------


class _Hit(NamedTuple):
    """One cue matched in a sentence (a NamedTuple: one is built per match, faster than a frozen dataclass)."""

    entry: _Entry
    first: int  # token index
    last: int  # token index after the match
    slot: tuple[int, int] | None  # token range a "*" stood for


def _match(entry: _Entry, words: Sequence[str], raw: Sequence[str], i: int) -> tuple[int, tuple[int, int] | None]:
    """Token index after ``entry`` matched at ``i`` (-1 when it does not), and its wildcard range."""
    pattern = entry.pattern
    j = i
    slot: tuple[int, int] | None = None
    n = len(words)
    for k, part in enumerate(pattern):
        if k and part != "*":
            while j < n and words[j] in _FILLERS and words[j] != part:
                j += 1
        if j >= n:
            return -1, None
        if part == "*":
            following = pattern[k + 1] if k + 1 < len(pattern) else None
            stop = min(n, j + WILDCARD_MAX + 1)
            m = j + 1
            while m < stop and words[m] != following and words[m] not in _CLAUSE_BREAK and words[m] != ".":
                m += 1
            if following is None or m >= stop or words[m] != following:
                return -1, None
            slot = (j, m)
            j = m
            continue
        word = raw[j] if entry.case_sensitive else words[j]
        if part in _PLACEHOLDERS:
            if word not in _PLACEHOLDERS[part]:
                return -1, None
        elif word != part:
            return -1, None
        j += 1
    return j, slot


def _find_hits(words: Sequence[str], raw: Sequence[str], lexicon: PortrayalLexicon) -> list[_Hit]:
    """The longest matches at each token, one per lexicon kind ("grieving" is a verb and a label).

    Only tokens that start some cue are visited, and a group whose every cue needs a second
    token ("the plight", "is right", "to <pro> credit") is passed over when the next token is
    neither such a token nor a filler: the commonest words ("the", "a", "is", "to") start no cue.
    """
    hits: list[_Hit] = []
    groups = lexicon.groups
    n = len(words)
    i = 0  # the first token no earlier hit covers
    for at in compress(range(n), map(groups.__contains__, words)):
        if at < i:
            continue
        group = groups[words[at]]
        seconds = group.seconds
        following = words[at + 1] if at + 1 < n else ""
        if seconds is not None and following not in seconds or (words[at], following) in _NOT_CUES:
            continue
        found: list[_Hit] = []
        longest = 0
        for entry in _candidates(group, words, at + 1):
            if len(entry.pattern) == 1 and not entry.case_sensitive:
                end, slot = at + 1, None  # a one-word cue: the group's word is all it needs
            else:
                end, slot = _match(entry, words, raw, at)
            if end > longest:
                longest = end
                found = [_Hit(entry, at, end, slot)]
            elif end == longest > 0 and all(hit.entry.kind != entry.kind for hit in found):
                found.append(_Hit(entry, at, end, slot))
        if found:
            hits.extend(found)
            i = at + 1 if any(hit.slot for hit in found) else longest
    return hits


def _candidates(group: _Group, words: Sequence[str], j: int) -> Sequence[_Entry]:
    """The entries of ``group`` whose second token can stand at ``j`` (after fillers), in rank order."""
    n = len(words)
    while j < n and words[j] in _FILLERS:
        j += 1
    return group.by_second.get(words[j], group.anywhere) if j < n else group.anywhere


# ---- the stage --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sentence:
    text: str
    words: list[str]
    raw: list[str]
    starts: list[int]
    ends: list[int]
    owner: list[int]  # token -> mention index or -1
    region: list[int]  # token -> quotation index or -1
    mention_tokens: dict[int, tuple[int, int]]  # mention index -> (first token, last token + 1)
    factor: float
    tallies: dict[int, _Tally]
    victim_heads: frozenset[str]
    verb_tokens: set[int] = field(default_factory=set)
    nouns: set[int] = field(default_factory=set)  # first tokens of noun-first cues standing as nouns
    pronouns: dict[int, int] = field(default_factory=dict)  # stand-in mention index -> its pronoun's token

    def cast(self, mention: int, role: Role, weight: float, first: int, last: int, cue: str,
             archetype: str | None) -> None:
        if weight <= 0.0:
            return
        span = (self.starts[first], self.ends[last - 1])
        pronoun = self.pronouns.get(mention)
        if pronoun is not None:  # the evidence of a resolved "she" shows the pronoun too: "She deserves credit"
            span = (min(span[0], self.starts[pronoun]), max(span[1], self.ends[pronoun]))
        tally = self.tallies.get(mention)
        if tally is None:
            tally = self.tallies[mention] = _Tally()
        tally.add(role, weight * self.factor, span, cue, archetype)


def cast_mentions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int]],
    *,
    quotes: Sequence[tuple[int, int, str | None]] = (),
    loaded: Sequence[tuple[int, int, float]] = (),
    lexicon_dir: Path | None = None,
    people: Sequence[str | None] = (),
) -> tuple[Casting, ...]:
    """Cast each mention as protagonist, antagonist or innocent (None when no cue applies).

    ``sentences`` are (start, end) offsets into ``text``; a mention outside every sentence
    is read within a window of its own. ``quotes`` are (start, end, speaker) of quotations
    and reported speech; ``loaded`` are (start, end, valence on VADER's -4..4 scale) of
    loaded terms. ``people`` gives, per mention, its actor when it names a person (None
    otherwise): a "He"/"She" opening a sentence then casts the one person named in the
    sentence before, with the pronoun in the evidence; without ``people`` no pronoun is
    read. Returns one Casting per mention, in the order given.

    Raises:
        LexiconError: when a lexicon file under ``lexicon_dir`` is malformed.
        ValueError: when ``people`` is given but not one entry per mention.
    """
    castings, _ = weigh_mentions(text, sentences, mentions, quotes=quotes, loaded=loaded, lexicon_dir=lexicon_dir,
                                 people=people)
    return castings


def weigh_mentions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int]],
    *,
    quotes: Sequence[tuple[int, int, str | None]] = (),
    loaded: Sequence[tuple[int, int, float]] = (),
    lexicon_dir: Path | None = None,
    people: Sequence[str | None] = (),
) -> tuple[tuple[Casting, ...], tuple[MentionCues, ...]]:
    """``cast_mentions``, and beside each casting the cue weights and counts behind it (``MentionCues``).

    Raises:
        LexiconError: when a lexicon file under ``lexicon_dir`` is malformed.
        ValueError: when ``people`` is given but not one entry per mention.
    """
    if people and len(people) != len(mentions):
        raise ValueError(f"people has {len(people)} entries for {len(mentions)} mentions (one per mention, or none)")
    lexicon = load_portrayal_lexicon(str(lexicon_dir) if lexicon_dir else None)
    order = sorted(range(len(mentions)), key=lambda k: mentions[k][0])
    spans = sorted((s, e) for s, e in sentences if e > s)
    sentence_starts = [s for s, _ in spans]
    quote_list = sorted(quotes)
    quote_starts = [q[0] for q in quote_list]
    quote_reach = list(accumulate((q[1] for q in quote_list), max))  # the furthest end of the quotes so far
    quote_bounds = sorted({offset for q in quote_list for offset in q[:2]})  # where a token's quotation may change
    loaded_list = sorted(loaded)
    loaded_starts = [item[0] for item in loaded_list]
    groups: dict[tuple[int, int], list[int]] = {}
    for k in order:
        start, end = mentions[k]
        at = bisect_right(sentence_starts, start) - 1
        if at >= 0 and spans[at][1] >= end:
            window = spans[at]
        else:
            window = (max(0, start - MAX_SENTENCE_CHARS // 4), min(len(text), end + MAX_SENTENCE_CHARS // 4))
        if window[1] - window[0] > MAX_SENTENCE_CHARS:
            # A run-on "sentence": mentions in the same block of a third of the limit share one
            # window (that block and one each side), so a megabyte without full stops costs linear time.
            block = MAX_SENTENCE_CHARS // 3
            low = window[0] + max(0, (start - window[0]) // block - 1) * block
            window = (low, min(window[1], max(end, low + 3 * block)))
        groups.setdefault(window, []).append(k)
    # A sentence-opening "he"/"she" stands in for the one person of the sentence before (index
    # len(mentions) + p while its sentence is read; its cues then go to that mention).
    links = _pronoun_links(text, spans, mentions, people, quote_list, quote_starts, quote_reach) if people else []
    stand_ins: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for p, (start, end, _, window) in enumerate(links):
        stand_ins.setdefault(window, []).append((start, end, len(mentions) + p))
        groups.setdefault(window, [])
    tallies: dict[int, _Tally] = {}
    counts: dict[int, tuple[int, int, int]] = {}
    for (low, high), members in groups.items():
        found = _cast_sentence(text, low, high, members, mentions, lexicon, quote_list, quote_starts, quote_reach,
                               quote_bounds, loaded_list, loaded_starts, tallies, stand_ins.get((low, high), ()))
        if found != (0, 0, 0) and members:
            counts.update(dict.fromkeys(members, found))
    for p, (_, _, antecedent, _) in enumerate(links):
        tally = tallies.pop(len(mentions) + p, None)
        if tally is not None:
            tallies.setdefault(antecedent, _Tally()).merge(tally)
    uncast: dict[tuple[Voice, str | None], Casting] = {}  # one uncast casting per voice (they are immutable)
    castings = []
    for k, mention in enumerate(mentions):
        voice = _voice(mention, quote_list, quote_starts, quote_reach) if quote_list else _AUTHOR
        tally = tallies.get(k)
        casting = _casting(text, tally, voice) if tally is not None else uncast.get(voice)
        if casting is None:
            casting = uncast[voice] = _casting(text, None, voice)
        castings.append(casting)
    cues = [_NO_CUES] * len(mentions)  # most mentions: no cue in their sentence
    shared: dict[tuple[int, int, int], MentionCues] = {}  # a sentence's cue counts, for its mentions no cue touched
    for k, found in counts.items():
        if k not in tallies:
            cues[k] = shared.get(found) or shared.setdefault(found, MentionCues(_NO_CUES.weights, found))
    for k, tally in tallies.items():
        cues[k] = _mention_cues(tally, counts.get(k))
    return tuple(castings), tuple(cues)


def _pronoun_links(
    text: str, sentences: Sequence[tuple[int, int]], mentions: Sequence[tuple[int, int]], people: Sequence[str | None],
    quotes: Sequence[tuple[int, int, str | None]], quote_starts: Sequence[int], quote_reach: Sequence[int],
) -> list[tuple[int, int, int, tuple[int, int]]]:
    """(start, end, antecedent mention, its sentence) of each "He"/"She" that opens a sentence and
    can stand for one person only.

    The antecedent is the most recent person mention of the sentence before, when exactly one
    person actor is named there. Two people, a pronoun or antecedent inside a quotation, or a
    sentence too long to read whole: no link (no guess). Only the sentences right after one
    that names a person are looked at.
    """
    persons = sorted((start, k) for k, ((start, _), actor) in enumerate(zip(mentions, people)) if actor)
    if not persons:
        return []
    person_starts = [start for start, _ in persons]
    sentence_starts = [low for low, _ in sentences]
    after = sorted({bisect_right(sentence_starts, start) for start in person_starts} - {0, len(sentences)})
    links = []
    for i in after:
        low, high = sentences[i]
        if high - low > MAX_SENTENCE_CHARS or not (
                text.startswith(_SENTENCE_PRONOUNS, low) or text[low:low + 1].isspace()):
            continue
        opening = _SENTENCE_PRONOUN.match(text, low, high)
        if opening is None:
            continue
        start, end = opening.span(1)
        if quotes and _quote_at(start, quotes, quote_starts) >= 0:
            continue
        named = persons[bisect_left(person_starts, sentences[i - 1][0]):bisect_left(person_starts, low)]
        if not named or len({people[k] for _, k in named}) != 1:
            continue
        antecedent = named[-1][1]
        if quotes and _voice(mentions[antecedent], quotes, quote_starts, quote_reach) != _AUTHOR:
            continue
        links.append((start, end, antecedent, (low, high)))
    return links


def _mention_cues(tally: _Tally, counts: tuple[int, int, int] | None) -> MentionCues:
    weights = tally.weights
    return MentionCues((round(weights["protagonist"], 4), round(weights["antagonist"], 4),
                        round(weights["innocent"], 4)), counts or (0, 0, 0))


def _voice(mention: tuple[int, int], quotes: Sequence[tuple[int, int, str | None]],
           starts: Sequence[int], reach: Sequence[int]) -> tuple[Voice, str | None]:
    """The voice of a quotation (with its speaker) that holds the mention whole, else the author's.

    ``reach`` is the furthest end of the quotations up to each start (see ``weigh_mentions``).
    """
    before = bisect_right(starts, mention[0])  # quotations that start at or before the mention
    if not before or reach[before - 1] <= mention[0]:
        return _AUTHOR  # every one of them ends before it (most mentions)
    at = _quote_at(mention[0], quotes, starts)
    if at < 0 or quotes[at][1] < mention[1]:
        return "author", None
    return "quote", quotes[at][2]


def _quote_at(offset: int, quotes: Sequence[tuple[int, int, str | None]], starts: Sequence[int]) -> int:
    at = bisect_right(starts, offset) - 1
    while at >= 0:
        if quotes[at][0] <= offset < quotes[at][1]:
            return at
        if at == 0 or quotes[at][1] <= starts[0]:
            break
        at -= 1
        if quotes[at][1] <= offset:
            break
    return -1


def _casting(text: str, tally: _Tally | None, voice: tuple[Voice, str | None]) -> Casting:
    if tally is None:
        return Casting(None, _ZERO_SCORES, None, None, None, voice[0], voice[1])
    weights = tally.weights
    protagonist, antagonist, innocent = weights["protagonist"], weights["antagonist"], weights["innocent"]
    # The strongest role; a tie goes to the earlier role in ROLES.
    if protagonist >= antagonist and protagonist >= innocent:
        role: Role = "protagonist"
    else:
        role = "antagonist" if antagonist >= innocent else "innocent"
    if weights[role] < MIN_EVIDENCE:
        return Casting(None, _ZERO_SCORES, None, None, None, voice[0], voice[1])
    e0 = math.exp(SCORE_SLOPE * protagonist)
    e1 = math.exp(SCORE_SLOPE * antagonist)
    e2 = math.exp(SCORE_SLOPE * innocent)
    total = e0 + e1 + e2
    scores = (("protagonist", round(e0 / total, 4)), ("antagonist", round(e1 / total, 4)),
              ("innocent", round(e2 / total, 4)))
    _, start, end, cue, archetype = tally.best[role]
    return Casting(role, scores, (start, end), cue, archetype, voice[0], voice[1], text[start:end])


_ZERO_SCORES = tuple((role, 0.0) for role in ROLES)
_AUTHOR: tuple[Voice, str | None] = ("author", None)


def _cast_sentence(
    text: str, low: int, high: int, members: Sequence[int], mentions: Sequence[tuple[int, int]],
    lexicon: PortrayalLexicon, quotes: Sequence[tuple[int, int, str | None]], quote_starts: Sequence[int],
    quote_reach: Sequence[int], quote_bounds: Sequence[int], loaded: Sequence[tuple[int, int, float]],
    loaded_starts: Sequence[int], tallies: dict[int, _Tally], stand_ins: Sequence[tuple[int, int, int]] = (),
) -> tuple[int, int, int]:
    """Tally the cues of one sentence on its mentions; return its (harm, help or resist, suffer) cue counts.

    ``stand_ins`` are (start, end, index) of pronouns read as mentions of that (pseudo) index.
    """
    parts = _window_parts(text, low, high)
    raw = parts[1::2]
    words = list(map(str.lower, raw))
    hits = _find_hits(words, raw, lexicon)
    first_loaded = bisect_right(loaded_starts, low - 1)
    has_loaded = first_loaded < len(loaded) and loaded[first_loaded][0] < high
    if not hits and not has_loaded:
        return (0, 0, 0)
    offsets = list(accumulate(map(len, parts), initial=low))  # where each part starts
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    owner = [-1] * len(words)
    mention_tokens: dict[int, tuple[int, int]] = {}
    for k in members:
        start, end = mentions[k]
        first = bisect_right(ends, start)
        last = first
        while last < len(words) and starts[last] < end:
            owner[last] = k
            last += 1
        if last > first:
            mention_tokens[k] = (first, last)
    pronouns: dict[int, int] = {}
    for start, _, k in stand_ins:
        at = bisect_left(starts, start)
        if at < len(words) and starts[at] == start and owner[at] < 0:
            owner[at] = k
            mention_tokens[k] = (at, at + 1)
            pronouns[k] = at
    if not mention_tokens:
        return _count_cues(hits)
    n_before = bisect_left(quote_starts, high)  # quotations that start before the window ends
    if n_before and quote_reach[n_before - 1] > low:
        region = _regions(starts, quotes, quote_starts, quote_bounds)
    else:
        region = [-1] * len(words)  # no quotation reaches into the window
    factor = QUESTION_FACTOR if text[low:high].rstrip().endswith("?") else 1.0
    sentence = _Sentence(text, words, raw, starts, ends, owner, region, mention_tokens, factor, tallies,
                         lexicon.victim_heads, pronouns=pronouns)
    sentence.verb_tokens = {t for h in hits if h.entry.kind in _VERB_KINDS and h.entry.form != "noun"
                            for t in range(h.first, h.last)}
    # The sentence's cue counts keep a noun-first word wherever it stands: "the shells", "bombs"
    # still say the sentence is about harm (the ``c`` descriptors and the prior read that).
    harm, helping, suffering = counts = _count_cues(hits)
    nouns = {h.first for h in hits if h.entry.noun_first and not _is_verbal(sentence, h)}
    if nouns:  # "stuck in traffic": a noun-first word in a noun's place is no verb, and unless listed no cue
        hits = [h for h in hits if h.first not in nouns or not h.entry.noun_first or h.entry.also_noun]
        sentence.nouns = nouns
    has_harm = harm > 0 or suffering > 0 or any(
        v < 0 for _, _, v in loaded[first_loaded:bisect_right(loaded_starts, high)])
    for hit in hits:
        kind = hit.entry.kind
        if kind in _VERB_KINDS:
            _verb_cue(sentence, hit)
        elif kind == "descriptor":
            if not hit.entry.needs_harm or has_harm:
                _attribute_cue(sentence, hit.first, hit.last, hit.entry.role or "innocent", hit.entry.weight,
                               f"descriptor:{hit.entry.term}", hit.entry.archetype, hit.entry.form == "noun")
        else:
            _frame_cue(sentence, hit)
    if has_loaded:
        for start, end, valence in loaded[first_loaded:bisect_right(loaded_starts, high)]:
            first = bisect_right(ends, start)
            last = first
            while last < len(words) and starts[last] < end:
                last += 1
            if last > first and valence:
                role: Role = "protagonist" if valence > 0 else "antagonist"
                if valence < 0 and last - first > 1 and _is_passive(sentence, first):
                    role = "innocent"  # "tenants were thrown under the bus": the subject suffers the idiom
                weight = LOADED_WEIGHT * min(1.0, abs(valence) / LOADED_SCALE)
                _attribute_cue(sentence, first, last, role, weight, f"loaded:{text[start:end].lower()}", None, False)
    return counts


def _window_parts(text: str, low: int, high: int) -> list[str]:
    """``text[low:high]`` split into gap, token, gap, ..., token, gap: the tokens ``_TOKEN`` finds there."""
    parts = _TOKEN_SPLIT.split(text[low:high])
    if low and parts[0] == "" and len(parts) > 1 and parts[1] == "s" and text[low - 1] in "'’":
        # The look-behind keeps a lone "s" after an apostrophe out of the tokens; in the slice
        # the apostrophe before the window is out of its sight.
        parts[0:3] = ["s" + parts[2]]
    return parts


def _count_cues(hits: Sequence[_Hit]) -> tuple[int, int, int]:
    """How many harm, help or resistance, and suffering cues a sentence holds."""
    harm = helping = suffering = 0
    for hit in hits:
        kind = hit.entry.kind
        if kind == "harm":
            harm += 1
        elif kind == "help" or kind == "resist":
            helping += 1
        elif kind == "suffer":
            suffering += 1
    return harm, helping, suffering


# Irregular past participles that open idioms of ill-treatment ("sold out", "held hostage", "left to rot").
_IRREGULAR_PARTICIPLES = frozenset(
    "sold held left kept hung led sent bled brought taken thrown shut put cut hit beaten caught swept "
    "driven ground bought".split())


# What follows the participle of such an idiom: a particle or a preposition ("thrown under", "sold
# out", "left to rot"), or its fixed word ("held hostage", "bled dry"). An adjective in -ed heads
# no such phrase ("That is short-sighted timidity").
_IDIOM_AFTER_PARTICIPLE = frozenset(
    "out up down off in into under to for through away over on aside hostage dry".split())


def _is_passive(sentence: _Sentence, first: int) -> bool:
    """Whether the idiom at token ``first`` is a past participle after a form of "be" ("were thrown under …")."""
    words = sentence.words
    word = words[first]
    if "-" in word or not (word.endswith(("ed", "en", "wn")) or word in _IRREGULAR_PARTICIPLES):
        return False
    if first + 1 >= len(words) or words[first + 1] not in _IDIOM_AFTER_PARTICIPLE:
        return False
    before = _preceding(sentence, first, _PASSIVE_AUXILIARIES)
    return before >= 0 and sentence.words[before] in _BE


def _regions(starts: Sequence[int], quotes: Sequence[tuple[int, int, str | None]], quote_starts: Sequence[int],
             bounds: Sequence[int]) -> list[int]:
    """``_quote_at`` of each token start, asked once per stretch between two quotation bounds
    (sorted starts and ends): its answer only changes where a quotation starts or ends."""
    region: list[int] = []
    at = -1
    limit = -1.0  # the answer ``at`` holds for token starts below this bound
    for start in starts:
        if start >= limit:
            at = _quote_at(start, quotes, quote_starts)
            following = bisect_right(bounds, start)
            limit = bounds[following] if following < len(bounds) else math.inf
        region.append(at)
    return region


def _preceding(sentence: _Sentence, i: int, skip: frozenset[str]) -> int:
    """Index of the nearest token before ``i`` that is not in ``skip`` (-1 at the start)."""
    j = i - 1
    while j >= 0 and sentence.words[j] in skip and sentence.owner[j] < 0:
        j -= 1
    return j


def _negation(sentence: _Sentence, first: int) -> tuple[str | None, float]:
    """("negated" | "failed" | "nobody" | None, weight factor) from the words before a verb cue.

    "nobody": the clause's subject is "nothing", "nobody", "no one" or "none".
    """
    words = sentence.words
    factor = 1.0
    j = first - 1
    seen = 0
    while j >= 0 and seen < 4 and sentence.owner[j] < 0:
        word = words[j]
        if word in _FAILED or (word == "nothing" and words[j + 1] == "to" and j > 0
                               and words[j - 1] in _DO_FORMS):  # "did nothing to protect"
            return "failed", factor
        if word in _NEGATORS or word.endswith(("n't", "n’t")):
            return "negated", factor
        if word == "to" and _too_to(sentence, j):  # "too timid to confront", "not brave enough to"
            return "failed", factor
        if word in _MODALS:
            factor = HEDGE_FACTOR
        elif word not in _AUXILIARIES and word not in ("to", "be", "of") and not word.endswith("ly"):
            break
        j -= 1
        seen += 1
    if _has_negative_subject(sentence, j):
        return "nobody", factor
    return None, factor


def _too_to(sentence: _Sentence, to: int) -> bool:
    """Whether the "to" at token ``to`` closes "too <adjective> to" or "not <adjective> enough to".

    Both say the deed was not done, like "failed to". The "too" of "also" ("She, too, wanted
    to", "Unions too vowed to") follows its subject and is left alone.
    """
    words, owner = sentence.words, sentence.owner
    negated_enough = to >= 1 and words[to - 1] == "enough"
    for k in range(to - 1, max(-1, to - 5), -1):
        word = words[k]
        if owner[k] >= 0 or not (word.isalpha() or word == ","):
            return False
        if word == "too" and k + 1 < to and words[k + 1] != "," and not negated_enough:
            return k == 0 or (owner[k - 1] < 0 and words[k - 1] not in _SUBJECT_PRONOUNS
                              and words[k - 1] != ",")
        if negated_enough and (word in _NEGATORS or word.endswith(("n't", "n’t"))):
            return True
    return False


def _has_negative_subject(sentence: _Sentence, j: int) -> bool:
    """Whether the clause ending at token ``j`` opens with "nothing", "nobody", "no one" or "none".

    "Nothing in the plan threatened Russia" says no harm was done, so no one is cast by it.
    The pronoun must open its clause: in "will stop at nothing to destroy" or "has nothing
    to gain by attacking" it is no subject.
    """
    words = sentence.words
    stop = max(-1, j - NEGATIVE_SUBJECT_REACH)
    while j > stop and sentence.owner[j] < 0:
        word = words[j]
        if word in _NEGATIVE_PRONOUNS or (word == "one" and j > 0 and words[j - 1] == "no"):
            opener = j - 2 if word == "one" else j - 1
            return opener < 0 or _opens_clause(words[opener])
        if word in _CLAUSE_BREAK or word in (",", ".", "!", "?") or word in _SUBORDINATORS:
            return False
        j -= 1
    return False


def _opens_clause(word: str) -> bool:
    """Whether a clause can start right after ``word`` (punctuation, a break, a conjunction)."""
    return word in _CLAUSE_BREAK or word in (",", ".", "!", "?", "and", "but", "or", "yet", "so") \
        or word in _SUBORDINATORS


def _is_pp_mention(sentence: _Sentence, first: int) -> bool:
    """Whether the mention starting at token ``first`` sits in a prepositional modifier."""
    j = _preceding(sentence, first, _BARE_DETERMINERS)
    if j < 0 or sentence.words[j] not in _PREPOSITIONS:
        return False
    if sentence.words[j] == "of":
        k = j - 1
        return not (k >= 0 and (sentence.words[k] in _QUANTIFIERS or sentence.words[k].isdigit()))
    return True


def _subject(sentence: _Sentence, i: int) -> int:
    """The mention standing as subject of the verb at token ``i``, or -1."""
    words, owner = sentence.words, sentence.owner
    region = sentence.region[i]
    j = i - 1
    steps = 0
    crossed_comma = False
    while j >= 0 and steps < SUBJECT_REACH:
        if sentence.region[j] != region:
            return -1
        k = owner[j]
        if k >= 0:
            first, _ = sentence.mention_tokens[k]
            before = _preceding(sentence, first, _DETERMINERS)
            is_object = before >= 0 and before in sentence.verb_tokens and not (
                words[before] in _REPORTING and words[before + 1] == "that")  # "revealed that soldiers kill"
            if not _is_pp_mention(sentence, first) and not is_object:
                return k
            j = first - 1
            steps += 1
            continue
        word = words[j]
        if word == "by" and j == i - 1 and sentence.words[i].endswith("ing"):
            j -= 1  # "responded by hurling": the means, not a passive agent
            steps += 1
            continue
        if word in _CLAUSE_BREAK or word in _SPEECH or word in (".", "!", "?", "by"):
            return -1
        if word in _SUBORDINATORS and not (word == "as" and j + 1 < len(words) and words[j + 1] == "well"):
            return -1
        if word == ",":
            crossed_comma = True
        elif crossed_comma and j in sentence.verb_tokens:
            previous = _preceding(sentence, j, _VERB_AUXILIARIES)
            if not (previous >= 0 and words[previous] in ("who", "which", "that")):
                return -1
        j -= 1
        steps += 1
    return -1


def _objects(sentence: _Sentence, j: int) -> list[int]:
    """Mentions standing as object right after token ``j`` (coordinated ones included)."""
    words, owner = sentence.words, sentence.owner
    found: list[int] = []
    steps = 0
    n = len(words)
    while j < n and steps < OBJECT_REACH:
        k = owner[j]
        if k >= 0:
            found.append(k)
            j = sentence.mention_tokens[k][1]
            if j < n and words[j] in ("and", "or", ",") and j + 1 < n and (
                    owner[j + 1] >= 0 or words[j + 1] in _DETERMINERS):
                j += 1
                steps = 0
                continue
            break
        word = words[j]
        if found or word in _CLAUSE_BREAK or word in (".", ",", "!", "?", "by") or j in sentence.verb_tokens:
            break
        if word in _PREPOSITIONS and not (word == "of" and j > 0 and (
                words[j - 1] in _QUANTIFIERS or words[j - 1].isdigit())):
            break
        j += 1
        steps += 1
    return found


def _by_agent(sentence: _Sentence, j: int) -> int:
    """The mention after "by" within reach of token ``j`` (the agent of a passive), or -1."""
    words = sentence.words
    for m in range(j, min(len(words), j + 4)):
        if words[m] == "by":
            found = _objects(sentence, m + 1)
            return found[0] if found else -1
        if words[m] in _CLAUSE_BREAK or words[m] in (".", ","):
            return -1
    return -1


def _verb_cue(sentence: _Sentence, hit: _Hit) -> None:
    entry = hit.entry
    words = sentence.words
    cue = f"{entry.kind}:{entry.term}"
    if sentence.owner[hit.first] >= 0:
        k = sentence.owner[hit.first]
        first, last = sentence.mention_tokens[k]
        if entry.form == "ing" and first == hit.first < hit.last < last and (
                hit.first == 0 or sentence.raw[hit.first].islower()):  # the mention "smuggling gangs"
            _cast_modified(sentence, hit, k, entry.weight, cue)
        return  # "Shell", "Defend Europe": part of a name
    as_noun = entry.noun_first and hit.first in sentence.nouns  # "Russia's raid on Kyiv": a nominal
    negation, factor = _negation(sentence, hit.first)
    weight = entry.weight * factor
    if negation == "nobody":
        return  # "Nothing in it threatened Russia": no one harmed, no one harms
    if negation == "negated":
        if entry.kind == "harm":  # "X did not shell the school" defends X
            subject = _subject(sentence, hit.first)
            if subject >= 0:
                sentence.cast(subject, "protagonist", weight * NEGATED_HARM_FACTOR, hit.first, hit.last,
                              f"negated_{cue}", None)
        return
    if negation == "failed":
        if entry.kind == "help":
            subject = _subject(sentence, hit.first)
            if subject >= 0:
                sentence.cast(subject, "antagonist", weight * FAILED_HELP_FACTOR, hit.first, hit.last,
                              f"failed_{cue}", "incompetent")
        return
    if entry.form == "ing" and hit.last - hit.first == 1:
        modified = _modified_by_ing(sentence, hit)
        if modified >= 0:  # "smuggling gangs", "bombing victims", "fleeing civilians"
            _cast_modified(sentence, hit, modified, weight, cue)
            return
    if hit.slot:
        patients = [k for k in _objects(sentence, hit.slot[0]) if sentence.mention_tokens[k][1] <= hit.slot[1]]
    else:
        patients = []
    agent = -1
    if as_noun or entry.form == "noun" or (entry.kind != "suffer" and entry.form in ("base", "ing") and (
            _is_nominal(sentence, hit) or _is_reported(sentence, hit.first))):
        agent, patients = _nominal(sentence, hit)
    elif entry.kind == "suffer":
        if entry.form in ("base", "ing") and hit.first and words[hit.first - 1] in _NOUN_OPENERS:
            return  # "punishing the drowning": a noun, no one's suffering
        subject = _subject(sentence, hit.first)
        if subject >= 0:
            sentence.cast(subject, "innocent", weight, hit.first, hit.last, cue, entry.archetype or "victim")
        _cause(sentence, hit)
        return
    else:
        before = _preceding(sentence, hit.first, _PASSIVE_AUXILIARIES)
        participle = entry.form == "ed" or words[hit.first].endswith(("ed", "en", "wn"))
        previous = words[hit.first - 1] if hit.first else ""
        if participle and (previous.isdigit() or previous in _DETERMINERS or previous in _QUANTIFIERS
                           or previous in ("more", "than", "most")):
            for patient in _objects(sentence, hit.last):  # "90 wounded", "the displaced families"
                sentence.cast(patient, "innocent", weight, hit.first, hit.last, f"{cue}:patient",
                              entry.patient[1] if entry.patient else "victim")
            return
        passive = participle and before >= 0 and words[before] in _BE
        reduced = participle and not passive and hit.last < len(words) and words[hit.last] == "by"
        if passive or reduced:
            head = _passive_head(sentence, before) if passive else None
            subject = _subject(sentence, before if passive else hit.first) if head is None else head
            if subject >= 0:
                patients.append(subject)
            agent = _by_agent(sentence, hit.last)
        elif participle and (before < 0 or words[before] in _DETERMINERS
                                     or sentence.owner[before] < 0 and before not in sentence.verb_tokens
                                     and words[before] not in _PRONOUNS and _subject(sentence, hit.first) < 0):
            patients += _objects(sentence, hit.last)  # "the shelled village", "displaced families"
        else:
            agent = _subject(sentence, hit.first)
            if not hit.slot:
                patients += _objects(sentence, hit.last)
    agent_role = _AGENT_ROLE.get(entry.kind)
    if agent >= 0 and agent_role:
        sentence.cast(agent, agent_role, weight, hit.first, hit.last, cue, entry.archetype)
    for patient in patients:
        if patient == agent:
            continue
        if entry.patient and entry.patient[0]:
            sentence.cast(patient, entry.patient[0], weight, hit.first, hit.last, f"{cue}:patient", entry.patient[1])
        elif entry.kind == "harm" and entry.patient is None:
            sentence.cast(patient, "innocent", weight, hit.first, hit.last, f"{cue}:patient", "victim")


def _passive_head(sentence: _Sentence, be: int) -> int | None:
    """The passive subject when a bare noun stands right before its auxiliaries ("every family
    whose house was destroyed"): the noun's mention, the possessor mention named by "'s" or
    "whose" ("Palestinians whose homes were demolished"), or -1 (nobody; a house is no actor).
    None when no such noun phrase stands there (read the subject as usual).
    """
    words, owner = sentence.words, sentence.owner
    t = be - 1
    while t >= 0 and owner[t] < 0 and (words[t] in _PASSIVE_AUXILIARIES or words[t] in _BE):
        t -= 1  # "whose house had been destroyed"
    if t < 0 or owner[t] >= 0 or not _is_bare_noun(words[t]):
        return None
    for d in range(t - 1, max(-1, t - 4), -1):  # the noun phrase's opener, over its adjectives
        word = words[d]
        if owner[d] >= 0 or not (word.isalpha() or word in ("'s", "’s")):
            return None
        if word in ("'s", "’s", "whose"):
            return owner[d - 1] if d >= 1 else -1  # the possessor is the one who suffers
        if word in _DETERMINERS or word in _QUANTIFIERS:
            in_phrase = d >= 1 and words[d - 1] in _PREPOSITIONS  # "residents in the city were evacuated"
            return None if in_phrase else -1
        if not _is_bare_noun(word):
            return None
    return None


def _is_bare_noun(word: str) -> bool:
    """Whether ``word`` may be a noun or adjective of a noun phrase (no function word, no adverb)."""
    return word.isalpha() and not word.endswith("ly") and word not in _FUNCTION_WORDS


def _modified_by_ing(sentence: _Sentence, hit: _Hit) -> int:
    """The mention an -ing cue stands before as a premodifier ("smuggling gangs"), or -1.

    The -ing form modifies the noun after it when it opens the sentence or follows a determiner,
    a possessive, a number or the "by" of a passive ("packed by smuggling gangs"). Before a victim
    head ("treated bombing victims") or as a suffering ("helped fleeing families") it also does
    after another verb. After "be", an auxiliary, a mention, a pronoun, a preposition or a
    subordinator it is a verb with its object ("were killing civilians", "accused of killing
    protesters", "after fleeing Syria").
    """
    words, owner = sentence.words, sentence.owner
    k = owner[hit.last] if hit.last < len(words) else -1
    if k < 0 or sentence.mention_tokens[k][0] != hit.last:
        return -1
    p = hit.first - 1
    if p < 0:
        return k
    word = words[p]
    if owner[p] >= 0 or word in _AUXILIARIES or word in _SUBJECT_PRONOUNS or word in _SUBORDINATORS:
        return -1
    if word in _MODIFIER_OPENERS or word.isdigit():
        return k
    if word == "by":
        before = _preceding(sentence, p - 1, _PASSIVE_AUXILIARIES)
        passive = p >= 1 and words[p - 1].endswith(("ed", "en", "wn")) and before >= 0 and words[before] in _BE
        return k if passive else -1
    loose = hit.entry.kind == "suffer" or words[sentence.mention_tokens[k][1] - 1] in sentence.victim_heads
    return k if loose and word.isalpha() and word not in _PREPOSITIONS else -1


def _cast_modified(sentence: _Sentence, hit: _Hit, mention: int, weight: float, cue: str) -> None:
    """Cast the mention an -ing cue premodifies: its doer ("smuggling gangs"), or its sufferer
    when it is a suffering ("fleeing civilians") or its head a victim ("bombing victims")."""
    entry = hit.entry
    if entry.kind == "suffer":
        sentence.cast(mention, "innocent", weight, hit.first, hit.last, cue, entry.archetype or "victim")
    elif sentence.words[sentence.mention_tokens[mention][1] - 1] in sentence.victim_heads:
        if entry.patient and entry.patient[0]:
            sentence.cast(mention, entry.patient[0], weight, hit.first, hit.last, f"{cue}:patient", entry.patient[1])
        elif entry.kind == "harm" and entry.patient is None:
            sentence.cast(mention, "innocent", weight, hit.first, hit.last, f"{cue}:patient", "victim")
    else:
        role = _AGENT_ROLE.get(entry.kind)
        if role:
            sentence.cast(mention, role, weight, hit.first, hit.last, cue, entry.archetype)


def _is_verbal(sentence: _Sentence, hit: _Hit) -> bool:
    """Whether the base form of a noun-first lemma (flag ``n``: "gas", "shell", "raid") stands as a verb.

    Only clearly verbal positions count, after the adverbs between: a modal, "do", "to" or a
    verb taking a bare infinitive ("will shell", "did not bomb", "vowed to target", "helped broker"); a subject pronoun or "who"/"which"
    ("they raid", "gangs who traffic"); or a subject mention that agrees with the form
    ("Russian forces shell", "Russia shells"). After "to" or "which"/"that" an object must
    follow ("switched to gas last winter" is a noun), and after a plural mention the clause
    must go on ("a police raid on the camp" is a noun).
    Elsewhere (after a preposition, a determiner, an adjective or another verb) it is a noun.
    """
    words, owner = sentence.words, sentence.owner
    bare = words[hit.first] == hit.entry.term.split()[0]  # "shell", not "shells"
    j = hit.first - 1
    while j >= 0 and owner[j] < 0:
        if words[j] in _VERB_ADVERBS or words[j].endswith("ly"):
            j -= 1
        elif words[j] == "own" and j >= 2 and words[j - 1] in _PRONOUNS and words[j - 2] == "on":
            j -= 3  # "the rebels on their own attack villages"
        else:
            break
    if j < 0:
        return False
    word = words[j]
    if owner[j] >= 0:
        first, last = sentence.mention_tokens[owner[j]]
        before = _preceding(sentence, first, _DETERMINERS)
        if _is_pp_mention(sentence, first) or (before >= 0 and before in sentence.verb_tokens):
            return False
        plural = _looks_plural(words[last - 1]) or (  # "Hamas and Islamic Jihad fire rockets"
            first >= 2 and words[first - 1] in ("and", "&") and owner[first - 2] >= 0)
        return bare == plural and (not bare or _clause_goes_on(sentence, hit.last))
    if word in _SUBJECT_PRONOUNS:
        return bare == (word not in ("he", "she", "it"))
    if word == "who":
        return True
    if word == "which" or (word == "that" and j > 0 and owner[j - 1] >= 0):  # also determiners: "that bomb"
        return _object_follows(sentence, hit.last)
    if word == "to" or word in _BARE_INFINITIVE_VERBS:  # "vowed to bomb them", "helped broker the deal"
        return bare and _object_follows(sentence, hit.last)
    return bare and (word in _VERBAL_AUXILIARIES or word.endswith(("n't", "n’t")))


def _looks_plural(word: str) -> bool:
    """Whether a mention's last word looks plural ("forces", "police"), for agreement with a verb."""
    return word in _PLURAL_HEADS or word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _object_follows(sentence: _Sentence, j: int) -> bool:
    """Whether token ``j`` can open the object of a verb (no stop, preposition, conjunction or verb)."""
    if j >= len(sentence.words):
        return False
    word = sentence.words[j]
    return sentence.owner[j] >= 0 or (word[0].isalnum() and word not in _PREPOSITIONS and word not in _NOT_OBJECTS)


def _charged(sentence: _Sentence, j: int) -> int:
    """The one accused of, charged with or praised for the deed after the preposition at token ``j``:
    the object of the charging word ("accused the army of torture"), else its subject ("police
    were accused of torture", "the firm is responsible for the spill"), or -1."""
    words, owner = sentence.words, sentence.owner
    k = j - 1
    if words[k] in _CHARGED:
        return _subject(sentence, k)
    if owner[k] >= 0:
        first = sentence.mention_tokens[owner[k]][0]
        for before in range(first - 1, max(-1, first - 4), -1):  # "accused (the) Russian soldiers of"
            if words[before] in _CHARGED:
                return owner[k]
            if owner[before] >= 0 or not words[before].isalpha():
                break
    return -1


def _is_reported(sentence: _Sentence, first: int) -> bool:
    """Whether the deed at token ``first`` is the object of a reporting verb, alone or in a list
    ("documented torture and rape", "reported widespread looting"): then it is a nominal, and the
    reporter's subject is not its agent."""
    words, owner = sentence.words, sentence.owner
    j = first - 1
    while j >= 0 and j >= first - REPORTED_REACH and owner[j] < 0:
        word = words[j]
        if word in _REPORTING:
            return True
        if not (word.isalpha() or word == ",") or word in _BE or word in _SUBJECT_PRONOUNS \
                or word in _SUBORDINATORS or word in ("that", "who", "which", "how", "whether", "to"):
            return False
        j -= 1
    return False


def _clause_goes_on(sentence: _Sentence, j: int) -> bool:
    """Whether a verb's clause can go on at token ``j``: not its end, a conjunction or the "on"/"of"
    that follows a noun ("a police raid on the camp", but "workers strike over pay")."""
    if j >= len(sentence.words):
        return False
    word = sentence.words[j]
    return sentence.owner[j] >= 0 or (word[0].isalnum() and word not in _NOT_OBJECTS
                                      and word not in ("of", "on", "upon"))


def _is_nominal(sentence: _Sentence, hit: _Hit) -> bool:
    """Whether a verb form stands as a noun: "the shelling of", "Russia's attacks on"."""
    words = sentence.words
    before = words[hit.first - 1] if hit.first else ""
    if before in _NOMINAL_MARKERS:
        return True
    if before == "own" and hit.first >= 2 and words[hit.first - 2] in _PRONOUNS and (
            hit.first < 3 or words[hit.first - 3] not in ("on", "by")):
        return True  # "out of their own pockets", but not "the rebels on their own attack villages"
    return hit.last < len(words) and words[hit.last] in ("of", "on", "against") and hit.last - hit.first == 1 and (
        words[hit.first].endswith("s") and not words[hit.first].endswith("ss"))


def _nominal(sentence: _Sentence, hit: _Hit) -> tuple[int, list[int]]:
    """Agent and patients of a nominal cue: "Russia's invasion of Ukraine", "attacks on journalists by X"."""
    words, owner = sentence.words, sentence.owner
    agent = -1
    j = hit.first - 1
    # The possessor or premodifying mention, over adjectives ("Russia's unprovoked invasion",
    # "Israeli targeted killings") and, after a possessive, a noun ("Russia's gas blackmail");
    # a reporting verb is no adjective ("Amnesty documented killings").
    while j >= hit.first - 3 and j >= 0 and owner[j] < 0 and words[j] not in _DETERMINERS \
            and words[j].endswith(("ed", "ful", "ous", "ic")) \
            and (words[j] not in _REPORTING or j >= 1 and words[j - 1] in ("'s", "’s")):  # "Russia's reported"
        j -= 1
    if j >= 0 and owner[j] < 0 and words[j] not in ("'s", "’s") and j >= 1 and words[j - 1] in ("'s", "’s") \
            and words[j].isalpha() and words[j] not in _DETERMINERS:
        j -= 1
    if j >= 0 and words[j] in ("'s", "’s"):
        j -= 1
    if j >= 0 and owner[j] >= 0:
        agent = owner[j]
    else:
        if j >= 2 and words[j] in ("the", "a", "an"):
            j -= 1  # "accused of the killings"
        if j >= 1 and words[j] in ("of", "with", "for"):
            agent = _charged(sentence, j)
    patients: list[int] = []
    after = hit.last
    if after < len(words) and words[after] in ("of", "on", "against", "upon"):
        patients = _objects(sentence, after + 1)
        after = sentence.mention_tokens[patients[-1]][1] if patients else after + 1
    by = _by_agent(sentence, after)
    if by >= 0:
        agent = by
    return agent, patients


def _cause(sentence: _Sentence, hit: _Hit) -> None:
    """The actor named after "after/because (of)" a suffering caused it: "face eviction after X doubled"."""
    words = sentence.words
    for j in range(hit.last, min(len(words), hit.last + 4)):
        if words[j] in ("after", "because", "since", "as"):
            m = j + 1
            if m < len(words) and words[m] == "of":
                m += 1
            for k in range(m, min(len(words), m + 6)):
                if words[k] in _CLAUSE_BREAK or words[k] == ".":
                    break
                if sentence.owner[k] >= 0 and not _is_pp_mention(sentence, sentence.mention_tokens[sentence.owner[k]][0]):
                    sentence.cast(sentence.owner[k], "antagonist", CAUSE_WEIGHT, hit.first, hit.last,
                                  "cause_of_suffering", None)
                    return
            return


def _attribute_cue(sentence: _Sentence, first: int, last: int, role: Role, weight: float, cue: str,
                   archetype: str | None, is_noun: bool) -> None:
    """Cast the mention a label is attached to: inside it, before it, in apposition, or as predicate."""
    words, owner = sentence.words, sentence.owner
    if owner[first] >= 0:
        sentence.cast(owner[first], role, weight, first, last, cue, archetype)  # "the aggressor", "Putin's regime"
        return
    # Premodifier: "brave firefighters", "eco-hoaxer Greta Thunberg", "corrupt and venal officials".
    j = last
    steps = 0
    while j < len(words) and steps < PREMODIFIER_REACH and owner[j] < 0:
        if words[j] in ("and", ",", "-") or words[j].endswith("ly") or _is_adjective_like(sentence, j):
            j += 1
            steps += 1
            continue
        break
    if j < len(words) and owner[j] >= 0 and (j == last or not is_noun or words[last] in ("-",)):
        _cast_attribute(sentence, owner[j], role, weight, first, last, cue, archetype, negated=False)
        return
    # Possessor: "Putin's victims" (innocent label -> its possessor is the antagonist), "Putin's thugs".
    j = first - 1
    while j >= 0 and j >= first - PREMODIFIER_REACH and owner[j] < 0 and words[j] not in ("'s", "’s"):
        if words[j] in _CLAUSE_BREAK or words[j] in (",", ".") or words[j] in _PREPOSITIONS or j in sentence.verb_tokens:
            break
        j -= 1
    if j >= 1 and words[j] in ("'s", "’s") and owner[j - 1] >= 0 and is_noun:
        possessor_role: Role = "antagonist" if role == "innocent" else role
        _cast_attribute(sentence, owner[j - 1], possessor_role, weight, first, last, cue,
                        archetype if possessor_role == role else None, negated=False)
        return
    # Appositive or predicate: "X, a tireless advocate", "X is a liar", "X was not corrupt".
    j = first - 1
    steps = 0
    negated = False
    copula = False
    while j >= 0 and steps < ATTRIBUTE_REACH:
        word = words[j]
        if owner[j] >= 0:
            if copula or (words[j + 1] == "," and steps <= ATTRIBUTE_REACH):
                if copula or _appositive_closed(sentence, last):
                    _cast_attribute(sentence, owner[j], role, weight, first, last, cue, archetype, negated)
            return
        if word in _COPULAS:
            copula = True
        elif word in _NEGATORS or word.endswith(("n't", "n’t")):
            negated = True
        elif word == ",":
            if steps > 0 and not copula:
                j -= 1
                steps += 1
                continue
        elif word in _CLAUSE_BREAK or word in (".", "by", "of") or j in sentence.verb_tokens or word in _SPEECH:
            break
        elif not (word in _ATTRIBUTE_SKIP or word in ("has", "have", "had", "and") or word.endswith("ly")
                  or (not copula and steps < ATTRIBUTE_REACH)):
            break
        j -= 1
        steps += 1
    # Appositive before: "the embattled chief executive, Jane Doe," / "a tireless advocate, Marsh".
    j = last
    steps = 0
    while j < len(words) and steps < 3 and owner[j] < 0:
        if words[j] == "," and j + 1 < len(words) and owner[j + 1] >= 0:
            opener = _preceding(sentence, first, _NOTHING)
            if opener < 0 or words[opener] in _DETERMINERS or words[opener] in _CLAUSE_BREAK:
                _cast_attribute(sentence, owner[j + 1], role, weight, first, last, cue, archetype, negated=False)
            return
        if words[j] in _CLAUSE_BREAK or words[j] in (".",) or j in sentence.verb_tokens:
            return
        j += 1
        steps += 1


def _is_adjective_like(sentence: _Sentence, j: int) -> bool:
    """Whether token ``j`` looks like an adjective a label may stand before ("corrupt local officials")."""
    word = sentence.words[j]
    return word.endswith(("ed", "ful", "ous", "ic", "al", "ive", "ist")) and j not in sentence.verb_tokens


def _appositive_closed(sentence: _Sentence, last: int) -> bool:
    """Whether the label after "X," is an appositive (closed by a comma or the sentence end)."""
    words = sentence.words
    for j in range(last, min(len(words), last + 8)):
        if words[j] in (",", ".", ";", ":", "—", "–", ")"):
            return True
        if j in sentence.verb_tokens:
            return True
    return last >= len(words)


def _cast_attribute(sentence: _Sentence, mention: int, role: Role, weight: float, first: int, last: int,
                    cue: str, archetype: str | None, negated: bool) -> None:
    if sentence.region[first] != sentence.region[sentence.mention_tokens[mention][0]]:
        return
    if negated:
        if role == "antagonist":  # "asylum seekers are not invaders" defends them
            sentence.cast(mention, "innocent", weight * NEGATED_HARM_FACTOR, first, last, f"negated_{cue}",
                          "scapegoat")
        return
    sentence.cast(mention, role, weight, first, last, cue, archetype)


def _frame_cue(sentence: _Sentence, hit: _Hit) -> None:
    entry = hit.entry
    role = entry.role or "protagonist"
    cue = f"frame:{entry.term}"
    negation, factor = _negation(sentence, hit.first)
    if negation:
        return
    target = -1
    if entry.applies == "before":
        target = _subject(sentence, hit.first)
        opener = _preceding(sentence, hit.first, _NOTHING)
        if target < 0 and (opener < 0 or sentence.words[opener] in _CLAUSE_BREAK):
            found = _objects(sentence, _skip_comma(sentence, hit.last))  # "To her credit, Marsh ..."
            target = found[0] if found else -1
    else:
        found = _objects(sentence, hit.last)
        target = found[0] if found else -1
    if target >= 0 and sentence.region[hit.first] == sentence.region[sentence.mention_tokens[target][0]]:
        sentence.cast(target, role, entry.weight * factor, hit.first, hit.last, cue, entry.archetype)


def _skip_comma(sentence: _Sentence, j: int) -> int:
    return j + 1 if j < len(sentence.words) and sentence.words[j] == "," else j


def inherit_castings(actors: Sequence[str], castings: Sequence[Casting]) -> tuple[Casting, ...]:
    """Give an author-voice mention no cue cast the role the author gives its actor elsewhere.

    An author casts an actor consistently through an article ("the green elite" is the
    villain of every paragraph it appears in), so a mention with no cue of its own takes
    the dominant author-voice role of the actor's cast mentions (by summed confidence),
    at INHERITED_CONFIDENCE, with the strongest casting's evidence. Inherited castings are
    marked and never count toward the actor's stance or counts.
    """
    totals: dict[str, dict[str, float]] = {}
    strongest: dict[tuple[str, str], Casting] = {}
    for actor, casting in zip(actors, castings):
        if casting.voice != "author" or casting.portrayal is None:
            continue
        role = casting.portrayal
        totals.setdefault(actor, {}).setdefault(role, 0.0)
        totals[actor][role] += casting.confidence
        best = strongest.get((actor, role))
        if best is None or casting.confidence > best.confidence:
            strongest[(actor, role)] = casting
    inherited = []
    given: dict[str, Casting] = {}  # actor -> the casting its uncued mentions inherit (immutable, so shared)
    for actor, casting in zip(actors, castings):
        if casting.portrayal is not None or casting.voice != "author" or actor not in totals:
            inherited.append(casting)
            continue
        found = given.get(actor)
        if found is None:
            role = max(totals[actor], key=lambda r: (totals[actor][r], -ROLES.index(r)))  # type: ignore[arg-type]
            source = strongest[(actor, role)]
            scores = tuple((r, INHERITED_CONFIDENCE if r == role else _INHERITED_REST) for r in ROLES)
            found = given[actor] = Casting(source.portrayal, scores, source.evidence, f"actor:{source.cue}",
                                           source.archetype, "author", None, source.evidence_text, inherited=True)
        inherited.append(found)
    return tuple(inherited)


# What an inherited casting gives each role other than its own.
_INHERITED_REST = round((1.0 - INHERITED_CONFIDENCE) / 2, 4)


def actor_stance(castings: Sequence[Casting]) -> float | None:
    """The author's stance toward an actor: Σ(signed weight of author-voice castings)/(n+2).

    Protagonist and innocent castings count +, antagonist −, each by its confidence; a
    casting of the portrayal prior (a guess from context, not a cue) by its confidence times
    ``PRIOR_STANCE_WEIGHT``, so guesses alone never take an actor past ±0.25. Inherited
    castings repeat a casting already counted and are left out. ``n`` is the number of
    counted mentions. None when the author casts none of them.
    """
    signed = [
        (-1.0 if c.portrayal == "antagonist" else 1.0) * c.confidence * (PRIOR_STANCE_WEIGHT if c.prior else 1.0)
        for c in castings
        if c.voice == "author" and c.portrayal is not None and not c.inherited
    ]
    if not signed:
        return None
    return sum(signed) / (len(signed) + 2)
