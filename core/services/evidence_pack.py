"""证据包 A ticket's evidence pack (issue 5, deliverable 7): what a studio sends with a platform appeal or a 12315
mediation.

Why: in a dispute the seller must produce the original records (电子商务法 Art 62); what was said on air binds
(消费者权益保护法实施条例 2024; 法释〔2022〕8号 Arts 2, 8, 10), and the 15-day handling line
(侵害消费者权益行为处罚办法 Arts 8–9) is argued from when each step happened. The pack gathers, for one ticket: the
order, the linked promises verbatim with their time, state and ledger entry, the stretch of the session's timeline
around them (which product was on air at what price), every deadline with its basis and whether it was met, the
ticket's timeline with its ledger entries, the attachments with their SHA-256 and whether the vault copy is intact,
and the ledger head, so a reviewer can check each item against the tamper-evident ledger (``python main.py verify``).

Contract: :func:`evidence_pack_data` only reads; every sentence is already in the core language (core.i18n), so the
PDF builder (:mod:`core.reports.evidence_pack`) only lays text out. Times are in the studio's timezone. An unknown
ticket raises ``InvalidInput`` naming it ('ticket_id'; :func:`evidence_pack_for_code`: 'ticket_code').
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n, ledger
from core.db.models import User
from core.domain.deadlines import Deadline
from core.domain.money import yuan
from core.errors import InvalidInput
from core.services.evidence_timeline import (
    PromiseItem,
    SegmentGroup,
    promise_items,
    segment_groups,
    with_corrections,
)
from core.services.sheet_heading import local_time
from core.services.studio import get_profile
from core.services.ticket_events import TicketEventView
from core.services.ticket_view import TicketView, ticket_view
from core.services.tickets import find_ticket_id, ticket_flow

i18n.register(
    {
        "evidence.no_code": ("没有编号为 {code} 的工单", "There is no ticket with the code {code}"),
        "evidence.kind.refund_only": ("仅退款", "Refund only"),
        "evidence.kind.return_refund": ("退货退款", "Return and refund"),
        "evidence.kind.exchange": ("换货", "Exchange"),
        "evidence.kind.repair": ("维修（三包）", "Repair (three guarantees)"),
        "evidence.kind.complaint": ("投诉", "Complaint"),
        "evidence.kind.promise_claim": ("直播承诺兑现", "Promise claim"),
        "evidence.kind.price_protection": ("价格保护", "Price protection"),
        "evidence.kind.inquiry": ("咨询", "Inquiry"),
        "evidence.reason.quality": ("质量问题", "quality problem"),
        "evidence.reason.no_reason": ("七日无理由", "no-reason return"),
        "evidence.reason.other": ("其他原因", "other reason"),
        "evidence.kind_reason": ("{kind}（原因：{reason}）", "{kind} ({reason})"),
        "evidence.f.code": ("工单编号", "Ticket"),
        "evidence.f.kind": ("类型", "Type"),
        "evidence.f.status": ("状态", "Status"),
        "evidence.f.opened": ("受理时间", "Opened"),
        "evidence.f.buyer": ("买家昵称", "Buyer"),
        "evidence.f.owner": ("负责人", "Owner"),
        "evidence.f.summary": ("问题摘要", "Summary"),
        "evidence.f.rejected": ("驳回理由", "Rejection reason"),
        "evidence.f.refund": ("退款金额", "Refund"),
        "evidence.f.platform": ("平台", "Platform"),
        "evidence.f.order_no": ("订单编号", "Order number"),
        "evidence.f.product": ("商品", "Product"),
        "evidence.f.amount": ("金额 × 数量", "Amount × quantity"),
        "evidence.f.paid": ("付款时间", "Paid"),
        "evidence.f.shipped": ("发货时间", "Shipped"),
        "evidence.f.signed": ("签收时间", "Signed for"),
        "evidence.f.order_status": ("订单 / 售后状态", "Order / after-sales status"),
        "evidence.f.session": ("成交场次", "Session attributed"),
        "evidence.sub_order": ("{order}（子订单 {sub}）", "{order} (sub-order {sub})"),
        "evidence.no_session": ("未归属到直播场次", "not attributed to a live session"),
        "evidence.nobody": ("（未指定）", "(none)"),
        "evidence.related": ("相关更正（未直接关联）", "related correction (not linked itself)"),
        "evidence.binding.legal": ("法定", "law"),
        "evidence.binding.platform": ("平台规则", "platform rule"),
        "evidence.binding.promise": ("直播承诺", "promise on air"),
        "evidence.binding.internal": ("工作室标准", "studio standard"),
        "evidence.state.met": ("已在期限内", "met in time"),
        "evidence.state.late": ("超期后才完成", "met late"),
        "evidence.state.buyer_met": ("买家在期限内提出", "the buyer asked in time"),
        "evidence.state.buyer_late": ("买家超过期限才提出", "the buyer asked after the window"),
        "evidence.state.window_open": ("期限未届满", "window still open"),
        "evidence.state.window_closed": ("已届满，买家未在期内提出", "closed; the buyer did not ask in it"),
        "evidence.done_at": ("完成于 {at}", "done {at}"),
        "evidence.f.satisfaction": ("回访满意度", "Follow-up score"),
        "evidence.score": ("{score} / {high} 分", "{score} of {high}"),
        "evidence.call.score": ("{what}（满意度 {score} / {high} 分）", "{what} (score {score} of {high})"),
        "evidence.call.unreached": ("{what}（未接通）", "{what} (not reached)"),
        "evidence.state.paused": ("暂停计时（等待买家）", "paused (waiting on the buyer)"),
        "evidence.state.breached": ("已超过法定期限，未完成", "legal line passed, not met"),
        "evidence.state.overdue": ("已逾期，未完成", "overdue, not met"),
        "evidence.state.running": ("未到期，进行中", "running, not yet due"),
        "evidence.intact": ("完好", "intact"),
        "evidence.damaged": ("缺失或内容已变", "missing or changed"),
    }
)


NOT_YET = "—"  # a time that has not happened (not shipped, not signed for)


@dataclass(frozen=True)
class DeadlineRow:
    label: str
    binding: str
    binding_code: str
    due: str  # Deadline.due_text()
    state: str
    state_code: (
        str  # met, late, paused, breached, overdue, running; buyer_met, buyer_late, window_open/_closed
    )
    done: str  # "完成于 2026-10-02 11:00" or "" while open
    why: str  # Deadline.why(): what, when, why it moved, the basis
    basis: str


@dataclass(frozen=True)
class EventRow:
    at: str
    who: str
    what: str
    body: str
    entry_seq: int | None
    entry_hash: str  # full


@dataclass(frozen=True)
class AttachmentRow:
    name: str
    caption: str
    size: str  # "12.3 KB"
    added: str  # "2026-10-02 11:00 王芳"
    sha256: str
    intact: bool
    intact_text: str


@dataclass(frozen=True)
class EvidencePack:
    studio_name: str
    studio_legal: str  # legal name and credit code, "" if the profile has none
    code: str
    title_fields: tuple[tuple[str, str], ...]  # (label, value) of the ticket
    order_fields: tuple[tuple[str, str], ...]  # () when the ticket has no order
    nearest: str  # the nearest binding deadline's sentence, "" if none is open
    promises: tuple[PromiseItem, ...]
    segments: tuple[SegmentGroup, ...]
    deadlines: tuple[DeadlineRow, ...]
    events: tuple[EventRow, ...]
    attachments: tuple[AttachmentRow, ...]
    warnings: tuple[str, ...]  # calendar and over-promise warnings
    ledger_count: int
    ledger_hash: str  # full
    timezone: str
    generated_at: str


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1048576:.1f} MB"


def _kind(view: TicketView) -> str:
    kind = i18n.t(f"evidence.kind.{view.kind}") if view.kind else ""
    reason = i18n.t(f"evidence.reason.{view.reason}") if view.reason else ""
    return i18n.t("evidence.kind_reason", kind=kind, reason=reason) if reason else kind


def _ticket_fields(view: TicketView, zone: ZoneInfo, high: int) -> tuple[tuple[str, str], ...]:
    t = i18n.t
    buyer = view.buyer_nickname or t("evidence.nobody")
    fields = [
        (t("evidence.f.code"), view.code),
        (t("evidence.f.kind"), _kind(view)),
        (t("evidence.f.status"), view.status_name),
        (t("evidence.f.opened"), local_time(view.opened_at, zone)),
        (t("evidence.f.buyer"), buyer),
        (t("evidence.f.owner"), view.owner_name or t("evidence.nobody")),
    ]
    if view.summary:
        fields.append((t("evidence.f.summary"), view.summary))
    if view.rejected_reason:
        fields.append((t("evidence.f.rejected"), view.rejected_reason))
    if view.refund_fen is not None:
        fields.append((t("evidence.f.refund"), yuan(view.refund_fen)))
    if view.satisfaction is not None:
        fields.append((t("evidence.f.satisfaction"), t("evidence.score", score=view.satisfaction, high=high)))
    return tuple(fields)


def _order_fields(view: TicketView, zone: ZoneInfo) -> tuple[tuple[str, str], ...]:
    t, order = i18n.t, view.order
    if order is None:
        return ()
    number = order.platform_order_id
    if order.sub_order_id and order.sub_order_id != number:
        number = t("evidence.sub_order", order=number, sub=order.sub_order_id)
    session = t("evidence.no_session")
    if order.session_id is not None:
        session = f"#{order.session_id} {order.session_title}"
    statuses = " / ".join(s for s in (order.status, order.after_sales_status) if s) or NOT_YET
    return (
        (t("evidence.f.platform"), t(f"promise_sheet.platform.{order.platform}")),
        (t("evidence.f.order_no"), number),
        (t("evidence.f.product"), order.product_title or t("evidence.nobody")),
        (t("evidence.f.amount"), f"{yuan(order.amount_fen)} × {order.quantity}"),
        (t("evidence.f.paid"), local_time(order.paid_at, zone) or NOT_YET),
        (t("evidence.f.shipped"), local_time(order.shipped_at, zone) or NOT_YET),
        (t("evidence.f.signed"), local_time(order.signed_at, zone) or NOT_YET),
        (t("evidence.f.order_status"), statuses),
        (t("evidence.f.session"), session),
    )


def _deadline_state(d: Deadline, now: datetime) -> str:
    """met/late/paused/breached/overdue/running; a buyer's own window (7-day no-reason, 三包) is not the studio's
    deadline, so it reads buyer_met/buyer_late/window_open/window_closed instead."""
    if getattr(d, "buyer_window", False):
        if d.done_at is not None:
            return "buyer_met" if d.done_at <= d.due else "buyer_late"
        return "window_closed" if d.due <= now else "window_open"
    if d.done_at is not None:
        return "met" if d.done_at <= d.due else "late"
    if d.paused:
        return "paused"
    if d.due <= now:
        return "breached" if d.binding == "legal" else "overdue"
    return "running"


def _deadlines(view: TicketView, now: datetime, zone: ZoneInfo) -> tuple[DeadlineRow, ...]:
    rows = []
    for d in view.deadlines:
        code = _deadline_state(d, now)
        done = local_time(d.done_at, zone) if d.done_at is not None else ""
        rows.append(
            DeadlineRow(
                label=d.label, binding=i18n.t(f"evidence.binding.{d.binding}"), binding_code=d.binding,
                due=d.due_text(), state=i18n.t(f"evidence.state.{code}"), state_code=code,
                done=i18n.t("evidence.done_at", at=done) if done else "",
                why=d.why(), basis=d.basis,
            )
        )  # fmt: skip
    return tuple(rows)


def _what(e: TicketEventView, high: int) -> str:
    """The event's summary; a follow-up call also says its score or that nobody answered."""
    if e.kind != "call":
        return e.summary
    if not e.data.get("reached", True):
        return i18n.t("evidence.call.unreached", what=e.summary)
    score = e.data.get("satisfaction")
    return (
        e.summary if score is None else i18n.t("evidence.call.score", what=e.summary, score=score, high=high)
    )


def _events(view: TicketView, zone: ZoneInfo, high: int) -> tuple[EventRow, ...]:
    return tuple(
        EventRow(
            local_time(e.at, zone, "%Y-%m-%d %H:%M:%S"),
            e.actor_name,
            _what(e, high),
            e.body,
            e.entry_seq,
            e.entry_hash,
        )
        for e in view.events
    )


def _attachments(session: Session, view: TicketView, zone: ZoneInfo) -> tuple[AttachmentRow, ...]:
    people = {a.added_by for a in view.attachments if a.added_by is not None}
    names = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(people))).all())
    rows = []
    for a in view.attachments:
        who = names.get(a.added_by, "") if a.added_by is not None else ""
        rows.append(
            AttachmentRow(
                name=a.original_name, caption=a.caption, size=_size(a.size),
                added=f"{local_time(a.added_at, zone)} {who}".strip(), sha256=a.sha256, intact=a.in_vault,
                intact_text=i18n.t("evidence.intact" if a.in_vault else "evidence.damaged"),
            )
        )  # fmt: skip
    return tuple(rows)


def evidence_pack_data(
    session: Session, ticket_id: int, *, now: datetime, vault_dir: Path | None = None
) -> EvidencePack:
    """Everything the evidence pack of ``ticket_id`` shows, stamped ``now``; with ``vault_dir`` every attachment's
    vault copy is re-hashed (without it, attachments are reported intact unchecked — pass it when printing)."""
    view = ticket_view(session, ticket_id, vault_dir=vault_dir)
    profile = get_profile(session)
    zone = ZoneInfo(profile.timezone or "Asia/Shanghai")
    legal = " ".join(x for x in (profile.legal_name, profile.credit_code) if x)
    paid = view.order.paid_at if view.order is not None else None
    order_session = view.order.session_id if view.order is not None else None
    head = ledger.head(session)
    high = ticket_flow(session).satisfaction_max
    promise_rows = with_corrections(session, view.promises)
    warnings = (*view.calendar_warnings, *(w.message for w in view.warnings))
    return EvidencePack(
        studio_name=profile.display_name or profile.legal_name,
        studio_legal=legal,
        code=view.code,
        title_fields=_ticket_fields(view, zone, high),
        order_fields=_order_fields(view, zone),
        nearest=view.nearest.why if view.nearest is not None else "",
        promises=promise_items(session, promise_rows, zone),
        segments=segment_groups(session, [v for v, _ in promise_rows], order_session, paid, zone),
        deadlines=_deadlines(view, now, zone),
        events=_events(view, zone, high),
        attachments=_attachments(session, view, zone),
        warnings=tuple(warnings),
        ledger_count=head.count,
        ledger_hash=head.hash,
        timezone=zone.key,
        generated_at=local_time(now, zone),
    )


def evidence_pack_for_code(
    session: Session, code: str, *, now: datetime, vault_dir: Path | None = None
) -> EvidencePack:
    """:func:`evidence_pack_data` of the ticket with ``code`` (SH-202611-0042); unknown → InvalidInput naming it."""
    ticket_id = find_ticket_id(session, code)
    if ticket_id is None:
        raise InvalidInput(i18n.t("evidence.no_code", code=code.strip()), field="ticket_code")
    return evidence_pack_data(session, ticket_id, now=now, vault_dir=vault_dir)


__all__ = [
    "AttachmentRow",
    "DeadlineRow",
    "EventRow",
    "EvidencePack",
    "PromiseItem",
    "SegmentGroup",
    "evidence_pack_data",
    "evidence_pack_for_code",
]
