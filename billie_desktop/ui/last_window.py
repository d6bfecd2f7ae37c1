"""When the app ends: once no window of it is left open (dialogs, menus and tooltips do
not count). Imported after the first window is on screen (see ui/start.py).

The console's windows (sign-in and main windows; the side windows are the main window's
children) are watched one by one, and Qt's ``lastWindowClosed`` catches the rest. An
application-wide event filter did the same job but cost the whole start-up ~30 ms: every
event of every object went through Python, and the first events of Qt's internal objects
(QWidgetWindow, a combo box's popup…) made PySide look for their Python types by building
all of QtCore's, QtGui's and QtWidgets' classes, and their 130 enums, at once."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class _LastWindowWatcher(QObject):
    """Notices when no window of the app is left open (dialogs, menus and tooltips do not
    count). Qt quits by itself only at once, which would stop the event loop under the
    coroutines still cleaning up; and its ``lastWindowClosed`` waits for a dialog left
    open too."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting: list[Callable[[], None]] = []
        self.windows: weakref.WeakSet[QWidget] = weakref.WeakSet()

    def watch(self, window: QWidget) -> None:
        if window not in self.windows:
            self.windows.add(window)
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self.check)  # once the close has taken effect
        return False

    def check(self) -> None:
        qapp = QApplication.instance()
        if not self.waiting or not isinstance(qapp, QApplication):
            return
        if not any(w.isVisible() and w.windowType() == Qt.WindowType.Window
                   and not isinstance(w, QDialog) for w in qapp.topLevelWidgets()):
            for done in self.waiting:
                done()
            self.waiting.clear()


def _the_watcher() -> _LastWindowWatcher:
    """The application's one watcher: a child of it, found there, made with it the first
    time (as the theme keeper is)."""
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        raise RuntimeError("no QApplication to watch the windows of")
    watcher = qapp.findChild(_LastWindowWatcher,
                             options=Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(watcher, _LastWindowWatcher):
        return watcher
    watcher = _LastWindowWatcher()
    watcher.setParent(qapp)
    qapp.lastWindowClosed.connect(watcher.check)
    return watcher


def watch_window(window: QWidget) -> None:
    """Closing ``window`` (a top-level window of the console) may end the app."""
    _the_watcher().watch(window)


async def until_last_window_closed(qapp: QApplication) -> None:
    closed = asyncio.Event()
    watcher = _the_watcher()
    watcher.waiting.append(closed.set)
    QTimer.singleShot(0, watcher.check)  # closed already, before this was watching
    try:
        await closed.wait()
    finally:
        if closed.set in watcher.waiting:
            watcher.waiting.remove(closed.set)
