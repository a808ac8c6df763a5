"""Mechanism 9 (DESIGN.md §4): the specialist flex team (§6.5).

Specialists deployed locally give short, intensive matched care early, so fewer long trajectories
start. Their intake (`intake`): first waiting cases they can take, then the case-management
clients whose individual need has risen to `flex_intake_severity`, the most severe first, before
they would be referred. They work briefly (`flex_weeks`) and hand clients back to the team
(`care.end_episodes`). They coach generalists, whose skill rises and levels off where coaching and
turnover balance, and as the team's record grows the GP trusts it and sends more requests there
(`help_seeking.update_gp_trust`, `help_seeking.gp_first`; the book's 'plompverloren' passage, seed 003).
"""

from __future__ import annotations

import numpy as np

from ...agents.flex_team import FlexTeamMember
from .. import transitions
from ..codes import Need, Path, posts, weekly_share
from ..interface import Neighbourhood


def start(model: Neighbourhood) -> list[FlexTeamMember]:
    """The team's members, made at week 0 (the lever starts after the warm-up)."""
    return [FlexTeamMember(model, fte) for fte in posts(model.p["flex_team"])]


def free_places(model: Neighbourhood) -> int:
    if not model.flex_team:
        return 0
    held = int((model.st.path == Path.FLEX_CARE).sum())
    return int(model.flex_fte * model.p["flex_caseload"]) - held


def suitable(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    """Matched care early: individual needs not yet past `flex_max_severity`; complex needs and
    crises go to regional specialists."""
    st = model.st
    return (st.need[idx] == Need.INDIVIDUAL) & (st.severity[idx] <= model.p["flex_max_severity"])


def admit(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    """Take as many suitable cases of idx as there is room for; return those not taken."""
    room = max(0, free_places(model))
    ok = suitable(model, idx)
    take = idx[ok][:room]
    rest = np.concatenate([idx[~ok], idx[ok][room:]])
    if len(take):
        transitions.release(model, take)
        transitions.set_path(
            model, take, Path.FLEX_CARE, end=model.week + int(model.p["flex_weeks"]), provider=-1
        )
        model.flows["flex_admitted"] += len(take)
        members = list(model.flex_team)
        for i, _ in enumerate(take):
            members[i % len(members)].cases_taken += 1
    return rest


def refer_onwards(model: Neighbourhood, idx: np.ndarray) -> None:
    """Severe cases go to the flex team while it has room, else to regional specialists."""
    if len(idx) == 0:
        return
    rest = admit(model, idx) if model.flex_team else idx
    transitions.refer_to_specialist(model, rest)


def take_waiting(model: Neighbourhood) -> None:
    """Matched care early: take non-crisis cases from the specialist waiting list."""
    if not model.flex_team or free_places(model) <= 0:
        return
    st = model.st
    q = ((st.path == Path.WAITING_SPECIALIST) & ~st.crisis).nonzero()[0]
    q = q[np.argsort(st.queue_since[q], kind="stable")]
    admit(model, q)


def take_early(model: Neighbourhood) -> None:
    """Before referral: case-management clients whose individual need has risen to
    `flex_intake_severity`, the most severe first."""
    if not model.flex_team or free_places(model) <= 0:
        return
    st = model.st
    cm = ((st.path == Path.CASE_MANAGEMENT) & (st.need == Need.INDIVIDUAL)).nonzero()[0]
    early = cm[st.severity[cm] >= model.p["flex_intake_severity"]]
    if len(early):
        early = early[np.argsort(-st.severity[early], kind="stable")]
        not_taken = admit(model, early)
        model.flows["flex_admitted_early"] += len(early) - len(not_taken)


def intake(model: Neighbourhood) -> None:
    """The week's intake: waiting cases first, then early ones."""
    take_waiting(model)
    take_early(model)


def coach(model: Neighbourhood) -> None:
    """Coaching raises every generalist's skill; without it skill drifts back to the baseline."""
    p = model.p
    fte = max(model.generalist_fte, 1e-9)
    size = p["flex_coaching_team_size"]
    gain = weekly_share(p["flex_coaching_gain"]) * model.flex_fte * size / max(fte, size)
    for g in model.generalists:
        g.lose_skill(weekly_share(p["skill_decay_rate"]), p["initial_generalist_skill"])
        if gain > 0:
            g.receive_coaching(min(gain, 1.0))
