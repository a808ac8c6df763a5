"""Speed of the simulation core (prints figures; not a test).

    python benchmarks/bench_core.py                     # 10k and 100k residents, and the bare-Mesa comparison
    python benchmarks/bench_core.py --million           # also 1,000,000 residents
    python benchmarks/bench_core.py --against 9724120   # side by side with an older commit

Each size runs in its own process (one core), so its peak memory (max RSS) is its own. Set-up
includes building the population and network and the warm-up (`burn_in_weeks`, default 208 weeks);
the run is the 520 weekly steps. The bare Mesa model is a plain Mesa 3.5 model in which each
resident is an Agent that reads its ~10 network neighbours once per step; the ratio compares
resident-weeks per second.

`--against REV` compares this checkout with commit REV of the same repository: REV is unpacked
(`git archive`) into a temporary folder, and each version runs from its own source tree in fresh
processes, old then new, for `--rounds` rounds per size, timed in CPU seconds (the machine is shared,
so versions are only compared interleaved, never against an older figure).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

WEEKS = 520
ROOT = Path(__file__).resolve().parents[1]


def run_size(n: int, clock=time.perf_counter) -> dict:
    from wijksim.model import neighbourhood
    from wijksim.model.neighbourhood import NeighbourhoodModel

    t0 = clock()
    model = NeighbourhoodModel(rng=1, years=WEEKS / 52, residents=n, record_history=False)
    t1 = clock()
    for _ in range(WEEKS):
        model.step()
    t2 = clock()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    return {
        "residents": n,
        "setup_s": t1 - t0,
        "run_s": t2 - t1,
        "peak_gib": rss,
        "resident_weeks_per_s": n * WEEKS / (t2 - t1),
        "source": str(Path(neighbourhood.__file__).resolve().parents[1]),
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


def child(kind: str, n: int, farm: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, str(n)] + (["--farm", str(farm)] if farm else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- side by side with an older commit ---------------------------------------------------------
def build_farm(src: Path, farm: Path) -> Path:
    """A folder whose `wijksim/` maps the import names onto the source tree `src` as its
    pyproject.toml's `[tool.setuptools.package-dir]` does (model/ is wijksim.model, ...), by symlinks."""
    dirs = tomllib.loads((src / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    pkg = farm / "wijksim"
    pkg.mkdir(parents=True)
    for entry in (src / dirs.get("wijksim", "wijksim")).iterdir():
        (pkg / entry.name).symlink_to(entry)
    for name, folder in dirs.items():
        parts = name.split(".")
        if len(parts) == 2:  # wijksim.X; deeper packages lie inside X's folder
            (pkg / parts[1]).symlink_to(src / folder)
    return farm


def use_farm(farm: str) -> None:
    """Import wijksim from `farm`, not from the editable install."""
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
    sys.path.insert(0, farm)


def side_by_side(rev: str, sizes: list[int], rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench_core_") as tmp:
        old_src = Path(tmp) / "old_src"
        old_src.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(old_src)], input=archive.stdout, check=True)
        farms = {"old": build_farm(old_src, Path(tmp) / "old"), "new": build_farm(ROOT, Path(tmp) / "new")}
        print(f"{rev} (old) against this checkout (new), {rounds} rounds, CPU seconds, {WEEKS} weeks")
        head = ("residents", "round", "old set-up", "old run", "new set-up", "new run", "ratio")
        print(" ".join(f"{h:>10}" for h in head))
        for n in sizes:
            ratios = []
            for r in range(rounds):
                got = {k: child("model-cpu", n, farm) for k, farm in farms.items()}
                ratio = got["new"]["run_s"] / got["old"]["run_s"]  # same n and weeks: per resident-week
                ratios.append(ratio)
                old, new = got["old"], got["new"]
                sources = old["source"], new["source"]
                print(
                    f"{n:>10,} {r + 1:>10} {old['setup_s']:>10.2f} {old['run_s']:>10.2f} "
                    f"{new['setup_s']:>10.2f} {new['run_s']:>10.2f} {ratio:>9.2f}x",
                    flush=True,
                )
            print(
                f"{n:,} residents: run time per resident-week new/old: min {min(ratios):.2f}x, "
                f"median {statistics.median(ratios):.2f}x, max {max(ratios):.2f}x",
                flush=True,
            )
        print(f"(old ran from {sources[0]}, new from {sources[1]})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--million", action="store_true", help="also run 1,000,000 residents")
    ap.add_argument("--against", metavar="REV", help="side by side with this commit (old, new, old, ...)")
    ap.add_argument("--rounds", type=int, default=3, help="pairs per size with --against (default 3)")
    ap.add_argument("--sizes", type=int, nargs="+", help="residents (default 10,000 and 100,000)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--farm", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        if args.farm:
            use_farm(args.farm)
        kind, n = args.child[0], int(args.child[1])
        if kind == "bare":
            print(json.dumps(bare_mesa(n)))
        else:
            print(json.dumps(run_size(n, time.process_time if kind == "model-cpu" else time.perf_counter)))
        return
    sizes = args.sizes or [10_000, 100_000] + ([1_000_000] if args.million else [])
    if args.against:
        side_by_side(args.against, sizes, args.rounds)
        return
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
