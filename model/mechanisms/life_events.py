"""Mechanism 1: life events and the natural course of needs (escalation while unsupported).

Life events (loss, illness, debt, divorce) raise severity or start a new need; isolated residents
develop social needs (loneliness spreads, Cacioppo et al. 2009); unsupported needs drift upwards,
faster while waiting (§7.5), and complex problems feed each other (§5.4).
"""

from __future__ import annotations

import numpy as np

from ..state import Need, Path, path_table

WAITING = path_table(Path.WAITING_GENERALIST, Path.WAITING_SPECIALIST)


def life_events(model) -> None:
    st, p, rng = model.st, model.p, model.rng
    rate = p["life_event_rate"] / 52.0
    hazard = np.where(st.social_housing, rate * p["deprivation_event_multiplier"], rate)
    isolated = model.network.degree == 0
    hit = rng.random(st.n) < hazard
    ev = np.flatnonzero(hit)
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
            model.log(turn, "escalation: problems in several domains")
        share = p["individual_onset_share"] * np.select(
            [st.age[new] >= 75, st.age[new] < 18], [3.0, 2.5], 1.0
        )
        kind = np.where(rng.random(len(new)) < share, Need.INDIVIDUAL, Need.SOCIAL)
        model.start_need(new, kind, p["life_event_severity"])
        model.flows["life_events"] += len(ev)
    lonely_onset = np.flatnonzero(isolated & (st.need == Need.NONE))
    if len(lonely_onset):
        q = p["isolation_need_onset_rate"] / 52.0
        got = lonely_onset[rng.random(len(lonely_onset)) < q]
        model.start_need(got, Need.SOCIAL, p["life_event_severity"])


def natural_course(model) -> None:
    """Drift of unmet need; informal support softens it, waiting speeds it up."""
    st, p = model.st, model.p
    has = st.need > 0
    unmet = 1.0 - np.where(st.need == Need.COMPLEX, 0.0, st.informal_met)
    drift = p["unmet_need_drift"] * unmet * np.where(WAITING[st.path], p["waiting_escalation_factor"], 1.0)
    drift += np.where(st.need == Need.COMPLEX, p["complex_reinforcement"] * st.severity, 0.0)
    model.dsev += np.where(has, drift, 0.0).astype(np.float32)
    # Mild social needs also resolve on their own.
    mild = np.flatnonzero(
        (st.need == Need.SOCIAL) & (st.severity < 0.3) & (st.path != Path.WAITING_GENERALIST)
    )
    if len(mild):
        gone = mild[model.rng.random(len(mild)) < p["spontaneous_recovery_rate"]]
        model.dsev[gone] -= 1.0
