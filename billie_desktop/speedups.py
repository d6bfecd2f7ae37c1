"""The console's speed tricks, in one place. Each makes a start or a long job the user waits
for faster at some cost to plain reading; each says here what it does and what it saved
when it was measured (``make bench``, A/B). ``BILLIE_NO_SPEEDUPS=1`` switches them all off,
to debug (or measure) without them.

Together, the start-up tricks (``make bench --startup-only``, two rounds each way, medians
of 11 launches): a remembered start paints its customers in 306 and 312 ms with them, 391
and 399 ms without (BILLIE_NO_SPEEDUPS=1): -86 ms, 4.4x the bare window down to 3.4x; the
sign-in window comes up in 107 ms, 113-115 ms without.

The entry point (``billie_desktop.__main__``) calls ``at_start`` before anything else is
imported; the first window sets Qt's enum properties with ``set_qt_enum``; Remember me finds
its keyring with ``platform_keyring`` (api/tokens.py); Link by email's loader holds the
collector with ``collector_held``. Only the standard library is imported at the top of this
module (any layer may use it: tests/test_architecture.py); each trick imports what it
changes."""

from __future__ import annotations

import builtins
import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from typing import Any

ENABLED = os.environ.get("BILLIE_NO_SPEEDUPS", "").strip() in ("", "0")


def at_start() -> None:
    """Before anything else: the start-up tricks below."""
    if not ENABLED:
        build_qt_namespace()  # at once, as plain Qt code would: see set_qt_enum
        return
    gc.disable()  # until start-up settles (ui/warm_up.settle turns it back on)
    skip_httpx_cli()
    take_out_pyside_import_hook()


# The cyclic garbage collector, held during start-up: start-up makes ~90,000 long-lived
# objects and almost no garbage (about 1,000 unreachable objects, measured), yet the
# collector walked them 140 times, one of them a full collection: 30–35 ms of a remembered
# start. ui/warm_up.settle freezes what start-up made (a full collection then walks only
# what came later: one took 66 ms at 100,000 customers, a dropped frame mid-scroll) and
# turns the collector back on; ui/app.GC_FALLBACK turns it on should a start never settle.


def skip_httpx_cli() -> None:
    """httpx's ``__init__`` imports its command-line tool (``httpx._main``), which imports
    click (and rich and pygments when present): ~50 ms here, for a tool the client never
    runs. A None entry makes that import fail as if click were missing; httpx carries on."""
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def take_out_pyside_import_hook() -> bool:
    """PySide6's import hook, out of ``import`` (True once it is).

    Importing PySide6 replaces Python's ``__import__`` with its own (``__feature_import__``)
    for one purpose: ``from __feature__ import snake_case, true_property``. Every import
    statement after that then first ran a Python function that reads the caller's frame,
    and every new module (~400) was asked whether its source mentions "PySide6", which
    PySide6 answers by reading and keeping that source in ``linecache`` (~10 MB). The
    console never imports ``__feature__`` (tests/ui/test_pyside_hook.py checks), so the
    hook only cost time: ~14 ms of a remembered start (A/B of 11 rounds). The function it
    wraps (``__orig_import__``: Python's, or PySide6's own lazy class loader, which stays)
    is put back; on a PySide6 without ``__orig_import__`` nothing changes."""
    import PySide6  # noqa: F401  (installs the hook, if it was not yet)

    current = builtins.__import__
    if getattr(current, "__name__", "") != "__feature_import__":
        return True  # not installed (PyPy), or taken out already
    original = getattr(builtins, "__orig_import__", None)
    if original is None:
        return False
    builtins.__import__ = original
    return True


# The first window first (ui/start.py). Until the sign-in window is on screen nothing is
# imported or built that it does not show; what waits, and what each saved that window
# (make bench, spawn to the sign-in window visible, two rounds each way, medians of 11):
# - asyncio, qasync and the console itself (ui/app.py): ~40 ms of imports (-X importtime);
# - Qt's namespace: 12 ms (set_qt_enum, below);
# - the modules the window's widgets need only later (html, QStyle, QMessageBox, QEvent,
#   imported where used in ui/widgets.py): 4-8 ms;
# - the --sandbox banner's icon, drawn a moment later (ui/widgets.Banner.show_icon): 8-10 ms
#   of the --sandbox start;
# - the windows' icon, an SVG (ui/launch.set_app_icon, after the first window): 2-5 ms.
# Together ~30 ms of a 105-110 ms window. tests/test_architecture.py fails if any of them
# is imported before the window is shown. (The search's clear button, once also put off,
# saved nothing measurable and is set up with the search bar.)


def set_qt_enum(obj: Any, name: str, value: str) -> None:
    """Sets the enum property ``name`` of a QObject to the value Qt's documentation calls
    ``value``: ``set_qt_enum(label, "textFormat", "PlainText")`` is
    ``label.setTextFormat(Qt.TextFormat.PlainText)``, without ``Qt``.

    The first use of any value of Qt's namespace (``Qt.*``) makes PySide build the whole
    of it, 93 Python enums. The first window (the sign-in window, ui/start.py) is built and
    shown without: 105-107 ms to the sign-in window, 118 ms with the namespace built just
    before it (two rounds each way, medians of 11). So until the first window is on
    screen no ``Qt.*`` value is used, only this, and the System theme checks its palette
    once the window is up (ui/theme.py). ``tests/test_architecture.py``
    (``test_the_first_window_is_on_screen_before_anything_but_qt_is_imported``) starts the
    console through its entry point and fails if the namespace was built before the window
    was shown. With the speedups off, ``at_start`` builds it first thing."""
    if not obj.setProperty(name, value):
        raise ValueError(f"{type(obj).__name__} has no property {name} taking {value!r}")


def build_qt_namespace() -> None:
    from PySide6.QtCore import Qt

    Qt.AlignmentFlag  # noqa: B018  (the first value asked for builds them all)


def platform_keyring() -> Any:
    """The platform's own keyring (the Secret Service, the macOS Keychain, the Windows
    Credential Locker) when it answers and nothing else decides; None otherwise, and then
    ``keyring.get_keyring()`` chooses, as it always would.

    keyring's own choice searches through every backend it knows, importing each (the
    macOS one too): 85 ms here (three fresh processes), against 9 ms to import and ask the
    platform's one, on the way to a remembered session. keyring decides, as usual, when its
    configuration names a backend (``PYTHON_KEYRING_BACKEND``, which the tests and the
    start-up benchmark set, or a ``keyringrc.cfg``) or in a KDE session (it prefers
    KWallet)."""
    if not ENABLED:
        return None
    from keyring.util import platform_

    if ("PYTHON_KEYRING_BACKEND" in os.environ
            or (platform_.config_root() / "keyringrc.cfg").exists()
            or "KDE" in os.environ.get("XDG_CURRENT_DESKTOP", "").upper()):
        return None
    try:
        if sys.platform == "darwin":
            from keyring.backends.macOS import Keyring
        elif sys.platform == "win32":
            from keyring.backends.Windows import WinVaultKeyring as Keyring
        else:
            from keyring.backends.SecretService import Keyring
        return Keyring() if float(Keyring.priority) > 0 else None  # type: ignore[no-untyped-call]
    except Exception:  # not installed, no D-Bus session, no service: keyring searches
        return None


@contextlib.contextmanager
def collector_held() -> Iterator[None]:
    """The collector off while a long job makes many lasting objects (Link by email keeps
    tens of thousands of accounts and customers): its collections would walk them all, again
    and again, on the event loop's thread (stalls of tens of ms, devtools/bulk_bench.py).
    Afterwards what was made is frozen out of later collections, then the collector runs."""
    if not ENABLED:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # (before enabling: else the first collection walks all of them)
        gc.enable()
