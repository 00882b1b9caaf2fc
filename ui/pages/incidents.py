"""舆情 Public opinion: the incident register with tier clocks (issue #6)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import PageContext
from ui.pages.base import empty_state, page_frame


class IncidentsPage(QWidget):
    """Empty state until its issue lands: says what the page will hold, shows no invented data."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Public opinion")
        body = page_frame(
            self, self.title, self.tr("Negative posts about the studio, handled within their tier's clocks.")
        )
        empty_state(
            body,
            self.tr("The public-opinion register arrives with its own issue (#6)"),
            self.tr(
                "Record each negative post or complaint seen online with its channel, link and snapshot; its tier sets the response clocks. Actions, links to tickets, sessions and products, and the corrective actions (整改) that follow are kept here."
            ),
        )
