"""Loads what a bulk link by email needs: every user account not linked to a customer,
then every customer not linked to an account, in pages of the server's largest ``take``
(four requests in flight), feeding a ``Matcher`` as pages arrive. Progress is reported
after every page; cancelling the task stops it (requests in flight are dropped).

Loading makes ~150,000 objects that live on (accounts, matched customers): the cyclic
garbage collector is paused meanwhile (they hold no cycles; reference counting frees what
is dropped), else its full collections walk them all, 45 to 106 ms each here; then they
are frozen out of later collections (``gc.freeze``). The matching itself (~90 ms for tens
of thousands of pairs) runs in a worker thread, so the loop keeps turning."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from billie_desktop.api import (
    QueryCustomerContactsRequest,
    QueryUserAccountsRequest,
    Request,
)
from billie_desktop.speedups import collector_held
from billie_desktop.work.matching import Matcher, MatchResult
from billie_desktop.work.paging import IN_FLIGHT, MAX_TAKE, RowsProgress, Send


@dataclass
class LoadProgress(RowsProgress):
    what: str = "accounts"  # or "customers"
    pages_done: int = 0
    pages: int = 0


async def load_and_match(send: Send, organisation_id: str,
                         progress: Callable[[LoadProgress], None]) -> MatchResult:
    matcher = Matcher()

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
                         lambda page: matcher.add_accounts(page.results), progress)
        await all_pages(send, "customers", customers,
                         lambda page: matcher.add_customers(page.results), progress)
        return await asyncio.to_thread(matcher.result)


async def all_pages(send: Send, what: str, request: Callable[[int, bool], Request[Any]],
                     take_in: Callable[[Any], None],
                     progress: Callable[[LoadProgress], None]) -> None:
    """The first page says how many there are; the rest come four at a time. A page that
    comes back short (rows went away meanwhile) is fine: the totals are estimates."""
    started = time.perf_counter()
    first = await send(request(0, True))
    take_in(first)
    total = max(first.total, len(first.results))
    pages = max(1, -(-total // MAX_TAKE))
    state = LoadProgress(len(first.results), total, started, what=what, pages_done=1,
                         pages=pages)
    progress(state)
    skips = iter(range(MAX_TAKE, total, MAX_TAKE))

    async def worker() -> None:
        for skip in skips:  # shared: each page is taken by one worker
            page = await send(request(skip, False))
            take_in(page)
            state.pages_done += 1
            state.rows_done += len(page.results)
            progress(state)

    workers = [asyncio.ensure_future(worker()) for _ in range(IN_FLIGHT)]
    try:
        await asyncio.gather(*workers)
    finally:
        for task in workers:
            task.cancel()
