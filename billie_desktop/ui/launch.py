"""Starting Qt for the console (and the developer tools): logging, the QApplication, and
one qasync event loop that runs the whole app in a single ``run_until_complete``.

The console shows its first window before asyncio, qasync and the log file's handler are
imported and the window icon is loaded (together they cost more than the window): so
this module imports them where they are used, and ``after_first_window`` does what can
wait."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from billie_desktop import __version__
from billie_desktop.ui.early_log import EarlyRecords
from billie_desktop.ui.errors import ErrorReporter
from billie_desktop.ui.resources import app_icon_path


def _qt_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log, not to the terminal."""
    if "propagateSizeHints" in message:  # the offscreen platform's harmless chatter
        return
    level = logging.DEBUG if mode == QtMsgType.QtDebugMsg else logging.WARNING
    logging.getLogger("qt").log(level, "%s", message)


def configure_logging(level: str) -> None:
    """Logging to stderr; the private log file joins once the first window is up
    (``after_first_window``), and writes what was logged until then."""
    logging.basicConfig(level=level.upper(), handlers=[logging.StreamHandler(), EarlyRecords()],
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    qInstallMessageHandler(_qt_messages)


def after_first_window(qapp: QApplication) -> None:
    """What waited for the first window: its icon and the log file (which then writes
    what was logged before it)."""
    set_app_icon(qapp)
    from billie_desktop.ui.log_file import add_log_file

    add_log_file()


def set_app_icon(qapp: QApplication) -> None:
    """The windows' icon (an SVG: loading it brings in Qt's SVG plugin, so the console's
    first window is shown before it: see speedups.py). No window sets its own: Qt gives them all
    the application's, those already on screen too."""
    from PySide6.QtGui import QIcon  # (its 150-name ThemeIcon enum, too, waits)

    qapp.setWindowIcon(QIcon(str(app_icon_path())))


def bare_qapp() -> QApplication:
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qapp.setApplicationName("Billie Desktop")
    qapp.setOrganizationName("Billie")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName("billie-desktop")
    # The app decides when to stop (after the last window closes, once it has cleaned
    # up), so that Qt never stops the event loop under a coroutine that is still running.
    qapp.setQuitOnLastWindowClosed(False)
    return qapp


def run_app(qapp: QApplication,
            main: Callable[[ErrorReporter], Coroutine[Any, Any, int]]) -> int:
    """Runs ``main(reporter)`` to completion on one qasync loop: every task the app starts
    runs inside that one run, so none is ever stepped while the loop is not running."""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    reporter = ErrorReporter()
    reporter.install(loop)
    with loop:
        result: int = loop.run_until_complete(main(reporter))
    return result
