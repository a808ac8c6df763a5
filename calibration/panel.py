"""Observed dynamics of care use in the wijk panels: what model trajectories after 2015 should reproduce.

The scan calibrates one cross-section (H1 2024); these panels show how care use moved after the 2015
decentralisation (Wmo 2015, Jeugdwet). Each year of the national panel is on its own wijk division and its
coverage is cut at 10,000 source rows, so levels are per-year medians over all wijken present and trends use a
balanced sub-panel (a wijk code with a value in every year compared). A code that persists can still have new
boundaries, so a stricter variant keeps only municipalities whose set of wijk codes never changes.
The national panel has no youth population, so youth care is a count indexed to a base year within balanced
wijken. Run: `python -m wijksim.calibration.panel [DATA_DIR]`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

#: The neighbourhood data next to the repository (../shared/data/neighbourhoods), or wherever the
#: environment variable WIJKSIM_DATA_DIR points (a checkout elsewhere).
DEFAULT_DATA = Path(
    os.environ.get("WIJKSIM_DATA_DIR") or Path(__file__).resolve().parents[2] / "shared/data/neighbourhoods"
)
FIGURE = Path(__file__).resolve().parents[1] / "docs/img/panel_observed.png"
LONG = "nl_wijken_wmo_youthcare_2015_2023.csv"
HAAGLANDEN = "haaglanden_wijken_panel_2009_2022.csv"
BREAK = 2015  # Wmo 2015 and Jeugdwet: first year under municipal responsibility
#: Haaglanden series in the figure and the printed table (mental health: any curative GGZ costs).
SHOWN = ["wmo_user", "youth_care_user", "wlz_longterm_care_user", "social_assistance", "low_income"]
SHOWN += ["health_insurance_defaulter", "mental_health_care_costs", "polypharmacy_5plus"]
PRE, POST = range(2011, BREAK), range(BREAK, 2020)  # 2009-2010 lack income data; 2020+ held back


def balanced(d: pd.DataFrame, cols: list[str], years: range, strict: bool = False) -> pd.DataFrame:
    """Rows of wijken with all `cols` in every year, so a trend compares the same areas over time.

    `strict` also drops municipalities whose set of such wijk codes differs between years (a proxy for
    redrawn boundaries or a partly truncated municipality).
    """
    x = d[d.year.isin(years)].dropna(subset=cols)
    n = x.groupby("wijk_code").year.nunique()
    if strict:
        gm = x.wijk_code.str[2:6]
        sets = x.groupby([gm, x.year]).wijk_code.agg(frozenset).unstack()
        stable = sets.index[sets.notna().all(axis=1) & (sets.nunique(axis=1) == 1)]
        n = n[n.index.str[2:6].isin(stable)]
    return x[x.wijk_code.isin(n.index[n == len(years)])]


def trend(d: pd.DataFrame, value: str, years: range, base: int, count: str | None = None) -> pd.DataFrame:
    """Yearly median of `value` in all wijken present and in balanced wijken, plus indices (base = 100).

    `total_index` is the ratio of summed counts (regional growth), `median_index` the median of wijk-level
    indices (robust to a few redrawn wijken); `strict_*` repeats both in code-stable municipalities.
    """
    count = count or value
    cols = list(dict.fromkeys([value, count]))
    out = d[d.year.isin(years)].groupby("year")[value].agg(n_all="count", median_all="median")
    for tag, strict in (("", False), ("strict_", True)):
        b = balanced(d, cols, years, strict)
        w = b.pivot(index="year", columns="wijk_code", values=value)
        s = b.groupby("year")[count].sum()
        out[f"{tag}n_wijken"] = b.wijk_code.nunique()
        if not strict:
            out["n_gemeenten"] = b.wijk_code.str[2:6].nunique()
            out["median_bal"], out["mean_bal"] = w.median(axis=1), w.mean(axis=1)
        out[f"{tag}total_index"] = 100 * s / s[base]
        out[f"{tag}median_index"] = (100 * w / w.loc[base].where(w.loc[base] > 0)).median(axis=1)
    return out


def haaglanden(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Haaglanden yearly means around 2015 and the change of slope at 2015, in wijken present every year.

    Means are unweighted over wijken, in % of residents (youth care also per 100 aged 0-20). A share that is
    0 in every wijk in a year is "not available" (Wmo/youth care/Wlz before 2015), so it becomes missing.
    Slopes are OLS lines through the yearly means, 2011-2014 and 2015-2019; the level jump is the 2015 value
    of the post line minus the pre line extrapolated to 2015; `wijken_slope_down` is the share of wijken
    whose own slope fell.
    """
    h = pd.read_csv(path)
    h = h[h.population > 0]  # drops "Wijk onbekend"
    h = h[h.wijk_code.isin(h.groupby("wijk_code").year.nunique().pipe(lambda n: n.index[n == n.max()]))]
    shares = [c for c in h.columns if c.startswith("share_") and c != "share_women"]
    h[shares] = h[shares].mask(h.groupby("year")[shares].transform("max") == 0)
    # the one rate with a youth denominator (age 0-20 approximates the 0-22 youth-care population)
    h["share_youth_care_per_100_age_0_20"] = h.share_youth_care_user / h.share_age_0_20.where(
        h.share_age_0_20 > 0
    )
    shares.append("share_youth_care_per_100_age_0_20")
    means = 100 * h.groupby("year")[shares].mean()
    means.columns = [c.removeprefix("share_") for c in shares]
    means["n_wijken"] = h.groupby("year").wijk_code.nunique()

    def line(y: pd.Series, years: range) -> tuple[float, float]:
        y = y.reindex(years).dropna()
        return tuple(np.polyfit(y.index - BREAK, y.to_numpy(), 1)) if len(y) >= 3 else (np.nan, np.nan)

    rows = {}
    for c in means.columns.drop("n_wijken"):
        (b0, a0), (b1, a1) = line(means[c], PRE), line(means[c], POST)
        per_wijk = h.assign(v=100 * h[f"share_{c}"]).pivot(index="year", columns="wijk_code", values="v")
        change = np.array([line(per_wijk[k], POST)[0] - line(per_wijk[k], PRE)[0] for k in per_wijk])
        rows[c] = {
            "mean_2015": means.at[BREAK, c],
            "pre_slope_pp": b0,
            "post_slope_pp": b1,
            "slope_change_pp": b1 - b0,
            "level_jump_pp": a1 - a0,
            "pre_slope_rel_pct": 100 * b0 / means.at[BREAK, c],
            "post_slope_rel_pct": 100 * b1 / means.at[BREAK, c],
            "wijken_slope_down": np.mean(change[np.isfinite(change)] < 0) if np.isfinite(b0) else np.nan,
        }
    return means, pd.DataFrame(rows).T


def observed_patterns(data_dir: Path = DEFAULT_DATA) -> dict[str, pd.DataFrame]:
    """All observed patterns, keyed by name; every frame carries the number of wijken it rests on."""
    d = pd.read_csv(data_dir / LONG)
    h_means, h_slopes = haaglanden(data_dir / HAAGLANDEN)
    h_index = 100 * h_means.drop(columns="n_wijken") / h_means.loc[BREAK].drop("n_wijken")
    return {
        "wmo_per_1000": trend(d, "wmo_per_1000", range(2017, 2024), 2017, count="wmo_clients"),
        "youth_care_2015": trend(d, "youth_care_total", range(2015, 2024), 2015),
        "youth_care_2017": trend(d, "youth_care_total", range(2017, 2024), 2017),
        "haaglanden_means": h_means,
        "haaglanden_index": h_index.assign(n_wijken=h_means.n_wijken),
        "haaglanden_slopes": h_slopes,
    }


def plot(p: dict[str, pd.DataFrame], path: Path = FIGURE) -> None:
    """Three panels: Wmo rate, youth-care index, Haaglanden indices around 2015."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(15, 4.8), dpi=90)
    FigureCanvasAgg(fig)
    ax = fig.subplots(1, 3)
    w = p["wmo_per_1000"]
    ax[0].plot(w.index, w.median_all, "o-", label="median, all wijken present")
    ax[0].plot(w.index, w.median_bal, "s-", label=f"median, {w.n_wijken.iloc[0]} balanced wijken")
    ax[0].plot(w.index, w.mean_bal, "^--", label="mean, balanced wijken")
    ax[0].set(title="Wmo clients (NL wijken)", ylabel="Wmo clients per 1,000 inhabitants")
    for key, mark in (("youth_care_2015", "o-"), ("youth_care_2017", "s-")):
        y, base = p[key], p[key].index[0]
        ax[1].plot(y.index, y.total_index, mark, label=f"sum, {y.n_wijken.iloc[0]} wijken ({base}=100)")
        ax[1].plot(y.index, y.median_index, mark[0] + ":", label=f"median of wijk indices ({base}=100)")
    ax[1].axvspan(2014.5, 2016.5, color="0.9", label="2015-16: other category")
    ax[1].set(title="Youth-care users (NL wijken)", ylabel="index of user counts (base year = 100)")
    hi = p["haaglanden_index"]
    for c in SHOWN:
        ax[2].plot(hi.index, hi[c], ".-", label=c.replace("_", " "))
    ax[2].axvline(BREAK - 0.5, color="k", lw=0.8)
    ax[2].set_ylim(bottom=40)  # room for the legend
    ax[2].set(title=f"Haaglanden, {hi.n_wijken.iloc[0]} wijken", ylabel="mean share, index 2015 = 100")
    for a in ax:
        a.set_xlabel("year")
        a.legend(fontsize=7, ncol=2 if a is ax[2] else 1, loc="lower left" if a is ax[2] else "best")
        a.grid(alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)


def main(argv: list[str] | None = None) -> None:
    """Print the pattern tables and write the figure."""
    args = sys.argv[1:] if argv is None else argv
    p = observed_patterns(Path(args[0]) if args else DEFAULT_DATA)
    pd.set_option("display.width", 160)
    for key in ("wmo_per_1000", "youth_care_2015", "youth_care_2017"):
        print(f"\n== {key} ==\n{p[key].round(1).to_string()}")
    cols = ["youth_care_per_100_age_0_20", *SHOWN, "statutory_debt_restructuring"]
    means = p["haaglanden_means"][cols].round(2).T.to_string()
    print(f"\n== haaglanden_means (% of residents; youth care also per 100 aged 0-20) ==\n{means}")
    slopes = p["haaglanden_slopes"].round(3).to_string()
    print(f"\n== haaglanden_slopes (pp/year; 2011-14 vs 2015-19) ==\n{slopes}")
    plot(p)
    print(f"\nfigure: {FIGURE}")


if __name__ == "__main__":
    main()
