"""framing: rhetoric and framing analysis of news and opinion articles.

>>> import framing
>>> r = framing.report("article.txt")          # a path; never guessed to be text
>>> r = framing.analyze("Moscow agreed, but Washington balked.")
>>> r.sections[0].actors
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from framing._version import __version__
from framing.errors import FramingError, InputError, LexiconError, MissingDependencyError
from framing.model import Document, DocumentFormat, TargetSentiment

if TYPE_CHECKING:
    from framing.corpus_runner import CorpusItem, CorpusTable, Engine, Output
    from framing.model import Report
    from framing.render.dataframe import Level
    from framing.stages.lexicon_files import Lexicon
    from framing.stages.sentiment import Method, Voice

__all__ = [
    "Document",
    "FramingError",
    "InputError",
    "Lexicon",
    "LexiconError",
    "MissingDependencyError",
    "Report",
    "TargetSentiment",
    "__version__",
    "analyze",
    "corpus",
    "parse",
    "read_lexicon",
    "report",
    "sentiment_toward",
]



def report(path: str | os.PathLike[str], *, lexicons: Sequence[str | os.PathLike[str] | Lexicon] = (),
           default_lexicons: bool = True, model_terms: bool = True,
           actors: Sequence[str | os.PathLike[str]] = ()) -> Report:
    """Analyse the article file at ``path`` (plain text, Markdown or HTML).

    ``lexicons`` adds user lexicon files (TSV/CSV, JSON, LIWC ``.dic``) or Lexicon objects
    to the shipped one; ``default_lexicons=False`` uses only those. ``model_terms=False``
    switches off the learned scorer of loaded phrases (lexicon hits only). ``actors`` adds
    user gazetteers (TSV/CSV/JSON in the actors.tsv columns), merged over the shipped one.

    Raises:
        InputError: for a path that is missing, a directory, binary or undecodable.
        LexiconError: for a malformed user lexicon (with file and line).
    """
    from framing.pipeline import report_path

    return report_path(path, lexicons=lexicons, default_lexicons=default_lexicons, model_terms=model_terms,
                       actors=actors)


def analyze(text: str | bytes, *, source: str | None = None, format: DocumentFormat | None = None,
            lexicons: Sequence[str | os.PathLike[str] | Lexicon] = (), default_lexicons: bool = True,
            model_terms: bool = True, actors: Sequence[str | os.PathLike[str]] = ()) -> Report:
    """Analyse raw article text (``format`` is sniffed when not given: text, Markdown, HTML).

    Raises:
        InputError: when ``text`` is neither str nor bytes, or bytes that are not text.
        LexiconError: for a malformed user lexicon.
    """
    from framing.pipeline import analyze_text

    decoded, text_format = _decode(text, format)
    return analyze_text(decoded, text_format, source=source, lexicons=lexicons, default_lexicons=default_lexicons,
                        model_terms=model_terms, actors=actors)


def parse(text: str | bytes, *, format: DocumentFormat | None = None, source: str | None = None) -> Document:
    """Parse text into a Document only (sections, paragraphs, noise, title, byline, date).

    Raises:
        InputError: when ``text`` is neither str nor bytes, or bytes that are not text.
    """
    from framing.ingest.document import parse_document

    decoded, text_format = _decode(text, format)
    return parse_document(decoded, format=text_format, source=source)


def sentiment_toward(text: str, start: int, end: int, *, voice: Voice = "author",
                     method: Method = "auto") -> TargetSentiment:
    """Sentiment toward ``text[start:end]``: score in [-1, 1], label, evidence span, speaker.

    ``voice="author"`` ignores words quoted from others (as the report does);
    ``voice="any"`` counts every word. ``method="auto"`` uses the shipped trained model
    (``features`` then names what weighed most); ``method="rules"`` the clause rules.

    Raises:
        InputError: when the span is not inside the text.
    """
    from framing.stages.sentiment import sentiment_toward as _sentiment_toward

    return _sentiment_toward(text, start, end, voice=voice, method=method)


def read_lexicon(path: str | os.PathLike[str]) -> Lexicon:
    """Read and validate a user lexicon file (TSV/CSV, JSON, LIWC ``.dic``, word list).

    Raises:
        LexiconError: naming file and line, for malformed content.
    """
    from framing.stages.lexicon_files import read_lexicon as _read_lexicon

    return _read_lexicon(path)


@overload
def corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, workers: int | None = ...,
           engine: Engine = ..., scheduler: str | None = ...,
           lexicons: Sequence[str | os.PathLike[str] | Lexicon] = ..., default_lexicons: bool = ...,
           output: Output | None = ..., as_dataframe: Literal[False] = ..., level: Level = ...,
           progress: bool | None = ..., batch_size: int | None = ..., model_terms: bool = ...,
           actors: Sequence[str | os.PathLike[str]] = ...) -> Iterator[CorpusItem]: ...


@overload
def corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, workers: int | None = ...,
           engine: Engine = ..., scheduler: str | None = ...,
           lexicons: Sequence[str | os.PathLike[str] | Lexicon] = ..., default_lexicons: bool = ...,
           output: Output | None = ..., as_dataframe: Literal[True], level: Level = ...,
           progress: bool | None = ..., batch_size: int | None = ..., model_terms: bool = ...,
           actors: Sequence[str | os.PathLike[str]] = ...) -> CorpusTable: ...


def corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, workers: int | None = None,
           engine: Engine = "processes", scheduler: str | None = None,
           lexicons: Sequence[str | os.PathLike[str] | Lexicon] = (), default_lexicons: bool = True,
           output: Output | None = None, as_dataframe: bool = False, level: Level = "paragraph",
           progress: bool | None = None, batch_size: int | None = None, model_terms: bool = True,
           actors: Sequence[str | os.PathLike[str]] = ()) -> Iterator[CorpusItem] | CorpusTable:
    """Analyse many article files: one ``CorpusItem`` per file in input order, or one table.

    ``paths`` is a file, folder or glob pattern, or a list of them. ``workers`` defaults to
    every core (``1``: this process); ``engine="dask"`` sends batches to ``scheduler`` or a
    local cluster. ``output`` is what each item holds (``"report"`` or ``"dict"``).
    ``as_dataframe=True`` returns a ``CorpusTable``: the rows at ``level`` of every file in
    one pandas DataFrame, plus the errors. ``progress`` shows a tqdm bar. ``model_terms`` and
    ``actors`` are ``framing.report``'s. See ``framing.corpus_runner.run_corpus`` for the details.

    Raises:
        InputError: for bad arguments (unknown engine or level, workers < 1).
        LexiconError: for a malformed user lexicon.
        MissingDependencyError: when dask, pandas or tqdm is needed but not installed.
    """
    from framing.corpus_runner import run_corpus

    if as_dataframe:
        return run_corpus(paths, workers=workers, engine=engine, scheduler=scheduler, lexicons=lexicons,
                          default_lexicons=default_lexicons, output=output, as_dataframe=True, level=level,
                          progress=progress, batch_size=batch_size, model_terms=model_terms, actors=actors)
    return run_corpus(paths, workers=workers, engine=engine, scheduler=scheduler, lexicons=lexicons,
                      default_lexicons=default_lexicons, output=output, as_dataframe=False, level=level,
                      progress=progress, batch_size=batch_size, model_terms=model_terms, actors=actors)


def _decode(text: str | bytes, text_format: DocumentFormat | None) -> tuple[str, DocumentFormat]:
    from framing.ingest.source import decode_bytes, normalise_newlines, sniff_format

    if isinstance(text, (bytes, bytearray)):
        text, _ = decode_bytes(bytes(text))
    elif not isinstance(text, str):
        raise InputError(f"expected text as str or bytes, got {type(text).__name__}; for a file use framing.report(path)")
    if text_format is not None and text_format not in ("text", "markdown", "html"):
        raise InputError(f"format must be 'text', 'markdown' or 'html', got {text_format!r}")
    text = normalise_newlines(text)
    return text, text_format or sniff_format(text)


def __getattr__(name: str) -> Any:
    if name == "Report":
        from framing.model import Report

        return Report
    if name == "Lexicon":
        from framing.stages.lexicon_files import Lexicon

        return Lexicon
    raise AttributeError(f"module 'framing' has no attribute {name!r}")
