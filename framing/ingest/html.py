"""HTML input: a saved web page -> the article's text, its structure hints and metadata.

The main content (``<article>``, ``<main>`` or the densest block) is kept; scripts, styles,
comments, navigation, share bars and other page furniture are dropped. Headings become
Markdown ``#`` lines, list items ``-``/``1.`` lines and block quotes ``>`` lines, so the
document stage reads the result exactly as it reads a Markdown file; ``<figcaption>`` text
is kept but marked as noise. Offsets of the Document refer to this extracted text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from framing.model import NoiseKind

if TYPE_CHECKING:
    pass

_SKIP_TAGS = frozenset(
    "script style noscript template svg canvas iframe object embed form button input select textarea "
    "nav aside head link meta video audio picture source map".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main header footer h1 h2 h3 h4 h5 h6 li ul ol blockquote figure figcaption pre "
    "table thead tbody tfoot tr td th dl dt dd hr address details summary center".split()
)
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|footer|sidebar|comments?|share|sharing|social|related|recirc|"
    r"promo|advert|ads?|advertisement|cookie|cookies|newsletter|subscribe|subscription|breadcrumbs?|popup|"
    r"modal|paywall|skip-link|toolbar|tags?-list|outbrain|taboola)(?:$|[-_\s])",
    re.I,
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True, slots=True)
class ExtractedHtml:
    """The article text of a page, spans the document stage must treat as noise, and metadata."""

    text: str
    noise: tuple[tuple[int, int, NoiseKind], ...] = ()
    meta: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class _Block:
    kind: str  # p | h1..h6 | li | oli | quote | caption | pre
    parts: list[str]


def extract_html(source: str) -> ExtractedHtml:
    """Reduce an HTML page to its article text (see the module docstring)."""
    from selectolax.lexbor import LexborHTMLParser  # imported lazily: only HTML input needs it

    tree = LexborHTMLParser(source)
    meta = _metadata(tree)
    root = _main_root(tree)
    blocks: list[_Block] = []
    if root is not None:
        _flush(blocks, _walk(root, blocks, _Block("p", []), list_kind="li"))
    text, noise = _assemble(blocks, meta)
    tags = tuple(t.strip() for t in meta.pop("tags", "").split(",") if t.strip())
    return ExtractedHtml(text, noise, meta, tags)


def _metadata(tree: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    for script in tree.css('script[type="application/ld+json"]'):
        _read_json_ld(script.text(), meta)
    pairs = (
        ("title", ['meta[property="og:title"]', 'meta[name="twitter:title"]']),
        ("byline", ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]']),
        ("date", ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]',
                  'meta[name="publish-date"]', 'meta[name="dc.date"]', 'meta[itemprop="datePublished"]']),
    )
    for key, selectors in pairs:
        for selector in selectors:
            node = tree.css_first(selector)
            value = (node.attributes.get("content") or "").strip() if node is not None else ""
            if value and not value.startswith("http") and key not in meta:
                meta[key] = value
    if "title" not in meta:
        title = tree.css_first("title")
        if title is not None and title.text(strip=True):
            meta["title"] = title.text(strip=True)
    if "date" not in meta:
        time = tree.css_first("time[datetime]")
        if time is not None:
            meta["date"] = (time.attributes.get("datetime") or "").strip()
    if "byline" not in meta:
        author = tree.css_first('[rel="author"], [itemprop="author"], .byline, .author')
        if author is not None and author.text(strip=True):
            meta["byline"] = " ".join(author.text().split())
    found = re.match(r"\d{4}-\d{2}-\d{2}", meta.get("date", ""))
    if found:
        meta["date_iso"] = found.group()
    return {key: " ".join(value.split()) for key, value in meta.items() if value}


def _read_json_ld(text: str | None, meta: dict[str, str]) -> None:
    try:
        data = json.loads(text or "")
    except (ValueError, RecursionError):
        return
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("headline"), str):
            meta.setdefault("title", item["headline"])
        if isinstance(item.get("datePublished"), str):
            meta.setdefault("date", item["datePublished"])
        author = item.get("author")
        authors = author if isinstance(author, list) else [author]
        names = [str(a["name"]) for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
        if names:
            meta.setdefault("byline", ", ".join(names))
        keywords = item.get("keywords")
        if isinstance(keywords, list):
            keywords = ", ".join(str(k) for k in keywords)
        if isinstance(keywords, str):
            meta.setdefault("tags", keywords)


def _paragraph_text_length(node: Any) -> int:
    return sum(len(p.text(strip=True)) for p in node.css("p"))


def _main_root(tree: Any) -> Any:
    body = tree.body
    if body is None:
        return tree.root
    candidates = [*tree.css("article"), *tree.css("main"), *tree.css('[role="main"]'),
                  *tree.css('[itemprop="articleBody"]')]
    total = _paragraph_text_length(body)
    best, best_length = None, 0
    for candidate in candidates:
        length = _paragraph_text_length(candidate)
        if length > best_length:
            best, best_length = candidate, length
    if best is not None and best_length >= 0.5 * total:
        return best
    return body


def _is_boilerplate(node: Any) -> bool:
    attributes = node.attributes
    marker = f"{attributes.get('class') or ''} {attributes.get('id') or ''} {attributes.get('role') or ''}"
    if attributes.get("aria-hidden") == "true" or attributes.get("hidden") is not None:
        return True
    return bool(marker.strip()) and _BOILERPLATE.search(marker) is not None


def _walk(root: Any, blocks: list[_Block], current: _Block, *, list_kind: str) -> _Block:
    """Append the text under ``root`` to ``blocks``, block by block; returns the open block.

    Iterative (an explicit stack of child iterators), so a page nested thousands of
    elements deep cannot exhaust Python's recursion limit.
    """
    stack: list[tuple[Iterator[Any], str, bool]] = [(iter(root.iter(include_text=True)), list_kind, False)]
    while stack:
        children, kind_of_items, is_block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if is_block:
                _flush(blocks, current)
                current = _Block("p", [])
            continue
        tag = child.tag
        if tag == "-text":
            current.parts.append(child.text_content or "")
        elif tag == "br":
            current.parts.append("\n")
        elif tag in ("-comment", "-doctype", "img") or tag in _SKIP_TAGS or _is_boilerplate(child):
            continue
        elif tag in ("footer", "header") and child.css_first("h1") is None:
            continue
        elif tag not in _BLOCK_TAGS:
            stack.append((iter(child.iter(include_text=True)), kind_of_items, False))
        else:
            _flush(blocks, current)
            current = _Block(_block_kind(tag, kind_of_items), [])
            inner_list = "oli" if tag == "ol" else "li" if tag == "ul" else kind_of_items
            stack.append((iter(child.iter(include_text=True)), inner_list, True))
    return current


def _block_kind(tag: str, list_kind: str) -> str:
    if re.fullmatch(r"h[1-6]", tag):
        return tag
    return {"li": list_kind, "blockquote": "quote", "figcaption": "caption", "pre": "pre"}.get(tag, "p")


def _flush(blocks: list[_Block], block: _Block) -> None:
    if "".join(block.parts).strip():
        blocks.append(_Block(block.kind, list(block.parts)))
    block.parts.clear()


def _assemble(blocks: list[_Block], meta: dict[str, str]) -> tuple[str, tuple[tuple[int, int, NoiseKind], ...]]:
    """Join blocks with blank lines and Markdown markers; captions are returned as noise spans."""
    pieces: list[str] = []
    noise: list[tuple[int, int, NoiseKind]] = []
    position = 0
    number = 0
    front = [_Block("front", [line]) for line in _front_lines(blocks, meta)]
    ordered = [blocks[0], *front, *blocks[1:]] if blocks and blocks[0].kind == "h1" else [*front, *blocks]
    for block in ordered:
        text = _clean(block)
        if not text:
            continue
        number = number + 1 if block.kind == "oli" else 0
        prefix = {"h1": "# ", "h2": "## ", "h3": "## ", "h4": "### ", "h5": "### ", "h6": "### ", "li": "- ",
                  "oli": f"{number}. ", "quote": "> "}.get(block.kind, "")
        if block.kind == "quote":
            text = text.replace("\n", "\n> ")
        if pieces:
            pieces.append("\n\n")
            position += 2
        start = position + len(prefix)
        pieces.append(prefix + text)
        position += len(prefix) + len(text)
        if block.kind == "caption":
            noise.append((start, position, "caption"))
    return "".join(pieces), tuple(noise)


def _front_lines(blocks: list[_Block], meta: dict[str, str]) -> list[str]:
    """Title, byline and date from metadata, written out when the page body lacks them."""
    body = " ".join(_clean(b) for b in blocks)
    lines = []
    if not any(b.kind == "h1" for b in blocks) and meta.get("title"):
        lines.append("# " + meta["title"])
    if meta.get("byline") and meta["byline"] not in body:
        byline = meta["byline"]
        lines.append(byline if byline.lower().startswith("by ") else "By " + byline)
    if meta.get("date") and meta["date"] not in body:
        lines.append(meta["date"])
    return lines


def _clean(block: _Block) -> str:
    text = "".join(block.parts)
    if block.kind == "pre":
        return text.strip("\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)
