"""File ▸ Export customers… from the main window: the save dialog (``open()``, never
``exec()``), then the export of exactly what the list shows (kept out of main_window.py)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from billie_desktop.ui.customer_fields import COLUMNS
from billie_desktop.ui.widgets import tr

if TYPE_CHECKING:
    from billie_desktop.ui.export_window import ExportDialog
    from billie_desktop.ui.main_window import MainWindow


def _t(text: str) -> str:
    return tr(text, "Export")


def default_path(main: MainWindow) -> Path:
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    org = main.current_organisation
    name = re.sub(r"[^\w-]+", "-", org.name if org else "customers").strip("-").lower()
    return Path(folder) / f"customers-{name}-{dt.date.today().isoformat()}.csv"


def ask_where(main: MainWindow) -> QFileDialog | None:
    """The save dialog; the export starts when a file is chosen."""
    if main.current_organisation is None:
        return None
    dialog = QFileDialog(main, _t("Export customers"), str(default_path(main)),
                         _t("CSV files (*.csv)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.fileSelected.connect(lambda name: export_to(main, Path(name)))
    dialog.open()
    return dialog


def visible_columns(main: MainWindow) -> list[str]:
    """The table's columns as shown: visible ones, in the order the user arranged them."""
    header = main.table.horizontalHeader()
    shown = [i for i in range(len(COLUMNS)) if not header.isSectionHidden(i)]
    return [COLUMNS[i].key for i in sorted(shown, key=header.visualIndex)]


def export_to(main: MainWindow, path: Path) -> ExportDialog | None:
    from billie_desktop.ui.export_window import ExportDialog

    if main.current_organisation is None:
        return None
    query = main.model.query(skip=0, take=500, with_total=True)
    dialog = ExportDialog(main, main.session.send, query, visible_columns(main), path)
    dialog.exported.connect(lambda rows, name: main.statusBar().showMessage(
        _t("Exported {0:,} customers to {1}.").format(rows, name), 20_000))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
