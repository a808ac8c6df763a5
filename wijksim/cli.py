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
        overrides = parse_set(set_ or [])
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
        params, origin = spec.resolve()
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

    last = yearly[-1]
    table = Table(title=f"Year {last['year']} (of {len(yearly)})", show_header=True)
    table.add_column("indicator")
    table.add_column("value", justify="right")
    for k in TABLE_KEYS:
        v = last[k]
        table.add_row(k, f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}")
    console = Console()
    console.print(table)
    console.print(f"wrote {out}/ (weekly.parquet, summary.json, run.json, report.png) in {seconds:.1f} s")


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


if __name__ == "__main__":
    main()
