"""Speed of the simulation core (prints figures; not a test).

    python benchmarks/bench_core.py            # 10k and 100k residents, and the bare-Mesa comparison
    python benchmarks/bench_core.py --million  # also 1,000,000 residents

Each size runs in its own process (one core), so its peak memory (max RSS) is its own. Set-up
includes building the population and network and the warm-up (`burn_in_weeks`, default 208 weeks);
the run is the 520 weekly steps. The bare Mesa model is a plain Mesa 3.5 model in which each
resident is an Agent that reads its ~10 network neighbours once per step; the ratio compares
resident-weeks per second.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

WEEKS = 520


def run_size(n: int) -> dict:
    from wijksim.model.neighbourhood import NeighbourhoodModel

    t0 = time.perf_counter()
    model = NeighbourhoodModel(rng=1, years=WEEKS / 52, residents=n, record_history=False)
    t1 = time.perf_counter()
    for _ in range(WEEKS):
        model.step()
    t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    return {
        "residents": n,
        "setup_s": t1 - t0,
        "run_s": t2 - t1,
        "peak_gib": rss,
        "resident_weeks_per_s": n * WEEKS / (t2 - t1),
    }


def bare_mesa(n: int = 10_000, steps: int = 20) -> dict:
    """Each resident agent reads its network neighbours' state once per step."""
    import mesa
    import networkx as nx

    class Person(mesa.Agent):
        def __init__(self, model, need):
            super().__init__(model)
            self.need = need
            self.support = 0.0

        def step(self):
            nbrs = self.model.neighbours[self.unique_id]
            self.support = sum(self.model.people[j].need for j in nbrs) / max(len(nbrs), 1)

    class Bare(mesa.Model):
        def __init__(self, n, rng=1):
            super().__init__(rng=rng)
            g = nx.watts_strogatz_graph(n, 10, 0.1, seed=int(self.rng.integers(2**31)))
            Person.create_agents(self, n, need=list(self.rng.random(n)))
            self.people = {a.unique_id: a for a in self.agents}
            ids = sorted(self.people)
            self.neighbours = {ids[i]: [ids[j] for j in g.neighbors(i)] for i in range(n)}

        def step(self):
            self.agents.shuffle_do("step")

    m = Bare(n)
    t0 = time.perf_counter()
    for _ in range(steps):
        m.step()
    dt = time.perf_counter() - t0
    return {"residents": n, "steps": steps, "seconds": dt, "resident_weeks_per_s": n * steps / dt}


def child(kind: str, n: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(n)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--million", action="store_true", help="also run 1,000,000 residents")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, n = args.child[0], int(args.child[1])
        print(json.dumps(run_size(n) if kind == "model" else bare_mesa(n)))
        return
    sizes = [10_000, 100_000] + ([1_000_000] if args.million else [])
    results = []
    head = ("residents", "set-up s", "520 weeks s", "total s", "peak GiB", "res-weeks/s")
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, (10, 9, 12, 8, 9, 12), strict=True)))
    for n in sizes:
        r = child("model", n)
        results.append(r)
        print(
            f"{n:>10,} {r['setup_s']:>9.2f} {r['run_s']:>12.2f} {r['setup_s'] + r['run_s']:>8.2f} "
            f"{r['peak_gib']:>9.2f} {r['resident_weeks_per_s']:>12,.0f}"
        )
    for r in results[:2]:
        bare = child("bare", r["residents"])
        ratio = r["resident_weeks_per_s"] / bare["resident_weeks_per_s"]
        print(
            f"{r['residents']:,} residents: bare Mesa 3.5 model (agents reading ~10 neighbours) "
            f"{bare['resident_weeks_per_s']:,.0f} resident-weeks/s; wijksim "
            f"{r['resident_weeks_per_s']:,.0f} = {ratio:.0f}x"
        )


if __name__ == "__main__":
    main()
