"""Find the span that contains an offset in O(log n), for sorted, mostly disjoint spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, Protocol, TypeVar


class _HasOffsets(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_HasOffsets)
# Nested spans (a quotation inside reported speech) are few: look back this far at most.
MAX_NESTING_LOOKBACK = 8


class SpanIndex(Generic[SpanT]):
    """Spans sorted by start; ``at(offset)`` returns the innermost span containing it."""

    def __init__(self, spans: Sequence[SpanT]) -> None:
        self._spans = sorted(spans, key=lambda span: (span.start, -span.end))
        self._starts = [span.start for span in self._spans]
        # the furthest end among the spans up to each position: past it no earlier span holds an
        # offset (made at the first ``at``: many indexes are only asked ``within``)
        self._reach: list[int] | None = None
        self._bounds: list[int] | None = None

    def at(self, offset: int) -> SpanT | None:
        """The latest-starting span with ``start <= offset < end``, or None.

        An offset past every earlier span's end (most offsets outside quotations) is
        answered without looking at the spans.
        """
        reach = self._reach or self._running_reach()
        position = bisect_right(self._starts, offset) - 1
        if position < 0 or reach[position] <= offset:
            return None
        span = self._spans[position]
        if offset < span.end:  # (its start is at most offset)
            return span
        for candidate in range(position, max(-1, position - MAX_NESTING_LOOKBACK), -1):
            span = self._spans[candidate]
            if span.start <= offset < span.end:
                return span
        return None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``start``..``end``: of the spans starting before ``end``, the
        furthest end reaches past ``start`` (a bisection and the running maximum of ends)."""
        reach = self._reach or self._running_reach()
        last = bisect_left(self._starts, end) - 1
        return last >= 0 and reach[last] > start

    def _running_reach(self) -> list[int]:
        """The furthest end among the spans up to each position, made at the first question."""
        if self._reach is None:
            self._reach = list(accumulate((span.end for span in self._spans), max))
        return self._reach

    def bounds(self) -> list[int]:
        """Every span's start and end, sorted: ``at`` gives one answer from one of them up to the next."""
        if self._bounds is None:
            self._bounds = sorted({offset for span in self._spans for offset in (span.start, span.end)})
        return self._bounds

    def within(self, start: int, end: int) -> list[SpanT]:
        """Every span that starts inside ``start``..``end``."""
        first = bisect_right(self._starts, start - 1)
        last = bisect_right(self._starts, end - 1, lo=first)
        return self._spans[first:last]
