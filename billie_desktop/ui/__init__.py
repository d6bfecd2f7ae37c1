"""Everything Qt lives here; the api and sandbox packages never import it.

Importing the package takes PySide6's import hook out of ``import`` (ui/pyside_hook.py)
before any Qt module or any module after them is imported."""

from billie_desktop.ui.pyside_hook import install

install()
