"""Speed (and recovery) of ABC-SMC calibration for one wijk (prints figures; not a test).

    python benchmarks/bench_calibration.py                  # real targets of WK001404, at most ~20 min
    python benchmarks/bench_calibration.py --synthetic      # targets simulated from known values

ABC-SMC (pyabc, adaptive distance) over the 10 default calibrated parameters, 2,000 residents per
simulation, on 2 worker processes, until the posterior settles (no median or 90% bound moves by more
than 5% of the prior width in two generations), the budget is spent or acceptance falls below 1%.
Prints the wall time, simulations, generations, epsilon per generation and each parameter's 90%
interval relative to its prior (and, with --synthetic, whether the truth lies inside it).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
from wijksim.calibration.fit import run_abc
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
            wijken, PRIORS, a.budget, db, a.workers, population=a.population, max_generations=a.generations
        )
        wall = time.perf_counter() - start
    d = fit.details
    print("90% interval width / prior's 90% width per generation, and the largest move of any median or")
    print("90% bound since the generation before (share of the prior width; settled: <= 0.05 twice);")
    print("  parameters in this order: " + ", ".join(PRIORS))
    print("  and the effective sample size (ESS) of each generation's weights. 'vs noise': the same move")
    print("  relative to the larger of 5% and 3 Monte Carlo standard errors (about 1: resampling noise).")
    shifts = [float("nan")] + d["posterior_shifts"]
    noise = [float("nan")] + d["posterior_moves_vs_noise"]
    for t, row in enumerate(d["interval_widths_by_generation"]):
        w = [row[k] for k in PRIORS]
        print(
            f"  generation {t:2d}: ESS {d['effective_sample_sizes'][t]:5.0f} shift {shifts[t]:.3f} "
            f"(vs noise {noise[t]:.2f}) "
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
    for name, s in d["posterior"].items():
        line = f"{name:34s} {s['median']:8.3g} {s['q05']:8.3g} {s['q95']:8.3g} {s['interval_vs_prior']:11.2f}"
        if a.synthetic:
            line += f"  {TRUTH[name]:.3g} {'yes' if s['q05'] <= TRUTH[name] <= s['q95'] else 'NO'}"
        print(line)


if __name__ == "__main__":
    main()
