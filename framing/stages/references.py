"""Reference stage: actor mentions -> cheap, safe references ("the senator", "the company", "the bloc").

A definite role noun refers to the last named actor of a compatible kind earlier in the same
section, when that is unambiguous: among the actors of that kind named so far in the
section, exactly one was introduced with the noun itself ("Senator Caleb Rourke" … "the
senator"), or only one actor of that kind has been named at all. Anything else stays
unresolved: a wrong link would cast the wrong actor. No pronoun resolution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from framing.model import ActorKind, ActorMention

# Role nouns a person is referred to by, and the kinds an organisation-like noun may stand for.
PERSON_NOUNS = frozenset(
    """senator congressman congresswoman representative minister president mayor governor chancellor premier
    spokesman spokeswoman spokesperson general colonel commander judge chairman chairwoman chair ambassador
    secretary commissioner founder director executive ceo prosecutor lawyer activist candidate leader
    councillor councilor councilmember sheriff chief king queen prince pope bishop imam rabbi coach""".split()
)
ORGANISATION_NOUNS: dict[str, tuple[ActorKind, ...]] = {
    noun: ("organisation",) for noun in
    """company firm corporation bank insurer developer landlord airline carrier manufacturer producer retailer
    charity union agency ministry department council university court party alliance bloc commission
    regulator watchdog militia group movement network broadcaster newspaper""".split()
}
ORGANISATION_NOUNS.update({"bloc": ("organisation", "government"), "alliance": ("organisation",),
                           "government": ("government",), "administration": ("government",),
                           "regime": ("government",), "newspaper": ("media",), "broadcaster": ("media",),
                           "channel": ("media",), "outlet": ("media",)})
_REFERENCE = re.compile(r"\b[Tt]he\s+([a-z][a-z-]+)\b")


def find_references(text: str, sections: Sequence[Sequence[tuple[int, int]]],
                    mentions: Sequence[ActorMention]) -> tuple[ActorMention, ...]:
    """References in the analysed spans, grouped by section, resolved against ``mentions`` (sorted by start)."""
    found: list[ActorMention] = []
    position = 0
    for spans in sections:
        if not spans:
            continue
        low, high = spans[0][0], spans[-1][1]
        while position < len(mentions) and mentions[position].end <= low:
            position += 1
        in_section = [m for m in mentions[position:] if m.start < high]
        found.extend(_section_references(text, spans, in_section))
    return tuple(found)


def _section_references(text: str, spans: Sequence[tuple[int, int]],
                        mentions: Sequence[ActorMention]) -> list[ActorMention]:
    found = []
    named = sorted(mentions, key=lambda m: m.start)
    for start, end in spans:
        for match in _REFERENCE.finditer(text, start, end):
            noun = match.group(1)
            kinds: tuple[ActorKind, ...] = ("person",) if noun in PERSON_NOUNS else ORGANISATION_NOUNS.get(noun, ())
            if not kinds or any(m.start < match.end() and match.start() < m.end for m in named):
                continue
            actor = _antecedent(noun, kinds, [m for m in named if m.end <= match.start()])
            if actor is not None:
                found.append(replace(actor, start=match.start(), end=match.end(), text=match.group(),
                                     is_metonym=False, source="reference", confidence=None))
    return found


def _antecedent(noun: str, kinds: tuple[ActorKind, ...], before: Sequence[ActorMention]) -> ActorMention | None:
    """The one named actor of a compatible kind this noun can mean, or None when it is ambiguous."""
    candidates: dict[str, ActorMention] = {}
    titled: set[str] = set()  # actors named with this noun as a title at least once ("Senator Caleb Rourke")
    for mention in before:
        if mention.kind in kinds and mention.source != "reference":
            candidates[mention.actor] = mention
            if any(noun == word.lower().rstrip(".") for word in mention.text.split()[:-1]):
                titled.add(mention.actor)
    if len(candidates) == 1:
        return next(iter(candidates.values()))
    if len(titled) == 1:
        return candidates[next(iter(titled))]
    return None
