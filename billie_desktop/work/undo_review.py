"""The review of a Link by email run's undo (Activity ▸ Undo the run…): which of the run's
links are still in place, read from the server. No widgets here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from billie_desktop.api import (
    QueryCustomerContactsRequest,
    QueryCustomerContactsResponse,
    normal_guid,
    same_id,
)
from billie_desktop.work.entries import BULK_LINK
from billie_desktop.work.matching import Account, MatchResult, Pair, Person
from billie_desktop.work.pace import Pace
from billie_desktop.work.paging import MAX_TAKE, LoadProgress, Send, all_pages
from billie_desktop.work.undoing import undo_target


async def review_run(send: Send, organisation_id: str, entries: list[sqlite3.Row],
                     progress: Callable[[LoadProgress], None], pace: Pace | None = None
                     ) -> MatchResult:
    """The review of a Link by email run's undo: each link the run made, with its customer
    as the server has it now (the linked customers, paged). Still linked to the account the
    run linked: a pair to unlink. Changed since (or gone): counted in ``unmatched`` and left
    alone. The pairs keep the run's order."""
    made = [row for row in entries if row["kind"] == BULK_LINK and undo_target(row) is not None]
    order = {normal_guid(row["customer_id"]): n for n, row in enumerate(made)}
    found: dict[int, Pair] = {}

    def request(skip: int, total: bool) -> QueryCustomerContactsRequest:
        return QueryCustomerContactsRequest(organisation_id=organisation_id, skip=skip,
                                            take=MAX_TAKE, user_account_id_is_not_null=True,
                                            include="Total" if total else None)

    def take_in(page: QueryCustomerContactsResponse) -> None:
        for customer in page.results:
            n = order.get(normal_guid(customer.id))
            if n is not None and same_id(customer.user_account_id, made[n]["account_id"]):
                found[n] = Pair(Person(customer.id, customer.first_name, customer.last_name,
                                       customer.email),
                                _account(made[n]["account_id"], made[n]["new_account"]))

    await all_pages(send, "customers", request, take_in, progress, pace)
    pairs = [found[n] for n in sorted(found)]
    for row, pair in enumerate(pairs):
        pair.row = row
    return MatchResult(pairs=pairs, unmatched=len(made) - len(pairs))


def _account(account_id: str, label: str) -> Account:
    """The account as the journal names it: "Ann Lee <ann@example.com>", or the email (or
    the name) alone."""
    name, _, email = label.rpartition(" <")
    if name and email.endswith(">"):
        return Account(account_id, email[:-1], name)
    return Account(account_id, label, None) if "@" in label else Account(account_id, None, label)
