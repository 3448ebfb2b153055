"""Aggregate: pure sums and means over stage outputs, paragraph -> section -> document.

Every aggregate is recomputed from the spans below it: counts are summed, sentiment is
the mean of author-voice mentions, readability comes from summed counts, loadedness is
the weighted sum of author-voice, non-negated term hits per 100 words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter

from framing.model import (
    ActorKind,
    ActorSummary,
    Casting,
    MentionReport,
    PortrayalRole,
    TechniqueCount,
    TechniqueHit,
    TermCount,
    TermHit,
)
from framing.stages.portrayal import actor_stance
from framing.stages.readability import count_words
from framing.stages.rule_sentiment import label_for
from framing.stages.techniques import TECHNIQUES


def count_techniques(hits: Iterable[TechniqueHit]) -> tuple[TechniqueCount, ...]:
    """Technique counts, most frequent first (ties in taxonomy order)."""
    counts = Counter(hit.technique for hit in hits)
    order = {name: index for index, name in enumerate(TECHNIQUES)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order)), item[0]))
    return tuple(TechniqueCount(technique, count) for technique, count in ranked)


def word_count(text: str) -> int:
    return count_words(text)


def counts_toward_loadedness(hit: TermHit) -> bool:
    """Only the author's own, non-negated terms make a text loaded."""
    return hit.is_author_voice and not hit.negated


def loadedness(hits: Iterable[TermHit], n_words: int) -> float:
    """Weighted author-voice, non-negated term hits per 100 words (0.0 for no words)."""
    if n_words <= 0:
        return 0.0
    return round(100.0 * sum(h.weight for h in hits if counts_toward_loadedness(h)) / n_words, 3)


def count_terms(hits: Iterable[TermHit]) -> tuple[TermCount, ...]:
    """Term counts, most frequent first (ties by category, then term)."""
    counts: dict[tuple[str, str], list[int]] = {}  # (term, category) -> [count, author count]
    for hit in hits:
        key = (hit.term, hit.category)
        found = counts.get(key)
        if found is None:
            found = counts[key] = [0, 0]
        found[0] += 1
        found[1] += counts_toward_loadedness(hit)
    if not counts:
        return ()
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0][1], item[0][0]))
    return tuple(TermCount(term, category, count, author) for (term, category), (count, author) in ordered)


def summarise_actors(mentions: Iterable[MentionReport]) -> tuple[ActorSummary, ...]:
    """Per actor: mentions, author-voice mean sentiment and the label of that number, portrayal and stance.

    Most mentioned first.
    """
    grouped: dict[str, list[MentionReport]] = defaultdict(list)
    for report in mentions:
        grouped[report.mention.actor].append(report)
    summaries = []
    for actor, reports in grouped.items():
        author: list[float] = []  # author-voice scores, in mention order (the sums keep that order)
        quoted: list[float] = []
        castings: list[Casting] = []
        kinds: list[ActorKind] = []
        counts: dict[PortrayalRole, int] = {}  # a plain dict: no Counter built per actor
        for report in reports:  # one pass per actor, not one list per field
            kinds.append(report.mention.kind)
            sentiment = report.sentiment
            (author if sentiment.speaker is None else quoted).append(sentiment.score)
            casting = report.casting
            if casting is not None:
                castings.append(casting)
                if (casting.voice == "author" and casting.portrayal is not None and not casting.inherited
                        and not casting.prior):
                    counts[casting.portrayal] = counts.get(casting.portrayal, 0) + 1
        mean = round(sum(author) / len(author), 4) if author else None
        stance = actor_stance(castings) if castings else None  # (no casting: no stance)
        summaries.append(ActorSummary(  # (positional: one is made per actor of every section)
            actor, voted_kind(kinds), len(reports), len(author), mean, label_for(mean) if mean is not None else None,
            round(sum(quoted) / len(quoted), 4) if quoted else None,
            max(counts.items(), key=itemgetter(1))[0] if counts else None,  # the first of equal counts
            dict(sorted(counts.items())) if counts else {},
            round(stance, 4) if stance is not None else None,
        ))
    summaries.sort(key=lambda s: (-s.mentions, s.actor))
    return tuple(summaries)


def voted_kind(kinds: Sequence[ActorKind]) -> ActorKind:
    """One kind per actor: the kind most of its mentions carry (ties: the first mention's)."""
    first = kinds[0]
    if kinds.count(first) == len(kinds):
        return first  # one kind throughout (most actors): the vote is unanimous
    counts = Counter(kinds)
    return max(counts, key=lambda kind: (counts[kind], kind == first))
