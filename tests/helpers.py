"""Helpers shared by the tests: small model runs, cached per process so tests share baselines."""

from __future__ import annotations

from functools import lru_cache

from wijksim.experiments.run import simulate
from wijksim.model.params import validate


@lru_cache(maxsize=256)
def _run(items: tuple, seed: int, years: int):
    params = validate(dict(items))
    _, weekly, yearly = simulate(params, seed, years)
    return weekly, yearly


def run(seed: int = 1, years: int = 10, **params):
    """Run the model (cached); returns (weekly DataFrame, yearly list)."""
    return _run(tuple(sorted(params.items())), seed, years)
