"""Actor stage, metonymy: a place name and the words around it -> whether the place names an actor there.

A gazetteer place stands for its government only where it acts, speaks, wants or is judged
(``is_acting_place``): "Moscow agreed", "Washington's credibility", "talks with Beijing" —
not "flew to Moscow", "in Kyiv", "Moscow region" or a dateline. A place the gazetteer lacks
is a party only where it is framed as one (``is_framed_place``) or in a heading
(``is_heading_place``).
"""

from __future__ import annotations

import re

from framing.stages.speakers import SPEECH_VERBS
from framing.text.datelines import dateline_at
from framing.text.wordlists import MONTHS, SEASONS, WEEKDAYS

# Words before a place that make it a location, not an actor ("flew to Moscow").
_SPATIAL = frozenset(
    "in to from at into near outside inside around across via through "
    "within throughout beyond above below opposite".split()
)
# Nouns before a spatial preposition that make the place an actor again ("trust in Washington").
_STANCE_NOUNS = frozenset(
    "trust confidence faith belief distrust mistrust interest hopes hope pressure anger "
    "frustration disappointment message messages signal signals warning warnings ultimatum appeal appeals "
    "demands".split()
)
# Nouns before a spatial preposition that make the place its rulers ("the regime in Kyiv").
_RULER_NOUNS = frozenset(
    "regime government authorities leadership rulers junta administration officials establishment".split()
)
# Nouns before "in" whose place acts through them, even in a list ("officials in London, Paris and Berlin").
_SPEAKING_FOR_PLACES = _STANCE_NOUNS | _RULER_NOUNS
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
    hospital hospitals clinic market markets bazaar neighbourhood neighborhood neighbourhoods
    neighborhoods camp camps port harbour harbor outskirts centre center downtown prison jail
    mosque church cathedral museum park bridge railway
    protest protests protesters riot riots rally rallies march marches flood floods fire fires blast
    bombing bombings shooting earthquake quake heatwave smog
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
# Verbs whose object is someone addressed, pressed or judged ("warned Tehran", "urged Kyiv"): a
# place after one is its rulers.
_ADDRESS_VERBS = frozenset(
    "warn warns warned urge urges urged press presses pressed accuse accuses accused blame blames blamed "
    "condemn condemns condemned criticise criticises criticised criticize criticizes criticized "
    "sanction sanctioned punish punishes punished threaten threatens threatened reassure reassures "
    "reassured persuade persuades persuaded pressure pressures pressured lobby lobbies lobbied "
    "defied defy defies".split()
)
_RELATIONS = frozenset("with between against by on versus vs toward towards".split())
_COORDINATORS = frozenset(("and", "or", "nor", "but", "as", "than"))
_PLACE_NAME_ENDINGS = frozenset(("Square", "Street", "Avenue", "Park", "Airport", "Cathedral", "Bridge",
                                 "Station", "River", "Palace", "Metro", "Oblast", "Region", "University"))
# How far a dateline may run from its place to its dash or colon ("SINGAPORE, June 11 (Reuters) -").
MAX_DATELINE_CHARS = 120


# The patterns the context rules run per place, compiled once.
_WORD_RUNS = re.compile(r"[\w'’-]+")  # words before a place
_HYPHENATED_WORDS = re.compile(r"[\w-]+")  # words after a place's "'s"
_NEXT_WORD = re.compile(r"\s+(?:(\w+ly)\s+)?([\w-]+)")  # the word after a place, past an adverb
_HEADING_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([\w-]+)")
_AND_A_NAME = re.compile(r"\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=\s)")  # "and Tamil Nadu" after a place


# A place listed after other names that follow a spatial preposition: "in Hong Kong, Riyadh and"
# (the place itself comes after the match). Searched in the MAX_LIST_CHARS characters before the place.
_LISTED_AFTER_A_PREPOSITION = re.compile(
    r"(?:\b(?P<noun>[\w'’-]+)\s+)?\b(?P<preposition>[Ii]n|[Aa]t|[Ff]rom|[Aa]cross|[Nn]ear|[Aa]round|[Tt]hroughout)\s+"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+)){1,6}$")
MAX_LIST_CHARS = 120
# A list going on after a place: ", Riyadh and" / " and Manchester" (not "At Jarinje, Pristina is drawing").
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z]")
# The rest of a list after a place, up to the comma that ends an opening adjunct ("…, Riyadh and Manchester,").
_REST_OF_LIST_THEN_COMMA = re.compile(r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})*\s*,")
# Capitalised words of time that open an adjunct, no place: "In January, Moscow and Kyiv agreed".
_TIME_WORDS = frozenset(word.capitalize() for word in MONTHS | WEEKDAYS | SEASONS)


def _in_a_list_of_places(text: str, start: int, end: int, span_start: int) -> bool:
    """Whether a place stands in a list of places after "in", "at", "from" …: after "in" mid-sentence ("shops
    in London, Paris and Berlin closed"), or in an opening adjunct closed by a comma ("In Hong Kong, Riyadh and
    Manchester, remittances fell"; not "In January, Moscow and Kyiv agreed", "At Davos, Beijing and Washington
    traded"); not where officials or leaders are ("officials in London, Paris and Berlin said")."""
    listed = _LISTED_AFTER_A_PREPOSITION.search(text, max(span_start, start - MAX_LIST_CHARS), start)
    if listed is None or not (listed.group().rstrip().endswith(" and") or _LIST_GOES_ON.match(text, end)):
        return False
    if (listed.group("noun") or "").lower() in _SPEAKING_FOR_PLACES:
        return False
    if any(word in _TIME_WORDS for word in _WORD_RUNS.findall(listed.group())):
        return False
    opening = not text[span_start:listed.start("preposition")].strip(" \t\n\"“")
    return not opening or _REST_OF_LIST_THEN_COMMA.match(text, end) is not None


# "Nairobi's central business district": a place noun at most this many words after the "'s".
_MOST_PLACE_NOUN_WORDS = 3


def _place_noun_after_modifiers(following: list[str]) -> bool:
    """Whether a place noun ends the lower-case words after a place's "'s" ("central business district")."""
    for word in following:
        if not word.islower():
            return False
        if word in _PLACE_NOUNS:
            return True
    return False


def _opens_dateline(text: str, start: int) -> bool:
    """Whether a place opening its span opens a dateline ("MOSCOW, Oct 14 -", "Moscow (Reuters) -", "NEW DELHI:")."""
    return dateline_at(text, start, min(len(text), start + MAX_DATELINE_CHARS)) is not None


def is_acting_place(text: str, start: int, end: int, span_start: int) -> bool:
    """Whether a place name at ``start``..``end`` acts, speaks or is judged.

    "Moscow agreed", "Washington's credibility", "talks with Beijing", "pressure on
    Kyiv", "the regime in Kyiv" and "the shelling of Kharkiv" are actors; "flew to Moscow", "in Kyiv", "Moscow-based", "the Budapest summit",
    "Moscow's Red Square" and a dateline are places.
    """
    after = text[end:end + 60]
    before_words = _WORD_RUNS.findall(text[max(span_start, start - 40):start])
    if after.startswith(("'s", "’s")):
        following = _HYPHENATED_WORDS.findall(after[2:60])[:_MOST_PLACE_NOUN_WORDS]
        if following and following[0].lower() in _PLACE_NOUNS:
            return False
        if _place_noun_after_modifiers(following):
            return False  # "Nairobi's central business district": a part of the city
        return not (len(following) == 2 and following[0][:1].isupper() and following[1] in _PLACE_NAME_ENDINGS)
    if after.startswith(("-", "‐")):
        return False  # "Moscow-based": an attribute, not an actor
    if start == span_start and _opens_dateline(text, start):
        return False  # dateline: "KYIV, Oct 14 -" / "Moscow (Reuters) -"
    if _in_a_list_of_places(text, start, end, span_start):
        return False  # "In Hong Kong, Riyadh and Manchester, remittances fell" (not "officials in London, Paris and")
    if before_words:
        previous = before_words[-1].lower()
        if previous in _SPATIAL:
            return len(before_words) > 1 and (before_words[-2].lower() in _STANCE_NOUNS
                                              or before_words[-2].lower() in _RULER_NOUNS)
        if previous == "of" and len(before_words) > 1 and before_words[-2].lower() in _PATIENT_NOUNS:
            return True
        if previous in ("visit", "visited", "visiting", "visits", "left", "leaving", "leave", "reached"):
            return False
        if previous in _ADDRESS_VERBS:  # "Washington warned Tehran", "urged Kyiv to": the place is addressed,
            addressed = _NEXT_WORD.match(after)  # unless it qualifies a noun ("warned Moscow residents")
            if addressed is None or not (addressed.group(2)[:1].isupper() or addressed.group(2).lower() in _PLACE_NOUNS):
                return True
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
    if before_words and before_words[-1].lower() in _ARTICLES:
        # "the Abuja properties": an article before, so the word after is a noun the place qualifies,
        # not a verb it governs ("Moscow says"); only rule makes it act ("the Moscow regime")
        return lowered in _RULER_NOUNS or lowered in _STANCE_NOUNS
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


def is_framed_place(text: str, start: int, end: int, span_start: int) -> bool:
    """Whether a place the gazetteer lacks is framed as a party: owner, patient, subject or object.

    Stricter than ``is_acting_place``: "Europe's factories", "the shelling of Kharkiv",
    "the regime in Kyiv", "attacks on Gaza", "Gaza was bombed", "Kharkiv keeps its lights
    on" and "Russia shelled Kharkiv" count; a place in a list, after "of" ("the ports of
    Odesa"), after a spatial word ("in the Black Sea") or set off by punctuation does not.
    """
    after = text[end:end + 60]
    if after.startswith(("'s", "’s")):
        return is_acting_place(text, start, end, span_start)
    if after.startswith(("-", "‐")) or (start == span_start and _opens_dateline(text, start)):
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
    if previous == "and" and any(word in _SPATIAL for word in words[-4:-2]):
        return False  # "farmers in Punjab and Haryana protested": the second of two places after "in"
    if previous in _RELATIONS or previous in _OBJECT_VERBS:
        return True
    if previous.endswith("ed") and previous not in _MOTION_VERBS and text[start - 1:start] == " ":
        return True
    conjunct = _AND_A_NAME.match(after)
    if conjunct is not None:  # "Punjab and Maharashtra objected": the pair is the subject
        after = after[conjunct.end():]
    next_word = _NEXT_WORD.match(after)
    if next_word is None:
        return False
    word = next_word.group(2)
    if word[:1].isupper() or word.lower() in _PLACE_NOUNS:
        return False
    lowered = word.lower()
    return (lowered in _AUXILIARIES or lowered in _IRREGULAR_PAST or lowered in SPEECH_VERBS or bool(next_word.group(1))
            or (lowered.endswith(("ed", "s")) and not lowered.endswith("ss")))


def is_heading_place(text: str, start: int, end: int, span_start: int) -> bool:
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
