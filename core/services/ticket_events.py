"""A ticket's timeline (工单记录): every step is a ``ticket_events`` row and a ledger entry in the same unit of work.

Why: in a dispute the seller must produce original records (电子商务法 Art 62), and the 15-day line for handling a
return (侵害消费者权益行为处罚办法 Arts 8–9) is argued from when each step happened and who took it. So each event row
gets a ``ticket.event`` ledger entry about itself, and whenever the step changed an evidence column of the ticket
(status, timestamps, satisfaction, rejection reason …; see ``core.ledger.LEDGER_SUBJECTS``) the ticket row gets a
``ticket.changed`` entry too (``ticket.created`` when it is new). :func:`core.ledger.verify` then names any event or
ticket row changed behind the app's back.

Contracts: :func:`record_event` is the only writer of events (used by :mod:`core.services.tickets` and
:mod:`core.services.ticket_links`); it writes into the caller's unit of work and never commits.
:func:`ticket_timeline` is read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n, ledger
from core.db.models import Ticket, TicketEvent, User
from core.domain.codes import TicketStatus
from core.domain.roles import Actor
from core.errors import InvalidInput

i18n.register(
    {
        "tickets.no_ticket": ("没有编号为 {id} 的工单", "There is no ticket number {id}"),
        "tickets.event.created": ("新建工单", "Ticket opened"),
        "tickets.event.status": ("状态：{old} → {new}", "Status: {old} → {new}"),
        "tickets.event.assign": ("负责人改为 {owner}", "Owner changed to {owner}"),
        "tickets.event.unassign": ("取消负责人", "Owner removed"),
        "tickets.event.note": ("备注", "Note"),
        "tickets.event.reply": ("回复买家", "Reply to the customer"),
        "tickets.event.attachment": ("附件：{name}", "Attachment: {name}"),
        "tickets.event.promise_link": ("关联承诺 #{id}", "Promise #{id} linked"),
        "tickets.event.promise_unlink": ("取消关联承诺 #{id}", "Promise #{id} unlinked"),
        "tickets.event.call": ("回访", "Follow-up call"),
        "tickets.event.other": ("其他记录：{kind}", "Other entry: {kind}"),
        "tickets.nobody": ("系统", "System"),
        "tickets.status.new": ("新建", "New"),
        "tickets.status.in_progress": ("处理中", "In progress"),
        "tickets.status.waiting_customer": ("等待买家", "Waiting for customer"),
        "tickets.status.waiting_return": ("等待退货", "Waiting for return"),
        "tickets.status.return_received": ("已收到退货", "Return received"),
        "tickets.status.resolved": ("已解决", "Resolved"),
        "tickets.status.rejected": ("已驳回", "Rejected"),
        "tickets.status.closed": ("已结案", "Closed"),
    }
)


@dataclass(frozen=True)
class TicketEventView:
    """One step of the timeline: who (``actor_name``), when (``at``, UTC), what (``summary`` + ``body``).

    ``entry_seq``/``entry_hash``: the latest ledger entry about the event row (None / "" if none vouches for it).
    """

    id: int
    ticket_id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    kind: str
    summary: str
    body: str
    data: dict[str, Any]
    entry_seq: int | None
    entry_hash: str


def load_ticket(session: Session, ticket_id: int) -> Ticket:
    """The ticket ``ticket_id``; InvalidInput naming 'ticket_id' when there is none."""
    row = session.get(Ticket, ticket_id)
    if row is None:
        raise InvalidInput(i18n.t("tickets.no_ticket", id=ticket_id), field="ticket_id")
    return row


def record_event(
    session: Session,
    actor: Actor,
    ticket: Ticket,
    kind: str,
    *,
    body: str = "",
    data: dict[str, Any] | None = None,
    ticket_changed: bool = False,
    at: datetime | None = None,
) -> TicketEvent:
    """Add one event to ``ticket``'s timeline with its ledger entry (and one about the ticket when it changed).

    ``kind``: created, status, assign, note, reply, attachment, promise_link, promise_unlink, call …
    """
    when = at or clock.now()
    session.flush()
    if ticket_changed:
        ticket_kind = "ticket.created" if kind == "created" else "ticket.changed"
        ledger.append(
            session,
            actor,
            ticket_kind,
            subject_type="ticket",
            subject_id=ticket.id,
            data={"code": ticket.code, "status": ticket.status, "event": kind},
        )
    event = TicketEvent(
        ticket_id=ticket.id, at=when, actor_id=actor.user_id, kind=kind, body=body, data=dict(data or {})
    )
    session.add(event)
    session.flush()
    ledger.append(
        session,
        actor,
        "ticket.event",
        subject_type="ticket_event",
        subject_id=event.id,
        data={"ticket": ticket.code, "kind": kind},
    )
    return event


def latest_entries(session: Session, subject_type: str, ids: list[int]) -> dict[int, tuple[int, str]]:
    """Row id -> (seq, hash) of the latest ledger entry about it, for ``subject_type``."""
    found: dict[int, tuple[int, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = [str(i) for i in ids[start : start + 500]]
        marks = ", ".join("?" * len(chunk))
        rows = session.connection().exec_driver_sql(
            "SELECT subject_id, seq, hash FROM ledger_entries WHERE subject_type = ?"
            f" AND subject_id IN ({marks}) ORDER BY seq",
            (subject_type, *chunk),
        )
        for subject_id, seq, digest in rows:
            found[int(subject_id)] = (int(seq), str(digest))
    return found


def status_name(code: str) -> str:
    """The status in the current language (the code itself for a status a later rule version added)."""
    if code not in {s.value for s in TicketStatus}:
        return code
    return i18n.t(f"tickets.status.{code}")


def _summary(event: TicketEvent, names: dict[int, str]) -> str:
    data = event.data or {}
    if event.kind == "status":
        return i18n.t(
            "tickets.event.status", old=status_name(data.get("from", "")), new=status_name(data.get("to", ""))
        )
    if event.kind == "assign":
        owner = data.get("owner_id")
        if owner is None:
            return i18n.t("tickets.event.unassign")
        return i18n.t("tickets.event.assign", owner=names.get(owner, f"#{owner}"))
    if event.kind == "attachment":
        return i18n.t("tickets.event.attachment", name=data.get("name", ""))
    if event.kind in ("promise_link", "promise_unlink"):
        return i18n.t(f"tickets.event.{event.kind}", id=data.get("promise_id", ""))
    if event.kind in ("created", "note", "reply", "call"):
        return i18n.t(f"tickets.event.{event.kind}")
    return i18n.t("tickets.event.other", kind=event.kind)


def ticket_timeline(session: Session, ticket_id: int) -> tuple[TicketEventView, ...]:
    """Every event of the ticket, oldest first, with who, when, what and the ledger entry vouching for it."""
    load_ticket(session, ticket_id)
    events = session.scalars(
        select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.at, TicketEvent.id)
    ).all()
    people = {e.actor_id for e in events if e.actor_id is not None}
    people |= {e.data.get("owner_id") for e in events if e.kind == "assign" and e.data.get("owner_id")}
    names: dict[int, str] = dict(
        session.execute(select(User.id, User.display_name).where(User.id.in_(people))).all()
    )
    entries = latest_entries(session, "ticket_event", [e.id for e in events])
    views = []
    for event in events:
        seq, digest = entries.get(event.id, (None, ""))
        who = names.get(event.actor_id, "") if event.actor_id is not None else i18n.t("tickets.nobody")
        views.append(
            TicketEventView(
                event.id,
                event.ticket_id,
                event.at,
                event.actor_id,
                who,
                event.kind,
                _summary(event, names),
                event.body,
                dict(event.data or {}),
                seq,
                digest,
            )
        )
    return tuple(views)


__all__ = [
    "TicketEventView",
    "latest_entries",
    "load_ticket",
    "record_event",
    "status_name",
    "ticket_timeline",
]
