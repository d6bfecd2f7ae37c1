"""A signed-in session as the windows see it: send requests, and when the session
expires ask once (for every request waiting) for the password, then replay."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel
from PySide6.QtCore import QObject, Signal

from billie_desktop.api import (
    AuthenticateResponse,
    BillieClient,
    DiscoveryReport,
    Organisation,
    Request,
    SessionExpiredError,
)
from billie_desktop.work.entries import Where
from billie_desktop.work.pace import CAP

if TYPE_CHECKING:
    from billie_desktop.work.journal import Journal

T = TypeVar("T", bound=BaseModel)


def place_of(server: str, user_name: str, *, sandbox: bool) -> str:
    """``Session.place``, known before the session is (a remembered start asks for its
    first page meanwhile)."""
    return f"{'sandbox' if sandbox else server}|{user_name.lower()}"


class Session(QObject):
    reauthentication_needed = Signal()
    reauthenticated = Signal()

    def __init__(self, client: BillieClient, me: AuthenticateResponse, *, server_label: str,
                 remember: bool, discovery: DiscoveryReport | None = None,
                 sandbox: bool = False) -> None:
        """``sandbox``: the embedded sandbox, whose port changes at every start."""
        super().__init__()
        self.sandbox = sandbox
        self.client = client
        self.me = me
        self.server_label = server_label
        self.remember = remember
        self.discovery = discovery
        self.organisations: list[Organisation] = []
        self._pending: asyncio.Future[bool] | None = None
        # Every change is recorded in the journal (work/journal.py), opened when first needed:
        # opening its SQLite file is no part of showing the customers.
        self.open_journal: Callable[[], Journal | None] = lambda: None
        self.journal_kept: Callable[[], bool] = lambda: False  # on disk, without opening it
        self.max_in_flight = CAP  # bulk work's requests at once at most (Settings can lower)

    @classmethod
    def of_manager(cls, client: BillieClient, me: AuthenticateResponse, server: str, *,
                   remember: bool, discovery: DiscoveryReport | None,
                   sandbox_url: str | None) -> Session | None:
        """The console's session for ``me``, signed in (or resumed) on ``server``; None when
        the account lacks the manager role, which this console is for. The one way from a
        sign-in to a session: the sign-in window's and a remembered start's."""
        if not me.has_role("manager"):
            return None
        return cls(client, me, server_label=server, remember=remember, discovery=discovery,
                   sandbox=server == sandbox_url)

    def title(self, organisation: str | None, default_server: str | None) -> str:
        """A main window's title: the organisation, and the server unless it is the one
        set for everyone on this computer (two windows on two servers read differently)."""
        if self.sandbox:
            server: str | None = self.tr("sandbox")
        elif default_server and default_server.rstrip("/") == self.server_label.rstrip("/"):
            server = None
        else:
            server = urlsplit(self.server_label).netloc or self.server_label
        if organisation is None:
            return self.tr("Billie Desktop")
        if server is None:
            return self.tr("{0} – Billie Desktop").format(organisation)
        return self.tr("{0} on {1} – Billie Desktop").format(organisation, server)

    @property
    def journal(self) -> Journal | None:
        return self.open_journal()

    def where(self, organisation: Organisation) -> Where:
        """For the journal: this server, that organisation, who is signed in."""
        return Where(self.server_label, organisation.id, organisation.name,
                     f"{self.display_name} <{self.user_name}>")

    @property
    def place(self) -> str:
        """Where preferences about this session are kept: the server (any embedded
        sandbox counts as one) and the user, so two managers on one desktop keep theirs."""
        return place_of(self.server_label, self.user_name, sandbox=self.sandbox)

    @property
    def user_name(self) -> str:
        return self.me.user_name or ""

    @property
    def display_name(self) -> str:
        return self.me.display_name or self.user_name

    def offers(self, operation: str) -> bool:
        return self.discovery is None or self.discovery.offers(operation)

    def reads_by_key(self, operation: str) -> bool:
        return self.discovery is None or self.discovery.reads_by_key(operation)

    async def send(self, request: Request[T]) -> T:
        while True:
            try:
                return await self.client.send(request)
            except SessionExpiredError:
                if not await self.reauthenticate():
                    raise

    async def reauthenticate(self) -> bool:
        """True once the user has signed in again; False when they declined."""
        if self._pending is None or self._pending.done():
            self._pending = asyncio.get_event_loop().create_future()
            self.reauthentication_needed.emit()
        return await asyncio.shield(self._pending)

    @property
    def waiting_for_password(self) -> bool:
        return self._pending is not None and not self._pending.done()

    async def sign_in_again(self, password: str) -> None:
        """Raises the client's errors (wrong password...) for the prompt to show."""
        self.me = await self.client.sign_in(self.user_name, password, remember=self.remember)
        self.finish_reauthentication(True)
        self.reauthenticated.emit()

    def finish_reauthentication(self, ok: bool) -> None:
        if self._pending is not None and not self._pending.done():
            self._pending.set_result(ok)
