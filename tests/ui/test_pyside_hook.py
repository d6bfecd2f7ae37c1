"""ui/pyside_hook.py answers PySide6's question the way PySide6 does, without keeping
every imported module's source in memory."""

from __future__ import annotations

import linecache
import sys

import billie_desktop.api.errors
import billie_desktop.ui.widgets
from billie_desktop.ui.pyside_hook import MARK, install


def test_the_hook_is_installed_with_the_ui_package():
    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, MARK, False)
    assert install()  # again: nothing changes


def test_it_gives_the_same_answers_as_pyside6():
    uses = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert uses(billie_desktop.ui.widgets) is True
    assert uses(billie_desktop.api.errors) is False
    assert uses(sys) is False  # built in: no file; PySide6's own answer


def test_answering_keeps_no_source():
    uses = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    linecache.clearcache()
    uses(billie_desktop.ui.widgets)
    assert billie_desktop.ui.widgets.__file__ not in linecache.cache
