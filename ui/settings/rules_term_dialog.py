"""Add a term to the studio's lexicon: the words, their category, severity (per product category if needed), the
legal basis and why it is risky. The dialog stays open until core has saved it, showing a refusal by its field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.domain.lint import SEVERITIES
from core.errors import InvalidInput
from ui.pages.script_editor import severity_name
from ui.widgets import FieldForm, error_text


def severity_picker(with_default: bool = False) -> QComboBox:
    picker = QComboBox()
    if with_default:
        picker.addItem("—", None)
    for severity in reversed(SEVERITIES):
        picker.addItem(severity_name(severity), severity)
    return picker


class AddTermDialog(QDialog):
    """``submit(values) -> Task`` saves on the lane; the dialog closes when that task succeeds."""

    def __init__(
        self,
        categories: dict[str, str],
        product_categories: dict[str, str],
        submit: Callable[[dict[str, Any]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a term to the lexicon"))
        self.setMinimumWidth(620)
        self.submit = submit
        self.form = FieldForm()
        self.term = self.form.add_field("term", self.tr("Term"), QLineEdit())
        self.term.setPlaceholderText(self.tr("The words as said on air, e.g. 闭眼入"))
        self.category = self.form.add_field("category", self.tr("Kind of risk"), QComboBox())
        for code, name in categories.items():
            self.category.addItem(name, code)
        self.severity = self.form.add_field("severity", self.tr("Severity"), severity_picker())
        self.basis = self.form.add_field("basis", self.tr("Legal basis"), QPlainTextEdit())
        self.basis.setPlaceholderText(self.tr("Law and article, e.g. 《广告法》第九条第（三）项"))
        self.reason = self.form.add_field("reason", self.tr("Why it is risky"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("Shown to the host next to the highlighted words"))
        self.followed = self.form.add_field(
            "unless_followed_by", self.tr("Not when followed by"), QLineEdit()
        )
        self.followed.setPlaceholderText(self.tr("Optional, comma-separated, e.g. 次,名"))
        for box in (self.basis,):
            box.setMaximumHeight(70)
            box.setTabChangesFocus(True)

        self.overrides: dict[str, QComboBox] = {}
        group = QGroupBox(self.tr("Different severity for some product categories (optional)"))
        grid = QGridLayout(group)
        for index, (code, name) in enumerate(product_categories.items()):
            picker = severity_picker(with_default=True)
            picker.setObjectName(f"severity_{code}")
            self.overrides[code] = picker
            row, column = divmod(index, 3)
            grid.addWidget(QLabel(name), row, column * 2)
            grid.addWidget(picker, row, column * 2 + 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("Add the term"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(group)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        severity = {"default": self.severity.currentData()}
        severity |= {code: p.currentData() for code, p in self.overrides.items() if p.currentData()}
        return {
            "term": self.term.text().strip(),
            "category": self.category.currentData(),
            "severity": severity,
            "basis": self.basis.toPlainText().strip(),
            "reason": self.reason.text().strip(),
            "unless_followed_by": self.followed.text().strip(),
        }

    def accept(self) -> None:
        """Ask core to save; stay open until it has, showing a refusal next to the field it names."""
        self.form.clear_errors()
        self.ok_button.setEnabled(False)
        task = self.submit(self.values()).bind(self)
        task.succeeded.connect(lambda _result: QDialog.accept(self))
        task.failed.connect(self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        field = exc.field if isinstance(exc, InvalidInput) else ""
        self.form.show_error(field, error_text(exc))
