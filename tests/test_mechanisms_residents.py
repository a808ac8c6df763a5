"""Residents over time (issue 19), one mechanism at a time on small neighbourhoods made by hand:
lasting conditions, kin care, deaths, moves and arrivals, young adults, light Wmo provisions and the
settled start."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from handmade import events_of, handmade
from wijksim.model.codes import WEEKS_PER_YEAR, Need, Path
from wijksim.model.mechanisms import demography, escalation, informal_support, kin, life_events, wmo_light
from wijksim.model.neighbourhood import NeighbourhoodModel
from wijksim.model.params import REGISTRY, validate
from wijksim.model.population import draw_kin, old_ages
from wijksim.model.rates import gompertz_survival


def _week_of_support(m) -> None:
    """The part of a week that acts on a need's severity: informal support, then escalation."""
    informal_support.informal_support(m)
    escalation.apply_severity(m)


def test_a_78_year_old_with_dementia_who_receives_informal_help_keeps_the_condition():
    # Resident 0 (78, dementia) and four willing neighbours with time on their hands.
    m = handmade(5, age=[78, 40, 40, 40, 40], ties=[(0, i) for i in range(1, 5)],
                 individual_remission_rate_65_plus=0.0, informal_effect_individual=0.05)  # fmt: skip
    st = m.st
    st.need[0], st.severity[0] = Need.INDIVIDUAL, 0.6
    st.helper_capacity[1:] = 10.0
    for _ in range(104):
        _week_of_support(m)
        life_events.natural_course(m)
    assert st.informal_met[0] > 0.5  # the help is there
    assert st.need[0] == Need.INDIVIDUAL  # and the condition stays
    assert st.severity[0] == pytest.approx(st.lasting_floor[0])  # softened to the floor, not below
    assert "de-escalation" not in events_of(m, 0)


def test_informal_help_softens_a_social_need_away_but_only_softens_an_individual_one():
    m = handmade(4, ties=[(0, 2), (1, 3)], informal_effect_individual=0.1, informal_effect_social=0.1)
    st = m.st
    st.need[:2] = [Need.SOCIAL, Need.INDIVIDUAL]
    st.severity[:2] = 0.5
    st.helper_capacity[2:] = 10.0
    for _ in range(10):
        _week_of_support(m)
    assert st.need[0] == Need.NONE  # a social need can be met away
    assert st.need[1] == Need.INDIVIDUAL and st.severity[1] >= st.lasting_floor[1]


def test_individual_needs_remit_by_age_alone_whatever_the_help():
    # The same remission with or without help: specialist care changes severity, not the course.
    n = 4000
    cleared = []
    for path in (Path.NONE, Path.SPECIALIST_CARE):
        m = handmade(n, age=30.0, individual_remission_rate_adult=0.5)
        m.st.need[:] = Need.INDIVIDUAL
        m.st.severity[:] = 0.5
        m.st.path[:] = path
        for _ in range(10):
            life_events.natural_course(m)
        cleared.append(int((m.st.need == Need.NONE).sum()))
    expected = n * (1 - (1 - 0.5 / 52) ** 10)  # about 370
    for c in cleared:
        assert abs(c - expected) < 4 * np.sqrt(expected)


def test_a_55_year_old_whose_mother_elsewhere_needs_care_counts_as_a_carer():
    m = handmade(3, age=[55, 55, 30])
    st = m.st
    st.parent_age[:2] = 83.0
    st.parent_need[:2] = True
    st.kin_carer[:2] = [True, False]  # the second leaves the care to a sibling
    st.helper_capacity[:] = 4.0
    for _ in range(60):
        informal_support.informal_support(m)
    assert kin.hours_to_parents(m)[0] == m.p["kin_care_hours"]
    assert st.care_given_avg[0] > 0.9 * m.p["kin_care_hours"]
    assert st.care_given_avg[1] == 0.0 and st.care_given_avg[2] == 0.0
    m.carer_cut = m.p["carer_min_hours"]
    carers = (st.care_given_avg >= m.carer_cut) & m.adults
    assert list(carers) == [True, False, False]
    # and the hours for the parent leave fewer for neighbours
    assert informal_support.helper_hours(m)[0] == 0.0 and informal_support.helper_hours(m)[1] == 4.0


def test_under_the_steepest_mortality_allowed_no_parent_outside_is_alive_and_nothing_divides_by_zero():
    """At the top of the mortality parameters' ranges nobody reaches even the parent's age at the
    resident's birth: the chance the parent is alive is 0 (it was 0 / 0, a NaN and a warning)."""
    steepest = {
        "mortality_gompertz_intercept": REGISTRY["mortality_gompertz_intercept"].high,
        "mortality_gompertz_slope": REGISTRY["mortality_gompertz_slope"].high,
    }
    m = handmade(400, age=list(np.linspace(0, 90, 400)), **steepest)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        draw_kin(np.random.default_rng(3), m.st, np.arange(400), m.p)
    assert np.isnan(m.st.parent_age).all() and not m.st.parent_need.any()
    usual = handmade(400, age=list(np.linspace(0, 90, 400)))
    draw_kin(np.random.default_rng(3), usual.st, np.arange(400), usual.p)
    assert (~np.isnan(usual.st.parent_age)).sum() > 100  # the usual mortality leaves many parents alive


def test_company_and_help_to_neighbours_are_help_but_not_care():
    # 0 helps a lonely neighbour (1) and a neighbour with a lasting need (2); 3 cares for a partner (4).
    m = handmade(5, age=[50, 50, 70, 72, 74], ties=[(0, 1), (0, 2), (3, 4)])
    st = m.st
    st.household[4] = st.household[3]
    st.lonely[1] = True
    st.need[2], st.severity[2] = Need.INDIVIDUAL, 0.5
    st.need[4], st.severity[4] = Need.INDIVIDUAL, 0.5
    st.helper_capacity[[0, 3]] = 20.0
    given_to, given_by, demand, care_by = informal_support.allocate(m)
    assert given_by[0] > 0 and care_by[0] == 0.0  # help, not care
    assert care_by[3] == pytest.approx(given_by[3]) and care_by[3] > 0  # care for a partner


def test_the_household_comes_first():
    # 0 has 4 hours; their partner (1) and a neighbour (2) each ask for 4.
    m = handmade(3, ties=[(0, 1), (0, 2)], need_hours_individual=8.0)
    st = m.st
    st.household[1] = st.household[0]
    st.need[1:] = Need.INDIVIDUAL
    st.severity[1:] = 0.5
    st.helper_capacity[0] = 4.0
    given_to = informal_support.allocate(m)[0]
    assert given_to[1] == pytest.approx(4.0) and given_to[2] == pytest.approx(0.0)


def test_deaths_follow_the_mortality_table():
    n = 20_000
    m = handmade(n, age=np.repeat([65.0, 85.0], n // 2))
    gone = np.zeros(n, dtype=bool)
    died = demography._deaths(m, WEEKS_PER_YEAR, gone)
    p = m.p
    for age, rows in ((65.0, slice(0, n // 2)), (85.0, slice(n // 2, n))):
        chance = 1 - np.exp(-np.exp(p["mortality_gompertz_intercept"] + p["mortality_gompertz_slope"] * age))
        share = np.isin(np.arange(n)[rows], died).mean()
        assert abs(share - chance) < 4 * np.sqrt(chance * (1 - chance) / (n // 2)), age
    # a lasting need shortens life
    m2 = handmade(n, age=85.0)
    m2.st.need[: n // 2] = Need.INDIVIDUAL
    died2 = demography._deaths(m2, WEEKS_PER_YEAR, np.zeros(n, dtype=bool))
    with_need, without = (died2 < n // 2).sum(), (died2 >= n // 2).sum()
    assert with_need > 1.3 * without


@pytest.mark.parametrize("every", range(1, WEEKS_PER_YEAR + 1))
def test_every_year_has_the_same_demographic_updates_covering_52_weeks(every):
    year = [demography.update_weeks(w, every) for w in range(1, WEEKS_PER_YEAR + 1)]
    assert sum(year) == WEEKS_PER_YEAR
    assert year[-1] > 0  # the year ends with an update
    covered = [k for k in year if k]
    assert min(covered) >= min(every, WEEKS_PER_YEAR) and max(covered) < 2 * every
    for first in (-103, 53, 469):  # the warm-up's years (its week 0 ends one) and later years alike
        assert [demography.update_weeks(w, every) for w in range(first, first + WEEKS_PER_YEAR)] == (
            year[(first - 1) % WEEKS_PER_YEAR :] + year[: (first - 1) % WEEKS_PER_YEAR]
        )
    if every == 12:
        assert [(w + 1, k) for w, k in enumerate(year) if k] == [(12, 12), (24, 12), (36, 12), (52, 16)]


def test_ages_advance_a_year_a_year_in_four_updates_every_year():
    """Every 12 weeks from week 12 on gave years 3, 6 and 9 a fifth update (and a quarter more deaths,
    births and moves); now each of the ten years has the same four."""
    m = NeighbourhoodModel(rng=3, years=10, residents=400)
    updates = [0] * 10
    start = m.st.age.copy()
    while m.running:
        before = m.st.age.sum(dtype=np.float64)
        m.step()
        updates[(m.week - 1) // WEEKS_PER_YEAR] += bool(m.st.age.sum(dtype=np.float64) != before)
    assert updates == [4] * 10
    stayed = m.st.arrived_week <= 0  # residents of the start who are still here
    assert stayed.any()
    np.testing.assert_allclose(m.st.age[stayed] - start[stayed], 10.0, atol=1e-3)


def test_the_oldest_residents_are_as_rare_as_the_life_table_makes_them():
    p = validate({})
    ages = old_ages(np.random.default_rng(1), 100_000, p)
    assert ages.min() >= 65 and ages.max() < 110
    assert abs(ages.mean() - 65 - p["old_age_mean_excess_years"]) < 0.1
    survive = gompertz_survival(np.array([65.0, 95.0]), p)
    assert (ages >= 95).mean() < survive[1] / survive[0]  # fewer than in a stationary life table


def test_the_frailest_75_plus_leave_for_long_term_care():
    m = handmade(3000, age=80.0, long_term_care_admission_rate=1.0)
    st = m.st
    st.need[:1000] = Need.INDIVIDUAL
    st.severity[:1000] = 0.9  # frail
    st.need[1000:2000] = Need.INDIVIDUAL
    st.severity[1000:2000] = 0.1  # a light condition: stays home
    gone = np.zeros(m.st.n, dtype=bool)
    admitted = demography._admissions(m, WEEKS_PER_YEAR, gone)
    assert 550 < len(admitted) < 720 and admitted.max() < 1000  # 1 - exp(-1): about 632


def test_every_departure_is_replaced_newcomers_arrive_without_local_ties_and_babies_join_a_family():
    m = NeighbourhoodModel(rng=3, years=1, residents=3000, burn_in_weeks=0, record_history=True)
    n = m.st.n
    m._week = m.p["demography_update_weeks"]
    rows_before = m.st.age.copy()
    demography.demography(m)
    st = m.st
    assert st.n == n and m.flows["deaths"] + m.flows["moved_out"] + m.flows["admitted_long_term_care"] == (
        m.flows["births"] + m.flows["moved_in"]
    )
    new = (st.arrived_week == m.week).nonzero()[0]
    assert len(new) > 0
    households = st.household
    for i in new:
        mates = set((households == households[i]).nonzero()[0]) - {i}
        ties = set(m.network.adjacency[i].indices)
        assert ties <= mates  # household ties only
    babies = new[st.age[new] == 0]
    for b in babies:
        mates = (households == households[b]).nonzero()[0]
        assert ((st.age[mates] >= 20) & (st.age[mates] < 45)).any()
    assert (st.age[st.arrived_week < m.week] > rows_before[st.arrived_week < m.week]).all()  # the rest aged


def test_young_adults_leave_their_parents_home():
    m = handmade(2000, age=np.tile([20.0, 50.0], 1000), leaving_home_rate=0.5)
    m.st.household[:] = np.repeat(np.arange(1000), 2)  # a young adult with a parent
    gone = np.zeros(m.st.n, dtype=bool)
    left = demography._leave_home(m, WEEKS_PER_YEAR, gone)
    assert (m.st.age[left] == 20).all()
    assert 330 < len(left) < 460  # 1 - exp(-0.5): about 393 of 1000


def test_a_young_adult_living_alone_rarely_escalates_and_an_older_one_does():
    m = handmade(2000, age=np.repeat([22.0, 40.0], 1000), young_adult_escalation_share=0.1)
    m.st.need[:] = Need.SOCIAL
    m.st.severity[:] = 0.99
    m.dsev[:] = 0.05
    escalation.apply_severity(m)
    young = (m.st.need[:1000] == Need.INDIVIDUAL).mean()
    older = (m.st.need[1000:] == Need.INDIVIDUAL).mean()
    assert older == 1.0 and 0.05 < young < 0.16


def test_frailty_starts_with_age():
    m = handmade(20_000, age=np.repeat([60.0, 75.0, 91.0], [6000, 7000, 7000]))
    m.event_hazard[:] = 0.0
    for _ in range(52):
        life_events.frailty_onset(m)
    frail = m.st.need == Need.INDIVIDUAL
    assert frail[:6000].sum() == 0  # not before 65
    r75 = frail[6000:13000].mean()
    r91 = frail[13000:].mean()
    assert abs(r75 - (1 - np.exp(-m.p["frailty_onset_rate_75"]))) < 0.01
    assert r91 > 3 * r75  # doubling every frailty_doubling_years (8): 4x at 91


def test_turning_18_brings_an_adults_willingness_and_ends_part_of_the_youth_needs():
    m = handmade(4000, age=17.95, youth_need_end_at_18_share=0.5, initial_volunteer_share=0.3)
    st = m.st
    st.need[:] = Need.INDIVIDUAL
    st.severity[:] = 0.3
    before = st.age.copy()
    st.age += 0.1
    demography._come_of_age(m, before)
    assert 0.45 < (st.need == Need.NONE).mean() < 0.55
    assert 0.26 < st.volunteer.mean() < 0.34
    assert (st.helper_capacity > 0).mean() > 0.99


def test_an_adult_with_a_lasting_need_gets_a_light_provision_a_child_does_not_and_it_ends_with_the_need():
    m = handmade(
        3000, age=np.repeat([80.0, 10.0, 40.0], 1000), wmo_light_request_rate=5.0, wmo_light_end_rate=0.0
    )
    st = m.st
    st.need[:2000] = Need.INDIVIDUAL  # the 40-year-olds have no need
    for _ in range(30):
        wmo_light.wmo_light(m)
    assert st.wmo_light[:1000].mean() > 0.9
    assert not st.wmo_light[1000:].any()
    st.need[:500] = Need.NONE  # the need ends: so does the provision
    m.flows.clear()
    wmo_light.wmo_light(m)
    assert not st.wmo_light[:500].any() and st.wmo_light[500:1000].mean() > 0.9
    assert m.flows["wmo_light_client_weeks"] == st.wmo_light.sum()


def test_a_light_provision_takes_over_part_of_the_informal_hours():
    m = handmade(2, ties=[(0, 1)], wmo_light_hours_share=0.5)
    st = m.st
    st.need[0], st.severity[0] = Need.INDIVIDUAL, 0.5
    without = informal_support.allocate(m)[2][0]
    st.wmo_light[0] = True
    with_light = informal_support.allocate(m)[2][0]
    assert with_light == pytest.approx(0.5 * without)


def test_a_settled_start_draws_lasting_needs_by_age_at_the_floor_and_above():
    m = NeighbourhoodModel(rng=2, years=1, residents=20_000, burn_in_weeks=0, record_history=False)
    st = m.st
    ind = st.need == Need.INDIVIDUAL
    old, mid = st.age >= 75, (st.age >= 25) & (st.age < 45)
    assert ind[old].mean() > 2.5 * ind[mid].mean()  # about 4x after the warm-up
    assert (st.severity[ind] >= st.lasting_floor[ind] - 1e-6).all()
    assert (st.severity[ind] <= st.lasting_floor[ind] + 0.35 + 1e-6).all()
    # provisions, asked for over the years and ended by reviews, at most at their long-run share
    r, e = m.p["wmo_light_request_rate"], m.p["wmo_light_end_rate"]
    assert 0.1 < st.wmo_light[ind & (st.age >= 18)].mean() < 2 * r / (2 * r + e)
    assert not st.wmo_light[~ind].any() and not st.wmo_light[st.age < 18].any()
    # without it, the starting share of the scan or preset is kept
    plain = NeighbourhoodModel(rng=2, years=1, residents=20_000, burn_in_weeks=0, record_history=False,
                               settled_start=False)  # fmt: skip
    share = (plain.st.need == Need.INDIVIDUAL).mean()
    assert abs(share - plain.p["initial_individual_need_share"]) < 0.01


def test_stationary_and_projected_modes_differ_only_from_week_1():
    a = NeighbourhoodModel(rng=4, years=3, residents=3000, record_history=False)
    b = NeighbourhoodModel(rng=4, years=3, residents=3000, record_history=False, demography_projected=True)
    assert np.array_equal(a.st.age, b.st.age)  # the warm-up is stationary in both
    a.run()
    b.run()
    assert not np.array_equal(a.st.age, b.st.age)
