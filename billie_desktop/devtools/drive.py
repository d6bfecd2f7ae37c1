"""``billie-desktop --drive MODULE:FUNCTION``: the console starts exactly as a user starts
it (keyring probe, settings, server), and ``FUNCTION(console)`` acts as the user would:
it fills in windows, clicks, waits, and returns when it is done. Tests of whole journeys
(first sign-in, a remembered session after a restart, a link) run the real entry point
in a subprocess this way. Exit code 0 only when the journey passed and nothing reached
the "unexpected problem" dialog."""

from __future__ import annotations

import asyncio
import importlib
import traceback
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from billie_desktop.ui.errors import ErrorReporter

if TYPE_CHECKING:
    from billie_desktop.ui.app import ConsoleApp

Journey = Callable[["ConsoleApp"], Awaitable[None]]


def message_box() -> QMessageBox | None:
    """The question on screen, if any (for a journey, the smoke test or a bench to answer
    as a user would)."""
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()), None)


def load(spec: str) -> Journey:
    module, _, name = spec.partition(":")
    journey: Journey = getattr(importlib.import_module(module), name)
    return journey


def driver(spec: str) -> Callable[[ConsoleApp, ErrorReporter], Awaitable[int]]:
    journey = load(spec)

    async def drive(console: ConsoleApp, reporter: ErrorReporter) -> int:
        return await _drive(console, reporter, journey)

    return drive


async def _drive(console: ConsoleApp, reporter: ErrorReporter, journey: Journey) -> int:
    """The console runs exactly as for a user (``console.run``); the journey acts beside
    it and ends by closing the last window, after which the console must end itself."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    running = asyncio.ensure_future(console.run(qapp))
    ok = False
    try:
        await journey(console)
        await asyncio.wait_for(asyncio.shield(running), 15)  # it ends when the window does
        ok = True
    except Exception:
        print("[drive] FAILED\n" + traceback.format_exc(), flush=True)
    finally:
        if not running.done():
            print("[drive] the console did not end when its last window closed", flush=True)
            running.cancel()
        await console.close()
    if reporter.count:
        print(f"[drive] {reporter.count} unexpected problem(s) reported", flush=True)
    print(f"[drive] {'passed' if ok and not reporter.count else 'failed'}", flush=True)
    return 0 if ok and reporter.count == 0 else 1
