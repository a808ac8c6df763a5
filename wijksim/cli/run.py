"""`wijksim run`: one neighbourhood over the years, with its outputs."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from ..experiments.output import check_out_dir, out_path
from ..experiments.run import OUTPUT_FILES, RunSpec, provenance_record, simulate, write_outputs
from ..model.codes import WEEKS_PER_YEAR
from ..model.diagnostics import growing_queue
from ..model.indicators.registry import TABLE_KEYS
from ..model.params import ParameterError, parse_changes, parse_set
from ..model.presets import PRESET_NAMES
from ..viz.numbers import significant
from .common import app, check_exclusive, demography_mode, fail, lever_values, with_lever_options


@app.command()
@with_lever_options(after="seed")
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
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set", help="name=value for any registry parameter (repeatable; see `wijksim params`)."
        ),
    ] = None,
    change: Annotated[
        list[str] | None,
        typer.Option(
            "--change",
            help="YEAR:NAME=VALUE: from the start of simulated year YEAR (1 = the first) the parameter "
            "takes VALUE, e.g. 5:specialist_capacity_factor=1 (repeatable; see `wijksim params`, field "
            "changeable).",
        ),
    ] = None,
    params: Annotated[
        Path | None,
        typer.Option(help="Parameter file (e.g. a calibration's fitted_params.json); --set overrides it."),
    ] = None,
    demography: Annotated[
        str | None,
        typer.Option(
            help="stationary (the default: the age structure stays near the scan's while people age) or "
            "projected (cohorts age as they would; births and in-movers at national rates)."
        ),
    ] = None,
    out: Annotated[str | None, typer.Option(help="Output folder (must be new or empty).")] = None,
    force: Annotated[
        bool, typer.Option(help="Write into a non-empty folder (replaces only wijksim's own output files).")
    ] = False,
    **levers: Any,
) -> None:
    """Run the model and write weekly.parquet, summary.json, run.json and report.png."""
    out = out_path(out)
    try:
        check_exclusive(preset, scan, wijk)
        if years <= 0:
            raise ParameterError("years", years, "must be at least 1")
        overrides = {}
        if params is not None:
            from ..calibration.calibrate import load_params_file  # start-up: pyabc and optuna

            overrides = load_params_file(params)[0]
        overrides |= parse_set(set_ or [])
        overrides |= lever_values(levers)
        if demography is not None:
            overrides["demography_projected"] = demography_mode(demography)
        spec = RunSpec(
            preset=preset or ("default" if not scan else None),
            scan=str(scan) if scan else None,
            wijk=wijk,
            residents=residents,
            years=years,
            seed=seed,
            overrides=overrides,
            changes=parse_changes(change or [], years),
        )
        values, origin = spec.resolve()
        if params is not None:
            from ..calibration.calibrate import sha256  # start-up: as above

            origin["parameter_file"] = {"path": str(params.resolve()), "sha256": sha256(params)}
        out = out if out is not None else _new_run_folder(spec)
        check_out_dir(out, force, OUTPUT_FILES)
    except ParameterError as err:
        fail(err)
    record = provenance_record(spec, values, origin)
    title = _title(spec, values, origin)
    started = time.perf_counter()
    weekly, yearly = _simulate_with_progress(values, seed, years, spec.changes)
    from ..viz.report import make_report  # start-up: matplotlib

    try:
        write_outputs(out, force, weekly, yearly, record, title, report=make_report)
    except ParameterError as err:
        fail(err)
    _print_final(yearly, out, time.perf_counter() - started)


def _new_run_folder(spec: RunSpec) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = Path("runs") / f"{spec.preset or spec.wijk}-seed{spec.seed}-{stamp}"
    out, k = base, 1
    while out.exists():
        k += 1
        out = base.with_name(f"{base.name}-{k}")
    return out


def _title(spec: RunSpec, params: dict[str, Any], origin: dict[str, Any]) -> str:
    label = spec.preset if spec.preset else f"{origin.get('wijk_name')} ({spec.wijk})"
    on = [f"{k}={params[k]}" for k in ("network_developers", "flex_team") if params[k]]
    on += ["key facility"] if params["key_facility"] else []
    on += [
        f"{k}={params[k]}"
        for k in ("specialist_capacity_factor", "neighbourhood_team_factor")
        if params[k] != 1.0
    ]
    on += [f"from year {y} {k}={v}" for y, k, v in spec.changes]
    return (
        f"wijksim: {label}, {params['residents']:,} residents, seed {spec.seed}; "
        f"levers: {', '.join(on) or 'none'}"
    )


def _simulate_with_progress(params: dict[str, Any], seed: int, years: int, changes: list):
    show = sys.stderr.isatty() and params["residents"] * years >= 200_000
    if not show:
        _, weekly, yearly = simulate(params, seed, years, changes=changes)
        return weekly, yearly
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("simulating"),
        BarColumn(),
        TextColumn("week {task.completed}/{task.total}"),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("run", total=years * WEEKS_PER_YEAR)
        _, weekly, yearly = simulate(
            params, seed, years, progress=lambda w, total: bar.update(task, completed=w), changes=changes
        )
    return weekly, yearly


def _print_final(yearly: list[dict], out: Path, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    last = yearly[-1]
    table = Table(title=f"Year {last['year']} (of {len(yearly)})", show_header=True)
    table.add_column("indicator")
    table.add_column("value", justify="right")
    for k in TABLE_KEYS:
        v = last[k]
        table.add_row(k, f"{v:,.0f}" if abs(v) >= 1000 else significant(v))
    console = Console()
    console.print(table)
    queue = growing_queue(yearly)
    if queue:
        Console(stderr=True).print(f"[yellow]warning: {queue['message']}[/yellow]")
    console.print(f"wrote {out}/ (weekly.parquet, summary.json, run.json, report.png) in {seconds:.1f} s")
