"""Signs that a run's care system has tipped: a waiting list that grows year after year.

Past its tipping point (docs/ODD.md §9) waiting escalates needs, which then hold places longer, so
the queue grows without limit. The numbers of such a run describe a system in collapse. That may be
the point (specialist capacity cut too far, the Danish failure of §7.5) or an artefact (a wijk the
model does not fit, such as a student district); either way a reader must be told, not left to
spot it in a curve.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: A growing queue is reported when it reaches this many waiting residents per 1,000 and grew by at
#: least as much over the last RUNAWAY_YEARS years (assumed; settled runs of the shipped wijken
#: stay under 1 per 1,000, scripts/warm_up_drift.py).
RUNAWAY_WAITING_PER_1000 = 5.0
#: The queue must have grown in each of this many last years (assumed).
RUNAWAY_YEARS = 3
#: Or the regional regular wait grew in each of those years, by at least this many weeks in all,
#: to at least RUNAWAY_WAIT_WEEKS (assumed: about twice the Treeknorm of 14 weeks).
RUNAWAY_WAIT_RISE_WEEKS = 5.0
RUNAWAY_WAIT_WEEKS = 26.0


def waiting_per_1000(yearly: Sequence[dict[str, Any]]) -> list[float]:
    return [1000.0 * y["waiting_list"] / max(1, y["residents"]) for y in yearly]


def _rising(values: list[float], rise: float, end: float) -> tuple[float, float] | None:
    tail = values[-(RUNAWAY_YEARS + 1) :]
    if (
        all(b > a for a, b in zip(tail, tail[1:], strict=False))
        and tail[-1] >= end
        and tail[-1] - tail[0] >= rise
    ):
        return tail[0], tail[-1]
    return None


def growing_queue(yearly: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """A warning (a dict fit for JSON) if the wijk's waiting list, or the regional wait, kept
    growing to the end of the run; None if not, or if the run is too short to tell."""
    per = waiting_per_1000(yearly)
    if len(per) < RUNAWAY_YEARS + 1:
        return None
    waits = [float(y.get("regular_wait_weeks", 0.0)) for y in yearly]
    queue = _rising(per, RUNAWAY_WAITING_PER_1000, RUNAWAY_WAITING_PER_1000)
    wait = _rising(waits, RUNAWAY_WAIT_RISE_WEEKS, RUNAWAY_WAIT_WEEKS)
    if queue is None and wait is None:
        return None
    years = f"grew every year for the last {RUNAWAY_YEARS} years"
    if queue is not None:
        what = f"the waiting list {years}, from {queue[0]:.0f} to {queue[1]:.0f} per 1,000 residents"
    else:
        assert wait is not None
        what = f"the wait for specialist care {years}, from {wait[0]:.0f} to {wait[1]:.0f} weeks"
    return {
        "warning": "growing_queue",
        "message": f"{what}: the care system has tipped (docs/ODD.md §9)",
        "waiting_per_1000_by_year": [round(v, 2) for v in per],
        "regular_wait_weeks_by_year": [round(v, 1) for v in waits],
    }
