"""First run: choose demo data or an empty studio, then (for an empty studio) create the owner account."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.roles import Actor
from core.errors import InvalidInput, StudioDeskError
from ui.qtcompat import emit
from ui.tasks import TaskRunner
from ui.widgets import FieldForm, show_message


def _create_owner(db: Any, username: str, display_name: str, password: str, **_lane: Any) -> Actor:
    from core.services import auth

    with db.unit_of_work() as session:
        return auth.create_owner(session, username, display_name, password)


class FirstRunChoiceDialog(QDialog):
    """No database yet: start on the demo studio, or on an empty one. ``choice`` is "demo", "empty" or ""."""

    def __init__(self, database_path: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(self.tr("Welcome to StudioDesk"))
        self.setMinimumWidth(460)
        heading = QLabel(self.tr("Welcome to StudioDesk"))
        heading.setObjectName("dialogHeading")
        text = QLabel(
            self.tr(
                "There is no studio database on this computer yet. It will be created here:\n%1\n\n"
                "Start with the demo studio to look around (staff, products and sessions of an example "
                "studio; the passwords are in the README), or start an empty studio and create the "
                "owner account."
            ).replace("%1", str(database_path))
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Demo data"))
        self.demo_button.setObjectName("demoButton")
        self.empty_button = QPushButton(self.tr("Empty studio"))
        self.empty_button.setObjectName("emptyButton")
        self.empty_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.AcceptRole)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAutoDefault(False)
        self.demo_button.clicked.connect(lambda: self._choose("demo"))
        self.empty_button.clicked.connect(lambda: self._choose("empty"))
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class OwnerAccountDialog(QDialog):
    """Create the studio's owner (店主) account. Core validates; its messages appear beside the named field.

    ``attempted(ok)`` follows every attempt; on success ``actor`` is the new owner, signed in.
    """

    attempted = Signal(bool)

    def __init__(self, db: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the owner account"))
        self.setMinimumWidth(440)
        heading = QLabel(self.tr("Create the owner account"))
        heading.setObjectName("dialogHeading")
        intro = QLabel(
            self.tr(
                "The owner sets the studio's policy and rules, manages staff accounts and signs the monthly "
                "report. Choose a password of at least 8 characters; it is stored only as a slow salted hash."
            )
        )
        intro.setWordWrap(True)
        self.form = FieldForm()
        self.username = self.form.add_field("username", self.tr("Username"), QLineEdit())
        self.display_name = self.form.add_field("display_name", self.tr("Name shown"), QLineEdit())
        self.password = self.form.add_field("password", self.tr("Password"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = self.form.add_field("repeat", self.tr("Repeat password"), QLineEdit())
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)

        buttons = QDialogButtonBox()
        self.create_button = QPushButton(self.tr("Create and sign in"))
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.create_button.clicked.connect(self.attempt)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def attempt(self) -> None:
        self.form.clear_errors()
        if self.password.text() != self.repeat.text():
            self.form.show_error("repeat", self.tr("The two passwords differ."))
            emit(self.attempted, False)
            return
        self.create_button.setEnabled(False)
        task = self._tasks.run(
            self.tr("Creating the owner account"),
            _create_owner,
            self._db,
            self.username.text().strip(),
            self.display_name.text().strip(),
            self.password.text(),
        )
        task.succeeded.connect(self._on_create_succeeded)
        task.failed.connect(self._on_create_failed)

    def _on_create_succeeded(self, actor: Actor) -> None:
        self.actor = actor
        emit(self.attempted, True)
        self.accept()

    def _on_create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, InvalidInput):
            self.form.show_error(exc.field, str(exc))
        elif isinstance(exc, StudioDeskError):
            show_message(self.form.general_error, str(exc))
        else:
            show_message(self.form.general_error, f"{type(exc).__name__}: {exc}")
        emit(self.attempted, False)
