"""`report session SESSION_ID` (issue 7 deliverable 3): the promise sheet, then the session's after-sales picture.

Basis: promises made on air bind the studio (消费者权益保护法实施条例 2024) and a session's after-sales are measured by
the same KPIs as the month (DOMAIN §7); the signed sheet closes with the ledger head (电子商务法 Art 62).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import insert

from core.db.models import Incident, IncidentLink, Order, Promise, Ticket, TicketPromise
from core.reports.session_report import build_session_report
from core.services.session_report import session_report_data
from tests.builders import planned_session
from tests.core.test_promise_sheet import NOW, START, WORDINGS, streamed  # noqa: F401  (the streamed fixture)

ROOT = Path(__file__).resolve().parents[2]
LATER = NOW + timedelta(days=20)  # the after-sales have run on for three weeks


@pytest.fixture
def stream(request) -> int:
    """The promise sheet's streamed session (five promises, one amended, one retracted)."""
    return request.getfixturevalue("streamed")


def _after_sales(tmp_db, owner, sid: int) -> None:
    """Four orders of the stream; a complaint about the 48-hour promise (resolved: the promise was broken), an
    overdue refund past the legal line, a quick inquiry; an incident linked to the session."""
    with tmp_db.unit_of_work(owner) as s:
        ship = s.query(Promise).filter_by(session_id=sid, wording=WORDINGS[0]).one()
        s.execute(insert(Order), [
            {"id": n, "platform": "douyin", "platform_order_id": f"DY-{n}", "session_id": sid,
             "paid_at": START + timedelta(minutes=10 * n)}
            for n in range(1, 5)
        ])  # fmt: skip
        t = {"buyer_nickname": "", "opened_at": START + timedelta(days=1)}
        s.execute(insert(Ticket), [
            {"id": 1, "code": "SH-202612-0001", "kind": "complaint", "status": "resolved", "order_id": 1,
             "summary": "说好48小时发货，三天没动", "first_response_at": START + timedelta(days=1, minutes=20),
             "resolved_at": START + timedelta(days=2), **t},
            {"id": 2, "code": "SH-202612-0002", "kind": "refund_only", "status": "processing", "order_id": 2,
             "summary": "退款迟迟不到", "due_at": START + timedelta(days=16), "due_rule": "handling_breach", **t},
            {"id": 3, "code": "SH-202612-0003", "kind": "inquiry", "status": "closed", "order_id": 3,
             "summary": "问尺码", "first_response_at": START + timedelta(days=1, minutes=5),
             "resolved_at": START + timedelta(days=1, minutes=30), **t},
        ])  # fmt: skip
        s.execute(insert(TicketPromise), [{"ticket_id": 1, "promise_id": ship.id}])
        s.execute(insert(Incident), [{"id": 1, "code": "YQ-202612-001", "channel": "weibo", "tier": "IV",
                                      "summary": "微博吐槽发货慢", "first_seen_at": START + timedelta(days=3)}])  # fmt: skip
        s.execute(insert(IncidentLink), [{"incident_id": 1, "target_type": "session", "target_id": sid}])


def _text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", ""), len(reader.pages)


def test_session_figures_are_the_kpis_of_its_own_orders_and_tickets_beside_the_month(tmp_db, owner, stream):
    _after_sales(tmp_db, owner, stream)
    with tmp_db.sessions() as s:
        data = session_report_data(s, stream, now=LATER)
    assert (data.orders, data.tickets, data.period) == (4, 3, "2026-12")
    assert data.kpis["complaint_rate"] == 0.25  # one complaint in four orders
    assert (
        data.kpis["promise_fulfilment_rate"] == 0.75
    )  # four binding promises, one broken by a resolved ticket
    assert "incidents_iv" not in data.kpis and "corrective_open" not in data.kpis  # not split by session
    assert data.month["complaint_rate"] == 0.25  # the only session of December
    assert [o.code for o in data.overdue_tickets] == ["SH-202612-0002"]
    assert data.overdue_tickets[0].state == "breached"
    assert [i.code for i in data.incidents] == ["YQ-202612-001"]
    (broken,) = data.promise_tickets
    assert (
        broken.wording == WORDINGS[0] and broken.state == "broken" and broken.tickets == ("SH-202612-0001",)
    )
    assert sum(data.charts["tickets_by_type"].series[0][1]) == 3


def test_pdf_keeps_the_promise_sheet_then_adds_after_sales_pages_in_chinese(tmp_db, owner, stream):
    _after_sales(tmp_db, owner, stream)
    with tmp_db.sessions() as s:
        data = session_report_data(s, stream, now=LATER)
    pdf = build_session_report(data)
    text, pages = _text(pdf)
    assert pages >= 2 and "■" not in text
    assert (
        text.index("直播承诺单") < text.index("本场售后情况") < text.index("主播签字")
    )  # signatures close the file
    assert "投诉率" in text and "25.0%" in text  # a KPI name and the session's value
    assert "每日新增工单" in text and "工单类型分布" in text and "首次响应用时分布" in text
    assert "SH-202612-0002" in text and "已超法定期限" in text and "YQ-202612-001" in text
    assert "未兑现" in text and f"第 {pages} 页，共 {pages} 页" in text
    assert text.count(data.sheet.ledger_hash) == 1  # the full ledger head once, at the end
    assert b"/FontFile2" in pdf


def test_a_session_with_no_orders_says_so_plainly(tmp_db, owner):
    sid = planned_session(tmp_db, owner, title="空场次")
    with tmp_db.sessions() as s:
        data = session_report_data(s, sid, now=NOW)
    text, _pages = _text(build_session_report(data))
    assert data.orders == 0 and "本场没有订单，也没有售后工单" in text
    assert "本场没有记录承诺" in text and "本场的承诺没有关联工单" in text


def test_cli_report_session_writes_the_combined_file(tmp_db, owner, stream, tmp_path):
    _after_sales(tmp_db, owner, stream)
    out = tmp_path / "session.pdf"
    tmp_db.dispose()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_db.path), "report", "session", str(stream),
         "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text, _pages = _text(out.read_bytes())
    assert "直播承诺单" in text and "本场售后情况" in text and "SH-202612-0001" in text
