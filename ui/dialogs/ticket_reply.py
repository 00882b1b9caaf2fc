"""Reply to the buyer from a template (回复模板): pick one, see it filled for this ticket, edit, then record it.

The templates come already filled ({buyer}, {code}, {product}) from the panel's lane read; the text stays editable
and what is recorded is exactly what the box holds when the person presses Record.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import message_label, show_message


class TicketReplyDialog(QDialog):
    """``templates``: (id, title, filled body). ``template_id()`` (None for a free reply) and ``body()``."""

    def __init__(
        self, code: str, templates: tuple[tuple[int, str, str], ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketReplyDialog")
        self.setWindowTitle(self.tr("Reply to the buyer"))
        self.setMinimumWidth(520)
        self.templates = templates
        heading = QLabel(self.tr("Reply on ticket %1").replace("%1", code))
        heading.setObjectName("dialogHeading")
        self.choice = QComboBox()
        self.choice.setObjectName("replyTemplate")
        self.choice.addItem(self.tr("No template (write the reply)"), None)
        for template_id, title, _body in templates:
            self.choice.addItem(title, template_id)
        self.text = QPlainTextEdit()
        self.text.setObjectName("replyText")
        self.text.setMinimumHeight(140)
        self.text.setPlaceholderText(self.tr("The reply as sent to the buyer"))
        self.error = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.tr("Record reply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Template")))
        layout.addWidget(self.choice)
        layout.addWidget(QLabel(self.tr("Reply (you can edit it before recording)")))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(self._fill)
        if templates:
            self.choice.setCurrentIndex(1)

    def _fill(self) -> None:
        template_id = self.choice.currentData()
        for tid, _title, body in self.templates:
            if tid == template_id:
                self.text.setPlainText(body)
                return

    def template_id(self) -> int | None:
        return self.choice.currentData()

    def body(self) -> str:
        return self.text.toPlainText().strip()

    def accept(self) -> None:
        if not self.body():
            show_message(self.error, self.tr("Write the reply or choose a template."))
            return
        super().accept()
