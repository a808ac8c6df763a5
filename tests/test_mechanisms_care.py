"""Mechanisms 4-6 and the shared state transitions, one at a time, on small neighbourhoods made by
hand: triage, specialist admission, the effects of care, episodes that end, return and relapse."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import events_of, handmade
from wijksim.model import transitions
from wijksim.model.codes import PROVIDER_NONE, Need, Path
from wijksim.model.mechanisms import care, return_relapse, specialist_care, triage


def waiting_for_the_team(m, need, severity):
    m.st.need[:] = need
    m.st.severity[:] = severity
    m.st.path[:] = Path.WAITING_GENERALIST
    m.st.queue_since[:] = np.arange(len(need))


def test_triage_routes_each_need_kind_and_refers_a_severe_individual_need():
    m = handmade(4, triage_accuracy=1.0, team_slots=10)
    waiting_for_the_team(
        m, [Need.SOCIAL, Need.INDIVIDUAL, Need.INDIVIDUAL, Need.COMPLEX], [0.5, 0.4, 0.95, 0.5]
    )
    triage.triage(m)
    st, p = m.st, m.p
    assert list(st.path) == [
        Path.LIGHT_HELP,
        Path.CASE_MANAGEMENT,
        Path.WAITING_SPECIALIST,
        Path.COMBINED_TEAM,
    ]
    assert st.path_end[0] == m.week + int(p["light_help_weeks"])
    cm = p["case_management_slot_weight"]
    assert list(st.slots) == pytest.approx([1.0, cm, cm, p["combined_team_slots"]])
    assert (st.provider >= 0).all()  # the referred case stays with its generalist while it waits (§7.5)
    assert m.flows["light_help_started"] == 1 and m.flows["heavy_care_referrals"] == 1


def test_triage_takes_requests_in_order_as_far_as_the_team_has_room():
    m = handmade(3, triage_accuracy=1.0, team_slots=1.5)
    waiting_for_the_team(m, [Need.SOCIAL, Need.SOCIAL, Need.SOCIAL], 0.5)
    m.st.queue_since[:] = [3, 1, 2]
    triage.triage(m)
    assert list(m.st.path) == [Path.WAITING_GENERALIST, Path.LIGHT_HELP, Path.WAITING_GENERALIST]


def test_a_misjudged_need_lands_one_kind_off():
    m = handmade(300, triage_accuracy=0.0, skill_accuracy_gain=0.0, team_slots=1000)
    waiting_for_the_team(m, [Need.SOCIAL] * 100 + [Need.INDIVIDUAL] * 100 + [Need.COMPLEX] * 100, 0.3)
    triage.triage(m)
    paths = m.st.path
    assert (paths[:100] == Path.CASE_MANAGEMENT).all()  # a social need taken for an individual one
    assert set(paths[100:200]) == {Path.LIGHT_HELP, Path.COMBINED_TEAM}
    assert (paths[200:] == Path.CASE_MANAGEMENT).all()  # a complex need taken for an individual one
    assert m.flows["misjudged"] == 300


def test_without_a_team_the_gp_refers_serious_needs_and_sends_social_needs_home():
    m = handmade(2, team_slots=0.0)
    waiting_for_the_team(m, [Need.SOCIAL, Need.COMPLEX], 0.5)
    triage.triage(m)
    assert list(m.st.path) == [Path.NONE, Path.WAITING_SPECIALIST]
    assert m.flows["gp_advice"] == 1 and m.flows["gp_referrals"] == 1


def test_specialists_admit_crises_first_then_the_longest_waiting_within_their_slots():
    m = handmade(4, specialist_slots=2, queue_dropout_rate=0.0)
    st = m.st
    st.need[:] = Need.INDIVIDUAL
    st.path[:] = Path.WAITING_SPECIALIST
    st.queue_since[:] = [1, 2, 3, 4]
    st.crisis[3] = True
    specialist_care.admit(m)
    assert list(st.path) == [
        Path.SPECIALIST_CARE,
        Path.WAITING_SPECIALIST,
        Path.WAITING_SPECIALIST,
        Path.SPECIALIST_CARE,
    ]
    assert m.flows["admitted_specialist"] == 2 and m.flows["wait_weeks_sum"] == (10 - 1) + (10 - 4)
    assert (st.path_end[[0, 3]] >= m.week + 4).all() and not st.crisis.any()
    specialist_care.admit(m)  # full: nobody more
    assert m.flows["admitted_specialist"] == 2


def test_the_effect_of_care_depends_on_the_path_and_the_true_need():
    m = handmade(5)
    st, p = m.st, m.p
    st.path[:] = [
        Path.LIGHT_HELP,
        Path.LIGHT_HELP,
        Path.SPECIALIST_CARE,
        Path.WAITING_SPECIALIST,
        Path.WAITING_SPECIALIST,
    ]
    st.need[:] = [Need.SOCIAL, Need.INDIVIDUAL, Need.COMPLEX, Need.SOCIAL, Need.SOCIAL]
    st.provider[:] = [0, 0, -1, 0, PROVIDER_NONE]
    care.care_effects(m)
    light, spec = p["light_help_effect"], p["specialist_effect"]
    assert m.dsev == pytest.approx(
        [-light, -p["light_help_individual_share"] * light, -p["specialist_effect_complex_share"] * spec,
         -p["waiting_light_help_share"] * light, 0.0]
    )  # fmt: skip
    assert m.flows["specialist_client_weeks"] == 1


def test_specialist_care_that_ends_hands_an_individual_need_back_and_keeps_a_complex_one():
    m = handmade(3, team_slots=1.0)
    st, p = m.st, m.p
    st.path[:] = Path.SPECIALIST_CARE
    st.path_end[:] = m.week
    st.need[:] = [Need.INDIVIDUAL, Need.INDIVIDUAL, Need.COMPLEX]
    st.severity[:] = 0.8
    st.threshold[:] = 0.4  # the individual needs still ask for help
    care.end_episodes(m)
    assert st.path[0] == Path.CASE_MANAGEMENT and st.slots[0] == pytest.approx(
        p["case_management_slot_weight"]
    )
    assert "handed back to case management" in events_of(m, 0)
    # the team had room for one case only: the second goes home, to ask again when needed
    assert st.path[1] == Path.RETURNING
    assert st.path[2] == Path.SPECIALIST_CARE
    assert st.path_end[2] == m.week + int(p["specialist_weeks"] * p["complex_stay_share"])


def test_a_lasting_need_softened_below_the_threshold_goes_home_without_a_case_manager():
    m = handmade(2, team_slots=4.0)
    st = m.st
    st.path[:] = Path.SPECIALIST_CARE
    st.path_end[:] = m.week
    st.need[:] = Need.INDIVIDUAL
    st.severity[:] = [0.2, 0.8]  # the first softened to the floor, the second not
    st.threshold[:] = 0.4
    care.end_episodes(m)
    assert st.need[0] == Need.INDIVIDUAL and st.path[0] == Path.RETURNING  # it lasts, at home
    assert st.path[1] == Path.CASE_MANAGEMENT


def test_a_need_resolved_while_waiting_leaves_the_queue():
    m = handmade(2)
    m.st.path[:] = Path.WAITING_SPECIALIST
    m.st.need[:] = [Need.SOCIAL, Need.INDIVIDUAL]
    care.end_episodes(m)
    assert list(m.st.path) == [Path.RETURNING, Path.WAITING_SPECIALIST]


def test_without_ties_returning_residents_relapse_and_with_a_protective_network_they_do_not():
    n = 400
    ties = [(i, 200 + (i - 200 + k) % 200) for i in range(200, 400) for k in (1, 2, 3, 4)]
    m = handmade(n, ties=ties, relapse_rate=0.2, tie_relapse_protection=1.0)
    st, p = m.st, m.p
    st.path[:] = Path.RETURNING
    st.path_since[:] = m.week - 1
    st.return_need[:] = Need.INDIVIDUAL
    return_relapse.relapse(m)
    fell = st.path_since < m.week - 1  # relapse resets it, so the resident may ask again at once
    assert 20 <= fell[:200].sum() <= 60 and fell[200:].sum() == 0
    assert (st.need[fell] == Need.INDIVIDUAL).all() and (
        st.severity[fell] >= p["relapse_severity"] - 1e-6
    ).all()
    assert m.flows["relapses"] == fell.sum()


def test_returning_residents_settle_after_the_return_weeks():
    m = handmade(2, relapse_rate=0.0)
    m.st.path[:] = Path.RETURNING
    m.st.path_since[:] = [m.week - int(m.p["return_weeks"]), m.week - 1]
    return_relapse.relapse(m)
    assert list(m.st.path) == [Path.NONE, Path.RETURNING]


def test_a_referral_keeps_the_generalists_case_a_crisis_does_not():
    m = handmade(2)
    st, p = m.st, m.p
    st.provider[:] = 0
    st.slots[:] = 1.0
    st.need[:] = Need.INDIVIDUAL
    transitions.refer_to_specialist(m, np.array([0]))
    transitions.refer_to_specialist(m, np.array([1]), crisis=True)
    assert st.slots[0] == pytest.approx(p["case_management_slot_weight"]) and st.provider[0] == 0
    assert st.slots[1] == 0.0 and st.provider[1] == PROVIDER_NONE and st.crisis[1]
    assert (st.path == Path.WAITING_SPECIALIST).all() and (st.queue_since == m.week).all()
    assert st.specialist_domain[0] == 1 or st.specialist_domain[0] == 2  # an adult: GGZ or addiction care
