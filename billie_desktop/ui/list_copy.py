"""Copying from the customers list: Ctrl+C copies the selected rows, the columns as shown
and their headers, as tab-separated text (what a spreadsheet or an email pastes); the
context menu copies one customer's email, id or row. Only rows already loaded can be
copied: the status bar says how many others were left out."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from billie_desktop.api import Customer
from billie_desktop.ui.customer_fields import display
from billie_desktop.ui.customers_model import CustomersModel
from billie_desktop.ui.customers_table import CustomersTable
from billie_desktop.ui.widgets import Translated
from billie_desktop.work.columns import BY_KEY, COLUMNS


def tsv_cell(text: str) -> str:
    """A cell as spreadsheets read pasted text: quoted when it holds a tab, a line break or
    a quote (the quote doubled); otherwise exactly as shown."""
    if any(c in text for c in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


class ListCopy(Translated):
    def __init__(self, table: CustomersTable, model: CustomersModel,
                 tell: Callable[[str], object]) -> None:
        self.table, self.model, self.tell = table, model, tell

    def _columns(self) -> list[int]:
        return [COLUMNS.index(BY_KEY[key]) for key in self.table.shown_column_keys()]

    def _selected_rows(self) -> Iterator[int]:
        ranges = self.table.selectionModel().selection()
        for top, bottom in sorted((ranges.at(i).top(), ranges.at(i).bottom())
                                  for i in range(ranges.size())):
            yield from range(top, bottom + 1)

    def selected_count(self) -> int:
        ranges = self.table.selectionModel().selection()
        return sum(ranges.at(i).height() for i in range(ranges.size()))

    def rows_text(self, rows: list[Customer]) -> str:
        columns = self._columns()
        lines = ["\t".join(tsv_cell(str(self.model.headerData(
            c, Qt.Orientation.Horizontal))) for c in columns)]
        lines += ["\t".join(tsv_cell(display(customer, c)) for c in columns)
                  for customer in rows]
        return "\n".join(lines) + "\n"

    def copy_selected(self) -> None:
        """Ctrl+C: the selected rows that are loaded, with the headers."""
        customers, missing = [], 0
        for row in self._selected_rows():
            customer = self.model.customer_at(row)
            if customer is None:
                missing += 1
            else:
                customers.append(customer)
        if not customers:
            if missing:
                self.tell(self.tr("Nothing copied: the rows selected are not loaded yet."))
            return
        QGuiApplication.clipboard().setText(self.rows_text(customers))
        said = self.tr("Rows copied: {0}.").format(len(customers))
        if missing:
            said += " " + self.tr("Rows left out, not loaded yet: {0} (scroll to them and "
                                  "copy again).").format(missing)
        self.tell(said)

    def copy_value(self, customer: Customer, what: str) -> None:
        """The context menu's: "email", "id" or "row"."""
        text = {"email": customer.email or "", "id": customer.id or "",
                "row": self.rows_text([customer])}[what]
        QGuiApplication.clipboard().setText(text)
        self.tell({"email": self.tr("Copied the email address."),
                   "id": self.tr("Copied the customer ID."),
                   "row": self.tr("Copied the row.")}[what])
