"""Activity ▸ Undo the run…: the undo of a whole Link by email run (issue #23), as the Link
by email window does a run: a review of what will change (the run's links whose customer
is still linked to that account; those changed since are left alone and counted), then
Apply with the same question, progress, Pause, Cancel, and closing that asks first. Each
link is removed with the assumed ``DisassociateUserAccountFromCustomerRequest``, after
reading the customer back (bulk_run.py), and recorded in the journal as an undo of the run."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtWidgets import QWidget

from billie_desktop.api import Organisation
from billie_desktop.ui.bulk_window import BulkLinkWindow
from billie_desktop.ui.session import Session
from billie_desktop.work.entries import UNLINK
from billie_desktop.work.matching import MatchResult
from billie_desktop.work.pace import Pace
from billie_desktop.work.undo_review import review_run


class UndoRunWindow(BulkLinkWindow):
    kind = UNLINK

    def __init__(self, session: Session, organisation: Organisation,
                 entries: list[sqlite3.Row], parent: QWidget | None = None) -> None:
        """``entries``: the run's journal entries."""
        self.entries = entries
        self.run_id = entries[0]["run_id"] if entries else ""
        self.when = dt.datetime.fromtimestamp(entries[0]["started"]).strftime(
            "%Y-%m-%d %H:%M") if entries else ""
        super().__init__(session, organisation, parent)
        self.needs_box.hide()  # (no one to decide for: each link is known)
        self.tick_all.setToolTip(self.tr("Undo every link of the run still in place"))

    def _title(self) -> str:
        return self.tr("Undo the Link by email run of {0} – {1}").format(
            self.when, self.organisation.name)

    def _intro(self) -> str:
        return self.tr(
            "Each link this run made in {0} is read back from the server. Those still in place "
            "are listed: Apply removes them, so each customer has no user account again. A "
            "customer whose link has changed since is left as it is. Untick any you want to "
            "keep.").format(self.organisation.name)

    async def _matched(self) -> MatchResult:
        return await review_run(self.session.send, self.organisation.id, self.entries,
                                self._loading, Pace(self.session.max_in_flight))

    def _loaded_text(self, seconds: float) -> str:
        return self.tr("Read back from the server in {0:.1f} s. Review what will change, then "
                       "Apply.").format(seconds)

    def _question(self, ticked: int) -> tuple[str, str, str]:
        what = self.tr("Remove {0:,} links").format(ticked) if ticked != 1 else \
            self.tr("Remove 1 link")
        return self.tr("Undo a Link by email run"), self.tr(
            "{0} the run of {3} made in {1}? Each customer will have no user account.\n\n"
            "Server: {2}\n\nEach customer is read back first: one whose link has changed "
            "since is left as it is.").format(what, self.organisation.name,
                                              self.session.server_label, self.when), what

    def _show_counts(self, result: MatchResult) -> None:
        self.counts.setText(self.tr("Links of the run still in place: {0:,}   ·   Changed since "
                                    "(left alone): {1:,}").format(len(result.pairs),
                                                                 result.unmatched))
        self.pairs_title.setText(self.tr("To unlink ({0:,}): each customer and the account the "
                                         "run linked").format(len(result.pairs)))
