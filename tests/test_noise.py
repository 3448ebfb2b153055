"""Noise recognition by the form of page debris."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.ingest.noise import MEDIA_WORD, classify_noise_line, credit_split, split_tags, tags_label


@pytest.mark.parametrize(("line", "kind"), [
    ("Photo: Maria Kovacs/Reuters", "credit"),
    ("Image: A. Volkov", "credit"),
    ("© 2025 Example News", "credit"),
    ("Associated Press writer Jane Roe in Nairobi contributed to this report.", "credit"),
    ("FOR IMMEDIATE RELEASE", "credit"),
    ("-ENDS-", "credit"),
    ("Media contact: Jane Doe, +41 22 123 4567", "credit"),
    ("Reporting by Jane Doe; Editing by John Roe", "credit"),
    ("Share this article", "ui"),
    ("Listen to this story", "ui"),
    ("Advertisement", "ui"),
    ("5 min read", "ui"),
    ("Facebook Twitter Email", "ui"),
    ("Коммерсантъ", "masthead"),
    ("Yuri Petrov in Izvestia - screenshot with an English translation from Russian", "caption"),
    ("![Townhouses on Alder Street](https://example.org/a.jpg)", "caption"),
    ("* * *", "other"),
])
def test_noise_lines(line: str, kind: str) -> None:
    assert classify_noise_line(line, "LATIN") == kind


@pytest.mark.parametrize("line", [
    "The union contributed to this report on pay, officials said in a statement about what happened.",
    "It ends here.",
    "Collapse of the Deal",
    "Photo Finish for the Election",
    "Diplomacy as a photo-op",
    "The minister shared the image widely.",
    "Москва",  # a Cyrillic word in a Cyrillic document is text
])
def test_body_lines_are_not_noise(line: str) -> None:
    script = "CYRILLIC" if line == "Москва" else "LATIN"
    assert classify_noise_line(line, script) is None


@pytest.mark.parametrize(("line", "credit"), [
    ("Basilius-Kathedrale in Moskau - Bild: Christian Müller", "Bild: Christian Müller"),
    ("Delegates arrive in Geneva. Photo: Maria Kovacs/Reuters", "Photo: Maria Kovacs/Reuters"),
    ("The minister speaks in Paris (Ludovic Marin/AFP via Getty Images)", "(Ludovic Marin/AFP via Getty Images)"),
])
def test_credit_split(line: str, credit: str) -> None:
    at = credit_split(line)
    assert at is not None and line[at:] == credit


@pytest.mark.parametrize(("line", "tags"), [
    ("a, b; c | d", ("a", "b", "c", "d")),
    ("#trade #EU #tariffs", ("trade", "EU", "tariffs")),
    ("Black Sea shipping talks", ("Black Sea shipping talks",)),
    ("  ", ()),
])
def test_split_tags(line: str, tags: tuple[str, ...]) -> None:
    assert split_tags(line) == tags


@pytest.mark.parametrize(("line", "found"), [
    ("ARTICLE TAGS:", True), ("Tags: a, b", True), ("TOPICS: Energy | Climate", True), ("Filed under: Europe", True),
    ("Tagged people were released.", False),
])
def test_tags_label(line: str, found: bool) -> None:
    assert (tags_label(line) is not None) is found


@pytest.mark.parametrize(("line", "expected"), [
    ("Trump, Donald | Trenin, Dmitri | Ukraine", ("Donald Trump", "Dmitri Trenin", "Ukraine")),
    ("Quintal, Rosa; Kaleba, Joseph", ("Rosa Quintal", "Joseph Kaleba")),
    ("Osei, Amara Mensah, Kwame Ghana Elections Analysis Africa", ("Amara Osei", "Kwame Mensah", "Ghana",
                                                                  "Elections", "Analysis", "Africa")),
    ("Housing, Leeds, Tenants", ("Housing", "Leeds", "Tenants")),
])
def test_split_tags_turns_last_first_names(line: str, expected: tuple[str, ...]) -> None:
    assert split_tags(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Russia, Ukraine, War in Ukraine and its consequences", ("Russia", "Ukraine", "War in Ukraine and its consequences")),
    ("Europe; Trade, Tariffs", ("Europe", "Trade", "Tariffs")),
])
def test_split_tags_keeps_ordinary_lists(line: str, expected: tuple[str, ...]) -> None:
    assert split_tags(line) == expected


def test_long_lines_are_judged_like_the_fold_would() -> None:
    from framing.ingest.noise import is_ui_line

    assert is_ui_line("Facebook Twitter Email")
    assert is_ui_line("Updated: 5 min ago, with many more words after it that make the line long")
    assert not is_ui_line("facebook twitter email print share save follow next previous")  # nine words
    assert is_ui_line("facebook | twitter | email | print | share | save | follow | next")  # eight words


def test_media_word_lookahead_lists_every_word_start() -> None:
    """MEDIA_WORD opens with a first-letter lookahead; it must match whatever it matches without one."""
    core = re.compile(re.sub(r"^\\b\(\?=\[[a-z]+\]\)", "", MEDIA_WORD.pattern), MEDIA_WORD.flags)
    assert core.pattern != MEDIA_WORD.pattern

    @given(st.from_regex(core, fullmatch=True))
    @settings(max_examples=200, deadline=None)
    def matches_alike(phrase: str) -> None:
        assert MEDIA_WORD.match(phrase) is not None, phrase

    matches_alike()
