"""Round trips on the way to the customers (issue #24), counted against a sandbox that
delays every answer: requests that do not depend on each other go together, so a sign-in
costs as few waits as the protocol allows, whatever the link."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx

from billie_desktop.api import BillieClient, MemoryTokenStore
from billie_desktop.sandbox.demo import DEMO_SIGN_INS
from billie_desktop.ui.app import ConsoleApp
from tests.ui.conftest import PASSWORD, queue_fault, signed_in, until


class Timeline:
    """When each request went out and when its answer came (httpx hooks)."""

    def __init__(self) -> None:
        self.started: dict[int, tuple[str, str, float]] = {}
        self.spans: list[tuple[str, str, float, float]] = []

    async def request(self, request: httpx.Request) -> None:
        self.started[id(request)] = (request.method, request.url.path, time.perf_counter())

    async def response(self, response: httpx.Response) -> None:
        method, path, began = self.started.pop(id(response.request))
        self.spans.append((method, path, began, time.perf_counter()))

    def clients(self, store: MemoryTokenStore, made: list[BillieClient]
                ) -> Callable[[str], BillieClient]:
        """A client factory whose clients this timeline watches (each kept in ``made``)."""
        def factory(url: str) -> BillieClient:
            http = httpx.AsyncClient(event_hooks={"request": [self.request],
                                                  "response": [self.response]}, timeout=10)
            made.append(BillieClient(url, http_client=http, token_store=store,
                                     close_http=True))
            return made[-1]

        return factory

    def round_trips(self, since: float, until_path: str) -> tuple[int, list[str]]:
        """How many answers were waited for one after another, from ``since`` to the
        first answer for ``until_path``: a request that went out after another's answer
        came counts as waiting for it (what the console could not have sent sooner)."""
        spans = sorted((s for s in self.spans if s[2] >= since), key=lambda s: s[2])
        end = next(s[3] for s in spans if until_path in s[1])
        waves: list[int] = []
        for n, (_, _, began, _) in enumerate(spans):
            before = [waves[k] for k, other in enumerate(spans[:n]) if other[3] <= began]
            waves.append(1 + max(before, default=0))
        shown = [f"{m} {p} (wave {w})" for (m, p, b, _), w in zip(spans, waves, strict=True)
                 if b < end]
        return max(w for (_, _, b, _), w in zip(spans, waves, strict=True) if b < end), shown


async def test_signing_in_waits_for_two_round_trips_to_the_customers(settings, sandbox_factory,
                                                                     tmp_path):
    """Sign-in and the server's metadata go together; then the organisations and the first
    page of the one shown last time go together: two waits, not four or six."""
    sandbox = sandbox_factory(customers=300, latency=0.2)
    timeline, clients = Timeline(), []
    factory = timeline.clients(MemoryTokenStore(), clients)
    console = ConsoleApp(settings, MemoryTokenStore(), client_factory=factory,
                         sandbox_url=sandbox.url, demo=DEMO_SIGN_INS, page_size=50,
                         journal_path=tmp_path / "activity.sqlite3")
    try:
        for attempt in range(2):  # the second knows which organisation was shown last
            if attempt == 0:
                await console.start()
            window = await until(lambda: console.sign_in_window)
            window.user_name.setText(DEMO_SIGN_INS.manager)
            window.password.setText(PASSWORD)
            pressed = time.perf_counter()
            await window.sign_in()
            main = console.main_window
            await until(lambda shown=main: shown.model.state == "ready")
            waits, seen = timeline.round_trips(pressed, "/customers")
            if attempt == 1:
                assert waits == 2, seen
            else:
                assert waits <= 3, seen  # the first time: the organisations, then a page
            await main.model.wait_idle()
            main.sign_out_clicked()
            await until(lambda: console.sign_in_window is not None)
            await console.tasks.wait_idle()
    finally:
        await console.close()
        for client in clients:
            await client.close()


async def test_a_remembered_start_waits_for_one_round_trip_to_the_customers(
        settings, sandbox_factory, tmp_path):
    """The resumed session's confirmation (``GET /auth``), the metadata, the organisations
    and the first page of the one shown last go together: one wait. The confirmation does
    not hold the others back; if it fails they are dropped (test_sign_in's "expired")."""
    sandbox = sandbox_factory(customers=300, latency=0.2)
    store = MemoryTokenStore()
    timeline, clients = Timeline(), []
    factory = timeline.clients(store, clients)
    consoles = [ConsoleApp(settings, store, client_factory=factory, sandbox_url=sandbox.url,
                           demo=DEMO_SIGN_INS, page_size=50,
                           journal_path=tmp_path / "activity.sqlite3") for _ in range(2)]
    try:
        await consoles[0].start()
        window = await until(lambda: consoles[0].sign_in_window)
        window.user_name.setText(DEMO_SIGN_INS.manager)
        window.password.setText(PASSWORD)
        window.remember.setChecked(True)
        await window.sign_in()
        await until(lambda: consoles[0].main_window.model.state == "ready")
        await consoles[0].main_window.model.wait_idle()
        started = time.perf_counter()
        await consoles[1].start()  # a remembered start
        main = consoles[1].main_window
        assert main is not None and main.model.state == "ready"
        waits, seen = timeline.round_trips(started, "/customers")
        assert waits == 1, seen
        assert sum("/customers" in line for line in seen) == 1, seen  # asked once
    finally:
        for console in consoles:
            await console.close()
        for client in clients:
            await client.close()


def test_the_timeline_counts_waits_one_after_another():
    timeline = Timeline()
    timeline.spans = [("POST", "/auth", 0.0, 1.0), ("GET", "/types/metadata", 0.0, 1.0),
                      ("GET", "/organisations", 1.1, 2.0), ("GET", "/customers", 1.1, 2.0),
                      ("GET", "/customers", 2.5, 3.0)]
    assert timeline.round_trips(0.0, "/customers")[0] == 2
    timeline.spans[3] = ("GET", "/customers", 2.1, 3.0)  # the page asked after the orgs
    assert timeline.round_trips(0.0, "/customers")[0] == 3


async def test_a_slower_earlier_search_never_overwrites_a_later_one(console, sandbox, wire):
    """Over a slow link answers can pass each other: "smith" asked first and answered last
    must not replace what "olivia" found."""
    main = await signed_in(console)
    sent = wire.count("GET", "/customers")
    await queue_fault(sandbox, "latency=0.8", "/customers", method="GET")  # the next one
    main.model.set_search("smith")
    await until(lambda: wire.count("GET", "/customers") > sent)  # on its way, slowly
    main.model.set_search("olivia")
    await main.model.wait_idle()
    await asyncio.sleep(1.0)  # "smith"'s answer has come meanwhile
    rows = [main.model.customer_at(r) for r in main.model.loaded_rows()]
    assert rows and main.model.search == "olivia"
    assert all("olivia" in f"{c.first_name} {c.last_name} {c.email}".lower() for c in rows)


async def test_the_connection_opens_and_the_metadata_comes_while_the_password_is_typed(
        console, wire):
    """Pressing Sign in then sends the sign-in alone: no connection to open first, no
    metadata to read (issue #24)."""
    import sys

    await console.start()
    window = await until(lambda: console.sign_in_window)
    await until(lambda: "billie_desktop.api.client" in sys.modules)  # (the warm-up's)
    window.user_name.setText(DEMO_SIGN_INS.manager)
    window.password.setText(PASSWORD[:3])  # typing...
    await until(lambda: wire.count("GET", "/types/metadata") == 1)
    window.password.setText(PASSWORD)  # ...the same server: nothing asked again
    before = len(wire.requests)
    await window.sign_in()
    assert console.main_window is not None
    assert wire.requests[before] == ("POST", "/auth/credentials")
    assert wire.count("GET", "/types/metadata") == 1  # read once, while typing
    await until(lambda: console.tasks.finished("main"))  # (the main window's start)
