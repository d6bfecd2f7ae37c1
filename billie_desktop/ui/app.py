"""The composition root: builds the token store, the sandbox, clients and windows, and
passes each its collaborators. No globals.

``ConsoleApp`` is one state machine (``Stage``): start-up runs down it once, top to bottom
(``start``), then the sign-in and main windows take turns until the last one closes."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from billie_desktop.ui.clients import Clients
from billie_desktop.ui.keyring_wait import keyring_answer
from billie_desktop.ui.last_window import LastWindowWatcher
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.stage import NEXT, Stage
from billie_desktop.ui.tasks import Tasks, wait_for
from billie_desktop.ui.theme import ThemeKeeper, add_theme_menu, keeper_for
from billie_desktop.ui.tuning import PAGE_SIZE
from billie_desktop.ui.warm_up import (
    GC_FALLBACK,
    import_client,
    import_main_window,
    prepare_client,
    settle,
)
from billie_desktop.work.paging import drop

if TYPE_CHECKING:  # the client and the main window are imported after the first window
    from PySide6.QtGui import QWindow

    from billie_desktop.api import (
        BillieClient,
        QueryOrganisationsResponse,
        TokenStore,
        TokenStoreChoice,
    )
    from billie_desktop.sandbox.config import SandboxOptions
    from billie_desktop.sandbox.demo import DemoSignIns
    from billie_desktop.sandbox.server import SandboxServer
    from billie_desktop.ui.customer_fields import FirstPage
    from billie_desktop.ui.main_window import MainWindow
    from billie_desktop.ui.session import Session
    from billie_desktop.ui.sign_in_window import SignInWindow
    from billie_desktop.work.journal import Journal

log = logging.getLogger("billie_desktop")
FILLED_LIMIT = 0.3  # s: a resumed main window waits at most this long for its customers
WINDOW_FIRST = 0.05  # s: the first window is on screen before the keyring is probed
PAINTED_LIMIT = 0.3  # s: what waits for the first window's paint waits at most this long


class ConsoleApp(QObject):
    """Owns the windows and moves between them: start-up, then sign-in <-> main window."""

    # A main window, just made (before it is shown): for tools that watch it from the
    # start, such as the start-up benchmark (devtools/first_paint.py), without polling.
    main_opened = Signal(object)
    # The first window this console puts on screen (on a resumed start, the main window
    # with its customers) has been painted: what waited for it can come (ui/start.py).
    first_window_up = Signal()
    stage_changed = Signal(object)  # Stage

    def __init__(self, settings: Settings, token_store: TokenStore | None, *,
                 client_factory: Callable[[str], BillieClient] | None = None,
                 sandbox_url: str | None = None, demo: DemoSignIns | None = None,
                 server: str | None = None,
                 probe: Callable[[str | None], TokenStoreChoice] | None = None,
                 sandbox_options: SandboxOptions | None = None,
                 page_size: int = PAGE_SIZE,
                 journal_path: Path | None = None,
                 keeper: ThemeKeeper | None = None, clients: Clients | None = None,
                 sign_in_window: SignInWindow | None = None) -> None:
        """``client_factory(url)`` makes the client for a server (tests hand in one that
        counts requests); by default ``clients``: ``BillieClient``s using ``token_store``.
        With no ``token_store``, a ``SafeTokenStore`` is made once the first window is up,
        and ``probe`` finds the keyring for it in a worker thread. Made before the console
        (ui/start.py): ``keeper``, the theme keeper (by default, the application's), and
        ``sign_in_window``, already on screen, with ``clients`` to sign in with."""
        super().__init__()
        qapp = QApplication.instance()
        if not isinstance(qapp, QApplication):
            raise RuntimeError("the console needs a QApplication")
        self.keeper = keeper or keeper_for(qapp)
        self.watcher = LastWindowWatcher(qapp)  # when the last window closes, it ends
        self.settings = settings
        self.journal_path = journal_path  # None: activity.sqlite3 in the user's data folder
        self._journal: Journal | None = None
        self.clients = clients or Clients(token_store)
        self.client_factory = client_factory or self.clients
        self.clients.may_hold = settings.may_hold  # (the store it makes, or the one given:)
        if hasattr(token_store, "may_hold"):  # a SafeTokenStore (not imported before the
            setattr(token_store, "may_hold", settings.may_hold)  # noqa: B010 (first window)
        self.sandbox_url = sandbox_url
        self.demo = demo
        self.server = server
        self.probe = probe
        self.sandbox_options = sandbox_options  # started behind the first window
        self.sandbox: SandboxServer | None = None
        self.page_size = page_size
        self.tasks = Tasks()
        self.sign_in_window: SignInWindow | None = None
        self.main_window: MainWindow | None = None
        self.sessions: list[Session] = []
        self._window_up = False
        self.stage = Stage.FIRST_WINDOW
        if sign_in_window is not None:
            self._window_up = True  # (first_window_up is for a window this console shows)
            self._take_sign_in(sign_in_window)

    def _enter(self, stage: Stage) -> None:
        if stage is not Stage.CLOSED and stage not in NEXT[self.stage]:
            log.warning("start-up went from %s to %s", self.stage.value, stage.value)
        self.stage = stage
        self.stage_changed.emit(stage)

    def _shown(self, window: QWidget) -> None:
        window.show()
        if not self._window_up:
            self._window_up = True
            self.tasks.run("window up", self._painted(window.windowHandle()))

    async def _painted(self, handle: QWindow | None) -> None:
        """Once the window is exposed, which Qt paints it for (``PAINTED_LIMIT`` at most;
        at once if it has been deleted meanwhile)."""
        with contextlib.suppress(TimeoutError):
            await wait_for(lambda: handle is None or not isValid(handle) or handle.isExposed(),
                           PAINTED_LIMIT)
        self.first_window_up.emit()

    @property
    def token_store(self) -> TokenStore | None:
        """Where Remember me keeps sessions; None until ``store()`` makes it."""
        return self.clients.token_store

    def store(self) -> TokenStore:
        """Where Remember me keeps sessions (made on first use: it imports the client)."""
        return self.clients.store()

    def journal(self) -> Journal | None:
        """The activity journal (opened on first use); None when it cannot be opened, which
        the log says: linking still works."""
        if self._journal is None:
            import sqlite3  # (not before: no part of a start)

            from billie_desktop.work.journal import Journal, default_path

            try:
                self._journal = Journal(self.journal_path or default_path())
            except (OSError, sqlite3.Error) as exc:
                log.warning("the activity journal could not be opened: %s", exc)
        return self._journal

    def journal_kept(self) -> bool:
        """Whether there is a journal, without opening it (the start does not)."""
        from billie_desktop.work.entries import default_path

        return self._journal is not None or (self.journal_path or default_path()).exists()

    @property
    def remember_warning(self) -> str | None:
        """Why "Remember me" cannot last beyond this session, if it cannot."""
        return getattr(self.token_store, "warning", None)  # a SafeTokenStore says why

    async def start(self) -> None:
        """Start-up, top to bottom: the first window; the client imported and the keyring
        asked; then the remembered session resumed into the main window, or the sign-in
        window. Nothing holds the first window back: not the client's imports, not a
        keyring slow to answer."""
        asyncio.get_running_loop().call_later(GC_FALLBACK, gc.enable)  # should it never settle
        resume = self.resumable
        if not resume and self.sign_in_window is None:  # (for a user, ui/start.py shows it)
            self.show_sign_in()
            # Let it reach the screen before the imports and the keyring probe, rather
            # than have them take turns with it for the interpreter lock.
            await asyncio.sleep(WINDOW_FIRST)
        if self.stage is Stage.FIRST_WINDOW:  # (else signed in already: the keyring is
            self._enter(Stage.KEYRING)  # still asked, for Remember me)
        if self.sandbox_options is not None and self.sandbox is None:
            self.tasks.run("sandbox", self._start_sandbox(self.sandbox_options))
        server = self._remembered_server()
        client = await self._client_and_keyring(server, resume)
        if self.stage is not Stage.KEYRING:  # signed in before the keyring answered
            if client is not None:
                self._close_later(client)
            return
        if server is not None and client is not None:
            self._enter(Stage.RESUMING)
            if await self._resumed(server, client):
                return
        self._enter(Stage.SIGN_IN)
        if self.sign_in_window is None:
            self.show_sign_in()
        if self.main_window is None:
            self.tasks.run("warm-up", import_main_window())

    async def _client_and_keyring(self, server: str | None, resume: bool
                                  ) -> BillieClient | None:
        """Imports the client while the keyring is asked (``probe``) for where Remember me
        keeps sessions; returns the client for ``server``, made meanwhile. A start that may
        resume has no window on screen to keep responsive: the client is imported on this
        thread, before the keyring is asked (see ARCHITECTURE.md); otherwise in a worker
        thread, while the sign-in window stays responsive."""
        if resume:
            prepare_client()
        asking = self._ask_keyring() if self.probe and self.token_store is None else None
        if not resume:
            await import_client()
        from billie_desktop.api import SafeTokenStore

        store = self.store()
        client = self.client_factory(server) if server else None
        if self.probe is None or not isinstance(store, SafeTokenStore):
            return client  # (a store given, as tests give one)
        # A start that may resume waits a moment: the customers may come straight up;
        # then the sign-in window, where the user may sign in meanwhile (MAIN_WINDOW).
        store.use(await keyring_answer(asking or self._ask_keyring(),
                                       slow=self.show_sign_in if resume else None))
        window = self.sign_in_window
        if window is not None:
            window.set_remember_note(self.remember_warning)
            if window.form.running and self.stage is Stage.KEYRING:
                self._enter(Stage.SIGN_IN)  # signing in now: that goes on, not a resume
        return client

    def _ask_keyring(self) -> Awaitable[TokenStoreChoice]:
        """The keyring probe, in a worker thread. It reads the session this start would
        resume, if any."""
        assert self.probe is not None
        return asyncio.get_running_loop().run_in_executor(
            None, self.probe, self._remembered_server())

    async def _start_sandbox(self, options: SandboxOptions) -> None:
        """Starts the embedded sandbox in a worker thread (imports and seeding too) while
        the sign-in window says so; Sign in is enabled once it answers."""
        if self.sign_in_window is not None:
            self.sign_in_window.sandbox_starting()
        try:
            self.sandbox = await asyncio.to_thread(_started_sandbox, options)
        except Exception as exc:  # a port, a disk, a broken database: said, not fatal
            log.warning("the sandbox could not start: %s", exc)
            if self.sign_in_window is not None:
                self.sign_in_window.sandbox_failed(str(exc))
            return
        from billie_desktop.sandbox.demo import DEMO_SIGN_INS

        self.sandbox_url, self.demo = self.sandbox.url, DEMO_SIGN_INS
        print(f"Sandbox on {self.sandbox.url}", flush=True)
        if self.sign_in_window is not None:
            self.sign_in_window.sandbox_ready(self.sandbox.url, DEMO_SIGN_INS)

    @property
    def resumable(self) -> bool:
        """A session may have been remembered for the server this start would use."""
        return self.settings.may_resume(self.server, sandbox=self.sandbox_options is not None)

    def _remembered_server(self) -> str | None:
        """The server whose remembered session this start would resume, if any."""
        if not self.resumable:
            return None
        server = self.server or self.settings.last_server or self.sandbox_url
        return server if server and server == self.settings.last_server else None

    async def _resumed(self, server: str, client: BillieClient) -> bool:
        """The main window of the session remembered for ``server``, through ``client``,
        once it has its customers; False when there is none to resume (or it is not a
        manager's), and the client is closed."""
        from billie_desktop.api import BillieError
        from billie_desktop.ui.asked_ahead import AskedAhead
        from billie_desktop.ui.session import Session

        # The server's metadata is read while the session resumes (as a sign-in reads it
        # before signing in), and the organisations and first page are asked meanwhile.
        discovering = asyncio.ensure_future(client.discover())
        ahead = AskedAhead(client, self.settings, server, sandbox=server == self.sandbox_url,
                           page_size=self.page_size)
        try:
            me = await client.resume(ahead.restored)
        except BillieError as exc:
            log.info("could not resume the remembered session: %s", type(exc).__name__)
            me = None
        except BaseException:
            ahead.drop()
            raise
        session = None if me is None else Session.of_manager(
            client, me, server, remember=True, discovery=None, sandbox_url=self.sandbox_url)
        if session is None or self.stage is not Stage.RESUMING:
            drop(discovering)
            ahead.drop()
            await client.close()  # nothing to resume, not a manager's, or signed in meanwhile
            return self.stage is not Stage.RESUMING
        with contextlib.suppress(BillieError):
            session.discovery = await discovering
        window = self.open_main(session, ahead.organisations, ahead.first_page, shown=False)
        await window.area.until_filled(FILLED_LIMIT)
        if self.main_window is window:  # (not signed out meanwhile)
            self._put_up(window)
        return True

    def show_sign_in(self, notice: str | None = None) -> SignInWindow:
        from billie_desktop.ui.sign_in_window import SignInWindow

        window = SignInWindow(self.settings, self.client_factory, sandbox_url=self.sandbox_url,
                              demo=self.demo, notice=notice, remember_note=self.remember_warning)
        if self.server and self.server != self.sandbox_url:
            window.choose_custom_server(self.server)
        self._shown(window)
        self._take_sign_in(window)
        return window

    def _take_sign_in(self, window: SignInWindow) -> None:
        """``window`` becomes the sign-in window (in place of any other)."""
        window.signed_in.connect(self.open_main)
        if self.sign_in_window is not None and self.sign_in_window is not window:
            _discard(self.sign_in_window)
        self.sign_in_window = window
        self.watcher.watch(window)

    def open_main(self, session: Session,
                  organisations: Awaitable[QueryOrganisationsResponse] | None = None,
                  first_page: FirstPage | None = None, *, shown: bool = True) -> MainWindow:
        """``organisations``, ``first_page``: already asked for by the caller. ``shown``:
        False for a window the caller puts up itself (``_put_up``) once it is filled."""
        from billie_desktop.ui.main_window import MainWindow

        self._enter(Stage.MAIN_WINDOW)
        self.sessions.append(session)
        session.open_journal, session.journal_kept = self.journal, self.journal_kept
        session.max_in_flight = self.settings.max_in_flight
        window = MainWindow(session, self.settings, page_size=self.page_size)
        window.signed_out.connect(lambda why: self._signed_out(window, why))
        add_theme_menu(window.commands.view_menu, self.keeper, self.settings)
        self.main_window = window
        self.watcher.watch(window)
        self.main_opened.emit(window)
        if session.remember and self.remember_warning:
            window.statusBar().showMessage(self.remember_warning, 20_000)
        self.tasks.run("main", window.start(organisations, first_page))
        if shown:
            self._put_up(window)
        settle()  # (the main window may have been imported just now: see warm_up.py)
        return window

    def _put_up(self, window: MainWindow) -> None:
        """Shows the main window in place of the sign-in window (closed only now: with no
        window on screen for a moment, the app would end)."""
        self._shown(window)
        if self.sign_in_window is not None:
            _discard(self.sign_in_window)
            self.sign_in_window = None

    def _signed_out(self, window: MainWindow, why: str) -> None:
        self.tasks.cancel("main")  # its start (organisations) must not outlive it
        self._enter(Stage.SIGN_IN)
        self.show_sign_in(why)
        _discard(window)
        if self.main_window is window:
            self.main_window = None
        self._close_later(window.session.client)

    def _close_later(self, client: BillieClient) -> None:
        """Its connections closed in the background, under a name of its own: a second
        sign-out must not cancel the first one's closing."""
        self.tasks.run(f"close:{id(client)}", client.close())

    async def run(self, qapp: QApplication) -> int:
        """The whole life of the console: start, then wait for the last window to close."""
        try:
            await self.start()
            await self.watcher.until_last_closed()
        finally:
            await self.close()
        return 0

    async def close(self) -> None:
        self._enter(Stage.CLOSED)
        self.tasks.cancel_all()
        main = self.main_window
        if main is not None:  # (quitting: what is under way is stopped first)
            await main.stopper.stop()
            main.may_close = True
        for window in (main, self.sign_in_window):
            if window is not None:
                _discard(window)
        self.main_window = self.sign_in_window = None
        for session in self.sessions:
            await session.client.close()
        # What was cancelled ends here, on the running loop: left to a later Qt event, a
        # request would resume where no loop runs (a quit's last events; anyio's
        # NoEventLoopError).
        for tasks in (self.tasks, *((main.tasks, main.model.tasks) if main else ())):
            await tasks.wait_idle()
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if isValid(self.watcher):  # (closed twice: a test, then its fixture)
            self.watcher.deleteLater()


def _discard(window: QWidget) -> None:
    """Closes a window and has Qt delete it now, at a safe point, rather than whenever
    Python's cycle collector gets round to the wrapper (possibly mid-event: a crash)."""
    window.close()
    window.deleteLater()


def _started_sandbox(options: SandboxOptions) -> SandboxServer:
    """In a worker thread: uvicorn is imported there, and the database seeded."""
    from billie_desktop.sandbox.server import SandboxServer

    return SandboxServer(options).start()
