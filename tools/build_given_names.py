"""Build-time data: US Census 1990 given names -> ``lexicons/given_names.tsv``.

The census lists (``dist.female.first``, ``dist.male.first``: name, percent of people,
cumulative percent, rank; public domain) ship inside the ``names`` package on PyPI (MIT
licence, Trey Hunner), which this script reads and framing does not need at run time.

    pip install names==0.3.0 && python tools/build_given_names.py

Writes one row per name (lower case), with its larger share of either list in percent (a name
on both lists, "jordan", "taylor", keeps the larger) and the share of its bearers on the female
list (a pronoun agrees with it: "she said" is not Tom Reyes's). Every name is kept: those that are also
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
# Columns: name (lower case), percent (share of people with the name in the larger of the two lists),
# female (share of the name's bearers on the female list, from the two lists' percents: 1 = women only).
name\tpercent\tfemale
"""


def read_census(text: str) -> dict[str, float]:
    """Name -> percent from one census file (fixed-width rows: NAME  percent  cumulative  rank)."""
    shares: dict[str, float] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 4:
            shares[fields[0].lower()] = float(fields[1])
    return shares


def merge_lists(female: dict[str, float], male: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Name -> (its larger percent on either list, the female list's share of its two percents, to two places)."""
    merged = {}
    for given in female.keys() | male.keys():
        f, m = female.get(given, 0.0), male.get(given, 0.0)
        merged[given] = (max(f, m), round(f / (f + m), 2) if f + m else 0.5)
    return merged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    package = resources.files("names")
    female, male = (read_census(package.joinpath(name).read_text(encoding="ascii"))
                    for name in ("dist.female.first", "dist.male.first"))
    rows = "".join(f"{given}\t{percent:g}\t{share:g}\n" for given, (percent, share) in sorted(merge_lists(female, male).items()))
    merged = female.keys() | male.keys()
    args.out.write_text(HEADER + rows, encoding="utf-8")
    print(f"wrote {len(merged)} names to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
