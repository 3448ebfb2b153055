"""Shared pieces of the benchmark: the corpus, timers, the results table, machine facts."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_dc821f7e3df3926f.txt"
ARTICLE_SUFFIXES = (".txt", ".md")


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the results."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def word_count(text: str) -> int:
    """Words as the benchmark counts them: a plain whitespace split."""
    return len(text.split())


def seed_articles() -> tuple[list[Path], list[str]]:
    """Our sample articles, plus the shared real article when it is present; and notes."""
    paths = sorted(p for p in SEEDS.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")
    notes = []
    if SHARED_SEED.is_file():
        paths.append(SHARED_SEED)
    else:
        notes.append(f"{SHARED_SEED} is absent: the corpus uses seeds/ only")
    return paths, notes


@dataclass(frozen=True)
class Corpus:
    """Seed articles copied ``repeats`` times as separate files (``repeats`` is a multiple of 10)."""

    folder: Path
    files: tuple[str, ...]
    words: int
    repeats: int
    per_repeat: int  # files in one copy of the seeds

    def first_tenth(self) -> tuple[str, ...]:
        """The files of the first repeats/10 copies: exactly a tenth of the words."""
        return self.files[: self.per_repeat * (self.repeats // 10)]

    def texts(self) -> Iterable[tuple[str, str]]:
        """(path, text) of every file."""
        for path in self.files:
            yield path, Path(path).read_text(encoding="utf-8")


def build_corpus(folder: Path, min_words: int) -> Corpus:
    """Copy the seed articles into ``folder`` until the corpus has at least ``min_words`` words."""
    seeds, _ = seed_articles()
    texts = [(path, path.read_text(encoding="utf-8")) for path in seeds]
    per_copy = sum(word_count(text) for _, text in texts)
    repeats = 10 * max(1, -(-min_words // (per_copy * 10)))
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for copy in range(repeats):
        for path, text in texts:
            target = folder / f"{copy:03d}_{path.name}"
            target.write_text(text, encoding="utf-8")
            files.append(str(target))
    return Corpus(folder, tuple(files), per_copy * repeats, repeats, len(texts))


def timed(function: Callable[[], object]) -> float:
    """Seconds one call takes (wall clock)."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def timed_cpu(function: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - start, time.process_time() - cpu


def median_time(function: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` calls."""
    return statistics.median(timed(function) for _ in range(repeat))


def machine() -> list[str]:
    """CPU model, cores and Python, for the table's header."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"CPU: {model}, {os.cpu_count()} logical cores ({platform.machine()})",
        f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} {platform.release()}",
    ]


@dataclass
class Row:
    """One line of the results table."""

    section: str
    metric: str
    value: str
    target: str = ""
    verdict: str = ""  # PASS | FAIL | "" (no target)


@dataclass
class Table:
    """The results, printed once at the end."""

    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, section: str, metric: str, value: str, target: str = "", passed: bool | None = None) -> None:
        """Add a row; ``passed`` None means the row has no target."""
        verdict = "" if passed is None else ("PASS" if passed else "FAIL")
        self.rows.append(Row(section, metric, value, target, verdict))
        log(f"{section} | {metric}: {value}" + (f"  [{verdict} {target}]" if verdict else ""))

    def render(self, header: list[str]) -> str:
        """The table as fixed-width text."""
        widths = [max(len(getattr(r, name)) for r in self.rows + [Row("section", "metric", "value", "target", "verdict")])
                  for name in ("section", "metric", "value", "target", "verdict")]
        widths = [min(width, limit) for width, limit in zip(widths, (14, 62, 44, 16, 7))]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

        out = [*header, ""]
        out.append(line(("section", "metric", "value", "target", "verdict")))
        out.append(line(tuple("-" * width for width in widths)))
        previous = None
        for row in sorted(self.rows, key=lambda r: r.section.split(" ", 1)[0]):  # stable: keeps the order within
            section = row.section if row.section != previous else ""
            previous = row.section
            out.append(line((section, row.metric, row.value, row.target, row.verdict)))
        passed = sum(r.verdict == "PASS" for r in self.rows)
        failed = sum(r.verdict == "FAIL" for r in self.rows)
        out += ["", f"targets: {passed} PASS, {failed} FAIL"]
        if self.notes:
            out += ["", "notes:", *(f"- {note}" for note in self.notes)]
        return "\n".join(out)


def fmt_rate(words: int, seconds: float) -> str:
    """Words per second, readable."""
    return f"{words / seconds:,.0f} words/s" if seconds > 0 else "n/a"


def fmt_seconds(seconds: float) -> str:
    """Seconds with a sensible number of digits."""
    if seconds < 0.1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s" if seconds < 100 else f"{seconds:.0f} s"
