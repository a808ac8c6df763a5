"""Escalation and de-escalation (DESIGN.md §3): the core dynamics.

All severity changes of a week (life events, informal support, care, drift) are summed and applied
once. Passing 1 moves a need up a kind (social -> individual -> complex); falling below 0 moves it
down (complex -> individual -> social -> none). A resident therefore has one need kind at a time,
the dominant one; mixed needs show as movement between kinds.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import Need
from ..interface import Neighbourhood


def apply_severity(model: Neighbourhood) -> None:
    st, p = model.st, model.p
    has = st.need > 0
    sev = st.severity + np.where(has, model.dsev, 0.0)
    up = (has & (sev >= 1.0) & (st.need < Need.COMPLEX)).nonzero()[0]
    down = (has & (sev < 0.0)).nonzero()[0]
    np.minimum(np.maximum(sev, 0.0, out=sev), 1.0, out=sev)  # np.clip, without its overhead
    t = p["transition_severity"]
    if len(up):
        st.need[up] += 1
        sev[up] = t
        model.flows["escalations"] += len(up)
        transitions.log(model, up, "escalation")
    if len(down):
        st.need[down] -= 1
        sev[down] = np.where(st.need[down] > 0, t, 0.0)
        model.flows["deescalations"] += len(down)
        transitions.log(model, down, "de-escalation")
    st.severity[:] = sev
    model.dsev[:] = 0.0
