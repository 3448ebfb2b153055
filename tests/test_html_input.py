"""HTML input: a saved web page gives the Document its text would."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import framing

from .conftest import SEEDS


def as_web_page(document: framing.Document) -> str:
    """Write a parsed sample back out as a typical news page, with furniture around it."""
    parts = ["<!doctype html><html><head><title>Site | x</title>",
             f'<meta name="author" content="{html.escape(document.byline.text.removeprefix("By ")) if document.byline else ""}">',
             f'<meta property="article:published_time" content="{document.date_iso}">',
             "<script>window.track = '<p>not article text</p>';</script><style>p { color: red }</style></head><body>",
             '<nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav>',
             '<div class="share-bar">Share on Facebook</div><article>']
    if document.title:
        parts.append(f"<h1>{html.escape(document.title.text)}</h1>")
    for section in document.sections:
        if section.heading:
            parts.append(f"<h2>{html.escape(section.heading.text)}</h2>")
        bullets: list[str] = []
        for paragraph in section.paragraphs:
            if paragraph.kind == "bullet":
                bullets.append(f"<li>{html.escape(paragraph.text)}</li>")
                continue
            if bullets:
                parts.append("<ul>" + "".join(bullets) + "</ul>")
                bullets = []
            parts.append(f"<p>{html.escape(' '.join(paragraph.text.split()))}</p><!-- ad slot -->")
        if bullets:
            parts.append("<ul>" + "".join(bullets) + "</ul>")
    parts.append('<figure><img src="x.jpg"><figcaption>A picture of the port. Photo: Jane Doe/Reuters</figcaption></figure>')
    parts.append('</article><aside class="related">Related stories</aside><footer>© 2025 Example</footer></body></html>')
    return "".join(parts)


@pytest.mark.parametrize("name", ["summit_wire.txt", "summit_opinion.txt"])
def test_web_page_gives_the_same_document(tmp_path: Path, name: str) -> None:
    text_document = framing.report(SEEDS / name).document
    page = tmp_path / "page.html"
    page.write_text(as_web_page(text_document), encoding="utf-8")
    html_report = framing.report(page)
    document = html_report.document
    assert document.format == "html"
    assert document.title is not None and text_document.title is not None
    assert document.title.text == text_document.title.text
    assert [s.heading.text for s in document.sections if s.heading] == [
        s.heading.text for s in text_document.sections if s.heading]
    assert [(p.kind, " ".join(p.text.split())) for p in document.paragraphs] == [
        (p.kind, " ".join(p.text.split())) for p in text_document.paragraphs]
    assert document.date_iso == text_document.date_iso
    body = "\n".join(p.text for p in document.paragraphs)
    assert "not article text" not in document.text  # scripts never reach the text
    assert "Share on Facebook" not in body and "Related stories" not in body and "Home" not in body
    kept = " ".join(n.text for n in document.noise)  # page furniture is kept as noise, never analysed
    assert "Related stories" in kept
    assert {n.kind for n in document.noise} >= {"caption", "credit"}
    data = html_report.to_dict()
    for span in (h for s in data["sections"] for p in s["paragraphs"] for h in p["loaded_terms"]):
        assert data["text"][span["start"]:span["end"]] == span["text"]


def test_html_metadata_and_json_ld(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port talks fail",'
        ' "author": {"name": "Ana Ruiz"}, "datePublished": "2025-03-01T08:00:00Z", "keywords": ["ports", "trade"]}'
        "</script></head><body><main><p>The talks failed on Monday after a long night in the capital.</p>"
        "<p>Both sides blamed each other for the collapse of the deal.</p></main></body></html>",
        encoding="utf-8",
    )
    document = framing.report(page).document
    assert document.title is not None and document.title.text == "Port talks fail"
    assert document.byline is not None and "Ana Ruiz" in document.byline.text
    assert document.date_iso == "2025-03-01"
    assert document.tags == ("ports", "trade")
    assert len(document.paragraphs) == 2


def test_analyze_sniffs_html() -> None:
    report = framing.analyze("<!DOCTYPE html><html><body><article><h1>T</h1><p>Moscow agreed to the plan.</p>"
                             "</article></body></html>")
    assert report.document.format == "html" and report.paragraphs[0].paragraph.text == "Moscow agreed to the plan."


def test_a_pages_kicker_headline_and_standfirst_make_its_front(tmp_path: Path) -> None:
    """Byline and date first, then the section label, the <h1> and the standfirst: a title and a
    standfirst, not a one-word body paragraph and a section headed by the title."""
    import framing

    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>FIFA under fire | The Courier</title></head><body><article><header>'
        '<p class="kicker">Football</p><h1>FIFA under fire over worker deaths</h1>'
        '<p class="standfirst">At least 21 migrant workers have died on World Cup sites, according to a new report</p>'
        '<p class="byline">By Khalid Mansour</p><time datetime="2025-11-18T09:30:00Z">Tue 18 Nov 2025</time></header>'
        "<p>Human rights groups have accused FIFA of ignoring the deaths of migrant workers, after a report found "
        "that 21 labourers had died on the sites.</p>"
        "<p>The report was published on Monday by a London-based group, which wants an inquiry into the deaths.</p>"
        "</article></body></html>", encoding="utf-8")
    report = framing.report(page)
    front = report.to_dict()
    assert front["title"] == "FIFA under fire over worker deaths"
    assert front["standfirst"].startswith("At least 21 migrant workers")
    assert [s.heading for s in report.sections] == [None]
    assert report.paragraphs[0].text.startswith("Human rights groups")
