"""Portrayal clause reading: subjects, objects, negation and verb cues read from word order."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import pytest

from framing.stages.portrayal_lexicon import Hit, find_hits, load_portrayal_lexicon, window_parts
from framing.stages.portrayal_syntax import (
    Sentence,
    cast_verb_cue,
    find_objects,
    find_subject,
    is_verbal,
    read_negation,
)

VERB_KINDS = ("harm", "help", "resist", "suffer")


def _sentence(text: str, names: list[str]) -> tuple[Sentence, list[Hit]]:
    """``text`` read as one sentence window whose mentions are the first occurrences of ``names``."""
    lexicon = load_portrayal_lexicon()
    parts = window_parts(text, 0, len(text))
    raw = parts[1::2]
    words = [word.lower() for word in raw]
    offsets = list(accumulate(map(len, parts), initial=0))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    owner = [-1] * len(words)
    mention_tokens: dict[int, tuple[int, int]] = {}
    for k, name in enumerate(names):
        start = text.index(name)
        first = last = bisect_right(ends, start)
        while last < len(words) and starts[last] < start + len(name):
            owner[last] = k
            last += 1
        mention_tokens[k] = (first, last)
    sentence = Sentence(text, words, raw, starts, ends, owner, [-1] * len(words), mention_tokens, 1.0, {},
                        lexicon.victim_heads)
    hits = find_hits(words, raw, lexicon)
    sentence.verb_tokens = {t for hit in hits if hit.entry.kind in VERB_KINDS and hit.entry.form != "noun"
                            for t in range(hit.first, hit.last)}
    return sentence, hits


@pytest.mark.parametrize(("text", "names", "verb", "subject", "objects"), [
    ("Russian forces shelled the school in Kharkiv.", ["Russian forces", "Kharkiv"], "shelled", "Russian forces", []),
    ("Police arrested Marsh and Doe.", ["Police", "Marsh", "Doe"], "arrested", "Police", ["Marsh", "Doe"]),
    ("Amnesty said soldiers killed Doe.", ["Amnesty", "soldiers", "Doe"], "killed", "soldiers", ["Doe"]),
    ("The troops of Russia shelled Kyiv.", ["Russia", "Kyiv"], "shelled", None, ["Kyiv"]),  # a modifier, no subject
])
def test_find_subject_and_objects(text: str, names: list[str], verb: str, subject: str | None,
                                  objects: list[str]) -> None:
    sentence, _ = _sentence(text, names)
    at = sentence.words.index(verb)
    found = find_subject(sentence, at)
    assert (names[found] if found >= 0 else None) == subject
    assert [names[k] for k in find_objects(sentence, at + 1)] == objects


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Russia shelled Kyiv.", "shelled", (None, 1.0)),
    ("Russia did not shell Kyiv.", "shell", ("negated", 1.0)),
    ("They didn't help.", "help", ("negated", 1.0)),
    ("Russia could shell Kyiv.", "shell", (None, 0.6)),  # hedged
    ("The UN failed to protect them.", "protect", ("failed", 1.0)),
    ("She was too timid to confront him.", "confront", ("failed", 1.0)),
    ("She, too, wanted to confront him.", "confront", (None, 1.0)),  # the "too" of "also"
    ("Nothing in it threatened Russia.", "threatened", ("nobody", 1.0)),
    ("The union should reopen the schools.", "reopen", ("urged", 1.0)),  # a deed asked for, not done
    ("The ministry must protect the children.", "protect", ("urged", 1.0)),
    ("The union should take the deal, reopen the schools.", "reopen", ("urged", 1.0)),  # one series
    ("The union took the deal, reopened the schools.", "reopened", (None, 1.0)),
])
def test_read_negation(text: str, verb: str, expected: tuple[str | None, float]) -> None:
    sentence, _ = _sentence(text, [])
    assert read_negation(sentence, sentence.words.index(verb)) == expected


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("They raid homes.", [], True),
    ("Russian forces raid homes.", ["Russian forces"], True),
    ("Russia shells Kyiv.", ["Russia"], True),
    ("Gangs who traffic people.", [], True),
    ("A police raid on the camp.", [], False),
    ("They switched to gas last winter.", [], False),
])
def test_is_verbal_noun_first_cues(text: str, names: list[str], expected: bool) -> None:
    sentence, hits = _sentence(text, names)
    assert [is_verbal(sentence, hit) for hit in hits if hit.entry.noun_first] == [expected]


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("Russian forces shelled Kyiv.", ["Russian forces", "Kyiv"],
     {"Russian forces": ("antagonist", "harm:shell"), "Kyiv": ("innocent", "harm:shell:patient")}),
    ("Kyiv was shelled by Russian forces.", ["Kyiv", "Russian forces"],
     {"Russian forces": ("antagonist", "harm:shell"), "Kyiv": ("innocent", "harm:shell:patient")}),
    ("Volunteers rescued Doe.", ["Volunteers", "Doe"],
     {"Volunteers": ("protagonist", "help:rescue"), "Doe": ("innocent", "help:rescue:patient")}),
    ("Russia did not shell Kyiv.", ["Russia", "Kyiv"], {"Russia": ("protagonist", "negated_harm:shell")}),
    ("The UN failed to protect Doe.", ["UN", "Doe"], {"UN": ("antagonist", "failed_help:protect")}),
])
def test_cast_verb_cue_agent_and_patients(text: str, names: list[str], expected: dict[str, tuple[str, str]]) -> None:
    sentence, hits = _sentence(text, names)
    for hit in hits:
        if hit.entry.kind in VERB_KINDS:
            cast_verb_cue(sentence, hit)
    cast: dict[str, tuple[str, str]] = {}
    for k, tally in sentence.tallies.items():
        role = max(tally.weights, key=tally.weights.__getitem__)
        cast[names[k]] = (role, tally.best[role][3])
    assert cast == expected
