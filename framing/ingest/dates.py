"""Recognise date and time lines as written in article pages and give their ISO date."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\.?,?"
)
_TIME = (
    r"(?:[,|·•–-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|[a-z]{2,5}|UTC[+-]\d{1,2}|GMT[+-]\d{1,2})\)?)?)"
)
_PREFIX = re.compile(
    r"^(?:(?:published|updated|posted|last updated|first published|date|dated|modified|veröffentlicht)"
    r"(?:\s+on)?\s*[:\-–]?\s*)+",
    re.I,
)
_PATTERNS = (
    re.compile(
        r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?" + _TIME + r"?$",
        re.I,
    ),
    re.compile(
        r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})"
        + _TIME + r"?$",
        re.I,
    ),
    re.compile(
        r"^" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + r"?$",
        re.I,
    ),
    re.compile(
        r"^(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})" + _TIME + r"?$",
        re.I,
    ),
)
_TIME_ONLY = re.compile(r"^" + _TIME + r"$", re.I)
_LEADING_WEEKDAY = re.compile(r"^" + _WEEKDAY + r"\s+", re.I)
# The longest line we look at: a date line is short.
MAX_DATE_LINE = 80


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A line recognised as a date (``iso`` set when it names a day) or a bare time."""

    iso: str | None
    has_date: bool


def match_date_line(line: str) -> DateMatch | None:
    """Recognise a line that is only a date and/or time ("Fri 07 Nov 2025", "12:21 PM").

    Returns None for anything else. ``iso`` is None when day and month are ambiguous
    (e.g. 05/06/2025) or the date is impossible.
    """
    text = line.strip()
    if not text or len(text) > MAX_DATE_LINE or not any(map(str.isdigit, text)):
        return None
    text = _PREFIX.sub("", text)
    text = _LEADING_WEEKDAY.sub("", text).strip()
    if _TIME_ONLY.match(text):
        return DateMatch(iso=None, has_date=False)
    for pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            return DateMatch(iso=_iso(found.groupdict()), has_date=True)
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    year = int(parts["year"] or 0)
    if parts.get("month"):
        month = _MONTHS[(parts["month"] or "").lower().rstrip(".")]
        day = int(parts["day"] or 0)
    elif parts.get("mnum"):
        month, day = int(parts["mnum"] or 0), int(parts["day"] or 0)
    else:
        first, second = int(parts["a"] or 0), int(parts["b"] or 0)
        if parts.get("sep") == ".":  # 07.11.2025 is day.month.year wherever it is written
            day, month = first, second
        elif first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None
    if not (1 <= month <= 12 and 1 <= day <= _days_in_month(year, month) and 1000 <= year <= 2999):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
