"""Sentence stage: the shortcut for spans Punkt cannot break gives Punkt's own spans."""

from __future__ import annotations

import pytest

from framing.stages.sentences import NEWS_ABBREVIATIONS, join_attributions, split_sentences

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
    # sure breaks settled without Punkt's tokens, and the look-alikes left to Punkt
    "They left. Nobody stayed! Why? Because.",
    "He said so.) Then \u201cno.\u201d Then (yes.) Done.",
    "Gen. Smith and Mr. Jones met no. 5 in St. Louis.",
    "J. Bach wrote it. 1995. The year. Then . . . nothing.",
    "The end. . . . And then. \u00abQuote.\u00bb More?! \"Yes!\" (No.) ok.\nNext line. next.",
    "Ends.\n\nNew paragraph? yes. A.B. test. co-op. Co. Ltd. went.",
]


def _punkt_spans(chunk: str) -> list[tuple[int, int]]:
    """Punkt's own spans, a lower-case attribution after "?" or "!" joined (``join_attributions``)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(NEWS_ABBREVIATIONS)
    return join_attributions(chunk, PunktSentenceTokenizer(parameters).span_tokenize(chunk))


@pytest.mark.parametrize("chunk", CASES)
def test_split_sentences_matches_punkt(chunk: str) -> None:
    text = "Before. " + chunk + " After."
    start = len("Before. ")
    found = split_sentences(text, start, start + len(chunk))
    assert [(s.start - start, s.end - start) for s in found] == _punkt_spans(chunk)
    assert all(s.text == text[s.start:s.end] for s in found)


def test_blank_span_has_no_sentences() -> None:
    assert split_sentences("   \n ") == ()


def test_sure_breaks_agree_with_punkt_on_random_text() -> None:
    import random

    pieces = list("aB. ?!\"')(:;,-\u2019\u201d\u201c \n\t.") + ["Mr", "U.S", "no", "J", "3", "..", "The", "said", "\u00ab"]
    chooser = random.Random(7)
    for _ in range(2000):
        chunk = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 30)))
        if not chunk.strip():
            continue
        found = split_sentences(chunk)
        assert [(s.start, s.end) for s in found] == _punkt_spans(chunk), chunk


def test_word_then_word_contexts_split_as_punkt_splits() -> None:
    """A "W. N" context ("Mr. Kane", "2015.\nThe", "J. Bach") is decided without Punkt's tokens, as Punkt decides it."""
    import itertools

    words = ["Mr", "mr", "U.S", "u.s", "no", "No", "v", "J", "j", "x", "3", "2015", "3.5", "1.000", "0.5.1", "A.B",
             "said", "Kane", "in", "co", "St", "p.m", "11pm", "B2", "x1"]
    gaps = [" ", "  ", "\n", " \n\t", "\n\n"]
    following = ["Kane", "kane", "5", "Kane's", "Kane\u2019s,", "national-security", "officials,", "Smith.", "Jones:",
                 "the", "The", "A", "a", "U", "X2", "x-ray", "e"]
    for word, gap, after in itertools.product(words, gaps, following):
        chunk = f"It was {word}.{gap}{after} then."
        assert [(s.start, s.end) for s in split_sentences(chunk)] == _punkt_spans(chunk), chunk


_FRESH_PROCESS = """
import sys
import framing
from framing.stages.sentences import split_sentences
spans = [(s.start, s.end) for s in split_sentences("Mr. Smith left. Then Gen. Jones came.")]
heavy = sorted(name for name in ("nltk", "sklearn", "scipy", "pandas", "textstat") if name in sys.modules)
report = framing.analyze("Title\\n\\nThe mayor said the plan was reckless. Critics agreed.")
heavy_after_report = sorted(name for name in ("nltk", "sklearn", "scipy", "pandas", "textstat") if name in sys.modules)
import nltk  # the user's own import afterwards: NLTK in full, its package __init__ run
print(spans, heavy, heavy_after_report, hasattr(nltk, "word_tokenize"), hasattr(nltk, "probability"))
"""


def test_a_fresh_process_splits_without_importing_all_of_nltk() -> None:
    """Punkt is imported without nltk's package ``__init__`` (seconds of scikit-learn, SciPy and
    pandas), and a later ``import nltk`` still gets the whole package."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _FRESH_PROCESS], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.split() == "[(0, 15), (16, 37)] [] [] True True".split()


_WITH_A_THREAD = """
import sys, threading
stop = threading.Event()
threading.Thread(target=stop.wait, daemon=True).start()
from framing.stages.sentences import split_sentences
spans = [(s.start, s.end) for s in split_sentences("Mr. Smith left. Then Gen. Jones came.")]
stop.set()
print(spans, "nltk" in sys.modules)
"""


def test_with_other_threads_running_nltk_is_imported_the_plain_way() -> None:
    """Another thread could import nltk while the unrun packages stand in sys.modules: the short way is skipped."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _WITH_A_THREAD], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.split() == "[(0, 15), (16, 37)] True".split()


@pytest.mark.parametrize(("text", "expected"), [
    ('Farmers gathered early. "What will we eat?" she said. They left.',
     ["Farmers gathered early.", '"What will we eat?" she said.', "They left."]),
    ('"We will never back down!" said Sharon Graham.', ['"We will never back down!" said Sharon Graham.']),
    ("'Why now?' he asked.", ["'Why now?' he asked."]),
    # a capital, an "iPhone" or a new line after the mark starts a new sentence
    ("Why now? Sales fell.", ["Why now?", "Sales fell."]),
    ("Why now? iPhone sales fell.", ["Why now?", "iPhone sales fell."]),
])
def test_question_or_exclamation_then_lower_case_is_one_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
