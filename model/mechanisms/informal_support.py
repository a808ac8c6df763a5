"""Mechanism 2 (DESIGN.md §4): informal support flows along ties from residents with spare hours
to unmet need.

Need hours are the support a need asks for (by kind, times severity) plus companionship for lonely
adults (§5.2: a fitting social context), which eases loneliness.

A helper spreads their hours over needy contacts in proportion to need (NUMBERS.md: social-care ABMs
allocate informal care from suppliers with spare hours to receivers with unmet need along ties);
what a receiver cannot use is returned. Support lowers severity strongly for social needs, weakly
for individual needs and not at all for complex crises (§5.5 'citizen power within its limits').
Helping lowers the helper's own social need (§5.2); overloaded helpers burn out and withdraw.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import Need, Path
from ..interface import Neighbourhood
from ..network import spread
from . import kin

#: The smallest positive float32: the divisor where the whole is 0.
_TINY = np.float32(np.finfo(np.float32).smallest_subnormal)


def share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """part / whole, and 0 where whole is 0 (no need, no helpers around: nothing flows).

    The same bits as `part / np.where(whole > 0, whole, np.inf)` for any finite part, 5x faster (that
    `where` branches per resident): a part without a positive whole becomes a zero (its sign kept, as
    x / inf keeps it), and the wholes are float32 hours, every positive one at least _TINY, so only
    the divisors of the zero wholes change."""
    return (part * (whole > 0)) / np.maximum(whole, _TINY)


def own_need_capacity(p: dict) -> np.ndarray:
    """Share of their helping hours residents give, by own need kind (none, social, individual,
    complex): all without a need, part with a social need, none with a heavier one."""
    return np.array([1.0, p["helping_share_with_social_need"], 0.0, 0.0], dtype=np.float32)


def helper_hours(model: Neighbourhood, to_parents: np.ndarray | None = None) -> np.ndarray:
    """Hours each resident can give neighbours this week (less what a frail parent outside takes)."""
    st, p = model.st, model.p
    if to_parents is None:
        to_parents = kin.hours_to_parents(model)
    hours = st.helper_capacity + (st.volunteer | st.activated) * np.float32(p["informal_hours_per_helper"])
    hours *= own_need_capacity(p)[st.need]
    hours *= st.burnout_until <= model.week
    return np.maximum(hours - to_parents, 0.0)


def allocate(model: Neighbourhood) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hours (received by each resident, given by each resident), each resident's need hours, and
    the part of the hours given that is care as CBS counts informal carers (mantelzorg: care for
    kin or a partner with health problems, NUMBERS.md).

    Help goes to the household first (partners care for each other, Gostoli & Silverman 2020),
    then what is left flows along ties. Care is help with the individual or complex need of an
    adult at home (a partner, a parent) or of a frail parent outside the wijk; company, help with a
    social need, help to neighbours and parents' help to their own child (youth care beside it) are
    informal help but not care. Kin outside the wijk count on both sides: a child outside helps a
    resident (received), a resident helps a frail parent outside (given; `mechanisms/kin.py`)."""
    st, p = model.st, model.p
    hours_per_kind = np.array(
        [0.0, p["need_hours_social"], p["need_hours_individual"], p["need_hours_individual"]],
        dtype=np.float32,
    )
    demand = hours_per_kind[st.need] * st.severity
    demand *= 1.0 - np.float32(p["wmo_light_hours_share"]) * st.wmo_light  # household help, aids
    care = demand * ((st.need >= Need.INDIVIDUAL) & model.adults)  # a child's need: parenting, youth care
    demand += np.float32(p["companionship_hours"]) * st.lonely
    to_parents = kin.hours_to_parents(model)
    supply = helper_hours(model, to_parents)
    home, home_by, care_by = _at_home(st.household, demand, care, supply)
    rest = demand - home
    got, given_by = _along_ties(model.network.adjacency, rest, supply - home_by)
    given_to = np.minimum(home + got + kin.hours_from_children(model), demand)
    return given_to, home_by + given_by + to_parents, demand, care_by + to_parents


def _household_sum(household: np.ndarray, x: np.ndarray, size: int) -> np.ndarray:
    """For each resident, the sum of x over the others in their household (`household` as intp,
    numbered below `size`)."""
    others = np.bincount(household, weights=x, minlength=size)[household]
    others -= x
    return np.maximum(others, 0.0, out=others).astype(np.float32)


def _at_home(
    household: np.ndarray, demand: np.ndarray, care: np.ndarray, supply: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Help within households: each helper spreads their hours over the need of the others at home
    in proportion to it. Returns hours received, hours given and hours of care given."""
    household = household.astype(np.intp)  # what bincount and indexing take: cast once, not 8 times
    size = int(household.max()) + 1
    need_home = _household_sum(household, demand, size)
    rate = share(np.minimum(supply, need_home), need_home)
    received = demand * _household_sum(household, rate, size)
    got = np.minimum(received, demand)
    fill = share(got, received)
    given = rate * _household_sum(household, demand * fill, size)
    return got, given, rate * _household_sum(household, care * fill, size)


def _along_ties(a, demand: np.ndarray, supply: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Help along ties: each helper spreads their hours over their contacts' need in proportion to
    it; what a receiver cannot use is returned. Returns hours received and hours given."""
    around = spread(a, demand)  # need around each helper
    rate = share(np.minimum(supply, around), around)
    received = demand * spread(a, rate)
    got = np.minimum(received, demand)
    fill = share(got, received)
    return got, rate * spread(a, demand * fill)


def informal_support(model: Neighbourhood) -> None:
    st, p = model.st, model.p
    given_to, given_by, demand, care_by = allocate(model)
    met = share(given_to, demand)
    st.informal_met[:] = met
    # Company eases loneliness as a memory of the weeks before, not one week's visit: without it a
    # resident whose company this week made them not lonely asks none next week and flips back.
    st.companionship_met += np.float32(1.0 / p["companionship_memory_weeks"]) * (
        met * st.lonely - st.companionship_met
    )
    effect = np.array(
        [0.0, p["informal_effect_social"], p["informal_effect_individual"], 0.0], dtype=np.float32
    )
    model.dsev -= effect[st.need] * met
    # Helping others lowers one's own social need (§5.2).
    model.dsev -= (st.need == Need.SOCIAL) * np.float32(p["helping_relief"]) * given_by
    # Carers: moving average of the hours of care given; overload (of all help) and burnout.
    st.care_given_avg += (care_by - st.care_given_avg) / p["carer_average_weeks"]
    st.overload_weeks += 1
    st.overload_weeks *= given_by > p["carer_overload_hours"]
    burnt = (st.overload_weeks >= p["carer_burnout_weeks"]).nonzero()[0]
    if len(burnt):
        st.burnout_until[burnt] = model.week + int(p["carer_recovery_weeks"])
        st.overload_weeks[burnt] = 0
        fresh = burnt[st.need[burnt] == Need.NONE]
        transitions.start_need(model, fresh, Need.SOCIAL, p["life_event_severity"])
        model.flows["carer_burnouts"] += len(burnt)
    # The informal-only path: outside formal care, need, and noticeable informal support.
    outside = (st.path == Path.NONE) | (st.path == Path.INFORMAL_ONLY)
    now_informal = outside & (st.need > 0) & (met > p["informal_path_min_met"])
    flip_on = (now_informal & (st.path == Path.NONE)).nonzero()[0]
    flip_off = (outside & ~now_informal & (st.path == Path.INFORMAL_ONLY)).nonzero()[0]
    transitions.set_path(model, flip_on, Path.INFORMAL_ONLY)
    transitions.set_path(model, flip_off, Path.NONE)
    model.flows["informal_hours"] += float(given_to.sum())
    if model.network_developers or st.activated.any():
        model.flows["activated_hours"] += float(given_by[st.activated].sum())
    model.flows["need_hours"] += float(demand.sum())
