"""A ticket's clocks (issue 5, deliverable 3): read its facts from the database, run the deadline engine, and cache
the nearest binding deadline on the ticket for the queue.

Why: the 7-day no-reason window, the 7-day refund and the 15-day handling line are law (DOMAIN §4); a queue sorted
by them is how a desk never misses one. The engine is pure (:mod:`core.domain.deadlines`); this module only
gathers the facts:

- from the order: platform, paid / shipped / signed times, the platform's own deadline from its export;
- from the product: 三包 and whether it is excluded from no-reason returns;
- from the linked promises: the terms now in force (a promise corrected on air binds as corrected; a retracted
  one not at all) — a promise of 48-hour shipping is a clock;
- from the timeline: when the ticket waited on the customer (pauses internal clocks only) and when the studio
  handled the request (first accepted or refused: waiting for the return, return received, resolved or rejected),
  which stops the 15-day line;
- a refund is taken as made when a refund ticket is resolved.

:func:`refresh` writes ``due_at``/``due_rule`` (a cache for sorting; not evidence, so no ledger entry).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from core.db.models import Order, Product, Promise, Ticket, TicketEvent, TicketPromise
from core.domain.codes import CorrectionKind, TicketKind, TicketStatus
from core.domain.deadlines import DeadlineReport, Nearest, PromiseFacts, TicketFacts, nearest_binding
from core.services.deadline_rules import DeadlineContext, deadline_context, deadlines_for

HANDLED = frozenset(
    {
        TicketStatus.WAITING_RETURN.value,
        TicketStatus.RETURN_RECEIVED.value,
        TicketStatus.RESOLVED.value,
        TicketStatus.REJECTED.value,
    }
)
REFUND_KINDS = frozenset({TicketKind.REFUND_ONLY.value, TicketKind.RETURN_REFUND.value})


def _waiting_and_handled(
    session: Session, ticket: Ticket, pausing: frozenset[str]
) -> tuple[tuple[tuple[datetime, datetime | None], ...], datetime | None]:
    spans: list[tuple[datetime, datetime | None]] = []
    started: datetime | None = None
    handled: datetime | None = None
    events = session.execute(
        select(TicketEvent.at, TicketEvent.data)
        .where(TicketEvent.ticket_id == ticket.id, TicketEvent.kind == "status")
        .order_by(TicketEvent.at, TicketEvent.id)
    ).all()
    for at, data in events:
        to = (data or {}).get("to")
        if to in pausing and started is None:
            started = at
        elif to not in pausing and started is not None:
            spans.append((started, at))
            started = None
        if handled is None and to in HANDLED:
            handled = at
    if started is not None:
        spans.append((started, None))
    return tuple(spans), handled


def _in_force(session: Session, promise_id: int) -> Promise | None:
    """What binds now of a linked promise: its newest amendment or on-air correction; None once retracted."""
    current = session.get(Promise, promise_id)
    while current is not None:
        later = session.scalars(
            select(Promise).where(Promise.corrects_id == current.id).order_by(Promise.id.desc()).limit(1)
        ).first()
        if later is None:
            return current
        if later.correction == CorrectionKind.RETRACTION.value:
            return None
        current = later
    return None


def facts_of(session: Session, ticket: Ticket) -> TicketFacts:
    """Everything the engine needs about ``ticket`` (see the module docstring)."""
    from core.services.tickets import ticket_flow

    order = session.get(Order, ticket.order_id) if ticket.order_id is not None else None
    product = session.get(Product, order.product_id) if order is not None and order.product_id else None
    linked = session.scalars(
        select(TicketPromise.promise_id).where(TicketPromise.ticket_id == ticket.id)
    ).all()
    terms = [(row.id, row.terms) for pid in linked if (row := _in_force(session, pid)) is not None]
    waiting, handled = _waiting_and_handled(session, ticket, ticket_flow(session).pausing)
    return TicketFacts(
        kind=ticket.kind,
        opened_at=ticket.opened_at,
        reason=ticket.reason,
        platform=order.platform if order is not None else "generic",
        paid_at=order.paid_at if order is not None else None,
        shipped_at=order.shipped_at if order is not None else None,
        signed_at=order.signed_at if order is not None else None,
        return_received_at=ticket.return_received_at,
        first_response_at=ticket.first_response_at,
        handled_at=handled,
        refunded_at=ticket.resolved_at if ticket.kind in REFUND_KINDS else None,
        resolved_at=ticket.resolved_at,
        waiting=waiting,
        promises=tuple(PromiseFacts(pid, dict(t or {})) for pid, t in terms),
        sanbao=bool(product.three_guarantees) if product is not None else False,
        no_reason_excluded=bool(product.no_reason_excluded) if product is not None else False,
        platform_deadline_at=order.platform_deadline_at if order is not None else None,
    )


def report(
    session: Session, ticket: Ticket, *, now: datetime | None = None, context: DeadlineContext | None = None
) -> tuple[DeadlineReport, Nearest | None]:
    """The ticket's deadlines (soonest first, with calendar warnings) and the nearest binding one with its state."""
    now = now or clock.now()
    found = deadlines_for(session, facts_of(session, ticket), now=now, context=context)
    return found, nearest_binding(found.deadlines, now)


def refresh(session: Session, ticket: Ticket, *, context: DeadlineContext | None = None) -> Nearest | None:
    """Cache the nearest binding deadline on ``ticket`` (``due_at``, ``due_rule``); a done ticket has none."""
    from core.services.tickets import ticket_flow

    nearest = None
    if ticket.status in ticket_flow(session).open_statuses:
        _found, nearest = report(session, ticket, context=context)
    ticket.due_at = nearest.deadline.due if nearest is not None else None
    ticket.due_rule = nearest.deadline.key if nearest is not None else ""
    return nearest


def legal_keys(context: DeadlineContext) -> frozenset[str]:
    """The keys of the legal clocks: the queue shows a past one as 'breached', not just overdue."""
    return frozenset(context.rules["data"].get("legal", {}))


__all__ = ["HANDLED", "deadline_context", "facts_of", "legal_keys", "refresh", "report"]
