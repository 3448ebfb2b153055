"""Frozen records shared by all pipeline stages; offsets index ``Document.text``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DocumentFormat = Literal["text", "markdown", "html"]
NoiseKind = Literal["caption", "credit", "masthead", "timestamp", "ui", "tags", "other"]
ParagraphKind = Literal["text", "bullet", "quote"]
ActorKind = Literal["person", "government", "state", "organisation", "media", "group"]
QuoteKind = Literal["direct", "reported", "scare"]
SentimentLabel = Literal["negative", "neutral", "positive"]

NOISE_KINDS: tuple[NoiseKind, ...] = (
    "caption", "credit", "masthead", "timestamp", "ui", "tags", "other",
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
    always for scare quotes); the report resolves it to a canonical actor where it can.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: TextSpan | None

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
