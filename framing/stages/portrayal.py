"""Portrayal stage: actor mentions -> protagonist, antagonist or innocent, with the cue that cast each.

The author casts an actor by what the sentence has it do or suffer (the agent of a harm
verb is an antagonist, its patient an innocent, the agent of a help or resistance verb a
protagonist), by the labels attached to it ("this terrorist state", "X, a tireless
advocate", "X is a liar"), by evaluative frames ("is right to", "to her credit", "must
answer for") and by loaded terms next to it. Roles are the three main roles of Mahmoud
et al. (2025); the fine role of the strongest cue is reported as ``archetype``.

There is no parser: each sentence that holds a mention is tokenised once with one regex,
the lexicons (``lexicons/portrayal/*.tsv``, read by ``portrayal_lexicon``) are matched by a
dictionary keyed on a phrase's first token, and subject, object and passive voice are read
from word order within the clause (``portrayal_syntax``). A mention inside a quotation is
cast by the quotation's cues alone and reported with ``voice="quote"`` and the speaker.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Literal

from framing.model import Casting
from framing.stages.lexicon import ASSERTING_IDIOMS, LONGEST_ASSERTING_IDIOM, asserting_idiom_length
from framing.stages.portrayal_lexicon import (
    CLAUSE_BREAK,
    ROLES,
    Hit,
    PortrayalLexicon,
    Role,
    count_cues,
    find_hits,
    load_portrayal_lexicon,
    window_parts,
)
from framing.stages.portrayal_syntax import (
    BE,
    DETERMINERS,
    NEGATED_HARM_FACTOR,
    NEGATORS,
    PASSIVE_AUXILIARIES,
    PREPOSITIONS,
    SPEECH,
    Sentence,
    Tally,
    cast_verb_cue,
    find_objects,
    find_subject,
    is_verbal,
    preceding,
    read_negation,
)

Voice = Literal["author", "quote"]

# ---- tuned constants -------------------------------------------------------------------------
# Softmax slope over the summed cue weights of the three roles. On labelled/portrayal_dev.jsonl
# (69 castings, 88% right) a slope of 3.0 makes the mean confidence equal that precision; the
# rules were developed on the same file, so its precision is optimistic and 2.5 is used
# (one cue of weight 1.0 then gives its role 0.86).
SCORE_SLOPE = 2.5
# A role is cast only when its summed weight reaches this; a lone weak cue (a loaded word
# of weight 0.3 next to a name) is not enough.
MIN_EVIDENCE = 0.5
# How many tokens before a mention its premodifiers, and after it an appositive or predicate, reach.
PREMODIFIER_REACH = 3
# Words right after a cue that give it a plain sense: "saving for a wedding", "saves money" (no
# rescue; "saved up to 30 lives" is one); "hungry for headlines" (an appetite, no hunger).
_PLAIN_AFTER: dict[str, frozenset[str]] = {
    "save": frozenset("for money cash energy time on".split()),
    "hungry": frozenset({"for"}),
    "starve": frozenset({"for"}),
}
# Innocent nouns whose possessor made them so: "Putin's victims", "the militia's hostages" (singular stems).
_VICTIMS_OF = frozenset("victim hostage captive prey target".split())
ATTRIBUTE_REACH = 5
# Weight factor of a cue in a question.
QUESTION_FACTOR = 0.5
# A prior casting (its confidence is at most 1/2) counts this much of its confidence toward the
# stance: an actor cast only by guesses stays within ±0.25, "calm" in the sense.
PRIOR_STANCE_WEIGHT = 0.5
# A loaded term's |valence| (VADER scale, -4..4) is divided by this and capped at 1, then
# multiplied by LOADED_WEIGHT: a strongly loaded adjective alone (|v| >= 2) casts.
LOADED_SCALE = 2.0
LOADED_WEIGHT = 0.6
# Beyond this many characters a sentence is cut into windows (keeps a 5 MB "sentence" linear).
MAX_SENTENCE_CHARS = 2_000
# The probability of a casting inherited from the actor's other mentions (no cue of its own).
INHERITED_CONFIDENCE = 0.45

_COPULAS = frozenset(
    "is are was were be been being 's ’s remains remained remain became become becomes seems seemed "
    "appears appeared proved proves".split()
)
_ATTRIBUTE_SKIP = frozenset(
    "a an the this that one truly simply really very deeply so such most more long-time longtime also now "
    "nothing but just quite increasingly".split()
)
_NOTHING: frozenset[str] = frozenset()
# A "He"/"She" opening a sentence (the tuple finds it without a regex unless spaces lead).
_SENTENCE_PRONOUN = re.compile(r"\s*(He|She)[ '’]")
_SENTENCE_PRONOUNS = ("He ", "She ", "He'", "She'", "He’", "She’")
_VERB_KINDS = ("harm", "help", "resist", "suffer")


@dataclass(frozen=True, slots=True)
class MentionCues:
    """What the cues said about one mention, cast or not: the summed weight per role
    (also below MIN_EVIDENCE) and how many cues of each kind its sentence holds."""

    weights: tuple[float, float, float]  # protagonist, antagonist, innocent
    sentence_cues: tuple[int, int, int]  # harm, help or resistance, suffering hits in the sentence


_NO_CUES = MentionCues((0.0, 0.0, 0.0), (0, 0, 0))


# ---- the stage --------------------------------------------------------------------------------


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
    tallies: dict[int, Tally] = {}
    counts: dict[int, tuple[int, int, int]] = {}
    for (low, high), members in groups.items():
        found = _cast_sentence(text, low, high, members, mentions, lexicon, quote_list, quote_starts, quote_reach,
                               quote_bounds, loaded_list, loaded_starts, tallies, stand_ins.get((low, high), ()))
        if found != (0, 0, 0) and members:
            counts.update(dict.fromkeys(members, found))
    for p, (_, _, antecedent, _) in enumerate(links):
        tally = tallies.pop(len(mentions) + p, None)
        if tally is not None:
            tallies.setdefault(antecedent, Tally()).merge(tally)
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


def _mention_cues(tally: Tally, counts: tuple[int, int, int] | None) -> MentionCues:
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


def _casting(text: str, tally: Tally | None, voice: tuple[Voice, str | None]) -> Casting:
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
    loaded_starts: Sequence[int], tallies: dict[int, Tally], stand_ins: Sequence[tuple[int, int, int]] = (),
) -> tuple[int, int, int]:
    """Tally the cues of one sentence on its mentions; return its (harm, help or resist, suffer) cue counts.

    ``stand_ins`` are (start, end, index) of pronouns read as mentions of that (pseudo) index.
    """
    parts = window_parts(text, low, high)
    raw = parts[1::2]
    words = list(map(str.lower, raw))
    hits = find_hits(words, raw, lexicon)
    if hits:  # "saving for a wedding", "hungry for headlines": the word in its plain sense
        hits = [h for h in hits if h.last >= len(words) or words[h.last] not in _PLAIN_AFTER.get(h.entry.term, ())]
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
        return count_cues(hits)
    n_before = bisect_left(quote_starts, high)  # quotations that start before the window ends
    if n_before and quote_reach[n_before - 1] > low:
        region = _regions(starts, quotes, quote_starts, quote_bounds)
    else:
        region = [-1] * len(words)  # no quotation reaches into the window
    factor = QUESTION_FACTOR if text[low:high].rstrip().endswith("?") else 1.0
    sentence = Sentence(text, words, raw, starts, ends, owner, region, mention_tokens, factor, tallies,
                        lexicon.victim_heads, pronouns=pronouns)
    # a cue made of words of an actor's own name casts no one and counts for nothing ("the
    # International Criminal Court", "Doctors Without Borders": capitalised inside a mention)
    hits = [h for h in hits if not (h.first > 0 and all(owner[t] >= 0 and raw[t][:1].isupper()
                                                        for t in range(h.first, h.last)))]
    if any(raw[h.first][:1].isupper() for h in hits if h.first > 0) and not _is_title_case(raw):
        hits = [h for h in hits if not _in_capitalised_run(raw, h.first, h.last)]
    sentence.verb_tokens = {t for h in hits if h.entry.kind in _VERB_KINDS and h.entry.form != "noun"
                            for t in range(h.first, h.last)}
    # The sentence's cue counts keep a noun-first word wherever it stands: "the shells", "bombs"
    # still say the sentence is about harm (the ``c`` descriptors and the prior read that).
    harm, helping, suffering = counts = count_cues(hits)
    nouns = {h.first for h in hits if h.entry.noun_first and not is_verbal(sentence, h)}
    if nouns:  # "stuck in traffic": a noun-first word in a noun's place is no verb, and unless listed no cue
        hits = [h for h in hits if h.first not in nouns or not h.entry.noun_first or h.entry.also_noun]
        sentence.nouns = nouns
    has_harm = harm > 0 or suffering > 0 or any(
        v < 0 for _, _, v in loaded[first_loaded:bisect_right(loaded_starts, high)])
    for hit in hits:
        kind = hit.entry.kind
        if kind in _VERB_KINDS:
            cast_verb_cue(sentence, hit)
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
                # a label that is (part of) the mention itself ("the woke mob", "the Banderite regime") is
                # the author's name for it: it casts at full weight, however mild its valence
                inside = sentence.owner[first] >= 0
                weight = LOADED_WEIGHT * (1.0 if inside else min(1.0, abs(valence) / LOADED_SCALE))
                _attribute_cue(sentence, first, last, role, weight, f"loaded:{text[start:end].lower()}", None, False)
    return counts


def _in_capitalised_run(raw: Sequence[str], first: int, last: int) -> bool:
    """Whether a cue's capitalised words stand in a run of capitalised words inside a sentence of
    ordinary case: a title or a name ("Karnataka's Advocate General", "the Steadfast Defender
    drills"), which casts no one."""
    if first == 0 or not all(raw[t][:1].isupper() for t in range(first, last)):
        return False
    before = raw[first - 1] if first > 1 else ""  # (the sentence's first word is capitalised anyway)
    after = raw[last] if last < len(raw) else ""
    return before[:1].isupper() or after[:1].isupper() or before in ("'s", "’s")


def _is_title_case(raw: Sequence[str]) -> bool:
    """Whether most words of a sentence are capitalised (a Title Case headline)."""
    letters = [word for word in raw if word[:1].isalpha()]
    return 2 * sum(word[:1].isupper() for word in letters) > len(letters)


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


# Irregular past participles that open idioms of ill-treatment ("sold out", "held hostage", "left to rot").
_IRREGULAR_PARTICIPLES = frozenset(
    "sold held left kept hung led sent bled brought taken thrown shut put cut hit beaten caught swept "
    "driven ground bought".split())


# What follows the participle of such an idiom: a particle or a preposition ("thrown under", "sold
# out", "left to rot"), or its fixed word ("held hostage", "bled dry"). An adjective in -ed heads
# no such phrase ("That is short-sighted timidity").
_IDIOM_AFTER_PARTICIPLE = frozenset(
    "out up down off in into under to for through away over on aside hostage dry".split())


def _is_passive(sentence: Sentence, first: int) -> bool:
    """Whether the idiom at token ``first`` is a past participle after a form of "be" ("were thrown under …")."""
    words = sentence.words
    word = words[first]
    if "-" in word or not (word.endswith(("ed", "en", "wn")) or word in _IRREGULAR_PARTICIPLES):
        return False
    if first + 1 >= len(words) or words[first + 1] not in _IDIOM_AFTER_PARTICIPLE:
        return False
    before = preceding(sentence, first, PASSIVE_AUXILIARIES)
    return before >= 0 and sentence.words[before] in BE


def _attribute_cue(sentence: Sentence, first: int, last: int, role: Role, weight: float, cue: str,
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
        if words[j] in CLAUSE_BREAK or words[j] in (",", ".") or words[j] in PREPOSITIONS or j in sentence.verb_tokens:
            break
        j -= 1
    if j >= 1 and words[j] in ("'s", "’s") and owner[j - 1] >= 0 and is_noun:
        if role == "protagonist":
            return  # "the company's defenders", "Putin's admirers": who is defended is cast by no label
        if role == "innocent" and words[last - 1].rstrip("s") not in _VICTIMS_OF:
            return  # "John's family", "Ukraine's civilians": kin and people, not the possessor's victims
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
        if (idiom := _asserting_idiom_ending(words, j)) and owner[j - idiom + 1:j + 1].count(-1) == idiom:
            j -= idiom  # "X is nothing short of a hero": the idiom asserts, neither negates nor ends the scan
            continue
        if owner[j] >= 0:
            if copula or (words[j + 1] == "," and steps <= ATTRIBUTE_REACH):
                if copula or _appositive_closed(sentence, last):
                    _cast_attribute(sentence, owner[j], role, weight, first, last, cue, archetype, negated)
            return
        if word in _COPULAS:
            copula = True
        elif word in NEGATORS or word.endswith(("n't", "n’t")):
            negated = True
        elif word == ",":
            if steps > 0 and not copula:
                j -= 1
                steps += 1
                continue
        elif word in CLAUSE_BREAK or word in (".", "by", "of") or j in sentence.verb_tokens or word in SPEECH:
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
            opener = preceding(sentence, first, _NOTHING)
            if opener < 0 or words[opener] in DETERMINERS or words[opener] in CLAUSE_BREAK:
                _cast_attribute(sentence, owner[j + 1], role, weight, first, last, cue, archetype, negated=False)
            return
        if words[j] in CLAUSE_BREAK or words[j] in (".",) or j in sentence.verb_tokens:
            return
        j += 1
        steps += 1


def _asserting_idiom_ending(words: Sequence[str], j: int) -> int:
    """The length of the idiom of ASSERTING_IDIOMS ("nothing short of", "no less than") that ends at
    ``words[j]``, or 0."""
    if words[j] not in _ASSERTING_IDIOM_ENDS:
        return 0
    return next((size for size in range(2, LONGEST_ASSERTING_IDIOM + 1)
                 if j - size + 1 >= 0 and asserting_idiom_length(words, j - size + 1) == size), 0)


_ASSERTING_IDIOM_ENDS = frozenset(idiom[-1] for idiom in ASSERTING_IDIOMS)


def _is_adjective_like(sentence: Sentence, j: int) -> bool:
    """Whether token ``j`` looks like an adjective a label may stand before ("corrupt local officials")."""
    word = sentence.words[j]
    return word.endswith(("ed", "ful", "ous", "ic", "al", "ive", "ist")) and j not in sentence.verb_tokens


def _appositive_closed(sentence: Sentence, last: int) -> bool:
    """Whether the label after "X," is an appositive (closed by a comma or the sentence end)."""
    words = sentence.words
    for j in range(last, min(len(words), last + 8)):
        if words[j] in (",", ".", ";", ":", "—", "–", ")"):
            return True
        if j in sentence.verb_tokens:
            return True
    return last >= len(words)


def _cast_attribute(sentence: Sentence, mention: int, role: Role, weight: float, first: int, last: int,
                    cue: str, archetype: str | None, negated: bool) -> None:
    if sentence.region[first] != sentence.region[sentence.mention_tokens[mention][0]]:
        return
    if negated:
        if role == "antagonist":  # "asylum seekers are not invaders" defends them
            sentence.cast(mention, "innocent", weight * NEGATED_HARM_FACTOR, first, last, f"negated_{cue}",
                          "scapegoat")
        return
    sentence.cast(mention, role, weight, first, last, cue, archetype)


def _frame_cue(sentence: Sentence, hit: Hit) -> None:
    entry = hit.entry
    role = entry.role or "protagonist"
    cue = f"frame:{entry.term}"
    negation, factor = read_negation(sentence, hit.first)
    if negation:
        return
    target = -1
    if entry.applies == "before":
        target = find_subject(sentence, hit.first)
        opener = preceding(sentence, hit.first, _NOTHING)
        if target < 0 and (opener < 0 or sentence.words[opener] in CLAUSE_BREAK):
            found = find_objects(sentence, _skip_comma(sentence, hit.last))  # "To her credit, Marsh ..."
            target = found[0] if found else -1
    else:
        found = find_objects(sentence, hit.last)
        target = found[0] if found else -1
    if target >= 0 and sentence.region[hit.first] == sentence.region[sentence.mention_tokens[target][0]]:
        sentence.cast(target, role, entry.weight * factor, hit.first, hit.last, cue, entry.archetype)


def _skip_comma(sentence: Sentence, j: int) -> int:
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
