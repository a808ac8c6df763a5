"""The scenarios' curves as interactive charts a projector can show (plotly, issue 23).

Plotly because it runs offline (its JavaScript ships inside the Python package; the app uses its
basic build, `chart_bundle`), Solara shows it as a widget, it gives hover values and zoom, and it is
actively maintained. One panel per key indicator, with two views: the levels with their 95% bands,
and each scenario's difference from "geen nieuwe besluiten" per year (paired over replications,
which share their seeds). The numbers of both views come from `curve_data`, which the static image
(`figures.curves_png`) draws too.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

import ipyvuetify as v
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import solara
from plotly.subplots import make_subplots

from ..experiments.stats import t_half_width
from ..model.indicators import KEY_INDICATORS
from ..model.indicators.registry import PER_1000, yearly
from .chart_bundle import PRELOAD, chart_widget, figure_json, served
from .numbers import number
from .prose import prose

VIEWS = ("levels", "difference")
#: One colour per scenario, in the comparison's order: the baseline dark grey, then A, B, ...
COLOURS = ("#4d4d4d", "#1f6fb4", "#d95f02", "#1b9e77", "#7570b3", "#e7298a")
#: Registry unit -> (factor, (Dutch, English) unit of the levels, of the differences). Every key
#: indicator is a share, rate, count or cost: never below zero, so level bands are clipped at 0.
UNITS: dict[str, tuple[float, tuple[str, str], tuple[str, str]]] = {
    "share": (100.0, ("% van de inwoners", "% of residents"), ("procentpunt", "percentage points")),
    "hours per resident per year": (
        1.0,
        ("uur per inwoner per jaar", "hours per resident per year"),
        ("uur per inwoner per jaar", "hours per resident per year"),
    ),
    PER_1000: (
        1.0,
        ("per 1.000 inwoners per jaar", "per 1,000 residents per year"),
        ("per 1.000 inwoners per jaar", "per 1,000 residents per year"),
    ),
    "persons": (1.0, ("personen", "persons"), ("personen", "persons")),
}
#: Costs: in millions or thousands of euros, whichever the numbers need.
MONEY = "EUR per year"
MILLIONS = (1e-6, ("€ mln per jaar", "EUR m per year"))
THOUSANDS = (1e-3, ("× € 1.000 per jaar", "EUR thousand per year"))
FONT = 16  # px: readable from the back of a room on a 1366x768 projector
#: The margins hold the legend above the panels and the bottom axis's title as they are (a wider
#: margin plotly would ask for redraws the whole chart once more, see `_style`).
ROW_PX, GAP_PX, TOP_PX, BOTTOM_PX = 330, 105, 100, 72


@dataclass
class Panel:
    """One indicator's curves in display units: per scenario a frame of year, mean, low, high."""

    indicator: str
    unit: str
    curves: dict[str, pd.DataFrame]


def scenario_names(runs: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(runs.scenario))


def _scale(ind: str, view: str, lang: str, values: np.ndarray) -> tuple[float, str]:
    i = 0 if lang == "nl" else 1
    unit = yearly(ind).unit
    if unit == MONEY:
        big = np.nanmax(np.abs(values)) if len(values) and np.isfinite(values).any() else 0.0
        factor, names = MILLIONS if big >= 1e6 else THOUSANDS
        return factor, names[i]
    factor, levels, diffs = UNITS[unit]
    return factor, (levels if view == "levels" else diffs)[i]


def _bands(years: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per year (sorted) and column of `values` (rows: replication x year, NaN skipped): the mean,
    the half-width of its 95% t band (0 with one replication) and the number of replications. One
    pass over every curve of every panel (pandas' groupby per curve took a tenth of a second)."""
    unique, row = np.unique(years, return_inverse=True)
    valid = ~np.isnan(values)
    at = np.zeros((len(unique), values.shape[1]))
    n = at.copy()
    np.add.at(n, row, valid)
    np.add.at(at, row, np.where(valid, values, 0.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = at / n
        squares = np.zeros_like(at)
        np.add.at(squares, row, np.where(valid, values - mean[row], 0.0) ** 2)
        sd = np.sqrt(squares / (n - 1))
        half = np.where(n >= 2, t_half_width(np.nan_to_num(sd), n), 0.0)
    return unique, mean, half, n


def curve_data(result: dict[str, Any], view: str, lang: str = "nl") -> list[Panel]:
    """The numbers the charts draw. Levels: mean and 95% band per scenario and year, the band
    clipped at 0. Difference: per scenario, the mean over replications of (scenario − baseline) with
    the same seed, and its 95% band; common random numbers make that band much narrower than the
    two levels' bands suggest."""
    runs = result["runs"]
    names = scenario_names(runs)
    if "replication" not in runs.columns:
        runs = runs.assign(replication=runs.groupby(["scenario", "year"]).cumcount())
    # (replication, year) x (indicator, scenario), as a pivot of each indicator gave, in one reshape
    wide = runs.set_index(["replication", "year", "scenario"])[list(KEY_INDICATORS)].unstack("scenario")
    drawn = names if view == "levels" else names[1:]
    columns = [(ind, name) for ind in KEY_INDICATORS for name in drawn]
    values = wide[columns].to_numpy(dtype=float)
    if view == "difference":
        values = values - wide[[(ind, names[0]) for ind, _ in columns]].to_numpy(dtype=float)
    years, mean, half, n = _bands(wide.index.get_level_values("year").to_numpy(), values)
    panels = []
    for ind in KEY_INDICATORS:
        bands = {}  # per scenario: (years, mean, low, high), a year without any value left out
        for name in drawn:
            j = columns.index((ind, name))
            kept = n[:, j] > 0
            m, h = mean[kept, j], half[kept, j]
            bands[name] = (years[kept], m, m - h, m + h)
        drawn_values = np.concatenate([np.concatenate(b[1:]) for b in bands.values()])
        factor, unit = _scale(ind, view, lang, drawn_values)
        curves = {}  # numbers first, one frame per curve (a frame's column by column scaling took 30 ms)
        for name, (year, m, low, high) in bands.items():
            low = low * factor
            if view == "levels":
                low = np.where(low < 0.0, 0.0, low)  # as pandas' clip: -0.0 and NaN kept
            curves[name] = pd.DataFrame({"year": year, "mean": m * factor, "low": low, "high": high * factor})
        panels.append(Panel(ind, unit, curves))
    return panels


#: Years 1-4 of the baseline against its mean over years 5-10, paired per replication (the app's
#: default wijk, seed 7): at 5,000 residents x 10 replications no key indicator was off by more than
#: noise (cost +0.8 to +1.4%); at 2,000 x 20 cost by at most +3.4%, informal support by +1.8%, against
#: the third the cost fell by before the settled start (issue 19). Nothing to shade (docs/workshop.md).
SETTLING_YEARS = 0


def settling_years(result: dict[str, Any]) -> int:
    """Leading years in which the baseline still drifts as the model settles ("inloopperiode"):
    drawn, shaded and labelled, not passed off as the levers' effect."""
    return min(SETTLING_YEARS, int(result["runs"].year.max()))


def _legend_name(name: str, t) -> str:
    return t("baseline") if name == "baseline" else name


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _grid(n: int) -> tuple[int, list[list[dict | None]]]:
    """Two columns; an odd last panel spans both (no empty panel)."""
    rows = math.ceil(n / 2)
    specs: list[list[dict | None]] = [[{}, {}] for _ in range(rows)]
    if n % 2:
        specs[-1] = [{"colspan": 2}, None]
    return rows, specs


def curves_figure(result: dict[str, Any], t, lang: str, view: str = "levels") -> go.Figure:
    """The interactive chart as a plotly figure (validated: an unknown property raises)."""
    return go.Figure(curves_spec(result, t, lang, view))


def curves_spec(result: dict[str, Any], t, lang: str, view: str = "levels") -> dict[str, Any]:
    """The interactive chart as plain data (`data`, `layout`): one panel per key indicator, width
    following the page. The page sends it without building a `go.Figure`, whose validation took 0.1 s
    a redraw; tests/test_charts.py checks that the JSON is the validated figure's."""
    panels = curve_data(result, view, lang)
    names = scenario_names(result["runs"])
    colour = {name: COLOURS[i % len(COLOURS)] for i, name in enumerate(names)}
    panel_layout, plot_px = _panels(tuple(t(p.indicator) for p in panels))
    band_word = t("band_95")
    traces = []
    for k, panel in enumerate(panels):
        axes = {"xaxis": f"x{k + 1 if k else ''}", "yaxis": f"y{k + 1 if k else ''}"}
        if view == "difference":
            years = next(iter(panel.curves.values()))["year"].to_numpy()
            traces.append(_zero_line(years, t, colour[names[0]], k == 0) | axes)
        for name, c in panel.curves.items():
            legend = _legend_name(name, t)
            year, mean, low, high = (c[col].to_numpy() for col in ("year", "mean", "low", "high"))
            traces.append({
                "type": "scatter", "x": np.concatenate([year, year[::-1]]),
                "y": np.concatenate([high, low[::-1]]), "fill": "toself",
                "fillcolor": _rgba(colour[name], 0.18), "line": {"width": 0}, "hoverinfo": "skip",
                "showlegend": False, "legendgroup": name, **axes,
            })  # fmt: skip
            text = [
                f"{number(m, lang)} ({band_word} {number(lo, lang)} – {number(hi, lang)}) {panel.unit}"
                for m, lo, hi in zip(mean, low, high, strict=True)
            ]
            traces.append({
                "type": "scatter", "x": year, "y": mean, "name": legend, "legendgroup": name,
                "showlegend": k == 0, "line": {"color": colour[name], "width": 3},
                "mode": "lines+markers", "marker": {"size": 7}, "text": text,
                "hovertemplate": f"{legend}: %{{text}}<extra></extra>", **axes,
            })  # fmt: skip
    layout = _style(panel_layout, [p.unit for p in panels], t, lang, view, plot_px)
    if settling := settling_years(result):  # shaded and labelled in every panel
        refs = [("x", "y")] + [(f"x{k}", f"y{k}") for k in range(2, len(panels) + 1)]
        layout["shapes"] = [
            {"fillcolor": "#bbbbbb", "layer": "below", "line": {"width": 0}, "opacity": 0.3, "type": "rect",
             "x0": 0.5, "x1": settling + 0.5, "xref": x, "y0": 0, "y1": 1, "yref": f"{y} domain"}
            for x, y in refs
        ]  # fmt: skip
        layout["annotations"] = layout["annotations"] + [
            {"font": {"size": FONT}, "showarrow": False, "text": t("settling"), "x": 0.5, "xanchor": "left",
             "xref": x, "y": 1, "yanchor": "top", "yref": f"{y} domain"}
            for x, y in refs
        ]  # fmt: skip
    return {"data": traces, "layout": layout}


def warm_up(t, lang: str) -> None:
    """Build a chart once from made-up numbers, so that the first real result does not pay for
    the panels' layout (`make_subplots`, a quarter of a second with plotly's first validators)."""
    years = np.arange(1, 4)
    runs = pd.DataFrame(
        {"scenario": np.repeat(["baseline", "A"], 6), "replication": np.tile(np.repeat([0, 1], 3), 2),
         "year": np.tile(years, 4)} | {ind: 1.0 for ind in KEY_INDICATORS}
    )  # fmt: skip
    figure_json(curves_spec({"runs": runs}, t, lang))


@functools.lru_cache(maxsize=32)
def _panels(titles: tuple[str, ...]) -> tuple[dict[str, Any], int]:
    """The panels' axes and titles as plotly lays them out (`make_subplots`), as plain data, and the
    height of the plot area in px. Read only: `_style` builds new dicts from it."""
    rows, specs = _grid(len(titles))
    plot_px = rows * ROW_PX + (rows - 1) * GAP_PX
    fig = make_subplots(
        rows=rows,
        cols=2,
        specs=specs,
        subplot_titles=list(titles),
        vertical_spacing=GAP_PX / plot_px,
        horizontal_spacing=0.1,
    )
    return fig.layout.to_plotly_json(), plot_px


def _zero_line(years: np.ndarray, t, colour: str, legend: bool) -> dict[str, Any]:
    name = t("baseline_zero")
    return {
        "type": "scatter", "x": years, "y": np.zeros(len(years)), "name": name,
        "legendgroup": "baseline", "showlegend": legend,
        "line": {"color": colour, "width": 2, "dash": "dash"}, "mode": "lines",
        "hovertemplate": f"{name}<extra></extra>",
    }  # fmt: skip


def _style(
    panel_layout: dict[str, Any], units: list[str], t, lang: str, view: str, plot_px: int
) -> dict[str, Any]:
    """The layout: the panels' own (`_panels`), each y axis titled with its unit, and the text
    sizes, number format, grid and legend a projector needs."""
    # Drawn in one pass: no axis asks for more margin (plotly's template lets every axis do so, and a
    # margin that grows redraws the chart), and tick labels are not measured one by one to hide any
    # beyond the chart (none are: the margins hold them). A draw took 0.45 s, now 0.17 s (performance.md).
    grid = {
        "showgrid": True, "gridcolor": "#e3e3e3", "linecolor": "#888", "showline": True,
        "automargin": False, "ticklabeloverflow": "allow",
    }  # fmt: skip
    x_style = {
        "title": {"text": t("year")},
        "dtick": 1,
        "tickfont": {"size": FONT},
        "unifiedhovertitle": {"text": f"{t('year')} %{{x}}"},
        **grid,
    }
    y_style = {
        "tickfont": {"size": FONT},
        "exponentformat": "none",
        "separatethousands": True,
        "rangemode": "tozero" if view == "levels" else "normal",
        "zeroline": True,
        "zerolinecolor": "#888",
        **grid,
    }
    titles = [a | {"font": {**a.get("font", {}), "size": FONT + 2}} for a in panel_layout["annotations"]]
    layout = {
        **panel_layout,
        "annotations": titles,
        "autosize": True,  # no width: the chart takes its container's width
        "height": plot_px + TOP_PX + BOTTOM_PX,
        "margin": {"l": 80, "r": 30, "t": TOP_PX, "b": BOTTOM_PX},
        "font": {"size": FONT, "family": "Roboto, Arial, sans-serif"},
        "separators": ",." if lang == "nl" else ".,",
        "hovermode": "x unified",
        "hoverlabel": {"font": {"size": FONT}},
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1 + 45 / plot_px, "yanchor": "bottom",
                   "font": {"size": FONT + 2}},  # above the panels' titles: never over the data
        "plot_bgcolor": "white",
    }  # fmt: skip
    for k, unit in enumerate(units):
        n = k + 1 if k else ""
        layout[f"xaxis{n}"] = panel_layout[f"xaxis{n}"] | x_style
        layout[f"yaxis{n}"] = panel_layout[f"yaxis{n}"] | {"title": {"text": unit}} | y_style
    return layout


#: `responsive`: plotly redraws at the new width when the window changes (a laptop moved to a
#: projector). No tool bar and no tips: their texts are plotly's English, fixed when the chart is first
#: drawn, and a room does not need them (drag zooms, a double-click zooms out; the PNG is in the export).
CONFIG = {"responsive": True, "displayModeBar": False, "showTips": False}


class Drawn:
    """A figure handed to `PlotlyChart` as plotly's JSON, made once per figure: the page's redraws
    compare it by identity."""

    __slots__ = ("json",)

    def __init__(self, spec: dict[str, Any]):
        self.json = figure_json(spec)


@solara.component
def PlotlyChart(drawn: Drawn):
    """The chart widget (`chart_bundle`) with plotly's config: one widget, whose figure is replaced
    by the next one's (one message; plotly.js redraws what changed)."""
    return chart_widget().element(figure=drawn.json, config=CONFIG)


#: Plotly sizes a chart to its container when it first draws it; the chart widget draws before the
#: page has laid its container out (or while its tab is hidden), so it came out 700 px wide. This
#: watches the container and, whenever its width changes (a tab shown, the settings folded), lets
#: plotly's `responsive` handler redraw.
FOLLOW_WIDTH = """<template><span class="follow-width"></span></template>
<script>
module.exports = {
  mounted() {
    const box = this.$el.parentElement;
    let last = 0;
    this.observer = new ResizeObserver(() => {
      const width = box.getBoundingClientRect().width;
      if (Math.abs(width - last) > 1) { last = width; window.dispatchEvent(new Event('resize')); }
    });
    this.observer.observe(box);
    this.timer = setTimeout(() => window.dispatchEvent(new Event('resize')), 300);
  },
  destroyed() { clearTimeout(this.timer); if (this.observer) this.observer.disconnect(); },
}
</script>"""


@solara.component
def PreloadCharts():
    """Part of the first page: the browser fetches plotly's code while the table is still choosing
    (`chart_bundle`); nothing where the app is not served by `wijksim app`."""
    if served():
        v.VuetifyTemplate.element(template=PRELOAD)


@solara.component
def FollowWidth():
    """See `FOLLOW_WIDTH`."""
    return v.VuetifyTemplate.element(template=FOLLOW_WIDTH)


@solara.component
def Curves(res: dict[str, Any], t, lang: str):
    """The curves tab's chart: a toggle between the levels and the difference from the baseline,
    the chart, and what the bands and the first years mean."""
    view = solara.use_reactive("levels")
    drawn = solara.use_memo(lambda: Drawn(curves_spec(res, t, lang, view.value)), [id(res), lang, view.value])
    labels = {t(f"view_{v}"): v for v in VIEWS}
    with solara.Div(classes=["curves-view"]):
        solara.ToggleButtonsSingle(
            value=t(f"view_{view.value}"), values=list(labels), on_value=lambda v: view.set(labels[v])
        )
    with solara.Div(classes=["curves-chart"], style={"width": "100%"}):
        PlotlyChart(drawn)
        FollowWidth()  # once: a new figure is drawn into the same chart, at the width it has
    with solara.Div(classes=["curves-note"], style={"font-size": f"{FONT}px"}):
        prose(t(f"curves_note_{view.value}"))
        years = settling_years(res)
        prose(t("settling_note").format(years=years) if years else t("settled_note"))
