"""Frame stage: cue lexicon, rates that do not grow with length, dominant frames, profile."""

from __future__ import annotations

import pytest

import framing
from framing.model import FrameCue, dominant, profile
from framing.stages.frames import FRAMES, find_frame_cues, frame_lexicons, score_frames
from framing.stages.lexicon_files import load_categories, load_lexicon


def test_frame_lexicon_covers_every_frame_but_other() -> None:
    lexicon = load_lexicon("frames/policy_frames")
    assert set(lexicon.categories) == set(FRAMES) - {"other"}
    assert len(lexicon.entries) >= 840


@pytest.mark.parametrize(("text", "frame"), [
    ("The tariffs will cost jobs and raise taxes for the middle class.", "economic"),
    ("Missiles and troops were deployed to deter an attack.", "security_defense"),
    ("The Supreme Court ruled the law unconstitutional.", "legality_constitutionality"),
    ("A new poll shows voters oppose the plan.", "public_opinion"),
])
def test_find_frame_cues(text: str, frame: str) -> None:
    cues = find_frame_cues(text, [(0, len(text))], [], load_categories())
    assert frame in {cue.frame for cue in cues}
    assert all(text[c.start:c.end] == c.text for c in cues)


def test_rate_does_not_grow_with_length() -> None:
    cue = FrameCue(0, 3, "tax", "economic", 1.0, "cue")
    short = score_frames([cue] * 2, 20)
    long = score_frames([cue] * 20, 200)
    assert short[0].rate == long[0].rate == 10.0


def test_dominant_and_profile() -> None:
    cues = [FrameCue(0, 1, "a", "economic", 2.0, "cue"), FrameCue(2, 3, "b", "political", 1.0, "cue"),
            FrameCue(4, 5, "c", "morality", 0.5, "cue")]
    scores = score_frames(cues, 100)
    assert dominant(scores) == ("economic", "political")
    assert profile(scores) == pytest.approx({"economic": 2 / 3.5, "political": 1 / 3.5, "morality": 0.5 / 3.5}, abs=1e-4)
    assert profile(()) == {}


def test_loaded_terms_count_toward_their_crosswalk_frame() -> None:
    report = framing.analyze("Lead text.\n\nThe shameful betrayal of our values outraged everyone.")
    frames = {f.frame for p in report.paragraphs for f in p.frames}
    assert "morality" in frames


def test_seed_missile_section_is_security_and_defense(seed_report: framing.Report) -> None:
    section = next(s for s in seed_report.to_dict()["sections"] if s["heading"] == "U.S.-Russia Missile Dynamics")
    assert "security_defense" in section["dominant_frames"]


def test_frame_lexicon_hash_is_recorded(seed_report: framing.Report) -> None:
    assert frame_lexicons().hashes.items() <= seed_report.lexicons.items()


def test_samples_differ_in_frames(sample_reports: dict[str, framing.Report]) -> None:
    opinion = sample_reports["summit_opinion.txt"].to_dict()["frame_profile"]
    wire = sample_reports["summit_wire.txt"].to_dict()["frame_profile"]
    # the column argues morality and crime; the wire report sticks to the economics of shipping
    assert opinion.get("morality", 0) + opinion.get("crime_punishment", 0) > wire.get("morality", 0) + wire.get("crime_punishment", 0)
    assert wire.get("economic", 0) > opinion.get("economic", 0)
