"""Where to save an export: Qt's save dialog, opened with ``open()`` (never ``exec()``,
which would re-enter the event loop inside a coroutine), the chosen file handed on.
CSV, or for the customers an Excel workbook too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from billie_desktop.work.text import QT_TRANSLATE_NOOP

CSV_FILTER = QT_TRANSLATE_NOOP("Export", "CSV files (*.csv)")
XLSX_FILTER = QT_TRANSLATE_NOOP("Export", "Excel workbooks (*.xlsx)")


def ask_where_to_save(parent: QWidget, title: str, suggested: Path,
                      chosen: Callable[[Path], object], *, workbook: bool = False
                      ) -> QFileDialog:
    """A CSV file's save dialog, suggesting ``suggested``; ``chosen`` gets the file.
    ``workbook``: an Excel workbook may be chosen instead (its filter sets the suffix)."""
    filters = [QCoreApplication.translate("Export", CSV_FILTER)]
    if workbook:
        filters.append(QCoreApplication.translate("Export", XLSX_FILTER))
    dialog = QFileDialog(parent, title, str(suggested), ";;".join(filters))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suggested.suffix.lstrip(".") or "csv")
    if suggested.suffix.lower() == ".xlsx" and workbook:
        dialog.selectNameFilter(filters[1])
    dialog.filterSelected.connect(lambda chosen_filter: _follow(
        dialog, "xlsx" if workbook and chosen_filter == filters[1] else "csv"))
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog


def _follow(dialog: QFileDialog, suffix: str) -> None:
    """The suffix follows the type chosen, in the default suffix and the name typed."""
    dialog.setDefaultSuffix(suffix)
    typed = [name for name in dialog.selectedFiles() if name]
    if typed:
        dialog.selectFile(str(Path(typed[0]).with_suffix("." + suffix).name))
