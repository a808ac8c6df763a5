"""The workshop app's components and engine, without a browser (solara.render)."""

from __future__ import annotations

import time

import ipyvuetify as v
import pandas as pd
import pytest
import solara
from helpers import page_texts
from wijksim.experiments.compare import growing_queues
from wijksim.viz import figures, headline, network_tab, numbers, runner, summary, warm, wijken
from wijksim.viz.app import Page
from wijksim.viz.i18n import TEXTS, translator
from wijksim.viz.network_tab import YearPlayer


def texts(rc, widget=v.Btn) -> list:
    return [w.children for w in rc.find(widget).widgets]


def set_input(rc, label_contains: str, value) -> None:
    field = next(w for w in rc.find(v.TextField).widgets if label_contains in (w.label or ""))
    field.v_model = str(value)
    field.fire_event("focusout", None)  # continuous_update=False: the value lands on leaving the field


def run_and_wait(rc, label="Doorrekenen", timeout=180) -> None:
    """Press Run and wait until this run has ended (the button busy, then free again) with tabs or an
    error to show; a run from the cache may end before the button is seen busy."""
    rc.find(v.Btn, children=[label]).widget.click()
    started = time.time()
    seen_busy = False
    while time.time() < started + timeout:
        busy = rc.find(v.Btn, children=[label]).widget.disabled
        seen_busy |= busy
        shown = rc.find(v.Tab).widgets or [w for w in rc.find(v.Alert).widgets if w.type == "error"]
        if not busy and shown and (seen_busy or time.time() > started + 1.0):
            return
        time.sleep(0.05)
    raise TimeoutError("no result")


@pytest.fixture
def page():
    box, rc = solara.render(Page(), handle_error=False)
    yield rc
    rc.close()


def test_every_text_has_both_languages():
    for key, pair in TEXTS.items():
        assert len(pair) == 2 and all(pair), key
    nl, en = translator("nl"), translator("en")
    assert nl("run") == "Doorrekenen" and en("run") == "Run" and en("no-such-key") == "no-such-key"


def test_language_toggle_changes_the_labels(page):
    assert rc_has(page, "Doorrekenen")
    page.find(v.BtnToggle).widget.v_model = 1  # the second language: English
    assert rc_has(page, "Run") and not rc_has(page, "Doorrekenen")


def rc_has(rc, text: str) -> bool:
    return bool(rc.find(v.Btn, children=[text]).widgets)


def test_a_run_shows_tabs_with_curves_and_a_summary(page):
    set_input(page, "Inwoners", 400)
    run_and_wait(page)
    tabs = [w.children[0] for w in page.find(v.Tab).widgets]
    assert tabs == ["Verloop", "Netwerk", "Verhaal van een bewoner", "Exporteren"]
    # 400 residents: the result says that chance decides most of it
    warning = page.find(v.Alert, class_="few-residents").widget
    assert "Minder dan 1.000 gesimuleerde inwoners" in str(warning.children)


def test_few_residents_are_warned_of_and_enough_are_not():
    nl = translator("nl")
    assert "Kies er liefst 2.000 of meer" in headline.few_residents(999, "nl", nl)
    assert headline.few_residents(1000, "nl", nl) is None and headline.few_residents(2000, "en", nl) is None


def test_bad_input_shows_a_message_not_a_crash(page):
    set_input(page, "Inwoners", -5)
    run_and_wait(page)
    alerts = [w for w in page.find(v.Alert).widgets if w.type == "error"]
    assert alerts and "Inwoners (gesimuleerd): −5 kan niet" in str(alerts[0].children)
    assert not page.find(v.Tab).widgets


def test_two_sessions_keep_their_own_state():
    _, a = solara.render(Page(), handle_error=False)
    _, b = solara.render(Page(), handle_error=False)
    a.find(v.BtnToggle).widget.v_model = 1
    assert rc_has(a, "Run") and rc_has(b, "Doorrekenen")
    a.close()
    b.close()


def test_engine_comparison_uses_common_seeds_and_caches():
    t = translator("en")
    s = runner.Setting(residents=400, years=3, replications=3, seed=4)
    scen = [("hub", {"key_facility": True}), ("zero", {"network_developers": 0})]
    res = runner.comparison(s, scen)
    assert set(res["runs"].scenario) == {"baseline", "hub", "zero"}
    d = res["differences"]
    zero = d[d.scenario == "zero"]
    assert (zero.difference == 0).all()  # same seeds, no change: exactly no difference
    again = runner.scenario_runs(s, {"key_facility": True})
    assert again is runner.scenario_runs(s, {"key_facility": True})  # cached
    lines = summary.summary_sentences(res, t)
    assert len(lines) == 2 and "hub" in lines[0] and "EUR" in lines[0]
    assert figures.curves_png(res, t, "en", dpi=72).startswith(b"\x89PNG")
    cmd = summary.command_line(s, scen)
    assert cmd.startswith("wijksim compare --preset default --residents 400") and "--key-facility" in cmd


def test_the_command_line_for_a_shipped_wijk_names_the_table_as_the_checkout_does():
    cmd = summary.command_line(runner.Setting(preset=None, wijk="WK001401"), [])
    assert "--scan model/data/wijken_2024.csv --wijk WK001401" in cmd  # not this computer's path
    assert "/work/" not in cmd and "/home/" not in cmd


def test_the_year_player_plays_to_the_last_year_stops_and_starts_over(monkeypatch):
    monkeypatch.setattr(network_tab, "PLAY_SECONDS_PER_YEAR", 0.05)
    year = solara.reactive(0)
    _, rc = solara.render(YearPlayer(year, 3, translator("en")), handle_error=False)

    def button():
        widget = rc.find(v.Btn).widget
        return widget, [c for c in widget.children if isinstance(c, str)]

    widget, label = button()
    assert label == ["Play"]
    widget.click()
    assert button()[1] == ["Pause"]
    deadline = time.time() + 10
    while time.time() < deadline and not (year.value == 3 and button()[1] == ["Play"]):
        time.sleep(0.05)
    assert year.value == 3 and button()[1] == ["Play"]  # played to the end and stopped there
    time.sleep(0.3)
    assert year.value == 3
    button()[0].click()  # at the end, Play starts from year 0
    assert year.value in (0, 1)
    rc.close()


def test_summary_numbers_read_aloud_without_scientific_notation():
    shown = [numbers.significant(x, 2) for x in (-183.2, 35.2, 4.44, -1.0, 0.0044, 1e-5, 12345.6, 0.0)]
    assert shown == ["-180", "35", "4.4", "-1", "0.0044", "0.00001", "12,000", "0"]


def test_the_summary_warns_when_a_scenario_tips_in_both_languages(monkeypatch):
    s = runner.Setting(residents=2000, years=8, replications=2, seed=3)  # a baseline that holds
    res = runner.comparison(s, [("cut", {"specialist_capacity_factor": 0.2})])
    # A queue that grows to the end (a deep cut late in a run; the app has no mid-run changes yet):
    # the cut scenario's wait grows every year.
    cut = res["runs"].scenario == "cut"
    res["runs"].loc[cut, "regular_wait_weeks"] = 10.0 * res["runs"].loc[cut, "year"]
    res = runner.Comparison(**{**res, "warnings": growing_queues(res["runs"])})  # as made, not changed
    assert list(res["warnings"]) == ["cut"]
    en = summary.summary_sentences(res, translator("en"))
    nl = summary.summary_sentences(res, translator("nl"))
    assert len(en) == 2 and "**Note, cut:**" in en[1] and "tipping point" in en[1]
    assert "**Let op, cut:**" in nl[1] and "omslagpunt" in nl[1]


def test_engine_reports_progress_per_run_and_nothing_when_cached():
    s = runner.Setting(residents=300, years=2, replications=3, seed=11)
    calls: list[tuple[int, int]] = []
    runner.comparison(
        s, [("dev", {"network_developers": 1})], lambda done, total: calls.append((done, total))
    )
    assert calls == [(k, 6) for k in range(7)]  # baseline and one scenario, 3 replications each
    calls.clear()
    runner.comparison(
        s, [("dev", {"network_developers": 1})], lambda done, total: calls.append((done, total))
    )
    assert calls == []  # all from the cache


def test_wijk_search_finds_real_wijken():
    found = wijken.search_wijken("groningen")
    assert found and all("(WK" in f for f in found)
    code = wijken.wijk_code(found[0])
    s = runner.Setting(wijk=code, residents=300, years=1, replications=2)
    params = runner.validate_overrides(s, {})
    assert params["residents"] == 300
    assert wijken.search_wijken("") == []


def test_engine_recovers_when_a_worker_dies():
    import os
    import signal

    s = runner.Setting(residents=300, years=1, replications=2, seed=9)
    runner.scenario_runs(s, {})
    for pid in list(warm.pool()._processes):  # a worker dies, e.g. killed for memory
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    df = runner.scenario_runs(s, {"flex_team": 1})
    assert len(df) == 2 and set(df.replication) == {0, 1}


def test_engine_runs_are_bit_for_bit_those_of_the_command_line():
    """The app starts each scenario from a shared warm-up; its rows must be exactly the ones
    `wijksim compare` (execute_run) gives, also for a capacity decided now (`--change 1:...`)."""
    from wijksim.experiments.tasks import execute_run, results_frame

    s = runner.Setting(residents=400, years=2, replications=2, seed=5)
    scen = [("hub", {"key_facility": True, "flex_team": 2}), ("team", {"neighbourhood_team_factor": 1.5})]
    runs = runner.comparison(s, scen)["runs"]
    assert runs.groupby("scenario").cost_total_eur.sum().nunique() == 3  # the scenarios differ
    for name, overrides in [("baseline", {})] + scen:
        params, changes = runner.validate_overrides(s, overrides), runner.decisions(overrides)
        for r, seed in enumerate(s.seeds()):
            want = results_frame(execute_run((r, params, seed, s.years, changes))).drop(columns="run_id")
            got = runs[(runs.scenario == name) & (runs.replication == r)]
            got = got.drop(columns=["scenario", "replication"]).reset_index(drop=True)
            pd.testing.assert_frame_equal(got, want[got.columns])


def test_capacity_in_the_app_is_a_decision_made_now_not_a_region_that_always_had_it():
    """'Geen wijkteam' from year 1: the region keeps the specialist places it had (it does not buy
    the places a region without a team would have), so the GP's referrals fill a queue."""
    s = runner.Setting(residents=1500, years=3, replications=2, seed=3)
    scen = [("no team", {"neighbourhood_team_factor": 0.0}), ("cut", {"specialist_capacity_factor": 0.5})]
    assert runner.decisions(scen[0][1]) == [(1, "neighbourhood_team_factor", 0.0)]
    assert runner.validate_overrides(s, scen[0][1]) == runner.validate_overrides(s, {})  # the same warm-up
    runs = runner.comparison(s, scen)["runs"]
    mean = runs.groupby("scenario").mean(numeric_only=True)
    assert mean.waiting_list["no team"] > 2 * mean.waiting_list["baseline"]
    assert mean.waiting_list["cut"] > mean.waiting_list["baseline"]
    # the region's places: those it has today, not the near threefold a region without a team buys
    from wijksim.experiments.tasks import warm_up_neighbourhood
    from wijksim.model.neighbourhood import NeighbourhoodModel

    params, seed = runner.validate_overrides(s, {}), s.seeds()[0]
    state = warm_up_neighbourhood((params, seed))
    no_team = runner.decisions(scen[0][1])
    decided = NeighbourhoodModel.from_warmed_up(state, years=1, changes=no_team, **params)
    decided.run()
    always = NeighbourhoodModel(rng=seed, years=1, **{**params, "neighbourhood_team_factor": 0.0})
    today = NeighbourhoodModel.from_warmed_up(state, years=1, **params).specialist_slots
    assert decided.specialist_slots == today and always.specialist_slots > 2 * today
    cmd = summary.command_line(s, scen)
    assert "'no team: --change 1:neighbourhood_team_factor=0.0'" in cmd
    from wijksim.viz.export import run_record

    record = run_record(s, scen, "test")  # run.json says how the runs took them
    assert record["changes_during_the_run"]["cut"] == [(1, "specialist_capacity_factor", 0.5)]
    assert "--change 1:specialist_capacity_factor=0.5" in cmd


def test_the_page_loads_without_importing_the_model():
    """Importing Mesa and the model takes over a second; the server must not wait for it before the
    first page (the workers import it)."""
    import subprocess
    import sys

    code = "import sys, wijksim.viz.app; print(sorted(m for m in ('mesa', 'networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_types_and_wijks_own_assumptions_lie_on_the_slider_grid():
    """The sliders start from the wijk's own values, so the grid must hold them exactly (a value off
    the grid would snap to a neighbour and be sent as if the user had moved it: issue 23)."""
    from wijksim.model.params import REGISTRY
    from wijksim.model.presets import PRESET_NAMES

    owns = [runner.own_values(p, None) for p in PRESET_NAMES]
    owns += [runner.own_values("default", code) for code in wijken.wijk_table().wijk_code.head(400)]
    for own in owns:
        for k, value in own.items():
            low, high, step = REGISTRY[k].slider()
            k_steps = (value - low) / step
            assert low <= value <= high and abs(k_steps - round(k_steps)) < 1e-6, (k, value)
    assert runner.own_values("traditional-village", None)["mean_neighbourhood_ties"] == 6.0


def test_only_a_moved_assumption_is_sent():
    own = {"life_event_rate": 0.2, "help_seeking_threshold": 0.5, "mean_neighbourhood_ties": 3.0}
    assert runner.changed_assumptions(own, dict(own)) == ()
    moved = {**own, "mean_neighbourhood_ties": 3.5}
    assert runner.changed_assumptions(own, moved) == (("mean_neighbourhood_ties", 3.5),)


def open_settings(rc) -> None:
    """Open the settings once the run has folded them away (the run folds them as its last step, in
    its own thread): wait for the run to end, then press the toggle until the assumptions show."""

    def toggle():
        return rc.find(v.Btn, class_="toggle-settings").widget

    deadline = time.time() + 60
    while time.time() < deadline and rc.find(v.Btn, children=["Doorrekenen"]).widget.disabled:
        time.sleep(0.05)  # the run is still ending: it folds the settings as its last step
    while time.time() < deadline:
        if rc.find(
            v.Slider, class_="assumption-mean_neighbourhood_ties-slider"
        ).widgets and "verbergen" in str(toggle().children):
            return
        if "Instellingen tonen" in str(toggle().children):
            toggle().click()
        time.sleep(0.05)
    raise AssertionError("the settings did not open")


def _command(rc) -> str:
    """The `wijksim compare` command the export tab shows."""
    rc.find(v.Tabs).widget.v_model = 3  # Exporteren
    for text in page_texts(rc):
        if "wijksim compare" in text:
            return text
    raise AssertionError("no command on the export tab")


def test_the_page_sends_the_wijks_own_assumptions_unless_a_slider_moves(page):
    page.find(v.Select, label="Type wijk of dorp").widget.v_model = "traditional-village"
    ties = page.find(v.Slider, class_="assumption-mean_neighbourhood_ties-slider").widget
    assert ties.v_model == 6.0  # the village's own 6, not the general 4 (nor a snapped 3.9)
    set_input(page, "Inwoners", 300)
    run_and_wait(page)
    command = _command(page)
    assert "--preset traditional-village" in command and "--set" not in command
    open_settings(page)  # they fold away after a run
    ties = page.find(v.Slider, class_="assumption-mean_neighbourhood_ties-slider").widget
    assert ties.v_model == 6.0
    ties.v_model = 6.5
    page.find(v.Btn, children=["Doorrekenen"]).widget.click()
    deadline = time.time() + 180
    while time.time() < deadline and _command(page) == command:  # the new result replaces the old
        time.sleep(0.1)
    command = _command(page)
    assert command.count("--set") == 1 and "--set mean_neighbourhood_ties=6.5" in command
    open_settings(page)
    page.find(v.Btn, children=["Terug naar de waarden van deze wijk"]).widget.click()
    ties = page.find(v.Slider, class_="assumption-mean_neighbourhood_ties-slider").widget
    assert ties.v_model == 6.0
