"""Saved column mappings for order exports no preset knows (issue 5 deliverable 1: "a column-mapping screen")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from core.db.models import ColumnMapping, Order
from core.errors import InvalidInput, PermissionDenied
from core.services.order_import import import_orders
from core.services.order_mappings import save_mapping, saved_mappings
from core.services.order_preview import preview_orders

ROOT = Path(__file__).resolve().parents[2]
FOREIGN = ROOT / "tests" / "fixtures" / "orders" / "unknown_headers.csv"
MAPPING = {
    "order_id": "单据编号", "paid_at": "付款日期", "product_title": "品名", "sku": "编码", "quantity": "件数",
    "amount": "成交价", "status": "单据状态", "buyer_nickname": "顾客", "phone": "联系电话", "address": "地区",
}  # fmt: skip


def _orders(db) -> dict[str, Order]:
    with db.sessions() as session:
        return {o.platform_order_id: o for o in session.scalars(select(Order))}


def test_a_foreign_export_is_refused_without_a_mapping_and_imports_with_one_masked(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput, match="认不出"):
        import_orders(session, owner, FOREIGN)
    with tmp_db.unit_of_work(owner) as session:
        result = import_orders(session, owner, FOREIGN, platform="douyin", mapping=MAPPING)
    assert (result.platform, result.detected, result.added) == ("douyin", False, 2)
    assert result.preset_name == "手动对应的列"
    order = _orders(tmp_db)["ERP-20261127-001"]
    assert (order.platform, order.quantity, order.amount_fen, order.status) == ("douyin", 2, 7980, "待发货")
    assert order.buyer_phone_masked == "138****2210"
    assert order.region == "广东省广州市"  # the street address is never stored (个人信息保护法 Art 6)


@pytest.mark.parametrize(
    ("name", "platform", "change", "field"),
    [
        ("", "douyin", {}, "name"),
        ("ERP", "pinduoduo", {}, "platform"),
        ("ERP", "douyin", {"colour": "品名"}, "colour"),
        ("ERP", "douyin", {"paid_at": ""}, "paid_at"),  # the generic template requires the paid time
        ("ERP", "douyin", {"order_id": ""}, "order_id"),
        ("ERP", "douyin", {"status": "订单状态"}, "status"),  # a header the file does not have
    ],
)
def test_a_bad_mapping_is_refused_naming_the_field_and_nothing_is_saved(
    tmp_db, owner, name, platform, change, field
):
    mapping = {**MAPPING, **change}
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        save_mapping(session, owner, name, platform, mapping, path=FOREIGN)
    assert refused.value.field == field
    with tmp_db.sessions() as session:
        assert session.scalars(select(ColumnMapping)).all() == []


def test_a_mapping_naming_a_column_the_file_lacks_refuses_the_import_naming_it(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput, match="订单状态"):
        import_orders(session, owner, FOREIGN, mapping={**MAPPING, "status": "订单状态"})
    assert _orders(tmp_db) == {}


def test_a_saved_mapping_is_listed_and_a_file_with_its_headers_is_detected_as_it(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        save_mapping(session, owner, "ERP 导出", "kuaishou", MAPPING, path=FOREIGN)
        save_mapping(
            session, owner, "ERP 导出", "kuaishou", {**MAPPING, "phone": ""}
        )  # saving again replaces
    with tmp_db.sessions() as session:
        (saved,) = saved_mappings(session)
        assert (saved.name, saved.platform, "phone" in saved.mapping) == ("ERP 导出", "kuaishou", False)
        preview = preview_orders(session, owner, FOREIGN)
    assert (
        preview.detected
        and preview.platform == "kuaishou"
        and preview.preset_name == "已保存的列对应“ERP 导出”"
    )
    assert preview.ok and preview.counts.added == 2 and preview.rows[0].order_id == "ERP-20261127-001"
    with tmp_db.unit_of_work(owner) as session:
        result = import_orders(session, owner, FOREIGN)
    assert (result.detected, result.added, _orders(tmp_db)["ERP-20261127-002"].platform) == (
        True,
        2,
        "kuaishou",
    )
    with tmp_db.unit_of_work(owner) as session:  # a platform's own export is still its platform's
        assert import_orders(
            session, owner, ROOT / "tests" / "fixtures" / "orders" / "wechat.csv"
        ).platform == ("wechat")


def test_saving_a_mapping_needs_the_import_permission(tmp_db, owner):
    from core.domain.roles import Actor, Role

    operator = Actor(user_id=owner.user_id, display_name="李明", role=Role.OPERATOR)
    with tmp_db.unit_of_work(operator) as session, pytest.raises(PermissionDenied):
        save_mapping(session, operator, "ERP", "douyin", MAPPING)


def test_cli_imports_with_a_saved_mapping_by_name_and_refuses_an_unknown_name(tmp_db, tmp_db_path, owner):
    with tmp_db.unit_of_work(owner) as session:
        save_mapping(session, owner, "ERP", "wechat", MAPPING)
    tmp_db.dispose()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(tmp_db_path),
            "import-orders",
            str(FOREIGN),
        ]
        return subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT)

    unknown = cli("--mapping", "nope", "--json")
    assert unknown.returncode == 2 and "nope" in unknown.stderr
    done = cli("--mapping", "ERP", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 0}
    again = cli("--mapping", "ERP")
    assert again.returncode == 0 and "已保存的列对应“ERP”" in again.stdout
