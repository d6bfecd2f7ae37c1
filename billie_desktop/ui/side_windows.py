"""A main window's side windows: Customer ▸ Link by email… and View ▸ Activity, opened on
demand (one of each, raised when open), closed with the main window or at sign-out. The
main window hands them what they need as callbacks; they touch nothing else of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from billie_desktop.api import Customer, Organisation
from billie_desktop.ui.session import Session
from billie_desktop.ui.widgets import Translated

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from billie_desktop.ui.activity_window import ActivityWindow
    from billie_desktop.ui.bulk_window import BulkLinkWindow


def _raised(window: QWidget | None) -> bool:
    """Brings an open side window to the front; False when there is none to raise."""
    if window is None or not window.isVisible():
        return False
    window.raise_()
    window.activateWindow()
    return True


class SideWindows(Translated):
    def __init__(self, parent: QWidget, session: Session, *,
                 organisation: Callable[[], Organisation | None],
                 show_customer: Callable[[str, str | None], bool],
                 customer_changed: Callable[[Customer], None],
                 tell: Callable[[str], None]) -> None:
        """``organisation``: the one the main window shows. ``show_customer(customer_id,
        organisation_id)``: selects that customer in the main list (False: not an
        organisation of this user). ``customer_changed``: a customer a bulk link changed.
        ``tell``: a message for the status bar."""
        self.parent, self.session = parent, session
        self.organisation, self.show_customer = organisation, show_customer
        self.customer_changed, self.tell = customer_changed, tell
        self.bulk: BulkLinkWindow | None = None
        self.activity: ActivityWindow | None = None

    def open_bulk(self) -> BulkLinkWindow | None:
        """The window for the organisation shown; the one already open for it is raised."""
        from billie_desktop.ui.bulk_window import BulkLinkWindow

        org = self.organisation()
        if org is None:
            return None
        if self.bulk is not None and self.bulk.organisation.id == org.id and \
                _raised(self.bulk):
            return self.bulk
        if self.bulk is not None:
            self.bulk.close()
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
        window = ActivityWindow(journal, self.parent)
        window.show_customer.connect(self._go_to)
        self.activity = window
        window.show()
        return window

    def _go_to(self, organisation_id: str, customer_id: str) -> None:
        """An activity entry's customer, selected in the main list (its organisation first)."""
        if not self.show_customer(customer_id, organisation_id):
            self.tell(self.tr("That organisation is not one of yours on this server."))

    def close_all(self) -> None:
        for window in (self.bulk, self.activity):
            if window is not None:
                window.close()
                window.deleteLater()
        self.bulk = self.activity = None
