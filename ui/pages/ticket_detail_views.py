"""The read-only parts of the ticket detail panel: header, deadlines box, timeline, promises and attachments.

Why the deadlines box leads: a missed 15-day line is a regulatory breach (侵害消费者权益行为处罚办法 Arts 8–9) and the
7-day no-reason window moves past a holiday (民法典 Art 203), so the nearest binding deadline is shown big, in its
state's colour, with the sentence that says why it falls where it does; every other clock follows with its binding
(法定/平台/承诺/内部), state and basis. Each timeline step shows the ledger entry that vouches for it (电子商务法
Art 62: the seller produces original records in a dispute).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.money import yuan
from ui.pages.panel_widgets import tree, wrapped
from ui.pages.ticket_detail_data import (
    CLOCK_COLOURS,
    HASH_DIGITS,
    NO_VALUE,
    STATE_COLOURS,
    TicketRecord,
    binding_name,
    clock_state,
    clock_state_name,
    entry_text,
    kind_name,
    nearest_state_name,
    reason_name,
    size_text,
    studio_time,
)

AMBER = (
    "color: #8a5a00; background: #fff4de; border: 1px solid #f0d49b; border-radius: 6px; padding: 6px 8px;"
)
RED = "color: #a12622; background: #fdecea; border: 1px solid #f0b1ad; border-radius: 6px; padding: 6px 8px;"


class TicketHeader(QWidget):
    """Code, type, status chip, owner, buyer and the order (platform, number, product, amount, times, session)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = wrapped("ticketTitle", "font-size: 18px; font-weight: 600;")
        self.people = wrapped("ticketPeople")
        self.order = wrapped("ticketOrder", "color: #374151;")
        for widget in (self.title, self.people, self.order):
            layout.addWidget(widget)

    def show_record(self, record: TicketRecord) -> None:
        view = record.view
        chip = (
            f"<span style='background:#e5edff; color:#1d3f8f; border-radius:4px; padding:2px 6px;'>"
            f"&nbsp;{view.status_name}&nbsp;</span>"
        )
        self.title.setText(
            f"{view.code}&nbsp;&nbsp;{kind_name(view.kind)} · {reason_name(view.reason)}&nbsp;&nbsp;{chip}"
        )
        people = (
            QCoreApplication.translate("TicketDetail", "Owner: %1    Buyer: %2    Opened: %3")
            .replace("%1", view.owner_name or QCoreApplication.translate("TicketDetail", "nobody"))
            .replace("%2", view.buyer_nickname or NO_VALUE)
            .replace("%3", studio_time(view.opened_at, record.zone))
        )
        if view.rejected_reason:
            people += "\n" + QCoreApplication.translate("TicketDetail", "Rejected because: %1").replace(
                "%1", view.rejected_reason
            )
        self.people.setText(people)
        order = view.order
        if order is None:
            self.order.setText(
                QCoreApplication.translate("TicketDetail", "No order: %1").replace(
                    "%1", view.summary or NO_VALUE
                )
            )
            return
        from ui.labels import platform_names

        number = order.platform_order_id + (f" / {order.sub_order_id}" if order.sub_order_id else "")
        lines = [
            QCoreApplication.translate("TicketDetail", "Order %1 on %2: %3 × %4, %5")
            .replace("%1", number)
            .replace("%2", platform_names().get(order.platform, order.platform))
            .replace("%3", order.product_title or NO_VALUE)
            .replace("%4", str(order.quantity))
            .replace("%5", yuan(order.amount_fen)),
            QCoreApplication.translate("TicketDetail", "Paid %1 · Shipped %2 · Signed for %3")
            .replace("%1", studio_time(order.paid_at, record.zone))
            .replace("%2", studio_time(order.shipped_at, record.zone))
            .replace("%3", studio_time(order.signed_at, record.zone)),
            QCoreApplication.translate("TicketDetail", "Session: %1").replace(
                "%1",
                order.session_title
                or QCoreApplication.translate("TicketDetail", "not attributed to a session"),
            ),
        ]
        self.order.setText("\n".join(lines))


class DeadlinesBox(QFrame):
    """The nearest binding deadline big in its state's colour with why; then every clock (why in the tooltip);
    under them the sentence of each clock a day off moved (国庆 …); calendar warnings amber."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDeadlines")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.nearest = wrapped("nearestDeadline")
        self.why = wrapped("nearestWhy")
        self.calendar = wrapped("calendarWarnings", AMBER)
        self.moved = wrapped("movedDeadlines", "color: #374151;")
        self.clocks = tree(
            "deadlineClocks",
            [
                QCoreApplication.translate("TicketDetail", "Clock"),
                QCoreApplication.translate("TicketDetail", "Due"),
                QCoreApplication.translate("TicketDetail", "Binding"),
                QCoreApplication.translate("TicketDetail", "State"),
                QCoreApplication.translate("TicketDetail", "Basis"),
            ],
            4,
        )
        for widget in (self.nearest, self.why, self.calendar, self.clocks, self.moved):
            layout.addWidget(widget)

    def show_record(self, record: TicketRecord) -> None:
        view = record.view
        nearest = view.nearest
        if nearest is None:
            self.nearest.setText(QCoreApplication.translate("TicketDetail", "No open binding deadline"))
            self.nearest.setStyleSheet("font-size: 16px; padding: 8px; color: #374151;")
            self.why.hide()
        else:
            fg, bg, border = STATE_COLOURS.get(nearest.state, STATE_COLOURS["fine"])
            self.nearest.setText(
                f"{nearest.deadline.label}　{nearest.deadline.due_text()}　"
                f"[{binding_name(nearest.deadline.binding)} · {nearest_state_name(nearest.state)}]"
            )
            self.nearest.setProperty("state", nearest.state)
            self.nearest.setStyleSheet(
                f"font-size: 20px; font-weight: 600; color: {fg}; background: {bg};"
                f" border: 1px solid {border}; border-radius: 6px; padding: 8px 10px;"
            )
            self.why.setText(nearest.why)
            self.why.show()
        self.calendar.setText("\n".join(view.calendar_warnings))
        self.calendar.setVisible(bool(view.calendar_warnings))
        self.clocks.clear()
        for deadline in view.deadlines:
            state = clock_state(deadline, record.now)
            item = QTreeWidgetItem(
                [
                    deadline.label,
                    deadline.due_text(),
                    binding_name(deadline.binding),
                    clock_state_name(state),
                    deadline.basis,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, deadline.key)
            item.setData(3, Qt.ItemDataRole.UserRole, state)
            for column in range(5):
                item.setToolTip(column, deadline.why())
            if CLOCK_COLOURS.get(state):
                item.setForeground(3, QBrush(QColor(CLOCK_COLOURS[state])))
            self.clocks.addTopLevelItem(item)
        rows = max(1, len(view.deadlines))
        row_height = self.clocks.fontMetrics().height() + 6
        self.clocks.setFixedHeight(min(360, self.clocks.header().sizeHint().height() + row_height * rows + 6))
        moved = [d.why() for d in view.deadlines if d.extended_from is not None]
        self.moved.setText("\n".join(moved))
        self.moved.setVisible(bool(moved))


def fill_timeline(widget: QTreeWidget, record: TicketRecord) -> None:
    """Every event, newest last: when (studio time), who, what, body, ledger entry (hash in the tooltip)."""
    widget.clear()
    for event in record.view.events:
        item = QTreeWidgetItem(
            [
                studio_time(event.at, record.zone),
                event.actor_name,
                event.summary,
                event.body,
                entry_text(event.entry_seq),
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, event.kind)
        item.setToolTip(
            4,
            event.entry_hash
            or QCoreApplication.translate("TicketDetail", "No ledger entry vouches for this step"),
        )
        if event.body:
            item.setToolTip(3, event.body)
        widget.addTopLevelItem(item)
    if record.view.events:
        widget.scrollToItem(widget.topLevelItem(widget.topLevelItemCount() - 1))


def fill_promises(widget: QTreeWidget, record: TicketRecord) -> None:
    """Linked promises: said at, wording verbatim, ledger entry (hash in the tooltip); the promise id as data."""
    widget.clear()
    for promise in record.view.promises:
        item = QTreeWidgetItem(
            [
                f"#{promise.id}",
                studio_time(promise.said_at, record.zone),
                promise.wording,
                entry_text(promise.entry_seq),
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, promise.id)
        item.setToolTip(3, promise.entry_hash or NO_VALUE)
        widget.addTopLevelItem(item)


def fill_attachments(widget: QTreeWidget, record: TicketRecord) -> None:
    """Attachments: name, size, added, SHA-256 (short; whole in the tooltip); a missing or changed file in red."""
    widget.clear()
    for attachment in record.view.attachments:
        item = QTreeWidgetItem(
            [
                attachment.original_name or attachment.sha256[:HASH_DIGITS],
                size_text(attachment.size),
                studio_time(attachment.added_at, record.zone),
                attachment.sha256[:HASH_DIGITS]
                + (
                    ""
                    if attachment.in_vault
                    else "  "
                    + QCoreApplication.translate("TicketDetail", "(missing or changed in the vault)")
                ),
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, attachment.sha256)
        item.setToolTip(3, attachment.sha256)
        if attachment.caption:
            item.setToolTip(0, attachment.caption)
        if not attachment.in_vault:
            item.setForeground(3, QBrush(QColor("#a12622")))
        widget.addTopLevelItem(item)


__all__ = [
    "AMBER",
    "RED",
    "DeadlinesBox",
    "TicketHeader",
    "fill_attachments",
    "fill_promises",
    "fill_timeline",
    "tree",
    "wrapped",
]
