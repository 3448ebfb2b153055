"""Portrayal lexicons: ``lexicons/portrayal/*.tsv`` -> a PortrayalLexicon, and a sentence's tokens -> the cues in it.

Each file lists cues of one kind (harm, help and resistance verbs, suffering predicates,
descriptors, evaluative frames). A verb's regular forms are inflected here, and the cues are
indexed by a dictionary keyed on a phrase's first token (then its second), so a sentence,
tokenised once with one regex, is matched by a look-up per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import compress
from pathlib import Path
from typing import Literal, NamedTuple

from framing.errors import LexiconError

# The three main roles of Mahmoud et al. (2025), and the fine roles (archetypes) a cue may name for each.
Role = Literal["protagonist", "antagonist", "innocent"]
ROLES: tuple[Role, ...] = ("protagonist", "antagonist", "innocent")
ARCHETYPES: dict[Role, frozenset[str]] = {
    "protagonist": frozenset("guardian martyr peacemaker rebel underdog virtuous".split()),
    "antagonist": frozenset(
        "instigator conspirator tyrant traitor spy saboteur corrupt incompetent terrorist deceiver bigot".split()
    ) | {"foreign adversary"},
    "innocent": frozenset("forgotten exploited victim scapegoat".split()),
}
_ALL_ARCHETYPES = frozenset().union(*ARCHETYPES.values())

# Tokens a "*" in a lexicon phrase may stand for ("pull * from").
WILDCARD_MAX = 6

# (The lookahead skips a space or "_", where no token starts, at once instead of trying each
# alternative there; a plain ASCII word, the commonest token, is matched by its own first
# alternative, a character range tested without Unicode look-ups; the tokens are the same.)
_TOKEN = re.compile(
    r"(?=[^\s_])(?:[A-Za-z]++(?![-'’\w])(?<!['’]s)|[^\W_]+(?:[-'’][^\W_]+)*(?<!['’]s)|['’]s\b|[^\w\s])")
# The same tokens by one split: the parts alternate gap, token, gap, ..., gap, so a window is
# tokenised without a match object per token, and the offsets are the running sum of the lengths.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# Possessive pronouns (the lexicons' "<pro>" placeholder, with "the").
PRONOUNS = frozenset("his her their its our my your".split())
# Punctuation that closes a clause: a wildcard, a subject or an object is not read across it.
CLAUSE_BREAK = frozenset(";:—–()[]\"“”")
# Words that may stand inside an evaluative phrase without breaking it ("to her enormous credit").
_FILLERS = frozenset(
    "enormous great huge immense considerable lasting eternal everlasting real own very much greatly "
    "rightly fully entirely clearly surely absolutely quite exactly completely remarkable extraordinary "
    "exceptional tremendous incredible rare quiet genuine admirable notable political moral".split()
)
# A cue word with the word after it that makes another verb: "residents are fed up" is no feeding.
_NOT_CUES = frozenset({("fed", "up"), ("feeding", "up")})
_PLACEHOLDERS = {
    "<pro>": PRONOUNS | frozenset({"the"}),
    "<be>": frozenset("is are was were be been being 's ’s".split()),
}

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
AGENT_ROLE: dict[str, Role] = {"harm": "antagonist", "help": "protagonist", "resist": "protagonist"}
Form = Literal["base", "ed", "ing", "noun", "adj", "phrase"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One cue of a portrayal lexicon: the token pattern it matches and the role it gives."""

    kind: str  # harm | help | resist | suffer | descriptor | frame
    term: str
    pattern: tuple[str, ...]
    form: Form
    weight: float
    role: Role | None = None  # descriptors and frames; verbs take AGENT_ROLE
    archetype: str | None = None
    patient: tuple[Role | None, str | None] | None = None  # None: harm -> innocent victim; (None, None): none
    applies: Literal["before", "after"] = "before"
    needs_harm: bool = False
    case_sensitive: bool = False
    noun_first: bool = False  # flag n: a base form that is usually a noun ("gas", "shell"); portrayal_syntax.is_verbal
    also_noun: bool = False  # the same word is listed under `nouns` (read as a nominal where it is no verb)
    needs_patient: bool = False  # flag p: casts its agent only beside a patient mention ("banned reporters", not "banned lets")


@dataclass(frozen=True, slots=True)
class _Group:
    """The cues that start with one token, split by their second token so a lookup tries few.

    Entries are in rank order (longest pattern first, then file order); ``by_second`` lists,
    for each second token, the cues that need it merged with those that can stand anywhere.
    """

    anywhere: tuple[Entry, ...]  # one-token patterns; a placeholder, "*", filler or case-sensitive second part
    by_second: dict[str, tuple[Entry, ...]]
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


def parse_portrayal_rows(kind: str, source: str, name: str) -> list[Entry]:
    """Parse one portrayal lexicon file (TSV with a header row; '#' starts a comment).

    Raises:
        LexiconError: naming ``name:line`` when a row is malformed or the file has no entries.
    """
    header = _HEADERS[kind]
    entries: list[Entry] = []
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


def _entries_of(kind: str, row: dict[str, str]) -> Iterable[Entry]:
    if kind == "descriptor":
        yield from _descriptor_entries(row)
    elif kind == "frame":
        yield from _frame_entries(row)
    else:
        yield from _verb_entries(kind, row)


def _verb_entries(kind: str, row: dict[str, str]) -> Iterable[Entry]:
    lemma = (row.get("lemma") or row.get("phrase") or "").lower()
    if not lemma:
        raise ValueError("the first field (the verb or phrase) is empty")
    weight = _weight(row["weight"])
    agent_role = AGENT_ROLE.get(kind, "innocent")
    archetype = _archetype(row["archetype"], agent_role)
    patient: tuple[Role | None, str | None] | None = None
    if row.get("patient") == "-":
        patient = (None, None)  # the verb casts no patient ("lie", "spin")
    elif row.get("patient"):
        role_cell, _, arch_cell = row["patient"].partition(":")
        patient_role = _role(role_cell)
        patient = (patient_role, _archetype(arch_cell, patient_role))
    flags = _flags(row["flags"], "xdonp")
    pattern = _tokens_of(lemma)
    if not pattern or pattern[0] in _PLACEHOLDERS or pattern[0] == "*":
        raise ValueError(f"{lemma!r} must start with a word")
    forms: dict[tuple[str, ...], Form] = {}
    if "o" not in flags:
        forms[pattern] = "base"
    inflections = _inflect(pattern[0], "d" in flags)
    if "x" not in flags:
        for form, form_kind in inflections:
            if form == pattern[0] and "o" in flags:
                continue  # the lemma itself, which flag "o" leaves out (the adjective "free")
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
        yield Entry(kind, lemma, tokens, form_kind, weight, archetype=archetype, patient=patient,
                    noun_first=first_noun, also_noun=first_noun and tokens in nouns, needs_patient="p" in flags)
    for tokens in nouns:
        yield Entry(kind, lemma, tokens, "noun", weight, archetype=archetype, patient=patient, needs_patient="p" in flags)


def _form_of(word: str) -> Form:
    """The form of a listed irregular verb form: "-ing", a third person in "-s" (base), else a past."""
    if word.endswith("ing"):
        return "ing"
    return "base" if word.endswith("s") and not word.endswith("ss") else "ed"


def _descriptor_entries(row: dict[str, str]) -> Iterable[Entry]:
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
        yield Entry("descriptor", term, pattern, "adj" if row["pos"] == "adj" else "noun", weight, role=role,
                    archetype=archetype, needs_harm="c" in flags, case_sensitive=case_sensitive)


def _frame_entries(row: dict[str, str]) -> Iterable[Entry]:
    phrase = row["phrase"].lower()
    pattern = _tokens_of(phrase)
    if not pattern or pattern[0] == "*":
        raise ValueError("the phrase is empty or starts with '*'")
    role = _role(row["role"])
    applies = row["applies"]
    if applies not in ("before", "after"):
        raise ValueError(f"applies must be 'before' or 'after', got {applies!r}")
    yield Entry("frame", phrase, pattern, "phrase", _weight(row["weight"]), role=role,
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
    index: dict[str, list[Entry]] = {}
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


def _group(entries: Sequence[Entry]) -> _Group:
    anywhere: list[tuple[int, Entry]] = []  # (rank, entry): the ranks are unique, so entries are never compared
    by_second: dict[str, list[tuple[int, Entry]]] = {}
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


class Hit(NamedTuple):
    """One cue matched in a sentence (a NamedTuple: one is built per match, faster than a frozen dataclass)."""

    entry: Entry
    first: int  # token index
    last: int  # token index after the match
    slot: tuple[int, int] | None  # token range a "*" stood for


def _match(entry: Entry, words: Sequence[str], raw: Sequence[str], i: int) -> tuple[int, tuple[int, int] | None]:
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
            while m < stop and words[m] != following and words[m] not in CLAUSE_BREAK and words[m] != ".":
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


def find_hits(words: Sequence[str], raw: Sequence[str], lexicon: PortrayalLexicon) -> list[Hit]:
    """The longest matches at each token, one per lexicon kind ("grieving" is a verb and a label).

    Only tokens that start some cue are visited, and a group whose every cue needs a second
    token ("the plight", "is right", "to <pro> credit") is passed over when the next token is
    neither such a token nor a filler: the commonest words ("the", "a", "is", "to") start no cue.
    """
    hits: list[Hit] = []
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
        found: list[Hit] = []
        longest = 0
        for entry in _candidates(group, words, at + 1):
            if len(entry.pattern) == 1 and not entry.case_sensitive:
                end, slot = at + 1, None  # a one-word cue: the group's word is all it needs
            else:
                end, slot = _match(entry, words, raw, at)
            if end > longest:
                longest = end
                found = [Hit(entry, at, end, slot)]
            elif end == longest > 0 and all(hit.entry.kind != entry.kind for hit in found):
                found.append(Hit(entry, at, end, slot))
        if found:
            hits.extend(found)
            i = at + 1 if any(hit.slot for hit in found) else longest
    return hits


def _candidates(group: _Group, words: Sequence[str], j: int) -> Sequence[Entry]:
    """The entries of ``group`` whose second token can stand at ``j`` (after fillers), in rank order."""
    n = len(words)
    while j < n and words[j] in _FILLERS:
        j += 1
    return group.by_second.get(words[j], group.anywhere) if j < n else group.anywhere


def window_parts(text: str, low: int, high: int) -> list[str]:
    """``text[low:high]`` split into gap, token, gap, ..., token, gap: the tokens ``_TOKEN`` finds there."""
    parts = _TOKEN_SPLIT.split(text[low:high])
    if low and parts[0] == "" and len(parts) > 1 and parts[1] == "s" and text[low - 1] in "'’":
        # The look-behind keeps a lone "s" after an apostrophe out of the tokens; in the slice
        # the apostrophe before the window is out of its sight.
        parts[0:3] = ["s" + parts[2]]
    return parts


def count_cues(hits: Sequence[Hit]) -> tuple[int, int, int]:
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
