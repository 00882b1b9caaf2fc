"""导入商品 dialog (issue 3 deliverable 1): the preview lists each bad row, 导入 only when the file is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

HEADER = "商品编码,商品名称,类目,品牌,供应商,标价(元),三包"
SUPPLIER = "义乌优品家居用品厂"
GOOD_ROWS = [
    f"HM-101,优品竹纤维毛巾 3条装,普通商品,优品,{SUPPLIER},39.90,否",
    "FD-004,禾丰红枣枸杞茶 20袋装,预包装食品,禾丰,,45.80,是",
]


def write(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8-sig")
    return path


@pytest.fixture
def dialog(qtbot, context, tmp_db, owner):
    from core.services import catalog
    from ui.dialogs.product_import import ProductImportDialog

    with tmp_db.unit_of_work(owner) as s:
        catalog.add_supplier(s, owner, name=SUPPLIER)
    widget = ProductImportDialog(context)
    qtbot.addWidget(widget)
    return widget


def load(qtbot, dialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.load_file(path)


def skus(tmp_db) -> set[str]:
    from core.services.catalog import Product

    with tmp_db.sessions() as s:
        return {p.sku for p in s.query(Product)}


def test_a_bad_row_is_listed_with_row_and_column_and_import_stays_disabled(qtbot, dialog, tmp_path):
    bad = "FR-002,赣南脐橙 9kg,生鲜食用农产品,,,四十九元,否"
    load(qtbot, dialog, write(tmp_path / "list.csv", *GOOD_ROWS, bad))
    table = dialog.errors_table
    assert table.isVisibleTo(dialog) and table.rowCount() == 1
    assert [table.horizontalHeaderItem(i).text() for i in range(3)] == ["行", "列", "问题"]
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("4", "标价(元)")
    assert "四十九元" in table.item(0, 2).text()
    assert not dialog.import_button.isEnabled()
    assert "1" in dialog.summary.text()


def test_a_good_file_imports_and_says_how_many(qtbot, dialog, tmp_db, tmp_path):
    load(qtbot, dialog, write(tmp_path / "list.csv", *GOOD_ROWS))
    assert "2 个新商品" in dialog.summary.text()
    assert not dialog.errors_table.isVisibleTo(dialog)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=5000) as fired:
        dialog.import_button.click()
    assert fired.args == [2]
    assert dialog.result() == dialog.DialogCode.Accepted
    assert skus(tmp_db) == {"HM-101", "FD-004"}


def test_changes_to_products_on_file_are_shown_before_importing(qtbot, dialog, tmp_db, owner, tmp_path):
    from core.services.product_import import import_products

    with tmp_db.unit_of_work(owner) as s:
        import_products(s, owner, write(tmp_path / "v1.csv", *GOOD_ROWS))
    load(qtbot, dialog, write(tmp_path / "v2.csv", GOOD_ROWS[0].replace("39.90", "35.00"), GOOD_ROWS[1]))
    assert "0 个新商品，1 个更新，1 个不变" in dialog.summary.text()
    table = dialog.updates_table
    assert table.isVisibleTo(dialog) and table.rowCount() == 1
    assert (table.item(0, 1).text(), table.item(0, 3).text()) == ("HM-101", "标价(元)：39.90 → 35.00")
    assert dialog.import_button.isEnabled()


def test_the_same_file_again_offers_nothing_to_import(qtbot, dialog, tmp_db, owner, tmp_path):
    from core.services.product_import import import_products

    path = write(tmp_path / "list.csv", *GOOD_ROWS)
    with tmp_db.unit_of_work(owner) as s:
        import_products(s, owner, path)
    load(qtbot, dialog, path)
    assert not dialog.import_button.isEnabled()
    assert "没有" in dialog.summary.text()


def test_wrong_columns_are_explained_and_nothing_is_listed(qtbot, dialog, tmp_path):
    path = tmp_path / "货单.csv"
    path.write_text("编号,商品名称\nA-1,毛巾\n", encoding="utf-8")
    load(qtbot, dialog, path)
    assert "货单.csv" in dialog.summary.text() and "商品编码" in dialog.summary.text()
    assert not dialog.errors_table.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()


def test_a_host_may_check_a_file_but_not_import_it(qtbot, tmp_db, host, tasks, tmp_path):
    from ui.context import PageContext
    from ui.dialogs.product_import import ProductImportDialog

    widget = ProductImportDialog(PageContext(db=tmp_db, actor=host, tasks=tasks))
    qtbot.addWidget(widget)
    load(qtbot, widget, write(tmp_path / "list.csv", GOOD_ROWS[1]))
    assert "1 个新商品" in widget.summary.text()
    assert not widget.import_button.isEnabled()
    assert widget.permission_note.isVisibleTo(widget)


def test_the_saved_template_can_be_filled_in_and_checked(qtbot, dialog, tmp_path):
    target = tmp_path / "商品导入模板.xlsx"
    with qtbot.waitSignal(dialog.template_saved, timeout=5000):
        dialog.save_template(target)
    assert target.is_file()
    assert str(target) in dialog.template_message.text()
    load(qtbot, dialog, target)
    assert dialog.preview.ok and dialog.preview.new == 1
