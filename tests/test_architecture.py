"""The code's shape: modules that import one way, no cycles, small modules, agents that only hold state.

Imports are read from the source (every `import`, at module level and inside functions), so a cycle
hidden inside a function counts too. Packages point one way:
`wijksim.cli` -> {`calibration`, `viz`} -> `experiments` -> `model` (-> `agents`, which the model
creates and which import only the model's leaf modules `codes` and `state`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
#: Source folder of each package under the import name `wijksim`.
PACKAGES = {
    "wijksim": ROOT / "wijksim",
    "wijksim.model": ROOT / "model",
    "wijksim.agents": ROOT / "agents",
    "wijksim.experiments": ROOT / "experiments",
    "wijksim.viz": ROOT / "viz",
    "wijksim.calibration": ROOT / "calibration",
}
#: Which top-level packages each may import (besides itself and the version in `wijksim`).
ALLOWED = {
    "cli": {"calibration", "viz", "experiments", "model"},
    "calibration": {"experiments", "model"},
    "viz": {"experiments", "model"},
    "experiments": {"model"},
    "model": {"agents"},
    "agents": {"model"},  # only model.codes and model.state (checked below)
}
#: What a function-level import of a project module must say for itself.
START_UP = "start-up"
MAX_LINES = 400


def modules() -> dict[str, Path]:
    out = {}
    for pkg, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            rel = path.relative_to(folder).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            name = ".".join([pkg, *parts])
            if pkg == "wijksim" and parts and parts[0] in ("model", "agents"):
                continue
            out[name] = path
    return out


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    base = package.split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(mods: dict[str, Path]) -> list[tuple[str, str, bool, int, str]]:
    """(importer, imported project module, inside a function?, line, the source line and the one above)."""
    out = []
    for name, path in mods.items():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        in_function = set()
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(fn):
                    if isinstance(inner, ast.Import | ast.ImportFrom):
                        in_function.add(id(inner))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, path, node)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            for target in targets:
                while target and target not in mods:
                    target = target.rsplit(".", 1)[0] if "." in target else ""
                if target.startswith("wijksim") and target != name:
                    text = "\n".join(lines[max(0, node.lineno - 2) : node.end_lineno])
                    out.append((name, target, id(node) in in_function, node.lineno, text))
    return out


def top(module: str) -> str:
    """The layer a module belongs to: cli (the command and `python -m wijksim`), calibration, viz,
    experiments, model, agents, or wijksim itself (the version)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "wijksim"
    return "cli" if parts[1] in ("cli", "__main__") else parts[1]


def test_the_module_import_graph_has_no_cycle():
    graph = nx.DiGraph((a, b) for a, b, *_ in imports(modules()))
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, f"import cycles: {cycles[:5]}"


def test_packages_import_one_way():
    wrong = []
    for a, b, _, line, _ in imports(modules()):
        ta, tb = top(a), top(b)
        if ta == tb or b == "wijksim":
            continue
        if tb not in ALLOWED.get(ta, set()):
            wrong.append(f"{a}:{line} imports {b}")
    assert not wrong, "\n".join(wrong)


def test_agents_import_only_the_models_leaf_modules():
    leaf = {"wijksim.model.codes", "wijksim.model.state"}
    wrong = [
        f"{a}:{line} imports {b}"
        for a, b, *_, line, _ in [(a, b, f, n, t) for a, b, f, n, t in imports(modules())]
        if top(a) == "agents" and top(b) == "model" and b not in leaf
    ]
    assert not wrong, "\n".join(wrong)


def test_function_level_imports_say_they_save_start_up_time():
    hidden = [
        f"{a}:{line} imports {b}"
        for a, b, inside, line, text in imports(modules())
        if inside and START_UP not in text
    ]
    assert not hidden, "function-level imports without a '# start-up' reason:\n" + "\n".join(hidden)


def test_no_module_is_over_400_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in [*modules().values(), *sorted((ROOT / "tests").glob("*.py"))]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


if __name__ == "__main__":  # a report of the current state
    found = imports(modules())
    for a, b, inside, line, _ in found:
        if inside:
            print(f"in function: {a}:{line} -> {b}")
    g = nx.DiGraph((a, b) for a, b, *_ in found)
    print("cycles:", list(nx.simple_cycles(g))[:10])
