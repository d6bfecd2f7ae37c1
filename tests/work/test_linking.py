"""Linking one customer (work/linking.py), on its own: what the journal records for each
way a link can end, and the read-back of a lost answer. The windows that use it (the link
dialog, Link by email) are tested through the real windows in tests/ui."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from billie_desktop.api import (
    AssociateUserAccountToCustomerRequest,
    CannotConnectError,
    ConflictError,
    Customer,
    GetCustomerRequest,
    RequestTimeoutError,
)
from billie_desktop.work.entries import Where
from billie_desktop.work.journal import Filters, Journal
from billie_desktop.work.linking import (
    CHECKED_LINKED,
    CHECKED_NOT_LINKED,
    Linker,
    LinkTarget,
    NotSavedError,
    OutcomeUnknownError,
)

WHERE = Where("https://billie.example.test", "o1", "Billie Cart Melbourne", "Morgan Manager")
TARGET = LinkTarget(customer_id="c1", customer_name="Ann Lee", organisation_id="o1",
                    account_id="a1", account_label="Ann Lee <ann@example.com>")


class Server:
    """Answers the link with ``link`` (a customer, or an exception to raise) and a read
    of the customer with ``read`` (the account it has, or an exception); counts both."""

    def __init__(self, link: Any = None, read: Any = None) -> None:
        self.link, self.read = link, read
        self.sent: list[str] = []

    async def send(self, request: Any) -> Any:
        if isinstance(request, AssociateUserAccountToCustomerRequest):
            self.sent.append("link")
            answer = self.link
        else:
            assert isinstance(request, GetCustomerRequest)
            self.sent.append("read")
            answer = self.read
        if isinstance(answer, BaseException):
            raise answer
        if answer == "slow":
            await asyncio.sleep(10)
        account = answer if isinstance(answer, str) or answer is None else None
        return SimpleNamespace(customer=Customer(id="c1", first_name="Ann", last_name="Lee",
                                                 user_account_id=account))


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "activity.sqlite3")
    yield journal
    journal.close()


def last(journal: Journal) -> tuple[str, str]:
    row = journal.page(Filters(), 0, 1)[0]
    return row["outcome"], row["message"]


@pytest.mark.parametrize("answer, outcome, message", [
    ("a1", "linked", ""),
    (ConflictError("Taken by Bo Chen.", status=409), "failed", "Taken by Bo Chen."),
    (CannotConnectError("Refused."), "failed", "Refused."),
    (RequestTimeoutError("No answer in time."), "no answer", "No answer in time."),
])
async def test_the_journal_records_the_outcome_it_was_given(journal, answer, outcome, message):
    server = Server(link=answer)
    linker = Linker(server.send, journal, WHERE)
    if isinstance(answer, Exception):
        with pytest.raises(type(answer)):
            await linker.link(TARGET, read_back_if_lost=False)
    else:
        linked = await linker.link(TARGET)
        assert linked.customer is not None and not linked.checked
    assert last(journal) == (outcome, message) and server.sent == ["link"]


async def test_a_cancelled_link_is_recorded_as_no_answer(journal):
    linker = Linker(Server(link="slow").send, journal, WHERE)
    task = asyncio.ensure_future(linker.link(TARGET))
    await asyncio.sleep(0.01)
    assert last(journal)[0] == "pending"  # written before the request went out
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert last(journal) == ("no answer", "Stopped before the answer came.")


@pytest.mark.parametrize("read, outcome, message, raised", [
    ("a1", "linked", CHECKED_LINKED, None),
    (None, "not changed", CHECKED_NOT_LINKED, NotSavedError),
    ("someone-else", "not changed", CHECKED_NOT_LINKED, NotSavedError),
    (CannotConnectError("Refused."), "no answer", "No answer in time.", OutcomeUnknownError),
])
async def test_a_lost_answer_is_read_back_never_guessed(journal, read, outcome, message,
                                                        raised):
    server = Server(link=RequestTimeoutError("No answer in time."), read=read)
    linker = Linker(server.send, journal, WHERE)
    if raised is None:
        linked = await linker.link(TARGET)
        assert linked.checked and linked.customer is not None
    else:
        with pytest.raises(raised) as caught:
            await linker.link(TARGET)
        assert caught.value.fate_unknown == (raised is OutcomeUnknownError)
    assert last(journal) == (outcome, message)
    assert server.sent == ["link", "read"]  # read back, never sent twice


async def test_link_by_email_checks_before_it_resends(journal):
    """After a lost answer, Link by email asks ``linked_already`` first: the same entry is
    completed, and nothing is sent when the link is there."""
    server = Server(link=RequestTimeoutError("No answer in time."), read="a1")
    linker = Linker(server.send, journal, WHERE)
    entry = linker.begin(TARGET)
    with pytest.raises(RequestTimeoutError):
        await linker.link(TARGET, read_back_if_lost=False, entry=entry)
    assert last(journal) == ("no answer", "No answer in time.")
    assert await linker.linked_already(TARGET, entry) is not None
    assert last(journal) == ("linked", CHECKED_LINKED)
    assert server.sent == ["link", "read"] and journal.count(Filters()) == 1


async def test_without_a_journal_nothing_is_recorded():
    server = Server(link="a1")
    assert (await Linker(server.send).link(TARGET)).customer is not None
    assert Linker(server.send, None, WHERE).begin(TARGET) == 0
