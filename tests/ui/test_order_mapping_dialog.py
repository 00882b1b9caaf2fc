"""导入订单 wizard, mapping step (issue 5 deliverable 1): an export no preset knows is mapped column by column,
saved under a name, previewed and imported; the saved mapping is offered when the wizard opens again."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

FOREIGN = Path(__file__).resolve().parents[1] / "fixtures" / "orders" / "unknown_headers.csv"
CHOICES = {
    "order_id": "单据编号", "paid_at": "付款日期", "product_title": "品名", "sku": "编码", "quantity": "件数",
    "amount": "成交价", "status": "单据状态", "buyer_nickname": "顾客", "phone": "联系电话", "address": "地区",
}  # fmt: skip


def _dialog(qtbot, context):
    from ui.dialogs.order_import import OrderImportDialog

    widget = OrderImportDialog(context)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def dialog(qtbot, context):
    return _dialog(qtbot, context)


def open_mapping(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.load_file(FOREIGN)
    assert dialog.stack.currentIndex() == dialog.CHOOSE and "认不出" in dialog.open_message.text()
    assert dialog.map_button.isVisibleTo(dialog) and dialog.map_button.text() == dialog.tr(
        "Match the columns manually…"
    )
    dialog.map_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == dialog.MAP, timeout=5000)


def choose(page, choices: dict[str, str]) -> None:
    for key, header in choices.items():
        combo = page.combos[key]
        combo.setCurrentIndex(combo.findData(header))


def preview(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.mapping_page.preview_button.click()


def test_an_unknown_export_is_mapped_saved_previewed_and_imported(qtbot, dialog, tmp_db):
    from core.db.models import ColumnMapping, Order

    open_mapping(qtbot, dialog)
    page = dialog.mapping_page
    assert page.combos["paid_at"].itemText(1) == "单据编号"  # the file's own headers, in its order
    assert "订单号 *" in [form.form.labelForField(form.form.itemAt(0, form.form.ItemRole.FieldRole).widget()).text()
                         for form in page.forms]  # fmt: skip
    choose(page, CHOICES)
    page.platform_box.setCurrentIndex(page.platform_box.findData("douyin"))
    page.name_edit.setText("仓库 ERP")
    preview(qtbot, dialog)
    assert dialog.stack.currentIndex() == dialog.PREVIEW
    assert "已保存的列对应“仓库 ERP”" in dialog.preset_label.text()
    assert dialog.rows_table.rowCount() == 2 and dialog.rows_table.item(0, 1).text() == "ERP-20261127-001"
    assert dialog.import_button.isEnabled()
    with tmp_db.sessions() as session:
        saved = session.scalars(select(ColumnMapping)).one()
        assert (saved.name, saved.platform, saved.mapping["paid_at"]) == ("仓库 ERP", "douyin", "付款日期")
    with qtbot.waitSignal(dialog.imported, timeout=5000) as fired:
        dialog.import_button.click()
    assert fired.args[0].added == 2
    with tmp_db.sessions() as session:
        orders = session.scalars(select(Order).order_by(Order.platform_order_id)).all()
    first = orders[0]
    assert (first.platform, first.region, first.buyer_phone_masked) == (
        "douyin",
        "广东省广州市",
        "138****2210",
    )


def test_a_missing_required_field_is_shown_beside_it_and_nothing_is_saved(qtbot, dialog, tmp_db):
    from core.db.models import ColumnMapping

    open_mapping(qtbot, dialog)
    page = dialog.mapping_page
    choose(page, {k: v for k, v in CHOICES.items() if k != "paid_at"})
    page.name_edit.setText("半套")
    preview(qtbot, dialog)
    assert dialog.stack.currentIndex() == dialog.MAP
    error = next(form.errors["paid_at"] for form in page.forms if "paid_at" in form.errors)
    assert error.isVisibleTo(dialog) and "支付时间" in error.text()
    with tmp_db.sessions() as session:
        assert session.scalars(select(ColumnMapping)).all() == []


def test_reopening_the_wizard_offers_the_saved_mapping_and_it_reads_the_file(qtbot, context, tmp_db, owner):
    from core.services.order_mappings import save_mapping

    with tmp_db.unit_of_work(owner) as session:
        save_mapping(session, owner, "仓库 ERP", "wechat", CHOICES)
    dialog = _dialog(qtbot, context)
    box = dialog.platform_box
    shown = dialog.tr("Saved: %1").replace("%1", "仓库 ERP")  # 已保存：仓库 ERP
    qtbot.waitUntil(lambda: box.findText(shown) >= 0, timeout=5000)
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.load_file(FOREIGN)  # recognised by its headers as the saved mapping
    assert dialog.preview.detected and dialog.preview.platform == "wechat"
    assert "已保存的列对应“仓库 ERP”" in dialog.preset_label.text()
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        box.setCurrentIndex(box.findText(shown))
    assert dialog.preview.ok and not dialog.preview.detected and dialog.preview.counts.added == 2
