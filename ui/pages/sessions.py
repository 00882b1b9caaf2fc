"""直播场次 Live sessions: planning and the pre-live checklist (issue #3)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import PageContext
from ui.pages.base import empty_state, page_frame


class SessionsPage(QWidget):
    """Empty state until its issue lands: says what the page will hold, shows no invented data."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Live sessions")
        body = page_frame(
            self, self.title, self.tr("Plan each stream and make sure it is ready before going live.")
        )
        empty_state(
            body,
            self.tr("Session planning arrives with the pre-live issue (#3)"),
            self.tr(
                "Each session (场次) with its platform, shop, planned and actual times, hosts and product lineup — live price, claimed original price and the evidence for it — and the pre-live checklist: every item done, not applicable with a reason, or waived by the owner, with evidence. The host's script lint lives here too."
            ),
        )
