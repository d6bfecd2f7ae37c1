"""The link dialog: every outcome with its error under the right field, error clearing,
confirm-replace, cancel, double submit, network failure keeping input, session expiry."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QMessageBox, QPushButton

from billie_desktop.api import (
    Customer,
    Organisation,
    QueryCustomersRequest,
    QueryUserAccountsRequest,
    same_id,
)
from billie_desktop.ui.link_dialog import LinkDialog
from billie_desktop.ui.main_window import MainWindow
from billie_desktop.work.journal import Filters
from tests.ui.conftest import PASSWORD, clear_faults, queue_fault, signed_in, until


async def free_account(main: MainWindow) -> str:
    org = main.current_organisation.id
    accounts = await main.session.send(QueryUserAccountsRequest(organisation_id=org, take=500))
    customers = await main.session.send(QueryCustomersRequest(organisation_id=org, take=500))
    used = {c.user_account_id for c in customers.results}
    return next(a.id for a in accounts.results if a.customer_id is None and a.id not in used)


async def ready_to_link(console, sandbox=None, fault: str | None = None):
    """Signed in, the dialog open on an unlinked customer with a free account's id typed
    in, and (when given) a fault queued for the PUT: (main, dialog, row, account)."""
    main = await signed_in(console)
    account = await free_account(main)
    dialog, row = await open_for(main)
    dialog.account_edit.setText(account)
    if fault is not None:
        await queue_fault(sandbox, fault, "/customers/", method="PUT")
    return main, dialog, row, account


async def open_for(main: MainWindow, *, linked: bool = False) -> tuple[LinkDialog, int]:
    row = next(r for r in main.model.loaded_rows()
               if bool(main.model.customer_at(r).user_account_id) == linked)
    main.table.selectRow(row)
    dialog = main.open_link_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog, row


async def test_unknown_account_error_shows_under_its_field_and_clears_on_edit(console):
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    dialog.account_edit.setText("0" * 32)
    await dialog.submit()
    assert dialog.account_error.isVisible()
    assert "does not exist in this organisation" in dialog.account_error.text()
    assert not dialog.banner.isVisible() and dialog.isVisible()
    assert dialog.account_edit.text() == "0" * 32  # nothing typed is lost
    assert dialog.focusWidget() is dialog.account_edit  # not the Cancel button
    dialog.account_edit.textEdited.emit("0" * 31)
    assert not dialog.account_error.isVisible()
    dialog.reject()


async def test_empty_account_is_the_servers_not_empty_error(console):
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    await dialog.submit()
    assert dialog.account_error.text().endswith("'User Account Id' must not be empty.")
    dialog.reject()


async def test_conflict_names_the_other_customer(console):
    main = await signed_in(console)
    holder = next(main.model.customer_at(r) for r in main.model.loaded_rows()
                  if main.model.customer_at(r).user_account_id)
    dialog, _ = await open_for(main)
    dialog.account_edit.setText(holder.user_account_id)
    await dialog.submit()
    assert dialog.banner.isVisible() and holder.full_name in dialog.banner.text.text()
    assert not dialog.account_error.isVisible()
    assert dialog.focusWidget() is dialog.account_edit
    await dialog.tasks.wait_idle()  # the holder is looked up...
    assert dialog.banner.action.text() == "Show that customer"
    dialog.banner.action.click()  # ...and shown: the dialog closes, the holder is selected
    await until(lambda: main.link_dialog is None)
    await until(lambda: main.selected_customer() is not None
                and main.selected_customer().id == holder.id)
    assert main.detail.heading.text() == holder.full_name
    await main.tasks.wait_idle()
    await main.model.wait_idle()


async def test_not_found_and_forbidden_go_in_the_banner(console):
    main = await signed_in(console)
    account = await free_account(main)
    ghost = Customer(id="f" * 32, first_name="Gone", last_name="Away")
    dialog = LinkDialog(main.session, ghost, main.current_organisation, main)
    dialog.open()
    dialog.account_edit.setText(account)
    await dialog.submit()
    assert "does not exist" in dialog.banner.text.text()
    dialog.reject()
    unlinked = next(main.model.customer_at(r) for r in main.model.loaded_rows()
                    if not main.model.customer_at(r).user_account_id)
    outsider = LinkDialog(main.session, unlinked,
                          Organisation(id="1" * 32, name="Somebody Else"), main)
    outsider.open()
    outsider.account_edit.setText(account)
    await outsider.submit()
    assert "not a member" in outsider.banner.text.text()
    outsider.reject()


async def test_general_errors_go_in_the_banner_and_field_errors_under_fields(console):
    """Errors naming no field of the dialog go to the banner."""
    from billie_desktop.api import ValidationError
    from billie_desktop.api.dtos import ResponseError, ResponseStatus

    main = await signed_in(console)
    dialog, _ = await open_for(main)
    error = ValidationError("Bad", status=400, response_status=ResponseStatus(
        error_code="NotEmpty", message="Bad", errors=[
            ResponseError(error_code="NotEmpty", field_name="organisationId", message="Org!"),
            ResponseError(error_code="Custom", field_name="Colour", message="Colour!"),
            ResponseError(error_code="Custom", message="Whole request!")]))
    dialog.form.show_error(error)
    assert dialog.organisation_error.text().endswith("Org!")
    assert "Colour!" in dialog.banner.text.text() and "Whole request!" in dialog.banner.text.text()
    dialog.reject()


async def test_success_updates_the_row_detail_and_status_bar(console, wire):
    main, dialog, row, account = await ready_to_link(console)
    await dialog.submit()
    await until(lambda: main.link_dialog is None)
    updated = main.model.customer_at(row)
    assert same_id(updated.user_account_id, account)
    assert main.model.index(row, 7).data() == "Linked"
    assert account[:8] in main.detail.values["user_account"].value
    assert "Linked" in main.statusBar().currentMessage()
    assert wire.count("PUT", "associate") == 1


async def test_a_pasted_id_with_dashes_braces_and_invisible_characters_is_made_exact(console):
    main = await signed_in(console)
    account = await free_account(main)
    dialog, row = await open_for(main)
    dashed = str(uuid.UUID(hex=account)).upper()
    pasted = " {" + dashed[:8] + "\u200b" + dashed[8:] + "} "  # as copied from elsewhere
    dialog.account_edit.setText(pasted)
    dialog.account_edit.textEdited.emit(pasted)
    assert dialog.account_edit.text() == uuid.UUID(hex=account).hex  # 32 exact characters
    await dialog.submit()
    await until(lambda: main.link_dialog is None)
    assert same_id(main.model.customer_at(row).user_account_id, account)


async def test_searching_accounts_by_email_fills_the_id(console):
    main = await signed_in(console)
    account_id = await free_account(main)
    accounts = await main.session.send(QueryUserAccountsRequest(
        organisation_id=main.current_organisation.id, id=account_id))
    email = accounts.results[0].email
    dialog, _ = await open_for(main)
    dialog.search_edit.setText(email.upper())
    dialog.search_edit.textEdited.emit(email.upper())
    await until(lambda: dialog.results.count() > 0)
    dialog.results.itemClicked.emit(dialog.results.item(0))
    await until(lambda: dialog.account_edit.text())
    assert same_id(dialog.account_edit.text(), account_id)
    assert dialog.focusWidget() is dialog.account_edit  # ready for Enter to link
    dialog.reject()


async def test_double_submit_is_impossible(console, sandbox, wire):
    main, dialog, _, _account = await ready_to_link(console, sandbox, "latency=0.3")
    dialog.submit_clicked()
    dialog.submit_clicked()
    dialog.link_button.click()
    await until(lambda: main.link_dialog is None)
    assert wire.count("PUT", "associate") == 1


async def test_cancel_with_a_link_in_flight_asks_and_stop_waits_for_its_answer(console, sandbox):
    """Cancel is no way to lose track of a link already sent: it asks, and Stop waits for the
    answer, records it, shows it, and only then closes."""
    main, dialog, row, account = await ready_to_link(console, sandbox, "latency=2")
    dialog.submit_clicked()
    await until(lambda: not dialog.account_edit.isEnabled())
    dialog.cancel_button.click()
    box = await until(message_box)
    name = main.model.customer_at(row).full_name
    assert box.text().startswith(f"A link is being saved: {name}.")
    assert "Stop and close?" in box.text() and box.defaultButton().text() == "Keep working"
    box.defaultButton().click()
    await asyncio.sleep(0.1)
    assert dialog.isVisible() and main.link_dialog is dialog  # kept working
    dialog.reject()  # (Escape, the close button)
    box = await until(message_box)
    next(b for b in box.buttons() if b.text() == "Stop and close").click()
    await until(lambda: main.link_dialog is None)
    assert same_id(main.model.customer_at(row).user_account_id, account)  # the answer came
    entry = main.session.journal.page(Filters(), 0, 1)[0]
    assert (entry["outcome"], entry["account_id"]) == ("linked", account)


async def test_server_failure_keeps_input_and_retry_succeeds(console, sandbox):
    main, dialog, row, account = await ready_to_link(console, sandbox, "503")
    await dialog.submit()
    assert "503" in dialog.banner.text.text() and dialog.banner.action.text() == "Retry"
    assert dialog.account_edit.text() == account and dialog.account_edit.isEnabled()
    dialog.banner.action.click()
    await until(lambda: main.link_dialog is None)
    assert same_id(main.model.customer_at(row).user_account_id, account)


@pytest.mark.parametrize("fault", ["lost-answer", "truncated-json"])
async def test_a_lost_answer_is_checked_and_the_saved_link_shows(console, sandbox, wire, fault):
    """The PUT went out and the write happened, but its answer never came back whole: the
    customer is read back, and the user is told the link was saved."""
    main = await signed_in(console)
    account = await free_account(main)
    dialog, row = await open_for(main)
    customer_id = main.model.customer_at(row).id
    dialog.account_edit.setText(account)
    await queue_fault(sandbox, fault, "/customers/", method="PUT")
    await dialog.submit()
    await until(lambda: main.link_dialog is None)
    assert same_id(main.model.customer_at(row).user_account_id, account)
    assert "saved" in main.statusBar().currentMessage()
    assert wire.count("PUT", "associate") == 1  # never sent twice
    assert wire.count("GET", f"/customers/{customer_id}") == 1  # read back once


@pytest.mark.parametrize("fault", ["drop", "malformed-json"])  # neither carries the write out
async def test_a_write_that_never_happened_says_not_saved_and_retry_links(console, sandbox,
                                                                          wire, fault):
    main, dialog, row, account = await ready_to_link(console, sandbox, fault)
    await dialog.submit()
    assert "not saved" in dialog.banner.text.text() and dialog.banner.action.text() == "Retry"
    assert dialog.isVisible() and dialog.account_edit.text() == account
    assert dialog.focusWidget() is dialog.account_edit
    assert main.model.customer_at(row).user_account_id is None
    dialog.banner.action.click()
    await until(lambda: main.link_dialog is None)
    assert same_id(main.model.customer_at(row).user_account_id, account)
    assert wire.count("PUT", "associate") == 2


async def test_when_the_check_itself_fails_the_user_is_told_it_is_unknown(console, sandbox):
    main, dialog, row, account = await ready_to_link(console, sandbox, "lost-answer")
    await queue_fault(sandbox, "drop", "/customers/", method="GET", times=5)
    await dialog.submit()
    text = dialog.banner.text.text()
    assert "could not be read back" in text and dialog.banner.action.text() == "Retry"
    await clear_faults(sandbox)
    dialog.banner.action.click()  # the same pair again is safe: the link is idempotent
    await until(lambda: main.link_dialog is None)
    assert same_id(main.model.customer_at(row).user_account_id, account)


async def test_dead_network_keeps_input(console, sandbox_factory):
    server = sandbox_factory(customers=60)
    console.sandbox_url = server.url
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    dialog.account_edit.setText("a" * 32)
    server.stop()
    await dialog.submit()
    assert "Cannot reach" in dialog.banner.text.text()
    assert dialog.banner.action.text() == "Retry" and dialog.account_edit.text() == "a" * 32
    dialog.reject()


def message_box() -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    return boxes[0] if boxes else None


@pytest.mark.parametrize("replace", [False, True])
async def test_replacing_a_link_asks_first_naming_both_accounts(console, wire, replace):
    main = await signed_in(console)
    account = await free_account(main)
    dialog, row = await open_for(main, linked=True)
    old = main.model.customer_at(row).user_account_id
    await until(lambda: dialog.current_account is not None)  # resolved to an email
    dialog.account_edit.setText(account)
    task = asyncio.ensure_future(dialog.submit())
    box = await until(message_box)
    assert dialog.current_account.email in box.text() and account in box.text()
    answer = "Replace link" if replace else "Keep current link"
    next(b for b in box.buttons() if b.text() == answer).click()
    await task
    if replace:
        await until(lambda: main.link_dialog is None)
        assert same_id(main.model.customer_at(row).user_account_id, account)
    else:
        assert wire.count("PUT", "associate") == 0 and dialog.isVisible()
        assert main.model.customer_at(row).user_account_id == old
        dialog.reject()


async def test_dialog_controls_have_accessible_names(console):
    main = await signed_in(console)
    dialog, _ = await open_for(main)
    for control in dialog.findChildren(QLineEdit) + dialog.findChildren(QPushButton) + \
            dialog.findChildren(QListWidget):
        if control.isVisibleTo(dialog):
            assert control.accessibleName() or control.text(), control
    dialog.reject()


# --- session expiry -------------------------------------------------------------------------

async def session_expired(main: MainWindow) -> None:
    """Waits until the server no longer accepts the session the window holds."""
    import httpx

    client = main.session.client
    cookies = {c.name: c.value for c in client.cookies.jar}
    async with httpx.AsyncClient(base_url=client.base_url, cookies=cookies) as probe:
        async def expired() -> bool:
            return (await probe.get("/auth")).status_code == 401
        deadline = asyncio.get_running_loop().time() + 10
        while not await expired():
            assert asyncio.get_running_loop().time() < deadline
            await asyncio.sleep(0.1)


async def test_expiry_prompts_for_the_password_and_replays_the_link(console, sandbox_factory):
    server = sandbox_factory(customers=60, auth="session", token_ttl=2)
    console.sandbox_url = server.url
    main, dialog, row, account = await ready_to_link(console)
    await session_expired(main)
    submit = asyncio.ensure_future(dialog.submit())
    prompt = await until(lambda: main.prompt)
    assert prompt.isVisible() and dialog.isVisible() and dialog.account_edit.text() == account
    prompt.password.setText("wrong")
    await prompt.submit()
    assert "incorrect" in prompt.error.text() and prompt.isVisible()
    assert prompt.focusWidget() is prompt.password and prompt.password.selectedText() == "wrong"
    prompt.password.setText(PASSWORD)
    await prompt.submit()
    await submit  # the link that hit the expiry replays
    await until(lambda: main.link_dialog is None)
    assert same_id(main.model.customer_at(row).user_account_id, account)
    assert main.prompt is None and main.status_connection.text() == "Connected"


async def test_declining_the_prompt_signs_out_keeping_nothing(console, sandbox_factory):
    server = sandbox_factory(customers=60, auth="session", token_ttl=1)
    console.sandbox_url = server.url
    main = await signed_in(console)
    await session_expired(main)
    main.refresh()
    prompt = await until(lambda: main.prompt)
    prompt.sign_out_button.click()
    await until(lambda: console.sign_in_window is not None)
    said = console.sign_in_window.banner.text.text()  # what happened: the user's choice
    assert "session expired and you chose to sign out" in said  # (issue #25: it read
    assert "were signed out" not in said  # "You were signed out because...")
    assert main.model.rowCount() == 0
