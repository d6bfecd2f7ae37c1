"""Applying a bulk link: the documented PUT for each ticked pair, four in flight.

The rules that keep people's data safe:

- A pair that was linked is never sent again (its outcome is final).
- A pair whose answer was lost (the request may have reached the server) is read back
  before anything is resent: linked already, or sent again.
- A network failure pauses the whole run (nothing new is sent) until the user retries.
- An expired session is handled by the session: it asks for the password once, however
  many requests were waiting, and they carry on. Declining pauses the run.
- Pause and Cancel send nothing new; what is in flight finishes and is reported.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Signal

from billie_desktop.api import (
    BillieError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    NotSignedInError,
    TransportError,
    ValidationError,
)
from billie_desktop.ui.account_results import account_text
from billie_desktop.work.entries import Where
from billie_desktop.work.journal import Journal
from billie_desktop.work.linking import Linker, LinkTarget
from billie_desktop.work.matching import Outcome, Pair
from billie_desktop.work.paging import IN_FLIGHT, Send


class RunState(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSING = "pausing"  # nothing new is sent; waiting for what is in flight
    PAUSED = "paused"
    CANCELLING = "cancelling"
    DONE = "done"


def plain_words(exc: BillieError) -> str:
    """What the server said about one link, for the row's outcome."""
    if isinstance(exc, ValidationError):
        found = exc.error_for("UserAccountId") or exc.error_for("Id")
        return found or "; ".join(exc.general_errors()) or exc.message
    if isinstance(exc, ConflictError):
        return exc.message or QCoreApplication.translate(
            "BulkLink", "That user account is already linked to another customer.")
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("BulkLink", "Not found: {0}").format(exc.message) \
            if exc.message else QCoreApplication.translate("BulkLink",
                                                           "The customer no longer exists.")
    if isinstance(exc, ForbiddenError):
        return QCoreApplication.translate("BulkLink", "Not allowed: the server says your account "
                                          "may not link customers in this organisation.")
    return exc.message


class LinkRun(QObject):
    """Sends the links for a list of pairs; the window shows what it reports."""

    pair_changed = Signal(object)  # a Pair
    pairs_changed = Signal()  # many at once
    linked = Signal(object)  # the updated Customer, from the server's answer
    state_changed = Signal(object, str)  # RunState, and why (paused: what happened)

    def __init__(self, send: Send, organisation_id: str, pairs: list[Pair], *,
                 fresh: bool = False, journal: Journal | None = None,
                 where: Where | None = None) -> None:
        """``fresh``: straight from matching, none sent yet (nothing to count).
        ``journal``: where each link is recorded (``where``: by whom, where)."""
        super().__init__()
        self.send, self.organisation_id, self.pairs = send, organisation_id, pairs
        self.linker = Linker(send, journal, where)  # each link, and its journal entry
        self.state = RunState.IDLE
        self.reason = ""
        self._queue: deque[Pair] = deque()
        self._workers: list[asyncio.Task[None]] = []
        self.started = 0.0
        self.sent_this_run = 0  # answers received since the last start: for the rate
        self._counts = {o: 0 for o in Outcome}
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
            self._change(RunState.PAUSING, self.tr("Pausing: waiting for the links in flight…"))
            self._settle()

    def cancel(self) -> None:
        """Nothing new is sent; what was queued is marked as not sent."""
        while self._queue:
            pair = self._queue.popleft()
            if pair.outcome == Outcome.QUEUED:
                self._set(pair, Outcome.SKIPPED, self.tr("Not sent (cancelled)"))
        if self.state in (RunState.RUNNING, RunState.PAUSING):
            self._change(RunState.CANCELLING, self.tr("Cancelling: waiting for the links in "
                                                      "flight…"))
        else:
            self._change(RunState.DONE, self.tr("Cancelled."))
        self._settle()

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
        self._change(RunState.RUNNING, "")
        for _ in range(IN_FLIGHT - len(self._workers)):
            self._workers.append(asyncio.ensure_future(self._worker()))
        self._settle()

    async def _worker(self) -> None:
        try:
            while self.state == RunState.RUNNING and self._queue:
                await self._link(self._queue.popleft())
        finally:
            asyncio.get_running_loop().call_soon(self._settle)

    async def _link(self, pair: Pair) -> None:
        was_unknown = pair.outcome == Outcome.UNKNOWN
        self._set(pair, Outcome.SENDING)
        target = self._target(pair)
        try:
            if was_unknown:  # read back before anything is resent
                customer = await self.linker.linked_already(target, pair.entry)
                if customer is not None:
                    self._answered(pair, Outcome.LINKED,
                                   self.tr("Linked (checked after a lost answer)"))
                    self.linked.emit(customer)
                    return
            pair.entry = self.linker.begin(target)
            linked = await self.linker.link(target, read_back_if_lost=False, entry=pair.entry)
        except TransportError as exc:
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

    def _target(self, pair: Pair) -> LinkTarget:
        return LinkTarget(
            customer_id=pair.customer.id, customer_name=pair.customer.full_name,
            organisation_id=self.organisation_id, account_id=pair.account.id,
            account_label=account_text(pair.account.display_name, pair.account.email),
            kind="bulk link")

    # --- bookkeeping ------------------------------------------------------------------------
    def _put_back(self, pair: Pair, lost: bool) -> None:
        """Not linked for sure: checked first when the run resumes (``lost``: it may have
        been), or sent again; not sent at all when the run is being cancelled."""
        if lost:
            self._set(pair, Outcome.UNKNOWN, self.tr("No answer: checked before it is resent"))
        elif self.state == RunState.CANCELLING:
            self._set(pair, Outcome.SKIPPED, self.tr("Not sent (cancelled)"))
        else:
            self._set(pair, Outcome.QUEUED)
            self._queue.appendleft(pair)

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
        elif self.state == RunState.CANCELLING:
            self._change(RunState.DONE, self.tr("Cancelled."))
        elif self.state == RunState.RUNNING and not self._queue:
            self._change(RunState.DONE, self.tr("Done."))

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
