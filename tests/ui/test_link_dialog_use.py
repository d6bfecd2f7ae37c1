"""The link dialog as a daily user meets it: the results list, the keyboard, the account
with the customer's own email first, accounts linked elsewhere, the error colour, the
search note, signing out with the dialog open, and linked accounts shown by name."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest

from billie_desktop.api import QueryUserAccountsRequest, same_id
from billie_desktop.ui.account_results import ROWS_SHOWN
from billie_desktop.ui.widgets import FieldError, contrast, error_colour
from billie_desktop.work.journal import Filters
from tests.ui.conftest import clear_faults, queue_fault, signed_in, until
from tests.ui.test_link_dialog import message_box, open_for, ready_to_link


async def test_the_results_list_shows_eight_accounts_and_the_keyboard_chooses(console, wire):
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    await dialog.search_accounts("example")  # matches many accounts
    results = dialog.results
    assert results.count() >= ROWS_SHOWN
    row = results.sizeHintForRow(0)
    assert results.height() >= row * ROWS_SHOWN  # at least eight rows tall
    assert results.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert results.textElideMode() == Qt.TextElideMode.ElideRight
    item = results.item(0)
    assert item.toolTip() and item.text() in item.toolTip().replace("&lt;", "<").replace(
        "&gt;", ">").replace("&amp;", "&")
    dialog.search_edit.setFocus()
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Down)  # from the search into the list
    assert dialog.focusWidget() is results and results.currentRow() == 0
    QTest.keyClick(results, Qt.Key.Key_Return)  # Enter chooses; it does not link
    await until(lambda: dialog.account_edit.text())
    account = results.item(0).data(Qt.ItemDataRole.UserRole)
    assert same_id(dialog.account_edit.text(), account.id) and dialog.isVisible()
    assert wire.count("PUT", "associate") == 0
    dialog.reject()


async def test_the_account_with_the_customers_email_comes_first(console):
    main = await signed_in(console)
    org = main.current_organisation.id
    accounts = await main.session.send(QueryUserAccountsRequest(organisation_id=org, take=500))
    by_email = {a.email.lower(): a for a in accounts.results if a.email}
    row = next(r for r in main.model.loaded_rows()
               if (main.model.customer_at(r).email or "").lower() in by_email)
    customer = main.model.customer_at(row)
    main.table.selectRow(row)
    dialog = main.open_link_dialog()
    surname = customer.last_name
    await dialog.search_accounts(surname)
    if dialog.results.count() == 0:  # the account's name may differ: search the email
        await dialog.search_accounts(customer.email)
    first = dialog.results.item(0)
    assert "same email" in first.text()
    assert first.data(Qt.ItemDataRole.UserRole).email.lower() == customer.email.lower()
    await dialog.tasks.wait_idle()
    await main.tasks.wait_idle()
    dialog.reject()


async def test_an_account_linked_to_another_customer_needs_confirming(console):
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    org = main.current_organisation.id
    accounts = await main.session.send(QueryUserAccountsRequest(organisation_id=org, take=500))
    taken = next(a for a in accounts.results if a.customer_id)
    choosing = asyncio.ensure_future(dialog.choose(taken))
    box = await until(message_box)
    assert "already linked to another customer" in box.text()
    assert "select that customer, then Customer ▸ Remove link…" in box.text()  # a way there
    next(b for b in box.buttons() if b.text() == "Keep looking").click()
    await choosing
    assert dialog.account_edit.text() == "" and dialog.chosen is None
    choosing = asyncio.ensure_future(dialog.choose(taken))
    box = await until(message_box)
    next(b for b in box.buttons() if b.text() == "Choose it").click()
    await choosing
    assert same_id(dialog.account_edit.text(), taken.id)
    dialog.reject()


def test_error_text_reads_in_light_and_dark_palettes():
    label = FieldError()
    for window, text in (("#ffffff", "#000000"), ("#1e1e1e", "#e6e6e6")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, QColor(window))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        label.setPalette(palette)
        colour = label.palette().color(QPalette.ColorRole.WindowText)
        assert colour == error_colour(palette)
        assert contrast(colour, QColor(window)) >= 4.5  # WCAG AA for normal text
    label.deleteLater()


async def test_a_could_not_search_note_clears_once_a_search_succeeds(console, sandbox):
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    await queue_fault(sandbox, "503", "/user-accounts", times=3)
    await dialog.search_accounts("olivia")
    assert "Could not search" in dialog.search_note.text() and dialog.search_note.isVisibleTo(
        dialog)
    await clear_faults(sandbox)
    await dialog.search_accounts("olivia")
    assert dialog.results.count() > 0 and not dialog.search_note.isVisibleTo(dialog)
    dialog.reject()


async def test_signing_out_with_the_dialog_open_and_a_link_in_flight_is_clean(console,
                                                                              sandbox):
    main, dialog, _, account = await ready_to_link(console, sandbox, "latency=1")
    journal = main.session.journal
    dialog.submit_clicked()
    await until(lambda: not dialog.account_edit.isEnabled())
    main.sign_out_clicked()  # (File ▸ Sign out, or a session that ended)
    box = await until(message_box)
    assert box.text().startswith("A link is being saved: ") and "Stop and sign out?" in box.text()
    next(b for b in box.buttons() if b.text() == "Stop and sign out").click()
    window = await until(lambda: console.sign_in_window)
    assert "You have signed out" in window.banner.text.text()
    assert main.link_dialog is None or not main.link_dialog.isVisible()
    entry = journal.page(Filters(), 0, 1)[0]  # its answer awaited before signing out
    assert (entry["outcome"], entry["account_id"]) == ("linked", account)
    await clear_faults(sandbox)
    # (the suite fails the test if anything reached the loop's exception handler)


async def test_a_link_made_before_shows_the_accounts_name_and_email(console):
    main = await signed_in(console)
    row = next(r for r in main.model.loaded_rows() if main.model.customer_at(r).user_account_id)
    main.table.selectRow(row)
    await until(lambda: "<" in main.detail.values["user_account"].value)  # Name <email>
    text = main.detail.values["user_account"].value
    assert "@" in text and main.model.customer_at(row).user_account_id not in text
    await main.tasks.wait_idle()


async def test_the_dialog_names_its_organisation_and_can_hide_accounts_taken(console):
    """(issue #25) The organisation in the title; accounts linked to other customers can
    be left out of what the search finds."""
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    assert main.current_organisation.name in dialog.windowTitle()
    org = main.current_organisation.id
    accounts = await main.session.send(QueryUserAccountsRequest(organisation_id=org, take=500))
    taken = next(a for a in accounts.results if a.customer_id)
    await dialog.search_accounts(taken.email)
    shown = [dialog.results.item(i).data(Qt.ItemDataRole.UserRole).id
             for i in range(dialog.results.count())]
    assert taken.id in shown
    dialog.hide_linked.setChecked(True)
    shown = [dialog.results.item(i).data(Qt.ItemDataRole.UserRole) for i in
             range(dialog.results.count())]
    assert taken.id not in [a.id for a in shown]
    assert all(not a.customer_id or same_id(a.customer_id, dialog.customer.id) for a in shown)
    dialog.hide_linked.setChecked(False)
    assert dialog.results.count() > len(shown)
    dialog.reject()


async def test_an_account_unlike_the_customer_is_flagged(console):
    """(issue #25: "Harrison Sato 952" linked to "harrison.sato173@…" gave no hint) An
    account whose name and email both differ from the customer's says so; one with the
    customer's email does not."""
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    customer = dialog.customer
    org = main.current_organisation.id
    accounts = (await main.session.send(QueryUserAccountsRequest(
        organisation_id=org, take=500))).results
    stranger = next(a for a in accounts if not a.customer_id
                    and a.email.lower() != (customer.email or "").lower()
                    and (a.display_name or "").lower() != customer.full_name.lower())
    await dialog.choose(stranger)
    assert dialog.unlike_note.isVisible()
    assert "same person" in dialog.unlike_note.text() and customer.full_name in \
        dialog.unlike_note.text()
    namesake = stranger.model_copy(update={"email": customer.email})
    await dialog.choose(namesake)
    assert not dialog.unlike_note.isVisible()
    dialog.account_edit.setText("")
    dialog.account_edit.textEdited.emit("")
    dialog.reject()
