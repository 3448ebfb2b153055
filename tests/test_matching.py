"""Whole-word phrase matching with one automaton: inflections, case, punctuation, overlaps."""

from __future__ import annotations

import pytest

from framing.text.matching import FoldedSpan, Phrase, PhraseIndex, SubstringSet, noun_forms, phrase_variants, verb_forms


@pytest.fixture(scope="module")
def index() -> PhraseIndex[str]:
    return PhraseIndex([
        (Phrase("regime"), "regime"),
        (Phrase("regime change"), "regime change"),
        (Phrase("protection racket"), "protection racket"),
        (Phrase("photo-op"), "photo-op"),
        (Phrase("deep state"), "deep state"),
        (Phrase("demonize", forms="verb"), "demonize"),
        (Phrase("lash out", forms="verb"), "lash out"),
        (Phrase("US", case_sensitive=True, forms="exact"), "US"),
        (Phrase("the Kremlin", case_sensitive=True, forms="exact"), "the Kremlin"),
        (Phrase("abus", prefix=True), "abus*"),
        (Phrase("henchman"), "henchman"),
    ])


@pytest.mark.parametrize(("text", "expected"), [
    ("The regime fell.", ["regime"]),
    ("They sought regime change.", ["regime change"]),
    ("Regimes and REGIMES.", ["regime", "regime"]),
    ("Regimented drills.", []),
    ("a 1920s-style protection racket", ["protection racket"]),
    ("two protection rackets", ["protection racket"]),
    ("a Photo\\-op, a photo op, a PHOTO-OP", ["photo-op", "photo-op", "photo-op"]),
    ("the “deep state” again", ["deep state"]),
    ("the deep\nstate", ["deep state"]),
    ("demonized, demonizes, demonizing", ["demonize", "demonize", "demonize"]),
    ("he lashed out", ["lash out"]),
    ("US and us", ["US"]),
    ("The Kremlin said; the Kremlin said; the kremlin", ["the Kremlin", "the Kremlin"]),
    ("abusive abuse", ["abus*", "abus*"]),
    ("his henchmen", ["henchman"]),
    ("the regime's", ["regime"]),
    ("", []),
])
def test_find_whole_words(index: PhraseIndex[str], text: str, expected: list[str]) -> None:
    assert [m.payload for m in index.find(text)] == expected


def test_offsets_slice_back_and_map_through_escapes(index: PhraseIndex[str]) -> None:
    text = "REGIME change, a photo\\-op; then the “Deep  State” regime’s end."
    found = index.find(text)
    assert [text[m.start:m.end] for m in found] == ["REGIME change", "photo\\-op", "Deep  State", "regime"]


def test_find_within_a_window_uses_absolute_offsets(index: PhraseIndex[str]) -> None:
    text = "regime | regime | regime"
    found = index.find(text, 9, 15)
    assert [(m.start, m.end) for m in found] == [(9, 15)]


def test_leftmost_longest_wins(index: PhraseIndex[str]) -> None:
    found = index.find("regime change regime")
    assert [(m.payload, m.is_generated_form) for m in found] == [("regime change", False), ("regime", False)]


@pytest.mark.parametrize(("word", "forms"), [
    ("regime", {"regimes"}), ("racket", {"rackets"}), ("party", {"parties"}), ("crash", {"crashes"}),
    ("henchman", {"henchmans", "henchmen"}),
])
def test_noun_forms(word: str, forms: set[str]) -> None:
    assert noun_forms(word) == forms


@pytest.mark.parametrize(("word", "included"), [
    ("demonize", {"demonizes", "demonized", "demonizing"}),
    ("rig", {"rigs", "rigged", "rigging"}),
    ("bully", {"bullies", "bullied", "bullying"}),
    ("admit", {"admitted", "admitting", "admits"}),
])
def test_verb_forms(word: str, included: set[str]) -> None:
    assert included <= verb_forms(word)


def test_exact_and_prefix_phrases_have_no_variants() -> None:
    assert phrase_variants(Phrase("con", forms="exact")) == {"con": False}
    assert phrase_variants(Phrase("abus", prefix=True)) == {"abus": False}


def test_written_phrase_beats_generated_form() -> None:
    index = PhraseIndex([(Phrase("thug"), "thug"), (Phrase("thugs", forms="exact"), "thugs")])
    assert [m.payload for m in index.find("thugs")] == ["thugs"]


def test_large_index_matches_the_same() -> None:
    phrases = [(Phrase(f"zzterm{i} word"), i) for i in range(20_000)] + [(Phrase("protection racket"), -1)]
    index = PhraseIndex(phrases)
    assert [m.payload for m in index.find("a zzterm19999 word and a protection racket")] == [19999, -1]


@pytest.mark.parametrize(("needles", "text", "expected"), [
    (["mere", "merely", "just"], "it is merely a start", {"mere", "merely"}),  # overlapping, inside words
    (["one", "every"], "everyone agrees", {"one", "every"}),
    (["one"], "none of them", {"one"}),
    (["one"], "", set()),
    ([], "anything", set()),
])
def test_substring_set_is_substring_membership(needles: list[str], text: str, expected: set[str]) -> None:
    assert SubstringSet(needles).found_in(text) == expected == {n for n in needles if n in text}


def test_find_folded_equals_find(index: PhraseIndex[str]) -> None:
    text = "Intro. They lashed out at the regime; the Kremlin's photo op was abusive."
    span = FoldedSpan(text, 7, len(text))
    assert index.find_folded(span) == index.find(text, 7, len(text))
    assert [text[m.start:m.end] for m in index.find_folded(span)][:2] == ["lashed out", "regime"]
