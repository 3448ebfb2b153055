"""Shared word lists: quotation marks and the plural test that several stages read."""

from __future__ import annotations

import pytest

from framing.text.wordlists import QUOTE_CLOSERS, QUOTE_OPENERS, QUOTE_PAIRS, STRAIGHT_SINGLE, looks_plural


@pytest.mark.parametrize(("word", "expected"), [
    ("forces", True), ("police", True), ("people", True), ("purists", True), ("wavers", True),
    ("witness", False), ("bonus", False), ("analysis", False), ("politics", False), ("army", False),
    ("government", False),
])
def test_looks_plural(word: str, expected: bool) -> None:
    assert looks_plural(word) is expected


def test_every_pair_opens_and_closes() -> None:
    assert set(QUOTE_PAIRS) <= QUOTE_OPENERS
    assert set(QUOTE_PAIRS.values()) <= QUOTE_CLOSERS
    assert STRAIGHT_SINGLE in QUOTE_OPENERS and STRAIGHT_SINGLE in QUOTE_CLOSERS
    assert "»" in QUOTE_OPENERS and "«" in QUOTE_CLOSERS  # guillemets point either way
