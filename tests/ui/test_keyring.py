""""Remember me" and the keyring, as the console meets them: a backend that raises
anything on read, write or delete never blocks signing in or out; backends that keep
tokens in files are refused; a keyring slow to answer never holds the first window back;
the log and settings files are the user's alone."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError

from billie_desktop.api import BillieClient, SafeTokenStore, probe_keyring
from billie_desktop.sandbox.demo import DEMO_SIGN_INS
from billie_desktop.ui.app import ConsoleApp
from billie_desktop.ui.log_file import PrivateRotatingFileHandler
from billie_desktop.ui.settings import Settings
from tests.ui.conftest import PASSWORD, until

MANAGER = DEMO_SIGN_INS.manager


class ScriptedKeyring(KeyringBackend):
    """A keyring that works in memory, except for what it is told to break."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, breaks: dict[str, BaseException] | None = None,
                 delay: threading.Event | None = None) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.breaks = breaks or {}
        self.delay = delay

    def _maybe_break(self, operation: str) -> None:
        if self.delay is not None:
            self.delay.wait(10)
        if operation in self.breaks:
            raise self.breaks[operation]

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_break("read" if username != "__probe__" else "probe")
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_break("write")
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_break("delete")
        self.secrets.pop((service, username), None)


def file_backend(name: str) -> KeyringBackend:
    """Stands for keyrings.alt's file keyrings (not installed here, and never to be)."""
    written: dict[tuple[str, str], str] = {}
    cls = type(name, (KeyringBackend,), {
        "__module__": "keyrings.alt.file", "priority": 1,
        "get_password": lambda self, s, u: written.get((s, u)),
        "set_password": lambda self, s, u, p: written.__setitem__((s, u), p),
        "delete_password": lambda self, s, u: written.pop((s, u), None)})
    backend = cls()
    backend.written = written  # type: ignore[attr-defined]
    return backend


class OnlyThese(chainer.ChainerBackend):
    def __init__(self, backends: list[KeyringBackend]) -> None:
        super().__init__()
        self._held = backends

    @property
    def backends(self) -> list[KeyringBackend]:  # type: ignore[override]
        return self._held


@pytest.fixture
def use_keyring() -> Iterator[Callable[[KeyringBackend], None]]:
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.fixture
async def safe_console(settings, sandbox) -> AsyncIterator[ConsoleApp]:
    """The console as a user starts it: a SafeTokenStore filled by the keyring probe."""
    clients: list[BillieClient] = []
    store = SafeTokenStore()

    def factory(url: str) -> BillieClient:
        clients.append(BillieClient(url, token_store=store))
        return clients[-1]

    app = ConsoleApp(settings, store, client_factory=factory, probe=probe_keyring,
                     sandbox_url=sandbox.url, demo=DEMO_SIGN_INS, page_size=50)
    yield app
    await app.close()
    for client in clients:
        await client.close()


async def sign_in(console: ConsoleApp, *, remember: bool) -> None:
    window = console.sign_in_window
    assert window is not None
    window.user_name.setText(MANAGER)
    window.password.setText(PASSWORD)
    window.remember.setChecked(remember)
    await window.sign_in()


@pytest.mark.parametrize("operation", ["read", "write", "delete"])
@pytest.mark.parametrize("error", [OSError("D-Bus went away"), RuntimeError("locked"),
                                   KeyringError("no"), ValueError("odd")],
                         ids=["OSError", "RuntimeError", "KeyringError", "ValueError"])
@pytest.mark.parametrize("remember", [True, False], ids=["remember", "session-only"])
async def test_a_keyring_that_raises_never_blocks_signing_in_or_out(
        safe_console, use_keyring, operation, error, remember):
    use_keyring(ScriptedKeyring({operation: error}))
    await safe_console.start()
    await until(lambda: safe_console.sign_in_window is not None)
    await sign_in(safe_console, remember=remember)
    main = safe_console.main_window
    assert main is not None, safe_console.sign_in_window.banner.text.text()
    store = safe_console.token_store
    assert isinstance(store, SafeTokenStore)
    if remember and operation == "write":
        assert not store.persistent and store.warning
        assert "Remember me" in main.statusBar().currentMessage()  # said where it matters
    await main.model.wait_idle()
    await main.sign_out("You have signed out.")
    window = safe_console.sign_in_window
    assert window is not None and safe_console.main_window is None
    if not store.persistent:
        window.remember.setChecked(True)
        assert window.remember_note.text() == store.warning and not window.remember_note.isHidden()
    await safe_console.tasks.wait_idle()


@pytest.mark.parametrize("backend", [
    file_backend("PlaintextKeyring"), file_backend("EncryptedKeyring"), null.Keyring(),
    fail.Keyring(), OnlyThese([file_backend("PlaintextKeyring"), null.Keyring()])],
    ids=["plaintext", "encrypted-file", "null", "fail", "chainer-of-those"])
async def test_keyrings_that_keep_tokens_in_files_are_refused(safe_console, use_keyring,
                                                              backend):
    use_keyring(backend)
    await safe_console.start()
    window = await until(lambda: safe_console.sign_in_window)
    window.remember.setChecked(True)
    assert "lasts only until Billie Desktop closes" in window.remember_note.text()
    assert not window.remember_note.isHidden()
    await sign_in(safe_console, remember=True)
    assert safe_console.main_window is not None
    await safe_console.main_window.model.wait_idle()
    for held in getattr(backend, "_held", [backend]):
        assert not getattr(held, "written", {}), "a token reached a file keyring"
    assert not safe_console.token_store.persistent
    await safe_console.close()


async def test_a_chainer_with_a_secure_keyring_in_it_is_used(use_keyring):
    secure = ScriptedKeyring()
    use_keyring(OnlyThese([file_backend("PlaintextKeyring"), secure]))
    choice = probe_keyring()
    assert choice.store.persistent and choice.warning is None


async def test_a_slow_keyring_never_holds_the_first_window_back(safe_console, use_keyring):
    unlock = threading.Event()  # an unlock prompt the user has not answered yet
    use_keyring(ScriptedKeyring(delay=unlock))
    starting = asyncio_task(safe_console.start())
    window = await until(lambda: safe_console.sign_in_window, limit=3)
    assert window.isVisible() and not starting.done()  # shown while the keyring waits
    unlock.set()
    await starting
    assert safe_console.token_store.persistent
    assert safe_console.sign_in_window is window  # the same window, not a second one


async def test_signing_in_while_the_keyring_is_slow_opens_one_main_window(safe_console,
                                                                          use_keyring):
    unlock = threading.Event()
    use_keyring(ScriptedKeyring(delay=unlock))
    starting = asyncio_task(safe_console.start())
    await until(lambda: safe_console.sign_in_window, limit=3)
    await sign_in(safe_console, remember=True)  # before the keyring has answered
    main = safe_console.main_window
    assert main is not None and not starting.done()
    unlock.set()
    await starting
    assert safe_console.main_window is main  # not replaced by a resumed second one
    await safe_console.tasks.wait_idle()  # the organisations, then the first page
    await main.model.wait_idle()


def asyncio_task(coro: Any) -> Any:
    import asyncio

    return asyncio.ensure_future(coro)


def test_log_and_settings_files_are_the_users_alone(tmp_path):
    settings = Settings(tmp_path / "conf" / "settings.ini")
    settings.last_user_name = MANAGER
    settings.sync()
    log_file = tmp_path / "logs" / "billie-desktop.log"
    handler = PrivateRotatingFileHandler(log_file, maxBytes=200, backupCount=2)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a line " * 20, None, None)
    for _ in range(4):  # rotates: the new files must be private too
        handler.emit(record)
    handler.close()
    files = [tmp_path / "conf" / "settings.ini", *sorted((tmp_path / "logs").iterdir())]
    assert len(files) >= 3
    for path in files:
        assert os.stat(path).st_mode & 0o777 == 0o600, path
    for folder in (tmp_path / "conf", tmp_path / "logs"):
        assert os.stat(folder).st_mode & 0o777 == 0o700, folder


def test_the_probe_reads_the_remembered_session_once_for_the_first_load(use_keyring):
    """The probe's question is the server's remembered session itself: the first load
    is answered from it, with no second keyring read (a Secret Service read is a D-Bus
    round trip and a key exchange); any other read goes to the keyring."""
    from billie_desktop.api import StoredSession

    class Counting(ScriptedKeyring):
        reads = 0

        def get_password(self, service: str, username: str) -> str | None:
            self.reads += 1
            return super().get_password(service, username)

    backend = Counting()
    use_keyring(backend)
    kept = StoredSession("manager@sandbox.test", "jwt-body", refresh_token="r.t.x")
    backend.set_password("billie-desktop", "https://a.test", kept.to_json())
    choice = probe_keyring("https://a.test")
    assert choice.store.persistent and backend.reads == 1
    assert choice.store.load("https://a.test") == kept and backend.reads == 1
    assert choice.store.load("https://a.test") == kept and backend.reads == 2  # once only
    assert choice.store.load("https://b.test") is None and backend.reads == 3
    newer = StoredSession("manager@sandbox.test", "jwt-body", refresh_token="r.t.y")
    again = probe_keyring("https://a.test")
    again.store.save("https://a.test", newer)  # written meanwhile: the keyring is asked
    assert again.store.load("https://a.test") == newer
    reads = backend.reads
    probe_keyring()  # nothing to resume: the probe reads nothing at all
    assert backend.reads == reads


class Watched(ScriptedKeyring):
    """Says which of its secrets were asked for, written or deleted (any of which may raise
    the desktop's "unlock" or "choose a password for the new keyring" prompt)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.append("read")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.asked.append("write")
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.asked.append("delete")
        super().delete_password(service, username)


async def test_the_keyring_is_asked_only_for_remember_me_or_a_remembered_session(
        safe_console, settings, sandbox, use_keyring):
    """(issue #25) With GNOME Keyring and no default keyring yet, any question raised "Choose
    password for new keyring" over the sign-in window: a start, a sign-in and a sign-out
    without Remember me ask it nothing; Remember me writes; the next start reads."""
    backend = Watched()
    use_keyring(backend)
    await safe_console.start()
    await until(lambda: safe_console.sign_in_window is not None)
    await sign_in(safe_console, remember=False)
    await safe_console.main_window.model.wait_idle()
    await safe_console.main_window.sign_out("You have signed out.")
    await safe_console.tasks.wait_idle()
    assert backend.asked == []
    await sign_in(safe_console, remember=True)
    await safe_console.main_window.model.wait_idle()
    assert backend.asked == ["write"]
    second = ConsoleApp(settings, None, probe=probe_keyring, sandbox_url=sandbox.url,
                        page_size=50)
    try:
        await second.start()
        assert backend.asked == ["write", "read"] and second.main_window is not None
    finally:
        await second.close()


async def remembered(console: ConsoleApp) -> None:
    """Signs in with Remember me, so that the next start can resume the session."""
    await console.start()
    await until(lambda: console.sign_in_window is not None)
    await sign_in(console, remember=True)
    await console.main_window.model.wait_idle()


async def test_a_resumed_start_asks_the_keyring_once_the_client_is_imported(
        safe_console, settings, sandbox, use_keyring, monkeypatch, tmp_path):
    """With no window on screen to keep responsive, a resumed start imports the client on
    the UI thread first and only then asks the keyring, in a worker thread (an unlock
    prompt may keep it waiting). Asked during the imports, the keyring's thread took turns
    with them for the interpreter lock: ~20 ms of the start (docs/ARCHITECTURE.md)."""
    import billie_desktop.ui.app as app_module

    use_keyring(ScriptedKeyring())
    await remembered(safe_console)
    order: list[str] = []
    prepare = app_module.prepare_client

    def prepared() -> None:
        order.append("client imported")
        prepare()

    def probe(server: str | None) -> Any:
        on_ui = threading.current_thread() is threading.main_thread()
        order.append(f"keyring asked on {'the UI' if on_ui else 'a worker'} thread")
        return probe_keyring(server)

    monkeypatch.setattr(app_module, "prepare_client", prepared)
    second = ConsoleApp(settings, None, probe=probe, sandbox_url=sandbox.url, page_size=50,
                        journal_path=tmp_path / "activity.sqlite3")
    try:
        await second.start()
        assert second.main_window is not None and second.sign_in_window is None  # resumed
        assert order == ["client imported", "keyring asked on a worker thread"]
        await second.main_window.model.wait_idle()
    finally:
        await second.close()


async def test_a_resumed_start_with_a_slow_keyring_shows_sign_in_then_resumes(
        safe_console, settings, sandbox, use_keyring, tmp_path):
    """A remembered session, and a keyring that keeps it waiting (an unlock prompt): after a
    moment the sign-in window comes up, rather than nothing on screen; once the keyring
    answers, the session resumes in its place."""
    backend = ScriptedKeyring()
    use_keyring(backend)
    await remembered(safe_console)
    unlock = threading.Event()
    backend.delay = unlock  # from now on, every keyring call waits for it
    second = ConsoleApp(settings, None, probe=probe_keyring, sandbox_url=sandbox.url,
                        page_size=50, journal_path=tmp_path / "activity.sqlite3")
    starting = asyncio_task(second.start())
    try:
        window = await until(lambda: second.sign_in_window, limit=3)
        assert window.isVisible() and not starting.done() and second.main_window is None
        unlock.set()
        await starting
        assert second.main_window is not None and second.sign_in_window is None
        assert second.main_window.isVisible()
        await second.main_window.model.wait_idle()
    finally:
        unlock.set()
        if not starting.done():
            await starting
        await second.close()
