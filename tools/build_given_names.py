"""Build-time data: US Census 1990 given names -> ``lexicons/given_names.tsv``.

The census lists (``dist.female.first``, ``dist.male.first``: name, percent of people,
cumulative percent, rank; public domain) ship inside the ``names`` package on PyPI (MIT
licence, Trey Hunner), which this script reads and framing does not need at run time.

    pip install names==0.3.0 && python tools/build_given_names.py

Writes one row per name (lower case), with its larger share of either list in percent; a name
on both lists ("jordan", "taylor") keeps the larger. Every name is kept: those that are also
everyday words ("will", "mark", "an") are set aside at run time by the recogniser's own
lower-case table, not here.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lexicons" / "given_names.tsv"
HEADER = """\
# framing given names (lexicons/given_names.tsv): the recogniser reads a capitalised run that opens
# with one of these as a person's name where its weights are unsure (framing/stages/recogniser.py).
# Source: US Census 1990 given-name lists (public domain), as shipped in the PyPI package
# "names" 0.3.0 (MIT). Rebuild: pip install names==0.3.0 && python tools/build_given_names.py
# Columns: name (lower case), percent (share of people with the name in the larger of the two lists).
name\tpercent
"""


def read_census(text: str) -> dict[str, float]:
    """Name -> percent from one census file (fixed-width rows: NAME  percent  cumulative  rank)."""
    shares: dict[str, float] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 4:
            shares[fields[0].lower()] = float(fields[1])
    return shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    package = resources.files("names")
    merged: dict[str, float] = {}
    for name in ("dist.female.first", "dist.male.first"):
        for given, percent in read_census(package.joinpath(name).read_text(encoding="ascii")).items():
            merged[given] = max(merged.get(given, 0.0), percent)
    rows = "".join(f"{given}\t{percent:g}\n" for given, percent in sorted(merged.items()))
    args.out.write_text(HEADER + rows, encoding="utf-8")
    print(f"wrote {len(merged)} names to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
