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
) -> None:
    """Start the workshop app (Solara) in the browser at http://HOST:PORT."""
    import os

    if lang not in LANGUAGES:
        fail(ParameterError("--lang", lang, "choose nl or en"))
    if not 0 < port < 65536:
        fail(ParameterError("--port", port, "must be 1-65535"))
    # No usage statistics to Solara's telemetry service (a workshop's machine may be offline, and
    # a municipality's data protection officer would ask); a user may still switch it on.
    env = {
        "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False",
        **os.environ,
        "WIJKSIM_LANG": lang,
        "WIJKSIM_WARM_UP": "1",
    }
    typer.echo(f"wijksim app on http://{host}:{port} (Ctrl-C stops it)")
    cmd = [
        sys.executable,
        "-m",
        "solara",
        "run",
        "wijksim.viz.app",
        "--host",
        host,
        "--port",
        str(port),
        "--production",
        "--no-open",
    ]
    sys.stdout.flush()
    # Become the server (no child process): a stop signal reaches it directly and leaves no
    # orphaned server holding the port.
    os.execve(sys.executable, cmd, env)
