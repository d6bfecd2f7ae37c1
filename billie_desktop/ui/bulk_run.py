"""Applying a bulk link: the documented PUT for each ticked pair, four in flight.

The rules that keep people's data safe:

- A pair that was linked is never sent again (its outcome is final).
- A pair whose answer was lost (the request may have reached the server) is read back
  before anything is resent: linked already, or sent again.
- A network failure pauses the whole run (nothing new is sent) until the user retries.
- An expired session is handled by the session: it asks for the password once, however
  many requests were waiting, and they carry on. Declining pauses the run.
- Pause and Cancel send nothing new; what is in flight finishes and is reported. Once
  nothing is in flight, a cancelled run reads back any link whose answer was lost, so that
  the journal says what really happened.
- Stop (closing the window, signing out, quitting) is Cancel with a time limit: what is
  still in flight after it is abandoned, and recorded as "no answer" (settled at the next
  sign-in: work/confirming.py).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import deque

from PySide6.QtCore import QObject, Signal

from billie_desktop.api import (
    BillieError,
    NotSignedInError,
    RequestTimeoutError,
    ServerError,
    TransportError,
)
from billie_desktop.ui.account_results import account_text
from billie_desktop.ui.bulk_words import plain_words
from billie_desktop.ui.run_state import RunState, Tally
from billie_desktop.ui.stopping import STOP_LIMIT
from billie_desktop.work.entries import BULK_LINK, NOT_CHANGED, UNLINK, Where
from billie_desktop.work.journal import Journal
from billie_desktop.work.linking import CHECKED_NOT_LINKED, Linker, LinkTarget
from billie_desktop.work.matching import Outcome, Pair
from billie_desktop.work.pace import Pace
from billie_desktop.work.paging import Send
from billie_desktop.work.undoing import changed_since


class LinkRun(QObject):
    """Sends the links for a list of pairs; the window shows what it reports."""

    pair_changed = Signal(object)  # a Pair
    pairs_changed = Signal()  # many at once
    linked = Signal(object)  # the updated Customer, from the server's answer
    state_changed = Signal(object, str)  # RunState, and why (paused: what happened)

    def __init__(self, send: Send, organisation_id: str, pairs: list[Pair], *,
                 fresh: bool = False, journal: Journal | None = None,
                 where: Where | None = None, kind: str = BULK_LINK,
                 pace: Pace | None = None) -> None:
        """``fresh``: straight from matching, none sent yet (nothing to count).
        ``journal``: where each link is recorded (``where``: by whom, where). ``kind``
        UNLINK: each pair's link is removed instead (the undo of a run), once reading the
        customer back shows it still linked to that account."""
        super().__init__()
        self.kind = kind
        self.send, self.organisation_id, self.pairs = send, organisation_id, pairs
        self.linker = Linker(send, journal, where)  # each link, and its journal entry
        self.pace = pace or Pace()  # how many links in flight (work/pace.py)
        self._active = 0  # workers running
        self.run_id = uuid.uuid4().hex  # its entries carry it: Activity undoes a whole run
        self.state = RunState.IDLE
        self.reason = ""
        self._queue: deque[Pair] = deque()
        self._workers: list[asyncio.Task[None]] = []
        self.started = 0.0
        self.sent_this_run = 0  # answers received since the last start: for the rate
        self._counts = {o: 0 for o in Outcome}
        self._checked = False  # a cancelled run's lost answers: read back once
        if fresh:
            self._counts[Outcome.READY] = len(pairs)
        else:
            for pair in pairs:
                self._counts[pair.outcome] += 1

    # --- what the window asks -------------------------------------------------------------
    def start(self) -> None:
        """Queues every ticked pair not yet linked or failed, and starts sending."""
        self._queue.extend(p for p in self.pairs if p.ticked and p.outcome in (
            Outcome.READY, Outcome.SKIPPED))
        for pair in self._queue:
            self._set(pair, Outcome.QUEUED, quiet=True)
        self.pairs_changed.emit()  # once for them all: thousands of signals hold the loop
        self._go()

    def retry_failed(self) -> None:
        """Sends again what the server refused (and checks what got no answer)."""
        again = [p for p in self.pairs if p.outcome in (Outcome.FAILED, Outcome.UNKNOWN)]
        for pair in again:
            if pair.outcome == Outcome.FAILED:
                self._set(pair, Outcome.QUEUED)
        self._queue.extend(again)
        self._go()

    def resume(self) -> None:
        """After a pause: answers that were lost are checked first, then the rest."""
        unknown = [p for p in self.pairs if p.outcome == Outcome.UNKNOWN]
        self._queue.extendleft(reversed(unknown))
        self._go()

    def pause(self) -> None:
        if self.state == RunState.RUNNING:
            self._change(RunState.PAUSING, "")  # (a reason is a failure's: shown in a banner)
            self._settle()

    def cancel(self) -> None:
        """Nothing new is sent; what was queued is marked as not sent."""
        while self._queue:
            pair = self._queue.popleft()
            if pair.outcome == Outcome.QUEUED:
                self._skip(pair)
        self._checked = False
        if self.state in (RunState.RUNNING, RunState.PAUSING, RunState.PAUSED):
            self._change(RunState.CANCELLING, "")
        self._settle()

    async def stop(self, limit: float | None = None) -> None:
        """Cancel, then wait until it is done: at most ``limit`` seconds (STOP_LIMIT) for
        the answers in flight; any still missing then are abandoned ("no answer")."""
        if self.state in (RunState.IDLE, RunState.DONE):
            return
        self.cancel()
        waiting = asyncio.ensure_future(self.wait_done())
        try:
            done, _ = await asyncio.wait({waiting}, timeout=STOP_LIMIT if limit is None
                                         else limit)
        finally:
            waiting.cancel()
        if not done:  # abandoned: not read back now (the server may yet make them)
            self._checked = True
            for worker in self._workers:
                worker.cancel()
            await asyncio.gather(*self._workers, return_exceptions=True)
            self._change(RunState.DONE, "")

    async def wait_done(self) -> None:
        while self.state != RunState.DONE:
            await self.wait_idle()
            await asyncio.sleep(0.01)  # (_settle runs once the last worker has ended)

    def tally(self) -> Tally:
        c = self._counts
        left = c[Outcome.QUEUED] + c[Outcome.SENDING] + c[Outcome.UNKNOWN]
        return Tally(linked=c[Outcome.LINKED], failed=c[Outcome.FAILED], left=left,
                     in_flight=c[Outcome.SENDING], not_sent=c[Outcome.SKIPPED],
                     ticked=c[Outcome.LINKED] + c[Outcome.FAILED] + left + c[Outcome.SKIPPED])

    def counts(self) -> dict[Outcome, int]:
        """How many pairs have each outcome (kept as they change, not counted)."""
        return dict(self._counts)

    @property
    def remaining(self) -> int:
        return len(self._queue) + self._counts[Outcome.SENDING]

    @property
    def rate(self) -> float:
        """Links answered a second since the last start."""
        return self.sent_this_run / max(time.perf_counter() - self.started, 1e-3)

    async def wait_idle(self) -> None:
        """For tests: until no request is in flight."""
        while any(not w.done() for w in self._workers):
            await asyncio.gather(*self._workers, return_exceptions=True)

    # --- sending -----------------------------------------------------------------------------
    def _go(self) -> None:
        self._workers = [w for w in self._workers if not w.done()]
        self.started, self.sent_this_run = time.perf_counter(), 0
        self.pace.refusals = 0  # (resumed: the server is asked afresh)
        self._change(RunState.RUNNING, "")
        self._spawn()
        self._settle()

    def _spawn(self) -> None:
        """Workers up to what the pace allows (work/pace.py): it grows while answers come
        steadily; a worker beyond it stops after its link."""
        for _ in range(min(self.pace.allowed - self._active, len(self._queue))):
            self._active += 1
            self._workers.append(asyncio.ensure_future(self._worker()))

    async def _worker(self) -> None:
        try:
            while self.state == RunState.RUNNING and self._queue and \
                    self._active <= self.pace.allowed:
                await self.pace.wait_turn()  # the server's Retry-After
                if self.state != RunState.RUNNING or not self._queue:
                    break
                await self._link(self._queue.popleft())
                self._spawn()
        finally:
            self._active -= 1
            asyncio.get_running_loop().call_soon(self._settle)

    async def _link(self, pair: Pair) -> None:
        was_unknown = pair.outcome == Outcome.UNKNOWN
        self._set(pair, Outcome.SENDING)
        target = self._target(pair)
        try:
            if was_unknown and await self._read_back(pair, target):
                return
            if self.kind == UNLINK and await self._changed_since(pair, target):
                return
            pair.entry = self.linker.begin(target)
            sent = time.monotonic()
            linked = await self.linker.link(target, read_back_if_lost=False, entry=pair.entry)
            self.pace.answered(time.monotonic() - sent)
        except asyncio.CancelledError:  # Stop's limit passed: abandoned, answer unknown
            self._set(pair, Outcome.UNKNOWN, self.tr("Stopped before the answer came"))
            raise
        except ServerError as exc:
            if not exc.busy:
                self._answered(pair, Outcome.FAILED, plain_words(exc))
                return
            self._refused(pair, exc, was_unknown)
            return
        except TransportError as exc:
            if isinstance(exc, RequestTimeoutError):
                self.pace.timed_out()
            lost = exc.fate_unknown or was_unknown
            self._put_back(pair, lost)
            self._pause_for(self.tr("The connection to the server was lost ({0}). Nothing more "
                                    "is sent until you retry.").format(exc.message))
            return
        except NotSignedInError as exc:  # the password prompt was declined
            self._put_back(pair, was_unknown)
            self._pause_for(self.tr("Not signed in ({0}). Retry once you are.").format(exc.message))
            return
        except BillieError as exc:
            self._answered(pair, Outcome.FAILED, plain_words(exc))
            return
        self._answered(pair, Outcome.LINKED, self.tr("Linked"))
        if linked.customer is not None:
            self.linked.emit(linked.customer)

    def _refused(self, pair: Pair, exc: ServerError, was_unknown: bool) -> None:
        """The server said "not now" (429, 503): the pair waits its turn again (a 503
        after a lost answer still is read back first), the pace slows down; a server that
        keeps refusing pauses the run."""
        self.pace.refused(exc.status, exc.retry_after)
        self._set(pair, Outcome.UNKNOWN if was_unknown else Outcome.QUEUED)
        self._queue.appendleft(pair)
        if self.pace.given_up:
            self._pause_for(self.tr("The server keeps asking to slow down (HTTP {0}). Nothing "
                                    "more is sent until you resume.").format(exc.status))

    async def _read_back(self, pair: Pair, target: LinkTarget) -> bool:
        """A pair whose answer was lost, read back before anything is resent: True when it
        was linked after all. Its journal entry says what the read showed, either way."""
        customer = await self.linker.linked_already(target, pair.entry)
        if customer is not None:
            self._answered(pair, Outcome.LINKED, self.tr(
                "Unlinked (checked after a lost answer)") if self.kind == UNLINK else self.tr(
                "Linked (checked after a lost answer)"))
            self.linked.emit(customer)
            return True
        self.linker.finish(pair.entry, NOT_CHANGED, CHECKED_NOT_LINKED)
        return False

    async def _check_lost(self) -> None:
        """A cancelled run's lost answers, read back: linked, or not sent after all. One
        still unreadable stays unknown (its entry "no answer", settled at the next sign-in)."""
        for pair in [p for p in self.pairs if p.outcome == Outcome.UNKNOWN]:
            try:
                if not await self._read_back(pair, self._target(pair)):
                    self._set(pair, Outcome.SKIPPED,
                              self.tr("Not linked (checked after a lost answer)"))
            except BillieError:
                return  # the server can't be reached: the rest stay unknown too

    async def _changed_since(self, pair: Pair, target: LinkTarget) -> bool:
        """An undo's check before it sends: True (and the pair failed, nothing sent) when
        the customer is no longer linked to the account the run linked."""
        customer = await self.linker.current(target)
        if customer is not None and not changed_since(customer.user_account_id, target):
            return False
        self._answered(pair, Outcome.FAILED, self.tr("Changed since: left as it is"))
        return True

    def _target(self, pair: Pair) -> LinkTarget:
        account = account_text(pair.account.display_name, pair.account.email)
        if self.kind == UNLINK:
            return LinkTarget(
                customer_id=pair.customer.id, customer_name=pair.customer.full_name,
                organisation_id=self.organisation_id, account_id="", account_label="",
                previous_label=account, previous_account_id=pair.account.id, kind=UNLINK,
                run_id=self.run_id)
        return LinkTarget(
            customer_id=pair.customer.id, customer_name=pair.customer.full_name,
            organisation_id=self.organisation_id, account_id=pair.account.id,
            account_label=account, kind=BULK_LINK, run_id=self.run_id)

    # --- bookkeeping ------------------------------------------------------------------------
    def _put_back(self, pair: Pair, lost: bool) -> None:
        """Not linked for sure: checked first when the run resumes (``lost``: it may have
        been), or sent again; not sent at all when the run is being cancelled."""
        if lost:
            self._set(pair, Outcome.UNKNOWN, self.tr("No answer: checked before it is resent"))
        elif self.state == RunState.CANCELLING:
            self._skip(pair)
        else:
            self._set(pair, Outcome.QUEUED)
            self._queue.appendleft(pair)

    def _skip(self, pair: Pair) -> None:
        self._set(pair, Outcome.SKIPPED, self.tr("Not sent (cancelled)"))

    def _answered(self, pair: Pair, outcome: Outcome, message: str) -> None:
        self.sent_this_run += 1
        self._set(pair, outcome, message)

    def _set(self, pair: Pair, outcome: Outcome, message: str = "", *,
             quiet: bool = False) -> None:
        self._counts[pair.outcome] -= 1
        self._counts[outcome] += 1
        pair.outcome, pair.message = outcome, message
        if not quiet:
            self.pair_changed.emit(pair)

    def _pause_for(self, reason: str) -> None:
        if self.state in (RunState.RUNNING, RunState.PAUSING):
            self._change(RunState.PAUSING, reason)
        self._settle()

    def _change(self, state: RunState, reason: str) -> None:
        self.state, self.reason = state, reason
        self.state_changed.emit(state, reason)

    def _settle(self) -> None:
        """Once nothing is in flight: paused, or done."""
        if any(not w.done() for w in self._workers):
            return
        if self.state == RunState.PAUSING:
            self._change(RunState.PAUSED, self.reason)
        elif self.state == RunState.CANCELLING and self._counts[Outcome.UNKNOWN] and \
                not self._checked:
            self._checked = True
            self._workers = [asyncio.ensure_future(self._checking())]
        elif self.state == RunState.CANCELLING or (
                self.state == RunState.RUNNING and not self._queue):
            self._change(RunState.DONE, "")

    async def _checking(self) -> None:
        try:
            await self._check_lost()
        finally:
            asyncio.get_running_loop().call_soon(self._settle)

    def summary(self) -> str:
        counts = self.counts()
        lines = [self.tr("Linked {0:,}, failed {1:,}, not sent {2:,}; {3:,} left unticked.").format(
            counts[Outcome.LINKED], counts[Outcome.FAILED] + counts[Outcome.UNKNOWN],
            counts[Outcome.SKIPPED] + counts[Outcome.QUEUED], counts[Outcome.READY])]
        for pair in self.pairs:
            if pair.outcome in (Outcome.FAILED, Outcome.UNKNOWN):
                lines.append(f"{pair.customer.full_name} <{pair.customer.email}> -> "
                             f"{pair.account.email}: {pair.message or pair.outcome.value}")
        return "\n".join(lines)
