"""Specialists: regionally organised specialist care, one team per domain (§7)."""

from __future__ import annotations

import mesa
import numpy as np

#: Domains and their share of specialist slots (assumed; youth care largest, as in municipal spending).
SPECIALIST_DOMAINS = ("youth care", "mental health care (GGZ)", "addiction care", "disability care")
DOMAIN_SLOT_SHARES = (0.35, 0.40, 0.15, 0.10)


class Specialist(mesa.Agent):
    """A specialist team of one domain with a number of treatment slots."""

    def __init__(self, model: mesa.Model, domain: str, slots: int):
        super().__init__(model)
        self.domain = domain
        self.slots = slots


def referral_domain(rng: np.random.Generator, age: np.ndarray, need: np.ndarray) -> np.ndarray:
    """Domain a referral goes to: youth care under 23, disability care for most older people with an
    individual need, otherwise mental health (3 in 4) or addiction care (assumed shares)."""
    r = rng.random(len(age))
    adult = np.where(r < 0.75, 1, 2)
    older = np.where((need == 2) & (r < 0.7), 3, adult)
    return np.where(age < 23, 0, np.where(age >= 65, older, adult)).astype(np.int8)
