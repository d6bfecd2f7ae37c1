"""Loads what a bulk link by email needs: every user account not linked to a customer,
then every customer not linked to an account, in pages of the server's largest ``take``
(as many in flight as the server answers steadily: work/pace.py), feeding a ``Matcher``
as pages arrive. Progress is reported after every page; cancelling the task stops it
(requests in flight are dropped).

Loading makes ~150,000 objects that live on (accounts, matched customers): the cyclic
garbage collector is paused meanwhile (they hold no cycles; reference counting frees what
is dropped), else its full collections walk them all, 45 to 106 ms each here; then they
are frozen out of later collections (``gc.freeze``). The matching itself (~90 ms for tens
of thousands of pairs) runs in a worker thread, so the loop keeps turning."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from billie_desktop.api import (
    QueryCustomerContactsRequest,
    QueryUserAccountsRequest,
)
from billie_desktop.speedups import collector_held
from billie_desktop.work.matching import Matcher, MatchResult
from billie_desktop.work.pace import Pace
from billie_desktop.work.paging import MAX_TAKE, LoadProgress, Send, all_pages

__all__ = ["LoadProgress", "all_pages", "load_and_match"]


async def load_and_match(send: Send, organisation_id: str,
                         progress: Callable[[LoadProgress], None],
                         pace: Pace | None = None) -> MatchResult:
    """``pace``: how many pages in flight (work/pace.py), one for both lists."""
    matcher = Matcher()
    pace = pace or Pace()

    def accounts(skip: int, total: bool) -> QueryUserAccountsRequest:
        return QueryUserAccountsRequest(organisation_id=organisation_id, skip=skip,
                                        take=MAX_TAKE, customer_id_is_null=True,
                                        include="Total" if total else None)

    def customers(skip: int, total: bool) -> QueryCustomerContactsRequest:
        return QueryCustomerContactsRequest(organisation_id=organisation_id, skip=skip,
                                            take=MAX_TAKE, user_account_id_is_null=True,
                                            include="Total" if total else None)

    with collector_held():  # (billie_desktop/speedups.py)
        await all_pages(send, "accounts", accounts,
                        lambda page: matcher.add_accounts(page.results), progress, pace)
        await all_pages(send, "customers", customers,
                        lambda page: matcher.add_customers(page.results), progress, pace)
        return await asyncio.to_thread(matcher.result)
