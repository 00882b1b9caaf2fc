"""What a ticket points at: vault attachments, promises said on air, the follow-up call, over-promise warnings.

Why: in a dispute the seller produces original records (电子商务法 Art 62), so a buyer's photo or a chat screenshot
is copied into the vault and the ticket points at it by SHA-256; promises said on air bind (消费者权益保护法实施条例
2024; gifts too: 法释〔2022〕8号 Art 8), so a claim is linked to the promise as logged, and a gift promised to the
first N buyers that more than N paid for is a warning the desk must see before the complaints arrive.

Contracts (writers need 'tickets.work'; each writes into the caller's unit of work and records a timeline event with
its ledger entry through :func:`core.services.ticket_events.record_event`):
- :func:`attach_file` / :func:`attach_bytes`: the file must be readable and within the ``max_document_mb`` of the
  ``documents`` rule ('file'); the vault record, the ``attachments`` row and the event are one savepoint, and a file
  newly copied into the vault is removed again when it fails.
- :func:`link_promise` / :func:`unlink_promise` ('promise_id' when unknown, already linked or not linked).
- :func:`record_follow_up`: satisfaction within the ``ticket_flow`` rule's scale (1–5) or None for a call that got
  no score ('satisfaction'); the score is stored on the ticket (an evidence column, so the ticket gets an entry too).
- :func:`suggest_promises` and :func:`over_promise_warnings` are read-only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n, vault
from core.db.models import Attachment, Order, Promise, TicketPromise, VaultFile
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.catalog import documents_rule
from core.services.catalog_documents import DEFAULT_MAX_DOCUMENT_MB, check_upload
from core.services.promises import PromiseView, list_promises, paid_orders, quantity_counters
from core.services.ticket_events import load_ticket, record_event
from core.services.tickets import refresh_due, ticket_flow

i18n.register(
    {
        "tickets.file_not_file": ("附件 {path} 不是文件", "The attachment {path} is not a file"),
        "tickets.file_unreadable": (
            "无法读取附件 {path}：{reason}",
            "The attachment {path} cannot be read: {reason}",
        ),
        "tickets.file_too_large": (
            "附件 {path} 有 {size_mb} MB，超过上限 {limit_mb} MB；请压缩或截取关键部分后再上传",
            "The attachment {path} is {size_mb} MB, above the {limit_mb} MB limit; compress it or keep the part "
            "that matters",
        ),
        "tickets.empty_bytes": ("附件内容为空", "The attachment is empty"),
        "tickets.no_promise": ("没有编号为 {id} 的承诺", "There is no promise number {id}"),
        "tickets.promise_linked": (
            "承诺 #{id} 已关联到本工单",
            "Promise #{id} is already linked to this ticket",
        ),
        "tickets.promise_not_linked": (
            "承诺 #{id} 没有关联到本工单",
            "Promise #{id} is not linked to this ticket",
        ),
        "tickets.bad_satisfaction": (
            "满意度须为 {low}–{high} 分的整数（未评分请留空）",
            "Satisfaction must be a whole number from {low} to {high} (leave it empty for no score)",
        ),
        "tickets.over_promise": (
            "承诺“{wording}”限量 {limit} 份，本场该商品已有 {paid} 笔付款订单，超出 {over} 笔：请核对赠品发放并准备售后说明",
            "The promise “{wording}” was limited to {limit}, but {paid} orders were paid for it in this session, "
            "{over} more: check the gifts handed out and prepare the after-sales answer",
        ),
    }
)

FILE_MESSAGES = ("tickets.file_not_file", "tickets.file_unreadable", "tickets.file_too_large")


@dataclass(frozen=True)
class AttachmentView:
    """A vault file attached to a ticket; ``in_vault`` is False when the file is missing or its content changed."""

    id: int
    sha256: str
    original_name: str
    size: int
    media_type: str
    caption: str
    added_by: int | None
    added_at: datetime
    in_vault: bool


@dataclass(frozen=True)
class OverPromiseWarning:
    """An active promise with a quantity limit that more paid orders than the limit claim (``message`` says so)."""

    promise_id: int
    session_id: int
    product_id: int | None
    wording: str
    gift: str
    limit: int | float
    paid_orders: int
    message: str


def _attach(
    session: Session, actor: Actor, vault_dir: Path, ticket_id: int, store, sha_ahead: str, caption: str
):
    ticket = load_ticket(session, ticket_id)
    with vault.stored_with(session, vault_dir, sha_ahead):
        try:
            sha = store()
        except OSError as exc:
            raise InvalidInput(str(exc), field="file") from exc
        stored = session.get(VaultFile, sha)
        row = Attachment(
            subject_type="ticket", subject_id=ticket.id, vault_sha256=sha, caption=(caption or "").strip()[:200],
            added_by=actor.user_id, added_at=clock.now(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        name = stored.original_name if stored is not None else ""
        data = {
            "attachment_id": row.id,
            "sha256": sha,
            "name": name,
            "size": stored.size if stored else 0,
        }
        record_event(session, actor, ticket, "attachment", body=row.caption, data=data)
        return row


def attach_file(
    session: Session, actor: Actor, vault_dir: Path, ticket_id: int, file: Path, *, caption: str = ""
) -> Attachment:
    """Copy ``file`` into the vault and attach it to the ticket (see the module contract)."""
    require(actor, "tickets.work")
    source = Path(file)
    limit = float(documents_rule(session).get("max_document_mb", DEFAULT_MAX_DOCUMENT_MB))
    check_upload(source, limit, FILE_MESSAGES)
    with source.open("rb") as handle:
        sha_ahead = hashlib.file_digest(handle, "sha256").hexdigest()
    return _attach(
        session, actor, vault_dir, ticket_id, lambda: vault.store_file(session, vault_dir, source, actor),
        sha_ahead, caption,
    )  # fmt: skip


def attach_bytes(
    session: Session,
    actor: Actor,
    vault_dir: Path,
    ticket_id: int,
    data: bytes,
    *,
    original_name: str,
    caption: str = "",
) -> Attachment:
    """Like :func:`attach_file` for content in memory (a pasted screenshot)."""
    require(actor, "tickets.work")
    if not data:
        raise InvalidInput(i18n.t("tickets.empty_bytes"), field="file")
    limit = float(documents_rule(session).get("max_document_mb", DEFAULT_MAX_DOCUMENT_MB))
    if len(data) > limit * 1024 * 1024:
        size_mb = f"{len(data) / 1048576:.1f}"
        raise InvalidInput(
            i18n.t("tickets.file_too_large", path=original_name, size_mb=size_mb, limit_mb=f"{limit:g}"),
            field="file",
        )
    sha_ahead = hashlib.sha256(data).hexdigest()
    store = lambda: vault.store_bytes(session, vault_dir, data, actor, original_name=original_name)  # noqa: E731
    return _attach(session, actor, vault_dir, ticket_id, store, sha_ahead, caption)


def ticket_attachments(
    session: Session, vault_dir: Path | None, ticket_id: int
) -> tuple[AttachmentView, ...]:
    """The ticket's attachments, oldest first, each with its hash; ``in_vault`` checked when ``vault_dir`` given."""
    rows = session.execute(
        select(Attachment, VaultFile)
        .join(VaultFile, VaultFile.sha256 == Attachment.vault_sha256)
        .where(Attachment.subject_type == "ticket", Attachment.subject_id == ticket_id)
        .order_by(Attachment.added_at, Attachment.id)
    ).all()
    return tuple(
        AttachmentView(
            a.id,
            a.vault_sha256,
            f.original_name,
            f.size,
            f.media_type,
            a.caption,
            a.added_by,
            a.added_at,
            vault.file_matches(vault_dir, a.vault_sha256) if vault_dir is not None else True,
        )
        for a, f in rows
    )


def link_promise(session: Session, actor: Actor, ticket_id: int, promise_id: int) -> None:
    """Link promise ``promise_id`` to the ticket; the event keeps the wording as logged."""
    require(actor, "tickets.work")
    ticket = load_ticket(session, ticket_id)
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise InvalidInput(i18n.t("tickets.no_promise", id=promise_id), field="promise_id")
    if session.get(TicketPromise, (ticket.id, promise_id)) is not None:
        raise InvalidInput(i18n.t("tickets.promise_linked", id=promise_id), field="promise_id")
    session.add(TicketPromise(ticket_id=ticket.id, promise_id=promise_id))
    data = {"promise_id": promise_id, "session_id": promise.session_id, "wording": promise.wording}
    record_event(session, actor, ticket, "promise_link", data=data)
    refresh_due(session, ticket)


def unlink_promise(
    session: Session, actor: Actor, ticket_id: int, promise_id: int, *, note: str = ""
) -> None:
    """Remove the link (the timeline keeps that it was linked and when it was removed)."""
    require(actor, "tickets.work")
    ticket = load_ticket(session, ticket_id)
    link = session.get(TicketPromise, (ticket.id, promise_id))
    if link is None:
        raise InvalidInput(i18n.t("tickets.promise_not_linked", id=promise_id), field="promise_id")
    session.delete(link)
    record_event(
        session, actor, ticket, "promise_unlink", body=(note or "").strip(), data={"promise_id": promise_id}
    )
    refresh_due(session, ticket)


def linked_promises(session: Session, ticket_id: int) -> tuple[PromiseView, ...]:
    """The promises linked to the ticket, each with its state and ledger entry, in the order said."""
    ids = set(session.scalars(select(TicketPromise.promise_id).where(TicketPromise.ticket_id == ticket_id)))
    if not ids:
        return ()
    sessions = set(session.scalars(select(Promise.session_id).where(Promise.id.in_(ids))))
    found = [v for sid in sorted(sessions) for v in list_promises(session, sid) if v.id in ids]
    return tuple(sorted(found, key=lambda v: (v.said_at, v.id)))


def suggest_promises(session: Session, ticket_id: int) -> tuple[PromiseView, ...]:
    """Active promises of the order's session that concern the order's product or the whole session, not yet linked.

    Empty for a ticket without an order, or an order not attributed to a session.
    """
    ticket = load_ticket(session, ticket_id)
    order = session.get(Order, ticket.order_id) if ticket.order_id is not None else None
    if order is None or order.session_id is None:
        return ()
    linked = set(
        session.scalars(select(TicketPromise.promise_id).where(TicketPromise.ticket_id == ticket.id))
    )
    return tuple(
        v
        for v in list_promises(session, order.session_id)
        if v.state == "active" and v.id not in linked and v.product_id in (None, order.product_id)
    )


def record_follow_up(
    session: Session,
    actor: Actor,
    ticket_id: int,
    *,
    satisfaction: int | None,
    comment: str = "",
    reached: bool = True,
) -> None:
    """回访: record the call (``reached`` False for no answer), its satisfaction score and comment."""
    require(actor, "tickets.work")
    ticket = load_ticket(session, ticket_id)
    flow = ticket_flow(session)
    low, high = flow.satisfaction_min, flow.satisfaction_max
    if satisfaction is not None and (
        isinstance(satisfaction, bool) or not isinstance(satisfaction, int) or not low <= satisfaction <= high
    ):
        raise InvalidInput(i18n.t("tickets.bad_satisfaction", low=low, high=high), field="satisfaction")
    changed = satisfaction is not None and satisfaction != ticket.satisfaction
    if satisfaction is not None:
        ticket.satisfaction = satisfaction
    data = {"reached": bool(reached), "satisfaction": satisfaction}
    record_event(
        session, actor, ticket, "call", body=(comment or "").strip(), data=data, ticket_changed=changed
    )


def over_promise_warnings(session: Session, session_id: int) -> tuple[OverPromiseWarning, ...]:
    """Active promises with a quantity limit (前100名送…) that more paid orders than the limit claim.

    Compares each :func:`core.services.promises.quantity_counters` entry with :func:`paid_orders` of its product
    (of the whole session for a promise about no product). Read-only; the session page and tickets both call it.
    """
    warnings = []
    for counter in quantity_counters(session, session_id):
        paid = counter.given
        if paid > counter.limit:
            over = paid - counter.limit
            message = i18n.t(
                "tickets.over_promise", wording=counter.wording, limit=f"{counter.limit:g}", paid=paid,
                over=f"{over:g}",
            )  # fmt: skip
            warnings.append(
                OverPromiseWarning(
                    counter.promise_id,
                    session_id,
                    counter.product_id,
                    counter.wording,
                    counter.gift,
                    counter.limit,
                    paid,
                    message,
                )
            )
    return tuple(warnings)


__all__ = [
    "AttachmentView",
    "OverPromiseWarning",
    "attach_bytes",
    "attach_file",
    "link_promise",
    "linked_promises",
    "over_promise_warnings",
    "paid_orders",
    "record_follow_up",
    "suggest_promises",
    "ticket_attachments",
    "unlink_promise",
]
