"""What the console's paging shares (the customers list, Link by email, the export): how
much it asks of the server at once, how it reports progress, and a first page asked
early. No widgets here."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # (the console imports this module before the client: see drop)
    from billie_desktop.api import Request

MAX_TAKE = 500  # rows a page: ServiceStack AutoQuery's usual MaxLimit, and the sandbox's
IN_FLIGHT = 4  # requests at once: quick, without crowding the server

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
