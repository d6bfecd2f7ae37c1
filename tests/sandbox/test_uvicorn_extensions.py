"""The sandbox passes uvicorn a protocol class of its own (``http=``) for two things ASGI
cannot say: a reason phrase of its own ("Invalid Role", as ServiceStack's [RequiredRole]
answers) and closing a connection unanswered (the ``drop`` fault); and for TCP_NODELAY
on Windows. The class builds on uvicorn's h11 protocol (its ``conn``), so uvicorn is pinned
exactly (pyproject.toml) and these tests check it on that version; nothing of uvicorn's
own module is changed."""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from uvicorn.protocols.http import h11_impl

from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]


def test_uvicorn_is_the_exact_version_the_extension_was_written_for():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [d for d in pyproject["project"]["dependencies"] if d.startswith("uvicorn")]
    assert pins and re.fullmatch(r"uvicorn==[\d.]+", pins[0]), pins
    assert version("uvicorn") == pins[0].split("==")[1]


def test_what_the_protocol_builds_on_is_there():
    """The protocol's h11 connection is ``self.conn``, and every response and body the
    request's cycle writes goes through its ``send``."""
    import inspect

    assert "self.conn = h11.Connection(" in inspect.getsource(h11_impl.H11Protocol.__init__)
    assert "self.conn.send(event=response)" in \
        inspect.getsource(h11_impl.RequestResponseCycle.send)


@pytest.fixture(scope="module")
def served():
    with SandboxServer(SandboxOptions(customers=20, faults=True)) as sandbox:
        yield sandbox


def test_a_reason_phrase_of_its_own_goes_on_the_wire(served):
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=5)
    try:
        connection.request("POST", "/auth/credentials", body=b'{"userName":'
                           b'"staff@sandbox.test","password":"billie-sandbox"}',
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        cookie = "; ".join(c.split(";")[0] for c in response.headers.get_all("set-cookie"))
        response.read()
        connection.request("PUT", f"/customers/{'0' * 32}/associate-to-user-account",
                           body=b'{"userAccountId":"x","organisationId":"y"}',
                           headers={"Cookie": cookie, "Content-Type": "application/json"})
        response = connection.getresponse()
        assert response.status == 403 and response.reason == "Invalid Role"
        assert response.getheader("x-sandbox-reason") is None  # (said, not sent)
        response.read()
        connection.request("GET", "/types/metadata")  # the override is for that reply only
        assert connection.getresponse().reason == "OK"
    finally:
        connection.close()


def test_a_dropped_connection_gets_no_answer_at_all(served):
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=5)
    try:
        connection.request("GET", "/organisations", headers={"X-Sandbox-Fault": "drop"})
        with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
            connection.getresponse()
    finally:
        connection.close()


def test_uvicorn_is_untouched_even_while_a_sandbox_serves():
    code = """
import uvicorn.protocols.http.h11_impl as h
import billie_desktop.ui.app, billie_desktop.sandbox.server
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
with SandboxServer(SandboxOptions(customers=5)):
    assert h.RequestResponseCycle.__name__ == "RequestResponseCycle", "patched"
    assert type(h.STATUS_PHRASES) is dict, "patched"
    assert h.H11Protocol.__name__ == "H11Protocol", "patched"
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr


def test_every_connection_answers_without_waiting_on_acks(served):
    """TCP_NODELAY on each accepted connection, on every platform: Windows' Proactor loop
    leaves it off (an answer written as headers then body then stalls ~45 ms a request)."""
    import socket

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=5)
    try:
        connection.request("GET", "/types/metadata")
        connection.getresponse().read()
        connections = list(served._server.server_state.connections)
        assert connections, "the sandbox holds no connection"
        for protocol in connections:
            sock = protocol.transport.get_extra_info("socket")
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        connection.close()
