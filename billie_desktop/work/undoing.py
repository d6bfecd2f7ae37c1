"""Undoing a change the activity journal recorded (issue #23), where the server allows it:

- a link that replaced another account is put back: the previous account linked again
  (the documented PUT, kind PUT_BACK);
- a link made where there was none is removed: the assumed
  ``DisassociateUserAccountFromCustomerRequest`` (kind UNLINK), only where the server's
  metadata lists it.

The no-duplicates rule holds here too: the customer is read back first, and only one still
linked as the entry left it is changed. A later change by anyone, or this very undo made
already, is never overwritten. Each undo is a journal entry of its own. No widgets here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from billie_desktop.api import BillieError, DisassociateUserAccountFromCustomerRequest, same_id
from billie_desktop.work.entries import BULK_LINK, LINK, LINKED, PUT_BACK, REPLACE, UNLINK
from billie_desktop.work.linking import Linked, Linker, LinkTarget

if TYPE_CHECKING:  # (sqlite3 is not loaded before the customers show)
    import sqlite3

UNLINK_OPERATION = DisassociateUserAccountFromCustomerRequest.operation_name()
UNDOABLE = (LINK, REPLACE, BULK_LINK)


class ChangedSinceError(BillieError):
    """The customer's link is no longer what the entry made: nothing was changed."""


def undo_target(row: sqlite3.Row, run_id: str = "") -> LinkTarget | None:
    """The change that undoes the journal entry ``row``; None when it cannot be undone (it
    failed, is itself an undo, or was made before the journal kept the accounts' ids)."""
    if row["outcome"] != LINKED or row["kind"] not in UNDOABLE or not row["account_id"]:
        return None
    common = {"customer_id": row["customer_id"], "customer_name": row["customer_name"],
              "organisation_id": row["organisation_id"], "previous_label": row["new_account"],
              "previous_account_id": row["account_id"], "run_id": run_id}
    if row["kind"] == REPLACE:
        if not row["previous_account_id"]:
            return None
        return LinkTarget(account_id=row["previous_account_id"],
                          account_label=row["previous_account"], kind=PUT_BACK, **common)
    return LinkTarget(account_id="", account_label="", kind=UNLINK, **common)


def changed_since(account_id: str | None, target: LinkTarget) -> bool:
    """Whether a customer whose account is now ``account_id`` no longer has what the
    entry made (``target.previous_account_id``): then the undo is left alone."""
    return not account_id or not same_id(account_id, target.previous_account_id)


async def undo(linker: Linker, target: LinkTarget) -> Linked:
    """Reads the customer back, then undoes: ``ChangedSinceError`` when its link has
    changed since (nothing is sent); else what ``Linker.link`` gives or raises."""
    customer = await linker.current(target)
    if customer is None or changed_since(customer.user_account_id, target):
        raise ChangedSinceError(
            "The customer's link has changed since, so nothing was changed: it now has "
            + ("another user account." if customer is not None and customer.user_account_id
               else "no user account."))
    return await linker.link(target)

