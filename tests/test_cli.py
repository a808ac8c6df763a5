"""The `wijksim` command as users call it: outputs, provenance, bad input (exit 2, nothing written)."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import free_port
from typer.testing import CliRunner
from wijksim.viz.numbers import significant, with_interval

from wijksim.cli import app

runner = CliRunner()
YEARLY_KEYS = (
    "year residents need_social_share need_individual_share need_complex_share hidden_need_share "
    "informal_support_hours_per_resident share_needs_met_informally light_help_per_1000 "
    "heavy_care_referrals_per_1000 waiting_list mean_wait_weeks escalations deescalations relapses "
    "isolated_share lonely_share severely_lonely_share informal_carer_share volunteer_share "
    "wmo_clients_per_1000 youth_care_per_100_young generalist_utilisation specialist_utilisation "
    "generalist_skill cost_total_eur cost_by_function_eur"
).split()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_run_writes_every_output_with_provenance(tmp_path):
    out = tmp_path / "run"
    res = invoke(
        "run",
        "--preset",
        "deprived",
        "--residents",
        1200,
        "--years",
        2,
        "--seed",
        5,
        "--flex-team",
        2,
        "--key-facility",
        "--set",
        "life_event_rate=0.25",
        "--out",
        out,
    )
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == [
        "report.png",
        "run.json",
        "summary.json",
        "weekly.parquet",
    ]
    yearly = json.loads((out / "summary.json").read_text())["yearly"]
    assert [y["year"] for y in yearly] == [1, 2]
    assert all(k in yearly[-1] for k in YEARLY_KEYS)
    weekly = pd.read_parquet(out / "weekly.parquet")
    assert list(weekly["week"]) == list(range(0, 105))
    import pyarrow.parquet as pq

    meta = json.loads(pq.read_schema(out / "weekly.parquet").metadata[b"wijksim"])
    assert meta["seed"] == 5 and meta["parameters"]["flex_team"] == 2
    record = json.loads((out / "run.json").read_text())
    assert record["seed"] == 5 and record["wijksim_version"]
    assert record["git_commit"]
    p = record["parameters"]
    assert p["flex_team"] == 2 and p["key_facility"] is True and p["life_event_rate"] == 0.25
    assert p["share_social_housing"] == 0.6  # the deprived preset
    assert "Year 2" in res.output
    assert (out / "report.png").read_bytes()[:4] == b"\x89PNG"


def test_run_from_scan_row_records_where_starting_values_came_from(tmp_path, scan_file):
    out = tmp_path / "scan"
    res = invoke(
        "run", "--scan", scan_file, "--wijk", "WK001403", "--residents", 1000, "--years", 1, "--out", out
    )
    assert res.exit_code == 0, res.output
    origin = json.loads((out / "run.json").read_text())["starting_values"]
    assert origin["source"] == "scan" and origin["wijk_code"] == "WK001403"
    assert set(origin["initial_values"]) == {
        "initial_lonely_share",
        "initial_severely_lonely_share",
        "initial_informal_carer_share",
        "initial_volunteer_share",
    }


@pytest.mark.parametrize(
    "args, word",
    [
        (["--residents", "-5"], "residents"),
        (["--residents", "0"], "residents"),
        (["--years", "0"], "years"),
        (["--preset", "atlantis"], "atlantis"),
        (["--set", "no_such_param=1"], "no_such_param"),
        (["--set", "flex_team"], "name=value"),
        (["--set", "share_social_housing=1.7"], "share_social_housing"),
        (["--set", "life_event_rate=abc"], "life_event_rate"),
        (["--flex-team", "-1"], "flex_team"),
        (["--specialist-capacity-factor", "-0.5"], "specialist_capacity_factor"),
        (["--preset", "deprived", "--wijk", "WK001403"], "preset"),
    ],
)
def test_bad_input_exits_2_names_the_field_writes_nothing(tmp_path, args, word):
    out = tmp_path / "bad"
    res = invoke("run", *args, "--out", out)
    assert res.exit_code == 2, res.output
    assert word in res.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_bad_scan_input(tmp_path, scan_file):
    res = invoke("run", "--scan", scan_file, "--wijk", "WK999999", "--out", tmp_path / "x")
    assert res.exit_code == 2 and "WK999999" in res.output
    bad = tmp_path / "bad.csv"
    bad.write_text("wijk_code,population\nWK1,10\n")
    res = invoke("run", "--scan", bad, "--wijk", "WK1", "--out", tmp_path / "y")
    assert res.exit_code == 2 and "missing column" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_non_empty_output_folder_is_refused_and_force_keeps_user_files(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep")
    res = invoke("run", "--residents", 300, "--years", 1, "--out", out)
    assert res.exit_code == 2 and "--out" in res.output
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    res = invoke("run", "--residents", 300, "--years", 1, "--out", out, "--force")
    assert res.exit_code == 0, res.output
    assert (out / "notes.txt").read_text() == "keep"
    assert (out / "summary.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".wijksim-")]


def test_params_json_lists_the_registry():
    res = invoke("params", "--format", "json")
    rows = json.loads(res.output)
    assert {"name", "unit", "default", "low", "high", "source"} <= set(rows[0])
    assert any(r["unit"] == "share" for r in rows)
    assert len({r["name"] for r in rows}) == len(rows)
    assert "network_developers" in invoke("params").output


def test_presets_lists_all_seven_and_default():
    res = invoke("presets")
    for name in (
        "default",
        "deprived",
        "middle-class",
        "affluent",
        "commuter-village",
        "town-without-cohesion",
        "traditional-village",
        "small-residential-village",
    ):
        assert name in res.output


def test_installed_command_runs_and_fails_cleanly(tmp_path):
    exe = Path(sys.executable).with_name("wijksim")
    ok = subprocess.run(
        [exe, "run", "--residents", "500", "--years", "1", "--out", tmp_path / "a"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [exe, "run", "--residents", "-5", "--out", tmp_path / "b"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "residents" in bad.stderr
    assert not (tmp_path / "b").exists()


def test_app_binds_to_localhost_and_switches_off_solara_telemetry(monkeypatch):
    """`wijksim app` serves on 127.0.0.1 unless told otherwise, answers only its own names, and
    sends no usage statistics to Solara (a workshop laptop may be offline; a municipality would ask)."""
    import os

    import wijksim.viz.serve as serve_module

    calls = []

    def fake_serve(sock, host, port, hosts):
        calls.append((sock.getsockname(), host, port, hosts, os.environ["SOLARA_TELEMETRY_MIXPANEL_ENABLE"]))
        sock.close()

    monkeypatch.setattr(serve_module, "serve", fake_serve)
    monkeypatch.delenv("SOLARA_TELEMETRY_MIXPANEL_ENABLE", raising=False)
    port = free_port()
    res = invoke("app", "--port", port)
    assert res.exit_code == 0, res.output
    (address, bound_port), host, _, hosts, telemetry = calls[0]
    assert address == "127.0.0.1" and bound_port == port and host == "127.0.0.1"
    assert hosts == ["localhost", "127.0.0.1", "::1"]
    assert telemetry == "False"


@pytest.mark.parametrize(
    "value, text",
    [(-1834.2, "-1,830"), (182.7, "183"), (-18.27, "-18.3"), (0.0001234, "0.000123"), (0.0, "0"),
     (12345678.9, "12,300,000"), (99.96, "100"), (float("nan"), "nan")],
)  # fmt: skip
def test_printed_figures_have_three_digits_and_no_scientific_notation(value, text):
    assert significant(value) == text


@pytest.mark.parametrize(
    "mean, low, high, text",
    [(-5.92e-16, -1.15, 1.15, "0 [-1.15, 1.15]"), (-0.4512, -0.912, 0.0104, "-0.451 [-0.912, 0.01]"),
     (1834.2, 1020.7, 2647.9, "1,830 [1,020, 2,650]"), (0.0, 0.0, 0.0, "0 [0, 0]"),
     (float("nan"), float("nan"), float("nan"), "nan [nan, nan]")],
)  # fmt: skip
def test_a_difference_is_printed_to_the_precision_of_its_interval(mean, low, high, text):
    assert with_interval(mean, low, high) == text
