"""tools/train_loaded_model.py: the hand-written training files parse, and bad markup is named by file and line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import load_tool

trainer = load_tool("train_loaded_model")
TOOL_DATA = Path(__file__).resolve().parent.parent / "tools" / "data"


Writer = Callable[[str], Path]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    def _write(body: str) -> Path:
        path = tmp_path / "loaded_training_x.txt"
        path.write_text(body, encoding="utf-8")
        return path

    return _write


def test_marks_become_offsets_into_the_clean_sentence(write: Writer) -> None:
    path = write("# a comment\n\nThe board {{gutted}} the {{pension scheme's}} reserves.\nThe ferry sank.\n")
    sentences = trainer.read_hand(path)
    assert [text for text, _ in sentences] == ["The board gutted the pension scheme's reserves.", "The ferry sank."]
    text, spans = sentences[0]
    assert [text[s:e] for s, e in spans] == ["gutted", "pension scheme's"]
    assert sentences[1][1] == []


@pytest.mark.parametrize(
    "line",
    [
        "The board {{gutted the scheme.",  # unclosed
        "The board gutted}} the scheme.",  # closed only
        "The {{board {{gutted}} the}} scheme.",  # nested
        "The board {{ gutted}} the scheme.",  # space at the edge
        "The board {{}} the scheme.",  # empty
    ],
)
def test_bad_markup_names_file_and_line(write: Writer, line: str) -> None:
    path = write(f"The ferry sank.\n{line}\n")
    with pytest.raises(ValueError, match=rf"{re.escape(path.name)}:2:"):
        trainer.read_hand(path)


@pytest.mark.parametrize("path", trainer.HAND_FILES, ids=lambda p: p.name)
def test_shipped_training_files_parse_with_both_labels(path: Path) -> None:
    sentences = trainer.read_hand(path)
    marked = sum(1 for _, spans in sentences if spans)
    assert len(sentences) >= 200
    assert 0.3 * len(sentences) < marked < 0.9 * len(sentences)  # loaded sentences and plain contrast sentences


def test_held_back_sentences_are_not_read() -> None:
    held_back = sorted((TOOL_DATA / "held_back").glob("loaded_training_*.txt"))
    assert held_back  # the folder holds sentences, so the check below means something
    assert not set(held_back) & set(trainer.HAND_FILES)
    assert trainer.HAND_FILES[0].name == "loaded_training.txt"
