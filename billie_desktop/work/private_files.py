"""Files that may hold anything about the user (the log, the settings) are readable by
the user alone: the file 0600, its folder 0700."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if os.name == "posix":
        os.chmod(folder, FOLDER_MODE)
    return folder


def private_file(path: Path) -> Path:
    """Creates ``path`` (and its folder) for the user alone; tightens them if they exist."""
    private_folder(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, FILE_MODE)
    return path
