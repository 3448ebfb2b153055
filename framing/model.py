"""Every public record of framing: frozen values with absolute offsets into ``Document.text``.

Records hold no pipeline logic; ``Report.to_dict()`` is the one serialiser every renderer
consumes (the contract of DESIGN.md), and the renderers are imported lazily from here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas

DocumentFormat = Literal["text", "markdown", "html"]
NoiseKind = Literal["caption", "credit", "masthead", "timestamp", "ui", "tags", "comments", "navigation", "related",
                    "cookie", "other"]
ParagraphKind = Literal["text", "bullet", "quote"]
ActorKind = Literal["person", "government", "state", "organisation", "media", "group"]
QuoteKind = Literal["direct", "reported", "scare"]
SentimentLabel = Literal["negative", "neutral", "positive"]

NOISE_KINDS: tuple[NoiseKind, ...] = (
    "caption", "credit", "masthead", "timestamp", "ui", "tags", "comments", "navigation", "related", "cookie", "other",
)
ACTOR_KINDS: tuple[ActorKind, ...] = (
    "person", "government", "state", "organisation", "media", "group",
)


def _check_offsets(record: object, start: int, end: int, text: str) -> None:
    if not 0 <= start <= end:
        raise ValueError(f"{type(record).__name__}: bad offsets {start}..{end}")
    if end - start != len(text):
        raise ValueError(
            f"{type(record).__name__}: text of length {len(text)} does not fit {start}..{end}"
        )


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the document: title, byline, evidence, a speaker's name."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Noise:
    """A block that is not body text (caption, credit, UI line ...), kept but never analysed."""

    start: int
    end: int
    text: str
    kind: NoiseKind

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end, self.text)
        if self.kind not in NOISE_KINDS:
            raise ValueError(f"unknown noise kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph, bullet item or block quotation; ``index`` is document-wide."""

    index: int
    start: int
    end: int
    text: str
    kind: ParagraphKind

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the paragraphs under it; the lead section has ``heading`` None."""

    index: int
    heading: TextSpan | None
    start: int
    end: int
    paragraphs: tuple[Paragraph, ...]

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Section: bad offsets {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Document:
    """The parsed article: its text, front matter, sections and noise.

    ``front`` holds the title and standfirst spans, which are analysed but belong to no
    section. ``date_iso`` is None when the written date does not parse.
    """

    text: str
    format: DocumentFormat
    source: str | None
    title: TextSpan | None
    standfirst: TextSpan | None
    byline: TextSpan | None
    date: TextSpan | None
    date_iso: str | None
    tags: tuple[str, ...]
    sections: tuple[Section, ...]
    noise: tuple[Noise, ...]
    language: str | None = None  # "en", another ISO 639-1 code, or "unknown": the lexicons and models are English

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph in document order."""
        return tuple(p for s in self.sections for p in s.paragraphs)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a paragraph, heading or front-matter span."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted or attributed words: a direct quotation, reported speech or a scare quote.

    ``speaker`` is the speaker's name as written (None when no speaker is found, and
    always for scare quotes); ``speaker_actor`` is the canonical actor the report resolves it
    to ("she" -> the person named before), else the speaker as written (None before the report).
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: TextSpan | None
    speaker_actor: str | None = None

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class TermHit:
    """One occurrence of a lexicon term, with the context that qualifies it."""

    start: int
    end: int
    text: str
    term: str
    category: str
    weight: float
    valence: float
    lexicon: str
    negated: bool = False
    in_quote: bool = False
    speaker: str | None = None
    question: bool = False
    source: str = "lexicon"  # "lexicon" | "model" (the learned scorer) | "rules" (scare quotes)
    confidence: float | None = None  # the learned scorer's probability; None for lexicon and rule hits

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end, self.text)

    @property
    def is_author_voice(self) -> bool:
        """True when the author, not a quoted speaker, uses the term."""
        return not self.in_quote


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of an actor, resolved to its canonical name."""

    start: int
    end: int
    text: str
    actor: str
    kind: ActorKind
    is_metonym: bool = False
    source: str = "gazetteer"  # "gazetteer" | "model" (recogniser) | "rule" (name rule, surname) | "reference"
    confidence: float | None = None  # the recogniser's probability for model-found mentions

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end, self.text)
        if self.kind not in ACTOR_KINDS:
            raise ValueError(f"unknown actor kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class TargetSentiment:
    """Sentiment toward one target span: score in [-1, 1], its label and evidence.

    ``evidence`` is the span whose words carried the score (None when nothing did);
    ``speaker`` is set when the words belong to a quoted speaker, not the author;
    ``features`` names what weighed most when a trained model decided, and
    ``probabilities`` are its (negative, neutral, positive) probabilities (None for rules).
    """

    score: float
    label: SentimentLabel
    evidence: TextSpan | None
    speaker: str | None
    method: str = "rules"
    features: tuple[str, ...] = ()
    probabilities: tuple[float, float, float] | None = None

    def __post_init__(self) -> None:
        if not -1.0 <= self.score <= 1.0:
            raise ValueError(f"sentiment score {self.score} outside [-1, 1]")


@dataclass(frozen=True, slots=True)
class Polarity:
    """Plain VADER polarity of a stretch of text."""

    compound: float
    pos: float
    neu: float
    neg: float


@dataclass(frozen=True, slots=True)
class Readability:
    """Counts and readability formulas for a stretch of text.

    A formula is None where it is undefined for the text (too few words or sentences);
    the counts are always present, so section and document values are recomputed from
    summed counts, never averaged.
    """

    n_words: int
    n_sentences: int
    n_syllables: int
    n_polysyllables: int
    n_long_words: int
    n_difficult_words: int
    words_per_sentence: float | None
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None
    dale_chall: float | None


# --- analysis records -----------------------------------------------------------------


Role = Literal["agent", "target"]


@dataclass(frozen=True, slots=True)
class ActorRole:
    """The role and the charged words that gave it."""

    role: Role
    evidence: TextSpan


DOMINANT_FRAMES = 2


@dataclass(frozen=True, slots=True)
class FrameCue:
    """One piece of evidence for a frame: a cue word or a loaded term of a tied category."""

    start: int
    end: int
    text: str
    frame: str
    weight: float
    source: str  # "cue" or "loaded_term"


@dataclass(frozen=True, slots=True)
class FrameScore:
    """A frame's rate (cue weight per 100 words) over some stretch, with its cues."""

    frame: str
    rate: float
    weight: float
    cues: tuple[FrameCue, ...]


def dominant(scores: Sequence[FrameScore], count: int = DOMINANT_FRAMES) -> tuple[str, ...]:
    """The strongest frames (by cue weight, ties in codebook order)."""
    return tuple(score.frame for score in scores[:count])


def profile(scores: Sequence[FrameScore]) -> dict[str, float]:
    """Each frame's share of all frame-cue weight (shares sum to 1 when there are cues)."""
    total = sum(score.weight for score in scores)
    if total <= 0:
        return {}
    return {score.frame: round(score.weight / total, 4) for score in scores}


@dataclass(frozen=True, slots=True)
class TechniqueHit:
    """One use of a persuasion technique: where, which rule found it, how sure the rule is."""

    start: int
    end: int
    text: str
    technique: str
    rule: str
    confidence: float


PortrayalRole = Literal["protagonist", "antagonist", "innocent"]
CastingVoice = Literal["author", "quote"]


@dataclass(frozen=True, slots=True)
class Casting:
    """How the author (or a quoted speaker) casts one actor mention.

    ``scores`` are (role, probability) for the three roles, summing to 1 when a role is
    cast and all 0.0 when no cue touched the mention (``portrayal`` None).
    """

    portrayal: PortrayalRole | None
    scores: tuple[tuple[str, float], ...]
    evidence: tuple[int, int] | None
    cue: str | None
    archetype: str | None
    voice: CastingVoice = "author"
    speaker: str | None = None
    evidence_text: str | None = None  # ``Report.text[evidence]``
    inherited: bool = False  # no cue of its own: the casting of the actor's other mentions
    prior: bool = False  # no cue of its own and none inherited: the portrayal prior's low-confidence guess

    @property
    def confidence(self) -> float:
        """The probability of the cast role (0.0 when none is cast)."""
        return dict(self.scores).get(self.portrayal, 0.0) if self.portrayal else 0.0


@dataclass(frozen=True, slots=True)
class MentionReport:
    """An actor mention, the sentiment toward it (author voice unless ``speaker`` is set),
    and whether it is the agent or the target of the charged words of its clause."""

    mention: ActorMention
    sentiment: TargetSentiment
    role: ActorRole | None = None
    casting: Casting | None = None  # the portrayal stage's answer (None when it did not run)

    @property
    def start(self) -> int:
        """Where the mention starts in ``Report.text``."""
        return self.mention.start

    @property
    def end(self) -> int:
        """Where the mention ends in ``Report.text``."""
        return self.mention.end


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
    portrayal: PortrayalRole | None = None  # the most frequent author-voice casting
    portrayal_counts: dict[str, int] | None = None
    stance: float | None = None  # the author's sympathy (+) or hostility (-), shrunk toward 0 when thin


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
    markers: tuple[TermHit, ...] = ()  # hedges, boosters, attribution verbs: stance, not loaded language

    @property
    def index(self) -> int:
        """The paragraph's index in the document."""
        return self.paragraph.index

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return self.paragraph.text


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
    markers: tuple[TermCount, ...] = ()

    @property
    def index(self) -> int:
        """The section's index (0 is the lead before the first heading)."""
        return self.section.index

    @property
    def heading(self) -> TextSpan | None:
        """The section's heading span (``section.section.heading`` before 0.2)."""
        return self.section.heading


@dataclass(frozen=True, slots=True)
class FrontReport:
    """The title or standfirst: analysed for terms, actors, frames and techniques, outside any section."""

    part: Literal["title", "standfirst"]
    span: TextSpan
    loaded_terms: tuple[TermHit, ...]
    actors: tuple[MentionReport, ...]
    frames: tuple[FrameScore, ...] = ()
    techniques: tuple[TechniqueHit, ...] = ()
    markers: tuple[TermHit, ...] = ()


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
    markers: tuple[TermCount, ...] = ()
    models: dict[str, str] | None = None  # shipped model name -> sha256 of its weights

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
        return report_to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """A readable Markdown summary of the report."""
        from framing.render.markdown import to_markdown

        return to_markdown(self.to_dict())

    def to_html(self, path: str | Path | None = None) -> str:
        """A self-contained HTML report; also written to ``path`` when given."""
        from framing.render.html import to_html

        page = to_html(self.to_dict())
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def to_dataframe(self, level: Literal["document", "section", "paragraph", "actor", "span"] = "paragraph") -> pandas.DataFrame:
        """A pandas DataFrame at the given level (needs the ``pandas`` extra)."""
        from framing.render.dataframe import to_dataframe

        return to_dataframe(self.to_dict(), level=level)

    def _repr_html_(self) -> str:
        from framing.render.html import to_html

        return to_html(self.to_dict(), fragment=True)


def text_sha256(text: str) -> str:
    """The sha256 of the analysed text, to tie a report to its input."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- serialisation (the to_dict contract) ------------------------------------------------


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready dicts and lists; keys are only ever added, never renamed."""
    document = report.document
    return {
        "text": document.text,
        "source": document.source,
        "format": document.format,
        "language": document.language,
        "title": _text(document.title),
        "byline": _text(document.byline),
        "date": _text(document.date),
        "date_iso": document.date_iso,
        "standfirst": _text(document.standfirst),
        "tags": list(document.tags),
        "text_sha256": text_sha256(document.text),
        "version": report.version,
        "lexicons": dict(report.lexicons),
        "models": dict(report.models or {}),
        "front": [
            {"part": f.part, **_span(f.span), "loaded_terms": [_hit(h) for h in f.loaded_terms],
             "actors": [_mention(m) for m in f.actors], "frames": [_frame(x, cues=True) for x in f.frames],
             "techniques": [_technique(t) for t in f.techniques], "markers": [_marker(h) for h in f.markers]}
            for f in report.front
        ],
        "noise": [_noise(n) for n in document.noise],
        "sections": [_section(s) for s in report.sections],
        "actors": [_actor(a, with_kind=True) for a in report.actors],
        "loaded_terms": [_count(c) for c in report.loaded_terms],
        "markers": [_count(c) for c in report.markers],
        "readability": _readability(report.readability),
        "loadedness": report.loadedness,
        "frames": [{**_frame(x), "share": share} for x, share in zip(report.frames, _shares(report.frames))],
        "frame_profile": profile(report.frames),
        "techniques": [_technique_count(t) for t in report.techniques],
    }


def _shares(scores: Sequence[FrameScore]) -> list[float]:
    shares = profile(scores)
    return [shares.get(score.frame, 0.0) for score in scores]


def _frame(score: FrameScore, *, cues: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"frame": score.frame, "rate": score.rate, "weight": score.weight}
    if cues:
        data["cues"] = [{"text": c.text, "start": c.start, "end": c.end, "source": c.source, "weight": c.weight}
                        for c in score.cues]
    return data


def _technique(hit: TechniqueHit) -> dict[str, Any]:
    return {"technique": hit.technique, "rule": hit.rule, "confidence": hit.confidence, "text": hit.text,
            "start": hit.start, "end": hit.end}


def _technique_count(count: TechniqueCount) -> dict[str, Any]:
    return {"technique": count.technique, "count": count.count}


def _text(span: TextSpan | None) -> str | None:
    return span.text if span is not None else None


def _span(span: TextSpan) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _noise(noise: Noise) -> dict[str, Any]:
    return {"text": noise.text, "start": noise.start, "end": noise.end, "kind": noise.kind}


def _section(section: SectionReport) -> dict[str, Any]:
    heading = section.section.heading
    return {
        "index": section.section.index,
        "heading": heading.text if heading else None,
        "heading_start": heading.start if heading else None,
        "heading_end": heading.end if heading else None,
        "start": section.section.start,
        "end": section.section.end,
        "heading_terms": [_hit(h) for h in section.heading_terms],
        "heading_actors": [_mention(m) for m in section.heading_actors],
        "paragraphs": [_paragraph(p) for p in section.paragraphs],
        "actors": [_actor(a) for a in section.actors],
        "loaded_terms": [_count(c) for c in section.loaded_terms],
        "markers": [_count(c) for c in section.markers],
        "readability": _readability(section.readability),
        "loadedness": section.loadedness,
        "heading_frames": [_frame(x, cues=True) for x in section.heading_frames],
        "heading_techniques": [_technique(t) for t in section.heading_techniques],
        "frames": [_frame(x) for x in section.frames],
        "dominant_frames": list(dominant(section.frames)),
        "techniques": [_technique_count(t) for t in section.techniques],
    }


def _paragraph(report: ParagraphReport) -> dict[str, Any]:
    paragraph = report.paragraph
    return {
        "index": paragraph.index,
        "start": paragraph.start,
        "end": paragraph.end,
        "text": paragraph.text,
        "kind": paragraph.kind,
        "loaded_terms": [_hit(h) for h in report.loaded_terms],
        "markers": [_marker(h) for h in report.markers],
        "actors": [_mention(m) for m in report.actors],
        "quotes": [_quote(q) for q in report.quotes],
        "polarity": asdict(report.polarity),
        "readability": _readability(report.readability),
        "loadedness": report.loadedness,
        "frames": [_frame(x, cues=True) for x in report.frames],
        "techniques": [_technique(t) for t in report.techniques],
    }


def _hit(hit: TermHit) -> dict[str, Any]:
    return {
        "text": hit.text, "start": hit.start, "end": hit.end, "term": hit.term, "category": hit.category,
        "weight": hit.weight, "valence": hit.valence, "lexicon": hit.lexicon, "negated": hit.negated,
        "in_quote": hit.in_quote, "speaker": hit.speaker, "question": hit.question, "source": hit.source,
        "confidence": hit.confidence,
    }


def _marker(hit: TermHit) -> dict[str, Any]:
    return {"text": hit.text, "start": hit.start, "end": hit.end, "term": hit.term, "category": hit.category,
            "negated": hit.negated, "in_quote": hit.in_quote, "speaker": hit.speaker}


def _mention(report: MentionReport) -> dict[str, Any]:
    mention, sentiment, casting = report.mention, report.sentiment, report.casting
    return {
        "actor": mention.actor, "kind": mention.kind, "text": mention.text, "start": mention.start,
        "end": mention.end, "metonym": mention.is_metonym, "source": mention.source, "confidence": mention.confidence,
        "sentiment": sentiment.score, "label": sentiment.label,
        "speaker": sentiment.speaker, "method": sentiment.method, "features": list(sentiment.features),
        "probabilities": dict(zip(("negative", "neutral", "positive"), sentiment.probabilities))
        if sentiment.probabilities else None,
        "evidence": _span(sentiment.evidence) if sentiment.evidence else None,
        "role": report.role.role if report.role else None,
        "portrayal": casting.portrayal if casting else None,
        "portrayal_scores": dict(casting.scores) if casting and casting.portrayal else None,
        "portrayal_evidence": {"start": casting.evidence[0], "end": casting.evidence[1],
                               "text": casting.evidence_text}
        if casting and casting.evidence else None,
        "portrayal_cue": casting.cue if casting else None,
        "archetype": casting.archetype if casting else None,
        "portrayal_voice": casting.voice if casting and casting.portrayal else None,
        "portrayal_inherited": casting.inherited if casting and casting.portrayal else None,
        "portrayal_prior": casting.prior if casting and casting.portrayal else None,
        "role_evidence": _span(report.role.evidence) if report.role else None,
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text, "start": quote.start, "end": quote.end, "kind": quote.kind,
        "speaker": _span(quote.speaker) if quote.speaker else None, "speaker_actor": quote.speaker_actor,
    }


def _actor(summary: ActorSummary, *, with_kind: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {"actor": summary.actor}
    if with_kind:
        data["kind"] = summary.kind
    data.update({
        "mentions": summary.mentions, "author_mentions": summary.author_mentions, "sentiment": summary.sentiment,
        "label": summary.label, "quoted_sentiment": summary.quoted_sentiment, "portrayal": summary.portrayal,
        "portrayal_counts": dict(summary.portrayal_counts or {}), "stance": summary.stance,
    })
    return data


def _count(count: TermCount) -> dict[str, Any]:
    return {"term": count.term, "category": count.category, "count": count.count, "author_count": count.author_count}


def _readability(readability: Readability) -> dict[str, Any]:
    return asdict(readability)
