"""Build the initial resident population from demographic parameters (a preset or a scan row).

Ages, households, positions and risk factors come from the demography; needs, loneliness,
informal care and volunteering start at the shares the parameters give (observed in a scan row, or
derived, see `wijksim.model.scan`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .codes import LONG_AGO, PROVIDER_NONE, Need, Path
from .rates import frailty_prevalence, gompertz_log_survival, gompertz_survival
from .sampling import weighted_pick
from .state import ResidentState


def _ages(rng: np.random.Generator, n: int, p: dict[str, Any]) -> np.ndarray:
    n_young = round(n * p["share_aged_0_24"])
    n_old = min(round(n * p["share_aged_65_plus"]), n - n_young)  # rounding must not overshoot n
    n_adult = n - n_young - n_old
    old = old_ages(rng, n_old, p)
    # The pyramid is continuous across the bands the scan gives: the density of ages 25-64 runs
    # linearly from that of the young (per year of 0-24) to that of the old at 65, so a wijk with
    # many old residents has more of 45-64 too, and a young one more of 25-44 (issue 19).
    young_density = n_young / 25.0
    old_density = n_old * _density_at_65(p)
    ages = np.concatenate(
        [rng.uniform(0, 25, n_young), _trapezoid(rng, n_adult, 25.0, 65.0, young_density, old_density), old]
    )
    return rng.permutation(ages).astype(np.float32)


def _density_at_65(p: dict[str, Any]) -> float:
    """Share of the 65+ per year of age at 65 (the life table's survivors of `old_ages`)."""
    ages = np.arange(65.0, 110.0, 0.05)
    w = _old_weights(ages, p)
    return float(w[0] / (w.sum() * 0.05))


def _trapezoid(
    rng: np.random.Generator, n: int, lo: float, hi: float, d_lo: float, d_hi: float
) -> np.ndarray:
    """n ages on [lo, hi) with a density that runs linearly from d_lo to d_hi (inverse CDF)."""
    u = rng.random(n)
    if d_lo + d_hi <= 0 or abs(d_hi - d_lo) < 1e-9 * (d_lo + d_hi):
        return lo + (hi - lo) * u
    a, b = d_lo / (d_lo + d_hi), d_hi / (d_lo + d_hi)  # relative densities at the ends (a + b = 1)
    # CDF(t) = 2 (a t + (b - a) t^2 / 2) on t in [0, 1]; solve the quadratic for t.
    t = (-a + np.sqrt(a * a + (b - a) * u)) / (b - a)
    return lo + (hi - lo) * t


def lasting_floor(rng: np.random.Generator, n: int, p: dict[str, Any]) -> np.ndarray:
    """Each resident's floor for a lasting need: within half of `lasting_need_floor_severity` either
    side of it (a mild disability asks less support than advanced dementia)."""
    return np.minimum(p["lasting_need_floor_severity"] * rng.uniform(0.5, 1.5, n), 1.0).astype(np.float32)


def old_ages(rng: np.random.Generator, n: int, p: dict[str, Any]) -> np.ndarray:
    """Ages of n residents aged 65+: the life table's survivors (Gompertz, the mortality of
    `mechanisms/demography.py`), tilted towards younger ages until their mean is 65 plus
    `old_age_mean_excess_years`. The oldest are then as rare as the deaths the model simulates make
    them, so a stationary wijk is not refilled with the very old it loses (issue 19)."""
    ages = np.arange(65.0, 110.0, 0.05)
    cdf = np.cumsum(_old_weights(ages, p))
    return np.interp(rng.random(n), cdf / cdf[-1], ages)


def _old_weights(ages: np.ndarray, p: dict[str, Any]) -> np.ndarray:
    """Relative numbers at ages 65+: life-table survivors tilted to the wanted mean excess age."""
    log_base = gompertz_log_survival(ages, p)
    base = np.exp(log_base - log_base.max())  # relative: no underflow however steep the mortality
    excess = ages - 65.0
    target = min(p["old_age_mean_excess_years"], float((base * excess).sum() / base.sum()))
    low, high = 0.0, 1.0  # the tilt (per year) that gives the wanted mean, by bisection
    for _ in range(40):
        tilt = (low + high) / 2
        w = base * np.exp(-tilt * excess)
        low, high = (low, tilt) if (w * excess).sum() / w.sum() < target else (tilt, high)
    return base * np.exp(-low * excess)


def _households(
    rng: np.random.Generator, age: np.ndarray, p: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray]:
    """Group residents into households; return household id and lives-alone flag.

    Adults live alone with the chance f that gives the wanted share of one-person households when the
    rest form couples: share = 2f / (1 + f), so f = s / (2 - s). Minors live with parents; some
    couples and single parents get them.
    """
    n = len(age)
    household = np.full(n, -1, dtype=np.int32)
    minors = (age < 18).nonzero()[0]
    grown = rng.permutation((age >= 18).nonzero()[0])
    s = p["share_one_person_households"]
    f = s / (2.0 - s) if s < 1 else 1.0
    n_alone = int(round(f * len(grown)))
    alone, rest = grown[:n_alone], grown[n_alone:]
    hid = 0
    household[alone] = np.arange(hid, hid + len(alone))
    hid += len(alone)
    # Adults 25-64 pair up with each other first, older residents with each other.
    rest = rest[np.argsort(age[rest] >= 65, kind="stable")]
    pairs = len(rest) // 2
    couple_ids = np.arange(hid, hid + pairs)
    household[rest[: 2 * pairs : 2]] = couple_ids
    household[rest[1 : 2 * pairs : 2]] = couple_ids
    hid += pairs
    if len(rest) % 2:
        household[rest[-1]] = hid
        hid += 1
    # Families: couples of working age (and some single parents) take the minors.
    n_households = n_alone + pairs
    n_families = max(1, int(round(p["share_households_with_children"] * max(n_households, 1))))
    young_couples = couple_ids[age[rest[: 2 * pairs : 2]] < 65] if pairs else couple_ids
    n_single = int(round(p["single_parent_share"] * n_families))
    parents_alone = alone[(age[alone] >= 21) & (age[alone] < 60)]
    single_parent_ids = household[rng.permutation(parents_alone)[:n_single]]
    family_ids = np.concatenate(
        [rng.permutation(young_couples)[: n_families - len(single_parent_ids)], single_parent_ids]
    )
    if len(minors):
        if len(family_ids) == 0:  # no adults to live with: minors form their own households
            family_ids = np.arange(hid, hid + max(1, len(minors) // 2))
        household[minors] = rng.choice(family_ids, size=len(minors))
    sizes = np.bincount(household, minlength=household.max() + 1)
    lives_alone = sizes[household] == 1
    return household, lives_alone


def _household_edges(household: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs of residents sharing a household (households are small)."""
    order = np.argsort(household, kind="stable")
    hh = household[order]
    us, vs = [], []
    # Pair each member with the next 1..4 members of the same household (households <= 5 adults
    # plus children; larger ones keep a chain, which is connected).
    for gap in range(1, 6):
        same = hh[gap:] == hh[:-gap]
        us.append(order[:-gap][same])
        vs.append(order[gap:][same])
    return np.concatenate(us).astype(np.int32), np.concatenate(vs).astype(np.int32)


def _areas(x: np.ndarray, y: np.ndarray, n: int, area_size: float) -> np.ndarray:
    n_areas = max(1, int(round(n / area_size)))
    gx = max(1, int(round(np.sqrt(n_areas))))
    gy = max(1, int(round(n_areas / gx)))
    ax = np.minimum((x * gx).astype(np.int32), gx - 1)
    ay = np.minimum((y * gy).astype(np.int32), gy - 1)
    return (ay * gx + ax).astype(np.int32)


def _initial_needs(rng: np.random.Generator, st: ResidentState, p: dict[str, Any]) -> None:
    """Assign need kinds to exactly the given shares, weighted by documented risk factors."""
    n = st.n
    dep = st.social_housing.astype(float)
    old = st.age >= 75
    young = st.age < 18
    free = np.ones(n, dtype=bool)
    risks = {
        Need.COMPLEX: np.exp(1.2 * dep + 0.3 * st.born_abroad + 0.3 * young),
        Need.INDIVIDUAL: np.exp(1.2 * old + 0.5 * (st.age >= 65) + 1.0 * young + 0.5 * dep),
        Need.SOCIAL: np.exp(0.8 * st.lives_alone + 0.5 * dep + 0.3 * st.born_abroad + 0.4 * old),
    }
    shares = {
        Need.COMPLEX: p["initial_complex_need_share"],
        Need.INDIVIDUAL: p["initial_individual_need_share"],
        Need.SOCIAL: p["initial_social_need_share"],
    }
    for kind in (Need.COMPLEX, Need.INDIVIDUAL, Need.SOCIAL):
        w = risks[kind] * free
        idx = weighted_pick(rng, w, round(shares[kind] * n))
        st.need[idx] = kind
        st.severity[idx] = rng.uniform(0.1, 0.7, len(idx))
        free[idx] = False


def draw_kin(rng: np.random.Generator, st: ResidentState, idx: np.ndarray, p: dict[str, Any]) -> None:
    """Kin outside the wijk for residents idx: a parent (alive with the Gompertz chance to reach
    their age, frail with its prevalence at it), whether the resident takes on care, and whether
    they have a child outside who may care for them."""
    age = st.age[idx]
    gap = np.clip(rng.normal(p["parent_generation_gap_years"], 5.0, len(idx)), 16.0, 50.0)
    parent = age + gap
    # The chance the parent reached `parent` given that they reached `gap`. Under a mortality so
    # steep that nobody reaches `gap` (an extreme of the parameters' range) it is 0, not 0 / 0.
    to_now, to_child_birth = gompertz_survival(parent, p), gompertz_survival(gap, p)
    still = np.divide(to_now, to_child_birth, out=np.zeros_like(to_now), where=to_child_birth > 0)
    alive = rng.random(len(idx)) < still
    st.parent_age[idx] = np.where(alive, parent, np.nan).astype(np.float32)
    st.parent_need[idx] = alive & (rng.random(len(idx)) < frailty_prevalence(parent, p))
    st.kin_carer[idx] = rng.random(len(idx)) < p["kin_care_share"]
    st.children_outside[idx] = (age >= 45) & (rng.random(len(idx)) < p["children_outside_share"])


def volunteer_chance(st: ResidentState, p: dict[str, Any]) -> np.ndarray:
    """Chance to volunteer when predicting from demography: a base share whose odds fall (or rise)
    by the same ratio for social housing and for being born abroad (RIVM 2020 gradients)."""
    base = min(max(p["volunteer_base_share"], 1e-6), 1 - 1e-6)
    log_odds = np.log(base / (1 - base)) + np.log(p["volunteer_deprivation_odds_ratio"]) * (
        st.social_housing.astype(float) + st.born_abroad
    )
    return 1.0 / (1.0 + np.exp(-log_odds))


def build_population(rng: np.random.Generator, p: dict[str, Any]) -> tuple[ResidentState, tuple]:
    """Return the resident columns and the household ties (u, v)."""
    n = int(p["residents"])
    age = _ages(rng, n, p)
    household, lives_alone = _households(rng, age, p)
    n_hh = int(household.max()) + 1
    # Households get a position, a tenure and an origin; members share them.
    hx, hy = rng.random(n_hh), rng.random(n_hh)
    social_hh = rng.random(n_hh) < p["share_social_housing"]
    abroad_hh = rng.random(n_hh) < p["share_born_abroad"]
    x = (hx[household] + rng.normal(0, 0.002, n)).clip(0, 1).astype(np.float32)
    y = (hy[household] + rng.normal(0, 0.002, n)).clip(0, 1).astype(np.float32)
    zeros_f = np.zeros(n, dtype=np.float32)
    st = ResidentState(
        age=age,
        household=household,
        lives_alone=lives_alone,
        social_housing=social_hh[household],
        born_abroad=abroad_hh[household],
        x=x,
        y=y,
        area=_areas(x, y, n, p["developer_area_size"]),
        need=np.zeros(n, dtype=np.int8),
        severity=zeros_f.copy(),
        threshold=np.clip(
            rng.normal(p["help_seeking_threshold"], p["help_seeking_threshold_spread"], n), 0.05, 1.0
        ).astype(np.float32),
        loneliness_propensity=rng.standard_normal(n).astype(np.float32),
        lasting_floor=lasting_floor(rng, n, p),
        helper_capacity=zeros_f.copy(),
        volunteer=np.zeros(n, dtype=bool),
        activated=np.zeros(n, dtype=bool),
        introduced=np.zeros(n, dtype=bool),
        in_reach=np.zeros(n, dtype=bool),
        openness=np.full(n, np.nan, dtype=np.float32),
        facility_awareness=np.full(n, np.nan, dtype=np.float32),
        overload_weeks=np.zeros(n, dtype=np.int16),
        burnout_until=np.full(n, LONG_AGO, dtype=np.int32),
        care_given_avg=zeros_f.copy(),
        informal_met=zeros_f.copy(),
        path=np.full(n, Path.NONE, dtype=np.int8),
        path_since=np.full(n, LONG_AGO, dtype=np.int32),
        path_end=np.full(n, LONG_AGO, dtype=np.int32),
        queue_since=np.full(n, LONG_AGO, dtype=np.int32),
        provider=np.full(n, PROVIDER_NONE, dtype=np.int32),
        specialist_domain=np.full(n, -1, dtype=np.int8),
        slots=zeros_f.copy(),
        crisis=np.zeros(n, dtype=bool),
        return_need=np.zeros(n, dtype=np.int8),
        provision_h1=np.zeros(n, dtype=bool),
        lonely=np.zeros(n, dtype=bool),
        companionship_met=zeros_f.copy(),
        arrived_week=np.full(n, LONG_AGO, dtype=np.int32),
        parent_age=np.full(n, np.nan, dtype=np.float32),
        parent_need=np.zeros(n, dtype=bool),
        kin_carer=np.zeros(n, dtype=bool),
        children_outside=np.zeros(n, dtype=bool),
        wmo_light=np.zeros(n, dtype=bool),
        wmo_light_h1=np.zeros(n, dtype=bool),
    )
    _initial_needs(rng, st, p)
    draw_kin(rng, st, np.arange(n), p)
    adults = age >= 18
    # Willingness to help: gamma-distributed hours; volunteers are drawn among adults without a
    # serious need, to the starting share of the scan or preset.
    shape = p["helping_capacity_shape"]
    st.helper_capacity[:] = (p["informal_hours_per_helper"] * rng.gamma(shape, 1.0 / shape, n)).astype(
        np.float32
    )
    st.helper_capacity[~adults] *= p["teen_helping_share"]  # teenagers help a little; small children not
    st.helper_capacity[age < 12] = 0
    able = adults & (st.need < Need.INDIVIDUAL)
    if p["survey_shares_from_demography"]:
        st.volunteer[:] = able & (rng.random(n) < volunteer_chance(st, p))
    else:
        k = round(p["initial_volunteer_share"] * adults.sum())
        st.volunteer[weighted_pick(rng, able.astype(float) * st.helper_capacity, k)] = True
    st.check()
    return st, _household_edges(household)
