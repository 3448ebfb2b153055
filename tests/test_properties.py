"""Properties of ``framing.analyze`` over generated news-like Unicode documents (hypothesis).

Documents are assembled from realistic pieces: title-case headings, paragraphs of sentences
with gazetteer actors and shipped loaded terms, quotations with speakers, bullets, page
furniture (credits, share buttons, tags, timestamps), arbitrary Unicode, blank lines and
CRLF / CR line ends. For every document the report must keep the data contract of
DESIGN.md: offsets slice back, spans sit inside their paragraph, noise stays out of
paragraphs, and every aggregate is recomputed from the spans below it.

Profiles (``HYPOTHESIS_PROFILE`` selects one; ``ci`` is the default):

* ``ci``      60 derandomised examples per test, no deadline: the default run, ~15 s.
* ``explore`` 2,000 random examples per test: a few minutes of bug hunting.
* ``long``    100,000 random examples, every property checked on each (about an hour):
  ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py -k every_property -q``
"""

from __future__ import annotations

import html
import math
import os
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import framing

from .conftest import ROOT, all_spans

_SLOW_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, suppress_health_check=_SLOW_CHECKS,
                          print_blob=True)
settings.register_profile("explore", max_examples=2_000, deadline=None, suppress_health_check=_SLOW_CHECKS,
                          print_blob=True)
settings.register_profile("medium", max_examples=20_000, deadline=None, suppress_health_check=_SLOW_CHECKS,
                          print_blob=True)
settings.register_profile("long", max_examples=100_000, deadline=None, suppress_health_check=_SLOW_CHECKS,
                          print_blob=True)
# Applied per test (not with load_profile) so other modules' hypothesis settings are untouched.
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# --- pieces ------------------------------------------------------------------------------


def _shipped_terms(limit: int = 200) -> list[str]:
    """Every n-th term of the shipped loaded-language lexicon (first column), about ``limit``."""
    terms = []
    for line in (ROOT / "lexicons" / "loaded_language.tsv").read_text(encoding="utf-8").splitlines():
        term = line.split("\t", 1)[0].strip()
        if term and not term.startswith("#") and term != "term":
            terms.append(term)
    step = max(1, len(terms) // limit)
    return terms[::step][:limit]


LOADED_TERMS = _shipped_terms()
ACTORS = [
    "Trump", "Donald Trump", "the U.S. president", "Putin", "Vladimir Putin", "Moscow", "the Kremlin", "Washington",
    "Zelensky", "the U.S.", "Kyiv", "Russia", "Ukraine", "NATO", "the European Union", "Beijing", "the White House",
]
WORDS = ["the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "but", "or", "not", "no", "never", "officials", "said", "talks", "deal", "plan", "week", "government", "minister", "leaders", "war", "peace", "border", "city", "people", "report", "new", "old", "strong", "weak", "agreed", "rejected", "claimed", "warned", "described", "called", "voters", "market", "prices", "energy", "security", "economy", "crisis", "policy", "vote", "election", "after", "before", "during", "because", "while", "although", "however", "today", "yesterday", "year", "percent", "million", "support", "attack", "defence", "troops", "sanctions", "trade", "tariffs", "summit", "meeting", "envoy", "press", "statement", "it", "they", "he", "she", "we"]
TITLE_WORDS = ["Collapse", "Deal", "What", "Comes", "Next", "Key", "Takeaways", "Road", "Ahead", "Voices", "From", "Kyiv", "Talks", "Why", "Matters", "Inside", "Summit"]
QUOTE_PAIRS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("“", '"')]
SPEECH_VERBS = ["said", "told reporters", "claimed", "warned", "added", "insisted"]
BULLETS = ["• ", "- ", "* ", "1. ", "2) ", "– "]
NOISE_LINES = [
    "Photo: Jane Doe/Reuters", "Share this article", "Tags: a, b", "October 27, 2025, 12:21 PM", "Image: AP Photo",
    "3 min read", "Advertisement", "(Jane Doe/AFP)", "Tags: Ukraine, Russia, Diplomacy", "Follow us on X",
]
END_MARKS = [".", ".", ".", "!", "?", "…", "?!"]

# Every newline convention a file may carry: LF, CRLF, lone CR, NEL, LS, PS, form feed.
LINE_ENDS = ("\n", "\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\x0c")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
words = st.sampled_from(WORDS)
actors = st.sampled_from(ACTORS)
loaded = st.sampled_from(LOADED_TERMS)
unicode_text = st.text(max_size=24)


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """A run of words with actors, loaded terms and the odd burst of arbitrary Unicode."""
    pieces = draw(st.lists(st.one_of(words, words, words, actors, loaded, unicode_text), min_size=1, max_size=14))
    return " ".join(piece for piece in pieces if piece)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    body = draw(phrases()).strip() or draw(words)
    return body[:1].upper() + body[1:] + draw(st.sampled_from(END_MARKS))


@st.composite
def quotations(draw: st.DrawFn) -> str:
    opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
    inner, speaker, verb = draw(phrases()), draw(actors), draw(st.sampled_from(SPEECH_VERBS))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{opening}{inner},{closing} {speaker} {verb}."
    if shape == 1:
        return f"{speaker} {verb}: {opening}{inner}.{closing}"
    if shape == 2:
        return f"{speaker} {verb} that {inner}."
    return f"The {opening}{draw(loaded)}{closing} of {speaker} {draw(words)} {draw(words)}."


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.one_of(sentences(), sentences(), quotations()), min_size=1, max_size=4)))


@st.composite
def headings(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(TITLE_WORDS + ACTORS[:3]), min_size=1, max_size=5)))


@st.composite
def bullet_lists(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(BULLETS))
    items = draw(st.lists(sentences(), min_size=1, max_size=4))
    return "\n".join(f"{marker}{item}" for item in items)


@st.composite
def markdown_blocks(draw: st.DrawFn) -> str:
    """Markdown furniture: ATX and setext headings, block quotes, fences, rules, emphasis, links."""
    shape = draw(st.integers(0, 6))
    if shape == 0:
        return "#" * draw(st.integers(1, 6)) + " " + draw(headings())
    if shape == 1:
        return draw(headings()) + "\n" + draw(st.sampled_from(["===", "---", "=========="]))
    if shape == 2:
        return "\n".join("> " + line for line in draw(st.lists(sentences(), min_size=1, max_size=3)))
    if shape == 3:
        return "```\n" + draw(phrases()) + "\n```"
    if shape == 4:
        return draw(st.sampled_from(["---", "***", "* * *", "___"]))
    if shape == 5:
        return f"**{draw(sentences())}** _{draw(phrases())}_ [{draw(words)}](https://example.org/{draw(words)}) \\*"
    return f"![{draw(words)}](/img/{draw(words)}.jpg)\n\n{draw(sentences())}"


blocks = st.one_of(
    paragraphs(), paragraphs(), paragraphs(), headings(), bullet_lists(), st.sampled_from(NOISE_LINES),
    unicode_text, st.sampled_from(["", " ", "\t", "\u00a0", "\u2009"]), markdown_blocks(),
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A small web page: headings, paragraphs, lists, a figure caption, scripts and styles."""
    parts = ["<!DOCTYPE html><html><head><title>" + html.escape(draw(headings())) + "</title>",
             "<script>var x = 1;</script><style>p{}</style></head><body><article>"]
    for _ in range(draw(st.integers(0, 8))):
        shape = draw(st.integers(0, 4))
        if shape == 0:
            level = draw(st.integers(1, 4))
            parts.append(f"<h{level}>{html.escape(draw(headings()))}</h{level}>")
        elif shape == 1:
            items = draw(st.lists(sentences(), min_size=1, max_size=3))
            parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>")
        elif shape == 2:
            parts.append(f"<figure><figcaption>{html.escape(draw(st.sampled_from(NOISE_LINES)))}</figcaption></figure>")
        elif shape == 3:
            parts.append(f"<blockquote>{html.escape(draw(quotations()))}</blockquote>")
        else:
            parts.append(f"<p>{html.escape(draw(paragraphs()))}<br>{html.escape(draw(unicode_text))}</p>")
    return "\n".join(parts) + "</article></body></html>"


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A news-like document: blocks joined by blank or single newlines, in one line-end style.

    One in ten is a small web page instead (analysed as HTML: offsets index the extracted text).
    """
    if draw(st.integers(0, 9)) == 0:
        return draw(html_pages())
    parts = draw(st.lists(blocks, min_size=0, max_size=12))
    text = ""
    for part in parts:
        text += part + draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n", "\n \n"]))
    if draw(st.booleans()):  # one line-end style for the whole text, as most files have
        return text.replace("\n", draw(st.sampled_from(LINE_ENDS)))
    pieces = text.split("\n")  # hostile: every convention mixed, zero-width marks beside structure lines
    ends = draw(st.lists(st.sampled_from(LINE_ENDS), min_size=len(pieces) - 1, max_size=len(pieces) - 1))
    marks = draw(st.lists(st.sampled_from(("", "", "", *ZERO_WIDTH)), min_size=len(pieces), max_size=len(pieces)))
    return "".join(mark + piece + end for mark, piece, end in zip(marks, pieces, [*ends, ""]))


# --- helpers -----------------------------------------------------------------------------


def _analyze(text: str) -> dict[str, Any]:
    return framing.analyze(text).to_dict()


def _paragraph_list(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for section in data["sections"] for p in section["paragraphs"]]


def _author_weight(hits: list[dict[str, Any]]) -> float:
    return sum(hit["weight"] for hit in hits if not hit["in_quote"] and not hit["negated"])


# --- properties --------------------------------------------------------------------------


def check_analyze_offsets_slice_back(text: str, data: dict[str, Any]) -> None:
    bad = [(s["start"], s["end"], s["text"]) for s in all_spans(data) if data["text"][s["start"]:s["end"]] != s["text"]]
    assert bad == []
    for section in data["sections"]:
        if section["heading"] is not None:
            assert data["text"][section["heading_start"]:section["heading_end"]] == section["heading"]


def check_analyze_spans_lie_inside_their_paragraph(text: str, data: dict[str, Any]) -> None:
    for section in data["sections"]:
        for paragraph in section["paragraphs"]:
            low, high = paragraph["start"], paragraph["end"]
            assert section["start"] <= low and high <= section["end"], "paragraph outside its section"
            for kind in ("loaded_terms", "actors", "quotes"):
                for span in paragraph[kind]:
                    assert low <= span["start"] < high and span["end"] <= high, (kind, span, (low, high))


def check_analyze_paragraphs_are_nonempty_ordered_and_disjoint(text: str, data: dict[str, Any]) -> None:
    previous_end = 0
    for paragraph in _paragraph_list(data):
        assert paragraph["text"].strip(), f"empty paragraph {paragraph['start']}..{paragraph['end']}"
        assert paragraph["start"] >= previous_end, "paragraphs overlap or are out of order"
        previous_end = paragraph["end"]


def check_analyze_noise_never_overlaps_paragraphs(text: str, data: dict[str, Any]) -> None:
    for noise in data["noise"]:
        for paragraph in _paragraph_list(data):
            assert not (noise["start"] < paragraph["end"] and paragraph["start"] < noise["end"]), (noise, paragraph)


def check_analyze_section_and_document_counts_recompute_from_spans(text: str, data: dict[str, Any]) -> None:
    document_terms: Counter[tuple[str, str]] = Counter()
    document_mentions: Counter[str] = Counter()
    for front in data["front"]:
        document_terms.update((h["term"], h["category"]) for h in front["loaded_terms"])
        document_mentions.update(m["actor"] for m in front["actors"])
    for section in data["sections"]:
        hits = section["heading_terms"] + [h for p in section["paragraphs"] for h in p["loaded_terms"]]
        mentions = section["heading_actors"] + [m for p in section["paragraphs"] for m in p["actors"]]
        terms = Counter((h["term"], h["category"]) for h in hits)
        assert {(t["term"], t["category"]): t["count"] for t in section["loaded_terms"]} == dict(terms)
        author = Counter((h["term"], h["category"]) for h in hits if not h["in_quote"] and not h["negated"])
        assert {(t["term"], t["category"]): t["author_count"] for t in section["loaded_terms"]} == {
            key: author[key] for key in terms}
        assert {a["actor"]: a["mentions"] for a in section["actors"]} == dict(Counter(m["actor"] for m in mentions))
        document_terms.update(terms)
        document_mentions.update(m["actor"] for m in mentions)
    assert {(t["term"], t["category"]): t["count"] for t in data["loaded_terms"]} == dict(document_terms)
    assert {a["actor"]: a["mentions"] for a in data["actors"]} == dict(document_mentions)


def check_analyze_readability_words_sum_over_sections(text: str, data: dict[str, Any]) -> None:
    assert data["readability"]["n_words"] == sum(s["readability"]["n_words"] for s in data["sections"])
    for section in data["sections"]:
        assert section["readability"]["n_words"] == sum(p["readability"]["n_words"] for p in section["paragraphs"])


def check_analyze_loadedness_recomputes_from_spans(text: str, data: dict[str, Any]) -> None:
    for paragraph in _paragraph_list(data):
        n_words = paragraph["readability"]["n_words"]
        expected = 100.0 * _author_weight(paragraph["loaded_terms"]) / n_words if n_words else 0.0
        assert math.isclose(paragraph["loadedness"], expected, abs_tol=1e-3), (paragraph["loadedness"], expected)


def check_analyze_is_deterministic(text: str, data: dict[str, Any]) -> None:
    assert framing.analyze(text).to_dict() == data


# --- the tests: one per property (the default run), and all of them on each example (the long run) ---

CHECKS = [check for name, check in sorted(globals().items()) if name.startswith("check_analyze_")]


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__.removeprefix("check_analyze_"))
@PROFILE
@given(text=documents())
@example(text="The.\n\n\u2000\n\n")  # found by hypothesis: a line of U+2000 became an empty paragraph
@example(text="The.\n\n0\n\nPhoto: Jane Doe/Reuters\n\na\n\n")  # a re-joined paragraph swallowed a credit
@example(text="Moscow said on Tuesday that the talks with Kyiv would\n\nPhoto: Jane Doe/Reuters\n\ncontinue next week.\n")
# reported crashes (TextSpan: bad offsets 81..80): lone CRs next to a tag line and a bullet
@example(text="Photo: x*&amp;\u200dARTICLE TAGS:ARTICLE TAGS:\r- said<b>*<b>\r\nWas")
@example(text="Title\r\rARTICLE TAGS:\r- a\r\x85b\u2028- c\u2029d\x0ce\u200b\r- f")
def test_analyze_property(check: Callable[[str, dict[str, Any]], None], text: str) -> None:
    check(text, _analyze(text))


@PROFILE
@given(documents())
def test_analyze_keeps_every_property(text: str) -> None:
    """Every property on one analysis per example: what the ``long`` profile runs (``-k every_property``)."""
    data = _analyze(text)
    for check in CHECKS:
        check(text, data)
