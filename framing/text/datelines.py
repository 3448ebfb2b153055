"""Datelines: "ISTANBUL, Oct 14 -", "SINGAPORE, June 11 (Reuters) -", "NEW DELHI:", "Beirut (AFP) —",
and the time stamps that open a live blog's entries ("11:25 GMT —").

A dateline opens a wire story's first paragraph; it names a place and an agency, not a speaker or
the subject of the sentence after it. The quotation stage reads sentences without it, and the
actors stage lists no one in it.
"""

from __future__ import annotations

import re

# A place of one to four capitalised words (or two joined by "/"), then up to four place, date or
# credit parts, then the dash, or a colon (Indian and Pakistani papers: "NEW DELHI:", "LAHORE, Feb 19
# (PTI):"). A part after a comma opens with a capital or a digit, so "OPEC, the cartel, said - as
# expected -" is no dateline.
DATELINE_OPENING = re.compile(
    r"(?P<place>[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){0,3})"
    r"(?P<parts>(?:\s*,\s*[A-Z0-9][\w.'’]*(?:[ \t]+[\w.'’]+){0,3}?|[ \t]*\([^\n()]{1,40}\)){0,4})"
    r"[ \t]*(?P<mark>[-–—]{1,2}|:)[ \t]+"
)
# What follows a dateline's dash when it has neither date nor credit: a sentence's first word.
_SENTENCE_OPENING = re.compile(r"[\"“‘']?[A-Z0-9]")


# A live blog's time stamp opening an entry: "11:25 GMT —", "14.32 —", "9:05 a.m. ET:".
_TIME_STAMP = re.compile(
    r"\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|PST|PDT|IST|"
    r"local time|[A-Z]{2,4}))?[ \t]*[-–—:|][ \t]+")


def dateline_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """The dateline that opens ``text[start:end]`` by its shape alone, or None.

    Its place is in capitals, or in Title Case with a date or a credit after it, or a capitalised
    sentence after the dash ("Moscow - The court ruled", not "Moscow - a city that"); after a colon
    only a place in capitals or a credit ("Note: The", "Update: The" are no datelines).
    """
    stamp = _TIME_STAMP.match(text, start, end)
    if stamp is not None:
        return stamp
    match = DATELINE_OPENING.match(text, start, end)
    if match is None:
        return None
    parts = match.group("parts")
    credited = "(" in parts or any(char.isdigit() for char in parts)
    if match.group("mark") == ":":
        return match if match.group("place").isupper() and len(match.group("place")) > 2 or "(" in parts else None
    if credited:
        return match
    if not parts.strip():  # a place alone: only before a sentence ("Moscow - The court ruled"; not "NATO – the
        return match if _SENTENCE_OPENING.match(text, match.end()) else None  # alliance … – faces", an aside)
    # more places but neither date nor credit: only in capitals ("Israel, Hamas - The" is a list)
    return match if match.group("place").isupper() else None
