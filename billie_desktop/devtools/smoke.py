"""``billie-desktop --smoke-test``: the real windows, driven against an embedded sandbox:
sign in, choose an organisation, list, open the link dialog, submit an unknown user account
and check its field error shows under the field, then link a valid one and check the row."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt

from billie_desktop.api import MemoryTokenStore, QueryUserAccountsRequest, same_id
from billie_desktop.devtools.drive import message_box
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.demo import DEMO_SIGN_INS
from billie_desktop.ui.app import ConsoleApp
from billie_desktop.ui.customer_fields import ListState
from billie_desktop.ui.errors import ErrorReporter
from billie_desktop.ui.launch import after_first_window, bare_qapp, configure_logging, run_app
from billie_desktop.ui.main_window import MainWindow
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.tasks import wait_for


def run_smoke_test(args: argparse.Namespace) -> int:
    """``billie-desktop --smoke-test``: exit 0 when every step passed and nothing
    unexpected was reported, 1 otherwise."""
    from billie_desktop.sandbox.server import SandboxServer

    if no_desktop():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_logging(args.log_level)  # (after_first_window adds the log file)
    qapp = bare_qapp()
    after_first_window(qapp)
    settings_file = args.settings or Path(tempfile.mkdtemp(prefix="billie-smoke-")) / "s.ini"
    with SandboxServer(SandboxOptions(customers=400, shared_emails=2)) as sandbox:
        console = ConsoleApp(Settings(settings_file), MemoryTokenStore(),
                             sandbox_url=sandbox.url, demo=DEMO_SIGN_INS,
                             journal_path=settings_file.parent / "activity.sqlite3")

        async def main(reporter: ErrorReporter) -> int:
            ok = await run_smoke(console)
            return 0 if ok and reporter.count == 0 else 1

        return run_app(qapp, main)


def no_desktop() -> bool:
    """A Linux machine with no display (CI): Qt's offscreen platform. Windows and macOS
    always have their desktop, and the smoke test uses their real platform plugin."""
    return (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY"))


def step(text: str) -> None:
    print(f"[smoke] {text}", flush=True)


async def run_smoke(console: ConsoleApp) -> bool:
    started = time.perf_counter()
    try:
        await _run(console)
    except Exception as exc:  # report, then fail with exit code 1
        step(f"FAILED: {type(exc).__name__}: {exc}")
        return False
    finally:
        await console.close()
    step(f"passed in {time.perf_counter() - started:.1f} s")
    return True


async def _run(console: ConsoleApp) -> None:
    step(f"OS keyring: {keyring_in_use()}")
    step(f"server set at install: {console.settings.default_server or 'none'}")
    await console.start()
    sign_in = console.sign_in_window
    assert sign_in is not None, "the sign-in window did not open"
    step(f"sign-in window open on {sign_in.selected_url()}")
    sign_in.use_demo_user(DEMO_SIGN_INS.manager)
    await sign_in.sign_in()
    main = console.main_window
    assert main is not None, f"sign-in failed: {sign_in.banner.text.text()}"
    step(f"signed in as {DEMO_SIGN_INS.manager}")
    await wait_for(lambda: main.organisations and main.model.state == ListState.READY)
    melbourne = main.organisation.findText("Billie Cart Melbourne")
    main.organisation.setCurrentIndex(melbourne)
    await main.model.wait_idle()
    assert main.model.state == ListState.READY, main.model.message
    step(f"organisation {main.organisation.currentText()}: {main.count_label.text()}")

    row = next(r for r in main.model.loaded_rows()
               if main.model.customer_at(r).user_account_id is None)  # type: ignore[union-attr]
    main.table.selectRow(row)
    customer = main.selected_customer()
    assert customer is not None
    dialog = main.open_link_dialog()
    assert dialog is not None and dialog.isVisible(), "the link dialog did not open"
    step(f"link dialog open for {customer.full_name}")

    dialog.account_edit.setText("00000000000000000000000000000000")
    await dialog.submit()
    error = dialog.account_error.text()
    assert dialog.account_error.isVisible() and "does not exist" in error, error
    step(f"unknown account: field error under 'User account ID': {error!r}")

    accounts = await main.session.send(QueryUserAccountsRequest(
        organisation_id=main.current_organisation.id, take=200))  # type: ignore[union-attr]
    account = next(a for a in accounts.results if a.customer_id is None)
    dialog.search_edit.setText(account.email or "")
    await dialog.search_accounts(account.email or "")
    assert dialog.results.count() >= 1, "account search found nothing"
    dialog.results.setCurrentRow(0)
    dialog.results.itemClicked.emit(dialog.results.item(0))  # as a click
    await wait_for(lambda: dialog.chosen is not None)
    assert account_matches(dialog.account_edit.text(), account.id), "choosing did not fill id"
    assert not dialog.account_error.isVisible(), "the old error did not clear"
    await dialog.submit()
    await wait_for(lambda: main.link_dialog is None)
    updated = main.model.customer_at(row)
    assert updated is not None and same_id(updated.user_account_id, account.id)
    shown = main.model.index(row, 7).data()
    step(f"linked {customer.full_name} to {account.email}; row shows {shown!r}; "
         f"status bar: {main.statusBar().currentMessage()!r}")
    await _bulk_link(main)


async def _bulk_link(main: MainWindow) -> None:
    """Customer ▸ Link by email…: load, match, apply the first ten, check the list."""
    main.commands.bulk.trigger()
    window = main.side.bulk
    assert window is not None and window.isVisible(), "the bulk link window did not open"
    await window.tasks.wait_idle()
    result = window.result
    assert result is not None, window.banner.text.text()
    step(f"link by email: {window.counts.text()}")
    assert result.pairs, "nothing matched by email"
    window.untick_all.click()
    model = window.pairs_model
    for row in range(min(10, model.rowCount())):  # as clicks on the tick boxes
        model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.apply_button.isEnabled(), "Apply is not enabled"
    window.apply_button.click()
    box = await wait_for(message_box)
    assert box is not None  # (wait_for gives what the condition gave once it was true)
    step(f"link by email asks: {box.text().splitlines()[0]!r}")
    next(b for b in box.buttons() if b.text().startswith("Link ")).click()
    await wait_for(lambda: window.run is not None and window.run.state.value == "done")
    linked = [p for p in result.pairs[:10] if p.outcome.value == "linked"]
    assert len(linked) == min(10, len(result.pairs)), window.run.summary()  # type: ignore[union-attr]
    shown = {c.id: c for r in main.model.loaded_rows() if (c := main.model.customer_at(r))}
    for pair in linked:
        if pair.customer.id in shown:
            assert same_id(shown[pair.customer.id].user_account_id, pair.account.id)
    step(f"link by email: {window.status.text()}")
    window.close()


def keyring_in_use() -> str:
    """The backend Remember me would keep tokens in (the smoke test itself keeps them in
    memory): on Windows, the Credential Locker; "none" where no secure one answers."""
    from billie_desktop.api.tokens import insecure_backend, os_keyring

    backend = os_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    return f"none ({name})" if insecure_backend(backend) else name


def account_matches(text: str, account_id: str) -> bool:
    return same_id(text.strip(), account_id)
