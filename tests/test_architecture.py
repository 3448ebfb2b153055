"""The package's import rules: no cycles, no private cross-module imports, layers one way.

Lazy (function-level) and ``TYPE_CHECKING`` imports count: the graph is read from every
``import`` statement in the source, wherever it stands.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "framing"
# Modules a stage may never import: what runs after it or renders its output.
LATER_THAN_STAGES = ("framing.pipeline", "framing.aggregate", "framing.render", "framing.corpus_runner", "framing.cli",
                     "framing.evaluate")
# What a renderer may import besides the standard library and itself.
RENDER_MAY_IMPORT = ("framing.model", "framing.text", "framing.errors", "framing.render")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


@cache
def _imports() -> dict[str, tuple[tuple[str, str], ...]]:
    """Per module: (imported module, imported name or '') for every framing import."""
    modules = _modules()
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: list[tuple[str, str]] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                for alias in node.names:
                    target = f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    if target in modules:
                        edges.append((target, "" if target.endswith(alias.name) else alias.name))
            elif isinstance(node, ast.Import):
                edges.extend((alias.name, "") for alias in node.names if alias.name in modules)
        found[name] = tuple(edge for edge in edges if edge[0] != name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        cycles.append(sorted(component))
    return cycles


def test_cycle_finder_finds_a_planted_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_package_has_no_import_cycles() -> None:
    graph = {name: {target for target, _ in edges} for name, edges in _imports().items()}
    assert _cycles(graph) == []


def test_no_module_imports_another_modules_private_names() -> None:
    private = [(name, target, symbol) for name, edges in _imports().items() for target, symbol in edges
               if symbol.startswith("_") and not symbol.startswith("__")]
    assert private == []


@pytest.mark.parametrize(("layer", "allowed"), [
    ("framing.stages", ()),
    ("framing.ingest", ()),
    ("framing.text", ()),
    ("framing.context", ()),
    # Report.to_markdown/to_html/to_dataframe hand their dict to a renderer, lazily; renderers
    # never import model back (see the renderer test), so this is no cycle.
    ("framing.model", ("framing.render",)),
])
def test_early_layers_never_import_later_ones(layer: str, allowed: tuple[str, ...]) -> None:
    offending = [(name, target) for name, edges in _imports().items() if name == layer or name.startswith(layer + ".")
                 for target, _ in edges if target.startswith(LATER_THAN_STAGES) and not target.startswith(allowed or "-")]
    assert offending == []


def test_renderers_read_only_records_and_text_helpers() -> None:
    offending = [(name, target) for name, edges in _imports().items() if name.startswith("framing.render")
                 for target, _ in edges if not target.startswith(RENDER_MAY_IMPORT)]
    assert offending == []


def test_records_module_imports_no_stage() -> None:
    targets = {target for target, _ in _imports()["framing.model"]}
    assert not {t for t in targets if t.startswith(("framing.stages", "framing.ingest", "framing.pipeline"))}
