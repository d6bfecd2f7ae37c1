"""speedups.take_out_pyside_import_hook takes PySide6's import hook out of ``import`` (the
entry point does, first thing): imports work as before, Qt's classes still load on first
use, and nothing of ours needs ``__feature__``."""

from __future__ import annotations

import builtins
import linecache
import sys
from pathlib import Path

import billie_desktop
from billie_desktop.speedups import take_out_pyside_import_hook as install

install()  # as the entry point does


def test_import_no_longer_passes_through_the_hook():
    assert builtins.__import__.__name__ != "__feature_import__"
    assert builtins.__import__ is builtins.__orig_import__  # PySide6's lazy import stays
    assert install()  # again: nothing changes


def test_qt_classes_still_load_when_first_imported():
    from PySide6.QtWidgets import QCalendarWidget, QWidget

    assert QCalendarWidget.__name__ == "QCalendarWidget"
    assert hasattr(QWidget, "setWindowTitle")  # Qt's names, not snake_case
    assert not hasattr(QWidget, "set_window_title")


def test_new_modules_are_neither_read_nor_registered(tmp_path, monkeypatch):
    source = tmp_path / "billie_hook_probe.py"
    source.write_text("from PySide6.QtCore import QObject\nVALUE = QObject\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    module = __import__("billie_hook_probe")  # as an import statement does
    try:
        assert module.VALUE.__name__ == "QObject"
        assert str(source) not in linecache.cache
        feature_dict = sys.modules["shibokensupport.feature"].pyside_feature_dict
        assert "billie_hook_probe" not in feature_dict
    finally:
        del sys.modules["billie_hook_probe"]


def test_no_module_of_the_console_imports_feature():
    """``from __feature__ import …`` would no longer switch anything."""
    package = Path(billie_desktop.__file__).parent
    users = [path.relative_to(package) for path in package.rglob("*.py")
             if "__feature__" in path.read_text(encoding="utf-8")
             and path.name != "speedups.py"]
    assert users == []
