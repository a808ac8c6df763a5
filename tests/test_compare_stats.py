"""The paired statistics of a comparison (`differences`, `net_costs`) against their definition in
pandas: per scenario, indicator and year, the mean over replications of the scenario minus the
baseline with the same seed, and its t interval. The fast versions work on arrays (the app's result
waits for them); here they must give what the plain pandas groupby gives, NaN for NaN."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from wijksim.experiments.compare import HEAVY_CARE, LEVER_COSTS, LIGHT_CARE, differences, net_costs
from wijksim.experiments.stats import t_half_width, t_interval

SCENARIOS = ("baseline", "A", "B")


def runs_frame(replications: int = 5, years: int = 6, seed: int = 0) -> pd.DataFrame:
    """A comparison's yearly rows as the runner makes them, with what real rows have: integer and
    float indicators, an indicator without a value in the baseline (a ratio of developers' hours,
    none without developers), one missing in a single year, and one null throughout."""
    rng = np.random.default_rng(seed)
    rows = []
    for s, name in enumerate(SCENARIOS):
        for r in range(replications):
            for y in range(1, years + 1):
                row = {
                    "scenario": name,
                    "replication": r,
                    "run_id": r,
                    "year": y,
                    "residents": 2000,
                    "requests": int(rng.integers(50, 150)) + 10 * s,
                    "isolated_share": float(rng.normal(0.1, 0.01)) - 0.005 * s,
                    "citizen_hours_per_professional_hour": float("nan")
                    if name == "baseline"
                    else rng.gamma(2),
                    "wait_weeks": float("nan") if (y == 2 and r == 0) else float(rng.normal(12, 2)),
                    "lonely_share_0_17": float("nan"),
                }
                row |= {
                    c: float(rng.normal(1e5, 1e4)) * (s + 1) for c in (*LEVER_COSTS, *LIGHT_CARE, *HEAVY_CARE)
                }
                rows.append(row)
    frame = pd.DataFrame(rows)
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)  # row order is not relied on


def differences_by_definition(runs: pd.DataFrame) -> pd.DataFrame:
    """The paired differences written as the pandas groupby they are (the app's first version)."""
    skip = {"run_id", "scenario", "replication", "seed", "year", "residents"}
    indicators = [c for c in runs.columns if c not in skip and runs[c].notna().any()]
    base = runs[runs.scenario == "baseline"].set_index(["replication", "year"])[indicators].sort_index()
    out = []
    for name in [s for s in runs.scenario.unique() if s != "baseline"]:
        sc = runs[runs.scenario == name].set_index(["replication", "year"])[indicators].sort_index()
        diff = (sc - base).astype(float)
        g = diff.groupby(level="year")
        n = g.count()
        mean, sd = g.mean(), g.std(ddof=1)
        half = t_half_width(sd, n).where(n >= 2)
        frame = pd.DataFrame(
            {
                "baseline": base.astype(float).groupby(level="year").mean().stack(future_stack=True),
                "scenario_mean": sc.astype(float).groupby(level="year").mean().stack(future_stack=True),
                "difference": mean.stack(future_stack=True),
                "ci_low": (mean - half).stack(future_stack=True),
                "ci_high": (mean + half).stack(future_stack=True),
            }
        )
        frame.index.names = ["year", "indicator"]
        frame = frame.reset_index()
        frame.insert(0, "scenario", name)
        order = {c: i for i, c in enumerate(indicators)}
        frame = frame.sort_values(
            ["indicator", "year"], key=lambda c: c.map(order) if c.name == "indicator" else c
        )
        out.append(
            frame[
                [
                    "scenario",
                    "indicator",
                    "year",
                    "baseline",
                    "scenario_mean",
                    "difference",
                    "ci_low",
                    "ci_high",
                ]
            ]
        )
    return pd.concat(out, ignore_index=True)


@pytest.mark.parametrize("replications", [5, 2, 1])
def test_differences_are_the_paired_groupby_means_and_intervals(replications):
    runs = runs_frame(replications)
    fast = differences(runs)
    pd.testing.assert_frame_equal(
        fast, differences_by_definition(runs), check_exact=False, rtol=1e-12, atol=0
    )
    # What the cases above cover: no value in the baseline gives no difference, a missing year
    # leaves that pair out of its mean, one pair has no interval, a null column is not compared.
    ratio = fast[fast.indicator == "citizen_hours_per_professional_hour"]
    assert ratio.difference.isna().all() and ratio.scenario_mean.notna().all()
    assert "lonely_share_0_17" not in set(fast.indicator)
    assert fast.ci_low.isna().all() == (replications < 2)


def test_net_costs_are_the_paired_totals_and_their_intervals():
    runs = runs_frame()

    def totals(name, cols):
        d = runs[runs.scenario == name]
        return d.groupby("replication")[list(cols)].sum().sum(axis=1).sort_index().to_numpy(float)

    fast = net_costs(runs).set_index("scenario")
    for name in ("A", "B"):
        levers = totals(name, LEVER_COSTS) - totals("baseline", LEVER_COSTS)
        light = totals("baseline", LIGHT_CARE) - totals(name, LIGHT_CARE)
        heavy = totals("baseline", HEAVY_CARE) - totals(name, HEAVY_CARE)
        for key, values in (
            ("lever_cost", levers),
            ("saved_heavy_care", heavy),
            ("net_cost", levers - light - heavy),
        ):
            mean, low, high = t_interval(values)
            assert fast.loc[name, f"{key}_eur"] == pytest.approx(mean, rel=1e-12)
            assert fast.loc[name, f"{key}_ci_low"] == pytest.approx(low, rel=1e-12)
            assert fast.loc[name, f"{key}_ci_high"] == pytest.approx(high, rel=1e-12)


def test_a_scenario_without_the_baselines_replications_cannot_be_paired():
    runs = runs_frame()
    runs = runs[~((runs.scenario == "B") & (runs.replication == 3))]
    with pytest.raises(ValueError, match="'B'"):
        differences(runs)
    with pytest.raises(ValueError, match="'B'"):
        net_costs(runs)
