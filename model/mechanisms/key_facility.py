"""Mechanism 8 (DESIGN.md §4): the key facility ('sleutelvoorziening', §6.4).

One bundled, recognisable place near the centre of the neighbourhood. It reaches those who live
near and know it; the share who know it grows over the years (`known_share`). Within its reach it creates
meeting opportunities (new ties), lowers the help-seeking threshold (`help_seeking`), signals
hidden needs early, gives light help without a referral, and is a landing place that lowers relapse
(`return_relapse`).
"""

from __future__ import annotations

import numpy as np

from ...agents.key_facility import KeyFacility
from .. import transitions
from ..codes import PROVIDER_KEY_FACILITY, Need, Path, years_in_weeks
from ..interface import Neighbourhood
from ..sampling import weighted_pick
from .help_seeking import hidden_mask

#: Where the facility stands: the centre of the neighbourhood's unit square.
CENTRE = (0.5, 0.5)


def open_facility(model: Neighbourhood, x: float = CENTRE[0], y: float = CENTRE[1]) -> KeyFacility:
    """The facility at (x, y), near the `key_facility_reach` share of residents living nearest; its
    light-help places are sized for all of them."""
    st, p = model.st, model.p
    dist = np.hypot(st.x - x, st.y - y)
    reach = p["key_facility_reach"]
    radius = float(np.quantile(dist, reach)) if reach > 0 else -1.0
    light_slots = int(round(p["key_facility_light_slots"] * np.count_nonzero(dist <= radius) / 1000))
    facility = KeyFacility(model, x, y, radius, np.empty(0, dtype=np.int64), light_slots)
    update_reach(model, facility)
    return facility


def known_share(model: Neighbourhood, facility: KeyFacility) -> float:
    """Share of those living near who know the place: grows from the start share towards all."""
    p = model.p
    start = p["key_facility_known_share_start"]
    grown = 1.0 - np.exp(-facility.weeks_open / years_in_weeks(p["key_facility_reach_build_up_years"]))
    return float(start + (1.0 - start) * grown)


def update_reach(model: Neighbourhood, facility: KeyFacility) -> None:
    """Who is within reach now: living near, and knowing the place (each resident's awareness is a
    fixed draw, so the same people know it from week to week; newcomers draw theirs)."""
    st = model.st
    new = np.isnan(st.facility_awareness).nonzero()[0]
    if len(new):
        st.facility_awareness[new] = model.rng.random(len(new))
    near = np.hypot(st.x - facility.x, st.y - facility.y) <= facility.radius
    st.in_reach[:] = near & (st.facility_awareness < known_share(model, facility))
    facility.members = st.in_reach.nonzero()[0]


def meet_and_signal(model: Neighbourhood, facility: KeyFacility) -> None:
    """Meeting place: new ties among residents within reach, drawing in those with few ties. Early
    signalling: hidden needs within reach are noticed and offered help."""
    p, rng = model.p, model.rng
    if len(facility.members) < 2:
        return
    k = rng.poisson(p["key_facility_tie_rate"] * len(facility.members) / 1000)
    if k:
        deg = model.network.degree[facility.members]
        a = facility.members[weighted_pick(rng, 1.0 / (1.0 + deg), k)]
        b = facility.members[rng.integers(0, len(facility.members), len(a))]
        model.pending_ties.append((a, b))
        model.flows["facility_ties"] += len(a)
    hidden = facility.members[hidden_mask(model, facility.members)]
    noticed = hidden[rng.random(len(hidden)) < p["key_facility_signalling_rate"]]
    if len(noticed):
        facility.signalled += len(noticed)
        model.flows["signalled"] += len(noticed)
        transitions.join_generalist_queue(model, noticed, event="signalled at key facility")


def serve_light_needs(model: Neighbourhood, facility: KeyFacility) -> None:
    """Light help without referral: social-need requests within reach are served here first."""
    st = model.st
    used = int(((st.path == Path.LIGHT_HELP) & (st.provider == PROVIDER_KEY_FACILITY)).sum())
    free = facility.light_slots - used
    if free <= 0:
        return
    q = ((st.path == Path.WAITING_GENERALIST) & st.in_reach & (st.need == Need.SOCIAL)).nonzero()[0]
    take = q[np.argsort(st.queue_since[q], kind="stable")][:free]
    if len(take):
        st.return_need[take] = st.need[take]
        transitions.set_path(
            model,
            take,
            Path.LIGHT_HELP,
            end=model.week + int(model.p["light_help_weeks"]),
            provider=PROVIDER_KEY_FACILITY,
            event="light help at key facility",
        )
        facility.light_help_given += len(take)
        model.flows["light_help_started"] += len(take)


def key_facility(model: Neighbourhood) -> None:
    """The facility's week (nothing without one)."""
    facility = model.key_facility
    if facility is not None:
        facility.weeks_open += 1
        if facility.weeks_open % model.p["network_update_weeks"] == 0:
            update_reach(model, facility)
        meet_and_signal(model, facility)
        serve_light_needs(model, facility)
