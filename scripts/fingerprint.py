"""Fingerprints of a fixed set of runs: has a change kept every result bit for bit?

Each run goes through the `wijksim run` command, as a user's script would call it. A fingerprint
holds, per run, the dtype and a hash of the values of every column of `weekly.parquet`, and a hash of
the whole of `summary.json`. File bytes and provenance metadata (time, commit, the parameter list in
`run.json`, which grows) are left out on purpose.

    python scripts/fingerprint.py --write tests/data/fingerprints.json   # record (before a change)
    python scripts/fingerprint.py --check tests/data/fingerprints.json   # compare (after it)

A change that is meant to alter results records new fingerprints in a commit of its own, which says
why. Floating-point results can differ between CPUs whose vector instructions differ (numpy picks
its kernels at run time), so the file records the machine's numpy dispatch targets too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIJK_TABLE = ROOT / "model" / "data" / "wijken_2024.csv"

#: The fixed set: several presets, every lever, a scan row, a run without warm-up, a --set.
RUNS: dict[str, list[str]] = {
    "default": ["--preset", "default", "--residents", "2000", "--years", "10", "--seed", "1"],
    "deprived-all-levers": [
        "--preset", "deprived", "--residents", "2000", "--years", "10", "--seed", "2",
        "--network-developers", "2", "--key-facility", "--flex-team", "3",
    ],
    "village-danish-cut": [
        "--preset", "traditional-village", "--residents", "1500", "--years", "6", "--seed", "3",
        "--specialist-capacity-factor", "0.5",
    ],
    "affluent-no-team": [
        "--preset", "affluent", "--residents", "1500", "--years", "5", "--seed", "4",
        "--neighbourhood-team-factor", "0",
    ],
    "scan-row-developer": [
        "--scan", str(WIJK_TABLE), "--wijk", "WK001403", "--residents", "1500", "--years", "5",
        "--seed", "5", "--network-developers", "1",
    ],
    "storp-facility-set": [
        "--preset", "town-without-cohesion", "--residents", "1200", "--years", "3", "--seed", "6",
        "--key-facility", "--set", "life_event_rate=0.3",
    ],
    "no-warm-up": [
        "--preset", "small-residential-village", "--residents", "1000", "--years", "3", "--seed", "7",
        "--set", "burn_in_weeks=0", "--flex-team", "2",
    ],
}  # fmt: skip


def dispatch_targets() -> list[str]:
    """The vector instruction sets numpy's kernels use on this machine."""
    from numpy._core._multiarray_umath import __cpu_features__

    return sorted(k for k, v in __cpu_features__.items() if v)


def fingerprint_folder(folder: Path) -> dict:
    import numpy as np
    import pandas as pd

    weekly = pd.read_parquet(folder / "weekly.parquet")
    columns = {}
    for name in weekly.columns:
        values = np.ascontiguousarray(weekly[name].to_numpy())
        columns[name] = {"dtype": str(values.dtype), "sha256": hashlib.sha256(values.tobytes()).hexdigest()}
    summary = json.loads((folder / "summary.json").read_text())
    text = json.dumps(summary, sort_keys=True)
    return {
        "weekly_rows": len(weekly),
        "weekly_columns": columns,
        "summary_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "last_year": summary["yearly"][-1],
    }


def run_one(wijksim: str, name: str, args: list[str], tmp: Path) -> dict:
    out = tmp / name
    done = subprocess.run([wijksim, "run", *args, "--out", str(out)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{name}: wijksim run failed ({done.returncode}): {done.stderr[-2000:]}")
    return fingerprint_folder(out)


def fingerprints(workers: int = 2) -> dict:
    wijksim = str(Path(sys.executable).with_name("wijksim"))
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(workers) as pool:
        futures = {name: pool.submit(run_one, wijksim, name, args, Path(tmp)) for name, args in RUNS.items()}
        runs = {name: f.result() for name, f in futures.items()}
    return {"dispatch_targets": dispatch_targets(), "runs": runs}


def differences(recorded: dict, now: dict) -> list[str]:
    """What differs, in words (empty when every run is identical)."""
    out = []
    for name, old in recorded["runs"].items():
        new = now["runs"].get(name)
        if new is None:
            out.append(f"{name}: not run")
            continue
        if old["weekly_rows"] != new["weekly_rows"]:
            out.append(f"{name}: {old['weekly_rows']} weekly rows recorded, {new['weekly_rows']} now")
        for col, o in old["weekly_columns"].items():
            n = new["weekly_columns"].get(col)
            if n is None:
                out.append(f"{name}: weekly column {col} is missing")
            elif n != o:
                what = "dtype" if n["dtype"] != o["dtype"] else "values"
                out.append(f"{name}: weekly column {col}: {what} differ")
        extra = sorted(set(new["weekly_columns"]) - set(old["weekly_columns"]))
        if extra:
            out.append(f"{name}: new weekly columns {', '.join(extra)}")
        if old["summary_sha256"] != new["summary_sha256"]:
            changed = [
                k
                for k in old["last_year"] | new["last_year"]
                if old["last_year"].get(k) != new["last_year"].get(k)
            ]
            out.append(f"{name}: summary.json differs (last year: {', '.join(changed) or 'other years'})")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="record the fingerprints in this file")
    group.add_argument("--check", type=Path, help="compare with the fingerprints in this file")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    now = fingerprints(args.workers)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
        print(f"recorded {len(now['runs'])} runs in {args.write}")
        return 0
    recorded = json.loads(args.check.read_text())
    diff = differences(recorded, now)
    for line in diff:
        print(line)
    print(f"{len(now['runs'])} runs: " + ("identical" if not diff else f"{len(diff)} difference(s)"))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
