"""Matching unlinked customers to unlinked user accounts by email (Customer ▸ Link by
email…). No widgets here: tested on its own.

The rule, and nothing cleverer: the emails are equal once surrounding spaces are trimmed
and case is ignored. A match is made only when it is one to one: one customer and one
account with that email. An email shared by two customers, or by two accounts, is for a
person to settle ("needs a person"), never a guess."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from billie_desktop.api import CustomerContact, UserAccount

T = TypeVar("T")
SLICE = 2000


def normal_email(email: str | None) -> str:
    """Trimmed, case-folded; "" for no email (which never matches)."""
    return (email or "").strip().casefold()


@dataclass(frozen=True, slots=True)
class Person:
    """A customer, as matching keeps it: a fifth of the memory of the parsed answer's
    object (30,000 are kept at 100,000 customers)."""

    id: str
    first_name: str | None
    last_name: str | None
    email: str | None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or "(no name)"


@dataclass(frozen=True, slots=True)
class Account:
    """A user account, as matching keeps it."""

    id: str
    email: str | None
    display_name: str | None


class Outcome(Enum):
    READY = "ready"  # ticked or not, nothing sent
    QUEUED = "queued"
    SENDING = "sending"
    LINKED = "linked"
    FAILED = "failed"  # the server said no: its message is kept
    UNKNOWN = "unknown"  # the answer was lost: read back before anything is resent
    SKIPPED = "skipped"  # cancelled before it was sent


@dataclass(eq=False, slots=True)
class Pair:
    """One customer and the one account with the same email (slots: 280,000 of them at
    a million customers, each without an attribute dict of its own)."""

    customer: Person
    account: Account
    ticked: bool = True
    outcome: Outcome = Outcome.READY
    message: str = ""
    row: int = -1  # where the review table shows it (set with the result, off the UI thread)
    entry: int = 0  # its latest activity journal entry (work/journal.py), if any

    @property
    def exact(self) -> bool:
        """The two emails are written alike (not only alike once trimmed and case-folded)."""
        return (self.customer.email or "") == (self.account.email or "")


@dataclass(eq=False, slots=True)
class NeedsPerson:
    """A customer whose email is not one to one with an account."""

    customer: Person
    accounts: list[Account]
    customers_sharing: int  # customers with this email (1: the accounts are the question)


@dataclass
class MatchResult:
    pairs: list[Pair] = field(default_factory=list)
    needs_person: list[NeedsPerson] = field(default_factory=list)
    unmatched: int = 0  # unlinked customers with no account sharing their email

    @property
    def ambiguous(self) -> int:
        return len(self.needs_person)


class Matcher:
    """Accounts first (all of them), then customers page by page: only customers whose
    email some account has are kept, so 100,000 customers cost what their matches do."""

    def __init__(self) -> None:
        self._accounts: dict[str, list[Account]] = defaultdict(list)
        self._customers: dict[str, list[Person]] = defaultdict(list)
        self.customers_seen = 0

    def add_accounts(self, accounts: Iterable[UserAccount]) -> None:
        for account in accounts:
            if account.customer_id is None and (key := normal_email(account.email)):
                self._accounts[key].append(Account(account.id, account.email,
                                                   account.display_name))

    def add_customers(self, customers: Iterable[CustomerContact]) -> None:
        for customer in customers:
            if customer.user_account_id is not None:
                continue  # linked meanwhile: not this tool's business
            self.customers_seen += 1
            key = normal_email(customer.email)
            if key and key in self._accounts:
                self._customers[key].append(Person(customer.id, customer.first_name,
                                                   customer.last_name, customer.email))

    def result(self) -> MatchResult:
        result = MatchResult()
        for key, customers in self._customers.items():
            accounts = self._accounts[key]
            if len(customers) == 1 and len(accounts) == 1:
                result.pairs.append(Pair(customers[0], accounts[0]))
                continue
            result.needs_person += [NeedsPerson(c, accounts, len(customers)) for c in customers]
        result.pairs = _sorted(result.pairs, lambda p: (
            f"{(p.customer.last_name or '').casefold()}\0"
            f"{(p.customer.first_name or '').casefold()}\0{p.customer.id}"))
        result.needs_person = _sorted(result.needs_person, lambda n: (
            f"{normal_email(n.customer.email)}\0{n.customer.id}"))
        for row, pair in enumerate(result.pairs):
            pair.row = row
        result.unmatched = self.customers_seen - len(result.pairs) - len(result.needs_person)
        return result


def _sorted(items: list[T], key: Callable[[T], str]) -> list[T]:
    """Sorted in slices then merged: one ``sort`` of 30,000 items holds the interpreter
    lock for tens of milliseconds (matching runs in a worker thread beside the UI)."""
    keyed = [(key(item), n, item) for n, item in enumerate(items)]
    runs = [sorted(keyed[i:i + SLICE]) for i in range(0, len(keyed), SLICE)]
    return [item for _key, _n, item in heapq.merge(*runs)]
