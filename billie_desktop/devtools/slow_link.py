"""A slow link on 127.0.0.1, for ``make bench`` (issue #24): a TCP proxy in front of a
server that delays everything by half a round trip each way, as an office link or a VPN
does (20-150 ms a round trip), including a new connection's handshake (one round trip
before the first byte goes through). What it cannot give is loss or a narrow pipe: it
measures waiting, which is what the console must keep to a minimum.

    with SlowLink("http://127.0.0.1:5005", rtt=0.1) as link:
        ...  # talk to link.url
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from types import TracebackType
from urllib.parse import urlsplit

CHUNK = 64 * 1024


class SlowLink:
    def __init__(self, upstream: str, rtt: float) -> None:
        parts = urlsplit(upstream)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.rtt = rtt
        self.url = upstream
        self.connections = 0  # made through the link so far: a pool reuses them
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                         name="slow-link")
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def __enter__(self) -> SlowLink:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        port = future.result(10)
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _start(self) -> int:
        self._server = await asyncio.start_server(self._connected, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _connected(self, reader: asyncio.StreamReader,
                         writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        self.connections += 1
        try:
            up_reader, up_writer = await asyncio.open_connection(self.host, self.port)
        except OSError:
            writer.close()
            return
        handshake = time.monotonic() + self.rtt  # SYN, SYN-ACK: a round trip first
        with contextlib.suppress(asyncio.CancelledError):  # (closing: asyncio's stream
            await asyncio.gather(self._pipe(reader, up_writer, handshake),  # callback
                                 self._pipe(up_reader, writer, handshake),  # would raise it)
                                 return_exceptions=True)

    async def _pipe(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter,
                    not_before: float) -> None:
        """Copies ``source`` to ``sink``, each chunk arriving half a round trip after it
        was read (in order: a queue per direction)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                if not data:
                    break
                sink.write(data)
                await sink.drain()

        delivering = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await source.read(CHUNK)
                due = max(time.monotonic() + self.rtt / 2, not_before + self.rtt / 2)
                queue.put_nowait((due, data))
                if not data:
                    break
            await delivering
        except ConnectionError:
            pass
        finally:
            delivering.cancel()
            await asyncio.gather(delivering, return_exceptions=True)
            with contextlib.suppress(Exception):
                sink.close()
