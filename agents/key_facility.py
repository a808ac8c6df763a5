"""Mechanism 8: the key facility ('sleutelvoorziening', §6.4).

One bundled, recognisable place near the centre of the neighbourhood. Within its reach it creates
meeting opportunities (new ties), lowers the help-seeking threshold (in help_seeking), signals
hidden needs early, gives light help without a referral, and is a landing place that lowers relapse
(in return_relapse).
"""

from __future__ import annotations

import mesa
import numpy as np

from ..model.mechanisms.help_seeking import hidden_mask
from ..model.population import weighted_pick
from ..model.state import PROVIDER_KEY_FACILITY, Need, Path


class KeyFacility(mesa.Agent):
    def __init__(self, model: mesa.Model, x: float = 0.5, y: float = 0.5):
        super().__init__(model)
        self.x, self.y = x, y
        st, p = model.st, model.p
        dist = np.hypot(st.x - x, st.y - y)
        reach = p["key_facility_reach"]
        self.radius = float(np.quantile(dist, reach)) if reach > 0 else -1.0
        st.in_reach[:] = dist <= self.radius if reach > 0 else False
        self.members = st.in_reach.nonzero()[0]
        self.light_slots = int(round(p["key_facility_light_slots"] * len(self.members) / 1000))
        self.signalled = 0
        self.light_help_given = 0

    def step(self) -> None:
        m, p, rng = self.model, self.model.p, self.model.rng
        if len(self.members) < 2:
            return
        # Meeting place: new ties among residents within reach, drawing in those with few ties.
        k = rng.poisson(p["key_facility_tie_rate"] * len(self.members) / 1000)
        if k:
            deg = m.network.degree[self.members]
            a = self.members[weighted_pick(rng, 1.0 / (1.0 + deg), k)]
            b = self.members[rng.integers(0, len(self.members), len(a))]
            m.pending_ties.append((a, b))
            m.flows["facility_ties"] += len(a)
        # Early signalling: hidden needs within reach are noticed and offered help.
        hidden = self.members[hidden_mask(m, self.members)]
        noticed = hidden[rng.random(len(hidden)) < p["key_facility_signalling_rate"]]
        if len(noticed):
            self.signalled += len(noticed)
            m.flows["signalled"] += len(noticed)
            m.join_generalist_queue(noticed, event="signalled at key facility")

    def serve_light_needs(self) -> None:
        """Light help without referral: social-need requests within reach are served here first."""
        m, st = self.model, self.model.st
        used = int(((st.path == Path.LIGHT_HELP) & (st.provider == PROVIDER_KEY_FACILITY)).sum())
        free = self.light_slots - used
        if free <= 0:
            return
        q = ((st.path == Path.WAITING_GENERALIST) & st.in_reach & (st.need == Need.SOCIAL)).nonzero()[0]
        take = q[np.argsort(st.queue_since[q], kind="stable")][:free]
        if len(take):
            st.return_need[take] = st.need[take]
            m.set_path(
                take,
                Path.LIGHT_HELP,
                end=m.week + int(m.p["light_help_weeks"]),
                provider=PROVIDER_KEY_FACILITY,
                event="light help at key facility",
            )
            self.light_help_given += len(take)
            m.flows["light_help_started"] += len(take)
