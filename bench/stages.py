"""Time each pipeline stage inside the real ``framing.report`` flow.

The stage functions that ``framing/pipeline.py::build_report`` (and ``framing.report``)
call are wrapped with timers for the duration of a run, so the flow measured is the
library's own, not a copy that could drift. What no wrapper covers (building the report
records, grouping spans, summaries) is the "aggregation" remainder.
"""

from __future__ import annotations

import importlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

# stage -> (module, attribute) pairs looked up when the run starts; a missing one is noted.
# The names are those framing/pipeline.py imports (its module namespace is what build_report reads).
_P = "framing.pipeline"
STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "parse": ((_P, "read_source"), (_P, "parse_document")),
    "sentences": ((_P, "split_sentences"),),
    "quotes": ((_P, "find_quotes"), (_P, "resolve_speaker")),
    "actors": ((_P, "find_actors"), (_P, "find_references"), (_P, "FoldedSpan")),
    "loaded terms": ((_P, "_find_hits"), (_P, "compile_lexicons"), (_P, "resolve_lexicons")),
    "roles + target sentiment": ((_P, "TextContext"), (_P, "find_role"), (_P, "score_target")),
    "portrayal": ((_P, "_cast"),),
    "frames + techniques": ((_P, "_analyse_span"), (_P, "_add_repetition")),
    "paragraph polarity + readability": ((_P, "_section_report"),),
}
ORDER = (*STAGES, "aggregation")


@contextmanager
def stage_timers() -> Iterator[tuple[dict[str, float], list[str]]]:
    """Wrap the stage functions with timers; yields (seconds per stage, names not found)."""
    seconds: dict[str, float] = defaultdict(float)
    missing: list[str] = []
    patched: list[tuple[Any, str, Any]] = []
    active = [False]  # a stage called from inside another timed stage is not counted twice
    for stage, names in STAGES.items():
        for module_name, attribute in names:
            module = importlib.import_module(module_name)
            original = getattr(module, attribute, None)
            if original is None:
                missing.append(f"{module_name}.{attribute}")
                continue
            patched.append((module, attribute, original))
            setattr(module, attribute, _timer(original, stage, seconds, active))
    try:
        yield seconds, missing
    finally:
        for module, attribute, original in reversed(patched):
            setattr(module, attribute, original)


def _timer(function: Callable[..., Any], stage: str, seconds: dict[str, float], active: list[bool]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        if active[0]:
            return function(*args, **kwargs)
        active[0] = True
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[stage] += time.perf_counter() - start
            active[0] = False

    return timed


def time_stages(paths: Sequence[str]) -> tuple[float, dict[str, float], list[str]]:
    """Report every path with the stages timed: (total seconds, seconds per stage, missing names)."""
    import framing

    with stage_timers() as (seconds, missing):
        start = time.perf_counter()
        for path in paths:
            framing.report(path)
        total = time.perf_counter() - start
    result = {stage: seconds.get(stage, 0.0) for stage in STAGES}
    result["aggregation"] = max(0.0, total - sum(result.values()))
    return total, result, missing
