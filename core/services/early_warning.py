"""舆情预警 Early warning (issue 6, deliverable 4): a spike of similar tickets or a cluster of low satisfaction
scores proposes an incident, with the tickets that triggered it.

Contract: :func:`proposals` only reads. Every number comes from the active ``early_warning`` rule (DOMAIN §6: tier
III is "≥10 similar complaints a day", configurable):

- ``product_spike``: at least ``similar_tickets_per_studio_day.product`` tickets opened in one studio day on orders
  of the same product (tickets without an order, or orders without a catalogue product, are not counted);
- ``reason_spike``: at least ``similar_tickets_per_studio_day.reason`` tickets of one watched reason
  (``reasons_watched``; a 7-day no-reason return is the buyer's right, not a complaint) in one studio day;
- ``low_satisfaction``: at least ``low_satisfaction.min_count`` tickets scored ``≤ max_score`` among those opened in
  the ``within_studio_days`` studio days ending with the day shown.

Tickets of the kinds in ``kinds_ignored`` (inquiries) never count. A studio day runs from the studio's midnight
(:func:`core.services.studio.studio_zone`), not UTC's. The days looked at are the ``studio_days_shown`` days ending
today, so a spike late last night still shows in the morning. Each spike is one aggregate query over
``ix_tickets_opened_at`` (only the tickets of the days shown are read): a few milliseconds on 200,000 tickets.
"""

from __future__ import annotations

import json
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


def _spikes(
    session: Session, *, by: str, days: list[date], zone: Any, data: dict[str, Any]
) -> list[tuple[int, str, str, int, str]]:
    """(day index, key, name, count, ticket pairs JSON) for each group at or over the threshold."""
    day, params = _day_case(days, zone)
    ignored, ignored_params = _marks("k", list(data.get("kinds_ignored", [])))
    params |= ignored_params
    if by == "product":
        key, name = "o.product_id", "max(coalesce(p.name, o.product_title))"
        source = "tickets t JOIN orders o ON o.id = t.order_id LEFT JOIN products p ON p.id = o.product_id"
        extra = "AND o.product_id IS NOT NULL"
    else:
        key, name, source = "t.reason", "t.reason", "tickets t"
        reasons, reason_params = _marks("r", list(data.get("reasons_watched", [])))
        params |= reason_params
        extra = f"AND t.reason IN ({reasons})"
    sql = (
        f"SELECT {day} AS d, {key}, {name}, count(*), json_group_array(json_array(t.id, t.code)) FROM {source}"
        f" WHERE t.opened_at >= :start AND t.opened_at < :end AND t.kind NOT IN ({ignored}) {extra}"
        f" GROUP BY d, {key} HAVING count(*) >= :threshold ORDER BY d, count(*) DESC, {key}"
    )
    params |= {
        "start": _stored(_midnight(days[0], zone)),
        "end": _stored(_midnight(days[-1] + timedelta(days=1), zone)),
        "threshold": int(data["similar_tickets_per_studio_day"][by]),
    }
    return [tuple(row) for row in session.connection().exec_driver_sql(sql, params)]  # type: ignore[misc]


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
    for by in ("product", "reason"):
        threshold = int(data["similar_tickets_per_studio_day"][by])
        for d, key, name, count, pairs in _spikes(session, by=by, days=days, zone=zone, data=data):
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
                        f"early_warning.{by}_spike",
                        day=days[int(d)].isoformat(),
                        subject=subject_name,
                        count=int(count),
                        threshold=threshold,
                    ),
                    basis=basis,
                )
            )
    found.extend(_low_satisfaction(session, days=days, zone=zone, data=data, basis=basis))
    return tuple(found)


__all__ = ["Proposal", "proposals"]
