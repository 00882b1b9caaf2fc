"""The six charts of the monthly report (issue 7 deliverable 3): plain numbers both the PDF and the app draw.

Contract: :func:`month_charts` ``(session, period, kpis, kpis_by_host, *, now) -> {key: Chart}`` with the keys
``CHART_KEYS``. Every figure is an SQL aggregate over the month's rows or a KPI the same code computes
(:mod:`core.services.kpis`), so a chart never disagrees with the KPI table:

- ``tickets_per_day``: tickets opened per studio day (the studio's time zone; UTC rows are grouped by hour in SQL,
  then each hour is put on its studio day — exact for whole-hour offsets such as Asia/Shanghai);
- ``tickets_by_type``: tickets opened in the month by kind;
- ``deadline_compliance``: by **week of the month** (days 1–7, 8–14, 15–21, 22–28, 29–end), the tickets opened
  that week that kept vs passed a legal line (the 15-day handling line or the 15-day refund line after the return,
  处罚办法 Arts 8–9 / 消法 Arts 24–25; the same measure as the ``tickets_past_15_days`` KPI, whose month total the
  "breached" bars add up to);
- ``response_time_distribution``: first-response time in clock hours, in buckets cut at ½, 1 and 2 × the
  ``deadlines`` rule's first-response SLA (``internal.first_response.business_hours``), plus "no reply yet";
- ``promise_fulfilment_by_host``: the ``promise_fulfilment_rate`` KPI per host (``kpis`` groups by="host"), in %;
- ``incidents_by_tier``: incidents first seen in the month by tier (the ``incidents_*`` KPIs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import User
from core.services import kpi_queries as q
from core.services.deadline_rules import deadline_context
from core.services.kpis import KpiReport, month_kpis, month_range

i18n.register(
    {
        "monthly_chart.per_day": ("每日新增工单（按日）", "Tickets opened per day"),
        "monthly_chart.by_type": ("工单类型分布", "Tickets by type"),
        "monthly_chart.compliance": ("法定期限遵守情况（按周）", "Legal deadlines kept, by week"),
        "monthly_chart.response": ("首次响应用时分布", "First-response time"),
        "monthly_chart.fulfilment": ("各主播直播承诺兑现率", "Promise fulfilment by host"),
        "monthly_chart.incidents": ("舆情事件按等级", "Incidents by tier"),
        "monthly_chart.s.tickets": ("工单数", "Tickets"),
        "monthly_chart.s.met": ("按期", "Kept"),
        "monthly_chart.s.breached": ("超过法定期限", "Past a legal line"),
        "monthly_chart.s.rate": ("兑现率", "Fulfilment"),
        "monthly_chart.s.incidents": ("事件数", "Incidents"),
        "monthly_chart.unit.tickets": ("张", "tickets"),
        "monthly_chart.unit.incidents": ("起", "incidents"),
        "monthly_chart.week": ("{a}–{b}日", "Days {a}–{b}"),
        "monthly_chart.bucket.le": ("≤{h}小时", "≤ {h} h"),
        "monthly_chart.bucket.gt": (">{h}小时", "> {h} h"),
        "monthly_chart.bucket.none": ("尚未回复", "No reply yet"),
        "monthly_chart.no_host": ("未排主播", "No host"),
        "monthly_chart.tier": ("{tier}级", "Tier {tier}"),
    }
)

CHART_KEYS = (
    "tickets_per_day",
    "tickets_by_type",
    "deadline_compliance",
    "response_time_distribution",
    "promise_fulfilment_by_host",
    "incidents_by_tier",
)
SESSION_CHART_KEYS = ("tickets_per_day", "tickets_by_type", "response_time_distribution")
HEADLINE_CHART_KEYS = ("tickets_per_day", "incidents_by_tier")
TIERS = ("IV", "III", "II", "I")


@dataclass(frozen=True)
class Chart:
    """One chart: ``kind`` "bar" | "line"; ``series`` ((name, values aligned with ``labels``), ...)."""

    title: str
    kind: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    unit: str


def _bounds(session: Session, start: date, end: date) -> tuple[str, str]:
    zone = deadline_context(session).zone
    lo = datetime.combine(start, time(0), tzinfo=zone)
    hi = datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone)
    return q.stored(lo), q.stored(hi)


def _only(sid: int | None) -> str:
    """The extra condition that keeps one session's tickets (bound as ``:sid``); "" for the whole studio."""
    return "" if sid is None else " AND session_id = :sid"


def _per_day(session: Session, lo: str, hi: str, start: date, end: date, sid: int | None = None) -> Chart:
    zone = deadline_context(session).zone
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    counts = dict.fromkeys(days, 0)
    sql = f"SELECT substr(opened_at, 1, 13), count(*) FROM tickets WHERE opened_at >= :lo AND opened_at < :hi{_only(sid)} GROUP BY 1"
    for hour, n in session.connection().exec_driver_sql(sql, {"lo": lo, "hi": hi, "sid": sid}):
        moment = q.parse(f"{hour}:00:00")
        assert moment is not None
        day = moment.astimezone(zone).date()
        if day in counts:
            counts[day] += int(n)
    labels = tuple(str(d.day) for d in days)  # day numbers; the title says "per day"
    values = tuple(float(counts[d]) for d in days)
    return Chart(
        i18n.t("monthly_chart.per_day"),
        "line",
        labels,
        ((i18n.t("monthly_chart.s.tickets"), values),),
        i18n.t("monthly_chart.unit.tickets"),
    )


def _kind_name(kind: str) -> str:
    key = f"evidence.kind.{kind}"
    text = i18n.t(key)
    return kind if text == key else text


def _by_type(session: Session, lo: str, hi: str, sid: int | None = None) -> Chart:
    import core.services.evidence_pack  # noqa: F401  (registers the ticket kinds' names)

    sql = f"SELECT kind, count(*) FROM tickets WHERE opened_at >= :lo AND opened_at < :hi{_only(sid)} GROUP BY kind ORDER BY 2 DESC"
    rows = session.connection().exec_driver_sql(sql, {"lo": lo, "hi": hi, "sid": sid}).all()
    return Chart(
        i18n.t("monthly_chart.by_type"),
        "bar",
        tuple(_kind_name(str(k)) for k, _n in rows),
        ((i18n.t("monthly_chart.s.tickets"), tuple(float(n) for _k, n in rows)),),
        i18n.t("monthly_chart.unit.tickets"),
    )


def _weeks(start: date, end: date) -> list[tuple[date, date]]:
    weeks, first = [], start
    while first <= end:
        last = min(first + timedelta(days=6), end)
        weeks.append((first, last))
        first = last + timedelta(days=1)
    return weeks


def _compliance(session: Session, start: date, end: date, now: datetime) -> Chart:
    context = deadline_context(session)
    bad_max = 2  # bad reviews do not enter this chart
    labels, met, breached = [], [], []
    for first, last in _weeks(start, end):
        lo, hi = _bounds(session, first, last)
        found = q.tickets(session, lo, hi, None, now, context, bad_max).get("", {})
        total, past = int(found.get("tickets", 0)), int(found.get("past_15", 0))
        labels.append(i18n.t("monthly_chart.week", a=first.day, b=last.day))
        met.append(float(total - past))
        breached.append(float(past))
    return Chart(
        i18n.t("monthly_chart.compliance"),
        "bar",
        tuple(labels),
        ((i18n.t("monthly_chart.s.met"), tuple(met)), (i18n.t("monthly_chart.s.breached"), tuple(breached))),
        i18n.t("monthly_chart.unit.tickets"),
    )


def _hours(value: float) -> str:
    return f"{value:g}"


def _response(session: Session, lo: str, hi: str, sid: int | None = None) -> Chart:
    sla = float(deadline_context(session).rules["data"]["internal"]["first_response"]["business_hours"])
    cuts = (sla / 2, sla, sla * 2)
    sql = (
        "SELECT CASE WHEN first_response_at IS NULL THEN 4"
        " WHEN (julianday(first_response_at) - julianday(opened_at)) * 24 <= :a THEN 0"
        " WHEN (julianday(first_response_at) - julianday(opened_at)) * 24 <= :b THEN 1"
        " WHEN (julianday(first_response_at) - julianday(opened_at)) * 24 <= :c THEN 2 ELSE 3 END, count(*)"
        f" FROM tickets WHERE opened_at >= :lo AND opened_at < :hi{_only(sid)} GROUP BY 1"
    )
    params = {"lo": lo, "hi": hi, "a": cuts[0], "b": cuts[1], "c": cuts[2], "sid": sid}
    counts = dict.fromkeys(range(5), 0)
    for bucket, n in session.connection().exec_driver_sql(sql, params):
        counts[int(bucket)] = int(n)
    labels = (
        *(i18n.t("monthly_chart.bucket.le", h=_hours(c)) for c in cuts),
        i18n.t("monthly_chart.bucket.gt", h=_hours(cuts[2])),
        i18n.t("monthly_chart.bucket.none"),
    )
    return Chart(
        i18n.t("monthly_chart.response"),
        "bar",
        tuple(labels),
        ((i18n.t("monthly_chart.s.tickets"), tuple(float(counts[i]) for i in range(5))),),
        i18n.t("monthly_chart.unit.tickets"),
    )


def _fulfilment(session: Session, by_host: KpiReport) -> Chart:
    ids = [int(k) for k in by_host.groups if k.isdigit()]
    names = (
        {u.id: u.display_name for u in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    )
    labels, values = [], []
    for key, figures in by_host.groups.items():
        rate = figures.get("promise_fulfilment_rate")
        if rate is None:
            continue
        label = names.get(int(key), key) if key.isdigit() else i18n.t("monthly_chart.no_host")
        labels.append(label)
        values.append(round(float(rate) * 100, 1))
    return Chart(
        i18n.t("monthly_chart.fulfilment"),
        "bar",
        tuple(labels),
        ((i18n.t("monthly_chart.s.rate"), tuple(values)),),
        "%",  # a symbol, the same in every language
    )


def _incidents(kpis: KpiReport) -> Chart:
    values = tuple(float(kpis.values.get(f"incidents_{tier.lower()}") or 0) for tier in TIERS)
    return Chart(
        i18n.t("monthly_chart.incidents"),
        "bar",
        tuple(i18n.t("monthly_chart.tier", tier=tier) for tier in TIERS),
        ((i18n.t("monthly_chart.s.incidents"), values),),
        i18n.t("monthly_chart.unit.incidents"),
    )


def month_charts(
    session: Session, start: date, end: date, kpis: KpiReport, by_host: KpiReport, *, now: datetime
) -> dict[str, Chart]:
    """The six charts of the month ``start``–``end`` (see the module contract), in ``CHART_KEYS`` order."""
    lo, hi = _bounds(session, start, end)
    charts: dict[str, Any] = {
        "tickets_per_day": _per_day(session, lo, hi, start, end),
        "tickets_by_type": _by_type(session, lo, hi),
        "deadline_compliance": _compliance(session, start, end, now),
        "response_time_distribution": _response(session, lo, hi),
        "promise_fulfilment_by_host": _fulfilment(session, by_host),
        "incidents_by_tier": _incidents(kpis),
    }
    return charts


def headline_charts(
    session: Session, period: str, *, now: datetime, kpis: KpiReport | None = None
) -> dict[str, Chart]:
    """The 工作台's two charts of the month ``period`` ("YYYY-MM"), ``HEADLINE_CHART_KEYS``: tickets per day and
    incidents by tier, by the same functions as :func:`month_charts` (the PDF's numbers). ``kpis`` is that month's
    :func:`core.services.kpis.month_kpis` when the caller has it (one KPI pass fewer); otherwise it is computed."""
    start, end = month_range(period)
    lo, hi = _bounds(session, start, end)
    kpis = kpis if kpis is not None else month_kpis(session, period, now=now)
    return {
        "tickets_per_day": _per_day(session, lo, hi, start, end),
        "incidents_by_tier": _incidents(kpis),
    }


def session_charts(session: Session, session_id: int, start: date, end: date) -> dict[str, Chart]:
    """One session's tickets opened on the studio days ``start``–``end`` drawn by the same code as the month's:
    ``SESSION_CHART_KEYS`` (per day since the stream, by type, first-response time)."""
    lo, hi = _bounds(session, start, end)
    return {
        "tickets_per_day": _per_day(session, lo, hi, start, end, session_id),
        "tickets_by_type": _by_type(session, lo, hi, session_id),
        "response_time_distribution": _response(session, lo, hi, session_id),
    }


__all__ = [
    "CHART_KEYS",
    "HEADLINE_CHART_KEYS",
    "SESSION_CHART_KEYS",
    "Chart",
    "headline_charts",
    "month_charts",
    "session_charts",
]
