"""The calibration commands: fit behavioural parameters to observed wijken, and validate a fit on
wijken it never saw (docs/calibration.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..experiments.output import out_path
from ..model.params import ParameterError
from .common import app, fail


@app.command()
def calibrate(
    out: Annotated[str, typer.Option(help="Output folder (must be new or empty).")],
    wijk: Annotated[str | None, typer.Option(help="Calibrate to one wijk, e.g. WK001404.")] = None,
    wijken: Annotated[
        str | None,
        typer.Option(help="Calibrate shared parameters across wijken: a file of codes, or CODE,CODE,..."),
    ] = None,
    method: Annotated[str, typer.Option(help="abc (pyabc ABC-SMC posterior) or optuna (point fit).")] = "abc",
    budget: Annotated[
        int | None,
        typer.Option(
            help="Parameter sets to simulate (abc: 15000 for one wijk, 3000 for several; optuna: 300 "
            "trials). ABC checks "
            "it between generations, so the last generation can go over; it stops earlier once the "
            "posterior has been reached (see --stop-when, and report.md for why it stopped)."
        ),
    ] = None,
    stop_when: Annotated[
        str,
        typer.Option(
            help="ABC: when the posterior counts as reached. adjusted: its regression-adjusted form moved "
            "by no more than resampling noise in 2 generations (docs/calibration.md §3); raw: the "
            "sampled posterior moved under 5% of a prior width twice; never: only the budget, the "
            "generation limit and a 1% acceptance rate end it."
        ),
    ] = "adjusted",
    backend: Annotated[str, typer.Option(help="processes (local cores) or dask (abc).")] = "processes",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, tcp://HOST:PORT.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    scan: Annotated[
        Path | None, typer.Option(help="Scan CSV (default: the wijk table shipped with wijksim).")
    ] = None,
    prior: Annotated[
        list[str] | None,
        typer.Option(help="name=low:high: a prior range (repeatable; inside the registry's bounds)."),
    ] = None,
    parameters: Annotated[
        str | None,
        typer.Option(help="Calibrate only these of the default parameters (comma-separated)."),
    ] = None,
    population: Annotated[
        int | None, typer.Option(help="ABC particles per generation (default 300, calibration/fit.py).")
    ] = None,
    residents: Annotated[int, typer.Option(help="Residents simulated per wijk (rates: scale-free).")] = 2000,
    seed: Annotated[int, typer.Option(help="Seed (optuna samplers, posterior predictive draws).")] = 1,
    force: Annotated[bool, typer.Option(help="Write into a non-empty folder (own files only).")] = False,
    burn_in_weeks: Annotated[
        int | None,
        typer.Option(
            help="Warm-up before the fitted year (default: the registry's 104); kept in the fitted file."
        ),
    ] = None,
) -> None:
    """Fit behavioural parameters to observed wijken (docs/calibration.md)."""
    out = out_path(out)
    from ..calibration.calibrate import calibrate as run_calibration  # start-up: pyabc, optuna
    from ..calibration.targets import wijk_codes  # start-up: pandas

    try:
        if bool(wijk) == bool(wijken):
            raise ParameterError("--wijk", wijk or "", "give one of --wijk CODE or --wijken FILE|CODES")
        codes = [wijk] if wijk else wijk_codes(wijken)
        record = run_calibration(
            codes, out, scan, method, budget, workers, backend, scheduler, prior, seed, population,
            residents, force=force, only=[p.strip() for p in parameters.split(",")] if parameters else None,
            burn_in_weeks=burn_in_weeks, stop_when=stop_when, wijken_field="--wijk" if wijk else "--wijken",
        )  # fmt: skip
    except ParameterError as err:
        fail(err)
        return
    typer.echo(
        f"calibrate ({record['method']}): {record['n_parameter_sets']} parameter sets, "
        f"{record['n_model_runs']} model runs, {record['wall_seconds']:.0f} s; wrote {out}/"
    )
    for name, s in record["posterior"].items():
        typer.echo(f"  {name:34s} {s['median']:9.4g}  [{s['q05']:.4g}, {s['q95']:.4g}]")


@app.command()
def validate(
    params: Annotated[Path, typer.Option(help="Fitted parameter file (fitted_params.json).")],
    wijken: Annotated[str, typer.Option(help="Held-out wijken: a file of codes, or CODE,CODE,...")],
    out: Annotated[str, typer.Option(help="Output folder (must be new or empty).")],
    train: Annotated[
        str | None,
        typer.Option(
            help="Training wijken for the baseline (default: those in the params file's provenance)."
        ),
    ] = None,
    scan: Annotated[
        Path | None, typer.Option(help="Scan CSV (default: the wijk table shipped with wijksim).")
    ] = None,
    replications: Annotated[int, typer.Option(help="Model runs per wijk (averaged).")] = 3,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    residents: Annotated[int, typer.Option(help="Residents simulated per wijk.")] = 2000,
    seed: Annotated[int, typer.Option(help="Seed.")] = 1,
    force: Annotated[bool, typer.Option(help="Write into a non-empty folder (own files only).")] = False,
) -> None:
    """Predict held-out wijken from demography alone; compare with a regression baseline."""
    out = out_path(out)
    from ..calibration.targets import wijk_codes  # start-up: pandas
    from ..calibration.validate import validate as run_validation  # start-up: pyabc, optuna

    try:
        record = run_validation(
            params, wijk_codes(wijken), out, scan, wijk_codes(train, "--train") if train else None,
            replications, workers, residents, seed, force,
        )  # fmt: skip
    except ParameterError as err:
        fail(err)
        return
    typer.echo(f"validated on {len(record['validated_on'])} wijken; wrote {out}/")
    typer.echo(f"{'target':26s} {'n':>4s} {'model MAE':>10s} {'rho':>6s} {'baseline MAE':>13s} {'rho':>6s}")
    by = {(m["target"], m["predictor"]): m for m in record["metrics"]}
    for t in dict.fromkeys(m["target"] for m in record["metrics"]):
        m, b = by.get((t, "model"), {}), by.get((t, "baseline_same_wijken"), {})
        if "mae" in m:
            typer.echo(
                f"{t:26s} {m['n']:4d} {m['mae']:10.2f} {m['spearman']:6.2f} "
                f"{b.get('mae', float('nan')):13.2f} {b.get('spearman', float('nan')):6.2f}"
            )
