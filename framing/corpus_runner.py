"""Corpus stage (``framing.corpus``): many article files -> their reports in input order, or one table of rows.

Files are analysed by local worker processes (``engine="processes"``, the default), in
this process (``workers=1``) or on a Dask cluster (``engine="dask"``). Results stream back
in input order through a bounded window of in-flight batches, so memory stays flat however
many files there are. A file that cannot be analysed becomes an error entry, never an
exception: the batch goes on.
"""

from __future__ import annotations

import glob
import importlib
import importlib.util
import math
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from framing.errors import InputError, MissingDependencyError

if TYPE_CHECKING:
    import pandas

    from framing.model import Report
    from framing.render.dataframe import Level
    from framing.stages.lexicon_files import Lexicon

Engine = Literal["processes", "dask"]
Output = Literal["report", "dict"]
PathInput = str | os.PathLike[str]
# What a worker sends back for one file: its report, its to_dict() data or its table rows.
_Mode = Literal["report", "dict", "rows"]
_Outcome = tuple[str, Any, str | None]

ARTICLE_SUFFIXES = frozenset((".txt", ".md", ".markdown", ".html", ".htm"))
# Documentation files a folder of articles often holds; skipped when a folder is expanded.
NOT_ARTICLES = frozenset(("README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "NOTICE", "AUTHORS"))
# In-flight batches per worker: enough to keep every worker busy while the head of the
# queue is handed to the caller, few enough that memory does not grow with the corpus.
WINDOW_PER_WORKER = 4
# Batches per worker the corpus is cut into at least, so a slow file does not leave the
# other workers idle at the end; and the most files / bytes one batch may hold.
BATCHES_PER_WORKER = 8
MAX_BATCH_FILES = 16
MAX_BATCH_BYTES = 2_000_000
# Without ``workers``, a corpus smaller than this runs in this process: a worker process spends 2-5 s
# importing and building its lexicons and models, about what one core needs for this many bytes
# of articles (some 80,000 words), so starting workers would only make a small run slower.
IN_PROCESS_BYTES = 500_000
# Table rows kept as dicts before they are packed into a DataFrame fragment.
FLUSH_ROWS = 50_000


@dataclass(frozen=True, slots=True)
class CorpusItem:
    """One file's outcome: its report (or that report's ``to_dict()`` data), or why it failed.

    Exactly one of ``report``, ``data`` and ``error`` is set: ``report`` with
    ``output="report"``, ``data`` with ``output="dict"``, ``error`` (one line) on failure.
    """

    path: str
    report: Report | None = None
    data: dict[str, Any] | None = None
    error: str | None = None

    @property
    def is_ok(self) -> bool:
        """Whether the file was analysed."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data, whichever form was kept.

        Raises:
            InputError: for a file that failed (the message says why).
        """
        if self.data is not None:
            return self.data
        if self.report is not None:
            return self.report.to_dict()
        raise InputError(f"{self.path}: no report ({self.error})")


@dataclass(frozen=True, slots=True)
class CorpusTable:
    """A corpus as one table of rows at ``level``, with the files that failed.

    Every row starts with the ``path`` of its file; the other columns are those of
    ``framing.render.dataframe.rows`` at that level.
    """

    frame: pandas.DataFrame
    level: Level
    n_files: int
    n_ok: int
    errors: tuple[tuple[str, str], ...]


class _Future(Protocol):
    def result(self) -> Any: ...


# --- inputs ---------------------------------------------------------------------------


def expand_paths(paths: PathInput | Iterable[PathInput]) -> tuple[str, ...]:
    """Expand files, folders and glob patterns into a de-duplicated list of file paths.

    A folder stands for every article file (``.txt``, ``.md``, ``.markdown``, ``.html``,
    ``.htm``) below it, recursively, hidden ones left out; a pattern (``*``, ``?``, ``[``;
    ``**`` recurses) for what it matches. Each item's expansion is sorted; items keep the order given, and a
    file named twice is kept where it first appears. A name that is neither an existing
    path nor a pattern is kept, so that it is reported as missing; a pattern that matches
    nothing is kept too, for the same reason.

    Raises:
        InputError: when ``paths`` is not a path, a pattern or a list of them.
    """
    items: Iterable[Any] = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    if not isinstance(items, Iterable) or isinstance(items, (bytes, bytearray)):
        raise InputError(f"corpus() takes a path, a glob pattern or a list of them, got {type(paths).__name__}")
    found: dict[str, str] = {}  # resolved path -> path as first written
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise InputError(f"corpus() paths must be str or os.PathLike, got {type(item).__name__}: {item!r:.80}")
        for path in _expand_one(os.fspath(item)):
            found.setdefault(os.path.abspath(path), path)
    return tuple(found.values())


def _expand_one(item: str) -> list[str]:
    path = Path(item)
    if path.is_dir():
        return _folder_articles(path)
    if path.exists() or not _is_pattern(item):
        return [str(path)]
    matches: list[str] = []
    for match in sorted(glob.glob(item, recursive=True)):
        matches.extend(_expand_one(match) if Path(match).is_dir() else [str(Path(match))])
    return matches or [item]


def _is_pattern(item: str) -> bool:
    return any(char in item for char in "*?[")


def _folder_articles(folder: Path) -> list[str]:
    """Article files below ``folder``, sorted.

    Hidden files and folders (``.git``, ``.venv``) and a folder's own documentation
    (README, LICENSE, CHANGELOG …) are skipped; name such a file explicitly to analyse it.
    """
    found: list[str] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(os.path.join(root, name) for name in files
                     if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
                     and os.path.splitext(name)[0].upper() not in NOT_ARTICLES)
    return sorted(found)


def _total_bytes(files: Sequence[str]) -> int:
    """The files' summed sizes (a pattern or missing file counts 0: it fails later, as an error entry)."""
    total = 0
    for path in files:
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
    return total


def _resolve_gazetteers(actors: Sequence[PathInput]) -> tuple[str, ...]:
    """Check user gazetteers once, here, so a malformed one fails before any file is analysed."""
    from framing.stages.gazetteer import load_gazetteer

    if isinstance(actors, (str, os.PathLike)):
        actors = [actors]
    files = tuple(os.fspath(path) for path in actors)
    if files:
        load_gazetteer(files)
    return files


def _resolve_lexicons(lexicons: Sequence[PathInput | Lexicon]) -> tuple[Lexicon, ...]:
    """Read user lexicons once, here, so a malformed one fails before any file is analysed."""
    from framing.stages.lexicon_files import Lexicon, read_lexicon

    if isinstance(lexicons, (str, os.PathLike)):
        lexicons = [lexicons]
    return tuple(item if isinstance(item, Lexicon) else read_lexicon(item) for item in lexicons)


# --- the public entry point -----------------------------------------------------------


@overload
def run_corpus(paths: PathInput | Iterable[PathInput], *, workers: int | None = ..., engine: Engine = ...,
               scheduler: str | None = ..., lexicons: Sequence[PathInput | Lexicon] = ...,
               default_lexicons: bool = ..., output: Output | None = ..., as_dataframe: Literal[False] = ...,
               level: Level = ..., progress: bool | None = ..., batch_size: int | None = ...,
               model_terms: bool = ..., actors: Sequence[PathInput] = ...) -> Iterator[CorpusItem]: ...


@overload
def run_corpus(paths: PathInput | Iterable[PathInput], *, workers: int | None = ..., engine: Engine = ...,
               scheduler: str | None = ..., lexicons: Sequence[PathInput | Lexicon] = ...,
               default_lexicons: bool = ..., output: Output | None = ..., as_dataframe: Literal[True],
               level: Level = ..., progress: bool | None = ..., batch_size: int | None = ...,
               model_terms: bool = ..., actors: Sequence[PathInput] = ...) -> CorpusTable: ...


def run_corpus(paths: PathInput | Iterable[PathInput], *, workers: int | None = None, engine: Engine = "processes",
               scheduler: str | None = None, lexicons: Sequence[PathInput | Lexicon] = (),
               default_lexicons: bool = True, output: Output | None = None, as_dataframe: bool = False,
               level: Level = "paragraph", progress: bool | None = None,
               batch_size: int | None = None, model_terms: bool = True,
               actors: Sequence[PathInput] = ()) -> Iterator[CorpusItem] | CorpusTable:
    """Analyse many article files: stream one ``CorpusItem`` per file, in input order.

    ``paths`` is a file, folder or glob pattern, or a list of them (see ``expand_paths``).
    ``workers`` defaults to every core (to this process for a corpus under IN_PROCESS_BYTES,
    where starting workers costs more than it saves); ``workers=1`` runs in this process. With
    ``engine="dask"`` the files go to ``scheduler`` (a ``tcp://`` address) or to a local
    cluster of ``workers`` single-threaded processes. ``output`` is what each item holds:
    ``"report"`` (the ``Report``; the default for processes) or ``"dict"`` (its
    ``to_dict()`` data; the default for Dask, which ships plain data). User ``lexicons``
    are read and validated here once, then shipped to every worker; so are user gazetteers
    (``actors``). ``model_terms=False`` switches the learned scorer off, as in ``framing.report``.

    ``as_dataframe=True`` returns a ``CorpusTable`` instead: the rows of every file at
    ``level`` in one pandas DataFrame (workers send rows, not reports), plus the errors.
    ``progress`` shows a tqdm bar on stderr (default: when stderr is a terminal and tqdm
    is installed).

    Raises:
        InputError: for bad arguments (unknown engine or level, workers < 1).
        LexiconError: for a malformed user lexicon or gazetteer.
        MissingDependencyError: when dask (``engine="dask"``), pandas (``as_dataframe``)
            or tqdm (``progress=True``) is needed but not installed.
    """
    if engine not in ("processes", "dask"):
        raise InputError(f"engine must be 'processes' or 'dask', got {engine!r}")
    if output not in (None, "report", "dict"):
        raise InputError(f"output must be 'report' or 'dict', got {output!r}")
    count = (os.cpu_count() or 1) if workers is None else workers
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise InputError(f"workers must be a positive integer, got {workers!r}")
    if batch_size is not None and (not isinstance(batch_size, int) or batch_size < 1):
        raise InputError(f"batch_size must be a positive integer, got {batch_size!r}")
    if as_dataframe:
        _require_pandas()
        _check_level(level)
    if engine == "dask":
        _require_dask()
    bar = _progress_factory(progress)
    files = expand_paths(paths)
    if workers is None and engine == "processes" and _total_bytes(files) < IN_PROCESS_BYTES:
        count = 1  # a small corpus: no worker would pay for its start
    resolved = _resolve_lexicons(lexicons)
    gazetteers = _resolve_gazetteers(actors)
    mode: _Mode = "rows" if as_dataframe else output or ("dict" if engine == "dask" else "report")
    task = _Task(resolved, default_lexicons, mode, level, model_terms, gazetteers)
    outcomes = _stream(files, task, count, engine, scheduler, batch_size)
    if bar is not None:
        outcomes = _with_progress(outcomes, bar(total=len(files), unit="file", desc="framing"))
    if as_dataframe:
        return _collect_table(outcomes, level, len(files))
    return (_item(outcome, mode) for outcome in outcomes)


def write_table(frame: pandas.DataFrame, path: PathInput) -> None:
    """Write a corpus table as ``.csv`` or ``.parquet`` (chosen by the suffix).

    Raises:
        InputError: for another suffix.
        MissingDependencyError: for Parquet without pyarrow (``pip install 'framing[parquet]'``).
    """
    target = Path(path)
    if check_table_path(target) == ".csv":
        frame.to_csv(target, index=False)
    else:
        frame.to_parquet(target, index=False)


def check_table_path(path: PathInput) -> str:
    """The table format of ``path`` (``.csv`` or ``.parquet``), checked before any work is done.

    Raises:
        InputError: for another suffix.
        MissingDependencyError: for Parquet without pyarrow (``pip install 'framing[parquet]'``).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise InputError(f"{target}: unknown table format {suffix or '(no suffix)'!r}; use .csv or .parquet")
    if suffix == ".parquet" and importlib.util.find_spec("pyarrow") is None:
        raise MissingDependencyError(f"{target}: writing Parquet needs pyarrow: pip install 'framing[parquet]'")
    return suffix


# --- workers --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Task:
    """What every worker needs besides the paths: picklable, small, the same for all batches."""

    lexicons: tuple[Lexicon, ...]
    default_lexicons: bool
    mode: _Mode
    level: Level
    model_terms: bool = True
    actors: tuple[str, ...] = ()  # user gazetteer files, checked before any article is read


def _analyse_batch(paths: Sequence[str], task: _Task) -> list[_Outcome]:
    """Analyse a batch of files in one worker; a failure is caught and becomes that file's error.

    The worker's caches (compiled automaton, gazetteer, models) live per process, so they
    are built once and reused for every batch the worker receives.
    """
    return [_analyse_file(path, task) for path in paths]


def _analyse_file(path: str, task: _Task) -> _Outcome:
    from framing.pipeline import report_path

    if _is_pattern(path) and not os.path.exists(path):
        return path, None, f"{path}: no files match this pattern"
    try:
        report = report_path(path, lexicons=task.lexicons, default_lexicons=task.default_lexicons,
                             model_terms=task.model_terms, actors=task.actors)
        if task.mode == "report":
            return path, report, None
        data = report.to_dict()
        if task.mode == "dict":
            return path, data, None
        from framing.render.dataframe import rows

        return path, [{"path": path, **row} for row in rows(data, level=task.level)], None
    except Exception as error:
        return path, None, _error_message(error)


def _error_message(error: BaseException) -> str:
    from framing.errors import FramingError

    message = " ".join(str(error).split())
    if isinstance(error, FramingError):
        return message or type(error).__name__
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _item(outcome: _Outcome, mode: _Mode) -> CorpusItem:
    path, payload, error = outcome
    if error is not None:
        return CorpusItem(path, error=error)
    return CorpusItem(path, report=payload) if mode == "report" else CorpusItem(path, data=payload)


# --- scheduling -----------------------------------------------------------------------


def _batches(files: Sequence[str], workers: int, batch_size: int | None) -> list[tuple[str, ...]]:
    """Cut the files into batches: about BATCHES_PER_WORKER per worker, capped in files and bytes."""
    limit = batch_size or max(1, min(MAX_BATCH_FILES, math.ceil(len(files) / (workers * BATCHES_PER_WORKER))))
    batches: list[tuple[str, ...]] = []
    current: list[str] = []
    size = 0
    for path in files:
        try:
            file_size = os.stat(path).st_size
        except OSError:
            file_size = 0  # missing: the worker reports it
        if current and (len(current) >= limit or size + file_size > MAX_BATCH_BYTES):
            batches.append(tuple(current))
            current, size = [], 0
        current.append(path)
        size += file_size
    if current:
        batches.append(tuple(current))
    return batches


def _stream(files: Sequence[str], task: _Task, workers: int, engine: Engine, scheduler: str | None,
            batch_size: int | None) -> Iterator[_Outcome]:
    if engine == "dask":
        return _stream_dask(_batches(files, workers, batch_size), task, workers, scheduler)
    if workers == 1 or len(files) <= 1:
        return (_analyse_file(path, task) for path in files)
    batches = _batches(files, workers, batch_size)
    return _stream_processes(batches, task, min(workers, len(batches)))


def _ordered(batches: Iterable[tuple[str, ...]], submit: Callable[[tuple[str, ...]], _Future], window: int,
             on_failure: Callable[[tuple[str, ...], Exception], list[_Outcome]]) -> Iterator[_Outcome]:
    """Keep at most ``window`` batches in flight; yield their outcomes in submission order."""
    pending = iter(batches)
    flight: deque[tuple[tuple[str, ...], _Future]] = deque()
    for batch in pending:
        flight.append((batch, submit(batch)))
        if len(flight) >= window:
            break
    while flight:
        batch, future = flight.popleft()
        try:
            outcomes: list[_Outcome] = future.result()
        except Exception as error:
            outcomes = on_failure(batch, error)
        del future
        following = next(pending, None)
        if following is not None:
            flight.append((following, submit(following)))
        yield from outcomes


def _stream_processes(batches: list[tuple[str, ...]], task: _Task, workers: int) -> Iterator[_Outcome]:
    """Run batches on a local process pool.

    When a worker dies (killed, out of memory) the pool breaks and every batch in flight
    fails with it; those files are retried one at a time in a single-worker pool, so only
    a file that kills its worker again is reported as an error, and a new pool takes over.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pools = [ProcessPoolExecutor(max_workers=workers)]
    spares: list[ProcessPoolExecutor] = []

    def submit(batch: tuple[str, ...]) -> _Future:
        try:
            return pools[-1].submit(_analyse_batch, batch, task)
        except BrokenProcessPool:
            pools.append(ProcessPoolExecutor(max_workers=workers))
            return pools[-1].submit(_analyse_batch, batch, task)

    def alone(path: str) -> _Outcome:
        if not spares:
            spares.append(ProcessPoolExecutor(max_workers=1))
        try:
            outcomes: list[_Outcome] = spares[-1].submit(_analyse_batch, (path,), task).result()
            return outcomes[0]
        except BrokenProcessPool as error:
            spares.append(ProcessPoolExecutor(max_workers=1))
            return path, None, f"worker process died while analysing this file ({_error_message(error)})"

    def on_failure(batch: tuple[str, ...], error: Exception) -> list[_Outcome]:
        if isinstance(error, BrokenProcessPool):
            return [alone(path) for path in batch]
        return [(path, None, f"worker failed: {_error_message(error)}") for path in batch]

    try:
        yield from _ordered(batches, submit, workers * WINDOW_PER_WORKER, on_failure)
    finally:
        for pool in [*pools, *spares]:
            pool.shutdown(wait=True, cancel_futures=True)


def _stream_dask(batches: list[tuple[str, ...]], task: _Task, workers: int, scheduler: str | None) -> Iterator[_Outcome]:
    """Run batches on a Dask cluster: the one at ``scheduler``, else a local one we start and stop."""
    distributed = importlib.import_module("dask.distributed")  # untyped: used as a plain module
    cluster = None
    if scheduler is None:
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address=None)  # loopback only
        client = distributed.Client(cluster)
    else:
        client = distributed.Client(scheduler)
    try:
        shipped = client.scatter(task, broadcast=True)  # the lexicons travel once per worker

        def submit(batch: tuple[str, ...]) -> _Future:
            future: _Future = client.submit(_analyse_batch, batch, shipped, pure=False)
            return future

        def on_failure(batch: tuple[str, ...], error: Exception) -> list[_Outcome]:
            return [(path, None, f"dask worker failed: {_error_message(error)}") for path in batch]

        yield from _ordered(batches, submit, workers * WINDOW_PER_WORKER, on_failure)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- tables and progress --------------------------------------------------------------


def _collect_table(outcomes: Iterator[_Outcome], level: Level, n_files: int) -> CorpusTable:
    """Accumulate rows (never reports), packing them into DataFrame fragments as they come."""
    import pandas

    from framing.render.dataframe import frame_of, with_integer_indexes

    fragments: list[pandas.DataFrame] = []
    pending: list[dict[str, Any]] = []
    errors: list[tuple[str, str]] = []
    n_ok = 0
    for path, payload, error in outcomes:
        if error is not None:
            errors.append((path, error))
            continue
        n_ok += 1
        pending.extend(payload)
        if len(pending) >= FLUSH_ROWS:
            fragments.append(frame_of(pending, level=level, leading=("path",)))
            pending = []
    if pending or not fragments:
        fragments.append(frame_of(pending, level=level, leading=("path",)))
    frame = fragments[0] if len(fragments) == 1 else pandas.concat(fragments, ignore_index=True).infer_objects()
    frame = with_integer_indexes(frame)  # a fragment without a missing index may be int64, another Int64
    return CorpusTable(frame=frame, level=level, n_files=n_files, n_ok=n_ok, errors=tuple(errors))


def _with_progress(outcomes: Iterator[_Outcome], bar: Any) -> Iterator[_Outcome]:
    try:
        for outcome in outcomes:
            bar.update(1)
            yield outcome
    finally:
        bar.close()


def _progress_factory(progress: bool | None) -> Callable[..., Any] | None:
    if progress is False or (progress is None and not _stderr_is_terminal()):
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        if progress:
            raise MissingDependencyError("progress=True needs tqdm: pip install 'framing[progress]'") from None
        return None
    factory: Callable[..., Any] = tqdm
    return factory


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _check_level(level: str) -> None:
    from framing.render.dataframe import LEVELS

    if level not in LEVELS:
        raise InputError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")


def _require_pandas() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise MissingDependencyError("corpus tables need pandas: pip install 'framing[pandas]'") from None


def _require_dask() -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        raise MissingDependencyError("engine='dask' needs dask.distributed: pip install 'framing[dask]'") from None
