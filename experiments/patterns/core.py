"""What a pattern is: a statistic of named runs ("arms"), fixed in advance, with a target and a role,
and how an estimate with its Monte Carlo error is judged against the target."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

#: Calibration may fit a `fitted` pattern; a `held_out` pattern is only ever checked.
ROLES = ("fitted", "held_out")
#: A difference counts as a direction only beyond this many Monte Carlo standard errors.
NOISE_MULTIPLE = 2.0


@dataclass(frozen=True)
class Target:
    """`between` low..high, `interval_between` (the estimate with its interval of NOISE_MULTIPLE
    s.e. inside low..high), `above` low, `below` high, `positive` / `negative` (a paired
    difference whose sign is beyond noise), `within_error` (a paired difference indistinguishable
    from 0), or `report` (no numeric target)."""

    kind: str
    low: float | None = None
    high: float | None = None

    def text(self) -> str:
        if self.kind == "between":
            return f"{self.low:g} to {self.high:g}"
        if self.kind == "interval_between":
            return f"{self.low:g} to {self.high:g}, with its {NOISE_MULTIPLE:g} MC s.e."
        if self.kind == "above":
            return f"> {self.low:g}"
        if self.kind == "below":
            return f"< {self.high:g}"
        if self.kind == "at_most":
            return f"<= {self.high:g}"
        if self.kind == "at_least":
            return f">= {self.low:g}"
        if self.kind == "positive":
            return f"> 0 (beyond {NOISE_MULTIPLE:g} MC s.e.)"
        if self.kind == "negative":
            return f"< 0 (beyond {NOISE_MULTIPLE:g} MC s.e.)"
        if self.kind == "within_error":
            return f"0 within {NOISE_MULTIPLE:g} MC s.e."
        return "report"

    def holds(self, measured: float, se: float | None) -> bool | None:
        """Whether the estimate meets the target (None for `report` or a missing estimate). With one
        replication (no standard error) a direction is judged by its sign alone."""
        if self.kind == "report" or measured is None or not math.isfinite(measured):
            return None
        noise = NOISE_MULTIPLE * se if se is not None and math.isfinite(se) else 0.0
        if self.kind == "between":
            return bool(self.low <= measured <= self.high)
        if self.kind == "interval_between":
            return bool(self.low <= measured - noise and measured + noise <= self.high)
        if self.kind in ("above", "at_least"):
            return bool(measured > self.low if self.kind == "above" else measured >= self.low)
        if self.kind in ("below", "at_most"):
            return bool(measured < self.high if self.kind == "below" else measured <= self.high)
        if self.kind == "positive":
            return bool(measured > noise and measured > 0)
        if self.kind == "negative":
            return bool(measured < -noise and measured < 0)
        if self.kind == "within_error":
            return bool(abs(measured) <= max(noise, 1e-12))
        raise ValueError(f"unknown target kind {self.kind}")


@dataclass(frozen=True)
class Estimate:
    measured: float
    se: float | None = None
    #: Anything the report should show besides the number (per preset, per wijk, ...).
    detail: dict[str, Any] = field(default_factory=dict)


#: What a pattern's statistic receives: arm name -> list over replications of that run's yearly
#: objects (summary.json's `yearly`), plus `probes` (arm name -> list of probe values), plus the
#: scan rows of the wijken arms.
Results = dict[str, Any]


@dataclass(frozen=True)
class Pattern:
    name: str
    group: str
    meaning: str
    source: str
    statistic: str
    target: Target
    role: str
    arms: tuple[str, ...]
    compute: Callable[[Results], Estimate] | None = None
    #: Outputs (yearly keys) or capabilities the statistic needs; while the model lacks one, the row
    #: is 'not measurable yet' and names it.
    needs: tuple[str, ...] = ()
    #: Which issue (or 'today') makes it measurable; for the docs.
    measurable_from: str = "today"
    #: Evaluated in the robustness sets too (False where that would cost too many runs).
    in_robustness: bool = True


# --- statistics over replications ---------------------------------------------------------------
def mean_se(values) -> Estimate:
    v = np.asarray(values, dtype=float)
    se = float(v.std(ddof=1) / np.sqrt(len(v))) if len(v) > 1 else None
    return Estimate(float(v.mean()), se)


def series(runs: list[list[dict]], key: str) -> np.ndarray:
    """[replication, year] array of one yearly indicator (`parent.component` for a nested one,
    `by_age.75+.lonely_share`; a null is NaN)."""
    parts = key.split(".")

    def value(year: dict) -> float:
        for part in parts:
            year = year[part]
        return np.nan if year is None else year

    return np.array([[value(y) for y in run] for run in runs], dtype=float)


def years_mean(runs: list[list[dict]], key: str, first: int, last: int) -> np.ndarray:
    """Per replication: the mean of a yearly indicator over years first..last (1-based, inclusive)."""
    s = series(runs, key)
    last = min(last, s.shape[1])
    first = min(first, last)
    return s[:, first - 1 : last].mean(axis=1)


def ratio_of_means(num: np.ndarray, den: np.ndarray) -> Estimate:
    """mean(num) / mean(den) over paired replications, with a delta-method standard error."""
    mn, md = float(np.mean(num)), float(np.mean(den))
    if md == 0:
        return Estimate(float("nan"))
    r = mn / md
    if len(num) < 2:
        return Estimate(r)
    cov = np.cov(num, den, ddof=1) / len(num)
    var = (cov[0, 0] - 2 * r * cov[0, 1] + r * r * cov[1, 1]) / (md * md)
    return Estimate(r, float(np.sqrt(max(var, 0.0))))
