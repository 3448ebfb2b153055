"""Robustness timing: very large and adversarial inputs, each measured in a forked child.

Each measurement runs ``framing.report`` on one file in a child forked from the warm
benchmark process (so no import or loading time is counted), with a hard timeout; the
child reports its time and how much its peak RSS grew. Inputs are measured on a ladder of
sizes (each step 4x the last, ending at the full size) while the time budget allows; when
the full size is out of reach its time is extrapolated from the last two steps
(``t ~ size^k``), and marked as an estimate.
"""

from __future__ import annotations

import math
import multiprocessing
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MB = 1_000_000
# Never start a ladder below this many characters; steps grow by LADDER_STEP.
MIN_LADDER_BYTES = 200
LADDER_STEP = 4


@dataclass(frozen=True)
class Point:
    """One measurement: input characters, wall seconds (None: timed out), CPU seconds, peak RSS growth.

    ``timeout`` is the limit that was hit, or -1 when framing raised. Ratios and exponents
    use the child's CPU seconds, which other load on the machine does not inflate; the
    budget and timeouts use wall seconds.
    """

    size: int
    seconds: float | None
    peak_mb: float | None
    timeout: float = 0.0
    analysed: float | None = None  # body words the report counted / whitespace-separated tokens
    cpu: float | None = None


@dataclass(frozen=True)
class Case:
    """An input family: how to make ``size`` bytes of it, and its full size."""

    name: str
    label: str
    make: Callable[[int], str]
    full_size: int


def normal_text(seed_texts: list[str]) -> Callable[[int], str]:
    """Ordinary articles (the seeds, one after another) cut to ``size`` characters."""
    body = "\n\n".join(seed_texts)

    def make(size: int) -> str:
        return (body * (size // len(body) + 1))[:size]

    return make


def one_paragraph(seed_texts: list[str]) -> Callable[[int], str]:
    """A title line, then the articles with every line break turned into a space: one paragraph, no newline.

    Without the short title line the whole paragraph would be read as the title.
    """
    title = "One very long paragraph\n\n"
    words = [word for text in seed_texts for word in text.split() if word.strip("#")]  # no Markdown heading marks
    body = " ".join(words) + " "

    def make(size: int) -> str:
        return title + (body * (size // len(body) + 1))[:size - len(title)]

    return make


def repeated(unit: str) -> Callable[[int], str]:
    """``unit`` repeated to ``size`` characters."""

    def make(size: int) -> str:
        return unit * max(1, size // len(unit))

    return make


def in_child(function: Callable[..., Any], args: tuple[Any, ...], timeout: float) -> Any:
    """``function(*args)`` in a child forked from this (warm) process; None on timeout or crash.

    The child sends back the function's result; an exception comes back as ``Failed``.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(function, args, sender), daemon=True)
    child.start()
    sender.close()
    try:
        return receiver.recv() if receiver.poll(max(0.1, timeout)) else None
    except EOFError:  # the child died (out of memory?)
        return None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


@dataclass(frozen=True)
class Failed:
    """What a child sends back when the function raised."""

    message: str


def _child(function: Callable[..., Any], args: tuple[Any, ...], sender: Any) -> None:
    try:
        result = function(*args)
    except Exception as error:
        result = Failed(f"{type(error).__name__}: {error}")
    sender.send(result)


def _report_file(path: str) -> tuple[float, float, float, float]:
    import framing

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    report = framing.report(path)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tokens = len(Path(path).read_text(encoding="utf-8").split())
    analysed = report.readability.n_words / tokens if tokens else 1.0
    return seconds, (after - before) / 1024, analysed, cpu  # ru_maxrss is in KiB on Linux


def measure(path: Path, size: int, timeout: float) -> Point:
    """``framing.report(path)`` in a forked child: its seconds and peak RSS growth, or a timeout.

    ``size`` is the input's length in characters (what the ladder asked for).
    """
    result = in_child(_report_file, (str(path),), timeout)
    if result is None:
        return Point(size, None, None, timeout)
    if isinstance(result, Failed):
        return Point(size, None, None, -1.0)
    seconds, peak_mb, analysed, cpu = result
    return Point(size, seconds, peak_mb, analysed=analysed, cpu=cpu)


def ladder_sizes(full_size: int, extra: tuple[int, ...] = ()) -> list[int]:
    """Sizes full/4^k ascending (none below MIN_LADDER_BYTES), plus ``extra`` ones."""
    sizes = {full_size}
    size = full_size
    while size // LADDER_STEP >= MIN_LADDER_BYTES:
        size //= LADDER_STEP
        sizes.add(size)
    return sorted(sizes | {s for s in extra if s <= full_size})


def run_ladder(case: Case, folder: Path, budget: float, sizes: list[int] | None = None,
               on_point: Callable[[Case, Point], None] | None = None) -> list[Point]:
    """Measure ``case`` at growing sizes until the full size, or until the budget would be exceeded."""
    points: list[Point] = []
    deadline = time.monotonic() + budget
    for size in sizes or ladder_sizes(case.full_size):
        remaining = deadline - time.monotonic()
        predicted = predict(points, size)
        if remaining <= 0 or (predicted is not None and predicted > remaining):
            break
        path = folder / f"{case.name}_{size}.txt"
        path.write_text(case.make(size), encoding="utf-8")
        point = measure(path, size, remaining)
        path.unlink()
        points.append(point)
        if on_point:
            on_point(case, point)
        if point.seconds is None:
            break
    return points


def _value(point: Point, kind: str) -> float | None:
    return point.cpu if kind == "cpu" else point.seconds


def exponent(points: list[Point], kind: str = "cpu") -> float | None:
    """k in t ~ size^k from the last two finished measurements (None with fewer than two)."""
    done = [(p.size, _value(p, kind)) for p in points if _value(p, kind)]
    if len(done) < 2:
        return None
    (first_size, first), (last_size, last) = done[-2], done[-1]
    if last_size == first_size or not first or not last:
        return None
    return math.log(last / first) / math.log(last_size / first_size)


def predict(points: list[Point], size: int, kind: str = "wall") -> float | None:
    """Expected seconds at ``size`` (k from the last two steps, at least 1; 2 with one step)."""
    done = [(p.size, _value(p, kind)) for p in points if _value(p, kind)]
    if not done:
        return None
    k = exponent(points, kind)
    k = 2.0 if k is None else max(1.0, k)
    last_size, last = done[-1]
    return float(last or 0.0) * float((size / last_size) ** k)


def time_at(points: list[Point], size: int, kind: str = "cpu") -> tuple[float | None, bool]:
    """Seconds at ``size``: (measured, False) when measured, else (extrapolated, True).

    Between two measured sizes the time is interpolated on the log-log line; beyond the
    last one it is extrapolated, and never below what a timeout at a smaller size implies.
    """
    done = [(p.size, float(_value(p, kind) or 0.0)) for p in points if _value(p, kind)]
    for done_size, value in done:
        if done_size == size:
            return value, False
    if not done:
        return None, True
    below = [d for d in done if d[0] <= size]
    above = [d for d in done if d[0] >= size]
    if below and above and below[-1][0] != above[0][0]:
        (low_size, low), (high_size, high) = below[-1], above[0]
        k = math.log(high / low) / math.log(high_size / low_size)
        return low * float((size / low_size) ** k), True
    estimate = predict(points, size, kind)
    timed_out = [p for p in points if p.seconds is None and p.timeout > 0]
    if timed_out and estimate is not None:  # it took at least the timeout at that size
        floor = timed_out[-1].timeout * (size / timed_out[-1].size)
        estimate = max(estimate, floor)
    return estimate, True
