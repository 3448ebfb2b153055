"""Sentiment toward a target: clause scope, loaded-term valence, negation, attribution."""

from __future__ import annotations

import pytest

import framing
from framing.text.valence import paragraph_polarity


def toward(text: str, target: str, voice: str = "author", method: str = "auto") -> framing.TargetSentiment:
    start = text.index(target)
    return framing.sentiment_toward(text, start, start + len(target), voice=voice, method=method)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["auto", "rules"])
@pytest.mark.parametrize(("text", "target", "label"), [
    ("Trump's corrupt, incompetent and reckless envoy failed again.", "Trump", "negative"),
    ("The brave and wise mediator Erdogan won praise from everyone.", "Erdogan", "positive"),
    ("Lavrov spoke to reporters in Moscow on Tuesday.", "Lavrov", "neutral"),
    ("Trump ran a protection racket.", "Trump", "negative"),
])
def test_sentiment_toward_labels(text: str, target: str, label: str, method: str) -> None:
    assert toward(text, target, method=method).label == label


def test_model_is_the_default_and_explains_itself() -> None:
    result = toward("Trump ran a protection racket.", "Trump")
    assert result.method == "model"
    assert "cat:crime_metaphor" in result.features or "lex_valence" in result.features
    assert toward("Trump ran a protection racket.", "Trump", method="rules").method == "rules"


def test_rules_score_only_the_targets_clause() -> None:
    text = "Zelensky was praised warmly, but Putin was condemned as a brutal liar."
    assert toward(text, "Zelensky", method="rules").score > 0 > toward(text, "Putin", method="rules").score


@pytest.mark.parametrize("method", ["auto", "rules"])
def test_negation_raises_the_score(method: str) -> None:
    assert toward("Macron is not a liar.", "Macron", method=method).score > toward(
        "Macron is a liar.", "Macron", method=method).score


def test_quoted_words_belong_to_the_speaker() -> None:
    text = 'Scholz said: "Orban is a corrupt and dishonest liar."'
    author = toward(text, "Orban")
    assert author.speaker == "Scholz"
    assert author.score < 0  # the speaker's stance is scored, and attributed
    outside = 'Orban met Scholz, who later said "that was a disgraceful, shameful meeting".'
    assert toward(outside, "Orban", method="rules").score == 0.0
    assert toward(outside, "Orban").label == "neutral"
    assert toward(outside, "Orban", voice="any").score < toward(outside, "Orban").score


def test_evidence_points_at_words() -> None:
    text = "Critics called Johnson a reckless liar."
    result = toward(text, "Johnson")
    assert result.evidence is not None
    assert text[result.evidence.start:result.evidence.end] == result.evidence.text
    assert "reckless" in result.evidence.text or "liar" in result.evidence.text


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (0, 999), (5, 2)])
def test_bad_target_spans_are_input_errors(start: int, end: int) -> None:
    with pytest.raises(framing.InputError):
        framing.sentiment_toward("Moscow agreed.", start, end)


def test_paragraph_polarity_is_vader() -> None:
    polarity = paragraph_polarity("This is a wonderful, happy day.")
    assert polarity.compound > 0.5 and polarity.pos > polarity.neg


@pytest.mark.parametrize("text", [
    'Putin said "the sanctions are a "brutal" crime" and left. Biden said "good" twice, "bad" once.',
    '"Fine," he said. Kyiv replied: "The shelling, "cruel" and "reckless", must stop." Nobody "agreed".',
    "No quotations here at all, just a plain and quiet sentence.",
])
def test_token_quotations_are_the_innermost_around_each_word(text: str) -> None:
    """A scope's words carry ``quote_index.at`` of their start (looked up once between quotation bounds)."""
    from framing.stages.sentiment import build_context

    context = build_context(text)
    for low, high in [(0, len(text)), *((s.start, s.end) for s in context.sentences)]:
        tokens, _ = context.tokens(low, high)
        assert tokens
        assert [token.quote for token in tokens] == [context.quote_index.at(token.start) for token in tokens]


def test_span_index_at_and_overlaps_match_a_scan_of_nested_spans() -> None:
    # the reach shortcut and the first-candidate answer give what a scan of the spans gives
    import random
    from typing import NamedTuple

    from framing.text.spans import SpanIndex

    class Span(NamedTuple):
        start: int
        end: int

    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(0, 8)):
            start = rng.randrange(0, 60)
            spans.append(Span(start, start + rng.randrange(1, 25)))
        index = SpanIndex(spans)
        ordered = sorted(spans, key=lambda span: (span.start, -span.end))
        for offset in range(-2, 90):
            holding = [span for span in ordered if span.start <= offset < span.end]
            assert index.at(offset) is (holding[-1] if holding else None)
        for start in range(-2, 90, 3):
            for end in range(start + 1, start + 12):
                expected = any(span.start < end and start < span.end for span in spans)
                assert index.overlaps(start, end) is expected, (spans, start, end)


def test_token_table_offsets_match_the_word_pattern() -> None:
    # words and offsets from the capturing split equal the word pattern's matches in the scope (a word cut
    # by the scope's start counts from there)
    import re

    from framing.stages.sentiment import build_context

    text = "“It’s over,” she said — don't_stop the U.S.-led 2024 plan; naïve élan!  end"
    context = build_context(text)
    for low, high in ((0, len(text)), (3, 40), (5, len(text) - 2)):
        tokens, _ = context.tokens(low, high)
        expected = [m.span() for m in re.compile(r"[^\W_]+(?:['’][^\W_]+)*").finditer(text, low, high)]
        assert [(token.start, token.end) for token in tokens] == expected


@pytest.mark.parametrize("voice", ["author", "any"])
def test_rule_score_equals_rounded_rule_sentiment(voice: str) -> None:
    # the model's rule feature (scores only, known target position or not) is the rules' score
    from framing.context import first_token_ending_after
    from framing.stages.rule_sentiment import rule_score, rule_sentiment
    from framing.stages.sentiment import build_context

    text = ('Critics said the corrupt regime "brutally crushed" the brave protesters, but Lavrov praised '
            "the not very good deal; Moscow slammed Kyiv. Nobody spoke.")
    context = build_context(text)
    for target in ("regime", "protesters", "Lavrov", "Moscow", "Kyiv", "Nobody"):
        start = text.index(target)
        end = start + len(target)
        quote = context.quote_index.at(start)
        expected = rule_sentiment(context, start, end, voice, None, quote).score  # type: ignore[arg-type]
        low, high, _, _ = context.clause(start, end)
        tokens, starts = context.tokens(low, high)
        position = first_token_ending_after(tokens, starts, start)
        assert rule_score(context, start, end, voice, quote) == expected  # type: ignore[arg-type]
        assert rule_score(context, start, end, voice, quote, position) == expected  # type: ignore[arg-type]


def test_polarity_of_gives_vader_polarity_in_every_text() -> None:
    # the same sentence in two texts, and a span long enough to be scored in pieces
    from framing.stages.sentiment import build_context

    sentence = "The brutal crackdown shocked everyone, but the talks were a great success."
    for text in (sentence, "Intro line here. " + sentence, sentence + " " + "Calm words follow. " * 120):
        context = build_context(text)
        start = text.index(sentence)
        for low, high in ((start, start + len(sentence)), (0, len(text))):
            assert context.polarity_of(low, high) == paragraph_polarity(text[low:high])


def test_clause_bounds_follow_the_scope_wherever_it_stands() -> None:
    # the same sentence elsewhere in a text gets the same bounds, shifted
    from framing.stages.sentiment import build_context

    sentence = "Moscow praised the deal, but Kyiv (still wary) rejected it; talks -- stalled -- resume."
    bounds = []
    for prefix in ("", "A calm opening sentence here. ", "Another, longer opening sentence; with breaks. "):
        text = prefix + sentence
        context = build_context(text)
        offset = len(prefix)
        relative = []
        for target in ("Moscow", "Kyiv", "talks"):
            start = text.index(target, offset)
            low, high, clause_start, clause_end = context.clause(start, start + len(target))
            relative.append((low - offset, high - offset, clause_start - offset, clause_end - offset))
        bounds.append(relative)
    assert bounds[0] == bounds[1] == bounds[2]
    assert bounds[0][1][2:] == (sentence.index("Kyiv"), sentence.index(" ("))
