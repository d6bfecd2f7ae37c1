"""The customers table: a virtual ``QAbstractTableModel`` over the server's whole list.

``rowCount()`` is the server's total, so the scrollbar spans every customer and any row,
the 90,000th included, is one jump away. Rows are fetched a page at a time for what the
view shows (and a page either side) once scrolling settles; until a page lands its rows
show a greyed "…". Sorting and searching happen on the server. A new query cancels the
pages in flight, and an answer for an old query is never painted (generations). Pages
are kept in a bounded LRU cache, so scrolling through 100,000 customers keeps memory flat.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication

from billie_desktop.api import (
    BillieError,
    CannotConnectError,
    Customer,
    QueryCustomersRequest,
    QueryCustomersResponse,
    same_id,
)
from billie_desktop.ui.customer_fields import (
    CUSTOMER_ROLE,
    LinkFilter,
    ListState,
    customers_query,
    display,
)
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.tuning import PAGE_CACHE_PAGES, PAGE_SETTLE_MS, PAGE_SIZE
from billie_desktop.ui.widgets import escaped_tooltip
from billie_desktop.work.columns import ACCOUNT, COLUMNS, LINKED, NAME
from billie_desktop.work.paging import EarlyAnswer
from billie_desktop.work.positions import position_in_order

log = logging.getLogger(__name__)

Fetch = Callable[[QueryCustomersRequest], Awaitable[QueryCustomersResponse]]
AnyIndex = QModelIndex | QPersistentModelIndex
PLACEHOLDER = "…"


class CustomersModel(QAbstractTableModel):
    state_changed = Signal(object, str)  # a ListState, and a message for people
    total_changed = Signal(int)  # the server's count for the query (0 while none)
    page_failed = Signal(str)  # a page after the first could not be loaded: why
    rows_landed = Signal(int, list)  # a page, and its customers (accounts to look up)

    def __init__(self, fetch: Fetch, *, page_size: int = PAGE_SIZE,
                 cache_pages: int = PAGE_CACHE_PAGES) -> None:
        super().__init__()
        self._fetch = fetch
        self.page_size = page_size
        self.cache_pages = max(cache_pages, 4)
        self._pages: OrderedDict[int, list[Customer]] = OrderedDict()  # LRU, newest last
        self.total = 0
        self.organisation_id: str | None = None
        self.search, self.link_filter = "", LinkFilter.ALL
        self.order_by = COLUMNS[NAME].order_by
        self.sort_column, self.sort_order = NAME, Qt.SortOrder.AscendingOrder
        self.state, self.message = ListState.IDLE, ""
        self.generation = 0
        self.tasks = Tasks()  # "page:N" per page in flight; a new query cancels them all
        self._visible = (0, 0)
        self._settle = QTimer(self, singleShot=True, interval=PAGE_SETTLE_MS)
        self._settle.timeout.connect(self._fetch_visible)
        self._moved_at = 0.0  # time.monotonic() the rows shown last changed
        self._coming: set[int] = set()  # pages on their way in another page's request
        self.stale_pages_dropped = 0  # answers that came back for an older query
        self.early: EarlyAnswer[QueryCustomersRequest, QueryCustomersResponse] = \
            EarlyAnswer()  # the first page, asked before its organisation is chosen
        self.account_email: Callable[[str], str | None] = lambda _id: None  # once known

    def accounts_known(self) -> None:
        """Some linked accounts' emails have just been learnt: their column repaints."""
        if self.total:
            self.dataChanged.emit(self.index(0, ACCOUNT), self.index(self.total - 1, ACCOUNT))

    # --- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CustomersModel", COLUMNS[section].title)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.total:
            return None
        customer = self.customer_at(index.row())
        if customer is None:  # not here yet: a greyed placeholder, and fetch when settled
            if role == Qt.ItemDataRole.DisplayRole:
                if not self._settle.isActive():  # (scrolling restarts it: show_rows)
                    self._settle.start()
                return PLACEHOLDER
            if role == Qt.ItemDataRole.ForegroundRole:
                return QGuiApplication.palette().placeholderText()
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Loading")
            return None
        if role == CUSTOMER_ROLE:
            return customer
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return display(customer, index.column(), self.account_email)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == LINKED:
                return escaped_tooltip(customer.user_account_id or "") or \
                    self.tr("Not linked")
            return escaped_tooltip(display(customer, index.column())) or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or not COLUMNS[column].order_by:
            return  # (a column the server cannot sort by)
        self.sort_column, self.sort_order = column, order
        fields = COLUMNS[column].order_by.split(",")
        descending = order == Qt.SortOrder.DescendingOrder
        order_by = ",".join(f"-{f}" if descending else f for f in fields)
        if order_by != self.order_by:
            self.order_by = order_by
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

    def set_link_filter(self, link_filter: LinkFilter) -> None:
        if link_filter != self.link_filter:
            self.link_filter = link_filter
            self.reload()

    def reload(self) -> None:
        """A new query: forget every row and load the first page (latest query wins)."""
        self.generation += 1
        self.tasks.cancel_all()
        self._settle.stop()
        self.beginResetModel()
        self._pages.clear()
        self.total = 0
        self.endResetModel()
        self.total_changed.emit(0)
        if self.organisation_id is None:
            self._set_state(ListState.IDLE, "")
            return
        self._set_state(ListState.LOADING, self.tr("Loading customers…"))
        self._load(0, first=True)

    def refresh(self) -> None:
        """F5: the same query again, in place: the rows shown are fetched again (with the
        total); nothing jumps, and rows already shown stay until their page lands."""
        if self.organisation_id is None or self.total == 0:
            self.reload()
            return
        self.generation += 1
        self.tasks.cancel_all()
        first, last = self._pages_to_show()
        for page in [p for p in self._pages if not first <= p <= last]:
            del self._pages[page]  # (stale)
        for page in range(first, last + 1):
            self._load(page, first=page == first)

    def ask_early(self, organisation_id: str) -> None:
        """The first page of ``organisation_id``, asked now: used if it is shown next."""
        self.early.ask(self.query(skip=0, take=self.page_size, with_total=True,
                                   organisation_id=organisation_id), self._fetch)

    def clear(self) -> None:
        self.early.forget()
        self.organisation_id = None
        self.reload()

    def retry(self) -> None:
        """After a failure: the first page again when nothing is shown, else what is."""
        if self.total == 0:
            return self.reload()
        self._set_state(ListState.READY, "")
        self._fetch_visible()

    async def wait_idle(self) -> None:
        """For tests, the smoke test, the bench: until no page is in flight or waiting."""
        while True:
            await self.tasks.wait_idle()
            if not self._settle.isActive():
                return
            self._settle.stop()
            self._fetch_visible()

    # --- which rows to fetch ----------------------------------------------------------------
    def show_rows(self, first: int, last: int, dragging: bool = False) -> None:
        """The view shows rows first..last now: their pages are fetched at once after a
        rest (a jump: a click on the scrollbar's track, Ctrl+End), else (``dragging`` the
        thumb, scrolling on) once it rests."""
        self._visible = (max(first, 0), max(last, first, 0))
        if any(self.customer_at(r) is None for r in range(self._visible[0],
                                                           min(self._visible[1] + 1, self.total))):
            now = time.monotonic()
            resting, self._moved_at = now - self._moved_at >= PAGE_SETTLE_MS / 1000, now
            if resting and not dragging:
                self._fetch_visible()
            else:
                self._settle.start()

    def _pages_to_show(self) -> tuple[int, int]:
        """The pages under the visible rows, and one either side."""
        last_page = max((self.total - 1) // self.page_size, 0)
        first = max(self._visible[0] // self.page_size - 1, 0)
        last = min(self._visible[1] // self.page_size + 1, last_page)
        return first, last

    def _fetch_visible(self) -> None:
        if self.organisation_id is None or self.total == 0:
            return
        first, last = self._pages_to_show()
        wanted = {p for p in range(first, last + 1) if p not in self._pages}
        for name in self.tasks.names():
            if int(name.split(":")[1]) not in range(first, last + 1):
                self.tasks.cancel(name)  # the view has moved on: superseded
        # What is seen first, alone (on a server that answers one query at a time, a deep
        # page's neighbours would make it wait); the neighbours once it has landed.
        shown = {r // self.page_size for r in self._visible}
        seen = [p for p in sorted(wanted) if p in shown and not self._asked_for(p)]
        if len(seen) == 2:  # rows across two pages: one request (two would take two
            self._load(seen[0], pages=2)  # connections: over HTTP/1.1 a handshake more)
        elif seen or not any(self._asked_for(p) for p in shown):
            for page in seen or [p for p in sorted(wanted) if not self._asked_for(p)]:
                self._load(page)  # (else the neighbours come once the page seen lands)

    def _asked_for(self, page: int) -> bool:  # (on its way)
        return self.tasks.running(f"page:{page}") or page in self._coming

    def _load(self, page: int, *, first: bool = False, pages: int = 1) -> None:
        self._coming.update(range(page + 1, page + pages))  # (asked for under page's name)
        self.tasks.run(f"page:{page}", self.load_page(page, self.generation, first, pages))

    async def load_page(self, page: int, generation: int, with_total: bool,
                        pages: int = 1) -> None:
        """``pages`` pages from ``page`` for the query of ``generation`` (the model's tasks
        run it); an answer that comes after a newer query began is dropped."""
        if self.organisation_id is None:
            return
        request = self.query(skip=page * self.page_size, take=self.page_size * pages,
                              with_total=with_total)
        try:
            answer = await self.early.answer(request, self._fetch)
        except BillieError as exc:
            if generation == self.generation:
                self._failed(exc)
            return
        finally:
            self._coming.difference_update(range(page + 1, page + pages))
        if generation != self.generation:
            log.debug("dropped a stale page")
            self.stale_pages_dropped += 1
            return
        for n in range(pages):
            rows = answer.results[n * self.page_size:(n + 1) * self.page_size]
            if n == 0 or rows:
                self._landed(page + n, rows, answer.total if with_total else None)
        if self.total and page in {r // self.page_size for r in self._visible}:
            self._fetch_visible()  # the neighbours of what is seen, now

    def query(self, *, skip: int, take: int, with_total: bool,
              filters: dict[str, str] | None = None, organisation_id: str | None = None
              ) -> QueryCustomersRequest:
        """The current query (organisation, search, filter, order) for some of its rows:
        for a page, a count (``filters``), an export."""
        return customers_query(organisation_id or self.organisation_id, skip=skip, take=take,
                               with_total=with_total, order_by=self.order_by,
                               search=self.search, link_filter=self.link_filter,
                               filters=filters)

    async def position_of(self, customer: Customer) -> int | None:
        """Where ``customer`` stands in the current query, asked of the server. The caller
        checks the row: a customer the query no longer matches is not there."""
        if self.organisation_id is None:
            return None

        async def count(filters: dict[str, str]) -> int:
            return (await self._fetch(self.query(skip=0, take=0, with_total=True,
                                                 filters=filters))).total

        return await position_in_order(customer, self.order_by, count)

    # --- answers ----------------------------------------------------------------------------
    def _landed(self, page: int, rows: list[Customer], total: int | None) -> None:
        start = page * self.page_size
        if total is None and len(rows) < self.page_size and start + len(rows) < self.total:
            total = start + len(rows)  # fewer than expected: customers went away
        if total is None and len(rows) == self.page_size and start + len(rows) > self.total:
            total = start + len(rows)  # more than expected: customers were added
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.cache_pages:
            self._pages.popitem(last=False)  # least recently used
        if total is not None:
            self._set_total(total)
        if rows:
            end = min(start + len(rows), self.total) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(end, len(COLUMNS) - 1))
            self.rows_landed.emit(page, rows)
        self.total_changed.emit(self.total)
        if self.total == 0:
            self._set_state(ListState.EMPTY, self._empty_message())
        elif self.state != ListState.READY:
            self._set_state(ListState.READY, "")

    def _set_total(self, total: int) -> None:
        """Reconciles without jumping: rows are added or removed at the end only, so the
        view keeps its position and its selection."""
        if total > self.total:
            self.beginInsertRows(QModelIndex(), self.total, total - 1)
            self.total = total
            self.endInsertRows()
        elif total < self.total:
            self.beginRemoveRows(QModelIndex(), total, self.total - 1)
            self.total = total
            for page in [p for p in self._pages if p * self.page_size >= total]:
                del self._pages[page]
            self.endRemoveRows()

    def _failed(self, exc: BillieError) -> None:
        offline = isinstance(exc, CannotConnectError)
        if self.total == 0:
            self._set_state(ListState.OFFLINE if offline else ListState.ERROR, exc.message)
        else:
            if offline:
                self._set_state(ListState.OFFLINE, exc.message)
            self.page_failed.emit(exc.message)

    def _empty_message(self) -> str:
        if self.link_filter != LinkFilter.ALL:
            return self.tr("No customers match this search and filter.")
        if self.search:
            return self.tr("No customers match “{0}”.").format(self.search)
        return self.tr("This organisation has no customers yet.")

    def _set_state(self, state: ListState, message: str) -> None:
        self.state, self.message = state, message
        self.state_changed.emit(state, message)

    # --- rows -------------------------------------------------------------------------------
    def customer_at(self, row: int) -> Customer | None:
        rows = self._pages.get(row // self.page_size) if 0 <= row < self.total else None
        offset = row % self.page_size
        return rows[offset] if rows is not None and offset < len(rows) else None

    def loaded_rows(self) -> Iterator[int]:
        """The rows whose customers are here, in order."""
        for page in sorted(self._pages):
            start = page * self.page_size
            yield from range(start, min(start + len(self._pages[page]), self.total))

    def row_of(self, customer_id: str | None) -> int:
        return next((r for r in self.loaded_rows()
                     if same_id(self.customer_at(r).id, customer_id)), -1)  # type: ignore[union-attr]

    def update_customer(self, customer: Customer) -> int:
        """Replaces a row in place (after a link); returns its row or -1."""
        row = self.row_of(customer.id)
        if row >= 0:
            self._pages[row // self.page_size][row % self.page_size] = customer
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return row
