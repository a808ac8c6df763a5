"""Mechanism 3 (DESIGN.md §4): help seeking, hidden need and crises.

Residents outside formal care seek help when their unmet severity passes a personal threshold
('vraagverlegenheid', §5.5; 'vraag- en aanbodverlegenheid', §6.1). The threshold is lower within
reach of a key facility (§6.4), after a network developer's introduction, and for the young (youth
and family centres and schools signal, §6.1). Needs below the threshold stay hidden; complex needs
that stay hidden surface as a crisis (Capita selecta, 'Typologie van wijken en dorpen') and go
straight to specialist care. Some residents with an individual or complex need go to their GP
first, who refers them to specialist care, or to the neighbourhood team once the GP has come to
trust it (`update_gp_trust`: the team's record, built up by the flex team's coaching).
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import OUTSIDE_PATHS, Need, Path, path_table, years_in_weeks
from ..interface import Neighbourhood
from .specialist_care import held_back

OUTSIDE = path_table(*OUTSIDE_PATHS)
IN_SPECIALIST = path_table(Path.WAITING_SPECIALIST, Path.SPECIALIST_CARE, Path.FLEX_CARE)


def informal_softening(p: dict) -> np.ndarray:
    """How far met informal support lowers the unmet severity, by need kind (none, social,
    individual, complex): largely for social needs, partly for individual needs, not for complex
    ones (§5.5)."""
    return np.array(
        [0.0, p["informal_softening_social"], p["informal_softening_individual"], 0.0], dtype=np.float32
    )


def threshold_reduction(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    """How much lower residents idx's help-seeking threshold is (introduction, youth, key facility)."""
    st, p = model.st, model.p
    # Flag x reduction: the reductions are >= 0, so this is np.where(flag, reduction, 0.0) without
    # its branch per resident.
    r = st.introduced[idx] * p["introduction_threshold_reduction"]
    r += model.youth_under_18[idx] * p["youth_threshold_reduction"]
    if model.key_facility is not None:
        r += st.in_reach[idx] * p["key_facility_threshold_reduction"]
    return r


def effective_threshold(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    """Help-seeking threshold of residents idx, lowered by the key facility, an introduction, youth."""
    t = model.st.threshold[idx] - threshold_reduction(model, idx)
    return np.maximum(t, model.p["min_help_seeking_threshold"])


def unmet_severity(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    st = model.st
    return st.severity[idx] * (1.0 - informal_softening(model.p)[st.need[idx]] * st.informal_met[idx])


def hidden_mask(model: Neighbourhood, idx: np.ndarray | None = None) -> np.ndarray:
    """Of residents idx (default: all), those with unserved need that formal support does not know
    of (the definition in docs/ODD.md)."""
    st = model.st
    if idx is None:
        idx = np.arange(st.n)
    need, path = st.need[idx], st.path[idx]
    outside = (path == Path.NONE) | (path == Path.INFORMAL_ONLY)
    serious = need >= Need.INDIVIDUAL
    social = outside & (need == Need.SOCIAL)
    serious[social] = unmet_severity(model, idx[social]) > model.p["hidden_need_severity"]
    return outside & serious


def hidden_count(model: Neighbourhood, needy: np.ndarray | None = None) -> int:
    """Residents with hidden need; `needy` (residents with a need) if the caller has them already."""
    idx = (model.st.need != Need.NONE).nonzero()[0] if needy is None else needy
    return int(np.count_nonzero(hidden_mask(model, idx)))


def help_seeking(model: Neighbourhood) -> None:
    st, p, rng = model.st, model.p, model.rng
    # Crises first: a complex need at crisis severity outside specialist care, or waiting for it.
    cx = (st.need == Need.COMPLEX).nonzero()[0]
    at_crisis = cx[st.severity[cx] >= p["crisis_severity"]]
    crisis = at_crisis[~IN_SPECIALIST[st.path[at_crisis]]]
    if len(crisis):
        model.flows["crises"] += len(crisis)
        transitions.refer_to_specialist(model, crisis, crisis=True)
    while_waiting = at_crisis[(st.path[at_crisis] == Path.WAITING_SPECIALIST) & ~st.crisis[at_crisis]]
    if len(while_waiting):  # crisis care now, and first in the queue
        st.crisis[while_waiting] = True
        model.flows["crises"] += len(while_waiting)
        model.flows["crises_while_waiting"] += len(while_waiting)
        transitions.log(model, while_waiting, "crisis while waiting")
    idx = (st.need != Need.NONE).nonzero()[0]
    path = st.path[idx]
    ready = OUTSIDE[path] & ((path != Path.NONE) | (model.week - st.path_since[idx] >= p["help_retry_weeks"]))
    cand = idx[ready]
    seekers = cand[unmet_severity(model, cand) > effective_threshold(model, cand)]
    if len(seekers) == 0:
        return
    # Some individual needs are met by privately bought help instead (§Capita selecta: affluent).
    solves = (st.need[seekers] == Need.INDIVIDUAL) & (rng.random(len(seekers)) < p["private_solution_share"])
    if solves.any():
        private = seekers[solves]
        model.dsev[private] -= p["private_solution_relief"]
        model.flows["private_solutions"] += len(private)
        seekers = seekers[~solves]
    model.flows["help_requests"] += len(seekers)
    seekers = gp_first(model, seekers)
    transitions.join_generalist_queue(model, seekers)


def gp_first(model: Neighbourhood, seekers: np.ndarray) -> np.ndarray:
    """Some residents with an individual or complex need go to their GP first, who refers them
    straight to specialist care (a third of youth-care trajectories, CBS 2024) as in a wijk without
    a team, unless the GP has come to trust the team (`model.gp_trust`) and sends them there.
    Returns the residents who join the team's queue."""
    st, p = model.st, model.p
    share = p["gp_first_contact_share"]
    if share <= 0 or model.generalist_fte <= 0:  # without a team the GP route is triage's
        return seekers
    serious = (st.need[seekers] >= Need.INDIVIDUAL).nonzero()[0]
    to_gp = serious[model.rng.random(len(serious)) < share]
    if len(to_gp) == 0:
        return seekers
    routed = model.gp_trust * p["gp_team_routing_share"]
    if routed > 0:  # a GP who trusts the team sends some of them there instead (seed 003)
        to_team = model.rng.random(len(to_gp)) < routed
        model.flows["gp_to_team"] += int(np.count_nonzero(to_team))
        to_gp = to_gp[~to_team]
    model.flows["referral_candidates"] += len(to_gp)
    to_gp = to_gp[~held_back(model, seekers[to_gp])]  # a long wait: the GP sends them to the team
    if len(to_gp) == 0:
        return seekers
    referred = seekers[to_gp]
    model.flows["gp_referrals"] += len(referred)
    model.flows["youth_gp_referrals"] += int(np.count_nonzero(model.youth_care_age[referred]))
    transitions.refer_to_specialist(model, referred)
    return np.delete(seekers, to_gp)


def update_gp_trust(model: Neighbourhood) -> None:
    """The GP's trust in the team follows its record (the share of the way from the starting skill
    to full skill it has come), with the team's presence, over `gp_trust_build_up_years`. Trust grows
    in a gradual process, as in Enschede, not where a team is introduced 'plompverloren' (seed 003)."""
    p = model.p
    start = p["initial_generalist_skill"]
    record = max(0.0, model.team_skill() - start) / max(1.0 - start, 1e-9) if model.generalists else 0.0
    target = record * min(1.0, p["neighbourhood_team_factor"])
    if target or model.gp_trust:
        model.gp_trust += (target - model.gp_trust) / years_in_weeks(p["gp_trust_build_up_years"])
