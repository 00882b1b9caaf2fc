"""售后工单 tickets: codes, the status flow as data, timeline events as ledger entries, attachments, promises,
follow-up calls and the over-promise check (issue 5, deliverables 2 and 6).

Basis: the 15-day line (侵害消费者权益行为处罚办法 Arts 8–9) and the refund clock from receipt of the return
(消费者权益保护法 Arts 24–25) run from the timestamps the flow sets; original records in a dispute (电子商务法 Art 62)
are the ledger entries; promises and gifts bind (消费者权益保护法实施条例 2024, 法释〔2022〕8号 Art 8).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from core import clock, ledger, rules, vault
from core.db.models import LiveSession, Order, Product, Ticket
from core.domain.codes import Role
from core.errors import InvalidInput, PermissionDenied
from core.services import promises, ticket_links, tickets
from core.services.ticket_events import ticket_timeline
from core.services.ticket_view import ticket_view
from tests.builders import add_staff, planned_session
from tests.core.test_ledger import tamper

NOV = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
STARTED = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)


def new_ticket(db, actor, *, at: datetime = NOV, **fields) -> Ticket:
    fields.setdefault("kind", "return_refund")
    if "order_id" not in fields:
        fields.setdefault("summary", "买家反馈保温杯漏水")
    with clock.fixed(at), db.unit_of_work(actor) as session:
        row = tickets.create_ticket(session, actor, **fields)
        session.flush()
        session.expunge(row)
        return row


def product(db, owner, sku: str = "CUP-01", name: str = "316不锈钢保温杯") -> int:
    with db.unit_of_work(owner) as session:
        row = Product(sku=sku, name=name, category="general")
        session.add(row)
        session.flush()
        return row.id


def live_session(db, owner, title: str = "双十一返场") -> int:
    sid = planned_session(db, owner, title=title)
    with db.unit_of_work(owner) as session:
        live = session.get(LiveSession, sid)
        live.status, live.actual_start = "live", STARTED
    return sid


def add_orders(db, owner, sid: int, pid: int, count: int, *, paid: bool = True, start: int = 0) -> list[int]:
    """Order lines inserted directly (the importer is written in parallel)."""
    with db.unit_of_work(owner) as session:
        rows = [
            Order(
                platform="douyin",
                platform_order_id=f"69{start + i:017d}",
                session_id=sid,
                product_id=pid,
                product_title="316不锈钢保温杯",
                amount_fen=5990,
                buyer_nickname=f"买家{start + i}",
                paid_at=STARTED + timedelta(minutes=i % 100) if paid else None,
                status="已支付" if paid else "待支付",
            )
            for i in range(count)
        ]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]


def move(db, actor, tid: int, status: str, *, at: datetime = NOV + timedelta(hours=1), **extra) -> Ticket:
    with clock.fixed(at), db.unit_of_work(actor) as session:
        row = tickets.change_status(session, actor, tid, status, **extra)
        session.flush()
        session.expunge(row)
        return row


# --- codes -----------------------------------------------------------------------------------------------------


def test_codes_number_each_month_in_the_studio_timezone_without_gaps(tmp_db, owner):
    first = new_ticket(tmp_db, owner)
    second = new_ticket(tmp_db, owner, at=NOV + timedelta(days=3))
    # 2026-11-30 16:30 UTC is already 1 December 00:30 in Shanghai: a new month, numbering starts again
    december = new_ticket(tmp_db, owner, at=datetime(2026, 11, 30, 16, 30, tzinfo=UTC))
    assert (first.code, second.code, december.code) == ("SH-202611-0001", "SH-202611-0002", "SH-202612-0001")
    with pytest.raises(InvalidInput), clock.fixed(NOV), tmp_db.unit_of_work(owner) as session:
        tickets.create_ticket(session, owner, kind="exchange", summary="换货")
        raise InvalidInput("the desk cancelled", field="summary")  # the unit of work rolls back
    assert new_ticket(tmp_db, owner).code == "SH-202611-0003"  # the rolled-back number is not lost


def test_two_quick_creations_get_different_consecutive_codes(tmp_db, owner):
    codes: list[str] = []
    errors: list[BaseException] = []

    def create() -> None:
        try:
            codes.append(new_ticket(tmp_db, owner).code)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=create) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert sorted(codes) == ["SH-202611-0001", "SH-202611-0002"]


def test_a_ticket_from_an_order_takes_its_buyer_and_product(tmp_db, owner):
    sid, pid = live_session(tmp_db, owner), product(tmp_db, owner)
    (oid,) = add_orders(tmp_db, owner, sid, pid, 1)
    made = new_ticket(tmp_db, owner, order_id=oid, kind="refund_only", reason="quality")
    assert (made.buyer_nickname, made.summary, made.order_id, made.status) == (
        "买家0",
        "316不锈钢保温杯",
        oid,
        "new",
    )
    with tmp_db.sessions() as session:
        view = ticket_view(session, made.id)
    assert view.order.platform_order_id == "6900000000000000000" and view.order.session_title == "双十一返场"
    assert [e.kind for e in view.events] == ["created"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "warranty", "summary": "x"}, "kind"),
        ({"kind": "exchange", "reason": "changed_mind", "summary": "x"}, "reason"),
        ({"kind": "inquiry", "summary": "  "}, "summary"),
        ({"kind": "inquiry", "order_id": 404}, "order_id"),
    ],
    ids=["unknown_type", "unknown_reason", "from_scratch_needs_a_summary", "unknown_order"],
)
def test_bad_ticket_fields_are_named_and_nothing_is_written(tmp_db, owner, fields, field):
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        tickets.create_ticket(session, owner, **fields)
    assert caught.value.field == field
    with tmp_db.sessions() as session:
        assert session.query(Ticket).count() == 0


def test_a_host_may_not_work_tickets(tmp_db, owner):
    host = add_staff(tmp_db, owner, Role.HOST)
    with pytest.raises(PermissionDenied):
        new_ticket(tmp_db, host)


# --- the flow ----------------------------------------------------------------------------------------------------

FLOW = rules.bundled_rules()["ticket_flow"]["data"]
ALLOWED = [(t["from"], t["to"]) for t in FLOW["transitions"]]
PATH_TO = {  # how to reach each status from new along allowed steps
    "new": [],
    "in_progress": ["in_progress"],
    "waiting_customer": ["waiting_customer"],
    "waiting_return": ["waiting_return"],
    "return_received": ["waiting_return", "return_received"],
    "resolved": ["resolved"],
    "rejected": ["rejected"],
    "closed": ["resolved", "closed"],
}


def walk(db, actor, tid: int, steps: list[str]) -> None:
    for i, step in enumerate(steps):
        move(db, actor, tid, step, at=NOV + timedelta(minutes=i + 1), reason="不符合退货条件")


@pytest.mark.parametrize(("source", "target"), ALLOWED, ids=[f"{a}_to_{b}" for a, b in ALLOWED])
def test_each_allowed_transition_of_the_flow_rule(tmp_db, owner, source, target):
    tid = new_ticket(tmp_db, owner).id
    walk(tmp_db, owner, tid, PATH_TO[source])
    moved = move(tmp_db, owner, tid, target, at=NOV + timedelta(hours=2), reason="买家逾期未寄回")
    assert moved.status == target
    with tmp_db.sessions() as session:
        last = ticket_timeline(session, tid)[-1]
    assert (last.kind, last.data["from"], last.data["to"]) == ("status", source, target)


def test_a_transition_outside_the_flow_is_refused_naming_it(tmp_db, owner):
    tid = new_ticket(tmp_db, owner).id
    with pytest.raises(InvalidInput) as caught:
        move(tmp_db, owner, tid, "closed")
    assert caught.value.field == "status"
    assert "不能从“新建”改为“已结案”" in str(caught.value) and "处理中" in str(caught.value)
    walk(tmp_db, owner, tid, ["waiting_return"])
    with pytest.raises(
        InvalidInput, match="不能从“等待退货”改为“已解决”"
    ):  # refund only after the goods came back
        move(tmp_db, owner, tid, "resolved")
    with tmp_db.sessions() as session:
        assert session.get(Ticket, tid).status == "waiting_return"


@pytest.mark.parametrize("reason", ["", "   "])
def test_rejecting_without_a_reason_is_refused_art62_records(tmp_db, owner, reason):
    tid = new_ticket(tmp_db, owner).id
    with pytest.raises(InvalidInput) as caught:
        move(tmp_db, owner, tid, "rejected", reason=reason)
    assert caught.value.field == "reason"
    rejected = move(tmp_db, owner, tid, "rejected", reason="商品已激活，下单时已确认不适用七天无理由")
    assert rejected.rejected_reason == "商品已激活，下单时已确认不适用七天无理由"


def test_the_transitions_stamp_the_times_the_legal_clocks_run_from(tmp_db, owner):
    tid = new_ticket(tmp_db, owner).id
    t = [NOV + timedelta(hours=h) for h in range(1, 8)]
    first = move(tmp_db, owner, tid, "waiting_return", at=t[0])
    assert first.first_response_at == t[0] and first.waiting_since == t[0]  # internal SLA paused
    received = move(tmp_db, owner, tid, "return_received", at=t[1])
    assert received.return_received_at == t[1] and received.waiting_since is None
    resolved = move(tmp_db, owner, tid, "resolved", at=t[2])
    closed = move(tmp_db, owner, tid, "closed", at=t[3])
    assert (resolved.resolved_at, closed.closed_at, closed.first_response_at) == (t[2], t[3], t[0])
    reopened = move(tmp_db, owner, tid, "in_progress", at=t[4])
    assert reopened.closed_at is None and reopened.resolved_at is None
    assert reopened.return_received_at == t[1]  # the refund clock keeps its first start


def test_the_first_reply_is_the_first_response_and_uses_a_template(tmp_db, owner):
    sid, pid = live_session(tmp_db, owner), product(tmp_db, owner)
    (oid,) = add_orders(tmp_db, owner, sid, pid, 1)
    tid = new_ticket(tmp_db, owner, order_id=oid).id
    with tmp_db.sessions() as session:
        listed = tickets.reply_templates(session)
    accept = next(t for t in listed if t.title == "同意退货")
    with clock.fixed(NOV + timedelta(minutes=30)), tmp_db.unit_of_work(owner) as session:
        tickets.reply(session, owner, tid, template_id=accept.id)
    with clock.fixed(NOV + timedelta(hours=3)), tmp_db.unit_of_work(owner) as session:
        tickets.reply(session, owner, tid, body="已催促仓库尽快处理")
    with tmp_db.sessions() as session:
        view = ticket_view(session, tid)
    assert view.first_response_at == NOV + timedelta(minutes=30)
    first_reply = view.events[1]
    assert first_reply.body.startswith("买家0您好") and "“316不锈钢保温杯”" in first_reply.body
    assert first_reply.data["template"] == "同意退货"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        tickets.reply(session, owner, tid, template_id=999)
    assert caught.value.field == "template_id"


def test_owner_and_notes_appear_on_the_timeline_with_who_and_when(tmp_db, owner):
    agent = add_staff(tmp_db, owner, Role.SERVICE, display_name="小周")
    tid = new_ticket(tmp_db, owner).id
    with clock.fixed(NOV + timedelta(minutes=5)), tmp_db.unit_of_work(owner) as session:
        tickets.assign_owner(session, owner, tid, agent.user_id)
    with clock.fixed(NOV + timedelta(minutes=9)), tmp_db.unit_of_work(agent) as session:
        tickets.add_note(session, agent, tid, "已联系仓库核实发货批次")
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(agent) as session:
        tickets.assign_owner(session, agent, tid, 999)
    assert caught.value.field == "owner_id"
    with tmp_db.sessions() as session:
        view = ticket_view(session, tid)
    assert view.owner_name == "小周"
    _, assigned, note = view.events
    assert (assigned.summary, assigned.actor_name) == ("负责人改为 小周", "店主")
    assert (note.body, note.actor_name, note.at) == (
        "已联系仓库核实发货批次",
        "小周",
        NOV + timedelta(minutes=9),
    )


# --- ledger ------------------------------------------------------------------------------------------------------


def test_every_event_is_a_ledger_entry_and_verify_passes(tmp_db, owner):
    tid = new_ticket(tmp_db, owner).id
    move(tmp_db, owner, tid, "in_progress")
    with tmp_db.unit_of_work(owner) as session:
        tickets.add_note(session, owner, tid, "买家要求换新")
    with tmp_db.sessions() as session:
        events = ticket_timeline(session, tid)
        view = ticket_view(session, tid)
        kinds = [
            k for (k,) in session.connection().exec_driver_sql("SELECT kind FROM ledger_entries ORDER BY seq")
        ]
    assert all(e.entry_seq is not None and len(e.entry_hash) == 64 for e in events)
    assert view.entry_seq is not None
    assert kinds.count("ticket.event") == 3 and "ticket.created" in kinds and "ticket.changed" in kinds
    assert ledger.verify(tmp_db).ok


def test_a_tampered_event_is_named_by_verify(tmp_db, owner):
    tid = new_ticket(tmp_db, owner).id
    move(tmp_db, owner, tid, "rejected", reason="超过七天无理由期限")
    with tmp_db.sessions() as session:
        rejected = ticket_timeline(session, tid)[-1]
    tamper(tmp_db.path, f"UPDATE ticket_events SET body = '同意退款' WHERE id = {rejected.id}")
    first = ledger.verify(tmp_db).first_problem
    assert (first.kind, first.subject, first.seq) == (
        "row",
        f"ticket_event:{rejected.id}",
        rejected.entry_seq,
    )


def test_a_tampered_ticket_time_is_named_by_verify(tmp_db, owner):
    tid = new_ticket(tmp_db, owner).id
    move(tmp_db, owner, tid, "waiting_return")
    move(tmp_db, owner, tid, "return_received", at=NOV + timedelta(days=2))
    tamper(
        tmp_db.path, f"UPDATE tickets SET return_received_at = '2026-11-29 00:00:00.000000' WHERE id = {tid}"
    )
    first = ledger.verify(tmp_db).first_problem
    assert (first.kind, first.subject) == ("row", f"ticket:{tid}")


# --- attachments -------------------------------------------------------------------------------------------------


def test_an_attachment_is_copied_into_the_vault_with_its_hash(tmp_db, owner, tmp_path):
    photo = tmp_path / "漏水照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg of a leaking cup")
    tid = new_ticket(tmp_db, owner).id
    with tmp_db.unit_of_work(owner) as session:
        ticket_links.attach_file(session, owner, tmp_db.vault_dir, tid, photo, caption="买家实拍")
        ticket_links.attach_bytes(
            session, owner, tmp_db.vault_dir, tid, b"chat log", original_name="聊天记录.txt"
        )
    photo.unlink()  # the desktop copy is gone; the vault copy stays
    with tmp_db.sessions() as session:
        view = ticket_view(session, tid, vault_dir=tmp_db.vault_dir)
    first, second = view.attachments
    assert (first.original_name, first.caption, first.in_vault) == ("漏水照片.jpg", "买家实拍", True)
    assert vault.file_matches(tmp_db.vault_dir, first.sha256) and len(second.sha256) == 64
    assert [e.data.get("sha256") for e in view.events[1:]] == [first.sha256, second.sha256]
    assert ledger.verify(tmp_db).ok


def test_a_missing_attachment_file_is_refused_naming_the_file(tmp_db, owner, tmp_path):
    tid = new_ticket(tmp_db, owner).id
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        ticket_links.attach_file(session, owner, tmp_db.vault_dir, tid, tmp_path / "nowhere.png")
    assert caught.value.field == "file"
    with tmp_db.sessions() as session:
        assert ticket_view(session, tid).attachments == ()


# --- follow-up ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("score", [0, 6, -1, True, 4.5], ids=["zero", "six", "negative", "bool", "fraction"])
def test_satisfaction_outside_one_to_five_is_refused(tmp_db, owner, score):
    tid = new_ticket(tmp_db, owner).id
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        ticket_links.record_follow_up(session, owner, tid, satisfaction=score)
    assert caught.value.field == "satisfaction"


@pytest.mark.parametrize("score", [1, 5, None], ids=["lowest", "highest", "not_answered"])
def test_a_follow_up_call_is_an_event_with_its_score(tmp_db, owner, score):
    tid = new_ticket(tmp_db, owner).id
    with tmp_db.unit_of_work(owner) as session:
        ticket_links.record_follow_up(
            session, owner, tid, satisfaction=score, comment="买家表示满意", reached=score is not None
        )
    with tmp_db.sessions() as session:
        view = ticket_view(session, tid)
    call = view.events[-1]
    assert (call.kind, call.summary, call.body, call.data["satisfaction"]) == (
        "call",
        "回访",
        "买家表示满意",
        score,
    )
    assert view.satisfaction == score
    assert ledger.verify(tmp_db).ok


# --- promises ----------------------------------------------------------------------------------------------------


def log(db, actor, sid, wording, *, kind="gift", product_id=None):
    with clock.fixed(STARTED + timedelta(minutes=10)), db.unit_of_work(actor) as session:
        return promises.log_promise(session, actor, sid, kind=kind, wording=wording, product_id=product_id)


def test_suggested_promises_are_those_of_the_orders_session_and_product(tmp_db, owner):
    sid, other_sid = live_session(tmp_db, owner), live_session(tmp_db, owner, title="另一场")
    cup, mask = product(tmp_db, owner), product(tmp_db, owner, "MASK-1", "补水面膜")
    gift = log(tmp_db, owner, sid, "前100名送杯套", product_id=cup)
    whole = log(tmp_db, owner, sid, "全场48小时内发货", kind="shipping_time")
    log(tmp_db, owner, sid, "面膜买二送一", product_id=mask)
    log(tmp_db, owner, other_sid, "前50名送杯刷", product_id=cup)
    wrong = log(tmp_db, owner, sid, "前200名送杯垫", product_id=cup)
    with tmp_db.unit_of_work(owner) as session:
        promises.retract(session, owner, wrong.id, session_id=sid, reason="口误记录错了")
    (oid,) = add_orders(tmp_db, owner, sid, cup, 1)
    tid = new_ticket(tmp_db, owner, order_id=oid, kind="promise_claim").id
    with tmp_db.sessions() as session:
        assert {p.id for p in ticket_links.suggest_promises(session, tid)} == {gift.id, whole.id}
    with tmp_db.unit_of_work(owner) as session:
        ticket_links.link_promise(session, owner, tid, gift.id)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        ticket_links.link_promise(session, owner, tid, gift.id)
    assert caught.value.field == "promise_id"
    with tmp_db.sessions() as session:
        assert [p.id for p in ticket_links.suggest_promises(session, tid)] == [whole.id]
        view = ticket_view(session, tid)
    assert [(p.id, p.wording) for p in view.promises] == [(gift.id, "前100名送杯套")]
    with tmp_db.unit_of_work(owner) as session:
        ticket_links.unlink_promise(session, owner, tid, gift.id, note="买家并非前100名")
    with tmp_db.sessions() as session:
        view = ticket_view(session, tid)
    assert view.promises == ()
    assert [e.kind for e in view.events] == ["created", "promise_link", "promise_unlink"]


def test_a_ticket_from_scratch_gets_no_suggestions(tmp_db, owner):
    tid = new_ticket(tmp_db, owner, kind="inquiry", summary="咨询发票").id
    with tmp_db.sessions() as session:
        assert ticket_links.suggest_promises(session, tid) == ()


@pytest.mark.parametrize(
    ("paid", "unpaid", "warned"),
    [(130, 0, True), (80, 0, False), (100, 0, False), (90, 60, False)],
    ids=["130_paid_vs_first_100_warns", "80_paid_fine", "exactly_100_fine", "unpaid_orders_do_not_count"],
)
def test_over_promise_check_gift_limit_against_paid_orders_spc_2022_8_art8(
    tmp_db, owner, paid, unpaid, warned
):
    sid, cup, mask = live_session(tmp_db, owner), product(tmp_db, owner), product(tmp_db, owner, "M", "面膜")
    gift = log(tmp_db, owner, sid, "前100名下单送杯套", product_id=cup)
    add_orders(tmp_db, owner, sid, cup, paid)
    add_orders(tmp_db, owner, sid, cup, unpaid, paid=False, start=paid)
    add_orders(tmp_db, owner, sid, mask, 50, start=1000)  # another product's orders do not count
    with tmp_db.sessions() as session:
        warnings = ticket_links.over_promise_warnings(session, sid)
    if not warned:
        assert warnings == ()
        return
    (warning,) = warnings
    assert (warning.promise_id, warning.limit, warning.paid_orders) == (gift.id, 100, 130)
    assert warning.wording == "前100名下单送杯套" and "超出 30 笔" in warning.message


def test_the_over_promise_warning_shows_on_the_ticket(tmp_db, owner):
    sid, cup = live_session(tmp_db, owner), product(tmp_db, owner)
    log(tmp_db, owner, sid, "前100名下单送杯套", product_id=cup)
    orders = add_orders(tmp_db, owner, sid, cup, 130)
    tid = new_ticket(tmp_db, owner, order_id=orders[-1], kind="promise_claim").id
    with tmp_db.sessions() as session:
        (warning,) = ticket_view(session, tid).warnings
    assert warning.paid_orders == 130
