"""Text helpers shared by the stages: phrase matching, one interval index, word lists, shipped data."""
