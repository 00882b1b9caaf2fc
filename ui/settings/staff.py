"""Staff accounts (员工账号): the owner adds and edits accounts; everyone else reads the list.

Permission is the service's (staff.manage, checked in core.services.auth); the disabled controls for a
non-owner are a courtesy, and a refused attempt shows the service's PermissionDenied sentence.
Adding or resetting a password hashes it with scrypt, so those calls run on the background lane.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.codes import Role
from core.errors import InvalidInput, StudioDeskError
from ui.context import PageContext
from ui.labels import role_name
from ui.qtcompat import emit
from ui.widgets import FieldForm, message_label, show_message


def _add_staff(db: Any, actor: Any, fields: dict, **_lane: Any) -> Any:
    from core.services import auth

    with db.unit_of_work(actor) as session:
        return auth.add_staff(session, actor, **fields)


def _update_staff(db: Any, actor: Any, user_id: int, changes: dict, **_lane: Any) -> Any:
    from core.services import auth

    with db.unit_of_work(actor) as session:
        return auth.update_staff(session, actor, user_id, **changes)


def _role_picker() -> QComboBox:
    picker = QComboBox()
    for role in (Role.OPERATOR, Role.SERVICE, Role.HOST, Role.OWNER):
        picker.addItem(role_name(role), str(role))
    return picker


class StaffEditDialog(QDialog):
    """Change one account: name shown, role, active, and optionally a new password."""

    def __init__(self, member: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit account %1").replace("%1", member.username))
        self.form = FieldForm()
        self.display_name = self.form.add_field(
            "display_name", self.tr("Name shown"), QLineEdit(member.display_name)
        )
        self.role = self.form.add_field("role", self.tr("Role"), _role_picker())
        self.role.setCurrentIndex(max(0, self.role.findData(str(member.role))))
        self.active = self.form.add_field("active", self.tr("Active"), QCheckBox(self.tr("May sign in")))
        self.active.setChecked(bool(member.active))
        self.password = self.form.add_field("password", self.tr("New password"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty to keep the current password"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        changes: dict[str, Any] = {
            "display_name": self.display_name.text().strip(),
            "role": self.role.currentData(),
            "active": self.active.isChecked(),
        }
        if self.password.text():
            changes["password"] = self.password.text()
        return changes


class StaffTab(QWidget):
    """The staff list and the add form. ``attempted(ok)`` follows every add or edit."""

    attempted = Signal(bool)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.members: list[Any] = []
        may_manage = context.actor.may("staff.manage")

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Username"),
                self.tr("Name shown"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Locked"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(self.edit_selected)
        self.edit_button = QPushButton(self.tr("Edit selected…"))
        self.edit_button.clicked.connect(self.edit_selected)

        self.note = message_label("note")
        if not may_manage:
            show_message(
                self.note, self.tr("Only the owner manages staff accounts; you can see the list here.")
            )
        self.message = message_label()
        self.message.setObjectName("staffMessage")

        box = QGroupBox(self.tr("Add a member of staff"))
        self.form = FieldForm()
        self.new_username = self.form.add_field("username", self.tr("Username"), QLineEdit())
        self.new_display_name = self.form.add_field("display_name", self.tr("Name shown"), QLineEdit())
        self.new_role = self.form.add_field("role", self.tr("Role"), _role_picker())
        self.new_password = self.form.add_field("password", self.tr("Password"), QLineEdit())
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("At least 8 characters"))
        self.add_button = QPushButton(self.tr("Add account"))
        self.add_button.clicked.connect(self.add_staff)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.form)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        box_layout.addLayout(add_row)
        for widget in (box, self.edit_button):
            widget.setEnabled(may_manage)

        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(box)
        self.reload()

    def reload(self) -> None:
        from core.services import auth

        with self.context.db.sessions() as session:
            self.members = list(auth.list_staff(session))
        self.table.setRowCount(len(self.members))
        yes, no = self.tr("Yes"), self.tr("No")
        for row, member in enumerate(self.members):
            cells = (
                member.username,
                member.display_name,
                role_name(member.role),
                yes if member.active else no,
                yes if member.locked else no,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def add_staff(self) -> None:
        """Ask core to add the account typed in the form (on the lane: the password is hashed)."""
        self.form.clear_errors()
        show_message(self.message, "")
        fields = {
            "username": self.new_username.text().strip(),
            "display_name": self.new_display_name.text().strip(),
            "role": Role(self.new_role.currentData()),
            "password": self.new_password.text(),
        }
        self.add_button.setEnabled(False)
        task = self.context.tasks.run(
            self.tr("Adding an account"), _add_staff, self.context.db, self.context.actor, fields
        )
        task.succeeded.connect(self._on_add_succeeded)
        task.failed.connect(self._on_attempt_failed)

    def _on_add_succeeded(self, _member: Any) -> None:
        self.add_button.setEnabled(self.context.actor.may("staff.manage"))
        for field in (self.new_username, self.new_display_name, self.new_password):
            field.clear()
        show_message(self.message, self.tr("Account added."), "ok")
        self.reload()
        emit(self.attempted, True)

    def edit_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.members):
            show_message(self.message, self.tr("Select an account in the list first."))
            return
        member = self.members[row]
        dialog = StaffEditDialog(member, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.update_member(member.id, dialog.changes())

    def update_member(self, user_id: int, changes: dict[str, Any]) -> None:
        show_message(self.message, "")
        if "role" in changes:
            changes["role"] = Role(changes["role"])
        task = self.context.tasks.run(
            self.tr("Saving the account"),
            _update_staff,
            self.context.db,
            self.context.actor,
            user_id,
            changes,
        )
        task.succeeded.connect(self._on_update_succeeded)
        task.failed.connect(self._on_update_failed)

    def _on_update_succeeded(self, _member: Any) -> None:
        show_message(self.message, self.tr("Account saved."), "ok")
        self.reload()
        emit(self.attempted, True)

    def _on_attempt_failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(self.context.actor.may("staff.manage"))
        if isinstance(exc, InvalidInput) and exc.field in self.form.errors:
            self.form.show_error(exc.field, str(exc))
            emit(self.attempted, False)
        else:
            self._on_update_failed(exc)

    def _on_update_failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, StudioDeskError) else f"{type(exc).__name__}: {exc}"
        show_message(self.message, text, "error")
        emit(self.attempted, False)
