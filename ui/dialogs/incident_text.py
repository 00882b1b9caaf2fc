"""处理记录全文: one handling-log line of an incident in full (a statement, a reason, a root cause), read-only.

The log table elides long text; a double-click on a row opens this small dialog so the whole text can be read and
copied (selectable, never editable: the log is the record of what was done, 电子商务法 Art 62).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget


class IncidentTextDialog(QDialog):
    """``IncidentTextDialog(title, text)``: the text in a read-only, selectable box and a Close button."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentTextDialog")
        self.setWindowTitle(title)
        self.resize(520, 320)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        self.text.setObjectName("incidentFullText")
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


__all__ = ["IncidentTextDialog"]
