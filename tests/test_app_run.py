"""What a run of the page belongs to: the inputs as they were when Run was pressed (an input changed
during the run marks the result out of date and waits for the next run), and scenarios that would be
pooled under one name are refused before any run."""

from __future__ import annotations

import threading
import time

import ipyvuetify as v
import solara
from helpers import page_texts
from test_app_components import run_and_wait, set_input
from wijksim.viz import runner
from wijksim.viz.app import Page


def alerts(rc, kind: str) -> list[str]:
    return [str(w.children) for w in rc.find(v.Alert).widgets if w.type == kind]


def test_an_input_changed_during_a_run_belongs_to_the_next_run(monkeypatch):
    # The run waits until the input has changed: "during the run" by construction, not by timing.
    changed, real = threading.Event(), runner.comparison
    monkeypatch.setattr(runner, "comparison", lambda *a, **k: (changed.wait(60), real(*a, **k))[1])
    box, rc = solara.render(Page(), handle_error=False)
    try:
        set_input(rc, "Inwoners", 210)
        rc.find(v.Btn, children=["Doorrekenen"]).widget.click()
        deadline = time.time() + 30
        while time.time() < deadline and not rc.find(v.Btn, children=["Doorrekenen"]).widget.disabled:
            time.sleep(0.02)
        set_input(rc, "Inwoners", 260)  # while the run of 210 residents is under way
        changed.set()
        deadline = time.time() + 180
        while time.time() < deadline and not (  # the run over and drawn, not a page half-way through
            rc.find(v.Tab).widgets and not rc.find(v.Btn, children=["Doorrekenen"]).widget.disabled
        ):
            time.sleep(0.05)
        label = "".join(page_texts(rc))
        assert "210 gesimuleerde inwoners" in label and "260 gesimuleerde inwoners" not in label
        assert any("verouderd" in a for a in alerts(rc, "warning"))  # the result is marked out of date
    finally:
        rc.close()


def test_two_scenarios_of_one_name_are_refused_before_any_run():
    box, rc = solara.render(Page(), handle_error=False)
    try:
        set_input(rc, "Inwoners", 200)
        names = [w for w in rc.find(v.TextField).widgets if w.label == "Naam"]
        names[1].v_model = "A"  # scenario 2 renamed as scenario 1
        names[1].fire_event("focusout", None)
        run_and_wait(rc)
        assert any("Twee scenario's heten ‘A’" in a for a in alerts(rc, "error"))
        assert not rc.find(v.Tab).widgets  # nothing was run
    finally:
        rc.close()


def test_a_run_folds_the_settings_away_by_hiding_them_not_closing_them():
    """After a run the settings make way for the results, as a style: the same widgets are there
    again at once when unfolded (closing and making some 150 widgets took a tenth of a second of the
    redraw, on the cores the runs need)."""
    box, rc = solara.render(Page(), handle_error=False)
    try:
        set_input(rc, "Inwoners", 200)

        def assumption():
            return rc.find(v.Slider, class_="assumption-mean_neighbourhood_ties-slider").widget

        def hidden(kind) -> list:  # widgets inside a container styled display: none
            return rc.find(v.Html, style_="display:none;").find(kind).widgets

        def toggle():
            return rc.find(v.Btn, class_="toggle-settings").widget

        before = assumption()
        assert not hidden(v.Slider) and not hidden(v.Switch)
        run_and_wait(rc)
        deadline = time.time() + 30  # the run folds the settings as its last step
        while time.time() < deadline and "Instellingen tonen" not in str(toggle().children):
            time.sleep(0.05)
        assert assumption() is before and before in hidden(v.Slider)
        assert {str(w.label) for w in hidden(v.Switch)} >= {"Sleutelvoorziening"}  # the scenarios' levers
        toggle().click()
        assert assumption() is before and not hidden(v.Slider)
    finally:
        rc.close()
