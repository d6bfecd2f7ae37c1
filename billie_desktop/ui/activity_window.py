"""View ▸ Activity: every change made from this desktop (work/journal.py), newest first,
filtered by dates, organisation, outcome and text; double-click goes to the customer;
Export writes what is shown to CSV (as File ▸ Export customers… does)."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.api import BillieError
from billie_desktop.ui.activity_model import HEADERS, OUTCOME_TEXT, ActivityModel, cells, shown
from billie_desktop.ui.save_dialog import ask_where_to_save
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.undo_one import UndoOne
from billie_desktop.ui.widgets import (
    Banner,
    LiveLabel,
    escaped_tooltip,
    fit_headers,
    fit_on_screen,
)
from billie_desktop.work.entries import BULK_LINK, OUTCOMES
from billie_desktop.work.export import neutralise, whole_file
from billie_desktop.work.journal import Filters, Journal

# When, Customer, Change, Outcome, Server's message, then the accounts, the organisation,
# who and where: the message in view at the window's first width (it was off-screen)
SHOWN_FIRST = (0, 2, 3, 6, 7, 5, 4)


class ActivityWindow(QWidget):
    show_customer = Signal(str, str)  # organisation id, customer id

    def __init__(self, journal: Journal, parent: QWidget | None = None, *,
                 check_now: Callable[[], Awaitable[str]] | None = None,
                 undo_one: UndoOne | None = None,
                 undo_run: Callable[[sqlite3.Row], object] | None = None) -> None:
        """``check_now``: reads back the changes whose answer was lost (those of the
        server signed in to), and says what it found. ``undo_one``: undoes an entry;
        ``undo_run(entry)``: opens the undo of the whole Link by email run of that entry."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Activity – Billie Desktop"))
        self.journal, self.check_now = journal, check_now
        self.undo_one, self.undo_run = undo_one, undo_run
        self._found = ""  # what Check now last found
        self.tasks = Tasks()
        self.model = ActivityModel(journal)
        self._build()
        self.model.modelReset.connect(self._counted)
        self._counted()
        self.resize(1200, 600)
        fit_on_screen(self)

    def _build(self) -> None:
        today = QDate.currentDate()
        self.use_from, self.use_to = QCheckBox(self.tr("From")), QCheckBox(self.tr("to"))
        self.date_from, self.date_to = QDateEdit(today.addDays(-7)), QDateEdit(today)
        for edit, box, name in ((self.date_from, self.use_from, self.tr("From date")),
                                (self.date_to, self.use_to, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)  # until its tick box says the date counts
            box.toggled.connect(edit.setEnabled)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.addItem(self.tr("All organisations"), None)
        for org_id, name in self.journal.organisations():
            self.organisation.addItem(name, org_id)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.addItem(self.tr("Any outcome"), None)
        for outcome in OUTCOMES:
            self.outcome.addItem(shown(OUTCOME_TEXT[outcome]), outcome)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Customer, account, id or message"))
        self.text.setAccessibleName(self.tr("Search the activity"))
        self.text.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.clicked.connect(self.ask_where)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        for signal in (self.use_from.toggled, self.use_to.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged, self.organisation.currentIndexChanged,
                       self.outcome.currentIndexChanged, self.text.textChanged):
            signal.connect(lambda *_: self._debounce.start())
        filters = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to,
                       self.organisation, self.outcome):
            filters.addWidget(widget)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.export_button)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Activity"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        fit_headers(self.view, (150, 170, 170, 110, 220, 220, 190, 280, 200))
        header = self.view.horizontalHeader()  # what happened first, where it is seen
        for visual, column in enumerate(SHOWN_FIRST):  # (the CSV keeps the model's order)
            header.moveSection(header.visualIndex(column), visual)
        self.view.doubleClicked.connect(self._double_clicked)
        self.count = LiveLabel()
        self.undo_button = QPushButton(self.tr("&Undo…"))
        self.undo_button.clicked.connect(lambda: self.tasks.run("undo", self.undo()))
        self.undo_run_button = QPushButton(self.tr("Undo the &run…"))
        self.undo_run_button.setToolTip(self.tr("Undo every link of the Link by email run this "
                                                "entry belongs to, with a review first"))
        self.undo_run_button.clicked.connect(self._undo_run)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.undo_run_button)
        self.unconfirmed = Banner()  # changes whose answer was lost, not yet read back
        self.unconfirmed.action_clicked.connect(lambda: self.tasks.run("check", self.check()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.unconfirmed)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._selected()

    # --- filtering -----------------------------------------------------------------------------
    def filters(self) -> Filters:
        def start_of(date: QDate) -> float:
            return dt.datetime(date.year(), date.month(), date.day()).timestamp()

        return Filters(
            since=start_of(self.date_from.date()) if self.use_from.isChecked() else None,
            until=start_of(self.date_to.date().addDays(1)) if self.use_to.isChecked() else None,
            organisation_id=self.organisation.currentData(), outcome=self.outcome.currentData(),
            text=self.text.text().strip())

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_filters(self.filters())

    def _counted(self) -> None:
        self.count.setText(self.tr("Entries shown: {0:,}, newest first. Double-click one to go to "
                                   "the customer.").format(self.model.total))
        if not self.tasks.running("check"):
            self._show_unconfirmed()
        self._selected()  # (a reload clears the selection)

    def _show_unconfirmed(self, found: str = "") -> None:
        """The banner: what is unconfirmed, and what the last Check now found (kept)."""
        found = self._found = found or self._found
        count = self.journal.count_unconfirmed()
        if not count:
            if found:
                self.unconfirmed.show_message(found, kind="info")
            else:
                self.unconfirmed.clear()
            return
        text = self.tr("{0:,} changes are unconfirmed: their answer was lost, so whether the "
                       "server made them is not known yet. They are read back at each sign-in."
                       ).format(count)
        self.unconfirmed.show_message(f"{found} {text}" if found else text, kind="warning",
                                      action=self.tr("Check now") if self.check_now else None)

    async def check(self) -> None:
        """Check now: the lost answers read back, and what that found."""
        if self.check_now is None:
            return
        self.unconfirmed.action.setEnabled(False)
        self.unconfirmed.text.setText(self.tr("Checking with the server…"))
        try:
            found = await self.check_now()
        except BillieError as exc:
            found = self.tr("Could not check: {0}").format(exc.message)
        finally:
            self.unconfirmed.action.setEnabled(True)
        self._show_unconfirmed(found or self.tr("Nothing could be checked on this server."))

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.entry(index.row())
        if row is not None:
            self.show_customer.emit(row["organisation_id"], row["customer_id"])

    # --- undo --------------------------------------------------------------------------------
    def selected_entry(self) -> sqlite3.Row | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selected(self) -> None:
        """Undo is offered for an entry that can be undone here; its tooltip says why not."""
        row = self.selected_entry()
        why = self.undo_one.why_not(row) if self.undo_one is not None else \
            self.tr("Sign in to undo a change.")
        self.undo_button.setEnabled(row is not None and why is None)
        self.undo_button.setToolTip(escaped_tooltip(why or self.tr("Undo this change")))
        self.undo_run_button.setVisible(self.undo_run is not None)
        self.undo_run_button.setEnabled(row is not None and bool(row["run_id"])
                                        and row["kind"] == BULK_LINK)

    async def undo(self) -> None:
        row = self.selected_entry()
        if self.undo_one is None or row is None:
            return
        said = await self.undo_one.undo(self, row)
        if said:
            self.count.setText(said)

    def _undo_run(self) -> None:
        row = self.selected_entry()
        if self.undo_run is not None and row is not None and row["run_id"]:
            self.undo_run(row)

    # --- export ------------------------------------------------------------------------------
    def ask_where(self) -> QFileDialog:
        name = f"activity-{dt.date.today().isoformat()}.csv"
        return ask_where_to_save(self, self.tr("Export the activity"), Path.home() / name,
                                 self.export_to)

    def export_to(self, path: Path) -> None:
        self.tasks.run("export", self._export(path, self.filters()))

    async def _export(self, path: Path, filters: Filters) -> None:
        self.count.setText(self.tr("Exporting…"))
        try:
            rows = await asyncio.to_thread(_write, self.journal, filters, path)
        except OSError as exc:
            self.count.setText(self.tr("Could not write the file: {0}. No file was written.")
                               .format(exc.strerror or exc))
            return
        self.count.setText(self.tr("Exported to {1}: {0:,} entries.").format(rows, path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.model.detach()
        self.tasks.cancel_all()
        super().closeEvent(event)


def _write(journal: Journal, filters: Filters, path: Path) -> int:
    """In a worker thread: the filtered journal to ``path`` (0600, complete or not at all)."""
    count = 0
    with whole_file(path) as out:
        writer = csv.writer(out)
        writer.writerow([*HEADERS, "Customer ID"])
        for row in journal.rows(filters):
            writer.writerow([neutralise(c) for c in [*cells(row), row["customer_id"]]])
            count += 1
    return count
