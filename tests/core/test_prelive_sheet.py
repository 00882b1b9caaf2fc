"""The pre-live sheet (issue #3 deliverable 5): one A4 page the host reads before going on air.

Basis: 直播电商监督管理办法 (2026) — papers, wording and price claims verified before each stream and the record kept;
明码标价和禁止价格欺诈规定 Art 16 — the claimed 原价 must be backed by the 7-day lowest price.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.db.models import LiveSession, Script, SessionHost
from core.db.opening import open_database
from core.domain.money import yuan
from core.errors import InvalidInput
from core.paths import vault_dir_for
from core.reports.prelive_sheet import build_prelive_sheet
from core.services import catalog, checklist
from core.services.catalog_documents import add_document
from core.services.lineup import add_to_lineup
from core.services.prelive import prelive_sheet_data

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in Asia/Shanghai
HEADINGS = ("开播前确认单", "商品排品", "开播检查", "话术检查", "主播签字")


def pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages), len(reader.pages)


def assert_readable_one_page(pdf: bytes) -> str:
    text, pages = pdf_text(pdf)
    assert pages == 1
    assert "■" not in text
    for heading in HEADINGS:
        assert heading in text, heading
    assert b"/FontFile2" in pdf  # the CJK TrueType font travels inside the file
    return text.replace("\n", "")


@pytest.fixture
def sample_db(tmp_path):
    path = tmp_path / "studio.db"
    shutil.copyfile(ROOT / "studio.db.sample", path)
    db = open_database(path)
    yield db
    db.dispose()


def test_money_reads_as_yuan_with_two_decimals():
    assert yuan(1290) == "¥12.90"
    assert yuan(5) == "¥0.05"
    assert yuan(128000) == "¥1,280.00"
    assert yuan(None) == "—"


def test_sample_session_sheet_shows_its_lineup_prices_and_times_in_chinese(sample_db):
    with sample_db.sessions() as s:
        live_id = (
            s.query(LiveSession.id)
            .filter(LiveSession.status == "planned")
            .order_by(LiveSession.id)
            .first()[0]
        )
        data = prelive_sheet_data(s, live_id, today=TODAY, now=NOW)
    assert data.lineup and data.studio_name
    text = assert_readable_one_page(build_prelive_sheet(data))
    first = data.lineup[0]
    assert first.product_name.replace(" ", "") in text.replace(" ", "")
    assert first.live_price in text and first.claimed_original in text
    assert data.title in text
    assert "Asia/Shanghai" in text and "2026-11-20 10:00" in text  # generated-at in the studio's time
    assert f"{data.ledger_count} 条" in text


def test_unknown_session_is_refused_by_number(sample_db):
    with pytest.raises(InvalidInput, match="4242"), sample_db.sessions() as s:
        prelive_sheet_data(s, 4242, today=TODAY, now=NOW)


@pytest.fixture
def busy_session(tmp_db, owner) -> int:
    """Ten products (one let in by the owner despite a lapsed paper), a half-done checklist and a script."""
    vault = vault_dir_for(tmp_db.path)
    with tmp_db.unit_of_work(owner) as s:
        supplier = catalog.add_supplier(s, owner, name="福州好物供应链")
        live = LiveSession(
            title="双十二宠粉夜", platform="douyin", shop="星禾优选旗舰店",
            planned_start=datetime(2026, 12, 12, 11, 30, tzinfo=UTC), created_by=owner.user_id,
        )  # fmt: skip
        s.add(live)
        s.flush()
        s.add(SessionHost(session_id=live.id, user_id=owner.user_id))
        for n in range(1, 11):
            product = catalog.add_product(
                s, owner, sku=f"SKU-{n}", name=f"加厚竹纤维毛巾礼盒 第{n}款 超长名称测试版", category="general",
                supplier_id=supplier.id,
            )  # fmt: skip
            if n == 1:
                add_document(
                    s, owner, vault, holder="product", holder_id=product.id, doc_type="conformity_certificate",
                    number="CC-1", issued_on=date(2025, 1, 1), expires_on=date(2026, 11, 1),
                )  # fmt: skip
            add_to_lineup(
                s, owner, live.id, product.id, live_price_fen=1990 + n, claimed_original_fen=5990,
                lowest_7d_fen=3990 if n % 2 else None,
                override_reason="新证已寄出，附快递单" if n == 1 else None, today=TODAY,
            )  # fmt: skip
        s.add(
            Script(
                session_id=live.id, title="开场话术", body="这是全网最低价，国家级品质，第一次来的朋友看过来"
            )
        )
        live_id = live.id
    with tmp_db.unit_of_work(owner) as s:
        run = checklist.start_run(s, owner, live_id, now=NOW)
        checklist.mark_done(s, owner, run.items[0].id, now=NOW)
        checklist.mark_not_applicable(s, owner, run.items[1].id, "本场无赠品", now=NOW)
        checklist.waive(s, owner, run.items[2].id, "客服由平台托管", now=NOW)
    return live_id


def test_busy_session_fits_one_page_and_warns_of_lapsed_paper_open_checklist_and_script(
    tmp_db, owner, busy_session
):
    with tmp_db.sessions() as s:
        data = prelive_sheet_data(s, busy_session, today=TODAY, now=NOW)
    assert len(data.lineup) == 10
    lapsed = data.lineup[0]
    assert lapsed.papers_state == "lapsed" and "已过期" in lapsed.papers and "合格证明" in lapsed.papers
    assert "新证已寄出" in lapsed.override and "店主" in lapsed.override
    assert data.lineup[1].price_flagged  # 原价 ¥59.90 with no 7-day lowest: unbacked
    assert dict(data.checklist.counts) == {
        "open": len(data.checklist.rows) - 3,
        "done": 1,
        "na": 1,
        "waived": 1,
    }
    assert not data.checklist.gate_allowed
    assert data.hosts == ("店主",)
    (script,) = data.scripts
    assert dict(script.counts)["error"] + dict(script.counts)["warning"] >= 1

    text = assert_readable_one_page(build_prelive_sheet(data))
    assert "已过期" in text and "新证已寄出" in text
    assert "不能开播" in text and "未完成" in text and "客服由平台托管" in text
    assert "¥19.91" in text and "¥59.90" in text and "¥39.90" in text
    assert "开场话术" in text and "2026-12-12 19:30" in text  # planned time in Asia/Shanghai
    assert "第 1 页" in text


def test_session_with_no_checklist_and_no_script_says_so(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as s:
        live = LiveSession(
            title="空场次", platform="kuaishou", planned_start=datetime(2026, 12, 1, tzinfo=UTC)
        )
        s.add(live)
        s.flush()
        data = prelive_sheet_data(s, live.id, today=TODAY, now=NOW)
    text = assert_readable_one_page(build_prelive_sheet(data))
    assert "还没有排品" in text and "尚未开始开播检查" in text and "还没有话术" in text
