"""File ▸ Export customers… for a main window: the save dialog (``open()``, never
``exec()``), then the export of exactly what the list shows. The main window hands it what
it needs as callbacks; it touches nothing else of it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from billie_desktop.api import Organisation, QueryCustomersRequest
from billie_desktop.ui.save_dialog import ask_where_to_save
from billie_desktop.ui.stopping import Work
from billie_desktop.ui.widgets import Translated
from billie_desktop.work.pace import CAP
from billie_desktop.work.paging import Send

if TYPE_CHECKING:
    from billie_desktop.ui.export_window import ExportDialog


class CustomerExport(Translated):
    def __init__(self, parent: QWidget, send: Send, *,
                 organisation: Callable[[], Organisation | None],
                 query: Callable[[], QueryCustomersRequest],
                 columns: Callable[[], list[str]], tell: Callable[[str], None],
                 max_in_flight: int = CAP,
                 by_key: Callable[[str], bool] = lambda _operation: True) -> None:
        """``organisation``: the one shown; ``query``: the list's query (its filter, search
        and sort); ``columns``: the column keys shown, in their order; ``tell``: a message
        for the status bar. ``max_in_flight``: requests at once at most (work/pace.py);
        ``by_key(operation)``: the server reads it by key (Session.reads_by_key)."""
        self.parent, self.send, self.max_in_flight = parent, send, max_in_flight
        self.by_key = by_key
        self.dialog: ExportDialog | None = None  # the export under way, or last made
        self.organisation, self.query, self.columns, self.tell = \
            organisation, query, columns, tell

    def default_path(self, suffix: str = ".csv") -> Path:
        """In Documents (the home folder where there is none: a missing folder would open
        the dialog in the working directory), named for the organisation and the day."""
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        if not folder.is_dir():
            folder = Path.home()
        org = self.organisation()
        name = re.sub(r"[^\w-]+", "-", org.name if org else "customers").strip("-").lower()
        return folder / f"customers-{name}-{dt.date.today().isoformat()}{suffix}"

    def ask_where(self) -> QFileDialog | None:
        """The save dialog; the export starts when a file is chosen."""
        if self.organisation() is None:
            return None
        return ask_where_to_save(self.parent, self.tr("Export customers"), self.default_path(),
                                 self.export_to, workbook=True)

    def export_to(self, path: Path) -> ExportDialog | None:
        from billie_desktop.ui.export_window import ExportDialog

        if self.organisation() is None:
            return None
        dialog = ExportDialog(self.parent, self.send, self.query(), self.columns(), path,
                              self.max_in_flight,
                              by_key=self.by_key(QueryCustomersRequest.operation_name()))
        dialog.exported.connect(lambda rows, name: self.tell(
            self.tr("Exported {0:,} customers to {1}.").format(rows, name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(lambda: self._gone(dialog))
        self.dialog = dialog
        dialog.show()  # (not open(): window-modal, it would block the main window's close)
        return dialog

    def _gone(self, dialog: ExportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def work(self) -> Work | None:
        """The export under way, if any: a close asks first."""
        dialog = self.dialog
        if dialog is None or not dialog.running:
            return None
        text = self.tr("An export is in progress ({0:,} of {1:,} rows written).").format(
            dialog.rows_done, dialog.rows_total) if dialog.rows_total else \
            self.tr("An export is in progress.")
        return Work(text, dialog.stop)
