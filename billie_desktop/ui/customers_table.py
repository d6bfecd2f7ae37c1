"""The customers table view: rows selected (several with Shift or Ctrl), server-side sort
indicator, sensible column widths, Enter to act on the current row, Ctrl+C to copy."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from billie_desktop.ui.widgets import fit_headers
from billie_desktop.work.columns import ACCOUNT, COLUMNS, LINKED

COLUMN_WIDTHS = (170, 225, 115, 120, 50, 72, 105, 95, 200)


class CustomersTable(QTableView):
    enter_pressed = Signal()
    copy_requested = Signal()  # Ctrl+C: the selected rows (ui/list_copy.py)
    visible_rows_changed = Signal(int, int)
    columns_changed = Signal()  # a column was hidden or shown (to remember it)

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(self.tr("Customers"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        header = self.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        fit_headers(self, COLUMN_WIDTHS)
        # What this console is about, right after the name (a remembered order wins).
        header.moveSection(header.visualIndex(LINKED), 1)
        header.moveSection(header.visualIndex(ACCOUNT), 3)  # (after the customer's email)
        header.sortIndicatorChanged.connect(self._sortable_only)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    def _column_menu(self, position: QPoint) -> None:
        """Right-click on the header: hide or show columns (never the first, the name)."""
        header = self.horizontalHeader()
        menu = QMenu(self)
        model = self.model()
        for column in range(1, model.columnCount()):
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        menu.popup(header.viewport().mapToGlobal(position))

    def _sortable_only(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a column the server cannot sort by leaves the order as it was."""
        model = self.model()
        if COLUMNS[column].order_by or not hasattr(model, "sort_column"):
            return
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column, getattr(model, "sort_order", order))
        header.blockSignals(False)

    def show_column(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        self.columns_changed.emit()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self.report_visible_rows)
        self.verticalScrollBar().valueChanged.connect(self.report_visible_rows)

    def visible_rows(self) -> tuple[int, int]:
        """The first and last row the viewport shows (-1, -1 when empty)."""
        total = self.model().rowCount() if self.model() is not None else 0
        if total == 0:
            return -1, -1
        first = max(self.rowAt(0), 0)
        last = self.rowAt(self.viewport().height() - 1)
        return first, (total - 1 if last < 0 else last)

    def report_visible_rows(self) -> None:
        """Tells the model which rows are on screen, so that it fetches just those."""
        show = getattr(self.model(), "show_rows", None)
        first, last = self.visible_rows()
        if show is not None and first >= 0:
            show(first, last, self.verticalScrollBar().isSliderDown())
        self.visible_rows_changed.emit(first, last)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.report_visible_rows()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Ctrl+End and Ctrl+Home go to the last or first row in the same column, so the
        Name column stays in view (Qt would go to the last column too)."""
        index = super().moveCursor(action, modifiers)
        jumps = (QAbstractItemView.CursorAction.MoveEnd, QAbstractItemView.CursorAction.MoveHome)
        current = self.currentIndex()
        if action in jumps and index.isValid():
            column = current.column() if current.isValid() else 0
            return index.siblingAtColumn(column)
        return index

    def shown_column_keys(self) -> list[str]:
        """The columns as shown: visible ones, in the order the user arranged them."""
        header = self.horizontalHeader()
        shown = [i for i in range(len(COLUMNS)) if not header.isSectionHidden(i)]
        return [COLUMNS[i].key for i in sorted(shown, key=header.visualIndex)]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        if event.matches(QKeySequence.StandardKey.Copy):  # (Qt would copy one cell)
            self.copy_requested.emit()
            return
        super().keyPressEvent(event)
