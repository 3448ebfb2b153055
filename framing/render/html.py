"""Render a report (its ``to_dict()`` data) as one self-contained HTML page or a Jupyter fragment.

The page needs nothing from the network: CSS, JS and the SVG chart are inline. Every value
taken from the data is escaped with ``html.escape``; no data is embedded in the script.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from framing.render.html_parts import (
    CHIP_NUMBERS,
    SCARE_QUOTE,
    SENTIMENT_RGB,
    annotation_chips,
    article,
    category_colour,
    number,
    portrayal_colour,
    sentiment_colour,
)

# Rows in the document summary tables and lines in the chart.
TOP_ACTORS = 8
TOP_TERMS = 10
CHART_ACTORS = 5
# Categorical colours for the chart's actor lines (kept apart from the red/green of sentiment).
LINE_COLOURS = ("#2563eb", "#d97706", "#7c3aed", "#0d9488", "#db2777")
LAYERS = (
    ("terms", "Loaded terms"), ("actors", "Actors"), ("scare", "Scare quotes"),
    ("attribution", "Attribution"), ("noise", "Noise"),
)


def to_html(data: dict[str, Any], *, fragment: bool = False) -> str:
    """Render the report as a full HTML page, or as a scoped ``<div>`` for ``_repr_html_``."""
    categories = _categories(data)
    style = CSS + _category_css(categories)
    content = (
        f"{_header(data)}{_layer_bar()}"
        f'<div class="fr-grid"><main class="fr-main">{article(data, categories)}</main>'
        f'<aside class="fr-side">{_summary(data)}{_chart_card(data)}{_actors_card(data)}{_terms_card(data)}'
        f"{_legend_card(data, categories)}{_about(data)}</aside></div><script>{SCRIPT}</script>"
    )
    if fragment:
        return f'<div class="framing-report fr-fragment"><style>{style}</style>{content}</div>'
    title = escape(str(data.get("title") or data.get("source") or "untitled text"))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>Framing report: {title}</title><style>{PAGE_CSS}{style}</style></head>"
        f'<body><div class="framing-report">{content}</div></body></html>\n'
    )


def _hits(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every loaded-term hit in the report: front matter, headings, paragraphs."""
    hits = [h for part in data.get("front") or [] for h in part.get("loaded_terms", [])]
    for section in data.get("sections") or []:
        hits += section.get("heading_terms", [])
        hits += [h for p in section["paragraphs"] for h in p.get("loaded_terms", [])]
    return hits


def _categories(data: Mapping[str, Any]) -> dict[str, int]:
    """Category → CSS class number, most frequent first (scare quotes are a layer of their own)."""
    counts = Counter(h["category"] for h in _hits(data) if h["category"] != SCARE_QUOTE)
    ranked = sorted(counts, key=lambda category: (-counts[category], category))
    return {category: index for index, category in enumerate(ranked)}


def _category_css(categories: Mapping[str, int]) -> str:
    return "".join(f".framing-report .c{i}{{--hl:{category_colour(c)}}}" for c, i in categories.items())


# --- header, layer bar --------------------------------------------------------------------------


def _header(data: Mapping[str, Any]) -> str:
    source = escape(str(data.get("source") or "raw text"))
    tags = "".join(f'<span class="fr-tag">{escape(str(tag))}</span>' for tag in data.get("tags") or [])
    return (
        '<header class="fr-header"><div class="fr-brand">framing <span>report</span></div>'
        f'<div class="fr-source">{source} · {escape(str(data.get("format") or ""))}</div>'
        f'<div class="fr-tags">{tags}</div></header>'
    )


def _layer_bar() -> str:
    boxes = "".join(
        f'<label class="fr-toggle"><input type="checkbox" checked data-layer="{layer}">'
        f'<span class="fr-sample fr-sample-{layer}">{label}</span></label>'
        for layer, label in LAYERS
    )
    key = "".join(
        f'<span class="fr-key" style="--ac: {portrayal_colour(role, 1.0)}">{role}</span>'
        for role in ("protagonist", "antagonist", "innocent")
    )
    return (f'<nav class="fr-bar" aria-label="layers"><span class="fr-bar-label">Layers</span>{boxes}'
            f'<span class="fr-bar-key">actor portrayal: {key}</span></nav>')


# --- sidebar --------------------------------------------------------------------------------------


def _card(title: str, body: str, extra_class: str = "") -> str:
    return f'<section class="fr-card {extra_class}"><h3>{title}</h3>{body}</section>'


def _summary(data: Mapping[str, Any]) -> str:
    readability = data.get("readability") or {}
    sections = data.get("sections") or []
    n_paragraphs = sum(len(s["paragraphs"]) for s in sections)
    ease = readability.get("flesch_reading_ease")
    tiles = [
        (number(readability.get("n_words"), "d"), "words"),
        (f"{len(sections)} / {n_paragraphs}", "sections / paragraphs"),
        (number(data.get("loadedness"), ".2f"), "loadedness per 100 words"),
        (number(ease, ".0f"), f"reading ease{' · ' + _ease_band(ease) if ease is not None else ''}"),
        (number(readability.get("flesch_kincaid_grade"), ".1f"), "Flesch–Kincaid grade"),
        (str(len(data.get("actors") or [])), "actors"),
    ]
    grid = "".join(f'<div class="fr-stat"><b>{value}</b><span>{label}</span></div>' for value, label in tiles)
    more = " · ".join(
        f"{name} {number(readability.get(key), '.1f')}"
        for key, name in (("gunning_fog", "Gunning fog"), ("smog_index", "SMOG"), ("dale_chall", "Dale–Chall"),
                          ("words_per_sentence", "words/sentence"))
    )
    ranked = sorted((s for s in sections if s["paragraphs"]), key=lambda s: -s["loadedness"])[:3]
    top = ", ".join(f"§{s['index']} ({s['loadedness']:.2f})" for s in ranked)
    notes = f'<p class="fr-note">{escape(more)}</p>'
    if top:
        notes += f'<p class="fr-note">Most loaded sections: {escape(top)}</p>'
    return _card("Summary", f'<div class="fr-stats">{grid}</div>{notes}{annotation_chips(data, legend=True)}')


def _ease_band(ease: float) -> str:
    """Flesch's own bands for reading ease."""
    for floor, band in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"),
                        (50, "fairly difficult"), (30, "difficult")):
        if ease >= floor:
            return band
    return "very difficult"


def _actors_card(data: Mapping[str, Any]) -> str:
    actors = list(data.get("actors") or [])
    if not actors:
        return ""
    rows = []
    for actor in actors[:TOP_ACTORS]:
        score, label = actor.get("sentiment"), actor.get("label")
        width = min(50.0, abs(score or 0.0) * 100)
        side = "left: 50%" if (score or 0) >= 0 else f"left: {50 - width:.1f}%"
        bar = (f'<span class="fr-sbar"><i style="{side}; width: {width:.1f}%; '
               f'background: {sentiment_colour(score, label)}"></i></span>')
        quoted = int(actor["mentions"]) - int(actor.get("author_mentions", actor["mentions"]))
        portrayal = actor.get("portrayal")
        cast = (f'<span class="fr-label" style="color: {portrayal_colour(portrayal, 1.0)}">{escape(str(portrayal))}</span>'
                if portrayal else "–")
        rows.append(
            f"<tr><td>{escape(str(actor['actor']))}<small>{escape(str(actor.get('kind') or ''))}</small></td>"
            f"<td>{cast}</td><td class=\"num\">{number(actor.get('stance'), '+.2f')}</td>"
            f"<td class=\"num\">{int(actor['mentions'])}{f'<small>{quoted} quoted</small>' if quoted else ''}</td>"
            f'<td class="num">{number(score, "+.2f")}{bar}</td>'
            f'<td><span class="fr-label fr-{label if label in SENTIMENT_RGB else "none"}">'
            f'{escape(str(label or "quoted only"))}</span></td></tr>'
        )
    more = f'<p class="fr-note">… and {len(actors) - TOP_ACTORS} more</p>' if len(actors) > TOP_ACTORS else ""
    table = ('<table class="fr-table"><thead><tr><th>actor</th><th>portrayal</th><th class="num">stance</th>'
             '<th class="num">mentions</th><th class="num">sentiment</th><th>label</th></tr></thead><tbody>'
             + "".join(rows) + "</tbody></table>")
    return _card("Actors (author voice)", table + more)


def _terms_card(data: Mapping[str, Any]) -> str:
    terms = list(data.get("loaded_terms") or [])
    if not terms:
        return ""
    rows = "".join(
        f'<tr><td><span class="fr-swatch" style="background: {category_colour(t["category"])}"></span>'
        f'{escape(str(t["term"]))}</td><td class="fr-cat">{escape(str(t["category"]))}</td>'
        f'<td class="num">{int(t["count"])}</td><td class="num">{number(t.get("author_count"), "d")}</td></tr>'
        for t in terms[:TOP_TERMS]
    )
    table = ('<table class="fr-table"><thead><tr><th>term</th><th>category</th><th class="num">count</th>'
             '<th class="num">author</th></tr></thead><tbody>' + rows + "</tbody></table>")
    return _card("Top loaded terms", table)


def _legend_card(data: Mapping[str, Any], categories: Mapping[str, int]) -> str:
    counts = Counter(h["category"] for h in _hits(data))
    items = "".join(
        f'<li><span class="hl hl-term c{index}">{escape(str(category))}</span> <small>{counts[category]}</small></li>'
        for category, index in categories.items()
    )
    if counts[SCARE_QUOTE]:
        items += f'<li><span class="hl hl-scare">scare quote</span> <small>{counts[SCARE_QUOTE]}</small></li>'
    styles = (
        '<li><span class="hl hl-term muted c0">outlined term</span> quoted or negated: not counted</li>'
        '<li><span class="hl hl-actor" style="--ac: rgba(220, 38, 38, 1)">actor</span> underline = portrayal (blue protagonist, red antagonist, amber innocent, grey not cast); '
        '<span class="hl hl-actor quoted" style="--ac: rgba(115, 115, 115, 1)">dashed</span> '
        "= someone else's words</li>"
        '<li><span class="hl hl-quote direct">direct quote</span> '
        '<span class="hl hl-quote reported">reported speech</span> '
        '<span class="hl hl-speaker">speaker</span></li>'
        '<li><span class="fr-noise-kind">noise</span> page furniture, not analysed</li>'
        f'<li><span class="fr-chip">frame <b>1.2</b></span> {CHIP_NUMBERS["frames"]}; '
        f'<span class="fr-chip">technique <b>3</b></span> {CHIP_NUMBERS["techniques"]}</li>'
    )
    body = f'<ul class="fr-legend">{items}</ul>' if items else '<p class="fr-note">No loaded terms found.</p>'
    return _card("Legend", body + f'<ul class="fr-legend fr-legend-styles">{styles}</ul>', "fr-legend-card")


def _about(data: Mapping[str, Any]) -> str:
    lexicons = ", ".join(escape(str(name)) for name in (data.get("lexicons") or {}))
    return (f'<p class="fr-about">framing {escape(str(data.get("version", "")))} · text sha256 '
            f'{escape(str(data.get("text_sha256", ""))[:12])}… · lexicons: {lexicons}<br>'
            "Hover a highlight for details; every highlight carries its character offsets.</p>")


# --- chart --------------------------------------------------------------------------------------


def _chart_card(data: Mapping[str, Any]) -> str:
    sections = list(data.get("sections") or [])
    if not sections:
        return ""
    return _card("Per section", section_chart(sections, list(data.get("actors") or [])), "fr-chart-card")


@dataclass(frozen=True, slots=True)
class _Plot:
    """Chart geometry: section ``i`` sits at ``x(i)``; panels are stacked from the top."""

    n_sections: int
    width: float = 460
    left: float = 46
    right: float = 10

    @property
    def step(self) -> float:
        return (self.width - self.left - self.right) / self.n_sections

    @property
    def inner(self) -> float:
        return self.width - self.left - self.right

    def x(self, index: int) -> float:
        return self.left + self.step * (index + 0.5)

    def tick(self, y: float, label: str, css: str = "grid") -> str:
        return (f'<line class="{css}" x1="{self.left}" x2="{self.width - self.right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                f'<text class="ax" x="{self.left - 6}" y="{y + 3:.1f}" text-anchor="end">{label}</text>')


def _nice_ceiling(value: float, floor: float) -> float:
    """The smallest 1/2/2.5/5 × 10^k step at or above both ``value`` and ``floor``."""
    target = max(value, floor)
    return next(step for k in range(-3, 9) for m in (1.0, 2.0, 2.5, 5.0) if (step := m * 10.0 ** k) >= target)


def section_chart(sections: Sequence[Mapping[str, Any]], actors: Sequence[Mapping[str, Any]]) -> str:
    """Inline SVG: loadedness bars per section, then each top actor's mean sentiment per section."""
    plot = _Plot(len(sections))
    names = [a["actor"] for a in sorted(actors, key=lambda a: -a["mentions"])[:CHART_ACTORS]]
    bars_top, bars_height, lines_top, lines_height = 30.0, 96.0, 174.0, 130.0
    axis = lines_top + lines_height
    height = axis + 40 + 16 * ((len(names) + 1) // 2)
    label = "Loadedness and actor sentiment per section"
    return "".join([
        f'<svg class="fr-chart" viewBox="0 0 {plot.width:.0f} {height:.0f}" role="img" aria-label="{label}">',
        _loadedness_panel(plot, sections, bars_top, bars_height),
        _sentiment_panel(plot, sections, names, lines_top, lines_height),
        _section_labels(plot, sections, bars_top + bars_height + 13),
        _section_labels(plot, sections, axis + 14),
        _series_legend(plot, names, axis + 36),
        "</svg>",
    ])


# Narrowest room, in chart units, that one "§12" label needs; closer sections label every k-th.
SECTION_LABEL_WIDTH = 22.0


def _section_labels(plot: _Plot, sections: Sequence[Mapping[str, Any]], y: float) -> str:
    """"§1", "§2", ... under each section's slot (every k-th one when the slots are narrow)."""
    every = max(1, math.ceil(SECTION_LABEL_WIDTH / plot.step))
    return "".join(
        f'<text class="ax" x="{plot.x(i):.1f}" y="{y:.1f}" text-anchor="middle">§{int(section["index"])}</text>'
        for i, section in enumerate(sections) if i % every == 0
    )


def _loadedness_panel(plot: _Plot, sections: Sequence[Mapping[str, Any]], top: float, height: float) -> str:
    peak = _nice_ceiling(max((float(s["loadedness"] or 0) for s in sections), default=0.0), 1.0)

    def y(value: float) -> float:
        return top + height - height * value / peak

    out = [f'<text class="t" x="{plot.left}" y="{top - 12}">Loadedness (weighted terms / 100 words)</text>']
    out += [plot.tick(y(tick), f"{tick:g}") for tick in (0.0, peak / 2, peak)]
    for i, section in enumerate(sections):
        value = float(section["loadedness"] or 0)
        heading = escape(str(section.get("heading") or "lead"))
        out.append(f'<rect class="bar" x="{plot.x(i) - plot.step * 0.32:.1f}" y="{y(value):.1f}" '
                   f'width="{plot.step * 0.64:.1f}" height="{top + height - y(value):.1f}">'
                   f'<title>§{int(section["index"])} {heading}: loadedness {value:.2f}</title></rect>')
        if plot.step >= 24 and value > 0:
            out.append(f'<text class="val" x="{plot.x(i):.1f}" y="{y(value) - 4:.1f}" '
                       f'text-anchor="middle">{value:.1f}</text>')
    return "".join(out)


def _sentiment_panel(plot: _Plot, sections: Sequence[Mapping[str, Any]], names: Sequence[str], top: float,
                     height: float) -> str:
    rows = [[_section_sentiment(s, name) for s in sections] for name in names]
    reach = min(1.0, _nice_ceiling(max((abs(v) for row in rows for v in row if v is not None), default=0.0), 0.25))
    mid = top + height / 2

    def y(value: float) -> float:
        return mid - (height / 2) * value / reach

    right = plot.width - plot.right - 4
    out = [
        f'<text class="t" x="{plot.left}" y="{top - 12}">Actor sentiment (author voice, mean)</text>',
        f'<rect class="zone-pos" x="{plot.left}" y="{top}" width="{plot.inner}" height="{height / 2}"/>',
        f'<rect class="zone-neg" x="{plot.left}" y="{mid}" width="{plot.inner}" height="{height / 2}"/>',
        *(plot.tick(y(tick), _signed(tick), "grid zero" if tick == 0 else "grid") for tick in (-reach, 0.0, reach)),
        f'<text class="band" x="{right}" y="{top + 12}" text-anchor="end">positive</text>',
        f'<text class="band band-neg" x="{right}" y="{top + height - 5}" text-anchor="end">negative</text>',
    ]
    for k, (name, row) in enumerate(zip(names, rows)):
        dodge = (k - (len(names) - 1) / 2) * plot.step * 0.07  # keep equal values apart

        def x(index: int, dodge: float = dodge) -> float:
            return plot.x(index) + dodge

        out.append(_actor_series(name, row, sections, LINE_COLOURS[k], x, y))
    return "".join(out)


def _series_legend(plot: _Plot, names: Sequence[str], top: float) -> str:
    out = []
    for k, name in enumerate(names):
        x, y = plot.left + (k % 2) * (plot.width - plot.left) / 2, top + 16 * (k // 2)
        short = name if len(name) <= 26 else name[:25] + "…"
        out.append(f'<circle cx="{x + 5}" cy="{y - 4}" r="4" fill="{LINE_COLOURS[k]}"/>'
                   f'<text class="lg" x="{x + 14}" y="{y}">{escape(short)}</text>')
    return "".join(out)


def _signed(value: float) -> str:
    return "0" if value == 0 else f"{value:+g}"


def _section_sentiment(section: Mapping[str, Any], name: str) -> float | None:
    """The actor's author-voice mean sentiment in the section (None: no author-voice mention there)."""
    for actor in section.get("actors") or []:
        if actor["actor"] == name:
            value = actor.get("sentiment")
            return float(value) if value is not None else None
    return None


def _actor_series(name: str, row: Sequence[float | None], sections: Sequence[Mapping[str, Any]], colour: str,
                  x: Callable[[int], float], y: Callable[[float], float]) -> str:
    """One actor: line segments between neighbouring sections that both have a value, and a dot per value."""
    parts = []
    for i in range(len(row) - 1):
        a, b = row[i], row[i + 1]
        if a is not None and b is not None:
            parts.append(f'<line x1="{x(i):.1f}" y1="{y(a):.1f}" x2="{x(i + 1):.1f}" y2="{y(b):.1f}" '
                         f'stroke="{colour}" stroke-width="2" stroke-opacity="0.8"/>')
    for i, value in enumerate(row):
        if value is not None:
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3.6" fill="{colour}" stroke="#fff">'
                         f'<title>{escape(name)} · §{int(sections[i]["index"])}: {value:+.2f}</title></circle>')
    return f'<g class="series">{"".join(parts)}</g>'


# --- static assets ------------------------------------------------------------------------------

SCRIPT = """
(function () {
  "use strict";
  function lines(el) { return (el.getAttribute("data-tip") || "").split("\\n"); }
  function init(root) {
    if (root.getAttribute("data-ready")) { return; }
    root.setAttribute("data-ready", "1");
    root.querySelectorAll("input[data-layer]").forEach(function (box) {
      var apply = function () { root.classList.toggle("off-" + box.getAttribute("data-layer"), !box.checked); };
      box.addEventListener("change", apply);
      apply();
    });
    root.querySelectorAll(".fr-main .hl[title]").forEach(function (el) {
      el.setAttribute("data-tip", el.getAttribute("title"));
      el.removeAttribute("title");
    });
    var tip = document.createElement("div");
    tip.className = "fr-tip";
    tip.hidden = true;
    root.appendChild(tip);
    root.addEventListener("mouseover", function (event) {
      var el = event.target.closest ? event.target.closest(".hl[data-tip]") : null;
      var chain = [];
      while (el && root.contains(el)) {
        if (!root.classList.contains("off-" + el.getAttribute("data-layer"))) { chain.unshift(el); }
        el = el.parentElement ? el.parentElement.closest(".hl[data-tip]") : null;
      }
      tip.textContent = "";
      chain.forEach(function (item) {
        var box = document.createElement("div");
        var text = lines(item);
        var head = document.createElement("strong");
        head.textContent = text[0];
        box.appendChild(head);
        text.slice(1).forEach(function (line) {
          var row = document.createElement("div");
          row.textContent = line;
          box.appendChild(row);
        });
        tip.appendChild(box);
      });
      tip.hidden = chain.length === 0;
    });
    root.addEventListener("mousemove", function (event) {
      if (tip.hidden) { return; }
      var x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
      var y = event.clientY + 18;
      if (y + tip.offsetHeight > window.innerHeight - 8) { y = event.clientY - tip.offsetHeight - 12; }
      tip.style.left = Math.max(8, x) + "px";
      tip.style.top = Math.max(8, y) + "px";
    });
    root.addEventListener("mouseleave", function () { tip.hidden = true; });
  }
  document.querySelectorAll(".framing-report").forEach(init);
})();
"""

# The page may run only its own script (by hash) and load nothing from anywhere.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       f"script-src 'sha256-{base64.b64encode(hashlib.sha256(SCRIPT.encode('utf-8')).digest()).decode('ascii')}'")

PAGE_CSS = "html,body{margin:0;padding:0;background:#f7f6f3}"

CSS = """
.framing-report{--ink:#1f2328;--muted:#6b7280;--line:#e5e3de;--paper:#fff;--accent:#b45309;
 --serif:Charter,'Bitstream Charter','Charis SIL','Sitka Text',Cambria,Georgia,serif;
 --sans:Inter,system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;
 color:var(--ink);font-family:var(--sans);font-size:14px;line-height:1.45;background:#f7f6f3;
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
.framing-report *{box-sizing:border-box}
.framing-report.fr-fragment{border:1px solid var(--line);border-radius:8px}
.framing-report.fr-fragment .fr-header{border-radius:8px 8px 0 0}
.framing-report .fr-header{display:flex;align-items:baseline;gap:16px;flex-wrap:wrap;padding:14px 28px 10px;
 background:#1f2937;color:#f9fafb}
.framing-report .fr-brand{font-weight:700;letter-spacing:.02em;font-size:15px}
.framing-report .fr-brand span{font-weight:400;color:#fbbf24}
.framing-report .fr-source{color:#d1d5db;font-size:13px}
.framing-report .fr-tags{margin-left:auto;display:flex;gap:6px;flex-wrap:wrap}
.framing-report .fr-tag{font-size:11px;padding:1px 8px;border-radius:10px;background:#374151;color:#e5e7eb}
.framing-report .fr-bar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;
 padding:8px 28px;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);
 box-shadow:0 1px 4px rgba(0,0,0,.05);font-size:13px}
.framing-report .fr-bar-label{font-weight:600;color:var(--muted);text-transform:uppercase;font-size:11px;
 letter-spacing:.06em}
.framing-report .fr-toggle{display:inline-flex;align-items:center;gap:5px;cursor:pointer;user-select:none}
.framing-report .fr-toggle input{margin:0;accent-color:#374151}
.framing-report .fr-sample{padding:1px 5px;border-radius:3px}
.framing-report .fr-sample-terms{background:#fdba74}
.framing-report .fr-sample-actors{border-bottom:3px solid rgba(220,38,38,.8);border-radius:0}
.framing-report .fr-sample-scare{outline:1.5px dashed #7c3aed;outline-offset:-1px}
.framing-report .fr-sample-attribution{background:#e0ebfd}
.framing-report .fr-sample-noise{color:#9ca3af;background:#f3f4f6}
.framing-report .fr-bar-key{margin-left:auto;color:var(--muted);font-size:12px}
.framing-report .fr-key{margin-left:8px;border-bottom:3px solid var(--ac);color:var(--ink)}
.framing-report .fr-grid{display:flex;flex-wrap:wrap;gap:28px;padding:24px 28px 40px;max-width:1400px;margin:0 auto;
 align-items:flex-start}
.framing-report .fr-main{flex:999 1 560px;min-width:0;background:var(--paper);border:1px solid var(--line);
 border-radius:10px;padding:34px clamp(18px,4%,46px) 40px}
.framing-report .fr-article{font-family:var(--serif);font-size:18px;line-height:1.68;max-width:72ch;margin:0 auto}
.framing-report .fr-title{font-size:32px;line-height:1.2;margin:0 0 10px;font-weight:700;letter-spacing:-.01em}
.framing-report .fr-meta{font-family:var(--sans);font-size:13px;color:var(--muted);margin:0 0 14px}
.framing-report .fr-standfirst{font-size:20px;line-height:1.5;color:#374151;margin:0 0 22px;font-style:italic}
.framing-report .fr-section{margin:0 0 6px;padding-top:4px}
.framing-report .fr-heading{font-size:23px;line-height:1.3;margin:30px 0 10px}
.framing-report .fr-secno{display:inline-block;font-family:var(--sans);font-size:12px;font-weight:600;
 color:var(--accent); background:#fef3c7;border-radius:4px;padding:1px 6px;vertical-align:4px;margin-right:4px}
.framing-report .fr-lead{margin:6px 0 2px;font-family:var(--sans);font-size:12px;color:var(--muted)}
.framing-report .fr-p{margin:0 0 16px}
.framing-report .fr-list{margin:0 0 16px;padding-left:1.3em}
.framing-report .fr-list .fr-p{margin:0 0 6px}
.framing-report blockquote.fr-p{margin:0 0 16px;padding-left:16px;border-left:3px solid #d1d5db;color:#374151}
.framing-report .fr-noise{font-family:var(--sans);font-size:13px;line-height:1.5;color:#9ca3af;background:#f9fafb;
 border:1px dashed #e5e7eb;border-radius:6px;padding:6px 10px;margin:0 0 16px}
.framing-report .fr-noise-kind{display:inline-block;font-family:var(--sans);font-size:10px;font-weight:600;
 text-transform:uppercase;letter-spacing:.06em;color:#6b7280;background:#e5e7eb;border-radius:3px;padding:0 5px;
 margin-right:8px}
.framing-report.off-noise .fr-noise{display:none}
.framing-report .hl{box-decoration-break:clone;-webkit-box-decoration-break:clone}
.framing-report .hl-term{background:var(--hl,#fde68a);border-radius:3px;padding:0 1px}
.framing-report .hl-term.muted{background:transparent;box-shadow:inset 0 0 0 1.5px var(--hl,#fde68a)}
.framing-report .hl-scare{outline:1.5px dashed #7c3aed;outline-offset:-1px;border-radius:3px;
 background:rgba(124,58,237,.07)}
.framing-report .hl-actor{border-bottom:3px solid var(--ac,#737373);padding-bottom:1px}
.framing-report .hl-actor.quoted{border-bottom-style:dashed}
.framing-report .hl-quote.direct{background:#e0ebfd}
.framing-report .hl-quote.reported{background:#eef2f7}
.framing-report .hl-speaker{color:#1d4ed8;font-weight:600}
.framing-report.off-terms .hl-term{background:none;box-shadow:none}
.framing-report.off-actors .hl-actor{border-bottom:none;padding-bottom:0}
.framing-report.off-scare .hl-scare{outline:none;background:none}
.framing-report.off-attribution .hl-quote{background:none}
.framing-report.off-attribution .hl-speaker{color:inherit;font-weight:inherit}
.framing-report .fr-ann{font-family:var(--sans);font-size:12px;margin:-8px 0 14px;color:var(--muted)}
.framing-report .fr-ann-label{font-weight:600;margin-right:6px}
.framing-report .fr-ann-unit{margin-left:4px;font-size:11px}
.framing-report .fr-card .fr-ann{margin:10px 0 0}
.framing-report .fr-chip{display:inline-block;margin:2px 4px 2px 0;padding:0 7px;border-radius:10px;background:#f3f4f6;
 border:1px solid #e5e7eb;color:var(--ink);font-size:12px}
.framing-report .fr-side{flex:1 1 480px;min-width:0;display:flex;flex-direction:column;gap:16px}
.framing-report .fr-card{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.framing-report .fr-card h3{margin:0 0 10px;font-size:12px;text-transform:uppercase;letter-spacing:.07em;
 color:var(--muted)}
.framing-report .fr-stats{display:grid;grid-template-columns:repeat(3,1fr);gap:10px}
.framing-report .fr-stat{background:#f9fafb;border-radius:8px;padding:8px 10px}
.framing-report .fr-stat b{display:block;font-size:21px;line-height:1.2}
.framing-report .fr-stat span{font-size:11.5px;color:var(--muted)}
.framing-report .fr-note{margin:8px 0 0;font-size:12.5px;color:var(--muted)}
.framing-report .fr-table{width:100%;border-collapse:collapse;font-size:13px}
.framing-report .fr-table th{text-align:left;font-weight:600;font-size:11px;color:var(--muted);
 border-bottom:1px solid var(--line);padding:3px 4px}
.framing-report .fr-table td{padding:4px;border-bottom:1px solid #f1f0ec;vertical-align:top}
.framing-report .fr-table small{display:block;color:var(--muted);font-size:11px}
.framing-report .fr-table .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.framing-report .fr-cat{color:var(--muted);font-size:12px}
.framing-report .fr-sbar{display:block;position:relative;height:4px;margin-top:3px;background:#f3f4f6;border-radius:2px}
.framing-report .fr-sbar i{position:absolute;top:0;height:4px;border-radius:2px}
.framing-report .fr-label{font-size:11px;padding:1px 7px;border-radius:9px;background:#f3f4f6;color:#4b5563;
 white-space:nowrap}
.framing-report .fr-label.fr-negative{background:#fee2e2;color:#b91c1c}
.framing-report .fr-label.fr-positive{background:#dcfce7;color:#15803d}
.framing-report .fr-swatch{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:6px}
.framing-report .fr-legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 10px;font-size:13px}
.framing-report .fr-legend small{color:var(--muted)}
.framing-report .fr-legend-styles{display:block;margin-top:12px;font-size:12.5px;color:var(--muted)}
.framing-report .fr-legend-styles li{margin:5px 0}
.framing-report .fr-legend-styles .hl{color:var(--ink)}
.framing-report .fr-chart{width:100%;height:auto;display:block;font-family:var(--sans)}
.framing-report .fr-chart .t{font-size:12px;font-weight:600;fill:#374151}
.framing-report .fr-chart .ax{font-size:10.5px;fill:#6b7280}
.framing-report .fr-chart .lg{font-size:11.5px;fill:#1f2328}
.framing-report .fr-chart .val{font-size:10px;fill:#92400e}
.framing-report .fr-chart .band{font-size:10px;fill:#15803d;opacity:.7}
.framing-report .fr-chart .band-neg{fill:#b91c1c}
.framing-report .fr-chart .grid{stroke:#e5e7eb;stroke-width:1}
.framing-report .fr-chart .grid.zero{stroke:#9ca3af}
.framing-report .fr-chart .bar{fill:#f59e0b}
.framing-report .fr-chart .zone-pos{fill:#16a34a;fill-opacity:.05}
.framing-report .fr-chart .zone-neg{fill:#dc2626;fill-opacity:.05}
.framing-report .fr-about{font-size:11.5px;color:var(--muted);margin:0 4px}
.framing-report .fr-tip{position:fixed;z-index:20;max-width:340px;padding:8px 10px;border-radius:8px;background:#111827;
 color:#f9fafb;font:12.5px/1.4 var(--sans);box-shadow:0 6px 20px rgba(0,0,0,.25);pointer-events:none}
.framing-report .fr-tip>div+div{margin-top:6px;padding-top:6px;border-top:1px solid #374151}
.framing-report .fr-tip strong{color:#fbbf24;font-weight:600}
@media print{.framing-report{background:#fff}.framing-report .fr-bar,.framing-report .fr-tip{display:none}
 .framing-report .fr-grid{display:block;padding:0}.framing-report .fr-main{border:none;padding:0}
 .framing-report .fr-side{margin-top:24px}.framing-report .fr-card{break-inside:avoid}}
"""
