"""Calibration and validation (issue 5): recovery of known parameters, outputs with provenance,
bad input (exit 2, nothing written), validation against the regression baseline."""

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner
from wijksim.calibration.fit import (
    MIN_GENERATIONS,
    run_abc,
)
from wijksim.calibration.simulator import PRIORS, make_wijken, simulate_set
from wijksim.calibration.targets import SHIPPED_SCAN, read_scan, select
from wijksim.calibration.validate import fit_baseline, predict_baseline
from wijksim.model.params import CALIBRATED, CALIBRATED_FILE

from wijksim.cli import app

runner = CliRunner()
WIJK = "WK001404"  # Groningen, Oosterparkwijk: every target observed


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


#: Parameters each target pins down from one wijk. life_event_rate and help_seeking_threshold
#: trade off against each other in Wmo and youth-care use; gp_first_contact_share acts through the
#: referral share of a few dozen young people a year, too noisy in one wijk of 1,000 residents.
IDENTIFIABLE = {
    "loneliness_score_cut": (-0.5, 1.5),
    "volunteer_base_share": (0.1, 0.6),
    "carer_min_hours": (0.3, 4.0),
}
NOT_IDENTIFIABLE = {
    "life_event_rate": (0.05, 0.5),
    "help_seeking_threshold": (0.2, 0.7),
    "gp_first_contact_share": (0.0, 0.8),
}
TRUTH = {
    "loneliness_score_cut": 0.9,
    "volunteer_base_share": 0.42,
    "carer_min_hours": 2.2,
    "gp_first_contact_share": 0.45,
    "life_event_rate": 0.25,
    "help_seeking_threshold": 0.45,
}

#: Warm-up of the recovery test's runs, data and fits alike (the default is 208 weeks). Recovery
#: tests the inference, which sees the same simulator either way; a run of 3 years instead of 5 took
#: the test from 1,383 s alone to 500-620 s with the other core busy (2026-12-06). With 208 weeks
#: and a budget of 1,000 the last generation had too few effective particles for the adjustment.
RECOVERY_BURN_IN_WEEKS = 104


@pytest.mark.slow
def test_abc_recovers_known_parameters(tmp_path):
    """Data simulated from known parameters: the truth lies inside the 90% posterior interval of
    every identifiable parameter, and the data narrow those intervals well below the prior's."""
    scan = read_scan()
    wijken = make_wijken(select(scan, [WIJK]), residents=1000)
    for w in wijken:  # data and fits alike
        w.params["burn_in_weeks"] = RECOVERY_BURN_IN_WEEKS
    sims = [simulate_set(wijken, TRUTH, seed=s) for s in (101, 102, 103)]
    observed = {k: float(np.mean([s[k] for s in sims])) for k in sims[0]}
    for w in wijken:
        w.observed = {k.split("/")[1]: v for k, v in observed.items()}
    # one worker with a seed: the run repeats within an environment; across environments the
    # posterior varied a little (hence the margins below)
    fit = run_abc(
        wijken, IDENTIFIABLE | NOT_IDENTIFIABLE, budget=1400, db_path=tmp_path / "abc.db", workers=1,
        population=100, seed=7,
    )  # fmt: skip
    post, sampled = fit.details["posterior"], fit.details["posterior_unadjusted"]
    assert fit.details["posterior_adjusted"], fit.details["adjustment"]
    for name in IDENTIFIABLE:
        s = post[name]
        assert s["q05"] <= TRUTH[name] <= s["q95"], (name, s)
    # clearly narrowed, and by the adjustment: measured 0.24 and 0.17 adjusted against 0.57 and 0.56
    # as sampled (1,797 simulations, 5 generations; with the 208-week warm-up 0.23 and 0.22 against
    # 0.51 and 0.68 after 1,923). carer_min_hours is only weakly identified from one wijk (0.6-0.76):
    # coverage only.
    for name in ("loneliness_score_cut", "volunteer_base_share"):
        assert post[name]["interval_vs_prior"] < 0.45, (name, post[name])
        assert post[name]["interval_vs_prior"] < 0.75 * sampled[name]["interval_vs_prior"], name
    # honesty about the rest: they stay wide (measured 0.27-0.56 adjusted; 0.51-0.64 before the
    # regional queue of issue 20, whose waits the help-seeking threshold moves; the docs say so)
    assert min(post[n]["interval_vs_prior"] for n in NOT_IDENTIFIABLE) > 0.25
    assert fit.n_simulations >= 80 and fit.details["generations"] >= MIN_GENERATIONS


@pytest.mark.dask
def test_calibrate_on_a_dask_cluster(tmp_path):
    """`--backend dask`: ABC-SMC on a LocalCluster (the cluster code path) writes the same outputs
    and says in its record where it ran."""
    out = tmp_path / "cal"
    res = invoke("calibrate", "--wijk", WIJK, "--out", out, "--budget", 60, "--population", 20,
                 "--residents", 500, "--workers", 2, "--backend", "dask", "--parameters",
                 ",".join(IDENTIFIABLE))  # fmt: skip
    assert res.exit_code == 0, res.output
    fitted = json.loads((out / "fitted_params.json").read_text())
    prov = fitted["provenance"]
    assert prov["backend"] == "dask" and prov["workers"] == "dask cluster", prov
    assert prov["fit_details"]["sampler"] == "DaskDistributedSampler"  # the runs went to the cluster
    assert set(fitted["parameters"]) == set(IDENTIFIABLE)
    assert prov["n_parameter_sets"] >= 20
    assert pd.read_parquet(out / "posterior.parquet").weight.sum() == pytest.approx(1.0)


@pytest.mark.slow
def test_calibrate_writes_posterior_report_and_provenance(tmp_path):
    out = tmp_path / "cal"
    res = invoke("calibrate", "--wijk", WIJK, "--out", out, "--budget", 120, "--population", 40,
                 "--residents", 800, "--workers", 2)  # fmt: skip
    assert res.exit_code == 0, res.output
    for name in ("posterior.parquet", "fitted_params.json", "calibration.json", "ppc.parquet",
                 "marginals.png", "ppc.png", "report.md", "abc.db"):  # fmt: skip
        assert (out / name).stat().st_size > 0, name
    post = pd.read_parquet(out / "posterior.parquet")
    assert {*IDENTIFIABLE, "weight"} <= set(post.columns)
    assert post.weight.sum() == pytest.approx(1.0)
    fitted = json.loads((out / "fitted_params.json").read_text())
    prov = fitted["provenance"]
    assert prov["method"] == "abc" and prov["budget"] == 120 and prov["wijken"] == [WIJK]
    assert prov["data"]["sha256"] and prov["split"]["of_wijken_used"][WIJK] in ("train", "test")
    for key in ("created", "git_commit", "versions", "priors", "n_parameter_sets", "seed", "simulation"):
        assert key in prov, key
    assert prov["versions"]["pyabc"] == "0.13.0"
    record = json.loads((out / "calibration.json").read_text())
    assert set(record["ppc_inside_90"]) == set(record["targets"][WIJK])
    details = prov["fit_details"]  # how the run ended and what its weights are worth
    assert len(details["effective_sample_sizes"]) == details["generations"]
    assert all(1 <= x <= 40 for x in details["effective_sample_sizes"])
    assert len(details["posterior_shifts"]) == details["generations"] - 1
    assert len(details["posterior_moves_vs_noise"]) == details["generations"] - 1
    assert details["stopped_because"] in (out / "report.md").read_text()
    # 40 particles are too few for a regression on 8 targets: the posterior is reported as sampled
    assert details["posterior_adjusted"] is False and details["stop_rule"] == "adjusted"
    assert "posterior reported: as sampled" in (out / "report.md").read_text()
    # the fitted file drives a run: its values reach the model
    run_out = tmp_path / "run"
    res = invoke("run", "--scan", SHIPPED_SCAN, "--wijk", WIJK, "--residents", 600, "--years", 1,
                 "--params", out / "fitted_params.json", "--out", run_out)  # fmt: skip
    assert res.exit_code == 0, res.output
    used = json.loads((run_out / "run.json").read_text())["parameters"]
    for name, value in fitted["parameters"].items():
        assert used[name] == pytest.approx(value)


def test_optuna_point_fit_lowers_the_distance(tmp_path):
    out = tmp_path / "opt"
    res = invoke("calibrate", "--wijk", WIJK, "--out", out, "--method", "optuna", "--budget", 30,
                 "--residents", 600, "--workers", 1)  # fmt: skip
    assert res.exit_code == 0, res.output
    post = pd.read_parquet(out / "posterior.parquet")
    assert len(post) == 30
    # one seeded worker: deterministic. TPE, after its 10 random start-up trials, finds a better fit
    # than any of them (a sampler that ignored the distance would not, typically)
    assert post.distance.iloc[10:].min() < post.distance.iloc[:10].min()
    fitted = json.loads((out / "fitted_params.json").read_text())
    assert fitted["provenance"]["method"] == "optuna"


def test_a_longer_warm_up_reaches_the_fit_and_travels_with_the_fitted_file(tmp_path):
    """--burn-in-weeks changes what is simulated (same seeded trials, other distances) and is kept
    in the fitted file, so a run with that file warms up as long as the calibration did."""
    fits = {}
    for weeks in (None, 0):
        out = tmp_path / f"opt-{weeks}"
        extra = [] if weeks is None else ["--burn-in-weeks", weeks]
        res = invoke("calibrate", "--wijk", WIJK, "--out", out, "--method", "optuna", "--budget", 3,
                     "--residents", 300, "--workers", 1, *extra)  # fmt: skip
        assert res.exit_code == 0, res.output
        fits[weeks] = (
            pd.read_parquet(out / "posterior.parquet"),
            json.loads((out / "fitted_params.json").read_text()),
        )
    (usual, usual_file), (none, none_file) = fits[None], fits[0]
    theta = list(PRIORS)
    assert np.allclose(usual[theta], none[theta])  # the same seeded trials ...
    assert not np.allclose(usual.distance, none.distance)  # ... simulated differently
    assert "burn_in_weeks" not in usual_file["parameters"] and none_file["parameters"]["burn_in_weeks"] == 0
    assert none_file["provenance"]["simulation"]["burn_in_weeks"] == 0
    run_out = tmp_path / "run"
    res = invoke("run", "--scan", SHIPPED_SCAN, "--wijk", WIJK, "--residents", 300, "--years", 1,
                 "--params", tmp_path / "opt-0" / "fitted_params.json", "--out", run_out)  # fmt: skip
    assert res.exit_code == 0, res.output
    assert json.loads((run_out / "run.json").read_text())["parameters"]["burn_in_weeks"] == 0


@pytest.mark.parametrize(
    "args, field",
    [
        (["--wijk", "WK999999"], "WK999999"),
        (["--wijk", WIJK, "--prior", "life_event_rate=0.1:1.5"], "registry's bounds"),
        (["--wijk", WIJK, "--prior", "no_such_parameter=0:1"], "no_such_parameter"),
        (["--wijk", WIJK, "--method", "mcmc"], "--method"),
        (["--wijk", WIJK, "--burn-in-weeks", 9999], "--burn-in-weeks"),
        (["--wijk", WIJK, "--stop-when", "soon"], "--stop-when"),
    ],
)
def test_bad_calibration_input_exits_2_and_writes_nothing(tmp_path, args, field):
    out = tmp_path / "cal"
    res = invoke("calibrate", "--out", out, "--budget", 10, *args)
    assert res.exit_code == 2, res.output
    assert field in res.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_bad_scan_files_exit_2(tmp_path):
    out = tmp_path / "cal"
    bad = tmp_path / "bad.csv"
    bad.write_text("wijk_code,population\nWK1,100\n")
    res = invoke("calibrate", "--wijk", "WK1", "--scan", bad, "--out", out)
    assert res.exit_code == 2 and "missing required column" in res.output and "age_0_14" in res.output
    # a wijk whose targets are all missing
    scan = pd.read_csv(SHIPPED_SCAN, dtype={"wijk_code": str})
    for col in scan.columns:
        if col.endswith(("_2020", "_h1_2024")):
            scan.loc[scan.wijk_code == WIJK, col] = np.nan
    empty = tmp_path / "empty.csv"
    scan.to_csv(empty, index=False)
    res = invoke("calibrate", "--wijk", WIJK, "--scan", empty, "--out", out)
    assert res.exit_code == 2 and "all targets are missing" in res.output and WIJK in res.output
    res = invoke("validate", "--params", tmp_path / "none.json", "--wijken", WIJK, "--out", out)
    assert res.exit_code == 2 and "--params" in res.output
    assert not out.exists()


def test_validate_compares_model_and_baseline_on_unseen_wijken(tmp_path):
    params = tmp_path / "p.json"
    train = ["WK001400", "WK001401", "WK001402", "WK001403", "WK001405", "WK001406", "WK001407",
             "WK001408", "WK001409", "WK001410"]  # fmt: skip
    train = [c for c in train if c in read_scan().index]
    params.write_text(json.dumps({"parameters": dict(CALIBRATED), "provenance": {"wijken": train}}))
    out = tmp_path / "val"
    res = invoke("validate", "--params", params, "--wijken", "WK0363AA,WK0363AB,WK0363AC,WK0363AD",
                 "--out", out, "--replications", 1, "--residents", 600)  # fmt: skip
    assert res.exit_code == 0, res.output
    m = pd.read_csv(out / "metrics.csv")
    assert {"model", "baseline_same_wijken", "baseline_all_training"} <= set(m.predictor)
    assert m.loc[m.predictor == "model", "n"].max() == 4
    pred = pd.read_parquet(out / "predictions.parquet")
    assert pred.model.notna().all()
    assert (out / "predicted_vs_observed.png").stat().st_size > 0
    record = json.loads((out / "validation.json").read_text())
    assert record["fitted_on"] == train and record["params_sha256"]
    # a wijk used for fitting is refused
    res = invoke("validate", "--params", params, "--wijken", train[0], "--out", tmp_path / "v2")
    assert res.exit_code == 2 and "unseen" in res.output and not (tmp_path / "v2").exists()


def test_regression_baseline_recovers_a_linear_relation():
    rows = read_scan()
    rows = rows[rows.population > 1000].head(200).copy()
    share = rows.pct_social_housing / 100
    rows["lonely_pct_18plus_2020"] = 30 + 40 * share
    coefs = fit_baseline(rows)
    pred = predict_baseline(coefs, rows)
    assert np.allclose(pred["lonely"], rows["lonely_pct_18plus_2020"], atol=1e-6)


def test_scan_runs_use_the_shipped_calibrated_parameters(tmp_path):
    """The shipped fit is the default, also for a scan row whose survey cells are empty (then the
    run predicts them from demography)."""
    shipped = json.loads(CALIBRATED_FILE.read_text())
    assert set(shipped["parameters"]) <= set(PRIORS) and len(shipped["parameters"]) >= 5
    assert shipped["provenance"]["wijken"] and shipped["provenance"]["method"] in ("abc", "optuna")
    scan = pd.read_csv(SHIPPED_SCAN, dtype={"wijk_code": str})
    scan.loc[scan.wijk_code == WIJK, [c for c in scan.columns if c.endswith("pct_18plus_2020")]] = np.nan
    rows = tmp_path / "scan.csv"
    scan.to_csv(rows, index=False)
    out = tmp_path / "run"
    res = invoke("run", "--scan", rows, "--wijk", WIJK, "--residents", 600, "--years", 1, "--out", out)
    assert res.exit_code == 0, res.output
    record = json.loads((out / "run.json").read_text())
    used = record["parameters"]
    assert used["survey_shares_from_demography"] is True
    for name, value in shipped["parameters"].items():
        assert used[name] == pytest.approx(value, abs=1e-4), name
    lonely = json.loads((out / "summary.json").read_text())["yearly"][0]["lonely_share"]
    assert 0.2 < lonely < 0.7  # a prediction, not a copy of a (now empty) cell


@pytest.mark.slow
def test_single_worker_abc_repeats_exactly(tmp_path):
    wijken = make_wijken(select(read_scan(), [WIJK]), residents=400)
    a, b = (
        run_abc(
            wijken, IDENTIFIABLE, budget=60, db_path=tmp_path / f"{k}.db", workers=1, population=20, seed=3
        )
        for k in "ab"
    )
    pd.testing.assert_frame_equal(a.samples, b.samples)
    assert a.samples[list(IDENTIFIABLE)].nunique().min() > 10  # a real sample, not a constant
