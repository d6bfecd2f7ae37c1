"""Undo of one change (work/undoing.py), from View ▸ Activity and from a link's result in
the main window: why it cannot be undone when it cannot, the question (naming the customer,
both accounts, the organisation and the server), then the undo, read back first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from billie_desktop.api import BillieError, Customer, Organisation
from billie_desktop.ui.session import Session
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import Translated, ask
from billie_desktop.work.entries import UNLINK
from billie_desktop.work.linking import Linker, LinkTarget, NotSavedError, OutcomeUnknownError
from billie_desktop.work.undoing import (
    UNLINK_OPERATION,
    ChangedSinceError,
    undo,
    undo_target,
)

if TYPE_CHECKING:  # (sqlite3 is not loaded before the customers show)
    import sqlite3


class UndoOne(Translated):
    def __init__(self, session: Session, customer_changed: Callable[[Customer], None],
                 tell: Callable[[str], None]) -> None:
        """``customer_changed``: the undone customer, as the server answered (the main list
        shows it); ``tell``: a message for the status bar."""
        self.session, self.customer_changed, self.tell = session, customer_changed, tell

    def _organisation(self, row: sqlite3.Row) -> Organisation | None:
        return next((o for o in self.session.organisations if o.id == row["organisation_id"]),
                    None)

    def why_not(self, row: sqlite3.Row | None) -> str | None:
        """None when ``row`` can be undone here; else why not, in a sentence."""
        target = undo_target(row) if row is not None else None
        if row is None or target is None:
            return self.tr("Only a link that was made can be undone (not a failed one, nor an "
                           "undo, nor one recorded before this version).")
        if row["server"] != self.session.server_label:
            return self.tr("This change was made on {0}: sign in there to undo it.").format(
                row["server"])
        if self._organisation(row) is None:
            return self.tr("{0} is not one of your organisations on this server.").format(
                row["organisation_name"])
        if target.kind == UNLINK and not self.session.offers(UNLINK_OPERATION):
            return self.tr("This server does not offer removing a link, so a link made where "
                           "there was none cannot be undone from the console.")
        return None

    def question(self, target: LinkTarget, organisation: Organisation) -> tuple[str, str]:
        """(the question, its yes button)."""
        where = self.tr("Organisation: {0}\nServer: {1}").format(organisation.name,
                                                                 self.session.server_label)
        check = self.tr("The customer is read back first: if its link has changed since, "
                        "nothing is changed.")
        if target.kind == UNLINK:
            text = self.tr("Remove the link between {0} and {1}?").format(
                target.customer_name, target.previous_label)
            return f"{text}\n\n{where}\n\n{check}", self.tr("Remove link")
        text = self.tr("Put back {0}'s previous link? It is linked to {1}; it will be linked to "
                       "{2} again.").format(target.customer_name, target.previous_label,
                                            target.account_label)
        return f"{text}\n\n{where}\n\n{check}", self.tr("Put back")

    async def undo(self, parent: QWidget, row: sqlite3.Row) -> str:
        """Asks, then undoes the entry; what happened, in a sentence ("" when not asked
        to)."""
        reason = self.why_not(row)
        target, organisation = undo_target(row), self._organisation(row)
        if reason is not None or target is None or organisation is None:
            return reason or ""
        return await self._change(parent, target, organisation, self.tr("Undo a change"),
                                  self.tr("Undone:"))

    def why_not_remove(self) -> str | None:
        """None when this server lets a link be removed; else why not."""
        if self.session.offers(UNLINK_OPERATION):
            return None
        return self.tr("This server does not offer removing a link.")

    async def remove_link(self, parent: QWidget, customer: Customer, organisation: Organisation,
                          account_label: str) -> str:
        """Customer ▸ Remove link…: asks, then removes ``customer``'s link (read back
        first, recorded in the journal as an unlink); what happened, in a sentence."""
        if not customer.user_account_id or self.why_not_remove() is not None:
            return self.why_not_remove() or ""
        target = LinkTarget(
            customer_id=customer.id or "", customer_name=customer.full_name,
            organisation_id=organisation.id, account_id="", account_label="",
            previous_label=account_label, previous_account_id=customer.user_account_id,
            kind=UNLINK)
        return await self._change(parent, target, organisation, self.tr("Remove a link"),
                                  self.tr("Done:"))

    async def _change(self, parent: QWidget, target: LinkTarget, organisation: Organisation,
                      title: str, done_word: str) -> str:
        text, yes = self.question(target, organisation)
        if not await ask(parent, title, text, yes, self.tr("Cancel")):
            return ""
        linker = Linker(self.session.send, self.session.journal,
                        self.session.where(organisation))
        try:
            linked = await undo(linker, target)
        except ChangedSinceError:
            return self.tr("Not done: {0}'s link has changed since, so nothing was changed."
                           ).format(target.customer_name)
        except NotSavedError:
            return self.tr("Not done: the answer was lost, and reading the customer back "
                           "shows no change.")
        except OutcomeUnknownError as exc:
            return self.tr("The change was sent but its answer was lost ({0}); it is checked "
                           "at the next sign-in.").format(exc.message)
        except BillieError as exc:
            return self.tr("Not done: {0}").format(exc.message)
        if linked.customer is not None:
            self.customer_changed(linked.customer)
        done = self.tr("{3} {0} is no longer linked to {1}.") if target.kind == UNLINK \
            else self.tr("{3} {0} is linked to {2} again (not {1}).")
        message = done.format(target.customer_name, target.previous_label,
                              target.account_label, done_word)
        self.tell(message)
        return message


class UndoLast(Translated):
    """The main window's way back from a link just made: an Undo button in the status bar
    beside the link's message, for as long as the message shows."""

    SHOWN_MS = 30_000

    def __init__(self, window: QMainWindow, undo_one: UndoOne, tasks: Tasks) -> None:
        """``tasks``: the window's (the undo ends with it)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QPushButton

        self.window, self.undo_one, self.tasks = window, undo_one, tasks
        self.entry: sqlite3.Row | None = None
        self.button = QPushButton(self.tr("Undo"))
        self.button.setAccessibleName(self.tr("Undo the link just made"))
        self.button.clicked.connect(self._clicked)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self.timer = QTimer(self.button)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.button.hide)

    def offer(self, entry: int) -> None:
        """After a link (its journal entry): Undo, where it can be undone."""
        journal = self.undo_one.session.journal
        self.entry = journal.entry(entry) if journal is not None and entry else None
        why = self.undo_one.why_not(self.entry)
        self.button.setVisible(why is None)
        if why is None:
            self.timer.start(self.SHOWN_MS)

    def _clicked(self) -> None:
        if self.entry is not None and not self.tasks.running("undo"):
            self.tasks.run("undo", self._undo(self.entry))

    async def _undo(self, entry: sqlite3.Row) -> None:
        said = await self.undo_one.undo(self.window, entry)
        if said:
            self.button.hide()
            self.window.statusBar().showMessage(said, 15_000)

    def offer_remove(self, action: QAction, linked: str | None) -> None:
        """Customer ▸ Remove link…: for a linked customer, where the server allows it (its
        tooltip says when not)."""
        why = self.undo_one.why_not_remove()
        action.setEnabled(bool(linked) and why is None)
        action.setToolTip(why or self.tr("Remove the link to the customer's user account"))

    def remove(self, customer: Customer | None, organisation: Organisation | None,
               account_text: Callable[[str | None], str | None]) -> None:
        """Customer ▸ Remove link… for the customer selected."""
        if customer is not None and organisation is not None and customer.user_account_id:
            label = account_text(customer.user_account_id) or customer.user_account_id
            self.tasks.run("unlink", self._remove(customer, organisation, label))

    async def _remove(self, customer: Customer, organisation: Organisation, label: str) -> None:
        said = await self.undo_one.remove_link(self.window, customer, organisation, label)
        if said:
            self.window.statusBar().showMessage(said, 15_000)
