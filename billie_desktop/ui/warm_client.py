"""A client for the server the sign-in window shows, made while the user types the
password (issue #24): its connection is opened and the server's metadata read meanwhile,
so pressing Sign in costs the sign-in's own round trip, not a new connection's handshake
and the metadata's too (three round trips over a slow link, 300 ms at 100 ms each).

Only once the warm-up has brought the client in (ui/warm_up.py): nothing is imported on
the UI thread while the user types."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from billie_desktop.api import BillieClient, DiscoveryReport

Factory = Callable[[str], "BillieClient"]


class WarmClient:
    def __init__(self, factory: Factory) -> None:
        self.factory = factory
        self.url = ""
        self.client: BillieClient | None = None
        self.discovering: asyncio.Task[DiscoveryReport] | None = None
        self._closing: set[asyncio.Task[None]] = set()

    def prepare(self, url: str) -> None:
        """While the user types: the client for ``url`` and its metadata on the way (once
        per server; a server chosen since replaces it)."""
        if not url or url == self.url or "billie_desktop.api.client" not in sys.modules:
            return
        from billie_desktop.api import BillieError

        self.drop()
        try:
            client = self.factory(url)
        except BillieError:
            return  # (an address the console will not use: Sign in says why)
        self.url, self.client = url, client
        self.discovering = asyncio.ensure_future(client.discover())
        self.discovering.add_done_callback(_retrieved)

    def take(self, url: str) -> tuple[BillieClient, asyncio.Task[DiscoveryReport] | None] | None:
        """The client prepared for ``url``, handed over with its metadata (None when that
        read failed: it is read again); None when there is none for ``url``."""
        if url != self.url or self.client is None:
            self.drop()
            return None
        client, discovering = self.client, self.discovering
        self.url, self.client, self.discovering = "", None, None
        if discovering is not None and discovering.done() and (
                discovering.cancelled() or discovering.exception() is not None):
            discovering = None
        return client, discovering

    def drop(self) -> None:
        """The prepared client closed (the server changed, the window closed)."""
        client, discovering = self.client, self.discovering
        self.url, self.client, self.discovering = "", None, None
        if discovering is not None:
            discovering.cancel()
        if client is not None:
            closing = asyncio.ensure_future(client.close())
            self._closing.add(closing)
            closing.add_done_callback(self._closing.discard)

    async def wait_closed(self) -> None:
        """For tests: until the clients dropped are closed."""
        while self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)


def _retrieved(task: asyncio.Task[Any]) -> None:
    """A metadata read nobody awaits yet: its failure is taken here (it is read again at
    Sign in), so asyncio never reports it as never retrieved."""
    if not task.cancelled():
        task.exception()
