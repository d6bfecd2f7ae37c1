"""Where the console's clients come from: one per server signed in to, all keeping their
sessions in one token store.

Made before the first window (the sign-in window is built with it, ui/start.py) and
imported then, so nothing of the client is imported here until a client or the store is
asked for: httpx, pydantic and the models wait for the worker thread that warms them up
(ui/warm_up.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from billie_desktop.api import BillieClient, TokenStore


class Clients:
    """``clients(url)``: a ``BillieClient`` for that server, with ``store()`` as its token
    store: the one given, or a ``SafeTokenStore`` made on first use (filled once the
    keyring has answered: ``ConsoleApp``)."""

    def __init__(self, token_store: TokenStore | None = None) -> None:
        self.token_store = token_store
        # whether an earlier start may have kept a session for a server (ConsoleApp says)
        self.may_hold: Callable[[str], bool] = lambda server: True

    def store(self) -> TokenStore:
        if self.token_store is None:
            from billie_desktop.api import SafeTokenStore

            self.token_store = SafeTokenStore(may_hold=lambda server: self.may_hold(server))
        return self.token_store

    def __call__(self, url: str) -> BillieClient:
        from billie_desktop.api import BillieClient

        return BillieClient(url, token_store=self.store())
