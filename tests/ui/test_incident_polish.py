"""舆情 page, as a new user walked it (issue 6, round 2): a closed incident stays shown, a write keeps the panel where
it was, the clocks read in full, long log texts can be read whole, 时限均已完成 in the register, and an early
warning can be linked to the incident already open about it instead of opening a second one.

Basis: DOMAIN §6 — the tier's clocks and the handling log are what a person acts on and what is printed for a
dispute (电子商务法 Art 62: the record is the sequence of what was done, so it must be readable in full).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView

from core import clock
from core.services import incident_actions
from tests.ui import test_incidents_page as page_tests
from tests.ui.test_incident_detail import SEEN, make_panel, new_incident, ui_text
from tests.ui.test_incidents_page import WAIT, counts, make_page, register

fixed_now = page_tests.fixed_now  # the page tests' fixtures: three incidents, and a spike of ten tickets
register_rows = page_tests.register_rows
spike = page_tests.spike


def select(qtbot, page, incident_id: int) -> None:
    with qtbot.waitSignal(page.detail.loaded, timeout=WAIT):
        assert page.select_incident(incident_id)


def test_closing_under_being_handled_shows_it_among_all_still_selected_to_print(
    qtbot, context, register_rows
):
    page = make_page(qtbot, context)
    fresh = register_rows["fresh"]
    select(qtbot, page, fresh)
    assert page.status_filter() == "open"
    assert page.detail.close_incident("杯盖密封圈批次不良，已换供应商")
    qtbot.waitUntil(lambda: page.status_filter() == "", timeout=WAIT)
    qtbot.waitUntil(lambda: page.table.currentIndex().isValid(), timeout=WAIT)
    assert page.model.incident_id(page.table.currentIndex().row()) == fresh
    qtbot.waitUntil(lambda: page.detail.record.view.status == "closed", timeout=WAIT)
    assert page.detail.stack.currentIndex() == 1 and page.detail.print_button.isVisibleTo(page.detail)
    assert "杯盖密封圈" in page.detail.closure.text()


def test_a_write_keeps_the_panel_scrolled_where_it_was_and_another_incident_starts_at_the_top(
    qtbot, context, tmp_db, owner
):
    iid = new_incident(tmp_db, owner)
    other = new_incident(tmp_db, owner, summary="另一条")
    at = SEEN + timedelta(minutes=20)
    panel = make_panel(qtbot, context, iid, at)
    panel.resize(900, 420)
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=WAIT)
    bar.setValue(bar.maximum() - 40)  # down at the handling log / corrective actions
    kept = bar.value()
    with clock.fixed(at), qtbot.waitSignal(panel.loaded, timeout=WAIT):
        assert panel.record_action("contacted", "已私信顾客，约定换新")
    qtbot.wait(50)  # the layout settles on the event loop
    assert bar.value() == kept
    assert panel.log.topLevelItem(panel.log.topLevelItemCount() - 1).text(3) == "已私信顾客，约定换新"
    with clock.fixed(at), qtbot.waitSignal(panel.loaded, timeout=WAIT):
        panel.show_incident(other)
    qtbot.wait(50)
    assert bar.value() == 0


@pytest.mark.parametrize("width", [1280, 1500])
def test_the_clocks_read_in_full_at_common_window_widths(qtbot, context, tmp_db, owner, width):
    """Tier IV (DOMAIN §6): 首次联系 1 h and 整改方案 24 h — "剩 23 小时 59 分" must not become "剩 23 小…"."""
    from ui.pages.incidents import IncidentsPage

    iid = new_incident(tmp_db, owner)
    with clock.fixed(SEEN + timedelta(seconds=61)):
        page = IncidentsPage(context)
        qtbot.addWidget(page)
        page.resize(width, 800)
        page.show()
        qtbot.waitExposed(page)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
        with qtbot.waitSignal(page.detail.loaded, timeout=WAIT):
            page.open_incident(iid)
    qtbot.wait(50)
    clocks = page.detail.clocks
    rows = clocks.rows()
    hours = ui_text("%1 h %2 min").replace("%1", "23").replace("%2", "59")
    assert rows[1][1] == ui_text("%1 left").replace("%1", hours)
    assert rows[0][2] == "11-20 11:00"  # this year's due time without the year
    header = clocks.tree.header()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    for column in range(3):
        assert header.sectionSize(column) >= clocks.tree.sizeHintForColumn(column), column


def test_a_long_statement_reads_whole_in_its_tooltip_and_in_a_dialog_on_double_click(
    qtbot, context, tmp_db, owner
):
    iid = new_incident(tmp_db, owner, tier="III")
    statement = "关于保温杯漏水的说明：" + "我们已联系每一位购买该批次的顾客，提供免费换新或全额退款，" * 6
    with clock.fixed(SEEN + timedelta(minutes=30)), tmp_db.unit_of_work(owner) as session:
        incident_actions.record_action(session, owner, iid, "statement", body=statement)
        incident_actions.add_corrective_action(
            session, owner, iid, title="复核保温杯全部批次的密封圈并向供应商索取检测报告（附批次号与日期）",
            owner_id=owner.user_id, due_on=(SEEN + timedelta(days=3)).date(),
        )  # fmt: skip
    panel = make_panel(qtbot, context, iid, SEEN + timedelta(minutes=40))
    panel.resize(900, 900)
    panel.show()
    qtbot.waitExposed(panel)
    [row] = [
        panel.log.topLevelItem(i)
        for i in range(panel.log.topLevelItemCount())
        if panel.log.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "statement"
    ]
    assert row.toolTip(3) == statement and row.toolTip(2) == "发布声明"
    corrective = panel.corrective.topLevelItem(0)
    assert corrective.toolTip(0).startswith("复核保温杯全部批次") and corrective.toolTip(0).endswith("日期）")

    opened = []
    panel.open_dialog = lambda dialog: opened.append(dialog) or 0
    panel.log.scrollToItem(row)
    rect = panel.log.visualItemRect(row)
    where = QPoint(rect.left() + 20, rect.center().y())
    qtbot.mouseClick(panel.log.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(panel.log.viewport(), Qt.MouseButton.LeftButton, pos=where)
    [dialog] = opened
    assert statement in dialog.text.toPlainText() and "发布声明" in dialog.text.toPlainText()
    assert dialog.text.isReadOnly()
    assert dialog.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_the_register_says_all_clocks_met_for_an_open_incident_and_dash_for_a_closed_one(
    qtbot, context, tmp_db, owner
):
    from ui.pages.incident_list import IncidentModel

    iid = new_incident(tmp_db, owner)
    with clock.fixed(SEEN + timedelta(minutes=20)), tmp_db.unit_of_work(owner) as session:
        incident_actions.record_action(session, owner, iid, "contacted", body="已电话联系顾客")
        incident_actions.record_action(session, owner, iid, "fix_plan", body="整改：更换密封圈供应商")
    with clock.fixed(SEEN + timedelta(minutes=30)):
        page = make_page(qtbot, context)
        assert page.model.text(0, IncidentModel.CLOCK) == ui_text("All clocks met", "IncidentList")
        with qtbot.waitSignal(page.register_loaded, timeout=WAIT):
            page.status.setCurrentIndex(page.status.findData(""))
        with tmp_db.unit_of_work(owner) as session:
            incident_actions.close_incident(session, owner, iid, root_cause="密封圈批次不良")
        with qtbot.waitSignal(page.register_loaded, timeout=WAIT):
            page.reload()
    assert page.model.text(0, IncidentModel.CLOCK) == "—"


def test_an_early_warning_links_its_tickets_to_the_open_incident_selected(
    qtbot, context, tmp_db, owner, spike
):
    """The ten complaints about 保温杯 (tier III trigger) belong to the incident already open about it: linking
    them there, not opening a second incident."""
    iid = register(tmp_db, owner, seen=timedelta(hours=1), summary="保温杯漏水", link="")
    page = make_page(qtbot, context)
    [proposal] = page.proposals.proposals
    [link_button] = page.proposals.link_buttons
    assert link_button.text() == ui_text("Link to selected incident", "ProposalStrip")
    assert not link_button.isEnabled()  # nothing selected yet
    select(qtbot, page, iid)
    assert link_button.isEnabled() and page.model.rows[0].code in link_button.toolTip()
    with qtbot.waitSignal(page.detail.loaded, timeout=WAIT):
        link_button.click()
    assert counts(tmp_db) == (1, 10)
    assert page.detail.links.topLevelItemCount() == 10
    assert "SH-202611-0001" in page.detail.links.topLevelItem(0).text(0)
    log = page.detail.log.topLevelItemCount()
    with qtbot.waitSignal(page.detail.loaded, timeout=WAIT):
        assert page.link_proposal(proposal)  # already linked: harmless, nothing logged twice
    assert counts(tmp_db) == (1, 10) and page.detail.log.topLevelItemCount() == log
    assert page.model.rows[0].id == iid and page.status_filter() == "open"


def test_a_write_on_the_page_keeps_the_detail_scrolled_where_it_was(qtbot, context, register_rows):
    page = make_page(qtbot, context)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    select(qtbot, page, register_rows["fresh"])
    bar = page.detail.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100, timeout=WAIT)
    qtbot.wait(100)  # the wrapped labels settle at the panel's width
    bar.setValue(bar.maximum() - 20)
    kept, lines = bar.value(), page.detail.log.topLevelItemCount()
    with qtbot.waitSignal(page.register_loaded, timeout=WAIT):
        assert page.detail.record_action("contacted", "已私信顾客")
    qtbot.waitUntil(lambda: page.detail.log.topLevelItemCount() == lines + 1, timeout=WAIT)
    qtbot.wait(100)
    assert bar.value() == kept
