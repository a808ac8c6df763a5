"""Mechanism 1 (DESIGN.md §4): life events and the natural course of needs.

Life events (loss, illness, debt, divorce) raise severity or start a new need; isolated residents
develop social needs (loneliness spreads, Cacioppo et al. 2009); unsupported needs drift upwards,
faster while waiting (§7.5), and complex problems feed each other (§5.4).
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import WAITING_PATHS, Need, Path, path_table, weekly_share
from ..interface import Neighbourhood

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
    isolated = model.network.cached("isolated", lambda: (model.network.degree == 0).nonzero()[0])
    lonely_onset = isolated[st.need[isolated] == Need.NONE]
    if len(lonely_onset):
        q = weekly_share(p["isolation_need_onset_rate"])
        got = lonely_onset[rng.random(len(lonely_onset)) < q]
        transitions.start_need(model, got, Need.SOCIAL, p["life_event_severity"])


def natural_course(model: Neighbourhood) -> None:
    """Drift of unmet need; informal support softens it, waiting speeds it up."""
    st, p = model.st, model.p
    idx = st.need.nonzero()[0]
    need, sev, path = st.need[idx], st.severity[idx], st.path[idx]
    cx = need == Need.COMPLEX
    unmet = np.where(cx, 1.0, 1.0 - st.informal_met[idx])
    drift = p["unmet_need_drift"] * unmet * np.where(WAITING[path], p["waiting_escalation_factor"], 1.0)
    drift += cx * (p["complex_reinforcement"] * sev)
    model.dsev[idx] += drift.astype(np.float32)
    # Mild social needs also resolve on their own.
    mild = idx[(need == Need.SOCIAL) & (sev < p["mild_social_severity"]) & (path != Path.WAITING_GENERALIST)]
    if len(mild):
        gone = mild[model.rng.random(len(mild)) < p["spontaneous_recovery_rate"]]
        model.dsev[gone] -= 1.0
