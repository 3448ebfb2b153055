"""Sentence stage: the shortcut for spans Punkt cannot break gives Punkt's own spans."""

from __future__ import annotations

import pytest

from framing.stages.sentences import NEWS_ABBREVIATIONS, split_sentences

CASES = [
    "A heading without a full stop",
    "One sentence that ends here.",
    "  Leading spaces and trailing ones.  \n",
    "A question?",
    "Two sentences. Here is the second.",
    "Mr. Smith met Gen. Jones in the U.S. on Monday.",
    "It rose 3.5% in May!",
    "He said \"no.\" Then he left.",
    "Wait... what?",
    "Trailing marks?!  ",
    "Ends with a quote.\"",
    "x",
]


def _punkt_spans(chunk: str) -> list[tuple[int, int]]:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(NEWS_ABBREVIATIONS)
    return list(PunktSentenceTokenizer(parameters).span_tokenize(chunk))


@pytest.mark.parametrize("chunk", CASES)
def test_split_sentences_matches_punkt(chunk: str) -> None:
    text = "Before. " + chunk + " After."
    start = len("Before. ")
    found = split_sentences(text, start, start + len(chunk))
    assert [(s.start - start, s.end - start) for s in found] == _punkt_spans(chunk)
    assert all(s.text == text[s.start:s.end] for s in found)


def test_blank_span_has_no_sentences() -> None:
    assert split_sentences("   \n ") == ()
