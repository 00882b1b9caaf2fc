"""The pre-live checklist gate (直播前准备): one signed checklist per live session before it may go live.

Why: before each stream the room operator verifies the seller's identity, licences, product qualifications and sales
wording, and keeps those records at least three years (《直播电商监督管理办法》, SAMR + CAC, in force 2026-02-01);
the group standard 《直播电商售后服务规范》 puts these checks in its 基本要求 and 直播前准备 chapters.

Contract:

- The items are data: ``resources/checklists/prelive.json`` (``version``, ``as_of``, ``sources``, items with code,
  title, chapter, required, basis). :func:`ensure_template` copies a bundled version the database lacks; the newest
  version becomes the active one. Runs keep pointing at the template version they were started with.
- :func:`start_run` makes the session's one run from the active template ('checklist.sign'); starting again returns
  the existing run. Every run item, when created and whenever signed, gets a ledger entry about its row
  (``checklist.item_opened`` / ``checklist.signed``), so :func:`core.ledger.verify` vouches for each item's state.
- An item is closed when *done*, *not applicable* with a reason, or *waived* by the owner with a reason
  ('checklist.waive'). Sign-offs are refused once the session is live or over.
- :func:`can_go_live` allows when no required item is open, or when the owner overrode the gate with a reason
  (:func:`override_gate`, 'checklist.waive'; recorded on the run and in the ledger). :func:`go_live` moves the session
  to *live* only then ('sessions.plan'), and raises :class:`GateClosed` naming the open items otherwise.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n, ledger
from core.db.models import (
    ChecklistRun,
    ChecklistRunItem,
    ChecklistTemplateItem,
    LiveSession,
    VaultFile,
)
from core.domain.codes import ChecklistItemState, SessionStatus
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.checklist_records import (
    ChecklistItemView,
    ChecklistView,
    GateClosed,
    GateResult,
    active_template,
    bundled_template,
    ensure_template,
    get_run,
    live_session,
    run_of,
    view_of,
)

i18n.register(
    {
        "checklist.no_item": ("没有编号为 {id} 的检查项", "There is no checklist item number {id}"),
        "checklist.reason_needed": (
            "“{title}”标为{state}时必须写明理由",
            "Marking “{title}” as {state} needs a reason",
        ),
        "checklist.override_reason_needed": (
            "越过开播检查必须写明理由",
            "Overriding the pre-live check needs a reason",
        ),
        "checklist.bad_evidence": (
            "证据文件 {sha} 不在证据库中，请先添加文件",
            "The evidence file {sha} is not in the vault; add the file first",
        ),
        "checklist.frozen": (
            "场次“{title}”已{status}，检查清单不能再修改",
            "Session “{title}” is {status}; its checklist can no longer change",
        ),
        "checklist.not_startable": (
            "场次“{title}”当前状态为“{status}”，不能开播",
            "Session “{title}” is “{status}” and cannot go live",
        ),
        "checklist.gate_no_run": (
            "场次“{title}”还没有开始开播检查，不能开播",
            "Session “{title}” has no pre-live checklist yet and cannot go live",
        ),
        "checklist.gate_closed": (
            "场次“{title}”还有 {n} 项必查项未完成，不能开播：{items}",
            "Session “{title}” still has {n} required item(s) open and cannot go live: {items}",
        ),
        "checklist.state.na": ("不适用", "not applicable"),
        "checklist.state.waived": ("豁免", "waived"),
        "checklist.status.live": ("开播", "live"),
        "checklist.status.ended": ("结束", "ended"),
        "checklist.status.reviewed": ("复盘", "reviewed"),
        "checklist.status.planned": ("计划中", "planned"),
        "checklist.status.ready": ("已就绪", "ready"),
    }
)

_SIGNABLE_STATUSES = frozenset({SessionStatus.PLANNED, SessionStatus.READY})
MAX_REASON = 2000


def _start(session: Session, actor: Actor, live: LiveSession, now: datetime) -> ChecklistRun:
    template = active_template(session)
    run = ChecklistRun(session_id=live.id, template_id=template.id, started_at=now)
    session.add(run)
    session.flush()
    template_items = session.scalars(
        select(ChecklistTemplateItem)
        .where(ChecklistTemplateItem.template_id == template.id)
        .order_by(ChecklistTemplateItem.position)
    ).all()
    for template_item in template_items:
        item = ChecklistRunItem(
            run_id=run.id, template_item_id=template_item.id, state=ChecklistItemState.OPEN
        )
        session.add(item)
        session.flush()
        ledger.append(
            session,
            actor,
            "checklist.item_opened",
            subject_type="checklist_item",
            subject_id=item.id,
            data={"session_id": live.id, "run_id": run.id, "code": template_item.code},
            at=now,
        )
    return run


def start_run(
    session: Session, actor: Actor, session_id: int, *, now: datetime | None = None
) -> ChecklistView:
    """Start the session's checklist from the active template ('checklist.sign'); an existing run is returned."""
    require(actor, "checklist.sign")
    live = live_session(session, session_id)
    run = run_of(session, session_id)
    if run is None:
        run = _start(session, actor, live, now or clock.now())
    return view_of(session, run)


def _check_signable(live: LiveSession) -> None:
    if live.status not in _SIGNABLE_STATUSES:
        status = i18n.t(f"checklist.status.{live.status}")
        raise InvalidInput(i18n.t("checklist.frozen", title=live.title, status=status), field="status")


def _sign(
    session: Session,
    actor: Actor,
    run_item_id: int,
    state: ChecklistItemState,
    *,
    reason: str = "",
    evidence_sha256: str | None = None,
    now: datetime | None = None,
) -> ChecklistItemView:
    item = session.get(ChecklistRunItem, run_item_id)
    if item is None:
        raise InvalidInput(i18n.t("checklist.no_item", id=run_item_id), field="run_item_id")
    run = session.get(ChecklistRun, item.run_id)
    template_item = session.get(ChecklistTemplateItem, item.template_item_id)
    assert run is not None and template_item is not None
    live = live_session(session, run.session_id)
    _check_signable(live)
    reason = (reason or "").strip()[:MAX_REASON]
    if state != ChecklistItemState.DONE and not reason:
        label = i18n.t(f"checklist.state.{state.value}")
        raise InvalidInput(
            i18n.t("checklist.reason_needed", title=template_item.title, state=label), field="reason"
        )
    if evidence_sha256 is not None:
        evidence_sha256 = evidence_sha256.strip().lower()
        if session.get(VaultFile, evidence_sha256) is None:
            raise InvalidInput(i18n.t("checklist.bad_evidence", sha=evidence_sha256), field="evidence_sha256")
    when = now or clock.now()
    item.state = state.value
    item.reason = reason
    item.by_user_id = actor.user_id
    item.at = when
    item.evidence_sha256 = evidence_sha256
    ledger.append(
        session,
        actor,
        "checklist.signed",
        subject_type="checklist_item",
        subject_id=item.id,
        data={
            "session_id": live.id,
            "run_id": run.id,
            "code": template_item.code,
            "state": state.value,
            "reason": reason,
            "evidence_sha256": evidence_sha256,
        },
        at=when,
    )
    return next(view for view in view_of(session, run).items if view.id == item.id)


def mark_done(
    session: Session,
    actor: Actor,
    run_item_id: int,
    *,
    evidence_sha256: str | None = None,
    now: datetime | None = None,
) -> ChecklistItemView:
    """Sign the item off as done ('checklist.sign'), optionally with an evidence file already in the vault."""
    require(actor, "checklist.sign")
    return _sign(
        session, actor, run_item_id, ChecklistItemState.DONE, evidence_sha256=evidence_sha256, now=now
    )


def mark_not_applicable(
    session: Session, actor: Actor, run_item_id: int, reason: str, *, now: datetime | None = None
) -> ChecklistItemView:
    """Close the item as not applicable to this session ('checklist.sign'); ``reason`` is required."""
    require(actor, "checklist.sign")
    return _sign(session, actor, run_item_id, ChecklistItemState.NOT_APPLICABLE, reason=reason, now=now)


def waive(
    session: Session, actor: Actor, run_item_id: int, reason: str, *, now: datetime | None = None
) -> ChecklistItemView:
    """Waive the item (owner only: 'checklist.waive'); ``reason`` is required."""
    require(actor, "checklist.waive")
    return _sign(session, actor, run_item_id, ChecklistItemState.WAIVED, reason=reason, now=now)


# --- the gate ----------------------------------------------------------------------------------------------------


def open_required_items(session: Session, session_id: int) -> tuple[ChecklistItemView, ...]:
    """The session's required items still open (empty when no run was started: see :func:`can_go_live`)."""
    view = get_run(session, session_id)
    return () if view is None else view.open_required


def can_go_live(session: Session, session_id: int) -> GateResult:
    """Whether the session may move to *live*: a run exists and no required item is open, or the owner overrode."""
    live_session(session, session_id)
    view = get_run(session, session_id)
    if view is None:
        return GateResult(allowed=False, open_items=(), run_started=False, overridden=False)
    open_items = view.open_required
    return GateResult(
        allowed=view.overridden or not open_items,
        open_items=open_items,
        run_started=True,
        overridden=view.overridden,
    )


def override_gate(
    session: Session, actor: Actor, session_id: int, reason: str, *, now: datetime | None = None
) -> ChecklistView:
    """Let the session go live despite open items (owner only: 'checklist.waive'); recorded with who, when, why.

    Starts the run first when none exists, so the override always sits on a run and the open items are on record.
    """
    require(actor, "checklist.waive")
    reason = (reason or "").strip()[:MAX_REASON]
    if not reason:
        raise InvalidInput(i18n.t("checklist.override_reason_needed"), field="reason")
    live = live_session(session, session_id)
    _check_signable(live)
    when = now or clock.now()
    run = run_of(session, session_id) or _start(session, actor, live, when)
    run.override_by = actor.user_id
    run.override_reason = reason
    run.override_at = when
    open_codes = [item.code for item in view_of(session, run).open_required]
    ledger.append(
        session,
        actor,
        "checklist.override",
        data={"session_id": live.id, "run_id": run.id, "reason": reason, "open_items": open_codes},
        at=when,
    )
    return view_of(session, run)


def go_live(session: Session, actor: Actor, session_id: int, *, now: datetime | None = None) -> GateResult:
    """Move the session to *live* and stamp ``actual_start`` ('sessions.plan'), only if :func:`can_go_live` allows.

    Raises :class:`GateClosed` naming the open required items (or the missing run) otherwise, and ``InvalidInput``
    when the session is not planned or ready.
    """
    require(actor, "sessions.plan")
    live = live_session(session, session_id)
    if live.status not in _SIGNABLE_STATUSES:
        raise InvalidInput(
            i18n.t(
                "checklist.not_startable", title=live.title, status=i18n.t(f"checklist.status.{live.status}")
            ),
            field="status",
        )
    gate = can_go_live(session, session_id)
    if not gate.allowed:
        if not gate.run_started:
            raise GateClosed(i18n.t("checklist.gate_no_run", title=live.title))
        names = "、".join(item.title for item in gate.open_items)
        raise GateClosed(
            i18n.t("checklist.gate_closed", title=live.title, n=len(gate.open_items), items=names),
            gate.open_items,
        )
    when = now or clock.now()
    live.status = SessionStatus.LIVE.value
    live.actual_start = when
    ledger.append(
        session,
        actor,
        "session.went_live",
        data={
            "session_id": live.id,
            "overridden": gate.overridden,
            "open_items": [i.code for i in gate.open_items],
        },
        at=when,
    )
    return gate


__all__ = [
    "ChecklistItemView",
    "ChecklistView",
    "GateClosed",
    "GateResult",
    "bundled_template",
    "can_go_live",
    "ensure_template",
    "get_run",
    "go_live",
    "mark_done",
    "mark_not_applicable",
    "open_required_items",
    "override_gate",
    "start_run",
    "waive",
]
