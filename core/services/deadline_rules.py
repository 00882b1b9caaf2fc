"""Reading what the deadline engine needs from the database: the active ``deadlines`` rule, the owner's calendar
days and the studio's timezone (issue 5, deliverable 3). The engine itself is pure (:mod:`core.domain.deadlines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from core.db.models import CalendarDay
from core.domain.deadlines import DeadlineReport, TicketFacts, ticket_deadlines
from core.domain.workdays import WorkCalendar, owner_days_from_rows
from core.rules import active_rule
from core.services.studio import studio_zone


@dataclass
class DeadlineContext:
    """The active rule document, a calendar with the owner's days, and the studio's zone; reuse it for a batch."""

    rules: dict[str, Any]
    calendar: WorkCalendar
    zone: ZoneInfo


def deadline_context(session: Session) -> DeadlineContext:
    """The active ``deadlines`` rule (the owner's version wins), every ``CalendarDay`` row and the studio zone."""
    rules = active_rule(session, "deadlines")
    owner_days = owner_days_from_rows(session.scalars(select(CalendarDay)).all())
    calendar = WorkCalendar(owner_days, weekend=rules["data"]["calendar"]["fallback_weekend"])
    return DeadlineContext(rules=rules, calendar=calendar, zone=studio_zone(session))


def deadlines_for(
    session: Session,
    facts: TicketFacts,
    *,
    now: datetime | None = None,
    context: DeadlineContext | None = None,
) -> DeadlineReport:
    """Every deadline of ``facts`` with the database's rule, calendar and zone, at ``now`` (default the clock)."""
    context = context or deadline_context(session)
    return ticket_deadlines(
        facts, now=now or clock.now(), rules=context.rules, calendar=context.calendar, zone=context.zone
    )
