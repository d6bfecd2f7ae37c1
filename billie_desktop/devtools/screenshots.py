"""Renders the README's screenshots from the real windows on a sandbox:
``python -m billie_desktop.devtools.screenshots resources/screenshots`` (under Xvfb or a
desktop)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from billie_desktop.api import MemoryTokenStore
from billie_desktop.devtools.drive import message_box
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.demo import DEMO_SIGN_INS
from billie_desktop.sandbox.server import SandboxServer
from billie_desktop.ui.app import ConsoleApp
from billie_desktop.ui.customer_fields import ListState
from billie_desktop.ui.main_window import MainWindow
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.tasks import wait_for


async def shoot(console: ConsoleApp, out: Path) -> None:
    await console.start()
    sign_in = console.sign_in_window
    assert sign_in is not None
    sign_in.resize(480, 520)
    await asyncio.sleep(0.3)
    sign_in.grab().save(str(out / "sign-in.png"))
    sign_in.use_demo_user(DEMO_SIGN_INS.manager)
    await sign_in.sign_in()
    main = console.main_window
    assert main is not None
    main.resize(1360, 760)
    await wait_for(lambda: main.model.state == ListState.READY)
    main.table.selectRow(3)
    await asyncio.sleep(0.3)
    main.grab().save(str(out / "main-window.png"))
    row = next(r for r in main.model.loaded_rows()
               if main.model.customer_at(r).user_account_id is None)  # type: ignore[union-attr]
    main.table.selectRow(row)
    dialog = main.open_link_dialog()
    assert dialog is not None
    dialog.search_edit.setText("olivia")
    await dialog.search_accounts("olivia")
    dialog.account_edit.setText("5f0c8d3a9b7e4c21a6d4e8f1b2c3d4e5")
    await dialog.submit()
    await asyncio.sleep(0.3)
    dialog.grab().save(str(out / "link-dialog-field-error.png"))
    dialog.reject()
    await _link_by_email(main, out)
    await _export_and_activity(main, out)
    await console.close()


async def _export_and_activity(main: MainWindow, out: Path) -> None:
    """File ▸ Export customers… caught mid-way, then View ▸ Activity."""
    import tempfile

    dialog = main.export.export_to(Path(tempfile.mkdtemp()) / "customers.csv")
    assert dialog is not None
    await wait_for(lambda: 1000 <= dialog.progress.value() < dialog.progress.maximum() - 1000,
                   limit=20)
    dialog.grab().save(str(out / "export-progress.png"))
    await dialog.wait()
    main.commands.activity.trigger()
    window = main.side.activity
    assert window is not None
    window.resize(1300, 420)
    window.view.selectRow(0)  # a link of the run: Undo… and Undo the run… offered
    await asyncio.sleep(0.3)
    window.grab().save(str(out / "activity.png"))
    window.close()


async def _link_by_email(main: MainWindow, out: Path) -> None:
    """The review window after a few links: outcomes, and what needs a person."""
    from PySide6.QtCore import Qt

    main.commands.bulk.trigger()
    window = main.side.bulk
    assert window is not None
    await window.tasks.wait_idle()
    window.untick_all.click()
    model = window.pairs_model
    for row in range(6):
        model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    window.apply_button.click()
    box = await wait_for(message_box)
    assert box is not None
    await asyncio.sleep(0.3)
    box.grab().save(str(out / "link-by-email-question.png"))
    next(b for b in box.buttons() if b.text().startswith("Link ")).click()
    await wait_for(lambda: window.run is not None and window.run.state.value == "done")
    for row in range(6, 9):
        model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    await asyncio.sleep(0.3)
    window.grab().save(str(out / "link-by-email.png"))
    window.close()


def main(argv: list[str]) -> int:
    dark = "--dark" in argv
    argv = [a for a in argv if a != "--dark"]
    out = Path(argv[0] if argv else "resources/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    import qasync

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # the script ends when its shots are taken
    if dark:  # View ▸ Theme ▸ Dark, as a user would choose it
        from billie_desktop.ui.theme import Theme, keeper_for

        keeper_for(app).apply(Theme.DARK)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with SandboxServer(SandboxOptions(customers=5000, shared_emails=4)) as sandbox:
        import tempfile

        folder = Path(tempfile.mkdtemp())
        settings = Settings(folder / "s.ini")
        console = ConsoleApp(settings, MemoryTokenStore(), sandbox_url=sandbox.url,
                             demo=DEMO_SIGN_INS, journal_path=folder / "activity.sqlite3")
        with loop:
            loop.run_until_complete(shoot(console, out))
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
