"""The customers table: a real ``QAbstractTableModel``, paged from the server as the user
scrolls (``fetchMore``), sorted and searched on the server. A new query cancels the page
in flight, and an answer for an old query is never painted (generation check)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from billie_desktop.api import (
    BillieError,
    CannotConnectError,
    Customer,
    QueryCustomersRequest,
    QueryCustomersResponse,
    same_id,
)
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.tuning import PAGE_SIZE
from billie_desktop.ui.widgets import escaped_tooltip, tr

log = logging.getLogger(__name__)

Fetch = Callable[[QueryCustomersRequest], Awaitable[QueryCustomersResponse]]
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    order_by: str  # the server field(s) this column sorts by


COLUMNS = (
    Column("name", "Name", "lastName,firstName"),
    Column("email", "Email", "email"),
    Column("phone", "Phone", "phone"),
    Column("suburb", "Suburb", "suburb"),
    Column("state", "State", "stateTerritory"),
    Column("postcode", "Postcode", "postcode"),
    Column("dob", "Date of birth", "dateOfBirth"),
    Column("linked", "User account", "userAccountId"),
)
NAME, EMAIL, PHONE, SUBURB, STATE, POSTCODE, DOB, LINKED = range(len(COLUMNS))
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_TASK = "page"


class ListState(StrEnum):
    IDLE = "idle"  # no organisation chosen
    LOADING = "loading"
    READY = "ready"
    EMPTY = "empty"
    ERROR = "error"  # the server answered with an error
    OFFLINE = "offline"  # the server could not be reached

    @property
    def failed(self) -> bool:
        return self in (ListState.ERROR, ListState.OFFLINE)


def local_date(value: Any) -> str:
    """A calendar date in the user's language, unambiguous in any locale: "1 May 1990"
    (numeric short formats read differently in Australia and the US)."""
    if value is None:
        return ""
    return _system_locale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


@functools.cache
def _system_locale() -> QLocale:
    """Read once: data() formats a date for every visible cell on every repaint."""
    return QLocale.system()


class CustomersModel(QAbstractTableModel):
    state_changed = Signal(object, str)  # a ListState, and a message for people
    counts_changed = Signal(int, int)  # loaded, total

    def __init__(self, fetch: Fetch, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._fetch = fetch
        self.page_size = page_size
        self._rows: list[Customer] = []
        self.total = 0
        self.organisation_id: str | None = None
        self.search = ""
        self.order_by = COLUMNS[NAME].order_by
        self.sort_column, self.sort_order = NAME, Qt.SortOrder.AscendingOrder
        self.state = ListState.IDLE
        self.message = ""
        self._generation = 0
        self.tasks = Tasks()  # one page in flight; a new query cancels it
        self.pages_loaded = 0
        self.stale_pages_dropped = 0  # answers that came back for an older query

    # --- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section].title, "CustomersModel")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        customer = self._rows[index.row()]
        if role == CUSTOMER_ROLE:
            return customer
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(customer, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == LINKED:
            return escaped_tooltip(customer.user_account_id or "") or tr("Not linked",
                                                                          "CustomersModel")
        return None

    @staticmethod
    def _display(c: Customer, column: int) -> str:
        if column == NAME:
            return ", ".join(p for p in (c.last_name, c.first_name) if p)
        if column == EMAIL:
            return c.email or ""
        if column == PHONE:
            return c.phone or ""
        if column == SUBURB:
            return c.suburb or ""
        if column == STATE:
            return c.state_territory or ""
        if column == POSTCODE:
            return c.postcode or ""
        if column == DOB:
            return local_date(c.date_of_birth)
        if column == LINKED:
            return tr("Linked", "CustomersModel") if c.user_account_id else "—"
        return ""

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return (not parent.isValid() and self.organisation_id is not None
                and self.state == ListState.READY and len(self._rows) < self.total
                and not self.tasks.running(PAGE_TASK))

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self.tasks.run(PAGE_TASK, self.load_next_page())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_column, self.sort_order = column, order
        fields = COLUMNS[column].order_by.split(",")
        descending = order == Qt.SortOrder.DescendingOrder
        self.order_by = ",".join(f"-{f}" if descending else f for f in fields)
        self.reload()

    # --- queries ----------------------------------------------------------------------------
    def set_organisation(self, organisation_id: str | None) -> None:
        self.organisation_id = organisation_id
        self.reload()

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text != self.search:
            self.search = text
            self.reload()

    def reload(self) -> None:
        """Forget every row and start again from the first page (latest query wins)."""
        self._generation += 1
        self.tasks.cancel(PAGE_TASK)
        self.beginResetModel()
        self._rows = []
        self.total = 0
        self.pages_loaded = 0
        self.endResetModel()
        self.counts_changed.emit(0, 0)
        if self.organisation_id is None:
            self._set_state(ListState.IDLE, "")
            return
        self.tasks.run(PAGE_TASK, self.load_next_page())

    def clear(self) -> None:
        self.organisation_id = None
        self.reload()

    def retry(self) -> None:
        if self._rows:
            self._set_state(ListState.READY, "")
            self.fetchMore()
        else:
            self.reload()

    async def wait_idle(self) -> None:
        """For tests and the smoke test: until the page in flight has landed."""
        await self.tasks.wait_idle()

    async def load_next_page(self) -> None:
        generation = self._generation
        organisation_id = self.organisation_id
        if organisation_id is None:
            return
        first = not self._rows
        self._set_state(ListState.LOADING, tr("Loading customers…", "CustomersModel"))
        request = QueryCustomersRequest(organisation_id=organisation_id, skip=len(self._rows),
                                        take=self.page_size, order_by=self.order_by,
                                        search=self.search or None,
                                        include="Total" if first else None)
        try:
            page = await self._fetch(request)
        except BillieError as exc:
            if generation == self._generation:
                offline = isinstance(exc, CannotConnectError)
                self._set_state(ListState.OFFLINE if offline else ListState.ERROR, exc.message)
            return
        if generation != self._generation:
            log.debug("dropped a stale page")
            self.stale_pages_dropped += 1
            return
        if first:
            self.total = page.total
        rows = page.results
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if len(rows) < self.page_size:  # the server has no more, whatever total said
            self.total = len(self._rows)
        self.pages_loaded += 1
        self.counts_changed.emit(len(self._rows), self.total)
        if not self._rows:
            message = tr("No customers match “{0}”.", "CustomersModel").format(self.search) \
                if self.search else tr("This organisation has no customers yet.",
                                       "CustomersModel")
            self._set_state(ListState.EMPTY, message)
        else:
            self._set_state(ListState.READY, "")

    def _set_state(self, state: ListState, message: str) -> None:
        self.state, self.message = state, message
        self.state_changed.emit(state, message)

    # --- rows -------------------------------------------------------------------------------
    def customer_at(self, row: int) -> Customer | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, customer_id: str | None) -> int:
        return next((i for i, c in enumerate(self._rows) if same_id(c.id, customer_id)), -1)

    def update_customer(self, customer: Customer) -> int:
        """Replaces a row in place (after a link); returns its row or -1."""
        row = self.row_of(customer.id)
        if row >= 0:
            self._rows[row] = customer
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return row
