"""The sign-in window: server, user name, password, "Remember me"."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.ui.demo_block import DemoBlock
from billie_desktop.ui.operations import Field, Form, focus_field, run_operation
from billie_desktop.ui.settings import STAGING_URL, Settings
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import (
    Banner,
    BusyBar,
    FieldError,
    GrowToFit,
    PlainLabel,
    fit_on_screen,
    on_enter,
    stacked,
)

if TYPE_CHECKING:  # the client is imported when it is needed: this window needs only Qt
    import asyncio

    from billie_desktop.api import AuthenticateResponse, BillieClient, BillieError, DiscoveryReport
    from billie_desktop.sandbox.demo import DemoSignIns
    from billie_desktop.ui.warm_client import WarmClient

log = logging.getLogger(__name__)
SANDBOX, STAGING, CUSTOM = "sandbox", "staging", "custom"


class SignInWindow(QWidget):
    signed_in = Signal(object)  # Session

    def __init__(self, settings: Settings,
                 client_factory: Callable[[str], BillieClient], *,
                 sandbox_url: str | None = None, demo: DemoSignIns | None = None,
                 notice: str | None = None, remember_note: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self._client_factory = client_factory  # (ui/clients.py: imports nothing until used)
        self._warm: WarmClient | None = None  # made once the password is typed
        self.sandbox_url = sandbox_url
        self.demo_sign_ins = demo
        self.remember_note_text = remember_note
        self.tasks = Tasks()
        self._signed_in_without_role: BillieClient | None = None
        self.setWindowTitle(self.tr("Sign in – Billie Desktop"))
        self._build()
        if notice:
            self.banner.show_message(notice, kind="info")

    def _build(self) -> None:
        title = PlainLabel(self.tr("Billie Desktop"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        subtitle = PlainLabel(self.tr("Sign in to manage your organisation's customers."))
        self.banner = Banner(self)
        self.banner.action_clicked.connect(self._banner_action)
        form = self._build_form()
        self.busy = BusyBar(self)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        for widget in (title, subtitle, self.banner):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.demo = DemoBlock(self)
        self.demo.linkActivated.connect(self.use_demo_user)
        if self.sandbox_url:
            self.demo.show_sign_ins(self.demo_sign_ins)
        layout.addWidget(self.demo)
        layout.addStretch(1)
        self._connect()
        (self.password if self.user_name.text() else self.user_name).setFocus()
        self.form = Form(
            inputs=(self.server, self.custom_url, self.user_name, self.password, self.remember,
                    self.sign_in_button),
            busy=self.busy, banner=self.banner,
            fields={"UserName": Field(self.user_error, self.user_name),
                    "Password": Field(self.password_error, self.password)},
            focus=self._focus_after_error, while_busy=(self.cancel_button,))
        self.resize(460, 0)
        fit_on_screen(self)
        GrowToFit(self)  # a note, an error or a banner shown later: taller, never squashed
        quit_action = QAction(self)  # (as in the main window: ends the console)
        quit_action.setShortcuts([QKeySequence("Ctrl+Q"),
                                  QKeySequence(QKeySequence.StandardKey.Quit)])
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

    def _build_form(self) -> QFormLayout:
        self.server = QComboBox()
        self.server.setAccessibleName(self.tr("Server"))
        if self.sandbox_url:
            self.server.addItem(self.tr("Sandbox on this computer ({0})").format(self.sandbox_url),
                                SANDBOX)
        self.server.addItem(self.tr("Staging ({0})").format(STAGING_URL), STAGING)
        self.server.addItem(self.tr("Custom server…"), CUSTOM)
        self.custom_url = QLineEdit(self.settings.custom_server)
        self.custom_url.setPlaceholderText("https://api.example.com.au")
        self.custom_url.setAccessibleName(self.tr("Custom server address"))
        self.server_error = FieldError(self)
        self.user_name = QLineEdit(self.settings.last_user_name)
        self.user_name.setAccessibleName(self.tr("User name"))
        self.user_name.setPlaceholderText(self.tr("you@example.com.au"))
        self.user_error = FieldError(self)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password_error = FieldError(self)
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setAccessibleName(self.tr("Remember me"))
        self.remember.setChecked(self.settings.remember)

        form = QFormLayout()
        form.addRow(self.tr("Server:"), stacked(self.server, self.custom_url, self.server_error))
        form.addRow(self.tr("User name:"), stacked(self.user_name, self.user_error))
        form.addRow(self.tr("Password:"), stacked(self.password, self.password_error))
        form.addRow("", self.remember)
        self.remember_note = PlainLabel(self.remember_note_text or "")
        self.remember_note.setWordWrap(True)
        self.remember_note.setForegroundRole(self.remember_note.palette().ColorRole.PlaceholderText)
        self.remember_note.hide()
        form.addRow("", self.remember_note)
        self.remember.toggled.connect(lambda _: self._show_remember_note())
        self._show_remember_note()  # the tick may start as the user last left it
        return form

    def set_remember_note(self, text: str | None) -> None:
        """Why "Remember me" lasts only this session (no keyring, or an unsafe one)."""
        self.remember_note_text = text
        self.remember_note.setText(text or "")
        self._show_remember_note()

    def _show_remember_note(self) -> None:
        self.remember_note.setVisible(self.remember.isChecked() and bool(self.remember_note_text))

    def _build_buttons(self) -> QHBoxLayout:
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel signing in"))
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_in_button)
        return buttons

    def choose_custom_server(self, url: str) -> None:
        self.custom_url.setText(url)
        self.server.setCurrentIndex(self.server.findData(CUSTOM))

    # --- a sandbox that starts behind the window ----------------------------------------------
    def sandbox_starting(self, *, icon: bool = True) -> None:
        """``icon=False``: before the first window is on screen (see Banner.show_icon)."""
        self.banner.show_message(self.tr("Starting the sandbox on this computer…"), kind="info",
                                 icon=icon)
        self.busy.set_busy(True)
        self.sign_in_button.setEnabled(False)

    def sandbox_ready(self, url: str, demo: DemoSignIns) -> None:
        """The sandbox answers: it is offered (and chosen), with its demo sign-ins."""
        self.sandbox_url, self.demo_sign_ins = url, demo
        self.server.insertItem(0, self.tr("Sandbox on this computer ({0})").format(url), SANDBOX)
        self.server.setCurrentIndex(0)
        self.demo.show_sign_ins(demo)
        self.banner.clear()
        self.busy.set_busy(False)
        self.sign_in_button.setEnabled(True)

    def sandbox_failed(self, why: str) -> None:
        self.banner.show_message(self.tr("The sandbox could not start: {0}").format(why),
                                 kind="error")
        self.busy.set_busy(False)
        self.sign_in_button.setEnabled(True)  # Staging or a custom server still work

    def _connect(self) -> None:
        self._select_remembered_server()
        self.server.currentIndexChanged.connect(self._server_changed)
        self._server_changed()
        self.sign_in_button.clicked.connect(self.sign_in_clicked)
        self.cancel_button.clicked.connect(self.cancel)
        for edit in (self.user_name, self.password, self.custom_url):
            edit.returnPressed.connect(self.sign_in_clicked)
        on_enter(self.remember, self.sign_in_clicked)  # (Space ticks it, Enter signs in)
        self.user_name.textEdited.connect(lambda _: self.user_error.set_error(None))
        self.password.textEdited.connect(lambda _: self.password_error.set_error(None))
        self.password.textChanged.connect(self._prepare)
        self.custom_url.textEdited.connect(lambda _: self.server_error.set_error(None))

    def _focus_after_error(self, exc: BillieError) -> QWidget:
        from billie_desktop.api import AccountLockedError, InvalidCredentialsError

        if isinstance(exc, InvalidCredentialsError):
            return self.password
        if isinstance(exc, AccountLockedError) or exc.status is not None:
            return self.user_name  # the server answered: the address is right
        return self.custom_url if self.server.currentData() == CUSTOM else self.server

    def _select_remembered_server(self) -> None:
        """The server signed in to last; before a first sign-in, the one IT set for this
        computer at install time, if any; otherwise the sandbox or staging."""
        last = self.settings.last_server
        if not last and not self.sandbox_url:
            last = self.settings.default_server
            if last and last != STAGING_URL and not self.custom_url.text():
                self.custom_url.setText(last)
        choice = SANDBOX if self.sandbox_url else STAGING
        if last == STAGING_URL:
            choice = STAGING
        elif last and last != self.sandbox_url and last == self.custom_url.text():
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
        if self.demo_sign_ins is None:
            return
        self.user_name.setText(user_name)
        self.password.setText(self.demo_sign_ins.password)
        self.sign_in_button.setFocus()

    # --- signing in ---------------------------------------------------------------------------
    def sign_in_clicked(self) -> None:
        self.tasks.run_once("sign-in", self.sign_in)

    def cancel(self) -> None:
        self.tasks.cancel("sign-in")
        self.banner.show_message(self.tr("Signing in was cancelled."), kind="info")

    async def sign_in(self) -> None:
        url, user, password = self.selected_url(), self.user_name.text().strip(), \
            self.password.text()
        self.banner.clear()
        if not self._all_filled_in(url, user, password):
            return
        from billie_desktop.api import InsecureTransportError

        taken = self._warm.take(url) if self._warm is not None else None
        try:
            client, discovering = taken or (self._client_factory(url), None)
        except InsecureTransportError as exc:
            self.server_error.set_error(exc.message)
            focus_field(self.custom_url if self.server.currentData() == CUSTOM else self.server)
            return
        self.settings.last_user_name = user
        self.settings.last_server = url
        if self.server.currentData() == CUSTOM:
            self.settings.custom_server = url
        handed_over = False
        try:
            result = await run_operation(self.form, self._authenticate(client, user, password,
                                                                       discovering))
            if result is not None:
                handed_over = self._signed_in(client, url, *result)
        finally:
            if not handed_over:
                await client.close()

    def _all_filled_in(self, url: str, user: str, password: str) -> bool:
        empty: QWidget | None = None
        for value, error, widget, message in (
                (url, self.server_error, self.custom_url, self.tr("Enter the server address.")),
                (user, self.user_error, self.user_name, self.tr("Enter your user name.")),
                (password, self.password_error, self.password, self.tr("Enter your password."))):
            error.set_error(None if value else message)
            if not value and empty is None:
                empty = widget
        if empty is not None:
            focus_field(empty)
        return empty is None

    async def _authenticate(self, client: BillieClient, user: str, password: str,
                            discovering: asyncio.Task[DiscoveryReport] | None = None
                            ) -> tuple[AuthenticateResponse, DiscoveryReport]:
        """Signs in while the server's metadata is read (issue #24: the two go together,
        a round trip and a connection's handshake less over a slow link). A server that
        turns out not to offer the link operation is signed out of again."""
        import asyncio

        from billie_desktop.api import BillieError

        discovering = discovering or asyncio.ensure_future(client.discover())
        try:
            me = await client.sign_in(user, password, remember=self.remember.isChecked())
        except BaseException:
            discovering.cancel()
            await asyncio.gather(discovering, return_exceptions=True)
            raise
        try:
            report = await discovering
        except BillieError:
            with contextlib.suppress(BillieError):
                await client.sign_out()
            raise
        return me, report

    def _signed_in(self, client: BillieClient, url: str, me: AuthenticateResponse,
                   report: DiscoveryReport) -> bool:
        """Hands the session over (True), or keeps the client for "Sign out" when the
        account lacks the manager role."""
        from billie_desktop.ui.session import Session

        session = Session.of_manager(client, me, url, remember=self.remember.isChecked(),
                                     discovery=report, sandbox_url=self.sandbox_url)
        if session is None:
            self.banner.show_message(
                self.tr("{0} is signed in, but this console needs the manager role, which this "
                        "account does not have. Ask your Billiecart administrator for it, or "
                        "sign in with a manager account.").format(me.display_name or me.user_name),
                kind="warning", action=self.tr("Sign out"))
            self._signed_in_without_role = client
            return True
        self.settings.remember = self.remember.isChecked()
        self.password.clear()
        self.signed_in.emit(session)
        return True

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
        self.banner.show_message(self.tr("Signed out."), kind="info")

    def _prepare(self, password: str) -> None:
        """While the password is typed: a client for the server shown, its connection
        opened and the server's metadata read meanwhile (ui/warm_client.py)."""
        if not password:
            return
        if self._warm is None:
            from billie_desktop.ui.warm_client import WarmClient

            self._warm = WarmClient(self._client_factory)
        self._warm.prepare(self.selected_url())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()
        if self._warm is not None:
            self._warm.drop()
        super().closeEvent(event)
