"""导出舆情处置报告 (issue 6, deliverable 6): the app writes the same summary as ``report incident`` — the statement's
text, the clocks, the corrective action's owner — says where it went, and says plainly why when it could not.

Basis: original records in a dispute (电子商务法 Art 62); DOMAIN §6.
"""

from __future__ import annotations

import pytest

from tests.core.test_incident_summary import STATEMENT, Case, build_case, pdf_text, squash

WAIT = 20_000


@pytest.fixture
def case(tmp_db, owner, tmp_path) -> Case:
    return build_case(tmp_db, owner, tmp_path)


def test_exporting_from_the_app_says_where_the_file_went(qtbot, context, case, tmp_path):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.pages.incident_summary_export import export_incident_summary_to

    parent = QWidget()
    qtbot.addWidget(parent)
    folder = tmp_path / "文档"
    folder.mkdir()
    out = folder / f"舆情报告-{case.code}.pdf"
    task = export_incident_summary_to(context, case.incident_id, out, parent)
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    box = parent.findChild(QMessageBox, "incidentSummaryExported")
    assert box is not None and str(out) in box.informativeText()
    box.close()
    text = pdf_text(out)
    assert case.code in text and squash(STATEMENT) in text and "客服小李" in text
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left beside it


def test_an_unknown_incident_is_said_plainly_and_no_file_is_left(qtbot, context, tmp_path):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.pages.incident_summary_export import export_incident_summary_to

    parent = QWidget()
    qtbot.addWidget(parent)
    folder = tmp_path / "文档"
    folder.mkdir()
    task = export_incident_summary_to(context, 999, folder / "舆情报告.pdf", parent)
    with qtbot.waitSignal(task.failed, timeout=WAIT):
        pass
    box = parent.findChild(QMessageBox, "incidentSummaryExportFailed")
    assert box is not None and "999" in box.informativeText()
    box.close()
    assert list(folder.iterdir()) == []


def test_the_default_file_name_carries_the_incident_code_and_the_date():
    from datetime import date

    from ui.pages.incident_summary_export import default_path

    assert default_path("YQ-202611-003", date(2026, 11, 28)).name == "舆情报告-YQ-202611-003-2026-11-28.pdf"
