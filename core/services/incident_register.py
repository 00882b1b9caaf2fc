"""舆情登记表 (issue 6): the register's rows with each incident's nearest clock, and the dashboard's clocks running out.

Read-only. Clocks come from :func:`core.services.incident_clocks.clock_views`: the current tier's, and an earlier
tier's clock only when it was missed (one superseded by a tier change neither runs nor counts as missed). "warn" is
a running clock within the ``incidents`` rule's ``clock_warning.within_hours`` of its end, or a clock missed while
the incident is open.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import Incident, IncidentAction
from core.domain.codes import IncidentStatus
from core.services.incident_actions import incidents_rule
from core.services.incident_clocks import ClockView, clock_views, counted

i18n.register(
    {
        "incidents.status.open": ("待处理", "Open"),
        "incidents.status.handling": ("处理中", "Handling"),
        "incidents.status.review": ("复盘中", "In review"),
        "incidents.status.closed": ("已结案", "Closed"),
    }
)


@dataclass(frozen=True)
class IncidentRow:
    """One line of the register: ``nearest`` is the running clock due first (None if none runs); ``warn`` is true
    when it is within the warning window, or when a clock was missed and the incident is still open."""

    id: int
    code: str
    channel: str
    channel_name: str
    tier: str
    tier_name: str
    status: str
    status_name: str
    first_seen_at: datetime
    summary: str
    reach: int | None
    nearest: ClockView | None
    missed: int
    warn: bool


def _zh() -> bool:
    return i18n.language().startswith("zh")


def rule_text(entry: dict[str, Any], key: str = "") -> str:
    suffix = "zh" if _zh() else "en"
    return str(entry.get(f"{key}_{suffix}" if key else suffix, ""))


def _warn_within(data: dict[str, Any]) -> timedelta:
    return timedelta(hours=float(data.get("clock_warning", {}).get("within_hours", 2)))


def register_row(
    data: dict[str, Any], incident: Any, actions: list[IncidentAction], now: datetime
) -> IncidentRow:
    """One register line for ``incident`` (an Incident, or a row with its id, code, channel, tier, status,
    first_seen_at, reach and summary)."""
    channels = {c["code"]: c for c in data["channels"]}
    tiers = {t["code"]: t for t in data["tiers"]}
    closed = incident.status == IncidentStatus.CLOSED
    views = () if closed else counted(clock_views(data, incident, actions, now))
    running = sorted((v for v in views if v.state == "running"), key=lambda v: v.due)
    missed = sum(1 for v in views if v.state == "missed")
    nearest = running[0] if running else None
    warn = missed > 0 or (
        nearest is not None and nearest.left is not None and nearest.left <= _warn_within(data)
    )
    return IncidentRow(
        id=incident.id,
        code=incident.code,
        channel=incident.channel,
        channel_name=rule_text(channels[incident.channel])
        if incident.channel in channels
        else incident.channel,
        tier=incident.tier,
        tier_name=rule_text(tiers[incident.tier]) if incident.tier in tiers else incident.tier,
        status=incident.status,
        status_name=i18n.t(f"incidents.status.{incident.status}"),
        first_seen_at=incident.first_seen_at,
        summary=incident.summary or str(getattr(incident, "snapshot_text", ""))[:60],
        reach=incident.reach,
        nearest=nearest,
        missed=missed,
        warn=warn,
    )


def _actions_by_incident(session: Session, ids: list[int]) -> dict[int, list[IncidentAction]]:
    found: dict[int, list[IncidentAction]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for action in session.scalars(
            select(IncidentAction)
            .where(IncidentAction.incident_id.in_(chunk))
            .order_by(IncidentAction.at, IncidentAction.id)
        ):
            found[action.incident_id].append(action)
    return found


def _sort_key(row: IncidentRow) -> tuple[Any, ...]:
    closed = row.status == IncidentStatus.CLOSED
    due = row.nearest.due.timestamp() if row.nearest else float("inf")
    return (closed, 0 if row.missed and not closed else 1, due, -row.first_seen_at.timestamp())


def incident_rows(
    session: Session, *, now: datetime, status: str = "open", text: str = ""
) -> tuple[IncidentRow, ...]:
    """The register: ``status`` "open" (not closed), "closed" or "" (all); ``text`` matches the code, summary,
    snapshot or link. Open ones first — missed clocks, then the nearest clock — then newest first."""
    query = select(
        Incident.id,
        Incident.code,
        Incident.channel,
        Incident.tier,
        Incident.status,
        Incident.first_seen_at,
        Incident.reach,
        func.coalesce(func.nullif(Incident.summary, ""), func.substr(Incident.snapshot_text, 1, 60)).label(
            "summary"
        ),
    )  # the columns a row shows (not the snapshot text: a register of thousands stays light)
    if status == "open":
        query = query.where(Incident.status != IncidentStatus.CLOSED.value)
    elif status == "closed":
        query = query.where(Incident.status == IncidentStatus.CLOSED.value)
    needle = (text or "").strip()
    if needle:
        like = f"%{needle}%"
        query = query.where(
            or_(
                Incident.code.like(like),
                Incident.summary.like(like),
                Incident.snapshot_text.like(like),
                Incident.link.like(like),
            )
        )
    incidents = list(session.execute(query.order_by(Incident.first_seen_at.desc())))
    data = incidents_rule(session)
    open_ids = [i.id for i in incidents if i.status != IncidentStatus.CLOSED]
    actions = _actions_by_incident(session, open_ids)
    rows = [register_row(data, i, actions.get(i.id, []), now) for i in incidents]
    return tuple(sorted(rows, key=_sort_key))


def clocks_running_out(session: Session, *, now: datetime) -> tuple[IncidentRow, ...]:
    """Open incidents whose clock is within the warning window or missed (the dashboard's list), most urgent first."""
    return tuple(r for r in incident_rows(session, now=now, status="open") if r.warn)
