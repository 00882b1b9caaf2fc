"""结案: close the incident after the closure review — the root cause is required; while corrective actions are
open only the owner may close, giving the reason (kept on the incident and in the ledger); others are told the
actions must be done first (DOMAIN §6)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from ui.dialogs.incident_form import IncidentFormDialog, Submit

AMBER = "color: #8a5a00; background: #fff4de; border: 1px solid #f0d49b; border-radius: 6px; padding: 8px;"


class IncidentCloseDialog(IncidentFormDialog):
    """``submit(root_cause, override_reason)``; ``pending``: the open corrective actions (title, owner_name, due_on)."""

    def __init__(
        self,
        code: str,
        pending: list[Any],
        *,
        may_override: bool,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Close the incident"), self.tr("Close incident %1").replace("%1", code),
            self.tr("Close incident"), submit, parent,
        )  # fmt: skip
        self.setObjectName("incidentCloseDialog")
        self.cause = QPlainTextEdit()
        self.cause.setObjectName("closeRootCause")
        self.cause.setMinimumHeight(80)
        self.cause.setPlaceholderText(self.tr("What caused it, as found (required)"))
        self.form.add_field("root_cause", self.tr("Root cause"), self.cause)
        self.pending = QLabel()
        self.pending.setObjectName("closePending")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(AMBER)
        self.override: QPlainTextEdit | None = None
        if pending:
            lines = [
                f"· {p.title}（{p.owner_name or '—'}，{p.due_on.isoformat() if p.due_on else '—'}）"
                for p in pending
            ]
            if may_override:
                tail = self.tr(
                    "As the owner you may close anyway, giving the reason below; it stays on record."
                )
            else:
                tail = self.tr("They must be done first; only the owner may close with actions still open.")
            self.pending.setText(
                self.tr("%1 corrective action(s) still open:").replace("%1", str(len(pending)))
                + "\n"
                + "\n".join(lines)
                + "\n"
                + tail
            )
            self.form.add_field("corrective", self.tr("Open actions"), self.pending)
            if may_override:
                self.override = QPlainTextEdit()
                self.override.setObjectName("closeOverride")
                self.override.setMinimumHeight(60)
                self.override.setPlaceholderText(self.tr("Why close before they are done"))
                self.form.add_field("override_reason", self.tr("Owner's reason"), self.override)
            else:
                self.ok_button.setEnabled(False)

    def values(self) -> tuple[Any, ...] | None:
        override = self.override.toPlainText().strip() if self.override is not None else ""
        return (self.cause.toPlainText().strip(), override)


__all__ = ["IncidentCloseDialog"]
