"""Build-time data preparation: the GMB NER extract -> natural sentences with entity offsets.

Reads ``gmb_ner_dataset.csv.zip`` (Windows-1252 CSV: ``Sentence #,Word,POS,Tag``; see
PROVENANCE.md beside it), detokenises each sentence ("U.S. officials say", possessives and
punctuation attached, curly double quotes) and maps IOB tags to character spans. Run as a
script it writes the development split as JSONL (``{"text", "entities": [{"start", "end",
"type"}]}``, types PER/ORG/LOC) for ``python -m framing.evaluate.ner``. Never write its
output into the repository: GMB text is not shipped.

Splits (also in ``framing/data/recogniser.md``): sentences are grouped in blocks of
``BLOCK`` consecutive sentence numbers (so a story's sentences mostly stay together) and a
block's split is ``zlib.crc32(str(number // BLOCK).encode()) % 10``: 0 = development
(never trained on), 1 = validation (used to choose constants), the rest = training.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ZIP = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ner" / "gmb_ner_dataset.csv.zip"
# Consecutive sentences per split block: GMB documents average about 20 sentences, so
# a block of 25 keeps most of a story on one side of the split.
BLOCK = 25
DEV, VALIDATION = 0, 1
# Tokens written without a space before them, and after them.
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}%'") | {"'s", "n't", "'ll", "'m", "'re", "'ve", "'d", "...", "…"}
_NO_SPACE_AFTER = frozenset("([{$#")
# Words that open a person span in GMB ("President Bush") but are a title, not the name.
_GOLD_TITLES = frozenset(
    "mr. mrs. ms. dr. president prime minister senator secretary general king queen pope "
    "chancellor vice foreign defense ambassador sheikh ayatollah prince envoy governor mayor".split()
)


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold span: offsets into the sentence text and its GMB tag and mapped type."""

    start: int
    end: int
    tag: str  # GMB tag: per org geo gpe tim art eve nat
    type: str  # PER ORG LOC NAT, or NONE for tim/art/eve/nat


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A detokenised GMB sentence with its number, split and entities."""

    number: int
    split: int
    text: str
    entities: tuple[GoldEntity, ...]


def split_of(number: int) -> int:
    """The split (0 dev, 1 validation, 2-9 train) of GMB sentence ``number``."""
    return zlib.crc32(str(number // BLOCK).encode("ascii")) % 10


def _rows(zip_path: Path) -> Iterator[list[str]]:
    with zipfile.ZipFile(zip_path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        with archive.open(name) as raw:
            reader = csv.reader(io.TextIOWrapper(raw, encoding="cp1252", newline=""))
            next(reader)
            yield from reader


def _entity_type(tag: str, pos: Sequence[str]) -> str:
    if tag == "per":
        return "PER"
    if tag == "org":
        return "ORG"
    if tag == "geo":
        return "LOC"
    if tag == "gpe":  # a noun ("Iraq") is a place; an adjective or plural ("Iraqi", "Iraqis") a nationality
        return "LOC" if all(p == "NNP" for p in pos) else "NAT"
    return "NONE"


def detokenise(tokens: list[tuple[str, str, str]], number: int) -> GoldSentence:
    """Join GMB (word, POS, tag) tokens into natural text and map the tags to character spans.

    Gold cleaning (silver labels): leading titles are cut from person spans, and a title
    tagged as a person on its own ("Mr." B-per, then "Putin" B-geo) makes the proper-noun
    entity right after it the person.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    quote_open = False
    glue_next = True
    for word, _, _ in tokens:
        if word == '"':
            word = "”" if quote_open else "“"
            quote_open = not quote_open
        if word == "." and parts and parts[-1].endswith("."):
            offsets.append((length, length))  # "U.S." then "." ends the sentence once
            continue
        glue = glue_next or word in _NO_SPACE_BEFORE or word == "”" or (word == "-" and parts)
        if not glue:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(word)))
        parts.append(word)
        length += len(word)
        glue_next = word in _NO_SPACE_AFTER or word == "“" or word == "-"
    text = "".join(parts)
    entities: list[GoldEntity] = []
    i = 0
    while i < len(tokens):
        tag = tokens[i][2]
        if not tag.startswith("B-") and not tag.startswith("I-"):
            i += 1
            continue
        kind = tag[2:]
        j = i + 1
        while j < len(tokens) and tokens[j][2] == f"I-{kind}":
            j += 1
        first = i
        if kind == "per":
            while first < j and tokens[first][0].lower() in _GOLD_TITLES:
                first += 1
            if first == j:  # a title tagged alone ("Mr." B-per, "Putin" B-geo): the name after it is the person
                if j < len(tokens) and tokens[j][2].startswith("B-") and tokens[j][1] == "NNP":
                    tokens[j] = (tokens[j][0], tokens[j][1], "B-per")
                    for k in range(j + 1, len(tokens)):
                        if not tokens[k][2].startswith("I-"):
                            break
                        tokens[k] = (tokens[k][0], tokens[k][1], "I-per")
                i = j
                continue
        start, end = offsets[first][0], offsets[j - 1][1]
        if end > start:
            entities.append(GoldEntity(start, end, kind, _entity_type(kind, [t[1] for t in tokens[first:j]])))
        i = j
    return GoldSentence(number, split_of(number), text, tuple(entities))


def read_gmb(zip_path: Path = DEFAULT_ZIP) -> Iterator[GoldSentence]:
    """Yield every GMB sentence, detokenised, in file order."""
    tokens: list[tuple[str, str, str]] = []
    number = 0
    for row in _rows(zip_path):
        marker, word, pos, tag = row[0], row[1], row[2], row[3]
        if marker:
            if tokens:
                yield detokenise(tokens, number)
            number = int(marker.split(":")[1])
            tokens = []
        tokens.append((word, pos, tag))
    if tokens:
        yield detokenise(tokens, number)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/gmb_dev.jsonl"))
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument("--split", type=int, default=DEV, help="0 = development (default), 1 = validation")
    args = parser.parse_args(argv)
    if args.out.suffix != ".jsonl":  # ("gmb_dev_jsonl.py data.csv.zip" once emptied the archive)
        parser.error(f"the output must be a .jsonl file, not {args.out} (the archive is --zip)")
    count = 0
    with args.out.open("w", encoding="utf-8") as handle:
        for sentence in read_gmb(args.zip):
            if sentence.split != args.split:
                continue
            entities = [{"start": e.start, "end": e.end, "type": e.type}
                        for e in sentence.entities if e.type in ("PER", "ORG", "LOC")]
            handle.write(json.dumps({"text": sentence.text, "entities": entities}, ensure_ascii=False) + "\n")
            count += 1
    print(f"wrote {count} sentences to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
