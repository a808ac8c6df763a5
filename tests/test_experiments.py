"""The experiment runner: designs, sweeps on every backend, crash and resume, comparisons with
honest intervals, sensitivity analysis and scenario discovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from helpers import SMALL, free_port, tables
from typer.testing import CliRunner
from wijksim.experiments import api
from wijksim.experiments.compare import parse_scenario
from wijksim.experiments.design import Design, DesignError
from wijksim.experiments.sweep import done_run_ids

from wijksim.cli import app

BIN = Path(sys.executable).parent


# --- designs --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "change, field",
    [
        ({"grid": {"no_such_param": [1, 2]}}, "grid.no_such_param"),
        ({"sampler": "lhs", "samples": 4, "grid": {}, "ranges": {"flex_team": [0, 99]}}, "ranges.flex_team"),
        (
            {"sampler": "lhs", "samples": 4, "grid": {}, "ranges": {"life_event_rate": [0.5, 0.1]}},
            "ranges.life_event_rate",
        ),
        ({"replications": 0}, "replications"),
        ({"sampler": "halton"}, "sampler"),
        ({"sampler": "sobol", "samples": 100, "grid": {}, "ranges": {"flex_team": [0, 6]}}, "samples"),
        ({"presett": "x"}, "presett"),
        ({"grid": {"share_social_housing": [0.2, 1.5]}}, "grid.share_social_housing"),
    ],
)
def test_bad_designs_name_the_field(change, field):
    with pytest.raises(DesignError) as err:
        Design.from_dict({**SMALL, **change}).points()
    assert err.value.field == field


def test_bad_design_on_the_command_line_exits_2_and_writes_nothing(tmp_path):
    design = tmp_path / "d.toml"
    design.write_text('sampler = "sobol"\nsamples = 100\n[ranges]\nflex_team = [0, 6]\n')
    res = CliRunner().invoke(app, ["sweep", str(design), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and "samples" in res.output and not (tmp_path / "o").exists()
    design.write_text("residents = 300\nyears = 1\n")
    res = CliRunner().invoke(
        app,
        [
            "sweep",
            str(design),
            "--out",
            str(tmp_path / "o"),
            "--backend",
            "dask",
            "--scheduler",
            f"tcp://127.0.0.1:{free_port()}",
        ],
    )
    assert res.exit_code == 2 and "--scheduler" in res.output and not (tmp_path / "o").exists()


def test_samplers_give_points_inside_the_ranges_and_one_seed_per_run():
    d = Design.from_dict(
        {
            "residents": 300,
            "years": 1,
            "replications": 3,
            "sampler": "lhs",
            "samples": 10,
            "ranges": {
                "developer_vulnerable_max_ties": [0, 6],
                "flex_team": [0, 3],
                "life_event_rate": [0.1, 0.3],
            },
        }
    )
    points = d.points()
    assert len(points) == 10
    ties = [p["developer_vulnerable_max_ties"] for p in points]
    assert all(0 <= t <= 6 and isinstance(t, int) for t in ties)  # a count is sampled as whole numbers
    assert all(0 <= p["flex_team"] <= 3 for p in points)  # FTE: fractions allowed (issue 21)
    assert all(0.1 <= p["life_event_rate"] <= 0.3 for p in points)
    seeds = d.seeds(30)
    assert len(set(seeds)) == 30 and seeds == d.seeds(30)
    m = Design.from_dict(
        {"sampler": "morris", "samples": 4, "ranges": {"flex_team": [0, 4], "tie_decay_rate": "registry"}}
    )
    assert len(m.points()) == 4 * 3


# --- sweeps ----------------------------------------------------------------------------------
def test_two_workers_give_bit_identical_tables(tmp_path, reference):
    api.sweep(SMALL, tmp_path / "w2", workers=2)
    params, results = tables(tmp_path / "w2")
    assert params.equals(reference[0]) and results.equals(reference[1])
    assert len(params) == 8 and params.run_id.is_unique
    assert set(results.columns) >= {"run_id", "year", "hidden_need_share", "cost_key_facility_eur"}
    assert len(results) == 8 * 3 and not results.duplicated(["run_id", "year"]).any()


def test_sigkill_then_resume_equals_an_uninterrupted_sweep(tmp_path, reference):
    design = tmp_path / "d.toml"
    design.write_text(
        'preset = "deprived"\nresidents = 500\nyears = 3\nseed = 42\nreplications = 2\nsampler = "grid"\n'
        "[grid]\nnetwork_developers = [0, 1]\nkey_facility = [false, true]\n"
    )
    out = tmp_path / "kr"
    driver = subprocess.Popen(
        [BIN / "wijksim", "sweep", design, "--out", out, "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not list((out / "results").glob("part-*.parquet")):
        time.sleep(0.02)
    os.killpg(driver.pid, signal.SIGKILL)
    driver.wait()
    done = done_run_ids(out)
    assert 0 < len(done) < 8, "the kill should land mid-sweep"
    res = CliRunner().invoke(app, ["sweep", str(design), "--out", str(out), "--workers", "2"])
    assert res.exit_code == 2  # without --resume the folder is refused
    res = CliRunner().invoke(app, ["sweep", str(design), "--out", str(out), "--workers", "2", "--resume"])
    assert res.exit_code == 0, res.output
    params, results = tables(out)
    assert params.equals(reference[0]) and results.equals(reference[1])


def test_resume_refuses_a_different_design(tmp_path):
    api.sweep(SMALL, tmp_path / "s")
    with pytest.raises(DesignError, match="different design"):
        api.sweep({**SMALL, "seed": 43}, tmp_path / "s", resume=True)


# --- comparisons -----------------------------------------------------------------------------
def test_scenario_parsing():
    sc = parse_scenario("all: --network-developers 2 --key-facility --flex-team 3 --set life_event_rate=0.3")
    assert sc.name == "all"
    assert sc.overrides == {
        "network_developers": 2,
        "key_facility": True,
        "flex_team": 3,
        "life_event_rate": 0.3,
    }
    for bad in ("no colon", "x: --wings 2", "baseline: --key-facility", "x: --flex-team -1"):
        with pytest.raises(DesignError.__mro__[1]):
            parse_scenario(bad)


def test_comparison_intervals_cover_known_differences(tmp_path):
    res = api.compare(
        [
            "zero: --network-developers 0",
            "pricier: --set cost_generalist_fte_eur=95000",
            "hub: --key-facility",
        ],
        replications=5,
        out=tmp_path / "c",
        residents=1200,
        years=3,
    )
    d = res["differences"]
    zero = d[d.scenario == "zero"]
    assert (zero.ci_low <= 0).all() and (zero.ci_high >= 0).all()  # a lever at zero size: no difference
    fte = 1200 / 1500  # generalist FTE of 1,200 residents at the default 1,500 per FTE
    p = d[(d.scenario == "pricier") & (d.indicator == "cost_neighbourhood_team_eur")]
    assert np.allclose(p.difference, fte * 10_000) and (p.ci_low <= fte * 10_000 + 1e-6).all()
    hub = d[(d.scenario == "hub") & (d.indicator == "cost_key_facility_eur")]
    share = 1200 / 10_000  # the facility's cost is for 10,000 residents, charged for those simulated
    assert np.allclose(hub.difference, 250_000 * share)
    costs = res["net_costs"].set_index("scenario")
    assert costs.loc["hub", "lever_cost_eur"] == pytest.approx(3 * 250_000 * share)
    for f in (
        "runs.parquet",
        "differences.csv",
        "net_costs.csv",
        "curves.png",
        "differences.png",
        "comparison.json",
    ):
        assert (tmp_path / "c" / f).exists()


def test_intervals_have_their_coverage_when_the_true_difference_is_zero(tmp_path):
    """Baseline against itself with independent seeds: 95% intervals should contain 0 about 95% of
    the time; across many indicator-years we require at least 85%. The rows of one comparison move
    together (lasting needs carry a chance difference through every year and into Wmo, costs and
    requests), so one comparison is a lumpy sample: three independent ones are pooled."""
    import pandas as pd
    from wijksim.experiments.compare import Scenario, differences, run_comparison
    from wijksim.experiments.run import RunSpec

    parts = []
    for seed in (3, 4, 5):
        runs = run_comparison(
            [Scenario("same", {})], 8, RunSpec(residents=800, years=4, seed=seed), workers=2, crn=False
        )
        parts.append(differences(runs).dropna())
    d = pd.concat(parts)
    d = d[(d.ci_high - d.ci_low) > 0]
    # Per-age-band indicators of a few dozen residents move together and in whole persons: they
    # would count one chance deviation dozens of times. The wijk-wide indicators are the check.
    d = d[~d.indicator.str.startswith("by_age_")]
    covered = ((d.ci_low <= 0) & (d.ci_high >= 0)).mean()
    assert len(d) > 300 and covered >= 0.85


# --- sensitivity and discovery ---------------------------------------------------------------
@pytest.fixture(scope="module")
def morris_sweep(tmp_path_factory):
    out = tmp_path_factory.mktemp("morris") / "sweep"
    api.sweep(
        {
            "preset": "default",
            "residents": 1200,
            "years": 4,
            "seed": 5,
            "replications": 1,
            "sampler": "morris",
            "samples": 6,
            "ranges": {
                "network_developers": [0, 2],
                "flex_team": [0, 4],
                "key_facility": [0, 1],
                "life_event_rate": [0.1, 0.3],
            },
        },
        out,
        workers=2,
    )
    return out


def test_morris_sensitivity_ranks_the_mechanism_that_drives_the_indicator(morris_sweep, tmp_path):
    t = api.sensitivity(morris_sweep, out=tmp_path / "s")
    assert set(t.parameter) == {"network_developers", "flex_team", "key_facility", "life_event_rate"}
    iso = t[t.indicator == "isolated_share"].set_index("parameter").mu_star
    assert iso.idxmax() == "network_developers"  # only developers (and the facility) make ties
    skill_free = t[t.indicator == "heavy_care_referrals_per_1000"].set_index("parameter").mu_star
    assert skill_free["life_event_rate"] > 0
    assert (tmp_path / "s" / "sensitivity.png").exists()


def test_sobol_sensitivity_and_wrong_sampler(tmp_path):
    out = tmp_path / "sobol"
    api.sweep(
        {
            "residents": 300,
            "years": 2,
            "seed": 1,
            "sampler": "sobol",
            "samples": 8,
            "ranges": {"network_developers": [0, 2], "life_event_rate": [0.1, 0.3]},
        },
        out,
        workers=2,
    )
    t = api.sensitivity(out, indicators=["isolated_share"])
    assert {"S1", "ST", "ST_conf"} <= set(t.columns) and len(t) == 2
    api.sweep(SMALL, tmp_path / "grid")
    with pytest.raises(DesignError.__mro__[1], match="morris or sobol"):
        api.sensitivity(tmp_path / "grid")


def test_prim_finds_the_lever_that_produces_low_isolation(morris_sweep, tmp_path):
    res = api.discover(morris_sweep, "isolated_share", below=0.03, out=tmp_path / "p")
    assert "network_developers" in res["box"].index
    assert res["box"].loc["network_developers", "min"] > 0  # the box excludes 'no developers'
    assert res["stats"]["density"] > res["cases"] / res["runs"]
    with pytest.raises(DesignError.__mro__[1], match="nothing to discover"):
        api.discover(morris_sweep, "isolated_share", below=-1)


def test_sweeps_light_observation_gives_the_same_yearly_summary_as_a_full_run():
    from wijksim.experiments.run import simulate
    from wijksim.model.params import validate

    for levers in ({}, {"network_developers": 1, "key_facility": True, "flex_team": 2}):
        p = validate({"residents": 700, **levers})
        assert simulate(p, 3, 3, weekly=False)[2] == simulate(p, 3, 3)[2]


def test_a_design_can_change_policy_during_every_run(tmp_path):
    design = dict(SMALL, grid={"specialist_capacity_factor": [0.5]}, replications=1, years=3)
    _, plain = api.sweep(design, tmp_path / "plain", workers=1)
    changed = dict(design, change={"2": {"specialist_capacity_factor": 1.0, "flex_team": 2}})
    _, restored = api.sweep(changed, tmp_path / "restored", workers=1)
    assert plain[plain.year == 1].equals(restored[restored.year == 1])  # the same until the change
    assert (restored[restored.year == 3].flex_team_cases > 0).all()
    assert not plain[plain.year == 3].equals(restored[restored.year == 3])
    meta = json.loads((tmp_path / "restored" / "meta.json").read_text())
    assert meta["design"]["change"] == {"2": {"specialist_capacity_factor": 1.0, "flex_team": 2}}
    with pytest.raises(DesignError, match="change.9.flex_team"):
        Design.from_dict(dict(design, change={"9": {"flex_team": 1}}))
    with pytest.raises(DesignError, match="fixed for a run"):
        Design.from_dict(dict(design, change={"2": {"residents": 100}}))


def test_the_t_interval_is_students_and_the_bits_are_scipy_stats_own():
    """The 95% half-width uses Student's t quantile (from scipy.special, what scipy.stats.t.ppf
    computes): bit for bit scipy.stats's, from one replication's fallback to many."""
    from scipy import stats
    from wijksim.experiments.stats import t_half_width, t_interval

    n = np.arange(1, 200)
    want = stats.t.ppf(0.975, np.maximum(n - 1, 1)) * 2.0 / np.sqrt(n)
    assert np.array_equal(t_half_width(2.0, n), want)
    assert t_half_width(1.0, 5) == pytest.approx(2.776445 / np.sqrt(5), rel=1e-6)  # the table's t(4)
    mean, low, high = t_interval(np.array([1.0, 2.0, 3.0]))
    assert mean == 2.0 and high - mean == pytest.approx(4.302653 / np.sqrt(3), rel=1e-6)  # t(2), sd 1


def test_results_frame_is_the_frame_pandas_makes_of_the_rows_typed_as_registered():
    """The rows as one frame, column by column: the same columns (in order of first appearance),
    values and types as `pd.DataFrame(rows)` cast to the registered types, NaN where a row lacks a
    column."""
    import pandas as pd
    from wijksim.experiments.tasks import execute_run, results_frame
    from wijksim.model.indicators import INT_COLUMNS
    from wijksim.model.presets import preset_values

    params = preset_values("deprived") | {"residents": 400}
    rows = execute_run((0, params, 3, 2)) + execute_run((1, params, 4, 2))
    rows[-1] = {**rows[-1], "only_here": 2.5}  # a column the other rows lack
    want = pd.DataFrame(rows)
    for c in want.columns:
        want[c] = want[c].astype("int64" if c in INT_COLUMNS or c == "run_id" else "float64")
    got = results_frame(rows)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got["only_here"].isna().sum() == len(rows) - 1
    assert got["citizen_hours_per_professional_hour"].isna().all()  # a null as NaN
    assert got["run_id"].dtype == np.int64 and results_frame([]).shape == (0, 0)
