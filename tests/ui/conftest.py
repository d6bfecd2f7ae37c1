"""UI tests: real windows, a qasync loop (see tests/conftest.py), real sandboxes over
loopback HTTP. Each test fails if it leaves an asyncio task, a client or a window behind,
or if anything unexpected reached the loop's exception handler (in the app: the
"unexpected problem" dialog); none touches the user's settings or keyring.

End every test idle (``await model.wait_idle()`` after the last action): pytest-qt calls
``processEvents()`` between the test and its teardown, outside the running loop, and a
request still in flight then resumes where no loop runs (anyio's NoEventLoopError). A
test given a console (``console``, ``safe_console``…) does so whatever it ends on: each
console is waited for until ``idle`` (``pytest_collection_modifyitems``)."""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QWidget

from billie_desktop.api import BillieClient, MemoryTokenStore
from billie_desktop.sandbox.config import SandboxOptions
from billie_desktop.sandbox.demo import DEMO_SIGN_INS
from billie_desktop.sandbox.server import SandboxServer
from billie_desktop.ui.app import ConsoleApp
from billie_desktop.ui.main_window import MainWindow
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.tasks import wait_for

PASSWORD = "billie-sandbox"
MANAGER = "manager@sandbox.test"


async def until(condition: Callable[[], Any], limit: float = 10.0) -> Any:
    """Waits on the running loop until condition() is truthy (never qtbot.waitUntil)."""
    return await wait_for(condition, limit, every=0.01)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxOptions(customers=300, faults=True)) as server:
        yield server


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.ini", machine=tmp_path / "machine.ini")




@pytest.fixture
async def console(settings, sandbox, wire, tmp_path) -> AsyncIterator[ConsoleApp]:
    clients: list[BillieClient] = []
    tokens = MemoryTokenStore()

    def factory(url: str) -> BillieClient:
        http = httpx.AsyncClient(event_hooks={"request": [wire.hook]}, timeout=10)
        client = BillieClient(url, http_client=http, token_store=tokens,
                              close_http=True)  # closed with the client, like a real one
        clients.append(client)
        return client

    app = ConsoleApp(settings, tokens, client_factory=factory, sandbox_url=sandbox.url,
                     demo=DEMO_SIGN_INS, page_size=50,
                     journal_path=tmp_path / "activity.sqlite3")  # never the user's
    yield app
    await app.close()
    for client in clients:
        await client.close()
    await settle()
    assert all(c.closed for c in clients), "a client was left open"


async def settle() -> None:
    """Lets cancelled tasks finish and deferred deletes run, then collects cycles here,
    at a safe point, rather than in the middle of some later Qt event."""
    import gc

    for _ in range(5):
        await asyncio.sleep(0)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 0)  # deleteLater() of closed windows
    gc.collect()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
async def loop_errors() -> AsyncIterator[list[dict[str, Any]]]:
    """What reached the loop's exception handler: in the app, ErrorReporter's "unexpected
    problem" dialog. A test that leaves anything here fails."""
    loop = asyncio.get_running_loop()
    seen: list[dict[str, Any]] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    yield seen
    await settle()
    loop.set_exception_handler(previous)
    assert not seen, f"unexpected errors reached the loop: {seen}"


@pytest.fixture(autouse=True)
async def nothing_left_behind(loop_errors) -> AsyncIterator[None]:
    yield
    await settle()
    current = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    for task in pending:
        task.cancel()
    assert not pending, f"tasks left running: {pending}"
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in visible:
        widget.close()
    assert not visible, f"windows left open: {visible}"


async def signed_in(console: ConsoleApp, user: str = MANAGER) -> MainWindow:
    await console.start()
    window = console.sign_in_window
    assert window is not None
    window.user_name.setText(user)
    window.password.setText(PASSWORD)
    await window.sign_in()
    main = console.main_window
    assert main is not None, window.banner.text.text()
    await until(lambda: main.model.state in ("ready", "empty", "error"))
    await main.model.wait_idle()
    return main


def release_modifiers(widget: QWidget) -> None:
    """After a shortcut that closed the window it was typed in (its key release went
    nowhere), Qt still believes Ctrl and Shift are down: the next selectRow() would
    toggle. A key event without them, somewhere alive, puts that right."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyRelease(widget, Qt.Key.Key_Control)
    QTest.keyRelease(widget, Qt.Key.Key_Shift)
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


async def queue_fault(sandbox: SandboxServer, fault: str, path: str, method: str = "",
                      times: int = 1) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{sandbox.url}/sandbox/faults", json={
            "fault": fault, "path": path, "method": method, "times": times})
        assert response.status_code == 200


async def clear_faults(sandbox: SandboxServer) -> None:
    async with httpx.AsyncClient() as http:
        await http.delete(f"{sandbox.url}/sandbox/faults")


def visible_top_levels() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        test = getattr(item, "obj", None)
        if inspect.iscoroutinefunction(test):
            item.obj = _ending_idle(test)  # type: ignore[attr-defined]


def _ending_idle(test: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(test)
    async def run(*args: Any, **kwargs: Any) -> None:
        await test(*args, **kwargs)
        for console in kwargs.values():
            if isinstance(console, ConsoleApp):
                await idle(console)

    return run


async def idle(console: ConsoleApp) -> None:
    """Until nothing the console started is under way: its list (a page's accounts
    included) and its own tasks (a signed-out client's closing)."""
    if console.main_window is not None:
        await console.main_window.model.wait_idle()
    await console.tasks.wait_idle()
