"""Weighted sampling of residents, shared by the population's set-up and the levers."""

from __future__ import annotations

import numpy as np


def weighted_pick(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    """Pick k distinct indices with probability proportional to weights, in the order a draw
    one by one without replacement would give (Efraimidis-Spirakis keys)."""
    eligible = (weights > 0).nonzero()[0]
    k = int(min(k, len(eligible)))
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    keys = np.log1p(-rng.random(len(eligible))) / weights[eligible]  # log of a uniform in (0, 1]
    if k == 1:  # the usual pick of a lever's week: the largest key, without partition and sort
        return eligible[[int(keys.argmax())]]
    top = np.argpartition(-keys, k - 1)[:k] if k < len(eligible) else np.arange(k)
    return eligible[top[np.argsort(-keys[top], kind="stable")]]
