"""Starting Qt for the console (and the developer tools): logging, the QApplication, and
one qasync event loop that runs the whole app in a single ``run_until_complete``.

The console shows its first window before asyncio, qasync, the log file's handler and the
package metadata are imported (together they cost more than the window): so this module
imports them where they are used, and ``after_first_window`` does what can wait."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from billie_desktop.ui.errors import ErrorReporter
from billie_desktop.ui.resources import app_icon_path


def _qt_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log, not to the terminal."""
    if "propagateSizeHints" in message:  # the offscreen platform's harmless chatter
        return
    level = logging.DEBUG if mode == QtMsgType.QtDebugMsg else logging.WARNING
    logging.getLogger("qt").log(level, "%s", message)


def configure_logging(level: str, *, log_file: bool = True) -> None:
    """Logging to stderr, and (now, or later with ``add_log_file``) to the private log."""
    logging.basicConfig(level=level.upper(), handlers=[logging.StreamHandler()],
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    qInstallMessageHandler(_qt_messages)
    if log_file:
        from billie_desktop.ui.log_file import add_log_file

        add_log_file()


def after_first_window(qapp: QApplication) -> None:
    """What waited for the first window: the version Qt reports, and the log file."""
    from billie_desktop import __version__
    from billie_desktop.ui.log_file import add_log_file

    qapp.setApplicationVersion(__version__)
    add_log_file()


def make_qapp() -> tuple[QApplication, QIcon]:
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qapp.setApplicationName("Billie Desktop")
    qapp.setOrganizationName("Billie")
    qapp.setDesktopFileName("billie-desktop")
    # The app decides when to stop (after the last window closes, once it has cleaned
    # up), so that Qt never stops the event loop under a coroutine that is still running.
    qapp.setQuitOnLastWindowClosed(False)
    icon = QIcon(str(app_icon_path()))
    qapp.setWindowIcon(icon)
    return qapp, icon


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


class _LastWindowWatcher(QObject):
    """Notices when no window of the app is left open (dialogs, menus and tooltips do not
    count). Qt says so itself only when it may also quit at once, which would stop the
    event loop under the coroutines still cleaning up."""

    def __init__(self, qapp: QApplication, done: Callable[[], None]) -> None:
        super().__init__()
        self.qapp, self.done = qapp, done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, QWidget) \
                and watched.isWindow():
            QTimer.singleShot(0, self._check)  # once the close has taken effect
        return False

    def _check(self) -> None:
        if not any(w.isVisible() and w.windowType() == Qt.WindowType.Window
                   and not isinstance(w, QDialog) for w in self.qapp.topLevelWidgets()):
            self.done()


async def until_last_window_closed(qapp: QApplication) -> None:
    import asyncio

    closed = asyncio.Event()
    watcher = _LastWindowWatcher(qapp, closed.set)
    qapp.installEventFilter(watcher)
    QTimer.singleShot(0, watcher._check)  # closed already, before this was watching
    try:
        await closed.wait()
    finally:
        qapp.removeEventFilter(watcher)
