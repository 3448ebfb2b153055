"""Portrayal clause reading: a verb cue in a tokenised sentence -> its agent and patients, cast by word order.

There is no parser: a verb's subject and objects, passive voice, negation and whether a verb
form stands as a noun are read from word order within the clause, over closed classes of
function words. The stage's other cues (labels, frames, loaded terms) use the same readers
on the same ``Sentence``, which carries a window's tokens and the tallies every cue adds to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from framing.stages.portrayal_lexicon import AGENT_ROLE, CLAUSE_BREAK, PRONOUNS, ROLES, Hit, Role
from framing.text.wordlists import looks_plural

# ---- tuned constants -------------------------------------------------------------------------
# How many tokens back from a verb its subject may stand, and forward its object.
SUBJECT_REACH = 12
OBJECT_REACH = 6
# How many tokens back from a verb a subject such as "nothing" or "nobody" is looked for.
NEGATIVE_SUBJECT_REACH = 6
# How many tokens (a list, adjectives) may stand between a reporting verb and the deed it reports.
REPORTED_REACH = 5
# Weight factor of a hedged or modal cue ("could shell", "allegedly", "accused of").
HEDGE_FACTOR = 0.6
# The patient of a harm verb reached through a quantity ("hundreds of civilians") keeps it all;
# the cause named after "after/because" a suffering counts this much (antagonist).
CAUSE_WEIGHT = 0.6
# A negated help verb with "failed to / refused to / neglected to" casts its agent antagonist
# (incompetent) at this share of the verb's weight.
FAILED_HELP_FACTOR = 0.6
# A denied harm ("did not shell", "never lied") defends its subject at this share of the weight
# (the labelling guidelines: the role comes from what the sentence asserts about X).
NEGATED_HARM_FACTOR = 0.5

# Sufferings that are harms done to an object when one follows ("chose to starve a city").
TRANSITIVE_SUFFERINGS = frozenset({"starve"})
# Nouns of time, which make a phrase after a verb an adjunct, no object ("will starve this winter").
_TIME_WORDS = frozenset(
    "day days week weeks month months year years winter winters summer summers spring autumn night nights "
    "season seasons time times morning evening weekend".split())
# Forms of "be" and "get" (the auxiliary of a passive).
BE = frozenset("is are was were be been being am 's ’s get gets got gotten getting".split())
# Words that open a noun phrase: articles, demonstratives, possessives and quantities.
DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your some many several dozens hundreds "
    "thousands millions scores most all both each every any no".split()
)
_QUANTIFIERS = frozenset(
    "thousands hundreds dozens millions billions scores tens many some most all several number numbers "
    "group groups crowd crowds families none few half majority rest members".split()
)
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had having do does did will would shall should can could "
    "may might must 's ’s get gets got also then again still already just now repeatedly reportedly allegedly "
    "systematically deliberately routinely apparently effectively later once even further continued "
    "continue continues to who which that".split()
)
_MODALS = frozenset("could might may would allegedly reportedly apparently suspected accused if whether".split())
# Modals of obligation: "X should reopen the schools" urges a deed not done ("urged").
_URGING = frozenset(("should", "must", "ought"))
# Words that negate what follows them ("not", "never", "denied").
NEGATORS = frozenset("not never no nor neither without cannot hardly barely denied denies deny denying".split())
# Pronouns that, as a verb's subject, say nothing was done ("Nothing in it threatened Russia").
_NEGATIVE_PRONOUNS = frozenset(("nothing", "nobody", "none", "noone"))
_DO_FORMS = frozenset(("do", "does", "did", "done", "doing"))
_FAILED = frozenset("failed fails fail failing refused refuses refuse neglected neglects declined declines".split())
_SUBORDINATORS = frozenset(
    "after before because since while whereas although though if unless until when whenever once as".split()
)
# Verbs and words that introduce reported speech.
SPEECH = frozenset(
    "said says say told tells added stated declared announced claimed claims argued argues insisted insists "
    "warned warns noted wrote writes alleged alleges reported reports according".split()
)
# Prepositions: a mention after one is no subject, and an object is not read across one.
PREPOSITIONS = frozenset(
    "of from in at with for near across on inside outside among under over into within around behind "
    "beside between including like against to toward towards".split()
)
# Word sets the clause readers skip, built once (not per cue).
_BARE_DETERMINERS = DETERMINERS - _QUANTIFIERS  # before a mention in a prepositional modifier
_VERB_AUXILIARIES = _AUXILIARIES - {"who", "which", "that"}  # before a verb of a relative clause
# Words before a verb form that make it a noun ("the shelling", "Russia's attacks", "their pockets").
_NOMINAL_MARKERS = PRONOUNS | {"the", "a", "an", "'s", "’s", "this", "that"}
PASSIVE_AUXILIARIES = _AUXILIARIES - BE - {"who", "which", "that", "to"}  # between a verb and its "be"
_NOUN_OPENERS = frozenset(("the", "a", "an", "this", "these", "those"))  # articles and demonstratives
# Most mentions before a doer that share its deed ("Riyadh, Cairo, Amman and Ankara condemned"):
# a bound, so that a long list costs a constant per deed.
MAX_COORDINATED = 8
# Words that open where or when a deed was done, after a participle with no object ("killed in the strike").
_WHERE_OR_WHEN = frozenset("in during near after before since inside outside across while when last earlier".split())
_OBJECT_OPENERS = _NOUN_OPENERS | frozenset("its their his her our".split())  # "accused its rivals of …"
# Words that are no part of a bare noun phrase (the passive subject reader stops at them).
_FUNCTION_WORDS = (PREPOSITIONS | _SUBORDINATORS | _AUXILIARIES | PRONOUNS | SPEECH
                   | frozenset("i we you they he she it them us him me and or but nor not no whose".split()))
# Words after which an -ing form premodifies the noun that follows ("the smuggling gangs", "their fleeing children").
_MODIFIER_OPENERS = (PRONOUNS | _QUANTIFIERS | {"the", "a", "an", "these", "those", "'s", "’s"}) - {"all", "none"}
# Verbs that report, investigate or judge a deed: their subject did not do it ("Amnesty
# documented killings", "the UN has condemned torture and rape").
_REPORTING = frozenset(
    "document documents documented documenting report reports reported reporting record records recorded recording "
    "investigate investigates investigated investigating expose exposes exposed exposing condemn condemns condemned "
    "condemning denounce denounces denounced denouncing reveal reveals revealed revealing uncover uncovers uncovered "
    "uncovering decry decries decried decrying deplore deplores deplored deploring detail details detailed detailing "
    "chronicle chronicles chronicled chronicling catalogue catalogues catalogued cataloguing verify verifies verified "
    "verifying confirm confirms confirmed confirming witness witnesses witnessed witnessing probe probes probed "
    "probing examine examines examined examining describe describes described describing cite cites cited citing "
    "criticise criticises criticised criticising criticize criticizes criticized criticizing highlight highlights "
    "highlighted highlighting list lists listed listing note notes noted noting".split())
# Words that name the doer of the deed after "of", "with" or "for": "accused (X) of", "charged with",
# "responsible for", "praised for".
_CHARGED = frozenset(
    "accused accuse accuses accusing suspected suspect suspects guilty convicted charged charges charging blamed "
    "blame blames blaming culpable responsible jailed sentenced indicted arrested prosecuted credited praised".split())
# Words that make the next base form a verb ("will shell", "did not bomb") and the adverbs skipped before it.
_VERBAL_AUXILIARIES = frozenset("will would shall should can could may might must do does did 'll ’ll".split())
_VERB_ADVERBS = frozenset(
    "not never also then again still already just now often routinely repeatedly regularly systematically "
    "deliberately allegedly reportedly even".split())
_SUBJECT_PRONOUNS = frozenset("i we you they he she it".split())
# Verbs followed by a bare infinitive ("helped broker a deal", "let them shell the town").
_BARE_INFINITIVE_VERBS = frozenset("help helps helped helping let lets letting make makes made making".split())
# Words that cannot open a verb's object: conjunctions, forms of "be" and "have", relatives, "by",
# adverbs of time ("switched to gas last winter").
_NOT_OBJECTS = frozenset(
    "and or but nor than as is are was were be been being am has have had 's ’s who which that by "
    "after before during until since because while when where last next every today yesterday tomorrow "
    "tonight instead too again now then".split())


@dataclass(slots=True)
class Tally:
    """The cue weights summed per role on one mention, and the strongest cue of each role."""

    weights: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.0))
    best: dict[str, tuple[float, int, int, str, str | None]] = field(default_factory=dict)

    def add(self, role: Role, weight: float, span: tuple[int, int], cue: str, archetype: str | None) -> None:
        """Add one cue's weight to ``role``; it is the role's evidence when it is the strongest so far."""
        self.weights[role] += weight
        if weight > self.best.get(role, (0.0,))[0]:
            self.best[role] = (weight, span[0], span[1], cue, archetype)

    def merge(self, other: Tally) -> None:
        """Add the cues ``other`` tallied (a pronoun's, onto its antecedent mention)."""
        for role, weight in other.weights.items():
            self.weights[role] += weight
        for role, best in other.best.items():
            if best[0] > self.best.get(role, (0.0,))[0]:
                self.best[role] = best


@dataclass(slots=True)
class Sentence:
    """One sentence window as the cue readers see it: its tokens, the mention or quotation each
    belongs to, and the tallies its cues are cast onto (``cast``)."""

    text: str
    words: list[str]
    raw: list[str]
    starts: list[int]
    ends: list[int]
    owner: list[int]  # token -> mention index or -1
    region: list[int]  # token -> quotation index or -1
    mention_tokens: dict[int, tuple[int, int]]  # mention index -> (first token, last token + 1)
    factor: float
    tallies: dict[int, Tally]
    victim_heads: frozenset[str]
    verb_tokens: set[int] = field(default_factory=set)
    nouns: set[int] = field(default_factory=set)  # first tokens of noun-first cues standing as nouns
    pronouns: dict[int, int] = field(default_factory=dict)  # stand-in mention index -> its pronoun's token

    def cast(self, mention: int, role: Role, weight: float, first: int, last: int, cue: str,
             archetype: str | None) -> None:
        """Tally a cue (tokens ``first``..``last``) on ``mention`` for ``role``, scaled by the sentence's factor."""
        if weight <= 0.0:
            return
        span = (self.starts[first], self.ends[last - 1])
        pronoun = self.pronouns.get(mention)
        if pronoun is not None:  # the evidence of a resolved "she" shows the pronoun too: "She deserves credit"
            span = (min(span[0], self.starts[pronoun]), max(span[1], self.ends[pronoun]))
        tally = self.tallies.get(mention)
        if tally is None:
            tally = self.tallies[mention] = Tally()
        tally.add(role, weight * self.factor, span, cue, archetype)


def preceding(sentence: Sentence, i: int, skip: frozenset[str]) -> int:
    """Index of the nearest token before ``i`` that is not in ``skip`` (-1 at the start)."""
    j = i - 1
    while j >= 0 and sentence.words[j] in skip and sentence.owner[j] < 0:
        j -= 1
    return j


def read_negation(sentence: Sentence, first: int) -> tuple[str | None, float]:
    """("negated" | "failed" | "nobody" | "urged" | None, weight factor) from the words before a verb cue.

    "nobody": the clause's subject is "nothing", "nobody", "no one" or "none"; "urged": a modal of
    obligation ("should", "must", "ought to") asks for the deed, which is not done.
    """
    words = sentence.words
    factor = 1.0
    j = first - 1
    seen = 0
    while j >= 0 and seen < 4 and sentence.owner[j] < 0:
        word = words[j]
        if word in _FAILED or (word == "nothing" and words[j + 1] == "to" and j > 0
                               and words[j - 1] in _DO_FORMS):  # "did nothing to protect"
            return "failed", factor
        if word in NEGATORS or word.endswith(("n't", "n’t")):
            return "negated", factor
        if word == "to" and _too_to(sentence, j):  # "too timid to confront", "not brave enough to"
            return "failed", factor
        if word in _URGING:
            return "urged", factor
        if word in _MODALS:
            factor = HEDGE_FACTOR
        elif word not in _AUXILIARIES and word not in ("to", "be", "of") and not word.endswith("ly"):
            break
        j -= 1
        seen += 1
    if _has_negative_subject(sentence, j):
        return "nobody", factor
    if first >= 2 and words[first - 1] in (",", "and", "or") and _urged_before(sentence, first - 1):
        return "urged", factor  # "The union should take the deal, reopen the schools": one series, urged
    return None, factor


# How far back a series of verbs is read for the modal that governs it.
MAX_SERIES_TOKENS = 10


def _urged_before(sentence: Sentence, j: int) -> bool:
    """Whether a modal of obligation opens the series of verb phrases that ends at token ``j``, with no
    mention, clause break or sentence end between ("should take the deal, reopen the schools")."""
    words, owner = sentence.words, sentence.owner
    for k in range(j - 1, max(-1, j - MAX_SERIES_TOKENS), -1):
        if owner[k] >= 0 or words[k] in CLAUSE_BREAK or words[k] in (".", ";", ":", "?", "!"):
            return False
        if words[k] in _URGING:
            return True
    return False


def _too_to(sentence: Sentence, to: int) -> bool:
    """Whether the "to" at token ``to`` closes "too <adjective> to" or "not <adjective> enough to".

    Both say the deed was not done, like "failed to". The "too" of "also" ("She, too, wanted
    to", "Unions too vowed to") follows its subject and is left alone.
    """
    words, owner = sentence.words, sentence.owner
    negated_enough = to >= 1 and words[to - 1] == "enough"
    for k in range(to - 1, max(-1, to - 5), -1):
        word = words[k]
        if owner[k] >= 0 or not (word.isalpha() or word == ","):
            return False
        if word == "too" and k + 1 < to and words[k + 1] != "," and not negated_enough:
            return k == 0 or (owner[k - 1] < 0 and words[k - 1] not in _SUBJECT_PRONOUNS
                              and words[k - 1] != ",")
        if negated_enough and (word in NEGATORS or word.endswith(("n't", "n’t"))):
            return True
    return False


def _has_negative_subject(sentence: Sentence, j: int) -> bool:
    """Whether the clause ending at token ``j`` opens with "nothing", "nobody", "no one" or "none".

    "Nothing in the plan threatened Russia" says no harm was done, so no one is cast by it.
    The pronoun must open its clause: in "will stop at nothing to destroy" or "has nothing
    to gain by attacking" it is no subject.
    """
    words = sentence.words
    stop = max(-1, j - NEGATIVE_SUBJECT_REACH)
    while j > stop and sentence.owner[j] < 0:
        word = words[j]
        if word in _NEGATIVE_PRONOUNS or (word == "one" and j > 0 and words[j - 1] == "no"):
            opener = j - 2 if word == "one" else j - 1
            return opener < 0 or _opens_clause(words[opener])
        if word in CLAUSE_BREAK or word in (",", ".", "!", "?") or word in _SUBORDINATORS:
            return False
        j -= 1
    return False


def _opens_clause(word: str) -> bool:
    """Whether a clause can start right after ``word`` (punctuation, a break, a conjunction)."""
    return word in CLAUSE_BREAK or word in (",", ".", "!", "?", "and", "but", "or", "yet", "so") \
        or word in _SUBORDINATORS


def _is_pp_mention(sentence: Sentence, first: int) -> bool:
    """Whether the mention starting at token ``first`` sits in a prepositional modifier, perhaps
    coordinated with a mention that does ("farmers in Poland and France")."""
    j = preceding(sentence, first, _BARE_DETERMINERS)
    if j == first - 1 >= 1 and sentence.words[j] in ("and", "or", ",") and sentence.owner[j - 1] >= 0:
        # (a bare name: "in Poland and France"; "people like Samir and the drivers" joins the drivers to the people)
        return _is_pp_mention(sentence, sentence.mention_tokens[sentence.owner[j - 1]][0])
    if j < 0 or sentence.words[j] not in PREPOSITIONS:
        return False
    if sentence.words[j] == "of":
        k = j - 1
        return not (k >= 0 and (sentence.words[k] in _QUANTIFIERS or sentence.words[k].isdigit()))
    return True


def find_subject(sentence: Sentence, i: int) -> int:
    """The mention standing as subject of the verb at token ``i``, or -1."""
    words, owner = sentence.words, sentence.owner
    region = sentence.region[i]
    j = i - 1
    steps = 0
    crossed_comma = False
    while j >= 0 and steps < SUBJECT_REACH:
        if sentence.region[j] != region:
            return -1
        k = owner[j]
        if k >= 0:
            first, _ = sentence.mention_tokens[k]
            before = preceding(sentence, first, DETERMINERS)
            is_object = before >= 0 and before in sentence.verb_tokens and not (
                words[before] in _REPORTING and words[before + 1] == "that")  # "revealed that soldiers kill"
            if not _is_pp_mention(sentence, first) and not is_object:
                return k
            j = first - 1
            steps += 1
            continue
        word = words[j]
        if word == "by" and j == i - 1 and sentence.words[i].endswith("ing"):
            j -= 1  # "responded by hurling": the means, not a passive agent
            steps += 1
            continue
        if word in CLAUSE_BREAK or word in SPEECH or word in (".", "!", "?", "by"):
            return -1
        if word in _SUBORDINATORS and not (word == "as" and j + 1 < len(words) and words[j + 1] == "well"):
            return -1
        if word == ",":
            crossed_comma = True
        elif crossed_comma and j in sentence.verb_tokens:
            previous = preceding(sentence, j, _VERB_AUXILIARIES)
            if not (previous >= 0 and words[previous] in ("who", "which", "that")):
                return -1
        j -= 1
        steps += 1
    return -1


def find_objects(sentence: Sentence, j: int) -> list[int]:
    """Mentions standing as object right after token ``j`` (coordinated ones included)."""
    words, owner = sentence.words, sentence.owner
    found: list[int] = []
    steps = 0
    n = len(words)
    while j < n and steps < OBJECT_REACH:
        k = owner[j]
        if k >= 0:
            found.append(k)
            j = sentence.mention_tokens[k][1]
            if j < n and words[j] in ("and", "or", ",") and j + 1 < n and (
                    owner[j + 1] >= 0 or words[j + 1] in DETERMINERS):
                j += 1
                steps = 0
                continue
            break
        word = words[j]
        if found or word in CLAUSE_BREAK or word in (".", ",", "!", "?", "by") or j in sentence.verb_tokens:
            break
        if word in PREPOSITIONS and not (word == "of" and j > 0 and (
                words[j - 1] in _QUANTIFIERS or words[j - 1].isdigit())):
            break
        j += 1
        steps += 1
    return found


def _by_agent(sentence: Sentence, j: int) -> int:
    """The mention after "by" within reach of token ``j`` (the agent of a passive), or -1."""
    words = sentence.words
    for m in range(j, min(len(words), j + 4)):
        if words[m] == "by":
            found = find_objects(sentence, m + 1)
            return found[0] if found else -1
        if words[m] in CLAUSE_BREAK or words[m] in (".", ","):
            return -1
    return -1


def cast_verb_cue(sentence: Sentence, hit: Hit) -> None:
    """Cast the agent and patients of a harm, help, resistance or suffering cue (none when it is denied)."""
    entry = hit.entry
    words = sentence.words
    cue = f"{entry.kind}:{entry.term}"
    if sentence.owner[hit.first] >= 0:
        k = sentence.owner[hit.first]
        first, last = sentence.mention_tokens[k]
        if entry.form == "ing" and first == hit.first < hit.last < last and (
                hit.first == 0 or sentence.raw[hit.first].islower()):  # the mention "smuggling gangs"
            _cast_modified(sentence, hit, k, entry.weight, cue)
        return  # "Shell", "Defend Europe": part of a name
    as_noun = entry.noun_first and hit.first in sentence.nouns  # "Russia's raid on Kyiv": a nominal
    negation, factor = read_negation(sentence, hit.first)
    weight = entry.weight * factor
    if negation == "nobody":
        return  # "Nothing in it threatened Russia": no one harmed, no one harms
    if negation == "negated":
        if entry.kind == "harm":  # "X did not shell the school" defends X
            subject = find_subject(sentence, hit.first)
            if subject >= 0:
                sentence.cast(subject, "protagonist", weight * NEGATED_HARM_FACTOR, hit.first, hit.last,
                              f"negated_{cue}", None)
        return
    if negation == "urged":
        if entry.kind != "harm":
            return  # "The union should reopen the schools": a good deed asked for is none done
        weight *= HEDGE_FACTOR  # "Israel must strike": a harm called for, weaker than one done
    if negation == "failed":
        if entry.kind == "help":
            subject = find_subject(sentence, hit.first)
            if subject >= 0:
                sentence.cast(subject, "antagonist", weight * FAILED_HELP_FACTOR, hit.first, hit.last,
                              f"failed_{cue}", "incompetent")
        return
    if entry.form == "ing" and hit.last - hit.first == 1:
        modified = _modified_by_ing(sentence, hit)
        if modified >= 0:  # "smuggling gangs", "bombing victims", "fleeing civilians"
            _cast_modified(sentence, hit, modified, weight, cue)
            return
    if hit.slot:
        patients = [k for k in find_objects(sentence, hit.slot[0]) if sentence.mention_tokens[k][1] <= hit.slot[1]]
    else:
        patients = []
    agent = -1
    if as_noun or entry.form == "noun" or (entry.kind != "suffer" and entry.form in ("base", "ing") and (
            _is_nominal(sentence, hit) or _is_reported(sentence, hit.first))):
        agent, patients = _nominal(sentence, hit)
    elif entry.kind == "suffer":
        if entry.form in ("base", "ing") and hit.first and words[hit.first - 1] in _NOUN_OPENERS:
            return  # "punishing the drowning": a noun, no one's suffering
        subject = find_subject(sentence, hit.first)
        if entry.term in TRANSITIVE_SUFFERINGS and hit.last < len(words) and (
                sentence.owner[hit.last] >= 0 or words[hit.last] in _OBJECT_OPENERS
                and _TIME_WORDS.isdisjoint(words[hit.last + 1:hit.last + 4])):
            # "chose to starve a city": with an object the suffering is a harm its subject does
            if subject >= 0:
                sentence.cast(subject, "antagonist", weight, hit.first, hit.last, cue, "tyrant")
            for patient in find_objects(sentence, hit.last - 1):
                sentence.cast(patient, "innocent", weight, hit.first, hit.last, f"{cue}:patient", "victim")
            return
        if subject >= 0:
            sentence.cast(subject, "innocent", weight, hit.first, hit.last, cue, entry.archetype or "victim")
        _cause(sentence, hit)
        return
    else:
        before = preceding(sentence, hit.first, PASSIVE_AUXILIARIES)
        while before >= 0 and words[before].endswith("ly") and sentence.owner[before] < 0 \
                and before not in sentence.verb_tokens:
            before = preceding(sentence, before, PASSIVE_AUXILIARIES)  # "was badly burned"
        participle = entry.form == "ed" or words[hit.first].endswith(("ed", "en", "wn"))
        previous = words[hit.first - 1] if hit.first else ""
        if participle and (previous.isdigit() or previous in DETERMINERS or previous in _QUANTIFIERS
                           or previous in ("more", "than", "most")):
            for patient in find_objects(sentence, hit.last):  # "90 wounded", "the displaced families"
                sentence.cast(patient, "innocent", weight, hit.first, hit.last, f"{cue}:patient",
                              entry.patient[1] if entry.patient else "victim")
            return
        passive = participle and before >= 0 and words[before] in BE
        reduced = participle and not passive and (
            hit.last < len(words) and words[hit.last] == "by" or _reduced_relative(sentence, hit))
        if passive or reduced:
            head = _passive_head(sentence, before) if passive else None
            subject = find_subject(sentence, before if passive else hit.first) if head is None else head
            if subject >= 0:
                patients.append(subject)
            agent = _by_agent(sentence, hit.last)
        elif participle and (before < 0 or words[before] in DETERMINERS
                                     or sentence.owner[before] < 0 and before not in sentence.verb_tokens
                                     and words[before] not in PRONOUNS and find_subject(sentence, hit.first) < 0):
            patients += find_objects(sentence, hit.last)  # "the shelled village", "displaced families"
        elif participle and hit.first >= 2 and words[hit.first - 2] == "of" and sentence.owner[hit.first - 1] < 0 \
                and _is_bare_noun(words[hit.first - 1]):
            agent = -1  # "documented cases of suspects killed in their homes": a reduced relative, no doer named
        else:
            agent = _gerund_agent(sentence, hit.first)
            if agent == -1:
                agent = find_subject(sentence, hit.first)
            if not hit.slot:
                patients += find_objects(sentence, hit.last)
    agent_role = AGENT_ROLE.get(entry.kind)
    if entry.kind == "harm" and not patients and _crime_object(sentence, hit.last):
        return  # "officers dismantled 300 drug dens": a harm done to a crime, no villain's deed
    if entry.needs_patient and not patients and not (hit.last < len(words) and words[hit.last] in _PERSONAL_OBJECTS):
        return  # "the council voted to ban short-term lets": a rule made about things, no one harmed ("banned them" harms)
    if agent >= 0 and agent_role:
        for doer in (*_coordinated_before(sentence, agent), agent):  # "Russia and Iran attacked"
            sentence.cast(doer, agent_role, weight, hit.first, hit.last, cue, entry.archetype)
    for patient in patients:
        if patient == agent:
            continue
        if entry.patient and entry.patient[0]:
            sentence.cast(patient, entry.patient[0], weight, hit.first, hit.last, f"{cue}:patient", entry.patient[1])
        elif entry.kind == "harm" and entry.patient is None:
            sentence.cast(patient, "innocent", weight, hit.first, hit.last, f"{cue}:patient", "victim")


# Object pronouns that stand for people: after a verb flagged p they are its patient though no mention is.
_PERSONAL_OBJECTS = frozenset("me us you him her them".split())
# Nouns of crime as a harm verb's object: harming one is no villain's deed ("raided drug dens",
# "dismantled the smuggling ring", "destroyed coca plantations").
_CRIME_OBJECTS = frozenset(
    """den dens cartel cartels gang gangs ring rings syndicate syndicates racket rackets lab labs laboratories
    plantation plantations trafficking smuggling network networks cell cells hideout hideouts stash stashes
    mafia mafias""".split()
)
# The words of a crime's name before its head noun ("drug", "terror", "smuggling").
_CRIME_MODIFIERS = frozenset(
    """drug drugs narcotics narco cocaine heroin meth methamphetamine opium coca shabu terror terrorist
    terrorists smuggling trafficking criminal crime mafia gang jihadist militant extremist""".split()
)
# Words that may follow an object's head noun: prepositions, conjunctions, relatives, adverbs of time.
_AFTER_AN_OBJECT = frozenset(
    "in on at across near around since during after before and or but that which who with from to for by "
    "last this yesterday today".split())
# How far after a harm verb its object's head may stand ("dismantled more than 300 drug dens").
MAX_CRIME_OBJECT_WORDS = 6


def _crime_object(sentence: Sentence, after: int) -> bool:
    """Whether the words after a harm verb name a crime as its object ("more than 300 drug dens",
    "a heroin smuggling ring"): a noun of crime there, after a modifier of crime, before any mention."""
    words, owner = sentence.words, sentence.owner
    seen_modifier = False
    for j in range(after, min(len(words), after + MAX_CRIME_OBJECT_WORDS)):
        if owner[j] >= 0 or words[j] in CLAUSE_BREAK:
            return False
        if words[j] in _CRIME_MODIFIERS:
            seen_modifier = True
        elif seen_modifier and words[j] in _CRIME_OBJECTS:
            # the crime heads the object: nothing nominal after it ("the drug cartel members' homes" is homes)
            return j + 1 == len(words) or not words[j + 1].isalpha() or words[j + 1] in _AFTER_AN_OBJECT
    return False


def _coordinated_before(sentence: Sentence, k: int) -> list[int]:
    """The mentions joined to mention ``k`` by "and", "or" or a comma right before it ("Russia and
    Iran", "Riyadh, Cairo and Ankara"), nearest last; none when the first of them is inside a
    prepositional modifier ("farmers in Poland and France")."""
    words, owner = sentence.words, sentence.owner
    joined: list[int] = []  # nearest first, reversed at the end
    first = sentence.mention_tokens[k][0]
    while first >= 2 and words[first - 1] in ("and", "or", ",") and owner[first - 2] >= 0 \
            and len(joined) < MAX_COORDINATED:
        k = owner[first - 2]
        joined.append(k)
        first = sentence.mention_tokens[k][0]
    joined.reverse()
    if joined and _is_pp_mention(sentence, sentence.mention_tokens[joined[0]][0]):
        return []
    return joined


def _reduced_relative(sentence: Sentence, hit: Hit) -> bool:
    """Whether a participle right after a mention, with no object after it, says what was done to that
    mention ("the two people killed gathered", "civilians killed in the strike"), not what it did."""
    words = sentence.words
    if hit.first == 0 or sentence.owner[hit.first - 1] < 0:
        return False
    if hit.last >= len(words):
        return True
    following = words[hit.last]  # (not "at", "on", "into": "soldiers fired on the crowd" did the firing)
    return following in _WHERE_OR_WHEN or following in (".", ",", ";", ":", "!", "?") or (
        following.endswith("ed") and hit.last not in sentence.verb_tokens)  # (not "treated bombing victims")


def _gerund_agent(sentence: Sentence, i: int) -> int:
    """The mention before "of" or "for" that a gerund at token ``i`` is said of: "accused the
    government of killing protesters", "praised firefighters for rescuing", where the sentence's
    subject (the accuser, the one praising) does not do the deed. -2 when a noun phrase that is no
    mention stands there ("accused the army of torturing": no agent named; "accuse each other of"), -1 when none does
    ("responsible for killing", "jailed for killing": the subject's deed)."""
    words, owner = sentence.words, sentence.owner
    if i < 2 or not words[i].endswith("ing") or words[i - 1] not in ("of", "for"):
        return -1
    if owner[i - 2] >= 0:
        return owner[i - 2]
    if words[i - 2] == "another" or words[i - 2] == "other" and i >= 3 and words[i - 3] == "each":
        return -2  # "accuse each other of blocking": a charge both ways, no doer the author names
    return -2 if i >= 3 and words[i - 3] in _OBJECT_OPENERS else -1


def _passive_head(sentence: Sentence, be: int) -> int | None:
    """The passive subject when a bare noun stands right before its auxiliaries ("every family
    whose house was destroyed"): the noun's mention, the possessor mention named by "'s" or
    "whose" ("Palestinians whose homes were demolished"), or -1 (nobody; a house is no actor).
    None when no such noun phrase stands there (read the subject as usual).
    """
    words, owner = sentence.words, sentence.owner
    t = be - 1
    while t >= 0 and owner[t] < 0 and (words[t] in PASSIVE_AUXILIARIES or words[t] in BE):
        t -= 1  # "whose house had been destroyed"
    if t < 0 or owner[t] >= 0 or not _is_bare_noun(words[t]):
        return None
    for d in range(t - 1, max(-1, t - 4), -1):  # the noun phrase's opener, over its adjectives
        word = words[d]
        if owner[d] >= 0 or not (word.isalpha() or word in ("'s", "’s")):
            return None
        if word in ("'s", "’s", "whose"):
            return owner[d - 1] if d >= 1 else -1  # the possessor is the one who suffers
        if word in DETERMINERS or word in _QUANTIFIERS:
            in_phrase = d >= 1 and words[d - 1] in PREPOSITIONS  # "residents in the city were evacuated"
            return None if in_phrase else -1
        if not _is_bare_noun(word):
            return None
    return None


def _is_bare_noun(word: str) -> bool:
    """Whether ``word`` may be a noun or adjective of a noun phrase (no function word, no adverb)."""
    return word.isalpha() and not word.endswith("ly") and word not in _FUNCTION_WORDS


def _modified_by_ing(sentence: Sentence, hit: Hit) -> int:
    """The mention an -ing cue stands before as a premodifier ("smuggling gangs"), or -1.

    The -ing form modifies the noun after it when it opens the sentence or follows a determiner,
    a possessive, a number or the "by" of a passive ("packed by smuggling gangs"). Before a victim
    head ("treated bombing victims") or as a suffering ("helped fleeing families") it also does
    after another verb. After "be", an auxiliary, a mention, a pronoun, a preposition or a
    subordinator it is a verb with its object ("were killing civilians", "accused of killing
    protesters", "after fleeing Syria").
    """
    words, owner = sentence.words, sentence.owner
    k = owner[hit.last] if hit.last < len(words) else -1
    if k < 0 or sentence.mention_tokens[k][0] != hit.last:
        return -1
    p = hit.first - 1
    if p < 0:
        return k
    word = words[p]
    if owner[p] >= 0 or word in _AUXILIARIES or word in _SUBJECT_PRONOUNS or word in _SUBORDINATORS:
        return -1
    if word in _MODIFIER_OPENERS or word.isdigit():
        return k
    if word == "by":
        before = preceding(sentence, p - 1, PASSIVE_AUXILIARIES)
        passive = p >= 1 and words[p - 1].endswith(("ed", "en", "wn")) and before >= 0 and words[before] in BE
        return k if passive else -1
    loose = hit.entry.kind == "suffer" or words[sentence.mention_tokens[k][1] - 1] in sentence.victim_heads
    return k if loose and word.isalpha() and word not in PREPOSITIONS else -1


def _cast_modified(sentence: Sentence, hit: Hit, mention: int, weight: float, cue: str) -> None:
    """Cast the mention an -ing cue premodifies: its doer ("smuggling gangs"), or its sufferer
    when it is a suffering ("fleeing civilians") or its head a victim ("bombing victims")."""
    entry = hit.entry
    if entry.kind == "suffer":
        sentence.cast(mention, "innocent", weight, hit.first, hit.last, cue, entry.archetype or "victim")
    elif sentence.words[sentence.mention_tokens[mention][1] - 1] in sentence.victim_heads:
        if entry.patient and entry.patient[0]:
            sentence.cast(mention, entry.patient[0], weight, hit.first, hit.last, f"{cue}:patient", entry.patient[1])
        elif entry.kind == "harm" and entry.patient is None:
            sentence.cast(mention, "innocent", weight, hit.first, hit.last, f"{cue}:patient", "victim")
    else:
        role = AGENT_ROLE.get(entry.kind)
        if role:
            sentence.cast(mention, role, weight, hit.first, hit.last, cue, entry.archetype)


def is_verbal(sentence: Sentence, hit: Hit) -> bool:
    """Whether the base form of a noun-first lemma (flag ``n``: "gas", "shell", "raid") stands as a verb.

    Only clearly verbal positions count, after the adverbs between: a modal, "do", "to" or a
    verb taking a bare infinitive ("will shell", "did not bomb", "vowed to target", "helped broker"); a subject pronoun or "who"/"which"
    ("they raid", "gangs who traffic"); or a subject mention that agrees with the form
    ("Russian forces shell", "Russia shells"). After "to" or "which"/"that" an object must
    follow ("switched to gas last winter" is a noun), and after a plural mention the clause
    must go on ("a police raid on the camp" is a noun).
    Elsewhere (after a preposition, a determiner, an adjective or another verb) it is a noun.
    """
    words, owner = sentence.words, sentence.owner
    bare = words[hit.first] == hit.entry.term.split()[0]  # "shell", not "shells"
    j = hit.first - 1
    while j >= 0 and owner[j] < 0:
        if words[j] in _VERB_ADVERBS or words[j].endswith("ly"):
            j -= 1
        elif words[j] == "own" and j >= 2 and words[j - 1] in PRONOUNS and words[j - 2] == "on":
            j -= 3  # "the rebels on their own attack villages"
        else:
            break
    if j < 0:
        return False
    word = words[j]
    if owner[j] >= 0:
        first, last = sentence.mention_tokens[owner[j]]
        before = preceding(sentence, first, DETERMINERS)
        if _is_pp_mention(sentence, first) or (before >= 0 and before in sentence.verb_tokens):
            return False
        plural = looks_plural(words[last - 1]) or (  # "Hamas and Islamic Jihad fire rockets"
            first >= 2 and words[first - 1] in ("and", "&") and owner[first - 2] >= 0)
        return bare == plural and (not bare or _clause_goes_on(sentence, hit.last))
    if word in _SUBJECT_PRONOUNS:
        return bare == (word not in ("he", "she", "it"))
    if word == "who":
        return True
    if word == "which" or (word == "that" and j > 0 and owner[j - 1] >= 0):  # also determiners: "that bomb"
        return _object_follows(sentence, hit.last)
    if word == "to" or word in _BARE_INFINITIVE_VERBS:  # "vowed to bomb them", "helped broker the deal"
        return bare and _object_follows(sentence, hit.last)
    return bare and (word in _VERBAL_AUXILIARIES or word.endswith(("n't", "n’t")))


def _object_follows(sentence: Sentence, j: int) -> bool:
    """Whether token ``j`` can open the object of a verb (no stop, preposition, conjunction or verb)."""
    if j >= len(sentence.words):
        return False
    word = sentence.words[j]
    return sentence.owner[j] >= 0 or (word[0].isalnum() and word not in PREPOSITIONS and word not in _NOT_OBJECTS)


def _charged(sentence: Sentence, j: int) -> int:
    """The one accused of, charged with or praised for the deed after the preposition at token ``j``:
    the object of the charging word ("accused the army of torture"), else its subject ("police
    were accused of torture", "the firm is responsible for the spill"), or -1."""
    words, owner = sentence.words, sentence.owner
    k = j - 1
    if words[k] in _CHARGED:
        return find_subject(sentence, k)
    if owner[k] >= 0:
        first = sentence.mention_tokens[owner[k]][0]
        for before in range(first - 1, max(-1, first - 4), -1):  # "accused (the) Russian soldiers of"
            if words[before] in _CHARGED:
                return owner[k]
            if owner[before] >= 0 or not words[before].isalpha():
                break
    return -1


def _is_reported(sentence: Sentence, first: int) -> bool:
    """Whether the deed at token ``first`` is the object of a reporting verb, alone or in a list
    ("documented torture and rape", "reported widespread looting"): then it is a nominal, and the
    reporter's subject is not its agent."""
    words, owner = sentence.words, sentence.owner
    j = first - 1
    while j >= 0 and j >= first - REPORTED_REACH and owner[j] < 0:
        word = words[j]
        if word in _REPORTING:
            return True
        if not (word.isalpha() or word == ",") or word in BE or word in _SUBJECT_PRONOUNS \
                or word in _SUBORDINATORS or word in ("that", "who", "which", "how", "whether", "to"):
            return False
        j -= 1
    return False


def _clause_goes_on(sentence: Sentence, j: int) -> bool:
    """Whether a verb's clause can go on at token ``j``: not its end, a conjunction or the "on"/"of"
    that follows a noun ("a police raid on the camp", but "workers strike over pay")."""
    if j >= len(sentence.words):
        return False
    word = sentence.words[j]
    return sentence.owner[j] >= 0 or (word[0].isalnum() and word not in _NOT_OBJECTS
                                      and word not in ("of", "on", "upon"))


def _is_nominal(sentence: Sentence, hit: Hit) -> bool:
    """Whether a verb form stands as a noun: "the shelling of", "Russia's attacks on"."""
    words = sentence.words
    before = words[hit.first - 1] if hit.first else ""
    if before in _NOMINAL_MARKERS:
        return True
    if before == "own" and hit.first >= 2 and words[hit.first - 2] in PRONOUNS and (
            hit.first < 3 or words[hit.first - 3] not in ("on", "by")):
        return True  # "out of their own pockets", but not "the rebels on their own attack villages"
    return hit.last < len(words) and words[hit.last] in ("of", "on", "against") and hit.last - hit.first == 1 and (
        words[hit.first].endswith("s") and not words[hit.first].endswith("ss"))


def _nominal(sentence: Sentence, hit: Hit) -> tuple[int, list[int]]:
    """Agent and patients of a nominal cue: "Russia's invasion of Ukraine", "attacks on journalists by X"."""
    words, owner = sentence.words, sentence.owner
    agent = -1
    j = hit.first - 1
    # The possessor or premodifying mention, over adjectives ("Russia's unprovoked invasion",
    # "Israeli targeted killings") and, after a possessive, a noun ("Russia's gas blackmail");
    # a reporting verb is no adjective ("Amnesty documented killings").
    while j >= hit.first - 3 and j >= 0 and owner[j] < 0 and words[j] not in DETERMINERS \
            and words[j].endswith(("ed", "ful", "ous", "ic")) \
            and (words[j] not in _REPORTING or j >= 1 and words[j - 1] in ("'s", "’s")):  # "Russia's reported"
        j -= 1
    if j >= 0 and owner[j] < 0 and words[j] not in ("'s", "’s") and j >= 1 and words[j - 1] in ("'s", "’s") \
            and words[j].isalpha() and words[j] not in DETERMINERS:
        j -= 1
    if j >= 0 and words[j] in ("'s", "’s"):
        j -= 1
    if j >= 0 and owner[j] >= 0:
        agent = owner[j]
    else:
        if j >= 2 and words[j] in ("the", "a", "an"):
            j -= 1  # "accused of the killings"
        if j >= 1 and words[j] in ("of", "with", "for"):
            agent = _charged(sentence, j)
    patients: list[int] = []
    after = hit.last
    if after < len(words) and words[after] in ("of", "on", "against", "upon"):
        patients = find_objects(sentence, after + 1)
        after = sentence.mention_tokens[patients[-1]][1] if patients else after + 1
    by = _by_agent(sentence, after)
    if by >= 0:
        agent = by
    return agent, patients


def _cause(sentence: Sentence, hit: Hit) -> None:
    """The actor named after "after/because (of)" a suffering caused it: "face eviction after X doubled"."""
    words = sentence.words
    for j in range(hit.last, min(len(words), hit.last + 4)):
        if words[j] in ("after", "because", "since", "as"):
            m = j + 1
            if m < len(words) and words[m] == "of":
                m += 1
            for k in range(m, min(len(words), m + 6)):
                if words[k] in CLAUSE_BREAK or words[k] == ".":
                    break
                if sentence.owner[k] >= 0 and not _is_pp_mention(sentence, sentence.mention_tokens[sentence.owner[k]][0]):
                    sentence.cast(sentence.owner[k], "antagonist", CAUSE_WEIGHT, hit.first, hit.last,
                                  "cause_of_suffering", None)
                    return
            return
