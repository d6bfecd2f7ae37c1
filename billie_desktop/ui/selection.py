"""The selected customer stays selected: across a new sort or search (while the customer
still matches) and F5 it is found again by id, scrolled into view, and the detail pane
stays on it; F5 also keeps the scroll position. One the query no longer matches is let
go."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractItemView

from billie_desktop.api import BillieError, Customer, same_id
from billie_desktop.ui.customer_fields import CUSTOMER_ROLE, ListState
from billie_desktop.ui.customers_model import CustomersModel
from billie_desktop.ui.customers_table import CustomersTable
from billie_desktop.ui.tasks import Tasks


class SelectionKeeper(QObject):
    lost = Signal()  # the kept customer is not in the new results

    def __init__(self, table: CustomersTable, model: CustomersModel) -> None:
        super().__init__(table)
        self.table, self.model = table, model
        self.tasks = Tasks()
        self.kept: Customer | None = None  # to find again once the new query's rows land
        model.modelAboutToBeReset.connect(self._snapshot)
        model.state_changed.connect(self._state_changed)

    def selected(self) -> Customer | None:
        """The customer the pane shows and Link acts on: with several rows selected, the
        current one (the last clicked), else the first. (From the selection's ranges, not
        its rows: Ctrl+A selects 100,000.)"""
        chosen = self.table.selectionModel()
        current = self.table.currentIndex()
        if current.isValid() and chosen.isRowSelected(current.row()):
            row = current.row()
        else:
            ranges = chosen.selection()
            if ranges.isEmpty():
                return None
            row = min(ranges.at(i).top() for i in range(ranges.size()))
        value = self.model.index(row, 0).data(CUSTOMER_ROLE)
        return value if isinstance(value, Customer) else None

    def forget(self) -> None:
        """Another organisation: nothing to keep."""
        self.kept = None
        self.tasks.cancel_all()

    def start_over(self) -> None:
        """Another filter: a new result set, seen from the top with nothing selected (the
        customer selected may not be in it; the detail pane clears at once)."""
        self.forget()
        self.table.clearSelection()
        self.table.scrollToTop()

    def _snapshot(self) -> None:
        self.kept = self.selected() or self.kept

    def _state_changed(self, state: ListState, message: str) -> None:
        if state == ListState.READY and self.kept is not None:
            customer, self.kept = self.kept, None
            self.tasks.run("restore", self.restore(customer))
        elif state in (ListState.EMPTY, ListState.IDLE) and self.kept is not None:
            self.kept = None
            self.lost.emit()

    async def refresh(self) -> None:
        """F5: the same rows again, in place, with the same customer selected."""
        customer = self.selected()
        position = self.table.verticalScrollBar().value()
        self.model.refresh()
        await self.model.wait_idle()
        self.table.verticalScrollBar().setValue(position)
        rows = self.table.selectionModel().selectedRows()
        shown = self.model.customer_at(rows[0].row()) if rows else None
        if customer is not None and not (shown is not None and same_id(shown.id, customer.id)):
            await self.restore(customer, scroll=False)  # rows moved: find it again

    async def restore(self, customer: Customer, *, scroll: bool = True) -> bool:
        row = self.model.row_of(customer.id)
        if row < 0:
            try:
                position = await self.model.position_of(customer)
            except BillieError:
                position = None
            if position is None or position >= self.model.total:
                self.lost.emit()
                return False
            self.table.scrollTo(self.model.index(position, 0),
                                QAbstractItemView.ScrollHint.PositionAtCenter)
            self.table.report_visible_rows()
            await self.model.wait_idle()
            row = self.model.row_of(customer.id)
        if row < 0:
            self.lost.emit()  # the query no longer matches this customer
            return False
        self.table.selectRow(row)
        if scroll:
            self.table.scrollTo(self.model.index(row, 0))
        return True
