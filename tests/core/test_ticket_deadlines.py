"""A ticket's clocks from its real rows (issue 5, deliverable 3): the order's signing time, the product, the
timeline; the nearest binding deadline is cached for the queue and explained on the ticket."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import insert

from core import clock
from core.db.models import Order, Ticket
from core.services import catalog, tickets
from core.services.ticket_queue import QueueFilter, queue_page
from core.services.ticket_view import ticket_view

SIGNED = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)  # 10:00 in the studio, the day before 国庆
OPENED = datetime(2026, 10, 2, 3, 0, tzinfo=UTC)


def order_and_ticket(tmp_db, owner, *, signed_at=SIGNED):
    with tmp_db.unit_of_work(owner) as s:
        product = catalog.add_product(s, owner, sku="HM-001", name="加厚珊瑚绒四件套", category="general")
        s.execute(
            insert(Order),
            [{"id": 1, "platform": "douyin", "platform_order_id": "6938475610293847561", "product_id": product.id,
              "paid_at": signed_at, "signed_at": signed_at, "buyer_nickname": "小鱼**"}],
        )  # fmt: skip
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        return tickets.create_ticket(s, owner, kind="return_refund", reason="no_reason", order_id=1).id


def test_a_no_reason_return_over_guoqing_runs_to_the_first_working_day_and_says_why_civil_code_art203(
    tmp_db, owner
):
    ticket_id = order_and_ticket(tmp_db, owner)
    with clock.fixed(OPENED), tmp_db.sessions() as s:
        view = ticket_view(s, ticket_id)
    window = next(d for d in view.deadlines if d.key == "no_reason_return")
    assert window.last_day == date(
        2026, 10, 8
    )  # day 7 is 10-07, inside the holiday: the first working day after
    assert window.binding == "legal" and window.extended_from == date(2026, 10, 7)
    assert "2026-10-08" in window.why() and "国庆" in window.why()


def test_the_nearest_binding_deadline_is_cached_for_the_queue_and_stated_on_the_ticket(tmp_db, owner):
    ticket_id = order_and_ticket(tmp_db, owner)
    with clock.fixed(OPENED), tmp_db.sessions() as s:
        view = ticket_view(s, ticket_id)
        row = s.get(Ticket, ticket_id)
        page = queue_page(s, QueueFilter(), zone=None)
    assert view.nearest is not None
    assert (row.due_at, row.due_rule) == (view.nearest.deadline.due, view.nearest.deadline.key)
    assert page.rows[0].due_at == row.due_at
    assert view.nearest.why


def test_a_resolved_ticket_drops_out_of_the_deadline_sort(tmp_db, owner):
    ticket_id = order_and_ticket(tmp_db, owner)
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        tickets.change_status(s, owner, ticket_id, "resolved", note="已退款")
    with tmp_db.sessions() as s:
        row = s.get(Ticket, ticket_id)
    assert (row.due_at, row.due_rule) == (None, "")


def test_a_linked_promise_binds_as_corrected_on_air_and_not_at_all_once_retracted(tmp_db, owner):
    """法释〔2022〕8号: what the host finally said binds; found in the evidence pack (a corrected 24 h clock)."""
    from core.services import checklist, promises, ticket_links
    from core.services.ticket_deadlines import facts_of
    from tests.builders import planned_session

    ticket_id = order_and_ticket(tmp_db, owner)
    live_id = planned_session(tmp_db, owner)
    with clock.fixed(SIGNED), tmp_db.unit_of_work(owner) as s:
        checklist.override_gate(s, owner, live_id, "测试")
        checklist.go_live(s, owner, live_id)
        said = promises.log_promise(s, owner, live_id, kind="shipping_time", wording="今天拍下24小时内发货")
        fixed = promises.correct_on_air(s, owner, said.id, session_id=live_id, wording="口误，是48小时内发货")
        gift = promises.log_promise(s, owner, live_id, kind="gift", wording="前100名送杯套")
        promises.retract(s, owner, gift.id, session_id=live_id, reason="记错了")
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        ticket_links.link_promise(s, owner, ticket_id, said.id)
        ticket_links.link_promise(s, owner, ticket_id, gift.id)
    with tmp_db.sessions() as s:
        facts = facts_of(s, s.get(Ticket, ticket_id))
    assert [(p.promise_id, dict(p.terms)) for p in facts.promises] == [(fixed.id, {"ship_within_hours": 48})]


def test_a_reimport_that_brings_the_shipping_time_moves_the_tickets_clocks(tmp_db, owner, tmp_path):
    """Found building the sample: an order export updating shipping or signing left the queue's cache stale."""
    from core.services.order_import import import_orders
    from core.services.ticket_deadlines import report

    header = "平台,订单号,子订单号,商品名称,商品编码,数量,实付金额(元),支付时间,发货时间,签收时间,订单状态,售后状态,买家昵称,手机号,省,市\n"
    first = (
        header + "douyin,0006920011223344556,,四件套,HM-1,1,199.00,2026-09-28 20:15:03,,,待发货,,小鱼**,,,\n"
    )
    second = first.replace(",,,待发货", ",2026-09-29 10:00,,已发货")  # shipped inside the platform's 48 h
    (tmp_path / "a.csv").write_text(first, encoding="utf-8")
    (tmp_path / "b.csv").write_text(second, encoding="utf-8")
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        import_orders(s, owner, tmp_path / "a.csv", platform="generic")
        ticket = tickets.create_ticket(s, owner, kind="return_refund", reason="no_reason", order_id=1)
        before = (ticket.due_at, ticket.due_rule)
        assert before[1] == "platform_ship_hours"  # paid 9-28 20:15, not shipped: overdue on 10-02
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        assert import_orders(s, owner, tmp_path / "b.csv", platform="generic").updated == 1
    with clock.fixed(OPENED), tmp_db.sessions() as s:
        row = s.get(Ticket, ticket.id)
        _clocks, nearest = report(s, row)
        assert (row.due_at, row.due_rule) == (nearest.deadline.due, nearest.deadline.key)
    assert (row.due_at, row.due_rule) != before
