"""Rules of the house that a test can check: no Django in the core, no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "bildungslandschaft"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules() -> dict[str, set[str]]:
    return {module_name(path): imports_of(path) for path in PACKAGE.rglob("*.py")}


def test_core_never_imports_django() -> None:
    offenders = {
        name: sorted(imp for imp in imports if imp.split(".")[0] in {"django", "ninja"})
        for name, imports in modules().items()
        if name.startswith("bildungslandschaft.core")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_core_never_imports_the_outer_layers() -> None:
    outer = ("bildungslandschaft.web", "bildungslandschaft.cli")
    offenders = {
        name: sorted(imp for imp in imports if imp.startswith(outer))
        for name, imports in modules().items()
        if name.startswith("bildungslandschaft.core")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles() -> None:
    mods = modules()
    graph = {name: {imp for imp in imports if imp in mods and imp != name} for name, imports in mods.items()}
    assert find_cycle(graph) is None


def test_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
