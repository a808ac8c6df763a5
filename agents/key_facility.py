"""The key facility ('sleutelvoorziening', §6.4): one bundled, recognisable place in the
neighbourhood. What it does each week (meeting place, early signalling, light help, landing place)
is the mechanism `wijksim.model.mechanisms.key_facility`; the agent holds its place and reach."""

from __future__ import annotations

import mesa
import numpy as np


class KeyFacility(mesa.Agent):
    def __init__(
        self, model: mesa.Model, x: float, y: float, radius: float, members: np.ndarray, light_slots: int
    ):
        super().__init__(model)
        #: Its place in the unit square, and the distance within which residents are in reach.
        self.x, self.y, self.radius = x, y, radius
        #: The residents within reach (indices): they live near and know the place.
        self.members = members
        #: Weeks since it opened (the share who know it grows with them).
        self.weeks_open = 0
        #: Light-help places without referral.
        self.light_slots = light_slots
        self.signalled = 0
        self.light_help_given = 0
