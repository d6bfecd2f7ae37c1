"""Running coroutines for widgets: latest request wins, errors never escape.

``Tasks.run("customers", coro)`` cancels the previous task of that name first, so a new
search, sort or organisation always wins over a late answer for an old one.

Windows make their ``Tasks`` when they are built, and the first window is shown before
asyncio is imported (it costs about as much as the window): so asyncio is imported where a
task is started or awaited, not at the top.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)
T = TypeVar("T")


class Tasks:
    def __init__(self) -> None:
        self._named: dict[str, asyncio.Task[Any]] = {}
        self._all: set[asyncio.Task[Any]] = set()

    def run(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        previous = self._named.get(name)
        if previous is not None and not previous.done():
            previous.cancel()
        import asyncio

        task = asyncio.ensure_future(coro)
        self._named[name] = task
        self._all.add(task)
        task.add_done_callback(self._finished)
        return task

    def run_once(self, name: str, factory: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        """Starts ``factory()`` unless the task of that name is still running (a button
        pressed twice starts one request, not two)."""
        if not self.running(name):
            self.run(name, factory())

    def names(self) -> list[str]:
        """The names of the tasks still running."""
        return [name for name, task in self._named.items() if not task.done()]

    def running(self, name: str) -> bool:
        task = self._named.get(name)
        return task is not None and not task.done()

    def finished(self, name: str) -> bool:
        """The task of that name was started and has finished (not cancelled since)."""
        task = self._named.get(name)
        return task is not None and task.done()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._all.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:  # handlers catch what they expect; this is a bug
            import asyncio

            loop = asyncio.get_event_loop()
            loop.call_exception_handler({"message": "unhandled error in a background task",
                                         "exception": exc, "task": task})

    def cancel(self, name: str) -> None:
        task = self._named.pop(name, None)
        if task is not None and not task.done():
            task.cancel()

    async def settle(self, name: str, limit: float) -> None:
        """Until the task of that name has ended: ``limit`` seconds at most, then it is
        cancelled (and this returns once it has ended)."""
        import asyncio

        task = self._named.get(name)
        if task is None or task.done():
            return
        done, _ = await asyncio.wait({task}, timeout=limit)
        if not done:
            task.cancel()
            await asyncio.wait({task})

    def cancel_all(self) -> None:
        for task in list(self._all):
            task.cancel()
        self._named.clear()

    @property
    def pending(self) -> int:
        return sum(1 for t in self._all if not t.done())

    async def wait_idle(self) -> None:
        """Until every task started so far has ended, the cancelled ones included."""
        import asyncio

        while self._all:
            await asyncio.gather(*list(self._all), return_exceptions=True)


async def wait_for(condition: Callable[[], T], limit: float = 10.0, *,
                   every: float = 0.02) -> T:
    """Polls a condition on the running loop every ``every`` seconds until it is truthy;
    returns its value; TimeoutError after ``limit`` seconds. The one poll of the smoke
    test, the journeys, the benchmarks and the tests (never qtbot.waitUntil)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not (value := condition()):
        if loop.time() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(every)
    return value
