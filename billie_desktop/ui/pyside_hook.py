"""PySide6's import hook, taken out of the way.

Importing PySide6 replaces Python's ``__import__`` with its own (``__feature_import__``),
for one purpose: ``from __feature__ import snake_case, true_property``, switches that
change Qt's names per module. Every ``import`` statement after that (ours, httpx's,
pydantic's: thousands before the customers are up) first runs a Python function that
reads the caller's frame, and every new module (about 400) is asked whether its source
mentions "PySide6", which PySide6 answers by reading, tokenising and keeping that source
in ``linecache`` (~10 MB here).

The console never imports ``__feature__`` (tests/ui/test_pyside_hook.py checks every
module of the package), so the hook only cost time: ~14 ms of a remembered start (A/B of
11 rounds), on top of the source reading that an earlier version of this module made
cheaper (~13 % of the imports). ``install`` gives the import statement back the function
the hook wraps (``__orig_import__``: Python's, or PySide6's own ``__lazy_import__``, which
loads Qt's classes on first use, and stays). Qt's names are then the same in every
module, as they are without ``__feature__``. On a PySide6 without ``__orig_import__``
nothing is changed."""

from __future__ import annotations

import builtins

import PySide6  # noqa: F401  (installs the hook)


def install() -> bool:
    """True once ``import`` no longer passes through PySide6's feature hook."""
    current = builtins.__import__
    if getattr(current, "__name__", "") != "__feature_import__":
        return True  # not installed (PyPy), or taken out already
    original = getattr(builtins, "__orig_import__", None)
    if original is None:
        return False
    builtins.__import__ = original
    return True
