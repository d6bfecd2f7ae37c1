"""The customers table: how its cells are worded (the columns themselves are
work/columns.py), the list's states and its link filter."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt

from billie_desktop.api import Customer, QueryCustomersRequest, QueryCustomersResponse
from billie_desktop.work.columns import ACCOUNT, COLUMNS, LINKED, NAME

CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1
# a list's first page, asked for before the list exists: the request and its answer
FirstPage = tuple[QueryCustomersRequest, "asyncio.Future[QueryCustomersResponse]"]


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


def display(c: Customer, column: int,
            account_email: Callable[[str], str | None] = lambda _id: None) -> str:
    """A cell as the list shows it (work/columns.py says what it holds).
    ``account_email(id)``: a linked account's email, once known."""
    value = COLUMNS[column].cell(c)
    if column == ACCOUNT:  # empty until the account is looked up
        return (account_email(c.user_account_id) or "") if c.user_account_id else "—"
    if column == LINKED:
        return QCoreApplication.translate("CustomersModel", "Linked") if value else "—"
    if isinstance(value, dt.date):
        return local_date(value)
    return value or ""


class LinkFilter(StrEnum):
    ALL = "all"
    NOT_LINKED = "not-linked"
    LINKED = "linked"


def customers_query(organisation_id: str | None, *, skip: int, take: int, with_total: bool,
                    order_by: str = COLUMNS[NAME].order_by, search: str = "",
                    link_filter: LinkFilter = LinkFilter.ALL,
                    filters: dict[str, str] | None = None) -> QueryCustomersRequest:
    """The customers list's query for some of its rows: by default, a new list's (by name,
    no search, every customer), which a remembered start asks for before the list exists."""
    return QueryCustomersRequest(
        organisation_id=organisation_id, skip=skip, take=take, order_by=order_by,
        search=search or None, include="Total" if with_total else None,
        user_account_id_is_null=link_filter == LinkFilter.NOT_LINKED or None,
        user_account_id_is_not_null=link_filter == LinkFilter.LINKED or None,
        filters=filters)


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
