"""Pipeline: run the stages in order over one Document and assemble the Report.

Data flows one way: ingest gives the Document; sentences, quotes, loaded terms, actors,
roles and sentiment are found once over the whole text (they share one TextContext);
frames and techniques per analysed span; ``aggregate`` then sums and averages paragraph ->
section -> document.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from framing._version import __version__
from framing.aggregate import count_techniques, count_terms, loadedness, summarise_actors, voted_kind, word_count
from framing.context import TextContext
from framing.ingest.document import parse_document
from framing.ingest.source import read_source
from framing.model import (
    ActorKind,
    ActorMention,
    Document,
    DocumentFormat,
    FrameCue,
    FrontReport,
    MentionReport,
    Paragraph,
    ParagraphReport,
    Quote,
    Report,
    Section,
    SectionReport,
    Sentence,
    TechniqueHit,
    TermHit,
    TextSpan,
)
from framing.stages.actors import body_short_forms, find_actors, labelled_crowds, resolve_speaker
from framing.stages.frames import find_frame_cues, frame_lexicons, score_frames
from framing.stages.gazetteer import Gazetteer, load_gazetteer
from framing.stages.lexicon import (
    MARKER_CATEGORIES,
    SCARE_QUOTE_CATEGORY,
    CompiledLexicons,
    annotate_hits,
    compile_lexicons,
)
from framing.stages.lexicon_files import CategoryInfo, Lexicon, resolve_lexicons
from framing.stages.loaded_model import model_sha256
from framing.stages.loaded_terms import find_document_terms
from framing.stages.portrayal import inherit_castings, weigh_mentions
from framing.stages.portrayal_prior import PriorModel, cast_by_prior, load_prior_model, prior_inputs
from framing.stages.portrayal_prior import model_sha256 as prior_model_sha256
from framing.stages.quotes import distances_author, find_quotes, is_label
from framing.stages.readability import combine, measure_readability
from framing.stages.references import find_references
from framing.stages.reframing import find_reframings
from framing.stages.roles import find_role
from framing.stages.sentences import split_sentences
from framing.stages.sentiment import score_target
from framing.stages.target_model import model_sha256 as target_model_sha256
from framing.stages.techniques import find_repetition, find_techniques
from framing.text.matching import FoldedSpan
from framing.text.resources import data_sha256
from framing.text.spans import SpanIndex

QUOTED_LABEL_CATEGORY = "quoted_label"
# The weight of a scare quote or a quoted label (which carries no lexicon entry's weight).
QUOTATION_HIT_WEIGHT = 1.0
# Punctuation inside the closing mark (American style: held "talks.") is not part of the
# term: the hit then covers the opening mark and the words only.
TRAILING_PUNCTUATION = ".,;:!?…"
# Marks stripped from a quotation's words to make its term ('„a provocation“' -> "a provocation").
QUOTATION_MARKS = "\"'“”‘’«»„‚「」"


def report_path(path: str | os.PathLike[str], *, lexicons: Sequence[str | os.PathLike[str] | Lexicon] = (),
                default_lexicons: bool = True, model_terms: bool = True,
                actors: Sequence[str | os.PathLike[str]] = ()) -> Report:
    """Read the article file at ``path`` and build its report (``framing.report``)."""
    source = read_source(path)
    return analyze_text(source.text, source.format, source=source.name, lexicons=lexicons,
                        default_lexicons=default_lexicons, model_terms=model_terms, actors=actors)


def analyze_text(text: str, text_format: DocumentFormat, *, source: str | None = None,
                 lexicons: Sequence[str | os.PathLike[str] | Lexicon] = (), default_lexicons: bool = True,
                 model_terms: bool = True, actors: Sequence[str | os.PathLike[str]] = ()) -> Report:
    """Parse decoded text and build its report (``framing.analyze``)."""
    if isinstance(lexicons, (str, os.PathLike)):
        lexicons = [lexicons]
    compiled = compile_lexicons(resolve_lexicons(lexicons, default=default_lexicons))
    document = parse_document(text, format=text_format, source=source)
    if isinstance(actors, (str, os.PathLike)):
        actors = [actors]
    gazetteer = load_gazetteer(tuple(os.fspath(path) for path in actors))
    return build_report(document, compiled, gazetteer, model_terms=model_terms)


def build_report(document: Document, compiled: CompiledLexicons, gazetteer: Gazetteer, *,
                 model_terms: bool = True, prior_model: PriorModel | None = None, use_prior: bool = True,
                 prior_scope: Literal["uncast", "all"] = "uncast") -> Report:
    """Run every analysis stage over a Document and aggregate paragraph -> section -> document.

    ``prior_model`` replaces the shipped portrayal prior (``tools/train_portrayal_prior.py``
    passes its own); ``use_prior=False`` leaves mentions no cue casts uncast;
    ``prior_scope="all"`` hands every mention to the prior (for training: it then decides all).
    """
    text = document.text
    parts: tuple[tuple[Literal["title", "standfirst"], TextSpan | None], ...] = (
        ("title", document.title), ("standfirst", document.standfirst))
    front_parts = [(name, span) for name, span in parts if span is not None and span.end > span.start]
    spans: list[tuple[int, int]] = [(span.start, span.end) for _, span in front_parts]
    for section in document.sections:
        if section.heading is not None:
            spans.append((section.heading.start, section.heading.end))
        spans.extend((p.start, p.end) for p in section.paragraphs)
    spans = sorted(set(spans))  # a standfirst can also be the first paragraph: analyse it once
    sentences = {key: split_sentences(text, *key) for key in spans}
    all_sentences = tuple(s for key in spans for s in sentences[key])
    bullets = [(p.start, p.end) for p in document.paragraphs if p.kind == "bullet"]
    quotes = find_quotes(text, all_sentences, list_items=bullets)
    headings = [(span.start, span.end) for name, span in front_parts if name == "title"]
    headings += [(s.heading.start, s.heading.end) for s in document.sections if s.heading is not None]
    folded = {key: FoldedSpan(text, *key) for key in spans}  # every span is searched by three automata
    mentions = find_actors(text, spans, gazetteer, speakers=[q.speaker for q in quotes if q.speaker is not None],
                           headings=headings, folded=folded)
    section_spans = [([(s.heading.start, s.heading.end)] if s.heading is not None else [])
                     + [(p.start, p.end) for p in s.paragraphs] for s in document.sections]
    mentions = _one_kind_per_actor(
        tuple(sorted((*mentions, *find_references(text, section_spans, mentions, nominal=True,
                                                  government_of=gazetteer.government_of)), key=lambda m: m.start)))
    sentence_starts = [s.start for s in all_sentences]
    mention_starts = [m.start for m in mentions]
    quoted = SpanIndex([q for q in quotes if q.kind == "direct"])
    short_forms = body_short_forms(mentions)
    possessives = frozenset(m.start for m in mentions if text.startswith(("'s", "’s"), m.end))
    speakers = {q.start: resolve_speaker(q.speaker, mentions, sentence_starts, mention_starts, quoted, short_forms,
                                         possessives) for q in quotes if q.speaker is not None}
    quotes = tuple(replace(q, speaker_actor=speakers[q.start]) if q.speaker is not None else q for q in quotes)
    hits = _find_hits(text, spans, all_sentences, quotes, speakers, compiled, model_terms=model_terms, folded=folded)
    crowds = labelled_crowds(text, hits, mentions)  # "privacy purists": people the author names only by a label
    if crowds:
        mentions = tuple(sorted((*mentions, *crowds), key=lambda m: m.start))
    context = TextContext(text, all_sentences, quotes, hits, speakers)
    for m in mentions:
        context.roles[(m.start, m.end)] = find_role(context, m.start, m.end)
    portrayed = tuple(
        MentionReport(m, score_target(context, m.start, m.end, voice="author"), context.roles[(m.start, m.end)])
        for m in mentions
    )
    prior = (prior_model or load_prior_model()) if use_prior else None
    portrayed = _cast(context, all_sentences, quotes, speakers, hits, portrayed, prior, every=prior_scope == "all")
    hits_in, mentions_in, quotes_in = SpanIndex(hits), SpanIndex(portrayed), SpanIndex(quotes)
    analysed = {
        key: _analyse_span(text, key, sentences[key], hits_in, mentions_in, quotes_in, compiled.categories, folded[key])
        for key in spans
    }
    _add_repetition(document, analysed)

    front = tuple(
        FrontReport(name, span, *_front_fields(analysed[(span.start, span.end)], word_count(span.text)))
        for name, span in front_parts
    )
    section_reports = [_section_report(text, section, analysed, context) for section in document.sections]
    all_terms = [h for f in front for h in f.loaded_terms] + [
        h for s in section_reports for h in (*s.heading_terms, *(t for p in s.paragraphs for t in p.loaded_terms))
    ]
    all_markers = [h for f in front for h in f.markers] + [
        h for part in (analysed[(s.section.heading.start, s.section.heading.end)] for s in section_reports
                       if s.section.heading) for h in part.markers] + [
        h for s in section_reports for p in s.paragraphs for h in p.markers]
    all_mentions = [m for f in front for m in f.actors] + [
        m for s in section_reports for m in (*s.heading_actors, *(a for p in s.paragraphs for a in p.actors))
    ]
    readability = combine(s.readability for s in section_reports)
    heading_words = sum(word_count(s.section.heading.text) for s in section_reports if s.section.heading)
    words = readability.n_words + heading_words + sum(word_count(f.span.text) for f in front)
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
        markers=count_terms(all_markers),
        models=shipped_models(model_terms=model_terms),
    )


@dataclass(slots=True)
class _SpanAnalysis:
    """What the stages found in one analysed span (paragraph, heading, title or standfirst).

    ``loaded`` (lexicon, model and scare-quote hits) and ``markers`` (hedges, boosters,
    attribution verbs) split ``hits``; they are made once here, as every report level reads them.
    """

    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    hits: tuple[TermHit, ...]
    mentions: tuple[MentionReport, ...]
    cues: tuple[FrameCue, ...]
    techniques: tuple[TechniqueHit, ...]
    loaded: tuple[TermHit, ...] = ()
    markers: tuple[TermHit, ...] = ()

    def __post_init__(self) -> None:
        markers = tuple(h for h in self.hits if h.category in MARKER_CATEGORIES)
        # no markers (most spans): the hits are the loaded terms, so no second tuple is kept
        self.loaded = tuple(h for h in self.hits if h.category not in MARKER_CATEGORIES) if markers else self.hits
        self.markers = markers


_NOTHING = _SpanAnalysis((), (), (), (), (), ())  # a section without a heading: nothing to analyse


def _analyse_span(text: str, key: tuple[int, int], sentences: tuple[Sentence, ...], hits_in: SpanIndex[TermHit],
                  mentions_in: SpanIndex[MentionReport], quotes_in: SpanIndex[Quote], categories: dict[str, CategoryInfo],
                  folded: FoldedSpan) -> _SpanAnalysis:
    start, end = key
    hits = tuple(hits_in.within(start, end))
    mentions = tuple(mentions_in.within(start, end))
    quotes = tuple(quotes_in.within(start, end))
    cues = find_frame_cues(text, [key], hits, categories, folded={key: folded})
    techniques = find_techniques(text, sentences, hits, [m.mention for m in mentions], quotes, categories)
    return _SpanAnalysis(sentences, quotes, hits, mentions, cues, techniques)


def _add_repetition(document: Document, analysed: dict[tuple[int, int], _SpanAnalysis]) -> None:
    """Mark loaded terms the author repeats across sections (a technique of the whole text)."""
    per_section = []
    for section in document.sections:
        keys = ([(section.heading.start, section.heading.end)] if section.heading else []) + [
            (p.start, p.end) for p in section.paragraphs]
        per_section.append([h for key in keys for h in analysed[key].loaded])
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
    return part.loaded, part.mentions, score_frames(part.cues, n_words), part.techniques, part.markers


def _one_kind_per_actor(mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """Give every mention of a named person or organisation the kind its actor's mentions vote for.

    States and governments keep the per-mention metonymy rule ("Moscow agreed" is the
    government, "Russia" the state), so they are left as they are.
    """
    kinds: dict[str, list[ActorKind]] = defaultdict(list)
    for mention in mentions:
        kinds[mention.actor].append(mention.kind)
    voted = {actor: voted_kind(found) for actor, found in kinds.items()
             if len(set(found)) > 1 and not {"state", "government"} & set(found)}
    if not voted:
        return mentions
    return tuple(replace(m, kind=voted[m.actor]) if m.actor in voted else m for m in mentions)


def _cast(context: TextContext, sentences: Sequence[Sentence], quotes: Sequence[Quote], speakers: Mapping[int, str],
          hits: Sequence[TermHit], mentions: Sequence[MentionReport],
          prior: PriorModel | None, *, every: bool = False) -> tuple[MentionReport, ...]:
    """Run the portrayal stage and attach each mention's casting (with its evidence text).

    An author-voice mention no lexicon cue casts takes its actor's role elsewhere
    (``inherit_castings``); any left then gets the portrayal prior's low-confidence guess
    (``cast_by_prior``), which reads among other things whether the mention is the agent or
    the target of harsh words. ``every``: the prior decides every mention (training only).
    """
    text = context.text
    castings, cues = weigh_mentions(
        text, [(s.start, s.end) for s in sentences], [(m.mention.start, m.mention.end) for m in mentions],
        quotes=[(q.start, q.end, speakers.get(q.start) or (q.speaker.text if q.speaker else None))
                for q in quotes if q.kind != "scare"],
        loaded=[(h.start, h.end, h.valence) for h in hits if h.category not in MARKER_CATEGORIES and not h.negated],
        people=[m.mention.actor if m.mention.kind == "person" else None for m in mentions],
    )
    inherited = list(inherit_castings([m.mention.actor for m in mentions], castings))
    if prior is not None:
        found = prior_inputs(context, mentions, inherited, cues, every=every)
        items, actors, spans, voices = [], [], [], []
        for index, item in found:
            report = mentions[index]
            role = report.role
            evidence = role.evidence if role is not None else report.sentiment.evidence
            items.append(item)
            actors.append(report.mention.actor)
            spans.append((evidence.start, evidence.end) if evidence else None)
            voices.append(inherited[index])
        guessed = cast_by_prior(prior, items, actors, evidence=spans, voices=voices, text=text)
        for (index, _), casting in zip(found, guessed):
            inherited[index] = casting
    return tuple(MentionReport(m.mention, m.sentiment, m.role, c) for m, c in zip(mentions, inherited))


def shipped_models(*, model_terms: bool = True) -> dict[str, str]:
    """The sha256 of every shipped model the report used, by name."""
    models = {"target_sentiment": target_model_sha256(), "recogniser": data_sha256("recogniser.json"),
              "portrayal_prior": prior_model_sha256()}
    if model_terms:
        models["loaded_terms"] = model_sha256()
    return {name: digest for name, digest in models.items() if digest}


def _find_hits(text: str, spans: Sequence[tuple[int, int]], sentences: Sequence[Sentence], quotes: Sequence[Quote],
               speakers: Mapping[int, str], compiled: CompiledLexicons, *, model_terms: bool,
               folded: Mapping[tuple[int, int], FoldedSpan]) -> tuple[TermHit, ...]:
    attributed = [q for q in quotes if q.kind != "scare"]
    raw = list(find_document_terms(text, compiled, spans, model_terms=model_terms, folded=folded, quotes=attributed))
    # a scare quote, a label or a new name already (partly) loaded keeps the hits it has (stance markers aside)
    loaded = SpanIndex([hit for hit in raw if hit.category not in MARKER_CATEGORIES])
    position = {id(hit): index for index, hit in enumerate(raw)}
    for quote in quotes:
        category = (SCARE_QUOTE_CATEGORY if quote.kind == "scare" else
                    QUOTED_LABEL_CATEGORY if is_label(text, quote) else None)
        if category is None:
            continue
        inner = quote.text[1:-1]
        end = quote.end - 1 - (len(inner) - len(inner.rstrip(TRAILING_PUNCTUATION)))
        if end == quote.end - 1:
            end = quote.end  # no punctuation inside: the hit keeps both marks
        if end - quote.start < 2:
            continue
        if loaded.overlaps(quote.start, quote.end):
            # the loaded words inside a scare quote take in the quotation, as one hit ('"regime"' once,
            # not twice); a label keeps its loaded words as they are
            inside = [hit for hit in loaded.within(quote.start, quote.end) if hit.end <= quote.end]
            if category == SCARE_QUOTE_CATEGORY and len(inside) == 1 and (inside[0].start, inside[0].end) != (quote.start, end):
                raw[position[id(inside[0])]] = replace(inside[0], start=quote.start, end=end, text=text[quote.start:end])
            continue
        if category == SCARE_QUOTE_CATEGORY and not distances_author(text, quote):
            continue  # most short unattributed quotations are a source's words, not the author's distance
        info = compiled.categories.get(category)
        raw.append(TermHit(
            quote.start, end, text[quote.start:end], term=" ".join(text[quote.start + 1:end].strip(QUOTATION_MARKS).lower().split()),
            category=category, weight=QUOTATION_HIT_WEIGHT, valence=info.valence if info else -1.0,
            lexicon="rules", source="rules",
        ))
    raw.extend(hit for hit in find_reframings(text, sentences) if not loaded.overlaps(hit.start, hit.end))
    raw.sort(key=lambda h: (h.start, h.end))
    return annotate_hits(text, raw, sentences, attributed, speakers)


def _paragraph_report(text: str, paragraph: Paragraph, part: _SpanAnalysis, context: TextContext) -> ParagraphReport:
    readability = measure_readability(text, part.sentences, paragraph.start, paragraph.end)
    return ParagraphReport(
        paragraph=paragraph,
        sentences=part.sentences,
        quotes=part.quotes,
        loaded_terms=part.loaded,
        markers=part.markers,
        actors=part.mentions,
        polarity=context.polarity_of(paragraph.start, paragraph.end),  # shared with sentence scopes
        readability=readability,
        loadedness=loadedness(part.loaded, readability.n_words),
        frames=score_frames(part.cues, readability.n_words),
        techniques=part.techniques,
    )


def _section_report(text: str, section: Section, analysed: dict[tuple[int, int], _SpanAnalysis],
                    context: TextContext) -> SectionReport:
    paragraphs = tuple(_paragraph_report(text, p, analysed[(p.start, p.end)], context) for p in section.paragraphs)
    heading = section.heading
    head = analysed[(heading.start, heading.end)] if heading else _NOTHING
    terms = [*head.loaded, *(t for p in paragraphs for t in p.loaded_terms)]
    markers = [*head.markers, *(t for p in paragraphs for t in p.markers)]
    mentions = [*head.mentions, *(a for p in paragraphs for a in p.actors)]
    readability = combine(p.readability for p in paragraphs)
    heading_words = word_count(heading.text) if heading else 0
    words = readability.n_words + heading_words
    cues = [*head.cues, *(c for p in section.paragraphs for c in analysed[(p.start, p.end)].cues)]
    techniques = [*head.techniques, *(t for p in paragraphs for t in p.techniques)]
    return SectionReport(
        section=section,
        heading_terms=head.loaded,
        markers=count_terms(markers),
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


