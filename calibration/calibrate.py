"""`wijksim calibrate`: fit shared behavioural parameters to one or many wijken and write the
posterior (or point fit), the report and the fitted parameter file with its provenance."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .. import __version__
from ..experiments.output import check_out_dir, move_into, write_parquet
from ..experiments.provenance import command_line, git_commit, now
from ..model.files import read_text
from ..model.params import REGISTRY, ParameterError
from ..model.params import validate as validate_params
from .fit import DEFAULT_POPULATION, STOP_RULES, Fit, posterior_summary, run_abc
from .optuna_fit import run_optuna, target_scales
from .report import marginal_plot, markdown, posterior_predictive, ppc_plot, ppc_table
from .simulator import CALIBRATION_RESIDENTS, check_run_options, make_wijken, municipality_split, parse_priors
from .targets import SHIPPED_SCAN, read_scan, select

#: Files a calibration writes (the only ones --force may replace).
OUTPUT_FILES = (
    "posterior.parquet",
    "fitted_params.json",
    "calibration.json",
    "ppc.parquet",
    "marginals.png",
    "ppc.png",
    "report.md",
    "abc.db",
    "optuna.journal",
)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_params_file(path: str | Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Parameters (and provenance) from a fitted_params.json, or a plain {name: value} JSON."""
    path = Path(path)
    text = read_text(path, "--params")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ParameterError("--params", str(path), f"not valid JSON ({e})") from None
    if not isinstance(data, dict):
        raise ParameterError("--params", str(path), "expected a JSON object")
    params = data.get("parameters", data)
    if not isinstance(params, dict):
        raise ParameterError("--params", str(path), "'parameters' must be an object")
    checked = {}
    for name, value in params.items():
        if name not in REGISTRY:
            raise ParameterError(name, value, f"unknown parameter in {path.name}")
        try:
            checked[name] = REGISTRY[name].check(value)
        except ParameterError as e:
            raise ParameterError(name, value, f"{e.reason} (in {path.name})") from None
    return checked, data.get("provenance", {})


def _versions() -> dict[str, str]:
    import mesa
    import numpy
    import optuna
    import pyabc

    return {
        "wijksim": __version__,
        "python": sys.version.split()[0],
        "mesa": mesa.__version__,
        "numpy": numpy.__version__,
        "pyabc": pyabc.__version__,
        "optuna": optuna.__version__,
    }


def _summary_for(fit: Fit, priors) -> dict[str, dict]:
    if fit.method == "abc":
        return fit.details["posterior"]
    summary = posterior_summary(_ppc_samples(fit, priors), priors)
    for name in summary:
        summary[name]["median"] = fit.parameters[name]  # the best trial, not a median
    return summary


def calibrate(
    codes: list[str],
    out: Path,
    scan_path: str | Path | None = None,
    method: str = "abc",
    budget: int | None = None,
    workers: int = 2,
    backend: str = "processes",
    scheduler: str | None = None,
    prior_items: list[str] | None = None,
    seed: int = 1,
    population: int | None = None,
    residents: int = CALIBRATION_RESIDENTS,
    ppc_draws: int = 30,
    force: bool = False,
    only: list[str] | None = None,
    wijken_field: str = "--wijken",
    burn_in_weeks: int | None = None,
    stop_when: str = "adjusted",
) -> dict[str, Any]:
    """Run a calibration; every check happens before anything is written.

    `burn_in_weeks` lengthens (or shortens) the warm-up before the fitted year; the fitted parameter
    file then carries it, so that runs and validation with that file read the same state of the
    model (docs/ODD.md §9: the usual 104 weeks do not settle every stock)."""
    if method not in ("abc", "optuna"):
        raise ParameterError("--method", method, "expected abc or optuna")
    if stop_when not in STOP_RULES:
        raise ParameterError("--stop-when", stop_when, f"expected one of {', '.join(STOP_RULES)}")
    if backend not in ("processes", "dask"):
        raise ParameterError("--backend", backend, "expected processes or dask")
    if budget is None:  # ABC for one wijk: room to reach the posterior (about 7,000 sets, §7)
        budget = (15000 if len(codes) == 1 else 3000) if method == "abc" else 300
    if budget < 1:
        raise ParameterError("--budget", budget, "must be at least 1")
    check_run_options(workers, residents, seed)
    population = DEFAULT_POPULATION if population is None else population
    if population < 2:
        raise ParameterError("--population", population, "at least 2 particles per generation")
    if scheduler and not (method == "abc" and backend == "dask"):
        raise ParameterError("--scheduler", scheduler, "only used with --method abc --backend dask")
    if backend == "dask" and method != "abc":
        raise ParameterError("--backend", backend, "dask runs ABC; optuna uses local worker processes")
    priors = parse_priors(prior_items, only=only)
    fixed = {}
    if burn_in_weeks is not None:
        try:
            fixed["burn_in_weeks"] = REGISTRY["burn_in_weeks"].check(burn_in_weeks)
        except ParameterError as err:
            raise ParameterError("--burn-in-weeks", burn_in_weeks, err.reason) from None
    scan = read_scan(scan_path)
    rows = select(scan, codes, wijken_field)
    wijken = make_wijken(rows, residents)
    for w in wijken:
        w.params |= fixed
    for w in wijken:  # every wijk must take every prior value: fail now, not in a worker
        for corner in (0, 1):
            validate_params(w.params | {k: v[corner] for k, v in priors.items()})
    check_out_dir(out, force, OUTPUT_FILES)
    scan_file = Path(scan_path) if scan_path else SHIPPED_SCAN
    inputs = {"scan_file": str(scan_file.resolve()), "sha256": sha256(scan_file)}
    commit = git_commit()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".wijksim-cal-", dir=out.parent))
    client = cluster = None
    fitted_ok = False
    try:
        start = time.perf_counter()
        if method == "abc":
            if backend == "dask":
                from ..experiments.dask_backend import connect_dask  # start-up: Dask takes a second

                client, cluster = connect_dask(workers, scheduler)
            fit = run_abc(
                wijken, priors, budget, tmp / "abc.db", workers, client, population, seed=seed,
                stop_when=stop_when,
            )  # fmt: skip
        else:
            journal = tmp / "optuna.journal"
            fit = run_optuna(wijken, priors, budget, journal, target_scales(scan), seed, workers)
        wall = time.perf_counter() - start
        fitted_ok = True
        summary = _summary_for(fit, priors)
        split = dict(zip(rows.index, municipality_split(rows.gemeente_code), strict=True))
        record = {
            "method": fit.method,
            "budget": budget,
            "n_parameter_sets": fit.n_simulations if fit.method == "abc" else fit.details["trials"],
            "n_model_runs": (fit.n_simulations * len(wijken)) if fit.method == "abc" else fit.n_simulations,
            "wall_seconds": wall,
            "workers": fit.details.get("workers", workers) if client is None else "dask cluster",
            "backend": backend if method == "abc" else "processes",
            "scheduler": scheduler,
            "seed": seed,
            "wijken": [w.code for w in wijken],
            "gemeenten": sorted({w.gemeente for w in wijken}),
            "split": {
                "rule": "sha256('wijksim-split-v1:' + gemeente_code) < 0.25 -> test (whole municipalities)",
                "of_wijken_used": split,
            },
            "data": inputs,
            "targets": {w.code: w.observed for w in wijken},
            "priors": {k: list(v) for k, v in priors.items()},
            "posterior": summary,
            "fit_details": {k: v for k, v in fit.details.items() if k != "posterior"},
            "simulation": {
                "residents_per_wijk": residents,
                "years": 1,
                "burn_in_weeks": fixed.get("burn_in_weeks", REGISTRY["burn_in_weeks"].default),
                "survey_values": "withheld: predicted from demography (survey_shares_from_demography)",
            },
            "reproducibility": (
                "optuna: seeded samplers, same seed every trial; rerunning with the same budget, seed and "
                "workers repeats the trials up to process scheduling. ABC on 1 worker is seeded and "
                "repeats exactly; on several workers pyabc reseeds them from OS entropy, so a rerun "
                "gives a statistically equivalent, not identical, posterior."
            ),
            "created": now(),
            "wijksim_version": __version__,
            "git_commit": commit,
            "versions": _versions(),
            "command": command_line(),
        }
        write_parquet(
            fit.samples, tmp / "posterior.parquet", {k: v for k, v in record.items() if k != "targets"}
        )
        provenance = {k: v for k, v in record.items() if k not in ("posterior", "targets")}
        provenance["fit_details"] = {  # every generation's summaries stay in calibration.json
            k: v for k, v in record["fit_details"].items() if not k.endswith("summaries_by_generation")
        }
        fitted = {"parameters": fit.parameters | fixed, "provenance": provenance}
        (tmp / "fitted_params.json").write_text(json.dumps(fitted, indent=1, default=str))
        ppc = posterior_predictive(wijken, _ppc_samples(fit, priors), priors, ppc_draws, seed)
        ppc.to_parquet(tmp / "ppc.parquet", index=False)
        per = ppc_table(ppc)
        record["ppc_inside_90"] = per.groupby("target").inside_90.mean().to_dict()
        (tmp / "calibration.json").write_text(json.dumps(record, indent=1, default=str))
        marginal_plot(fit.samples if fit.method == "abc" else _ppc_samples(fit, priors), priors,
                      tmp / "marginals.png")  # fmt: skip
        ppc_plot(per, tmp / "ppc.png")
        (tmp / "report.md").write_text(markdown(record, per))
        move_into(tmp, out, force, OUTPUT_FILES)
        return record
    except BaseException:
        if fitted_ok:  # never lose a finished fit to a late error: keep it and say where
            kept = tmp.with_name(tmp.name.replace(".wijksim-cal-", "wijksim-cal-failed-"))
            os.replace(tmp, kept)
            print(f"calibrate: a late error; the fit so far is kept in {kept}", file=sys.stderr)
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(tmp, ignore_errors=True)


def _ppc_samples(fit: Fit, priors):
    """ABC: the posterior. optuna: the best 10% of trials, equally weighted."""
    if fit.method == "abc":
        return fit.samples
    best = fit.samples.nsmallest(max(5, len(fit.samples) // 10), "distance").copy()
    best["weight"] = 1.0 / len(best)
    return best
