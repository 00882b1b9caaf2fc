"""The shared frame of the incident dialogs: a heading, a form whose rows show core's refusal under the field it
names, and an OK button that runs the write and stays open when core refuses.

Contract: ``submit(*values)`` runs one unit of work and returns the refusal (an exception whose ``field`` names
the row, or none) or None when written; subclasses give :meth:`IncidentFormDialog.values` (None keeps the dialog
open after the subclass showed why).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.widgets import FieldForm, error_text

Submit = Callable[..., BaseException | None]


class IncidentFormDialog(QDialog):
    """Heading + :class:`~ui.widgets.FieldForm` + Cancel/``action``; see the module contract."""

    def __init__(self, title: str, heading: str, action: str, submit: Submit, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.submit = submit
        self.heading = QLabel(heading)
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.form = FieldForm()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.form, 1)
        self.layout_.addWidget(self.buttons)

    def values(self) -> tuple[Any, ...] | None:
        raise NotImplementedError

    def accept(self) -> None:
        """Run the write; on a refusal show it under its field (or at the bottom) and stay open."""
        self.form.clear_errors()
        values = self.values()
        if values is None:
            return
        exc = self.submit(*values)
        if exc is not None:
            self.form.show_error(str(getattr(exc, "field", "") or ""), error_text(exc))
            return
        super().accept()


__all__ = ["IncidentFormDialog", "Submit"]
