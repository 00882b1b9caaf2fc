"""The heading every printed session sheet starts with: the studio, the session, its planned time and its hosts.

Shared by the pre-live sheet (:mod:`core.services.prelive`) and the promise sheet (:mod:`core.services.promise_sheet`)
so both say the same thing the same way. Times are in the studio's timezone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import LiveSession, SessionHost, User
from core.errors import InvalidInput
from core.services.studio import StudioProfile, get_profile


@dataclass(frozen=True)
class SheetHeading:
    live: LiveSession
    profile: StudioProfile
    zone: ZoneInfo
    planned: str  # "2026-11-30 19:30–22:30"
    hosts: tuple[str, ...]  # display names, sorted

    @property
    def studio_name(self) -> str:
        return self.profile.display_name or self.profile.legal_name


def local_time(at: datetime | None, zone: ZoneInfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """``at`` as wall-clock text in ``zone``; "" for no time."""
    return "" if at is None else at.astimezone(zone).strftime(fmt)


def sheet_heading(session: Session, session_id: int, *, missing_key: str) -> SheetHeading:
    """The heading of ``session_id``; an unknown id raises ``InvalidInput`` (``session_id``) with ``missing_key``."""
    live = session.get(LiveSession, session_id)
    if live is None:
        raise InvalidInput(i18n.t(missing_key, id=session_id), field="session_id")
    profile = get_profile(session)
    zone = ZoneInfo(profile.timezone or "Asia/Shanghai")
    planned = local_time(live.planned_start, zone)
    if live.planned_end is not None:
        planned += "–" + local_time(live.planned_end, zone, "%H:%M")
    hosts = session.scalars(
        select(User.display_name)
        .join(SessionHost, SessionHost.user_id == User.id)
        .where(SessionHost.session_id == live.id)
    ).all()
    return SheetHeading(live, profile, zone, planned, tuple(sorted(hosts)))
