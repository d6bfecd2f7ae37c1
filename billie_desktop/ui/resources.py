"""One way to reach files in ``resources/``, in a checkout and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {'/'.join(parts)}")
    return path


def translations_dir() -> Path:
    """The compiled translations (``make translations``): in the package, in a checkout
    and in the wheel; beside it in a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "billie_desktop" / "translations"
    return Path(__file__).resolve().parents[1] / "translations"


def app_icon_path() -> Path:
    return resource_path("icons", "billie-desktop.svg")
