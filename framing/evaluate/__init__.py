"""Evaluation harness: measure framing on labelled data (see python -m framing.evaluate)."""
