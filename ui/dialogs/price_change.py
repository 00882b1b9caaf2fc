"""改价 Change the price of the product on air: the new price in yuan, saved as a new stretch on the timeline.

Contract: shows the product and its current price; the new price is parsed with :func:`ui.money.parse_yuan` (a
sentence under the field for anything that is not an amount, or the same price again). It saves through the
``save(price_fen)`` it is given and closes only when that succeeds (core's refusal shown in the dialog); once
saved, ``result_view`` holds the new segment and another Enter does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.errors import StudioDeskError
from ui.money import parse_yuan, yuan
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message


class PriceChangeDialog(QDialog):
    """The product on air, its price now, and a field for the new price (¥)."""

    saved = Signal(object)

    def __init__(
        self,
        product: str,
        price_fen: int | None,
        save: Callable[[int], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("priceChangeDialog")
        self.setWindowTitle(self.tr("Change the price on air"))
        self.setMinimumWidth(420)
        self.save = save
        self.price_fen = price_fen
        self.result_view: Any = None
        heading = QLabel(self.tr("Change the price on air"))
        heading.setObjectName("dialogHeading")
        self.subject = QLabel(
            self.tr("On air: %1 · now %2").replace("%1", product).replace("%2", yuan(price_fen))
        )
        self.subject.setObjectName("priceSubject")
        self.subject.setWordWrap(True)
        self.price = QLineEdit()
        self.price.setObjectName("priceText")
        self.price.setPlaceholderText(self.tr("New price in yuan, e.g. 19.90"))
        self.error = message_label()
        self.error.setObjectName("priceError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("Change price"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.subject)
        layout.addWidget(QLabel(self.tr("New price (¥)")))
        layout.addWidget(self.price)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("The timeline gets a new row at the new price from now on.")))
        layout.addWidget(self.buttons)
        self.price.setFocus()

    def new_price(self) -> int | None:
        """The typed price in fen (None when empty); ``ValueError`` when it is not an amount."""
        return parse_yuan(self.price.text())

    def accept(self) -> None:
        if self.result_view is not None:
            return
        try:
            fen = self.new_price()
        except ValueError:
            fen = -1
        if fen is None or fen < 0:
            show_message(self.error, self.tr("Type the new price in yuan, e.g. 19.90"))
            self.price.setFocus()
            return
        if fen == self.price_fen:
            show_message(self.error, self.tr("That is the price on air already: %1").replace("%1", yuan(fen)))
            self.price.setFocus()
            return
        try:
            view = self.save(fen)
        except StudioDeskError as exc:
            show_message(self.error, error_text(exc))
            self.price.setFocus()
            return
        self.result_view = view
        show_message(self.error, "")
        emit(self.saved, view)
        super().accept()


__all__ = ["PriceChangeDialog"]
