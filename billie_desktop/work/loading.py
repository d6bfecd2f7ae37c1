"""Loads what a bulk link by email needs: every user account not linked to a customer,
then every customer not linked to an account, in pages of the server's largest ``take``
read by key (work/keyset.py; as many in flight as the server answers steadily:
work/pace.py), feeding a ``Matcher`` as pages arrive. Progress is reported after every
page; cancelling the task stops it (requests in flight are dropped).

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
from billie_desktop.work.keyset import Filters, read_all
from billie_desktop.work.matching import Matcher, MatchResult
from billie_desktop.work.pace import Pace
from billie_desktop.work.paging import LoadProgress, Send, all_pages

__all__ = ["LoadProgress", "all_pages", "load_and_match"]


# Read by id: the key a server surely has an index on (the sandbox has one for "not linked"
# by id: store.py), and one request a page (a sort on another field takes two: keyset.py)
ACCOUNTS_ORDER = CUSTOMERS_ORDER = "id"


async def load_and_match(send: Send, organisation_id: str,
                         progress: Callable[[LoadProgress], None],
                         pace: Pace | None = None, *, by_key: bool = True) -> MatchResult:
    """``pace``: how many pages in flight (work/pace.py), one for both lists; ``by_key``:
    read by key (work/keyset.py), else by skip (a server without AutoQuery's conventions)."""
    matcher = Matcher()
    pace = pace or Pace()

    def accounts(filters: Filters, skip: int, take: int, total: bool
                 ) -> QueryUserAccountsRequest:
        return QueryUserAccountsRequest(organisation_id=organisation_id, skip=skip,
                                        take=take, customer_id_is_null=True,
                                        include="Total" if total else None,
                                        order_by=ACCOUNTS_ORDER if by_key else None,
                                        filters=filters or None)

    def customers(filters: Filters, skip: int, take: int, total: bool
                  ) -> QueryCustomerContactsRequest:
        return QueryCustomerContactsRequest(organisation_id=organisation_id, skip=skip,
                                            take=take, user_account_id_is_null=True,
                                            include="Total" if total else None,
                                            order_by=CUSTOMERS_ORDER if by_key else None,
                                            filters=filters or None)

    with collector_held():  # (billie_desktop/speedups.py)
        await read_all(send, "accounts", accounts, ACCOUNTS_ORDER, matcher.add_accounts,
                       progress, pace, by_key)
        await read_all(send, "customers", customers, CUSTOMERS_ORDER, matcher.add_customers,
                       progress, pace, by_key)
        return await asyncio.to_thread(matcher.result)
