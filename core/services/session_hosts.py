"""Who goes on camera in a session, and whether they may (直播前准备：主播核验).

Basis: 网络直播营销管理办法（试行） Art 17 — on-camera sellers are real-name verified and at least 16; the minimum
age, how full age is counted and the citations are the ``hosts`` rule (resources/rules/hosts.json), judged by
:func:`core.domain.hosts.host_verification` on the session's day in the studio's timezone.

Contract:

- Who may appear on camera: active staff whose role is host, owner or operator (:data:`ON_CAMERA_ROLES`) — in a
  small studio the owner or the operator often sells on camera, and then the same verification applies to them.
  Customer-service staff are not offered.
- Verification data is minimal (个人信息保护法 Arts 6, 28): a yes/no for real-name verification done on the
  platform and a birth date. No ID number is ever stored. Changing it needs ``staff.manage`` (the owner): it is a
  fact about a person's staff record that every later session relies on, and the operator who signs the
  "host verified" checklist item should not be the one who vouches for the fact. Each change is in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from core import i18n, rules
from core.db.models import SessionHost, User
from core.domain.codes import Role
from core.domain.hosts import HostCheck, host_verification
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.checklist_reopen import reopen_for_host
from core.services.sessions_lineup import get_live
from core.services.studio import studio_today, studio_zone

i18n.register(
    {
        "sessions.no_user": ("找不到编号为 {id} 的员工", "There is no member of staff number {id}"),
        "sessions.birth_in_future": ("出生日期不能晚于今天", "The birth date cannot be after today"),
        "sessions.not_a_date": ("“{label}”不是有效的日期", "“{label}” is not a valid date"),
        "sessions.field.birth_date": ("出生日期", "Birth date"),
        "sessions.not_on_camera": (
            "{name} 不是上镜人员（主播、店主或场控），不记录其实名核验和出生日期",
            "{name} does not appear on camera (host, owner or operator), so no verification or birth date is kept",
        ),
    }
)

ON_CAMERA_ROLES = (Role.HOST, Role.OWNER, Role.OPERATOR)


@dataclass(frozen=True)
class HostCandidate:
    """A person who may go on camera, with the only verification facts kept: real-name yes/no and birth date."""

    id: int
    display_name: str
    role: str  # codes.Role
    real_name_verified: bool
    birth_date: date | None


def host_candidates(session: Session) -> list[HostCandidate]:
    """Active staff who may be put on camera (see :data:`ON_CAMERA_ROLES`): hosts first, then by name."""
    order = case({role.value: n for n, role in enumerate(ON_CAMERA_ROLES)}, value=User.role)
    users = session.scalars(
        select(User)
        .where(User.active.is_(True), User.role.in_([r.value for r in ON_CAMERA_ROLES]))
        .order_by(order, User.display_name, User.id)
    ).all()
    return [
        HostCandidate(u.id, u.display_name, u.role, bool(u.real_name_verified), u.birth_date) for u in users
    ]


def host_checks(
    session: Session, session_id: int, *, on: date | None = None
) -> tuple[tuple[int, str, HostCheck], ...]:
    """Each host of the session with the ``hosts`` rule's verdict on ``on`` (default: the planned day, studio time)."""
    live = get_live(session, session_id)
    day = on or live.planned_start.astimezone(studio_zone(session)).date()
    rule = rules.active_rule(session, "hosts")
    users = session.scalars(
        select(User)
        .join(SessionHost, SessionHost.user_id == User.id)
        .where(SessionHost.session_id == live.id)
        .order_by(User.display_name, User.id)
    ).all()
    return tuple(
        (u.id, u.display_name, host_verification(bool(u.real_name_verified), u.birth_date, day, rule))
        for u in users
    )


def host_people(session: Session, session_id: int) -> dict[int, HostCandidate]:
    """The stored verification facts of each host of the session (active or not), by user id."""
    users = session.scalars(
        select(User)
        .join(SessionHost, SessionHost.user_id == User.id)
        .where(SessionHost.session_id == session_id)
    ).all()
    return {
        u.id: HostCandidate(u.id, u.display_name, u.role, bool(u.real_name_verified), u.birth_date)
        for u in users
    }


def set_host_verification(
    session: Session, actor: Actor, user_id: int, *, real_name_verified: bool, birth_date: date | None
) -> HostCandidate:
    """Record a person's real-name verification (yes/no) and birth date (``staff.manage``; see the module).

    Only on-camera staff (:data:`ON_CAMERA_ROLES`) have these facts kept; anyone else is refused naming
    ``user_id``. A birth date after today (studio time) is refused naming ``birth_date``. Audited automatically.
    """
    require(actor, "staff.manage")
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise InvalidInput(i18n.t("sessions.no_user", id=user_id), field="user_id")
    if user.role not in {role.value for role in ON_CAMERA_ROLES}:  # data kept only where the law needs it
        raise InvalidInput(i18n.t("sessions.not_on_camera", name=user.display_name), field="user_id")
    if birth_date is not None and (not isinstance(birth_date, date) or isinstance(birth_date, datetime)):
        raise InvalidInput(
            i18n.t("sessions.not_a_date", label=i18n.t("sessions.field.birth_date")), field="birth_date"
        )
    if birth_date is not None and birth_date > studio_today(session):
        raise InvalidInput(i18n.t("sessions.birth_in_future"), field="birth_date")
    changed = (user.real_name_verified, user.birth_date) != (bool(real_name_verified), birth_date)
    user.real_name_verified = bool(real_name_verified)
    user.birth_date = birth_date
    session.flush()
    if changed:  # "host verified" on their planned sessions vouched for the old facts
        reopen_for_host(session, actor, user.id)
    return HostCandidate(user.id, user.display_name, user.role, user.real_name_verified, user.birth_date)
