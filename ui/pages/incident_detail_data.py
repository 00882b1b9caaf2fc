"""What the incident detail panel reads on the lane, and how it words a clock's time left.

Contracts: :func:`load_incident_record` only reads (it runs on the background lane, opening its own session): the
core read model :func:`core.services.incident_view.incident_view`, the tier choices and handling-action kinds of
the active ``incidents`` rule, the people a corrective action can be given to, the sessions and hosts an incident
can be linked to, the rule's clock warning window, the studio timezone, the moment it was judged at, and the
screenshots' thumbnails (scaled on the lane from the vault copy). The widgets never read the database themselves.
:func:`time_left_text` and :func:`clock_colour` are pure: the panel re-evaluates them every 30 s from ``due`` and
the app clock, without reading again. A clock of an earlier tier period (``current`` false) is frozen at the tier
change: met, missed (by how much when the tier changed) or superseded (因级别调整不再适用, grey).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage

NO_VALUE = "—"
THUMB = 96  # screenshot thumbnail edge, px
MISSED_RED = "#a12622"
WARN_ORANGE = "#b35c00"
MET_GREEN = "#1f6b3a"
SUPERSEDED_GREY = "#6b6f76"
CONTEXT = "IncidentDetail"


@dataclass(frozen=True)
class IncidentRecord:
    """One incident as the panel shows it. ``staff``/``hosts``: (user id, name); ``sessions``: (id, title, start);
    ``thumbs``: sha256 → scaled QImage (missing when the vault copy is gone or unreadable)."""

    view: Any
    tier_choices: tuple[Any, ...]
    action_kinds: tuple[Any, ...]
    staff: tuple[tuple[int, str], ...]
    hosts: tuple[tuple[int, str], ...]
    sessions: tuple[tuple[int, str, datetime], ...]
    warning: timedelta
    zone: ZoneInfo
    now: datetime
    thumbs: dict[str, QImage] = field(default_factory=dict)


def load_incident_record(db: Any, incident_id: int, **_lane: Any) -> IncidentRecord:
    """On the lane: everything the panel shows for ``incident_id`` (InvalidInput when it is gone)."""
    from core import clock, vault
    from core.services import incident_view as reads
    from core.services import session_hosts, sessions, studio
    from core.services.incident_actions import incidents_rule

    with db.sessions() as session:
        now = clock.now()
        view = reads.incident_view(session, incident_id, now=now)
        within = float(incidents_rule(session).get("clock_warning", {}).get("within_hours", 0))
        record = IncidentRecord(
            view=view,
            tier_choices=tuple(reads.tier_choices(session)),
            action_kinds=tuple(reads.action_kinds(session)),
            staff=tuple(reads.staff_choices(session)),
            hosts=tuple((h.id, h.display_name) for h in session_hosts.host_candidates(session)),
            sessions=tuple((r.id, r.title, r.planned_start) for r in sessions.list_sessions(session)),
            warning=timedelta(hours=within),
            zone=studio.studio_zone(session),
            now=now,
        )
    for shot in view.screenshots:
        image = QImage(str(vault.path_for(db.vault_dir, shot.sha256)))
        if not image.isNull():
            record.thumbs[shot.sha256] = image.scaled(
                THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
    return record


def studio_time(value: datetime | None, zone: ZoneInfo | None) -> str:
    """``2026-11-28 12:00`` in the studio's timezone; "—" for no time."""
    if value is None:
        return NO_VALUE
    return (value.astimezone(zone) if zone is not None else value).strftime("%Y-%m-%d %H:%M")


def duration_text(span: timedelta, *, round_up: bool = True) -> str:
    """``35 分钟`` / ``3 小时 10 分`` / ``2 天 4 小时`` in whole minutes: time left is rounded up (30 s left reads
    1 minute), time overdue (``round_up=False``) down."""
    seconds = span.total_seconds()
    minutes = max(0, int(-(-seconds // 60) if round_up else seconds // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return (
            QCoreApplication.translate("IncidentDetail", "%1 d %2 h")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours:
        return (
            QCoreApplication.translate("IncidentDetail", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(mins))
        )
    return QCoreApplication.translate("IncidentDetail", "%1 minutes").replace("%1", str(mins))


def clock_state(clock_view: Any, now: datetime) -> str:
    """running | met | missed | superseded, judged at ``now`` (a running clock whose due time passed is missed)."""
    if clock_view.state != "running":
        return str(clock_view.state)
    return "running" if clock_view.due > now else "missed"


def time_left_text(clock_view: Any, now: datetime, zone: ZoneInfo | None) -> str:
    """剩 35 分钟 while running; 已超时 20 分钟 once missed and not met; 已完成 12:05 / 超时完成 13:40 when met;
    因级别调整不再适用 when the tier changed before it was due; 级别调整时已超时 20 分钟 for an earlier tier's clock
    missed and not met (frozen at the tier change)."""
    state = clock_state(clock_view, now)
    ended = getattr(clock_view, "ended_at", None)
    if clock_view.met_at is not None:
        words = (
            QCoreApplication.translate("IncidentDetail", "Met at %1")
            if state == "met"
            else QCoreApplication.translate("IncidentDetail", "Met late at %1")
        )
        return words.replace("%1", studio_time(clock_view.met_at, zone))
    if state == "superseded":
        return QCoreApplication.translate("IncidentDetail", "No longer applies (tier changed)")
    if state == "running":
        return QCoreApplication.translate("IncidentDetail", "%1 left").replace(
            "%1", duration_text(clock_view.due - now)
        )
    if ended is not None:
        return QCoreApplication.translate("IncidentDetail", "Missed by %1 at the tier change").replace(
            "%1", duration_text(ended - clock_view.due, round_up=False)
        )
    return QCoreApplication.translate("IncidentDetail", "Missed by %1").replace(
        "%1", duration_text(now - clock_view.due, round_up=False)
    )


def clock_colour(clock_view: Any, now: datetime, warning: timedelta) -> str:
    """Red when missed, orange within the rule's warning window, green when met in time, grey when superseded by a
    tier change, "" otherwise."""
    state = clock_state(clock_view, now)
    if state == "superseded":
        return SUPERSEDED_GREY
    if state == "missed":
        return MISSED_RED
    if state == "met":
        return MET_GREEN
    return WARN_ORANGE if clock_view.due - now <= warning else ""


def target_name(target_type: str) -> str:
    names = {
        "ticket": QCoreApplication.translate("IncidentDetail", "Ticket"),
        "session": QCoreApplication.translate("IncidentDetail", "Session"),
        "product": QCoreApplication.translate("IncidentDetail", "Product"),
        "host": QCoreApplication.translate("IncidentDetail", "Host"),
    }
    return names.get(target_type, target_type)


__all__ = [
    "CONTEXT",
    "MET_GREEN",
    "MISSED_RED",
    "NO_VALUE",
    "SUPERSEDED_GREY",
    "THUMB",
    "WARN_ORANGE",
    "IncidentRecord",
    "clock_colour",
    "clock_state",
    "duration_text",
    "load_incident_record",
    "studio_time",
    "target_name",
    "time_left_text",
]
