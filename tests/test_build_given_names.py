"""tools/build_given_names.py: census rows become lower-case names with their share."""

from __future__ import annotations

from .conftest import load_tool

builder = load_tool("build_given_names")


def test_census_rows_become_lower_case_names_and_other_lines_are_skipped() -> None:
    text = "MARY           2.629  2.629      1\nDONNA          0.583 12.000     16\n\nbroken line\n"
    assert builder.read_census(text) == {"mary": 2.629, "donna": 0.583}


def test_each_name_keeps_its_larger_share_and_the_female_lists_part() -> None:
    merged = builder.merge_lists({"mary": 2.6, "jordan": 0.01}, {"jordan": 0.05, "tom": 0.1})
    assert merged == {"mary": (2.6, 1.0), "jordan": (0.05, 0.17), "tom": (0.1, 0.0)}
