"""A sweep's folder on disk: what belongs in it, checking it, and healing it on `--resume`.

A sweep folder holds `meta.json`, `params.parquet` and `results/part-*.parquet` (see `sweep.py`).
A crash or a full disk can leave it damaged; `--resume` heals what can be healed and refuses the rest:
- a part file that cannot be read, or holds run_ids the design does not plan (or another part
  already holds), is moved into `damaged/` with a note, and its runs are run again;
- a missing or unreadable `meta.json` or `params.parquet` is written again from the design, if the
  other one shows that the folder holds a sweep of this design;
- leftovers of interrupted writes (`results/.part-*.tmp`) are removed;
- a folder that is neither empty nor a sweep (a user's own files) is refused: nothing is written.
Results depend only on each run's parameters and seed, so a healed sweep's tables are bit-identical to
those of a sweep that never broke.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from ..model.params import ParameterError
from .design import DesignError

RESULTS = "results"
DAMAGED = "damaged"
META = "meta.json"
PARAMS = "params.parquet"
#: What a sweep writes into its folder (the analyses add their own subfolders).
OWN = {META, PARAMS, RESULTS, DAMAGED}


def part_files(out: Path) -> list[Path]:
    return sorted((out / RESULTS).glob("part-*.parquet"))


def read_meta(out: Path) -> dict[str, Any] | None:
    """meta.json as a dict, or None if it is missing or unreadable."""
    try:
        meta = json.loads((out / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def read_params(out: Path):
    """params.parquet as a DataFrame, or None if it is missing or unreadable."""
    import pandas as pd
    import pyarrow as pa

    try:
        return pd.read_parquet(out / PARAMS)
    except (OSError, ValueError, pa.ArrowException):
        return None


def part_problem(path: Path, planned: set[int] | None = None) -> str | None:
    """Why a part file cannot be used (None if it can): unreadable, or run_ids not in the plan."""
    return read_part(path, planned)[1]


def read_part(path: Path, planned: set[int] | None = None) -> tuple[set[int], str | None]:
    """(run_ids a part file holds, why it cannot be used or None), reading the file once."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (OSError, ValueError, pa.ArrowException) as err:
        return set(), f"cannot be read ({str(err).splitlines()[0][:200]})"
    if "run_id" not in table.column_names or "year" not in table.column_names:
        return set(), "no run_id or year column: not a part file of a sweep"
    ids = set(table.column("run_id").to_pylist())
    stray = sorted(ids - planned) if planned is not None else []
    if stray:
        return ids, f"holds run_id {stray[0]}, which the design does not plan"
    return ids, None


def check_parts(out: Path) -> None:
    """For the analyses: name the first damaged part file, instead of failing inside DuckDB."""
    for f in part_files(out):
        problem = part_problem(f)
        if problem:
            raise ParameterError(
                "DIR",
                str(out),
                f"part file {f.relative_to(out)} is damaged: {problem}; "
                "`wijksim sweep DESIGN --out DIR --resume` moves it aside and runs its runs again",
            )


def set_aside(out: Path, path: Path, reason: str) -> Path:
    """Move a damaged file into DIR/damaged/ with a note saying why; returns its new path."""
    folder = out / DAMAGED
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    k = 1
    while target.exists():
        k += 1
        target = folder / f"{path.stem}-{k}{path.suffix}"
    os.replace(path, target)
    with open(folder / "NOTES.txt", "a", encoding="utf-8") as notes:
        notes.write(
            f"{time.strftime('%Y-%m-%dT%H:%M:%S%z')} {path.relative_to(out)} -> {target.name}: {reason}\n"
        )
    return target


def heal_parts(out: Path, planned: set[int]) -> tuple[set[int], list[str]]:
    """Check every part file; set aside the damaged ones (and those repeating a run another part
    holds). Returns (run_ids done, what was set aside)."""
    for tmp in (out / RESULTS).glob(".part-*.tmp"):  # an interrupted write
        tmp.unlink()
    done: set[int] = set()
    healed: list[str] = []
    for f in part_files(out):
        ids, problem = read_part(f, planned)
        if problem is None:
            if ids & done:
                problem = f"repeats run_id {min(ids & done)}, which another part file holds"
            else:
                done |= ids
        if problem:
            set_aside(out, f, problem)
            healed.append(f"{f.name}: {problem}")
    return done, healed


def is_sweep_folder(out: Path) -> bool:
    """Whether `out` holds (part of) a sweep: meta.json, params.parquet or part files, or nothing but
    a sweep's own names (a sweep stopped before its first file)."""
    if (out / META).exists() or (out / PARAMS).exists() or ((out / RESULTS).is_dir() and part_files(out)):
        return True
    return all(p.name in OWN for p in out.iterdir())


def heal_records(out: Path, design_dict: dict[str, Any], table, write_meta, write_params) -> list[str]:
    """Check meta.json and params.parquet against the design; write again the one that is missing
    or unreadable when the other shows the folder holds this design's sweep. Returns what was healed."""
    meta, params = read_meta(out), read_params(out)
    if meta is not None and meta.get("design") != design_dict:
        raise DesignError("--resume", str(out), "the folder holds a sweep of a different design")
    if params is not None and not params.equals(table):
        raise DesignError("--resume", str(out), "params.parquet does not match the design")
    if meta is None and params is None:
        if not part_files(out) and all(p.name in OWN for p in out.iterdir()):
            return []  # stopped before its first file: start afresh
        raise ParameterError(
            "--resume",
            str(out),
            "neither meta.json nor params.parquet can be read, so nothing shows which design its "
            "results belong to; start the sweep in a new folder",
        )
    healed = []
    for name, value, write in ((META, meta, write_meta), (PARAMS, params, write_params)):
        if value is None:
            if (out / name).exists():
                set_aside(out, out / name, "unreadable; written again from the design")
            write()
            healed.append(f"{name}: written again from the design")
    return healed
