"""Opening what the console wrote or keeps (an export, the log folder, the data folder)
with the desktop's own applications."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_path(path: Path) -> bool:
    """A file in the application the desktop opens it with (Excel, LibreOffice), or a
    folder in the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """The file's folder, the file selected where the platform allows (Windows Explorer);
    elsewhere the folder itself."""
    if sys.platform == "win32" and path.exists():
        subprocess.Popen(["explorer", "/select,", str(path)])
        return True
    return open_path(path.parent)
