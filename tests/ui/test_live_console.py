"""直播中控台 live console (issue 4, deliverables 1–2): go live through the checklist gate, switch products with the
number keys, log promises from the keyboard (F-key template, Enter saves), refusals named, drafts restored."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from core.services import catalog, checklist, promises
from core.services.console_drafts import load_draft
from core.services.lineup import add_to_lineup
from core.services.live_timeline import timeline
from tests.builders import planned_session

TODAY = datetime(2026, 12, 1, tzinfo=UTC).date()


@pytest.fixture
def session_id(tmp_db, owner) -> int:
    """A planned session with three lineup products and every checklist item signed off as done."""
    live_id = planned_session(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as s:
        for n, (name, fen) in enumerate((("竹纤维毛巾", 1990), ("保温杯", 2990), ("棉袜", 990)), start=1):
            product = catalog.add_product(s, owner, sku=f"SKU-{n}", name=name, category="general")
            add_to_lineup(s, owner, live_id, product.id, live_price_fen=fen, today=TODAY)
        for item in checklist.start_run(s, owner, live_id).items:
            checklist.mark_done(s, owner, item.id)
    return live_id


def open_console(qtbot, context):
    from ui.pages.live_console import LiveConsolePage

    page = LiveConsolePage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    qtbot.waitUntil(lambda: page.state is not None, timeout=5000)
    return page


def refreshed_after(qtbot, page, action):
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        result = action()
    return result


def live_page(qtbot, context):
    page = open_console(qtbot, context)
    assert refreshed_after(qtbot, page, page.go_live) is True
    return page


def test_going_live_from_the_console_starts_the_clock_session(qtbot, context, tmp_db, session_id):
    page = open_console(qtbot, context)
    assert page.state.session_id == session_id
    assert page.go_live_button.isEnabled()
    refreshed_after(qtbot, page, page.go_live)
    assert page.state.live and page.state.actual_start is not None
    assert page.status.text() == page.tr("LIVE")  # 直播中 once translated
    assert not page.go_live_button.isEnabled() and page.end_button.isEnabled()


def test_the_checklist_gate_refusal_is_shown_beside_go_live(qtbot, context, tmp_db, owner):
    planned_session(tmp_db, owner, title="没签清单的场")
    page = open_console(qtbot, context)
    assert page.go_live() is False
    assert "没签清单的场" in page.gate_message.text()
    assert page.gate_message.isVisibleTo(page)


def test_pressing_2_puts_the_second_product_on_air_and_adds_a_timeline_row(
    qtbot, context, tmp_db, session_id
):
    page = live_page(qtbot, context)
    page.setFocus()
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        qtbot.keyClick(page, Qt.Key.Key_2)
    assert page.state.on_air.product_name == "保温杯"
    assert "保温杯" in page.on_air.text() and "¥29.90" in page.on_air.text()
    assert page.timeline.topLevelItemCount() == 1
    assert page.timeline.topLevelItem(0).text(2) == "保温杯"
    with tmp_db.sessions() as s:
        assert [row.product_name for row in timeline(s, session_id)] == ["保温杯"]


def test_f3_wording_and_enter_save_a_gift_promise_with_its_terms(qtbot, context, tmp_db, session_id):
    page = live_page(qtbot, context)
    qtbot.keyClick(page, Qt.Key.Key_F3)
    assert page.entry.kind == "gift"
    assert page.entry.editor.hasFocus() or page.entry.editor.isVisibleTo(page)
    page.entry.editor.setPlainText("前100名下单送保温杯一个")
    page.entry.relint()
    assert "100" in page.entry.terms.text()
    with qtbot.waitSignal(page.refreshed, timeout=5000):
        qtbot.keyClick(page.entry.editor, Qt.Key.Key_Return)
    with tmp_db.sessions() as s:
        saved = promises.list_promises(s, session_id)
    assert len(saved) == 1
    assert saved[0].kind == "gift" and saved[0].terms["limit"] == 100
    assert page.entry.message.text().endswith(f"#{saved[0].id}")  # 已记录 #n
    assert page.promises.topLevelItemCount() == 1
    assert page.promises.topLevelItem(0).text(3) == "前100名下单送保温杯一个"
    assert page.entry.wording() == ""


def test_empty_wording_is_refused_beside_the_field(qtbot, context, tmp_db, session_id):
    page = live_page(qtbot, context)
    page.entry.editor.setPlainText("   ")
    assert page.save_promise() is False
    assert "原话" in page.entry.message.text()
    with tmp_db.sessions() as s:
        assert promises.list_promises(s, session_id) == ()


def test_a_promise_with_no_session_live_is_refused_naming_it(qtbot, context, tmp_db, session_id):
    page = open_console(qtbot, context)
    page.entry.editor.setPlainText("今天拍下48小时内发货")
    assert page.save_promise() is False
    assert "没有在直播" in page.entry.message.text()
    assert page.switch_to(1) is False


def test_a_typed_draft_comes_back_in_a_new_console(qtbot, context, tmp_db, owner, session_id):
    page = live_page(qtbot, context)
    page.entry.pick_shortcut("F2")
    page.entry.editor.setPlainText("今天拍下48小时内发货")
    with qtbot.waitSignal(page.entry.draft_due, timeout=3000):
        pass
    with tmp_db.sessions() as s:
        assert load_draft(s, owner.user_id, session_id)["wording"] == "今天拍下48小时内发货"
    again = open_console(qtbot, context)
    assert again.entry.wording() == "今天拍下48小时内发货"
    assert again.entry.kind == "shipping_time"
    assert again.entry.started_at is not None


def test_the_compact_window_stays_on_top_and_holds_the_field(qtbot, context, session_id):
    page = live_page(qtbot, context)
    page.compact_button.setChecked(True)
    compact = page.compact
    assert compact is not None
    assert compact.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert page.entry.window() is compact
    page.compact_button.setChecked(False)
    assert page.compact is None and page.entry.window() is page.window()
