"""framing.text.valence: the linear-time VADER scorer must give VADER's own scores, always."""

from __future__ import annotations

import json

import pytest

from framing.text.valence import MAX_VADER_CHARS, paragraph_polarity, vader, vader_scores

from .conftest import ROOT, SEEDS

# Each case exercises one of VADER's rules for a word (its reach is three words back, two ahead).
RULE_CASES = [
    "",
    "   ",
    "Good.",
    "The plan is not good at all!!!",
    "The plan isn't good, but the result was awful?",
    "NO WAY this is GREAT news",
    "It was never so good, and without doubt the best.",
    "the least bad option; at least bad; very least bad",
    "It was kind of bad, sort of fine and kind of okay.",
    "no good, no happy, nor fair or no joy",
    "no",
    "good no",
    "They got the kiss of death and the bad ass cut.",
    "yeah right, the cut the mustard attempt",
    "BUT the good but the bad BUT the ugly",
    "Extremely, incredibly, barely good words; hardly awful ones.",
    "The PROTEST was HORRIBLE while the rally was calm",
    "He said :) and :( and ;-) to no one",
    "with emoji 😀 the copy runs through VADER itself",
    "© 2026 a great company",
]


@pytest.mark.parametrize("text", RULE_CASES)
def test_vader_scores_equal_vaders_own(text: str) -> None:
    assert vader_scores(text) == vader().polarity_scores(text)


def _own_paragraphs() -> list[str]:
    """Every paragraph and sentence-ish piece of our seeds and labelled texts."""
    pieces: list[str] = []
    for path in sorted(SEEDS.iterdir()):
        text = path.read_text(encoding="utf-8")
        pieces += [p for p in text.split("\n\n") if p.strip()] + text.split(". ")
    for path in sorted((ROOT / "labelled").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            pieces += [p for p in json.loads(line)["text"].split("\n\n") if p.strip()]
    return pieces


def test_vader_scores_equal_vaders_own_on_our_texts() -> None:
    pieces = _own_paragraphs()
    assert len(pieces) > 500
    differing = [p[:60] for p in pieces if vader_scores(p) != vader().polarity_scores(p)]
    assert differing == []


def test_long_text_is_scored_in_pieces_whose_sum_stays_in_range() -> None:
    text = "The attack was brutal and cruel. " * (MAX_VADER_CHARS // 10)
    polarity = paragraph_polarity(text)
    assert -1.0 <= polarity.compound < -0.9
    assert polarity.neg > polarity.pos
