"""舆情 read model (issue 6): the register's rows, one incident's page, and the clocks running out on the dashboard.

Read-only. Clocks come from :func:`core.services.incident_clocks.clock_views` (the ``incidents`` rule's tiers and clock
kinds; the page shows every tier period's clocks, earlier tiers' first); "warn" is a running clock within the rule's
``clock_warning.within_hours`` of its end, or a clock missed.
The similar-complaint count behind the tier suggestion is the number of tickets opened in the studio day of ``now``
about the incident's products (linked directly, or through a linked ticket's order), kinds the ``early_warning``
rule ignores (questions) left out; with no product known, the linked tickets opened that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import i18n, rules
from core.db.models import (
    CorrectiveAction,
    Incident,
    IncidentAction,
    IncidentLink,
    LiveSession,
    Order,
    Product,
    Ticket,
    User,
)
from core.domain.codes import CorrectiveSource
from core.services.incident_actions import handling_guide, incidents_rule, load_incident
from core.services.incident_clocks import ClockView, clock_views
from core.services.incident_register import (
    IncidentRow,
    clocks_running_out,
    incident_rows,
    register_row,
    rule_text,
)
from core.services.incidents import TierSuggestion, suggest_tier
from core.services.studio import studio_today, studio_zone

i18n.register(
    {
        "incidents.action.screenshot": ("添加截图", "Screenshot added"),
        "incidents.action.link": ("关联", "Linked"),
        "incidents.action.tier": ("级别", "Tier"),
        "incidents.action.reach": ("更新传播量", "Reach updated"),
        "incidents.action.corrective_added": ("新增整改", "Corrective action added"),
        "incidents.action.corrective_done": ("整改完成", "Corrective action done"),
        "incidents.action.closed": ("结案", "Closed"),
        "incidents.clocks_text": ("{name} {hours} 小时", "{name} {hours} h"),
        "incidents.session_label": ("场次 #{id} {title}", "Session #{id} {title}"),
    }
)


@dataclass(frozen=True)
class ActionLine:
    id: int
    at: datetime
    actor_name: str
    kind: str
    kind_name: str
    body: str
    data: dict[str, Any]


@dataclass(frozen=True)
class LinkLine:
    target_type: str  # ticket | session | product | host
    target_id: int
    label: str  # "工单 SH-202611-0042", "场次 #30 …", the product's name, the host's name


@dataclass(frozen=True)
class Screenshot:
    sha256: str
    name: str
    media_type: str
    at: datetime


@dataclass(frozen=True)
class CorrectiveLine:
    id: int
    title: str
    owner_id: int | None
    owner_name: str
    due_on: date | None
    done_at: datetime | None
    done_by_name: str
    overdue: bool  # not done and due before the studio's today


@dataclass(frozen=True)
class IncidentView:
    id: int
    code: str
    channel: str
    channel_name: str
    link: str
    summary: str
    snapshot_text: str
    first_seen_at: datetime
    seen_by_name: str
    reach: int | None
    tier: str
    tier_name: str
    tier_owner: str
    tier_trigger: str
    tier_confirmed: bool
    status: str
    status_name: str
    root_cause: str
    close_override_reason: str
    closed_at: datetime | None
    clocks: tuple[ClockView, ...]
    suggestion: TierSuggestion
    similar_today: int
    actions: tuple[ActionLine, ...]
    links: tuple[LinkLine, ...]
    screenshots: tuple[Screenshot, ...]
    corrective: tuple[CorrectiveLine, ...]
    guide: str


@dataclass(frozen=True)
class ActionKind:
    code: str
    name: str
    needs_text: bool


@dataclass(frozen=True)
class TierChoice:
    code: str
    name: str
    owner: str
    trigger: str
    clocks_text: str  # "首次联系 1 小时、解决/整改方案 24 小时"


def _user_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.display_name).where(User.id.in_(wanted))).all())


def _link_label(session: Session, link: IncidentLink) -> str:
    kind = i18n.t(f"incidents.target.{link.target_type}")
    if link.target_type == "ticket":
        code = session.scalar(select(Ticket.code).where(Ticket.id == link.target_id))
        return f"{kind} {code}"
    if link.target_type == "session":
        title = session.scalar(select(LiveSession.title).where(LiveSession.id == link.target_id)) or ""
        return i18n.t("incidents.session_label", id=link.target_id, title=title)
    if link.target_type == "product":
        row = session.execute(select(Product.sku, Product.name).where(Product.id == link.target_id)).first()
        return f"{kind} {row.sku} {row.name}" if row else f"{kind} #{link.target_id}"
    name = session.scalar(select(User.display_name).where(User.id == link.target_id)) or ""
    return f"{kind} {name}"


def similar_today(session: Session, incident_id: int, *, now: datetime) -> int:
    """Tickets opened in the studio day of ``now`` about the incident's products (see the module contract)."""
    zone = studio_zone(session)
    day = now.astimezone(zone).date()
    start = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    end = start + timedelta(days=1)
    links = session.execute(
        select(IncidentLink.target_type, IncidentLink.target_id).where(
            IncidentLink.incident_id == incident_id
        )
    ).all()
    products = {t_id for t_type, t_id in links if t_type == "product"}
    tickets = [t_id for t_type, t_id in links if t_type == "ticket"]
    if tickets:
        products |= set(
            session.scalars(
                select(Order.product_id)
                .join(Ticket, Ticket.order_id == Order.id)
                .where(Ticket.id.in_(tickets), Order.product_id.is_not(None))
            )
        )
    ignored = rules.active_rule(session, "early_warning")["data"].get("kinds_ignored", [])
    query = select(func.count(Ticket.id)).where(
        Ticket.opened_at >= start, Ticket.opened_at < end, Ticket.kind.not_in(ignored)
    )
    if products:
        query = query.join(Order, Ticket.order_id == Order.id).where(Order.product_id.in_(products))
    elif tickets:
        query = query.where(Ticket.id.in_(tickets))
    else:
        return 0
    return int(session.scalar(query) or 0)


def _corrective(session: Session, incident_id: int, today: date) -> tuple[CorrectiveLine, ...]:
    rows = list(
        session.scalars(
            select(CorrectiveAction)
            .where(
                CorrectiveAction.source == CorrectiveSource.INCIDENT.value,
                CorrectiveAction.source_id == incident_id,
            )
            .order_by(CorrectiveAction.due_on, CorrectiveAction.id)
        )
    )
    names = _user_names(session, {r.owner_id for r in rows} | {r.done_by for r in rows})
    return tuple(
        CorrectiveLine(
            id=r.id,
            title=r.title,
            owner_id=r.owner_id,
            owner_name=names.get(r.owner_id or 0, ""),
            due_on=r.due_on,
            done_at=r.done_at,
            done_by_name=names.get(r.done_by or 0, ""),
            overdue=r.done_at is None and r.due_on is not None and r.due_on < today,
        )
        for r in rows
    )


def _action_name(kinds: dict[str, dict[str, Any]], kind: str) -> str:
    return rule_text(kinds[kind]) if kind in kinds else i18n.t(f"incidents.action.{kind}")


def incident_view(session: Session, incident_id: int, *, now: datetime) -> IncidentView:
    """Everything the incident's page shows, measured at ``now``; InvalidInput naming 'incident_id' if unknown."""
    incident = load_incident(session, incident_id)
    data = incidents_rule(session)
    actions = list(
        session.scalars(
            select(IncidentAction)
            .where(IncidentAction.incident_id == incident.id)
            .order_by(IncidentAction.at, IncidentAction.id)
        )
    )
    row = register_row(data, incident, actions, now)
    tier = next(t for t in data["tiers"] if t["code"] == incident.tier)
    names = _user_names(session, {a.actor_id for a in actions} | {incident.seen_by})
    kinds = {a["code"]: a for a in data["actions"]}
    similar = similar_today(session, incident.id, now=now)
    links = session.scalars(
        select(IncidentLink)
        .where(IncidentLink.incident_id == incident.id)
        .order_by(IncidentLink.target_type, IncidentLink.target_id)
    ).all()
    return IncidentView(
        id=incident.id,
        code=incident.code,
        channel=incident.channel,
        channel_name=row.channel_name,
        link=incident.link,
        summary=incident.summary,
        snapshot_text=incident.snapshot_text,
        first_seen_at=incident.first_seen_at,
        seen_by_name=names.get(incident.seen_by or 0, ""),
        reach=incident.reach,
        tier=incident.tier,
        tier_name=row.tier_name,
        tier_owner=rule_text(tier, "owner"),
        tier_trigger=rule_text(tier, "trigger"),
        tier_confirmed=incident.tier_confirmed_by is not None,
        status=incident.status,
        status_name=row.status_name,
        root_cause=incident.root_cause,
        close_override_reason=incident.close_override_reason,
        closed_at=incident.closed_at,
        clocks=clock_views(data, incident, actions, now),
        suggestion=suggest_tier(
            session, channel=incident.channel, similar_today=similar, reach=incident.reach
        ),
        similar_today=similar,
        actions=tuple(
            ActionLine(
                a.id,
                a.at,
                names.get(a.actor_id or 0, ""),
                a.kind,
                _action_name(kinds, a.kind),
                a.body,
                dict(a.data),
            )
            for a in actions
        ),
        links=tuple(LinkLine(li.target_type, li.target_id, _link_label(session, li)) for li in links),
        screenshots=tuple(
            Screenshot(a.data["sha256"], a.data.get("name", ""), a.data.get("media_type", ""), a.at)
            for a in actions
            if a.kind == "screenshot"
        ),
        corrective=_corrective(session, incident.id, studio_today(session, now)),
        guide=handling_guide(session),
    )


def action_kinds(session: Session) -> tuple[ActionKind, ...]:
    """The handling actions a person may record (rule data; there is no "delete the post")."""
    return tuple(
        ActionKind(a["code"], rule_text(a), bool(a.get("needs_text")))
        for a in incidents_rule(session)["actions"]
    )


def tier_choices(session: Session) -> tuple[TierChoice, ...]:
    """Tiers IV–I with their owner, trigger and clocks in words, least severe first."""
    data = incidents_rule(session)
    kinds = {k["code"]: k for k in data["clock_kinds"]}
    return tuple(
        TierChoice(
            t["code"],
            rule_text(t),
            rule_text(t, "owner"),
            rule_text(t, "trigger"),
            "、".join(
                i18n.t(
                    "incidents.clocks_text", name=rule_text(kinds[c["kind"]]), hours=f"{float(c['hours']):g}"
                )
                for c in t["clocks"]
            ),
        )
        for t in data["tiers"]
    )


def staff_choices(session: Session) -> tuple[tuple[int, str], ...]:
    """Active staff who can own a corrective action: (user id, display name), by name."""
    return tuple(
        (uid, name)
        for uid, name in session.execute(
            select(User.id, User.display_name).where(User.active.is_(True)).order_by(User.id)
        )
    )


def find_incident_id(session: Session, code: str) -> int | None:
    """The id of the incident with this code (e.g. ``YQ-202611-003``), or None."""
    return session.scalar(select(Incident.id).where(Incident.code == (code or "").strip().upper()))


__all__ = [
    "ActionKind",
    "ActionLine",
    "CorrectiveLine",
    "IncidentRow",
    "IncidentView",
    "LinkLine",
    "Screenshot",
    "TierChoice",
    "action_kinds",
    "clocks_running_out",
    "find_incident_id",
    "incident_rows",
    "incident_view",
    "similar_today",
    "staff_choices",
    "tier_choices",
]
