"""How often a life event ends in a lasting (individual) need by way of the escalation dynamics,
by age band: needs that reach the individual kind from another (nearly all complex needs that
softened), per life event of residents without an individual need. These are the rates
`model/starting_state.py` (ESCALATION_PER_EVENT) gives the settled start's life histories. Prints
one row per preset.

    python scripts/measure_escalation.py default deprived traditional-village
"""

from __future__ import annotations

import sys

import numpy as np
import wijksim.model.neighbourhood as nb
from wijksim.model.codes import Need
from wijksim.model.mechanisms import escalation
from wijksim.model.neighbourhood import NeighbourhoodModel
from wijksim.model.presets import preset_values
from wijksim.model.starting_state import AGE_EDGES

RESIDENTS, YEARS, SEED = 10_000, 6, 1


def measure(preset: str) -> np.ndarray:
    k = len(AGE_EDGES)
    onsets, hazard = np.zeros(k), np.zeros(k)
    original = escalation.apply_severity

    def counting(model) -> None:
        before = model.st.need.copy()
        original(model)
        if model.week <= 0:
            return
        band = np.searchsorted(AGE_EDGES, model.st.age, side="right") - 1
        at_risk = before != Need.INDIVIDUAL
        new = (model.st.need == Need.INDIVIDUAL) & at_risk  # nearly all complex needs that softened
        onsets[:] += np.bincount(band[new], minlength=k)
        hazard[:] += np.bincount(band[at_risk], weights=model.event_hazard[at_risk], minlength=k)

    week = nb.WEEK
    nb.WEEK = tuple(counting if f is original else f for f in week)
    try:
        m = NeighbourhoodModel(rng=SEED, years=YEARS, residents=RESIDENTS, record_history=False,
                               full_weekly_rows=False, **preset_values(preset))  # fmt: skip
        m.run()
    finally:
        nb.WEEK = week
    return onsets / np.maximum(hazard, 1e-12)


if __name__ == "__main__":
    print("preset", *(f"{a:g}+" for a in AGE_EDGES))
    for name in sys.argv[1:] or ["default"]:
        print(name, *np.round(measure(name), 4))
