"""Seeds for replications and runs, all from numpy's SeedSequence: the same master seed gives the
same seeds whatever the number of workers or the backend."""

from __future__ import annotations

import numpy as np

from ..model.params import ParameterError

SEED_MAX = 2**63 - 1


def check_seed(seed: object, field: str = "--seed") -> int:
    """A seed is a whole number from 0 (numpy's SeedSequence takes no negative ones)."""
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= SEED_MAX:
        raise ParameterError(field, seed, f"must be a whole number from 0 to {SEED_MAX}")
    return seed


def spawn_seeds(master: int, n: int) -> list[int]:
    """n independent run seeds from one master seed (`SeedSequence(master).spawn(n)`)."""
    return [int(c.generate_state(1, dtype=np.uint32)[0]) for c in np.random.SeedSequence(master).spawn(n)]


def keyed_seed(master: int, *keys: int) -> int:
    """One seed for a (master, key, ...) combination, e.g. a calibration draw and a wijk."""
    return int(np.random.SeedSequence([int(master) % 2**32, *keys]).generate_state(1)[0])
