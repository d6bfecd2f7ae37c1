"""Shared test set-up.

- Async tests under ``tests/ui`` run on a qasync loop (so ``@asyncSlot`` handlers really
  run); the others on a plain asyncio loop. Both come from pytest-asyncio's
  ``pytest_asyncio_loop_factories`` hook.
- Every test that starts a sandbox stops it; the ``sandbox_factory`` fixture checks that
  nothing is left listening on its port.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer

TESTS = Path(__file__).parent


def _under_wine() -> bool:
    """Windows' CPython run by Wine (make dist-windows-test), not a real Windows."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")  # type: ignore[attr-defined]


UNDER_WINE = _under_wine()


def pytest_configure(config: pytest.Config) -> None:
    """The user's own files are never touched: the activity journal, the log and anything
    else kept in the user's folders go to a folder of this test run (subprocesses too)."""
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="billie-tests-"))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.split("_")[1].lower())
    # Nor the user's keyring: keyring's own setting, so that a test that sets a backend
    # (keyring.set_keyring) is the one asked, and one that sets none finds no keyring.
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    # Closing a test's last window must not quit the event loop under qasync's
    # run_until_complete (the next fixture teardown would then wait forever).
    app.setQuitOnLastWindowClosed(False)  # type: ignore[attr-defined]
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item
                                  ) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    if (TESTS / "ui") in Path(str(item.path)).parents:
        return {"qasync": _qasync_loop}
    return {"asyncio": asyncio.new_event_loop}


class Wire:
    """Counts what really went over the wire, by verb and path (an httpx request hook)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        self.urls: list[Any] = []  # each request's whole URL (its query too)

    async def hook(self, request: Any) -> None:
        self.requests.append((request.method, request.url.path))
        self.urls.append(request.url)

    def count(self, method: str, path_part: str) -> int:
        return sum(1 for m, p in self.requests if m == method and path_part in p)


@pytest.fixture
def wire() -> Wire:
    return Wire()


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port that refuses connections for the whole test: bound, so nothing else
    can take it (no free-then-reuse race), but never listening."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def port_is_listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def sandbox_factory() -> Iterator[Callable[..., SandboxServer]]:
    """Starts sandboxes with the given options; stops them and checks their ports close."""
    started: list[SandboxServer] = []

    def start(**options: Any) -> SandboxServer:
        options.setdefault("customers", 120)
        server = SandboxServer(SandboxOptions(**options)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
        assert not port_is_listening(server.port), f"sandbox still listening on {server.port}"
