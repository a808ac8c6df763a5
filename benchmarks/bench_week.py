"""Where an app run's time goes: CPU per step of the week (prints figures; not a test).

    python benchmarks/bench_week.py                   # the app's run: 2,000 residents, 10 years
    python benchmarks/bench_week.py --residents 10000 --runs 3

Each scenario the workshop app runs by default (the baseline, A with network developers, A with a
flex team of 2 as the benchmark's redraw makes it, and B) is warmed up once and then run `--runs`
times from its warmed-up state, as the app's workers do. Every step of the week
(`model.neighbourhood.WEEK`, the network update, loneliness and the weekly row) is timed with the
process's CPU clock; the rest of a run is set-up and bookkeeping. The timing itself adds about
3.5 microseconds a step, 3.5% of a baseline run (10 interleaved runs with and without it: medians
0.959 and 0.926 s), so the shares are a little high. Throughput work starts from this table: no step
takes more than about a fifth of a run (2026-12-06), so the cost is spread over the week rather than in
one mechanism.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

#: The app's scenarios (viz/app.py: START_SCENARIOS, per 10,000 residents) and the redraw's.
SCENARIOS = {
    "baseline": {},
    "A": {"network_developers": 1.0},
    "A, flex team 2": {"network_developers": 1.0, "flex_team": 2.0},
    "B": {"network_developers": 1.0, "key_facility": True, "flex_team": 2.0},
}


def timed(spent: Counter, name: str, step):
    def step_timed(*args, **kwargs):
        start = time.process_time()
        try:
            return step(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return step_timed


def measure(residents: int, runs: int) -> None:
    from wijksim.experiments.tasks import warm_up_neighbourhood
    from wijksim.model import indicators, neighbourhood
    from wijksim.model.mechanisms import loneliness
    from wijksim.viz.runner import Setting, validate_overrides

    spent: Counter = Counter()
    neighbourhood.WEEK = tuple(
        timed(spent, f"{step.__module__.rsplit('.', 1)[-1]}.{step.__name__}", step)
        for step in neighbourhood.WEEK
    )
    neighbourhood.NeighbourhoodModel._update_network = timed(
        spent, "network update", neighbourhood.NeighbourhoodModel._update_network
    )
    loneliness.update_loneliness = timed(spent, "loneliness.update_loneliness", loneliness.update_loneliness)
    indicators.weekly_row = timed(spent, "indicators.weekly_row", indicators.weekly_row)

    setting = Setting(residents=residents)
    # One warmed-up neighbourhood for all scenarios: the levers start after the warm-up.
    state = warm_up_neighbourhood((validate_overrides(setting, {}), setting.seeds()[0]))
    for name, levers in SCENARIOS.items():
        params = validate_overrides(setting, levers)
        spent.clear()
        start = time.process_time()
        for _ in range(runs):
            model = neighbourhood.NeighbourhoodModel.from_warmed_up(
                state, years=setting.years, full_weekly_rows=False, **params
            )
            model.run()
        total = (time.process_time() - start) / runs
        print(
            f"\n{name}: {total:.3f} s CPU a run "
            f"({residents:,} residents, {setting.years} years, mean of {runs})"
        )
        for step, seconds in spent.most_common():
            share = seconds / runs / total
            if share >= 0.005:
                print(f"  {seconds / runs * 1000:7.1f} ms {share:6.1%}  {step}")
        rest = 1 - sum(spent.values()) / runs / total
        print(f"  {rest * total * 1000:7.1f} ms {rest:6.1%}  the rest (the start, bookkeeping)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--residents", type=int, default=2000, help="residents simulated (the app's default 2,000)"
    )
    ap.add_argument("--runs", type=int, default=3, help="runs per scenario, averaged")
    args = ap.parse_args()
    if args.residents < 100:
        ap.error(f"--residents must be at least 100, not {args.residents}")
    if args.runs < 1:
        ap.error(f"--runs must be at least 1, not {args.runs}")
    measure(args.residents, args.runs)


if __name__ == "__main__":
    main()
