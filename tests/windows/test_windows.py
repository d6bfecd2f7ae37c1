"""What is different on Windows, tested under Windows' own CPython: `make dist-windows-test`
runs this file (with the client and sandbox tests) under Wine, as a user named "Zoë Ngữ",
so that every path below has a space and letters outside cp1252. On Linux each test is
skipped and says so.

- The journal asks whether another console still runs without ending it.
- Remember me keeps the session in the Credential Locker, found without keyring's search.
- Settings live in the registry; the server IT set at install time is read from HKLM.
- The log, the journal and exports live under the user's %LOCALAPPDATA%, whatever the name.
- qasync runs on Windows' Proactor loop, and the client and the sandbox work over it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "win32",
                                reason="Windows only: make dist-windows-test runs it under Wine")


def test_checking_that_another_console_runs_never_ends_it():
    from billie_desktop.work.journal import _alive

    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert _alive(other.pid)
        assert _alive(other.pid)  # asked twice: os.kill(pid, 0) would have ended it at once
        assert other.poll() is None, "asking ended the other process"
    finally:
        other.kill()
        other.wait(10)
    assert not _alive(other.pid)


def test_a_journal_left_by_a_running_console_is_not_settled_as_dead(tmp_path):
    """A second console opening the journal must neither end the first nor mark its links
    in flight as "no answer"."""
    from billie_desktop.work.entries import PENDING, Where
    from billie_desktop.work.journal import Journal

    path = tmp_path / "activity.sqlite3"
    first = Journal(path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        entry = first.begin(Where("https://billie.example.test", "o", "Billie Cart Melbourne",
                                  "zoë@example.com.au"), kind="link", customer_id="c",
                            customer_name="Zoë Ngữ", previous_account="", new_account="a")
        first.db.execute("UPDATE entries SET pid = ? WHERE id = ?", (other.pid, entry))
        second = Journal(path)  # (it settles the entries of consoles no longer running)
        outcome = second.db.execute("SELECT outcome FROM entries WHERE id = ?",
                                    (entry,)).fetchone()["outcome"]
        second.close()
        assert outcome == PENDING and other.poll() is None
    finally:
        other.kill()
        other.wait(10)
        first.close()


def test_the_credential_locker_keeps_a_remembered_session():
    from keyring.backends.Windows import WinVaultKeyring

    from billie_desktop.api import SessionStyle
    from billie_desktop.api.tokens import KeyringTokenStore, StoredSession, insecure_backend

    backend = WinVaultKeyring()
    assert not insecure_backend(backend)
    store = KeyringTokenStore(service=f"billie-desktop-test-{uuid.uuid4().hex}",
                              backend=backend)
    session = StoredSession("zoë@example.com.au", SessionStyle.JWT_BODY,
                            refresh_token="r" * 40, cookies={"ss-id": "x"})
    store.save("https://billie.example.test", session)
    try:
        assert store.load("https://billie.example.test") == session
    finally:
        store.clear("https://billie.example.test")
    assert store.load("https://billie.example.test") is None


def test_remember_me_finds_the_credential_locker_without_searching(monkeypatch, tmp_path):
    import keyring
    from keyring.util import platform_

    from billie_desktop.api.tokens import os_keyring

    previous = keyring.get_keyring()
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(platform_, "config_root", lambda: tmp_path)
    searched: list[bool] = []
    monkeypatch.setattr(keyring.backend, "get_all_keyring",
                        lambda: searched.append(True) or [])
    try:
        assert type(os_keyring()).__name__ == "WinVaultKeyring" and not searched
    finally:
        keyring.set_keyring(previous)


def test_the_users_folders_are_under_local_app_data():
    import platformdirs

    from billie_desktop.work.journal import default_path

    local = Path(os.environ["LOCALAPPDATA"])
    log = platformdirs.user_log_path("billie-desktop", appauthor=False)
    assert log == local / "billie-desktop" / "Logs"
    assert default_path() == local / "billie-desktop" / "activity.sqlite3"
    assert Path.home().name in str(local)  # the profile's own name, spaces and all


def test_the_log_file_takes_any_name_in_any_profile(tmp_path, monkeypatch):
    import logging

    import platformdirs

    from billie_desktop.ui import log_file

    monkeypatch.setattr(platformdirs, "user_log_path", lambda *a, **k: tmp_path / "Zoë Ngữ")
    root = logging.getLogger()
    before = list(root.handlers)
    log_file.add_log_file()
    added = [h for h in root.handlers if h not in before]
    try:
        assert added, "no log file"
        logging.getLogger("billie_desktop.test").warning("Linked Zoë Ngữ ⚠")
        added[0].flush()
    finally:
        for handler in added:
            root.removeHandler(handler)
            handler.close()
    text = (tmp_path / "Zoë Ngữ" / "billie-desktop.log").read_text(encoding="utf-8")
    assert "Linked Zoë Ngữ ⚠" in text


@pytest.fixture
def registry_settings():
    """The console's own settings (no file: the registry), cleaned up afterwards."""
    import winreg

    from PySide6.QtCore import QCoreApplication

    QCoreApplication.instance() or QCoreApplication([])
    from billie_desktop.ui.settings import Settings

    user = r"Software\Billie\Billie Desktop"
    machine = r"Software\Billie\Billie Desktop\sign-in"
    existed = {}
    for hive, key in ((winreg.HKEY_CURRENT_USER, user), (winreg.HKEY_LOCAL_MACHINE, machine)):
        try:
            winreg.CloseKey(winreg.OpenKey(hive, key))
            existed[key] = True
        except OSError:
            existed[key] = False
    assert not any(existed.values()), "this user already has Billie Desktop settings"
    yield Settings
    for hive, key in ((winreg.HKEY_CURRENT_USER, user + r"\sign-in"),
                      (winreg.HKEY_CURRENT_USER, user),
                      (winreg.HKEY_LOCAL_MACHINE, machine)):
        with contextlib.suppress(OSError):
            winreg.DeleteKeyEx(hive, key, winreg.KEY_WOW64_64KEY)


def test_settings_live_in_the_registry(registry_settings):
    import winreg

    settings = registry_settings()
    settings.last_user_name = "zoë@example.com.au"
    settings.sync()
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Billie\Billie Desktop\sign-in") as key:
        assert winreg.QueryValueEx(key, "user-name")[0] == "zoë@example.com.au"
    assert registry_settings().last_user_name == "zoë@example.com.au"


def test_the_server_set_at_install_is_read_from_the_machine(registry_settings):
    """What the MSI's SERVERURL writes (billie-desktop.wxs), as the console reads it."""
    import winreg

    with winreg.CreateKeyEx(winreg.HKEY_LOCAL_MACHINE, r"Software\Billie\Billie Desktop\sign-in",
                            0, winreg.KEY_WRITE | winreg.KEY_WOW64_64KEY) as key:
        winreg.SetValueEx(key, "default-server", 0, winreg.REG_SZ, "https://billie.example.test")
    settings = registry_settings()
    assert settings.default_server == "https://billie.example.test"
    assert settings.last_server is None  # a user's own setting, not the machine's


def test_the_console_loop_is_the_proactor_and_the_client_works_over_it():
    """qasync's loop on Windows is a Proactor loop (no selectors): a sign-in and a page of
    customers through it, from the sandbox (whose own thread runs a Proactor loop too)."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from billie_desktop.api import BillieClient, QueryCustomersRequest, QueryOrganisationsRequest
    from billie_desktop.sandbox.config import SandboxOptions
    from billie_desktop.sandbox.demo import DEMO_SIGN_INS
    from billie_desktop.sandbox.server import SandboxServer

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    assert isinstance(loop, asyncio.ProactorEventLoop)

    async def journey(url: str) -> int:
        async with BillieClient(url) as client:
            await client.sign_in(DEMO_SIGN_INS.manager, DEMO_SIGN_INS.password)
            organisations = await client.send(QueryOrganisationsRequest())
            page = await client.send(QueryCustomersRequest(
                organisation_id=organisations.results[0].id, take=50))
            return len(page.results)

    with SandboxServer(SandboxOptions(customers=60)) as sandbox:
        assert loop.run_until_complete(journey(sandbox.url)) == 50
    loop.close()
