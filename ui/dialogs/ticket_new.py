"""新建工单… Open an after-sales ticket from an order number or from scratch (issue 5, deliverable 2).

The desk types the platform order number and presses 查找: the matching order lines are listed (product, buyer,
paid time, session, and how many tickets the line already has, so a repeat claim is seen before a second ticket is
opened). Without an order the summary is required. Type and reason are the closed sets core knows. OK writes one
unit of work through ``tickets.create_ticket``; a refusal is shown beside the field it names and the dialog stays
open. ``created(ticket_id, code)`` follows a successful write.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.labels import platform_names
from ui.money import yuan
from ui.pages.ticket_queue_model import kind_names, reason_names
from ui.qtcompat import emit
from ui.widgets import FieldForm, error_text


def find_orders(db: Any, number: str, **_lane: Any) -> tuple[tuple, Any]:
    from core.services.studio import studio_zone
    from core.services.ticket_orders import find_orders as lookup

    with db.sessions() as session:
        return lookup(session, number), studio_zone(session)


def create(db: Any, actor: Any, fields: dict[str, Any], **_lane: Any) -> tuple[int, str]:
    from core.services.tickets import create_ticket

    with db.unit_of_work(actor) as session:
        ticket = create_ticket(session, actor, **fields)
        session.flush()
        return ticket.id, ticket.code


class NewTicketDialog(QDialog):
    """The new-ticket form (see the module docstring)."""

    created = Signal(int, str)
    orders_found = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("newTicketDialog")
        self.setWindowTitle(self.tr("New ticket"))
        self.setMinimumWidth(720)
        self.kind = QComboBox()
        self.kind.setObjectName("ticketKind")
        for code, name in kind_names().items():
            self.kind.addItem(name, code)
        self.reason = QComboBox()
        self.reason.setObjectName("ticketReason")
        for code, name in reason_names().items():
            self.reason.addItem(name, code)
        self.reason.setCurrentIndex(self.reason.findData("other"))
        self.number = QLineEdit()
        self.number.setObjectName("orderNumber")
        self.number.setPlaceholderText(self.tr("Platform order number (leave empty for no order)"))
        self.number.returnPressed.connect(self.look_up)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setObjectName("findOrder")
        self.find_button.clicked.connect(self.look_up)
        number_row = QWidget()
        row = QHBoxLayout(number_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.number, 1)
        row.addWidget(self.find_button)
        self.order = QComboBox()
        self.order.setObjectName("orderChoice")
        self.order.addItem(self.tr("No order (from scratch)"), None)
        self.order.currentIndexChanged.connect(self._order_chosen)
        self.order_note = QLabel()
        self.order_note.setObjectName("orderNote")
        self.order_note.setWordWrap(True)
        self.summary = QLineEdit()
        self.summary.setObjectName("ticketSummary")
        self.summary.setMaxLength(200)
        self.summary.setPlaceholderText(self.tr("What the buyer asks for, in one line"))
        self.buyer = QLineEdit()
        self.buyer.setObjectName("buyerNickname")
        self.buyer.setMaxLength(64)
        self.form = FieldForm()
        self.form.add_field("kind", self.tr("Type"), self.kind)
        self.form.add_field("reason", self.tr("Reason"), self.reason)
        self.form.add_field("number", self.tr("Order number"), number_row)
        self.form.add_field("order_id", self.tr("Order"), self.order)
        self.form.form.addRow("", self.order_note)
        self.form.add_field("summary", self.tr("Summary"), self.summary)
        self.form.add_field("buyer_nickname", self.tr("Buyer nickname"), self.buyer)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("Open ticket"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("openTicket")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        heading = QLabel(self.tr("New ticket"))
        heading.setObjectName("dialogHeading")
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(self.form)
        column.addWidget(self.buttons)
        self.orders: tuple = ()

    # -- the order lookup ----------------------------------------------------------------------------------------
    def look_up(self) -> None:
        self.form.clear_errors()
        number = self.number.text().strip()
        if not number:
            self._show_orders((), None)
            return
        self.find_button.setEnabled(False)
        task = self.context.tasks.run(self.tr("Finding the order"), find_orders, self.context.db, number)
        task.bind(self)
        task.succeeded.connect(lambda found: self._show_orders(*found))
        task.failed.connect(lambda exc: self.form.show_error("number", error_text(exc)))
        task.ended.connect(lambda: self.find_button.setEnabled(True))

    def _show_orders(self, orders: tuple, zone: Any) -> None:
        self.orders = orders
        self.order.blockSignals(True)
        self.order.clear()
        self.order.addItem(self.tr("No order (from scratch)"), None)
        names = platform_names()
        for found in orders:
            paid = f"{found.paid_at.astimezone(zone):%Y-%m-%d %H:%M}" if found.paid_at and zone else "—"
            label = f"{names.get(found.platform, found.platform)} {found.platform_order_id}"
            if found.sub_order_id:
                label += f" / {found.sub_order_id}"
            self.order.addItem(f"{label} · {found.product_title} · {found.buyer_nickname} · {paid}", found.id)
        self.order.setCurrentIndex(1 if orders else 0)
        self.order.blockSignals(False)
        self._order_chosen()
        if not orders and self.number.text().strip():
            self.form.show_error(
                "number", self.tr("No order has this number; check it or open the ticket without an order")
            )
        emit(self.orders_found, len(orders))

    def _order_chosen(self, *_args: Any) -> None:
        chosen = next((o for o in self.orders if o.id == self.order.currentData()), None)
        if chosen is None:
            self.order_note.setText("")
            return
        facts = [
            yuan(chosen.amount_fen),
            self.tr("session: %1").replace("%1", chosen.session_title) if chosen.session_title else "",
        ]
        if chosen.ticket_count:
            facts.append(self.tr("already has %1 ticket(s)").replace("%1", str(chosen.ticket_count)))
        self.order_note.setText(" · ".join(f for f in facts if f))
        if not self.buyer.text().strip():
            self.buyer.setText(chosen.buyer_nickname)

    # -- writing -------------------------------------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "reason": self.reason.currentData(),
            "order_id": self.order.currentData(),
            "summary": self.summary.text().strip(),
            "buyer_nickname": self.buyer.text().strip(),
        }

    def submit(self) -> None:
        self.form.clear_errors()
        self.ok_button.setEnabled(False)
        task = self.context.tasks.run(
            self.tr("Opening the ticket"), create, self.context.db, self.context.actor, self.fields()
        ).bind(self)
        task.succeeded.connect(self._created)
        task.failed.connect(self._refused)
        task.ended.connect(lambda: self.ok_button.setEnabled(True))

    def _created(self, result: tuple[int, str]) -> None:
        emit(self.created, *result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.form.show_error(getattr(exc, "field", None) or "", error_text(exc))


__all__ = ["NewTicketDialog"]
