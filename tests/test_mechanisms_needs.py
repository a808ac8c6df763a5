"""Mechanisms 1-3 and loneliness, one at a time, on small neighbourhoods made by hand: life events,
the natural course of needs, informal support, escalation, help seeking."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import events_of, handmade
from helpers import run
from wijksim.model.codes import Need, Path
from wijksim.model.mechanisms import escalation, help_seeking, informal_support, life_events, loneliness


def test_a_life_event_raises_a_need_and_can_turn_an_individual_need_complex():
    m = handmade(4, complex_onset_share=1.0)
    m.st.need[:] = [Need.NONE, Need.SOCIAL, Need.INDIVIDUAL, Need.INDIVIDUAL]
    m.st.severity[:] = [0.0, 0.5, 0.5, 0.5]
    m.event_hazard[:] = 1.0  # everybody has a life event this week
    life_events.life_events(m)
    p, st = m.p, m.st
    assert st.need[0] in (Need.SOCIAL, Need.INDIVIDUAL) and st.severity[0] == pytest.approx(
        p["life_event_severity"]
    )
    assert m.dsev[1] == pytest.approx(p["life_event_severity"])
    assert list(st.need[2:]) == [Need.COMPLEX, Need.COMPLEX]
    assert st.severity[2] == pytest.approx(p["transition_severity"])
    assert m.flows["life_events"] == 4 and m.flows["escalations"] == 2
    assert "escalation: problems in several domains" in events_of(m, 2)


def test_no_life_event_changes_nothing_and_isolated_residents_may_develop_a_social_need():
    m = handmade(400, isolation_need_onset_rate=2.0)
    m.event_hazard[:] = 0.0
    life_events.life_events(m)
    new = int((m.st.need == Need.SOCIAL).sum())
    assert (m.dsev == 0).all() and m.flows["life_events"] == 0
    assert 2 <= new <= 35  # 400 isolated residents x 2/52 a week: about 15


def test_unmet_need_drifts_up_faster_while_waiting_and_complex_problems_feed_themselves():
    m = handmade(4)
    st, p = m.st, m.p
    st.need[:] = [Need.SOCIAL, Need.SOCIAL, Need.COMPLEX, Need.SOCIAL]
    st.severity[:] = 0.5
    st.informal_met[:] = [0.0, 1.0, 0.0, 0.0]
    st.path[3] = Path.WAITING_SPECIALIST
    life_events.natural_course(m)
    drift = p["unmet_need_drift"]
    assert m.dsev[0] == pytest.approx(drift)
    assert m.dsev[1] == pytest.approx(0.0)  # fully met informally: no drift
    assert m.dsev[2] == pytest.approx(drift + p["complex_reinforcement"] * 0.5)
    assert m.dsev[3] == pytest.approx(drift * p["waiting_escalation_factor"])


def test_a_mild_social_need_can_resolve_by_itself():
    m = handmade(3, spontaneous_recovery_rate=0.2)
    m.st.need[:] = Need.SOCIAL
    m.st.severity[:] = [0.1, 0.1, 0.9]
    resolved = 0
    for _ in range(60):
        m.dsev[:] = 0.0
        life_events.natural_course(m)
        resolved += int(m.dsev[0] < -0.5) + int(m.dsev[1] < -0.5)
        assert m.dsev[2] > 0  # a severe social need never resolves by itself
    assert 10 <= resolved <= 40  # 120 chances of 0.2


def test_informal_support_flows_along_ties_only_and_eases_a_social_need():
    m = handmade(3, ties=[(0, 1)])
    st, p = m.st, m.p
    st.helper_capacity[0] = 3.0
    st.need[1:] = Need.SOCIAL
    st.severity[1:] = 0.5
    informal_support.informal_support(m)
    asked = p["need_hours_social"] * 0.5
    assert st.informal_met[1] == pytest.approx(min(1.0, 3.0 / asked))
    assert st.informal_met[2] == 0.0  # no ties, no informal help
    assert m.dsev[1] == pytest.approx(-p["informal_effect_social"] * st.informal_met[1])
    assert m.dsev[2] == 0.0
    assert m.flows["informal_hours"] == pytest.approx(min(3.0, asked))
    assert st.path[1] == Path.INFORMAL_ONLY and st.path[2] == Path.NONE


def test_a_helper_with_a_social_need_gives_part_of_their_hours_and_helping_eases_their_own_need():
    m = handmade(2, ties=[(0, 1)])
    st, p = m.st, m.p
    st.helper_capacity[0] = 3.0
    st.need[:] = [Need.SOCIAL, Need.INDIVIDUAL]
    st.severity[:] = [0.2, 0.5]
    informal_support.informal_support(m)
    given = 3.0 * p["helping_share_with_social_need"]
    assert m.flows["informal_hours"] == pytest.approx(given)
    assert m.dsev[0] == pytest.approx(-p["helping_relief"] * given)
    assert m.dsev[1] == pytest.approx(
        -p["informal_effect_individual"] * given / (p["need_hours_individual"] * 0.5)
    )


def test_an_overloaded_helper_burns_out_and_withdraws():
    m = handmade(2, ties=[(0, 1)], carer_burnout_weeks=3.0)
    st, p = m.st, m.p
    st.helper_capacity[0] = 20.0
    st.need[1], st.severity[1] = Need.INDIVIDUAL, 1.0
    st.overload_weeks[0] = 2
    informal_support.informal_support(m)
    assert m.flows["carer_burnouts"] == 1
    assert st.burnout_until[0] == m.week + int(p["carer_recovery_weeks"])
    assert st.need[0] == Need.SOCIAL  # the strain becomes a need of their own
    assert informal_support.helper_hours(m)[0] == 0.0  # withdrawn


def test_severity_past_one_escalates_a_kind_and_below_zero_de_escalates():
    m = handmade(4)
    st, p = m.st, m.p
    st.need[:] = [Need.SOCIAL, Need.INDIVIDUAL, Need.COMPLEX, Need.SOCIAL]
    st.severity[:] = [0.9, 0.5, 0.9, 0.1]
    m.dsev[:] = [0.2, 0.0, 0.5, -0.2]
    escalation.apply_severity(m)
    assert list(st.need) == [Need.INDIVIDUAL, Need.INDIVIDUAL, Need.COMPLEX, Need.NONE]
    assert st.severity[0] == pytest.approx(p["transition_severity"])
    assert st.severity[1] == pytest.approx(0.5) and st.severity[2] == 1.0 and st.severity[3] == 0.0
    assert m.flows["escalations"] == 1 and m.flows["deescalations"] == 1
    assert (m.dsev == 0).all()
    assert events_of(m, 0) == ["escalation"] and events_of(m, 3) == ["de-escalation"]


def test_residents_seek_help_above_their_threshold_and_a_complex_crisis_goes_straight_to_specialists():
    m = handmade(5, gp_first_contact_share=0.0, private_solution_share=0.0)
    st = m.st
    st.need[:] = [Need.SOCIAL, Need.SOCIAL, Need.SOCIAL, Need.SOCIAL, Need.COMPLEX]
    st.severity[:] = [0.6, 0.3, 0.6, 0.6, 0.97]
    st.informal_met[2] = 1.0  # softened by informal help: no longer felt above the threshold
    st.path_since[3] = m.week - 2  # sent home two weeks ago: waits before asking again
    help_seeking.help_seeking(m)
    assert st.path[0] == Path.WAITING_GENERALIST and st.queue_since[0] == m.week
    assert list(st.path[1:4]) == [Path.NONE, Path.NONE, Path.NONE]
    assert st.path[4] == Path.WAITING_SPECIALIST and st.crisis[4]
    assert m.flows["crises"] == 1 and m.flows["help_requests"] == 1 and m.flows["heavy_care_referrals"] == 1
    assert help_seeking.hidden_count(m) == 1  # 3: unserved, above hidden_need_severity, not asking yet


def test_the_gp_refers_serious_needs_straight_to_specialist_care():
    m = handmade(2, gp_first_contact_share=1.0, private_solution_share=0.0)
    m.st.need[:] = [Need.INDIVIDUAL, Need.SOCIAL]
    m.st.severity[:] = 0.7
    help_seeking.help_seeking(m)
    assert m.st.path[0] == Path.WAITING_SPECIALIST and not m.st.crisis[0]
    assert m.st.path[1] == Path.WAITING_GENERALIST  # a social need goes to the team
    assert m.flows["gp_referrals"] == 1


def test_a_key_facility_an_introduction_and_youth_lower_the_threshold_down_to_its_floor():
    m = handmade(3, age=[40, 40, 15], introduction_threshold_reduction=0.5)
    m.st.introduced[1] = True
    t = help_seeking.effective_threshold(m, np.arange(3))
    assert t[0] == pytest.approx(0.4)
    assert t[1] == pytest.approx(m.p["min_help_seeking_threshold"])
    assert t[2] == pytest.approx(0.4 - m.p["youth_threshold_reduction"])


def test_loneliness_rises_with_too_few_ties_living_alone_and_being_born_abroad():
    m = handmade(4, ties=[(2, 3)])
    st, p = m.st, m.p
    st.lives_alone[1] = True
    st.born_abroad[1] = True
    score = loneliness.loneliness_score(m)
    assert score[0] == pytest.approx(p["loneliness_weight_tie_deficit"])
    assert score[1] == pytest.approx(
        p["loneliness_weight_tie_deficit"]
        + p["loneliness_weight_living_alone"]
        + p["loneliness_weight_born_abroad"]
    )
    assert score[2] == pytest.approx(p["loneliness_weight_tie_deficit"] * (1 - 1 / p["protective_ties"]))
    m.lonely_cut = 1.6
    loneliness.update_loneliness(m)
    assert list(st.lonely) == [False, True, False, False]


def test_fully_met_informal_support_softens_a_social_need_but_part_of_it_still_asks_for_help():
    """§6.2 'vaak met mate': company and help from ties take away `informal_softening_social` of a
    social need's felt severity, not all of it (a practical question, money, a life event remain)."""
    m = handmade(3, informal_softening_social=0.7, gp_first_contact_share=0.0, private_solution_share=0.0)
    st = m.st
    st.need[:] = Need.SOCIAL
    st.severity[:] = [0.6, 1.0, 1.0]
    st.informal_met[:] = [1.0, 1.0, 0.0]
    st.threshold[:] = [0.4, 0.25, 0.4]
    unmet = help_seeking.unmet_severity(m, np.arange(3))
    assert unmet == pytest.approx([0.6 * 0.3, 0.3, 1.0])
    help_seeking.help_seeking(m)
    assert st.path[0] == Path.NONE  # softened below the threshold
    assert st.path[1] == Path.WAITING_GENERALIST  # fully met informally, and still asks the team
    assert st.path[2] == Path.WAITING_GENERALIST


def test_company_eases_loneliness_as_a_memory_of_the_weeks_before():
    """The companionship that eases loneliness is an average over `companionship_memory_weeks`: one
    week's company counts for 1/8, and it fades when company stops instead of vanishing at once."""
    m = handmade(2, ties=[(0, 1)], companionship_memory_weeks=8)
    st = m.st
    st.helper_capacity[0] = 3.0
    st.lonely[1] = True
    informal_support.informal_support(m)
    assert st.informal_met[1] == pytest.approx(1.0)
    assert st.companionship_met[1] == pytest.approx(1 / 8)
    for _ in range(40):
        informal_support.informal_support(m)
    assert st.companionship_met[1] > 0.99
    st.lonely[1] = False  # no longer lonely: asks no company this week
    informal_support.informal_support(m)
    assert st.companionship_met[1] == pytest.approx(0.99 * 7 / 8, rel=0.02)
    assert st.companionship_met[0] == 0.0  # the helper was not lonely: nothing to remember


def test_the_lonely_share_does_not_flicker_from_week_to_week():
    """With this week's company only, a lonely adult whose company made them not lonely asked none the
    next week and was lonely again: the weekly lonely share jumped by about 0.07. With the memory it
    moves smoothly."""
    weekly, _ = run(seed=3, years=2, residents=3000)
    jumps = np.diff(weekly["lonely_share"].to_numpy()[-52:])
    assert np.std(jumps) < 0.01
