"""The regional queue for specialist care (issue 20), one piece at a time on hand-made states: crises
while waiting, the order of admission, drop-outs, gatekeepers who hold back as the wait grows, the
rest of the region, slow rebuilding, and policy that changes during a run."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import events_of, handmade
from typer.testing import CliRunner
from wijksim.model import policy
from wijksim.model.codes import Need, Path
from wijksim.model.mechanisms import help_seeking, specialist_care, triage
from wijksim.model.neighbourhood import NeighbourhoodModel
from wijksim.model.params import ParameterError, parse_changes
from wijksim.model.region import Region

from wijksim.cli import app


def waiting(m, severity, since):
    m.st.need[:] = Need.COMPLEX
    m.st.severity[:] = severity
    m.st.path[:] = Path.WAITING_SPECIALIST
    m.st.queue_since[:] = since


def test_a_crisis_while_waiting_is_counted_costs_crisis_care_and_goes_first():
    m = handmade(3, gp_first_contact_share=0.0)
    waiting(m, [0.97, 0.5, 0.97], [1, 2, 3])
    m.st.crisis[2] = True  # already a crisis
    help_seeking.help_seeking(m)
    assert list(m.st.crisis) == [True, False, True]
    assert m.flows["crises_while_waiting"] == 1 and m.flows["crises"] == 1
    assert (m.st.path == Path.WAITING_SPECIALIST).all()  # still waiting, now first in line
    assert "crisis while waiting" in events_of(m, 0)


def test_admission_goes_by_urgency_then_severity_and_waiting_time():
    m = handmade(4, specialist_slots=2, queue_dropout_rate=0.0, priority_weeks_per_severity=20.0)
    waiting(m, [0.3, 0.9, 0.3, 0.3], [1, 5, 2, 9])
    m.st.crisis[3] = True
    specialist_care.admit(m)
    # the crisis first; then the severe one who joined at week 5 (5 - 20 x 0.9 = -13) before the
    # longest waiting (1 - 20 x 0.3 = -5)
    assert list(m.st.path == Path.SPECIALIST_CARE) == [False, True, False, True]


def test_a_waiting_client_may_drop_out_home_or_to_private_help():
    m = handmade(400, specialist_slots=0, queue_dropout_rate=0.2, private_solution_share=0.5)
    waiting(m, 0.5, 1)
    m.st.need[:] = Need.INDIVIDUAL
    m.st.provider[:] = 0
    m.st.slots[:] = 0.3
    specialist_care.admit(m)
    gone = m.st.path == Path.NONE
    assert 50 <= gone.sum() <= 110 and m.flows["dropped_out_of_queue"] == gone.sum()
    assert (m.st.slots[gone] == 0).all() and (m.st.provider[gone] == -1).all()
    assert 0 < m.flows["private_solutions"] < gone.sum()
    assert (m.dsev[gone] <= 0).all() and (m.dsev[~gone] == 0).all()


def test_the_referral_threshold_rises_with_the_wait():
    m = handmade(
        2, gatekeeper_wait_start_weeks=4.0, gatekeeper_wait_span_weeks=20.0, gatekeeper_threshold_rise=0.2
    )
    p = m.p
    base = triage.referral_threshold(m, 0.0)
    for wait, expected in ((0.0, 0.0), (4.0, 0.0), (14.0, 0.5), (24.0, 1.0), (80.0, 1.0)):
        m.region.queue_ema, m.region.arrivals_ema = wait, 1.0  # Little's law: wait = queue / arrivals
        assert specialist_care.gatekeeping(m) == pytest.approx(expected)
        assert triage.referral_threshold(m, 0.0, specialist_care.gatekeeping(m)) == pytest.approx(
            base + p["gatekeeper_threshold_rise"] * expected
        )
    # a long wait: an individual need the team would have referred stays in case management
    m2 = handmade(1, triage_accuracy=1.0)
    usual = triage.referral_threshold(m2, m2.team_skill())
    m2.st.need[0], m2.st.severity[0], m2.st.path[0] = Need.INDIVIDUAL, usual + 0.05, Path.WAITING_GENERALIST
    m2.region.queue_ema, m2.region.arrivals_ema = 100.0, 1.0
    triage.triage(m2)
    assert m2.st.path[0] == Path.CASE_MANAGEMENT and m2.flows["referral_candidates"] == 1


def test_the_rest_of_the_region_refers_at_the_wijks_rate_and_shares_the_places():
    r = Region(others=9_000)
    for _ in range(200):
        r.learn(regular=3.0, urgent=0.0, residents=1_000)  # the wijk: 3 candidates a week per 1,000
    assert r.rate_regular == pytest.approx(0.003)
    rng = np.random.default_rng(1)
    arrivals = [r.arrive(rng, week, held_back=0.0)[0] for week in range(52)]
    assert np.mean(arrivals) == pytest.approx(27, rel=0.15)  # 9,000 x 0.003 a week
    held = [r.arrive(rng, 60, held_back=0.5)[0] for _ in range(200)]
    assert np.mean(held) == pytest.approx(13.5, rel=0.15)
    m = handmade(4, specialist_slots=10, queue_dropout_rate=0.0)
    m.region = Region(others=100, frozen=True, in_care=3)
    m.region.join_queue(0, [8], [0.0])
    waiting(m, 0.0, [5, 5, 5, 5])
    m.st.need[:] = Need.INDIVIDUAL
    specialist_care.admit(m)  # 10 places - 3 taken: 7 for 8 + 4 waiting, the oldest first
    assert m.region.in_care == 3 + 7 and m.region.waiting_total == 1
    assert not (m.st.path == Path.SPECIALIST_CARE).any()
    assert m.flows["region_regular_admitted"] == 7


def test_capacity_raised_after_a_cut_grows_back_over_years_and_a_cut_is_at_once():
    m = NeighbourhoodModel(rng=1, years=3, residents=400, specialist_rebuild_years=2.0, record_history=False)
    full = m.specialist_slots
    policy.apply(m, "specialist_capacity_factor", 0.5)
    assert m.specialist_slots == pytest.approx(full / 2, abs=2)
    policy.apply(m, "specialist_capacity_factor", 1.0)
    assert m.specialist_slots == pytest.approx(full / 2, abs=2)  # not back at once
    for _ in range(104):
        specialist_care.rebuild(m)
    grown = m.p["specialist_capacity_factor"]
    assert 0.5 + 0.5 * (1 - np.exp(-1.0)) - 0.02 < grown < 1.0  # about 1 - e^-1 of the gap in two years


def test_a_change_takes_effect_at_the_start_of_its_year():
    m = NeighbourhoodModel(rng=2, years=3, residents=500, changes=[(2, "flex_team", 2)], record_history=False)
    while m.week < 52:
        m.step()
        assert len(m.flex_team) == 0
    m.step()  # week 53, the first of year 2
    assert len(m.flex_team) == 2 and m.p["flex_team"] == 2
    m2 = NeighbourhoodModel(
        rng=2, years=3, residents=500, changes=[(1, "key_facility", True)], record_history=False
    )
    assert m2.key_facility is None
    m2.step()
    assert m2.key_facility is not None and m2.st.in_reach.any()


@pytest.mark.parametrize(
    "item, reason",
    [
        ("4:specialist_capacity_factor=1", "the year must be 1..3"),
        ("1:no_such_parameter=1", "unknown parameter"),
        ("specialist_capacity_factor=1", "expected YEAR:NAME=VALUE"),
        ("2:residents=300", "fixed for a run"),
        ("2:help_seeking_threshold=0.3", "fixed for a run"),
        ("2:flex_team=-1", "outside"),
    ],
)
def test_bad_changes_are_refused_naming_the_item(item, reason):
    with pytest.raises(ParameterError, match=reason) as err:
        parse_changes([item], 3)
    assert err.value.field == "--change"


def test_bad_changes_on_the_command_line_exit_2_and_write_nothing(tmp_path):
    for item in ("9:specialist_capacity_factor=1", "1:no_such_parameter=1", "specialist_capacity_factor=1"):
        res = CliRunner().invoke(app, ["run", "--residents", "300", "--years", "2", "--change", item,
                                       "--out", str(tmp_path / "o")])  # fmt: skip
        assert res.exit_code == 2 and "--change" in res.output and not (tmp_path / "o").exists()
    late = ["--scenario", "late: --change 5:flex_team=1", "--out", str(tmp_path / "c")]
    res = CliRunner().invoke(
        app, ["compare", "--residents", "300", "--years", "2", "--replications", "2", *late]
    )
    assert res.exit_code == 2 and "--change" in res.output and not (tmp_path / "c").exists()
