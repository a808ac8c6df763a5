"""The pattern report (`wijksim patterns`): its rows and roles, patterns that are not measurable yet,
--only, the robustness share, exit codes, and a deliberately broken model failing its pattern."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner
from wijksim.experiments.patterns import battery as battery_module
from wijksim.experiments.patterns.battery import BATTERY, Battery, robustness_sets, run_battery
from wijksim.experiments.patterns.core import Target
from wijksim.experiments.patterns.report import COLUMNS
from wijksim.model import neighbourhood
from wijksim.model.codes import Need
from wijksim.model.mechanisms import informal_support
from wijksim.model.params import REGISTRY, priors

from wijksim.cli import app

SMALL = dict(residents=500, replications=2, seed=3, workers=1)
FEW = ("level_lonely", "direction_key_facility_hidden_need", "age_carers_peak", "developers_context",
       "baseline_no_tipping", "flex_cases_every_year", "all_levers_heavy_care_moderate")  # fmt: skip


def test_every_pattern_has_a_unique_snake_case_name_a_source_a_target_and_a_role():
    names = [p.name for p in BATTERY]
    assert len(set(names)) == len(names)
    for p in BATTERY:
        assert p.name == p.name.lower() and " " not in p.name, p.name
        assert p.source and p.statistic and p.meaning, p.name
        assert p.role in ("fitted", "held_out"), p.name
        assert p.compute is not None or p.needs, p.name  # no statistic only while its output is missing
    fitted = {p.name for p in BATTERY if p.role == "fitted"}
    assert {"level_lonely", "level_wmo", "level_youth_care"} <= fitted
    # levels, and the settled start (settle_escalation_share was set with it, issue 19)
    assert all(p.group in ("levels", "settled start") for p in BATTERY if p.role == "fitted")


def test_a_small_battery_gives_one_row_per_pattern_with_its_columns_and_robustness():
    rows = run_battery(Battery(**SMALL, only=FEW, robustness=2))
    assert sorted(r["pattern"] for r in rows) == sorted(FEW)  # in the battery's order
    by = {r["pattern"]: r for r in rows}
    assert set(COLUMNS) <= set(by["level_lonely"])
    assert by["level_lonely"]["role"] == "fitted" and by["baseline_no_tipping"]["role"] == "held_out"
    level = by["level_lonely"]
    assert 20 < level["measured"] < 70 and level["mc_se"] > 0 and level["holds"] in (True, False)
    assert level["robust_sets"] == 2 and level["robust_share"] in (0.0, 0.5, 1.0)
    assert level["fragile"] == (level["robust_share"] < 0.5)
    facility = by["direction_key_facility_hidden_need"]
    assert facility["measured"] < 0  # a key facility lowers hidden need
    age = by["age_carers_peak"]
    assert age["measured"] in (0.0, 1.0) and age["holds"] is (age["measured"] == 1.0)
    assert set(age["detail"]["by_band"]) == {"18-24", "25-44", "45-64", "65-74", "75+"}
    levers = by["all_levers_heavy_care_moderate"]  # measurable since issue 21
    assert levers["missing"] == "" and levers["measured"] is not None and levers["holds"] in (True, False)
    assert levers["robust_sets"] == 2
    context = by["developers_context"]
    assert context["target"] == "report" and context["holds"] is None and context["measured"] is not None
    assert set(context["detail"]["effect_by_preset"]) == {
        "default", "deprived", "affluent", "commuter-village", "town-without-cohesion", "traditional-village",
        "small-residential-village",
    }  # fmt: skip
    table = context["detail"]["by_preset"]["default"]  # the lever table of docs/patterns.md
    assert set(table) == {"dev1", "dev5", "devmax"}
    assert 0 < table["devmax"]["isolated_share"] < 1.5 and 0 < table["dev1"]["volunteer_share"] <= 0.4


def test_robustness_sets_are_a_latin_hypercube_over_the_behavioural_priors():
    sets = robustness_sets(8, seed=5)
    assert sets == robustness_sets(8, seed=5) and sets != robustness_sets(8, seed=6)
    assert len(sets) == 8
    for name, (low, high) in priors().items():
        values = np.array([s[name] for s in sets])
        assert ((values >= low) & (values <= high)).all()
        # Latin hypercube: one value in each eighth of the range
        assert sorted(np.floor((values - low) / (high - low) * 8).astype(int)) == list(range(8))
    assert not any(REGISTRY[n].per_wijk for n in sets[0])


def test_targets_judge_directions_beyond_noise_and_equality_within_it():
    assert Target("positive").holds(0.5, 0.1) and not Target("positive").holds(0.15, 0.1)
    assert Target("positive").holds(0.01, None)  # one replication: the sign alone
    assert Target("negative").holds(-0.5, 0.2) and not Target("negative").holds(0.5, 0.2)
    assert Target("within_error").holds(0.1, 0.1) and not Target("within_error").holds(0.5, 0.1)
    assert Target("between", 1, 2).holds(1.5, 9) and not Target("between", 1, 2).holds(2.5, 0)
    assert Target("report").holds(1.0, 0.1) is None and Target("at_most", high=0).holds(0.0, None)


def _curing(model):
    """A broken informal support that cures individual needs (what §5.5 says it must not do): a
    well-supported lasting condition turns into a passing social need."""
    informal_support.informal_support(model)
    st = model.st
    cured = (st.need == Need.INDIVIDUAL) & (model.rng.random(st.n) < 0.05 * st.informal_met)
    st.need[cured] = Need.SOCIAL
    st.severity[cured] = model.p["transition_severity"]


def test_a_model_whose_informal_support_cures_lasting_conditions_fails_that_pattern(monkeypatch):
    only = ("lasting_conditions_share",)
    run = dict(SMALL, residents=2000, only=only, robustness=0)  # 800: honest 1.18 +- noise
    honest = {r["pattern"]: r for r in run_battery(Battery(**run))}
    week = tuple(
        _curing if step is informal_support.informal_support else step for step in neighbourhood.WEEK
    )
    monkeypatch.setattr(neighbourhood, "WEEK", week)
    broken = {r["pattern"]: r for r in run_battery(Battery(**run))}
    assert broken["lasting_conditions_share"]["holds"] is False
    assert (
        broken["lasting_conditions_share"]["measured"] < honest["lasting_conditions_share"]["measured"] - 0.1
    )
    # (the clearance pattern compares the largest developer dose with none; since the levers are
    # bounded, both arms cure about alike in the broken model, so the share pattern is the one
    # that catches it)


def test_the_command_writes_the_report_and_exits_0_whatever_holds(tmp_path):
    out = tmp_path / "report"
    res = CliRunner().invoke(
        app, ["patterns", "--residents", "400", "--replications", "2", "--robustness", "1", "--workers", "1",
              "--only", "level_lonely,age_wmo_highest_old,groningen_centrum_no_tipping", "--out", str(out)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    table = pd.read_csv(out / "patterns.csv")
    assert list(table.columns) == list(COLUMNS)
    assert list(table.pattern) == ["level_lonely", "groningen_centrum_no_tipping", "age_wmo_highest_old"]
    assert set(table.role) <= {"fitted", "held_out"}
    record = json.loads((out / "patterns.json").read_text())
    assert record["replications"] == 2 and record["wijksim_version"] and len(record["patterns"]) == 3
    assert (out / "patterns.png").stat().st_size > 10_000
    assert "level_lonely" in res.output


@pytest.mark.parametrize(
    "args, field",
    [
        (["--residents", "10"], "--residents"),
        (["--replications", "0"], "--replications"),
        (["--robustness", "-1"], "--robustness"),
        (["--only", "level_lonely,no_such_pattern"], "--only"),
        (["--seed", "-4"], "--seed"),
    ],
)
def test_bad_arguments_exit_2_and_write_nothing(tmp_path, args, field):
    res = CliRunner().invoke(app, ["patterns", *args, "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and field in res.output
    assert not (tmp_path / "o").exists()


def test_needs_are_checked_against_what_the_model_produces(monkeypatch):
    produced = {"waiting_list"}
    pattern = battery_module.BY_NAME["baseline_regular_wait"]
    assert battery_module.missing(pattern, produced) == ["regular_wait_weeks"]
    assert battery_module.missing(pattern, produced | {"regular_wait_weeks"}) == []
    danish = battery_module.BY_NAME["danish_slow_repair"]
    assert "--change" not in battery_module.missing(danish, produced)  # the model has --change
    monkeypatch.setitem(battery_module.CAPABILITIES, "--change", False)
    assert "--change" in battery_module.missing(danish, produced)
