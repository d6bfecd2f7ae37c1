"""User journeys for ``billie-desktop --drive tests.journeys:NAME`` (tests/test_journeys.py):
each acts on the real windows as a user would and prints what it saw."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from billie_desktop.devtools.drive import message_box
from billie_desktop.ui.tasks import wait_for

if TYPE_CHECKING:  # imported where used: warmed_up checks what the console imported itself
    from billie_desktop.ui.app import ConsoleApp
    from billie_desktop.ui.main_window import MainWindow


def say(text: str) -> None:
    print(f"[journey] {text}", flush=True)


async def main_shown(console: ConsoleApp) -> MainWindow:
    """The main window once it is on screen (a resumed one is shown with its customers,
    a moment after it is made)."""
    return await wait_for(lambda: console.main_window if console.main_window is not None
                          and console.main_window.isVisible() else None, limit=20)


async def customers_shown(main: MainWindow) -> None:
    from billie_desktop.ui.customer_fields import ListState

    await wait_for(lambda: main.model.state in (ListState.READY, ListState.ERROR), limit=20)
    assert main.model.state == ListState.READY, main.model.message
    assert main.model.rowCount() > 0
    say(f"customers shown: {main.count_label.text()}")


async def first_sign_in(console: ConsoleApp) -> None:
    """Signs in with Remember me ticked, sees the customers, quits."""
    from billie_desktop.sandbox.demo import DEMO_SIGN_INS  # (not for a resumed start)

    window = await wait_for(lambda: console.sign_in_window or console.main_window)
    assert console.main_window is None, "already signed in before signing in"
    assert window is console.sign_in_window and window.isVisible()
    assert not window.windowIcon().isNull()  # set just after it was shown (ui/start.py)
    window.user_name.setText(DEMO_SIGN_INS.manager)
    window.password.setText(DEMO_SIGN_INS.password)
    window.remember.setChecked(True)
    await window.sign_in()
    main = console.main_window
    assert main is not None, window.banner.text.text()
    # The keyring may answer after a quick sign-in: the session then moves into it.
    await wait_for(lambda: console.token_store.persistent, limit=10)
    say(f"signed in; keyring: {'yes' if console.token_store.persistent else 'no'}")
    await customers_shown(main)
    main.close()


async def server_set_at_install(console: ConsoleApp) -> None:
    """A first start with no --server: signs in to the server the sign-in window offers."""
    from billie_desktop.sandbox.demo import DEMO_SIGN_INS

    window = await wait_for(lambda: console.sign_in_window)
    say(f"offered: {window.selected_url()}")
    window.user_name.setText(DEMO_SIGN_INS.manager)
    window.password.setText(DEMO_SIGN_INS.password)
    await window.sign_in()
    main = console.main_window
    assert main is not None, window.banner.text.text()
    await customers_shown(main)
    main.close()


async def remembered(console: ConsoleApp) -> None:
    """Starts straight into the customers, with no sign-in window and no error."""
    main = await main_shown(console)
    assert console.sign_in_window is None, "the sign-in window opened"
    say(f"resumed as {main.session.display_name}")
    await customers_shown(main)
    say(collector())
    import sys

    imported = "billie_desktop.ui.sign_in_window" in sys.modules
    say(f"sign-in window {'imported' if imported else 'never imported'}")
    # Nothing a resumed start does not use before its customers (the journal opens on
    # first use, the demo sign-ins are the sandbox's, click is httpx's command line).
    early = [name for name in ("sqlite3", "billie_desktop.sandbox.demo", "uvicorn", "click")
             if name in sys.modules]
    say(f"imported before the customers, yet unused: {early}")
    import os

    say(f"pydantic plugins: {os.environ.get('PYDANTIC_DISABLE_PLUGINS')}")  # api/dtos.py
    # The window icon waited for the customers to be painted (ui/start.py), then came.
    await wait_for(lambda: not main.windowIcon().isNull(), limit=5)
    say("window icon set")
    main.close()


async def link_one(console: ConsoleApp) -> None:
    """Resumed, links the first unlinked customer to a free account, sees the row change."""
    from billie_desktop.api import QueryCustomersRequest, QueryUserAccountsRequest, same_id

    main = await main_shown(console)
    await customers_shown(main)
    org = main.current_organisation
    assert org is not None
    accounts = await main.session.send(QueryUserAccountsRequest(organisation_id=org.id,
                                                                take=500))
    customers = await main.session.send(QueryCustomersRequest(organisation_id=org.id,
                                                              take=500))
    used = {c.user_account_id for c in customers.results}
    account = next(a for a in accounts.results if a.customer_id is None and a.id not in used)
    row = next(r for r in main.model.loaded_rows()
               if main.model.customer_at(r).user_account_id is None)  # type: ignore[union-attr]
    main.table.selectRow(row)
    dialog = main.open_link_dialog()
    assert dialog is not None and dialog.isVisible()
    dialog.account_edit.setText(account.id)
    await dialog.submit()
    await wait_for(lambda: main.link_dialog is None)
    linked = main.model.customer_at(row)
    assert linked is not None and same_id(linked.user_account_id, account.id)
    say(f"linked {linked.full_name}; status: {main.statusBar().currentMessage()}")
    main.close()


def collector() -> str:
    """Whether the garbage collector runs again, start-up done (``billie-desktop`` holds it
    until then: ui/warm_up.py), and how many start-up objects it leaves alone."""
    import gc

    return f"collector {'on' if gc.isenabled() else 'off'}, {gc.get_freeze_count()} frozen"


async def warmed_up(console: ConsoleApp) -> None:
    """While the sign-in window waits for the user, the console imports what signing in
    needs (ui/warm_up.py) and lets go of the module sources PySide6 read."""
    import linecache
    import sys

    window = await wait_for(lambda: console.sign_in_window, limit=20)
    await wait_for(lambda: console.tasks.finished("warm-up"), limit=20)
    ready = [m for m in ("billie_desktop.api.client", "anyio._backends._asyncio",
                         "billie_desktop.ui.link_dialog") if m in sys.modules]
    say(f"ready before signing in: {', '.join(ready)}")
    sources = sum(len(lines[2]) for lines in linecache.cache.values() if len(lines) > 2)
    say(f"source lines kept: {sources}")
    say(collector())
    window.close()


async def bulk_link(console: ConsoleApp) -> None:
    """Resumed, links three customers by email (Customer ▸ Link by email…), sees the rows
    change in the main list."""
    from PySide6.QtCore import Qt

    from billie_desktop.api import same_id

    main = await main_shown(console)
    await customers_shown(main)
    main.commands.bulk.trigger()
    window = main.side.bulk
    await wait_for(lambda: window.result is not None, limit=30)
    say(f"review: {window.counts.text()}")
    window.untick_all.click()
    model = window.pairs_model
    for row in range(3):
        model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    window.apply_button.click()
    box = await wait_for(message_box, limit=10)
    say(f"asked: {box.text().splitlines()[0]}")
    next(b for b in box.buttons() if b.text().startswith("Link ")).click()
    await wait_for(lambda: window.run.state.value == "done", limit=30)
    pairs = window.result.pairs[:3]
    assert all(p.outcome.value == "linked" for p in pairs), window.run.summary()
    shown = {c.id: c for r in main.model.loaded_rows() if (c := main.model.customer_at(r))}
    updated = [p for p in pairs if p.customer.id in shown
               and same_id(shown[p.customer.id].user_account_id, p.account.id)]
    assert len(updated) == len([p for p in pairs if p.customer.id in shown])
    say(f"bulk linked {len(pairs)}; {window.status.text()}")
    window.close()
    main.close()


async def closed_mid_run(console: ConsoleApp) -> None:
    """Resumed, starts Link by email on every match (the sandbox answers each slowly), and
    closes the main window mid-run: asked, it stops; the process then ends."""
    main = await main_shown(console)
    await customers_shown(main)
    main.commands.bulk.trigger()
    window = main.side.bulk
    await wait_for(lambda: window.result is not None, limit=30)
    window.apply_button.click()
    next(b for b in (await wait_for(message_box)).buttons() if b.text().startswith("Link ")
         ).click()
    await wait_for(lambda: window.run.tally().linked >= 2, limit=30)
    from shiboken6 import isValid

    from billie_desktop.ui.bulk_words import tally_text

    run = window.run  # (outlives the windows, deleted once closed)
    main.close()  # as the window's close button
    box = await wait_for(message_box, limit=10)
    say(f"asked: {box.text().splitlines()[0]}")
    next(b for b in box.buttons() if b.text() == "Stop and close").click()
    await wait_for(lambda: not isValid(main) or not main.isVisible(), limit=30)
    say(f"closed; {tally_text(run.tally(), run.state, 0)}")


async def settled_after_restart(console: ConsoleApp) -> None:
    """Resumed after a crash: the lost answer is read back once the customers are shown;
    Activity shows how it was settled."""
    main = await main_shown(console)
    await customers_shown(main)
    await wait_for(lambda: main.statusBar().currentMessage().startswith("Checked "), limit=20)
    say(f"status: {main.statusBar().currentMessage()}")
    main.commands.activity.trigger()
    window = await wait_for(lambda: main.side.activity, limit=10)
    from billie_desktop.ui.activity_model import cells

    say(f"activity: {cells(window.model.entry(0))[6]}")
    window.close()
    main.close()


async def killed_while_linking(console: ConsoleApp) -> None:
    """Resumed, sends a link (the sandbox holds the answer back), and is killed once the
    activity journal shows it pending: as a crash mid-request."""
    import os
    import signal

    from billie_desktop.api import QueryUserAccountsRequest
    from billie_desktop.work.journal import Filters

    main = await main_shown(console)
    await customers_shown(main)
    org = main.current_organisation
    accounts = await main.session.send(QueryUserAccountsRequest(
        organisation_id=org.id, take=500, customer_id_is_null=True))
    row = next(r for r in main.model.loaded_rows()
               if main.model.customer_at(r).user_account_id is None)
    main.table.selectRow(row)
    dialog = main.open_link_dialog()
    dialog.account_edit.setText(accounts.results[0].id)
    dialog.submit_clicked()
    journal = main.session.journal
    await wait_for(lambda: journal.count(Filters(outcome="pending")) == 1, limit=10)
    say("pending; killed")
    os.kill(os.getpid(), signal.SIGKILL)


async def export_and_activity(console: ConsoleApp) -> None:
    """Resumed: exports the list to CSV (File ▸ Export customers…, the file chosen), then
    opens View ▸ Activity and finds the links made by the journeys before."""
    import csv
    import os
    from pathlib import Path

    main = await main_shown(console)
    await customers_shown(main)
    path = Path(os.environ["BILLIE_EXPORT_TO"])
    dialog = main.export.export_to(path)
    await dialog.wait()
    text = await asyncio.to_thread(path.read_text, encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    say(f"exported {len(rows) - 1} rows; {dialog.outcome}")
    main.commands.activity.trigger()
    window = await wait_for(lambda: main.side.activity, limit=10)
    kinds = sorted({window.model.entry(r)["kind"] for r in range(window.model.total)})
    say(f"activity: {window.model.total} entries ({', '.join(kinds)})")
    window.close()
    main.close()


async def sandbox_signs_in_afresh(console: ConsoleApp) -> None:
    """--sandbox with a session remembered for another server: the sign-in window is up
    at once (no resume is tried), and offers the sandbox once it is up."""
    window = console.sign_in_window
    assert window is not None and window.isVisible(), "no sign-in window at once"
    await wait_for(lambda: window.sandbox_url, limit=60)
    assert console.main_window is None
    say(f"sandbox offered: {window.server.currentData()}")
    window.close()
