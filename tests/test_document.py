"""Document stage: headings, paragraphs, bullets, noise and front matter on real-looking input."""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.ingest.document import parse_document
from framing.ingest.source import read_source

from .conftest import SEEDS

# Line numbers (1-based) of the 11 headings in the shared seed article: the expected texts
# are read from that file at test time, not copied here (it is third-party text).
SEED_HEADING_LINES = (21, 56, 64, 70, 78, 84, 88, 94, 100, 106, 114)

SAMPLE_HEADINGS = {
    "summit_opinion.txt": [
        "A charade from the first day", "The price list", "Who pays for the blackmail",
        "The Turkish hosts deserved better", "Europe cannot flinch now", "What comes next",
    ],
    "summit_wire.txt": [
        "What happened on the final day", "Positions of the delegations", "Turkish mediation",
        "Market reaction", "Reaction in Brussels and Washington", "Background",
    ],
    "summit_counter_opinion.txt": [
        "Good faith met with bad faith", "What Russia actually asked for", "The propaganda machine goes to work",
        "A threat on our southern shores", "Who really starves the hungry", "Russia will not kneel",
    ],
    "housing_report.md": [
        "What the plan does", "Why the city says it needs more homes", "Neighbors divided at packed hearing",
        "Parking, schools and sewers", "What it means for renters", "What happens next",
    ],
}


def parse_file(path: Path) -> framing.Document:
    source = read_source(path)
    return parse_document(source.text, format=source.format, source=source.name)


@pytest.fixture(scope="module")
def seed_document(shared_seed: Path) -> framing.Document:
    return parse_file(shared_seed)


def test_seed_front_matter_is_recognised(seed_document: framing.Document) -> None:
    assert seed_document.title is not None and seed_document.title.text.startswith("The Deal That Never Was:")
    assert seed_document.byline is not None and seed_document.byline.text == "Felix Abt"
    assert seed_document.date is not None and seed_document.date.text == "Fri 07 Nov 2025"
    assert seed_document.date_iso == "2025-11-07"
    assert seed_document.standfirst is not None and seed_document.standfirst.text.startswith("A ceasefire in")


def test_seed_has_exactly_its_eleven_headings_and_a_lead(seed_document: framing.Document) -> None:
    assert seed_document.sections[0].heading is None
    assert len(seed_document.sections[0].paragraphs) == 3
    lines = seed_document.text.split("\n")
    expected = [lines[number - 1].strip() for number in SEED_HEADING_LINES]
    assert all(expected) and len(set(expected)) == len(expected)
    assert [s.heading.text for s in seed_document.sections[1:] if s.heading] == expected
    assert len(seed_document.sections) == 12


@pytest.mark.parametrize(("kind", "needle"), [
    ("caption", "Basilius-Kathedrale in Moskau"),
    ("credit", "Bild: Christian M"),
    ("masthead", "Коммерсантъ"),
    ("timestamp", "October 27, 2025, 12:21 PM"),
    ("ui", "Virtual roller coaster ride"),
    ("caption", "Dmitri Trenin in Kommersant - screenshot"),
    ("tags", "ARTICLE TAGS:"),
    ("tags", "Trump, Donald Trenin"),
])
def test_seed_noise_is_kept_out_of_paragraphs(seed_document: framing.Document, kind: str, needle: str) -> None:
    matching = [n for n in seed_document.noise if needle in n.text]
    assert [n.kind for n in matching] == [kind]
    assert not any(needle in p.text for p in seed_document.paragraphs)


def test_seed_tags_follow_the_split_rule(seed_document: framing.Document) -> None:
    assert seed_document.tags[:2] == ("Donald Trump", "Dmitri Trenin")  # "Last, First" pairs turned round
    assert "Sergey Lavrov" in seed_document.tags and "Volodymyr Zelensky" in seed_document.tags
    assert all("," not in tag for tag in seed_document.tags)


def test_seed_paragraph_split_by_a_blank_line_is_joined(seed_document: framing.Document) -> None:
    joined = [p for p in seed_document.paragraphs if "diplomatic exchanges" in p.text]
    assert len(joined) == 1
    assert "since midyear" in joined[0].text and "\n\n" in joined[0].text


def test_seed_bullets_are_one_paragraph_each(seed_document: framing.Document) -> None:
    section = seed_document.sections[1]
    bullets = [p.text for p in section.paragraphs if p.kind == "bullet"]
    assert len(bullets) == 4
    assert bullets[0].startswith("unpredictable and manipulative")
    assert bullets[-1].startswith("more concerned with optics")
    takeaways = seed_document.sections[10]
    assert [p.kind for p in takeaways.paragraphs] == ["bullet"] * 5


def test_seed_offsets_slice_back(seed_document: framing.Document) -> None:
    text = seed_document.text
    for item in (*seed_document.paragraphs, *seed_document.noise):
        assert text[item.start:item.end] == item.text
    for section in seed_document.sections:
        if section.heading:
            assert text[section.heading.start:section.heading.end] == section.heading.text


@pytest.mark.parametrize("name", sorted(SAMPLE_HEADINGS))
def test_samples_have_their_headings(name: str) -> None:
    document = parse_file(SEEDS / name)
    assert [s.heading.text for s in document.sections if s.heading] == SAMPLE_HEADINGS[name]
    assert document.sections[0].heading is None and document.sections[0].paragraphs
    assert document.title is not None and document.byline is not None and document.date_iso is not None
    for item in (*document.paragraphs, *document.noise):
        assert document.text[item.start:item.end] == item.text


@pytest.mark.parametrize(("name", "noise_kinds"), [
    ("summit_opinion.txt", {"ui", "caption", "credit", "other", "tags"}),
    ("summit_wire.txt", {"ui", "caption", "credit", "tags"}),
    ("summit_counter_opinion.txt", {"ui", "caption", "credit", "other", "tags"}),
    ("housing_report.md", {"ui", "caption", "credit", "other", "tags"}),
])
def test_samples_noise_kinds(name: str, noise_kinds: set[str]) -> None:
    assert {n.kind for n in parse_file(SEEDS / name).noise} == noise_kinds


@pytest.mark.parametrize(("text", "expected_kinds"), [
    ("Intro paragraph here.\n\n• first item\n- second item\n* third item\n1. fourth item\n", ["text", "bullet", "bullet", "bullet", "bullet"]),
    ("Points:\n- one\n- two", ["text", "bullet", "bullet"]),
    ("> A quoted block\n> over two lines.\n\nBody text follows here.", ["quote", "text"]),
    ("*Istanbul Plus* is a name in emphasis, not a bullet.", ["text"]),
])
def test_paragraph_kinds(text: str, expected_kinds: list[str]) -> None:
    document = framing.parse(text)
    assert [p.kind for p in document.paragraphs] == expected_kinds
    assert all(text[p.start:p.end] == p.text for p in document.paragraphs)


@pytest.mark.parametrize(("text", "headings"), [
    # news analysis: short title-case lines before body text
    ("Lead paragraph of the story, which sets the scene.\n\nCollapse of the Deal\n\nThe talks ended on Monday.",
     ["Collapse of the Deal"]),
    # explainer: a heading before a bullet list
    ("Lead paragraph of the story, which sets the scene.\n\nKey Takeaways\n\n- one point\n- another point",
     ["Key Takeaways"]),
    # local news: sentence-case heading
    ("Lead paragraph of the story, which sets the scene.\n\nWhat the council decided\n\nIt voted 7-2 on Tuesday.",
     ["What the council decided"]),
    # opinion: a question as heading
    ("Lead paragraph of the story, which sets the scene.\n\nIs a truce still possible?\n\nPerhaps not this year.",
     ["Is a truce still possible?"]),
    # not headings: a colon line, a timestamp, a byline
    ("Lead paragraph of the story, which sets the scene.\n\nHe portrayed the minister as:\n\n- weak\n- vain",
     []),
    ("Lead paragraph of the story, which sets the scene.\n\nOctober 27, 2025, 12:21 PM\n\nBody text goes on here.",
     []),
    # Markdown ATX headings
    ("# Title\n\nLead text here.\n\n## First part\n\nBody one.\n\n## Second part\n\nBody two.",
     ["First part", "Second part"]),
])
def test_heading_rule(text: str, headings: list[str]) -> None:
    document = framing.parse(text)
    assert [s.heading.text for s in document.sections if s.heading] == headings


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", " \t\n \n"])
def test_empty_input_gives_no_paragraphs(text: str) -> None:
    document = framing.parse(text)
    assert document.paragraphs == ()
    assert document.title is None


def test_markdown_escapes_and_emphasis_keep_offsets() -> None:
    text = "# Deal\n\nBy Jane Doe\n\nMay 5, 2025\n\nTrump wanted \\$350 billion from *Istanbul Plus* talks.\n\nMore text follows."
    document = framing.parse(text, format="markdown")
    assert document.title is not None and document.title.text == "Deal"
    paragraph = document.paragraphs[0]
    assert paragraph.text == "Trump wanted \\$350 billion from *Istanbul Plus* talks."
    assert text[paragraph.start:paragraph.end] == paragraph.text


def test_markdown_front_matter_gives_metadata() -> None:
    text = '---\ntitle: "Budget vote"\nauthor: Ana Ruiz\ndate: 2025-03-01\ntags: [budget, city]\n---\n\nThe council met.\n'
    document = framing.parse(text, format="markdown")
    assert (document.title and document.title.text) == "Budget vote"
    assert (document.byline and document.byline.text) == "Ana Ruiz"
    assert document.date_iso == "2025-03-01"
    assert document.tags == ("budget", "city")
    assert document.noise[0].kind == "other"


def test_header_lines_without_blank_lines_are_split() -> None:
    text = "Port talks collapse\nBy Jane Doe\nOctober 14, 2025\nShare this article\n\nThe talks ended on Monday after four days."
    document = framing.parse(text)
    assert (document.title and document.title.text) == "Port talks collapse"
    assert (document.byline and document.byline.text) == "By Jane Doe"
    assert document.date_iso == "2025-10-14"
    assert [n.kind for n in document.noise] == ["ui"]
    assert [p.text for p in document.paragraphs] == ["The talks ended on Monday after four days."]


@pytest.mark.parametrize("marks", ["*", "_", "**"])
def test_a_markdown_byline_in_italics_or_bold_is_read_inside_its_marks(marks: str) -> None:
    text = f"# Nurses walk out\n\n{marks}By Amira Dean · 3 March 2026{marks}\n\nNurses at the hospital walked out over pay.\n"
    document = framing.parse(text, format="markdown")
    assert document.byline is not None and document.byline.text == "By Amira Dean"
    assert document.date is not None and document.date.text == "3 March 2026"
    assert [p.text for p in document.paragraphs] == ["Nurses at the hospital walked out over pay."]


@pytest.mark.parametrize("line", ["Opinion by Lena Ortiz", "Analysis by Lena Ortiz", "Commentary by Lena Ortiz",
                                  "Opinion | By Lena Ortiz"])
def test_a_byline_may_name_its_kind_of_piece(line: str) -> None:
    report = framing.analyze(f"Parking charges are a cash grab\n\n{line}\n\nThe mayor wants you to pay more.\n")
    assert report.document.byline is not None and report.document.byline.text == line
    assert "Lena Ortiz" not in {actor.actor for actor in report.actors}
    assert [section.heading for section in report.sections] == [None]


@pytest.mark.parametrize(("text", "title"), [
    ("Mayor jailed for taking bribes.\n\nThe mayor of Harlan was jailed on Monday for taking bribes from a builder.\n\n"
     "He denied it.", "Mayor jailed for taking bribes."),
    ("It was cold.\n\nHe went out.\n\nShe stayed.", None),  # a short first sentence before a short one: no headline
    ("The council met. It voted.\n\nThe mayor of Harlan was jailed on Monday for taking bribes from a builder.", None),
])
def test_a_one_sentence_headline_may_end_in_a_full_stop(text: str, title: str | None) -> None:
    document = framing.parse(text, format="text")
    assert (document.title.text if document.title else None) == title


def test_a_one_sentence_paragraph_ending_in_a_quotation_is_no_heading() -> None:
    """'Reyes called the ban "a solution in search of a problem."' ends a sentence inside its quotation
    marks: a body paragraph, not a section heading."""
    from framing.ingest.document import parse_document

    text = ("Title\n\nThe town voted on Monday after a long debate about its streets.\n\n"
            'Councillor Ana Reyes called the ban "a solution in search of a problem."\n\n'
            "The vote was close.\n")
    document = parse_document(text)
    assert [s.heading for s in document.sections if s.heading is not None] == []
    assert any("Ana Reyes" in p.text for p in document.paragraphs)
