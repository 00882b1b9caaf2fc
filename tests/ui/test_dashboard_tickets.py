"""工作台 ticket counts (issue 5, deliverable 5): the dashboard shows how many open tickets are due today, overdue and
past a legal line, and clicking a count opens the 售后工单 queue showing exactly those tickets.

Basis: a passed legal line (侵害消费者权益行为处罚办法 Arts 8–9, 消费者权益保护法 Arts 24–25) is a breach, counted
apart from a merely overdue internal clock. Tickets are raw rows with their cached nearest deadline.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from core import clock
from core.db.models import Ticket

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the studio
WAIT = 20_000


@pytest.fixture
def desk(tmp_db, owner):
    rows = [
        (1, "new", timedelta(hours=-30), "handling_breach"),  # breached (legal 15-day line)
        (2, "in_progress", timedelta(hours=-2), "first_response"),  # overdue (internal)
        (3, "new", timedelta(hours=5), "refund_after_return"),  # due at 17:00 today
        (4, "new", timedelta(days=2), "handling_breach"),  # later
        (5, "closed", timedelta(hours=-9), "handling_breach"),  # done
    ]
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Ticket),
            [
                {"id": n, "code": f"SH-202611-000{n}", "kind": "return_refund", "status": status,
                 "opened_at": NOW - timedelta(days=3), "summary": f"工单{n}", "buyer_nickname": "",
                 "due_at": NOW + due, "due_rule": rule}
                for n, status, due, rule in rows
            ],
        )  # fmt: skip


@pytest.fixture
def window(qtbot, tmp_db, owner, tasks, desk):
    from ui.main_window import MainWindow

    with clock.fixed(NOW, step=timedelta(0)):
        main = MainWindow(tmp_db, owner, tasks)
        qtbot.addWidget(main)
        dashboard = main.current_page()
        qtbot.waitUntil(lambda: "…" not in dashboard.ticket_tiles["today"].accessibleName(), timeout=WAIT)
        yield main


def test_the_tiles_show_the_nested_counts(window):
    tiles = window.current_page().ticket_tiles
    assert tiles["today"].accessibleName().startswith("3 ")
    assert tiles["overdue"].accessibleName().startswith("2 ")
    assert tiles["breached"].accessibleName().startswith("1 ")


@pytest.mark.parametrize(
    ("tile", "codes"),
    [
        ("today", ["SH-202611-0001", "SH-202611-0002", "SH-202611-0003"]),
        ("overdue", ["SH-202611-0001", "SH-202611-0002"]),
        ("breached_legal_15_day_line", ["SH-202611-0001"]),
    ],
)
def test_clicking_a_count_opens_the_queue_with_exactly_those_tickets(qtbot, window, tile, codes):
    from PySide6.QtCore import Qt

    due = tile.split("_")[0]
    with clock.fixed(NOW, step=timedelta(0)):
        qtbot.mouseClick(window.current_page().ticket_tiles[due], Qt.MouseButton.LeftButton)
        tickets = window.current_page()
        assert tickets.objectName() == "page_tickets"
        qtbot.waitUntil(
            lambda: tickets.total == len(codes) and len(tickets.model.rows) == len(codes), timeout=WAIT
        )
    assert [row.code for row in tickets.model.rows] == codes
    assert tickets.current_filter().due == due
    chip = tickets.filters.due_chip
    assert chip.isVisibleTo(tickets) and chip.text()


def test_the_due_chip_drops_the_narrowing_and_shows_every_open_ticket(qtbot, window):
    from PySide6.QtCore import Qt

    with clock.fixed(NOW, step=timedelta(0)):
        window.current_page().open_queue("breached")
        tickets = window.current_page()
        qtbot.waitUntil(lambda: tickets.total == 1, timeout=WAIT)
        qtbot.mouseClick(tickets.filters.due_chip, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tickets.total == 4, timeout=WAIT)  # every open ticket
    assert not tickets.filters.due_chip.isVisibleTo(tickets)
