"""The main window's side windows: Customer ▸ Link by email… and View ▸ Activity, opened
on demand, closed with the main window or at sign-out (kept out of main_window.py, which
is long enough)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from billie_desktop.api import Customer, same_id
from billie_desktop.ui.widgets import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from billie_desktop.ui.activity_window import ActivityWindow
    from billie_desktop.ui.bulk_window import BulkLinkWindow
    from billie_desktop.ui.main_window import MainWindow


def _raised(window: QWidget | None) -> bool:
    """Brings an open side window to the front; False when there is none to raise."""
    if window is None or not window.isVisible():
        return False
    window.raise_()
    window.activateWindow()
    return True


def open_bulk_window(main: MainWindow) -> BulkLinkWindow | None:
    """The window for the organisation shown; the one already open for it is raised."""
    from billie_desktop.ui.bulk_window import BulkLinkWindow

    org = main.current_organisation
    if org is None:
        return None
    window = main.bulk_window
    if window is not None and window.organisation.id == org.id and _raised(window):
        return window
    if window is not None:
        window.close()
    window = BulkLinkWindow(main.session, org, main)
    window.linked.connect(lambda customer: _linked(main, customer))
    window.show_customer.connect(
        lambda customer_id: main.tasks.run("show", main._show_customer(customer_id)))
    main.bulk_window = window
    window.show()
    return window


def _linked(main: MainWindow, customer: Customer) -> None:
    """A row the bulk link changed: the list shows it at once (and the detail pane, when it
    is the customer selected)."""
    main.model.update_customer(customer)
    selected = main.selected_customer()
    if selected is not None and same_id(selected.id, customer.id):
        main.show_selected_customer()


def open_activity_window(main: MainWindow) -> ActivityWindow | None:
    """View ▸ Activity (one window; raised when open)."""
    from billie_desktop.ui.activity_window import ActivityWindow

    journal = main.session.journal
    if journal is None:
        main.statusBar().showMessage(tr("The activity journal could not be opened: see the "
                                        "log.", "Activity"), 10_000)
        return None
    if _raised(main.activity_window):
        return main.activity_window
    window = ActivityWindow(journal, main)
    window.show_customer.connect(lambda org, customer: _go_to(main, org, customer))
    main.activity_window = window
    window.show()
    return window


def _go_to(main: MainWindow, organisation_id: str, customer_id: str) -> None:
    """An activity entry's customer, selected in the main list (its organisation first)."""
    index = main.organisation.findData(organisation_id)
    if index < 0:
        main.statusBar().showMessage(tr("That organisation is not one of yours on this "
                                        "server.", "Activity"), 10_000)
        return
    if index != main.organisation.currentIndex():
        main.organisation.setCurrentIndex(index)
    main.tasks.run("show", main._show_customer(customer_id))
    main.raise_()
    main.activateWindow()


def close_side_windows(main: MainWindow) -> None:
    for window in (main.bulk_window, main.activity_window):
        if window is not None:
            window.close()
            window.deleteLater()
    main.bulk_window = main.activity_window = None
