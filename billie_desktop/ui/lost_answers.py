"""The journal's lost answers, settled for a main window's session (work/confirming.py):
at sign-in, once the customers are on screen (and only when there is a journal on disk to
look in: opening it is no part of a start), and when Activity's Check now is pressed."""

from __future__ import annotations

import logging
from collections.abc import Callable

from billie_desktop.ui.session import Session
from billie_desktop.ui.widgets import Translated
from billie_desktop.work.entries import AT_SIGN_IN

log = logging.getLogger(__name__)


class LostAnswers(Translated):
    def __init__(self, session: Session, tell: Callable[[str], None]) -> None:
        """``tell``: a message for the status bar."""
        self.session, self.tell = session, tell

    async def at_sign_in(self) -> None:
        if self.session.journal_kept():
            await self.check(AT_SIGN_IN)

    async def check(self, how: str) -> str:
        """Reads back this server's "no answer" entries in the user's organisations; what
        it found, in a sentence (also told in the status bar when anything was settled)."""
        from billie_desktop.work.confirming import settle

        journal = self.session.journal
        if journal is None or not self.session.organisations:
            return ""
        settled = await settle(self.session.send, journal, self.session.server_label,
                               [o.id for o in self.session.organisations], how)
        if not settled.checked and not settled.unknown:
            return ""
        text = self.tr("Checked {0:,} changes whose answer had been lost: {1:,} made, {2:,} "
                       "not made.").format(settled.checked, settled.changed,
                                           settled.not_changed)
        if settled.unknown:
            text += " " + self.tr("{0:,} could not be checked yet.").format(settled.unknown)
        if settled.checked:
            self.tell(text)
        log.info("lost answers: %d made, %d not made, %d unchecked", settled.changed,
                 settled.not_changed, settled.unknown)
        return text
