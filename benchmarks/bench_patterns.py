"""How long the full pattern report takes (target: <= 10 minutes on 2 cores at 10,000 residents,
4 replications, 32 robustness sets), and where the time goes.

    python benchmarks/bench_patterns.py                      # the full battery, as `wijksim patterns`
    python benchmarks/bench_patterns.py --robustness 0       # without the robustness sets
"""

from __future__ import annotations

import argparse
import time

from wijksim.experiments.patterns.battery import Battery, run_battery


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--residents", type=int, default=10_000)
    ap.add_argument("--replications", type=int, default=4)
    ap.add_argument("--robustness", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    phases: dict[str, list[float]] = {}
    runs: dict[str, int] = {}

    def progress(label: str, done: int, total: int) -> None:
        phase = "battery" if label == "battery" else "robustness"
        phases.setdefault(phase, [time.perf_counter(), 0.0])[1] = time.perf_counter()
        if done == total:
            runs[phase] = runs.get(phase, 0) + total

    started = time.perf_counter()
    rows = run_battery(
        Battery(args.residents, args.replications, 1, (), args.robustness, args.workers, progress=progress)
    )
    total = time.perf_counter() - started
    judged = [r for r in rows if r["holds"] is not None]
    print(
        f"pattern report: {len(rows)} patterns ({len(judged)} judged, {sum(r['holds'] for r in judged)} hold)"
    )
    print(
        f"  {args.residents:,} residents, {args.replications} replications, {args.robustness} robustness sets"
    )
    for phase, (start, end) in phases.items():
        print(f"  {phase}: {runs.get(phase, 0)} runs and warm-ups, {end - start:.0f} s")
    print(f"  total: {total:.0f} s ({total / 60:.1f} min; target <= 10 min)")


if __name__ == "__main__":
    main()
