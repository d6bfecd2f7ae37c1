"""The activity journal as a table: newest first, filtered in SQLite, read a page at a time
(tens of thousands of entries cost what is on screen). Every text is shown as plain text."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from billie_desktop.ui.journal import Filters, Journal
from billie_desktop.ui.widgets import escaped_tooltip, tr
from billie_desktop.ui.widgets import tr_noop as _N  # titles, translated where shown

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
HEADERS = (_N("Activity", "When"), _N("Activity", "Organisation"), _N("Activity", "Customer"),
           _N("Activity", "Change"), _N("Activity", "Previous account"),
           _N("Activity", "New account"), _N("Activity", "Outcome"),
           _N("Activity", "Server's message"), _N("Activity", "Signed in as"),
           _N("Activity", "Server"))
OUTCOME_TEXT = {"linked": _N("Activity", "Linked"), "failed": _N("Activity", "Failed"),
                "no answer": _N("Activity", "No answer"),
                "pending": _N("Activity", "Waiting for the answer")}
KIND_TEXT = {"link": _N("Activity", "link"), "replace": _N("Activity", "replace"),
             "bulk link": _N("Activity", "bulk link")}


def when(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M:%S")


def cells(row: sqlite3.Row) -> list[str]:
    """An entry as the table and the CSV show it."""
    return [when(row["started"]), row["organisation_name"], row["customer_name"],
            tr(KIND_TEXT.get(row["kind"], row["kind"]), "Activity"), row["previous_account"],
            row["new_account"],
            tr(OUTCOME_TEXT.get(row["outcome"], row["outcome"]), "Activity"), row["message"],
            row["signed_in_as"], row["server"]]


class ActivityModel(QAbstractTableModel):
    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.filters = Filters()
        self.total = journal.count(self.filters)
        self._pages: dict[int, list[sqlite3.Row]] = {}
        self._refresh = QTimer(self)  # writes come in bursts (a bulk link): one reset
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(300)
        self._refresh.timeout.connect(self.reload)
        self._listener = self._refresh.start
        journal.listeners.append(self._listener)

    def detach(self) -> None:
        """No more news from the journal (the window closes)."""
        if self._listener in self.journal.listeners:
            self.journal.listeners.remove(self._listener)
        self._refresh.stop()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self.total = self.journal.count(self.filters)
        self.endResetModel()

    def entry(self, row: int) -> sqlite3.Row | None:
        if not 0 <= row < self.total:
            return None
        page = self._pages.get(row // PAGE)
        if page is None:
            if len(self._pages) > 50:
                self._pages.clear()
            page = self._pages[row // PAGE] = self.journal.page(self.filters, row // PAGE * PAGE,
                                                                PAGE)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section], "Activity")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.entry(index.row())
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells(row)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_tooltip(cells(row)[index.column()])
        return None
