"""The application shell: error reporting, resources, settings, the smoke test."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from billie_desktop.ui.errors import ErrorReporter
from billie_desktop.ui.resources import app_icon_path, resource_path, resources_dir
from billie_desktop.ui.settings import Settings


async def test_unexpected_errors_are_logged_and_shown_without_blocking(caplog):
    reporter = ErrorReporter()
    loop = asyncio.get_running_loop()
    previous = loop.get_exception_handler()
    reporter.install(loop)
    try:
        async def broken() -> None:
            raise RuntimeError("boom")

        task = loop.create_task(broken())
        await asyncio.sleep(0.01)
        del task  # never awaited: the loop reports it through the handler when collected
        import gc

        gc.collect()
        await asyncio.sleep(0.01)
        reporter.loop_handler(loop, {"message": "x", "exception": ValueError("bad")})
        assert reporter.count >= 1
        box = reporter.shown[-1]
        assert isinstance(box, QMessageBox) and box.isVisible() and not box.isModal()
        assert "ValueError" in box.detailedText() or "RuntimeError" in box.detailedText()
        assert "unexpected error" in caplog.text
        await asyncio.sleep(0.01)  # the loop is still alive and well
    finally:
        loop.set_exception_handler(previous)
        sys.excepthook = sys.__excepthook__
        for box in list(reporter.shown):
            box.close()
        QApplication.processEvents()


def test_resources_are_found_in_a_checkout_and_in_a_frozen_build(monkeypatch, tmp_path):
    assert app_icon_path().read_text().startswith("<svg")
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
    assert "password" not in (tmp_path / "s.ini").read_text().lower()


def test_smoke_test_command_passes_offscreen(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-m", "billie_desktop", "--smoke-test",
                             "--settings", str(tmp_path / "s.ini")],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[smoke] passed" in result.stdout
    assert "field error under 'User account ID'" in result.stdout
