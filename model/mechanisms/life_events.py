"""Mechanism 1 (DESIGN.md §4): life events and the natural course of needs.

Life events (loss, illness, debt, divorce) raise severity or start a new need; isolated residents
develop social needs (loneliness spreads, Cacioppo et al. 2009); residents from 65 become frail (a
lasting individual need) at a rate that doubles with age; unsupported needs drift upwards, faster
while waiting (§7.5), and complex problems feed each other (§5.4). Individual needs are person-bound
conditions (§5.3): they remit at a rate that depends on age only, not on the help they get.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import WAITING_PATHS, Need, Path, path_table, weekly_share
from ..interface import Neighbourhood
from ..rates import frailty_onset_rate

WAITING = path_table(*WAITING_PATHS)


def life_events(model: Neighbourhood) -> None:
    st, p, rng = model.st, model.p, model.rng
    ev = (rng.random(st.n) < model.event_hazard).nonzero()[0]
    if len(ev):
        new = ev[st.need[ev] == Need.NONE]
        old = ev[st.need[ev] != Need.NONE]
        model.dsev[old] += p["life_event_severity"]
        # Problems in several life domains fuel each other (§5.4): an individual need turns complex.
        ind = old[st.need[old] == Need.INDIVIDUAL]
        turn = ind[rng.random(len(ind)) < p["complex_onset_share"]]
        if len(turn):
            st.need[turn] = Need.COMPLEX
            st.severity[turn] = p["transition_severity"]
            model.flows["escalations"] += len(turn)
            transitions.log(model, turn, "escalation: problems in several domains")
        share = p["individual_onset_share"] * model.individual_onset_weight[new]
        kind = np.where(rng.random(len(new)) < share, Need.INDIVIDUAL, Need.SOCIAL)
        transitions.start_need(model, new, kind, p["life_event_severity"])
        model.flows["life_events"] += len(ev)
    frailty_onset(model)
    isolated = model.network.cached("isolated", lambda: (model.network.degree == 0).nonzero()[0])
    lonely_onset = isolated[st.need[isolated] == Need.NONE]
    if len(lonely_onset):
        q = weekly_share(p["isolation_need_onset_rate"])
        got = lonely_onset[rng.random(len(lonely_onset)) < q]
        transitions.start_need(model, got, Need.SOCIAL, p["life_event_severity"])


def frailty_onset(model: Neighbourhood) -> None:
    """Residents from 65 without an individual or complex need become frail (§5.3: frailty and
    dementia in old age) at `frailty_onset_rate_75`, doubling every `frailty_doubling_years`."""
    st, p = model.st, model.p
    old = ((st.age >= 65) & (st.need < Need.INDIVIDUAL)).nonzero()[0]
    if len(old) == 0:
        return
    rate = frailty_onset_rate(st.age[old], p)
    frail = old[model.rng.random(len(old)) < np.minimum(rate, 52.0) / 52.0]
    if len(frail):
        st.severity[frail] = np.maximum(st.severity[frail], p["transition_severity"])
        st.need[frail] = Need.INDIVIDUAL
        model.flows["frailty_onsets"] += len(frail)
        transitions.log(model, frail, "becomes frail (a lasting need)")


def remission_rates(model: Neighbourhood, idx: np.ndarray) -> np.ndarray:
    """Yearly remission rate of residents idx's individual needs, by age alone: help of any kind
    changes a lasting condition's severity and keeps it from turning complex, but does not cure it
    (§5.3, §5.5; issue 19)."""
    p, age = model.p, model.st.age[idx]
    return np.where(
        age < 18,
        p["individual_remission_rate_under_18"],
        np.where(age < 65, p["individual_remission_rate_adult"], p["individual_remission_rate_65_plus"]),
    )


def natural_course(model: Neighbourhood) -> None:
    """Drift of unmet need; informal support softens it, waiting speeds it up."""
    st, p = model.st, model.p
    idx = (st.need != Need.NONE).nonzero()[0]
    need, sev, path = st.need[idx], st.severity[idx], st.path[idx]
    cx = need == Need.COMPLEX
    unmet = np.where(cx, 1.0, 1.0 - st.informal_met[idx])
    drift = p["unmet_need_drift"] * unmet * np.where(WAITING[path], p["waiting_escalation_factor"], 1.0)
    drift += cx * (p["complex_reinforcement"] * sev)
    model.dsev[idx] += drift.astype(np.float32)
    # Individual needs remit by age alone (help softens them; it does not cure them, §5.5).
    ind = idx[need == Need.INDIVIDUAL]
    if len(ind):
        ends = ind[model.rng.random(len(ind)) < remission_rates(model, ind) / 52.0]
        if len(ends):
            st.need[ends] = Need.NONE
            st.severity[ends] = 0.0
            model.flows["remissions"] += len(ends)
            transitions.log(model, ends, "the condition passes")
    # Mild social needs also resolve on their own.
    mild = idx[(need == Need.SOCIAL) & (sev < p["mild_social_severity"]) & (path != Path.WAITING_GENERALIST)]
    if len(mild):
        gone = mild[model.rng.random(len(mild)) < p["spontaneous_recovery_rate"]]
        model.dsev[gone] -= 1.0
