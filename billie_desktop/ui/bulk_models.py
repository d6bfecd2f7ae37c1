"""The review tables of a bulk link: pairs to link (with a tick box and an outcome per
row) and customers that need a person. Virtual models: tens of thousands of rows cost
nothing until they are on screen; every text is shown as plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from billie_desktop.ui.account_results import account_text
from billie_desktop.ui.widgets import error_colour, escaped_tooltip
from billie_desktop.work.entries import BULK_LINK, UNLINK
from billie_desktop.work.matching import NeedsPerson, Outcome, Pair
from billie_desktop.work.text import QT_TRANSLATE_NOOP  # titles, translated where shown

Index = QModelIndex | QPersistentModelIndex
OUTCOME_TEXT = {Outcome.READY: "", Outcome.QUEUED: QT_TRANSLATE_NOOP("BulkLink", "Waiting"),
                Outcome.SENDING: QT_TRANSLATE_NOOP("BulkLink", "Sending…"),
                Outcome.LINKED: QT_TRANSLATE_NOOP("BulkLink", "Linked"),
                Outcome.SKIPPED: QT_TRANSLATE_NOOP("BulkLink", "Not sent"),
                Outcome.UNKNOWN: QT_TRANSLATE_NOOP("BulkLink", "No answer yet"),
                Outcome.FAILED: QT_TRANSLATE_NOOP("BulkLink", "Failed")}


class _Table(QAbstractTableModel):
    """A review table: ``HEADERS`` (translated where shown) over a list of rows."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, rows: list[Any]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("BulkLink", self.HEADERS[section])
        return None

    def _text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def _plain(self, index: Index, role: int) -> Any:
        """What every cell says (plain text) and its tooltip (escaped), or None."""
        text = self._text(self.rows[index.row()], index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_tooltip(text)
        return None


class PairsModel(_Table):
    HEADERS = (
        QT_TRANSLATE_NOOP("BulkLink", "Customer"),
        QT_TRANSLATE_NOOP("BulkLink", "Customer email"),
        QT_TRANSLATE_NOOP("BulkLink", "User account"),
        QT_TRANSLATE_NOOP("BulkLink", "Account email"),
        QT_TRANSLATE_NOOP("BulkLink", "Why"),
        QT_TRANSLATE_NOOP("BulkLink", "Outcome"),
    )

    def __init__(self, pairs: list[Pair], *, fresh: bool = False, kind: str = BULK_LINK
                 ) -> None:
        """``fresh``: straight from matching (all ticked, none sent): nothing to count.
        ``kind`` UNLINK: the pairs of an undo (a pair done is "Unlinked")."""
        super().__init__(pairs)
        self.pairs, self.kind = pairs, kind
        self.editable = True  # ticks can change (not while a run is sending)
        self._ticked = len(pairs)
        if not fresh:
            self.recount()

    def _text(self, pair: Pair, column: int) -> str:
        if column == 0:
            return pair.customer.full_name
        if column == 1:
            return pair.customer.email or ""
        if column == 2:
            return pair.account.display_name or ""
        if column == 3:
            return pair.account.email or ""
        if column == 4:
            return QCoreApplication.translate("BulkLink", "Linked by the run") \
                if self.kind == UNLINK else why_text(pair)
        if pair.outcome in (Outcome.FAILED, Outcome.SKIPPED, Outcome.UNKNOWN) and pair.message:
            return pair.message
        if pair.outcome == Outcome.LINKED and self.kind == UNLINK:
            return QCoreApplication.translate("BulkLink", "Unlinked")
        return QCoreApplication.translate("BulkLink", OUTCOME_TEXT[pair.outcome])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pair = self.pairs[index.row()]
        if (plain := self._plain(index, role)) is not None:
            return plain
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if pair.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and \
                pair.outcome in (Outcome.FAILED, Outcome.UNKNOWN):
            app = QApplication.instance()
            palette = app.palette() if isinstance(app, QApplication) else QPalette()
            return QBrush(error_colour(palette))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.editable and \
                self.pairs[index.row()].outcome in (Outcome.READY, Outcome.SKIPPED):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not (
                self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        pair = self.pairs[index.row()]
        if pair.ticked != checked:
            self._ticked += 1 if checked else -1
        pair.ticked = checked
        self.dataChanged.emit(index, index, [role])
        return True

    def tick_all(self, ticked: bool) -> None:
        for pair in self.pairs:
            if pair.outcome in (Outcome.READY, Outcome.SKIPPED):
                pair.ticked = ticked
        self.recount()
        if self.pairs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.pairs) - 1, 0))

    def pair_changed(self, pair: Pair) -> None:
        row = pair.row
        if 0 <= row < len(self.pairs) and self.pairs[row] is pair:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def all_changed(self) -> None:
        if self.pairs:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.pairs) - 1, len(self.HEADERS) - 1))

    def recount(self) -> None:
        """Counts the ticks afresh (after a run changed outcomes, or all were ticked)."""
        self._ticked = sum(1 for p in self.pairs if p.ticked and p.outcome in (
            Outcome.READY, Outcome.SKIPPED))

    @property
    def ticked(self) -> int:
        """Ticked pairs that Apply would send (kept as ticks change: 30,000 rows)."""
        return self._ticked


class NeedsPersonModel(_Table):
    HEADERS = (
        QT_TRANSLATE_NOOP("BulkLink", "Customer"),
        QT_TRANSLATE_NOOP("BulkLink", "Customer email"),
        QT_TRANSLATE_NOOP("BulkLink", "User accounts with that email"),
        QT_TRANSLATE_NOOP("BulkLink", "Why not"),
    )

    def __init__(self, rows: list[NeedsPerson]) -> None:
        super().__init__(rows)
        self.items = rows

    def _text(self, item: NeedsPerson, column: int) -> str:
        if column == 0:
            return item.customer.full_name
        if column == 1:
            return item.customer.email or ""
        if column == 2:
            return "; ".join(account_text(a.display_name, a.email) for a in item.accounts)
        return reason_text(item)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._plain(index, role) if index.isValid() else None


def why_text(pair: Pair) -> str:
    """Why the two were matched, as the review table says it."""
    if pair.exact:
        return QCoreApplication.translate("BulkLink", "Same email")
    return QCoreApplication.translate("BulkLink", "Same email, apart from case or spaces")


def reason_text(item: NeedsPerson) -> str:
    """Why a person must decide, as the review table says it."""
    parts = []
    if item.customers_sharing > 1:
        parts.append(QCoreApplication.translate("BulkLink", "{0} customers share this email")
                     .format(item.customers_sharing))
    if len(item.accounts) > 1:
        parts.append(QCoreApplication.translate("BulkLink", "{0} user accounts share this email")
                     .format(len(item.accounts)))
    return "; ".join(parts)

