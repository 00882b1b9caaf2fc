"""商品导入 (issue 3 deliverable 1, "Bad input"): spreadsheets in, all or nothing, row and column named.

Basis of the rules tested here: DESIGN.md §Reliability — imports are all-or-nothing per file, say which row and
column is wrong, and re-importing the same file adds nothing; the product rules are the catalog form's.
"""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from core.db.models import AuditEvent, Product
from core.domain.codes import Role
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.services import auth, catalog
from core.services.product_import import import_products, preview_product_import, write_template

HEADER_ZH = ["商品编码", "商品名称", "类目", "品牌", "供应商", "标价(元)", "三包"]
SUPPLIER = "义乌优品家居用品厂"
TOWEL = ["HM-101", "优品竹纤维毛巾 3条装", "普通商品", "优品", SUPPLIER, "39.90", "否"]
TEA = ["FD-004", "禾丰红枣枸杞茶 20袋装", "预包装食品", "禾丰", "", "45.80", "是"]


@pytest.fixture
def shop(tmp_db, owner) -> int:
    """One supplier and one product already on file (HM-001, ¥259.00); returns the supplier's id."""
    with tmp_db.unit_of_work(owner) as s:
        supplier = catalog.add_supplier(s, owner, name=SUPPLIER)
        catalog.add_product(
            s, owner, sku="HM-001", name="优品加厚珊瑚绒四件套", category="general", brand="优品",
            supplier_id=supplier.id, list_price_fen=25900,
        )  # fmt: skip
        return supplier.id


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    text = "\r\n".join(",".join(f'"{c}"' if "," in c else c for c in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def products(tmp_db) -> dict[str, Product]:
    with tmp_db.sessions() as s:
        return {p.sku: p for p in s.scalars(select(Product))}


def audit_count(tmp_db) -> int:
    with tmp_db.sessions() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def preview(tmp_db, path: Path):
    with tmp_db.sessions() as s:
        return preview_product_import(s, path)


def run_import(tmp_db, actor, path: Path):
    with tmp_db.unit_of_work(actor) as s:
        return import_products(s, actor, path)


# ---- formats and encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf8-bom.csv", "utf-8-sig"),
        ("utf8.csv", "utf-8"),
        ("excel-china.csv", "gbk"),
        ("gb18030.csv", "gb18030"),
        ("excel-unicode.csv", "utf-16"),
    ],
    ids=["csv-utf8-bom", "csv-utf8-no-bom", "csv-gbk-as-excel-in-china-saves", "csv-gb18030", "csv-utf16"],
)
def test_csv_in_each_encoding_imports_the_chinese_names_intact(tmp_db, owner, shop, tmp_path, name, encoding):
    path = write_csv(tmp_path / name, [HEADER_ZH, TOWEL, TEA], encoding)
    seen = preview(tmp_db, path)
    assert (seen.rows_total, seen.new, seen.updated, seen.errors) == (2, 2, 0, ())
    result = run_import(tmp_db, owner, path)
    assert (result.added, result.updated) == (2, 0)
    towel = products(tmp_db)["HM-101"]
    assert (towel.name, towel.category, towel.brand) == ("优品竹纤维毛巾 3条装", "general", "优品")
    assert (towel.supplier_id, towel.list_price_fen, towel.three_guarantees) == (shop, 3990, False)
    assert products(tmp_db)["FD-004"].three_guarantees is True


def test_xlsx_cells_as_they_come_numbers_bools_and_an_empty_row(tmp_db, owner, shop, tmp_path):
    """Excel keeps 10001 as a number and 39.9 as a float; an empty row in between is skipped, rows keep numbers."""
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            HEADER_ZH,
            [10001, "竹纤维浴巾", "general", "优品", SUPPLIER, 39.9, True],
            [None, None, None, None, None, None, None],
            ["HM-103", "洗脸巾", "普通商品", None, None, 1299, "Y"],
        ],
    )
    assert preview(tmp_db, path).new == 2
    run_import(tmp_db, owner, path)
    found = products(tmp_db)
    assert (found["10001"].list_price_fen, found["10001"].three_guarantees) == (3990, True)
    assert (found["HM-103"].list_price_fen, found["HM-103"].supplier_id) == (129900, None)


def test_english_headers_any_order_spaces_and_full_width_parentheses(tmp_db, owner, shop, tmp_path):
    header = [" name ", "SKU", "list_price", "category", "supplier", "three_guarantees", "brand"]
    row = ["竹纤维毛巾", "HM-101", "¥1,039.90", "General goods", SUPPLIER, "true", "优品"]
    english = write_csv(tmp_path / "english.csv", [header, row])
    assert preview(tmp_db, english).new == 1
    full_width_header = ["商品编码", "商品名称", "类目", "标价（元）"]
    full_width = write_csv(tmp_path / "quanjiao.csv", [full_width_header, [*TOWEL[:3], "5"]])
    assert preview(tmp_db, full_width).errors == ()
    run_import(tmp_db, owner, english)
    assert products(tmp_db)["HM-101"].list_price_fen == 103990


# ---- files that cannot be used at all ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "named"),
    [
        ("no-sku.csv", "商品名称,类目\n毛巾,普通商品\n", "商品编码"),
        ("colour.csv", "商品编码,商品名称,颜色\nA,毛巾,白\n", "颜色"),
        ("twice.csv", "商品编码,SKU,商品名称\nA,A,毛巾\n", "SKU"),
        ("unnamed.csv", "商品编码,商品名称,\nA,毛巾,白色\n", "第 3 列"),
        ("empty.csv", "", "empty.csv"),
        ("header-only.csv", "商品编码,商品名称\n", "header-only.csv"),
        ("old.xls", "whatever", ".xls"),
        ("list.txt", "商品编码,商品名称\n", ".csv"),
        ("damaged.xlsx", "PK\x03\x04 not really a workbook", "damaged.xlsx"),
        ("picture.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "picture.csv"),
    ],
    ids=[
        "reliability-missing-required-column", "reliability-unknown-column", "reliability-same-column-twice",
        "reliability-values-under-no-column-name", "reliability-empty-file", "reliability-no-product-rows",
        "old-excel-xls", "not-a-spreadsheet-suffix", "corrupt-xlsx", "binary-renamed-csv",
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_used_is_refused_naming_the_file_and_the_column(
    tmp_db, owner, shop, tmp_path, name, content, named
):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1") if name == "picture.csv" else content.encode("utf-8"))
    with pytest.raises(InvalidInput) as caught:
        preview(tmp_db, path)
    assert named in str(caught.value) and name in str(caught.value)
    with pytest.raises(InvalidInput), tmp_db.unit_of_work(owner) as s:
        import_products(s, owner, path)
    assert set(products(tmp_db)) == {"HM-001"}


def test_wrong_columns_message_names_the_file_the_column_and_the_expected_ones(tmp_db, shop, tmp_path):
    path = write_csv(tmp_path / "货单.csv", [["编号", "商品名称", "颜色"], ["A", "毛巾", "白"]])
    with pytest.raises(InvalidInput) as caught:
        preview(tmp_db, path)
    message = str(caught.value)
    assert "货单.csv" in message and "“商品编码”" in message and "“编号”" in message and "“颜色”" in message
    assert "商品编码（必填）、商品名称（必填）、类目" in message  # what the file should have said
    assert caught.value.field == "商品编码"


# ---- rows with problems --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "column", "said"),
    [
        ({5: "四十九元"}, "标价(元)", "不是金额"),
        ({5: "-5"}, "标价(元)", "负数"),
        ({5: "1.234"}, "标价(元)", "两位小数"),
        ({6: "也许"}, "三包", "“是”或“否”"),
        ({4: "不存在的工厂"}, "供应商", "不存在的工厂"),
        ({2: "美食"}, "类目", "美食"),
        ({2: ""}, "类目", "新商品须填写类目"),
        ({1: " "}, "商品名称", "名称"),
        ({0: "X" * 65}, "商品编码", "64"),
    ],
    ids=[
        "price-not-a-number", "price-negative", "price-below-a-fen", "three-guarantees-not-yes-no",
        "unknown-supplier", "unknown-category", "new-product-without-category", "empty-name", "sku-too-long",
    ],
)  # fmt: skip
def test_a_bad_cell_is_listed_with_its_row_and_column(tmp_db, owner, shop, tmp_path, cells, column, said):
    bad = list(TEA)
    for index, value in cells.items():
        bad[index] = value
    path = write_csv(tmp_path / "list.csv", [HEADER_ZH, TOWEL, bad])
    seen = preview(tmp_db, path)
    assert [(e.row, e.column) for e in seen.errors] == [(3, column)]
    assert said in seen.errors[0].message
    assert (seen.rows_total, seen.new) == (2, 1)  # the good row still counts in the preview


def test_a_date_where_a_price_belongs_names_row_and_column(tmp_db, shop, tmp_path):
    path = write_xlsx(tmp_path / "dates.xlsx", [HEADER_ZH, TOWEL, [*TEA[:5], datetime(2026, 12, 1), "否"]])
    (error,) = preview(tmp_db, path).errors
    assert (error.row, error.column) == (3, "标价(元)")
    assert "2026-12-01" in error.message


def test_the_column_is_named_as_written_in_the_file(tmp_db, shop, tmp_path):
    path = write_csv(
        tmp_path / "en.csv", [["SKU", "name", "category", "price"], ["A-1", "毛巾", "general", "abc"]]
    )
    (error,) = preview(tmp_db, path).errors
    assert (error.row, error.column) == (2, "price")


def test_every_bad_cell_of_a_row_is_listed(tmp_db, shop, tmp_path):
    path = write_csv(tmp_path / "list.csv", [HEADER_ZH, ["A-1", "毛巾", "美食", "", "无名厂", "abc", "也许"]])
    assert [e.column for e in preview(tmp_db, path).errors] == ["类目", "供应商", "标价(元)", "三包"]


def test_a_sku_twice_in_the_file_names_both_rows(tmp_db, shop, tmp_path):
    path = write_csv(tmp_path / "list.csv", [HEADER_ZH, TOWEL, TEA, TOWEL])
    (error,) = preview(tmp_db, path).errors
    assert (error.row, error.column) == (4, "商品编码")
    assert "第 2 行" in error.message and "第 4 行" in error.message and "HM-101" in error.message


def test_reliability_one_bad_row_means_nothing_is_written(tmp_db, owner, shop, tmp_path):
    rows = [HEADER_ZH, TOWEL, TEA, ["HM-001", "新名字", "普通商品", "优品", SUPPLIER, "199", "否"]]
    rows.append(["HM-104", "地垫", "普通商品", "", "", "abc", "否"])
    path = write_csv(tmp_path / "list.csv", rows)
    before = audit_count(tmp_db)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        import_products(s, owner, path)
    assert (caught.value.row, caught.value.field) == (5, "标价(元)")
    said = str(caught.value)
    assert "list.csv" in said and "第 5 行" in said and "“标价(元)”" in said
    found = products(tmp_db)
    assert set(found) == {"HM-001"} and found["HM-001"].name == "优品加厚珊瑚绒四件套"
    assert audit_count(tmp_db) == before


# ---- re-importing ---------------------------------------------------------------------------------------


def test_reliability_importing_the_same_file_twice_adds_nothing(tmp_db, owner, shop, tmp_path):
    path = write_csv(tmp_path / "list.csv", [HEADER_ZH, TOWEL, TEA])
    assert run_import(tmp_db, owner, path).added == 2
    after_first = (products(tmp_db).keys(), audit_count(tmp_db))
    seen = preview(tmp_db, path)
    assert (seen.new, seen.updated, seen.unchanged) == (0, 0, 2)
    again = run_import(tmp_db, owner, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert (products(tmp_db).keys(), audit_count(tmp_db)) == after_first


def test_a_changed_row_updates_its_product_and_is_audited(tmp_db, owner, shop, tmp_path):
    run_import(tmp_db, owner, write_csv(tmp_path / "v1.csv", [HEADER_ZH, TOWEL, TEA]))
    changed = [*TOWEL[:5], "35.00", "是"]
    path = write_csv(tmp_path / "v2.csv", [HEADER_ZH, changed, TEA])
    seen = preview(tmp_db, path)
    assert (seen.new, seen.updated, seen.unchanged) == (0, 1, 1)
    (update,) = seen.updates  # what would change, readable before anything is written
    assert (update.row, update.sku) == (2, "HM-101")
    assert [(c.column, c.before, c.after) for c in update.changes] == [
        ("标价(元)", "39.90", "35.00"),
        ("三包", "否", "是"),
    ]
    result = run_import(tmp_db, owner, path)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    towel = products(tmp_db)["HM-101"]
    assert (towel.list_price_fen, towel.three_guarantees) == (3500, True)
    with tmp_db.sessions() as s:
        update = s.scalars(
            select(AuditEvent).where(AuditEvent.entity == "products", AuditEvent.action == "update")
        ).one()
        summary = s.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
    assert update.actor_id == owner.user_id
    assert update.after == {"list_price_fen": 3500, "three_guarantees": True}
    assert [e.after["file"] for e in summary] == ["v1.csv", "v2.csv"]


def test_a_column_the_file_lacks_is_left_as_it_is(tmp_db, owner, shop, tmp_path):
    path = write_csv(tmp_path / "names.csv", [["商品编码", "商品名称"], ["HM-001", "珊瑚绒四件套 1.8m"]])
    assert run_import(tmp_db, owner, path).updated == 1
    kept = products(tmp_db)["HM-001"]
    assert kept.name == "珊瑚绒四件套 1.8m"
    assert (kept.list_price_fen, kept.supplier_id, kept.brand) == (25900, shop, "优品")


def test_a_host_may_not_import_products(tmp_db, owner, shop, tmp_path):
    with tmp_db.unit_of_work(owner) as s:
        member = auth.add_staff(
            s, owner, username="zhubo", display_name="主播", role=Role.HOST, password="pass-word-123"
        )
    host = Actor(member.id, member.display_name, Role.HOST)
    path = write_csv(tmp_path / "list.csv", [HEADER_ZH, TOWEL])
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(host) as s:
        import_products(s, host, path)
    assert set(products(tmp_db)) == {"HM-001"}


# ---- the template ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["模板.csv", "模板.xlsx"])
def test_the_template_opens_right_in_excel_and_imports_its_example_row(tmp_db, owner, tmp_path, name):
    path = write_template(tmp_path / name)
    if name.endswith(".csv"):
        data = path.read_bytes()
        assert data.startswith(codecs.BOM_UTF8)  # without the BOM Excel shows the Chinese headers garbled
        assert data.decode("utf-8-sig").splitlines()[0] == ",".join(HEADER_ZH)
    seen = preview(tmp_db, path)
    assert (seen.rows_total, seen.new, seen.errors) == (1, 1, ())


def test_a_template_of_another_kind_is_refused(tmp_path):
    with pytest.raises(InvalidInput, match=r"\.csv"):
        write_template(tmp_path / "template.pdf")
