"""What the ticket detail panel reads on the lane, and the names it shows for closed sets of values.

Contracts: :func:`load_ticket_record` only reads (it runs on the background lane, opening its own session): the
core :class:`~core.services.ticket_view.TicketView` (attachments checked against the vault), the reply templates
already filled for this ticket, the promises to suggest, the accounts the ticket can be assigned to, the studio
timezone and the moment the clocks were judged at. The widgets never read the database themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

HASH_DIGITS = 12
NO_VALUE = "—"

STATE_COLOURS = {  # the nearest deadline's state: text colour, background, border
    "fine": ("#1f6b3a", "#e8f6ec", "#a9dbb8"),
    "due_soon": ("#8a5a00", "#fff4de", "#f0d49b"),
    "overdue": ("#a12622", "#fdecea", "#f0b1ad"),
    "breached": ("#ffffff", "#a12622", "#7d1a17"),
}
CLOCK_COLOURS = {
    "met": "#1f6b3a",
    "late": "#a12622",
    "overdue": "#a12622",
    "running": "",
    "paused": "#6b7280",
    "lapsed": "#6b7280",
}


@dataclass(frozen=True)
class TicketRecord:
    """One ticket as the panel shows it. ``templates``: (id, title, body filled for this ticket)."""

    view: Any
    templates: tuple[tuple[int, str, str], ...]
    suggestions: tuple[Any, ...]
    staff: tuple[tuple[int, str], ...]
    zone: ZoneInfo
    now: datetime


def load_ticket_record(db: Any, ticket_id: int, **_lane: Any) -> TicketRecord:
    """On the lane: everything the panel shows for ``ticket_id`` (InvalidInput 'ticket_id' when it is gone)."""
    from core import clock
    from core.services import auth, studio, ticket_links, tickets
    from core.services.ticket_events import load_ticket
    from core.services.ticket_view import ticket_view

    with db.sessions() as session:
        now = clock.now()
        view = ticket_view(session, ticket_id, vault_dir=db.vault_dir)
        row = load_ticket(session, ticket_id)
        templates = tuple(
            (t.id, t.title, tickets.fill_template(session, row, t.body))
            for t in tickets.reply_templates(session)
        )
        staff = tuple((m.id, m.display_name) for m in auth.list_staff(session) if m.active)
        return TicketRecord(
            view=view,
            templates=templates,
            suggestions=ticket_links.suggest_promises(session, ticket_id),
            staff=staff,
            zone=studio.studio_zone(session),
            now=now,
        )


def studio_time(value: datetime | None, zone: ZoneInfo | None) -> str:
    """``2026-10-02 11:00`` in the studio's timezone; "—" for no time."""
    if value is None:
        return NO_VALUE
    return (value.astimezone(zone) if zone is not None else value).strftime("%Y-%m-%d %H:%M")


def kind_name(kind: str) -> str:
    names = {
        "refund_only": QCoreApplication.translate("TicketDetail", "Refund only"),
        "return_refund": QCoreApplication.translate("TicketDetail", "Return and refund"),
        "exchange": QCoreApplication.translate("TicketDetail", "Exchange"),
        "repair": QCoreApplication.translate("TicketDetail", "Repair (three guarantees)"),
        "complaint": QCoreApplication.translate("TicketDetail", "Complaint"),
        "promise_claim": QCoreApplication.translate("TicketDetail", "Promise claim"),
        "price_protection": QCoreApplication.translate("TicketDetail", "Price protection"),
        "inquiry": QCoreApplication.translate("TicketDetail", "Inquiry"),
    }
    return names.get(kind, kind)


def reason_name(reason: str) -> str:
    names = {
        "quality": QCoreApplication.translate("TicketDetail", "Quality problem"),
        "no_reason": QCoreApplication.translate("TicketDetail", "No reason (7-day)"),
        "other": QCoreApplication.translate("TicketDetail", "Other reason"),
    }
    return names.get(reason, reason)


def binding_name(binding: str) -> str:
    """法定 / 平台 / 承诺 / 内部."""
    names = {
        "legal": QCoreApplication.translate("TicketDetail", "Legal"),
        "platform": QCoreApplication.translate("TicketDetail", "Platform"),
        "promise": QCoreApplication.translate("TicketDetail", "Promise"),
        "internal": QCoreApplication.translate("TicketDetail", "Internal"),
    }
    return names.get(binding, binding)


def nearest_state_name(state: str) -> str:
    names = {
        "fine": QCoreApplication.translate("TicketDetail", "On track"),
        "due_soon": QCoreApplication.translate("TicketDetail", "Due within 24 h"),
        "overdue": QCoreApplication.translate("TicketDetail", "Overdue"),
        "breached": QCoreApplication.translate("TicketDetail", "Legal line breached"),
    }
    return names.get(state, state)


def clock_state(deadline: Any, now: datetime) -> str:
    """met (done in time), late (done after the due time), overdue (still running past it), paused, running;
    ``lapsed`` for the buyer's own window that ended unused (their right ran out; the studio missed nothing)."""
    if deadline.done_at is not None:
        return "met" if deadline.done_at <= deadline.due else "late"
    if deadline.paused:
        return "paused"
    if now >= deadline.due:
        return "lapsed" if getattr(deadline, "buyer_window", False) else "overdue"
    return "running"


def clock_state_name(state: str) -> str:
    names = {
        "met": QCoreApplication.translate("TicketDetail", "Met"),
        "late": QCoreApplication.translate("TicketDetail", "Met late"),
        "overdue": QCoreApplication.translate("TicketDetail", "Overdue"),
        "running": QCoreApplication.translate("TicketDetail", "Running"),
        "paused": QCoreApplication.translate("TicketDetail", "Paused"),
        "lapsed": QCoreApplication.translate("TicketDetail", "Ended (buyer's window)"),
    }
    return names.get(state, state)


def entry_text(seq: int | None) -> str:
    """``#12`` for ledger entry 12; "—" when no entry vouches for the row."""
    return NO_VALUE if seq is None else f"#{seq}"


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1048576:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


__all__ = [
    "CLOCK_COLOURS",
    "HASH_DIGITS",
    "NO_VALUE",
    "STATE_COLOURS",
    "TicketRecord",
    "binding_name",
    "clock_state",
    "clock_state_name",
    "entry_text",
    "kind_name",
    "load_ticket_record",
    "nearest_state_name",
    "reason_name",
    "size_text",
    "studio_time",
]
