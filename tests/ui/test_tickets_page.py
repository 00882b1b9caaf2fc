"""售后工单 page (issue 5, deliverable 4): the queue by nearest deadline with its colours, filters, search, saved
views, bulk assign and bulk status change, and 新建工单….

Basis: a missed 15-day line is a regulatory breach (侵害消费者权益行为处罚办法 Arts 8–9), so the queue puts the
nearest binding deadline first and shows a passed legal line apart from an internal one that is merely overdue.
Orders and tickets are raw rows as in tests/core/test_ticket_queue.py (the search index follows by trigger).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from core import clock
from core.db.models import Order, Ticket
from core.domain.codes import Role
from tests.builders import add_staff, planned_session

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the studio
WAIT = 20_000


@pytest.fixture
def fixed_now():
    with clock.fixed(NOW):
        yield


@pytest.fixture
def desk(tmp_db, owner, fixed_now):
    """Two orders and six tickets: breached legal line, overdue first response, due soon, fine, closed, no clock."""
    from sqlalchemy import insert

    session_a = planned_session(tmp_db, owner)
    worker = add_staff(tmp_db, owner, Role.SERVICE, "xiaozhou", display_name="客服小周")
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Order),
            [
                {"id": 1, "platform": "douyin", "platform_order_id": "6938475610293847561", "session_id": session_a,
                 "paid_at": NOW - timedelta(days=5), "buyer_nickname": "小鱼**", "product_title": "四件套"},
                {"id": 2, "platform": "kuaishou", "platform_order_id": "2311098877665544", "paid_at": NOW,
                 "buyer_nickname": "阿花**", "product_title": "保温杯"},
            ],
        )  # fmt: skip

        def ticket(n, **values):
            return {
                "id": n, "code": f"SH-202611-000{n}", "kind": "return_refund", "status": "new",
                "opened_at": NOW - timedelta(days=n), "summary": "", "buyer_nickname": "", **values,
            }  # fmt: skip

        s.execute(
            insert(Ticket),
            [
                ticket(1, order_id=1, summary="四件套起球，要求退货", buyer_nickname="小鱼**",
                       due_at=NOW + timedelta(hours=30), due_rule="no_reason_return"),
                ticket(2, order_id=2, kind="refund_only", summary="未发货要求退款", buyer_nickname="阿花**",
                       due_at=NOW + timedelta(hours=3), due_rule="platform_handle_request_hours"),
                ticket(3, order_id=1, kind="complaint", summary="主播承诺的赠品没收到",
                       due_at=NOW - timedelta(hours=2), due_rule="handling_breach"),
                ticket(4, status="closed", summary="咨询发货时间", kind="inquiry"),
                ticket(5, summary="耳机没声音，申请三包维修", kind="repair",
                       due_at=NOW - timedelta(hours=1), due_rule="first_response"),
                ticket(6, status="waiting_return", summary="等买家寄回毛巾"),
            ],
        )  # fmt: skip
    return {"session": session_a, "worker": worker.user_id}


@pytest.fixture
def page(qtbot, context, desk):
    from ui.pages.tickets import TicketsPage

    widget = TicketsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1500, 800)
    qtbot.waitUntil(lambda: bool(widget.model.rows) and widget.desk.choices is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: widget.filters.view.count() > 0, timeout=WAIT)
    return widget


def codes(page) -> list[str]:
    return [row.code[-1] for row in page.model.rows]


def states(page) -> dict[str, str]:
    return {row.code[-1]: page.model.states[i] for i, row in enumerate(page.model.rows)}


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def select_rows(page, *numbers: str) -> None:
    selection = page.table.selectionModel()
    selection.clear()
    for i, row in enumerate(page.model.rows):
        if row.code[-1] in numbers:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(page.model.index(i, 0), flags)


def test_the_default_view_lists_open_tickets_nearest_deadline_first_coloured_by_state(page):
    from ui.pages.ticket_queue_model import STATE_BACKGROUNDS, QueueModel

    assert codes(page) == ["3", "5", "2", "1", "6"]  # the closed ticket is hidden; no clock goes last
    assert "5" in page.count.text()
    assert states(page) == {"3": "breached", "5": "overdue", "2": "due_soon", "1": "fine", "6": "fine"}
    breached = page.model.index(0, QueueModel.DUE)
    assert (
        page.model.data(breached, Qt.ItemDataRole.BackgroundRole).color().name()
        == STATE_BACKGROUNDS["breached"]
    )
    assert page.model.data(breached).endswith(("已超 2 小时", "2 h overdue"))
    assert page.model.data(page.model.index(2, QueueModel.DUE)).endswith(("还剩 3 小时", "3 h left"))
    assert page.model.data(page.model.index(0, QueueModel.ORDER)) == "6938475610293847561"
    assert page.model.data(page.model.index(0, QueueModel.KIND)) in ("投诉", "Complaint")


def test_all_statuses_show_the_closed_ticket_in_grey(qtbot, page):
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT) as loaded:
        choose(page.filters.status, "")
    assert loaded.args == [6] and states(page)["4"] == "done"


def test_a_filter_and_a_search_narrow_the_queue_and_the_count(qtbot, page):
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT) as loaded:
        choose(page.filters.kind, "return_refund")
    assert codes(page) == ["1", "6"] and loaded.args == [2] and "2" in page.count.text()
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT):
        choose(page.filters.kind, "")
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT) as loaded:
        page.filters.search.setText("阿花")  # a buyer nickname, two characters: the plain scan
    assert codes(page) == ["2"] and loaded.args == [1]
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT):
        page.filters.search.setText("3847561")  # a piece of the order number
    assert codes(page) == ["3", "1"]
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT):
        page.filters.clear_button.click()
    assert codes(page) == ["3", "5", "2", "1", "6"] and page.filters.search.text() == ""


def test_a_saved_view_comes_back_after_clearing(qtbot, page):
    from ui.qtcompat import emit

    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT):
        choose(page.filters.platform, "douyin")
    with qtbot.waitSignal(page.filters.views_loaded, timeout=WAIT):
        page.filters.save_view("抖店待办")
    assert page.filters.view.currentText() == "抖店待办"
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT):
        page.filters.clear()
    assert len(codes(page)) == 5
    index = page.filters.view.findText("抖店待办")
    with qtbot.waitSignal(page.queue_loaded, timeout=WAIT):
        page.filters.view.setCurrentIndex(index)
        emit(page.filters.view.activated, index)
    assert codes(page) == ["3", "1"] and page.filters.platform.currentData() == "douyin"
    with qtbot.waitSignal(page.filters.views_loaded, timeout=WAIT):
        page.filters.delete_current_view()
    assert page.filters.view.findText("抖店待办") == -1


def test_bulk_assign_gives_the_selected_tickets_to_one_person(qtbot, page, desk):
    from ui.pages.ticket_queue_model import QueueModel

    select_rows(page, "3", "5")
    assert page.assign_button.isEnabled()
    with qtbot.waitSignal(page.bulk_done, timeout=WAIT) as done:
        page.assign(desk["worker"])
    qtbot.waitUntil(lambda: page.model.rows[0].owner_name == "客服小周", timeout=WAIT)
    owners = {
        row.code[-1]: page.model.data(page.model.index(i, QueueModel.OWNER))
        for i, row in enumerate(page.model.rows)
    }
    assert owners["3"] == owners["5"] == "客服小周" and owners["1"] != "客服小周"
    assert "2" in done.args[0]


def test_bulk_status_changes_the_allowed_and_lists_the_refused_with_the_reason(qtbot, page):
    select_rows(page, "2", "1", "6")  # 6 waits for the return: it cannot be resolved straight away
    with qtbot.waitSignal(page.bulk_done, timeout=WAIT) as done:
        page.change_status("resolved")
    text = done.args[0]
    assert "SH-202611-0006" in text and "SH-202611-0001" not in text
    assert "2" in text.splitlines()[0] and "3" in text.splitlines()[0]  # 2 of 3 changed
    assert page.message.isVisibleTo(page) and "SH-202611-0006" in page.message.text()
    qtbot.waitUntil(
        lambda: codes(page) == ["3", "5", "6"], timeout=WAIT
    )  # the resolved two left the open view


def test_the_new_ticket_dialog_finds_the_order_creates_the_ticket_and_selects_it(qtbot, page):
    page.new_ticket()
    dialog = page.new_dialog
    dialog.number.setText("2311098877665544")
    with qtbot.waitSignal(dialog.orders_found, timeout=WAIT) as found:
        dialog.look_up()
    assert found.args == [1] and dialog.order.currentData() == 2
    assert dialog.buyer.text() == "阿花**" and "1" in dialog.order_note.text()  # it already has a ticket
    choose(dialog.kind, "complaint")
    dialog.summary.setText("客服态度差")
    with qtbot.waitSignal(dialog.created, timeout=WAIT) as created:
        dialog.submit()
    ticket_id, code = created.args
    assert code == "SH-202611-0007"
    qtbot.waitUntil(lambda: page.selected_ids() == [ticket_id], timeout=WAIT)
    assert code in page.message.text()


def test_a_ticket_without_an_order_needs_a_summary_shown_beside_it(qtbot, page, tmp_db):
    from ui.dialogs.ticket_new import NewTicketDialog

    dialog = NewTicketDialog(page.context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.buttons.accepted, timeout=WAIT):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("summary") != "", timeout=WAIT)
    with tmp_db.sessions() as s:
        assert s.get(Ticket, 7) is None
