"""The sandbox finds a page of search matches one of two ways (sandbox/customer_query.py):
both must give exactly the same rows and totals, whatever the words, order and page."""

from __future__ import annotations

import pytest

import billie_desktop.sandbox.store as store_module
from billie_desktop.sandbox.customer_query import walk_the_sort_index
from billie_desktop.sandbox.store import Store


@pytest.fixture(scope="module")
def store():
    store = Store(None, customers=3000, reset=False, seed_value=3)
    yield store
    store.db.close()


def org_of(store):
    return store.db.execute("SELECT id FROM organisations ORDER BY name").fetchone()[0]


def page(store, monkeypatch, walk, **query):
    store._counts.forget()
    monkeypatch.setattr(store_module, "walk_the_sort_index", lambda *a: walk)
    rows, total = store.query_customers(org_of(store), include_total=True, **query)
    return [r["id"] for r in rows], total


ORDERS = [[("last_name", False), ("first_name", False)], [("email", True)],
          [("postcode", False)], [("date_of_birth", True)]]


@pytest.mark.parametrize("search", ["a", "e", ".com", "smith", "sofia smith", "04", "zzzz",
                                    "100%", "o_n"])
@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o[0][0])
def test_walking_the_sort_index_finds_what_the_search_index_finds(store, monkeypatch,
                                                                 search, order):
    for skip in (0, 150, 2900):
        query = dict(skip=skip, take=100, order=order, search=search, filters=[])
        walked = page(store, monkeypatch, True, **query)
        indexed = page(store, monkeypatch, False, **query)
        assert walked == indexed, (search, order, skip)


def test_a_link_forgets_the_counts(store):
    org = org_of(store)
    unlinked = [("user_account_id", "null", "")]
    query = dict(skip=0, take=10, order=[("last_name", False)], search="a",
                 filters=unlinked, include_total=True)
    rows, before = store.query_customers(org, **query)
    account = store.db.execute(
        "SELECT id FROM user_accounts WHERE organisation_id = ? AND id NOT IN (SELECT "
        "user_account_id FROM customers WHERE user_account_id IS NOT NULL)", (org,)).fetchone()
    store.link(rows[0]["id"], account[0])
    _rows, after = store.query_customers(org, **query)
    assert after == before - 1
    store.db.execute("UPDATE customers SET user_account_id = NULL WHERE id = ?", (rows[0]["id"],))
    store._counts.forget()


def test_the_choice_follows_how_many_match():
    assert walk_the_sort_index(matches=99_000, rows=100_000, skip=0, take=200)
    assert not walk_the_sort_index(matches=2_000, rows=100_000, skip=0, take=200)
    assert not walk_the_sort_index(matches=30_000, rows=100_000, skip=90_000, take=200)
