"""Render a report (its ``to_dict()`` data) as a Markdown summary for people to read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

# How many rows the document-level tables show.
TOP_ACTORS = 12
TOP_TERMS = 15
TOP_SECTIONS = 3
TOP_FRAMES = 6


def to_markdown(data: dict[str, Any]) -> str:
    """Title block, document summary, then one part per section."""
    lines: list[str] = [f"# Framing report: {_inline(data.get('title') or data.get('source') or 'untitled text')}", ""]
    meta = [value for value in (data.get("byline"), data.get("date"), data.get("source")) if value]
    if meta:
        lines += [" · ".join(_inline(str(v)) for v in meta), ""]
    if data.get("standfirst"):
        lines += [f"> {_inline(data['standfirst'])}", ""]
    lines += _summary(data)
    for section in data["sections"]:
        lines += _section(section)
    if data["noise"]:
        lines += ["## Not analysed (page furniture)", ""]
        lines += [f"- *{noise['kind']}*: {_inline(noise['text'])}" for noise in data["noise"]]
        lines.append("")
    lines.append(f"*framing {data['version']} · text sha256 {data['text_sha256'][:12]}…*")
    return "\n".join(lines).rstrip() + "\n"


def _count(number: int, noun: str) -> str:
    """'1 section', '7 sections'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _summary(data: dict[str, Any]) -> list[str]:
    readability = data["readability"]
    n_paragraphs = sum(len(s["paragraphs"]) for s in data["sections"])
    lines = ["## Summary", ""]
    lines.append(
        f"{_count(readability['n_words'], 'word')} in {_count(len(data['sections']), 'section')} and "
        f"{_count(n_paragraphs, 'paragraph')}; "
        f"loadedness **{data['loadedness']:.2f}** weighted loaded terms per 100 words (author voice)."
    )
    lines.append("")
    ranked = sorted((s for s in data["sections"] if s["paragraphs"] and s["loadedness"] > 0),
                    key=lambda s: -s["loadedness"])[:TOP_SECTIONS]  # (a section with no loaded term ranks nowhere)
    if ranked:
        lines += ["**Most loaded sections:** " + "; ".join(
            f"{_heading(s)} ({s['loadedness']:.2f})" for s in ranked), ""]
    lines += ["**Readability:** " + _readability(readability), ""]
    if data["actors"]:
        lines += ["### Actors and their portrayal", "",
                  "| actor | kind | mentions | portrayal | stance | sentiment | label | in quotes |",
                  "|---|---|---:|---|---:|---:|---|---:|"]
        for actor in data["actors"][:TOP_ACTORS]:
            lines.append(
                f"| {_cell(actor['actor'])} | {actor['kind']} | {actor['mentions']} | {_portrayal(actor)} "
                f"| {_number(actor.get('stance'))} | {_number(actor['sentiment'])} "
                f"| {actor['label'] or '–'} | {actor['mentions'] - actor['author_mentions']} |"
            )
        if len(data["actors"]) > TOP_ACTORS:
            lines.append(f"| … {len(data['actors']) - TOP_ACTORS} more | | | | | | | |")
        lines.append("")
    if data["loaded_terms"]:
        negated = _negated_counts(_document_hits(data))
        lines += ["### Loaded terms", "", "| term | category | count | author voice |", "|---|---|---:|---:|"]
        for term in data["loaded_terms"][:TOP_TERMS]:
            count = str(term["count"])
            n_negated = negated[(term["term"], term["category"])]
            if n_negated:
                count += f" ({n_negated} negated)"
            lines.append(f"| {_cell(term['term'])} | {_cell(term['category'])} | {count} | {term['author_count']} |")
        lines.append("")
    if data.get("frames"):
        lines += ["### Frames", "", "| frame | share | cues per 100 words |", "|---|---:|---:|"]
        for frame in data["frames"][:TOP_FRAMES]:
            lines.append(f"| {_label(frame['frame'])} | {frame.get('share', 0.0):.0%} | {frame['rate']:.2f} |")
        lines.append("")
    if data.get("techniques"):
        lines += ["**Persuasion techniques:** " + ", ".join(
            f"{_label(t['technique'])} ×{t['count']}" for t in data["techniques"]), ""]
    return lines


def _label(identifier: str) -> str:
    """A taxonomy id as words: ``security_defense`` -> "security defense"."""
    return _inline(identifier.replace("_", " "))


def _section(section: dict[str, Any]) -> list[str]:
    lines = [f"## {section['index']}. {_heading(section)}", ""]
    if not section["paragraphs"]:
        return lines + ["*(no body text)*", ""]
    lines += [f"Loadedness **{section['loadedness']:.2f}** · {_readability(section['readability'])}", ""]
    if section["actors"]:
        lines += ["| actor | mentions | portrayal | stance | sentiment | label |", "|---|---:|---|---:|---:|---|"]
        for actor in section["actors"]:
            lines.append(f"| {_cell(actor['actor'])} | {actor['mentions']} | {_portrayal(actor)} "
                         f"| {_number(actor.get('stance'))} | {_number(actor['sentiment'])} | {actor['label'] or '–'} |")
        lines.append("")
    if section["loaded_terms"]:
        negated = _negated_counts([*section["heading_terms"], *(h for p in section["paragraphs"] for h in p["loaded_terms"])])
        terms = ", ".join(f"{t['term']} ({t['category']}{_times(t['count'], negated[(t['term'], t['category'])])})"
                          for t in section["loaded_terms"])
        lines += [f"Loaded terms: {_inline(terms)}", ""]
    if section.get("dominant_frames"):
        lines += ["Dominant frames: " + ", ".join(_label(f) for f in section["dominant_frames"]), ""]
    if section.get("techniques"):
        lines += ["Techniques: " + ", ".join(f"{_label(t['technique'])} ×{t['count']}" for t in section["techniques"]), ""]
    paragraph = max(section["paragraphs"], key=lambda p: p["loadedness"])
    if paragraph["loaded_terms"]:
        lines += [f"Most loaded paragraph ({paragraph['loadedness']:.2f}):", "", "> " + _marked(paragraph), ""]
    return lines


def _document_hits(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every loaded-term hit of the document: front matter, headings and paragraphs."""
    hits = [hit for part in data.get("front", []) for hit in part.get("loaded_terms", [])]
    for section in data["sections"]:
        hits += section["heading_terms"]
        hits += [hit for paragraph in section["paragraphs"] for hit in paragraph["loaded_terms"]]
    return hits


def _negated_counts(hits: Iterable[dict[str, Any]]) -> Counter[tuple[str, str]]:
    """How many hits of each (term, category) are negated ("not reckless")."""
    return Counter((hit["term"], hit["category"]) for hit in hits if hit["negated"])


def _times(count: int, n_negated: int) -> str:
    """" ×2", " ×2, 1 negated", ", negated" (one hit) or nothing, after a term's category."""
    times = f" ×{count}" if count > 1 else ""
    if not n_negated:
        return times
    return f"{times}, {n_negated} negated" if count > 1 else ", negated"


def _marked(paragraph: dict[str, Any]) -> str:
    """The paragraph with each loaded term in bold and its category after it."""
    text, offset = paragraph["text"], paragraph["start"]
    pieces, position = [], 0
    for hit in sorted(paragraph["loaded_terms"], key=lambda h: h["start"]):
        start, end = hit["start"] - offset, hit["end"] - offset
        if start < position:
            continue
        pieces.append(_escape(text[position:start]))
        pieces.append(f"**{_escape(text[start:end])}**<sub>{_escape(hit['category'])}</sub>")
        position = end
    pieces.append(_escape(text[position:]))
    return " ".join("".join(pieces).split())


def _heading(section: dict[str, Any]) -> str:
    return _inline(section["heading"]) if section["heading"] else "(lead)"


def _readability(readability: dict[str, Any]) -> str:
    parts = [
        ("Flesch reading ease", readability["flesch_reading_ease"]),
        ("Flesch–Kincaid grade", readability["flesch_kincaid_grade"]),
        ("Gunning fog", readability["gunning_fog"]),
        ("words/sentence", readability["words_per_sentence"]),
    ]
    return ", ".join(f"{name} {'–' if value is None else f'{value:.1f}'}" for name, value in parts)


def _portrayal(actor: dict[str, Any]) -> str:
    """The dominant author-voice casting with its counts ("antagonist (3 of 4)"), or a dash."""
    role = actor.get("portrayal")
    if not role:
        return "–"
    counts = actor.get("portrayal_counts") or {}
    return f"{role} ({counts.get(role, 0)} of {sum(counts.values())})"


def _number(value: float | None) -> str:
    """A sentiment score, signed, or a dash when there is none."""
    return "–" if value is None else f"{value:+.2f}"


def _escape(text: str) -> str:
    """Article text is untrusted: no raw HTML survives into the Markdown."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str) -> str:
    """Text safe inside a Markdown line: no raw HTML, no line breaks."""
    return " ".join(_escape(text).split())


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")
