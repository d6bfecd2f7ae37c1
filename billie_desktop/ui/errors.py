"""Unexpected exceptions (in slots and tasks) are logged and shown in a non-modal dialog;
they never kill the app."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any

from billie_desktop.speedups import set_qt_enum
from billie_desktop.ui.widgets import Translated, plain_message_box

if TYPE_CHECKING:  # imported when used: the first window is shown before these load
    import asyncio

    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("billie_desktop")


class ErrorReporter(Translated):
    def __init__(self) -> None:
        self.shown: list[QMessageBox] = []
        self.count = 0

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        sys.excepthook = self.excepthook
        loop.set_exception_handler(self.loop_handler)

    def excepthook(self, kind: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
        self.report(value, tb)

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        from asyncio import CancelledError

        exc = context.get("exception")
        if isinstance(exc, CancelledError):
            return
        if exc is None:
            log.warning("event loop: %s", context.get("message"))
            return
        self.report(exc, exc.__traceback__)

    def report(self, exc: BaseException, tb: TracebackType | None) -> None:
        self.count += 1
        log.error("unexpected error: %s", "".join(
            traceback.format_exception(type(exc), exc, tb)))
        from PySide6.QtWidgets import QMessageBox

        box = plain_message_box(
            QMessageBox.Icon.Critical, self.tr("Something went wrong"),
            self.tr("Billie Desktop hit an unexpected problem and carried on. What you "
                    "were doing may not have finished; please check and try again."))
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
        set_qt_enum(box, "windowModality", "NonModal")  # QMessageBox is modal by default
        box.finished.connect(lambda _: self.shown.remove(box) if box in self.shown else None)
        self.shown.append(box)
        box.show()  # non-modal: the rest of the app keeps working
