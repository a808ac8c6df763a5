"""The curves' charts (viz/charts.py, figures.curves_png): the numbers they draw and how they read,
on a hand-made comparison whose paired differences and bands can be worked out by hand."""

from __future__ import annotations

import base64
import io
import json
import re

import ipyvuetify as v
import numpy as np
import pandas as pd
import pytest
import solara
from helpers import page_texts
from PIL import Image
from wijksim.experiments.stats import t_half_width
from wijksim.model.indicators import KEY_INDICATORS
from wijksim.model.indicators.registry import yearly
from wijksim.viz import chart_bundle, charts, figures
from wijksim.viz.chart_bundle import PlotlyWidget
from wijksim.viz.i18n import translator

YEARS, REPS = 6, 4


def comparison(seed: int = 3) -> dict:
    """Baseline, A and B with common random numbers: each replication has its own level, which the
    scenarios share, so the paired differences vary far less than the levels."""
    rng = np.random.default_rng(seed)
    typical = {"share": 0.05, "persons": 3.0, "EUR per year": 1.2e6}
    rows = []
    for rep in range(REPS):
        common = rng.normal(0, 1, size=(len(KEY_INDICATORS), YEARS))
        for s, name in enumerate(("baseline", "A", "B")):
            for y in range(YEARS):
                row = {"scenario": name, "replication": rep, "year": y + 1}
                for k, ind in enumerate(KEY_INDICATORS):
                    base = typical.get(yearly(ind).unit, 40.0)
                    noise = 0.02 * rng.normal()
                    row[ind] = max(0.0, base * (1 + 0.9 * common[k, y] + 0.1 * s + noise))
                rows.append(row)
    return {"runs": pd.DataFrame(rows)}


@pytest.fixture(scope="module")
def res():
    return comparison()


def test_one_panel_per_key_indicator_and_no_empty_panel(res):
    t = translator("nl")
    panels = charts.curve_data(res, "levels")
    assert [p.indicator for p in panels] == list(KEY_INDICATORS)
    fig = charts.curves_figure(res, t, "nl")
    yaxes = [k for k in fig.layout.to_plotly_json() if k.startswith("yaxis")]
    assert len(yaxes) == len(KEY_INDICATORS)  # an axis (a panel) per indicator, none spare
    titles = [a.text for a in fig.layout.annotations]
    assert titles == [t(ind) for ind in KEY_INDICATORS]
    used = {trace.yaxis for trace in fig.data}
    assert len(used) == len(KEY_INDICATORS)  # every panel has curves


def test_level_bands_are_clipped_at_zero(res):
    runs = res["runs"]
    g = runs[runs.scenario == "baseline"].groupby("year")["waiting_list"]
    unclipped = g.mean() - t_half_width(g.std(ddof=1), g.count())
    assert (unclipped < 0).any()  # the hand-made numbers do reach below zero
    for panel in charts.curve_data(res, "levels"):
        for c in panel.curves.values():
            assert (c["low"] >= 0).all() and (c["low"] <= c["mean"]).all(), panel.indicator
    fig = charts.curves_figure(res, translator("nl"), "nl")
    bands = [tr for tr in fig.data if tr.fill == "toself"]
    assert bands and all(min(tr.y) >= 0 for tr in bands)


def test_the_difference_view_is_the_paired_mean_difference(res):
    runs = res["runs"]
    panels = {p.indicator: p for p in charts.curve_data(res, "difference")}
    for ind in ("informal_support_hours_per_resident", "light_help_per_1000"):
        wide = runs.pivot_table(index=["replication", "year"], columns="scenario", values=ind)
        paired = (wide["B"] - wide["baseline"]).unstack("replication")  # year x replication
        mean = paired.mean(axis=1).to_numpy()
        half = t_half_width(paired.std(axis=1, ddof=1), REPS).to_numpy()
        c = panels[ind].curves["B"]
        assert np.allclose(c["mean"], mean) and np.allclose(c["high"] - c["mean"], half)
        unpaired = t_half_width(wide["B"].unstack("replication").std(axis=1, ddof=1), REPS).to_numpy()
        assert (half < unpaired / 3).all()  # common random numbers: a much narrower band
    assert set(panels["waiting_list"].curves) == {"A", "B"}  # the baseline is the zero line
    fig = charts.curves_figure(res, translator("en"), "en", "difference")
    assert any(tr.name == "No new decisions (= 0)" and not any(tr.y) for tr in fig.data)


def test_shares_in_percent_costs_in_millions_and_units_in_words(res):
    nl = {p.indicator: p for p in charts.curve_data(res, "levels", "nl")}
    share = res["runs"].query("scenario == 'A' and year == 1")["isolated_share"].mean()
    assert nl["isolated_share"].curves["A"]["mean"].iloc[0] == pytest.approx(100 * share)
    assert nl["isolated_share"].unit == "% van de inwoners"
    assert (
        nl["cost_total_eur"].unit == "€ mln per jaar" and nl["cost_total_eur"].curves["A"]["mean"].max() < 10
    )
    diff = {p.indicator: p for p in charts.curve_data(res, "difference", "nl")}
    assert diff["isolated_share"].unit == "procentpunt"
    assert diff["cost_total_eur"].unit == "× € 1.000 per jaar"  # differences of ~€ 120.000
    for ind in KEY_INDICATORS:  # every key indicator has Dutch unit words
        assert not re.search(r"\b(per year|persons|residents|share|EUR|hours)\b", nl[ind].unit), ind


def test_plain_numbers_dutch_separators_and_readable_text(res):
    nl = charts.curves_figure(res, translator("nl"), "nl")
    en = charts.curves_figure(res, translator("en"), "en")
    assert nl.layout.separators == ",." and en.layout.separators == ".,"
    for fig in (nl, en):
        for key, axis in fig.layout.to_plotly_json().items():
            if key.startswith("yaxis"):
                assert axis["exponentformat"] == "none" and axis["tickfont"]["size"] >= 16
            if key.startswith("xaxis"):
                assert axis["tickfont"]["size"] >= 16
        assert fig.layout.font.size >= 16 and all(a.font.size >= 16 for a in fig.layout.annotations)
        assert fig.layout.autosize and fig.layout.width is None  # the width is the page's
        assert fig.layout.legend.y > 1  # above the panels, never over the data
    hover = " ".join(t for tr in nl.data if tr.text for t in tr.text)
    assert re.search(r"\d,\d", hover) and not re.search(r"\d\.\d{1,2}(?!\d)", hover)  # decimal commas
    assert "e+" not in hover and "95%-interval" in hover
    diff = " ".join(t for tr in charts.curves_figure(res, translator("nl"), "nl", "difference").data
                    if tr.text for t in tr.text)  # fmt: skip
    assert "\u2212" in diff and not re.search(r"(?<![\w])-\d", diff)  # a real minus sign


def test_settling_years_are_shaded_and_labelled_not_hidden(res, monkeypatch):
    t = translator("nl")
    assert not charts.curves_figure(res, t, "nl").layout.shapes  # the model starts settled
    monkeypatch.setattr(charts, "SETTLING_YEARS", 2)
    fig = charts.curves_figure(res, t, "nl")
    assert len(fig.layout.shapes) == len(KEY_INDICATORS)
    assert {(s.x0, s.x1) for s in fig.layout.shapes} == {(0.5, 2.5)}
    assert "inloopperiode" in [a.text for a in fig.layout.annotations]
    assert all(min(tr.x) == 1 for tr in fig.data if tr.name == "A")  # years 1-2 are still drawn


def test_the_png_has_a_panel_per_indicator_plain_dutch_ticks_and_a_legend_outside(res):
    fig = figures.curves_matplotlib(res, translator("nl"), "nl", dpi=150)
    assert len(fig.axes) == len(KEY_INDICATORS)
    fig.canvas.draw()
    for ax in fig.axes:
        assert ax.get_legend() is None and ax.get_ylim()[0] == 0
        assert ax.yaxis.get_offset_text().get_text() == ""  # no 1e6 on top of the axis
        labels = [x.get_text() for x in ax.get_yticklabels()]
        assert not any(re.search(r"\d\.\d{1,2}$|e[+-]?\d", x) for x in labels), labels
    assert fig.legends and [x.get_text() for x in fig.legends[0].get_texts()] == [
        "Geen nieuwe besluiten",
        "A",
        "B",
    ]
    png = figures.curves_png(res, translator("nl"), "nl", dpi=150)
    assert Image.open(io.BytesIO(png)).size[0] == round(8.27 * 150)


def values(array) -> np.ndarray:
    """A data array of plotly's JSON: a list, or a typed array in base64 (as plotly.js decodes it)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array)


def shown(rc) -> tuple[PlotlyWidget, dict]:
    """The chart widget on the page and the figure it holds (plotly's JSON, as the browser gets it)."""
    widget = rc.find(PlotlyWidget).widget
    return widget, json.loads(widget.figure)


def test_the_curves_component_shows_a_plotly_chart_and_the_toggle_switches_views(res):
    _, rc = solara.render(charts.Curves(res, translator("nl"), "nl"), handle_error=False)
    widget, fig = shown(rc)
    names = {tr.get("name") for tr in fig["data"]}
    assert {"Geen nieuwe besluiten", "A", "B"} <= names and not widget.config["displayModeBar"]
    before = [values(tr["y"]) for tr in fig["data"] if tr.get("name") == "A"][0]
    rc.find(v.BtnToggle).widget.v_model = 1  # "Verschil met geen nieuwe besluiten"
    widget, fig = shown(rc)
    names = {tr.get("name") for tr in fig["data"]}
    assert "Geen nieuwe besluiten (= 0)" in names and "Geen nieuwe besluiten" not in names
    after = [values(tr["y"]) for tr in fig["data"] if tr.get("name") == "A"][0]
    assert not np.allclose(before, after)
    notes = " ".join(page_texts(rc))
    assert "herhaling voor herhaling" in notes and "ingelopen" in notes
    rc.close()


def test_new_numbers_go_to_the_same_chart_in_one_message():
    """A lever changed: the chart widget stays, and its figure becomes the new result's (one
    message; plotly.js redraws it in place), property for property."""
    first, second = comparison(3), comparison(5)
    chosen = solara.reactive(first)

    @solara.component
    def Shown():
        charts.Curves(chosen.value, translator("nl"), "nl")

    _, rc = solara.render(Shown(), handle_error=False)
    widget, before = shown(rc)
    before = plain(before)
    messages = []
    widget.observe(lambda change: messages.append(change), names="figure")
    chosen.set(second)
    again, after = shown(rc)
    after = plain(after)
    assert again is widget and len(messages) == 1  # updated, not rebuilt
    validated = json.loads(charts.curves_figure(second, translator("nl"), "nl").to_json())
    assert after == plain(validated) != before
    rc.close()


def plain(x):
    """Plotly's JSON with every data array as a list of floats (a figure gives typed arrays in
    base64, `figure_json` lists: plotly.js reads both alike)."""
    if isinstance(x, dict):
        return values(x).astype(float).tolist() if "bdata" in x else {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else x


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("view", charts.VIEWS)
@pytest.mark.parametrize("settling", [0, 2])
def test_the_page_sends_the_validated_figure_without_building_it(res, monkeypatch, lang, view, settling):
    """The page's JSON (`figure_json`, no `go.Figure`) is the validated figure's, template and all:
    property for property and number for number."""
    monkeypatch.setattr(charts, "SETTLING_YEARS", settling)
    spec = charts.curves_spec(res, translator(lang), lang, view)
    validated = json.loads(charts.curves_figure(res, translator(lang), lang, view).to_json())
    sent = json.loads(chart_bundle.figure_json(spec))
    assert sent["layout"]["template"]["layout"]  # plotly's default template, as a figure carries
    assert plain(sent) == plain(validated)


def test_the_warm_up_builds_the_panels_a_first_result_needs():
    """`charts.warm_up` (after the server's first page) lays out the panels of the language's real
    chart, so that a first result finds them made (make_subplots and plotly's validators)."""
    charts._panels.cache_clear()
    charts.warm_up(translator("en"), "en")
    assert charts._panels.cache_info().currsize == 1
    charts.curves_figure(comparison(), translator("en"), "en")
    assert charts._panels.cache_info().hits >= 1 and charts._panels.cache_info().currsize == 1
