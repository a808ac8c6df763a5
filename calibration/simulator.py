"""The simulator calibration and validation call: one parameter set, a set of wijken, the targets.

Each wijk keeps its own demographic inputs (from its scan row, with the survey values withheld, so
the model predicts them); the behavioural parameters being fitted are shared. Wijken are simulated
at a fixed size (targets are rates, so the size only sets the noise) for a warm-up plus one year.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..experiments.run import simulate
from ..experiments.seeds import keyed_seed
from ..model.params import REGISTRY, ParameterError, per_wijk, priors
from ..model.scan import params_from_row
from .targets import TARGETS, observed_targets

#: Residents simulated per wijk during calibration (rates do not depend on it; noise does).
CALIBRATION_RESIDENTS = 2000

#: The behavioural parameters calibrated by default and their prior ranges (uniform), each inside
#: the registry's hard bounds: plausible sub-ranges, so that simulations are not wasted on values
#: nobody would defend (docs/calibration.md gives the reasons). Declared in the registry (`prior`).
PRIORS: dict[str, tuple[float, float]] = priors()

#: Parameters each wijk takes from its own scan row (never shared across wijken; `per_wijk`).
WIJK_INPUTS = per_wijk()


def parse_priors(
    items: list[str] | None,
    base: dict[str, tuple[float, float]] | None = None,
    only: list[str] | None = None,
):
    """`name=low:high` overrides (or additions) of the priors, checked against the registry;
    `only` keeps just the named ones of the default priors (the others keep their defaults)."""
    priors = dict(PRIORS if base is None else base)
    if only:
        unknown = [n for n in only if n not in priors]
        if unknown:
            raise ParameterError("--parameters", ",".join(unknown), f"not among {', '.join(priors)}")
        priors = {n: priors[n] for n in only}
    for item in items or []:
        name, sep, rng = item.partition("=")
        name = name.strip()
        if not sep or ":" not in rng:
            raise ParameterError("--prior", item, "expected name=low:high")
        if name not in REGISTRY:
            raise ParameterError("--prior", item, f"unknown parameter {name!r}")
        param = REGISTRY[name]
        if param.kind is not float:
            raise ParameterError(
                "--prior", item, f"{name} is not a continuous parameter: it cannot be calibrated"
            )
        if name in WIJK_INPUTS or param.lever:
            raise ParameterError(
                "--prior", item, f"{name} is set per wijk or is a lever, not a shared behaviour"
            )
        try:
            low, high = (float(x) for x in rng.split(":", 1))
        except ValueError:
            raise ParameterError("--prior", item, "low and high must be numbers") from None
        if not low < high:
            raise ParameterError("--prior", item, "low must be below high")
        if low < param.low or high > param.high:
            raise ParameterError(
                "--prior", item, f"outside the registry's bounds [{param.low}, {param.high}] ({param.unit})"
            )
        priors[name] = (low, high)
    return priors


@dataclass
class Wijk:
    """A wijk as the calibration sees it: its inputs and its observed targets."""

    code: str
    gemeente: str
    params: dict[str, Any]
    observed: dict[str, float | None]
    provenance: dict[str, Any] = field(default_factory=dict)


def make_wijken(rows: pd.DataFrame, residents: int = CALIBRATION_RESIDENTS) -> list[Wijk]:
    out = []
    for code, row in rows.iterrows():
        text = {k: ("" if pd.isna(v) else str(v)) for k, v in row.items()}
        params, prov = params_from_row(text, use_observed_survey=False)
        params["residents"] = int(residents)
        out.append(Wijk(str(code), str(row["gemeente_code"]), params, observed_targets(row), prov))
    return out


def observed_stats(wijken: list[Wijk]) -> dict[str, float]:
    return {f"{w.code}/{t}": v for w in wijken for t, v in w.observed.items() if v is not None}


def check_run_options(workers: int, residents: int, seed: int) -> None:
    """The options `calibrate` and `validate` share; raises ParameterError naming the flag."""
    if workers < 1:
        raise ParameterError("--workers", workers, "must be at least 1")
    if not 200 <= residents <= REGISTRY["residents"].high:
        raise ParameterError(
            "--residents", residents, "between 200 and 5,000,000 residents per simulated wijk"
        )
    if seed < 0:
        raise ParameterError("--seed", seed, "must be 0 or more")


def simulate_wijk(params: dict[str, Any], seed: int) -> dict[str, float]:
    """The targets, in the data's units, after the warm-up and one simulated year."""
    year = simulate(params, seed, 1, weekly=False)[2][-1]
    referred = year["youth_team_referrals"] + year["youth_gp_referrals"]
    # No young person referred at all (tiny wijken): an uninformative 50%.
    year["youth_care_team_referral_share"] = year["youth_team_referrals"] / referred if referred else 0.5
    return {t.name: float(year[t.model_key]) * t.scale for t in TARGETS}


def simulate_set(wijken: list[Wijk], theta: dict[str, float], seed: int) -> dict[str, float]:
    """Targets of every wijk under the shared parameters theta (only those observed)."""
    out = {}
    for k, w in enumerate(wijken):
        sim = simulate_wijk(w.params | dict(theta), seed_for(seed, k))
        out |= {f"{w.code}/{t}": sim[t] for t, v in w.observed.items() if v is not None}
    return out


def seed_for(seed: int, *keys: int) -> int:
    return keyed_seed(seed, *keys)


class Simulator:
    """Picklable model function for pyabc: a parameter dict in, the stacked targets out."""

    def __init__(self, wijken: list[Wijk]):
        self.wijken = wijken

    def __call__(self, theta) -> dict[str, float]:
        seed = int(np.random.randint(0, 2**31 - 1))  # pyabc seeds each worker's numpy state
        return simulate_set(self.wijken, {k: float(v) for k, v in dict(theta).items()}, seed)


def municipality_split(gemeente_codes, test_share: float = 0.25, salt: str = "wijksim-split-v1") -> list[str]:
    """'train' or 'test' per row, by a fixed hash of the municipality code: all wijken of a
    municipality fall on the same side, and no property of the data decides the split."""
    out = []
    for g in gemeente_codes:
        h = int(hashlib.sha256(f"{salt}:{g}".encode()).hexdigest()[:8], 16) / 16**8
        out.append("test" if h < test_share else "train")
    return out
