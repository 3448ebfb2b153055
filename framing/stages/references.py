"""Reference stage: actor mentions -> cheap, safe references ("the senator", "the company", "the bloc").

A definite role noun refers to a named actor earlier in the same section only when the noun
fits that actor and no other: a person noun must have been the actor's title ("Senator
Caleb Rourke" … "the senator"); an organisation noun must be a word of the actor's name
("Westmere Housing Alliance" … "the alliance"), or "company"/"firm" for a name with a
company suffix ("Halvard Energy", "Kane Holdings"); a government noun needs a single
government named so far. Anything else stays unlinked: a wrong link would cast the wrong
actor. An unlinked institution noun ("the ministry", "the regime", "the company") is reported
as a nominal actor of its own ("the ministry"), so the actor is covered without a guess. No pronoun resolution. One pass per section, in offset order (linear).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import replace

from framing.model import ActorKind, ActorMention
from framing.stages.recogniser import COMPANY_SUFFIXES
from framing.stages.recogniser_features import TRADE_WORDS

# Person nouns that serve as titles ("Senator X" … "the senator"); adjectival ones
# ("general", "chief", "chair") are left out: "the general election".
PERSON_NOUNS = frozenset(
    """senator congressman congresswoman minister president mayor governor chancellor premier spokesman
    spokeswoman spokesperson colonel commander judge chairman chairwoman ambassador commissioner founder
    prosecutor activist candidate councillor councilor councilmember sheriff king queen prince pope bishop
    imam rabbi coach analyst economist professor doctor lawyer attorney director organiser organizer
    treasurer""".split()
)
# Nouns an organisation's own name may contain ("the alliance" for "Westmere Housing Alliance").
ORGANISATION_NOUNS = frozenset(
    """company firm corporation bank union agency ministry department council university court party alliance
    bloc commission fund authority board committee institute foundation network""".split()
)
COMPANY_NOUNS = frozenset({"company", "firm", "corporation"})
# Last words that mark a company name, so "the company" may refer to it: a legal form (the
# recogniser's COMPANY_SUFFIXES) or a word of trade.
COMPANY_NAME_ENDINGS = COMPANY_SUFFIXES | frozenset(word.title() for word in TRADE_WORDS) | frozenset(
    """Corporation Company Energy Properties Partners Capital Industries Motors Airlines Bank Pharma
    Pharmaceuticals Technologies Systems Oil Gas Mining Foods Media Labs Homes Ventures Enterprises Resources
    Petroleum Brands Biotech Therapeutics Robotics Software Semiconductors AI Tech Mobility""".split()
)
# The noun a well-known organisation goes by ("the bloc", "the alliance").
NICKNAMES = {"European Union": "bloc", "NATO": "alliance"}
GOVERNMENT_NOUNS = frozenset({"government", "administration", "regime", "cabinet"})
# Government nouns that, with no government named, are the government of the one country named so far
# ("administration" and "cabinet" are as often a council's or a university's).
HOME_NOUNS = frozenset({"government", "regime"})
# Institution nouns that name an actor even when they fit no named one ("the ministry has
# forgotten", "the regime"): reported as a nominal actor of that name, so the text's actors are
# covered; the kind each noun gives.
NOMINAL_KINDS: dict[str, ActorKind] = {
    **{noun: "government" for noun in ("government", "administration", "regime", "cabinet", "junta")},
    **{noun: "organisation" for noun in ("ministry", "company", "firm", "corporation", "army", "military",
                                          "navy", "party", "agency", "council", "commission", "group", "union",
                                          "alliance", "bloc", "court", "bank")},
}
# Nominal nouns with an everyday sense ("the party last night", "the group stage", "the court was
# wet"): reported only when the noun acts or owns (a verb or a possessive right after it).
AMBIGUOUS_NOMINALS = frozenset({"party", "group", "court", "bank", "union", "bloc"})
_ACTS_NEXT = re.compile(
    r"(?:['’]s\b|\s+(?:has|had|have|will|would|could|can|did|does|must|should|may|might|"
    r"said|says|[a-z]+ed)\b)"
)
# A preposition after a reference noun that a named actor completes ("the government in Kyiv").
# Nouns that, in lower case, name a workers' union, never a union of states (the gazetteer's "European
# Union" is "the bloc" or "the EU" in news, and "the Union" when capitalised).
_UNIONS_OF_WORKERS = frozenset(("union", "unions"))
_COMPLEMENT = re.compile(r"\s+(?:in|of|at|for)\s+")
# A person's role right before the name, in lower case ("prosecutor Elin Brandt") or set off by a
# comma ("The prosecutor, Elin Brandt"), and after it between commas ("Elin Brandt, the prosecutor,").
_ROLE_BEFORE = re.compile(r"(?<![\w-])([a-z]+)(?:,)?\s+\Z")
_ROLE_AFTER = re.compile(r",\s+(?:the|a|an|its|their)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\s*[,.;]")
MAX_ROLE_CHARS = 30
# Only a comma between a reference and the next mention: its apposed name.
_APPOSED_GAP = re.compile(r",\s*")
# A role's modifier that makes it another office: "the deputy mayor" is not "the mayor".
_SUBORDINATE_ROLE = re.compile(r"\b(?:deputy|vice|assistant|former|ex|junior|shadow|under)[\s-]+\Z", re.I)
# "the" or "The" opening a word (the lookbehind after the first letter is "\b" before it, and lets the
# regex engine skip ahead to the next "t" or "T" at C speed), then a lower-case noun.
_REFERENCE = re.compile(r"[Tt](?<!\w[Tt])he\s+([A-Za-z][a-z-]+)\b")
# After a capitalised noun ("the Alliance"), a capitalised word or "of" goes on with a longer name
# ("the Alliance Party", "the Alliance of Small Island States"), which no reference is.
_LONGER_NAME_AFTER = re.compile(r"\s+(?:[A-Z]|of\b|for\b)")
# What may follow such a reference: a possessive, punctuation or a verb ("the Alliance says", "the Alliance's
# filings", "the Alliance has"), not a noun it modifies ("the Party leader", "the Foundation stage").
_ACTS_AFTER_CAPITAL = re.compile(
    r"['’]s\b|\s*[,.;:!?)]|\s+(?:[a-z]+(?:s|ed)|has|had|is|was|will|would|can|could|should|may|might|must|did|does|do"
    r"|wants|knows|told|said|paid|spent|made|took|gave|sent|won|lost|ran|met|put|kept|left)\b")
# A noun after "the government"/"the cabinet" that makes it a modifier: no body is referred to.
_COMPOUND_HEAD = re.compile(
    r"\s+(?:building|buildings|member|members|meeting|meetings|office|offices|room|website|job|jobs|bond|bonds"
    r"|debt|minister|ministers|post|posts|reshuffle|shutdown|contract|contracts|grant|grants|funding|data"
    r"|figures|statistics|scheme|schemes)\b")
# Every noun a reference may hold: others refer to no one and name no nominal actor.
_REFERENCE_NOUNS = (PERSON_NOUNS | GOVERNMENT_NOUNS | ORGANISATION_NOUNS | COMPANY_NOUNS
                    | frozenset(NICKNAMES.values()) | frozenset(NOMINAL_KINDS))


def find_references(text: str, sections: Sequence[Sequence[tuple[int, int]]],
                    mentions: Sequence[ActorMention], *, nominal: bool = False,
                    government_of: Mapping[str, str] | None = None) -> tuple[ActorMention, ...]:
    """References in the analysed spans, grouped by section, resolved against ``mentions`` (sorted by start).

    ``nominal``: also report unlinked institution nouns (NOMINAL_KINDS) as actors of their own;
    one with an everyday sense (AMBIGUOUS_NOMINALS) only where it acts or owns ("the party said").
    ``government_of`` (an actor -> its country's government, ``Gazetteer.government_of``): where no
    government was named so far, "the government" is the government of the one country whose actors
    the section has named so far ("Hungary's parliament … Viktor Orbán … the government").
    """
    starts = [m.start for m in mentions]
    # the last words of longer names: a coined word among them is someone's surname, no company ("Hollins")
    name_ends = frozenset(m.actor.rsplit(" ", 1)[-1] for m in mentions if " " in m.actor)
    found: list[ActorMention] = []
    homes: set[str] = set()  # the governments of the countries whose actors the text has named so far
    for spans in sections:
        if not spans:
            continue
        first, last = bisect_left(starts, spans[0][0]), bisect_left(starts, spans[-1][1])
        found.extend(_section_references(text, spans, mentions[first:last], nominal, name_ends,
                                         government_of or {}, homes))
    return tuple(found)


def _section_references(text: str, spans: Sequence[tuple[int, int]], mentions: Sequence[ActorMention],
                        nominal: bool, name_ends: frozenset[str], government_of: Mapping[str, str],
                        homes: set[str]) -> list[ActorMention]:
    """The references of one section; ``homes`` (the governments of the countries named so far, in
    sections before this one too) grows as the section's mentions are passed."""
    found: list[ActorMention] = []
    ends = [m.end for m in mentions]
    seen = 0  # mentions[:seen] end before the current match
    titled: dict[str, dict[str, ActorMention]] = {}  # person noun -> actor -> its last mention
    by_name_word: dict[str, dict[str, ActorMention]] = {}  # organisation noun -> actor -> mention
    companies: dict[str, ActorMention] = {}
    governments: dict[str, ActorMention] = {}
    for start, end in spans:
        for match in _REFERENCE.finditer(text, start, end):
            noun = match.group(1)
            capitalised = noun[0].isupper()
            if capitalised:  # "the Alliance" after "the Terrana Alliance": only a word of a body named before
                noun = noun.lower()
                if noun not in ORGANISATION_NOUNS or _LONGER_NAME_AFTER.match(text, match.end()) \
                        or not _ACTS_AFTER_CAPITAL.match(text, match.end()):
                    continue
            elif noun not in _REFERENCE_NOUNS:
                continue  # most nouns ("the city"): the mentions before are indexed at the next reference
            while seen < len(mentions) and mentions[seen].end <= match.start():
                _remember(text, mentions[seen], titled, by_name_word, companies, governments, name_ends)
                if home := _home(mentions[seen], government_of):
                    homes.add(home)
                seen += 1
            overlapping = bisect_left(ends, match.start() + 1)
            if overlapping < len(mentions) and mentions[overlapping].start < match.end():
                continue  # the words are (part of) a mention already
            if overlapping < len(mentions) and mentions[overlapping].kind == "person" \
                    and _APPOSED_GAP.fullmatch(text, match.end(), mentions[overlapping].start) \
                    and text.startswith(",", mentions[overlapping].end):  # (", Pedro Garcia said": a subject)
                continue  # "The mayor, Albert Casals,": the name set beside it says who, not anyone before
            complement = _COMPLEMENT.match(text, match.end())
            if complement is not None and overlapping < len(mentions) \
                    and mentions[overlapping].start == complement.end() and (
                        complement.group().split()[0] in ("of", "for")
                        or noun in GOVERNMENT_NOUNS and mentions[overlapping].kind == "government"):
                # "the president of France", "the government in Kyiv": the words after it say whose it
                # is (the mention there, a government's seat, is that actor's), so it points at no one
                # named before; but "the army in Ukraine" is the army named before, in a place
                continue
            if noun in GOVERNMENT_NOUNS and _COMPOUND_HEAD.match(text, match.end()):
                continue  # "the administration building", "the cabinet member": no body acts
            candidates = (by_name_word.get(noun, {}) if capitalised
                          else titled.get(noun, {}) if noun in PERSON_NOUNS
                          else governments if noun in GOVERNMENT_NOUNS
                          else {**by_name_word.get(noun, {}), **(companies if noun in COMPANY_NOUNS else {})})
            if noun in HOME_NOUNS and not capitalised and len(homes | candidates.keys()) > 1:
                candidates = {}  # "Washington … Iran … the government": whose is not said
            if noun in _UNIONS_OF_WORKERS:  # "the union's district director": a trade union the text named,
                candidates = {actor: m for actor, m in candidates.items() if m.source != "gazetteer"}  # not the EU
            if len(candidates) == 1:
                actor = next(iter(candidates.values()))
                found.append(replace(actor, start=match.start(), end=match.end(), text=match.group(),
                                     is_metonym=False, source="reference", confidence=None))
            elif noun in HOME_NOUNS and len(homes) == 1 and not capitalised:
                found.append(ActorMention(match.start(), match.end(), match.group(), next(iter(homes)),
                                          "government", source="reference"))
            elif (nominal and not capitalised and noun in NOMINAL_KINDS and not text.startswith(" of", match.end())
                  and (noun not in AMBIGUOUS_NOMINALS or _ACTS_NEXT.match(text, match.end()))):
                found.append(ActorMention(match.start(), match.end(), match.group(), f"the {noun}",
                                          NOMINAL_KINDS[noun], source="reference"))
    homes.update(home for mention in mentions[seen:] if (home := _home(mention, government_of)))
    return found


def _home(mention: ActorMention, government_of: Mapping[str, str]) -> str | None:
    """The government of the country a named mention belongs to ("Hungary", "Viktor Orbán": the Hungarian
    government), if it has one; a reference has none (it points back at a named one)."""
    return None if mention.source == "reference" else government_of.get(mention.actor)


def _is_coined_name(mention: ActorMention) -> bool:
    """A body the recogniser found whose name is one coined word, neither an acronym nor an institution's
    noun ("Baltvesta", "Corvane"): in news nearly always a company or a brand, so "the company" may
    refer to it (still only when it is the one company named so far)."""
    name = mention.actor
    return (mention.source == "model" and mention.kind == "organisation" and " " not in name and name.isalpha()
            and not name.isupper() and name.lower() not in ORGANISATION_NOUNS)


def _remember(text: str, mention: ActorMention, titled: dict[str, dict[str, ActorMention]],
              by_name_word: dict[str, dict[str, ActorMention]], companies: dict[str, ActorMention],
              governments: dict[str, ActorMention], name_ends: frozenset[str] = frozenset()) -> None:
    """Index a named mention by the reference nouns that may point back at it.

    A person is indexed by a title in the mention ("Judge Amara Okafor"), a role in lower case right
    before it ("prosecutor Elin Brandt") and a role set beside it by commas ("The prosecutor, Elin
    Brandt," or "Elin Brandt, the prosecutor,"): later "the prosecutor" is that person.
    """
    if mention.source == "reference":
        return
    if mention.kind == "person":
        nouns = [word.lower().rstrip(".") for word in mention.text.split()[:-1]]
        before = _ROLE_BEFORE.search(text, max(0, mention.start - MAX_ROLE_CHARS), mention.start)
        after = _ROLE_AFTER.match(text, mention.end)
        nouns += [found.group(1) for found in (before, after) if found is not None
                  and not _SUBORDINATE_ROLE.search(text, max(0, found.start(1) - MAX_ROLE_CHARS), found.start(1))]
        for noun in nouns:
            if noun in PERSON_NOUNS:
                titled.setdefault(noun, {})[mention.actor] = mention
    elif mention.kind == "government":
        governments[mention.actor] = mention
    elif mention.kind in ("organisation", "media"):
        words = mention.actor.split()
        for word in words:
            if word.lower() in ORGANISATION_NOUNS:
                by_name_word.setdefault(word.lower(), {})[mention.actor] = mention
        if words and (words[-1] in COMPANY_NAME_ENDINGS
                      or _is_coined_name(mention) and mention.actor not in name_ends):
            companies[mention.actor] = mention
    if mention.actor in NICKNAMES:
        by_name_word.setdefault(NICKNAMES[mention.actor], {})[mention.actor] = mention
