"""The 舆情 register as a Qt model: code, channel, tier, time first seen (studio time), summary and nearest clock.

Rows are core ``IncidentRow`` values (``core.services.incident_view.incident_rows``), read on the lane together with
the studio's zone and the moment they were measured at. Each row's state reads like the ticket queue's colours:
a missed clock red, a clock within the rule's warning window orange, fine plain, closed grey. The clock column says
which clock runs out first and how long is left: ``首次联系 剩 35 分钟`` / ``公开声明 已超时 2 小时``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from ui.pages.state_table import StateTableModel
from ui.pages.ticket_queue_model import STATE_BACKGROUNDS as QUEUE_BACKGROUNDS
from ui.pages.ticket_queue_model import STATE_COLOURS as QUEUE_COLOURS

STATE_COLOURS = {
    "missed": QUEUE_COLOURS["breached"],
    "warn": QUEUE_COLOURS["overdue"],
    "closed": QUEUE_COLOURS["done"],
}
STATE_BACKGROUNDS = {"missed": QUEUE_BACKGROUNDS["breached"], "warn": QUEUE_BACKGROUNDS["overdue"]}


@dataclass(frozen=True)
class Register:
    """One read of the register: the rows of the filter, the studio zone and the moment the clocks were read."""

    rows: tuple[Any, ...]
    now: datetime
    zone: ZoneInfo
    overdue: dict[int, Any] = field(
        default_factory=dict
    )  # incident id -> its earliest missed, still unmet clock


def load_register(db: Any, status: str, text: str, **_lane: Any) -> Register:
    """On the lane: the incidents of ``status`` (open | closed | "" = all) matching ``text``, nearest clock first."""
    from core import clock
    from core.services.incident_actions import load_incident
    from core.services.incident_view import incident_rows
    from core.services.incidents import clocks
    from core.services.studio import studio_zone

    now = clock.now()
    with db.sessions() as session:
        rows = incident_rows(session, now=now, status=status, text=text)
        overdue = {}
        for row in rows:
            if row.missed and row.status != "closed":
                late = [c for c in clocks(session, load_incident(session, row.id), now) if _unmet_late(c)]
                if late:
                    overdue[row.id] = min(late, key=lambda c: c.due)
        return Register(rows, now, studio_zone(session), overdue)


def _unmet_late(view: Any) -> bool:
    return bool(view.state == "missed" and view.met_at is None)


def row_state(row: Any, now: datetime) -> str:
    """closed | missed | warn | fine: what colour the row is."""
    if row.status == "closed":
        return "closed"
    nearest = row.nearest
    if row.missed or (nearest is not None and nearest.due <= now):
        return "missed"
    return "warn" if row.warn else "fine"


def span_text(span: timedelta) -> str:
    """A length of time in whole units: minutes under an hour, hours under two days, then days."""
    minutes = round(abs(span.total_seconds()) / 60)
    if minutes < 60:
        amount, unit = minutes, QCoreApplication.translate("IncidentList", "%1 min")
    elif minutes < 48 * 60:
        amount, unit = minutes // 60, QCoreApplication.translate("IncidentList", "%1 h")
    else:
        amount, unit = minutes // (24 * 60), QCoreApplication.translate("IncidentList", "%1 d")
    return unit.replace("%1", str(amount))


def clock_text(row: Any, now: datetime, overdue: Any = None) -> str:
    """``首次联系 剩 35 分钟`` / ``公开声明 已超时 2 小时`` (an ``overdue`` clock — missed and not yet met — comes
    first); a missed count when nothing runs; 时限均已完成 for an open incident whose clocks are all met; — when
    closed."""
    if row.status == "closed":
        return "—"
    nearest = overdue or row.nearest
    if nearest is None:
        if row.missed:
            return QCoreApplication.translate("IncidentList", "%1 clock(s) missed").replace(
                "%1", str(row.missed)
            )
        return QCoreApplication.translate("IncidentList", "All clocks met")
    left = nearest.due - now
    pattern = (
        QCoreApplication.translate("IncidentList", "%1 %2 overdue")
        if left <= timedelta(0)
        else QCoreApplication.translate("IncidentList", "%1 %2 left")
    )
    return pattern.replace("%1", nearest.name).replace("%2", span_text(left))


def state_name(state: str) -> str:
    names = {
        "missed": QCoreApplication.translate("IncidentList", "Clock missed"),
        "warn": QCoreApplication.translate("IncidentList", "Clock running out"),
        "fine": QCoreApplication.translate("IncidentList", "On time"),
        "closed": QCoreApplication.translate("IncidentList", "Closed"),
    }
    return names.get(state, state)


class IncidentModel(StateTableModel):
    """Rows of core ``IncidentRow``; :meth:`incident_id` and :meth:`row_of` map rows to incidents."""

    CODE, TIER, CLOCK, CHANNEL, SEEN, SUMMARY = range(
        6
    )  # the clock near the left: it is what a person acts on

    def __init__(self, parent: Any = None) -> None:
        super().__init__(STATE_COLOURS, STATE_BACKGROUNDS, parent)
        self.overdue: dict[int, Any] = {}
        self.now = datetime.now().astimezone()
        self.zone = ZoneInfo("Asia/Shanghai")

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("IncidentList", "Code"),
            QCoreApplication.translate("IncidentList", "Tier"),
            QCoreApplication.translate("IncidentList", "Nearest clock"),
            QCoreApplication.translate("IncidentList", "Channel"),
            QCoreApplication.translate("IncidentList", "First seen"),
            QCoreApplication.translate("IncidentList", "Summary"),
        ]

    def set_register(self, register: Register) -> None:
        self.beginResetModel()
        self.rows = list(register.rows)
        self.overdue = dict(register.overdue)
        self.now, self.zone = register.now, register.zone
        self.states = [row_state(row, register.now) for row in self.rows]
        self.endResetModel()

    def incident_id(self, row: int) -> int:
        return int(self.rows[row].id)

    def text(self, row: int, column: int) -> str:
        item = self.rows[row]
        if column == self.CODE:
            return str(item.code)
        if column == self.CHANNEL:
            return str(item.channel_name)
        if column == self.TIER:
            return str(item.tier_name)
        if column == self.SEEN:
            return f"{item.first_seen_at.astimezone(self.zone):%m-%d %H:%M}"
        if column == self.SUMMARY:
            return str(item.summary or "")
        return clock_text(item, self.now, self.overdue.get(item.id))

    def _tooltip(self, row: int, column: int) -> str:
        item = self.rows[row]
        shown = self.overdue.get(item.id) or item.nearest
        if column == self.CLOCK and shown is not None and item.status != "closed":
            due = f"{shown.due.astimezone(self.zone):%Y-%m-%d %H:%M}"
            return f"{state_name(self.states[row])} · {shown.name} · {due}"
        if column == self.SUMMARY:
            return str(item.summary or "")
        return state_name(self.states[row])


__all__ = ["IncidentModel", "Register", "clock_text", "load_register", "row_state", "state_name"]
