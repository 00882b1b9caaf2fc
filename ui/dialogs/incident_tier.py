"""确认级别 / 调整级别: choose the incident's tier (IV–I), each shown with its trigger and clocks; a change after the
first confirmation needs a reason (DOMAIN §6; core refuses naming 'reason' and the dialog stays open)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QLabel, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget

from ui.dialogs.incident_form import IncidentFormDialog, Submit


class IncidentTierDialog(IncidentFormDialog):
    """``submit(tier, reason)``; the current tier is preselected, the suggested one is marked."""

    def __init__(
        self,
        code: str,
        choices: tuple[Any, ...],
        *,
        current: str,
        suggested: str,
        confirmed: bool,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Change tier") if confirmed else self.tr("Confirm tier")
        action = self.tr("Change tier") if confirmed else self.tr("Confirm")
        super().__init__(title, f"{title} · {code}", action, submit, parent)
        self.setObjectName("incidentTierDialog")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for choice in choices:
            marks = [self.tr("current")] if choice.code == current and confirmed else []
            marks += [self.tr("suggested")] if choice.code == suggested else []
            mark = "  ← " + "、".join(marks) if marks else ""
            radio = QRadioButton(f"{choice.name}（{choice.owner}）{mark}")
            radio.setObjectName(f"tier_{choice.code}")
            detail = QLabel(
                self.tr("When: %1\nClocks: %2")
                .replace("%1", choice.trigger or "—")
                .replace("%2", choice.clocks_text or "—")
            )
            detail.setWordWrap(True)
            detail.setStyleSheet("color: #52606d; margin-left: 22px;")
            self.group.addButton(radio)
            self.radios[choice.code] = radio
            column.addWidget(radio)
            column.addWidget(detail)
        if current in self.radios:
            self.radios[current].setChecked(True)
        self.form.add_field("tier", self.tr("Tier"), holder)
        self.reason_box = QPlainTextEdit()
        self.reason_box.setObjectName("tierReason")
        self.reason_box.setMinimumHeight(70)
        self.reason_box.setPlaceholderText(
            self.tr("Why the tier changes (required for a change after the first confirmation)")
        )
        self.form.add_field("reason", self.tr("Reason"), self.reason_box)

    def choose(self, tier: str) -> None:
        self.radios[tier].setChecked(True)

    def tier(self) -> str:
        return next((code for code, radio in self.radios.items() if radio.isChecked()), "")

    def values(self) -> tuple[Any, ...] | None:
        return (self.tier(), self.reason_box.toPlainText().strip())


__all__ = ["IncidentTierDialog"]
