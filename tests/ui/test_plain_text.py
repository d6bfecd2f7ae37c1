"""Server text is data, never markup: against a sandbox whose names, emails, addresses,
user accounts and organisation names are dressed up as HTML (``hostile_text``), every
window and dialog shows the raw characters, and tooltips carry them escaped."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from billie_desktop.api import QueryCustomersRequest, same_id
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.hostile import MARKER
from billie_desktop.sandbox.server import SandboxServer
from billie_desktop.ui.main_window import MainWindow
from billie_desktop.ui.widgets import PlainLabel, set_qt_enum
from billie_desktop.work.columns import LINKED
from tests.ui.conftest import signed_in, until

MARKUP = "<span style="  # what must be seen literally


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxOptions(customers=80, hostile_text=True)) as server:
        yield server


def full_text(label: QLabel) -> str:
    """What a label shows in full (a one-line value elided to fit keeps it in .value)."""
    return str(getattr(label, "value", label.text()))


def labels_with(widget: QWidget, text: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if text in full_text(label)]


def assert_literal(widget: QWidget, *, at_least: int = 1) -> list[QLabel]:
    """Every label that shows hostile text shows it as typed (plain text, markup kept)."""
    labels = labels_with(widget, MARKER)
    assert len(labels) >= at_least, [lb.text() for lb in widget.findChildren(QLabel)]
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        assert MARKUP in full_text(label)
    return labels


def every_label_that_could_render_markup(widget: QWidget) -> list[QLabel]:
    return [lb for lb in widget.findChildren(QLabel) if "<" in lb.text()
            and lb.textFormat() != Qt.TextFormat.PlainText]


async def hostile_rows(main: MainWindow) -> list[int]:
    main.search.setText(MARKER)
    await until(lambda: main.model.search == MARKER)
    await main.model.wait_idle()
    return list(main.model.loaded_rows())


async def test_the_main_window_and_detail_pane_show_markup_literally(console):
    main = await signed_in(console)
    assert MARKER in main.organisation.currentText()
    assert MARKUP in main.status_org.text()
    assert main.status_org.textFormat() == Qt.TextFormat.PlainText
    rows = await hostile_rows(main)
    assert rows, "the sandbox has no hostile customers"
    main.table.selectRow(rows[0])
    shown = assert_literal(main.detail, at_least=5)  # names, email, phone, address...
    assert {"email", "phone", "address"} <= {k for k, v in main.detail.values.items()
                                             if v in shown}
    assert not every_label_that_could_render_markup(main)
    linked = next((r for r in rows if main.model.customer_at(r).user_account_id), None)
    if linked is not None:
        tip = main.model.index(linked, LINKED).data(Qt.ItemDataRole.ToolTipRole)
        assert "<" not in tip


async def test_the_link_dialog_its_banner_and_its_question_show_markup_literally(console):
    main = await signed_in(console)
    rows = await hostile_rows(main)
    holder_row = next(r for r in rows if main.model.customer_at(r).user_account_id)
    holder = main.model.customer_at(holder_row)
    target_row = next(r for r in rows if r != holder_row)
    main.table.selectRow(target_row)
    dialog = main.open_link_dialog()
    assert dialog is not None
    assert_literal(dialog, at_least=2)  # the customer's name and email, the organisation

    # a 409 names the other customer: a hostile name, in the banner, as typed
    dialog.account_edit.setText(holder.user_account_id or "")
    await dialog.submit()
    assert dialog.banner.isVisible()
    assert holder.full_name in dialog.banner.text.text()
    assert_literal(dialog.banner)
    await dialog.tasks.wait_idle()

    # an error that echoes the input: the server quotes the id it could not find
    dialog.account_edit.setText("<b>not-an-account</b>")
    await dialog.submit()
    assert "<b>not-an-account</b>" in dialog.account_error.text() or \
        "<b>not-an-account</b>" in dialog.banner.text.text()
    assert not every_label_that_could_render_markup(dialog)

    # the account search lists hostile display names, tooltips escaped
    await dialog.search_accounts(MARKER)
    assert dialog.results.count() >= 1
    item = dialog.results.item(0)
    assert MARKUP in item.text() and "<" not in item.toolTip()
    dialog.reject()


async def test_the_replace_question_shows_markup_literally(console):
    main = await signed_in(console)
    rows = await hostile_rows(main)
    row = next(r for r in rows if main.model.customer_at(r).user_account_id)
    main.table.selectRow(row)
    dialog = main.open_link_dialog()
    assert dialog is not None
    await until(lambda: dialog.current_account is not None)
    assert_literal(dialog, at_least=3)  # ... and the current account's name
    others = await main.session.send(QueryCustomersRequest(
        organisation_id=main.current_organisation.id, take=200))
    other = next(c.user_account_id for c in others.results if c.user_account_id and
                 not same_id(c.user_account_id, main.model.customer_at(row).user_account_id))
    dialog.account_edit.setText(other)
    task = asyncio.ensure_future(dialog.submit())
    box = await until(lambda: next((w for w in QApplication.topLevelWidgets()
                                    if isinstance(w, QMessageBox) and w.isVisible()), None))
    assert MARKUP in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    next(b for b in box.buttons() if b.text() == "Keep current link").click()
    await task
    dialog.reject()


async def test_the_link_by_email_window_shows_markup_literally(console):
    main = await signed_in(console)
    main.commands.bulk.trigger()
    window = main.side.bulk
    await window.tasks.wait_idle()
    assert window.result is not None
    assert_literal(window, at_least=1)  # the organisation's name in the introduction
    assert not every_label_that_could_render_markup(window)
    # The hostile customers' accounts are linked already (no pair): dress one pair up.
    pair = window.result.pairs[0]
    pair.customer = dataclasses.replace(pair.customer, first_name=f"{MARKUP}x'>{MARKER}")
    shown = window.pairs_model.index(0, 0)
    assert MARKUP in shown.data()  # a table shows its text as typed
    tip = shown.data(Qt.ItemDataRole.ToolTipRole)
    assert "<span" not in tip and "&lt;span" in tip  # tooltips are rich text: escaped
    window.close()


def test_set_qt_enum_sets_what_the_setter_would(qapp):
    """The first window sets Qt's enums by name (widgets.set_qt_enum); a name Qt does not
    know is an error, never a silently unset property."""
    label = QLabel()
    set_qt_enum(label, "textInteractionFlags", "TextSelectableByMouse")
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert PlainLabel("<b>x</b>").textFormat() == Qt.TextFormat.PlainText
    with pytest.raises(ValueError, match="textFormat"):
        set_qt_enum(label, "textFormat", "Plain")
