"""主播 tab of the Sessions page: each host's verification on the session day, with the basis of every problem.

Basis: 网络直播营销管理办法（试行） Art 17 — on-camera sellers are real-name verified and at least 16 (counted as the
``hosts`` rule says, 民法典 Arts 201–202). Editing the facts is the owner's (``staff.manage``); others read.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.i18n import in_language
from ui.context import PageContext
from ui.dialogs.host_verification import HostVerificationDialog
from ui.qtcompat import emit
from ui.widgets import message_label, show_message

RED, GREEN = "#b91c1c", "#166534"


class HostsTab(QWidget):
    """The hosts table, a detail line with each problem's basis, and 编辑核验 for the owner."""

    changed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.checks: list[tuple[int, str, Any]] = []
        self.people: dict[int, Any] = {}
        self.dialog: HostVerificationDialog | None = None

        self.summary = QLabel()
        self.summary.setObjectName("hostsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("hostsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Host"),
                self.tr("Real-name verified"),
                self.tr("Age on the session day"),
                self.tr("Problems"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda *_a: self._show_detail())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.detail = QLabel()
        self.detail.setObjectName("hostsDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = message_label("note")
        if not context.actor.may("staff.manage"):
            show_message(
                self.note, self.tr("Only the owner records a host's verification; you can read it here.")
            )
        self.edit_button = QPushButton(self.tr("Edit verification…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.note)
        layout.addLayout(buttons)

    def show_hosts(self, checks: list[tuple[int, str, Any]], people: dict[int, Any], day: date) -> None:
        """Fill the table from core ``host_checks`` rows; ``people`` holds each person's stored facts."""
        self.checks, self.people = list(checks), dict(people)
        self.table.setRowCount(len(self.checks))
        yes, no = self.tr("Yes"), self.tr("No")
        for row, (_user_id, name, check) in enumerate(self.checks):
            verified = "not_verified" not in check.problems
            age = "—" if check.age is None else self.tr("%1 years").replace("%1", str(check.age))
            problems = "；".join(issue.message for issue in check.issues) or self.tr("None")
            tip = "\n".join(
                f"{i.message}\n" + self.tr("Basis: %1").replace("%1", in_language(i.basis))
                for i in check.issues
            )
            for column, text in enumerate((name, yes if verified else no, age, problems)):
                cell = QTableWidgetItem(text)
                cell.setForeground(
                    QColor(GREEN if check.ok else RED) if column in (0, 3) else QColor("#1f2933")
                )
                if column == 1 and not verified:
                    cell.setForeground(QColor(RED))
                if tip:
                    cell.setToolTip(tip)
                self.table.setItem(row, column, cell)
        bad = sum(1 for *_x, check in self.checks if not check.ok)
        if not self.checks:
            text = self.tr("No host is on this session yet: choose hosts with “Edit session…”.")
        elif bad:
            text = self.tr("Checked for %1: %2 of %3 hosts may not go on camera yet.")
            text = (
                text.replace("%1", day.isoformat())
                .replace("%2", str(bad))
                .replace("%3", str(len(self.checks)))
            )
        else:
            text = self.tr("Checked for %1: every host may go on camera.").replace("%1", day.isoformat())
        self.summary.setText(text)
        first_bad = next((r for r, (*_x, c) in enumerate(self.checks) if not c.ok), 0)
        if self.checks:
            self.table.setCurrentCell(first_bad, 0)
        self._show_detail()

    def selected(self) -> tuple[int, str, Any] | None:
        row = self.table.currentRow()
        return self.checks[row] if 0 <= row < len(self.checks) else None

    def _show_detail(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None and self.context.actor.may("staff.manage"))
        if chosen is None:
            self.detail.setText("")
            return
        _user_id, name, check = chosen
        name = escape(name)
        if check.ok:
            self.detail.setText(
                f"<span style='color:{GREEN}'><b>{name}</b> — " + self.tr("verified") + "</span>"
            )
            return
        lines = [f"<b>{name}</b>"]
        for issue in check.issues:
            basis = escape(self.tr("Basis: %1").replace("%1", in_language(issue.basis)))
            lines.append(f"{escape(issue.message)}<br><i>{basis}</i>")
        self.detail.setText(f"<span style='color:{RED}'>" + "<br>".join(lines) + "</span>")

    def edit_selected(self) -> HostVerificationDialog | None:
        """Open 编辑核验 for the selected host (owner only); the tab reloads when it is saved."""
        chosen = self.selected()
        if chosen is None or not self.context.actor.may("staff.manage"):
            return None
        user_id, name, _check = chosen
        person = self.people.get(user_id)
        dialog = HostVerificationDialog(
            name,
            real_name_verified=bool(person and person.real_name_verified),
            birth_date=person.birth_date if person else None,
            save=lambda verified, birth: self._save(user_id, verified, birth),
            parent=self,
        )
        dialog.accepted.connect(lambda: emit(self.changed))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, user_id: int, verified: bool, birth: date | None) -> object:
        from core.services import sessions

        actor = self.context.actor
        with self.context.db.unit_of_work(actor) as session:
            return sessions.set_host_verification(
                session, actor, user_id, real_name_verified=verified, birth_date=birth
            )
