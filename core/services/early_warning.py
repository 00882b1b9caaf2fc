"""舆情预警 Early warning (issue 6, deliverable 4): a spike of similar tickets or a cluster of low satisfaction
scores proposes an incident, with the tickets that triggered it.

Contract: :func:`proposals` only reads. Every number comes from the active ``early_warning`` rule (DOMAIN §6: tier
III is "≥10 similar complaints a day", configurable):

- ``product_spike``: at least ``similar_tickets_per_studio_day.product`` tickets opened in one studio day on orders
  of the same product (tickets without an order, or orders without a catalogue product, are not counted);
- ``reason_spike``: at least ``similar_tickets_per_studio_day.reason`` tickets of one watched reason
  (``reasons_watched``; a 7-day no-reason return is the buyer's right, not a complaint) in one studio day;
- both spikes are relative to volume: the day's count must also reach ``spike_factor`` × the baseline, the
  product's/reason's average daily count over the ``baseline_studio_days`` studio days before that day (days with
  no ticket count as 0; a practitioner default [L], editable). A busy studio's steady dozen a day is no spike; a
  product with no history has baseline 0, so the absolute minimum alone decides (the small studio's case). A rule
  copy without ``baseline_studio_days`` (version 1) has no baseline;
- ``low_satisfaction``: at least ``low_satisfaction.min_count`` tickets scored ``≤ max_score`` among those opened in
  the ``within_studio_days`` studio days ending with the day shown.

Tickets of the kinds in ``kinds_ignored`` (inquiries) never count. A proposal an incident already covers is left
out: every one of its tickets is linked to an incident, or (a product spike) an incident not closed links the
product and was first seen before the end of the proposal's studio day (one more query over ``incident_links``). A studio day runs from the studio's midnight
(:func:`core.services.studio.studio_zone`), not UTC's. The days looked at are the ``studio_days_shown`` days ending
today, so a spike late last night still shows in the morning. Each spike is one aggregate query over
``ix_tickets_opened_at`` (only the tickets of the days shown are read) plus, when a group reaches the minimum, one
aggregate over the baseline days for just those groups: a few milliseconds on 200,000 tickets.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from core import i18n
from core.rules import active_rule
from core.services.studio import studio_zone

_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime stores UTC on SQLite (as in ticket_queue)

i18n.register(
    {
        "early_warning.product_spike": (
            "{day}：商品“{subject}”一天内收到 {count} 张同类工单（阈值 {threshold}），建议登记舆情事件",
            "{day}: {count} tickets on the product “{subject}” in one day (threshold {threshold}); "
            "consider opening an incident",
        ),
        "early_warning.product_spike_usual": (
            "{day}：商品“{subject}”一天内收到 {count} 张同类工单，平时日均 {baseline} 张（阈值 {threshold}），"
            "建议登记舆情事件",
            "{day}: {count} tickets on the product “{subject}” in one day, usually {baseline} a day "
            "(threshold {threshold}); consider opening an incident",
        ),
        "early_warning.reason_spike_usual": (
            "{day}：原因为“{subject}”的工单一天内有 {count} 张，平时日均 {baseline} 张（阈值 {threshold}），"
            "建议登记舆情事件",
            "{day}: {count} tickets for “{subject}” in one day, usually {baseline} a day (threshold {threshold}); "
            "consider opening an incident",
        ),
        "early_warning.reason_spike": (
            "{day}：原因为“{subject}”的工单一天内有 {count} 张（阈值 {threshold}），建议登记舆情事件",
            "{day}: {count} tickets for “{subject}” in one day (threshold {threshold}); consider opening an incident",
        ),
        "early_warning.low_satisfaction": (
            "截至 {day} 的 {days} 天内有 {count} 张工单满意度不高于 {max_score} 分（阈值 {threshold}），建议登记舆情事件",
            "{count} tickets scored {max_score} or lower in the {days} days to {day} (threshold {threshold}); "
            "consider opening an incident",
        ),
        "early_warning.reason.quality": ("质量问题", "quality problem"),
        "early_warning.reason.no_reason": ("七天无理由", "no-reason return"),
        "early_warning.reason.other": ("其他原因", "other reason"),
    }
)


@dataclass(frozen=True)
class Proposal:
    """A proposed incident and the tickets behind it.

    ``subject`` is the product id (as text) for a product spike, the reason code for a reason spike, and "" for
    low satisfaction; ``subject_name`` is what a person reads (the product's name, the reason in words).
    ``baseline`` is the subject's average daily count over the baseline days (0.0: no history, or low satisfaction);
    ``threshold`` is the count that day needed: max(the absolute minimum, ⌈spike_factor × baseline⌉).
    """

    kind: str  # 'product_spike' | 'reason_spike' | 'low_satisfaction'
    subject: str
    subject_name: str
    count: int
    threshold: int
    studio_day: date
    ticket_ids: tuple[int, ...]
    ticket_codes: tuple[str, ...]
    sentence: str
    basis: str
    baseline: float = 0.0


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STORED)


def _midnight(day: date, zone: Any) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def _marks(name: str, values: list[str]) -> tuple[str, dict[str, Any]]:
    values = values or [""]
    return ", ".join(f":{name}{i}" for i in range(len(values))), {
        f"{name}{i}": v for i, v in enumerate(values)
    }


def _day_case(days: list[date], zone: Any) -> tuple[str, dict[str, Any]]:
    """A CASE expression giving the index in ``days`` of the studio day ``t.opened_at`` falls in (DST-exact)."""
    whens = " ".join(f"WHEN t.opened_at < :edge{i} THEN {i}" for i in range(len(days)))
    edges = {f"edge{i}": _stored(_midnight(day + timedelta(days=1), zone)) for i, day in enumerate(days)}
    return f"CASE {whens} END", edges


def _tickets(found: list[list[Any]]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    pairs = sorted((int(i), str(c)) for i, c in found)
    return tuple(i for i, _ in pairs), tuple(c for _, c in pairs)


def _source(by: str, data: dict[str, Any]) -> tuple[str, str, str, str, dict[str, Any]]:
    """(key, name, FROM clause, extra WHERE, params) for tickets grouped by product or by watched reason."""
    ignored, params = _marks("k", list(data.get("kinds_ignored", [])))
    where = f"t.kind NOT IN ({ignored})"
    if by == "product":
        key, name = "o.product_id", "max(coalesce(p.name, o.product_title))"
        source = "tickets t JOIN orders o ON o.id = t.order_id LEFT JOIN products p ON p.id = o.product_id"
        return key, name, source, f"{where} AND o.product_id IS NOT NULL", params
    reasons, reason_params = _marks("r", list(data.get("reasons_watched", [])))
    return "t.reason", "t.reason", "tickets t", f"{where} AND t.reason IN ({reasons})", params | reason_params


def _spikes(
    session: Session, *, by: str, days: list[date], zone: Any, data: dict[str, Any]
) -> list[tuple[int, str, str, int, str]]:
    """(day index, key, name, count, ticket pairs JSON) for each group at or over the absolute minimum."""
    day, params = _day_case(days, zone)
    key, name, source, where, source_params = _source(by, data)
    sql = (
        f"SELECT {day} AS d, {key}, {name}, count(*), json_group_array(json_array(t.id, t.code)) FROM {source}"
        f" WHERE t.opened_at >= :start AND t.opened_at < :end AND {where}"
        f" GROUP BY d, {key} HAVING count(*) >= :threshold ORDER BY d, count(*) DESC, {key}"
    )
    params |= source_params | {
        "start": _stored(_midnight(days[0], zone)),
        "end": _stored(_midnight(days[-1] + timedelta(days=1), zone)),
        "threshold": int(data["similar_tickets_per_studio_day"][by]),
    }
    return [tuple(row) for row in session.connection().exec_driver_sql(sql, params)]  # type: ignore[misc]


def _baselines(
    session: Session, *, by: str, keys: set[Any], days: list[date], zone: Any, data: dict[str, Any]
) -> dict[tuple[int, str], float]:
    """{(day index, key): average daily count over the ``baseline_studio_days`` studio days before that day}.

    One aggregate over the baseline days of every day shown, for the ``keys`` only (those that reached the
    minimum); a key with no ticket in a window averages 0.0 (absent from the result).
    """
    span = int(data.get("baseline_studio_days", 0))
    if span <= 0 or not keys:
        return {}
    key, _name, source, where, params = _source(by, data)
    wanted, wanted_params = _marks("w", sorted(keys, key=str))
    sums = []
    for i, shown in enumerate(days):
        params[f"bs{i}"] = _stored(_midnight(shown - timedelta(days=span), zone))
        params[f"be{i}"] = _stored(_midnight(shown, zone))
        sums.append(f"sum(t.opened_at >= :bs{i} AND t.opened_at < :be{i})")
    sql = (
        f"SELECT {key}, {', '.join(sums)} FROM {source} WHERE t.opened_at >= :bs0 AND t.opened_at < :be{len(days) - 1}"
        f" AND {where} AND {key} IN ({wanted}) GROUP BY {key}"
    )
    found: dict[tuple[int, str], float] = {}
    for row in session.connection().exec_driver_sql(sql, params | wanted_params):
        for i, total in enumerate(row[1:]):
            found[(i, str(row[0]))] = int(total or 0) / span
    return found


def _threshold(minimum: int, factor: float, baseline: float) -> int:
    """The count a day needs: the absolute minimum, and at least ``factor`` × the baseline (rounded up)."""
    return max(minimum, math.ceil(factor * baseline - 1e-9))


def _low_satisfaction(
    session: Session, *, days: list[date], zone: Any, data: dict[str, Any], basis: str
) -> list[Proposal]:
    rule = data["low_satisfaction"]
    within = max(1, int(rule["within_studio_days"]))
    threshold, max_score = int(rule["min_count"]), int(rule["max_score"])
    window = [days[0] - timedelta(days=within - 1 - i) for i in range(within - 1)] + days
    day, params = _day_case(window, zone)
    ignored, ignored_params = _marks("k", list(data.get("kinds_ignored", [])))
    rows = session.connection().exec_driver_sql(
        f"SELECT {day} AS d, json_group_array(json_array(t.id, t.code)) FROM tickets t"
        f" WHERE t.opened_at >= :start AND t.opened_at < :end AND t.satisfaction <= :max_score"
        f" AND t.kind NOT IN ({ignored}) GROUP BY d",
        {
            **params,
            **ignored_params,
            "start": _stored(_midnight(window[0], zone)),
            "end": _stored(_midnight(window[-1] + timedelta(days=1), zone)),
            "max_score": max_score,
        },
    )
    by_day = {int(d): json.loads(pairs) for d, pairs in rows}
    found: list[Proposal] = []
    for last in range(within - 1, len(window)):
        pairs = [p for d in range(last - within + 1, last + 1) for p in by_day.get(d, [])]
        if len(pairs) < threshold:
            continue
        ids, codes = _tickets(pairs)
        shown = window[last]
        found.append(
            Proposal(
                kind="low_satisfaction",
                subject="",
                subject_name="",
                count=len(ids),
                threshold=threshold,
                studio_day=shown,
                ticket_ids=ids,
                ticket_codes=codes,
                sentence=i18n.t(
                    "early_warning.low_satisfaction",
                    day=shown.isoformat(),
                    days=within,
                    count=len(ids),
                    max_score=max_score,
                    threshold=threshold,
                ),
                basis=basis,
            )
        )
    return found


def proposals(session: Session, *, now: datetime, rule: dict[str, Any] | None = None) -> tuple[Proposal, ...]:
    """Incidents the tickets suggest opening at ``now``: spikes first (by day, biggest first), then low scores.

    ``rule`` defaults to the active ``early_warning`` rule document (``{"data": …, "basis": …}``). Read-only.
    """
    body = rule if rule is not None else active_rule(session, "early_warning")
    data = body["data"]
    basis = i18n.in_language(str(data.get("basis", "")))
    zone = studio_zone(session)
    today = now.astimezone(zone).date()
    shown = max(1, int(data.get("studio_days_shown", 1)))
    days = [today - timedelta(days=shown - 1 - i) for i in range(shown)]
    found: list[Proposal] = []
    factor = float(data.get("spike_factor", 0))
    for by in ("product", "reason"):
        minimum = int(data["similar_tickets_per_studio_day"][by])
        spikes = _spikes(session, by=by, days=days, zone=zone, data=data)
        usual = _baselines(session, by=by, keys={row[1] for row in spikes}, days=days, zone=zone, data=data)
        for d, key, name, count, pairs in spikes:
            baseline = usual.get((int(d), str(key)), 0.0)
            threshold = _threshold(minimum, factor, baseline)
            if int(count) < threshold:
                continue
            ids, codes = _tickets(json.loads(pairs))
            subject_name = str(name) if by == "product" else i18n.t(f"early_warning.reason.{key}")
            found.append(
                Proposal(
                    kind=f"{by}_spike",
                    subject=str(key),
                    subject_name=subject_name,
                    count=int(count),
                    threshold=threshold,
                    studio_day=days[int(d)],
                    ticket_ids=ids,
                    ticket_codes=codes,
                    sentence=i18n.t(
                        f"early_warning.{by}_spike_usual" if baseline > 0 else f"early_warning.{by}_spike",
                        day=days[int(d)].isoformat(),
                        subject=subject_name,
                        count=int(count),
                        baseline=f"{baseline:.1f}" if baseline >= 0.1 else f"{baseline:.2f}",
                        threshold=threshold,
                    ),
                    basis=basis,
                    baseline=baseline,
                )
            )
    found.extend(_low_satisfaction(session, days=days, zone=zone, data=data, basis=basis))
    return tuple(_not_covered(session, found, zone))


def _not_covered(session: Session, found: list[Proposal], zone: Any) -> list[Proposal]:
    """``found`` without the proposals an incident already covers (one query over ``incident_links``): every ticket
    linked to an incident, or (a product spike) the product linked to an incident not closed that was first seen
    before the end of the proposal's studio day."""
    if not found:
        return found
    tickets = sorted({i for p in found for i in p.ticket_ids})
    products = sorted({int(p.subject) for p in found if p.kind == "product_spike"})
    rows = (
        session.connection()
        .exec_driver_sql(
            "SELECT 'ticket', l.target_id, NULL FROM incident_links l WHERE l.target_type = 'ticket'"
            " AND l.target_id IN (SELECT value FROM json_each(:tickets))"
            " UNION ALL SELECT 'product', l.target_id, min(i.first_seen_at) FROM incident_links l"
            " JOIN incidents i ON i.id = l.incident_id WHERE l.target_type = 'product' AND i.status != 'closed'"
            " AND l.target_id IN (SELECT value FROM json_each(:products)) GROUP BY l.target_id",
            {"tickets": json.dumps(tickets), "products": json.dumps(products)},
        )
        .all()
    )
    linked = {int(target) for kind, target, _seen in rows if kind == "ticket"}
    seen = {str(target): str(first) for kind, target, first in rows if kind == "product"}

    def covered(p: Proposal) -> bool:
        if p.ticket_ids and linked.issuperset(p.ticket_ids):
            return True
        first = seen.get(p.subject) if p.kind == "product_spike" else None
        return first is not None and first < _stored(_midnight(p.studio_day + timedelta(days=1), zone))

    return [p for p in found if not covered(p)]


__all__ = ["Proposal", "proposals"]
