"""When the session expires mid-work: the password only, then the action replays."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from billie_desktop.api import BillieError
from billie_desktop.ui.session import Session
from billie_desktop.ui.tasks import Tasks
from billie_desktop.ui.widgets import BusyBar, FieldError, tr


def _t(text: str) -> str:
    return tr(text, "PasswordPrompt")


class PasswordPrompt(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_t("Session expired"))
        self.setModal(True)
        intro = QLabel(_t("Your session has expired. Enter the password for {0} to carry on "
                          "where you left off.").format(session.user_name))
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(_t("Password"))
        self.password.setPlaceholderText(_t("Password"))
        self.error = FieldError(self)
        self.busy = BusyBar(self)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(_t("Sign in"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.sign_out_button = self.buttons.addButton(_t("Sign out"),
                                                      QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self._clicked)
        self.sign_out_button.clicked.connect(self.reject)
        self.password.textEdited.connect(lambda _: self.error.set_error(None))
        layout = QVBoxLayout(self)
        for widget in (intro, self.password, self.error, self.busy, self.buttons):
            layout.addWidget(widget)
        self.tasks = Tasks()
        self.password.setFocus()

    def _clicked(self) -> None:
        self.tasks.run_once("sign-in", self.submit)

    async def submit(self) -> None:
        password = self.password.text()
        if not password:
            self.error.set_error(_t("Enter your password."))
            return
        self._enable(False)
        try:
            await self.session.sign_in_again(password)
        except BillieError as exc:
            self.error.set_error(exc.message)
            self.password.selectAll()
            return
        finally:
            self._enable(True)
        self.password.clear()
        self.accept()

    def _enable(self, enabled: bool) -> None:
        self.password.setEnabled(enabled)
        self.sign_in_button.setEnabled(enabled)
        self.busy.set_busy(not enabled)

    def reject(self) -> None:
        self.tasks.cancel_all()
        self.session.finish_reauthentication(False)
        super().reject()
