"""工作台 What needs attention today: papers about to lapse, sessions still to prepare (直播前准备), and the
after-sales tickets due today, overdue, or past a legal line (售后, issue 5).

Read-only and cheap: the session list's own query (:func:`sessions.list_sessions`) plus the expiry scan of
:func:`catalog_documents.expiring_documents`, well inside the dashboard's 150 ms budget on the three-year studio. :func:`ticket_counts` is one aggregate
over ``tickets.due_at``/``status`` through ``ix_tickets_status_due`` (only tickets due by tonight are read), and
:func:`entering_warning` lists the open tickets due within the deadlines rule's ``warn_within_hours``.
:func:`incident_clocks` (舆情时限, issue 6) gives each open incident whose clock is within the ``incidents`` rule's
warning window or missed (:func:`core.services.incident_register.clocks_running_out`) its most urgent clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.rules import active_rule
from core.services.catalog_documents import ExpiringDocument, expiring_documents
from core.services.incident_actions import incidents_rule
from core.services.incident_clocks import ClockView, clock_views, counted
from core.services.incident_register import clocks_running_out
from core.services.sessions import list_sessions
from core.services.sessions_lineup import EDITABLE
from core.services.ticket_queue import end_of_studio_day, legal_rule_keys, open_status_values

_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime stores UTC on SQLite (as in ticket_queue)


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


@dataclass(frozen=True)
class TicketCounts:
    """Open tickets by their cached nearest binding deadline; nested: breached ⊆ overdue ⊆ due_today.

    ``due_today``: due before the end of the studio day (overdue ones included); ``overdue``: past it;
    ``breached``: past a legal clock (消费者权益保护法 Arts 24–25, 侵害消费者权益行为处罚办法 Arts 8–9 — the keys of
    the active ``deadlines`` rule's ``legal``). Each opens the queue with ``QueueFilter(due=...)``.
    """

    due_today: int
    overdue: int
    breached: int


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STORED)


def _marks(name: str, values: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
    return ", ".join(f":{name}{i}" for i in range(len(values))), {
        f"{name}{i}": v for i, v in enumerate(values)
    }


def ticket_counts(session: Session, now: datetime, zone: Any) -> TicketCounts:
    """The dashboard's three ticket counts at ``now`` in the studio's ``zone`` (one aggregate query)."""
    statuses, params = _marks("s", open_status_values())
    legal, legal_params = _marks("l", tuple(sorted(legal_rule_keys(session))) or ("",))
    row = (
        session.connection()
        .exec_driver_sql(
            f"SELECT count(*), coalesce(sum(due_at < :now), 0), coalesce(sum(due_at < :now AND due_rule IN ({legal})), 0)"
            f" FROM tickets WHERE status IN ({statuses}) AND due_at < :end",
            {**params, **legal_params, "now": _stored(now), "end": _stored(end_of_studio_day(now, zone))},
        )
        .one()
    )
    return TicketCounts(due_today=int(row[0]), overdue=int(row[1]), breached=int(row[2]))


@dataclass(frozen=True)
class DueSoon:
    """An open ticket whose nearest binding deadline falls within the warning window."""

    ticket_id: int
    code: str
    due_at: datetime
    due_rule: str
    what: str  # the deadline's name in the current language, e.g. "7-day refund after the return arrives"


def warn_hours(session: Session) -> float:
    """The deadlines rule's ``warn_within_hours`` (DOMAIN §4: the desk is warned this long before a line)."""
    return float(active_rule(session, "deadlines")["data"].get("warn_within_hours", 24))


def entering_warning(session: Session, now: datetime, *, limit: int = 200) -> tuple[DueSoon, ...]:
    """Open tickets due in ``(now, now + warn_within_hours]``, soonest first (at most ``limit``)."""
    statuses, params = _marks("s", open_status_values())
    rows = session.connection().exec_driver_sql(
        f"SELECT id, code, due_at, due_rule FROM tickets WHERE status IN ({statuses})"
        " AND due_at > :now AND due_at <= :edge ORDER BY due_at, id LIMIT :limit",
        {
            **params,
            "now": _stored(now),
            "edge": _stored(now + timedelta(hours=warn_hours(session))),
            "limit": limit,
        },
    )
    import core.domain.deadlines  # noqa: F401  (registers the deadline names)

    return tuple(
        DueSoon(ticket_id, code, datetime.fromisoformat(due_at).replace(tzinfo=UTC), rule or "",
                i18n.t(f"deadlines.label.{rule}") if rule else "")
        for ticket_id, code, due_at, rule in rows
    )  # fmt: skip


@dataclass(frozen=True)
class IncidentClock:
    """An open incident's most urgent clock for the dashboard (DOMAIN §6 response clocks, the ``incidents`` rule).

    ``state``: "missed" (due and not met; ``minutes`` overdue), "running" (``minutes`` left, within the warning
    window), or "late" (met after it was due; ``minutes`` late). ``clocks`` are all of its tier's clocks.
    """

    incident_id: int
    code: str
    channel_name: str
    tier_name: str
    summary: str
    clock_name: str
    state: str
    minutes: int
    clocks: tuple[ClockView, ...]


def _minutes(span: timedelta) -> int:
    return max(0, int(span.total_seconds() // 60))


def incident_clocks(session: Session, now: datetime) -> tuple[IncidentClock, ...]:
    """The incidents :func:`clocks_running_out` lists at ``now``, in its order (missed first, then the nearest
    clock), each with the clock to show: the first unmet missed clock, else the nearest running one, else the
    first one met late. Reads the listed incidents' actions once more (one query)."""
    from core.db.models import Incident, IncidentAction

    rows = clocks_running_out(session, now=now)
    if not rows:
        return ()
    ids = [row.id for row in rows]
    incidents = {i.id: i for i in session.scalars(select(Incident).where(Incident.id.in_(ids)))}
    actions: dict[int, list[IncidentAction]] = {i: [] for i in ids}
    for action in session.scalars(
        select(IncidentAction)
        .where(IncidentAction.incident_id.in_(ids))
        .order_by(IncidentAction.at, IncidentAction.id)
    ):
        actions[action.incident_id].append(action)
    data = incidents_rule(session)
    found = []
    for row in rows:
        views = counted(clock_views(data, incidents[row.id], actions[row.id], now))  # no superseded clock
        unmet = sorted((v for v in views if v.state == "missed" and v.met_at is None), key=lambda v: v.due)
        late = sorted((v for v in views if v.state == "missed" and v.met_at is not None), key=lambda v: v.due)
        if unmet:
            shown, state, minutes = unmet[0], "missed", _minutes(now - unmet[0].due)
        elif row.nearest is not None:
            shown, state, minutes = row.nearest, "running", _minutes(row.nearest.due - now)
        elif late:
            shown, state, minutes = late[0], "late", _minutes(late[0].met_at - late[0].due)  # type: ignore[operator]
        else:
            continue
        found.append(
            IncidentClock(row.id, row.code, row.channel_name, row.tier_name, row.summary, shown.name, state,
                          minutes, views)
        )  # fmt: skip
    return tuple(found)
