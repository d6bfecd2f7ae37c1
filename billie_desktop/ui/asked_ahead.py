"""What a remembered start asks while the server confirms the session (``GET /auth``):
the organisations and the first page of the organisation shown last. They go with the
confirmation instead of after it, a round trip saved on the way to the customers (issue
#24); if the session cannot be resumed they are dropped."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from billie_desktop.api import QueryOrganisationsRequest
from billie_desktop.ui.customer_fields import FirstPage, customers_query
from billie_desktop.ui.session import place_of
from billie_desktop.work.paging import drop

if TYPE_CHECKING:
    from billie_desktop.api import BillieClient, QueryOrganisationsResponse
    from billie_desktop.ui.settings import Settings


class AskedAhead:
    def __init__(self, client: BillieClient, settings: Settings, server: str, *,
                 sandbox: bool, page_size: int) -> None:
        self.client, self.settings, self.server = client, settings, server
        self.sandbox, self.page_size = sandbox, page_size
        self.organisations: asyncio.Future[QueryOrganisationsResponse] | None = None
        self.first_page: FirstPage | None = None

    def restored(self, user_name: str) -> None:
        """(``BillieClient.resume``'s callback) The session can be used: ask now."""
        self.organisations = asyncio.ensure_future(
            self.client.send(QueryOrganisationsRequest()))
        place = place_of(self.server, user_name, sandbox=self.sandbox)
        last = self.settings.last_organisation(place)
        if last:  # the main window takes it if its list asks the very same
            request = customers_query(last, skip=0, take=self.page_size, with_total=True)
            self.first_page = request, asyncio.ensure_future(self.client.send(request))

    def drop(self) -> None:
        """Not resumed after all: nothing asked is wanted."""
        for future in (self.organisations, self.first_page and self.first_page[1]):
            if future is not None:
                drop(future)
        self.organisations = self.first_page = None
