"""Actor stage: analysed spans -> ActorMention records (gazetteer, metonyms, unknown names).

* Gazetteer aliases (``lexicons/actors.tsv``, read by ``framing.stages.gazetteer``) match
  case-sensitively as whole words, so "US" is the United States and "us" is not; "Trump's"
  resolves through the possessive.
* Places (capitals, seats of power) stand for a government only where the place acts,
  speaks, wants or is judged (``framing.stages.metonymy``): "Moscow agreed", "Washington's
  credibility", "talks with Beijing" — not "flew to Moscow", "in Kyiv", "Moscow region". A
  dateline names no one, neither its place nor its agency ("SINGAPORE, June 11 (Reuters) -").
* Names not in the gazetteer are found by the recogniser (``framing.stages.recogniser``:
  people and organisations, titles kept out of the canonical name), then by the context
  rule for people (``framing.stages.unknown_names``: a role before it, a speech verb after
  it, an apposition, or a quotation's speaker). A surname alone resolves to the one full
  name it belongs to in the document, before or after ("Kane" -> Victor Kane, never "Kane
  Holdings"). The text settles a name's kind: an apposition ("PriceFinder, a comparison
  site"), a company's legal form ("Vantix Ltd", and "Vantix" after it). A body's name is
  one organisation, its inner words no groups or states ("Association of Resident
  Doctors", "Church of Sweden"); treaties, laws and road numbers are no actors.
* Group actors ("the West", "Ukrainians", "police") come from ``lexicons/groups.tsv``,
  users' own actors from files merged over ours (``load_gazetteer(user_files)``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter
from typing import cast

from framing.model import ActorKind, ActorMention, Quote, TermHit, TextSpan
from framing.stages.gazetteer import Gazetteer
from framing.stages.metonymy import is_acting_place, is_framed_place, is_heading_place
from framing.stages.recogniser import (
    COMPANY_SUFFIXES,
    GIVEN_NAME_DOUBT,
    NAME_HEADS,
    ON_HEADS,
    NameSpan,
    find_names,
    given_name_gender,
    given_names,
    is_body_name,
    load_model,
)
from framing.stages.recogniser_features import ORG_SUFFIXES, TITLE_HEADS, TITLE_WORDS, ratio_facts
from framing.stages.speakers import MEMBER_SPEAKERS, SPEAKER_NOUNS, SPEECH_VERBS
from framing.stages.unknown_names import (
    ROLE_WORDS,
    Covering,
    Taken,
    apposition_kind,
    at_sentence_start,
    ends_in_capital,
    is_not_a_name,
    is_person_context,
    name_candidates,
    owner_kind,
)
from framing.text.datelines import dateline_at
from framing.text.matching import FoldedSpan
from framing.text.spans import SpanIndex
from framing.text.wordlists import QUOTE_CLOSERS, QUOTE_OPENERS, is_everyday_word, looks_plural

# A speaker overlaps at most this many mentions (it is a name or a short phrase).
MAX_SPEAKER_OVERLAP = 4
_SPEAKER_REST_WORD = re.compile(r"[A-Za-z][\w-]*")
# "He said" looks back over at most this many mentions for the person it refers to.
MAX_PRONOUN_LOOKBACK = 60
_LAST_WORD = re.compile(r"(\S+)\s+$")  # the word before a mention (a title?)
# A possible surname: a capitalised run of [\w'’-] characters, group 1 without a final "'s".
_CAPITALISED_WORD = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*?)(?:['’]s)?(?![\w'’-])")


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
    national: dict[str, tuple[str, ActorKind, int]] = {}  # a body's bare name -> the state's body it named, where
    surnames: dict[str, str] = {}  # surname -> canonical name of a person found by context
    apposed: dict[str, ActorKind] = {}  # actor -> the kind an apposition gives it
    # only a speaker phrase that ends in a capitalised word names someone ("Hong Kong police said" does not)
    speaking = Covering(speaker for speaker in speakers if ends_in_capital(speaker.text))
    whole_speakers = frozenset((speaker.start, speaker.end) for speaker in speakers)
    names = _recognised_names(text, spans, gazetteer)
    surnames.update(_full_name_surnames(names))
    for span_start, span_end in spans:
        span = folded.get((span_start, span_end)) if folded else None
        found, places = _gazetteer_mentions(text, span or FoldedSpan(text, span_start, span_end), gazetteer)
        recognised_names = names.get((span_start, span_end), ())
        dateline = span_start if (span_start, span_end) in heading_spans else _dateline_end(
            text, span_start, span_end, found, recognised_names)
        if dateline > span_start:  # "SINGAPORE, June 11 (Reuters) -": no one, and no other rule's
            found = [m for m in found if m.start >= dateline]
        found = [m for m in found if not _former_staff(text, m)]
        if found and recognised_names:
            found = _without_inner_places(_without_inner_words(text, _without_namesakes(
                _known_bodies_behind_groups(text, found, recognised_names, gazetteer), recognised_names, gazetteer),
                recognised_names, gazetteer), recognised_names, gazetteer)
        taken = Taken((m.start, m.end) for m in found)
        if places:  # "swarming Capitol Hill": a place, and no one by another rule, unless a longer name holds it
            name_starts = [n.start for n in recognised_names]
            for place_start, place_end in places:
                at = bisect_right(name_starts, place_start) - 1
                held = at >= 0 and place_end <= recognised_names[at].end \
                    and recognised_names[at].end - recognised_names[at].start > place_end - place_start
                if not held and not taken.overlaps(place_start, place_end):
                    taken.add(place_start, place_end)
        if dateline > span_start:
            taken.add(span_start, dateline)
        unknown = []
        for recognised in recognised_names:
            if gazetteer.kind_of(_canonical(recognised)) is not None:
                continue
            if _is_office_before_role(text, recognised):
                continue  # "Council leader Janet Pryce": the council named before, not a body called "Council"
            not_an_actor = _is_non_actor(recognised) or _fills_a_quotation(text, recognised.start, recognised.end)
            if not_an_actor or _is_street(recognised.text, person=recognised.kind == "PER"):
                if not taken.overlaps(recognised.start, recognised.end):  # "the Black Sea" is no one,
                    taken.add(recognised.start, recognised.end)           # nor a person by another rule
                continue
            unknown.append(recognised)
        if unknown:
            found.extend(_model_mentions(text, [n for n in unknown if (n.kind in _MODEL_KINDS or n.kind == "LOC")
                                                and not _opening_everyday_word(text, n, span_start, surnames, whole_speakers)],
                                         surnames, taken, apposed, whole_speakers))
        read_places = {(n.start, n.end) for n in unknown if n.kind == "LOC"}
        for candidate in name_candidates(text, span_start, span_end, taken):
            if (candidate.start, candidate.end) in read_places:
                continue  # "Senator Elena Castillo of New Mexico said": a place the recogniser read, no speaker
            if _fills_a_quotation(text, candidate.start, candidate.end):
                continue  # 'the film "Ironveil"': a work's title
            kind = apposition_kind(text, candidate.end)
            if kind is None and _is_speaking_body_head(candidate.words[-1].lower()) \
                    and is_person_context(text, candidate, span_start, speaking, kind):
                kind = "organisation"  # "according to the Geophysical Institute": a speaking body, not a person
            if kind == "organisation" or kind == "media":  # "Price Finder, a comparison site, said"
                name = text[candidate.start:candidate.end]
                apposed.setdefault(name, kind)
                found.append(ActorMention(candidate.start, candidate.end, name, name, kind, source="rule"))
                taken.add(candidate.start, candidate.end)
                continue
            if candidate.words[-1].lower() in TITLE_HEADS and len(candidate.words) > 1:
                continue  # "Water Resources Minister", "Deputy Chief Minister": a role, no one's name
            if is_person_context(text, candidate, span_start, speaking, kind):
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
            found = _national_bodies(text, found, gazetteer, national)
        mentions.extend(found)
    mentions = _every_use_of_bodies(text, spans, _carry_national_names(mentions, national), apposed)
    linked = _link_short_forms(_link_acronyms(text, spans, _link_surnames(mentions)))
    return _settle_kinds(_local_bodies(linked, gazetteer), apposed)


# Loaded terms that name a crowd of people by a label ("the tinfoil brigade", "privacy purists",
# "placard-wavers", "the gun-grabbing lobby"): the crowd is an actor the author casts, though no list
# names it. Only these categories label people; a plural head or a collective noun makes it a crowd.
LABEL_CATEGORIES = frozenset(("pejorative_label", "dehumanising", "ideological_label"))
_CROWD_HEADS = frozenset("brigade lobby mob crowd gang clique cabal elite horde rabble set".split())
_LABEL_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OWNED_BEFORE = re.compile(r"['’]s\s*$")
_ADJECTIVE_ENDINGS = ("ing", "ed", "ist", "al", "ic", "ive", "ous", "ful", "ish")


def labelled_crowds(text: str, hits: Sequence[TermHit], mentions: Sequence[ActorMention]) -> tuple[ActorMention, ...]:
    """A group mention for each loaded label of a crowd that no mention covers ("privacy purists",
    "the banner brigade"), its actor the label as written, in lower case, up to its head: whom the
    author names by a label is an actor.

    The crowd's head is a plural or collective word of the label's own term (a scorer word merged
    into the hit is no head: "regime treats"). A label someone owns is no crowd of its own ("Putin's
    cronies", "Kremlin cronies" cast their owner).
    """
    taken = SpanIndex(mentions)
    found = []
    for hit in hits:
        if hit.category not in LABEL_CATEGORIES or not hit.text[:1].islower() or "…" in hit.term \
                or taken.overlaps(hit.start, hit.end) or _OWNED_BEFORE.search(text, max(0, hit.start - 3), hit.start) \
                or taken.overlaps(max(0, hit.start - 2), hit.start):
            continue
        words = list(_LABEL_WORD.finditer(hit.text))
        term_words = hit.term.split()
        # the term's words, and the noun a label adjective took in ("gun-grabbing" -> "gun-grabbing lobby")
        reach = len(term_words) + (term_words[-1].endswith(_ADJECTIVE_ENDINGS) if term_words else 0)
        for index in range(min(len(words), reach) - 1, -1, -1):  # the last head among them
            head = words[index].group().lower()  # (the term may be the singular: "cultist" for "cultists")
            last_part = head.rsplit("-", 1)[-1]  # "yes-men", "placard-wavers"
            if last_part in _CROWD_HEADS or looks_plural(last_part):
                label = hit.text[:words[index].end()]
                found.append(ActorMention(hit.start, hit.start + len(label), label, " ".join(label.lower().split()),
                                          "group", source="rule"))
                break
    return tuple(found)


# The words of a body's name that every country's body of that kind may bear ("the Senate", "the Supreme
# Court", "the House"): a gazetteer name made only of them (with "the" and "of") is generic.
_GENERIC_BODY_WORDS = frozenset("the of congress senate house representatives supreme court parliament "
                                "national assembly cabinet treasury department ministry justice health defense "
                                "defence interior finance education labor labour energy agriculture "
                                "transportation".split())


def _local_bodies(mentions: tuple[ActorMention, ...], gazetteer: Gazetteer) -> tuple[ActorMention, ...]:
    """A body named only by generic words ("the Senate", "the Supreme Court") is the gazetteer's country's
    body only in a text that names that country, one of its people or bodies, or no country at all; in a
    text about Nigeria alone, "he told the Senate" is a senate of its own, not the U.S. Senate."""
    generic = [m for m in mentions if m.source == "gazetteer" and m.kind in _BODY_KINDS
               and _GENERIC_BODY_WORDS.issuperset(m.text.lower().split())]
    if not generic:
        return mentions
    generic_ids = {id(m) for m in generic}
    countries = set()
    for mention in mentions:
        if id(mention) in generic_ids:
            continue
        actor = gazetteer.actor(mention.actor)
        if mention.kind == "state":
            countries.add(mention.actor)
        elif actor is not None and actor.country:
            countries.add(actor.country)
    if not countries:
        return mentions
    local = {}
    for mention in generic:
        actor = gazetteer.actor(mention.actor)
        if actor is not None and actor.country and actor.country not in countries:
            name = _THE.sub("", mention.text)
            local[(mention.start, mention.end)] = replace(mention, actor=name[:1].upper() + name[1:], source="rule")
    return tuple(local.get((m.start, m.end), m) for m in mentions) if local else mentions


# The words of a body's name that make it a place's body ("Porthlow City Council", "Redmarsh United" is
# not among them, but a town's council is): the name's first word alone is then the place, not the body.
_PLACE_BODY_WORDS = frozenset("city town county borough district council parish region province state".split())


def _every_use_of_bodies(text: str, spans: Sequence[tuple[int, int]], mentions: list[ActorMention],
                         apposed: dict[str, ActorKind]) -> list[ActorMention]:
    """Every capitalised use of a body's one-word name, where no mention covers it: that body.

    A body's whole name found once is that body wherever it stands again, also where a sentence opens
    with an everyday word of it ("Open Floor has since …"). A company, club or school the recogniser or
    the rules found by name ("Halvern Therapeutics"), or whose one-word name an apposition or a
    possession makes a body ("Keyloft, a letting platform,", "Corvex's chief executive"), recurs by one
    word ("Halvern", "Keyloft"), which the recogniser may
    read, out of context, as a place ("shares in Halvern fell") or as no name ("engineers at Lexigrove").
    The word is the first word of one body's name of two words or more (not a place's body: "Porthlow
    City Council"), or a body's one-word name, and a word the recogniser's news text never holds: a name
    made for the business, never a demonym, a common word or a capital that also opens a body's name
    ("Danish Refugee Council", "National Grid", "Beijing Olympic Committee"), nor a word that opens two
    names. A use inside a longer capitalised name ("Halvern Road") is left alone. A kind an apposition
    or a possession gives goes into ``apposed``, which settles the name's kind throughout.
    """
    bucket = ratio_facts(load_model().lowercase_ratio).bucket

    def coined(word: str) -> bool:
        """A word no news text the recogniser learnt from holds, nor any everyday word: a name made for the business."""
        return bucket[word.lower()] == "u" and not is_everyday_word(word)

    words: dict[str, tuple[str, ActorKind]] = {}
    opening: dict[str, set[str]] = {}  # first word -> the names of two words or more, of any kind, it opens
    for mention in mentions:
        if " " in mention.actor:
            opening.setdefault(mention.actor.split(" ", 1)[0], set()).add(mention.actor)
    for mention in mentions:
        if mention.source not in ("model", "rule") or mention.kind not in ("organisation", "media"):
            continue
        name = mention.actor.split()
        if len(name) > 1 and mention.text == mention.actor and all(w[:1].isupper() or w in _NAME_JOINS for w in name):
            words.setdefault(mention.actor, (mention.actor, mention.kind))  # the whole name: "Open Floor has since …"
        word = name[0]
        if len(name) > 1 and (len(opening[word]) > 1 or any(w.lower() in _PLACE_BODY_WORDS for w in name[1:])):
            continue
        if len(word) > 2 and word[0].isupper() and not word.isupper() and word.isalpha() and coined(word):
            words.setdefault(word, (word, mention.kind))
    ordered = sorted(spans)
    span_starts = [start for start, _ in ordered]

    def span_at(position: int) -> tuple[int, int] | None:
        """The analysed span holding ``position``, if any."""
        index = bisect_right(span_starts, position) - 1
        return ordered[index] if index >= 0 and position < ordered[index][1] else None

    # (one plain search of the text for each opening of an apposition or a possession: cheaper than a pattern)
    for opening_words in _APPOSITION_OPENINGS:
        at = text.find(opening_words)
        while at >= 0:
            span = span_at(at)
            if span is not None:
                lone = _WORD_BEFORE_APPOSITION.search(text, max(span[0], at - 40), at)
                if lone is not None:
                    word = lone.group(1)
                    if word not in words and coined(word) \
                            and not _PREVIOUS_CAPITAL.search(text, max(0, lone.start() - 40), lone.start()):
                        kind = apposition_kind(text, at) or owner_kind(text, at)
                        if kind == "organisation" or kind == "media":
                            words[word] = (word, kind)
                            apposed.setdefault(word, kind)
            at = text.find(opening_words, at + 1)
    if not words:
        return mentions
    alternatives = sorted(words, key=lambda name: (-len(name), name))  # a whole name before a word of it
    # (no look-behind in the pattern: the scan then skips to the names' first letters; the character
    # before a match is checked here)
    pattern = re.compile("(" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])(?!['’](?!s\b))")

    def inside_another_name(at: int, until: int, span: tuple[int, int]) -> bool:
        return bool((at and _NAME_CHARACTER.match(text, at - 1)) or _NEXT_CAPITAL.match(text, until, span[1])
                    or _PREVIOUS_CAPITAL.search(text, max(span[0], at - 40), at)
                    or _PLACE_NOUN_AFTER.match(text, until, span[1]))

    added = _uncovered_uses(text, ordered, pattern, words, mentions, inside_another_name)
    return sorted((*mentions, *added), key=_START) if added else mentions


def _uncovered_uses(text: str, spans: Sequence[tuple[int, int]], pattern: re.Pattern[str],
                    names: Mapping[str, tuple[str, ActorKind]], mentions: Sequence[ActorMention],
                    skip: Callable[[int, int, tuple[int, int]], bool]) -> list[ActorMention]:
    """A rule mention of the actor ``names`` gives each written form for every match of ``pattern`` (group 1,
    a form) inside the spans that no mention covers and ``skip(start, end, span)`` does not refuse."""
    taken = Taken((m.start, m.end) for m in mentions)
    added = []
    for span in spans:
        for found in pattern.finditer(text, *span):
            at, until = found.span(1)
            if taken.overlaps(at, until) or skip(at, until, span):
                continue
            actor, kind = names[found.group(1)]
            added.append(ActorMention(at, until, found.group(1), actor, kind, source="rule"))
            taken.add(at, until)
    return added


# What opens an apposition (", a British comparison site,") or a possession ("'s chief executive"), and
# the capitalised word (CamelCase too: "StayNest") right before it, which they may make a body.
_APPOSITION_OPENINGS = (", a ", ", an ", ", the ", "'s ", "’s ")
_WORD_BEFORE_APPOSITION = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+(?:[A-Z][a-z]+)*)$")
# A character that continues a word: a name found right after one is inside that word.
_NAME_CHARACTER = re.compile(r"[\w'’.-]")
# Lower-case words inside a body's name ("Bank of England", "Brine and Ember").
_NAME_JOINS = frozenset(("of", "and", "for", "the", "&", "on", "de"))
# Nouns after a word that make it a place's name ("The Brentwick city council", "Brentwick police"), though a
# body's name opens with the same word ("Brentwick Housing Trust").
_PLACE_NOUN_AFTER = re.compile(
    r" (?:city|town|county|district|borough|council|councillors|police|mayor|residents|people|area|region|province|"
    r"municipal|regional|local|villagers|voters|schools|hospital)\b")
# A capitalised word right after or right before a word: the word is part of a longer name.
_NEXT_CAPITAL = re.compile(r" [A-Z][\w'’-]")
_PREVIOUS_CAPITAL = re.compile(r"(?<![.!?:;\n\"“‘(])(?<![.!?:;] )([A-Z][\w'’.-]*) $")


def _link_short_forms(mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """A one-word name the recogniser or the rules found is the one organisation or person of the document
    whose name opens with it ("Fitch" after "Fitch Ratings", "Meridian" after "Meridian Pharmaceuticals",
    "the Bank" after "the Bank of England"; "Doreen" after "Doreen Clarke", "Wang" after "Wang Wentao"):
    the short form a text uses after the full name. A word that opens two such names links to neither.

    The recogniser's guess of the short form's kind yields to the full name's ("Greystone" alone read
    as a state after "Greystone Homes"), except for a name the gazetteer knows.
    """
    short = _names_by_first_word(mentions, _SHORT_FORM_KINDS)
    if not short:
        return mentions
    return tuple(replace(m, actor=short[m.actor][0], kind=short[m.actor][1])
                 if m.source != "gazetteer" and " " not in m.actor and m.actor in short
                 and _may_be_short_for(m, short[m.actor][1]) else m for m in mentions)


def _names_by_first_word(mentions: Sequence[ActorMention], kinds: frozenset[str], *,
                         gazetteer: bool = True) -> dict[str, tuple[str, ActorKind]]:
    """Each first word of an actor's name of two words or more, among mentions of ``kinds`` (and of the
    gazetteer's, unless ``gazetteer`` is False) -> that actor and its kind, for the words that open one name only."""
    named: dict[str, set[tuple[str, ActorKind]]] = {}
    for mention in mentions:
        if mention.kind in kinds and " " in mention.actor and (gazetteer or mention.source != "gazetteer"):
            named.setdefault(mention.actor.split(" ", 1)[0], set()).add((mention.actor, mention.kind))
    return {word: next(iter(names)) for word, names in named.items() if len(names) == 1}


def _may_be_short_for(mention: ActorMention, kind: ActorKind) -> bool:
    """Whether a one-word mention may be the short form of a longer name of ``kind``: a person's or an
    organisation's for a body's name; only a person's for a person's (the organisation "Lumora" is no
    short form of "Lumora AI" misread as a person); and any kind the recogniser guessed ("Greystone" as a
    state)."""
    if mention.kind == "person" or (mention.kind == "organisation" and kind != "person"):
        return True
    return mention.source == "model" and mention.kind not in ("organisation", "person")


def _carry_national_names(mentions: list[ActorMention], national: Mapping[str, tuple[str, ActorKind, int]]
                          ) -> list[ActorMention]:
    """After "Malawi's Constitutional Court", "the Constitutional Court" is Malawi's too: a body's bare
    name later in the text is the state's body it named first (``_national_bodies``)."""
    if not national:
        return mentions
    carried = []
    for mention in mentions:
        named = national.get(_THE.sub("", mention.text)) if mention.kind in _BODY_KINDS else None
        if named is not None and mention.start > named[2]:  # (only the mentions after the state named it)
            mention = replace(mention, actor=named[0], kind=named[1], is_metonym=False)
        carried.append(mention)
    return carried


# An acronym in brackets right after a name: "the Competition and Markets Authority (CMA)".
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&]{1,9})\)")


def _link_acronyms(text: str, spans: Sequence[tuple[int, int]],
                   mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """An acronym the text defines in brackets after a name is that actor wherever it stands
    ("the Competition and Markets Authority (CMA) … the CMA said"): the writer's definition beats
    the gazetteer's and the recogniser's readings of the letters, and a use of it no mention covers
    ("NANTS said prices rose", "UNAMI investigators") is a mention of that actor too."""
    mentions = _whole_names_before_acronyms(text, mentions)
    defined: dict[str, ActorMention] = {}
    for mention in mentions:
        if mention.kind in _BODY_KINDS or mention.kind in ("group", "media"):
            found = _BRACKETED_ACRONYM.match(text, mention.end)
            if found is not None and found.group(1) != mention.text:
                defined.setdefault(found.group(1), mention)
    if not defined:
        return mentions
    linked = tuple(replace(m, actor=named.actor, kind=named.kind, is_metonym=False)
                   if (named := defined.get(m.text)) is not None and named is not m else m for m in mentions)
    uses = re.compile(r"(?<![\w'’&-])(" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True))) + r")(?![\w&-])")

    def is_the_definition(at: int, until: int, span: tuple[int, int]) -> bool:
        return text[at - 1:at] == "(" and text[until:until + 1] == ")"

    added = _uncovered_uses(text, spans, uses, {form: (named.actor, named.kind) for form, named in defined.items()},
                            linked, is_the_definition)
    return tuple(sorted((*linked, *added), key=_START)) if added else linked


# The rest of a body's name before the acronym it defines: function words and capitalised words
# ("UN Assistance Mission| for Iraq (UNAMI)", "Movement| for the Emancipation of the Niger Delta (MEND)").
_TAIL_BEFORE_ACRONYM = re.compile(
    r"((?:\s+(?:of|for|and|on|in|the|de|du|des|la|le|el|del)\b|\s+[A-Z][\w'’-]*){1,8})\s*\(([A-Z][A-Z&]{1,9})\)")


def _initials(name: str, every_word: bool) -> str:
    """The letters an acronym of ``name`` would have: each capitalised word's first (a short all-capital
    word, such as "UN", whole), and with ``every_word`` the function words' too ("DOJ")."""
    letters = []
    for word in name.split():
        if word.isupper() and word.isalpha() and len(word) <= 4:
            letters.append(word)
        elif word[0].isupper() or every_word:
            letters.append(word[0].upper())
    return "".join(letters)


def _spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name``."""
    letters = acronym.replace("&", "").upper()
    return letters in (_initials(name, False), _initials(name, True))


def _whole_names_before_acronyms(text: str, mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """A body's name cut at "for", "of" or "and" is the whole name where the acronym after it spells the
    whole and not the part ("UN Assistance Mission for Iraq (UNAMI)": one body, Iraq no actor of its own)."""
    result: list[ActorMention] = []
    covered_until = -1
    for mention in mentions:
        if mention.start < covered_until:
            continue  # a word of the whole name ("Iraq")
        tail = _TAIL_BEFORE_ACRONYM.match(text, mention.end) if mention.kind in _BODY_KINDS else None
        if tail is not None and _spells(tail.group(2), whole := text[mention.start:tail.end(1)]) \
                and not _spells(tail.group(2), mention.text):
            covered_until = tail.end(1)
            result.append(replace(mention, end=tail.end(1), text=whole, actor=_THE.sub("", whole), is_metonym=False))
            continue
        result.append(mention)
    return tuple(result) if covered_until >= 0 else mentions


# "of" (and "of the") between a body and the state it belongs to: "the Supreme Court of India".
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")
_BODY_KINDS = frozenset(("organisation", "government"))
_SHORT_FORM_KINDS = _BODY_KINDS | {"person"}
_HYPHENS = frozenset(("-", "‐", "‑"))
_POSSESSIVE_END = re.compile(r"['’]s$")
_HEAD_KINDS = frozenset(("person", "organisation", "government", "media"))
# A body's name of at most this many words may be any country's ("Senate", "Foreign Ministry").
MAX_GENERIC_BODY_WORDS = 2
_THE = re.compile(r"^[Tt]he\s+")


def _national_bodies(text: str, found: list[ActorMention], gazetteer: Gazetteer,
                     national: dict[str, tuple[str, ActorKind, int]] | None = None) -> list[ActorMention]:
    """A body named with its state ("China's Foreign Ministry", "the Supreme Court of India") is that
    state's body, not another country's that shares the bare name, nor a body of no country.

    The state's own row in the gazetteer is used when one ends with the written name ("Chinese
    Foreign Ministry" for "China's Foreign Ministry"); otherwise the actor is the name with its
    state ("Supreme Court of India", one mention over the whole phrase; "Senate of Nigeria"). A
    body qualified by its own country ("the Supreme Court of the United States") is unchanged.
    ``national`` collects each renamed body's bare name for the mentions after it.
    """
    result: list[ActorMention] = []
    dropped: set[int] = set()
    for index, mention in enumerate(found):
        if index in dropped:
            continue
        if mention.kind not in _BODY_KINDS or mention.is_metonym:
            result.append(mention)
            continue
        state, after = _qualifying_state(text, found, index)
        if state is None:
            result.append(mention)
            continue
        own_country = _country_of(gazetteer, mention)
        if after:  # (the state's mention is the next one, inside the body's name: never its own)
            dropped.add(index + 1)
        generic = mention.source == "gazetteer" or len(mention.text.split()) <= MAX_GENERIC_BODY_WORDS
        if state.actor == own_country or (mention.source == "gazetteer" and own_country is None) \
                or not (after or generic):  # "Britain's Competition and Markets Authority" names itself
            result.append(mention)  # its own country's ("the Supreme Court of the United States"), or a world body
            continue
        row = _national_row(gazetteer, state.actor, mention.text)
        if after:  # "Supreme Court of India": one mention over the phrase
            start, end = mention.start, state.end
            name = row or _THE.sub("", text[start:end])
        else:  # "China's Foreign Ministry": the state keeps its own mention
            start, end = mention.start, mention.end
            name = row or f"{mention.text} of {state.actor}"
        kind = cast(ActorKind, gazetteer_kind if row and (gazetteer_kind := gazetteer.kind_of(row)) in _BODY_KINDS
                    else mention.kind)
        result.append(ActorMention(start, end, text[start:end], name, kind, source=mention.source,
                                   confidence=mention.confidence))
        if national is not None:
            national.setdefault(_THE.sub("", mention.text), (name, kind, start))
    return result


def _qualifying_state(text: str, found: Sequence[ActorMention], index: int) -> tuple[ActorMention | None, bool]:
    """The state mention that qualifies ``found[index]``: right after it past "of (the)", or right
    before it with "'s"; and whether it comes after."""
    mention = found[index]
    if index + 1 < len(found) and found[index + 1].kind == "state" and not found[index + 1].is_metonym:
        following = found[index + 1]
        if _OF_STATE.fullmatch(text, mention.end, following.start):
            return following, True
    if index > 0 and found[index - 1].kind == "state" and not found[index - 1].is_metonym:
        preceding = found[index - 1]
        if text[preceding.end:mention.start] in ("'s ", "’s "):
            return preceding, False
    return None, False


def _country_of(gazetteer: Gazetteer, mention: ActorMention) -> str | None:
    """The country of a gazetteer actor (None for an international body or a name the gazetteer lacks)."""
    if mention.source != "gazetteer":
        return None
    actor = gazetteer.actor(mention.actor)
    return actor.country if actor is not None else None


def _national_row(gazetteer: Gazetteer, state: str, written: str) -> str | None:
    """The gazetteer body of ``state`` one of whose names ends with ``written`` ("Chinese Foreign Ministry"
    for "Foreign Ministry"), if exactly one has such a name."""
    ending = " " + written
    rows = {actor.name for actor in gazetteer.actors
            if actor.country == state and actor.kind in _BODY_KINDS
            and any(form.endswith(ending) for form in (actor.name, *actor.aliases))}
    return rows.pop() if len(rows) == 1 else None


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
    person too: a name the document spells out beats the model's guess of its kind. A surname
    with its particles ("de Vries", "De Vries" opening a sentence, "van der Berg") links the same
    way, whatever the particle's case.
    """
    full: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind == "person" and " " in mention.actor:
            words = mention.actor.split(" ")
            full.setdefault(words[-1], set()).add(mention.actor)
            for at in range(1, len(words) - 1):
                if words[at] in SURNAME_PARTICLES:  # ("Pieter de Vries": "de vries", folded)
                    full.setdefault(" ".join(words[at:]).lower(), set()).add(mention.actor)
                    if len(words) - at > 2 and words[-2] not in SURNAME_PARTICLES:  # "de la Cruz [Valenzuela]":
                        full.setdefault(" ".join(words[at:-1]).lower(), set()).add(mention.actor)  # the father's
                    break
    linked = {surname: next(iter(names)) for surname, names in full.items() if len(names) == 1}

    def surname(actor: str) -> str:
        return actor.lower() if " " in actor and actor.split(" ", 1)[0].lower() in SURNAME_PARTICLES else actor

    return tuple(replace(m, actor=linked[key], kind="person")
                 if (key := surname(m.actor)) in linked and linked[key] != m.actor
                 and (m.kind == "person" or m.source == "model") else m
                 for m in mentions)


# Lower-case words that open a surname ("de Vries", "van der Berg", "bin Hamzah", "de la Cruz"):
# the word after one is part of a longer name, never a name on its own.
SURNAME_PARTICLES = frozenset(
    "de da do dos das del della di du des la le van von der den ter ten bin binti ibn al el ould ben".split())
# The word right before a gazetteer match (a surname particle?).
_WORD_BEFORE_MATCH = re.compile(r"(?<![\w'’-])([\w'’-]+) $")
# At most this many particles open a surname ("de la", "van der", "van de").
MAX_PARTICLES = 3


def _particles_before(text: str, span_start: int, start: int) -> int:
    """Where the run of surname particles right before ``start`` begins ("María [de la ]Cruz"); ``start`` if none.

    A particle that is also an English word ("do", "ten", "den", "van") counts only inside a name,
    after a capitalised word ("Maria do Rosário", "Erik ten Hag"), never in "who do Trump's bidding".
    """
    begin = start
    for _ in range(MAX_PARTICLES):
        before = _WORD_BEFORE_MATCH.search(text, max(span_start, begin - 8), begin)
        if before is None or before.group(1).lower() not in SURNAME_PARTICLES:
            break
        if before.group(1).lower() in _ENGLISH_PARTICLES and not _PREVIOUS_CAPITAL.search(
                text, max(span_start, before.start(1) - 40), before.start(1)):
            break
        begin = before.start(1)
    return begin


# Surname particles that are also English words (lower case, as written inside a name).
_ENGLISH_PARTICLES = frozenset(("do", "ten", "den", "van"))


# The recogniser's kinds that name an actor (LOC places only where they act or are acted
# upon, see _place_mentions; NAT adjectives such as "British" are not actors).
_MODEL_KINDS: dict[str, ActorKind] = {"PER": "person", "ORG": "organisation"}
_NAME_KINDS = frozenset((*_MODEL_KINDS, "LOC"))
_POSSESSIVE = re.compile(r"['’]s?$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


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
# Words that open the two-word name of a natural feature ("River Calder", "Lake Chad", "Mount Etna").
_FEATURE_FIRST_WORDS = frozenset("river lake mount mt loch lough".split())
_DOCUMENT_HEADS = frozenset(
    "framework agreement agreements accord accords treaty treaties protocol protocols declaration "
    "charter memorandum act amendment directive resolution doctrine plan roadmap deal convention conventions "
    "covenant statute bill constitution code".split()
)
# Road numbers: places, never actors ("the M25", "the A14", "I-95", "Route 66"); a body named
# so is in the gazetteer ("M23", "G7") and matched before this rule.
_ROAD_NUMBER = re.compile(r"(?:[AMBN]\d{1,4}|I-\d{1,3}|US[- ]\d{1,3}|(?:Route|Interstate|Highway) \d{1,4})")
# The document heads no surname shares: a "person" so headed is a treaty the weights misread.
_TREATY_HEADS = frozenset(
    "convention conventions agreement agreements accords treaty treaties protocol protocols".split())
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
    match = dateline_at(text, span_start, span_end)
    if match is None:
        return span_start
    if "place" not in match.groupdict():
        return match.end()  # a live blog's time stamp ("11:25 GMT —")
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
# of power among them are gazetteer metonyms ("Downing Street"), matched before this rule. (Hills,
# valleys, lakes and parks also name firms: "Carrow Hill", "Silver Lake".)
_STREET_HEADS = frozenset("street road avenue boulevard lane highway motorway square bridge".split())


def _is_office_before_role(text: str, name: NameSpan) -> bool:
    """Whether a one-word name is an institution's word alone before a role word in lower case
    ("Council leader Janet Pryce", "Party chairman Li Wei", "Ministry spokesman Oleg Petrov"): the
    body meant is one named before, which "the council" will find; no body is called "Council"."""
    if " " in name.text or name.text.lower() not in NAME_HEADS:
        return False
    following = _NEXT_WORD.match(text, name.end)
    return following is not None and following.group(1) in ROLE_WORDS


def _is_street(name: str, *, person: bool = False) -> bool:
    """Whether a name of two words or more ends in a street word ("Harbour Road", "Bridge Lane"); a
    name the recogniser calls a person that opens with a given name keeps it as a surname ("Nathan
    Lane", "Picabo Street")."""
    return _last_head(name) in _STREET_HEADS and not (person and name.split()[0].lower() in given_names())


# The last word of a news medium's name ("The Deccan Ledger", "Al-Rafidain TV"), and its first ("Radio
# Anfani", "Daily Nation"). ("Post", "Mail", "Express" and "Star" also end companies' names: left out.)
MEDIA_LAST_WORDS = frozenset(
    "times herald tribune gazette journal chronicle observer telegraph courier ledger inquirer sentinel examiner "
    "bulletin news newspaper radio tv television broadcasting broadcaster media".split())
MEDIA_FIRST_WORDS = frozenset("radio daily weekly".split())


# Words that end (or, "PT", open) only a company's or a club's name, in many languages.
COMPANY_LAST_WORDS = frozenset(
    "holding holdings mutual automation inc ltd llc plc corp gmbh ag sa spa nv bv ab asa oyj tbk kk bhd sdn "
    "fc fk sk afc cf sc ssc".split())
COMPANY_FIRST_WORDS = frozenset(("pt",))


def _names_a_company(name: str) -> bool:
    """Whether a name of two words or more is a company's or a club's by its last word (or "PT" first)."""
    return _named_by(name, COMPANY_LAST_WORDS, COMPANY_FIRST_WORDS)


def _names_a_medium(name: str) -> bool:
    """Whether an organisation's name of two words or more is a news medium's by its first or last word."""
    return _named_by(name, MEDIA_LAST_WORDS, MEDIA_FIRST_WORDS)


def _named_by(name: str, last_words: frozenset[str], first_words: frozenset[str]) -> bool:
    words = name.split()
    return len(words) >= 2 and (_last_head(name) in last_words or words[0].lower() in first_words)


def _last_head(name: str) -> str:
    """The last word of a name of two words or more, lower case, without "'s" or a final period ("" for one word)."""
    words = name.replace("’", "'").split()
    return words[-1].lower().removesuffix("'s").rstrip(".") if len(words) >= 2 else ""


# Nouns of a work right before its quoted title ("the film "Low Tide"", "his new album "Ashes"").
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|picture|book|novel|memoir|song|single|album|show|series|sitcom|drama|play|musical|opera|"
    r"documentary|poem|game|podcast|episode|programme|program|painting|exhibition|tour)s?\s+$", re.IGNORECASE)


def _fills_a_quotation(text: str, start: int, end: int) -> bool:
    """Whether a name is all a quotation holds (punctuation aside) right after a work's noun: a work's
    title ('the heist picture "Low Tide"'). Elsewhere a quoted name stays an actor: a nickname
    ('Stanley "Tookie" Williams'), a name a group gives itself ('a group calling itself the "X Brigades"'),
    a name given to protect someone ('"Sarah", not her real name, said')."""
    after = end + 1 if text[end:end + 1] in (",", ".", "!", "?") else end
    if not (start > 0 and text[start - 1] in QUOTE_OPENERS and text[after:after + 1] in QUOTE_CLOSERS):
        return False
    return _WORK_BEFORE.search(text, max(0, start - 40), start - 1) is not None


def _is_non_actor(name: NameSpan) -> bool:
    """Whether a recognised name is no actor (``is_non_actor_name``); one read as a person only when
    its head names a treaty ("the Geneva Convention"), which no surname does ("Nathan Deal" is one)."""
    return is_non_actor_name(name.text) and (name.kind != "PER" or _last_head(name.text) in _TREATY_HEADS)


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
    if "on" in words[1:] and words[words.index("on", 1) - 1].lower() in ON_HEADS:
        return False  # "Commission on Elections": a body and its subject
    if "of" in words[1:]:
        at = words.index("of", 1)
        complement = [word for word in words[at + 1:] if word.lower() not in ("the", "a", "an")]
        if len(complement) != 1:
            return False  # the name goes on: "Bay of Plenty Regional Council", "Lake of the Woods County"
        head = words[at - 1].lower()
        return head in _NATURAL_FEATURE_FIRST or head in _DOCUMENT_HEADS or head == "battle"
    if len(words) == 2 and words[0].lower() in _FEATURE_FIRST_WORDS:
        return True  # "River Calder", "Mount Sinai" ("Mount Sinai Hospital" goes on)
    if len(words) >= 2 and words[0] == "Operation":
        return True  # "Operation Tanglaw", "Operation Protective Edge": a campaign, no actor
    return _last_head(name) in _NOT_ACTOR_HEADS


# Gazetteer kinds that a body's name may hold as words of its own and that then name no one:
# "Workers", "Doctors" (groups), "Sweden" (a state), "Gates" (a person).
_INNER_KINDS = frozenset(("group", "state", "person"))


# A recogniser organisation of two words or more this sure of its kind is one body even without an
# institution's word: "the Sudanese Red Crescent" is not the Sudanese. (A round number, chosen before
# measuring; on GMB dev 96% of the recogniser's 555 multi-word ORG spans at or above it overlap a gold ORG.)
SURE_BODY = 0.8


def _without_words_inside_a_name(text: str, found: list[ActorMention], names: Sequence[NameSpan]) -> list[ActorMention]:
    """Gazetteer mentions of one word less those with a capitalised word of a longer name on both sides
    ("Gulf Labour Monitor" is no Labour Party, whatever kind the recogniser gave the name; a person's
    name is left to ``_without_namesakes``)."""
    inner = [(n.start, n.start + len(_canonical(n))) for n in names if n.kind != "PER" and _canonical(n).count(" ") >= 2]
    if not inner:
        return found
    return [m for m in found if " " in m.text or m.is_metonym or not any(
        start < m.start and m.end < end and text[m.start - 1] == " " and text[m.end:m.end + 1] == " "
        for start, end in inner)]


def _without_inner_words(text: str, found: list[ActorMention], names: Sequence[NameSpan],
                         gazetteer: Gazetteer) -> list[ActorMention]:
    """Gazetteer mentions less the groups, states, people and bodies that are words of a body's longer name.

    "The Rail and Transport Workers Union" is one organisation, not "workers"; "the Church of
    Sweden" is not Sweden; "the Sudanese Red Crescent", a name the recogniser is sure of
    (SURE_BODY), is not "the Sudanese". A body the gazetteer knows by its full name ("Bank of
    England") is matched whole already. A state after a body the gazetteer knows and "of" stays
    for ``_national_bodies`` ("the Supreme Court of India" is India's court). A body the gazetteer
    knows inside another's name is a word of it ("Malawi Congress Party" is no U.S. Congress, "the
    Austrian Red Cross" no ICRC, "the Senate Foreign Relations Committee" a committee), except
    before "of" (``_national_bodies`` reads "the Supreme Court of India").
    """
    found = _without_words_inside_a_name(text, found, names)
    bodies = [(n.start, n.end) for n in names
              if n.kind == "ORG" and (is_body_name(name := _canonical(n)) or (" " in name and n.confidence >= SURE_BODY))
              and gazetteer.kind_of(name) is None]
    if not bodies:
        return found
    starts = [start for start, _ in bodies]  # names never overlap: the one body that may hold a mention
    # "the Supreme Court of India", "… of the United States": the body and its state stay, for _national_bodies
    of_state = {i + k for i, body in enumerate(found[:-1]) if body.kind in _BODY_KINDS and not body.is_metonym
                and _qualifying_state(text, found, i)[1] for k in (0, 1)}
    kept: list[ActorMention] = []  # (the one body that may hold a mention is the last to start before its end)
    for index, mention in enumerate(found):
        at = bisect_right(starts, mention.end - 1) - 1
        inner = mention.kind in _INNER_KINDS or mention.kind == "organisation" and not mention.is_metonym
        if inner and at >= 0 and index not in of_state:
            start, end = bodies[at]
            # (a group's mention may take in the article before the body: "the Sudanese")
            inside = mention.start >= start or mention.text[:start - mention.start].strip().lower() == "the"
            if inside and mention.end <= end and end - start > mention.end - mention.start:
                continue
        kept.append(mention)
    return kept


def _known_bodies_behind_groups(text: str, found: list[ActorMention], names: Sequence[NameSpan],
                                gazetteer: Gazetteer) -> list[ActorMention]:
    """A known body's mention in place of a group alias that took its first word with "the": in "The
    Sudanese Armed Forces said", the gazetteer's leftmost match is the group "the Sudanese", which hid the
    Sudanese Armed Forces it also knows; the recogniser reads the whole name, so the body is put back."""
    groups = [m for m in found if m.kind == "group" and " " in m.text]
    if not groups:
        return found
    replaced: dict[int, ActorMention] = {}
    for name in names:
        canonical = _canonical(name)
        if name.kind != "ORG" or " " not in canonical or gazetteer.kind_of(canonical) not in _BODY_KINDS:
            continue
        end = name.start + len(canonical)
        for mention in groups:
            if mention.start < name.start < mention.end < end and text[mention.start:name.start].strip().lower() == "the":
                actor = gazetteer.actor_named(canonical)
                if actor is not None:
                    replaced[id(mention)] = ActorMention(name.start, end, canonical, actor.name, actor.kind,
                                                         source="gazetteer")
    return [replaced.get(id(m), m) for m in found] if replaced else found


# How surely the recogniser must read a name opening with a state's name as a person's for the state to
# give way ("Jordan Alcott, the student"; "Georgia Republican Marjorie Taylor Greene" is read as no person).
STATE_AS_GIVEN_NAME = 0.8


def _one_surname_after(name: str, first: str) -> bool:
    """Whether ``name`` is ``first`` and one more capitalised word (a surname), not a longer run."""
    rest = name[len(first):].strip()
    return name.startswith(first) and " " not in rest and rest[:1].isupper()


def _without_namesakes(found: list[ActorMention], names: Sequence[NameSpan], gazetteer: Gazetteer) -> list[ActorMention]:
    """Gazetteer mentions less the one-word names of known people that end another person's full name:
    "Nasreen Bibi" is no Benjamin Netanyahu, "Karim Modi" no Narendra Modi, "Hunter Biden" no Joe Biden;
    and less a state whose name is the given name opening a person's ("Jordan Alcott", "Chad Smith").

    The other person is a name the recogniser reads as a person's, whose first word opens none of the
    known person's names ("Vladimir Vladimirovich Putin" stays Putin, "President Putin" has no first name).
    """
    people = [n for n in names if n.kind == "PER" and " " in _canonical(n)]
    if not people:
        return found
    starts = [n.start for n in people]  # names never overlap: the one that may hold a mention is the last to start
    kept: list[ActorMention] = []
    for mention in found:
        at = bisect_right(starts, mention.start) - 1
        if mention.kind == "state" and at >= 0 and people[at].start == mention.start \
                and people[at].confidence >= STATE_AS_GIVEN_NAME and mention.text.lower() in given_names() \
                and _one_surname_after(people[at].text, mention.text):
            continue  # "Jordan Alcott", "Chad Smith", "Israel Katz": a given name, not the state
        if mention.kind == "person" and " " not in mention.text and at >= 0:
            canonical = _canonical(people[at])
            first, _, rest = _without_titles(canonical).partition(" ")
            actor = gazetteer.actor(mention.actor)
            if (actor is not None and mention.end == people[at].start + len(canonical) and rest and first != mention.text
                    and all(first != known.split(" ", 1)[0] for known in (actor.name, *actor.aliases))):
                continue
        kept.append(mention)
    return kept


def _without_inner_places(found: list[ActorMention], names: Sequence[NameSpan],
                          gazetteer: Gazetteer) -> list[ActorMention]:
    """Gazetteer mentions less the place metonyms that are a word of a longer name the recogniser
    read ("Real Madrid" and "Atletico Madrid" are no Spanish government, "Denzel Washington" no
    American one; seats of power and the actors' own names are kept), and less the states in the
    name of a natural feature, a document or an event ("the Gulf of Mexico", "Lake Chad", "the Iran
    Nuclear Deal") or of another place ("New Mexico", "Northern Ireland")."""
    spans = [(n.start, n.start + len(_canonical(n)), n.kind == "LOC" and " of " not in n.text
              or _is_non_actor(n))
             for n in names if " " in _canonical(n)]  # (but "the Andes of Peru" names Peru)
    if not spans:
        return found
    starts = [start for start, _, _ in spans]  # names never overlap: the one that may hold a mention
    kept: list[ActorMention] = []              # is the last to start before its end
    for mention in found:
        actor = gazetteer.actor(mention.actor) if mention.is_metonym else None
        place = actor is not None and mention.text in actor.places
        at = bisect_right(starts, mention.start) - 1
        if (place or mention.kind == "state") and at >= 0:
            start, end, feature = spans[at]
            if mention.end <= end and end - start > mention.end - mention.start and (place or feature):
                continue
        kept.append(mention)
    return kept


def _recognised_names(text: str, spans: Sequence[tuple[int, int]],
                      gazetteer: Gazetteer) -> dict[tuple[int, int], tuple[NameSpan, ...]]:
    """The recogniser's person, organisation and place names, grouped by the analysed span they lie in (one pass).

    Natural features, agreements and events among them (``is_non_actor_name``) are no actors:
    ``find_actors`` only keeps other rules off their words.
    """
    found = _listed_with_places(text, [n for n in find_names(text, known_kind=gazetteer.kind_of) if n.kind in _NAME_KINDS])
    starts = [n.start for n in found]
    grouped = {}
    for start, end in spans:
        first, last = bisect_right(starts, start - 1), bisect_right(starts, end - 1)
        grouped[(start, end)] = tuple(n for n in found[first:last] if n.end <= end)
    return grouped


# A preposition of place right before a name.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|around) \Z")
# What separates the items of a list of names ("Santiago, Valparaíso and Concepción").
_LIST_SEPARATORS = frozenset((", ", " and ", ", and ", " or ", ", or "))
# A list is one of places when one of its names is read as a place at least this surely; a one-word
# name in it that the weights read as a person or a body less surely than UNSURE_IN_A_LIST is a place too.
SURE_PLACE = 0.9
UNSURE_IN_A_LIST = 0.6


def _listed_with_places(text: str, names: list[NameSpan]) -> list[NameSpan]:  # (retypes ``names`` in place)
    """Names listed with a sure place are places where the weights were unsure of them: "schools in
    Santiago, Valparaíso and Concepción" (Valparaíso had been a person, Concepción a company); so is
    an unsure person's name after "in" or "near" that opens with no given name ("leaders in Abu Sinaan")."""
    lists: list[list[int]] = []  # runs of indexes of names joined by list separators
    closed: list[bool] = []  # whether the run has an "and" or an "or" ("According to Vasnetsov, Russia's" is no list)
    for index, name in enumerate(names):
        separator = text[names[index - 1].end:name.start] if index else ""
        if separator in _LIST_SEPARATORS:
            lists[-1].append(index)
            closed[-1] = closed[-1] or separator != ", "
        else:
            lists.append([index])
            closed.append(False)
    for index, name in enumerate(names):  # "community leaders in Abu Sinaan", "the camp near Wadi Rimal"
        if name.kind == "PER" and name.confidence < UNSURE_IN_A_LIST and name.title is None \
                and _LOCATIVE_BEFORE.search(text, max(0, name.start - 8), name.start) \
                and name.text.split(" ", 1)[0].lower() not in given_names():
            names[index] = replace(name, kind="LOC")
    for members, is_list in zip(lists, closed):
        if not is_list or not any(names[i].kind == "LOC" and names[i].confidence >= SURE_PLACE for i in members):
            continue
        for i in members:
            name = names[i]
            if name.kind in ("PER", "ORG") and name.confidence < UNSURE_IN_A_LIST and " " not in name.text \
                    and name.title is None:
                names[i] = replace(name, kind="LOC")
    return names


def _canonical(name: NameSpan) -> str:
    """A recognised name without a possessive ending ("Kane's" -> "Kane")."""
    text = name.text
    if "'" in text or "’" in text:  # most names have no apostrophe: no regex to run
        text = _POSSESSIVE.sub("", text)
    return text.strip()

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


# The recogniser's probability at which a one-word name opening a sentence stands even if it is an
# everyday word ("Rice's Middle East tour", 0.95; "Faster processing …" was 0.65). A round number.
SURE_NAME = 0.9


def _opening_everyday_word(text: str, name: NameSpan, span_start: int, surnames: Mapping[str, str],
                           whole_speakers: frozenset[tuple[int, int]]) -> bool:
    """Whether a one-word name is an everyday word opening its sentence that the recogniser is not sure
    of, names no one the text has named in full and speaks nothing ("Faster processing, proper
    funding …"; not "Brown said")."""
    word = name.text
    if " " in word or name.confidence >= SURE_NAME or word in surnames or not is_everyday_word(word) \
            or (name.start, name.end) in whole_speakers:
        return False
    following = _NEXT_WORD.match(text, name.end)
    return at_sentence_start(text, span_start, name.start) and not (following and following.group(1) in SPEECH_VERBS)


def _model_mentions(text: str, names: Sequence[NameSpan], surnames: dict[str, str], taken: Taken,
                    apposed: dict[str, ActorKind], whole_speakers: frozenset[tuple[int, int]] = frozenset()
                    ) -> list[ActorMention]:
    """Mentions of names the recogniser found where no gazetteer actor is; titles stay in the mention text only.

    An apposition after a name gives its kind ("PriceFinder, a British comparison site,"), for
    every mention of the name (``apposed``); a place (LOC) is a mention only when one does, or
    when the name is a quotation's whole speaker (``whole_speakers``: "Okafor, explaining his
    vote, said …" is a person; a place the gazetteer lacks does not speak).
    """
    found = []
    for name in names:
        written = canonical = _canonical(name)
        if not canonical or taken.overlaps(name.start, name.end) or is_not_a_name(canonical):
            continue
        if " " not in canonical and _PLACE_NOUN_AFTER.match(text, name.start + len(written)):
            continue  # "The Brentwick city council": a place's name before its noun, no one of its own
        kind = apposition_kind(text, name.start + len(written)) or (
            owner_kind(text, name.start + len(written)) if name.kind == "ORG" or (
                name.kind == "PER" and name.confidence < GIVEN_NAME_DOUBT) else None)
        speaks = False
        if kind is None and name.kind == "LOC" and _names_a_medium(canonical):
            kind = "media"  # "the Korea Herald": a medium named after its country, not the place
        if kind is not None:
            apposed.setdefault(_without_titles(canonical) if kind == "person" else canonical, kind)
        elif name.kind not in _MODEL_KINDS:
            speaks = (name.start, name.start + len(written)) in whole_speakers
            if not speaks:
                continue  # a place with no apposition: the place rules read it
            # (by this rule, not by the model, which read a place; "the Geophysical Institute of Peru" is a body)
            kind = "organisation" if _last_head(canonical) in ORG_SUFFIXES else "person"
        else:
            kind = _MODEL_KINDS[name.kind]
            if kind == "person" and _names_a_company(canonical):
                kind = "organisation"  # "Karakaya Holding", "Manisa FK", "PT Nusantara Agro": no one's name
            if kind == "organisation" and _names_a_medium(canonical):
                kind = "media"  # "the Korea Herald", "Radio Anfani", "Al-Rafidain TV"
        if kind == "person":
            canonical = _without_titles(canonical)
        actor = surnames.get(canonical, canonical) if kind == "person" else canonical
        start = name.title[0] if name.title is not None and not taken.overlaps(name.title[0], name.start) else name.start
        end = name.start + len(written)  # "Kane's" -> "Kane" (a name never opens with white space)
        found.append(ActorMention(start, end, text[start:end], actor, kind, source="rule" if speaks else "model",
                                  confidence=None if speaks else round(name.confidence, 4)))
        taken.add(start, end)
    return found


def _place_mentions(text: str, span_start: int, places: Sequence[NameSpan], taken: Taken, *,
                    heading: bool = False) -> list[ActorMention]:
    """Places the gazetteer lacks ("Kharkiv", "Gaza", "Europe") where they act or are acted upon, as states.

    Only where framed (``is_framed_place``): "the shelling of Kharkiv", "Gaza was bombed" and
    "Europe's factories" count; "a care worker in Luton", "the ports of Odesa", "Kharkiv
    region" and a dateline do not. In a ``heading`` every place counts that is not part of a
    longer name or an attribute ("Gaza", not "Kharkiv region" or "Moscow-based").
    """
    found = []
    for name in places:
        canonical = _canonical(name)
        end = name.start + len(canonical)
        if not canonical or taken.overlaps(name.start, end) or is_not_a_name(canonical):
            continue
        framed = is_heading_place if heading else is_framed_place
        if not framed(text, name.start, end, span_start):
            continue
        found.append(ActorMention(name.start, end, canonical, canonical, "state", source="model",
                                  confidence=round(name.confidence, 4)))
        taken.add(name.start, end)
    return found


def _gazetteer_mentions(text: str, span: FoldedSpan, gazetteer: Gazetteer
                        ) -> tuple[list[ActorMention], list[tuple[int, int]]]:
    """The gazetteer's mentions in a span, and the spans of its place names that are only places there."""
    found: list[ActorMention] = []
    places: list[tuple[int, int]] = []
    start = span.start
    reach = start  # the furthest end of a mention so far
    for match in gazetteer.index.find_folded(span):
        actor, form_kind = match.payload
        if form_kind == "place" and (not is_acting_place(text, match.start, match.end, start)
                                     or _set_in_its_country(text, match.end, actor.country)):
            places.append((match.start, match.end))
            continue
        if actor.kind == "person" and (text[match.start - 1:match.start] in _HYPHENS or text[match.end:match.end + 1] in _HYPHENS):
            continue  # "the Smoot-Hawley tariffs", "Trump-era rules": a word of a compound, no mention
        if actor.kind == "person" and (begin := _particles_before(text, start, match.start)) < match.start:
            # "Judge de la Cruz", "De la Cruz said": another person's surname, not Ted Cruz's; inside a
            # whole name ("María de la Cruz Valenzuela") the recogniser reads the name
            if _after_a_name_word(text, start, begin, TITLE_HEADS):
                continue
            written = text[begin:match.end]
            found.append(ActorMention(begin, match.end, written, written[0].lower() + written[1:], "person", source="rule"))
            reach = max(reach, match.end)
            continue
        if actor.kind == "group" and _is_attributive(text, match.start, match.end):
            continue  # "the public gallery", "the public face of": an adjective, no group
        if actor.kind == "group" and (title := _NEXT_CAPITALISED.match(text, match.end)) is not None \
                and title.group(1).lower() in TITLE_HEADS:
            continue  # "Police General Arnulfo Dimaculangan", "Army Chief X": a word of a title
        if actor.name in _AUDIENCE_GROUPS and _TOLD.search(text, max(start, match.start - 40), match.start) \
                and not text.startswith(" to ", match.end):  # (but "told journalists to leave": ordered to)
            continue  # "told reporters": the audience of a statement, no actor of the story
        if actor.kind == "state" and actor.name in gazetteer.armed_forces \
                and (army := _STATES_ARMY.match(text, match.end)) is not None:
            forces = gazetteer.armed_forces[actor.name]  # "Sudan's army": the Sudanese Armed Forces
            found.append(ActorMention(match.start, army.end(), text[match.start:army.end()], forces.name, forces.kind))
            reach = max(reach, army.end())
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
        return found, places
    unique = {(m.start, m.end): m for m in found}  # "the West" and "The West" both match a sentence's first words
    return list(unique.values()), places


def _set_in_its_country(text: str, end: int, country: str | None) -> bool:
    """Whether a seat of power is followed by "in" and its own country ("competes with Riga in Latvia"):
    the city, a location; "backed by Tehran in Iraq" keeps Tehran the government."""
    if not country or not text.startswith(" in ", end):
        return False
    return text.startswith(country, end + 4) or text.startswith(f"the {country}", end + 4)


# A state's armed forces named by its possessive ("Sudan's army", "Russia's military").
_STATES_ARMY = re.compile(r"['’]s (?:army|military|armed forces|forces|troops)\b")
# The capitalised word right after a mention.
_NEXT_CAPITALISED = re.compile(r" ([A-Z][a-z]+)\b")
# Groups that are a statement's audience after a verb of telling ("told reporters", "said to the press"),
# where they take no part in what is reported.
_AUDIENCE_GROUPS = frozenset(("journalists",))
_TOLD = re.compile(
    r"\b(?:told|tell|tells|telling|brief|briefs|briefed|briefing|(?:said|says|say|spoke|speaks|speaking|talking|"
    r"talked|comments|remarks|statement|told\s+\w+)\s+to)\s+(?:the\s+|a\s+group\s+of\s+|visiting\s+|local\s+)?\Z",
    re.IGNORECASE)

# Group names that are also adjectives ("the public"): before a noun they name no one.
_ADJECTIVE_GROUPS = frozenset(("public",))
# What may follow such a group when it is a subject or an object: a verb or an auxiliary ("the public wants",
# "the public deserve"), a conjunction, a preposition or a relative ("asked the public for help").
_AFTER_A_SUBJECT = re.compile(
    r"\s+(?:[a-z]+(?:s|ed)|is|was|are|were|have|will|would|can|could|must|should|may|might|do|did|had|deserve|need|want|"
    r"know|think|feel|expect|believe|see|pay|get|and|or|but|of|in|to|for|at|on|with|from|by|about|who|that|which)\b")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")


def _is_attributive(text: str, start: int, end: int) -> bool:
    """Whether a group's name that is also an adjective stands before a noun: "the public gallery", not
    "the public wants answers"."""
    last = text[start:end].rsplit(" ", 1)[-1].lower()
    return (last in _ADJECTIVE_GROUPS and _LOWER_WORD_AFTER.match(text, end) is not None
            and _AFTER_A_SUBJECT.match(text, end) is None)


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
        if word in ("of", "for") and titled < start:  # "Secretary of State Marco Rubio": over the role's "of"
            before_of = titled - len(previous.group(0))
            head = _LAST_WORD.search(text[max(span_start, before_of - 30):before_of])
            if head is None or not (head.group(1)[:1].isupper() and head.group(1).lower() in TITLE_HEADS):
                return titled
        elif not (word in _TITLES or (titled < start and word[:1].isupper() and word.lower().rstrip(".") in TITLE_WORDS)):
            return titled
        titled -= len(previous.group(0))


def _surname_mentions(text: str, start: int, end: int, surnames: dict[str, str],
                      taken: Taken) -> list[ActorMention]:
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
        if is_everyday_word(surname) and at_sentence_start(text, start, word_start):
            continue  # "Long queues formed", not Mark Long
        if _after_a_name_word(text, start, word_start, ROLE_WORDS):
            continue  # "In Cholla Wells": the last word of another name (a place the weights doubted), not Mr Wells
        found.append(ActorMention(word_start, word_end, surname, surnames[surname], "person", source="rule"))
        taken.add(word_start, word_end)
    return found


def _after_a_name_word(text: str, span_start: int, at: int, roles: frozenset[str]) -> bool:
    """Whether a capitalised word stands right before ``at`` that is neither a title ("Judge", "Mr.") nor one
    of ``roles`` (lower case): the word at ``at`` is then inside another, longer name ("María de la Cruz",
    "Cholla Wells")."""
    before = _PREVIOUS_CAPITAL.search(text, max(span_start, at - 40), at)
    return before is not None and before.group(1) not in _TITLES and before.group(1).lower() not in roles


def _trimmed(speaker: TextSpan) -> int:
    """Where a speaker phrase's words end (a possessive's "'s" and closing punctuation left out)."""
    return speaker.start + len(_POSSESSIVE_END.sub("", speaker.text.rstrip(" ,.;:")))


# "Former Afghan officials", "exiled Belarusian diplomats": no longer the government's staff.
_FORMER = re.compile(r"\b(?:former|exiled|retired|dissident|defected|ousted|sacked|fired|ex-)\s*$", re.I)


def _former_staff(text: str, mention: ActorMention) -> bool:
    """Whether a government's "<demonym> officials" mention is former or exiled staff (no government's voice)."""
    return (mention.kind == "government" and mention.text.endswith(("officials", "diplomats"))
            and _FORMER.search(text, max(0, mention.start - 12), mention.start) is not None)


# Heads that make a speaker a body though they also end place names ("the National Hurricane Center said").
_SPEAKING_BODY_HEADS = frozenset("center centre office bureau service".split())


def _is_speaking_body_head(word: str) -> bool:
    """Whether a lower-case last word makes a speaker a body, not a person ("Institute", "Center")."""
    return word in ORG_SUFFIXES or word in _SPEAKING_BODY_HEADS
# Bodies a group forms, which speak as themselves: "the workers' union", "the farmers' association".
_BODIES_OF_GROUPS = frozenset(
    "union unions association associations federation council committee party league guild organisation "
    "organization alliance coalition front movement collective cooperative co-operative".split())


def _names_a_body(rest: str) -> bool:
    """Whether the words after a group's mention end in a body it forms ("' union", "' association")."""
    words = _SPEAKER_REST_WORD.findall(rest)
    return bool(words) and words[-1].lower() in _BODIES_OF_GROUPS


def _speaks_for(rest: str) -> bool:
    """Whether the words of a speaker after an actor's mention make someone who speaks for it.

    "Kremlin officials", "Israel's ambassador", "the union's leaders": yes; "Kremlin critics",
    "Trump supporters", "anti-Hamas protesters": no. Words that are no speaker noun ("Mr
    Smith's own words") leave the mention the speaker.
    """
    words = [word.lower() for word in _SPEAKER_REST_WORD.findall(rest)]
    return not words or words[-1] not in SPEAKER_NOUNS or words[-1] in MEMBER_SPEAKERS


def _gender(name: str) -> str | None:
    """A person's gender by the first given name of their name ("Doreen Pike" -> female), if the census lists tell."""
    for word in name.split()[:2]:  # "Doreen Pike", "J. Doreen Pike"
        if len(word) > 2 or not word.endswith("."):
            return given_name_gender(word)
    return None


def body_short_forms(mentions: Sequence[ActorMention]) -> dict[str, str]:
    """Each first word of a body's name of two words or more -> that body, for the words that open only one
    ("Harbourline" -> "Harbourline Energy"): how a speaker phrase names its body ("a Harbourline spokesman").
    Only bodies the gazetteer does not know: its names open with demonyms ("Ukrainian government"), and
    "Ukrainian regional officials" are not the government's spokesmen."""
    return {word: actor for word, (actor, _) in
            _names_by_first_word(mentions, _HEAD_KINDS - {"person"}, gazetteer=False).items()}


_OF_AFTER = re.compile(r"\s+of\s")
_CAPITALISED_WORDS = re.compile(r"\b[A-Z][\w'’-]*")


# A phrase's last words before a name that make it the place the speakers are in or from
# ("Community leaders in Abu Sinaan said": the leaders speak, not a person named Abu Sinaan).
_PLACE_BEFORE = re.compile(r"\b[a-z]+s (?:in|at|near|around) \Z")


# A transcript's answer label, and who speaks it when the text names no one before it.
ANSWER_LABEL = "A"
INTERVIEWEE = "the interviewee"


def _interviewee(mentions: Sequence[ActorMention], before: int, quoted: SpanIndex[Quote] | None) -> str | None:
    """The person named most often before ``before``, outside quotations (the first of equals), or None."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.start >= before:
            break
        if mention.kind == "person" and (quoted is None or quoted.at(mention.start) is None):
            counts[mention.actor] = counts.get(mention.actor, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def resolve_speaker(speaker: TextSpan, mentions: Sequence[ActorMention], sentence_starts: Sequence[int] = (),
                    mention_starts: Sequence[int] | None = None, quoted: SpanIndex[Quote] | None = None,
                    short_forms: Mapping[str, str] | None = None, possessives: frozenset[int] = frozenset()) -> str:
    """The canonical actor a quotation speaker refers to.

    A speaker phrase that ends in a mention is that mention's actor (its head); one that overlaps
    another actor's mention is that actor, unless the mention only qualifies
    people who do not speak for it ("Kremlin critics", "Trump supporters", "Netanyahu's
    critics": a speaker noun after the mention that is not one of MEMBER_SPEAKERS). "He"
    or "she" is the first person named in the sentence before (usually its subject), else
    the nearest person named before the pronoun, skipping people whose given name is the other
    gender's ("asked her about Tom Reyes, she said" is not Tom's). Anything else stays as written
    ("officials"). A phrase ending in a title with a person's name set beside it by a comma is that
    person ("The Finance Minister, Ruth Okello, said"). Pass ``mention_starts`` (the mentions' start offsets) when resolving
    many speakers, and ``quoted`` (the direct quotations) so that "he" is no one named inside
    a quotation ('"We wanted to keep Ahmed," he said' is not Ahmed's), and ``short_forms``
    (``body_short_forms``) so that "a Harbourline spokesman" is Harbourline Energy's, and ``possessives``
    (the starts of mentions followed by "'s"), which are no sentence's subject.
    """
    if mention_starts is None:
        mention_starts = [m.start for m in mentions]  # mentions come sorted by start
    near = bisect_right(mention_starts, speaker.end)
    if near < len(mentions) and mentions[near].kind == "person" and mentions[near].start - speaker.end <= 2 \
            and speaker.text.rsplit(None, 1)[-1].lower() in TITLE_HEADS \
            and bisect_right(sentence_starts, speaker.end) == bisect_right(sentence_starts, mentions[near].start):
        # "Tamil Nadu's Water Resources Minister, S. Thangavelu, told": the person set beside the role
        return mentions[near].actor
    overlapping = [m for m in mentions[max(0, near - MAX_SPEAKER_OVERLAP):near]
                   if m.start < speaker.end and speaker.start < m.end]
    for mention in overlapping[:-1]:  # "Superintendent Alan Marsh of Northshire Police": the person before "of"
        if mention.kind == "person" and _OF_AFTER.match(speaker.text, mention.end - speaker.start):
            return mention.actor
    if overlapping and overlapping[-1].kind == "person" \
            and _PLACE_BEFORE.search(speaker.text, 0, max(0, overlapping[-1].start - speaker.start)):
        return speaker.text  # "Community leaders in Abu Sinaan": a place read as a person, and no speaker
    if overlapping and overlapping[-1].end >= _trimmed(speaker) and overlapping[-1].kind in _HEAD_KINDS:
        # the phrase ends in a name, its head: "US Trade Representative Karen Doyle", "Ursula von der Leyen's
        # Commission" (a group noun there keeps the phrase: "Kremlin critics" are not all critics)
        return overlapping[-1].actor
    for mention in overlapping:
        rest = speaker.text[mention.end - speaker.start:]
        if mention.end < speaker.end and (not _speaks_for(rest) or mention.kind == "group" and _names_a_body(rest)):
            return speaker.text  # "Kremlin critics"; "the workers' union" is a union, not the workers
        return mention.actor
    if speaker.text.lower() not in ("he", "she"):
        if speaker.text == ANSWER_LABEL:  # a transcript's "A:": the person the text names most before it
            return _interviewee(mentions, speaker.start, quoted) or INTERVIEWEE
        if speaker.text.isupper() and len(speaker.text) > 1:  # a transcript's "OKAFOR:" is Adaeze Okafor
            named = next((m.actor for m in mentions if m.kind == "person"
                          and m.actor.upper().split()[-1:] == speaker.text.split()[-1:]), None)
            if named is not None:
                return named
        if short_forms:  # "a Harbourline spokesman": the one body whose name opens with its capitalised word
            words = [w for w in _CAPITALISED_WORDS.findall(speaker.text) if w not in ("A", "An", "The")]
            if len(words) == 1 and words[0] in short_forms:
                return short_forms[words[0]]
        return speaker.text
    own = bisect_right(sentence_starts, speaker.start) - 1
    before = bisect_right(mention_starts, speaker.start)

    pronoun_gender = "male" if speaker.text.lower() == "he" else "female"

    def speaks(mention: ActorMention) -> bool:  # a person named outside every quotation, of the pronoun's gender
        return (mention.kind == "person" and (quoted is None or quoted.at(mention.start) is None)
                and _gender(mention.actor) in (None, pronoun_gender))

    previous_person = next((mentions[i] for i in range(before - 1, max(-1, before - 1 - MAX_PRONOUN_LOOKBACK), -1)
                            if speaks(mentions[i]) and mentions[i].end <= speaker.start), None)
    if previous_person is None:
        return speaker.text
    if own >= 1:
        previous_start, previous_end = sentence_starts[own - 1], sentence_starts[own]
        if previous_start <= previous_person.start < previous_end:  # the last person named is in the sentence before
            in_previous = [m for m in mentions[bisect_right(mention_starts, previous_start - 1):before]
                           if speaks(m) and m.start < previous_end]
            # (a possessor is no subject: "Olatunji's counsel, Adaeze Okafor, argued …. She said" is Okafor)
            return next((m for m in in_previous if m.start not in possessives), in_previous[0]).actor
    return previous_person.actor
