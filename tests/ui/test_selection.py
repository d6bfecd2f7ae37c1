"""The selection stays put: across a new sort, a search that still matches, F5 and a
total that changes under you, the selected customer stays selected, in view and in the
detail pane; Enter acts on the row with focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from billie_desktop.work.columns import EMAIL, NAME
from tests.ui.conftest import signed_in, until
from tests.ui.test_main_window import visible


async def select_in_the_middle(main):
    bar = main.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    rows = await visible(main)
    first, _ = main.table.visible_rows()
    main.table.selectRow(first + 3)
    customer = main.selected_customer()
    assert customer is not None and customer.id == rows[3].id
    return customer


def shown_and_selected(main, customer) -> bool:
    selected = main.selected_customer()
    first, last = main.table.visible_rows()
    row = main.model.row_of(customer.id)
    return (selected is not None and selected.id == customer.id and first <= row <= last
            and main.detail.heading.text() == customer.full_name)


@pytest.mark.parametrize("column,order", [(EMAIL, Qt.SortOrder.DescendingOrder),
                                          (NAME, Qt.SortOrder.DescendingOrder)])
async def test_sorting_keeps_the_selected_customer_selected_and_in_view(console, column,
                                                                         order):
    main = await signed_in(console)
    customer = await select_in_the_middle(main)
    main.table.sortByColumn(column, order)
    await until(lambda: shown_and_selected(main, customer))
    await main.model.wait_idle()


async def test_a_search_that_still_matches_keeps_the_selection(console):
    main = await signed_in(console)
    customer = await select_in_the_middle(main)
    main.search.setText(customer.last_name)
    await until(lambda: main.model.search == customer.last_name)
    await until(lambda: shown_and_selected(main, customer))
    main.search.setText("zzqqxx-nobody")  # no longer matches: let go
    await until(lambda: main.model.state == "empty")
    assert main.selected_customer() is None
    assert main.detail.heading.text() == "No customer selected"


async def test_f5_keeps_the_scroll_position_and_the_selection(console, wire):
    main = await signed_in(console)
    customer = await select_in_the_middle(main)
    position = main.table.verticalScrollBar().value()
    before = wire.count("GET", "/customers")
    main.refresh()
    await until(lambda: wire.count("GET", "/customers") > before)
    await main.tasks.wait_idle()
    assert main.table.verticalScrollBar().value() == position
    assert shown_and_selected(main, customer)


async def test_enter_acts_on_the_row_with_focus_even_unselected(console):
    main = await signed_in(console)
    assert not main.commands.link.isEnabled()  # nothing selected: Ctrl+L is disabled
    main.table.setFocus()
    main.table.selectionModel().setCurrentIndex(
        main.model.index(2, 0), main.table.selectionModel().SelectionFlag.NoUpdate)
    assert main.selected_customer() is None
    QTest.keyClick(main.table, Qt.Key.Key_Return)
    dialog = main.link_dialog
    assert dialog is not None and dialog.customer.id == main.model.customer_at(2).id
    dialog.reject()


async def test_a_total_that_changes_under_you_keeps_position_and_selection(console,
                                                                            sandbox_factory):
    server = sandbox_factory(customers=150)
    console.sandbox_url = server.url
    main = await signed_in(console)
    customer = await select_in_the_middle(main)
    position = main.table.verticalScrollBar().value()
    org = main.current_organisation.id
    last_names = server.store.db.execute(  # customers at the end of the list go away
        "SELECT id FROM customers WHERE organisation_id = ? ORDER BY last_name DESC, "
        "first_name DESC LIMIT 7", (org,)).fetchall()
    server.store.db.executemany("DELETE FROM customers WHERE id = ?",
                                [(r[0],) for r in last_names])
    total = main.model.total
    main.refresh()
    await until(lambda: main.model.total == total - 7)
    await main.tasks.wait_idle()
    assert main.table.verticalScrollBar().value() == position  # no jump
    assert shown_and_selected(main, customer)


async def test_f5_with_nothing_selected_keeps_the_scroll_position(console, wire):
    """(issue #25: F5 with no row selected jumped back to row 0)"""
    main = await signed_in(console)
    bar = main.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    await visible(main)
    first, _ = main.table.visible_rows()
    assert main.selected_customer() is None and first > 0
    before = wire.count("GET", "/customers")
    main.commands.refresh.trigger()
    await until(lambda: wire.count("GET", "/customers") > before)
    await main.tasks.wait_idle()
    await main.model.wait_idle()
    assert main.table.visible_rows()[0] == first


async def test_a_new_filter_starts_at_the_top_and_clears_the_pane(console):
    """(issue #25: the old scroll position was kept, and for a moment the pane showed a
    customer the filter left out)"""
    main = await signed_in(console)
    customer = await select_in_the_middle(main)
    assert main.detail.heading.text() != "No customer selected"
    main.link_filter.setCurrentIndex(main.link_filter.findData("linked"))
    assert main.detail.heading.text() == "No customer selected"  # at once, not later
    await until(lambda: main.model.state == "ready")
    await main.model.wait_idle()
    assert main.table.verticalScrollBar().value() == 0
    assert main.selected_customer() is None or main.selected_customer().id != customer.id
