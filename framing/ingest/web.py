"""Web pages: trafilatura finds the article; what it leaves out is kept as labelled noise.

``extract_page`` reduces a saved HTML page to the same Markdown-like text and
``ExtractedHtml`` record the hand-written extractor (``framing.html``) gives, so the
document stage reads both alike:

* the body comes from trafilatura's XML tree: ``<head>`` -> ``#`` lines, ``<p>`` -> paragraphs,
  ``<list><item>`` -> ``-``/``1.`` lines, ``<quote>`` -> ``>`` lines, ``<table>`` -> one block of
  ``a | b`` rows; title, byline and date from the page's metadata are written out at the top
  when the body lacks them;
* page regions a reader still sees but that are not the article -- comments, related-link
  rails, navigation, cookie banners, captions, share bars, newsletter and paywall boxes, tag
  lists -- are found by their markup (tag, class, id, role) and appended after the body as
  noise spans ``(start, end, kind)``; body paragraphs trafilatura kept that lie inside such a
  region (and nowhere else on the page), or that read as furniture ("Read more: ...",
  "Sign up to our newsletter"), move to the noise as well;
* fallback rule: when trafilatura raises, returns nothing, or its body has fewer than 8 words,
  or fewer than 60 words while the old extractor's body has at least three times as many, the
  page goes to ``framing.html.extract_html`` (``meta["extractor"]`` is then "fallback").

``meta["language"]`` carries ``guess_language`` of the body ("en", another code, or
"unknown"); ``meta["extractor"]`` says which path produced the text.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, cast

from framing.ingest.html import ExtractedHtml, extract_html
from framing.ingest.language import guess_language
from framing.ingest.noise import is_ui_line
from framing.model import NoiseKind

WebNoiseKind = Literal[
    "caption", "credit", "masthead", "timestamp", "ui", "tags", "comments", "navigation", "related", "cookie", "other"
]
_NoiseSpans = tuple[tuple[int, int, NoiseKind], ...]

# Fallback rule: trafilatura's body is "too little" when it has fewer than MIN_WORDS words, or
# fewer than SHORT_WORDS words while the old extractor finds at least FALLBACK_RATIO times more.
MIN_WORDS = 8
SHORT_WORDS = 60
FALLBACK_RATIO = 3.0
# A page region holding this share of the body's characters (or the title's h1) is the article.
ARTICLE_SHARE = 0.4
# A region holding a body paragraph this long is article prose, whatever its class says
# (premium-content wrappers, "share-enabled" bodies) -- unless it is comments or a cookie banner.
PROSE_WORDS = 30
# Body paragraphs shorter than this are checked against the furniture patterns.
MAX_FURNITURE_WORDS = 30
# At most this many candidate regions are examined (hostile pages with thousands of menus).
MAX_REGION_CHECKS = 2000
MAX_SOURCE_CHARS = 20_000_000
MAX_HEADLINE_WORDS = 30

# Class or id words of a page's standfirst (the sub-title under the headline); "article-summary" and
# "article__dek" hold "summary" and "dek" as words.
_STANDFIRST_MARK = re.compile(
    r"(?<![a-z])(?:standfirst|stand-first|dek|subtitle|sub-title|subheadline|sub-headline|subhead|strapline|"
    r"summary|article-intro|article__intro|lede|lead-in)(?![a-z])")
# Class or id words of elements that are no standfirst though they may say "summary" or "intro".
_NOT_STANDFIRST_MARK = re.compile(r"caption|author|bio|share|list|card|teaser|related|promo|credit|byline")
# Tags a standfirst put back from the page may have (a caption, list or figure is none).
_STANDFIRST_TAGS = frozenset("p div h2 h3 span section header".split())
# A marked element holding any of these is a wrapper of the story's blocks, no standfirst.
_BLOCK_CHILDREN = frozenset("p li ul ol figure img table blockquote h1 h2 h3".split())
# The standfirst is looked for among this many blocks after the headline, has at most this many
# words, and is looked for among this many page elements after the headline.
MAX_STANDFIRST_INDEX = 3
MAX_STANDFIRST_WORDS = 80
MAX_STANDFIRST_ELEMENTS = 200

_SKIP_TAGS = frozenset("script style noscript template svg head iframe object embed canvas input select textarea".split())
_LINE_TAGS = frozenset(
    "p div section article main header footer nav aside h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figure "
    "figcaption caption table tr td th pre form br hr details summary address center".split()
)
_SPACED_TAGS = frozenset("a button label option span time img".split())
_HIDDEN_CLASS = re.compile(r"(?<![a-z])(?:sr-only|visually-hidden|screen-reader-text)(?![a-z])")

# Region kinds by class / id / role / aria-label words, in order of precedence.
_REGION_WORDS: tuple[tuple[WebNoiseKind, str], ...] = (
    ("cookie", r"cookies?|cookie\w+|consent|gdpr|cmp|onetrust|cookiebot|privacy-banner|aviso-cookies"),
    ("comments", r"comments?|comment-\w+|commentlist|comments\w+|disqus\w*|respond|discussion|replies|"
                 r"kommentare?|comentarios?|commentaires?|reader-responses"),
    ("caption", r"figcaption|caption|captions|media-caption\w*|wp-caption-text|image-credit|photo-credit"),
    ("tags", r"tags?|tag-list|tags-\w+|tag-links|tagcloud|keywords|topics-list|cat-links"),
    ("related", r"related|related\w+|relacionad[ao]s|recirc\w*|recommended|recommendations?|most-read|"
                r"most-popular|mostread|popular|trending|outbrain|taboola|also-like|read-more|read-next|"
                r"more-stories|more-from|more-on|story-more|more-like-this|top-stories|further-reading|"
                r"weitere-artikel|mehr-zum-thema|rail|sidebar|widget-area|widgets?|"
                r"post-navigation|nav-links|nav-previous|nav-next|cards?|teasers?"),
    ("ui", r"share|share\w+|sharing|sharedaddy|social|newsletter\w*|subscribe|subscription|signup|sign-up|"
           r"paywall|piano|support-box|support-us|membership|donate|donation|promo|toolbar|article-tools|tools|"
           r"feedback\w*|print|skip-link|pagination|login|account"),
    ("other", r"ad|ads|advert|adverts|advertisement|ad-slot|dfp|sponsored|sponsor|author-bio|bio|"
              r"about-author|contributor-bio|ticker"),
    ("navigation", r"nav|navbar|navigation|menu|menus|breadcrumbs?|footer|header-bar|"
                   r"top-bar|topbar|masthead|site-header|global-header|orb-banner|orb-nav|site-info|"
                   r"colophon|kopfzeile|hauptnavigation|menu-principal|toc"),
)
_REGION_PATTERNS: tuple[tuple[WebNoiseKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"(?<![a-z])(?:" + words + r")(?![a-z])")) for kind, words in _REGION_WORDS
)
_TAG_KINDS: dict[str, WebNoiseKind] = {
    "nav": "navigation", "footer": "navigation", "header": "navigation", "aside": "related",
    "figcaption": "caption", "caption": "caption", "form": "ui",
}
_ROLE_KINDS: dict[str, WebNoiseKind] = {
    "navigation": "navigation", "banner": "navigation", "contentinfo": "navigation", "complementary": "related",
    "search": "ui", "dialog": "ui", "alertdialog": "ui",
}

# Body paragraphs that read as page furniture whatever their markup.
_FURNITURE: tuple[tuple[WebNoiseKind, int, re.Pattern[str]], ...] = (
    ("cookie", 40, re.compile(r"\b(?:uses?|use of|accept(?:ing)?|consent to|allow|utilizamos|verwendet)\s+"
                              r"(?:[\w-]+\s+){0,3}cookies\b|\bcookie[- ](?:policy|settings|preferences|notice)\b",
                              re.I)),
    ("related", 30, re.compile(r"^(?:read more|related|see also|also read|read next|more on this(?: story)?|"
                               r"recommended|you may also like|you might also like|more from|most read|"
                               r"further reading|lea también|lee también|más información|mehr zum thema|"
                               r"lesen sie auch|à lire aussi)\s*[:：|»›-]", re.I)),
    ("ui", 15, re.compile(r"^(?:sign up|subscribe|get our|download our|follow us|advertisement|sponsored|"
                          r"got a story|already a subscriber|start your free|support our journalism|join \d|"
                          r"click here to)\b", re.I)),
    ("ui", 30, re.compile(r"\bsubscribe to continue\b|\bfree articles?\b.{0,40}\bmonth\b|\bnewsletter\b.{0,80}"
                          r"\b(?:inbox|sign up|subscribe)\b|\b(?:sign up|subscribe)\b.{0,80}\bnewsletter\b", re.I)),
)

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ALL_SPACE = re.compile(r"\s+")
_INVALID_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_INERT_TAG = re.compile(r"<!--|-->|<(/?)(template|noscript|script|style)(?=[\s/>])[^>]*>", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEAD_LEVEL = re.compile(r"h([1-6])")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass(slots=True)
class _Block:
    kind: str  # h1..h6 | p | li | oli | quote | table | pre
    text: str
    standfirst: bool = False  # marked so by the page (see _standfirst_after_headline)


@dataclass(slots=True)
class _Region:
    kind: WebNoiseKind
    text: str


# --- public API -------------------------------------------------------------------------


def extract_page(source: str, *, fallback: bool = True) -> ExtractedHtml:
    """Reduce an HTML page to its article text, labelled noise and metadata.

    Args:
        source: The page's HTML, already decoded.
        fallback: Use ``framing.html.extract_html`` when trafilatura finds too little.

    Returns:
        The extracted text (body, then noise), noise spans, metadata and tags.
    """
    source = _sanitize(source)
    old = _old_extraction(source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = _trafilatura_page(source, old)
    except Exception:  # trafilatura and lxml raise many kinds of errors on broken pages
        result = None
    if fallback and (result is None or _needs_fallback(result, old)):
        return _fallback_result(old)
    if result is None:
        return ExtractedHtml("", (), {"language": "unknown", "extractor": "none"}, ())
    return result


# --- trafilatura path -------------------------------------------------------------------


def _sanitize(source: str) -> str:
    """Drop characters no parser accepts (NUL, lone surrogates, C0 controls) and lone CRs."""
    if len(source) > MAX_SOURCE_CHARS:
        source = source[:MAX_SOURCE_CHARS]
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    source = _drop_inert(source)  # never rendered; trafilatura would keep their text
    return _INVALID_CHARS.sub("", source)


def _drop_inert(source: str) -> str:
    """Cut ``<template>`` and ``<noscript>`` elements out in one linear pass.

    Tags are paired by name; tag-like text inside ``<script>``, ``<style>`` and comments is
    skipped, so ``var t = "<noscript>"`` in a script never swallows the article.
    """
    pieces: list[str] = []
    kept_until = 0
    open_name: str | None = None  # the inert element being cut
    open_at = 0
    raw_until: str | None = None  # inside a script, a style or a comment: what ends it
    for tag in _INERT_TAG.finditer(source):
        token = tag.group().lower()
        if raw_until is not None:
            if token.startswith(raw_until):
                raw_until = None
            continue
        if token.startswith("<!--"):
            raw_until = "-->"
            continue
        closing, name = tag.group(1) == "/", (tag.group(2) or "").lower()
        if name in ("script", "style"):
            if not closing:
                raw_until = f"</{name}"
            continue
        if open_name is None and not closing and name in ("template", "noscript"):
            open_name, open_at = name, tag.start()
        elif open_name is not None and closing and name == open_name:
            pieces.append(source[kept_until:open_at])
            pieces.append(" ")
            kept_until, open_name = tag.end(), None
    pieces.append(source[kept_until:])
    return "".join(pieces)


def _old_extraction(source: str) -> ExtractedHtml | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return extract_html(source)
    except Exception:  # a page even selectolax cannot read
        return None


def _trafilatura_page(source: str, old: ExtractedHtml | None) -> ExtractedHtml | None:
    import logging

    import trafilatura  # imported lazily: `import framing` stays fast
    from trafilatura.utils import load_html

    logger = logging.getLogger("trafilatura")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())  # "discarding data" is not the user's business
    tree: Any = load_html(source)
    if tree is None:
        return None
    document: Any = trafilatura.bare_extraction(
        tree, include_comments=True, include_formatting=True, include_tables=True, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or document.body is None:
        return None
    blocks = _body_blocks(document.body)
    if not blocks:
        return None
    _prepare_tree(tree)
    titles = [_first_h1_text(blocks), _one_line(document.title), old.meta.get("title", "") if old else ""]
    headlines = _headlines(tree, blocks, titles)
    regions = _noise_regions(tree, blocks, headlines)
    comments = _comment_region(document.commentsbody, regions)
    if comments is not None:
        regions.append(comments)
    blocks, moved = _move_furniture(blocks, regions, tree)
    meta, tags = _metadata(document, old, tree)
    headline = _headline(headlines, titles)
    blocks = _standfirst_after_headline(blocks, tree, headline or meta.get("title", ""))
    text, noise = _assemble(blocks, [region for _, region in regions] + moved, meta, headline)
    body = body_text(text, noise)
    meta["language"] = _language(body, meta.pop("language_declared", ""))
    meta["extractor"] = "trafilatura"
    return ExtractedHtml(text, noise, meta, tags)


def _needs_fallback(result: ExtractedHtml, old: ExtractedHtml | None) -> bool:
    """Too little: almost no words, or a short body where the old extractor finds far more."""
    words = len(body_text(result.text, result.noise).split())
    if words < MIN_WORDS:
        return True
    if old is None or words >= SHORT_WORDS:
        return False
    return len(body_text(old.text, old.noise).split()) >= FALLBACK_RATIO * words


def _fallback_result(old: ExtractedHtml | None) -> ExtractedHtml:
    if old is None:
        return ExtractedHtml("", (), {"language": "unknown", "extractor": "none"}, ())
    meta = dict(old.meta)
    meta["language"] = guess_language(body_text(old.text, old.noise))
    meta["extractor"] = "fallback"
    return ExtractedHtml(old.text, old.noise, meta, old.tags)


def body_text(text: str, noise: Iterable[tuple[int, int, str]]) -> str:
    """The extracted text without its noise spans (each replaced by a line break)."""
    pieces, position = [], 0
    for start, end, _ in sorted(noise):
        if start > position:
            pieces.append(text[position:start])
        position = max(position, end)
    pieces.append(text[position:])
    return "\n".join(pieces)


# --- trafilatura's XML -> blocks ------------------------------------------------------


def _clean_inline(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _inline_text(element: Any, *, keep_blank: bool = False) -> str:
    """The text under an element, ``<lb/>`` as a newline; nested lists are left out."""
    pieces: list[str] = [element.text or ""]
    stack: list[Iterator[Any]] = [iter(element)]
    tails: list[str] = [""]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            pieces.append(tails.pop())
            continue
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            pieces.append("\n")
        if tag in ("", "lb", "list"):
            pieces.append(child.tail or "")
            continue
        pieces.append(child.text or "")
        stack.append(iter(child))
        tails.append(child.tail or "")
    text = "".join(pieces)
    return text if keep_blank else _clean_inline(text)


def _head_kind(element: Any) -> str:
    level = _HEAD_LEVEL.fullmatch(str(element.get("rend") or ""))
    return f"h{level.group(1)}" if level else "h2"


def _body_blocks(body: Any) -> list[_Block]:
    """Turn trafilatura's ``<body>`` into blocks, walking the tree without recursion."""
    blocks: list[_Block] = []
    stack: list[tuple[Iterator[Any], str]] = [(iter(body), "p")]
    while stack:
        children, context = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag if isinstance(child.tag, str) else ""
        in_quote = context == "quote"
        if tag == "head":
            _add(blocks, "quote" if in_quote else _head_kind(child), _inline_text(child))
        elif tag == "list":
            stack.append((iter(child), "quote" if in_quote else "oli" if child.get("rend") == "ol" else "li"))
        elif tag == "item":
            _add(blocks, context if context in ("li", "oli", "quote") else "li", _inline_text(child))
            nested = [grandchild for grandchild in child if grandchild.tag == "list"]
            if nested:
                stack.append((iter(nested), context))
        elif tag == "table":
            _add(blocks, "quote" if in_quote else "table", _table_text(child))
        elif tag == "code":
            _add(blocks, "pre", child.xpath("string()") or "")
        elif tag == "quote" or (tag not in ("p", "") and any(isinstance(c.tag, str) and c.tag in _XML_BLOCKS for c in child)):
            _add(blocks, "quote" if tag == "quote" or in_quote else "p", _clean_inline(child.text or ""))
            stack.append((iter(child), "quote" if tag == "quote" or in_quote else context))
        elif tag:
            for paragraph in _PARAGRAPH_BREAK.split(_inline_text(child, keep_blank=True)):
                _add(blocks, "quote" if in_quote else "p", _clean_inline(paragraph))
    return blocks


_XML_BLOCKS = frozenset("p head list item quote table code div".split())


def _add(blocks: list[_Block], kind: str, text: str) -> None:
    if kind == "pre":
        text = text.strip("\n")
    if text.strip():
        blocks.append(_Block(kind, text))


def _table_text(table: Any) -> str:
    rows = []
    for row in table.iter("row"):
        cells = [" ".join(_inline_text(cell).split()) for cell in row if cell.tag == "cell"]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _first_h1_text(blocks: list[_Block]) -> str:
    return next((block.text for block in blocks if block.kind == "h1"), "")


# --- page regions trafilatura leaves out ----------------------------------------------


def _key(text: str) -> str:
    """Text without any whitespace: how trafilatura and the page tree are compared."""
    return _ALL_SPACE.sub("", text)


def _is_hidden(element: Any) -> bool:
    if element.get("hidden") is not None:
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or _HIDDEN_CLASS.search((element.get("class") or "").lower()) is not None


def _prepare_tree(tree: Any) -> None:
    """Remove what no reader sees: scripts, styles, hidden and screen-reader-only elements."""
    doomed = [element for element in tree.iter() if isinstance(element.tag, str)
              and (element.tag in _SKIP_TAGS or _is_hidden(element)) and element.tag not in ("html", "head", "body")]
    for element in doomed:
        if element.tag not in _SKIP_TAGS and element.find(".//h1") is not None:
            continue
        if element.getparent() is not None:
            element.drop_tree()


def _region_kind(element: Any) -> WebNoiseKind | None:
    tag = element.tag
    if tag in ("html", "body", "main", "article"):
        marker_only = True
    else:
        marker_only = False
    marker = " ".join(str(element.get(name) or "") for name in ("class", "id", "aria-label")).lower()
    for kind, pattern in _REGION_PATTERNS:
        if marker.strip() and pattern.search(marker):
            return kind
    if marker_only:
        return None
    role = str(element.get("role") or "").lower()
    if role in _ROLE_KINDS:
        return _ROLE_KINDS[role]
    return _TAG_KINDS.get(tag)


def _region_lines(root: Any) -> list[str]:
    """The visible text of a region, one line per block element, link or button."""
    pieces: list[str] = [root.text or ""]
    stack: list[Iterator[Any]] = [iter(root)]
    tails: list[str] = [""]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            pieces.append(tails.pop())
            continue
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in _SKIP_TAGS:
            pieces.append(child.tail or "")
            continue
        line_break = "\n" if tag in _LINE_TAGS else " " if tag in _SPACED_TAGS else ""
        pieces.append(line_break + (child.text or ""))
        stack.append(iter(child))
        tails.append(line_break + (child.tail or ""))
    return [line for line in _clean_inline("".join(pieces)).split("\n") if line]


def _headlines(tree: Any, blocks: list[_Block], titles: list[str]) -> list[Any]:
    """The page's h1 elements that may be the article's headline, in page order.

    An h1 is one when its text is the title (of the metadata or trafilatura's), lies in the
    body, or has four words or more and is not just a link (a site logo).
    """
    title_keys = [key for key in (_key(title) for title in titles) if key]
    all_body = "".join(_key(block.text) for block in blocks)
    found = []
    for heading in tree.iter("h1"):
        heading_key = _key(heading.text_content())
        if not heading_key:
            continue
        link_key = "".join(_key(link.text_content()) for link in heading.iter("a"))
        if (heading_key in all_body or any(heading_key in key or key in heading_key for key in title_keys)
                or (len(heading.text_content().split()) >= 4 and link_key != heading_key)):
            found.append(heading)
    return found


def _headline(headlines: list[Any], titles: list[str]) -> str:
    """The visible headline: an h1 matching a title if any, else the first long enough one."""
    title_keys = [key for key in (_key(title) for title in titles) if key]
    texts = [" ".join(heading.text_content().split()) for heading in headlines]
    texts = [text for text in texts if 2 <= len(text.split()) <= MAX_HEADLINE_WORDS]
    for text in texts:
        if any(_key(text) in key or key in _key(text) for key in title_keys):
            return text
    return texts[0] if texts else ""


def _noise_regions(tree: Any, blocks: list[_Block], headlines: list[Any]) -> list[tuple[Any, _Region]]:
    """The outermost page regions that are furniture and do not hold the article."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    body_keys = [key for key in (_key(block.text) for block in blocks) if len(key) >= 20]
    total = sum(len(key) for key in body_keys) or 1
    long_keys = [_key(block.text) for block in blocks if len(block.text.split()) >= PROSE_WORDS]
    protected: set[Any] = set()
    for heading in headlines:
        protected.add(heading)
        protected.update(heading.iterancestors())
    regions: list[tuple[Any, _Region]] = []
    checks = 0
    stack: list[Iterator[Any]] = [iter(root)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str):
            continue
        kind = _region_kind(child) if checks < MAX_REGION_CHECKS and child not in protected else None
        if kind is not None:
            checks += 1
            lines = _region_lines(child)
            region_key = "".join(_key(line) for line in lines)
            if not region_key:
                continue
            inside = [key for key in body_keys if key in region_key]
            share = sum(len(key) for key in inside) / total
            prose = kind not in ("comments", "cookie") and any(long_key in region_key for long_key in long_keys)
            if share < ARTICLE_SHARE and not prose:
                regions.append((child, _Region(kind, "\n".join(lines))))
                continue
        stack.append(iter(child))
    return regions


def _comment_region(comments: Any, regions: list[tuple[Any, _Region]]) -> tuple[Any, _Region] | None:
    """Comments trafilatura found that no page region already holds."""
    if comments is None:
        return None
    known = "".join(_key(region.text) for _, region in regions)
    lines = [line for block in _body_blocks(comments) for line in block.text.split("\n")]
    fresh = [line for line in lines if _key(line) not in known]
    return (None, _Region("comments", "\n".join(fresh))) if fresh else None


def _outside_key(tree: Any, skipped: list[Any]) -> str:
    """The page's visible text, without whitespace, leaving out the noise regions."""
    skip = set(skipped)
    body = tree.find(".//body")
    root = body if body is not None else tree
    pieces: list[str] = [root.text or ""]
    stack: list[Iterator[Any]] = [iter(root)]
    tails: list[str] = [""]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            pieces.append(tails.pop())
            continue
        if not isinstance(child.tag, str) or child in skip:
            pieces.append(child.tail or "")
            continue
        pieces.append(child.text or "")
        stack.append(iter(child))
        tails.append(child.tail or "")
    return _key("".join(pieces))


def _furniture_kind(block: _Block) -> WebNoiseKind | None:
    """A body block that reads as page furniture ("Read more: ...", "Sign up to our newsletter")."""
    words = len(block.text.split())
    if block.kind in ("pre", "table") or words > MAX_FURNITURE_WORDS:
        return None
    heading = block.kind.startswith("h")
    if heading and words > 4:
        return None
    for kind, most_words, pattern in _FURNITURE:
        if words <= most_words and pattern.search(block.text):
            return kind
    if not heading and "\n" not in block.text and is_ui_line(block.text):
        return "ui"
    return None


def _move_furniture(blocks: list[_Block], regions: list[tuple[Any, _Region]],
                    tree: Any) -> tuple[list[_Block], list[_Region]]:
    """Take body blocks that belong to a noise region or read as furniture out of the body."""
    region_keys = [_key(region.text) for _, region in regions]
    outside: str | None = None
    kept: list[_Block] = []
    moved: list[_Region] = []
    for block in blocks:
        key = _key(block.text)
        if any(key in region_key for region_key in region_keys):
            if outside is None:
                outside = _outside_key(tree, [element for element, _ in regions if element is not None])
            if key not in outside:
                continue  # its text is already in that region's noise
        kind = _furniture_kind(block)
        if kind is not None:
            moved.append(_Region(kind, block.text))
            continue
        kept.append(block)
    return kept, moved


# --- metadata and assembly ------------------------------------------------------------


def _metadata(document: Any, old: ExtractedHtml | None, tree: Any) -> tuple[dict[str, str], tuple[str, ...]]:
    """Explicit page metadata (read by the old extractor) first, trafilatura's for the rest."""
    old_meta = old.meta if old is not None else {}
    meta: dict[str, str] = {}
    page_title = _clean_inline(str(tree.findtext(".//title") or "")).replace("\n", " ")
    title = old_meta.get("title", "")
    if not title or title == page_title:
        title = _h1_in_title(tree, title) or _one_line(document.title) or title
    byline = old_meta.get("byline") or _one_line(document.author)
    date = old_meta.get("date") or _one_line(document.date)
    for key, value in (("title", title), ("byline", byline), ("date", date),
                       ("sitename", _one_line(document.sitename)), ("description", _one_line(document.description)),
                       ("categories", ", ".join(_strings(document.categories))),
                       ("language_declared", str(tree.get("lang") or "").strip())):
        if value:
            meta[key] = value
    found = _ISO_DATE.match(old_meta.get("date_iso") or date)
    if found:
        meta["date_iso"] = found.group()
    tags: list[str] = []
    seen: set[str] = set()
    candidates = [*(old.tags if old is not None else ()), *_strings(document.tags)]
    for tag in (piece.strip() for item in candidates for piece in re.split(r"[,;|]", item)):
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return meta, tuple(tags)


def _h1_in_title(tree: Any, title: str) -> str:
    """The page's h1 when the ``<title>`` is that h1 plus the site's name."""
    title_key = _key(title)
    for heading in tree.iter("h1"):
        text = " ".join(heading.text_content().split())
        heading_key = _key(text)
        if heading_key and heading_key in title_key and len(heading_key) >= 0.5 * len(title_key):
            return text
    return ""


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _strings(values: object) -> list[str]:
    items = values if isinstance(values, list) else []
    return [" ".join(item.split()) for item in items if isinstance(item, str) and item.strip()]


def _marked_standfirst(tree: Any, headline: str, body: list[str]) -> str:
    """The text of the element the page marks as its standfirst by class or id ("standfirst", "dek",
    "subtitle" …), looked for after the headline and before the story's first paragraph (``body``: the
    body blocks as ``_key``; teaser cards after the story use the same class words); "" when none."""
    story = set(body)
    after_headline = False
    examined = 0
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _SKIP_TAGS:
            continue
        if not after_headline:
            after_headline = element.tag == "h1" and _key(element.text_content()) == headline
            continue
        examined += 1
        if examined > MAX_STANDFIRST_ELEMENTS:
            return ""
        marker = " ".join(str(element.get(name) or "") for name in ("class", "id")).lower()
        marked = (bool(marker) and element.tag in _STANDFIRST_TAGS and _STANDFIRST_MARK.search(marker) is not None
                  and _NOT_STANDFIRST_MARK.search(marker) is None
                  and not any(child.tag in _BLOCK_CHILDREN for child in element.iterdescendants()))
        if not (marked or element.tag == "p"):
            continue
        text = _clean_inline(" ".join(element.text_content().split()))
        if not marked and _key(text) in story:
            return ""  # the story has begun
        if marked and text:
            return text if len(text.split()) <= MAX_STANDFIRST_WORDS else ""
    return ""


def _standfirst_after_headline(blocks: list[_Block], tree: Any, headline: str) -> list[_Block]:
    """The paragraph the page marks as its standfirst goes first after the headline (an h1 among the first
    blocks, after a kicker perhaps; else ``headline``, which ``_assemble`` writes out first), so the byline
    and date written after the headline do not come between them; one trafilatura left out is put back."""
    lead = next((index + 1 for index, block in enumerate(blocks[:MAX_STANDFIRST_INDEX]) if block.kind == "h1"), 0)
    if len(blocks) <= lead or not (lead or headline):
        return blocks
    keys = [_key(block.text) for block in blocks]
    found = _marked_standfirst(tree, keys[lead - 1] if lead else _key(headline), keys[lead:])
    key = _key(found)
    if not key:
        return blocks
    if key in keys:
        index = keys.index(key)
        if index < lead or blocks[index].kind != "p" or index > MAX_STANDFIRST_INDEX:
            return blocks
        return [*blocks[:lead], _Block("p", blocks[index].text, True), *blocks[lead:index], *blocks[index + 1:]]
    if any(key in other for other in keys):
        return blocks  # part of a body block
    return [*blocks[:lead], _Block("p", found, True), *blocks[lead:]]


def _front_lines(blocks: list[_Block], meta: dict[str, str], headline: str) -> list[_Block]:
    """Headline (else title), byline and date, written out when the body lacks them."""
    body = "".join(_key(block.text) for block in blocks)
    lines = []
    title = headline or meta.get("title", "")
    if not any(block.kind == "h1" for block in blocks) and title and _key(title) not in body:
        lines.append(_Block("h1", title))
    byline = meta.get("byline", "")
    if byline and _key(byline) not in body:
        lines.append(_Block("p", byline if byline.lower().startswith("by ") else "By " + byline))
    if meta.get("date") and _key(meta["date"]) not in body:
        lines.append(_Block("p", meta["date"]))
    return lines


_PREFIX = {"h1": "# ", "h2": "## ", "h3": "## ", "h4": "### ", "h5": "### ", "h6": "### ", "li": "- ", "quote": "> "}


def _assemble(blocks: list[_Block], regions: list[_Region], meta: dict[str, str],
              headline: str) -> tuple[str, _NoiseSpans]:
    """Join the body blocks with blank lines and Markdown markers, then the noise regions."""
    front = _front_lines(blocks, meta, headline)
    if blocks and blocks[0].kind == "h1":
        head, rest = [blocks[0]], blocks[1:]
    else:  # the headline is written out, if at all, as the first of the front lines
        head, rest = [line for line in front[:1] if line.kind == "h1"], blocks
        front = front[len(head):]
    if rest and rest[0].standfirst:
        head, rest = [*head, rest[0]], rest[1:]
    ordered = [*head, *front, *rest]
    pieces: list[str] = []
    position = 0
    number = 0
    for block in ordered:
        number = number + 1 if block.kind == "oli" else 0
        prefix = f"{number}. " if block.kind == "oli" else _PREFIX.get(block.kind, "")
        text = block.text.replace("\n", "\n> ") if block.kind == "quote" else block.text
        if pieces:
            pieces.append("\n\n")
            position += 2
        pieces.append(prefix + text)
        position += len(prefix) + len(text)
    noise: list[tuple[int, int, WebNoiseKind]] = []
    for region in regions:
        lines = [line for line in region.text.split("\n") if line.strip()]
        if not lines:
            continue
        text = _tag_line(lines) if region.kind == "tags" else "\n\n".join(lines)
        if pieces:
            pieces.append("\n\n")
            position += 2
        pieces.append(text)
        noise.append((position, position + len(text), region.kind))
        position += len(text)
    return "".join(pieces), cast(_NoiseSpans, tuple(noise))


def _tag_line(lines: list[str]) -> str:
    """A tag list on one line ("Tags: a, b, c"), as the document stage reads tag blocks."""
    label = lines[0] + " " if len(lines) > 1 and lines[0].rstrip().endswith((":", "：")) else ""
    items = lines[1:] if label else lines
    return label + ", ".join(item.strip(" ,;|") for item in items if item.strip(" ,;|"))


def _language(body: str, declared: str) -> str:
    guess = guess_language(body)
    if guess == "unknown" and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_].*)?", declared):
        return re.split(r"[-_]", declared)[0].lower()
    return guess


# --- language -------------------------------------------------------------------------
