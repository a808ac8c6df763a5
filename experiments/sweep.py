"""Run a sweep: every run of a design exactly once, on a process pool or a Dask cluster, streaming
results to Parquet as they arrive.

Layout of the output folder:
- `params.parquet`: run_id, point_id, replication, seed, every parameter (one row per run);
- `results/part-*.parquet`: run_id, year, every yearly indicator (costs by function as
  `cost_<function>_eur` columns);
- `meta.json`: the design, master seed, sampler matrix, versions, git commit.

Part files are written under a temporary name and renamed when complete, so a crash never leaves a
half-written file that looks like a result. `--resume` checks the folder, heals what a crash or a
full disk damaged (`sweep_folder.py`), and runs only the runs whose results are missing.
Results depend only on each run's parameters and seed, so they are bit-identical whatever
the backend or number of workers.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from ..model.params import REGISTRY, ParameterError
from .design import Design, DesignError
from .output import check_writable, write_atomic
from .provenance import stamp, versions
from .sweep_folder import (
    META,
    PARAMS,
    RESULTS,
    check_parts,
    heal_parts,
    heal_records,
    is_sweep_folder,
    part_files,
    read_meta,
    read_params,
)
from .tasks import Task, execute_run, results_frame, take
from .workers import worker_pool

log = logging.getLogger("wijksim.sweep")


def params_frame(design: Design, points: list[dict[str, Any]], seeds: list[int]):
    import pandas as pd

    reps = design.replications
    rows = []
    for pid, values in enumerate(points):
        for rep in range(reps):
            run_id = pid * reps + rep
            rows.append(
                {"run_id": run_id, "point_id": pid, "replication": rep, "seed": seeds[run_id], **values}
            )
    df = pd.DataFrame(rows)
    for name, p in REGISTRY.items():
        df[name] = df[name].astype({bool: "bool", int: "int64", float: "float64"}[p.kind])
    return df.astype({"run_id": "int64", "point_id": "int64", "replication": "int64", "seed": "int64"})


def plan(design: Design):
    """(tasks, params table) for a design; raises DesignError on any bad value."""
    points = design.points()
    n_runs = len(points) * design.replications
    seeds = design.seeds(n_runs)
    table = params_frame(design, points, seeds)
    changes = design.changes()
    tasks = [
        (int(r.run_id), points[int(r.point_id)], int(r.seed), design.years, changes)
        for r in table[["run_id", "point_id", "seed"]].itertuples(index=False)
    ]
    return tasks, table


# --- files -----------------------------------------------------------------------------------
def write_part(out: Path, rows: list[dict[str, Any]]) -> None:
    df = results_frame(rows)
    first = int(df["run_id"].min())
    name = f"part-{first:08d}-{uuid.uuid4().hex[:8]}.parquet"
    write_atomic(out / RESULTS / name, lambda p: df.to_parquet(p, index=False, compression="zstd"))


def done_run_ids(out: Path) -> set[int]:
    import pyarrow.parquet as pq

    done: set[int] = set()
    for f in part_files(out):
        done |= set(pq.read_table(f, columns=["run_id"]).column("run_id").to_pylist())
    return done


def meta_record(design: Design, n_runs: int, sample: np.ndarray) -> dict[str, Any]:
    return {
        "design": design.as_dict(),
        "master_seed": design.seed,
        "runs": n_runs,
        "points": int(n_runs // design.replications),
        "varied": design.varied,
        "problem": design.problem() if design.sampler != "grid" else None,
        "sample": sample.tolist() if design.sampler != "grid" else None,
        **stamp(),
        "versions": versions("mesa", "numpy", "pandas", "dask"),
    }


def prepare(design: Design, out: Path, resume: bool):
    """Check the folder, write params.parquet and meta.json (new sweep) or check and heal them and the
    part files (resume, `sweep_folder.py`). Returns the tasks still to run, the params table, and
    what was healed."""
    tasks, table = plan(design)
    if out.exists() and not out.is_dir():
        raise DesignError("--out", str(out), "exists and is not a folder")
    existing = out.exists() and any(out.iterdir())
    if existing and not resume:
        raise DesignError("--out", str(out), "folder is not empty (use --resume to finish that sweep)")
    check_writable(out)
    if existing and not is_sweep_folder(out):
        raise DesignError(
            "--resume",
            str(out),
            "the folder is neither empty nor a sweep (it holds files wijksim did not write)",
        )

    def write_params() -> None:
        write_atomic(out / PARAMS, lambda p: table.to_parquet(p, index=False, compression="zstd"))

    def write_meta() -> None:
        record = meta_record(design, len(tasks), design.sample())
        write_atomic(out / META, lambda p: p.write_text(json.dumps(record, indent=1, default=str)))

    healed: list[str] = []
    if existing:
        design_dict = json.loads(json.dumps(design.as_dict()))
        healed = heal_records(out, design_dict, table, write_meta, write_params)
    (out / RESULTS).mkdir(parents=True, exist_ok=True)
    if not (out / PARAMS).exists():
        write_params()
    if not (out / META).exists():
        write_meta()
    done, set_aside = heal_parts(out, set(table["run_id"].tolist()))
    return [t for t in tasks if t[0] not in done], table, healed + set_aside


# --- backends --------------------------------------------------------------------------------
def run_processes(tasks: list[Task], workers: int) -> Iterator[list[dict[str, Any]]]:
    from concurrent.futures import FIRST_COMPLETED, wait

    if workers == 1:
        for t in tasks:
            yield execute_run(t)
        return
    pending = iter(tasks)
    with worker_pool(workers) as ex:
        running = {ex.submit(execute_run, t) for t in take(pending, 2 * workers)}
        while running:
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                yield fut.result()
            running |= {ex.submit(execute_run, t) for t in take(pending, len(finished))}


# --- driver ----------------------------------------------------------------------------------
def run_sweep(
    design: Design,
    out: str | Path,
    workers: int = 1,
    backend: str = "processes",
    scheduler: str | None = None,
    resume: bool = False,
    progress: bool | None = None,
    on_heal: Callable[[str], None] | None = None,
):
    """Run a design; return (params table, results table) as pandas DataFrames. `on_heal` hears what
    `--resume` healed (a damaged file set aside; default: the `wijksim.sweep` logger)."""
    out = Path(out)
    if backend not in ("processes", "dask"):
        raise DesignError("--backend", backend, "choose processes or dask")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise DesignError("--workers", workers, "must be a whole number >= 1")
    if scheduler and backend != "dask":
        raise DesignError("--scheduler", scheduler, "needs --backend dask")
    tasks, table = plan(design)  # validate before touching the folder or a cluster
    client = cluster = None
    if backend == "dask":
        from .dask_backend import connect_dask  # start-up: Dask's import takes a second

        client, cluster = connect_dask(workers, scheduler)
    try:
        todo, table, healed = prepare(design, out, resume)
        for line in healed:
            (on_heal or log.warning)(f"healed {line}")
        if client is not None:
            from .dask_backend import run_dask  # start-up: Dask's import takes a second

            stream = run_dask(todo, client)
        else:
            stream = run_processes(todo, workers)
        _drain(stream, out, len(todo), len(tasks), workers, progress)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return table, load_results(out)


def _drain(
    stream: Iterable[list[dict]], out: Path, n_todo: int, n_total: int, workers: int, progress: bool | None
) -> None:
    import sys

    batch = max(1, min(25, n_todo // (4 * workers) if n_todo else 1))
    show = sys.stderr.isatty() if progress is None else progress
    buffer: list[dict] = []
    runs_in_buffer, last = 0, time.monotonic()
    bar = task = None
    if show and n_todo:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("sweep"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        bar.start()
        task = bar.add_task("runs", total=n_total, completed=n_total - n_todo)
    try:
        for rows in stream:
            buffer.extend(rows)
            runs_in_buffer += 1
            if bar is not None:
                bar.advance(task)
            if runs_in_buffer >= batch or time.monotonic() - last > 10:
                write_part(out, buffer)
                buffer, runs_in_buffer, last = [], 0, time.monotonic()
        if buffer:
            write_part(out, buffer)
    finally:
        if bar is not None:
            bar.stop()


def load_results(out: str | Path):
    """All result parts of a sweep as one DataFrame, sorted by run_id and year (DuckDB)."""
    import duckdb

    out = Path(out)
    files = part_files(out)
    if not files:
        import pandas as pd

        return pd.DataFrame()
    con = duckdb.connect()
    try:
        df = con.execute(
            "SELECT * FROM read_parquet(?) ORDER BY run_id, year", [[str(f) for f in files]]
        ).df()
    except duckdb.Error:
        check_parts(out)  # names the damaged file
        raise
    finally:
        con.close()
    return df


def load_sweep(out: str | Path):
    """(params, results, meta) of a sweep folder; raises ParameterError if it is not one."""

    out = Path(out)
    if not (out / META).is_file() or not (out / PARAMS).is_file():
        raise ParameterError("DIR", str(out), "not a wijksim sweep folder (no meta.json / params.parquet)")
    meta, params = read_meta(out), read_params(out)
    for name, value in ((META, meta), (PARAMS, params)):
        if value is None:
            raise ParameterError(
                "DIR",
                str(out),
                f"{name} is damaged; `wijksim sweep DESIGN --out DIR --resume` writes it again",
            )
    return params, load_results(out), meta
