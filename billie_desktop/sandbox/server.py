"""Running the sandbox: in the foreground, or in a background thread of another process
(the console's ``--sandbox``, the test fixtures), as a context manager that waits until
it answers and shuts down cleanly, leaving nothing listening."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, cast

import h11
import uvicorn
from uvicorn.protocols.http import h11_impl

from billie_desktop.sandbox.app import DROP_HEADER, REASON_HEADER, SandboxApp
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.store import Store


class _SandboxConnection(h11.Connection):
    """h11's server side, reading the app's two headers of its own on a response
    (``REASON_HEADER``, ``DROP_HEADER``: sandbox/app.py), which never reach the wire."""

    def __init__(self, max_incomplete_event_size: int | None, close: Callable[[], None]
                 ) -> None:
        if max_incomplete_event_size is None:
            super().__init__(h11.SERVER)
        else:
            super().__init__(h11.SERVER, max_incomplete_event_size)
        self._close = close
        self._dropped = False

    def send(self, event: Any) -> bytes | None:  # type: ignore[override]
        if self._dropped:
            return b""  # (the rest of the answer the app writes goes nowhere)
        if isinstance(event, h11.Response):
            headers = list(event.headers)
            if any(name == DROP_HEADER for name, _ in headers):
                self._dropped = True
                self._close()
                return b""
            reason = next((value for name, value in headers if name == REASON_HEADER), None)
            if reason is not None:
                event = h11.Response(status_code=event.status_code, reason=reason, headers=[
                    (name, value) for name, value in headers if name != REASON_HEADER])
        return cast("bytes | None", super().send(event))


class _SandboxProtocol(h11_impl.H11Protocol):
    """uvicorn's HTTP/1.1 protocol, passed in through its configuration (``http=``), with
    two changes: its h11 connection reads the sandbox's own headers (above), and every
    connection has TCP_NODELAY. asyncio sets that only on an accepted socket that says it
    is TCP: on Linux it does (see bind_socket), but Windows' Proactor loop accepts into a
    socket whose protocol reads 0, and there every kept-alive answer, written as headers
    then body, waited ~45 ms on Nagle's algorithm and the client's delayed ACK (measured
    under Wine: 48 ms a request, 1.5 ms with this)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conn = _SandboxConnection(self.config.h11_max_incomplete_event_size,
                                       close=lambda: self.transport.close())

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def open_store(options: SandboxOptions) -> Store:
    store = Store(options.db_path, customers=options.customers, reset=options.reset,
                  seed_value=options.seed)
    if options.hostile_text:
        from billie_desktop.sandbox.hostile import dress_up

        dress_up(store)
    if options.shared_emails:
        from billie_desktop.sandbox.shared_emails import add_shared_emails

        add_shared_emails(store, options.shared_emails)
    return store


def bind_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must say TCP: asyncio sets TCP_NODELAY on accepted sockets only then, and
    # without it every kept-alive response stalls ~40 ms on Nagle and delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def make_server(options: SandboxOptions, store: Store, log_level: str) -> uvicorn.Server:
    config = uvicorn.Config(SandboxApp(options, store), http=_SandboxProtocol,
                            lifespan="off", log_config=None, log_level=log_level,
                            access_log=False, server_header=False, date_header=True,
                            timeout_graceful_shutdown=2,
                            # 5 s, not Kestrel's 130: idle connections held that long made
                            # Python under Wine crash in its proactor (the Windows tests)
                            timeout_keep_alive=5)
    return uvicorn.Server(config)


class SandboxServer:
    """A sandbox in a background thread.

    >>> with SandboxServer(SandboxOptions(customers=200)) as sandbox:
    ...     sandbox.url  # 'http://127.0.0.1:41234'
    """

    def __init__(self, options: SandboxOptions | None = None, *, log_level: str = "warning"
                 ) -> None:
        self.options = options or SandboxOptions()
        self.log_level = log_level
        self.port = 0
        self.store: Store | None = None
        self._sock: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        host = self.options.host
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    def start(self, timeout: float = 300.0) -> SandboxServer:
        if self._thread is not None:
            raise RuntimeError("this sandbox has already been started")
        self._sock = bind_socket(self.options.host, self.options.port)
        self.port = self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._run, name="billie-sandbox", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._ready.wait(0.05):
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("the sandbox did not start in time")
        if self._error is not None:
            self.stop()
            raise RuntimeError(f"the sandbox could not start: {self._error}") from self._error
        self._wait_until_answering(deadline)
        return self

    def _run(self) -> None:
        try:
            self.store = open_store(self.options)
            self._server = make_server(self.options, self.store, self.log_level)
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        server = self._server
        self._ready.set()
        try:
            asyncio.run(server.serve(sockets=[self._sock]))  # type: ignore[list-item]
        finally:
            self.store.close()

    def _wait_until_answering(self, deadline: float) -> None:
        while True:
            connection = http.client.HTTPConnection(self.options.host, self.port, timeout=5)
            try:
                connection.request("GET", "/types/metadata")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            finally:
                connection.close()
            if time.monotonic() > deadline or not (self._thread and self._thread.is_alive()):
                self.stop()
                raise TimeoutError("the sandbox does not answer")
            time.sleep(0.02)

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
