"""Suppliers, products and their papers (商品与资质), and the evidence vault's file records."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.db.models.base import Base, utcnow
from core.db.types import UTCDateTime


class VaultFile(Base):
    """A file copied into the vault under its SHA-256; the original path is never read again."""

    __tablename__ = "vault_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")  # a name and a masked phone at most
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32), index=True)  # key of the documents rule set
    brand: Mapped[str] = mapped_column(String(100), default="")
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), index=True)
    list_price_fen: Mapped[int | None] = mapped_column(Integer)
    three_guarantees: Mapped[bool] = mapped_column(Boolean, default=False)  # 三包
    no_reason_excluded: Mapped[bool] = mapped_column(Boolean, default=False)  # 不适用七天无理由
    exclusion_reason: Mapped[str] = mapped_column(String(32), default="")
    exclusion_needs_confirmation: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Document(Base):
    """A paper (licence, certificate, authorisation…) held for a supplier or a product."""

    __tablename__ = "documents"
    __table_args__ = (CheckConstraint("(supplier_id IS NULL) <> (product_id IS NULL)", name="one_owner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    vault_sha256: Mapped[str | None] = mapped_column(ForeignKey("vault_files.sha256"))
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attachment(Base):
    """A vault file attached to something (ticket, incident, checklist item, promise…)."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int] = mapped_column(Integer)
    vault_sha256: Mapped[str] = mapped_column(ForeignKey("vault_files.sha256"))
    caption: Mapped[str] = mapped_column(String(200), default="")
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
