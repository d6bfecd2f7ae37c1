"""What the console's paging shares (the customers list, Link by email, the export): how
much it asks of the server at once, how it reports progress, and a first page asked
early. No widgets here."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # (the console imports this module before the client: see drop)
    from billie_desktop.api import Request
    from billie_desktop.work.pace import Pace

MAX_TAKE = 500  # rows a page: ServiceStack AutoQuery's usual MaxLimit, and the sandbox's
IN_FLIGHT = 4  # requests at once where nothing adapts it (bulk work does: work/pace.py)

Send = Callable[["Request[Any]"], Awaitable[Any]]  # Session.send, or a client's


@dataclass
class RowsProgress:
    rows_done: int
    rows: int
    started: float  # time.perf_counter() when the work began

    @property
    def rate(self) -> float:
        """Rows a second so far."""
        return self.rows_done / max(time.perf_counter() - self.started, 1e-3)

    @property
    def seconds_left(self) -> float:
        rate = self.rate
        return (self.rows - self.rows_done) / rate if rate > 0 else 0.0


Q = TypeVar("Q")
A = TypeVar("A")


class EarlyAnswer(Generic[Q, A]):
    """One request asked before it is needed: the first page of the organisation last
    shown, while the organisations are still on their way (ServiceStack answers both at
    once: a round trip saved at start-up). Whoever then asks the very same request gets
    its answer; anything else drops it."""

    def __init__(self) -> None:
        self._early: tuple[Q, asyncio.Future[A]] | None = None

    def ask(self, request: Q, send: Callable[[Q], Awaitable[A]]) -> None:
        self.forget()
        self._early = (request, asyncio.ensure_future(send(request)))

    def take(self, request: Q, answer: asyncio.Future[A]) -> None:
        """``request``, asked early by somebody else (a remembered start)."""
        self.forget()
        self._early = (request, answer)

    def answer(self, request: Q, send: Callable[[Q], Awaitable[A]]) -> Awaitable[A]:
        """The early answer when ``request`` is what was asked early, else ``send``'s."""
        early, self._early = self._early, None
        if early is not None and early[0] == request:
            return early[1]
        if early is not None:
            drop(early[1])
        return send(request)

    def forget(self) -> None:
        early, self._early = self._early, None
        if early is not None:
            drop(early[1])


def drop(future: asyncio.Future[Any]) -> None:
    """Cancels a request no longer wanted; a failure it had already met is taken, so
    asyncio never reports it as "never retrieved"."""
    future.cancel()
    future.add_done_callback(lambda done: done.cancelled() or done.exception())


@dataclass
class LoadProgress(RowsProgress):
    what: str = "accounts"  # or "customers"
    pages_done: int = 0
    pages: int = 0
    in_flight: int = 0


async def all_pages(send: Send, what: str, request: Callable[[int, bool], Request[Any]],
                    take_in: Callable[[Any], None], progress: Callable[[LoadProgress], None],
                    pace: Pace | None = None) -> None:
    """Every page of a list: the first says how many there are; the rest go as many at a
    time as ``pace`` allows (work/pace.py: more while the server answers steadily, fewer
    when it says "not now"), taken in as they come (in any order). A page that comes back
    short (rows went away meanwhile) is fine: the totals are estimates."""
    from billie_desktop.work.pace import Pace

    pace = pace or Pace()
    started = time.perf_counter()
    first = await send(request(0, True))
    take_in(first)
    total = max(first.total, len(first.results))
    state = LoadProgress(len(first.results), total, started, what=what, pages_done=1,
                         pages=max(1, -(-total // MAX_TAKE)))
    progress(state)

    async def fetch(skip: int) -> bool:
        state.in_flight += 1
        sent = time.monotonic()
        try:
            page = await send(request(skip, False))
        finally:
            state.in_flight -= 1
        pace.answered(time.monotonic() - sent)
        take_in(page)
        state.pages_done += 1
        state.rows_done += len(page.results)
        progress(state)
        return False  # (done with that page)

    await run_paced(deque(range(MAX_TAKE, total, MAX_TAKE)), fetch, pace)


J = TypeVar("J")


async def run_paced(jobs: deque[J], do: Callable[[J], Awaitable[bool]], pace: Pace) -> None:
    """Does the jobs (pages, ranges read by key), as many at once as ``pace`` allows: more
    while the server answers steadily, fewer when it says "not now" (work/pace.py).
    ``do(job)`` True: the job goes on (to the back of the queue); one the server refused
    for now ("busy") goes to the front, taken again once its Retry-After has passed."""
    from billie_desktop.api import ServerError

    workers: list[asyncio.Task[None]] = []
    live = 0

    def spawn() -> None:
        """Workers up to what the pace allows; one beyond it stops after its job."""
        nonlocal live
        while jobs and live < min(pace.allowed, len(jobs)):
            live += 1
            workers.append(asyncio.ensure_future(worker()))

    async def worker() -> None:
        nonlocal live
        try:
            while jobs and live <= pace.allowed:
                await pace.wait_turn()  # the server's Retry-After
                if not jobs:
                    return
                job = jobs.popleft()
                try:
                    again = await do(job)
                except ServerError as exc:
                    if not exc.busy or pace.given_up:
                        raise
                    pace.refused(exc.status, exc.retry_after)
                    jobs.appendleft(job)
                    continue
                if again:
                    jobs.append(job)
                spawn()
        finally:
            live -= 1

    spawn()
    try:
        while any(not w.done() for w in workers):
            await asyncio.gather(*[w for w in workers if not w.done()])
    finally:
        for task in workers:
            task.cancel()
