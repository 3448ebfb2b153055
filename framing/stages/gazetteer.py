"""Actor stage, the gazetteer: ``lexicons/actors.tsv``, ``lexicons/groups.tsv`` and users' files -> a Gazetteer.

Aliases match case-sensitively as whole words, so "US" is the United States and "us" is
not. Users' own actors come from files merged over ours (``load_gazetteer(user_files)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Literal

from framing.errors import LexiconError
from framing.model import ACTOR_KINDS, ActorKind
from framing.text.matching import Phrase, PhraseIndex, fold_words
from framing.text.resources import read_data_bytes

GAZETTEER_COLUMNS = ("actor", "kind", "aliases", "places", "country", "note")
# Shorter names are not matched in capitals ("US" is the United States, "AS" is not).
MIN_CAPS_CHARS = 4
# The shipped actor files, merged in this order.
SHIPPED_GAZETTEERS = ("actors.tsv", "groups.tsv")
# How a gazetteer form names its actor: a name or alias, a seat of power, a place.
FormKind = Literal["name", "seat", "place"]
# Distinct names whose gazetteer kind is memoised before the memo starts afresh (a bound
# on memory over a long corpus; a news text has a few hundred candidate names).
MAX_KIND_CACHE = 100_000


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


# The names of a state's armed forces in the gazetteer ("Russian Armed Forces", "U.S. military",
# "Israel Defense Forces", "People's Liberation Army", "Pakistan Army").
_ARMED_FORCES_NAME = re.compile(r"(?:Armed Forces|[Mm]ilitary|Defen[cs]e Forces|Liberation Army| Army)$")

# The kinds of actor whose country says whose "the government" is.
_COUNTRY_KINDS = frozenset({"state", "government", "person", "group", "organisation"})


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
        actor = self.actor_named(name)
        kind = self.kinds[name] = str(actor.kind) if actor is not None else None
        return kind

    def actor_named(self, name: str) -> Actor | None:
        """The actor that ``name`` names exactly (one of its names from end to end), if the gazetteer has it."""
        # Only a name that folds to a whole gazetteer name can match from end to end: most
        # names a text holds do not, and need no search.
        if " ".join(fold_words(name)) in self.folded:
            for match in self.index.find(name, 0, len(name)):
                if match.start == 0 and match.end == len(name):
                    return match.payload[0]
        return None

    def actor(self, name: str) -> Actor | None:
        """The actor with this canonical name, if any."""
        return self.by_name.get(name)

    @cached_property
    def armed_forces(self) -> dict[str, Actor]:
        """A state's canonical name -> the one organisation row of its armed forces ("Sudan" -> Sudanese Armed
        Forces), for "Sudan's army"; a state with none or several is left out."""
        found: dict[str, list[Actor]] = {}
        for actor in self.actors:
            if actor.kind == "organisation" and actor.country and _ARMED_FORCES_NAME.search(actor.name) \
                    and not actor.name.startswith("General Staff"):
                found.setdefault(actor.country, []).append(actor)
        return {country: actors[0] for country, actors in found.items() if len(actors) == 1}

    @cached_property
    def government_of(self) -> dict[str, str]:
        """An actor's canonical name -> its country's government ("Hungary", "Viktor Orbán" -> Hungarian
        government), for a state, a government and every person, group or organisation with a country whose
        one government the gazetteer lists; media are left out (a paper reports on other countries)."""
        governments = {actor.country: actor.name for actor in self.actors if actor.kind == "government" and actor.country}
        found: dict[str, str] = {}
        for actor in self.actors:
            country = actor.name if actor.kind == "state" else actor.country
            if actor.kind in _COUNTRY_KINDS and country in governments:
                found[actor.name] = governments[country]
        return found  # (a government row is its own country's government: "Tehran" names it)

    @cached_property
    def by_name(self) -> dict[str, Actor]:
        """The actors by canonical name (made on first use)."""
        return {actor.name: actor for actor in self.actors}


# A government's "<demonym> authorities" alias also names it as its staff: "Israeli officials said".
_AUTHORITIES = "authorities"
_GOVERNMENT_STAFF = ("officials", "diplomats")


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
        if kind == "government":  # "Russian authorities" listed: "Russian officials" and "Russian diplomats" too
            staff = [alias.removesuffix(_AUTHORITIES) + noun for alias in written
                     if alias.endswith(_AUTHORITIES) and not alias.startswith(("the ", "@")) for noun in _GOVERNMENT_STAFF]
            written += [alias for alias in staff if alias not in written]
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
