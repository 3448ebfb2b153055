"""Evaluation harness: measure framing on labelled data (``python -m framing.evaluate``).

Datasets: ``newsmtsc`` (target sentiment), ``babe`` (biased words and sentences),
``gvfc`` (frames in gun-violence headlines). Each prints a table with the baselines beside
framing and can write the numbers as JSON.
"""

from __future__ import annotations

from framing.evaluate.harness import DATASETS, render_table, run

__all__ = ["DATASETS", "render_table", "run"]
