"""工作台 Dashboard: facts that are already true (ledger head, staff, last backup); the rest arrives per chapter."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from core.domain.codes import Role
from ui.context import PageContext
from ui.dialogs.confirm import when
from ui.labels import role_name
from ui.pages.base import empty_state, page_frame
from ui.qtcompat import emit


@dataclass(frozen=True)
class DashboardFacts:
    ledger_count: int
    ledger_hash: str
    staff_by_role: dict[str, int]
    active_staff: int
    last_backup_at: datetime | None
    last_backup_name: str


def collect_facts(db: Any, **_lane: Any) -> DashboardFacts:
    """Read the facts on the background lane (one short transaction, a folder listing)."""
    from core import ledger
    from core.db.backup import list_backups
    from core.services import auth

    with db.sessions() as session:
        head = ledger.head(session)
        staff = auth.list_staff(session)
    backups = list_backups(db.path)
    active = [member for member in staff if member.active]
    return DashboardFacts(
        ledger_count=head.count,
        ledger_hash=head.hash,
        staff_by_role=dict(Counter(str(member.role) for member in active)),
        active_staff=len(active),
        last_backup_at=backups[0].created_at if backups else None,
        last_backup_name=backups[0].path.name if backups else "",
    )


class DashboardPage(QWidget):
    """Shows real facts only. ``refreshed`` follows each completed refresh."""

    refreshed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Dashboard")
        body = page_frame(
            self,
            self.title,
            self.tr("Signed in as %1. What needs attention today will gather here.").replace(
                "%1", context.actor.display_name
            ),
        )
        facts = QFrame()
        facts.setObjectName("factsPanel")
        form = QFormLayout(facts)
        self.ledger_label = QLabel(self.tr("Loading…"))
        self.ledger_label.setObjectName("ledgerFact")
        self.staff_label = QLabel(self.tr("Loading…"))
        self.staff_label.setObjectName("staffFact")
        self.backup_label = QLabel(self.tr("Loading…"))
        self.backup_label.setObjectName("backupFact")
        self.backup_label.setWordWrap(True)
        database = QLabel(str(context.db.path))
        database.setWordWrap(True)
        form.addRow(self.tr("Evidence ledger"), self.ledger_label)
        form.addRow(self.tr("Active staff"), self.staff_label)
        form.addRow(self.tr("Last backup"), self.backup_label)
        form.addRow(self.tr("Database file"), database)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        refresh_row = QHBoxLayout()
        refresh_row.addWidget(refresh)
        refresh_row.addStretch(1)
        form.addRow("", refresh_row)
        body.addWidget(facts)
        empty_state(
            body,
            self.tr("Today's deadlines, open tickets and incidents appear here as their chapters land"),
            self.tr(
                "Sessions to prepare and paperwork about to expire (#3), promises logged on air (#4), tickets sorted by the nearest binding deadline and overdue ones (#5), open public-opinion incidents (#6) and this month's service score (#7)."
            ),
        )
        self.refresh()

    def refresh(self) -> None:
        task = self.context.tasks.run(self.tr("Reading the dashboard"), collect_facts, self.context.db)
        task.succeeded.connect(self._on_facts_succeeded)
        task.failed.connect(self._on_facts_failed)

    def _on_facts_succeeded(self, facts: DashboardFacts) -> None:
        self.ledger_label.setText(
            self.tr("%1 entries · head %2")
            .replace("%1", str(facts.ledger_count))
            .replace("%2", facts.ledger_hash[:12])
        )
        self.ledger_label.setToolTip(facts.ledger_hash)
        order = [str(role) for role in Role]
        roles = sorted(
            facts.staff_by_role.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99
        )
        parts = " · ".join(f"{role_name(role)} {count}" for role, count in roles)
        self.staff_label.setText(
            self.tr("%1 (%2)").replace("%1", str(facts.active_staff)).replace("%2", parts)
            if parts
            else str(facts.active_staff)
        )
        if facts.last_backup_at is None:
            self.backup_label.setText(self.tr("No backup yet — make one in Settings › Backup."))
        else:
            self.backup_label.setText(f"{when(facts.last_backup_at)} · {facts.last_backup_name}")
        emit(self.refreshed)

    def _on_facts_failed(self, exc: BaseException) -> None:
        message = self.tr("Could not read: %1").replace("%1", str(exc))
        for label in (self.ledger_label, self.staff_label, self.backup_label):
            label.setText(message)
        emit(self.refreshed)
