"""No two modules of ``tracker`` import each other, directly or through others.

Every import statement counts, wherever it is: at the top, inside a function (the lazy imports
that keep the first paint fast) and under ``TYPE_CHECKING``. import-linter's layer contracts
see only imports between layers, and Python itself tolerates a cycle until the day the order
of imports changes, so this reads the source with ``ast``."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

from tests.conftest import REPO

PACKAGE = "tracker"

# Cycles known while other branches of issue 16 break them; each one is removed at the merge of
# the branch that breaks it (test_the_known_cycles_are_still_there says when one is stale), and
# then the test holds every module of tracker/ to no cycle at all.
KNOWN_CYCLES = {
    # found under TYPE_CHECKING: the smoke test names the start's Session ("start" rewrites
    # app.py); removed when that branch has broken it.
    frozenset({"tracker.app", "tracker.smoke"}),
}

Graph = dict[str, set[str]]


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Each module of the package under ``root`` by its dotted name (a package by its own)."""
    names: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _imported(node: ast.AST, module: str, is_package: bool, known: Iterable[str]) -> set[str]:
    """The modules of ``known`` that one import statement of ``module`` names."""
    known = set(known)
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level:  # relative: from the module's own package upwards
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        source = ".".join([*base, *([node.module] if node.module else [])])
    else:
        source = node.module or ""
    found = set()
    for alias in node.names:
        submodule = f"{source}.{alias.name}"
        if submodule in known:  # ``from tracker.storage import mapping``
            found.add(submodule)
        elif source in known:
            found.add(source)
    return found


def import_graph(root: Path, package: str) -> Graph:
    """Which modules of the package each of its modules imports, anywhere in its source."""
    modules = module_names(root, package)
    graph: Graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(tree):
            targets |= _imported(node, name, is_package, modules)
        targets.discard(name)
        graph[name] = targets
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Groups of modules that reach each other through imports (Tarjan's strongly connected
    components of more than one module), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def path_round(graph: Mapping[str, set[str]], group: list[str]) -> list[str]:
    """One way round a group's cycle, from its first module back to it, for the message."""
    start = group[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & set(group)):
                if target == start:
                    route = [start, node]
                    while route[-1] != start:
                        route.append(came_from[route[-1]])
                    return list(reversed(route))
                if target not in came_from:
                    came_from[target] = node
                    following.append(target)
        frontier = following
    return group


def test_no_two_modules_of_tracker_import_each_other() -> None:
    graph = import_graph(REPO, PACKAGE)
    found = [group for group in cycles(graph) if frozenset(group) not in KNOWN_CYCLES]
    assert not found, "import cycles: " + "; ".join(
        " -> ".join(path_round(graph, group)) for group in found
    )


def test_the_known_cycles_are_still_there() -> None:
    """A known exception that no longer exists is a stale one: remove it from KNOWN_CYCLES."""
    current = {frozenset(group) for group in cycles(import_graph(REPO, PACKAGE))}
    stale = [sorted(group) for group in KNOWN_CYCLES - current]
    assert not stale, f"remove from KNOWN_CYCLES, no longer a cycle: {stale}"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_an_import_inside_a_function_or_for_type_checking_is_a_cycle_too(tmp_path: Path) -> None:
    """The checker itself, on a made-up package: each kind of import that closes a cycle."""
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "def f():\n    from pkg.b import g\n",
            "pkg/b.py": "from pkg import a\n",
            "pkg/sub/__init__.py": "",
            "pkg/sub/c.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .d import X\n"
            ),
            "pkg/sub/d.py": "import pkg.sub.e\n",
            "pkg/sub/e.py": "from ..sub.c import Y\n",
            "pkg/f.py": "from pkg.a import f\nimport os\n",
        },
    )
    graph = import_graph(tmp_path, "pkg")
    assert cycles(graph) == [["pkg.a", "pkg.b"], ["pkg.sub.c", "pkg.sub.d", "pkg.sub.e"]]
    assert path_round(graph, ["pkg.sub.c", "pkg.sub.d", "pkg.sub.e"]) == [
        "pkg.sub.c",
        "pkg.sub.d",
        "pkg.sub.e",
        "pkg.sub.c",
    ]


def test_modules_that_only_import_one_way_are_no_cycle(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.a import x\n",  # a package importing its own module
            "pkg/a.py": "import pkg.b\nx = 1\n",
            "pkg/b.py": "import json\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == []
