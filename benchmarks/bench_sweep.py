"""Speed of sweeps (prints figures; not a test).

    python benchmarks/bench_sweep.py              # all figures (about 12 minutes on 2 cores)
    python benchmarks/bench_sweep.py --runs 200   # a shorter sweep
    python benchmarks/bench_sweep.py --side-by-side 200 --rounds 4   # Dask vs pool, concurrently

1. The main sweep: RUNS runs of 2,000 residents x 10 years (grid over two levers, replicated) on
   2 worker processes, written to Parquet as in `wijksim sweep`: once on the process pool and
   once on a Dask LocalCluster of 2 single-threaded workers (the same sweep), alternating --pairs
   times, because this VM's speed drifts by +-10% over minutes. Dask's fixed cost (starting the
   cluster and importing the model in its workers, about 2 s) is included, as a user pays it.
2. Parallel efficiency: the same 40 runs with 1 and with 2 workers; efficiency = T1 / (2 x T2).
3. Side by side (--side-by-side N): the same N-run sweep as `wijksim sweep --workers 2` on the process
   pool and on a Dask LocalCluster *at the same time*, each confined to its own core (driver,
   scheduler and both workers alike), then with the cores swapped. Both sweeps see the same VM speed
   at the same moment, so the drift that swamps sequential pairs cancels; what is left is Dask's
   own cost per run plus its start-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from wijksim.experiments.design import Design
from wijksim.experiments.sweep import run_sweep


def design_toml(runs: int) -> str:
    """The benchmark's design as a user would write it (the side-by-side sweeps read it from a file)."""
    return (
        'preset = "default"\nresidents = 2000\nyears = 10\nseed = 1\n'
        f'replications = {max(1, runs // 4)}\nsampler = "grid"\n'
        "[grid]\nnetwork_developers = [0, 1]\nkey_facility = [false, true]\n"
    )


def design(runs: int) -> Design:
    return Design.from_dict(tomllib.loads(design_toml(runs)))


def timed(d: Design, **kw) -> float:
    out = Path(tempfile.mkdtemp()) / "sweep"
    t0 = time.perf_counter()
    params, results = run_sweep(d, out, progress=False, **kw)
    dt = time.perf_counter() - t0
    assert results.run_id.nunique() == len(params)
    shutil.rmtree(out.parent)
    return dt


def side_by_side(runs: int, rounds: int, workers: int = 2) -> None:
    """Pool and Dask sweeps run concurrently, one core each, swapping cores every round."""
    tmp = Path(tempfile.mkdtemp())
    toml = tmp / "design.toml"
    toml.write_text(design_toml(runs))
    ratios = []
    for r in range(rounds):
        cores = {"processes": r % 2, "dask": 1 - r % 2}
        started, walls = {}, {}
        procs = {}
        for backend, core in cores.items():
            cmd = [sys.executable, "-m", "wijksim", "sweep", str(toml), "--out", str(tmp / f"{backend}-{r}")]
            cmd += ["--workers", str(workers), "--backend", backend]
            started[backend] = time.perf_counter()
            procs[backend] = subprocess.Popen(
                cmd, preexec_fn=lambda c=core: os.sched_setaffinity(0, {c}), stdout=subprocess.DEVNULL
            )
        while procs:
            for backend, proc in list(procs.items()):
                if proc.poll() is not None:
                    walls[backend] = time.perf_counter() - started[backend]
                    if proc.returncode:
                        raise SystemExit(f"{backend} sweep failed with exit code {proc.returncode}")
                    del procs[backend]
            time.sleep(0.05)
        ratios.append(walls["dask"] / walls["processes"])
        print(
            f"side by side, round {r + 1} ({runs} runs, pool on core {cores['processes']}, Dask on core "
            f"{cores['dask']}): pool {walls['processes']:.1f} s, Dask {walls['dask']:.1f} s "
            f"({100 * (ratios[-1] - 1):+.1f}%)",
            flush=True,
        )
    if rounds > 1:
        print(f"side by side, median of {rounds} rounds: Dask {100 * (statistics.median(ratios) - 1):+.1f}%")
    shutil.rmtree(tmp)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--pairs", type=int, default=1, help="alternating pool/Dask measurements")
    ap.add_argument("--no-dask", action="store_true", help="only the process pool")
    ap.add_argument("--no-efficiency", action="store_true", help="skip the 1- vs 2-worker figure")
    ap.add_argument("--side-by-side", type=int, metavar="N", help="only the concurrent N-run comparison")
    ap.add_argument("--rounds", type=int, default=4, help="rounds of --side-by-side (cores swap)")
    args = ap.parse_args()
    if args.side_by_side:
        side_by_side(args.side_by_side, args.rounds)
        return
    d = design(args.runs)
    n = d.replications * 4
    pairs = []
    for _ in range(args.pairs):
        tp = timed(d, workers=2)
        print(
            f"main sweep: {n} runs of 2,000 residents x 10 years on 2 workers (process pool): {tp:.0f} s "
            f"({tp / 60:.1f} min; {n / tp:.2f} runs/s)",
            flush=True,
        )
        if not args.no_dask:
            td = timed(d, workers=2, backend="dask")
            print(
                f"the same sweep on a Dask LocalCluster of 2 workers: {td:.0f} s "
                f"({100 * (td / tp - 1):+.1f}%)"
            )
            pairs.append((tp, td))
    if len(pairs) > 1:
        tp, td = (statistics.median(x) for x in zip(*pairs, strict=True))
        print(
            f"medians of {len(pairs)} pairs: pool {tp:.0f} s, Dask {td:.0f} s ({100 * (td / tp - 1):+.1f}%)"
        )
    if not args.no_efficiency:
        small = design(40)
        t1, t2 = timed(small, workers=1), timed(small, workers=2)
        print(f"40 runs: 1 worker {t1:.1f} s, 2 workers {t2:.1f} s; parallel efficiency {t1 / (2 * t2):.0%}")


if __name__ == "__main__":
    main()
