"""Mechanism 7 (DESIGN.md §4): social network developers (§6.5, §5.2 'Even Buurten', §6.3).

A developer works one area without an individual caseload: introduces vulnerable residents
(isolated, or with a social need) to vital ones, and asks residents to help others. What a developer
can do is bounded, as the book insists ('het kan, maar niet altijd, en vaak met mate', §6.2):
- a reach per FTE: the residents contacted a week scale with the developer's working time, so a
  dose means the same per 10,000 residents in a small and a large wijk;
- the effect builds up slowly ('a few years' before mutual help takes off, §6.5): contacts scale
  with 1 - exp(-time in area / build-up time);
- finite willing pools that depend on the local society (the micro-analyses of seed 003: a village
  with half-public networks to build on, or an anonymous neighbourhood of fragmented relations).
  Whoever declines is not asked again; once the willing are connected or active, the work saturates;
- introductions can fail, and the ties made fade once nobody keeps them going (`network.py`);
- activation stops as an area's volunteer share nears `volunteer_ceiling_share`, and activated
  residents stop again at `activation_decay_rate`;
- when the area carries itself (few isolated residents) the developer moves on to the area that
  needs it most.
The multiplier of §6.3 is an outcome: the hours activated residents give per developer hour
(`citizen_hours_per_professional_hour`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...agents.network_developer import NetworkDeveloper
from .. import transitions
from ..codes import Need, chance_within, posts, weekly_share, years_in_weeks
from ..interface import Neighbourhood
from ..sampling import weighted_pick

#: The cohesion the willing shares are given at: mean_neighbourhood_ties 4, half_public_networks 0.5.
REFERENCE_TIES = 4.0


def start(model: Neighbourhood) -> list[NetworkDeveloper]:
    """The developers at week 0, each in an area, the most isolated areas first."""
    isolated = model.isolated_share_by_area()
    ranked = list(np.argsort(-isolated))
    return [
        NetworkDeveloper(model, int(ranked[i % len(ranked)]), fte)
        for i, fte in enumerate(posts(model.p["network_developers"]))
    ]


def build_up(model: Neighbourhood, developer: NetworkDeveloper) -> float:
    """How far the developer's work in the current area has built up (0 at arrival, towards 1)."""
    tau = years_in_weeks(model.p["developer_build_up_years"])
    return 1.0 - float(np.exp(-developer.weeks_in_area / tau))


def cohesion(p: dict) -> float:
    """How much there is to build on, relative to the reference wijk (1): local ties and
    half-public networks (associations, school gate, village house)."""
    ties = p["mean_neighbourhood_ties"] / REFERENCE_TIES
    return (ties * (0.5 + p["half_public_networks"])) ** p["willingness_cohesion_elasticity"]


def willing_chance(p: dict, share_name: str) -> float:
    return min(p["willing_share_max"], p[share_name] * cohesion(p))


def openness(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    """Each resident's openness (uniform), drawn the first time a developer asks and kept: the
    willing pools are fixed sets, not a fresh chance at every visit."""
    st = model.st
    new = idx[np.isnan(st.openness[idx])]
    if len(new):
        st.openness[new] = model.rng.random(len(new))
    return st.openness[idx]


def not_declined(model: Neighbourhood, idx: np.ndarray, chance: float) -> np.ndarray:
    """False for residents who have declined before (asked, and not open enough)."""
    o = model.st.openness[idx]
    return np.isnan(o) | (o < chance)


def introduction_success(p: dict) -> float:
    """Chance that an introduction of two willing residents becomes a tie: higher where there are
    half-public networks to build on."""
    slope = p["introduction_success_networks_slope"]
    share = p["introduction_success_share"] + slope * (p["half_public_networks"] - 0.5)
    return float(min(1.0, max(0.0, share)))


def introduce(model: Neighbourhood, team: Team, members: np.ndarray, effort: float) -> None:
    """Introductions of vulnerable residents (few ties or a social need; the fewer ties the likelier,
    by the square, since a developer seeks out the isolated first) to vital ones (no need, able to
    help). A contact who is not willing declines; a willing pair clicks with
    `introduction_success`."""
    p, st, rng = model.p, model.st, model.rng
    k = rng.poisson(p["developer_ties_per_week"] * effort)
    if not k:
        return
    adult, young_enough = model.area_age_masks(team.area)
    degree = model.network.degree[members]
    need = st.need[members]
    connect = willing_chance(p, "willing_to_connect_share")
    vulnerable = (degree <= p["developer_vulnerable_max_ties"]) | (need == Need.SOCIAL)
    vulnerable &= young_enough & not_declined(model, members, connect)
    a = members[weighted_pick(rng, vulnerable / (1.0 + degree) ** 2, k)]
    team.contacts += len(a)
    a = a[openness(model, a) < connect]
    vital = (need == Need.NONE) & adult & not_declined(model, members, p["willing_share_max"])
    b = members[weighted_pick(rng, vital * (1.0 + st.helper_capacity[members]), len(a))]
    b = b[openness(model, b) < p["willing_share_max"]]  # the vital resident must want to meet too
    n = min(len(a), len(b))
    clicks = rng.random(n) < introduction_success(p)
    a, b = a[:n][clicks], b[:n][clicks]
    model.flows["developer_introductions_failed"] += n - len(a)
    if len(a):
        model.pending_developer_ties.append((a, b))
        st.introduced[a] = True
        transitions.log(model, a, "introduced by network developer")
        team.ties_created += len(a)
        model.flows["developer_ties"] += len(a)


def activate(model: Neighbourhood, team: Team, members: np.ndarray, effort: float) -> None:
    """Residents asked to help others: the willing say yes while the area's volunteer share is below
    its ceiling; each is matched with someone whose need goes unmet (buddy help)."""
    p, st, rng = model.p, model.st, model.rng
    k = rng.poisson(p["developer_activations_per_week"] * effort)
    if not k:
        return
    adult, young_enough = model.area_age_masks(team.area)
    need = st.need[members]
    help_chance = willing_chance(p, "willing_to_help_share")
    can = adult & (need <= Need.SOCIAL) & ~st.volunteer[members] & ~st.activated[members]
    can &= not_declined(model, members, help_chance)
    who = members[weighted_pick(rng, can * (0.5 + st.helper_capacity[members]), k)]
    team.contacts += len(who)
    volunteers = np.count_nonzero(st.volunteer[members] & adult) / max(int(np.count_nonzero(adult)), 1)
    room = min(1.0, max(0.0, (p["volunteer_ceiling_share"] - volunteers) / p["volunteer_ceiling_margin"]))
    willing = openness(model, who) < help_chance
    who = who[willing & (rng.random(len(who)) < room)]
    if len(who) == 0:
        return
    st.activated[who] = True
    st.volunteer[who] = True
    transitions.log(model, who, "activated by network developer")
    connect = willing_chance(p, "willing_to_connect_share")
    unmet = (
        (need > 0) * (1.0 - st.informal_met[members]) * young_enough * not_declined(model, members, connect)
    )
    buddy = members[weighted_pick(rng, unmet, len(who))]
    buddy = buddy[openness(model, buddy) < connect]  # who is helped must want it
    if len(buddy):
        model.pending_developer_ties.append((who[: len(buddy)], buddy))
        team.ties_created += len(buddy)
        model.flows["developer_ties"] += len(buddy)
    team.residents_activated += len(who)
    model.flows["developer_activations"] += len(who)


@dataclass
class Team:
    """What the developers working one area did this week, credited to them by their effort."""

    area: int
    contacts: int = 0
    ties_created: int = 0
    residents_activated: int = 0

    def credit(self, developers: list[NetworkDeveloper], efforts: list[float]) -> None:
        """Whole counts in proportion to effort (largest remainders), so the developers' totals add
        up to the team's. Plain Python: a team is one to a few developers, every week."""
        total = sum(efforts)
        for name in ("contacts", "ties_created", "residents_activated"):
            n = getattr(self, name)
            if n == 0:
                continue
            exact = [e * (n / total) for e in efforts] if total > 0 else [n / len(efforts)] * len(efforts)
            whole = [math.floor(x) for x in exact]
            largest_rest = sorted(range(len(exact)), key=lambda i: whole[i] - exact[i])  # stable
            for i in largest_rest[: n - sum(whole)]:
                whole[i] += 1
            for developer, k in zip(developers, whole, strict=True):
                setattr(developer, name, getattr(developer, name) + k)


def work_area(model: Neighbourhood, area: int, developers: list[NetworkDeveloper]) -> None:
    """One week of the developers working one area, as one team (several developers share an area):
    introductions and activation with their summed effort, then perhaps moving on, each on their own."""
    efforts = []
    for developer in developers:
        developer.weeks_in_area += 1
        efforts.append(build_up(model, developer) * developer.fte)
        model.flows["developer_hours"] += developer.fte * model.p["developer_hours_per_fte_week"]
    members = model.area_members[area]
    team = Team(area)
    introduce(model, team, members, sum(efforts))
    activate(model, team, members, sum(efforts))
    team.credit(developers, efforts)
    for developer in developers:
        if developer.weeks_in_area % model.p["developer_check_weeks"] == 0:
            maybe_move_on(model, developer)


def maybe_move_on(model: Neighbourhood, developer: NetworkDeveloper) -> None:
    """Move on when the area carries itself and the build-up period is over (§6.5): few isolated
    residents are left who have not declined, so what a developer can do there is done."""
    p = model.p
    if developer.weeks_in_area < years_in_weeks(p["developer_build_up_years"]):
        return
    members = model.area_members[developer.area]
    connect = willing_chance(p, "willing_to_connect_share")
    left = (model.network.degree[members] == 0) & not_declined(model, members, connect)
    if np.count_nonzero(left) > p["self_sustaining_isolated_share"] * max(len(members), 1):
        return
    isolated = model.isolated_share_by_area()
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


def fade_ties(model: Neighbourhood) -> None:
    """At each network update: developers' ties lapse at the ordinary rate where a developer still
    works, and at `introduced_tie_fade_rate` where none does any more."""
    p = model.p
    maintained = np.zeros(model.st.n, dtype=bool)
    for developer in model.network_developers:
        maintained[model.area_members[developer.area]] = True
    weeks = p["network_update_weeks"]
    model.network.fade_lever_ties(
        model.rng,
        maintained,
        chance_within(p["tie_decay_rate"], weeks),
        chance_within(p["introduced_tie_fade_rate"], weeks),
    )


def network_developers(model: Neighbourhood) -> None:
    """Every area's week of work (its developers as one team), then the decay of activation."""
    teams: dict[int, list[NetworkDeveloper]] = {}
    for developer in model.network_developers:
        teams.setdefault(developer.area, []).append(developer)
    for area, developers in teams.items():
        work_area(model, area, developers)
    activation_decay(model)
