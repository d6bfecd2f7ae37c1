"""The version is written once, in ``billie_desktop/__init__.py``; the build reads it from
there (pyproject.toml), and the console never reads package metadata at run time."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import billie_desktop


def test_the_installed_metadata_carries_the_version_written_in_the_package():
    assert billie_desktop.__version__ == importlib.metadata.version("billie-desktop")


def test_billie_desktop_version_prints_it():
    billie = Path(sys.executable).with_name("billie-desktop")
    out = subprocess.run([str(billie), "--version"], capture_output=True, text=True,
                         check=True, timeout=30).stdout
    assert out.strip() == f"billie-desktop {billie_desktop.__version__}"
