"""Reopen checklist sign-offs when the facts they vouched for change (hosts, lineup).

A planned session's "host verified" was signed for the hosts it had then; after a host is swapped, or a host's own
verification is edited, that sign-off no longer covers the session. Likewise the paper, price and gift checks
after the lineup changes. Which items each change reopens is rule data (``resources/rules/checklist_reopen.json``,
editable like every rule). A reopened item goes back to *open* (who, when, reason and evidence cleared) with a
``checklist.reopened`` ledger entry that keeps the earlier sign-off's state, so the history stays in the ledger.
Sessions already live or over are never touched.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, ledger, rules
from core.db.models import ChecklistRun, ChecklistRunItem, ChecklistTemplateItem, LiveSession, SessionHost
from core.domain.codes import ChecklistItemState, SessionStatus
from core.domain.roles import Actor

Cause = Literal["hosts", "lineup"]
_OPEN_TO_CHANGE = (SessionStatus.PLANNED.value, SessionStatus.READY.value)


def reopen_for_change(session: Session, actor: Actor, session_id: int, cause: Cause) -> tuple[str, ...]:
    """Reopen the signed items ``cause`` affects on one planned session; return their codes (maybe none)."""
    live = session.get(LiveSession, session_id)
    if live is None or live.status not in _OPEN_TO_CHANGE:
        return ()
    codes = set(rules.active_rule(session, "checklist_reopen")["data"].get(cause, ()))
    if not codes:
        return ()
    rows = session.execute(
        select(ChecklistRunItem, ChecklistTemplateItem.code)
        .join(ChecklistRun, ChecklistRun.id == ChecklistRunItem.run_id)
        .join(ChecklistTemplateItem, ChecklistTemplateItem.id == ChecklistRunItem.template_item_id)
        .where(
            ChecklistRun.session_id == session_id,
            ChecklistTemplateItem.code.in_(codes),
            ChecklistRunItem.state != ChecklistItemState.OPEN.value,
        )
        .order_by(ChecklistTemplateItem.position)
    ).all()
    when = clock.now()
    for item, code in rows:
        previous = {"state": item.state, "by_user_id": item.by_user_id, "reason": item.reason}
        item.state = ChecklistItemState.OPEN.value
        item.reason = ""
        item.by_user_id = None
        item.at = None
        item.evidence_sha256 = None
        ledger.append(
            session,
            actor,
            "checklist.reopened",
            subject_type="checklist_item",
            subject_id=item.id,
            data={"session_id": session_id, "code": code, "cause": cause, "previous": previous},
            at=when,
        )
    return tuple(code for _item, code in rows)


def reopen_for_host(session: Session, actor: Actor, user_id: int) -> dict[int, tuple[str, ...]]:
    """A host's verification changed: reopen the host items of every planned session they appear on."""
    session_ids = session.scalars(
        select(SessionHost.session_id)
        .join(LiveSession, LiveSession.id == SessionHost.session_id)
        .where(SessionHost.user_id == user_id, LiveSession.status.in_(_OPEN_TO_CHANGE))
    ).all()
    found = {sid: reopen_for_change(session, actor, sid, "hosts") for sid in session_ids}
    return {sid: codes for sid, codes in found.items() if codes}
