"""Small builders the tests share: staff accounts and a planned session, written through the real services."""

from __future__ import annotations

from datetime import UTC, datetime

from core.db.models import LiveSession
from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import auth

PLANNED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def add_staff(
    tmp_db, owner, role: Role, username: str | None = None, *, display_name: str | None = None
) -> Actor:
    """A member of staff in ``role`` (username ``u_<role>`` unless given), as the Actor a sign-in would give."""
    username = username or f"u_{role.value}"
    with tmp_db.unit_of_work(owner) as session:
        member = auth.add_staff(
            session,
            owner,
            username=username,
            display_name=display_name or username,
            role=role,
            password="pass-word-123",
        )
    return Actor(member.id, member.display_name, role)


def planned_session(tmp_db, owner, *, title: str = "双十二宠粉夜", start: datetime = PLANNED) -> int:
    """A session planned on Douyin (no lineup, no checklist run yet); returns its id."""
    with tmp_db.unit_of_work(owner) as session:
        live = LiveSession(title=title, platform="douyin", planned_start=start, created_by=owner.user_id)
        session.add(live)
        session.flush()
        return live.id
