"""Mechanism 7 (DESIGN.md §4): social network developers (§6.5, §5.2 'Even Buurten', §6.3).

A developer works one area without an individual caseload: introduces vulnerable residents
(isolated, or with a social need) to vital ones, and activates residents to help others. The effect
builds up slowly ('a few years' before mutual help takes off, §6.5): the weekly numbers scale with
1 - exp(-time in area / build-up time). When the area carries itself (few isolated residents) the
developer moves on to the area that needs it most. Activated residents stop helping again at
`activation_decay_rate`. The multiplier of §6.3 is an outcome: the informal hours that activated
residents and new ties carry.
"""

from __future__ import annotations

import numpy as np

from ...agents.network_developer import NetworkDeveloper
from .. import transitions
from ..codes import Need, weekly_share, years_in_weeks
from ..interface import Neighbourhood
from ..sampling import weighted_pick


def start(model: Neighbourhood) -> list[NetworkDeveloper]:
    """The developers at week 0, each in an area, the most isolated areas first."""
    isolated = model.isolated_share_by_area()
    ranked = list(np.argsort(-isolated))
    return [
        NetworkDeveloper(model, int(ranked[i % len(ranked)])) for i in range(model.p["network_developers"])
    ]


def build_up(model: Neighbourhood, developer: NetworkDeveloper) -> float:
    """How far the developer's work in the current area has built up (0 at arrival, towards 1)."""
    tau = years_in_weeks(model.p["developer_build_up_years"])
    return 1.0 - float(np.exp(-developer.weeks_in_area / tau))


def work_area(model: Neighbourhood, developer: NetworkDeveloper) -> None:
    """One week of a developer's work: introductions, activation, and perhaps moving on."""
    p, st, rng = model.p, model.st, model.rng
    developer.weeks_in_area += 1
    members = model.area_members[developer.area]
    adult, young_enough = model.area_age_masks(developer.area)
    degree = model.network.degree[members]
    need = st.need[members]
    built = build_up(model, developer)
    # Introductions: vulnerable (few ties or social need) to vital (no need, able to help).
    k = rng.poisson(p["developer_ties_per_week"] * built)
    if k:
        vulnerable = ((degree <= p["developer_vulnerable_max_ties"]) | (need == Need.SOCIAL)) & young_enough
        vital = (need == Need.NONE) & adult
        a = members[weighted_pick(rng, vulnerable / (1.0 + degree), k)]
        b = members[weighted_pick(rng, vital * (1.0 + st.helper_capacity[members]), len(a))]
        n = min(len(a), len(b))
        if n:
            model.pending_ties.append((a[:n], b[:n]))
            st.introduced[a[:n]] = True
            transitions.log(model, a[:n], "introduced by network developer")
            developer.ties_created += n
            model.flows["developer_ties"] += n
    # Activation: residents who start helping others (§6.3 multiplier).
    k = rng.poisson(p["developer_activations_per_week"] * built)
    if k:
        can = adult & (need <= Need.SOCIAL) & ~st.volunteer[members] & ~st.activated[members]
        who = members[weighted_pick(rng, can * (0.5 + st.helper_capacity[members]), k)]
        st.activated[who] = True
        st.volunteer[who] = True
        transitions.log(model, who, "activated by network developer")
        # Each newly active resident is matched with someone whose need goes unmet (buddy help).
        unmet = (need > 0) * (1.0 - st.informal_met[members]) * young_enough
        buddy = members[weighted_pick(rng, unmet, len(who))]
        if len(buddy):
            model.pending_ties.append((who[: len(buddy)], buddy))
            developer.ties_created += len(buddy)
            model.flows["developer_ties"] += len(buddy)
        developer.residents_activated += len(who)
        model.flows["developer_activations"] += len(who)
    if developer.weeks_in_area % p["developer_check_weeks"] == 0:
        maybe_move_on(model, developer)


def maybe_move_on(model: Neighbourhood, developer: NetworkDeveloper) -> None:
    """Move on when the area sustains itself and the build-up period is over (§6.5)."""
    p = model.p
    if developer.weeks_in_area < years_in_weeks(p["developer_build_up_years"]):
        return
    isolated = model.isolated_share_by_area()
    if isolated[developer.area] > p["self_sustaining_isolated_share"]:
        return
    taken = {d.area for d in model.network_developers if d is not developer}
    options = [a for a in np.argsort(-isolated) if a not in taken and a != developer.area]
    if options and isolated[options[0]] > p["self_sustaining_isolated_share"]:
        developer.area = int(options[0])
        developer.weeks_in_area = 0
        developer.areas_worked.append(developer.area)
        model.flows["developer_moves"] += 1


def activation_decay(model: Neighbourhood) -> None:
    """Activated residents stop helping again at `activation_decay_rate`."""
    act = model.st.activated.nonzero()[0]
    if len(act):
        stop = act[model.rng.random(len(act)) < weekly_share(model.p["activation_decay_rate"])]
        model.st.activated[stop] = False
        model.st.volunteer[stop] = False


def network_developers(model: Neighbourhood) -> None:
    """Every developer's week, then the decay of activation."""
    for developer in model.network_developers:
        work_area(model, developer)
    activation_decay(model)
