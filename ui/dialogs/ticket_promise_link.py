"""Link a promise said on air to a ticket: the active promises of the order's session about its product are offered.

Promises said on air bind (消费者权益保护法实施条例 2024; gifts too: 法释〔2022〕8号 Art 8), so a claim is tied to the
promise as it was logged, with its wording verbatim and the time it was said.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import message_label, show_message


class TicketPromiseLinkDialog(QDialog):
    """``suggestions``: core PromiseViews; ``promise_id()`` is the chosen one."""

    def __init__(
        self, code: str, suggestions: tuple[Any, ...], zone: ZoneInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketPromiseLinkDialog")
        self.setWindowTitle(self.tr("Link a promise"))
        self.setMinimumWidth(520)
        heading = QLabel(self.tr("Link a promise said on air to ticket %1").replace("%1", code))
        heading.setObjectName("dialogHeading")
        note = QLabel(
            self.tr("Promises in force from the order's session about its product or the whole session:")
        )
        note.setWordWrap(True)
        self.choices = QListWidget()
        self.choices.setObjectName("promiseSuggestions")
        for view in suggestions:
            said = view.said_at.astimezone(zone) if zone is not None else view.said_at
            item = QListWidgetItem(f"#{view.id}  {said:%m-%d %H:%M}  {view.wording}")
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.choices.addItem(item)
        if suggestions:
            self.choices.setCurrentRow(0)
        self.error = message_label()
        show_message(
            self.error, "" if suggestions else self.tr("No promise of this order's session to suggest.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.link_button = buttons.addButton(self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setEnabled(bool(suggestions))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.choices, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def promise_id(self) -> int | None:
        item = self.choices.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)
