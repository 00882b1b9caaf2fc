"""售后工单 After-sales tickets: order import and the deadline-sorted queue (issue #5)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import PageContext
from ui.pages.base import empty_state, page_frame


class TicketsPage(QWidget):
    """Empty state until its issue lands: says what the page will hold, shows no invented data."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("After-sales tickets")
        body = page_frame(self, self.title, self.tr("Work the queue sorted by the nearest binding deadline."))
        empty_state(
            body,
            self.tr(
                "After-sales tickets with every legal and platform deadline computed arrive with the post-live issue (#5)"
            ),
            self.tr(
                "Import the platform's order export, then handle refunds, returns, exchanges, repairs, complaints and promise claims. Each ticket shows its legal, platform, promise and internal clocks with the rule behind each, its timeline of events and attachments, and the customer's satisfaction."
            ),
        )
