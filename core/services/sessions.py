"""直播场次 Live sessions: planning a stream, its hosts and their verification (issue 3, deliverable 2).

Why: before each stream the room operator verifies the seller, the products and the wording and keeps the record
(直播电商监督管理办法 2026, DOMAIN.md §1–2); on-camera sellers must be real-name verified and at least 16
(网络直播营销管理办法（试行） Art 17; the numbers and citations are the ``hosts`` rule, resources/rules/hosts.json).

Contract:

- Planning needs ``sessions.plan`` (owner, operator). :func:`plan_session` validates every field
  (``InvalidInput`` naming it, nothing written), creates the session with its hosts and starts its pre-live
  checklist run (:func:`core.services.checklist.start_run`), so every session has one from the start.
- Sessions can be changed only while *planned* or *ready* (``InvalidInput`` naming ``status``).
- Hosts must be active on-camera staff (host, owner or operator); who they are and their verification (real-name
  yes/no and birth date only, changed by the owner) is :mod:`core.services.session_hosts`, re-exported here.
- The lineup side (add, copy, edit prices, remove) is :mod:`core.services.sessions_lineup`, re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import (
    ChecklistRun,
    ChecklistRunItem,
    ChecklistTemplateItem,
    LineupItem,
    LiveSession,
    SessionHost,
    User,
)
from core.domain.codes import ChecklistItemState, Platform
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.checklist import start_run
from core.services.checklist_reopen import reopen_for_change
from core.services.session_hosts import (
    ON_CAMERA_ROLES,
    HostCandidate,
    host_candidates,
    host_checks,
    host_people,
    set_host_verification,
    studio_today,
    studio_zone,
)
from core.services.sessions_lineup import (
    EDITABLE,
    CopyResult,
    LineupCandidate,
    add_lineup_item,
    copy_lineup,
    editable_live,
    get_live,
    lineup_candidates,
    move_lineup_item,
    remove_lineup_item,
    status_name,
    update_lineup_item,
)

i18n.register(
    {
        "sessions.title_required": ("请填写场次标题", "Enter a title for the session"),
        "sessions.title_too_long": (
            "场次标题最多 {n} 个字",
            "A session title may have at most {n} characters",
        ),
        "sessions.shop_too_long": ("店铺名称最多 {n} 个字", "A shop name may have at most {n} characters"),
        "sessions.bad_platform": (
            "未知的平台“{platform}”；可选：{known}",
            "Unknown platform “{platform}”; choose one of: {known}",
        ),
        "sessions.not_a_time": ("“{label}”不是有效的时间", "“{label}” is not a valid time"),
        "sessions.naive_time": (
            "“{label}”缺少时区，无法确定是几点",
            "“{label}” has no time zone, so the moment is unknown",
        ),
        "sessions.end_before_start": (
            "结束时间必须晚于开始时间",
            "The planned end must be after the planned start",
        ),
        "sessions.bad_host": (
            "编号 {id} 不是在职的主播（主播、店主或场控）",
            "Number {id} is not an active on-camera member of staff (host, owner or operator)",
        ),
        "sessions.field.planned_start": ("计划开播时间", "Planned start"),
        "sessions.field.planned_end": ("计划结束时间", "Planned end"),
    }
)

TITLE_MAX = 200
SHOP_MAX = 100
_SESSION_FIELDS = ("title", "platform", "shop", "planned_start", "planned_end")


@dataclass(frozen=True)
class SessionRow:
    """One session as the list and the header show it. Times are aware UTC; show them in the studio's zone."""

    id: int
    title: str
    platform: str  # codes.Platform
    shop: str
    planned_start: datetime
    planned_end: datetime | None
    status: str  # codes.SessionStatus
    host_names: tuple[str, ...]
    lineup_count: int
    checklist_open_required: int | None  # None: no checklist run started
    overridden: bool  # the owner overrode the checklist gate
    host_ids: tuple[int, ...] = ()

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


# --- reading -------------------------------------------------------------------------------------------------------


def _rows(session: Session, lives: list[LiveSession]) -> list[SessionRow]:
    ids = [live.id for live in lives]
    if not ids:
        return []
    hosts: dict[int, list[tuple[int, str]]] = {}
    for session_id, user_id, name in session.execute(
        select(SessionHost.session_id, User.id, User.display_name)
        .join(User, User.id == SessionHost.user_id)
        .where(SessionHost.session_id.in_(ids))
        .order_by(SessionHost.session_id, User.display_name, User.id)
    ):
        hosts.setdefault(session_id, []).append((user_id, name))
    lineup = dict(
        session.execute(
            select(LineupItem.session_id, func.count())
            .where(LineupItem.session_id.in_(ids))
            .group_by(LineupItem.session_id)
        ).all()
    )
    is_open = (ChecklistTemplateItem.required.is_(True)) & (ChecklistRunItem.state == ChecklistItemState.OPEN)
    runs = {
        session_id: (int(open_count or 0), override_at is not None)
        for session_id, override_at, open_count in session.execute(
            select(ChecklistRun.session_id, ChecklistRun.override_at, func.sum(case((is_open, 1), else_=0)))
            .outerjoin(ChecklistRunItem, ChecklistRunItem.run_id == ChecklistRun.id)
            .outerjoin(ChecklistTemplateItem, ChecklistTemplateItem.id == ChecklistRunItem.template_item_id)
            .where(ChecklistRun.session_id.in_(ids))
            .group_by(ChecklistRun.id)
        )
    }
    out = []
    for live in lives:
        run = runs.get(live.id)
        people = hosts.get(live.id, [])
        out.append(
            SessionRow(
                id=live.id,
                title=live.title,
                platform=live.platform,
                shop=live.shop,
                planned_start=live.planned_start,
                planned_end=live.planned_end,
                status=live.status,
                host_names=tuple(name for _, name in people),
                lineup_count=int(lineup.get(live.id, 0)),
                checklist_open_required=None if run is None else run[0],
                overridden=False if run is None else run[1],
                host_ids=tuple(uid for uid, _ in people),
            )
        )
    return out


def list_sessions(
    session: Session, *, status: str | Iterable[str] | None = None, limit: int = 200
) -> list[SessionRow]:
    """Sessions to show: planned/ready ones first, soonest first; then the rest, newest first; at most ``limit``.

    ``status`` keeps only sessions in that status (or any of several). Read-only.
    """
    query = select(LiveSession)
    if status is not None:
        wanted = [status] if isinstance(status, str) else list(status)
        query = query.where(LiveSession.status.in_(wanted))
    upcoming = session.scalars(
        query.where(LiveSession.status.in_(EDITABLE))
        .order_by(LiveSession.planned_start, LiveSession.id)
        .limit(limit)
    ).all()
    rest = session.scalars(
        query.where(LiveSession.status.not_in(EDITABLE))
        .order_by(LiveSession.planned_start.desc(), LiveSession.id.desc())
        .limit(max(0, limit - len(upcoming)))
    ).all()
    return _rows(session, [*upcoming, *rest])


def get_session(session: Session, session_id: int) -> SessionRow:
    """One session as :class:`SessionRow`; ``InvalidInput`` naming ``session_id`` when there is none."""
    return _rows(session, [get_live(session, session_id)])[0]


# --- planning ------------------------------------------------------------------------------------------------------


def _moment(value: Any, field: str) -> datetime:
    label = i18n.t(f"sessions.field.{field}")
    if not isinstance(value, datetime):
        raise InvalidInput(i18n.t("sessions.not_a_time", label=label), field=field)
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(i18n.t("sessions.naive_time", label=label), field=field)
    return value


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    if "title" in fields:
        title = str(fields["title"] or "").strip()
        if not title:
            raise InvalidInput(i18n.t("sessions.title_required"), field="title")
        if len(title) > TITLE_MAX:
            raise InvalidInput(i18n.t("sessions.title_too_long", n=TITLE_MAX), field="title")
        clean["title"] = title
    if "platform" in fields:
        known = [p.value for p in Platform]
        platform = str(fields["platform"] or "")
        if platform not in known:
            raise InvalidInput(
                i18n.t("sessions.bad_platform", platform=platform, known="、".join(known)), field="platform"
            )
        clean["platform"] = platform
    if "shop" in fields:
        shop = str(fields["shop"] or "").strip()
        if len(shop) > SHOP_MAX:
            raise InvalidInput(i18n.t("sessions.shop_too_long", n=SHOP_MAX), field="shop")
        clean["shop"] = shop
    if "planned_start" in fields:
        clean["planned_start"] = _moment(fields["planned_start"], "planned_start")
    if "planned_end" in fields:
        end = fields["planned_end"]
        clean["planned_end"] = None if end is None else _moment(end, "planned_end")
    return clean


def _check_times(start: datetime, end: datetime | None) -> None:
    if end is not None and end <= start:
        raise InvalidInput(i18n.t("sessions.end_before_start"), field="planned_end")


def _host_ids(session: Session, host_ids: Iterable[int]) -> list[int]:
    allowed = {c.id for c in host_candidates(session)}
    ids: list[int] = []
    for user_id in host_ids:
        if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id not in allowed:
            raise InvalidInput(i18n.t("sessions.bad_host", id=user_id), field="host_ids")
        if user_id not in ids:
            ids.append(user_id)
    return ids


def plan_session(
    session: Session,
    actor: Actor,
    *,
    title: str,
    platform: str,
    shop: str = "",
    planned_start: datetime,
    planned_end: datetime | None = None,
    host_ids: Iterable[int] = (),
) -> int:
    """Create a planned session with its hosts and start its checklist run (``sessions.plan``); returns its id.

    Validation (``InvalidInput`` naming the field, nothing written): ``title`` 1–200 characters; ``platform`` a
    :class:`core.domain.codes.Platform` code; ``shop`` ≤ 100; ``planned_start``/``planned_end`` aware datetimes,
    the end (optional) after the start; ``host_ids`` active on-camera staff.
    """
    require(actor, "sessions.plan")
    fields = {"title": title, "platform": platform, "shop": shop, "planned_start": planned_start}
    clean = _clean({**fields, "planned_end": planned_end})
    _check_times(clean["planned_start"], clean["planned_end"])
    hosts = _host_ids(session, host_ids)
    live = LiveSession(**clean, status="planned", created_by=actor.user_id)
    session.add(live)
    session.flush()
    for user_id in hosts:
        session.add(SessionHost(session_id=live.id, user_id=user_id))
    session.flush()
    start_run(session, actor, live.id)
    return live.id


def update_session(session: Session, actor: Actor, session_id: int, **fields: Any) -> SessionRow:
    """Change title, platform, shop, planned_start or planned_end (``sessions.plan``; planned/ready only)."""
    require(actor, "sessions.plan")
    for name in fields:
        if name not in _SESSION_FIELDS:
            raise InvalidInput(i18n.t("sessions.unknown_field", field=name), field=name)
    live = editable_live(session, session_id)
    clean = _clean(fields)
    _check_times(clean.get("planned_start", live.planned_start), clean.get("planned_end", live.planned_end))
    for key, value in clean.items():
        setattr(live, key, value)
    session.flush()
    return get_session(session, live.id)


def set_hosts(session: Session, actor: Actor, session_id: int, host_ids: Iterable[int]) -> SessionRow:
    """Make ``host_ids`` the session's hosts (``sessions.plan``; planned/ready only)."""
    require(actor, "sessions.plan")
    live = editable_live(session, session_id)
    wanted = _host_ids(session, host_ids)
    current = session.scalars(select(SessionHost).where(SessionHost.session_id == live.id)).all()
    for row in current:
        if row.user_id not in wanted:
            session.delete(row)
    have = {row.user_id for row in current}
    for user_id in wanted:
        if user_id not in have:
            session.add(SessionHost(session_id=live.id, user_id=user_id))
    session.flush()
    if set(wanted) != have:
        reopen_for_change(session, actor, live.id, "hosts")
    return get_session(session, live.id)


__all__ = [
    "ON_CAMERA_ROLES",
    "CopyResult",
    "HostCandidate",
    "LineupCandidate",
    "SessionRow",
    "add_lineup_item",
    "copy_lineup",
    "editable_live",
    "get_session",
    "host_candidates",
    "host_checks",
    "host_people",
    "lineup_candidates",
    "list_sessions",
    "move_lineup_item",
    "plan_session",
    "remove_lineup_item",
    "set_host_verification",
    "set_hosts",
    "status_name",
    "studio_today",
    "studio_zone",
    "update_lineup_item",
    "update_session",
]
