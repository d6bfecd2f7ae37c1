"""When the session expires mid-work: the password only, then the action replays."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.ui.operations import Field, Form, focus_field, run_operation
from billie_desktop.ui.session import Session
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import BusyBar, FieldError, PlainLabel


class PasswordPrompt(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Session expired"))
        self.setModal(True)
        intro = PlainLabel(self.tr("Your session has expired. Enter the password for {0} to "
                                   "carry on where you left off.").format(session.user_name))
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.error = FieldError(self)
        self.busy = BusyBar(self)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.sign_out_button = self.buttons.addButton(self.tr("Sign out"),
                                                      QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_out_button.setAutoDefault(False)  # Enter never signs out by accident
        self.sign_in_button.clicked.connect(self._clicked)
        self.sign_out_button.clicked.connect(self.reject)
        self.password.textEdited.connect(lambda _: self.error.set_error(None))
        layout = QVBoxLayout(self)
        for widget in (intro, self.password, self.error, self.busy, self.buttons):
            layout.addWidget(widget)
        self.tasks = Tasks()
        self.form = Form(inputs=(self.password, self.sign_in_button), busy=self.busy,
                         fields={"Password": Field(self.error, self.password)},
                         general_field="Password")
        self.password.setFocus()

    def _clicked(self) -> None:
        self.tasks.run_once("sign-in", self.submit)

    async def submit(self) -> None:
        password = self.password.text()
        if not password:
            self.error.set_error(self.tr("Enter your password."))
            focus_field(self.password)
            return
        if await run_operation(self.form, self._sign_in_again(password)):
            self.password.clear()
            self.accept()

    async def _sign_in_again(self, password: str) -> bool:
        await self.session.sign_in_again(password)
        return True

    def reject(self) -> None:
        self.tasks.cancel_all()
        self.session.finish_reauthentication(False)
        super().reject()


class PromptGuard(QObject):
    """Asks for the password when a window's session expires (one prompt for every request
    waiting), and keeps the window's status line in step."""

    declined = Signal()  # the user chose Sign out

    def __init__(self, session: Session, window: QWidget, connection: QLabel,
                 user: QLabel) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.connection, self.user = connection, user
        self.prompt: PasswordPrompt | None = None
        session.reauthentication_needed.connect(self._ask)
        session.reauthenticated.connect(self._back)

    def _ask(self) -> None:
        self.connection.setText(self.tr("Session expired: waiting for your password"))
        if self.prompt is None:
            self.prompt = PasswordPrompt(self.session, self.window)
            self.prompt.rejected.connect(self.declined)
            self.prompt.finished.connect(self._closed)
            self.prompt.open()

    def _closed(self) -> None:
        if self.prompt is not None:
            self.prompt.deleteLater()
        self.prompt = None

    def _back(self) -> None:
        self.connection.setText(self.tr("Connected"))
        self.user.setText(self.tr("Signed in as {0}").format(self.session.display_name))
