"""What the customers area shows when there are no rows to show: loading, empty, or an
error with Retry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from billie_desktop.ui.customers_model import ListState
from billie_desktop.ui.widgets import BusyBar, PlainLabel, tr


def _t(text: str) -> str:
    return tr(text, "MainWindow")


class ListStatus(QWidget):
    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = PlainLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(_t("Customer list status"))
        self.retry = QPushButton(_t("Retry"))
        self.retry.setAccessibleName(_t("Retry loading customers"))
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
