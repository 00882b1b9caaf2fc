"""承诺记录 tab on the sessions page (issue 4, item 5): the session's promises as on the promise sheet, filterable,
and 打印承诺单… writes the sheet.

Basis: promises made on air bind the studio (消费者权益保护法实施条例 2024; 法释〔2022〕8号 Arts 2, 8, 10); in a
dispute the seller produces the original record (电子商务法 Art 62), so corrections stay visible next to what they
correct and the sheet lists every row verbatim.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication

from core import clock
from core.services import catalog, checklist, promises
from tests.builders import planned_session

STARTED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # 20:00 in Shanghai
WAIT = 20_000


def said(minutes: int):
    return clock.fixed(STARTED + timedelta(minutes=minutes))


@pytest.fixture
def streamed(tmp_db, owner) -> dict[str, int]:
    """A session that went live at STARTED with four promises, one amended and one retracted."""
    sid = planned_session(tmp_db, owner, title="双十二宠粉夜")
    with tmp_db.unit_of_work(owner) as s:
        towel = catalog.add_product(s, owner, sku="SKU-1", name="竹纤维毛巾", category="general").id
        cup = catalog.add_product(s, owner, sku="SKU-2", name="保温杯", category="general").id
        checklist.override_gate(s, owner, sid, "测试场：店主放行", now=STARTED)
        checklist.go_live(s, owner, sid, now=STARTED)
    ids: dict[str, int] = {"sid": sid}
    entries = (
        ("ship", "shipping_time", "今天拍下48小时内发货", towel, 5),
        ("gift", "gift", "前100名送保温杯", cup, 6),
        ("fake", "compensation", "假一赔十", towel, 7),
        ("invoice", "other", "直播间下单都能开专票", None, 8),
    )
    for name, kind, wording, product, minutes in entries:
        with said(minutes), tmp_db.unit_of_work(owner) as s:
            ids[name] = promises.log_promise(s, owner, sid, kind=kind, wording=wording, product_id=product).id
    with said(9), tmp_db.unit_of_work(owner) as s:
        ids["amended"] = promises.amend(
            s, owner, ids["ship"], session_id=sid, wording="今天拍下24小时内发货"
        ).id
        ids["retraction"] = promises.retract(s, owner, ids["gift"], session_id=sid, reason="场控记错了").id
    return ids


@pytest.fixture
def page(qtbot, context):
    from ui.pages.sessions import SessionsPage

    widget = SessionsPage(context)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    with qtbot.waitSignal(widget.sessions_loaded, timeout=WAIT):
        pass
    return widget


def promise_tab(qtbot, page, session_id: int):
    """The sessions page showing ``session_id`` (written after the page opened) on its 承诺记录 tab."""
    tab = page.promises_tab
    with qtbot.waitSignal(page.session_shown, timeout=WAIT, check_params_cb=lambda sid: sid == session_id):
        page.refresh(session_id)
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.record is not None and tab.record.session_id == session_id, timeout=WAIT)
    return tab


def live_console(text: str, number: int) -> str:
    return QCoreApplication.translate("LiveConsolePage", text).replace("%1", str(number))


def showing(n: int, m: int) -> str:
    return (
        QCoreApplication.translate("SessionPromisesTab", "Showing %1 of %2")
        .replace("%1", str(n))
        .replace("%2", str(m))
    )


def column(tab, index: int) -> list[str]:
    return [tab.tree.topLevelItem(i).text(index) for i in range(tab.tree.topLevelItemCount())]


def test_every_promise_and_correction_is_listed_with_its_state_time_product_and_entry(
    qtbot, page, streamed, tmp_db
):
    tab = promise_tab(qtbot, page, streamed["sid"])
    ids = streamed
    # in the order said: an amendment and a retraction keep the original's time
    assert tab.shown_ids() == [
        ids["ship"], ids["amended"], ids["gift"], ids["retraction"], ids["fake"], ids["invoice"]
    ]  # fmt: skip
    states = dict(zip(tab.shown_ids(), column(tab, 7), strict=True))
    assert states[ids["ship"]] == live_console("amended by #%1", ids["amended"])
    assert states[ids["gift"]] == live_console("retracted by #%1", ids["retraction"])
    assert states[ids["retraction"]] == live_console("retraction of #%1", ids["gift"])
    assert states[ids["fake"]] == live_console("in force", 0)
    assert column(tab, 1)[0] == "20:05:00"  # said at, in the studio's timezone (Asia/Shanghai)
    assert column(tab, 2)[0] == "+00:05:00"
    assert column(tab, 3)[:3] == ["竹纤维毛巾", "竹纤维毛巾", "保温杯"] and column(tab, 3)[5] == "—"
    assert column(tab, 5)[0] == "今天拍下48小时内发货"  # verbatim, never edited
    with tmp_db.sessions() as s:
        digest = {v.id: v.entry_hash for v in promises.list_promises(s, ids["sid"])}[ids["fake"]]
    row = tab.shown_ids().index(ids["fake"])
    assert column(tab, 8)[row] == digest[:12]
    assert digest in tab.tree.topLevelItem(row).toolTip(8)
    assert tab.count.text() == showing(6, 6)


def test_the_type_and_text_filters_narrow_the_list_and_the_count_says_so(qtbot, page, streamed):
    tab = promise_tab(qtbot, page, streamed["sid"])
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("gift"))
    assert tab.shown_ids() == [streamed["gift"], streamed["retraction"]]
    assert tab.count.text() == showing(2, 6)

    tab.kind_filter.setCurrentIndex(0)
    tab.search.setText("专票")
    assert tab.shown_ids() == [streamed["invoice"]]
    assert tab.count.text() == showing(1, 6)

    tab.search.setText("没有这句话")
    assert tab.shown_ids() == [] and tab.count.text().startswith(showing(0, 6))


def test_the_corrected_state_filter_shows_the_amended_original_and_the_retraction(qtbot, page, streamed):
    tab = promise_tab(qtbot, page, streamed["sid"])
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("corrected"))
    assert tab.shown_ids() == [streamed["ship"], streamed["gift"], streamed["retraction"]]
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("in_force"))
    assert tab.shown_ids() == [streamed["amended"], streamed["fake"], streamed["invoice"]]
    assert tab.count.text() == showing(3, 6)


def test_the_product_filter_offers_each_product_present(qtbot, page, streamed):
    tab = promise_tab(qtbot, page, streamed["sid"])
    names = [tab.product_filter.itemText(i) for i in range(1, tab.product_filter.count())]
    assert names[:2] == ["保温杯", "竹纤维毛巾"] and len(names) == 3  # and "(no product)"
    tab.product_filter.setCurrentIndex(tab.product_filter.findText("竹纤维毛巾"))
    assert tab.shown_ids() == [streamed["ship"], streamed["amended"], streamed["fake"]]


def test_a_session_without_promises_says_so_and_showing_another_session_reloads(
    qtbot, page, streamed, tmp_db, owner
):
    quiet = planned_session(tmp_db, owner, title="还没开播的场", start=STARTED + timedelta(days=3))
    tab = promise_tab(qtbot, page, quiet)
    assert tab.stack.currentWidget() is tab.empty and tab.empty.isVisibleTo(page)
    assert tab.empty.text() == QCoreApplication.translate(
        "SessionPromisesTab",
        "No promises yet: they are logged from the live console once the session is live.",
    )
    tab = promise_tab(qtbot, page, streamed["sid"])
    assert len(tab.shown_ids()) == 6 and tab.stack.currentWidget() is tab.tree


def test_print_promise_sheet_writes_a_pdf_with_the_wording_and_says_where(
    qtbot, page, streamed, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui import pdf_export

    tab = promise_tab(qtbot, page, streamed["sid"])
    out = tmp_path / "承诺单"
    monkeypatch.setattr(
        pdf_export.QFileDialog, "getSaveFileName", lambda *args, **kw: (str(out), "PDF (*.pdf)")
    )
    assert tab.print_button.isEnabled()
    tab.print_button.click()
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "promiseSheetExported") is not None, timeout=WAIT)
    written = out.with_name("承诺单.pdf")  # ".pdf" added to a bare name
    box = tab.findChild(QMessageBox, "promiseSheetExported")
    assert str(written) in box.informativeText()
    box.close()
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(written.read_bytes())).pages)
    assert "假一赔十" in text and "今天拍下48小时内发货" in text and "双十二宠粉夜" in text


def test_a_gift_limit_below_the_paid_orders_is_a_red_line_above_the_list(qtbot, page, tmp_db, owner):
    """Issue 5: the over-promise check of the in-live issue raises a warning on the session (前2名 vs 3 paid)."""
    from sqlalchemy import insert

    from core.db.models import Order

    sid = planned_session(tmp_db, owner, title="限量福利场")
    with tmp_db.unit_of_work(owner) as s:
        cup = catalog.add_product(s, owner, sku="SKU-9", name="保温杯", category="general").id
        checklist.override_gate(s, owner, sid, "测试场：店主放行", now=STARTED)
        checklist.go_live(s, owner, sid, now=STARTED)
    with said(5), tmp_db.unit_of_work(owner) as s:
        promises.log_promise(s, owner, sid, kind="gift", wording="前2名下单送杯套", product_id=cup)
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Order),
            [{"platform": "douyin", "platform_order_id": f"69000000000000000{n}", "session_id": sid,
              "product_id": cup, "paid_at": STARTED} for n in range(3)],
        )  # fmt: skip
    tab = promise_tab(qtbot, page, sid)
    assert tab.over_promised.isVisibleTo(tab)
    assert "前2名下单送杯套" in tab.over_promised.text() and "3" in tab.over_promised.text()
