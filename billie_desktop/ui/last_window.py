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


class LastWindowWatcher(QObject):
    """Notices when no window of the app is left open (dialogs, menus and tooltips do not
    count). Qt quits by itself only at once, which would stop the event loop under the
    coroutines still cleaning up; and its ``lastWindowClosed`` waits for a dialog left
    open too. The console (ui/app.py) makes one, a child of its application."""

    def __init__(self, qapp: QApplication) -> None:
        super().__init__(qapp)
        self.waiting: list[Callable[[], None]] = []
        self.windows: weakref.WeakSet[QWidget] = weakref.WeakSet()
        qapp.lastWindowClosed.connect(self.check)

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

    async def until_last_closed(self) -> None:
        """Returns once no window of the app is left open."""
        closed = asyncio.Event()
        self.waiting.append(closed.set)
        QTimer.singleShot(0, self.check)  # closed already, before this was watching
        try:
            await closed.wait()
        finally:
            if closed.set in self.waiting:
                self.waiting.remove(closed.set)
