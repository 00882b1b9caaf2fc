"""The ticket queue (issue 5, deliverable 4): filters, the nearest deadline first, states, search, saved views.

Tickets and orders are written as raw rows (the import and the ticket service have their own tests); the search
index is kept by the database's triggers (migration 0002), so these rows are searchable exactly as the app's are.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, update

from core.db.models import Order, SessionHost, Ticket
from core.domain.codes import Role
from core.errors import InvalidInput
from core.services.ticket_queue import (
    QueueFilter,
    delete_view,
    queue_page,
    queue_state,
    save_view,
    saved_views,
)
from tests.builders import add_staff, planned_session

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the studio


@pytest.fixture
def desk(tmp_db, owner):
    """Two orders (douyin in session A, kuaishou in no session) and five tickets with different deadlines."""
    session_a = planned_session(tmp_db, owner)
    host = add_staff(tmp_db, owner, Role.HOST, "xiaomei")
    with tmp_db.unit_of_work(owner) as s:
        s.execute(insert(SessionHost), [{"session_id": session_a, "user_id": host.user_id}])
        s.execute(
            insert(Order),
            [
                {"id": 1, "platform": "douyin", "platform_order_id": "6938475610293847561", "session_id": session_a,
                 "paid_at": NOW - timedelta(days=5), "buyer_nickname": "小鱼**"},
                {"id": 2, "platform": "kuaishou", "platform_order_id": "2311098877665544", "paid_at": NOW,
                 "buyer_nickname": "阿花**"},
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
                       due_at=NOW + timedelta(hours=30), due_rule="legal.no_reason_refund"),
                ticket(2, order_id=2, kind="refund_only", summary="未发货要求退款", buyer_nickname="阿花**",
                       due_at=NOW + timedelta(hours=3), due_rule="platform.refund_48h"),
                ticket(3, order_id=1, kind="complaint", summary="主播承诺的赠品没收到",
                       due_at=NOW - timedelta(hours=2), due_rule="legal.complaint_15d"),
                ticket(4, status="closed", summary="咨询发货时间", kind="inquiry"),
                ticket(5, summary="耳机没声音，申请三包维修", kind="repair",
                       due_at=NOW - timedelta(hours=1), due_rule="internal.first_response"),
            ],
        )  # fmt: skip
    return {"session": session_a, "host": host.user_id}


def codes(page) -> list[str]:
    return [row.code[-1] for row in page.rows]


def read(tmp_db, flt: QueueFilter | None = None, **kw):
    with tmp_db.sessions() as s:
        return queue_page(s, flt or QueueFilter(), zone=ZONE, **kw)


def test_the_queue_puts_the_nearest_deadline_first_and_tickets_without_one_last(tmp_db, desk):
    page = read(tmp_db)
    assert codes(page) == ["3", "5", "2", "1", "4"] and page.total == 5
    assert codes(read(tmp_db, sort="opened")) == ["1", "2", "3", "4", "5"]  # newest first
    assert codes(read(tmp_db, limit=2, offset=2)) == ["2", "1"]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (QueueFilter(kinds=("complaint", "repair")), ["3", "5"]),
        (QueueFilter(statuses=("closed",)), ["4"]),
        (QueueFilter(open_only=True), ["3", "5", "2", "1"]),
        (QueueFilter(platforms=("douyin",)), ["3", "1"]),
        (QueueFilter(opened_from=date(2026, 11, 17), opened_to=date(2026, 11, 18)), ["3", "2"]),
    ],
    ids=["type", "status", "open_only", "platform", "studio_days"],
)
def test_filters_narrow_the_queue(tmp_db, desk, flt, expected):
    page = read(tmp_db, flt)
    assert codes(page) == expected and page.total == len(expected)


def test_session_and_host_filters_follow_the_order_to_its_stream(tmp_db, desk):
    assert codes(read(tmp_db, QueueFilter(session_id=desk["session"]))) == ["3", "1"]
    assert codes(read(tmp_db, QueueFilter(host_id=desk["host"]))) == ["3", "1"]


@pytest.mark.parametrize(
    ("text", "expected", "how"),
    [
        ("四件套", ["1"], "index"),  # ticket text, three characters: the trigram index
        ("3847561", ["3", "1"], "index"),  # a piece of the order number
        ("SH-202611-0005", ["5"], "index"),
        ("起球", ["1"], "scan"),  # two characters: trigrams cannot match them, a plain scan does
        ("阿花", ["2"], "scan"),  # a buyer nickname
        ("赠", ["3"], "scan"),
        ("没有这个", [], "index"),
    ],
)
def test_search_finds_ticket_text_order_numbers_and_nicknames(tmp_db, desk, text, expected, how):
    page = read(tmp_db, QueueFilter(text=text))
    assert (codes(page), page.searched_by, page.total) == (expected, how, len(expected))


def test_the_search_index_follows_a_changed_summary(tmp_db, owner, desk):
    with tmp_db.unit_of_work(owner) as s:
        s.execute(update(Ticket).where(Ticket.id == 4).values(summary="顾客改要换货"))
    assert codes(read(tmp_db, QueueFilter(text="要换货"))) == ["4"]
    assert codes(read(tmp_db, QueueFilter(text="发货时间"))) == []


def test_each_row_is_coloured_by_its_deadline_and_whether_that_line_is_legal(tmp_db, desk):
    legal = frozenset({"legal.no_reason_refund", "legal.complaint_15d"})
    states = {row.code[-1]: queue_state(row, NOW, legal_rules=legal) for row in read(tmp_db).rows}
    assert states == {"3": "breached", "5": "overdue", "2": "due_soon", "1": "fine", "4": "done"}


def test_a_saved_view_comes_back_with_its_filters(tmp_db, owner, desk):
    flt = QueueFilter(kinds=("complaint",), open_only=True, opened_from=date(2026, 11, 1), text="赠品")
    with tmp_db.unit_of_work(owner) as s:
        view_id = save_view(s, owner.user_id, "投诉待办", flt)
        save_view(s, owner.user_id, "投诉待办", flt)  # saving again overwrites, no duplicate
    with tmp_db.sessions() as s:
        assert saved_views(s, owner.user_id) == ((view_id, "投诉待办", flt),)
        assert saved_views(s, None) == ()  # views are per person
    with tmp_db.unit_of_work(owner) as s:
        delete_view(s, owner.user_id, view_id)
    with tmp_db.sessions() as s:
        assert saved_views(s, owner.user_id) == ()


def test_a_view_without_a_name_or_an_unknown_sort_is_refused_naming_the_field(tmp_db, owner, desk):
    with pytest.raises(InvalidInput) as refused, tmp_db.unit_of_work(owner) as s:
        save_view(s, owner.user_id, "  ", QueueFilter())
    assert refused.value.field == "name"
    with pytest.raises(InvalidInput) as refused:
        read(tmp_db, sort="price")
    assert refused.value.field == "sort"


@pytest.fixture
def due_desk(tmp_db, owner, desk):
    """The desk with ticket 3 past the legal 15-day handling line, one due at 23:59 tonight, and a closed one past."""
    with tmp_db.unit_of_work(owner) as s:
        s.execute(update(Ticket).where(Ticket.id == 3).values(due_rule="handling_breach"))
        s.execute(update(Ticket).where(Ticket.id == 1).values(due_at=NOW + timedelta(hours=11, minutes=59)))
        s.execute(
            update(Ticket)
            .where(Ticket.id == 4)
            .values(due_at=NOW - timedelta(days=1), due_rule="handling_breach")
        )
    return desk


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (
            "today",
            ["3", "5", "2", "1"],
        ),  # before 24:00 in the studio, overdue ones included; closed ones never
        ("overdue", ["3", "5"]),  # past any deadline
        ("breached_15d_handling_line_punishment_measures_art_8_9", ["3"]),
    ],
)
def test_the_due_filter_opens_what_the_dashboard_counted(tmp_db, due_desk, due, expected):
    page = read(tmp_db, QueueFilter(due=due.split("_")[0]), now=NOW)
    assert codes(page) == expected and page.total == len(expected)


def test_the_due_filter_follows_the_studio_day_not_utc(tmp_db, due_desk):
    late = NOW + timedelta(hours=12, minutes=30)  # 00:30 the next studio day: ticket 1 (23:59) is now overdue
    assert codes(read(tmp_db, QueueFilter(due="overdue"), now=late)) == ["3", "5", "2", "1"]


def test_a_due_filter_survives_a_saved_view_and_an_unknown_one_is_refused(tmp_db, owner, due_desk):
    flt = QueueFilter(due="breached", kinds=("complaint",))
    assert QueueFilter.from_json(flt.to_json()) == flt
    with pytest.raises(InvalidInput) as refused:
        read(tmp_db, QueueFilter(due="someday"))
    assert refused.value.field == "due"


def test_the_stream_filter_follows_an_order_attributed_again(tmp_db, owner, desk):
    """tickets.session_id is the order's stream kept by the database: a re-import that attributes the order to
    another stream (or to none) moves its tickets with it."""
    other = planned_session(tmp_db, owner, title="另一场")
    with tmp_db.unit_of_work(owner) as s:
        s.execute(update(Order).where(Order.id == 2).values(session_id=other))
    assert codes(read(tmp_db, QueueFilter(session_id=other))) == ["2"]
    with tmp_db.unit_of_work(owner) as s:
        s.execute(update(Ticket).where(Ticket.id == 2).values(order_id=1))  # a ticket moved to another order
    assert codes(read(tmp_db, QueueFilter(session_id=other))) == []
    assert codes(read(tmp_db, QueueFilter(session_id=desk["session"]))) == ["3", "2", "1"]
