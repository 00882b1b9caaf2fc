"""工作台 What needs attention today: papers about to lapse and sessions still to prepare (直播前准备).

Read-only and cheap: two indexed queries plus the expiry scan of :func:`catalog_documents.expiring_documents`, so a
dashboard refresh stays well inside its 150 ms budget on the three-year studio.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from core.db.models import ChecklistRun, ChecklistRunItem, ChecklistTemplateItem, LineupItem, LiveSession
from core.domain.codes import ChecklistItemState, SessionStatus
from core.services.catalog_documents import ExpiringDocument, expiring_documents

_TO_PREPARE = (SessionStatus.PLANNED.value, SessionStatus.READY.value)


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
    lives = session.scalars(
        select(LiveSession)
        .where(LiveSession.status.in_(_TO_PREPARE))
        .order_by(LiveSession.planned_start, LiveSession.id)
    ).all()
    if not lives:
        return ()
    ids = [live.id for live in lives]
    lineup = dict(
        session.execute(
            select(LineupItem.session_id, func.count())
            .where(LineupItem.session_id.in_(ids))
            .group_by(LineupItem.session_id)
        ).all()
    )
    open_required = case(
        (
            (ChecklistTemplateItem.required.is_(True))
            & (ChecklistRunItem.state == ChecklistItemState.OPEN.value),
            1,
        ),
        else_=0,
    )
    runs = {
        session_id: (int(open_count or 0), bool(override_reason))
        for session_id, override_reason, open_count in session.execute(
            select(ChecklistRun.session_id, ChecklistRun.override_reason, func.sum(open_required))
            .outerjoin(ChecklistRunItem, ChecklistRunItem.run_id == ChecklistRun.id)
            .outerjoin(ChecklistTemplateItem, ChecklistTemplateItem.id == ChecklistRunItem.template_item_id)
            .where(ChecklistRun.session_id.in_(ids))
            .group_by(ChecklistRun.id)
        ).all()
    }
    found = []
    for live in lives:
        open_count, overridden = runs.get(live.id, (0, False))
        found.append(
            SessionToPrepare(
                session_id=live.id,
                title=live.title,
                platform=live.platform,
                planned_start=live.planned_start,
                lineup_count=int(lineup.get(live.id, 0)),
                checklist_started=live.id in runs,
                open_required=0 if overridden else open_count,
                overridden=overridden,
            )
        )
    return tuple(found)


def attention(session: Session, *, today: date) -> Attention:
    """Papers lapsed or expiring within the documents rule's warning window, and sessions still to prepare."""
    return Attention(
        papers=tuple(expiring_documents(session, today=today)),
        sessions=sessions_to_prepare(session),
    )
