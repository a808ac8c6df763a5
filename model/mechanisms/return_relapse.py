"""Mechanism 6 (DESIGN.md §4): return to ordinary life and relapse.

After help ends a resident is 'returning' for `return_weeks`. Relapse is less likely with a
protective network (4-5 ties, De Jong Gierveld & Van Tilburg 2007) and with a landing place, the
key facility (§Capita selecta).
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import LONG_AGO, Need, Path
from ..interface import Neighbourhood


def relapse(model: Neighbourhood) -> None:
    st, p, w = model.st, model.p, model.week
    back = (st.path == Path.RETURNING).nonzero()[0]
    if len(back) == 0:
        return
    ties = model.network.degree[back]
    protect = p["tie_relapse_protection"] * np.minimum(1.0, ties / p["protective_ties"])
    hazard = p["relapse_rate"] * (1.0 - protect)
    if model.key_facility is not None:
        hazard = hazard * np.where(st.in_reach[back], 1.0 - p["landing_place_relapse_reduction"], 1.0)
    falls = model.rng.random(len(back)) < hazard
    fell = back[falls]
    if len(fell):
        st.need[fell] = np.maximum(st.need[fell], np.maximum(st.return_need[fell], Need.SOCIAL))
        st.severity[fell] = np.maximum(st.severity[fell], p["relapse_severity"])
        model.flows["relapses"] += len(fell)
        transitions.set_path(model, fell, Path.NONE, event="relapse")
        st.path_since[fell] = LONG_AGO  # may ask for help again at once
    settled = back[(w - st.path_since[back] >= p["return_weeks"]) & ~falls]
    transitions.set_path(model, settled, Path.NONE)
