"""售后工单 After-sales tickets: opening, the status flow, owner, notes and replies (issue 5, deliverable 2).

Why: a missed 15-day line is a regulatory breach (侵害消费者权益行为处罚办法 Arts 8–9), the refund clock starts when
the return comes back (消费者权益保护法 Arts 24–25), and in a dispute the seller produces original records
(电子商务法 Art 62). So the flow is data (``resources/rules/ticket_flow.json``, with its basis), every step is a
timeline event with a ledger entry (:mod:`core.services.ticket_events`), and the timestamps the clocks run from are
set by the matching transitions.

Contracts (every writer needs 'tickets.work': owner, service; each writes into the caller's unit of work):
- :func:`create_ticket`: ``kind`` one of :class:`~core.domain.codes.TicketKind` ('kind'), ``reason`` one of
  :class:`~core.domain.codes.TicketReason` ('reason'); from an order (``order_id``, 'order_id' if unknown) or from
  scratch (then ``summary`` is required, 'summary'). The code is ``SH-YYYYMM-NNNN``: the month the ticket was opened
  in the studio timezone and the next number of that month. Numbers have no gaps and never repeat: the unit of work
  holds SQLite's write lock (BEGIN IMMEDIATE) from its start, and a rolled-back ticket returns its number.
- :func:`change_status`: only the transitions of the active ``ticket_flow`` rule; otherwise InvalidInput naming
  'status' and the refused transition. Entering ``rejected`` needs ``reason`` ('reason'). Stamps: first response on
  the first reply or the first move away from ``new``; ``return_received_at`` once, on the first receipt;
  ``resolved_at``/``closed_at`` on entering those states (cleared when the ticket is reopened); ``waiting_since``
  while in a state that pauses internal SLA clocks (legal clocks never pause).
- :func:`assign_owner` (an active account, 'owner_id'), :func:`add_note` ('body'), :func:`reply` (a reply template
  and/or text; 'template_id' / 'body').
- Deadlines are not computed here: the deadline engine fills ``Ticket.due_at``/``due_rule`` and
  ``TicketView.deadlines`` (core.services.ticket_view) through :func:`refresh_due`, called after every change
  (a no-op for now).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from core import clock, i18n, rules
from core.db.models import Order, ReplyTemplate, Ticket, User
from core.domain.codes import TicketKind, TicketReason, TicketStatus
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.paths import resource
from core.services.auth import require
from core.services.studio import studio_zone
from core.services.ticket_events import load_ticket, record_event, status_name

i18n.register(
    {
        "tickets.unknown_kind": ("工单类型“{kind}”不存在", "There is no ticket type “{kind}”"),
        "tickets.unknown_reason": ("退货原因“{reason}”不存在", "There is no return reason “{reason}”"),
        "tickets.no_order": ("没有编号为 {id} 的订单", "There is no order number {id}"),
        "tickets.need_summary": (
            "没有关联订单时请填写问题摘要",
            "Without an order, enter a summary of the problem",
        ),
        "tickets.refused_transition": (
            "工单不能从“{old}”改为“{new}”；可以改为：{allowed}",
            "A ticket cannot go from “{old}” to “{new}”; it can go to: {allowed}",
        ),
        "tickets.refused_transition_none": (
            "工单不能从“{old}”改为“{new}”",
            "A ticket cannot go from “{old}” to “{new}”",
        ),
        "tickets.need_reason": ("驳回工单须写明理由", "A rejection needs its reason"),
        "tickets.no_owner": ("没有编号为 {id} 的在职账户", "There is no active account number {id}"),
        "tickets.empty_note": ("请填写备注内容", "Enter the note"),
        "tickets.empty_reply": ("请选择回复模板或填写回复内容", "Choose a reply template or enter the reply"),
        "tickets.no_template": ("没有编号为 {id} 的回复模板", "There is no reply template number {id}"),
        "tickets.bad_flow": ("工单流程规则有误：{problem}", "The ticket flow rule is wrong: {problem}"),
    }
)

_STAMPS = {"resolved": "resolved_at", "closed": "closed_at"}


@dataclass(frozen=True)
class Transition:
    """One allowed step of the flow with its words (zh, en) and note from the rule."""

    source: str
    target: str
    zh: str
    en: str
    note: str


@dataclass(frozen=True)
class TicketFlow:
    """The active ``ticket_flow`` rule, checked: statuses, transitions, code format, follow-up scale."""

    initial: str
    statuses: tuple[str, ...]
    open_statuses: frozenset[str]
    pausing: frozenset[str]
    needs_reason: frozenset[str]
    transitions: dict[tuple[str, str], Transition]
    code_prefix: str
    code_digits: int
    satisfaction_min: int
    satisfaction_max: int
    as_of: str
    basis: tuple[str, ...]

    def next_statuses(self, status: str) -> tuple[str, ...]:
        """The statuses reachable from ``status`` in one step, in the rule's order."""
        return tuple(t for t in self.statuses if (status, t) in self.transitions)


def ticket_flow(session: Session) -> TicketFlow:
    """The active ticket flow (the owner's edited version wins); ValueError naming the problem if it is broken."""
    body = rules.active_rule(session, "ticket_flow")
    data = body["data"]
    known = {s.value for s in TicketStatus}
    statuses = tuple(s["code"] for s in data["statuses"])
    for code in statuses:
        if code not in known:
            raise ValueError(i18n.t("tickets.bad_flow", problem=f"unknown status {code!r}"))
    transitions = {}
    for item in data["transitions"]:
        if item["from"] not in statuses or item["to"] not in statuses:
            raise ValueError(i18n.t("tickets.bad_flow", problem=f"{item['from']} → {item['to']}"))
        step = Transition(item["from"], item["to"], item["zh"], item["en"], item.get("note", ""))
        transitions[(step.source, step.target)] = step
    follow = data.get("follow_up", {})
    return TicketFlow(
        initial=data.get("initial", TicketStatus.NEW.value),
        statuses=statuses,
        open_statuses=frozenset(s["code"] for s in data["statuses"] if s.get("open")),
        pausing=frozenset(s["code"] for s in data["statuses"] if s.get("pauses_internal_sla")),
        needs_reason=frozenset(s["code"] for s in data["statuses"] if s.get("requires_reason")),
        transitions=transitions,
        code_prefix=str(data["code"]["prefix"]),
        code_digits=int(data["code"]["digits"]),
        satisfaction_min=int(follow.get("satisfaction_min", 1)),
        satisfaction_max=int(follow.get("satisfaction_max", 5)),
        as_of=body["as_of"],
        basis=tuple(body["basis"]),
    )


def refresh_due(session: Session, ticket: Ticket) -> None:
    """Hook for the deadline engine (core.domain.deadlines): set ``ticket.due_at``/``due_rule`` from its clocks.

    Called after every change of a ticket (:func:`core.services.ticket_deadlines.refresh`); ``due_at`` is a cache
    for sorting the queue and not an evidence column, so filling it needs no ledger entry.
    """
    from core.services.ticket_deadlines import refresh

    session.flush()
    refresh(session, ticket)


def _next_code(session: Session, flow: TicketFlow, opened_at: Any) -> str:
    month = opened_at.astimezone(studio_zone(session)).strftime("%Y%m")
    prefix = f"{flow.code_prefix}-{month}-"
    start = len(prefix) + 1
    last = session.scalar(
        select(func.max(cast(func.substr(Ticket.code, start), Integer))).where(
            Ticket.code.like(prefix.replace("%", r"\%").replace("_", r"\_") + "%", escape="\\")
        )
    )
    return f"{prefix}{(last or 0) + 1:0{flow.code_digits}d}"


def create_ticket(
    session: Session,
    actor: Actor,
    *,
    kind: str,
    reason: str = TicketReason.OTHER.value,
    order_id: int | None = None,
    summary: str = "",
    buyer_nickname: str = "",
    body: str = "",
) -> Ticket:
    """Open a ticket (see the module contract); returns the new row, its ``created`` event written."""
    require(actor, "tickets.work")
    if kind not in {k.value for k in TicketKind}:
        raise InvalidInput(i18n.t("tickets.unknown_kind", kind=kind), field="kind")
    if reason not in {r.value for r in TicketReason}:
        raise InvalidInput(i18n.t("tickets.unknown_reason", reason=reason), field="reason")
    text = (summary or "").strip()
    nickname = (buyer_nickname or "").strip()
    order = None
    if order_id is not None:
        order = session.get(Order, order_id)
        if order is None:
            raise InvalidInput(i18n.t("tickets.no_order", id=order_id), field="order_id")
        text = text or order.product_title
        nickname = nickname or order.buyer_nickname
    elif not text:
        raise InvalidInput(i18n.t("tickets.need_summary"), field="summary")
    flow = ticket_flow(session)
    opened = clock.now()
    ticket = Ticket(
        code=_next_code(session, flow, opened),
        kind=kind,
        reason=reason,
        status=flow.initial,
        order_id=order_id,
        summary=text[:200],
        buyer_nickname=nickname[:64],
        opened_at=opened,
        created_by=actor.user_id,
    )
    session.add(ticket)
    session.flush()
    data = {"kind": kind, "reason": reason, "order_id": order_id}
    if order is not None:
        data["platform_order_id"] = order.platform_order_id
    record_event(session, actor, ticket, "created", body=(body or "").strip(), data=data, ticket_changed=True)
    refresh_due(session, ticket)
    return ticket


def change_status(
    session: Session, actor: Actor, ticket_id: int, status: str, *, reason: str = "", note: str = ""
) -> Ticket:
    """Move the ticket along the flow (see the module contract); the ``status`` event carries ``note``."""
    require(actor, "tickets.work")
    ticket = load_ticket(session, ticket_id)
    flow = ticket_flow(session)
    old = ticket.status
    if (old, status) not in flow.transitions:
        allowed = [status_name(s) for s in flow.next_statuses(old)]
        if allowed:
            message = i18n.t(
                "tickets.refused_transition",
                old=status_name(old),
                new=status_name(status),
                allowed=("、" if i18n.language() == "zh_CN" else ", ").join(allowed),
            )
        else:
            message = i18n.t("tickets.refused_transition_none", old=status_name(old), new=status_name(status))
        raise InvalidInput(message, field="status")
    why = (reason or "").strip()
    if status in flow.needs_reason and not why:
        raise InvalidInput(i18n.t("tickets.need_reason"), field="reason")
    now = clock.now()
    ticket.status = status
    if ticket.first_response_at is None:
        ticket.first_response_at = now
    if status == TicketStatus.RETURN_RECEIVED.value and ticket.return_received_at is None:
        ticket.return_received_at = now
    if status in _STAMPS:
        setattr(ticket, _STAMPS[status], now)
    if status in flow.open_statuses and old not in flow.open_statuses:  # reopened
        ticket.resolved_at = ticket.closed_at = None
        ticket.rejected_reason = ""
    if status in flow.needs_reason:
        ticket.rejected_reason = why
    if status in flow.pausing:
        ticket.waiting_since = ticket.waiting_since or now
    else:
        ticket.waiting_since = None
    data = {"from": old, "to": status}
    if why:
        data["reason"] = why
    body = "\n".join(part for part in (why, (note or "").strip()) if part)
    record_event(session, actor, ticket, "status", body=body, data=data, ticket_changed=True, at=now)
    refresh_due(session, ticket)
    return ticket


def assign_owner(session: Session, actor: Actor, ticket_id: int, owner_id: int | None) -> Ticket:
    """Make ``owner_id`` (an active account) the ticket's owner, or nobody with ``None``."""
    require(actor, "tickets.work")
    ticket = load_ticket(session, ticket_id)
    if owner_id is not None:
        user = session.get(User, owner_id)
        if user is None or not user.active:
            raise InvalidInput(i18n.t("tickets.no_owner", id=owner_id), field="owner_id")
    previous = ticket.owner_id
    ticket.owner_id = owner_id
    record_event(session, actor, ticket, "assign", data={"owner_id": owner_id, "previous": previous})
    return ticket


def add_note(session: Session, actor: Actor, ticket_id: int, body: str) -> Ticket:
    """An internal note on the timeline (not sent to the buyer)."""
    require(actor, "tickets.work")
    ticket = load_ticket(session, ticket_id)
    text = (body or "").strip()
    if not text:
        raise InvalidInput(i18n.t("tickets.empty_note"), field="body")
    record_event(session, actor, ticket, "note", body=text)
    return ticket


@dataclass(frozen=True)
class ReplyTemplateView:
    id: int
    title: str
    body: str


def _bundled_templates() -> list[dict[str, Any]]:
    path = resource("templates") / "reply_templates.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["data"]["templates"])


def reply_templates(session: Session) -> tuple[ReplyTemplateView, ...]:
    """The studio's reply templates; the bundled ones (same ids) while the table is still empty. Read-only."""
    rows = session.scalars(select(ReplyTemplate).order_by(ReplyTemplate.id)).all()
    if rows:
        return tuple(ReplyTemplateView(r.id, r.title, r.body) for r in rows)
    return tuple(ReplyTemplateView(int(t["id"]), t["title"], t["body"]) for t in _bundled_templates())


def ensure_reply_templates(session: Session) -> int:
    """Copy the bundled templates into ``reply_templates`` when it is empty; returns how many were added."""
    if session.scalar(select(func.count()).select_from(ReplyTemplate)):
        return 0
    bundled = _bundled_templates()
    session.add_all(ReplyTemplate(id=int(t["id"]), title=t["title"], body=t["body"]) for t in bundled)
    session.flush()
    return len(bundled)


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_template(session: Session, ticket: Ticket, template_body: str) -> str:
    """The template with {buyer}, {code} and {product} filled from the ticket (unknown fields kept as written)."""
    order = session.get(Order, ticket.order_id) if ticket.order_id is not None else None
    values = _Blank(
        buyer=ticket.buyer_nickname or "", code=ticket.code, product=order.product_title if order else ""
    )
    return template_body.format_map(values)


def reply(
    session: Session, actor: Actor, ticket_id: int, *, template_id: int | None = None, body: str = ""
) -> Ticket:
    """Record a reply sent to the buyer: ``body`` as edited, else template ``template_id`` filled in.

    The first reply stamps the first response.
    """
    require(actor, "tickets.work")
    now = clock.now()
    ticket = load_ticket(session, ticket_id)
    text = (body or "").strip()
    data: dict[str, Any] = {}
    if template_id is not None:
        ensure_reply_templates(session)
        template = session.get(ReplyTemplate, template_id)
        if template is None:
            raise InvalidInput(i18n.t("tickets.no_template", id=template_id), field="template_id")
        text = text or fill_template(session, ticket, template.body)
        data = {"template_id": template_id, "template": template.title}
    if not text:
        raise InvalidInput(i18n.t("tickets.empty_reply"), field="body")
    first = ticket.first_response_at is None
    if first:
        ticket.first_response_at = now
    record_event(session, actor, ticket, "reply", body=text, data=data, ticket_changed=first, at=now)
    refresh_due(session, ticket)
    return ticket


def find_ticket_id(session: Session, code: str) -> int | None:
    """The id of the ticket with this code (e.g. ``SH-202611-0042``), or None."""
    return session.scalar(select(Ticket.id).where(Ticket.code == code.strip()))


__all__ = [
    "ReplyTemplateView",
    "TicketFlow",
    "Transition",
    "add_note",
    "assign_owner",
    "change_status",
    "create_ticket",
    "ensure_reply_templates",
    "fill_template",
    "find_ticket_id",
    "refresh_due",
    "reply",
    "reply_templates",
    "ticket_flow",
]
