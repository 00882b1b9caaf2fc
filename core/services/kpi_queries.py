"""The reads behind the KPIs (:mod:`core.services.kpis`): a few SQL aggregates and row scans over one period.

Contract: every function only reads, takes the period as UTC bounds ``lo``/``hi`` (the studio's midnights, as
stored strings) and a breakdown ``by`` (None | host | product | platform | session), and returns
``{group key: {figure: value}}`` — the key is "" when ``by`` is None, and "" also collects rows without a
session/product. The definitions these figures feed are the ``kpis`` rule's (resources/rules/kpis.json); the
legal day counts come from the ``deadlines`` rule (消费者权益保护法 Arts 24–25, 处罚办法 Arts 8–9, DOMAIN §4).
Ticket rows of one month (a few thousand on the three-year studio) are read once and measured in Python.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.models import Incident, IncidentAction
from core.services.deadline_rules import DeadlineContext
from core.services.incident_clocks import clock_views, counted
from core.services.ticket_deadlines import HANDLED, REFUND_KINDS

STORED = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime stores UTC on SQLite (as in ticket_queue)
QUALITY_KINDS = ("refund_only", "return_refund", "exchange", "repair")
Groups = dict[str, dict[str, Any]]

# (join, key) per breakdown, for rows reached through a session id column and an order alias.
_SESSION_KEYS = {
    None: ("", "''"),
    "session": ("", "{sid}"),
    "host": ("JOIN session_hosts sh ON sh.session_id = {sid}", "sh.user_id"),
}


def stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STORED)


def parse(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _key_sql(by: str | None, sid: str, order: str | None, platform: str | None) -> tuple[str, str] | None:
    """(JOIN clause, key expression) for a breakdown; None when the rows cannot be broken down that way."""
    if by in _SESSION_KEYS:
        join, key = _SESSION_KEYS[by]
        return join.format(sid=sid), key.format(sid=sid)
    if by == "product" and order is not None:
        return "", f"{order}.product_id"
    if by == "platform" and platform is not None:
        return "", platform
    return None


def _key(value: Any) -> str:
    return "" if value is None else str(value)


def sessions(session: Session, lo: str, hi: str, by: str | None, statuses: list[str]) -> Groups:
    """sessions_live, checklist_complete, checklist_overrides and sessions' ids per group."""
    found = _key_sql(by, "s.id", None, "s.platform")
    if found is None:
        return {}
    join, key = found
    marks = ", ".join(f":st{i}" for i in range(len(statuses)))
    sql = (
        f"SELECT {key}, s.id, r.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM checklist_run_items i"
        " JOIN checklist_template_items ti ON ti.id = i.template_item_id"
        " WHERE i.run_id = r.id AND ti.required AND i.state = 'open'), r.override_at IS NOT NULL"
        f" FROM live_sessions s {join} LEFT JOIN checklist_runs r ON r.session_id = s.id"
        f" WHERE coalesce(s.actual_start, s.planned_start) >= :lo AND coalesce(s.actual_start, s.planned_start) < :hi"
        f" AND s.status IN ({marks})"
    )
    params = {"lo": lo, "hi": hi} | {f"st{i}": v for i, v in enumerate(statuses)}
    out: Groups = defaultdict(lambda: {"sessions_live": 0, "complete": 0, "overrides": 0, "ids": []})
    for group, sid, complete, overridden in session.connection().exec_driver_sql(sql, params):
        row = out[_key(group)]
        row["sessions_live"] += 1
        row["complete"] += int(bool(complete))
        row["overrides"] += int(bool(overridden))
        row["ids"].append(int(sid))
    return dict(out)


def promises(
    session: Session, lo: str, hi: str, by: str | None, now: datetime, statuses: list[str]
) -> Groups:
    """promises (originals logged in the period's live sessions), binding (not retracted) and broken, per group."""
    found = _key_sql(by, "p.session_id", "p", "s.platform")
    if found is None:
        return {}
    join, key = found
    marks = ", ".join(f":st{i}" for i in range(len(statuses)))
    sql = (
        "WITH RECURSIVE chain(root, id, correction) AS ("
        " SELECT p.id, p.id, NULL FROM promises p JOIN live_sessions s ON s.id = p.session_id"
        " WHERE p.corrects_id IS NULL AND coalesce(s.actual_start, s.planned_start) >= :lo"
        f" AND coalesce(s.actual_start, s.planned_start) < :hi AND s.status IN ({marks})"
        " UNION ALL SELECT c.root, p.id, p.correction FROM promises p JOIN chain c ON p.corrects_id = c.id)"
        f" SELECT {key}, p.id,"
        " EXISTS (SELECT 1 FROM chain c WHERE c.root = p.id AND c.correction = 'retraction'),"
        " EXISTS (SELECT 1 FROM chain c JOIN ticket_promises tp ON tp.promise_id = c.id"
        " JOIN tickets t ON t.id = tp.ticket_id WHERE c.root = p.id AND ((t.resolved_at IS NOT NULL"
        " AND t.resolved_at <= :now) OR (t.resolved_at IS NULL AND t.status NOT IN ('rejected', 'closed')"
        " AND t.due_rule LIKE 'promise%' AND t.due_at < :now)))"
        f" FROM promises p JOIN live_sessions s ON s.id = p.session_id {join}"
        " WHERE p.id IN (SELECT root FROM chain WHERE root = id)"
    )
    params = {"lo": lo, "hi": hi, "now": stored(now)} | {f"st{i}": v for i, v in enumerate(statuses)}
    out: Groups = defaultdict(lambda: {"promises": 0, "binding": 0, "broken": 0})
    for group, _pid, retracted, broken in session.connection().exec_driver_sql(sql, params):
        row = out[_key(group)]
        row["promises"] += 1
        if not retracted:
            row["binding"] += 1
            row["broken"] += int(bool(broken))
    return dict(out)


def orders(session: Session, lo: str, hi: str, by: str | None) -> Groups:
    """Order lines paid in the period per group."""
    found = _key_sql(by, "o.session_id", "o", "o.platform")
    if found is None:
        return {}
    join, key = found
    sql = f"SELECT {key}, count(*) FROM orders o {join} WHERE o.paid_at >= :lo AND o.paid_at < :hi GROUP BY 1"
    return {
        _key(g): {"orders": int(n)}
        for g, n in session.connection().exec_driver_sql(sql, {"lo": lo, "hi": hi})
    }


def _handled(session: Session, lo: str, hi: str) -> dict[int, datetime]:
    """When each of the period's tickets was first handled (accepted, refused or closed: the 15-day line stops).

    CROSS JOIN keeps SQLite on ``ix_tickets_opened_at`` first (a plain join scans every event: 300 ms, not 20).
    """
    marks = ", ".join(f"'{s}'" for s in sorted(HANDLED | {"closed"}))
    sql = (
        "SELECT e.ticket_id, min(e.at) FROM tickets t CROSS JOIN ticket_events e ON e.ticket_id = t.id"
        " WHERE t.opened_at >= :lo AND t.opened_at < :hi AND e.kind = 'status'"
        f" AND json_extract(e.data, '$.to') IN ({marks}) GROUP BY e.ticket_id"
    )
    return {int(i): parse(at) for i, at in session.connection().exec_driver_sql(sql, {"lo": lo, "hi": hi})}  # type: ignore[misc]


def _day_end(start: datetime, days: int, context: DeadlineContext, extend: bool) -> datetime:
    """24:00 of the ``days``-th studio day after ``start``'s day (民法典 Arts 201–203), moved past a day off with
    ``extend``."""
    last = start.astimezone(context.zone).date() + timedelta(days=days)
    if extend and not context.calendar.is_workday(last):
        last = context.calendar.next_workday(last)
    return datetime.combine(last + timedelta(days=1), time(0), tzinfo=context.zone)


def tickets(
    session: Session, lo: str, hi: str, by: str | None, now: datetime, context: DeadlineContext, bad_max: int
) -> Groups:
    """Every ticket figure per group (see the ``kpis`` rule for what each one counts)."""
    whole, groups = ticket_figures(session, lo, hi, by, now, context, bad_max)
    return {"": whole} if by is None else groups


def ticket_figures(
    session: Session, lo: str, hi: str, by: str | None, now: datetime, context: DeadlineContext, bad_max: int
) -> tuple[dict[str, Any], Groups]:
    """(the whole period's ticket figures, the figures per group of ``by`` — {} when ``by`` is None).

    One scan: each ticket is measured once and added to the whole and to every group it falls in (a session with
    two hosts puts its tickets in both hosts' groups, once in the whole).
    """
    found = _key_sql(by, "t.session_id", "o", "o.platform")
    if found is None:  # no breakdown of tickets this way: still the whole
        found = _key_sql(None, "t.session_id", "o", "o.platform")
    assert found is not None
    join, key = found
    inner = join.startswith("JOIN")  # the host join: a LEFT JOIN keeps the whole, groups keep the inner rows
    join = "LEFT " + join if inner else join
    orders_join = "LEFT JOIN orders o ON o.id = t.order_id" if by in ("product", "platform") else ""
    sql = (
        f"SELECT {key}, t.id, t.kind, t.reason, t.status, t.opened_at, t.first_response_at, t.return_received_at,"
        f" t.resolved_at, t.satisfaction FROM tickets t {orders_join} {join}"
        " WHERE t.opened_at >= :lo AND t.opened_at < :hi"
    )
    rows = session.connection().exec_driver_sql(sql, {"lo": lo, "hi": hi}).all()
    measure = _ticket_measure(session, lo, hi, now, context, bad_max)
    whole, groups, seen = _blank(), {}, set()
    for group, tid, *fields in rows:
        figures = measure(int(tid), *fields)
        if tid not in seen:
            seen.add(tid)
            _add(whole, figures)
        if by is not None and not (inner and group is None):
            _add(groups.setdefault(_key(group), _blank()), figures)
    return whole, groups


def _add(row: dict[str, Any], figures: dict[str, Any]) -> None:
    for name, value in figures.items():
        if isinstance(row[name], list):
            if value is not None:
                row[name].append(value)
        else:
            row[name] += value


def _ticket_measure(
    session: Session, lo: str, hi: str, now: datetime, context: DeadlineContext, bad_max: int
) -> Any:
    """A function measuring one ticket row into the figures :func:`_blank` sums (lists get one value or None)."""
    handled = _handled(session, lo, hi)
    legal, internal = context.rules["data"]["legal"], context.rules["data"]["internal"]
    breach_kinds = set(legal["handling_breach"]["kinds"])
    first = internal["first_response"]
    limit = timedelta(hours=float(first["business_hours"]))
    hours = {"opens": time.fromisoformat(first["opens"]), "closes": time.fromisoformat(first["closes"])}
    hours["zone"] = context.zone  # type: ignore[assignment]
    cache: dict[int, dict[str, Any]] = {}

    def measure(
        tid: int, kind: str, reason: str, status: str, opened_s: str, first_s: str, received_s: str,
        resolved_s: str, score: int | None,
    ) -> dict[str, Any]:  # fmt: skip
        if tid in cache:
            return cache[tid]
        opened, answered, received, resolved = (
            parse(opened_s),
            parse(first_s),
            parse(received_s),
            parse(resolved_s),
        )
        assert opened is not None
        rejected = status == "rejected" or (status == "closed" and resolved is None)
        row: dict[str, Any] = {
            "tickets": 1,
            "complaints": int(kind == "complaint"),
            "quality": int(kind in QUALITY_KINDS and reason == "quality"),
            "resolved": (resolved - opened).total_seconds() / 3600
            if resolved is not None and not rejected
            else None,
            "rejected": int(rejected),
            "scores": None if score is None else int(score),
            "bad": int(score is not None and int(score) <= bad_max),
            "responses": None if answered is None else (answered - opened).total_seconds() / 3600,
            "response_due": 0,
            "response_in_sla": 0,
            "refunds_due": 0,
            "refunds_in_window": 0,
        }
        if (
            answered is not None and answered - opened <= limit
        ):  # business hours never pass faster than clock hours
            due = answered
        else:
            due = context.calendar.add_business_hours(opened, limit.total_seconds() / 3600, **hours)
        if answered is not None or now > due:
            row["response_due"] = 1
            row["response_in_sla"] = int(answered is not None and answered <= due)
        past = False
        if kind in breach_kinds:
            line = _day_end(opened, int(legal["handling_breach"]["days"]), context, False)
            done = handled.get(tid)
            past = (done or now) > line
        if kind in REFUND_KINDS and received is not None:
            window = _day_end(received, int(legal["refund_after_return"]["days"]), context, False)
            if resolved is not None or now > window:
                row["refunds_due"] = 1
                row["refunds_in_window"] = int(resolved is not None and resolved <= window)
            line = _day_end(received, int(legal["refund_breach"]["days"]), context, False)
            past = past or (resolved or now) > line
        row["past_15"] = int(past)
        cache[tid] = row
        return row

    return measure


def _blank() -> dict[str, Any]:
    return {
        "tickets": 0, "complaints": 0, "quality": 0, "resolved": [], "rejected": 0, "scores": [], "bad": 0,
        "responses": [], "response_due": 0, "response_in_sla": 0, "refunds_due": 0, "refunds_in_window": 0,
        "past_15": 0,
    }  # fmt: skip


def median(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def incidents(session: Session, lo: str, hi: str, now: datetime, rule: dict[str, Any]) -> dict[str, int]:
    """Incidents first seen in the period by current tier, and their clocks met and missed (DOMAIN §6)."""
    out = {"IV": 0, "III": 0, "II": 0, "I": 0, "met": 0, "missed": 0}
    found = session.scalars(
        select(Incident).where(Incident.first_seen_at >= parse(lo), Incident.first_seen_at < parse(hi))
    ).all()
    actions: dict[int, list[IncidentAction]] = defaultdict(list)
    if found:
        for action in session.scalars(
            select(IncidentAction)
            .where(IncidentAction.incident_id.in_([i.id for i in found]))
            .order_by(IncidentAction.at, IncidentAction.id)
        ):
            actions[action.incident_id].append(action)
    for incident in found:
        out[incident.tier] = out.get(incident.tier, 0) + 1
        for view in counted(clock_views(rule["data"], incident, actions[incident.id], now)):
            if view.state in ("met", "missed"):
                out[view.state] += 1
    return out


def corrective(session: Session, start: date, end: date, now: datetime, zone: ZoneInfo) -> dict[str, int]:
    """Corrective actions open at the end of the period (or now), and those due in it: done on time, counted."""
    hi = min(datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone), now)
    sql = "SELECT count(*) FROM corrective_actions WHERE created_at < :hi AND (done_at IS NULL OR done_at >= :hi)"
    still_open = session.connection().exec_driver_sql(sql, {"hi": stored(hi)}).scalar_one()
    rows = session.connection().exec_driver_sql(
        "SELECT due_on, done_at FROM corrective_actions WHERE due_on >= :a AND due_on <= :b",
        {"a": start.isoformat(), "b": end.isoformat()},
    )
    due = on_time = 0
    for due_on, done_s in rows:
        line = datetime.combine(date.fromisoformat(str(due_on)) + timedelta(days=1), time(0), tzinfo=zone)
        done = parse(done_s)
        if done is not None or now >= line:
            due += 1
            on_time += done is not None and done < line
    return {"open": int(still_open), "due": due, "on_time": on_time}


__all__ = [
    "corrective",
    "incidents",
    "median",
    "orders",
    "promises",
    "sessions",
    "stored",
    "ticket_figures",
    "tickets",
]
