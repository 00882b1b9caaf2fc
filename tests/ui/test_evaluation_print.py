"""The 服务评价 page's 预览并打印… and 导出 Excel…, and the saved evidence shown again after a save (issue 7, found
walking the demo as a new user)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import clock
from core.demo import SAMPLE_NOW, install_demo_database
from tests.core.test_kpis import month  # noqa: F401 (the October fixture)
from tests.ui.test_evaluation_page import _page, on_the_20th  # noqa: F401

WAIT = 30_000


def _pdf_pages(path: Path) -> int:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    return int(document.pageCount())


@pytest.fixture
def demo(tmp_path):
    from core.db.opening import open_database
    from core.services.auth import login

    db = open_database(install_demo_database(tmp_path / "demo" / "studio.db"))
    with clock.fixed(SAMPLE_NOW):
        with db.sessions() as session:
            actor = login(session, "wangfang", "studio2026")
        yield db, actor
    db.dispose()


def test_preview_prints_every_page_of_the_demo_october_report(qtbot, demo, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from ui.pages.monthly_print import PdfPages, preview_dialog, report_bytes
    from ui.qtcompat import emit

    db, actor = demo
    pdf = report_bytes(db, actor, "2026-10")
    saved = tmp_path / "saved.pdf"
    saved.write_bytes(pdf)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = preview_dialog(PdfPages(pdf), parent)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    emit(dialog.paintRequested, printer)  # what the preview's 打印 button does with the chosen printer
    assert _pdf_pages(saved) >= 5  # the demo's October: cover, summary, charts, sections, …
    assert _pdf_pages(printed) == _pdf_pages(saved)
    dialog.close()


def test_preview_button_opens_the_print_preview(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    page = _page(qtbot, tmp_db, owner, tasks)
    assert page.preview_button.text() == page.tr("Preview and print…")  # 预览并打印…
    task = page.preview_report()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: page.findChild(QPrintPreviewDialog, "monthlyPrintPreview") is not None)
    dialog = page.findChild(QPrintPreviewDialog, "monthlyPrintPreview")
    assert dialog.pages.page_count >= 1
    dialog.close()


@pytest.mark.usefixtures("month")
def test_export_to_excel_writes_the_month_kpis_with_the_breakdown(
    qtbot, tmp_db, owner, tasks, tmp_path, monkeypatch
):
    page = _page(qtbot, tmp_db, owner, tasks)
    assert page.excel_button.text() == page.tr("Export to Excel…")  # 导出 Excel…
    page.by_box.setCurrentIndex(page.by_box.findData("host"))
    out = tmp_path / "十月指标.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    task = page.export_excel()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["指标", "分组"]
    names = [row[0] for row in book["指标"].iter_rows(values_only=True)]
    assert "投诉率" in names
    page.findChild(QMessageBox, "xlsxExported").close()


def test_saved_evidence_is_shown_again_after_the_reload(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    page = _page(qtbot, tmp_db, owner, tasks)
    panel = page.assessment
    panel.answers["deleted_comment"].setCurrentIndex(panel.answers["deleted_comment"].findData(False))
    panel.evidence["deleted_comment"].setText("每日巡查评论区记录")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        panel.saves["deleted_comment"].click()
    panel.spins["basic.papers"].setValue(4.5)
    panel.evidence["basic.papers"].setText("资质台账逐项核对")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        panel.saves["basic.papers"].click()
    panel = page.assessment  # rebuilt after each save
    assert panel.answers["deleted_comment"].currentData() is False
    assert panel.evidence["deleted_comment"].text() == "每日巡查评论区记录"
    assert panel.evidence["basic.papers"].text() == "资质台账逐项核对"
    assert panel.spins["basic.papers"].value() == 4.5


def test_auto_item_reason_names_the_kpi_on_the_page(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    page = _page(qtbot, tmp_db, owner, tasks)
    reasons = [i.why for s in page.view.draft.sections for i in s.items]
    assert any(why.startswith("开播检查完成率 ") for why in reasons)
    assert not any("_rate" in why for why in reasons)
