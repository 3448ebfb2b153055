"""Datelines found by their shape: the place, its date or credit, then a dash or a colon."""

from __future__ import annotations

import pytest

from framing.text.datelines import dateline_at


@pytest.mark.parametrize(("text", "dateline"), [
    ("ISTANBUL, Oct 14 - Officials met.", "ISTANBUL, Oct 14 - "),
    ("SINGAPORE, June 11 (Reuters) - Oil rose.", "SINGAPORE, June 11 (Reuters) - "),
    ("KYIV, Ukraine (AP) — Russia launched drones.", "KYIV, Ukraine (AP) — "),
    ("Beirut (AFP) — Israeli jets struck.", "Beirut (AFP) — "),
    ("Moscow - The court ruled.", "Moscow - "),
    ("NEW DELHI: Farmers rejected the offer.", "NEW DELHI: "),
    ("LAHORE, Feb 19 (PTI): The court ruled.", "LAHORE, Feb 19 (PTI): "),
    ("11:25 GMT — Tom Brown has apologised.", "11:25 GMT — "),  # a live blog's time stamp
    ("9.05 a.m. ET: Markets opened lower.", "9.05 a.m. ET: "),
    # no dateline: a Title Case place before a lower-case clause, a list, a label with a colon
    ("Moscow - a city that never sleeps - woke.", None),
    ("Israel, Hamas - The talks failed.", None),
    ("Update: The court ruled.", None),
    ("Note: The figures are provisional.", None),
    ("UN: The council met.", None),
])
def test_dateline_at(text: str, dateline: str | None) -> None:
    found = dateline_at(text, 0, len(text))
    assert (found.group() if found else None) == dateline

