"""Where to save an export: Qt's save dialog, opened with ``open()`` (never ``exec()``,
which would re-enter the event loop inside a coroutine), the chosen file handed on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_where_to_save(parent: QWidget, title: str, suggested: Path,
                      chosen: Callable[[Path], object]) -> QFileDialog:
    """A CSV file's save dialog, suggesting ``suggested``; ``chosen`` gets the file."""
    dialog = QFileDialog(parent, title, str(suggested),
                         QCoreApplication.translate("Export", "CSV files (*.csv)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog
