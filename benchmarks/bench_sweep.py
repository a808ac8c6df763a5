"""Speed of sweeps (prints figures; not a test).

    python benchmarks/bench_sweep.py              # all three figures (about 10 minutes on 2 cores)
    python benchmarks/bench_sweep.py --runs 200   # a shorter main sweep

1. The main sweep: RUNS runs of 2,000 residents x 10 years (grid over two levers, replicated) on
   2 worker processes, written to Parquet as in `wijksim sweep`.
2. Parallel efficiency: the same 40 runs with 1 and with 2 workers; efficiency = T1 / (2 x T2).
3. Dask: the same 100 runs on a LocalCluster of 2 single-threaded workers vs the process pool,
   alternating (--pairs times), compared by their medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from wijksim.experiments.design import Design
from wijksim.experiments.sweep import run_sweep


def design(runs: int) -> Design:
    reps = max(1, runs // 4)
    return Design.from_dict(
        {
            "preset": "default",
            "residents": 2000,
            "years": 10,
            "seed": 1,
            "replications": reps,
            "sampler": "grid",
            "grid": {"network_developers": [0, 1], "key_facility": [False, True]},
        }
    )


def timed(d: Design, **kw) -> float:
    out = Path(tempfile.mkdtemp()) / "sweep"
    t0 = time.perf_counter()
    params, results = run_sweep(d, out, progress=False, **kw)
    dt = time.perf_counter() - t0
    assert results.run_id.nunique() == len(params)
    shutil.rmtree(out.parent)
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--pairs", type=int, default=3, help="alternating pool/Dask measurements")
    ap.add_argument("--only-dask", action="store_true", help="skip the main sweep and efficiency")
    args = ap.parse_args()
    if not args.only_dask:
        d = design(args.runs)
        n = d.replications * 4
        t = timed(d, workers=2)
        print(
            f"main sweep: {n} runs of 2,000 residents x 10 years on 2 workers: {t:.0f} s "
            f"({t / 60:.1f} min; {n / t:.2f} runs/s)"
        )
        small = design(40)
        t1, t2 = timed(small, workers=1), timed(small, workers=2)
        print(f"40 runs: 1 worker {t1:.1f} s, 2 workers {t2:.1f} s; parallel efficiency {t1 / (2 * t2):.0%}")
    # This VM's speed drifts by +-10% over minutes, so pool and Dask alternate and the medians count.
    mid = design(100)
    pairs = [(timed(mid, workers=2), timed(mid, workers=2, backend="dask")) for _ in range(args.pairs)]
    tp, td = (statistics.median(x) for x in zip(*pairs, strict=True))
    print(
        f"100 runs on 2 workers, {args.pairs} alternating pairs: process pool median {tp:.1f} s, "
        f"Dask LocalCluster median {td:.1f} s (Dask {100 * (td / tp - 1):+.1f}%; pairs: "
        + ", ".join(f"{100 * (d / p - 1):+.0f}%" for p, d in pairs)
        + ")"
    )


if __name__ == "__main__":
    main()
