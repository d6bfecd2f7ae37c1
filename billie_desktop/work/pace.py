"""How many requests bulk work keeps in flight (issue #24): Link by email's links and its
loaders, and the export. Over a 100 ms link, four at a time is 40 answers a second
whatever the server could do; forty at a time on a struggling server makes it worse. So
the number adapts, as TCP's window does:

- it starts at four and grows while answers come back at a steady pace: by one an answer
  at first (doubling each round trip), by one a round trip once it has had to slow down;
- it shrinks at once: by half when the server refuses (429, 503: "not now") and nothing
  new goes out before its ``Retry-After``; by a quarter when answers take half as long
  again as the fastest lately (a queue building up somewhere: on loopback that is a few
  in flight, over a 100 ms link a few dozen); by half when an answer times out;
- it does not grow past four where answers come within 20 ms (loopback, a LAN): four
  keep a server busy there (Little's law: in flight = rate x answer time), and more only
  queue at it;
- it never exceeds a polite cap (32; a setting can lower it) nor falls below one.

``reason`` says why it last slowed down, for the window (``why``: in the user's words).
No widgets here."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from billie_desktop.work.text import QT_TRANSLATE_NOOP  # translated where shown

START = 4
CAP = 32  # requests at once at most: polite to a shared server (Settings can lower it)
RISING = 1.5  # an answer this much slower than the fastest lately means a queue...
RISING_BY = 0.01  # s, ...when it is also this much slower (a millisecond's jitter is not)
REFUSALS = 8  # "not now" answers in a row, at the slowest, before the work gives up
NEAR = 0.02  # s: answers this quick (loopback, a LAN) need no more than START in flight
SLOWING = QT_TRANSLATE_NOOP("Pace", "the server's answers are slowing")
ASKED_TO_WAIT = QT_TRANSLATE_NOOP("Pace", "the server asked to wait {0:.0f} s (HTTP {1})")
BUSY = QT_TRANSLATE_NOOP("Pace", "the server was busy (HTTP {1})")
TOO_LONG = QT_TRANSLATE_NOOP("Pace", "an answer took too long")


class Pace:
    def __init__(self, cap: int = CAP, start: int = START) -> None:
        self.cap = max(1, cap)
        self.limit = float(min(max(1, start), self.cap))
        self.growing_fast = True  # doubling each round trip, until the first slow-down
        self.fastest: float | None = None  # s: the fastest answer lately
        self.not_before = 0.0  # time.monotonic(): nothing new before (Retry-After)
        self.reason = ""  # why it last slowed down ("" once it has grown back): a text
        self.reason_args: tuple[object, ...] = ()  # above, and what fills it in
        self._calm = 0  # answers to see before it may slow down again (one round trip)
        self.refusals = 0  # "not now" answers in a row (an answer resets it)

    @property
    def allowed(self) -> int:
        """How many may be in flight now."""
        return max(1, int(self.limit))

    def answered(self, seconds: float) -> None:
        """An answer came, ``seconds`` after its request went out."""
        fastest = self.fastest = seconds if self.fastest is None else min(
            seconds, self.fastest * 1.01)  # (creeps up: an old best does not rule for ever)
        self._calm = max(0, self._calm - 1)
        self.refusals = 0
        if seconds > fastest * RISING and seconds - fastest > RISING_BY:
            self._slow(0.75, SLOWING)
            return
        if fastest < NEAR and self.limit >= START:
            return  # near: more in flight would only queue at the server
        self.limit = min(float(self.cap), self.limit + (1 if self.growing_fast
                                                        else 1 / self.limit))
        if self.reason and self.limit >= self.cap:
            self.reason = ""

    def refused(self, status: int | None, retry_after: float | None) -> None:
        """The server said "not now" (429 Too Many Requests, 503 Unavailable)."""
        self.refusals += 1
        wait = retry_after if retry_after is not None else 1.0
        self.not_before = max(self.not_before, time.monotonic() + wait)
        self._calm = 0  # (each refusal counts)
        self._slow(0.5, ASKED_TO_WAIT if retry_after is not None else BUSY, (wait, status))

    @property
    def given_up(self) -> bool:
        """The server keeps saying "not now": the work should stop asking (and say so)."""
        return self.refusals >= REFUSALS

    def timed_out(self) -> None:
        self._slow(0.5, TOO_LONG)

    def _slow(self, factor: float, reason: str, args: tuple[object, ...] = ()) -> None:
        if self._calm:
            return  # slowed down already for this round trip's answers
        self.limit = max(1.0, self.limit * factor)
        self.growing_fast = False
        self.reason, self.reason_args = reason, args
        self._calm = self.allowed

    def why(self, translate: Callable[[str, str], str] = lambda _context, text: text) -> str:
        """Why it last slowed down, in words (``translate``: QCoreApplication.translate)."""
        return translate("Pace", self.reason).format(*self.reason_args) if self.reason else ""

    async def wait_turn(self) -> None:
        """Until the server's Retry-After has passed."""
        delay = self.not_before - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
