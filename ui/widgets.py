"""Small building blocks shared by dialogs and pages: forms that show errors next to the named field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from core.errors import StudioDeskError


def message_label(kind: str = "error") -> QLabel:
    """A word-wrapping label styled by ``resources/style.qss`` through its ``kind`` property (error/ok/note)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setProperty("kind", kind)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def error_text(exc: BaseException) -> str:
    """A failure as a sentence: core's own message for a refusal, the exception's type and text for a bug."""
    return str(exc) if isinstance(exc, StudioDeskError) else f"{type(exc).__name__}: {exc}"


def show_message(label: QLabel, text: str, kind: str | None = None) -> None:
    if kind is not None and label.property("kind") != kind:
        label.setProperty("kind", kind)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


class FieldForm(QWidget):
    """A QFormLayout whose rows each carry a hidden error line, shown by field name (core's InvalidInput.field).

    Errors about no known field appear in ``general_error`` at the bottom.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = message_label()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        outer.addWidget(self.general_error)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = message_label()
        error.setObjectName(f"error_{name}")
        column.addWidget(error)
        self.form.addRow(label, holder)
        self.errors[name] = error
        self.fields[name] = widget
        for signal in ("textEdited", "textChanged", "currentIndexChanged", "dateTimeChanged", "dateChanged"):
            if hasattr(widget, signal):  # a person correcting the field no longer sees the old complaint
                getattr(widget, signal).connect(lambda *_, shown=error: show_message(shown, ""))
                break
        return widget

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            show_message(label, "")

    def show_error(self, field: str, message: str) -> None:
        """Show ``message`` beside ``field`` (or at the bottom when the field is not on this form) and focus it."""
        label = self.errors.get(field)
        if label is None:
            show_message(self.general_error, message)
            return
        show_message(label, message)
        self.fields[field].setFocus()

    def error_text(self, field: str) -> str:
        return self.errors.get(field, self.general_error).text()
