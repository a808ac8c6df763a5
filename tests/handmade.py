"""Small neighbourhoods made by hand, for testing one mechanism at a time.

`handmade(n, ...)` builds a real model of n residents without warm-up, then clears it: every
resident aged `age`, no need, no path, no ties but the given ones, nobody volunteering, a team with
`team_slots` case slots and `specialist_slots` specialist places, and a region of just this wijk.
Each resident lives in a household of their own, without kin outside the wijk, with the mean floor
for a lasting need.
A test then sets the few columns its mechanism reads and calls the mechanism once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from wijksim.model.codes import LONG_AGO, PROVIDER_NONE, Path
from wijksim.model.neighbourhood import NeighbourhoodModel
from wijksim.model.region import Region


def handmade(
    n: int = 10,
    *,
    age: float | Iterable[float] = 40.0,
    ties: Iterable[tuple[int, int]] = (),
    team_slots: float = 10.0,
    specialist_slots: int = 2,
    week: int = 10,
    seed: int = 1,
    **params,
) -> NeighbourhoodModel:
    m = NeighbourhoodModel(rng=seed, years=1, residents=n, burn_in_weeks=0, record_history=True, **params)
    st = m.st
    st.age[:] = np.broadcast_to(np.asarray(age, dtype=np.float32), (n,))
    st.social_housing[:] = False
    st.born_abroad[:] = False
    st.lives_alone[:] = False
    st.need[:] = 0
    st.severity[:] = 0.0
    st.threshold[:] = 0.4
    st.loneliness_propensity[:] = 0.0
    st.helper_capacity[:] = 0.0
    st.volunteer[:] = False
    st.activated[:] = False
    st.introduced[:] = False
    st.in_reach[:] = False
    st.openness[:] = np.nan
    st.facility_awareness[:] = np.nan
    st.overload_weeks[:] = 0
    st.burnout_until[:] = LONG_AGO
    st.care_given_avg[:] = 0.0
    st.informal_met[:] = 0.0
    st.path[:] = Path.NONE
    st.path_since[:] = LONG_AGO
    st.path_end[:] = LONG_AGO
    st.queue_since[:] = LONG_AGO
    st.provider[:] = PROVIDER_NONE
    st.specialist_domain[:] = -1
    st.slots[:] = 0.0
    st.crisis[:] = False
    st.return_need[:] = 0
    st.lonely[:] = False
    st.companionship_met[:] = 0.0
    st.household[:] = np.arange(n, dtype=st.household.dtype)
    st.parent_age[:] = np.nan
    st.parent_need[:] = False
    st.kin_carer[:] = False
    st.children_outside[:] = False
    st.wmo_light[:] = False
    st.wmo_light_h1[:] = False
    st.lasting_floor[:] = m.p["lasting_need_floor_severity"]
    m.derive_from_ages()
    set_ties(m, ties)
    for g in m.generalists:
        g.capacity = team_slots / max(len(m.generalists), 1)
    m._capacity = None
    for s in m.specialists:
        s.slots = 0
    m.specialists[1].slots = specialist_slots
    m.specialist_slots = specialist_slots
    m.region = Region(others=0, frozen=True)  # no rest of the region unless a test adds one
    m.dsev[:] = 0.0
    m.flows = defaultdict(float)
    m.pending_ties = []
    m._week = week
    return m


def set_ties(m: NeighbourhoodModel, ties: Iterable[tuple[int, int]]) -> None:
    """Replace every tie (household ones too) by the given pairs."""
    pairs = np.array(list(ties), dtype=np.int32).reshape(-1, 2)
    m.network.u, m.network.v = pairs[:, 0].copy(), pairs[:, 1].copy()
    m.network.hh_u = m.network.hh_v = np.empty(0, dtype=np.int32)
    m.network.baseline_ties = 0
    m.network._adj = None


def events_of(m: NeighbourhoodModel, i: int) -> list[str]:
    return [e["event"] for e in m.events.of(i)]
