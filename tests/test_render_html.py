"""HTML renderer: escaping of untrusted data, offsets of every highlight, offline page, layers, browser check."""

from __future__ import annotations

import copy
import html
import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import framing
from framing.render.html import SCRIPT, to_html
from framing.render.html_parts import Mark, highlight

from .conftest import ROOT

ATTACK = '<script>alert(1)</script> "><img src=x onerror=alert(1)> </style> </script> javascript:alert(1)'
HOSTILE_CATEGORY = '<script>alert(1)</script>"><img src=x onerror=alert(1)></style></script>javascript:'
HOSTILE_TEXT = "\n\n".join([
    f"Title with a regime snollygoster {ATTACK}\nWed 15 Oct 2025",
    f'The snollygoster regime in Moscow {ATTACK} was a charade. Officials spoke of "obstructing {ATTACK} progress".',
    f"Heading {ATTACK} regime",
    (f'"The regime is a snollygoster {ATTACK}," said Kirill {ATTACK} Vasnetsov, the Kremlin spokesman. '
    f'Ukraine said that the regime "was a charade {ATTACK}". '
    f"See [the source](https://example.com/{ATTACK}) or javascript:alert(1)."),
    f"Tags: {ATTACK}, politics\n",
])
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# The only elements the renderer writes (SVG names are lower-cased by the parser).
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "nav", "label", "input", "span", "main",
    "article", "h1", "h2", "h3", "p", "section", "ul", "li", "blockquote", "aside", "table", "thead", "tbody", "tr",
    "th", "td", "small", "b", "i", "br", "svg", "text", "line", "rect", "circle", "g", "strong", "script",
}
LAYERS = ["terms", "actors", "scare", "attribution", "noise"]


class _Page(HTMLParser):
    """Collect tags, attributes and the text of every element with data-start/data-end; check nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.open_spans: list[dict[str, Any]] = []
        self.spans: list[dict[str, Any]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self.stack.append((tag, attributes))
        if "data-start" in attributes:
            span = {"start": int(attributes["data-start"] or -1), "end": int(attributes["data-end"] or -1),
                    "class": attributes.get("class") or "", "text": [], "depth": len(self.stack)}
            self.open_spans.append(span)
            self.spans.append(span)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        if self.open_spans and self.open_spans[-1]["depth"] == len(self.stack):
            self.open_spans.pop()
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.script_text.append(data)
        for span in self.open_spans:
            span["text"].append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert not parser.stack or [t for t, _ in parser.stack] == ["html"], "unclosed elements"
    return parser


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("lexicon")
    lexicon = folder / "hostile.tsv"
    lexicon.write_text(f"term\tcategory\tweight\nsnollygoster\t{HOSTILE_CATEGORY}\t1.0\n", encoding="utf-8")
    data = framing.analyze(HOSTILE_TEXT, format="text", lexicons=[lexicon]).to_dict()
    # the attacks reach the renderer through text, headings and user categories
    assert ATTACK in data["text"]
    assert any(s["heading"] and ATTACK in s["heading"] for s in data["sections"])
    assert any(t["category"] == HOSTILE_CATEGORY for t in data["loaded_terms"])
    return data


def _poisoned(data: dict[str, Any]) -> dict[str, Any]:
    """The data with every name-like string (speakers, actors, kinds, labels, tags...) replaced by the attack."""
    poisoned = copy.deepcopy(data)
    names = {"actor", "kind", "label", "category", "term", "lexicon", "speaker", "source", "version", "format",
             "byline", "date", "method", "part_name"}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in names and isinstance(value, str):
                    node[key] = ATTACK
                elif key in ("speaker", "evidence") and isinstance(value, dict):
                    value["text"] = ATTACK
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(poisoned)
    poisoned["tags"] = [ATTACK]
    poisoned["lexicons"] = {ATTACK: ATTACK}
    poisoned["text_sha256"] = ATTACK
    poisoned["frames"] = [{"frame": ATTACK, "score": 0.5}]
    poisoned["techniques"] = {ATTACK: 3}
    return poisoned


def _assert_safe(page: str) -> None:
    lowered = page.lower()
    assert "<script>alert" not in lowered and "<img" not in lowered
    assert lowered.count("<script") == 1 and lowered.count("</script") == 1
    assert lowered.count("</style") == 1
    parsed = parse(page)
    assert "".join(parsed.script_text) == SCRIPT
    for tag, attributes in parsed.tags:
        assert tag in ALLOWED_TAGS, tag
        for name in attributes:
            assert not name.startswith("on"), (tag, name)
            assert name not in ("href", "src", "action", "formaction", "xlink:href"), (tag, name)
    assert not re.search(r"""\b(?:href|src|action)\s*=\s*["']?\s*javascript:""", lowered)


@pytest.mark.parametrize("fragment", [False, True])
def test_to_html_escapes_hostile_text_headings_and_categories(hostile_data: dict[str, Any], fragment: bool) -> None:
    page = to_html(hostile_data, fragment=fragment)
    _assert_safe(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, not dropped
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("fragment", [False, True])
def test_to_html_escapes_every_name_in_the_data(seed_report: framing.Report, fragment: bool) -> None:
    page = to_html(_poisoned(seed_report.to_dict()), fragment=fragment)
    _assert_safe(page)
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") > 10


def test_to_html_never_interpolates_offsets_that_are_not_numbers(seed_report: framing.Report) -> None:
    data = copy.deepcopy(seed_report.to_dict())
    data["noise"][0]["start"] = '0" onmouseover="alert(1)'
    with pytest.raises((TypeError, ValueError)):
        to_html(data)


def test_to_html_accepts_data_without_optional_keys(seed_report: framing.Report) -> None:
    data = copy.deepcopy(seed_report.to_dict())
    for key in ("front", "noise", "tags", "lexicons", "source", "byline", "date"):
        data.pop(key)
    for section in data["sections"]:
        section.pop("heading_actors")
        for paragraph in section["paragraphs"]:
            paragraph.pop("quotes")
    page = to_html(data)
    assert html.escape(data["title"]) in page  # the title still shows, without offsets
    parse(page)


def test_to_html_offsets_slice_back_for_the_seed(seed_report: framing.Report) -> None:
    _assert_offsets(seed_report.to_dict())


def test_to_html_offsets_slice_back_for_every_sample(sample_reports: dict[str, framing.Report]) -> None:
    assert sample_reports
    for report in sample_reports.values():
        _assert_offsets(report.to_dict())


def test_to_html_offsets_slice_back_for_hostile_text(hostile_data: dict[str, Any]) -> None:
    _assert_offsets(hostile_data)


def _assert_offsets(data: dict[str, Any]) -> None:
    text = data["text"]
    spans = parse(to_html(data)).spans
    assert spans
    for span in spans:
        assert "".join(span["text"]) == text[span["start"]:span["end"]], span
    starts = {(s["start"], s["class"].split()[1]) for s in spans if s["class"].startswith("hl ")}
    hits = [h for f in data["front"] for h in f["loaded_terms"]]
    mentions = [m for f in data["front"] for m in f["actors"]]
    for section in data["sections"]:
        hits += section["heading_terms"] + [h for p in section["paragraphs"] for h in p["loaded_terms"]]
        mentions += section["heading_actors"] + [m for p in section["paragraphs"] for m in p["actors"]]
    for hit in hits:
        assert (hit["start"], "hl-scare" if hit["category"] == "scare_quote" else "hl-term") in starts, hit
    for mention in mentions:
        assert (mention["start"], "hl-actor") in starts, mention
    noise = [s for s in spans if s["class"] == "fr-noise-text"]
    assert [(s["start"], s["end"]) for s in noise] == [(n["start"], n["end"]) for n in data["noise"]]


_REMOTE = re.compile(
    r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+(?:url\()?\s*["']?)\s*(?:https?:)?//""", re.IGNORECASE)


def test_to_html_loads_nothing_from_the_network(seed_report: framing.Report, hostile_data: dict[str, Any]) -> None:
    for data in (seed_report.to_dict(), hostile_data):
        for fragment in (False, True):
            page = to_html(data, fragment=fragment)
            assert not _REMOTE.search(page)
            parsed = parse(page)
            assert all("http" not in (value or "") for _, attributes in parsed.tags for value in attributes.values()
                       if value is not None and not value.startswith(("Loaded term", "Direct", "Reported", "Speaker")))
    assert "https://example.com/" in to_html(hostile_data)  # the link is kept as text


def test_to_html_page_has_csp_that_allows_only_its_own_script(seed_report: framing.Report) -> None:
    page = seed_report.to_html()
    assert 'http-equiv="Content-Security-Policy"' in page and "default-src 'none'" in page
    assert "'unsafe-inline'" not in page.split("script-src", 1)[1].split('"', 1)[0]


def test_to_html_has_layers_legend_chart_and_noise(seed_report: framing.Report) -> None:
    data = seed_report.to_dict()
    page = to_html(data)
    parsed = parse(page)
    toggles = [a["data-layer"] for tag, a in parsed.tags if tag == "input"]
    assert toggles == LAYERS
    assert all("checked" in a for tag, a in parsed.tags if tag == "input")
    assert 'class="fr-nav' not in page and 'class="fr-bar"' in page
    assert "Legend" in page and 'class="fr-legend"' in page
    assert page.count('<svg class="fr-chart"') == 1
    assert "Loadedness" in page and "Actor sentiment" in page
    kinds = [a["data-kind"] for tag, a in parsed.tags if tag == "div" and a.get("class") == "fr-noise"]
    assert kinds == [n["kind"] for n in data["noise"]] and kinds
    for section in data["sections"]:
        assert f'data-section="{section["index"]}"' in page


def test_to_html_chart_marks_every_section(seed_report: framing.Report) -> None:
    data = seed_report.to_dict()
    parsed = parse(to_html(data))
    bars = [a for tag, a in parsed.tags if tag == "rect" and a.get("class") == "bar"]
    assert len(bars) == len(data["sections"])
    dots = [a for tag, a in parsed.tags if tag == "circle"]
    assert dots  # actor sentiment points and legend swatches


def test_to_html_fragment_is_a_scoped_div(seed_report: framing.Report) -> None:
    fragment = seed_report._repr_html_()
    assert fragment.startswith('<div class="framing-report fr-fragment">') and fragment.endswith("</div>")
    lowered = fragment.lower()
    assert not re.search(r"<(?:html|head|body)[\s>]|<!doctype", lowered)
    style = fragment.split("<style>", 1)[1].split("</style>", 1)[0]
    rules = [rule.strip() for rule in re.findall(r"([^{}]+)\{", style) if not rule.strip().startswith("@")]
    assert len(rules) > 50
    assert all(part.strip().startswith(".framing-report") for rule in rules for part in rule.split(",")), rules[:3]


def test_to_html_is_deterministic(seed_report: framing.Report) -> None:
    data = seed_report.to_dict()
    assert to_html(data) == to_html(copy.deepcopy(data))


def test_report_to_html_writes_the_page(seed_report: framing.Report, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    page = seed_report.to_html(out)
    assert out.read_text(encoding="utf-8") == page and page.startswith("<!DOCTYPE html>")


def test_to_html_renders_frames_and_techniques_when_present(seed_report: framing.Report) -> None:
    data = seed_report.to_dict()
    assert "Techniques" not in to_html(data) or "techniques" in data
    data = copy.deepcopy(data)
    data["frames"] = [{"frame": "security_defense", "rate": 0.42, "share": 0.9}, {"frame": "economic", "rate": 0.2}]
    data["techniques"] = {"loaded_language": 7, "doubt": 2}
    data["sections"][1]["frames"] = [{"frame": "political", "rate": 3.0, "weight": 9.5}]
    data["sections"][1]["paragraphs"][0]["techniques"] = ["name_calling_labeling"]
    page = to_html(data)
    for chip in ("security defense <b>0.42</b>", "loaded language <b>7</b>", "political <b>3.0</b>",
                 "name calling labeling <b>1</b>"):
        assert f'<span class="fr-chip">{chip}</span>' in page
    _assert_offsets(data)


def _chip_rows(page: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(label, [(name, number), ...]) for every row of chips on the page."""
    rows = re.findall(r'<span class="fr-ann-label" title="([^"]*)">[^<]*</span>((?:<span class="fr-chip">.*?</span>)+)', page)
    return [(title, re.findall(r'<span class="fr-chip">([^<]*) <b>([^<]*)</b></span>', chips)) for title, chips in rows]


def test_to_html_chips_have_readable_names_and_one_number_each(sample_reports: dict[str, framing.Report]) -> None:
    data = sample_reports["summit_opinion.txt"].to_dict()
    page = to_html(data)
    rows = _chip_rows(page)
    assert {title for title, _ in rows} == {"number = cues per 100 words", "number = times used"}
    chips = [chip for _, row in rows for chip in row]
    assert chips and all("_" not in name for name, _ in chips)
    for title, row in rows:  # techniques: whole counts at every level, paragraphs included
        assert title != "number = times used" or all(amount.isdigit() for _, amount in row)
    summary = page[page.index("<h3>Summary</h3>"):]
    frame_rates = dict(_chip_rows(summary[:summary.index("</section>")])[0][1])
    top = data["frames"][0]
    expected = f"{top['rate']:.2g}" if top["rate"] < 1 else f"{top['rate']:.1f}"
    assert frame_rates[top["frame"].replace("_", " ")] == expected  # the rate, not the share or weight
    assert "number = cues per 100 words</small>" in page and "times used</li>" in page  # the legends


def test_to_html_chart_labels_sections_on_both_panels(sample_reports: dict[str, framing.Report]) -> None:
    data = sample_reports["summit_opinion.txt"].to_dict()
    page = to_html(data)
    chart = page[page.index('<svg class="fr-chart"'):page.index("</svg>")]
    labels = re.findall(r'<text class="ax"[^>]*>§(\d*)</text>', chart)
    assert "" not in labels  # no stray "§" on its own
    assert labels == [str(s["index"]) for s in data["sections"]] * 2


@pytest.mark.parametrize("text", ["Moscow agreed.", "Short", "A title\n\nOne paragraph about the regime in Moscow."])
def test_to_html_handles_small_documents(text: str) -> None:
    data = framing.analyze(text, format="text").to_dict()
    _assert_offsets_if_any(data)


def _assert_offsets_if_any(data: dict[str, Any]) -> None:
    parsed = parse(to_html(data))
    for span in parsed.spans:
        assert "".join(span["text"]) == data["text"][span["start"]:span["end"]]


def _mark(start: int, end: int, layer: str) -> Mark:
    return Mark(start, end, layer, f"hl-{layer}", f"{layer} <b>")


@pytest.mark.parametrize(("marks", "pieces"), [
    ([], []),
    ([_mark(0, 5, "terms")], [(0, 5)]),
    ([_mark(0, 11, "attribution"), _mark(6, 11, "terms")], [(0, 11), (6, 11)]),          # term inside a quote
    ([_mark(0, 8, "actors"), _mark(4, 11, "terms")], [(0, 8), (4, 8), (8, 11)]),         # crossing: split
    ([_mark(4, 11, "terms"), _mark(0, 5, "actors"), _mark(0, 11, "attribution")],
     [(0, 11), (0, 5), (4, 5), (5, 11)]),
    ([_mark(6, 11, "terms"), _mark(6, 11, "actors")], [(6, 11), (6, 11)]),               # same range: nested
    ([_mark(-3, 3, "terms"), _mark(9, 40, "actors")], [(0, 3), (9, 11)]),                # clipped to the block
])
def test_highlight_nests_and_splits_marks(marks: list[Mark], pieces: list[tuple[int, int]]) -> None:
    text = "a<b> & c'd\""
    markup = highlight(text, 0, len(text), marks)
    parsed = parse(f"<div>{markup}</div>")
    assert [(s["start"], s["end"]) for s in parsed.spans] == pieces
    for span in parsed.spans:
        assert "".join(span["text"]) == text[span["start"]:span["end"]]
    assert "<b>" not in markup and "&lt;b&gt;" in markup


def test_highlight_keeps_the_whole_range_of_a_split_mark() -> None:
    markup = highlight("abcdefgh", 0, 8, [_mark(0, 4, "actors"), _mark(2, 8, "terms")])
    assert 'data-start="2" data-end="4" data-span-start="2" data-span-end="8"' in markup
    assert 'data-start="4" data-end="8" data-span-start="2" data-span-end="8"' in markup


# --- in a real browser ------------------------------------------------------------------------------


def _browser_check() -> ModuleType:
    path = ROOT / "scripts" / "check_html_in_browser.py"
    spec = importlib.util.spec_from_file_location("check_html_in_browser", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def chromium() -> tuple[ModuleType, str]:
    check = _browser_check()
    found = check.find_chromium()
    if found is None:
        pytest.skip("no Chromium found (chromium, chromium-browser, google-chrome); apt-get install chromium")
    return check, found


@pytest.mark.browser
@pytest.mark.slow
def test_html_in_browser_has_no_errors_and_highlights_the_right_words(
        chromium: tuple[ModuleType, str], seed_report: framing.Report, tmp_path: Path) -> None:
    check, binary = chromium
    page = tmp_path / "seed.html"
    seed_report.to_html(page)
    result = check.check_page(page, seed_report.to_dict(), chromium=binary, term="protection racket",
                              screenshot=tmp_path / "seed.png")
    assert result.errors == []
    assert result.problems == []
    assert result.n_spans > 50
    assert result.probe["target"]["text"].lower() == "protection racket"
    assert (tmp_path / "seed.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.browser
@pytest.mark.slow
def test_html_in_browser_runs_no_injected_script(
        chromium: tuple[ModuleType, str], hostile_data: dict[str, Any], tmp_path: Path) -> None:
    check, binary = chromium
    fragment = "<!DOCTYPE html><title>fragment</title>" + to_html(hostile_data, fragment=True)
    for name, page in (("page.html", to_html(hostile_data)), ("fragment.html", fragment)):
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        result = check.check_page(path, hostile_data, chromium=binary, term="snollygoster")
        assert result.errors == [], name   # an alert() would show up as "dialog opened"
        assert result.problems == [], name


def test_a_mention_hover_shows_the_probabilities_its_label_is_read_from() -> None:
    """The model's label is its most probable class: beside the score, the probabilities say why."""
    page = framing.report(ROOT / "seeds" / "summit_wire.txt").to_html()
    lines = re.findall(r"sentiment [+-]\d\.\d\d · (\w+) \(most probable class: neg (\d+)% neu (\d+)% pos (\d+)%\)", page)
    assert lines
    for label, *shares in lines:
        negative, neutral, positive = map(int, shares)
        assert label == ("negative", "neutral", "positive")[max(range(3), key=[negative, neutral, positive].__getitem__)]
