"""Undo, where the server allows it (#23), against the sandbox in every session style: a
link removed from its result in the main window, a replaced link put back from Activity, a
whole Link by email run undone (review, question, progress), and a server without the
assumed unlink operation, where the console says so instead of offering it."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from PySide6.QtCore import Qt

from billie_desktop.api import DisassociateUserAccountFromCustomerRequest, same_id
from billie_desktop.sandbox.config import AUTH_MODES
from billie_desktop.ui.run_state import RunState
from billie_desktop.work.journal import Filters
from tests.ui.conftest import signed_in, until
from tests.ui.test_link_dialog import free_account, open_for
from tests.ui.test_stopping import answer

UNLINKS = "DELETE /customers/"


def sent(sandbox, prefix: str) -> int:
    counts = httpx.get(f"{sandbox.url}/sandbox/requests").json()["counts"]
    return sum(v for k, v in counts.items() if k.startswith(prefix))


async def linked_by_dialog(main, *, replace: bool = False):
    """A link made in the link dialog: (the row, the account linked, the one replaced)."""
    account = await free_account(main)
    dialog, row = await open_for(main, linked=replace)
    before = main.model.customer_at(row).user_account_id
    if replace:
        await until(lambda: dialog.current_account is not None)
    dialog.account_edit.setText(account)
    task = asyncio.ensure_future(dialog.submit())
    if replace:
        await answer("Replace link")
    await task
    await until(lambda: main.link_dialog is None)
    return row, account, before


async def activity_on(main, kind: str):
    """View ▸ Activity with the newest entry of that kind selected."""
    main.commands.activity.trigger()
    window = main.side.activity
    row = next(r for r in range(window.model.total) if window.model.entry(r)["kind"] == kind)
    window.view.selectRow(row)
    return window


def newest(main):
    return main.session.journal.page(Filters(), 0, 1)[0]


@pytest.fixture
def styled(console, sandbox_factory, request):
    """The console on a sandbox of the session style asked for."""
    sandbox = sandbox_factory(customers=300, auth=request.param, faults=True, shared_emails=2)
    console.sandbox_url = sandbox.url
    return console, sandbox


@pytest.mark.parametrize("styled", AUTH_MODES, indirect=True)
async def test_a_link_is_undone_from_its_result_once_and_only_once(styled):
    console, sandbox = styled
    main = await signed_in(console)
    row, account, _ = await linked_by_dialog(main)
    customer = main.model.customer_at(row)
    assert main.undo_last.button.isVisible()
    main.undo_last.button.click()
    asked = await answer("Remove link")
    assert asked.startswith(f"Remove the link between {customer.full_name} and ")
    assert f"Organisation: {main.current_organisation.name}" in asked
    assert f"Server: {main.session.server_label}" in asked
    await main.tasks.wait_idle()
    assert main.model.customer_at(row).user_account_id is None  # the list shows it
    undone = newest(main)
    assert (undone["kind"], undone["outcome"], undone["previous_account_id"]) == (
        "unlink", "unlinked", account)
    assert main.statusBar().currentMessage().startswith(f"Undone: {customer.full_name} is no "
                                                        "longer linked to ")
    assert sent(sandbox, UNLINKS) == 1
    window = await activity_on(main, "link")  # the same link, undone again: refused
    assert window.undo_button.isEnabled()
    window.undo_button.click()
    await answer("Remove link")
    await window.tasks.wait_idle()
    assert window.count.text().startswith("Not done: ") and "changed since" in window.count.text()
    assert sent(sandbox, UNLINKS) == 1  # read back, nothing sent
    window.close()


@pytest.mark.parametrize("styled", AUTH_MODES, indirect=True)
async def test_a_replaced_link_is_put_back_from_activity(styled):
    console, sandbox = styled
    main = await signed_in(console)
    row, account, before = await linked_by_dialog(main, replace=True)
    window = await activity_on(main, "replace")
    assert window.undo_button.isEnabled()
    window.undo_button.click()
    asked = await answer("Put back")
    assert "Put back " in asked and "previous link" in asked
    await window.tasks.wait_idle()
    assert window.count.text().startswith("Undone: ") and "again" in window.count.text()
    assert same_id(main.model.customer_at(row).user_account_id, before)
    put_back = newest(main)
    assert (put_back["kind"], put_back["outcome"]) == ("put back", "linked")
    assert same_id(put_back["account_id"], before)
    assert same_id(put_back["previous_account_id"], account)
    assert sent(sandbox, UNLINKS) == 0  # a link again, not a removal
    window.close()


async def test_a_server_without_unlink_says_so_and_still_puts_back(console, sandbox_factory):
    sandbox = sandbox_factory(customers=300, faults=True, unlink=False)
    console.sandbox_url = sandbox.url
    main = await signed_in(console)
    assert not main.session.offers(DisassociateUserAccountFromCustomerRequest.operation_name())
    await linked_by_dialog(main)
    assert not main.undo_last.button.isVisible()  # nothing offered that cannot be done
    window = await activity_on(main, "link")
    assert not window.undo_button.isEnabled()
    assert "does not offer removing a link" in window.undo_button.toolTip()
    window.close()
    row = next(r for r in main.model.loaded_rows() if main.model.customer_at(r).user_account_id)
    main.table.selectRow(row)
    assert not main.commands.unlink.isEnabled()  # Customer ▸ Remove link… is not offered
    assert main.commands.unlink.toolTip() == "This server does not offer removing a link."
    await linked_by_dialog(main, replace=True)
    assert main.undo_last.button.isVisible()  # a put back needs only the documented PUT


@pytest.mark.parametrize("styled", AUTH_MODES, indirect=True)
async def test_a_link_is_removed_from_the_customer_menu(styled):
    """Defect 6: a 409 says the account must first be freed; now the console can free it."""
    console, sandbox = styled
    main = await signed_in(console)
    row = next(r for r in main.model.loaded_rows() if main.model.customer_at(r).user_account_id)
    customer = main.model.customer_at(row)
    main.table.selectRow(row)
    assert main.commands.unlink.isEnabled()
    customer_menu = next(a.menu() for a in main.menuBar().actions() if a.text() == "&Customer")
    assert main.commands.unlink in customer_menu.actions()
    main.commands.unlink.trigger()
    asked = await answer("Remove link")
    assert asked.startswith(f"Remove the link between {customer.full_name} and ")
    await main.tasks.wait_idle()
    assert main.model.customer_at(row).user_account_id is None
    removed = newest(main)
    assert (removed["kind"], removed["outcome"]) == ("unlink", "unlinked")
    assert same_id(removed["previous_account_id"], customer.user_account_id)
    assert sent(sandbox, UNLINKS) == 1
    assert not main.commands.unlink.isEnabled()  # nothing left to remove


async def linked_by_run(main, count: int):
    """Link by email on the first ``count`` matches: the window, and the pairs linked."""
    main.commands.bulk.trigger()
    window = main.side.bulk
    await until(lambda: window.result is not None)
    window.untick_all.click()
    for r in range(count):
        window.pairs_model.setData(window.pairs_model.index(r, 0), Qt.CheckState.Checked,
                                   Qt.ItemDataRole.CheckStateRole)
    window.apply_button.click()
    await answer(f"Link {count} customers")
    await until(lambda: window.run.state == RunState.DONE)
    return window, window.result.pairs[:count]


@pytest.mark.parametrize("styled", AUTH_MODES, indirect=True)
async def test_a_whole_run_is_undone_after_a_review_leaving_what_changed_since(styled):
    console, sandbox = styled
    main = await signed_in(console)
    bulk, pairs = await linked_by_run(main, 5)
    bulk.close()
    changed = pairs[0]  # someone removed this one meanwhile: the undo leaves it be
    await main.session.send(DisassociateUserAccountFromCustomerRequest(
        id=changed.customer.id, organisation_id=main.current_organisation.id))
    activity = await activity_on(main, "bulk link")
    assert activity.undo_run_button.isEnabled()
    activity.undo_run_button.click()
    window = main.side.undo_run
    await until(lambda: window.result is not None)
    assert window.counts.text() == ("Links of the run still in place: 4   ·   Changed since "
                                    "(left alone): 1")
    assert {p.customer.id for p in window.result.pairs} == {p.customer.id for p in pairs[1:]}
    window.apply_button.click()
    asked = await answer("Remove 4 links")
    assert asked.startswith(f"Remove 4 links the run of {window.when} made in ")
    await until(lambda: window.run.state == RunState.DONE)
    assert window.status.text() == "Done — unlinked 4, failed 0, not sent 0."
    rows = {main.model.customer_at(r).id: main.model.customer_at(r)
            for r in main.model.loaded_rows()}
    assert all(rows[p.customer.id].user_account_id is None for p in pairs[1:]
               if p.customer.id in rows)  # the list shows each undone
    undone = [r for r in main.session.journal.rows(Filters()) if r["kind"] == "unlink"]
    assert len(undone) == 4 and {r["outcome"] for r in undone} == {"unlinked"}
    assert len({r["run_id"] for r in undone}) == 1  # one undo run, its own id
    assert sent(sandbox, UNLINKS) == 5  # the one by hand, then four: none twice
    window.close()
    activity.close()


async def test_an_undo_run_pauses_and_closing_it_asks(console, sandbox_factory):
    sandbox = sandbox_factory(customers=300, faults=True, shared_emails=2)
    console.sandbox_url = sandbox.url
    main = await signed_in(console)
    bulk, _ = await linked_by_run(main, 12)
    bulk.close()
    activity = await activity_on(main, "bulk link")
    activity.undo_run_button.click()
    window = main.side.undo_run
    await until(lambda: window.result is not None)
    async with httpx.AsyncClient() as http:
        await http.post(f"{sandbox.url}/sandbox/faults", json={
            "fault": "latency=0.2", "path": "/customers/", "method": "DELETE", "times": 20})
    window.apply_button.click()
    await answer("Remove 12 links")
    await until(lambda: window.run.tally().linked >= 1)
    window.pause_button.click()
    await until(lambda: window.run.state == RunState.PAUSED)
    done = window.run.tally().linked
    assert window.status.text().startswith(f"Paused — {done} unlinked, 0 in flight")
    window.close()
    asked = await answer("Stop and close")
    assert asked.startswith(f"An undo run is paused ({12 - done} left).")
    await until(lambda: not window.isVisible())
    assert sent(sandbox, UNLINKS) == done
    activity.close()
