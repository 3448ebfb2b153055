"""Compare how two reports portray the same actors and which loaded terms each leans on."""

from __future__ import annotations

import json
from typing import Any, Literal

# Actors shown: those in both articles first, then the most mentioned of the rest.
MAX_ACTORS = 20
MAX_TERMS = 12


def compare_reports(first: dict[str, Any], second: dict[str, Any], *,
                    output_format: Literal["markdown", "json"] = "markdown") -> str:
    """Actor × article sentiment and the loaded terms of each article, side by side."""
    table = comparison(first, second)
    if output_format == "json":
        return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    return _markdown(first, second, table)


def comparison(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """The comparison as data: per actor both portrayals, per article its loadedness and terms."""
    a = {actor["actor"]: actor for actor in first["actors"]}
    b = {actor["actor"]: actor for actor in second["actors"]}
    shared = [name for name in a if name in b]
    others = sorted((n for n in {**a, **b} if n not in shared),
                    key=lambda n: -(a.get(n, {}).get("mentions", 0) + b.get(n, {}).get("mentions", 0)))
    actors = []
    for name in (shared + others)[:MAX_ACTORS]:
        actors.append({
            "actor": name,
            "kind": (a.get(name) or b.get(name) or {}).get("kind"),
            "a": _portrayal(a.get(name)),
            "b": _portrayal(b.get(name)),
            "difference": _difference(a.get(name), b.get(name)),
        })
    return {
        "a": _article(first), "b": _article(second), "actors": actors,
        "terms_only_in_a": _only(first, second), "terms_only_in_b": _only(second, first),
    }


def _portrayal(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"mentions": actor["mentions"], "portrayal": actor.get("portrayal"), "stance": actor.get("stance"),
            "sentiment": actor["sentiment"], "label": actor["label"]}


def _difference(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float | None:
    """B's stance minus A's (the author's sympathy), or None when either article does not cast the actor."""
    if not a or not b or a.get("stance") is None or b.get("stance") is None:
        return None
    return round(float(b["stance"]) - float(a["stance"]), 4)


def _article(data: dict[str, Any]) -> dict[str, Any]:
    return {"source": data.get("source"), "title": data.get("title"), "loadedness": data.get("loadedness"),
            "n_words": data["readability"]["n_words"],
            "top_terms": [{"term": t["term"], "category": t["category"], "count": t["count"]}
                          for t in data["loaded_terms"][:MAX_TERMS]]}


def _only(data: dict[str, Any], other: dict[str, Any]) -> list[str]:
    theirs = {t["term"] for t in other["loaded_terms"]}
    return [t["term"] for t in data["loaded_terms"] if t["term"] not in theirs][:MAX_TERMS]


def _markdown(first: dict[str, Any], second: dict[str, Any], table: dict[str, Any]) -> str:
    def name(data: dict[str, Any]) -> str:
        return str(data.get("title") or data.get("source") or "untitled")

    def cell(portrayal: dict[str, Any] | None) -> str:
        if portrayal is None:
            return "–"
        cast = portrayal.get("portrayal") or "not cast"
        stance = "" if portrayal.get("stance") is None else f" {portrayal['stance']:+.2f}"
        score = "–" if portrayal["sentiment"] is None else f"{portrayal['sentiment']:+.2f}"
        return f"{cast}{stance}; sentiment {score} ({portrayal['mentions']}×)"

    lines = [
        "# Comparison", "",
        f"- **A**: {name(first)} — loadedness {table['a']['loadedness']:.2f}, {table['a']['n_words']} words",
        f"- **B**: {name(second)} — loadedness {table['b']['loadedness']:.2f}, {table['b']['n_words']} words", "",
        "## Actors", "", "| actor | kind | A: portrayal, stance; sentiment | B: portrayal, stance; sentiment | stance B − A |",
        "|---|---|---|---|---:|",
    ]
    for row in table["actors"]:
        difference = "–" if row["difference"] is None else f"{row['difference']:+.2f}"
        lines.append(f"| {row['actor']} | {row['kind']} | {cell(row['a'])} | {cell(row['b'])} | {difference} |")
    lines += ["", "## Loaded terms", "",
              "- Only in A: " + (", ".join(table["terms_only_in_a"]) or "–"),
              "- Only in B: " + (", ".join(table["terms_only_in_b"]) or "–"), ""]
    return "\n".join(line.replace("<", "&lt;") for line in lines)
