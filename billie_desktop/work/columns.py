"""The customers list's columns, written once: each column's title, the server field it
sorts by, what its cell holds, and what the export writes for it. The list words dates
and the link for the user's language (ui/customer_fields.py); the export writes them as
data (ISO dates, ids)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from billie_desktop.api import Customer, normal_guid
from billie_desktop.work.text import QT_TRANSLATE_NOOP  # titles, translated where shown

Emails = Mapping[str, str]  # linked account id (normal form) -> its email


@dataclass(frozen=True)
class CsvField:
    header: str
    wire: str  # the server field it needs
    value: Callable[[Customer, Emails], str]
    needs_emails: bool = False  # reads the linked accounts' emails (the export loads them)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    order_by: str  # the server field(s) it sorts by
    cell: Callable[[Customer], str | dt.date | None]  # what the cell holds
    csv: tuple[CsvField, ...]


def _field(header: str, wire: str, attribute: str) -> CsvField:
    return CsvField(header, wire, lambda c, _e: getattr(c, attribute) or "")


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def _account(c: Customer) -> str:
    return (normal_guid(c.user_account_id) or "") if c.user_account_id else ""


COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("CustomersModel", "Name"), "lastName,firstName",
           lambda c: ", ".join(p for p in (c.last_name, c.first_name) if p),
           (_field("Last name", "lastName", "last_name"),
            _field("First name", "firstName", "first_name"))),
    Column("email", QT_TRANSLATE_NOOP("CustomersModel", "Email"), "email", lambda c: c.email,
           (_field("Email", "email", "email"),)),
    Column("phone", QT_TRANSLATE_NOOP("CustomersModel", "Phone"), "phone", lambda c: c.phone,
           (_field("Phone", "phone", "phone"),)),
    Column("suburb", QT_TRANSLATE_NOOP("CustomersModel", "Suburb"), "suburb", lambda c: c.suburb,
           (_field("Suburb", "suburb", "suburb"),)),
    Column("state", QT_TRANSLATE_NOOP("CustomersModel", "State"), "stateTerritory",
           lambda c: c.state_territory, (_field("State", "stateTerritory", "state_territory"),)),
    Column("postcode", QT_TRANSLATE_NOOP("CustomersModel", "Postcode"), "postcode",
           lambda c: c.postcode, (_field("Postcode", "postcode", "postcode"),)),
    Column("dob", QT_TRANSLATE_NOOP("CustomersModel", "Date of birth"), "dateOfBirth",
           lambda c: c.date_of_birth,
           (CsvField("Date of birth", "dateOfBirth", lambda c, _e: _iso(c.date_of_birth)),)),
    Column("linked", QT_TRANSLATE_NOOP("CustomersModel", "User account"), "userAccountId",
           lambda c: c.user_account_id,
           (CsvField("User account ID", "userAccountId", lambda c, _e: _account(c)),
            CsvField("User account email", "userAccountId",
                     lambda c, emails: emails.get(_account(c), "") if _account(c) else "",
                     needs_emails=True))),
    # The linked account's email, as the list learns it (ui/account_names.py); not sorted
    # by (the server sorts customers by their own fields); the export writes it with the
    # link's id, under "User account".
    Column("account", QT_TRANSLATE_NOOP("CustomersModel", "Account email"), "",
           lambda c: c.user_account_id, ()),
)
NAME, EMAIL, PHONE, SUBURB, STATE, POSTCODE, DOB, LINKED, ACCOUNT = range(len(COLUMNS))
BY_KEY = {column.key: column for column in COLUMNS}
