"""Age-specific rates that more than one part of the model reads: mortality (a Gompertz law) and the
onset of frailty. The weekly mechanisms (`mechanisms/demography.py`, `kin.py`, `life_events.py`), the
population's set-up and the settled start's life histories (`starting_state.py`) all use these, so
that the wijk's residents, their parents outside it and the histories age alike."""

from __future__ import annotations

from typing import Any

import numpy as np


def mortality_rate(age: np.ndarray, p: dict[str, Any]) -> np.ndarray:
    """Yearly mortality at `age` (Gompertz: exp(intercept + slope x age)), before any extra for a need."""
    return np.exp(p["mortality_gompertz_intercept"] + p["mortality_gompertz_slope"] * age)


def gompertz_log_survival(age: np.ndarray, p: dict[str, Any]) -> np.ndarray:
    """Log of the chance to live from birth to `age` under `mortality_rate` (a constant hazard when the
    slope is 0)."""
    a, b = p["mortality_gompertz_intercept"], p["mortality_gompertz_slope"]
    age = np.asarray(age, dtype=float)
    cumulative = np.expm1(b * age) / b if b > 1e-12 else age
    return -np.exp(a) * cumulative


def gompertz_survival(age: np.ndarray, p: dict[str, Any]) -> np.ndarray:
    """Chance to live from birth to `age`."""
    return np.exp(gompertz_log_survival(age, p))


def frailty_onset_rate(age: np.ndarray, p: dict[str, Any]) -> np.ndarray:
    """Yearly onset of frailty (a lasting need) at `age`: from 65, `frailty_onset_rate_75` at 75,
    doubling every `frailty_doubling_years`; 0 below 65."""
    rate = p["frailty_onset_rate_75"] * np.exp2((age - 75.0) / p["frailty_doubling_years"])
    return np.where(age >= 65, rate, 0.0)


def frailty_prevalence(age: np.ndarray, p: dict[str, Any]) -> np.ndarray:
    """The chance to have become frail by `age` (the integral of `frailty_onset_rate`; no remission)."""
    d = p["frailty_doubling_years"]
    cum = p["frailty_onset_rate_75"] * d / np.log(2) * (np.exp2((age - 75.0) / d) - np.exp2(-10.0 / d))
    return np.where(age > 65, 1.0 - np.exp(-np.maximum(cum, 0.0)), 0.0)
