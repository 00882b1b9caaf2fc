"""月度服务评价报告的数据 The monthly report's data (issue 7 deliverable 3; DOMAIN §7).

REPORT DATA CONTRACT — :func:`monthly_report_data` ``(session, period "YYYY-MM", *, now) -> MonthlyReport``; read
only; ``InvalidInput`` (field ``period``) for a bad month. All text is in the core language; times are aware UTC
(format them in ``zone``, the studio's time zone).

- ``kpis`` (``month_kpis``), ``month_over_month``, ``definitions`` — :mod:`core.services.kpis`;
- ``assessment`` (:class:`AssessmentView`): the newest *signed* version's frozen figures when the newest version
  is signed (电子商务法 Art 62: a signed record is shown as it was), else the live draft
  (:func:`core.services.evaluation.draft_evaluation`);
- ``charts``: {key: :class:`Chart`} — see :mod:`core.services.monthly_report_charts` for what each one counts;
- ``overdue_tickets``: tickets opened in the month still not done at ``now`` whose nearest binding deadline
  (``tickets.due_at``, kept by :mod:`core.services.ticket_deadlines`) has passed; ``state`` "breached" for a
  legal line, else "overdue"; most overdue first, at most ``LIST_LIMIT`` (``overdue_total`` counts them all);
- ``incidents``: incidents first seen in the month with their clocks met and missed (as the KPIs count them);
- ``corrective``: corrective actions created in the month, due in it, or still open at its end; state
  done | open | overdue (open past its due day at ``now``);
- ``ledger_count`` / ``ledger_hash``: the evidence ledger's head when the report was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from core import i18n, ledger
from core.db.models import CorrectiveAction, Incident, IncidentAction, Ticket, User
from core.services.deadline_rules import deadline_context
from core.services.evaluation import draft_evaluation, evaluation_history
from core.services.incident_actions import incidents_rule
from core.services.incident_clocks import clock_views, counted
from core.services.incident_register import register_row
from core.services.kpis import KpiDefinition, KpiReport, definitions, month_kpis, month_range, previous_period
from core.services.monthly_report_charts import CHART_KEYS, Chart, month_charts
from core.services.studio import get_profile
from core.services.ticket_deadlines import legal_keys

i18n.register(
    {
        "monthly.state.overdue": ("已超期", "Overdue"),
        "monthly.state.breached": ("已超法定期限", "Past a legal line"),
        "monthly.state.done": ("已完成", "Done"),
        "monthly.state.open": ("进行中", "Open"),
        "monthly.corrective.overdue": ("已逾期", "Overdue"),
        "monthly.source.incident": ("舆情事件", "Incident"),
        "monthly.source.ticket": ("售后工单", "Ticket"),
        "monthly.source.evaluation": ("服务评价", "Evaluation"),
        "monthly.source.session": ("直播复盘", "Session review"),
        "monthly.source.other": ("其他", "Other"),
    }
)

LIST_LIMIT = 60
ALL = true()  # no narrower selection: the whole studio


class ItemView(NamedTuple):
    name: str
    method: str  # auto | manual
    value: Any
    got_tenths: int | None
    max_tenths: int
    why: str


class SectionView(NamedTuple):
    name: str
    got_tenths: int
    max_tenths: int
    items: tuple[ItemView, ...]


class HardFailView(NamedTuple):
    name: str
    failed: bool | None
    why: str


@dataclass(frozen=True)
class AssessmentView:
    """The scores the report prints: ``signed`` True when these are a signed version's frozen figures."""

    total_tenths: int | None
    grade: str
    grade_name: str
    sections: tuple[SectionView, ...]
    hard_fails: tuple[str, ...]  # names of the failed checks
    checks: tuple[HardFailView, ...]
    signed: bool
    signed_by_name: str
    signed_at: datetime | None
    version: int
    unscored: int = 0


class OverdueTicket(NamedTuple):
    code: str
    what: str
    due: datetime
    state: str  # overdue | breached
    state_name: str
    deadline: str


class IncidentLine(NamedTuple):
    code: str
    tier: str
    tier_name: str
    channel: str
    status: str
    first_seen_at: datetime
    clocks_met: int
    clocks_missed: int
    summary: str


class CorrectiveLine(NamedTuple):
    title: str
    source: str
    owner: str
    due: date | None
    state: str  # done | open | overdue
    state_name: str


@dataclass(frozen=True)
class MonthlyReport:
    period: str
    start: date
    end: date
    studio_name: str
    zone: ZoneInfo
    generated_at: datetime
    kpis: KpiReport
    month_over_month: dict[str, tuple[Any, Any, Any]]
    definitions: dict[str, KpiDefinition]
    assessment: AssessmentView
    charts: dict[str, Chart]
    overdue_tickets: tuple[OverdueTicket, ...]
    overdue_total: int
    incidents: tuple[IncidentLine, ...]
    corrective: tuple[CorrectiveLine, ...]
    ledger_count: int
    ledger_hash: str


def _signed_view(version: Any) -> AssessmentView:
    scores = version.scores or {}
    sections = tuple(
        SectionView(
            str(s.get("name", "")),
            int(s.get("points_tenths") or 0),
            int(s.get("max_tenths") or 0),
            tuple(
                ItemView(
                    str(i.get("name", "")),
                    str(i.get("method", "")),
                    i.get("value"),
                    i.get("points_tenths"),
                    int(i.get("max_tenths") or 0),
                    str(i.get("why", "")),
                )
                for i in s.get("items", [])
            ),
        )
        for s in scores.get("sections", [])
        if isinstance(s, dict)
    )
    if not sections:  # an older signed row kept only {section: points}: print those, without items
        sections = tuple(
            SectionView(str(k), round(float(v) * 10), 0, ())
            for k, v in scores.items()
            if isinstance(v, int | float) and not isinstance(v, bool)
        )
    checks = tuple(
        HardFailView(str(c.get("name", "")), c.get("failed"), str(c.get("why", "")))
        for c in scores.get("checks", [])
    )
    return AssessmentView(
        total_tenths=version.total_tenths,
        grade=version.grade,
        grade_name=str(scores.get("grade_name", version.grade)),
        sections=sections,
        hard_fails=tuple(c.name for c in checks if c.failed),
        checks=checks,
        signed=True,
        signed_by_name=version.signed_by,
        signed_at=version.signed_at,
        version=version.version,
    )


def _assessment(session: Session, period: str, now: datetime) -> AssessmentView:
    history = evaluation_history(session, period)
    if history and history[-1].signed:
        return _signed_view(history[-1])
    draft = draft_evaluation(session, period, now=now)
    a = draft.assessment
    sections = tuple(
        SectionView(
            s.name,
            s.points_tenths,
            s.max_tenths,
            tuple(ItemView(i.name, i.method, i.value, i.points_tenths, i.max_tenths, i.why) for i in s.items),
        )
        for s in a.sections
    )
    checks = tuple(HardFailView(c.name, c.failed, c.why) for c in a.checks)
    return AssessmentView(
        total_tenths=a.total_tenths,
        grade=a.grade,
        grade_name=a.grade_name,
        sections=sections,
        hard_fails=tuple(c.name for c in a.checks if c.failed),
        checks=checks,
        signed=False,
        signed_by_name="",
        signed_at=None,
        version=draft.version,
        unscored=len(a.unscored),
    )


def _month_utc(zone: ZoneInfo, start: date, end: date) -> tuple[datetime, datetime]:
    lo = datetime.combine(start, time(0), tzinfo=zone)
    return lo, datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone)


def _deadline_name(key: str) -> str:
    text = i18n.t(f"deadlines.label.{key}")
    return key if text.startswith("deadlines.label.") else text


def _overdue(
    session: Session, lo: datetime, hi: datetime, now: datetime, only: Any = ALL
) -> tuple[tuple[OverdueTicket, ...], int]:
    import core.services.evidence_pack  # noqa: F401  (registers the ticket kinds' names)

    legal = legal_keys(deadline_context(session))
    where = and_(
        Ticket.opened_at >= lo,
        Ticket.opened_at < hi,
        Ticket.due_at.is_not(None),
        Ticket.due_at < now,
        Ticket.resolved_at.is_(None),
        Ticket.status.not_in(("resolved", "rejected", "closed")),
        only,  # a narrower selection (one session's tickets)
    )
    rows = session.execute(
        select(Ticket.code, Ticket.kind, Ticket.summary, Ticket.due_at, Ticket.due_rule)
        .where(where)
        .order_by(Ticket.due_at, Ticket.id)
    ).all()
    out = []
    for code, kind, summary, due, rule in rows[:LIST_LIMIT]:
        kind_text = i18n.t(f"evidence.kind.{kind}")
        what = kind if kind_text.startswith("evidence.kind.") else kind_text
        state = "breached" if rule in legal else "overdue"
        out.append(
            OverdueTicket(
                code,
                f"{what}　{summary}".strip(),
                due,
                state,
                i18n.t(f"monthly.state.{state}"),
                _deadline_name(rule),
            )
        )
    return tuple(out), len(rows)


def _incidents(
    session: Session, lo: datetime, hi: datetime, now: datetime, only: Any = ALL
) -> tuple[IncidentLine, ...]:
    data = incidents_rule(session)
    found = session.scalars(
        select(Incident)
        .where(Incident.first_seen_at >= lo, Incident.first_seen_at < hi, only)
        .order_by(Incident.first_seen_at)
    ).all()
    actions: dict[int, list[IncidentAction]] = {i.id: [] for i in found}
    if found:
        for action in session.scalars(
            select(IncidentAction)
            .where(IncidentAction.incident_id.in_(list(actions)))
            .order_by(IncidentAction.at, IncidentAction.id)
        ):
            actions[action.incident_id].append(action)
    out = []
    for incident in found:
        views = counted(clock_views(data, incident, actions[incident.id], now))
        row = register_row(data, incident, actions[incident.id], now)
        out.append(
            IncidentLine(
                incident.code,
                incident.tier,
                row.tier_name,
                row.channel_name,
                row.status_name,
                incident.first_seen_at,
                sum(v.state == "met" for v in views),
                sum(v.state == "missed" for v in views),
                row.summary,
            )
        )
    return tuple(out)


def _source_name(source: str) -> str:
    text = i18n.t(f"monthly.source.{source}")
    return source if text.startswith("monthly.source.") else text


def _corrective(
    session: Session, start: date, end: date, lo: datetime, hi: datetime, now: datetime, zone: ZoneInfo
) -> tuple[CorrectiveLine, ...]:
    in_month = or_(
        and_(CorrectiveAction.created_at >= lo, CorrectiveAction.created_at < hi),
        and_(CorrectiveAction.due_on >= start, CorrectiveAction.due_on <= end),
        and_(
            CorrectiveAction.created_at < hi,
            or_(CorrectiveAction.done_at.is_(None), CorrectiveAction.done_at >= hi),
        ),
    )
    rows = session.execute(
        select(CorrectiveAction, User.display_name)
        .outerjoin(User, User.id == CorrectiveAction.owner_id)
        .where(in_month)
        .order_by(CorrectiveAction.due_on, CorrectiveAction.id)
    ).all()
    today = now.astimezone(zone).date()
    out = []
    for action, owner in rows[: LIST_LIMIT * 2]:
        if action.done_at is not None:
            state = "done"
        elif action.due_on is not None and action.due_on < today:
            state = "overdue"
        else:
            state = "open"
        name = (
            i18n.t("monthly.corrective.overdue") if state == "overdue" else i18n.t(f"monthly.state.{state}")
        )
        out.append(
            CorrectiveLine(action.title, _source_name(action.source), owner or "", action.due_on, state, name)
        )
    return tuple(out)


def _changes(this: KpiReport, before: KpiReport) -> dict[str, tuple[Any, Any, Any]]:
    """As :func:`core.services.kpis.month_over_month`, reusing this month's figures (one KPI pass fewer)."""
    out: dict[str, tuple[Any, Any, Any]] = {}
    for key, value in this.values.items():
        old = before.values.get(key)
        out[key] = (value, old, None if value is None or old is None else round(value - old, 4))
    return out


def monthly_report_data(session: Session, period: str, *, now: datetime) -> MonthlyReport:
    """Everything the monthly report prints for ``period`` (see the module contract)."""
    start, end = month_range(period)
    profile = get_profile(session)
    zone = deadline_context(session).zone
    lo, hi = _month_utc(zone, start, end)
    by_host = month_kpis(session, period, now=now, by="host")
    kpis = by_host  # a breakdown's month values are the whole month's (compute_kpis): one KPI pass, not two
    overdue, overdue_total = _overdue(session, lo, hi, now)
    head = ledger.head(session)
    charts = month_charts(session, start, end, kpis, by_host, now=now)
    return MonthlyReport(
        period=period,
        start=start,
        end=end,
        studio_name=profile.display_name or profile.legal_name,
        zone=zone,
        generated_at=now,
        kpis=kpis,
        month_over_month=_changes(kpis, month_kpis(session, previous_period(period), now=now)),
        definitions=definitions(session),
        assessment=_assessment(session, period, now),
        charts={key: charts[key] for key in CHART_KEYS},
        overdue_tickets=overdue,
        overdue_total=overdue_total,
        incidents=_incidents(session, lo, hi, now),
        corrective=_corrective(session, start, end, lo, hi, now, zone),
        ledger_count=head.count,
        ledger_hash=head.hash,
    )


__all__ = [
    "AssessmentView", "Chart", "CorrectiveLine", "HardFailView", "IncidentLine", "ItemView", "MonthlyReport",
    "OverdueTicket", "SectionView", "monthly_report_data",
]  # fmt: skip
