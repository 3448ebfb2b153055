"""Role stage: is an actor the agent or the target of the charged words in its clause?

"Trump blocked the deal" and "Washington pressured Kyiv" make Trump and Washington the
agents and Kyiv the target; "Kyiv was pressured by Washington" says the same with a
passive. The role is found by word order and passive voice, without a parser, and feeds
the sentiment model (an agent of harsh words is judged; a target of them is often a victim).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from framing.context import first_token_ending_after
from framing.model import ActorRole, Role, TextSpan

if TYPE_CHECKING:
    from framing.context import ContextToken, TextContext

_BE = frozenset("is are was were been being be get gets got getting".split())
_IRREGULAR_PARTICIPLES = frozenset(
    "hit beaten bitten broken caught driven forgotten given held hurt kept led left lost misled overrun "
    "overthrown shot shaken sold spoken stolen struck taken thrown told torn undermined won written".split()
)
_DETERMINERS = frozenset("the a an his her their its our this that these those".split())
# Prepositions that aim an action at what follows them.
_AIMED_PREPOSITIONS = frozenset("toward towards against on upon onto into".split())
# Words that may open a clause before its subject ("But Moscow …", "Meanwhile, Beijing …").
_CLAUSE_OPENERS = frozenset(
    "and but or so yet then now still meanwhile instead however also even only when while after before since "
    "because although though if as once".split()
)
# How many words after a subject its verb may stand.
VERB_REACH = 6


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


def find_role(context: TextContext, start: int, end: int) -> ActorRole | None:
    """The mention's role toward the nearest charged words of its clause, or None."""
    low, high, clause_start, clause_end = context.clause(start, end)
    charged_starts, charged_words = context.scope_table(low, high, None, _charged_words)
    in_clause, past_clause = bisect_left(charged_starts, clause_start), bisect_left(charged_starts, clause_end)
    if in_clause == past_clause:
        return None
    # the clause's charged words less those starting inside the mention (a slice each side of it)
    inside, after = (bisect_left(charged_starts, start, in_clause, past_clause),
                     bisect_left(charged_starts, end, in_clause, past_clause))
    charged = charged_words[in_clause:past_clause] if inside == after else (
        charged_words[in_clause:inside] + charged_words[after:past_clause])
    if not charged:
        return None
    text = context.text
    tokens, starts = context.tokens(low, high)
    first, last = bisect_left(starts, clause_start), bisect_left(starts, clause_end)
    # tokens are sorted and disjoint: the clause's words after the mention and before it are slices
    after_first = max(first, bisect_left(starts, end))
    before_last = max(first, min(last, first_token_ending_after(tokens, starts, start)))
    if before_last > first and tokens[before_last - 1].word == "by":
        return _role("agent", text, charged, start)  # "pressured by Washington"
    if last - after_first >= 2 and tokens[after_first].word in _BE and _is_participle(tokens[after_first + 1].word):
        return _role("target", text, charged, start)  # "Kyiv was pressured"
    object_of = [t for t in tokens[max(first, before_last - 2):before_last] if t.word not in _DETERMINERS]
    if object_of and any(c[0] == object_of[-1].start for c in charged):
        return _role("target", text, charged, start)  # "pressured Kyiv", "disparaged the minister"
    # the last two words before the mention that are not determiners, found from the mention back
    # (all of them are read only at the end)
    last_content: list[ContextToken] = []
    for index in range(before_last - 1, first - 1, -1):
        if tokens[index].word not in _DETERMINERS:
            last_content.insert(0, tokens[index])
            if len(last_content) == 2:
                break
    if last_content and _is_aimed_at(last_content, charged):
        return _role("target", text, charged, start)  # "warplanes toward Taiwan", "the bullying of Taiwan"
    reach = tokens[min(last, after_first + VERB_REACH) - 1].start if last > after_first else -1
    charged_after = [c for c in charged if end <= c[0] <= reach]
    if charged_after:
        return _role("agent", text, charged_after, start)  # "Trump blocked …", "Trump's crushing tariffs"
    if not last_content or all(t.word in _CLAUSE_OPENERS for t in tokens[first:before_last] if t.word not in _DETERMINERS):
        return _role("agent", text, charged, start)  # the clause's subject: "The Party sent warplanes … in a brazen show"
    return _role("target", text, [c for c in charged if c[1] <= start] or charged, start)


def _charged_words(_: None, tokens: tuple[ContextToken, ...]) -> tuple[list[int], list[tuple[int, int]]]:
    """A scope's charged words as (start, end of the charged span), and their starts to cut out a
    clause: made once per scope, shared by the mentions in it."""
    charged = [(t.start, t.charged_end) for t in tokens if t.charged_end is not None]
    return [c[0] for c in charged], charged


def _is_aimed_at(before: Sequence[ContextToken], charged: Sequence[tuple[int, int | None]]) -> bool:
    """Whether the words right before a mention point an action at it.

    "toward Taiwan", "sanctions on Moscow", "aggression against Kyiv" always do; "of" and
    "to" only after a charged word ("the bullying of Taiwan", "a threat to Europe").
    """
    preposition = before[-1].word
    if preposition in _AIMED_PREPOSITIONS:
        return True
    if preposition in ("of", "to") and len(before) >= 2:
        return any(c[0] == before[-2].start for c in charged)
    return False


def _role(role: Role, text: str, charged: Sequence[tuple[int, int | None]], anchor: int) -> ActorRole:
    start, end = min(charged, key=lambda c: abs(c[0] - anchor))
    end = end if end is not None else start
    return ActorRole(role, TextSpan(start, end, text[start:end]))
