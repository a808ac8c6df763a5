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
    m = handmade(40, developer_ties_per_week=20.0, developer_activations_per_week=5.0,
                 willing_to_help_share=1.0, willing_to_connect_share=1.0,
                 introduction_success_share=1.0)  # fmt: skip
    st = m.st
    st.need[:10] = Need.SOCIAL
    st.severity[:10] = 0.5
    st.helper_capacity[10:] = 2.0
    dev = with_developer(m)
    network_developers.work_area(m, dev.area, [dev])
    a, b = m.pending_developer_ties[0]
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


def test_a_developer_stays_while_isolated_residents_may_accept_and_moves_on_when_all_declined():
    m = handmade(400, developer_area_size=200)
    first, second = m.area_members
    dev = with_developer(m)
    dev.area = 0
    network_developers.maybe_move_on(m, dev)
    assert dev.area == 0  # everybody isolated, nobody asked yet
    m.st.openness[first] = 0.99  # all asked, and all declined
    network_developers.maybe_move_on(m, dev)
    assert dev.area == 1


def test_the_key_facility_signals_hidden_needs_and_gives_light_help_without_referral():
    m = handmade(100, key_facility_reach=0.5, key_facility_signalling_rate=1.0, key_facility_tie_rate=0.0,
                 key_facility_light_slots=50.0, key_facility_known_share_start=1.0)  # fmt: skip
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


def test_the_flex_team_takes_a_severe_referral_it_can_treat_and_hands_it_back():
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


# --- levers in moderation (issue 21) -------------------------------------------------------------


def test_a_developers_willing_pool_runs_out():
    m = handmade(200, developer_ties_per_week=0.0, developer_activations_per_week=20.0,
                 willing_to_help_share=0.3, volunteer_ceiling_share=1.0,
                 activation_decay_rate=0.0)  # fmt: skip
    m.st.helper_capacity[:] = 1.0
    dev = with_developer(m)
    weekly = []
    for _ in range(60):
        network_developers.work_area(m, dev.area, [dev])
        weekly.append(int(m.st.activated.sum()))
    chance = network_developers.willing_chance(m.p, "willing_to_help_share")
    assert chance == pytest.approx(0.3)  # the reference cohesion
    asked = ~np.isnan(m.st.openness)
    assert asked.all()  # everybody has been asked once
    willing = m.st.openness < chance
    assert weekly[-1] == weekly[-20] == willing.sum()  # the willing all help; then nothing more
    assert 0.2 < weekly[-1] / 200 < 0.4  # and the rest declined for good
    assert not m.st.activated[~willing].any()


def test_the_willing_pool_is_larger_where_there_is_more_to_build_on():
    village = handmade(10, mean_neighbourhood_ties=6.0, half_public_networks=0.9)
    anonymous = handmade(10, mean_neighbourhood_ties=2.8, half_public_networks=0.2)
    v = network_developers.willing_chance(village.p, "willing_to_help_share")
    a = network_developers.willing_chance(anonymous.p, "willing_to_help_share")
    assert v > 2 * a
    assert network_developers.introduction_success(village.p) > network_developers.introduction_success(
        anonymous.p
    )


def test_an_introduction_fails():
    def introduced(success: float):
        m = handmade(60, developer_ties_per_week=20.0, developer_activations_per_week=0.0,
                     willing_to_connect_share=1.0, introduction_success_share=success)  # fmt: skip
        dev = with_developer(m)
        network_developers.work_area(m, dev.area, [dev])
        return m, sum(len(a) for a, _ in m.pending_developer_ties)

    m, ties = introduced(0.0)
    assert ties == 0 and m.flows["developer_introductions_failed"] > 0 and not m.st.introduced.any()
    m, ties = introduced(1.0)
    assert ties > 0 and m.flows["developer_introductions_failed"] == 0


def test_activation_stops_at_the_volunteer_ceiling():
    m = handmade(100, developer_ties_per_week=0.0, developer_activations_per_week=50.0,
                 willing_to_help_share=1.0, volunteer_ceiling_share=0.3)  # fmt: skip
    m.st.volunteer[:30] = True
    dev = with_developer(m)
    network_developers.work_area(m, dev.area, [dev])
    assert m.flows["developer_activations"] == 0 and dev.contacts > 0


def test_a_tie_a_developer_made_fades_without_maintenance_and_lasts_with_it():
    def left(with_dev: bool) -> int:
        m = handmade(40, introduced_tie_fade_rate=5.0, tie_decay_rate=0.0)
        if with_dev:
            with_developer(m)
        m.network.add_lever_ties(np.arange(0, 20, dtype=np.int32), np.arange(20, 40, dtype=np.int32))
        for _ in range(13):  # a year of network updates
            network_developers.fade_ties(m)
        return len(m.network.lever_u)

    assert left(with_dev=True) == 20  # the developer works the area: the ordinary rate (0 here)
    assert left(with_dev=False) <= 1  # nobody keeps them going: e^-5 of them remain
    m = handmade(4)
    m.network.add_lever_ties(np.array([0], np.int32), np.array([1], np.int32))
    assert m.network.degree[0] == 1  # they count as ties while they last


def test_a_dose_in_fte_makes_part_time_posts():
    m = handmade(10, network_developers=1.5, flex_team=0.5)
    devs = network_developers.start(m)
    assert [d.fte for d in devs] == [1.0, 0.5]
    m.network_developers = devs
    m.flex_team = flex_team.start(m)
    assert m.developer_fte == 1.5 and m.flex_fte == 0.5
    assert flex_team.free_places(m) == int(0.5 * m.p["flex_caseload"])


def test_the_flex_team_takes_a_case_early_before_referral_and_hands_it_back():
    m = handmade(3, flex_team=1, flex_intake_severity=0.5)
    m.flex_team = flex_team.start(m)
    st = m.st
    st.need[:] = Need.INDIVIDUAL
    st.severity[:] = [0.55, 0.4, 0.6]
    st.path[:] = Path.CASE_MANAGEMENT
    st.threshold[:] = 0.1  # the need still asks for help when the episode ends
    assert st.severity.max() < triage.referral_threshold(m, m.team_skill())  # nobody would be referred
    flex_team.intake(m)
    assert list(st.path) == [Path.FLEX_CARE, Path.CASE_MANAGEMENT, Path.FLEX_CARE]
    assert m.flows["flex_admitted"] == m.flows["flex_admitted_early"] == 2
    assert m.flows["heavy_care_referrals"] == 0
    m._week = int(st.path_end[0])
    care.end_episodes(m)
    assert st.path[0] == Path.CASE_MANAGEMENT and "handed back to case management" in events_of(m, 0)


def test_the_key_facilitys_reach_grows_as_people_get_to_know_it():
    m = handmade(2000, key_facility_reach=0.5, key_facility_known_share_start=0.2,
                 key_facility_reach_build_up_years=1.0)  # fmt: skip
    m.key_facility = key_facility.open_facility(m)
    at_start = int(m.st.in_reach.sum())
    assert 0.15 * 1000 < at_start < 0.25 * 1000  # a fifth of the half that lives near
    known_then = m.st.in_reach.copy()
    m.key_facility.weeks_open = 3 * 52
    key_facility.update_reach(m, m.key_facility)
    assert m.st.in_reach.sum() > 0.9 * 1000
    assert m.st.in_reach[known_then].all()  # who knew it still does
    assert m.st.in_reach.sum() <= 1001


def test_a_gp_who_trusts_the_team_sends_requests_there():
    from wijksim.model.mechanisms import help_seeking

    def to_team(trust: float) -> int:
        m = handmade(400, gp_first_contact_share=1.0, gp_team_routing_share=0.5)
        m.gp_trust = trust
        m.st.need[:] = Need.INDIVIDUAL
        m.st.severity[:] = 0.5
        rest = help_seeking.gp_first(m, np.arange(400))
        return len(rest)

    assert to_team(0.0) == 0  # no trust: the GP refers all straight on
    assert 150 < to_team(1.0) < 250  # full trust: half go to the team


def test_the_gps_trust_follows_the_teams_record():
    from wijksim.model.mechanisms import help_seeking

    m = handmade(3000, flex_team=3)
    m.flex_team = flex_team.start(m)
    for _ in range(104):
        flex_team.coach(m)
        help_seeking.update_gp_trust(m)
    assert 0.05 < m.gp_trust < 1.0
    m2 = handmade(3000)
    for _ in range(104):
        flex_team.coach(m2)
        help_seeking.update_gp_trust(m2)
    assert m2.gp_trust == 0.0


def test_developers_sharing_an_area_work_as_one_team_credited_by_effort():
    m = handmade(400, network_developers=1.5, developer_area_size=10_000)  # fmt: skip
    m.network_developers = network_developers.start(m)
    full, part = m.network_developers
    assert (full.fte, part.fte) == (1.0, 0.5) and full.area == part.area  # one area, one team
    full.weeks_in_area = part.weeks_in_area = 520
    for _ in range(20):
        network_developers.network_developers(m)
    # what the team did adds up to the week's flows, credited 2:1 by effort (up to rounding)
    assert full.ties_created + part.ties_created == m.flows["developer_ties"] > 0
    assert full.residents_activated + part.residents_activated == m.flows["developer_activations"] > 0
    assert abs(full.contacts - 2 * part.contacts) <= 3 * 20


@pytest.mark.parametrize("effort", [0.37, 0.0, 1e-9])
def test_a_lone_developer_is_credited_with_all_the_team_did(effort):
    m = handmade(400, network_developers=0.3)
    (dev,) = network_developers.start(m)
    team = network_developers.Team(dev.area, contacts=7, ties_created=3, residents_activated=2)
    team.credit([dev], [effort])
    assert (dev.contacts, dev.ties_created, dev.residents_activated) == (7, 3, 2)


def test_a_developer_seeks_out_the_isolated_first():
    m = handmade(400, developer_ties_per_week=10.0, developer_activations_per_week=0.0,
                 willing_to_connect_share=1.0, willing_share_max=1.0)  # fmt: skip
    tri = np.arange(200, 398).reshape(-1, 3)  # residents 200-397 in triangles: two ties each
    m.network.add_ties(
        np.concatenate([tri[:, 0], tri[:, 1], tri[:, 2]]), np.concatenate([tri[:, 1], tri[:, 2], tri[:, 0]])
    )
    m.st.need[:] = Need.SOCIAL  # all vulnerable, none vital: only those contacted are asked
    dev = with_developer(m)
    for _ in range(10):
        network_developers.work_area(m, dev.area, [dev])
    asked = ~np.isnan(m.st.openness)
    isolated = m.network.degree == 0
    assert asked.sum() > 60 and isolated[:200].all() and not isolated[200:398].any()
    # half the residents are isolated, but weighted 1 against 1/9 they are ~0.9 of those contacted
    # (with a weight of 1/(1 + ties) they would be 0.75)
    assert isolated[asked].mean() > 0.84
