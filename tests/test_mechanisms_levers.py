"""The levers' mechanisms (7-9), one at a time, on small neighbourhoods made by hand: network
developers, the key facility and the flex team."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import events_of, handmade
from wijksim.model.codes import PROVIDER_KEY_FACILITY, Need, Path
from wijksim.model.mechanisms import care, flex_team, key_facility, network_developers, triage


def with_developer(m, weeks_in_area: int = 520):
    m.p["network_developers"] = 1
    m.network_developers = network_developers.start(m)
    m.network_developers[0].weeks_in_area = weeks_in_area
    return m.network_developers[0]


def test_a_developer_introduces_the_vulnerable_to_vital_residents_and_activates_helpers():
    m = handmade(40, developer_ties_per_week=20.0, developer_activations_per_week=5.0)
    st = m.st
    st.need[:10] = Need.SOCIAL
    st.severity[:10] = 0.5
    st.helper_capacity[10:] = 2.0
    dev = with_developer(m)
    network_developers.work_area(m, dev)
    a, b = m.pending_ties[0]
    assert len(a) > 0 and st.introduced[a].all()
    assert (st.need[b] == Need.NONE).all()  # vital residents: no need of their own
    assert "introduced by network developer" in events_of(m, int(a[0]))
    active = st.activated.nonzero()[0]
    assert len(active) > 0 and st.volunteer[active].all() and (st.need[active] <= Need.SOCIAL).all()
    assert dev.ties_created == m.flows["developer_ties"] > 0
    assert dev.residents_activated == m.flows["developer_activations"] == len(active)


def test_a_developer_new_in_an_area_does_little_at_first():
    m = handmade(40, developer_ties_per_week=3.0, developer_activations_per_week=1.5)
    dev = with_developer(m, weeks_in_area=0)
    assert network_developers.build_up(m, dev) == 0.0
    dev.weeks_in_area = int(52 * m.p["developer_build_up_years"])
    assert network_developers.build_up(m, dev) == pytest.approx(1 - np.exp(-1))


def test_activated_residents_stop_helping_again_over_time():
    m = handmade(520, activation_decay_rate=1.0)
    m.st.activated[:] = m.st.volunteer[:] = True
    network_developers.activation_decay(m)
    stopped = (~m.st.activated).sum()
    assert 2 <= stopped <= 25  # 520 x 1/52
    assert not m.st.volunteer[~m.st.activated].any()


def test_a_developer_moves_on_when_the_area_carries_itself():
    m = handmade(400, developer_area_size=200)
    assert len(m.area_members) == 2
    first, second = m.area_members
    ties = [(int(first[i]), int(first[(i + 1) % len(first)])) for i in range(len(first))]
    from handmade import set_ties

    set_ties(m, ties)  # nobody isolated in area 0; everybody in area 1
    dev = with_developer(m)
    dev.area = 0
    network_developers.maybe_move_on(m, dev)
    assert dev.area == 1 and dev.areas_worked[-1] == 1 and dev.weeks_in_area == 0
    assert m.flows["developer_moves"] == 1


def test_the_key_facility_signals_hidden_needs_and_gives_light_help_without_referral():
    m = handmade(100, key_facility_reach=0.5, key_facility_signalling_rate=1.0, key_facility_tie_rate=0.0,
                 key_facility_light_slots=50.0)  # fmt: skip
    st = m.st
    m.key_facility = key_facility.open_facility(m)
    reach = st.in_reach.nonzero()[0]
    assert len(reach) == 50
    inside, outside = int(reach[0]), int((~st.in_reach).nonzero()[0][0])
    st.need[[inside, outside]] = Need.INDIVIDUAL
    st.severity[[inside, outside]] = 0.3
    key_facility.meet_and_signal(m, m.key_facility)
    assert st.path[inside] == Path.WAITING_GENERALIST and st.path[outside] == Path.NONE
    assert "signalled at key facility" in events_of(m, inside)
    social = int(reach[1])
    st.need[social], st.path[social] = Need.SOCIAL, Path.WAITING_GENERALIST
    key_facility.serve_light_needs(m, m.key_facility)
    assert st.path[social] == Path.LIGHT_HELP and st.provider[social] == PROVIDER_KEY_FACILITY
    assert st.path[inside] == Path.WAITING_GENERALIST  # an individual need goes to the team


def test_the_flex_team_takes_a_case_before_referral_and_hands_it_back():
    m = handmade(2, triage_accuracy=1.0, flex_team=1)
    m.flex_team = flex_team.start(m)
    st = m.st
    st.need[:] = Need.INDIVIDUAL
    st.severity[:] = [0.8, 0.95]  # the second is past flex_max_severity: regional specialists
    st.path[:] = Path.WAITING_GENERALIST
    triage.triage(m)
    assert list(st.path) == [Path.FLEX_CARE, Path.WAITING_SPECIALIST]
    assert m.flows["flex_admitted"] == 1 and m.flows["heavy_care_referrals"] == 1
    assert st.path_end[0] == m.week + int(m.p["flex_weeks"])
    m._week = int(st.path_end[0])
    care.end_episodes(m)
    assert st.path[0] == Path.CASE_MANAGEMENT and "handed back to case management" in events_of(m, 0)


def test_the_flex_team_takes_waiting_cases_early_but_not_crises():
    m = handmade(3, flex_team=1)
    m.flex_team = flex_team.start(m)
    st = m.st
    st.need[:] = Need.INDIVIDUAL
    st.severity[:] = 0.5
    st.path[:] = Path.WAITING_SPECIALIST
    st.crisis[0] = True
    flex_team.take_waiting(m)
    assert list(st.path) == [Path.WAITING_SPECIALIST, Path.FLEX_CARE, Path.FLEX_CARE]


def test_coaching_raises_the_teams_skill_and_without_it_skill_drifts_back():
    m = handmade(3000, flex_team=3)
    start = m.team_skill()
    m.flex_team = flex_team.start(m)
    for _ in range(52):
        flex_team.coach(m)
    coached = m.team_skill()
    assert start < coached < 1.0
    m.flex_team = []
    for _ in range(520):
        flex_team.coach(m)
    kept = (1 - m.p["skill_decay_rate"] / 52) ** 520  # the excess over the start decays each week
    assert m.team_skill() - start == pytest.approx((coached - start) * kept, rel=1e-6)
