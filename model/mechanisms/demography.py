"""Residents over time (issue 19): people age, die, move to long-term care, are born, and move out and
in; newcomers arrive without local ties.

Every `demography_update_weeks` weeks (about quarterly), counted from the start of each model year,
ages advance and departures happen (`update_weeks`: every year has the same updates):
deaths (Gompertz, higher with an individual or complex need), admissions to long-term care (the
frailest 75+), households moving out (by the age of their oldest adult) and young adults leaving
their parents' home. The number of
residents stays the same: each departure's row is taken by an arrival, a birth into a family or an
in-mover. Two modes (`demography_projected`):
- stationary (the default): arrivals come at the ages where the wijk falls short of its age
  structure at the start, and age bands that have grown past it lose extra movers, so the
  composition stays near the scan in expectation while individuals age;
- projected (from week 1; the warm-up is stationary): births at the national rate and in-movers of
  a national movers' profile; cohorts age as they would.
Arrivals who join a household (a baby, a child with its parents, a partner) live at its address.
"""

from __future__ import annotations

import numpy as np

from .. import transitions
from ..codes import LONG_AGO, PROVIDER_NONE, WEEKS_PER_YEAR, Need, Path, band_of, chance_within
from ..interface import Neighbourhood
from ..population import draw_kin, lasting_floor, volunteer_chance
from ..rates import mortality_rate
from ..starting_state import starting_severity
from . import kin

#: Age bands (years) of the stationary mode's target structure.
BAND_EDGES = np.arange(0, 111, 10)
#: In-movers' ages in the projected mode: (youngest, oldest, share), a national movers' profile
#: (CBS: most movers are young adults; assumed shares).
MOVERS_PROFILE = ((0, 18, 0.20), (18, 30, 0.40), (30, 45, 0.25), (45, 65, 0.10), (65, 90, 0.05))
#: Household moves by the age of the oldest adult: (from age, registry parameter).
MOVE_RATES = (
    (18, "move_rate_18_29"),
    (30, "move_rate_30_44"),
    (45, "move_rate_45_64"),
    (65, "move_rate_65_plus"),
)


def bands(age: np.ndarray) -> np.ndarray:
    return np.minimum(band_of(BAND_EDGES, age) - 1, len(BAND_EDGES) - 2)


def age_target(age: np.ndarray) -> np.ndarray:
    """The share of residents in each age band: the stationary mode's target."""
    return np.bincount(bands(age), minlength=len(BAND_EDGES) - 1) / max(len(age), 1)


def update_weeks(week: int, every: int) -> int:
    """The weeks the demographic update of `week` covers, 0 if it has none. Updates come every `every`
    weeks from the start of each model year; the year's last comes at its end and covers the weeks
    left (with 12: 12, 12, 12 and 16). Every year then has the same updates, and its deaths, births
    and moves are comparable with the next year's: a plain every-12-weeks gave every third year a
    fifth update and a quarter more of each."""
    week_of_year = (week - 1) % WEEKS_PER_YEAR + 1  # 1..52; the warm-up's last week, 0, ends a year
    last_regular = (WEEKS_PER_YEAR // every - 1) * every
    if week_of_year == WEEKS_PER_YEAR:
        return WEEKS_PER_YEAR - last_regular
    return every if week_of_year % every == 0 and week_of_year <= last_regular else 0


def demography(model: Neighbourhood) -> None:
    p = model.p
    weeks = update_weeks(model.week, p["demography_update_weeks"])
    if not weeks:
        return
    st, rng = model.st, model.rng
    before = st.age.copy()
    st.age += np.float32(weeks / WEEKS_PER_YEAR)
    _come_of_age(model, before)
    kin.age_parents(model, weeks)
    gone = np.zeros(st.n, dtype=bool)
    died = _deaths(model, weeks, gone)
    admitted = _admissions(model, weeks, gone)
    moved = np.concatenate([_moves(model, weeks, gone), _leave_home(model, weeks, gone)])
    if not projected(model):
        moved = np.concatenate([moved, _balance(model, weeks, gone)])
    departures = (
        (died, "died", "deaths"),
        (admitted, "moved to long-term care", "admitted_long_term_care"),
        (moved, "moved out", "moved_out"),
    )
    for idx, event, flow in departures:
        model.flows[flow] += len(idx)
        transitions.log(model, idx, event)
    rows = gone.nonzero()[0]
    if len(rows):
        _vacate(model, rows)
        _arrive(model, rng.permutation(rows), weeks)
    model.derive_from_ages()


def projected(model: Neighbourhood) -> bool:
    """The projected mode, from week 1: the warm-up is always stationary, so that a projection
    starts from the scan's composition."""
    return bool(model.p["demography_projected"]) and model.week > 0


def _come_of_age(model: Neighbourhood, before: np.ndarray) -> None:
    """Children who turn 12 start to help a little, and those who turn 18 get an adult's willingness
    to help and volunteer at the wijk's share (without this the volunteers would die out as the
    wijk's children grow up); part of their individual needs end (`youth_need_end_at_18_share`)."""
    st = model.st
    for age in (12, 18):
        rows = ((before < age) & (st.age >= age)).nonzero()[0]
        if len(rows):
            _willingness(model, rows)
    grown = ((before < 18) & (st.age >= 18) & (st.need == Need.INDIVIDUAL)).nonzero()[0]
    ends = grown[model.rng.random(len(grown)) < model.p["youth_need_end_at_18_share"]]
    if len(ends):  # parenting problems end with childhood (a path in progress runs its course)
        st.need[ends] = Need.NONE
        st.severity[ends] = 0.0
        model.flows["remissions"] += len(ends)
        transitions.log(model, ends, "grew out of a youth need")


def _willingness(model: Neighbourhood, rows: np.ndarray) -> None:
    """Hours a resident could give (a gamma draw; teenagers a share of it, under 12 none) and, for
    adults, whether they volunteer (the starting share, or its prediction from demography)."""
    st, p, rng = model.st, model.p, model.rng
    age = st.age[rows]
    shape = p["helping_capacity_shape"]
    cap = p["informal_hours_per_helper"] * rng.gamma(shape, 1.0 / shape, len(rows))
    cap = np.where(age < 18, cap * p["teen_helping_share"], cap)
    st.helper_capacity[rows] = np.where(age < 12, 0.0, cap)
    share = (
        volunteer_chance(st, p)[rows] if p["survey_shares_from_demography"] else p["initial_volunteer_share"]
    )
    st.volunteer[rows] = (age >= 18) & (rng.random(len(rows)) < share)


def _deaths(model: Neighbourhood, weeks: int, gone: np.ndarray) -> np.ndarray:
    st, p = model.st, model.p
    hazard = mortality_rate(st.age.astype(float), p)
    hazard *= np.where(st.need >= Need.INDIVIDUAL, p["individual_need_mortality_factor"], 1.0)
    die = (model.rng.random(st.n) < 1.0 - np.exp(-hazard * weeks / WEEKS_PER_YEAR)) & ~gone
    gone |= die
    return die.nonzero()[0]


def _admissions(model: Neighbourhood, weeks: int, gone: np.ndarray) -> np.ndarray:
    st, p = model.st, model.p
    frail = (
        (st.age >= 75)
        & (st.need >= Need.INDIVIDUAL)
        & (st.severity >= p["long_term_care_min_severity"])
        & ~gone
    )
    idx = frail.nonzero()[0]
    idx = idx[model.rng.random(len(idx)) < chance_within(p["long_term_care_admission_rate"], weeks)]
    gone[idx] = True
    return idx


def _moves(model: Neighbourhood, weeks: int, gone: np.ndarray) -> np.ndarray:
    """Whole households move out, at a rate by the age of their oldest adult."""
    st, p = model.st, model.p
    hh = st.household
    oldest = np.zeros(hh.max() + 1, dtype=np.float32)
    np.maximum.at(oldest, hh, np.where(st.age >= 18, st.age, 0.0).astype(np.float32))
    rate = np.zeros(len(oldest))
    for start, name in MOVE_RATES:
        rate = np.where(oldest >= start, p[name], rate)
    moving = model.rng.random(len(oldest)) < 1.0 - np.exp(-rate * weeks / WEEKS_PER_YEAR)
    out = moving[hh] & ~gone
    gone |= out
    return out.nonzero()[0]


def _leave_home(model: Neighbourhood, weeks: int, gone: np.ndarray) -> np.ndarray:
    """Young adults (18-29) living with a parent (someone at home at least 16 years older) leave
    home at `leaving_home_rate`, out of the wijk (most leave to study or work elsewhere)."""
    st, p = model.st, model.p
    oldest = np.zeros(st.household.max() + 1, dtype=np.float32)
    np.maximum.at(oldest, st.household, st.age)
    young = (st.age >= 18) & (st.age < 30) & (oldest[st.household] >= st.age + 16) & ~gone
    idx = young.nonzero()[0]
    idx = idx[model.rng.random(len(idx)) < chance_within(p["leaving_home_rate"], weeks)]
    gone[idx] = True
    return idx


def _balance(model: Neighbourhood, weeks: int, gone: np.ndarray) -> np.ndarray:
    """Stationary mode: extra movers out of adult bands that have grown past the target, closing a
    surplus over `stationary_balance_years`; only adults whose household keeps an adult or has no
    children (no child is left alone)."""
    st, p, rng = model.st, model.p, model.rng
    band = bands(st.age)
    target = model.age_target * st.n
    count = np.bincount(band[~gone], minlength=len(target))
    adults_left = np.bincount(st.household[~gone & (st.age >= 18)], minlength=st.household.max() + 1)
    minors = np.bincount(st.household[~gone & (st.age < 18)], minlength=st.household.max() + 1)
    free = ~gone & (st.age >= 20) & ((adults_left[st.household] > 1) | (minors[st.household] == 0))
    share = chance_within(1.0 / p["stationary_balance_years"], weeks)
    out = []
    for b in range(2, len(target)):
        surplus = int(count[b] - round(target[b]))
        if surplus > 0:
            pool = (free & (band == b)).nonzero()[0]
            k = min(len(pool), int(rng.binomial(surplus, share)))
            out.append(rng.choice(pool, size=k, replace=False) if k else pool[:0])
    idx = np.concatenate(out) if out else np.empty(0, dtype=np.int64)
    gone[idx] = True
    return idx


def _vacate(model: Neighbourhood, rows: np.ndarray) -> None:
    """Clear what a departed resident held: their care, their ties (household ones too)."""
    st = model.st
    st.slots[rows] = 0.0
    st.provider[rows] = PROVIDER_NONE
    model.network.remove_ties_of(rows)


def _arrival_ages(model: Neighbourhood, n: int, weeks: int) -> tuple[np.ndarray, int]:
    """Ages of n arrivals and how many of them are births (age 0)."""
    st, p, rng = model.st, model.p, model.rng
    parents = int(np.count_nonzero((st.age >= 20) & (st.age < 45)))
    births = min(n, int(rng.poisson(p["birth_rate_20_44"] * parents * weeks / WEEKS_PER_YEAR)))
    if projected(model):
        shares = np.array([s for _, _, s in MOVERS_PROFILE])
        counts = rng.multinomial(n - births, shares / shares.sum())
        ages = [rng.uniform(lo, hi, k) for (lo, hi, _), k in zip(MOVERS_PROFILE, counts, strict=True)]
        return np.concatenate([np.zeros(births), *ages]), births
    deficit = np.maximum(
        model.age_target * st.n - np.bincount(bands(st.age), minlength=len(model.age_target)), 0
    )
    deficit[0] = max(deficit[0], births)  # births fill the youngest band first
    if deficit.sum() <= 0:
        deficit = model.age_target.copy()
    counts = rng.multinomial(n, deficit / deficit.sum())
    births = min(births, int(counts[0]))
    counts[0] -= births
    ages = [rng.uniform(BAND_EDGES[b], BAND_EDGES[b + 1], k) for b, k in enumerate(counts) if k]
    return np.concatenate([np.zeros(births), *ages]), births


def _arrive(model: Neighbourhood, rows: np.ndarray, weeks: int) -> None:
    """New residents in the vacated rows: babies born into families of residents aged 20-44,
    children moving in with an adult of 25-54 (an in-mover if there is one), adults alone or as a
    couple (so that the wijk keeps its share of adults living alone)."""
    st, rng = model.st, model.rng
    ages, births = _arrival_ages(model, len(rows), weeks)
    st.age[rows] = ages.astype(np.float32)
    _fresh(model, rows)
    next_id = int(st.household.max()) + 1
    joins: list[tuple[int, int]] = []  # (arriving row, resident whose address and household it joins)
    adults = rows[ages >= 18]
    # Alone with chance f, else paired: a share f / (2 - f) of arriving adults then lives alone,
    # the share of adults living alone at the start (a), so f = 2a / (1 + a).
    a = model.alone_target
    single = 2 * a / (1 + a)
    order = adults[np.argsort(st.age[adults], kind="stable")]
    i = 0
    while i < len(order):  # adults of similar age pair up, or live alone
        st.household[order[i]] = next_id
        next_id += 1
        if i + 1 < len(order) and rng.random() >= single:
            joins.append((int(order[i + 1]), int(order[i])))
            i += 2
        else:
            i += 1
    if joins:  # partners first: a child may then join either of them at their shared address
        _move_in_with(model, np.array([r for r, _ in joins]), np.array([m for _, m in joins]))
    joins = []
    born = rows[:births]
    parents = ((st.age >= 20) & (st.age < 45)).nonzero()[0]
    arriving = np.zeros(st.n, dtype=bool)
    arriving[rows] = True
    parents = parents[~arriving[parents]]
    if len(parents):
        joins += [(int(c), int(m)) for c, m in zip(born, rng.choice(parents, size=len(born)), strict=True)]
    young = rows[births:][ages[births:] < 18]
    carers = adults[(st.age[adults] >= 25) & (st.age[adults] < 55)]
    if not len(carers):
        carers = ((st.age >= 25) & (st.age < 55)).nonzero()[0]
    if len(carers):
        joins += [(int(c), int(m)) for c, m in zip(young, rng.choice(carers, size=len(young)), strict=True)]
    alone = np.setdiff1d(np.concatenate([born, young]), [r for r, _ in joins])
    st.household[alone] = np.arange(next_id, next_id + len(alone))
    if joins:
        _move_in_with(model, np.array([r for r, _ in joins]), np.array([m for _, m in joins]))
    model.flows["births"] += births
    model.flows["moved_in"] += len(rows) - births
    transitions.log(model, born, "born")
    transitions.log(model, rows[births:], "moved in")
    sizes = np.bincount(st.household)
    st.lives_alone[:] = sizes[st.household] == 1
    model.refresh_areas()


def _move_in_with(model: Neighbourhood, rows: np.ndarray, members: np.ndarray) -> None:
    """Each of rows comes to live in its member's household, at its address, with household ties to
    everyone living there."""
    st = model.st
    st.household[rows] = st.household[members]
    st.x[rows], st.y[rows] = st.x[members], st.y[members]
    st.social_housing[rows] = st.social_housing[members]
    st.area[rows] = st.area[members]
    st.in_reach[rows] = st.in_reach[members]
    model.network.relocate(rows, members)
    joined = np.zeros(int(st.household.max()) + 1, dtype=bool)
    joined[st.household[rows]] = True
    living = joined[st.household].nonzero()[0]  # everyone in a household joined
    living = living[np.argsort(st.household[living], kind="stable")]
    starts = np.searchsorted(st.household[living], st.household[rows], side="left")
    ends = np.searchsorted(st.household[living], st.household[rows], side="right")
    # Row by row, a tie to each one living[starts:ends] but itself (one pass, not a loop per row).
    counts = ends - starts
    u = np.repeat(rows, counts)
    v = living[np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())]
    if len(rows):
        model.network.add_household_ties(u[u != v].astype(np.int32), v[u != v].astype(np.int32))


def _fresh(model: Neighbourhood, rows: np.ndarray) -> None:
    """A newcomer's own state: a lasting condition at its age band's share, no other need, no path,
    no ties (the network's `remove_ties_of` took the departed's), their own disposition."""
    st, p, rng = model.st, model.p, model.rng
    n = len(rows)
    age = st.age[rows]
    st.born_abroad[rows] = rng.random(n) < p["share_born_abroad"]
    st.need[rows] = Need.NONE
    st.severity[rows] = 0.0
    st.lasting_floor[rows] = lasting_floor(rng, n, p)
    lasting = rows[(age > 0) & (rng.random(n) < lasting_share(model, age))]  # in-movers, not babies
    st.need[lasting] = Need.INDIVIDUAL
    st.severity[lasting] = starting_severity(rng, st.lasting_floor[lasting], p)
    st.threshold[rows] = np.clip(
        rng.normal(p["help_seeking_threshold"], p["help_seeking_threshold_spread"], n), 0.05, 1.0
    )
    st.loneliness_propensity[rows] = rng.standard_normal(n)
    _willingness(model, rows)
    cleared = (
        ("activated", False), ("introduced", False), ("overload_weeks", 0), ("care_given_avg", 0.0),
        ("informal_met", 0.0), ("path", Path.NONE), ("provider", PROVIDER_NONE), ("slots", 0.0),
        ("crisis", False), ("return_need", 0), ("provision_h1", False), ("lonely", False),
        ("companionship_met", 0.0), ("specialist_domain", -1), ("wmo_light", False), ("wmo_light_h1", False),
        ("openness", np.nan), ("facility_awareness", np.nan), ("in_reach", False),
    )  # fmt: skip
    for column, value in cleared:
        getattr(st, column)[rows] = value
    for column in ("burnout_until", "path_since", "path_end", "queue_since"):
        getattr(st, column)[rows] = LONG_AGO
    st.arrived_week[rows] = model.week
    draw_kin(rng, st, rows, p)


def lasting_share(model: Neighbourhood, age: np.ndarray) -> np.ndarray:
    """The share of residents of about this age (10-year band) with an individual or complex need
    now: in-movers bring lasting conditions at the wijk's own prevalence for their age."""
    st = model.st
    band = bands(st.age)
    share = np.bincount(band, weights=st.need >= Need.INDIVIDUAL, minlength=len(BAND_EDGES) - 1)
    share /= np.maximum(np.bincount(band, minlength=len(BAND_EDGES) - 1), 1)
    return share[bands(age)]
