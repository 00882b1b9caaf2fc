"""直播中控台 Live console: promises logged on air into the ledger (issue #4)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import PageContext
from ui.pages.base import empty_state, page_frame


class LiveConsolePage(QWidget):
    """Empty state until its issue lands: says what the page will hold, shows no invented data."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Live console")
        body = page_frame(
            self,
            self.title,
            self.tr("Sit beside the host during the stream and record every promise the moment it is said."),
        )
        empty_state(
            body,
            self.tr("The live console arrives with the in-live issue (#4)"),
            self.tr(
                "Log each promise made on air — return terms, shipping time, gifts, price protection, compensation — in seconds, with the verbatim wording and its offset in the stream. Every promise is sealed into the tamper-evident ledger and is never edited: corrections and retractions are new entries pointing at the old one."
            ),
        )
