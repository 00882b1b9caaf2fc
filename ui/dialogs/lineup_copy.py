"""从往场复制: copy a past session's lineup, and see what was copied and what was skipped and why.

Core re-adds every product through the lineup gates (:func:`core.services.sessions.copy_lineup`): a product whose
paper has lapsed since is skipped with the reason, prices are judged again against this session's 7-day window.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import StudioDeskError
from ui.context import PageContext
from ui.labels import platform_names
from ui.qtcompat import emit
from ui.widgets import message_label, show_message


class LineupCopyDialog(QDialog):
    """Pick a past session; ``copied(result)`` follows a copy, and the outcome stays on screen to be read."""

    copied = Signal(object)

    def __init__(
        self,
        context: PageContext,
        target_id: int,
        sources: Iterable[Any],
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lineupCopyDialog")
        self.setWindowTitle(self.tr("Copy a past session's lineup"))
        self.setMinimumSize(560, 420)
        self.context = context
        self.target_id = target_id
        self.result: Any | None = None
        platforms = platform_names()

        intro = QLabel(
            self.tr(
                "Each product is added again: papers are checked today and prices against this session's "
                "7-day window. Products already in this lineup are skipped."
            )
        )
        intro.setWordWrap(True)
        self.sources = QListWidget()
        self.sources.setObjectName("copySources")
        for row in sources:
            if row.id == target_id or row.lineup_count == 0:
                continue
            when = row.planned_start.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            text = self.tr("%1 · %2 · %3 · %4 products")
            text = (
                text.replace("%1", when)
                .replace("%2", row.title)
                .replace("%3", platforms.get(row.platform, row.platform))
                .replace("%4", str(row.lineup_count))
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.sources.addItem(item)
        self.sources.currentRowChanged.connect(lambda row: self.copy_button.setEnabled(row >= 0))
        self.outcome = QLabel()
        self.outcome.setObjectName("copyOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        self.error = message_label()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setEnabled(False)
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_selected)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.sources, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def select_source(self, session_id: int) -> bool:
        for row in range(self.sources.count()):
            if self.sources.item(row).data(Qt.ItemDataRole.UserRole) == session_id:
                self.sources.setCurrentRow(row)
                return True
        return False

    def copy_selected(self) -> bool:
        """Copy the chosen session's lineup in one unit of work and show what happened to each product."""
        from core.services import sessions

        item = self.sources.currentItem()
        if item is None:
            return False
        show_message(self.error, "")
        actor = self.context.actor
        try:
            with self.context.db.unit_of_work(actor) as session:
                self.result = sessions.copy_lineup(
                    session,
                    actor,
                    from_session_id=item.data(Qt.ItemDataRole.UserRole),
                    to_session_id=self.target_id,
                    today=sessions.studio_today(session),
                )
        except StudioDeskError as exc:
            show_message(self.error, str(exc))
            return False
        self.outcome.setText(self.describe(self.result))
        self.outcome.show()
        self.copy_button.setEnabled(False)
        self.sources.setEnabled(False)
        emit(self.copied, self.result)
        return True

    def describe(self, result: Any) -> str:
        lines = [
            self.tr("Copied %1: %2")
            .replace("%1", str(len(result.copied)))
            .replace("%2", "、".join(result.copied))
            if result.copied
            else self.tr("Nothing was copied.")
        ]
        if result.skipped:
            lines.append(self.tr("Skipped %1:").replace("%1", str(len(result.skipped))))
            lines += [f"• {name} — {reason}" for name, reason in result.skipped]
        return "\n".join(lines)
