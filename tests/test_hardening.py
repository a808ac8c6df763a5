"""Hardening (issue 22): every failure a clear message, nothing half-written, damaged sweeps
recoverable. The command is called as a user's script would: the installed `wijksim`, in a
subprocess, reading only its exit code, stderr and the files it leaves."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SMALL, tables
from wijksim.experiments import api
from wijksim.model.scan import SHIPPED_TABLE

BIN = Path(sys.executable).parent / "wijksim"
SMALL_RUN = ["--residents", "200", "--years", "1"]


def wijksim(*args, cwd: Path | None = None, env: dict | None = None, timeout: float = 300):
    return subprocess.run(
        [str(BIN), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def assert_input_error(res, field: str) -> None:
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith(f"error: {field}="), res.stderr
    assert "Traceback" not in res.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".wijksim"))


# --- one error boundary ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "args, field",
    [
        (["run", "--seed", "-1", *SMALL_RUN], "--seed"),
        (["compare", "--scenario", "a: --key-facility", "--seed", "-1", *SMALL_RUN], "--seed"),
        (["compare", "--scenario", "a: --key-facility", "--workers", "0", *SMALL_RUN], "--workers"),
        (["run", "--out", "", *SMALL_RUN], "--out"),
        (["run", "--out", "/proc/wijksim/run", *SMALL_RUN], "--out"),
    ],
)
def test_foreseeable_failures_exit_2_with_field_and_value(tmp_path, args, field):
    if "--out" not in args:
        args = [*args, "--out", tmp_path / "out"]
    res = wijksim(*args, cwd=tmp_path)
    assert_input_error(res, field)
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary folder


def test_output_under_a_file_is_refused_before_simulating(tmp_path):
    (tmp_path / "afile").write_text("mine")
    started = time.perf_counter()
    res = wijksim("run", "--residents", "20000", "--years", "10", "--out", tmp_path / "afile" / "run")
    assert_input_error(res, "--out")
    assert "is a file, not a folder" in res.stderr
    assert time.perf_counter() - started < 30  # refused at once, not after a 10-year run
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.parametrize("content", [os.urandom(3000), b"\x00\x01\x02binary"])
@pytest.mark.parametrize(
    "args, field",
    [
        (["run", "--scan", "{f}", "--wijk", "WK001403"], "--scan"),
        (["sweep", "{f}"], "design"),
        (["validate", "--wijken", "{f}", "--params", "model/data/calibrated_params.json"], "--wijken"),
    ],
)
def test_a_binary_file_is_named_not_a_traceback(tmp_path, content, args, field):
    f = tmp_path / "data.bin"
    f.write_bytes(content)
    root = Path(__file__).resolve().parents[1]
    args = [a.replace("{f}", str(f)).replace("model/", f"{root}/model/") for a in args]
    res = wijksim(*args, "--out", tmp_path / "out")
    assert_input_error(res, field)
    assert not (tmp_path / "out").exists()


def test_a_bug_leaves_a_log_file_not_a_traceback(tmp_path):
    """An unforeseen exception (here: the scan table cannot be parsed by a broken pandas, simulated
    by a module that raises) ends with exit 1, one line naming a log file, and the traceback in it."""
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(
        "import wijksim.model.scan as s\n"
        "def boom(*a, **k):\n    raise RuntimeError('deliberate failure for the test')\n"
        "s.params_from_row = boom\n"
        "import wijksim.experiments.run as r\nr.params_from_row = boom\n"
    )
    env = {"PYTHONPATH": str(shim), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    res = wijksim(
        "run", "--scan", SHIPPED_TABLE, "--wijk", "WK001403", "--out", tmp_path / "out", *SMALL_RUN, env=env
    )
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr and "deliberate failure" in res.stderr
    logs = list((tmp_path / "cache" / "wijksim" / "logs").glob("error-*.log"))
    assert len(logs) == 1 and str(logs[0]) in res.stderr
    assert "Traceback" in logs[0].read_text() and "RuntimeError" in logs[0].read_text()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stop_ends_quietly_and_cleans_up(tmp_path, signum, code):
    out = tmp_path / "runs" / "r"
    proc = subprocess.Popen(
        [str(BIN), "run", "--residents", "20000", "--years", "50", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(6)  # well into the simulation
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "Traceback" not in err and "stopped" in err
    assert not out.exists()
    assert not (tmp_path / "runs").exists() or leftovers(tmp_path / "runs") == []


def test_sigterm_stops_a_sweeps_workers(tmp_path):
    design = tmp_path / "d.toml"
    design.write_text(
        'preset = "deprived"\nresidents = 3000\nyears = 10\nseed = 1\nreplications = 4\nsampler = "grid"\n'
        "[grid]\nnetwork_developers = [0, 1]\n"
    )
    out = tmp_path / "s"
    proc = subprocess.Popen(
        [str(BIN), "sweep", str(design), "--out", str(out), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(8)
    started = time.perf_counter()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert time.perf_counter() - started < 20  # it does not finish the queue first
    assert "Traceback" not in err
    # the workers (and the fork server) are gone with it
    deadline = time.time() + 15
    while time.time() < deadline:
        alive = subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True, text=True).stdout.split()
        if not alive:
            break
        time.sleep(0.2)
    assert alive == []


# --- outputs: --force replaces only wijksim's own files ---------------------------------------
def test_force_does_not_replace_a_users_own_file(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "summary.json").write_text('{"my": "notes"}')
    res = wijksim("run", *SMALL_RUN, "--out", out, "--force")
    assert_input_error(res, "--out")
    assert "did not write" in res.stderr
    assert (out / "summary.json").read_text() == '{"my": "notes"}'
    # wijksim's own run folder can be written again with --force
    own = tmp_path / "own"
    assert wijksim("run", *SMALL_RUN, "--out", own).returncode == 0
    (own / "notes.txt").write_text("kept")
    res = wijksim("run", *SMALL_RUN, "--seed", "2", "--out", own, "--force")
    assert res.returncode == 0, res.stderr
    assert json.loads((own / "run.json").read_text())["seed"] == 2
    assert (own / "notes.txt").read_text() == "kept"


# --- data that cannot be true ------------------------------------------------------------------
def _scan_with(tmp_path: Path, code: str, **cells) -> Path:
    import csv

    with open(SHIPPED_TABLE, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        row = next(r for r in reader if r["wijk_code"] == code)
        fields = reader.fieldnames
    row.update({k: str(v) for k, v in cells.items()})
    path = tmp_path / "scan.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerow(row)
    return path


@pytest.mark.parametrize(
    "cells, field, value",
    [
        ({"pct_social_housing": 250}, "pct_social_housing", "250"),
        ({"age_65_plus": -500}, "age_65_plus", "-500"),
        ({"age_0_14": 99999}, "age_0_14", "99999"),
        ({"lonely_pct_18plus_2020": 101}, "lonely_pct_18plus_2020", "101"),
    ],
)
def test_impossible_scan_values_are_refused_as_given(tmp_path, cells, field, value):
    scan = _scan_with(tmp_path, "WK001403", **cells)
    res = wijksim("run", "--scan", scan, "--wijk", "WK001403", "--years", "1", "--out", tmp_path / "out")
    assert_input_error(res, field)
    assert f"{field}='{value}'" in res.stderr and "WK001403" in res.stderr
    assert not (tmp_path / "out").exists()


def test_real_rows_that_break_subset_rules_still_run(tmp_path):
    """Almere WK003416 has more one-person households than households (CBS rounding): such a row
    runs. A UTF-8 BOM as spreadsheet programs write it is read."""
    import csv

    with open(SHIPPED_TABLE, newline="", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["wijk_code"] == "WK001403")
    scan = _scan_with(tmp_path, "WK001403", hh_one_person=float(row["households"]) + 40)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + scan.read_bytes())
    res = wijksim("run", "--scan", bom, "--wijk", "WK001403", "--residents", "300", "--years", "1",
                  "--out", tmp_path / "out")  # fmt: skip
    assert res.returncode == 0, res.stderr


def test_no_real_wijk_is_refused():
    import csv

    from wijksim.model.scan import check_row

    for name in ("nl_wijken_2024_scan.csv",):
        full = Path(
            os.environ.get(
                "WIJKSIM_DATA_DIR", Path(__file__).resolve().parents[2] / "shared/data/neighbourhoods"
            )
        )
        paths = [SHIPPED_TABLE, *([full / name] if (full / name).is_file() else [])]
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                check_row(row, row["wijk_code"])  # raises on a value that cannot be true


# --- sweeps heal ---------------------------------------------------------------------------------
@pytest.fixture
def broken_sweep(tmp_path):
    out = tmp_path / "s"
    api.sweep(SMALL, out)
    return out


def _design_file(tmp_path: Path) -> Path:
    grid = SMALL["grid"]
    path = tmp_path / "d.toml"
    path.write_text(
        f'preset = "{SMALL["preset"]}"\nresidents = {SMALL["residents"]}\nyears = {SMALL["years"]}\n'
        f'seed = {SMALL["seed"]}\nreplications = {SMALL["replications"]}\nsampler = "grid"\n[grid]\n'
        f"network_developers = {grid['network_developers']}\n"
        f"key_facility = [{', '.join(str(v).lower() for v in grid['key_facility'])}]\n"
    )
    return path


def _truncate_a_part(out: Path) -> Path:
    part = sorted((out / "results").glob("part-*.parquet"))[0]
    data = part.read_bytes()
    part.write_bytes(data[: len(data) // 2])
    return part


def _corrupt_meta(out: Path) -> None:
    (out / "meta.json").write_text('{"design": ')


@pytest.mark.parametrize(
    "damage",
    [
        _truncate_a_part,
        lambda out: (out / "meta.json").unlink(),
        _corrupt_meta,
        lambda out: (out / "params.parquet").unlink(),
        lambda out: (out / "notes.txt").write_text("a stranger's file beside a sweep"),
    ],
    ids=["truncated part", "meta.json deleted", "meta.json corrupt", "params.parquet deleted", "stranger"],
)
def test_resume_heals_to_bit_identical_tables(tmp_path, broken_sweep, reference, damage):
    damage(broken_sweep)
    res = wijksim("sweep", _design_file(tmp_path), "--out", broken_sweep, "--resume")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    params, results = tables(broken_sweep)
    assert params.equals(reference[0]) and results.equals(reference[1])


def test_a_damaged_part_is_set_aside_with_a_note_and_named_by_the_analyses(tmp_path, broken_sweep):
    part = _truncate_a_part(broken_sweep)
    res = wijksim("discover", broken_sweep, "--outcome", "isolated_share", "--above", "0")
    assert_input_error(res, "DIR")
    assert part.name in res.stderr and "--resume" in res.stderr
    res = wijksim("sweep", _design_file(tmp_path), "--out", broken_sweep, "--resume")
    assert res.returncode == 0 and part.name in res.stderr
    assert (broken_sweep / "damaged" / part.name).exists()
    assert part.name in (broken_sweep / "damaged" / "NOTES.txt").read_text()


def test_resume_refuses_a_folder_that_is_not_a_sweep(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes")
    res = wijksim("sweep", _design_file(tmp_path), "--out", out, "--resume")
    assert_input_error(res, "--resume")
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_resume_refuses_when_nothing_shows_the_design(tmp_path, broken_sweep):
    (broken_sweep / "meta.json").unlink()
    (broken_sweep / "params.parquet").unlink()
    before = sorted(p.name for p in (broken_sweep / "results").iterdir())
    res = wijksim("sweep", _design_file(tmp_path), "--out", broken_sweep, "--resume")
    assert_input_error(res, "--resume")
    assert sorted(p.name for p in (broken_sweep / "results").iterdir()) == before
    shutil.rmtree(broken_sweep)


@pytest.mark.parametrize(
    "extra, field",
    [
        (["--backend", "dask", "--scheduler", "notaurl"], "--scheduler"),
        (["--out", "{tmp}/afile/sub"], "--out"),
        (["--out", "/proc/wijksim/sweep"], "--out"),
    ],
)
def test_sweep_options_are_checked_before_any_run(tmp_path, extra, field):
    (tmp_path / "afile").write_text("mine")
    extra = [e.replace("{tmp}", str(tmp_path)) for e in extra]
    out = [] if "--out" in extra else ["--out", tmp_path / "s"]
    res = wijksim("sweep", _design_file(tmp_path), *out, *extra)
    assert_input_error(res, field)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "d.toml"]
