"""Date and time lines as pages write them."""

from __future__ import annotations

import pytest

from framing.ingest.dates import match_date_line


@pytest.mark.parametrize(("line", "iso"), [
    ("Fri 07 Nov 2025", "2025-11-07"),
    ("Friday, 7 November 2025", "2025-11-07"),
    ("November 7, 2025", "2025-11-07"),
    ("Nov. 4, 2025", "2025-11-04"),
    ("October 27, 2025, 12:21 PM", "2025-10-27"),
    ("2025-10-14 09:30", "2025-10-14"),
    ("2025-10-14T09:30:00Z", "2025-10-14"),
    ("07.11.2025", "2025-11-07"),
    ("13/10/2025", "2025-10-13"),
    ("10/13/2025", "2025-10-13"),
    ("05/06/2025", None),
    ("Published: 3rd March 2024", "2024-03-03"),
    ("Updated 12 Jan 2026 14:05 GMT", "2026-01-12"),
    ("31 February 2025", None),
])
def test_date_lines(line: str, iso: str | None) -> None:
    found = match_date_line(line)
    assert found is not None and found.has_date
    assert found.iso == iso


@pytest.mark.parametrize("line", ["12:21 PM", "09:30", "7.15 p.m."])
def test_time_only_lines(line: str) -> None:
    found = match_date_line(line)
    assert found is not None and not found.has_date and found.iso is None


@pytest.mark.parametrize("line", [
    "", "Collapse of the Deal", "In 2025 the talks failed.", "Felix Abt", "Nov 2025 was cold and wet in Kyiv",
    "7 November 2025 was the day the talks ended in failure",
])
def test_not_date_lines(line: str) -> None:
    assert match_date_line(line) is None
