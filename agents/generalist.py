"""Generalists: the social neighbourhood team (§4.2, §6.5)."""

from __future__ import annotations

import mesa


class Generalist(mesa.Agent):
    """A neighbourhood-team worker with a caseload capacity and a skill that coaching raises.

    Triage itself is a whole-team operation (`wijksim.model.mechanisms.triage`); the agent holds the
    state that differs per worker.
    """

    def __init__(self, model: mesa.Model, capacity: float, skill: float):
        super().__init__(model)
        self.capacity = capacity  # case slots
        self.skill = skill  # 0-1

    def receive_coaching(self, gain: float) -> None:
        """Coaching by the flex team raises skill towards 1 (§6.5)."""
        self.skill += gain * (1.0 - self.skill)

    def lose_skill(self, rate: float, baseline: float) -> None:
        """Turnover and lack of practice pull skill back towards the baseline."""
        self.skill -= rate * (self.skill - baseline)
