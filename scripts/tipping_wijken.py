"""Does any shipped wijk tip? Every wijk of the shipped scan table (model/data/wijken_2024.csv) with
complete demography, run with the shipped defaults (2,000 residents, seed 1, 10 years), and how many
end with a growing-queue warning (`model/diagnostics.py`). The goal is none.

    python scripts/tipping_wijken.py [--residents 2000] [--years 10] [--seed 1] [--workers 2] [--csv out.csv]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd
from wijksim.experiments.run import RunSpec
from wijksim.experiments.sweep import run_processes
from wijksim.model.diagnostics import growing_queue
from wijksim.model.params import ParameterError
from wijksim.model.scan import SHIPPED_TABLE


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--residents", type=int, default=2000)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--csv", help="write one row per wijk here")
    args = ap.parse_args()
    table = pd.read_csv(SHIPPED_TABLE, dtype={"wijk_code": str})
    tasks, skipped, names = [], [], {}
    for i, row in enumerate(table.itertuples()):
        spec = RunSpec(preset=None, scan=str(SHIPPED_TABLE), wijk=row.wijk_code, residents=args.residents,
                       years=args.years, seed=args.seed)  # fmt: skip
        try:
            params, _ = spec.resolve()
        except ParameterError as err:
            skipped.append((row.wijk_code, str(err)))
            continue
        tasks.append((i, params, args.seed, args.years))
        names[i] = (row.wijk_code, f"{row.gemeente_name} - {row.wijk_name}")
    started = time.perf_counter()
    rows = []
    for yearly in run_processes(tasks, args.workers):
        i = yearly[0]["run_id"]
        warning = growing_queue(yearly)
        rows.append(
            {
                "wijk_code": names[i][0],
                "name": names[i][1],
                "tipped": warning is not None,
                "waiting_per_1000_last_year": 1000 * yearly[-1]["waiting_list"] / yearly[-1]["residents"],
                "regular_wait_weeks_last_year": yearly[-1]["regular_wait_weeks"],
                "warning": warning["message"] if warning else "",
            }
        )
    frame = pd.DataFrame(rows).sort_values("wijk_code")
    tipped = frame[frame.tipped]
    seconds = time.perf_counter() - started
    print(f"{len(frame)} wijken run ({args.residents:,} residents, seed {args.seed}, {args.years} years)")
    print(f"  in {seconds:.0f} s; {len(skipped)} skipped (incomplete demography)")
    print(f"growing-queue warnings: {len(tipped)}")
    for r in tipped.itertuples():
        print(f"  {r.wijk_code} {r.name}: {r.warning}")
    wait = frame.regular_wait_weeks_last_year
    print(
        f"regular wait in the last year (weeks): median {wait.median():.1f}, P10 {wait.quantile(0.1):.1f}, "
        f"P90 {wait.quantile(0.9):.1f}, max {wait.max():.1f}"
    )
    if args.csv:
        frame.to_csv(args.csv, index=False)


if __name__ == "__main__":
    main()
