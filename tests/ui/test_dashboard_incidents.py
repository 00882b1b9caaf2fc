"""工作台 舆情时限 (issue 6, deliverables 2 and 4): the dashboard lists open incidents whose response clock is
running out or missed, with the time left or overdue, and the early-warning proposals; clicking an incident opens
the 舆情 page with it selected, clicking a proposal opens the 舆情 page.

Basis: DOMAIN §6 response clocks (tier IV: first contact within 1 hour; tier III: public statement within 4 hours),
warned ``clock_warning.within_hours`` (2 h, [L]) ahead; DOMAIN §6 tier III: ten similar complaints in a day.
Incidents go through the services under a fixed clock; tickets are raw rows.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from core import clock
from core.db.models import Order, Product, Ticket
from core.services import incident_actions, incidents

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the studio
WAIT = 20_000
RED = "#b3261e"


def _open(db, owner, seen: datetime, text: str) -> int:
    with clock.fixed(seen + timedelta(minutes=1)), db.unit_of_work(owner) as s:
        return incidents.open_incident(
            s, owner, channel="xiaohongshu", link="https://www.xiaohongshu.com/explore/65a1b2c3",
            snapshot_text=text, first_seen_at=seen,
        ).id  # fmt: skip


@pytest.fixture
def desk(tmp_db, owner):
    """Incident ids: (running out, contacted in time, statement missed); ten tickets on one product today."""
    running = _open(
        tmp_db, owner, NOW - timedelta(minutes=48), "保温杯漏水，客服不理人"
    )  # IV: contact by 12:12
    met = _open(tmp_db, owner, NOW - timedelta(minutes=30), "发货太慢")
    with clock.fixed(NOW - timedelta(minutes=20)), tmp_db.unit_of_work(owner) as s:
        incident_actions.record_action(s, owner, met, "contacted", body="已私信联系买家")
    missed = _open(tmp_db, owner, NOW - timedelta(hours=5, minutes=5), "直播间虚假宣传")
    with clock.fixed(NOW - timedelta(hours=5)), tmp_db.unit_of_work(owner) as s:
        incidents.set_tier(s, owner, missed, "III")  # statement due within 4 h: an hour ago
    with tmp_db.unit_of_work(owner) as s:
        s.execute(insert(Product), [{"id": 1, "sku": "CUP-01", "name": "真空保温杯", "category": "general"}])
        s.execute(
            insert(Order),
            [{"id": 1, "platform": "douyin", "platform_order_id": "6938475610", "product_id": 1}],
        )
        s.execute(
            insert(Ticket),
            [
                {"id": n, "code": f"SH-202611-{n:04d}", "kind": "exchange", "reason": "no_reason", "status": "new",
                 "opened_at": NOW - timedelta(hours=3, minutes=n), "order_id": 1}
                for n in range(1, 11)
            ],
        )  # fmt: skip
    return running, met, missed


@pytest.fixture
def window(qtbot, tmp_db, owner, tasks, desk):
    from ui.main_window import MainWindow

    with clock.fixed(NOW, step=timedelta(0)):
        main = MainWindow(tmp_db, owner, tasks)
        qtbot.addWidget(main)
        main.resize(1280, 800)
        main.show()
        dashboard = main.current_page()
        qtbot.waitUntil(lambda: "…" not in dashboard.ticket_tiles["today"].accessibleName(), timeout=WAIT)
        qtbot.waitUntil(lambda: dashboard.incidents_list.count() > 1, timeout=WAIT)
        yield main


def _items(page):
    return [page.incidents_list.item(i) for i in range(page.incidents_list.count())]


def _code(db, incident_id: int) -> str:
    from core.db.models import Incident

    with db.sessions() as s:
        return s.get(Incident, incident_id).code


def test_domain6_a_missed_statement_and_a_first_contact_running_out_are_listed_with_their_time(
    window, tmp_db, desk
):
    running, _met, missed = desk
    lines = [item for item in _items(window.current_page()) if item.data(0x0100)[0] == "incident"]
    assert [item.data(0x0100)[1] for item in lines] == [missed, running]  # the missed one first
    overdue, soon = (item.text() for item in lines)
    assert overdue.startswith(_code(tmp_db, missed)) and "小红书" in overdue and "公开声明" in overdue
    assert " 1 " in overdue and lines[0].foreground().color().name() == RED
    assert soon.startswith(_code(tmp_db, running)) and "首次联系" in soon and " 12 " in soon
    assert lines[1].foreground().color().name() != RED


def test_domain6_a_clock_met_in_time_is_not_listed(window, tmp_db, desk):
    _running, met, _missed = desk
    texts = [item.text() for item in _items(window.current_page())]
    assert not any(text.startswith(_code(tmp_db, met)) for text in texts)


def test_domain6_tier_iii_ten_similar_tickets_today_show_as_a_proposal(window):
    [proposal] = [item for item in _items(window.current_page()) if item.data(0x0100)[0] == "proposal"]
    assert "真空保温杯" in proposal.text() and "10" in proposal.text()


def _click(qtbot, page, item) -> None:
    from PySide6.QtCore import Qt

    rect = page.incidents_list.visualItemRect(item)
    qtbot.mouseClick(page.incidents_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_an_incident_opens_the_incidents_page_with_it_selected(qtbot, window, desk):
    running = desk[0]
    dashboard = window.current_page()
    [item] = [i for i in _items(dashboard) if i.data(0x0100) == ("incident", running)]
    with clock.fixed(NOW, step=timedelta(0)):
        _click(qtbot, dashboard, item)
        page = window.current_page()
        assert page.objectName() == "page_incidents"
        qtbot.waitUntil(
            lambda: (
                page.table.currentIndex().isValid()
                and page.model.incident_id(page.table.currentIndex().row()) == running
            ),
            timeout=WAIT,
        )


def test_clicking_a_proposal_opens_the_incidents_page(qtbot, window):
    dashboard = window.current_page()
    [item] = [i for i in _items(dashboard) if i.data(0x0100)[0] == "proposal"]
    with clock.fixed(NOW, step=timedelta(0)):
        _click(qtbot, dashboard, item)
        assert window.current_page().objectName() == "page_incidents"
