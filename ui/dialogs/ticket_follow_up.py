"""回访 Record a follow-up call: reached or not, satisfaction 1–5 (or no score) and a comment (issue 5, item 6)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class TicketFollowUpDialog(QDialog):
    """``reached()``, ``satisfaction()`` (None for no score) and ``comment()``; the scale comes from the flow rule."""

    def __init__(self, code: str, low: int = 1, high: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketFollowUpDialog")
        self.setWindowTitle(self.tr("Follow-up call"))
        self.setMinimumWidth(440)
        heading = QLabel(self.tr("Follow-up call on ticket %1").replace("%1", code))
        heading.setObjectName("dialogHeading")
        self.reached_yes = QRadioButton(self.tr("Reached the buyer"))
        self.reached_yes.setObjectName("followUpReached")
        self.reached_no = QRadioButton(self.tr("No answer"))
        self.reached_no.setObjectName("followUpNotReached")
        self.reached_yes.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.reached_yes)
        group.addButton(self.reached_no)
        row = QHBoxLayout()
        row.addWidget(self.reached_yes)
        row.addWidget(self.reached_no)
        row.addStretch(1)
        self.score = QComboBox()
        self.score.setObjectName("followUpSatisfaction")
        self.score.addItem(self.tr("No score"), None)
        for value in range(high, low - 1, -1):
            self.score.addItem("★" * value + f"  {value}", value)
        self.reached_no.toggled.connect(lambda off: self.score.setEnabled(not off))
        self.comment_box = QPlainTextEdit()
        self.comment_box.setObjectName("followUpComment")
        self.comment_box.setPlaceholderText(self.tr("What the buyer said"))
        self.comment_box.setMinimumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Call"), row)
        form.addRow(self.tr("Satisfaction"), self.score)
        form.addRow(self.tr("Comment"), self.comment_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Record call"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def reached(self) -> bool:
        return self.reached_yes.isChecked()

    def satisfaction(self) -> int | None:
        return self.score.currentData() if self.reached() else None

    def comment(self) -> str:
        return self.comment_box.toPlainText().strip()
