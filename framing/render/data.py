"""Serialise a Report into the plain-data contract of DESIGN.md (what every renderer consumes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from ..frames import FrameScore, dominant, profile
from ..model import Noise, Quote, Readability, TermHit, TextSpan

if TYPE_CHECKING:
    from ..aggregate import (
        ActorSummary,
        MentionReport,
        ParagraphReport,
        Report,
        SectionReport,
        TechniqueCount,
        TermCount,
    )
    from ..techniques import TechniqueHit


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready dicts and lists; keys are only ever added, never renamed."""
    from ..aggregate import text_sha256

    document = report.document
    return {
        "text": document.text,
        "source": document.source,
        "format": document.format,
        "title": _text(document.title),
        "byline": _text(document.byline),
        "date": _text(document.date),
        "date_iso": document.date_iso,
        "standfirst": _text(document.standfirst),
        "tags": list(document.tags),
        "text_sha256": text_sha256(document.text),
        "version": report.version,
        "lexicons": dict(report.lexicons),
        "front": [
            {"part": f.part, **_span(f.span), "loaded_terms": [_hit(h) for h in f.loaded_terms],
             "actors": [_mention(m) for m in f.actors], "frames": [_frame(x, cues=True) for x in f.frames],
             "techniques": [_technique(t) for t in f.techniques]}
            for f in report.front
        ],
        "noise": [_noise(n) for n in document.noise],
        "sections": [_section(s) for s in report.sections],
        "actors": [_actor(a, with_kind=True) for a in report.actors],
        "loaded_terms": [_count(c) for c in report.loaded_terms],
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
        "in_quote": hit.in_quote, "speaker": hit.speaker, "question": hit.question,
    }


def _mention(report: MentionReport) -> dict[str, Any]:
    mention, sentiment = report.mention, report.sentiment
    return {
        "actor": mention.actor, "kind": mention.kind, "text": mention.text, "start": mention.start,
        "end": mention.end, "metonym": mention.is_metonym, "sentiment": sentiment.score, "label": sentiment.label,
        "speaker": sentiment.speaker, "method": sentiment.method, "features": list(sentiment.features),
        "probabilities": dict(zip(("negative", "neutral", "positive"), sentiment.probabilities))
        if sentiment.probabilities else None,
        "evidence": _span(sentiment.evidence) if sentiment.evidence else None,
        "role": report.role.role if report.role else None,
        "role_evidence": _span(report.role.evidence) if report.role else None,
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text, "start": quote.start, "end": quote.end, "kind": quote.kind,
        "speaker": _span(quote.speaker) if quote.speaker else None,
    }


def _actor(summary: ActorSummary, *, with_kind: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {"actor": summary.actor}
    if with_kind:
        data["kind"] = summary.kind
    data.update({
        "mentions": summary.mentions, "author_mentions": summary.author_mentions, "sentiment": summary.sentiment,
        "label": summary.label, "quoted_sentiment": summary.quoted_sentiment,
    })
    return data


def _count(count: TermCount) -> dict[str, Any]:
    return {"term": count.term, "category": count.category, "count": count.count, "author_count": count.author_count}


def _readability(readability: Readability) -> dict[str, Any]:
    return asdict(readability)
