"""Ask for a written reason (理由) before an action that the record must explain: not applicable, waive, override.

The reason is required: OK with an empty (or blank) text keeps the dialog open and says so under the text. The
dialog shows what the reason is for (``subject``) and, for actions that stay on the record, a warning line.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import message_label, show_message


class ReasonDialog(QDialog):
    """A multi-line, required text (a reason unless ``label`` says otherwise). ``reason()`` is the trimmed text."""

    def __init__(
        self,
        title: str,
        subject: str,
        action: str,
        *,
        warning: str = "",
        placeholder: str = "",
        label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        heading = QLabel(title)
        heading.setObjectName("dialogHeading")
        self.subject = QLabel(subject)
        self.subject.setObjectName("reasonSubject")
        self.subject.setWordWrap(True)
        self.warning = message_label("note")
        self.warning.setObjectName("reasonWarning")
        self.warning.setStyleSheet(
            "color: #8a5a00; background: #fff4de; border: 1px solid #f0d49b; border-radius: 6px; padding: 8px;"
        )
        show_message(self.warning, warning)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reasonText")
        self.text.setPlaceholderText(
            placeholder or self.tr("Write why, so anyone reading the record later understands")
        )
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.error = message_label()
        self.error.setObjectName("reasonError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.subject)
        layout.addWidget(self.warning)
        layout.addWidget(QLabel(label or self.tr("Reason (required)")))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.text.setFocus()

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def accept(self) -> None:
        """Close only with a reason; otherwise say that one is needed and stay open."""
        if not self.reason():
            show_message(self.error, self.tr("Please write the reason; it is kept on the record."))
            self.text.setFocus()
            return
        show_message(self.error, "")
        super().accept()


def ask_reason(
    parent: QWidget | None,
    title: str,
    subject: str,
    action: str,
    *,
    warning: str = "",
    placeholder: str = "",
) -> str | None:
    """Show a :class:`ReasonDialog`; the reason, or None when the person cancelled."""
    dialog = ReasonDialog(title, subject, action, warning=warning, placeholder=placeholder, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason()
