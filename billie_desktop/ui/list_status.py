"""The customers area: the table; what shows instead of it when there are no rows
(loading, empty, an error with Retry); a banner when some rows could not be refreshed
(the rows shown stay, marked as from before); and the count of rows on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from billie_desktop.ui.customer_fields import ListState
from billie_desktop.ui.customers_model import CustomersModel
from billie_desktop.ui.customers_table import CustomersTable
from billie_desktop.ui.widgets import Banner, BusyBar, LiveLabel


class ListStatus(QWidget):
    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = LiveLabel(field=self.tr("Customer list"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setAccessibleName(self.tr("Retry loading customers"))
        self.retry.clicked.connect(self.retry_clicked)
        self.busy = BusyBar()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.busy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_state(self, state: ListState, message: str) -> None:
        self.label.setText(message)
        self.busy.set_busy(state == ListState.LOADING)
        self.retry.setVisible(state.failed)


class CustomersArea(QWidget):
    def __init__(self, model: CustomersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = CustomersTable(model)
        self.status = ListStatus()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.status)
        self.banner = Banner()
        self.banner.action_clicked.connect(model.retry)
        self.count_label = LiveLabel()  # "Rows 1–30 of 2,500", as shown
        self.page_busy = BusyBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.page_busy, 1)
        layout.addLayout(bottom)
        model.state_changed.connect(self.show_state)
        model.page_failed.connect(self.page_failed)
        model.total_changed.connect(lambda _: self.show_count())
        self.table.visible_rows_changed.connect(lambda *_: self.show_count())

    def show_state(self, state: ListState, message: str) -> None:
        has_rows = self.model.rowCount() > 0
        self.page_busy.set_busy(state == ListState.LOADING and has_rows)
        if has_rows:
            self.stack.setCurrentIndex(0)
            if state.failed:
                self.page_failed(message)
            elif state == ListState.READY:
                self.banner.clear()
        else:
            self.stack.setCurrentIndex(0 if state == ListState.READY else 1)
            self.status.show_state(state, message)

    def page_failed(self, message: str) -> None:
        """Rows already shown stay (marked as from before) and Retry fetches them again."""
        when = QTime.currentTime().toString("HH:mm")
        text = (self.tr("Offline — showing what was loaded by {0}.") if self.model.state.failed
                else self.tr("Some customers could not be loaded ({1}); showing what was loaded "
                             "by {0}.")).format(when, message)
        self.banner.show_message(text, kind="warning", action=self.tr("Retry"))

    def show_count(self) -> None:
        """What is on screen: "Rows 4,201–4,230 of 100,000"."""
        first, last = self.table.visible_rows()
        total = self.model.total
        self.count_label.setText("" if total == 0 or first < 0 else self.tr(
            "Rows {0}–{1} of {2}").format(f"{first + 1:,}", f"{last + 1:,}", f"{total:,}"))

    async def until_filled(self, limit: float) -> None:
        """Waits until the list, not yet shown, has its first page (or knows it has none,
        or failed), ``limit`` seconds at most: a resumed session comes up with its
        customers rather than with "Loading…" for a moment, one paint of the whole window
        instead of two on the way to them."""
        import asyncio

        filled = asyncio.Event()

        def changed(state: ListState, _message: str) -> None:
            if state != ListState.LOADING:
                filled.set()

        self.model.state_changed.connect(changed)
        try:
            await asyncio.wait_for(filled.wait(), limit)
        except TimeoutError:
            pass  # slow, or no organisation to list: the window says so itself
        finally:
            self.model.state_changed.disconnect(changed)
