"""``billie-desktop --drive billie_desktop.devtools.first_paint:painted``: for the start-up
benchmark (devtools/startup.py). With a remembered session the console comes straight up
with the customers; this prints the moment (``time.perf_counter``, the system's monotonic
clock, which the benchmark's own clock shares) the customers table is first painted with
real rows, then closes the window so that the console ends."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

if TYPE_CHECKING:
    from billie_desktop.ui.app import ConsoleApp
    from billie_desktop.ui.main_window import MainWindow


class _FirstRealPaint(QObject):
    """Notes the first paint of the table's viewport with a real customer in row 0 (the
    filter sees the paint event just before the table paints it)."""

    def __init__(self, main: MainWindow, painted: asyncio.Event) -> None:
        super().__init__()
        self.main, self.painted = main, painted
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint \
                and self.main.model.rowCount() > 0 and self.main.model.customer_at(0):
            self.at = time.perf_counter()
            self.painted.set()
        return False


async def painted(console: ConsoleApp) -> None:
    """Watches the main window from the moment it is made (ConsoleApp.main_opened, before
    it is shown), so nothing here polls the event loop while the console starts: a 1 ms
    poll had cost the start it measures ~15 ms."""
    done = asyncio.Event()
    watchers: list[_FirstRealPaint] = []

    def watch(main: MainWindow) -> None:
        watchers.append(_FirstRealPaint(main, done))
        main.table.viewport().installEventFilter(watchers[-1])

    console.main_opened.connect(watch)
    if console.main_window is not None:  # (made before this journey began)
        watch(console.main_window)
    await asyncio.wait_for(done.wait(), 30)
    assert console.sign_in_window is None, "the session was not resumed"
    paints = watchers[-1]
    print(f"[first-paint] {paints.at:.6f}", flush=True)
    paints.main.table.viewport().removeEventFilter(paints)
    paints.main.close()
