"""A fixed set of runs (several presets, every lever, a scan row, a run without warm-up) gives the
results recorded in tests/data/fingerprints.json, bit for bit: a change that is not meant to alter
results (a refactoring, a speed-up) must leave every value and type of weekly.parquet and the whole
of summary.json as they were. A change that is meant to alter them records new fingerprints
(`python scripts/fingerprint.py --write tests/data/fingerprints.json`) in a commit that says why."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT / "tests" / "data" / "fingerprints.json"


def _script():
    spec = importlib.util.spec_from_file_location("fingerprint", ROOT / "scripts" / "fingerprint.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_a_fixed_set_of_runs_keeps_its_fingerprints():
    fp = _script()
    recorded = json.loads(RECORDED.read_text())
    now = fp.fingerprints(workers=2)
    assert set(now["runs"]) == set(recorded["runs"])
    if now["dispatch_targets"] == recorded["dispatch_targets"]:
        assert fp.differences(recorded, now) == []
    else:  # numpy uses other vector kernels on this CPU: values may differ in the last bit
        for name, run in recorded["runs"].items():
            assert now["runs"][name]["weekly_rows"] == run["weekly_rows"]
            dtypes = {c: v["dtype"] for c, v in run["weekly_columns"].items()}
            assert {c: v["dtype"] for c, v in now["runs"][name]["weekly_columns"].items()} == dtypes


def test_the_comparison_names_what_differs():
    fp = _script()
    recorded = json.loads(RECORDED.read_text())
    changed = json.loads(json.dumps(recorded))
    run = changed["runs"]["default"]
    run["weekly_columns"]["waiting_list"]["sha256"] = "0" * 64
    run["weekly_columns"]["crises"]["dtype"] = "int64"
    run["summary_sha256"] = "1" * 64
    del changed["runs"]["no-warm-up"]
    diff = fp.differences(recorded, changed)
    assert "default: weekly column waiting_list: values differ" in diff
    assert "default: weekly column crises: dtype differ" in diff
    assert any(d.startswith("default: summary.json differs") for d in diff)
    assert "no-warm-up: not run" in diff
    assert fp.differences(recorded, recorded) == []
