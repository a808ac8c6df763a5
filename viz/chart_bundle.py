"""The chart widget and plotly.js, fetched by the browser once and early, not sent with every chart.

Plotly's own figure widget carries plotly's whole browser bundle (5 MB of JavaScript, every chart
type: maps, 3D, finance) inside the widget, and validates and diffs each figure on the server. The
curves need only line charts with bands. So the app's chart (`ChartWidget`) is a small anywidget
that hands plotly.js the figure as plotly's JSON (`Plotly.react`: one message per new result, which
plotly redraws in place), and the plotly.js it uses is plotly's own "basic" build of the same
version (`BASIC_FILE`: scatter, bar and pie, 1.2 MB; the browser evaluates it in a quarter of the
second the whole bundle takes). `make` installs it from the npm registry next to Solara's offline
files; where it is missing, the installed plotly's full plotly.js is used (`PLOTLY_FILE`).

`wijksim app` serves that file at one address (`BUNDLE_PATH`), the widget holds a few lines that
import it from there, and the first page asks for it a second after it is drawn (`PRELOAD`), while
the table is still choosing. Outside `wijksim app` (a notebook, `solara run`) nobody serves that
address, and the widget carries plotly.js itself (`chart_widget`).
"""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path
from typing import Any

import anywidget
import plotly
import plotly.io as pio
import traitlets
from plotly.io.json import to_json_plotly
from starlette.responses import FileResponse

#: Where `wijksim app` serves plotly.js (a path no page of the app uses).
BUNDLE_PATH = "/_wijksim/plotly.min.js"
#: plotly.js "basic" (npm plotly.js-basic-dist-min), installed by `make` (Makefile, offline-assets)
#: at the version of the installed plotly's own plotly.js.
BASIC_FILE = Path(sys.prefix) / "share" / "wijksim" / "plotly-basic.min.js"
FULL_FILE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_FILE = BASIC_FILE if BASIC_FILE.is_file() else FULL_FILE
#: Set by `viz.serve.serve`: this process serves `BUNDLE_PATH`.
SERVED = "WIJKSIM_SERVES_CHART_BUNDLE"

#: The address in the page: Solara writes its root path into the body (`data-base-url` ends in
#: "jupyter/"), so this holds behind a proxy that serves the app under a prefix, too.
_ROOT = 'new URL((document.body.dataset.baseUrl || "/jupyter/") + "..", location.href)'
_URL = f'new URL("{BUNDLE_PATH.lstrip("/")}", {_ROOT}).href'

#: The widget's drawing: the figure (plotly's JSON) with `Plotly.react`, again whenever it changes.
#: `plotly()` gives window.Plotly, which plotly.js sets when it is evaluated.
_RENDER = """
export default {
  async render({ model, el }) {
    const Plotly = await plotly();
    const draw = () => {
      const figure = JSON.parse(model.get("figure"));
      const layout = figure.layout || {};
      // The figure's height on the element itself: plotly's resize measures the element, which
      // measured 0 once a second figure had been drawn into it (the chart vanished).
      if (layout.height) el.style.height = `${layout.height}px`;
      Plotly.react(el, figure.data || [], layout, model.get("config"));
    };
    draw();
    model.on("change:figure", draw);
    model.on("change:config", draw);
    return () => {
      model.off("change:figure", draw);
      model.off("change:config", draw);
      Plotly.purge(el);
    };
  },
};
"""

#: The module of the widget `wijksim app` serves: plotly.js imported from `BUNDLE_PATH` (one copy).
ESM = f"async function plotly() {{ await import({_URL}); return window.Plotly; }}\n{_RENDER}"

#: A hidden part of the first page that fetches and evaluates plotly.js a second after it is drawn.
PRELOAD = f"""<template><span style="display: none"></span></template>
<script>
module.exports = {{
  mounted() {{
    this.timer = setTimeout(() => import({_URL}).catch(() => {{}}), 1000);
  }},
  destroyed() {{ clearTimeout(this.timer); }},
}}
</script>"""


class PlotlyWidget(anywidget.AnyWidget):
    """A plotly figure drawn by plotly.js in the browser."""

    #: The figure as plotly's JSON (`go.Figure.to_json`): validated where it is built.
    figure = traitlets.Unicode("{}").tag(sync=True)
    #: plotly.js's config (`responsive`, the mode bar).
    config = traitlets.Dict().tag(sync=True)


class ChartWidget(PlotlyWidget):
    """The chart in `wijksim app`: plotly.js comes from `BUNDLE_PATH`."""

    _esm = ESM


@functools.cache
def _inline_widget() -> type[PlotlyWidget]:
    """The chart outside `wijksim app`: it carries plotly.js itself (made once, on first use)."""
    esm = f"{PLOTLY_FILE.read_text()}\nasync function plotly() {{ return window.Plotly; }}\n{_RENDER}"
    return type("InlineChartWidget", (PlotlyWidget,), {"_esm": esm, "__doc__": _inline_widget.__doc__})


def served() -> bool:
    return os.environ.get(SERVED) == "1"


def chart_widget() -> type[PlotlyWidget]:
    """The chart widget class to draw charts with in this process."""
    return ChartWidget if served() else _inline_widget()


def plotly_js_version(path: Path) -> str:
    """The version in a plotly.js file's header ("plotly.js (basic - minified) v4.1.1")."""
    with path.open() as f:
        head = f.read(300)
    found = re.search(r"plotly\.js.*? v(\d+\.\d+\.\d+)", head)
    return found.group(1) if found else ""


class BundleRoute:
    """ASGI middleware: answers GET `BUNDLE_PATH` with plotly.js (cached by the browser for a day),
    everything else goes on to the app."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope.get("path") == BUNDLE_PATH:
            response = FileResponse(
                PLOTLY_FILE, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"}
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


@functools.cache
def _template() -> dict[str, Any]:
    """Plotly's default template, as `go.Figure` adds it to every figure's layout."""
    return pio.templates[pio.templates.default].to_plotly_json()


def figure_json(spec: dict[str, Any]) -> str:
    """The JSON `go.Figure(spec).to_json()` gives (its numbers as lists, not base64), without
    building and validating the figure."""
    return to_json_plotly({"data": spec["data"], "layout": {**spec["layout"], "template": _template()}})
