"""How settled is the model after its warm-up? Prints the figures docs/ODD.md section 9 quotes.

    .venv/bin/python scripts/warm_up_drift.py [--seeds 8] [--residents 5000]

1. The baseline over the 10 years after the warm-up (`default` preset, shipped defaults): yearly
   means over seeds of the indicators that drift, with their standard error. A settled model would
   show only noise around a flat line.
2. The calibration's targets (warm-up plus one year, as `wijksim calibrate` simulates them) for the
   shipped training wijken, after the usual warm-up and after one twice as long, with the same seeds:
   the mean paired difference shows what the calibration would read differently if the warm-up
   were longer.
3. The same wijken without any warm-up, 12 years: how long the model takes to settle.
4. Ten years of every training wijk and the first 20 validation wijken: which tip into a queue that
   keeps growing (over 5 of 1,000 residents waiting in year 10).
5. How often the `default` preset tips by chance within 10 years, by neighbourhood size (the
   warning `wijksim run` and `compare` give, `model.diagnostics.growing_queue`).
"""

from __future__ import annotations

import argparse

import numpy as np

DRIFTING = (
    "lonely_share",
    "informal_carer_share",
    "wmo_clients_per_1000",
    "youth_care_per_100_young",
    "hidden_need_share",
    "cost_total_eur",
    "generalist_skill",
    "self_reliance",
    "generalist_utilisation",
    "specialist_utilisation",
    "need_complex_share",  # these three a little high in year 1 (docs/ODD.md section 9)
    "crises",
    "regular_wait_weeks",
    "waiting_list",
)


def baseline_years(args: tuple[int, int]) -> list[dict]:
    from wijksim.experiments.run import simulate
    from wijksim.model.params import defaults

    seed, residents = args
    return simulate(defaults() | {"residents": residents}, seed, 10, weekly=False)[2]


def calibration_targets(args: tuple[str, int, int]) -> dict[str, float]:
    from wijksim.calibration.simulator import make_wijken, simulate_wijk
    from wijksim.calibration.targets import SHIPPED_SCAN, read_scan

    code, seed, burn_in = args
    wijk = make_wijken(read_scan(SHIPPED_SCAN).loc[[code]])[0]
    return simulate_wijk(wijk.params | {"burn_in_weeks": burn_in}, seed)


def wijk_years(args: tuple[str, int, int, int, int]) -> list[dict]:
    from wijksim.calibration.simulator import make_wijken
    from wijksim.calibration.targets import SHIPPED_SCAN, read_scan
    from wijksim.experiments.run import simulate

    code, seed, residents, years, burn_in = args
    wijk = make_wijken(read_scan(SHIPPED_SCAN).loc[[code]], residents=residents)[0]
    return simulate(wijk.params | {"burn_in_weeks": burn_in}, seed, years, weekly=False)[2]


def tips(args: tuple[int, int]) -> bool:
    from wijksim.model.diagnostics import growing_queue

    residents, seed = args
    return growing_queue(baseline_years((seed, residents))) is not None


def main() -> None:
    from wijksim.calibration.targets import wijk_codes
    from wijksim.calibration.training import TRAINING_FILE, VALIDATION_FILE
    from wijksim.experiments.workers import worker_pool
    from wijksim.model.params import REGISTRY

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=8)
    ap.add_argument("--residents", type=int, default=5000)
    args = ap.parse_args()
    usual = int(REGISTRY["burn_in_weeks"].default)
    with worker_pool(2) as pool:
        runs = list(pool.map(baseline_years, [(s, args.residents) for s in range(args.seeds)]))
        print(f"1. Baseline after the {usual}-week warm-up: `default` preset, {args.residents:,} residents,")
        print(f"   mean of {args.seeds} seeds per year (years 1-10), and the mean standard error")
        for k in DRIFTING:
            a = np.array([[y[k] for y in r] for r in runs], dtype=float)
            se = (a.std(0, ddof=1) / np.sqrt(len(a))).mean()
            print(f"   {k:26s}", " ".join(f"{v:8.4g}" for v in a.mean(0)), f"| se {se:.3g}")
        codes = wijk_codes(str(TRAINING_FILE))
        jobs = [(c, 1000 + i, b) for i, c in enumerate(codes) for b in (usual, 2 * usual)]
        res = list(pool.map(calibration_targets, jobs))
        settling = list(pool.map(wijk_years, [(c, 7 + i, 2000, 12, 0) for i, c in enumerate(codes)]))
        more = codes + wijk_codes(str(VALIDATION_FILE))[:20]
        tens = list(pool.map(wijk_years, [(c, 11, args.residents, 10, usual) for c in more]))
        sizes = {1000: 40, 2000: 40, 5000: 16}
        tipped_by_size = {n: sum(pool.map(tips, [(n, 100 + s) for s in range(k)])) for n, k in sizes.items()}
    print(f"\n2. Calibration targets, {len(codes)} training wijken, warm-up {2 * usual} minus {usual} weeks")
    print("   (paired: the same seed per wijk; mean and standard error of the difference)")
    for t in res[0]:
        base = np.array([res[2 * i][t] for i in range(len(codes))])
        d = np.array([res[2 * i + 1][t] - res[2 * i][t] for i in range(len(codes))])
        se = d.std(ddof=1) / np.sqrt(len(d))
        print(f"   {t:26s} at {usual} weeks {base.mean():7.2f}   difference {d.mean():+7.2f} ± {se:.2f}")

    print(f"\n3. The {len(codes)} training wijken started without a warm-up (2,000 residents), years 1-12")
    for k in (
        "youth_care_per_100_young",
        "wmo_clients_per_1000",
        "lonely_share",
        "specialist_utilisation",
        "need_complex_share",
    ):
        a = np.array([[y[k] for y in r] for r in settling], dtype=float).mean(0)
        print(f"   {k:26s}", " ".join(f"{v:7.4g}" for v in a))
    print(
        f"\n4. Ten years after the usual warm-up, {len(more)} wijken, {args.residents:,} residents, seed 11"
    )
    for code, years in zip(more, tens, strict=True):
        waiting = [y["waiting_list"] / y["residents"] * 1000 for y in years]
        if waiting[-1] > 5:
            complex_share = 100 * years[-1]["need_complex_share"]
            print(
                f"   {code} tips: waiting per 1,000 by year",
                " ".join(f"{v:.0f}" for v in waiting),
                f"| complex needs {complex_share:.0f}% in year 10",
            )
    tipped = sum(y[-1]["waiting_list"] / y[-1]["residents"] * 1000 > 5 for y in tens)
    print(f"   {tipped} of {len(more)} wijken over 5 waiting per 1,000 in year 10")
    print("\n5. `default` preset, 10 years: runs whose queue kept growing (model.diagnostics.growing_queue)")
    for n, k in sizes.items():
        print(f"   {n:6,} residents: {tipped_by_size[n]} of {k} seeds")


if __name__ == "__main__":
    main()
