"""Closing is never a surprise (issue #23). Closing the main window, quitting, signing out
or switching organisation while work that changes the server (a Link by email run, a
single link) or writes a file (an export) is under way asks first: "A link run is in
progress (1,204 left). Stop and close?"

Stopping is not dropping: nothing new is sent, the answers already on their way are
awaited (up to a limit), a link whose answer was lost is read back, and each outcome is
recorded in the activity journal; only then does the window close. What is abandoned at
the limit stays "no answer" in the journal, and is read back at the next sign-in
(work/confirming.py)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from billie_desktop.ui.widgets import Translated, ask

log = logging.getLogger(__name__)

CLOSE, SIGN_OUT, SWITCH = "close", "sign out", "switch"
STOP_LIMIT = 10.0  # seconds a stop waits for the answers in flight before it abandons them


@dataclass(frozen=True)
class Work:
    """Something under way that a close would cut off."""

    text: str  # in a sentence: "A link run is in progress (1,204 left)."
    stop: Callable[[], Awaitable[None]]  # stops it properly; returns once it has


class StopFirst(Translated):
    """Asks before an action that would cut work off, and stops the work when told to."""

    def __init__(self, parent: QWidget, works: Callable[[], list[Work]],
                 tell: Callable[[str], None]) -> None:
        """``works``: what is under way now; ``tell``: a message for the status bar."""
        self.parent, self.works, self.tell = parent, works, tell
        self.asking = False

    def busy(self) -> bool:
        return bool(self.works())

    async def ask(self, action: str) -> bool:
        """True when nothing is under way, or the user chose to stop it (stopped by now);
        False: keep working, and the action does not happen."""
        works = self.works()
        if not works:
            return True
        if self.asking:
            return False  # the question is already up
        question, yes = {
            CLOSE: (self.tr("Stop and close?"), self.tr("Stop and close")),
            SIGN_OUT: (self.tr("Stop and sign out?"), self.tr("Stop and sign out")),
            SWITCH: (self.tr("Stop and switch organisation?"), self.tr("Stop and switch")),
        }[action]
        self.asking = True
        try:
            stop = await ask(self.parent, self.tr("Work in progress"), "\n".join(
                [w.text for w in works] + ["", question, "", self.tr(
                    "Nothing new is sent. The answers already on their way are awaited and "
                    "recorded in View ▸ Activity; any that do not come are checked at the "
                    "next sign-in.")]), yes, self.tr("Keep working"))
        finally:
            self.asking = False
        if stop:
            await self.stop()
        return stop

    async def stop(self) -> None:
        """Stops everything under way, without a question (the session ended, the app
        quits), and returns once it has."""
        works = self.works()
        if not works:
            return
        self.tell(self.tr("Stopping: waiting for the answers already on their way…"))
        for outcome in await asyncio.gather(*(w.stop() for w in works), return_exceptions=True):
            if isinstance(outcome, BaseException) and \
                    not isinstance(outcome, asyncio.CancelledError):
                log.error("stopping work failed", exc_info=outcome)
