"""舆情处理记录 and 整改 (issue 6, deliverables 3 and 5): handling actions, corrective actions, closing an incident.

Basis: DOMAIN §6 and the ``incidents`` rule (action kinds are data); 网络直播营销管理办法 Art 21 — deleting or hiding
unfavourable comments to mislead users is forbidden, so there is no "delete the post" kind and asking for one is
refused with the handling guide's sentence; 电子商务法 Art 62 — original records in a dispute, so every write here
is a ledger entry in the caller's unit of work (subjects ``incident``, ``incident_action``, ``corrective_action``).

Contracts: permission ``incidents.work``; bad input raises :class:`InvalidInput` naming the field before anything is
written. An incident cannot close while a corrective action it needs is open unless the owner gives a reason
(``override_reason``), which is kept on the incident and in the ledger.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n, ledger, rules
from core.db.models import CorrectiveAction, Incident, IncidentAction, User
from core.domain.codes import CorrectiveSource, IncidentStatus, Role
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.services.auth import require
from core.services.studio import studio_today

i18n.register(
    {
        "incidents.no_incident": ("没有编号为 {id} 的舆情", "There is no incident number {id}"),
        "incidents.unknown_action": (
            "没有名为“{kind}”的处理方式；可用的处理方式：{known}",
            "There is no handling action “{kind}”; known actions: {known}",
        ),
        "incidents.action_needs_text": ("“{name}”需要填写内容", "“{name}” needs its text"),
        "incidents.closed_already": ("舆情 {code} 已结案", "Incident {code} is already closed"),
        "incidents.title_required": ("请填写整改事项", "Enter what is to be corrected"),
        "incidents.no_owner": ("没有编号为 {id} 的员工", "There is no staff member number {id}"),
        "incidents.due_not_date": ("完成期限必须是日期", "The due date must be a date"),
        "incidents.due_in_past": (
            "完成期限 {due} 早于今天（{today}）",
            "The due date {due} is before today ({today})",
        ),
        "incidents.no_corrective": (
            "没有编号为 {id} 的整改事项",
            "There is no corrective action number {id}",
        ),
        "incidents.corrective_done": ("整改事项 {id} 已完成", "Corrective action {id} is already done"),
        "incidents.root_cause_required": ("结案前请填写根本原因", "Enter the root cause before closing"),
        "incidents.open_corrective": (
            "还有 {count} 项整改未完成（{titles}）；完成后再结案，或由店主说明理由",
            "{count} corrective action(s) still open ({titles}); finish them first, or the owner gives a reason",
        ),
        "incidents.override_owner_only": (
            "只有店主可以在整改未完成时结案",
            "Only the owner may close an incident while corrective actions are open",
        ),
    }
)


def incidents_rule(session: Session) -> dict[str, Any]:
    """The active ``incidents`` rule data (channels, tiers and clocks, actions, handling guide)."""
    return rules.active_rule(session, "incidents")["data"]


def handling_guide(session: Session) -> str:
    """The handling guide sentence in the current language (why there is no "delete the post" action)."""
    guide = incidents_rule(session)["handling_guide"]
    return str(guide["zh" if i18n.language().startswith("zh") else "en"])


def load_incident(session: Session, incident_id: int) -> Incident:
    """The incident ``incident_id``; InvalidInput naming 'incident_id' when there is none."""
    row = session.get(Incident, incident_id)
    if row is None:
        raise InvalidInput(i18n.t("incidents.no_incident", id=incident_id), field="incident_id")
    return row


def _open(incident: Incident) -> None:
    if incident.status == IncidentStatus.CLOSED:
        raise InvalidInput(i18n.t("incidents.closed_already", code=incident.code), field="incident_id")


def note_incident(session: Session, actor: Actor, incident: Incident, kind: str) -> None:
    """A ledger entry about the incident row itself (``incident.opened`` or ``incident.changed``)."""
    ledger.append(
        session,
        actor,
        f"incident.{kind}",
        subject_type="incident",
        subject_id=incident.id,
        data={"code": incident.code, "tier": incident.tier, "status": incident.status},
    )


def add_action(
    session: Session,
    actor: Actor,
    incident: Incident,
    kind: str,
    *,
    body: str = "",
    data: dict[str, Any] | None = None,
) -> IncidentAction:
    """Write one handling-log row and its ``incident.action`` ledger entry (the only writer of actions)."""
    session.flush()
    row = IncidentAction(
        incident_id=incident.id,
        at=clock.now(),
        actor_id=actor.user_id,
        kind=kind,
        body=body,
        data=dict(data or {}),
    )
    session.add(row)
    session.flush()
    ledger.append(
        session,
        actor,
        "incident.action",
        subject_type="incident_action",
        subject_id=row.id,
        data={"incident": incident.code, "kind": kind},
    )
    return row


def _name(entry: dict[str, Any]) -> str:
    return str(entry["zh" if i18n.language().startswith("zh") else "en"])


def record_action(
    session: Session, actor: Actor, incident_id: int, kind: str, *, body: str = ""
) -> IncidentAction:
    """Log a handling action of a kind the rule lists ('kind'); a kind marked ``needs_text`` (a statement) needs
    its text ('body'). A forbidden kind (deleting the post) is refused with the handling guide's sentence."""
    require(actor, "incidents.work")
    incident = load_incident(session, incident_id)
    _open(incident)
    data = incidents_rule(session)
    if kind in data.get("forbidden_actions", []):
        raise InvalidInput(handling_guide(session), field="kind")
    kinds = {a["code"]: a for a in data["actions"]}
    if kind not in kinds:
        known = "、".join(_name(a) for a in data["actions"])
        raise InvalidInput(i18n.t("incidents.unknown_action", kind=kind, known=known), field="kind")
    text = (body or "").strip()
    if kinds[kind].get("needs_text") and not text:
        raise InvalidInput(i18n.t("incidents.action_needs_text", name=_name(kinds[kind])), field="body")
    row = add_action(session, actor, incident, kind, body=text)
    if incident.status == IncidentStatus.OPEN:
        incident.status = IncidentStatus.HANDLING.value
        note_incident(session, actor, incident, "changed")
    return row


def _note_corrective(session: Session, actor: Actor, row: CorrectiveAction, kind: str) -> None:
    ledger.append(
        session,
        actor,
        f"corrective.{kind}",
        subject_type="corrective_action",
        subject_id=row.id,
        data={"title": row.title, "source": row.source, "source_id": row.source_id},
    )


def add_corrective_action(
    session: Session, actor: Actor, incident_id: int, *, title: str, owner_id: int, due_on: date
) -> CorrectiveAction:
    """A corrective action of the incident: 'title' required, 'owner_id' an existing user, 'due_on' a date not
    before today in the studio's timezone."""
    require(actor, "incidents.work")
    incident = load_incident(session, incident_id)
    _open(incident)
    text = (title or "").strip()
    if not text or len(text) > 200:
        raise InvalidInput(i18n.t("incidents.title_required"), field="title")
    if session.get(User, owner_id) is None:
        raise InvalidInput(i18n.t("incidents.no_owner", id=owner_id), field="owner_id")
    if not isinstance(due_on, date) or isinstance(due_on, datetime):
        raise InvalidInput(i18n.t("incidents.due_not_date"), field="due_on")
    today = studio_today(session)
    if due_on < today:
        raise InvalidInput(i18n.t("incidents.due_in_past", due=due_on, today=today), field="due_on")
    row = CorrectiveAction(
        source=CorrectiveSource.INCIDENT.value,
        source_id=incident.id,
        title=text,
        owner_id=owner_id,
        due_on=due_on,
        created_at=clock.now(),
    )
    session.add(row)
    session.flush()
    _note_corrective(session, actor, row, "added")
    add_action(session, actor, incident, "corrective_added", body=text, data={"corrective_id": row.id})
    return row


def mark_action_done(session: Session, actor: Actor, corrective_id: int) -> CorrectiveAction:
    """Mark a corrective action done now, by ``actor``; refused naming 'corrective_id' if unknown or done. One of an
    incident also goes into its handling log (a ``corrective_done`` action, body the title) in the same unit of
    work, so the log read alone shows when the fix was made (电子商务法 Art 62: the record of a dispute)."""
    require(actor, "incidents.work")
    row = session.get(CorrectiveAction, corrective_id)
    if row is None:
        raise InvalidInput(i18n.t("incidents.no_corrective", id=corrective_id), field="corrective_id")
    if row.done_at is not None:
        raise InvalidInput(i18n.t("incidents.corrective_done", id=corrective_id), field="corrective_id")
    row.done_at, row.done_by = clock.now(), actor.user_id
    _note_corrective(session, actor, row, "done")
    if row.source == CorrectiveSource.INCIDENT.value and row.source_id is not None:
        incident = load_incident(session, row.source_id)
        add_action(
            session, actor, incident, "corrective_done", body=row.title, data={"corrective_id": row.id}
        )
    return row


def open_corrective_actions(session: Session, incident_id: int) -> list[CorrectiveAction]:
    """The incident's corrective actions not yet done, by due date."""
    return list(
        session.scalars(
            select(CorrectiveAction)
            .where(
                CorrectiveAction.source == CorrectiveSource.INCIDENT.value,
                CorrectiveAction.source_id == incident_id,
                CorrectiveAction.done_at.is_(None),
            )
            .order_by(CorrectiveAction.due_on, CorrectiveAction.id)
        )
    )


def close_incident(
    session: Session, actor: Actor, incident_id: int, *, root_cause: str, override_reason: str = ""
) -> Incident:
    """Close after the closure review: 'root_cause' required; refused ('corrective') while a corrective action is
    open unless the owner gives 'override_reason' (kept on the incident and in the ledger)."""
    require(actor, "incidents.work")
    incident = load_incident(session, incident_id)
    _open(incident)
    cause = (root_cause or "").strip()
    if not cause:
        raise InvalidInput(i18n.t("incidents.root_cause_required"), field="root_cause")
    pending = open_corrective_actions(session, incident.id)
    reason = (override_reason or "").strip()
    if pending and not reason:
        titles = "、".join(p.title for p in pending)
        raise InvalidInput(
            i18n.t("incidents.open_corrective", count=len(pending), titles=titles), field="corrective"
        )
    if pending and actor.role != Role.OWNER:
        raise PermissionDenied(i18n.t("incidents.override_owner_only"))
    incident.root_cause = cause
    incident.close_override_reason = reason if pending else ""
    incident.status = IncidentStatus.CLOSED.value
    incident.closed_at = clock.now()
    note_incident(session, actor, incident, "changed")
    add_action(
        session,
        actor,
        incident,
        "closed",
        body=cause,
        data={"override_reason": incident.close_override_reason, "open_corrective": [p.id for p in pending]},
    )
    return incident
