"""Shared fixtures: sample paths, cached reports, and no network for the whole session."""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import framing
from framing.model import Report, TermHit
from framing.stages.actors import find_actors
from framing.stages.gazetteer import load_gazetteer
from framing.stages.quotes import find_quotes
from framing.stages.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_dc821f7e3df3926f.txt"


class NetworkBlocked(RuntimeError):
    """Raised by any attempt to open a socket during the tests."""


@pytest.fixture(scope="session", autouse=True)
def no_network() -> Iterator[None]:
    """Every test runs with sockets disabled: framing must never touch the network."""

    class BlockedSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise NetworkBlocked("framing tried to open a network socket")

    def refuse(*args: object, **kwargs: object) -> socket.socket:
        raise NetworkBlocked("framing tried to open a network connection")

    original = socket.socket
    original_connection = socket.create_connection
    socket.socket = BlockedSocket  # type: ignore[misc]
    socket.create_connection = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.socket = original  # type: ignore[misc]
        socket.create_connection = original_connection


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared_seed() -> Path:
    if not SHARED_SEED.is_file():
        reason = "../shared/seeds is not present next to the project (third-party seed article)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI always has ../shared")
        pytest.skip(reason)
    return SHARED_SEED


@pytest.fixture(scope="session")
def seed_report(shared_seed: Path) -> framing.Report:
    return framing.report(shared_seed)


@pytest.fixture(scope="session")
def sample_reports() -> dict[str, framing.Report]:
    return {path.name: framing.report(path) for path in sorted(SEEDS.glob("*")) if path.suffix in (".txt", ".md") and path.name != "README.md"}


def all_spans(data: dict) -> Iterator[dict]:
    """Every span-like dict (with start, end, text) in a report's to_dict() output."""
    def walk(node: object) -> Iterator[dict]:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
                yield node
            for key, value in node.items():
                if key != "text":
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
    yield from walk({k: v for k, v in data.items() if k != "text"})


def load_tool(name: str) -> ModuleType:
    """Import the build-time script ``tools/<name>.py`` (tools/ is not a package)."""
    path = Path(__file__).resolve().parent.parent / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def quotes_of(text: str, list_items: list[tuple[int, int]] | None = None) -> list[tuple[str, str, str | None]]:
    """The quotations ``find_quotes`` finds in ``text`` as (kind, text, speaker), each span checked against the text."""
    found = find_quotes(text, split_sentences(text), list_items=list_items or [])
    assert all(text[q.start:q.end] == q.text for q in found)
    assert all(text[q.speaker.start:q.speaker.end] == q.speaker.text for q in found if q.speaker)
    return [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in found]


def hits_of(report: Report, category: str) -> list[TermHit]:
    """The report's loaded terms of one category, in order."""
    return [h for p in report.paragraphs for h in p.loaded_terms if h.category == category]


def actors_in(text: str) -> list[tuple[str, str]]:
    """The actors ``find_actors`` finds in ``text`` with the shipped gazetteer, as (surface, actor), spans checked."""
    mentions = find_actors(text, [(0, len(text))], load_gazetteer())
    assert all(text[m.start:m.end] == m.text for m in mentions)
    return [(m.text, m.actor) for m in mentions]
