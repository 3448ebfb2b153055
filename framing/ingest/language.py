"""Which language a text is in: a cheap offline guess from function words or the script.

framing's lexicons and models are English; the report carries ``language`` and the CLI
warns when a text is not English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# A few paragraphs decide the language as well as the whole text (and cost a tenth as much).
LANGUAGE_SAMPLE_CHARS = 4_000
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in (
        ("en", "the of and to is that for it was on with as by at be this are from have has not but he she "
               "they said his her an or which were been will would their its who had can about there than"),
        ("es", "el la los las del que y en por para con una un es se no su al lo como más pero sus le ya "
               "o este esta entre cuando muy sin sobre también fue han hay desde"),
        ("de", "der die das und ist nicht ein eine den dem des mit sich auf für im zu von auch es als "
               "werden wird nach bei sie wir aus hat dass oder wie noch sind über"),
        ("fr", "le la les des et est un une du que qui dans pour pas sur au aux avec il elle ce cette sont "
               "ont par plus ne se mais leur été nous vous où"),
        ("it", "il lo la gli le di che è e per una un del della dei non si con sono anche nel alla più "
               "ha come ma questo questa suo dalla degli essere"),
        ("pt", "o a os as de do da dos das que e em um uma para com não se por mais foi ao na no são "
               "também pelo pela seu sua está ou"),
        ("nl", "de het een en van is dat op te in niet met zijn voor ook aan er als bij maar om door "
               "naar werd dan nog wordt hij zij heeft deze"),
    )
}
# Every ASCII byte but the letters A-Z and a-z (deleted to count the letters), and a non-ASCII character.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SCRIPT_LANGUAGES = (("HANGUL", "ko"), ("CJK", "zh"), ("ARABIC", "ar"),
                     ("HEBREW", "he"), ("GREEK", "el"), ("DEVANAGARI", "hi"), ("THAI", "th"), ("CYRILLIC", "ru"))


def _script_language(letters: str) -> str | None:
    """A language for text mostly written in a script other than Latin, else None."""
    head = letters[:5000]
    if 2 * len(head.encode("ascii", "ignore")) >= len(head):
        return None  # at least half the letters are ASCII: Latin (the per-letter count below would say so too)
    counts: dict[str, int] = {}
    for char in head:
        if char.isascii():
            counts["LATIN"] = counts.get("LATIN", 0) + 1
            continue
        try:
            script = unicodedata.name(char).split(" ", 1)[0]
        except ValueError:
            continue
        counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values()) or 1
    if counts.get("LATIN", 0) >= 0.5 * total:
        return None
    if counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0) >= 0.1 * total:
        return "ja"
    for script, code in _SCRIPT_LANGUAGES:
        if counts.get(script, 0) >= 0.3 * total:
            if code == "ru" and any(char in "іїєґІЇЄҐ" for char in letters):
                return "uk"
            return code
    return "unknown"


def guess_language(text: str) -> str:
    """Guess the language of a text from its function words (or its script).

    Args:
        text: Any text; only the first LANGUAGE_SAMPLE_CHARS characters are read.

    Returns:
        An ISO 639-1 code such as "en", "es", "de", or "unknown" when unsure.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    # the letters counted without a call per character: the ASCII ones as bytes, then the few others
    n_ascii = len(sample.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    n_letters = n_ascii + sum(map(str.isalpha, _NON_ASCII.findall(sample)))
    if n_letters < 20:
        return "unknown"
    # at least half ASCII is Latin, as _script_language would say first (its 5000-letter head
    # holds the whole sample): only a sample mostly in other scripts is looked at letter by letter
    if 2 * n_ascii < n_letters:
        by_script = _script_language("".join(filter(str.isalpha, sample)))
        if by_script is not None:
            return by_script
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", sample.lower())
    if len(words) < 5:
        return "unknown"
    counts = Counter(words)
    scores = {code: sum(counts[word] for word in vocabulary & counts.keys()) / len(words)
              for code, vocabulary in _FUNCTION_WORDS.items()}
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    best, second = ranked[0], ranked[1]
    if scores[best] < 0.12 or scores[best] < 1.3 * scores[second]:
        return "unknown"
    return best
