"""A cheaper answer for PySide6's import hook.

After PySide6 is imported, every module imported (ours, httpx, pydantic, anyio: about 400)
passes through its hook, which asks whether the module's source mentions "PySide6" (to
switch ``__feature__`` options per module). It reads the source with ``inspect.getsource``:
tokenised, split into lines and kept in ``linecache`` for good. That cost ~13 % of the
console's import time and ~10 MB of memory here. The same question is answered by reading
the file's bytes once. PySide6 keeps the function in a private module
(``shibokensupport.feature._mod_uses_pyside``, PySide 6.4 to 6.11 at least): if it is not
there, nothing is changed."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import PySide6  # noqa: F401  (creates the hook's module; it is not initialised yet)

MARK = "_billie_reads_bytes"


def install() -> bool:
    """True once PySide6's hook answers through ``uses_pyside``."""
    feature = sys.modules.get("shibokensupport.feature")
    original: Any = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if getattr(original, MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))  # built-in, compiled-only or zipped modules

    setattr(uses_pyside, MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True
