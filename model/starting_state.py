"""The starting state's support paths and the cut-offs that match the observed starting shares.

The population (`population.build_population`) starts with needs, ties and dispositions; this
module puts residents whose need already passes their threshold on the path their need gets, part-way
through an episode, and sets the cut-offs on loneliness scores and hours given that reproduce the
starting shares of (severely) lonely adults and informal carers: the level is observed, the change
is modelled. When predicting from demography (calibration), the calibrated cut-offs are used instead.
"""

from __future__ import annotations

import numpy as np

from . import transitions
from .codes import Need, Path
from .interface import Neighbourhood
from .mechanisms import help_seeking, informal_support


def initial_paths(model: Neighbourhood) -> None:
    """Residents whose need already passes their threshold start known to services, on the path
    their need kind gets, within capacity, part-way through an episode (no warm-up burst)."""
    st, p, rng = model.st, model.p, model.rng
    needy = st.need.nonzero()[0]
    above = needy[help_seeking.unmet_severity(model, needy) > help_seeking.effective_threshold(model, needy)]
    above = rng.permutation(above)
    free = np.floor(model.generalist_capacity()).astype(np.int64)
    owners = np.repeat(np.arange(len(free)), free)
    used = 0.0
    lengths = {
        Need.SOCIAL: (Path.LIGHT_HELP, p["light_help_weeks"], 1.0),
        Need.INDIVIDUAL: (
            Path.CASE_MANAGEMENT,
            p["case_management_weeks"],
            p["case_management_slot_weight"],
        ),
        Need.COMPLEX: (Path.COMBINED_TEAM, p["combined_team_weeks"], p["combined_team_slots"]),
    }
    region = model.region
    spec_free = round(model.specialist_slots * st.n / (st.n + region.others))  # the wijk's share
    for i in above:
        kind = int(st.need[i])
        if kind == Need.COMPLEX and spec_free > 0 and st.severity[i] > p["initial_specialist_min_severity"]:
            spec_free -= 1
            st.path[i], st.provider[i] = Path.SPECIALIST_CARE, -1
            st.path_end[i] = model.week + int(rng.integers(1, max(2, int(p["specialist_weeks"]))))
            st.specialist_domain[i] = transitions.referral_domain(
                model, st.age[i : i + 1], st.need[i : i + 1]
            )[0]
            continue
        path, weeks, slots = lengths[kind]
        if used + slots > len(owners):
            continue
        st.path[i], st.provider[i], st.slots[i] = path, owners[int(used)], slots
        st.path_end[i] = model.week + int(rng.integers(1, max(2, int(weeks))))
        used += slots
    st.return_need[:] = st.need
    # The rest of the region starts with as many in care per resident as the wijk.
    per_resident = np.count_nonzero(st.path == Path.SPECIALIST_CARE) / max(st.n, 1)
    region.in_care = round(region.others * per_resident)
    # Until it has learnt the wijk's rates (the warm-up), it refers as many as leave care.
    region.rate_regular = per_resident / p["specialist_weeks"]


def match_loneliness(model: Neighbourhood) -> None:
    """Cut-offs on the latent score that give the starting shares of (severely) lonely adults."""
    score = model.loneliness[model.adults]
    p = model.p
    if p["survey_shares_from_demography"]:  # levels predicted, not matched (docs/calibration.md)
        model.lonely_cut = p["loneliness_score_cut"]
        model.severe_cut = p["severe_loneliness_score_cut"]
    elif len(score):
        model.lonely_cut = float(np.quantile(score, 1 - p["initial_lonely_share"]))
        model.severe_cut = float(np.quantile(score, 1 - p["initial_severely_lonely_share"]))
    model.st.lonely[:] = (model.loneliness > model.lonely_cut) & model.adults


def match_carers(model: Neighbourhood) -> None:
    """Hours each resident gives at the start, and the cut-off on them that gives the starting
    share of informal carers."""
    st, p = model.st, model.p
    adults = st.age >= 18
    if p["burn_in_weeks"] == 0:
        st.care_given_avg[:] = informal_support.allocate(model)[1]
    if p["survey_shares_from_demography"]:
        model.carer_cut = p["carer_min_hours"]
        return
    share = p["initial_informal_carer_share"]
    hours = st.care_given_avg[adults]
    positive = hours[hours > 0]
    if len(positive) == 0 or share <= 0:
        model.carer_cut = p["carer_fallback_hours"]
    else:
        cut = float(np.quantile(hours, 1 - share)) if share < 1 else 0.0
        model.carer_cut = max(cut, float(positive.min()), 0.05)
