"""Plotly's chart code, fetched by the browser once and early, not sent with every chart.

A plotly figure widget carries plotly's whole browser bundle (5 MB of JavaScript) inside the widget:
the server sends it through the page's websocket each time a chart is made, and the browser
evaluates it again. On the workshop laptop that was two seconds after the first Run before the first
curves showed. `wijksim app` instead serves the bundle at one address (`BUNDLE_PATH`, from the
installed plotly, so it always matches), the chart widget (`ChartWidget`) holds a few lines that
import it from there, and the page asks for it once the first page is drawn (`PRELOAD`), while the
table is still choosing. The browser then evaluates it once per page.

Outside `wijksim app` (a notebook, `solara run`) nobody serves that address, so the plain figure
widget is used (`chart_widget`).
"""

from __future__ import annotations

import os
from pathlib import Path

import plotly
import plotly.graph_objects as go
from starlette.responses import FileResponse

#: Where `wijksim app` serves plotly's widget bundle (a path no page of the app uses).
BUNDLE_PATH = "/_wijksim/plotly-widget.js"
BUNDLE_FILE = Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"
#: Set by `viz.serve.serve`: this process serves `BUNDLE_PATH`.
SERVED = "WIJKSIM_SERVES_CHART_BUNDLE"

#: The address in the page: Solara writes its root path into the body (`data-base-url` ends in
#: "jupyter/"), so this holds behind a proxy that serves the app under a prefix, too.
_ROOT = 'new URL((document.body.dataset.baseUrl || "/jupyter/") + "..", location.href)'
_URL = f'new URL("{BUNDLE_PATH.lstrip("/")}", {_ROOT}).href'

#: The chart widget's module: plotly's, imported from `BUNDLE_PATH` (the browser keeps one copy).
ESM = f"""const bundle = await import({_URL});
export const FigureModel = bundle.FigureModel;
export const FigureView = bundle.FigureView;
export default bundle.default;
"""

#: A hidden part of the first page that fetches and evaluates the bundle a second after it is drawn.
PRELOAD = f"""<template><span style="display: none"></span></template>
<script>
module.exports = {{
  mounted() {{
    this.timer = setTimeout(() => import({_URL}).catch(() => {{}}), 1000);
  }},
  destroyed() {{ clearTimeout(this.timer); }},
}}
</script>"""


class ChartWidget(go.FigureWidget):
    """plotly's figure widget whose browser code comes from `BUNDLE_PATH`."""

    _esm = ESM


def served() -> bool:
    return os.environ.get(SERVED) == "1"


def chart_widget() -> type[go.FigureWidget]:
    """The figure widget class to draw charts with in this process."""
    return ChartWidget if served() else go.FigureWidget


class BundleRoute:
    """ASGI middleware: answers GET `BUNDLE_PATH` with plotly's bundle (cached by the browser for a
    day), everything else goes on to the app."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope.get("path") == BUNDLE_PATH:
            response = FileResponse(
                BUNDLE_FILE, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"}
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
