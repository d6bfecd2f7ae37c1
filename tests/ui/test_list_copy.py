"""Copying from the customers list (issue #25): several rows selected, Ctrl+C copies them
as tab-separated text with the headers (what a spreadsheet pastes); the context menu
copies one customer's email, id or row."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from billie_desktop.ui.list_copy import tsv_cell
from billie_desktop.work.columns import EMAIL
from tests.ui.conftest import signed_in


def select_rows(main, rows):
    model = main.table.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(main.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)


async def test_ctrl_c_copies_the_selected_rows_with_headers_as_tab_separated_text(console):
    main = await signed_in(console)
    main.table.setColumnHidden(EMAIL, True)  # copied as shown: a hidden column is not
    select_rows(main, [1, 2, 5])
    main.table.setFocus()
    QTest.keyClick(main.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    shown = main.table.shown_column_keys()
    assert len(lines) == 4 and lines[0].split("\t")[0] == "Name"
    assert all(len(line.split("\t")) == len(shown) for line in lines)
    assert "Email" not in lines[0].split("\t")
    for line, row in zip(lines[1:], (1, 2, 5), strict=True):
        customer = main.model.customer_at(row)
        assert line.split("\t")[0] == main.model.index(row, 0).data()
        assert customer.email not in line
    assert main.statusBar().currentMessage() == "Rows copied: 3."
    await main.model.wait_idle()


async def test_rows_not_loaded_are_left_out_and_said(console):
    main = await signed_in(console)
    bar = main.table.verticalScrollBar()
    main.table.selectAll()  # 300 rows; only the first pages are loaded
    loaded = len(list(main.model.loaded_rows()))
    assert loaded < main.model.total
    main.copy.copy_selected()
    assert len(QApplication.clipboard().text().splitlines()) == loaded + 1
    said = main.statusBar().currentMessage()
    assert f"Rows copied: {loaded}." in said and str(main.model.total - loaded) in said
    assert bar.value() == 0
    await main.tasks.wait_idle()
    await main.model.wait_idle()


async def test_the_context_menu_copies_email_id_and_row(console):
    main = await signed_in(console)
    select_rows(main, [0, 1])
    customer = main.model.customer_at(1)
    position = main.table.visualRect(main.model.index(1, 0)).center()
    main.table.customContextMenuRequested.emit(position)
    await asyncio.sleep(0.05)
    menu = next(m for m in main.table.findChildren(QMenu) if m.isVisible())
    actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    assert main.copy.selected_count() == 2  # a right click in the selection keeps it
    assert main.selected_customer().id == customer.id  # (Link acts on the one clicked)
    actions["Copy email"].trigger()
    assert QApplication.clipboard().text() == customer.email
    actions["Copy customer ID"].trigger()
    assert QApplication.clipboard().text() == customer.id
    actions["Copy row"].trigger()
    assert QApplication.clipboard().text().splitlines()[1].split("\t")[0] == \
        main.model.index(1, 0).data()
    assert "Copy the selected rows" in actions
    menu.close()
    await main.tasks.wait_idle()
    await main.model.wait_idle()


def test_a_cell_with_a_tab_a_line_break_or_a_quote_is_quoted():
    assert tsv_cell("Smith, Ann") == "Smith, Ann"
    assert tsv_cell('Ann "Annie" Smith') == '"Ann ""Annie"" Smith"'
    assert tsv_cell("1 Main St\nUnit 4") == '"1 Main St\nUnit 4"'
    assert tsv_cell("a\tb") == '"a\tb"'
