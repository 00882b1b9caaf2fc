"""商品与资质 page (issue 3 deliverable 1): the list with each product's paper state, the detail with why each paper
is required and its basis, adding a paper through the dialog, bad dates refused beside the field, read-only roles."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import func, select

from core.db.models import Document
from core.paths import vault_dir_for
from core.services import catalog
from core.services.catalog_documents import add_document

CREDIT_CODE = "91350100M000100Y43"


@pytest.fixture
def seeded(tmp_db, owner) -> dict[str, int]:
    """A supplier with its 营业执照; a towel lacking its 合格证明 and a charger with every paper."""
    vault = vault_dir_for(tmp_db.path)
    with tmp_db.unit_of_work(owner) as s:
        supplier = catalog.add_supplier(s, owner, name="福州好物供应链", credit_code=CREDIT_CODE).id
        towel = catalog.add_product(
            s, owner, sku="HM-001", name="竹纤维毛巾", category="general", supplier_id=supplier,
            list_price_fen=2990,
        ).id  # fmt: skip
        charger = catalog.add_product(
            s, owner, sku="EL-002", name="氮化镓充电器", category="ccc", supplier_id=supplier,
            list_price_fen=12900,
        ).id  # fmt: skip
        add_document(s, owner, vault, holder="supplier", holder_id=supplier, doc_type="business_licence")
        add_document(s, owner, vault, holder="product", holder_id=charger, doc_type="conformity_certificate")
        add_document(
            s, owner, vault, holder="product", holder_id=charger, doc_type="ccc_certificate",
            issued_on=date(2025, 1, 1), expires_on=date(2030, 1, 1),
        )  # fmt: skip
    return {"supplier": supplier, "towel": towel, "charger": charger}


@pytest.fixture
def make_page(qtbot):
    """The page on ``context``, once its first list read and the pickers' choices have arrived."""

    def make(context):
        from ui.pages.products import ProductsPage

        page = ProductsPage(context)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.choices is not None, timeout=5000)
        return page

    return make


def _select(qtbot, page, product_id: int) -> str:
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        assert page.select_product(product_id)
    return page.panel.plain_text()


def _state_of(page, product_id: int) -> str:
    from ui.pages.product_table import ProductTableModel

    row = page.model.row_of(product_id)
    return page.model.data(page.model.index(row, ProductTableModel.STATE))


def test_the_page_lists_every_product_with_its_paper_state(qtbot, make_page, context, seeded):
    from ui.pages.product_table import ProductTableModel, state_name

    page = make_page(context)
    skus = {page.model.data(page.model.index(r, ProductTableModel.SKU)) for r in range(page.model.rowCount())}
    assert skus == {"HM-001", "EL-002"}
    assert _state_of(page, seeded["towel"]) == state_name("missing")
    assert _state_of(page, seeded["charger"]) == state_name("ok")
    price = page.model.data(page.model.index(page.model.row_of(seeded["charger"]), ProductTableModel.PRICE))
    assert price == "¥129.00"
    assert page.model.row_of(seeded["towel"]) == 0  # the one needing attention comes first


def test_selecting_a_product_shows_its_missing_paper_with_why_and_basis(qtbot, make_page, context, seeded):
    text = _select(qtbot, make_page(context), seeded["towel"])
    assert "HM-001 · 竹纤维毛巾" in text
    assert "合格证明" in text
    assert "“普通商品”类商品都须具备" in text  # why: its category
    assert "产品质量法 第二十七条" in text  # the basis cited by the documents rule


def test_adding_the_missing_paper_through_the_dialog_makes_the_product_complete(
    qtbot, make_page, context, seeded, tmp_path
):
    from ui.dialogs.document_add import DocumentAddDialog
    from ui.pages.product_table import state_name

    page = make_page(context)
    _select(qtbot, page, seeded["towel"])
    dialog = DocumentAddDialog(context, page.choices, page.panel.detail, page)
    qtbot.addWidget(dialog)
    assert dialog.doc_type.currentData() == "conformity_certificate"  # the paper it still needs comes first
    scan = tmp_path / "合格证-毛巾.pdf"
    scan.write_bytes(b"%PDF-1.4 certificate of conformity")
    dialog.number.setText("HG-2026-001")
    dialog.issued.setDate(QDate(2026, 3, 1))
    dialog.no_expiry.setChecked(True)
    dialog.file.setText(str(scan))
    with qtbot.waitSignal(dialog.attempted, timeout=5000) as attempt:
        dialog.save()
    assert attempt.args == [True]
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        page._after_change(seeded["towel"], "")
    assert _state_of(page, seeded["towel"]) == state_name("ok")
    files = [p.file_name for p in page.panel.detail.papers]
    assert "合格证-毛巾.pdf" in files
    assert page.panel.papers.rowCount() == len(page.panel.detail.papers)


def test_an_expiry_before_issue_is_shown_next_to_the_expiry_and_nothing_saved(
    qtbot, make_page, context, seeded, tmp_db, tmp_path
):
    from ui.dialogs.document_add import DocumentAddDialog

    page = make_page(context)
    _select(qtbot, page, seeded["towel"])
    dialog = DocumentAddDialog(context, page.choices, page.panel.detail, page)
    qtbot.addWidget(dialog)
    scan = tmp_path / "cert.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    dialog.issued.setDate(QDate(2026, 5, 1))
    dialog.no_expiry.setChecked(False)
    dialog.expires.setDate(QDate(2026, 4, 30))
    dialog.file.setText(str(scan))
    with qtbot.waitSignal(dialog.attempted, timeout=5000) as attempt:
        dialog.save()
    assert attempt.args == [False]
    assert "早于发证日期" in dialog.form.error_text("expires_on")
    assert dialog.form.errors["expires_on"].isVisibleTo(dialog)
    with tmp_db.sessions() as s:
        assert (
            s.scalar(select(func.count()).select_from(Document).where(Document.product_id == seeded["towel"]))
            == 0
        )


def test_a_new_product_typed_in_yuan_is_listed_with_its_price(qtbot, make_page, context, seeded):
    from ui.dialogs.product_edit import ProductEditDialog
    from ui.pages.product_table import ProductTableModel

    page = make_page(context)
    dialog = ProductEditDialog(context, page.choices, None, page)
    qtbot.addWidget(dialog)
    dialog.sku.setText("FD-001")
    dialog.name.setText("红糖姜茶")
    dialog.category.setCurrentIndex(dialog.category.findData("food"))
    dialog.price.setText("59.9元")
    with qtbot.waitSignal(dialog.attempted, timeout=5000) as attempt:
        dialog.save()
    assert attempt.args == [True]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page._after_change(dialog.saved.id, "")
    row = page.model.row_of(dialog.saved.id)
    assert page.model.data(page.model.index(row, ProductTableModel.PRICE)) == "¥59.90"


def test_a_taken_sku_is_refused_next_to_the_sku(qtbot, make_page, context, seeded):
    from ui.dialogs.product_edit import ProductEditDialog

    page = make_page(context)
    dialog = ProductEditDialog(context, page.choices, None, page)
    qtbot.addWidget(dialog)
    dialog.sku.setText("HM-001")
    dialog.name.setText("另一条毛巾")
    with qtbot.waitSignal(dialog.attempted, timeout=5000) as attempt:
        dialog.save()
    assert attempt.args == [False]
    assert "HM-001" in dialog.form.error_text("sku")


def test_a_wrong_credit_code_is_refused_next_to_it(qtbot, context, seeded):
    from ui.dialogs.suppliers import SuppliersDialog

    dialog = SuppliersDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    dialog.name.setText("某某食品有限公司")
    dialog.credit_code.setText("91350100M000100Y44")
    with qtbot.waitSignal(dialog.attempted, timeout=5000) as attempt:
        dialog.save()
    assert attempt.args == [False]
    assert "校验位" in dialog.form.error_text("credit_code")
    assert not dialog.changed


def test_a_host_reads_but_cannot_edit(qtbot, make_page, tmp_db, host, tasks, seeded):
    from ui.context import PageContext
    from ui.dialogs.suppliers import SuppliersDialog

    context = PageContext(db=tmp_db, actor=host, tasks=tasks)
    page = make_page(context)
    text = _select(qtbot, page, seeded["towel"])
    assert "合格证明" in text
    assert not page.new_button.isEnabled() and not page.import_button.isEnabled()
    assert not page.panel.edit_button.isEnabled() and not page.panel.add_paper_button.isEnabled()
    dialog = SuppliersDialog(context)
    qtbot.addWidget(dialog)
    assert not dialog.box.isEnabled()


def test_an_empty_catalogue_says_how_to_start(qtbot, context):
    from ui.pages.products import ProductsPage

    page = ProductsPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        pass
    assert page.model.rowCount() == 0
    assert page.panel.title.text() == page.tr("No products yet: add one, or import a spreadsheet of them.")


def test_importing_refreshes_the_list_when_the_import_dialog_accepts(
    qtbot, make_page, context, seeded, monkeypatch
):
    from PySide6.QtWidgets import QDialog

    import ui.dialogs.product_import as product_import

    opened = []

    class Accepting:
        def __init__(self, context, parent=None):
            opened.append(context)

        def exec(self):
            return QDialog.DialogCode.Accepted

    page = make_page(context)
    monkeypatch.setattr(product_import, "ProductImportDialog", Accepting)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.import_button.click()
    assert opened == [context]


def test_typing_in_the_search_box_narrows_the_list(qtbot, make_page, context, seeded):
    page = make_page(context)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.setText("EL-")  # the list is read again a moment after the typing stops
    assert [r.sku for r in page.model.rows] == ["EL-002"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.state.setCurrentIndex(page.state.findData("missing"))
    assert page.model.rowCount() == 0
    assert page.panel.title.text() == page.tr("No product matches these filters.")


def test_double_clicking_a_paper_opens_a_checked_copy_of_its_scan_under_its_own_name(
    qtbot, make_page, context, seeded, tmp_path
):
    from pathlib import Path

    from core.paths import vault_dir_for
    from core.services.catalog_documents import add_document

    scan = tmp_path / "3C证书-充电器.pdf"
    scan.write_bytes(b"%PDF-1.4 CCC certificate scan")
    with context.db.unit_of_work(context.actor) as s:
        add_document(
            s, context.actor, vault_dir_for(context.db.path), holder="product", holder_id=seeded["charger"],
            doc_type="cma_test_report", number="CMA-1", file=scan,
        )  # fmt: skip
    page = make_page(context)
    opened = []
    page.open_url = opened.append
    _select(qtbot, page, seeded["charger"])
    row = next(i for i, p in enumerate(page.panel.detail.papers) if p.file_name == scan.name)
    with qtbot.waitSignal(page.paper_opened, timeout=5000) as blocker:
        assert page.panel.open_paper(row)
    copy = Path(blocker.args[0])
    assert copy.name == scan.name and copy.read_bytes() == scan.read_bytes()
    assert opened and opened[0].toLocalFile() == str(copy)
