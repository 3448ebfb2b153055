"""Frame evaluation on GVFC headlines: our policy frames, mapped to GVFC's gun-violence frames.

GVFC (Liu et al. 2019) codes each relevant headline with up to two of nine frames. Our
frames are the 15 Policy Frames Codebook dimensions, so a documented crosswalk maps them
(e.g. legality/constitutionality -> gun rights, policy prescription -> gun control).
A headline's prediction is the mapped label of its strongest frame; it is right when that
label is one of the headline's gold frames. Per frame we report precision and recall, and
overall the micro-averaged scores beside a majority-frame baseline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from framing.evaluate.datasets import GVFC_FRAMES, FrameExample
from framing.evaluate.metrics import PrecisionRecall
from framing.stages.frames import find_frame_cues, score_frames
from framing.stages.lexicon import compile_lexicons, match_terms
from framing.stages.lexicon_files import load_categories, resolve_lexicons
from framing.stages.readability import count_text

# Policy frame -> GVFC frame(s). Written from the two codebooks, not fitted to GVFC.
CROSSWALK: dict[str, tuple[str, ...]] = {
    "legality_constitutionality": ("gun_rights",),
    "fairness_equality": ("race_ethnicity",),
    "policy_prescription": ("gun_control",),
    "political": ("politics",),
    "health_safety": ("mental_health",),
    "crime_punishment": ("public_safety",),
    "security_defense": ("public_safety",),
    "public_opinion": ("public_opinion",),
    "cultural_identity": ("society_culture",),
    "morality": ("society_culture",),
    "quality_of_life": ("society_culture",),
    "economic": ("economic",),
    "capacity_resources": ("economic",),
    "external_regulation_reputation": (),
    "other": (),
}


def predict_frame(headline: str) -> str | None:
    """The GVFC label of the headline's strongest mapped policy frame (None without cues)."""
    compiled = compile_lexicons(resolve_lexicons())
    hits = match_terms(headline, compiled)
    cues = find_frame_cues(headline, [(0, len(headline))], hits, load_categories())
    for score in score_frames(cues, max(count_text(headline, 1).n_words, 1)):
        mapped = CROSSWALK.get(score.frame, ())
        if mapped:
            return mapped[0]
    return None


def evaluate_frames(examples: Sequence[FrameExample]) -> list[dict[str, Any]]:
    """Rows: one per GVFC frame (precision, recall, F1, support), then micro averages."""
    labelled = [e for e in examples if e.relevant and e.frames]
    predictions = [predict_frame(e.text) for e in labelled]
    majority = Counter(e.frames[0] for e in labelled).most_common(1)[0][0] if labelled else None
    rows: list[dict[str, Any]] = []
    for label in GVFC_FRAMES.values():
        counts = _counts(labelled, predictions, label)
        support = sum(label in e.frames for e in labelled)
        rows.append({"method": f"framing: {label}", "precision": round(counts.precision, 4),
                     "recall": round(counts.recall, 4), "f1": round(counts.f1, 4), "support": support})
    for name, predicted in (("framing (micro)", predictions), ("majority frame (micro)", [majority] * len(labelled))):
        counts = _micro(labelled, predicted)
        covered = sum(p is not None for p in predicted)
        rows.append({"method": name, "precision": round(counts.precision, 4), "recall": round(counts.recall, 4),
                     "f1": round(counts.f1, 4), "support": len(labelled), "coverage": round(covered / max(len(labelled), 1), 4)})
    return rows


def _counts(examples: Sequence[FrameExample], predictions: Sequence[str | None], label: str) -> PrecisionRecall:
    tp = sum(p == label and label in e.frames for e, p in zip(examples, predictions))
    fp = sum(p == label and label not in e.frames for e, p in zip(examples, predictions))
    fn = sum(p != label and label in e.frames for e, p in zip(examples, predictions))
    return PrecisionRecall(tp, fp, fn)


def _micro(examples: Sequence[FrameExample], predictions: Sequence[str | None]) -> PrecisionRecall:
    """One prediction per headline: right if among its gold frames; a missed headline is a false negative."""
    tp = sum(p is not None and p in e.frames for e, p in zip(examples, predictions))
    fp = sum(p is not None and p not in e.frames for e, p in zip(examples, predictions))
    fn = sum(p is None or p not in e.frames for e, p in zip(examples, predictions))
    return PrecisionRecall(tp, fp, fn)
