"""记录豁免: choose one of the SAMR 2023 guide's grounds (《广告绝对化用语执法指南》 Arts 4–5) for a lint finding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.domain.lint import Finding


class ExemptionDialog(QDialog):
    """Choose one of the SAMR guide's grounds for a finding, plus an optional note."""

    def __init__(self, finding: Finding, reasons: Iterable[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record an exemption"))
        self.reason = QComboBox()
        for reason in reasons:
            self.reason.addItem(reason.label, reason.code)
            self.reason.setItemData(self.reason.count() - 1, reason.basis, Qt.ItemDataRole.ToolTipRole)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why it is acceptable here, where the proof is kept"))
        intro = QLabel(
            self.tr("“%1” may stay in the script only for one of these reasons (SAMR guide, 2023):").replace(
                "%1", finding.term
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(QLabel(self.tr("Note")))
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, str]:
        return self.reason.currentData(), self.note.text().strip()
