"""The sign-in dialog. Passwords are checked by core (scrypt, on the background lane: it takes ~0.1 s)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.roles import Actor
from core.errors import AccountLocked, StudioDeskError
from ui.qtcompat import emit
from ui.tasks import TaskRunner
from ui.widgets import message_label, show_message


def _login(db: Any, username: str, password: str, *, progress: Any, cancelled: Any) -> Actor:
    from core.services import auth

    with db.unit_of_work() as session:
        return auth.login(session, username, password)


class LoginDialog(QDialog):
    """Username and password; on success ``actor`` is the signed-in person and the dialog accepts.

    ``attempted(ok)`` is emitted after every attempt (tests wait on it). A locked account disables the
    sign-in button until the lock runs out, counting down the seconds core reported.
    """

    attempted = Signal(bool)

    def __init__(self, db: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.actor: Actor | None = None
        self._seconds_left = 0
        self._locked_message = ""
        self.setWindowTitle(self.tr("Sign in — StudioDesk"))
        self.setMinimumWidth(380)

        heading = QLabel(self.tr("StudioDesk live-stream after-sales service desk"))
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        where = QLabel(self.tr("Database: %1").replace("%1", str(db.path.name)))
        where.setProperty("kind", "note")
        where.setToolTip(str(db.path))

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)

        self.message = message_label()
        self.message.setObjectName("loginMessage")
        buttons = QDialogButtonBox()
        self.sign_in = QPushButton(self.tr("Sign in"))
        self.sign_in.setDefault(True)
        buttons.addButton(self.sign_in, QDialogButtonBox.ButtonRole.AcceptRole)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAutoDefault(False)
        self.sign_in.clicked.connect(self.attempt)
        quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._on_countdown_timeout)

    def attempt(self) -> None:
        """Check the typed credentials on the background lane; the answer arrives as ``attempted``."""
        username = self.username.text().strip()
        if not username or not self.password.text():
            show_message(self.message, self.tr("Enter your username and password."))
            emit(self.attempted, False)
            return
        self.sign_in.setEnabled(False)
        show_message(self.message, self.tr("Checking…"), "note")
        task = self._tasks.run(self.tr("Signing in"), _login, self._db, username, self.password.text())
        task.succeeded.connect(self._on_login_succeeded)
        task.failed.connect(self._on_login_failed)

    def _on_login_succeeded(self, actor: Actor) -> None:
        self.actor = actor
        show_message(self.message, "")
        emit(self.attempted, True)
        self.accept()

    def _on_login_failed(self, exc: BaseException) -> None:
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, AccountLocked):
            self._locked_message = str(exc)
            self._seconds_left = max(1, int(exc.seconds_left))
            show_message(self.message, self._locked_message, "error")
            self._countdown.start()
        else:
            self.sign_in.setEnabled(True)
            text = str(exc) if isinstance(exc, StudioDeskError) else f"{type(exc).__name__}: {exc}"
            show_message(self.message, text, "error")
        emit(self.attempted, False)

    def _on_countdown_timeout(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self._countdown.stop()
            self.sign_in.setEnabled(True)
            show_message(self.message, self.tr("You can try again now."), "note")
            return
        show_message(
            self.message,
            self._locked_message + "\n" + self.tr("%1 s left.").replace("%1", str(self._seconds_left)),
        )

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.sign_in.isEnabled():
            return
        super().keyPressEvent(event)
