"""Frame stage: spans -> Policy Frames Codebook dimensions, as cue rates that keep their cues.

Cues come from ``lexicons/frames/policy_frames.tsv`` (Boydstun et al. 2014; the 15
dimensions of the Media Frames Corpus, Card et al. 2015) and from loaded terms whose
category the crosswalk (``lexicons/categories.tsv``) ties to a frame. A frame's score in
a paragraph is the weight of its cues per 100 words, a rate that grows with the density of
cues and not with the length of the text; a section's and the document's scores are the
same rate over their words, and the document profile is each frame's share of all cue weight.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from operator import attrgetter

from framing.model import FrameCue, FrameScore, TermHit
from framing.stages.lexicon import (
    CompiledLexicons,
    compile_lexicons,
    compound_weight,
    joins_compound,
    match_terms,
)
from framing.stages.lexicon_files import CategoryInfo, load_lexicon
from framing.text.matching import FoldedSpan

FRAMES: tuple[str, ...] = (
    "economic", "capacity_resources", "morality", "fairness_equality", "legality_constitutionality",
    "policy_prescription", "crime_punishment", "security_defense", "health_safety", "quality_of_life",
    "cultural_identity", "public_opinion", "political", "external_regulation_reputation", "other",
)
FRAME_LEXICON = "frames/policy_frames"
# A loaded term signals its crosswalk frame less surely than a frame cue does.
LOADED_TERM_FRAME_WEIGHT = 0.5
# How many frames a section reports as dominant.


@cache
def frame_lexicons() -> CompiledLexicons:
    """The frame-cue lexicon compiled into its own automaton (once per process)."""
    return compile_lexicons((load_lexicon(FRAME_LEXICON),))


def find_frame_cues(text: str, spans: Iterable[tuple[int, int]], loaded_terms: Sequence[TermHit],
                    categories: dict[str, CategoryInfo], *,
                    folded: Mapping[tuple[int, int], FoldedSpan] | None = None) -> tuple[FrameCue, ...]:
    """Frame cues inside the spans, plus loaded terms whose category has a frame.

    ``folded`` holds spans already folded for matching, by (start, end).
    """
    compiled = frame_lexicons()
    cues: list[FrameCue] = []
    for start, end in spans:
        span = folded.get((start, end)) if folded else None
        cues.extend(_cue_words(text, compiled, span or FoldedSpan(text, start, end)))
    for hit in loaded_terms:
        info = categories.get(hit.category)
        if info is not None and info.frame is not None and hit.is_author_voice:
            cues.append(FrameCue(hit.start, hit.end, hit.text, info.frame, LOADED_TERM_FRAME_WEIGHT, "loaded_term"))
    cues.sort(key=lambda cue: (cue.start, cue.end, cue.frame))
    return tuple(cues)


def _cue_words(text: str, compiled: CompiledLexicons, span: FoldedSpan) -> list[FrameCue]:
    """The cues ``match_terms`` finds in a span, made from the cue lexicon's matches at once (no TermHit first).

    As ``merge_compounds`` joins two terms (by the same two rules of the lexicon stage), two cues of
    one frame with just a space between are one cue. A cue lexicon with idioms (a gap in a
    term) is searched by ``match_terms`` itself.
    """
    if len(compiled.idiom_heads):
        return [FrameCue(hit.start, hit.end, hit.text, hit.category, hit.weight, "cue")
                for hit in match_terms(text, compiled, folded=span)]
    cues: list[FrameCue] = []
    for found in compiled.index.find_folded(span):  # in order of start, then end
        entry = found.payload[0]
        previous = cues[-1] if cues else None
        if previous is not None and previous.frame == entry.category and joins_compound(text, previous.end, found.start):
            cues[-1] = FrameCue(previous.start, found.end, text[previous.start:found.end], entry.category,
                                compound_weight(previous.weight, entry.weight), "cue")
        else:
            cues.append(FrameCue(found.start, found.end, text[found.start:found.end], entry.category, entry.weight,
                                 "cue"))
    return cues


def score_frames(cues: Iterable[FrameCue], n_words: int) -> tuple[FrameScore, ...]:
    """Per frame: cue weight per 100 words; strongest first, frames without cues left out."""
    grouped: dict[str, list[FrameCue]] = {}
    for cue in cues:
        grouped.setdefault(cue.frame, []).append(cue)
    scores = []
    for frame, found in grouped.items():
        weight = sum(map(_WEIGHT, found))  # left to right from 0, as a generator sum adds
        rate = 100.0 * weight / n_words if n_words > 0 else 0.0
        scores.append(FrameScore(frame, round(rate, 3), round(weight, 3), tuple(found)))
    if len(scores) > 1:
        scores.sort(key=lambda score: (-score.weight, _FRAME_ORDER.get(score.frame, 99)))
    return tuple(scores)


_WEIGHT = attrgetter("weight")
# Each frame's place in ``FRAMES`` (ties between equal weights keep the codebook's order).
_FRAME_ORDER = {frame: index for index, frame in enumerate(FRAMES)}


