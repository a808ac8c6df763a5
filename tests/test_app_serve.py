"""The workshop app's server (issue 22): it answers only its own page, a port in use is an input
error, and Ctrl-C stops it quietly. Tested against the running server, without a browser."""

from __future__ import annotations

import asyncio
import base64
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from helpers import free_port
from wijksim.model.params import ParameterError
from wijksim.viz.serve import OriginGuard, allowed_hosts

BIN = Path(sys.executable).parent / "wijksim"


def status(port: int, host_header: str | None = None, path: str = "/") -> int:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if host_header:
        req.add_header("Host", host_header)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as err:
        return err.code


def websocket_handshake(port: int, origin: str, host: str = "127.0.0.1") -> int:
    """The HTTP status a websocket upgrade gets (101: accepted)."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /jupyter/api/kernels/k/channels?session_id=s HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
        f"Sec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request.encode())
        line = s.recv(4096).split(b"\r\n", 1)[0].decode()
    return int(line.split()[1])


@pytest.fixture(scope="module")
def server():
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN), "app", "--port", str(port), "--allow-host", "beamer.local"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if status(port) == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError(f"wijksim app did not start: {proc.stderr.read()[-2000:]}")
    yield port, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_the_page_answers_its_own_names_and_refuses_others(server):
    port, _ = server
    assert status(port) == 200
    assert status(port, f"localhost:{port}") == 200
    assert status(port, "beamer.local") == 200  # --allow-host
    assert status(port, "evil.example") == 400  # DNS rebinding
    assert status(port, f"evil.example:{port}") == 400


def test_a_websocket_from_a_foreign_page_is_refused(server):
    port, _ = server
    assert websocket_handshake(port, "http://evil.example") == 403
    assert websocket_handshake(port, f"http://evil.example:{port}") == 403
    assert websocket_handshake(port, "http://evil.example", host="evil.example") == 400


def test_a_port_in_use_is_an_input_error_before_any_url(server):
    port, _ = server
    res = subprocess.run([str(BIN), "app", "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert res.stderr.startswith(f"error: --port={port}:") and "in use" in res.stderr
    assert "http://" not in res.stdout


def test_ctrl_c_stops_the_server_quietly(server):
    port, proc = server
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert proc.returncode in (0, 130)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


# --- the guard on its own ----------------------------------------------------------------------
def test_allowed_hosts():
    assert allowed_hosts("127.0.0.1") == ["localhost", "127.0.0.1", "::1"]
    assert "0.0.0.0" not in allowed_hosts("0.0.0.0")  # a wildcard bind admits no foreign name
    assert allowed_hosts("0.0.0.0", ["Beamer.local"])[-1] == "beamer.local"
    with pytest.raises(ParameterError) as err:
        allowed_hosts("127.0.0.1", ["http://x/y"])
    assert err.value.field == "--allow-host"


def test_origin_guard_passes_its_own_origin_and_plain_requests():
    reached = []

    async def app(scope, receive, send):
        reached.append(scope["type"])

    sent = []

    async def send(message):
        sent.append(message)

    guard = OriginGuard(app, ["localhost", "127.0.0.1"])

    def call(scope):
        asyncio.run(guard(scope, None, send))

    call({"type": "websocket", "headers": [(b"origin", b"http://127.0.0.1:8765")]})
    call({"type": "websocket", "headers": []})  # not from a browser page
    call({"type": "http", "headers": [(b"origin", b"http://evil.example")]})  # Host decides for http
    assert reached == ["websocket", "websocket", "http"] and sent == []
    call({"type": "websocket", "headers": [(b"origin", b"http://evil.example")]})
    assert reached == ["websocket", "websocket", "http"]
    assert sent == [{"type": "websocket.close", "code": 1008}]
