"""`wijksim validate`: predict held-out wijken from their demography alone and compare the model
with an honest statistical baseline fitted on the same training wijken.

The baseline is an ordinary least-squares regression of each target on the demographic inputs the
model itself reads. A second baseline, fitted on every wijk of the training municipalities, shows
what the same inputs can do with far more data than the model was calibrated on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from .. import __version__
from ..experiments.output import check_out_dir, staged
from ..experiments.provenance import command_line, git_commit, now
from ..experiments.workers import worker_pool
from ..model.params import ParameterError
from .calibrate import load_params_file, sha256
from .report import figure
from .simulator import (
    CALIBRATION_RESIDENTS,
    check_run_options,
    make_wijken,
    municipality_split,
    seed_for,
    simulate_wijk,
)
from .targets import BY_NAME, SHIPPED_SCAN, TARGET_NAMES, WIJK_TARGETS, observed_targets, read_scan, select

OUTPUT_FILES = ("predictions.parquet", "metrics.csv", "validation.json", "predicted_vs_observed.png")


def features(rows: pd.DataFrame) -> pd.DataFrame:
    """The demographic inputs the model reads from a scan row (shares, and urbanity)."""
    pop, hh = rows.population, rows.households
    x = pd.DataFrame(
        {
            "aged_0_24": (rows.age_0_14 + rows.age_15_24) / pop,
            "aged_65_plus": rows.age_65_plus / pop,
            "one_person": rows.hh_one_person / hh,
            "with_children": rows.hh_with_children / hh,
            "social_housing": rows.pct_social_housing / 100,
            "born_abroad": (rows.origin_europe_excl_nl + rows.origin_outside_europe) / pop,
        },
        index=rows.index,
    )
    if "urbanity_1_5" in rows.columns:
        x["urbanity"] = rows.urbanity_1_5.fillna(
            rows.urbanity_1_5.median() if rows.urbanity_1_5.notna().any() else 3
        )
    return x


def observed_frame(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([observed_targets(r) for _, r in rows.iterrows()], index=rows.index, dtype=float)


def fit_baseline(train: pd.DataFrame) -> dict[str, np.ndarray]:
    """OLS coefficients (intercept first) per target, on the training wijken that observe it."""
    x, y = features(train), observed_frame(train)
    coefs = {}
    for t in WIJK_TARGETS:
        ok = y[t].notna() & x.notna().all(axis=1)
        if ok.sum() < x.shape[1] + 2:
            continue
        a = np.column_stack([np.ones(ok.sum()), x[ok].to_numpy()])
        coefs[t], *_ = np.linalg.lstsq(a, y.loc[ok, t].to_numpy(), rcond=None)
    return coefs


def predict_baseline(coefs: dict[str, np.ndarray], rows: pd.DataFrame) -> pd.DataFrame:
    x = features(rows)
    a = np.column_stack([np.ones(len(x)), x.to_numpy()])
    return pd.DataFrame({t: a @ c for t, c in coefs.items()}, index=rows.index)


def _simulate_job(job) -> tuple[str, int, dict[str, float]]:
    code, params, seed = job
    return code, seed, simulate_wijk(params, seed)


def model_predictions(wijken, calibrated: dict[str, Any], replications: int, seed: int, workers: int):
    """Mean of `replications` runs per wijk (the model's prediction from demography)."""
    jobs = [
        (w.code, w.params | calibrated, seed_for(seed, k, r))
        for k, w in enumerate(wijken)
        for r in range(replications)
    ]
    if workers > 1:
        with worker_pool(workers) as pool:
            results = list(pool.map(_simulate_job, jobs, chunksize=4))
    else:
        results = [_simulate_job(j) for j in jobs]
    frame = pd.DataFrame([{"wijk_code": c, **r} for c, _, r in results])
    return frame.groupby("wijk_code")[list(TARGET_NAMES)].mean()


def metrics(pred: pd.DataFrame, obs: pd.DataFrame) -> dict[str, float]:
    ok = obs.notna() & pred.notna()
    p, o = pred[ok], obs[ok]
    if len(o) < 3:
        return {"n": int(len(o))}
    rho = spearmanr(p, o).statistic
    return {
        "n": int(len(o)),
        "mae": float((p - o).abs().mean()),
        "rmse": float(np.sqrt(((p - o) ** 2).mean())),
        "bias": float((p - o).mean()),
        "spearman": float(rho),
        "observed_mean": float(o.mean()),
    }


def validate(
    params_file: str | Path,
    codes: list[str],
    out: Path,
    scan_path: str | Path | None = None,
    train_codes: list[str] | None = None,
    replications: int = 3,
    workers: int = 2,
    residents: int = CALIBRATION_RESIDENTS,
    seed: int = 1,
    force: bool = False,
) -> dict[str, Any]:

    if replications < 1:
        raise ParameterError("--replications", replications, "must be at least 1")
    check_run_options(workers, residents, seed)
    calibrated, provenance = load_params_file(params_file)
    params_hash = sha256(Path(params_file))
    scan = read_scan(scan_path)
    rows = select(scan, codes)
    train_codes = train_codes or provenance.get("wijken")
    if not train_codes:
        raise ParameterError(
            "--train", "", f"{Path(params_file).name} names no training wijken: give --train"
        )
    train = select(scan, list(train_codes), "--train")
    fitted_on = list(provenance.get("wijken") or train.index)
    overlap = sorted(set(rows.index) & (set(train.index) | set(fitted_on)))
    if overlap:
        raise ParameterError(
            "--wijken", ",".join(overlap[:5]), "also used for fitting: validate on unseen wijken"
        )
    shared = sorted(set(rows.gemeente_code) & set(train.gemeente_code))
    check_out_dir(out, force, OUTPUT_FILES)
    scan_file = Path(scan_path) if scan_path else SHIPPED_SCAN
    inputs = {"scan_file": str(scan_file.resolve()), "sha256": sha256(scan_file)}
    commit = git_commit()
    wijken = make_wijken(rows, residents)
    model = model_predictions(wijken, calibrated, replications, seed, workers).reindex(rows.index)
    obs = observed_frame(rows)
    base_same = predict_baseline(fit_baseline(train), rows)
    split = pd.Series(municipality_split(scan.gemeente_code), index=scan.index)
    wide = scan[
        (split == "train") & ~scan.index.isin(rows.index) & ~scan.gemeente_code.isin(rows.gemeente_code)
    ]
    base_wide = predict_baseline(fit_baseline(wide), rows)
    table = []
    for t in WIJK_TARGETS:
        for name, pred in (
            ("model", model),
            ("baseline_same_wijken", base_same),
            ("baseline_all_training", base_wide),
        ):
            if t in pred.columns:
                table.append(
                    {"target": t, "unit": BY_NAME[t].unit, "predictor": name, **metrics(pred[t], obs[t])}
                )
    metric_frame = pd.DataFrame(table)
    long = []
    for t in WIJK_TARGETS:
        for code in rows.index:
            long.append({
                "wijk_code": code, "gemeente_code": rows.gemeente_code[code], "target": t,
                "observed": obs.at[code, t], "model": model.at[code, t],
                "baseline_same_wijken": base_same.at[code, t] if t in base_same else np.nan,
                "baseline_all_training": base_wide.at[code, t] if t in base_wide else np.nan,
            })  # fmt: skip
    record = {
        "params_file": str(Path(params_file).resolve()),
        "params_sha256": params_hash,
        "parameters": calibrated,
        "fitted_on": fitted_on,
        "baseline_trained_on": list(train.index),
        "validated_on": list(rows.index),
        "municipalities_in_both": shared,
        "baseline_all_training_wijken": int(len(wide)),
        "replications": replications,
        "residents_per_wijk": residents,
        "seed": seed,
        "data": inputs,
        "survey_values": "withheld: the model predicts them from demography",
        "plausibility": {
            "mean_wait_weeks_median_over_wijken": float(model["mean_wait_weeks"].median()),
            "mean_wait_weeks_max": float(model["mean_wait_weeks"].max()),
            "national_reference_weeks": BY_NAME["mean_wait_weeks"].national,
        },
        "metrics": table,
        "created": now(),
        "wijksim_version": __version__,
        "git_commit": commit,
        "command": command_line(),
    }
    with staged(out, force, OUTPUT_FILES, prefix=".wijksim-val-") as tmp:
        pd.DataFrame(long).to_parquet(tmp / "predictions.parquet", index=False)
        metric_frame.to_csv(tmp / "metrics.csv", index=False)
        (tmp / "validation.json").write_text(json.dumps(record, indent=1, default=str))
        plot(pd.DataFrame(long), metric_frame, tmp / "predicted_vs_observed.png")
    return record


def plot(long: pd.DataFrame, metric_frame: pd.DataFrame, path: Path) -> None:
    fig, axes = figure(2, 4, 3.4, 3.2)
    for ax, t in zip(axes, WIJK_TARGETS, strict=False):
        d = long[long.target == t].dropna(subset=["observed"])
        m = metric_frame[metric_frame.target == t].set_index("predictor")
        lab = {
            k: f"{k.replace('_', ' ')} (ρ {m.at[k, 'spearman']:.2f})"
            if k in m.index and "spearman" in m
            else k
            for k in ("model", "baseline_same_wijken")
        }
        ax.scatter(d.observed, d.baseline_same_wijken, s=8, c="#bbbbbb", label=lab["baseline_same_wijken"])
        ax.scatter(d.observed, d.model, s=8, c="#cc3311", label=lab["model"])
        lo = np.nanmin([d.observed.min(), d.model.min()]) if len(d) else 0
        hi = np.nanmax([d.observed.max(), d.model.max()]) if len(d) else 1
        ax.plot([lo, hi], [lo, hi], color="black", lw=0.8)
        ax.set_title(f"{t} ({BY_NAME[t].unit})", fontsize=8)
        ax.set_xlabel("observed", fontsize=7)
        ax.set_ylabel("predicted", fontsize=7)
        ax.tick_params(labelsize=7)
        ax.legend(fontsize=6)
    axes[-1].set_visible(False)
    fig.savefig(path, dpi=110)
