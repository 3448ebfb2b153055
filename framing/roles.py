"""Role stage: is an actor the agent or the target of the charged words in its clause?

"Trump blocked the deal" and "Washington pressured Kyiv" make Trump and Washington the
agents and Kyiv the target; "Kyiv was pressured by Washington" says the same with a
passive. The role is found by word order and passive voice, without a parser, and feeds
the sentiment model (an agent of harsh words is judged; a target of them is often a victim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .model import TextSpan

if TYPE_CHECKING:
    from .sentiment import SentimentContext

Role = Literal["agent", "target"]
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BE = frozenset("is are was were been being be get gets got getting".split())
_IRREGULAR_PARTICIPLES = frozenset(
    "hit beaten bitten broken caught driven forgotten given held hurt kept led left lost misled overrun "
    "overthrown shot shaken sold spoken stolen struck taken thrown told torn undermined won written".split()
)
_DETERMINERS = frozenset("the a an his her their its our this that these those".split())
# A VADER valence at least this strong makes a word charged enough to give a role.
CHARGED = 0.5
# How many words after a subject its verb may stand.
VERB_REACH = 6


@dataclass(frozen=True, slots=True)
class ActorRole:
    """The role and the charged words that gave it."""

    role: Role
    evidence: TextSpan


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


def find_role(context: SentimentContext, start: int, end: int) -> ActorRole | None:
    """The mention's role toward the nearest charged words of its clause, or None."""
    from .sentiment import _clause, _vader_tables

    text = context.text
    sentence = context.sentence_index.at(start)
    low, high = (sentence.start, sentence.end) if sentence else (0, len(text))
    clause_start, clause_end = _clause(text, low, high, start, end)
    lexicon = _vader_tables()[0]
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text, clause_start, clause_end)]
    charged = []
    for token_start, token_end, word in tokens:
        if start <= token_start < end:
            continue
        hit = context.hit_index.at(token_start)
        if (hit is not None and hit.valence) or abs(lexicon.get(word, 0.0)) >= CHARGED:
            charged.append((token_start, hit.end if hit is not None else token_end))
    if not charged:
        return None
    after = [t for t in tokens if t[0] >= end]
    before = [t for t in tokens if t[1] <= start]
    if before and before[-1][2] == "by":
        return _role("agent", text, charged, start)  # "pressured by Washington"
    if len(after) >= 2 and after[0][2] in _BE and _is_participle(after[1][2]):
        return _role("target", text, charged, start)  # "Kyiv was pressured"
    object_of = [t for t in before[-2:] if t[2] not in _DETERMINERS]
    if object_of and any(c[0] == object_of[-1][0] for c in charged):
        return _role("target", text, charged, start)  # "pressured Kyiv", "disparaged the minister"
    charged_after = [c for c in charged if c[0] >= end]
    if charged_after and any(c[0] <= after[min(len(after), VERB_REACH) - 1][0] for c in charged_after if after):
        return _role("agent", text, charged_after, start)  # "Trump blocked …", "Trump's crushing tariffs"
    return _role("target", text, [c for c in charged if c[1] <= start] or charged, start)


def _role(role: Role, text: str, charged: list[tuple[int, int]], anchor: int) -> ActorRole:
    start, end = min(charged, key=lambda c: abs(c[0] - anchor))
    return ActorRole(role, TextSpan(start, end, text[start:end]))
