"""导出证据包 (issue 5, deliverable 7): the app writes the same evidence pack as ``report evidence`` — the order, the
promise verbatim, the attachments' SHA-256 and the ledger head — and says where it went.

Basis: in a dispute the seller produces the original records (电子商务法 Art 62).
"""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.core.test_evidence_pack import WORDING, Case, build_case

WAIT = 20_000


@pytest.fixture
def case(tmp_db, owner) -> Case:
    return build_case(tmp_db, owner)


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).replace("\n", "")


def test_the_written_pdf_carries_the_code_the_promise_and_the_attachment_hash(tmp_db, owner, case, tmp_path):
    from ui.pages.evidence_export import write_evidence_pack

    folder = tmp_path / "文档"
    folder.mkdir()
    out = folder / f"证据包-{case.code}.pdf"
    written = write_evidence_pack(tmp_db, owner, case.ticket_id, out)
    assert written == out.resolve()
    text = pdf_text(out.read_bytes())
    assert case.code in text and WORDING in text and case.photo_sha in text and "2026-10-08 24:00" in text
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left beside it


def test_exporting_from_the_app_says_where_the_file_went(qtbot, context, case, tmp_path):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.pages.evidence_export import export_evidence_pack_to

    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "证据包.pdf"
    task = export_evidence_pack_to(context, case.ticket_id, out, parent)
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    box = parent.findChild(QMessageBox, "evidencePackExported")
    assert box is not None and str(out) in box.informativeText()
    box.close()
    assert case.code in pdf_text(out.read_bytes())


def test_an_unknown_ticket_is_said_plainly_and_no_file_is_left(qtbot, context, tmp_path):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.pages.evidence_export import export_evidence_pack_to

    parent = QWidget()
    qtbot.addWidget(parent)
    folder = tmp_path / "文档"
    folder.mkdir()
    task = export_evidence_pack_to(context, 999, folder / "证据包.pdf", parent)
    with qtbot.waitSignal(task.failed, timeout=WAIT):
        pass
    box = parent.findChild(QMessageBox, "evidencePackExportFailed")
    assert box is not None and "999" in box.informativeText()
    box.close()
    assert list(folder.iterdir()) == []


def test_the_default_file_name_carries_the_ticket_code_and_the_date():
    from datetime import date

    from ui.pages.evidence_export import default_path

    path = default_path("SH-202610-0001", date(2026, 10, 3))
    assert path.name.endswith("-SH-202610-0001-2026-10-03.pdf")
