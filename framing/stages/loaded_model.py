"""Learned loaded-phrase scorer: text -> charged words and short phrases that no term list holds.

Each content word is scored by a logistic regression over properties, never over the word's
identity: VADER valence of the word, of a related form and of its neighbours, intensifier and
booster cues, suffix and shape, how common the word is in news, metaphor and dehumanisation
vocabulary (animals, vermin, disease, fire, war, crime, theatre), whether a person or group
stands beside it, and the lexicon category of a related form. The weights were fitted at build
time by ``tools/train_loaded_model.py`` and ship as plain JSON (``framing/data/loaded_terms.json``);
scoring is dict lookups and additions, memoised per word, so it runs in linear time without
scikit-learn or NumPy. Seeds above the threshold grow into a phrase over adjacent charged
words, an ``of`` between two of them ("firestorm of outrage") and a verb particle ("signed away").
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import add, itemgetter
from typing import Any, Final

from framing.text.resources import read_model_text
from framing.text.valence import vader_tables

FEATURE_VERSION = 5
MODEL_FILE = "loaded_terms.json"
# Probability at which a word seeds a hit: 0.5, the fitted model's own decision boundary
# (chosen before any evaluation; see the model card).
DEFAULT_THRESHOLD = 0.2
# A neighbour joins a seed's phrase at this lower probability (hysteresis; a round number,
# not tuned on any evaluation set).
EXTEND_THRESHOLD = 0.1
# The category head must be at least this sure, else the hit is "loaded_other".
CATEGORY_MIN = 0.35
OTHER_CATEGORY = "loaded_other"
# Memoised words before the memo starts afresh (bounds memory on huge corpora).
MAX_WORD_CACHE = 200_000

# A word of letters, inner apostrophes and hyphens; never the tail of a token that opens with
# digits ("1920s-style", "3rd", "5G"): a phrase must not start inside a token. A dash ("men--torched")
# or an underscore ("_torched_", Markdown emphasis) before a word is no part of a token.
WORD = re.compile(r"(?<![^\W_])(?<![^\W_]-)[^\W\d_]+(?:['’-][^\W\d_]+)*")
# WORD as one group, so that splitting on it keeps the words between the gaps.
_WORD_GROUP = re.compile(f"({WORD.pattern})")

# Closed-class words: never candidates; as neighbours their identity is a feature.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its it's they them their theirs he him his she her hers
    we us our ours you your yours i me my mine who whom whose which what whatever when where why how
    and or but nor so yet if then than because while although though unless until since as
    of in on at by for with without within into onto upon from to toward towards about above below
    under over after before during through across against among between beyond via per
    is am are was were be been being do does did doing done have has had having
    will would shall should can could may might must ought
    not no never none nothing nobody neither either both each every all any some many much more most
    few fewer less least other another such same own only just also too very quite rather
    said says say saying told tell tells asked ask according
    one two three four five six seven eight nine ten first second third last next
    mr mrs ms dr st up down out off away back again ever even still already now then
    year years month months week weeks day days today yesterday tomorrow time times
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """.split()
)
# Words whose literal sense is the one news reports in its own voice: outbreaks ("the coronavirus
# pandemic", "a highly contagious virus"), natural disasters ("the earthquake", "floods") and the
# events of war, terror and crime ("a bomb exploded", "the attackers", "murdered"). The scorer never
# scores them, so they neither start nor join a phrase; their metaphors ("a plague of lies",
# "a flood of migrants", "a political earthquake", "killer virus") are lexicon entries with sense rules.
LITERAL_WORDS = frozenset(
    """
    pandemic pandemics epidemic epidemics outbreak outbreaks infection infections infected infectious
    contagious contagion virus viruses viral coronavirus coronaviruses covid covid-19 pathogen pathogens flu
    influenza
    earthquake earthquakes quake quakes aftershock aftershocks tremor tremors tsunami tsunamis floods
    floodwater floodwaters storm storms hurricane hurricanes typhoon typhoons cyclone cyclones tornado
    tornadoes wildfire wildfires bushfire bushfires blaze blazes avalanche avalanches mudslide mudslides
    landslides drought droughts eruption eruptions volcano heatwave heatwaves monsoon blizzard blizzards
    rubble debris
    bomb bombs bombed bombing bombings bomber bombers exploded explosive explosives detonated gunman gunmen
    gunfire gunshot gunshots shooting shootings shooter attacker attackers airstrike airstrikes air-strike
    air-strikes missile missiles rocket rockets shelling shelled mortar mortars grenade grenades militant
    militants insurgent insurgents insurgency terrorist terrorists terrorism kidnapped kidnapping kidnappers
    abducted abduction ambush ambushed
    wounded injured killed dead deaths death died casualties fatalities corpse corpses
    murdered murderer homicide manslaughter burglary arson stabbing stabbed stabbings rape raped riot riots
    rioters looting looted arrested arrest arrests convicted sentenced prison prisoner prisoners inmate
    inmates
    rebel rebels blast blasts assassination assassinations assassinated crash crashes crashed accident accidents
    prisons jail jails jailed sick sickness illness illnesses injury injuries fighters militia militias collision
    collisions fire fires stormed
    """.split()
)
# Particles that complete a phrasal verb ("signed away", "sold out", "caved in").
PARTICLES = frozenset("away off out up down over in back around".split())
# Irregular past forms that take a particle ("sold out", "gave away", "threw out").
IRREGULAR_PAST = frozenset("sold gave given threw thrown sent let put shut ran broke".split())
# Endings of adjectives (and attributive participles: "rigged election"); the noun after such a
# charged word is part of the phrase that carries the loading ("imperial fantasies").
ADJECTIVE_SUFFIXES = ("ous", "ive", "ful", "less", "ic", "ical", "al", "able", "ible", "ish", "ary", "ed",
                      "ian", "ent", "ant", "ist", "y")
# Intensifiers beyond VADER's booster list that raise the charge of the next word.
INTENSIFIERS = frozenset(
    """
    utterly totally completely absolutely entirely wholly thoroughly deeply truly really so such
    sheer pure outright downright blatant flagrant shameless naked brazen full-blown
    """.split()
)
# Nouns for people and groups: a word next to one of them often labels a person or group.
GROUP_NOUNS = frozenset(
    """
    people man men woman women person persons individuals group groups crowd crowds mob
    leader leaders president presidents minister ministers senator senators lawmakers politicians
    official officials government governments regime regimes administration state states party parties
    troops soldiers army forces police officers militants fighters rebels insurgents terrorists
    protesters demonstrators activists critics opponents supporters followers voters citizens residents
    migrants immigrants refugees asylum-seekers foreigners workers students elites elite establishment
    media journalists reporters press liberals conservatives democrats republicans leftists left right
    islamists jihadists nationalists socialists communists ally allies enemy enemies neighbours neighbors
    """.split()
)
# Metaphor and dehumanisation vocabulary, by source domain (written for this model).
SEMANTIC_CLASSES: dict[str, frozenset[str]] = {
    "animal": frozenset(
        """
        animal animals beast beasts brute brutes rat rats snake snakes viper vipers serpent pig pigs swine
        dog dogs mongrel cur hyena hyenas jackal jackals vulture vultures wolf wolves hound hounds pack herd
        herds swarm swarms horde hordes flock sheep sheeple cattle ape apes monkey monkeys baboon gorilla
        weasel weasels rodent rodents shark sharks predator predators scavenger scavengers lapdog poodle
        monster monsters creature creatures savage savages
        """.split()
    ),
    "vermin": frozenset(
        """
        vermin pest pests cockroach cockroaches roach roaches lice louse parasite parasites parasitic leech
        leeches tick ticks termite termites maggot maggots infest infested infestation scum filth filthy
        slime slimy sewage garbage trash rubbish dregs excrement
        """.split()
    ),
    "disease": frozenset(
        """
        disease diseased plague plagues cancer cancerous tumor tumour virus viral contagion contagious
        infection infected infect pestilence pandemic epidemic scourge blight rot rotten rotting
        festering fester gangrene poison poisonous poisoned toxic toxin venom venomous sick sickness
        sickening malignant pathological pathogen
        """.split()
    ),
    "fire_flood": frozenset(
        """
        firestorm firestorms inferno blaze blazing fire fiery flames inflame inflamed inflammatory incendiary
        explosion explosive explode exploded eruption erupt erupted volcano flood floods flooding deluge
        tsunami avalanche torrent tidal tide wave waves storm storms stormy hurricane tornado earthquake
        meltdown wildfire wildfires bonfire powder-keg tinderbox cataclysm cataclysmic
        """.split()
    ),
    "war": frozenset(
        """
        war wars warfare assault assaults onslaught onslaughts siege besieged crusade crusades blitz
        barrage salvo salvos ambush ambushed battle battles battleground battlefield frontline frontlines
        weapon weapons weaponise weaponize weaponised weaponized arsenal ammunition bombshell bombard
        bombarded bombardment invasion invade invaded invaders army armies troops trench trenches
        warpath warrior warriors attack attacks attacked offensive
        """.split()
    ),
    "crime": frozenset(
        """
        thug thugs thuggish gang gangs gangster gangsters mob mobster mobsters mafia racket racketeering
        loot looted looting plunder plundered plundering pillage heist theft steal stole stolen stealing
        hijack hijacked extort extortion extorted shakedown con scam scams swindle swindled fraud fraudulent
        crook crooks crooked robbery robbed robber robbers bandit bandits criminal criminals accomplice
        henchman henchmen goon goons lackey lackeys cronies crony
        """.split()
    ),
    "theatre": frozenset(
        """
        circus clown clowns clownish theatre theater theatrics theatrical charade farce farcical pantomime
        puppet puppets puppeteer stunt stunts spectacle show sideshow masquerade sham charlatan charlatans
        performative grandstand grandstanding posturing posture script scripted stage-managed
        """.split()
    ),
    "evil": frozenset(
        """
        evil evils demon demons demonic devil devils diabolical satanic sinister wicked wickedness monstrous
        unholy vile villain villains villainous nefarious malevolent malicious barbaric barbarian barbarians
        barbarism savagery bloodthirsty butcher butchers butchered depraved depravity heinous
        """.split()
    ),
    "delusion": frozenset(
        """
        fantasy fantasies fantasist delusion delusions delusional illusion illusions mirage fairy-tale
        fairytale myth myths pipe-dream daydream hallucination hallucinating fever-dream utopian
        """.split()
    ),
    "domination": frozenset(
        """
        empire imperial imperialist imperialism colonial colonialist colonizer coloniser hegemon hegemonic
        hegemony overlord overlords tyrant tyrants tyranny tyrannical despot despots despotic dictator
        dictators dictatorial authoritarian totalitarian autocrat autocratic oppressor oppressors
        oppressive subjugate subjugation enslave enslaved domination dominate vassal vassals servile
        """.split()
    ),
    "deceit": frozenset(
        """
        lie lies lying liar liars lied deceit deceitful deceive deceived deceptive deception hoax hoaxes
        sham bogus phony phoney fake fakes spin spun smear smears smeared propaganda propagandist brainwash
        brainwashed brainwashing con conned trick tricked trickery dupe duped gaslight gaslighting
        disinformation manipulate manipulated manipulative cover-up whitewash whitewashed
        """.split()
    ),
    "weakness": frozenset(
        """
        spineless coward cowards cowardly cowardice craven feeble weakling wimp wimps timid surrender
        surrendered capitulate capitulated capitulation cave caved grovel grovelled groveling kowtow
        appease appeased appeasement appeaser appeasers lapdog doormat toothless impotent
        """.split()
    ),
    "madness": frozenset(
        """
        unhinged deranged lunatic lunatics insane insanity mad madman madmen crazed crazy hysterical
        hysteria paranoid paranoia maniac maniacal frenzy frenzied rabid fanatic fanatics fanatical
        zealot zealots cult cultish
        """.split()
    ),
    "violence": frozenset(
        """
        slaughter slaughtered massacre massacred butcher carnage bloodbath bloodshed brutal brutality
        brutally brutalise brutalize ravage ravaged rampage rampaged terror terrorise terrorize terrorised
        terrorized crush crushed smash smashed gut gutted destroy destroyed annihilate annihilated obliterate
        obliterated decimate decimated pulverise pulverize maul mauled savage savaged bludgeon
        """.split()
    ),
    "greed": frozenset(
        """
        greed greedy fleece fleeced gouge gouging profiteer profiteers profiteering fat-cat fat-cats grift
        grifter grifters grifting cash-grab bloated leech freeloader freeloaders handout handouts
        giveaway giveaways rip-off fleecing bilk bilked
        """.split()
    ),
    "destruction": frozenset(
        """
        flatten flattened flattening raze razed razing torch torched torching bulldoze bulldozed bulldozing
        bulldozer bulldozers demolish demolished demolishing wreck wrecked wrecking wrecker ruin ruined
        ruinous shred shredded shredding trash trashed trashing dismantle dismantled dismantling scorched
        incinerate incinerated hollowed eviscerate eviscerated torpedo torpedoed sabotage sabotaged
        """.split()
    ),
    "expulsion": frozenset(
        """
        dump dumped dumping discard discarded ditch ditched jettison jettisoned turf turfed booted kicked
        expel expelled purge purged purges oust ousted ousting banish banished exile exiled abandon
        abandoned abandoning abandonment cast-off scrapheap sidelined sideline sidelining shunted shunt
        """.split()
    ),
    "concealment": frozenset(
        """
        bury buried burying conceal concealed concealing concealment suppress suppressed suppressing
        suppression smother smothered stifle stifled stifling muzzle muzzled gag gagged gagging censor
        censored censorship shroud shrouded secretive secrecy stonewall stonewalled stonewalling hush
        hushed cover-ups obfuscate obfuscated obfuscation
        """.split()
    ),
    "predation": frozenset(
        """
        hunt hunted hunting hound hounded hounding stalk stalked stalking prey preyed preying predatory
        pounce pounced ensnare ensnared trap trapped lure lured bait baited devour devoured devouring
        gorge gorged feast feasting ravenous
        """.split()
    ),
    "extraction": frozenset(
        """
        squeeze squeezed squeezing bleed bleeding bled drain drained draining milk milked milking siphon
        siphoned siphoning pocketed pocketing skim skimmed skimming sap sapped sapping wring wrung bleeding
        extract extracted extortionate gouged
        """.split()
    ),
    "captivity": frozenset(
        """
        hostage hostages ransom captive captives captivity shackle shackled shackles chained chains caged
        stranglehold chokehold yoke straitjacket enslaving imprisoned prisoner prisoners handcuffed
        """.split()
    ),
    "condescension": frozenset(
        """
        lecture lectured lecturing lectures preach preached preaching preachy sermon sermons scold scolded
        scolding patronise patronising patronize patronizing condescend condescending condescension sneer
        sneered sneering scoff scoffed scoffing smirk smirked smirking mock mocked mocking moralise
        moralising moralize moralizing sanctimonious smug hector hectoring haughty snooty snobbish
        """.split()
    ),
    "gambling": frozenset(
        """
        gamble gambled gambling gambler casino casinos jackpot bonanza windfall lottery roulette rigged
        rigging dice jackpots payday
        """.split()
    ),
    "sacrifice": frozenset(
        """
        sacrifice sacrificed sacrificing sacrificial altar martyr martyrs martyred martyrdom scapegoat
        scapegoats scapegoated scapegoating lamb lambs offering
        """.split()
    ),
    # Source domains of conventional political metaphor (round 15), from general usage on every side:
    # a plain physical word applied to institutions, money or people. Each keeps only the words news
    # uses mostly figuratively; the ones wire copy uses literally stay out (an oil spill, a ferry that
    # sank, a suspect who grabbed a bag, a train that derailed, the game, the shadow chancellor, mud).
    "liquid": frozenset(
        """
        awash swamped gush gushed gushing trickle-down funnel funnelled funneled funnelling ooze oozing
        slosh sloshing
        """.split()
    ),
    "force": frozenset(
        """
        steamroll steamrolled steamrolling strong-arm strong-armed strong-arming bully bullied bullying
        bullies browbeat browbeaten browbeating arm-twisting throttle throttled throttling pummelled
        """.split()
    ),
    "consumption": frozenset(
        """
        swallow swallowed swallowing gobble gobbled gobbling cannibalise cannibalize cannibalised
        cannibalized cannibalising fatten fattened fattening regurgitate regurgitated regurgitating guzzle
        guzzling trough troughs
        """.split()
    ),
    "collapse": frozenset(
        """
        crumble crumbled crumbling crumbles teeter teetering totter tottering implode imploded imploding
        implosion unravel unravelled unraveled unravelling unraveling rickety creaking ramshackle edifice
        facade façade shaky
        """.split()
    ),
    "motion": frozenset(
        """
        backpedal backpedalled backpedaling backtrack backtracked backtracking sleepwalk sleepwalking
        sleepwalked flounder floundered floundering rudderless tailspin nosedive freefall free-fall
        flip-flop flip-flopped u-turn dead-end
        """.split()
    ),
    "machine": frozenset(
        """
        cog cogs juggernaut steamroller robotic rubber-stamp rubber-stamped well-oiled
        """.split()
    ),
    # only the words news uses mostly figuratively: "froze", "icy", "boiling" are weather reports
    "temperature": frozenset(
        """
        chilling frosty simmer simmering seething overheated lukewarm tepid feverish boiling-point
        """.split()
    ),
    "darkness": frozenset(
        """
        shadowy murky murk gloomy bleak benighted
        """.split()
    ),
    "dirt": frozenset(
        """
        dirty grubby sleazy sleaze tainted taint sordid seedy squalid sully sullied besmirch besmirched
        mudslinging
        """.split()
    ),
    "game": frozenset(
        """
        gamesmanship playbook own-goal checkmate chessboard bluff bluffing hardball sucker-punch low-blow
        charades
        """.split()
    ),
    "extreme": frozenset(
        """
        total totally utter utterly absolute absolutely complete completely sheer massive huge enormous
        colossal staggering unprecedented historic catastrophe catastrophic disaster disastrous apocalyptic
        apocalypse nightmare nightmarish unthinkable unimaginable insane insanity crazy absurd absurdity
        ridiculous outrageous outrage outraged shocking stunning astonishing breathtaking devastating
        """.split()
    ),
}
# Each semantic-class word -> the indices (in SEMANTIC_CLASSES order) of the classes that hold it,
# and each class's feature name: one dict lookup per word instead of a scan over every class.
def _class_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, tuple[int, ...]] = {}
    for position, members in enumerate(SEMANTIC_CLASSES.values()):
        for member in members:
            index[member] = (*index.get(member, ()), position)
    return index


_CLASSES_OF = _class_index()
_CLASS_FEATURES = tuple("sem_" + name for name in SEMANTIC_CLASSES)
# English derivational and inflectional suffixes, longest first (a suffix is a word class cue,
# never the word itself).
_SUFFIXES = (
    "ingly", "fully", "ously", "ically", "ities", "ments", "ists", "isms", "ions", "ness", "ment", "less",
    "ical", "able", "ible", "ized", "ised", "ize", "ise", "ity", "ism", "ist", "ous", "ive", "ful", "ish",
    "ing", "ers", "ary", "ic", "ed", "er", "ly", "al", "es", "s",
)
# Each suffix's place in _SUFFIXES, and the suffix lengths in increasing order.
_SUFFIX_RANK = {suffix: rank for rank, suffix in reversed(list(enumerate(_SUFFIXES)))}
_SUFFIX_SIZES = tuple(sorted({len(suffix) for suffix in _SUFFIXES}))
# The length feature of a word by its length in characters (twelve and more alike).
_LENGTH_FEATURES = tuple(f"len{size // 3}" for size in range(13))
# Count bins of a word in the NewsMTSC training text (powers of about five; rarer is "f0").
FREQUENCY_BINS = ((1000, "f5"), (200, "f4"), (50, "f3"), (10, "f2"), (3, "f1"))


@dataclass(frozen=True, slots=True)
class ModelTermHit:
    """One loaded word or phrase found by the learned scorer."""

    start: int
    end: int
    text: str  # as written: "firestorm of outrage"
    term: str  # lower-case text
    category: str  # most similar lexicon category, or "loaded_other"
    confidence: float  # probability of the strongest word in the phrase
    cued: bool = True  # a word above the threshold carries its own cue of charge (EVIDENCE_FEATURES)


# Memoised per-word scores, as a plain tuple read by the indices below: a plain tuple of
# numbers, strings and flags is dropped from the garbage collector's tracking, so a memo of
# many thousand words adds nothing to each full collection.
_WordInfo = tuple[float, float, float, str, bool, bool, bool, bool, bool, bool, bool, bool, bool]
_OWN: Final = 0  # own logit (0.0 for a word not scored)
_AS_PREV: Final = 1  # added to the logit of the next word
_AS_NEXT: Final = 2  # added to the logit of the previous word
_CATEGORY: Final = 3
_IS_PARTICLE: Final = 4
_IS_OF: Final = 5
_IS_VERB_FORM: Final = 6  # ends like a past or -ing form, so a particle after it completes a phrasal verb
_IS_ATTRIBUTIVE: Final = 7  # looks like an adjective, so the noun after it belongs to the phrase
_IS_NOUNISH: Final = 8  # a content word that can head a noun phrase
_IS_POSSESSIVE: Final = 9  # "minister's": joins a phrase only when charged itself
_HAS_EVIDENCE: Final = 10  # the word itself carries a cue of charge (see EVIDENCE_FEATURES)
_IS_LITERAL: Final = 11  # one of LITERAL_WORDS: its neighbours' cues are read literally ("the quake flattened")
_IS_SCORED: Final = 12  # a candidate (``is_scored``): only such a word has a logit of its own
_IS_SCORED_OF = itemgetter(_IS_SCORED)
# Features of a word that say something about its charge: a VADER valence of the word or its
# family, a booster, a semantic field, a related lexicon form. A word with none of them (only its
# length, frequency, suffix, case or neighbours) is charged by context alone; a phrase none of
# whose seeds has a cue is not ``cued``, and the report keeps it only beside a lexicon hit.
# Such scorer hits were right 11 % of the time on PTC dev (110 hits) and 33 % on our dev texts
# (15), against 26-32 % for the other scorer hits.
EVIDENCE_FEATURES: Final = ("vn", "vp", "fvn", "fvp", "boost", "sem_", "rel_")


@dataclass(frozen=True, eq=False)
class LoadedModel:
    """Binary weights, per-category head, and the tables the features read."""

    intercept: float
    weights: dict[str, float]
    categories: tuple[str, ...]
    category_intercepts: tuple[float, ...]
    category_weights: dict[str, tuple[float, ...]]
    frequencies: dict[str, str]
    related: dict[str, tuple[tuple[str, str], ...]]
    sha256: str
    memo: dict[str, _WordInfo]


# --- features (shared with tools/train_loaded_model.py) ---------------------------------


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (MIT licence), read once (see ``framing.text.valence``)."""
    return vader_tables()[0]


@cache
def vader_boosters() -> frozenset[str]:
    """VADER's intensity boosters and dampeners."""
    return frozenset(vader_tables()[1])


def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) for every word of letters, inner apostrophes and hyphens."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()


def _first_suffix(word: str, keep: int) -> str | None:
    """The first of ``_SUFFIXES`` that ``word`` ends with, leaving at least ``keep`` characters.

    Looks up the word's last one to six characters (``_SUFFIX_RANK``) instead of testing
    every suffix in turn; the lowest rank wins, as the first match in the tuple would.
    """
    best = len(_SUFFIXES)
    limit = len(word) - keep
    for size in _SUFFIX_SIZES:
        if size > limit:
            break
        rank = _SUFFIX_RANK.get(word[-size:])
        if rank is not None and rank < best:
            best = rank
    return _SUFFIXES[best] if best < len(_SUFFIXES) else None


def stem(word: str) -> str:
    """Strip one common suffix (a crude stemmer, enough to relate word families)."""
    suffix = _first_suffix(word, 4)
    return word if suffix is None else word[: -len(suffix)]


def is_candidate(word: str) -> bool:
    """Whether a word can carry a loading on its own: a content word of three letters or more."""
    lower = word.lower()
    return len(lower) >= 3 and lower not in FUNCTION_WORDS


def is_scored(word: str) -> bool:
    """Whether the scorer scores a word: a candidate that is not an outbreak word (``LITERAL_WORDS``)."""
    return is_candidate(word) and word.lower() not in LITERAL_WORDS


def _suffix(word: str) -> str | None:
    return _first_suffix(word, 3)


def _valence_bin(valence: float) -> str:
    size = abs(valence)
    strength = "3" if size >= 2.5 else "2" if size >= 1.5 else "1"
    return ("n" if valence < 0 else "p") + strength


def word_features(word: str, frequencies: dict[str, str],
                  related: dict[str, tuple[tuple[str, str], ...]]) -> list[str]:
    """Name the properties of a candidate word itself (never its identity)."""
    lower = word.lower()
    vader = vader_lexicon()
    features = [_LENGTH_FEATURES[min(len(lower), 12)], frequencies.get(lower, "f0")]
    valence = vader.get(lower)
    if valence is not None:
        features.append("v" + _valence_bin(valence))
    root = stem(lower)
    if valence is None:
        family = vader.get(root) or vader.get(root + "e")
        if family is not None:
            features.append("fv" + _valence_bin(family))
    if lower in vader_boosters() or lower in INTENSIFIERS:
        features.append("boost")
    suffix = _suffix(lower)
    if suffix:
        features.append("suf_" + suffix)
    if word[0].isupper():
        features.append("allcaps" if word.isupper() and len(word) > 1 else "cap")
    if "-" in lower:
        features.append("hyph")
    if lower.endswith(("'s", "’s")):
        features.append("poss")
    found = _CLASSES_OF.get(lower, ()) + _CLASSES_OF.get(root, ())
    if found:
        features.extend(_CLASS_FEATURES[index] for index in sorted(set(found)))  # in SEMANTIC_CLASSES order
    forms = related.get(root)
    if forms:
        categories = {category for other, category in forms if not _inflects(other, lower)}
        features.extend(sorted("rel_" + category for category in categories))
    return features


def _inflects(term: str, word: str) -> bool:
    """Whether ``word`` is ``term`` or a regular inflection of it (so not a *related* form)."""
    if word == term or not word.startswith(term[:-1]):
        return word == term
    tail = word[len(term):] if word.startswith(term) else None
    if tail in ("s", "es", "d", "ed", "ing"):
        return True
    return word in (term[:-1] + "ies", term[:-1] + "ing", term[:-1] + "ied")


def neighbour_features(word: str | None, side: str) -> list[str]:
    """Name what a neighbour tells about the word beside it; ``side`` is "p" (before) or "n" (after).

    ``word`` None stands for punctuation or the edge of the text.
    """
    if word is None:
        return [side + "_edge"]
    lower = word.lower()
    features = []
    if lower in FUNCTION_WORDS:
        features.append(f"{side}_w={lower}")
    valence = vader_lexicon().get(lower)
    if valence is not None:
        features.append(f"{side}_v" + _valence_bin(valence))
    if lower in vader_boosters() or lower in INTENSIFIERS:
        features.append(side + "_boost")
    if lower in GROUP_NOUNS:
        features.append(side + "_group")
    elif word[0].isupper():
        features.append(side + "_cap")
    if lower in _CLASSES_OF:
        features.append(f"{side}_sem")
    return features


def token_features(text: str, tokens: Sequence[tuple[int, int, str]], index: int,
                   frequencies: dict[str, str], related: dict[str, tuple[tuple[str, str], ...]]) -> list[str]:
    """All features of one token in context (what the scorer sums; used by the trainer)."""
    start, end, word = tokens[index]
    previous = tokens[index - 1][2] if index > 0 and _joined(text, tokens[index - 1][1], start) else None
    following = (tokens[index + 1][2] if index + 1 < len(tokens) and _joined(text, end, tokens[index + 1][0])
                 else None)
    return [*word_features(word, frequencies, related), *neighbour_features(previous, "p"),
            *neighbour_features(following, "n")]


def _joined(text: str, left: int, right: int) -> bool:
    """Whether only spaces (or nothing) separate two tokens."""
    return right - left <= 2 and text[left:right].strip() == ""


# --- loading --------------------------------------------------------------------------


@cache
def load_model() -> LoadedModel:
    """The shipped model (read lazily, once).

    Raises:
        FileNotFoundError: when ``framing/data/loaded_terms.json`` is missing.
        ValueError: when it was built for another feature version.
    """
    raw = read_model_text(MODEL_FILE)
    data: dict[str, Any] = json.loads(raw)
    if data.get("feature_version") != FEATURE_VERSION:
        raise ValueError(f"{MODEL_FILE}: feature_version {data.get('feature_version')!r}, expected "
                         f"{FEATURE_VERSION}; rerun tools/train_loaded_model.py")
    head = data["category_head"]
    if any(len(row) != len(head["categories"]) for row in head["weights"].values()):
        raise ValueError(f"{MODEL_FILE}: a category weight row does not hold one weight per category")
    return LoadedModel(
        intercept=float(data["intercept"]), weights={k: float(v) for k, v in data["weights"].items()},
        categories=tuple(head["categories"]), category_intercepts=tuple(head["intercepts"]),
        category_weights={k: tuple(v) for k, v in head["weights"].items()},
        frequencies=dict(data["frequencies"]),
        related={k: tuple((w, c) for w, c in v) for k, v in data["related"].items()},
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(), memo={},
    )


def model_sha256() -> str:
    """SHA-256 of the shipped weights file, to make results reproducible."""
    return load_model().sha256


# --- scoring --------------------------------------------------------------------------


def _info(model: LoadedModel, word: str) -> _WordInfo:
    """Score one word: its own logit, its pull on neighbours and its flags."""
    weights = model.weights
    lower = word.lower()
    own = 0.0
    category = OTHER_CATEGORY
    evidence = False
    scored = is_scored(word)
    if scored:
        features = word_features(word, model.frequencies, model.related)
        own = sum(map(weights.get, features, repeat(0.0)))
        category = _category(model, features)
        evidence = any(name.startswith(EVIDENCE_FEATURES) for name in features)
    return (
        own,
        sum(map(weights.get, neighbour_features(word, "p"), repeat(0.0))),
        sum(map(weights.get, neighbour_features(word, "n"), repeat(0.0))),
        category, lower in PARTICLES, lower == "of",
        lower.endswith(("ed", "ing")) or lower in IRREGULAR_PAST,
        scored and looks_attributive(lower),
        scored and looks_nounish(lower),
        lower.endswith(("'s", "’s")),
        evidence, lower in LITERAL_WORDS, scored,
    )


def looks_attributive(lower: str) -> bool:
    """Whether a lowercase word ends like an adjective or an attributive participle."""
    return lower.endswith(ADJECTIVE_SUFFIXES) and not lower.endswith("ment")


def looks_nounish(lower: str) -> bool:
    """Whether a lowercase content word may head a noun phrase (not an -ly adverb or -ed form)."""
    return not lower.endswith(("ly", "ed"))


_NEXT_WORD = re.compile(r"[ \u00a0]([^\W\d_]+(?:['’-][^\W\d_]+)*)")


def noun_after(text: str, start: int, end: int, stop: int) -> int | None:
    """Where the phrase of an attributive charged word ``text[start:end]`` ends when a noun follows it.

    The scorer's own extent rule ("imperial fantasies", "corrupt officials"), for phrases found
    elsewhere: the last word must look like an adjective and the next word, one space away and
    before ``stop``, like a content word that can head a noun phrase. None when no noun joins.
    """
    words = text[start:end].split()
    if not words or not looks_attributive(words[-1].lower()) or words[-1].lower().endswith("ly"):
        return None  # an adverb ("merely") modifies what follows, it does not name it
    if words[-1].lower() in PARTICLES:
        return None  # "looking away" ends in a particle, not an adjective in -y
    found = _NEXT_WORD.match(text, end, stop)
    if found is None:
        return None
    word = found.group(1)
    if not is_candidate(word) or not looks_nounish(word.lower()):
        return None
    if word[0].isupper():
        return None  # a name is not part of the label ("so-called Black Sea Grain Initiative")
    return found.end(1)


def _category(model: LoadedModel, features: list[str]) -> str:
    scores = list(model.category_intercepts)
    rows = model.category_weights
    for name in features:
        row = rows.get(name)
        if row is not None:  # a row holds one weight per category (checked on loading)
            scores = list(map(add, scores, row))
    top = max(scores)
    total = sum(math.exp(s - top) for s in scores)
    best = scores.index(top)
    return model.categories[best] if 1.0 / total >= CATEGORY_MIN else OTHER_CATEGORY


@lru_cache(maxsize=64)
def _cutoffs(threshold: float, intercept: float) -> tuple[float, float]:
    """The summed feature weights at which a word seeds a phrase and at which it joins one (worked out once per threshold)."""
    return _logit(threshold) - intercept, min(_logit(EXTEND_THRESHOLD), _logit(threshold)) - intercept


def _logit(probability: float) -> float:
    probability = min(max(probability, 1e-9), 1 - 1e-9)
    return math.log(probability / (1 - probability))


def find_loaded_phrases(text: str, *, threshold: float = DEFAULT_THRESHOLD,
                        exclude: Sequence[tuple[int, int]] = ()) -> tuple[ModelTermHit, ...]:
    """Find loaded words and short phrases; words overlapping an ``exclude`` span are skipped.

    A hit's confidence is the probability of its strongest word; phrases never cross
    punctuation, so closing punctuation stays outside.
    """
    if not text:
        return ()
    model = load_model()
    memo = model.memo
    if len(memo) > MAX_WORD_CACHE:
        memo.clear()
    # The text as gap, word, gap, ..., word, gap: words, offsets and what stands between
    # two words come from one C-level split, with no match object per word.
    pieces = _WORD_GROUP.split(text)
    words = pieces[1::2]
    try:
        infos = list(map(memo.__getitem__, words))
    except KeyError:  # words not seen before: score them once, then look all up again
        fresh = {word: _info(model, word) for word in set(words).difference(memo)}
        memo.update(fresh)
        # (read from this call's own scores first: another thread may clear the memo meanwhile)
        infos = [fresh.get(word) or memo.get(word) or _info(model, word) for word in words]
    bounds = list(accumulate(map(len, pieces)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    # joined[i]: only spaces (two at most, or nothing) between word i - 1 and word i; the
    # gaps before the first word and after the last are never joins
    joined = [gap == " " or (len(gap) <= 2 and not gap.strip()) for gap in pieces[0::2]]
    count = len(infos)
    joined[0] = joined[count] = False
    seed_at, extend_at = _cutoffs(threshold, model.intercept)
    free = _free(starts, ends, exclude)
    logits: list[float | None] = [None] * count
    charged = []  # the words with a logit, in text order
    previous_edge, next_edge = model.weights.get("p_edge", 0.0), model.weights.get("n_edge", 0.0)
    for i in compress(range(count), map(_IS_SCORED_OF, infos)):  # content words only
        if not free[i]:
            continue
        info = infos[i]
        own = info[_OWN]
        own += infos[i - 1][_AS_PREV] if joined[i] else previous_edge
        own += infos[i + 1][_AS_NEXT] if joined[i + 1] else next_edge
        if own >= (seed_at if info[_IS_POSSESSIVE] else extend_at):
            logits[i] = own
            charged.append(i)
    if not charged:
        return ()  # most short spans
    return tuple(_phrases(text, starts, ends, joined, infos, logits, charged, seed_at, model.intercept, free))


def _free(starts: list[int], ends: list[int], exclude: Sequence[tuple[int, int]]) -> list[bool]:
    """Which words (``starts``/``ends``, in text order) overlap no span of ``exclude``, and one False after them.

    Each span marks the run of words ending after its start and starting before its end,
    found by bisection, so the cost grows with the spans, not with every word of the text.
    The False after the last word stands for the end of the text, over which no phrase grows.
    """
    free = [True] * len(starts)
    for start, end in exclude:
        first, last = bisect_right(ends, start), bisect_left(starts, end)
        if first < last:
            free[first:last] = [False] * (last - first)
    free.append(False)
    return free


def _phrases(text: str, starts: list[int], ends: list[int], joined: list[bool], infos: list[_WordInfo],
             logits: list[float | None], charged: list[int], seed_at: float, intercept: float,
             free: list[bool]) -> Iterator[ModelTermHit]:
    """Grow each charged word into its phrase; a phrase never takes in an excluded word (not ``free``).

    ``joined[i]`` says whether word ``i`` stands right after word ``i - 1`` (spaces only between);
    ``charged`` lists the words with a logit, in text order.
    """
    count = len(logits)
    done = 0  # the first word no phrase so far has taken in
    for i in charged:
        if i < done:
            continue
        first = last = i
        while True:  # grow right over adjacent charged words, "of" + charged word, or a particle
            nxt = last + 1
            if nxt >= count or not free[nxt] or not joined[nxt]:
                break
            if logits[nxt] is not None:
                last = nxt
            elif infos[nxt][_IS_OF] and free[nxt + 1] and logits[nxt + 1] is not None and joined[nxt + 1]:
                last = nxt + 1
            elif infos[nxt][_IS_PARTICLE] and infos[last][_IS_VERB_FORM]:
                last = nxt
                break
            elif infos[last][_IS_ATTRIBUTIVE] and infos[nxt][_IS_NOUNISH] and logits[last] is not None:
                last = nxt
                break
            else:
                break
        scores = [s for s in logits[first:last + 1] if s is not None]
        best = max(scores)
        if best >= seed_at:
            strongest = first + [s if s is not None else -math.inf for s in logits[first:last + 1]].index(best)
            start, end = starts[first], ends[last]
            phrase = text[start:end]
            cued = any(infos[k][_HAS_EVIDENCE] and not _beside_literal(infos, joined, k) for k in range(first, last + 1))
            yield ModelTermHit(start, end, phrase, phrase.lower(), infos[strongest][_CATEGORY],
                               round(1.0 / (1.0 + math.exp(-(best + intercept))), 4), cued)
        done = last + 1


def _beside_literal(infos: list[_WordInfo], joined: list[bool], k: int) -> bool:
    """Whether word ``k`` stands right next to a literal news word ("earthquake flattened", "bomb
    destroyed"): its cue then reads literally too, so it cues no phrase."""
    return (joined[k] and infos[k - 1][_IS_LITERAL]) or (joined[k + 1] and infos[k + 1][_IS_LITERAL])


def word_probabilities(text: str) -> tuple[tuple[str, float | None], ...]:
    """Each word with its loaded probability in context (None for a closed-class word), to explain a hit."""
    model = load_model()
    tokens = list(tokenize(text))
    out: list[tuple[str, float | None]] = []
    for i, (_, _, word) in enumerate(tokens):
        if not is_scored(word):
            out.append((word, None))
            continue
        logit = model.intercept + sum(model.weights.get(name, 0.0) for name in
                                      token_features(text, tokens, i, model.frequencies, model.related))
        out.append((word, round(1.0 / (1.0 + math.exp(-logit)), 4)))
    return tuple(out)
