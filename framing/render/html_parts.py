"""HTML render helpers: highlight marks from report spans, nested span markup, and the article body.

Everything here reads ``Report.to_dict()`` data and returns escaped HTML strings; no value
from the data ever reaches the output without ``html.escape``.
"""

from __future__ import annotations

import heapq
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from html import escape
from types import MappingProxyType
from typing import Any

from framing.text.spans import SpanIndex

SCARE_QUOTE = "scare_quote"

# Nesting order when two marks cover the same range: lower is drawn outside.
_RANK = MappingProxyType({"attribution": 0, "speaker": 1, "scare": 2, "actors": 3, "terms": 4})

# Fixed colours (Tailwind 200/300 tints) for the shipped categories, so a category looks the
# same in every report; user categories get a hue from a hash of their name.
CATEGORY_COLOURS = MappingProxyType({
    "pejorative_label": "#fca5a5", "dehumanising": "#f87171", "derogatory_descriptor": "#fecaca",
    "ideological_label": "#fda4af", "moral_condemnation": "#fbcfe8", "crime_metaphor": "#fdba74",
    "coercion": "#fed7aa", "war_metaphor": "#fde68a", "conspiracy": "#ddd6fe", "discrediting": "#f5d0fe",
    "fear_appeal": "#d8b4fe", "theatre_spectacle": "#c7d2fe", "hyperbole": "#fef08a", "booster": "#d9f99d",
    "hedge": "#a5f3fc", "euphemism": "#99f6e4", "attribution_verb": "#bae6fd", "glorifying": "#bbf7d0",
    "flag_waving": "#bfdbfe", "charged_speech": "#7dd3fc", "reframing": "#e9d5ff",
})

# |sentiment| at which an actor underline reaches full strength; scores rarely pass 0.5.
SENTIMENT_FULL = 0.5
SENTIMENT_RGB = MappingProxyType({"negative": (220, 38, 38), "neutral": (115, 115, 115), "positive": (22, 163, 74)})


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: a half-open range of ``text``, its layer, CSS classes and hover text."""

    start: int
    end: int
    layer: str
    classes: str
    tip: str
    style: str = ""


@dataclass(frozen=True, slots=True)
class _Stretch:
    """The offsets of a loaded term, for the span index (the records reach the renderer as dicts)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Piece:
    """The part of a mark that fits inside its parent (the whole mark unless it was split)."""

    mark: Mark
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Node:
    piece: _Piece
    children: tuple[_Node, ...]


def category_colour(category: str) -> str:
    """The background colour of a loaded-term category (stable across reports)."""
    if category in CATEGORY_COLOURS:
        return CATEGORY_COLOURS[category]
    return f"hsl({zlib.crc32(str(category).encode('utf-8')) % 360}, 75%, 84%)"


def sentiment_colour(score: float | None, label: str | None) -> str:
    """An rgba() colour: hue from the label, opacity from |score|."""
    red, green, blue = SENTIMENT_RGB.get(label or "neutral", SENTIMENT_RGB["neutral"])
    strength = min(1.0, abs(score or 0.0) / SENTIMENT_FULL)
    return f"rgba({red}, {green}, {blue}, {0.35 + 0.65 * strength:.2f})"


# Underline colours of an actor mention by how the author casts it (grey: no casting).
PORTRAYAL_RGB = {"protagonist": (37, 99, 235), "antagonist": (220, 38, 38), "innocent": (217, 119, 6)}
NO_PORTRAYAL_RGB = (120, 120, 120)


def portrayal_colour(portrayal: str | None, confidence: float | None = None) -> str:
    """An rgba() colour: hue from the casting, opacity from its confidence."""
    red, green, blue = PORTRAYAL_RGB.get(portrayal or "", NO_PORTRAYAL_RGB)
    strength = min(1.0, max(0.0, confidence or 0.0))
    return f"rgba({red}, {green}, {blue}, {0.45 + 0.55 * strength:.2f})"


def number(value: Any, spec: str = ".2f") -> str:
    """A formatted (and escaped) number, or an en dash for a missing (None) measurement."""
    return "–" if value is None else escape(format(value, spec))


# --- marks from report spans ------------------------------------------------------------


def _span(record: Mapping[str, Any]) -> tuple[int, int]:
    return int(record["start"]), int(record["end"])


def term_marks(hits: Iterable[Mapping[str, Any]], categories: Mapping[str, int]) -> list[Mark]:
    """Loaded terms (layer ``terms``) and scare quotes (layer ``scare``); quoted or negated ones are muted."""
    marks = []
    for hit in hits:
        muted = " muted" if hit.get("negated") or hit.get("in_quote") else ""
        if hit["category"] == SCARE_QUOTE:
            marks.append(Mark(*_span(hit), "scare", "hl-scare" + muted, _term_tip("Scare quote", hit)))
        else:
            css = f"hl-term c{categories.get(hit['category'], 0)}{muted}"
            marks.append(Mark(*_span(hit), "terms", css, _term_tip(f"Loaded term · {hit['category']}", hit)))
    return marks


def _term_tip(title: str, hit: Mapping[str, Any]) -> str:
    weights = f"weight {number(hit.get('weight'), 'g')} · valence {number(hit.get('valence'), '+g')}"
    lines = [title, f"“{hit['term']}” · {weights}"]
    if hit.get("negated"):
        lines.append("negated: not counted")
    if hit.get("in_quote"):
        by = f" by {hit['speaker']}" if hit.get("speaker") else ""
        lines.append(f"in a quote{by}: not counted")
    if hit.get("question"):
        lines.append("in a question")
    lines.append(f"lexicon: {hit.get('lexicon')}")
    return "\n".join(lines)


def _sentiment_line(score: float | None, label: str | None, probabilities: Mapping[str, float] | None) -> str:
    """A mention's sentiment for its hover; a model's label comes with the probabilities it is read from.

    The model's label is its most probable class, which can be "neutral" at a score of -0.29: the
    probabilities show why the two differ.
    """
    line = f"sentiment {number(score, '+.2f')} · {label}"
    if probabilities:
        shares = " ".join(f"{name[:3]} {value:.0%}" for name, value in probabilities.items())
        line += f" (most probable class: {shares})"
    return line


def actor_marks(mentions: Iterable[Mapping[str, Any]]) -> list[Mark]:
    """Actor mentions (layer ``actors``), underlined in the colour of their portrayal; sentiment in the hover."""
    marks = []
    for mention in mentions:
        score, label, speaker = mention.get("sentiment"), mention.get("label"), mention.get("speaker")
        portrayal = mention.get("portrayal")
        confidence = (mention.get("portrayal_scores") or {}).get(portrayal) if portrayal else None
        cast = f"cast as {portrayal} ({number(confidence, '.0%')})" if portrayal else "not cast"
        if portrayal and mention.get("portrayal_prior"):
            cast += ", a guess of the prior (no cue; half weight in the stance)"
        elif portrayal and mention.get("portrayal_inherited"):
            cast += ", as elsewhere in the text (not in the stance)"
        if portrayal and mention.get("portrayal_evidence"):
            cast += f" by “{mention['portrayal_evidence']['text']}”"
        lines = [f"{mention['actor']} · {mention.get('kind')}{' (metonym)' if mention.get('metonym') else ''}",
                 cast,
                 _sentiment_line(score, label, mention.get("probabilities")),
                 f"in the words of {speaker}" if speaker else "author voice"]
        if mention.get("evidence"):
            lines.append(f"evidence: “{mention['evidence']['text']}”")
        css = "hl-actor quoted" if speaker else "hl-actor"
        marks.append(Mark(*_span(mention), "actors", css, "\n".join(lines), f"--ac: {portrayal_colour(portrayal, confidence)}"))
    return marks


def quote_marks(quotes: Iterable[Mapping[str, Any]], hits: Sequence[Mapping[str, Any]]) -> list[Mark]:
    """Direct and reported speech and their speakers (layer ``attribution``), and scare quotes no loaded term marks.

    ``hits`` are the paragraph's loaded terms: a scare quote any of them overlaps is marked
    already (as a scare quote, or by the loaded words inside it).
    """
    loaded = SpanIndex([_Stretch(*_span(hit)) for hit in hits])
    marks = []
    for quote in quotes:
        kind, speaker = quote.get("kind"), quote.get("speaker")
        if kind == "scare":
            if not loaded.overlaps(*_span(quote)):
                marks.append(Mark(*_span(quote), "scare", "hl-scare", "Scare quote: quoted words with no speaker\n(not counted as loaded: no distancing cue such as “so-called”)"))
            continue
        direct = kind == "direct"
        who = speaker["text"] if speaker else "unattributed"
        actor = quote.get("speaker_actor")
        if speaker and actor and actor != who:
            who = f"{who} ({actor})"  # "she (Maria Lopez)"
        marks.append(Mark(*_span(quote), "attribution", "hl-quote direct" if direct else "hl-quote reported",
                          f"{'Direct quote' if direct else 'Reported speech'}\nspeaker: {who}"))
        if speaker and _span(speaker)[1] > _span(speaker)[0]:
            tip = f"Speaker\nof: “{_clip(str(quote['text']))}”"
            marks.append(Mark(*_span(speaker), "speaker", "hl-speaker", tip))
    return marks


def _clip(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --- nesting and markup -------------------------------------------------------------------


def highlight(text: str, start: int, end: int, marks: Iterable[Mark]) -> str:
    """Escaped markup of ``text[start:end]`` with every mark as a nested ``<span>``.

    Marks are clipped to the range; one that crosses the end of an enclosing mark is split,
    and each piece carries its own ``data-start``/``data-end`` (the whole mark's range is in
    ``data-span-start``/``data-span-end``), so every element's text is ``text[data-start:data-end]``.
    """
    start, end = int(start), int(end)
    pieces = [_Piece(m, max(m.start, start), min(m.end, end)) for m in marks]
    return _markup(text, start, end, _nest([p for p in pieces if p.start < p.end]))


def _order(piece: _Piece) -> tuple[int, int, int]:
    return piece.start, -piece.end, _RANK.get(piece.mark.layer, 9)


def _nest(pieces: Sequence[_Piece]) -> tuple[_Node, ...]:
    """Turn possibly crossing pieces into a forest; a piece that crosses its parent's end is split.

    One pass in ``_order`` over a heap, with the open pieces on a stack (the innermost last):
    a piece goes into the innermost open piece it starts in, and the part of it past that
    piece's end goes back on the heap, to be placed like any other piece (time n log n, so a
    paragraph with thousands of highlights renders in linear time, not quadratic).
    """
    heap = [(_order(piece), number, piece) for number, piece in enumerate(pieces)]
    heapq.heapify(heap)
    made = len(heap)
    roots: list[tuple[_Piece, list[Any]]] = []
    open_pieces: list[tuple[_Piece, list[Any]]] = []
    while heap:
        _, _, piece = heapq.heappop(heap)
        while open_pieces and open_pieces[-1][0].end <= piece.start:
            open_pieces.pop()
        if open_pieces and piece.end > open_pieces[-1][0].end:
            parent_end = open_pieces[-1][0].end
            rest = replace(piece, start=parent_end)
            heapq.heappush(heap, (_order(rest), made, rest))
            made += 1
            piece = replace(piece, end=parent_end)
        node: tuple[_Piece, list[Any]] = (piece, [])
        (open_pieces[-1][1] if open_pieces else roots).append(node)
        open_pieces.append(node)
    return _frozen(roots)


def _frozen(nodes: list[tuple[_Piece, list[Any]]]) -> tuple[_Node, ...]:
    return tuple(_Node(piece, _frozen(children)) for piece, children in nodes)


def _markup(text: str, start: int, end: int, nodes: Sequence[_Node]) -> str:
    out, position = [], start
    for node in nodes:
        piece = node.piece
        out.append(escape(text[position:piece.start]))
        out.append(_open_tag(piece))
        out.append(_markup(text, piece.start, piece.end, node.children))
        out.append("</span>")
        position = piece.end
    out.append(escape(text[position:end]))
    return "".join(out)


def _open_tag(piece: _Piece) -> str:
    mark = piece.mark
    layer = "attribution" if mark.layer == "speaker" else mark.layer
    split = (piece.start, piece.end) != (mark.start, mark.end)
    attributes = [
        f'class="hl {escape(mark.classes)}{" part" if split else ""}"', f'data-layer="{escape(layer)}"',
        f'data-start="{piece.start}"', f'data-end="{piece.end}"',
    ]
    if split:
        attributes += [f'data-span-start="{mark.start}"', f'data-span-end="{mark.end}"']
    attributes.append(f'title="{escape(mark.tip)}"')
    if mark.style:
        attributes.append(f'style="{escape(mark.style)}"')
    return f"<span {' '.join(attributes)}>"


# --- article body -------------------------------------------------------------------------

# Keys tried, in order, to name a frame/technique record.
_NAME_KEYS = ("frame", "technique", "name", "label", "category", "id")
# One meaning for the number on each kind of chip, whatever level it is shown at: a frame's
# cues per 100 words (``rate``), a technique's number of uses (``count``, else one per record).
CHIP_NUMBERS = MappingProxyType({"frames": "cues per 100 words", "techniques": "times used"})
# At most this many frame/technique chips per paragraph, section or document.
MAX_CHIPS = 12


def article(data: Mapping[str, Any], categories: Mapping[str, int]) -> str:
    """The article in document order: front matter, sections, and noise blocks (greyed, not analysed)."""
    text: str = data["text"]
    items: list[tuple[int, str]] = []
    front = list(data.get("front") or [])
    for part in front:
        marks = term_marks(part.get("loaded_terms", []), categories) + actor_marks(part.get("actors", []))
        body = highlight(text, part["start"], part["end"], marks)
        if part["part"] == "title":
            items.append((part["start"], f'<h1 class="fr-title">{body}</h1>{_meta(data)}'))
        else:
            items.append((part["start"], f'<p class="fr-standfirst">{body}</p>'))
    if not any(part["part"] == "title" for part in front):
        title = f'<h1 class="fr-title">{escape(data["title"])}</h1>' if data.get("title") else ""
        items.append((-1, title + _meta(data)))
    sections = list(data.get("sections") or [])
    ranges = [(s["start"], s["end"]) for s in sections]
    for noise in data.get("noise") or []:
        if not any(start <= noise["start"] < end for start, end in ranges):
            items.append((noise["start"], _noise(text, noise)))
    for section in sections:
        inner = [n for n in data.get("noise") or [] if section["start"] <= n["start"] < section["end"]]
        items.append((section["start"], _section(text, section, inner, categories)))
    items.sort(key=lambda item: item[0])
    return '<article class="fr-article">' + "".join(body for _, body in items) + "</article>"


def _meta(data: Mapping[str, Any]) -> str:
    parts = [escape(str(data[key])) for key in ("byline", "date") if data.get(key)]
    return f'<p class="fr-meta">{" · ".join(parts)}</p>' if parts else ""


def _noise(text: str, noise: Mapping[str, Any]) -> str:
    kind = escape(str(noise.get("kind", "other")))
    start, end = int(noise["start"]), int(noise["end"])
    return (f'<div class="fr-noise" data-kind="{kind}" title="page furniture: not analysed">'
            f'<span class="fr-noise-kind">{kind}</span>'
            f'<span class="fr-noise-text" data-start="{start}" data-end="{end}">{escape(text[start:end])}</span></div>')


def _section(text: str, section: Mapping[str, Any], noise: Sequence[Mapping[str, Any]],
             categories: Mapping[str, int]) -> str:
    index = int(section["index"])
    number_tag = f'<span class="fr-secno">§{index}</span>'
    if section.get("heading") is None:
        head = f'<div class="fr-lead">{number_tag} lead</div>'
    elif section.get("heading_start") is None:
        head = f'<h2 class="fr-heading">{number_tag} {escape(section["heading"])}</h2>'
    else:
        marks = term_marks(section.get("heading_terms", []), categories)
        marks += actor_marks(section.get("heading_actors", []))
        head = (f'<h2 class="fr-heading">{number_tag} '
                f'{highlight(text, section["heading_start"], section["heading_end"], marks)}</h2>')
    blocks = [(p["start"], _paragraph(text, p, categories), p.get("kind") == "bullet") for p in section["paragraphs"]]
    blocks += [(n["start"], _noise(text, n), False) for n in noise]
    blocks.sort(key=lambda block: block[0])
    body, in_list = [], False
    for _, markup, is_bullet in blocks:
        if is_bullet != in_list:
            body.append("<ul class=\"fr-list\">" if is_bullet else "</ul>")
            in_list = is_bullet
        body.append(markup)
    if in_list:
        body.append("</ul>")
    return (f'<section class="fr-section" data-section="{index}">{head}{annotation_chips(section)}'
            f'{"".join(body)}</section>')


def _paragraph(text: str, paragraph: Mapping[str, Any], categories: Mapping[str, int]) -> str:
    hits = paragraph.get("loaded_terms", [])
    marks = term_marks(hits, categories) + actor_marks(paragraph.get("actors", []))
    marks += quote_marks(paragraph.get("quotes", []), hits)
    body = highlight(text, paragraph["start"], paragraph["end"], marks)
    extra = annotation_chips(paragraph)
    kind = paragraph.get("kind")
    if kind == "bullet":
        return f'<li class="fr-p">{body}{extra}</li>'
    tag = "blockquote" if kind == "quote" else "p"
    return f'<{tag} class="fr-p">{body}</{tag}>{extra}'


def annotation_chips(node: Mapping[str, Any], *, legend: bool = False) -> str:
    """Chips for ``frames`` and ``techniques`` when the data has them (any list/dict shape).

    Each row's label says what its numbers mean on hover; ``legend=True`` also writes it out.
    """
    rows = []
    for key, label in (("frames", "Frames"), ("techniques", "Techniques")):
        value = node.get(key)
        if value:
            unit = CHIP_NUMBERS[key]
            note = f'<small class="fr-ann-unit">number = {unit}</small>' if legend else ""
            rows.append(f'<div class="fr-ann"><span class="fr-ann-label" title="number = {unit}">{label}</span>'
                        f"{chips(value, kind=key)}{note}</div>")
    return "".join(rows)


def chips(value: Any, *, kind: str = "techniques") -> str:
    """Escaped chips, each a readable name and the one number of its ``kind`` (see ``CHIP_NUMBERS``).

    ``value`` is a list of records or names, a name → number mapping, or one name; a record
    of a technique without ``count`` (one use, as in a paragraph) adds one to its name.
    """
    pairs = (_frame_rates(value) if kind == "frames" else _technique_counts(value))[:MAX_CHIPS]
    return "".join(
        f'<span class="fr-chip">{escape(readable(name))}{f" <b>{escape(amount)}</b>" if amount else ""}</span>'
        for name, amount in pairs
    )


def readable(identifier: str) -> str:
    """A taxonomy id as words: ``quality_of_life`` -> "quality of life"."""
    return " ".join(identifier.replace("_", " ").split())


def _records(value: Any) -> list[tuple[str, Any]]:
    """(name, record or number) pairs of any chip data shape."""
    if isinstance(value, Mapping):
        return [(str(key), item) for key, item in value.items()]
    if isinstance(value, (list, tuple)):
        return [(_name(item), item) for item in value]
    return [(str(value), None)]


def _name(item: Any) -> str:
    if not isinstance(item, Mapping):
        return str(item)
    return next((str(item[key]) for key in _NAME_KEYS if item.get(key) is not None), "?")


def _frame_rates(value: Any) -> list[tuple[str, str]]:
    pairs = []
    for name, item in _records(value):
        rate = item.get("rate") if isinstance(item, Mapping) else item
        pairs.append((name, _amount(rate)))
    return pairs


def _technique_counts(value: Any) -> list[tuple[str, str]]:
    counts: dict[str, int] = {}
    for name, item in _records(value):
        count = item.get("count", 1) if isinstance(item, Mapping) else item if isinstance(item, int) else 1
        counts[name] = counts.get(name, 0) + (count if isinstance(count, int) and not isinstance(count, bool) else 1)
    ordered = sorted(counts.items(), key=lambda pair: -pair[1])  # stable: ties keep their order
    return [(name, str(count)) for name, count in ordered]


def _amount(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.2g}" if abs(value) < 1 else f"{value:.1f}"
    return str(value)
