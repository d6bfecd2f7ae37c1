"""What a bulk run says, in the user's words: why the server refused one link, and the
run's one line of counts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from billie_desktop.api import (
    BillieError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    ValidationError,
)
from billie_desktop.ui.run_state import RunState, Tally
from billie_desktop.work.entries import BULK_LINK, UNLINK


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


def tally_text(tally: Tally, state: RunState, rate: float, kind: str = BULK_LINK,
               slowed: str = "") -> str:
    """The run's one line of counts, as its state reads (``kind`` UNLINK: an undo's;
    ``slowed``: why it sends fewer at once, work/pace.py)."""
    done = QCoreApplication.translate("LinkRun", "unlinked") if kind == UNLINK else \
        QCoreApplication.translate("LinkRun", "linked")
    if state == RunState.RUNNING:
        seconds = tally.left / rate if rate > 0 else 0.0
        text = QCoreApplication.translate(
            "LinkRun", "{5} {0:,} · failed {1:,} · {2:,} left · {6:,} in flight · {3:,.0f} a "
            "second · about {4:,.0f} s left").format(
            tally.linked, tally.failed, tally.left, rate, seconds, done.capitalize(),
            tally.in_flight)
        return text + (" · " + QCoreApplication.translate("LinkRun", "slowed: {0}").format(
            slowed) if slowed else "")
    if state == RunState.PAUSING:
        return QCoreApplication.translate(
            "LinkRun", "Pausing — {0:,} {2}, {1:,} in flight: waiting for their answers, "
            "sending nothing new").format(tally.linked, tally.in_flight, done)
    if state == RunState.PAUSED:
        return QCoreApplication.translate(
            "LinkRun", "Paused — {0:,} {4}, {1:,} in flight · failed {2:,} · {3:,} left. "
            "Resume carries on.").format(tally.linked, tally.in_flight, tally.failed, tally.left,
                                         done)
    if state == RunState.CANCELLING:
        return QCoreApplication.translate(
            "LinkRun", "Cancelling — {0:,} {2}, {1:,} in flight: waiting for their answers, "
            "sending nothing new").format(tally.linked, tally.in_flight, done)
    if state != RunState.DONE:
        return ""
    text = QCoreApplication.translate("LinkRun", "Cancelled — {3} {0:,}, failed {1:,}, not "
                                      "sent {2:,}.") if tally.not_sent else \
        QCoreApplication.translate("LinkRun", "Done — {3} {0:,}, failed {1:,}, not sent {2:,}.")
    text = text.format(tally.linked, tally.failed, tally.not_sent, done)
    if tally.left:
        text += " " + QCoreApplication.translate(
            "LinkRun", "{0:,} got no answer: each is checked at the next sign-in.").format(
            tally.left)
    return text
