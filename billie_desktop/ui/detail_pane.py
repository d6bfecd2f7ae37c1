"""Every field of the selected customer; the bank account masked but for its last three
digits; the date of birth as a local calendar date; the id exact, with a Copy button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.api import BankAccount, Customer
from billie_desktop.ui.customer_fields import local_date
from billie_desktop.ui.widgets import LiveLabel, PlainLabel, SoftLabel, escaped_tooltip
from billie_desktop.work.text import QT_TRANSLATE_NOOP  # titles, translated where shown


def mask_bank_account(bank: BankAccount | None) -> str:
    if bank is None or not (bank.bsb_number or bank.account_number):
        return ""
    digits = "".join(c for c in (bank.account_number or "") if c.isalnum())
    shown = digits[-3:]
    masked_account = "•" * max(len(digits) - 3, 3) + shown
    masked_bsb = "•••-•••" if bank.bsb_number else ""
    return f"BSB {masked_bsb}  Acct {masked_account}".strip() if masked_bsb else \
        f"Acct {masked_account}"


class ExactText(PlainLabel):
    """A one-line value (an id, an email, a phone number): elided in the middle to fit the
    pane, never broken up with invisible characters and never widening the pane. The
    whole value is in ``value``, the tooltip and the accessible description (and, for
    the id, the Copy button beside it)."""

    def __init__(self, field: str = "", *, wrap: bool = False) -> None:
        """``wrap``: broken into lines that fit rather than elided (an id, which people
        read whole; the lines are only shown: Copy copies the value itself)."""
        super().__init__()
        self.field = field
        self.wrap = wrap
        self.value = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(60)

    def set_value(self, value: str) -> None:
        self.value = value
        self.setToolTip(escaped_tooltip(value))
        self.setAccessibleDescription(value)
        # what a screen reader says: the field and the whole value, never the elided one
        self.setAccessibleName(f"{self.field}: {value}" if self.field else value)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(self.width(), 60)
        metrics = self.fontMetrics()
        if self.wrap:
            self.setText("\n".join(_broken(line, width, metrics.horizontalAdvance)
                                   for line in self.value.split("\n")))
            return
        self.setText("\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width)
                               for line in self.value.split("\n")))


def _broken(text: str, width: int, advance: Callable[[str], int]) -> str:
    """``text`` in as few lines as fit ``width``, broken between any two characters."""
    lines, line = [], ""
    for char in text:
        if line and advance(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return "\n".join([*lines, line])


COPIED_MS = 1500  # how long the Copy button says "Copied"
WRAPPED = {"name"}
FIELDS = (
    ("name", QT_TRANSLATE_NOOP("DetailPane", "Name")),
    ("date_of_birth", QT_TRANSLATE_NOOP("DetailPane", "Date of birth")),
    ("email", QT_TRANSLATE_NOOP("DetailPane", "Email")),
    ("phone", QT_TRANSLATE_NOOP("DetailPane", "Phone")),
    ("preferred_contact_method", QT_TRANSLATE_NOOP("DetailPane", "Preferred contact")),
    ("address", QT_TRANSLATE_NOOP("DetailPane", "Address")),
    ("drivers_licence_no", QT_TRANSLATE_NOOP("DetailPane", "Driver's licence")),
    ("bank_account", QT_TRANSLATE_NOOP("DetailPane", "Bank account")),
    ("user_account", QT_TRANSLATE_NOOP("DetailPane", "User account")),
    ("id", QT_TRANSLATE_NOOP("DetailPane", "Customer ID")),
)


class DetailPane(QScrollArea):
    link_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Customer details"))
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = PlainLabel(self.tr("No customer selected"))
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setProperty("data", True)  # a customer's name (not for translating)
        layout.addWidget(self.heading)
        self.form = QFormLayout()
        # A narrow pane: each label above its value, which then has the whole width.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.values: dict[str, QLabel] = {}
        for key, title in FIELDS:
            if key in WRAPPED:  # words: wrapped, and never widening the pane
                value: PlainLabel = LiveLabel(field=QCoreApplication.translate("DetailPane", title))
                value.setWordWrap(True)
                value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            else:
                value = ExactText(QCoreApplication.translate("DetailPane", title),
                                  wrap=key == "id")
            self.values[key] = value
            shown = self._with_copy(value) if isinstance(value, ExactText) and key == "id" \
                else value
            caption = self._field_name(QCoreApplication.translate("DetailPane", title))
            caption.setBuddy(value)  # the label/labelled-by relation, for screen readers
            self.form.addRow(caption, shown)
        layout.addLayout(self.form)
        self.link_button = QPushButton(self.tr("Link to user account…"))
        self.link_button.setAccessibleName(self.tr("Link to user account"))
        self.link_button.clicked.connect(self.link_requested)
        layout.addWidget(self.link_button)
        layout.addStretch(1)
        self.setWidget(body)
        self.customer: Customer | None = None
        self.show_customer(None)

    def _field_name(self, title: str) -> PlainLabel:
        """A field's name, set apart from its value: smaller, in a softer colour that
        still reads (4.5:1 on Light and Dark: the placeholder colour was 3.9 and 3.0)."""
        label = SoftLabel(title)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
        return label

    def _with_copy(self, value: ExactText) -> QHBoxLayout:
        self.copy_id = QToolButton()
        self.copy_id.setText(self.tr("Copy"))
        self.copy_id.setAccessibleName(self.tr("Copy the customer ID"))
        self.copy_id.clicked.connect(self._copy_id)
        self._copied = QTimer(self, singleShot=True, interval=COPIED_MS)
        self._copied.timeout.connect(self._copy_said)
        row = QHBoxLayout()
        row.addWidget(value, 1)
        row.addWidget(self.copy_id)
        return row

    def _copy_id(self) -> None:
        if self.customer is not None and self.customer.id:
            QGuiApplication.clipboard().setText(self.customer.id)
            # said on the button for a moment, and to screen readers (its name changes)
            self.copy_id.setText(self.tr("Copied"))
            self.copy_id.setAccessibleName(self.tr("Customer ID copied"))
            self._copied.start()

    def _copy_said(self) -> None:
        self.copy_id.setText(self.tr("Copy"))
        self.copy_id.setAccessibleName(self.tr("Copy the customer ID"))

    def show_customer(self, customer: Customer | None, account_text: str | None = None) -> None:
        self.customer = customer
        self.link_button.setEnabled(customer is not None)
        self.copy_id.setEnabled(customer is not None)
        if customer is None:
            self.heading.setText(self.tr("No customer selected"))
            for value in self.values.values():
                value.set_value("") if isinstance(value, ExactText) else value.clear()
            return
        self.heading.setText(customer.full_name)
        address = "\n".join(p for p in (
            customer.address_line1, customer.address_line2,
            " ".join(p for p in (customer.suburb, customer.state_territory, customer.postcode)
                     if p)) if p)
        # the account's name and email once looked up; until then (or if they cannot be),
        # "Linked", its id in the tooltip, not a bare hexadecimal id
        linked = account_text or (self.tr("Linked") if customer.user_account_id else None)
        texts = {
            "name": customer.full_name,
            "date_of_birth": local_date(customer.date_of_birth),
            "email": customer.email or "", "phone": customer.phone or "",
            "preferred_contact_method": customer.preferred_contact_method or "",
            "address": address, "drivers_licence_no": customer.drivers_licence_no or "",
            "bank_account": mask_bank_account(customer.bank_account),
            "user_account": linked.replace(" <", "\n<") if linked else self.tr("Not linked"),
        }
        for key, text in texts.items():
            value = self.values[key]
            if isinstance(value, ExactText):
                value.set_value(text or "—")
            else:
                value.setText(text or "—")
                value.setToolTip(escaped_tooltip(text))
        self.id_value.set_value(customer.id or "")
        if not account_text and customer.user_account_id:
            self.values["user_account"].setToolTip(escaped_tooltip(self.tr(
                "User account ID: {0}").format(customer.user_account_id)))

    @property
    def id_value(self) -> ExactText:
        value = self.values["id"]
        assert isinstance(value, ExactText)
        return value
