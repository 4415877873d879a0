"""The package imports only downward, with no cycles, and the README's layer map is the tree."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "awesome_lint"

# layer -> the layers it may import from (itself included)
ALLOWED = {
    "core": {"core"},
    "model": {"model", "core"},
    "linkcheck": {"linkcheck", "core"},
    "engine": {"engine", "model", "core"},
    "api": {"api", "engine"},
    "rules": {"rules", "api", "model", "linkcheck", "core"},
    "app": {"app", "engine", "model", "linkcheck", "api", "core"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    for path in (ROOT / "rules").glob("*.py"):
        name = "awesome_lint.rules" + ("" if path.stem == "__init__" else "." + path.stem)
        found[name] = path
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    if module in ("awesome_lint", "awesome_lint.__main__"):
        return "core" if module == "awesome_lint" else "app"
    if module == "awesome_lint.rule":
        return "api"
    return parts[1]


def _imports(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every project module this one imports, at module level or inside functions."""
    is_package = path.name == "__init__.py"
    base = module.split(".") if is_package else module.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                stem = ".".join(anchor + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from pkg import name` may name a submodule or an attribute
            targets = [f"{stem}.{a.name}" for a in node.names] + [stem]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != module:
                out.add(target)
    return out


def _graph() -> dict[str, set[str]]:
    known = _modules()
    return {m: _imports(m, p, known) for m, p in known.items()}


def test_every_module_is_in_a_known_layer():
    assert {layer(m) for m in _modules()} <= set(ALLOWED)


def test_layers_import_only_downward():
    wrong = [
        f"{m} ({layer(m)}) imports {d} ({layer(d)})"
        for m, deps in _graph().items() for d in sorted(deps)
        if layer(d) not in ALLOWED[layer(m)]
    ]
    assert not wrong, "\n".join(wrong)


def test_a_rule_imports_no_other_rule():
    graph = _graph()
    wrong = [
        f"{m} imports {d}"
        for m, deps in graph.items() if m.startswith("awesome_lint.rules.")
        for d in deps
        if d.startswith("awesome_lint.rules.") and not d.rpartition(".")[2].startswith("_")
    ]
    helpers = [
        f"{m} imports {d}"
        for m, deps in graph.items() if m.rpartition(".")[2].startswith("_") and m.startswith("awesome_lint.rules.")
        for d in deps if d.startswith("awesome_lint.rules.") and not d.rpartition(".")[2].startswith("_")
    ]
    assert not wrong and not helpers, "\n".join(wrong + helpers)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            # a package importing its own submodule (re-export) is not a cycle
            component = [c for c in component if not any(o != c and o.startswith(c + ".") for o in component)]
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return cycles


def test_no_import_cycles():
    assert not _cycles(_graph())


def test_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "p": {"p.x"}, "p.x": {"p"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_import_walker_resolves_relative_and_local_imports():
    # the walker must resolve these, or the tests above pass vacuously
    graph = _graph()
    assert "awesome_lint.model.document" in graph["awesome_lint.engine.pipeline"]
    assert "awesome_lint.engine.rule" in graph["awesome_lint.rule"]
    assert "awesome_lint.model.nodes" in graph["awesome_lint.model.document"]
    assert "awesome_lint.app.runner" in graph["awesome_lint.app.cli"]  # imported inside main()


def test_readme_layer_map_matches_the_tree():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## How it works\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert section, "README has no 'How it works' section"
    named = set(re.findall(r"`(awesome_lint/\w+/|rules/)`", section.group(1)))
    tree = {f"awesome_lint/{p.parent.name}/" for p in PACKAGE.glob("*/__init__.py")} | {"rules/"}
    assert named == tree
