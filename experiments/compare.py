"""Compare policy scenarios with a baseline ("no new decisions") honestly.

Every scenario runs with the same seeds as the baseline (common random numbers), replication by
replication, so differences are paired. For each indicator and year: the mean difference and its
95% confidence interval (t interval over replications). Net cost per scenario: what its levers cost
minus what it saves in light care (neighbourhood team, individual provisions, informal-support
costs) and heavy care (specialist and crisis care), summed over the years, with its interval.
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..model.diagnostics import growing_queue
from ..model.indicators import KEY_INDICATORS
from ..model.params import LEVERS, REGISTRY, ParameterError, check_change, parse_changes, parse_set
from .output import check_out_dir, staged, write_json
from .provenance import stamp
from .run import RunSpec
from .seeds import spawn_seeds
from .stats import t_half_width, t_interval
from .sweep import run_processes
from .tasks import results_frame

#: Scenario strings are parsed before the horizon is known; `compare` checks the years against it.
CHANGE_YEARS_LIMIT = 200
LEVER_COSTS = ("cost_network_developers_eur", "cost_key_facility_eur", "cost_flex_team_eur")
LIGHT_CARE = (
    "cost_neighbourhood_team_eur",
    "cost_individual_provisions_eur",
    "cost_light_wmo_provisions_eur",
    "cost_informal_support_eur",
)
HEAVY_CARE = ("cost_specialist_care_eur", "cost_crisis_care_eur", "cost_bridging_care_eur")
#: Indicators drawn in the comparison plots.
PLOTTED = KEY_INDICATORS


@dataclass
class Scenario:
    name: str
    overrides: dict[str, Any]
    #: Policy that changes during the run: (year, parameter, value), `--change YEAR:NAME=VALUE`.
    changes: list[tuple[int, str, Any]] = field(default_factory=list)


def parse_scenario(text: str) -> Scenario:
    """'name: --network-developers 2 --key-facility --set x=1' -> Scenario."""
    if ":" not in text:
        raise ParameterError("--scenario", text, 'expected "name: lever flags"')
    name, flags = text.split(":", 1)
    name = name.strip()
    if not name or name == "baseline":
        raise ParameterError("--scenario", text, "needs a name other than 'baseline'")
    parser = argparse.ArgumentParser(prog=f"scenario {name}", add_help=False, exit_on_error=False)
    for lever in LEVERS:
        flag = "--" + lever.replace("_", "-")
        if REGISTRY[lever].kind is bool:
            parser.add_argument(flag, dest=lever, action=argparse.BooleanOptionalAction, default=None)
        else:
            parser.add_argument(flag, dest=lever, default=None)
    parser.add_argument("--set", dest="set_", action="append", default=[])
    parser.add_argument("--change", dest="change", action="append", default=[])
    try:
        ns, extra = parser.parse_known_args(shlex.split(flags))
    except (argparse.ArgumentError, ValueError) as err:
        raise ParameterError("--scenario", text, str(err)) from None
    if extra:
        raise ParameterError("--scenario", text, f"unknown flag(s) {' '.join(extra)}")
    overrides = parse_set(ns.set_)
    for lever in LEVERS:
        value = getattr(ns, lever)
        if value is not None:
            overrides[lever] = REGISTRY[lever].check(value)
    changes = [tuple(c) for c in parse_changes(ns.change, CHANGE_YEARS_LIMIT)]
    return Scenario(name, overrides, changes)  # type: ignore[arg-type]


def run_comparison(
    scenarios: list[Scenario], replications: int, base: RunSpec, workers: int = 1, crn: bool = True
):
    """Run baseline and scenarios; return the tidy table of yearly results (scenario, replication)."""
    if isinstance(replications, bool) or not isinstance(replications, int) or replications < 2:
        raise ParameterError("--replications", replications, "need at least 2 for an interval")
    names = [s.name for s in scenarios]
    if len(set(names)) != len(names):
        raise ParameterError("--scenario", names, "scenario names must differ")
    all_scen = [Scenario("baseline", {})] + scenarios
    seeds = spawn_seeds(base.seed, replications if crn else replications * len(all_scen))
    tasks, labels = [], {}
    for si, sc in enumerate(all_scen):
        params = base.with_overrides(sc.overrides).resolve()[0]
        for r in range(replications):
            run_id = si * replications + r
            seed = seeds[r] if crn else seeds[si * replications + r]
            tasks.append((run_id, params, seed, int(base.years), sc.changes))
            labels[run_id] = (sc.name, r, seed)
    rows = []
    for result in run_processes(tasks, workers):
        rows.extend(result)
    import pandas as pd

    df = results_frame(rows)
    ids = df["run_id"]
    names = pd.DataFrame(
        {
            "run_id": ids,
            "scenario": ids.map(lambda i: labels[i][0]),
            "replication": ids.map(lambda i: labels[i][1]),
            "seed": ids.map(lambda i: labels[i][2]),
        }
    )
    df = pd.concat([names, df.drop(columns="run_id")], axis=1)  # one block: no fragmented frame
    return df.sort_values(["run_id", "year"]).reset_index(drop=True)


def paired(runs, columns: list[str]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Each scenario's `columns` as an array replications x years x columns, the baseline's first,
    all in the same order (replication by replication, year by year): row i of any scenario pairs
    with row i of the baseline. Also the years. A scenario whose replications or years are not the
    baseline's is an error (a paired comparison has nothing to pair it with)."""
    base = runs[runs.scenario == "baseline"]
    reps, years = np.unique(base["replication"].to_numpy()), np.unique(base["year"].to_numpy())
    grid = np.repeat(reps, len(years)), np.tile(years, len(reps))
    cubes = {}
    for name in ["baseline", *(s for s in runs.scenario.unique() if s != "baseline")]:
        d = runs[runs.scenario == name].sort_values(["replication", "year"])
        if not (
            np.array_equal(d["replication"].to_numpy(), grid[0])
            and np.array_equal(d["year"].to_numpy(), grid[1])
        ):
            raise ValueError(
                f"scenario {name!r}: its replications and years are not the baseline's, so nothing pairs"
            )
        cubes[name] = d[columns].to_numpy(float).reshape(len(reps), len(years), len(columns))
    return cubes, years


def _mean(x: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Mean over replications (axis 0) of the values that are not NaN; NaN where there are none."""
    return np.nansum(x, axis=0) / n


def differences(runs) -> Any:
    """Per scenario, indicator and year: baseline mean, scenario mean, mean difference, 95% CI
    (paired over replications: the scenario minus the baseline with the same seed). A NaN (an
    indicator without a value that year) is left out of its mean; an interval needs 2 pairs."""
    import pandas as pd

    skip = {"run_id", "scenario", "replication", "seed", "year", "residents"}
    # Columns that are null throughout (lonely and carer shares of 0-17) have nothing to compare.
    indicators = [c for c in runs.columns if c not in skip and runs[c].notna().any()]
    cubes, years = paired(runs, indicators)
    base = cubes.pop("baseline")
    rows = {"indicator": np.repeat(indicators, len(years)), "year": np.tile(years, len(indicators))}
    out = []
    with np.errstate(invalid="ignore", divide="ignore"):  # no value, or one pair: NaN, as intended
        base_mean = _mean(base, np.sum(~np.isnan(base), axis=0))
        for name, sc in cubes.items():
            diff = sc - base
            n = np.sum(~np.isnan(diff), axis=0)
            mean = _mean(diff, n)
            sd = np.sqrt(np.nansum((diff - mean) ** 2, axis=0) / (n - 1))
            half = np.where(n >= 2, t_half_width(sd, n), np.nan)
            columns = {
                "baseline": base_mean,
                "scenario_mean": _mean(sc, np.sum(~np.isnan(sc), axis=0)),
                "difference": mean,
                "ci_low": mean - half,
                "ci_high": mean + half,
            }
            # years x indicators -> one row per indicator and year, indicator by indicator
            out.append(
                pd.DataFrame({"scenario": name, **rows} | {k: v.T.ravel() for k, v in columns.items()})
            )
    result = pd.concat(out, ignore_index=True)
    result["year"] = result["year"].astype(int)
    return result


def growing_queues(runs) -> dict[str, dict[str, Any]]:
    """Per scenario whose waiting list, averaged over its replications, kept growing to the end of
    the run: the warning of `model.diagnostics.growing_queue` (none for a settled scenario)."""
    out = {}
    for name, d in runs.groupby("scenario", sort=False):
        cols = [c for c in ("waiting_list", "residents", "regular_wait_weeks") if c in d.columns]
        yearly = d.groupby("year")[cols].mean().to_dict("records")
        queue = growing_queue(yearly)
        if queue:
            out[name] = queue
    return out


def net_costs(runs) -> Any:
    """Per scenario: lever cost, savings in light and heavy care, net cost (all summed over the
    years, EUR), each with its 95% CI over paired replications."""
    import pandas as pd

    columns = [*LEVER_COSTS, *LIGHT_CARE, *HEAVY_CARE]
    cubes, _ = paired(runs, columns)

    def totals(name: str, cols: tuple[str, ...]) -> np.ndarray:
        """Per replication, `cols` summed over the years and over each other."""
        picked = [columns.index(c) for c in cols]
        return np.nansum(cubes[name][:, :, picked], axis=1).sum(axis=1)

    out = []
    for name in [s for s in cubes if s != "baseline"]:
        levers = totals(name, LEVER_COSTS) - totals("baseline", LEVER_COSTS)
        light = totals("baseline", LIGHT_CARE) - totals(name, LIGHT_CARE)
        heavy = totals("baseline", HEAVY_CARE) - totals(name, HEAVY_CARE)
        net = levers - light - heavy
        row: dict[str, Any] = {"scenario": name}
        for key, arr in (
            ("lever_cost", levers),
            ("saved_light_care", light),
            ("saved_heavy_care", heavy),
            ("net_cost", net),
        ):
            mean, lo, hi = t_interval(arr)
            row |= {f"{key}_eur": mean, f"{key}_ci_low": lo, f"{key}_ci_high": hi}
        out.append(row)
    return pd.DataFrame(out)


def plot(runs, diffs, out: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    names = list(dict.fromkeys(runs.scenario))
    for kind in ("curves", "differences"):
        fig = Figure(figsize=(15, 8), dpi=85)
        FigureCanvasAgg(fig)
        axes = fig.subplots(2, 4).flat
        for ax, ind in zip(axes, PLOTTED, strict=False):
            if kind == "curves":
                for name in names:
                    g = runs[runs.scenario == name].groupby("year")[ind]
                    m, s, n = g.mean(), g.std(ddof=1), g.count()
                    half = t_half_width(s, n)
                    ax.plot(m.index, m, label=name)
                    ax.fill_between(m.index, m - half, m + half, alpha=0.2)
            else:
                for name in names[1:]:
                    d = diffs[(diffs.scenario == name) & (diffs.indicator == ind)]
                    ax.plot(d.year, d.difference, label=name)
                    ax.fill_between(d.year, d.ci_low, d.ci_high, alpha=0.2)
                ax.axhline(0, color="k", lw=0.8)
            ax.set_title(ind.replace("_", " "), fontsize=9)
            ax.set_xlabel("year")
            ax.grid(alpha=0.3)
        axes_list = list(fig.axes)
        axes_list[0].legend(fontsize=8)
        axes_list[-1].axis("off")
        title = (
            "Scenarios over the years: mean and 95% band over replications"
            if kind == "curves"
            else "Difference from the baseline (same seeds): mean and 95% confidence interval"
        )
        fig.suptitle(title)
        fig.tight_layout()
        fig.savefig(out / f"{kind}.png")


def compare(
    scenarios: list[str | Scenario],
    replications: int,
    out: str | Path,
    preset: str | None = "default",
    scan: str | None = None,
    wijk: str | None = None,
    residents: int | None = None,
    years: int = 10,
    seed: int = 1,
    workers: int = 1,
    crn: bool = True,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run and write a comparison; return {'runs', 'differences', 'net_costs'} DataFrames."""
    out = Path(out)
    parsed = [s if isinstance(s, Scenario) else parse_scenario(s) for s in scenarios]
    if not parsed:
        raise ParameterError("--scenario", None, "give at least one scenario")
    base = RunSpec(
        preset=None if scan else (preset or "default"),
        scan=scan,
        wijk=wijk,
        residents=residents,
        years=years,
        seed=seed,
        overrides=dict(overrides or {}),
    )
    base.resolve()
    for sc in parsed:
        base.with_overrides(sc.overrides).resolve()
        for year, name, value in sc.changes:
            check_change(year, name, value, int(years))
    check_out_dir(out, force=False, force_flag=False)
    runs = run_comparison(parsed, replications, base, workers, crn)
    diffs = differences(runs)
    costs = net_costs(runs)
    warnings = growing_queues(runs)
    made = stamp()
    record = {
        "baseline": {
            "preset": base.preset,
            "scan": base.scan,
            "wijk": base.wijk,
            "residents": base.residents,
            "years": base.years,
        },
        "scenarios": {sc.name: sc.overrides for sc in parsed},
        "changes": {sc.name: sc.changes for sc in parsed if sc.changes},
        "replications": replications,
        "master_seed": seed,
        "common_random_numbers": crn,
        "seeds": sorted(set(runs["seed"].tolist())),
        "parameters": base.resolve()[0],
        "wijksim_version": made["wijksim_version"],
        "git_commit": made["git_commit"],
        "warnings": warnings,
    }
    with staged(out, force=False, force_flag=False) as tmp:
        runs.to_parquet(tmp / "runs.parquet", index=False)
        diffs.to_csv(tmp / "differences.csv", index=False)
        costs.to_csv(tmp / "net_costs.csv", index=False)
        write_json(tmp / "comparison.json", record)
        plot(runs, diffs, tmp)
    return {"runs": runs, "differences": diffs, "net_costs": costs, "warnings": warnings}
