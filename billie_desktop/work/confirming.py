"""The journal tells the truth after a crash (issue #23). A change whose answer never came
(the console was killed, the link dropped, a stop gave up waiting) is "no answer" in the
activity journal. At the next sign-in to that server, and whenever the user asks (Activity
▸ Check now), each is settled by reading the customer back (``GET /customers/{Id}``): the
entry then says what the server really has, "Linked (confirmed later)" or "Not linked
(confirmed later)", and keeps when and how that was learned. No widgets here."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass

from billie_desktop.api import BillieError, GetCustomerRequest, NotFoundError, same_id
from billie_desktop.work.entries import LINKED, NOT_CHANGED, UNLINK, UNLINKED
from billie_desktop.work.journal import Journal
from billie_desktop.work.paging import IN_FLIGHT, Send

log = logging.getLogger(__name__)

HOW_TEXT = {"at sign-in": "at sign-in", "check now": "by Check now", "by the run": "by the run"}


@dataclass
class Settled:
    """What one check found."""

    changed: int = 0  # the change was made after all (linked, or unlinked)
    not_changed: int = 0
    unknown: int = 0  # could not be read back (still "no answer"), or nothing to check by

    @property
    def checked(self) -> int:
        return self.changed + self.not_changed


def outcome_of(row: sqlite3.Row, account_id: str | None) -> str | None:
    """What reading the customer back (``account_id``: its user account now) says of the
    entry: LINKED or UNLINKED when the change is there, NOT_CHANGED when it is not; None
    when the entry cannot be checked (made before the journal kept the accounts' ids)."""
    if row["kind"] == UNLINK:
        if not account_id:
            return UNLINKED
        return NOT_CHANGED if row["previous_account_id"] else None
    if not row["account_id"]:
        return None
    return LINKED if account_id and same_id(account_id, row["account_id"]) else NOT_CHANGED


async def settle(send: Send, journal: Journal, server: str, organisation_ids: list[str],
                 how: str) -> Settled:
    """Reads back every "no answer" entry made on ``server`` in those organisations, and
    settles those it can. A server that cannot be reached leaves the rest for next time."""
    settled = Settled()
    rows = journal.unconfirmed(server, organisation_ids)
    checkable = [row for row in rows if row["account_id"] or row["previous_account_id"]]
    settled.unknown = len(rows) - len(checkable)  # (from before the journal kept the ids)
    rows = checkable
    for start in range(0, len(rows), IN_FLIGHT):
        batch = rows[start:start + IN_FLIGHT]
        answers = await asyncio.gather(*(_read(send, row) for row in batch),
                                       return_exceptions=True)
        for row, answer in zip(batch, answers, strict=True):
            if isinstance(answer, BaseException):
                if not isinstance(answer, BillieError):
                    raise answer
                settled.unknown += len(rows) - start  # (the rest: not tried, or failed)
                log.info("lost answers could not be read back: %s", type(answer).__name__)
                return settled
            _record(journal, row, answer, how, settled)
    return settled


async def _read(send: Send, row: sqlite3.Row) -> tuple[bool, str | None]:
    """(the customer exists, its user account id)."""
    try:
        answer = await send(GetCustomerRequest(id=row["customer_id"],
                                               organisation_id=row["organisation_id"]))
    except NotFoundError:
        return False, None
    customer = answer.customer
    return customer is not None, customer.user_account_id if customer is not None else None


def _record(journal: Journal, row: sqlite3.Row, answer: tuple[bool, str | None], how: str,
            settled: Settled) -> None:
    exists, account_id = answer
    outcome = outcome_of(row, account_id) if exists else NOT_CHANGED
    if outcome is None:
        settled.unknown += 1
        return
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    said = {LINKED: "the customer has this account", UNLINKED: "the customer has no account",
            NOT_CHANGED: "the change is not there"}[outcome]
    if not exists:
        said = "the customer no longer exists"
    journal.confirm(row["id"], outcome, how, f"The answer was lost; read back "
                    f"{HOW_TEXT.get(how, how)} on {now}: {said}.")
    if outcome == NOT_CHANGED:
        settled.not_changed += 1
    else:
        settled.changed += 1
