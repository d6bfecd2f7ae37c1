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

from billie_desktop.ui.tasks import wait_for

if TYPE_CHECKING:
    from billie_desktop.ui.app import ConsoleApp
    from billie_desktop.ui.main_window import MainWindow


class _FirstRealPaint(QObject):
    """Notes the first paint of the table's viewport with a real customer in row 0 (the
    filter sees the paint event just before the table paints it)."""

    def __init__(self, main: MainWindow) -> None:
        super().__init__()
        self.main = main
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint \
                and self.main.model.rowCount() > 0 and self.main.model.customer_at(0):
            self.at = time.perf_counter()
        return False


async def painted(console: ConsoleApp) -> None:
    started = time.perf_counter()
    while console.main_window is None:  # polled finely: the table must be watched before
        if time.perf_counter() - started > 30:  # its organisations and first page come
            raise TimeoutError("no main window")
        await asyncio.sleep(0.001)
    main = console.main_window
    assert console.sign_in_window is None, "the session was not resumed"
    paints = _FirstRealPaint(main)
    main.table.viewport().installEventFilter(paints)
    at = await wait_for(lambda: paints.at, limit=30)
    print(f"[first-paint] {at:.6f}", flush=True)
    main.table.viewport().removeEventFilter(paints)
    main.close()
