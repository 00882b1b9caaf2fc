"""The checklist panel's work on the background lane: read one session's run, sign items, pass the gate.

Each function receives plain data (the core ``Database``, the signed-in ``Actor``, ids, text) and opens its own
``db.sessions()`` / ``db.unit_of_work()``; it never touches a widget (ui/tasks.py). Core decides everything:
permissions, required reasons, the go-live gate (core.services.checklist).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.domain.codes import SessionStatus

if TYPE_CHECKING:
    from core.services.checklist_records import ChecklistItemView, ChecklistView

SIGNABLE = frozenset({SessionStatus.PLANNED.value, SessionStatus.READY.value})


@dataclass(frozen=True)
class ChecklistScreen:
    """What the panel shows for one session. ``view`` is None only when no run exists and the reader may not start one."""

    session_id: int
    session_title: str
    status: str  # codes.SessionStatus value
    actual_start: datetime | None
    view: ChecklistView | None
    names: dict[int, str]  # user id -> name shown
    timezone: str

    @property
    def signable(self) -> bool:
        return self.status in SIGNABLE

    def item(self, item_id: int) -> ChecklistItemView | None:
        if self.view is None:
            return None
        return next((item for item in self.view.items if item.id == item_id), None)


def load_checklist(db: Any, actor: Any, session_id: int, **_lane: Any) -> ChecklistScreen:
    """Read the session's run; start it from the active template when none exists yet and the reader may sign."""
    from core.services import auth, checklist
    from core.services.checklist_records import live_session
    from core.services.studio import get_profile

    with db.unit_of_work(actor) as session:
        live = live_session(session, session_id)
        view = checklist.get_run(session, session_id)
        if view is None and live.status in SIGNABLE and actor.may("checklist.sign"):
            view = checklist.start_run(session, actor, session_id)
        names = {member.id: member.display_name for member in auth.list_staff(session)}
        return ChecklistScreen(
            session_id=live.id,
            session_title=live.title,
            status=str(live.status),
            actual_start=live.actual_start,
            view=view,
            names=names,
            timezone=get_profile(session).timezone or "Asia/Shanghai",
        )


def sign_done(db: Any, actor: Any, item_id: int, evidence: Path | None = None, **_lane: Any) -> Any:
    """Mark the item done ('checklist.sign'); with ``evidence`` the file is copied into the vault first."""
    from core.services import checklist
    from core.services.checklist_evidence import mark_done_with_file

    with db.unit_of_work(actor) as session:
        if evidence is None:
            return checklist.mark_done(session, actor, item_id)
        return mark_done_with_file(session, actor, db.vault_dir, item_id, evidence)


def sign_not_applicable(db: Any, actor: Any, item_id: int, reason: str, **_lane: Any) -> Any:
    from core.services import checklist

    with db.unit_of_work(actor) as session:
        return checklist.mark_not_applicable(session, actor, item_id, reason)


def sign_waived(db: Any, actor: Any, item_id: int, reason: str, **_lane: Any) -> Any:
    from core.services import checklist

    with db.unit_of_work(actor) as session:
        return checklist.waive(session, actor, item_id, reason)


def go_live(db: Any, actor: Any, session_id: int, **_lane: Any) -> Any:
    """Move the session to live; core raises GateClosed naming the open required items."""
    from core.services import checklist

    with db.unit_of_work(actor) as session:
        return checklist.go_live(session, actor, session_id)


def override_and_go_live(db: Any, actor: Any, session_id: int, reason: str, **_lane: Any) -> Any:
    """The owner's override and the move to live in one unit of work: both are recorded, or neither."""
    from core.services import checklist

    with db.unit_of_work(actor) as session:
        checklist.override_gate(session, actor, session_id, reason)
        return checklist.go_live(session, actor, session_id)
