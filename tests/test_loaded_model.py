"""Tests for the learned loaded-phrase scorer and the PTC metric functions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from framing.evaluate.ptc import char_counts, load_ptc, score_system, span_counts
from framing.stages.loaded_features import tokenize
from framing.stages.loaded_model import (
    OTHER_CATEGORY,
    find_loaded_phrases,
    load_model,
    model_sha256,
    noun_after,
    word_probabilities,
)

NEUTRAL = [
    "The central bank raised its benchmark rate by a quarter point on Tuesday.",
    "The city council will vote on the new bus timetable next month.",
    "Shares in the company closed 1.2 percent higher in Frankfurt.",
    "The minister met her French counterpart in Paris on Monday.",
]


@pytest.mark.parametrize(("text", "phrase"), [
    ("Opponents unleashed a firestorm of outrage over the pension cuts.", "firestorm of outrage"),
    ("Nobody in the capital shares the minister's imperial fantasies about the region.", "imperial fantasies"),
    ("The minister caved in to the lobbyists within a week.", "caved in"),
    ("Witnesses said the regime's thugs beat students outside the library.", "thugs"),
])
def test_find_loaded_phrases_finds_invented_phrases(text: str, phrase: str) -> None:
    start = text.index(phrase)
    hits = find_loaded_phrases(text)
    assert any(h.start <= start and start + len(phrase) <= h.end for h in hits), hits


@pytest.mark.parametrize(("text", "extent"), [
    ("Opponents unleashed a firestorm of outrage over the pension cuts.", "firestorm of outrage"),
    ("Nobody shares the minister's imperial fantasies about the region.", "imperial fantasies"),
])
def test_find_loaded_phrases_extent_is_the_phrase(text: str, extent: str) -> None:
    assert extent in [h.text for h in find_loaded_phrases(text)]


@pytest.mark.parametrize(("text", "word"), [
    ("Health officials said the coronavirus pandemic had reached every province by March.", "pandemic"),
    ("Officials said the virus was contagious and closed the care home.", "contagious"),
    ("Doctors traced the outbreak of flu to a school and counted 40 infections.", "outbreak"),
    ("Floods displaced eight million people in the south.", "Floods"),
    ("Police arrested the attackers on Friday.", "attackers"),
    ("Rebel fighters stormed the garrison overnight.", "stormed"),
    ("Two men were taken to hospital after the collision.", "collision"),
    ("Firefighters brought the fire under control by noon.", "fire"),
])
def test_find_loaded_phrases_reads_outbreak_words_literally(text: str, word: str) -> None:
    start = text.index(word)
    assert not [h for h in find_loaded_phrases(text) if h.start < start + len(word) and start < h.end]
    assert dict(word_probabilities(text))[word] is None


@pytest.mark.parametrize("text", NEUTRAL)
def test_find_loaded_phrases_ignores_neutral_wire_sentences(text: str) -> None:
    assert find_loaded_phrases(text) == ()


@pytest.mark.parametrize("text", [
    "The earthquake flattened homes across the district.",  # "flattened" next to "earthquake": literal
    "A bomb destroyed the bridge before dawn.",
])
def test_find_loaded_phrases_reads_a_word_beside_a_literal_news_word_literally(text: str) -> None:
    assert [h.text for h in find_loaded_phrases(text) if h.cued] == []


@pytest.mark.parametrize(("text", "token"), [
    ("It was a 1920s-style protection racket, they said.", "1920s-style"),
    ("The 3rd-rate excuses piled up.", "3rd-rate"),
])
def test_find_loaded_phrases_never_starts_inside_a_token(text: str, token: str) -> None:
    start = text.index(token)
    inside = range(start + 1, start + len(token))
    assert all(h.start not in inside for h in find_loaded_phrases(text))
    assert all(start + len(token) <= s or e <= start for s, e, _ in tokenize(text))


@pytest.mark.parametrize(("text", "word"), [
    ("The board has been sleepwalking towards insolvency for a decade.", "sleepwalking"),  # motion
    ("The party machine swallowed the reform whole.", "swallowed"),  # consumption
    ("The ministry steamrolled every objection from the councils.", "steamrolled"),  # force
    ("It is the oldest trick in the populist playbook.", "playbook"),  # game
    ("A shadowy network of donors paid for the ads.", "shadowy"),  # darkness
])
def test_find_loaded_phrases_reads_metaphor_source_domains(text: str, word: str) -> None:
    assert any(word in h.text and h.cued for h in find_loaded_phrases(text))


@pytest.mark.parametrize("text", [
    "The lake froze over in January.",  # weather words are no temperature metaphor
    "Exports of agricultural machinery rose 4 percent in March.",
    "Crews worked to contain an oil spill off the coast.",
    "Police said the suspect grabbed a bag and fled.",
    "The Lakers won the game 102-98 on Sunday.",
    "Shadow chancellor Rachel Reeves spoke in Leeds on Monday.",
    "The train derailed near the border, injuring 14 passengers.",
    "Shares sank 4 percent after the results.",
])
def test_find_loaded_phrases_leaves_literal_physical_words(text: str) -> None:
    assert [h.text for h in find_loaded_phrases(text) if h.cued] == []


def test_find_loaded_phrases_leaves_nearly_all_literal_wire_sentences_alone() -> None:
    path = Path(__file__).parent / "data" / "literal_wire.txt"
    sentences = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    flagged = [s for s in sentences if any(h.cued for h in find_loaded_phrases(s))]
    assert len(sentences) == 40
    assert len(flagged) <= 6, flagged  # 3 at the start of 2026-11-29's eighth session, 28 with round 15's first fields


def test_find_loaded_phrases_empty_text() -> None:
    assert find_loaded_phrases("") == ()


@pytest.mark.parametrize("text", [
    "\ufeff“Shameless grifters!” she said — the regime’s thugs, again…",
    "Corrupt cronies looted the treasury, leaving a toxic mess.\r\nA firestorm of outrage followed 🔥.",
    "THE UTTERLY DISASTROUS PLAN (a reckless giveaway) failed; critics were furious.",
])
def test_find_loaded_phrases_offsets_slice_back_without_punctuation(text: str) -> None:
    hits = find_loaded_phrases(text)
    assert hits
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text
        assert hit.term == hit.text.lower()
        assert hit.text[0].isalpha() and hit.text[-1].isalpha()
        assert 0.0 < hit.confidence <= 1.0


def test_find_loaded_phrases_skips_excluded_spans() -> None:
    text = "Witnesses said the regime's thugs beat students."
    start = text.index("thugs")
    hits = find_loaded_phrases(text, exclude=[(start, start + len("thugs"))])
    assert not any(h.start < start + 5 and start < h.end for h in hits)


def test_find_loaded_phrases_threshold_one_finds_nothing() -> None:
    assert find_loaded_phrases("A firestorm of outrage and shameless grifters.", threshold=1.0) == ()


def test_find_loaded_phrases_confidence_matches_word_probabilities() -> None:
    text = "Shameless grifters and corrupt cronies looted the treasury."
    probabilities = dict((w, p) for w, p in word_probabilities(text) if p is not None)
    for hit in find_loaded_phrases(text):
        words = re.findall(r"[^\W\d_]+", hit.text)
        assert hit.confidence == pytest.approx(max(probabilities.get(w, 0.0) for w in words), abs=1e-3)


def test_find_loaded_phrases_categories_are_known() -> None:
    model = load_model()
    text = "Corrupt cronies looted the treasury; a firestorm of outrage followed the vile smears."
    for hit in find_loaded_phrases(text):
        assert hit.category in (*model.categories, OTHER_CATEGORY)


@pytest.mark.parametrize(("text", "phrase", "cued"), [
    ("Opponents unleashed a firestorm of outrage over the pension cuts.", "firestorm of outrage", True),
    # "froze" carries no cue of its own (no valence, field or related term): context alone
    ("The lake froze over in January.", "froze", False),
])
def test_find_loaded_phrases_says_whether_a_word_of_its_own_cues_the_phrase(text: str, phrase: str, cued: bool) -> None:
    assert [(h.text, h.cued) for h in find_loaded_phrases(text) if h.text == phrase] == [(phrase, cued)]


def test_model_sha256_is_hex() -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", model_sha256())


def test_model_has_no_word_identity_features() -> None:
    model = load_model()
    allowed = re.compile(r"(len\d+|f\d|v[np]\d|fv[np]\d|boost|suf_\w+|cap|allcaps|hyph|poss|sem_\w+|rel_\w+"
                         r"|[pn]_(w=.+|v[np]\d|boost|group|cap|sem|edge))")
    assert all(allowed.fullmatch(name) for name in model.weights), [n for n in model.weights if not allowed.fullmatch(n)]


# --- PTC metrics, against hand computation ------------------------------------------


def test_span_and_char_counts_by_hand() -> None:
    gold = [(0, 4), (10, 14)]
    predicted = [(0, 9)]
    assert span_counts(gold, predicted) == (1, 1, 1, 2)
    chars = char_counts(gold, predicted)
    assert (chars.tp, chars.fp, chars.fn) == (4, 5, 4)


def test_score_system_on_fake_articles(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "1.txt").write_bytes("\ufeffaaaa bbbb cccc dddd".encode())
    (tmp_path / "articles" / "2.txt").write_text("eeee ffff", encoding="utf-8")
    spans = [
        {"article": "1", "technique": "Loaded_Language", "start": 1, "end": 5, "text": "aaaa"},
        {"article": "1", "technique": "Name_Calling,Labeling", "start": 11, "end": 15, "text": "cccc"},
        {"article": "1", "technique": "Doubt", "start": 16, "end": 20, "text": "dddd"},
        {"article": "2", "technique": "Doubt", "start": 0, "end": 4, "text": "eeee"},
    ]
    (tmp_path / "spans.jsonl").write_text("".join(json.dumps(s) + "\n" for s in spans), encoding="utf-8")
    documents = load_ptc(tmp_path)
    assert [gold for _, gold in documents] == [[(1, 5), (11, 15)], []]
    assert documents[0][0][1:5] == "aaaa"  # the byte-order mark counts in the offsets
    predicted = {documents[0][0]: [(1, 10)], documents[1][0]: [(5, 9)]}
    score = score_system("fake", documents, lambda text: predicted[text])
    assert (score.span.precision, score.span_recall, score.span_f1) == (0.5, 0.5, 0.5)
    assert (score.char.tp, score.char.fp, score.char.fn) == (4, 9, 4)
    assert score.char.precision == pytest.approx(4 / 13)
    assert score.char.recall == pytest.approx(0.5)
    assert score.char.f1 == pytest.approx(8 / 21)




def test_scores_survive_a_memo_cleared_between_scoring_and_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # another thread may clear the shared memo at any moment; a call must still finish
    from framing.stages import loaded_model

    model = loaded_model.load_model()
    original = loaded_model._info

    def scoring_then_cleared(model_: loaded_model.LoadedModel, word: str) -> tuple[object, ...]:
        found = original(model_, word)
        model.memo.clear()
        return found

    text = "The regime's thuggish crackdown was a travesty. Zorblax quibbled."
    expected = loaded_model.find_loaded_phrases(text)
    model.memo.clear()
    monkeypatch.setattr(loaded_model, "_info", scoring_then_cleared)
    assert loaded_model.find_loaded_phrases(text) == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("the dangerous officials left", "dangerous", "dangerous officials"),  # an adjective names the noun after it
    ("looking away whenever Serbs are pushed", "looking away", None),  # a particle in -y is no adjective
    ("the so-called Black Sea deal", "so-called", None),  # a name is not part of the label
    ("they merely watched", "merely", None),  # an adverb modifies what follows
])
def test_noun_after(text: str, phrase: str, expected: str | None) -> None:
    start = text.index(phrase)
    end = noun_after(text, start, start + len(phrase), len(text))
    assert (text[start:end] if end is not None else None) == expected
