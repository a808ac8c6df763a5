"""What a worker process does: one model run (or several) from parameters and a seed, returned as
flat yearly rows. Sweeps, comparisons, the app and the Dask backend all send these tasks, so a
result depends only on its parameters and seed, never on where it ran."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model.indicators import COST_FUNCTIONS, INT_COLUMNS, band_key, yearly_summary

#: run_id, parameters, seed, years (and, optionally, changes during the run: [(year, name, value)]).
Task = tuple


def execute_run(task: Task) -> list[dict[str, Any]]:
    """Run one model (in a worker); return its yearly rows, flat, with the run_id."""
    from .run import simulate  # start-up: the app's first page loads without the model (Mesa)

    run_id, params, seed, years, *rest = task
    _, _, yearly = simulate(params, seed, years, weekly=False, changes=rest[0] if rest else ())
    return [flatten(run_id, y) for y in yearly]


def execute_runs(tasks: list[Task]) -> list[list[dict[str, Any]]]:
    """Several runs in one go (a Dask task): `execute_run` of each, in order."""
    return [execute_run(t) for t in tasks]


def warm_up_neighbourhood(task: tuple[dict[str, Any], int]) -> bytes:
    """In a worker: the neighbourhood of (parameters, seed) after its warm-up, before any lever."""
    from ..model.neighbourhood import NeighbourhoodModel  # start-up: as in execute_run

    params, seed = task
    return NeighbourhoodModel.warmed_up(rng=seed, **params)


def execute_warmed_run(task: tuple) -> list[dict[str, Any]]:
    """`execute_run` from a warmed-up neighbourhood (`warm_up_neighbourhood` of the same seed and
    parameters, levers apart): the same rows, bit for bit, without repeating set-up and warm-up.
    The task: run_id, parameters, years, the warmed-up state (and, optionally, changes during the run)."""
    from ..model.neighbourhood import NeighbourhoodModel  # start-up: as in execute_run

    run_id, params, years, state, *rest = task
    changes = rest[0] if rest else ()
    model = NeighbourhoodModel.from_warmed_up(
        state, years=years, full_weekly_rows=False, changes=changes, **params
    )
    model.run()
    return [flatten(run_id, y) for y in yearly_summary(model.weekly_rows)]


def flatten(run_id: int, year: dict[str, Any]) -> dict[str, Any]:
    """A yearly object as a flat row: nested costs as `cost_<function>_eur`, age bands as
    `by_age_<band>_<metric>`, a null (such as
    `citizen_hours_per_professional_hour` without developers) as NaN, types as registered."""
    row: dict[str, Any] = {"run_id": run_id}
    for k, v in year.items():
        if k == "cost_by_function_eur":
            for fn in COST_FUNCTIONS:
                row[f"cost_{fn}_eur"] = float(v[fn])
        elif k == "by_age":
            for band, metrics in v.items():
                for metric, value in metrics.items():
                    column = f"by_age_{band_key(band)}_{metric}"
                    row[column] = (
                        int(value) if column in INT_COLUMNS else float("nan" if value is None else value)
                    )
        else:
            row[k] = int(v) if k in INT_COLUMNS else float("nan" if v is None else v)
    return row


def results_frame(rows: list[dict[str, Any]]):
    """Flat yearly rows as a DataFrame with the registered column types (int64 or float64)."""
    import numpy as np
    import pandas as pd

    # Column by column, as `pd.DataFrame(rows)` orders them (by first appearance) and as `astype`
    # would type them: a tenth of the time (the app's result waits for this).
    columns = dict.fromkeys(k for row in rows for k in row)
    nan = float("nan")
    return pd.DataFrame(
        {
            c: np.array(
                [row.get(c, nan) for row in rows],
                dtype=np.int64 if c in INT_COLUMNS or c == "run_id" else np.float64,
            )
            for c in columns
        },
        index=pd.RangeIndex(len(rows)),
    )


def take(it: Iterator, n: int) -> list:
    """Up to n items from an iterator."""
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
