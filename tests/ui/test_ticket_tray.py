"""售后提醒 tray (issue 5, deliverable 5): while the app runs, one notification names the open tickets that newly came
within the deadlines rule's warning window (warn_within_hours, DOMAIN §4) — once, not at every check.

Offscreen there is usually no system tray, so the check logic (DueWatch, read_due_soon, notification_text) is
tested on its own, and the tray itself only for doing nothing silently when there is none.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, update

from core import clock
from core.db.models import Ticket
from ui.ticket_tray import DueWatch, TicketTray, notification_text, read_due_soon

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the studio
ZONE = ZoneInfo("Asia/Shanghai")


def add(tmp_db, owner, n, due, rule="handling_breach", status="new"):
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Ticket),
            [{"id": n, "code": f"SH-202611-000{n}", "kind": "return_refund", "status": status,
              "opened_at": NOW - timedelta(days=3), "summary": "", "buyer_nickname": "",
              "due_at": NOW + due, "due_rule": rule}],
        )  # fmt: skip


def read(tmp_db, at=NOW):
    with clock.fixed(at, step=timedelta(0)):
        return read_due_soon(tmp_db)


def test_a_ticket_coming_due_is_announced_once_not_at_every_check(tmp_db, owner):
    add(tmp_db, owner, 1, timedelta(hours=3))
    add(tmp_db, owner, 2, timedelta(hours=30))  # outside the 24-hour window for now
    add(tmp_db, owner, 3, timedelta(hours=2), status="resolved")  # handled: never announced
    watch = DueWatch()
    assert [item.code for item in watch.check(read(tmp_db).items)] == ["SH-202611-0001"]
    assert watch.check(read(tmp_db).items) == []  # the next check: nothing new
    later = NOW + timedelta(hours=7)  # ticket 2 is now 23 hours away: it entered the window
    assert [item.code for item in watch.check(read(tmp_db, later).items)] == ["SH-202611-0002"]
    assert watch.check(read(tmp_db, later).items) == []


def test_a_ticket_whose_deadline_moves_is_announced_again_when_it_comes_due(tmp_db, owner):
    add(tmp_db, owner, 1, timedelta(hours=3))
    watch = DueWatch()
    assert len(watch.check(read(tmp_db).items)) == 1
    with tmp_db.unit_of_work(owner) as s:  # a new clock (e.g. the return arrived: the 7-day refund runs)
        s.execute(update(Ticket).where(Ticket.id == 1).values(due_at=NOW + timedelta(hours=20)))
    assert [item.code for item in watch.check(read(tmp_db).items)] == ["SH-202611-0001"]


def test_the_notification_names_codes_what_is_due_and_when_in_studio_time(tmp_db, owner):
    for n in range(1, 8):
        add(tmp_db, owner, n, timedelta(hours=n), rule="refund_after_return")
    items = list(read(tmp_db).items)
    title, body = notification_text(items, ZONE)
    assert "7" in title
    first = body.splitlines()[0]
    assert "SH-202611-0001" in first and "11-20 13:00" in first  # 05:00 UTC is 13:00 in the studio
    assert "deadlines.label" not in body and "退款" in first  # the deadline's name, in Chinese
    assert len(body.splitlines()) == 6 and "2" in body.splitlines()[-1]  # five named, "and 2 more"


def test_without_a_system_tray_the_reminder_does_nothing_silently(qtbot, tmp_db, owner, tasks, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    from ui.context import PageContext

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    opened = []
    tray = TicketTray(PageContext(db=tmp_db, actor=owner, tasks=tasks), lambda: opened.append(1))
    assert tray.start() is False
    assert tray.icon is None and not tray.timer.isActive()
    tray.check()  # a stray timer tick is harmless
    tray.stop()
    assert opened == []


@pytest.mark.parametrize("available", [True])
def test_a_new_ticket_in_the_window_is_put_into_one_message(qtbot, tmp_db, owner, tasks, available):
    from ui.context import PageContext
    from ui.ticket_tray import DueReading

    add(tmp_db, owner, 1, timedelta(hours=3))
    tray = TicketTray(PageContext(db=tmp_db, actor=owner, tasks=tasks), lambda: None)
    reading = read(tmp_db)
    assert [item.code for item in tray.announce(reading)] == ["SH-202611-0001"]
    assert tray.last_message is not None and "SH-202611-0001" in tray.last_message[1]
    assert tray.announce(DueReading(reading.items, ZONE)) == []


def test_only_those_who_work_tickets_get_the_reminder(qtbot, tmp_db, owner, tasks):
    """An operator or a host cannot act on a ticket, so the tray does not nag them (tickets.work: owner, service)."""
    from core.domain.codes import Role
    from tests.builders import add_staff
    from ui.main_window import MainWindow

    operator = add_staff(tmp_db, owner, Role.OPERATOR)
    window = MainWindow(tmp_db, operator, tasks)
    qtbot.addWidget(window)
    assert getattr(window, "ticket_tray", None) is None
    mine = MainWindow(tmp_db, owner, tasks)
    qtbot.addWidget(mine)
    assert mine.ticket_tray is not None
