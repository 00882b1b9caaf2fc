"""One ticket as the desk reads it: the row, its order, timeline, promises, attachments and warnings. Read-only.

The deadline fields: ``due_at``/``due_rule`` are the ticket row's cache (written by
:func:`core.services.tickets.refresh_due`); ``deadlines`` (every clock, soonest first, each with its basis),
``nearest`` and ``calendar_warnings`` are computed now by :mod:`core.services.ticket_deadlines`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from core.db.models import LiveSession, Order, User
from core.services.promises import PromiseView
from core.services.ticket_deadlines import report as deadline_report
from core.services.ticket_events import (
    TicketEventView,
    latest_entries,
    load_ticket,
    status_name,
    ticket_timeline,
)
from core.services.ticket_links import (
    AttachmentView,
    OverPromiseWarning,
    linked_promises,
    over_promise_warnings,
    ticket_attachments,
)
from core.services.tickets import Transition, ticket_flow


@dataclass(frozen=True)
class OrderSummary:
    id: int
    platform: str
    platform_order_id: str
    sub_order_id: str
    session_id: int | None
    session_title: str
    product_id: int | None
    product_title: str
    quantity: int
    amount_fen: int
    paid_at: datetime | None
    shipped_at: datetime | None
    signed_at: datetime | None
    status: str
    after_sales_status: str


@dataclass(frozen=True)
class TicketView:
    """Everything the ticket page shows. Times are aware UTC (show them in the studio timezone).

    ``next_steps``: the transitions the flow allows from the current status (with their words).
    ``warnings``: over-promise warnings of the order's session about the order's product or the whole session.
    ``entry_seq``/``entry_hash``: the latest ledger entry about the ticket row.
    """

    id: int
    code: str
    kind: str
    reason: str
    status: str
    status_name: str
    summary: str
    buyer_nickname: str
    order: OrderSummary | None
    owner_id: int | None
    owner_name: str
    opened_at: datetime
    first_response_at: datetime | None
    return_received_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    waiting_since: datetime | None
    rejected_reason: str
    satisfaction: int | None
    refund_fen: int | None
    due_at: datetime | None
    due_rule: str
    deadlines: tuple[Any, ...]
    next_steps: tuple[Transition, ...]
    events: tuple[TicketEventView, ...]
    promises: tuple[PromiseView, ...]
    attachments: tuple[AttachmentView, ...]
    warnings: tuple[OverPromiseWarning, ...]
    entry_seq: int | None
    entry_hash: str
    nearest: Any = None  # core.domain.deadlines.Nearest: the nearest open binding deadline, its state and why
    calendar_warnings: tuple[str, ...] = ()  # e.g. a year chinese-calendar does not cover (weekends only)


def _order(session: Session, order_id: int | None) -> OrderSummary | None:
    order = session.get(Order, order_id) if order_id is not None else None
    if order is None:
        return None
    live = session.get(LiveSession, order.session_id) if order.session_id is not None else None
    return OrderSummary(
        order.id, order.platform, order.platform_order_id, order.sub_order_id, order.session_id,
        live.title if live is not None else "", order.product_id, order.product_title, order.quantity,
        order.amount_fen, order.paid_at, order.shipped_at, order.signed_at, order.status, order.after_sales_status,
    )  # fmt: skip


def ticket_view(session: Session, ticket_id: int, *, vault_dir: Path | None = None) -> TicketView:
    """The ticket ``ticket_id`` ('ticket_id' if unknown); with ``vault_dir`` each attachment's file is checked."""
    ticket = load_ticket(session, ticket_id)
    flow = ticket_flow(session)
    order = _order(session, ticket.order_id)
    warnings: tuple[OverPromiseWarning, ...] = ()
    if order is not None and order.session_id is not None:
        warnings = tuple(
            w
            for w in over_promise_warnings(session, order.session_id)
            if w.product_id in (None, order.product_id)
        )
    owner = session.get(User, ticket.owner_id) if ticket.owner_id is not None else None
    seq, digest = latest_entries(session, "ticket", [ticket.id]).get(ticket.id, (None, ""))
    steps = tuple(flow.transitions[(ticket.status, s)] for s in flow.next_statuses(ticket.status))
    clocks, nearest = deadline_report(session, ticket)
    if ticket.status not in flow.open_statuses:
        nearest = None  # a done ticket owes nothing more; its clocks stay listed as history
    return TicketView(
        ticket.id, ticket.code, ticket.kind, ticket.reason, ticket.status, status_name(ticket.status),
        ticket.summary, ticket.buyer_nickname, order, ticket.owner_id, owner.display_name if owner else "",
        ticket.opened_at, ticket.first_response_at, ticket.return_received_at, ticket.resolved_at,
        ticket.closed_at, ticket.waiting_since, ticket.rejected_reason, ticket.satisfaction, ticket.refund_fen,
        ticket.due_at, ticket.due_rule, tuple(clocks.deadlines), steps, ticket_timeline(session, ticket.id),
        linked_promises(session, ticket.id), ticket_attachments(session, vault_dir, ticket.id), warnings, seq, digest,
        nearest, tuple(clocks.warnings),
    )  # fmt: skip


__all__ = ["OrderSummary", "TicketView", "ticket_view"]
