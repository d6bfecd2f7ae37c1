"""A main window's side windows: Customer ▸ Link by email… and View ▸ Activity, opened on
demand (one of each, raised when open), closed with the main window or at sign-out. The
main window hands them what they need as callbacks; they touch nothing else of it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from billie_desktop.api import Customer, Organisation
from billie_desktop.ui.session import Session
from billie_desktop.ui.stopping import Work
from billie_desktop.ui.widgets import Translated

if TYPE_CHECKING:
    import sqlite3

    from PySide6.QtWidgets import QWidget

    from billie_desktop.ui.activity_window import ActivityWindow
    from billie_desktop.ui.bulk_window import BulkLinkWindow
    from billie_desktop.ui.undo_run_window import UndoRunWindow


def _raised(window: QWidget | None) -> bool:
    """Brings an open side window to the front; False when there is none to raise."""
    if window is None or not window.isVisible():
        return False
    window.raise_()
    window.activateWindow()
    return True


W = TypeVar("W", bound="QWidget")


def _kept(window: W | None, wanted: bool) -> W | None:
    """The side window open already, when it is the one wanted (raised), or when it will
    not close (a run under way: its own question is up); None: make a new one."""
    if window is None:
        return None
    if wanted and _raised(window):
        return window
    window.close()
    return window if window.isVisible() else None


class SideWindows(Translated):
    def __init__(self, parent: QWidget, session: Session, *,
                 organisation: Callable[[], Organisation | None],
                 show_customer: Callable[[str, str | None], bool],
                 customer_changed: Callable[[Customer], None],
                 tell: Callable[[str], None],
                 check_now: Callable[[], Awaitable[str]] | None = None) -> None:
        """``organisation``: the one the main window shows. ``show_customer(customer_id,
        organisation_id)``: selects that customer in the main list (False: not an
        organisation of this user). ``customer_changed``: a customer a bulk link changed.
        ``tell``: a message for the status bar. ``check_now``: Activity's Check now."""
        self.parent, self.session, self.check_now = parent, session, check_now
        self.organisation, self.show_customer = organisation, show_customer
        self.customer_changed, self.tell = customer_changed, tell
        self.bulk: BulkLinkWindow | None = None
        self.activity: ActivityWindow | None = None
        self.undo_run: UndoRunWindow | None = None

    def open_bulk(self) -> BulkLinkWindow | None:
        """The window for the organisation shown; the one already open for it is raised."""
        from billie_desktop.ui.bulk_window import BulkLinkWindow

        org = self.organisation()
        if org is None:
            return None
        kept = _kept(self.bulk, self.bulk is not None and self.bulk.organisation.id == org.id)
        if kept is not None:
            return kept
        window = BulkLinkWindow(self.session, org, self.parent)
        window.linked.connect(self.customer_changed)
        window.show_customer.connect(lambda customer_id: self.show_customer(customer_id, None))
        self.bulk = window
        window.show()
        return window

    def open_activity(self) -> ActivityWindow | None:
        """View ▸ Activity (one window; raised when open)."""
        from billie_desktop.ui.activity_window import ActivityWindow

        journal = self.session.journal
        if journal is None:
            self.tell(self.tr("The activity journal could not be opened: see the log."))
            return None
        if _raised(self.activity):
            return self.activity
        from billie_desktop.ui.undo_one import UndoOne

        window = ActivityWindow(journal, self.parent, check_now=self.check_now,
                                undo_one=UndoOne(self.session, self.customer_changed, self.tell),
                                undo_run=self.open_undo_run)
        window.show_customer.connect(self._go_to)
        self.activity = window
        window.show()
        return window

    def _go_to(self, organisation_id: str, customer_id: str) -> None:
        """An activity entry's customer, selected in the main list (its organisation first)."""
        if not self.show_customer(customer_id, organisation_id):
            self.tell(self.tr("That organisation is not one of yours on this server."))

    def open_undo_run(self, entry: sqlite3.Row) -> UndoRunWindow | None:
        """Activity ▸ Undo the run… for the run of ``entry`` (one such window at a time)."""
        from billie_desktop.ui.undo_run_window import UndoRunWindow

        journal = self.session.journal
        org = next((o for o in self.session.organisations
                    if o.id == entry["organisation_id"]), None)
        if journal is None or org is None or entry["server"] != self.session.server_label:
            self.tell(self.tr("That run was made on another server or in an organisation that "
                              "is not one of yours here."))
            return None
        kept = _kept(self.undo_run, self.undo_run is not None and
                     self.undo_run.run_id == entry["run_id"])
        if kept is not None:
            return kept
        window = UndoRunWindow(self.session, org, journal.run(entry["run_id"]), self.parent)
        window.linked.connect(self.customer_changed)
        self.undo_run = window
        window.show()
        return window

    def work(self) -> list[Work]:
        """The runs under way: Link by email's, an undo's."""
        return [w for window in (self.bulk, self.undo_run) if window is not None
                and (w := window.work()) is not None]

    def close_all(self) -> None:
        for window in (self.bulk, self.activity, self.undo_run):
            if window is not None:
                window.close()
                window.deleteLater()
        self.bulk = self.activity = self.undo_run = None
