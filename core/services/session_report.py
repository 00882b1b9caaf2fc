"""一场直播的售后情况 One session's after-sales picture (issue 7 deliverable 3: ``report session SESSION_ID``).

What is promised on air binds the studio (消费者权益保护法实施条例 2024, DOMAIN §1) and the after-sales that follow
a stream are measured by the same KPIs as the month (DOMAIN §7, GB/T 27922 / 44207 / 31526), so the session's sheet
carries, after the promise sheet the host signs, the session's own service figures beside the month's.

Contract: :func:`session_report_data` ``(session, session_id, *, now) -> SessionReport``; read only; an unknown
session raises ``InvalidInput`` (field ``session_id``, from :func:`core.services.promise_sheet.promise_sheet_data`).

- ``start``–``end``: the studio days measured: the session's day (``actual_start``, else ``planned_start``) to the
  last day one of its tickets was opened or one of its orders paid (never past today, never before ``start``);
- ``kpis``: :func:`core.services.kpis.compute_kpis` over those days ``by="session"``, this session's group — the
  same code as the month; the KPIs a session cannot split (incidents, corrective actions) are left out;
  ``month``: the values of the calendar month the session started in (``period``) for comparison;
- ``charts``: :func:`core.services.monthly_report_charts.session_charts` (``SESSION_CHART_KEYS``);
- ``overdue_tickets`` / ``incidents``: as the monthly report lists them, kept to this session's tickets and to
  the incidents linked to the session or to one of its tickets (``incident_links``);
- ``promise_tickets``: the session's promises with linked tickets; "broken" as the ``promise_fulfilment_rate`` KPI
  counts it (a linked ticket resolved, or a promise deadline passed with the ticket still open), "open" while a
  linked ticket is still being handled, else "refused" (every linked ticket rejected or closed unresolved).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import Incident, IncidentLink, LiveSession, Order, Promise, Ticket, TicketPromise
from core.services.kpis import KpiDefinition, compute_kpis, definitions, month_kpis
from core.services.monthly_report import IncidentLine, OverdueTicket, _incidents, _overdue
from core.services.monthly_report_charts import Chart, session_charts
from core.services.promise_sheet import PromiseSheet, promise_sheet_data

i18n.register(
    {
        "session_report.state.broken": ("未兑现", "Broken"),
        "session_report.state.open": ("处理中", "Being handled"),
        "session_report.state.refused": ("诉求不成立", "Claim refused"),
    }
)

NOT_PER_SESSION = ("incidents_", "incident_clocks", "corrective_")  # KPIs a session breakdown cannot split
_EVER = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))


class PromiseTickets(NamedTuple):
    number: int
    wording: str
    tickets: tuple[str, ...]  # ticket codes
    state: str  # broken | open | refused
    state_name: str


@dataclass(frozen=True)
class SessionReport:
    sheet: PromiseSheet
    zone: ZoneInfo
    start: date
    end: date
    period: str  # "YYYY-MM", the month compared with
    orders: int
    tickets: int
    kpis: dict[str, Any]
    month: dict[str, Any]
    definitions: dict[str, KpiDefinition]
    charts: dict[str, Chart]
    overdue_tickets: tuple[OverdueTicket, ...]
    overdue_total: int
    incidents: tuple[IncidentLine, ...]
    promise_tickets: tuple[PromiseTickets, ...]


def _days(session: Session, sid: int, began: datetime, now: datetime, zone: ZoneInfo) -> tuple[date, date]:
    start, today = began.astimezone(zone).date(), now.astimezone(zone).date()
    last_ticket = session.scalar(select(func.max(Ticket.opened_at)).where(Ticket.session_id == sid))
    last_order = session.scalar(select(func.max(Order.paid_at)).where(Order.session_id == sid))
    days = [start, *(at.astimezone(zone).date() for at in (last_ticket, last_order) if at is not None)]
    return start, max(start, min(max(days), today))


def _promise_tickets(session: Session, sheet: PromiseSheet, now: datetime) -> tuple[PromiseTickets, ...]:
    rows = session.execute(
        select(TicketPromise.promise_id, Ticket.code, Ticket.status, Ticket.resolved_at, Ticket.due_rule,
               Ticket.due_at)
        .join(Ticket, Ticket.id == TicketPromise.ticket_id)
        .join(Promise, Promise.id == TicketPromise.promise_id)
        .where(Promise.session_id == sheet.session_id)
        .order_by(TicketPromise.promise_id, Ticket.code)
    ).all()  # fmt: skip
    found: dict[int, tuple[list[str], set[str]]] = {}
    for pid, code, status, resolved, rule, due in rows:
        codes, states = found.setdefault(pid, ([], set()))
        codes.append(code)
        still_open = resolved is None and status not in ("rejected", "closed")
        if (resolved is not None and resolved <= now) or (
            still_open and (rule or "").startswith("promise") and due is not None and due < now
        ):
            states.add("broken")
        elif still_open:
            states.add("open")
    wording = {row.number: row.wording for row in sheet.promises}
    out = []
    for pid, (codes, states) in found.items():
        state = "broken" if "broken" in states else "open" if "open" in states else "refused"
        out.append(
            PromiseTickets(
                pid, wording.get(pid, ""), tuple(codes), state, i18n.t(f"session_report.state.{state}")
            )
        )
    return tuple(out)


def _linked_incidents(sid: int) -> Any:
    """Incidents linked to the session itself or to one of its tickets."""
    tickets = select(Ticket.id).where(Ticket.session_id == sid)
    links = select(IncidentLink.incident_id).where(
        or_(
            and_(IncidentLink.target_type == "session", IncidentLink.target_id == sid),
            and_(IncidentLink.target_type == "ticket", IncidentLink.target_id.in_(tickets)),
        )
    )
    return Incident.id.in_(links)


def session_report_data(session: Session, session_id: int, *, now: datetime) -> SessionReport:
    """The promise sheet of ``session_id`` and its after-sales picture (see the module contract)."""
    sheet = promise_sheet_data(session, session_id, now=now)
    zone = ZoneInfo(sheet.timezone)
    live = session.get(LiveSession, session_id)
    assert live is not None  # promise_sheet_data refused an unknown one
    began = live.actual_start or live.planned_start
    start, end = _days(session, session_id, began, now, zone)
    found = compute_kpis(session, start=start, end=end, by="session", now=now)
    mine = found.groups.get(str(session_id), dict.fromkeys(found.values))
    period = f"{start:%Y-%m}"
    month = month_kpis(session, period, now=now).values
    keep = [k for k in found.values if not k.startswith(NOT_PER_SESSION)]
    overdue, total = _overdue(session, *_EVER, now, Ticket.session_id == session_id)
    return SessionReport(
        sheet=sheet,
        zone=zone,
        start=start,
        end=end,
        period=period,
        orders=session.scalar(select(func.count()).where(Order.session_id == session_id)) or 0,
        tickets=session.scalar(select(func.count()).where(Ticket.session_id == session_id)) or 0,
        kpis={k: mine.get(k) for k in keep},
        month={k: month.get(k) for k in keep},
        definitions=definitions(session),
        charts=session_charts(session, session_id, start, end),
        overdue_tickets=overdue,
        overdue_total=total,
        incidents=_incidents(session, *_EVER, now, _linked_incidents(session_id)),
        promise_tickets=_promise_tickets(session, sheet, now),
    )


__all__ = ["PromiseTickets", "SessionReport", "session_report_data"]
