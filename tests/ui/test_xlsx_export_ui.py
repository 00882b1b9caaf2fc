"""导出 Excel… (issue 7, deliverable 4) from the tickets page and for the evaluation page: the file the owner opens
in Excel/WPS holds the tickets the queue shows under its filter, and the box says where it went."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.test_tickets_page import WAIT, desk, fixed_now, page  # noqa: F401 - the six-ticket desk

pytestmark = pytest.mark.usefixtures("fixed_now")


def test_export_to_excel_on_the_tickets_page_writes_the_filtered_queue(qtbot, page, tmp_path, monkeypatch):  # noqa: F811
    out = tmp_path / "工单"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    button = page.excel_button
    assert button.isEnabled()
    task = page.export_excel()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    written = tmp_path / "工单.xlsx"  # a bare name gets its extension
    sheet = openpyxl.load_workbook(written)["工单"]
    codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(codes) == page.total and set(codes) == {r.code for r in page.model.rows}
    box = page.findChild(QMessageBox, "xlsxExported")
    assert box is not None and str(written) in box.informativeText()
    box.close()


def test_export_kpis_asks_where_and_writes_the_month(qtbot, context, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from ui.pages.xlsx_export import export_kpis

    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "指标.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    task = export_kpis(context, "2026-10", parent, by="host")
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    assert openpyxl.load_workbook(out).sheetnames == ["指标", "分组"]
    parent.findChild(QMessageBox, "xlsxExported").close()


def test_cancelling_the_save_dialog_exports_nothing(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from ui.pages.xlsx_export import export_kpis

    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert export_kpis(context, "2026-10", parent) is None
