"""``billie-desktop`` starts here: the first window first.

The rule of this module, enforced by ``tests/test_architecture.py``
(``test_the_first_window_is_on_screen_before_anything_but_qt_is_imported``, through the
real entry point): until the first window is on screen, nothing but Qt's classes is
imported and no value of Qt's namespace is used (the first ``Qt.*`` builds all its enums:
the window sets enum properties by name instead). speedups.py says what each part of the
rule saves.

The sign-in window needs only Qt's classes. It is built and put on screen before
anything else is imported: asyncio and qasync, the log file's handler, the window icon,
the console itself (and, later, the client, pydantic and the keyring, which wait for a
sign-in or run in a worker thread). A start that may resume a remembered session shows
no sign-in window here: the console decides, once it has asked the keyring, whether the
customers come straight up."""

from __future__ import annotations

import argparse
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from billie_desktop.ui.clients import Clients
from billie_desktop.ui.launch import (
    after_first_window,
    bare_qapp,
    configure_logging,
    run_app,
)
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.theme import ThemeKeeper
from billie_desktop.ui.translators import install_translators

if TYPE_CHECKING:
    from billie_desktop.ui.app import ConsoleApp
    from billie_desktop.ui.errors import ErrorReporter

Driver = Callable[["ConsoleApp", "ErrorReporter"], Awaitable[int]]
ON_SCREEN_LIMIT = 0.2  # s: how long the first window may take to be exposed before the rest


def run_console(args: argparse.Namespace, driver: Driver | None = None) -> int:
    """``billie-desktop`` (parsed by ``billie_desktop.__main__``). ``driver`` replaces the
    user for scripted journeys; the console is built exactly as for a user."""
    configure_logging(args.log_level)  # (the log file once the window is up)
    qapp = bare_qapp()
    install_translators(qapp, args.locale)  # before any window is built
    settings = Settings(args.settings)
    keeper = ThemeKeeper(qapp)  # the application's one, handed to the console
    keeper.apply(settings.theme, check_scheme=False)  # before the first window paints
    clients = Clients()  # (nothing of the client is imported until one is made)
    first = None
    # A start that may resume a session may never need the sign-in window.
    if not settings.may_resume(args.server, sandbox=args.sandbox):
        from billie_desktop.ui.sign_in_window import SignInWindow

        first = SignInWindow(settings, clients)
        if args.server:
            first.choose_custom_server(args.server)
        if args.sandbox:
            first.sandbox_starting(icon=False)
        first.show()
        until_on_screen(qapp, first)
        if args.sandbox:
            first.banner.show_icon()  # a moment later, in the place kept for it
    keeper.check_scheme()  # (Qt's namespace, too, after the first window: see apply)
    if first is not None:
        after_first_window(qapp)  # the window icon and the log file
    from billie_desktop.ui.app import ConsoleApp
    from billie_desktop.ui.keyring_wait import probe_keyring_in_thread

    options = None
    if args.sandbox:
        from billie_desktop.sandbox.cli import options_from

        options = options_from(args, port=0)
        print("Starting the sandbox…", flush=True)
    console = ConsoleApp(settings, None, probe=probe_keyring_in_thread,
                         sandbox_options=options, server=args.server, keeper=keeper,
                         clients=clients, sign_in_window=first)
    if first is None:  # a resumed start: they wait for the window that shows the customers
        console.first_window_up.connect(lambda: after_first_window(qapp))

    async def main(reporter: ErrorReporter) -> int:
        if driver is not None:  # a scripted journey (tests): see devtools/drive.py
            return await driver(console, reporter)
        return await console.run(qapp)

    try:
        return run_app(qapp, main)
    finally:
        if console.sandbox is not None:
            console.sandbox.stop()
        from billie_desktop.ui.log_file import add_log_file

        add_log_file()  # (if it ended before its first window was painted: once, anyway)


def until_on_screen(qapp: QApplication, window: QWidget) -> None:
    """Lets Qt map, expose and paint the window before the imports that follow: this runs
    before the event loop exists, so processing events here re-enters nothing."""
    handle = window.windowHandle()
    deadline = time.monotonic() + ON_SCREEN_LIMIT
    qapp.processEvents()
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    qapp.processEvents()  # the paint that the exposure asked for
