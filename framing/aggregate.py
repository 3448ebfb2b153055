"""Report stage: run the analysis stages over a Document and aggregate paragraph -> section -> document.

Every aggregate is recomputed from the spans below it: counts are summed, sentiment is
the mean of author-voice mentions, readability comes from summed counts, loadedness is
the weighted sum of author-voice, non-negated term hits per 100 words.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ._version import __version__
from .actors import Gazetteer, find_actors, resolve_speaker
from .frames import FrameCue, FrameScore, find_frame_cues, frame_lexicons, score_frames
from .lexicon import CategoryInfo, CompiledLexicons, annotate_hits, match_terms
from .model import (
    ActorKind,
    ActorMention,
    Document,
    Paragraph,
    Polarity,
    Quote,
    Readability,
    Section,
    Sentence,
    SentimentLabel,
    TargetSentiment,
    TermHit,
    TextSpan,
)
from .quotes import find_quotes
from .readability import combine, measure_readability
from .roles import ActorRole
from .sentences import split_sentences
from .sentiment import SentimentContext, label_for, score_target
from .techniques import TECHNIQUES, TechniqueHit, find_repetition, find_techniques

if TYPE_CHECKING:
    import pandas

SCARE_QUOTE_CATEGORY = "scare_quote"
SCARE_QUOTE_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class MentionReport:
    """An actor mention, the sentiment toward it (author voice unless ``speaker`` is set),
    and whether it is the agent or the target of the charged words of its clause."""

    mention: ActorMention
    sentiment: TargetSentiment
    role: ActorRole | None = None


@dataclass(frozen=True, slots=True)
class TechniqueCount:
    """How often a technique was found over some stretch."""

    technique: str
    count: int


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """How one actor is portrayed over some stretch: author-voice mean sentiment and counts.

    ``sentiment`` is None when every mention is inside someone else's words; those
    mentions are summarised separately as ``quoted_sentiment``.
    """

    actor: str
    kind: ActorKind
    mentions: int
    author_mentions: int
    sentiment: float | None
    label: SentimentLabel | None
    quoted_sentiment: float | None


@dataclass(frozen=True, slots=True)
class TermCount:
    """How often a lexicon term occurs, and how often in the author's own voice."""

    term: str
    category: str
    count: int
    author_count: int


@dataclass(frozen=True, slots=True)
class ParagraphReport:
    """Everything measured in one paragraph."""

    paragraph: Paragraph
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    loaded_terms: tuple[TermHit, ...]
    actors: tuple[MentionReport, ...]
    polarity: Polarity
    readability: Readability
    loadedness: float
    frames: tuple[FrameScore, ...] = ()
    techniques: tuple[TechniqueHit, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionReport:
    """A section's paragraphs and their aggregates (the heading's terms, cues and techniques count too)."""

    section: Section
    heading_terms: tuple[TermHit, ...]
    heading_actors: tuple[MentionReport, ...]
    paragraphs: tuple[ParagraphReport, ...]
    actors: tuple[ActorSummary, ...]
    loaded_terms: tuple[TermCount, ...]
    readability: Readability
    loadedness: float
    heading_frames: tuple[FrameScore, ...] = ()
    heading_techniques: tuple[TechniqueHit, ...] = ()
    frames: tuple[FrameScore, ...] = ()
    techniques: tuple[TechniqueCount, ...] = ()


@dataclass(frozen=True, slots=True)
class FrontReport:
    """The title or standfirst: analysed for terms, actors, frames and techniques, outside any section."""

    part: Literal["title", "standfirst"]
    span: TextSpan
    loaded_terms: tuple[TermHit, ...]
    actors: tuple[MentionReport, ...]
    frames: tuple[FrameScore, ...] = ()
    techniques: tuple[TechniqueHit, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """The framing report of one document; ``to_dict()`` is the serialised contract."""

    document: Document
    front: tuple[FrontReport, ...]
    sections: tuple[SectionReport, ...]
    actors: tuple[ActorSummary, ...]
    loaded_terms: tuple[TermCount, ...]
    readability: Readability
    loadedness: float
    lexicons: dict[str, str]
    version: str
    frames: tuple[FrameScore, ...] = ()
    techniques: tuple[TechniqueCount, ...] = ()

    @property
    def text(self) -> str:
        """The analysed text; every span's offsets index it."""
        return self.document.text

    @property
    def paragraphs(self) -> tuple[ParagraphReport, ...]:
        """Every paragraph report in document order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data (see the schema in docs/schema.json)."""
        from .render.data import report_to_dict

        return report_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """A readable Markdown summary of the report."""
        from .render.markdown import to_markdown

        return to_markdown(self.to_dict())

    def to_html(self, path: str | Path | None = None) -> str:
        """A self-contained HTML report; also written to ``path`` when given."""
        from .render.html import to_html

        page = to_html(self.to_dict())
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def to_dataframe(self, level: Literal["paragraph", "section", "actor", "span"] = "paragraph") -> pandas.DataFrame:
        """A pandas DataFrame at the given level (needs the ``pandas`` extra)."""
        from .render.dataframe import to_dataframe

        return to_dataframe(self.to_dict(), level=level)

    def _repr_html_(self) -> str:
        from .render.html import to_html

        return to_html(self.to_dict(), fragment=True)


# --- building -------------------------------------------------------------------------


def build_report(document: Document, compiled: CompiledLexicons, gazetteer: Gazetteer) -> Report:
    """Run every analysis stage over a Document and aggregate paragraph -> section -> document."""
    text = document.text
    parts: tuple[tuple[Literal["title", "standfirst"], TextSpan | None], ...] = (
        ("title", document.title), ("standfirst", document.standfirst))
    front_parts = [(name, span) for name, span in parts if span is not None and span.end > span.start]
    spans: list[tuple[int, int]] = [(span.start, span.end) for _, span in front_parts]
    for section in document.sections:
        if section.heading is not None:
            spans.append((section.heading.start, section.heading.end))
        spans.extend((p.start, p.end) for p in section.paragraphs)
    spans.sort()
    sentences = {key: split_sentences(text, *key) for key in spans}
    all_sentences = tuple(s for key in spans for s in sentences[key])
    bullets = [(p.start, p.end) for p in document.paragraphs if p.kind == "bullet"]
    quotes = find_quotes(text, all_sentences, list_items=bullets)
    mentions = find_actors(text, spans, gazetteer, speakers=[q.speaker for q in quotes if q.speaker is not None])
    sentence_starts = [s.start for s in all_sentences]
    mention_starts = [m.start for m in mentions]
    speakers = {q.start: resolve_speaker(q.speaker, mentions, sentence_starts, mention_starts)
                for q in quotes if q.speaker is not None}
    hits = _find_hits(text, spans, all_sentences, quotes, speakers, compiled)
    context = SentimentContext(text, all_sentences, quotes, hits, speakers)
    portrayed = tuple(
        MentionReport(m, score_target(context, m.start, m.end, voice="author"), context.role_of(m.start, m.end))
        for m in mentions
    )
    hits_in, mentions_in = _Grouper(hits), _Grouper(portrayed, key=lambda r: r.mention.start)
    quotes_in = _Grouper(quotes)
    analysed = {
        key: _analyse_span(text, key, sentences[key], hits_in, mentions_in, quotes_in, compiled.categories)
        for key in spans
    }
    _add_repetition(document, analysed)

    front = tuple(
        FrontReport(name, span, *_front_fields(analysed[(span.start, span.end)], _word_count(span.text)))
        for name, span in front_parts
    )
    section_reports = [_section_report(text, section, analysed, context) for section in document.sections]
    all_terms = [h for f in front for h in f.loaded_terms] + [
        h for s in section_reports for h in (*s.heading_terms, *(t for p in s.paragraphs for t in p.loaded_terms))
    ]
    all_mentions = [m for f in front for m in f.actors] + [
        m for s in section_reports for m in (*s.heading_actors, *(a for p in s.paragraphs for a in p.actors))
    ]
    readability = combine(s.readability for s in section_reports)
    heading_words = sum(_word_count(s.section.heading.text) for s in section_reports if s.section.heading)
    words = readability.n_words + heading_words + sum(_word_count(f.span.text) for f in front)
    all_cues = [cue for part in analysed.values() for cue in part.cues]
    all_techniques = [t for part in analysed.values() for t in part.techniques]
    return Report(
        document=document,
        front=front,
        sections=tuple(section_reports),
        actors=summarise_actors(all_mentions),
        loaded_terms=count_terms(all_terms),
        readability=readability,
        loadedness=loadedness(all_terms, words),
        lexicons={**compiled.hashes, "actors": gazetteer.sha256, **frame_lexicons().hashes},
        version=__version__,
        frames=score_frames(all_cues, words),
        techniques=count_techniques(all_techniques),
    )


@dataclass(slots=True)
class _SpanAnalysis:
    """What the stages found in one analysed span (paragraph, heading, title or standfirst)."""

    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    hits: tuple[TermHit, ...]
    mentions: tuple[MentionReport, ...]
    cues: tuple[FrameCue, ...]
    techniques: tuple[TechniqueHit, ...]


def _analyse_span(text: str, key: tuple[int, int], sentences: tuple[Sentence, ...], hits_in: _Grouper,
                  mentions_in: _Grouper, quotes_in: _Grouper, categories: dict[str, CategoryInfo]) -> _SpanAnalysis:
    start, end = key
    hits: tuple[TermHit, ...] = hits_in.between(start, end)
    mentions: tuple[MentionReport, ...] = mentions_in.between(start, end)
    quotes: tuple[Quote, ...] = quotes_in.between(start, end)
    cues = find_frame_cues(text, [key], hits, categories)
    techniques = find_techniques(text, sentences, hits, [m.mention for m in mentions], quotes, categories)
    return _SpanAnalysis(sentences, quotes, hits, mentions, cues, techniques)


def _add_repetition(document: Document, analysed: dict[tuple[int, int], _SpanAnalysis]) -> None:
    """Mark loaded terms the author repeats across sections (a technique of the whole text)."""
    per_section = []
    for section in document.sections:
        keys = ([(section.heading.start, section.heading.end)] if section.heading else []) + [
            (p.start, p.end) for p in section.paragraphs]
        per_section.append([h for key in keys for h in analysed[key].hits])
    keys = sorted(analysed)
    starts = [start for start, _ in keys]
    added: dict[tuple[int, int], list[TechniqueHit]] = defaultdict(list)
    for repeated in find_repetition(per_section):
        position = bisect_right(starts, repeated.start) - 1
        if position >= 0 and repeated.start < keys[position][1]:
            added[keys[position]].append(repeated)
    for key, extra in added.items():
        part = analysed[key]
        part.techniques = tuple(sorted((*part.techniques, *extra), key=lambda t: (t.start, t.end, t.technique)))


def _front_fields(part: _SpanAnalysis, n_words: int) -> tuple[Any, ...]:
    return part.hits, part.mentions, score_frames(part.cues, n_words), part.techniques


def _find_hits(text: str, spans: Sequence[tuple[int, int]], sentences: Sequence[Sentence], quotes: Sequence[Quote],
               speakers: Mapping[int, str], compiled: CompiledLexicons) -> tuple[TermHit, ...]:
    raw: list[TermHit] = []
    for start, end in spans:
        raw.extend(match_terms(text, compiled, start, end))
    scare = [q for q in quotes if q.kind == "scare"]
    covered = {(h.start, h.end) for h in raw}
    info = compiled.categories.get(SCARE_QUOTE_CATEGORY)
    for quote in scare:
        if (quote.start, quote.end) in covered:
            continue
        raw.append(TermHit(
            quote.start, quote.end, quote.text, term=" ".join(quote.text[1:-1].lower().split()),
            category=SCARE_QUOTE_CATEGORY, weight=SCARE_QUOTE_WEIGHT, valence=info.valence if info else -1.0,
            lexicon="rules",
        ))
    raw.sort(key=lambda h: (h.start, h.end))
    attributed = [q for q in quotes if q.kind != "scare"]
    return annotate_hits(text, raw, sentences, attributed, speakers)


class _Grouper:
    """Hand out sorted records by the offset range they start in."""

    def __init__(self, records: Iterable[Any], key: Any = None) -> None:
        self._key = key or (lambda record: record.start)
        self._records = sorted(records, key=self._key)
        self._starts = [self._key(r) for r in self._records]

    def between(self, start: int, end: int) -> tuple[Any, ...]:
        from bisect import bisect_left

        first, last = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return tuple(self._records[first:last])


def _paragraph_report(text: str, paragraph: Paragraph, part: _SpanAnalysis, context: SentimentContext) -> ParagraphReport:
    readability = measure_readability(text, part.sentences, paragraph.start, paragraph.end)
    return ParagraphReport(
        paragraph=paragraph,
        sentences=part.sentences,
        quotes=part.quotes,
        loaded_terms=part.hits,
        actors=part.mentions,
        polarity=context.polarity_of(paragraph.start, paragraph.end),  # shared with sentence scopes
        readability=readability,
        loadedness=loadedness(part.hits, readability.n_words),
        frames=score_frames(part.cues, readability.n_words),
        techniques=part.techniques,
    )


def _section_report(text: str, section: Section, analysed: dict[tuple[int, int], _SpanAnalysis],
                    context: SentimentContext) -> SectionReport:
    paragraphs = tuple(_paragraph_report(text, p, analysed[(p.start, p.end)], context) for p in section.paragraphs)
    heading = section.heading
    head = analysed[(heading.start, heading.end)] if heading else _SpanAnalysis((), (), (), (), (), ())
    terms = [*head.hits, *(t for p in paragraphs for t in p.loaded_terms)]
    mentions = [*head.mentions, *(a for p in paragraphs for a in p.actors)]
    readability = combine(p.readability for p in paragraphs)
    heading_words = _word_count(heading.text) if heading else 0
    words = readability.n_words + heading_words
    cues = [*head.cues, *(c for p in section.paragraphs for c in analysed[(p.start, p.end)].cues)]
    techniques = [*head.techniques, *(t for p in paragraphs for t in p.techniques)]
    return SectionReport(
        section=section,
        heading_terms=head.hits,
        heading_actors=head.mentions,
        paragraphs=paragraphs,
        actors=summarise_actors(mentions),
        loaded_terms=count_terms(terms),
        readability=readability,
        loadedness=loadedness(terms, words),
        heading_frames=score_frames(head.cues, heading_words),
        heading_techniques=head.techniques,
        frames=score_frames(cues, words),
        techniques=count_techniques(techniques),
    )


def count_techniques(hits: Iterable[TechniqueHit]) -> tuple[TechniqueCount, ...]:
    """Technique counts, most frequent first (ties in taxonomy order)."""
    counts = Counter(hit.technique for hit in hits)
    order = {name: index for index, name in enumerate(TECHNIQUES)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order)), item[0]))
    return tuple(TechniqueCount(technique, count) for technique, count in ranked)


def _word_count(text: str) -> int:
    from .readability import count_text

    return count_text(text, 1).n_words


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
    total: Counter[tuple[str, str]] = Counter()
    author: Counter[tuple[str, str]] = Counter()
    for hit in hits:
        key = (hit.term, hit.category)
        total[key] += 1
        author[key] += counts_toward_loadedness(hit)
    ordered = sorted(total.items(), key=lambda item: (-item[1], item[0][1], item[0][0]))
    return tuple(TermCount(term, category, count, author[(term, category)]) for (term, category), count in ordered)


_LABELS: tuple[SentimentLabel, ...] = ("negative", "neutral", "positive")


def summary_label(sentiments: Sequence[TargetSentiment]) -> SentimentLabel | None:
    """The label of several mentions: the class with the highest mean model probability.

    So an actor whose every mention the model calls neutral is neutral, even when the
    mean score leans one way. Mentions scored by the rules (no probabilities) fall back
    to the neutral band around the mean score.
    """
    if not sentiments:
        return None
    if all(s.probabilities is not None for s in sentiments):
        totals = [sum(s.probabilities[i] for s in sentiments if s.probabilities is not None) for i in range(3)]
        return _LABELS[max(range(3), key=totals.__getitem__)]
    return label_for(sum(s.score for s in sentiments) / len(sentiments))


def summarise_actors(mentions: Iterable[MentionReport]) -> tuple[ActorSummary, ...]:
    """Per actor: mentions, author-voice mean sentiment and its label (``summary_label``); most mentioned first."""
    grouped: dict[str, list[MentionReport]] = defaultdict(list)
    for report in mentions:
        grouped[report.mention.actor].append(report)
    summaries = []
    for actor, reports in grouped.items():
        author = [r.sentiment for r in reports if r.sentiment.speaker is None]
        quoted = [r.sentiment.score for r in reports if r.sentiment.speaker is not None]
        mean = round(sum(a.score for a in author) / len(author), 4) if author else None
        summaries.append(ActorSummary(
            actor=actor, kind=reports[0].mention.kind, mentions=len(reports), author_mentions=len(author),
            sentiment=mean, label=summary_label(author),
            quoted_sentiment=round(sum(quoted) / len(quoted), 4) if quoted else None,
        ))
    summaries.sort(key=lambda s: (-s.mentions, s.actor))
    return tuple(summaries)


def text_sha256(text: str) -> str:
    """The sha256 of the analysed text, to tie a report to its input."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
