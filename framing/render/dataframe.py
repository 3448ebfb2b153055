"""Render report data as pandas DataFrames (paragraph, section, actor or span rows)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from framing.errors import InputError, MissingDependencyError

if TYPE_CHECKING:
    import pandas

Level = Literal["paragraph", "section", "actor", "span", "document"]
LEVELS: tuple[Level, ...] = ("paragraph", "section", "actor", "span", "document")
_READABILITY = ("n_words", "n_sentences", "words_per_sentence", "flesch_reading_ease", "flesch_kincaid_grade",
                "gunning_fog", "smog_index", "dale_chall")
# Columns that number or locate things: integers in every table, empty where they do not
# apply (a document-level actor row has no section), never floats such as 1.0.
INDEX_COLUMNS = ("section", "paragraph", "start", "end")
# Columns of counts, of measures and of yes/no flags, each with one nullable dtype in every table.
COUNT_COLUMNS = ("n_loaded_terms", "n_author_terms", "n_actor_mentions", "n_quotes", "n_words", "n_sentences",
                 "n_paragraphs", "n_actors", "n_sections", "mentions", "author_mentions")
FLOAT_COLUMNS = ("loadedness", "compound", "words_per_sentence", "flesch_reading_ease", "flesch_kincaid_grade",
                 "gunning_fog", "smog_index", "dale_chall", "stance", "sentiment", "quoted_sentiment", "weight",
                 "valence", "confidence", "top_actor_sentiment")
FLAG_COLUMNS = ("negated", "in_quote")
# The columns of each level, in order: every row has all of them (None where a row has no
# value), so a table keeps one shape whatever its reports hold, and an empty one still has a header.
COLUMNS: Mapping[Level, tuple[str, ...]] = MappingProxyType({
    "paragraph": ("source", "title", "section", "heading", "paragraph", "kind", "start", "end", "loadedness",
                  "n_loaded_terms", "n_author_terms", "n_actor_mentions", "n_quotes", "compound", *_READABILITY,
                  "top_frame", "techniques", "text"),
    "section": ("source", "title", "section", "heading", "start", "end", "n_paragraphs", "loadedness",
                "n_loaded_terms", "n_actors", "top_actor", "dominant_frames", "techniques", *_READABILITY),
    "actor": ("source", "title", "scope", "section", "heading", "actor", "kind", "mentions", "author_mentions",
              "portrayal", "stance", "sentiment", "label", "quoted_sentiment"),
    "span": ("source", "title", "layer", "section", "paragraph", "start", "end", "text", "label", "term", "weight",
             "valence", "negated", "in_quote", "speaker", "kind", "sentiment", "sentiment_label", "role", "portrayal",
             "archetype", "rule", "confidence", "cue_source"),
    "document": ("source", "title", "byline", "date", "n_sections", "n_paragraphs", "loadedness", "n_actors",
                 "top_actor", "top_actor_sentiment", *_READABILITY, "text_sha256"),
})


def to_dataframe(data: dict[str, Any], *, level: Level = "paragraph") -> pandas.DataFrame:
    """One DataFrame of the report at ``level``; every row carries the document's source.

    Raises:
        MissingDependencyError: when pandas is not installed (``pip install 'framing[pandas]'``).
        InputError: for an unknown level.
    """
    try:
        import pandas  # noqa: F401  (only to fail early with a clear message)
    except ImportError:
        raise MissingDependencyError(
            "Report.to_dataframe() needs pandas: pip install 'framing[pandas]'"
        ) from None
    return frame_of(rows(data, level=level), level=level)


def frame_of(table: Sequence[dict[str, Any]], *, level: Level, leading: Sequence[str] = ()) -> pandas.DataFrame:
    """A DataFrame of a level's rows, index columns as integers.

    It has the level's columns, after any ``leading`` ones, even when there are no rows.
    """
    import pandas

    return with_integer_indexes(pandas.DataFrame(table, columns=[*leading, *COLUMNS[level]]))


def with_integer_indexes(frame: pandas.DataFrame) -> pandas.DataFrame:
    """``frame`` with each column of a fixed kind as pandas' nullable type of that kind.

    ``INDEX_COLUMNS`` and ``COUNT_COLUMNS`` become Int64, ``FLOAT_COLUMNS`` Float64 and
    ``FLAG_COLUMNS`` boolean, so a column has one dtype whatever the rows hold (an all-empty
    column is not ``object`` in one report and ``float64`` in the next) and a missing value is
    always ``pandas.NA``.
    """
    kinds = {**dict.fromkeys(FLOAT_COLUMNS, "Float64"), **dict.fromkeys(FLAG_COLUMNS, "boolean"),
             **dict.fromkeys((*INDEX_COLUMNS, *COUNT_COLUMNS), "Int64")}
    columns = {column: kind for column, kind in kinds.items() if column in frame.columns}
    return frame.astype(columns) if columns else frame


def rows(data: dict[str, Any], *, level: Level = "paragraph") -> list[dict[str, Any]]:
    """The rows of a level as plain dicts (what the DataFrame and CSV output are made of)."""
    makers = {"paragraph": _paragraph_rows, "section": _section_rows, "actor": _actor_rows, "span": _span_rows,
              "document": _document_rows}
    if level not in makers:
        raise InputError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    empty = dict.fromkeys(COLUMNS[level])
    base = {"source": data.get("source"), "title": data.get("title")}
    return [{**empty, **base, **row} for row in makers[level](data)]


def _readability(values: dict[str, Any]) -> dict[str, Any]:
    return {key: values.get(key) for key in _READABILITY}


def _paragraph_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for section in data["sections"]:
        for paragraph in section["paragraphs"]:
            terms = paragraph["loaded_terms"]
            yield {
                "section": section["index"], "heading": section["heading"], "paragraph": paragraph["index"],
                "kind": paragraph["kind"], "start": paragraph["start"], "end": paragraph["end"],
                "loadedness": paragraph["loadedness"], "n_loaded_terms": len(terms),
                "n_author_terms": sum(not t["in_quote"] and not t["negated"] for t in terms),
                "n_actor_mentions": len(paragraph["actors"]), "n_quotes": len(paragraph.get("quotes", [])),
                "compound": paragraph["polarity"]["compound"], **_readability(paragraph["readability"]),
                "top_frame": paragraph["frames"][0]["frame"] if paragraph.get("frames") else None,
                "techniques": ";".join(sorted({t["technique"] for t in paragraph.get("techniques", [])})),
                "text": paragraph["text"],
            }


def _section_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for section in data["sections"]:
        top = section["actors"][0] if section["actors"] else None
        yield {
            "section": section["index"], "heading": section["heading"], "start": section["start"],
            "end": section["end"], "n_paragraphs": len(section["paragraphs"]), "loadedness": section["loadedness"],
            "n_loaded_terms": sum(t["count"] for t in section["loaded_terms"]),
            "n_actors": len(section["actors"]), "top_actor": top["actor"] if top else None,
            "dominant_frames": ";".join(section.get("dominant_frames", [])),
            "techniques": ";".join(f"{t['technique']}:{t['count']}" for t in section.get("techniques", [])),
            **_readability(section["readability"]),
        }


def _actor_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for actor in data["actors"]:
        yield {"scope": "document", "section": None, "heading": None, **_actor_fields(actor)}
    for section in data["sections"]:
        for actor in section["actors"]:
            yield {"scope": "section", "section": section["index"], "heading": section["heading"], **_actor_fields(actor)}


def _actor_fields(actor: dict[str, Any]) -> dict[str, Any]:
    return {key: actor.get(key) for key in
            ("actor", "kind", "mentions", "author_mentions", "portrayal", "stance", "sentiment", "label",
             "quoted_sentiment")}


def _span_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for noise in data["noise"]:
        yield {"layer": "noise", "section": None, "paragraph": None, "start": noise["start"], "end": noise["end"],
               "text": noise["text"], "label": noise["kind"]}
    for part in data.get("front", []):
        yield from _spans_of(part, section=None, paragraph=None)
    for section in data["sections"]:
        heading = {"loaded_terms": section["heading_terms"], "actors": section.get("heading_actors", []),
                   "frames": section.get("heading_frames", []), "techniques": section.get("heading_techniques", [])}
        yield from _spans_of(heading, section=section["index"], paragraph=None)
        for paragraph in section["paragraphs"]:
            yield from _spans_of(paragraph, section=section["index"], paragraph=paragraph["index"])


def _spans_of(container: dict[str, Any], *, section: int | None, paragraph: int | None) -> Iterator[dict[str, Any]]:
    where = {"section": section, "paragraph": paragraph}
    for hit in container.get("loaded_terms", []):
        yield {"layer": "loaded_term", **where, "start": hit["start"], "end": hit["end"], "text": hit["text"],
               "label": hit["category"], "term": hit["term"], "weight": hit["weight"], "valence": hit["valence"],
               "negated": hit["negated"], "in_quote": hit["in_quote"], "speaker": hit["speaker"]}
    for marker in container.get("markers", []):
        yield {"layer": "marker", **where, "start": marker["start"], "end": marker["end"], "text": marker["text"],
               "label": marker["category"], "term": marker["term"], "negated": marker["negated"],
               "in_quote": marker["in_quote"], "speaker": marker["speaker"]}
    for mention in container.get("actors", []):
        yield {"layer": "actor", **where, "start": mention["start"], "end": mention["end"], "text": mention["text"],
               "label": mention["actor"], "kind": mention["kind"], "sentiment": mention["sentiment"],
               "sentiment_label": mention["label"], "speaker": mention["speaker"], "role": mention["role"],
               "portrayal": mention["portrayal"], "archetype": mention["archetype"]}
    for technique in container.get("techniques", []):
        yield {"layer": "technique", **where, "start": technique["start"], "end": technique["end"],
               "text": technique["text"], "label": technique["technique"], "rule": technique["rule"],
               "confidence": technique["confidence"]}
    for frame in container.get("frames", []):
        for cue in frame.get("cues", []):
            yield {"layer": "frame_cue", **where, "start": cue["start"], "end": cue["end"], "text": cue["text"],
                   "label": frame["frame"], "weight": cue["weight"], "cue_source": cue["source"]}
    for quote in container.get("quotes", []):
        speaker = quote["speaker"]["text"] if quote["speaker"] else None
        yield {"layer": "quote", **where, "start": quote["start"], "end": quote["end"], "text": quote["text"],
               "label": quote["kind"], "speaker": speaker}


def _document_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    top = data["actors"][0] if data["actors"] else None
    yield {
        "byline": data.get("byline"), "date": data.get("date_iso") or data.get("date"),
        "n_sections": len(data["sections"]), "n_paragraphs": sum(len(s["paragraphs"]) for s in data["sections"]),
        "loadedness": data.get("loadedness"), "n_actors": len(data["actors"]),
        "top_actor": top["actor"] if top else None, "top_actor_sentiment": top["sentiment"] if top else None,
        **_readability(data["readability"]), "text_sha256": data.get("text_sha256"),
    }
