"""Web pages through trafilatura: body vs noise on the hand-written page suite, metadata, fallback."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pytest

from framing.evaluate.pages import evaluate_pages, main
from framing.ingest.html import ExtractedHtml
from framing.ingest.web import extract_page, guess_language

PAGES = Path(__file__).resolve().parent / "data" / "pages"


@cache
def page(name: str) -> ExtractedHtml:
    return extract_page((PAGES / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def suite() -> dict[str, Any]:
    return evaluate_pages(PAGES)


def body_of(extracted: ExtractedHtml) -> str:
    pieces, position = [], 0
    for start, end, _ in sorted(extracted.noise):
        pieces.append(extracted.text[position:start])
        position = end
    pieces.append(extracted.text[position:])
    return " ".join(" ".join(pieces).split())


def kind_of(extracted: ExtractedHtml, needle: str) -> str | None:
    """The kind of the noise span holding ``needle``, or None when no span holds it."""
    for start, end, kind in extracted.noise:
        if needle in " ".join(extracted.text[start:end].split()):
            return kind
    return None


def check_spans(extracted: ExtractedHtml) -> None:
    spans = sorted(extracted.noise)
    body_end = spans[0][0] if spans else len(extracted.text)
    previous_end = 0
    for start, end, kind in spans:
        assert previous_end <= start < end <= len(extracted.text), (start, end)
        assert start >= body_end, "noise is appended after the body"
        assert extracted.text[start:end].strip() == extracted.text[start:end]
        assert isinstance(kind, str) and kind
        previous_end = end


def test_suite_is_big_enough() -> None:
    expectations = json.loads((PAGES / "expectations.json").read_text(encoding="utf-8"))
    assert len(expectations) >= 14
    assert all((PAGES / name).is_file() for name in expectations)
    assert all(entry["must_appear"] and entry["must_not_appear"] for entry in expectations.values())


def test_suite_scores() -> None:
    systems = suite()["systems"]
    ours, alone = systems["framing"], systems["trafilatura"]
    assert ours["crashes"] == 0
    assert ours["must_appear"] >= 0.97, ours["missed"]
    assert ours["must_not_appear"] >= 0.90, ours["leaked"]
    assert ours["must_not_appear"] >= alone["must_not_appear"]
    assert ours["must_appear"] >= alone["must_appear"]


def test_pages_main_prints_the_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "pages.json"
    assert main([str(PAGES), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "trafilatura" in printed and "framing" in printed and "old" in printed
    assert set(json.loads(out.read_text(encoding="utf-8"))["systems"]) == {"trafilatura", "old", "framing"}
    assert main([str(tmp_path)]) == 1


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_spans_are_well_formed(name: str) -> None:
    extracted = page(name)
    check_spans(extracted)
    assert extracted.meta["extractor"] == "trafilatura"


def test_metadata_title_author_date() -> None:
    news = page("news_article.html")
    assert news.meta["title"] == "Harbour strike halts grain exports for third day"
    assert news.meta["byline"] == "Marta Kowalczyk"
    assert news.meta["date_iso"] == "2025-02-11"
    assert news.meta["sitename"] == "The Northern Ledger"
    assert news.text.startswith("# Harbour strike halts grain exports for third day\n\n"  # the standfirst, then the byline
                                "Dock workers say talks with port operators have stalled over night-shift pay.\n\n"
                                "By Marta Kowalczyk")
    ld = page("json_ld.html")
    assert ld.meta["title"] == "Battery plant to create 900 jobs in former mining town"
    assert ld.meta["byline"] == "Nadia Haddad, Chris Lomax"
    assert ld.meta["date_iso"] == "2025-07-14"
    assert ld.tags == ("batteries", "jobs", "industry")
    assert page("tag_list.html").tags == ("libraries", "petitions", "council")


@pytest.mark.parametrize(("name", "standfirst"), [
    ("news_article.html", "Dock workers say talks with port operators have stalled over night-shift pay."),  # kept
    ("paywall.html", "Small carriers once linked dozens of provincial towns. Most are now gone, and few people "
                     "noticed."),  # trafilatura left it out: put back under the headline
    ("headings.html", "New rules take effect in January. Here is what changes for consumers and small businesses."),
    ("live_blog.html", "Polls closed at 10pm. Counting is under way in all 42 districts, and the first results are "
                       "expected shortly after midnight."),
])
def test_a_marked_standfirst_is_the_reports_standfirst(name: str, standfirst: str) -> None:
    import framing

    report = framing.report(PAGES / name)
    assert report.to_dict()["standfirst"] == standfirst
    assert report.text.count(standfirst) == 1


def test_teaser_summaries_after_the_story_are_no_standfirst(tmp_path: Path) -> None:
    import framing

    story = " ".join(["The port of Valmora reopened on Monday after a storm closed it for three days."] * 2)
    path = tmp_path / "teaser.html"
    path.write_text(
        "<html><body><article><h1>Port reopens after storm</h1><p class='byline'>By Ana Lima</p>"
        f"<p>{story}</p><p>Officials said damage to the northern quay was lighter than feared.</p></article>"
        "<section class='more-stories'><div class='card'><h3>Ferry fares rise</h3>"
        "<p class='summary'>Operators blame fuel costs for the third rise this year.</p></div></section>"
        "</body></html>", encoding="utf-8")
    assert framing.report(path).to_dict()["standfirst"] is None


def test_headline_from_the_page_not_the_title_tag() -> None:
    story = page("story_body.html")  # <title> carries the site's name, the h1 does not
    assert story.text.startswith("# Flood defences to be raised along the lower valley\n")


def test_structure_becomes_markdown() -> None:
    explainer = page("headings.html").text
    assert "\n\n## Who is covered by the rules?\n\n" in explainer
    assert "\n\n## Are charities exempt?\n\n" in explainer  # an h3
    assert "\n\n- Requests must be free of charge for the first copy of the data.\n\n" in explainer
    assert "\n\n> This is a night for cautious optimism, not celebration.\n\n" in page("live_blog.html").text
    assert "Oxbridge Vale | 1,420 | +12.1%" in page("table.html").text
    bakery = page("div_paragraphs.html").text  # <br><br> splits a paragraph
    assert "on Wednesdays.\n\nAt the time" in bakery


@pytest.mark.parametrize(("name", "needle", "kind"), [
    ("blog_comments.html", "Try this in a village with one bus every two hours", "comments"),
    ("opinion_column.html", "very expensive paperweights by June", "comments"),
    ("wordpress.html", "the tomatoes from that garden are the best in town", "comments"),
    ("german.html", "Das hätte man schon vor zehn Jahren machen sollen", "comments"),
    ("cookie_wall.html", "We and our 143 partners use cookies", "cookie"),
    ("spanish.html", "Utilizamos cookies propias y de terceros", "cookie"),
    ("inline_clutter.html", "uses cookies to give you the best experience", "cookie"),
    ("news_article.html", "Central bank holds rates steady as inflation eases", "related"),
    ("news_article.html", "Weather forecast for your region", "navigation"),
    ("news_article.html", "Idle cranes at the eastern terminal on Monday morning", "caption"),
    ("related_newsletter.html", "Our free newsletter explains one climate story", "ui"),
    ("paywall.html", "Subscribe to continue reading", "ui"),
    ("tag_list.html", "Tags: Libraries, Petitions, Student life", "tags"),
    ("inline_clutter.html", "Read more: Ambulance response times worst in five years", "related"),
])
def test_dropped_text_is_kept_as_noise(name: str, needle: str, kind: str) -> None:
    extracted = page(name)
    assert kind_of(extracted, needle) == kind
    assert needle not in body_of(extracted)


def test_fallback_for_a_fragment_trafilatura_rejects() -> None:
    extracted = extract_page("<p>Short text.</p>")
    assert extracted.meta["extractor"] == "fallback"
    assert extracted.text == "Short text."
    bare = extract_page("<p>Short text.</p>", fallback=False)
    assert bare.meta["extractor"] == "none" and bare.text == ""


HOSTILE = {
    "nul": "<html><body><article><p>" + "A NUL \x00 byte inside a long enough paragraph of text. " * 5 + "</p></article>",
    "lone_cr": "<html>\r<body>\r<p>Lone CR\rline breaks in a paragraph that is long enough to keep.</p>\r</body></html>",
    "surrogates": "<html><body><p>Bad \ud800 lone \udfff surrogates in a paragraph long enough to keep.</p></body></html>",
    "deep_divs": "<div>" * 5000 + "<p>Deep text with several words in it.</p>" + "</div>" * 5000,
    "deep_lists": "<article>" + "<ul><li>" * 2000 + "Nested item text. " * 20 + "</li></ul>" * 2000 + "</article>",
    "empty": "",
    "only_script": "<script>document.write('<p>x</p>')</script>",
    "binary": "\x89PNG\r\n\x1a\n" + "".join(chr(i) for i in range(1, 256)) * 4,
    "xml_declaration": "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared page text here.</p></body></html>",
    "unclosed": "<html><body><article><p>Unclosed <b><i>tags <table><tr><td>cell <div class='nav'>x",
    "many_menus": "<body>" + "<ul class='menu'><li><a>x</a></li></ul>" * 3000 + "<p>" + "Real words. " * 40 + "</p>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_does_not_raise(name: str) -> None:
    extracted = extract_page(HOSTILE[name])
    check_spans(extracted)
    assert "\x00" not in extracted.text and "\r" not in extracted.text
    assert extracted.meta["language"]


ENGLISH = ("The minister said on Tuesday that the plan would be published in the spring, and that it was not "
           "yet clear who would pay for the new hospitals.")
SPANISH = ("El ministro dijo el martes que el plan se publicará en primavera y que todavía no está claro quién "
           "pagará los nuevos hospitales de la región.")
GERMAN = ("Der Minister sagte am Dienstag, dass der Plan im Frühjahr veröffentlicht wird und dass noch nicht "
          "klar ist, wer die neuen Krankenhäuser bezahlen soll.")


def test_guess_language() -> None:
    assert guess_language(ENGLISH) == "en"
    assert guess_language(SPANISH) == "es"
    assert guess_language(GERMAN) == "de"
    assert guess_language("Министр сказал во вторник, что план будет опубликован весной.") == "ru"
    assert guess_language("") == "unknown"
    assert guess_language("12 34 56") == "unknown"
    assert guess_language("Ok.") == "unknown"


@pytest.mark.parametrize(("name", "language"), [
    ("news_article.html", "en"), ("spanish.html", "es"), ("german.html", "de")])
def test_page_language(name: str, language: str) -> None:
    assert page(name).meta["language"] == language


def test_import_framing_does_not_load_trafilatura() -> None:
    code = "import sys, framing, framing.ingest.web; print('trafilatura' in sys.modules, 'lxml' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_inert_elements_are_paired_by_name_and_never_read_inside_scripts() -> None:
    page = ("<html><head><script>var t = \"<noscript>\";</script></head><body><article><h1>Kane plan fails</h1>"
            "<p>The council rejected the plan on Tuesday after a long debate about the river crossing.</p>"
            "<template-card>Keep this custom element text</template-card>"
            "<p>Residents said the vote came too late for the families already evicted from the estate.</p>"
            "<template><p>TEMPLATEMARK</p></template><noscript>NOSCRIPTMARK</noscript></article></body></html>")
    text = extract_page(page).text
    assert "rejected the plan" in text and "too late for the families" in text
    assert "TEMPLATEMARK" not in text and "NOSCRIPTMARK" not in text
