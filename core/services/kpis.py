"""服务评价指标 The service KPIs of a period (issue 7; DOMAIN §7, GB/T 27922 / 44207 / 31526).

Contract (the self-assessment codes against it):

- :func:`compute_kpis` ``(session, *, start, end, by=None, now=None) -> KpiReport``: ``start``/``end`` are
  inclusive studio days (the studio's midnight, :func:`core.services.studio.studio_zone`, not UTC's); ``by`` None |
  "host" | "product" | "platform" | "session" adds ``groups`` {group key → values} (host = user id, product =
  product id, session = session id, platform = code; "" collects rows without one). ``now`` (default the clock) is
  when open things are measured: a ticket still open past a line at ``now`` counts as past it.
- ``values`` holds every key of the ``kpis`` rule; a rate, average or median is None when its denominator (the
  rule's ``denominator``, reported in ``counts``) is 0; a KPI without a denominator is a count. Rates are 0–1
  (4 decimals), hours 2 decimals. A KPI a breakdown cannot split (incidents, corrective actions, checklist figures
  by product) is None in ``groups``.
- :func:`month_kpis` ``(session, "YYYY-MM")`` is the studio's calendar month; :func:`month_over_month` gives
  {key: (this, previous, change)} (change = this − previous, None when either is None).
- :func:`definitions` reads each KPI's name, unit, definition, basis and direction from the active ``kpis`` rule
  (resources/rules/kpis.json; the owner may change it). The legal day counts (消费者权益保护法 Arts 24–25's 7-day
  refund, 侵害消费者权益行为处罚办法 Arts 8–9's 15-day line) are the ``deadlines`` rule's, never numbers here.

Speed: one aggregate or one row scan per family over the period's rows (``ix_tickets_opened_at``,
``ix_orders_paid_at``); with a breakdown the tickets are still scanned and measured once (each added to the whole
and to its groups) and each script linted once. One month of the three-year studio is measured in bench
(``bench/kpi_bench.py``, ≤ 0.5 s budget: about 0.19 s plain, 0.26 s by host).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n
from core.db.models import Product, Script
from core.errors import InvalidInput
from core.rules import active_rule
from core.services import kpi_queries as q
from core.services.deadline_rules import deadline_context
from core.services.scripts import script_findings

i18n.register(
    {
        "kpis.bad_period": ("期间应为“年-月”，如 2026-11", "The period must be year-month, e.g. 2026-11"),
        "kpis.bad_range": ("结束日期不能早于开始日期", "The end date cannot be before the start date"),
        "kpis.bad_by": (
            "分组只能是主播、商品、平台或场次",
            "The breakdown must be by host, product, platform or session",
        ),
    }
)

BREAKDOWNS = ("host", "product", "platform", "session")
Value = float | int | None


@dataclass(frozen=True)
class KpiDefinition:
    """One KPI as the rule defines it, in the current language; ``better`` is "higher" or "lower"."""

    key: str
    name: str
    unit: str
    definition: str
    basis: str
    better: str
    confidence: str = ""
    denominator: str | None = None


@dataclass(frozen=True)
class KpiReport:
    start: date
    end: date
    values: dict[str, Value]
    groups: dict[str, dict[str, Value]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _zh() -> bool:
    return i18n.language().startswith("zh")


def definitions(session: Session) -> dict[str, KpiDefinition]:
    """Every KPI of the active ``kpis`` rule, in the rule's order."""
    lang = "zh" if _zh() else "en"
    return {
        k["key"]: KpiDefinition(
            key=k["key"],
            name=k[lang],
            unit=k["unit"],
            definition=k[f"definition_{lang}"],
            basis=k[f"basis_{lang}"],
            better=k["better"],
            confidence=k.get("confidence", ""),
            denominator=k.get("denominator"),
        )
        for k in active_rule(session, "kpis")["data"]["kpis"]
    }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _lint(session: Session, session_ids: list[int]) -> dict[int, int]:
    """Unexempted lint findings per session among these (each script checked for its product's category); each
    script is linted once however many groups its session falls in."""
    if not session_ids:
        return {}
    rows = session.execute(
        select(Script.id, Script.session_id, Product.category)
        .outerjoin(Product, Product.id == Script.product_id)
        .where(Script.session_id.in_(session_ids))
    ).all()
    out: dict[int, int] = dict.fromkeys(session_ids, 0)
    for sid, session_id, category in rows:
        out[session_id] += len(script_findings(session, sid, category))
    return out


def _session_values(sessions: dict[str, Any], promises: dict[str, Any], lint: int | None) -> dict[str, Value]:
    live = sessions.get("sessions_live", 0)
    binding = promises.get("binding", 0)
    return {
        "checklist_completion_rate": _rate(sessions.get("complete", 0), live),
        "checklist_overrides": sessions.get("overrides", 0) if live else None,
        "lint_unexempted": lint if live else None,
        "promises_per_session": round(promises.get("promises", 0) / live, 2) if live else None,
        "promise_fulfilment_rate": _rate(binding - promises.get("broken", 0), binding),
    }


def _ticket_values(t: dict[str, Any], orders: int) -> dict[str, Value]:
    scored = len(t.get("scores", []))
    decided = len(t.get("resolved", [])) + t.get("rejected", 0)
    return {
        "first_response_median_h": q.median(t.get("responses", [])),
        "first_response_in_sla_rate": _rate(t.get("response_in_sla", 0), t.get("response_due", 0)),
        "resolution_median_h": q.median(t.get("resolved", [])),
        "refund_in_legal_window_rate": _rate(t.get("refunds_in_window", 0), t.get("refunds_due", 0)),
        "tickets_past_15_days": t.get("past_15", 0),
        "rejection_rate": _rate(t.get("rejected", 0), decided),
        "quality_return_rate": _rate(t.get("quality", 0), orders),
        "complaint_rate": _rate(t.get("complaints", 0), orders),
        "satisfaction_avg": round(sum(t["scores"]) / scored, 2) if scored else None,
        "bad_review_rate": _rate(t.get("bad", 0), scored),
    }


def _bounds(session: Session, start: date, end: date) -> tuple[str, str, Any]:
    zone = deadline_context(session).zone
    lo = datetime.combine(start, time(0), tzinfo=zone)
    hi = datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone)
    return q.stored(lo), q.stored(hi), zone


def _family(
    session: Session, lo: str, hi: str, by: str | None, now: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the whole period's figures, the figures per group of ``by`` — {} when None); tickets are scanned once."""
    context = deadline_context(session)
    data = active_rule(session, "kpis")["data"]
    statuses = list(data.get("live_statuses", ["live", "ended", "reviewed"]))
    bad_max = int(data.get("bad_review_max_score", 2))
    tickets, ticket_groups = q.ticket_figures(session, lo, hi, by, now, context, bad_max)
    whole = {
        "sessions": q.sessions(session, lo, hi, None, statuses),
        "promises": q.promises(session, lo, hi, None, now, statuses),
        "orders": q.orders(session, lo, hi, None),
        "tickets": {"": tickets},
    }
    if by is None:
        return whole, {}
    return whole, {
        "sessions": q.sessions(session, lo, hi, by, statuses),
        "promises": q.promises(session, lo, hi, by, now, statuses),
        "orders": q.orders(session, lo, hi, by),
        "tickets": ticket_groups,
    }


def compute_kpis(
    session: Session, *, start: date, end: date, by: str | None = None, now: datetime | None = None
) -> KpiReport:
    """The KPIs of the studio days ``start``–``end`` (see the module contract)."""
    if end < start:
        raise InvalidInput(i18n.t("kpis.bad_range"), field="end")
    if by is not None and by not in BREAKDOWNS:
        raise InvalidInput(i18n.t("kpis.bad_by"), field="by")
    now = now or clock.now()
    lo, hi, zone = _bounds(session, start, end)
    whole, found = _family(session, lo, hi, by, now)
    s, p = whole["sessions"].get("", {}), whole["promises"].get("", {})
    t, orders = whole["tickets"].get("", {}), whole["orders"].get("", {}).get("orders", 0)
    lint = _lint(session, s.get("ids", []))
    values: dict[str, Value] = {}
    values |= _session_values(s, p, sum(lint.values()))
    values |= _ticket_values(t, orders)
    inc = q.incidents(session, lo, hi, now, active_rule(session, "incidents"))
    for tier in ("IV", "III", "II", "I"):
        values[f"incidents_{tier.lower()}"] = inc.get(tier, 0)
    clocks = inc["met"] + inc["missed"]
    values["incident_clocks_met_rate"] = _rate(inc["met"], clocks)
    cor = q.corrective(session, start, end, now, zone)
    values["corrective_open"] = cor["open"]
    values["corrective_done_on_time_rate"] = _rate(cor["on_time"], cor["due"])
    counts = {
        "sessions_live": s.get("sessions_live", 0),
        "promises": p.get("promises", 0),
        "promises_binding": p.get("binding", 0),
        "orders": orders,
        "tickets": t.get("tickets", 0),
        "tickets_responded": len(t.get("responses", [])),
        "tickets_response_due": t.get("response_due", 0),
        "tickets_resolved": len(t.get("resolved", [])),
        "tickets_decided": len(t.get("resolved", [])) + t.get("rejected", 0),
        "refunds_due": t.get("refunds_due", 0),
        "tickets_scored": len(t.get("scores", [])),
        "incidents": sum(inc.get(tier, 0) for tier in ("IV", "III", "II", "I")),
        "incident_clocks": clocks,
        "corrective_due": cor["due"],
    }
    order = [d["key"] for d in active_rule(session, "kpis")["data"]["kpis"]]
    values = {k: values.get(k) for k in order} | {k: v for k, v in values.items() if k not in order}
    groups = _groups(found, lint, order) if by is not None else {}
    return KpiReport(start, end, values, groups, counts)


def _groups(found: dict[str, Any], lint_of: dict[int, int], order: list[str]) -> dict[str, dict[str, Value]]:
    """The values per group from the grouped figures; a group's lint is the sum of its sessions'."""
    keys = set().union(*(found[f].keys() for f in found))
    out: dict[str, dict[str, Value]] = {}
    for key in sorted(keys, key=lambda k: (k == "", len(k), k)):
        s, p = found["sessions"].get(key, {}), found["promises"].get(key, {})
        values: dict[str, Value] = dict.fromkeys(order)
        lint = sum(lint_of.get(i, 0) for i in s.get("ids", [])) if s else None
        if found["sessions"] or found["promises"]:
            values |= _session_values(s, p, lint)
        if not found["sessions"]:  # this breakdown cannot split session figures (by product)
            for k in (
                "checklist_completion_rate",
                "checklist_overrides",
                "lint_unexempted",
                "promises_per_session",
            ):
                values[k] = None
        values |= _ticket_values(found["tickets"].get(key, {}), found["orders"].get(key, {}).get("orders", 0))
        out[key] = values
    return out


def month_range(period: str) -> tuple[date, date]:
    """The first and last day of the month "YYYY-MM"; InvalidInput naming ``period`` otherwise."""
    if not re.fullmatch(r"\d{4}-\d{2}", period or "") or not 1 <= int(period[5:]) <= 12:
        raise InvalidInput(i18n.t("kpis.bad_period"), field="period")
    first = date(int(period[:4]), int(period[5:]), 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def month_kpis(
    session: Session, period: str, *, now: datetime | None = None, by: str | None = None
) -> KpiReport:
    """The KPIs of the studio's calendar month ``period`` ("YYYY-MM")."""
    start, end = month_range(period)
    return compute_kpis(session, start=start, end=end, by=by, now=now)


def previous_period(period: str) -> str:
    first, _end = month_range(period)
    before = first - timedelta(days=1)
    return f"{before.year:04d}-{before.month:02d}"


def month_over_month(
    session: Session, period: str, *, now: datetime | None = None
) -> dict[str, tuple[Value, Value, Value]]:
    """{key: (this month, the month before, this − before)}; the change is None when either side is None."""
    this = month_kpis(session, period, now=now).values
    before = month_kpis(session, previous_period(period), now=now).values
    out: dict[str, tuple[Value, Value, Value]] = {}
    for key, value in this.items():
        old = before.get(key)
        change = None if value is None or old is None else round(value - old, 4)
        out[key] = (value, old, change)
    return out


__all__ = [
    "BREAKDOWNS",
    "KpiDefinition",
    "KpiReport",
    "compute_kpis",
    "definitions",
    "month_kpis",
    "month_over_month",
    "month_range",
    "previous_period",
]
