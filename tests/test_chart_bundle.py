"""Plotly's browser code served once by `wijksim app` instead of inside every chart widget
(viz/chart_bundle.py); the browser side is checked in test_app_browser.py."""

from __future__ import annotations

import asyncio

from starlette.responses import PlainTextResponse
from wijksim.viz import chart_bundle


def get(app, path: str) -> tuple[int, dict[str, str], bytes]:
    """A GET through an ASGI app, as uvicorn would send it: status, headers, body."""
    sent: list[dict] = []
    asked = []

    async def receive():  # the request, then (once the whole response is sent) the client gone
        if asked:
            while not any(m["type"] == "http.response.body" and not m.get("more_body") for m in sent):
                await asyncio.sleep(0.001)
            return {"type": "http.disconnect"}
        asked.append(1)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": [], "query_string": b"",
             "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 80)}  # fmt: skip
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    return (
        start["status"],
        headers,
        b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"),
    )


def test_plotly_js_is_served_at_its_address_and_everything_else_goes_on():
    route = chart_bundle.BundleRoute(PlainTextResponse("the app"))
    status, headers, body = get(route, chart_bundle.BUNDLE_PATH)
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert body == chart_bundle.PLOTLY_FILE.read_bytes()
    assert b"window.Plotly" in body  # what the widget's module reads once it is evaluated
    assert "max-age" in headers["cache-control"]
    assert get(route, "/")[2] == b"the app" and get(route, "/_wijksim/other.js")[2] == b"the app"


def test_the_basic_plotly_js_is_installed_at_the_version_of_the_installed_plotly():
    """`make` installs plotly.js's basic build (a quarter of the full one's evaluation time) at the
    version the installed plotly ships: the charts' layout options are that version's."""
    assert chart_bundle.PLOTLY_FILE == chart_bundle.BASIC_FILE
    assert chart_bundle.BASIC_FILE.stat().st_size < chart_bundle.FULL_FILE.stat().st_size / 3
    basic = chart_bundle.plotly_js_version(chart_bundle.BASIC_FILE)
    assert basic and basic == chart_bundle.plotly_js_version(chart_bundle.FULL_FILE)


def test_the_served_chart_carries_an_import_and_elsewhere_plotly_js_itself(monkeypatch):
    monkeypatch.setenv(chart_bundle.SERVED, "1")
    served = chart_bundle.chart_widget()
    assert served is chart_bundle.ChartWidget
    assert len(served._esm) < 2000 and chart_bundle.BUNDLE_PATH.lstrip("/") in served._esm
    monkeypatch.delenv(chart_bundle.SERVED)
    inline = chart_bundle.chart_widget()
    assert inline is chart_bundle.chart_widget()  # one class: a page's redraw keeps its widget
    assert issubclass(inline, chart_bundle.PlotlyWidget) and inline is not served
    assert chart_bundle.PLOTLY_FILE.read_text() in inline._esm and "import(" not in inline._esm
    for esm in (served._esm, inline._esm):  # both draw the figure with plotly.js, again on a change
        assert "Plotly.react(" in esm and 'model.on("change:figure"' in esm
