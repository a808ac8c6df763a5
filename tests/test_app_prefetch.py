"""Runs ahead of the Run button: a scenario another caller is already running is waited for, not run
twice, and a tab's prefetcher runs only where a dragged slider settles, and a value set on purpose at
once."""

from __future__ import annotations

import threading
import time

import pytest
from wijksim.viz import runner, warm

TINY = runner.Setting(residents=150, years=1, replications=2, seed=11)


@pytest.fixture
def counted(monkeypatch):
    """Every batch of runs the workers get: the flex-team doses it holds."""
    batches: list[list[float]] = []
    real = runner._run_all

    def run_all(runs, years, progress):
        batches.append(sorted({p["flex_team"] for _, p, _, _ in runs}))
        time.sleep(0.3)  # long enough for a second caller to arrive while these run
        return real(runs, years, progress)

    monkeypatch.setattr(runner, "_run_all", run_all)
    return batches


def test_a_scenario_being_run_is_waited_for_not_run_twice(counted):
    setting = runner.Setting(residents=150, years=1, replications=2, seed=12)
    scenario = {"flex_team": 0.013}
    got = []
    first = threading.Thread(target=lambda: got.append(runner.scenario_runs(setting, scenario)))
    first.start()
    time.sleep(0.1)
    got.append(runner.scenario_runs(setting, scenario))  # arrives while the first one runs
    first.join()
    assert len(counted) == 1  # one batch of runs, not two
    assert got[0].equals(got[1])


def test_a_prefetch_leaves_the_comparison_in_the_cache(counted):
    scenarios = [("A", {"flex_team": 0.021})]
    runner.prefetch(TINY, scenarios)
    batches = len(counted)
    assert batches >= 1
    runner.comparison(TINY, scenarios)
    assert len(counted) == batches  # nothing left to run


def test_the_prefetcher_runs_only_where_the_slider_settles(counted):
    setting = runner.Setting(residents=150, years=1, replications=2, seed=13)
    runner.scenario_runs(setting, {})  # the baseline in the cache already
    counted.clear()
    ahead = runner.Prefetcher(delay=0.3)
    for dose in (1.0, 2.0, 3.0, 4.0):  # a slider dragged through four values in 0.1 s
        ahead.ask(setting, [("A", {"flex_team": dose})])
        time.sleep(0.025)
    deadline = time.time() + 60
    while time.time() < deadline and (ahead._busy or not counted):
        time.sleep(0.05)
    ran = {fte for batch in counted for fte in batch}
    assert ran == {TINY.in_fte({"flex_team": 4.0})["flex_team"]}, counted  # per 10,000 as FTE


def test_a_value_set_on_purpose_runs_at_once_a_drag_waits_until_still(counted):
    setting = runner.Setting(residents=150, years=1, replications=2, seed=15)
    runner.scenario_runs(setting, {})  # the baseline in the cache already
    counted.clear()
    ahead = runner.Prefetcher(delay=20.0)  # a drag's values wait until the inputs are still for 20 s
    ahead.ask(setting, [("A", {"flex_team": 1.0})])
    time.sleep(1.5)
    assert counted == []  # still waiting: it might be a slider being dragged
    ahead.settle()  # let go: the value is meant
    deadline = time.time() + 15
    while time.time() < deadline and not counted:
        time.sleep(0.05)
    assert counted == [[TINY.in_fte({"flex_team": 1.0})["flex_team"]]]
    ahead.settle()  # typed and entered: the ask that follows is taken at once
    ahead.ask(setting, [("A", {"flex_team": 2.0})])
    deadline = time.time() + 15
    while time.time() < deadline and len(counted) < 2:
        time.sleep(0.05)
    assert counted[1] == [TINY.in_fte({"flex_team": 2.0})["flex_team"]]
    ahead.ask(setting, [("A", {"flex_team": 3.0})])  # no settle: waits again
    time.sleep(1.5)
    assert len(counted) == 2
    ahead.forget()  # not run 20 s from now, in another test


def test_input_the_run_button_would_refuse_is_not_prefetched(counted):
    setting = runner.Setting(residents=150, years=1, replications=2, seed=14)
    runner.prefetch(setting, [("A", {"specialist_capacity_factor": -1.0})])  # refused: quietly nothing
    assert counted == []


def test_the_page_runs_a_changed_lever_before_run_is_pressed(monkeypatch):
    import ipyvuetify as v
    import solara
    from test_app_components import open_settings, run_and_wait, set_input
    from wijksim.viz.app import Page

    asked = []
    real_ask, real_init = runner.Prefetcher.ask, runner.Prefetcher.__init__
    monkeypatch.setattr(
        runner.Prefetcher, "ask", lambda self, s, sc: (asked.append(sc), real_ask(self, s, sc))
    )
    # Inputs would have to be still for a minute: only a value typed and entered (settled) runs sooner.
    monkeypatch.setattr(runner.Prefetcher, "__init__", lambda self: real_init(self, delay=60.0))
    box, rc = solara.render(Page(), handle_error=False)
    try:
        set_input(rc, "Inwoners", 200)
        run_and_wait(rc)
        assert asked and all(sc is None for sc in asked)  # before a first result: warm-ups only
        open_settings(rc)
        field = rc.find(v.TextField, class_="scenario-1-flex_team-control-number").widget
        field.v_model = "1,5"
        field.fire_event("keyup.enter", None)

        def cached(dose: float) -> list:  # scenario keys hold the doses per 10,000 as the page sets them
            return [
                k
                for k in list(runner._cache)
                if k[0].residents == 200 and dict(k[1]).get("flex_team") == dose
            ]

        deadline = time.time() + 40
        while time.time() < deadline and not cached(1.5):
            time.sleep(0.05)
        assert asked and dict(asked[-1])["A"]["flex_team"] == 1.5
        assert cached(1.5), "the changed scenario is in the cache before Run is pressed"
        slider = rc.find(v.Slider, class_="scenario-1-flex_team-control-slider").widget
        slider.v_model = 2.5  # dragged there ...
        slider.fire_event("change", 2.5)  # ... and let go
        deadline = time.time() + 40
        while time.time() < deadline and not cached(2.5):
            time.sleep(0.05)
        assert cached(2.5), "a slider let go runs at once, too"
    finally:
        rc.close()


def test_a_baseline_run_ahead_is_shared_by_the_first_comparison(monkeypatch):
    """What is run before a first result (`prefetch` without scenarios: the warm-ups, then the
    baseline) is waited for by the comparison that follows, not run again, and its rows are those of
    a comparison that ran everything itself."""
    setting = runner.Setting(residents=150, years=1, replications=2, seed=16)  # no other test's seed
    scenarios = [("A", {"flex_team": 0.02})]
    real_pool, submitted = warm.pool, []
    seeds, doses = set(setting.seeds()), {0.0, setting.in_fte(scenarios[0][1])["flex_team"]}

    class Counting:
        """Counts this setting's tasks only: a tab of an earlier test may still be prefetching."""

        def submit(self, fn, *args):
            task = args[0]
            if fn.__name__ == "warm_up_neighbourhood" and task[1] in seeds:
                submitted.append("warm-up")
            elif fn.__name__ == "execute_warmed_run" and task[1]["flex_team"] in doses:
                submitted.append(f"run of flex team {task[1]['flex_team']:g}")
            return real_pool().submit(fn, *args)

    monkeypatch.setattr(warm, "pool", Counting)
    runner.prefetch(setting, None)
    # One warm-up a replication, all started at once, then the baseline's runs.
    assert submitted == ["warm-up"] * 2 + ["run of flex team 0"] * 2
    shared = runner.comparison(setting, scenarios)["runs"]
    assert submitted[4:] == [f"run of flex team {max(doses):g}"] * 2  # only the scenario is run now

    monkeypatch.setattr(runner, "_cache", type(runner._cache)())  # the same comparison from scratch
    monkeypatch.setattr(warm, "_warm", type(warm._warm)())
    alone = runner.comparison(setting, scenarios)["runs"]
    assert submitted.count("warm-up") == 4 and len(submitted) == 12
    assert shared.equals(alone)


def test_before_a_first_result_the_page_runs_ahead_what_run_will_ask_for(monkeypatch):
    """A table that has chosen its wijk talks levers before its first Run: the page runs that
    setting's baseline meanwhile (with its warm-ups), for exactly the setting Run then asks for."""
    import solara
    from test_app_components import run_and_wait, set_input
    from wijksim.model.params import ParameterError
    from wijksim.viz.app import Page

    ahead, asked = [], []
    monkeypatch.setattr(
        runner, "scenarios_runs", lambda setting, scenarios: ahead.append((setting, scenarios))
    )

    def comparison(setting, *args, **kwargs):
        asked.append(setting)
        raise ParameterError("residents", 0, "stands in for a run")

    monkeypatch.setattr(runner, "comparison", comparison)
    box, rc = solara.render(Page(), handle_error=False)
    try:
        set_input(rc, "Inwoners", 180)
        deadline = time.time() + 20
        while time.time() < deadline and not any(s.residents == 180 for s, _ in ahead):
            time.sleep(0.05)
        run_and_wait(rc)
        assert asked and ahead[-1] == (asked[0], [{}]) and asked[0].residents == 180
    finally:
        rc.close()


def test_nothing_is_run_ahead_for_a_setting_beyond_the_limit(monkeypatch):
    """A typo such as 500,000 residents must not hold the workers ahead of the Run that corrects
    it; the app's own sizes are run ahead."""
    ran = []
    monkeypatch.setattr(runner, "scenarios_runs", lambda setting, scenarios: ran.append((setting, scenarios)))
    big = runner.Setting(residents=500_000)
    runner.prefetch(big, None)
    runner.prefetch(big, [("A", {"flex_team": 1.0})])
    assert ran == []
    runner.prefetch(runner.Setting(), None)
    runner.prefetch(runner.Setting(), [("A", {"flex_team": 1.0})])
    assert ran == [(runner.Setting(), [{}]), (runner.Setting(), [{}, {"flex_team": 1.0}])]


def test_after_a_worker_died_the_retry_does_not_wait_on_the_broken_pools_warm_ups():
    """A warm-up under way when a worker dies belongs to the broken pool: it may fail late or never
    end. `warm.reset_pool` forgets it, so that the retry warms up on the fresh workers."""
    from concurrent.futures import Future

    setting = runner.Setting(residents=150, years=1, replications=2, seed=15)
    params = runner.validate_overrides(setting, {})
    stale = Future()  # the broken pool's warm-up: never finishes
    warm._warming[warm.warm_key(params, setting.seeds()[0])] = stale
    warm.reset_pool()
    got = []
    compare = threading.Thread(
        target=lambda: got.append(runner.comparison(setting, [("A", {"flex_team": 0.02})])), daemon=True
    )
    compare.start()
    compare.join(timeout=120)
    assert got and len(got[0]["runs"]) > 0
