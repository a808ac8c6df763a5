"""Kin outside the wijk (issue 19): informal carers mostly care for a parent or a partner, often
outside the neighbourhood (CBS; NUMBERS.md), and the very old are cared for by their children.

Each resident may have a living parent outside the wijk (`parent_age`), who ages, dies (Gompertz)
and becomes frail at the rate the wijk's own residents do. A resident who takes on care
(`kin_carer`) gives `kin_care_hours` a week to a frail parent: those hours count for the informal
carer share, add to the strain that can burn a carer out, and leave fewer hours for neighbours.
Residents of 45 and over with a child outside (`children_outside`) receive the same hours from that
child, with chance `kin_care_share`, when they have an individual or complex need. Partners care
for each other along their household tie (`informal_support`).
"""

from __future__ import annotations

import numpy as np

from ..codes import WEEKS_PER_YEAR, Need
from ..interface import Neighbourhood
from ..rates import frailty_onset_rate, mortality_rate


def age_parents(model: Neighbourhood, weeks: int) -> None:
    """Parents outside age, die and become frail (every demography step)."""
    st, p, rng = model.st, model.p, model.rng
    alive = (~np.isnan(st.parent_age)).nonzero()[0]
    if len(alive) == 0:
        return
    st.parent_age[alive] += np.float32(weeks / WEEKS_PER_YEAR)
    age = st.parent_age[alive].astype(float)
    hazard = mortality_rate(age, p)
    hazard *= np.where(st.parent_need[alive], p["individual_need_mortality_factor"], 1.0)
    dies = rng.random(len(alive)) < 1.0 - np.exp(-hazard * weeks / WEEKS_PER_YEAR)
    st.parent_age[alive[dies]] = np.nan
    st.parent_need[alive[dies]] = False
    healthy = alive[~dies & ~st.parent_need[alive]]
    rate = frailty_onset_rate(st.parent_age[healthy], p)
    st.parent_need[healthy[rng.random(len(healthy)) < 1.0 - np.exp(-rate * weeks / WEEKS_PER_YEAR)]] = True


def hours_to_parents(model: Neighbourhood) -> np.ndarray:
    """Hours each resident gives this week to a frail parent outside the wijk."""
    st, p = model.st, model.p
    caring = st.parent_need & st.kin_carer & (st.need <= Need.SOCIAL) & (st.age >= 18)
    return caring * np.float32(p["kin_care_hours"])


def hours_from_children(model: Neighbourhood) -> np.ndarray:
    """Hours each resident receives this week from a child outside the wijk."""
    st, p = model.st, model.p
    cared_for = st.children_outside & st.kin_carer & (st.need >= Need.INDIVIDUAL)
    return cared_for * np.float32(p["kin_care_hours"])
