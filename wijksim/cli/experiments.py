"""The experiment commands: sweeps, scenario comparisons, sensitivity analysis, scenario discovery."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from ..experiments.output import check_out_dir, out_path
from ..experiments.provenance import command_line, stamp
from ..model.indicators.registry import KEY_INDICATORS
from ..model.params import ParameterError, parse_set
from ..viz.numbers import NET_COST_COLUMNS, net_cost_rows, significant, with_interval
from .common import app, check_exclusive, fail


@app.command()
def sweep(
    design: Annotated[
        Path, typer.Argument(help="Design file (TOML): base, years, seed, replications, sampler.")
    ],
    out: Annotated[str, typer.Option(help="Output folder (new or empty; with --resume the sweep's own).")],
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    backend: Annotated[str, typer.Option(help="processes or dask.")] = "processes",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, tcp://HOST:PORT.")] = None,
    resume: Annotated[bool, typer.Option(help="Run only what is missing in OUT.")] = False,
) -> None:
    """Run every point of a design, replicated, streaming results to OUT (Parquet)."""
    out = out_path(out)
    from ..experiments.design import Design  # start-up: SALib, pandas
    from ..experiments.sweep import run_sweep  # start-up: pandas, pyarrow

    started = time.perf_counter()
    try:
        d = Design.from_toml(design)
        table, results = run_sweep(
            d, out, workers=workers, backend=backend, scheduler=scheduler, resume=resume,
            on_heal=lambda line: typer.echo(f"sweep --resume: {line} (see {out}/damaged/)", err=True),
        )  # fmt: skip
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
    out: Annotated[str, typer.Option(help="Output folder (new or empty).")],
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
    out = out_path(out)
    from ..experiments.compare import compare as run_compare  # start-up: pandas, scipy

    try:
        check_exclusive(preset, scan, wijk)
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
    for ind in KEY_INDICATORS:
        cells = []
        for name in last.scenario.unique():
            r = last[(last.scenario == name) & (last.indicator == ind)].iloc[0]
            cells.append(with_interval(r.difference, r.ci_low, r.ci_high))
        table.add_row(ind, *cells)
    costs = Table(title=f"Net cost over {years} years (EUR; + = costs more than it saves)")
    for col in ("scenario", *(header for _, header in NET_COST_COLUMNS)):
        costs.add_column(col, justify="right")
    for row in net_cost_rows(res["net_costs"]):
        costs.add_row(*row)
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
    out: Annotated[str | None, typer.Option(help="Output folder (default DIR/sensitivity).")] = None,
) -> None:
    """Sensitivity indices (SALib) per indicator: a table and a plot."""
    out = out_path(out)
    from ..experiments.analysis import sensitivity as run_sensitivity  # start-up: SALib, pandas

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
            *[
                significant(table[(table.parameter == name) & (table.indicator == i)][value].iloc[0])
                for i in inds
            ],
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
    out: Annotated[str | None, typer.Option(help="Output folder (default DIR/discover-OUTCOME).")] = None,
) -> None:
    """PRIM scenario discovery: which parameter and lever ranges produce the outcome."""
    out = out_path(out)
    from ..experiments.analysis import discover as run_discover  # start-up: EMA workbench, pandas

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


@app.command()
def patterns(
    residents: Annotated[int, typer.Option(help="Residents per simulated neighbourhood.")] = 10_000,
    replications: Annotated[int, typer.Option(help="Paired replications of every arm.")] = 4,
    seed: Annotated[int, typer.Option(help="Master seed (the replications' seeds are spawned from it).")] = 1,
    only: Annotated[
        str | None, typer.Option(help="Only these patterns: NAME,NAME,... (docs/patterns.md).")
    ] = None,
    robustness: Annotated[
        int, typer.Option(help="Parameter sets drawn from the behavioural priors (Latin hypercube).")
    ] = 32,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    out: Annotated[
        str | None, typer.Option(help="Output folder (new or empty; default runs/patterns-<time>).")
    ] = None,
) -> None:
    """The pattern report: every pattern of docs/patterns.md measured on the model (exit 0 whatever holds)."""
    out = out_path(out)
    from ..experiments.patterns.battery import Battery, run_battery  # start-up: pandas, scipy
    from ..experiments.patterns.report import write_report  # start-up: matplotlib

    names = tuple(n.strip() for n in only.split(",") if n.strip()) if only else ()
    battery = Battery(residents, replications, seed, names, robustness, workers, progress=_progress())
    out = out if out is not None else Path("runs") / f"patterns-{time.strftime('%Y%m%d-%H%M%S')}"
    try:
        battery.check()
        check_out_dir(out, force=False, force_flag=False)
    except ParameterError as err:
        fail(err)
    started = time.perf_counter()
    rows = run_battery(battery)
    record = {
        **stamp(),
        "command": command_line(),
        "residents": residents,
        "replications": replications,
        "seed": seed,
        "robustness_sets": robustness,
        "only": list(names),
        "seconds": round(time.perf_counter() - started, 1),
    }
    try:
        write_report(rows, out, record)
    except ParameterError as err:
        fail(err)
    _print_patterns(rows)
    typer.echo(f"wrote {out}/ (patterns.csv, patterns.json, patterns.png) in {record['seconds']:.0f} s")


def _progress():
    import sys

    if not sys.stderr.isatty():
        return None

    def show(label: str, done: int, total: int) -> None:
        typer.echo(f"\r{label}: {done}/{total} runs", nl=False, err=True)
        if done == total:
            typer.echo("", err=True)

    return show


def _print_patterns(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Patterns (docs/patterns.md)")
    for col in ("pattern", "role", "measured", "mc_se", "target", "holds", "robust"):
        table.add_column(col, justify="left" if col in ("pattern", "role", "target") else "right")
    for r in rows:
        if r["missing"]:
            table.add_row(r["pattern"], r["role"], "", "", r["target"], r["missing"], "")
            continue
        holds = {True: "yes", False: "NO", None: "report"}[r["holds"]]
        robust = (
            ""
            if r.get("robust_share") is None
            else f"{r['robust_share']:.0%}" + (" fragile" if r["fragile"] else "")
        )
        se = "" if r["mc_se"] is None else significant(r["mc_se"])
        table.add_row(r["pattern"], r["role"], significant(r["measured"]), se, r["target"], holds, robust)
    Console(width=160).print(table)
