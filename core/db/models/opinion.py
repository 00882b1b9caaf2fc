"""Public-opinion incidents (舆情), corrective actions (整改) and service evaluations (服务评价)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db.models.base import Base, utcnow
from core.db.types import UTCDateTime


class Incident(Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # YQ-202611-003
    channel: Mapped[str] = mapped_column(String(24))
    link: Mapped[str] = mapped_column(String(1000), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    snapshot_text: Mapped[str] = mapped_column(Text, default="")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    seen_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reach: Mapped[int | None] = mapped_column(Integer)
    tier: Mapped[str] = mapped_column(String(4), default="IV")  # codes.IncidentTier
    tier_confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(12), default="open")  # codes.IncidentStatus
    root_cause: Mapped[str] = mapped_column(Text, default="")
    close_override_reason: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IncidentLink(Base):
    """Links an incident to a ticket, session, product or host."""

    __tablename__ = "incident_links"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    target_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    target_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class IncidentAction(Base):
    """A handling step (contacted, statement, compensation, tier change…); each is a ledger entry.

    There is deliberately no "delete the post" kind (网络直播营销管理办法 Art 21).
    """

    __tablename__ = "incident_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(24))
    body: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CorrectiveAction(Base):
    __tablename__ = "corrective_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(16))  # codes.CorrectiveSource
    source_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Evaluation(Base):
    """A monthly service evaluation. Once signed it is frozen; a re-evaluation is a new version."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("period", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    version: Mapped[int] = mapped_column(Integer, default=1)
    kpis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    total: Mapped[int | None] = mapped_column(Integer)  # tenths of a point
    grade: Mapped[str] = mapped_column(String(16), default="")
    hard_fails: Mapped[list[str]] = mapped_column(JSON, default=list)
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
