"""The progress of File ▸ Export customers… (work/export.py does the work): rows, rate,
time left and Cancel, in a small window that does not block the list; once written, Open
file and Show in folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from billie_desktop.api import BillieError, QueryCustomersRequest
from billie_desktop.ui.opening import open_path, show_in_folder
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import Banner, LiveLabel, PlainLabel
from billie_desktop.work.export import ExportProgress, export_customers
from billie_desktop.work.pace import CAP
from billie_desktop.work.paging import Send


class ExportDialog(QDialog):
    exported = Signal(int, str)  # rows written, and the file

    def __init__(self, parent: QWidget, send: Send, query: QueryCustomersRequest,
                 column_keys: list[str], path: Path, max_in_flight: int = CAP, *,
                 by_key: bool = True) -> None:
        """``max_in_flight``: requests at once at most (work/pace.py); ``by_key``: read
        by key, else by skip (work/export.py)."""
        super().__init__(parent)
        self.max_in_flight, self.by_key = max_in_flight, by_key
        self.setWindowTitle(self.tr("Exporting customers"))
        self.setModal(False)
        self.path = path
        self.rows = 0
        self.rows_done = self.rows_total = 0  # as the progress last said
        self.outcome = ""  # "exported", "cancelled" or "failed", once it has ended
        self.closed = False  # by Escape or its close button: Qt may delete it at once
        self.tasks = Tasks()
        self.banner = Banner()
        self.file_label = PlainLabel(self.tr("To {0}").format(path))
        self.file_label.setWordWrap(True)
        self.status = LiveLabel(self.tr("Starting…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Rows exported"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton(self.tr("&Open file"))
        self.open_button.clicked.connect(lambda: open_path(self.path))
        self.folder_button = QPushButton(self.tr("Show in &folder"))
        self.folder_button.clicked.connect(lambda: show_in_folder(self.path))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_button, self.folder_button):
            button.hide()  # once the file is there
            buttons.addWidget(button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for widget in (self.banner, self.file_label, self.progress, self.status):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.resize(520, self.sizeHint().height())
        self.tasks.run("export", self._export(send, query, column_keys))

    async def _export(self, send: Send, query: QueryCustomersRequest,
                      column_keys: list[str]) -> None:
        try:
            self.rows = await export_customers(send, query, column_keys, self.path,
                                               self._progress, self.max_in_flight,
                                               by_key=self.by_key)
        except asyncio.CancelledError:
            self._ended("cancelled", self.tr("Cancelled: no file was written."))
            raise
        except BillieError as exc:
            self._ended("failed", self.tr("The export stopped: {0} No file was written.").format(
                exc.message), error=True)
            return
        except OSError as exc:  # the disk: full, read-only, gone
            self._ended("failed", self.tr("Could not write the file: {0}. No file was "
                                          "written.").format(exc.strerror or exc), error=True)
            return
        self._ended("exported", self.tr("Exported {0:,} customers.").format(self.rows))
        self.exported.emit(self.rows, str(self.path))
        if not self.closed:  # what people do next: open it, or find it
            self.open_button.show()
            self.folder_button.show()
            self.open_button.setDefault(True)
            self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _progress(self, progress: ExportProgress) -> None:
        self.rows_done, self.rows_total = progress.rows_done, progress.rows
        self.progress.setRange(0, max(1, progress.rows))
        self.progress.setValue(progress.rows_done)
        if progress.writing:
            self.status.setText(self.tr("All {0:,} rows read · writing the file…").format(
                progress.rows_done))
            return
        text = self.tr("{0:,} of {1:,} rows · {4:,} pages on their way · {2:,.0f} rows/s · "
                       "about {3:,.0f} s left").format(
            progress.rows_done, progress.rows, progress.rate, progress.seconds_left,
            progress.in_flight)
        slowed = progress.pace.why(QCoreApplication.translate) if progress.pace else ""
        if slowed:
            text += " · " + self.tr("slowed: {0}").format(slowed)
        self.status.setText(text)

    def _ended(self, outcome: str, text: str, *, error: bool = False) -> None:
        self.outcome = outcome
        if self.closed:
            return  # nobody to tell: its widgets may be gone already
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if outcome == "exported" else 0)
        if error:
            self.banner.show_message(text, kind="error")
        self.status.setText(text)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        if self.tasks.running("export"):
            self.tasks.cancel("export")
        else:
            self.reject()

    def reject(self) -> None:
        """Escape or the window's close: cancels an export still running, whose ending
        then updates nothing (the window is deleted once closed: ui/export_entry.py)."""
        self.closed = True
        self.tasks.cancel_all()
        super().reject()

    @property
    def running(self) -> bool:
        return self.tasks.running("export")

    async def stop(self) -> None:
        """Cancels the export (no file is left) and closes; returns once it has ended."""
        self.reject()
        await self.tasks.wait_idle()

    async def wait(self) -> None:
        """For tests: until the export has ended."""
        await self.tasks.wait_idle()
