"""The sign-in window: each outcome, busy state, cancel, Enter, remembered sessions."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

from billie_desktop.ui import app as app_module
from billie_desktop.ui.app import ConsoleApp
from billie_desktop.ui.clients import Clients
from billie_desktop.ui.settings import STAGING_URL, Settings
from billie_desktop.ui.sign_in_window import CUSTOM, SANDBOX, STAGING, SignInWindow
from billie_desktop.ui.stage import Stage
from tests.ui.conftest import (
    PASSWORD,
    clear_faults,
    queue_fault,
    release_modifiers,
    signed_in,
    until,
)


async def open_sign_in(console: ConsoleApp):
    await console.start()
    window = console.sign_in_window
    assert window is not None and window.isVisible()
    return window


async def test_good_sign_in_opens_the_main_window(console, settings):
    main = await signed_in(console)
    assert console.sign_in_window is None and main.isVisible()
    assert main.model.rowCount() == 300 and main.model.customer_at(0) is not None
    assert "Morgan Manager" in main.status_user.text()
    assert settings.last_user_name == "manager@sandbox.test"


@pytest.mark.parametrize("user,password,words,field", [
    ("manager@sandbox.test", "wrong", "user name or password is incorrect", "password"),
    ("locked@sandbox.test", PASSWORD, "locked", "user_name"),
])
async def test_refused_sign_in_says_why_and_keeps_the_user_name(console, user, password, words,
                                                                field):
    window = await open_sign_in(console)
    window.user_name.setText(user)
    window.password.setText(password)
    window.sign_in_button.setFocus()
    await window.sign_in()
    assert words in window.banner.text.text()
    assert window.banner.isVisible() and console.main_window is None
    assert window.user_name.text() == user and window.user_name.isEnabled()
    assert not window.busy.isVisible()
    focused = getattr(window, field)  # focus is back in the field to correct, text selected
    assert window.focusWidget() is focused and focused.selectedText() == focused.text()


async def test_empty_fields_are_marked_under_each_field(console):
    window = await open_sign_in(console)
    window.user_name.setText("")
    await window.sign_in()
    assert window.user_error.isVisible() and window.password_error.isVisible()
    assert window.focusWidget() is window.user_name  # the first field to fill in
    window.user_name.setText("x")
    window.user_name.textEdited.emit("x")
    assert not window.user_error.isVisible()


async def test_unreachable_server(console, closed_port):
    window = await open_sign_in(console)
    window.server.setCurrentIndex(window.server.findData("custom"))
    window.custom_url.setText(f"http://127.0.0.1:{closed_port}")
    window.user_name.setText("manager@sandbox.test")
    window.password.setText(PASSWORD)
    await window.sign_in()
    assert "Cannot reach 127.0.0.1" in window.banner.text.text()
    assert window.user_name.text() == "manager@sandbox.test"
    assert window.focusWidget() is window.custom_url  # the address is what to check


async def test_plain_http_to_another_machine_is_refused_at_the_field(console):
    window = await open_sign_in(console)
    window.server.setCurrentIndex(window.server.findData("custom"))
    window.custom_url.setText("http://billiecart.example.com")
    window.user_name.setText("manager@sandbox.test")
    window.password.setText(PASSWORD)
    await window.sign_in()
    assert "plain http" in window.server_error.text()


async def test_incompatible_server_is_named(settings, qtbot):
    import httpx

    from billie_desktop.api import BillieClient

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"operations": [], "types": []})

    clients = []

    def factory(url: str) -> BillieClient:
        client = BillieClient("https://billiecart.example",
                              http_client=httpx.AsyncClient(transport=httpx.MockTransport(reply)),
                              close_http=True)
        clients.append(client)
        return client

    window = SignInWindow(settings, factory)
    qtbot.addWidget(window)
    window.user_name.setText("manager@sandbox.test")
    window.password.setText(PASSWORD)
    await window.sign_in()
    assert "does not offer the link operation" in window.banner.text.text()
    assert clients and all(c.closed for c in clients)


async def test_non_manager_is_told_and_can_sign_out(console):
    window = await open_sign_in(console)
    window.user_name.setText("staff@sandbox.test")
    window.password.setText(PASSWORD)
    await window.sign_in()
    assert "needs the manager role" in window.banner.text.text()
    assert window.banner.action.isVisible() and window.banner.action.text() == "Sign out"
    window.banner.action.click()
    await until(lambda: "Signed out" in window.banner.text.text())
    assert console.main_window is None


async def test_busy_while_signing_in_and_cancel_aborts(console, sandbox):
    await queue_fault(sandbox, "latency=3", "/auth/credentials")
    window = await open_sign_in(console)
    window.user_name.setText("manager@sandbox.test")
    window.password.setText(PASSWORD)
    window.sign_in_clicked()
    await until(lambda: window.cancel_button.isVisible())
    assert not window.user_name.isEnabled() and not window.sign_in_button.isEnabled()
    assert window.busy.isVisible()
    window.cancel_button.click()
    await until(lambda: window.user_name.isEnabled())
    assert "cancelled" in window.banner.text.text() and console.main_window is None
    await clear_faults(sandbox)


async def test_enter_signs_in(console):
    window = await open_sign_in(console)
    window.user_name.setText("manager@sandbox.test")
    window.password.setText(PASSWORD)
    QTest.keyClick(window.password, Qt.Key.Key_Return)
    await until(lambda: console.main_window is not None)
    await until(lambda: console.main_window.model.state == "ready")
    await console.main_window.model.wait_idle()


async def test_sandbox_demo_sign_ins_fill_the_form(console):
    window = await open_sign_in(console)
    assert "manager@sandbox.test" in window.demo.text()
    window.use_demo_user("mel.manager@sandbox.test")
    assert window.user_name.text() == "mel.manager@sandbox.test" and window.password.text()


async def remembered(console: ConsoleApp) -> None:
    window = await open_sign_in(console)
    window.user_name.setText("manager@sandbox.test")
    window.password.setText(PASSWORD)
    window.remember.setChecked(True)
    await window.sign_in()
    assert console.main_window is not None
    stored = console.token_store.load(console.main_window.session.client.base_url)
    assert stored is not None and PASSWORD not in stored.to_json()
    await until(lambda: console.main_window.model.state == "ready")


async def test_a_remembered_session_resumes_without_the_password(console, settings, sandbox,
                                                                 monkeypatch):
    """...and comes up with its customers already in the list, not with "Loading…" for a
    moment (ConsoleApp waits for them before it shows the window)."""
    await remembered(console)
    monkeypatch.setattr(app_module, "FILLED_LIMIT", 30.0)  # what is tested is the order
    second = ConsoleApp(settings, console.token_store, sandbox_url=sandbox.url, page_size=50)
    try:
        await second.start()
        main = second.main_window
        assert second.sign_in_window is None and main is not None and main.isVisible()
        assert main.model.state == "ready" and main.model.rowCount() == 300
    finally:
        await second.close()


@pytest.mark.parametrize("before, stages", [
    ("nothing", [Stage.KEYRING, Stage.SIGN_IN]),
    ("remembered", [Stage.KEYRING, Stage.RESUMING, Stage.MAIN_WINDOW]),
    ("expired", [Stage.KEYRING, Stage.RESUMING, Stage.SIGN_IN]),
])
async def test_a_start_goes_down_its_stages_in_order(console, settings, sandbox, caplog,
                                                     before, stages):
    """ConsoleApp is one state machine: each start goes down the same list, each stage
    once, and signing out or closing leads where NEXT says (a step it does not allow is
    logged as a mistake, and none is)."""
    if before != "nothing":
        await remembered(console)
    if before == "expired":  # the server no longer knows the session remembered
        url = console.main_window.session.client.base_url
        stored = console.token_store.load(url)
        console.token_store.save(url, replace(stored, refresh_token="revoked",
                                              cookies={"ss-id": "gone", "ss-pid": "gone"}))
    second = ConsoleApp(settings, console.token_store, sandbox_url=sandbox.url, page_size=50)
    seen: list[Stage] = []
    second.stage_changed.connect(seen.append)
    try:
        assert second.stage is Stage.FIRST_WINDOW
        await second.start()
        assert seen == stages
        window = second.main_window
        if window is not None:
            assert window.isVisible()
            await window.sign_out("You have signed out.")
            assert seen[-1] is Stage.SIGN_IN
        else:
            assert second.sign_in_window is not None and second.sign_in_window.isVisible()
    finally:
        await second.close()
    assert seen[-1] is Stage.CLOSED
    assert "start-up went from" not in caplog.text


async def test_a_resumed_window_slow_to_fill_comes_up_saying_it_is_loading(
        console, settings, sandbox, monkeypatch):
    await remembered(console)
    monkeypatch.setattr(app_module, "FILLED_LIMIT", 0.05)
    await queue_fault(sandbox, "latency=1", "/customers", method="GET")
    second = ConsoleApp(settings, console.token_store, sandbox_url=sandbox.url, page_size=50)
    try:
        await second.start()
        main = second.main_window
        assert main is not None and main.isVisible() and main.model.state == "loading"
        assert "Loading customers" in main.area.status.label.text()
        await until(lambda: main.model.state == "ready")
    finally:
        await clear_faults(sandbox)
        await second.close()


async def test_every_control_has_an_accessible_name(console):
    window = await open_sign_in(console)
    controls = window.findChildren(QLineEdit) + window.findChildren(QPushButton) + \
        window.findChildren(QComboBox) + window.findChildren(QCheckBox)
    assert controls
    for control in controls:
        if control.isVisibleTo(window):
            assert control.accessibleName(), control
    await asyncio.sleep(0)


async def test_the_sandbox_starts_behind_the_window(settings):
    """--sandbox: the sign-in window comes first, says the sandbox is starting, and
    enables Sign in (with the sandbox chosen and its demo sign-ins) once it answers."""
    from billie_desktop.api import MemoryTokenStore
    from billie_desktop.sandbox.config import SandboxOptions

    app = ConsoleApp(settings, MemoryTokenStore(), sandbox_options=SandboxOptions(customers=20))
    try:
        app.show_sign_in()
        starting = asyncio.ensure_future(app._start_sandbox(app.sandbox_options))
        await asyncio.sleep(0.01)
        window = app.sign_in_window
        assert "Starting the sandbox" in window.banner.text.text()
        assert not window.sign_in_button.isEnabled() and window.busy.isVisible()
        await starting
        assert app.sandbox is not None and window.sign_in_button.isEnabled()
        assert window.server.currentData() == "sandbox" and window.selected_url() == app.sandbox.url
        assert window.demo.isVisible() and "manager@sandbox.test" in window.demo.text()
        window.use_demo_user("manager@sandbox.test")
        await window.sign_in()
        assert app.main_window is not None
        await app.main_window.model.wait_idle()
        await app.tasks.wait_idle()
        await app.main_window.model.wait_idle()
    finally:
        await app.close()
        for session in app.sessions:
            await session.client.close()
        if app.sandbox is not None:
            app.sandbox.stop()


@pytest.mark.parametrize("resuming", [False, True])
async def test_the_client_is_imported_off_the_ui_thread_unless_a_resumed_start(
        console, settings, sandbox, monkeypatch, resuming):
    """Behind a sign-in window (or before one), the client's imports (~150 ms) run in a
    worker thread, so the window never freezes; a resumed start, with nothing on screen
    yet, imports them on the UI thread (no hand-offs between threads)."""
    import threading

    from billie_desktop.ui import warm_up

    if resuming:
        await remembered(console)
    else:
        settings.remember = False
    threads: list[bool] = []

    def recorded() -> None:
        threads.append(threading.current_thread() is threading.main_thread())

    monkeypatch.setattr(warm_up, "prepare_client", recorded)
    monkeypatch.setattr(app_module, "prepare_client", recorded)
    second = ConsoleApp(settings, console.token_store, sandbox_url=sandbox.url, page_size=50)
    try:
        await second.start()
        assert threads == [resuming]
        assert (second.main_window is not None) == resuming
        if resuming:
            await until(lambda: second.main_window.model.state == "ready")
    finally:
        await second.close()


async def test_a_resumed_start_reads_the_metadata_while_the_session_resumes(
        console, settings, sandbox):
    """(as a sign-in reads it before signing in: a round trip less on the way to the
    customers, which on a distant server is the longest part)"""
    import httpx

    await remembered(console)

    def arrived(what: str) -> int:
        counts = httpx.get(f"{sandbox.url}/sandbox/requests").json()["counts"]
        return sum(n for key, n in counts.items() if key.startswith(what))

    before = arrived("GET /types/metadata")
    await queue_fault(sandbox, "latency=3", "/auth", method="GET")  # WhoAmI answers late
    second = ConsoleApp(settings, console.token_store, sandbox_url=sandbox.url, page_size=50)
    starting = asyncio.ensure_future(second.start())
    try:
        await until(lambda: arrived("GET /types/metadata") > before, limit=2.5)
        assert not starting.done() and second.main_window is None  # still resuming
        await starting
        assert second.main_window is not None and second.main_window.session.discovery
    finally:
        await clear_faults(sandbox)
        if not starting.done():
            await starting
        await second.close()


def machine_wide(tmp_path, server: str) -> Settings:
    """Settings whose machine-wide defaults (what the MSI's SERVERURL writes) name ``server``."""
    machine = QSettings(str(tmp_path / "machine.ini"), QSettings.Format.IniFormat)
    machine.setValue("sign-in/default-server", server)
    machine.sync()
    return Settings(tmp_path / "user.ini", machine=tmp_path / "machine.ini")


async def test_the_server_set_at_install_is_chosen_before_a_first_sign_in(qtbot, tmp_path):
    settings = machine_wide(tmp_path, "https://billie.example.test")
    window = SignInWindow(settings, Clients())
    qtbot.addWidget(window)
    assert settings.default_server == "https://billie.example.test"
    assert window.server.currentData() == CUSTOM
    assert window.custom_url.text() == "https://billie.example.test"
    assert window.selected_url() == "https://billie.example.test"


@pytest.mark.parametrize("last, sandbox, chosen", [
    (STAGING_URL, None, STAGING),  # the user's own last choice wins
    (None, "http://127.0.0.1:9", SANDBOX),  # --sandbox asks for the sandbox
])
async def test_the_server_set_at_install_never_overrides_a_choice(qtbot, tmp_path, last,
                                                                  sandbox, chosen):
    settings = machine_wide(tmp_path, "https://billie.example.test")
    if last:
        settings.last_server = last
    window = SignInWindow(settings, Clients(), sandbox_url=sandbox)
    qtbot.addWidget(window)
    assert window.server.currentData() == chosen
    assert window.custom_url.text() == ""


async def test_an_empty_server_set_at_install_is_none(qtbot, tmp_path):
    settings = machine_wide(tmp_path, "  ")  # the MSI writes "" when SERVERURL is not given
    assert settings.default_server is None
    window = SignInWindow(settings, Clients())
    qtbot.addWidget(window)
    assert window.server.currentData() == STAGING


async def test_a_note_under_remember_me_grows_the_window_rather_than_squash_it(settings):
    """(issue #25) With a custom server and no secure keyring, ticking Remember me shows a
    three-line note: the window grows to show all of it, and squashes nothing else."""
    window = SignInWindow(settings, Clients(), remember_note=(
        "This computer's keyring (PlaintextKeyring) would keep sign-in tokens in a file, so "
        '"Remember me" lasts only until Billie Desktop closes.'))
    window.choose_custom_server("https://billiecart.example.com.au")
    window.remember.setChecked(False)
    window.show()
    await asyncio.sleep(0.2)
    before = window.height()
    window.remember.setChecked(True)
    await asyncio.sleep(0.2)  # (a layout request, then the window's resize)
    note = window.remember_note
    assert note.isVisible()
    assert note.height() >= note.heightForWidth(note.width()), "the note is clipped"
    assert window.height() > before
    for field in (window.custom_url, window.server, window.user_name):
        assert field.height() >= field.sizeHint().height(), "a field is squashed"
    window.close()


async def test_enter_on_remember_me_signs_in_and_ctrl_q_quits(console):
    window = await open_sign_in(console)
    window.user_name.setText("manager@sandbox.test")
    window.password.setText(PASSWORD)
    window.remember.setFocus()
    QTest.keyClick(window.remember, Qt.Key.Key_Return)
    await until(lambda: console.main_window is not None)
    await console.main_window.model.wait_idle()
    await console.main_window.sign_out("You have signed out.")
    window = console.sign_in_window
    assert window.isVisible()
    window.activateWindow()
    await until(lambda: window.isActiveWindow())
    QTest.keyClick(window.password, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: not window.isVisible())
    other = QLineEdit()
    release_modifiers(other)
    other.deleteLater()
