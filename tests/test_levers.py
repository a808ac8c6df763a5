"""The levers and the stress tests move the model the way the book says, with fixed seeds and
enough replications that noise cannot produce the result. Each assertion would fail if the
mechanism it names were removed (the lever would then equal the baseline)."""

import numpy as np
from helpers import run

N = 4000
SEEDS = (1, 2, 3, 4, 5, 6)


def yearly(key, seeds=SEEDS, **levers):
    """Array [seed, year] of one indicator."""
    return np.array([[y[key] for y in run(seed=s, residents=N, **levers)[1]] for s in seeds])


def test_network_developers_build_up_slowly_and_reduce_isolation_in_moderation():
    base_iso, nd_iso = yearly("isolated_share"), yearly("isolated_share", network_developers=2)
    late_base, late_nd = base_iso[:, 3:].mean(), nd_iso[:, 3:].mean()
    assert late_nd < 0.85 * late_base  # fewer isolated residents ...
    assert late_nd > late_base / 3  # ... but the willing pools are finite (issue 21)
    iso_effect = base_iso - nd_iso
    assert iso_effect[:, 3:].mean() > 3 * max(iso_effect[:, 0].mean(), 1e-4)  # it builds up
    base_v, nd_v = yearly("volunteer_share"), yearly("volunteer_share", network_developers=2)
    assert nd_v[:, 3:].mean() > base_v[:, 3:].mean() + 0.01  # residents activated to help ...
    assert nd_v.max() <= 0.4  # ... up to the ceiling


def test_network_developers_move_on_from_self_sustaining_areas():
    from wijksim.model.neighbourhood import NeighbourhoodModel

    # areas of 2,500 residents: four in the wijk (at the default of 10,000 the wijk is one area)
    m = NeighbourhoodModel(
        rng=2,
        years=10,
        residents=10_000,
        network_developers=1,
        developer_area_size=2500,
        record_history=False,
    )
    m.run()
    dev = m.network_developers[0]
    assert len(dev.areas_worked) >= 2
    assert dev.ties_created > 100 and dev.residents_activated > 50


def test_key_facility_lowers_hidden_need_and_relapse():
    base, kf = yearly("hidden_need_share"), yearly("hidden_need_share", key_facility=True)
    assert kf.mean() < 0.8 * base.mean()
    assert (kf.mean(axis=1) < base.mean(axis=1)).all()
    base_r, kf_r = yearly("relapses"), yearly("relapses", key_facility=True)
    # Paired by seed, relapses fall in every replication. Since social needs keep part of their felt
    # severity whatever the ties give (informal_softening_social 0.7), more residents come back for
    # light help and relapse, and the facility's share of them is smaller: -6% (it was -13% with 1).
    assert ((kf_r[:, 3:] - base_r[:, 3:]).mean(axis=1) < 0).all()
    assert kf_r[:, 3:].mean() < 0.97 * base_r[:, 3:].mean()


def test_flex_team_lowers_referrals_and_raises_skill():
    base, flex = yearly("heavy_care_referrals_per_1000"), yearly("heavy_care_referrals_per_1000", flex_team=3)
    assert flex[:, 3:].mean() < base[:, 3:].mean()  # 0.74 over these seeds (partly relabelling)
    # Since issue 21 the flex team takes cases early, before referral, and hands them back: over
    # these seeds 7.5 members per 10,000 residents cut the weeks in heavy care to 0.72 of the
    # baseline (per seed 0.63-0.79) and complex needs to 0.78; crises, a handful a year, follow.
    base_w, flex_w = yearly("heavy_care_client_weeks"), yearly("heavy_care_client_weeks", flex_team=3)
    assert 0.5 * base_w[:, 3:].mean() < flex_w[:, 3:].mean() < 0.85 * base_w[:, 3:].mean()
    base_c, flex_c = yearly("crises"), yearly("crises", flex_team=3)
    assert flex_c[:, 3:].mean() < base_c[:, 3:].mean()
    base_x, flex_x = yearly("need_complex_share"), yearly("need_complex_share", flex_team=3)
    assert flex_x[:, 3:].mean() < 0.9 * base_x[:, 3:].mean()
    assert (yearly("flex_team_cases", flex_team=3) > 0).all()  # it admits cases every year
    skill0, skill = yearly("generalist_skill"), yearly("generalist_skill", flex_team=3)
    assert np.allclose(skill0, skill0[0, 0])  # no coaching: skill stays at its baseline
    assert skill[:, -1].min() > skill0[0, 0] + 0.3
    assert (np.diff(skill.mean(axis=0)) >= -1e-9).all()


def test_halving_specialist_capacity_reproduces_the_danish_failure():
    base_w = yearly("regular_wait_weeks")
    cut_w = yearly("regular_wait_weeks", specialist_capacity_factor=0.5)
    assert 6 < base_w.mean() < 26  # a waiting list at baseline, about the Dutch 14 weeks
    assert cut_w[:, 3:].mean() > 3 * base_w[:, 3:].mean() and cut_w.min() > 26  # far beyond the Treeknorm
    base_q, cut_q = yearly("waiting_list"), yearly("waiting_list", specialist_capacity_factor=0.5)
    assert cut_q[:, 3:].mean() > 2 * base_q[:, 3:].mean()
    base_e, cut_e = yearly("escalations"), yearly("escalations", specialist_capacity_factor=0.5)
    assert cut_e[:, 3:].mean() > 1.05 * base_e[:, 3:].mean()  # 1.09 over these seeds (issue 19)
    base_c, cut_c = yearly("crises"), yearly("crises", specialist_capacity_factor=0.5)
    assert cut_c[:, 3:].mean() > 2 * base_c[:, 3:].mean()
    within = yearly("share_within_treeknorm", specialist_capacity_factor=0.5)
    assert within[:, 3:].mean() < 0.5 * yearly("share_within_treeknorm")[:, 3:].mean()


def test_all_levers_lower_heavy_care_but_not_to_zero():
    levers = dict(network_developers=2, key_facility=True, flex_team=3)
    base, both = yearly("heavy_care_referrals_per_1000"), yearly("heavy_care_referrals_per_1000", **levers)
    assert both[:, 3:].mean() < 0.85 * base[:, 3:].mean()  # 0.73 over these seeds (issue 19)
    assert both[:, 3:].mean() > 0.05 * base[:, 3:].mean()
    assert (both.sum(axis=1) > 0).all()


def test_without_neighbourhood_team_gp_refers_straight_to_specialists():
    base, none = (
        yearly("heavy_care_referrals_per_1000", seeds=SEEDS[:3]),
        yearly("heavy_care_referrals_per_1000", seeds=SEEDS[:3], neighbourhood_team_factor=0.0),
    )
    assert none.mean() > 2 * base.mean()
    light = yearly("light_help_per_1000", seeds=SEEDS[:3], neighbourhood_team_factor=0.0)
    assert light.max() == 0
