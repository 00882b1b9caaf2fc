"""售后工单详情 The ticket detail panel (issue 5, items 2, 3, 6): the nearest binding deadline and why, the actions
as single units of work with their timeline events, refusals shown beside the actions.

Basis: the 7-day no-reason window ends on the first working day after a holiday (消费者权益保护法 Art 25; 民法典
Art 203); every step is a ledger entry (电子商务法 Art 62); a rejection needs its reason (the ticket_flow rule).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from core import clock
from core.db.models import LiveSession, Order, Ticket
from core.services import catalog, promises, tickets
from core.services.ticket_events import ticket_timeline
from tests.builders import planned_session

SIGNED = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)  # 10:00 in the studio, the day before 国庆
OPENED = datetime(2026, 10, 2, 3, 0, tzinfo=UTC)
STARTED = datetime(2026, 9, 20, 12, 0, tzinfo=UTC)
WAIT = 20_000


@pytest.fixture
def ticket(tmp_db, owner) -> dict[str, int]:
    """An order signed for on 2026-09-30 from a live session with a gift promise, and a no-reason return on it."""
    sid = planned_session(tmp_db, owner, title="九月宠粉夜")
    with tmp_db.unit_of_work(owner) as s:
        live = s.get(LiveSession, sid)
        live.status, live.actual_start = "live", STARTED
        product = catalog.add_product(s, owner, sku="HM-001", name="加厚珊瑚绒四件套", category="general")
        s.execute(
            insert(Order),
            [{"id": 1, "platform": "douyin", "platform_order_id": "6938475610293847561", "product_id": product.id,
              "product_title": "加厚珊瑚绒四件套", "session_id": sid, "amount_fen": 19900, "paid_at": SIGNED,
              "signed_at": SIGNED, "buyer_nickname": "小鱼**"}],
        )  # fmt: skip
    with clock.fixed(STARTED + timedelta(minutes=5)), tmp_db.unit_of_work(owner) as s:
        gift = promises.log_promise(
            s, owner, sid, kind="gift", wording="前100名送枕套", product_id=product.id
        )
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        tid = tickets.create_ticket(s, owner, kind="return_refund", reason="no_reason", order_id=1).id
    return {"ticket": tid, "gift": gift.id, "session": sid}


@pytest.fixture
def panel(qtbot, context, ticket):
    from ui.pages.ticket_detail import TicketDetail

    widget = TicketDetail(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    with clock.fixed(OPENED), qtbot.waitSignal(widget.loaded, timeout=WAIT):
        widget.show_ticket(ticket["ticket"])
    return widget


def ui_text(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("TicketDetail", text)


def events(tmp_db, tid: int) -> list[str]:
    with tmp_db.sessions() as s:
        return [e.kind for e in ticket_timeline(s, tid)]


def timeline_rows(panel) -> list[tuple[str, ...]]:
    tree = panel.timeline
    return [tuple(tree.topLevelItem(i).text(c) for c in range(5)) for i in range(tree.topLevelItemCount())]


def act(qtbot, panel, fn, *args, **kwargs) -> bool:
    """Do one action and wait for the panel to show the ticket again."""
    with clock.fixed(OPENED + timedelta(hours=1)), qtbot.waitSignal(panel.loaded, timeout=WAIT):
        done = fn(*args, **kwargs)
        assert done, panel.action_message.text()
    return done


def test_nothing_selected_shows_the_empty_state(qtbot, context):
    from ui.pages.ticket_detail import TicketDetail

    widget = TicketDetail(context)
    qtbot.addWidget(widget)
    assert widget.stack.currentIndex() == 0
    assert widget.empty.isVisibleTo(widget)


def test_the_panel_shows_the_code_and_the_guoqing_extended_window_with_why_civil_code_art203(panel, ticket):
    assert "SH-202610-0001" in panel.header.title.text()
    assert "6938475610293847561" in panel.header.order.text()
    assert "¥199.00" in panel.header.order.text() and "九月宠粉夜" in panel.header.order.text()
    assert "2026-09-30 10:00" in panel.header.order.text()  # signed for, in studio time
    clocks = panel.deadlines.clocks
    rows = {
        clocks.topLevelItem(i).data(0, 256): clocks.topLevelItem(i) for i in range(clocks.topLevelItemCount())
    }
    window = rows["no_reason_return"]
    assert window.text(1) == "2026-10-08 24:00" and window.text(2) == ui_text("Legal")
    assert "国庆" in window.toolTip(1) and "2026-10-08" in window.toolTip(1)
    assert panel.deadlines.nearest.text() and panel.deadlines.why.text()


def test_a_status_button_writes_an_event_and_tells_the_queue(qtbot, panel, ticket, tmp_db):
    button = panel.step_buttons["in_progress"]
    with (
        qtbot.waitSignal(panel.changed, timeout=WAIT) as changed,
        clock.fixed(OPENED + timedelta(hours=1)),
        qtbot.waitSignal(panel.loaded, timeout=WAIT),
    ):
        button.click()
    assert changed.args == [ticket["ticket"]]
    assert events(tmp_db, ticket["ticket"]) == ["created", "status"]
    assert "处理中" in panel.header.title.text()
    assert any("处理中" in row[2] for row in timeline_rows(panel))


def test_reject_without_a_reason_is_refused_beside_the_actions_and_nothing_is_written(
    qtbot, panel, ticket, tmp_db
):
    panel.ask_rejection_reason = lambda: ""
    with qtbot.assertNotEmitted(panel.changed):
        panel.step_buttons["rejected"].click()
    assert "理由" in panel.action_message.text() and panel.action_message.isVisibleTo(panel)
    assert events(tmp_db, ticket["ticket"]) == ["created"]
    with tmp_db.sessions() as s:
        assert s.get(Ticket, ticket["ticket"]).status == "new"


def test_a_note_and_a_template_reply_appear_on_the_timeline_with_their_entries(qtbot, panel):
    act(qtbot, panel, panel.add_note, "买家说包装破损，已要照片")
    template_id, _title, body = panel.record.templates[0]
    assert "小鱼**" in body and "SH-202610-0001" in body  # filled for this ticket
    act(qtbot, panel, panel.send_reply, template_id, body + "（已改）")
    rows = timeline_rows(panel)
    assert [r[2] for r in rows] == ["新建工单", "备注", "回复买家"]
    assert rows[1][3] == "买家说包装破损，已要照片" and rows[2][3].endswith("（已改）")
    assert all(r[4].startswith("#") for r in rows)
    assert len(panel.timeline.topLevelItem(2).toolTip(4)) == 64  # the ledger entry's hash


def test_follow_up_satisfaction_is_recorded(qtbot, panel, ticket, tmp_db):
    act(qtbot, panel, panel.record_follow_up, True, 4, "买家满意")
    with tmp_db.sessions() as s:
        assert s.get(Ticket, ticket["ticket"]).satisfaction == 4
    assert timeline_rows(panel)[-1][2:4] == ("回访", "买家满意")
    assert not panel.record_follow_up(True, 9, "")  # outside the 1–5 scale: refused beside the actions
    assert "1–5" in panel.action_message.text()


def test_linking_a_suggested_promise_lists_it_with_its_wording(qtbot, panel, ticket):
    (suggested,) = panel.record.suggestions
    assert suggested.id == ticket["gift"]
    act(qtbot, panel, panel.link_promise, suggested.id)
    assert panel.promises.topLevelItemCount() == 1
    assert panel.promises.topLevelItem(0).text(2) == "前100名送枕套"
    assert panel.record.suggestions == ()
    panel.promises.setCurrentItem(panel.promises.topLevelItem(0))
    with clock.fixed(OPENED), qtbot.waitSignal(panel.loaded, timeout=WAIT):
        panel.unlink_button.click()
    assert panel.promises.topLevelItemCount() == 0


def test_an_attachment_is_listed_with_its_hash_and_opens_a_checked_copy(qtbot, panel, tmp_path):
    import hashlib

    photo = tmp_path / "破损照片.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the torn package")
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    act(qtbot, panel, panel.attach, photo)
    item = panel.attachments.topLevelItem(0)
    assert (
        item.text(0) == "破损照片.jpg" and item.toolTip(3) == digest and item.text(3).startswith(digest[:12])
    )
    opened = []
    panel.open_url = opened.append
    panel.attachments.setCurrentItem(item)
    task = panel.open_selected_attachment()
    with qtbot.waitSignal(task.ended, timeout=WAIT):
        pass
    assert opened and opened[0].toLocalFile().endswith("破损照片.jpg")


def test_the_evidence_pack_button_writes_the_pdf_for_this_ticket(qtbot, panel, ticket, tmp_path, monkeypatch):
    from io import BytesIO

    from pypdf import PdfReader
    from PySide6.QtWidgets import QMessageBox

    from ui import pdf_export

    out = tmp_path / "证据包.pdf"
    monkeypatch.setattr(pdf_export.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    panel.evidence_button.click()
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "evidencePackExported") is not None, timeout=10000)
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(out.read_bytes())).pages)
    assert panel.record.view.code in text and "2026-10-08" in text


def test_the_buyers_window_that_ended_unused_reads_as_ended_not_overdue_xiaofa25():
    """Found in the demo: a 7-day window the buyer let pass showed red 已超时, as if the studio had missed it."""
    from datetime import UTC, datetime

    from core.domain.deadlines import Deadline
    from ui.pages.ticket_detail_data import clock_state

    due = datetime(2026, 10, 8, 16, 0, tzinfo=UTC)
    later = datetime(2026, 11, 28, 4, 0, tzinfo=UTC)
    window = Deadline(
        key="no_reason_return", due=due, binding="legal", basis_zh="", basis_en="", buyer_window=True
    )
    line = Deadline(key="handling_breach", due=due, binding="legal", basis_zh="", basis_en="")
    assert (clock_state(window, later), clock_state(line, later)) == ("lapsed", "overdue")
