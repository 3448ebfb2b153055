"""Locate data shipped with framing (lexicons, gazetteer) in an install or a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def lexicon_root() -> Traversable:
    """The folder of shipped lexicons: ``framing/lexicons`` when installed, else ``lexicons/``.

    The top-level ``lexicons/`` folder of the source tree is the source of truth; the
    wheel ships it as the ``framing.lexicons`` package data.
    """
    try:
        root = resources.files("framing.lexicons")
        if root.joinpath("loaded_language.tsv").is_file():
            return root
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "lexicons"


def read_data_bytes(relative: str) -> bytes:
    """Read a shipped data file by its path below the lexicon folder (``frames/x.tsv``)."""
    node = lexicon_root()
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node.read_bytes()


def read_model_text(name: str) -> str:
    """The text of a shipped weights file in ``framing/data``: from the installed package, else the source tree.

    Raises:
        FileNotFoundError: when the file is in neither place.
    """
    try:
        return resources.files("framing").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, NotADirectoryError):
        return (Path(__file__).resolve().parents[1] / "data" / name).read_text(encoding="utf-8")


@cache
def data_sha256(name: str) -> str:
    """The sha256 of a shipped weights file in ``framing/data`` ("" when it is missing)."""
    import hashlib

    try:
        return hashlib.sha256(resources.files("framing").joinpath("data", name).read_bytes()).hexdigest()
    except (FileNotFoundError, ModuleNotFoundError):
        return ""
