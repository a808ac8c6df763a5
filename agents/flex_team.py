"""Mechanism 9: the specialist flex team (§6.5).

Specialists deployed locally give short, intensive matched care early (so fewer long trajectories
start), take waiting cases early, hand clients back to local support fast, and coach generalists so
their skill rises and they can handle more complex cases themselves.
"""

from __future__ import annotations

import mesa
import numpy as np

from ..model.state import Need, Path


class FlexTeamMember(mesa.Agent):
    def __init__(self, model: mesa.Model):
        super().__init__(model)
        self.cases_taken = 0


def free_places(model) -> int:
    members = len(model.flex_team)
    if members == 0:
        return 0
    held = int((model.st.path == Path.FLEX_CARE).sum())
    return int(members * model.p["flex_caseload"]) - held


def suitable(model, idx: np.ndarray) -> np.ndarray:
    """Matched care early: individual needs not yet past `flex_max_severity`; complex needs and
    crises go to regional specialists."""
    st = model.st
    return (st.need[idx] == Need.INDIVIDUAL) & (st.severity[idx] <= model.p["flex_max_severity"])


def admit(model, idx: np.ndarray) -> np.ndarray:
    """Take as many suitable cases of idx as there is room for; return those not taken."""
    room = max(0, free_places(model))
    ok = suitable(model, idx)
    take = idx[ok][:room]
    rest = np.concatenate([idx[~ok], idx[ok][room:]])
    if len(take):
        model.release(take)
        model.set_path(take, Path.FLEX_CARE, end=model.week + int(model.p["flex_weeks"]), provider=-1)
        model.flows["flex_admitted"] += len(take)
        members = list(model.flex_team)
        for i, _ in enumerate(take):
            members[i % len(members)].cases_taken += 1
    return rest


def take_waiting(model) -> None:
    """Matched care early: take non-crisis cases from the specialist waiting list."""
    if free_places(model) <= 0:
        return
    st = model.st
    q = ((st.path == Path.WAITING_SPECIALIST) & ~st.crisis).nonzero()[0]
    q = q[np.argsort(st.queue_since[q], kind="stable")]
    admit(model, q)


def coach(model) -> None:
    """Coaching raises every generalist's skill; without it skill drifts back to the baseline."""
    p = model.p
    fte = max(model.generalist_fte, 1e-9)
    gain = p["flex_coaching_gain"] / 52.0 * len(model.flex_team) * 5.0 / max(fte, 5.0)
    for g in model.generalists:
        g.lose_skill(p["skill_decay_rate"] / 52.0, p["initial_generalist_skill"])
        if gain > 0:
            g.receive_coaching(min(gain, 1.0))
