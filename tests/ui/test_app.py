"""The application shell: error reporting, resources, settings, the smoke test."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from billie_desktop.ui.errors import ErrorReporter
from billie_desktop.ui.operations import Form, run_operation
from billie_desktop.ui.resources import app_icon_path, resource_path, resources_dir
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import BusyBar
from tests.ui.conftest import until


@pytest.fixture
def reporter(loop_errors):
    """An ErrorReporter installed on the running loop (in place of the suite's recorder)."""
    loop = asyncio.get_event_loop()
    previous = loop.get_exception_handler()
    reporter = ErrorReporter()
    reporter.install(loop)
    yield reporter
    loop.set_exception_handler(previous)
    sys.excepthook = sys.__excepthook__
    for box in list(reporter.shown):
        box.close()
        box.deleteLater()


async def test_an_error_inside_a_real_task_is_logged_and_shown_without_blocking(
        reporter, caplog):
    async def broken() -> None:
        await asyncio.sleep(0)
        raise RuntimeError("boom")

    Tasks().run("broken", broken())
    await until(lambda: reporter.count == 1)
    box = reporter.shown[-1]
    assert isinstance(box, QMessageBox) and box.isVisible() and not box.isModal()
    assert "RuntimeError: boom" in box.detailedText()
    assert "unexpected error" in caplog.text and "boom" in caplog.text
    assert await asyncio.wait_for(asyncio.sleep(0.01, "alive"), 1) == "alive"


async def test_an_unexpected_error_in_an_operation_is_reported_and_the_form_stays_usable(
        reporter):
    edit, busy = QLineEdit(), BusyBar()
    form = Form(inputs=(edit,), busy=busy)

    async def broken() -> str:
        assert not edit.isEnabled() and form.running  # busy while it runs
        raise KeyError("not a server error")

    assert await run_operation(form, broken()) is None
    assert reporter.count == 1 and "KeyError" in reporter.shown[-1].detailedText()
    assert edit.isEnabled() and not form.running and busy.isHidden()


def test_resources_are_found_in_a_checkout_and_in_a_frozen_build(monkeypatch, tmp_path):
    assert app_icon_path().read_text(encoding="utf-8").startswith("<svg")
    assert resource_path("billie-desktop.desktop").exists()
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def test_settings_round_trip_in_their_own_file(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    settings.last_user_name = "manager@sandbox.test"
    settings.set_last_organisation("http://127.0.0.1:1", "abc")
    settings.sync()
    again = Settings(tmp_path / "s.ini")
    assert again.last_user_name == "manager@sandbox.test"
    assert again.last_organisation("http://127.0.0.1:1") == "abc"
    assert "password" not in (tmp_path / "s.ini").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("user,machine,expected", [
    (None, None, 32), ("8", None, 8), ("8", "4", 4), (None, "6", 6), ("99", None, 32),
    ("none", None, 32), ("0", None, 1),
])
def test_a_setting_lowers_how_many_requests_go_at_once(tmp_path, user, machine, expected):
    """network/max-in-flight, the user's or IT's for the machine: the lower wins, never above
    the polite 32 nor below one (issue #24)."""
    for value, name in ((user, "user.ini"), (machine, "machine.ini")):
        if value is not None:
            (tmp_path / name).write_text(f"[network]\nmax-in-flight={value}\n", encoding="utf-8")
    settings = Settings(tmp_path / "user.ini", machine=tmp_path / "machine.ini")
    assert settings.max_in_flight == expected


def test_smoke_test_command_passes_offscreen(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-m", "billie_desktop", "--smoke-test",
                             "--settings", str(tmp_path / "s.ini")],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[smoke] passed" in result.stdout
    assert "field error under 'User account ID'" in result.stdout


def test_the_qt_binding_keeps_none_alive(qapp):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns
    nothing (setText, setEnabled, repaint, QModelIndex.data() with no data...): after a
    few thousand the console aborts with "deallocating None". pyproject.toml keeps that
    binding out; this catches any other that does the same. (From Python 3.12 None is
    immortal and its count does not move.)"""
    from PySide6.QtWidgets import QLabel, QWidget

    widget, label = QWidget(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setEnabled(True)
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50, "the Qt binding leaks references to None"
    widget.deleteLater()
    label.deleteLater()


async def test_the_app_ends_when_its_last_window_closes_and_not_before():
    """Qt is told not to quit by itself (so that no coroutine is cut off mid-cleanup):
    the console watches for its last window closing instead. A window replaced by
    another (sign-in -> main) or a dialog left open does not count."""
    import asyncio

    from PySide6.QtWidgets import QMainWindow

    from billie_desktop.ui.last_window import LastWindowWatcher

    qapp = QApplication.instance()
    watcher = LastWindowWatcher(qapp)
    first, second = QMainWindow(), QMainWindow()
    for window in (first, second):
        watcher.watch(window)
    first.show()
    waiting = asyncio.ensure_future(watcher.until_last_closed())
    await asyncio.sleep(0.05)
    second.show()
    first.close()  # replaced by another window: the app goes on
    await asyncio.sleep(0.05)
    assert not waiting.done()
    box = QMessageBox(QMessageBox.Icon.Information, "x", "a dialog")
    box.setModal(False)
    box.show()
    second.close()  # the last window: the dialog left open does not keep the app alive
    await asyncio.wait_for(waiting, 2)
    box.close()
    for window in (first, second, box, watcher):
        window.deleteLater()


def test_a_sandbox_start_never_resumes_a_remembered_session(tmp_path):
    """--sandbox starts a new server each time, and asks for it: a session remembered for
    the server signed in to last time (another sandbox's port, or staging) is not resumed."""
    from billie_desktop.sandbox.config import SandboxOptions
    from billie_desktop.ui.app import ConsoleApp

    settings = Settings(tmp_path / "s.ini")
    settings.last_server = "https://staging-api.billiecart.com.au"
    settings.remember = True
    assert ConsoleApp(settings, None).resumable
    sandboxed = ConsoleApp(settings, None, sandbox_options=SandboxOptions(customers=20))
    assert not sandboxed.resumable and sandboxed._remembered_server() is None


async def test_a_first_window_gone_before_it_was_painted_is_no_error(console):
    """What waits for the first window's paint (the icon and log file of a resumed start)
    still comes when that window is deleted first: a sign-in window put up while the
    keyring was slow, then replaced by the resumed session's main window."""
    up: list[bool] = []
    console.first_window_up.connect(lambda: up.append(True))
    window = console.show_sign_in()
    window.close()
    window.deleteLater()
    console.sign_in_window = None
    await until(lambda: up)
