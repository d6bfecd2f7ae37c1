"""When the app ends: once no window of it is left open (dialogs, menus and tooltips do
not count). Imported after the first window is on screen (see ui/start.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


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

    closed = asyncio.Event()
    watcher = _LastWindowWatcher(qapp, closed.set)
    qapp.installEventFilter(watcher)
    QTimer.singleShot(0, watcher._check)  # closed already, before this was watching
    try:
        await closed.wait()
    finally:
        qapp.removeEventFilter(watcher)
