"""Attribution: whose words a phrase is, the author's or a speaker's, against a reader's labels.

``python -m framing.evaluate attribution FILE`` reads JSONL
``{"id", "text", "targets": [{"phrase", "speaker"}]}``: each phrase occurs once in its text and
``speaker`` names, as written in the text, who says it (null: the author's own words). The
report's quotations (direct, reported speech, labels) decide the predicted voice of a phrase:
the shortest quotation holding it that is not a scare quote, else the author. Loaded terms in a
speaker's voice are left out of loadedness, so the two errors that matter are a speaker's
words counted as the author's and the author's words given to someone else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.evaluate.harness import one_file_main, read_jsonl

AUTHOR = None  # the voice of a phrase in the author's own words
UNATTRIBUTED = "unattributed"  # someone's words, no speaker found
# A predicted voice: the speaker's offsets, UNATTRIBUTED, or AUTHOR.
Voice = tuple[int, int] | str | None


@dataclass(frozen=True, slots=True)
class Target:
    """One labelled phrase: its offsets, and the offsets of its speaker's name (None: the author)."""

    start: int
    end: int
    speaker: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class AttributionScore:
    """Counts of one system over a labelled file."""

    system: str
    n_targets: int
    voice_correct: int  # author vs speaker decided right
    speaker_words_as_author: int  # gold speaker, predicted author
    author_words_as_speaker: int  # gold author, predicted a quotation
    n_spoken: int  # gold targets in a speaker's voice
    speaker_found: int  # of those: predicted quotation whose speaker overlaps the gold speaker's name


def load_attribution(path: Path) -> list[tuple[str, list[Target]]]:
    """(text, targets) per line of a JSONL file.

    Raises:
        InputError: for a missing file, a malformed line, or a phrase or speaker not in its text.
    """
    return read_jsonl(path, _document, "{text, targets: [{phrase, speaker}]}")


def _document(record: dict[str, Any]) -> tuple[str, list[Target]]:
    text = record["text"]
    return text, [_target(text, item["phrase"], item["speaker"]) for item in record["targets"]]


def _target(text: str, phrase: str, speaker: str | None) -> Target:
    start = text.find(phrase)
    if start < 0 or not phrase:
        raise ValueError(f"phrase {phrase!r} is not in the text")
    if text.find(phrase, start + 1) >= 0:
        raise ValueError(f"phrase {phrase!r} occurs more than once in the text")
    end = start + len(phrase)
    if speaker is None:
        return Target(start, end, None)
    # the speaker's name nearest the phrase (a name may recur: "Kovacs said … Kovacs added")
    places, at = [], text.find(speaker)
    while at >= 0 and speaker:
        places.append(at)
        at = text.find(speaker, at + 1)
    if not places:
        raise ValueError(f"speaker {speaker!r} is not in the text")
    nearest = min(places, key=lambda i: abs(i - start))
    return Target(start, end, (nearest, nearest + len(speaker)))


def predicted_voices(text: str, targets: list[Target]) -> list[Voice]:
    """The report's voice for each target: its speaker's offsets, UNATTRIBUTED, or AUTHOR."""
    import framing

    report = framing.analyze(text, format="text")
    quotes = [q for paragraph in report.paragraphs for q in paragraph.quotes if q.kind != "scare"]
    voices: list[Voice] = []
    for target in targets:
        holding = [q for q in quotes if q.start <= target.start and target.end <= q.end]
        if not holding:
            voices.append(AUTHOR)
            continue
        inner = min(holding, key=lambda q: q.end - q.start)
        voices.append((inner.speaker.start, inner.speaker.end) if inner.speaker else UNATTRIBUTED)
    return voices


def quotation_marks_only(text: str, targets: list[Target]) -> list[Voice]:
    """Baseline: a phrase between quotation marks is someone's (unattributed), anything else the author's."""
    voices: list[Voice] = []
    for target in targets:
        before = text[:target.start]
        opened = sum(before.count(mark) for mark in "“«") - sum(before.count(mark) for mark in "”»")
        straight = before.count('"') % 2
        voices.append(UNATTRIBUTED if opened > 0 or straight else AUTHOR)
    return voices


def score(system: str, documents: list[tuple[str, list[Target]]],
          voices_of: Callable[[str, list[Target]], list[Voice]]) -> AttributionScore:
    """Count a system's right and wrong voices over labelled documents."""
    correct = as_author = as_speaker = spoken = found = 0
    n_targets = 0
    for text, targets in documents:
        for target, voice in zip(targets, voices_of(text, targets), strict=True):
            n_targets += 1
            if target.speaker is None:
                correct += voice is AUTHOR
                as_speaker += voice is not AUTHOR
                continue
            spoken += 1
            correct += voice is not AUTHOR
            as_author += voice is AUTHOR
            if isinstance(voice, tuple):
                found += voice[0] < target.speaker[1] and target.speaker[0] < voice[1]
    return AttributionScore(system, n_targets, correct, as_author, as_speaker, spoken, found)


def evaluate_attribution(path: Path) -> list[AttributionScore]:
    """Scores of the report and the quotation-marks baseline on one labelled file."""
    documents = load_attribution(path)
    return [score("quotation marks only", documents, quotation_marks_only),
            score("framing (quotes stage)", documents, predicted_voices)]


def render(scores: list[AttributionScore]) -> str:
    """A Markdown table of the scores."""
    lines = ["| system | targets | voice accuracy | speaker's words as author's | author's words as a speaker's "
             "| speaker found |", "|---|---:|---:|---:|---:|---:|"]
    for s in scores:
        authors = s.n_targets - s.n_spoken
        lines.append(
            f"| {s.system} | {s.n_targets} | {s.voice_correct / max(1, s.n_targets):.3f} "
            f"| {s.speaker_words_as_author}/{s.n_spoken} | {s.author_words_as_speaker}/{authors} "
            f"| {s.speaker_found}/{s.n_spoken} ({s.speaker_found / max(1, s.n_spoken):.3f}) |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the table; 1 on a bad file."""
    return one_file_main("attribution", argv, lambda path: render(evaluate_attribution(path)))


if __name__ == "__main__":
    raise SystemExit(main())
