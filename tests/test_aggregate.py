"""The report: issue acceptance on the seed, aggregation rules, the to_dict contract, determinism."""

from __future__ import annotations

import json
import socket

import pytest

import framing
from framing.aggregate import count_terms, loadedness, summarise_actors
from framing.model import ActorMention, MentionReport, TargetSentiment
from framing.stages.rule_sentiment import label_for

from .conftest import all_spans


def section_by_heading(report: framing.Report, heading: str):
    return next(s for s in report.sections if s.section.heading and s.section.heading.text == heading)


@pytest.mark.parametrize(("text", "category"), [
    ("protection racket", "crime_metaphor"),
    ("Banderite regime", "pejorative_label"),
    ("Deep State", "conspiracy"),
])
def test_seed_loaded_terms_in_transactional_section(seed_report: framing.Report, text: str, category: str) -> None:
    section = section_by_heading(seed_report, "Trump's Pattern of Transactional Diplomacy")
    hits = [h for p in section.paragraphs for h in p.loaded_terms if h.text == text]
    assert [h.category for h in hits] == [category]


def test_seed_last_heading_is_matched(seed_report: framing.Report) -> None:
    last = seed_report.sections[-1]
    assert [(h.text, h.category) for h in last.heading_terms] == [("Protection Racket", "crime_metaphor")]


@pytest.mark.parametrize("actor", [
    "Donald Trump", "Vladimir Putin", "Sergei Lavrov", "Steve Witkoff", "Dmitri Trenin", "Volodymyr Zelensky",
    "Viktor Orbán",
])
def test_seed_people_are_actors(seed_report: framing.Report, actor: str) -> None:
    assert actor in {a.actor for a in seed_report.actors}


@pytest.mark.parametrize(("surface", "actor"), [
    ("Washington", "U.S. government"), ("Moscow", "Russian government"), ("Kremlin", "Russian government"),
    ("Kyiv", "Ukrainian government"),
])
def test_seed_metonyms_resolve_to_governments(seed_report: framing.Report, surface: str, actor: str) -> None:
    mentions = [m.mention for p in seed_report.paragraphs for m in p.actors if surface in m.mention.text]
    assert mentions and {m.actor for m in mentions} == {actor}
    assert all(m.kind == "government" for m in mentions)


def test_seed_last_section_is_the_most_loaded(seed_report: framing.Report) -> None:
    loaded = [s.loadedness for s in seed_report.sections]
    assert loaded.index(max(loaded)) == len(loaded) - 1


def test_seed_every_paragraph_has_readability(seed_report: framing.Report) -> None:
    for paragraph in seed_report.paragraphs:
        assert paragraph.readability.n_words > 0 and paragraph.readability.words_per_sentence is not None
    assert seed_report.readability.flesch_reading_ease is not None


def test_loaded_sample_is_three_times_the_neutral_one(sample_reports: dict[str, framing.Report]) -> None:
    loaded = sample_reports["summit_opinion.txt"].loadedness
    counter = sample_reports["summit_counter_opinion.txt"].loadedness
    neutral = sample_reports["summit_wire.txt"].loadedness
    assert loaded >= 3 * neutral and counter >= 3 * neutral
    assert loaded > 1.0


def test_every_span_slices_back(seed_report: framing.Report, sample_reports: dict[str, framing.Report]) -> None:
    for report in (seed_report, *sample_reports.values()):
        data = report.to_dict()
        spans = list(all_spans(data))
        assert len(spans) > 50
        for span in spans:
            assert data["text"][span["start"]:span["end"]] == span["text"]


def test_spans_lie_inside_their_paragraph(seed_report: framing.Report) -> None:
    for paragraph in seed_report.paragraphs:
        p = paragraph.paragraph
        for item in (*paragraph.loaded_terms, *(m.mention for m in paragraph.actors), *paragraph.quotes):
            assert p.start <= item.start and item.end <= p.end


def test_aggregates_recompute_from_spans(seed_report: framing.Report) -> None:
    for section in seed_report.sections:
        terms = [*section.heading_terms, *(t for p in section.paragraphs for t in p.loaded_terms)]
        assert section.loaded_terms == count_terms(terms)
        mentions = [*section.heading_actors, *(m for p in section.paragraphs for m in p.actors)]
        assert section.actors == summarise_actors(mentions)
        assert section.readability.n_words == sum(p.readability.n_words for p in section.paragraphs)
    body_words = seed_report.readability.n_words
    assert body_words == sum(s.readability.n_words for s in seed_report.sections)


def test_loadedness_counts_only_author_voice_non_negated() -> None:
    from framing.model import TermHit

    hits = [
        TermHit(0, 1, "a", "a", "x", 2.0, -1.0, "l"),
        TermHit(2, 3, "b", "b", "x", 2.0, -1.0, "l", negated=True),
        TermHit(4, 5, "c", "c", "x", 2.0, -1.0, "l", in_quote=True, speaker="S"),
    ]
    assert loadedness(hits, 100) == 2.0
    assert loadedness(hits, 0) == 0.0


def test_contract_keys(seed_report: framing.Report) -> None:
    data = seed_report.to_dict()
    assert {"text", "source", "title", "byline", "date", "date_iso", "standfirst", "tags", "text_sha256", "version",
            "lexicons", "noise", "sections", "actors", "loaded_terms", "readability"} <= data.keys()
    section = data["sections"][1]
    assert {"index", "heading", "start", "end", "heading_terms", "paragraphs", "actors", "loaded_terms",
            "readability", "loadedness"} <= section.keys()
    paragraph = section["paragraphs"][0]
    assert {"index", "start", "end", "text", "kind", "loaded_terms", "actors", "polarity", "readability",
            "loadedness"} <= paragraph.keys()
    hit = next(h for s in data["sections"] for p in s["paragraphs"] for h in p["loaded_terms"])
    assert {"text", "start", "end", "term", "category", "weight", "lexicon", "negated", "in_quote", "speaker",
            "question"} <= hit.keys()
    mention = next(m for s in data["sections"] for p in s["paragraphs"] for m in p["actors"])
    assert {"actor", "kind", "text", "start", "end", "sentiment", "label", "speaker", "evidence"} <= mention.keys()
    assert -1.0 <= mention["sentiment"] <= 1.0 and mention["label"] in ("negative", "neutral", "positive")
    assert {"actor", "kind", "mentions", "sentiment", "label"} <= data["actors"][0].keys()
    assert set(data["lexicons"]) >= {"loaded_language", "actors"}


def test_report_is_deterministic(shared_seed) -> None:
    first = framing.report(shared_seed).to_json()
    second = framing.report(shared_seed).to_json()
    assert first == second
    json.loads(first)


def test_network_is_blocked_while_reporting(shared_seed) -> None:
    with pytest.raises(Exception, match="network"):
        socket.socket()
    assert framing.report(shared_seed).paragraphs  # and the full report still runs


def _report(actor: str, score: float) -> MentionReport:
    mention = ActorMention(0, len(actor), actor, actor, "person")
    return MentionReport(mention, TargetSentiment(score, label_for(score), None, None))


@pytest.mark.parametrize(("scores", "expected"), [
    ([-0.3, -0.2], "negative"),   # the label follows the mean shown beside it
    ([-0.06, 0.02], "neutral"),   # inside the neutral band
    ([0.5], "positive"),
])
def test_actor_label_agrees_with_its_sentiment(scores: list[float], expected: str) -> None:
    (summary,) = summarise_actors([_report("Rosa Quintal", score) for score in scores])
    assert summary.label == expected and summary.label == label_for(summary.sentiment or 0.0)
