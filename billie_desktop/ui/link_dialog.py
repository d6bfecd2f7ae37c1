"""The link dialog: choose the user account a customer signs in with, and show every
error the server gives under the field it names."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.api import (
    BillieError,
    ConflictError,
    Customer,
    Organisation,
    QueryUserAccountsRequest,
    UserAccount,
    clean_id,
    same_id,
)
from billie_desktop.ui.account_names import LOOKUP
from billie_desktop.ui.account_results import (
    AccountResults,
    describe_account,
    linked_elsewhere,
    unlike,
)
from billie_desktop.ui.operations import Field, Form, run_operation
from billie_desktop.ui.session import Session
from billie_desktop.ui.stopping import CLOSE, STOP_LIMIT, StopFirst, Work
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.tuning import SEARCH_DEBOUNCE_MS
from billie_desktop.ui.widgets import (
    Banner,
    BusyBar,
    FieldError,
    LiveLabel,
    PlainLabel,
    ask,
    stacked,
)
from billie_desktop.work.entries import LINK, REPLACE
from billie_desktop.work.linking import (
    Linker,
    LinkTarget,
    NotSavedError,
    OutcomeUnknownError,
)
from billie_desktop.work.undoing import UNLINK_OPERATION

log = logging.getLogger(__name__)


class LinkDialog(QDialog):
    linked = Signal(object, str)  # the updated Customer, a description of the account
    show_customer = Signal(str)  # "Show that customer" (the one a 409 names): its id

    def __init__(self, session: Session, customer: Customer, organisation: Organisation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.customer = customer
        self.organisation = organisation
        self.tasks = Tasks()
        self.lookup_available = session.offers(LOOKUP)
        self.current_account: UserAccount | None = None
        self.chosen: UserAccount | None = None
        self.conflict_holder: str | None = None  # the customer a 409 says has the account
        self.outcome_note: str | None = None  # set when a lost answer was checked
        self.entry = 0  # the link's activity journal entry, once sent (the main window's Undo)
        self._submitting = False
        self.setWindowTitle(self.tr("Link to user account – {0}").format(organisation.name))
        self.setModal(True)
        self.setMinimumWidth(620)
        self._build()
        if self.lookup_available and customer.user_account_id:
            self.tasks.run("current", self._resolve_current())

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = Banner(self)
        self.banner.action_clicked.connect(self._banner_action)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._build_customer_rows(form)
        self._build_account_rows(form)
        self.busy = BusyBar(self)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self._connect()

    def _build_customer_rows(self, form: QFormLayout) -> None:
        name = LiveLabel(self.customer.full_name, field=self.tr("Customer"))
        bold = QFont(name.font())
        bold.setBold(True)
        name.setFont(bold)
        self.customer_email = LiveLabel(self.customer.email or self.tr("no email"),
                                        field=self.tr("Customer's email"))
        self.customer_error = FieldError(self)
        form.addRow(self.tr("Customer:"), stacked(name, self.customer_email, self.customer_error))
        self.current_link = LiveLabel(describe_account(None, self.customer.user_account_id),
                                      field=self.tr("Currently linked to"))
        self.current_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Currently linked to:"), self.current_link)
        self.organisation_label = LiveLabel(self.organisation.name, field=self.tr("Organisation"))
        self.organisation_error = FieldError(self)
        form.addRow(self.tr("Organisation:"),
                    stacked(self.organisation_label, self.organisation_error))

    def _build_account_rows(self, form: QFormLayout) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Type an email or name to find the account"))
        self.search_edit.setAccessibleName(self.tr("Find user account"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = AccountResults(self.customer)
        self.results.follow_from(self.search_edit)
        self.results.chosen.connect(lambda account: self.tasks.run(
            "choose", self.choose(account)))
        self.search_note = PlainLabel()
        self.search_note.setWordWrap(True)
        self.search_note.hide()
        self.hide_linked = QCheckBox(self.tr("Hide accounts linked to other customers"))
        self.hide_linked.toggled.connect(self.results.set_hide_linked_elsewhere)
        if self.lookup_available:
            form.addRow(self.tr("Find account:"), stacked(
                self.search_edit, self.hide_linked, self.results, self.search_note))
        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText(self.tr("User account ID"))
        self.account_edit.setAccessibleName(self.tr("User account ID"))
        self.account_error = FieldError(self)
        self.unlike_note = FieldError(self)  # (in the error colour: worth a second look)
        account_box = stacked(self.account_edit, self.account_error, self.unlike_note)
        if not self.lookup_available:
            note = PlainLabel(self.tr("This server has no account search: enter the account's ID."))
            note.setWordWrap(True)
            account_box.addWidget(note)
        form.addRow(self.tr("User account ID:"), account_box)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.link_button = self.buttons.addButton(self.tr("Link"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setAccessibleName(self.tr("Link"))
        self.link_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)  # Enter never cancels by accident
        self.cancel_button.setText(self.tr("Cancel"))  # ours, translated with the rest
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.link_button.clicked.connect(self.submit_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def _connect(self) -> None:
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self._search_now)
        self.search_edit.textEdited.connect(lambda _: self.search_timer.start())
        self.account_edit.textEdited.connect(self._account_edited)
        first = self.search_edit if self.lookup_available else self.account_edit
        first.setFocus()
        self.setTabOrder(self.search_edit, self.results)
        self.setTabOrder(self.results, self.account_edit)
        self.form = Form(
            inputs=(self.search_edit, self.results, self.account_edit, self.link_button),
            busy=self.busy, banner=self.banner,
            fields={"UserAccountId": Field(self.account_error, self.account_edit),
                    "OrganisationId": Field(self.organisation_error, self.account_edit),
                    "Id": Field(self.customer_error, self.account_edit)},
            focus=self.account_edit, offers_retry=True)

    # --- looking accounts up ------------------------------------------------------------------
    def _search_now(self) -> None:
        self.tasks.run("search", self.search_accounts(self.search_edit.text()))

    async def search_accounts(self, text: str) -> None:
        text = text.strip()
        if len(text) < 2:
            self.results.clear()
            self.results.hide()
            self.search_note.hide()
            return
        try:
            page = await self.session.send(QueryUserAccountsRequest(
                organisation_id=self.organisation.id, search=text, take=20))
        except BillieError as exc:
            self.search_note.setText(self.tr("Could not search accounts: {0}").format(exc.message))
            self.search_note.show()
            return
        self.results.show_accounts(page.results)
        self.search_note.setText(self.tr("No account matches “{0}”.").format(text))
        self.search_note.setVisible(not page.results)

    def _how_to_remove(self) -> str:
        if self.session.offers(UNLINK_OPERATION):
            return self.tr("To remove it: select that customer, then Customer ▸ Remove link….")
        return self.tr("This server does not let the console remove a link: ask whoever runs "
                       "Billiecart to remove it.")

    async def choose(self, account: UserAccount) -> None:
        """Fills the id in. An account linked to another customer is chosen only once the
        user has confirmed it (the server refuses two customers on one account)."""
        if linked_elsewhere(account, self.customer) and not await ask(
                self, self.tr("Linked to another customer"),
                self.tr("{0} is already linked to another customer. Billiecart links an account "
                        "to one customer only, so this link will be refused until that one is "
                        "removed.\n\n{1}\n\nChoose this account anyway?").format(
                       describe_account(account, account.id), self._how_to_remove()),
                self.tr("Choose it"), self.tr("Keep looking")):
            return
        self.chosen = account
        self.account_edit.setText(account.id)
        self.account_error.set_error(None)
        self.unlike_note.set_error(self.tr(
            "Check it is the same person: the account's name and email are both unlike "
            "{0}'s ({1}).").format(self.customer.full_name, self.customer.email or
                                   self.tr("no email")) if unlike(account, self.customer)
            else None)
        self.account_edit.setFocus()

    def _account_edited(self, text: str) -> None:
        self.account_error.set_error(None)  # an error clears when its field is edited
        exact = clean_id(text)
        if exact != text and len(exact) == 32:  # a pasted GUID with dashes, braces, spaces
            self.account_edit.setText(exact)
            text = exact
        if self.chosen is not None and not same_id(self.chosen.id, text.strip()):
            self.chosen = None
            self.unlike_note.set_error(None)

    async def _resolve_current(self) -> None:
        try:
            page = await self.session.send(QueryUserAccountsRequest(
                organisation_id=self.organisation.id, id=self.customer.user_account_id, take=5))
        except BillieError:
            return
        self.current_account = next((a for a in page.results
                                     if same_id(a.id, self.customer.user_account_id)), None)
        if self.current_account is not None:
            self.current_link.setText(describe_account(self.current_account, None))

    # --- linking ------------------------------------------------------------------------------
    def submit_clicked(self) -> None:
        self.tasks.run_once("submit", self.submit)

    async def submit(self) -> None:
        if self._submitting:
            return  # double submit is impossible
        self._submitting = True
        try:
            await self._submit()
        finally:
            self._submitting = False

    async def _submit(self) -> None:
        account_id = clean_id(self.account_edit.text())
        if not await self._confirm_replace(account_id):
            return
        self.conflict_holder = None
        updated = await run_operation(self.form, self._link(account_id),
                                      on_error=self._conflict)
        if updated is None:
            return
        self.linked.emit(updated, describe_account(self.chosen, account_id))
        self.accept()

    def _conflict(self, exc: BillieError) -> bool:
        """A 409 names the customer who has the account: offer to show them."""
        if not isinstance(exc, ConflictError):
            return False
        self.banner.show_message(exc.message, kind="error")
        self.tasks.run("holder", self._offer_holder(exc.message))
        return True

    async def _offer_holder(self, message: str) -> None:
        account_id = clean_id(self.account_edit.text())
        holder = self.chosen.customer_id if self.chosen is not None and same_id(
            self.chosen.id, account_id) else None
        if holder is None and self.lookup_available:
            try:
                page = await self.session.send(QueryUserAccountsRequest(
                    organisation_id=self.organisation.id, id=account_id, take=1))
            except BillieError:
                return
            holder = page.results[0].customer_id if page.results else None
        if holder:
            self.conflict_holder = holder
            self.banner.show_message(message, kind="error", action=self.tr("Show that customer"))

    def _banner_action(self) -> None:
        if self.conflict_holder is not None:
            self.show_customer.emit(self.conflict_holder)
            self.reject()
        else:
            self.submit_clicked()  # Retry

    async def _link(self, account_id: str) -> Customer:
        """The linked customer (work/linking.py: the journal entry, and the customer read
        back when the answer was lost), with that read-back's outcome in the user's words."""
        current = self.customer.user_account_id
        linker = Linker(self.session.send, self.session.journal,
                        self.session.where(self.organisation))
        target = LinkTarget(
            customer_id=self.customer.id or "", customer_name=self.customer.full_name,
            organisation_id=self.organisation.id, account_id=account_id,
            account_label=describe_account(self.chosen, account_id) if account_id
            else self.tr("(no account ID given)"),
            previous_label=describe_account(self.current_account, current) if current else "",
            kind=REPLACE if current else LINK, previous_account_id=current or "")
        self.entry = linker.begin(target)
        try:
            linked = await linker.link(target, entry=self.entry)
        except NotSavedError as exc:
            raise NotSavedError(self.tr(
                "The link was not saved: its answer was lost, and reading the customer back "
                "shows no change. Your input is kept: Retry sends it again.")) from exc
        except OutcomeUnknownError as exc:
            raise OutcomeUnknownError(self.tr(
                "The link was sent but its answer was lost, and the customer could not be "
                "read back to check it ({0}). Your input is kept: Retry sends it again, "
                "which is safe.").format(exc.message)) from exc
        if linked.checked:
            self.outcome_note = self.tr("The answer was lost, so the customer was read back: the "
                                        "link was saved.")
        return linked.customer or self.customer.model_copy(
            update={"user_account_id": account_id})

    async def _confirm_replace(self, account_id: str) -> bool:
        """Replacing a link asks first, naming both accounts."""
        current = self.customer.user_account_id
        if not (current and account_id and not same_id(current, account_id)):
            return True
        new = describe_account(self.chosen, account_id)
        old = describe_account(self.current_account, current)
        return await ask(
            self, self.tr("Replace the link?"),
            self.tr("{0} is linked to {1}.\n\nLink {0} to {2} instead? The old link is "
                    "removed.").format(self.customer.full_name, old, new),
            self.tr("Replace link"), self.tr("Keep current link"))

    # --- closing ------------------------------------------------------------------------------
    def work(self) -> Work | None:
        """The link being saved, if one is: closing asks first."""
        if not self._submitting:
            return None
        return Work(self.tr("A link is being saved: {0}.").format(self.customer.full_name),
                    self.stop)

    async def stop(self) -> None:
        """Waits for the link's answer (read back when lost, recorded either way), at most
        STOP_LIMIT seconds (then it is abandoned: "no answer" in the journal); then closes."""
        await self.tasks.settle("submit", STOP_LIMIT)
        self.tasks.cancel("submit")
        self._submitting = False
        self.reject()

    def reject(self) -> None:
        """Cancel, Escape, the close button: while a link is being saved, asks first
        (ui/stopping.py); otherwise closes."""
        if self.work() is not None:
            if not self.tasks.running("close"):
                stopper = StopFirst(self, lambda: [w] if (w := self.work()) else [],
                                    lambda text: self.banner.show_message(text, kind="info"))
                self.tasks.run("close", stopper.ask(CLOSE))
            return
        self.tasks.cancel_all()
        super().reject()

    def done(self, result: int) -> None:
        self.tasks.cancel_all()
        super().done(result)
