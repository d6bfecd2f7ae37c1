"""The composition root: builds settings, the token store, the sandbox, clients and
windows, and passes each its collaborators. No globals."""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from billie_desktop import __version__
from billie_desktop.api import BillieClient, BillieError, TokenStore, open_token_store
from billie_desktop.ui.main_window import MainWindow
from billie_desktop.ui.resources import app_icon_path
from billie_desktop.ui.session import Session
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.sign_in_window import SignInWindow
from billie_desktop.ui.tasks import Tasks

log = logging.getLogger("billie_desktop")


class ConsoleApp(QObject):
    """Owns the windows and moves between them: sign-in <-> main window."""

    def __init__(self, settings: Settings, token_store: TokenStore, *,
                 sandbox_url: str | None = None, server: str | None = None,
                 store_warning: str | None = None, page_size: int = 200,
                 icon: QIcon | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.token_store = token_store
        self.sandbox_url = sandbox_url
        self.server = server
        self.store_warning = store_warning
        self.page_size = page_size
        self.icon = icon
        self.tasks = Tasks()
        self.sign_in_window: SignInWindow | None = None
        self.main_window: MainWindow | None = None
        self.sessions: list[Session] = []

    def client_factory(self, url: str) -> BillieClient:
        return BillieClient(url, token_store=self.token_store)

    async def start(self) -> None:
        """Resumes a remembered session without the password, or shows sign-in."""
        server = self.server or self.settings.last_server or self.sandbox_url
        if server and server == self.settings.last_server:
            client = self.client_factory(server)
            try:
                me = await client.resume()
            except BillieError as exc:
                log.info("could not resume the remembered session: %s", type(exc).__name__)
                me = None
            if me is not None and me.has_role("manager"):
                try:
                    report = await client.discover()
                except BillieError:
                    report = None
                self.open_main(Session(client, me, server_label=server, remember=True,
                                       discovery=report))
                return
            await client.close()  # nothing to resume, or not a manager: sign in afresh
        self.show_sign_in()

    def show_sign_in(self, notice: str | None = None) -> SignInWindow:
        window = SignInWindow(self.settings, self.client_factory, sandbox_url=self.sandbox_url,
                              notice=notice, remember_note=self.store_warning, icon=self.icon)
        if self.server and self.server != self.sandbox_url:
            window.custom_url.setText(self.server)
            window.server.setCurrentIndex(window.server.findData("custom"))
        window.signed_in.connect(self.open_main)
        window.show()
        if self.sign_in_window is not None:
            _discard(self.sign_in_window)
        self.sign_in_window = window
        return window

    def open_main(self, session: Session) -> MainWindow:
        self.sessions.append(session)
        window = MainWindow(session, self.settings, page_size=self.page_size, icon=self.icon)
        window.signed_out.connect(lambda why: self._signed_out(window, why))
        window.show()
        if self.sign_in_window is not None:
            _discard(self.sign_in_window)
            self.sign_in_window = None
        self.main_window = window
        self.tasks.run("main", window.start())
        return window

    def _signed_out(self, window: MainWindow, why: str) -> None:
        self.show_sign_in(why)
        _discard(window)
        if self.main_window is window:
            self.main_window = None
        self.tasks.run("close", window.session.client.close())

    async def close(self) -> None:
        self.tasks.cancel_all()
        for window in (self.main_window, self.sign_in_window):
            if window is not None:
                _discard(window)
        self.main_window = self.sign_in_window = None
        for session in self.sessions:
            await session.client.close()


def _discard(window: QWidget) -> None:
    """Closes a window and has Qt delete it now, at a safe point, rather than whenever
    Python's cycle collector gets round to the wrapper (possibly mid-event: a crash)."""
    window.close()
    window.deleteLater()


def _qt_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log, not to the terminal."""
    if "propagateSizeHints" in message:  # the offscreen platform's harmless chatter
        return
    level = logging.DEBUG if mode == QtMsgType.QtDebugMsg else logging.WARNING
    logging.getLogger("qt").log(level, "%s", message)


def configure_logging(level: str) -> None:
    import platformdirs

    handlers: list[logging.Handler] = [logging.StreamHandler()]
    try:
        folder = platformdirs.user_log_path("billie-desktop", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.handlers.RotatingFileHandler(
            folder / "billie-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"))
    except OSError:
        pass
    logging.basicConfig(level=level.upper(), handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def parse_args(argv: list[str]) -> argparse.Namespace:
    from billie_desktop.sandbox.cli import add_sandbox_arguments

    parser = argparse.ArgumentParser(prog="billie-desktop",
                                     description="The Billiecart manager console.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--server", metavar="URL", help="the Billiecart server to use")
    parser.add_argument("--sandbox", action="store_true",
                        help="start the embedded sandbox on a free loopback port and use it")
    parser.add_argument("--smoke-test", action="store_true",
                        help="drive the real windows against an embedded sandbox and exit "
                             "0 on success, 1 otherwise")
    parser.add_argument("--settings", type=Path, metavar="FILE",
                        help="keep preferences in this file instead of the usual place")
    parser.add_argument("--log-level", default="info",
                        choices=("debug", "info", "warning", "error"))
    add_sandbox_arguments(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.smoke_test and not os.environ.get("DISPLAY") and \
            not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_logging(args.log_level)
    qInstallMessageHandler(_qt_messages)
    import qasync

    from billie_desktop.sandbox import SandboxOptions, SandboxServer
    from billie_desktop.sandbox.cli import options_from
    from billie_desktop.ui.errors import ErrorReporter

    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qapp.setApplicationName("Billie Desktop")
    qapp.setOrganizationName("Billie")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName("billie-desktop")
    icon = QIcon(str(app_icon_path()))
    qapp.setWindowIcon(icon)

    sandbox: SandboxServer | None = None
    if args.smoke_test:
        sandbox = SandboxServer(SandboxOptions(customers=400)).start()
    elif args.sandbox:
        print("Starting the sandbox…", flush=True)
        sandbox = SandboxServer(options_from(args, port=0)).start()
        print(f"Sandbox on {sandbox.url}", flush=True)

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    reporter = ErrorReporter()
    reporter.install(loop)
    if args.smoke_test:
        from billie_desktop.api import MemoryTokenStore
        from billie_desktop.ui.smoke import run_smoke

        settings = Settings(args.settings or _temporary_settings())
        console = ConsoleApp(settings, MemoryTokenStore(),
                             sandbox_url=sandbox.url if sandbox else None, icon=icon)
    else:
        choice = open_token_store()
        settings = Settings(args.settings)
        console = ConsoleApp(settings, choice.store,
                             sandbox_url=sandbox.url if sandbox else None, server=args.server,
                             store_warning=choice.warning, icon=icon)
    try:
        with loop:
            if args.smoke_test:
                ok = loop.run_until_complete(run_smoke(console))
                return 0 if ok and reporter.count == 0 else 1
            loop.run_until_complete(console.start())
            quitting = asyncio.Event()
            qapp.aboutToQuit.connect(quitting.set)
            loop.run_until_complete(quitting.wait())
            return 0
    finally:
        try:
            if not loop.is_closed():
                loop.run_until_complete(console.close())
        except RuntimeError:
            pass
        if sandbox is not None:
            sandbox.stop()


def _temporary_settings() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="billie-smoke-")) / "settings.ini"
