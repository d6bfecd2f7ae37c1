"""The customers search box (debounced; Esc clears it) and the All / Not linked / Linked
filter beside it. Both are answered by the server."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from billie_desktop.ui.customer_fields import LinkFilter
from billie_desktop.ui.tuning import SEARCH_DEBOUNCE_MS


class SearchEdit(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()  # Esc clears the search (and the list shows everyone again)
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    search_changed = Signal(str)  # after the typing pause
    filter_changed = Signal(object)  # a LinkFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = SearchEdit()
        self.edit.setPlaceholderText(
            self.tr("Search name, email, phone, licence, suburb or postcode  (Ctrl+F)"))
        self.edit.setAccessibleName(self.tr("Search customers"))
        self.edit.setMinimumWidth(160)
        self.edit.setClearButtonEnabled(True)  # (Qt shows it over some text only)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(lambda: self.search_changed.emit(self.edit.text()))
        self.edit.textChanged.connect(self.timer.start)
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show"))
        for text, value in ((self.tr("All customers"), LinkFilter.ALL),
                            (self.tr("Not linked"), LinkFilter.NOT_LINKED),
                            (self.tr("Linked"), LinkFilter.LINKED)):
            self.filter.addItem(text, value)
        self.filter.currentIndexChanged.connect(
            lambda _: self.filter_changed.emit(LinkFilter(self.filter.currentData())))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.filter)

