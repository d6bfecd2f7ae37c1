"""The activity journal (work/journal.py) and View ▸ Activity: an entry for every change and
every outcome, written before the request and completed by its answer; filters; export."""

from __future__ import annotations

import asyncio
import csv
import subprocess
import sys

from billie_desktop.work.entries import Where
from billie_desktop.work.journal import Filters, Journal
from tests.ui.conftest import PASSWORD, queue_fault, signed_in, until
from tests.ui.test_bulk_link import apply
from tests.ui.test_link_dialog import free_account, message_box, open_for

WHERE = Where("https://api.example", "org1", "Billie Cart Melbourne", "Morgan <m@x>")


def entry(journal: Journal, **changes) -> int:
    values = dict(kind="link", customer_id="c1", customer_name="Ann Lee", previous_account="",
                  new_account="Ann <ann@x>")
    values.update(changes)
    return journal.begin(WHERE, **values)


async def test_painting_never_queries_the_journal(tmp_path):
    """data() answers from what is at hand; a row not yet read is read on the next turn of
    the event loop, then repainted (dataChanged)."""
    from billie_desktop.ui.activity_model import PAGE, ActivityModel

    journal = Journal(tmp_path / "activity.sqlite3")
    for n in range(2 * PAGE + 5):
        entry(journal, customer_name=f"Customer {n:04d}")
    model = ActivityModel(journal)
    read: list[int] = []
    real_page = journal.page
    journal.page = lambda filters, offset, limit: read.append(offset) or real_page(  # type: ignore[method-assign]
        filters, offset, limit)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    far = model.index(2 * PAGE + 1, 2)
    assert far.data() is None and read == []  # nothing read while painting
    await until(lambda: changed)
    assert read == [2 * PAGE] and changed == [2 * PAGE]
    assert far.data() == "Customer 0003"  # newest first
    model.detach()
    journal.close()


def test_an_entry_left_pending_by_a_dead_process_reads_no_answer(tmp_path):
    path = tmp_path / "activity.sqlite3"
    code = ("import sys; from billie_desktop.work.journal import Journal; "
            "from billie_desktop.work.entries import Where; "
            f"j = Journal(__import__('pathlib').Path({str(path)!r})); "
            "j.begin(Where('s', 'o', 'Org', 'me'), kind='link', customer_id='c', "
            "customer_name='Ann', previous_account='', new_account='a'); "
            "__import__('os')._exit(0)")  # killed mid-request: nothing completes the entry
    subprocess.run([sys.executable, "-c", code], check=True)
    journal = Journal(path)
    [row] = journal.page(Filters(), 0, 10)
    assert row["outcome"] == "no answer" and "stopped" in row["message"]
    journal.close()


def test_filters(tmp_path):
    journal = Journal(None)
    a = entry(journal, customer_name="Ann Lee")
    b = entry(journal, customer_name="Bo Chen")
    journal.finish(a, "linked")
    journal.finish(b, "failed", "User account 'x@y' is already linked")
    other = Where("s", "org2", "Billie Cart Sydney", "me")
    journal.finish(journal.begin(other, kind="link", customer_id="c9", customer_name="Cy Dee",
                                 previous_account="", new_account=""), "linked")
    assert journal.count(Filters()) == 3
    assert journal.count(Filters(outcome="failed")) == 1
    assert journal.count(Filters(organisation_id="org2")) == 1
    assert journal.count(Filters(text="already linked")) == 1
    assert journal.count(Filters(text="lee")) == 1
    assert journal.count(Filters(text="100%")) == 0
    entry(journal, customer_name="Nguyễn Văn An")
    assert journal.count(Filters(text="NGUYỄN")) == 1  # case ignored beyond ASCII too
    now = __import__("time").time()
    assert journal.count(Filters(since=now - 60, until=now + 60)) == 4
    assert journal.count(Filters(until=now - 60)) == 0
    assert [r["customer_name"] for r in journal.page(Filters(), 0, 4)] == [
        "Nguyễn Văn An", "Cy Dee", "Bo Chen", "Ann Lee"]  # newest first
    assert journal.organisations() == [("org1", "Billie Cart Melbourne"),
                                       ("org2", "Billie Cart Sydney")]


async def test_links_made_in_the_console_are_recorded(console, sandbox):
    main = await signed_in(console)
    journal = main.session.journal
    assert journal is not None
    account = await free_account(main)
    dialog, row = await open_for(main)
    customer = main.model.customer_at(row)
    dialog.account_edit.setText(account)
    await dialog.submit()
    [linked] = journal.page(Filters(), 0, 5)
    assert linked["outcome"] == "linked" and linked["kind"] == "link"
    assert linked["customer_id"] == customer.id and linked["customer_name"] == customer.full_name
    assert linked["organisation_name"] == main.current_organisation.name
    assert linked["signed_in_as"].startswith(main.session.display_name)
    assert linked["server"] == main.session.server_label and linked["ended"]
    # the same account on another customer: 409, recorded with the server's message
    dialog, _row = await open_for(main)
    dialog.account_edit.setText(account)
    await dialog.submit()
    dialog.reject()
    refused = journal.page(Filters(), 0, 5)[0]
    assert refused["outcome"] == "failed" and "already linked" in refused["message"]
    # a lost answer, read back: linked
    other = await free_account(main)
    dialog, _row = await open_for(main)
    dialog.account_edit.setText(other)
    await queue_fault(sandbox, "lost-answer", "/customers/", method="PUT")
    await dialog.submit()
    assert journal.page(Filters(), 0, 5)[0]["outcome"] == "linked"
    text = "".join(str(tuple(r)) for r in journal.rows(Filters()))
    assert PASSWORD not in text and "bsb" not in text.lower()  # nothing secret


async def test_the_activity_window_filters_goes_to_the_customer_and_exports(console, tmp_path):
    main = await signed_in(console)
    journal = main.session.journal
    account = await free_account(main)
    dialog, row = await open_for(main)
    customer = main.model.customer_at(row)
    dialog.account_edit.setText(account)
    await dialog.submit()
    journal.finish(entry(journal, customer_name="Zed Failed", customer_id="c2"), "failed",
                   "Not allowed")
    main.commands.activity.trigger()
    window = main.side.activity
    assert window is not None and window.isVisible()
    assert window.model.total == 2 and window.model.index(0, 2).data() == "Zed Failed"
    window.outcome.setCurrentIndex(window.outcome.findData("linked"))
    window.apply_filters()
    assert window.model.total == 1 and window.model.index(0, 2).data() == customer.full_name
    assert window.count.text().startswith("Entries shown: 1,")
    window.text.setText("nobody-like-this")
    window.apply_filters()
    assert window.model.total == 0
    window.text.clear()
    window.use_to.setChecked(True)
    window.date_to.setDate(window.date_to.date().addDays(-1))  # until yesterday: none
    window.apply_filters()
    assert window.model.total == 0
    window.use_to.setChecked(False)
    window.apply_filters()
    main.table.clearSelection()
    window.view.doubleClicked.emit(window.model.index(0, 0))
    await until(lambda: main.selected_customer() is not None
                and main.selected_customer().id == customer.id)
    path = tmp_path / "activity.csv"
    window.export_to(path)
    await window.tasks.wait_idle()
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][0] == "When" and len(table) == 2 and table[1][2] == customer.full_name
    assert window.count.text() == f"Exported to {path}: 1 entries."
    window.close()


async def test_replacing_a_link_and_a_bulk_link_are_recorded(console):
    from PySide6.QtCore import Qt

    main = await signed_in(console)
    journal = main.session.journal
    account = await free_account(main)
    dialog, row = await open_for(main, linked=True)
    before = main.model.customer_at(row).user_account_id
    await until(lambda: dialog.current_account is not None)
    dialog.account_edit.setText(account)
    submit = asyncio.ensure_future(dialog.submit())
    box = await until(message_box)
    next(b for b in box.buttons() if b.text() == "Replace link").click()
    await submit
    replaced = journal.page(Filters(), 0, 1)[0]
    assert replaced["kind"] == "replace" and replaced["outcome"] == "linked"
    assert replaced["previous_account"] and before
    main.commands.bulk.trigger()
    window = main.side.bulk
    await window.tasks.wait_idle()
    window.untick_all.click()
    model = window.pairs_model
    for r in range(3):
        model.setData(model.index(r, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    await apply(window)
    await until(lambda: window.run.state.value == "done")
    bulk = [r for r in journal.rows(Filters()) if r["kind"] == "bulk link"]
    assert len(bulk) == 3 and {r["outcome"] for r in bulk} == {"linked"}
    assert {r["customer_id"] for r in bulk} == {p.customer.id for p in window.result.pairs[:3]}
    window.close()


async def test_the_journal_is_opened_when_first_needed(console):
    """Opening its SQLite file is no part of showing the customers."""
    main = await signed_in(console)
    assert not console.journal_path.exists()
    assert main.session.journal is not None and console.journal_path.exists()
    assert main.session.journal is main.session.journal  # one journal, opened once


async def test_the_message_is_in_view_and_an_empty_id_is_said_so(console):
    """(issue #25) The server's message was off-screen at the window's first width; an
    attempt with no account id read "New account: not linked"."""
    main = await signed_in(console)
    dialog, _row = await open_for(main)
    await dialog.submit()  # no id: the server refuses, and the journal says why
    dialog.reject()
    main.commands.activity.trigger()
    window = main.side.activity
    await until(lambda: window.model.total == 1)
    new_account = window.model.index(0, 5).data()
    assert new_account == "(no account ID given)"
    assert "not linked" not in new_account.lower()
    view, header = window.view, window.view.horizontalHeader()
    message = 7
    x = header.sectionViewportPosition(message)
    assert x >= 0 and x + 150 <= view.viewport().width(), "the message is off-screen"
    assert "must not be empty" in window.model.index(0, message).data()
    window.close()
