"""The main window: an organisation's customers, their details, and the way to link one."""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from PySide6.QtCore import QItemSelection, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QMainWindow,
    QSplitter,
)

from billie_desktop.api import (
    BillieError,
    Customer,
    GetCustomerRequest,
    Organisation,
    QueryOrganisationsRequest,
    QueryOrganisationsResponse,
    same_id,
)
from billie_desktop.ui.account_names import AccountNames
from billie_desktop.ui.customer_fields import FirstPage, ListState
from billie_desktop.ui.customers_model import CustomersModel
from billie_desktop.ui.detail_pane import DetailPane
from billie_desktop.ui.export_entry import CustomerExport
from billie_desktop.ui.help_menu import HelpMenu
from billie_desktop.ui.link_dialog import LinkDialog
from billie_desktop.ui.list_copy import ListCopy
from billie_desktop.ui.list_status import CustomersArea
from billie_desktop.ui.lost_answers import LostAnswers
from billie_desktop.ui.main_actions import MainActions, Targets
from billie_desktop.ui.operations import Form, run_operation
from billie_desktop.ui.password_prompt import PasswordPrompt, PromptGuard
from billie_desktop.ui.search_bar import SearchBar
from billie_desktop.ui.selection import SelectionKeeper
from billie_desktop.ui.session import Session
from billie_desktop.ui.settings import Settings
from billie_desktop.ui.side_windows import SideWindows
from billie_desktop.ui.stopping import CLOSE, SIGN_OUT, SWITCH, StopFirst, Work
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.tuning import PAGE_SIZE
from billie_desktop.ui.undo_one import UndoLast, UndoOne
from billie_desktop.ui.widgets import (
    fit_on_screen,
    status_item,
)
from billie_desktop.work.entries import CHECK_NOW

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    signed_out = Signal(str)  # why, for the sign-in window

    def __init__(self, session: Session, settings: Settings, *, page_size: int = PAGE_SIZE
                 ) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.tasks = Tasks()
        self.model = CustomersModel(session.send, page_size=page_size)
        self.organisations: list[Organisation] = []
        self.link_dialog: LinkDialog | None = None
        self.accounts = AccountNames(session)  # "Name <email>" of linked accounts
        self.setWindowTitle(self.tr("Billie Desktop"))
        self._build()
        self.side = SideWindows(self, session, organisation=lambda: self.current_organisation,
                                show_customer=self.show_customer,
                                customer_changed=self.customer_changed, tell=self.tell,
                                check_now=lambda: self.lost_answers.check(CHECK_NOW))
        self.export = CustomerExport(
            self, session.send, organisation=lambda: self.current_organisation,
            query=lambda: self.model.query(skip=0, take=500, with_total=True),
            columns=self.table.shown_column_keys, tell=self.tell,
            max_in_flight=session.max_in_flight, by_key=session.reads_by_key)
        self.stopper = StopFirst(self, self._works, self.tell)  # closing is never a surprise
        self.lost_answers = LostAnswers(session, self.tell)
        self.undo_last = UndoLast(self, UndoOne(session, self.customer_changed, self.tell),
                                  self.tasks)
        self.may_close = False  # the work under way was stopped: close without asking
        self._shown_index = -1  # the organisation shown (a switch may be refused)
        self._build_actions()
        self.guard = PromptGuard(session, self, self.status_connection, self.status_user)
        self.guard.declined.connect(self._prompt_declined)
        geometry = settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 720)
        fit_on_screen(self)
        header_state = settings.geometry("customers-header")
        if header_state is not None:
            self.table.horizontalHeader().restoreState(header_state)
        self.table.columns_changed.connect(lambda: self.settings.set_geometry(
            "customers-header", self.table.horizontalHeader().saveState()))  # remembered

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_bar = SearchBar()
        self.search, self.link_filter = self.search_bar.edit, self.search_bar.filter
        self.search_bar.search_changed.connect(self.model.set_search)
        self.area = CustomersArea(self.model)
        left = self.area
        (self.table, self.stack, self.list_status, self.state_label, self.state_retry,
         self.list_banner, self.count_label, self.page_busy) = (
            left.table, left.stack, left.status, left.status.label, left.status.retry,
            left.banner, left.count_label, left.page_busy)
        self.table.doubleClicked.connect(lambda _: self.open_link_dialog())
        self.table.enter_pressed.connect(self.open_link_dialog)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        left.status.retry_clicked.connect(self._retry)
        self.detail = DetailPane()
        self.detail.link_requested.connect(self.open_link_dialog)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([860, 340])
        self.setCentralWidget(splitter)
        self.model.state_changed.connect(lambda state, _: self.status_connection.setText(
            self.tr("Offline: cannot reach the server") if state == ListState.OFFLINE
            else self.tr("Connected")))
        self.keeper = SelectionKeeper(self.table, self.model)
        self.accounts.follow(self.model, lambda: self.current_organisation,
                             known=self.show_selected_customer)
        self.search_bar.filter_changed.connect(self.keeper.start_over)  # (a new result set:
        self.search_bar.filter_changed.connect(self.model.set_link_filter)  # from the top)
        self.model.modelReset.connect(lambda: self.detail.show_customer(self.keeper.kept))
        self.keeper.lost.connect(lambda: self.detail.show_customer(self.selected_customer()))
        self._build_status_bar()

    def _build_status_bar(self) -> None:
        self.status_server, self.status_user, self.status_org, self.status_connection = (
            status_item(self.statusBar(), text) for text in (
                self.tr("Server: {0}").format(self.session.server_label),
                self.tr("Signed in as {0}").format(self.session.display_name), "",
                self.tr("Connected")))

    def _build_actions(self) -> None:
        self.commands = MainActions(self, Targets(
            refresh=self.refresh, find=self.focus_search, link=self.open_link_dialog,
            unlink=lambda: self.undo_last.remove(self.selected_customer(),
                                                 self.current_organisation, self.accounts.text),
            bulk=self.side.open_bulk, organisation=self._focus_organisation,
            activity=self.side.open_activity, export=self.export.ask_where,
            sign_out=self.sign_out_clicked, quit=self.close), (self.organisation, self.search_bar))
        self.help = HelpMenu(self, self.commands.help_menu, self.session,
                             self.settings.file_name)
        self.copy = ListCopy(self.table, self.model, self.tell)
        self.table.copy_requested.connect(self.copy.copy_selected)
        self.commands.add_context_menu(self.table, self.copy)
        self.organisation.currentIndexChanged.connect(self._organisation_changed)

    # --- start --------------------------------------------------------------------------------
    async def start(self, asked: Awaitable[QueryOrganisationsResponse] | None = None,
                    first_page: FirstPage | None = None) -> None:
        """Loads the organisations (or takes those ``asked`` for) and selects the last
        (whose ``first_page`` may have been asked for too)."""
        self.area.show_state(ListState.LOADING, self.tr("Loading your organisations…"))
        form = Form(inputs=(self.organisation, self.search), busy=self.page_busy)

        def show(exc: BillieError) -> bool:
            self.area.show_state(ListState.ERROR, exc.message)
            return True

        async def organisations() -> QueryOrganisationsResponse:
            if asked is not None:
                try:
                    return await asked
                except BillieError:  # asked again, through the session (a password
                    pass             # prompt if it expired, the banner otherwise)
            return await self.session.send(QueryOrganisationsRequest())

        last = self.settings.last_organisation(self.session.place)
        if first_page is not None:
            self.model.early.take(*first_page)
        elif last:  # its customers come with the organisations
            self.model.ask_early(last)
        response = await run_operation(form, organisations(), on_error=show)
        if response is None:
            return
        self.organisations = sorted(response.results, key=lambda o: o.name.lower())
        self.session.organisations = self.organisations
        self.organisation.blockSignals(True)
        self.organisation.clear()
        for org in self.organisations:
            self.organisation.addItem(org.name, org.id)
        index = next((i for i, o in enumerate(self.organisations) if o.id == last), 0)
        self.organisation.setCurrentIndex(index)
        self.organisation.blockSignals(False)
        if not self.organisations:
            self.area.show_state(ListState.EMPTY,
                                 self.tr("Your account is not a member of any organisation."))
            return
        self._organisation_changed(index)
        await self.area.until_filled(10.0)  # then, not before the customers:
        await self.lost_answers.at_sign_in()  # the journal's lost answers, read back

    def _retry(self) -> None:
        """Retry whatever failed: the organisations, or the customers of one."""
        if self.organisations:
            self.model.retry()
        else:
            self.tasks.run("start", self.start())

    @property
    def current_organisation(self) -> Organisation | None:
        index = self.organisation.currentIndex()
        return self.organisations[index] if 0 <= index < len(self.organisations) else None

    def _organisation_changed(self, index: int) -> None:
        if index != self._shown_index and self._shown_index >= 0 and self.stopper.busy():
            self.organisation.blockSignals(True)  # not yet: asked first
            self.organisation.setCurrentIndex(self._shown_index)
            self.organisation.blockSignals(False)
            self.tasks.run("switch", self._switch_when_stopped(index))
            return
        self._shown_index = index
        org = self.current_organisation
        if self.link_dialog is not None:
            self.link_dialog.reject()
        self.tasks.cancel_all()
        self.list_banner.clear()
        self.accounts.clear()
        self.status_org.setText(org.name if org else "")
        if org is not None:
            self.settings.set_last_organisation(self.session.place, org.id)
        self.setWindowTitle(self.session.title(org.name if org else None,
                                               self.settings.default_server))
        self.model.set_organisation(org.id if org else None)
        self.keeper.forget()  # another organisation's customer is not kept
        self.detail.show_customer(None)

    # --- selection and detail -----------------------------------------------------------------
    def selected_customer(self) -> Customer | None:
        return self.keeper.selected()

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.show_selected_customer()

    def show_selected_customer(self) -> None:
        """The detail pane (and the Link action) for the customer selected."""
        customer, org = self.selected_customer(), self.current_organisation
        self.commands.link.setEnabled(customer is not None)
        linked = customer.user_account_id if customer else None
        self.undo_last.offer_remove(self.commands.unlink, linked)
        self.detail.show_customer(customer, self.accounts.text(linked))
        if customer is not None and linked and org and self.accounts.text(linked) is None:
            self.tasks.run("account", self._show_account(customer, org.id, linked))

    async def _show_account(self, customer: Customer, organisation_id: str, linked: str) -> None:
        """A link made before: the account's name and email, once looked up."""
        text = await self.accounts.look_up(organisation_id, linked)
        shown = self.selected_customer()
        if text and shown is not None and same_id(shown.id, customer.id):
            self.detail.show_customer(shown, text)

    # --- actions ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """F5: the same rows again, in place, the selection kept."""
        self.tasks.run("refresh", self.keeper.refresh())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_organisation(self) -> None:
        self.organisation.setFocus()
        self.organisation.showPopup()

    def open_link_dialog(self) -> LinkDialog | None:
        current = self.table.currentIndex()  # Enter acts on the row with focus
        if self.selected_customer() is None and current.isValid():
            self.table.selectRow(current.row())
        customer, org = self.selected_customer(), self.current_organisation
        if customer is None or org is None or self.link_dialog is not None:
            return None
        dialog = LinkDialog(self.session, customer, org, self)
        dialog.linked.connect(lambda customer, text: self._linked(
            customer, text, dialog.outcome_note, dialog.entry))
        dialog.finished.connect(self._link_dialog_closed)
        dialog.show_customer.connect(self.show_customer)
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def tell(self, message: str) -> None:
        """A message in the status bar, for a while."""
        self.statusBar().showMessage(message, 15_000)

    def show_customer(self, customer_id: str, organisation_id: str | None = None) -> bool:
        """Selects that customer in the list, everyone listed; in ``organisation_id``
        first, when given (False: not an organisation of this user's on this server)."""
        if organisation_id is not None:
            index = self.organisation.findData(organisation_id)
            if index < 0:
                return False
            if index != self.organisation.currentIndex():
                self.organisation.setCurrentIndex(index)
            self.raise_()
            self.activateWindow()
        self.tasks.run("show", self._show_customer(customer_id))
        return True

    def customer_changed(self, customer: Customer) -> None:
        """A customer changed elsewhere (a bulk link): the list shows it at once, and the
        detail pane too when it is the customer selected."""
        self.model.update_customer(customer)
        selected = self.selected_customer()
        if selected is not None and same_id(selected.id, customer.id):
            self.show_selected_customer()

    async def _show_customer(self, customer_id: str) -> None:
        """"Show that customer" (a 409): everyone listed again, that customer selected."""
        org = self.current_organisation
        try:
            answer = await self.session.send(GetCustomerRequest(
                id=customer_id, organisation_id=org.id if org else None))
        except BillieError as exc:
            self.statusBar().showMessage(exc.message, 10_000)
            return
        self.search.clear()
        self.link_filter.setCurrentIndex(0)
        self.model.set_search("")
        self.keeper.forget()  # not the customer selected before: this one
        await self.model.wait_idle()
        if answer.customer is not None:
            await self.keeper.restore(answer.customer)

    def _link_dialog_closed(self) -> None:
        if self.link_dialog is not None:
            self.link_dialog.deleteLater()
        self.link_dialog = None
        self.table.setFocus()

    def _linked(self, customer: Customer, account_text: str, note: str | None = None,
                entry: int = 0) -> None:
        if customer.user_account_id:
            self.accounts.remember(customer.user_account_id, account_text)
        self.model.update_customer(customer)
        selected = self.selected_customer()
        if selected is not None and same_id(selected.id, customer.id):
            self.detail.show_customer(customer, account_text)
        message = self.tr("Linked {0} to {1}.").format(customer.full_name, account_text)
        self.statusBar().showMessage(f"{message} {note}" if note else message, 30_000)
        self.undo_last.offer(entry)  # beside the message: the way back

    # --- session ------------------------------------------------------------------------------
    @property
    def prompt(self) -> PasswordPrompt | None:
        return self.guard.prompt

    def _prompt_declined(self) -> None:
        self.tasks.run("sign-out", self.sign_out(self.tr(  # (the user chose it: said so)
            "Your session expired and you chose to sign out. Sign in again to carry on.")))

    def sign_out_clicked(self) -> None:
        self.tasks.run("sign-out", self._sign_out_when_stopped())

    async def _sign_out_when_stopped(self) -> None:
        if await self.stopper.ask(SIGN_OUT):
            await self.sign_out(self.tr("You have signed out."))

    async def sign_out(self, why: str) -> None:
        """Stops the work under way, clears tokens, cookies and every customer shown, then
        hands back to sign-in."""
        await self.stopper.stop()
        self.model.clear()
        self.detail.show_customer(None)
        self.accounts.clear()
        if self.link_dialog is not None:
            self.link_dialog.reject()
        self.side.close_all()
        await self.session.client.sign_out()
        self.signed_out.emit(why)

    # --- work under way (ui/stopping.py) -------------------------------------------------------
    def _works(self) -> list[Work]:
        dialog = self.link_dialog
        works = (*self.side.work(), self.export.work(), dialog.work() if dialog else None)
        return [w for w in works if w is not None]

    async def _switch_when_stopped(self, index: int) -> None:
        if await self.stopper.ask(SWITCH):
            self.organisation.setCurrentIndex(index)

    async def _close_when_stopped(self) -> None:
        if await self.stopper.ask(CLOSE):
            self.may_close = True
            QTimer.singleShot(0, self.close)  # (not from this task: closing cancels it)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close and self.stopper.busy():
            event.ignore()
            if not self.tasks.running("close"):
                self.tasks.run("close", self._close_when_stopped())
            return
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.set_geometry("customers-header", self.table.horizontalHeader().saveState())
        self.settings.sync()
        self.tasks.cancel_all()
        self.side.close_all()
        self.model.clear()
        super().closeEvent(event)

