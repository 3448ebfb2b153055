"""Actor stage: analysed spans -> ActorMention records (gazetteer, metonyms, unknown names).

* Gazetteer aliases (``lexicons/actors.tsv``) match case-sensitively as whole words, so
  "US" is the United States and "us" is not; "Trump's" resolves through the possessive.
* Places (capitals, seats of power) stand for a government only where the place acts,
  speaks, wants or is judged: "Moscow agreed", "Washington's credibility", "talks with
  Beijing" — not "flew to Moscow", "in Kyiv", "Moscow region". A dateline names no one,
  neither its place nor its agency ("SINGAPORE, June 11 (Reuters) -").
* Names not in the gazetteer are found by the recogniser (``framing.stages.recogniser``:
  people and organisations, titles kept out of the canonical name), then by the context
  rule for people (a role before it, a speech verb after it, an apposition, or a
  quotation's speaker). A surname alone resolves to the one full name it belongs to in
  the document, before or after ("Kane" -> Victor Kane, never "Kane Holdings"). The text
  settles a name's kind: an apposition ("PriceFinder, a comparison site"), a company's
  legal form ("Vantix Ltd", and "Vantix" after it). A body's name is one organisation, its
  inner words no groups or states ("Association of Resident Doctors", "Church of Sweden");
  treaties, laws and road numbers are no actors.
* Group actors ("the West", "Ukrainians", "police") come from ``lexicons/groups.tsv``,
  users' own actors from files merged over ours (``load_gazetteer(user_files)``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from operator import attrgetter
from typing import Literal, NamedTuple

from framing.errors import LexiconError
from framing.model import ACTOR_KINDS, ActorKind, ActorMention, TextSpan
from framing.stages.recogniser import BODY_HEADS, COMPANY_SUFFIXES, ORG_SUFFIXES, TITLE_WORDS, NameSpan, find_names
from framing.stages.speakers import MEMBER_SPEAKERS, SPEAKER_NOUNS, SPEECH_VERBS
from framing.text.matching import FoldedSpan, Phrase, PhraseIndex, fold_words
from framing.text.memo import BoundedMemo
from framing.text.resources import read_data_bytes
from framing.text.wordlists import is_everyday_word

GAZETTEER_COLUMNS = ("actor", "kind", "aliases", "places", "country", "note")
# Shorter names are not matched in capitals ("US" is the United States, "AS" is not).
MIN_CAPS_CHARS = 4
# The shipped actor files, merged in this order.
SHIPPED_GAZETTEERS = ("actors.tsv", "groups.tsv")
# How a gazetteer form names its actor: a name or alias, a seat of power, a place.
FormKind = Literal["name", "seat", "place"]
# A speaker overlaps at most this many mentions (it is a name or a short phrase).
MAX_SPEAKER_OVERLAP = 4
_SPEAKER_REST_WORD = re.compile(r"[A-Za-z][\w-]*")
# "He said" looks back over at most this many mentions for the person it refers to.
MAX_PRONOUN_LOOKBACK = 60
# Distinct names whose gazetteer kind is memoised before the memo starts afresh (a bound
# on memory over a long corpus; a news text has a few hundred candidate names).
MAX_KIND_CACHE = 100_000
# Distinct capitalised tokens whose reading as a name word is remembered.
NAME_WORD_CACHE = 65536


@dataclass(frozen=True, slots=True)
class Actor:
    """One gazetteer row: canonical name, kind, surface forms and metonymic places.

    ``seats`` are the aliases that name a seat of power ("the Kremlin", "Downing
    Street"; written with a leading ``@`` in the aliases column): metonyms that always
    count, unlike ``places``, which count only when the place acts, speaks or is judged.
    """

    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    places: tuple[str, ...]
    country: str | None
    line: int
    seats: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Actors and one case-sensitive phrase index over all their names.

    ``folded`` holds every name as the index reads it (``fold_words`` joined by spaces);
    ``kinds`` memoises ``kind_of`` (bounded by MAX_KIND_CACHE).
    """

    actors: tuple[Actor, ...]
    index: PhraseIndex[tuple[Actor, FormKind]]
    sha256: str
    folded: frozenset[str]
    kinds: dict[str, str | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    def kind_of(self, name: str) -> str | None:
        """The kind of the actor that ``name`` names exactly, if the gazetteer has it (a recogniser feature)."""
        try:
            return self.kinds[name]  # a name recurs through a text: almost always remembered
        except KeyError:
            pass
        if len(self.kinds) > MAX_KIND_CACHE:
            self.kinds.clear()
        kind = None
        # Only a name that folds to a whole gazetteer name can match from end to end: most
        # names a text holds do not, and need no search.
        if " ".join(fold_words(name)) in self.folded:
            for match in self.index.find(name, 0, len(name)):
                if match.start == 0 and match.end == len(name):
                    kind = str(match.payload[0].kind)
                    break
        self.kinds[name] = kind
        return kind

    def actor(self, name: str) -> Actor | None:
        """The actor with this canonical name, if any."""
        for actor in self.actors:
            if actor.name == name:
                return actor
        return None


def parse_gazetteer(source: str, *, path: str = "lexicons/actors.tsv") -> Gazetteer:
    """Build a Gazetteer from TSV text (see lexicons/README.md for the columns).

    Raises:
        LexiconError: naming the line, for a wrong column count, an unknown kind, or an
            alias claimed by two actors.
    """
    import hashlib

    actors: list[Actor] = []
    owner: dict[str, tuple[str, int]] = {}
    header_seen = False
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            header_seen = True
            if cells[:2] == ["actor", "kind"]:
                continue
        if len(cells) < 2 or len(cells) > len(GAZETTEER_COLUMNS):
            raise LexiconError(f"{path}:{number}: {len(cells)} columns; expected {', '.join(GAZETTEER_COLUMNS)}")
        cells += [""] * (len(GAZETTEER_COLUMNS) - len(cells))
        name, kind, aliases, places, country, _ = cells
        if kind not in ACTOR_KINDS:
            raise LexiconError(f"{path}:{number}: kind {kind!r} must be one of {', '.join(ACTOR_KINDS)}")
        written = [a.strip() for a in aliases.split("|") if a.strip()]
        actor = Actor(
            name=name, kind=kind,
            aliases=tuple(a.lstrip("@").strip() for a in written),
            places=tuple(p.strip() for p in places.split("|") if p.strip()),
            country=country or None, line=number,
            seats=tuple(a.lstrip("@").strip() for a in written if a.startswith("@")),
        )
        for form in (name, *actor.aliases, *actor.places):
            if form in owner and owner[form][0] != name:
                raise LexiconError(
                    f"{path}:{number}: {form!r} already names {owner[form][0]!r} (line {owner[form][1]}); "
                    "an alias must belong to one actor"
                )
            owner[form] = (name, number)
        actors.append(actor)
    phrases: list[tuple[Phrase, tuple[Actor, FormKind]]] = []
    for actor in actors:
        for form in dict.fromkeys((actor.name, *actor.aliases)):
            form_kind: FormKind = "seat" if form in actor.seats else "name"
            phrases.extend((Phrase(variant, case_sensitive=True, forms="exact"), (actor, form_kind))
                           for variant in _case_variants(form, owner))
        for place in actor.places:
            place_kind: FormKind = "place"
            phrases.extend((Phrase(variant, case_sensitive=True, forms="exact"), (actor, place_kind))
                           for variant in _case_variants(place, owner))
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    folded = frozenset(" ".join(fold_words(phrase.text)) for phrase, _ in phrases)
    return Gazetteer(tuple(actors), PhraseIndex(phrases), digest, folded)


def _case_variants(form: str, owner: dict[str, tuple[str, int]]) -> tuple[str, ...]:
    """A form and, for names of MIN_CAPS_CHARS or more, its all-caps spelling ("RUSSIA WARNS KIEV" headlines)."""
    upper = form.upper()
    if len(form) < MIN_CAPS_CHARS or upper == form or upper in owner:
        return (form,)
    return (form, upper)


def load_gazetteer(user_files: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped gazetteer (``lexicons/actors.tsv`` and ``lexicons/groups.tsv``) merged with users' files.

    A user row wins over shipped rows for the names and aliases it claims (a shipped row
    whose canonical name is claimed goes; otherwise only the claimed forms leave it).
    Parsed once per process and version of the files: an edited user file is read again.

    Raises:
        LexiconError: naming the user file and line, for a malformed row.
    """
    return _merged_gazetteer(tuple((path, *_file_stamp(path)) for path in user_files))


def _file_stamp(path: str) -> tuple[int, int]:
    """Modification time and size of a file ((0, 0) when it cannot be read: reading it then says why)."""
    import os

    try:
        stat = os.stat(path)
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


@cache
def _merged_gazetteer(stamped: tuple[tuple[str, int, int], ...]) -> Gazetteer:
    user_files = [path for path, _, _ in stamped]
    shipped = [read_data_bytes(name).decode("utf-8") for name in SHIPPED_GAZETTEERS]
    if not user_files:
        return parse_gazetteer("\n".join(shipped))
    user_lines: list[str] = []
    claimed: set[str] = set()
    for path in user_files:
        source = read_user_gazetteer(path)
        parse_gazetteer(source, path=path)  # validates with the user's file and line numbers
        for line in source.split("\n"):
            if line.strip() and not line.lstrip().startswith("#"):
                user_lines.append(line)
                claimed.update(_row_forms(line))
    kept = [_without_forms(line, claimed) for text in shipped for line in text.split("\n")]
    return parse_gazetteer("\n".join([*kept, *user_lines]), path="+".join(["lexicons/actors.tsv", *user_files]))


def _without_forms(line: str, claimed: set[str]) -> str:
    """A shipped row less the names a user row claims: the row goes if its canonical name is claimed,
    else only the claimed aliases and places leave it ("Washington" claimed keeps the U.S. government)."""
    if not line.strip() or line.lstrip().startswith("#") or not claimed.intersection(_row_forms(line)):
        return line
    cells = line.split("\t")
    if cells[0].strip() in claimed:
        return ""
    for column in (2, 3):
        if len(cells) > column:
            cells[column] = "|".join(form for form in cells[column].split("|")
                                     if form.strip().lstrip("@").strip() not in claimed)
    return "\t".join(cells)


def _row_forms(line: str) -> set[str]:
    cells = [cell.strip() for cell in line.split("\t")]
    forms = {cells[0]}
    for column in (2, 3):
        if len(cells) > column:
            forms.update(form.strip().lstrip("@").strip() for form in cells[column].split("|") if form.strip())
    return forms


def _json_cell(path: str, number: int, value: object) -> str:
    """One cell of a JSON gazetteer row: a string, a list of strings (joined with |) or nothing.

    Raises:
        LexiconError: for any other value.
    """
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "|".join(value)
    if isinstance(value, str):
        return value
    raise LexiconError(f"{path}: row {number}: expected a string or a list of strings, got {type(value).__name__}")


def read_user_gazetteer(path: str) -> str:
    """A user gazetteer as TSV text: ``.tsv`` as is, ``.csv`` (same columns) or ``.json`` (a list of row objects).

    Raises:
        LexiconError: for a missing or unreadable file, or rows of the wrong shape.
    """
    import csv
    import io
    import json
    from pathlib import Path

    file = Path(path)
    if not file.exists():
        raise LexiconError(f"{path}: no such actor file")
    if file.is_dir():
        raise LexiconError(f"{path}: is a directory, not an actor file")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read the actor file ({error})") from None
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as error:
            raise LexiconError(f"{path}:{getattr(error, 'lineno', 1)}: not valid JSON ({error})") from None
        if not isinstance(data, list) or not all(isinstance(row, dict) and "actor" in row for row in data):
            raise LexiconError(f"{path}: expected a JSON list of objects with at least 'actor' and 'kind'")
        return "\n".join("\t".join(_json_cell(path, number, row.get(column)) for column in GAZETTEER_COLUMNS)
                         for number, row in enumerate(data, start=1))
    if file.suffix.lower() == ".csv":
        rows = list(csv.reader(io.StringIO(text)))
        if rows and [cell.strip().lower() for cell in rows[0]][:2] == ["actor", "kind"]:
            rows = [[""]] + rows[1:]  # keep line numbers: the header becomes a blank line
        return "\n".join("\t".join(row + [""] * (len(GAZETTEER_COLUMNS) - len(row))) if any(row) else "" for row in rows)
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), None)
    if first is not None and lines[first].lower().startswith("actor\tkind"):
        lines[first] = ""  # the header, wherever it stands after comments (line numbers kept)
    return "\n".join(lines)


# --- metonymy -------------------------------------------------------------------------

# Words before a place that make it a location, not an actor ("flew to Moscow").
_SPATIAL = frozenset(
    "in to from at into near outside inside around across via through "
    "within throughout beyond above below opposite".split()
)
# Nouns before a spatial preposition that make the place an actor again ("trust in Washington").
_STANCE_NOUNS = frozenset(
    "trust confidence faith belief distrust mistrust interest hopes hope pressure anger "
    "frustration disappointment".split()
)
# Nouns before a spatial preposition that make the place its rulers ("the regime in Kyiv").
_RULER_NOUNS = frozenset(
    "regime government authorities leadership rulers junta administration officials establishment".split()
)
# Nouns of harm, help or rule before "of" that make the place their patient ("the shelling of
# Kharkiv", "the liberation of Kherson", "the people of Gaza"), and verbs that make it a topic
# or a loser ("speaking of Gaza", "robbed of Crimea").
_PATIENT_NOUNS = frozenset(
    """
    attack attacks bombing bombings bombardment shelling shelled siege invasion occupation annexation
    destruction devastation blockade starvation strangulation encirclement capture seizure fall
    conquest subjugation partition dismemberment colonisation colonization ruin flooding
    liberation defence defense protection reconstruction rebuilding recovery evacuation
    people peoples citizens residents inhabitants sovereignty independence security future survival
    suffering plight
    speak speaks speaking spoke talk talks talking think thinks thinking thought dream dreams dreaming
    rid ridding deprive deprived deprives stripped robbed
    """.split()
)
# Nouns after a place that make it a location, an attribute or part of a name
# ("Moscow region", "the Budapest summit", "Washington state").
_PLACE_NOUNS = frozenset(
    """
    region regions oblast province state city town time airport metro subway suburbs suburb
    residents resident streets street mayor area district skyline population office offices
    bureau correspondent correspondents embassy hotel hotels university court courts police
    marathon zoo summit summits talks meeting meetings process format agreement agreements
    accord accords declaration conference protocol memorandum negotiations round visit trip
    channel consensus forum club school institute stadium station river square avenue
    """.split()
)
# Words after a place that show it acting: auxiliaries and modal verbs.
_AUXILIARIES = frozenset(
    """
    is was has had have will would can could may might must should shall does did
    remains remained appears appeared seems seemed wants wanted needs needed
    """.split()
)
# Irregular past forms after a place that show it acting ("Moscow struck back", "Kyiv won").
_IRREGULAR_PAST = frozenset(
    """
    hit struck made took sent began won lost gave told kept held led brought sought bought fought threw
    drove broke chose rose fell froze stood ran met paid put set cut shut spent built withdrew forgot
    understood swore shot sold bid beat bore
    """.split()
)
# Words shortly before a place that make it a party to something ("talks with Beijing").
_RELATIONS = frozenset("with between against by on versus vs toward towards".split())
_COORDINATORS = frozenset(("and", "or", "nor", "but", "as", "than"))
_PLACE_NAME_ENDINGS = frozenset(("Square", "Street", "Avenue", "Park", "Airport", "Cathedral", "Bridge",
                                 "Station", "River", "Palace", "Metro", "Oblast", "Region", "University"))
_DATELINE = re.compile(r"\s*(?:,|\(|[-–—]\s)")
# A dateline opening a body paragraph, up to its dash: "ISTANBUL, Oct 14 -", "SINGAPORE, June 11
# (Reuters) -", "Beirut (AFP) —", "FRESNO, California, March 3 (Wire) -". A place of one to four
# capitalised words (or two joined by "/"), then up to four place, date or credit parts, then the
# dash. A part after a comma opens with a capital or a digit, so "OPEC, the cartel, said - as
# expected -" is no dateline.
_DATELINE_OPENING = re.compile(
    r"(?P<place>[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){0,3})"
    r"(?P<parts>(?:\s*,\s*[A-Z0-9][\w.'’]*(?:[ \t]+[\w.'’]+){0,3}?|[ \t]*\([^\n()]{1,40}\)){0,4})"
    r"[ \t]*[-–—]{1,2}[ \t]+"
)
# What follows a Title Case dateline's dash when it has no date or credit: a sentence's first word.
_SENTENCE_OPENING = re.compile(r"[\"“‘']?[A-Z0-9]")
# The patterns the context rules run per name, compiled once.
_WORD_RUNS = re.compile(r"[\w'’-]+")  # words before a place or a name
_HYPHENATED_WORDS = re.compile(r"[\w-]+")  # words after a place's "'s"
_NEXT_WORD = re.compile(r"\s+(?:(\w+ly)\s+)?([\w-]+)")  # the word after a place, past an adverb
_HEADING_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([\w-]+)")
_WORDS_BEFORE_NAME = re.compile(r"[\w.'’-]+")
_FOLLOWING_VERB = re.compile(r"['’]?s?\s+(?:\w+ly\s+)?([a-z]+)")  # "Trenin said", "Trenin's quietly told"
_LAST_WORD = re.compile(r"(\S+)\s+$")  # the word before a mention (a title?)
# A possible surname: a capitalised run of [\w'’-] characters, group 1 without a final "'s".
_CAPITALISED_WORD = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*?)(?:['’]s)?(?![\w'’-])")


def _is_acting_place(text: str, start: int, end: int, span_start: int) -> bool:
    """Whether a place name at ``start``..``end`` acts, speaks or is judged.

    "Moscow agreed", "Washington's credibility", "talks with Beijing", "pressure on
    Kyiv", "the regime in Kyiv" and "the shelling of Kharkiv" are actors; "flew to Moscow", "in Kyiv", "Moscow-based", "the Budapest summit",
    "Moscow's Red Square" and a dateline are places.
    """
    after = text[end:end + 60]
    before_words = _WORD_RUNS.findall(text[max(span_start, start - 40):start])
    if after.startswith(("'s", "’s")):
        following = _HYPHENATED_WORDS.findall(after[2:])[:2]
        if following and following[0].lower() in _PLACE_NOUNS:
            return False
        return not (len(following) == 2 and following[0][:1].isupper() and following[1] in _PLACE_NAME_ENDINGS)
    if after.startswith(("-", "‐")):
        return False  # "Moscow-based": an attribute, not an actor
    if start == span_start and _DATELINE.match(after):
        return False  # dateline: "KYIV, Oct 14 -" / "Moscow (Reuters) -"
    if before_words:
        previous = before_words[-1].lower()
        if previous in _SPATIAL:
            return len(before_words) > 1 and (before_words[-2].lower() in _STANCE_NOUNS
                                              or before_words[-2].lower() in _RULER_NOUNS)
        if previous == "of" and len(before_words) > 1 and before_words[-2].lower() in _PATIENT_NOUNS:
            return True
        if previous in ("visit", "visited", "visiting", "visits", "left", "leaving", "leave", "reached"):
            return False
        if any(word.lower() in _RELATIONS for word in before_words[-4:]):
            return True  # "talks with Beijing", "between Washington and Moscow", "pressure on Kyiv"
    next_word = _NEXT_WORD.match(after)
    if next_word is None:
        return True  # followed by punctuation: an object or a subject set off by a comma
    word = next_word.group(2)
    if word[:1].isupper():
        return False  # part of a longer name ("Washington Post", "Moscow Times")
    lowered = word.lower()
    if lowered in _COORDINATORS or lowered in _AUXILIARIES or lowered in _IRREGULAR_PAST or next_word.group(1):
        return True
    if lowered in _PLACE_NOUNS:
        return False
    return lowered.endswith(("ed", "s")) or lowered in SPEECH_VERBS


# Verbs before a place that take it as the object of harm or help ("shelled Kharkiv"); any
# other past form in -ed counts too, except those of going, staying and being somewhere.
_OBJECT_VERBS = frozenset(
    """
    attack attacks attacking bomb bombs bombing shell shells shelling strike strikes striking struck
    hit hits hitting invade invades invading occupy occupies occupying annex annexes annexing raid
    raids raiding pound pounds pounding target targets targeting besiege besieges besieging destroy
    destroys destroying flatten flattens flattening blockade blockades blockading starve starves
    starving punish punishes punishing threaten threatens threatening help helps helping aid aids
    aiding defend defends defending protect protects protecting liberate liberates liberating
    rebuild rebuilds rebuilding support supports supporting sanction sanctions sanctioning blame
    blames blaming accuse accuses accusing condemn condemns condemning betray betrays betraying
    abandon abandons abandoning save saves saving rescue rescues rescuing
    """.split()
)
_MOTION_VERBS = frozenset(
    """
    visited reached left returned arrived travelled traveled based located headquartered landed
    stationed flew moved relocated headed bound named called renamed entered crossed passed
    """.split()
)
_ARTICLES = frozenset(("the", "a", "an"))


def _is_framed_place(text: str, start: int, end: int, span_start: int) -> bool:
    """Whether a place the gazetteer lacks is framed as a party: owner, patient, subject or object.

    Stricter than ``_is_acting_place``: "Europe's factories", "the shelling of Kharkiv",
    "the regime in Kyiv", "attacks on Gaza", "Gaza was bombed", "Kharkiv keeps its lights
    on" and "Russia shelled Kharkiv" count; a place in a list, after "of" ("the ports of
    Odesa"), after a spatial word ("in the Black Sea") or set off by punctuation does not.
    """
    after = text[end:end + 60]
    if after.startswith(("'s", "’s")):
        return _is_acting_place(text, start, end, span_start)
    if after.startswith(("-", "‐")) or (start == span_start and _DATELINE.match(after)):
        return False
    words = [w.lower() for w in _WORD_RUNS.findall(text[max(span_start, start - 40):start])]
    while words and words[-1] in _ARTICLES:
        words.pop()
    previous = words[-1] if words else ""
    earlier = words[-2] if len(words) > 1 else ""
    if previous == "of":
        return earlier in _PATIENT_NOUNS
    if previous in _SPATIAL:
        return earlier in _STANCE_NOUNS or earlier in _RULER_NOUNS
    if previous in _RELATIONS or previous in _OBJECT_VERBS:
        return True
    if previous.endswith("ed") and previous not in _MOTION_VERBS and text[start - 1:start] == " ":
        return True
    next_word = _NEXT_WORD.match(after)
    if next_word is None:
        return False
    word = next_word.group(2)
    if word[:1].isupper() or word.lower() in _PLACE_NOUNS:
        return False
    lowered = word.lower()
    return (lowered in _AUXILIARIES or lowered in _IRREGULAR_PAST or lowered in SPEECH_VERBS or bool(next_word.group(1))
            or (lowered.endswith(("ed", "s")) and not lowered.endswith("ss")))


def _is_heading_place(text: str, start: int, end: int, span_start: int) -> bool:
    """A place in a title or heading, unless an attribute, part of a longer name or a location inside it.

    "In Gaza, the doctors are still counting" and "Kharkiv keeps its lights on" count; "talks in
    Istanbul end", "Kharkiv region" and "Gaza-based" do not.
    """
    after = text[end:end + 40]
    if after.startswith(("-", "‐")):
        return False
    words = [w.lower() for w in _WORD_RUNS.findall(text[span_start:start])]
    while words and words[-1] in _ARTICLES:
        words.pop()
    if len(words) > 1 and words[-1] in _SPATIAL:
        return False  # a location inside the headline, not the place it opens with
    next_word = _HEADING_NEXT_WORD.match(after)
    return next_word is None or not (next_word.group(1)[:1].isupper() or next_word.group(1).lower() in _PLACE_NOUNS)


# --- unknown names --------------------------------------------------------------------

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
    superintendent commissioner inspector sheriff trustee
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
    We I You His Her Their Our My Your There Here What Who Why How Which Mr Mrs Ms Dr
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Western Eastern Northern
    Southern European American Russian Ukrainian Chinese British French German Israeli
    Palestinian Iranian Turkish Indian Japanese Korean Hungarian Polish Meanwhile However
    According Still Yes No Not Although Though Despite Also Even Only Just Then Now Today
    """.split()
)
_FOLLOWING_ROLE = re.compile(r",\s+(?:a|an|the|who|whose|its|his|her|their)\b")
# An apposition after a name, up to its head noun: ", a British comparison site,", ", the
# world's largest retailer.", ", a subsidiary of ...", ", a spokesman for ...".
_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[^,;:.()\n\s]+\s+){0,5}?([a-z][a-z-]*)"
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


class _Taken:
    """Disjoint character ranges already claimed by mentions, with a fast overlap test."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(ranges)
        self._starts: list[int] = [start for start, _ in ordered]
        self._ends: list[int] = [end for _, end in ordered]

    def overlaps(self, start: int, end: int) -> bool:
        position = bisect_right(self._starts, start) - 1
        if position >= 0 and self._ends[position] > start:
            return True
        following = position + 1
        return following < len(self._starts) and self._starts[following] < end

    def add(self, start: int, end: int) -> None:
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


def _name_candidates(text: str, start: int, end: int, taken: _Taken) -> Iterable[_Candidate]:
    """Runs of two to four capitalised words, separated by single spaces, not yet taken.

    A sentence's first word is dropped when it is an everyday word ("Later Trenin said").
    """
    for candidate in _capitalised_runs(text, start, end, taken):
        words = list(candidate.words)
        position = candidate.start
        if is_everyday_word(words[0]) and _at_sentence_start(text, start, position):
            position = text.index(words[1], position + len(words[0]))
            words.pop(0)
        if len(words) >= 2:
            yield _Candidate(position, candidate.end, tuple(words))


def _at_sentence_start(text: str, span_start: int, position: int) -> bool:
    before = text[span_start:position].rstrip(" \"“‘'(")
    return not before or before.endswith((".", "!", "?", ":", "\n"))


def _capitalised_runs(text: str, start: int, end: int, taken: _Taken) -> Iterable[_Candidate]:
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


def _flush(run: list[tuple[int, int, str]], taken: _Taken) -> Iterable[_Candidate]:
    """The run as a candidate, if it has two to four words, not all of the last two everyday, and is not taken."""
    if 2 <= len(run) <= 4:
        start, end = run[0][0], run[-1][1]
        if not taken.overlaps(start, end) and not all(is_everyday_word(word) for _, _, word in run[-2:]):
            yield _Candidate(start, end, tuple(word for _, _, word in run))


class _Covering:
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
        count = bisect_right(self._starts, start)
        return count > 0 and self._reach[count - 1] >= end


def _ends_in_capital(phrase: str) -> bool:
    """Whether the last word of a speaker phrase is capitalised, so the phrase may end in a name.

    "union leader Frank Dolan" may name a person; "Hong Kong police" names none, so its
    capitalised words are not typed as a person for speaking.
    """
    words = phrase.split()
    return bool(words) and words[-1][:1].isupper()


def _is_person_context(text: str, candidate: _Candidate, span_start: int, speakers: _Covering,
                       apposition: ActorKind | None) -> bool:
    """Whether a capitalised candidate names a person by its context; ``apposition`` is the kind an
    apposition right after it gives (``_apposition_kind``), which the caller has read already."""
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


def _apposition_kind(text: str, end: int) -> ActorKind | None:
    """The kind an apposition right after a name gives it: ", a British comparison site," an
    organisation, ", a tabloid," a news medium, ", a Danish economist," a person (else None)."""
    if text[end:end + 1] != ",":  # most names are followed by no comma: no regex to run
        return None
    apposition = _APPOSITION.match(text, end, min(len(text), end + 90))
    if apposition is None:
        return None
    head = apposition.group(1)
    if head in _ORGANISATION_APPOSITION_HEADS:
        return "organisation"
    if head in _MEDIA_APPOSITION_HEADS:
        return "media"
    return "person" if head in ROLE_WORDS else None


# --- finding mentions -----------------------------------------------------------------

_TITLES = frozenset(
    """
    President Vice Prime Minister Foreign Defence Defense Finance Interior Chancellor
    Senator Sen. Rep. Representative Gov. Governor Mr. Mrs. Ms. Dr. General Gen. Secretary
    State Ambassador Envoy King Queen Prince Crown Pope Sheikh Premier Speaker Leader Mayor
    Judge Justice Chief Special Admiral Marshal Commissioner High Representative
    """.split()
)


def find_actors(text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer, *,
                speakers: Sequence[TextSpan] = (), headings: Sequence[tuple[int, int]] = (),
                folded: Mapping[tuple[int, int], FoldedSpan] | None = None) -> tuple[ActorMention, ...]:
    """Find actor mentions in the analysed spans, in document order.

    ``speakers`` are quotation speakers found by the quotes stage; a capitalised name
    inside a speaker phrase that ends in a capitalised word is a person even without a
    role word. ``headings`` are the spans that are a title or a heading, where a place
    the gazetteer lacks is the story's subject
    ("In Gaza, the doctors are still counting"), not a location. ``folded`` holds spans
    already folded for matching, by (start, end).
    """
    heading_spans = frozenset(headings)
    mentions: list[ActorMention] = []
    surnames: dict[str, str] = {}  # surname -> canonical name of a person found by context
    apposed: dict[str, ActorKind] = {}  # actor -> the kind an apposition gives it
    # only a speaker phrase that ends in a capitalised word names someone ("Hong Kong police said" does not)
    speaking = _Covering(speaker for speaker in speakers if _ends_in_capital(speaker.text))
    names = _recognised_names(text, spans, gazetteer)
    surnames.update(_full_name_surnames(names))
    for span_start, span_end in spans:
        span = folded.get((span_start, span_end)) if folded else None
        found = _gazetteer_mentions(text, span or FoldedSpan(text, span_start, span_end), gazetteer)
        recognised_names = names.get((span_start, span_end), ())
        dateline = span_start if (span_start, span_end) in heading_spans else _dateline_end(
            text, span_start, span_end, found, recognised_names)
        if dateline > span_start:  # "SINGAPORE, June 11 (Reuters) -": no one, and no other rule's
            found = [m for m in found if m.start >= dateline]
        if found and recognised_names:
            found = _without_inner_words(found, recognised_names, gazetteer)
        taken = _Taken((m.start, m.end) for m in found)
        if dateline > span_start:
            taken.add(span_start, dateline)
        unknown = []
        for recognised in recognised_names:
            if gazetteer.kind_of(_canonical(recognised)) is not None:
                continue
            not_an_actor = recognised.kind != "PER" and is_non_actor_name(recognised.text)
            if not_an_actor or _is_street(recognised.text, person=recognised.kind == "PER"):
                if not taken.overlaps(recognised.start, recognised.end):  # "the Black Sea" is no one,
                    taken.add(recognised.start, recognised.end)           # nor a person by another rule
                continue
            unknown.append(recognised)
        if unknown:
            found.extend(_model_mentions(text, [n for n in unknown if n.kind in _MODEL_KINDS or n.kind == "LOC"],
                                         surnames, taken, apposed))
        for candidate in _name_candidates(text, span_start, span_end, taken):
            kind = _apposition_kind(text, candidate.end)
            if kind == "organisation" or kind == "media":  # "Price Finder, a comparison site, said"
                name = text[candidate.start:candidate.end]
                apposed.setdefault(name, kind)
                found.append(ActorMention(candidate.start, candidate.end, name, name, kind, source="rule"))
                taken.add(candidate.start, candidate.end)
                continue
            if _is_person_context(text, candidate, span_start, speaking, kind):
                words = list(candidate.words)
                while len(words) > 2 and (words[0] in _TITLES or words[0].lower().rstrip(".") in ROLE_WORDS):
                    words.pop(0)  # "Councilmember Tom Brandt" is Tom Brandt
                name = " ".join(words)
                surname = words[-1]
                surnames.setdefault(surname, name)
                found.append(ActorMention(candidate.start, candidate.end, text[candidate.start:candidate.end],
                                          surnames.get(name, name), "person", source="rule"))
                taken.add(candidate.start, candidate.end)
        found.extend(_surname_mentions(text, span_start, span_end, surnames, taken))
        if unknown:
            found.extend(_place_mentions(text, span_start, [n for n in unknown if n.kind == "LOC"], taken,
                                         heading=(span_start, span_end) in heading_spans))
        if len(found) > 1:
            found.sort(key=_START)
        mentions.extend(found)
    return _settle_kinds(_link_surnames(mentions), apposed)


_START = attrgetter("start")


def _settle_kinds(mentions: tuple[ActorMention, ...], apposed: Mapping[str, ActorKind]) -> tuple[ActorMention, ...]:
    """One kind for each name the recogniser or the rules found, from what the document says of it.

    A company's name without its legal form is that company ("Vantix" after "Vantix Ltd"). A
    name an apposition gives a kind has it everywhere ("PriceFinder, a comparison site"). A
    name read as a place in one sentence and as a person or an organisation in another is no
    place ("The court fined Vantix ... Vantix said"): it is an organisation if read so
    anywhere or if it is one word (a person the news names is named in full, and a full name
    has taken its surname before this), else a person. Gazetteer actors keep theirs.
    """
    companies: dict[str, set[str]] = {}
    read_as: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.source == "gazetteer":
            continue
        read_as.setdefault(mention.actor, set()).add(mention.kind)
        if mention.kind == "organisation" and " " in mention.actor:
            stem, suffix = mention.actor.rsplit(" ", 1)
            if suffix in COMPANY_SUFFIXES:
                companies.setdefault(stem.rstrip(" ,&"), set()).add(mention.actor)
    full = {stem: next(iter(names)) for stem, names in companies.items() if len(names) == 1}
    settled: dict[str, tuple[str, ActorKind]] = {}
    for actor, kinds in read_as.items():
        if actor in full:
            settled[actor] = (full[actor], "organisation")
        elif actor in apposed:
            settled[actor] = (actor, apposed[actor])
        elif "state" in kinds and len(kinds) > 1:
            settled[actor] = (actor, "organisation" if "organisation" in kinds or " " not in actor else "person")
    if not settled:
        return mentions
    return tuple(replace(m, actor=settled[m.actor][0], kind=settled[m.actor][1])
                 if m.source != "gazetteer" and m.actor in settled else m for m in mentions)


def _link_surnames(mentions: list[ActorMention]) -> tuple[ActorMention, ...]:
    """A one-word person ("Park") is the one full name in the document that ends with it ("Helen Park").

    A one-word name the recogniser typed otherwise ("Park said" as an organisation) is that
    person too: a name the document spells out beats the model's guess of its kind.
    """
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind == "person" and " " in mention.actor:
            full.setdefault(mention.actor.rsplit(" ", 1)[1], set()).add(mention.actor)
    linked = {surname: next(iter(names)) for surname, names in full.items() if len(names) == 1}
    return tuple(replace(m, actor=linked[m.actor], kind="person")
                 if m.actor in linked and (m.kind == "person" or m.source == "model") else m
                 for m in mentions)


# The recogniser's kinds that name an actor (LOC places only where they act or are acted
# upon, see _place_mentions; NAT adjectives such as "British" are not actors).
_MODEL_KINDS: dict[str, ActorKind] = {"PER": "person", "ORG": "organisation"}
_NAME_KINDS = frozenset((*_MODEL_KINDS, "LOC"))
_POSSESSIVE = re.compile(r"['’]s?$")


# Names that are never actors, by their head word (OntoNotes' non-GPE locations, laws and
# events): natural features ("the Black Sea", "the Taiwan Strait", "the Sea of Azov"),
# agreements and laws ("the Minsk Protocol", "the Inflation Reduction Act") and events ("the
# Cold War", "the Budapest Summit"). Heads that also end names of states, cities or bodies
# ("Islands", "Coast", "Valley", "Bay", "Lake", "Channel", "Conference", "Initiative",
# "Games", "Uprising", "Rebellion", "Crisis") are left out; a person's name is never read
# this way ("Nathan Deal").
_NATURAL_FEATURE_HEADS = frozenset(
    "sea seas ocean river gulf strait straits mountains range desert peninsula canal basin delta plateau "
    "archipelago glacier reef".split()
)
_NATURAL_FEATURE_FIRST = frozenset("sea gulf strait straits bay lake".split())  # "Sea of Azov", "Bay of Bengal"
_DOCUMENT_HEADS = frozenset(
    "framework agreement agreements accord accords treaty treaties protocol protocols declaration "
    "charter memorandum act amendment directive resolution doctrine plan roadmap deal convention conventions "
    "covenant statute bill constitution code".split()
)
# Road numbers: places, never actors ("the M25", "the A14", "I-95", "Route 66"); a body named
# so is in the gazetteer ("M23", "G7") and matched before this rule.
_ROAD_NUMBER = re.compile(r"(?:[AMBN]\d{1,4}|I-\d{1,3}|US[- ]\d{1,3}|(?:Route|Interstate|Highway) \d{1,4})")
_EVENT_HEADS = frozenset("summit olympics cup war wars talks festival election elections referendum".split())
_NOT_ACTOR_HEADS = _NATURAL_FEATURE_HEADS | _DOCUMENT_HEADS | _EVENT_HEADS


def _dateline_end(text: str, span_start: int, span_end: int, found: Sequence[ActorMention],
                  names: Sequence[NameSpan]) -> int:
    """Where the dateline opening a body span ends, past its dash (``span_start`` when there is none).

    A dateline names no actor, neither its place nor the agency it credits ("SINGAPORE, June
    11 (Reuters) -"). Its place is in capitals, or in Title Case with a date or a credit after
    it or a capitalised sentence after the dash ("Moscow - The court ruled", not "Moscow - a
    city that"); it is a place, so a person or an organisation there opens no dateline ("Trump -
    The president said", "Acme Corp - The company said").
    """
    match = _DATELINE_OPENING.match(text, span_start, span_end)
    if match is None:
        return span_start
    parts = match.group("parts")
    if not match.group("place").isupper() and "(" not in parts and not any(char.isdigit() for char in parts) \
            and (parts.strip() or _SENTENCE_OPENING.match(text, match.end()) is None):
        return span_start  # Title Case with neither date nor credit: only "Moscow - The court ruled" ("Israel, Hamas - The" is a list)
    place_end = match.end("place")
    if _last_head(match.group("place")) in ORG_SUFFIXES:
        return span_start
    for mention in found:
        if mention.start < place_end and not (mention.kind == "state" or (
                mention.is_metonym and mention.kind != "person" and not mention.text.lower().startswith("the "))):
            return span_start
    for name in names:
        if name.start < place_end and not any(m.start < name.end and name.start < m.end for m in found) and (
                name.kind == "PER" or (name.kind == "ORG" and _last_head(name.text) in ORG_SUFFIXES)):
            return span_start
    return match.end()


# Heads of street and square names: places, never actors ("Main Street", "Harbour Road"); the seats
# of power among them are gazetteer metonyms ("Downing Street"), matched before this rule.
_STREET_HEADS = frozenset("street road avenue boulevard lane highway motorway square bridge".split())
# Street words that are also surnames ("Nathan Lane", "Picabo Street"): a name the recogniser
# calls a person keeps them.
_SURNAME_STREET_HEADS = frozenset("street lane bridge".split())


def _is_street(name: str, *, person: bool = False) -> bool:
    """Whether a name of two words or more ends in a street word ("Harbour Road", "Main Street")."""
    head = _last_head(name)
    return head in _STREET_HEADS and not (person and head in _SURNAME_STREET_HEADS)


def _last_head(name: str) -> str:
    """The last word of a name of two words or more, lower case, without "'s" or a final period ("" for one word)."""
    words = name.replace("’", "'").split()
    return words[-1].lower().removesuffix("'s").rstrip(".") if len(words) >= 2 else ""


def is_non_actor_name(name: str) -> bool:
    """Whether a recognised name is a natural feature, a road, an agreement or law, or an event, not an actor.

    A road number is none ("the M25", "I-95"). Others are read from the head word: the last
    ("the Black Sea", "the Paris Agreement", "the Geneva Convention", "the Cold War"), or the one before "of" when one word follows it ("the Sea of Azov", "the Treaty of
    Versailles"; but "Department of War" is headed by "Department"). A name that goes on past
    such a word keeps it as a modifier ("Black Sea Fleet", "War Office", "Bay of Plenty
    Regional Council"); one word alone is never read this way ("Delta", "Gulf"), nor is an
    alliance ("the Warsaw Pact").
    """
    if _ROAD_NUMBER.fullmatch(name):
        return True
    words = name.replace("’", "'").split()
    if "of" in words[1:]:
        at = words.index("of", 1)
        complement = [word for word in words[at + 1:] if word.lower() not in ("the", "a", "an")]
        if len(complement) != 1:
            return False  # the name goes on: "Bay of Plenty Regional Council", "Lake of the Woods County"
        head = words[at - 1].lower()
        return head in _NATURAL_FEATURE_FIRST or head in _DOCUMENT_HEADS or head == "battle"
    return _last_head(name) in _NOT_ACTOR_HEADS


# Words that head the name of a body: its last word ("Rail and Transport Workers Union"), or the
# one before "of" ("Maharashtra Association of Resident Doctors", "Church of Sweden").
_BODY_NAME_HEADS = BODY_HEADS | frozenset(
    "church university college school hospital museum club army navy forces court institution".split()
)
# Gazetteer kinds that a body's name may hold as words of its own and that then name no one:
# "Workers", "Doctors" (groups), "Sweden" (a state), "Gates" (a person).
_INNER_KINDS = frozenset(("group", "state", "person"))


def is_body_name(name: str) -> bool:
    """Whether a name of two words or more is a body's: its head is an institution's word.

    The head is the word before the first "of" ("Association of Resident Doctors", "Church of
    Sweden") or else the last word ("Rail and Transport Workers Union").
    """
    words = name.split()
    if len(words) < 2:
        return False
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return head.lower().removesuffix("'s").removesuffix("’s") in _BODY_NAME_HEADS


def _without_inner_words(found: list[ActorMention], names: Sequence[NameSpan], gazetteer: Gazetteer) -> list[ActorMention]:
    """Gazetteer mentions less the groups, states and people that are words of a body's longer name.

    "The Rail and Transport Workers Union" is one organisation, not "workers"; "the Church of
    Sweden" is not Sweden. A body the gazetteer knows by its full name ("Bank of England") is
    matched whole already.
    """
    bodies = [(n.start, n.end) for n in names
              if n.kind == "ORG" and is_body_name(_canonical(n)) and gazetteer.kind_of(_canonical(n)) is None]
    if not bodies:
        return found
    starts = [start for start, _ in bodies]  # names never overlap: the one body that may hold a mention
    kept = []                                # is the last to start at or before it
    for mention in found:
        at = bisect_right(starts, mention.start) - 1
        if mention.kind in _INNER_KINDS and at >= 0:
            start, end = bodies[at]
            if mention.end <= end and end - start > mention.end - mention.start:
                continue
        kept.append(mention)
    return kept


def _recognised_names(text: str, spans: Sequence[tuple[int, int]],
                      gazetteer: Gazetteer) -> dict[tuple[int, int], tuple[NameSpan, ...]]:
    """The recogniser's person, organisation and place names, grouped by the analysed span they lie in (one pass).

    Natural features, agreements and events among them (``is_non_actor_name``) are no actors:
    ``find_actors`` only keeps other rules off their words.
    """
    found = [n for n in find_names(text, known_kind=gazetteer.kind_of) if n.kind in _NAME_KINDS]
    starts = [n.start for n in found]
    grouped = {}
    for start, end in spans:
        first, last = bisect_right(starts, start - 1), bisect_right(starts, end - 1)
        grouped[(start, end)] = tuple(n for n in found[first:last] if n.end <= end)
    return grouped


def _canonical(name: NameSpan) -> str:
    """A recognised name without a possessive ending ("Kane's" -> "Kane")."""
    text = name.text
    if "'" in text or "’" in text:  # most names have no apostrophe: no regex to run
        text = _POSSESSIVE.sub("", text)
    return text.strip()


def _is_not_a_name(name: str) -> bool:
    """A recogniser span that is one capitalised adjective or a number word ("Western", "Sixty").

    Everyday words are kept: many surnames are one ("Bush", "Brown", "Rice").
    """
    if " " in name or (name.isupper() and len(name) > 1):
        return False  # several words, or an acronym ("SWIFT", "NATO")
    return name in _NOT_NAME_WORDS or name.lower() in _NUMBER_WORDS


def _without_titles(name: str) -> str:
    """A person's name without the titles and role words before it ("Councilmember Tom Brandt" -> "Tom Brandt")."""
    words = name.split()
    while len(words) > 1 and (words[0] in _TITLES or words[0].lower().rstrip(".") in ROLE_WORDS):
        words.pop(0)
    return " ".join(words)


def _full_name_surnames(names: dict[tuple[int, int], tuple[NameSpan, ...]]) -> dict[str, str]:
    """Surname -> full name for every multi-word person name in the document (headline and body alike).

    A surname shared by two different full names is ambiguous and links to neither.
    """
    found: dict[str, set[str]] = {}
    for spans in names.values():
        for name in spans:
            if name.kind != "PER":
                continue
            canonical = _without_titles(_canonical(name))
            if " " in canonical:
                found.setdefault(canonical.rsplit(" ", 1)[1], set()).add(canonical)
    return {surname: next(iter(full)) for surname, full in found.items() if len(full) == 1}


def _model_mentions(text: str, names: Sequence[NameSpan], surnames: dict[str, str], taken: _Taken,
                    apposed: dict[str, ActorKind]) -> list[ActorMention]:
    """Mentions of names the recogniser found where no gazetteer actor is; titles stay in the mention text only.

    An apposition after a name gives its kind ("PriceFinder, a British comparison site,"), for
    every mention of the name (``apposed``); a place (LOC) is a mention only when one does.
    """
    found = []
    for name in names:
        written = canonical = _canonical(name)
        if not canonical or taken.overlaps(name.start, name.end) or _is_not_a_name(canonical):
            continue
        kind = _apposition_kind(text, name.start + len(written))
        if kind is not None:
            apposed.setdefault(_without_titles(canonical) if kind == "person" else canonical, kind)
        elif name.kind not in _MODEL_KINDS:
            continue  # a place with no apposition: the place rules read it
        else:
            kind = _MODEL_KINDS[name.kind]
        if kind == "person":
            canonical = _without_titles(canonical)
        actor = surnames.get(canonical, canonical) if kind == "person" else canonical
        start = name.title[0] if name.title is not None and not taken.overlaps(name.title[0], name.start) else name.start
        end = name.start + len(written)  # "Kane's" -> "Kane" (a name never opens with white space)
        found.append(ActorMention(start, end, text[start:end], actor, kind, source="model",
                                  confidence=round(name.confidence, 4)))
        taken.add(start, end)
    return found


def _place_mentions(text: str, span_start: int, places: Sequence[NameSpan], taken: _Taken, *,
                    heading: bool = False) -> list[ActorMention]:
    """Places the gazetteer lacks ("Kharkiv", "Gaza", "Europe") where they act or are acted upon, as states.

    Only where framed (``_is_framed_place``): "the shelling of Kharkiv", "Gaza was bombed" and
    "Europe's factories" count; "a care worker in Luton", "the ports of Odesa", "Kharkiv
    region" and a dateline do not. In a ``heading`` every place counts that is not part of a
    longer name or an attribute ("Gaza", not "Kharkiv region" or "Moscow-based").
    """
    found = []
    for name in places:
        canonical = _canonical(name)
        end = name.start + len(canonical)
        if not canonical or taken.overlaps(name.start, end) or _is_not_a_name(canonical):
            continue
        framed = _is_heading_place if heading else _is_framed_place
        if not framed(text, name.start, end, span_start):
            continue
        found.append(ActorMention(name.start, end, canonical, canonical, "state", source="model",
                                  confidence=round(name.confidence, 4)))
        taken.add(name.start, end)
    return found


def _gazetteer_mentions(text: str, span: FoldedSpan, gazetteer: Gazetteer) -> list[ActorMention]:
    found: list[ActorMention] = []
    start = span.start
    reach = start  # the furthest end of a mention so far
    for match in gazetteer.index.find_folded(span):
        actor, form_kind = match.payload
        if form_kind == "place" and not _is_acting_place(text, match.start, match.end, start):
            continue
        mention_start = match.start
        if actor.kind == "person" and reach <= match.start:  # over a title, never into the mention before it
            mention_start = _title_start(text, match.start, reach)  # ("The Labour Party Leader Keir Starmer")
        reach = max(reach, match.end)
        found.append(ActorMention(
            mention_start, match.end, text[mention_start:match.end], actor.name, actor.kind,
            is_metonym=form_kind != "name" or (actor.kind == "government" and not actor.name.endswith("government")),
        ))
    if len(found) < 2:
        return found
    unique = {(m.start, m.end): m for m in found}  # "the West" and "The West" both match a sentence's first words
    return list(unique.values())


def _title_start(text: str, start: int, span_start: int) -> int:
    """Extend a person mention over titles written before it ("Foreign Minister Lavrov").

    The word next to the name must be a title ("Minister", "Commissioner"); the words
    before that may also be a portfolio ("Trade Commissioner", "Army Chief"), but a party's
    name alone is no title ("Labour Party Keir Starmer").
    """
    titled = start
    while True:
        previous = _LAST_WORD.search(text[max(span_start, titled - 30):titled])
        if not previous:
            return titled
        word = previous.group(1)
        if not (word in _TITLES or (titled < start and word[:1].isupper() and word.lower().rstrip(".") in TITLE_WORDS)):
            return titled
        titled -= len(previous.group(0))


def _surname_mentions(text: str, start: int, end: int, surnames: dict[str, str],
                      taken: _Taken) -> list[ActorMention]:
    if not surnames:
        return []
    chunk = text[start:end]
    if surnames.keys().isdisjoint(_CAPITALISED_WORD.findall(chunk)):
        return []  # most spans name none of them: no loop over their words
    found = []
    for word in _CAPITALISED_WORD.finditer(chunk):
        surname = word.group(1)
        if surname not in surnames:
            continue
        word_start = start + word.start()
        word_end = word_start + len(surname)
        if taken.overlaps(word_start, word_end):
            continue
        if is_everyday_word(surname) and _at_sentence_start(text, start, word_start):
            continue  # "Long queues formed", not Mark Long
        found.append(ActorMention(word_start, word_end, surname, surnames[surname], "person", source="rule"))
        taken.add(word_start, word_end)
    return found


def _speaks_for(rest: str) -> bool:
    """Whether the words of a speaker after an actor's mention make someone who speaks for it.

    "Kremlin officials", "Israel's ambassador", "the union's leaders": yes; "Kremlin critics",
    "Trump supporters", "anti-Hamas protesters": no. Words that are no speaker noun ("Mr
    Smith's own words") leave the mention the speaker.
    """
    words = [word.lower() for word in _SPEAKER_REST_WORD.findall(rest)]
    return not words or words[-1] not in SPEAKER_NOUNS or words[-1] in MEMBER_SPEAKERS


def resolve_speaker(speaker: TextSpan, mentions: Sequence[ActorMention], sentence_starts: Sequence[int] = (),
                    mention_starts: Sequence[int] | None = None) -> str:
    """The canonical actor a quotation speaker refers to.

    A speaker that overlaps an actor mention is that actor, unless the mention only qualifies
    people who do not speak for it ("Kremlin critics", "Trump supporters", "Netanyahu's
    critics": a speaker noun after the mention that is not one of MEMBER_SPEAKERS). "He"
    or "she" is the first person named in the sentence before (usually its subject), else
    the nearest person named before the pronoun. Anything else stays as written
    ("officials"). Pass ``mention_starts`` (the mentions' start offsets) when resolving
    many speakers.
    """
    if mention_starts is None:
        mention_starts = [m.start for m in mentions]  # mentions come sorted by start
    near = bisect_right(mention_starts, speaker.end)
    for mention in mentions[max(0, near - MAX_SPEAKER_OVERLAP):near]:
        if mention.start < speaker.end and speaker.start < mention.end:
            if mention.end < speaker.end and not _speaks_for(speaker.text[mention.end - speaker.start:]):
                return speaker.text
            return mention.actor
    if speaker.text.lower() not in ("he", "she"):
        return speaker.text
    own = bisect_right(sentence_starts, speaker.start) - 1
    before = bisect_right(mention_starts, speaker.start)
    previous_person = next((mentions[i] for i in range(before - 1, max(-1, before - 1 - MAX_PRONOUN_LOOKBACK), -1)
                            if mentions[i].kind == "person" and mentions[i].end <= speaker.start), None)
    if previous_person is None:
        return speaker.text
    if own >= 1:
        previous_start, previous_end = sentence_starts[own - 1], sentence_starts[own]
        if previous_start <= previous_person.start < previous_end:  # the last person named is in the sentence before
            first_in_previous = next(m for m in mentions[bisect_right(mention_starts, previous_start - 1):before]
                                     if m.kind == "person" and m.start < previous_end)
            return first_in_previous.actor
    return previous_person.actor
