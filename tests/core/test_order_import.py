"""Order import (issue 5): platform presets, bad input refused whole with row and column, re-import, attribution."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.db.models import AuditEvent, LineupItem, LiveSession, Order, Product
from core.errors import InvalidInput, PermissionDenied
from core.importers import order_sheet
from core.services.order_import import OrderImportRefused, import_orders

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "orders"
GENERIC_TEMPLATE = ROOT / "docs" / "examples" / "orders-generic-template.csv"


def _import(db, actor, name: str | Path, **kw):
    path = name if isinstance(name, Path) else FIXTURES / name
    with db.unit_of_work(actor) as session:
        return import_orders(session, actor, path, **kw)


def _orders(db) -> dict[tuple[str, str], Order]:
    with db.sessions() as session:
        return {(o.platform_order_id, o.sub_order_id): o for o in session.scalars(select(Order))}


def _count(db) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Order))


@pytest.mark.parametrize(
    ("fixture", "platform", "rows"),
    [
        ("douyin.csv", "douyin", 3),
        ("kuaishou_gbk.csv", "kuaishou", 2),
        ("taobao_two_sheets.xlsx", "taobao", 1),
        ("wechat.csv", "wechat", 1),
        (GENERIC_TEMPLATE, "generic", 1),
    ],
)
def test_each_platform_export_is_recognised_from_its_headers_and_imports(
    tmp_db, owner, fixture, platform, rows
):
    result = _import(tmp_db, owner, fixture)
    assert (result.platform, result.detected, result.added, result.rejected) == (platform, True, rows, 0)
    again = _import(tmp_db, owner, fixture, platform=platform)
    assert (again.detected, again.added, again.updated, again.unchanged) == (False, 0, 0, rows)


def test_order_numbers_stay_text_and_personal_data_is_masked_or_dropped(tmp_db, owner):
    _import(tmp_db, owner, "douyin.csv")
    orders = _orders(tmp_db)
    leading = orders[("0006920011223344000", "0006920011223344001")]
    first = orders[("6920011223344556677", "6920011223344556678")]
    assert leading.buyer_phone_masked == "139****5678" and leading.buyer_nickname == "李*"
    assert first.buyer_phone_masked == "138****2210" and first.buyer_nickname == "张**"
    assert first.region == "广东省广州市" and first.quantity == 2 and first.amount_fen == 7980
    assert first.paid_at == datetime(2026, 11, 27, 12, 15, 3, tzinfo=UTC)  # 20:15:03 in Asia/Shanghai
    assert (
        first.status == "已发货"
        and orders[("6920011223344556677", "6920011223344556679")].after_sales_status == "售后中"
    )
    with tmp_db.sessions() as session:
        stored = " ".join(str(v) for row in session.execute(select(Order.__table__)) for v in row)
    assert "天河路" not in stored and "张三丰" not in stored and "13800132210" not in stored


def test_kuaishou_region_comes_from_the_front_of_the_address_and_the_street_is_dropped(tmp_db, owner):
    _import(tmp_db, owner, "kuaishou_gbk.csv")
    regions = {o.platform_order_id: o.region for o in _orders(tmp_db).values()}
    assert regions == {"2411270000012345678": "四川省成都市", "2411270000012345679": "北京市"}


def test_dates_in_three_formats_and_an_excel_serial_all_read_as_studio_time(tmp_db, owner):
    _import(tmp_db, owner, "dates_three_formats.csv")
    paid = {o.platform_order_id: o.paid_at for o in _orders(tmp_db).values()}
    assert paid["A1001"] == paid["A1003"] == datetime(2026, 11, 27, 12, 15, 3, tzinfo=UTC)
    assert paid["A1002"] == paid["A1004"] == datetime(2026, 11, 27, 12, 15, tzinfo=UTC)


def test_amounts_with_yuan_sign_and_thousands_commas(tmp_db, owner):
    _import(tmp_db, owner, "amounts.csv")
    amounts = {o.platform_order_id: o.amount_fen for o in _orders(tmp_db).values()}
    assert amounts == {"B1001": 107980, "B1002": 3990, "B1003": 123400}


@pytest.mark.parametrize(
    ("fixture", "platform", "row", "field", "words"),
    [
        ("bad_amount.csv", None, 3, "实付金额(元)", "四十九元"),
        ("bad_date.csv", None, 3, "支付时间", "27.11.2026"),
        ("douyin_duplicate.csv", None, 5, "子订单编号", "第 2 行和第 5 行"),
        ("scientific_order_number.csv", None, 2, "订单号", "丢失了位数"),
        ("douyin_missing_paid.csv", "douyin", 1, "支付完成时间", "缺少列"),
        ("douyin_missing_paid.csv", None, 1, "file", "--platform"),
        ("utf16_no_bom.csv", None, None, "file", "编码"),
        ("empty.csv", None, 1, "file", "空的"),
        ("header_only.csv", None, 2, "file", "没有订单行"),
        ("no_order_sheet.xlsx", None, None, "file", "“Sheet1”、“Sheet2”"),
    ],
)
def test_bad_files_are_refused_naming_row_and_column_and_nothing_is_written(
    tmp_db, owner, fixture, platform, row, field, words
):
    _import(tmp_db, owner, "wechat.csv")
    before = _count(tmp_db)
    with pytest.raises(InvalidInput) as refused:
        _import(tmp_db, owner, fixture, platform=platform)
    assert (refused.value.row, refused.value.field) == (row, field)
    assert words in str(refused.value)
    assert _count(tmp_db) == before


def test_a_bad_row_after_many_good_batches_still_writes_nothing_and_counts_the_bad_rows(
    tmp_db, owner, tmp_path
):
    path = _generic_file(tmp_path / "big_bad.csv", 5000, bad_rows={4500, 4700})
    with pytest.raises(OrderImportRefused) as refused:
        _import(tmp_db, owner, path)
    assert refused.value.row == 4502 and refused.value.rejected == 2
    assert _count(tmp_db) == 0


def test_an_xlsx_order_number_stored_as_a_number_is_refused_not_rounded(tmp_db, owner, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append((*order_sheet.presets()["generic"].columns["order_id"][:1], "支付时间"))
    book.active.append([6920011223344556677.0, "2026-11-27 20:15:03"])
    book.save(tmp_path / "numbers.xlsx")
    with pytest.raises(InvalidInput, match="丢失了位数"):
        _import(tmp_db, owner, tmp_path / "numbers.xlsx")


def test_reimport_updates_only_what_changed_and_never_erases_a_known_time(tmp_db, owner, tmp_path):
    _import(tmp_db, owner, "douyin.csv")
    rows = list(csv.reader((FIXTURES / "douyin.csv").read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    rows[3][header.index("订单状态")] = "已发货"
    rows[3][header.index("发货时间")] = "2026-11-28 11:00:00"
    rows[1][header.index("发货时间")] = ""  # a later export that leaves the time out does not erase it
    changed = tmp_path / "douyin_later.csv"
    with changed.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = _import(tmp_db, owner, changed)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 2)
    orders = _orders(tmp_db)
    moved = orders[("0006920011223344000", "0006920011223344001")]
    assert moved.status == "已发货" and moved.shipped_at == datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
    assert orders[("6920011223344556677", "6920011223344556678")].shipped_at is not None
    with tmp_db.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "orders")).all()
    assert [e.after["updated"] for e in events] == [0, 1]


def test_dry_run_counts_and_writes_nothing(tmp_db, owner):
    result = _import(tmp_db, owner, "douyin.csv", dry_run=True)
    assert result.added == 3 and _count(tmp_db) == 0


def test_orders_are_attributed_to_the_session_they_were_paid_in_with_the_product_in_its_lineup(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        towel = Product(sku="HM-101", name="优品竹纤维毛巾 3条装", category="general")
        fungus = Product(sku="FD-002", name="黑木耳 250g", category="general")
        live = LiveSession(
            title="双十二宠粉夜", platform="douyin", status="ended",
            planned_start=datetime(2026, 11, 27, 11, 0, tzinfo=UTC), planned_end=datetime(2026, 11, 27, 14, 0, tzinfo=UTC),
        )  # fmt: skip
        other = LiveSession(
            title="快手专场", platform="kuaishou", status="ended",
            planned_start=datetime(2026, 11, 27, 11, 0, tzinfo=UTC), planned_end=datetime(2026, 11, 27, 14, 0, tzinfo=UTC),
        )  # fmt: skip
        session.add_all([towel, fungus, live, other])
        session.flush()
        session.add(LineupItem(session_id=live.id, product_id=towel.id, position=1, live_price_fen=3990))
        session.add(LineupItem(session_id=other.id, product_id=fungus.id, position=1, live_price_fen=3690))
        live_id, other_id, towel_id = live.id, other.id, towel.id
    _import(tmp_db, owner, "douyin.csv")
    orders = _orders(tmp_db)
    towel_order = orders[("6920011223344556677", "6920011223344556678")]
    assert (towel_order.session_id, towel_order.product_id) == (live_id, towel_id)
    # 黑木耳 is not in the douyin session's lineup (only in the kuaishou one): no session
    assert orders[("6920011223344556677", "6920011223344556679")].session_id is None
    _import(tmp_db, owner, "kuaishou_gbk.csv")
    assert _orders(tmp_db)[("2411270000012345679", "")].session_id == other_id


def test_importing_needs_the_orders_import_permission(tmp_db, owner):
    from core.domain.codes import Role
    from core.domain.roles import Actor

    with pytest.raises(PermissionDenied):
        _import(tmp_db, Actor(99, "主播", Role.HOST), "douyin.csv")


def _generic_file(path: Path, rows: int, bad_rows: set[int] = frozenset(), wide: int = 80) -> Path:
    header = ["订单号", "商品名称", "实付金额(元)", "支付时间", "订单状态", "手机号", "详细地址备注"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for n in range(rows):
            paid = "昨天" if n in bad_rows else f"2026-11-27 20:{n % 60:02d}:03"
            writer.writerow(
                [f"69{n:017d}", "优品竹纤维毛巾 3条装", "¥39.90", paid, "待发货", "13800132210", "x" * wide]
            )
    return path


def test_a_large_file_is_streamed_with_bounded_memory(tmp_db, owner, tmp_path):
    path = _generic_file(tmp_path / "large.csv", 20_000, wide=1000)  # ~22 MB, mostly a column nobody reads
    tracemalloc.start()
    try:
        result = _import(tmp_db, owner, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.added == 20_000
    assert peak < path.stat().st_size / 2  # read in batches: the file is never held whole in memory


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT
    )


def test_cli_prints_exactly_the_four_counts_and_exits_0_then_2_on_bad_input(tmp_db_path, tmp_path):
    result = _cli("--db", str(tmp_db_path), "import-orders", str(FIXTURES / "douyin.csv"), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 0}
    dry = _cli("--db", str(tmp_db_path), "import-orders", str(FIXTURES / "wechat.csv"), "--dry-run", "--json")
    assert json.loads(dry.stdout) == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 0}
    bad = _cli("--db", str(tmp_db_path), "import-orders", str(FIXTURES / "bad_date.csv"), "--json")
    assert bad.returncode == 2
    assert json.loads(bad.stdout) == {"added": 0, "updated": 0, "unchanged": 0, "rejected": 1}
    assert "bad_date.csv" in bad.stderr and "第 3 行" in bad.stderr and "支付时间" in bad.stderr
    again = _cli("--db", str(tmp_db_path), "import-orders", str(FIXTURES / "wechat.csv"))
    assert again.returncode == 0 and "视频号/微信小店" in again.stdout and "新增 1 条" in again.stdout
    copy = tmp_path / "same.db"
    shutil.copyfile(tmp_db_path, copy)
    plain = _cli("--db", str(copy), "import-orders", str(FIXTURES / "douyin.csv"), "--platform", "taobao")
    assert plain.returncode == 2 and "订单编号" in plain.stderr
