"""Specialists: regionally organised specialist care, one team per domain (§7). Admission from the
waiting list is the mechanism `wijksim.model.mechanisms.specialist_care`."""

from __future__ import annotations

import mesa


class Specialist(mesa.Agent):
    """A specialist team of one domain (youth care, mental health, addiction, disability care) with
    a number of treatment slots."""

    def __init__(self, model: mesa.Model, domain: str, slots: int):
        super().__init__(model)
        self.domain = domain
        self.slots = slots
