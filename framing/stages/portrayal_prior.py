"""Portrayal prior stage: a mention no cue cast -> a low-confidence role from general features.

In news, the role an author gives an actor follows from a few signals that need no word
list of their own: what kind of actor it is (victims are mostly people and groups; states
and governments rarely are), whether it is the agent or the target of harsh words, the
sentiment toward it (NewsMTSC's notion, from the sentiment stage), how many harm, help and
suffering cues its sentence holds, how the other actors of the sentence are cast, and
whether it stands inside a quotation. A small multinomial logistic regression over those
features (``framing/data/portrayal_prior.json``, fitted by ``tools/train_portrayal_prior.py``;
card: ``framing/data/portrayal_prior.md``) gives each mention the cues leave uncast a role
at low confidence, marked ``prior``; such castings count toward an actor's stance at half
their confidence (``portrayal.PRIOR_STANCE_WEIGHT``) and never toward its portrayal counts.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from framing.context import TextContext
from framing.model import Casting, MentionReport
from framing.stages.lexicon import MARKER_CATEGORIES
from framing.stages.portrayal import MentionCues
from framing.stages.portrayal_lexicon import ROLES
from framing.text.resources import data_sha256, read_model_text
from framing.text.valence import NORMALISATION_ALPHA

FEATURE_VERSION = 2
MODEL_FILE = "portrayal_prior.json"
# The model's probabilities are mixed with the uniform distribution by this share, so a
# prior casting's score stays within 1/3..1/2, below a lexicon cue's typical 0.6-0.9 (the
# mixing never changes which role wins). Unshrunk, the dev texts' prior castings reach 0.94.
PRIOR_SHRINK = 0.75
# Share of a mention's prior probabilities that comes from the mean over its actor's prior-cast
# mentions. Leave-one-text-out on labelled/portrayal_dev.jsonl (C = 1, balanced): macro-F1 0.639
# at 0, 0.646 at 0.3, 0.653 at 0.5 and 0.7, 0.655 at 1; the middle value is taken.
ACTOR_POOL = 0.5
# Harsh or warm words (VADER valence summed over the role's evidence) saturate at this sum.
VALENCE_SCALE = 3.0
# Cue counts in a sentence saturate at this many.
COUNT_CAP = 2


class PriorInput(NamedTuple):
    """What the prior reads about one mention (all from earlier stages).

    A NamedTuple rather than a frozen dataclass: one is built per uncast mention of every
    text, and a frozen dataclass takes several times longer to construct.
    """

    start: int  # the mention's offsets (not a feature: they say which mention it is)
    end: int
    kind: str  # the actor kind: person | government | state | organisation | media | group
    role: str | None  # agent | target of the charged words of its clause, or None
    role_valence: float  # summed VADER valence of those charged words (0.0 without a role)
    sentiment: tuple[float, float, float]  # (negative, neutral, positive) toward the mention
    in_quote: bool
    cues: MentionCues
    actor_sentiment: float  # mean author-voice sentiment over the actor's mentions in the text
    sentence_valence: float  # summed VADER valence of the sentence's words (negation applied)
    others: tuple[bool, bool, bool]  # another mention of the sentence is cast protagonist / antagonist / innocent
    titled: bool = False  # a person named with an office ("chief executive Richard Vane", "its founder, X")
    actor_loaded_share: float = 0.0  # share of the actor's mentions whose sentence holds an author-voice loaded term


@dataclass(frozen=True)
class PriorModel:
    """Multinomial logistic regression weights: feature -> one weight per role (ROLES order)."""

    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    info: dict[str, object]

    def probabilities(self, item: PriorInput) -> tuple[float, float, float]:
        """The (protagonist, antagonist, innocent) probabilities of one mention."""
        return prior_probabilities(self, prior_features(item))


def prior_features(item: PriorInput) -> dict[str, float]:
    """The named feature values of one mention (absent features are 0)."""
    kind = item.kind
    features: dict[str, float] = {_KIND_NAMES.get(kind) or f"kind={kind}": 1.0}
    is_people = kind in ("person", "group")
    if is_people:
        features["people"] = 1.0
    role = item.role
    if role is not None:
        role_name, harsh_name, warm_name, people_harsh_name = _ROLE_NAMES.get(role) or _role_names(role)
        valence = item.role_valence
        harsh = min(1.0, max(0.0, -valence) / VALENCE_SCALE)
        features[role_name] = 1.0
        features[harsh_name] = harsh
        features[warm_name] = min(1.0, max(0.0, valence) / VALENCE_SCALE)
        if is_people:
            features[people_harsh_name] = harsh
    negative, _, positive = item.sentiment
    features["sentiment_negative"] = negative
    features["sentiment_positive"] = positive
    if is_people:
        features["people_negative"] = negative
    if item.in_quote:
        features["in_quote"] = 1.0
    cues = item.cues
    protagonist, antagonist, innocent = cues.weights  # capped at 1 (as min(1.0, weight))
    features["cue_protagonist"] = protagonist if protagonist < 1.0 else 1.0
    features["cue_antagonist"] = antagonist if antagonist < 1.0 else 1.0
    features["cue_innocent"] = innocent if innocent < 1.0 else 1.0
    harm, help_, suffer = cues.sentence_cues  # capped at COUNT_CAP (as min(count, COUNT_CAP))
    features["sentence_harm"] = (COUNT_CAP if COUNT_CAP < harm else harm) / COUNT_CAP
    features["sentence_help"] = (COUNT_CAP if COUNT_CAP < help_ else help_) / COUNT_CAP
    features["sentence_suffer"] = (COUNT_CAP if COUNT_CAP < suffer else suffer) / COUNT_CAP
    features["actor_sentiment"] = item.actor_sentiment
    valence = item.sentence_valence
    features["sentence_valence"] = valence / math.sqrt(valence ** 2 + NORMALISATION_ALPHA)
    if item.titled:
        features["titled"] = 1.0
    features["actor_loaded_sentences"] = item.actor_loaded_share
    other_protagonist, other_antagonist, other_innocent = item.others
    if other_protagonist:
        features["other_protagonist"] = 1.0
    if other_antagonist:
        features["other_antagonist"] = 1.0
    if other_innocent:
        features["other_innocent"] = 1.0
    return features


def _role_names(role: str) -> tuple[str, str, str, str]:
    return f"role={role}", f"{role}_harsh", f"{role}_warm", f"people_{role}_harsh"


# Feature names built once (prior_features runs for every mention the cues leave uncast).
_KIND_NAMES = {kind: f"kind={kind}" for kind in ("person", "government", "state", "organisation", "media", "group")}
_ROLE_NAMES = {role: _role_names(role) for role in ("agent", "target")}


def model_sha256() -> str:
    """The sha256 of the shipped weights file ("" when it is missing)."""
    return data_sha256(MODEL_FILE)


@cache
def load_prior_model() -> PriorModel | None:
    """The shipped model, or None when it is missing or was built for other features."""
    try:
        data = json.loads(read_model_text(MODEL_FILE))
    except (FileNotFoundError, ValueError):
        return None
    if data.get("feature_version") != FEATURE_VERSION or tuple(data.get("labels", ())) != ROLES:
        return None
    return PriorModel(tuple(data["intercepts"]), {name: tuple(values) for name, values in data["weights"].items()},
                      data.get("info", {}))


def prior_probabilities(model: PriorModel, features: Mapping[str, float]) -> tuple[float, float, float]:
    """The model's (protagonist, antagonist, innocent) probabilities: a softmax over linear scores."""
    s0, s1, s2 = model.intercepts
    weights_of = model.weights.get
    for name, value in features.items():
        if not value:
            continue  # adds nothing (about half the features of an uncast mention: its cue weights and counts)
        weights = weights_of(name)
        if weights is not None:
            w0, w1, w2 = weights
            s0 += w0 * value
            s1 += w1 * value
            s2 += w2 * value
    peak = max(s0, s1, s2)
    e0, e1, e2 = math.exp(s0 - peak), math.exp(s1 - peak), math.exp(s2 - peak)
    total = e0 + e1 + e2
    return e0 / total, e1 / total, e2 / total


def cast_by_prior(model: PriorModel, items: Sequence[PriorInput], actors: Sequence[str], *,
                  evidence: Sequence[tuple[int, int] | None], voices: Sequence[Casting],
                  text: str | None = None) -> tuple[Casting, ...]:
    """Low-confidence castings from ``prior_features`` (cue "prior"; marked ``prior``), one per item.

    An author casts an actor consistently, so each mention's probabilities are mixed with
    the mean of those of its actor's other prior-cast mentions (ACTOR_POOL), then shrunk
    toward uniform by PRIOR_SHRINK; ``voices`` are the mentions' uncast castings, whose
    voice and speaker are kept; ``text`` (when given) fills each casting's evidence text.
    """
    found = [model.probabilities(item) for item in items]
    by_actor: dict[str, list[tuple[float, float, float]]] = {}
    for actor, probabilities in zip(actors, found):
        by_actor.setdefault(actor, []).append(probabilities)
    means = {actor: [sum(column) / len(pooled) for column in zip(*pooled)] for actor, pooled in by_actor.items()}
    castings = []
    for actor, (p0, p1, p2), span, voice in zip(actors, found, evidence, voices):
        m0, m1, m2 = means[actor]
        mixed0 = _OWN_SHARE * p0 + ACTOR_POOL * m0
        mixed1 = _OWN_SHARE * p1 + ACTOR_POOL * m1
        mixed2 = _OWN_SHARE * p2 + ACTOR_POOL * m2
        scores = ((_PROTAGONIST, round(_MODEL_SHARE * mixed0 + _UNIFORM_SHARE, 4)),
                  (_ANTAGONIST, round(_MODEL_SHARE * mixed1 + _UNIFORM_SHARE, 4)),
                  (_INNOCENT, round(_MODEL_SHARE * mixed2 + _UNIFORM_SHARE, 4)))
        # The likeliest role; a tie goes to the earlier role in ROLES.
        best = _PROTAGONIST if mixed0 >= mixed1 and mixed0 >= mixed2 else _ANTAGONIST if mixed1 >= mixed2 else _INNOCENT
        evidence_text = text[span[0]:span[1]] if text is not None and span is not None else None
        castings.append(Casting(best, scores, span, "prior", None, voice.voice, voice.speaker, evidence_text, prior=True))
    return tuple(castings)


# cast_by_prior's mixing, unrolled over the three roles.
_PROTAGONIST, _ANTAGONIST, _INNOCENT = ROLES
_OWN_SHARE = 1.0 - ACTOR_POOL
_MODEL_SHARE = 1.0 - PRIOR_SHRINK
_UNIFORM_SHARE = PRIOR_SHRINK / len(ROLES)


def prior_inputs(context: TextContext, mentions: Sequence[MentionReport], castings: Sequence[Casting],
                  cues: Sequence[MentionCues], *, every: bool = False) -> list[tuple[int, PriorInput]]:
    """What the portrayal prior reads about each mention still uncast (``every``: each mention), by index."""
    uncast = [k for k, casting in enumerate(castings) if every or casting.portrayal is None]
    if not uncast:
        return []
    by_actor: dict[str, list[float]] = defaultdict(list)
    for report in mentions:
        if report.sentiment.speaker is None:
            by_actor[report.mention.actor].append(report.sentiment.score)
    actor_means = {actor: sum(scores) / len(scores) for actor, scores in by_actor.items()}
    sentence_at = context.sentence_index.at
    cast_in: dict[int, list[int]] = {}  # sentence start -> how many of its mentions' own cues gave each role
    own: dict[int, int] = {}  # mention index -> the role (its index in ROLES) its own cues gave it
    for k, casting in enumerate(castings):
        if casting.portrayal is not None and not casting.inherited:
            sentence = sentence_at(mentions[k].mention.start)
            if sentence is not None:
                role_index = own[k] = ROLES.index(casting.portrayal)
                counts = cast_in.get(sentence.start)
                if counts is None:
                    counts = cast_in[sentence.start] = [0, 0, 0]
                counts[role_index] += 1
    loaded_share = _actor_loaded_shares(context, mentions)
    sentence_valence: dict[int, float] = {}  # by sentence start: one sum per sentence, not per mention
    role_valence: dict[tuple[int, int], float] = {}  # by evidence span: mentions of a clause share their charged words
    found = []
    for k in uncast:
        report = mentions[k]
        mention = report.mention
        sentence = sentence_at(mention.start)
        role = report.role
        sentiment = report.sentiment
        probabilities = sentiment.probabilities or (
            float(sentiment.label == "negative"), float(sentiment.label == "neutral"), float(sentiment.label == "positive"))
        others = (False, False, False)
        valence = 0.0
        if sentence is not None:
            counts = cast_in.get(sentence.start)
            if counts is not None:  # a role counts when a mention other than this one was given it
                mine = own.get(k, -1)
                others = (counts[0] > (mine == 0), counts[1] > (mine == 1), counts[2] > (mine == 2))
            if sentence.start not in sentence_valence:
                sentence_valence[sentence.start] = context.valence_between(sentence.start, sentence.end)
            valence = sentence_valence[sentence.start]
        charged = 0.0
        if role:
            evidence = (role.evidence.start, role.evidence.end)
            if evidence not in role_valence:
                role_valence[evidence] = context.valence_between(*evidence)
            charged = role_valence[evidence]
        found.append((k, PriorInput(
            start=mention.start, end=mention.end, kind=mention.kind,
            role=role.role if role else None,
            role_valence=charged,
            sentiment=(probabilities[0], probabilities[1], probabilities[2]),
            in_quote=castings[k].voice == "quote", cues=cues[k],
            actor_sentiment=actor_means.get(mention.actor, 0.0),
            sentence_valence=valence,
            others=others,
            titled=mention.kind == "person" and _is_titled(context.text, mention.start, mention.text),
            actor_loaded_share=loaded_share[mention.actor],
        )))
    return found


# Offices that make a person one who holds power over others ("chief executive", "minister", "founder").
_OFFICES = (r"chief executive|executive|minister|president|chair(?:man|woman)?|director|governor|senator|councillor|"
            r"mayor|ceo|boss|founder|owner|commissioner|chancellor|secretary|spokes(?:man|woman|person)|general|leader")
# An office right before a name ("its chief executive, Giles Penhaligon"), or opening the mention ("Governor X").
_OFFICE_BEFORE = re.compile(rf"\b(?:{_OFFICES})s?,?\s+(?:[A-Z][\w'’-]+\s+){{0,2}}$")
_OFFICE_OPENING = re.compile(rf"(?i)(?:{_OFFICES})\b|\w+ (?:minister|secretary|president|director|executive)\b")
# How far before a name its office is looked for.
MAX_OFFICE_CHARS = 60


def _is_titled(text: str, start: int, written: str) -> bool:
    """Whether a person's mention opens with an office or stands right after one."""
    return (_OFFICE_OPENING.match(written) is not None
            or _OFFICE_BEFORE.search(text, max(0, start - MAX_OFFICE_CHARS), start) is not None)


def _actor_loaded_shares(context: TextContext, mentions: Sequence[MentionReport]) -> dict[str, float]:
    """Per actor, the share of its mentions whose sentence holds an author-voice loaded term beside it.

    An author who argues against an actor writes the charged words near it; one who reports on
    it, or sides with it, seldom does (a feature of the whole text, not of one mention).
    """
    sentence_at = context.sentence_index.at
    counts: dict[str, list[int]] = {}
    for report in mentions:
        mention = report.mention
        sentence = sentence_at(mention.start)
        charged = sentence is not None and any(
            hit.category not in MARKER_CATEGORIES and hit.is_author_voice
            and not (hit.start < mention.end and mention.start < hit.end)
            for hit in context.hit_index.within(sentence.start, sentence.end))
        tally = counts.setdefault(mention.actor, [0, 0])
        tally[0] += charged
        tally[1] += 1
    return {actor: found / total for actor, (found, total) in counts.items()}
