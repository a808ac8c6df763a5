"""Loneliness, updated every week: a latent score per resident, and who counts as lonely.

The score is the resident's own disposition plus too few ties (4-5 protect, De Jong Gierveld & Van
Tilburg 2007), living alone, being born abroad and a social need, less the companionship their ties
gave this week (`informal_support`). Lonely adults ask their ties for companionship, so loneliness
also drives informal support. Cut-offs on the score give the shares of (severely) lonely adults:
matched to the starting shares, or calibrated when predicting from demography (docs/calibration.md).
"""

from __future__ import annotations

import numpy as np

from ..codes import Need
from ..interface import Neighbourhood


def loneliness_score(model: Neighbourhood) -> np.ndarray:
    """Latent loneliness: own disposition, too few ties, living situation, social need, less the
    companionship met this week."""
    st, p = model.st, model.p
    score = model.network.cached("loneliness_structure", lambda: structural_loneliness(model))
    score = score + (st.need == Need.SOCIAL) * st.severity
    score -= np.float32(p["companionship_loneliness_relief"]) * st.companionship_met
    return score


def structural_loneliness(model: Neighbourhood) -> np.ndarray:
    """The part that changes only with the network: disposition, tie deficit, living situation."""
    st, p = model.st, model.p
    deficit = np.maximum(0.0, p["protective_ties"] - model.network.degree) / p["protective_ties"]
    return (
        st.loneliness_propensity
        + p["loneliness_weight_tie_deficit"] * deficit
        + p["loneliness_weight_living_alone"] * st.lives_alone
        + p["loneliness_weight_born_abroad"] * st.born_abroad
    ).astype(np.float32)


def update_loneliness(model: Neighbourhood) -> None:
    model.loneliness = loneliness_score(model)
    model.st.lonely[:] = (model.loneliness > model.lonely_cut) & model.adults
