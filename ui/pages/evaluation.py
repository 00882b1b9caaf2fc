"""服务评价 Service evaluation: KPIs, self-assessment and the monthly report (issue #7)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import PageContext
from ui.pages.base import empty_state, page_frame


class EvaluationPage(QWidget):
    """Empty state until its issue lands: says what the page will hold, shows no invented data."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Service evaluation")
        body = page_frame(
            self, self.title, self.tr("The monthly service evaluation the owner prints and signs.")
        )
        empty_state(
            body,
            self.tr("The service evaluation arrives with the evaluation issue (#7)"),
            self.tr(
                "Each month's service KPIs, the 100-point self-assessment with its hard-fail checks, the grade, corrective actions, and the monthly report (PDF) carrying the ledger head for the owner to print and sign."
            ),
        )
