"""The evidence pack (issue 5, deliverable 7): what a studio sends with a platform appeal or a 12315 mediation.

Basis: in a dispute the seller produces the original records (电子商务法 Art 62); promises said on air bind
(消费者权益保护法实施条例 2024); the no-reason window over 国庆 runs to the first working day (民法典 Art 203). The pack
carries the promise verbatim with its ledger entry, every deadline with its basis, the attachments' SHA-256 and the
ledger head, so a reviewer can check it against ``python main.py verify``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import insert

from core import clock, ledger
from core.db.models import Order
from core.errors import InvalidInput
from core.reports.evidence_pack import build_evidence_pack
from core.services import catalog, checklist, promises, ticket_links, tickets
from core.services.evidence_pack import evidence_pack_data, evidence_pack_for_code
from core.services.lineup import add_to_lineup
from core.services.live_timeline import end_session, put_on_air
from tests.builders import planned_session

ROOT = Path(__file__).resolve().parents[2]
LIVE = datetime(2026, 9, 27, 12, 0, tzinfo=UTC)  # 20:00 in the studio
SIGNED = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)  # 10:00 the day before 国庆
OPENED = datetime(2026, 10, 2, 3, 0, tzinfo=UTC)
NOW = OPENED + timedelta(hours=3)
WORDING = "这款四件套支持7天无理由退货，还送运费险"
PHOTO = b"\x89PNG\r\n\x1a\n" + b"buyer photo of the stained duvet cover" * 20


@dataclass(frozen=True)
class Case:
    ticket_id: int
    code: str
    promise_id: int
    photo_sha: str


def build_case(db, owner) -> Case:
    """A session that went live (checklist override + go_live), aired two products and logged the promise; an order
    paid in it and signed for on 2026-09-30; a no-reason return ticket linking the promise, with a note, a reply,
    an attachment and a status change."""
    sid = planned_session(db, owner, title="国庆前家纺专场", start=LIVE)
    with db.unit_of_work(owner) as s:
        ids = []
        for n, (name, fen) in enumerate((("加厚珊瑚绒四件套", 19900), ("乳胶枕", 8900)), start=1):
            product = catalog.add_product(s, owner, sku=f"HM-00{n}", name=name, category="general")
            add_to_lineup(s, owner, sid, product.id, live_price_fen=fen, today=LIVE.date())
            ids.append(product.id)
        checklist.override_gate(s, owner, sid, "测试场：店主放行")
        checklist.go_live(s, owner, sid, now=LIVE)
    duvet, pillow = ids
    with clock.fixed(LIVE + timedelta(minutes=1)), db.unit_of_work(owner) as s:
        put_on_air(s, owner, sid, product_id=pillow)
    with clock.fixed(LIVE + timedelta(minutes=10)), db.unit_of_work(owner) as s:
        put_on_air(s, owner, sid, product_id=duvet)
    with clock.fixed(LIVE + timedelta(minutes=12)), db.unit_of_work(owner) as s:
        promise = promises.log_promise(s, owner, sid, kind="return_terms", wording=WORDING, product_id=duvet)
    with clock.fixed(LIVE + timedelta(minutes=30)), db.unit_of_work(owner) as s:
        put_on_air(s, owner, sid, product_id=pillow)
    with clock.fixed(LIVE + timedelta(minutes=60)), db.unit_of_work(owner) as s:
        end_session(s, owner, sid)
        s.execute(
            insert(Order),
            [{"id": 1, "platform": "douyin", "platform_order_id": "6938475610293847561", "session_id": sid,
              "product_id": duvet, "product_title": "加厚珊瑚绒四件套 1.8m床", "amount_fen": 19900, "quantity": 1,
              "paid_at": LIVE + timedelta(minutes=14), "shipped_at": LIVE + timedelta(hours=20),
              "signed_at": SIGNED, "buyer_nickname": "小鱼**", "status": "已签收"}],
        )  # fmt: skip
    with clock.fixed(OPENED), db.unit_of_work(owner) as s:
        ticket = tickets.create_ticket(s, owner, kind="return_refund", reason="no_reason", order_id=1)
        tid, code = ticket.id, ticket.code
        ticket_links.link_promise(s, owner, tid, promise.id)
        tickets.add_note(s, owner, tid, "买家称主播承诺送运费险，核对直播记录属实")
        ticket_links.attach_bytes(
            s, owner, db.vault_dir, tid, PHOTO, original_name="买家实拍.png", caption="污渍"
        )
    with clock.fixed(OPENED + timedelta(hours=1)), db.unit_of_work(owner) as s:
        tickets.change_status(s, owner, tid, "waiting_return", note="同意退货，运费由运费险承担")
    return Case(tid, code, promise.id, hashlib.sha256(PHOTO).hexdigest())


@pytest.fixture
def case(tmp_db, owner) -> Case:
    return build_case(tmp_db, owner)


def pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", ""), len(reader.pages)


def test_the_pack_gathers_order_promise_timeline_deadlines_events_and_attachments(tmp_db, case):
    with tmp_db.sessions() as s:
        data = evidence_pack_data(s, case.ticket_id, now=NOW, vault_dir=tmp_db.vault_dir)
        head = ledger.head(s)
    fields = dict(data.title_fields)
    assert fields["工单编号"] == case.code and fields["类型"] == "退货退款（原因：七日无理由）"
    assert fields["买家昵称"] == "小鱼**" and fields["状态"] == "等待退货"
    order = dict(data.order_fields)
    assert order["订单编号"] == "6938475610293847561" and order["金额 × 数量"] == "¥199.00 × 1"
    assert order["签收时间"] == "2026-09-30 10:00" and order["成交场次"].endswith("国庆前家纺专场")
    (promise,) = data.promises
    assert (promise.wording, promise.said_at, promise.offset) == (WORDING, "2026-09-27 20:12:00", "12:00")
    assert promise.state == "有效" and len(promise.entry_hash) == 64 and promise.entry_seq
    (group,) = data.segments
    marks = [line.marks for line in group.lines]
    assert [line.product for line in group.lines] == ["乳胶枕", "加厚珊瑚绒四件套", "乳胶枕"]
    assert marks[1] == f"承诺 #{case.promise_id} · 本订单付款 20:14:00" and marks[0] == marks[2] == ""
    window = next(d for d in data.deadlines if d.label == "七日无理由退货期")
    assert window.due == "2026-10-08 24:00" and window.binding == "法定" and "国庆" in window.why
    assert (window.state, window.done) == (
        "买家在期限内提出",
        "完成于 2026-10-02 11:00",
    )  # the buyer's window
    assert [e.what for e in data.events][:2] == ["新建工单", f"关联承诺 #{case.promise_id}"]
    assert all(e.entry_seq for e in data.events)
    (photo,) = data.attachments
    assert (photo.name, photo.sha256, photo.intact_text) == ("买家实拍.png", case.photo_sha, "完好")
    assert (data.ledger_count, data.ledger_hash) == (head.count, head.hash)


def test_a_handled_clock_says_met_and_a_changed_vault_file_says_so(tmp_db, case):
    vault_file = next(p for p in tmp_db.vault_dir.rglob("*") if p.is_file() and case.photo_sha in p.name)
    os.chmod(vault_file, 0o600)
    vault_file.write_bytes(b"swapped")
    with tmp_db.sessions() as s:
        data = evidence_pack_data(s, case.ticket_id, now=NOW, vault_dir=tmp_db.vault_dir)
    assert data.attachments[0].intact is False and data.attachments[0].intact_text == "缺失或内容已变"
    handling = next(d for d in data.deadlines if d.label == "十五日处理红线")
    assert handling.state_code == "met" and handling.done == "完成于 2026-10-02 12:00"


def test_pdf_carries_code_wording_deadline_hash_and_ledger_head_with_the_font_embedded(tmp_db, case):
    with tmp_db.sessions() as s:
        data = evidence_pack_data(s, case.ticket_id, now=NOW, vault_dir=tmp_db.vault_dir)
    pdf = build_evidence_pack(data)
    text, pages = pdf_text(pdf)
    assert "售后证据包" in text and case.code in text and "■" not in text
    assert WORDING in text and "2026-10-08 24:00" in text and case.photo_sha in text
    assert data.ledger_hash in text and "python main.py verify" in text
    assert f"第 {pages} 页，共 {pages} 页" in text and text.count(data.ledger_hash[:12]) >= pages + 1
    assert b"/FontFile2" in pdf  # the CJK TrueType font travels inside the file


def test_a_ticket_without_order_promises_or_files_still_prints_plainly(tmp_db, owner):
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        code = tickets.create_ticket(s, owner, kind="complaint", summary="买家投诉客服态度").code
    with tmp_db.sessions() as s:
        data = evidence_pack_for_code(s, code, now=NOW, vault_dir=tmp_db.vault_dir)
    text, _ = pdf_text(build_evidence_pack(data))
    assert "本工单没有关联订单" in text and "没有关联直播承诺" in text and "本工单没有附件" in text


def test_an_unknown_code_is_refused_by_name(tmp_db):
    with pytest.raises(InvalidInput, match="SH-209901-0001") as caught, tmp_db.sessions() as s:
        evidence_pack_for_code(s, "SH-209901-0001", now=NOW)
    assert caught.value.field == "ticket_code"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STUDIODESK_LANG": "zh_CN", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT
    )


def test_cli_writes_the_pack_and_an_unknown_code_exits_2_naming_it_with_nothing_written(
    tmp_db, tmp_db_path, case, tmp_path
):
    tmp_db.dispose()
    folder = tmp_path / "证据"
    folder.mkdir()
    out = folder / "证据包.pdf"
    result = cli("--db", str(tmp_db_path), "report", "evidence", case.code, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    text, _ = pdf_text(out.read_bytes())
    assert case.code in text and WORDING in text and case.photo_sha in text
    missing = folder / "missing.pdf"
    refused = cli("--db", str(tmp_db_path), "report", "evidence", "SH-209901-0001", "--out", str(missing))
    assert refused.returncode == 2 and "SH-209901-0001" in refused.stderr
    assert not missing.exists() and sorted(p.name for p in folder.iterdir()) == ["证据包.pdf"]


def test_a_long_session_shows_only_the_stretch_around_the_promise_and_the_payment(tmp_db, owner):
    sid = planned_session(tmp_db, owner, title="年货节长场", start=LIVE)
    with tmp_db.unit_of_work(owner) as s:
        ids = []
        for n in range(3):
            product = catalog.add_product(s, owner, sku=f"NH-{n}", name=f"年货礼盒{n}", category="general")
            add_to_lineup(s, owner, sid, product.id, live_price_fen=9900, today=LIVE.date())
            ids.append(product.id)
        checklist.override_gate(s, owner, sid, "测试场：店主放行")
        checklist.go_live(s, owner, sid, now=LIVE)
    for n in range(20):
        with clock.fixed(LIVE + timedelta(minutes=5 * n + 1)), tmp_db.unit_of_work(owner) as s:
            put_on_air(s, owner, sid, product_id=ids[n % 3])
    with clock.fixed(LIVE + timedelta(minutes=48)), tmp_db.unit_of_work(owner) as s:
        promise = promises.log_promise(s, owner, sid, kind="other", wording="礼盒都配手提袋")
    with clock.fixed(OPENED), tmp_db.unit_of_work(owner) as s:
        tid = tickets.create_ticket(s, owner, kind="complaint", summary="没有手提袋").id
        ticket_links.link_promise(s, owner, tid, promise.id)
    with tmp_db.sessions() as s:
        (group,) = evidence_pack_data(s, tid, now=NOW).segments
    assert [line.start for line in group.lines] == ["09-27 20:41:00", "09-27 20:46:00", "09-27 20:51:00"]
    assert group.lines[1].marks == f"承诺 #{promise.id}" and "共 20 段" in group.summary
