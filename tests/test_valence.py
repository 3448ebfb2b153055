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


# The same lexicon word in different neighbourhoods, cases and all-caps settings: the memo of
# a word's valence by its neighbourhood must never answer for another neighbourhood.
MEMO_CASES = [
    "good", "GOOD", "good GOOD", "GOOD good", "VERY good", "very GOOD", "VERY GOOD", "not VERY good news",
    "no good", "No good", "no GOOD news today", "it is not good", "it is not good at all", "kind of good",
    "Kind Of good", "kind good", "good kind of", "the kind of good kind", "Good but bad", "good BUT bad",
    "good But bad but good", "bad. But good", "but", "BUT", "but good", "good, but", "never so good",
    "never this good", "without doubt good", "without a doubt good", "at least good", "very least good",
    "least good", "the shit", "The Shit is the bomb", "bad ass bad", "a bus stop", "yeah right good",
    "good good good good good good", "no no no no", "NO NO no", "sort of bad sort of good",
    "VERY GOOD", "VERY GOOD news", "A good day", "A GOOD DAY", "I am GOOD", "ALL CAPS TEXT IS VERY BAD",
    "US sanctions hurt, UK TOTALLY good", "totally GOOD, really BAD", "Good", "GOOD.", "good!!! GREAT??",
]


@pytest.mark.parametrize("text", MEMO_CASES)
def test_memoised_valences_equal_vaders_own(text: str) -> None:
    assert vader_scores(text) == vader().polarity_scores(text)


def test_memo_answers_alike_in_any_order_and_window() -> None:
    """Windows of our texts cut at random words, scored in shuffled order after a warm memo."""
    import random

    generator = random.Random(7)
    words = " ".join(_own_paragraphs()[:200]).split(" ")
    windows = []
    for _ in range(1_500):
        start = generator.randrange(len(words))
        windows.append(" ".join(words[start:start + generator.randrange(1, 40)]))
    windows += [window.upper() for window in windows[:100]] + [window.title() for window in windows[100:200]]
    generator.shuffle(windows)
    differing = [w[:60] for w in windows if vader_scores(w) != vader().polarity_scores(w)]
    assert differing == []
