"""Tests for the loaded-terms stage: lexicon and scorer hits, sense rules, merging."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import framing
from framing.model import TermHit
from framing.stages import loaded_terms
from framing.stages.lexicon import compile_lexicons
from framing.stages.lexicon_files import resolve_lexicons
from framing.stages.loaded_terms import find_terms, merge_adjacent
from framing.text.matching import FoldedSpan


def _hit(text: str, phrase: str, *, source: str = "lexicon", category: str = "pejorative_label",
         weight: float = 1.0) -> TermHit:
    start = text.index(phrase)
    return TermHit(start, start + len(phrase), phrase, term=phrase.lower(), category=category, weight=weight,
                   valence=-2.0, lexicon="model" if source == "model" else "loaded_language", source=source,
                   confidence=0.5 if source == "model" else None)


@pytest.mark.parametrize(("text", "lexicon", "model", "merged"), [
    ("a puppet regime installed", "puppet", "regime installed", "puppet regime installed"),  # adjacent
    ("a firestorm of outrage", "firestorm", "outrage", "firestorm of outrage"),  # "of" between
    ("sheer thuggery here", "thuggery", "sheer", "sheer thuggery"),  # model before lexicon
    ("the regime, brutal", "regime", "brutal", None),  # punctuation keeps them apart
    ("the regime\nbrutal", "regime", "brutal", None),  # so does a line break
])
def test_merge_adjacent_keeps_the_lexicon_term(text: str, lexicon: str, model: str, merged: str | None) -> None:
    hits = merge_adjacent(text, [_hit(text, lexicon)], [_hit(text, model, source="model", category="loaded_other")])
    if merged is None:
        assert len(hits) == 2
        return
    assert len(hits) == 1
    (hit,) = hits
    assert (hit.text, hit.term, hit.category, hit.source) == (merged, lexicon, "pejorative_label", "lexicon")
    assert text[hit.start:hit.end] == hit.text


def test_merge_adjacent_two_lexicon_hits_stay_two() -> None:
    text = "corrupt regime"
    hits = merge_adjacent(text, [_hit(text, "corrupt", category="derogatory_descriptor"), _hit(text, "regime")], [])
    assert [h.text for h in hits] == ["corrupt", "regime"]


def test_merge_adjacent_keeps_the_heaviest_lexicon_entry() -> None:
    text = "vile stooge puppet"
    hits = merge_adjacent(text, [_hit(text, "vile", category="moral_condemnation"), _hit(text, "puppet", weight=2.0)],
                          [_hit(text, "stooge", source="model")])
    assert [(h.text, h.term, h.weight) for h in hits] == [("vile stooge puppet", "puppet", 2.0)]


def test_merge_adjacent_markers_never_absorb_scorer_hits() -> None:
    text = "clearly disastrous"
    hits = merge_adjacent(text, [_hit(text, "clearly", category="booster")], [_hit(text, "disastrous", source="model")])
    assert [h.text for h in hits] == ["clearly", "disastrous"]


@pytest.mark.parametrize(("text", "plain"), [
    ("He had a heart attack on the train.", "heart attack"),
    ("A computer virus hit the hospital network.", "computer virus"),
    ("The bubonic plague spread through the port.", "bubonic plague"),
    ("The breast cancer ward reopened on Monday.", "breast cancer"),
    ("The moral responsibility for it lies with the attackers.", "lies with"),
    ("Whatever lies ahead, the talks will go on.", "lies ahead"),
])
def test_find_terms_scorer_skips_words_a_sense_rule_made_plain(text: str, plain: str) -> None:
    start = text.index(plain)
    hits = find_terms(text, compile_lexicons(resolve_lexicons()))
    assert not [h for h in hits if h.start < start + len(plain) and start < h.end]


def test_find_terms_offsets_slice_back() -> None:
    text = "Opponents unleashed a firestorm of outrage at the corrupt, shameless grifters."
    hits = find_terms(text, compile_lexicons(resolve_lexicons()))
    assert hits and all(text[h.start:h.end] == h.text for h in hits)
    assert all(not h.text.endswith((".", ",")) for h in hits)


def test_find_document_terms_drops_scorer_hits_on_the_documents_subject_words() -> None:
    from framing.stages.loaded_terms import find_document_terms

    compiled = compile_lexicons(resolve_lexicons())
    once = "Masked men torched the camp at dawn."
    assert any(h.source == "model" and "torched" in h.text for h in find_document_terms(once, compiled, [(0, len(once))]))
    text = once + "\n\nThe camp was torched twice before. Masked men torched it again in June."
    hits = find_document_terms(text, compiled, [(0, len(once)), (len(once) + 2, len(text))])
    assert not any(h.source == "model" and h.text.lower() == "torched" for h in hits)
    assert all(text[h.start:h.end] == h.text for h in hits)


@pytest.mark.parametrize(("text", "extent"), [
    ("The notorious officials fled.", "notorious officials"),  # a loaded adjective takes its noun
    ("They were notorious, and everyone knew it.", "notorious"),  # punctuation ends the phrase
    ("A notorious and venal clique.", "notorious"),  # a function word ends it too
    ("The regime fell.", "regime"),  # a noun takes nothing
    ("The notorious Black Sea Framework.", "notorious"),  # nor does an adjective before a name
    ("It merely hands them a stage.", "merely"),  # an adverb takes nothing
])
def test_find_terms_adjective_hits_cover_their_noun(text: str, extent: str) -> None:
    hits = find_terms(text, compile_lexicons(resolve_lexicons()), model_terms=False)
    assert extent in [h.text for h in hits]


@pytest.mark.parametrize(("text", "phrase"), [
    ("They installed a puppet government in all but name.", "puppet government in all but name"),
    ("Opponents unleashed a firestorm of outrage over the cuts.", "firestorm of outrage"),
])
def test_report_hits_cover_the_phrase_that_carries_the_loading(text: str, phrase: str) -> None:
    import framing

    report = framing.analyze(text, format="text")
    hits = [h for p in report.paragraphs for h in p.loaded_terms]
    assert any(h.text.startswith(phrase) for h in hits)
    assert all(not h.text.endswith((".", ",", "!", "?")) for h in hits)


_VOLCANO = "Mount Kanlaon, which rises 2,465 metres, is one of 24 active volcanoes in the Philippines."
_VOLCANO_REPORT = _VOLCANO + (
    " Officials raised the alert level on Tuesday after a series of small explosions at the summit."
    " Residents within six kilometres of the crater were told to leave their homes by Wednesday evening."
    " Schools in three nearby towns were closed and classes moved online for the rest of the week."
    " The state seismology agency recorded 48 earthquakes in the previous 24 hours, most too weak to feel."
    " Airlines said flights to the regional airport would run as normal unless ash reached the runway."
    " The provincial governor said buses and temporary shelters were ready for about 12,000 people."
    " Farmers were asked to move cattle to higher ground and to cover water tanks against falling ash.")


@pytest.mark.parametrize(("text", "scored"), [
    (_VOLCANO, True),  # too short to tell a report from a comment
    (_VOLCANO_REPORT, False),  # a plain report of 128 words with no listed loaded term
    (_VOLCANO_REPORT + " Critics called the plan a cynical sham, a witch hunt and a disgrace to the nation.", True),
])
def test_find_document_terms_keeps_doubtful_scorer_hits_out_of_plain_reports(text: str, scored: bool) -> None:
    from framing.stages.loaded_terms import PLAIN_TEXT_CONFIDENCE, find_document_terms

    hits = find_document_terms(text, compile_lexicons(resolve_lexicons()), [(0, len(text))])
    volcanoes = [h for h in hits if h.source == "model" and h.text == "volcanoes"]
    assert len(volcanoes) == scored
    assert all(h.confidence is not None and h.confidence < PLAIN_TEXT_CONFIDENCE for h in volcanoes)


def test_find_document_terms_reports_a_mild_term_the_document_keeps_using_once() -> None:
    from framing.stages.loaded_terms import MILD_REPEAT_COUNT, find_document_terms

    compiled = compile_lexicons(resolve_lexicons())
    text = " ".join(["The regime met."] * MILD_REPEAT_COUNT + ["The puppet regime fell. A puppet again."])
    hits = find_document_terms(text, compiled, [(0, len(text))], model_terms=False)
    assert [h.start for h in hits if h.term == "regime"] == [text.index("regime")]  # mild (1.0): first use only
    assert [h.term for h in hits if "puppet" in h.term] == ["puppet regime", "puppet"]  # heavier terms all stay


@pytest.mark.parametrize(("text", "hit", "widened"), [
    ("An utterly disgraceful vote.", "disgraceful", "utterly disgraceful"),  # degree adverb before
    ("It was incredibly obtuse of them.", "incredibly", "incredibly obtuse"),  # degree adverb ending the hit
    ("The corrupt government fell.", "corrupt", "corrupt government"),  # a group noun after it
    ("A horrifying scene unfolded.", "horrifying", "horrifying scene"),  # a lexicon participle's noun
    ("It was dangerous and reckless.", "reckless", "dangerous and reckless"),  # a coordinated adjective
    ("It was reckless and dangerous.", "reckless", "reckless and dangerous"),
    ("A corrupt Congress.", "corrupt", "corrupt"),  # never a capitalised word
    ("So many corrupt people.", "corrupt", "corrupt people"),  # "so" is no degree adverb here
])
def test_widen_takes_in_the_words_that_carry_the_loading(text: str, hit: str, widened: str) -> None:
    from framing.stages.loaded_terms import widen

    (out,) = widen(text, [_hit(text, hit, category="derogatory_descriptor")], 0, len(text))
    assert out.text == widened
    assert text[out.start:out.end] == out.text


def test_widen_never_takes_a_word_of_another_hit_nor_widens_markers() -> None:
    from framing.stages.loaded_terms import widen

    text = "utterly corrupt and venal officials"
    hits = [_hit(text, "corrupt", category="derogatory_descriptor"), _hit(text, "venal officials")]
    assert [h.text for h in widen(text, hits, 0, len(text))] == ["utterly corrupt", "venal officials"]
    marker = [_hit(text, "corrupt", category="booster")]
    assert [h.text for h in widen(text, marker, 0, len(text))] == ["corrupt"]


@pytest.mark.parametrize(("text", "verb"), [
    ("Nurses slammed hospital leaders on Monday.", "slammed"),
    ("The minister gloated about officials.", "gloated"),
])
def test_a_charged_verb_of_speech_keeps_its_extent(text: str, verb: str) -> None:
    """Its object is what was spoken about, not part of the loading ("slammed", not "slammed hospital leaders")."""
    from framing.stages.loaded_terms import find_document_terms

    hits = find_document_terms(text, compile_lexicons(resolve_lexicons()), [(0, len(text))])
    assert [h.text for h in hits if h.category == "charged_speech"] == [verb]


def test_find_terms_scorer_leaves_out_unguessed_categories_and_names() -> None:
    from framing.stages.loaded_terms import UNGUESSED_CATEGORIES

    compiled = compile_lexicons(resolve_lexicons())
    text = "The virologist said the autocratic Saudi rulers were wrong."
    hits = find_terms(text, compiled)
    assert all(h.category not in UNGUESSED_CATEGORIES for h in hits if h.source == "model")
    assert all(not any(w[0].isupper() for w in h.text.split()) for h in hits if h.source == "model")


@pytest.mark.parametrize("text", ["Brightmoor made a healthy profit last year.", "A season ticket at a glamour club costs more."])
def test_find_terms_scorer_reports_no_praise_on_its_own(text: str) -> None:
    from framing.stages.loaded_model import find_loaded_phrases

    assert [h.category for h in find_loaded_phrases(text)] == ["glorifying"]  # the scorer's guess ...
    assert [h for h in find_terms(text, compile_lexicons(resolve_lexicons())) if h.source == "model"] == []  # ... unreported


@pytest.mark.parametrize(("text", "expected"), [
    ("The lake froze over in January.", []),  # "froze", charged by context alone: not reported
    ("The cabinet shamefully carved the budget among its friends.",  # "carved", beside a listed term: kept
     [("shamefully carved", "shamefully", "lexicon")]),
])
def test_find_terms_keeps_an_uncued_scorer_phrase_only_beside_a_lexicon_hit(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    hits = find_terms(text, compile_lexicons(resolve_lexicons()))
    assert [(h.text, h.term, h.source) for h in hits] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Her colleagues buried her and went back to work.", []),  # a burial, not a cover-up
    ("They buried him on Tuesday.", []),
    ("The council buried the report until after the election.", ["buried the report"]),
])
def test_burying_people_is_literal(text: str, expected: list[str]) -> None:
    assert [h.text for h in find_terms(text, compile_lexicons(resolve_lexicons()))] == expected


def test_a_speakers_use_of_a_repeated_mild_term_does_not_hide_the_authors() -> None:
    text = ('"We will not bow to this regime, not now and not ever," said Anna Kowal, a teacher.\n\n'
            "The regime denied it. Later the regime fired the minister. On Friday the regime closed the border.")
    report = framing.analyze(text, format="text")
    regime = [(h.in_quote, h.text) for p in report.paragraphs for h in p.loaded_terms if h.term == "regime"]
    assert (True, "regime") in regime and (False, "regime") in regime
    assert report.paragraphs[1].loadedness > 0


@pytest.mark.parametrize("text", [
    "Drone attacks; DRONE ATTACKS. drone-attacks, and the drone's attack.",
    "ΟΔΟΣ.Α ΟΔΟΣ.Β",  # a capital sigma lowers to a final sigma at a word's end only
    "İstanbul, istanbul and İSTANBUL, AİB aib",  # a dotted capital I lowers to two characters
    "i\u0307stanbul and i\u0307stanbul",  # the same two characters, as written
    "aaa aa aa_ aa' aa",  # a word inside a longer one is not the word
    "",
])
def test_subject_words_are_the_words_that_stand_whole_twice(text: str) -> None:
    spans = [(0, len(text)), (min(5, len(text)), len(text))]
    words = {word.lower() for word in re.findall(r"[\w'’-]+", text)} | {"οδοσ", "istanbul", "i\u0307stanbul", "aa"}
    counts = Counter(word.lower() for start, end in spans for word in re.findall(r"[\w'’-]+", text[start:end]))
    expected = {word for word in words if counts[word] >= 2}
    folded = {span: FoldedSpan(text, *span) for span in spans}
    assert loaded_terms._subject_words(text, spans, words, folded) == expected
    assert loaded_terms._subject_words(text, spans, words, {}) == expected


@pytest.mark.parametrize(("text", "name_word", "loaded"), [
    ("The so-called Steadfast Defender drills began in January.", "Steadfast", "so-called"),
    ("They praised Nazi Germany openly.", "Nazi", None),
    ("The regime in Kyiv is a Nazi regime, he said.", None, "Nazi"),  # no capitalised word beside it
    ("The Deep State is a myth.", None, "Deep State"),  # the whole name is the entry
])
def test_a_lexicon_word_of_a_longer_name_is_no_loaded_term(text: str, name_word: str | None, loaded: str | None) -> None:
    found = {h.text for h in find_terms(text, compile_lexicons(resolve_lexicons()))}
    assert name_word is None or name_word not in found
    assert loaded is None or loaded in found
