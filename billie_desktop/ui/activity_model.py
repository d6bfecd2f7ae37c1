"""The activity journal as a table: newest first, filtered in SQLite, read a page at a time
(tens of thousands of entries cost what is on screen). Every text is shown as plain text."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from billie_desktop.ui.widgets import escaped_tooltip
from billie_desktop.work.entries import (
    BULK_LINK,
    FAILED,
    LINK,
    LINKED,
    NO_ANSWER,
    NOT_CHANGED,
    PENDING,
    PUT_BACK,
    REPLACE,
    UNLINK,
    UNLINKED,
)
from billie_desktop.work.journal import Filters, Journal
from billie_desktop.work.text import QT_TRANSLATE_NOOP  # titles, translated where shown

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
HEADERS = (
    QT_TRANSLATE_NOOP("Activity", "When"),
    QT_TRANSLATE_NOOP("Activity", "Organisation"),
    QT_TRANSLATE_NOOP("Activity", "Customer"),
    QT_TRANSLATE_NOOP("Activity", "Change"),
    QT_TRANSLATE_NOOP("Activity", "Previous account"),
    QT_TRANSLATE_NOOP("Activity", "New account"),
    QT_TRANSLATE_NOOP("Activity", "Outcome"),
    QT_TRANSLATE_NOOP("Activity", "Server's message"),
    QT_TRANSLATE_NOOP("Activity", "Signed in as"),
    QT_TRANSLATE_NOOP("Activity", "Server"),
)
OUTCOME_TEXT = {
    LINKED: QT_TRANSLATE_NOOP("Activity", "Linked"),
    UNLINKED: QT_TRANSLATE_NOOP("Activity", "Unlinked"),
    FAILED: QT_TRANSLATE_NOOP("Activity", "Failed"),
    NOT_CHANGED: QT_TRANSLATE_NOOP("Activity", "Not changed"),  # (the filter's word)
    NO_ANSWER: QT_TRANSLATE_NOOP("Activity", "No answer"),
    PENDING: QT_TRANSLATE_NOOP("Activity", "Waiting for the answer"),
}
NOT_LINKED = QT_TRANSLATE_NOOP("Activity", "Not linked")  # a link's NOT_CHANGED
STILL_LINKED = QT_TRANSLATE_NOOP("Activity", "Still linked")  # an unlink's
CONFIRMED_LATER = QT_TRANSLATE_NOOP("Activity", "{0} (confirmed later)")
KIND_TEXT = {
    LINK: QT_TRANSLATE_NOOP("Activity", "link"),
    REPLACE: QT_TRANSLATE_NOOP("Activity", "replace"),
    BULK_LINK: QT_TRANSLATE_NOOP("Activity", "bulk link"),
    UNLINK: QT_TRANSLATE_NOOP("Activity", "unlink (undo)"),
    PUT_BACK: QT_TRANSLATE_NOOP("Activity", "put back (undo)"),
}


def when(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M:%S")


def shown(word: str) -> str:
    """One of the words above (``KIND_TEXT``, ``OUTCOME_TEXT``), in the user's language."""
    return QCoreApplication.translate("Activity", word)


def outcome_text(row: sqlite3.Row) -> str:
    """How an entry ended, in words: "Linked (confirmed later)" for a lost answer settled by
    reading the customer back after the console had stopped."""
    outcome = row["outcome"]
    word = OUTCOME_TEXT.get(outcome, outcome)
    if outcome == NOT_CHANGED:
        word = STILL_LINKED if row["kind"] == UNLINK else NOT_LINKED
    if row["confirmed"] is not None:
        return shown(CONFIRMED_LATER).format(shown(word))
    return shown(word)


def cells(row: sqlite3.Row) -> list[str]:
    """An entry as the table and the CSV show it."""
    return [when(row["started"]), row["organisation_name"], row["customer_name"],
            shown(KIND_TEXT.get(row["kind"], row["kind"])), row["previous_account"],
            row["new_account"], outcome_text(row), row["message"],
            row["signed_in_as"], row["server"]]


class ActivityModel(QAbstractTableModel):
    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.filters = Filters()
        self.total = 0
        self._pages: dict[int, list[sqlite3.Row]] = {}
        self._wanted: set[int] = set()  # pages a paint asked for, read on the next turn
        self._read = QTimer(self)
        self._read.setSingleShot(True)
        self._read.setInterval(0)
        self._read.timeout.connect(self._read_wanted)
        self._refresh = QTimer(self)  # writes come in bursts (a bulk link): one reset
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(300)
        self._refresh.timeout.connect(self.reload)
        self._listener = self._refresh.start
        journal.listeners.append(self._listener)
        self.reload()

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
        self._wanted.clear()
        self.total = self.journal.count(self.filters)
        if self.total:
            self._load(0)  # the top, read with the count: no blank first paint
        self.endResetModel()

    def entry(self, row: int) -> sqlite3.Row | None:
        """The entry at ``row``, read now if it is not at hand (for a click, not a paint)."""
        if not 0 <= row < self.total:
            return None
        if row // PAGE not in self._pages:
            self._load(row // PAGE)
        return self._at_hand(row)

    def _at_hand(self, row: int) -> sqlite3.Row | None:
        page = self._pages.get(row // PAGE)
        offset = row % PAGE
        return page[offset] if page is not None and offset < len(page) else None

    def _load(self, number: int) -> None:
        if len(self._pages) > 50:
            self._pages.clear()
        self._pages[number] = self.journal.page(self.filters, number * PAGE, PAGE)

    def _read_wanted(self) -> None:
        """The pages painted rows asked for, read on the turn of the event loop after the
        paint (data() never queries), then painted."""
        wanted, self._wanted = sorted(self._wanted), set()
        for number in wanted:
            self._load(number)
            last = min(self.total, (number + 1) * PAGE) - 1
            self.dataChanged.emit(self.index(number * PAGE, 0),
                                  self.index(last, len(HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return shown(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.total:
            return None
        row = self._at_hand(index.row())
        if row is None:
            self._wanted.add(index.row() // PAGE)
            self._read.start()
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells(row)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_tooltip(cells(row)[index.column()])
        return None
