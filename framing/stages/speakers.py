"""Attribution stage, speakers: a clause around a speech verb or quotation -> the phrase that speaks.

Names, pronouns, role and source nouns ("the spokesman", "Israeli officials", "people familiar
with the talks"), found before a speech verb, after a quotation ("…," said the minister) or after
"according to". Speakers are kept as written; the report stage resolves them to actors.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from framing.model import TextSpan
from framing.stages.recogniser import given_names
from framing.text.wordlists import common_words, is_everyday_word

# Verbs that introduce speech or a stated view, in the forms news writing uses.
SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds stated states declared declares announced announces
    claimed claims argued argues insisted insists warned warns noted notes stressed stresses
    emphasized emphasised emphasizes emphasises asserted asserts maintained maintains
    contended contends suggested suggests concluded concludes believes believed wrote writes
    explained explains acknowledged acknowledges admitted admits conceded concedes alleged
    alleges replied replies responded responds countered counters recalled recalls observed
    observes remarked remarks reiterated reiterates predicted predicts complained complains
    boasted boasts vowed vows promised promises pledged pledges demanded demands urged urges
    denied denies confirmed confirms described describes portrayed portrays characterized
    characterizes characterised characterises tweeted posted thinks thought fears feared
    hopes hoped expects expected charged charges accused accuses revealed reveals
    indicated indicates signaled signalled signals cautioned cautions agreed agrees
    slammed slams blasted blasts gloated gloats bragged brags crowed scoffed scoffs sneered sneers
    mocked mocks quipped quips retorted retorts snapped fumed fumes ranted rants raged rages
    whined whines moaned moans grumbled grumbles griped lamented laments bemoaned bemoans
    lambasted lambastes derided derides decried decries denounced denounces scolded chided
    argue insist warn assure assures assured tell claim contend suggest conclude believe explain
    acknowledge admit concede allege reply observe reiterate predict complain boast deny confirm
    describe portray think expect accuse reveal indicate agree write reported reports
    chanted chant chants shouted shouts yelled screamed whispered muttered joked jokes pleaded begged
    asked asks ask testified testifies recounted recounts disclosed discloses disclose
    ruled rules reminded reminds remind
    underlined underlines underscored underscores hinted hints informed informs
    """.split()
)
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|al|bin|de|del|der|van|von|la|le)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_TOKEN}){{0,4}}"
# Nouns that can speak: roles and sources ("the spokesman said", "according to reports").
SPEAKER_NOUNS = frozenset(
    """
    analyst analysts expert experts professor minister ministers ministry spokesman spokeswoman
    spokesperson spokespeople envoy ambassador official officials diplomat diplomats commentator
    columnist journalist reporter author writer economist economists historian researcher
    researchers scholar lawyer lawyers attorney general commander senator president leader leaders
    chairman chairwoman chair director chief founder activist activists resident residents member
    members candidate adviser advisers advisor advisors aide aides secretary governor mayor judge
    negotiator negotiators lawmaker lawmakers legislator deputy critic critics observer observers
    source sources report reports statement study survey poll polls document documents government
    authorities police military army prosecutor prosecutors investigators witnesses witness
    delegation delegations agency committee court council campaign party group organisation
    organization company firm officer officers scientist scientists doctor doctors owner owners
    executive executives editor editors spokesmen insiders supporters opponents voters people
    groups campaigners protesters forecasters meteorologists
    """.split()
)
# Bodies and groups that speak in news ("the commission said", "Union bosses claim …"): speakers for
# this stage, but no role word before a person's name as SPEAKER_NOUNS are for the actors stage.
_SPEAKING_BODIES = frozenset(
    """
    commission commissioner department office institute association federation coalition alliance body
    union unions charity charities board bank regulator regulators watchdog tribunal panel inquiry
    parliament congress senate cabinet administration secretariat bureau spokesperson
    families parents teachers nurses workers farmers villagers locals citizens survivors victims
    refugees migrants investors traders employers bosses companies firms fans students academics
    pundits commentators columnists journalists reporters bloggers clerics bishops priests
    democrats republicans conservatives liberals progressives socialists nationalists separatists
    rebels militants insurgents fighters soldiers troops organisers organizers opposition unionists
    ministries agencies authors
    defenders proponents advocates backers detractors sceptics skeptics champions headline headlines
    """.split()
)
# Every noun that can head a speaker phrase in this stage.
ANY_SPEAKER_NOUN = SPEAKER_NOUNS | _SPEAKING_BODIES
# Speaker nouns for people who speak for the body or person named before them ("Kremlin officials",
# "Israel's ambassador", "the union's leaders"), unlike "Kremlin critics" or "Trump supporters".
MEMBER_SPEAKERS = frozenset(
    """
    minister ministers ministry spokesman spokeswoman spokesperson spokespeople spokesmen envoy ambassador
    official officials diplomat diplomats leader leaders chairman chairwoman chair director chief founder
    member members adviser advisers advisor advisors aide aides secretary governor mayor negotiator
    negotiators lawmaker lawmakers legislator legislators deputy delegation delegations government
    authorities police military army prosecutor prosecutors investigators officer officers executive
    executives editor editors commander president senator statement document documents report reports
    agency agencies office mission
    """.split()
)
# Plural speakers that news names without a determiner ("Israeli officials said", "Human rights groups
# called it …"), with up to three modifiers before them: any word but one of _NOT_MODIFIERS, a group
# speaker itself ("Police detained 40 protesters") or an adverb in -ly.
_GROUP_SPEAKERS = tuple(
    """
    analysts experts ministers officials diplomats economists researchers lawyers leaders activists
    residents members advisers advisors aides negotiators lawmakers legislators critics observers sources
    authorities prosecutors investigators witnesses officers scientists doctors executives insiders
    supporters opponents campaigners protesters groups spokesmen spokespeople police unions charities
    regulators families parents teachers nurses workers farmers villagers locals citizens survivors
    victims refugees migrants investors traders employers bosses companies firms fans students academics
    pundits commentators columnists journalists reporters bloggers clerics bishops priests rebels
    militants insurgents fighters soldiers troops organisers organizers unionists ministries agencies
    defenders proponents advocates backers detractors sceptics skeptics champions
    """.split()
)
_NOT_MODIFIERS = tuple(
    """
    of to for with by near who that which and or but the a an on at in from about against than as
    said says told tells is are was were be been has have had will would could should may might must
    also not no its his her their our my your this these those some many most all both several other
    such when while after before since during if then there here it he she they we i
    however meanwhile now still later earlier afterwards overnight last next week month year reportedly
    separately similarly additionally finally currently previously instead nevertheless
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    """.split()
)


def _any_word(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` (each use puts ``\\b`` after it), the words grouped by
    their first letter: at each position the engine tries one letter's words, not all of them."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for word in sorted(set(words)):
        by_letter[word[0]].append(re.escape(word[1:]))
    return "(?:" + "|".join(re.escape(letter) + "(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
                            for letter, rests in sorted(by_letter.items())) + ")"


_GROUP_SPEAKER_NP = (
    r"(?:(?!(?i:" + _any_word(_NOT_MODIFIERS + _GROUP_SPEAKERS) + r")\b)(?![a-z][\w'’-]*ly\b)[\w'’-]+\s+){0,3}?"
    + _any_word(_GROUP_SPEAKERS) + r"\b"
)
# A name's spokesman, body or critics ("Israel's ambassador", "India's election commission",
# "Netanyahu's critics"; whether they speak for the name is the actors stage's question).
_POSSESSIVE_SPEAKER_NP = (
    rf"{_NAME}['’]s?\s+(?:[a-z][\w'’-]*\s+){{0,2}}?" + _any_word(ANY_SPEAKER_NOUN) + r"\b"
)
_SPEAKER_NP = (
    rf"(?<![\w'’.-])(?:{_GROUP_SPEAKER_NP}|{_POSSESSIVE_SPEAKER_NP}|{_NAME}|(?:he|she|they|we|i|He|She|They|We|I)\b|"
    r"(?:the|a|an|one|another|his|her|their|its|our|"
    r"The|A|An|One|Another|His|Her|Their|Its|Our)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
)
POSSESSIVE_DETERMINERS = frozenset("his her their its our my your the a an this that these those".split())
WORD = re.compile(r"[\w'’-]+")
# Most words in a direct quotation's attribution clause before the speech verb.
MAX_ATTRIBUTION_WORDS = 12
# How far before a speech verb the speaker is looked for (keeps long sentences linear).
MAX_CLAUSE_CHARS = 200
# An appositive that says what the name before it is ("a Vienna-based NGO", "an advocacy group").
_DESCRIBED = re.compile(r"(?:a|an)\s")
# The last phrase set off by commas before a speech verb ("Ilves, an analyst at X, said").
_APPOSITIVE = re.compile(r",\s*(?P<inner>[^,\s][^,]{0,79}?)\s*,$")
# How far from the clause's end the appositive is looked for: two commas, a phrase of at most 80
# characters and a little white space around it (a longer run of spaces finds no appositive).
MAX_APPOSITIVE_CHARS = 84
# Longer than any preposition: the word before a phrase is read from this many characters.
MAX_WORD_CHARS = 24
PREPOSITIONS = frozenset("in at from of for with by on into onto about over under near across via to".split())
# "according to X", and its literary kin "in the words of X".
ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Ii]n the words of)\s+(?P<who>\S)")
# The patterns below are compiled once here rather than formatted and looked up per call.
# (The verb after the speaker is one of SPEECH_VERBS, so the speaker phrase grows until one follows:
# '"…," a council spokesman said', not "a council" and "spokesman".)
_SPEECH_VERB_GROUP = r"(?:\w+ly\s+)?(?:(?:likes|liked|loves|loved|used|tends|tended)\s+to\s+)?(?P<verb2>" + "|".join(
    sorted(SPEECH_VERBS, key=len, reverse=True)) + r")"
# (A habit before the verb keeps the speaker: '"…," he likes to say'.)
_VERB_FIRST = rf"(?P<verb1>[a-z]+)\s+(?P<who1>{_SPEAKER_NP})"
_SPEAKER_FIRST = rf"(?P<who2>{_SPEAKER_NP})\s+" + _SPEECH_VERB_GROUP
_SPEAKER_AFTER = re.compile(rf"\s*[,.!?]?\s*(?:{_VERB_FIRST}|{_SPEAKER_FIRST})\b")
# The second order alone: the speaker, then the verb ('"…," the members say').
_SPEAKER_THEN_VERB = re.compile(rf"\s*[,.!?]?\s*{_SPEAKER_FIRST}\b")
# '"…," chief executive Hugo Lindqvist said': a role in lower case (after the body's name, if any: "Unite general
# secretary Sharon Graham said", "SKM leader Jagjit Singh Dallewal said"), the name, then the verb (only after a
# quotation that closes a statement with a comma, "!" or "?": 'the "peace plan" collapsed when minister X said no').
_ROLE_NAME_BEFORE_VERB = re.compile(
    rf"\s*[,.!?]?\s*(?P<body>(?:[A-Z][\w'’&.-]*\s+){{0,3}}?)(?P<words>(?:[a-z][\w'’-]*\s+){{0,3}}?)(?P<role>[a-z]+)\s+(?P<name>{_NAME})\s+"
    + _SPEECH_VERB_GROUP + r"\b"
)
# One capitalised word, no pronoun or determiner: after a statement's quotation, a name even when it is also an
# everyday word ('"…," Bell said', '"…," said Brown').
_ONE_NAME = re.compile(r"(?!(?:The|A|An|It|This|That|These|Those|There|Here|He|She|They|We|I|You|Who|What)\b)[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?")
# After a body's name that follows the verb, its role and a person's name ('said Portside United chairman Derek Malone').
_ROLE_AND_NAME = re.compile(rf"\s+(?P<words>(?:[a-z][\w'’-]*\s+){{0,2}}?)(?P<role>[a-z][a-z-]*)\s+(?P<name>{_NAME})")
# '"…," Maria Lopez, the finance minister, said': a name, a phrase set off by commas, then the verb
# (only after a quotation that closes a statement).
_APPOSED_SPEAKER_AFTER = re.compile(
    rf"\s*,?\s*(?P<name>{_NAME}),\s*[^,\s\"“”][^,\"“”]{{0,79}}?,\s*" + _SPEECH_VERB_GROUP + r"\b")
_SPEAKER_PHRASE = re.compile(_SPEAKER_NP)
# Verbs before "to" that carry the subject of a labelling or speech verb: "Progressives like to call", "have
# taken to calling", "Climate sceptics used to claim", "Chen Xiaoli was right to call".
TO_LEAD = re.compile(
    r"(?:\s+(?:like|likes|liked|love|loves|loved|prefer|prefers|preferred|have\s+taken|has\s+taken|voted|chose|choose"
    r"|chooses|tend|tends|started|begin|began|continue|continues|went\s+on|used"
    r"|(?:is|was|are|were)\s+(?:right|wrong|quick|correct|careful|keen|eager)))\s+to\s*$",
    re.I,
)
# A capitalised adjective or body's name, a lower-case role and a person's name opening a sentence
# ("Indigenous leader Sônia Guajajara", "Official representative Maria Zakharova").
_ADJECTIVE_ROLE_NAME = re.compile(
    rf"[\W_]*[A-Z][\w'’-]*\s+(?:[a-z][\w'’-]*\s+){{0,2}}?(?P<role>[a-z]+)\s+(?P<name>[A-Z][\w'’.-]*\s+{_NAME})")
# A sentence's opening subject: a name's or body's speaker, a group speaker, or a capitalised name.
_OPENING_SUBJECT = re.compile(rf"[\W_]*({_POSSESSIVE_SPEAKER_NP}|{_GROUP_SPEAKER_NP}|{_NAME})\b")
# A name in apposition right after a subject ("Kenya's opposition leader, Joseph Mwangi, …").
_APPOSED_NAME = re.compile(rf"(?:\s+[a-z][\w'’-]*){{0,2}},\s+({_NAME}),")
# Most words of a subject opened by a determiner ("The electoral commission").
MAX_SUBJECT_WORDS = 6
# '"…," said union leader Frank Dolan': a role in lower case, then the name (the speaker).
_TITLED_SPEAKER_AFTER = re.compile(
    rf"\s*[,.!?]?\s*(?P<verb>[a-z]+)\s+(?P<words>(?:[a-z][\w'’-]*\s+){{0,3}}?)(?P<role>[a-z][a-z-]*)\s+(?P<name>{_NAME})")
# Words that end a role before a name: '"…," said critics of party leader Frank Dolan' is the critics'.
_NOT_IN_A_ROLE = frozenset("of to for with by near close who that which and or but the a an on at in from about "
                           "against than as through inside outside across behind beyond during after before into "
                           "toward towards via like past around along under over among amid".split())
_LOOSE_WORD = re.compile(r"[\w'’-]+")
_NAME_AT_END = re.compile(rf"({_NAME})\s*$")
# A body's acronym in brackets after its name ("the Competition and Markets Authority (CMA)"), and at a phrase's end.
_BRACKETED_ACRONYM = r"\s+\([A-Z][A-Za-z]{1,7}\)"
_ACRONYM_AT_END = re.compile(_BRACKETED_ACRONYM + r"\s*$")
# A name right before "of (the)" that ends a search window ("Alan Marsh of| Northshire Police").
_NAME_BEFORE_OF = re.compile(rf"(?<![\w'’-])({_NAME})\s+of\s+(?:the\s+)?\Z")
_WHOLE_NAME = re.compile(_NAME)
_SPEAKER_AT_END = re.compile(rf"({_SPEAKER_NP})\s*(?:\w+ly\s+)?$")
# More words than a match of the two patterns above can span (at most seven).
END_PHRASE_WORDS = 10
_PLAIN_WORD = re.compile(r"[\w'’]+")
_POSSESSIVE_END = re.compile(r"['’]s$")
# Words that may open a speaker phrase before its noun ("two people familiar with the talks").
QUANTIFIERS = frozenset("the a an some two three four several many most".split())
# A speaker noun and its complement, up to the verb ("Critics of military aid", "people familiar with the talks").
_COMPLEMENTED_SPEAKER = re.compile(
    r"(?<![\w'’-])((?:(?i:" + "|".join(sorted(QUANTIFIERS)) + r")\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+(?:of|at|in|from|for|with|on|behind|inside|across|familiar\s+with"
    r"|close\s+to|briefed\s+on)\s+(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s*$"
)
_IT_AT_END = re.compile(r"(?<![\w'’-])([Ii]t)\s*$")
_WHAT_IT = re.compile(r"\bwhat\s+it\s*$", re.I)  # "what it says about …" is no statement
# How far back such a phrase is looked for (eleven words of ordinary length).
MAX_COMPLEMENT_CHARS = 90
# ... except after the plain verbs of saying, where such a word opens an adjunct ("said on Friday: …").
SAYING_VERBS = frozenset("say says said saying tell tells told write writes wrote add adds added state states stated".split())
_PRONOUNS = frozenset("he she they we i it".split())
_WH_WORDS = frozenset("What Which Whatever Whichever How Why When Where".split())
# Words that pick a speaker out of a group named before: "one of them", "another of them".
_PARTITIVES = frozenset(("one", "another"))
# The author's own voice: "I think …", "…, we believe.", "we call it …" are no one else's words.
AUTHOR_PRONOUNS = frozenset("i we us me".split())
# Determiners that open a role speaker after a quotation ('"…," said a retired machinist').
_ROLE_DETERMINERS = frozenset("the a an one another".split())
# One or some of the people named before, as a speaker ('"…," said one of them').
_PARTITIVE_SPEAKER = re.compile(
    r"(?i:one|another|each|some|many|most|several|two|three|four|five|none)\s+of\s+(?:them|us|those|these)\b")
# A verb coordinated with the one before it shares its subject: "X welcomed the arrest but said …".
# Auxiliaries and adverbs between a subject and its verb of saying ("has repeatedly", "will also",
# "had long"), and how far back from the verb they are looked for.
_AUXILIARIES_AT_END = re.compile(
    rf"(?:{_BRACKETED_ACRONYM}|"  # or a body's acronym in brackets: "the Competition and Markets Authority (CMA) said"
    r"\s+(?:has|have|had|will|would|could|should|may|might|must|can|did|does|do|also|again|already|long|"
    r"once|since|later|earlier|then|now|previously|subsequently|separately|recently|today|yesterday|[a-z]+ly))+\s*$")  # (not "not" or "never": a denied saying reports no words)
MAX_AUXILIARY_CHARS = 60
_ENDS_IN_CONJUNCTION = re.compile(r"\s(?:and|but)\s*$")
_THAT = re.compile(r"\bthat\b", re.I)
# A role speaker's head: a lower-case word, perhaps hyphenated or with digits ("paratrooper", "15-year-old").
_ROLE_HEAD = re.compile(r"[a-z0-9][a-z0-9-]*[a-z]")
# Heads of a determiner phrase that are no one: times and amounts ('"…," said a week later'), and
# auxiliaries and negators ("the candidate is told by one voter": a passive, whose speaker comes after "by";
# "the ministry has not said": no words reported).
_NOT_ROLE_HEADS = frozenset(
    """
    day days week weeks month months year years time times moment hour hours minute minutes while
    later earlier ago before after again lot bit number percent
    is are was were be been being has have had will would could should may might must can do does did not never
    """.split()
)
_DETERMINERS = POSSESSIVE_DETERMINERS | frozenset("some many several both all".split())
# The next word of a role phrase, after one space ("the prime| minister").
_ROLE_WORD_AFTER = re.compile(r" ([a-z0-9][\w'’-]*)")
# Most words of a role speaker, and how far past the matched phrase its words are looked for.
MAX_ROLE_WORDS = 6
MAX_ROLE_CHARS = 80


def speaker_after(text: str, end: int, after: str) -> TextSpan | None:
    """`"…," she said` or `"…," said the minister`.

    After a quotation that closes a statement (a comma, "!" or "?" inside it, or a comma after
    it) the frame itself says who speaks, so any role does: '"…," said co-author Ingrid Vos',
    '"…," the former paratrooper said' (``_role_speaker``); elsewhere the speaker needs a
    speaker noun or a name ('the "peace plan" collapsed when the talks said …' names no one).
    """
    closes_statement = text[end - 2:end - 1] in (",", "!", "?") or after.lstrip()[:1] == ","
    found = _SPEAKER_AFTER.match(after)
    if found and found.group("verb1") and found.group("verb1").lower() not in SPEECH_VERBS:
        found = _SPEAKER_THEN_VERB.match(after)  # '"…," the members say': "the" is no verb; the other order
    groups = found.groupdict() if found else {}
    for verb, who in (("verb1", "who1"), ("verb2", "who2")):
        if found and groups.get(verb) and groups[verb].lower() in SPEECH_VERBS and groups.get(who):
            start, stop = end + found.start(who), end + found.end(who)
            if verb == "verb1" and found.group(who).split()[0] in _ROLE_DETERMINERS:
                stop = _role_end(text, start, stop)  # (the phrase's pattern stops early: "the deputy| prime minister")
            elif verb == "verb1" and (named := _ROLE_AND_NAME.match(text, stop)) is not None \
                    and (named.group("role") in SPEAKER_NOUNS or (closes_statement and _may_be_role(named.group("role")))) \
                    and _NOT_IN_A_ROLE.isdisjoint(named.group("words").split()):
                # '"…," said Portside United chairman Derek Malone': the body names the role, the name the speaker
                return clean_speaker(text, named.start("name"), named.end("name"))
            speaker = clean_speaker(text, start, stop)
            if speaker is None and closes_statement and _ONE_NAME.fullmatch(found.group(who)):
                return TextSpan(start, stop, text[start:stop])  # '"…," Bell said': a surname that is also a word
            return speaker if speaker is not None or not closes_statement else _role_speaker(text, start, stop)
    titled = _TITLED_SPEAKER_AFTER.match(after)
    if (titled and titled.group("verb") in SPEECH_VERBS
            and (titled.group("role") in SPEAKER_NOUNS or (closes_statement and _may_be_role(titled.group("role"))))
            and _NOT_IN_A_ROLE.isdisjoint(titled.group("words").split())
            and not any(word.endswith("ing") for word in titled.group("words").split())):
        return clean_speaker(text, end + titled.start("name"), end + titled.end("name"))
    titled = _ROLE_NAME_BEFORE_VERB.match(after) if closes_statement else None
    if (titled and (titled.group("role") in SPEAKER_NOUNS or _may_be_role(titled.group("role")))
            and _NOT_IN_A_ROLE.isdisjoint(titled.group("words").split())):
        return clean_speaker(text, end + titled.start("name"), end + titled.end("name"))
    apposed = _APPOSED_SPEAKER_AFTER.match(after) if closes_statement else None
    if apposed:
        return clean_speaker(text, end + apposed.start("name"), end + apposed.end("name"))
    return None


def _may_be_role(word: str) -> bool:
    """Whether a lower-case word before a name may end its role ("co-author Ingrid Vos"): no
    function word or preposition, no participle ("crowds marching through Minneapolis")."""
    return word not in _NOT_IN_A_ROLE and not word.endswith("ing")


def _role_speaker(text: str, start: int, end: int) -> TextSpan | None:
    """A determiner phrase ending in a plain noun as the speaker right after a statement's quotation
    ("the former paratrooper", "a retired machinist", "one 15-year-old"), not a time ("a week
    later") or a pronoun."""
    partitive = _PARTITIVE_SPEAKER.match(text, start)
    if partitive is not None:  # "one of them", "several of those" (the phrase ends past ``end``)
        return TextSpan(start, partitive.end(), partitive.group())
    end = _trimmed_end(text, start, end)
    words = text[start:end].split()
    if len(words) < 2 or words[0].lower() not in _ROLE_DETERMINERS:
        return None
    head = words[-1]
    if not _ROLE_HEAD.fullmatch(head) or head in _PRONOUNS or head in _NOT_ROLE_HEADS \
            or not _NOT_IN_A_ROLE.isdisjoint(word.lower() for word in words[1:]):
        return None  # (a phrase with a function word is no role: "the arrest but")
    return TextSpan(start, end, text[start:end])


def _role_end(text: str, start: int, end: int) -> int:
    """Where a role phrase starting at ``start`` ends: past ``end`` over the lower-case words that
    go on with it ("the prime" is "the prime minister"), up to punctuation, a capitalised word or a
    function word ("a retired machinist from Ohio" is "a retired machinist"), within MAX_ROLE_WORDS."""
    reach = _trimmed_end(text, start, end)
    if reach < end:
        return reach  # the phrase ends in punctuation: it is whole
    count = len(text[start:reach].split())
    for word in _ROLE_WORD_AFTER.finditer(text, reach, min(len(text), reach + MAX_ROLE_CHARS)):
        following = word.group(1)
        if count >= MAX_ROLE_WORDS or word.start() != reach or following[:1].isupper() \
                or following in _NOT_IN_A_ROLE or following in _NOT_ROLE_HEADS or following in SPEECH_VERBS:
            break
        reach = word.end()
        count += 1
    return reach


# The words after "according to" up to the comma that ends them, or the sentence's end: at most six.
_UP_TO_A_COMMA = re.compile(
    r"((?:the\s+|The\s+)?[\w'’&-]+(?:\.[\w'’&-]+)*\.?(?:\s+[\w'’&-]+(?:\.[\w'’&-]+)*\.?){0,5}?)\s*(?:,|[;!?]?\s*$)")


def according_speaker(text: str, offset: int, rest: str) -> TextSpan | None:
    """The source after "according to": a name, a pronoun, or a source noun ("senior officials"); the whole
    phrase up to its comma when it is one ("the Russian Defence Ministry", "the UN refugee agency")."""
    whole = _UP_TO_A_COMMA.match(rest)
    if whole is not None and is_speaker_like(whole.group(1)):
        speaker = clean_speaker(text, offset, offset + whole.end(1))
        if speaker is not None:
            return speaker
    found = _SPEAKER_PHRASE.match(rest)
    if found and is_speaker_like(found.group()):
        return clean_speaker(text, offset, offset + found.end())
    words = list(_LOOSE_WORD.finditer(rest[:60]))[:3]
    for position, word in enumerate(words):
        if word.group().lower() in ANY_SPEAKER_NOUN:
            if position + 1 < len(words) and rest[word.end():words[position + 1].start()].isspace() \
                    and words[position + 1].group().islower():
                return None  # "according to official figures": an adjective, the source a thing
            return clean_speaker(text, offset, offset + word.end())
    return None


def speaker_before(text: str, offset: int, before: str) -> TextSpan | None:
    """`He said: "…"`, `Ilves, an analyst, told reporters, "…"`, `according to X, "…"`."""
    if len(before) > MAX_CLAUSE_CHARS:
        offset, before = offset + len(before) - MAX_CLAUSE_CHARS, before[-MAX_CLAUSE_CHARS:]
    stripped = before.rstrip(" ,:–—-")
    words = list(WORD.finditer(stripped))
    if not words:
        return None
    according = None
    for according in ACCORDING.finditer(stripped):  # noqa: B007 - the last match is the one wanted
        pass
    if according is not None:
        return according_speaker(text, offset + according.start("who"), stripped[according.start("who"):])
    for position in range(len(words) - 1, max(-1, len(words) - 1 - MAX_ATTRIBUTION_WORDS), -1):
        if words[position].group().lower() in SPEECH_VERBS:
            return subject_before(text, offset, stripped[:words[position].start()])
    return None


def subject_before(text: str, offset: int, clause: str) -> TextSpan | None:
    """The speaker ending a clause: "Marta Ilves, an analyst at X," -> "Marta Ilves".

    A clause ending in an appositive set off by commas names its speaker on either side:
    "Ilves, union leader," and "The union's leader, Denise Okafor," — the name before the
    appositive, else an appositive that is a name, else the phrase before it ("the spokesman, 45,").
    """
    if len(clause) > MAX_CLAUSE_CHARS:
        offset, clause = offset + len(clause) - MAX_CLAUSE_CHARS, clause[-MAX_CLAUSE_CHARS:]
    clause = clause.rstrip()
    if not clause.endswith(","):
        return _speaker_at_end(text, offset, clause)
    appositive = _APPOSITIVE.search(clause, max(0, len(clause) - MAX_APPOSITIVE_CHARS))
    if appositive is None or not clause[:appositive.start()].strip():
        return None
    head = clause[:appositive.start()]
    acronym = _ACRONYM_AT_END.search(head)
    if acronym is not None:  # "The National Jury of Elections (JNE), which rules on challenges,"
        head = head[:acronym.start()]
    name = _search_at_end(_NAME_AT_END, head)
    inner = appositive.group("inner")
    if name and not _after_preposition(head, name.start(1)):
        found = clean_speaker(text, offset + name.start(1), offset + name.end(1))
        if found is None and _DESCRIBED.match(inner) and not _POSSESSIVE_END.search(name.group(1)):
            # "Harbor Watch, a Vienna-based NGO,": everyday words, but the appositive says what they name
            return TextSpan(offset + name.start(1), offset + name.end(1), name.group(1))
        return found
    if _WHOLE_NAME.fullmatch(inner):  # "The union's leader, Denise Okafor,"
        inner_start = appositive.start("inner")
        return clean_speaker(text, offset + inner_start, offset + inner_start + len(inner))
    return _speaker_at_end(text, offset, head)


def ends_in_description(clause: str) -> bool:
    """Whether a clause ends in an appositive that says what the name before it is (", a Vienna-based NGO,")."""
    clause = clause.rstrip()
    appositive = _APPOSITIVE.search(clause, max(0, len(clause) - MAX_APPOSITIVE_CHARS)) if clause.endswith(",") else None
    return appositive is not None and _DESCRIBED.match(appositive.group("inner")) is not None


def _speaker_at_end(text: str, offset: int, clause: str) -> TextSpan | None:
    """The speaker phrase that ends ``clause`` (no comma after it), unless a preposition governs it.

    After "of", the name before it speaks ("Superintendent Alan Marsh of Northshire Police" is Alan Marsh's
    words): the phrase after "of" is the name's complement, not a speaker governed by a preposition.
    """
    found = _search_at_end(_SPEAKER_AT_END, clause)
    if not found:
        return None
    if _after_preposition(clause, found.start(1)):
        owner = _NAME_BEFORE_OF.search(clause, max(0, found.start(1) - MAX_COMPLEMENT_CHARS), found.start(1))
        if owner is None or " " not in owner.group(1) or _after_preposition(clause, owner.start(1)):
            return None  # "brokers in London said": London is not the speaker; "Critics of the subsidy" keep theirs
        return clean_speaker(text, offset + owner.start(1), offset + owner.end(1))
    return clean_speaker(text, offset + found.start(1), offset + found.end(1))


def _after_preposition(clause: str, start: int) -> bool:
    """Whether the word before ``start`` is a preposition ("in London", "On Monday")."""
    preceding = _PLAIN_WORD.findall(clause[max(0, start - MAX_WORD_CHARS):start])
    return bool(preceding) and preceding[-1].lower() in PREPOSITIONS


def _search_at_end(pattern: re.Pattern[str], clause: str) -> re.Match[str] | None:
    """``pattern.search(clause)`` for ``_NAME_AT_END`` or ``_SPEAKER_AT_END``, tried only from
    where the clause's last END_PHRASE_WORDS words start.

    Their matches end at the clause's end and span fewer words (a name of five, or an article,
    five words and an adverb), so no match starts earlier: the search finds the same leftmost
    match without trying every position of a long clause.
    """
    head = clause.rsplit(maxsplit=END_PHRASE_WORDS)
    return pattern.search(clause, len(head[0]) if len(head) > END_PHRASE_WORDS else 0)


def clean_speaker(text: str, start: int, end: int) -> TextSpan | None:
    """Trim a speaker phrase; None when it cannot speak (a possessive, a title, a thing)."""
    end = _trimmed_end(text, start, end)
    words = text[start:end].split()
    if not words or _POSSESSIVE_END.search(words[-1]) or not is_speaker_like(text[start:end]) or words[0] in _WH_WORDS:
        return None  # (and "What Russia asked in return was modest": a question word opens no speaker)
    if words[0] in ("The", "A", "An") and len(words) > 1 and words[1][:1].isupper():
        start += len(words[0]) + 1  # "The Kremlin spokesman" keeps its name part
    return TextSpan(start, end, text[start:end])


def _trimmed_end(text: str, start: int, end: int) -> int:
    """The end of a speaker phrase ``text[start:end]`` without the punctuation after it ("the minister.")."""
    while end > start and text[end - 1] in ".,;:’'":
        end -= 1
    return end


def is_speaker_like(candidate: str) -> bool:
    """Whether a noun phrase can be a speaker: a pronoun, a name, or a role or source noun.

    A capitalised phrase made only of everyday words ("The Deal That Never Was") is a
    title, not a name.
    """
    words = candidate.split()
    if not words:
        return False
    head = words[-1].lower().strip(".,'’")
    if len(words) == 1 and head in _PRONOUNS - {"it"}:
        return True
    if len(words) == 3 and words[1] == "of" and words[0].lower() in _PARTITIVES and head in ("them", "us"):
        return True  # "one of them said" (one of the speakers named before)
    if head in ANY_SPEAKER_NOUN:
        return True
    if not words[-1][:1].isupper():
        return False
    if len(words) > 1 and words[0].lower() in given_names() and all(word[:1].isupper() for word in words):
        return True  # "Wes Streeting": a given name opens a name whatever its other words look like
    if len(words) == 1 and _looks_like_an_ing_surname(words[0]):
        return True  # "Harding said"
    return not all(is_everyday_word(word.strip(",")) for word in words)


def _looks_like_an_ing_surname(word: str) -> bool:
    """A capitalised word that is everyday only as a noun plus "-ing" ("Harding", "Streeting", "Golding"),
    not a listed word ("Building", "Morning")."""
    return word[:1].isupper() and word.endswith("ing") and word.lower() not in common_words()


def speaker_ending(text: str, offset: int, clause: str, verb: str = "", *, opens_sentence: bool = False
                   ) -> TextSpan | None:
    """The speaker that ends ``clause`` (which starts at ``offset``) right before a verb: the subject
    ``subject_before`` finds when it can speak, else a speaker noun with a complement
    (``speaker_with_complement``; ``verb`` is the verb after it), else, before a plain verb of
    saying (SAYING_VERBS), a determiner phrase of any role ("One medic said", "a shopkeeper told"),
    else, after "and" or "but" in a clause that ``opens_sentence`` and holds no "that", the subject
    of the clause's first verb ("Rights groups welcomed the arrest but said …"; not "The court
    heard that the teenager stole a car and told friends …")."""
    auxiliaries = _AUXILIARIES_AT_END.search(clause[-MAX_AUXILIARY_CHARS:])
    if auxiliaries is not None:  # "The Kremlin has repeatedly| warned": the subject is before them
        clause = clause[:len(clause) - len(auxiliaries.group())]
    subject = subject_before(text, offset, clause)
    if subject is not None and (is_speaker_like(subject.text) or ends_in_description(clause)):
        return subject
    found = speaker_with_complement(text, offset, clause, verb)
    if found is None and verb in SAYING_VERBS:  # "One medic, a former dentist, said …": any role says
        found = _role_subject(text, offset, clause)
    if found is None and opens_sentence and _ENDS_IN_CONJUNCTION.search(clause) and not _THAT.search(clause):
        found = sentence_subject(text, offset, offset + len(clause))  # "Rights groups welcomed the arrest but said …"
    return found


def _role_subject(text: str, offset: int, clause: str) -> TextSpan | None:
    """A role speaker (``_role_speaker``) ending ``clause`` right before a verb of saying, past an
    appositive set off by commas ("One medic, a former dentist who goes by Doc,")."""
    clause = clause.rstrip()
    if clause.endswith(","):
        appositive = _APPOSITIVE.search(clause, max(0, len(clause) - MAX_APPOSITIVE_CHARS))
        if appositive is None:
            return None
        clause = clause[:appositive.start()]
        complemented = speaker_with_complement(text, offset, clause, "said")  # (any verb of saying: no "it said")
        if complemented is not None:  # "A member of the authority, who asked not to be named,"
            return complemented
    found = _search_at_end(_SPEAKER_AT_END, clause)
    if found is None or _after_preposition(clause, found.start(1)):
        return None
    return _role_speaker(text, offset + found.start(1), offset + found.end(1))


def speaker_with_complement(text: str, offset: int, clause: str, verb: str) -> TextSpan | None:
    """A speaker phrase that ``subject_before`` does not take, ending ``clause`` right before the verb.

    A speaker noun with a complement ("Critics of military aid say", "Scientists at the research
    station reported", "people familiar with the talks said"), or "it" before a plain verb of
    saying ("In a statement, it said": an organisation named before).
    """
    tail = clause[-MAX_COMPLEMENT_CHARS:]
    start = len(clause) - len(tail)
    found = _IT_AT_END.search(tail) if verb in SAYING_VERBS and not _WHAT_IT.search(tail) else None
    if found is not None:
        return TextSpan(offset + start + found.start(1), offset + start + found.end(1), found.group(1))
    found = _COMPLEMENTED_SPEAKER.search(tail)
    if found is None or found.group("noun").lower() not in ANY_SPEAKER_NOUN:
        return None
    return TextSpan(offset + start + found.start(1), offset + start + found.end(1), found.group(1))


def noun_phrase_before(text: str, offset: int, head: str) -> TextSpan | None:
    """A subject that is no speaker noun but a determiner phrase ("the tabloids"), as a labeller."""
    found = _search_at_end(_SPEAKER_AT_END, head.rstrip())
    if found is None or _after_preposition(head, found.start(1)):
        return None
    words = found.group(1).split()
    if len(words) < 2 or words[0].lower() not in _DETERMINERS or not words[-1].isalpha() or words[-1].lower() in _PRONOUNS:
        return None
    return TextSpan(offset + found.start(1), offset + found.end(1), found.group(1))


def sentence_subject(text: str, start: int, end: int) -> TextSpan | None:
    """The speaker-like subject that opens ``text[start:end]``, or None.

    A name's or body's speaker ("Nigeria's central bank"), a group ("Immigrant advocates"), a name
    ("Former President Gregory Hale"), or a determiner phrase up to its first speaker noun ("The
    electoral commission"); a name in apposition after the subject is preferred ("Kenya's opposition
    leader, Joseph Mwangi,"). An opening adjunct ("In Washington, …") is passed over.
    """
    opener = _LOOSE_WORD.search(text, start, min(end, start + MAX_WORD_CHARS))
    if opener is not None and opener.group().lower() in PREPOSITIONS:  # "In Washington, lawmakers …"
        comma = text.find(",", opener.end(), min(end, start + MAX_CLAUSE_CHARS))
        if comma < 0:
            return None
        start = comma + 1
    role_and_name = _ADJECTIVE_ROLE_NAME.match(text, start, end)
    if role_and_name is not None and role_and_name.group("role") in ANY_SPEAKER_NOUN:
        # "Indigenous leader Sônia Guajajara put it bluntly:": the name, not the capitalised adjective
        return clean_speaker(text, role_and_name.start("name"), role_and_name.end("name"))
    found = _OPENING_SUBJECT.match(text, start, end)
    subject = None
    if found is not None and is_speaker_like(found.group(1)):
        subject = clean_speaker(text, found.start(1), found.end(1))
    if subject is None:
        words = list(_LOOSE_WORD.finditer(text, start, min(end, start + MAX_CLAUSE_CHARS)))[:MAX_SUBJECT_WORDS]
        if not words or words[0].group().lower() not in ("the", "a", "an", "its", "his", "her", "their"):
            return None
        for last in range(1, len(words)):
            if text[words[last - 1].end():words[last].start()].strip():
                return None  # punctuation inside: no noun phrase
            if words[last].group().lower() in ANY_SPEAKER_NOUN:
                subject = clean_speaker(text, words[0].start(), words[last].end())
                break
    if subject is None:
        return None
    apposed = _APPOSED_NAME.match(text, subject.end, end)
    if apposed is not None and is_speaker_like(apposed.group(1)):
        return clean_speaker(text, apposed.start(1), apposed.end(1)) or subject
    return subject
