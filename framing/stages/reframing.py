"""Reframing stage: the label an author puts in place of another, found by the shape of the sentence.

Opinion writers of every side rename what they describe with a set figure: a denial, then the
new name ("This is not competition. It is a state-run demolition of other industries";
"They are not invaders. They are families"), or a call to name it ("call it what it is: a
spoilt minority"). The new name is the author's label whatever its words are, so no word list
finds it; the figure does. A hit covers the noun phrase of the new name, up to a punctuation
mark, a clause word or an -ing form, and is reported as a loaded term of category
``reframing`` (source ``rules``).

Wire copy seldom has the figure, and "It was not immediately clear. It is the third attack"
is not one: the denied thing must look like a name (a determiner or a bare noun after "not").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from framing.model import Sentence, TermHit
from framing.stages.loaded_features import vader_lexicon
from framing.stages.loaded_model import word_probabilities

REFRAMING_CATEGORY = "reframing"
# A lexicon entry's default weight: the figure is a loading, as a listed term of middle weight.
REFRAMING_WEIGHT = 1.0
# The longest new name taken, in words ("a state-run demolition of other nations' industries").
MAX_NAME_WORDS = 10

_WORD = r"[^\W\d_][\w'’-]*"
# A denial: "is not", "it's not", "wasn't". "not" is found first (a plain scan), then the verb
# before it: cheaper than one pattern tried at every word. Patterns here start with a literal
# ("n", "all"), which the regex engine scans for fast; the letters before it are checked after.
_NOT = re.compile(r"n(?:ot|['’]t)\s+")
_BE_THEN_SPACE = re.compile(r"(?:(?:^|\W)(?:is|are|was|were)|['’](?:s|re))\s+$")  # "was not", "it's not"
_BE = re.compile(r"(?:^|\W)(?:is|are|was|were)$")  # "wasn't": the verb runs into the n
_SOFTENERS = frozenset("just merely simply really about".split())
_DETERMINERS = frozenset("a an the some any our their his her its your my this that these those".split())
# Words after "not" that start no name: "is not clear", "was not immediately known", "are not to",
# and "not only", which adds rather than denies.
_NOT_A_NAME = frozenset(
    """clear known sure true enough possible likely available able ready new over yet so
    to in on at for from with by as of that than the only also always even ever necessarily
    going expected allowed required permitted alone there here what how why when where who
    afraid aware alive far much many more less too very well indeed still now time being
    done one due set scheduled designed intended meant based open funded run subject responsible
    part""".split())
_RENAMING = re.compile(
    r"[\"“‘']?(?:it|this|that|they|these|those|he|she)(?:\s+(?:is|are|was|were)|['’](?:s|re))\s+(?!not\b)",
    re.IGNORECASE)
# The denied name and "but" with a new one, in one clause: "is not a bug but a business model", "was not
# reform but a retreat" (at most four words denied, so "not a ban on X but a pause" is not taken). The new
# name must carry a charge, as after another's name: "was not a student but a teacher" corrects a fact.
_BUT_A = re.compile(r"(?:[\w'’-]+\s+){1,4}?but\s+(?=(?:a|an)\s)")
# Where a renaming may follow the denial inside one sentence: "is not a war, it is a siege".
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[–—-]+\s+")
_CALL_IT = re.compile(
    r"(?<=[Cc])all(?:s|ed|ing)?\s+(?:it|them|this|that|him|her)\s+(?:for\s+)?what\s+(?:it|they|he|she|this|that)\s+"
    r"(?:really\s+)?(?:is|are|was|were)\s*(?:[:,]|\s[—–-])\s*")
_NAME_WORD = re.compile(r"\s*(" + _WORD + r")")
# Words that end a name: a clause begins ("who", "which", "and then").
_CLAUSE_WORDS = frozenset("who whom whose which that where when while because if and or but as than so yet".split())
# Words after a determiner that count or place rather than name: "not the first time. It is the third".
_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth last next only same latest final".split())
# Words a name does not end on ("the cost of", "the club for"), and after which an -ing word
# is a noun of the name ("the cost of housing"), not the start of a clause.
_FUNCTION_WORDS = frozenset("of for since until in on at to by with from into about the a an its their our his her".split())


# The figures below are rare, so each is looked for only where its first word stands (``_matches``:
# a plain string search, many times faster than a pattern tried at every position).
# Other set denials: "It is nothing of the sort.", "There is no such thing."
_NOTHING_OF = re.compile(r"nothing\s+of\s+the\s+(?:sort|kind)\b|no such thing\b")
_BE_BEFORE = re.compile(r"(?:\b(?:is|are|was|were)|['’]s)\s+$", re.IGNORECASE)
# Another's name for a thing, which the next sentence replaces: "He calls it energy security. It is
# arson with a permit." (not "I call it", the author's own name; not "called it off").
_OTHERS_NAME = re.compile(
    r"(?:call(?:s|ed)?|dub(?:s|bed)?|brand(?:s|ed)?|label(?:s|led|ed)?)\s+(?:it|this|that|them)\s+"
    r"(?!off\b|up\b|out\b|in\b|back\b|for\b|on\b|quits\b|a\s+day\b|(?:the\s+|a\s+|an\s+)?[A-Z])[\w\"“‘']")
# (not "called it a day", nor a proper name: "Locals call it the Bridge of Sighs")
_AUTHOR_BEFORE = re.compile(r"\b(?:I|we|We)\s+$")
# The author's own word set against another's: "The honest word is grabbed", "the real name for it is …".
_HONEST_WORD = re.compile(
    r"(?:honest|real|plain|accurate|better)\s+(?:(?:word|term)(?:\s+for\s+(?:it|this|that|them))?"
    r"|name\s+for\s+(?:it|this|that|them))\s+(?:is|was)\s+")
# ("Her real name is Maria" names a person; "the right word is difficult to find" names nothing)
# "treats journalism as espionage", "treated us like rubbish": the author (or a speaker) names how
# someone is handled. The object is at most five words; after "as" an official class ("treated as
# a crime scene", "as confidential", "as income") is the plain use.
_TREAT = re.compile(r"[Tt]reat(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,5}?(as|like)\s+")


def _matches(text: str, firsts: tuple[str, ...], pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """``pattern``'s matches that start a word where one of ``firsts`` (its possible first letters) stands."""
    found = []
    for first in firsts:
        position = text.find(first)
        while position >= 0:
            if position == 0 or not text[position - 1].isalnum():
                match = pattern.match(text, position)
                if match is not None:
                    found.append(match)
            position = text.find(first, position + 1)
    return sorted(found, key=lambda match: match.start())


# Words that open no new name after "treated like/as": a comparison or a clause ("like any other",
# "like we're in the way").
_NOT_A_TREATMENT = frozenset(
    """any every other others each one such part if though he she it they we you i he's she's it's they're
    we're you're""".split())
# After "as", an official class is the plain use ("treated as a crime scene", "as an outpatient",
# "as income", "treat the deportations as a war crime").
_OFFICIAL_CLASSES = frozenset(
    """crime priority priorities terrorist terrorism hate murder homicide manslaughter missing suspicious
    emergency matter precaution income gift loan outpatient outpatients inpatient inpatients adult adults
    minor minors refugee refugees resident residents employee employees taxable separate equal equals
    confidential urgent normal usual standard routine war vexatious frivolous listed protected sensitive classified
    """.split())


def find_treatments(text: str) -> tuple[TermHit, ...]:
    """Every "treats X as/like Y" figure: from the verb to the end of Y's noun phrase."""
    hits: list[TermHit] = []
    for match in _matches(text, ("treat", "Treat"), _TREAT):
        end = _sentence_end(text, match.end(), match.end() + _NAME_REACH)
        name = _name_at(text, match.end(), end)
        if not name:
            continue
        words = name[0].term.split()
        content = [word for word in words if word not in _DETERMINERS]
        if not content or words[0] in _NOT_A_TREATMENT:
            continue
        if match.group(1).lower() == "as" and (content[0] in _OFFICIAL_CLASSES or not _has_charged_word(
                name[0].text, MIN_TREATMENT_PROBABILITY, MAX_TREATMENT_VALENCE)):
            continue  # "treat Moscow's demands as a starting point": a plain "as"
        hits.append(_hit(text, match.start(), name[0].end))
    return tuple(hits)


# "behaving like an arsonist", "watched like an enemy of the state", "ran the club like a fiefdom": how
# an actor conducts itself or is handled, told through a likeness the author draws. Only after a verb
# of conduct or handling: after other verbs a likeness mostly describes ("tastes like a lemon", "sings
# like an angel", "works like a charm", "was like a father to me"), and "like" may be the verb itself.
_LIKE = re.compile(r"like\s+(?:a|an)\s+")
_CONDUCT_BEFORE_LIKE = re.compile(
    r"(?<![\w'’-])(?:behav(?:e|es|ed|ing)|act(?:s|ed|ing)?|operat(?:e|es|ed|ing)|run(?:s|ning)?|ran|govern(?:s|ed|ing)?|"
    r"rul(?:e|es|ed|ing)|handl(?:e|es|ed|ing)|watch(?:es|ed|ing)?|hunt(?:s|ed|ing)?|polic(?:e|es|ed|ing)|"
    r"talk(?:s|ed|ing)?|lectur(?:e|es|ed|ing)|bark(?:s|ed|ing)?|spen(?:d|ds|t|ding)|manag(?:e|es|ed|ing)|"
    r"herd(?:s|ed|ing)?|dump(?:s|ed|ing)?|discard(?:s|ed|ing)?|lock(?:s|ed|ing)?\s+up)"
    r"(?:\s+(?!like\b)[\w'’-]+){0,3}\s+$", re.IGNORECASE)
# How far back from "like" its verb may stand: the verb and up to three words of its object.
_CONDUCT_REACH = 60
# How far ahead a likeness's noun phrase is looked for (``_name_at`` takes at most MAX_NAME_WORDS words).
_NAME_REACH = 200


def find_likenesses(text: str) -> tuple[TermHit, ...]:
    """Every "<verb of conduct> like a/an X" figure ("behaving like an arsonist"): "like" and X's noun phrase."""
    hits: list[TermHit] = []
    for match in _matches(text, ("like",), _LIKE):
        if not _CONDUCT_BEFORE_LIKE.search(text, max(0, match.start() - _CONDUCT_REACH), match.start()):
            continue
        end = _sentence_end(text, match.end(), match.end() + _NAME_REACH)
        name = _name_at(text, match.start() + len("like "), end)
        if not name:
            continue
        words = name[0].term.split()
        after_article = words[1] if len(words) > 1 else words[0]
        if after_article in _NOT_A_TREATMENT:
            continue  # "like a one-off" is no image
        hits.append(_hit(text, match.start(), name[0].end))
    return tuple(hits)


# Two set figures of commentary, found by their shape: an "as <adjective> as a/an <thing>" simile ("as
# quiet as a museum after closing time"; not a measure: "as much as a third", "as long as a year"),
# and running a public thing "by" a medium ("policy by press release", "management by PowerPoint").
_AS_ADJECTIVE_AS = re.compile(
    r"[Aa]s\s+(?!(?:much|many|early|soon|late|long|far|high|low|little|few|recently|often|well|good|large|big|small|"
    r"quickly|fast|close|near|old|young|short|tall|deep|wide|heavy|slow|strong|bad|important|likely|great|cheap|"
    r"expensive|hard|easy|severe|serious|rapidly)\b)[a-z][\w-]+\s+as\s+(?P<article>a|an)\s+")
_BY_A_MEDIUM = re.compile(
    r"by\s+(?:press\s+release|powerpoint|spreadsheet|focus\s+group|tweet|twitter|headline|slogan|soundbite|photo[- ]op|"
    r"algorithm|whatsapp|press\s+conference|leak|gimmick|stunt|hashtag|opinion\s+poll|anecdote)s?\b", re.IGNORECASE)
_GOVERNING_BEFORE = re.compile(
    r"(?<![\w-])(?:management|policy|policymaking|government|governance|politics|diplomacy|leadership|justice|"
    r"planning|regulation|statecraft|policing|campaigning|journalism)\s+$", re.IGNORECASE)


# A quality lent by a likeness: "with all the charm of a tax return", "handles fish with the tenderness of
# a man defusing a bomb" (not "at the speed of a": as often a plain measure, "a bullet train"). Only
# qualities of manner or character, which nothing but a likeness has "of a" ("the size of a football
# pitch", "the cost of a ticket", "the help of a lawyer" measure or name: no quality of these).
_QUALITIES = (
    "charm|subtlety|grace|warmth|tenderness|finesse|delicacy|elegance|enthusiasm|urgency|sincerity|conviction|"
    "humility|imagination|intimacy|menace|excitement|personality|glamour|spontaneity|nuance|precision|"
    "sophistication|originality|tact|patience|dignity|swagger|charisma|gravitas|self-awareness|"
    "bedside manner|manners|attention span|backbone|spine|courage|cunning|ruthlessness|arrogance|vanity|"
    "moral authority|credibility|coherence|transparency|accountability|agility|appetite|instincts|stamina|"
    "ferocity|eloquence|flair|panache|candour|candor|honesty|integrity|wit|sparkle|zeal|fervour|fervor")
# Each is looked for back from its " of a" (a plain string search; "with" and "has" stand far too often
# to try a pattern at each): the words before it must end in a quality.
_QUALITY_BEFORE = re.compile(
    r"(?<![\w'’-])(?:with|has|had|have|having|shows?|showed|brings?|brought)\s+(?:(?:all|none|nothing|about|roughly|"
    r"twice|half|much|most)\s+)?(?:of\s+)?the\s+(?:(?:emotional|political|moral|sheer|quiet|cold|brute|calm|dead|raw)\s+)?"
    r"(?:" + _QUALITIES + r")$", re.IGNORECASE)
# The last word of each quality: the one word looked at before the patterns are tried.
_QUALITY_LAST_WORDS = frozenset(quality.rsplit(" ", 1)[-1] for quality in _QUALITIES.split("|"))
_OF_A = re.compile(r"\s+of\s+(?P<article>a|an)\s+")
# The longest stretch before " of a" that a quality's words take ("having none of the emotional bedside manner").
_QUALITY_REACH = 90
# A contrast that renames: "less a price than a dare", "not so much a reform as a retreat", "more a
# wake than a celebration", "not a film so much as a toy advert". The figure runs from its first word to the end of the new name.
_LESS_A_THAN = re.compile(
    r"(?:(?:less|more|not\s+so\s+much|not\s+as\s+much)\s+(?:a|an)\s+(?:[\w'’-]+\s+){1,4}?(?:than|as)"
    r"|not\s+(?:a|an)\s+(?:[\w'’-]+\s+){1,4}?so\s+much\s+as)\s+(?P<article>a|an)\s+", re.IGNORECASE)
# Counts and quantities after the article are measures, not likenesses ("at the pace of a dozen a day").
_NOT_A_LIKENESS = frozenset(
    """few little lot couple dozen hundred thousand million billion third quarter half fraction number handful
    percentage share day week month year minute hour second""".split())


def find_set_figures(text: str) -> tuple[TermHit, ...]:
    """Every set figure of commentary, from its first word to the end of its likeness or new name:
    an "as <adjective> as a/an X" simile, a quality lent by a likeness ("with all the charm of a tax
    return"), a renaming contrast ("less a price than a dare") and a "<policy> by <medium>" figure."""
    hits: list[TermHit] = []
    figures: list[tuple[int, int]] = [  # (where the figure starts, where its likeness's article stands)
        (match.start(), match.start("article")) for pattern, firsts in (
            (_AS_ADJECTIVE_AS, ("as", "As")),
            (_LESS_A_THAN, ("less a", "Less a", "more a", "More a", "not so much", "Not so much", "not as much", "not a", "Not a")))
        for match in _matches(text, firsts, pattern)]
    position = text.find(" of a")
    while position >= 0:
        of_a = _OF_A.match(text, position)
        if of_a is not None and text[max(0, position - 20):position].rpartition(" ")[2].lower() in _QUALITY_LAST_WORDS:
            before = _QUALITY_BEFORE.search(text, max(0, position - _QUALITY_REACH), position)
            if before is not None:
                figures.append((before.start(), of_a.start("article")))
        position = text.find(" of a", position + 1)
    for start, article in sorted(figures):  # ("less a" also finds "less an": each figure once)
        name = _name_at(text, article, _sentence_end(text, article, article + _NAME_REACH))
        if not name:
            continue
        words = name[0].term.split()
        counted = {word.lower() for word in text[start:article].split()} | {words[-1], *words[1:2]}
        if not counted & _NOT_A_LIKENESS:  # a count on either side is a measure ("less a third than a quarter")
            hits.append(_hit(text, start, name[0].end))
    for match in _matches(text, ("by",), _BY_A_MEDIUM):
        governing = _GOVERNING_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if governing is not None:
            hits.append(_hit(text, governing.start(), match.end()))
    return tuple(sorted(hits, key=lambda hit: hit.start))


# Labels coined for the occasion by a productive pattern: "<modifier> brigade" for a crowd of opponents,
# where the modifier mocks ("the banner brigade", "the hand-wringing brigade", "the anti-car brigade"; an
# army's, a police force's or a fire service's units have plain modifiers: "the fire brigade", "a motor
# rifle brigade", "the drugs brigade", "an anti-aircraft brigade"), and a hyphenated agent noun that
# mocks what its holders do ("placard-wavers", "tree-huggers", "pearl-clutchers"; its -ing form is as
# often a plain description, "knife-waving", "figure-hugging", and the lexicon lists the mocking ones).
LABEL_CATEGORY = "pejorative_label"
_BRIGADE = re.compile(r"brigades?\b")
_BRIGADE_MODIFIER = re.compile(r"(?<![\w'’-])((?:[a-z][\w'’]*-)*[a-z][\w'’]*)\s+$")
# Modifiers that mock on their own; any other needs a hyphen or an -ing form.
_MOCKING_MODIFIERS = frozenset(
    """banner placard sandal tinfoil hashtag keyboard selfie lycra latte snowflake nanny sanctimony outrage
    grievance guilt doom gloom""".split())
# The -ing forms and hyphenated heads that name a unit or its task ("a training brigade", "an anti-tank brigade").
_UNIT_WORDS = frozenset(
    """training fighting landing engineering marching rescue signal signals aircraft tank tanks terror terrorism
    riot narcotics drug drugs crime gang missile drone drones armour armor mine mines""".split())
_MOCKING_TAIL = re.compile(
    r"-(?:wavers?|huggers?|botherers?|pushers?|peddlers?|grubbers?|lickers?|clutchers?|bashers?|thumpers?|"
    r"wringers?)(?![\w'’-])")
# The words before such a tail, in lower case: "pearl", "hand", "placard" (a capital opens a name or a sentence).
_COMPOUND_HEAD = re.compile(r"(?<![\w'’-])[a-z]+(?:-[a-z]+)*$")
_COMPOUND_REACH = 40
# Heads that make such a noun a plain one: crime ("drug-pushers", "knife-wavers") and a hobby.
_PLAIN_HEADS = frozenset("drug drugs knife gun machete weapon storm".split())


# A "<cause>washing" word: a cause worn to clean a reputation ("pinkwashing", "artwashing", "AI-washing"),
# coined on the pattern of "whitewashing" and "greenwashing". Only the causes listed: any other head is as
# often what is washed ("dishwashing", "stonewashing", "foot-washing", "boot-washing").
WASHING_CATEGORY = "discrediting"
_WORD_GOES_ON = re.compile(r"[\w'’-]")
_WASHING_HEAD = re.compile(r"(?<![\w'’-])([A-Za-z]{2,})-?$")
_CAUSES_WORN = frozenset(
    """pink art green rainbow blue sport sports ai woke purpose care diversity ethics ethical nature climate carbon
    wellness femin social""".split())


def _mocks(modifier: str) -> bool:
    """Whether a brigade's modifier mocks: a listed word, or a hyphenated or -ing word that names no unit."""
    parts = modifier.lower().split("-")
    if parts[-1] in _UNIT_WORDS or (len(parts) > 1 and parts[0] == "anti" and parts[1] in _UNIT_WORDS):
        return False
    return modifier.lower() in _MOCKING_MODIFIERS or len(parts) > 1 or parts[-1].endswith("ing")


def find_coined_labels(text: str) -> tuple[TermHit, ...]:
    """Every label coined by a productive pattern: a mocking "<modifier> brigade", a mocking hyphenated agent
    noun and a "<cause>washing" word."""
    hits: list[TermHit] = []
    for match in _matches(text, ("brigade",), _BRIGADE):
        modifier = _BRIGADE_MODIFIER.search(text, max(0, match.start() - 40), match.start())
        if modifier is not None and _mocks(modifier.group(1)):
            hits.append(_hit(text, modifier.start(1), match.end(), category=LABEL_CATEGORY, valence=-2.0))
    for tail in _MOCKING_TAIL.finditer(text):  # (a scan for "-" first: a pattern tried at every word is slow)
        head = _COMPOUND_HEAD.search(text, max(0, tail.start() - _COMPOUND_REACH), tail.start())
        if head is not None and head.group().split("-")[0] not in _PLAIN_HEADS:
            hits.append(_hit(text, head.start(), tail.end(), category=LABEL_CATEGORY, valence=-2.0))
    position = text.find("washing")  # "pinkwashing", "AI-washing", "art-washing": inside a word, so a plain search
    while position >= 0:
        end = position + len("washing")
        if _WORD_GOES_ON.match(text, end) is None:
            head = _WASHING_HEAD.search(text, max(0, position - _COMPOUND_REACH), position)
            if head is not None and head.group(1).lower() in _CAUSES_WORN:
                hits.append(_hit(text, head.start(1), end, category=WASHING_CATEGORY, valence=-1.5))
        position = text.find("washing", end)
    return tuple(sorted(hits, key=lambda hit: hit.start))


# A name after "treated as" is a figure only when one of its words carries some charge: the scorer's
# probability at least this (a third of its threshold), or a negative VADER valence ("a cost to be cut").
MIN_TREATMENT_PROBABILITY = 0.05
MAX_TREATMENT_VALENCE = -0.1  # (any negative word: VADER's valences come in steps of 0.1)


def _has_charged_word(name: str, min_probability: float, max_valence: float) -> bool:
    """Whether a word of ``name`` scores at least ``min_probability`` or has a VADER valence of at most ``max_valence``."""
    valences = vader_lexicon()
    return any(probability is not None and (probability >= min_probability or valences.get(word.lower(), 0.0) <= max_valence)
               for word, probability in word_probabilities(name))


# The mock "as if" after what others do: 'ministers urge restraint on both sides, as if the kindergarten
# had fired first'. Not after verbs of seeming ("it looked as if", "felt as though": a plain simile).
_AS_IF = re.compile(r"as (?:if|though)\s+")
_SEEMING_BEFORE = re.compile(
    r"\b(?:look|looks|looked|looking|seem|seems|seemed|feel|feels|felt|feeling|sound|sounds|sounded|appear|appears|"
    r"appeared|is|was|were|are|be|it's|almost|just|not)\s*,?\s*$", re.IGNORECASE)
IRONY_CATEGORY = "discrediting"
IRONY_VALENCE = -1.5
# The longest clause taken after "as if", in words.
MAX_AS_IF_WORDS = 12


def find_ironic_as_if(text: str) -> tuple[TermHit, ...]:
    """Every mock "as if" clause: from "as if" to the end of its clause (at most MAX_AS_IF_WORDS words)."""
    hits: list[TermHit] = []
    for match in _matches(text, ("as if", "as though"), _AS_IF):
        if _SEEMING_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue
        end = _CLAUSE_END.search(text, match.end())
        stop = end.start() if end is not None else len(text)
        words = _words(text, match.end(), stop, MAX_AS_IF_WORDS + 1)
        if not words or len(words) > MAX_AS_IF_WORDS:
            continue
        hits.append(_hit(text, match.start(), words[-1].end(1), category=IRONY_CATEGORY, valence=IRONY_VALENCE))
    return tuple(hits)


_CLAUSE_END = re.compile(r"[.!?;:,\n\u2014\u2013()\"“”]")
# A word of a renaming after another's name must be this sure to count: the scorer's own threshold
# for a seed (plain explanation, "It is a rotating thunderstorm", scores below it), or this negative in VADER.
MIN_RENAMING_PROBABILITY = 0.2
MAX_RENAMING_VALENCE = -1.0


_SENTENCE_END = re.compile(r"[.!?;:\n]")


def _sentence_end(text: str, start: int, limit: int | None = None) -> int:
    """Where the sentence going on at ``start`` ends, looked for up to ``limit`` (the text's end when None)."""
    limit = len(text) if limit is None else min(limit, len(text))
    found = _SENTENCE_END.search(text, start, limit)
    return limit if found is None else found.start()


def find_reframings(text: str, sentences: Sequence[Sentence]) -> tuple[TermHit, ...]:
    """Every new name an author gives after a denial, another's name or a call to name a thing, in text order."""
    calls = [match.end() for match in _CALL_IT.finditer(text) if match.start() < 2 or not text[match.start() - 2].isalpha()]
    denials = [match.end() for match in _NOT.finditer(text) if _is_denial(text, match) and _names_a_thing(text, match.end())]
    denials += [match.end() for match in _matches(text, ("nothing", "no such"), _NOTHING_OF)
                if match.group().startswith("no such") or _BE_BEFORE.search(text, max(0, match.start() - 8), match.start())]
    others = [match.end() for match in _matches(text, ("call", "dub", "brand", "label"), _OTHERS_NAME)
              if not _AUTHOR_BEFORE.search(text, max(0, match.start() - 4), match.start())]
    honest = _matches(text, ("honest", "real", "plain", "accurate", "better"), _HONEST_WORD)
    treatments = [*find_treatments(text), *find_ironic_as_if(text), *find_likenesses(text), *find_set_figures(text),
                  *find_coined_labels(text)]
    if not calls and not denials and not others and not honest:
        return tuple(treatments)  # most texts: a few scans in C, nothing more
    ordered = sorted(sentences, key=lambda sentence: sentence.start)
    starts = [sentence.start for sentence in ordered]

    def sentence_of(offset: int) -> int | None:
        index = bisect_right(starts, offset) - 1
        return index if index >= 0 and offset <= ordered[index].end else None

    hits: list[TermHit] = []
    for offset in calls:
        index = sentence_of(offset)
        if index is not None:
            hits.extend(_name_at(text, offset, ordered[index].end))
    for match in honest:  # the honest word may be a verb: "The honest word is grabbed."
        index = sentence_of(match.end())
        if index is not None:
            hits.extend(_name_at(text, match.end(), ordered[index].end) or _word_at(text, match.end(), ordered[index].end))
    for offset in denials:
        index = sentence_of(offset)
        if index is not None:
            hits.extend(_renamed(text, offset, ordered, index))
    for offset in others:  # after another's name only a name a listed or scored word charges ("It is a ransom";
        index = sentence_of(offset)  # not "It is a rotating thunderstorm" after "Scientists call it a supercell")
        if index is not None:
            hits.extend(hit for hit in _renamed(text, offset, ordered, index) if _has_charged_word(hit.text, MIN_RENAMING_PROBABILITY, MAX_RENAMING_VALENCE))
    hits.extend(treatments)
    unique = {hit.start: hit for hit in hits}  # two denials before one renaming name it once
    return tuple(sorted(unique.values(), key=lambda hit: hit.start))


def _renamed(text: str, denial: int, sentences: Sequence[Sentence], index: int) -> list[TermHit]:
    """The new name after a denial: after "but" ("is not a bug but a business model"), later in its
    sentence ("…, it is …"), or opening the next one."""
    end = sentences[index].end
    but = _BUT_A.match(text, denial, end)
    if but is not None:  # (a plain correction names nothing charged: "not a student but a teacher")
        return [hit for hit in _name_at(text, but.end(), end)
                if _has_charged_word(hit.text, MIN_RENAMING_PROBABILITY, MAX_RENAMING_VALENCE)]
    for clause_break in _CLAUSE_BREAK.finditer(text, denial, end):
        renaming = _RENAMING.match(text, clause_break.end(), end)
        if renaming is not None:
            return _name_at(text, renaming.end(), end)
    if index + 1 < len(sentences):
        following = sentences[index + 1]
        if "\n" not in text[end:following.start]:  # the same paragraph
            renaming = _RENAMING.match(text, following.start, following.end)
            if renaming is not None:
                return _name_at(text, renaming.end(), following.end)
    return []


def _is_denial(text: str, negation: re.Match[str]) -> bool:
    """Whether "not" (or "n't") follows a form of "be": "was not", "it's not", "isn't"."""
    start = negation.start()
    verb = _BE_THEN_SPACE if negation.group().startswith("not") else _BE
    return verb.search(text[max(0, start - 7):start].lower()) is not None


def _names_a_thing(text: str, offset: int) -> bool:
    """Whether the words after a denial name a thing ("is not competition", "are not invaders")."""
    words = [match.group(1).lower() for match in _words(text, offset, len(text), 3)]
    while words and words[0] in _SOFTENERS:
        words.pop(0)
    if words[:2] == ["one", "of"]:
        return True  # "is not one of them": a membership denied
    if len(words) > 1 and words[0] in _DETERMINERS and words[1] in _ORDINALS:
        return False  # "is not the first time"
    return bool(words) and (words[0] in _DETERMINERS or _looks_like_a_noun(words[0]))


def _looks_like_a_noun(word: str) -> bool:
    return word not in _NOT_A_NAME and not word.endswith(("ly", "ed", "ing"))


def _words(text: str, start: int, end: int, most: int) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    position = start
    while len(found) < most:
        match = _NAME_WORD.match(text, position, end)
        if match is None:
            break
        found.append(match)
        position = match.end()
    return found


def _word_at(text: str, start: int, end: int) -> list[TermHit]:
    """The one word at ``start`` as a new name (a verb or adjective after "the honest word is")."""
    found = _words(text, start, end, 1)
    return [_hit(text, found[0].start(1), found[0].end(1))] if found else []


def _hit(text: str, first: int, last: int, *, category: str = REFRAMING_CATEGORY, valence: float = 0.0) -> TermHit:
    phrase = text[first:last]
    return TermHit(first, last, phrase, term=" ".join(phrase.lower().split()), category=category,
                   weight=REFRAMING_WEIGHT, valence=valence, lexicon="rules", source="rules")


def _name_at(text: str, start: int, end: int) -> list[TermHit]:
    """The noun phrase that starts at ``start``: words up to punctuation, a clause word or an -ing form."""
    taken: list[re.Match[str]] = []
    for match in _words(text, start, end, MAX_NAME_WORDS):
        word = match.group(1).lower()
        after_function_word = not taken or taken[-1].group(1).lower() in _FUNCTION_WORDS
        if word in _CLAUSE_WORDS or (not after_function_word and word.endswith("ing") and len(word) > 5):
            break
        taken.append(match)
    while taken and taken[0].group(1).lower() in _SOFTENERS:
        taken.pop(0)  # "It is about war": the name is "war"
    while taken and taken[-1].group(1).lower() in _FUNCTION_WORDS:
        taken.pop()  # "a country of 140 million": the name is "a country"
    if all(match.group(1).lower() in _DETERMINERS for match in taken):
        return []  # nothing named ("It is a", cut short)
    head = taken[0].group(1).lower()
    if head not in _DETERMINERS and not _looks_like_a_noun(head) and "-" not in head:
        return []  # "It was backed up by", "It is indeed shocking": no new name ("hostage-taking" is one)
    content = next((match.group(1) for match in taken if match.group(1).lower() not in _DETERMINERS), "")
    if content[:1].isupper() or content.lower() in _ORDINALS:
        return []  # "It is Acme Corp.", "It is the third": a name or a count, not a label
    return [_hit(text, taken[0].start(1), taken[-1].end(1))]
