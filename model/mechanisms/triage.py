"""Mechanism 4 (DESIGN.md §4): access and triage by generalists (the quick scan of §7.4, the CAF example).

Generalists take requests from their queue, first come first served, as long as case slots are
free. They judge the need kind (right with `triage_accuracy`, better with skill) and route: light
help for a social need, case management for an individual need, a combined case team for a complex
one, and a referral to the flex team or to specialists when an individual need is severe. A wrong
judgement produces the mismatches of §5.5. Without a neighbourhood team the GP refers requests for
individual and complex needs straight to specialist care and sends social needs home.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import Need, Path
from ..interface import Neighbourhood
from .flex_team import refer_onwards
from .specialist_care import gatekeeping


def misjudge(rng: np.random.Generator, true: np.ndarray, up_share: float) -> np.ndarray:
    """The kind a wrong judgement lands on: one step off, up or down (§5.5); an individual need is
    taken for complex with chance `up_share`, else for social."""
    up = rng.random(len(true)) < up_share
    wrong = np.where(up, true + 1, true - 1)
    wrong = np.where(true == Need.SOCIAL, Need.INDIVIDUAL, wrong)
    wrong = np.where(true == Need.COMPLEX, Need.INDIVIDUAL, wrong)
    return wrong.astype(np.int8)


def assess(model: Neighbourhood, idx: np.ndarray, skill: float) -> np.ndarray:
    p = model.p
    accuracy = min(1.0, p["triage_accuracy"] + p["skill_accuracy_gain"] * skill)
    true = model.st.need[idx]
    right = model.rng.random(len(idx)) < accuracy
    assessed = np.where(right, true, misjudge(model.rng, true, p["misjudge_up_share"])).astype(np.int8)
    model.flows["misjudged"] += int((~right).sum())
    return assessed


def referral_threshold(model: Neighbourhood, skill: float, gatekeeping: float = 0.0) -> float:
    """Severity above which generalists refer: skilled generalists keep more cases (§6.5), and as
    the regional wait grows they hold more back (`gatekeeping`, 0-1; §7.5)."""
    p = model.p
    return (
        p["specialist_referral_severity"]
        + p["skill_referral_reduction"] * skill
        + p["gatekeeper_threshold_rise"] * gatekeeping
    )


def gp_route(model: Neighbourhood, queue: np.ndarray) -> None:
    st = model.st
    light = queue[st.need[queue] <= Need.SOCIAL]
    transitions.set_path(model, light, Path.NONE)  # the GP advises; the resident goes home
    model.flows["gp_advice"] += len(light)
    heavy = queue[st.need[queue] >= Need.INDIVIDUAL]
    model.flows["referral_candidates"] += len(heavy)
    model.flows["gp_referrals"] += len(heavy)
    model.flows["youth_gp_referrals"] += int(np.count_nonzero(model.youth_care_age[heavy]))
    transitions.refer_to_specialist(model, heavy)


def triage(model: Neighbourhood) -> None:
    st, p = model.st, model.p
    queue = (st.path == Path.WAITING_GENERALIST).nonzero()[0]
    if len(queue) == 0:
        return
    capacity = model.generalist_capacity()
    if capacity.sum() <= 0:
        gp_route(model, queue)
        return
    queue = queue[np.argsort(st.queue_since[queue], kind="stable")]
    free = np.maximum(capacity - model.generalist_load(), 0.0)
    team_skill = model.team_skill()
    assessed = assess(model, queue, team_skill)
    severe = st.severity[queue] > referral_threshold(model, team_skill, gatekeeping(model))
    candidate = st.severity[queue] > referral_threshold(model, team_skill)
    slots = np.where(
        assessed == Need.COMPLEX,
        p["combined_team_slots"],
        np.where((assessed == Need.INDIVIDUAL) & ~severe, p["case_management_slot_weight"], 1.0),
    )
    fits = np.cumsum(slots) <= np.floor(free).sum()
    n_in = int(np.argmin(fits)) if not fits.all() else len(queue)
    if n_in == 0:
        return
    idx, assessed, severe, slots = queue[:n_in], assessed[:n_in], severe[:n_in], slots[:n_in]
    owners = np.repeat(np.arange(len(capacity)), np.floor(free).astype(np.int64))
    start = (np.cumsum(slots) - slots).astype(np.int64)
    provider = owners[np.minimum(start, len(owners) - 1)]
    transitions.record_intake(model, idx, provider, slots)
    st.return_need[idx] = st.need[idx]
    w = model.week
    light = assessed == Need.SOCIAL
    transitions.set_path(model, idx[light], Path.LIGHT_HELP, end=w + int(p["light_help_weeks"]))
    model.flows["light_help_started"] += int(light.sum())
    cm = (assessed == Need.INDIVIDUAL) & ~severe
    transitions.set_path(model, idx[cm], Path.CASE_MANAGEMENT, end=w + int(p["case_management_weeks"]))
    team = assessed == Need.COMPLEX
    transitions.set_path(model, idx[team], Path.COMBINED_TEAM, end=w + int(p["combined_team_weeks"]))
    onwards = (assessed == Need.INDIVIDUAL) & severe
    model.flows["referral_candidates"] += int(
        np.count_nonzero((assessed[:n_in] == Need.INDIVIDUAL) & candidate[:n_in])
    )
    refer_onwards(model, idx[onwards])
    into_care = idx[cm | team | onwards]
    model.flows["youth_team_referrals"] += int(np.count_nonzero(model.youth_care_age[into_care]))
