"""批量指派 / 批量改状态 on the 售后工单 queue: the lane work and the small pickers.

Each ticket is its own unit of work (``tickets.assign_owner`` / ``tickets.change_status``), so a refused transition
on one ticket leaves the others done and nothing of the refused one written; :class:`BulkOutcome` lists both, and
:func:`outcome_text` says plainly how many succeeded and why each of the others was refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from core.errors import StudioDeskError
from core.services.ticket_events import status_name
from ui.widgets import FieldForm


@dataclass
class BulkOutcome:
    done: list[str] = field(default_factory=list)  # ticket codes
    refused: list[tuple[str, str]] = field(default_factory=list)  # (code, reason)


def _each(db: Any, actor: Any, tickets: list[tuple[int, str]], step: Any, progress: Any) -> BulkOutcome:
    outcome = BulkOutcome()
    for number, (ticket_id, code) in enumerate(tickets, start=1):
        try:
            with db.unit_of_work(actor) as session:
                step(session, ticket_id)
        except StudioDeskError as exc:  # refused: this ticket's unit of work rolled back, the others stand
            outcome.refused.append((code, str(exc)))
        else:
            outcome.done.append(code)
        progress(number, len(tickets))
    return outcome


def bulk_assign(
    db: Any, actor: Any, tickets: list[tuple[int, str]], owner_id: int | None, **lane: Any
) -> BulkOutcome:
    """Give every ticket of ``tickets`` ((id, code) pairs) to ``owner_id``, one unit of work each."""
    from core.services.tickets import assign_owner

    return _each(db, actor, tickets, lambda s, tid: assign_owner(s, actor, tid, owner_id), lane["progress"])


def bulk_status(
    db: Any, actor: Any, tickets: list[tuple[int, str]], status: str, reason: str = "", **lane: Any
) -> BulkOutcome:
    """Move every ticket of ``tickets`` to ``status`` through the flow, one unit of work each."""
    from core.services.tickets import change_status

    return _each(
        db,
        actor,
        tickets,
        lambda s, tid: change_status(s, actor, tid, status, reason=reason),
        lane["progress"],
    )


def outcome_text(outcome: BulkOutcome, *, assign: bool) -> str:
    """``已改 3 张工单。2 张未改：…`` with each refused ticket's code and reason on its own line."""
    total = len(outcome.done) + len(outcome.refused)
    lead = (
        QCoreApplication.translate("TicketBulk", "Assigned %1 of %2 tickets.")
        if assign
        else QCoreApplication.translate("TicketBulk", "Changed the status of %1 of %2 tickets.")
    )
    lines = [lead.replace("%1", str(len(outcome.done))).replace("%2", str(total))]
    if outcome.refused:
        lines.append(
            QCoreApplication.translate("TicketBulk", "%1 not changed:").replace(
                "%1", str(len(outcome.refused))
            )
        )
        lines.extend(f"{code}：{reason}" for code, reason in outcome.refused)
    return "\n".join(lines)


class OwnerPicker(QDialog):
    """批量指派: choose whom the selected tickets go to (or 不指派 to clear the owner)."""

    def __init__(
        self, workers: tuple[tuple[int, str], ...], count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign %1 tickets").replace("%1", str(count)))
        self.owner = QComboBox()
        self.owner.setObjectName("bulkOwner")
        for user_id, name in workers:
            self.owner.addItem(name, user_id)
        self.owner.addItem(self.tr("Nobody (unassign)"), None)
        form = FieldForm()
        form.add_field("owner_id", self.tr("Owner"), self.owner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(form)
        column.addWidget(buttons)

    def owner_id(self) -> int | None:
        return self.owner.currentData()


class StatusPicker(QDialog):
    """批量改状态: the target status, and the reason a rejection needs."""

    def __init__(
        self, statuses: tuple[str, ...], needs_reason: frozenset[str], count: int, parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the status of %1 tickets").replace("%1", str(count)))
        self.needs_reason = needs_reason
        self.status = QComboBox()
        self.status.setObjectName("bulkStatus")
        for code in statuses:
            self.status.addItem(status_name(code), code)
        self.reason = QLineEdit()
        self.reason.setObjectName("bulkReason")
        self.reason.setPlaceholderText(self.tr("Needed for a rejection"))
        self.form = FieldForm()
        self.form.add_field("status", self.tr("New status"), self.status)
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.form)
        column.addWidget(buttons)

    def _check(self) -> None:
        self.form.clear_errors()
        if self.status.currentData() in self.needs_reason and not self.reason.text().strip():
            self.form.show_error("reason", self.tr("A rejection needs its reason"))
            return
        self.accept()

    def choice(self) -> tuple[str, str]:
        return str(self.status.currentData()), self.reason.text().strip()


__all__ = ["BulkOutcome", "OwnerPicker", "StatusPicker", "bulk_assign", "bulk_status", "outcome_text"]
