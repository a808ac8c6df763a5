"""Serving the workshop app: Solara's Starlette app behind a guard that answers only its own page.

`solara run` offers no hook for this, so `wijksim app` starts the server itself:
- **Host.** A request whose `Host` header is not the address served on (or localhost) gets 400
  (Starlette's `TrustedHostMiddleware`). A web page the user visits elsewhere could otherwise reach
  the app through DNS rebinding. `--allow-host NAME` admits more names (another screen in the room).
- **Origin.** A websocket (Solara's channel to the page) opened from a foreign page is refused; a
  browser sends `Origin` with every websocket, so a foreign page cannot hide it.
- **The port** is bound before the address is printed: a port in use is an input error (exit 2).
- No version check against PyPI at every start (`solara run` does one), no telemetry.
Ctrl-C stops uvicorn quietly; the app's worker processes ignore it and end with the server.
"""

from __future__ import annotations

import errno
import os
import socket
import warnings
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..model.params import ParameterError

LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> list[str]:
    """Host names the app answers to: the bound address (unless a wildcard), localhost, and `extra`."""
    names = [*LOCAL_NAMES]
    if host not in ("0.0.0.0", "::", ""):
        names.append(host)
    for name in extra:
        name = name.strip().lower()
        if not name or any(c in name for c in "/ @"):
            raise ParameterError(
                "--allow-host", name, "a host name or address, e.g. beamer.local or 192.168.1.20"
            )
        names.append(name)
    return list(dict.fromkeys(names))


class OriginGuard:
    """ASGI middleware: refuse a websocket whose `Origin` names a host not allowed (close 1008)."""

    def __init__(self, app, hosts: Iterable[str]):
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.any = "*" in self.hosts

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "websocket" and not self.any:
            origin = dict(scope.get("headers") or []).get(b"origin")
            if origin is not None and (urlsplit(origin.decode("latin-1")).hostname or "") not in self.hosts:
                await send({"type": "websocket.close", "code": 1008})
                return
        await self.app(scope, receive, send)


def guarded(app, hosts: list[str]):
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    return TrustedHostMiddleware(OriginGuard(app, hosts), allowed_hosts=hosts, www_redirect=False)


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound now so that a port in use is known before anything is printed."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            raise ParameterError(
                "--port", port, "already in use (another app running? choose another --port)"
            ) from None
        if err.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(err, socket.gaierror):
            raise ParameterError("--host", host, "not an address of this machine") from None
        raise ParameterError("--port", port, f"cannot serve there: {err.strerror}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def solara_app():
    """Solara's Starlette app serving `wijksim.viz.app`, in production mode."""
    os.environ["SOLARA_APP"] = "wijksim.viz.app"
    from solara.server import settings

    settings.main.mode = "production"
    settings.ssg.enabled = False
    settings.search.enabled = False
    import solara.server.starlette as solara_starlette

    return solara_starlette.app


def serve(sock: socket.socket, host: str, port: int, hosts: list[str]) -> None:
    """Run the server on the bound socket until Ctrl-C or SIGTERM."""
    import uvicorn

    os.environ["SERVER_NAME"], os.environ["SERVER_PORT"] = host, str(port)
    # Solara warns on every session that a cookie with samesite=none needs https; on 127.0.0.1 the
    # browser falls back to samesite=lax, which is what a local app wants.
    warnings.filterwarnings("ignore", message="Cookies with samesite=none require https")
    from .chart_bundle import SERVED, BundleRoute  # start-up: with the server, as Solara

    os.environ[SERVED] = "1"
    config = uvicorn.Config(guarded(BundleRoute(solara_app()), hosts), log_level="warning", lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        from .warm import stop_pool  # start-up: the workers module loads pandas; Solara has it by now

        stop_pool()
