"""Reading every row by key (work/keyset.py, issue #26), against a sandbox over loopback
HTTP: the same rows in the same order as reading by skip, every row exactly once while
customers are linked during the read, and no ``skip`` past the few boundaries."""

from __future__ import annotations

import csv
import random
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from billie_desktop.api import (
    AssociateUserAccountToCustomerRequest,
    BillieClient,
    DisassociateUserAccountFromCustomerRequest,
    QueryCustomersRequest,
    QueryOrganisationsRequest,
    QueryUserAccountsRequest,
    normal_guid,
)
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.server import SandboxServer
from billie_desktop.work import keyset
from billie_desktop.work.export import export_customers
from billie_desktop.work.keyset import Key, after, keys_of, ranges, read_by_key
from billie_desktop.work.loading import load_and_match
from billie_desktop.work.pace import Pace
from tests.conftest import Wire

CUSTOMERS = 700
ORDERS = ["lastName", "-lastName", "lastName,firstName", "-dateOfBirth", "stateTerritory",
          "-stateTerritory,email", "addressLine2", "-addressLine2", "email", "id", "-id"]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxOptions(customers=CUSTOMERS, shared_emails=5)) as server:
        yield server


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pages of 40 rows, so that 700 customers make several ranges of several pages."""
    monkeypatch.setattr(keyset, "MAX_TAKE", 40)
    monkeypatch.setattr(keyset, "PAGES_A_RANGE", 2)
    return 40


@pytest.fixture
async def client(sandbox: SandboxServer, wire: Wire) -> AsyncIterator[BillieClient]:
    import httpx

    http = httpx.AsyncClient(event_hooks={"request": [wire.hook]}, timeout=10)
    async with BillieClient(sandbox.url, http_client=http, close_http=True) as client:
        await client.sign_in("manager@sandbox.test", "billie-sandbox")
        yield client


async def first_organisation(client: BillieClient) -> str:
    return str((await client.send(QueryOrganisationsRequest())).results[0].id)


async def by_skip(client: BillieClient, query: QueryCustomersRequest) -> list[Any]:
    rows: list[Any] = []
    while True:
        page = await client.send(query.model_copy(update={"skip": len(rows), "take": 500}))
        rows += page.results
        if len(page.results) < 500:
            return rows


async def by_key(client: BillieClient, query: QueryCustomersRequest) -> list[Any]:
    """The rows read by key, ranges joined in their order."""
    ranges_read: dict[int, list[Any]] = {}

    async def ask(filters: dict[str, str], skip: int, take: int, total: bool) -> Any:
        return await client.send(query.model_copy(update={
            "skip": skip, "take": take, "include": "Total" if total else None,
            "filters": filters or None}))

    async def take_in(index: int, rows: list[Any]) -> None:
        ranges_read.setdefault(index, []).extend(rows)

    await read_by_key(ask, query.order_by, take_in, lambda _progress: None, Pace())
    return [row for index in sorted(ranges_read) for row in ranges_read[index]]


def test_the_rows_after_a_row_are_asked_deepest_first() -> None:
    class Row:
        last_name, first_name, id = "Nguyen", None, "ab"

    keys = keys_of("-lastName,firstName")
    assert keys == [Key("lastName", True), Key("firstName", False), Key("id", False)]
    assert after(Row(), keys) == [
        {"lastName": "Nguyen", "firstNameIsNull": "true", "idGreaterThan": "ab"},
        {"lastName": "Nguyen", "firstNameIsNotNull": "true"},
        {"lastNameLessThan": "Nguyen"}, {"lastNameIsNull": "true"}]


def test_ranges_hold_every_value_once_in_the_lists_order() -> None:
    assert ranges(Key("lastName", False), ["K", "P"]) == [
        {"lastNameIsNull": "true"},
        {"lastNameLessThan": "K", "lastNameIsNotNull": "true"},
        {"lastNameGreaterThanOrEqualTo": "K", "lastNameLessThan": "P"},
        {"lastNameGreaterThanOrEqualTo": "P"}]
    assert ranges(Key("lastName", True), ["P", "K"]) == [
        {"lastNameGreaterThanOrEqualTo": "P", "lastNameIsNotNull": "true"},
        {"lastNameLessThan": "P", "lastNameGreaterThanOrEqualTo": "K"},
        {"lastNameLessThan": "K"}, {"lastNameIsNull": "true"}]
    assert ranges(Key("id", False), [])[0] == {"idIsNotNull": "true"}  # no range of no id


@pytest.mark.parametrize("order_by", ORDERS)
async def test_by_key_reads_the_rows_by_skip_reads_in_the_same_order(
        client: BillieClient, small_pages: int, wire: Wire, order_by: str) -> None:
    query = QueryCustomersRequest(organisation_id=await first_organisation(client),
                                  order_by=order_by)
    expected = [row.id for row in await by_skip(client, query)]
    wire.urls.clear()
    got = [row.id for row in await by_key(client, query)]
    assert len(got) == CUSTOMERS and got == expected
    skips = [int(url.params["skip"]) for url in wire.urls if url.params.get("skip", "0") != "0"]
    ranges_asked = CUSTOMERS // (small_pages * keyset.PAGES_A_RANGE)
    if order_by.lstrip("-") == "id":  # the ranges' bounds are known: nothing walks
        assert skips == []
    else:  # a walk for each boundary, none for a page
        assert 0 < len(skips) < min(keyset.RANGES, ranges_asked)
    assert len(wire.urls) > CUSTOMERS // small_pages  # (pages of 40: a real key read)


async def test_a_server_with_smaller_pages_still_gives_every_row(
        client: BillieClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked for 1,000 a page, the sandbox gives 500 (AutoQuery's MaxLimit): a page of
    500 is then full, not the end."""
    monkeypatch.setattr(keyset, "MAX_TAKE", 1000)
    query = QueryCustomersRequest(organisation_id=await first_organisation(client),
                                  order_by="lastName")
    assert [r.id for r in await by_key(client, query)] == \
        [r.id for r in await by_skip(client, query)]


async def test_rows_linked_during_the_read_are_read_once_and_the_rest_all_read(
        client: BillieClient, small_pages: int) -> None:
    """Link by email's customers (not linked): while they are read, some are linked."""
    org = await first_organisation(client)
    query = QueryCustomersRequest(organisation_id=org, order_by="lastName",
                                  user_account_id_is_null=True)
    before = {row.id for row in await by_skip(client, query)}
    accounts = (await client.send(QueryUserAccountsRequest(
        organisation_id=org, customer_id_is_null=True, take=30))).results
    linked = random.Random(5).sample(sorted(before), len(accounts))
    chosen = list(linked)
    read: list[str] = []

    async def ask(filters: dict[str, str], skip: int, take: int, total: bool) -> Any:
        return await client.send(query.model_copy(update={
            "skip": skip, "take": take, "include": "Total" if total else None,
            "filters": filters or None}))

    async def take_in(_index: int, rows: list[Any]) -> None:
        read.extend(row.id for row in rows)
        for _ in range(3):  # links made by someone else, between pages
            if not chosen:
                break
            customer, account = chosen.pop(), accounts[len(chosen) - 1]
            await client.send(AssociateUserAccountToCustomerRequest(
                id=customer, user_account_id=account.id, organisation_id=org))

    await read_by_key(ask, query.order_by, take_in, lambda _progress: None, Pace())
    assert len(read) == len(set(read)), "a row was read twice"
    linked = linked[len(chosen):]
    assert len(linked) >= 15  # (links were made while reading)
    untouched = {normal_guid(r) for r in before} - {normal_guid(c) for c in linked}
    assert untouched <= {normal_guid(r) for r in read}
    for customer in linked:  # as it was, for the other tests
        await client.send(DisassociateUserAccountFromCustomerRequest(
            id=customer, organisation_id=org))


async def test_the_export_by_key_writes_the_file_the_export_by_skip_writes(
        client: BillieClient, small_pages: int, tmp_path, wire: Wire) -> None:
    query = QueryCustomersRequest(organisation_id=await first_organisation(client),
                                  order_by="-lastName,firstName")
    columns = ["name", "email", "phone", "dateOfBirth", "suburb", "userAccountId"]
    files = {}
    for way in (True, False):
        files[way] = tmp_path / f"{way}.csv"
        wire.urls.clear()
        rows = await export_customers(client.send, query, columns, files[way],
                                      lambda _progress: None, by_key=way)
        assert rows == CUSTOMERS
        pages = [url for url in wire.urls if url.path == "/customers"]
        assert (len(pages) > CUSTOMERS // small_pages) == way  # by skip: pages of 500
    assert files[True].read_bytes() == files[False].read_bytes()
    with files[True].open(encoding="utf-8-sig", newline="") as text:
        assert len(list(csv.reader(text))) == CUSTOMERS + 1
    assert list(tmp_path.iterdir()) == [files[True], files[False]] or \
        sorted(tmp_path.iterdir()) == sorted(files.values())  # no spool left beside them


async def test_link_by_email_loads_the_same_by_key_and_by_skip(
        client: BillieClient, small_pages: int, wire: Wire) -> None:
    org = await first_organisation(client)
    results = {}
    for way in (True, False):
        wire.urls.clear()
        results[way] = await load_and_match(client.send, org, lambda _progress: None,
                                            by_key=way)
        used_skip = any(url.params.get("skip", "0") != "0" for url in wire.urls)
        assert used_skip != way
    assert [(p.customer.id, p.account.id) for p in results[True].pairs] == \
        [(p.customer.id, p.account.id) for p in results[False].pairs]
    assert results[True].ambiguous == results[False].ambiguous > 0
    assert results[True].unmatched == results[False].unmatched > 0
