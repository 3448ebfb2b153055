"""Attribution stage, reported speech: a sentence -> the words it reports as someone's, and whose.

"X said (that) …", "according to X, …", wire attribution at the end ("…, the agency said."),
labels given by someone else ("X called Y Z", "Y was branded Z by X") and a list introduced
by "X portrays Y as:".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from framing.model import Quote, Sentence, TextSpan
from framing.stages.speakers import (
    ACCORDING,
    ANY_SPEAKER_NOUN,
    AUTHOR_PRONOUNS,
    MAX_CLAUSE_CHARS,
    MAX_WORD_CHARS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    QUANTIFIERS,
    SAYING_VERBS,
    SPEECH_VERBS,
    TO_LEAD,
    WORD,
    according_speaker,
    clean_speaker,
    ends_in_description,
    is_speaker_like,
    noun_phrase_before,
    sentence_subject,
    speaker_ending,
    subject_before,
)
from framing.text.matching import SubstringSet
from framing.text.valence import vader_tables
from framing.text.wordlists import QUOTE_CLOSERS, QUOTE_OPENERS, QUOTE_PAIRS

# Verbs whose object comes first ("told reporters that …"): without "that" no speech follows.
_OBJECT_VERBS = frozenset(
    """
    tell warn accuse urge ask claim write complain deny describe portray reveal confirm predict expect agree
    inform informed informs
    announce announces announced
    admit acknowledge concede reply observe reiterate boast indicate assure assures assured reported reports
    explain conclude
    told tells asked asks urged urges warned warns accused accuses charged charges
    slammed slams blasted blasts mocked mocks lambasted lambastes derided derides decried decries
    denounced denounces scolded chided bemoaned bemoans lamented laments
    chanted chant chants shouted shouts yelled screamed whispered muttered joked jokes pleaded begged
    testified testifies recounted recounts disclosed discloses disclose
    ruled rules reminded reminds remind
    """.split()
)
# Fewer words after a speech verb are an adjunct or an object ("said in a statement", "hoped for the
# best"), not what was said ...
MIN_REPORTED_WORDS = 4
# ... unless a pronoun opens them as the subject of a clause ("said it would appeal", "say it prevents fraud"),
# or "that" does: after it a subject and a verb are a clause ("said that Moscow would respond").
MIN_THAT_CLAUSE_WORDS = 2
_PRONOUN_CLAUSE = re.compile(r"\s*(?:it|they|he|she|we|this)\s+[\w'’-]+\s+[\w'’-]+", re.I)
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
# A participle of saying after the main clause: what follows is the subject's words ("…, saying the count was rigged").
# ("adding", "claiming", "arguing" … are as often no speech: "adding a third goal", "claiming his 100th win".)
_PARTICIPLE_OF_SAYING = re.compile(r",\s+(?:saying|insisting|warning|calling|describing)\s+(?:that\s+)?")
# Characters after such a participle searched for what must follow it: "that", a clause (a finite verb
# within a few words) or a quotation (', calling it "a disgrace"'); not "saying goodbye", "warning lights".
MAX_PARTICIPLE_REACH = 40
# Words that open a clause of the author's after an attribution: "…, the airline said on Tuesday, as it struggles …".
# ("because" and "since" give the speaker's reason: "The talks failed, officials said, because …".)
_TRAILING_SUBORDINATORS = "as|while|amid|after|before|when|despite|although|though|but|and|which|where"
# After the verb of an attribution at the end of a sentence only a short adjunct comes, to the end:
# "said.", "said on Monday.", "said in a statement on Friday.", "said, citing …", "said late on Tuesday".
_ADJUNCTS_TO_END = re.compile(
    r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|during|via|yesterday|today|tonight|overnight|separately)"
    r"(?:\s+[\w'’.-]+){0,4})?\s*(?:,\s*(?:" + _SPEECH_PARTICIPLES + r"|according|" + _TRAILING_SUBORDINATORS + r")\b[^.!?]*)?[.!?\"”’)]*\s*$",
    re.I,
)
# An attribution between commas inside a sentence: "The war, he said, is …" (the whole sentence is the speaker's).
_PARENTHETICAL_REST = re.compile(
    r"(?:\s+(?:on|in|at|late|last|this|yesterday|today)(?:\s+[\w'’.-]+){0,3})?\s*,\s+(?![a-z]+ing\b|according\b|(?:"
    + _TRAILING_SUBORDINATORS + r")\b)\w",
    re.I,
)
# Words that open a clause, not a speaker phrase, after a comma: "…, and the UN said on Monday that …".
_NOT_AN_ATTRIBUTION = frozenset(
    "and but or nor while whereas where when as before after which who whom whose because although though if "
    "since until unless so yet".split()
)
# A body's name in an attribution at the end of a sentence: capitalised words, with "of", "for", "and", "on"
# or "the" between them ("the Royal College of Nursing"), after "the" or none.
_BODY_NAME = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|and|on|the)\s+)?[A-Z][\w'’.&-]*){0,6})[\s,]*")
# A short determiner phrase ending in a lower-case word ("the fishermen", "one resident").
_DETERMINER_PHRASE = re.compile(r"(?:[Tt]he|an?|one|another|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}[a-z][\w'’-]*[\s,]*")
# The verbs before which such a phrase is taken as the speaker ("…, the fishermen say, …", "Why, the chancellor asks, …").
_PLAIN_SAYING = frozenset("say says said asks asked".split())
# Words that show such a phrase is no speaker ("the truth be told", "a result few expected").
_NOT_IN_A_SPEAKER_PHRASE = frozenset(
    "be is are was were been being have has had few many much more most less some all no not who which that".split())
# How far before the verb the attribution phrase is looked for (twelve words of up to fifteen letters).
MAX_ATTRIBUTION_CHARS = 200
# Most words in such an attribution phrase ("the regional governor, Oleksandr Tkachuk," has six; a
# title, a role and a name in apposition stay under twelve).
MAX_ATTRIBUTION_PHRASE_WORDS = 12
# A role in apposition before a name: "the regional governor", "its chief executive", "a spokeswoman".
_APPOSED_ROLE = re.compile(r"\s*(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s*")
# "that" right after a verb of saying, then a preposition or a mark: a pronoun ("said that in 2001").
# A pronoun that stands for what was said, before an adjunct: "said so in a statement", "said it on Monday".
_PRONOUN_OBJECT = re.compile(r"\s+(?:so|it|this|nothing)\s*(?:[,.;:!?]|(?:in|on|at|to|for|before|again|too|during)\b)",
                             re.I)
# "that" right after the verb, or after at most three words of the one told ("informed reporters that"),
# with a subject after it, not a verb ("said that was wrong": "that" is the subject).
_THAT_THEN_A_VERB = re.compile(r"\s*(?:is|was|are|were|has|had|have|would|will|could|can|may|might|should|must)\b", re.I)
MAX_WORDS_BEFORE_THAT = 3
# "that" as a determiner: one word, then an adjunct or the end ("denied that claim on Monday", "confirmed
# that bloodbath on Friday", "underlined that point again"); a clause has its verb there instead.
_THAT_THEN_A_NOUN = re.compile(
    r"\s*[\w'’-]+(?:\s*[.,;:!?]|\s*$|\s+(?:on|in|at|to|for|of|again|too|yesterday|today|last|this|with|from|by|"
    r"during|after|before|once|twice|publicly|privately|repeatedly)\b)", re.I)


def _opens_a_clause(content: str, verb: str, verb_end: int, that: re.Match[str]) -> bool:
    """Whether the "that" after a speech verb opens a clause that may be short ("underlined that Moscow would
    respond"): right after the verb, after the one told ("informed reporters that") or after an adjunct
    ("said on Monday that"), not inside an object ("recounted the events of that night")."""
    gap = content[verb_end:that.end() - len("that")].split()
    told = verb.lower() in _OBJECT_VERBS and _AUDIENCE.match(content, verb_end) is not None
    return (len(gap) <= MAX_WORDS_BEFORE_THAT and (not gap or told or gap[0].lower() in _ADJUNCT_OPENERS)
            and _THAT_THEN_A_VERB.match(content, that.end()) is None
            and _THAT_THEN_A_NOUN.match(content, that.end()) is None)


# "quoted X as saying (that)": X, up to eight words and an appositive, is the speaker.
_QUOTED_AS_SAYING = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<who>[^.;:]{1,100}?,?)\s+as\s+saying\s+(?:that\s+)?")
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
# ("said more than 200 volunteers …", "said much of the town …": a quantity opens the words said)
# "agreed (on Tuesday) to …": an agreement to act, not words said.
_AGREEING = frozenset("agree agrees agreed agreeing".split())
_AGREED_TO = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+to\s+[a-z]", re.I)
# A relative clause opened after the speaker, holding the verb of saying ("Tom Brandt, who … has said").
_RELATIVE_OPENING = re.compile(r",\s+(?:who|which)\s")
# Verbs of accusing, and the one accused (at most six words) up to "of": what follows is the accuser's charge.
_ACCUSING = frozenset(("accuse", "accused", "accuses"))
_CHARGE = re.compile(r"\s+(?:[\w'’.-]+\s+){1,6}?of\s+")
# A relative clause set off by commas that ends a subject ("Mayor Alan Pryce, who backed the plan,"): the
# verb after it is the subject's, not a participle ("the bill, called …").
_CLOSED_RELATIVE = re.compile(r"[\w.'’],\s+(?:who|whose)\s[^,]{1,120},\s*$")
_SAYS_NOTHING = re.compile(
    r"\s+(?:(?:little|nothing|a\s+lot|so\s+much|something|anything)\b|(?:much|more|less)\b(?!\s+(?:than|of)\b))", re.I)
# A clause right after a verb that may take an object instead: a few words, then a finite verb
# ("claim the strikes are about pay"; not "claim victory in the vote").
_CLAUSE_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){1,4}?(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|does|do|did)\b",
    re.I,
)
# The one told, before the words told when no "that" comes between ("told reporters the state would …");
# not "her", a possessive in "told her staff the office would close".
_AUDIENCE = re.compile(
    r"\s+(?:(?:the|local|foreign|visiting|fellow)\s+)?(?:reporters|journalists|lawmakers|legislators|parliament|"
    r"press|media|investors|analysts|supporters|members|delegates|voters|residents|him|them|us|me|you)\b", re.I)
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
LABELLING_VERBS = _AS_VERBS | _PHYSICAL_AS_VERBS
_BE = frozenset("be is are was were been being am get gets got getting gotten".split())
# What may stand between a subject and its verb: auxiliaries and adverbs ("have long branded").
_VERB_GROUP = frozenset("have has had will would could might may must should shall can did do does also often "
                        "repeatedly long even already once now since still openly publicly routinely".split())
_NEGATORS = frozenset("not never no".split())
# Words that open no label after a naming verb: particles and prepositions ("called off", "called
# for calm", "was called to testify").
_PARTICLES = PREPOSITIONS | frozenset("off up out back upon down away together forth around through".split())
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
# "as" in these phrases labels nothing ("as well as", "such as", "as part of").
_NOT_AFTER_AS = frozenset("well such part soon long much many far though if usual expected ever".split())
# Words that end the clause a label runs to (besides punctuation).
_CLAUSE_STOPS = frozenset("but yet because while whereas although though when after before since unless if so "
                          "until".split())
# An agent after "by" that names nobody ("was called a pause by nobody") or is no agent ("by far").
_NO_AGENT = frozenset("nobody none no far then now contrast comparison mistake default".split())
# The author's own voice: "I think …", "…, we believe.", "we call it …" are no one else's words.
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
_AGENT_STOPS = (PREPOSITIONS - {"of", "in"}) | _TIME_WORDS | frozenset("last this".split())
_LABEL_TOKEN = re.compile(r"[\w’-](?:[\w'’-]*[\w’-])?|[,;:—–()!?]|\.(?=\s|$)")  # (no straight quote at a word's edge)


def find_reported_speech(text: str, sentence: Sentence, marked: list[tuple[int, int]], *, speaks: bool) -> Quote | None:
    """"X said (that) …" and "according to X, …": the clause after is the speaker's; with no speech verb
    that reports, a participle of saying after the main clause (``_participle_speech``).

    ``speaks=False`` says the sentence holds no speech verb, even inside a word (``speech_and_label_verbs``).
    """
    content = sentence.text
    if "as saying" in content:  # "Interfax quoted the deputy mayor, Jordi Serra, as saying …": the one quoted speaks
        quoted = _QUOTED_AS_SAYING.search(content)
        if quoted is not None and not any(word.group().lower() in SPEECH_VERBS  # (not "The minister said the
                                          for word in WORD.finditer(content, 0, quoted.start())):  # report, which quoted …")
            who = subject_before(text, sentence.start + quoted.start("who"), quoted.group("who"))
            if who is not None:
                return _reported(text, sentence.start + quoted.end(), sentence.end, who, marked, min_words=MIN_THAT_CLAUSE_WORDS)
    according = (ACCORDING.search(content) if "ccording to" in content or "the words of" in content
                 else None)  # the search only where it can match
    if according and according.group()[0] in "Ii" and content[:according.start()].rstrip()[-1:] not in ("", ","):
        according = None  # "took comfort in the words of the president": no attribution
    if according:
        who = according_speaker(text, sentence.start + according.start("who"), content[according.start("who"):])
        if who is None or not is_speaker_like(who.text):
            return None
        comma = content.find(",", according.end())
        if according.start() < 3 and comma > 0:  # "According to X, …"
            span_start, span_end = sentence.start + comma + 1, sentence.end
        elif not text[who.end:sentence.end].strip(" .!?\"”’)"):  # "…, according to X.": the words before
            span_start, span_end = sentence.start, sentence.start + len(content[:according.start()].rstrip(" ,–—-"))
        else:  # "… , according to X, …": the whole sentence is X's
            span_start, span_end = sentence.start, sentence.end
        return _reported(text, span_start, span_end, who, marked, min_words=MIN_THAT_CLAUSE_WORDS)
    if not speaks:  # most sentences: no speech verb even inside a word; but maybe ", calling it …"
        return _participle_speech(text, sentence, marked)
    previous = ""
    for word in WORD.finditer(content):
        current = word.group()
        if current.lower() not in SPEECH_VERBS or current[0].isupper() or previous.lower() in POSSESSIVE_DETERMINERS:
            previous = current
            continue
        previous = current
        if current.lower() in _PLURAL_NOUN_FORMS and _NOUN_AFTER.match(content, word.end()):
            continue  # "Compensation claims from flood victims rose": a noun, not a verb
        if _PASSIVE_TO.match(content, word.end()):
            continue  # "protesters said to have thrown stones": a passive, no one speaking
        if current.lower() in _AGREEING and _AGREED_TO.match(content, word.end()):
            continue  # "the firms agreed on Tuesday to combine": a deal, no words reported
        inverted = _inverted_attribution(text, sentence, word.start(), word.end(), marked)
        if inverted is not None:
            return inverted
        # the clause before the verb, as far back as subject_before looks (a copy of bounded length)
        clause_start = max(0, word.start() - MAX_CLAUSE_CHARS)
        clause = content[clause_start:word.start()]
        lead = TO_LEAD.search(clause)
        if lead is not None:  # "Moscow's propagandists like to say …": the subject is before "like to"
            clause = clause[:lead.start()]
        subject = speaker_ending(text, sentence.start + clause_start, clause, current.lower(),
                                 opens_sentence=clause_start == 0)
        if subject is None:
            continue
        if subject.text.lower() in AUTHOR_PRONOUNS or _SAYS_NOTHING.match(content, word.end()):
            continue  # "I think …" is the author's view; "says little about …" reports no words
        first = _FIRST_WORD.match(content, word.end())
        long_ok = current.lower() in _OBJECT_VERBS or first is not None and first.group(1).lower() in _ADJUNCT_OPENERS
        that = (_LONG_THAT_CLAUSE if long_ok else _THAT_CLAUSE).match(content, word.end())
        if that is None and (current.lower() in _OBJECT_VERBS and not _CLAUSE_AFTER.match(content, word.end())
                             or current.lower() not in SAYING_VERBS
                             and _TOPIC_OBJECT.match(content, word.end()) is not None):
            charge = _CHARGE.match(content, word.end()) if current.lower() in _ACCUSING else None
            if charge is not None:  # "Holt accused the board of a cash grab": the charge is Holt's wording
                return _reported(text, sentence.start + charge.end(), sentence.start + _reported_end(content, word.start()),
                                 subject, marked, min_words=1)
            continue  # "insisted on a separate press room", "told the court": no words said
        if that is not None and _DEMONSTRATIVE_THAT.match(content, that.end()):
            continue  # "They said that in 2001": "that" is what they said, not a clause
        if _PRONOUN_OBJECT.match(content, word.end()):
            continue  # "The club said so in a statement": "so" is what was said
        if that is None and _attributes_quotation(text, subject.start, marked):
            continue  # '"…," Menon wrote in the 64-page judgment': the words were the quotation's
        span_start = sentence.start + (that.end() if that else word.end())
        if that is None and current.lower() in _OBJECT_VERBS:  # "told reporters the state would …": the
            audience = _AUDIENCE.match(content, word.end())    # words start after the one told
            if audience is not None:
                span_start = sentence.start + audience.end()
        span_end = sentence.start + _reported_end(content, word.start())
        relative = _RELATIVE_OPENING.search(clause)
        if relative is not None and "," not in clause[relative.end():]:
            # "X, who has said he will vote against it, called it …": the verb is the relative clause's,
            # whose words end with it ("X, who leads the group, said …": closed before the verb, it is not)
            comma = text.find(",", span_start, span_end)
            span_end = comma if comma > 0 else span_end
        pronoun_clause = _PRONOUN_CLAUSE.match(text, span_start, span_end)
        return _reported(text, span_start, span_end, subject, marked,
                         min_words=MIN_THAT_CLAUSE_WORDS if that is not None and _opens_a_clause(content, current, word.end(), that)
                         else MIN_REPORTED_WORDS - 1 if pronoun_clause else MIN_REPORTED_WORDS)
    return _participle_speech(text, sentence, marked)


def _attributes_quotation(text: str, subject_start: int, marked: list[tuple[int, int]]) -> bool:
    """Whether the speaker phrase starting at ``subject_start`` follows a direct quotation with
    only punctuation and white space between: the clause attributes that quotation, and what
    follows the verb is an adjunct ("in a statement", "at a press conference"), not more words."""
    return any(end <= subject_start and not text[end:subject_start].strip(" ,\n") for _, end in marked)


def _participle_speech(text: str, sentence: Sentence, marked: list[tuple[int, int]]) -> Quote | None:
    """Give the words after a participle of saying that follows the main clause to the sentence's
    subject ("X rejected the results, saying the count had been rigged")."""
    found = _PARTICIPLE_OF_SAYING.search(sentence.text)
    if found is None:
        return None
    rest = sentence.text[found.end():found.end() + MAX_PARTICIPLE_REACH]
    if not (found.group().rstrip().endswith("that") or _CLAUSE_AFTER.match(" " + rest)
            or any(mark in rest for mark in QUOTE_PAIRS)):
        return None
    subject = sentence_subject(text, sentence.start, sentence.start + found.start())
    if subject is None or subject.text.lower() in AUTHOR_PRONOUNS:
        return None
    return _reported(text, sentence.start + found.end(), sentence.end, subject, marked)


def _reported_end(content: str, verb_start: int) -> int:
    """Where the clause a speech verb reports ends, as an offset in its sentence.

    At the comma closing a clause that opens with a subordinator and holds the verb and its
    words ("When the owners announced it would close, regulars …"), before a participle phrase
    that ends the sentence (", running a hand over a stump."), or before a second predicate of the
    speaker (', and thus parroted …'), else at the sentence's end.
    """
    opener = _SUBORDINATOR.match(content)
    comma = content.find(",", opener.end()) if opener is not None else -1
    if comma > verb_start and WORD.search(content, content.find(" ", verb_start), comma):
        return comma
    trailing = _TRAILING_PARTICIPLE.search(content, verb_start)
    if trailing is None:
        trailing = _SECOND_PREDICATE.search(content, verb_start)
    return trailing.start() if trailing is not None else len(content)


@cache
def speech_and_label_verbs() -> SubstringSet:
    """The speech and labelling verbs in one automaton: a sentence without any speech verb (even inside
    a word) reports no speech, and one without a labelling verb gives no label."""
    return SubstringSet(SPEECH_VERBS | LABELLING_VERBS)


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
    words = WORD.findall(phrase.lower())
    if not words or words[0] in _NOT_AN_ATTRIBUTION:
        return None
    subject = subject_before(text, sentence.start + phrase_start, phrase)
    if subject is None or not is_speaker_like(subject.text):
        opener = words[1] if len(words) > 1 and words[0] in QUANTIFIERS else words[0]
        body = _BODY_NAME.fullmatch(phrase)
        if body is not None:  # "…, the Royal College of Nursing said.": a body's name, however plain its words
            start, end = sentence.start + phrase_start + body.start(1), sentence.start + phrase_start + body.end(1)
        elif opener in ANY_SPEAKER_NOUN or (
                content[verb_start:verb_end].lower() in _PLAIN_SAYING and _DETERMINER_PHRASE.fullmatch(phrase)
                and _NOT_IN_A_SPEAKER_PHRASE.isdisjoint(words[1:])):
            # the whole phrase: its head opens it, or "the fishermen", "the chancellor" (only a speaker
            # stands between the words and a speech verb at the end or between commas)
            start = sentence.start + phrase_start
            end = start + len(phrase.rstrip(" ,"))
        else:
            return None
        subject = TextSpan(start, end, text[start:end])
    if subject.text.lower() in AUTHOR_PRONOUNS:
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
    if len(WORD.findall(content, cut, verb_start)) > MAX_ATTRIBUTION_PHRASE_WORDS or not WORD.search(
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
    too_short = len(WORD.findall(text[start:end])) < min_words and not introduces_list
    if too_short or any(s <= start and end <= e for s, e in marked) or _quotation_and_name(text, start, end, marked):
        return None
    return Quote(start, end, text[start:end], "reported", speaker)


def _quotation_and_name(text: str, start: int, end: int, marked: list[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` opens with a direct quotation and goes on for only a few words
    ('"…," Maria Lopez' of '"…," Maria Lopez, the finance minister, said'): the quotation has its
    speaker, and nothing more was reported."""
    opening = next((quote_end for quote_start, quote_end in marked if quote_start == start), None)
    return opening is not None and len(WORD.findall(text, opening, end)) < MIN_REPORTED_WORDS


def find_label(text: str, sentence: Sentence, marked: list[tuple[int, int]]) -> Quote | None:
    """A label someone other than the author gives: "X called Y Z", "X denounced Y as Z", "Y was branded Z (by X)".

    Active, the object and its label (to the clause end) are the subject's words, as in reported
    speech; a subject "I" or "we" is the author, whose label it stays. Passive, the label is the
    words of the agent after "by", or of someone unnamed (speaker None). The caller passes only
    sentences with a labelling verb, even inside a word (``speech_and_label_verbs``).
    """
    content = sentence.text
    for word in WORD.finditer(content):
        verb = word.group()
        if verb not in _AS_VERBS and verb not in _PHYSICAL_AS_VERBS:
            continue  # (the sets are lower case: "Call it what you like" opens a sentence with no subject)
        head_end, passive, negated = _verb_group(content, word.start())
        head_start = max(0, head_end - MAX_CLAUSE_CHARS)  # (the subject is looked for this far back only)
        head = content[head_start:head_end]
        if negated or not passive and not head.rstrip()[-1:].isalnum() and verb.lower().endswith("ed") \
                and not ends_in_description(head) and _CLOSED_RELATIVE.search(head) is None:
            continue  # "never called them …"; ", called Acme," (a participle; ", call them …" is a verb after an
            # aside; "Harbor Watch, a Vienna-based NGO, called …" is the verb of the name before the appositive)
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
    words = list(WORD.finditer(content, max(0, verb_start - MAX_CLAUSE_CHARS), verb_start))
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
    """The words after a verb up to the end of its clause (punctuation or a conjunction outside quotation
    marks: 'calls the package "firm but fair"' goes on past "but"), at most MAX_LABEL_WORDS."""
    tokens: list[re.Match[str]] = []
    quoted = False  # inside a quotation opened after the verb
    at = start
    for token in _LABEL_TOKEN.finditer(content, start):
        for mark in content[at:token.start()]:
            if mark == '"':
                quoted = not quoted
            elif mark in "“”":
                quoted = mark == "“"
        at = token.start()
        if not token.group()[0].isalnum() or len(tokens) == MAX_LABEL_WORDS \
                or token.group().lower() in _CLAUSE_STOPS and not quoted:
            break
        tokens.append(token)
    return tokens


def _active_label(text: str, sentence: Sentence, verb: str, tokens: list[re.Match[str]], offset: int, head: str,
                  marked: list[tuple[int, int]]) -> Quote | None:
    """"X called Y Z": Y and Z are X's words, when X (ending ``head``, which starts at ``offset``) is not the author."""
    if len(tokens) < 2 or not _has_label(sentence.text, verb.lower(), tokens):
        return None
    subject = subject_before(text, offset, head) or noun_phrase_before(text, offset, head)
    if subject is None or subject.text.lower() in AUTHOR_PRONOUNS:
        return None  # "I call this a disgrace": the author's own label
    end = _past_closer(text, sentence.start + tokens[-1].end(), sentence.end)
    start = tokens[0].start() - (sentence.text[tokens[0].start() - 1:tokens[0].start()] in QUOTE_OPENERS)
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
    quoted = [content[token.start() - 1:token.start()] in QUOTE_OPENERS for token in tokens]
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
        return lowered[label - 1] not in PREPOSITIONS and _TIME_WORDS.isdisjoint(lowered[label:label + 3])
    rest = lowered[label:]  # the whole phrase when no object's end is known
    if label and (len(rest) > MAX_BARE_LABEL_WORDS or rest[0] in _TIME_WORDS or rest[0] in _NOT_A_LABEL):
        return False
    if not PREPOSITIONS.isdisjoint(rest) or rest[-1].endswith("ly"):
        return False
    # after a pronoun any word is the label ("called them thugs"); else it must be evaluative
    return label == 1 and lowered[0] in _OBJECT_PRONOUNS or bool(_valence(rest[-1]))


def _shows_label(content: str, token: re.Match[str]) -> bool:
    """Whether the word after "as" opens a label: "a"/"an", a quotation, or an evaluative word."""
    word = token.group().lower()
    return word in ("a", "an") or content[token.start() - 1:token.start()] in QUOTE_OPENERS or bool(_valence(word))


def _passive_label(text: str, sentence: Sentence, verb: str, tokens: list[re.Match[str]],
                   marked: list[tuple[int, int]]) -> Quote | None:
    """"Y was called Z by X": Z is X's words; with no "by", someone's unnamed."""
    content = sentence.text
    lowered = [token.group().lower() for token in tokens]
    first = 1 if lowered[:1] == ["as"] else 0
    if first == 0 and verb.lower() not in _NAMING_VERBS or first >= len(tokens):
        return None
    word = tokens[first].group()
    quoted = content[tokens[first].start() - 1:tokens[first].start()] in QUOTE_OPENERS
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
        if not agent or agent[0].group().lower() in _NO_AGENT or agent[0].group().lower() in AUTHOR_PRONOUNS:
            return None  # 'called a "pause" by nobody': nobody's words; "by us": the author's
        speaker = clean_speaker(text, sentence.start + agent[0].start(), sentence.start + agent[-1].end()) or (
            TextSpan(sentence.start + agent[0].start(), sentence.start + agent[-1].end(),
                     text[sentence.start + agent[0].start():sentence.start + agent[-1].end()]))
    end = _past_closer(text, sentence.start + tokens[by - 1].end(), sentence.end)
    return _reported(text, sentence.start + tokens[first].start() - quoted, end, speaker, marked, min_words=1)


def _past_closer(text: str, end: int, limit: int) -> int:
    """``end``, or past the closing mark of a quoted label that ends there ('"responsible reform."')."""
    after = text[end:min(limit, end + 2)]
    if after[:1] in QUOTE_CLOSERS:
        return end + 1
    return end + 2 if len(after) == 2 and after[0] in ".,!?" and after[1] in QUOTE_CLOSERS else end


def _valence(word: str) -> float:
    """VADER's valence of a word (0 when it has none): an evaluative word."""
    return vader_tables()[0].get(word, 0.0)


def introduced_list(text: str, after: int, speaker: TextSpan | None, list_items: Sequence[tuple[int, int]],
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
