"""The main window: paging, sorting, searching, organisation switches, states, details."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from billie_desktop.api import QueryCustomersRequest, same_id
from billie_desktop.ui.customers_model import CUSTOMER_ROLE, EMAIL, NAME
from tests.ui.conftest import clear_faults, queue_fault, signed_in, until


async def test_pages_arrive_as_the_user_scrolls(console):
    main = await signed_in(console)
    assert main.model.rowCount() == 50 and main.model.pages_loaded == 1
    assert main.count_label.text() == "Showing 1–50 of 300 customers"
    main.table.scrollToBottom()
    await until(lambda: main.model.rowCount() >= 100)
    await main.model.wait_idle()
    assert "of 300" in main.count_label.text()
    ids = [main.model.customer_at(r).id for r in range(main.model.rowCount())]
    assert len(ids) == len(set(ids))  # pages never overlap
    while main.model.canFetchMore():
        main.model.fetchMore()
        await main.model.wait_idle()
    assert main.model.rowCount() == 300 and not main.model.canFetchMore()


async def test_clicking_a_header_sorts_on_the_server(console, wire):
    main = await signed_in(console)
    before = wire.count("GET", "/customers")
    main.table.sortByColumn(EMAIL, Qt.SortOrder.DescendingOrder)
    await until(lambda: main.model.order_by == "-email")
    await main.model.wait_idle()
    emails = [main.model.customer_at(r).email or "" for r in range(main.model.rowCount())]
    assert emails == sorted(emails, key=str.lower, reverse=True)
    assert wire.count("GET", "/customers") == before + 1
    main.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    await until(lambda: main.model.order_by == "lastName,firstName")
    await main.model.wait_idle()


async def test_search_is_debounced_and_done_by_the_server(console, wire):
    main = await signed_in(console)
    target = main.model.customer_at(7)
    before = wire.count("GET", "/customers")
    for prefix in range(1, len(target.email) + 1):  # typing, one key at a time
        main.search.setText(target.email[:prefix])
    await until(lambda: main.model.search == target.email)
    await main.model.wait_idle()
    assert wire.count("GET", "/customers") == before + 1  # one request, not one per key
    assert any(same_id(main.model.customer_at(r).id, target.id)
               for r in range(main.model.rowCount()))
    main.search.setText("zzqqxx-nobody")
    await until(lambda: main.model.state == "empty")
    assert main.stack.currentIndex() == 1 and "No customers match" in main.state_label.text()


async def test_switching_organisation_cancels_and_never_paints_a_stale_page(console, sandbox):
    main = await signed_in(console)
    sydney = main.organisation.findText("Billie Cart Sydney")
    await queue_fault(sandbox, "latency=1.5", "/customers")
    main.refresh()  # Melbourne's first page is now slow...
    await until(lambda: main.model.state == "loading")
    main.organisation.setCurrentIndex(sydney)  # ...and the user switches away
    await main.model.wait_idle()
    await clear_faults(sandbox)
    sydney_id = main.current_organisation.id
    assert main.model.organisation_id == sydney_id
    expected = await main.session.send(QueryCustomersRequest(
        organisation_id=sydney_id, take=500))
    sydney_ids = {c.id for c in expected.results}
    rows = [main.model.customer_at(r) for r in range(main.model.rowCount())]
    assert rows and all(c.id in sydney_ids for c in rows)
    assert main.status_org.text() == "Billie Cart Sydney"
    assert main.settings.last_organisation(main.session.server_label) == sydney_id


async def test_a_late_page_for_an_old_query_is_dropped_not_painted(console, sandbox, wire):
    """A page request that is not cancelled (it was already on its way) comes back after
    the user switched organisation: the generation check drops it."""
    main = await signed_in(console)
    sydney = main.organisation.findText("Billie Cart Sydney")
    melbourne_id = main.current_organisation.id
    await queue_fault(sandbox, "latency=1", "/customers")
    sent = wire.count("GET", "/customers")
    late = asyncio.ensure_future(main.model.load_next_page())  # outside the model's Tasks
    await until(lambda: wire.count("GET", "/customers") > sent)  # Melbourne's is on its way
    main.organisation.setCurrentIndex(sydney)
    await main.model.wait_idle()
    sydney_rows = [main.model.customer_at(r) for r in range(main.model.rowCount())]
    await late  # the late Melbourne page has now landed...
    assert main.model.stale_pages_dropped == 1  # ...and was dropped
    rows = [main.model.customer_at(r) for r in range(main.model.rowCount())]
    assert rows == sydney_rows and rows
    assert main.model.organisation_id != melbourne_id
    assert main.status_org.text() == "Billie Cart Sydney"


async def test_error_state_with_retry(console, sandbox):
    main = await signed_in(console)
    await queue_fault(sandbox, "500", "/customers")
    main.refresh()
    await until(lambda: main.model.state == "error")
    assert main.stack.currentIndex() == 1 and main.state_retry.isVisible()
    assert "server had a problem" in main.state_label.text()
    main.state_retry.click()
    await until(lambda: main.model.state == "ready")
    assert main.stack.currentIndex() == 0 and main.model.rowCount() == 50


async def test_a_failed_later_page_keeps_the_rows_and_offers_retry(console, sandbox):
    main = await signed_in(console)
    await queue_fault(sandbox, "500", "/customers")
    main.model.fetchMore()
    await main.model.wait_idle()
    assert main.model.rowCount() == 50 and main.list_banner.isVisible()
    main.list_banner.action.click()
    await until(lambda: main.model.rowCount() == 100)


async def test_offline_state(console, sandbox_factory):
    server = sandbox_factory(customers=60)
    console.sandbox_url = server.url
    main = await signed_in(console)
    server.stop()
    main.refresh()
    await until(lambda: main.model.state == "offline", limit=15)
    assert "Cannot reach" in main.state_label.text() and main.state_retry.isVisible()
    assert "Offline" in main.status_connection.text()


async def test_detail_pane_shows_every_field_and_masks_the_bank_account(console):
    main = await signed_in(console)
    row = next(r for r in range(main.model.rowCount())
               if main.model.customer_at(r).bank_account and
               main.model.customer_at(r).address_line2)
    main.table.selectRow(row)
    customer = main.model.index(row, 0).data(CUSTOMER_ROLE)
    detail = main.detail
    assert detail.heading.text() == customer.full_name
    texts = {k: v.text() for k, v in detail.values.items()}
    assert customer.email in texts["email"] and customer.suburb in texts["address"]
    assert customer.address_line2 in texts["address"]
    assert customer.bank_account.account_number not in texts["bank_account"]
    assert texts["bank_account"].endswith(customer.bank_account.account_number[-3:])
    assert customer.bank_account.bsb_number not in texts["bank_account"]
    dob = customer.date_of_birth
    assert str(dob.year) in texts["date_of_birth"] and str(dob.day) in texts["date_of_birth"]
    assert texts["user_account"] in ("Not linked",) or customer.user_account_id
    assert texts["id"].replace("\u200b", "") == customer.id
    main.organisation.setCurrentIndex(main.organisation.findText("Billie Cart Sydney"))
    assert detail.heading.text() == "No customer selected"  # switching clears it
    await main.model.wait_idle()  # end idle (see tests/ui/conftest.py)


async def test_keyboard_shortcuts(console):
    main = await signed_in(console)
    main.activateWindow()
    QTest.keyClick(main, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main.search.hasFocus() or main.find_action.isEnabled()
    main.table.selectRow(2)
    main.table.setFocus()
    QTest.keyClick(main.table, Qt.Key.Key_Return)
    await until(lambda: main.link_dialog is not None and main.link_dialog.isVisible())
    QTest.keyClick(main.link_dialog, Qt.Key.Key_Escape)
    await until(lambda: main.link_dialog is None)
    main.link_action.trigger()  # Ctrl+L
    await until(lambda: main.link_dialog is not None)
    main.link_dialog.reject()
    await until(lambda: main.link_dialog is None)
    assert main.link_action.shortcut().toString() == "Ctrl+L"
    assert main.refresh_action.shortcut().toString() == "F5"


async def test_every_main_window_control_has_an_accessible_name(console):
    main = await signed_in(console)
    controls = main.findChildren(QLineEdit) + main.findChildren(QPushButton) + \
        main.findChildren(QComboBox) + [main.table]
    for control in controls:
        if control.isVisibleTo(main) and not isinstance(control.parent(), QComboBox):
            assert control.accessibleName(), control


async def test_sign_out_clears_everything(console):
    main = await signed_in(console)
    client = main.session.client
    main.sign_out_action.trigger()
    await until(lambda: console.sign_in_window is not None)
    assert main.model.rowCount() == 0 and main.model.organisation_id is None
    assert client.user is None and len(client.cookies) == 0
    assert "signed out" in console.sign_in_window.banner.text.text()
    assert console.main_window is None
