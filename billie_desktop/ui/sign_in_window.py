"""The sign-in window: server, user name, password, "Remember me"."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.api import (
    BillieClient,
    BillieError,
    IncompatibleServerError,
    InsecureTransportError,
)
from billie_desktop.ui.session import Session
from billie_desktop.ui.settings import STAGING_URL, Settings
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import Banner, BusyBar, FieldError, stacked, tr

log = logging.getLogger(__name__)
SANDBOX, STAGING, CUSTOM = "sandbox", "staging", "custom"
DEMO_USERS = (("manager@sandbox.test", "manager, both organisations"),
              ("mel.manager@sandbox.test", "manager, Melbourne only"),
              ("staff@sandbox.test", "no manager role"),
              ("locked@sandbox.test", "locked account"))


def _t(text: str) -> str:
    return tr(text, "SignInWindow")


class SignInWindow(QWidget):
    signed_in = Signal(object)  # Session

    def __init__(self, settings: Settings, client_factory: Callable[[str], BillieClient], *,
                 sandbox_url: str | None = None, notice: str | None = None,
                 remember_note: str | None = None, icon: QIcon | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.client_factory = client_factory
        self.sandbox_url = sandbox_url
        self.remember_note_text = remember_note
        self.tasks = Tasks()
        self._pending_client: BillieClient | None = None
        self._signed_in_without_role: BillieClient | None = None
        self.setWindowTitle(_t("Sign in – Billie Desktop"))
        if icon is not None:
            self.setWindowIcon(icon)
        self._build()
        if notice:
            self.banner.show_message(notice, kind="info")

    def _build(self) -> None:
        title = QLabel(_t("Billie Desktop"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(_t("Sign in to manage your organisation's customers."))
        self.banner = Banner(self)
        self.banner.action_clicked.connect(self._banner_action)

        self.server = QComboBox()
        self.server.setAccessibleName(_t("Server"))
        if self.sandbox_url:
            self.server.addItem(_t("Sandbox on this computer ({0})").format(self.sandbox_url),
                                SANDBOX)
        self.server.addItem(_t("Staging ({0})").format(STAGING_URL), STAGING)
        self.server.addItem(_t("Custom server…"), CUSTOM)
        self.custom_url = QLineEdit(self.settings.custom_server)
        self.custom_url.setPlaceholderText("https://api.example.com.au")
        self.custom_url.setAccessibleName(_t("Custom server address"))
        self.server_error = FieldError(self)
        self.user_name = QLineEdit(self.settings.last_user_name)
        self.user_name.setAccessibleName(_t("User name"))
        self.user_name.setPlaceholderText(_t("you@example.com.au"))
        self.user_error = FieldError(self)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(_t("Password"))
        self.password_error = FieldError(self)
        self.remember = QCheckBox(_t("Remember me on this computer"))
        self.remember.setAccessibleName(_t("Remember me"))

        form = QFormLayout()
        form.addRow(_t("Server:"), stacked(self.server, self.custom_url, self.server_error))
        form.addRow(_t("User name:"), stacked(self.user_name, self.user_error))
        form.addRow(_t("Password:"), stacked(self.password, self.password_error))
        form.addRow("", self.remember)
        self.remember_note = QLabel(self.remember_note_text or "")
        self.remember_note.setWordWrap(True)
        self.remember_note.setForegroundRole(self.remember_note.palette().ColorRole.PlaceholderText)
        self.remember_note.hide()
        form.addRow("", self.remember_note)
        self.remember.toggled.connect(
            lambda on: self.remember_note.setVisible(on and bool(self.remember_note_text)))

        self.busy = BusyBar(self)
        self.sign_in_button = QPushButton(_t("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAccessibleName(_t("Sign in"))
        self.cancel_button = QPushButton(_t("Cancel"))
        self.cancel_button.setAccessibleName(_t("Cancel signing in"))
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_in_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.demo = QLabel()
        if self.sandbox_url:
            rows = "".join(f"<tr><td><a href='{u}'>{u}</a></td><td>&nbsp;{_t(d)}</td></tr>"
                           for u, d in DEMO_USERS)
            self.demo.setText(_t("<b>Sandbox demo sign-ins</b> (password "
                                 "<code>billie-sandbox</code>; click one to fill it in):")
                              + f"<table>{rows}</table>")
            self.demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            self.demo.linkActivated.connect(self.use_demo_user)
            self.demo.setAccessibleName(_t("Sandbox demo sign-ins"))
            layout.addWidget(self.demo)
        layout.addStretch(1)

        self._select_remembered_server()
        self.server.currentIndexChanged.connect(self._server_changed)
        self._server_changed()
        self.sign_in_button.clicked.connect(self.sign_in_clicked)
        self.cancel_button.clicked.connect(self.cancel)
        for edit in (self.user_name, self.password, self.custom_url):
            edit.returnPressed.connect(self.sign_in_clicked)
        self.user_name.textEdited.connect(lambda _: self.user_error.set_error(None))
        self.password.textEdited.connect(lambda _: self.password_error.set_error(None))
        self.custom_url.textEdited.connect(lambda _: self.server_error.set_error(None))
        (self.password if self.user_name.text() else self.user_name).setFocus()
        self.resize(460, 0)

    def _select_remembered_server(self) -> None:
        last = self.settings.last_server
        choice = SANDBOX if self.sandbox_url else STAGING
        if last == STAGING_URL:
            choice = STAGING
        elif last and last != self.sandbox_url and last == self.settings.custom_server:
            choice = CUSTOM
        index = self.server.findData(choice)
        self.server.setCurrentIndex(max(index, 0))

    def _server_changed(self) -> None:
        self.custom_url.setVisible(self.server.currentData() == CUSTOM)
        self.server_error.set_error(None)

    def selected_url(self) -> str:
        choice = self.server.currentData()
        if choice == SANDBOX and self.sandbox_url:
            return self.sandbox_url
        if choice == STAGING:
            return STAGING_URL
        return self.custom_url.text().strip()

    def use_demo_user(self, user_name: str) -> None:
        self.user_name.setText(user_name)
        self.password.setText("billie-sandbox")
        self.sign_in_button.setFocus()

    # --- signing in ---------------------------------------------------------------------------
    def sign_in_clicked(self) -> None:
        self.tasks.run_once("sign-in", self.sign_in)

    def cancel(self) -> None:
        self.tasks.cancel("sign-in")
        self.banner.show_message(_t("Signing in was cancelled."), kind="info")

    async def sign_in(self) -> None:
        url, user, password = self.selected_url(), self.user_name.text().strip(), \
            self.password.text()
        self.banner.clear()
        missing = False
        for value, error, message in ((url, self.server_error, _t("Enter the server address.")),
                                      (user, self.user_error, _t("Enter your user name.")),
                                      (password, self.password_error, _t("Enter your password."))):
            error.set_error(None if value else message)
            missing = missing or not value
        if missing:
            return
        try:
            client = self.client_factory(url)
        except InsecureTransportError as exc:
            self.server_error.set_error(exc.message)
            return
        self.settings.last_user_name = user
        self.settings.last_server = url
        if self.server.currentData() == CUSTOM:
            self.settings.custom_server = url
        self._set_busy(True)
        self._pending_client = client
        handed_over = False
        try:
            report = await client.discover()
            me = await client.sign_in(user, password, remember=self.remember.isChecked())
            if not me.has_role("manager"):
                self.banner.show_message(
                    _t("{0} is signed in, but this console needs the manager role, which this "
                       "account does not have. Ask your Billiecart administrator for it, or "
                       "sign in with a manager account.").format(me.display_name or user),
                    kind="warning", action=_t("Sign out"))
                self._signed_in_without_role = client
                handed_over = True
                return
            session = Session(client, me, server_label=url, remember=self.remember.isChecked(),
                              discovery=report)
            handed_over = True
            self.password.clear()
            self.signed_in.emit(session)
        except IncompatibleServerError as exc:
            self.banner.show_message(exc.message, kind="error")
        except BillieError as exc:
            self.banner.show_message(exc.message, kind="error")
            if exc.status == 401:
                self.password.selectAll()
                self.password.setFocus()
        finally:
            self._pending_client = None
            self._set_busy(False)
            if not handed_over:
                await client.close()

    def _banner_action(self) -> None:
        client = self._signed_in_without_role
        if client is not None:
            self._signed_in_without_role = None
            self.tasks.run("sign-out", self._sign_out(client))

    async def _sign_out(self, client: BillieClient) -> None:
        try:
            await client.sign_out()
        finally:
            await client.close()
        self.password.clear()
        self.banner.show_message(_t("Signed out."), kind="info")

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.server, self.custom_url, self.user_name, self.password,
                       self.remember, self.sign_in_button):
            widget.setEnabled(not busy)
        self.busy.set_busy(busy)
        self.cancel_button.setVisible(busy)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()
        super().closeEvent(event)
