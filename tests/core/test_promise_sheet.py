"""The promise sheet (issue #4 deliverable 5): every promise and correction of a session, for the host to sign.

Basis: promises made on air must be kept (消费者权益保护法实施条例 2024, DOMAIN §1); in a dispute the seller
produces the original record (电子商务法 Art 62), so the sheet carries each entry's ledger hash and the ledger head.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from core import clock, ledger
from core.db.models import SessionHost
from core.errors import InvalidInput
from core.reports.promise_sheet import build_promise_sheet
from core.services import catalog, checklist, promises
from core.services.lineup import add_to_lineup
from core.services.live_timeline import end_session, put_on_air
from core.services.promise_sheet import mmss, promise_sheet_data, terms_in_words
from tests.builders import planned_session

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # 20:00 in Asia/Shanghai
NOW = START + timedelta(hours=3)
WORDINGS = (
    "今天拍下48小时内发货",
    "正品保证，假一赔十",
    "前100名下单送保温杯一个",
    "保价30天，降价补差价",
    "这款支持7天无理由退货",
)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


@pytest.fixture
def streamed(tmp_db, owner) -> int:
    """A session that went live at 20:00, aired two products (one price change), logged five promises, one
    amended and one retracted, and ended at 21:10."""
    sid = planned_session(tmp_db, owner, title="双十二宠粉夜")
    with tmp_db.unit_of_work(owner) as s:
        s.add(SessionHost(session_id=sid, user_id=owner.user_id))
        ids = []
        for n, (name, fen) in enumerate((("竹纤维毛巾", 1990), ("保温杯", 2990)), start=1):
            product = catalog.add_product(s, owner, sku=f"SKU-{n}", name=name, category="general")
            add_to_lineup(s, owner, sid, product.id, live_price_fen=fen, today=START.date())
            ids.append(product.id)
        checklist.override_gate(s, owner, sid, "测试场：店主放行")
        checklist.go_live(s, owner, sid, now=START)
    towel, cup = ids
    steps = [
        (1, lambda s: put_on_air(s, owner, sid, product_id=towel)),
        (2, lambda s: promises.log_promise(s, owner, sid, kind="shipping_time", wording=WORDINGS[0], product_id=towel)),
        (5, lambda s: promises.log_promise(s, owner, sid, kind="compensation", wording=WORDINGS[1], product_id=towel)),
        (20, lambda s: put_on_air(s, owner, sid, product_id=cup)),
        (21, lambda s: promises.log_promise(s, owner, sid, kind="gift", wording=WORDINGS[2], product_id=cup)),
        (30, lambda s: put_on_air(s, owner, sid, product_id=cup, price_fen=2590)),
        (31, lambda s: promises.log_promise(s, owner, sid, kind="price_protection", wording=WORDINGS[3])),
        (65.5, lambda s: promises.log_promise(s, owner, sid, kind="return_terms", wording=WORDINGS[4])),
    ]  # fmt: skip
    logged = []
    for minute, step in steps:
        with clock.fixed(at(minute)), tmp_db.unit_of_work(owner) as s:
            result = step(s)
            if isinstance(result, promises.PromiseView):
                logged.append(result.id)
    with clock.fixed(at(66)), tmp_db.unit_of_work(owner) as s:
        promises.amend(s, owner, logged[2], session_id=sid, wording="前50名下单送保温杯一个")
        promises.retract(s, owner, logged[3], session_id=sid, reason="主播没说保价，场控记错")
    with clock.fixed(at(70)), tmp_db.unit_of_work(owner) as s:
        end_session(s, owner, sid)
    return sid


def sheet_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", ""), len(reader.pages)


def test_sheet_lists_every_promise_and_correction_with_state_terms_and_ledger_entry(tmp_db, streamed):
    with tmp_db.sessions() as s:
        data = promise_sheet_data(s, streamed, now=NOW)
        head = ledger.head(s)
    assert data.title == "双十二宠粉夜" and data.hosts == ("店主",)
    assert data.actual == "2026-12-01 20:00 至 21:10（共 1 小时 10 分）"
    assert (len(data.segments), data.products_on_air, data.price_changes) == (3, 2, 1)
    assert data.ledger_hash == head.hash and data.ledger_count == head.count
    by_wording = {row.wording: row for row in data.promises}
    assert len(data.promises) == 7  # five promises, an amendment, a retraction
    ship = by_wording[WORDINGS[0]]
    assert (ship.said_at, ship.offset, ship.product, ship.kind) == (
        "20:02:00",
        "02:00",
        "竹纤维毛巾",
        "发货时效",
    )
    assert ship.terms == "48 小时内发货" and ship.state == "有效" and len(ship.entry_hash) == 12
    assert by_wording[WORDINGS[1]].terms == "假一赔十"
    gift = by_wording[WORDINGS[2]]
    amendment = by_wording["前50名下单送保温杯一个"]
    assert gift.state == f"已修正→#{amendment.number}" and gift.terms == "前 100 名；赠品：保温杯一个"
    assert amendment.correction == f"修正 #{gift.number}" and amendment.state == "有效"
    assert amendment.offset == gift.offset == "21:00"  # an amendment fixes the record of what was said then
    retracted = by_wording[WORDINGS[3]]
    assert retracted.state.startswith("已撤回") and retracted.product == "（未指定商品）"
    assert by_wording[WORDINGS[4]].offset == "65:30"  # minutes keep counting past the hour
    assert dict(data.counts) == {"active": 4, "amended": 1, "retracted": 1, "retraction": 1}


def test_pdf_carries_title_wordings_states_and_ledger_head_with_the_font_embedded(tmp_db, streamed):
    with tmp_db.sessions() as s:
        data = promise_sheet_data(s, streamed, now=NOW)
    pdf = build_promise_sheet(data)
    text, pages = sheet_text(pdf)
    assert pages == 1
    assert "直播承诺单" in text and "双十二宠粉夜" in text and "■" not in text
    for wording in (*WORDINGS, "前50名下单送保温杯一个", "主播没说保价，场控记错"):
        assert wording in text, wording
    assert "已撤回" in text and "已修正" in text and "假一赔十" in text and "48 小时内发货" in text
    assert data.ledger_hash[:12] in text and "主播签字" in text and "第 1 页，共 1 页" in text
    assert b"/FontFile2" in pdf  # the CJK TrueType font travels inside the file


def test_a_long_session_runs_over_pages_each_numbered_with_the_ledger_head(tmp_db, owner):
    sid = planned_session(tmp_db, owner, title="年货节长场")
    with tmp_db.unit_of_work(owner) as s:
        checklist.override_gate(s, owner, sid, "测试场：店主放行")
        checklist.go_live(s, owner, sid, now=START)
    for n in range(60):
        with clock.fixed(at(n + 1)), tmp_db.unit_of_work(owner) as s:
            promises.log_promise(s, owner, sid, kind="other", wording=f"第{n + 1}条：直播间下单的都能开专票")
    with tmp_db.sessions() as s:
        data = promise_sheet_data(s, sid, now=NOW)
    text, pages = sheet_text(build_promise_sheet(data))
    assert pages >= 2
    assert "第60条" in text and f"第 {pages} 页，共 {pages} 页" in text
    assert text.count(data.ledger_hash[:12]) >= pages
    assert text.count("原话") >= pages  # the table header repeats on every page
    assert "仍在直播" in data.actual


def test_a_session_that_never_went_live_says_so(tmp_db, owner):
    sid = planned_session(tmp_db, owner, title="空场次")
    with tmp_db.sessions() as s:
        data = promise_sheet_data(s, sid, now=NOW)
    text, pages = sheet_text(build_promise_sheet(data))
    assert pages == 1 and "未开播" in text and "本场没有上播记录" in text and "本场没有记录承诺" in text


def test_unknown_session_is_refused_by_number(tmp_db):
    with pytest.raises(InvalidInput, match="4242") as caught, tmp_db.sessions() as s:
        promise_sheet_data(s, 4242, now=NOW)
    assert caught.value.field == "session_id"


@pytest.mark.parametrize(
    ("kind", "terms", "words"),
    [
        ("shipping_time", {"ship_within_days": 3}, "3 天内发货"),
        ("compensation", {"compensation_multiple": 3}, "假一赔三"),
        ("compensation", {"compensation_multiple": 12}, "假一赔十二"),
        ("lottery", {"winners": 10, "gift": "面膜"}, "抽 10 位；奖品：面膜"),
        ("quality_guarantee", {"guarantee_years": 1}, "质保 1 年"),
        ("other", {}, "（无）"),
    ],
    ids=["shipping_time", "compensation_3x_spc_2022_8_art10", "compensation_12x", "lottery_prize_art8",
         "guarantee", "no_terms"],
)  # fmt: skip
def test_terms_read_as_words(kind, terms, words):
    assert terms_in_words(kind, terms) == words


def test_offsets_read_as_minutes_and_seconds():
    assert (mmss(0), mmss(125), mmss(3725), mmss(None)) == ("00:00", "02:05", "62:05", "—")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STUDIODESK_LANG": "zh_CN", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT
    )


def test_cli_report_session_writes_the_sheet(tmp_db, tmp_db_path, streamed, tmp_path):
    tmp_db.dispose()
    out = tmp_path / "sheet.pdf"
    result = cli("--db", str(tmp_db_path), "report", "session", str(streamed), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    text, _ = sheet_text(out.read_bytes())
    assert "直播承诺单" in text and WORDINGS[1] in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".sheet")] == []  # no temp file left


def test_cli_report_session_of_an_unknown_session_names_it_exits_2_and_writes_nothing(tmp_db_path, tmp_path):
    out = tmp_path / "sheet.pdf"
    result = cli("--db", str(tmp_db_path), "report", "session", "4242", "--out", str(out))
    assert result.returncode == 2
    assert "4242" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.glob("*sheet*")) == []
