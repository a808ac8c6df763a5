"""The mechanisms added for calibration do what their parameters say (each test fails without them)."""

import numpy as np
import pytest
from wijksim.model.indicators import yearly_summary
from wijksim.model.neighbourhood import NeighbourhoodModel

SMALL = dict(residents=3000, burn_in_weeks=26)


def test_gp_first_contact_sends_young_people_to_specialists_via_the_gp():
    def year(share):
        m = NeighbourhoodModel(rng=4, years=2, gp_first_contact_share=share, **SMALL)
        m.run()
        return yearly_summary(m.weekly_rows)[-1]

    none, many = year(0.0), year(0.6)
    assert none["gp_referrals"] == 0 and none["youth_gp_referrals"] == 0
    assert many["youth_gp_referrals"] > 5 and many["gp_referrals"] > 20
    share = lambda y: y["youth_team_referrals"] / (y["youth_team_referrals"] + y["youth_gp_referrals"])  # noqa: E731
    assert share(many) < 0.8


def test_predicted_survey_levels_follow_their_cut_offs_and_propensities():
    def built(**p):
        return NeighbourhoodModel(rng=2, years=1, survey_shares_from_demography=True, **SMALL, **p)

    lonely = [(m := built(loneliness_score_cut=c)).st.lonely[m.adults].mean() for c in (0.0, 1.0)]
    assert lonely[0] > lonely[1] + 0.1
    m_low = built(share_social_housing=0.6, volunteer_deprivation_odds_ratio=0.3)
    m_eq = built(share_social_housing=0.6, volunteer_deprivation_odds_ratio=1.0)
    for m in (m_low, m_eq):
        assert m.st.volunteer[~m.adults].sum() == 0
    social = m_low.adults & m_low.st.social_housing
    other = m_low.adults & ~m_low.st.social_housing & ~m_low.st.born_abroad
    assert m_low.st.volunteer[social].mean() < 0.6 * m_low.st.volunteer[other].mean()
    assert m_low.st.volunteer[m_low.adults].mean() < m_eq.st.volunteer[m_eq.adults].mean()
    # matched mode ignores the cut: the starting share is the one given
    given = NeighbourhoodModel(rng=2, years=1, loneliness_score_cut=3.0, initial_lonely_share=0.4, **SMALL)
    assert given.st.lonely[given.adults].mean() == pytest.approx(0.4, abs=0.02)


def test_switching_the_team_on_mid_run_cuts_specialist_referrals():
    m = NeighbourhoodModel(rng=3, years=3, neighbourhood_team_factor=0.0, **SMALL)
    while m.running:
        if m.week == 52:
            m.set_neighbourhood_team(1.0)
        m.step()
    years = yearly_summary(m.weekly_rows)
    assert years[0]["light_help_per_1000"] == 0
    assert years[2]["light_help_per_1000"] > 5
    assert years[2]["heavy_care_referrals_per_1000"] < 0.6 * years[0]["heavy_care_referrals_per_1000"]
    held = m.generalist_load().sum()
    m.set_neighbourhood_team(0.0)  # a team cut mid-run: workers keep their cases, take no new ones
    assert len(m.generalists) > 0 and (m.generalist_capacity() == 0).all()
    assert m.generalist_load().sum() == pytest.approx(held)
    slots = m.specialist_slots
    m.set_specialist_capacity(2.0)
    assert m.specialist_slots == pytest.approx(2 * slots, abs=4)
    assert np.isfinite(m.generalist_capacity()).all()
