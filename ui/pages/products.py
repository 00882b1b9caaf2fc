"""商品与资质 Products & papers: catalogue, suppliers and documents (issue #3)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import PageContext
from ui.pages.base import empty_state, page_frame


class ProductsPage(QWidget):
    """Empty state until its issue lands: says what the page will hold, shows no invented data."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = self.tr("Products & papers")
        body = page_frame(
            self,
            self.title,
            self.tr("What the studio sells, who supplies it, and the papers that prove it may be sold."),
        )
        empty_state(
            body,
            self.tr("Products and their papers arrive with the pre-live issue (#3)"),
            self.tr(
                "Suppliers and products (SKU, category, 三包, no-reason-return exclusions) with their documents — business licences, inspection reports, certificates — stored in the evidence vault, and a warning before any of them expires."
            ),
        )
