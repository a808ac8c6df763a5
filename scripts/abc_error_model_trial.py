"""A trial, not a feature: ABC-SMC with an explicit error model (pyabc's StochasticAcceptor, a
normal kernel per target and a temperature schedule to 1, Wilkinson 2013; Schalte & Hasenauer
2020) on WK001404. Would such a run reach its exact posterior (temperature 1) within 30 minutes?
docs/calibration.md section 7 gives what it printed.

    .venv/bin/python scripts/abc_error_model_trial.py observation|discrepancy [--budget 30000]

`observation`: error sds near survey and register error; `discrepancy`: sds near the model's error
on held-out wijken (section 4). Both assumed, for the trial only.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

ERROR_SD = {
    "observation": dict(lonely=1.5, severely_lonely=1.0, informal_carer=1.5, volunteer=2.0,
                        wmo_per_1000=5, youth_care_per_100=1.0, youth_team_referral_pct=10,
                        mean_wait_weeks=7),
    "discrepancy": dict(lonely=2.5, severely_lonely=2.5, informal_carer=3.5, volunteer=5,
                        wmo_per_1000=25, youth_care_per_100=3, youth_team_referral_pct=20,
                        mean_wait_weeks=7),
}  # fmt: skip


def main() -> None:
    import pyabc
    from wijksim.calibration.fit import KERNEL_SCALING
    from wijksim.calibration.simulator import PRIORS, Simulator, make_wijken, observed_stats
    from wijksim.calibration.targets import read_scan, select

    ap = argparse.ArgumentParser()
    ap.add_argument("errors", choices=sorted(ERROR_SD))
    ap.add_argument("--budget", type=int, default=30000)
    ap.add_argument("--population", type=int, default=300)
    ap.add_argument("--generations", type=int, default=10)
    args = ap.parse_args()

    wijken = make_wijken(select(read_scan(), ["WK001404"]))
    observed = observed_stats(wijken)
    keys = list(observed)
    variances = [ERROR_SD[args.errors][k.split("/")[1]] ** 2 for k in keys]
    prior = pyabc.Distribution(**{k: pyabc.RV("uniform", lo, hi - lo) for k, (lo, hi) in PRIORS.items()})
    abc = pyabc.ABCSMC(
        Simulator(wijken),
        prior,
        pyabc.IndependentNormalKernel(var=variances, keys=keys),
        population_size=args.population,
        sampler=pyabc.sampler.MulticoreEvalParallelSampler(n_procs=2),
        transitions=pyabc.MultivariateNormalTransition(scaling=KERNEL_SCALING),
        eps=pyabc.Temperature(),
        acceptor=pyabc.StochasticAcceptor(),
    )
    with tempfile.TemporaryDirectory() as tmp:
        abc.new(f"sqlite:///{Path(tmp) / 'abc.db'}", observed)
        start = time.perf_counter()
        history = abc.run(max_total_nr_simulations=args.budget, max_nr_populations=args.generations)
        wall = time.perf_counter() - start
        pops = history.get_all_populations()
        print(f"{history.total_nr_simulations} simulations in {wall / 60:.1f} min")
        print("generation  temperature  simulations  acceptance  ESS")
        for t in range(history.max_t + 1):
            _, w = history.get_distribution(m=0, t=t)
            w = w / w.sum()
            sims = int(pops.samples[pops.t == t].iloc[0])
            eps = float(pops.epsilon[pops.t == t].iloc[0])
            ess = 1 / np.sum(w**2)
            print(f"{t:10d}  {eps:11.1f}  {sims:11d}  {args.population / sims:10.3f}  {ess:4.0f}")


if __name__ == "__main__":
    main()
