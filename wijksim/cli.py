"""The `wijksim` command: run, params, presets.

Bad input exits with code 2 and a message naming the field and value; nothing is written.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from .model.params import REGISTRY, ParameterError, parse_set
from .model.presets import PRESET_NAMES, PRESETS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="wijksim: an agent-based model of neighbourhood support systems.",
)

#: Final-year indicators printed after a run.
TABLE_KEYS = (
    "need_social_share",
    "need_individual_share",
    "need_complex_share",
    "hidden_need_share",
    "informal_support_hours_per_resident",
    "share_needs_met_informally",
    "light_help_per_1000",
    "heavy_care_referrals_per_1000",
    "waiting_list",
    "mean_wait_weeks",
    "isolated_share",
    "lonely_share",
    "wmo_clients_per_1000",
    "youth_care_per_100_young",
    "generalist_utilisation",
    "specialist_utilisation",
    "generalist_skill",
    "cost_total_eur",
)


def fail(err: Exception) -> None:
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(code=2)


@app.command()
def run(
    preset: Annotated[
        str | None, typer.Option(help=f"Neighbourhood preset: {', '.join(PRESET_NAMES)}.")
    ] = None,
    scan: Annotated[Path | None, typer.Option(help="Scan CSV (columns as nl_wijken_2024_scan.csv).")] = None,
    wijk: Annotated[str | None, typer.Option(help="Wijk code in the scan file, e.g. WK001403.")] = None,
    residents: Annotated[
        int | None,
        typer.Option(help="Number of residents (default: preset 10,000; scan: the wijk's population)."),
    ] = None,
    years: Annotated[int, typer.Option(help="Years to simulate (52 weekly steps each).")] = 10,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 1,
    network_developers: Annotated[
        int | None, typer.Option(help="Social network developers (FTE); 0 = off.")
    ] = None,
    key_facility: Annotated[
        bool | None,
        typer.Option("--key-facility/--no-key-facility", help="Switch the key facility on or off."),
    ] = None,
    flex_team: Annotated[int | None, typer.Option(help="Flex-team members; 0 = off.")] = None,
    specialist_capacity_factor: Annotated[
        float | None, typer.Option(help="Specialist slots multiplier (1 = normal, 0.5 = halved).")
    ] = None,
    neighbourhood_team_factor: Annotated[
        float | None, typer.Option(help="Generalist capacity multiplier (0 = no neighbourhood team).")
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set", help="name=value for any registry parameter (repeatable; see `wijksim params`)."
        ),
    ] = None,
    params: Annotated[
        Path | None,
        typer.Option(help="Parameter file (e.g. a calibration's fitted_params.json); --set overrides it."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (must be new or empty).")] = None,
    force: Annotated[
        bool, typer.Option(help="Write into a non-empty folder (replaces only wijksim's own output files).")
    ] = False,
) -> None:
    """Run the model and write weekly.parquet, summary.json, run.json and report.png."""
    from .experiments.run import RunSpec, check_out_dir, provenance_record, simulate, write_outputs

    try:
        if preset and (scan or wijk):
            raise ParameterError("--preset", preset, "give either --preset or --scan/--wijk, not both")
        if years <= 0:
            raise ParameterError("years", years, "must be at least 1")
        overrides = {}
        if params is not None:
            from .calibration.calibrate import load_params_file

            overrides = load_params_file(params)[0]
        overrides |= parse_set(set_ or [])
        levers = {
            "network_developers": network_developers,
            "key_facility": key_facility,
            "flex_team": flex_team,
            "specialist_capacity_factor": specialist_capacity_factor,
            "neighbourhood_team_factor": neighbourhood_team_factor,
        }
        for name, value in levers.items():
            if value is not None:
                overrides[name] = REGISTRY[name].check(value)
        spec = RunSpec(
            preset=preset or ("default" if not scan else None),
            scan=str(scan) if scan else None,
            wijk=wijk,
            residents=residents,
            years=years,
            seed=seed,
            overrides=overrides,
        )
        param_file = params
        params, origin = spec.resolve()
        if param_file is not None:
            from .calibration.calibrate import sha256

            origin["parameter_file"] = {"path": str(param_file.resolve()), "sha256": sha256(param_file)}
        if out is None:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            base = Path("runs") / f"{spec.preset or spec.wijk}-seed{seed}-{stamp}"
            out, k = base, 1
            while out.exists():
                k += 1
                out = base.with_name(f"{base.name}-{k}")
        check_out_dir(out, force)
    except ParameterError as err:
        fail(err)
        return
    record = provenance_record(spec, params, origin)
    label = spec.preset if spec.preset else f"{origin.get('wijk_name')} ({spec.wijk})"
    on = [f"{k}={params[k]}" for k in ("network_developers", "flex_team") if params[k]]
    on += ["key facility"] if params["key_facility"] else []
    on += [
        f"{k}={params[k]}"
        for k in ("specialist_capacity_factor", "neighbourhood_team_factor")
        if params[k] != 1.0
    ]
    title = (
        f"wijksim: {label}, {params['residents']:,} residents, seed {seed}; levers: {', '.join(on) or 'none'}"
    )
    started = time.perf_counter()
    weekly, yearly = _simulate_with_progress(simulate, params, seed, years)
    try:
        write_outputs(out, force, weekly, yearly, record, title)
    except ParameterError as err:
        fail(err)
    _print_final(yearly, out, time.perf_counter() - started)


def figure(x: float) -> str:
    """Three significant digits for the printed tables, never in scientific notation ("-1,830", not
    "-1.83e+03"): the tables are read, and copied into reports."""
    import numpy as np

    if not np.isfinite(x):
        return str(x)
    r = float(f"{x:.3g}")
    return f"{r:,.0f}" if abs(r) >= 100 else np.format_float_positional(r, trim="-")


def _simulate_with_progress(simulate, params, seed, years):
    show = sys.stderr.isatty() and params["residents"] * years >= 200_000
    if not show:
        _, weekly, yearly = simulate(params, seed, years)
        return weekly, yearly
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("simulating"),
        BarColumn(),
        TextColumn("week {task.completed}/{task.total}"),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("run", total=years * 52)
        _, weekly, yearly = simulate(
            params, seed, years, progress=lambda w, total: bar.update(task, completed=w)
        )
    return weekly, yearly


def _print_final(yearly: list[dict], out: Path, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    from .model.diagnostics import growing_queue

    last = yearly[-1]
    table = Table(title=f"Year {last['year']} (of {len(yearly)})", show_header=True)
    table.add_column("indicator")
    table.add_column("value", justify="right")
    for k in TABLE_KEYS:
        v = last[k]
        table.add_row(k, f"{v:,.0f}" if abs(v) >= 1000 else figure(v))
    console = Console()
    console.print(table)
    queue = growing_queue(yearly)
    if queue:
        Console(stderr=True).print(f"[yellow]warning: {queue['message']}[/yellow]")
    console.print(f"wrote {out}/ (weekly.parquet, summary.json, run.json, report.png) in {seconds:.1f} s")


@app.command()
def sweep(
    design: Annotated[
        Path, typer.Argument(help="Design file (TOML): base, years, seed, replications, sampler.")
    ],
    out: Annotated[Path, typer.Option(help="Output folder (new or empty; with --resume the sweep's own).")],
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    backend: Annotated[str, typer.Option(help="processes or dask.")] = "processes",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, tcp://HOST:PORT.")] = None,
    resume: Annotated[bool, typer.Option(help="Run only what is missing in OUT.")] = False,
) -> None:
    """Run every point of a design, replicated, streaming results to OUT (Parquet)."""
    from .experiments.design import Design
    from .experiments.sweep import run_sweep

    started = time.perf_counter()
    try:
        d = Design.from_toml(design)
        table, results = run_sweep(
            d, out, workers=workers, backend=backend, scheduler=scheduler, resume=resume
        )
    except ParameterError as err:
        fail(err)
        return
    n = table["run_id"].nunique()
    done = results["run_id"].nunique() if len(results) else 0
    typer.echo(f"sweep: {done}/{n} runs in {out}/ ({time.perf_counter() - started:.1f} s)")


@app.command()
def compare(
    scenario: Annotated[
        list[str], typer.Option(help='"name: lever flags", e.g. "hub: --key-facility" (repeat).')
    ],
    out: Annotated[Path, typer.Option(help="Output folder (new or empty).")],
    replications: Annotated[int, typer.Option(help="Replications per scenario (same seeds in each).")] = 10,
    preset: Annotated[str | None, typer.Option(help="Neighbourhood preset.")] = None,
    scan: Annotated[Path | None, typer.Option(help="Scan CSV.")] = None,
    wijk: Annotated[str | None, typer.Option(help="Wijk code in the scan file.")] = None,
    residents: Annotated[int | None, typer.Option(help="Number of residents.")] = None,
    years: Annotated[int, typer.Option(help="Years to simulate.")] = 10,
    seed: Annotated[int, typer.Option(help="Master seed.")] = 1,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="name=value for baseline and every scenario (repeatable)."),
    ] = None,
) -> None:
    """Compare scenarios with the baseline ("no new decisions") using common random numbers."""
    from .experiments.compare import compare as run_compare

    try:
        if preset and (scan or wijk):
            raise ParameterError("--preset", preset, "give either --preset or --scan/--wijk, not both")
        res = run_compare(
            scenario,
            replications,
            out,
            preset=preset,
            scan=str(scan) if scan else None,
            wijk=wijk,
            residents=residents,
            years=years,
            seed=seed,
            workers=workers,
            overrides=parse_set(set_ or []),
        )
    except ParameterError as err:
        fail(err)
        return
    _print_comparison(res, years)
    typer.echo(
        f"wrote {out}/ (runs.parquet, differences.csv, net_costs.csv, curves.png, differences.png, "
        "comparison.json)"
    )


def _print_comparison(res: dict, years: int) -> None:
    from rich.console import Console
    from rich.table import Table

    d = res["differences"]
    last = d[d.year == d.year.max()]
    table = Table(title=f"Difference from baseline in year {int(d.year.max())} (mean [95% CI])")
    table.add_column("indicator")
    for name in last.scenario.unique():
        table.add_column(name, justify="right")
    from .model.indicators import KEY_INDICATORS

    for ind in KEY_INDICATORS:
        cells = []
        for name in last.scenario.unique():
            r = last[(last.scenario == name) & (last.indicator == ind)].iloc[0]
            cells.append(f"{figure(r.difference)} [{figure(r.ci_low)}, {figure(r.ci_high)}]")
        table.add_row(ind, *cells)
    costs = Table(title=f"Net cost over {years} years (EUR; + = costs more than it saves)")
    for col in ("scenario", "lever cost", "saved light care", "saved heavy care", "net cost [95% CI]"):
        costs.add_column(col, justify="right")
    for r in res["net_costs"].itertuples():
        costs.add_row(
            r.scenario,
            f"{r.lever_cost_eur:,.0f}",
            f"{r.saved_light_care_eur:,.0f}",
            f"{r.saved_heavy_care_eur:,.0f}",
            f"{r.net_cost_eur:,.0f} [{r.net_cost_ci_low:,.0f}, {r.net_cost_ci_high:,.0f}]",
        )
    console = Console(width=160)
    console.print(table)
    console.print(costs)
    for name, queue in res["warnings"].items():
        Console(stderr=True, width=160).print(f"[yellow]warning: {name}: {queue['message']}[/yellow]")


@app.command()
def sensitivity(
    sweep_dir: Annotated[Path, typer.Argument(metavar="DIR", help="A finished morris or sobol sweep.")],
    indicator: Annotated[
        list[str] | None, typer.Option(help="Indicator(s) to analyse (default: key ones).")
    ] = None,
    year: Annotated[int | None, typer.Option(help="Year of the indicator (default: the last).")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default DIR/sensitivity).")] = None,
) -> None:
    """Sensitivity indices (SALib) per indicator: a table and a plot."""
    from .experiments.analysis import sensitivity as run_sensitivity

    out = out or sweep_dir / "sensitivity"
    try:
        table = run_sensitivity(sweep_dir, indicator, year, out)
    except ParameterError as err:
        fail(err)
        return
    from rich.console import Console
    from rich.table import Table

    value = "mu_star" if "mu_star" in table.columns else "ST"
    t = Table(title=f"Sensitivity ({value}) in year {int(table.year.iloc[0])}")
    t.add_column("parameter")
    inds = list(dict.fromkeys(table.indicator))
    for ind in inds:
        t.add_column(ind, justify="right", overflow="fold")
    for name in dict.fromkeys(table.parameter):
        t.add_row(
            name,
            *[figure(table[(table.parameter == name) & (table.indicator == i)][value].iloc[0]) for i in inds],
        )
    Console(width=220).print(t)
    typer.echo(f"wrote {out}/ (sensitivity.csv, sensitivity.png)")


@app.command()
def discover(
    sweep_dir: Annotated[Path, typer.Argument(metavar="DIR", help="A finished sweep.")],
    outcome: Annotated[str, typer.Option(help="Yearly indicator that defines the cases of interest.")],
    below: Annotated[float | None, typer.Option(help="Cases: outcome below this value.")] = None,
    above: Annotated[float | None, typer.Option(help="Cases: outcome above this value.")] = None,
    year: Annotated[int | None, typer.Option(help="Year of the outcome (default: the last).")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default DIR/discover-OUTCOME).")] = None,
) -> None:
    """PRIM scenario discovery: which parameter and lever ranges produce the outcome."""
    from .experiments.analysis import discover as run_discover

    out = out or sweep_dir / f"discover-{outcome}"
    try:
        res = run_discover(sweep_dir, outcome, below, above, year, out)
    except ParameterError as err:
        fail(err)
        return
    s = res["stats"]
    typer.echo(f"PRIM: {res['condition']} in year {res['year']}: {res['cases']} of {res['runs']} runs")
    typer.echo(
        f"box: coverage {s['coverage']:.2f}, density {s['density']:.2f}, mass {s['mass']:.2f}, "
        f"restricted dimensions {int(s['res_dim'])}"
    )
    typer.echo(res["box"].to_string())
    typer.echo(f"wrote {out}/ (peeling_trajectory.csv, box_limits.csv, tradeoff.png, box.png, discover.json)")


@app.command(name="app")
def app_command(
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8765,
    host: Annotated[
        str, typer.Option(help="Interface to bind; 127.0.0.1 (this machine only) unless given.")
    ] = "127.0.0.1",
    lang: Annotated[str, typer.Option(help="Language the page opens in: nl or en.")] = "nl",
) -> None:
    """Start the workshop app (Solara) in the browser at http://HOST:PORT."""
    import os

    from .viz.i18n import LANGUAGES

    if lang not in LANGUAGES:
        fail(ParameterError("--lang", lang, "choose nl or en"))
    if not 0 < port < 65536:
        fail(ParameterError("--port", port, "must be 1-65535"))
    # No usage statistics to Solara's telemetry service (a workshop's machine may be offline, and
    # a municipality's data protection officer would ask); a user may still switch it on.
    env = {
        "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False",
        **os.environ,
        "WIJKSIM_LANG": lang,
        "WIJKSIM_WARM_UP": "1",
    }
    typer.echo(f"wijksim app on http://{host}:{port} (Ctrl-C stops it)")
    cmd = [
        sys.executable,
        "-m",
        "solara",
        "run",
        "wijksim.viz.app",
        "--host",
        host,
        "--port",
        str(port),
        "--production",
        "--no-open",
    ]
    sys.stdout.flush()
    # Become the server (no child process): a stop signal reaches it directly and leaves no
    # orphaned server holding the port.
    os.execve(sys.executable, cmd, env)


@app.command()
def params(fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """List the parameter registry: name, unit, default, range, source."""
    rows = [
        {
            "name": p.name,
            "unit": p.unit,
            "default": p.default,
            "low": p.low,
            "high": p.high,
            "source": p.source,
            "description": p.description,
            "group": p.group,
            "type": p.kind.__name__,
            "lever": p.lever,
        }
        for p in REGISTRY.values()
    ]
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=1))
        return
    if fmt != "table":
        fail(ParameterError("--format", fmt, "choose table or json"))
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("name", "unit", "default", "range", "source"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["name"], r["unit"], str(r["default"]), f"{r['low']} - {r['high']}", r["source"])
    Console(width=200).print(table)


@app.command()
def presets(fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """List the neighbourhood presets and what sets them apart."""
    if fmt == "json":
        typer.echo(json.dumps({n: PRESETS[n] for n in PRESET_NAMES}, indent=1))
        return
    for name in PRESET_NAMES:
        p = PRESETS[name]
        typer.echo(f"{name}\n  {p['rationale']}")
        if p["values"] and "alias_of" not in p:
            typer.echo("  " + ", ".join(f"{k}={v}" for k, v in p["values"].items()))


def main() -> None:
    app()


@app.command()
def calibrate(
    out: Annotated[Path, typer.Option(help="Output folder (must be new or empty).")],
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
    from .calibration.calibrate import calibrate as run_calibration
    from .calibration.targets import wijk_codes

    try:
        if bool(wijk) == bool(wijken):
            raise ParameterError("--wijk", wijk or "", "give one of --wijk CODE or --wijken FILE|CODES")
        codes = [wijk] if wijk else wijk_codes(wijken)
        record = run_calibration(
            codes, out, scan, method, budget, workers, backend, scheduler, prior, seed, population,
            residents, force=force, only=[p.strip() for p in parameters.split(",")] if parameters else None,
            burn_in_weeks=burn_in_weeks, stop_when=stop_when,
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
    out: Annotated[Path, typer.Option(help="Output folder (must be new or empty).")],
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
    from .calibration.targets import wijk_codes
    from .calibration.validate import validate as run_validation

    try:
        record = run_validation(
            params, wijk_codes(wijken), out, scan, wijk_codes(train) if train else None,
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


if __name__ == "__main__":
    main()
