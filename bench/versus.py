"""Throughput of this tree against another checkout of framing (e.g. the pre-change commit), in one run.

    git worktree add ../old <commit>
    python bench/versus.py ../old          # prints words/s of each and the ratio
    python bench/versus.py ../old --unseen ../shared/eval/ptc_dev/articles   # text not seen before

Each side runs in its own interpreter (PYTHONPATH points at its tree), warmed on every
file once, then reports every corpus file; sides alternate for ``--rounds`` rounds so
that load on the machine hits both alike. Times are CPU seconds of the measuring process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_MEASURE = r"""
import json, sys, time
import framing
paths, warm = json.loads(sys.argv[1]), json.loads(sys.argv[3])
for path in warm or paths:
    framing.report(path)
words = sum(len(open(p, encoding="utf-8").read().split()) for p in paths)
best = None
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    for path in paths:
        framing.report(path)
    spent = time.process_time() - start
    best = spent if best is None else min(best, spent)
print(json.dumps({"words": words, "seconds": best, "file": framing.__file__}))
"""


def corpus() -> list[str]:
    """Our seed articles plus the shared real article when present."""
    paths = sorted(str(p) for p in (ROOT / "seeds").iterdir() if p.suffix in (".txt", ".md"))
    shared = ROOT.parent / "shared" / "seeds"
    if shared.is_dir():
        paths += sorted(str(p) for p in shared.iterdir() if p.suffix == ".txt")
    return paths


def measure(tree: Path, paths: list[str], repeats: int, warm: list[str] | None = None) -> dict[str, float]:
    """Words/s of one tree over ``paths``, warmed on ``warm`` (default: on ``paths`` themselves)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", _MEASURE, json.dumps(paths), str(repeats), json.dumps(warm or [])], env=env,
                         capture_output=True, text=True, check=True, cwd="/")
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (its root folder)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5, help="timed passes per round (the best counts)")
    parser.add_argument("--unseen", type=Path, metavar="DIR",
                        help="time one pass over the .txt files of DIR, after warming up on the seeds only "
                             "(text the per-word caches have not seen)")
    args = parser.parse_args()
    paths, warm, repeats = corpus(), None, args.repeats
    if args.unseen is not None:
        warm, paths, repeats = paths, sorted(str(p) for p in args.unseen.resolve().glob("*.txt")), 1
    results: dict[str, list[float]] = {"this": [], "other": []}
    for _ in range(args.rounds):
        for name, tree in (("other", args.other.resolve()), ("this", ROOT)):
            found = measure(tree, paths, repeats, warm)
            results[name].append(found["words"] / found["seconds"])
            print(f"{name:5} {found['words'] / found['seconds']:>10,.0f} words/s  ({found['file']})", file=sys.stderr)
    this, other = max(results["this"]), max(results["other"])
    print(f"this tree  : {this:>10,.0f} words/s (best of {args.rounds} rounds)")
    print(f"other tree : {other:>10,.0f} words/s")
    print(f"ratio      : {this / other:.2f}x")


if __name__ == "__main__":
    main()
