"""Mechanism 7: social network developers (§6.5, §5.2 'Even Buurten', §6.3).

A developer works one area without an individual caseload: introduces vulnerable residents
(isolated, or with a social need) to vital ones, and activates residents to help others. The effect
builds up slowly ('a few years' before mutual help takes off, §6.5): the weekly numbers scale with
1 - exp(-time in area / build-up time). When the area carries itself (few isolated residents) the
developer moves on to the area that needs it most. The multiplier of §6.3 is an outcome: the
informal hours that activated residents and new ties carry.
"""

from __future__ import annotations

import mesa
import numpy as np

from ..model.population import weighted_pick
from ..model.state import Need

#: How often (weeks) a developer checks whether the area sustains itself.
CHECK_EVERY_WEEKS = 4


class NetworkDeveloper(mesa.Agent):
    def __init__(self, model: mesa.Model, area: int):
        super().__init__(model)
        self.area = area
        self.weeks_in_area = 0
        self.ties_created = 0
        self.residents_activated = 0
        self.areas_worked = [area]

    @property
    def build_up(self) -> float:
        tau = self.model.p["developer_build_up_years"] * 52.0
        return 1.0 - float(np.exp(-self.weeks_in_area / tau))

    def step(self) -> None:
        m, p, st, rng = self.model, self.model.p, self.model.st, self.model.rng
        self.weeks_in_area += 1
        members = m.area_members[self.area]
        adult, over_12 = m.area_age_masks(self.area)
        degree = m.network.degree[members]
        need = st.need[members]
        # Introductions: vulnerable (few ties or social need) to vital (no need, able to help).
        k = rng.poisson(p["developer_ties_per_week"] * self.build_up)
        if k:
            vulnerable = ((degree <= 2) | (need == Need.SOCIAL)) & over_12
            vital = (need == Need.NONE) & adult
            a = members[weighted_pick(rng, vulnerable / (1.0 + degree), k)]
            b = members[weighted_pick(rng, vital * (1.0 + st.helper_capacity[members]), len(a))]
            n = min(len(a), len(b))
            if n:
                m.pending_ties.append((a[:n], b[:n]))
                st.introduced[a[:n]] = True
                m.log(a[:n], "introduced by network developer")
                self.ties_created += n
                m.flows["developer_ties"] += n
        # Activation: residents who start helping others (§6.3 multiplier).
        k = rng.poisson(p["developer_activations_per_week"] * self.build_up)
        if k:
            can = adult & (need <= Need.SOCIAL) & ~st.volunteer[members] & ~st.activated[members]
            who = members[weighted_pick(rng, can * (0.5 + st.helper_capacity[members]), k)]
            st.activated[who] = True
            st.volunteer[who] = True
            m.log(who, "activated by network developer")
            # Each newly active resident is matched with someone whose need goes unmet (buddy help).
            unmet = (need > 0) * (1.0 - st.informal_met[members]) * over_12
            buddy = members[weighted_pick(rng, unmet, len(who))]
            if len(buddy):
                m.pending_ties.append((who[: len(buddy)], buddy))
                self.ties_created += len(buddy)
                m.flows["developer_ties"] += len(buddy)
            self.residents_activated += len(who)
            m.flows["developer_activations"] += len(who)
        if self.weeks_in_area % CHECK_EVERY_WEEKS == 0:
            self.maybe_move_on()

    def maybe_move_on(self) -> None:
        """Move on when the area sustains itself and the build-up period is over (§6.5)."""
        m, p = self.model, self.model.p
        if self.weeks_in_area < p["developer_build_up_years"] * 52:
            return
        isolated = m.isolated_share_by_area()
        if isolated[self.area] > p["self_sustaining_isolated_share"]:
            return
        taken = {d.area for d in m.network_developers if d is not self}
        options = [a for a in np.argsort(-isolated) if a not in taken and a != self.area]
        if options and isolated[options[0]] > p["self_sustaining_isolated_share"]:
            self.area = int(options[0])
            self.weeks_in_area = 0
            self.areas_worked.append(self.area)
            m.flows["developer_moves"] += 1
