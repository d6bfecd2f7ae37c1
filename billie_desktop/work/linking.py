"""Linking one customer to a user account, written once for the link dialog and for Link
by email: the activity journal's entry written before the request goes out, the request,
the outcome recorded in that entry, and, when the answer was lost, the customer read back
to learn what really happened (never a guess, and never a second send before it).

Undoing a link is the same: putting a replaced account back is a link (kind PUT_BACK);
removing one (kind UNLINK, no account) sends the assumed
``DisassociateUserAccountFromCustomerRequest`` instead."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from billie_desktop.api import (
    AssociateUserAccountToCustomerRequest,
    AssociateUserAccountToCustomerResponse,
    BillieError,
    Customer,
    DisassociateUserAccountFromCustomerRequest,
    GetCustomerRequest,
    Request,
    TransportError,
    same_id,
)
from billie_desktop.work.entries import (
    FAILED,
    LINK,
    LINKED,
    NO_ANSWER,
    NOT_CHANGED,
    UNLINK,
    UNLINKED,
    Where,
)
from billie_desktop.work.paging import Send

if TYPE_CHECKING:
    from billie_desktop.work.journal import Journal

log = logging.getLogger(__name__)

STOPPED = "Stopped before the answer came."
CHECKED_LINKED = "The answer was lost; reading the customer back showed the link."
CHECKED_NOT_LINKED = "The answer was lost; reading the customer back showed no change."


@dataclass(frozen=True)
class LinkTarget:
    """What to link, and how the journal names it."""

    customer_id: str
    customer_name: str
    organisation_id: str
    account_id: str  # "" with kind UNLINK: the customer is to have none
    account_label: str  # the new account, as the journal shows it
    previous_label: str = ""  # the account it replaces, if any
    kind: str = LINK  # LINK, REPLACE or BULK_LINK; PUT_BACK, an undo's (entries.py)
    previous_account_id: str = ""
    run_id: str = ""  # the Link by email run (or undo) it is part of


@dataclass(frozen=True)
class Linked:
    customer: Customer | None  # as the server answered (None when it sent none back)
    checked: bool = False  # the answer was lost, and reading the customer back showed it


def shows(customer: Customer, target: LinkTarget) -> bool:
    """Whether ``customer`` (as read back) has ``target``'s change made."""
    if target.kind == UNLINK:
        return not customer.user_account_id
    return bool(customer.user_account_id) and same_id(customer.user_account_id,
                                                      target.account_id)


def _made(target: LinkTarget) -> str:
    return UNLINKED if target.kind == UNLINK else LINKED


class OutcomeUnknownError(TransportError):
    """The link's answer was lost, and the customer could not be read back to check it."""


class NotSavedError(OutcomeUnknownError):
    """The link's answer was lost, and reading the customer back shows no change."""

    @property
    def fate_unknown(self) -> bool:
        return False


class Linker:
    """Links customers through ``send`` (``Session.send``), recording each in ``journal``
    (None: nothing is recorded) as made by ``where``."""

    def __init__(self, send: Send, journal: Journal | None = None,
                 where: Where | None = None) -> None:
        self.send = send
        self.journal, self.where = journal, where

    async def link(self, target: LinkTarget, *, read_back_if_lost: bool = True,
                   entry: int | None = None) -> Linked:
        """Sends the link and records what happened. A lost answer is read back at once
        when ``read_back_if_lost`` (then ``NotSavedError`` or ``OutcomeUnknownError``),
        else raised as it came (Link by email reads it back before it resends:
        ``linked_already``). ``entry``: the journal entry already begun for it, if any."""
        if entry is None:
            entry = self.begin(target)
        request: Request[AssociateUserAccountToCustomerResponse] = \
            DisassociateUserAccountFromCustomerRequest(
                id=target.customer_id, organisation_id=target.organisation_id) \
            if target.kind == UNLINK else AssociateUserAccountToCustomerRequest(
                id=target.customer_id, user_account_id=target.account_id,
                organisation_id=target.organisation_id)
        try:
            answer = await self.send(request)
        except asyncio.CancelledError:
            self.finish(entry, NO_ANSWER, STOPPED)
            raise
        except BillieError as exc:
            if exc.fate_unknown and read_back_if_lost:
                return await self._read_back_after(target, entry, exc)
            self.finish(entry, NO_ANSWER if exc.fate_unknown else FAILED, exc.message)
            raise
        self.finish(entry, _made(target))
        return Linked(answer.customer)

    async def linked_already(self, target: LinkTarget, entry: int = 0) -> Customer | None:
        """After a lost answer: the customer when reading it back shows the link (``entry``
        is then completed as linked), None when it does not. Raises what the read raised."""
        customer = await self._read(target)
        if customer is not None:
            self.finish(entry, _made(target), CHECKED_LINKED)
        return customer

    def begin(self, target: LinkTarget) -> int:
        """The journal entry, written before the request goes out (0: none)."""
        if self.journal is None or self.where is None:
            return 0
        return self.journal.begin(
            self.where, kind=target.kind, customer_id=target.customer_id,
            customer_name=target.customer_name, previous_account=target.previous_label,
            new_account=target.account_label, account_id=target.account_id,
            previous_account_id=target.previous_account_id, run_id=target.run_id)

    def finish(self, entry: int, outcome: str, message: str = "") -> None:
        if self.journal is not None and entry:
            self.journal.finish(entry, outcome, message)

    async def current(self, target: LinkTarget) -> Customer | None:
        """The customer as the server has it now (None: it sent none back)."""
        answer = await self.send(GetCustomerRequest(id=target.customer_id,
                                                    organisation_id=target.organisation_id))
        return answer.customer  # type: ignore[no-any-return]

    async def _read(self, target: LinkTarget) -> Customer | None:
        """The customer when it shows ``target``'s change made, else None."""
        customer = await self.current(target)
        return customer if customer is not None and shows(customer, target) else None

    async def _read_back_after(self, target: LinkTarget, entry: int,
                               lost: BillieError) -> Linked:
        log.info("the link's answer was lost (%s): reading the customer back",
                 type(lost).__name__)
        try:
            customer = await self.linked_already(target, entry)
        except asyncio.CancelledError:
            self.finish(entry, NO_ANSWER, STOPPED)
            raise
        except BillieError as exc:
            self.finish(entry, NO_ANSWER, lost.message)
            raise OutcomeUnknownError(exc.message) from lost
        if customer is None:
            self.finish(entry, NOT_CHANGED, CHECKED_NOT_LINKED)
            raise NotSavedError(CHECKED_NOT_LINKED) from lost
        return Linked(customer, checked=True)
