"""The commands that describe the model: its parameters, indicators and neighbourhood presets;
and `wijksim app`, which serves the workshop app."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from ..model.indicators import registry as indicators_registry
from ..model.params import REGISTRY, ParameterError, describe
from ..model.presets import PRESET_NAMES, PRESETS
from ..viz.i18n import LANGUAGES
from .common import app, fail


@app.command()
def params(fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """List the parameter registry: name, unit, default, range, source."""
    rows = [describe(p) for p in REGISTRY.values()]
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=1))
        return
    if fmt != "table":
        fail(ParameterError("--format", fmt, "choose table or json"))
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("name", "unit", "default", "range", "source"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["name"], r["unit"], str(r["default"]), f"{r['low']} - {r['high']}", r["source"])
    Console(width=200).print(table)


@app.command()
def presets(fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """List the neighbourhood presets and what sets them apart."""
    if fmt == "json":
        typer.echo(json.dumps({n: PRESETS[n] for n in PRESET_NAMES}, indent=1))
        return
    for name in PRESET_NAMES:
        p = PRESETS[name]
        typer.echo(f"{name}\n  {p['rationale']}")
        if p["values"] and "alias_of" not in p:
            typer.echo("  " + ", ".join(f"{k}={v}" for k, v in p["values"].items()))


@app.command()
def indicators(fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """List every output indicator: name, unit, kind (stock or flow), type, meaning."""
    rows = indicators_registry.all_indicators()
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=1))
        return
    if fmt != "table":
        fail(ParameterError("--format", fmt, "choose table or json"))
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("name", "output", "unit", "kind", "dtype", "description"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(str(r[c]) for c in ("name", "output", "unit", "kind", "dtype", "description")))
    Console(width=200).print(table)


@app.command(name="app")
def app_command(
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8765,
    host: Annotated[
        str, typer.Option(help="Interface to bind; 127.0.0.1 (this machine only) unless given.")
    ] = "127.0.0.1",
    lang: Annotated[str, typer.Option(help="Language the page opens in: nl or en.")] = "nl",
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Also answer requests addressed to this host name or address (repeatable), e.g. the "
            "name another screen uses with --host 0.0.0.0. Without it only localhost and --host are served."
        ),
    ] = None,
) -> None:
    """Start the workshop app (Solara) in the browser at http://HOST:PORT."""
    import os

    from ..experiments.workers import (  # start-up: only the app starts a fork server of its own
        APP_PRELOAD,
        background_priority_possible,
        start_fork_server,
    )
    from ..viz.serve import allowed_hosts, bind, serve  # start-up: Solara loads when it serves

    try:
        if lang not in LANGUAGES:
            raise ParameterError("--lang", lang, "choose nl or en")
        if not 0 < port < 65536:
            raise ParameterError("--port", port, "must be 1-65535")
        hosts = allowed_hosts(host, allow_host or ())
        sock = bind(host, port)
    except ParameterError as err:
        fail(err)
    # No usage statistics to Solara's telemetry service (a workshop's machine may be offline, and
    # a municipality's data protection officer would ask); a user may still switch it on.
    os.environ.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "False")
    os.environ.setdefault("SOLARA_THEME_SHOW_BANNER", "False")  # no framework footer over the tables
    os.environ.setdefault("SOLARA_THEME_LOADER", "plain")
    os.environ["WIJKSIM_LANG"] = lang
    os.environ["WIJKSIM_WARM_UP"] = "1"
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(f"wijksim app on http://{shown}:{port} (Ctrl-C stops it)")
    if host in ("0.0.0.0", "::") and not allow_host:
        typer.echo(
            "note: other screens reach it only under a name given with --allow-host "
            "(e.g. --allow-host 192.168.1.20); requests under any other name get 400",
            err=True,
        )
    sys.stdout.flush()
    if background_priority_possible():  # the model's import below the page's priority, while Solara's
        start_fork_server(APP_PRELOAD)  # own import keeps one core busy (viz/app.py: _warm_up)
    serve(sock, host, port, hosts)
