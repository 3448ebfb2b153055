"""Readers for the labelled evaluation sets (formats as described in their PROVENANCE files)."""

from __future__ import annotations

import ast
import csv
import json
from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError

NEWSMTSC_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True, slots=True)
class TargetExample:
    """A sentence, one target span in it and the gold sentiment toward the target."""

    sentence: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class BiasExample:
    """A sentence, whether experts found it biased, and the words they marked."""

    text: str
    biased: bool
    biased_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FrameExample:
    """A headline and its gold frames (first and second theme; empty when none)."""

    text: str
    relevant: bool
    frames: tuple[str, ...]


def load_newsmtsc(path: str | Path) -> list[TargetExample]:
    """NewsMTSC JSON lines: one sentence with ``targets`` (``from``/``to`` offsets, polarity 2/4/6).

    Raises:
        InputError: for a missing file or a line that is not NewsMTSC JSON.
    """
    examples = []
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            sentence = row["sentence_normalized"]
            for target in row["targets"]:
                examples.append(TargetExample(sentence, int(target["from"]), int(target["to"]),
                                              NEWSMTSC_LABELS[float(target["polarity"])]))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: not a NewsMTSC line ({error})") from None
    return examples


def load_babe(path: str | Path) -> list[BiasExample]:
    """BABE CSV (``;``-separated): rows labelled Biased / Non-biased; "No agreement" is skipped."""
    examples = []
    reader = csv.DictReader(_read(path).splitlines(), delimiter=";")
    for number, row in enumerate(reader, start=2):
        label = (row.get("label_bias") or "").strip()
        if label not in ("Biased", "Non-biased"):
            continue
        try:
            words = ast.literal_eval(row.get("biased_words") or "[]")
        except (ValueError, SyntaxError):
            raise InputError(f"{path}:{number}: biased_words is not a list") from None
        examples.append(BiasExample(row["text"], label == "Biased", tuple(str(w) for w in words)))
    return examples


GVFC_FRAMES = {
    "1": "gun_rights", "2": "gun_control", "3": "politics", "4": "mental_health", "5": "public_safety",
    "6": "race_ethnicity", "7": "public_opinion", "8": "society_culture", "9": "economic",
}


def load_gvfc(path: str | Path) -> list[FrameExample]:
    """GVFC headlines CSV: relevance and up to two frame codes (99 = none)."""
    examples = []
    for row in csv.DictReader(_read(path).splitlines()):
        frames = tuple(GVFC_FRAMES[code] for code in (row.get("Q3_Theme1", ""), row.get("Q3_Theme2", ""))
                       if code in GVFC_FRAMES)
        examples.append(FrameExample(row["news_title"], row.get("Q1_Relevant") == "1", frames))
    return examples


def _read(path: str | Path) -> str:
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{file}: no such dataset file")
    return file.read_text(encoding="utf-8-sig")
