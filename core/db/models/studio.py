"""Studio profile, staff, settings, rule sets, calendar days, audit log (基本要求)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db.models.base import Base, utcnow
from core.db.types import UTCDateTime


class Studio(Base):
    """The one studio this database belongs to (row id 1)."""

    __tablename__ = "studio"

    id: Mapped[int] = mapped_column(primary_key=True)
    legal_name: Mapped[str] = mapped_column(String(200), default="")
    credit_code: Mapped[str] = mapped_column(String(18), default="")  # 统一社会信用代码
    display_name: Mapped[str] = mapped_column(String(100), default="")
    shops: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{"platform", "shop"}]
    after_sales_policy: Mapped[str] = mapped_column(Text, default="")
    return_address: Mapped[str] = mapped_column(Text, default="")
    service_phone: Mapped[str] = mapped_column(String(40), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    retention_years: Mapped[int] = mapped_column(Integer, default=3)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class User(Base):
    """A member of staff. Passwords only as a slow salted hash; nothing personal beyond the job needs."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))  # core.domain.codes.Role
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Host verification (网络直播营销管理办法 Art 17): real-name done, 16 or older.
    real_name_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    birth_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """Studio-wide settings as key → JSON value (e.g. backup rotation)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class RuleSet(Base):
    """A versioned copy of rule data from ``resources/rules`` that the owner may edit.

    ``kind`` names the rule family (deadlines, lexicon, checklist, scoring, incident_tiers, documents, security);
    the active row of a kind is what the services use. Each carries its as-of date and citations in ``data``.
    """

    __tablename__ = "rule_sets"
    __table_args__ = (UniqueConstraint("kind", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[date] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(16), default="bundled")  # bundled | owner
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    data: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class CalendarDay(Base):
    """An owner-entered day that overrides the official calendar: a holiday or a make-up working day."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_holiday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(100), default="")


class AuditEvent(Base):
    """Who changed what, when, with the values before and after. Written by the session hook, never by hand."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(16))  # insert | update | delete | login | ...
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)


class SavedView(Base):
    """A named filter set for a list page (e.g. the ticket queue)."""

    __tablename__ = "saved_views"
    __table_args__ = (UniqueConstraint("user_id", "page", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    page: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(60))
    filters: Mapped[Any] = mapped_column(JSON)
