"""售后工单页的查询辅助 Reads the ticket desk needs besides the queue itself (issue 5, deliverables 2 and 4).

Contracts (reads only, no writes):

- :func:`find_orders`: the order lines whose platform order number (or sub-order number) is ``number`` exactly; when
  none is and ``number`` has six characters or more, those whose number contains it. At most ``limit`` lines, the
  latest paid first, each with the session it was attributed to and how many tickets it already has, so the desk
  sees a repeat claim before opening a second ticket.
- :func:`queue_choices`: what the queue's filters and the bulk-assign picker offer: the accounts that may work
  tickets (owner, customer service; active only), the hosts, the most recent sessions and the products.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core.db.models import LiveSession, Order, Product, Ticket, User
from core.domain.codes import Role
from core.domain.roles import PERMISSIONS

LONG_ENOUGH = 6  # a shorter piece of an order number matches too many orders to be a lookup
RECENT_SESSIONS = 300


@dataclass(frozen=True)
class OrderChoice:
    """One order line as the new-ticket dialog shows it."""

    id: int
    platform: str
    platform_order_id: str
    sub_order_id: str
    product_title: str
    buyer_nickname: str
    amount_fen: int
    paid_at: datetime | None
    session_title: str
    ticket_count: int


@dataclass(frozen=True)
class QueueChoices:
    """(id, name) pairs for the queue's pickers; sessions carry their planned start for the label."""

    workers: tuple[tuple[int, str], ...]
    hosts: tuple[tuple[int, str], ...]
    sessions: tuple[tuple[int, str, datetime | None], ...]
    products: tuple[tuple[int, str], ...]


def find_orders(session: Session, number: str, *, limit: int = 20) -> tuple[OrderChoice, ...]:
    """The order lines matching ``number`` (see the module contract); empty for a blank number."""
    text = (number or "").strip()
    if not text:
        return ()
    exact = or_(Order.platform_order_id == text, Order.sub_order_id == text)
    rows = _orders(session, exact, limit)
    if not rows and len(text) >= LONG_ENOUGH:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = _orders(session, Order.platform_order_id.like(pattern, escape="\\"), limit)
    return rows


def _orders(session: Session, where: object, limit: int) -> tuple[OrderChoice, ...]:
    tickets = select(func.count(Ticket.id)).where(Ticket.order_id == Order.id).scalar_subquery()
    query = (
        select(Order, func.coalesce(LiveSession.title, ""), tickets)
        .outerjoin(LiveSession, LiveSession.id == Order.session_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(Order.paid_at.desc(), Order.id.desc())
        .limit(limit)
    )
    return tuple(
        OrderChoice(
            id=order.id,
            platform=order.platform,
            platform_order_id=order.platform_order_id,
            sub_order_id=order.sub_order_id,
            product_title=order.product_title,
            buyer_nickname=order.buyer_nickname,
            amount_fen=order.amount_fen,
            paid_at=order.paid_at,
            session_title=title,
            ticket_count=int(count or 0),
        )
        for order, title, count in session.execute(query)
    )


def queue_choices(session: Session) -> QueueChoices:
    """The pickers' contents (see the module contract), each sorted as people look for them."""
    may_work = sorted(str(role) for role in {Role.OWNER, *PERMISSIONS.get("tickets.work", frozenset())})
    workers = session.execute(
        select(User.id, User.display_name)
        .where(User.active.is_(True), User.role.in_(may_work))
        .order_by(User.display_name)
    ).all()
    hosts = session.execute(
        select(User.id, User.display_name).where(User.role == Role.HOST.value).order_by(User.display_name)
    ).all()
    sessions = session.execute(
        select(LiveSession.id, LiveSession.title, LiveSession.planned_start)
        .order_by(LiveSession.planned_start.desc(), LiveSession.id.desc())
        .limit(RECENT_SESSIONS)
    ).all()
    products = session.execute(select(Product.id, Product.name).order_by(Product.name)).all()
    return QueueChoices(
        workers=tuple((row[0], row[1]) for row in workers),
        hosts=tuple((row[0], row[1]) for row in hosts),
        sessions=tuple((row[0], row[1], row[2]) for row in sessions),
        products=tuple((row[0], row[1]) for row in products),
    )


__all__ = ["OrderChoice", "QueueChoices", "find_orders", "queue_choices"]
