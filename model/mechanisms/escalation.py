"""Escalation and de-escalation (DESIGN.md §3): the core dynamics.

All severity changes of a week (life events, informal support, care, drift) are summed and applied
once. Passing 1 moves a need up a kind (social -> individual -> complex); a social need of a young
adult (18-29) escalates only now and then (`young_adult_escalation_share`): young people living
alone are often lonely but rarely escalate. Falling below 0 moves a complex need down to individual
and a social need to none; an individual need is a person-bound condition that help softens but does
not cure (§5.3, §5.5): its severity stops at the resident's own floor (`lasting_floor`, around
`lasting_need_floor_severity`) and it ends only by remission (`life_events.natural_course`), death
or departure. A resident's need kind is the dominant one;
loneliness is held beside it (`mechanisms/loneliness.py`).
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
    young = (st.need[up] == Need.SOCIAL) & (st.age[up] >= 18) & (st.age[up] < 30)
    if young.any():
        stays = young & (model.rng.random(len(up)) >= p["young_adult_escalation_share"])
        up = up[~stays]
    down = (has & (sev < 0.0) & (st.need != Need.INDIVIDUAL)).nonzero()[0]
    np.minimum(np.maximum(sev, 0.0, out=sev), 1.0, out=sev)  # np.clip, without its overhead
    # Lasting needs stop at their floor. Others meet a floor of 0, which changes nothing: sev >= +0.0
    # now and floors lie in [0, 1] (4x faster than indexing the lasting needs or a masked maximum).
    np.maximum(sev, st.lasting_floor * (st.need == Need.INDIVIDUAL), out=sev)
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
