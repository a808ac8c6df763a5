"""The documentation agrees with the code."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_odd_tables_are_generated_from_the_registries():
    odd = (ROOT / "docs" / "ODD.md").read_text()
    render = _load(ROOT / "scripts" / "update_odd_table.py").render
    assert render(odd) == odd, "docs/ODD.md parameter or indicator table is stale: run `make docs`"


def test_odd_mentions_every_parameter():
    from wijksim.model.params import REGISTRY

    odd = (ROOT / "docs" / "ODD.md").read_text()
    assert all(f"`{name}`" in odd for name in REGISTRY)


def test_odd_says_where_every_mechanism_lives():
    from wijksim.model.neighbourhood import WEEK

    odd = (ROOT / "docs" / "ODD.md").read_text()
    for step in WEEK:
        module = step.__module__.rsplit(".", 1)[1]
        assert f"mechanisms/{module}.py" in odd, module
    for module in (
        "transitions.py",
        "interface.py",
        "starting_state.py",
        "params/",
        "indicators/registry.py",
    ):
        assert module in odd, module


def test_the_pattern_sections_are_generated_from_the_battery():
    doc = (ROOT / "docs" / "patterns.md").read_text()
    render = _load(ROOT / "scripts" / "update_patterns_doc.py").render
    assert render(doc) == doc, "docs/patterns.md is stale: run `make docs`"
