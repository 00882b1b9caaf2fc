"""直播场次 Live sessions: planning and the pre-live checklist (issue #3), and the script checker (话术检查)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.context import PageContext
from ui.pages.base import empty_state, page_frame
from ui.pages.script_editor import ScriptChecker


class SessionsPage(QWidget):
    """A short note that session planning is still coming, then the script checker, which works today."""

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
                "Session planning (platform, hosts, lineup and the pre-live checklist) is still coming with issue #3. "
                "The script checker below already works: type or paste the wording and risky terms are marked."
            ),
        )
        body.takeAt(body.count() - 1)  # empty_state's trailing stretch: the checker takes the space instead
        heading = QLabel(self.tr("Script check"))
        heading.setObjectName("dialogHeading")
        body.addWidget(heading)
        self.script_checker = ScriptChecker(context)
        body.addWidget(self.script_checker, 1)
