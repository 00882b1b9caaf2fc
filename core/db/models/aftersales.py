"""Orders, after-sales tickets and their timeline (直播后服务)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db.models.base import Base, utcnow
from core.db.types import UTCDateTime


class Order(Base):
    """An order line from a platform export. Order numbers stay text; the buyer is a nickname and a mask."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("platform", "platform_order_id", "sub_order_id"),
        Index("ix_orders_paid_at", "paid_at"),
        # Narrow copy of what the ticket queue's platform and host filters read per ticket (migration 0002):
        # looking the order up here instead of in the wide table rows halves those filters on 200,000 tickets.
        Index("ix_orders_queue", "id", "platform", "session_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    platform_order_id: Mapped[str] = mapped_column(String(64))
    sub_order_id: Mapped[str] = mapped_column(String(64), default="")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("live_sessions.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    product_title: Mapped[str] = mapped_column(String(255), default="")
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # delivery = signing (电子商务法 Art 51)
    status: Mapped[str] = mapped_column(String(40), default="")
    after_sales_status: Mapped[str] = mapped_column(String(40), default="")
    buyer_nickname: Mapped[str] = mapped_column(String(64), default="")
    buyer_phone_masked: Mapped[str] = mapped_column(String(20), default="")
    region: Mapped[str] = mapped_column(String(64), default="")
    platform_deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ColumnMapping(Base):
    """A saved mapping of a foreign export's headers onto the app's order fields."""

    __tablename__ = "column_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    platform: Mapped[str] = mapped_column(String(16))
    mapping: Mapped[dict[str, str]] = mapped_column(JSON)


class Ticket(Base):
    """工单. Deadlines are computed by core.domain; the nearest binding one is cached for sorting the queue."""

    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # SH-202611-0042
    kind: Mapped[str] = mapped_column(String(20))  # codes.TicketKind
    reason: Mapped[str] = mapped_column(String(16), default="other")  # codes.TicketReason
    status: Mapped[str] = mapped_column(String(20), default="new")  # codes.TicketStatus
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    # The order's stream, cached by database triggers (migration 0002) for the queue's host and session filters:
    # reading it from each ticket's order costs 200 ms on 200,000 tickets, this index a few. Never written by code.
    session_id: Mapped[int | None] = mapped_column(Integer, index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    summary: Mapped[str] = mapped_column(String(200), default="")
    buyer_nickname: Mapped[str] = mapped_column(String(64), default="")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    return_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime)  # pauses internal SLA clocks only
    refund_fen: Mapped[int | None] = mapped_column(Integer)
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 1–5
    rejected_reason: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # nearest binding deadline
    due_rule: Mapped[str] = mapped_column(String(40), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class TicketPromise(Base):
    __tablename__ = "ticket_promises"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    promise_id: Mapped[int] = mapped_column(ForeignKey("promises.id"), primary_key=True)


class TicketEvent(Base):
    """One step on a ticket's timeline; each is also a ledger entry."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(24))  # created, status, note, reply, call, attachment, refund…
    body: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ReplyTemplate(Base):
    __tablename__ = "reply_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
