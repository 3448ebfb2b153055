"""Technique stage: crosswalk, wording patterns, labels, questions, slogans and repetition."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.model import TermHit
from framing.stages.techniques import PATTERNS, TECHNIQUES, find_repetition


def techniques_in(text: str) -> set[str]:
    report = framing.analyze("Lead line of the article, written as text.\n\n" + text)
    return {t.technique for p in report.paragraphs for t in p.techniques}


@pytest.mark.parametrize(("text", "technique"), [
    ("Everyone knows the plan has failed.", "appeal_to_popularity"),
    ("Leading experts agree that the plan has failed.", "appeal_to_authority"),
    ("Either we stop them now or we lose everything.", "false_dilemma"),
    ("The only reason for the crisis is greed.", "causal_oversimplification"),
    ("But what about the other side's crimes?", "whataboutism"),
    ("The deal is dead. End of story.", "conversation_killer"),
    ("This will inevitably lead to chaos in every city.", "consequential_oversimplification"),
    ("They are acting just like the Nazis did.", "guilt_by_association"),
    ("Their hypocrisy is plain to see.", "appeal_to_hypocrisy"),
    # (the author's own label: one that "Critics branded …" is the critics' words, reported speech)
    ("I call the minister a puppet of foreign interests.", "name_calling_labeling"),
    ("This is a protection racket, not diplomacy.", "loaded_language"),
    ("Can anyone really trust a word they say now?", "doubt"),
    ("Russia will not kneel!", "slogans"),
    ("Protesters held signs that read NO MORE WAR across the square for the whole long afternoon.", "slogans"),
    ("The talks ended without a deal, and it is what it is.", "conversation_killer"),
    ("We will not negotiate, period.", "conversation_killer"),
])
def test_patterns(text: str, technique: str) -> None:
    assert technique in techniques_in(text)


def test_plain_news_has_no_techniques() -> None:
    assert techniques_in("The council met on Tuesday and approved the budget by seven votes to two.") == set()


def test_quoted_words_are_not_the_authors_technique() -> None:
    assert "appeal_to_popularity" not in techniques_in('"Everyone knows the plan has failed," the minister said.')


def test_reported_words_are_not_the_authors_technique() -> None:
    # (a verb after "and" shares its subject: the minister's words, not the author's)
    assert "conversation_killer" not in techniques_in("The minister shrugged and said it is what it is, and the talks ended.")


def test_every_technique_id_is_from_the_taxonomy(seed_report: framing.Report) -> None:
    found = {t["technique"] for t in seed_report.to_dict()["techniques"]}
    assert found and found <= set(TECHNIQUES)


def test_seed_last_section_names_and_loads(seed_report: framing.Report) -> None:
    last = seed_report.to_dict()["sections"][-1]
    techniques = {t["technique"] for t in last["techniques"]}
    assert {"name_calling_labeling", "loaded_language"} <= techniques


def test_repetition_across_sections() -> None:
    hit = TermHit(0, 6, "regime", "regime", "pejorative_label", 2.0, -2.0, "x")
    later = TermHit(50, 56, "regime", "regime", "pejorative_label", 2.0, -2.0, "x")
    quoted = TermHit(90, 96, "regime", "regime", "pejorative_label", 2.0, -2.0, "x", in_quote=True)
    assert [t.start for t in find_repetition([[hit], [later, quoted]])] == [50]
    assert find_repetition([[hit], []]) == ()


def test_samples_differ_in_techniques(sample_reports: dict[str, framing.Report]) -> None:
    def total(name: str) -> int:
        return sum(t["count"] for t in sample_reports[name].to_dict()["techniques"])

    assert total("summit_opinion.txt") >= 3 * max(total("summit_wire.txt"), 1)
    assert total("summit_counter_opinion.txt") >= 3 * max(total("summit_wire.txt"), 1)


def test_technique_spans_slice_back(seed_report: framing.Report) -> None:
    data = seed_report.to_dict()
    for section in data["sections"]:
        for paragraph in section["paragraphs"]:
            for technique in paragraph["techniques"]:
                assert data["text"][technique["start"]:technique["end"]] == technique["text"]
                assert 0 < technique["confidence"] <= 1


_FIRST_LETTERS = re.compile(r"^\\b\(\?=\[([a-z]+)\]\)")


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if _FIRST_LETTERS.match(p.regex.pattern)],
                         ids=lambda p: p.rule)
def test_first_letter_lookahead_lists_every_phrase_start(pattern: Any) -> None:
    """A pattern opening with a first-letter lookahead matches whatever it matches without one."""
    core = re.compile(_FIRST_LETTERS.sub("", pattern.regex.pattern), pattern.regex.flags)

    @given(st.from_regex(core, fullmatch=True))
    @settings(max_examples=200, deadline=None)
    def matches_alike(phrase: str) -> None:
        assert pattern.regex.match(phrase) is not None, phrase

    matches_alike()


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.rule)
def test_every_match_holds_a_trigger(pattern: Any) -> None:
    """A pattern is tried only on sentences holding one of its triggers: each of its matches holds one."""
    core = re.compile(_FIRST_LETTERS.sub(r"\\b", pattern.regex.pattern), pattern.regex.flags)

    @given(st.from_regex(core, fullmatch=True, alphabet=st.characters(codec="ascii")))
    @settings(max_examples=200, deadline=None)
    def holds_a_trigger(phrase: str) -> None:
        assert any(trigger in phrase.lower() for trigger in pattern.triggers), phrase

    holds_a_trigger()


def test_shouted_finds_three_words_in_capitals_as_the_plain_pattern_does() -> None:
    """SHOUTED (written to open on a capital) finds a match exactly where the plain pattern does."""
    import random

    from framing.stages.techniques import SHOUTED

    plain = re.compile(r"\b(?:[A-Z]{2,}\s+){2,}[A-Z]{2,}\b")
    pieces = ["AB", "CD ", "EFG", " ", "\t", "\n", "x", "-", "A", "BB ", "_", "é", "É", "1", "DD", "'"]
    chooser = random.Random(3)
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        assert (SHOUTED.search(text) is None) == (plain.search(text) is None), text


def test_a_scorer_hit_is_loaded_language_at_most_and_a_marker_no_loaded_language() -> None:
    # "cautious" is a scorer hit most like a derogatory descriptor: no attack on reputation is claimed;
    # "acknowledged" is a stance marker, not a loaded term
    found = techniques_in("Independent experts were cautious about the results. The company acknowledged the delay.")
    assert "questioning_the_reputation" not in found and "name_calling_labeling" not in found
    assert "loaded_language" not in techniques_in("The company acknowledged the delay on Tuesday.")
