"""Plotly's browser code served once by `wijksim app` instead of inside every chart widget
(viz/chart_bundle.py); the browser side is checked in test_app_browser.py."""

from __future__ import annotations

import asyncio

import plotly.graph_objects as go
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


def test_the_bundle_is_served_at_its_address_and_everything_else_goes_on():
    route = chart_bundle.BundleRoute(PlainTextResponse("the app"))
    status, headers, body = get(route, chart_bundle.BUNDLE_PATH)
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert body == chart_bundle.BUNDLE_FILE.read_bytes()  # the installed plotly's own
    assert "max-age" in headers["cache-control"]
    assert get(route, "/")[2] == b"the app" and get(route, "/_wijksim/other.js")[2] == b"the app"


def test_the_chart_widget_carries_an_import_not_plotly(monkeypatch):
    monkeypatch.delenv(chart_bundle.SERVED, raising=False)
    assert chart_bundle.chart_widget() is go.FigureWidget  # nobody serves the address: plotly's own
    monkeypatch.setenv(chart_bundle.SERVED, "1")
    assert chart_bundle.chart_widget() is chart_bundle.ChartWidget
    widget = chart_bundle.ChartWidget()
    assert len(widget._esm) < 1000 and chart_bundle.BUNDLE_PATH.lstrip("/") in widget._esm
    assert len(go.FigureWidget()._esm) > 1_000_000  # what each chart carried before
    bundle = chart_bundle.BUNDLE_FILE.read_text()
    exports = bundle[bundle.rindex("export{") :].split("}", 1)[0]  # plotly's: export{x as FigureModel, ...}
    for name in ("FigureModel", "FigureView", "default"):  # each passed on
        assert f"as {name}" in exports and name in widget._esm
