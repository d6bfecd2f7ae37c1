"""The link dialog's list of matching user accounts: the account whose email is the
customer's first, marked "same email"; accounts linked to another customer marked; at
least eight rows tall, long lines elided (the whole line in the tooltip), never a
horizontal scrollbar. Enter and a click both choose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem

from billie_desktop.api import Customer, UserAccount, same_id
from billie_desktop.ui.widgets import escaped_tooltip

ROWS_SHOWN = 8


def account_text(display_name: str | None, email: str | None, fallback: str = "") -> str:
    """An account as people read it: "Ann Lee <ann@example.com>", trimmed."""
    name, address = (display_name or "").strip(), (email or "").strip()
    return f"{name} <{address}>" if name and address else (address or name or fallback)


def describe_account(account: UserAccount | None, account_id: str | None) -> str:
    if account is not None:
        return account_text(account.display_name, account.email, account.id)
    return account_id or QCoreApplication.translate("LinkDialog", "not linked")


def same_email(account: UserAccount, customer: Customer) -> bool:
    mine, theirs = (customer.email or "").strip().lower(), (account.email or "").strip().lower()
    return bool(mine) and mine == theirs


def linked_elsewhere(account: UserAccount, customer: Customer) -> bool:
    return bool(account.customer_id) and not same_id(account.customer_id, customer.id)


def _words(text: str | None) -> str:
    return " ".join("".join(c for c in (text or "").lower() if c.isalnum() or c.isspace())
                    .split())


def unlike(account: UserAccount, customer: Customer) -> bool:
    """The account's name and its email both differ from the customer's: perhaps another
    person (a common name, a number in an address)."""
    named = bool(_words(account.display_name)) and _words(account.display_name) == _words(
        customer.full_name)
    return not named and not same_email(account, customer)


class AccountResults(QListWidget):
    chosen = Signal(object)  # a UserAccount

    def __init__(self, customer: Customer) -> None:
        super().__init__()
        self.customer = customer
        self.accounts: list[UserAccount] = []  # the last found, all of them
        self.hide_linked_elsewhere = False
        self.setAccessibleName(self.tr("Matching user accounts"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        row = self.fontMetrics().height() + 6
        self.setMinimumHeight(row * ROWS_SHOWN + 2 * self.frameWidth())
        self.itemClicked.connect(self._choose)
        self.itemActivated.connect(self._choose)
        self.hide()

    def set_hide_linked_elsewhere(self, hide: bool) -> None:
        self.hide_linked_elsewhere = hide
        self.show_accounts(self.accounts)

    def show_accounts(self, accounts: list[UserAccount]) -> None:
        self.clear()
        self.accounts = list(accounts)
        if self.hide_linked_elsewhere:
            accounts = [a for a in accounts if not linked_elsewhere(a, self.customer)]
        ordered = sorted(accounts, key=lambda a: not same_email(a, self.customer))
        for account in ordered:
            label = describe_account(account, account.id)
            if same_email(account, self.customer):
                label += "  — " + self.tr("same email")
            if linked_elsewhere(account, self.customer):
                label += "  — " + self.tr("linked to another customer")
            elif account.customer_id:
                label += "  — " + self.tr("linked to this customer")
            item = QListWidgetItem(label)
            item.setToolTip(escaped_tooltip(label))
            item.setData(Qt.ItemDataRole.UserRole, account)
            self.addItem(item)
        self.setVisible(bool(accounts))

    def _choose(self, item: QListWidgetItem | None) -> None:
        account = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(account, UserAccount):
            self.chosen.emit(account)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.currentItem())  # choose, never the dialog's default button
            event.accept()
            return
        super().keyPressEvent(event)

    def follow_from(self, edit: QLineEdit) -> None:
        """Down arrow in ``edit`` moves into the list."""
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and self.count() and self.isVisible():
            self.setFocus()
            self.setCurrentRow(max(self.currentRow(), 0))
            return True
        return super().eventFilter(watched, event)
