"""直播场次 page (issue #3 deliverable 2): plan a session, build its lineup, see its hosts' verification.

Basis shown to the user: 明码标价和禁止价格欺诈规定 Art 16 (a claimed original price must be backed by the 7-day
lowest), 直播电商监督管理办法 2026 (a lapsed paper keeps a product out unless the owner lets it in with a reason),
网络直播营销管理办法（试行） Art 17 (hosts real-name verified, 16 or older on the session day).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import auth, checklist, sessions
from tests.core.test_sessions import product_with_papers

SOON = (datetime.now(UTC) + timedelta(days=5)).replace(hour=11, minute=30, second=0, microsecond=0)


@pytest.fixture
def page(qtbot, context):
    from ui.pages.sessions import SessionsPage

    widget = SessionsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    with qtbot.waitSignal(widget.sessions_loaded, timeout=5000):
        pass
    return widget


def planned(context, **fields) -> int:
    values = {"title": "双十二宠粉夜", "platform": "douyin", "planned_start": SOON, **fields}
    with context.db.unit_of_work(context.actor) as s:
        return sessions.plan_session(s, context.actor, **values)


def shown(qtbot, page, session_id: int) -> None:
    with qtbot.waitSignal(page.session_shown, timeout=5000, check_params_cb=lambda sid: sid == session_id):
        page.refresh(session_id)


def card_of(page, session_id: int):
    for row in range(page.session_list.count()):
        item = page.session_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == session_id:
            return page.session_list.itemWidget(item)
    return None


def test_planning_through_the_dialog_lists_the_session_with_its_open_checklist_count(
    qtbot, page, context, host
):
    dialog = page.new_session()
    qtbot.waitUntil(lambda: dialog.hosts.count() == 2, timeout=5000)  # the host added after the page opened
    dialog.title.setText("   ")
    assert not dialog.submit()
    assert dialog.isVisible() and "标题" in dialog.form.error_text("title")

    dialog.title.setText("双十二宠粉夜")
    dialog.set_host_checked(host.user_id)
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        assert dialog.submit()
    with context.db.sessions() as s:
        [row] = sessions.list_sessions(s)
        open_items = len(checklist.get_run(s, row.id).open_required)
    card = card_of(page, row.id)
    expected = QCoreApplication.translate("SessionCard", "%1 items to go").replace("%1", str(open_items))
    assert open_items > 0 and card.checklist.text() == expected
    assert card.title.text() == "双十二宠粉夜"
    assert page.heading.text() == "双十二宠粉夜" and "主播小林" in page.facts.text()


def test_an_unbacked_claimed_original_price_is_flagged_red_with_its_basis__price_fraud_art16(
    qtbot, page, context
):
    product = product_with_papers(context.db, context.actor, "SKU-1", "竹纤维毛巾", conformity_expires=None)
    session_id = planned(context)
    shown(qtbot, page, session_id)
    dialog = page.lineup_tab.add_product()
    qtbot.waitUntil(lambda: bool(dialog.candidates), timeout=5000)
    assert dialog.select_product(product)
    dialog.prices.live.setText("19.9")
    dialog.prices.claimed.setText("abc")
    assert not dialog.submit()
    assert dialog.form.error_text("claimed_original_fen")
    dialog.prices.claimed.setText("¥59.90")
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        assert dialog.submit()

    table = page.lineup_tab.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (1, 2, 3)] == ["竹纤维毛巾", "¥19.90", "¥59.90"]
    verdict = table.item(0, 5)
    assert verdict.foreground().color() == QColor("#b91c1c")
    assert "第十六条" in verdict.toolTip() and "无据" in verdict.toolTip()
    assert "第十六条" in page.lineup_tab.detail.text()

    edit = page.lineup_tab.edit_selected()
    edit.prices.lowest.setText("59.90")
    edit.gift.setChecked(True)
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        assert edit.submit()
    verdict = page.lineup_tab.table.item(0, 5)
    assert verdict.foreground().color() != QColor("#b91c1c") and "不高于" in verdict.toolTip()
    assert page.lineup_tab.table.item(0, 4).text() == "¥59.90"


def test_a_lapsed_paper_is_refused_and_the_owner_lets_it_in_with_a_reason__zbds_measures_2026(
    qtbot, page, context
):
    lapsed = date.today() - timedelta(days=3)
    product = product_with_papers(context.db, context.actor, "SKU-2", "电热水壶", conformity_expires=lapsed)
    session_id = planned(context)
    shown(qtbot, page, session_id)
    dialog = page.lineup_tab.add_product()
    qtbot.waitUntil(lambda: bool(dialog.candidates), timeout=5000)
    assert dialog.select_product(product)
    dialog.prices.live.setText("89")
    assert not dialog.submit()
    assert "已过期" in dialog.form.error_text("product_id") and dialog.reason_shown
    dialog.reason.setText("新证已寄出，附快递单")
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        assert dialog.submit()
    papers = page.lineup_tab.table.item(0, 6).text()
    assert "新证已寄出" in papers


def test_the_hosts_tab_shows_an_under_age_host_with_the_basis__measures_art17(qtbot, page, context, tmp_db):
    with tmp_db.unit_of_work(context.actor) as s:
        young = auth.add_staff(
            s, context.actor, username="xiaoyu", display_name="小雨", role=Role.HOST, password="pass-word-123"
        )
        day = SOON.astimezone(sessions.studio_zone(s)).date()
        sixteenth_birthday_on_the_day = day.replace(year=day.year - 16)
        sessions.set_host_verification(
            s, context.actor, young.id, real_name_verified=True, birth_date=sixteenth_birthday_on_the_day
        )
    session_id = planned(context, host_ids=[young.id])
    shown(qtbot, page, session_id)
    table = page.hosts_tab.table
    assert table.item(0, 0).text() == "小雨"
    assert "未满 16 周岁" in table.item(0, 3).text()
    assert "第十七条" in table.item(0, 3).toolTip()
    assert "第十七条" in page.hosts_tab.detail.text()
    assert "Measures" not in table.item(0, 3).toolTip() + page.hosts_tab.detail.text()  # one language only

    dialog = page.hosts_tab.edit_selected()
    dialog.set_birth_date(sixteenth_birthday_on_the_day - timedelta(days=1))
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        assert dialog.submit()
    assert "未满" not in page.hosts_tab.table.item(0, 3).text()


def test_only_the_owner_edits_host_verification(qtbot, tmp_db, owner, tasks):
    from ui.context import PageContext
    from ui.pages.sessions import SessionsPage

    with tmp_db.unit_of_work(owner) as s:
        member = auth.add_staff(
            s, owner, username="liming", display_name="李明", role=Role.OPERATOR, password="pass-word-123"
        )
        session_id = sessions.plan_session(
            s, owner, title="周五专场", platform="douyin", planned_start=SOON, host_ids=[owner.user_id]
        )
    operator = Actor(member.id, member.display_name, Role.OPERATOR)
    page = SessionsPage(PageContext(db=tmp_db, actor=operator, tasks=tasks))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        page.refresh(session_id)
    assert not page.hosts_tab.edit_button.isEnabled() and page.hosts_tab.edit_selected() is None
    assert page.hosts_tab.note.text()
    assert page.lineup_tab.add_button.isEnabled()  # the operator plans the lineup


def test_copying_shows_what_was_skipped_and_why(qtbot, page, context):
    from core.db.models import LiveSession
    from core.services.lineup import add_to_lineup

    towel = product_with_papers(context.db, context.actor, "SKU-1", "竹纤维毛巾", conformity_expires=None)
    past, target = planned(context, title="上周专场"), planned(context, title="本周专场")
    with context.db.unit_of_work(context.actor) as s:
        add_to_lineup(s, context.actor, past, towel, live_price_fen=1990, today=date.today())
        add_to_lineup(s, context.actor, target, towel, live_price_fen=1990, today=date.today())
        s.get(LiveSession, past).status = "reviewed"
    shown(qtbot, page, target)
    dialog = page.lineup_tab.copy_from_past()
    assert dialog.select_source(past)
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        assert dialog.copy_selected()
    assert "竹纤维毛巾" in dialog.outcome.text() and "已在本场排品中" in dialog.outcome.text()
    assert page.lineup_tab.table.rowCount() == 1


def test_adding_a_product_reopens_the_signed_paper_check_on_the_checklist_tab(qtbot, page, context):
    """A sign-off vouched for the lineup as it was; after a product joins, the checklist tab shows it open again."""
    product = product_with_papers(context.db, context.actor, "SKU-1", "竹纤维毛巾", conformity_expires=None)
    session_id = planned(context)
    with context.db.unit_of_work(context.actor) as s:
        paper_check = next(i for i in checklist.get_run(s, session_id).items if i.code == "product_papers")
        checklist.mark_done(s, context.actor, paper_check.id)
    shown(qtbot, page, session_id)
    panel = page.checklist_panel
    qtbot.waitUntil(lambda: panel.screen is not None and panel.screen.view is not None, timeout=5000)
    state = {i.code: i.state for i in panel.screen.view.items}
    assert state["product_papers"] == "done"
    dialog = page.lineup_tab.add_product()
    qtbot.waitUntil(lambda: bool(dialog.candidates), timeout=5000)
    assert dialog.select_product(product)
    dialog.prices.live.setText("19.9")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        assert dialog.submit()
    state = {i.code: i.state for i in panel.screen.view.items}
    assert state["product_papers"] == "open"


def test_moving_a_product_up_changes_the_running_order_shown(qtbot, page, context):
    session_id = planned(context)
    products = [
        product_with_papers(context.db, context.actor, f"SKU-{n}", name, conformity_expires=None)
        for n, name in enumerate(("竹纤维毛巾", "记忆枕"))
    ]
    with context.db.unit_of_work(context.actor) as s:
        for pid in products:
            sessions.add_lineup_item(
                s, context.actor, session_id, pid, live_price_fen=990, today=date(2026, 12, 1)
            )
    shown(qtbot, page, session_id)
    tab = page.lineup_tab
    tab.table.setCurrentCell(1, 1)
    assert tab.up_button.isEnabled() and not tab.down_button.isEnabled()
    with qtbot.waitSignal(page.session_shown, timeout=5000):
        tab.up_button.click()
    assert [tab.table.item(r, 1).text() for r in range(2)] == ["记忆枕", "竹纤维毛巾"]
