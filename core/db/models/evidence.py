"""The ledger: an append-only hash chain over every evidence-relevant event."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.db.models.base import Base
from core.db.types import UTCDateTime


class LedgerEntry(Base):
    """One link of the chain. ``payload`` is canonical JSON text, hashed exactly as stored.

    ``subject_type``/``subject_id`` name the row the entry vouches for; ``verify`` checks that the row still
    agrees with the latest entry about it.
    """

    __tablename__ = "ledger_entries"
    __table_args__ = (Index("ix_ledger_subject", "subject_type", "subject_id", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(40))
    subject_type: Mapped[str] = mapped_column(String(32), default="")
    subject_id: Mapped[str] = mapped_column(String(64), default="")
    payload: Mapped[str] = mapped_column(Text)
    # sha256 of the subject row's canonical snapshot when the entry was written ("" when there is no subject)
    row_digest: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
