"""Attribution stage: sentences -> direct quotations, reported speech and scare quotes.

* Direct quotation: text in quotation marks with a speaker ("…," she said / He said: "…"),
  or any quotation of five words or more.
* Reported speech: "X said (that) …", "X insisted …", "according to X, …", and a list
  introduced by "X portrays Y as:" — the rest of the sentence (or the list) is X's.
  A label someone else gives is reported too: "X called Y Z", "X denounced Y as Z" (Y and Z
  are X's), "Y was branded Z by X" (Z is X's; with no "by", an unnamed speaker's).
* A quotation with no speaker that is a whole sentence right after a quoted speaker's
  continues that speaker ('"…," said Thapa. "We are tired."').
* Scare quote: a short quoted phrase (at most four words) with no speaker, in lower
  case or after "so-called" — the author's ironic distance (photo-op "truces").

Speakers are kept as written ("Lavrov", "he", "the spokesman"); the report stage
resolves them to actors.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from framing.model import Quote, Sentence, TextSpan
from framing.text.matching import SubstringSet
from framing.text.valence import vader_tables
from framing.text.wordlists import is_everyday_word

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
    """.split()
)
# Verbs (beyond SPEECH_VERBS) after which a short quotation is a fragment of someone's words
# ("citing "financial risk"", "threatened "all necessary measures"", "talked about "trimming waste"").
# Forms that are as often nouns ("peace talks", "the quotes") are left out.
FRAGMENT_VERBS = SPEECH_VERBS | frozenset(
    """
    citing cited cites cite quoting quoted threatened threatens threatening talked talking
    speaks spoke speaking saying describing claiming insisting arguing warning
    vowing pledging promising urging demanding denying accusing announcing declaring stating
    """.split()
)
# Marks that close a clause: a speech verb before one does not introduce a quotation after it.
_CLAUSE_MARKS = (",", ";", ":", "—", "–", "(", ")")
_OPEN_CLOSE = {"“": "”", "\"": "\"", "«": "»", "„": "“", "‘": "’", "»": "«", "「": "」"}
_CLOSERS = frozenset(_OPEN_CLOSE.values())
_OPENER = re.compile("[" + re.escape("".join(_OPEN_CLOSE)) + "]")
# After a labelling verb, up to the quotation: its object, at most three words, and "as (a|the)".
_UP_TO_THE_QUOTATION = r"(?:\s+[\w'’.-]+){0,3}?\s+(?:as\s+(?:an?\s+|the\s+)?)?$"
# "X called it 'a reform'", "X attacked them as 'radical socialists'": a short quotation right
# after a labelling verb is the subject's label, not the author's scare quote.
_LABELLING = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|"
    r"describ(?:e|es|ed|ing)|derid(?:e|es|ed|ing)|attack(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|"
    r"hail(?:s|ed|ing)?|prais(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?)"
    + _UP_TO_THE_QUOTATION,
    re.I,
)
# The labelling verbs that name (not "describe", "hail", "praise"), "call" not as in "called for" or
# "called on", right before a quotation: what makes it a quoted label (``is_label``).
_NAMING = re.compile(
    r"\b(?:call(?:s|ed|ing)?(?!\s+(?:on|for|upon|off|in|back|out|up)\b)|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|"
    r"label(?:s|led|ed|ling|ing)?|derid(?:e|es|ed|ing)|attack(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|"
    r"decr(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?)"
    + _UP_TO_THE_QUOTATION,
    re.I,
)
# Only a conjunction or a comma between two quotations: they share their speaker.
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|,)?\s*")
# ("would-be" only with its hyphen: "would be" is a verb, as in 'said the savings would be "substantial"')
_SO_CALLED = re.compile(r"\b(?:so[- ]called|supposed|alleged|self[- ]styled|self[- ]proclaimed|would-be)\s*$", re.I)
# Words right before a short unattributed quotation by which the author holds it at a distance:
# negation ('the children were not "evacuated"') and phrases that make the words someone else's
# name for a thing ('what some call "restraint"', 'their idea of "reform"', 'under the
# banner of "security"'). Without such a cue, or "so-called", a short quotation in news is as
# often a fragment of a source's words whose speaker stands further off.
_DISTANCING_BEFORE = re.compile(
    r"(?:\b(?:not|never|hardly|far from|no longer|no)(?:\s+(?:been|be|a|an|the|any|really|exactly|quite))*"
    r"|\bwhat (?:[\w'’-]+ ){1,4}?(?:likes? to |liked to )?(?:call|calls|called|term|terms|termed|dub|dubs|dubbed)"
    r"|\b(?:their|his|her|its|our|your|[\w-]+['’]s?) (?:idea|version|notion|brand) of"
    r"|\bwhat passes for|\bin the name of|\bunder the (?:banner|guise|pretext) of)\s*$",
    re.I,
)
# Words right after it that comment on the quoted words ('"concern", a word that has lost its
# meaning'; '"hospitality", as they call it'; '"reform" (read: cuts)').
_DISTANCING_AFTER = re.compile(
    r"[^\w\s]{0,3}\s*(?:[,—–(-]\s*)?(?:a word|a phrase|a euphemism|as (?:they|he|she|it|officials|some) "
    r"(?:call|calls|put|puts) it|as if|as though|whatever that means|read:)",
    re.I,
)
# Characters before a quotation searched for a _DISTANCING_BEFORE cue: room for "what", four words of
# up to twelve letters and "like to call" (a longer cue is missed, never searched for without end).
MAX_DISTANCING_CHARS = 80
# No phrase of _SO_CALLED is longer ("self-proclaimed" has 15 characters).
MAX_SO_CALLED_CHARS = 15
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
    groups campaigners protesters
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
    """.split()
)
# Every noun that can head a speaker phrase in this stage.
_ANY_SPEAKER_NOUN = SPEAKER_NOUNS | _SPEAKING_BODIES
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
    rf"{_NAME}['’]s?\s+(?:[a-z][\w'’-]*\s+){{0,2}}?" + _any_word(_ANY_SPEAKER_NOUN) + r"\b"
)
_SPEAKER_NP = (
    rf"(?<![\w'’.-])(?:{_GROUP_SPEAKER_NP}|{_POSSESSIVE_SPEAKER_NP}|{_NAME}|(?:he|she|they|we|i|He|She|They|We|I)\b|"
    r"(?:the|a|an|one|another|his|her|their|"
    r"The|A|An|One|Another|His|Her|Their)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
)
_POSSESSIVE_DETERMINERS = frozenset("his her their its our my your the a an this that these those".split())
_WORD_RE = re.compile(r"[\w'’-]+")
# Most words in a direct quotation's attribution clause before the speech verb.
MAX_ATTRIBUTION_WORDS = 12
MAX_SCARE_QUOTE_WORDS = 4
# A labelling verb ("called it", "branded them as") stands within this many characters of its quotation.
MAX_LABELLING_CHARS = 80
# How far before a speech verb the speaker is looked for (keeps long sentences linear).
MAX_CLAUSE_CHARS = 200
MIN_UNATTRIBUTED_QUOTE_WORDS = 5
# A speech verb at most this many words before a short quotation makes it the speaker's fragment
# ('said in a statement that it was "cooperating fully"'); further back it belongs to another clause.
MAX_FRAGMENT_WORDS = 8
# The last phrase set off by commas before a speech verb ("Ilves, an analyst at X, said").
_APPOSITIVE = re.compile(r",\s*(?P<inner>[^,\s][^,]{0,79}?)\s*,$")
# How far from the clause's end the appositive is looked for: two commas, a phrase of at most 80
# characters and a little white space around it (a longer run of spaces finds no appositive).
MAX_APPOSITIVE_CHARS = 84
# Longer than any preposition: the word before a phrase is read from this many characters.
MAX_WORD_CHARS = 24
_PREPOSITIONS = frozenset("in at from of for with by on into onto about over under near across via to".split())
# Verbs whose object comes first ("told reporters that …"): without "that" no speech follows.
_OBJECT_VERBS = frozenset(
    """
    tell warn accuse urge ask claim write complain deny describe portray reveal confirm predict expect agree
    announce announces announced
    admit acknowledge concede reply observe reiterate boast indicate assure assures assured reported reports
    explain conclude
    told tells asked asks urged urges warned warns accused accuses charged charges
    slammed slams blasted blasts mocked mocks lambasted lambastes derided derides decried decries
    denounced denounces scolded chided bemoaned bemoans lamented laments
    """.split()
)
MIN_REPORTED_WORDS = 4
# Forms of SPEECH_VERBS that are as often plural nouns ("compensation claims", "pay demands").
_PLURAL_NOUN_FORMS = frozenset(
    """
    claim claims states notes stresses counters recalls remarks replies boasts vows promises pledges demands
    urges fears hopes charges signals cautions slams blasts sneers quips retorts fumes rants rages moans
    grumbles laments
    """.split()
)
# A word after such a form that shows the noun: a preposition that takes a noun's complement ("claims
# from victims", "demands for pay"; not "in" or "on": "claims in a lawsuit that …" is the verb), or an
# auxiliary, modal or verb of change whose subject the noun is ("claims will be processed", "fears grew").
_NOUN_AFTER = re.compile(
    r"\s+(?:from|of|for|against|about|over|by|among|between|"
    r"will|would|can|could|may|might|must|should|shall|are|were|have|had|do|did|remain|remained|"
    r"rose|fell|grew|mounted|soared|surged|eased|faded|piled)\b",
    re.I,
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<who>\S)")
# The patterns below are compiled once here rather than formatted and looked up per call.
# (The verb after the speaker is one of SPEECH_VERBS, so the speaker phrase grows until one follows:
# '"…," a council spokesman said', not "a council" and "spokesman".)
_SPEAKER_AFTER = re.compile(
    rf"\s*[,.!?]?\s*(?:(?P<verb1>[a-z]+)\s+(?P<who1>{_SPEAKER_NP})|(?P<who2>{_SPEAKER_NP})\s+"
    r"(?:\w+ly\s+)?(?P<verb2>" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"))\b"
)
_SPEAKER_PHRASE = re.compile(_SPEAKER_NP)
# '"…," said union leader Frank Dolan': a role in lower case, then the name (the speaker).
_TITLED_SPEAKER_AFTER = re.compile(
    rf"\s*[,.!?]?\s*(?P<verb>[a-z]+)\s+(?P<words>(?:[a-z][\w'’-]*\s+){{0,3}}?)(?P<role>[a-z]+)\s+(?P<name>{_NAME})")
# Words that end a role before a name: '"…," said critics of party leader Frank Dolan' is the critics'.
_NOT_IN_A_ROLE = frozenset("of to for with by near close who that which and or but the a an on at in from about "
                           "against than as".split())
_LOOSE_WORD = re.compile(r"[\w'’-]+")
_NAME_AT_END = re.compile(rf"({_NAME})\s*$")
_WHOLE_NAME = re.compile(_NAME)
_SPEAKER_AT_END = re.compile(rf"({_SPEAKER_NP})\s*(?:\w+ly\s+)?$")
# More words than a match of the two patterns above can span (at most seven).
END_PHRASE_WORDS = 10
_PLAIN_WORD = re.compile(r"[\w'’]+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_THAT_CLAUSE = re.compile(r"\s*(?:\w+\s+){0,3}?that\b")
# After a verb with an object, or an adjunct opened by one of _ADJUNCT_OPENERS, "that" may come later:
# "told reporters on Monday that", "boasted to reporters on the second day that".
_LONG_THAT_CLAUSE = re.compile(r"\s*(?:[\w'’-]+\s+){0,7}?that\b")
_ADJUNCT_OPENERS = frozenset("to in on at during after before via through with from last earlier later this".split())
_FIRST_WORD = re.compile(r"\s*([\w'’-]+)")
# Participles that go on reporting the speaker's words after a comma ("…, adding that …").
_SPEECH_PARTICIPLES = (
    "adding|saying|warning|noting|arguing|insisting|claiming|calling|stressing|urging|describing|accusing|citing"
    "|blaming|explaining|telling|asking|vowing|promising|predicting|suggesting|speaking|referring"
)
# After the verb of an attribution at the end of a sentence only a short adjunct comes, to the end:
# "said.", "said on Monday.", "said in a statement on Friday.", "said, citing …", "said late on Tuesday".
_ADJUNCTS_TO_END = re.compile(
    r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|during|via|yesterday|today|tonight|overnight|separately)"
    r"(?:\s+[\w'’.-]+){0,4})?\s*(?:,\s*(?:" + _SPEECH_PARTICIPLES + r"|according)\b[^.!?]*)?[.!?\"”’)]*\s*$",
    re.I,
)
# An attribution between commas inside a sentence: "The war, he said, is …" (the whole sentence is the speaker's).
_PARENTHETICAL_REST = re.compile(
    r"(?:\s+(?:on|in|at|late|last|this|yesterday|today)(?:\s+[\w'’.-]+){0,3})?\s*,\s+(?![a-z]+ing\b|according\b)\w",
    re.I,
)
# Words that open a clause, not a speaker phrase, after a comma: "…, and the UN said on Monday that …".
_NOT_AN_ATTRIBUTION = frozenset(
    "and but or nor while whereas where when as before after which who whom whose because although though if "
    "since until unless so yet".split()
)
# How far before the verb the attribution phrase is looked for (twelve words of up to fifteen letters).
MAX_ATTRIBUTION_CHARS = 200
# Most words in such an attribution phrase ("the regional governor, Oleksandr Tkachuk," has six; a
# title, a role and a name in apposition stay under twelve).
MAX_ATTRIBUTION_PHRASE_WORDS = 12
# Words that may open a speaker phrase before its noun ("two people familiar with the talks").
_QUANTIFIERS = frozenset("the a an some two three four several many most".split())
# A speaker noun and its complement, up to the verb ("Critics of military aid", "people familiar with the talks").
_COMPLEMENTED_SPEAKER = re.compile(
    r"(?<![\w'’-])((?:(?i:" + "|".join(sorted(_QUANTIFIERS)) + r")\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+(?:of|at|in|from|for|with|on|behind|inside|across|familiar\s+with"
    r"|close\s+to|briefed\s+on)\s+(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s*$"
)
_IT_AT_END = re.compile(r"(?<![\w'’-])([Ii]t)\s*$")
_WHAT_IT = re.compile(r"\bwhat\s+it\s*$", re.I)  # "what it says about …" is no statement
# "what" opening the clause of a labelling verb: "The cuts are what the ministry calls "…"".
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?=(?:[\w'’.-]+\s+){1,5}$)", re.I)
# How far back such a phrase is looked for (eleven words of ordinary length).
MAX_COMPLEMENT_CHARS = 90
# A role in apposition before a name: "the regional governor", "its chief executive", "a spokeswoman".
_APPOSED_ROLE = re.compile(r"\s*(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s*")
# "that" right after a verb of saying, then a preposition or a mark: a pronoun ("said that in 2001").
_DEMONSTRATIVE_THAT = re.compile(r"\s*(?:[,.;:!?]|(?:in|on|at|to|for|before|again|too|about|when)\b)", re.I)
# A sentence opening with a subordinate clause, whose first comma ends it.
_SUBORDINATOR = re.compile(r"\W*(?:when|as|after|before|although|though|while|because|since|if|once|until)\b", re.I)
# A second predicate of the speaker after a comma: '… ," and thus parroted the defence's claim'.
# (A verb of speech there goes on with the speaker's words: ', and added that …'.)
_SECOND_PREDICATE = re.compile(
    r",[\"”’]?\s+and\s+(?:thus\s+|then\s+|so\s+|also\s+|later\s+)?(?!(?:"
    + "|".join(sorted(verb for verb in SPEECH_VERBS if verb.endswith("ed"))) + r")\b)[a-z]+ed\b"
)
# A participle phrase after a comma that runs to the end of the sentence (no comma after it).
_TRAILING_PARTICIPLE = re.compile(r",[\"”’]?\s+(?!(?:" + _SPEECH_PARTICIPLES + r")\b)[a-z]+ing\b[^,;]*$")
# A speech verb followed by one of these reports no words: "The opposition says little about …".
_SAYS_NOTHING = re.compile(r"\s+(?:little|nothing|much|a\s+lot|so\s+much|something|anything|more|less)\b", re.I)
# A clause right after a verb that may take an object instead: a few words, then a finite verb
# ("claim the strikes are about pay"; not "claim victory in the vote").
_CLAUSE_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){1,4}?(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|does|do|did)\b",
    re.I,
)
# Verbs before "to" that carry a labelling verb's subject: "Progressives like to call", "have taken to calling".
_TO_LEAD = re.compile(
    r"(?:\s+(?:like|likes|liked|love|loves|loved|prefer|prefers|preferred|have\s+taken|has\s+taken|voted|chose|choose"
    r"|chooses|tend|tends|started|begin|began|continue|continues|went\s+on))\s+to\s*$",
    re.I,
)
# "said to have", "said to be": a passive report, with no speaker.
_PASSIVE_TO = re.compile(r"\s+to\s+(?:have|be|been|number|include|total)\b")
# A speech verb followed by "on" and no "that" names a demand or a topic ("insisted on a separate
# press room", "agreed on a timetable", "remarked on the weather"), not what was said; "on Monday", "on 3 May" is a time.
# ("complained about …" stays reported speech: what the complaint is about carries the speaker's view.)
_TOPIC_OBJECT = re.compile(
    r"\s+(?:on|upon)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april"
    r"|may|june|july|august|september|october|november|december|the eve|the sidelines|the day|the night|the morning"
    r"|the evening|the weekend|\d)\b)",
    re.I,
)
# ... except after the plain verbs of saying, where such a word opens an adjunct ("said on Friday: …").
_SAYING_VERBS = frozenset("say says said saying tell tells told write writes wrote add adds added state states stated".split())
_PRONOUNS = frozenset("he she they we i it".split())
# Verbs that give a label, with "as" or without ("called the strikers greedy", "branded him a liar").
_NAMING_VERBS = frozenset("call calls called brand brands branded dub dubs dubbed label labels labelled labeled "
                          "term terms termed".split())
# Verbs that give a label after "as" only ("described the plan as reckless", "denounced them as traitors").
_AS_VERBS = _NAMING_VERBS | frozenset(
    """
    describe describes described portray portrays portrayed depict depicts depicted characterise characterises
    characterised characterize characterizes characterized denounce denounces denounced deride derides derided
    dismiss dismisses dismissed decry decries decried condemn condemns condemned hail hails hailed praise
    praises praised tout touts touted ridicule ridicules ridiculed mock mocks mocked lambast lambasts lambasted
    vilify vilifies vilified demonise demonises demonised demonize demonizes demonized castigate castigates
    castigated
    """.split()
)
# Labelling verbs with a physical sense too ("attacked the town as civilians fled", "painted the fence"):
# after "as" their label must show itself (an article "a"/"an", a quotation or an evaluative word).
_PHYSICAL_AS_VERBS = frozenset("attack attacks attacked slam slams slammed blast blasts blasted paint paints painted "
                               "cast casts frame frames framed".split())
_LABELLING_VERBS = _AS_VERBS | _PHYSICAL_AS_VERBS
_BE = frozenset("be is are was were been being am get gets got getting gotten".split())
# What may stand between a subject and its verb: auxiliaries and adverbs ("have long branded").
_VERB_GROUP = frozenset("have has had will would could might may must should shall can did do does also often "
                        "repeatedly long even already once now since still openly publicly routinely".split())
_NEGATORS = frozenset("not never no".split())
# Words that open no label after a naming verb: particles and prepositions ("called off", "called
# for calm", "was called to testify").
_PARTICLES = _PREPOSITIONS | frozenset("off up out back upon down away together forth around through".split())
# ... and, in the active, "a"/"an": the verb has no object before them ("called a strike", "called an election").
_NOT_A_LABEL = _PARTICLES | frozenset("a an".split())
_ARTICLES = frozenset("a an the".split())
# Words that make what follows a calling verb a time, not a label ("called the police the next morning").
# Past forms without "-ed" that end a clause's subject ("as prices rose", "as civilians fled" has its own "-ed").
_IRREGULAR_PASTS = frozenset("rose fell came went ran began grew left took made said stood sat broke spread "
                             "drew fought hid held lay lost met rang sang sank shook slept spoke stole struck "
                             "swept swore threw woke wore won wrote".split())
_TIME_WORDS = frozenset("time times day days week weeks month months year years morning afternoon evening night "
                        "hour hours minute minutes moment yesterday today tomorrow tonight again twice once later "
                        "earlier now then".split())
_OBJECT_PRONOUNS = frozenset("him her them it us me this that these those".split())
_DETERMINERS = _POSSESSIVE_DETERMINERS | frozenset("some many several both all".split())
# "as" in these phrases labels nothing ("as well as", "such as", "as part of").
_NOT_AFTER_AS = frozenset("well such part soon long much many far though if usual expected ever".split())
# Words that end the clause a label runs to (besides punctuation).
_CLAUSE_STOPS = frozenset("but yet because while whereas although though when after before since unless if so "
                          "until".split())
# An agent after "by" that names nobody ("was called a pause by nobody") or is no agent ("by far").
_NO_AGENT = frozenset("nobody none no far then now contrast comparison mistake default".split())
# The author's own voice: "I think …", "…, we believe.", "we call it …" are no one else's words.
_AUTHOR_PRONOUNS = frozenset("i we us me".split())
# Most words of a verb group before a labelling verb ("have also long been called").
MAX_VERB_GROUP_WORDS = 5
# Most words read after a labelling verb (object and label), and in a "by" agent.
MAX_LABEL_WORDS = 30
MAX_AGENT_WORDS = 8
# Most object words between a verb and its "as" ("described the new housing plan as …").
MAX_OBJECT_WORDS = 8
# Most words of a label after a name with no article ("called Biden weak and vain"): more is a clause.
MAX_BARE_LABEL_WORDS = 3
# Words that end a "by" agent: a time or place adjunct after it ("by the police chief on Monday").
_AGENT_STOPS = (_PREPOSITIONS - {"of", "in"}) | _TIME_WORDS | frozenset("last this".split())
_LABEL_TOKEN = re.compile(r"[\w'’-]+|[,;:—–()!?]|\.(?=\s|$)")


@dataclass(frozen=True, slots=True)
class _Marks:
    open_at: int
    close_at: int  # index of the closing mark


def find_quotes(text: str, sentences: Sequence[Sentence], *, list_items: Sequence[tuple[int, int]] = ()) -> tuple[Quote, ...]:
    """Find direct quotations, reported speech and scare quotes in the given sentences.

    ``list_items`` are (start, end) of bullet paragraphs, sorted: when a reported-speech
    sentence ends with a colon, the bullet items right after it are that speaker's words.
    A quotation with no speaker that makes up a whole sentence right after a quoted speaker's
    sentence (in the same paragraph, or opening the next) continues that speaker, as news
    writing attributes a run of quotations once; author text or another speaker ends the run,
    and reported speech carries on only within its paragraph.
    """
    quotes: list[Quote] = []
    item_starts = [start for start, _ in list_items]
    last: Quote | None = None  # the last quotation or reported speech of the unit before
    previous_end = 0
    for sentence in _quotation_units(text, sentences):
        found, last = _quotes_in(text, sentence, _carried_speaker(text, last, previous_end, sentence.start))
        previous_end = sentence.end
        quotes.extend(found)
        if sentence.text.rstrip().endswith(":"):
            intro = next((q for q in found if q.kind == "reported"), None)
            if intro is not None:
                quotes.extend(_introduced_list(text, sentence.end, intro.speaker, list_items, item_starts))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return tuple(quotes)


# The most sentences one quotation may run over ('"We will not back down. This is a witch hunt,"
# Cole said'): a paragraph-long statement, not a mark left open by mistake.
MAX_QUOTED_SENTENCES = 6


def _quotation_units(text: str, sentences: Sequence[Sentence]) -> Iterator[Sentence]:
    """The sentences, a quotation that runs over several of them in one paragraph joined into one unit.

    A sentence that opens a quotation it does not close is joined with the next ones, up to the one
    that closes it (at most ``MAX_QUOTED_SENTENCES``, never across a line break); when none does,
    the sentences stay as they are.
    """
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        last = index
        if _leaves_open(sentence.text):
            for following in range(index + 1, min(len(sentences), index + MAX_QUOTED_SENTENCES)):
                if "\n" in text[sentences[following - 1].end:sentences[following].start]:
                    break
                if not _leaves_open(text[sentence.start:sentences[following].end]):
                    last = following
                    break
        if last == index:
            yield sentence
        else:
            start, end = sentence.start, sentences[last].end
            yield Sentence(start, end, text[start:end])
        index = last + 1


def _leaves_open(sentence: str) -> bool:
    """Whether a quotation mark opens in ``sentence`` with no closing mark after it.

    A guillemet right after a letter closes a quotation (the German »…« aside), so it opens none.
    """
    if _OPENER.search(sentence) is None:
        return False  # most sentences hold no quotation mark: no scan to set up
    return any(close is None for _, close in _openings(sentence, guillemets_close_after_letters=True))


def _carried_speaker(text: str, last: Quote | None, end: int, start: int) -> TextSpan | None:
    """The speaker of ``last`` (the last quotation of the unit ending at ``end``) that a quotation in the unit
    starting at ``start`` may continue: only white space between, and no paragraph break after reported speech."""
    if last is None or last.speaker is None or end > start:
        return None
    gap = text[end:start]
    if gap.strip() or "\n" in gap and last.kind != "direct":
        return None  # author text between; or 'X said …' ends its paragraph: the next one's quotation is anyone's
    return last.speaker


def _quotes_in(text: str, sentence: Sentence, carried: TextSpan | None = None) -> tuple[list[Quote], Quote | None]:
    """The quotations of one unit, and the last of them (not a scare quote or label), whose speaker the next unit may continue.

    ``carried`` is the speaker of the unit right before: a quotation that is the whole unit
    and names no speaker of its own is theirs.
    """
    found: list[Quote] = []
    marked: list[tuple[int, int]] = []
    previous: tuple[int, TextSpan | None] = (-1, None)  # end and speaker of the last quotation
    for index, marks in enumerate(_quotation_marks(sentence.text)):
        start, end = sentence.start + marks.open_at, sentence.start + marks.close_at + 1
        inner = text[start + 1:end - 1]
        n_words = len(_WORD_RE.findall(inner))
        if n_words == 0:
            continue
        before_start = max(sentence.start, start - MAX_CLAUSE_CHARS)
        before = text[before_start:start]
        after = text[end:min(sentence.end, end + MAX_CLAUSE_CHARS)]
        speaker = _speaker_after(text, end, after) or _speaker_before(text, before_start, before)
        if speaker is None and carried is not None and index == 0 and _is_whole_unit(text, sentence, start, end):
            speaker = carried  # '"…," said Thapa. "We are tired."': Thapa still speaks
        if speaker is None and n_words <= MAX_SCARE_QUOTE_WORDS:
            speaker = _labeller(text, before_start, before)
        if speaker is None and previous[1] is not None and _COORDINATED.fullmatch(text, previous[0], start):
            speaker = previous[1]  # 'called the mayor "reckless" and "arrogant"': both are the caller's words
        previous = (end, speaker)
        if speaker is None and n_words <= MAX_SCARE_QUOTE_WORDS:
            first_letter = next((ch for ch in inner if ch.isalpha()), "")
            if _is_so_called(before):
                found.append(Quote(start, end, text[start:end], "scare", None))
            elif _quotes_someone(before):  # 'said it was "cooperating fully"': the words are the speaker's
                found.append(Quote(start, end, text[start:end], "direct", None))
                marked.append((start, end))
            elif first_letter.islower():
                found.append(Quote(start, end, text[start:end], "scare", None))
            continue  # a short capitalised quotation is a name or title ("Istanbul Plus")
        if speaker is None and n_words < MIN_UNATTRIBUTED_QUOTE_WORDS:
            continue
        found.append(Quote(start, end, text[start:end], "direct", speaker))
        marked.append((start, end))
    verbs = _verb_forms().found_in(sentence.text.lower())  # one pass for both kinds of verb
    reported = _reported_speech(text, sentence, marked, speaks=not verbs.isdisjoint(SPEECH_VERBS))
    labelled = _labelled(text, sentence, marked) if not verbs.isdisjoint(_LABELLING_VERBS) else None
    if not found and reported is None and labelled is None:
        return found, None  # most sentences: no quotation and no one speaking
    if labelled is not None and reported is not None and (
            _crosses(labelled, reported) or _holds(reported, labelled) and labelled.speaker == reported.speaker):
        labelled = None  # "X portrayed Y as Z": the reported speech holds it already
    for spoken in sorted((q for q in (reported, labelled) if q is not None), key=lambda q: (q.start, -q.end)):
        found = [  # a quotation inside reported speech is the speaker's words, a scare quote included
            Quote(q.start, q.end, q.text, "direct", spoken.speaker)
            if q.kind in ("direct", "scare") and spoken.start <= q.start and q.end <= spoken.end + 1 else q
            for q in found
        ]
        found.append(spoken)
    return found, _last_quotation([q for q in found if q is not labelled])  # a label starts no run of quotations


def _holds(outer: Quote, inner: Quote) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _crosses(first: Quote, second: Quote) -> bool:
    """Whether two spans overlap with neither holding the other."""
    return (first.start < second.end and second.start < first.end
            and not _holds(first, second) and not _holds(second, first))


def _is_whole_unit(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the quotation ``start``..``end`` is all the words of its unit (a sentence standing in quotation marks)."""
    return not any(ch.isalnum() for ch in text[sentence.start:start]) and not any(
        ch.isalnum() for ch in text[end:sentence.end])


def _last_quotation(found: Sequence[Quote]) -> Quote | None:
    """The last quotation or reported speech of a unit (None when it has none)."""
    return max((q for q in found if q.kind != "scare"), key=lambda q: q.start, default=None)


def _quotes_someone(before: str) -> bool:
    """Whether a speech verb stands in the few words before a short quotation, in its clause, so it is a fragment of speech."""
    before = before[-MAX_CLAUSE_CHARS:]
    clause_start = max(before.rfind(mark) for mark in _CLAUSE_MARKS) + 1  # 0 when none: the whole window
    words = _WORD_RE.findall(before[clause_start:])[-MAX_FRAGMENT_WORDS:]
    return any(word.lower() in FRAGMENT_VERBS for word in words)


def _quotation_marks(sentence: str) -> list[_Marks]:
    """Pairs of quotation marks; an apostrophe inside a word is not a mark."""
    if _OPENER.search(sentence) is None:
        return []  # most sentences hold no quotation mark: no scan to set up
    return [_Marks(at, close) for at, close in _openings(sentence) if close is not None]


def _openings(sentence: str, *, guillemets_close_after_letters: bool = False) -> Iterator[tuple[int, int | None]]:
    """Each opening mark of ``sentence`` and its closing mark (None when none follows), left to right.

    An apostrophe inside a word, or a straight quote right after a letter (a closing mark with no
    opener), opens nothing, nor, when asked, does a guillemet after anything but a space; after a
    pair the search goes on past its closing mark.
    """
    position = 0
    while (opener := _OPENER.search(sentence, position)) is not None:
        position = opener.start()
        char = sentence[position]
        if position > 0 and (char in "‘\"" and sentence[position - 1].isalnum()
                             or guillemets_close_after_letters and char in "»«" and not sentence[position - 1].isspace()):
            position += 1
            continue
        close = _find_closer(sentence, position + 1, _OPEN_CLOSE[char])
        yield position, close
        position = position + 1 if close is None else close + 1


def _find_closer(sentence: str, start: int, closer: str) -> int | None:
    position = start
    while True:
        close = sentence.find(closer, position)
        if close < 0:
            return None
        if closer == "’" and close + 1 < len(sentence) and sentence[close + 1].isalpha():
            position = close + 1  # an apostrophe (don’t), not the closing mark
            continue
        return close


def _speaker_after(text: str, end: int, after: str) -> TextSpan | None:
    """`"…," she said` or `"…," said the minister`."""
    found = _SPEAKER_AFTER.match(after)
    for verb, who in (("verb1", "who1"), ("verb2", "who2")):
        if found and found.group(verb) and found.group(verb).lower() in SPEECH_VERBS and found.group(who):
            return _clean_speaker(text, end + found.start(who), end + found.end(who))
    titled = _TITLED_SPEAKER_AFTER.match(after)
    if (titled and titled.group("verb") in SPEECH_VERBS and titled.group("role") in SPEAKER_NOUNS
            and _NOT_IN_A_ROLE.isdisjoint(titled.group("words").split())):
        return _clean_speaker(text, end + titled.start("name"), end + titled.end("name"))
    return None


def _is_so_called(before: str) -> bool:
    """Whether "so-called", "self-styled" … ends ``before`` (``_SO_CALLED.search(before)``).

    The phrase must end where the trailing whitespace starts, so only the last
    MAX_SO_CALLED_CHARS characters before it are searched, not every position.
    """
    return _SO_CALLED.search(before, max(0, len(before.rstrip()) - MAX_SO_CALLED_CHARS)) is not None


def distances_author(text: str, quote: Quote) -> bool:
    """Whether a scare quote shows the author's distance: "so-called" or a distancing cue before it, or a comment after.

    The report counts only such scare quotes as loaded terms. A short quotation with no speaker
    and no cue stays a scare quote among the quotations (its words are not the author's), but
    news uses most of them for a source's words (about one in ten is loaded language on PTC).
    """
    if quote.kind != "scare":
        return False
    before = text[max(0, quote.start - MAX_CLAUSE_CHARS):quote.start]
    return (_is_so_called(before) or _is_distanced(before)
            or _DISTANCING_AFTER.match(text, quote.end, quote.end + MAX_LABELLING_CHARS) is not None)


def is_label(text: str, quote: Quote) -> bool:
    """Whether a short direct quotation is the label a speaker gives ('Critics call the plan "a giveaway"').

    Such a label is name-calling in the labeller's voice: the report lists it among the loaded
    terms (quoted, with its speaker) when no loaded word inside it is listed already. Only a
    naming verb or a hostile one counts (_NAMING): 'called for "calm"' asks for something, and
    'described his condition as "stable"' describes.
    """
    if quote.kind != "direct" or len(_WORD_RE.findall(quote.text)) > MAX_SCARE_QUOTE_WORDS:
        return False
    before_start = max(0, quote.start - MAX_CLAUSE_CHARS)
    before = text[before_start:quote.start]
    return (_NAMING.search(before, max(0, len(before) - MAX_LABELLING_CHARS)) is not None
            and _labeller(text, before_start, before) is not None)


def _is_distanced(before: str) -> bool:
    """Whether a distancing cue ends ``before`` ("not", "their idea of", "what passes for" …)."""
    return _DISTANCING_BEFORE.search(before, max(0, len(before.rstrip()) - MAX_DISTANCING_CHARS)) is not None


def _labeller(text: str, offset: int, before: str) -> TextSpan | None:
    """The subject of a labelling verb right before a quotation ("McConnell called it "…"")."""
    if _is_so_called(before):
        return None
    # the verb is at most a few words before the quotation: look at the last words only
    window_start = max(0, len(before) - MAX_LABELLING_CHARS)
    if window_start:
        window_start = before.find(" ", window_start) + 1 or len(before)
    found = _LABELLING.search(before, window_start)
    if found is None:
        return None
    cut = found.start()
    lead = _TO_LEAD.search(before, max(0, cut - MAX_LABELLING_CHARS), cut)
    if lead is not None:  # "Progressives like to call …": the subject is before "like to"
        cut = lead.start()
    what = _WHAT_BEFORE.search(before, max(0, cut - MAX_LABELLING_CHARS), cut)
    if what is not None:  # "The cuts are what the ministry calls …": the subject starts after "what"
        subject = _subject_before(text, offset + what.end(), before[what.end():cut])
    else:
        subject = _subject_before(text, offset, before[:cut])
    return subject if subject is not None and is_speaker_like(subject.text) else None


def _according_speaker(text: str, offset: int, rest: str) -> TextSpan | None:
    """The source after "according to": a name, a pronoun, or a source noun ("senior officials")."""
    found = _SPEAKER_PHRASE.match(rest)
    if found and is_speaker_like(found.group()):
        return _clean_speaker(text, offset, offset + found.end())
    words = list(_LOOSE_WORD.finditer(rest[:60]))[:3]
    for word in words:
        if word.group().lower() in SPEAKER_NOUNS:
            return _clean_speaker(text, offset, offset + word.end())
    return None


def _speaker_before(text: str, offset: int, before: str) -> TextSpan | None:
    """`He said: "…"`, `Ilves, an analyst, told reporters, "…"`, `according to X, "…"`."""
    if len(before) > MAX_CLAUSE_CHARS:
        offset, before = offset + len(before) - MAX_CLAUSE_CHARS, before[-MAX_CLAUSE_CHARS:]
    stripped = before.rstrip(" ,:–—-")
    words = list(_WORD_RE.finditer(stripped))
    if not words:
        return None
    according = None
    for according in _ACCORDING.finditer(stripped):  # noqa: B007 - the last match is the one wanted
        pass
    if according is not None:
        return _according_speaker(text, offset + according.start("who"), stripped[according.start("who"):])
    for position in range(len(words) - 1, max(-1, len(words) - 1 - MAX_ATTRIBUTION_WORDS), -1):
        if words[position].group().lower() in SPEECH_VERBS:
            return _subject_before(text, offset, stripped[:words[position].start()])
    return None


def _subject_before(text: str, offset: int, clause: str) -> TextSpan | None:
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
    name = _search_at_end(_NAME_AT_END, head)
    if name and not _after_preposition(head, name.start(1)):
        return _clean_speaker(text, offset + name.start(1), offset + name.end(1))
    inner = appositive.group("inner")
    if _WHOLE_NAME.fullmatch(inner):  # "The union's leader, Denise Okafor,"
        inner_start = appositive.start("inner")
        return _clean_speaker(text, offset + inner_start, offset + inner_start + len(inner))
    return _speaker_at_end(text, offset, head)


def _speaker_at_end(text: str, offset: int, clause: str) -> TextSpan | None:
    """The speaker phrase that ends ``clause`` (no comma after it), unless a preposition governs it."""
    found = _search_at_end(_SPEAKER_AT_END, clause)
    if not found or _after_preposition(clause, found.start(1)):
        return None  # "brokers in London said": London is not the speaker
    return _clean_speaker(text, offset + found.start(1), offset + found.end(1))


def _after_preposition(clause: str, start: int) -> bool:
    """Whether the word before ``start`` is a preposition ("in London", "On Monday")."""
    preceding = _PLAIN_WORD.findall(clause[max(0, start - MAX_WORD_CHARS):start])
    return bool(preceding) and preceding[-1].lower() in _PREPOSITIONS


def _search_at_end(pattern: re.Pattern[str], clause: str) -> re.Match[str] | None:
    """``pattern.search(clause)`` for ``_NAME_AT_END`` or ``_SPEAKER_AT_END``, tried only from
    where the clause's last END_PHRASE_WORDS words start.

    Their matches end at the clause's end and span fewer words (a name of five, or an article,
    five words and an adverb), so no match starts earlier: the search finds the same leftmost
    match without trying every position of a long clause.
    """
    head = clause.rsplit(maxsplit=END_PHRASE_WORDS)
    return pattern.search(clause, len(head[0]) if len(head) > END_PHRASE_WORDS else 0)


def _clean_speaker(text: str, start: int, end: int) -> TextSpan | None:
    """Trim a speaker phrase; None when it cannot speak (a possessive, a title, a thing)."""
    while end > start and text[end - 1] in ".,;:’'":
        end -= 1
    words = text[start:end].split()
    if not words or _POSSESSIVE_END.search(words[-1]) or not is_speaker_like(text[start:end]):
        return None
    if words[0] in ("The", "A", "An") and len(words) > 1 and words[1][:1].isupper():
        start += len(words[0]) + 1  # "The Kremlin spokesman" keeps its name part
    return TextSpan(start, end, text[start:end])


def _reported_speech(text: str, sentence: Sentence, marked: list[tuple[int, int]], *, speaks: bool) -> Quote | None:
    """"X said (that) …" and "according to X, …": the clause after is the speaker's.

    ``speaks=False`` says the sentence holds no speech verb, even inside a word (``_verb_forms``).
    """
    content = sentence.text
    according = _ACCORDING.search(content) if "ccording to" in content else None  # the search only where it can match
    if according:
        who = _according_speaker(text, sentence.start + according.start("who"), content[according.start("who"):])
        if who is None or not is_speaker_like(who.text):
            return None
        comma = content.find(",", according.end())
        if according.start() < 3 and comma > 0:  # "According to X, …"
            span_start, span_end = sentence.start + comma + 1, sentence.end
        else:  # "…, according to X." or "… , according to X, …": the whole sentence is X's
            span_start, span_end = sentence.start, sentence.end
        return _reported(text, span_start, span_end, who, marked)
    if not speaks:
        return None  # most sentences: no speech verb even inside a word
    previous = ""
    for word in _WORD_RE.finditer(content):
        current = word.group()
        if current.lower() not in SPEECH_VERBS or current[0].isupper() or previous.lower() in _POSSESSIVE_DETERMINERS:
            previous = current
            continue
        previous = current
        if current.lower() in _PLURAL_NOUN_FORMS and _NOUN_AFTER.match(content, word.end()):
            continue  # "Compensation claims from flood victims rose": a noun, not a verb
        if _PASSIVE_TO.match(content, word.end()):
            continue  # "protesters said to have thrown stones": a passive, no one speaking
        inverted = _inverted_attribution(text, sentence, word.start(), word.end(), marked)
        if inverted is not None:
            return inverted
        # the clause before the verb, as far back as _subject_before looks (a copy of bounded length)
        clause_start = max(0, word.start() - MAX_CLAUSE_CHARS)
        clause = content[clause_start:word.start()]
        subject = _subject_before(text, sentence.start + clause_start, clause)
        if subject is None or not is_speaker_like(subject.text):
            subject = _speaker_with_complement(text, sentence.start + clause_start, clause, current.lower())
            if subject is None:
                continue
        if subject.text.lower() in _AUTHOR_PRONOUNS or _SAYS_NOTHING.match(content, word.end()):
            continue  # "I think …" is the author's view; "says little about …" reports no words
        first = _FIRST_WORD.match(content, word.end())
        long_ok = current.lower() in _OBJECT_VERBS or first is not None and first.group(1).lower() in _ADJUNCT_OPENERS
        that = (_LONG_THAT_CLAUSE if long_ok else _THAT_CLAUSE).match(content, word.end())
        if that is None and (current.lower() in _OBJECT_VERBS and not _CLAUSE_AFTER.match(content, word.end())
                             or current.lower() not in _SAYING_VERBS
                             and _TOPIC_OBJECT.match(content, word.end()) is not None):
            continue  # "accuse the government of …", "insisted on a separate press room": no words said
        if that is not None and _DEMONSTRATIVE_THAT.match(content, that.end()):
            continue  # "They said that in 2001": "that" is what they said, not a clause
        span_start = sentence.start + (that.end() if that else word.end())
        return _reported(text, span_start, sentence.start + _reported_end(content, word.start()), subject, marked)
    return None


def _reported_end(content: str, verb_start: int) -> int:
    """Where the clause a speech verb reports ends, as an offset in its sentence.

    At the comma closing a clause that opens with a subordinator and holds the verb and its
    words ("When the owners announced it would close, regulars …"), before a participle phrase
    that ends the sentence (", running a hand over a stump."), or before a second predicate of the
    speaker (', and thus parroted …'), else at the sentence's end.
    """
    opener = _SUBORDINATOR.match(content)
    comma = content.find(",", opener.end()) if opener is not None else -1
    if comma > verb_start and _WORD_RE.search(content, content.find(" ", verb_start), comma):
        return comma
    trailing = _TRAILING_PARTICIPLE.search(content, verb_start)
    if trailing is None:
        trailing = _SECOND_PREDICATE.search(content, verb_start)
    return trailing.start() if trailing is not None else len(content)


@cache
def _verb_forms() -> SubstringSet:
    """The speech and labelling verbs in one automaton: a sentence without any speech verb (even inside
    a word) reports no speech, and one without a labelling verb gives no label."""
    return SubstringSet(SPEECH_VERBS | _LABELLING_VERBS)


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
    if head in _ANY_SPEAKER_NOUN:
        return True
    if not words[-1][:1].isupper():
        return False
    return not all(is_everyday_word(word.strip(",")) for word in words)


def _speaker_with_complement(text: str, offset: int, clause: str, verb: str) -> TextSpan | None:
    """A speaker phrase that ``_subject_before`` does not take, ending ``clause`` right before the verb.

    A speaker noun with a complement ("Critics of military aid say", "Scientists at the research
    station reported", "people familiar with the talks said"), or "it" before a plain verb of
    saying ("In a statement, it said": an organisation named before).
    """
    tail = clause[-MAX_COMPLEMENT_CHARS:]
    start = len(clause) - len(tail)
    found = _IT_AT_END.search(tail) if verb in _SAYING_VERBS and not _WHAT_IT.search(tail) else None
    if found is not None:
        return TextSpan(offset + start + found.start(1), offset + start + found.end(1), found.group(1))
    found = _COMPLEMENTED_SPEAKER.search(tail)
    if found is None or found.group("noun").lower() not in _ANY_SPEAKER_NOUN:
        return None
    return TextSpan(offset + start + found.start(1), offset + start + found.end(1), found.group(1))


def _inverted_attribution(text: str, sentence: Sentence, verb_start: int, verb_end: int,
                          marked: list[tuple[int, int]]) -> Quote | None:
    """Wire copy's attribution after the words: "Fighting has displaced 10 million people, the agency said."

    When only a short adjunct follows the verb to the sentence's end ("on Monday", "in a
    statement", ", citing …"), everything before the comma that opens the attribution is the
    speaker's. When the attribution stands between commas inside the sentence ("The war, he
    said, is …"), the whole sentence is. The speaker is the phrase's name or role ("the regional
    governor, Oleksandr Tkachuk," gives the name) or the phrase itself when a speaker noun opens
    it ("people familiar with the matter"). A phrase opened by a conjunction ("…, and the UN
    said …") or spoken by "I" or "we" (the author) is no attribution.
    """
    content = sentence.text
    parenthetical = _PARENTHETICAL_REST.match(content, verb_end) is not None
    if not parenthetical and _ADJUNCTS_TO_END.match(content, verb_end) is None:
        return None
    window = max(0, verb_start - MAX_ATTRIBUTION_CHARS)
    cut = _attribution_comma(content, window, verb_start)
    if cut is None:
        return None
    after_comma = content[cut + 1:verb_start]
    phrase_start = cut + 1 + len(after_comma) - len(after_comma.lstrip())
    phrase = content[phrase_start:verb_start]
    words = _WORD_RE.findall(phrase.lower())
    if not words or words[0] in _NOT_AN_ATTRIBUTION:
        return None
    subject = _subject_before(text, sentence.start + phrase_start, phrase)
    if subject is None or not is_speaker_like(subject.text):
        opener = words[1] if len(words) > 1 and words[0] in _QUANTIFIERS else words[0]
        if opener not in _ANY_SPEAKER_NOUN:
            return None
        start = sentence.start + phrase_start
        end = start + len(phrase.rstrip(" ,"))
        subject = TextSpan(start, end, text[start:end])  # the whole phrase: its head opens it
    if subject.text.lower() in _AUTHOR_PRONOUNS:
        return None
    if parenthetical:
        return _reported(text, sentence.start, sentence.end, subject, marked)
    return _reported(text, sentence.start, sentence.start + cut, subject, marked)


def _attribution_comma(content: str, window: int, verb_start: int) -> int | None:
    """The comma that opens an attribution right before ``verb_start`` (None when there is none).

    It is the last comma, or the one before it when the phrase between them is a role in
    apposition to the name after ("…, the regional governor, Oleksandr Tkachuk,"). At most
    MAX_ATTRIBUTION_PHRASE_WORDS words follow it, and words come before it. Only
    ``content[window:verb_start]`` is searched, so each verb costs a bounded amount of work.
    """
    end = window + len(content[window:verb_start].rstrip(" ,"))
    cut = content.rfind(",", window, end)
    if cut <= window:
        return None
    before = content.rfind(",", window, cut)
    if before > window and content[cut + 1:end].strip()[:1].isupper() and _APPOSED_ROLE.fullmatch(content, before + 1, cut):
        cut = before
    if len(_WORD_RE.findall(content, cut, verb_start)) > MAX_ATTRIBUTION_PHRASE_WORDS or not _WORD_RE.search(
            content, max(window, cut - MAX_WORD_CHARS), cut):
        return None
    return cut


def _reported(text: str, start: int, end: int, speaker: TextSpan | None, marked: list[tuple[int, int]], *,
              min_words: int = MIN_REPORTED_WORDS) -> Quote | None:
    while start < end and not text[start].isalnum() and text[start] not in "\"“‘«":
        start += 1
    while end > start and text[end - 1] in " .!?:":
        end -= 1
    introduces_list = text[end:end + 1] == ":"
    too_short = len(_WORD_RE.findall(text[start:end])) < min_words and not introduces_list
    if too_short or any(s <= start and end <= e for s, e in marked):
        return None
    return Quote(start, end, text[start:end], "reported", speaker)


def _labelled(text: str, sentence: Sentence, marked: list[tuple[int, int]]) -> Quote | None:
    """A label someone other than the author gives: "X called Y Z", "X denounced Y as Z", "Y was branded Z (by X)".

    Active, the object and its label (to the clause end) are the subject's words, as in reported
    speech; a subject "I" or "we" is the author, whose label it stays. Passive, the label is the
    words of the agent after "by", or of someone unnamed (speaker None). The caller passes only
    sentences with a labelling verb, even inside a word (``_verb_forms``).
    """
    content = sentence.text
    for word in _WORD_RE.finditer(content):
        verb = word.group()
        if verb not in _AS_VERBS and verb not in _PHYSICAL_AS_VERBS:
            continue  # (the sets are lower case: "Call it what you like" opens a sentence with no subject)
        head_end, passive, negated = _verb_group(content, word.start())
        head_start = max(0, head_end - MAX_CLAUSE_CHARS)  # (the subject is looked for this far back only)
        head = content[head_start:head_end]
        if negated or not passive and not head.rstrip()[-1:].isalnum():
            continue  # "never called them …"; ", called Acme," (a participle, not a verb with its subject)
        tokens = _clause_tokens(content, word.end())
        if passive:
            found = _passive_label(text, sentence, verb, tokens, marked)
        else:
            found = _active_label(text, sentence, verb, tokens, sentence.start + head_start, head, marked)
        if found is not None:
            return found
    return None


def _verb_group(content: str, verb_start: int) -> tuple[int, bool, bool]:
    """Where the subject before a verb ends (past auxiliaries and adverbs), whether a form of
    "be" makes the verb passive, and whether "not" or "never" negates it."""
    end, passive, negated = verb_start, False, False
    words = list(_WORD_RE.finditer(content, max(0, verb_start - MAX_CLAUSE_CHARS), verb_start))
    for found in reversed(words[-MAX_VERB_GROUP_WORDS:]):
        if content[found.end():end].strip():
            break  # punctuation between: the group ends
        lowered = found.group().lower()
        if lowered in _BE:
            passive = True
        elif lowered in _NEGATORS or lowered.endswith(("n't", "n’t")):
            negated = True
        elif not (lowered in _VERB_GROUP or lowered.endswith("ly") and len(lowered) > 4):
            break
        end = found.start()
    return end, passive, negated


def _clause_tokens(content: str, start: int) -> list[re.Match[str]]:
    """The words after a verb up to the end of its clause (punctuation or a conjunction), at most MAX_LABEL_WORDS."""
    tokens: list[re.Match[str]] = []
    for token in _LABEL_TOKEN.finditer(content, start):
        if not token.group()[0].isalnum() or token.group().lower() in _CLAUSE_STOPS or len(tokens) == MAX_LABEL_WORDS:
            break
        tokens.append(token)
    return tokens


def _active_label(text: str, sentence: Sentence, verb: str, tokens: list[re.Match[str]], offset: int, head: str,
                  marked: list[tuple[int, int]]) -> Quote | None:
    """"X called Y Z": Y and Z are X's words, when X (ending ``head``, which starts at ``offset``) is not the author."""
    if len(tokens) < 2 or not _has_label(sentence.text, verb.lower(), tokens):
        return None
    subject = _subject_before(text, offset, head) or _noun_phrase_before(text, offset, head)
    if subject is None or subject.text.lower() in _AUTHOR_PRONOUNS:
        return None  # "I call this a disgrace": the author's own label
    end = _past_closer(text, sentence.start + tokens[-1].end(), sentence.end)
    start = tokens[0].start() - (sentence.text[tokens[0].start() - 1:tokens[0].start()] in _OPEN_CLOSE)
    return _reported(text, sentence.start + start, end, subject, marked, min_words=2)


def _is_as_clause(lowered: list[str], after: int) -> bool:
    """Whether the words after "as" (from ``after``) are a clause of time, not a label: a subject
    then its verb ("described the attack as civilians fled", "as prices rose", "as they were
    leaving"); a label opening with an article or an adjective in "-ed" stays one ("as a failed
    state", "as failed politicians")."""
    if lowered[after] in _ARTICLES:
        return False
    return any(word in _BE or word in _IRREGULAR_PASTS or word.endswith("ed")
               for word in lowered[after + 1:after + 3])


def _has_label(content: str, verb: str, tokens: list[re.Match[str]]) -> bool:
    """Whether the words after an active labelling verb hold an object and then its label.

    The label follows "as", or (naming verbs) an object: after a pronoun or a name it starts
    right away; after any other object at the next article or quotation mark; with neither
    in sight it must show itself, ending the clause in an evaluative word ("the strikers greedy").
    """
    words = [token.group() for token in tokens]
    lowered = [word.lower() for word in words]
    if lowered[0] in _NOT_A_LABEL:
        return False
    if "as" in lowered[1:MAX_OBJECT_WORDS + 1]:  # "described the plan as reckless"
        after = lowered.index("as", 1) + 1
        return after < len(words) and lowered[after] not in _NOT_AFTER_AS and not _is_as_clause(lowered, after) and (
            verb not in _PHYSICAL_AS_VERBS or _shows_label(content, tokens[after]))
    if verb not in _NAMING_VERBS:
        return False
    quoted = [content[token.start() - 1:token.start()] in _OPEN_CLOSE for token in tokens]
    if lowered[0] in _OBJECT_PRONOUNS:  # "called them thugs"
        label = 1
    elif words[0][0].isupper():  # "called Biden weak" (but "a group called Extinction Rebellion blocked the road")
        label = next((k for k in range(1, len(words)) if not words[k][0].isupper()), len(words))
    else:  # "branded the minister a liar", 'called the mayor "reckless"'
        label = next((k for k in range(2, min(len(words), MAX_OBJECT_WORDS + 2))
                      if lowered[k] in _ARTICLES or quoted[k]), 0)
    if label == len(words):
        return False
    if label and (lowered[label] in _ARTICLES or quoted[label]):
        return lowered[label - 1] not in _PREPOSITIONS and _TIME_WORDS.isdisjoint(lowered[label:label + 3])
    rest = lowered[label:]  # the whole phrase when no object's end is known
    if label and (len(rest) > MAX_BARE_LABEL_WORDS or rest[0] in _TIME_WORDS or rest[0] in _NOT_A_LABEL):
        return False
    if not _PREPOSITIONS.isdisjoint(rest) or rest[-1].endswith("ly"):
        return False
    # after a pronoun any word is the label ("called them thugs"); else it must be evaluative
    return label == 1 and lowered[0] in _OBJECT_PRONOUNS or bool(_valence(rest[-1]))


def _shows_label(content: str, token: re.Match[str]) -> bool:
    """Whether the word after "as" opens a label: "a"/"an", a quotation, or an evaluative word."""
    word = token.group().lower()
    return word in ("a", "an") or content[token.start() - 1:token.start()] in _OPEN_CLOSE or bool(_valence(word))


def _passive_label(text: str, sentence: Sentence, verb: str, tokens: list[re.Match[str]],
                   marked: list[tuple[int, int]]) -> Quote | None:
    """"Y was called Z by X": Z is X's words; with no "by", someone's unnamed."""
    content = sentence.text
    lowered = [token.group().lower() for token in tokens]
    first = 1 if lowered[:1] == ["as"] else 0
    if first == 0 and verb.lower() not in _NAMING_VERBS or first >= len(tokens):
        return None
    word = tokens[first].group()
    quoted = content[tokens[first].start() - 1:tokens[first].start()] in _OPEN_CLOSE
    if lowered[first] in _PARTICLES or lowered[first] in _TIME_WORDS or (
            not quoted and (word[0].isupper() or word == "the" and first + 1 < len(tokens)
                            and tokens[first + 1].group()[0].isupper())):
        return None  # "was called off", "is called Ashford" (a name, not a label)
    by = lowered.index("by", first) if "by" in lowered[first:] else len(tokens)
    if by == first:
        return None
    speaker = None
    if by < len(tokens):
        agent = tokens[by + 1:by + 1 + MAX_AGENT_WORDS]
        agent = agent[:next((k for k in range(1, len(agent)) if agent[k].group().lower() in _AGENT_STOPS), len(agent))]
        if not agent or agent[0].group().lower() in _NO_AGENT or agent[0].group().lower() in _AUTHOR_PRONOUNS:
            return None  # 'called a "pause" by nobody': nobody's words; "by us": the author's
        speaker = _clean_speaker(text, sentence.start + agent[0].start(), sentence.start + agent[-1].end()) or (
            TextSpan(sentence.start + agent[0].start(), sentence.start + agent[-1].end(),
                     text[sentence.start + agent[0].start():sentence.start + agent[-1].end()]))
    end = _past_closer(text, sentence.start + tokens[by - 1].end(), sentence.end)
    return _reported(text, sentence.start + tokens[first].start() - quoted, end, speaker, marked, min_words=1)


def _past_closer(text: str, end: int, limit: int) -> int:
    """``end``, or past the closing mark of a quoted label that ends there ('"responsible reform."')."""
    after = text[end:min(limit, end + 2)]
    if after[:1] in _CLOSERS:
        return end + 1
    return end + 2 if len(after) == 2 and after[0] in ".,!?" and after[1] in _CLOSERS else end


def _noun_phrase_before(text: str, offset: int, head: str) -> TextSpan | None:
    """A subject that is no speaker noun but a determiner phrase ("the tabloids"), as a labeller."""
    found = _search_at_end(_SPEAKER_AT_END, head.rstrip())
    if found is None or _after_preposition(head, found.start(1)):
        return None
    words = found.group(1).split()
    if len(words) < 2 or words[0].lower() not in _DETERMINERS or not words[-1].isalpha() or words[-1].lower() in _PRONOUNS:
        return None
    return TextSpan(offset + found.start(1), offset + found.end(1), found.group(1))


def _valence(word: str) -> float:
    """VADER's valence of a word (0 when it has none): an evaluative word."""
    return vader_tables()[0].get(word, 0.0)


def _introduced_list(text: str, after: int, speaker: TextSpan | None, list_items: Sequence[tuple[int, int]],
                     item_starts: list[int]) -> list[Quote]:
    """Bullet items right after "X portrays Y as:" are X's words."""
    found: list[Quote] = []
    gap_end = after
    for start, end in list_items[bisect_left(item_starts, after):]:
        if text[gap_end:start].strip(" \n\t•-*–·0123456789.)"):
            break
        found.append(Quote(start, end, text[start:end], "reported", speaker))
        gap_end = end
    return found
