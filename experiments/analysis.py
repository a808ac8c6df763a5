"""Analyses of a finished sweep: global sensitivity (SALib Morris or Sobol indices) and scenario
discovery (PRIM, EMA Workbench).

Both read the sweep folder (`params.parquet`, `results/`, `meta.json`) and look at one year of the
yearly indicators (default: the last). Sensitivity averages replications per sample point, because
SALib expects one outcome per row of its sample matrix; PRIM uses every run.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from ..model.indicators import KEY_INDICATORS as INDICATORS
from ..model.params import ParameterError
from .output import check_out_dir, staged
from .sweep import load_sweep

#: Indicators analysed when none are named.
KEY_INDICATORS = (*INDICATORS, "lonely_share")


def _complete(params, results, year: int | None) -> tuple[Any, int]:
    missing = set(params.run_id) - set(results.run_id) if len(results) else set(params.run_id)
    if missing:
        raise ParameterError(
            "DIR",
            f"{len(missing)} runs missing",
            "the sweep is incomplete: finish it with `wijksim sweep DESIGN --out DIR --resume`",
        )
    years = sorted(results.year.unique())
    year = years[-1] if year is None else year
    if year not in years:
        raise ParameterError("--year", year, f"not in the sweep (years {years[0]}-{years[-1]})")
    return results[results.year == year].set_index("run_id").sort_index(), int(year)


def _check_indicators(results, indicators: list[str] | None, field: str = "--indicator") -> list[str]:
    chosen = list(indicators or KEY_INDICATORS)
    for ind in chosen:
        if ind not in results.columns or ind in ("run_id", "year"):
            raise ParameterError(field, ind, "not a yearly indicator of the sweep")
    return chosen


def sensitivity(
    sweep_dir: str | Path,
    indicators: list[str] | None = None,
    year: int | None = None,
    out: str | Path | None = None,
):
    """Sensitivity indices per indicator and parameter as a DataFrame (and a CSV and a plot in out)."""
    import pandas as pd

    sweep_dir = Path(sweep_dir)
    if out is not None:
        check_out_dir(Path(out), force=False, force_flag=False)
    params, results, meta = load_sweep(sweep_dir)
    design = meta["design"]
    sampler = design["sampler"]
    if sampler not in ("morris", "sobol"):
        raise ParameterError(
            "DIR", str(sweep_dir), f"sensitivity needs a morris or sobol sweep (this is {sampler})"
        )
    at_year, year = _complete(params, results, year)
    chosen = _check_indicators(results, indicators)
    problem = meta["problem"]
    x = np.asarray(meta["sample"], dtype=float)
    point = params.set_index("run_id")["point_id"]
    rows = []
    for ind in chosen:
        y = at_year[ind].groupby(point.loc[at_year.index].to_numpy()).mean().sort_index().to_numpy(float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            if sampler == "morris":
                from SALib.analyze import morris

                res = morris.analyze(problem, x, y, num_levels=design["levels"], seed=design["seed"])
                for i, name in enumerate(problem["names"]):
                    rows.append(
                        {
                            "indicator": ind,
                            "parameter": name,
                            "mu": res["mu"][i],
                            "mu_star": res["mu_star"][i],
                            "sigma": res["sigma"][i],
                            "mu_star_conf": res["mu_star_conf"][i],
                        }
                    )
            else:
                from SALib.analyze import sobol

                res = sobol.analyze(problem, y, calc_second_order=design["second_order"], seed=design["seed"])
                for i, name in enumerate(problem["names"]):
                    rows.append(
                        {
                            "indicator": ind,
                            "parameter": name,
                            "S1": res["S1"][i],
                            "S1_conf": res["S1_conf"][i],
                            "ST": res["ST"][i],
                            "ST_conf": res["ST_conf"][i],
                        }
                    )
    table = pd.DataFrame(rows)
    table.insert(2, "year", year)
    if out is not None:
        with staged(Path(out), force=False, force_flag=False) as folder:
            table.to_csv(folder / "sensitivity.csv", index=False)
            _plot_sensitivity(table, sampler, folder / "sensitivity.png")
    return table


def _plot_sensitivity(table, sampler: str, path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    inds = list(dict.fromkeys(table.indicator))
    cols = min(4, len(inds))
    rows = int(np.ceil(len(inds) / cols))
    fig = Figure(figsize=(4.2 * cols, 3.4 * rows), dpi=85)
    FigureCanvasAgg(fig)
    value, err = ("mu_star", "mu_star_conf") if sampler == "morris" else ("ST", "ST_conf")
    for k, ind in enumerate(inds):
        ax = fig.add_subplot(rows, cols, k + 1)
        d = table[table.indicator == ind].sort_values(value)
        ax.barh(d.parameter, d[value], xerr=d[err], color="tab:blue", alpha=0.8)
        if sampler == "sobol":
            ax.barh(d.parameter, d["S1"], color="tab:orange", alpha=0.8, label="S1")
        ax.set_title(ind.replace("_", " "), fontsize=9)
        ax.tick_params(labelsize=7)
    label = (
        "Morris mu* (mean absolute elementary effect) with 95% CI"
        if sampler == "morris"
        else "Sobol total-order ST (blue) and first-order S1 (orange)"
    )
    fig.suptitle(label)
    fig.tight_layout()
    fig.savefig(path)


def discover(
    sweep_dir: str | Path,
    outcome: str,
    below: float | None = None,
    above: float | None = None,
    year: int | None = None,
    out: str | Path | None = None,
) -> dict[str, Any]:
    """PRIM scenario discovery: boxes over the varied parameters where `outcome` is below/above a value.
    Returns {'trajectory': DataFrame, 'box': limits DataFrame, 'stats': dict}."""
    if (below is None) == (above is None):
        raise ParameterError("--below/--above", None, "give exactly one of --below VALUE or --above VALUE")
    sweep_dir = Path(sweep_dir)
    if out is not None:
        check_out_dir(Path(out), force=False, force_flag=False)
    params, results, meta = load_sweep(sweep_dir)
    at_year, year = _complete(params, results, year)
    _check_indicators(results, [outcome], "--outcome")
    varied = [v for v in meta["varied"] if params[v].nunique() > 1]
    if not varied:
        raise ParameterError("DIR", str(sweep_dir), "no parameter varies in this sweep")
    x = params.set_index("run_id").loc[at_year.index, varied].reset_index(drop=True)
    # Floats throughout: EMA Workbench 3.0's PRIM pastes fractional limits into int columns, which
    # pandas 3 refuses.
    x = x.astype(float)
    y_val = at_year[outcome].to_numpy(float)
    y = y_val < below if below is not None else y_val > above
    cond = f"{outcome} {'<' if below is not None else '>'} {below if below is not None else above}"
    if y.all() or not y.any():
        raise ParameterError(
            "--below" if below is not None else "--above",
            below if below is not None else above,
            f"{'every' if y.all() else 'no'} run has {cond} in year {year}: nothing to discover",
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ema_workbench.analysis import prim

        p = prim.Prim(x, y, mass_min=0.05)
        box = p.find_box()
    trajectory = box.peeling_trajectory.copy()
    stats, limits = box.inspect(style="data")[0]
    limits = limits.copy()
    limits.columns = ["min", "max", "qp_value_min", "qp_value_max"][: len(limits.columns)]
    result = {
        "condition": cond,
        "year": year,
        "runs": int(len(y)),
        "cases": int(y.sum()),
        "stats": {k: float(v) for k, v in stats.items()},
        "box": limits,
        "trajectory": trajectory,
    }
    if out is not None:
        with staged(Path(out), force=False, force_flag=False) as folder:
            _write_discovery(folder, result, box)
    return result


def _write_discovery(folder: Path, result: dict[str, Any], box) -> None:
    trajectory, limits = result["trajectory"], result["box"]
    trajectory.to_csv(folder / "peeling_trajectory.csv", index=False)
    limits.to_csv(folder / "box_limits.csv")
    (folder / "discover.json").write_text(
        json.dumps({k: v for k, v in result.items() if k not in ("box", "trajectory")}, indent=1)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig = box.show_tradeoff()
        fig.savefig(folder / "tradeoff.png", dpi=85)
        box.inspect(style="graph")
        import matplotlib.pyplot as plt

        plt.gcf().savefig(folder / "box.png", dpi=85, bbox_inches="tight")
        plt.close("all")
