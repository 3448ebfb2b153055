"""Recognise lines that are not body text: captions, credits, UI text, tag lists, mastheads.

Every rule here is about the *form* of web-page debris, never about one article's words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from framing.model import NoiseKind

# Labels that introduce a picture credit or caption, in the languages of copied pages.
_CREDIT_LABEL = (
    r"(?:photo(?:graph)?s?|photo credit|image|images|picture|pic|foto|bild|credit|credits|"
    r"illustration|graphic|video|source|quelle|copyright|fotografía|imagen)"
)
_CREDIT_LINE = re.compile(
    r"^[(\[*_]?\s*(?:(?:additional\s+)?(?:reporting|editing|writing|research|compiled|produced)\s+by\s+"
    r"|" + _CREDIT_LABEL + r"\s*(?:by\s+)?[:：|]|(?:photo|image|video|illustration)"
    r"(?:graph)?\s+(?:by|courtesy(?: of)?|via)\s+|©|\(c\)\s|copyright\s)",
    re.I,
)
# A wire trailer crediting other reporters ("Associated Press writer Jane Roe in Nairobi contributed to
# this report."), and the furniture of a press release ("FOR IMMEDIATE RELEASE", "Media contact: …", "-ENDS-").
_TRAILER_LINE = re.compile(
    r"^(?:[\w.'’,-]+\s+){1,16}?contributed(?:\s+reporting)?\s+(?:to|for)\s+this\s+(?:report|story|article)\.?$"
    r"|^(?:for\s+immediate\s+release|-*\s*ends\s*-*|-30-|#{3,}|(?:notes?\s+to\s+editors?)\s*:?)$"
    r"|^(?:media|press|news)\s+(?:contacts?|enquiries|inquiries)\s*[:：].{0,200}$",
    re.I,
)
_EMBEDDED_CREDIT = re.compile(
    r"(?:\s+[-–—|·•/]\s*|\.\s+|\s*\(\s*|\s+)(?P<credit>" + _CREDIT_LABEL + r"\s*[:：]\s*\S.*|©.*)$",
    re.I,
)
_AGENCY = (
    r"(?:Getty Images|Reuters|AP Photo|AP|AFP|EPA|EPA-EFE|Shutterstock|Alamy|Bloomberg|dpa|"
    r"Xinhua|Sputnik|TASS|Anadolu|Pool|Imago|Keystone|PA Images|PA Wire|NurPhoto|SIPA|ZUMA|"
    r"Wikimedia Commons|Unsplash|iStock)"
)
_AGENCY_CREDIT = re.compile(
    r"(?P<credit>\((?:[^()]*/\s*)?[^()]*\b" + _AGENCY + r"\b[^()]*\)|[A-Z][\w.'’ -]{1,40}\s*/\s*"
    + _AGENCY + r"(?:\s+via\s+[\w ]+)?)\s*$"
)
MEDIA_WORD = re.compile(  # (?=[spfigvc]): the words' first letters, so most positions fail at once
    r"\b(?=[spfigvc])(?:screenshot|screen grab|screengrab|pictured|file photo|photo|photograph|image|"
    r"illustration|infographic|graphic|video still|still from|courtesy of)\b(?![-‐])",
    re.I,
)
_CAPTION_SEPARATOR = re.compile(r"\s[-–—|:/]\s|\(|\s[-–—]\s*$")
_TAGS_LABEL = re.compile(
    r"^\s*(?:article\s+|related\s+|more\s+)?(?:tags|tagged(?:\s+with)?|topics|keywords|categories|"
    r"category|filed under|themen|schlagworte|schlagwörter|stichworte|étiquettes|etiquetas)\s*[:：]\s*",
    re.I,
)
_UI_PHRASES = frozenset(
    phrase.strip() for phrase in """
    share|share this|share this article|share this story|share this page|share article|
    share on facebook|share on twitter|share on x|share on linkedin|share via email|tweet|
    email|e-mail|print|print this page|print article|comments|comment|leave a comment|
    view comments|show comments|read more|read more here|continue reading|related|
    related articles|related stories|related content|related coverage|more on this story|
    more from|recommended|recommended for you|advertisement|advert|ad|ads|sponsored|
    sponsored content|paid content|subscribe|subscribe now|subscribe today|sign up|
    sign up now|sign up for our newsletter|newsletter|get our newsletter|listen|
    listen to this article|listen to this story|listen to article|follow|follow us|
    follow us on|click here|show more|show less|load more|see more|copy link|link copied|
    save|save article|save for later|bookmark|skip to content|skip to main content|
    back to top|scroll to top|loading|watch|watch now|watch video|play video|play|close|
    menu|home|next article|previous article|next|previous|accept cookies|accept all|
    gift this article|gift article|facebook|twitter|linkedin|whatsapp|telegram|reddit|
    pinterest|flipboard|most read|most popular|trending|trending now|you may also like|
    you might also like|support our journalism|support us|donate|log in|login|register|
    sign in|translate|download|download pdf|zoom|expand|enlarge|enlarge image|open in app|
    more|top stories|latest|latest news|breaking news|opinion|analysis|live|video|audio|
    photos|gallery|photo gallery|podcast|report an error|corrections|editor's picks
    """.replace("\n", "").split("|")
) - {""}
_UI_PATTERNS = (
    re.compile(r"^\d+\s*(?:min(?:ute)?s?)\.?\s+(?:read|listen|watch)$", re.I),
    re.compile(r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$", re.I),
    re.compile(r"^(?:share|follow us|follow|find us) on\b.{0,40}$", re.I),
    re.compile(r"^(?:read|see|watch) (?:more|also)\s*[:：].{0,120}$", re.I),
    re.compile(r"^(?:related|recommended|more)\s*[:：].{0,120}$", re.I),
    re.compile(r"^(?:image|photo|slide|video)\s+\d+\s+(?:of|/)\s+\d+$", re.I),
    re.compile(r"^\d+\s*/\s*\d+$"),
    re.compile(r"^(?:updated|reading time)\s*[:：]?\s*\d+\s*(?:min|minutes?)\b.*$", re.I),
)
# The UI patterns as one (a line matches it exactly when it matches one of them): one call per line.
_ANY_UI_PATTERN = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _UI_PATTERNS), re.I)
_SEPARATOR = re.compile(r"^(?:[*\-_=~•·#+]\s*){3,}$")
_MD_IMAGE = re.compile(r"^!\[[^\]\n]*\]\([^)\n]*\)\s*(?:\{[^}\n]*\})?$")
# A masthead in another script is short: a newspaper name on a screenshot.
MAX_MASTHEAD_WORDS = 5
MAX_CAPTION_WORDS = 40


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The Unicode script family of a letter, read from its name (LATIN, CYRILLIC, ...)."""
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


# Every ASCII byte but the letters A-Z and a-z (deleted to count the letters).
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def dominant_script(text: str, *, sample: int = 20_000) -> str:
    """The script most letters of the text are written in."""
    head = text[:sample]
    ascii_letters = head.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS)
    counts: dict[str, int] = {"LATIN": len(ascii_letters)}
    for char in _NON_ASCII.findall(head):
        if char.isalpha():
            name = script_of(char)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if any(counts.values()) else "LATIN"


def is_masthead(line: str, document_script: str) -> bool:
    """A short line written mostly in a script other than the document's (a logo, a masthead)."""
    words = line.split(maxsplit=MAX_MASTHEAD_WORDS)  # one word more than a masthead has is enough to tell
    if not words or len(words) > MAX_MASTHEAD_WORDS:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 2:
        return False
    foreign = sum(script_of(c) != document_script for c in letters)
    return foreign / len(letters) > 0.6


# The words of a line as ``is_ui_line`` folds them: runs of word characters, ' ’ / ( ).
_UI_FOLD = re.compile(r"[^\w\s'’/()]")
# A line with more folded words than any UI phrase or share-button row has is not one.
MAX_UI_WORDS = max(8, *(len(phrase.split()) for phrase in _UI_PHRASES))
_TOO_MANY_UI_WORDS = re.compile(r"[^\w'’/()]*(?:[\w'’/()]+[^\w'’/()]+){" + str(MAX_UI_WORDS) + r"}[\w'’/()]")


def is_ui_line(line: str) -> bool:
    """Page furniture: share buttons, "Read more", "3 min read", "Advertisement" ...

    A line of body text is told apart by its word count before it is folded (the fold
    rewrites the whole line; paragraphs are long).
    """
    # a long line is counted as written: the count reads only character classes, which lowering
    # leaves alone except for "İ" (it becomes two characters)
    if _TOO_MANY_UI_WORDS.match(line if "\u0130" not in line else line.lower()):
        stripped = line.strip()
        return _ANY_UI_PATTERN.match(stripped) is not None
    lowered = line.lower()
    folded = " ".join(_UI_FOLD.sub(" ", lowered).split())
    if folded in _UI_PHRASES:
        return True
    stripped = line.strip()
    if _ANY_UI_PATTERN.match(stripped):
        return True
    words = folded.split()
    # A row of share buttons: every word a UI word ("Facebook Twitter Email").
    return 1 < len(words) <= 8 and all(word in _UI_PHRASES for word in words)


def is_separator(line: str) -> bool:
    """A thematic break such as ``***`` or ``---``."""
    return bool(_SEPARATOR.match(line.strip()))


def is_markdown_image(line: str) -> bool:
    """A Markdown image line ``![alt](url)``."""
    return bool(_MD_IMAGE.match(line.strip()))


def tags_label(line: str) -> int | None:
    """If the line starts with a tag label ("Tags:", "ARTICLE TAGS:"), where the tags start."""
    found = _TAGS_LABEL.match(line)
    return found.end() if found else None


# A comma-separated tag has at most this many words; longer pieces mean the separators were lost.
MAX_TAG_WORDS = 4
_LAST_FIRST = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),\s*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)")


def split_tags(line: str) -> tuple[str, ...]:
    """Tags of a tag line, with "Last, First" names turned round ("Trenin, Dmitri" -> "Dmitri Trenin").

    Forms: "A | B | C" and "A; B" (parts "Last, First" are turned round when at least two
    parts are such names); "A, B, C"; a line of ``#hashtags``; and a list of capitalised
    words pasted without its separators, where only the commas of "Last, First" pairs
    survive ("Trump, Donald Trenin, Dmitri China EU Japan …"): each "Last," and the word
    after it make a name, every other word is a tag. Any other line is one tag.
    """
    stripped = line.strip()
    if not stripped:
        return ()
    if re.search(r"[;|]", stripped):
        split = re.split(r"\s*[;|]\s*", stripped)
        names = sum(1 for part in split if _LAST_FIRST.fullmatch(part))  # "Trump, Donald | Trenin, Dmitri"
        parts = [piece for part in split
                 for piece in ([_turn_name(part)] if names >= 2 and _LAST_FIRST.fullmatch(part)
                               else re.split(r"\s*,\s*", part))]
    elif "," in stripped:
        pieces = re.split(r"\s*,\s*", stripped)
        long_pieces = [piece for piece in pieces if len(piece.split()) > MAX_TAG_WORDS]
        if long_pieces and all(word[:1].isupper() for piece in long_pieces for word in piece.split()):
            parts = _unseparated_tags(stripped)
        else:
            parts = pieces
    elif all(token.startswith("#") for token in stripped.split()):
        parts = [token.lstrip("#") for token in stripped.split()]
    else:
        parts = [stripped]
    return tuple(dict.fromkeys(part.strip() for part in parts if part.strip()))


def _turn_name(part: str) -> str:
    """ "Trenin, Dmitri" -> "Dmitri Trenin"; anything else unchanged."""
    found = _LAST_FIRST.fullmatch(part.strip())
    return f"{found.group(2)} {found.group(1)}" if found else part


def _unseparated_tags(line: str) -> list[str]:
    words = line.split()
    tags: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word.endswith(",") and index + 1 < len(words) and words[index + 1][:1].isupper():
            tags.append(f"{words[index + 1].rstrip(',')} {word[:-1]}")
            index += 2
        else:
            tags.append(word.rstrip(","))
            index += 1
    return tags


def credit_split(line: str) -> int | None:
    """Where a picture credit starts inside a caption line, or None.

    Recognises "caption - Bild: name", "caption. Photo: name", "caption (Name/Reuters)".
    """
    # each pattern is tried only where it could match (a label's colon or ©; an agency after "/"
    # or in closing brackets): most lines are body text, and the patterns try every position
    may_embed = ":" in line or "：" in line or "©" in line
    may_name_agency = "/" in line or line.rstrip().endswith(")")
    if not (may_embed or may_name_agency) or len(line.split(maxsplit=MAX_CAPTION_WORDS)) > MAX_CAPTION_WORDS:
        return None
    found = _EMBEDDED_CREDIT.search(line) if may_embed else None
    if found is None and may_name_agency:
        found = _AGENCY_CREDIT.search(line)
    if not found or found.start("credit") == 0:
        return None
    return found.start("credit")


def classify_noise_line(line: str, document_script: str, *, strong_only: bool = False) -> NoiseKind | None:
    """The noise kind of a one-line block, or None when it may be body text.

    With ``strong_only``, only forms that are noise even inside a block of other lines
    (separators, images, credits, UI text) count. Tag labels, dates and timestamps are
    handled by the document stage, which knows where in the page the line stands.
    """
    stripped = line.strip()
    words = stripped.split(maxsplit=MAX_CAPTION_WORDS)  # (only whether there are more than that is read)
    if not words:
        return None
    if is_separator(stripped):
        return "other"
    if is_markdown_image(stripped):
        return "caption"
    if len(words) <= MAX_CAPTION_WORDS and (_CREDIT_LINE.match(stripped) or _TRAILER_LINE.match(stripped)):
        return "credit"
    if is_ui_line(stripped):
        return "ui"
    if strong_only:
        return None
    if is_masthead(stripped, document_script):
        return "masthead"
    if len(words) <= MAX_CAPTION_WORDS and _is_media_caption(stripped):
        return "caption"
    return None


def _is_media_caption(line: str) -> bool:
    """A caption names its medium after a separator ("X in Y - screenshot ...", "(photo)")."""
    if line.endswith((".", "!", "?")) and not line.endswith(")."):
        lowered = line.lower()
        return "screenshot" in lowered or "pictured" in lowered
    media = MEDIA_WORD.search(line)
    if not media:
        return False
    if re.search(r"\b(?:screenshot|screen grab|screengrab|pictured|file photo)\b", line, re.I):
        return True
    separator = _CAPTION_SEPARATOR.search(line)
    return separator is not None and separator.start() < media.start()
