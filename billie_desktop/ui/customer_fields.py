"""The customers table's columns (what each shows, which server field it sorts by), the
list's states and its link filter."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt

from billie_desktop.api import Customer
from billie_desktop.ui.widgets import tr
from billie_desktop.ui.widgets import tr_noop as _N  # titles, translated where shown


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    order_by: str  # the server field(s) this column sorts by


COLUMNS = (
    Column("name", _N("CustomersModel", "Name"), "lastName,firstName"),
    Column("email", _N("CustomersModel", "Email"), "email"),
    Column("phone", _N("CustomersModel", "Phone"), "phone"),
    Column("suburb", _N("CustomersModel", "Suburb"), "suburb"),
    Column("state", _N("CustomersModel", "State"), "stateTerritory"),
    Column("postcode", _N("CustomersModel", "Postcode"), "postcode"),
    Column("dob", _N("CustomersModel", "Date of birth"), "dateOfBirth"),
    Column("linked", _N("CustomersModel", "User account"), "userAccountId"),
)
NAME, EMAIL, PHONE, SUBURB, STATE, POSTCODE, DOB, LINKED = range(len(COLUMNS))
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 1


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


def display(c: Customer, column: int) -> str:
    if column == NAME:
        return ", ".join(p for p in (c.last_name, c.first_name) if p)
    if column == DOB:
        return local_date(c.date_of_birth)
    if column == LINKED:
        return tr("Linked", "CustomersModel") if c.user_account_id else "—"
    value = (c.email, c.phone, c.suburb, c.state_territory, c.postcode)[column - 1]
    return value or ""


def sort_value(customer: Customer, field: str) -> str | None:
    """A customer's value for a sort field, as the server compares it."""
    attribute = "".join(f"_{c.lower()}" if c.isupper() else c for c in field)
    value = getattr(customer, attribute, None)
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class LinkFilter(StrEnum):
    ALL = "all"
    NOT_LINKED = "not-linked"
    LINKED = "linked"


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
