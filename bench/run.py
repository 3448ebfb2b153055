"""framing benchmark: throughput per stage, naive baseline, lexicon growth, latency, memory, scaling, robustness.

Run from the project root:  python bench/run.py [--quick] [--budget SECONDS]
Progress goes to stderr; the results table to stdout. See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tools/ (the NLTK cmudict writer)

from common import (
    ROOT,
    SHARED_SEED,
    Corpus,
    Table,
    build_corpus,
    fmt_rate,
    fmt_seconds,
    log,
    machine,
    seed_articles,
    timed,
    timed_cpu,
    word_count,
)

# Targets (from the project brief).
TARGET_VS_NAIVE = 2.0          # framing at least 2x the naive implementation's words/s
TARGET_LEXICON_GROWTH = 1.10   # 1,000 -> 50,000 terms costs at most 10% more matching time
TARGET_IMPORT = 0.3            # s, `import framing` in a fresh process
TARGET_FIRST_REPORT = 3.0      # s, fresh process: imports + resources + one report
TARGET_WARM_REPORT = 0.050     # s, median warm report of the shared seed article
TARGET_SCALING = 1.7           # 2 workers vs 1 on a 2-core machine
TARGET_CORPUS_GROWTH = 10.5    # 10x the words costs at most 10.5x the time
GROWTH_ROUNDS = 3  # alternating runs of the first tenth and of the whole corpus (1 and 2 workers); the mean of each
# Targets chosen for the benchmark (the brief asks for "linear time, bounded memory").
TARGET_BIG_FILE_PER_MB = 1.10  # s/MB of a 20 MB file at most 1.1x the s/MB of a 2 MB file
TARGET_LINEAR_EXPONENT = 1.10  # t ~ size^k with k at most 1.1 on adversarial inputs

# The tracemalloc stream runs over one copy of the seeds and over this many copies.
STREAM_FACTOR = 3

FULL = {"min_words": 200_000, "budget": 285.0, "latency_runs": 3, "big": 20 * 1_000_000, "mid": 2 * 1_000_000,
        "scale": 1.0}
QUICK = {"min_words": 20_000, "budget": 100.0, "latency_runs": 1, "big": 2 * 1_000_000, "mid": 200_000,
         "scale": 0.1}


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the table; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smaller run (about 1.5 minutes)")
    parser.add_argument("--budget", type=float, help="seconds the whole run may take (default 285; quick 100)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask comparison")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    budget = args.budget or settings["budget"]
    began = time.monotonic()
    deadline = began + budget
    table = Table()
    header = [f"framing benchmark ({'quick' if args.quick else 'full'} run, budget {budget:.0f} s)", *machine(),
              f"load average at start: {_loadavg()}"]
    seeds, notes = seed_articles()
    table.notes.extend(notes)
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        folder = Path(tmp)
        corpus = build_corpus(folder / "corpus", int(settings["min_words"]))
        log(f"corpus: {len(corpus.files)} files, {corpus.words:,} words ({corpus.repeats} copies of {len(seeds)} articles)")
        header.append(f"corpus: {len(corpus.files)} files, {corpus.words:,} words "
                      f"({corpus.repeats} copies of {', '.join(p.name for p in seeds)})")
        _warm_up(seeds)
        framing_cpu = throughput(table, corpus)
        naive_baseline(table, corpus, folder, framing_cpu)
        lexicon_growth(table, seeds, quick=args.quick)
        latency(table, int(settings["latency_runs"]))
        scaling(table, corpus, dask=not args.no_dask)
        robustness(table, folder, seeds, corpus, settings, deadline)
        memory(table)
    header.append(f"load average at end: {_loadavg()}; total run time {time.monotonic() - began:.0f} s")
    table.notes.append("Wall-clock figures depend on other load (see the load average and 'got N% of a core'); "
                       "ratios marked CPU compare CPU seconds, which other processes do not inflate.")
    print(table.render(header))
    return 0


# --- 1. throughput ----------------------------------------------------------------------


def _warm_up(seeds: Sequence[Path]) -> None:
    import framing

    for path in seeds:
        framing.report(path)
    log("warm: every seed article reported once")


def throughput(table: Table, corpus: Corpus) -> float:
    """Full report words/s (single process, warm), then words/s and share of each stage."""
    from stages import ORDER, time_stages

    import framing

    def run_all() -> None:
        for path in corpus.files:
            framing.report(path)

    gc.collect()
    seconds, cpu = timed_cpu(run_all)
    table.add("1 throughput", "full report, 1 process, warm", f"{fmt_rate(corpus.words, seconds)} ({fmt_seconds(seconds)}; "
              f"got {100 * cpu / seconds:.0f}% of a core)")
    table.add("1 throughput", "  per CPU second (what an idle core would do)", fmt_rate(corpus.words, cpu))
    staged_total, stages, missing = time_stages(corpus.files)
    for stage in ORDER:
        share = 100 * stages[stage] / staged_total
        rate = fmt_rate(corpus.words, stages[stage]) if stages[stage] > 0 else "n/a"
        table.add("1 throughput", f"stage {stage}", f"{rate}, {share:.1f}% of total")
    if missing:
        table.notes.append(f"stage timing: not found in this version: {', '.join(missing)}")
    table.notes.append(f"stage shares come from a second pass with timers around each stage function "
                       f"({fmt_seconds(staged_total)} vs {fmt_seconds(seconds)} without timers).")
    return cpu


# --- 2. naive baseline ------------------------------------------------------------------


def naive_baseline(table: Table, corpus: Corpus, folder: Path, framing_cpu: float) -> None:
    """The naive regex + VADER per sentence + uncached textstat per paragraph, on the same corpus (CPU time)."""
    from naive import NaiveAnalyzer, offline_textstat, shipped_terms

    analyzer = NaiveAnalyzer(shipped_terms(), offline_textstat(folder / "nltk_data"))
    texts = [text for _, text in corpus.texts()]
    seconds, cpu = timed_cpu(lambda: [analyzer.analyze(text) for text in texts])
    ratio = cpu / framing_cpu
    table.add("2 vs naive", "naive (regex + VADER/sentence + textstat/paragraph)",
              f"{fmt_rate(corpus.words, seconds)}; {fmt_rate(corpus.words, cpu)} per CPU second")
    table.add("2 vs naive", "framing speed / naive speed (CPU time)", f"{ratio:.2f}x", f">= {TARGET_VS_NAIVE:.1f}x",
              ratio >= TARGET_VS_NAIVE)


# --- 3. lexicon growth ------------------------------------------------------------------


def lexicon_growth(table: Table, seeds: Sequence[Path], *, quick: bool) -> None:
    """Matching time with 50,000 terms over 1,000 terms: framing's automaton and the naive regex."""
    from lexgrowth import LARGE, SMALL, framing_growth, regex_growth

    from framing.stages.lexicon_files import load_lexicon

    texts = [path.read_text(encoding="utf-8") for path in seeds]
    shipped = [(entry.term, entry.category) for entry in load_lexicon().entries]
    copies = 10
    ours = framing_growth(texts * copies, shipped)
    words = sum(word_count(text) for text in texts) * copies
    table.add("3 lexicon", f"framing automaton {SMALL:,} -> {LARGE:,} terms ({words:,} words, CPU)",
              f"{ours.ratio:.2f}x ({fmt_seconds(ours.small_seconds)} -> {fmt_seconds(ours.large_seconds)})",
              f"<= {TARGET_LEXICON_GROWTH:.2f}x", ours.ratio <= TARGET_LEXICON_GROWTH)
    table.add("3 lexicon", "  same hits with both lexicons", f"{ours.small_hits} = {ours.large_hits}",
              passed=None if ours.small_hits == ours.large_hits else False)
    table.add("3 lexicon", f"  compiling {LARGE:,} terms (once per process)", fmt_seconds(ours.compile_seconds))
    sample = [texts[0]]  # the regex with 50,000 alternatives is too slow for more
    naive = regex_growth(sample, shipped)
    table.add("3 lexicon", f"naive regex {SMALL:,} -> {LARGE:,} terms ({word_count(sample[0]):,} words)",
              f"{naive.ratio:.1f}x ({fmt_seconds(naive.small_seconds)} -> {fmt_seconds(naive.large_seconds)})")


# --- 4. latency -------------------------------------------------------------------------

_IMPORT_SNIPPET = "import time; t = time.perf_counter(); import framing; print(time.perf_counter() - t)"
_FIRST_SNIPPET = ("import time, sys; t = time.perf_counter(); import framing; framing.report(sys.argv[1]); "
                  "print(time.perf_counter() - t)")


def _subprocess_seconds(code: str, *args: str) -> float:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def latency(table: Table, first_runs: int) -> None:
    """import time, first report in a fresh process, and warm latency."""
    import framing

    article = SHARED_SEED if SHARED_SEED.is_file() else seed_articles()[0][0]
    imports = statistics.median(_subprocess_seconds(_IMPORT_SNIPPET) for _ in range(5))
    table.add("4 latency", "import framing (fresh process, median of 5)", fmt_seconds(imports),
              f"<= {TARGET_IMPORT} s", imports <= TARGET_IMPORT)
    first = statistics.median(_subprocess_seconds(_FIRST_SNIPPET, str(article)) for _ in range(first_runs))
    table.add("4 latency", f"first report, fresh process ({article.name}, median of {first_runs})",
              fmt_seconds(first), f"<= {TARGET_FIRST_REPORT} s", first <= TARGET_FIRST_REPORT)
    runs = [timed_cpu(lambda: framing.report(article)) for _ in range(20)]
    warm = statistics.median(wall for wall, _ in runs)
    warm_cpu = statistics.median(cpu for _, cpu in runs)
    table.add("4 latency", "warm report (median of 20)", f"{fmt_seconds(warm)} (CPU {fmt_seconds(warm_cpu)})",
              f"<= {TARGET_WARM_REPORT * 1000:.0f} ms", warm <= TARGET_WARM_REPORT)


# --- 5. memory --------------------------------------------------------------------------


def memory(table: Table) -> None:
    """Peak RSS of this process and of the largest child, for the whole run."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    table.add("5 memory", "peak RSS of the benchmark process (whole run)", f"{own:,.0f} MB")
    table.add("5 memory", "peak RSS of the largest child (forked children count the pages they share)",
              f"{children:,.0f} MB")


def stream_memory(files: Sequence[str]) -> tuple[float, float]:
    """tracemalloc peak (MB) and seconds of streaming ``files`` through framing.corpus (1 worker)."""
    from framing.corpus_runner import run_corpus

    tracemalloc.start()
    start = time.perf_counter()
    n_ok = sum(item.is_ok for item in run_corpus(files, workers=1, progress=False))
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n_ok == len(files)
    return peak / 1e6, seconds


# --- 6. scaling -------------------------------------------------------------------------


def _warm_worker() -> bool:
    """Load framing's resources in a Dask worker (defined here so Dask ships it by value)."""
    import framing

    framing.analyze("Moscow agreed to the plan, but Washington balked at the price.")
    return True


def scaling(table: Table, corpus: Corpus, *, dask: bool) -> None:
    """framing.corpus with 1 and 2 worker processes, Dask, and 10x more words."""
    from framing.corpus_runner import run_corpus

    def run(files: Sequence[str], **options: object) -> tuple[float, float]:
        """Seconds, and how many cores this process and its finished children got meanwhile."""
        def call() -> None:
            result = run_corpus(files, as_dataframe=True, level="document", progress=False, **options)  # type: ignore[call-overload]
            assert result.n_ok == len(files), result.errors[:3]

        cpu = _cpu_seconds()
        seconds = timed(call)
        return seconds, (_cpu_seconds() - cpu) / seconds

    small = corpus.first_tenth()
    # the tenth and the whole corpus alternately, three times, and the mean of each: the collector's
    # full passes (tens of ms over this warm process's heap) fall into some runs of the tenth and not
    # others, so the best run of the tenth would be one without them, set against runs with their share.
    # The two-worker runs alternate with them, so that all three figures see the same machine.
    rounds = [(run(small, workers=1), run(corpus.files, workers=1), run(corpus.files, workers=2))
              for _ in range(GROWTH_ROUNDS)]
    small_seconds, small_cores = _mean_run([tenth for tenth, _, _ in rounds])
    one, one_cores = _mean_run([whole for _, whole, _ in rounds])
    two, two_cores = _mean_run([pool for _, _, pool in rounds])
    table.add("6 scaling", "corpus API, 1 worker (in process)",
              f"{fmt_rate(corpus.words, one)} ({fmt_seconds(one)}; got {one_cores:.2f} cores)")
    table.add("6 scaling", "corpus API, 2 worker processes",
              f"{fmt_rate(corpus.words, two)} ({fmt_seconds(two)}; got {two_cores:.2f} cores)")
    table.add("6 scaling", "speed-up 2 workers vs 1", f"{one / two:.2f}x", f">= {TARGET_SCALING}x",
              one / two >= TARGET_SCALING)
    efficiency = (one * one_cores) / (two * two_cores)
    table.add("6 scaling", "  CPU seconds 1 worker / 2 workers (pool overhead)",
              f"{efficiency:.2f}; on 2 idle cores: about {2 * efficiency:.2f}x")
    growth = (one * one_cores) / (small_seconds * small_cores)
    table.add("6 scaling", f"10x the words ({len(small)} -> {len(corpus.files)} files): CPU time ratio",
              f"{growth:.2f}x (wall {one / small_seconds:.2f}x)", f"<= {TARGET_CORPUS_GROWTH}x",
              growth <= TARGET_CORPUS_GROWTH)
    if dask:
        _dask_scaling(table, corpus, two)


def _mean_run(runs: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The mean seconds of (seconds, cores) runs, and the cores that gives the mean CPU seconds."""
    seconds = sum(wall for wall, _ in runs) / len(runs)
    return seconds, sum(wall * cores for wall, cores in runs) / len(runs) / seconds


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have finished."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _dask_scaling(table: Table, corpus: Corpus, processes_seconds: float) -> None:
    from framing.corpus_runner import run_corpus

    try:
        distributed = importlib.import_module("dask.distributed")  # untyped: used as a plain module
    except ImportError:
        table.notes.append("dask.distributed is not installed: no Dask comparison (pip install 'framing[dask]')")
        return
    start = time.perf_counter()
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    started = time.perf_counter() - start
    try:
        warm = timed(lambda: client.run(_warm_worker))
        seconds = timed(lambda: run_corpus(corpus.files, engine="dask", scheduler=cluster.scheduler_address,
                                           as_dataframe=True, level="document", progress=False))
    finally:
        client.close()
        cluster.close()
    table.add("6 scaling", "Dask local cluster, 2 workers (warm cluster)", f"{fmt_rate(corpus.words, seconds)} "
              f"({fmt_seconds(seconds)}; + {fmt_seconds(started)} start, {fmt_seconds(warm)} worker warm-up)")
    table.add("6 scaling", "time Dask / processes (warm; incl. start-up)",
              f"{seconds / processes_seconds:.2f}x; {(seconds + started + warm) / processes_seconds:.2f}x")


# --- 7. robustness ----------------------------------------------------------------------


def robustness(table: Table, folder: Path, seeds: Sequence[Path], corpus: Corpus, settings: dict[str, float],
               deadline: float) -> None:
    """Big and adversarial inputs in forked children, two lanes at once (one per core)."""
    from robust import MB, Case, exponent, in_child, normal_text, one_paragraph, repeated, run_ladder, time_at

    texts = [path.read_text(encoding="utf-8") for path in seeds]
    scale = settings["scale"]
    big, mid = int(settings["big"]), int(settings["mid"])
    normal = Case("normal", "normal articles", normal_text(texts), big)
    adversarial = [
        Case("apostrophes", f"\"Trump's \" x {int(200_000 * scale):,}", repeated("Trump's "), int(1_600_000 * scale)),
        Case("quoted", f"'\"x\" ' x {int(100_000 * scale):,}", repeated('"x" '), int(400_000 * scale)),
        Case("bullets", f"'- a\\n' x {int(100_000 * scale):,}", repeated("- a\n"), int(400_000 * scale)),
        Case("paragraph", f"one {5 * scale:g} MB paragraph, no newline", one_paragraph(texts), int(5 * MB * scale)),
    ]
    work = folder / "robust"
    work.mkdir()
    remaining = deadline - time.monotonic() - 10  # leave time to print
    log(f"robustness: {remaining:.0f} s left for two lanes")
    normal_sizes = sorted({mid // 32, mid // 8, mid // 2, mid, int(5 * MB * scale), big})
    results: dict[str, list] = {}  # type: ignore[type-arg]

    def report(case: Case, point: object) -> None:
        log(f"robustness {case.name}: {point}")

    def lane_normal() -> None:
        results["normal"] = run_ladder(normal, work, remaining, normal_sizes, report)

    def lane_adversarial() -> None:
        results["stream"] = []
        for files in (corpus.files[:corpus.per_repeat], corpus.files[:STREAM_FACTOR * corpus.per_repeat]):
            left = deadline - time.monotonic() - 10
            measured = in_child(stream_memory, (files,), left / 2) if left > 0 else None
            if not isinstance(measured, tuple):
                break
            results["stream"].append(measured)
        share = (deadline - time.monotonic() - 10) / (len(adversarial) + 1.5)
        for case in adversarial:
            results[case.name] = run_ladder(case, work, share * (2.5 if case.name == "paragraph" else 1), None, report)

    threads = [threading.Thread(target=lane_normal), threading.Thread(target=lane_adversarial)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _robustness_rows(table, normal, adversarial, results, big, mid, exponent, time_at)
    _stream_rows(table, corpus, results.get("stream", []))
    table.notes.append("Robustness cases run in two lanes at once (normal ladder | adversarial ladders), one child "
                       "process each, so their times include some contention; 'est.' marks a time extrapolated "
                       "from the last sizes measured within the budget (t ~ size^k).")


def _fmt_size(size: int) -> str:
    return f"{size / 1e6:.3g} MB" if size >= 1_000_000 else f"{size / 1e3:.3g} KB"


def _fmt_time(value: float | None, estimated: bool) -> str:
    if value is None:
        return "timeout"
    return ("est. " if estimated else "") + fmt_seconds(value)


def _robustness_rows(table: Table, normal: object, adversarial: list, results: dict, big: int, mid: int,  # type: ignore[type-arg]
                     exponent: Callable[..., float | None], time_at: Callable[..., tuple[float | None, bool]]) -> None:
    normal_points = results.get("normal", [])
    mid_time, _ = time_at(normal_points, mid)
    big_time, big_est = time_at(normal_points, big)
    mid_mb, big_mb = mid / 1e6, big / 1e6
    if mid_time and big_time:
        per_mb = (big_time / big_mb) / (mid_time / mid_mb)
        table.add("7 robustness", f"{big_mb:g} MB file: CPU s/MB vs {mid_mb:g} MB file",
                  f"{big_time / big_mb:.2f} vs {mid_time / mid_mb:.2f} s/MB = {per_mb:.2f}x"
                  + (" (est.)" if big_est else ""), f"<= {TARGET_BIG_FILE_PER_MB}x",
                  per_mb <= TARGET_BIG_FILE_PER_MB)
    else:
        table.add("7 robustness", f"{big_mb:g} MB file", "no measurement within the budget")
    for point in normal_points:
        peak = f"{point.peak_mb:,.0f} MB peak RSS growth" if point.peak_mb is not None else "no memory figure"
        cpu = f" (CPU {fmt_seconds(point.cpu)})" if point.cpu is not None else ""
        table.add("7 robustness", f"  normal text {_fmt_size(point.size)}",
                  f"{_fmt_time(point.seconds, False)}{cpu}, {peak}")
    k = exponent(normal_points)
    if k is not None:
        table.add("7 robustness", "  normal text: CPU t ~ size^k (last two sizes)", f"k = {k:.2f}",
                  f"<= {TARGET_LINEAR_EXPONENT}", k <= TARGET_LINEAR_EXPONENT)
    for case in adversarial:
        points = results.get(case.name, [])
        seconds, estimated = time_at(points, case.full_size)
        reference, ref_est = time_at(normal_points, case.full_size)
        ratio = f"{seconds / reference:,.1f}x normal" if seconds and reference else "n/a"
        flag = " (est.)" if estimated or ref_est else ""
        failed = [p for p in points if p.timeout < 0]
        if failed:
            table.add("7 robustness", f"{case.label} ({_fmt_size(case.full_size)})",
                      f"framing raised at {_fmt_size(failed[0].size)}", passed=False)
            continue
        table.add("7 robustness", f"{case.label} ({_fmt_size(case.full_size)})",
                  f"CPU {_fmt_time(seconds, estimated)}; {ratio}{flag}")
        measured = [p for p in points if p.seconds is not None]
        if measured:
            largest = measured[-1]
            analysed = f"; {100 * largest.analysed:.0f}% of its words analysed" if largest.analysed is not None else ""
            table.add("7 robustness", f"  largest measured: {_fmt_size(largest.size)}",
                      f"{fmt_seconds(float(largest.seconds))} (CPU {fmt_seconds(float(largest.cpu or 0))}){analysed}")
        k = exponent(points)
        if k is not None:
            table.add("7 robustness", "  CPU t ~ size^k (last two sizes)", f"k = {k:.2f}", f"<= {TARGET_LINEAR_EXPONENT}",
                      k <= TARGET_LINEAR_EXPONENT)


def _stream_rows(table: Table, corpus: Corpus, stream: list[tuple[float, float]]) -> None:
    labels = [f"{corpus.per_repeat} files", f"{STREAM_FACTOR * corpus.per_repeat} files"]
    for label, (peak, _) in zip(labels, stream):
        table.add("5 memory", f"tracemalloc peak, framing.corpus stream of {label}", f"{peak:,.1f} MB")
    if len(stream) == 2:
        table.add("5 memory", f"  peak with {STREAM_FACTOR}x the files / peak with 1x (bounded: about 1)",
                  f"{stream[1][0] / stream[0][0]:.2f}x")


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text(encoding="utf-8").split()[:3])
    except OSError:
        return "n/a"


if __name__ == "__main__":
    raise SystemExit(main())
