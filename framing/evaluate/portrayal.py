"""Portrayal harness: labelled JSONL -> macro-F1 of protagonist/antagonist/innocent beside baselines.

Each line is ``{"text", "mentions": [{"start", "end", "role"}], "unlabelled": [...]}``
(``labelled/portrayal_<split>.jsonl``). Every predictor is given the same gold spans and
returns a role or None per span; None counts as wrong. Scores are computed over the
labelled (cast) mentions; the uncast mentions in ``unlabelled``, when present, are scored
separately as the share a predictor wrongly casts.

Baselines:

* ``majority``: the most frequent gold role of the file, for every mention.
* ``vader_sign``: the VADER compound of the mention's sentence, > 0.05 -> protagonist,
  < -0.05 -> antagonist, else None: what per-mention sentiment would say if read as a role.
* ``vader_sign_best``: the same three sentiment bins, each mapped to whichever role (or
  None) maximises macro-F1 on this very file — an upper bound for any rule that reads a
  role off sentence sentiment, so the baseline is not handicapped by our choice of mapping.

``python -m framing.evaluate.portrayal FILE`` prints the table.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.model import MentionReport, Report
from framing.stages.portrayal import cast_mentions
from framing.stages.portrayal_lexicon import ROLES

from .metrics import per_class

Span = tuple[int, int]
Predictor = Callable[[str, Sequence[Span]], Sequence[str | None]]
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[\"”’)]*|\n|$)")
_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
# VADER's own thresholds for a positive or negative compound (Hutto & Gilbert 2014).
VADER_THRESHOLD = 0.05
_NONE = "none"


def split_simple(text: str) -> tuple[Span, ...]:
    """Split text into sentences at . ! ? (with closing quotes) and line breaks."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def find_quotations(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """Spans between straight or curly double quotation marks on one line (speaker unknown)."""
    return tuple((m.start(), m.end(), None) for m in _QUOTE.finditer(text))


def predict_rules(text: str, spans: Sequence[Span]) -> list[str | None]:
    """The portrayal stage on the given spans, with the simple sentence and quotation finders."""
    castings = cast_mentions(text, split_simple(text), spans, quotes=find_quotations(text))
    return [c.portrayal for c in castings]


def report_mentions(report: Report) -> list[MentionReport]:
    """Every actor mention of a report: the front matter's, the headings' and the paragraphs'."""
    mentions = [m for front in report.front for m in front.actors]
    mentions += [m for section in report.sections for m in section.heading_actors]
    mentions += [m for paragraph in report.paragraphs for m in paragraph.actors]
    return mentions


# An actor the author "clearly judges": at least this many author-voice gold-cast mentions, all on one side.
CLEAR_MENTIONS = 2
# In a wire report an actor is calm when its stance is None or no larger than this (the bar).
CALM_STANCE = 0.25
_SIDE = {"protagonist": 1, "innocent": 1, "antagonist": -1}


def stance_checks(record: dict[str, Any], report: Report) -> tuple[int, int, int, int, int, int]:
    """The actor stances of ``report`` (the record's text analysed) against the labelled text.

    Returns (agreeing, clearly judged, calm, actors in a wire text, calm among the wire actors
    some cue casts, those actors): an actor only the portrayal prior casts is calm by
    construction, so the last two show the calm of the actors the cues judge.

    Author-voice gold mentions are grouped by the reported actor that covers them (by their
    own surface when none does); an actor is clearly judged when ``CLEAR_MENTIONS`` or more
    of them are cast and all on one side (protagonist and innocent +, antagonist -). It agrees
    when the report's stance has that sign; a null or zero stance, or an actor the report
    misses, disagrees. For a text whose genre is "wire", every reported actor is counted and
    it is calm when ``|stance| <= CALM_STANCE`` or the stance is null.
    """
    text = record["text"]
    mentions = report_mentions(report)
    sides: dict[str, list[int]] = {}
    for gold in record["mentions"]:
        if gold.get("voice", "author") != "author":
            continue
        hit = next((m for m in mentions if m.start < gold["end"] and gold["start"] < m.end), None)
        key = hit.mention.actor if hit is not None else "\0" + text[gold["start"]:gold["end"]].lower()
        sides.setdefault(key, []).append(_SIDE[gold["role"]])
    stances = {actor.actor: actor.stance for actor in report.actors}
    clear = agree = 0
    for actor, signs in sides.items():
        if len(signs) < CLEAR_MENTIONS or len(set(signs)) != 1:
            continue
        clear += 1
        stance = stances.get(actor)
        agree += stance is not None and stance * signs[0] > 0
    if record.get("genre") != "wire":
        return agree, clear, 0, 0, 0, 0
    calm = [a.stance is None or abs(a.stance) <= CALM_STANCE for a in report.actors]
    cued = [is_calm for is_calm, a in zip(calm, report.actors) if a.portrayal_counts]
    return agree, clear, sum(calm), len(calm), sum(cued), len(cued)


def report_predictions(report: Report, spans: Sequence[Span]) -> tuple[list[str | None], list[str | None], list[bool]]:
    """The full report's portrayal, its sentiment-sign mapping and coverage for the mention overlapping each span.

    The report is made as a user would make it (``framing.analyze``: its own actor mentions,
    sentences and quotes); a gold span no reported mention overlaps gets None (wrong).
    Sentiment sign: positive -> protagonist, negative -> antagonist, neutral -> None.
    Coverage: whether any reported mention overlaps the span at all.
    """
    mentions = report_mentions(report)
    portrayals: list[str | None] = []
    signs: list[str | None] = []
    covered: list[bool] = []
    sign_role = {"positive": "protagonist", "negative": "antagonist"}
    for start, end in spans:
        hit = next((m for m in mentions if m.start < end and start < m.end), None)
        portrayals.append(hit.casting.portrayal if hit is not None and hit.casting is not None else None)
        signs.append(sign_role.get(hit.sentiment.label) if hit is not None else None)
        covered.append(hit is not None)
    return portrayals, signs, covered


def _sentence_of(sentences: Sequence[Span], start: int) -> Span:
    for span in sentences:
        if span[0] <= start < span[1]:
            return span
    return (start, start)


@cache
def _vader() -> Any:
    from framing.text.valence import vader

    return vader()


def _compound_bins(text: str, spans: Sequence[Span]) -> list[str]:
    sentences = split_simple(text)
    bins = []
    for start, _ in spans:
        low, high = _sentence_of(sentences, start)
        compound = _vader().polarity_scores(text[low:high])["compound"]
        bins.append("pos" if compound > VADER_THRESHOLD else "neg" if compound < -VADER_THRESHOLD else "neu")
    return bins


def _load(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read the labelled file ({error})") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            for mention in record["mentions"]:
                if mention["role"] not in ROLES:
                    raise ValueError(f"role {mention['role']!r} is not one of {', '.join(ROLES)}")
                if not 0 <= mention["start"] < mention["end"] <= len(record["text"]):
                    raise ValueError(f"offsets {mention['start']}..{mention['end']} outside the text")
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: malformed record ({error}); expected "
                             '{"text", "mentions": [{"start", "end", "role"}]}') from None
        records.append(record)
    if not records:
        raise InputError(f"{path}: no records")
    return records


def _scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    f1 = {role: per_class(gold, predicted, role).f1 for role in ROLES}
    row = {"macro_f1": sum(f1.values()) / len(ROLES)}
    row.update({f"f1_{role}": value for role, value in f1.items()})
    row["accuracy"] = sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0
    return row


def evaluate_portrayal(path: Path, *, predict: Predictor = predict_rules) -> dict[str, Any]:
    """Score ``predict`` and the baselines on a labelled portrayal file.

    Returns ``{"file", "n", "n_uncast", "n_covered", "stance", "rows": [{"method", "macro_f1",
    "f1_<role>", "accuracy", "cast_uncast", "covered"}]}``; ``cast_uncast`` is the share of
    uncast (``-``) mentions a method gives a role (None when the file lists none);
    ``covered`` is the share of cast mentions some reported mention overlaps (report rows
    only: the other methods are given the gold spans). ``n_covered`` counts them. ``stance``
    sums ``stance_checks`` over the texts: {"agree", "clear", "calm", "wire_actors", "calm_cued", "wire_cued"}.

    Raises:
        InputError: when the file is missing or a record is malformed.
    """
    import framing

    records = _load(Path(path))
    gold: list[str] = []
    outputs: dict[str, list[str]] = {"report": [], "report_sentiment_sign": [], "rules": [], "vader_sign": []}
    uncast: dict[str, list[str]] = {"report": [], "report_sentiment_sign": [], "rules": [], "vader_sign": []}
    bins: list[str] = []
    covered: list[bool] = []
    uncast_bins: list[str] = []
    stance = [0] * 6
    for record in records:
        text = record["text"]
        report = framing.analyze(text, format="text")  # one analysis serves the roles and the stances
        stance = [total + part for total, part in zip(stance, stance_checks(record, report))]
        cast = [(m["start"], m["end"]) for m in record["mentions"]]
        other = [(m["start"], m["end"]) for m in record.get("unlabelled", ())]
        predicted = list(predict(text, cast + other))
        if len(predicted) != len(cast) + len(other):
            raise InputError(f"the predictor returned {len(predicted)} roles for {len(cast) + len(other)} spans")
        gold += [m["role"] for m in record["mentions"]]
        portrayals, signs, hits = report_predictions(report, cast + other)
        covered += hits[:len(cast)]
        for method, found in (("report", portrayals), ("report_sentiment_sign", signs)):
            outputs[method] += [p or _NONE for p in found[:len(cast)]]
            uncast[method] += [p or _NONE for p in found[len(cast):]]
        outputs["rules"] += [p or _NONE for p in predicted[:len(cast)]]
        uncast["rules"] += [p or _NONE for p in predicted[len(cast):]]
        record_bins = _compound_bins(text, cast + other)
        bins += record_bins[:len(cast)]
        uncast_bins += record_bins[len(cast):]
    natural = {"pos": "protagonist", "neg": "antagonist", "neu": _NONE}
    outputs["vader_sign"] = [natural[b] for b in bins]
    uncast["vader_sign"] = [natural[b] for b in uncast_bins]
    best = max(
        (dict(zip(("pos", "neg", "neu"), choice)) for choice in itertools.product((*ROLES, _NONE), repeat=3)),
        key=lambda mapping: _scores(gold, [mapping[b] for b in bins])["macro_f1"],
    )
    outputs["vader_sign_best"] = [best[b] for b in bins]
    uncast["vader_sign_best"] = [best[b] for b in uncast_bins]
    majority = max(ROLES, key=lambda role: (gold.count(role), -ROLES.index(role)))
    outputs["majority"] = [majority] * len(gold)
    uncast["majority"] = [majority] * len(uncast_bins)
    rows = []
    for method in ("report", "rules", "majority", "report_sentiment_sign", "vader_sign", "vader_sign_best"):
        row: dict[str, Any] = {"method": method}
        row.update({key: round(value, 4) for key, value in _scores(gold, outputs[method]).items()})
        others = uncast[method]
        row["cast_uncast"] = round(sum(p != _NONE for p in others) / len(others), 4) if others else None
        row["covered"] = round(sum(covered) / len(covered), 4) if method.startswith("report") and covered else None
        rows.append(row)
    return {"file": str(path), "n": len(gold), "n_uncast": len(uncast_bins), "n_covered": sum(covered),
            "vader_best_mapping": best, "rows": rows,
            "stance": dict(zip(("agree", "clear", "calm", "wire_actors", "calm_cued", "wire_cued"), stance))}


def render_portrayal(result: dict[str, Any]) -> str:
    """The result as an aligned plain-text table (also valid Markdown)."""
    columns = ["method", "macro_f1", "f1_protagonist", "f1_antagonist", "f1_innocent", "accuracy", "cast_uncast", "covered"]
    cells = [[_cell(row.get(column)) for column in columns] for row in result["rows"]]
    widths = [max(len(column), *(len(line[i]) for line in cells)) for i, column in enumerate(columns)]
    coverage = f", {result['n_covered']} covered by the report" if "n_covered" in result else ""
    lines = [f"portrayal — {result['file']} ({result['n']} cast mentions, {result['n_uncast']} uncast{coverage})", "",
             "| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(v.ljust(w) for v, w in zip(line, widths)) + " |" for line in cells]
    if "stance" in result:
        stance = result["stance"]
        lines += ["", f"stance sign agrees for {_share(stance['agree'], stance['clear'])} of the actors the author "
                      f"clearly judges; wire texts: {_share(stance['calm'], stance['wire_actors'])} of actors have "
                      f"|stance| <= {CALM_STANCE} or none ({_share(stance['calm_cued'], stance['wire_cued'])} "
                      "of those some cue casts)"]
    return "\n".join(lines) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "0/0 (–)"


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    """``python -m framing.evaluate.portrayal FILE``: print the table; 1 on a bad file."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m framing.evaluate.portrayal FILE.jsonl\n")
        return 2
    try:
        result = evaluate_portrayal(Path(args[0]))
    except InputError as error:
        sys.stderr.write(f"framing.evaluate.portrayal: error: {error}\n")
        return 1
    sys.stdout.write(render_portrayal(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
