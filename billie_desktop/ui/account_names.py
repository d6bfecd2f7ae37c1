"""What the console knows of user accounts by id, so that a linked customer's detail
shows "Name <email>" rather than a bare id, whether the link was made now (the dialog
knows the account) or before (the account is looked up once)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from billie_desktop.api import (
    BillieError,
    Customer,
    Organisation,
    QueryUserAccountsRequest,
    normal_guid,
)
from billie_desktop.ui.account_results import describe_account
from billie_desktop.ui.session import Session

if TYPE_CHECKING:
    from billie_desktop.ui.customers_model import CustomersModel

LOOKUP = QueryUserAccountsRequest.operation_name()
AFTER_PAINT = 0.02  # s: a page's accounts are asked for once its rows have been painted


class AccountNames:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._texts: dict[str, str] = {}
        self._emails: dict[str, str] = {}
        self._asked: set[str] = set()  # looked up (or on the way): never asked twice

    def text(self, account_id: str | None) -> str | None:
        return self._texts.get(normal_guid(account_id) or "") if account_id else None

    def email(self, account_id: str | None) -> str | None:
        return self._emails.get(normal_guid(account_id) or "") if account_id else None

    def remember(self, account_id: str, text: str, email: str | None = None) -> None:
        key = normal_guid(account_id) or account_id
        self._texts[key] = text
        if email is not None:
            self._emails[key] = email

    def clear(self) -> None:
        self._texts.clear()
        self._emails.clear()
        self._asked.clear()

    def follow(self, model: CustomersModel, organisation: Callable[[], Organisation | None],
               known: Callable[[], object]) -> None:
        """The list's Account email column: the linked accounts of the rows that land,
        looked up together (among the list's tasks: a new query cancels them, and the
        list is idle once they are done), and the column repainted once their emails
        are known (then ``known()``)."""
        model.account_email = self.email

        def landed(page: int, rows: list[Customer]) -> None:
            org = organisation()
            linked = [c.user_account_id for c in rows if c.user_account_id]
            if org is not None and linked:
                # named as the list's pages are: when the view moves on, it goes too
                model.tasks.run(f"accounts:{page}", learn(org.id, linked))

        async def learn(organisation_id: str, linked: list[str]) -> None:
            await asyncio.sleep(AFTER_PAINT)  # the page's rows on screen first
            if await self.look_up_many(organisation_id, linked):
                model.accounts_known()
                known()

        model.rows_landed.connect(landed)

    async def look_up_many(self, organisation_id: str, account_ids: list[str]) -> bool:
        """The accounts not known yet, asked of the server in one request (AutoQuery's
        ``idIn``); True when some were learnt. A failure is let be: their cells stay
        empty, and the pane still says "Linked"."""
        wanted = sorted({key for key in (normal_guid(i) or i for i in account_ids)
                         if key not in self._texts and key not in self._asked})
        if not wanted or not self.session.offers(LOOKUP):
            return False
        self._asked.update(wanted)
        try:
            page = await self.session.send(QueryUserAccountsRequest(
                organisation_id=organisation_id, id_in=",".join(wanted), take=len(wanted)))
        except (BillieError, asyncio.CancelledError) as exc:
            self._asked.difference_update(wanted)  # (asked again with the next page)
            if isinstance(exc, asyncio.CancelledError):
                raise
            return False
        learnt = False
        for account in page.results:
            key = normal_guid(account.id) or ""
            if key in wanted:  # (a server that ignored idIn answers with others)
                self.remember(key, describe_account(account, account.id), account.email or "")
                learnt = True
        return learnt

    async def look_up(self, organisation_id: str, account_id: str) -> str | None:
        """The account's "Name <email>", asked of the server once; None when it cannot
        be told (no account search on this server, it failed, or it is on its way with
        a page's: ``follow``'s ``known`` says when it is)."""
        await self.look_up_many(organisation_id, [account_id])
        return self.text(account_id)
