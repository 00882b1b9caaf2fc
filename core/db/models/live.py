"""Live sessions (场次), lineups, on-air timeline, checklists, scripts, promises (直播前准备 / 直播中服务)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db.models.base import Base, utcnow
from core.db.types import UTCDateTime


class LiveSession(Base):
    __tablename__ = "live_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(16))  # core.domain.codes.Platform
    shop: Mapped[str] = mapped_column(String(100), default="")
    planned_start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    planned_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    actual_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    actual_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="planned")  # codes.SessionStatus
    recording_ref: Mapped[str] = mapped_column(String(255), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SessionHost(Base):
    __tablename__ = "session_hosts"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("live_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)


class LineupItem(Base):
    """A product in a session's lineup, with the live price and the claimed original price and its backing."""

    __tablename__ = "lineup_items"
    __table_args__ = (UniqueConstraint("session_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    live_price_fen: Mapped[int] = mapped_column(Integer)
    claimed_original_fen: Mapped[int | None] = mapped_column(Integer)  # the struck-through 原价
    lowest_7d_fen: Mapped[int | None] = mapped_column(Integer)  # 明码标价和禁止价格欺诈规定 Art 16
    price_evidence: Mapped[str] = mapped_column(Text, default="")
    gift_stock_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(Text, default="")  # owner let a lapsed-paper product in
    override_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class AirSegment(Base):
    """One stretch of a product on air: the session's timeline, price changes included."""

    __tablename__ = "air_segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    price_fen: Mapped[int | None] = mapped_column(Integer)


class ChecklistTemplate(Base):
    __tablename__ = "checklist_templates"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    as_of: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChecklistTemplateItem(Base):
    __tablename__ = "checklist_template_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    chapter: Mapped[str] = mapped_column(String(40))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    basis: Mapped[str] = mapped_column(Text, default="")


class ChecklistRun(Base):
    __tablename__ = "checklist_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"), unique=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_templates.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    override_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ChecklistRunItem(Base):
    __tablename__ = "checklist_run_items"
    __table_args__ = (UniqueConstraint("run_id", "template_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("checklist_runs.id", ondelete="CASCADE"), index=True)
    template_item_id: Mapped[int] = mapped_column(ForeignKey("checklist_template_items.id"))
    state: Mapped[str] = mapped_column(String(8), default="open")  # codes.ChecklistItemState
    reason: Mapped[str] = mapped_column(Text, default="")
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    evidence_sha256: Mapped[str | None] = mapped_column(ForeignKey("vault_files.sha256"))


class Script(Base):
    """话术: the sales wording for a session or a product, linted before going live."""

    __tablename__ = "scripts"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("live_sessions.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class LintExemption(Base):
    """A person's recorded reason why a flagged term is acceptable here (SAMR 2023 guide's grounds)."""

    __tablename__ = "lint_exemptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"), index=True)
    term: Mapped[str] = mapped_column(String(60))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reason_code: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Promise(Base):
    """承诺: something said on air. Never edited; a correction is a new row pointing at the old one."""

    __tablename__ = "promises"
    __table_args__ = (Index("ix_promises_session_said", "session_id", "said_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # codes.PromiseKind
    wording: Mapped[str] = mapped_column(Text)
    terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # hours, days, multiple, gift, limit…
    said_at: Mapped[datetime] = mapped_column(UTCDateTime)
    offset_seconds: Mapped[int | None] = mapped_column(Integer)
    logged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("promises.id"), index=True)
    correction: Mapped[str | None] = mapped_column(String(16))  # codes.CorrectionKind


class ConsoleDraft(Base):
    """What the operator was typing in the live console, saved as they type so a crash loses nothing."""

    __tablename__ = "console_drafts"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("live_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
