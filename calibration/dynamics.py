"""Does the model reproduce how care use moved after the 2015 decentralisation?

The model runs a wijk without a neighbourhood team (GPs refer; `neighbourhood_team_factor` 0) and
with more specialist places from 2012, and in January 2015 switches the team on and the places to
their normal number (`NeighbourhoodModel.set_neighbourhood_team`, `set_specialist_capacity`), to
2023. Its yearly Wmo and youth-care use, indexed like the observed panels, are set next to them
(`calibration/panel.py`). Run: `python -m wijksim.calibration.dynamics [DATA_DIR]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from ..model.codes import WEEKS_PER_YEAR
from ..model.indicators import yearly_summary
from ..model.neighbourhood import NeighbourhoodModel
from ..model.presets import preset_values
from .panel import DEFAULT_DATA, observed_patterns
from .report import figure

FIRST, SWITCH, LAST = 2012, 2015, 2023
#: Specialist capacity before 2015 relative to after: the AWBZ and provincial youth care of before
#: the transfer had more specialist places, and the transfer came with budget cuts (assumed 2.0;
#: at 1.3 the GP-only years build a queue that never clears, see docs/calibration.md).
PRE_2015_SPECIALIST_FACTOR = 2.0
FIGURE = Path(__file__).resolve().parents[1] / "docs/img/dynamics.png"
SHOWN = {
    "wmo_clients_per_1000": "Wmo clients per 1,000",
    "youth_care_per_100_young": "youth care per 100 young",
    "heavy_care_referrals_per_1000": "referrals to specialist care per 1,000",
    "mean_wait_weeks": "mean wait for specialist care (weeks)",
}


def decentralisation_run(seed: int, residents: int = 10_000, preset: str = "default") -> pd.DataFrame:
    params = preset_values(preset) | {
        "residents": residents,
        "neighbourhood_team_factor": 0.0,
        "specialist_capacity_factor": PRE_2015_SPECIALIST_FACTOR,
    }
    model = NeighbourhoodModel(rng=seed, years=LAST - FIRST + 1, full_weekly_rows=False, **params)
    while model.running:
        if model.week == (SWITCH - FIRST) * WEEKS_PER_YEAR:
            model.set_neighbourhood_team(1.0)
            model.set_specialist_capacity(1.0)
        model.step()
    years = yearly_summary(model.weekly_rows)
    return pd.DataFrame(
        [{"year": FIRST + y["year"] - 1, "seed": seed} | {k: y[k] for k in SHOWN} for y in years]
    )


def model_trajectories(seeds: range = range(1, 7), residents: int = 10_000) -> pd.DataFrame:
    runs = pd.concat([decentralisation_run(s, residents) for s in seeds])
    return runs.groupby("year")[list(SHOWN)].agg(["mean", "std"])


def index(series: pd.Series, base: int) -> pd.Series:
    return 100 * series / series.loc[base]


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    data = Path(argv[0]) if argv else DEFAULT_DATA
    model = model_trajectories()
    means = model.xs("mean", axis=1, level=1)
    obs = observed_patterns(data)
    print("model, default wijk, team switched on in 2015 (mean of 6 seeds):")
    print(means.round(2).to_string())
    wmo_obs, youth_obs = obs["wmo_per_1000"], obs["youth_care_2017"]
    print("\nindex 2017 = 100        model Wmo  observed Wmo (sum)  model youth  observed youth (sum)")
    for y in range(2017, LAST + 1):
        print(
            f"{y}                    {index(means.wmo_clients_per_1000, 2017)[y]:8.1f}"
            f"  {wmo_obs.filter(like='index').iloc[:, 0].get(y, np.nan):18.1f}"
            f"  {index(means.youth_care_per_100_young, 2017)[y]:11.1f}"
            f"  {youth_obs.filter(like='index').iloc[:, 0].get(y, np.nan):20.1f}"
        )
    plot(means, wmo_obs, youth_obs)


def plot(means: pd.DataFrame, wmo_obs: pd.DataFrame, youth_obs: pd.DataFrame, path: Path = FIGURE) -> None:
    fig, axes = figure(1, 3, 4.2, 3.2)
    for ax, key, obs in (
        (axes[0], "wmo_clients_per_1000", wmo_obs),
        (axes[1], "youth_care_per_100_young", youth_obs),
    ):
        ax.plot(means.index, index(means[key], 2017), "o-", color="#cc3311", label="model (team from 2015)")
        col = obs.filter(like="index").columns[0]
        ax.plot(obs.index, obs[col], "s--", color="#4477aa", label=f"observed ({col})")
        ax.axvline(SWITCH - 0.5, color="grey", lw=1)
        ax.set_title(f"{SHOWN[key]}, 2017 = 100", fontsize=9)
        ax.set_xlabel("year")
        ax.legend(fontsize=7)
    axes[2].plot(means.index, means.heavy_care_referrals_per_1000, "o-", color="#cc3311")
    axes[2].axvline(SWITCH - 0.5, color="grey", lw=1)
    axes[2].set_title("model: referrals to specialist care per 1,000", fontsize=9)
    axes[2].set_xlabel("year")
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
