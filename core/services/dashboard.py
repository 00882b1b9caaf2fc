"""工作台 What needs attention today: papers about to lapse and sessions still to prepare (直播前准备).

Read-only and cheap: the session list's own query (:func:`sessions.list_sessions`) plus the expiry scan of
:func:`catalog_documents.expiring_documents`, well inside the dashboard's 150 ms budget on the three-year studio.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from core.services.catalog_documents import ExpiringDocument, expiring_documents
from core.services.sessions import list_sessions
from core.services.sessions_lineup import EDITABLE


@dataclass(frozen=True)
class SessionToPrepare:
    """A planned session and how far its checklist is from letting it go live."""

    session_id: int
    title: str
    platform: str
    planned_start: datetime
    lineup_count: int
    checklist_started: bool
    open_required: int  # required items still open (0 with an override or when all are signed)
    overridden: bool


@dataclass(frozen=True)
class Attention:
    papers: tuple[ExpiringDocument, ...]
    sessions: tuple[SessionToPrepare, ...]

    @property
    def lapsed_papers(self) -> int:
        return sum(1 for paper in self.papers if paper.state == "lapsed")


def sessions_to_prepare(session: Session) -> tuple[SessionToPrepare, ...]:
    """Every planned or ready session, soonest first, with its lineup size and open required checklist items."""
    rows = list_sessions(session, status=EDITABLE, limit=10_000)
    return tuple(
        SessionToPrepare(
            session_id=row.id,
            title=row.title,
            platform=row.platform,
            planned_start=row.planned_start,
            lineup_count=row.lineup_count,
            checklist_started=row.checklist_open_required is not None,
            open_required=0 if row.overridden else (row.checklist_open_required or 0),
            overridden=row.overridden,
        )
        for row in rows
    )


def attention(session: Session, *, today: date) -> Attention:
    """Papers lapsed or expiring within the documents rule's warning window, and sessions still to prepare."""
    return Attention(
        papers=tuple(expiring_documents(session, today=today)),
        sessions=sessions_to_prepare(session),
    )
