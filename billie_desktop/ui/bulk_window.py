"""Customer ▸ Link by email…: match the organisation's unlinked customers to its unlinked
user accounts by email, review, and apply with progress (issue #12).

The window loads (bulk_loader.py), shows what matched and what needs a person
(bulk_models.py), and applies the ticked links (bulk_run.py). It is a window of its own,
not modal: the main list stays usable, and updates the rows that get linked."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.api import (
    BillieError,
    Organisation,
    QueryCustomersRequest,
    QueryUserAccountsRequest,
)
from billie_desktop.ui.bulk_models import NeedsPersonModel, PairsModel
from billie_desktop.ui.bulk_run import LinkRun
from billie_desktop.ui.bulk_words import tally_text
from billie_desktop.ui.run_state import RunState
from billie_desktop.ui.session import Session
from billie_desktop.ui.stopping import CLOSE, StopFirst, Work
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import Banner, LiveLabel, PlainLabel, ask, fit_headers, fit_on_screen
from billie_desktop.work.entries import BULK_LINK, UNLINK
from billie_desktop.work.loading import LoadProgress, load_and_match
from billie_desktop.work.matching import MatchResult, Outcome, Pair
from billie_desktop.work.pace import Pace

CONFIRM_QUIETLY = 100  # links Apply's question offers as its default; more default to Cancel


def _table(model: PairsModel | NeedsPersonModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    fit_headers(view, (200, 230, 180, 230, 200)[:model.columnCount()])
    return view


class BulkLinkWindow(QWidget):
    linked = Signal(object)  # a Customer the server linked: the main list updates its row
    show_customer = Signal(str)  # a customer's id: select it in the main list

    def __init__(self, session: Session, organisation: Organisation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session, self.organisation = session, organisation
        self.tasks = Tasks()
        self.result: MatchResult | None = None
        self.run: LinkRun | None = None
        self.setWindowTitle(self._title())
        self._build()
        self.resize(1180, 760)
        fit_on_screen(self)
        self.load()

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        intro = PlainLabel(self._intro())
        intro.setWordWrap(True)
        self.banner = Banner()
        self.banner.action_clicked.connect(self._banner_retry)
        self.counts = LiveLabel()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.status = LiveLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pairs_title = PlainLabel()
        self.needs_title = PlainLabel()
        self.pairs_view = _table(PairsModel([]), self.tr("Ready to link"))
        self.needs_view = _table(NeedsPersonModel([]), self.tr("Needs a person"))
        self.needs_view.doubleClicked.connect(self._show_needs_customer)
        self.tick_all = QPushButton(self.tr("Tick all"))
        self.untick_all = QPushButton(self.tr("Untick all"))
        self.tick_all.clicked.connect(lambda: self._tick(True))
        self.untick_all.clicked.connect(lambda: self._tick(False))
        top = QHBoxLayout()
        top.addWidget(self.pairs_title, 1)
        top.addWidget(self.tick_all)
        top.addWidget(self.untick_all)
        pairs_box, needs_box = QWidget(), QWidget()
        self.needs_box = needs_box
        pairs_layout = QVBoxLayout(pairs_box)
        pairs_layout.setContentsMargins(0, 0, 0, 0)
        pairs_layout.addLayout(top)
        pairs_layout.addWidget(self.pairs_view)
        needs_layout = QVBoxLayout(needs_box)
        needs_layout.setContentsMargins(0, 0, 0, 0)
        needs_layout.addWidget(self.needs_title)
        needs_layout.addWidget(self.needs_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(pairs_box)
        splitter.addWidget(needs_box)
        splitter.setSizes([480, 200])
        layout = QVBoxLayout(self)
        for widget in (intro, self.banner, self.counts, self.progress, self.status):
            layout.addWidget(widget)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.retry_button = QPushButton(self.tr("&Retry failed"))
        self.copy_button = QPushButton(self.tr("&Copy summary"))
        self.close_button = QPushButton(self.tr("Close"))
        self.apply_button.clicked.connect(self.apply)
        self.pause_button.clicked.connect(self.pause_or_resume)
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.retry)
        self.copy_button.clicked.connect(self.copy_summary)
        self.close_button.clicked.connect(self.close)
        row = QHBoxLayout()
        for button in (self.apply_button, self.pause_button, self.cancel_button,
                       self.retry_button, self.copy_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    # --- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        self.banner.clear()
        self.result = None
        self._show_result(MatchResult())
        self.pairs_title.clear()  # (not "0 matches": none are counted yet)
        self.needs_title.clear()
        self.counts.setText(self.tr("Counting once everything is loaded…"))
        self.progress.show()
        self.status.setText(self.tr("Loading user accounts…"))
        self.progress.setRange(0, 0)
        self.tasks.run("load", self._load())
        self._update_buttons()

    async def _load(self) -> None:
        started = time.perf_counter()
        try:
            result = await self._matched()
        except BillieError as exc:
            self.progress.setRange(0, 1)
            self.banner.show_message(self.tr("Could not load: {0}").format(exc.message),
                                     kind="error", action=self.tr("Retry"))
            self.status.setText(self.tr("Nothing was changed. Press Retry to load again."))
            self._update_buttons()
            return
        self.result = result
        self._show_result(result)
        self.progress.hide()  # (an empty bar reads as a text box: back once a run starts)
        self.status.setText(self._loaded_text(time.perf_counter() - started))
        self._update_buttons()

    def _loading(self, progress: LoadProgress) -> None:
        self.progress.setFormat("%p%")
        self.progress.setRange(0, progress.pages)
        self.progress.setValue(progress.pages_done)
        what = self.tr("user accounts") if progress.what == "accounts" else self.tr("customers")
        self.status.setText(self.tr("Loading {0}: page {1:,} of {2:,}, {3:,} of {4:,} rows, "
                                    "{6:,} pages on their way, {5:,.0f} rows/s").format(
            what, progress.pages_done, progress.pages, progress.rows_done, progress.rows,
            progress.rate, progress.in_flight))

    def _show_result(self, result: MatchResult) -> None:
        self.pairs_model = PairsModel(result.pairs, fresh=True, kind=self.kind)
        self.needs_model = NeedsPersonModel(result.needs_person)
        self.pairs_view.setModel(self.pairs_model)
        self.needs_view.setModel(self.needs_model)
        self.pairs_model.dataChanged.connect(lambda *_: self._update_buttons())
        self.run = LinkRun(self.session.send, self.organisation.id, result.pairs, fresh=True,
                           journal=self.session.journal,
                           where=self.session.where(self.organisation), kind=self.kind,
                           pace=Pace(self.session.max_in_flight))
        self.run.pair_changed.connect(self._pair_changed)
        self.run.pairs_changed.connect(self.pairs_model.all_changed)
        self.run.state_changed.connect(self._run_state)
        self.run.linked.connect(self.linked)
        self._show_counts(result)

    # --- what Link by email says (an undo of a run says otherwise: undo_run_window.py) -------
    kind = BULK_LINK  # what each change of the run is (work/entries.py)

    def _title(self) -> str:
        return self.tr("Link by email – {0}").format(self.organisation.name)

    def _intro(self) -> str:
        return self.tr(
            "Customers of {0} without a user account are matched to user accounts that are "
            "not linked yet, when their emails are the same (ignoring case and surrounding "
            "spaces). Only one-to-one matches are offered; untick any you do not want, then "
            "Apply.").format(self.organisation.name)

    async def _matched(self) -> MatchResult:
        return await load_and_match(self.session.send, self.organisation.id, self._loading,
                                    Pace(self.session.max_in_flight),
                                    by_key=all(self.session.reads_by_key(r.operation_name())
                                               for r in (QueryCustomersRequest,
                                                         QueryUserAccountsRequest)))

    def _loaded_text(self, seconds: float) -> str:
        return self.tr("Loaded and matched in {0:.1f} s. Review the matches, then Apply.").format(
            seconds)

    def _question(self, ticked: int) -> tuple[str, str, str]:
        """Apply's question: (title, text, its yes button)."""
        what = self.tr("Link {0:,} customers").format(ticked) if ticked != 1 else \
            self.tr("Link 1 customer")
        return self.tr("Link by email"), self.tr(
            "{0} of {1} to user accounts?\n\nServer: {2}\n\nEach is linked to the user "
            "account with the same email. Links can be undone from View ▸ Activity where the "
            "server allows it.").format(what, self.organisation.name,
                                        self.session.server_label), what

    def _show_counts(self, result: MatchResult) -> None:
        self.counts.setText(self.tr("Matched: {0:,}   ·   Needs a person: {1:,}   ·   Unmatched "
                                    "customers: {2:,}").format(
            len(result.pairs), result.ambiguous, result.unmatched))
        self.pairs_title.setText(self.tr("Matches ({0:,}): each customer and the account with its "
                                         "email").format(len(result.pairs)))
        self.needs_title.setText(self.tr("Needs a person ({0:,}): an email shared by more than one "
                                         "customer or account. Double-click to find the customer "
                                         "in the list and link it yourself.").format(
            len(result.needs_person)))

    # --- applying ----------------------------------------------------------------------------
    def apply(self) -> None:
        """Asks first (naming the count, the organisation and the server), then links."""
        if self.run is None or not self.pairs_model.ticked or self.tasks.running("confirm"):
            return
        self.tasks.run("confirm", self._confirm_and_apply(self.pairs_model.ticked))

    async def _confirm_and_apply(self, ticked: int) -> None:
        many = ticked > CONFIRM_QUIETLY
        title, text, yes = self._question(ticked)
        if not await ask(self, title, text, yes, self.tr("Cancel"), default_yes=not many):
            self.status.setText(self.tr("Nothing was sent."))
            return
        if self.run is None or self.run.state not in (RunState.IDLE, RunState.DONE):
            return
        self.banner.clear()
        self.run.start()
        self._show_tally()

    def pause_or_resume(self) -> None:
        if self.run is None:
            return
        if self.run.state == RunState.RUNNING:
            self.run.pause()
        elif self.run.state == RunState.PAUSED:
            self.banner.clear()
            self.run.resume()

    def _banner_retry(self) -> None:
        """The banner's button: Retry loads again; Resume carries on a run that paused on a
        failure."""
        if self.result is None:
            self.load()
        elif self.run is not None and self.run.state == RunState.PAUSED:
            self.pause_or_resume()

    def cancel(self) -> None:
        if self.tasks.running("load"):
            self.tasks.cancel("load")
            self.progress.setRange(0, 1)
            self.status.setText(self.tr("Loading was cancelled. Nothing was changed."))
        elif self.run is not None and self.run.state in (
                RunState.RUNNING, RunState.PAUSING, RunState.PAUSED):
            self.run.cancel()
        self._update_buttons()

    def retry(self) -> None:
        if self.result is None:
            self.load()
        elif self.run is not None:
            self.banner.clear()
            self.run.retry_failed()
            self._show_tally()

    def copy_summary(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.run is not None and clipboard is not None:
            clipboard.setText(self.run.summary())
            self.status.setText(self.tr("The summary is on the clipboard."))

    def _pair_changed(self, pair: Pair) -> None:
        self.pairs_model.pair_changed(pair)
        if pair.outcome != Outcome.QUEUED:
            self._show_tally()

    def _show_tally(self) -> None:
        """The run's counts, in the one line that shows them (the bar is their share)."""
        if self.run is None:
            return
        tally, state = self.run.tally(), self.run.state
        self.progress.show()
        self.progress.setRange(0, max(1, tally.ticked))
        self.progress.setValue(tally.answered + tally.not_sent)
        self.progress.setFormat("%p%")
        self.status.setText(tally_text(tally, state, self.run.rate, self.kind,
                                       self.run.pace.why(QCoreApplication.translate)))

    def _run_state(self, state: RunState, reason: str) -> None:
        self.pairs_model.recount()
        if state == RunState.PAUSED and reason:  # a lost connection, a declined prompt
            # Resume, not Retry: nothing is sent again; what was lost is read back first.
            self.banner.show_message(reason, kind="warning", action=self.tr("Resume"))
        self._show_tally()
        self._update_buttons()

    def _update_buttons(self) -> None:
        loading = self.result is None and self.tasks.running("load")
        state = self.run.state if self.run is not None else RunState.IDLE
        sending = state in (RunState.RUNNING, RunState.PAUSING, RunState.CANCELLING)
        counts = self.run.counts() if self.run is not None else {}
        self.pairs_model.editable = not sending and state != RunState.PAUSED
        ticked = self.pairs_model.ticked if self.result is not None else 0
        self.apply_button.setEnabled(self.result is not None and not sending
                                     and state != RunState.PAUSED and ticked > 0)
        self.apply_button.setText(self.tr("&Apply ({0:,})").format(ticked) if ticked else
                                  self.tr("&Apply"))
        self.pause_button.setEnabled(state in (RunState.RUNNING, RunState.PAUSED))
        self.pause_button.setText(self.tr("&Resume") if state == RunState.PAUSED
                                  else self.tr("&Pause"))
        self.cancel_button.setEnabled(loading or sending or state == RunState.PAUSED)
        failed = counts.get(Outcome.FAILED, 0) + counts.get(Outcome.UNKNOWN, 0)
        self.retry_button.setEnabled(
            not loading and (self.result is None or (state == RunState.DONE and failed > 0)))
        self.retry_button.setText(self.tr("&Retry failed") if self.result is not None else
                                  self.tr("&Retry"))
        self.copy_button.setEnabled(state == RunState.DONE or (
            self.run is not None and counts.get(Outcome.LINKED, 0) > 0 and not sending))
        self.tick_all.setEnabled(self.pairs_model.editable and self.result is not None)
        self.untick_all.setEnabled(self.pairs_model.editable and self.result is not None)

    def _tick(self, ticked: bool) -> None:
        self.pairs_model.tick_all(ticked)
        self._update_buttons()

    def _show_needs_customer(self) -> None:
        rows = self.needs_view.selectionModel().selectedRows()
        if rows:
            self.show_customer.emit(self.needs_model.items[rows[0].row()].customer.id)

    # --- closing -----------------------------------------------------------------------------
    def work(self) -> Work | None:
        """The run, while one is under way (paused too): a close asks first."""
        run = self.run
        if run is None or run.state in (RunState.IDLE, RunState.DONE):
            return None
        left, paused = run.tally().left, run.state == RunState.PAUSED
        if self.kind == UNLINK:
            text = self.tr("An undo run is paused ({0:,} left).") if paused else \
                self.tr("An undo run is in progress ({0:,} left).")
        else:
            text = self.tr("A link run is paused ({0:,} left).") if paused else \
                self.tr("A link run is in progress ({0:,} left).")
        return Work(text.format(left), run.stop)

    def closeEvent(self, event: QCloseEvent) -> None:
        """A run under way is stopped first, if the user says so (stopping.py); loading
        just stops."""
        if self.work() is not None:
            event.ignore()
            if not self.tasks.running("close"):
                self.tasks.run("close", self._close_when_stopped())
            return
        self.tasks.cancel_all()
        super().closeEvent(event)

    async def _close_when_stopped(self) -> None:
        stopper = StopFirst(self, lambda: [w] if (w := self.work()) else [], self.status.setText)
        if await stopper.ask(CLOSE):
            QTimer.singleShot(0, self.close)  # (not from this task: closing cancels it)
