"""Running the battery's arms: each (arm, replication) once, on the worker pool, arms that differ only
in the levers started after the warm-up sharing one warm-up per seed (`NeighbourhoodModel.warmed_up`,
bit for bit the same rows as a fresh run)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import as_completed
from typing import Any

import numpy as np

from ...model.codes import WEEKS_PER_YEAR, Need
from ...model.indicators import yearly_summary
from ...model.params import STARTING_AFTER_WARM_UP, validate
from ...model.presets import preset_values
from ...model.scan import SHIPPED_TABLE, params_from_row, read_row
from ..workers import worker_pool
from .arms import Arm, lever_values

#: (key, parameters, seed, years, probe, changes, warm-up key or None).
Task = tuple[Any, dict[str, Any], int, int, str | None, Any, Any]
#: Years at whose end the clearance probe looks (individual needs at year 3, cleared by year 5).
CLEARANCE_YEARS = (3, 5)


def arm_params(arm: Arm, residents: int, behaviour: dict[str, Any]) -> dict[str, Any]:
    """The validated parameters of an arm: its neighbourhood, the size, a robustness set's
    behavioural values (or none) and its levers."""
    if arm.wijk:
        values, _ = params_from_row(
            read_row(SHIPPED_TABLE, arm.wijk), use_observed_survey=arm.observed_survey, given=behaviour
        )
    else:
        values = preset_values(arm.preset or "default")
    values["residents"] = residents
    values |= behaviour
    values |= lever_values(arm, residents)
    return validate(values)


def warm_key(params: dict[str, Any], seed: int) -> tuple:
    return tuple(sorted((k, v) for k, v in params.items() if k not in STARTING_AFTER_WARM_UP)), seed


def clearance(model, years: tuple[int, int] = CLEARANCE_YEARS) -> float | None:
    """Run the model to its end; return the share of residents with an individual need at the end
    of the first year whose need has cleared (is social or none) at the end of the second, among
    those still living in the wijk (a departed resident's row holds a newcomer)."""
    first, second = (y * WEEKS_PER_YEAR for y in years)
    held = None
    while model.running:
        model.step()
        if model.week == first:
            held = (model.st.need == Need.INDIVIDUAL).nonzero()[0]
        if model.week == second and held is not None:
            held = held[
                model.st.arrived_week[held] <= first
            ]  # the same residents: not newcomers in their rows
            return float(np.mean(model.st.need[held] < Need.INDIVIDUAL)) if len(held) else float("nan")
    return None


def run_task(task: tuple) -> tuple[Any, list[dict], float | None]:
    """In a worker: one arm's run, from its shared warm-up when one is given."""
    from ...model.neighbourhood import NeighbourhoodModel  # start-up: workers import the model

    key, params, seed, years, probe, changes, warm = task
    if warm is not None:
        model = NeighbourhoodModel.from_warmed_up(
            warm, years=years, full_weekly_rows=False, changes=changes, **params
        )
    else:
        model = NeighbourhoodModel(
            rng=seed, years=years, record_history=False, full_weekly_rows=False, changes=changes, **params
        )
    value = clearance(model) if probe == "clearance" else None
    model.run()
    return key, yearly_summary(model.weekly_rows), value


def warm_task(task: tuple[dict[str, Any], int]) -> bytes:
    from ...model.neighbourhood import NeighbourhoodModel  # start-up: workers import the model

    params, seed = task
    return NeighbourhoodModel.warmed_up(rng=seed, **params)


def run_tasks(
    tasks: list[Task], workers: int, progress: Callable[[int, int], None] | None = None
) -> Iterable[tuple[Any, list[dict], float | None]]:
    """Each task's (key, yearly summary, probe value), as they finish. Tasks that share a warm-up key
    (at least two of them) start from one warm-up, made first."""
    counts: dict[Any, int] = {}
    for t in tasks:
        counts[t[6]] = counts.get(t[6], 0) + 1
    shared = {t[6]: (t[1], t[2]) for t in tasks if counts[t[6]] > 1}
    total = len(tasks) + len(shared)
    done = 0
    if workers == 1:  # in this process (tests patch the model here)
        states = {k: warm_task(v) for k, v in shared.items()}
        for t in tasks:
            yield run_task((*t[:6], states.get(t[6])))
            done += 1
            if progress:
                progress(done + len(shared), total)
        return
    with worker_pool(workers) as pool:
        keys = list(shared)
        states = dict(zip(keys, pool.map(warm_task, [shared[k] for k in keys]), strict=True))
        done = len(shared)
        futures = [pool.submit(run_task, (*t[:6], states.get(t[6]))) for t in tasks]
        for f in as_completed(futures):
            done += 1
            if progress:
                progress(done, total)
            yield f.result()
