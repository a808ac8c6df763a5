"""The starting state's support paths and the cut-offs that match the observed starting shares.

The population (`population.build_population`) starts with needs, ties and dispositions; this
module puts residents whose need already passes their threshold on the path their need gets, part-way
through an episode, and sets the cut-offs on loneliness scores and hours given that reproduce the
starting shares of (severely) lonely adults and informal carers: the level is observed, the change
is modelled. When predicting from demography (calibration), the calibrated cut-offs are used instead.
"""

from __future__ import annotations

import functools

import numpy as np

from . import transitions
from .codes import Need, Path
from .interface import Neighbourhood
from .mechanisms import help_seeking, informal_support
from .rates import frailty_onset_rate, mortality_rate

#: Step (years) of the life histories from which the settled start draws lasting needs.
HISTORY_STEP = 0.5
#: Share of life events that hit a resident without any need (the rest raise a need they have);
#: about 1 in 10 residents has a social need (assumed for this purpose only).
NO_NEED_SHARE = 0.9
#: Many lasting needs do not start as one: a complex need softens into an individual one (DESIGN.md
#: §3). The model's own rate of that, per life event, by age band (lower edges in AGE_EDGES), as
#: measured on the presets default, deprived and traditional-village by
#: `scripts/measure_escalation.py` (close across them); measure again when those dynamics change.
#: The histories use the share `settle_escalation_share` of it (they lack these needs' ways out).
AGE_EDGES = np.array([0.0, 18.0, 30.0, 45.0, 65.0, 75.0])
ESCALATION_PER_EVENT = np.array([0.04, 0.03, 0.025, 0.025, 0.04, 0.075])


@functools.cache
def _frailest_share(floor: float, min_severity: float) -> float:
    draws = np.random.default_rng(0)
    floors = floor * draws.uniform(0.5, 1.5, 4000)
    return float(np.mean(starting_severity(draws, floors, {}) >= min_severity))


def frailest_share(p: dict) -> float:
    """Share of lasting needs at the starting severities that are at or above
    `long_term_care_min_severity`: the frailest, who may leave for a nursing home (computed once per
    parameter set, not at every step of the life histories)."""
    return _frailest_share(p["lasting_need_floor_severity"], p["long_term_care_min_severity"])


def lasting_rates(p: dict, ages: np.ndarray, deprived: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Yearly onset of an individual need at these ages (life events, escalation of a social need,
    frailty from 65), and the
    rate at which one ends among the living: remission plus the extra mortality of those with a
    need and the admissions of the frailest to long-term care (the living are those who stayed,
    so these departures take needs out of the cohort)."""
    events = p["life_event_rate"] * np.where(deprived, p["deprivation_event_multiplier"], 1.0)
    weight = np.where(
        ages >= 75,
        p["individual_onset_weight_75_plus"],
        np.where(ages < 18, p["individual_onset_weight_under_18"], 1.0),
    )
    onset = events * NO_NEED_SHARE * np.minimum(p["individual_onset_share"] * weight, 1.0)
    band = np.searchsorted(AGE_EDGES, ages, side="right") - 1
    onset = onset + events * p["settle_escalation_share"] * ESCALATION_PER_EVENT[band]
    onset = onset + frailty_onset_rate(ages, p)
    remission = np.where(
        ages < 18,
        p["individual_remission_rate_under_18"],
        np.where(ages < 65, p["individual_remission_rate_adult"], p["individual_remission_rate_65_plus"]),
    )
    mortality = mortality_rate(ages, p)
    admissions = np.where(ages >= 75, p["long_term_care_admission_rate"] * frailest_share(p), 0.0)
    return onset, remission + mortality * (p["individual_need_mortality_factor"] - 1.0) + admissions


def starting_severity(rng: np.random.Generator, floors: np.ndarray, p: dict) -> np.ndarray:
    """Severities of lasting needs at a settled start, near those the model keeps: half at the
    resident's floor that help cannot push below, half up to 0.35 above it."""
    n = len(floors)
    above = rng.random(n) < 0.5
    return np.minimum(floors + above * rng.uniform(0.0, 0.35, n), 1.0).astype(np.float32)


def settle_lasting_needs(model: Neighbourhood) -> None:
    """A settled start (issue 19): each resident's lasting need and light Wmo provision drawn from a
    life history lived under the model's own rates, from birth to their age now, instead of shares
    the model would then drift away from for decades. The history carries how long a need has
    lasted, so provisions (asked for over the years, ended by reviews) come out at the share the
    model keeps. Complex needs and social needs stay as the scan or preset gave them."""
    st, p, rng = model.st, model.p, model.rng
    ind = st.need == Need.INDIVIDUAL
    st.need[ind] = Need.NONE
    st.severity[ind] = 0.0
    free = st.need == Need.NONE
    need = np.zeros(st.n, dtype=bool)
    light = np.zeros(st.n, dtype=bool)
    age = np.zeros(st.n)
    deprived = st.social_housing.astype(bool)
    review = 1.0 - np.exp(-p["wmo_light_end_rate"] * HISTORY_STEP)
    while True:
        living = (age + HISTORY_STEP <= st.age).nonzero()[0]  # whose history reaches this step
        if not len(living):
            break
        a = age[living]
        onset, out = lasting_rates(p, a, deprived[living])
        u = rng.random(len(living))
        had = need[living]
        starts = ~had & (u < 1.0 - np.exp(-onset * HISTORY_STEP))
        ends = had & (u < 1.0 - np.exp(-out * HISTORY_STEP))
        grown = (
            had
            & (a < 18)
            & (a + HISTORY_STEP >= 18)
            & (rng.random(len(living)) < p["youth_need_end_at_18_share"])
        )
        need[living] = (had & ~ends & ~grown) | starts
        request = p["wmo_light_request_rate"] * np.where(a >= 75, 2.0, 1.0)
        v = rng.random(len(living))
        asks = need[living] & (a >= 18) & ~light[living] & (v < 1.0 - np.exp(-request * HISTORY_STEP))
        keeps = light[living] & need[living] & (v >= review)
        light[living] = asks | keeps
        age[living] += HISTORY_STEP
    new = (free & need).nonzero()[0]
    st.need[new] = Need.INDIVIDUAL
    st.severity[new] = starting_severity(rng, st.lasting_floor[new], p)
    st.wmo_light[new] = light[new]


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
        st.care_given_avg[:] = informal_support.allocate(model)[3]
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
