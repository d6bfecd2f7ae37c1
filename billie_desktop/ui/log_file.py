"""The console's log file: rotating, and the user's alone (0600 files in a 0700 folder).
Its own module because ``logging.handlers`` is not needed before the first window."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from billie_desktop.ui.early_log import EarlyRecords
from billie_desktop.work.private_files import private_file, private_folder


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every file it opens, the rotated ones included, is the user's alone."""

    def _open(self):  # type: ignore[no-untyped-def]
        private_file(Path(self.baseFilename))
        return super()._open()


def add_log_file() -> None:
    """The rotating log file in the user's log folder, beside stderr (once); it begins
    with what was logged before it joined (``EarlyRecords``)."""
    import platformdirs

    root = logging.getLogger()
    early = [h for h in root.handlers if isinstance(h, EarlyRecords)]
    for handler in early:
        root.removeHandler(handler)
    if any(isinstance(h, PrivateRotatingFileHandler) for h in root.handlers):
        return
    try:
        folder = private_folder(platformdirs.user_log_path("billie-desktop", appauthor=False))
        file = PrivateRotatingFileHandler(
            folder / "billie-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    file.setFormatter(root.handlers[0].formatter if root.handlers else None)
    for record in (r for handler in early for r in handler.records):
        file.handle(record)
    root.addHandler(file)
