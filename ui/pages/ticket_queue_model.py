"""The ticket queue as a Qt model, and how ticket types, states and deadlines read on the 售后工单 page.

A :class:`QueueModel` holds core ``QueueRow`` values (one page of 100, more appended by 加载更多) with each row's
queue state worked out once on the lane (core's ``queue_state``): breached rows are red, overdue orange, due within
the warning window amber, fine plain and done grey. The due column says how long is left in the studio's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex

from core import i18n
from core.domain import deadlines as _labels  # noqa: F401 - registers the deadline names
from core.domain.codes import TicketKind, TicketReason
from core.services.ticket_events import status_name
from ui.labels import platform_names
from ui.pages.state_table import StateTableModel

STATE_COLOURS = {"breached": "#b91c1c", "overdue": "#c2410c", "due_soon": "#b45309", "done": "#8a94a0"}
STATE_BACKGROUNDS = {"breached": "#fde2e2", "overdue": "#ffedd5", "due_soon": "#fff7e6"}


def kind_names() -> dict[str, str]:
    """Ticket type code -> the name the desk uses (仅退款, 退货退款, …), in picker order."""
    return {
        TicketKind.REFUND_ONLY.value: QCoreApplication.translate("TicketQueue", "Refund only"),
        TicketKind.RETURN_REFUND.value: QCoreApplication.translate("TicketQueue", "Return and refund"),
        TicketKind.EXCHANGE.value: QCoreApplication.translate("TicketQueue", "Exchange"),
        TicketKind.REPAIR.value: QCoreApplication.translate("TicketQueue", "Repair (three guarantees)"),
        TicketKind.COMPLAINT.value: QCoreApplication.translate("TicketQueue", "Complaint"),
        TicketKind.PROMISE_CLAIM.value: QCoreApplication.translate("TicketQueue", "Promise claim"),
        TicketKind.PRICE_PROTECTION.value: QCoreApplication.translate("TicketQueue", "Price protection"),
        TicketKind.INQUIRY.value: QCoreApplication.translate("TicketQueue", "Inquiry"),
    }


def reason_names() -> dict[str, str]:
    """Return reason code -> its words (质量问题, 七天无理由, 其他)."""
    return {
        TicketReason.QUALITY.value: QCoreApplication.translate("TicketQueue", "Quality problem"),
        TicketReason.NO_REASON.value: QCoreApplication.translate("TicketQueue", "No-reason return (7 days)"),
        TicketReason.OTHER.value: QCoreApplication.translate("TicketQueue", "Other"),
    }


def state_name(state: str) -> str:
    """A row's queue state as the legend and tooltips say it."""
    names = {
        "breached": QCoreApplication.translate("TicketQueue", "Legal deadline passed"),
        "overdue": QCoreApplication.translate("TicketQueue", "Overdue"),
        "due_soon": QCoreApplication.translate("TicketQueue", "Due soon"),
        "fine": QCoreApplication.translate("TicketQueue", "On time"),
        "done": QCoreApplication.translate("TicketQueue", "Done"),
    }
    return names.get(state, state)


def rule_label(key: str) -> str:
    """The deadline's name (七日无理由退货期 …), or its key for a clock this version has no words for."""
    return i18n.t(f"deadlines.label.{key}") if key else ""


def relative_text(due: datetime, now: datetime) -> str:
    """还剩 5 小时 / 已超 2 小时 (minutes under an hour, days from two days on; whole units)."""
    left = due - now
    late = left < timedelta(0)
    span = -left if late else left
    minutes = round(span.total_seconds() / 60)  # to the nearest minute, then whole hours or days
    if minutes < 60:
        amount, unit = minutes, QCoreApplication.translate("TicketQueue", "%1 min")
    elif minutes < 48 * 60:
        amount, unit = minutes // 60, QCoreApplication.translate("TicketQueue", "%1 h")
    else:
        amount, unit = minutes // (24 * 60), QCoreApplication.translate("TicketQueue", "%1 d")
    size = unit.replace("%1", str(amount))
    return (
        QCoreApplication.translate("TicketQueue", "%1 overdue")
        if late
        else QCoreApplication.translate("TicketQueue", "%1 left")
    ).replace("%1", size)


def due_text(due: datetime | None, now: datetime, zone: ZoneInfo) -> str:
    """The due moment in studio time and how long is left: ``11-21 18:00 · 还剩 5 小时``; — without a deadline."""
    if due is None:
        return "—"
    return f"{due.astimezone(zone):%m-%d %H:%M} · {relative_text(due, now)}"


class QueueModel(StateTableModel):
    """Rows of core ``QueueRow`` with their states; the selected rows' ids come from :meth:`ticket_id`."""

    CODE, KIND, STATUS, SUMMARY, BUYER, ORDER, OWNER, OPENED, DUE = range(9)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(STATE_COLOURS, STATE_BACKGROUNDS, parent)
        self.now: datetime | None = None
        self.zone = ZoneInfo("Asia/Shanghai")
        self._kinds: dict[str, str] = {}
        self._platforms: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("TicketQueue", "Ticket"),
            QCoreApplication.translate("TicketQueue", "Type"),
            QCoreApplication.translate("TicketQueue", "Status"),
            QCoreApplication.translate("TicketQueue", "Summary"),
            QCoreApplication.translate("TicketQueue", "Buyer"),
            QCoreApplication.translate("TicketQueue", "Order number"),
            QCoreApplication.translate("TicketQueue", "Owner"),
            QCoreApplication.translate("TicketQueue", "Opened"),
            QCoreApplication.translate("TicketQueue", "Due"),
        ]

    def set_rows(
        self, rows: Sequence[Any], states: Sequence[str], now: datetime, zone: ZoneInfo, *, append: bool
    ):
        """Show ``rows`` (a new first page, or the next page appended to those shown)."""
        self._kinds = kind_names()
        self._platforms = platform_names()
        self.now, self.zone = now, zone
        if append:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            self.states.extend(states)
            self.endInsertRows()
            return
        self.beginResetModel()
        self.rows, self.states = list(rows), list(states)
        self.endResetModel()

    def ticket_id(self, row: int) -> int:
        return int(self.rows[row].id)

    def text(self, row: int, column: int) -> str:
        item = self.rows[row]
        if column == self.CODE:
            return item.code
        if column == self.KIND:
            return self._kinds.get(item.kind, item.kind)
        if column == self.STATUS:
            return status_name(item.status)
        if column == self.SUMMARY:
            return item.summary
        if column == self.BUYER:
            return item.buyer_nickname
        if column == self.ORDER:
            return item.order_number
        if column == self.OWNER:
            return item.owner_name or QCoreApplication.translate("TicketQueue", "Unassigned")
        if column == self.OPENED:
            return f"{item.opened_at.astimezone(self.zone):%m-%d %H:%M}"
        if self.states[row] == "done":
            return "—"
        return due_text(item.due_at, self.now or item.opened_at, self.zone)

    def _tooltip(self, row: int, column: int) -> str:
        item = self.rows[row]
        if column == self.DUE and item.due_at is not None and self.states[row] != "done":
            moment = f"{item.due_at.astimezone(self.zone):%Y-%m-%d %H:%M}"
            return f"{state_name(self.states[row])} · {rule_label(item.due_rule)} · {moment}"
        if column == self.ORDER and item.platform:
            return self._platforms.get(item.platform, item.platform)
        if column == self.SUMMARY:
            return item.summary
        return state_name(self.states[row])
