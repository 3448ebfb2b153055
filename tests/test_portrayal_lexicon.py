"""Portrayal lexicons: loading and parsing the TSV files, tokenising a window and matching cues in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.stages.portrayal import cast_mentions
from framing.stages.portrayal_lexicon import (
    count_cues,
    find_hits,
    load_portrayal_lexicon,
    parse_portrayal_rows,
    window_parts,
)

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons" / "portrayal"
VERB_HEADER = "lemma\tweight\tarchetype\tpatient\tflags\tforms\tnouns\tnote\n"


def test_shipped_lexicons_load() -> None:
    lexicon = load_portrayal_lexicon()
    assert lexicon.n_entries > 2_000
    assert {"shelled", "evicted", "eviction", "rescued", "liar"} <= set(lexicon.groups)


@pytest.mark.parametrize(("filename", "row", "message"), [
    ("harm_verbs.tsv", "shell\tlots\tinstigator\t\t\t\t\t", "weight"),
    ("harm_verbs.tsv", "shell\t1.0\twizard\t\t\t\t\t", "archetype"),
    ("harm_verbs.tsv", "shell\t1.0", "expected 8 tab-separated fields"),
    ("descriptors.tsv", "brave\tverb\tprotagonist\tguardian\t1.0\t\t", "pos must be"),
    ("evaluative_frames.tsv", "is right to\tprotagonist\tvirtuous\t1.0\tsideways\t", "applies must be"),
    ("suffer_predicates.tsv", "flee\t1.0\tvictim\tq\t\t", "unknown flag"),
])
def test_malformed_row_names_file_and_line(tmp_path: Path, filename: str, row: str, message: str) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    path = folder / filename
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{filename}:{len(lines)}: .*{message}"):
        cast_mentions("Russian forces shelled it.", [(0, 26)], [(0, 14)], lexicon_dir=folder)


def test_missing_header_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    (folder / "resist_verbs.tsv").write_text("# only a comment\nresist\t1.0\trebel\t\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"resist_verbs.tsv:2: expected the header"):
        cast_mentions("x", [], [], lexicon_dir=folder)


@pytest.mark.parametrize(("row", "expected"), [
    ("try\t1.0\t\t\t\t\t\t", [("try", "base"), ("tries", "base"), ("tried", "ed"), ("trying", "ing")]),
    ("stop\t1.0\t\t\td\t\t\t", [("stop", "base"), ("stops", "base"), ("stopped", "ed"), ("stopping", "ing")]),
    ("stand up to\t1.0\t\t\tx\tstood\t\t", [("stand up to", "base"), ("stood up to", "ed")]),
    ("raid\t1.0\t\t\tox\t\traid\t", [("raid", "noun"), ("raids", "noun")]),
    # "o" leaves out the lemma itself, also among the generated forms (the adjective "free")
    ("free\t1.0\t\t\to\t\t\t", [("frees", "base"), ("freed", "ed"), ("freeing", "ing")]),
])
def test_parse_portrayal_rows_inflects_verbs(row: str, expected: list[tuple[str, str]]) -> None:
    entries = parse_portrayal_rows("harm", VERB_HEADER + row + "\n", "harm_verbs.tsv")
    assert [(" ".join(entry.pattern), entry.form) for entry in entries] == expected


def test_flag_p_marks_every_form_and_noun_as_needing_a_patient() -> None:
    entries = parse_portrayal_rows("harm", VERB_HEADER + "ban\t0.5\ttyrant\t\tdp\t\tban\t\n", "harm_verbs.tsv")
    assert entries and all(entry.needs_patient for entry in entries)
    assert not any(entry.needs_patient for entry in parse_portrayal_rows("harm", VERB_HEADER + "rob\t1.0\t\t\td\t\t\t\n", "h.tsv"))


def test_parse_portrayal_rows_wants_an_entry() -> None:
    with pytest.raises(LexiconError, match=r"x.tsv: no entries"):
        parse_portrayal_rows("harm", VERB_HEADER, "x.tsv")


@pytest.mark.parametrize(("text", "low", "expected"), [
    ("Russia’s forces shelled it, didn't they?", 0,
     ["Russia", "’s", "forces", "shelled", "it", ",", "didn't", "they", "?"]),
    ("Soldiers' raids", 0, ["Soldiers", "'", "raids"]),
    ("the army's tanks", 9, ["tanks"]),  # a window that opens inside "'s": its "s" is no token of its own
])
def test_window_parts_alternate_gaps_and_tokens(text: str, low: int, expected: list[str]) -> None:
    parts = window_parts(text, low, len(text))
    assert parts[1::2] == expected
    assert "".join(parts) == text[low:]


@pytest.mark.parametrize(("text", "expected", "counts"), [
    ("Russian forces shelled the school.", [("harm", "shell", "shelled")], (1, 0, 0)),
    ("They stood up to the regime.", [("resist", "stand up to", "stood up to"), ("descriptor", "regime", "regime")],
     (0, 1, 0)),
    ("Troops pulled aid workers from the convoy.",  # a wildcard, and a cue inside it
     [("help", "pull * from", "pulled aid workers from"), ("descriptor", "aid worker", "aid workers")], (0, 1, 0)),
    ("Residents are fed up.", [("descriptor", "resident", "Residents")], (0, 0, 0)),  # "fed up" is no feeding
])
def test_find_hits_longest_match_per_kind(text: str, expected: list[tuple[str, str, str]],
                                          counts: tuple[int, int, int]) -> None:
    raw = window_parts(text, 0, len(text))[1::2]
    hits = find_hits([word.lower() for word in raw], raw, load_portrayal_lexicon())
    assert [(hit.entry.kind, hit.entry.term, " ".join(raw[hit.first:hit.last])) for hit in hits] == expected
    assert count_cues(hits) == counts
