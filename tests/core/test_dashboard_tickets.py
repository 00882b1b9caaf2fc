"""The dashboard's ticket counts and the tray's due-soon list (issue 5, deliverable 5).

Basis: a passed legal line (消费者权益保护法 Arts 24–25, 侵害消费者权益行为处罚办法 Arts 8–9: more than fifteen days is
deliberate delay) is a breach, so the dashboard counts it apart from a merely overdue internal clock; the desk is
warned ``warn_within_hours`` (resources/rules/deadlines.json) before a line. Tickets are raw rows with their cached
nearest deadline, as in test_ticket_queue.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from core.db.models import Ticket
from core.services.dashboard import TicketCounts, entering_warning, ticket_counts
from core.services.ticket_queue import QueueFilter, queue_page

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the studio


def add_tickets(tmp_db, owner, *rows):
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Ticket),
            [
                {"id": n, "code": f"SH-202611-000{n}", "kind": "return_refund", "status": status,
                 "opened_at": NOW - timedelta(days=3), "summary": "", "buyer_nickname": "",
                 "due_at": NOW + due if due is not None else None, "due_rule": rule}
                for n, status, due, rule in rows
            ],
        )  # fmt: skip


def counts(tmp_db, now=NOW):
    with tmp_db.sessions() as s:
        return ticket_counts(s, now, ZONE)


def test_an_empty_desk_counts_nothing(tmp_db):
    assert counts(tmp_db) == TicketCounts(0, 0, 0)


def test_counts_are_nested_and_match_the_queue_each_one_opens(tmp_db, owner):
    add_tickets(
        tmp_db,
        owner,
        (1, "new", timedelta(hours=-30), "handling_breach"),  # past the legal 15-day line: breached
        (2, "return_received", timedelta(hours=-1), "refund_after_return"),  # legal 7-day refund: breached
        (3, "new", timedelta(hours=-2), "first_response"),  # internal clock past: overdue only
        (4, "waiting_customer", timedelta(hours=11, minutes=59), "handling_breach"),  # 23:59 tonight
        (5, "new", timedelta(hours=12, minutes=1), "handling_breach"),  # 00:01 tomorrow: not today
        (6, "closed", timedelta(hours=-5), "handling_breach"),  # done: never counted
        (7, "new", None, ""),  # no clock
    )
    assert counts(tmp_db) == TicketCounts(due_today=4, overdue=3, breached=2)
    with tmp_db.sessions() as s:
        totals = [
            queue_page(s, QueueFilter(due=d), zone=ZONE, now=NOW).total
            for d in ("today", "overdue", "breached")
        ]
    assert totals == [4, 3, 2]


def test_the_studio_day_ends_at_midnight_in_the_studio_not_in_utc(tmp_db, owner):
    add_tickets(
        tmp_db, owner, (1, "new", timedelta(hours=13), "handling_breach")
    )  # 01:00 tomorrow in Shanghai
    assert counts(tmp_db).due_today == 0
    assert counts(tmp_db, NOW + timedelta(hours=12, minutes=30)).due_today == 1  # 00:30 the next day


def test_warning_window_lists_open_tickets_due_within_the_rules_hours_soonest_first(tmp_db, owner):
    add_tickets(
        tmp_db,
        owner,
        (1, "new", timedelta(hours=23), "refund_after_return"),  # within 24 h
        (2, "new", timedelta(hours=2), "handling_breach"),
        (3, "new", timedelta(hours=25), "handling_breach"),  # outside the window
        (
            4,
            "new",
            timedelta(hours=-1),
            "handling_breach",
        ),  # already past: the dashboard's job, not a warning
        (5, "resolved", timedelta(hours=3), "handling_breach"),
    )
    with tmp_db.sessions() as s:
        found = entering_warning(s, NOW)
    assert [item.code for item in found] == ["SH-202611-0002", "SH-202611-0001"]
    assert found[0].due_at == NOW + timedelta(hours=2) and found[0].what  # named, not a raw key
    assert found[0].what != "deadlines.label.handling_breach"
