"""Speed (and recovery) of ABC-SMC calibration for one wijk (prints figures; not a test).

    python benchmarks/bench_calibration.py                  # real targets of WK001404, at most ~20 min
    python benchmarks/bench_calibration.py --synthetic      # targets simulated from known values

ABC-SMC (pyabc, adaptive distance) over the 10 default calibrated parameters, 2,000 residents per
simulation, on 2 worker processes, until the posterior is reached (--stop-when adjusted: the
regression-adjusted posterior moved by no more than resampling noise in two generations), the budget
is spent or acceptance falls below 1%. Prints the wall time, simulations, generations, epsilon per
generation and each parameter's 90% interval relative to its prior, sampled and adjusted (and, with
--synthetic, whether the truth lies inside it).

    python benchmarks/bench_calibration.py --stop-when never --budget 20000 --json gens.json

runs on past the stop to show how the posterior evolves after it; --json keeps every generation's
summaries (elapsed time and simulations included) for the comparison in docs/calibration.md §7.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np
from wijksim.calibration.fit import MIN_GENERATIONS, STABLE_GENERATIONS, run_abc
from wijksim.calibration.simulator import PRIORS, make_wijken, simulate_set
from wijksim.calibration.targets import read_scan, select

TRUTH = {k: lo + 0.4 * (hi - lo) for k, (lo, hi) in PRIORS.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wijk", default="WK001404")
    ap.add_argument("--budget", type=int, default=15000)
    ap.add_argument("--population", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--generations", type=int, default=20)
    ap.add_argument("--synthetic", action="store_true")
    ap.add_argument("--stop-when", default="adjusted", choices=["adjusted", "raw", "never"])
    ap.add_argument("--json", type=Path, help="write every generation's summaries here")
    a = ap.parse_args()
    wijken = make_wijken(select(read_scan(), [a.wijk]))
    if a.synthetic:
        sims = [simulate_set(wijken, TRUTH, seed=s) for s in range(5)]
        wijken[0].observed = {k.split("/")[1]: float(np.mean([s[k] for s in sims])) for k in sims[0]}
    print(f"wijk {a.wijk}, {'synthetic' if a.synthetic else 'observed'} targets: {wijken[0].observed}")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "abc.db"
        fit = run_abc(
            wijken, PRIORS, a.budget, db, a.workers, population=a.population,
            max_generations=a.generations, stop_when=a.stop_when,
        )  # fmt: skip
        wall = time.perf_counter() - start
        progress = _progress(db)
    d = fit.details
    print("90% interval width / prior's 90% width per generation, and the largest move of any median or")
    print("90% bound since the generation before (share of the prior width; settled: <= 0.05 twice);")
    print("  parameters in this order: " + ", ".join(PRIORS))
    print("  and the effective sample size (ESS) of each generation's weights. 'vs noise': the same move")
    print("  relative to the larger of 5% and 3 Monte Carlo standard errors (about 1: resampling noise).")
    print("  'adjusted': the same for the regression-adjusted posterior (the one reported).")
    shifts = [float("nan")] + d["posterior_shifts"]
    noise = [float("nan")] + d["posterior_moves_vs_noise"]
    adjusted_noise = [None] + d["adjusted_moves_vs_noise"]
    for t, row in enumerate(d["interval_widths_by_generation"]):
        w = [row[k] for k in PRIORS]
        print(
            f"  generation {t:2d} ({progress[t]['simulations']} simulations, "
            f"{progress[t]['minutes']:.1f} min): "
            f"ESS {d['effective_sample_sizes'][t]:5.0f} shift {shifts[t]:.3f} (vs noise {noise[t]:.2f}) "
            f"mean {np.mean(w):.2f}  " + " ".join(f"{x:.2f}" for x in w)
        )
        adj = d["adjusted_interval_widths_by_generation"][t]
        if adj is not None:
            m = adjusted_noise[t]
            w = [adj[k] for k in PRIORS]
            print(
                f"      adjusted: moves vs noise {'   -' if m is None else f'{m:.2f}'}  "
                f"mean {np.mean(w):.2f}  " + " ".join(f"{x:.2f}" for x in w)
            )
    print("stopped because:", d["stopped_because"])
    print(
        f"\nABC-SMC: {wall / 60:.1f} min wall on {a.workers} workers, {fit.n_simulations} simulations, "
        f"{d['generations']} generations of {a.population}"
    )
    print("epsilon per generation:", ", ".join(f"{e:.3g}" for e in d["epsilons"]))
    print(f"\n{'parameter':34s} {'median':>8s} {'5%':>8s} {'95%':>8s} {'width/prior':>11s}", end="")
    print("  truth inside" if a.synthetic else "")
    for label, posterior in (("adjusted", d["posterior"]), ("as sampled", d["posterior_unadjusted"])):
        print(f"  {label}:")
        for name, s in posterior.items():
            line = f"{name:34s} {s['median']:8.3g} {s['q05']:8.3g} {s['q95']:8.3g} "
            line += f"{s['interval_vs_prior']:11.2f}"
            if a.synthetic:
                line += f"  {TRUTH[name]:.3g} {'yes' if s['q05'] <= TRUTH[name] <= s['q95'] else 'NO'}"
            print(line)
    if a.stop_when == "never":
        after_the_stop(d, progress)
    if a.json:
        keep = ("summaries_by_generation", "adjusted_summaries_by_generation", "effective_sample_sizes")
        keep += ("adjusted_moves_vs_noise", "posterior_moves_vs_noise", "stopped_because", "epsilons")
        record = {k: d[k] for k in keep} | {"progress": progress, "wall_minutes": wall / 60}
        record |= {"wijk": a.wijk, "synthetic": a.synthetic, "population": a.population, "budget": a.budget}
        a.json.write_text(json.dumps(record, indent=1))


def after_the_stop(d: dict, progress: list[dict]) -> None:
    """Where the 'adjusted' rule would have stopped this run, and how far the posterior went on
    moving after that: the adjusted one, and the one ABC-SMC sampled in its last generation."""
    moves = [None] + d["adjusted_moves_vs_noise"]
    stop = next(
        (
            t
            for t in range(len(moves))
            if t + 1 >= MIN_GENERATIONS
            and all(m is not None and m <= 1.0 for m in moves[t - STABLE_GENERATIONS + 1 : t + 1])
        ),
        None,
    )
    if stop is None:
        print("\nthe 'adjusted' rule would not have stopped this run")
        return
    print(
        f"\nthe 'adjusted' rule would have stopped after generation {stop}: "
        f"{progress[stop]['simulations']} simulations, {progress[stop]['minutes']:.1f} min"
    )
    at = d["adjusted_summaries_by_generation"][stop]
    last = len(moves) - 1
    for label, later in (
        ("adjusted", d["adjusted_summaries_by_generation"][last]),
        ("as sampled", d["summaries_by_generation"][last]),
    ):
        if later is None:
            continue
        gaps = [
            abs(at[n][q] - later[n][q]) / (at[n]["prior"][1] - at[n]["prior"][0])
            for n in at
            for q in ("q05", "median", "q95")
        ]
        inside = sum(at[n]["q05"] <= later[n]["median"] <= at[n]["q95"] for n in at)
        print(
            f"  generation {last} ({progress[last]['simulations']} simulations), {label}: medians and 90% "
            f"bounds differ from those at the stop by {np.mean(gaps):.3f} of a prior width on average "
            f"(largest {max(gaps):.3f}); {inside} of {len(at)} medians inside the stop's 90% intervals"
        )
        print(
            "    interval widths then / at the stop: "
            + " ".join(f"{later[n]['interval_vs_prior']:.2f}/{at[n]['interval_vs_prior']:.2f}" for n in at)
        )


def _progress(db: Path) -> list[dict]:
    """Simulations so far and minutes since the start, at the end of each generation."""
    import pyabc

    history = pyabc.History(f"sqlite:///{db}")
    pops = history.get_all_populations().sort_values("t")
    pops["so_far"] = pops.samples.cumsum()  # including the calibration sample of the distance (t = -1)
    pops = pops[pops.t >= 0]
    start = history.get_abc().start_time
    return [
        {"simulations": int(n), "minutes": (when - start).total_seconds() / 60}
        for n, when in zip(pops.so_far, pops.population_end_time, strict=True)
    ]


if __name__ == "__main__":
    main()
